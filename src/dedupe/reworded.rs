//! Reworded copies: a story rewritten by a "spinning" site or a machine translation, where
//! most words change but the names, numbers, quoted words and the order of paragraphs stay.
//!
//! Shingles miss these. Instead, two sources are first established as copies of one story,
//! either because several of their paragraphs already matched, or because their names and
//! numbers run in the same order. Their paragraphs are then aligned in order, as diff aligns
//! lines, and paragraphs in the same place are paired when their names, numbers and quoted
//! words agree. A shared quote alone never pairs two paragraphs: at least two names or
//! numbers outside the quotes must agree too.

use std::sync::LazyLock;

use foldhash::{HashMap, HashMapExt};
use rayon::prelude::*;
use xxhash_rust::xxh3::xxh3_64;

use super::minhash::{self, BANDS, Index};
use super::normalize::words;
use super::shingle::overlap;
use super::union_find::UnionFind;
use crate::sentence::list_entries;

/// Capitalised words that are not names (see the data file), sorted.
static FUNCTION_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut words: Vec<&str> = list_entries(include_str!("data/function_words.txt")).collect();
    words.sort_unstable();
    words
});

/// Two sources whose name-and-number bigrams overlap this much (Jaccard) tell one story in
/// the same order. Independent reports of one event measure 0.1 to 0.3 on the fixtures
/// (the same people and figures, told in another order); a reworded copy keeps 0.7 or more.
const SAME_STORY_JACCARD: f64 = 0.5;
/// Or: the smaller source's bigrams are this much inside the larger's (a reworded copy that
/// also cut or added paragraphs).
const SAME_STORY_CONTAINMENT: f64 = 0.7;
/// A source needs this many name-and-number bigrams to be compared at all.
const MIN_BIGRAMS: usize = 8;
/// Paragraph matches by shingles that make two sources copies of one story.
const STRONG_MATCHES: u32 = 2;
/// A cluster spread over more sources than this is boilerplate, not evidence of copying.
const MAX_CLUSTER_SOURCES: usize = 64;
/// Sources longer than this many paragraphs are not aligned (the alignment is quadratic).
const MAX_ALIGNED: usize = 400;

/// The names, numbers and quoted words of a paragraph, hashed, in reading order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeyTokens {
    /// Capitalised names (possessive dropped) and numbers, outside quotes.
    pub names: Vec<u64>,
    /// Words inside quotation marks.
    pub quotes: Vec<u64>,
    /// All words of the paragraph.
    pub words: usize,
}

/// The key tokens of a paragraph's text.
pub fn key_tokens(text: &str) -> KeyTokens {
    let mut tokens = KeyTokens::default();
    let mut in_quote = false;
    let mut sentence_start = true;
    // A sentence-initial capitalised word, kept until the next word shows whether it opens
    // a name.
    let mut pending: Option<&str> = None;
    let mut lower = String::new();
    let mut end = 0;
    for w in words(text) {
        // The words are slices of `text`: what lies between two of them is punctuation.
        let start = w.as_ptr() as usize - text.as_ptr() as usize;
        for c in text[end..start].chars() {
            match c {
                '"' => in_quote = !in_quote,
                '\u{201C}' | '\u{00AB}' => in_quote = true,
                '\u{201D}' | '\u{00BB}' => in_quote = false,
                '.' | '!' | '?' | ':' => sentence_start = true,
                _ => {}
            }
        }
        end = start + w.len();
        tokens.words += 1;
        let capitalised = w.chars().next().is_some_and(char::is_uppercase);
        if let Some(previous) = pending.take().filter(|_| capitalised) {
            tokens.names.push(hash_name(previous, &mut lower));
        }
        if in_quote {
            tokens
                .quotes
                .push(xxh3_64(lowered(w, &mut lower).as_bytes()));
        } else if w.bytes().any(|b| b.is_ascii_digit()) {
            // A number, without its thousands separators or what follows it ("48-hour").
            lower.clear();
            lower.push('#');
            let digits = w.trim_start_matches(|c: char| !c.is_ascii_digit());
            lower.extend(
                digits
                    .chars()
                    .take_while(|c| c.is_ascii_digit() || matches!(c, '.' | ','))
                    .filter(|&c| c != ','),
            );
            let number = lower.trim_end_matches('.');
            tokens.names.push(xxh3_64(number.as_bytes()));
        } else if capitalised && !is_function_word(w, &mut lower) {
            if sentence_start {
                pending = Some(w);
            } else {
                tokens.names.push(hash_name(w, &mut lower));
            }
        }
        sentence_start = false;
    }
    tokens
}

