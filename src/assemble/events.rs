//! The events of the briefing: one per happening, with every paragraph that reports it.
//!
//! Each sentence that names an actor is read for the happenings it reports
//! ([`read_sentence`]): a kind of act (a call, a meeting, a publication, a statement …), its
//! date, and who takes part (the speaker of a statement; the actors named otherwise).
//! Reports of one happening use different words, so they are matched on what does not
//! change between them: the act, the date or the window of days a report without a date of
//! its own allows, and the participants, never on word overlap. A sentence that repeats
//! another one's words, or sits in a paragraph repeating another and agrees with one of its
//! sentences, joins that sentence's event.

use foldhash::{HashMap, HashMapExt};
use rayon::prelude::*;
use xxhash_rust::xxh3::{xxh3_64, xxh3_64_with_seed};

use super::claims::ClaimEntry;
use super::{ParagraphRef, RepeatKind, SourceEntry};
use std::ops::Range;

use crate::annotate::claims::introduces;
use crate::annotate::events::{
    Act, EventDate, Happening, Precision, SentenceEvent, Status, obtained_by, period_of,
    read_sentence,
};
use crate::annotate::lexicon::{BUILT_IN, Words};
use crate::annotate::{Actor, ActorKind, Mention};
use crate::dedupe::normalize::wire_dateline_end;
use crate::dedupe::shingle::overlap;
use crate::sentence::each_lower_word;

/// Words shared (Jaccard) for a sentence of an edited repeat to be the same event as one
/// of the original paragraph's sentences.
const SAME_SENTENCE: f64 = 0.5;
/// How many days before its publication a report without a date of its own may tell of a
/// happening: a statement is mostly reported the day it is made or the next.
const STATEMENT_WINDOW: i64 = 1;
/// The same for any other act: a meeting or a leak is still news a week on.
const WINDOW: i64 = 7;
/// How much shared participants must weigh for a report to join an event; a person, an
/// organization or a group weighs 1, a place half as much.
const ENOUGH: f32 = 1.0;

/// An event with everything its timeline entry shows.
#[derive(Debug, Clone)]
pub struct EventEntry {
    /// Stable id, `eN` in timeline order.
    pub id: String,
    /// When it happened, as precisely as known.
    pub date: EventDate,
    /// Reported, planned or denied.
    pub status: Status,
    /// The clearest sentence that states it.
    pub summary: String,
    /// Its actors (indices into the briefing's actors), in the order first named.
    pub actors: Vec<usize>,
    /// Every paragraph that reports it, in path and reading order.
    pub paragraphs: Vec<ParagraphRef>,
    /// How many distinct sources report it.
    pub sources: usize,
}

/// A few actors: most sentences name four or fewer, kept without an allocation of their own.
type Few = smallvec::SmallVec<[usize; 4]>;

/// One happening as one sentence reports it, before merging.
struct Report<'a> {
    at: ParagraphRef,
    /// The paragraph that `at` repeats, if it is a repeat.
    original: Option<ParagraphRef>,
    /// The sentence.
    sentence: &'a str,
    /// The block quote the sentence introduces, if it does: few sentences do.
    quote: Option<Box<Quoted>>,
    /// What happened, and when.
    happening: Happening,
    /// Whether it is its sentence's main happening.
    main: bool,
    status: Status,
    /// The day its source was published, if known.
    published: Option<chrono::NaiveDate>,
    /// Whether that day is inferred ([`crate::dating`]): the dates the report states are
    /// as approximate as it, though they are stated, and merge as such.
    inferred: bool,
    /// Hash of the sentence's first verb without its ending, for events of no named act.
    verb: u64,
    /// The actors the sentence names, in order.
    actors: Few,
    /// Who takes part: the speaker of a statement (and whom a spokesperson speaks for),
    /// else the actors named in the clause that tells it.
    participants: Few,
    /// The places among them where it happened ("in Geneva", "the Geneva talks").
    venues: Few,
    /// Hash of the sentence's lower-cased words and the act.
    words_key: u64,
}

/// A block quote that a sentence introduces ("In a statement, Yermak wrote:").
struct Quoted {
    /// The sentence with the quote's first sentence.
    summary: String,
    /// The quote's paragraph.
    at: ParagraphRef,
}

impl Report<'_> {
    /// What the report says: the sentence, with the quote it introduces.
    fn summary(&self) -> &str {
        self.quote.as_ref().map_or(self.sentence, |q| &q.summary)
    }

    fn date(&self) -> &EventDate {
        &self.happening.date
    }

    /// How firmly the report dates its happening: a day it states first, then a week, a
    /// month, a year, then the publication date standing in, then nothing.
    fn firmness(&self) -> u8 {
        let date = self.date();
        match (date.precision, date.approximate) {
            (Precision::Unknown, _) => 6,
            (_, true) => 5,
            (Precision::Day, false) => 0,
            (Precision::Week, false) => 1,
            (Precision::Month, false) => 2,
            (Precision::Year, false) => 3,
        }
    }
}

/// An event while reports join it.
struct Forming {
    act: Act,
    /// Its first report's status.
    status: Status,
    date: EventDate,
    /// The last day its date covers.
    last_day: Option<chrono::NaiveDate>,
    /// Everyone who takes part, as its reports name them.
    participants: Vec<usize>,
    /// Where it happened, as its reports name it.
    venues: Vec<usize>,
    /// The verb of its first report, for events of no named act.
    verb: u64,
    /// Its reports (indices), in the order they joined.
    reports: Vec<u32>,
}

