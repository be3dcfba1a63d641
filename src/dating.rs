//! Dates for undated sources. Most sources collected from the web carry no date in their
//! metadata, though their text says when it was written: a wire dateline ("MOSCOW, Nov 26
//! (Reuters) -"), a date in the address, a day named with its weekday ("on Wednesday
//! (November 26)"), or being a copy of a dated source. The date inferred from that
//! evidence is kept apart from the metadata's (which stays what the source said), marked
//! approximate, and said with its evidence.
//!
//! Runs twice: [`from_text`] between parse and dedupe, from each source's own text and
//! address (so that dedupe knows which copy is older and relative times resolve), and
//! [`from_copies`] after dedupe, for the sources still undated that copy a dated one.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use regex::Regex;
use serde::Serialize;

use crate::calendar::{date_in_address, month_word, weekday_word};
use crate::parse::Document;

/// Where an inferred date comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DateEvidence {
    /// A wire dateline opening the text.
    Dateline,
    /// A date in the source's address.
    Url,
    /// The latest day the text names with the weekday it fell on.
    Text,
    /// A dated source it copies: it was published on that day or after.
    Copy,
}

impl DateEvidence {
    /// The evidence in words, for the source page.
    pub fn describe(self) -> &'static str {
        match self {
            DateEvidence::Dateline => "from its dateline",
            DateEvidence::Url => "from the date in its address",
            DateEvidence::Text => "from the latest day its text names with its weekday",
            DateEvidence::Copy => "from the source it copies (published that day or after)",
        }
    }
}

/// A date inferred for a source whose metadata has none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InferredDate {
    /// The day.
    pub date: NaiveDate,
    /// What it was read from.
    pub from: DateEvidence,
    /// The evidence as written: the dateline, the address, the phrase, or the copied
    /// source's title (its file when it has none).
    pub evidence: String,
}

const MONTHS: &str = r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?";

/// A wire dateline with a day: `MOSCOW, Nov 26 (Reuters) -`, `GENEVA, 23 November 2025 —`.
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s*[A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+){{0,3}}(?:, ?[A-Z][A-Za-z.'’\-]+(?: [A-Z][A-Za-z.'’\-]+){{0,2}})?,? (?:(?P<m1>{MONTHS})\.? (?P<d1>\d{{1,2}})|(?P<d2>\d{{1,2}}) (?P<m2>{MONTHS})\.?)(?:,? (?P<y>\d{{4}}))?\s*(?:\([^()]{{1,40}}\))?\s*(?:--|[—–:-])\s"
    ))
    .expect("dated dateline pattern")
});

/// A press release's dateline, its place written in any case but its year given:
/// `Alicante, 22 May 2026.`, `BERLIN, March 3, 2026 /PRNewswire/ --`.
static RELEASE_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s*\p{{Lu}}[\p{{L}}.'’\-]+(?: \p{{Lu}}[\p{{L}}.'’\-]+){{0,3}}(?:, ?\p{{Lu}}[\p{{L}}.'’\-]+(?: \p{{Lu}}[\p{{L}}.'’\-]+){{0,2}})?, (?:(?P<m1>{MONTHS})\.? (?P<d1>\d{{1,2}}),?|(?P<d2>\d{{1,2}}) (?P<m2>{MONTHS})\.?) (?P<y>\d{{4}})\s*(?:/[^/]{{1,40}}/)?\s*(?:--|[.—–:-])\s"
    ))
    .expect("release dateline pattern")
});

/// A day named with its weekday: `Wednesday (November 26)`, `Wednesday, Nov. 26, 2025`,
/// `Wednesday 26 November`.
static WEEKDAY_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?P<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s*\(?\s*(?:(?P<m1>{MONTHS})\.? (?P<d1>\d{{1,2}})\b|(?P<d2>\d{{1,2}}) (?P<m2>{MONTHS})\b)(?:,? (?P<y>\d{{4}}))?\)?"
    ))
    .expect("weekday date pattern")
});

/// The month number of a month name as the patterns match it.
fn month(name: &str) -> Option<u32> {
    month_word(&name.to_ascii_lowercase()).map(|(m, _)| m)
}

