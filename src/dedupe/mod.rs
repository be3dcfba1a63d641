//! Stage 3, dedupe: which paragraphs repeat one another, which one is the original, and
//! which sources are copies of another.
//!
//! Three matchers join paragraphs into clusters, each on top of the one before:
//!
//! 1. `exact`: the same normalised text (case, white space, quote and dash styles aside);
//! 2. `near`: the same text edited (MinHash and LSH over shingles, checked exactly);
//! 3. `reworded`: the same paragraph rewritten, in two sources that tell one story in
//!    the same order (aligned paragraph by paragraph).
//!
//! A cluster's canonical paragraph is the one in the earliest dated source (then the first
//! in path order, then in reading order); every other member points to it with its
//! similarity. A source most of whose paragraphs repeat one other, earlier source is a copy
//! of it. Repeats are marked, never dropped: provenance is the point.

mod align;
mod copies;
mod exact;
mod minhash;
mod near;
pub mod normalize;
mod reworded;
pub(crate) mod shingle;
mod union_find;

use std::cmp::Ordering;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::parse::Document;
use normalize::{normalize, words};
use union_find::UnionFind;

/// Where a paragraph is: its document's index in the build and its block's index there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ParagraphAt {
    /// Index into the documents given to [`dedupe`].
    pub document: usize,
    /// Index into that document's blocks.
    pub block: usize,
}

/// A paragraph repeats `of`, the canonical paragraph of its cluster.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Repeat {
    /// The canonical paragraph.
    pub of: ParagraphAt,
    /// How much of the wording is the same, from 0 to 1 (1 for an exact repeat): the share
    /// of words a word-by-word diff of the two texts keeps.
    pub similarity: f64,
    /// How it repeats the canonical paragraph.
    pub kind: RepeatKind,
}

/// How a paragraph repeats its original.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RepeatKind {
    /// The same words, typography, case and white space aside.
    Exact,
    /// The same text with words changed, a sentence cut or added, a dateline put in front:
    /// a word diff shows what changed.
    Edited,
    /// The same paragraph in other words (rewritten, spun, retranslated): a word diff would
    /// be all changes.
    Reworded,
}

impl RepeatKind {
    /// Word 3-gram overlap from which a changed copy still reads as an edit of its
    /// original (see [`near::MIN_CONTAINMENT`] for a cut or extended copy).
    const EDITED_JACCARD: f64 = 0.25;

    /// How `copy` repeats `original`, two texts of different exact groups.
    fn of_changed(original: &str, copy: &str) -> RepeatKind {
        let (_, _, o) = near::compare(original, copy);
        if o.jaccard >= Self::EDITED_JACCARD || o.containment >= near::MIN_CONTAINMENT {
            RepeatKind::Edited
        } else {
            RepeatKind::Reworded
        }
    }
}

/// A whole source that repeats another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SourceCopy {
    /// The document it copies.
    pub of: usize,
    /// How many of its paragraphs repeat that document.
    pub shared: usize,
    /// How many paragraphs it has that count (prose of five words or more).
    pub total: usize,
}

/// What dedupe found.
#[derive(Debug, Clone, Default)]
pub struct Clusters {
    repeats: Vec<Vec<Option<Repeat>>>,
    copies: Vec<Option<SourceCopy>>,
    timings: Vec<(&'static str, Duration)>,
}

impl Clusters {
    /// What the paragraph at `at` repeats, if it is a repeat.
    pub fn repeat_of(&self, at: ParagraphAt) -> Option<Repeat> {
        self.repeats
            .get(at.document)?
            .get(at.block)
            .copied()
            .flatten()
    }

    /// How many paragraphs are repeats of another.
    pub fn repeat_count(&self) -> usize {
        self.repeats
            .iter()
            .flatten()
            .filter(|r| r.is_some())
            .count()
    }

    /// How long each step of the stage took: exact, near, reworded, canonical.
    pub fn timings(&self) -> &[(&'static str, Duration)] {
        &self.timings
    }

    /// The source that document `document` is a copy of, if it is one.
    pub fn copy_of(&self, document: usize) -> Option<SourceCopy> {
        self.copies.get(document).copied().flatten()
    }
}

/// Finds the repeated paragraphs and copied sources of `documents`.
pub fn dedupe(documents: &[Document]) -> Clusters {
    let mut timings = Vec::new();
    let mut clock = Instant::now();
    let mut lap = |step: &'static str| {
        timings.push((step, clock.elapsed()));
        clock = Instant::now();
    };
    let order = CanonicalOrder::new(documents);
    let groups = exact::groups(documents);
    let text = |at: ParagraphAt| documents[at.document].blocks[at.block].text.as_str();
    let texts: Vec<&str> = groups.members.iter().map(|m| text(m[0])).collect();

