//! Reworded copies: a story rewritten by a content farm, a "spinning" site or a machine
//! translation, where most words change but the names, numbers and the order of
//! paragraphs stay; and close copies whose shingles fall below the near-duplicate rule.
//!
//! A pair of paragraphs is judged with the evidence of its two sources, not alone. The
//! sources' paragraphs are aligned in order (see [`super::align`]); the alignment as a whole
//! says whether the two sources are copies of one story: several steps that stand out as
//! alike, in order. Only then are its steps copied paragraphs. Independent reports of the
//! same events, with the same names, figures and even a quoted sentence, align over a few
//! paragraphs at most and stay apart.
//!
//! Which sources are aligned: every pair in a corpus small enough to compare exhaustively,
//! else the pairs that already share matched paragraphs or run the same names and numbers
//! in the same order.

use std::sync::LazyLock;

use foldhash::{HashMap, HashMapExt};
use rayon::prelude::*;
use xxhash_rust::xxh3::xxh3_64;

use super::align::{self, Features};
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

/// The key tokens of a paragraph's text, hashed, in reading order: capitalised names
/// (possessive dropped), numbers and days of a month, outside quotes: what a rewrite keeps.
pub fn key_tokens(text: &str) -> Vec<u64> {
    let mut names = Vec::new();
    let mut in_quote = false;
    let mut sentence_start = true;
    // A sentence-initial capitalised word, kept until the next word shows whether it opens
    // a name.
    let mut pending: Option<&str> = None;
    let mut lower = String::new();
    let mut end = 0;
    // The month or the day of a month that the last word was, with where it stands in
    // `names`: "November 26" and "26 November" make one token, a day, so that the
    // same day number in another month is another token.
    let mut date_part: Option<(DatePart, usize)> = None;
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
        let capitalised = w.chars().next().is_some_and(char::is_uppercase);
        let part = DatePart::of(w);
        let previous_part = date_part.take();
        if let Some(previous) = pending.take() {
            if capitalised {
                names.push(hash_name(previous, &mut lower));
            } else if matches!(part, Some(DatePart::Day(_))) {
                // A sentence opening on a month: "November 26 was …".
                if let Some(month) = DatePart::of(previous) {
                    names.push(0);
                    date_part = Some((month, names.len() - 1));
                }
            }
        }
        let previous_part = date_part.take().or(previous_part);
        if let (Some(part), Some((before, at))) = (part, previous_part)
            && !in_quote
            && let Some(day) = before.with(part)
        {
            names[at] = day;
            sentence_start = false;
            continue;
        }
        // Words inside quotes count among the paragraph's words (see `align`), not its
        // names: every quoted sentence opens with a capital that names nothing.
        if in_quote {
            sentence_start = false;
            continue;
        }
        if w.bytes().any(|b| b.is_ascii_digit()) {
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
            names.push(xxh3_64(number.as_bytes()));
            date_part = part.map(|p| (p, names.len() - 1));
        } else if capitalised && !is_function_word(w, &mut lower) {
            if sentence_start {
                pending = Some(w);
            } else {
                names.push(hash_name(w, &mut lower));
                date_part = part.map(|p| (p, names.len() - 1));
            }
        }
        sentence_start = false;
    }
    names
}

/// A word that names part of a date.
#[derive(Debug, Clone, Copy)]
enum DatePart {
    Month(u32),
    Day(u32),
}

impl DatePart {
    fn of(word: &str) -> Option<DatePart> {
        if let Ok(day) = word.parse::<u32>() {
            return (1..=31).contains(&day).then_some(DatePart::Day(day));
        }
        if !word.starts_with(|c: char| c.is_ascii_uppercase()) || word.len() > 9 {
            return None;
        }
        let lower = word.trim_end_matches('.').to_ascii_lowercase();
        crate::calendar::month_word(&lower).map(|(m, _)| DatePart::Month(m))
    }

    /// The token of the day that this part and the next one name together.
    fn with(self, next: DatePart) -> Option<u64> {
        let (month, day) = match (self, next) {
            (DatePart::Month(m), DatePart::Day(d)) | (DatePart::Day(d), DatePart::Month(m)) => {
                (m, d)
            }
            _ => return None,
        };
        Some(xxh3_64(format!("@{month}-{day}").as_bytes()))
    }
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
    function_word(lowered(word, buffer).trim_end_matches(['.', '\''].as_slice()))
}

