//! Near-duplicate paragraphs: the same text with a few words changed, a dateline added, a
//! sentence cut or appended.
//!
//! Every distinct text gets a MinHash signature of its shingles. Candidate pairs come from
//! LSH banding, in near-linear time, and from whole sentences that texts share (the mark of
//! a cut or extended copy, whose Jaccard similarity can be low). An estimate from the
//! signatures rules most candidates out; the rest are checked exactly against their
//! shingle sets, recomputed from the text. Per text, the corpus keeps only band keys, a
//! coarse signature and sentence hashes, never shingle sets.

use rayon::prelude::*;
use xxhash_rust::xxh3::xxh3_64;

use super::minhash::{self, BANDS, HASHES, Index};
use super::normalize::{comparable, word_count, words};
use super::shingle::{self, Kind, SHORT_WORDS, overlap};

/// Texts of up to this many words get character signatures as well as word signatures, so
/// that a 10-word paragraph and its 14-word edited copy still meet as candidates.
const CHAR_SIGNATURE_WORDS: usize = SHORT_WORDS + 4;

/// The verification rule. The numbers were chosen by measuring the fixtures in
/// `tests/fixtures/syndication/` (a wire story, edited copies of it, and an independent
/// report of the same event; see `tests/build/dedupe.rs`):
///
/// - Edited copies (words changed, a dateline and a credit line added) measure word 3-gram
///   Jaccard 0.73 to 1.0 against the wire paragraph they copy; the independent report's
///   paragraphs, with the same names, numbers and one shared quote, measure 0.02 to 0.22
///   against their closest wire paragraph. 0.6 sits between the two with room on both sides.
/// - A paragraph with sentences appended keeps containment 1.0 while its Jaccard falls with
///   the length added (0.77 with one short sentence on the fixture, 0.55 with two in the
///   unit test below): containment of 0.8 joins it, when the smaller paragraph has at least
///   [`MIN_CONTAINED`] shingles (a short phrase is contained in many paragraphs).
/// - Short paragraphs, compared by character 5-grams, change meaning with one word:
///   `"No," he said.` / `"No," she said.` measure 0.30, `Read more.` / `Read more here.` 0.50,
///   two different one-line quotes 0.18. They need 0.8, which typography and case changes
///   (normalised away) and a dropped full stop still reach.
pub const MIN_JACCARD: f64 = 0.6;
/// Containment that joins a cut or extended copy (see [`MIN_JACCARD`]).
pub const MIN_CONTAINMENT: f64 = 0.8;
/// Shingles the smaller paragraph needs for containment to count.
pub const MIN_CONTAINED: usize = 10;
/// Character 5-gram Jaccard that joins two short paragraphs.
pub const MIN_SHORT_JACCARD: f64 = 0.8;

/// Whether two paragraphs with these word counts and this overlap are near-duplicates.
pub fn is_near_duplicate(words_a: usize, words_b: usize, o: shingle::Overlap) -> bool {
    match Kind::for_pair(words_a, words_b) {
        Kind::Words => {
            o.jaccard >= MIN_JACCARD
                || (o.containment >= MIN_CONTAINMENT && o.smaller >= MIN_CONTAINED)
        }
        Kind::Chars => o.jaccard >= MIN_SHORT_JACCARD,
    }
}

/// The overlap of two texts' shingles, of the kind their word counts call for, and the
/// word counts.
pub fn compare(a: &str, b: &str) -> (usize, usize, shingle::Overlap) {
    let (ca, cb) = (comparable(a), comparable(b));
    let (wa, wb) = (words(&ca), words(&cb));
    let kind = Kind::for_pair(wa.len(), wb.len());
    let o = overlap(&shingle::shingles(&wa, kind), &shingle::shingles(&wb, kind));
    (wa.len(), wb.len(), o)
}

/// Whole sentences of at least this many words that two texts share make them candidates:
/// a cut or extended copy keeps most of its sentences whole, whatever its Jaccard.
const SENTENCE_WORDS: usize = 8;
/// A sentence shared by more texts than this is boilerplate, and proposes no candidates.
const SENTENCE_GROUP: usize = 16;

/// What is kept of a text to estimate its similarity to another: its number of shingles
/// and a coarse signature of all of them.
struct Estimate {
    size: u32,
    signature: [u8; HASHES],
}

impl Estimate {
    fn new(shingles: &[u64], minima: &[u32; HASHES]) -> Self {
        Estimate {
            size: shingles.len() as u32,
            signature: minhash::coarse(minima),
        }
    }
}

/// What is kept of a text while pairs are sought: its length, its estimates by word and by
/// character shingles (for the kinds its length calls for), and its long sentences, hashed.
#[derive(Default)]
struct Sketch {
    words: usize,
    by_words: Option<Estimate>,
    by_chars: Option<Estimate>,
    sentences: Vec<u64>,
}