    lap("exact");
    let mut sets = UnionFind::new(texts.len());
    let near = near::pairs(&texts);
    for &(a, b) in &near.pairs {
        sets.union(a, b);
    }
    let sources: Vec<Vec<reworded::Para<'_>>> = documents
        .iter()
        .zip(&groups.group_of)
        .map(|(doc, of)| {
            of.iter()
                .zip(&doc.blocks)
                .filter_map(|(group, b)| {
                    group.map(|group| reworded::Para {
                        group,
                        text: &b.text,
                    })
                })
                .collect()
        })
        .collect();
    lap("near");
    reworded::link(&sources, &mut sets);
    lap("reworded");

    // The canonical paragraph of every cluster, and each group's similarity to it.
    let roots: Vec<u32> = (0..texts.len() as u32).map(|g| sets.find(g)).collect();
    let mut canonical: Vec<Option<ParagraphAt>> = vec![None; texts.len()];
    for (group, members) in groups.members.iter().enumerate() {
        let root = roots[group] as usize;
        for &at in members {
            if canonical[root].is_none_or(|c| order.key(at) < order.key(c)) {
                canonical[root] = Some(at);
            }
        }
    }
    let canonical_group = |group: usize| {
        let at = canonical[roots[group] as usize]?;
        groups.group_of[at.document][at.block].map(|g| (g, at))
    };
    let likeness: Vec<(f64, RepeatKind)> = (0..texts.len())
        .into_par_iter()
        .map(|group| match canonical_group(group) {
            Some((g, _)) if g as usize != group => {
                let (original, copy) = (texts[g as usize], texts[group]);
                let similarity = similarity(copy, original);
                let kind = if similarity == 1.0 {
                    RepeatKind::Exact
                } else {
                    RepeatKind::of_changed(original, copy)
                };
                (similarity, kind)
            }
            _ => (1.0, RepeatKind::Exact),
        })
        .collect();

    let mut repeats: Vec<Vec<Option<Repeat>>> = documents
        .iter()
        .map(|d| vec![None; d.blocks.len()])
        .collect();
    for (group, members) in groups.members.iter().enumerate() {
        let Some((_, original)) = canonical_group(group) else {
            continue;
        };
        for &at in members.iter().filter(|&&at| at != original) {
            let (similarity, kind) = likeness[group];
            repeats[at.document][at.block] = Some(Repeat {
                of: original,
                similarity,
                kind,
            });
        }
    }
    let copies = copies::find(&groups, &roots, &near.word_counts, &order);
    lap("canonical");
    Clusters {
        repeats,
        copies,
        timings,
    }
}

/// For every cluster (by its root in `roots`) with more than one paragraph, the documents
/// that hold its paragraphs, each once, in document order; empty for the others.
/// `documents()` yields, per document, the groups of its paragraphs.
pub(crate) fn cluster_documents<D, G>(documents: impl Fn() -> D, roots: &[u32]) -> Vec<Vec<u32>>
where
    D: Iterator<Item = G>,
    G: Iterator<Item = u32>,
{
    let mut paragraphs = vec![0u32; roots.len()];
    for group in documents().flatten() {
        paragraphs[roots[group as usize] as usize] += 1;
    }
    let mut holders: Vec<Vec<u32>> = vec![Vec::new(); roots.len()];
    for (document, groups) in documents().enumerate() {
        for group in groups {
            let root = roots[group as usize] as usize;
            if paragraphs[root] > 1 && holders[root].last() != Some(&(document as u32)) {
                holders[root].push(document as u32);
            }
        }
    }
    holders
}

/// The share of words two texts have in common, in order (1 for the same words).
fn similarity(a: &str, b: &str) -> f64 {
    let (na, nb) = (normalize(a), normalize(b));
    let (wa, wb) = (words(&na), words(&nb));
    // A word diff of very long paragraphs can take quadratic time: past this length the
    // shingle overlap stands in for it.
    const DIFF_WORDS: usize = 2000;
    if wa.len().max(wb.len()) > DIFF_WORDS {
        return near::compare(a, b).2.jaccard;
    }
    f64::from(similar::TextDiff::from_slices(&wa, &wb).ratio())
}

/// The order in which paragraphs claim to be the original: earliest dated source first
/// (by the metadata's date, else the one inferred from the text; undated sources after
/// all dated ones), then path order, then reading order.
pub(crate) struct CanonicalOrder {
    rank: Vec<usize>,
}

impl CanonicalOrder {
    fn new(documents: &[Document]) -> Self {
        let mut by_age: Vec<usize> = (0..documents.len()).collect();
        by_age.sort_by(|&a, &b| {
            let (da, db) = (&documents[a], &documents[b]);
            let (sa, sb) = (&da.source, &db.source);
            let time = |d: &Document| d.source.meta.date.as_ref().and_then(|p| p.time);
            let age = match (da.date(), db.date()) {
                (Some(x), Some(y)) => (x, time(da)).cmp(&(y, time(db))),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            };
            age.then_with(|| sa.path.cmp(&sb.path))
        });
        let mut rank = vec![0; documents.len()];
        for (position, &document) in by_age.iter().enumerate() {
            rank[document] = position;
        }
        CanonicalOrder { rank }
    }

