//! `.pdf` sources: the text of a text-based PDF as paragraphs, with title, date and authors
//! from the document's Info dictionary.
//!
//! `lopdf` parses the file and decodes each font's strings; this module walks the page
//! content itself to learn where each piece of text stands, because paragraphs, running
//! headers and page numbers are told apart by position alone. Lines are kept in the order
//! the page content writes them (most producers write in reading order; a page is not
//! re-sorted, so columns written one after the other stay apart). Then:
//!
//! - a line among the two at the top or bottom of a page that, digits aside, recurs there on
//!   most pages is a running header or footer, and a bare page number ("3", "Page 3 of 7",
//!   "- 3 -") at the top or bottom is dropped too;
//! - a paragraph ends at a vertical gap wider than the page's usual line spacing, at a line
//!   indented past the one before it, or where the type size changes;
//! - a word broken at a line end ("state-" / "ment") is joined, unless the break looks like a
//!   real hyphen (see `hyphenation::join_lines`).
//!
//! A file with pages but no text (a scan) is [`PdfError::NoText`]: there is no OCR. Text in
//! fonts that give no way back to Unicode is [`PdfError::Undecodable`] rather than guessed.
//! Not read: XMP metadata, annotations, vertical writing as such (its glyphs are read as one
//! line), CJK fonts that need Adobe's collection tables to name their glyphs.
//!
//! The steps have a file each: `fonts` decodes glyph codes and measures glyphs, `page`
//! reads a page's content operators, `lines` gathers glyphs into lines, `paragraphs`
//! builds paragraphs from lines, `running_lines` drops running headers, footers and page
//! numbers, `hyphenation` rejoins broken words, and `info` reads the Info dictionary.

mod fonts;
mod hyphenation;
mod info;
mod lines;
mod page;
mod paragraphs;
mod running_lines;
#[cfg(test)]
mod tests;

use std::panic::{AssertUnwindSafe, catch_unwind};

use lopdf::{Document, ObjectId};
use thiserror::Error;

use crate::load::{Metadata, Published};
use info::info;
use page::page_text;
use paragraphs::paragraphs;

/// What a PDF says: its metadata and its text as paragraphs in reading order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PdfText {
    /// The document title, unless it is missing or only a file name or "Untitled".
    pub title: Option<String>,
    /// The creation date (or, lacking one, the modification date) as written in the file.
    pub date: Option<Published>,
    /// The `Author` entry, split at semicolons.
    pub authors: Option<Vec<String>>,
    /// Paragraphs without running headers, footers and page numbers.
    pub paragraphs: Vec<Paragraph>,
}

/// One paragraph of a PDF's text, its lines joined.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// The text, lines joined with spaces and broken words rejoined.
    pub text: String,
    /// The page (from 1) on which the paragraph starts.
    pub page: usize,
}

/// Why a PDF yields no text. Each has a message and, from [`PdfError::hint`], what to do.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PdfError {
    /// The file needs a password to be read.
    #[error("skipped: the PDF is encrypted and needs a password")]
    Encrypted,
    /// The file is not a PDF, or is damaged past reading.
    #[error("skipped: cannot read the PDF: {0}")]
    Broken(String),
    /// The pages draw text, but in fonts that do not say which letters their glyphs are.
    #[error("skipped: the PDF draws text in fonts that do not say which letters they hold")]
    Undecodable,
    /// The pages hold no text: most likely a scan.
    #[error("skipped: the PDF has no text, only images or drawings (a scan?); there is no OCR")]
    NoText,
}

impl PdfText {
    /// The document's metadata as a source's, each field found saying so, and its text as
    /// paragraphs separated by blank lines.
    pub fn into_source(self) -> (Metadata, String) {
        const FROM: &str = "the PDF's document information";
        let found = [
            ("title", self.title.is_some()),
            ("date", self.date.is_some()),
            ("authors", self.authors.is_some()),
        ]
        .into_iter()
        .filter(|(_, has)| *has)
        .map(|(field, _)| (field, FROM))
        .collect();
        let text = self
            .paragraphs
            .iter()
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>()
            .join("\n\n");
        let meta = Metadata {
            title: self.title,
            date: self.date,
            authors: self.authors,
            found,
            ..Metadata::default()
        };
        (meta, text)
    }
}

