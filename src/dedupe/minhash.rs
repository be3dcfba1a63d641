//! MinHash signatures and LSH banding: which texts are worth comparing, found without
//! comparing every pair.
//!
//! A signature keeps, for each of [`HASHES`] fixed hash functions, the smallest hash of the
//! text's shingles; two signatures agree in a position with probability equal to the
//! Jaccard similarity of the shingle sets. [`BANDS`] bands of [`ROWS`] positions each are
//! hashed into band keys: texts whose keys agree in a band become candidates. With 32 bands
//! of 4 rows, a pair at Jaccard 0.6 becomes a candidate with probability
//! 1 - (1 - 0.6^4)^32 ≈ 0.98, and a pair at 0.2 with ≈ 0.05. Before a candidate is kept,
//! the caller's cheap estimate from the signatures rules most chance meetings out.
//!
//! What the whole corpus keeps per text is small: the band keys (8 bytes a band) and, for
//! estimates, the low 8 bits of each minimum (two different minima agree by chance with
//! probability 1/256, which shifts an estimate by at most 0.004).

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use rayon::prelude::*;
use xxhash_rust::xxh3::xxh3_64;

/// Hash functions per signature.
pub const HASHES: usize = 128;
/// Bands of the LSH index.
pub const BANDS: usize = 32;
/// Rows (signature positions) per band.
pub const ROWS: usize = 4;

/// Every member of a bucket is compared with the bucket's first [`WIDE_BUCKET`] members
/// only, not with all the others: buckets grow with the corpus where texts share formulaic
/// phrasing, and pair by pair they would make the search quadratic. A true cluster is still
/// joined, through its first members and through the other bands. (Measured on 100,000
/// generated sources: 2 heads instead of 8 leave 0.08% fewer paragraphs marked as repeats.)
const WIDE_BUCKET: usize = 2;

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

/// The minimum of each hash function over `shingles`, in full. The hot loop of the whole
/// stage: compiled for AVX2 and SSE4.1 as well, and picked by the processor it runs on (the
/// arithmetic is the same, so the result is too).
#[multiversion::multiversion(targets("x86_64+avx2", "x86_64+sse4.1"))]
pub fn minima(shingles: &[u64]) -> [u32; HASHES] {
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
    minima
}

/// The low 8 bits of each minimum: enough to estimate similarity. (The low bits, because
/// the high bits of a minimum lean towards zero and would agree by chance far more often.)
pub fn coarse(minima: &[u32; HASHES]) -> [u8; HASHES] {
    minima.map(|m| m as u8)
}

/// The share of positions in which two signatures agree: an estimate of Jaccard similarity.
pub fn estimate(a: &[u8; HASHES], b: &[u8; HASHES]) -> f64 {
    // A sum of 0/1 rather than a filtered count: the compiler turns it into vector compares.
    let agree: u32 = a.iter().zip(b).map(|(x, y)| u32::from(x == y)).sum();
    f64::from(agree) / HASHES as f64
}

/// The band keys of a signature: the low 16 bits of the minima of each band, hashed.
pub fn band_keys(minima: &[u32; HASHES]) -> [u64; BANDS] {
    std::array::from_fn(|band| {
        let mut rows = [0u8; 2 * ROWS];
        for (row, &m) in minima[band * ROWS..(band + 1) * ROWS].iter().enumerate() {
            rows[2 * row..2 * row + 2].copy_from_slice(&(m as u16).to_le_bytes());
        }
        xxh3_64(&rows)
    })
}

/// An LSH index: items and their band keys.
#[derive(Debug, Default)]
pub struct Index {
    owners: Vec<u32>,
    keys: Vec<[u64; BANDS]>,
}

impl FromIterator<(u32, [u64; BANDS])> for Index {
    fn from_iter<I: IntoIterator<Item = (u32, [u64; BANDS])>>(items: I) -> Self {
        let (owners, keys) = items.into_iter().unzip();
        Index { owners, keys }
    }
}

impl Index {
    /// The pairs of items `(a, b)`, `a < b`, whose keys agree in at least one band and
    /// that `keep` accepts, each pair once, sorted. `keep` is asked as the bands are read,
    /// so that the many pairs it turns away are never held in memory together.
    pub fn candidates(&self, keep: impl Fn(u32, u32) -> bool + Sync) -> Vec<(u32, u32)> {
        let mut pairs: Vec<(u32, u32)> = (0..BANDS)
            .into_par_iter()
            .flat_map_iter(|band| {
                let keys: Vec<(u64, u32)> = self
                    .keys
                    .iter()
                    .zip(&self.owners)
                    .map(|(k, &o)| (k[band], o))
                    .collect();
                let keys = sorted(keys);
                let mut pairs = Vec::new();
                for bucket in keys.chunk_by(|a, b| a.0 == b.0).filter(|b| b.len() > 1) {
                    let heads = bucket.len().min(WIDE_BUCKET);
                    for (n, &(_, i)) in bucket.iter().enumerate() {
                        for &(_, j) in &bucket[..n.min(heads)] {
                            let pair = (j.min(i), j.max(i));
                            if keep(pair.0, pair.1) {
                                pairs.push(pair);
                            }
                        }
                    }
                }
                pairs.sort_unstable();
                pairs.dedup();
                pairs
            })
            .collect();
        pairs.par_sort_unstable();
        pairs.dedup();
        pairs
    }
}

