//! Stage 3, dedupe: which paragraphs repeat one another, and which one is the original.
//!
//! Every prose paragraph of every source is compared in its normalised form. Paragraphs that
//! match form a cluster whose canonical member is the one in the earliest dated source (then
//! the first in path order, then in reading order); every other member points to it. Repeats
//! are marked, never dropped: provenance is the point.
//!
//! The stage's output, [`Clusters`], says for each paragraph what it repeats and how
//! closely. Matching strategies add links to it; callers only read it.

mod exact;
pub mod normalize;

use std::cmp::Ordering;

use crate::parse::Document;

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
    /// How close the two texts are, from 0 to 1 (1 for an exact repeat).
    pub similarity: f64,
}

/// What dedupe found: for every block of every document, the paragraph it repeats, if any.
#[derive(Debug, Clone, Default)]
pub struct Clusters {
    repeats: Vec<Vec<Option<Repeat>>>,
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
}

/// Finds the repeated paragraphs of `documents`.
pub fn dedupe(documents: &[Document]) -> Clusters {
    let order = CanonicalOrder::new(documents);
    let repeats = exact::find(documents, &order);
    Clusters { repeats }
}

/// The order in which paragraphs claim to be the original: earliest dated source first
/// (undated sources after all dated ones), then path order, then reading order.
pub(crate) struct CanonicalOrder {
    rank: Vec<usize>,
}

impl CanonicalOrder {
    fn new(documents: &[Document]) -> Self {
        let mut by_age: Vec<usize> = (0..documents.len()).collect();
        by_age.sort_by(|&a, &b| {
            let (sa, sb) = (&documents[a].source, &documents[b].source);
            let age = match (&sa.meta.date, &sb.meta.date) {
                (Some(x), Some(y)) => (x.date, x.time).cmp(&(y.date, y.time)),
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
}
