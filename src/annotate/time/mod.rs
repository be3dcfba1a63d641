//! Time expressions in English news text, tagged and resolved to TIMEX3 values.
//!
//! A rule-based tagger in the manner of TimeML/TIDES, written for the news: no regular
//! expressions, one pass over the words of a paragraph, then one pass over what it found.
//!
//! **Tokens.** A paragraph is cut into words (runs of letters and digits), numbers (runs of
//! ASCII digits) and single punctuation marks, each with its byte span and whether
//! whitespace comes before it; hyphens, stops, colons and apostrophes are tokens of their
//! own, so `four-year`, `p.m.`, `15:00`, `2025-11-23` and `Year's` are short token
//! sequences joined without space. A lower-cased copy of the paragraph (ASCII only, so the
//! byte offsets stay the same) serves every comparison; the buffers are kept between
//! calls, so tagging allocates little more than what it returns. Sentences end at `!`,
//! `?`, `;`, a line break, or a stop that ends no abbreviation (`Nov.`, `Mr.`, `p.m.`).
//!
//! **Patterns.** At each token the scanner tries the patterns that can start there,
//! longest and most specific first, and jumps past the first that matches: absolute dates
//! (`Nov. 23, 2025`, `23 November`, `the 23rd of November`, `2025-11-23`, `11/23/2025`),
//! weekdays (`Friday`, `Fri.` before a date, `last Friday`, `Friday night`), deictic and
//! anaphoric phrases (`this week`, `later that week`, `the next day`, `two days later`),
//! months, years, decades, seasons, quarters, holidays, vague references (`recently`,
//! `now`, `soon`), durations (`nearly four-year`, `two-and-a-half-hour`), sets (`every
//! week`, `daily`) and clock times (`3 p.m. on Friday`). Spans leave out leading
//! prepositions (`on`, `in`, `at`, `for`) and possessive `'s`, and keep modifiers (`nearly`,
//! `late`, `mid-`, `earlier this`) and, for phrases that need it, `the` (`the next day`,
//! `the weekend`, `the 1990s`, `the fourth quarter`, `the past`).
//!
//! **Tense.** Weekdays, bare months, seasons, "the weekend" and holidays are resolved in
//! the direction of the sentence's tense: the tense marker nearest to the expression in its
//! sentence decides (future: `will`, `'ll`, `would`, `may`, `is`/`are`, `going to`,
//! `expected to`, `scheduled`, `next`, present verbs such as `meets`; past: `-ed` words,
//! irregular pasts from `data/time_past_verbs.txt`, `was`, `ago`, `last`); none means past.
//!
//! **Anchor.** Every resolved day-precision date (absolute or relative, times included)
//! but a deadline ("by May 28", "a May 28 deadline") becomes the anchor, kept across
//! paragraphs in reading order. Anaphoric expressions
//! (`the next day`, `that week`, `two days later`, `the following Monday`) count from the
//! anchor, else from the document creation time (DCT, the `reference`). In an undated
//! source the anchor also stands in for the DCT; with neither, those expressions get no
//! value, while self-contained ones (`Oct. 14, 2025`, `February 2022`), vague references
//! and durations always have one, and a day without its year (`May 28`) takes the year
//! nearest the corpus's middle date ([`Tagger::with_corpus_date`]).
//!
//! **Values** (TIMEX3): `2025-11-23` (date), `2025-11` (month), `2025` (year), `199`
//! (decade), `2025-W48` and `2025-W48-WE` (ISO week, weekend), `2025-Q4`, `2025-FA` (season:
//! SP, SU, FA, WI; a winter is labelled by the year of its December), `2025-11-21TNI` (part
//! of day: TMO, TAF, TEV, TNI), `2025-11-21T15:00` (clock time), `PAST_REF`,
//! `PRESENT_REF`, `FUTURE_REF`, durations `P3D`, `PT2.5H`, `P10Y`, `PXW`, `PXDE`, and sets
//! `P1W`, `XXXX-WXX-1`.
//!
//! **Layout.** `tokens` cuts a paragraph into tokens and sentences; `scan` reads them and
//! dispatches to the patterns, one module per family (`dates`, `relative`, `durations`,
//! `clock`), which return what each expression means (`meaning`) before resolution;
//! `tense` finds the tense markers; `value` resolves each expression against the DCT and
//! the anchor, with the dates of `holidays`; the word tables are in `words` and in
//! `data/time_*.txt`.