/// `entries` sorted: first spread by the top byte of the key in one pass, then each of the
/// 256 parts sorted on its own. The result is the same as a plain sort; the parts fit in
/// the processor's caches, which a whole band of a large corpus does not.
fn sorted(entries: Vec<(u64, u32)>) -> Vec<(u64, u32)> {
    let part = |key: u64| (key >> 56) as usize;
    let mut starts = [0usize; 257];
    for &(key, _) in &entries {
        starts[part(key) + 1] += 1;
    }
    for i in 1..starts.len() {
        starts[i] += starts[i - 1];
    }
    let mut next = starts;
    let mut out = vec![(0u64, 0u32); entries.len()];
    for entry in entries {
        let slot = &mut next[part(entry.0)];
        out[*slot] = entry;
        *slot += 1;
    }
    for window in starts.windows(2) {
        out[window[0]..window[1]].sort_unstable();
    }
    out
}

/// Items sampled to find frequent hashes.
const SAMPLE: usize = 50_000;
/// A hash in at least this share of the sampled items is frequent...
const FREQUENT_SHARE: f64 = 0.1;
/// ...and in at least this many of them.
const FREQUENT_MIN: usize = 100;

/// The hashes (shingles, bigrams) so common among `items` that they say nothing about which
/// items copy which ("according to the", "said in a", formulaic phrasing). Left out of the
/// signatures that LSH cuts bands from, they no longer make unrelated items meet as
/// candidates; the exact checks still count them. Counted on an evenly spaced sample of
/// the items, so memory stays bounded. The floor of [`FREQUENT_MIN`] sampled items keeps
/// the hashes of a text copied many times over (a true cluster) off the list in any corpus
/// of realistic size: a small corpus has no frequent hashes at all.
pub fn frequent<T: Sync>(items: &[T], hashes: impl Fn(&T) -> Vec<u64> + Sync) -> HashSet<u64> {
    let step = items.len().div_ceil(SAMPLE).max(1);
    let sampled: Vec<&T> = items.iter().step_by(step).collect();
    let threshold = ((sampled.len() as f64 * FREQUENT_SHARE).ceil() as usize).max(FREQUENT_MIN);
    if sampled.len() < threshold {
        return HashSet::new();
    }
    let counts = sampled
        .par_iter()
        .fold(HashMap::new, |mut counts: HashMap<u64, u32>, item| {
            for h in hashes(item) {
                *counts.entry(h).or_default() += 1;
            }
            counts
        })
        .reduce(HashMap::new, |mut a, b| {
            for (h, n) in b {
                *a.entry(h).or_default() += n;
            }
            a
        });
    counts
        .into_iter()
        .filter(|&(_, n)| n as usize >= threshold)
        .map(|(h, _)| h)
        .collect()
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
        assert_eq!(minima(&set(0..50)), minima(&set(0..50)));
    }

    #[test]
    fn estimates_follow_jaccard() {
        // 0..100 and 25..125 share 75 of 125: Jaccard 0.6.
        let e = estimate(
            &coarse(&minima(&set(0..100))),
            &coarse(&minima(&set(25..125))),
        );
        assert!((e - 0.6).abs() < 0.15, "estimate {e}");
        let far = estimate(
            &coarse(&minima(&set(0..100))),
            &coarse(&minima(&set(1000..1100))),
        );
        assert!(far < 0.05, "estimate {far}");
    }

    #[test]
    fn sorting_by_parts_is_a_plain_sort() {
        let entries: Vec<(u64, u32)> = (0..5000u64)
            .map(|i| {
                (
                    (i.wrapping_mul(0x9E37_79B9_7F4A_7C15) % 7919) << 50,
                    (i % 13) as u32,
                )
            })
            .collect();
        let mut plain = entries.clone();
        plain.sort_unstable();
        assert_eq!(sorted(entries), plain);
    }

    #[test]
    fn similar_sets_become_candidates_and_different_ones_do_not() {
        let index: Index = [(7, 0..100), (8, 5..105), (9, 5000..5100)]
            .into_iter()
            .map(|(owner, range)| (owner, band_keys(&minima(&set(range)))))
            .collect();
        assert_eq!(index.candidates(|_, _| true), [(7, 8)]);
        assert_eq!(index.candidates(|_, _| false), []);
    }
}
