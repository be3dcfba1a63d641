//! Events: a sentence that reports something an actor did, said, planned or denied.
//!
//! A sentence is an event when it names an actor and carries a verb (a past form, a
//! reporting verb, an auxiliary or a modal). Its status comes from its wording: denied when
//! someone denies or rejects it, or says it did not happen (a negation the sentence itself
//! tells is no denial), planned when it speaks of the future or of something
//! prospective ("will", "plans to", "looming", "possible"), reported otherwise. Its date is
//! the sentence's own resolved time expression; else the source's date, marked approximate;
//! else unknown. Merging the same event told in several places is left to the assembly,
//! which knows what repeats what.

use std::borrow::Cow;
use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::Serialize;

use super::time::{Timex, TimexType};
use crate::sentence::{WordSet, list_entries};

/// Verbs that make a sentence a denial when they are what it tells; saying that something
/// did not happen ([`did_not_happen`]) does too.
static DENIALS: WordSet = LazyLock::new(|| {
    [
        "deny",
        "denies",
        "denied",
        "denying",
        "reject",
        "rejects",
        "rejected",
        "refuse",
        "refuses",
        "refused",
        "dismiss",
        "dismisses",
        "dismissed",
    ]
    .into_iter()
    .collect()
});
/// Words that make a sentence speak of what is planned or possible.
static PROSPECTS: WordSet = LazyLock::new(|| {
    [
        "will",
        "shall",
        "plans",
        "planned",
        "planning",
        "scheduled",
        "expected",
        "upcoming",
        "looming",
        "possible",
        "potential",
        "prospective",
        "intends",
        "intend",
        "aims",
        "proposed",
        "forthcoming",
        "next",
    ]
    .into_iter()
    .collect()
});
/// Modals that, right before an act ("would meet", "could sign") or after one named by a
/// noun ("a meeting … could follow"), make it a prospect.
static MODALS: WordSet = LazyLock::new(|| ["would", "could", "might", "may"].into_iter().collect());
/// Verbs that are not recognisable by their ending: irregular pasts, reporting verbs,
/// auxiliaries and modals.
static VERBS: WordSet = LazyLock::new(|| {
    [
        "said",
        "says",
        "say",
        "told",
        "tells",
        "spoke",
        "speaks",
        "met",
        "meets",
        "held",
        "holds",
        "made",
        "makes",
        "took",
        "takes",
        "gave",
        "gives",
        "came",
        "comes",
        "went",
        "goes",
        "saw",
        "sees",
        "wrote",
        "writes",
        "began",
        "begins",
        "left",
        "leaves",
        "sent",
        "sends",
        "put",
        "puts",
        "set",
        "sets",
        "led",
        "leads",
        "won",
        "wins",
        "lost",
        "loses",
        "paid",
        "pays",
        "struck",
        "strikes",
        "fought",
        "fights",
        "flew",
        "flies",
        "brought",
        "brings",
        "thought",
        "thinks",
        "knew",
        "knows",
        "found",
        "finds",
        "kept",
        "keeps",
        "sought",
        "seeks",
        "stood",
        "stands",
        "hit",
        "hits",
        "cut",
        "cuts",
        "let",
        "lets",
        "read",
        "reads",
        "ran",
        "runs",
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "had",
        "does",
        "did",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "remains",
        "requires",
        "wants",
        "calls",
        "argues",
        "warns",
        "insists",
        "maintains",
        "claims",
        "denies",
        "suggests",
        "advises",
        "plans",
        "reveals",
        "highlights",
        "adds",
        "hopes",
        "believes",
        "looming",
        "meet",
        "talk",
        "travel",
        "visit",
        "visits",
        "sign",
        "signs",
        "hold",
        "host",
        "hosts",
        "discuss",
        "discusses",
        "attend",
        "attends",
        "announce",
        "announces",
        "call",
        "arrive",
        "arrives",
    ]
    .into_iter()
    .collect()
});
/// Words ending in "ed" that are not verbs.
static NOT_VERBS: WordSet = LazyLock::new(|| {
    [
        "need", "needed", "speed", "seed", "feed", "red", "bed", "hundred", "indeed", "creed",
        "shed",
    ]
    .into_iter()
    .collect()
});

/// What an event's sentence says happened: reported, planned or denied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Reported as done or said.
    Reported,
    /// Planned, expected or possible.
    Planned,
    /// Denied or rejected by someone, or said not to have happened.
    Denied,
}

impl Status {
    /// The status as the export writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Reported => "reported",
            Status::Planned => "planned",
            Status::Denied => "denied",
        }
    }
}

/// How precisely an event's date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// A calendar day.
    Day,
    /// An ISO week.
    Week,
    /// A month.
    Month,
    /// A year, or a season or quarter of one.
    Year,
    /// Not known.
    Unknown,
}

impl Precision {
    /// The precision as the export writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Week => "week",
            Precision::Month => "month",
            Precision::Year => "year",
            Precision::Unknown => "unknown",
        }
    }
}

/// When an event happened, as precisely as the text says.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct EventDate {
    /// The TIMEX3 value of the date ("2025-11-23", "2025-W48", "2025-11", "2025",
    /// "2025-FA"), or `None` when unknown.
    pub value: Option<String>,
    /// How precise `value` is.
    pub precision: Precision,
    /// Whether the date is the source's publication date standing in for a date the
    /// sentence does not give.
    pub approximate: bool,
    /// The first day the value covers, for ordering; `None` when unknown.
    pub first_day: Option<NaiveDate>,
}

impl EventDate {
    /// The day the text states, when it states one (not a week, nor a day the publication
    /// date stands in for).
    pub fn stated_day(&self) -> Option<NaiveDate> {
        self.first_day
            .filter(|_| self.precision == Precision::Day && !self.approximate)
    }

    /// The day a source was published standing in for a date the text does not give:
    /// approximate, or unknown without that day.
    pub fn published(day: Option<NaiveDate>) -> EventDate {
        day.map_or_else(EventDate::unknown, |day| EventDate {
            value: Some(day.to_string()),
            precision: Precision::Day,
            approximate: true,
            first_day: Some(day),
        })
    }

    /// An unknown date.
    pub fn unknown() -> EventDate {
        EventDate {
            value: None,
            precision: Precision::Unknown,
            approximate: false,
            first_day: None,
        }
    }

    /// A date read from a TIMEX3 value; `None` for values that are not a calendar period
    /// (`PAST_REF`, durations).
    pub fn from_value(value: &str) -> Option<EventDate> {
        let (first_day, precision) = period_of(value)?;
        Some(EventDate {
            value: Some(value.to_string()),
            precision,
            approximate: false,
            first_day: Some(first_day),
        })
    }
}