/// The events of `sources`, oldest first, undated last. `kinds` are the actors' kinds and
/// `voices` whom each speaks for ([`voices`]); `claims` (in reading order) tell who speaks
/// in a statement.
///
/// Reports are taken the most firmly dated first (a day stated, then a week, a month, a
/// year, the publication date, nothing), originals before repeats, each in path and reading
/// order. A report joins, in this order: the event of an earlier report with the same
/// words; in a repeat, the event of the original's sentence it agrees with; the event of an
/// earlier report of the same act in its paragraph; the event of the same act, a date it
/// allows and the participants it shares most with; else it starts an event.
pub fn events(
    sources: &[SourceEntry],
    kinds: &[ActorKind],
    voices: &[Option<usize>],
    outlets: &[bool],
    claims: &[ClaimEntry],
) -> Vec<EventEntry> {
    let speakers = speakers_by_paragraph(claims);
    let per_source: Vec<Vec<Report>> = sources
        .par_iter()
        .enumerate()
        .map(|(s, source)| reports(s, source, &speakers, kinds, voices, outlets))
        .collect();
    let reports: Vec<&Report> = per_source.iter().flatten().collect();
    // Where each source's reports start, and where they end.
    let mut starts: Vec<u32> = Vec::with_capacity(per_source.len() + 1);
    starts.push(0);
    for list in &per_source {
        starts.push(starts[starts.len() - 1] + list.len() as u32);
    }
    let reports = Reports {
        all: reports,
        starts,
    };
    // Keys first, then one unstable sort: the index in the key keeps path and reading order.
    // Reports that name no actor only join events: they come last, when the events are made.
    let mut keyed: Vec<(bool, bool, u8, u32)> = reports
        .all
        .iter()
        .enumerate()
        .map(|(i, r)| {
            (
                r.actors.is_empty(),
                r.original.is_some(),
                r.firmness(),
                i as u32,
            )
        })
        .collect();
    keyed.par_sort_unstable();
    let order: Vec<u32> = keyed.into_iter().map(|(.., i)| i).collect();

    // The report of its original that a repeat's report tells, found beside one another
    // before the reports are merged one by one.
    let in_original: Vec<Option<u32>> = reports
        .all
        .par_iter()
        .map(|r| best_in_original(r, r.original.as_ref()?, &reports))
        .collect();
    let mut forming: Vec<Forming> = Vec::new();
    let mut event_of = vec![NONE; reports.all.len()];
    let mut by_words: HashMap<u64, u32> = HashMap::with_capacity(reports.all.len());
    let mut index = Index::default();
    let mut seen: Vec<u32> = Vec::new();
    for &i in &order {
        let r = reports.all[i as usize];
        let joined = by_words
            .get(&r.words_key)
            .map(|&j| event_of[j as usize])
            .or_else(|| {
                let j = in_original[i as usize]?;
                Some(event_of[j as usize]).filter(|&e| e != NONE)
            })
            .or_else(|| in_context(r, i, &reports, &event_of, &forming))
            .or_else(|| best_event(r, i, &forming, &index, kinds, &mut seen))
            .or_else(|| {
                // Told in passing, a happening starts an event only as a prospect between
                // two named parties ("a meeting between Trump and Zelenskyy could follow");
                // a statement known to no day, dated only by its source's publication
                // ("the spokesman said …"; not a briefing or an address, which name their
                // act), or only to come, starts none (it stays a claim).
                let passing = (r.happening.aside || r.actors.is_empty())
                    && (r.status != Status::Planned || named_parties(&r.participants, kinds) < 2);
                let dateless = r.happening.act == Act::Statement
                    && (r.date().first_day.is_none()
                        || (r.date().approximate && !r.happening.named)
                        || r.status == Status::Planned);
                (passing || dateless).then_some(NONE)
            });
        let e = match joined {
            Some(NONE) => continue,
            Some(e) => e,
            None => {
                let date = r.date().clone();
                index.start(r.happening.act, &date, forming.len() as u32);
                forming.push(Forming {
                    act: r.happening.act,
                    status: r.status,
                    last_day: last_day(&date),
                    date,
                    participants: Vec::new(),
                    venues: Vec::new(),
                    verb: r.verb,
                    reports: Vec::new(),
                });
                forming.len() as u32 - 1
            }
        };
        event_of[i as usize] = e;
        by_words.entry(r.words_key).or_insert(i);
        let event = &mut forming[e as usize];
        event.reports.push(i);
        for &v in &r.venues {
            add_new(&mut event.venues, v);
        }
        for &p in &r.participants {
            if add_new(&mut event.participants, p) {
                index.add(event.act, p, &event.date, e);
            }
        }
    }

    join_publications(&mut forming, kinds);

    // Events in timeline order: oldest first, undated last, ties by their first report.
    let mut timeline: Vec<(
        bool,
        Option<chrono::NaiveDate>,
        Precision,
        usize,
        usize,
        usize,
    )> = forming
        .iter()
        .enumerate()
        .map(|(e, f)| {
            let first = f
                .reports
                .iter()
                .map(|&i| &reports.all[i as usize].at)
                .min_by_key(|at| (at.source, at.number))
                .expect("an event has a report");
            (
                f.date.first_day.is_none(),
                f.date.first_day,
                f.date.precision,
                first.source,
                first.number,
                e,
            )
        })
        .collect();
    timeline.par_sort_unstable();
    let events: Vec<EventEntry> = timeline
        .par_iter()
        .enumerate()
        .map(|(n, &(.., e))| {
            let mut event = entry(&forming[e], &reports.all, sources);
            event.id = format!("e{}", n + 1);
            event
        })
        .collect();
    drop(reports);
    // Millions of small allocations at scale: freed on every thread.
    per_source.into_par_iter().for_each(drop);
    events
}

/// Joins the publications of one day by one organization ("The Ledger late on Monday
/// published a 14-page text", "a draft put online by the Georgetown daily"): told beside
/// other parties and places (where the paper is, where the story is), their reports may
/// have started apart. The day a report states wins over one its source's publication
/// stands in for.
fn join_publications(forming: &mut Vec<Forming>, kinds: &[ActorKind]) {
    let mut first: HashMap<(chrono::NaiveDate, usize), usize> = HashMap::new();
    for e in 0..forming.len() {
        let f = &forming[e];
        // A day the publication date stands in for counts ("after the leak of a draft"):
        // what one organization published that day is one publication.
        let Some(day) = f
            .date
            .first_day
            .filter(|_| f.act == Act::Publication && f.date.precision == Precision::Day)
        else {
            continue;
        };
        let publishers = |f: &Forming| -> Vec<usize> {
            f.participants
                .iter()
                .copied()
                .filter(|&p| matches!(kinds[p], ActorKind::Organization | ActorKind::Group))
                .collect()
        };
        let into = publishers(f)
            .into_iter()
            .find_map(|p| first.get(&(day, p)).copied());
        match into {
            Some(t) => {
                let reports = std::mem::take(&mut forming[e].reports);
                let participants = std::mem::take(&mut forming[e].participants);
                let venues = std::mem::take(&mut forming[e].venues);
                let stated = (!forming[e].date.approximate).then(|| forming[e].date.clone());
                let target = &mut forming[t];
                if let Some(date) = stated.filter(|_| target.date.approximate) {
                    target.date = date;
                }
                target.reports.extend(reports);
                for p in participants {
                    add_new(&mut target.participants, p);
                }
                for v in venues {
                    add_new(&mut target.venues, v);
                }
                for p in publishers(&forming[t]) {
                    first.entry((day, p)).or_insert(t);
                }
            }
            None => {
                for p in publishers(f) {
                    first.entry((day, p)).or_insert(e);
                }
            }
        }
    }
    forming.retain(|f| !f.reports.is_empty());
}

