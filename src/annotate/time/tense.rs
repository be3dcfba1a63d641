//! Tense: the markers of past and future in a paragraph, and the tense nearest an
//! expression, which decides the direction of weekdays, months, seasons and holidays.

use super::scan::Scan;
use super::tokens::{Kind, Tok};
use super::words::{NOT_PAST, PAST_VERBS};

/// The tense of a sentence around an expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tense {
    Past,
    Future,
}

/// A tense marker: its token, its sentence, its tense.
pub(super) type Mark = (usize, u32, Tense);

/// The tense nearest tokens `start..end` of `text` in their sentence (ties go to the
/// left); one after a comma or a semicolon only when none comes before ("he will go to
/// parliament on Tuesday, and said …": the going is ahead).
pub(super) fn tense_at(
    marks: &[Mark],
    toks: &[Tok],
    text: &str,
    start: usize,
    end: usize,
) -> Option<Tense> {
    let sent = toks.get(start)?.sent;
    let p = marks.partition_point(|m| m.0 < start);
    let left = p
        .checked_sub(1)
        .and_then(|k| marks.get(k))
        .filter(|m| m.1 == sent);
    let q = marks.partition_point(|m| m.0 < end);
    let right = marks.get(q).filter(|m| m.1 == sent);
    let beyond = |r: &Mark| {
        let from = toks.get(end.saturating_sub(1)).map_or(0, |t| t.end);
        let to = toks.get(r.0).map_or(from, |t| t.start);
        text.get(from..to)
            .is_some_and(|between| between.contains([',', ';']))
    };
    // A marker in a clause of its own after the expression tells that clause's time, not
    // the expression's: "Late on Monday the Ledger put online a draft that Guyana would
    // accept".
    let subordinate = |r: &Mark| {
        let from = end.min(r.0);
        toks[from..r.0].iter().any(|t| {
            t.kind == Kind::Word
                && SUBORDINATORS
                    .iter()
                    .any(|w| w.eq_ignore_ascii_case(&text[t.start..t.end]))
        })
    };
    match (left, right) {
        (None, Some(r)) if subordinate(r) => None,
        (Some(l), Some(r)) if beyond(r) || subordinate(r) => Some(l.2),
        (Some(l), Some(r)) => {
            let dl = start - l.0;
            let dr = r.0 + 1 - end;
            Some(if dl <= dr { l.2 } else { r.2 })
        }
        (Some(l), None) => Some(l.2),
        (None, Some(r)) => Some(r.2),
        (None, None) => None,
    }
}

/// Words that open a clause of its own.
const SUBORDINATORS: &[&str] = &[
    "that", "which", "who", "whom", "whose", "if", "whether", "because", "although", "though",
    "unless", "until",
];

impl<'a> Scan<'a> {
    /// The tense markers of the paragraph, in token order.
    pub(super) fn marks(&self, out: &mut Vec<Mark>) {
        out.clear();
        for (i, t) in self.toks.iter().enumerate() {
            if t.kind == Kind::Word
                && (!t.cap || t.opens)
                && let Some(tense) = self.marker(i)
            {
                out.push((i, t.sent, tense));
            }
        }
    }

    /// The tense word `i` marks, if any.
    fn marker(&self, i: usize) -> Option<Tense> {
        let w = self.w(i);
        let next = self.w(i + 1);
        let to = next == "to";
        let future = match w {
            "will" | "shall" | "would" | "might" | "may" | "next" | "upcoming" | "tomorrow"
            | "scheduled" | "slated" | "meets" | "begins" | "starts" | "resumes" | "opens"
            | "arrives" | "travels" | "visits" | "hosts" | "holds" | "ends" | "expires"
            | "convenes" => true,
            // "is on Thursday", "are meeting": a present that speaks of what is to come;
            // not "the text is shorter".
            "is" | "are" | "am" => next == "on" || (next.len() > 4 && next.ends_with("ing")),
            "ll" => i >= 1 && self.apos(i - 1),
            // "could follow before the summer", "should be signed in May"; not "could have".
            "could" | "should" => {
                let verb = if next == "not" { self.w(i + 2) } else { next };
                verb != "have"
            }
            "won" => self.apos(i + 1) && self.w(i + 2) == "t",
            "going" | "expected" | "expects" | "expect" | "plans" | "plan" | "planned"
            | "planning" | "intends" | "intend" | "aims" | "poised" | "supposed" => to,
            "set" | "due" => to && matches!(self.prev_w(i), "is" | "are" | "s"),
            _ => false,
        };
        if future {
            return Some(Tense::Future);
        }
        // A participle after a form of "be" is passive: the auxiliary gives the tense
        // ("will be held", "were held").
        // A quotation opening between them does not part them: be "sorted out".
        let mut p = i;
        while p > 0 && matches!(self.w(p - 1), "\"" | "\u{201c}" | "\u{2018}" | "'") {
            p -= 1;
        }
        let passive = matches!(
            self.prev_w(p),
            "be" | "being" | "been" | "is" | "are" | "am" | "was" | "were"
        );
        let past = match w {
            "ago" | "yesterday" | "last" | "been" | "previously" | "earlier" => true,
            _ if PAST_VERBS.contains(w) => !passive,
            _ => {
                w.len() >= 4
                    && w.ends_with("ed")
                    && !passive
                    && !NOT_PAST.contains(w)
                    && !(i >= 1 && self.dash(i - 1) && self.joined(i))
            }
        };
        past.then_some(Tense::Past)
    }

    /// Whether the expression at `i` is a deadline ("by Thanksgiving", "until Christmas"),
    /// which the tense of the sentence does not place.
    pub(super) fn deadline(&self, i: usize) -> bool {
        matches!(self.prev_w(i), "by" | "before" | "until" | "till")
            || (self.prev_w(i) == "of" && i >= 2 && self.w(i - 2) == "ahead")
    }
}
