//! The cited summary: a handful of sentences from the sources that brief a reader, each
//! linked to the paragraphs it comes from. No sentence is written here; every word is a
//! source's.
//!
//! The candidates are the events' sentences. Each is scored by how central it is (the
//! cosine of its words, weighted by inverse document frequency, with the centre of all
//! the sentences), how many sources report it, and whether it names actors and a date.
//! The best are taken, skipping a sentence that mostly repeats one already taken, and
//! shown in timeline order.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use foldhash::{HashMap, HashMapExt};
use rayon::prelude::*;

use super::EventEntry;
use crate::annotate::events::Precision;
use crate::sentence::{WordSet, each_lower_word};

/// How many sentences the summary has at most.
pub const SENTENCES: usize = 6;
/// Words shared (Dice coefficient) above which a sentence repeats one already chosen.
const REPEATS: f64 = 0.5;
/// Words too common to tell sentences apart.
static STOP: WordSet = LazyLock::new(|| {
    [
        "the", "a", "an", "of", "to", "in", "on", "and", "or", "for", "with", "that", "this", "is",
        "was", "were", "are", "be", "has", "have", "had", "it", "its", "as", "at", "by", "from",
        "he", "she", "they", "his", "her", "their", "not", "but", "would", "will", "said", "says",
    ]
    .into_iter()
    .collect()
});