/// Adds `item` to `list` unless it is there already; whether it was added.
fn add_new(list: &mut Vec<usize>, item: usize) -> bool {
    let new = !list.contains(&item);
    if new {
        list.push(item);
    }
    new
}

/// Marks "no event" in the table of each report's event.
const NONE: u32 = u32::MAX;

/// The speakers of each paragraph's claims, with where each claim's cue starts.
type Speakers = HashMap<(usize, usize), Vec<(Option<usize>, usize)>>;

fn speakers_by_paragraph(claims: &[ClaimEntry]) -> Speakers {
    let mut out: Speakers = HashMap::new();
    for c in claims {
        out.entry((c.paragraph.source, c.paragraph.number))
            .or_default()
            .push((c.speaker, c.cue_at));
    }
    out
}

/// The reports of a source: each happening each sentence naming an actor reports.
fn reports<'a>(
    s: usize,
    source: &'a SourceEntry,
    speakers: &Speakers,
    kinds: &[ActorKind],
    voices: &[Option<usize>],
    outlets: &[bool],
) -> Vec<Report<'a>> {
    let published = source.day();
    // Times resolved against an inferred date are as approximate as that date (marked
    // so on the event, not while reports merge).
    let inferred = source.date().is_none() && published.is_some();
    // About one report a sentence: sized once, since growing a vector of them page by page
    // is a good part of their cost at scale.
    let mut out = Vec::with_capacity(source.paragraphs.iter().map(|p| p.sentences.len()).sum());
    // The first paragraph of a block quote that a sentence introduces is told with it.
    let mut told = None;
    for (n, p) in source.paragraphs.iter().enumerate() {
        // An exact repeat reports what its original does: it joins the original's events
        // when they are made ([`entry`]), unread.
        let exact = matches!(&p.repeat_of, Some(r) if r.kind == RepeatKind::Exact);
        if !p.kind.is_prose() || told == Some(n) || exact {
            continue;
        }
        let said = speakers.get(&(s, p.number));
        // A wire dateline ("GENEVA — ") tells where the story was filed, not what happened;
        // a speaker's label in a transcript ("LEAVITT:") tells who speaks, and stays.
        let dateline = wire_dateline_end(&p.text);
        for range in p.sentences.iter().cloned() {
            let range = range.start.max(dateline).min(range.end)..range.end;
            // A sentence ending its paragraph with a colon ("In a statement, Yermak
            // wrote:") tells the block quote after it; before other paragraphs, it only
            // introduces events of their own.
            let introduced = introduces(&p.text, &range);
            let quote = if introduced {
                let quote = source.quote_after(n);
                match quote.first() {
                    Some(q) => Some((quote, q.sentences.first().cloned().unwrap_or_default())),
                    None => continue,
                }
            } else {
                None
            };
            let mut actors = Few::new();
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
            // A sentence that names no one but whose speaker is known ("He told reporters on
            // Thursday …", "The federation said on Tuesday …") is about its speaker.
            if actors.is_empty() {
                actors.extend(
                    said.into_iter()
                        .flatten()
                        .filter(|(_, at)| range.contains(at))
                        .filter_map(|&(speaker, _)| speaker)
                        .take(1),
                );
            }
            // A sentence that names no actor is read only for a day it states.
            if actors.is_empty()
                && !p.times.iter().any(|t| {
                    t.start >= range.start
                        && t.end <= range.end
                        && t.value.as_ref().is_some_and(|v| v.len() >= 10)
                })
            {
                continue;
            }
            let text = &p.text[range.clone()];
            // A document reviewed by a news outlet ("according to a transcript reviewed by
            // Bloomberg") is that outlet's publication, on a day the sentence does not tell:
            // its day is the one this source was published, approximately.
            let outlet_named = p
                .mentions
                .iter()
                .any(|m| outlets[m.actor] && m.start >= range.start && m.end <= range.end);
            let obtained =
                outlet_named
                    .then(|| obtained_by(text))
                    .flatten()
                    .filter(|&(_, after)| {
                        let at = range.start + after;
                        p.mentions.iter().any(|m| {
                            outlets[m.actor]
                                && m.start >= at
                                && p.text[at..m.start].split_whitespace().count() <= 1
                        })
                    });
            let read = read_sentence(text, range.start, &p.times, published);
            let Some(mut read) = read.or_else(|| {
                obtained.map(|_| SentenceEvent {
                    status: Status::Reported,
                    verb: String::new(),
                    happenings: Vec::new(),
                })
            }) else {
                continue;
            };
            if let Some((by, _)) = obtained
                && !read.happenings.iter().any(|h| h.act == Act::Publication)
            {
                read.happenings.push(Happening {
                    act: Act::Publication,
                    date: EventDate::published(published),
                    named: true,
                    at: by,
                    word_index: text[..by].split_whitespace().count(),
                    definite: false,
                    unresolved: false,
                    status: Status::Reported,
                    aside: false,
                });
            }
            // A sentence that names no actor tells only a named act on a day it states
            // ("On Monday the regulator widened the recall"), and only joins an event.
            if actors.is_empty() {
                read.happenings.retain(|h| {
                    !matches!(h.act, Act::Other | Act::Statement) && h.date.stated_day().is_some()
                });
                if read.happenings.is_empty() {
                    continue;
                }
            }
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
            // The speaker of the sentence's claim, if it has one.
            let states = read.happenings.iter().any(|h| h.act == Act::Statement);
            let speaker = said.filter(|_| states).and_then(|claims| {
                claims
                    .iter()
                    .find(|(_, at)| range.contains(at))
                    .or_else(|| claims.iter().find(|_| introduced))
                    .map(|&(speaker, _)| speaker)
            });
            // A news outlet's report is its publication ("Bloomberg reported on Tuesday
            // that …", "first reported by Bloomberg"), one with its "published a recording".
            let by_outlet = speaker.flatten().is_some_and(|a| outlets[a]) || outlet_named;
            for h in &mut read.happenings {
                if by_outlet
                    && matches!(h.act, Act::Statement | Act::Other)
                    && reports_news(&text[h.at..])
                {
                    h.act = Act::Publication;
                }
            }
            let summary = quote.as_ref().map_or(text, |q| &q.summary);
            let words = words_key(summary);
            let keys: Vec<u64> = read
                .happenings
                .iter()
                .enumerate()
                .map(|(k, h)| xxh3_64_with_seed(&[h.act as u8, k as u8], words))
                .collect();
            let count = read.happenings.len();
            let verb = xxh3_64(read.verb.as_bytes());
            let mut quote = quote;
            for (k, happening) in read.happenings.into_iter().enumerate() {
                let at = range.start + happening.at;
                let whole = clause_of(&p.text, range.clone(), at);
                let clause = near_in(&p.text, whole.clone(), at);
                let in_clause = || {
                    p.mentions
                        .iter()
                        .filter(|m| m.start >= clause.start && m.end <= clause.end)
                };
                let mut participants = Few::new();
                match (happening.act, speaker) {
                    (Act::Statement, Some(speaker)) => {
                        participants.extend(speaker);
                        participants.extend(speaker.and_then(|a| voices[a]));
                    }
                    _ => {
                        // The clause's subject, however far before the act ("The coalition
                        // of the willing, a group of …, will hold a video call"), and
                        // whoever is named near it.
                        let subject = p
                            .mentions
                            .iter()
                            .enumerate()
                            .find(|(_, m)| {
                                m.start >= whole.start
                                    && m.end <= at
                                    && kinds[m.actor] != ActorKind::Place
                            })
                            .map(|(k, m)| head_of(&p.text, &p.mentions, k, at).unwrap_or(m));
                        for m in subject.into_iter().chain(in_clause()) {
                            if !participants.contains(&m.actor) {
                                participants.push(m.actor);
                            }
                        }
                    }
                }
                let venues: Few = in_clause()
                    .filter(|m| kinds[m.actor] == ActorKind::Place && is_venue(&p.text, m, at))
                    .map(|m| m.actor)
                    .filter(|a| participants.contains(a))
                    .collect();
                out.push(Report {
                    at: ParagraphRef {
                        source: s,
                        number: p.number,
                    },
                    original: p.repeat_of.as_ref().map(|r| r.of.clone()),
                    sentence: text,
                    // Only one report of the sentence carries the quote's paragraph.
                    quote: if k + 1 == count { quote.take() } else { None },
                    words_key: keys[k],
                    main: k == 0,
                    status: happening.status,
                    published,
                    inferred,
                    verb,
                    actors: actors.clone(),
                    participants,
                    venues,
                    happening,
                });
            }
        }
    }
    out
}

