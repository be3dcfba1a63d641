//! Time expressions in English news text, tagged and resolved to TIMEX3 values.
//!
//! A rule-based tagger in the manner of TimeML/TIDES, written for the news: no regular
//! expressions, one pass over the words of a paragraph, then one pass over what it found.
//!
//! **Tokens.** A paragraph is cut into words (runs of letters and digits), numbers (runs of
//! ASCII digits) and single punctuation marks, each with its byte span and whether
//! whitespace comes before it; hyphens, stops, colons and apostrophes are tokens of their
//! own, so `four-year`, `p.m.`, `15:00`, `2025-11-23` and `Year's` are short token
//! sequences joined without space. A lower-cased copy of the paragraph (ASCII only, so the
//! byte offsets stay the same) serves every comparison; the buffers are kept between
//! calls, so tagging allocates little more than what it returns. Sentences end at `!`,
//! `?`, `;`, a line break, or a stop that ends no abbreviation (`Nov.`, `Mr.`, `p.m.`).
//!
//! **Patterns.** At each token the scanner tries the patterns that can start there,
//! longest and most specific first, and jumps past the first that matches: absolute dates
//! (`Nov. 23, 2025`, `23 November`, `the 23rd of November`, `2025-11-23`, `11/23/2025`),
//! weekdays (`Friday`, `Fri.` before a date, `last Friday`, `Friday night`), deictic and
//! anaphoric phrases (`this week`, `later that week`, `the next day`, `two days later`),
//! months, years, decades, seasons, quarters, holidays, vague references (`recently`,
//! `now`, `soon`), durations (`nearly four-year`, `two-and-a-half-hour`), sets (`every
//! week`, `daily`) and clock times (`3 p.m. on Friday`). Spans leave out leading
//! prepositions (`on`, `in`, `at`, `for`) and possessive `'s`, and keep modifiers (`nearly`,
//! `late`, `mid-`, `earlier this`) and, for phrases that need it, `the` (`the next day`,
//! `the weekend`, `the 1990s`, `the fourth quarter`, `the past`).
//!
//! **Tense.** Weekdays, bare months, seasons, "the weekend" and holidays are resolved in
//! the direction of the sentence's tense: the tense marker nearest to the expression in its
//! sentence decides (future: `will`, `'ll`, `would`, `may`, `is`/`are`, `going to`,
//! `expected to`, `scheduled`, `next`, present verbs such as `meets`; past: `-ed` words,
//! irregular pasts from `data/time_past_verbs.txt`, `was`, `ago`, `last`); none means past.
//!
//! **Anchor.** Every resolved day-precision date (absolute or relative, times included)
//! becomes the anchor, kept across paragraphs in reading order. Anaphoric expressions
//! (`the next day`, `that week`, `two days later`, `the following Monday`) count from the
//! anchor, else from the document creation time (DCT, the `reference`). In an undated
//! source the anchor also stands in for the DCT; with neither, those expressions get no
//! value, while self-contained ones (`Oct. 14, 2025`, `February 2022`), vague references
//! and durations always have one.
//!
//! **Values** (TIMEX3): `2025-11-23` (date), `2025-11` (month), `2025` (year), `199`
//! (decade), `2025-W48` and `2025-W48-WE` (ISO week, weekend), `2025-Q4`, `2025-FA` (season:
//! SP, SU, FA, WI; a winter is labelled by the year of its December), `2025-11-21TNI` (part
//! of day: TMO, TAF, TEV, TNI), `2025-11-21T15:00` (clock time), `PAST_REF`,
//! `PRESENT_REF`, `FUTURE_REF`, durations `P3D`, `PT2.5H`, `P10Y`, `PXW`, `PXDE`, and sets
//! `P1W`, `XXXX-WXX-1`.

use std::sync::LazyLock;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::Serialize;

use crate::calendar::{month_word, weekday_word};
use crate::sentence::{WordSet, word_list};

/// The TIMEX3 type of an expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TimexType {
    /// A calendar date or period: "Nov. 23", "last week", "October", "recently".
    Date,
    /// A time of day: "3 p.m. on Friday".
    Time,
    /// A length of time: "three days", "nearly four-year".
    Duration,
    /// A recurrence: "every week", "daily".
    Set,
}

/// One time expression in a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timex {
    /// Byte where it starts in the paragraph's text.
    pub start: usize,
    /// Byte after it.
    pub end: usize,
    /// Its TIMEX3 type.
    pub kind: TimexType,
    /// Its TIMEX3 value ("2025-11-23", "2025-W48", "P3D", "PAST_REF"); `None` when it is
    /// relative and nothing to resolve it against is known.
    pub value: Option<String>,
}

/// Tags the paragraphs of one source, in reading order.
#[derive(Debug, Clone)]
pub struct Tagger {
    /// The document creation time.
    reference: Option<NaiveDate>,
    /// The last day-precision date stated, across paragraphs.
    anchor: Option<NaiveDate>,
    /// Reused buffers: the lower-cased paragraph, its tokens, what matched, tense markers.
    lower: String,
    tokens: Vec<Tok>,
    found: Vec<Cand>,
    marks: Vec<Mark>,
}

impl Tagger {
    /// A tagger for a source published on `reference` (`None`: undated).
    pub fn new(reference: Option<NaiveDate>) -> Tagger {
        Tagger {
            reference,
            anchor: None,
            lower: String::new(),
            tokens: Vec::new(),
            found: Vec::new(),
            marks: Vec::new(),
        }
    }

    /// The time expressions of the next paragraph, in text order.
    pub fn tag(&mut self, text: &str) -> Vec<Timex> {
        let mut lower = std::mem::take(&mut self.lower);
        let mut tokens = std::mem::take(&mut self.tokens);
        let mut found = std::mem::take(&mut self.found);
        let mut marks = std::mem::take(&mut self.marks);
        lower.clear();
        lower.push_str(text);
        lower.make_ascii_lowercase();
        tokenize(text, &mut tokens);

        let scan = Scan {
            lower: &lower,
            toks: &tokens,
        };
        found.clear();
        let mut i = 0;
        while i < tokens.len() {
            match scan.at(i) {
                Some(c) if c.start == i && c.end > i => {
                    i = c.end;
                    found.push(c);
                }
                _ => i += 1,
            }
        }

        marks.clear();
        let mut marked = false;
        let mut out = Vec::with_capacity(found.len());
        for c in &found {
            let mut tense = None;
            if c.needs_tense() {
                if !marked {
                    scan.marks(&mut marks);
                    marked = true;
                }
                tense = tense_at(&marks, &tokens, c.start, c.end);
            }
            if matches!(c.what, What::Day(Day::Holiday(..))) && scan.deadline(c.start) {
                tense = None;
            }
            if let Some(t) = self.timex(&tokens, c, tense) {
                out.push(t);
            }
        }

        self.lower = lower;
        self.tokens = tokens;
        self.found = found;
        self.marks = marks;
        out
    }

    /// The expression `c` as a TIMEX3; `None` for matches that are consumed untagged.
    fn timex(&mut self, tokens: &[Tok], c: &Cand, tense: Option<Tense>) -> Option<Timex> {
        let kind = match c.what {
            What::Skip => return None,
            What::Duration(..) => TimexType::Duration,
            What::Every(..) | What::EveryWeekday(_) => TimexType::Set,
            What::Day(_) if c.clock.is_some() || c.part.is_some() => TimexType::Time,
            _ => TimexType::Date,
        };
        let start = tokens.get(c.start)?.start;
        let end = tokens.get(c.end.checked_sub(1)?)?.end;
        Some(Timex {
            start,
            end,
            kind,
            value: self.value(c, tense),
        })
    }

    /// The DCT, or in an undated source the anchor.
    fn dct(&self) -> Option<NaiveDate> {
        self.reference.or(self.anchor)
    }

    /// The date a relative expression counts from.
    fn base(&self, base: Base) -> Option<NaiveDate> {
        match base {
            Base::Dct => self.dct(),
            Base::Anchor => self.anchor.or(self.reference),
        }
    }

    /// The TIMEX3 value of `c`; resolving a day moves the anchor to it.
    fn value(&mut self, c: &Cand, tense: Option<Tense>) -> Option<String> {
        match c.what {
            What::Day(day) => {
                let date = self.day(day, tense)?;
                self.anchor = Some(date);
                let mut value = ymd(date)?;
                if let Some((h, m)) = c.clock {
                    value.push_str(&format!("T{h:02}:{m:02}"));
                } else if let Some(part) = c.part {
                    value.push_str(part);
                }
                Some(value)
            }
            What::WeekOf(day) => week_value(self.day(day, tense)?, false),
            What::Week(base, n, weekend) => {
                week_value(shift(self.base(base)?, n.checked_mul(7)?)?, weekend)
            }
            What::WeekendTense => {
                let r = self.dct()?;
                let weekday = r.weekday().num_days_from_monday();
                let date = if tense != Some(Tense::Future) && weekday < 5 {
                    shift(r, -7)?
                } else {
                    r
                };
                week_value(date, true)
            }
            What::Month(base, n) => {
                let r = self.base(base)?;
                month_value(i64::from(r.year()) * 12 + i64::from(r.month0()) + n)
            }
            What::MonthName(month, pick) => {
                let r = self.dct()?;
                let cur = i64::from(r.year()) * 12 + i64::from(r.month0());
                let k = i64::from(month) - 1;
                let idx = match pick {
                    Pick::This => i64::from(r.year()) * 12 + k,
                    _ => cycle(cur, k, 12, pick.direction(tense)),
                };
                month_value(idx)
            }
            What::MonthYear(y, m) => month_value(i64::from(y) * 12 + i64::from(m) - 1),
            What::Year(base, n) => year_value(i64::from(self.base(base)?.year()) + n),
            What::YearAbs(y) => year_value(i64::from(y)),
            What::Decade(d) => Some(d.to_string()),
            What::Season(season, pick) => season_value(self.dct()?, season, pick, tense),
            What::SeasonYear(season, y) => {
                Some(format!("{}-{}", year_value(i64::from(y))?, season.code()))
            }
            What::Quarter(base, n) => {
                let r = self.base(base)?;
                quarter_value(i64::from(r.year()) * 4 + i64::from(r.month0() / 3) + n)
            }
            What::QuarterOf(q, year) => {
                let y = match year {
                    Some(y) => y,
                    None => self.dct()?.year(),
                };
                quarter_value(i64::from(y) * 4 + i64::from(q) - 1)
            }
            What::Ref(value) => Some(value.to_string()),
            What::Duration(amount, unit) | What::Every(amount, unit) => {
                Some(duration_value(amount, unit))
            }
            What::EveryWeekday(wd) => Some(format!("XXXX-WXX-{}", wd.number_from_monday())),
            What::Skip => None,
        }
    }

    /// The date a day expression names.
    fn day(&self, day: Day, tense: Option<Tense>) -> Option<NaiveDate> {
        match day {
            Day::Abs(date) => Some(date),
            Day::OfMonth(m, d) => NaiveDate::from_ymd_opt(self.dct()?.year(), m, d),
            Day::Shift(base, n) => shift(self.base(base)?, n),
            Day::Weekday(wd, pick) => {
                let r = match pick {
                    Pick::AfterAnchor | Pick::BeforeAnchor => self.base(Base::Anchor)?,
                    _ => self.dct()?,
                };
                match pick {
                    Pick::This => {
                        let week = r.iso_week();
                        NaiveDate::from_isoywd_opt(week.year(), week.week(), wd)
                    }
                    Pick::Last | Pick::BeforeAnchor => back_to(r, wd, true),
                    Pick::Next | Pick::AfterAnchor => forward_to(r, wd, true),
                    Pick::Tense if tense == Some(Tense::Future) => forward_to(r, wd, false),
                    Pick::Tense => back_to(r, wd, false),
                }
            }
            Day::Holiday(h, pick) => {
                let r = self.dct()?;
                let y = r.year();
                let d = h.date(y)?;
                match pick {
                    Pick::Last if d >= r => h.date(y - 1),
                    Pick::Next if d <= r => h.date(y + 1),
                    Pick::Tense if tense == Some(Tense::Future) && d < r => h.date(y + 1),
                    Pick::Tense if tense == Some(Tense::Past) && d > r => h.date(y - 1),
                    _ => Some(d),
                }
            }
        }
    }
}

// ------------------------------------------------------------------------------ tokens

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Letters and digits, at least one not an ASCII digit.
    Word,
    /// ASCII digits only.
    Num,
    /// One punctuation mark or symbol.
    Punct,
}

/// One token of a paragraph.
#[derive(Debug, Clone, Copy)]
struct Tok {
    /// Byte where it starts.
    start: usize,
    /// Byte after it.
    end: usize,
    kind: Kind,
    /// Whitespace (or the start of the text) before it.
    spaced: bool,
    /// A line break before it.
    line: bool,
    /// Its first character is upper case.
    cap: bool,
    /// Its sentence, counted from 0.
    sent: u32,
    /// The first word or number of its sentence.
    opens: bool,
}

/// Cuts `text` into `out`.
fn tokenize(text: &str, out: &mut Vec<Tok>) {
    out.clear();
    let (mut spaced, mut line) = (true, true);
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() || c.is_control() {
            spaced = true;
            line |= matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}');
            continue;
        }
        let mut end = start + c.len_utf8();
        let kind = if c.is_alphanumeric() {
            let mut digits = c.is_ascii_digit();
            while let Some(&(at, d)) = chars.peek() {
                if !d.is_alphanumeric() {
                    break;
                }
                digits &= d.is_ascii_digit();
                end = at + d.len_utf8();
                chars.next();
            }
            if digits { Kind::Num } else { Kind::Word }
        } else {
            Kind::Punct
        };
        out.push(Tok {
            start,
            end,
            kind,
            spaced,
            line,
            cap: c.is_uppercase(),
            sent: 0,
            opens: false,
        });
        spaced = false;
        line = false;
    }
    mark_sentences(text, out);
}

