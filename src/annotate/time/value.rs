//! Resolution: the TIMEX3 value of a matched expression, counted from the document
//! creation time (DCT) or the anchor, and the formatting of values.

use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::meaning::{Amount, Base, Cand, Day, Dir, Pick, Season, Unit, What};
use super::tense::Tense;
use super::tokens::Tok;
use super::{Tagger, Timex, TimexType};

impl Tagger {
    /// The expression `c` as a TIMEX3; `None` for matches that are consumed untagged.
    pub(super) fn timex(
        &mut self,
        tokens: &[Tok],
        c: &Cand,
        tense: Option<Tense>,
    ) -> Option<Timex> {
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
            Day::OfMonth(m, d) => match self.dct() {
                Some(r) => NaiveDate::from_ymd_opt(r.year(), m, d),
                // An undated source writes its days in the corpus's year, or the next or
                // last one near a new year.
                None => {
                    let c = self.corpus?;
                    (c.year() - 1..=c.year() + 1)
                        .filter_map(|y| NaiveDate::from_ymd_opt(y, m, d))
                        .min_by_key(|day| (*day - c).num_days().abs())
                }
            },
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

/// `d` moved by `n` days.
pub(super) fn shift(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n.unsigned_abs()))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

/// The `wd` on or before `r` (strictly before if `strict`).
pub(super) fn back_to(r: NaiveDate, wd: Weekday, strict: bool) -> Option<NaiveDate> {
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