/// The event that `r` (number `i`) tells by its place in its source, if any:
/// - with a day of its own, the event of an earlier report of its source of the same
///   named act and day (not a statement), unless they happened in two places;
/// - without a date of its own, the event of an earlier report of the same act in its
///   paragraph whose date it allows ("The Geneva round ended on Sunday …. Rubio told
///   reporters after the session …");
/// - for a statement without a date of its own, the happening its paragraph dates to the
///   day, else the source's lead happening (its first report: of a day and no statement, or a
///   briefing, an address, an interview): the quotes of a story are part of what it
///   reports ("European governments moved on Sunday to …" followed by what each leader
///   said; what is said at a press briefing), within the window of a statement;
/// - without a date, the event of the last report of its act before it in the source whose
///   date it allows, in no other place: a story tells of the vote it reported ("The motion
///   passed by 15 votes to 14"), the conversation it told of ("the conversation"); a
///   statement only when it names one told before ("the statement").
fn in_context(
    r: &Report<'_>,
    i: u32,
    reports: &Reports<'_, '_>,
    event_of: &[u32],
    forming: &[Forming],
) -> Option<u32> {
    let first = reports.first_of(&r.at)?;
    let source_first = reports.starts[r.at.source] as usize;
    let reports = &reports.all;
    let paragraph = || {
        reports[first as usize..]
            .iter()
            .enumerate()
            .take_while(|(_, o)| o.at == r.at)
            .map(move |(k, o)| (first as usize + k, o))
            .filter(|&(j, _)| j != i as usize && event_of[j] != NONE)
    };
    // Told in passing, a happening is placed by who takes part only; one the sentence
    // dates, though the date could not be resolved, is placed by its own words.
    if r.happening.aside || r.happening.unresolved {
        return None;
    }
    let act = r.happening.act;
    let loose = r.date().approximate || r.date().first_day.is_none();
    if !loose {
        // A story tells one vote, one raid, one meeting of the same day: a report of the
        // same act and day stated earlier in the source is this one ("The council voted on
        // Thursday …. The motion passed by 15 votes to 14 …"), unless they happened in two
        // places.
        return (source_first..i as usize)
            .rev()
            .filter(|&j| {
                let o = reports[j];
                o.happening.act == act
                    && !matches!(act, Act::Statement | Act::Other)
                    && !o.happening.aside
                    && event_of[j] != NONE
                    && same_day(o.date(), r.date())
            })
            .map(|j| event_of[j])
            .find(|&e| same_place(r, &forming[e as usize]));
    }
    if let Some(e) = paragraph()
        .filter(|(_, o)| !o.happening.aside)
        .map(|(j, _)| event_of[j])
        .find(|&e| {
            let f = &forming[e as usize];
            // Told on in the same paragraph ("In a video address on Nov. 20, Zelenskyy
            // warned … He added that …"), a report goes on with the happening it follows,
            // however long before the publication it was.
            let continues = matches!((r.published, f.date.first_day, r.status),
                (Some(p), Some(day), Status::Reported | Status::Denied) if day <= p);
            f.act == act && (continues || allows(r, f))
        })
    {
        return Some(e);
    }
    if act == Act::Statement && r.date().approximate {
        let lately = |e: u32| {
            let f = &forming[e as usize];
            matches!((r.published, f.date.first_day), (Some(p), Some(day))
                if day <= p && (p - f.last_day.unwrap_or(day)).num_days() <= STATEMENT_WINDOW)
        };
        let dated_here = paragraph()
            .find(|(_, o)| o.firmness() == DAY)
            .map(|(j, _)| event_of[j]);
        let lede = reports
            .get(source_first)
            .filter(|o| o.at.source == r.at.source)
            .filter(|o| o.happening.act != Act::Statement || o.happening.named)
            .filter(|o| o.firmness() == DAY || o.happening.act == Act::Statement)
            .map(|_| event_of[source_first])
            .filter(|&e| e != NONE);
        if let Some(e) = dated_here.or(lede).filter(|&e| lately(e)) {
            return Some(e);
        }
    }
    (source_first..i as usize)
        .rev()
        .filter(|&j| {
            let o = reports[j];
            o.happening.act == act
                && (act != Act::Statement || r.happening.definite)
                && !o.happening.aside
                && event_of[j] != NONE
        })
        .map(|j| event_of[j])
        .find(|&e| {
            let f = &forming[e as usize];
            allows(r, f) && same_place(r, f)
        })
}