/// The day `month`/`day` in `year`, or, when the year is not given, in the year that puts
/// it nearest to `reference` (a dateline of December 30 in a corpus of January is the
/// December before).
fn day_near(
    year: Option<i32>,
    month: u32,
    day: u32,
    reference: Option<NaiveDate>,
) -> Option<NaiveDate> {
    if let Some(year) = year {
        return NaiveDate::from_ymd_opt(year, month, day);
    }
    let reference = reference?;
    (reference.year() - 1..=reference.year() + 1)
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .min_by_key(|d| (*d - reference).num_days().abs())
}

/// The date a document's own text and address give it, when its metadata has none.
/// `reference` is a day typical of the corpus (the median of its dated sources), for
/// datelines without a year.
fn own_evidence(document: &Document, reference: Option<NaiveDate>) -> Option<InferredDate> {
    let first = document.blocks.iter().find(|b| !b.text.trim().is_empty());
    let dateline = first.and_then(|b| {
        DATELINE
            .captures(&b.text)
            .or_else(|| RELEASE_DATELINE.captures(&b.text))
    });
    if let Some(found) = dateline {
        let (m, d) = match (found.name("m1"), found.name("d1")) {
            (Some(m), Some(d)) => (m, d),
            _ => (found.name("m2")?, found.name("d2")?),
        };
        let year = found.name("y").and_then(|y| y.as_str().parse().ok());
        let day = d.as_str().parse().ok();
        if let Some(date) = month(m.as_str())
            .zip(day)
            .and_then(|(m, d)| day_near(year, m, d, reference))
        {
            return Some(InferredDate {
                date,
                from: DateEvidence::Dateline,
                evidence: found[0].trim().to_string(),
            });
        }
    }
    if let Some(url) = &document.source.meta.url
        && let Some(date) = date_in_address(url)
    {
        return Some(InferredDate {
            date,
            from: DateEvidence::Url,
            evidence: url.clone(),
        });
    }
    latest_weekday_date(document, reference)
}

/// The latest day the document names together with the weekday it fell on, in the year
/// stated or, without one, the year that puts it nearest `reference`: a weekday that does
/// not fit that day is a slip, not another year.
fn latest_weekday_date(document: &Document, reference: Option<NaiveDate>) -> Option<InferredDate> {
    let mut latest: Option<InferredDate> = None;
    for block in &document.blocks {
        for found in WEEKDAY_DATE.captures_iter(&block.text) {
            let Some(weekday) = weekday_word(&found["w"].to_ascii_lowercase()).map(|w| w.0) else {
                continue;
            };
            let (m, d) = match (found.name("m1"), found.name("d1")) {
                (Some(m), Some(d)) => (m.as_str(), d.as_str()),
                _ => match (found.name("m2"), found.name("d2")) {
                    (Some(m), Some(d)) => (m.as_str(), d.as_str()),
                    _ => continue,
                },
            };
            let (Some(m), Ok(d)) = (month(m), d.parse::<u32>()) else {
                continue;
            };
            let stated: Option<i32> = found.name("y").and_then(|y| y.as_str().parse().ok());
            let fits = day_near(stated, m, d, reference).filter(|date| date.weekday() == weekday);
            if let Some(date) = fits
                && latest.as_ref().is_none_or(|l| date > l.date)
            {
                latest = Some(InferredDate {
                    date,
                    from: DateEvidence::Text,
                    evidence: found[0].trim_end_matches([',', ' ']).to_string(),
                });
            }
        }
    }
    latest
}

/// The median date of the documents dated by their metadata.
pub fn corpus_reference(documents: &[Document]) -> Option<NaiveDate> {
    let mut dates: Vec<NaiveDate> = documents
        .iter()
        .filter_map(|d| d.source.meta.date.as_ref().map(|p| p.date))
        .collect();
    dates.sort_unstable();
    dates.get(dates.len() / 2).copied()
}

/// Infers a date for every undated document from its own text and address.
pub fn from_text(documents: &mut [Document]) {
    let reference = corpus_reference(documents);
    for document in documents.iter_mut() {
        if document.source.meta.date.is_none() {
            document.inferred_date = own_evidence(document, reference);
        }
    }
}

