//! Patterns of absolute dates and named calendar periods: `Nov. 23, 2025`, `2025-11-23`,
//! weekdays, holidays, months, years, decades, seasons and quarters.

use chrono::{NaiveDate, Weekday};

use super::holidays::Holiday;
use super::meaning::{Cand, Day, Pick, What};
use super::scan::Scan;
use super::tokens::Kind;
use super::words::{MONTH_CUES, NEWSPAPERS, season_word};
use crate::calendar::{month_word, weekday_word};

impl<'a> Scan<'a> {
    /// `2025-11-23`.
    pub(super) fn iso_date(&self, i: usize) -> Option<Cand> {
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
    pub(super) fn slash_date(&self, i: usize) -> Option<Cand> {
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
    pub(super) fn day_month(&self, i: usize) -> Option<Cand> {
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
    pub(super) fn month(&self, i: usize, cued: bool) -> Option<Cand> {
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
        if MONTH_CUES.contains(p) {
            return true;
        }
        matches!(p, "and" | "or" | "to" | "-" | "\u{2013}")
            && i >= 2
            && self.cap(i - 2)
            && month_word(self.w(i - 2)).is_some()
    }

    /// A weekday name, or an abbreviation with its stop: the weekday and the token after.
    pub(super) fn weekday_name(&self, i: usize) -> Option<(Weekday, usize)> {
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
    pub(super) fn weekday(&self, i: usize) -> Option<Cand> {
        let (wd, end) = self.weekday_name(i)?;
        if (self.cap(end) && NEWSPAPERS.contains(self.w(end)))
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
    pub(super) fn absolute_day(&self, k: usize) -> Option<Cand> {
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
    pub(super) fn holiday(&self, i: usize) -> Option<(Holiday, usize)> {
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
    pub(super) fn year(&self, i: usize, cued: bool) -> Option<Cand> {
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
    pub(super) fn decade(&self, i: usize) -> Option<Cand> {
        let digits = self.w(i).strip_suffix('s')?;
        let y: i32 = digits.parse().ok()?;
        let ok = digits.len() == 4 && (1900..=2099).contains(&y) && y % 10 == 0;
        ok.then(|| Cand::new(i, i + 1, What::Decade(y / 10)))
    }

    /// A season with a year ("summer 2025", "spring of 2025"), or after "in" or a
    /// modifier (`cued`).
    pub(super) fn season(&self, i: usize, cued: bool) -> Option<Cand> {
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
    pub(super) fn quarter_code(&self, i: usize) -> Option<Cand> {
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
}