/// The firmness ([`Report::firmness`]) of a day the report states: what a statement
/// without a date of its own may be placed beside.
const DAY: u8 = 0;

/// The event of `r`'s act whose date `r` allows and whose participants it shares most,
/// if they weigh enough; on a tie, the event nearest its date, then the most reported.
fn best_event(
    r: &Report<'_>,
    i: u32,
    forming: &[Forming],
    index: &Index,
    kinds: &[ActorKind],
    seen: &mut Vec<u32>,
) -> Option<u32> {
    let act = r.happening.act;
    seen.resize(forming.len(), NONE);
    let mut best: Option<(f32, i64, usize, u32)> = None;
    for &p in &r.participants {
        for e in index.candidates(act, p, r) {
            if seen[e as usize] == i {
                continue;
            }
            seen[e as usize] = i;
            let f = &forming[e as usize];
            if !allows(r, f) || (act == Act::Other && f.verb != r.verb) {
                continue;
            }
            if !same_place(r, f) {
                continue;
            }
            let shared: f32 = r
                .participants
                .iter()
                .filter(|a| f.participants.contains(a))
                .map(|&a| {
                    // A place is where it happened when both say so, or when both tell the
                    // same act on the same day stated.
                    let venue = (r.venues.contains(&a) && f.venues.contains(&a))
                        || (same_day(r.date(), &f.date) && kinds[a] == ActorKind::Place);
                    if venue { ENOUGH } else { weight(kinds[a]) }
                })
                .sum();
            // Events of no named act are one when two or more actors agree, and so are a
            // report without a date of its own and an event days before the report was
            // published; one actor is enough for a statement's speaker, and for who
            // published a publication ("a transcript published by the Gazette").
            let loose = (r.date().approximate || r.date().first_day.is_none())
                && !matches!((r.published, f.date.first_day),
                    (Some(p), Some(day)) if (p - day).num_days().abs() <= STATEMENT_WINDOW);
            let needed = if act == Act::Other
                || (loose && !matches!(act, Act::Statement | Act::Publication))
            {
                2.0 * ENOUGH
            } else {
                ENOUGH
            };
            if shared < needed {
                continue;
            }
            let distance = match (r.date().first_day, f.date.first_day) {
                (Some(a), Some(b)) => (a - b).num_days().abs(),
                _ => i64::MAX,
            };
            let key = (shared, -distance, f.reports.len(), u32::MAX - e);
            if best.is_none_or(|b| (key.0, key.1, key.2, key.3) > b) {
                best = Some(key);
            }
        }
    }
    best.map(|(.., e)| u32::MAX - e).or_else(|| {
        // A report that names none of the event's parties ("the vote scheduled for May
        // 28"), or an event that names none of the report's, is one with it when it is the
        // only event of its act on the day, in the week or the month the report states, in
        // no other place.
        let e = index.only_in_period(r)?;
        let f = &forming[e as usize];
        let unnamed = r.participants.is_empty() || f.participants.is_empty();
        (unnamed && allows(r, f) && same_place(r, f)).then_some(e)
    })
}

/// How many events of one act and participant a report without a day of its own looks
/// at, the nearest its date first: enough for the happenings a report may tell, few enough
/// that merging stays near linear in the reports.
const LOOK: usize = 8;

/// The events of each act and participant: those of a day by the day, the others (a week,
/// a month, a year, no date) in the order they started.
#[derive(Default)]
struct Index {
    days: HashMap<(Act, usize), std::collections::BTreeMap<chrono::NaiveDate, Vec<u32>>>,
    other: HashMap<(Act, usize), Vec<u32>>,
    /// The events of each act on each day stated, whoever takes part.
    on_day: HashMap<(Act, chrono::NaiveDate), Vec<u32>>,
}

impl Index {
    /// Records a new event `e` of `act` on `date`.
    fn start(&mut self, act: Act, date: &EventDate, e: u32) {
        if let Some(day) = date.stated_day() {
            self.on_day.entry((act, day)).or_default().push(e);
        }
    }

    /// The one event of `r`'s named act on a day stated within the day, the week or the
    /// month `r` states ("the recording published this week"), if there is exactly one.
    fn only_in_period(&self, r: &Report<'_>) -> Option<u32> {
        // Statements are told apart by who makes them, not by their day.
        let act = r.happening.act;
        let date = r.date();
        if matches!(act, Act::Other | Act::Statement)
            || date.approximate
            || !matches!(
                date.precision,
                Precision::Day | Precision::Week | Precision::Month
            )
        {
            return None;
        }
        let mut day = date.first_day?;
        let last = last_day(date)?;
        let mut found = None;
        while day <= last {
            for &e in self.on_day.get(&(act, day)).into_iter().flatten() {
                if found.is_some() {
                    return None;
                }
                found = Some(e);
            }
            day = day.succ_opt()?;
        }
        found
    }

