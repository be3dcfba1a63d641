//! Shingles: the overlapping pieces of a paragraph that near-duplicate detection compares.
//!
//! Paragraphs of at least [`SHORT_WORDS`] words are cut into word 3-grams: one changed word
//! changes three shingles, so edited copies stay close while different texts share few.
//! Shorter paragraphs have too few word 3-grams for that, and are cut into character
//! 5-grams instead. Shingles are kept as sorted, deduplicated 64-bit hashes.

use xxhash_rust::xxh3::xxh3_64_with_seed;

/// Below this many words a paragraph is compared by character 5-grams.
pub const SHORT_WORDS: usize = 12;

/// Which pieces a set of shingles is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Word 3-grams.
    Words,
    /// Character 5-grams.
    Chars,
}

impl Kind {
    /// The kind of shingles two paragraphs are compared by, given their word counts.
    pub fn for_pair(words_a: usize, words_b: usize) -> Kind {
        if words_a.min(words_b) < SHORT_WORDS {
            Kind::Chars
        } else {
            Kind::Words
        }
    }
}

/// The shingles of `words` (the words of a comparable text, see
/// [`super::normalize::words`]) of the given kind, sorted and deduplicated.
pub fn shingles(words: &[&str], kind: Kind) -> Vec<u64> {
    let mut hashes: Vec<u64> = match kind {
        Kind::Words if words.len() >= 3 => {
            // Each word hashed once, each trigram mixed from its three words' hashes.
            let hashes: Vec<u64> = words
                .iter()
                .map(|w| xxh3_64_with_seed(w.as_bytes(), 1))
                .collect();
            hashes
                .windows(3)
                .map(|h| mix(h[0].rotate_left(21) ^ h[1].rotate_left(42) ^ h[2]))
                .collect()
        }
        Kind::Words => vec![xxh3_64_with_seed(words.join(" ").as_bytes(), 1)],
        Kind::Chars => {
            let joined = words.join(" ");
            let starts: Vec<usize> = joined
                .char_indices()
                .map(|(i, _)| i)
                .chain(std::iter::once(joined.len()))
                .collect();
            if starts.len() <= 5 {
                vec![xxh3_64_with_seed(joined.as_bytes(), 2)]
            } else {
                starts
                    .windows(6)
                    .map(|w| xxh3_64_with_seed(&joined.as_bytes()[w[0]..w[5]], 2))
                    .collect()
            }
        }
    };
    hashes.sort_unstable();
    hashes.dedup();
    hashes
}

/// A 64-bit finaliser (from splitmix64): every input bit reaches every output bit.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// How two sets of shingles overlap.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Overlap {
    /// |A ∩ B| / |A ∪ B|.
    pub jaccard: f64,
    /// |A ∩ B| / min(|A|, |B|): how much of the smaller set is in the larger.
    pub containment: f64,
    /// The size of the smaller set.
    pub smaller: usize,
}

/// The overlap of two sorted, deduplicated shingle sets.
pub fn overlap(a: &[u64], b: &[u64]) -> Overlap {
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - common;
    let smaller = a.len().min(b.len());
    Overlap {
        jaccard: if union == 0 {
            0.0
        } else {
            common as f64 / union as f64
        },
        containment: if smaller == 0 {
            0.0
        } else {
            common as f64 / smaller as f64
        },
        smaller,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_shingles_are_overlapping_trigrams() {
        let a = shingles(&["a", "b", "c", "d"], Kind::Words);
        assert_eq!(a.len(), 2);
        let b = shingles(&["a", "b", "c", "x"], Kind::Words);
        let o = overlap(&a, &b);
        assert_eq!(o.jaccard, 1.0 / 3.0);
        assert_eq!(o.containment, 0.5);
    }

    #[test]
    fn a_repeated_trigram_counts_once() {
        assert_eq!(
            shingles(&["a", "b", "c", "a", "b", "c"], Kind::Words).len(),
            3
        );
    }

    #[test]
    fn character_shingles_are_five_grams_across_words() {
        // "read more" has 9 characters: 5 five-grams.
        assert_eq!(shingles(&["read", "more"], Kind::Chars).len(), 5);
        assert_eq!(shingles(&["no"], Kind::Chars).len(), 1);
    }

    #[test]
    fn kinds_are_chosen_by_the_shorter_paragraph() {
        assert_eq!(Kind::for_pair(30, 40), Kind::Words);
        assert_eq!(Kind::for_pair(11, 40), Kind::Chars);
    }

    #[test]
    fn a_truncated_copy_is_contained() {
        let long: Vec<&str> = "one two three four five six seven eight nine ten eleven twelve"
            .split(' ')
            .collect();
        let o = overlap(
            &shingles(&long[..8], Kind::Words),
            &shingles(&long, Kind::Words),
        );
        assert_eq!(o.containment, 1.0);
        assert_eq!(o.jaccard, 0.6);
    }
}
