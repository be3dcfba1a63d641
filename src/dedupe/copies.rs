//! Whole-source copies: a source most of whose paragraphs repeat one other, earlier source.

use foldhash::{HashMap, HashMapExt};

use super::exact::Groups;
use super::{CanonicalOrder, SourceCopy};

/// Paragraphs shorter than this (in words) do not count: "Read more." and credit lines
/// repeat everywhere without making one source a copy of another.
const MIN_WORDS: usize = 5;
/// A cluster spread over more sources than this is boilerplate, not evidence of copying.
const MAX_CLUSTER_SOURCES: usize = 200;

/// For every document, the earlier document it copies, if any. `roots` gives each exact
/// group's cluster, `word_counts` each group's length.
pub fn find(
    groups: &Groups,
    roots: &[u32],
    word_counts: &[usize],
    order: &CanonicalOrder,
) -> Vec<Option<SourceCopy>> {
    let holders = super::cluster_documents(
        || {
            groups
                .group_of
                .iter()
                .map(|of| counted_groups(of, word_counts))
        },
        roots,
    );
    groups
        .group_of
        .iter()
        .enumerate()
        .map(|(document, of)| {
            let mut shared: HashMap<usize, usize> = HashMap::new();
            let mut total = 0;
            for group in counted_groups(of, word_counts) {
                total += 1;
                let others = &holders[roots[group as usize] as usize];
                if others.len() > MAX_CLUSTER_SOURCES {
                    continue;
                }
                for &other in others.iter().filter(|&&o| o as usize != document) {
                    *shared.entry(other as usize).or_default() += 1;
                }
            }
            // The source sharing most; among equals the oldest, the original of them all.
            let (of, shared) = shared
                .into_iter()
                .min_by_key(|&(other, n)| (std::cmp::Reverse(n), order.rank(other)))?;
            (shared * 2 > total && order.rank(of) < order.rank(document)).then_some(SourceCopy {
                of,
                shared,
                total,
            })
        })
        .collect()
}

/// The groups of a document's paragraphs that count towards copying.
fn counted_groups<'a>(
    of: &'a [Option<u32>],
    word_counts: &'a [usize],
) -> impl Iterator<Item = u32> + 'a {
    of.iter()
        .flatten()
        .copied()
        .filter(move |&g| word_counts[g as usize] >= MIN_WORDS)
}
