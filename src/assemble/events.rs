//! The events of the briefing: every sentence that names an actor and reports something,
//! with the same event told in several paragraphs or sources made one.
//!
//! Two sentences are one event when their words are the same (a repeat), when one sits in
//! a paragraph that repeats the other's and most of their words agree (an edited repeat),
//! or when they give the same day, the same status, the same verb and the same two or more
//! actors, or the same first two of actors one of which holds the other's (one event
//! reported twice in other words).

use rayon::prelude::*;
use xxhash_rust::xxh3::{xxh3_64, xxh3_128};

use super::{ParagraphRef, SourceEntry};
use crate::annotate::claims::introduces;
use crate::annotate::events::{EventDate, Precision, SentenceEvent, Status, read_sentence};
use crate::dedupe::normalize::wire_dateline_end;
use crate::dedupe::shingle::overlap;
use crate::sentence::each_lower_word;

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
    /// How many distinct sources report it.
    pub sources: usize,
}

/// A sentence read as an event, before merging.
struct Candidate<'a> {
    at: ParagraphRef,
    /// The paragraph that `at` repeats, if it is a repeat.
    original: Option<ParagraphRef>,
    /// The sentence.
    sentence: &'a str,
    /// The block quote the sentence introduces, if it does: few sentences do.
    quote: Option<Box<Quoted>>,
    read: SentenceEvent,
    actors: Vec<usize>,
    /// Hash of the sentence's lower-cased words.
    words_key: u64,
    /// Its [`signature`], if it has one.
    signature: Option<u128>,
}

/// A block quote that a sentence introduces ("In a statement, Yermak wrote:").
struct Quoted {
    /// The sentence with the quote's first sentence.
    summary: String,
    /// The quote's paragraph.
    at: ParagraphRef,
}

impl Candidate<'_> {
    /// What the event says: the sentence, with the quote it introduces.
    fn summary(&self) -> &str {
        self.quote.as_ref().map_or(self.sentence, |q| &q.summary)
    }

    /// Its signature over the first two actors only ([`signature`]), if it has one.
    fn lead(&self) -> Option<u128> {
        signature(&self.read, self.actors.get(..2)?)
    }
}

/// Marks "no candidate" in the merge's tables of candidate numbers.
const NONE: u32 = u32::MAX;