/// The kind of act a happening is: what reports of one happening agree on, whatever
/// their words ("met", "the talks", "the Geneva round" are one meeting).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Act {
    /// Something said, written or announced on a day.
    Statement,
    /// A phone or video call.
    Call,
    /// A meeting, talks, a visit, a handover in person.
    Meeting,
    /// A hearing: testimony, questioning by a judge or a committee, an appearance before
    /// one.
    Hearing,
    /// A text or a recording made public: published, leaked, circulated.
    Publication,
    /// A deadline set or due.
    Deadline,
    /// An invasion, an attack, a strike.
    Attack,
    /// An agreement, a signature, a ceasefire.
    Agreement,
    /// A raid, a search, an arrest, a charge.
    Enforcement,
    /// A recall, a ban, a halt, a suspension, an approval: a measure taken.
    Measure,
    /// A vote, a ballot, an election.
    Vote,
    /// A resignation, an appointment, a nomination.
    Appointment,
    /// A ruling, a verdict, a sentence, a lawsuit.
    Ruling,
    /// A contract, a tender or a prize awarded or won.
    Award,
    /// An inquiry or an investigation opened, a probe.
    Inquiry,
    /// A market move: shares rising or falling.
    Market,
    /// Anything else a sentence dates ("the front line moved on Monday").
    Other,
}

impl Act {
    /// The act as the export writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Act::Statement => "statement",
            Act::Call => "call",
            Act::Meeting => "meeting",
            Act::Hearing => "hearing",
            Act::Publication => "publication",
            Act::Deadline => "deadline",
            Act::Attack => "attack",
            Act::Agreement => "agreement",
            Act::Enforcement => "enforcement",
            Act::Measure => "measure",
            Act::Vote => "vote",
            Act::Appointment => "appointment",
            Act::Ruling => "ruling",
            Act::Award => "award",
            Act::Inquiry => "inquiry",
            Act::Market => "market",
            Act::Other => "other",
        }
    }

    fn named(name: &str) -> Option<Act> {
        [
            Act::Statement,
            Act::Call,
            Act::Meeting,
            Act::Hearing,
            Act::Publication,
            Act::Deadline,
            Act::Attack,
            Act::Agreement,
            Act::Enforcement,
            Act::Measure,
            Act::Vote,
            Act::Appointment,
            Act::Ruling,
            Act::Award,
            Act::Inquiry,
        ]
        .into_iter()
        .find(|a| a.as_str() == name)
    }
}

/// The words that name an act (`data/acts.txt`).
static ACTS: LazyLock<foldhash::HashMap<&'static str, Act>> = LazyLock::new(|| {
    let mut acts = foldhash::HashMap::default();
    for cue in super::claims::one_word_cues() {
        acts.insert(cue, Act::Statement);
    }
    // The words of the list win over the reporting verbs.
    for line in list_entries(include_str!("data/acts.txt")) {
        let Some((name, words)) = line.split_once(':') else {
            continue;
        };
        let act = Act::named(name.trim()).expect("data/acts.txt names a known act");
        for word in words.split_whitespace() {
            acts.insert(word, act);
        }
    }
    acts
});

/// One happening a sentence reports: its act and its date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Happening {
    /// What kind of act.
    pub act: Act,
    /// When it happened, as precisely as the sentence says.
    pub date: EventDate,
    /// Whether a word of its own names the act ("met", "call", "briefing"), not only a
    /// reporting verb ("said").
    pub named: bool,
    /// The byte of the sentence where that word starts.
    pub at: usize,
    /// Its number among the sentence's words.
    pub word_index: usize,
    /// Whether the word is written after "the", "this" or "that": a happening told
    /// before ("the conversation").
    pub definite: bool,
    /// Whether the sentence dates it with words that could not be resolved ("on Monday"
    /// in a source without a date): its date is its own, though unknown.
    pub unresolved: bool,
    /// Reported, planned or denied.
    pub status: Status,
    /// Whether the sentence tells it in passing: not its main happening, and without a
    /// date ("Bloomberg published a recording today of a call in which …": the call).
    pub aside: bool,
}

/// One sentence read as an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentenceEvent {
    /// Its status.
    pub status: Status,
    /// The first verb of the sentence, lower-cased, with a regular ending taken off: a
    /// hint of what happened, used to tell two events of no named act apart.
    pub verb: String,
    /// The happenings it reports, its main one first.
    pub happenings: Vec<Happening>,
}

impl SentenceEvent {
    /// Its main happening.
    pub fn main(&self) -> &Happening {
        &self.happenings[0]
    }
}

/// Whether `words` (lower case, in order) say that something did not happen: a past or
/// perfect auxiliary negated ("had not received", "has not seen", "did not suit",
/// "wasn't consulted", "had never met").
pub fn did_not_happen<W: AsRef<str>>(words: &[W]) -> bool {
    const PAST: &[&str] = &["did", "has", "have", "had", "was", "were"];
    words
        .windows(2)
        .any(|w| PAST.contains(&w[0].as_ref()) && matches!(w[1].as_ref(), "not" | "never"))
        || words.iter().any(|w| {
            matches!(
                w.as_ref(),
                "didn't" | "hasn't" | "haven't" | "hadn't" | "wasn't" | "weren't"
            )
        })
}

/// Reads the sentence `sentence` (of a paragraph whose time expressions are `times`, with
/// byte offsets into the paragraph, the sentence starting at byte `offset`) as an event;
/// `None` when it has no verb, or names no act and gives no date. `published` is the
/// source's date.
///
/// Its happenings: each word that names an act ([`Act`]) and is the nearest such word to
/// one of the sentence's dates, with that date ("On Tuesday, Bloomberg published a recording
/// of an October call": a publication on Tuesday, a call in October); else the first act
/// named, dated by the publication date (approximate); else, with a date of its own, a
/// happening of no named act.
pub fn read_sentence(
    sentence: &str,
    offset: usize,
    times: &[Timex],
    published: Option<NaiveDate>,
) -> Option<SentenceEvent> {
    // A question reports nothing.
    let closed = sentence.trim_end_matches(['"', '\'', '\u{201D}', '\u{2019}', ')']);
    if closed.ends_with('?') {
        return None;
    }
    // One reading of the sentence's words serves the verb, the status and the acts.
    let tokens = words_at(sentence);
    let words: Vec<&str> = tokens.iter().map(|(_, w)| w.as_ref()).collect();
    let verb = words
        .iter()
        .find(|w| is_verb(w) && (VERBS.contains(*w) || !capitalised_in(sentence, w)));
    // Denied: someone denies or rejects it ("Peskov denied that a meeting took place": the
    // denial is what the sentence tells, its first verb), or says it did not happen ("the
    // Kremlin maintains it has not discussed the plan"). Other denials and negations deny
    // nothing: in a clause of their own ("terms its government had rejected", "if Kyiv
    // refused"), one the sentence itself tells ("the plan no longer demanded a
    // withdrawal"), a refusal to come ("would not sign"), an absence ("no date was set").
    let cue = words
        .iter()
        .position(|w| super::claims::is_reporting_word(w));
    let said_not = cue.filter(|&cue| did_not_happen(&words[cue + 1..]));
    let denial = verb
        .filter(|v| DENIALS.contains(*v))
        .and_then(|v| words.iter().position(|w| w == v))
        .or(said_not);
    // What the denial covers: from its word to the clause that goes on to say something
    // else ("denied …, saying a recording published this week had been cut": the
    // publication is not denied).
    let denied_span = denial.map(|k| {
        let from = tokens[k].0;
        let rest = &sentence[from..];
        let to = DENIAL_ENDS
            .iter()
            .filter_map(|e| rest.find(e))
            .min()
            .map_or(sentence.len(), |i| from + i);
        from..to
    });
    let mut happenings = happenings(sentence, &tokens, offset, times, published)?;
    // Without a verb, only a line naming an act tells a happening ("Press briefing with
    // the press secretary.").
    if verb.is_none() && happenings[0].act == Act::Other {
        return None;
    }
    // Planned: a prospect told right before the act ("will travel", "is expected to
    // meet", "a possible meeting", "set to meet"), or a date after the publication.
    let lower = &words;
    for h in &mut happenings {
        let later = matches!((h.date.first_day, published),
            (Some(day), Some(p)) if !h.date.approximate && day > p);
        let at = h.word_index.min(lower.len());
        let near = &lower[at.saturating_sub(4)..(at + 1).min(lower.len())];
        // A modal right after a named act, in its clause, also makes it a prospect ("a
        // meeting between them could follow"; not "the arrests of X, who would …").
        let rest = &sentence[h.at.min(sentence.len())..];
        let rest = &rest[..rest.find([',', ';', ':']).unwrap_or(rest.len())];
        let after: Vec<String> = rest
            .split_whitespace()
            .skip(1)
            .take(5)
            .map(|w| w.to_lowercase())
            .collect();
        let prospect = near
            .iter()
            .any(|w| PROSPECTS.contains(w) || MODALS.contains(w))
            || near
                .windows(2)
                .any(|w| w[1] == "to" && matches!(w[0], "set" | "due" | "going" | "ready"))
            || (h.act != Act::Statement && after.iter().any(|w| MODALS.contains(w.as_str())));
        h.status = if denied_span
            .as_ref()
            .is_some_and(|span| span.contains(&h.at))
        {
            Status::Denied
        } else if prospect || later {
            Status::Planned
        } else {
            Status::Reported
        };
    }
    Some(SentenceEvent {
        status: happenings[0].status,
        verb: verb.map(|v| stem(v)).unwrap_or_default(),
        happenings,
    })
}

