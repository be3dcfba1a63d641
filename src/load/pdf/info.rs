//! Metadata: the title, date and authors in a PDF's Info dictionary, a title that only
//! names a file left out.

use chrono::{NaiveDate, NaiveTime};
use lopdf::{Document, Object};

use crate::load::Published;

/// Title, date and authors from the Info dictionary.
pub(super) fn info(doc: &Document) -> (Option<String>, Option<Published>, Option<Vec<String>>) {
    let Some(dict) = doc
        .trailer
        .get_deref(b"Info", doc)
        .and_then(Object::as_dict)
        .ok()
    else {
        return (None, None, None);
    };
    let text = |key: &[u8]| {
        dict.get_deref(key, doc)
            .and_then(Object::as_str)
            .ok()
            .map(text_string)
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
    };
    let title = text(b"Title").filter(|t| is_real_title(t));
    let date = text(b"CreationDate")
        .and_then(|d| pdf_date(&d))
        .or_else(|| text(b"ModDate").and_then(|d| pdf_date(&d)));
    let authors = text(b"Author").map(|a| {
        a.split(';')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect::<Vec<_>>()
    });
    (title, date, authors.filter(|a| !a.is_empty()))
}

/// A PDF text string: UTF-16 after a byte order mark, UTF-8 after its mark, else
/// PDFDocEncoding (read as Latin-1, which it matches for letters).
fn text_string(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        return String::from_utf16_lossy(&units);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8_lossy(rest).into_owned();
    }
    bytes.iter().map(|b| char::from(*b)).collect()
}

/// Whether an Info title names the document rather than the file it was made from.
pub(super) fn is_real_title(title: &str) -> bool {
    let lower = title.to_lowercase();
    let file_like = [
        ".doc", ".docx", ".pdf", ".odt", ".rtf", ".txt", ".tex", ".dvi", ".ps", ".indd", ".xls",
        ".xlsx", ".ppt", ".pptx", ".pages", ".html", ".htm",
    ]
    .iter()
    .any(|ext| lower.ends_with(ext));
    let path_like = !title.contains(' ') && (title.contains('/') || title.contains('\\'));
    !(file_like
        || path_like
        || lower.starts_with("microsoft word - ")
        || lower.starts_with("untitled")
        || lower == "title"
        || lower == "document")
}

/// Reads `D:YYYYMMDDHHmmSS+HH'mm'` (every part after the year optional).
fn pdf_date(text: &str) -> Option<Published> {
    let digits: String = text
        .trim()
        .trim_start_matches("D:")
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let part = |from: usize, len: usize, default: u32| {
        digits
            .get(from..from + len)
            .map_or(Some(default), |p| p.parse::<u32>().ok())
    };
    let year = i32::try_from(part(0, 4, 0)?).ok()?;
    if digits.len() < 4 {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(year, part(4, 2, 1)?, part(6, 2, 1)?)?;
    let time = if digits.len() >= 10 {
        NaiveTime::from_hms_opt(part(8, 2, 0)?, part(10, 2, 0)?, part(12, 2, 0)?)
    } else {
        None
    };
    Some(Published { date, time })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_dates_are_read_to_the_precision_given() {
        let p = pdf_date("D:20251124093000+01'00'").unwrap();
        assert_eq!(p.iso_date(), "2025-11-24");
        assert_eq!(p.time, NaiveTime::from_hms_opt(9, 30, 0));
        let p = pdf_date("D:202511").unwrap();
        assert_eq!((p.iso_date(), p.time), ("2025-11-01".to_string(), None));
        assert_eq!(pdf_date("D:20251340"), None);
        assert_eq!(pdf_date("yesterday"), None);
    }
}