/// The events of `sources` (actors already ordered), oldest first, undated last.
///
/// The candidates are taken in one order, the original paragraphs' before the repeats',
/// each in path and reading order; a candidate joins the event of the first one before it
/// with the same words, else (in a repeat) of the original's sentence it agrees with most,
/// else of the first one before it with the same signature, else of the first one before it
/// with the same signature over the first two actors named when one's actors hold the
/// other's ("Bloomberg published a recording of a call in which Witkoff advised Ushakov"
/// told with and without Putin and Trump), else it starts an event. All
/// that needs comparing or hashing is done in parallel first; what is left in order is
/// following numbers back.
pub fn events(sources: &[SourceEntry]) -> Vec<EventEntry> {
    let per_source: Vec<Vec<Candidate>> = sources
        .par_iter()
        .enumerate()
        .map(|(s, source)| candidates(s, source))
        .collect();
    // Candidates are numbered in path and reading order; `starts[s]` is source s's first.
    let mut starts = Vec::with_capacity(per_source.len() + 1);
    starts.push(0);
    for c in &per_source {
        starts.push(starts[starts.len() - 1] + c.len());
    }
    let candidates: Vec<&Candidate> = per_source.iter().flatten().collect();
    // The order of taking them, and each one's place in it.
    let order: Vec<u32> = (0..candidates.len() as u32)
        .filter(|&i| candidates[i as usize].original.is_none())
        .chain((0..candidates.len() as u32).filter(|&i| candidates[i as usize].original.is_some()))
        .collect();
    let mut place = vec![0u32; candidates.len()];
    for (n, &i) in order.iter().enumerate() {
        place[i as usize] = n as u32;
    }
    let placed = || candidates.par_iter().zip(&place);
    let same_words = first_with_same_key(placed().map(|(c, &n)| (c.words_key, n)), order.len());
    let same_signature = first_with_same_key(
        placed().filter_map(|(c, &n)| Some((c.signature?, n))),
        order.len(),
    );
    let same_lead = first_with_same_key(
        placed().filter_map(|(c, &n)| Some((c.lead()?, n))),
        order.len(),
    );
    let in_original: Vec<u32> = order
        .par_iter()
        .zip(&same_words)
        .enumerate()
        .map(|(n, (&i, &words))| match &candidates[i as usize].original {
            // The same words seen before decide first.
            Some(of) if words == NONE || words as usize >= n => {
                best_in_original(candidates[i as usize], of, &per_source, &starts)
            }
            _ => NONE,
        })
        .collect();

    // Each candidate's event, in the order of taking them.
    let mut event_of = vec![0u32; order.len()];
    let mut founders: Vec<u32> = Vec::new();
    for n in 0..order.len() {
        let earlier = |m: u32| (m != NONE && (m as usize) < n).then(|| event_of[m as usize]);
        let original =
            (in_original[n] != NONE).then(|| event_of[place[in_original[n] as usize] as usize]);
        event_of[n] = earlier(same_words[n])
            .or(original)
            .or_else(|| earlier(same_signature[n]))
            .or_else(|| {
                let m = same_lead[n];
                let theirs = &candidates[*order.get(m as usize)? as usize].actors;
                earlier(m).filter(|_| nested(&candidates[order[n] as usize].actors, theirs))
            })
            .unwrap_or_else(|| {
                founders.push(order[n]);
                founders.len() as u32 - 1
            });
    }
    // Each event's candidates, in the order of taking them (a counting sort).
    let mut bounds = vec![0usize; founders.len() + 1];
    for &e in &event_of {
        bounds[e as usize + 1] += 1;
    }
    for e in 0..founders.len() {
        bounds[e + 1] += bounds[e];
    }
    let mut next = bounds.clone();
    let mut members = vec![0u32; order.len()];
    for (n, &e) in event_of.iter().enumerate() {
        members[next[e as usize]] = order[n];
        next[e as usize] += 1;
    }
    // An event's first candidate is its founder; the others join it. The founder gives
    // the event its date and first paragraph, and so its place in the timeline: the
    // events are made in that order (oldest first, undated last, ties in the order they
    // were made), which spares moving them about to sort them.
    let mut timeline: Vec<_> = founders
        .par_iter()
        .enumerate()
        .map(|(e, &founder)| {
            let c = candidates[founder as usize];
            let date = &c.read.date;
            let day = date.first_day;
            (
                day.is_none(),
                day,
                date.precision,
                c.at.source,
                c.at.number,
                e,
            )
        })
        .collect();
    timeline.par_sort_unstable();
    let events: Vec<EventEntry> = timeline
        .par_iter()
        .enumerate()
        .map(|(n, &(.., e))| {
            let joined = members[bounds[e] + 1..bounds[e + 1]].iter();
            let mut event = entry(
                candidates[founders[e] as usize],
                joined.map(|&i| candidates[i as usize]),
            );
            event.id = format!("e{}", n + 1);
            event
        })
        .collect();
    drop(candidates);
    // Millions of small allocations at scale: freed on every thread.
    per_source.into_par_iter().for_each(drop);
    events
}

