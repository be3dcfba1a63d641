//! Holidays the news dates things by, and their dates in a given year.

use chrono::{NaiveDate, Weekday};

use super::value::{back_to, shift};

/// A holiday the news dates things by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Holiday {
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
    pub(super) fn date(self, y: i32) -> Option<NaiveDate> {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test dates are valid")
    }

    #[test]
    fn easter_dates() {
        assert_eq!(easter(2024), Some(date("2024-03-31")));
        assert_eq!(easter(2025), Some(date("2025-04-20")));
        assert_eq!(orthodox_easter(2024), Some(date("2024-05-05")));
        assert_eq!(orthodox_easter(2025), Some(date("2025-04-20")));
        assert_eq!(Holiday::Thanksgiving.date(2025), Some(date("2025-11-27")));
    }
}