/// What the near-duplicate search found.
pub struct NearPairs {
    /// The pairs of texts (indices, smaller first) that are near-duplicates of each other.
    pub pairs: Vec<(u32, u32)>,
    /// The number of words of each text's comparable form.
    pub word_counts: Vec<usize>,
}

/// The near-duplicate pairs among `texts`.
pub fn pairs(texts: &[&str]) -> NearPairs {
    // The sketches, and one LSH index of word shingles, one of character shingles.
    let (sketches, keys): (Vec<Sketch>, Vec<Keys>) =
        texts.par_iter().map(|text| sketch(text)).unzip();
    let with_keys = |has: fn(&Keys) -> bool| keys.iter().filter(|k| has(k)).count();
    let mut words_index = Vec::with_capacity(with_keys(|k| k.words.is_some()));
    let mut chars_index = Vec::with_capacity(with_keys(|k| k.chars.is_some()));
    for (i, keys) in keys.into_iter().enumerate() {
        words_index.extend(keys.words.map(|k| (i as u32, k)));
        chars_index.extend(keys.chars.map(|k| (i as u32, *k)));
    }
    let by_words: Index = words_index.into_iter().collect();
    let by_chars: Index = chars_index.into_iter().collect();

    // Candidates: by LSH in each space, and by shared sentences. The estimates rule out
    // most of them before the exact check.
    let sketch = |i: u32| &sketches[i as usize];
    let mut candidates = by_words.candidates(|a, b| promising(sketch(a), sketch(b), false));
    drop(by_words);
    candidates.extend(by_chars.candidates(|a, b| promising(sketch(a), sketch(b), false)));
    drop(by_chars);
    candidates.extend(
        sentence_pairs(&sketches)
            .into_iter()
            .filter(|&(a, b)| promising(sketch(a), sketch(b), true)),
    );
    candidates.par_sort_unstable();
    candidates.dedup();

    let mut verified: Vec<(u32, u32)> = candidates
        .into_par_iter()
        .filter(|&(a, b)| {
            let (wa, wb, o) = compare(texts[a as usize], texts[b as usize]);
            is_near_duplicate(wa, wb, o)
        })
        .collect();
    verified.par_sort_unstable();
    NearPairs {
        pairs: verified,
        word_counts: sketches.iter().map(|s| s.words).collect(),
    }
}

/// The LSH keys of a text: by word shingles, and for a short text by character shingles
/// (boxed, as few texts have them).
struct Keys {
    words: Option<[u64; BANDS]>,
    chars: Option<Box<[u64; BANDS]>>,
}

/// The sketch of one text, with its LSH keys.
fn sketch(text: &str) -> (Sketch, Keys) {
    let c = comparable(text);
    let w = words(&c);
    let mut sketch = Sketch {
        words: w.len(),
        sentences: sentences(&c),
        ..Sketch::default()
    };
    let mut keys = Keys {
        words: None,
        chars: None,
    };
    if w.len() >= SHORT_WORDS {
        let all = shingle::shingles(&w, Kind::Words);
        let minima = minhash::minima(&all);
        keys.words = Some(minhash::band_keys(&minima));
        sketch.by_words = Some(Estimate::new(&all, &minima));
    }
    if !w.is_empty() && w.len() <= CHAR_SIGNATURE_WORDS {
        let chars = shingle::shingles(&w, Kind::Chars);
        let minima = minhash::minima(&chars);
        keys.chars = Some(Box::new(minhash::band_keys(&minima)));
        sketch.by_chars = Some(Estimate::new(&chars, &minima));
    }
    (sketch, keys)
}

/// The hashes of the sentences of a comparable text that have at least [`SENTENCE_WORDS`]
/// words. Sentences end at a full stop, question or exclamation mark before a space: an
/// abbreviation ends one too early, but in every copy alike, which is all matching needs.
fn sentences(comparable: &str) -> Vec<u64> {
    comparable
        .split_inclusive(['.', '!', '?'])
        .map(str::trim)
        .filter(|sentence| word_count(sentence) >= SENTENCE_WORDS)
        .map(|sentence| xxh3_64(sentence.as_bytes()))
        .collect()
}

