//! Near-duplicate paragraphs: the same text with a few words changed, a dateline added, a
//! sentence cut or appended.
//!
//! Every distinct text gets MinHash signatures of its shingles; LSH banding proposes
//! candidate pairs in near-linear time; each candidate is then checked exactly against its
//! shingle sets, recomputed from the text (signatures are the only per-text state kept for
//! the whole corpus).

use rayon::prelude::*;

use super::minhash::{self, HASHES};
use super::normalize::{comparable, words};
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

/// What is kept of a text for candidate search.
struct Sketch {
    text: u32,
    size: u32,
    signature: [u16; HASHES],
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
    // One pass over the texts: signatures of each kind, and the word counts.
    let sketched: Vec<(usize, Vec<(Kind, Sketch)>)> = texts
        .par_iter()
        .enumerate()
        .map(|(i, text)| {
            let c = comparable(text);
            let w = words(&c);
            let mut sketches = Vec::new();
            if w.is_empty() {
                return (0, sketches);
            }
            for kind in [Kind::Words, Kind::Chars] {
                let wanted = match kind {
                    Kind::Words => w.len() >= SHORT_WORDS,
                    Kind::Chars => w.len() <= CHAR_SIGNATURE_WORDS,
                };
                if wanted {
                    let s = shingle::shingles(&w, kind);
                    let sketch = Sketch {
                        text: i as u32,
                        size: s.len() as u32,
                        signature: minhash::signature(&s),
                    };
                    sketches.push((kind, sketch));
                }
            }
            (w.len(), sketches)
        })
        .collect();
    let word_counts: Vec<usize> = sketched.iter().map(|(n, _)| *n).collect();

    let mut verified = Vec::new();
    for kind in [Kind::Words, Kind::Chars] {
        let sketches: Vec<&Sketch> = sketched
            .iter()
            .flat_map(|(_, s)| s.iter().filter(|(k, _)| *k == kind).map(|(_, s)| s))
            .collect();
        let signatures: Vec<[u16; HASHES]> = sketches.iter().map(|s| s.signature).collect();
        let candidates = minhash::candidates(&signatures);
        verified.par_extend(candidates.into_par_iter().filter_map(|(i, j)| {
            let (a, b) = (sketches[i as usize], sketches[j as usize]);
            if !promising(a, b) {
                return None;
            }
            let (ta, tb) = (a.text as usize, b.text as usize);
            let (wa, wb, o) = compare(texts[ta], texts[tb]);
            debug_assert_eq!((wa, wb), (word_counts[ta], word_counts[tb]));
            is_near_duplicate(wa, wb, o).then_some((a.text.min(b.text), a.text.max(b.text)))
        }));
    }
    verified.par_sort_unstable();
    verified.dedup();
    NearPairs {
        pairs: verified,
        word_counts,
    }
}

/// Whether the signatures leave a chance that the exact check passes: estimated Jaccard or
/// containment well below the thresholds (by more than three standard errors of a
/// 128-hash estimate) rules a pair out before its shingles are recomputed.
fn promising(a: &Sketch, b: &Sketch) -> bool {
    let j = minhash::estimate(&a.signature, &b.signature);
    let (sa, sb) = (f64::from(a.size), f64::from(b.size));
    let containment = j * (sa + sb) / ((1.0 + j) * sa.min(sb).max(1.0));
    j >= MIN_JACCARD - 0.15 || containment >= MIN_CONTAINMENT - 0.2
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
