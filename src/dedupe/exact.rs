//! Exact repeats: paragraphs whose normalised text is the same form one group.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use rayon::prelude::*;
use xxhash_rust::xxh3::xxh3_128;

use super::ParagraphAt;
use super::normalize::normalize;
use crate::parse::Document;

/// Prose paragraphs grouped by their normalised text. Only prose takes part: a repeated
/// heading or code block is structure, not repeated reporting.
#[derive(Debug, Clone, Default)]
pub struct Groups {
    /// The members of each group, in document and reading order.
    pub members: Vec<Vec<ParagraphAt>>,
    /// For every block of every document, its group (`None` for headings and code).
    pub group_of: Vec<Vec<Option<u32>>>,
}

/// Groups the prose paragraphs of `documents` by normalised text.
pub fn groups(documents: &[Document]) -> Groups {
    // 128-bit hashes of the normalised text: a collision among even billions of paragraphs
    // is far less likely than a disk error, and the texts need not be kept.
    let hashes: Vec<Vec<Option<u128>>> = documents
        .par_iter()
        .map(|doc| {
            doc.blocks
                .iter()
                .map(|b| {
                    b.kind
                        .is_prose()
                        .then(|| xxh3_128(normalize(&b.text).as_bytes()))
                })
                .collect()
        })
        .collect();
    // Sized for every paragraph at once: growing it rehashes all that is in it, many times.
    let prose = hashes.iter().flatten().filter(|h| h.is_some()).count();
    let mut index: HashMap<u128, u32, BuildHasherDefault<HashIsKey>> =
        HashMap::with_capacity_and_hasher(prose, BuildHasherDefault::default());
    let mut groups = Groups::default();
    for (document, blocks) in hashes.into_iter().enumerate() {
        let of = blocks
            .into_iter()
            .enumerate()
            .map(|(block, hash)| {
                let hash = hash?;
                let next = groups.members.len() as u32;
                let group = *index.entry(hash).or_insert(next);
                if group == next {
                    groups.members.push(Vec::new());
                }
                groups.members[group as usize].push(ParagraphAt { document, block });
                Some(group)
            })
            .collect();
        groups.group_of.push(of);
    }
    groups
}

/// A hasher for keys that are hashes already: it takes their low 64 bits as they are.
#[derive(Default)]
struct HashIsKey(u64);

impl Hasher for HashIsKey {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Only `u128` keys are hashed here; this path folds anything else in all the same.
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u128(&mut self, key: u128) {
        self.0 = key as u64;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dedupe::tests::document;

    #[test]
    fn the_same_normalised_text_is_one_group() {
        let docs = [
            document("a.txt", None, "Shared text.\nOwn text a."),
            document("b.txt", None, "Own text b.\n  SHARED   text.  "),
        ];
        let g = groups(&docs);
        assert_eq!(g.members.len(), 3);
        assert_eq!(g.group_of[0][0], g.group_of[1][1]);
        assert_ne!(g.group_of[0][1], g.group_of[1][0]);
    }

    #[test]
    fn headings_are_in_no_group() {
        let mut doc = document("a.md", None, "Text.");
        doc.blocks[0].kind = crate::parse::BlockKind::Heading(2);
        assert_eq!(groups(&[doc]).group_of[0][0], None);
    }
}
