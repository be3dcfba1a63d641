//! MinHash signatures and LSH banding: which paragraphs are worth comparing, found without
//! comparing every pair.
//!
//! A signature keeps, for each of [`HASHES`] fixed hash functions, the smallest hash of the
//! paragraph's shingles; two signatures agree in a position with probability equal to the
//! Jaccard similarity of the shingle sets. Signatures are cut into [`BANDS`] bands of
//! [`ROWS`] rows: paragraphs whose signatures agree in a whole band become candidates.
//! With 32 bands of 4 rows, a pair at Jaccard 0.6 becomes a candidate with probability
//! 1 - (1 - 0.6^4)^32 ≈ 0.98, and a pair at 0.2 with probability ≈ 0.05.
//!
//! Only the top 16 bits of each minimum are kept (b-bit MinHash): two different minima
//! agree by chance with probability 2^-16, which shifts estimates by less than 0.0001 and
//! halves the memory of the signatures, the only per-paragraph state kept for the corpus.

use rayon::prelude::*;

/// Hash functions per signature.
pub const HASHES: usize = 128;
/// Bands of the LSH index.
pub const BANDS: usize = 32;
/// Rows (signature positions) per band.
pub const ROWS: usize = HASHES / BANDS;

/// A bucket with more members than this is compared member by member with its first
/// [`WIDE_BUCKET`] members only, not pair by pair: such buckets come from text every
/// paragraph shares (boilerplate, formulaic phrasing), and a true cluster in one is still
/// found through its first members.
const WIDE_BUCKET: usize = 32;

/// Fixed multipliers and offsets of the hash functions, from a fixed seed: the same input
/// gives the same signatures on every run and machine.
struct HashFamily {
    multipliers: [u32; HASHES],
    offsets: [u32; HASHES],
}

static FAMILY: std::sync::LazyLock<HashFamily> = std::sync::LazyLock::new(|| {
    let mut state = 0x9E37_79B9_7F4A_7C15_u64;
    let mut next = || {
        // splitmix64
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    let mut multipliers = [0; HASHES];
    let mut offsets = [0; HASHES];
    for i in 0..HASHES {
        multipliers[i] = (next() as u32) | 1;
        offsets[i] = next() as u32;
    }
    HashFamily {
        multipliers,
        offsets,
    }
});

/// The signature of a set of shingle hashes.
pub fn signature(shingles: &[u64]) -> [u16; HASHES] {
    let family = &*FAMILY;
    let mut minima = [u32::MAX; HASHES];
    for &shingle in shingles {
        let x = (shingle >> 32) as u32 ^ shingle as u32;
        let lanes = minima
            .iter_mut()
            .zip(&family.multipliers)
            .zip(&family.offsets);
        for ((minimum, &multiplier), &offset) in lanes {
            *minimum = (*minimum).min(multiplier.wrapping_mul(x).wrapping_add(offset));
        }
    }
    minima.map(|m| (m >> 16) as u16)
}

/// The share of positions in which two signatures agree: an estimate of Jaccard similarity.
pub fn estimate(a: &[u16; HASHES], b: &[u16; HASHES]) -> f64 {
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / HASHES as f64
}

/// The pairs `(i, j)`, `i < j`, of signatures that agree in at least one whole band, each
/// pair once, sorted.
pub fn candidates(signatures: &[[u16; HASHES]]) -> Vec<(u32, u32)> {
    let mut pairs: Vec<(u32, u32)> = (0..BANDS)
        .into_par_iter()
        .flat_map_iter(|band| {
            let mut keys: Vec<(u64, u32)> = signatures
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    let rows = &s[band * ROWS..(band + 1) * ROWS];
                    let key = rows.iter().fold(0u64, |k, &r| (k << 16) | u64::from(r));
                    (key, i as u32)
                })
                .collect();
            keys.sort_unstable();
            let mut pairs = Vec::new();
            for bucket in keys.chunk_by(|a, b| a.0 == b.0).filter(|b| b.len() > 1) {
                let heads = bucket.len().min(WIDE_BUCKET);
                for (n, &(_, i)) in bucket.iter().enumerate() {
                    for &(_, j) in &bucket[..n.min(heads)] {
                        pairs.push((j.min(i), j.max(i)));
                    }
                }
            }
            pairs
        })
        .collect();
    pairs.par_sort_unstable();
    pairs.dedup();
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(range: std::ops::Range<u64>) -> Vec<u64> {
        range
            .map(|x| x.wrapping_mul(0x9E37_79B9_7F4A_7C15))
            .collect()
    }

    #[test]
    fn signatures_are_reproducible() {
        assert_eq!(signature(&set(0..50)), signature(&set(0..50)));
    }

    #[test]
    fn estimates_follow_jaccard() {
        // 0..100 and 25..125 share 75 of 125: Jaccard 0.6.
        let e = estimate(&signature(&set(0..100)), &signature(&set(25..125)));
        assert!((e - 0.6).abs() < 0.15, "estimate {e}");
        let far = estimate(&signature(&set(0..100)), &signature(&set(1000..1100)));
        assert!(far < 0.05, "estimate {far}");
    }

    #[test]
    fn similar_sets_become_candidates_and_different_ones_do_not() {
        let signatures = [
            signature(&set(0..100)),
            signature(&set(5..105)),
            signature(&set(5000..5100)),
        ];
        assert_eq!(candidates(&signatures), [(0, 1)]);
    }
}
