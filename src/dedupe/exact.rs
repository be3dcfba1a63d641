//! Exact repeats: paragraphs whose normalised text is the same.

use std::collections::HashMap;

use xxhash_rust::xxh3::xxh3_128;

use super::normalize::normalize;
use super::{CanonicalOrder, ParagraphAt, Repeat};
use crate::parse::Document;

/// For every block, the canonical paragraph it repeats word for word, if any. Only prose
/// blocks take part: a repeated heading or code block is structure, not repeated reporting.
pub(super) fn find(documents: &[Document], order: &CanonicalOrder) -> Vec<Vec<Option<Repeat>>> {
    // 128-bit hashes of the normalised text: a collision among even billions of paragraphs
    // is far less likely than a disk error, and the texts need not be kept.
    let mut groups: HashMap<u128, Vec<ParagraphAt>> = HashMap::new();
    for (document, doc) in documents.iter().enumerate() {
        for (block, b) in doc.blocks.iter().enumerate() {
            if b.kind.is_prose() {
                let key = xxh3_128(normalize(&b.text).as_bytes());
                groups
                    .entry(key)
                    .or_default()
                    .push(ParagraphAt { document, block });
            }
        }
    }
    let mut repeats: Vec<Vec<Option<Repeat>>> = documents
        .iter()
        .map(|d| vec![None; d.blocks.len()])
        .collect();
    for members in groups.into_values().filter(|m| m.len() > 1) {
        let Some(canonical) = members.iter().copied().min_by_key(|&at| order.key(at)) else {
            continue;
        };
        for at in members.into_iter().filter(|&at| at != canonical) {
            repeats[at.document][at.block] = Some(Repeat {
                of: canonical,
                similarity: 1.0,
            });
        }
    }
    repeats
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::load::{Format, Metadata, Published, Source};
    use crate::parse::parse;

    fn document(path: &str, date: Option<&str>, text: &str) -> Document {
        parse(Source {
            id: path.into(),
            path: PathBuf::from(path),
            format: Format::PlainText,
            meta: Metadata {
                date: date.and_then(Published::parse),
                ..Metadata::default()
            },
            text: text.into(),
            first_line: 1,
        })
    }

    #[test]
    fn the_earliest_dated_source_holds_the_canonical_paragraph() {
        let docs = [
            document("a.txt", None, "Shared text.\nOwn text a."),
            document(
                "b.txt",
                Some("2025-11-24"),
                "Own text b.\n\u{201C}shared  TEXT.\u{201D}",
            ),
            document("c.txt", Some("2025-11-23"), "shared text."),
        ];
        let docs = [docs[0].clone(), docs[1].clone(), docs[2].clone()];
        let clusters = super::super::dedupe(&docs);
        let c = ParagraphAt {
            document: 2,
            block: 0,
        };
        assert_eq!(clusters.repeat_of(c), None);
        assert_eq!(
            clusters
                .repeat_of(ParagraphAt {
                    document: 0,
                    block: 0
                })
                .map(|r| r.of),
            Some(c)
        );
        // Quote marks differ: not the same text.
        assert_eq!(
            clusters.repeat_of(ParagraphAt {
                document: 1,
                block: 1
            }),
            None
        );
        assert_eq!(clusters.repeat_count(), 1);
    }

    #[test]
    fn a_repeat_inside_one_source_points_to_its_first_occurrence() {
        let docs = [document("a.txt", None, "One.\nTwo.\nOne.\nTwo.")];
        let clusters = super::super::dedupe(&docs);
        let at = |block| ParagraphAt { document: 0, block };
        assert_eq!(clusters.repeat_of(at(2)).map(|r| r.of), Some(at(0)));
        assert_eq!(clusters.repeat_of(at(3)).map(|r| r.of), Some(at(1)));
        assert_eq!(clusters.repeat_of(at(2)).map(|r| r.similarity), Some(1.0));
    }
}