/// Words that a full stop follows without ending the sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "gov", "sen", "rep", "rev", "prof",
    "jr", "sr", "vs", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "inc",
    "corp", "ltd", "co", "approx", "est",
];

/// Numbers the sentences of `toks` and marks the word opening each.
fn mark_sentences(text: &str, toks: &mut [Tok]) {
    let mut sent = 0u32;
    let mut pending = false;
    let mut open = true;
    for i in 0..toks.len() {
        let t = toks[i];
        if t.line && i > 0 {
            sent += 1;
            pending = false;
            open = true;
        }
        if t.kind != Kind::Punct {
            if pending {
                sent += 1;
                pending = false;
                open = true;
            }
            toks[i].opens = open;
            open = false;
        }
        toks[i].sent = sent;
        if t.kind != Kind::Punct {
            continue;
        }
        match text.get(t.start..).and_then(|s| s.chars().next()) {
            Some('!' | '?' | ';' | '\u{2026}') => pending = true,
            Some('.') => {
                let inner = toks
                    .get(i + 1)
                    .is_some_and(|n| !n.spaced && n.kind != Kind::Punct);
                if !inner && !abbreviation_before(text, toks, i) {
                    pending = true;
                }
            }
            _ => {}
        }
    }
}

/// Whether the stop at `i` ends an abbreviation: a single letter or a known short word.
fn abbreviation_before(text: &str, toks: &[Tok], i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).and_then(|p| toks.get(p)) else {
        return false;
    };
    if prev.kind != Kind::Word || toks.get(i).is_none_or(|t| t.spaced) {
        return false;
    }
    let word = text.get(prev.start..prev.end).unwrap_or("");
    word.chars().count() == 1 || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

// -------------------------------------------------------------------------- word lists

static PAST_VERBS: WordSet = LazyLock::new(|| word_list(include_str!("data/time_past_verbs.txt")));
static NOT_PAST: WordSet = LazyLock::new(|| word_list(include_str!("data/time_not_past.txt")));

/// Words that may follow "the future", "the past", "the present" or a year.
const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "and", "or", "but", "of", "for", "in", "on", "at", "to", "by", "with",
    "from", "is", "was", "are", "were", "will", "would", "has", "had", "have", "as", "that",
    "which", "when", "while", "it", "he", "she", "they", "we", "i", "you", "this", "remains",
    "amid", "after", "before", "until", "since", "than", "not", "so", "if", "there", "its",
];

/// Newspapers named after a weekday ("Sunday Times").
const NEWSPAPERS: &[&str] = &[
    "times",
    "telegraph",
    "express",
    "mirror",
    "post",
    "people",
    "herald",
    "mail",
    "independent",
    "star",
    "sport",
    "journal",
    "tribune",
];

/// Time zones that may stand between a clock time and its day.
const ZONES: &[&str] = &[
    "gmt", "utc", "et", "est", "edt", "pt", "pst", "pdt", "ct", "cet", "cest", "eet", "eest",
    "msk", "bst", "kyiv", "moscow", "local",
];

/// Words before a bare month that make it a month ("in May", "early March").
const MONTH_CUES: &[&str] = &[
    "in",
    "since",
    "by",
    "until",
    "till",
    "before",
    "after",
    "from",
    "to",
    "through",
    "during",
    "of",
    "throughout",
    "between",
    "early",
    "late",
    "mid",
    "around",
    "last",
    "next",
    "this",
];

/// A part of the day and its TIMEX3 suffix.
fn part_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "morning" => "TMO",
        "afternoon" => "TAF",
        "evening" => "TEV",
        "night" => "TNI",
        _ => return None,
    })
}

/// A number word below a hundred.
fn number_word(w: &str) -> Option<u32> {
    const WORDS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    if let Some(n) = WORDS.iter().position(|x| *x == w) {
        return u32::try_from(n).ok();
    }
    let n = TENS.iter().position(|x| *x == w)?;
    u32::try_from(n * 10 + 20).ok()
}

/// The ordinal of a quarter ("fourth", "final").
fn quarter_ordinal(w: &str) -> Option<u32> {
    Some(match w {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" | "final" => 4,
        _ => return None,
    })
}

// ----------------------------------------------------------------------------- values

/// What a relative expression counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Base {
    /// The document creation time.
    Dct,
    /// The last day-precision date stated.
    Anchor,
}

/// How a named day, month, season or holiday is picked among its occurrences.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pick {
    /// By the tense of the sentence: past on or before the DCT, future on or after.
    Tense,
    /// In the DCT's week (weekdays) or year.
    This,
    /// Strictly before the DCT.
    Last,
    /// Strictly after the DCT.
    Next,
    /// Strictly after the anchor ("the following Monday").
    AfterAnchor,
    /// Strictly before the anchor ("the previous Friday").
    BeforeAnchor,
}

/// Which way a cycle is searched from the current position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dir {
    AtOrBefore,
    Before,
    AtOrAfter,
    After,
}

impl Pick {
    /// The search direction, the tense deciding for [`Pick::Tense`] (default past).
    fn direction(self, tense: Option<Tense>) -> Dir {
        match self {
            Pick::Last | Pick::BeforeAnchor => Dir::Before,
            Pick::Next | Pick::AfterAnchor => Dir::After,
            _ if tense == Some(Tense::Future) => Dir::AtOrAfter,
            _ => Dir::AtOrBefore,
        }
    }
}

/// The tense of a sentence around an expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tense {
    Past,
    Future,
}

/// A tense marker: its token, its sentence, its tense.
type Mark = (usize, u32, Tense);

/// A unit of duration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Fortnight,
    Month,
    Year,
    Decade,
    Century,
}

/// A unit word, and whether it is plural.
fn unit_word(w: &str) -> Option<(Unit, bool)> {
    Some(match w {
        "second" => (Unit::Second, false),
        "seconds" => (Unit::Second, true),
        "minute" => (Unit::Minute, false),
        "minutes" => (Unit::Minute, true),
        "hour" => (Unit::Hour, false),
        "hours" => (Unit::Hour, true),
        "day" => (Unit::Day, false),
        "days" => (Unit::Day, true),
        "week" => (Unit::Week, false),
        "weeks" => (Unit::Week, true),
        "fortnight" => (Unit::Fortnight, false),
        "fortnights" => (Unit::Fortnight, true),
        "month" => (Unit::Month, false),
        "months" => (Unit::Month, true),
        "year" => (Unit::Year, false),
        "years" => (Unit::Year, true),
        "decade" => (Unit::Decade, false),
        "decades" => (Unit::Decade, true),
        "century" => (Unit::Century, false),
        "centuries" => (Unit::Century, true),
        _ => return None,
    })
}

/// How many units: a number, or an unspecified few ("several", "decades").
#[derive(Debug, Clone, Copy, PartialEq)]
enum Amount {
    N(f64),
    Few,
}

/// A season of the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Season {
    Spring,
    Summer,
    Autumn,
    Winter,
}

impl Season {
    fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Autumn => "FA",
            Season::Winter => "WI",
        }
    }

    fn index(self) -> i64 {
        match self {
            Season::Spring => 0,
            Season::Summer => 1,
            Season::Autumn => 2,
            Season::Winter => 3,
        }
    }
}

/// A season word.
fn season_word(w: &str) -> Option<Season> {
    Some(match w {
        "spring" => Season::Spring,
        "summer" => Season::Summer,
        "autumn" | "fall" => Season::Autumn,
        "winter" => Season::Winter,
        _ => return None,
    })
}

/// A holiday the news dates things by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Holiday {
    Thanksgiving,
    BlackFriday,
    CyberMonday,
    Christmas,
    ChristmasEve,
    BoxingDay,
    NewYearsDay,
    NewYearsEve,
    Easter,
    GoodFriday,
    EasterMonday,
    OrthodoxEaster,
    IndependenceDay,
    Halloween,
    Valentines,
    VictoryDay,
    LaborDay,
    MemorialDay,
    VeteransDay,
}

impl Holiday {
    /// Its date in year `y`.
    fn date(self, y: i32) -> Option<NaiveDate> {
        let md = |m, d| NaiveDate::from_ymd_opt(y, m, d);
        match self {
            Holiday::Thanksgiving => NaiveDate::from_weekday_of_month_opt(y, 11, Weekday::Thu, 4),
            Holiday::BlackFriday => shift(Holiday::Thanksgiving.date(y)?, 1),
            Holiday::CyberMonday => shift(Holiday::Thanksgiving.date(y)?, 4),
            Holiday::Christmas => md(12, 25),
            Holiday::ChristmasEve => md(12, 24),
            Holiday::BoxingDay => md(12, 26),
            Holiday::NewYearsDay => md(1, 1),
            Holiday::NewYearsEve => md(12, 31),
            Holiday::Easter => easter(y),
            Holiday::GoodFriday => shift(easter(y)?, -2),
            Holiday::EasterMonday => shift(easter(y)?, 1),
            Holiday::OrthodoxEaster => orthodox_easter(y),
            Holiday::IndependenceDay => md(7, 4),
            Holiday::Halloween => md(10, 31),
            Holiday::Valentines => md(2, 14),
            Holiday::VictoryDay => md(5, 9),
            Holiday::LaborDay => NaiveDate::from_weekday_of_month_opt(y, 9, Weekday::Mon, 1),
            Holiday::MemorialDay => back_to(md(5, 31)?, Weekday::Mon, false),
            Holiday::VeteransDay => md(11, 11),
        }
    }
}

/// Western Easter Sunday (the anonymous Gregorian computus).
fn easter(y: i32) -> Option<NaiveDate> {
    if !(1583..=9999).contains(&y) {
        return None;
    }
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(y, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// Orthodox Easter Sunday: the Julian computus, moved to the Gregorian calendar.
fn orthodox_easter(y: i32) -> Option<NaiveDate> {
    if !(1583..=9999).contains(&y) {
        return None;
    }
    let d = (19 * (y % 19) + 15) % 30;
    let e = (2 * (y % 4) + 4 * (y % 7) - d + 34) % 7;
    let month = (d + e + 114) / 31;
    let day = (d + e + 114) % 31 + 1;
    let julian = NaiveDate::from_ymd_opt(y, u32::try_from(month).ok()?, u32::try_from(day).ok()?)?;
    shift(julian, i64::from(y / 100 - y / 400 - 2))
}

/// A day-precision expression, before resolution.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Day {
    Abs(NaiveDate),
    /// A month and day; the year is the DCT's.
    OfMonth(u32, u32),
    /// So many days from the DCT or the anchor.
    Shift(Base, i64),
    Weekday(Weekday, Pick),
    Holiday(Holiday, Pick),
}

/// What an expression means, before resolution.
#[derive(Debug, Clone, Copy, PartialEq)]
enum What {
    Day(Day),
    /// The ISO week of a day ("the week of Nov. 17").
    WeekOf(Day),
    /// So many weeks from the DCT or anchor; the flag asks for the weekend.
    Week(Base, i64, bool),
    /// "The weekend": the coming one in future context, else the last.
    WeekendTense,
    Month(Base, i64),
    MonthName(u32, Pick),
    MonthYear(i32, u32),
    Year(Base, i64),
    YearAbs(i32),
    /// The decade's first three digits.
    Decade(i32),
    Season(Season, Pick),
    SeasonYear(Season, i32),
    Quarter(Base, i64),
    QuarterOf(u32, Option<i32>),
    Ref(&'static str),
    Duration(Amount, Unit),
    Every(Amount, Unit),
    EveryWeekday(Weekday),
    /// Consumed, not tagged ("weeks later").
    Skip,
}

const PAST: &str = "PAST_REF";
const PRESENT: &str = "PRESENT_REF";
const FUTURE: &str = "FUTURE_REF";

/// A match: tokens `start..end`, its meaning, and a part of day or clock time on a day.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Cand {
    start: usize,
    end: usize,
    what: What,
    part: Option<&'static str>,
    clock: Option<(u32, u32)>,
}

impl Cand {
    fn new(start: usize, end: usize, what: What) -> Cand {
        Cand {
            start,
            end,
            what,
            part: None,
            clock: None,
        }
    }

    fn with_part(mut self, part: &'static str) -> Cand {
        self.part = Some(part);
        self
    }

    fn from(mut self, start: usize) -> Cand {
        self.start = start;
        self
    }

    /// Whether the sentence's tense takes part in resolving it.
    fn needs_tense(&self) -> bool {
        matches!(
            self.what,
            What::Day(Day::Weekday(_, Pick::Tense) | Day::Holiday(_, Pick::Tense))
                | What::WeekendTense
                | What::MonthName(_, Pick::Tense)
                | What::Season(_, Pick::Tense | Pick::This)
        )
    }
}

// ------------------------------------------------------------------------- resolution

/// `d` moved by `n` days.
fn shift(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n.unsigned_abs()))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

/// The `wd` on or before `r` (strictly before if `strict`).
fn back_to(r: NaiveDate, wd: Weekday, strict: bool) -> Option<NaiveDate> {
    let mut n = (7 + r.weekday().num_days_from_monday() - wd.num_days_from_monday()) % 7;
    if strict && n == 0 {
        n = 7;
    }
    shift(r, -i64::from(n))
}

