//! The scanner: reads the tokens of a paragraph and tries, at each token, the patterns
//! that can start there. The patterns themselves are in the sibling modules, one family
//! each; this module holds token access and the dispatch.

use super::meaning::{Cand, Day, Pick, What};
use super::tokens::{Kind, Tok};
use super::words::{FUNCTION_WORDS, part_word};
use crate::calendar::{month_word, weekday_word};

/// The tokens of a paragraph and its lower-cased text, read by the patterns.
pub(super) struct Scan<'a> {
    pub(super) lower: &'a str,
    pub(super) toks: &'a [Tok],
}

impl<'a> Scan<'a> {
    // ---- token access; out of range reads as nothing

    /// Token `i`, lower-cased; "" past the end.
    pub(super) fn w(&self, i: usize) -> &'a str {
        self.toks
            .get(i)
            .and_then(|t| self.lower.get(t.start..t.end))
            .unwrap_or("")
    }

    pub(super) fn prev_w(&self, i: usize) -> &'a str {
        i.checked_sub(1).map_or("", |p| self.w(p))
    }

    pub(super) fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }

    pub(super) fn is_num(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Num)
    }

    pub(super) fn cap(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.cap)
    }

    pub(super) fn opens(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.opens)
    }

    /// Whether token `i` follows the previous one without space.
    pub(super) fn joined(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.spaced)
    }

    pub(super) fn punct(&self, i: usize, c: char) -> bool {
        self.kind(i) == Some(Kind::Punct) && self.w(i).starts_with(c)
    }

    pub(super) fn apos(&self, i: usize) -> bool {
        self.punct(i, '\'') || self.punct(i, '\u{2019}')
    }

    pub(super) fn dash(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Punct)
            && self
                .w(i)
                .starts_with(['-', '\u{2010}', '\u{2011}', '\u{2013}'])
    }

    /// Whether token `i` continues the previous one: a joined word, number, `/` or hyphen.
    pub(super) fn continues(&self, i: usize) -> bool {
        self.joined(i) && (self.kind(i) != Some(Kind::Punct) || self.dash(i) || self.punct(i, '/'))
    }

    /// Whether token `i` starts with an ASCII digit.
    pub(super) fn lead_digit(&self, i: usize) -> bool {
        self.w(i).as_bytes().first().is_some_and(u8::is_ascii_digit)
    }

    /// `k + 1` when token `k` is a hyphen joining two words ("four-year"), else `k`.
    pub(super) fn sep(&self, k: usize) -> usize {
        let joins = self.dash(k)
            && self.joined(k)
            && self.joined(k + 1)
            && self.kind(k + 1).is_some_and(|n| n != Kind::Punct);
        if joins { k + 1 } else { k }
    }

    /// Whether a phrase ends before token `i`: the end, or punctuation.
    pub(super) fn ends_phrase(&self, i: usize) -> bool {
        match self.kind(i) {
            None => true,
            Some(Kind::Punct) => !self.apos(i) && !self.dash(i),
            Some(_) => false,
        }
    }

    /// Whether a noun-like phrase may end before token `i` ("the future of", "the past.").
    pub(super) fn phrase_ok(&self, i: usize) -> bool {
        self.ends_phrase(i) || FUNCTION_WORDS.contains(self.w(i))
    }

    /// Whether number `i` continues a digit group ("1,500" at "500").
    pub(super) fn after_digit_group(&self, i: usize) -> bool {
        i >= 2
            && self.joined(i)
            && self.joined(i - 1)
            && (self.punct(i - 1, ',') || self.punct(i - 1, '.'))
            && self.is_num(i - 2)
    }

    /// Whether a digit group continues number `i` ("1,500" at "1").
    pub(super) fn digit_group_follows(&self, i: usize) -> bool {
        self.joined(i + 1)
            && (self.punct(i + 1, ',') || self.punct(i + 1, '.'))
            && self.joined(i + 2)
            && self.is_num(i + 2)
    }

    /// A four-digit number.
    pub(super) fn year4(&self, i: usize) -> Option<i32> {
        let w = self.w(i);
        if self.is_num(i) && w.len() == 4 {
            w.parse().ok()
        } else {
            None
        }
    }

    /// A day of the month: "23", "23rd", "1st".
    pub(super) fn day_num(&self, i: usize) -> Option<u32> {
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
    pub(super) fn at(&self, i: usize) -> Option<Cand> {
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
}
