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

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate, Weekday};
use foldhash::HashSet;
use serde::Serialize;

use super::time::{Timex, TimexType};
use crate::sentence::{WordSet, plain_words_in};

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

/// One sentence read as an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentenceEvent {
    /// Its status.
    pub status: Status,
    /// Its date.
    pub date: EventDate,
    /// The first verb of the sentence, lower-cased, with a regular ending taken off: a
    /// hint of what happened, used to tell two events with the same actors apart.
    pub verb: String,
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
/// `None` when it has no verb. `published` is the source's date.
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
    let mut buffer = String::new();
    let words = plain_words_in(sentence, &mut buffer);
    let verb = words
        .iter()
        .find(|w| is_verb(w) && (VERBS.contains(w.as_ref()) || !capitalised_in(sentence, w)))?;
    let has = |set: &HashSet<&str>| words.iter().any(|w| set.contains(w.as_ref()));
    // Denied: someone denies or rejects it ("Peskov denied that a meeting took place": the
    // denial is what the sentence tells, its first verb), or says it did not happen ("the
    // Kremlin maintains it has not discussed the plan"). Other denials and negations deny
    // nothing: in a clause of their own ("terms its government had rejected", "if Kyiv
    // refused"), one the sentence itself tells ("the plan no longer demanded a
    // withdrawal"), a refusal to come ("would not sign"), an absence ("no date was set").
    let said_not = words
        .iter()
        .position(|w| super::claims::is_reporting_word(w.as_ref()))
        .is_some_and(|cue| did_not_happen(&words[cue + 1..]));
    let denied = DENIALS.contains(verb.as_ref()) || said_not;
    let own: Vec<&Timex> = times
        .iter()
        .filter(|t| t.start >= offset && t.end <= offset + sentence.len())
        .collect();
    let date = own
        .iter()
        .filter(|t| matches!(t.kind, TimexType::Date | TimexType::Time))
        .find_map(|t| t.value.as_deref().and_then(EventDate::from_value))
        .or_else(|| {
            // A relative date that could not be resolved leaves the date unknown rather
            // than taking the publication date for it.
            let unresolved = own
                .iter()
                .any(|t| t.kind == TimexType::Date && t.value.is_none());
            (!unresolved)
                .then_some(published)
                .flatten()
                .map(|day| EventDate {
                    value: Some(day.to_string()),
                    precision: Precision::Day,
                    approximate: true,
                    first_day: Some(day),
                })
        })
        .unwrap_or_else(EventDate::unknown);
    let later =
        matches!((date.first_day, published), (Some(day), Some(p)) if !date.approximate && day > p);
    let status = if denied {
        Status::Denied
    } else if has(&PROSPECTS)
        || words
            .windows(2)
            .any(|w| w[1] == "to" && matches!(w[0].as_ref(), "set" | "due" | "going"))
        || later
    {
        Status::Planned
    } else {
        Status::Reported
    };
    Some(SentenceEvent {
        status,
        date,
        verb: stem(verb),
    })
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
        assert_eq!(event.date.value.as_deref(), Some("2025-11-20"));
        assert_eq!(event.date.precision, Precision::Day);
        assert!(!event.date.approximate);
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
        assert_eq!(event.date.value.as_deref(), Some("2025-11-25"));
        assert!(event.date.approximate);
        let undated = read(
            "The recording, obtained by Bloomberg, reveals the talks.",
            &[],
            None,
        )
        .unwrap();
        assert_eq!(undated.date, EventDate::unknown());
        let unresolved = read(
            "They met later that week.",
            &[("later that week", None)],
            Some("2025-11-25"),
        )
        .unwrap();
        assert_eq!(unresolved.date, EventDate::unknown());
    }

    #[test]
    fn wording_sets_the_status() {
        let status = |s: &str| read(s, &[], Some("2025-11-25")).unwrap().status;
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
            status("The draft required terms its government had repeatedly rejected."),
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
            status("The revised plan no longer demanded a full withdrawal from Donetsk."),
            Status::Reported
        );
        assert_eq!(
            status("The spokesman did not dispute the figures."),
            Status::Reported
        );
        // A "no" that opens a clause about a noun negates nothing.
        assert_eq!(
            status("Lavrov called it a choice no nation should face."),
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