/// The indices of the events whose sentences make the summary, in timeline order.
pub fn summary(events: &[EventEntry], sources: usize) -> Vec<usize> {
    if events.is_empty() {
        return Vec::new();
    }
    // Each sentence as a sorted list of (word number, count); words numbered once.
    let mut numbers: HashMap<String, u32> = HashMap::new();
    let bags: Vec<Vec<(u32, f32)>> = events
        .iter()
        .map(|e| bag(&e.summary, &mut numbers))
        .collect();
    let mut document_frequency = vec![0f32; numbers.len()];
    for bag in &bags {
        for &(w, _) in bag {
            document_frequency[w as usize] += 1.0;
        }
    }
    let n = bags.len() as f32;
    let idf: Vec<f32> = document_frequency
        .iter()
        .map(|df| (1.0 + n / df.max(1.0)).ln())
        .collect();
    let mut centre = vec![0f32; numbers.len()];
    for bag in &bags {
        for &(w, tf) in bag {
            centre[w as usize] += tf * idf[w as usize] / n;
        }
    }
    let centre_norm = centre
        .iter()
        .map(|x| x * x)
        .sum::<f32>()
        .sqrt()
        .max(f32::EPSILON);
    let mut scored: Vec<(f32, usize)> = events
        .par_iter()
        .enumerate()
        .map(|(i, e)| {
            let weighted = bags[i].iter().map(|&(w, tf)| (w, tf * idf[w as usize]));
            let norm = weighted
                .clone()
                .map(|(_, x)| x * x)
                .sum::<f32>()
                .sqrt()
                .max(f32::EPSILON);
            let dot: f32 = weighted.map(|(w, x)| x * centre[w as usize]).sum();
            let central = dot / norm / centre_norm;
            let reporting: BTreeSet<usize> = e.paragraphs.iter().map(|p| p.source).collect();
            let corroborated =
                (reporting.len() as f32).ln_1p() / (sources as f32).ln_1p().max(f32::EPSILON);
            let named = e.actors.len().min(3) as f32 / 3.0;
            let dated = match e.date.precision {
                Precision::Day | Precision::Week if !e.date.approximate => 1.0,
                Precision::Unknown => 0.0,
                _ => 0.5,
            };
            let words = e.summary.split_whitespace().count();
            // Very short or very long sentences brief badly.
            let length = if (8..=45).contains(&words) { 1.0 } else { 0.5 };
            (
                length * (central + corroborated + 0.3 * named + 0.2 * dated),
                i,
            )
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut chosen: Vec<usize> = Vec::new();
    for (_, i) in scored {
        if !stands_alone(&events[i].summary) {
            continue;
        }
        if chosen.len() == SENTENCES {
            break;
        }
        let repeats = chosen.iter().any(|&c| dice(&bags[i], &bags[c]) > REPEATS);
        if !repeats {
            chosen.push(i);
        }
    }
    // Events are in timeline order: so is the summary.
    chosen.sort_unstable();
    chosen
}

/// Words that open a sentence pointing back at what came before it: out of its paragraph,
/// "He also advised Putin" names nobody, "However, …" answers nothing.
static BACK_POINTING: WordSet = LazyLock::new(|| {
    [
        "he",
        "she",
        "they",
        "it",
        "this",
        "these",
        "those",
        "that",
        "such",
        "his",
        "her",
        "their",
        "its",
        "however",
        "but",
        "and",
        "also",
        "meanwhile",
        "still",
        "yet",
        "instead",
        "there",
        "here",
        "then",
        "later",
        "earlier",
    ]
    .into_iter()
    .collect()
});

/// Nouns that, after "The" and before the verb, stand for a happening told before: "The
/// meeting came three days after …", "The move follows …".
static BACK_NOUNS: WordSet = LazyLock::new(|| {
    [
        "meeting",
        "meetings",
        "talks",
        "call",
        "move",
        "decision",
        "announcement",
        "visit",
        "statement",
        "remarks",
        "comments",
        "development",
        "episode",
        "incident",
        "deal",
        "news",
        "report",
        "recording",
        "leak",
        "letter",
        "plan",
        "proposal",
        "step",
        "vote",
        "session",
        "summit",
        "trip",
        "exchange",
        "conversation",
        "latest",
        "remark",
    ]
    .into_iter()
    .collect()
});

/// Words after "The `<noun>`" that say which one it is ("The meeting in Geneva …").
static SPECIFIERS: WordSet = LazyLock::new(|| {
    [
        "in", "at", "on", "of", "with", "between", "by", "from", "that", "which", "who", "to",
        "for", "about", "over",
    ]
    .into_iter()
    .collect()
});

/// Whether a sentence reads alone, out of its paragraph, at the head of a briefing: it
/// opens with no credit tag ("(Reuters)") or dateline ("MOSCOW, Nov 26 -"), no word that
/// points back ("He", "However"), and no "The meeting came …" whose happening was named
/// before it.
fn stands_alone(sentence: &str) -> bool {
    let sentence = sentence.trim_start();
    if sentence.starts_with(['(', '[', '-', '\u{2014}', '\u{2013}']) {
        return false;
    }
    let words: Vec<&str> = sentence.split_whitespace().take(3).collect();
    let Some(first) = words.first() else {
        return false;
    };
    // A dateline: a place in capitals before a comma or a dash ("MOSCOW," "GENEVA —").
    let letters: String = first.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.chars().count() > 1
        && letters.chars().all(char::is_uppercase)
        && (first.ends_with(',')
            || words
                .get(1)
                .is_some_and(|w| w.starts_with(['-', '\u{2014}', '\u{2013}', '('])))
    {
        return false;
    }
    let lower = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    if BACK_POINTING.contains(lower(first).as_str()) {
        return false;
    }
    !(lower(first) == "the"
        && words
            .get(1)
            .is_some_and(|w| BACK_NOUNS.contains(lower(w).as_str()))
        && words
            .get(2)
            .is_none_or(|w| !SPECIFIERS.contains(lower(w).as_str())))
}

/// The share of words two sentences have in common (Dice coefficient).
fn dice(a: &[(u32, f32)], b: &[(u32, f32)]) -> f64 {
    let shared = a
        .iter()
        .filter(|(w, _)| b.binary_search_by_key(w, |(x, _)| *x).is_ok())
        .count();
    2.0 * shared as f64 / (a.len() + b.len()).max(1) as f64
}

/// A sentence's words, lower-cased, without the commonest, numbered, with their counts,
/// sorted by number.
fn bag(text: &str, numbers: &mut HashMap<String, u32>) -> Vec<(u32, f32)> {
    let mut bag: Vec<(u32, f32)> = Vec::new();
    each_lower_word(text, |word| {
        if word.len() <= 1 || STOP.contains(word) {
            return;
        }
        let number = match numbers.get(word) {
            Some(&number) => number,
            None => {
                let next = numbers.len() as u32;
                numbers.insert(word.to_string(), next);
                next
            }
        };
        match bag.iter_mut().find(|(w, _)| *w == number) {
            Some((_, count)) => *count += 1.0,
            None => bag.push((number, 1.0)),
        }
    });
    bag.sort_unstable_by_key(|&(w, _)| w);
    bag
}

#[cfg(test)]
mod tests {
    use super::stands_alone;

    #[test]
    fn a_sentence_stands_alone_without_a_tag_a_dateline_or_a_word_pointing_back() {
        for alone in [
            "Finnish President Alexander Stubb met Kristen Michal in Helsinki on Monday.",
            "The meeting in Geneva ended without a deal on Sunday.",
            "The Kremlin denied on Friday that it had received the document.",
            "US and Ukrainian negotiators met in Geneva on Sunday.",
        ] {
            assert!(stands_alone(alone), "{alone}");
        }
        for not in [
            "(Reuters) Russian officials said the plan was a basis for talks.",
            "(Northern Desk) - The minister resigned on Tuesday.",
            "MOSCOW, Nov 26 - The Kremlin said it had not seen the text.",
            "GENEVA \u{2014} Negotiators met on Sunday.",
            "He also advised Putin to praise the plan.",
            "However, the Kremlin maintains it has not discussed the proposal.",
            "The meeting came three days after the plan was leaked.",
            "The move follows weeks of talks.",
        ] {
            assert!(!stands_alone(not), "{not}");
        }
    }
}
