//! What a matched expression means before it is resolved: the [`Cand`] the scanner
//! returns and the parts it is made of.

use chrono::{NaiveDate, Weekday};

use super::holidays::Holiday;
use super::tense::Tense;

/// What a relative expression counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Base {
    /// The document creation time.
    Dct,
    /// The last day-precision date stated.
    Anchor,
}

/// How a named day, month, season or holiday is picked among its occurrences.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Pick {
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
pub(super) enum Dir {
    AtOrBefore,
    Before,
    AtOrAfter,
    After,
}

impl Pick {
    /// The search direction, the tense deciding for [`Pick::Tense`] (default past).
    pub(super) fn direction(self, tense: Option<Tense>) -> Dir {
        match self {
            Pick::Last | Pick::BeforeAnchor => Dir::Before,
            Pick::Next | Pick::AfterAnchor => Dir::After,
            _ if tense == Some(Tense::Future) => Dir::AtOrAfter,
            _ => Dir::AtOrBefore,
        }
    }
}

/// A unit of duration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unit {
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

/// How many units: a number, or an unspecified few ("several", "decades").
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Amount {
    N(f64),
    Few,
}

/// A season of the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Season {
    Spring,
    Summer,
    Autumn,
    Winter,
}

impl Season {
    pub(super) fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Autumn => "FA",
            Season::Winter => "WI",
        }
    }

    pub(super) fn index(self) -> i64 {
        match self {
            Season::Spring => 0,
            Season::Summer => 1,
            Season::Autumn => 2,
            Season::Winter => 3,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Day {
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
pub(super) enum What {
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

pub(super) const PAST: &str = "PAST_REF";
pub(super) const PRESENT: &str = "PRESENT_REF";
pub(super) const FUTURE: &str = "FUTURE_REF";

/// A match: tokens `start..end`, its meaning, and a part of day or clock time on a day.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Cand {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) what: What,
    pub(super) part: Option<&'static str>,
    pub(super) clock: Option<(u32, u32)>,
}

impl Cand {
    pub(super) fn new(start: usize, end: usize, what: What) -> Cand {
        Cand {
            start,
            end,
            what,
            part: None,
            clock: None,
        }
    }

    pub(super) fn with_part(mut self, part: &'static str) -> Cand {
        self.part = Some(part);
        self
    }

    pub(super) fn from(mut self, start: usize) -> Cand {
        self.start = start;
        self
    }

    /// Whether the sentence's tense takes part in resolving it.
    pub(super) fn needs_tense(&self) -> bool {
        matches!(
            self.what,
            What::Day(Day::Weekday(_, Pick::Tense) | Day::Holiday(_, Pick::Tense))
                | What::WeekendTense
                | What::MonthName(_, Pick::Tense)
                | What::Season(_, Pick::Tense | Pick::This)
        )
    }
}
