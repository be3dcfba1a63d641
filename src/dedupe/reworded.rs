//! Reworded copies: a story rewritten by a "spinning" site or a machine translation, where
//! most words change but the names, numbers, quoted words and the order of paragraphs stay.
//!
//! Shingles miss these. Instead, two sources are first established as copies of one story,
//! either because several of their paragraphs already matched, or because their names and
//! numbers run in the same order. Their paragraphs are then aligned in order, as diff aligns
//! lines, and paragraphs in the same place are paired when their names, numbers and quoted
//! words agree. A shared quote alone never pairs two paragraphs: at least two names or
//! numbers outside the quotes must agree too.

use std::collections::HashMap;
use std::sync::LazyLock;

use rayon::prelude::*;
use xxhash_rust::xxh3::xxh3_64;

use super::minhash::{self, HASHES};
use super::shingle::overlap;
use super::union_find::UnionFind;

/// Capitalised words that are not names (see the data file).
static FUNCTION_WORDS: LazyLock<std::collections::HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("data/function_words.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
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
    let mut pending: Option<(String, bool)> = None; // a sentence-initial capitalised word
    let mut word = String::new();
    let mut chars = text.chars().peekable();
    loop {
        let c = chars.next();
        // Letters and digits, and the apostrophes, hyphens, full stops and commas between
        // them ("Rotterdam's", "48-hour", "13.4", "4,500").
        let joins = |c: char| matches!(c, '\'' | '\u{2019}' | '-' | '.' | ',');
        let in_word = c.is_some_and(|c| {
            c.is_alphanumeric()
                || (joins(c)
                    && !word.is_empty()
                    && chars.peek().is_some_and(|n| n.is_alphanumeric()))
        });
        if in_word {
            word.extend(c);
            continue;
        }
        if !word.is_empty() {
            let w = std::mem::take(&mut word);
            let w = w.as_str();
            tokens.words += 1;
            let capitalised = w.chars().next().is_some_and(char::is_uppercase);
            if let Some((previous, _)) = pending.take() {
                // A sentence-initial word is a name only when a name follows it.
                if capitalised {
                    tokens.names.push(hash_name(&previous));
                }
            }
            if in_quote {
                tokens.quotes.push(xxh3_64(w.to_lowercase().as_bytes()));
            } else if w.chars().any(|c| c.is_ascii_digit()) {
                let digits: String = w
                    .chars()
                    .skip_while(|c| !c.is_ascii_digit())
                    .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
                    .filter(|c| *c != ',')
                    .collect();
                tokens.names.push(xxh3_64(
                    format!("#{}", digits.trim_end_matches('.')).as_bytes(),
                ));
            } else if capitalised && !is_function_word(w) {
                if sentence_start {
                    pending = Some((w.to_string(), true));
                } else {
                    tokens.names.push(hash_name(w));
                }
            }
            sentence_start = false;
        }
        let Some(c) = c else {
            break;
        };
        match c {
            '"' => in_quote = !in_quote,
            '\u{201C}' | '\u{00AB}' => in_quote = true,
            '\u{201D}' | '\u{00BB}' => in_quote = false,
            '.' | '!' | '?' | ':' => sentence_start = true,
            _ => {}
        }
    }
    tokens
}

fn is_function_word(word: &str) -> bool {
    FUNCTION_WORDS.contains(word.to_lowercase().trim_end_matches(['.', '\''].as_slice()))
}

fn hash_name(word: &str) -> u64 {
    let lower = word.to_lowercase();
    let bare = lower
        .strip_suffix("'s")
        .or_else(|| lower.strip_suffix("\u{2019}s"))
        .unwrap_or(&lower);
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
    let mut holders: HashMap<u32, Vec<u32>> = HashMap::new();
    for (s, paras) in sources.iter().enumerate() {
        for p in paras {
            let list = holders.entry(roots[p.group as usize]).or_default();
            if list.last() != Some(&(s as u32)) {
                list.push(s as u32);
            }
        }
    }
    let mut counts: HashMap<(u32, u32), u32> = HashMap::new();
    for list in holders
        .values()
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
    let compared: Vec<u32> = (0..sources.len() as u32)
        .filter(|&s| bigrams[s as usize].len() >= MIN_BIGRAMS)
        .collect();
    let signatures: Vec<[u16; HASHES]> = compared
        .par_iter()
        .map(|&s| minhash::signature(&bigrams[s as usize]))
        .collect();
    minhash::candidates(&signatures)
        .into_par_iter()
        .map(|(i, j)| (compared[i as usize], compared[j as usize]))
        .filter(|&(s, t)| {
            let o = overlap(&bigrams[s as usize], &bigrams[t as usize]);
            o.jaccard >= SAME_STORY_JACCARD
                || (o.containment >= SAME_STORY_CONTAINMENT && o.smaller >= MIN_BIGRAMS)
        })
        .collect()
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
