//! The cited summary: a handful of sentences from the sources that brief a reader, each
//! linked to the paragraphs it comes from. No sentence is written here; every word is a
//! source's.
//!
//! The candidates are the events' sentences. Each is scored by how central it is (the
//! cosine of its words, weighted by inverse document frequency, with the centre of all
//! the sentences), how many sources report it, and whether it names actors and a date.
//! The best are taken, skipping a sentence that mostly repeats one already taken, and
//! shown in timeline order.

use std::collections::{BTreeSet, HashMap};

use super::EventEntry;
use crate::annotate::events::Precision;

/// How many sentences the summary has at most.
pub const SENTENCES: usize = 6;
/// Words shared (Dice coefficient) above which a sentence repeats one already chosen.
const REPEATS: f64 = 0.5;
/// Words too common to tell sentences apart.
const STOP: &[&str] = &[
    "the", "a", "an", "of", "to", "in", "on", "and", "or", "for", "with", "that", "this", "is",
    "was", "were", "are", "be", "has", "have", "had", "it", "its", "as", "at", "by", "from", "he",
    "she", "they", "his", "her", "their", "not", "but", "would", "will", "said", "says",
];

/// The indices of the events whose sentences make the summary, in timeline order.
pub fn summary(events: &[EventEntry], sources: usize) -> Vec<usize> {
    if events.is_empty() {
        return Vec::new();
    }
    let bags: Vec<HashMap<String, f64>> = events.iter().map(|e| bag(&e.summary)).collect();
    let mut document_frequency: HashMap<&str, f64> = HashMap::new();
    for bag in &bags {
        for word in bag.keys() {
            *document_frequency.entry(word).or_default() += 1.0;
        }
    }
    let n = bags.len() as f64;
    let weigh = |bag: &HashMap<String, f64>| -> HashMap<String, f64> {
        bag.iter()
            .map(|(w, tf)| {
                (
                    w.clone(),
                    tf * (1.0 + n / document_frequency.get(w.as_str()).copied().unwrap_or(1.0))
                        .ln(),
                )
            })
            .collect()
    };
    let vectors: Vec<HashMap<String, f64>> = bags.iter().map(weigh).collect();
    let mut centre: HashMap<&str, f64> = HashMap::new();
    for v in &vectors {
        for (w, x) in v {
            *centre.entry(w).or_default() += x / n;
        }
    }
    let centre_norm = centre
        .values()
        .map(|x| x * x)
        .sum::<f64>()
        .sqrt()
        .max(f64::EPSILON);
    let mut scored: Vec<(f64, usize)> = events
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let v = &vectors[i];
            let norm = v
                .values()
                .map(|x| x * x)
                .sum::<f64>()
                .sqrt()
                .max(f64::EPSILON);
            let dot: f64 = v
                .iter()
                .map(|(w, x)| x * centre.get(w.as_str()).copied().unwrap_or(0.0))
                .sum();
            let central = dot / norm / centre_norm;
            let reporting: BTreeSet<usize> = e.paragraphs.iter().map(|p| p.source).collect();
            let corroborated =
                (reporting.len() as f64).ln_1p() / (sources as f64).ln_1p().max(f64::EPSILON);
            let named = e.actors.len().min(3) as f64 / 3.0;
            let dated = match e.date.precision {
                Precision::Day | Precision::Week if !e.date.approximate => 1.0,
                Precision::Unknown => 0.0,
                _ => 0.5,
            };
            let words = e.summary.split_whitespace().count();
            // Very short or very long sentences brief badly, and so does one whose subject
            // is a pronoun: out of its paragraph, "He also advised Putin" names nobody.
            let length = if (8..=45).contains(&words) { 1.0 } else { 0.5 };
            let first = e
                .summary
                .split_whitespace()
                .next()
                .unwrap_or("")
                .to_lowercase();
            let standalone = if matches!(
                first.as_str(),
                "he" | "she" | "they" | "it" | "this" | "these"
            ) {
                0.5
            } else {
                1.0
            };
            (
                length * standalone * (central + corroborated + 0.3 * named + 0.2 * dated),
                i,
            )
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut chosen: Vec<usize> = Vec::new();
    for (_, i) in scored {
        if chosen.len() == SENTENCES {
            break;
        }
        let words: BTreeSet<&String> = bags[i].keys().collect();
        let repeats = chosen.iter().any(|&c| {
            let other: BTreeSet<&String> = bags[c].keys().collect();
            let shared = words.intersection(&other).count() as f64;
            shared / (words.len() + other.len()) as f64 * 2.0 > REPEATS
        });
        if !repeats {
            chosen.push(i);
        }
    }
    // Events are in timeline order: so is the summary.
    chosen.sort_unstable();
    chosen
}

/// A sentence's words, lower-cased, without the commonest, with their counts.
fn bag(text: &str) -> HashMap<String, f64> {
    let mut bag = HashMap::new();
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 1)
    {
        let word = word.to_lowercase();
        if !STOP.contains(&word.as_str()) {
            *bag.entry(word).or_default() += 1.0;
        }
    }
    bag
}