/// Infers a date for every document still undated that copies a dated one (`copy_of`
/// gives, per document, the document it copies whole): the original's date, since a copy
/// is published on or after it. Returns the documents it dated.
pub fn from_copies(
    documents: &mut [Document],
    copy_of: impl Fn(usize) -> Option<usize>,
) -> Vec<usize> {
    let mut dated = Vec::new();
    for index in 0..documents.len() {
        let document = &documents[index];
        if document.date().is_some() {
            continue;
        }
        let Some(original) = copy_of(index).map(|o| &documents[o]) else {
            continue;
        };
        let Some(date) = original.date() else {
            continue;
        };
        let inferred = InferredDate {
            date,
            from: DateEvidence::Copy,
            evidence: original
                .source
                .meta
                .title
                .clone()
                .unwrap_or_else(|| original.source.path.display().to_string()),
        };
        documents[index].inferred_date = Some(inferred);
        dated.push(index);
    }
    dated
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dedupe::tests::document;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn inferred(text: &str, url: Option<&str>, reference: Option<&str>) -> Option<InferredDate> {
        let mut doc = document("a.txt", None, text);
        doc.source.meta.url = url.map(str::to_string);
        own_evidence(&doc, reference.map(day))
    }

    #[test]
    fn a_dateline_gives_the_day_and_the_corpus_the_year() {
        let found = inferred(
            "MOSCOW, Nov 26 (Reuters) - The Kremlin said on Wednesday it had not seen the text.",
            None,
            Some("2025-11-20"),
        )
        .unwrap();
        assert_eq!(found.date, day("2025-11-26"));
        assert_eq!(found.from, DateEvidence::Dateline);
        assert_eq!(found.evidence, "MOSCOW, Nov 26 (Reuters) -");
        // Near a new year, the year that puts the day nearest the corpus.
        let found = inferred(
            "BERLIN, 30 December — Talks resumed.",
            None,
            Some("2026-01-03"),
        );
        assert_eq!(found.unwrap().date, day("2025-12-30"));
        // A press release's, its place in any case, with its year.
        for (text, evidence) in [
            (
                "Alicante, 22 May 2026. The board met yesterday.",
                "Alicante, 22 May 2026.",
            ),
            (
                "BERLIN, March 3, 2026 /PRNewswire/ -- The company said …",
                "BERLIN, March 3, 2026 /PRNewswire/ --",
            ),
        ] {
            let found = inferred(text, None, None).unwrap();
            assert_eq!(found.evidence, evidence);
        }
        assert_eq!(
            inferred("Alicante, 22 May 2026. The board met.", None, None)
                .unwrap()
                .date,
            day("2026-05-22")
        );
        // A sentence that opens with a place and a day of no year is no dateline.
        assert_eq!(
            inferred("Alicante, 22 May. The board met.", None, None),
            None
        );
        // A dateline without a day says nothing of when.
        assert_eq!(
            inferred("GENEVA — Talks resumed.", None, Some("2025-11-20")),
            None
        );
    }

    #[test]
    fn an_address_gives_its_day() {
        for url in [
            "https://example.com/world/2025/11/26/kremlin-text/",
            "https://example.com/news/2025-11-26-kremlin",
            "https://example.com/a/20251126/kremlin.html",
        ] {
            let found = inferred("No dateline here.", Some(url), None).unwrap();
            assert_eq!(
                (found.date, found.from),
                (day("2025-11-26"), DateEvidence::Url),
                "{url}"
            );
        }
        assert_eq!(
            inferred("Text.", Some("https://example.com/2025/11/"), None),
            None
        );
    }

    #[test]
    fn the_latest_day_named_with_a_fitting_weekday_dates_the_text() {
        let text = "Talks began on Monday (November 24).\nOn Wednesday (November 26) the Kremlin \
                    answered. A meeting on Friday, November 27 is planned.";
        // November 27, 2025 was a Thursday: that phrase fits no year near the corpus.
        let found = inferred(text, None, Some("2025-11-01")).unwrap();
        assert_eq!(found.date, day("2025-11-26"));
        assert_eq!(found.from, DateEvidence::Text);
        assert_eq!(found.evidence, "Wednesday (November 26)");
        // With a year stated, no reference is needed.
        let found = inferred("It ended on Sunday, 23 November 2025.", None, None).unwrap();
        assert_eq!(found.date, day("2025-11-23"));
        assert_eq!(
            inferred("It ended on Sunday, 23 November.", None, None),
            None
        );
    }
}