    fn add(&mut self, act: Act, participant: usize, date: &EventDate, e: u32) {
        match (date.precision, date.first_day) {
            (Precision::Day, Some(day)) => self
                .days
                .entry((act, participant))
                .or_default()
                .entry(day)
                .or_default()
                .push(e),
            _ => self.other.entry((act, participant)).or_default().push(e),
        }
    }

    /// The events of `act` with `participant` whose date may allow `r`'s: of its day;
    /// of the days of its week, month or year; of the window before its publication (the
    /// [`LOOK`] first from it on, for a prospect); or, without a date, the [`LOOK`]
    /// nearest before its publication (after, for a prospect). Then the last [`LOOK`] of
    /// the events of no single day.
    fn candidates<'s>(
        &'s self,
        act: Act,
        participant: usize,
        r: &Report<'_>,
    ) -> impl Iterator<Item = u32> + 's {
        let key = (act, participant);
        let date = r.date();
        let days = self.days.get(&key);
        let dated: Box<dyn Iterator<Item = u32> + 's> = match (days, date.first_day) {
            (None, _) => Box::new(std::iter::empty()),
            (Some(days), Some(first)) if !date.approximate => {
                let last = last_day(date).unwrap_or(first);
                Box::new(
                    days.range(first..=last)
                        .flat_map(|(_, e)| e.iter().copied())
                        .take(LOOK),
                )
            }
            // A prospect is of the day it is reported or after.
            (Some(days), Some(published)) if r.status == Status::Planned => Box::new(
                days.range(published..)
                    .flat_map(|(_, e)| e.iter().copied())
                    .take(LOOK),
            ),
            (Some(days), Some(published)) => {
                let from = published - chrono::Days::new(WINDOW as u64);
                Box::new(
                    days.range(from..=published)
                        .rev()
                        .flat_map(|(_, e)| e.iter().copied())
                        .take(LOOK),
                )
            }
            (Some(days), None) => {
                let nearest: Box<dyn Iterator<Item = (&chrono::NaiveDate, &Vec<u32>)>> =
                    match r.published {
                        Some(published) if r.status == Status::Planned => {
                            Box::new(days.range(published..))
                        }
                        Some(published) => Box::new(days.range(..=published).rev()),
                        None => Box::new(days.iter().rev()),
                    };
                Box::new(nearest.flat_map(|(_, e)| e.iter().copied()).take(LOOK))
            }
        };
        let other = self.other.get(&key).map_or(&[][..], Vec::as_slice);
        dated.chain(other[other.len().saturating_sub(LOOK)..].iter().copied())
    }
}

/// How many of `participants` are people, organizations or groups.
fn named_parties(participants: &[usize], kinds: &[ActorKind]) -> usize {
    participants
        .iter()
        .filter(|&&a| kinds[a] != ActorKind::Place)
        .count()
}

/// Whether `rest` opens with a verb or noun of news reporting ("reported", "disclosed", "a
/// report"); "revealed" names a publication already (`data/acts.txt`).
fn reports_news(rest: &str) -> bool {
    let word = rest
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    matches!(
        word,
        "reported" | "reports" | "report" | "disclosed" | "discloses"
    )
}

/// Whether each of `actors` is a news outlet: one the built-in list knows
/// (`organizations.tsv`), or the outlet of one of `sources`.
pub fn outlets(actors: &[Actor], sources: &[SourceEntry]) -> Vec<bool> {
    let of_sources: std::collections::HashSet<String> = sources
        .iter()
        .filter_map(|s| s.meta.outlet.as_deref())
        .map(str::to_lowercase)
        .collect();
    actors
        .iter()
        .map(|actor| {
            actor.kind == ActorKind::Organization
                && std::iter::once(&actor.name)
                    .chain(&actor.aliases)
                    .map(|name| name.to_lowercase())
                    .any(|name| BUILT_IN.is(Words::Outlet, &name) || of_sources.contains(&name))
        })
        .collect()
}

/// Whom each actor speaks for: the organization a spokesperson's role names ("Kremlin
/// spokesman Dmitry Peskov" speaks for the Kremlin).
pub fn voices(actors: &[Actor]) -> Vec<Option<usize>> {
    const SPOKES: &[&str] = &["spokes", "press secretary", "press office"];
    let mut organizations: HashMap<String, usize> = HashMap::new();
    for (a, actor) in actors.iter().enumerate() {
        if actor.kind == ActorKind::Organization {
            for name in std::iter::once(&actor.name).chain(&actor.aliases) {
                organizations.entry(name.to_lowercase()).or_insert(a);
            }
        }
    }
    actors
        .iter()
        .map(|actor| {
            actor.roles.iter().find_map(|role| {
                let role = role.to_lowercase();
                if !SPOKES.iter().any(|s| role.contains(s)) {
                    return None;
                }
                organizations
                    .iter()
                    .filter(|(name, _)| contains_words(&role, name))
                    .max_by_key(|(name, a)| (name.len(), std::cmp::Reverse(**a)))
                    .map(|(_, &a)| a)
            })
        })
        .collect()
}