/// The `wd` on or after `r` (strictly after if `strict`).
fn forward_to(r: NaiveDate, wd: Weekday, strict: bool) -> Option<NaiveDate> {
    let mut n = (7 + wd.num_days_from_monday() - r.weekday().num_days_from_monday()) % 7;
    if strict && n == 0 {
        n = 7;
    }
    shift(r, i64::from(n))
}

/// The position of phase `k` (of `period`) nearest `cur` in direction `dir`.
fn cycle(cur: i64, k: i64, period: i64, dir: Dir) -> i64 {
    match dir {
        Dir::AtOrBefore => cur - (cur - k).rem_euclid(period),
        Dir::Before => cycle(cur - 1, k, period, Dir::AtOrBefore),
        Dir::AtOrAfter => cur + (k - cur).rem_euclid(period),
        Dir::After => cycle(cur + 1, k, period, Dir::AtOrAfter),
    }
}

fn year_value(y: i64) -> Option<String> {
    (0..=9999).contains(&y).then(|| format!("{y:04}"))
}

fn ymd(d: NaiveDate) -> Option<String> {
    Some(format!(
        "{}-{:02}-{:02}",
        year_value(i64::from(d.year()))?,
        d.month(),
        d.day()
    ))
}

/// `YYYY-MM` for a month counted from year 0.
fn month_value(idx: i64) -> Option<String> {
    Some(format!(
        "{}-{:02}",
        year_value(idx.div_euclid(12))?,
        idx.rem_euclid(12) + 1
    ))
}

/// `YYYY-Qn` for a quarter counted from year 0.
fn quarter_value(idx: i64) -> Option<String> {
    Some(format!(
        "{}-Q{}",
        year_value(idx.div_euclid(4))?,
        idx.rem_euclid(4) + 1
    ))
}

/// `YYYY-Www`, with `-WE` for the weekend.
fn week_value(d: NaiveDate, weekend: bool) -> Option<String> {
    let week = d.iso_week();
    let mut value = format!(
        "{}-W{:02}",
        year_value(i64::from(week.year()))?,
        week.week()
    );
    if weekend {
        value.push_str("-WE");
    }
    Some(value)
}

/// The season picked relative to `r`. Seasons are counted four a year from spring; a
/// winter belongs to the year of its December, so January and February fall in the winter
/// of the year before.
fn season_value(r: NaiveDate, s: Season, pick: Pick, tense: Option<Tense>) -> Option<String> {
    let (y, m) = (i64::from(r.year()), r.month());
    let cur = match m {
        1 | 2 => (y - 1) * 4 + 3,
        3..=5 => y * 4,
        6..=8 => y * 4 + 1,
        9..=11 => y * 4 + 2,
        _ => y * 4 + 3,
    };
    let k = s.index();
    let idx = if pick == Pick::This {
        let before = cycle(cur, k, 4, Dir::AtOrBefore);
        let after = cycle(cur, k, 4, Dir::AtOrAfter);
        match (cur - before).cmp(&(after - cur)) {
            std::cmp::Ordering::Less => before,
            std::cmp::Ordering::Greater => after,
            std::cmp::Ordering::Equal if tense == Some(Tense::Future) => after,
            std::cmp::Ordering::Equal => before,
        }
    } else {
        cycle(cur, k, 4, pick.direction(tense))
    };
    Some(format!("{}-{}", year_value(idx.div_euclid(4))?, s.code()))
}

/// Formats a number without a trailing `.0`, rounded to six decimals.
fn number(x: f64) -> String {
    let x = (x * 1e6).round() / 1e6;
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

/// The TIMEX3 value of a duration (or a set's period).
fn duration_value(amount: Amount, unit: Unit) -> String {
    let (scale, code, time) = match unit {
        Unit::Second => (1.0, "S", true),
        Unit::Minute => (1.0, "M", true),
        Unit::Hour => (1.0, "H", true),
        Unit::Day => (1.0, "D", false),
        Unit::Week => (1.0, "W", false),
        Unit::Fortnight => (2.0, "W", false),
        Unit::Month => (1.0, "M", false),
        Unit::Year => (1.0, "Y", false),
        Unit::Decade => (10.0, "Y", false),
        Unit::Century => (100.0, "Y", false),
    };
    let t = if time { "T" } else { "" };
    match amount {
        Amount::Few => {
            let code = match unit {
                Unit::Decade => "DE",
                Unit::Century => "CE",
                _ => code,
            };
            format!("P{t}X{code}")
        }
        Amount::N(n) => format!("P{t}{}{code}", number(n * scale)),
    }
}

/// The tense nearest tokens `start..end` in their sentence (ties go to the left).
fn tense_at(marks: &[Mark], toks: &[Tok], start: usize, end: usize) -> Option<Tense> {
    let sent = toks.get(start)?.sent;
    let p = marks.partition_point(|m| m.0 < start);
    let left = p
        .checked_sub(1)
        .and_then(|k| marks.get(k))
        .filter(|m| m.1 == sent);
    let q = marks.partition_point(|m| m.0 < end);
    let right = marks.get(q).filter(|m| m.1 == sent);
    match (left, right) {
        (Some(l), Some(r)) => {
            let dl = start - l.0;
            let dr = r.0 + 1 - end;
            Some(if dl <= dr { l.2 } else { r.2 })
        }
        (Some(l), None) => Some(l.2),
        (None, Some(r)) => Some(r.2),
        (None, None) => None,
    }
}

// ---------------------------------------------------------------------------- matching

/// The tokens of a paragraph and its lower-cased text, read by the patterns.
struct Scan<'a> {
    lower: &'a str,
    toks: &'a [Tok],
}

impl<'a> Scan<'a> {
    // ---- token access; out of range reads as nothing