    /// The sort key of a paragraph: lower is more original.
    pub(crate) fn key(&self, at: ParagraphAt) -> (usize, usize) {
        (self.rank[at.document], at.block)
    }

    /// The rank of a document: lower is older.
    pub(crate) fn rank(&self, document: usize) -> usize {
        self.rank[document]
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::load::{Format, Metadata, Published, Source};
    use crate::parse::parse;

    /// A plain-text document (one paragraph per line) for tests.
    pub(crate) fn document(path: &str, date: Option<&str>, text: &str) -> Document {
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

    fn at(document: usize, block: usize) -> ParagraphAt {
        ParagraphAt { document, block }
    }

    #[test]
    fn the_earliest_dated_source_holds_the_canonical_paragraph() {
        let docs = [
            document("a.txt", None, "Shared text.\nOwn text a."),
            document(
                "b.txt",
                Some("2025-11-24"),
                "Own text b.\n  SHARED   text. ",
            ),
            document("c.txt", Some("2025-11-23"), "shared text."),
            document("d.txt", Some("2025-11-23"), "shared text."),
        ];
        let clusters = dedupe(&docs);
        assert_eq!(
            clusters.repeat_of(at(2, 0)),
            None,
            "earliest date, first path"
        );
        for repeat in [at(0, 0), at(1, 1), at(3, 0)] {
            assert_eq!(clusters.repeat_of(repeat).map(|r| r.of), Some(at(2, 0)));
        }
        assert_eq!(clusters.repeat_count(), 3);
    }

    #[test]
    fn a_repeat_inside_one_source_points_to_its_first_occurrence() {
        let docs = [document("a.txt", None, "One.\nTwo.\nOne.\nTwo.")];
        let clusters = dedupe(&docs);
        assert_eq!(clusters.repeat_of(at(0, 2)).map(|r| r.of), Some(at(0, 0)));
        assert_eq!(clusters.repeat_of(at(0, 3)).map(|r| r.of), Some(at(0, 1)));
        assert_eq!(
            clusters.repeat_of(at(0, 2)).map(|r| r.similarity),
            Some(1.0)
        );
    }

    #[test]
    fn an_edited_copy_points_to_the_original_with_its_similarity() {
        let original = "Dock workers at the Port of Rotterdam walked off the job on Monday, halting most \
            container traffic at Europe's largest port as a dispute over automated cranes escalated.";
        let edited = original.replace("halting", "stopping");
        let docs = [
            document("late.txt", Some("2026-03-03"), &edited),
            document("early.txt", Some("2026-03-02"), original),
        ];
        let repeat = dedupe(&docs).repeat_of(at(0, 0)).expect("a near-duplicate");
        assert_eq!(repeat.of, at(1, 0));
        assert!(
            repeat.similarity > 0.9 && repeat.similarity < 1.0,
            "{}",
            repeat.similarity
        );
    }

    #[test]
    fn similarity_counts_words_kept_in_order() {
        assert_eq!(similarity("a b c d", "a b c d"), 1.0);
        assert_eq!(similarity("a b c d", "a b x d"), 0.75);
        assert_eq!(similarity("a b", "c d"), 0.0);
    }
}