/// Whether `text` holds `words` as whole words.
fn contains_words(text: &str, words: &str) -> bool {
    text.match_indices(words).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + words.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// How many words either side of the word naming an act may name who takes part.
const REACH: usize = 12;

/// The words of `clause` (a byte range of `text`, see [`clause_of`]) that may tell who
/// takes part in the act named at byte `at`: within [`REACH`] words of it.
fn near_in(text: &str, clause: Range<usize>, at: usize) -> Range<usize> {
    let at = at.clamp(clause.start, clause.end);
    let start = text[clause.start..at]
        .char_indices()
        .rev()
        .filter(|(_, c)| c.is_whitespace())
        .nth(REACH)
        .map_or(clause.start, |(i, _)| clause.start + i);
    let end = text[at..clause.end]
        .char_indices()
        .filter(|(_, c)| c.is_whitespace())
        .nth(REACH)
        .map_or(clause.end, |(i, _)| at + i);
    start..end
}

/// The clause of `sentence` (a byte range of `text`) around byte `at`: between the
/// breaks that join clauses ("; ", ", and ", ", but ", ", while ", " — ").
fn clause_of(text: &str, sentence: Range<usize>, at: usize) -> Range<usize> {
    let at = at.clamp(sentence.start, sentence.end);
    let bytes = text.as_bytes();
    // Every break starts with one of these bytes: a scan that tests only there is one pass,
    // where a search per break would be twelve.
    let break_at = |i: usize| -> Option<usize> {
        // A space starts a break only before a dash: most bytes are looked at once.
        let starts = match bytes[i] {
            b';' | b',' => true,
            b' ' => matches!(bytes.get(i + 1), Some(b'-' | 0xE2)),
            _ => false,
        };
        if !starts {
            return None;
        }
        let rest = &bytes[i..sentence.end];
        CLAUSE_BREAKS
            .iter()
            .find(|b| rest.starts_with(b.as_bytes()))
            .map(|b| b.len())
    };
    let start = (sentence.start..at)
        .rev()
        .find_map(|i| {
            let len = break_at(i)?;
            (i + len <= at).then_some(i + len)
        })
        .unwrap_or(sentence.start);
    let end = (at..sentence.end)
        .find(|&i| break_at(i).is_some())
        .unwrap_or(sentence.end);
    start..end
}

/// What joins two clauses: "; ", ", and ", ", but ", ", while ", " — ", " - ".
const CLAUSE_BREAKS: &[&str] = &["; ", ", and ", ", but ", ", while ", " \u{2014} ", " - "];

/// The name a modifier stands before, when mention `k` only qualifies the next one before
/// byte `at`: "Alicante mayor Ramón Ortega", "Colesur chief executive Javier Menéndez" tell of
/// Ortega and Menéndez.
fn head_of<'m>(text: &str, mentions: &'m [Mention], k: usize, at: usize) -> Option<&'m Mention> {
    let mut k = k;
    while let Some(next) = mentions.get(k + 1).filter(|n| n.end <= at) {
        let gap = text.get(mentions[k].end..next.start)?;
        let words: Vec<&str> = gap.split_whitespace().collect();
        // Only role words between: "mayor", "chief executive", "foreign minister".
        let qualifies = !words.is_empty()
            && words.len() <= 3
            && words.iter().all(|w| {
                let w = w.to_lowercase();
                BUILT_IN.is_title(&w)
                    || BUILT_IN.is(Words::RoleWord, &w)
                    || BUILT_IN.is(Words::Demonym, &w)
            });
        if !qualifies {
            break;
        }
        k += 1;
    }
    mentions.get(k)
}

/// Whether the place named by `m` is where the act named at byte `at` happened: written
/// after "in", "at" or "to" ("carried it to Kyiv"), right before the act's word ("the
/// Geneva talks"), or before a site ("the Leipzig plant").
fn is_venue(text: &str, m: &Mention, at: usize) -> bool {
    let before = text[..m.start].trim_end();
    let lead = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default();
    let mut after = text[m.end..]
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    matches!(lead, "in" | "at" | "to" | "In" | "At")
        || (m.end <= at && text[m.end..at].trim().is_empty())
        || after.by_ref().take(2).any(|w| SITES.contains(&w))
}

/// Places of a kind that say where something happened when a place names them, right
/// before or one word before ("the Leipzig plant", "the Leipzig production site").
const SITES: &[&str] = &[
    "plant",
    "factory",
    "site",
    "office",
    "offices",
    "headquarters",
    "hotel",
    "hall",
    "port",
    "airport",
    "embassy",
    "ministry",
    "palace",
    "court",
    "base",
    "camp",
    "prison",
];

/// Whether report `r` and event `f` may have happened in one place: two places they
/// happened in tell two happenings; a place only one of them names tells nothing.
fn same_place(r: &Report<'_>, f: &Forming) -> bool {
    r.venues.is_empty() || f.venues.is_empty() || r.venues.iter().any(|v| f.venues.contains(v))
}

/// Whether two dates are one day, stated by the text.
fn same_day(a: &EventDate, b: &EventDate) -> bool {
    a.precision == Precision::Day
        && b.precision == Precision::Day
        && !a.approximate
        && !b.approximate
        && a.first_day == b.first_day
}

/// How much an actor taking part in two reports says they tell one happening.
fn weight(kind: ActorKind) -> f32 {
    match kind {
        ActorKind::Place => 0.5 * ENOUGH,
        _ => ENOUGH,
    }
}

/// Whether report `r` may tell the event `f`, by their dates. A day the report states
/// must be the event's; a week, month or year must hold the event's day or be its period.
/// A report dated only by its publication (day P) tells a happening of the window of days
/// before P, or, when it speaks of what is planned, of P or after; one without any date,
/// a happening before P, or after it when planned; in a source without a date, a
/// happening planned or not as the report is. No event without a date takes a report with
/// a day of its own.
fn allows(r: &Report<'_>, f: &Forming) -> bool {
    let date = r.date();
    let planned = r.status == Status::Planned;
    let Some(theirs) = f.date.first_day else {
        return date.first_day.is_none() && planned == (f.status == Status::Planned);
    };
    let last = f.last_day.unwrap_or(theirs);
    if date.approximate || date.first_day.is_none() {
        let Some(published) = r.published else {
            return planned == (f.status == Status::Planned);
        };
        if planned {
            return last >= published;
        }
        if date.first_day.is_none() {
            return theirs <= published;
        }
        let window = if f.act == Act::Statement {
            STATEMENT_WINDOW
        } else {
            WINDOW
        };
        return theirs <= published && (published - last).num_days() <= window;
    }
    let first = theirs.max(date.first_day.unwrap_or(theirs));
    match date.precision {
        Precision::Day => f.date.precision == Precision::Day && date.first_day == Some(theirs),
        _ => {
            f.date.value == date.value
                || (theirs >= first && last_day(date).is_some_and(|end| theirs <= end))
        }
    }
}

/// The last day a date covers.
fn last_day(date: &EventDate) -> Option<chrono::NaiveDate> {
    let first = date.first_day?;
    let value = date.value.as_deref()?;
    Some(match period_of(value)?.1 {
        Precision::Day | Precision::Unknown => first,
        Precision::Week => first + chrono::Days::new(6),
        Precision::Month => first
            .checked_add_months(chrono::Months::new(1))?
            .pred_opt()?,
        Precision::Year if value.len() > 4 => first
            .checked_add_months(chrono::Months::new(3))?
            .pred_opt()?,
        Precision::Year => chrono::NaiveDate::from_ymd_opt(chrono::Datelike::year(&first), 12, 31)?,
    })
}