impl PdfError {
    /// What the user can do about it.
    pub fn hint(&self) -> &'static str {
        match self {
            PdfError::Encrypted => {
                "save an unprotected copy (open it with the password and print to PDF, or \
                 `qpdf --decrypt --password=PASSWORD in.pdf out.pdf`, leaving the password out \
                 if it opens without one) and use that"
            }
            PdfError::Broken(_) => {
                "check that the file is a whole PDF (download or export it again); if it opens \
                 in a PDF viewer, print it to a new PDF and use that"
            }
            PdfError::Undecodable => {
                "export or print it to PDF again from the program that made it, or convert it to \
                 text with another tool (e.g. `pdftotext in.pdf out.txt`) and add the .txt"
            }
            PdfError::NoText => {
                "run OCR on it first (e.g. `ocrmypdf in.pdf out.pdf`), or add its text as a .txt \
                 or .md source"
            }
        }
    }
}

/// The largest decompressed content stream read for one page; past it the page is broken.
const MAX_PAGE_CONTENT: usize = 64 << 20;

/// Reads the text and metadata of a PDF held in memory.
pub fn read(bytes: &[u8]) -> Result<PdfText, PdfError> {
    // The parser is not ours: a file crafted to make it panic must still be a warning.
    catch_unwind(AssertUnwindSafe(|| read_unguarded(bytes))).unwrap_or_else(|_| {
        Err(PdfError::Broken(
            "the PDF parser failed on it (damaged or unusual file)".into(),
        ))
    })
}

fn read_unguarded(bytes: &[u8]) -> Result<PdfText, PdfError> {
    if !bytes.starts_with(b"%PDF") && !bytes.get(..1024).is_some_and(|h| find(h, b"%PDF")) {
        return Err(PdfError::Broken("not a PDF file (no %PDF header)".into()));
    }
    let doc = Document::load_mem(bytes).map_err(|e| PdfError::Broken(e.to_string()))?;
    // lopdf opens a file encrypted with an empty user password by itself; one that needs a
    // real password stays encrypted with no decryption state.
    if doc.trailer.has(b"Encrypt") && doc.encryption_state.is_none() {
        return Err(PdfError::Encrypted);
    }
    let page_ids: Vec<ObjectId> = doc.get_pages().into_values().collect();
    if page_ids.is_empty() {
        return Err(PdfError::Broken("the PDF has no pages".into()));
    }
    let mut pages = Vec::with_capacity(page_ids.len());
    let mut failures = 0;
    let mut last_failure = String::new();
    let mut glyphs = 0;
    for id in &page_ids {
        match page_text(&doc, *id) {
            Ok(page) => {
                glyphs += page.glyphs;
                pages.push(page.lines);
            }
            Err(e) => {
                failures += 1;
                last_failure = e;
                pages.push(Vec::new());
            }
        }
    }
    if pages.iter().all(Vec::is_empty) {
        return Err(if failures == page_ids.len() {
            PdfError::Broken(last_failure)
        } else if glyphs > 0 {
            PdfError::Undecodable
        } else {
            PdfError::NoText
        });
    }
    let (title, date, authors) = info(&doc);
    Ok(PdfText {
        title,
        date,
        authors,
        paragraphs: paragraphs(pages),
    })
}

fn find(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// One line of text on a page, with its baseline position in page space.
#[derive(Debug, Clone, PartialEq)]
struct Line {
    text: String,
    x: f32,
    y: f32,
    /// Where the last piece of text on the line ends (estimated from glyph widths).
    x_end: f32,
    size: f32,
    /// Where the line's latest glyphs start, with their text, to spot one drawn over another.
    recent: Vec<(f32, String)>,
}