/// The happenings of a sentence (see [`read_sentence`]), its main one first; `None` when
/// it names no act and gives no date.
fn happenings(
    sentence: &str,
    words: &[(usize, Cow<'_, str>)],
    offset: usize,
    times: &[Timex],
    published: Option<NaiveDate>,
) -> Option<Vec<Happening>> {
    let own: Vec<&Timex> = times
        .iter()
        .filter(|t| t.start >= offset && t.end <= offset + sentence.len())
        .collect();
    // Each date, at the words it starts and ends on.
    let dates: Vec<(usize, usize, EventDate)> = own
        .iter()
        .filter(|t| matches!(t.kind, TimexType::Date | TimexType::Time))
        .filter_map(|t| {
            let date = EventDate::from_value(t.value.as_deref()?)?;
            Some((
                words.partition_point(|w| w.0 < t.start - offset),
                words.partition_point(|w| w.0 < t.end - offset),
                date,
            ))
        })
        .collect();
    // A capital makes a word part of a name or a title ("Secretary of State", "the Summit
    // Hotel"), except at the start of the sentence.
    // "No arrests were made": an act denied by "no" before it did not happen.
    let acts: Vec<(usize, Act)> = (0..words.len())
        .filter(|&i| {
            let at = words[i].0;
            (at == 0 || !sentence[at..].starts_with(char::is_uppercase))
                && (i == 0 || words[i - 1].1 != "no")
        })
        .filter_map(|i| Some((i, act_at(words, i)?)))
        .collect();
    // Each date goes to the act it modifies: one named right after it ("an October
    // call"), else the last one named before it in its clause
    // ("met in Geneva on Sunday"), else the first one after it.
    let byte = |i: usize| words.get(i).map_or(sentence.len(), |w| w.0);
    let mut dated: Vec<Option<EventDate>> = vec![None; acts.len()];
    // Where the last date given to each act ends, for a second day to follow it closely.
    let mut last_end: Vec<usize> = vec![0; acts.len()];
    for (start, end, date) in &dates {
        // "It is Thursday, November 12, and we begin in Porto": the text's own day, no
        // act's.
        let before = |k: usize| start.checked_sub(k).map(|i| words[i].1.as_ref());
        if matches!(
            (before(2), before(1)),
            (Some("it" | "today"), Some("is")) | (_, Some("it's"))
        ) {
            continue;
        }
        let right_after = acts.iter().position(|&(i, _)| i == *end);
        let mut before = acts
            .iter()
            .rposition(|&(i, _)| i < *start && !breaks_clause(&sentence[byte(i)..byte(*start)]));
        // "The call, which Sidro said took place on October 14": the date of "took place"
        // is the call's, not the saying's.
        if let Some(k) = before
            && acts[k].1 == Act::Statement
            && k > 0
            && TOOK_PLACE
                .iter()
                .any(|p| sentence[byte(acts[k].0)..byte(*start)].contains(p))
            && !breaks_clause(&sentence[byte(acts[k - 1].0)..byte(*start)])
        {
            before = Some(k - 1);
        }
        // What is said is not when it is said: a date in a statement's complement ("told
        // him that it would be sorted out before the summer") or inside a quote tells of
        // what was said, an act named after it if any, never of the saying.
        if let Some(k) = before
            && acts[k].1 == Act::Statement
            && (says_that(&sentence[byte(acts[k].0)..byte(*start)])
                || quoted(sentence, byte(*start)) && !quoted(sentence, byte(acts[k].0)))
        {
            before = None;
        }
        let after = acts.iter().position(|&(i, _)| i >= *end);
        let nearest = right_after.or(before).or(after);
        // A second day that follows the first closely ("yesterday and again today") is
        // the day the happening went on to, and the one it is known by; one further on
        // tells of something else ("said on Wednesday that … reopen on Friday").
        let Some(k) = nearest else {
            continue;
        };
        let goes_on = date.precision == Precision::Day
            && *start <= last_end[k] + SECOND_DAY
            && words[last_end[k].min(*start)..*start]
                .iter()
                .all(|w| matches!(w.1.as_ref(), "and" | "again" | "on" | "then" | "also"));
        if dated[k].is_none() || goes_on {
            dated[k] = Some(date.clone());
            last_end[k] = *end;
        }
    }
    // The setting of a dated statement is on its day ("denied on Tuesday, at a hearing
    // before the committee, that …", "said on Monday during a visit to Kyiv"), and what
    // is done at a dated setting is done that day ("at an extraordinary meeting held
    // yesterday, accepted the resignation").
    let setting = |i: usize| {
        // "at a hearing", "at an extraordinary meeting", "during the visit".
        (2..=3).any(|k| {
            i >= k
                && matches!(words[i - k].1.as_ref(), "at" | "during")
                && matches!(
                    words[i - k + 1].1.as_ref(),
                    "a" | "an" | "the" | "his" | "her" | "their"
                )
        })
    };
    let one_clause = |a: usize, b: usize| !breaks_clause(&sentence[byte(a.min(b))..byte(a.max(b))]);
    for k in 0..acts.len() {
        let i = acts[k].0;
        if dated[k].is_some() {
            continue;
        }
        let from = (0..acts.len()).find(|&j| {
            j != k
                && dated[j].is_some()
                && one_clause(acts[j].0, i)
                && ((setting(i) && acts[j].1 == Act::Statement)
                    || (setting(acts[j].0)
                        && !matches!(acts[k].1, Act::Statement)
                        && acts[k].1 != acts[j].1))
        });
        // What happens while a dated act does ("plunged 14% on Wednesday as prosecutors
        // started investigating", "… when the police arrived", "lost 14% on 11 November,
        // the day prosecutors opened their inquiry") happens that day.
        let meanwhile = || {
            let opens = (i.saturating_sub(6)..i).find(|&w| {
                let before = (w > 0).then(|| words[w - 1].1.as_ref());
                match words[w].1.as_ref() {
                    "as" | "when" | "while" => !matches!(before, Some("well" | "such" | "so")),
                    "day" => matches!(before, Some("the" | "same")),
                    _ => false,
                }
            })?;
            // Only the clause's first act ("started investigating", not "the award" after
            // it); the act it goes on from is the one just before ("plunged 14% on
            // Wednesday as"), not one further back ("Since the invasion in February 2022,
            // …, a point leaders made as the talks went on").
            if acts.iter().any(|&(w, _)| opens < w && w < i) {
                return None;
            }
            (0..k).rev().find(|&j| {
                dated[j].is_some()
                    && acts[j].0 < opens
                    && opens <= acts[j].0 + MEANWHILE
                    && acts[j].1 != acts[k].1
            })
        };
        if let Some(j) = from.or_else(meanwhile) {
            dated[k] = dated[j].clone();
        }
    }
    // The happening named by word `i`.
    let named = |i: usize, act: Act, date: EventDate| Happening {
        act,
        date,
        named: names_act(&words[i].1),
        at: words[i].0,
        word_index: i,
        definite: i > 0 && matches!(words[i - 1].1.as_ref(), "the" | "this" | "that"),
        unresolved: false,
        status: Status::Reported,
        aside: false,
    };
    let mut out: Vec<Happening> = Vec::new();
    for (&(i, act), date) in acts.iter().zip(&dated) {
        out.extend(date.iter().map(|date| named(i, act, date.clone())));
    }
    let main = if out.is_empty() {
        if let Some(&(i, act)) = acts.first() {
            // A relative date that could not be resolved leaves the date unknown rather
            // than taking the publication date for it.
            let unresolved = own
                .iter()
                .any(|t| t.kind == TimexType::Date && t.value.is_none());
            let date = EventDate::published(published.filter(|_| !unresolved));
            out.push(Happening {
                unresolved,
                ..named(i, act, date)
            });
            Some(i)
        } else {
            let (dates_at, _, date) = dates.into_iter().next()?;
            out.push(Happening {
                named: false,
                at: 0,
                definite: false,
                ..named(
                    dates_at.min(words.len().saturating_sub(1)),
                    Act::Other,
                    date,
                )
            });
            None
        }
    } else {
        None
    };
    // The other acts named, of other kinds, are told in passing, without a date; a
    // reporting verb in passing ("a recording that reveals …") tells no happening.
    for (k, &(i, act)) in acts.iter().enumerate() {
        if dated[k].is_none()
            && Some(i) != main
            && act != Act::Statement
            && out.iter().all(|h| h.act != act)
        {
            out.push(Happening {
                aside: true,
                ..named(i, act, EventDate::unknown())
            });
        }
    }
    Some(out)
}

/// Words that say an act named before them happened: a date after them is that act's.
const TOOK_PLACE: &[&str] = &["took place", "happened", "occurred", "was held"];

/// How many words may stand between an act's first day and the day it went on to.
const SECOND_DAY: usize = 3;

/// Whether `text`, between a reporting verb and a date, opens what is said: "that", a
/// colon or an opening quote.
fn says_that(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .any(|w| w == "that")
        || text.contains([':', '\u{201c}'])
        || text.matches('"').count() % 2 == 1
}

/// Whether byte `at` of `sentence` lies inside a quotation.
fn quoted(sentence: &str, at: usize) -> bool {
    let before = &sentence[..at];
    let curly = before
        .rfind('\u{201c}')
        .is_some_and(|open| !before[open..].contains('\u{201d}'));
    curly || before.matches('"').count() % 2 == 1
}

/// Where what a denial covers ends: a clause that goes on to say something else.
const DENIAL_ENDS: &[&str] = &[
    ", saying",
    ", adding",
    ", arguing",
    ", insisting",
    ", calling",
    ", and ",
    "; ",
    ", but ",
    ", while ",
];

/// Whether `text` joins two clauses ("…, and …", "…; …"), so that a date after it does
/// not tell an act named before it.
fn breaks_clause(text: &str) -> bool {
    // Most spans hold none of the marks a break starts with: one pass over the bytes.
    text.bytes().any(|b| matches!(b, b',' | b';' | 0xE2))
        && [", and ", "; ", ", but ", ", while ", " \u{2014} "]
            .iter()
            .any(|b| text.contains(b))
}

/// Whether lower-case `word` names an act by itself (`data/acts.txt`): "briefing",
/// "meeting", unlike a reporting verb.
fn names_act(word: &str) -> bool {
    NAMED.contains(word)
}

/// The words of `data/acts.txt`, without the reporting verbs.
static NAMED: WordSet = LazyLock::new(|| {
    list_entries(include_str!("data/acts.txt"))
        .filter_map(|line| line.split_once(':'))
        .flat_map(|(_, words)| words.split_whitespace())
        .collect()
});

/// The act the word at `i` names, if any: a word of `data/acts.txt` or a reporting verb
/// (one table, looked up once). "Calls for" and "call on" are appeals, a video call is a
/// meeting, and so is sitting down with someone; "questioned by" and "appeared before"
/// are a hearing.
fn act_at(words: &[(usize, Cow<'_, str>)], i: usize) -> Option<Act> {
    let word = words[i].1.as_ref();
    let next = words.get(i + 1).map(|w| w.1.as_ref());
    match ACTS.get(word) {
        Some(Act::Call)
            if matches!(
                next,
                Some("for" | "on" | "it" | "them" | "him" | "her" | "his" | "their" | "its")
            ) =>
        {
            None
        }
        Some(Act::Call) if i > 0 && words[i - 1].1 == "video" => Some(Act::Meeting),
        // "Sat down with" is a meeting.
        None if next == Some("down") && matches!(word, "sat" | "sit" | "sits" | "sitting") => {
            Some(Act::Meeting)
        }
        // A hearing: "was questioned by the judge", "is due to appear before the committee";
        // not "critics questioned the decision" nor "it appears that".
        None if next == Some("by") && matches!(word, "questioned" | "interrogated") => {
            Some(Act::Hearing)
        }
        // "Is due before the committee", "went before the judge".
        None if next == Some("before")
            && (matches!(word, "appear" | "appears" | "appeared" | "appearing")
                || matches!(
                    word,
                    "due" | "go" | "goes" | "went" | "come" | "comes" | "came"
                ) && names_authority(&words[i + 2..])) =>
        {
            Some(Act::Hearing)
        }
        // Answering a court's or a committee's questions ("answering questions from Judge
        // Ferrer", "grilled by the committee"); not a newspaper's nor reporters'.
        None if matches!(next, Some("questions"))
            && matches!(word, "answer" | "answers" | "answered" | "answering")
            && asked_by_authority(&words[i + 2..]) =>
        {
            Some(Act::Hearing)
        }
        None if matches!(word, "grilled" | "quizzed") && asked_by_authority(&words[i + 1..]) => {
            Some(Act::Hearing)
        }
        // Winning a contract or a tender is its award ("Colesur won the contract in 2023");
        // winning a vote or a war is not.
        None if matches!(word, "won" | "wins" | "win" | "winning")
            && words[i + 1..]
                .iter()
                .take(4)
                .any(|w| matches!(w.1.as_ref(), "contract" | "contracts" | "tender" | "bid")) =>
        {
            Some(Act::Award)
        }
        // Reporting news ("Bloomberg reported on Tuesday that …", "first reported by the
        // Gazette") is saying something; not "was reported to", "the reported deal".
        None if matches!(word, "reported" | "reports")
            && !matches!(
                i.checked_sub(1).map(|k| words[k].1.as_ref()),
                Some(
                    "is" | "was"
                        | "are"
                        | "were"
                        | "be"
                        | "been"
                        | "being"
                        | "the"
                        | "a"
                        | "an"
                        | "its"
                        | "their"
                        | "his"
                        | "her"
                        | "widely"
                )
            ) =>
        {
            Some(Act::Statement)
        }
        // A market move: "Halvard shares fell 11 percent", "Shares in Portuguese builder
        // Almagre plunged 14%"; not what a party's share of the vote did.
        None if MOVES.contains(&word)
            && words[i.saturating_sub(6)..i]
                .iter()
                .any(|w| matches!(w.1.as_ref(), "shares" | "stock" | "stocks")) =>
        {
            Some(Act::Market)
        }
        // Released from custody: "released on bail", "freed without charge", "were
        // arrested on Monday and released on Wednesday"; not a statement or a recording
        // released.
        None if matches!(word, "released" | "freed")
            && (words[i + 1..].iter().take(4).any(|w| {
                matches!(
                    w.1.as_ref(),
                    "bail" | "custody" | "jail" | "prison" | "detention" | "charge"
                )
            }) || words[..i]
                .iter()
                .any(|w| matches!(w.1.as_ref(), "arrested" | "detained"))) =>
        {
            Some(Act::Ruling)
        }
        // Putting a text online is publishing it ("put online a 14-page text", "posted the
        // video online"); not putting pressure on someone.
        None if matches!(word, "put" | "puts" | "posted" | "posts" | "posting")
            && words[i + 1..].iter().take(6).any(|w| w.1 == "online") =>
        {
            Some(Act::Publication)
        }
        // Facing a judge or a committee ("faces the health committee on March 25"); not
        // facing charges or criticism.
        None if matches!(word, "face" | "faces" | "faced" | "facing")
            && names_authority(&words[i + 1..]) =>
        {
            Some(Act::Hearing)
        }
        found => found.copied(),
    }
}

/// Where a sentence tells of a document reaching someone ("a transcript reviewed by",
/// "a copy obtained by", "seen by"): the byte of "by" and the byte after it. Reaching a
/// news outlet, it is that outlet's publication.
pub fn obtained_by(sentence: &str) -> Option<(usize, usize)> {
    const OBTAINED: &[&[u8]] = &[b"obtained", b"reviewed", b"seen", b"viewed"];
    let bytes = sentence.as_bytes();
    // Every " by " (a plain byte scan: most sentences have none), then the word before it.
    (1..bytes.len().saturating_sub(2)).find_map(|at| {
        let end = at + 2;
        let by = &bytes[at..end] == b"by"
            && bytes[at - 1] == b' '
            && bytes.get(end).is_none_or(|b| !b.is_ascii_alphanumeric());
        if !by {
            return None;
        }
        let before = &bytes[..at - 1];
        let start = before
            .iter()
            .rposition(|b| !b.is_ascii_alphabetic())
            .map_or(0, |k| k + 1);
        OBTAINED.contains(&&before[start..]).then_some((at, end))
    })
}

/// How many words after a dated act a clause told as going on beside it may open.
const MEANWHILE: usize = 8;

/// Verbs of a price moving.
const MOVES: &[&str] = &[
    "fell",
    "fall",
    "falls",
    "dropped",
    "drop",
    "drops",
    "plunged",
    "plunge",
    "plunges",
    "slumped",
    "tumbled",
    "sank",
    "slid",
    "slipped",
    "dipped",
    "crashed",
    "plummeted",
    "lost",
    "shed",
    "rose",
    "rise",
    "rises",
    "jumped",
    "soared",
    "climbed",
    "surged",
    "rallied",
    "gained",
];

/// Whether `rest` starts with "from" or "by" and an authority that questions people under
/// oath or on the record a few words on ("from Judge Ferrer", "by the health committee").
fn asked_by_authority(rest: &[(usize, Cow<'_, str>)]) -> bool {
    matches!(rest.first().map(|w| w.1.as_ref()), Some("from" | "by")) && names_authority(&rest[1..])
}

/// Whether one of the first few words of `rest` names an authority ([`is_authority`]):
/// "the health committee", "Judge Ferrer".
fn names_authority(rest: &[(usize, Cow<'_, str>)]) -> bool {
    rest.iter().take(4).any(|w| is_authority(&w.1))
}

/// Whether `word` (lower case) names an authority that questions people under oath or on
/// the record: a court, a prosecutor, a committee.
fn is_authority(word: &str) -> bool {
    matches!(
        word,
        "judge"
            | "judges"
            | "magistrate"
            | "magistrates"
            | "prosecutor"
            | "prosecutors"
            | "investigators"
            | "detectives"
            | "committee"
            | "committees"
            | "lawmakers"
            | "legislators"
            | "senators"
            | "congress"
            | "parliament"
            | "mps"
            | "panel"
            | "inquiry"
            | "court"
            | "tribunal"
    )
}

/// The words of `text`, lower case (a typographic apostrophe made plain: "didn't"), each
/// with the byte it starts at.
fn words_at(text: &str) -> Vec<(usize, Cow<'_, str>)> {
    let mut out = Vec::new();
    let mut start = None;
    for (at, c) in text.char_indices().chain([(text.len(), ' ')]) {
        let inside = c.is_alphanumeric() || (matches!(c, '\'' | '\u{2019}') && start.is_some());
        match (inside, start) {
            (true, None) => start = Some(at),
            (false, Some(from)) => {
                let word = text[from..at].trim_end_matches(['\'', '\u{2019}']);
                let word = if word.chars().any(|c| c.is_uppercase() || c == '\u{2019}') {
                    let lower = word.to_lowercase();
                    Cow::Owned(if lower.contains('\u{2019}') {
                        lower.replace('\u{2019}', "'")
                    } else {
                        lower
                    })
                } else {
                    Cow::Borrowed(word)
                };
                out.push((from, word));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// Whether a lower-cased word is a verb as far as a word list and its ending tell.
fn is_verb(word: &str) -> bool {
    VERBS.contains(word)
        || (word.len() > 4
            && word.ends_with("ed")
            && !NOT_VERBS.contains(word)
            && word.chars().all(char::is_alphabetic))
}

/// Whether lower-cased `word` is written with a capital in `sentence`: a name ("Jared",
/// "Ahmed") rather than a verb its ending suggests.
fn capitalised_in(sentence: &str, word: &str) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let capitalised: String = first.to_uppercase().chain(chars).collect();
    sentence.contains(&capitalised)
}

/// A verb without its regular ending: "advised" → "advis", "meets" → "meet".
fn stem(verb: &str) -> String {
    for ending in ["ed", "es", "s"] {
        if let Some(stem) = verb.strip_suffix(ending).filter(|s| s.len() >= 3) {
            return stem.to_string();
        }
    }
    verb.to_string()
}

/// The first day of the period a TIMEX3 date value names, and its precision:
/// `2025-11-23`, `2025-11-23TNI`, `2025-W48`, `2025-W48-WE`, `2025-11`, `2025-FA`,
/// `2025-Q4`, `2025`.
pub fn period_of(value: &str) -> Option<(NaiveDate, Precision)> {
    let day_part = value.split('T').next().unwrap_or(value);
    let mut parts = day_part.split('-');
    let year: i32 = parts.next().filter(|y| y.len() == 4)?.parse().ok()?;
    let Some(second) = parts.next() else {
        return Some((NaiveDate::from_ymd_opt(year, 1, 1)?, Precision::Year));
    };
    if let Some(week) = second.strip_prefix('W') {
        let week: u32 = week.parse().ok()?;
        return Some((
            NaiveDate::from_isoywd_opt(year, week, Weekday::Mon)?,
            Precision::Week,
        ));
    }
    let season_month = match second {
        "WI" => Some(1),
        "SP" | "Q2" => Some(4),
        "SU" | "Q3" => Some(7),
        "FA" | "Q4" => Some(10),
        "Q1" => Some(1),
        _ => None,
    };
    if let Some(month) = season_month {
        return Some((NaiveDate::from_ymd_opt(year, month, 1)?, Precision::Year));
    }
    let month: u32 = second.parse().ok()?;
    match parts.next() {
        None => Some((NaiveDate::from_ymd_opt(year, month, 1)?, Precision::Month)),
        Some(day) => {
            let day: u32 = day.parse().ok()?;
            let date = NaiveDate::from_ymd_opt(year, month, day)?;
            (date.year() == year).then_some((date, Precision::Day))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn read(
        sentence: &str,
        times: &[(&str, Option<&str>)],
        published: Option<&str>,
    ) -> Option<SentenceEvent> {
        let times: Vec<Timex> = times
            .iter()
            .map(|(text, value)| {
                let start = sentence.find(text).unwrap();
                Timex {
                    start,
                    end: start + text.len(),
                    kind: TimexType::Date,
                    value: value.map(String::from),
                }
            })
            .collect();
        read_sentence(sentence, 0, &times, published.map(date))
    }

    #[test]
    fn a_sentence_with_its_own_date_takes_it() {
        let event = read(
            "Putin met Witkoff in Moscow on Thursday.",
            &[("Thursday", Some("2025-11-20"))],
            Some("2025-11-23"),
        )
        .unwrap();
        assert_eq!(event.status, Status::Reported);
        assert_eq!(event.main().date.value.as_deref(), Some("2025-11-20"));
        assert_eq!(event.main().date.precision, Precision::Day);
        assert!(!event.main().date.approximate);
        assert_eq!(event.verb, "met");
    }

    #[test]
    fn without_a_date_the_publication_date_stands_in() {
        let event = read(
            "The recording, obtained by Bloomberg, reveals the talks.",
            &[],
            Some("2025-11-25"),
        )
        .unwrap();
        assert_eq!(event.main().date.value.as_deref(), Some("2025-11-25"));
        assert!(event.main().date.approximate);
        let undated = read(
            "The recording, obtained by Bloomberg, reveals the talks.",
            &[],
            None,
        )
        .unwrap();
        assert_eq!(undated.main().date, EventDate::unknown());
        let unresolved = read(
            "They met later that week.",
            &[("later that week", None)],
            Some("2025-11-25"),
        )
        .unwrap();
        assert_eq!(unresolved.main().date, EventDate::unknown());
    }

    #[test]
    fn wording_sets_the_status() {
        // A sentence that names no act gives a date here, for it to tell a happening.
        let status = |s: &str| {
            let times: &[(&str, Option<&str>)] = if s.contains("Monday") {
                &[("Monday", Some("2025-11-24"))]
            } else {
                &[]
            };
            read(s, times, Some("2025-11-25"))
                .unwrap_or_else(|| panic!("no event: {s}"))
                .status
        };
        assert_eq!(
            status("The Kremlin maintains it has not discussed the proposal."),
            Status::Denied
        );
        assert_eq!(
            status("Peskov denied that a meeting took place."),
            Status::Denied
        );
        // A denial in a clause of its own is not what the sentence tells.
        assert_eq!(
            status("The draft required on Monday terms its government had repeatedly rejected."),
            Status::Reported
        );
        assert_eq!(
            status("Putin said forces would advance if Kyiv refused to engage."),
            Status::Reported
        );
        assert_eq!(
            status("Lavrov said Moscow had not received any official document."),
            Status::Denied
        );
        assert_eq!(status("Moscow said no date was set."), Status::Reported);
        // A denial covers what it denies, not what its speaker goes on to say.
        let denial = read(
            "The mayor denied on Monday that he had met the builder, saying a recording published last week had been cut.",
            &[("Monday", Some("2025-11-24"))],
            Some("2025-11-25"),
        )
        .unwrap();
        let statuses: Vec<(Act, Status)> = denial
            .happenings
            .iter()
            .map(|h| (h.act, h.status))
            .collect();
        assert!(
            statuses.contains(&(Act::Publication, Status::Reported)),
            "{statuses:?}"
        );
        assert!(
            statuses.contains(&(Act::Statement, Status::Denied)),
            "{statuses:?}"
        );
        assert_eq!(
            status("Berlin said it would not accept a deal that weakened NATO."),
            Status::Reported
        );
        assert_eq!(
            status("Ukrainian officials said the revised text no longer demanded a withdrawal."),
            Status::Reported
        );
        // A negation the sentence tells, not someone's, denies nothing.
        assert_eq!(
            status("The talks are no substitute for a ceasefire."),
            Status::Reported
        );
        assert_eq!(
            status("On Monday the revised plan no longer demanded a full withdrawal."),
            Status::Reported
        );
        assert_eq!(
            status("The spokesman did not dispute the figures on Monday."),
            Status::Reported
        );
        // A "no" that opens a clause about a noun negates nothing.
        assert_eq!(
            status("On Monday Lavrov called it a choice no nation should face."),
            Status::Reported
        );
        // A "not" that contrasts negates nothing.
        assert_eq!(
            status("Rubio said the draft was a working text, not an ultimatum."),
            Status::Reported
        );
        assert_eq!(
            status("Zelenskyy will travel to Washington."),
            Status::Planned
        );
        assert_eq!(
            status("With a possible White House meeting looming, the fate remains uncertain."),
            Status::Planned
        );
        assert_eq!(status("Umerov is set to meet Driscoll."), Status::Planned);
        assert_eq!(
            status("Witkoff advised Ushakov to focus on Donetsk."),
            Status::Reported
        );
        let later = read(
            "They meet on Thursday.",
            &[("Thursday", Some("2025-11-27"))],
            Some("2025-11-25"),
        )
        .unwrap();
        assert_eq!(later.status, Status::Planned);
        assert_eq!(later.main().act, Act::Meeting);
    }

    /// The happenings of a sentence as (act, date value, aside).
    fn happenings_of(
        sentence: &str,
        times: &[(&str, Option<&str>)],
        published: Option<&str>,
    ) -> Vec<(Act, Option<String>, bool)> {
        read(sentence, times, published)
            .map(|e| {
                e.happenings
                    .into_iter()
                    .map(|h| (h.act, h.date.value, h.aside))
                    .collect()
            })
            .unwrap_or_default()
    }

    #[test]
    fn each_date_goes_to_the_act_it_modifies() {
        type Case<'a> = (
            &'a str,
            &'a [(&'a str, Option<&'a str>)],
            &'a [(Act, Option<&'a str>, bool)],
        );
        let cases: &[Case] = &[
            // A hearing is not a meeting: questioned by a judge, appearing before one.
            (
                "The mayor was questioned by the judge on Wednesday and met party leaders on Thursday.",
                &[
                    ("Wednesday", Some("2026-05-20")),
                    ("Thursday", Some("2026-05-21")),
                ],
                &[
                    (Act::Hearing, Some("2026-05-20"), false),
                    (Act::Meeting, Some("2026-05-21"), false),
                ],
            ),
            // Questioning a decision is no hearing.
            (
                "Critics questioned the decision on Monday.",
                &[("Monday", Some("2026-05-18"))],
                &[(Act::Other, Some("2026-05-18"), false)],
            ),
            // Answering a judge's questions, facing a committee: a hearing; answering a
            // newspaper's is a statement, facing charges no act.
            (
                "The mayor spent the morning answering questions from Judge Ferrer on Wednesday.",
                &[("Wednesday", Some("2026-05-20"))],
                &[(Act::Hearing, Some("2026-05-20"), false)],
            ),
            (
                "The chief executive faces the health committee on March 25.",
                &[("March 25", Some("2026-03-25"))],
                &[(Act::Hearing, Some("2026-03-25"), false)],
            ),
            (
                "The mayor answered questions from this newspaper on Wednesday.",
                &[("Wednesday", Some("2026-05-20"))],
                &[(Act::Statement, Some("2026-05-20"), false)],
            ),
            // What is done at a dated setting is done that day.
            (
                "The board, at an extraordinary meeting held yesterday, accepted the resignation of its chief executive.",
                &[("yesterday", Some("2026-05-21"))],
                &[
                    (Act::Meeting, Some("2026-05-21"), false),
                    (Act::Appointment, Some("2026-05-21"), false),
                ],
            ),
            // The text's own day dates no act: the publication date stands in.
            (
                "It is Thursday, November 12, and the recording is all anyone discusses.",
                &[("Thursday, November 12", Some("2026-11-12"))],
                &[(Act::Publication, Some("2024-04-10"), false)],
            ),
            // The setting of a dated statement is on its day.
            (
                "Valadares denied on Tuesday, at a hearing before the committee, that he had promised anything.",
                &[("Tuesday", Some("2026-11-17"))],
                &[
                    (Act::Statement, Some("2026-11-17"), false),
                    (Act::Hearing, Some("2026-11-17"), false),
                ],
            ),
            // A market move; a clause going on beside a dated act takes its day.
            (
                "Shares in the builder plunged 14% on Wednesday as prosecutors started investigating the award.",
                &[("Wednesday", Some("2026-11-11"))],
                &[
                    (Act::Market, Some("2026-11-11"), false),
                    (Act::Inquiry, Some("2026-11-11"), false),
                    (Act::Award, None, true),
                ],
            ),
            (
                "Its shares lost 14% on 11 November, the day prosecutors opened their inquiry.",
                &[("11 November", Some("2026-11-11"))],
                &[
                    (Act::Market, Some("2026-11-11"), false),
                    (Act::Inquiry, Some("2026-11-11"), false),
                ],
            ),
            (
                "The party's share of the vote fell on Sunday.",
                &[("Sunday", Some("2026-11-08"))],
                &[(Act::Vote, Some("2026-11-08"), false)],
            ),
            // Released on bail: a ruling, whatever the sentence says first.
            (
                "The mayor's aide was released on bail on Friday.",
                &[("Friday", Some("2026-05-15"))],
                &[(Act::Ruling, Some("2026-05-15"), false)],
            ),
            // Putting a text online is its publication.
            (
                "The daily late on Monday put online a 14-page text marked confidential.",
                &[("late on Monday", Some("2027-02-08"))],
                &[(Act::Publication, Some("2027-02-08"), false)],
            ),
            // An inquiry opened; a tender suspended is a measure.
            (
                "Prosecutors opened an inquiry on Wednesday into the stadium contract.",
                &[("Wednesday", Some("2026-11-11"))],
                &[(Act::Inquiry, Some("2026-11-11"), false)],
            ),
            (
                "The federation decided on Friday to suspend the tender.",
                &[("Friday", Some("2026-11-13"))],
                &[(Act::Measure, Some("2026-11-13"), false)],
            ),
            // A contract won and the same contract awarded: one award.
            (
                "Colesur won the contract to rebuild the promenade in 2023.",
                &[("2023", Some("2023"))],
                &[(Act::Award, Some("2023"), false)],
            ),
            (
                "The contract was awarded in 2023.",
                &[("2023", Some("2023"))],
                &[(Act::Award, Some("2023"), false)],
            ),
            (
                "The chief executive faced charges of fraud on Monday.",
                &[("Monday", Some("2026-05-18"))],
                &[(Act::Other, Some("2026-05-18"), false)],
            ),
            // An order on its day, and the recall it widens in the week it began.
            (
                "Norway's food agency ordered shops on Friday to clear the cheese from their shelves, widening a recall that the dairy began last month.",
                &[
                    ("Friday", Some("2026-04-10")),
                    ("last month", Some("2026-03")),
                ],
                &[
                    (Act::Measure, Some("2026-04-10"), false),
                    (Act::Measure, Some("2026-03"), false),
                ],
            ),
            // The publication on the day, the call in the month.
            (
                "On Friday, the daily published a recording of a March call in which the mayor advised the minister.",
                &[("Friday", Some("2024-04-12")), ("March", Some("2024-03"))],
                &[
                    (Act::Publication, Some("2024-04-12"), false),
                    (Act::Call, Some("2024-03"), false),
                ],
            ),
            // Told in passing, an act of another kind has no date.
            (
                "The board published the audit on Tuesday after a meeting with the auditors.",
                &[("Tuesday", Some("2024-04-09"))],
                &[
                    (Act::Publication, Some("2024-04-09"), false),
                    (Act::Meeting, None, true),
                ],
            ),
            // What is said is not when it is said: the date in the complement tells of
            // what was said, an act named there if any.
            (
                "In the tape, the chairman tells the buyer that the permits would be ready by June.",
                &[("June", Some("2024-06"))],
                &[(Act::Statement, Some("2024-04-10"), false)],
            ),
            (
                "The minister told reporters that the two delegations met on Sunday.",
                &[("Sunday", Some("2024-04-14"))],
                &[(Act::Meeting, Some("2024-04-14"), false)],
            ),
            // Met on two days: known by the day it went on to.
            (
                "The envoys met yesterday and again today.",
                &[
                    ("yesterday", Some("2024-04-09")),
                    ("today", Some("2024-04-10")),
                ],
                &[(Act::Meeting, Some("2024-04-10"), false)],
            ),
            // Friday is when the terminals reopen, not when she spoke.
            (
                "The chair told reporters on Wednesday that the terminals would reopen on Friday.",
                &[
                    ("Wednesday", Some("2024-04-10")),
                    ("Friday", Some("2024-04-12")),
                ],
                &[(Act::Statement, Some("2024-04-10"), false)],
            ),
            // The day before the comma is the call's, the one after "published" its
            // publication's.
            (
                "A recording of a call with the mayor, made on April 14, was published on Tuesday.",
                &[
                    ("April 14", Some("2024-04-14")),
                    ("Tuesday", Some("2024-05-07")),
                ],
                &[
                    (Act::Call, Some("2024-04-14"), false),
                    (Act::Publication, Some("2024-05-07"), false),
                ],
            ),
            // Freed on another day is another act (a release from custody), not the day
            // the arrest went on to.
            (
                "The two were arrested on Monday and freed on Wednesday.",
                &[
                    ("Monday", Some("2024-04-08")),
                    ("Wednesday", Some("2024-04-10")),
                ],
                &[
                    (Act::Enforcement, Some("2024-04-08"), false),
                    (Act::Ruling, Some("2024-04-10"), false),
                ],
            ),
            // What took place on the day is the call, not the saying.
            (
                "In the call, which the agency said took place on March 3, the two argued.",
                &[("March 3", Some("2024-03-03"))],
                &[(Act::Call, Some("2024-03-03"), false)],
            ),
            // Sitting down with someone is meeting them.
            (
                "Last month, the chair sat down with the union leader.",
                &[("Last month", Some("2024-03"))],
                &[(Act::Meeting, Some("2024-03"), false)],
            ),
        ];
        for &(sentence, times, expected) in cases {
            let expected: Vec<(Act, Option<String>, bool)> = expected
                .iter()
                .map(|&(act, date, aside)| (act, date.map(String::from), aside))
                .collect();
            assert_eq!(
                happenings_of(sentence, times, Some("2024-04-10")),
                expected,
                "{sentence}"
            );
        }
    }

    #[test]
    fn an_act_without_a_date_takes_the_publication_date() {
        let read = read(
            "The minister told reporters the talks were useful.",
            &[],
            Some("2024-04-10"),
        )
        .unwrap();
        let main = read.main();
        assert_eq!(main.act, Act::Statement);
        assert_eq!(main.date.value.as_deref(), Some("2024-04-10"));
        assert!(main.date.approximate);
        // "talks" in passing; a reporting verb in passing is no happening.
        assert_eq!(read.happenings.len(), 2);
        assert_eq!(read.happenings[1].act, Act::Meeting);
    }

    #[test]
    fn a_sentence_naming_no_act_and_no_date_is_no_happening() {
        assert_eq!(
            read(
                "The plan requires the city to cede the harbour.",
                &[],
                Some("2024-04-10")
            ),
            None
        );
        // A title is no act: "Secretary of State" states nothing.
        assert_eq!(
            read(
                "Secretary of State Ana Ruiz led the delegation.",
                &[],
                Some("2024-04-10")
            )
            .map(|e| e.main().act),
            Some(Act::Meeting)
        );
        // A line without a verb that names an act is one.
        assert_eq!(
            read("Press briefing with the mayor.", &[], Some("2024-04-10")).map(|e| e.main().act),
            Some(Act::Statement)
        );
        // "No arrests were made": an act that did not happen.
        assert_eq!(
            read(
                "No arrests were made, the police chief said.",
                &[],
                Some("2024-04-10")
            )
            .map(|e| e.happenings.iter().any(|h| h.act == Act::Enforcement)),
            Some(false)
        );
        // Acts beyond diplomacy: a raid, a recall, a vote.
        for (sentence, act) in [
            (
                "Police raided the offices of the builder.",
                Act::Enforcement,
            ),
            ("The maker recalled two batches of the syrup.", Act::Measure),
            ("The council voted to suspend the contract.", Act::Vote),
        ] {
            assert_eq!(
                read(sentence, &[], Some("2024-04-10")).map(|e| e.main().act),
                Some(act),
                "{sentence}"
            );
        }
        // "Calls for" is an appeal, not a call.
        assert_eq!(
            read("The union calls for a strike.", &[], Some("2024-04-10"))
                .map(|e| e.happenings.iter().any(|h| h.act == Act::Call)),
            Some(false)
        );
    }

    #[test]
    fn a_prospect_is_told_next_to_its_act() {
        let statuses = |s: &str| {
            read(s, &[], Some("2024-04-10"))
                .unwrap()
                .happenings
                .iter()
                .map(|h| (h.act, h.status))
                .collect::<Vec<_>>()
        };
        // The statement is made; the meeting is a prospect.
        assert_eq!(
            statuses("The mayor said a meeting between the two leaders could follow."),
            vec![
                (Act::Statement, Status::Reported),
                (Act::Meeting, Status::Planned)
            ]
        );
        assert_eq!(
            statuses("The envoy will travel to the capital."),
            vec![(Act::Meeting, Status::Planned)]
        );
    }

    #[test]
    fn a_name_is_no_verb() {
        let verb = |s: &str| read(s, &[], None).map(|e| e.verb);
        assert_eq!(
            verb("Jared Kushner reportedly stated that talks resumed.").as_deref(),
            Some("stat")
        );
        assert_eq!(verb("Ahmed Saleh met Kushner.").as_deref(), Some("met"));
        assert_eq!(
            verb("Officials of the Mohammed Foundation.").as_deref(),
            None
        );
    }

    #[test]
    fn a_sentence_without_a_verb_is_no_event() {
        assert_eq!(read("Sources: Reuters, Bloomberg.", &[], None), None);
        assert_eq!(
            read(
                "Does Witkoff still have the president's confidence?",
                &[],
                None
            ),
            None
        );
    }

    #[test]
    fn periods_are_read_from_timex_values() {
        assert_eq!(
            period_of("2025-11-23"),
            Some((date("2025-11-23"), Precision::Day))
        );
        assert_eq!(
            period_of("2025-11-21TNI"),
            Some((date("2025-11-21"), Precision::Day))
        );
        assert_eq!(
            period_of("2025-W48"),
            Some((date("2025-11-24"), Precision::Week))
        );
        assert_eq!(
            period_of("2025-11"),
            Some((date("2025-11-01"), Precision::Month))
        );
        assert_eq!(
            period_of("2025-FA"),
            Some((date("2025-10-01"), Precision::Year))
        );
        assert_eq!(
            period_of("2025"),
            Some((date("2025-01-01"), Precision::Year))
        );
        for value in ["PAST_REF", "P3D", "XXXX-11-27", "2025-13", "2025-02-30", ""] {
            assert_eq!(period_of(value), None, "{value}");
        }
    }
}