    /// Token `i`, lower-cased; "" past the end.
    fn w(&self, i: usize) -> &'a str {
        self.toks
            .get(i)
            .and_then(|t| self.lower.get(t.start..t.end))
            .unwrap_or("")
    }

    fn prev_w(&self, i: usize) -> &'a str {
        i.checked_sub(1).map_or("", |p| self.w(p))
    }

    fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }

    fn is_num(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Num)
    }

    fn cap(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.cap)
    }

    fn opens(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.opens)
    }

    /// Whether token `i` follows the previous one without space.
    fn joined(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.spaced)
    }

    fn punct(&self, i: usize, c: char) -> bool {
        self.kind(i) == Some(Kind::Punct) && self.w(i).starts_with(c)
    }

    fn apos(&self, i: usize) -> bool {
        self.punct(i, '\'') || self.punct(i, '\u{2019}')
    }

    fn dash(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Punct)
            && self
                .w(i)
                .starts_with(['-', '\u{2010}', '\u{2011}', '\u{2013}'])
    }

    /// Whether token `i` continues the previous one: a joined word, number, `/` or hyphen.
    fn continues(&self, i: usize) -> bool {
        self.joined(i) && (self.kind(i) != Some(Kind::Punct) || self.dash(i) || self.punct(i, '/'))
    }

    /// Whether token `i` starts with an ASCII digit.
    fn lead_digit(&self, i: usize) -> bool {
        self.w(i).as_bytes().first().is_some_and(u8::is_ascii_digit)
    }

    /// `k + 1` when token `k` is a hyphen joining two words ("four-year"), else `k`.
    fn sep(&self, k: usize) -> usize {
        let joins = self.dash(k)
            && self.joined(k)
            && self.joined(k + 1)
            && self.kind(k + 1).is_some_and(|n| n != Kind::Punct);
        if joins { k + 1 } else { k }
    }

    /// Whether a phrase ends before token `i`: the end, or punctuation.
    fn ends_phrase(&self, i: usize) -> bool {
        match self.kind(i) {
            None => true,
            Some(Kind::Punct) => !self.apos(i) && !self.dash(i),
            Some(_) => false,
        }
    }

    /// Whether a noun-like phrase may end before token `i` ("the future of", "the past.").
    fn phrase_ok(&self, i: usize) -> bool {
        self.ends_phrase(i) || FUNCTION_WORDS.contains(&self.w(i))
    }

    /// Whether number `i` continues a digit group ("1,500" at "500").
    fn after_digit_group(&self, i: usize) -> bool {
        i >= 2
            && self.joined(i)
            && self.joined(i - 1)
            && (self.punct(i - 1, ',') || self.punct(i - 1, '.'))
            && self.is_num(i - 2)
    }

    /// Whether a digit group continues number `i` ("1,500" at "1").
    fn digit_group_follows(&self, i: usize) -> bool {
        self.joined(i + 1)
            && (self.punct(i + 1, ',') || self.punct(i + 1, '.'))
            && self.joined(i + 2)
            && self.is_num(i + 2)
    }

    /// A four-digit number.
    fn year4(&self, i: usize) -> Option<i32> {
        let w = self.w(i);
        if self.is_num(i) && w.len() == 4 {
            w.parse().ok()
        } else {
            None
        }
    }

    /// A day of the month: "23", "23rd", "1st".
    fn day_num(&self, i: usize) -> Option<u32> {
        let w = self.w(i);
        let n = w.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 || n > 2 {
            return None;
        }
        let (num, suffix) = w.split_at(n);
        if !matches!(suffix, "" | "st" | "nd" | "rd" | "th")
            || self.after_digit_group(i)
            || self.digit_group_follows(i)
            || (self.punct(i + 1, ':') && self.joined(i + 1))
        {
            return None;
        }
        let d: u32 = num.parse().ok()?;
        (1..=31).contains(&d).then_some(d)
    }

    // ---- dispatch

    /// The expression starting at token `i`, if any.
    fn at(&self, i: usize) -> Option<Cand> {
        let c = match self.kind(i)? {
            Kind::Punct => return None,
            Kind::Num => self.numeric(i),
            Kind::Word if self.lead_digit(i) => self.numeric(i),
            Kind::Word => self.word(i),
        }?;
        Some(self.attach(c))
    }

    /// Patterns that start with a number.
    fn numeric(&self, i: usize) -> Option<Cand> {
        self.iso_date(i)
            .or_else(|| self.slash_date(i))
            .or_else(|| self.day_month(i))
            .or_else(|| self.clock_phrase(i))
            .or_else(|| self.decade(i))
            .or_else(|| self.year(i, false))
            .or_else(|| self.duration(i))
    }

    /// Patterns that start with a word.
    fn word(&self, i: usize) -> Option<Cand> {
        let keyword = match self.w(i) {
            "the" => self.the_phrase(i),
            "this" | "last" | "next" | "that" => self.deictic(i),
            "early" | "late" | "mid" | "earlier" | "later" => self.modified(i),
            "today" | "yesterday" | "tomorrow" | "tonight" => self.relative_day(i),
            "every" | "each" | "once" | "twice" | "daily" | "weekly" | "monthly" | "annually"
            | "yearly" | "hourly" | "quarterly" => self.set(i),
            "recently" | "lately" | "formerly" | "previously" | "recent" | "now" | "currently"
            | "nowadays" | "presently" | "present" | "soon" | "shortly" | "upcoming"
            | "forthcoming" | "future" | "these" | "those" => self.vague(i),
            "noon" | "midday" | "midnight" => self.clock_phrase(i),
            _ => None,
        };
        keyword
            .or_else(|| self.names(i))
            .or_else(|| self.duration(i))
    }

    /// Capitalised names: holidays, months, weekdays, quarters; and seasons.
    fn names(&self, i: usize) -> Option<Cand> {
        let w = self.w(i);
        if self.cap(i) {
            if let Some((h, e)) = self.holiday(i) {
                return Some(Cand::new(i, e, What::Day(Day::Holiday(h, Pick::Tense))));
            }
            if month_word(w).is_some() {
                return self.month(i, false);
            }
            if weekday_word(w).is_some() {
                return self.weekday(i);
            }
            if let Some(c) = self.quarter_code(i) {
                return Some(c);
            }
            if let Some((wd, false)) = w.strip_suffix('s').and_then(weekday_word) {
                return Some(Cand::new(i, i + 1, What::EveryWeekday(wd)));
            }
        }
        self.season(i, false)
    }

    /// A day expression followed by a part of day ("Friday night") or a clock time
    /// ("Friday at 3 p.m.") takes it in.
    fn attach(&self, mut c: Cand) -> Cand {
        if !matches!(c.what, What::Day(_)) || c.clock.is_some() {
            return c;
        }
        if c.part.is_none()
            && !self.cap(c.end)
            && let Some(part) = part_word(self.w(c.end))
        {
            c.part = Some(part);
            c.end += 1;
        }
        let j = if self.w(c.end) == "at" {
            c.end + 1
        } else {
            c.end
        };
        if let Some((h, m, e)) = self.clock(j) {
            c.clock = Some((h, m));
            c.end = e;
        }
        c
    }

    // ---- absolute dates

    /// `2025-11-23`.
    fn iso_date(&self, i: usize) -> Option<Cand> {
        let y = self.year4(i)?;
        let shape = self.dash(i + 1)
            && self.dash(i + 3)
            && (i + 1..=i + 4).all(|k| self.joined(k))
            && self.is_num(i + 2)
            && self.is_num(i + 4)
            && self.w(i + 2).len() == 2
            && self.w(i + 4).len() == 2;
        if !shape || self.after_digit_group(i) || self.continues(i + 5) {
            return None;
        }
        let date =
            NaiveDate::from_ymd_opt(y, self.w(i + 2).parse().ok()?, self.w(i + 4).parse().ok()?)?;
        Some(Cand::new(i, i + 5, What::Day(Day::Abs(date))))
    }

    /// `11/23/2025` (month first, unless the first number cannot be a month).
    fn slash_date(&self, i: usize) -> Option<Cand> {
        let shape = self.punct(i + 1, '/')
            && self.punct(i + 3, '/')
            && (i + 1..=i + 4).all(|k| self.joined(k))
            && self.is_num(i)
            && self.is_num(i + 2)
            && self.w(i).len() <= 2
            && self.w(i + 2).len() <= 2;
        let y = self.year4(i + 4)?;
        if !shape || self.continues(i + 5) {
            return None;
        }
        let a: u32 = self.w(i).parse().ok()?;
        let b: u32 = self.w(i + 2).parse().ok()?;
        let (m, d) = if a > 12 { (b, a) } else { (a, b) };
        let date = NaiveDate::from_ymd_opt(y, m, d)?;
        Some(Cand::new(i, i + 5, What::Day(Day::Abs(date))))
    }

    /// `23 November 2025`, `23 Nov`, `23rd of November`.
    fn day_month(&self, i: usize) -> Option<Cand> {
        let d = self.day_num(i)?;
        let mut j = i + 1;
        if self.w(j) == "of" {
            j += 1;
        }
        if !self.cap(j) {
            return None;
        }
        let (m, abbr) = month_word(self.w(j))?;
        let mut e = j + 1;
        if abbr && self.punct(e, '.') && self.joined(e) {
            e += 1;
        }
        self.finish_date(i, e, m, d)
    }

    /// A month and day, then perhaps a year at `e`.
    fn finish_date(&self, start: usize, e: usize, m: u32, d: u32) -> Option<Cand> {
        if let Some((y, ye)) = self.year_after(e) {
            let date = NaiveDate::from_ymd_opt(y, m, d)?;
            return Some(Cand::new(start, ye, What::Day(Day::Abs(date))));
        }
        // Any year will do to check the day: 2000 is a leap year.
        NaiveDate::from_ymd_opt(2000, m, d)?;
        Some(Cand::new(start, e, What::Day(Day::OfMonth(m, d))))
    }

    /// A year after a date, perhaps after a comma: ", 2025".
    fn year_after(&self, e: usize) -> Option<(i32, usize)> {
        let k = if self.punct(e, ',') { e + 1 } else { e };
        let y = self.year4(k)?;
        if !(1000..=2999).contains(&y) || self.digit_group_follows(k) {
            return None;
        }
        Some((y, k + 1))
    }

    /// A month: with a day ("Nov. 23, 2025", "November 23rd"), with a year ("October
    /// 2024"), or alone ("October"; "May" and sentence-initial "March" only with a cue
    /// such as "in" before them, or `cued`).
    fn month(&self, i: usize, cued: bool) -> Option<Cand> {
        if !self.cap(i) {
            return None;
        }
        let (m, abbr) = month_word(self.w(i))?;
        let mut j = i + 1;
        if abbr && self.punct(j, '.') && self.joined(j) {
            j += 1;
        }
        if let Some(d) = self.day_num(j) {
            return self.finish_date(i, j + 1, m, d);
        }
        let k = if self.w(j) == "of" { j + 1 } else { j };
        if let Some(y) = self.year4(k)
            && (1000..=2999).contains(&y)
            && !self.digit_group_follows(k)
        {
            return Some(Cand::new(i, k + 1, What::MonthYear(y, m)));
        }
        if abbr {
            return None;
        }
        // "May" and sentence-initial "March" need a cue; any month before a name is a
        // given name ("April Ryan") unless a cue says otherwise.
        let before_name = self.cap(i + 1) && self.kind(i + 1) == Some(Kind::Word);
        let needs_cue = m == 5 || (m == 3 && self.opens(i)) || before_name;
        if needs_cue && !cued && !self.month_cue(i) {
            return None;
        }
        Some(Cand::new(i, i + 1, What::MonthName(m, Pick::Tense)))
    }

    /// Whether the word before month `i` marks it as a month.
    fn month_cue(&self, i: usize) -> bool {
        let p = self.prev_w(i);
        if MONTH_CUES.contains(&p) {
            return true;
        }
        matches!(p, "and" | "or" | "to" | "-" | "\u{2013}")
            && i >= 2
            && self.cap(i - 2)
            && month_word(self.w(i - 2)).is_some()
    }

    /// A weekday name, or an abbreviation with its stop: the weekday and the token after.
    fn weekday_name(&self, i: usize) -> Option<(Weekday, usize)> {
        if !self.cap(i) {
            return None;
        }
        let (wd, abbr) = weekday_word(self.w(i))?;
        if !abbr {
            return Some((wd, i + 1));
        }
        (self.punct(i + 1, '.') && self.joined(i + 1)).then_some((wd, i + 2))
    }

    /// A weekday, resolved by tense; before a date ("Friday, Nov. 21") the date decides.
    fn weekday(&self, i: usize) -> Option<Cand> {
        let (wd, end) = self.weekday_name(i)?;
        if (self.cap(end) && NEWSPAPERS.contains(&self.w(end)))
            || (self.cap(i.wrapping_sub(1)) && matches!(self.prev_w(i), "bloody" | "super"))
        {
            return None;
        }
        let k = if self.punct(end, ',') { end + 1 } else { end };
        if let Some(c) = self.absolute_day(k) {
            return Some(c.from(i));
        }
        let abbr = end == i + 2;
        if abbr
            && !matches!(
                self.prev_w(i),
                "on" | "last" | "next" | "this" | "since" | "by" | "until"
            )
        {
            return None;
        }
        Some(Cand::new(i, end, What::Day(Day::Weekday(wd, Pick::Tense))))
    }

    /// A date with a day at `k`: month first, day first, or ISO.
    fn absolute_day(&self, k: usize) -> Option<Cand> {
        let c = if self.cap(k) && month_word(self.w(k)).is_some() {
            self.month(k, true)
        } else if self.lead_digit(k) {
            self.day_month(k).or_else(|| self.iso_date(k))
        } else {
            None
        }?;
        matches!(c.what, What::Day(_)).then_some(c)
    }

    /// A holiday name and the token after it.
    fn holiday(&self, i: usize) -> Option<(Holiday, usize)> {
        if !self.cap(i) {
            return None;
        }
        let n = self.w(i + 1);
        let next_cap = self.cap(i + 1);
        let day_after = |h: Holiday| (n == "day" && next_cap).then_some((h, i + 2));
        match self.w(i) {
            "thanksgiving" => Some((
                Holiday::Thanksgiving,
                if n == "day" && next_cap { i + 2 } else { i + 1 },
            )),
            "christmas" => Some(match n {
                "eve" if next_cap => (Holiday::ChristmasEve, i + 2),
                "day" if next_cap => (Holiday::Christmas, i + 2),
                _ => (Holiday::Christmas, i + 1),
            }),
            "new" if n == "year" && next_cap => self.new_year(i),
            "easter" => Some(match n {
                "sunday" if next_cap => (Holiday::Easter, i + 2),
                "monday" if next_cap => (Holiday::EasterMonday, i + 2),
                _ => (Holiday::Easter, i + 1),
            }),
            "orthodox" if n == "easter" && next_cap => {
                let sunday = self.w(i + 2) == "sunday" && self.cap(i + 2);
                Some((Holiday::OrthodoxEaster, if sunday { i + 3 } else { i + 2 }))
            }
            "good" if n == "friday" && next_cap => Some((Holiday::GoodFriday, i + 2)),
            "black" if n == "friday" && next_cap => Some((Holiday::BlackFriday, i + 2)),
            "cyber" if n == "monday" && next_cap => Some((Holiday::CyberMonday, i + 2)),
            "halloween" => Some((Holiday::Halloween, i + 1)),
            "independence" => day_after(Holiday::IndependenceDay),
            "victory" => day_after(Holiday::VictoryDay),
            "labor" | "labour" => day_after(Holiday::LaborDay),
            "memorial" => day_after(Holiday::MemorialDay),
            "boxing" => day_after(Holiday::BoxingDay),
            "veterans" | "valentines" => {
                let h = if self.w(i) == "veterans" {
                    Holiday::VeteransDay
                } else {
                    Holiday::Valentines
                };
                let k = if self.apos(i + 1) { i + 2 } else { i + 1 };
                (self.w(k) == "day" && self.cap(k)).then_some((h, k + 1))
            }
            "valentine" => {
                let k = i + 3;
                let shape = self.apos(i + 1) && self.w(i + 2) == "s";
                (shape && self.w(k) == "day" && self.cap(k)).then_some((Holiday::Valentines, k + 1))
            }
            _ => None,
        }
    }

    /// "New Year", "New Year's Day", "New Year's Eve" at `i`.
    fn new_year(&self, i: usize) -> Option<(Holiday, usize)> {
        if matches!(self.prev_w(i), "lunar" | "chinese") {
            return None;
        }
        let mut e = i + 2;
        if self.apos(e) && self.joined(e) && self.w(e + 1) == "s" {
            e += 2;
        }
        Some(match self.w(e) {
            "day" if self.cap(e) => (Holiday::NewYearsDay, e + 1),
            "eve" if self.cap(e) => (Holiday::NewYearsEve, e + 1),
            _ => (Holiday::NewYearsDay, e),
        })
    }

    // ---- years, decades, seasons, quarters

    /// A year standing as a year: 1900–2099 with a cue (or `cued`).
    fn year(&self, i: usize, cued: bool) -> Option<Cand> {
        let y = self.year4(i)?;
        if !(1900..=2099).contains(&y) || self.after_digit_group(i) || self.digit_group_follows(i) {
            return None;
        }
        if self.dash(i + 1) && self.joined(i + 1) && self.joined(i + 2) && self.is_num(i + 2) {
            let m: u32 = self.w(i + 2).parse().ok()?;
            if self.w(i + 2).len() == 2 && (1..=12).contains(&m) {
                return Some(Cand::new(i, i + 3, What::MonthYear(y, m)));
            }
        }
        (cued || self.year_cue(i)).then(|| Cand::new(i, i + 1, What::YearAbs(y)))
    }

    /// Whether the context of number `i` makes it a year.
    fn year_cue(&self, i: usize) -> bool {
        let p = self.prev_w(i);
        let strong = matches!(
            p,
            "in" | "since"
                | "by"
                | "until"
                | "till"
                | "before"
                | "after"
                | "during"
                | "through"
                | "throughout"
                | "early"
                | "late"
                | "mid"
                | "year"
                | "fiscal"
        );
        let year_before = i >= 2
            && self
                .year4(i - 2)
                .is_some_and(|y| (1900..=2099).contains(&y));
        let range = year_before
            && (matches!(p, "and" | "or" | "to" | "through" | "until")
                || (self.dash(i - 1) && self.joined(i - 1) && self.joined(i)));
        let possessive = self.apos(i + 1) && self.joined(i + 1) && self.w(i + 2) == "s";
        let opening = self.opens(i) && self.punct(i + 1, ',');
        let range_after = self.dash(i + 1) && self.year4(i + 2).is_some();
        let weak = matches!(p, "of" | "from" | "to" | "between" | "around")
            && (self.phrase_ok(i + 1) || self.cap(i + 1) || range_after);
        strong || range || possessive || opening || weak
    }

    /// `1990s`: the decade's first three digits.
    fn decade(&self, i: usize) -> Option<Cand> {
        let digits = self.w(i).strip_suffix('s')?;
        let y: i32 = digits.parse().ok()?;
        let ok = digits.len() == 4 && (1900..=2099).contains(&y) && y % 10 == 0;
        ok.then(|| Cand::new(i, i + 1, What::Decade(y / 10)))
    }

    /// A season with a year ("summer 2025", "spring of 2025"), or after "in" or a
    /// modifier (`cued`).
    fn season(&self, i: usize, cued: bool) -> Option<Cand> {
        let s = season_word(self.w(i))?;
        let k = if self.w(i + 1) == "of" { i + 2 } else { i + 1 };
        if let Some(y) = self.year4(k)
            && (1000..=2999).contains(&y)
            && !self.digit_group_follows(k)
        {
            return Some(Cand::new(i, k + 1, What::SeasonYear(s, y)));
        }
        let fall = self.w(i) == "fall";
        let in_cue = !fall
            && matches!(
                self.prev_w(i),
                "in" | "by" | "until" | "since" | "during" | "through"
            );
        if !(cued || in_cue) || self.w(i + 1) == "of" {
            return None;
        }
        Some(Cand::new(i, i + 1, What::Season(s, Pick::Tense)))
    }

    /// `Q4`, `Q4 2025`.
    fn quarter_code(&self, i: usize) -> Option<Cand> {
        let q = match self.w(i) {
            "q1" => 1,
            "q2" => 2,
            "q3" => 3,
            "q4" => 4,
            _ => return None,
        };
        match self.year4(i + 1) {
            Some(y) if (1000..=2999).contains(&y) => {
                Some(Cand::new(i, i + 2, What::QuarterOf(q, Some(y))))
            }
            _ => Some(Cand::new(i, i + 1, What::QuarterOf(q, None))),
        }
    }

    // ---- relative expressions

    /// today, yesterday, tomorrow, tonight.
    fn relative_day(&self, i: usize) -> Option<Cand> {
        let n = match self.w(i) {
            "today" | "tonight" => 0,
            "yesterday" => -1,
            "tomorrow" => 1,
            _ => return None,
        };
        let c = Cand::new(i, i + 1, What::Day(Day::Shift(Base::Dct, n)));
        Some(if self.w(i) == "tonight" {
            c.with_part("TNI")
        } else {
            c
        })
    }

    /// this / last / next / that + a unit, weekday, month, season, holiday or part of day.
    fn deictic(&self, i: usize) -> Option<Cand> {
        let d = self.w(i);
        let j = i + 1;
        let n = self.w(j);
        let (base, off, pick) = match d {
            "this" => (Base::Dct, 0, Pick::This),
            "last" => (Base::Dct, -1, Pick::Last),
            "next" => (Base::Dct, 1, Pick::Next),
            "that" => (Base::Anchor, 0, Pick::This),
            _ => return None,
        };
        if let Some(what) = unit_what(n, base, off) {
            if self.dash(j + 1) && self.joined(j + 1) {
                return None;
            }
            return Some(Cand::new(i, j + 1, what));
        }
        if let Some(part) = part_word(n) {
            let (base, n) = match (d, part) {
                ("this", "TNI") => return None,
                ("this", _) => (Base::Dct, 0),
                ("last", "TNI" | "TEV") => (Base::Dct, -1),
                ("that", _) => (Base::Anchor, 0),
                _ => return None,
            };
            return Some(Cand::new(i, j + 1, What::Day(Day::Shift(base, n))).with_part(part));
        }
        if d == "that" {
            return match (n, self.w(j + 1)) {
                ("day", _) => Some(Cand::new(i, j + 1, What::Day(Day::Shift(Base::Anchor, 0)))),
                ("same", "day") => {
                    Some(Cand::new(i, j + 2, What::Day(Day::Shift(Base::Anchor, 0))))
                }
                _ => None,
            };
        }
        if let Some((wd, e)) = self.weekday_name(j) {
            return Some(Cand::new(i, e, What::Day(Day::Weekday(wd, pick))));
        }
        if self.cap(j)
            && let Some((m, false)) = month_word(n)
        {
            return Some(Cand::new(i, j + 1, What::MonthName(m, pick)));
        }
        if let Some(s) = season_word(n) {
            return Some(Cand::new(i, j + 1, What::Season(s, pick)));
        }
        let (h, e) = self.holiday(j)?;
        Some(Cand::new(i, e, What::Day(Day::Holiday(h, pick))))
    }

    /// early / late / mid- / earlier / later + an expression, with the same value.
    fn modified(&self, i: usize) -> Option<Cand> {
        let m = self.w(i);
        let hyphen = self.dash(i + 1) && self.joined(i + 1) && self.joined(i + 2);
        let j = if m == "mid" && hyphen { i + 2 } else { i + 1 };
        let inner = if matches!(m, "earlier" | "later") {
            match self.w(j) {
                "this" | "that" => self.deictic(j),
                "today" | "tonight" | "tomorrow" | "yesterday" => self.relative_day(j),
                _ => self.weekday(j),
            }
        } else {
            self.calendar(j)
        }?;
        Some(inner.from(i))
    }

    /// What early / late / mid may modify.
    fn calendar(&self, j: usize) -> Option<Cand> {
        let w = self.w(j);
        match w {
            "this" | "last" | "next" => self.deictic(j),
            "today" | "tonight" | "tomorrow" | "yesterday" => self.relative_day(j),
            _ if self.is_num(j) => self.year(j, true),
            _ if self.lead_digit(j) => self.decade(j),
            _ if self.cap(j) && month_word(w).is_some() => self.month(j, true),
            _ if self.cap(j) && weekday_word(w).is_some() => self.weekday(j),
            _ => self.season(j, true),
        }
    }

    /// Phrases that open with "the".
    fn the_phrase(&self, i: usize) -> Option<Cand> {
        let j = i + 1;
        let n = self.w(j);
        let m = self.w(j + 1);
        let anchor = |end, n| Some(Cand::new(i, end, What::Day(Day::Shift(Base::Anchor, n))));
        match n {
            "next" | "following" | "previous" | "preceding" | "same" => self.the_relative(i),
            "day" | "night" => {
                let night = n == "night";
                match (m, self.w(j + 2)) {
                    ("before", "yesterday") if !night => {
                        Some(Cand::new(i, j + 3, What::Day(Day::Shift(Base::Dct, -2))))
                    }
                    ("after", "tomorrow") if !night => {
                        Some(Cand::new(i, j + 3, What::Day(Day::Shift(Base::Dct, 2))))
                    }
                    ("before" | "after", _) if self.ends_phrase(j + 2) => {
                        let c = anchor(j + 2, if m == "before" { -1 } else { 1 })?;
                        Some(if night { c.with_part("TNI") } else { c })
                    }
                    _ => None,
                }
            }
            "week" if m == "of" => {
                let c = self.absolute_day(j + 2)?;
                let What::Day(day) = c.what else { return None };
                Some(Cand::new(i, c.end, What::WeekOf(day)))
            }
            "week" | "month" | "year"
                if matches!(m, "before" | "after") && self.ends_phrase(j + 2) =>
            {
                let off = if m == "before" { -1 } else { 1 };
                Some(Cand::new(i, j + 2, unit_what(n, Base::Anchor, off)?))
            }
            "weekend" => Some(Cand::new(i, j + 1, What::WeekendTense)),
            "coming" => match unit_word(m) {
                Some((_, true)) => Some(Cand::new(i, j + 2, What::Ref(FUTURE))),
                _ if m == "weekend" => Some(Cand::new(i, j + 2, What::Week(Base::Dct, 0, true))),
                _ => Some(Cand::new(i, j + 2, unit_what(m, Base::Dct, 1)?)),
            },
            "past" | "last" => self.duration_at(i, j + 1, true).or_else(|| {
                (n == "past" && self.phrase_ok(j + 1)).then(|| Cand::new(i, j + 1, What::Ref(PAST)))
            }),
            "near" if m == "future" => Some(Cand::new(i, j + 2, What::Ref(FUTURE))),
            "future" if self.phrase_ok(j + 1) => Some(Cand::new(i, j + 1, What::Ref(FUTURE))),
            "present" if m == "day" => Some(Cand::new(i, j + 2, What::Ref(PRESENT))),
            "present" if self.phrase_ok(j + 1) => Some(Cand::new(i, j + 1, What::Ref(PRESENT))),
            "moment" if self.prev_w(i) == "at" && self.phrase_ok(j + 1) => {
                Some(Cand::new(i, j + 1, What::Ref(PRESENT)))
            }
            "other" if m == "day" => Some(Cand::new(i, j + 2, What::Ref(PAST))),
            "early" | "late" | "mid" => {
                let c = self.modified(j)?;
                matches!(c.what, What::Decade(_)).then(|| c.from(i))
            }
            _ => self.the_calendar(i),
        }
    }

    /// the next / following / previous / same + day, part of day, unit or weekday.
    fn the_relative(&self, i: usize) -> Option<Cand> {
        let j = i + 1;
        let n = self.w(j);
        let m = self.w(j + 1);
        let off = match n {
            "next" | "following" => 1,
            "previous" | "preceding" => -1,
            _ => 0,
        };
        let day = What::Day(Day::Shift(Base::Anchor, off));
        if m == "day" {
            return Some(Cand::new(i, j + 2, day));
        }
        if let Some(part) = part_word(m) {
            return Some(Cand::new(i, j + 2, day).with_part(part));
        }
        if n != "next"
            && let Some(what) = unit_what(m, Base::Anchor, off)
        {
            return Some(Cand::new(i, j + 2, what));
        }
        if off != 0
            && let Some((wd, e)) = self.weekday_name(j + 1)
        {
            let pick = if off > 0 {
                Pick::AfterAnchor
            } else {
                Pick::BeforeAnchor
            };
            return Some(Cand::new(i, e, What::Day(Day::Weekday(wd, pick))));
        }
        if n == "next" {
            return self.duration_at(i, j + 1, true);
        }
        None
    }

    /// the + season, quarter, decade or ordinal date.
    fn the_calendar(&self, i: usize) -> Option<Cand> {
        let j = i + 1;
        let n = self.w(j);
        if let Some(s) = season_word(n) {
            if self.w(j + 1) == "of" {
                let c = self.season(j, false)?;
                return matches!(c.what, What::SeasonYear(..)).then(|| c.from(i));
            }
            return (n != "fall").then(|| Cand::new(i, j + 1, What::Season(s, Pick::Tense)));
        }
        if let Some(q) = quarter_ordinal(n)
            && self.w(j + 1) == "quarter"
        {
            let k = j + 3;
            return Some(match self.year4(k) {
                Some(y) if self.w(j + 2) == "of" => {
                    Cand::new(i, k + 1, What::QuarterOf(q, Some(y)))
                }
                _ => Cand::new(i, j + 2, What::QuarterOf(q, None)),
            });
        }
        if let Some(c) = self.decade(j) {
            return Some(c.from(i));
        }
        if let Some(y) = self.year4(j)
            && self.apos(j + 1)
            && self.w(j + 2) == "s"
            && y % 10 == 0
            && (1900..=2099).contains(&y)
        {
            return Some(Cand::new(i, j + 3, What::Decade(y / 10)));
        }
        if self.lead_digit(j) {
            return self.day_month(j).map(|c| c.from(i));
        }
        None
    }

    // ---- vague references and sets

    /// recently, now, soon and their kin.
    fn vague(&self, i: usize) -> Option<Cand> {
        let next = self.w(i + 1);
        let one = |value| Some(Cand::new(i, i + 1, What::Ref(value)));
        match self.w(i) {
            "recently" | "lately" | "formerly" | "previously" => one(PAST),
            "recent" => match unit_word(next) {
                Some((_, true)) => Some(Cand::new(i, i + 2, What::Ref(PAST))),
                _ => one(PAST),
            },
            "now" if !(self.dash(i + 1) && self.joined(i + 1)) => one(PRESENT),
            "currently" | "nowadays" | "presently" => one(PRESENT),
            "present" if self.prev_w(i) == "at" => one(PRESENT),
            "soon"
                if self.prev_w(i) != "as"
                    && !matches!(
                        next,
                        "after" | "afterwards" | "afterward" | "thereafter" | "as"
                    ) =>
            {
                one(FUTURE)
            }
            "shortly" if !matches!(next, "after" | "before" | "thereafter" | "afterwards") => {
                one(FUTURE)
            }
            "upcoming" | "forthcoming" => one(FUTURE),
            "future" if self.prev_w(i) == "in" && self.phrase_ok(i + 1) => one(FUTURE),
            "these" if next == "days" => Some(Cand::new(i, i + 2, What::Ref(PRESENT))),
            "those" if next == "days" => Some(Cand::new(i, i + 2, What::Ref(PAST))),
            _ => None,
        }
    }

    /// every week, each day, once a month, daily, weekly, …
    fn set(&self, i: usize) -> Option<Cand> {
        let w = self.w(i);
        let every = |amount, unit, end| Some(Cand::new(i, end, What::Every(amount, unit)));
        let j = i + 1;
        match w {
            "every" | "each" => {
                if let Some((wd, e)) = self.weekday_name(j) {
                    return Some(Cand::new(i, e, What::EveryWeekday(wd)));
                }
                if self.w(j) == "other"
                    && let Some((u, false)) = unit_word(self.w(j + 1))
                {
                    return every(Amount::N(2.0), u, j + 2);
                }
                if let Some((u, false)) = unit_word(self.w(j)) {
                    return every(Amount::N(1.0), u, j + 1);
                }
                let a = self.amount(j).filter(|a| !a.article && w == "every")?;
                let k = self.sep(a.end);
                let (u, _) = unit_word(self.w(k))?;
                every(a.value, u, k + 1)
            }
            "once" | "twice" => {
                let (u, plural) = unit_word(self.w(j + 1))?;
                let ok = matches!(self.w(j), "a" | "an" | "per" | "every") && !plural;
                if ok {
                    every(Amount::N(1.0), u, j + 2)
                } else {
                    None
                }
            }
            _ => {
                if self.cap(i) && !self.opens(i) {
                    return None;
                }
                let (n, u) = match w {
                    "daily" => (1.0, Unit::Day),
                    "weekly" => (1.0, Unit::Week),
                    "monthly" => (1.0, Unit::Month),
                    "annually" | "yearly" => (1.0, Unit::Year),
                    "hourly" => (1.0, Unit::Hour),
                    "quarterly" => (3.0, Unit::Month),
                    _ => return None,
                };
                every(Amount::N(n), u, j)
            }
        }
    }

    // ---- durations

    /// A duration starting at `i`, or a date it makes ("three days ago").
    fn duration(&self, i: usize) -> Option<Cand> {
        self.duration_at(i, i, false)
    }

    /// A duration whose span starts at `start` and whose modifiers or amount start at
    /// `k`. With `implied`, a unit without an amount counts one ("the past week") and no
    /// "ago"/"later" follows.
    fn duration_at(&self, start: usize, k: usize, implied: bool) -> Option<Cand> {
        let (k, modifier) = self.skip_modifiers(k);
        let amt = self.amount(k);
        let (mut value, article, uk) = match amt {
            Some(a) => (a.value, a.article, self.sep(a.end)),
            None => (Amount::Few, false, k),
        };
        let (unit, plural) = unit_word(self.w(uk))?;
        let small = matches!(unit, Unit::Second | Unit::Minute);
        if amt.is_none() {
            if implied && !plural && !small {
                value = Amount::N(1.0);
            } else if !plural
                || implied
                || modifier.is_some()
                || small
                || (self.cap(uk) && !self.opens(uk))
                || matches!(
                    self.prev_w(uk),
                    "the" | "these" | "those" | "recent" | "coming"
                )
            {
                return None;
            }
        }
        if (article && small) || (modifier == Some("some") && (article || value == Amount::Few)) {
            return None;
        }
        let mut end = uk + 1;
        if let Amount::N(n) = value
            && self.w(end) == "and"
            && self.w(end + 1) == "a"
            && self.w(end + 2) == "half"
        {
            value = Amount::N(n + 0.5);
            end += 3;
        }
        if !implied && let Some(c) = self.relation(start, end, value, unit, amt.is_none()) {
            return Some(c);
        }
        Some(Cand::new(start, end, What::Duration(value, unit)))
    }

    /// Modifiers before an amount: the token after them, and the first modifier.
    fn skip_modifiers(&self, k: usize) -> (usize, Option<&'a str>) {
        let w = self.w(k);
        let next = self.w(k + 1);
        let skip = match w {
            "nearly" | "almost" | "about" | "around" | "roughly" | "approximately" | "just"
            | "only" | "barely" | "another" | "some" => 1,
            "more" | "less" | "fewer" if next == "than" => 2,
            "at" if matches!(next, "least" | "most") => 2,
            "up" if next == "to" => 2,
            _ => 0,
        };
        if skip == 0 {
            (k, None)
        } else {
            (k + skip, Some(w))
        }
    }

    /// The duration `value unit` ending at `end` made a date: "ago", "later", "earlier",
    /// "from now", or after "in" ("in three days"). Vague amounts make PAST_REF or
    /// FUTURE_REF, or are consumed untagged after "later"/"earlier".
    fn relation(
        &self,
        start: usize,
        end: usize,
        value: Amount,
        unit: Unit,
        bare: bool,
    ) -> Option<Cand> {
        let r = self.w(end);
        let (base, sign, e) = match r {
            "ago" => (Base::Dct, -1, end + 1),
            "later" | "afterwards" | "afterward" => (Base::Anchor, 1, end + 1),
            "earlier" => (Base::Anchor, -1, end + 1),
            "after" | "before" if self.ends_phrase(end + 1) => {
                (Base::Anchor, if r == "after" { 1 } else { -1 }, end + 1)
            }
            "from" if self.w(end + 1) == "now" => (Base::Dct, 1, end + 2),
            _ => {
                // "in three days", "in a year's time"
                let calendar = matches!(unit, Unit::Day | Unit::Week | Unit::Month | Unit::Year);
                let time = self.apos(end) && self.w(end + 1) == "s" && self.w(end + 2) == "time";
                let ok = self.prev_w(start) == "in"
                    && calendar
                    && !bare
                    && r != "of"
                    && (time || !self.apos(end));
                if !ok {
                    return None;
                }
                (Base::Dct, 1, if time { end + 3 } else { end })
            }
        };
        let n = match value {
            Amount::N(n) if n.fract() == 0.0 && (0.0..=10000.0).contains(&n) => n as i64 * sign,
            _ => {
                let what = match (base, sign) {
                    (Base::Dct, -1) => What::Ref(PAST),
                    (Base::Dct, _) if !bare => What::Ref(FUTURE),
                    _ => What::Skip,
                };
                return Some(Cand::new(start, e, what));
            }
        };
        let what = match unit {
            Unit::Second | Unit::Minute => What::Day(Day::Shift(base, 0)),
            Unit::Hour => What::Day(Day::Shift(base, n / 24)),
            Unit::Day => What::Day(Day::Shift(base, n)),
            Unit::Week => What::Week(base, n, false),
            Unit::Fortnight => What::Week(base, 2 * n, false),
            Unit::Month => What::Month(base, n),
            Unit::Year => What::Year(base, n),
            Unit::Decade => What::Year(base, 10 * n),
            Unit::Century => What::Year(base, 100 * n),
        };
        Some(Cand::new(start, e, what))
    }

    /// An amount at `k`: digits ("24", "1,500", "2.5"), number words ("twenty-five"), "a",
    /// "half", "a couple of", "several"; with "and a half" after it.
    fn amount(&self, k: usize) -> Option<Amt> {
        let w = self.w(k);
        let (mut value, article, mut e) = if self.is_num(k) {
            if self.after_digit_group(k) {
                return None;
            }
            let (n, e) = self.digits_value(k)?;
            (n, false, e)
        } else {
            match w {
                "a" | "an" => match self.w(k + 1) {
                    "few" => return Some(Amt::few(k + 2)),
                    "couple" if self.w(k + 2) == "of" => (2.0, false, k + 3),
                    "couple" => (2.0, false, k + 2),
                    "half" => (0.5, false, k + 2),
                    "dozen" => (12.0, false, k + 2),
                    "hundred" => (100.0, false, k + 2),
                    "thousand" => (1000.0, false, k + 2),
                    _ => (1.0, true, k + 1),
                },
                "half" if matches!(self.w(k + 1), "a" | "an") => (0.5, false, k + 2),
                "half" => (0.5, false, k + 1),
                "several" | "few" | "many" => return Some(Amt::few(k + 1)),
                _ => {
                    let (n, e) = self.word_number(k)?;
                    (n, false, e)
                }
            }
        };
        let a = self.sep(e);
        if self.w(a) == "and" {
            let b = self.sep(a + 1);
            let c = self.sep(b + 1);
            if self.w(b) == "a" && self.w(c) == "half" {
                value += 0.5;
                e = c + 1;
            }
        }
        Some(Amt {
            value: Amount::N(value),
            article,
            end: e,
        })
    }

    /// Digits with thousands groups and decimals.
    fn digits_value(&self, k: usize) -> Option<(f64, usize)> {
        let w = self.w(k);
        if w.len() > 9 {
            return None;
        }
        let mut n: f64 = w.parse().ok()?;
        let mut e = k + 1;
        while self.punct(e, ',')
            && self.joined(e)
            && self.joined(e + 1)
            && self.is_num(e + 1)
            && self.w(e + 1).len() == 3
            && n < 1e9
        {
            n = n * 1000.0 + self.w(e + 1).parse::<f64>().ok()?;
            e += 2;
        }
        if self.punct(e, '.')
            && self.joined(e)
            && self.joined(e + 1)
            && self.is_num(e + 1)
            && self.w(e + 1).len() <= 6
        {
            let frac = format!("0.{}", self.w(e + 1));
            n += frac.parse::<f64>().ok()?;
            e += 2;
        }
        Some((n, e))
    }

    /// A number in words: "four", "twenty-five", "two hundred".
    fn word_number(&self, k: usize) -> Option<(f64, usize)> {
        let mut n = number_word(self.w(k))?;
        let mut e = k + 1;
        if n >= 20 {
            let s = self.sep(e);
            if let Some(u) = number_word(self.w(s)).filter(|u| (1..10).contains(u)) {
                n += u;
                e = s + 1;
            }
        }
        let mut n = f64::from(n);
        match self.w(e) {
            "hundred" => {
                n *= 100.0;
                e += 1;
            }
            "thousand" => {
                n *= 1000.0;
                e += 1;
            }
            _ => {}
        }
        Some((n, e))
    }

    // ---- clock times

    /// A clock time at `i`, joined to a day after it ("3 p.m. on Friday"), else on the
    /// anchor's (or the DCT's) day.
    fn clock_phrase(&self, i: usize) -> Option<Cand> {
        let (h, m, e) = self.clock(i)?;
        let mut j = e;
        if ZONES.contains(&self.w(j)) {
            j += if self.w(j + 1) == "time" { 2 } else { 1 };
        }
        let k = if self.w(j) == "on" { j + 1 } else { j };
        let mut c = self
            .day_at(k)
            .map(|d| d.from(i))
            .unwrap_or_else(|| Cand::new(i, e, What::Day(Day::Shift(Base::Anchor, 0))));
        c.clock = Some((h, m));
        Some(c)
    }

    /// A day expression at `k` that a clock time may belong to.
    fn day_at(&self, k: usize) -> Option<Cand> {
        let c = match self.w(k) {
            "today" | "tomorrow" | "yesterday" | "tonight" => self.relative_day(k),
            "this" | "next" | "last" => self.deictic(k),
            _ => self.weekday(k).or_else(|| self.absolute_day(k)),
        }?;
        matches!(c.what, What::Day(_)).then_some(c)
    }

    /// A clock time: hour, minute, and the token after it. "3 p.m.", "3pm", "3:30 pm",
    /// "15:00", "noon", "midnight" (24:00).
    fn clock(&self, i: usize) -> Option<(u32, u32, usize)> {
        match self.w(i) {
            "noon" | "midday" => return Some((12, 0, i + 1)),
            "midnight" => return Some((24, 0, i + 1)),
            _ => {}
        }
        let after_colon = i >= 1 && self.joined(i) && self.punct(i - 1, ':');
        if self.after_digit_group(i) || after_colon {
            return None;
        }
        let w = self.w(i);
        let n = w.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 || n > 2 {
            return None;
        }
        let (hw, rest) = w.split_at(n);
        let h: u32 = hw.parse().ok()?;
        if !rest.is_empty() {
            return Some((to24(h, meridiem(rest)?)?, 0, i + 1));
        }
        let mut minute = None;
        let mut k = i + 1;
        if self.punct(k, ':') && self.joined(k) && self.joined(k + 1) {
            let mw = self.w(k + 1);
            let digits = mw.bytes().take_while(u8::is_ascii_digit).count();
            if digits != 2 {
                return None;
            }
            let (mm, rest) = mw.split_at(2);
            let mv: u32 = mm.parse().ok()?;
            if mv > 59 {
                return None;
            }
            if !rest.is_empty() {
                return Some((to24(h, meridiem(rest)?)?, mv, k + 2));
            }
            minute = Some(mv);
            k += 2;
            if self.punct(k, ':') && self.joined(k) {
                return None;
            }
        }
        if let Some((pm, e)) = self.meridiem_at(k) {
            return Some((to24(h, pm)?, minute.unwrap_or(0), e));
        }
        match minute {
            Some(mv) if h <= 23 => Some((h, mv, k)),
            _ => None,
        }
    }

    /// "p.m.", "pm", "a.m.", "am" at `k`: whether afternoon, and the token after.
    fn meridiem_at(&self, k: usize) -> Option<(bool, usize)> {
        let w = self.w(k);
        let pm = match w {
            "pm" | "p" => true,
            "am" | "a" => false,
            _ => return None,
        };
        if w.len() == 2 {
            return Some((pm, k + 1));
        }
        let dotted = self.punct(k + 1, '.')
            && self.joined(k + 1)
            && self.joined(k + 2)
            && self.w(k + 2) == "m";
        if !dotted {
            return None;
        }
        let e = if self.punct(k + 3, '.') && self.joined(k + 3) {
            k + 4
        } else {
            k + 3
        };
        Some((pm, e))
    }

    // ---- tense

    /// The tense markers of the paragraph, in token order.
    fn marks(&self, out: &mut Vec<Mark>) {
        out.clear();
        for (i, t) in self.toks.iter().enumerate() {
            if t.kind == Kind::Word
                && (!t.cap || t.opens)
                && let Some(tense) = self.marker(i)
            {
                out.push((i, t.sent, tense));
            }
        }
    }

    /// The tense word `i` marks, if any.
    fn marker(&self, i: usize) -> Option<Tense> {
        let w = self.w(i);
        let next = self.w(i + 1);
        let to = next == "to";
        let future = match w {
            "will" | "shall" | "would" | "might" | "may" | "next" | "upcoming" | "tomorrow"
            | "scheduled" | "slated" | "meets" | "begins" | "starts" | "resumes" | "opens"
            | "arrives" | "travels" | "visits" | "hosts" | "holds" | "ends" | "expires"
            | "convenes" => true,
            // "is on Thursday", "are meeting": a present that speaks of what is to come;
            // not "the text is shorter".
            "is" | "are" | "am" => next == "on" || (next.len() > 4 && next.ends_with("ing")),
            "ll" => i >= 1 && self.apos(i - 1),
            "won" => self.apos(i + 1) && self.w(i + 2) == "t",
            "going" | "expected" | "expects" | "expect" | "plans" | "plan" | "planned"
            | "planning" | "intends" | "intend" | "aims" | "poised" | "supposed" => to,
            "set" | "due" => to && matches!(self.prev_w(i), "is" | "are" | "s"),
            _ => false,
        };
        if future {
            return Some(Tense::Future);
        }
        // A participle after a form of "be" is passive: the auxiliary gives the tense
        // ("will be held", "were held").
        let passive = matches!(
            self.prev_w(i),
            "be" | "being" | "been" | "is" | "are" | "am" | "was" | "were"
        );
        let past = match w {
            "ago" | "yesterday" | "last" | "been" | "previously" | "earlier" => true,
            _ if PAST_VERBS.contains(w) => !passive,
            _ => {
                w.len() >= 4
                    && w.ends_with("ed")
                    && !passive
                    && !NOT_PAST.contains(w)
                    && !(i >= 1 && self.dash(i - 1) && self.joined(i))
            }
        };
        past.then_some(Tense::Past)
    }

    /// Whether the expression at `i` is a deadline ("by Thanksgiving", "until Christmas"),
    /// which the tense of the sentence does not place.
    fn deadline(&self, i: usize) -> bool {
        matches!(self.prev_w(i), "by" | "before" | "until" | "till")
            || (self.prev_w(i) == "of" && i >= 2 && self.w(i - 2) == "ahead")
    }
}

