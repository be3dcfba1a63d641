//! Calendar words that more than one stage reads: dedupe counts a day of a month as one
//! key token, dating reads datelines and weekdays, the time annotator resolves them; and
//! the day written in an article's address, which a saved page and date inference both read.

use std::sync::LazyLock;

use chrono::{NaiveDate, Weekday};
use regex::Regex;

/// A month name or abbreviation: its number, and whether it is abbreviated.
pub fn month_word(w: &str) -> Option<(u32, bool)> {
    Some(match w {
        "january" => (1, false),
        "jan" => (1, true),
        "february" => (2, false),
        "feb" => (2, true),
        "march" => (3, false),
        "mar" => (3, true),
        "april" => (4, false),
        "apr" => (4, true),
        "may" => (5, false),
        "june" => (6, false),
        "jun" => (6, true),
        "july" => (7, false),
        "jul" => (7, true),
        "august" => (8, false),
        "aug" => (8, true),
        "september" => (9, false),
        "sep" | "sept" => (9, true),
        "october" => (10, false),
        "oct" => (10, true),
        "november" => (11, false),
        "nov" => (11, true),
        "december" => (12, false),
        "dec" => (12, true),
        _ => return None,
    })
}

/// A weekday name or abbreviation, and whether it is abbreviated.
pub fn weekday_word(w: &str) -> Option<(Weekday, bool)> {
    Some(match w {
        "monday" => (Weekday::Mon, false),
        "mon" => (Weekday::Mon, true),
        "tuesday" => (Weekday::Tue, false),
        "tue" | "tues" => (Weekday::Tue, true),
        "wednesday" => (Weekday::Wed, false),
        "wed" => (Weekday::Wed, true),
        "thursday" => (Weekday::Thu, false),
        "thu" | "thur" | "thurs" => (Weekday::Thu, true),
        "friday" => (Weekday::Fri, false),
        "fri" => (Weekday::Fri, true),
        "saturday" => (Weekday::Sat, false),
        "sat" => (Weekday::Sat, true),
        "sunday" => (Weekday::Sun, false),
        "sun" => (Weekday::Sun, true),
        _ => return None,
    })
}

/// A day in an address's path: `/2025/11/26/`, `/2025-11-26/`, `-20251126`.
static ADDRESS_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"[/_-](?P<y>(?:19|20)\d\d)(?:[/-](?P<m>\d{1,2})[/-](?P<d>\d{1,2})|(?P<m2>[01]\d)(?P<d2>[0-3]\d))(?:[/_.?#-]|$)",
    )
    .expect("address date pattern")
});

/// The publication day written in an article's address (its path, not its host), if it
/// holds a real calendar date.
pub fn date_in_address(url: &str) -> Option<NaiveDate> {
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = &path[path.find('/').unwrap_or(path.len())..];
    ADDRESS_DATE.captures_iter(path).find_map(|found| {
        let number = |a: &str, b: &str| found.name(a).or(found.name(b))?.as_str().parse().ok();
        let year = found.name("y")?.as_str().parse().ok()?;
        NaiveDate::from_ymd_opt(year, number("m", "m2")?, number("d", "d2")?)
    })
}
