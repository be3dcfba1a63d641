//! Patterns of clock times: `3 p.m. on Friday`, `15:00`, `noon`.

use super::meaning::{Base, Cand, Day, What};
use super::scan::Scan;
use super::words::ZONES;

impl<'a> Scan<'a> {
    /// A clock time at `i`, joined to a day after it ("3 p.m. on Friday"), else on the
    /// anchor's (or the DCT's) day; a live page's stamp opening a paragraph ("12:02 — ")
    /// on the DCT's.
    pub(super) fn clock_phrase(&self, i: usize) -> Option<Cand> {
        let (h, m, e) = self.clock(i)?;
        let mut j = e;
        if ZONES.contains(self.w(j)) {
            j += if self.w(j + 1) == "time" { 2 } else { 1 };
        }
        let k = if self.w(j) == "on" { j + 1 } else { j };
        // A live page's time stamp ("12:02 — The mayor tells …") is on the day the page
        // was written, whatever day its entries speak of.
        let stamp = i == 0
            && self.kind(e) == Some(super::tokens::Kind::Punct)
            && self.w(e).starts_with(['-', '\u{2013}', '\u{2014}']);
        let base = if stamp { Base::Dct } else { Base::Anchor };
        let mut c = self
            .day_at(k)
            .map(|d| d.from(i))
            .unwrap_or_else(|| Cand::new(i, e, What::Day(Day::Shift(base, 0))));
        c.clock = Some((h, m));
        Some(c)
    }

    /// A day expression at `k` that a clock time may belong to.
    fn day_at(&self, k: usize) -> Option<Cand> {
        let c = match self.w(k) {
            "today" | "tomorrow" | "yesterday" | "tonight" => self.relative_day(k),
            "this" | "next" | "last" => self.deictic(k),
            _ => self.weekday(k).or_else(|| self.absolute_day(k)),
        }?;
        matches!(c.what, What::Day(_)).then_some(c)
    }

    /// A clock time: hour, minute, and the token after it. "3 p.m.", "3pm", "3:30 pm",
    /// "15:00", "noon", "midnight" (24:00).
    pub(super) fn clock(&self, i: usize) -> Option<(u32, u32, usize)> {
        match self.w(i) {
            "noon" | "midday" => return Some((12, 0, i + 1)),
            "midnight" => return Some((24, 0, i + 1)),
            _ => {}
        }
        let after_colon = i >= 1 && self.joined(i) && self.punct(i - 1, ':');
        if self.after_digit_group(i) || after_colon {
            return None;
        }
        let w = self.w(i);
        let n = w.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 || n > 2 {
            return None;
        }
        let (hw, rest) = w.split_at(n);
        let h: u32 = hw.parse().ok()?;
        if !rest.is_empty() {
            return Some((to24(h, meridiem(rest)?)?, 0, i + 1));
        }
        let mut minute = None;
        let mut k = i + 1;
        if self.punct(k, ':') && self.joined(k) && self.joined(k + 1) {
            let mw = self.w(k + 1);
            let digits = mw.bytes().take_while(u8::is_ascii_digit).count();
            if digits != 2 {
                return None;
            }
            let (mm, rest) = mw.split_at(2);
            let mv: u32 = mm.parse().ok()?;
            if mv > 59 {
                return None;
            }
            if !rest.is_empty() {
                return Some((to24(h, meridiem(rest)?)?, mv, k + 2));
            }
            minute = Some(mv);
            k += 2;
            if self.punct(k, ':') && self.joined(k) {
                return None;
            }
        }
        if let Some((pm, e)) = self.meridiem_at(k) {
            return Some((to24(h, pm)?, minute.unwrap_or(0), e));
        }
        match minute {
            Some(mv) if h <= 23 => Some((h, mv, k)),
            _ => None,
        }
    }

    /// "p.m.", "pm", "a.m.", "am" at `k`: whether afternoon, and the token after.
    fn meridiem_at(&self, k: usize) -> Option<(bool, usize)> {
        let w = self.w(k);
        let pm = match w {
            "pm" | "p" => true,
            "am" | "a" => false,
            _ => return None,
        };
        if w.len() == 2 {
            return Some((pm, k + 1));
        }
        let dotted = self.punct(k + 1, '.')
            && self.joined(k + 1)
            && self.joined(k + 2)
            && self.w(k + 2) == "m";
        if !dotted {
            return None;
        }
        let e = if self.punct(k + 3, '.') && self.joined(k + 3) {
            k + 4
        } else {
            k + 3
        };
        Some((pm, e))
    }
}

/// "am"/"pm" as a suffix: whether afternoon.
fn meridiem(suffix: &str) -> Option<bool> {
    match suffix {
        "pm" => Some(true),
        "am" => Some(false),
        _ => None,
    }
}

/// A 12-hour clock hour in 24 hours.
fn to24(h: u32, pm: bool) -> Option<u32> {
    if h == 0 || h > 12 {
        return None;
    }
    Some(match (pm, h) {
        (true, 12) => 12,
        (true, h) => h + 12,
        (false, 12) => 0,
        (false, h) => h,
    })
}
