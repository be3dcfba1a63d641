//! Whole-source copies: a source most of whose paragraphs repeat one other, earlier source.

use std::collections::HashMap;

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
    let counted = |group: u32| word_counts[group as usize] >= MIN_WORDS;
    let mut holders: HashMap<u32, Vec<usize>> = HashMap::new();
    for (document, of) in groups.group_of.iter().enumerate() {
        for group in of.iter().flatten().copied().filter(|&g| counted(g)) {
            let list = holders.entry(roots[group as usize]).or_default();
            if list.last() != Some(&document) {
                list.push(document);
            }
        }
    }
    groups
        .group_of
        .iter()
        .enumerate()
        .map(|(document, of)| {
            let mut shared: HashMap<usize, usize> = HashMap::new();
            let mut total = 0;
            for group in of.iter().flatten().copied().filter(|&g| counted(g)) {
                total += 1;
                let others = &holders[&roots[group as usize]];
                if others.len() > MAX_CLUSTER_SOURCES {
                    continue;
                }
                for &other in others.iter().filter(|&&o| o != document) {
                    *shared.entry(other).or_default() += 1;
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
