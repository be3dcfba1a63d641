//! Patterns of relative and vague expressions: `today`, `last week`, `the next day`,
//! `later that month`, `recently`, and sets such as `every week` or `daily`.

use super::meaning::{Amount, Base, Cand, Day, FUTURE, PAST, PRESENT, Pick, Unit, What};
use super::scan::Scan;
use super::words::{part_word, quarter_ordinal, season_word, unit_word};
use crate::calendar::{month_word, weekday_word};

impl<'a> Scan<'a> {
    /// today, yesterday, tomorrow, tonight.
    pub(super) fn relative_day(&self, i: usize) -> Option<Cand> {
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
    pub(super) fn deictic(&self, i: usize) -> Option<Cand> {
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
    pub(super) fn modified(&self, i: usize) -> Option<Cand> {
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
    pub(super) fn the_phrase(&self, i: usize) -> Option<Cand> {
        let j = i + 1;
        let n = self.w(j);
        let m = self.w(j + 1);
        let anchor = |end, n| Some(Cand::new(i, end, What::Day(Day::Shift(Base::Anchor, n))));
        // "By the evening he was back in Leipzig": that part of the day last told of.
        if let Some(part) = part_word(n)
            && matches!(self.prev_w(i), "by" | "in" | "during")
            && !matches!(m, "before" | "after" | "of")
        {
            return anchor(j + 1, 0).map(|c| c.with_part(part));
        }
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
    pub(super) fn vague(&self, i: usize) -> Option<Cand> {
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
    pub(super) fn set(&self, i: usize) -> Option<Cand> {
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
