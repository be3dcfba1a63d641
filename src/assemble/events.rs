//! The events of the briefing: every sentence that names an actor and reports something,
//! with the same event told in several paragraphs or sources made one.
//!
//! Two sentences are one event when their words are the same (a repeat), when one sits in
//! a paragraph that repeats the other's and most of their words agree (an edited repeat),
//! or when they give the same day, the same status, the same verb and the same two or more
//! actors (one event reported twice in other words).

use foldhash::{HashMap, HashMapExt};
use rayon::prelude::*;
use xxhash_rust::xxh3::{xxh3_64, xxh3_128};

use super::{ParagraphRef, SourceEntry};
use crate::annotate::events::{EventDate, Precision, SentenceEvent, Status, read_sentence};
use crate::dedupe::shingle::overlap;
use crate::sentence::lower_words;

/// Words shared (Jaccard) for a sentence of an edited repeat to be the same event as one
/// of the original paragraph's sentences.
const SAME_SENTENCE: f64 = 0.5;

/// An event with everything its timeline entry shows.
#[derive(Debug, Clone)]
pub struct EventEntry {
    /// Stable id, `eN` in timeline order.
    pub id: String,
    /// When it happened, as precisely as known.
    pub date: EventDate,
    /// Reported, planned or denied.
    pub status: Status,
    /// The sentence that first reports it.
    pub summary: String,
    /// Its actors (indices into the briefing's actors), in the order first named.
    pub actors: Vec<usize>,
    /// Every paragraph that reports it, in path and reading order.
    pub paragraphs: Vec<ParagraphRef>,
}

/// A sentence read as an event, before merging.
struct Candidate<'a> {
    at: ParagraphRef,
    summary: &'a str,
    read: SentenceEvent,
    actors: Vec<usize>,
    /// Hash of the sentence's lower-cased words.
    words_key: u64,
    /// Its [`signature`], if it has one.
    signature: Option<u128>,
}

/// The events of `sources` (actors already ordered), oldest first, undated last.
pub fn events(sources: &[SourceEntry]) -> Vec<EventEntry> {
    let candidates: Vec<Vec<Candidate>> = sources
        .par_iter()
        .enumerate()
        .map(|(s, source)| candidates(s, source))
        .collect();
    let mut merger = Merger::new(candidates);
    // Original paragraphs first, so that a repeat finds the events of its original.
    for repeats in [false, true] {
        for (s, source) in sources.iter().enumerate() {
            for k in 0..merger.candidates[s].len() {
                let paragraph = &source.paragraphs[merger.candidates[s][k].at.number - 1];
                if paragraph.repeat_of.is_some() == repeats {
                    merger.add(s, k, paragraph.repeat_of.as_ref().map(|(of, _)| of));
                }
            }
        }
    }
    merger.finish()
}

/// The sentences of a source that read as events.
fn candidates(s: usize, source: &SourceEntry) -> Vec<Candidate<'_>> {
    let published = source.date().map(|d| d.date);
    let mut out = Vec::new();
    for p in source.paragraphs.iter().filter(|p| p.kind.is_prose()) {
        for range in p.sentences.iter().cloned() {
            let mut actors: Vec<usize> = Vec::new();
            for m in p
                .mentions
                .iter()
                .filter(|m| m.start >= range.start && m.end <= range.end)
            {
                if !actors.contains(&m.actor) {
                    actors.push(m.actor);
                }
            }
            if actors.is_empty() {
                continue;
            }
            let text = &p.text[range.clone()];
            let Some(read) = read_sentence(text, range.start, &p.times, published) else {
                continue;
            };
            out.push(Candidate {
                at: ParagraphRef {
                    source: s,
                    number: p.number,
                },
                summary: text,
                signature: signature(&read, &actors),
                read,
                actors,
                words_key: words_key(text),
            });
        }
    }
    out
}

/// What tells the same event told in other words: a sentence's exact day, status, verb
/// and two or more actors (distinct, in any order), as a hash of 128 bits, wide enough
/// that two different signatures never share one.
fn signature(read: &SentenceEvent, actors: &[usize]) -> Option<u128> {
    let date = &read.date;
    if date.precision != Precision::Day || date.approximate || actors.len() < 2 {
        return None;
    }
    let mut sorted = actors.to_vec();
    sorted.sort_unstable();
    let day = date.value.as_deref().unwrap_or_default();
    let mut bytes = Vec::with_capacity(day.len() + read.verb.len() + 3 + 8 * sorted.len());
    bytes.extend_from_slice(day.as_bytes());
    bytes.push(0xff);
    bytes.push(read.status as u8);
    bytes.extend_from_slice(read.verb.as_bytes());
    bytes.push(0xff);
    for actor in sorted {
        bytes.extend_from_slice(&(actor as u64).to_le_bytes());
    }
    Some(xxh3_128(&bytes))
}