/// Whether a lower-case word is a function word (see the data file).
pub(super) fn function_word(lower: &str) -> bool {
    FUNCTION_WORDS.binary_search(&lower).is_ok()
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
///
/// Every pair of sources is aligned where that is cheap (a corpus of a few hundred
/// paragraphs); otherwise the pairs that already share matched paragraphs or run the same
/// names and numbers in the same order. A pair's aligned paragraphs are joined only when
/// the alignment as a whole shows one story copied: several steps, or most of the shorter
/// source, alike. No join makes one cluster of two paragraphs of one source that were apart.
pub fn link(sources: &[Vec<Para<'_>>], sets: &mut UnionFind) {
    let groups = sources
        .iter()
        .flatten()
        .map(|p| p.group as usize + 1)
        .max()
        .unwrap_or(0);
    let roots: Vec<u32> = (0..groups as u32).map(|g| sets.find(g)).collect();
    let pairs = candidate_pairs(sources, &roots);
    let mut aligned = vec![false; sources.len()];
    for &(s, t) in &pairs {
        aligned[s as usize] = true;
        aligned[t as usize] = true;
    }
    let mut features: Vec<Vec<Features>> = sources
        .par_iter()
        .zip(&aligned)
        .map(|(paras, &aligned)| {
            if aligned && paras.len() <= MAX_ALIGNED {
                paras.iter().map(|p| Features::new(p.text)).collect()
            } else {
                Vec::new()
            }
        })
        .collect();
    align::weigh_by_rarity(&mut features);
    let mut joins: Vec<(f64, u32, u32)> = pairs
        .par_iter()
        .flat_map_iter(|&(s, t)| {
            let (a, b) = (&sources[s as usize], &sources[t as usize]);
            copied_paragraphs(a, b, &features[s as usize], &features[t as usize], &roots)
        })
        .collect();
    // The likest first, so that where two joins would put two paragraphs of one source in
    // one cluster, the better one is made.
    joins.sort_unstable_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    join_apart(sources, &joins, sets);
}

/// Below this many paragraph comparisons over all pairs of sources, every pair is aligned.
const EXHAUSTIVE_COMPARISONS: usize = 400_000;

/// The pairs of sources to align, smaller index first.
fn candidate_pairs(sources: &[Vec<Para<'_>>], roots: &[u32]) -> Vec<(u32, u32)> {
    let lengths: Vec<usize> = sources.iter().map(Vec::len).collect();
    let total: usize = lengths.iter().sum();
    let squares: usize = lengths.iter().map(|n| n * n).sum();
    if (total * total - squares) / 2 <= EXHAUSTIVE_COMPARISONS {
        let n = sources.len() as u32;
        return (0..n)
            .flat_map(|s| (s + 1..n).map(move |t| (s, t)))
            .filter(|&(s, t)| lengths[s as usize] > 0 && lengths[t as usize] > 0)
            .collect();
    }
    let mut pairs = strong_pairs(sources, roots);
    pairs.extend(same_story_pairs(sources));
    pairs.par_sort_unstable();
    pairs.dedup();
    pairs
}

/// Alignment steps below this similarity are not taken.
const ALIGN_FLOOR: f64 = 0.2;
/// What a step of the alignment says of two sources: a step less alike than this counts
/// against their being copies, a step more alike for it, by the difference (at most
/// [`MOST_EVIDENCE`]). On the fixtures, reworded copies of a paragraph measure 0.2 to 0.96
/// (most above 0.4), while the paragraphs of independent reports of the same events, with
/// the same names, figures and quotes, align at 0.1 to 0.65 (most below 0.4) with the
/// paragraph of the wire story they come closest to.
const NEUTRAL_STEP: f64 = 0.3;
/// How far above its background (see [`align::Link::background`]) a step must stand to
/// count for copying: copied paragraphs stand 0.12 to 0.9 above the mean similarity of
/// their source's paragraphs on the fixtures (backgrounds 0 to 0.22), while formulaic
/// paragraphs ("X met Y in Z on DATE") are as alike to every paragraph as to any.
const STANDING_OUT: f64 = 0.2;
/// The most one step counts for: two sources are not copies on one paragraph's evidence.
const MOST_EVIDENCE: f64 = 0.4;
/// The evidence that makes two sources copies of one story, whose aligned steps are then
/// copied paragraphs. Whole reworded copies reach 0.8 to 3.5 against their original on
/// the fixtures, partial copies of three paragraphs 0.75 to 1.2, independent reports of
/// the same events at most 0.68.
const COPIED_EVIDENCE: f64 = 0.7;
/// Two copies aligned over this share of the shorter one's paragraphs are copies of the
/// whole story.
const WHOLE_COVERAGE: f64 = 0.7;
/// Paragraphs shorter than this (in words) are neither joined by the alignment nor count
/// as evidence, even where they already match: a few words in common make short texts look
/// alike, and credit lines and "Read more" repeat across unrelated sources.
const MIN_ALIGNED_WORDS: usize = 10;

/// The paragraphs of `a` and `b` that their alignment pairs as copies, each as
/// (similarity, group in `a`, group in `b`): none unless the alignment as a whole shows
/// the two sources to be copies; then, in a whole copy, every step, and in a partial one
/// (a passage copied among paragraphs of its own), the steps that are evidence of it.
fn copied_paragraphs(
    a: &[Para<'_>],
    b: &[Para<'_>],
    fa: &[Features],
    fb: &[Features],
    roots: &[u32],
) -> Vec<(f64, u32, u32)> {
    if fa.len() != a.len() || fb.len() != b.len() {
        return Vec::new();
    }
    let same = |i: usize, j: usize| roots[a[i].group as usize] == roots[b[j].group as usize];
    let links: Vec<align::Link> = align::align(fa, fb, ALIGN_FLOOR, same)
        .into_iter()
        .filter(|l| fa[l.a].words().min(fb[l.b].words()) >= MIN_ALIGNED_WORDS)
        .collect();
    let evidence: f64 = links
        .iter()
        .map(|l| {
            let neutral = NEUTRAL_STEP.max(l.background + STANDING_OUT);
            (l.similarity - neutral).min(MOST_EVIDENCE)
        })
        .sum();
    if evidence < COPIED_EVIDENCE {
        return Vec::new();
    }
    // Inside a whole copy every step is a copied paragraph; inside a partial one, the
    // steps that are evidence of copying.
    let whole = links.len() as f64 >= WHOLE_COVERAGE * a.len().min(b.len()) as f64;
    let least = if whole { ALIGN_FLOOR } else { NEUTRAL_STEP };
    links
        .into_iter()
        .filter(|l| l.similarity >= least && !same(l.a, l.b))
        .map(|l| (l.similarity, a[l.a].group, b[l.b].group))
        .collect()
}

/// Joins the groups of `joins` in `sets`, in order, except where a join would put two
/// paragraphs of one source that are apart into one cluster.
fn join_apart(sources: &[Vec<Para<'_>>], joins: &[(f64, u32, u32)], sets: &mut UnionFind) {
    if joins.is_empty() {
        return;
    }
    // The sources holding each cluster that a join touches.
    let mut holders: HashMap<u32, Vec<u32>> = HashMap::new();
    for &(_, a, b) in joins {
        holders.entry(sets.find(a)).or_default();
        holders.entry(sets.find(b)).or_default();
    }
    for (source, paras) in sources.iter().enumerate() {
        for p in paras {
            if let Some(list) = holders.get_mut(&sets.find(p.group))
                && list.last() != Some(&(source as u32))
            {
                list.push(source as u32);
            }
        }
    }
    for &(_, a, b) in joins {
        let (ra, rb) = (sets.find(a), sets.find(b));
        if ra == rb {
            continue;
        }
        let (ha, hb) = (&holders[&ra], &holders[&rb]);
        if ha.iter().any(|s| hb.contains(s)) {
            continue;
        }
        let mut both: Vec<u32> = ha.iter().chain(hb).copied().collect();
        both.sort_unstable();
        sets.union(ra, rb);
        holders.insert(sets.find(ra), both);
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
            let names: Vec<u64> = paras.iter().flat_map(|p| key_tokens(p.text)).collect();
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
        assert_eq!(k, expect);
    }

    #[test]
    fn a_sentence_initial_word_is_a_name_only_before_another_name() {
        assert!(key_tokens("Harbour staff stopped work.").is_empty());
        assert_eq!(key_tokens("Joris van Dam spoke. The Port spoke.").len(), 2);
        assert_eq!(key_tokens("Marieke Vries spoke.").len(), 2);
    }
}
