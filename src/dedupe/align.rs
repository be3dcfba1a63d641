//! Paragraph alignment of two sources, as sentence aligners align a text and its
//! translation: in order, one paragraph to one, one to two or two to one (a copy that
//! merged or split paragraphs), with paragraphs on either side left out where one source
//! cut or added text.
//!
//! Paragraphs are compared by what survives rewording: their content words after stemming
//! (and after the swaps synonym spinners make, from `data/synonyms.txt`), their names and
//! numbers, which weigh more, and the words inside their quotes. A content-farm rewrite of
//! a paragraph keeps most of these while its word 3-grams change almost completely.

use std::sync::LazyLock;

use foldhash::{HashMap, HashMapExt, HashSet};
use rust_stemmers::{Algorithm, Stemmer};
use xxhash_rust::xxh3::xxh3_64;

use super::normalize::{comparable, words};
use super::reworded::{function_word, key_tokens};
use crate::sentence::list_entries;

/// Words left out of the content words beside the function words: auxiliaries and the
/// fillers of rewriters.
static STOPWORDS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| list_entries(include_str!("data/stopwords.txt")).collect());

/// Each stem of a synonym set, mapped to the hash of the set's first stem.
static SYNONYMS: LazyLock<HashMap<String, u64>> = LazyLock::new(|| {
    let stemmer = Stemmer::create(Algorithm::English);
    let mut map = HashMap::new();
    for line in list_entries(include_str!("data/synonyms.txt")) {
        let mut set = line
            .split_whitespace()
            .map(|w| stemmer.stem(w).into_owned());
        let Some(first) = set.next() else { continue };
        let canonical = xxh3_64(first.as_bytes());
        map.insert(first, canonical);
        for stem in set {
            map.entry(stem).or_insert(canonical);
        }
    }
    map
});

/// How much a shared name or number counts against a shared content word: rewriters change
/// words, rarely names and figures.
const NAME_WEIGHT: f32 = 2.0;
/// Kept apart from content-word hashes, so that a name and a word never meet by chance.
const NAME_SALT: u64 = 0x5bd1_e995_9e37_79b9;

/// What a paragraph (or two consecutive ones, taken together) is compared by: its weighted
/// tokens, sorted by hash, each once.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Features {
    tokens: Vec<(u64, f32)>,
    weight: f32,
    words: usize,
}

impl Features {
    /// The features of a paragraph's text.
    pub fn new(text: &str) -> Features {
        thread_local! {
            static STEMMER: Stemmer = Stemmer::create(Algorithm::English);
        }
        let names = key_tokens(text);
        let normalized = comparable(text);
        let all = words(&normalized);
        let mut tokens: Vec<(u64, f32)> = STEMMER.with(|stemmer| {
            all.iter()
                .filter(|w| {
                    w.chars().any(char::is_alphabetic)
                        && !STOPWORDS.contains(**w)
                        && !function_word(w)
                })
                .map(|w| {
                    let stem = stemmer.stem(w.trim_end_matches(['.', ',']));
                    let hash = SYNONYMS
                        .get(stem.as_ref())
                        .copied()
                        .unwrap_or_else(|| xxh3_64(stem.as_bytes()));
                    (hash, 1.0)
                })
                .collect()
        });
        tokens.extend(names.iter().map(|&h| (h ^ NAME_SALT, NAME_WEIGHT)));
        Features::from_tokens(tokens, all.len())
    }

    fn from_tokens(mut tokens: Vec<(u64, f32)>, words: usize) -> Features {
        tokens.sort_unstable_by_key(|t| t.0);
        tokens.dedup_by_key(|t| t.0);
        let weight = tokens.iter().map(|t| t.1).sum();
        Features {
            tokens,
            weight,
            words,
        }
    }

    /// Two consecutive paragraphs taken as one.
    pub fn joined(&self, next: &Features) -> Features {
        let mut tokens = self.tokens.clone();
        tokens.extend_from_slice(&next.tokens);
        Features::from_tokens(tokens, self.words + next.words)
    }

    /// How many words the text has.
    pub fn words(&self) -> usize {
        self.words
    }
}

/// Weighs every token of `sources`' paragraphs by how rare it is among them (its inverse
/// document frequency): in a corpus about one story, the names everybody mentions and
/// the formulae every paragraph repeats say little about which paragraph copies which.
pub fn weigh_by_rarity(sources: &mut [Vec<Features>]) {
    let mut frequency: HashMap<u64, u32> = HashMap::new();
    let mut paragraphs = 0usize;
    for f in sources.iter().flatten() {
        paragraphs += 1;
        for &(token, _) in &f.tokens {
            *frequency.entry(token).or_default() += 1;
        }
    }
    let n = paragraphs as f32;
    for f in sources.iter_mut().flatten() {
        for (token, weight) in &mut f.tokens {
            let df = frequency.get(token).copied().unwrap_or(1) as f32;
            *weight *= (1.0 + n / df).ln();
        }
        f.weight = f.tokens.iter().map(|t| t.1).sum();
    }
}