struct Merger<'a> {
    /// Every source's candidates, in reading order. A candidate that makes a new event
    /// gives it its date and actors.
    candidates: Vec<Vec<Candidate<'a>>>,
    events: Vec<EventEntry>,
    by_words: HashMap<u64, usize>,
    by_signature: HashMap<u128, usize>,
    /// The event each candidate joined, once it is added, shaped like `candidates`.
    assigned: Vec<Vec<Option<usize>>>,
}

impl<'a> Merger<'a> {
    fn new(candidates: Vec<Vec<Candidate<'a>>>) -> Self {
        let count = candidates.iter().map(Vec::len).sum();
        Merger {
            events: Vec::with_capacity(count),
            by_words: HashMap::new(),
            by_signature: HashMap::new(),
            assigned: candidates.iter().map(|c| vec![None; c.len()]).collect(),
            candidates,
        }
    }

    /// Adds candidate `k` of source `s`, which repeats `original` if given.
    fn add(&mut self, s: usize, k: usize, original: Option<&ParagraphRef>) {
        let c = &self.candidates[s][k];
        let found = self
            .by_words
            .get(&c.words_key)
            .copied()
            .or_else(|| original.and_then(|of| self.in_original(c, of)))
            .or_else(|| c.signature.and_then(|s| self.by_signature.get(&s).copied()));
        let c = &mut self.candidates[s][k];
        let event = match found {
            Some(event) => {
                let entry = &mut self.events[event];
                if entry.paragraphs.last() != Some(&c.at) {
                    entry.paragraphs.push(c.at.clone());
                }
                for &actor in &c.actors {
                    if !entry.actors.contains(&actor) {
                        entry.actors.push(actor);
                    }
                }
                event
            }
            None => {
                self.events.push(EventEntry {
                    id: String::new(),
                    date: std::mem::replace(&mut c.read.date, EventDate::unknown()),
                    status: c.read.status,
                    summary: c.summary.to_string(),
                    actors: std::mem::take(&mut c.actors),
                    paragraphs: vec![c.at.clone()],
                });
                self.events.len() - 1
            }
        };
        self.by_words.entry(c.words_key).or_insert(event);
        if let Some(signature) = c.signature {
            self.by_signature.entry(signature).or_insert(event);
        }
        self.assigned[s][k] = Some(event);
    }

    /// The event of the original paragraph's sentence that most words of `c` agree with.
    fn in_original(&self, c: &Candidate<'_>, of: &ParagraphRef) -> Option<usize> {
        let theirs = self.candidates.get(of.source)?;
        let first = theirs.partition_point(|o| o.at.number < of.number);
        let words = word_set(c.summary);
        theirs[first..]
            .iter()
            .zip(&self.assigned[of.source][first..])
            .take_while(|(o, _)| o.at.number == of.number)
            .filter_map(|(o, event)| {
                Some((overlap(&words, &word_set(o.summary)).jaccard, (*event)?))
            })
            .filter(|(score, _)| *score >= SAME_SENTENCE)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, event)| event)
    }

    /// The events in timeline order, with their ids.
    fn finish(self) -> Vec<EventEntry> {
        let Merger {
            mut events,
            candidates,
            ..
        } = self;
        // Millions of small allocations at scale: freed on every thread.
        candidates.into_par_iter().for_each(drop);
        events.par_sort_by(|a, b| {
            (
                a.date.first_day.is_none(),
                a.date.first_day,
                a.date.precision,
                first(a),
            )
                .cmp(&(
                    b.date.first_day.is_none(),
                    b.date.first_day,
                    b.date.precision,
                    first(b),
                ))
        });
        events
            .par_iter_mut()
            .enumerate()
            .for_each(|(n, event)| event.id = format!("e{}", n + 1));
        events
    }
}

fn first(event: &EventEntry) -> (usize, usize) {
    event
        .paragraphs
        .first()
        .map_or((0, 0), |p| (p.source, p.number))
}

/// Hash of the lower-cased words of `text`, each ended by a byte no word holds.
fn words_key(text: &str) -> u64 {
    let mut words = Vec::with_capacity(text.len() + 8);
    for word in lower_words(text) {
        words.extend_from_slice(word.as_bytes());
        words.push(0xff);
    }
    xxh3_64(&words)
}

/// The distinct lower-cased words of `text`, as sorted hashes.
fn word_set(text: &str) -> Vec<u64> {
    let mut words: Vec<u64> = lower_words(text).map(|w| xxh3_64(w.as_bytes())).collect();
    words.sort_unstable();
    words.dedup();
    words
}