/// Pairs of texts that share whole sentences of at least [`SENTENCE_WORDS`] words: two of
/// them, or the only one the shorter text has. (One shared sentence alone is weak
/// evidence: formulaic or quoted sentences recur in unrelated texts.)
fn sentence_pairs(sketches: &[Sketch]) -> Vec<(u32, u32)> {
    let mut sentences: Vec<(u64, u32)> = sketches
        .iter()
        .enumerate()
        .flat_map(|(i, s)| s.sentences.iter().map(move |&h| (h, i as u32)))
        .collect();
    sentences.par_sort_unstable();
    sentences.dedup();
    let mut pairs = Vec::new();
    for group in sentences.chunk_by(|a, b| a.0 == b.0) {
        if group.len() < 2 || group.len() > SENTENCE_GROUP {
            continue;
        }
        for (n, &(_, a)) in group.iter().enumerate() {
            pairs.extend(group[n + 1..].iter().map(|&(_, b)| (a, b)));
        }
    }
    pairs.par_sort_unstable();
    let mut kept = Vec::new();
    for run in pairs.chunk_by(|x, y| x == y) {
        let (a, b) = run[0];
        let fewest = sketches[a as usize]
            .sentences
            .len()
            .min(sketches[b as usize].sentences.len());
        if run.len() >= 2 || fewest == 1 {
            kept.push((a, b));
        }
    }
    kept
}

/// Whether the estimates leave a chance that the exact check passes, for a pair found by
/// LSH or, when `shares_sentence`, by a shared sentence. The rule needs Jaccard 0.6, or,
/// for a small text inside a large one, containment 0.8, which the shingle counts turn into
/// the Jaccard it implies. A pair whose estimated Jaccard is more than 2.5 standard errors
/// (of a 128-hash estimate) below what it needs is ruled out before its shingles are
/// recomputed. Containment is only sought for pairs that share a sentence: a cut or
/// extended copy keeps its sentences whole, while for any two texts of unequal length the
/// Jaccard it implies is so low that almost every LSH candidate would need the exact check.
/// A pair without estimates of the kind it is compared by is always checked.
fn promising(a: &Sketch, b: &Sketch, shares_sentence: bool) -> bool {
    let kind = Kind::for_pair(a.words, b.words);
    let (ea, eb) = match kind {
        Kind::Words => (&a.by_words, &b.by_words),
        Kind::Chars => (&a.by_chars, &b.by_chars),
    };
    let (Some(ea), Some(eb)) = (ea, eb) else {
        return true;
    };
    let (small, large) = (
        f64::from(ea.size.min(eb.size)),
        f64::from(ea.size.max(eb.size)),
    );
    let needed = match kind {
        Kind::Chars => MIN_SHORT_JACCARD,
        Kind::Words if shares_sentence && small >= MIN_CONTAINED as f64 => {
            MIN_JACCARD.min(MIN_CONTAINMENT * small / (large + (1.0 - MIN_CONTAINMENT) * small))
        }
        Kind::Words => MIN_JACCARD,
    };
    let margin = 2.5 * (needed * (1.0 - needed) / HASHES as f64).sqrt();
    minhash::estimate(&ea.signature, &eb.signature) >= needed - margin
}

#[cfg(test)]
mod tests {
    use super::*;

    const WIRE: &str = "Dock workers at the Port of Rotterdam walked off the job on Monday, halting most \
        container traffic at Europe's largest port as a dispute over automated cranes escalated, the \
        FNV Havens union said.";

    #[test]
    fn an_edited_copy_with_a_dateline_is_a_near_duplicate() {
        let copy = "ROTTERDAM (Harbour Wire) — Dock workers at the Port of Rotterdam walked off the job on \
            Monday, stopping most container traffic at Europe's biggest port as a dispute over automated \
            cranes escalated, the FNV Havens union said.";
        let (wa, wb, o) = compare(WIRE, copy);
        assert!(is_near_duplicate(wa, wb, o), "{o:?}");
        let found = pairs(&[
            WIRE,
            "Something else entirely, about the weather in Lisbon on Friday.",
            copy,
        ]);
        assert_eq!(found.pairs, [(0, 2)]);
    }

    #[test]
    fn a_copy_with_a_sentence_appended_is_contained() {
        let longer = format!(
            "{WIRE} Port officials expect a backlog of several days, and two shipping lines said they \
             would reroute vessels to Antwerp and Hamburg until the dispute is settled."
        );
        let (wa, wb, o) = compare(WIRE, &longer);
        assert!(o.jaccard < MIN_JACCARD, "{o:?}");
        assert!(is_near_duplicate(wa, wb, o), "{o:?}");
    }

    #[test]
    fn short_paragraphs_need_nearly_the_same_characters() {
        for (a, b, same) in [
            ("\"No,\" he said.", "\"No,\" she said.", false),
            ("Read more.", "Read more here.", false),
            ("Read more.", "READ MORE", true),
            (
                "The talks will resume on Friday.",
                "The talks will resume on Friday, officials said.",
                false,
            ),
        ] {
            let (wa, wb, o) = compare(a, b);
            assert_eq!(is_near_duplicate(wa, wb, o), same, "{a} / {b}: {o:?}");
        }
    }

    #[test]
    fn a_short_phrase_inside_a_long_paragraph_is_not_a_copy_of_it() {
        let (wa, wb, o) = compare("the FNV Havens union said.", WIRE);
        assert!(!is_near_duplicate(wa, wb, o), "{o:?}");
    }
}
