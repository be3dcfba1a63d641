//! Patterns of durations (`three days`, `nearly four-year`, `two-and-a-half-hour`) and
//! the amounts they count.

use super::meaning::{Amount, Base, Cand, Day, FUTURE, PAST, Unit, What};
use super::scan::Scan;
use super::words::{number_word, unit_word};

impl<'a> Scan<'a> {
    /// A duration starting at `i`, or a date it makes ("three days ago").
    pub(super) fn duration(&self, i: usize) -> Option<Cand> {
        self.duration_at(i, i, false)
    }

    /// A duration whose span starts at `start` and whose modifiers or amount start at
    /// `k`. With `implied`, a unit without an amount counts one ("the past week") and no
    /// "ago"/"later" follows.
    pub(super) fn duration_at(&self, start: usize, k: usize, implied: bool) -> Option<Cand> {
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
                    && (time || !self.apos(end))
                    && !self.measured_against(start.saturating_sub(1));
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

    /// Whether the "in" at `at` closes a comparison over a span rather than looking ahead:
    /// "their steepest drop in six years", "for the first time in a decade", "the lowest
    /// level in five years". A superlative in the few words before it makes the span a
    /// duration, not a date.
    fn measured_against(&self, at: usize) -> bool {
        let before = at.saturating_sub(6)..at;
        // "The first talks will be held in three days" looks ahead.
        let ahead = before.clone().any(|i| {
            matches!(
                self.w(i),
                "will"
                    | "would"
                    | "shall"
                    | "could"
                    | "may"
                    | "might"
                    | "due"
                    | "expected"
                    | "scheduled"
                    | "set"
                    | "planned"
            )
        });
        !ahead
            && before.into_iter().any(|i| {
                let w = self.w(i);
                matches!(
                    w,
                    "first" | "most" | "least" | "best" | "worst" | "fewest" | "only"
                ) || (w.len() > 5
                    && w.ends_with("est")
                    && !matches!(
                        w,
                        "interest"
                            | "protest"
                            | "request"
                            | "contest"
                            | "suggest"
                            | "harvest"
                            | "arrest"
                            | "forest"
                            | "invest"
                            | "honest"
                            | "modest"
                            | "latest"
                    ))
            })
    }

    /// An amount at `k`: digits ("24", "1,500", "2.5"), number words ("twenty-five"), "a",
    /// "half", "a couple of", "several"; with "and a half" after it.
    pub(super) fn amount(&self, k: usize) -> Option<Amt> {
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
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Amt {
    pub(super) value: Amount,
    pub(super) article: bool,
    pub(super) end: usize,
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