/// The report of the original paragraph `of` whose sentence most words of `r` agree with,
/// of the same act, if enough do.
fn best_in_original(r: &Report<'_>, of: &ParagraphRef, reports: &Reports<'_, '_>) -> Option<u32> {
    let first = reports.first_of(of)?;
    let reports = &reports.all;
    let words = word_set(r.summary());
    reports[first as usize..]
        .iter()
        .enumerate()
        .take_while(|(_, o)| o.at == *of)
        .filter(|(_, o)| o.happening.act == r.happening.act)
        .map(|(k, o)| {
            (
                overlap(&words, &word_set(o.summary())).jaccard,
                first + k as u32,
            )
        })
        .filter(|(score, _)| *score >= SAME_SENTENCE)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, i)| i)
}

/// The reports of all sources in path and reading order, and where each source's start.
struct Reports<'r, 'a> {
    all: Vec<&'r Report<'a>>,
    /// `starts[s]..starts[s + 1]` are the numbers of source `s`'s reports.
    starts: Vec<u32>,
}

impl Reports<'_, '_> {
    /// The first of the reports of paragraph `at`, if it has any.
    fn first_of(&self, at: &ParagraphRef) -> Option<u32> {
        let from = *self.starts.get(at.source)? as usize;
        let to = *self.starts.get(at.source + 1)? as usize;
        let first = from + self.all[from..to].partition_point(|o| o.at.number < at.number);
        (first < to && self.all[first].at == *at).then_some(first as u32)
    }
}

/// The entry of an event: its first report gives its date and status; its summary is the
/// clearest sentence that states it; every report adds its paragraph and actors, and the
/// exact repeats of its paragraph.
fn entry(f: &Forming, reports: &[&Report<'_>], sources: &[SourceEntry]) -> EventEntry {
    let members: Vec<&Report> = f.reports.iter().map(|&i| reports[i as usize]).collect();
    let founder = members[0];
    let clearest = members
        .iter()
        .map(|r| (clarity(r, f), r))
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, r)| r)
        .expect("an event has a report");
    let mut paragraphs: Vec<ParagraphRef> = Vec::with_capacity(members.len() + 1);
    let mut actors: Vec<usize> = Vec::new();
    for r in &members {
        paragraphs.push(r.at.clone());
        paragraphs.extend(r.quote.as_ref().map(|q| q.at.clone()));
        for &actor in &r.actors {
            if !actors.contains(&actor) {
                actors.push(actor);
            }
        }
    }
    // The exact repeats of its paragraphs report it too.
    let read = paragraphs.len();
    for k in 0..read {
        let at = &paragraphs[k];
        let repeats = &sources[at.source].paragraphs[at.number - 1].repeated_by;
        let exact = repeats.iter().filter(|by| {
            let p = &sources[by.source].paragraphs[by.number - 1];
            matches!(&p.repeat_of, Some(r) if r.kind == RepeatKind::Exact)
        });
        paragraphs.extend(exact.cloned().collect::<Vec<_>>());
    }
    paragraphs.sort_unstable_by_key(|p| (p.source, p.number));
    paragraphs.dedup();
    let mut sources: Vec<usize> = paragraphs.iter().map(|p| p.source).collect();
    sources.dedup();
    let mut date = f.date.clone();
    date.approximate |= founder.inferred && date.first_day.is_some();
    // Looked ahead to by its first reports, it happened when a later one tells it so ("is
    // due to appear before the judge on Wednesday", then "spent three hours on Wednesday
    // answering the judge's questions").
    let status = match founder.status {
        Status::Planned if members.iter().any(|r| r.status == Status::Reported) => Status::Reported,
        status => status,
    };
    EventEntry {
        id: String::new(),
        date,
        status,
        summary: clearest.summary().to_string(),
        actors,
        paragraphs,
        sources: sources.len(),
    }
}

/// How clearly a report states its event: a sentence whose main happening it is, that
/// names the act by a word of its own, dated as the event is, from an original, naming
/// two or more actors, of about twenty-five words.
fn clarity(r: &Report<'_>, f: &Forming) -> f32 {
    let words = r.sentence.split_ascii_whitespace().count() as f32;
    let mut score = -((words - 25.0).abs() / 25.0);
    if r.main {
        score += 1.0;
    }
    // "Press briefing with …", "met", "the call": a word that names the act itself, not
    // only a reporting verb.
    if r.happening.named {
        score += 1.0;
    }
    let (mine, theirs) = (r.date(), &f.date);
    if mine.first_day == theirs.first_day
        && mine.precision == theirs.precision
        && mine.approximate == theirs.approximate
    {
        score += 1.0;
    }
    if r.original.is_none() {
        score += 0.5;
    }
    if r.actors.len() >= 2 {
        score += 0.5;
    }
    score
}

/// Hash of the lower-cased words of `text`, each ended by a byte no word holds (a
/// report's key hashes it with its act and its place in the sentence).
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The mentions of `names` in `text`, actor numbers in order.
    fn mentions(text: &str, names: &[&str]) -> Vec<Mention> {
        names
            .iter()
            .enumerate()
            .map(|(actor, name)| {
                let start = text.find(name).unwrap_or_default();
                Mention {
                    actor,
                    start,
                    end: start + name.len(),
                }
            })
            .collect()
    }

    #[test]
    fn a_name_that_only_qualifies_the_next_is_not_the_subject() {
        let text = "Harbour mayor Ines Varga said the recording published on Monday was cut.";
        let found = mentions(text, &["Harbour", "Ines Varga"]);
        let at = text.find("published").unwrap_or_default();
        assert_eq!(head_of(text, &found, 0, at).map(|m| m.actor), Some(1));
        // A verb between them: the first name is the subject.
        let text = "Varga told Lind the recording published on Monday was cut.";
        let found = mentions(text, &["Varga", "Lind"]);
        let at = text.find("published").unwrap_or_default();
        assert_eq!(head_of(text, &found, 0, at).map(|m| m.actor), Some(0));
    }
}