/// How alike two paragraphs are in what survives rewording, from 0 to 1: the weighted Dice
/// coefficient of their tokens, lowered where one paragraph is much longer than the other
/// (a paragraph of two sentences is no copy of one that holds them among ten).
pub fn similarity(a: &Features, b: &Features) -> f64 {
    if a.tokens.is_empty() || b.tokens.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0.0f32);
    while i < a.tokens.len() && j < b.tokens.len() {
        match a.tokens[i].0.cmp(&b.tokens[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += a.tokens[i].1;
                i += 1;
                j += 1;
            }
        }
    }
    let dice = f64::from(2.0 * common / (a.weight + b.weight));
    let (short, long) = (a.words.min(b.words), a.words.max(b.words));
    let ratio = short as f64 / long.max(1) as f64;
    // Rewriters pad and trim: lengths within a factor of 1.6 cost nothing.
    dice * (ratio * 1.6).min(1.0)
}

/// Two aligned paragraphs: `a` of the first source, `b` of the second, and how alike they
/// (or the two paragraphs of a merge or split, taken together) are.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Link {
    /// Index into the first source's paragraphs.
    pub a: usize,
    /// Index into the second source's paragraphs.
    pub b: usize,
    /// The similarity of the aligned step.
    pub similarity: f64,
    /// How alike the two paragraphs are, on average, to the other source's paragraphs:
    /// the greater of the two means. Formulaic text is alike everywhere; a copied
    /// paragraph stands out from the rest of the source.
    pub background: f64,
}

/// The best alignment of two sources' paragraphs `a` and `b`: the monotone sequence of
/// steps (one to one, one to two, two to one) of similarity at least `floor` whose
/// similarities add up to the most. `same(i, j)` tells paragraphs already known to repeat
/// each other, which align at similarity 1. In a one-to-two step, the single paragraph is
/// linked to the one of the two it is most like: the other holds text of another paragraph.
pub fn align(
    a: &[Features],
    b: &[Features],
    floor: f64,
    same: impl Fn(usize, usize) -> bool,
) -> Vec<Link> {
    let (m, n) = (a.len(), b.len());
    if m == 0 || n == 0 {
        return Vec::new();
    }
    let joined_a: Vec<Features> = a.windows(2).map(|w| w[0].joined(&w[1])).collect();
    let joined_b: Vec<Features> = b.windows(2).map(|w| w[0].joined(&w[1])).collect();
    let one = |i: usize, j: usize| {
        if same(i, j) {
            1.0
        } else {
            similarity(&a[i], &b[j])
        }
    };
    let singles: Vec<Vec<f64>> = (0..m)
        .map(|i| (0..n).map(|j| one(i, j)).collect())
        .collect();
    let row_means: Vec<f64> = singles
        .iter()
        .map(|row| row.iter().sum::<f64>() / n as f64)
        .collect();
    let column_means: Vec<f64> = (0..n)
        .map(|j| singles.iter().map(|row| row[j]).sum::<f64>() / m as f64)
        .collect();
    let link = |a: usize, b: usize, similarity: f64| Link {
        a,
        b,
        similarity,
        background: row_means[a].max(column_means[b]),
    };
    // The best total from (i, j) to the end, and the step taken there.
    let mut best = vec![vec![0.0f64; n + 1]; m + 1];
    let mut step = vec![vec![Step::SkipA; n + 1]; m + 1];
    for i in (0..m).rev() {
        for j in (0..n).rev() {
            let mut choice = (best[i + 1][j], Step::SkipA);
            if best[i][j + 1] > choice.0 {
                choice = (best[i][j + 1], Step::SkipB);
            }
            let s = singles[i][j];
            if s >= floor && s + best[i + 1][j + 1] > choice.0 {
                choice = (s + best[i + 1][j + 1], Step::One(s));
            }
            if j + 1 < n {
                let s = similarity(&a[i], &joined_b[j]);
                // Only where the two together are more like it than either alone.
                if s >= floor
                    && s > singles[i][j].max(singles[i][j + 1])
                    && s + best[i + 1][j + 2] > choice.0
                {
                    choice = (s + best[i + 1][j + 2], Step::OneTwo(s));
                }
            }
            if i + 1 < m {
                let s = similarity(&joined_a[i], &b[j]);
                if s >= floor
                    && s > singles[i][j].max(singles[i + 1][j])
                    && s + best[i + 2][j + 1] > choice.0
                {
                    choice = (s + best[i + 2][j + 1], Step::TwoOne(s));
                }
            }
            best[i][j] = choice.0;
            step[i][j] = choice.1;
        }
    }
    let (mut i, mut j, mut links) = (0, 0, Vec::new());
    while i < m && j < n {
        match step[i][j] {
            Step::SkipA => i += 1,
            Step::SkipB => j += 1,
            Step::One(s) => {
                links.push(link(i, j, s));
                i += 1;
                j += 1;
            }
            Step::OneTwo(s) => {
                let b = if singles[i][j] >= singles[i][j + 1] {
                    j
                } else {
                    j + 1
                };
                links.push(link(i, b, s));
                i += 1;
                j += 2;
            }
            Step::TwoOne(s) => {
                let a = if singles[i][j] >= singles[i + 1][j] {
                    i
                } else {
                    i + 1
                };
                links.push(link(a, j, s));
                i += 2;
                j += 1;
            }
        }
    }
    links
}