mod clock;
mod dates;
mod durations;
mod holidays;
mod meaning;
mod relative;
mod scan;
mod tense;
mod tokens;
mod value;
mod words;

#[cfg(test)]
mod tests;

use chrono::NaiveDate;
use serde::Serialize;

use meaning::{Cand, Day, What};
use scan::Scan;
use tense::{Mark, tense_at};
use tokens::{Tok, tokenize};

/// The TIMEX3 type of an expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TimexType {
    /// A calendar date or period: "Nov. 23", "last week", "October", "recently".
    Date,
    /// A time of day: "3 p.m. on Friday".
    Time,
    /// A length of time: "three days", "nearly four-year".
    Duration,
    /// A recurrence: "every week", "daily".
    Set,
}

/// One time expression in a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timex {
    /// Byte where it starts in the paragraph's text.
    pub start: usize,
    /// Byte after it.
    pub end: usize,
    /// Its TIMEX3 type.
    pub kind: TimexType,
    /// Its TIMEX3 value ("2025-11-23", "2025-W48", "P3D", "PAST_REF"); `None` when it is
    /// relative and nothing to resolve it against is known.
    pub value: Option<String>,
}

/// Tags the paragraphs of one source, in reading order.
#[derive(Debug, Clone)]
pub struct Tagger {
    /// The document creation time.
    reference: Option<NaiveDate>,
    /// In an undated source, the middle date of the dated ones: a day written without its
    /// year ("May 28") is taken in the year that puts it nearest.
    corpus: Option<NaiveDate>,
    /// The last day-precision date stated, across paragraphs.
    anchor: Option<NaiveDate>,
    /// Reused buffers: the lower-cased paragraph, its tokens, what matched, tense markers.
    lower: String,
    tokens: Vec<Tok>,
    found: Vec<Cand>,
    marks: Vec<Mark>,
}

impl Tagger {
    /// A tagger for a source published on `reference` (`None`: undated).
    pub fn new(reference: Option<NaiveDate>) -> Tagger {
        Tagger {
            reference,
            corpus: None,
            anchor: None,
            lower: String::new(),
            tokens: Vec::new(),
            found: Vec::new(),
            marks: Vec::new(),
        }
    }

    /// The tagger, knowing that the corpus's dated sources centre on `corpus`: in an
    /// undated source, a day written without its year is taken in the year nearest it.
    pub fn with_corpus_date(mut self, corpus: Option<NaiveDate>) -> Tagger {
        self.corpus = corpus;
        self
    }

    /// The time expressions of the next paragraph, in text order.
    pub fn tag(&mut self, text: &str) -> Vec<Timex> {
        let mut lower = std::mem::take(&mut self.lower);
        let mut tokens = std::mem::take(&mut self.tokens);
        let mut found = std::mem::take(&mut self.found);
        let mut marks = std::mem::take(&mut self.marks);
        lower.clear();
        lower.push_str(text);
        lower.make_ascii_lowercase();
        tokenize(text, &mut tokens);

        let scan = Scan {
            lower: &lower,
            toks: &tokens,
        };
        found.clear();
        let mut i = 0;
        while i < tokens.len() {
            match scan.at(i) {
                Some(c) if c.start == i && c.end > i => {
                    i = c.end;
                    found.push(c);
                }
                _ => i += 1,
            }
        }

        marks.clear();
        let mut marked = false;
        let mut out = Vec::with_capacity(found.len());
        for c in &found {
            let mut tense = None;
            if c.needs_tense() {
                if !marked {
                    scan.marks(&mut marks);
                    marked = true;
                }
                tense = tense_at(&marks, &tokens, text, c.start, c.end);
            }
            if matches!(c.what, What::Day(Day::Holiday(..))) && scan.deadline(c.start) {
                tense = None;
            }
            // A deadline ("by February 28", "a February 28 deadline") is no day the text
            // goes on from: "In the morning" after it is still the day told before.
            let deadline =
                scan.deadline(c.start) || matches!(scan.w(c.end), "deadline" | "ultimatum");
            let anchor = self.anchor;
            if let Some(t) = self.timex(&tokens, c, tense) {
                out.push(t);
            }
            if deadline {
                self.anchor = anchor;
            }
        }

        self.lower = lower;
        self.tokens = tokens;
        self.found = found;
        self.marks = marks;
        out
    }
}