/// `word` lower-cased into `buffer`.
fn lowered<'a>(word: &str, buffer: &'a mut String) -> &'a str {
    buffer.clear();
    if word.is_ascii() {
        buffer.push_str(word);
        buffer.make_ascii_lowercase();
    } else {
        buffer.extend(word.chars().flat_map(char::to_lowercase));
    }
    buffer
}

fn is_function_word(word: &str, buffer: &mut String) -> bool {
    let bare = lowered(word, buffer).trim_end_matches(['.', '\''].as_slice());
    FUNCTION_WORDS.binary_search(&bare).is_ok()
}

/// A name's hash: lower case, possessive dropped.
fn hash_name(word: &str, buffer: &mut String) -> u64 {
    let lower = lowered(word, buffer);
    let bare = lower
        .strip_suffix("'s")
        .or_else(|| lower.strip_suffix("\u{2019}s"))
        .unwrap_or(lower);
    xxh3_64(bare.as_bytes())
}

/// Whether two paragraphs in the same place of two copies say the same: at least two names
/// or numbers shared and half of them in common, quotes (if any) half in common, and
/// lengths within a factor of two.
pub fn agree(a: &KeyTokens, b: &KeyTokens) -> bool {
    let (na, nb) = (sorted(&a.names), sorted(&b.names));
    let names = overlap(&na, &nb);
    let shared = (names.jaccard * (na.len() + nb.len()) as f64 / (1.0 + names.jaccard)).round();
    if shared < 2.0 || names.jaccard < 0.5 {
        return false;
    }
    let (short, long) = (a.words.min(b.words), a.words.max(b.words));
    if short * 2 < long {
        return false;
    }
    if a.quotes.is_empty() && b.quotes.is_empty() {
        return true;
    }
    overlap(&sorted(&a.quotes), &sorted(&b.quotes)).jaccard >= 0.5
}

fn sorted(tokens: &[u64]) -> Vec<u64> {
    let mut v = tokens.to_vec();
    v.sort_unstable();
    v.dedup();
    v
}

/// A paragraph of a source, as this stage sees it.
#[derive(Debug, Clone, Copy)]
pub struct Para<'a> {
    /// Its exact-text group.
    pub group: u32,
    /// Its text.
    pub text: &'a str,
}