#[derive(Debug, Clone, Copy)]
enum Step {
    SkipA,
    SkipB,
    One(f64),
    OneTwo(f64),
    TwoOne(f64),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn features(texts: &[&str]) -> Vec<Features> {
        texts.iter().map(|t| Features::new(t)).collect()
    }

    #[test]
    fn a_spun_paragraph_is_more_like_its_original_than_another_on_the_same_story() {
        let original = Features::new(
            "The finance minister told lawmakers on Tuesday that the budget would be balanced by \
             next year, ending a decade of deficits, and said spending cuts of 2.4 billion euros \
             would fall mostly on defence.",
        );
        let spun = Features::new(
            "The finance minister assured legislators on Tuesday that the budget would reach balance \
             within a year, bringing an end to a decade of deficits, and stated that spending cuts \
             of 2.4 billion euros would mostly hit defence.",
        );
        let other = Features::new(
            "Opposition lawmakers said on Tuesday the finance minister's budget relied on optimistic \
             growth forecasts and would deepen cuts to hospitals.",
        );
        let close = similarity(&original, &spun);
        let apart = similarity(&original, &other);
        assert!(close > 0.7 && apart < 0.5, "{close} / {apart}");
    }

    #[test]
    fn stems_and_synonyms_meet() {
        let a = Features::new("Officials warned that the vote would be delayed.");
        let b = Features::new("Authorities cautioned the poll was delayed.");
        assert!(similarity(&a, &b) > 0.9, "{}", similarity(&a, &b));
    }

    #[test]
    fn alignment_is_monotone_and_leaves_out_what_one_side_added() {
        let a = features(&[
            "Harbour workers in Rotterdam walked out on Monday over automated cranes.",
            "About 4,500 workers joined the 48-hour strike, union organiser Marieke de Vries said.",
            "The port authority said 37 vessels were waiting at anchor by Monday evening.",
        ]);
        let b = features(&[
            "In news that shipping firms will watch closely, a port is at a standstill.",
            "Dock staff in Rotterdam staged a walkout on Monday over self-driving cranes.",
            "Some 4,500 employees took part in the 48-hour stoppage, Marieke de Vries stated.",
            "By Monday night 37 ships were queuing at anchor, the port authority reported.",
        ]);
        let links = align(&a, &b, 0.3, |_, _| false);
        let pairs: Vec<(usize, usize)> = links.iter().map(|l| (l.a, l.b)).collect();
        assert_eq!(pairs, [(0, 1), (1, 2), (2, 3)]);
    }

    #[test]
    fn a_merged_paragraph_links_to_the_part_it_holds_most_of() {
        let a = features(&[
            "Harbour workers in Rotterdam walked out on Monday over automated cranes, halting \
             container traffic at Europe's largest port.",
            "About 4,500 workers joined the 48-hour strike.",
            "The port authority said 37 vessels were waiting at anchor by Monday evening.",
        ]);
        let b = features(&[
            "Harbour workers in Rotterdam walked out on Monday over automated cranes, halting \
             container traffic at Europe's largest port. About 4,500 workers joined the 48-hour \
             strike.",
            "The port authority said 37 vessels were waiting at anchor by Monday evening.",
        ]);
        let links = align(&a, &b, 0.3, |_, _| false);
        let pairs: Vec<(usize, usize)> = links.iter().map(|l| (l.a, l.b)).collect();
        assert_eq!(pairs, [(0, 0), (2, 1)]);
    }
}