/// An amount, whether it was an article ("a day"), and the token after it.
#[derive(Debug, Clone, Copy)]
struct Amt {
    value: Amount,
    article: bool,
    end: usize,
}

impl Amt {
    fn few(end: usize) -> Amt {
        Amt {
            value: Amount::Few,
            article: false,
            end,
        }
    }
}

/// week / weekend / month / year / quarter so many from `base`.
fn unit_what(n: &str, base: Base, off: i64) -> Option<What> {
    Some(match n {
        "week" => What::Week(base, off, false),
        "weekend" => What::Week(base, off, true),
        "month" => What::Month(base, off),
        "year" => What::Year(base, off),
        "quarter" => What::Quarter(base, off),
        _ => return None,
    })
}

/// "am"/"pm" as a suffix: whether afternoon.
fn meridiem(suffix: &str) -> Option<bool> {
    match suffix {
        "pm" => Some(true),
        "am" => Some(false),
        _ => None,
    }
}

/// A 12-hour clock hour in 24 hours.
fn to24(h: u32, pm: bool) -> Option<u32> {
    if h == 0 || h > 12 {
        return None;
    }
    Some(match (pm, h) {
        (true, 12) => 12,
        (true, h) => h + 12,
        (false, 12) => 0,
        (false, h) => h,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use TimexType::{Date, Duration, Set, Time};

    /// One expected expression: its text, type and value.
    type Want = (&'static str, TimexType, Option<&'static str>);

    /// DCT 2025-11-26, a Wednesday in ISO week 48.
    const WED: Option<&str> = Some("2025-11-26");
    /// DCT 2025-11-25, a Tuesday.
    const TUE: Option<&str> = Some("2025-11-25");
    /// DCT 2025-11-23, a Sunday.
    const SUN: Option<&str> = Some("2025-11-23");

    /// Paragraphs (split at `¶`, tagged in order by one tagger), the DCT, and every
    /// expression expected, in order. Values written by hand from the TimeML rules.
    /// One row a line, so the table stays a table.
    #[rustfmt::skip]
    const ROWS: &[(&str, Option<&str>, &[Want])] = &[
        // Absolute dates.
        ("Talks were held in Geneva on November 23, 2025, officials said.", WED, &[("November 23, 2025", Date, Some("2025-11-23"))]),
        ("The deadline passed on Nov. 23, 2025.", WED, &[("Nov. 23, 2025", Date, Some("2025-11-23"))]),
        ("The summit took place on 23 November 2025 in Geneva.", WED, &[("23 November 2025", Date, Some("2025-11-23"))]),
        ("According to a report dated 2025-11-23, the talks stalled.", WED, &[("2025-11-23", Date, Some("2025-11-23"))]),
        ("Talks resumed on November 24.", WED, &[("November 24", Date, Some("2025-11-24"))]),
        ("The vote is set for Tues., Dec. 2.", WED, &[("Tues., Dec. 2", Date, Some("2025-12-02"))]),
        ("2022, the year of the invasion, changed Europe.", WED, &[("2022", Date, Some("2022"))]),
        ("Envoys met on Nov 23 in Geneva.", WED, &[("Nov 23", Date, Some("2025-11-23"))]),
        ("The plan was first shown on Nov. 19.", WED, &[("Nov. 19", Date, Some("2025-11-19"))]),
        ("The memo, sent on 23 Nov, was leaked.", WED, &[("23 Nov", Date, Some("2025-11-23"))]),
        ("The ceasefire began on Sept. 5.", WED, &[("Sept. 5", Date, Some("2025-09-05"))]),
        ("Ukraine submitted its response on November 23rd.", WED, &[("November 23rd", Date, Some("2025-11-23"))]),
        ("Delegations arrived on the 23rd of November.", WED, &[("the 23rd of November", Date, Some("2025-11-23"))]),
        ("The agreement was signed on Oct. 14, 2025.", None, &[("Oct. 14, 2025", Date, Some("2025-10-14"))]),
        ("Envoys met on Nov. 27 in Moscow.", None, &[("Nov. 27", Date, None)]),
        ("The report, published 11/20/2025, was cited.", WED, &[("11/20/2025", Date, Some("2025-11-20"))]),
        ("On Friday, Nov. 21, the White House presented the plan.", WED, &[("Friday, Nov. 21", Date, Some("2025-11-21"))]),
        // Months, years, decades.
        ("Russian forces advanced in October, the ministry said.", WED, &[("October", Date, Some("2025-10"))]),
        ("Casualties rose sharply in December, officials said.", WED, &[("December", Date, Some("2024-12"))]),
        ("Parliament will vote on the plan in March.", WED, &[("March", Date, Some("2026-03"))]),
        ("The talks are set to resume in January.", WED, &[("January", Date, Some("2026-01"))]),
        ("The offensive began in October 2024.", WED, &[("October 2024", Date, Some("2024-10"))]),
        ("Russia launched its full-scale invasion in February 2022.", WED, &[("February 2022", Date, Some("2022-02"))]),
        ("Fighting has continued since 2014.", WED, &[("2014", Date, Some("2014"))]),
        ("The war escalated in 2022.", None, &[("2022", Date, Some("2022"))]),
        ("Donbas has been contested between 2014 and 2022.", WED, &[("2014", Date, Some("2014")), ("2022", Date, Some("2022"))]),
        ("Officials called it 2025's most important meeting.", WED, &[("2025", Date, Some("2025"))]),
        ("Kyiv expects a settlement by late 2025.", WED, &[("late 2025", Date, Some("2025"))]),
        ("The sanctions were first imposed in mid-2022.", WED, &[("mid-2022", Date, Some("2022"))]),
        ("Early 2024 saw heavy fighting near Avdiivka.", WED, &[("Early 2024", Date, Some("2024"))]),
        ("The alliance expanded in the 1990s.", WED, &[("the 1990s", Date, Some("199"))]),
        ("Casualties rose this month, the ministry said.", WED, &[("this month", Date, Some("2025-11"))]),
        ("Exports fell last month.", WED, &[("last month", Date, Some("2025-10"))]),
        ("The ministry will publish figures next month.", WED, &[("next month", Date, Some("2025-12"))]),
        ("The economy shrank last year but will grow this year and next year.", WED, &[("last year", Date, Some("2024")), ("this year", Date, Some("2025")), ("next year", Date, Some("2026"))]),
        ("Earlier this month, envoys met in Riyadh.", WED, &[("Earlier this month", Date, Some("2025-11"))]),
        ("The report will be released later this month.", WED, &[("later this month", Date, Some("2025-11"))]),
        ("Earlier this year, Congress approved new aid.", WED, &[("Earlier this year", Date, Some("2025"))]),
        ("Talks are expected to resume in mid-November.", WED, &[("mid-November", Date, Some("2025-11"))]),
        // Seasons and quarters.
        ("A new offensive is expected this autumn.", WED, &[("this autumn", Date, Some("2025-FA"))]),
        ("Elections could be held this fall.", WED, &[("this fall", Date, Some("2025-FA"))]),
        ("The offensive stalled last summer.", WED, &[("last summer", Date, Some("2025-SU"))]),
        ("Officials hope to finish the work by next spring.", WED, &[("next spring", Date, Some("2026-SP"))]),
        ("The counteroffensive began in summer 2023.", WED, &[("summer 2023", Date, Some("2023-SU"))]),
        ("Growth slowed in the fourth quarter.", WED, &[("the fourth quarter", Date, Some("2025-Q4"))]),
        ("The company reported losses in Q3 2024.", WED, &[("Q3 2024", Date, Some("2024-Q3"))]),
        ("Output fell last quarter.", WED, &[("last quarter", Date, Some("2025-Q3"))]),
        // Weeks and weekends.
        ("Envoys are meeting in Geneva this week.", WED, &[("this week", Date, Some("2025-W48"))]),
        ("The plan was leaked last week.", WED, &[("last week", Date, Some("2025-W47"))]),
        ("Talks will continue next week.", WED, &[("next week", Date, Some("2025-W49"))]),
        ("Earlier this week, the Kremlin rejected the plan.", WED, &[("Earlier this week", Date, Some("2025-W48"))]),
        ("Envoys will meet again the following Monday, after talks on Nov. 26.", WED, &[("the following Monday", Date, Some("2025-12-01")), ("Nov. 26", Date, Some("2025-11-26"))]),
        ("The week of Nov. 17 brought heavy strikes.", WED, &[("The week of Nov. 17", Date, Some("2025-W47"))]),
        ("Officials met over the weekend.", WED, &[("the weekend", Date, Some("2025-W47-WE"))]),
        ("Talks will continue this weekend.", WED, &[("this weekend", Date, Some("2025-W48-WE"))]),
        // Relative days and anaphora.
        ("The foreign ministry said yesterday that talks had stalled.", WED, &[("yesterday", Date, Some("2025-11-25"))]),
        ("The envoy arrives in Moscow today.", WED, &[("today", Date, Some("2025-11-26"))]),
        ("The delegation will fly to Abu Dhabi tomorrow.", WED, &[("tomorrow", Date, Some("2025-11-27"))]),
        ("Zelensky will address the nation tonight.", WED, &[("tonight", Time, Some("2025-11-26TNI"))]),
        ("The drone attack happened three days ago.", WED, &[("three days ago", Date, Some("2025-11-23"))]),
        ("A new round of talks will start in two days.", WED, &[("two days", Date, Some("2025-11-28"))]),
        ("The pact expires in a year's time.", WED, &[("a year's time", Date, Some("2026"))]),
        ("Envoys met in Geneva on Nov. 23. The next day, they flew home.", WED, &[("Nov. 23", Date, Some("2025-11-23")), ("The next day", Date, Some("2025-11-24"))]),
        ("The plan was presented on Nov. 20. A day later, Kyiv responded.", WED, &[("Nov. 20", Date, Some("2025-11-20")), ("A day later", Date, Some("2025-11-21"))]),
        ("Talks ended on Nov. 24; the day before, drones struck Kyiv.", WED, &[("Nov. 24", Date, Some("2025-11-24")), ("the day before", Date, Some("2025-11-23"))]),
        ("Strikes hit Odesa on Nov. 22, three days earlier.", WED, &[("Nov. 22", Date, Some("2025-11-22")), ("three days earlier", Date, Some("2025-11-19"))]),
        ("On Nov. 20, the plan leaked, and the same day Kyiv objected.", WED, &[("Nov. 20", Date, Some("2025-11-20")), ("the same day", Date, Some("2025-11-20"))]),
        ("Talks began on Nov. 18 and continued the following day.", WED, &[("Nov. 18", Date, Some("2025-11-18")), ("the following day", Date, Some("2025-11-19"))]),
        ("Russia struck Kyiv on Nov. 25 after drones hit Belgorod the previous day.", WED, &[("Nov. 25", Date, Some("2025-11-25")), ("the previous day", Date, Some("2025-11-24"))]),
        ("On Nov. 21, Trump set a deadline; that day, Kyiv asked for time.", WED, &[("Nov. 21", Date, Some("2025-11-21")), ("that day", Date, Some("2025-11-21"))]),
        ("On Nov. 24 talks collapsed; drones had struck three days before.", WED, &[("Nov. 24", Date, Some("2025-11-24")), ("three days before", Date, Some("2025-11-21"))]),
        ("The talks started on Nov. 17. A week later, a draft emerged.", WED, &[("Nov. 17", Date, Some("2025-11-17")), ("A week later", Date, Some("2025-W48"))]),
        ("On Nov. 20, 2025, envoys met in Abu Dhabi.¶Two days later, they flew to Moscow, and later that week the Kremlin replied.", WED, &[("Nov. 20, 2025", Date, Some("2025-11-20")), ("Two days later", Date, Some("2025-11-22")), ("later that week", Date, Some("2025-W47"))]),
        ("On Nov. 20, 2025, envoys met in Abu Dhabi.¶Two days later they flew home; that week ended in deadlock.", None, &[("Nov. 20, 2025", Date, Some("2025-11-20")), ("Two days later", Date, Some("2025-11-22")), ("that week", Date, Some("2025-W47"))]),
        // Weekdays by tense, and with last / next / this.
        ("Officials met on Sunday in Geneva.", WED, &[("Sunday", Date, Some("2025-11-23"))]),
        ("Umerov said talks would continue on Thursday.", WED, &[("Thursday", Date, Some("2025-11-27"))]),
        ("The delegation flew to Geneva on Tuesday.", WED, &[("Tuesday", Date, Some("2025-11-25"))]),
        ("\u{201C}We met on Monday,\u{201D} he said.", TUE, &[("Monday", Date, Some("2025-11-24"))]),
        ("The meeting is on Thursday.", TUE, &[("Thursday", Date, Some("2025-11-27"))]),
        ("Officials met on Sunday in Geneva.", SUN, &[("Sunday", Date, Some("2025-11-23"))]),
        ("Talks will resume on Tuesday, the ministry said.", TUE, &[("Tuesday", Date, Some("2025-11-25"))]),
        ("The envoy left last Friday.", WED, &[("last Friday", Date, Some("2025-11-21"))]),
        ("He will return next Friday.", WED, &[("next Friday", Date, Some("2025-11-28"))]),
        ("The vote is this Friday.", WED, &[("this Friday", Date, Some("2025-11-28"))]),
        // Parts of the day.
        ("Strikes hit Kyiv on Sunday night.", WED, &[("Sunday night", Time, Some("2025-11-23TNI"))]),
        ("Envoys will meet Friday morning.", WED, &[("Friday morning", Time, Some("2025-11-28TMO"))]),
        ("Zelensky spoke to reporters this morning.", WED, &[("this morning", Time, Some("2025-11-26TMO"))]),
        ("Drones attacked Kyiv last night.", WED, &[("last night", Time, Some("2025-11-25TNI"))]),
        ("The envoys met yesterday afternoon.", WED, &[("yesterday afternoon", Time, Some("2025-11-25TAF"))]),
        // Holidays.
        ("Trump wants a deal by Thanksgiving.", WED, &[("Thanksgiving", Date, Some("2025-11-27"))]),
        ("Markets will close on Christmas Day.", WED, &[("Christmas Day", Date, Some("2025-12-25"))]),
        ("The truce held through New Year's Eve.", WED, &[("New Year's Eve", Date, Some("2024-12-31"))]),
        ("Church services were held at Easter.", WED, &[("Easter", Date, Some("2025-04-20"))]),
        ("Celebrations on Halloween were muted.", WED, &[("Halloween", Date, Some("2025-10-31"))]),
        ("Talks will resume after Christmas.", None, &[("Christmas", Date, None)]),
        ("Kyiv will send a new team after New Year\u{2019}s Day.", WED, &[("New Year\u{2019}s Day", Date, Some("2026-01-01"))]),
        ("Zelensky will speak at noon on Friday.", WED, &[("noon on Friday", Time, Some("2025-11-28T12:00"))]),
        // Vague references.
        ("Russia has recently stepped up attacks.", WED, &[("recently", Date, Some("PAST_REF"))]),
        ("Attacks have intensified in recent weeks.", WED, &[("recent weeks", Date, Some("PAST_REF"))]),
        ("The front line is now quiet, and fighting is currently limited.", WED, &[("now", Date, Some("PRESENT_REF")), ("currently", Date, Some("PRESENT_REF"))]),
        ("Talks will resume soon, and an upcoming summit may settle it.", WED, &[("soon", Date, Some("FUTURE_REF")), ("upcoming", Date, Some("FUTURE_REF"))]),
        ("More aid is expected in the coming weeks.", WED, &[("the coming weeks", Date, Some("FUTURE_REF"))]),
        ("Such deals failed in the past.", WED, &[("the past", Date, Some("PAST_REF"))]),
        ("A deal is unlikely in the near future.", WED, &[("the near future", Date, Some("FUTURE_REF"))]),
        ("At present, no talks are planned.", WED, &[("present", Date, Some("PRESENT_REF"))]),
        ("Fighting has recently intensified.", None, &[("recently", Date, Some("PAST_REF"))]),
        // Durations.
        ("The siege lasted three days.", WED, &[("three days", Duration, Some("P3D"))]),
        ("Talks were suspended for two weeks.", WED, &[("two weeks", Duration, Some("P2W"))]),
        ("The war has lasted nearly four years.", WED, &[("nearly four years", Duration, Some("P4Y"))]),
        ("The nearly four-year conflict has killed thousands.", WED, &[("nearly four-year", Duration, Some("P4Y"))]),
        ("It was a four-year war.", WED, &[("four-year", Duration, Some("P4Y"))]),
        ("After a two-and-a-half-hour meeting, they left.", WED, &[("two-and-a-half-hour", Duration, Some("PT2.5H"))]),
        ("The two leaders held a 90-minute call.", WED, &[("90-minute", Duration, Some("PT90M"))]),
        ("They talked for an hour.", WED, &[("an hour", Duration, Some("PT1H"))]),
        ("The sanctions will stay for a year.", WED, &[("a year", Duration, Some("P1Y"))]),
        ("The ceasefire lasted three months.", WED, &[("three months", Duration, Some("P3M"))]),
        ("The conflict has simmered for decades.", WED, &[("decades", Duration, Some("PXDE"))]),
        ("Negotiations dragged on for several weeks.", WED, &[("several weeks", Duration, Some("PXW"))]),
        ("The strikes continued for 24 hours.", WED, &[("24 hours", Duration, Some("PT24H"))]),
        ("Peace took a decade to build, and a century to forget.", WED, &[("a decade", Duration, Some("P10Y")), ("a century", Duration, Some("P100Y"))]),
        ("The truce lasted a couple of days.", WED, &[("a couple of days", Duration, Some("P2D"))]),
        ("Talks have stalled over the past two weeks.", WED, &[("the past two weeks", Duration, Some("P2W"))]),
        ("The war has lasted nearly four years.", None, &[("nearly four years", Duration, Some("P4Y"))]),
        // Sets.
        ("The two sides will meet every week.", WED, &[("every week", Set, Some("P1W"))]),
        ("The ministry publishes casualty figures daily.", WED, &[("daily", Set, Some("P1D"))]),
        ("Inspectors visit the plant monthly.", WED, &[("monthly", Set, Some("P1M"))]),
        ("The report is updated annually.", WED, &[("annually", Set, Some("P1Y"))]),
        ("Air raid alerts sound every day in Kharkiv.", WED, &[("every day", Set, Some("P1D"))]),
        ("Officials meet every Monday.", WED, &[("every Monday", Set, Some("XXXX-WXX-1"))]),
        ("Monitors report twice a week and publish every two weeks.", WED, &[("twice a week", Set, Some("P1W")), ("every two weeks", Set, Some("P2W"))]),
        // Times of day.
        ("The meeting began at 3 p.m.", WED, &[("3 p.m.", Time, Some("2025-11-26T15:00"))]),
        ("The talks will start at 15:00.", WED, &[("15:00", Time, Some("2025-11-26T15:00"))]),
        ("Envoys will meet at 3pm on Friday.", WED, &[("3pm on Friday", Time, Some("2025-11-28T15:00"))]),
        ("Strikes began on Nov. 22. Sirens sounded at 3 a.m.", WED, &[("Nov. 22", Date, Some("2025-11-22")), ("3 a.m.", Time, Some("2025-11-22T03:00"))]),
        ("The meeting began at 3 p.m.", None, &[("3 p.m.", Time, None)]),
        // Undated sources.
        ("Envoys met yesterday and will meet again next week.", None, &[("yesterday", Date, None), ("next week", Date, None)]),
        ("Officials met on Sunday.", None, &[("Sunday", Date, None)]),
        ("The invasion began in February 2022 and the plan was dated 2025-11-30.", None, &[("February 2022", Date, Some("2022-02")), ("2025-11-30", Date, Some("2025-11-30"))]),
        // Negative cases: no expression.
        ("Talks may resume if Russia agrees.", WED, &[]),
        ("Protesters march through Kyiv.", WED, &[]),
        ("March organisers said protesters gathered.", WED, &[]),
        ("The 28-point plan was criticised.", WED, &[]),
        ("Article 5 of the NATO treaty applies.", WED, &[]),
        ("Russia massed 1,500 troops near the border.", WED, &[]),
        ("The Sunday Times reported the leak.", WED, &[]),
        ("It was a second round of talks.", WED, &[]),
        ("Russia deployed 2025 troops to the area.", WED, &[]),
        ("", WED, &[]),
        ("... !!! --- ???", WED, &[]),
        ("The plan has 12 points and 300,000 troops would be capped, a 10 percent cut.", WED, &[]),
        ("Theresa May said the plan was flawed.", WED, &[]),
        ("A minute's silence was held.", WED, &[]),
        ("The late president's legacy endures.", WED, &[]),
        ("After the fall of Bakhmut, troops regrouped.", WED, &[]),
        ("The Sun reported that the couple will wed in Kyiv.", WED, &[]),
        ("Officials met April Ryan and June Carter.", WED, &[]),
        ("The deal came together at the last minute.", WED, &[]),
        ("Weeks later, the talks resumed.", WED, &[]),
    ];

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test dates are valid")
    }

    /// What the tagger finds in a row: (span text, type, value).
    fn run(text: &str, dct: Option<&str>) -> Vec<(String, TimexType, Option<String>)> {
        let mut tagger = Tagger::new(dct.map(date));
        let mut got = Vec::new();
        for para in text.split('\u{b6}') {
            for t in tagger.tag(para) {
                got.push((para[t.start..t.end].to_string(), t.kind, t.value));
            }
        }
        got
    }

    #[test]
    fn table() {
        assert!(ROWS.len() >= 90, "{} rows", ROWS.len());
        let mut failures = String::new();
        let mut failed = 0;
        for (n, (text, dct, want)) in ROWS.iter().enumerate() {
            let got = run(text, *dct);
            let expected: Vec<(String, TimexType, Option<String>)> = want
                .iter()
                .map(|(s, k, v)| (s.to_string(), *k, v.map(str::to_string)))
                .collect();
            if got != expected {
                failed += 1;
                failures.push_str(&format!(
                    "\n#{n:<3} {text:?} (DCT {})\n     want {expected:?}\n     got  {got:?}",
                    dct.unwrap_or("none")
                ));
            }
        }
        assert!(
            failed == 0,
            "{failed} of {} rows failed:{failures}",
            ROWS.len()
        );
    }

    #[test]
    fn offsets_are_bytes_after_multibyte_text() {
        let text = "\u{dc}ber caf\u{e9} \u{2014} on Friday, officials met \u{201C}late\u{201D} at 3\u{a0}p.m.";
        let mut tagger = Tagger::new(Some(date("2025-11-26")));
        let found = tagger.tag(text);
        assert_eq!(found.len(), 2, "{found:?}");
        let friday = text.find("Friday").expect("in text");
        assert_eq!(
            (found[0].start, found[0].end),
            (friday, friday + "Friday".len())
        );
        assert_eq!(found[0].value.as_deref(), Some("2025-11-21"));
        assert_eq!(&text[found[1].start..found[1].end], "3\u{a0}p.m.");
        assert_eq!(found[1].value.as_deref(), Some("2025-11-21T15:00"));
    }

    #[test]
    fn the_anchor_carries_across_paragraphs_and_sources_do_not_share_it() {
        let mut tagger = Tagger::new(None);
        tagger.tag("The memo is dated Oct. 14, 2025.");
        let next = tagger.tag("The next day, Kyiv replied.");
        assert_eq!(next[0].value.as_deref(), Some("2025-10-15"));
        let mut fresh = Tagger::new(None);
        assert_eq!(fresh.tag("The next day, Kyiv replied.")[0].value, None);
    }

    #[test]
    fn easter_dates() {
        assert_eq!(easter(2024), Some(date("2024-03-31")));
        assert_eq!(easter(2025), Some(date("2025-04-20")));
        assert_eq!(orthodox_easter(2024), Some(date("2024-05-05")));
        assert_eq!(orthodox_easter(2025), Some(date("2025-04-20")));
        assert_eq!(Holiday::Thanksgiving.date(2025), Some(date("2025-11-27")));
    }

    /// A deterministic generator of noisy text: words, numbers, punctuation, multi-byte
    /// and control characters, and raw bytes made valid UTF-8.
    struct Noise(u64);

    impl Noise {
        fn next(&mut self) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            self.0 >> 33
        }

        fn text(&mut self) -> String {
            const PIECES: &[&str] = &[
                "Friday",
                "Fri",
                "Nov",
                "May",
                "March",
                "the",
                "next",
                "day",
                "days",
                "two",
                "and",
                "a",
                "half",
                "hour",
                "ago",
                "later",
                "earlier",
                "in",
                "on",
                "at",
                "mid",
                "late",
                "Q4",
                "1990s",
                "2025",
                "23",
                "3",
                "15",
                "00",
                "1,500",
                "p",
                "m",
                "pm",
                "that",
                "week",
                "this",
                "last",
                "every",
                "New",
                "Year",
                "Christmas",
                "Eve",
                "recent",
                "the past",
                "now",
                "soon",
                "of",
                "\u{e9}",
                "\u{dc}ber",
                "\u{2014}",
                "\u{201C}",
                "\u{2019}",
                "'",
                "s",
                ".",
                ",",
                "-",
                ":",
                "/",
                "!",
                "?",
                ";",
                " ",
                " ",
                " ",
                "\n",
                "\t",
                "\u{0}",
                "\u{7}",
                "\u{a0}",
                "\u{1F600}",
                "\u{301}",
                "\u{200B}",
                "\u{660}",
                "\u{ff11}",
                "Sunday",
                "night",
                "morning",
                "Times",
                "four-year",
                "nearly",
                "Thanksgiving",
                "Easter",
                "2025-11-23",
                "99999999999",
            ];
            let mut s = String::new();
            let n = self.next() % 40;
            for _ in 0..n {
                if self.next().is_multiple_of(13) {
                    let bytes: Vec<u8> = (0..self.next() % 6).map(|_| self.next() as u8).collect();
                    s.push_str(&String::from_utf8_lossy(&bytes));
                } else {
                    s.push_str(PIECES[(self.next() as usize) % PIECES.len()]);
                    if !self.next().is_multiple_of(3) {
                        s.push(' ');
                    }
                }
            }
            s
        }
    }

    fn check(text: &str, found: &[Timex]) {
        let mut last_end = 0;
        for t in found {
            assert!(
                t.start < t.end && t.end <= text.len(),
                "{t:?} out of bounds in {text:?}"
            );
            assert!(
                text.is_char_boundary(t.start) && text.is_char_boundary(t.end),
                "{t:?} not on char boundaries in {text:?}"
            );
            assert!(t.start >= last_end, "{t:?} overlaps in {text:?}");
            last_end = t.end;
        }
    }

    #[test]
    fn noise_never_panics_and_offsets_stay_in_bounds() {
        let mut noise = Noise(0x5eed);
        for round in 0..4000 {
            let dct = match round % 3 {
                0 => None,
                1 => Some(date("2025-11-26")),
                _ => Some(date("2024-02-29")),
            };
            let mut tagger = Tagger::new(dct);
            for _ in 0..3 {
                let text = noise.text();
                let found = tagger.tag(&text);
                check(&text, &found);
            }
        }
        let huge = "on Friday, 3 days later \u{2014} Nov. 23, 2025; ".repeat(20_000);
        let found = Tagger::new(Some(date("2025-11-26"))).tag(&huge);
        check(&huge, &found);
        assert_eq!(found.len(), 60_000);
    }
}