/// The sentences of a source that read as events.
fn candidates(s: usize, source: &SourceEntry) -> Vec<Candidate<'_>> {
    let published = source.day();
    // Times resolved against an inferred date are as approximate as that date.
    let inferred = source.date().is_none() && published.is_some();
    let mut out = Vec::new();
    // The first paragraph of a block quote that a sentence introduces is told with it.
    let mut told = None;
    for (n, p) in source.paragraphs.iter().enumerate() {
        if !p.kind.is_prose() || told == Some(n) {
            continue;
        }
        // A wire dateline ("GENEVA — ") tells where the story was filed, not what happened;
        // a speaker's label in a transcript ("LEAVITT:") tells who speaks, and stays.
        let dateline = wire_dateline_end(&p.text);
        for range in p.sentences.iter().cloned() {
            let range = range.start.max(dateline).min(range.end)..range.end;
            // A sentence ending its paragraph with a colon ("In a statement, Yermak
            // wrote:") tells the block quote after it; before other paragraphs, it only
            // introduces events of their own.
            let quote = if introduces(&p.text, &range) {
                let quote = source.quote_after(n);
                match quote.first() {
                    Some(q) => Some((quote, q.sentences.first().cloned().unwrap_or_default())),
                    None => continue,
                }
            } else {
                None
            };
            let mut actors: Vec<usize> = Vec::new();
            let quote_mentions = quote.iter().flat_map(|(q, first)| {
                q[0].mentions
                    .iter()
                    .filter(|m| m.start >= first.start && m.end <= first.end)
            });
            for m in p
                .mentions
                .iter()
                .filter(|m| m.start >= range.start && m.end <= range.end)
                .chain(quote_mentions)
            {
                if !actors.contains(&m.actor) {
                    actors.push(m.actor);
                }
            }
            if actors.is_empty() {
                continue;
            }
            let text = &p.text[range.clone()];
            let Some(mut read) = read_sentence(text, range.start, &p.times, published) else {
                continue;
            };
            read.date.approximate |= inferred;
            let quote = quote.map(|(quote, first)| {
                told = Some(n + 1);
                let q = &quote[0];
                let more = if quote.len() > 1 || first.end < q.text.trim_end().len() {
                    " …"
                } else {
                    ""
                };
                Box::new(Quoted {
                    summary: format!("{text} {}{more}", q.text[first].trim()),
                    at: ParagraphRef {
                        source: s,
                        number: q.number,
                    },
                })
            });
            out.push(Candidate {
                at: ParagraphRef {
                    source: s,
                    number: p.number,
                },
                original: p.repeat_of.as_ref().map(|r| r.of.clone()),
                signature: signature(&read, &actors),
                read,
                actors,
                words_key: words_key(quote.as_ref().map_or(text, |q| &q.summary)),
                sentence: text,
                quote,
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

/// For every place in the order of taking (`count` in all), the place of the first
/// candidate with the same key, `NONE` for a candidate without one. (Sorting the keys
/// groups them without one large table shared by all threads.)
fn first_with_same_key<K: Ord + Send>(
    keys: impl ParallelIterator<Item = (K, u32)>,
    count: usize,
) -> Vec<u32> {
    let mut keys: Vec<(K, u32)> = keys.collect();
    keys.par_sort_unstable();
    let mut first = vec![NONE; count];
    for group in keys.chunk_by(|a, b| a.0 == b.0) {
        for &(_, n) in group {
            first[n as usize] = group[0].1;
        }
    }
    first
}

/// The candidate (by number) of the original paragraph `of` whose sentence most words of
/// `c` agree with, if enough do; `NONE` otherwise.
fn best_in_original(
    c: &Candidate<'_>,
    of: &ParagraphRef,
    per_source: &[Vec<Candidate<'_>>],
    starts: &[usize],
) -> u32 {
    let (Some(theirs), Some(&start)) = (per_source.get(of.source), starts.get(of.source)) else {
        return NONE;
    };
    let first = theirs.partition_point(|o| o.at.number < of.number);
    let words = word_set(c.summary());
    theirs[first..]
        .iter()
        .enumerate()
        .take_while(|(_, o)| o.at.number == of.number)
        .map(|(k, o)| {
            (
                overlap(&words, &word_set(o.summary())).jaccard,
                start + first + k,
            )
        })
        .filter(|(score, _)| *score >= SAME_SENTENCE)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map_or(NONE, |(_, i)| i as u32)
}

/// The event that `founder` starts, which the candidates `joined` (in the order of
/// taking) join: the founder gives its sentence, date and status; each adds its paragraph
/// and actors.
fn entry<'c, 'a: 'c>(
    founder: &Candidate<'a>,
    joined: impl Iterator<Item = &'c Candidate<'a>>,
) -> EventEntry {
    let mut event = EventEntry {
        id: String::new(),
        date: founder.read.date.clone(),
        status: founder.read.status,
        summary: founder.summary().to_string(),
        actors: founder.actors.clone(),
        paragraphs: vec![founder.at.clone()],
        sources: 0,
    };
    event
        .paragraphs
        .extend(founder.quote.as_ref().map(|q| q.at.clone()));
    for c in joined {
        if event.paragraphs.last() != Some(&c.at) {
            event.paragraphs.push(c.at.clone());
        }
        for &actor in &c.actors {
            if !event.actors.contains(&actor) {
                event.actors.push(actor);
            }
        }
    }
    let mut sources: Vec<usize> = event.paragraphs.iter().map(|p| p.source).collect();
    sources.sort_unstable();
    sources.dedup();
    event.sources = sources.len();
    event
}

/// Whether one of two sets of actors holds the other.
fn nested(a: &[usize], b: &[usize]) -> bool {
    a.iter().all(|x| b.contains(x)) || b.iter().all(|x| a.contains(x))
}

/// Hash of the lower-cased words of `text`, each ended by a byte no word holds.
fn words_key(text: &str) -> u64 {
    let mut words = Vec::with_capacity(text.len() + 8);
    each_lower_word(text, |word| {
        words.extend_from_slice(word.as_bytes());
        words.push(0xff);
    });
    xxh3_64(&words)
}

/// The distinct lower-cased words of `text`, as sorted hashes.
fn word_set(text: &str) -> Vec<u64> {
    let mut words: Vec<u64> = Vec::new();
    each_lower_word(text, |w| words.push(xxh3_64(w.as_bytes())));
    words.sort_unstable();
    words.dedup();
    words
}
