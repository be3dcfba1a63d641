//! Calendar words that more than one stage reads: dedupe counts a day of a month as one
//! key token, dating reads datelines and weekdays, the time annotator resolves them.

use chrono::Weekday;

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