/// Finds reworded copies among `sources` (each a list of prose paragraphs in reading order)
/// and joins their paragraphs' groups in `sets`.
pub fn link(sources: &[Vec<Para<'_>>], sets: &mut UnionFind) {
    let groups = sources
        .iter()
        .flatten()
        .map(|p| p.group as usize + 1)
        .max()
        .unwrap_or(0);
    let roots: Vec<u32> = (0..groups as u32).map(|g| sets.find(g)).collect();
    let mut pairs = strong_pairs(sources, &roots);
    pairs.extend(same_story_pairs(sources));
    pairs.par_sort_unstable();
    pairs.dedup();
    let joins: Vec<(u32, u32)> = pairs
        .par_iter()
        .flat_map_iter(|&(s, t)| align(&sources[s as usize], &sources[t as usize], &roots))
        .collect();
    for (a, b) in joins {
        sets.union(a, b);
    }
}

/// Source pairs that share at least [`STRONG_MATCHES`] clusters.
fn strong_pairs(sources: &[Vec<Para<'_>>], roots: &[u32]) -> Vec<(u32, u32)> {
    let holders = super::cluster_documents(
        || sources.iter().map(|paras| paras.iter().map(|p| p.group)),
        roots,
    );
    let mut counts: HashMap<(u32, u32), u32> = HashMap::new();
    for list in holders
        .iter()
        .filter(|l| l.len() > 1 && l.len() <= MAX_CLUSTER_SOURCES)
    {
        for (i, &s) in list.iter().enumerate() {
            for &t in &list[i + 1..] {
                *counts.entry((s.min(t), s.max(t))).or_default() += 1;
            }
        }
    }
    counts
        .into_iter()
        .filter(|&(_, n)| n >= STRONG_MATCHES)
        .map(|(pair, _)| pair)
        .collect()
}

/// Source pairs whose names and numbers run in the same order.
fn same_story_pairs(sources: &[Vec<Para<'_>>]) -> Vec<(u32, u32)> {
    let bigrams: Vec<Vec<u64>> = sources
        .par_iter()
        .map(|paras| {
            let names: Vec<u64> = paras
                .iter()
                .flat_map(|p| key_tokens(p.text).names)
                .collect();
            sorted(
                &names
                    .windows(2)
                    .map(|w| w[0] ^ w[1].rotate_left(17))
                    .collect::<Vec<u64>>(),
            )
        })
        .collect();
    // Bigrams that many sources share (a head of state and the capital, in a corpus about
    // them) do not tell copies apart: candidates are sought by the rarer ones.
    let frequent = minhash::frequent(&bigrams, Clone::clone);
    let rare: Vec<Vec<u64>> = bigrams
        .par_iter()
        .map(|b| {
            b.iter()
                .copied()
                .filter(|h| !frequent.contains(h))
                .collect()
        })
        .collect();
    let compared: Vec<u32> = (0..sources.len() as u32)
        .filter(|&s| rare[s as usize].len() >= MIN_BIGRAMS)
        .collect();
    let keys: Vec<[u64; BANDS]> = compared
        .par_iter()
        .map(|&s| minhash::band_keys(&minhash::minima(&rare[s as usize])))
        .collect();
    let index: Index = compared.iter().copied().zip(keys).collect();
    index.candidates(|s, t| {
        let o = overlap(&bigrams[s as usize], &bigrams[t as usize]);
        o.jaccard >= SAME_STORY_JACCARD
            || (o.containment >= SAME_STORY_CONTAINMENT && o.smaller >= MIN_BIGRAMS)
    })
}

/// Aligns two copies of a story and returns the groups of paragraphs that sit in the same
/// place and agree, and are not joined yet.
fn align(a: &[Para<'_>], b: &[Para<'_>], roots: &[u32]) -> Vec<(u32, u32)> {
    if a.is_empty() || b.is_empty() || a.len() > MAX_ALIGNED || b.len() > MAX_ALIGNED {
        return Vec::new();
    }
    let ka: Vec<KeyTokens> = a.iter().map(|p| key_tokens(p.text)).collect();
    let kb: Vec<KeyTokens> = b.iter().map(|p| key_tokens(p.text)).collect();
    let (m, n) = (a.len(), b.len());
    let same = |i: usize, j: usize| roots[a[i].group as usize] == roots[b[j].group as usize];
    let matches: Vec<Vec<bool>> = (0..m)
        .map(|i| {
            (0..n)
                .map(|j| same(i, j) || agree(&ka[i], &kb[j]))
                .collect()
        })
        .collect();
    // Longest common subsequence of matching paragraphs.
    let mut table = vec![vec![0u32; n + 1]; m + 1];
    for i in (0..m).rev() {
        for j in (0..n).rev() {
            table[i][j] = if matches[i][j] {
                table[i + 1][j + 1] + 1
            } else {
                table[i + 1][j].max(table[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut joins) = (0, 0, Vec::new());
    while i < m && j < n {
        if matches[i][j] && table[i][j] == table[i + 1][j + 1] + 1 {
            if !same(i, j) {
                joins.push((a[i].group, b[j].group));
            }
            i += 1;
            j += 1;
        } else if table[i + 1][j] >= table[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    joins
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_numbers_and_quotes_are_the_key_tokens() {
        let k = key_tokens(
            "About 4,500 workers joined the 48-hour stoppage, union organiser Marieke de Vries said. \
             \"We will be back,\" she told the Port of Rotterdam's press office.",
        );
        let expect: Vec<u64> = ["#4500", "#48", "marieke", "vries", "port", "rotterdam"]
            .iter()
            .map(|t| xxh3_64(t.as_bytes()))
            .collect();
        assert_eq!(k.names, expect);
        assert_eq!(k.quotes.len(), 4);
    }

    #[test]
    fn a_sentence_initial_word_is_a_name_only_before_another_name() {
        assert!(key_tokens("Harbour staff stopped work.").names.is_empty());
        assert_eq!(
            key_tokens("Joris van Dam spoke. The Port spoke.")
                .names
                .len(),
            2
        );
        assert_eq!(key_tokens("Marieke Vries spoke.").names.len(), 2);
    }

    #[test]
    fn reworded_paragraphs_agree_and_different_ones_do_not() {
        let wire = key_tokens(
            "The Port of Rotterdam Authority said 37 vessels were waiting at anchor by Monday evening and \
             warned that delays could spread to Antwerp and Hamburg if the strike lasted beyond Wednesday.",
        );
        let spun = key_tokens(
            "The Port of Rotterdam Authority reported that 37 ships were queuing at anchor by Monday night and \
             cautioned that hold-ups might reach Antwerp and Hamburg should the walkout continue past Wednesday.",
        );
        let other =
            key_tokens("Some shipping lines diverted vessels to Antwerp and Hamburg on Monday.");
        assert!(agree(&wire, &spun));
        assert!(!agree(&wire, &other));
    }

    #[test]
    fn a_shared_quote_alone_does_not_agree() {
        let a = key_tokens(
            "\"We are not against new machines, we are against losing our livelihoods,\" she said.",
        );
        let b = key_tokens(
            "\"We are not against new machines, we are against losing our livelihoods,\" de Vries told them.",
        );
        assert!(!agree(&a, &b));
    }
}
