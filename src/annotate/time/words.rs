//! The word tables of the scanner: tense verbs, words that cue or block a pattern, and
//! the words for numbers, parts of the day, units, seasons and quarters.

use std::sync::LazyLock;

use crate::sentence::{WordSet, word_list};

use super::meaning::{Season, Unit};

/// Irregular past-tense verbs ("met", "said"): they mark a sentence as past.
pub(super) static PAST_VERBS: WordSet =
    LazyLock::new(|| word_list(include_str!("../data/time_past_verbs.txt")));
/// Words ending in "-ed" that do not mark a sentence as past ("hundred", "proposed").
pub(super) static NOT_PAST: WordSet =
    LazyLock::new(|| word_list(include_str!("../data/time_not_past.txt")));

/// Words that may follow "the future", "the past", "the present" or a year.
pub(super) static FUNCTION_WORDS: WordSet =
    LazyLock::new(|| word_list(include_str!("../data/time_function_words.txt")));

/// Newspapers named after a weekday ("Sunday Times").
pub(super) static NEWSPAPERS: WordSet =
    LazyLock::new(|| word_list(include_str!("../data/time_newspapers.txt")));

/// Time zones that may stand between a clock time and its day.
pub(super) static ZONES: WordSet =
    LazyLock::new(|| word_list(include_str!("../data/time_zones.txt")));

/// Words before a bare month that make it a month ("in May", "early March").
pub(super) static MONTH_CUES: WordSet =
    LazyLock::new(|| word_list(include_str!("../data/time_month_cues.txt")));

/// A part of the day and its TIMEX3 suffix.
pub(super) fn part_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "morning" => "TMO",
        "afternoon" => "TAF",
        "evening" => "TEV",
        "night" => "TNI",
        _ => return None,
    })
}

/// A number word below a hundred.
pub(super) fn number_word(w: &str) -> Option<u32> {
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
pub(super) fn quarter_ordinal(w: &str) -> Option<u32> {
    Some(match w {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" | "final" => 4,
        _ => return None,
    })
}

/// A unit word, and whether it is plural.
pub(super) fn unit_word(w: &str) -> Option<(Unit, bool)> {
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

/// A season word.
pub(super) fn season_word(w: &str) -> Option<Season> {
    Some(match w {
        "spring" => Season::Spring,
        "summer" => Season::Summer,
        "autumn" | "fall" => Season::Autumn,
        "winter" => Season::Winter,
        _ => return None,
    })
}
