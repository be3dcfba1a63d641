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
//!   real hyphen (see [`join_lines`]).
//!
//! A file with pages but no text (a scan) is [`PdfError::NoText`]: there is no OCR. Text in
//! fonts that give no way back to Unicode is [`PdfError::Undecodable`] rather than guessed.
//! Not read: XMP metadata, annotations, vertical writing as such (its glyphs are read as one
//! line), CJK fonts that need Adobe's collection tables to name their glyphs.

use std::collections::{HashMap, HashSet};
use std::panic::{AssertUnwindSafe, catch_unwind};

use chrono::{NaiveDate, NaiveTime};
use lopdf::content::Content;
use lopdf::{Dictionary, Document, Encoding, Object, ObjectId};
use thiserror::Error;
use unicode_normalization::UnicodeNormalization;

use crate::load::Published;

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

/// How many of a line's latest glyphs are kept to spot overprinting.
const RECENT_GLYPHS: usize = 256;

/// An affine matrix `[a b c d e f]` as PDF writes it.
type Matrix = [f32; 6];

const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `m` then `n`: the PDF order of concatenation (`m × n`).
fn multiply(m: &Matrix, n: &Matrix) -> Matrix {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

fn translate(tx: f32, ty: f32) -> Matrix {
    [1.0, 0.0, 0.0, 1.0, tx, ty]
}

/// A font as needed here: how to decode its glyph codes and how wide its glyphs are.
struct Font<'a> {
    encoding: Option<Encoding<'a>>,
    /// Glyph widths by code, in thousandths of the type size.
    widths: HashMap<u32, f32>,
    default_width: f32,
    /// Composite fonts take two bytes per glyph (the common Identity encodings).
    two_byte: bool,
    /// A composite font whose codes are UTF-16 (the `Uni…-UCS2-H` and `Uni…-UTF16-H` CMaps,
    /// and their vertical forms), which lopdf does not decode.
    utf16: bool,
}

/// The most glyph widths read from one font, against ranges written to exhaust memory.
const MAX_WIDTHS: usize = 1 << 16;

impl<'a> Font<'a> {
    fn of(doc: &'a Document, dict: &'a Dictionary) -> Font<'a> {
        let two_byte = dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .is_ok_and(|s| s == b"Type0");
        // The codes of a composite font are glyph or collection numbers, not letters, unless
        // a ToUnicode map says which letters they are (or the CMap is UTF-16, below).
        let encoding = if two_byte && !dict.has(b"ToUnicode") {
            None
        } else {
            dict.get_font_encoding_with_limit(doc, MAX_PAGE_CONTENT)
                .ok()
        };
        let utf16 = two_byte
            && dict
                .get(b"Encoding")
                .and_then(Object::as_name)
                .is_ok_and(|name| {
                    name.starts_with(b"Uni")
                        && [&b"-UCS2-"[..], b"-UTF16-"]
                            .iter()
                            .any(|kind| name.windows(kind.len()).any(|w| w == *kind))
                });
        let mut widths = HashMap::new();
        let default_width;
        if two_byte {
            let descendant = dict
                .get_deref(b"DescendantFonts", doc)
                .and_then(Object::as_array)
                .ok()
                .and_then(|a| a.first())
                .and_then(|d| doc.dereference(d).ok())
                .and_then(|(_, d)| d.as_dict().ok());
            default_width = descendant
                .and_then(|d| d.get_deref(b"DW", doc).and_then(Object::as_float).ok())
                .unwrap_or(1000.0);
            // Widths go by CID, which is the code only under an Identity CMap.
            if let Some(w) = descendant
                .filter(|_| !utf16)
                .and_then(|d| d.get_deref(b"W", doc).ok())
            {
                cid_widths(doc, w, &mut widths);
            }
        } else {
            default_width = dict
                .get_deref(b"FontDescriptor", doc)
                .and_then(Object::as_dict)
                .and_then(|d| d.get_deref(b"MissingWidth", doc))
                .and_then(Object::as_float)
                .ok()
                .filter(|w| *w > 0.0)
                .unwrap_or(500.0);
            let first = dict
                .get_deref(b"FirstChar", doc)
                .and_then(Object::as_i64)
                .unwrap_or(0);
            if let Ok(list) = dict.get_deref(b"Widths", doc).and_then(Object::as_array) {
                for (i, w) in list.iter().take(256).enumerate() {
                    let code = u32::try_from(first + i as i64).unwrap_or(u32::MAX);
                    if let Ok(w) = doc.dereference(w).and_then(|(_, w)| w.as_float()) {
                        widths.insert(code, w);
                    }
                }
            }
        }
        Font {
            encoding,
            widths,
            default_width,
            two_byte,
            utf16,
        }
    }

    /// The glyph codes of a shown string, as byte slices.
    fn codes<'b>(&self, bytes: &'b [u8]) -> std::slice::Chunks<'b, u8> {
        bytes.chunks(if self.two_byte { 2 } else { 1 })
    }

    fn decode(&self, code: &[u8]) -> String {
        if self.utf16 {
            let units: Vec<u16> = code
                .chunks_exact(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            return String::from_utf16_lossy(&units);
        }
        match &self.encoding {
            Some(encoding) => Document::decode_text(encoding, code).unwrap_or_default(),
            // Without a map, the codes of a composite font say nothing of its letters.
            None if self.two_byte => String::new(),
            None => code
                .iter()
                .filter(|b| b.is_ascii_graphic() || **b == b' ')
                .map(|b| char::from(*b))
                .collect(),
        }
    }

    /// The width of a glyph at type size 1.
    fn width(&self, code: &[u8]) -> f32 {
        let key = code.iter().fold(0u32, |k, b| (k << 8) | u32::from(*b));
        self.widths.get(&key).copied().unwrap_or(self.default_width) / 1000.0
    }
}

/// Reads a CID font's `W` array: `c [w1 w2 …]` or `first last w` entries.
fn cid_widths(doc: &Document, w: &Object, widths: &mut HashMap<u32, f32>) {
    let Ok(items) = w.as_array() else { return };
    let number = |o: &Object| doc.dereference(o).ok().and_then(|(_, o)| o.as_float().ok());
    let mut i = 0;
    while i < items.len() && widths.len() < MAX_WIDTHS {
        let Some(first) = number(&items[i]) else {
            break;
        };
        let first = first.max(0.0) as u32;
        match items.get(i + 1).map(|o| doc.dereference(o).map(|(_, o)| o)) {
            Some(Ok(Object::Array(list))) => {
                for (k, w) in list.iter().enumerate().take(MAX_WIDTHS) {
                    if let Some(w) = number(w) {
                        widths.insert(first.saturating_add(k as u32), w);
                    }
                }
                i += 2;
            }
            Some(Ok(last)) => {
                let (Ok(last), Some(w)) = (last.as_float(), items.get(i + 2).and_then(number))
                else {
                    break;
                };
                let last = (last.max(0.0) as u32).min(first.saturating_add(MAX_WIDTHS as u32));
                for code in first..=last {
                    widths.insert(code, w);
                }
                i += 3;
            }
            _ => break,
        }
    }
}

/// The text state the content operators change, as far as positions need it.
struct TextState {
    ctm: Matrix,
    stack: Vec<Matrix>,
    tm: Matrix,
    tlm: Matrix,
    leading: f32,
    font: Option<Vec<u8>>,
    size: f32,
    char_spacing: f32,
    word_spacing: f32,
    scale: f32,
}

/// What one page shows: its lines in content order, and how many glyphs it drew in all
/// (text whose font has no way to Unicode counts there but yields no line).
#[derive(Debug, Default)]
struct PageText {
    lines: Vec<Line>,
    glyphs: usize,
}

/// The most content operators read for one page, form XObjects included: a form drawn again
/// and again inside itself must not keep the reader busy.
const MAX_OPERATIONS: usize = 1_000_000;

/// How many graphics states `q` saves at most; past it a `q` is ignored.
const MAX_SAVED_STATES: usize = 1024;

/// How deep form XObjects are followed inside one another.
const MAX_FORM_DEPTH: usize = 8;

/// The fonts of a resource dictionary by name.
type Fonts<'a> = Vec<(Vec<u8>, Font<'a>)>;

/// Reads the text of one page. Fails only when the page's content cannot be read.
fn page_text(doc: &Document, page: ObjectId) -> Result<PageText, String> {
    let data = doc
        .get_page_content_with_limit(page, MAX_PAGE_CONTENT)
        .map_err(|e| e.to_string())?;
    let content = Content::decode(&data).map_err(|e| e.to_string())?;
    let fonts: Fonts = doc
        .get_page_fonts(page)
        .map(|fonts| {
            fonts
                .into_iter()
                .map(|(name, dict)| (name, Font::of(doc, dict)))
                .collect()
        })
        .unwrap_or_default();
    let mut resources: Vec<&Dictionary> = Vec::new();
    if let Ok((direct, ids)) = doc.get_page_resources(page) {
        resources.extend(direct);
        resources.extend(ids.iter().filter_map(|id| doc.get_dictionary(*id).ok()));
    }
    let mut reader = PageReader {
        doc,
        text: PageText::default(),
        budget: MAX_OPERATIONS,
        state: TextState {
            ctm: IDENTITY,
            stack: Vec::new(),
            tm: IDENTITY,
            tlm: IDENTITY,
            leading: 0.0,
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            scale: 1.0,
        },
    };
    reader.run(&content.operations, &fonts, &resources, 0);
    let mut text = reader.text;
    text.lines.retain(|l| !l.text.trim().is_empty());
    for line in &mut text.lines {
        line.text = line.text.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    Ok(text)
}

/// Walks content operators, following form XObjects, and gathers the text they show.
struct PageReader<'a> {
    doc: &'a Document,
    text: PageText,
    budget: usize,
    state: TextState,
}

impl<'a> PageReader<'a> {
    fn run(
        &mut self,
        operations: &[lopdf::content::Operation],
        fonts: &Fonts<'a>,
        resources: &[&'a Dictionary],
        depth: usize,
    ) {
        for op in operations {
            if self.budget == 0 {
                return;
            }
            self.budget -= 1;
            let state = &mut self.state;
            let nums: Vec<f32> = op
                .operands
                .iter()
                .filter_map(|o| o.as_float().ok())
                .collect();
            let num = |i: usize| nums.get(i).copied().unwrap_or(0.0);
            match op.operator.as_str() {
                "q" if state.stack.len() < MAX_SAVED_STATES => state.stack.push(state.ctm),
                "Q" => state.ctm = state.stack.pop().unwrap_or(IDENTITY),
                "cm" if nums.len() == 6 => {
                    let m = [num(0), num(1), num(2), num(3), num(4), num(5)];
                    state.ctm = multiply(&m, &state.ctm);
                }
                "BT" => {
                    state.tm = IDENTITY;
                    state.tlm = IDENTITY;
                }
                "Td" => state.next_line(num(0), num(1)),
                "TD" => {
                    state.leading = -num(1);
                    state.next_line(num(0), num(1));
                }
                "Tm" if nums.len() == 6 => {
                    state.tlm = [num(0), num(1), num(2), num(3), num(4), num(5)];
                    state.tm = state.tlm;
                }
                "T*" => state.next_line_down(),
                "TL" => state.leading = num(0),
                "Tc" => state.char_spacing = num(0),
                "Tw" => state.word_spacing = num(0),
                "Tz" => state.scale = num(0) / 100.0,
                "Tf" => {
                    state.font = op
                        .operands
                        .first()
                        .and_then(|o| o.as_name().ok())
                        .map(<[u8]>::to_vec);
                    state.size = num(0);
                }
                "Tj" | "'" | "\"" | "TJ" => {
                    if op.operator == "'" || op.operator == "\"" {
                        if op.operator == "\"" {
                            state.word_spacing = num(0);
                            state.char_spacing = num(1);
                        }
                        state.next_line_down();
                    }
                    let font = state
                        .font
                        .as_ref()
                        .and_then(|name| fonts.iter().find(|(n, _)| n == name))
                        .map(|(_, f)| f);
                    match font {
                        Some(font) => show(state, font, &op.operands, &mut self.text),
                        None => self.text.glyphs += 1,
                    }
                }
                "Do" if depth < MAX_FORM_DEPTH => {
                    if let Some(name) = op.operands.first().and_then(|o| o.as_name().ok()) {
                        self.form(name, fonts, resources, depth);
                    }
                }
                _ => {}
            }
        }
    }

    /// Runs the form XObject `name`, in its own fonts and matrix where it has them.
    fn form(&mut self, name: &[u8], fonts: &Fonts<'a>, resources: &[&'a Dictionary], depth: usize) {
        let doc = self.doc;
        let Some(stream) = resources.iter().find_map(|r| {
            r.get_deref(b"XObject", doc)
                .and_then(Object::as_dict)
                .and_then(|x| x.get_deref(name, doc))
                .and_then(Object::as_stream)
                .ok()
        }) else {
            return;
        };
        if !stream
            .dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .is_ok_and(|s| s == b"Form")
        {
            return;
        }
        let Some(content) = stream
            .get_plain_content_with_limit(MAX_PAGE_CONTENT)
            .ok()
            .and_then(|data| Content::decode(&data).ok())
        else {
            return;
        };
        let own = stream
            .dict
            .get_deref(b"Resources", doc)
            .and_then(Object::as_dict)
            .ok();
        let own_fonts: Option<Fonts<'a>> = own
            .and_then(|r| r.get_deref(b"Font", doc).and_then(Object::as_dict).ok())
            .map(|f| {
                f.iter()
                    .filter_map(|(name, font)| {
                        let font = doc.dereference(font).ok()?.1.as_dict().ok()?;
                        Some((name.clone(), Font::of(doc, font)))
                    })
                    .collect()
            });
        let own_resources: Vec<&'a Dictionary> = own.into_iter().collect();
        let matrix = stream
            .dict
            .get_deref(b"Matrix", doc)
            .and_then(Object::as_array)
            .ok()
            .map(|m| {
                m.iter()
                    .filter_map(|n| n.as_float().ok())
                    .collect::<Vec<_>>()
            })
            .filter(|m| m.len() == 6)
            .map_or(IDENTITY, |m| [m[0], m[1], m[2], m[3], m[4], m[5]]);
        let saved = (self.state.ctm, self.state.stack.len());
        self.state.ctm = multiply(&matrix, &self.state.ctm);
        self.run(
            &content.operations,
            own_fonts.as_ref().unwrap_or(fonts),
            if own_resources.is_empty() {
                resources
            } else {
                &own_resources
            },
            depth + 1,
        );
        self.state.ctm = saved.0;
        self.state.stack.truncate(saved.1);
    }
}

impl TextState {
    /// `Td`: the start of the next line, offset from the start of this one.
    fn next_line(&mut self, tx: f32, ty: f32) {
        self.tlm = multiply(&translate(tx, ty), &self.tlm);
        self.tm = self.tlm;
    }

    /// `T*`: the next line down by the leading.
    fn next_line_down(&mut self) {
        let leading = self.leading;
        self.next_line(0.0, -leading);
    }
}

/// Shows the strings of a `Tj`, `'`, `"` or `TJ`, adding their text to `lines`.
///
/// Spaces come from where glyphs stand, not from the text: a gap between two glyphs wider
/// than [`WORD_GAP`] is a space, whether a space glyph, a `TJ` adjustment or a move of the
/// text position made it. Space glyphs themselves are not kept, since some producers draw
/// one with no room after it (a browser's soft hyphen).
fn show(state: &mut TextState, font: &Font, operands: &[Object], page: &mut PageText) {
    let items: Vec<&Object> = match operands.last() {
        Some(Object::Array(items)) => items.iter().collect(),
        Some(last) => vec![last],
        None => Vec::new(),
    };
    for item in items {
        if let Object::String(bytes, _) = item {
            for code in font.codes(bytes) {
                page.glyphs += 1;
                let text = font.decode(code);
                let at = multiply(&state.tm, &state.ctm);
                let mut advance = font.width(code) * state.size + state.char_spacing;
                if code == b" " {
                    advance += state.word_spacing;
                }
                advance *= state.scale;
                state.tm = multiply(&translate(advance, 0.0), &state.tm);
                if text.trim().is_empty() {
                    continue;
                }
                let end = multiply(&state.tm, &state.ctm)[4];
                let size = state.size * (at[2] * at[2] + at[3] * at[3]).sqrt();
                let size = if size > 0.0 { size } else { 1.0 };
                place(&mut page.lines, &text, at[4], end, at[5], size);
            }
        } else if let Ok(adjust) = item.as_float() {
            let shift = -adjust / 1000.0 * state.size * state.scale;
            state.tm = multiply(&translate(shift, 0.0), &state.tm);
        }
    }
}

/// The gap between glyphs, as a share of the type size, wider than which words stand apart:
/// below the narrowest word space (about a fifth of the size in condensed or tightly justified
/// type), above kerning.
const WORD_GAP: f32 = 0.12;

/// Appends a glyph's text, its ligatures ("ﬁ") spelt out and soft hyphens inside a line
/// left out (one at the end of a line may mark a broken word).
fn push_glyph(line: &mut String, text: &str) {
    if line.ends_with('\u{AD}') {
        line.pop();
    }
    for c in text.chars() {
        if ('\u{FB00}'..='\u{FB06}').contains(&c) {
            line.extend(c.nfkc());
        } else {
            line.push(c);
        }
    }
}

/// Adds a glyph's text at `x`..`end` on baseline `y` to the last line, or starts a line.
fn place(lines: &mut Vec<Line>, text: &str, x: f32, end: f32, y: f32, size: f32) {
    if let Some(line) = lines.last_mut()
        && (line.y - y).abs() < 0.5 * size.max(line.size)
    {
        // The same glyph drawn again where it already stands (bold faked by overprinting, a
        // shadow, a form drawn twice) is read once.
        if x < line.x_end
            && line
                .recent
                .iter()
                .any(|(at, seen)| seen == text && (at - x).abs() < 0.3 * size)
        {
            return;
        }
        if x > line.x_end + WORD_GAP * size && !line.text.ends_with(' ') {
            line.text.push(' ');
        }
        push_glyph(&mut line.text, text);
        line.x_end = end;
        line.size = line.size.max(size);
        if line.recent.len() == RECENT_GLYPHS {
            line.recent.remove(0);
        }
        line.recent.push((x, text.to_string()));
        return;
    }
    let mut line_text = String::new();
    push_glyph(&mut line_text, text);
    lines.push(Line {
        text: line_text,
        x,
        y,
        x_end: end,
        size,
        recent: vec![(x, text.to_string())],
    });
}

/// Paragraphs of the pages' lines, running headers, footers and page numbers left out.
fn paragraphs(mut pages: Vec<Vec<Line>>) -> Vec<Paragraph> {
    drop_running_lines(&mut pages);
    let vocabulary = vocabulary(&pages);
    let mut blocks: Vec<(usize, Vec<String>)> = Vec::new();
    for (number, lines) in pages.iter().enumerate() {
        let page = number + 1;
        let leading = usual_leading(lines);
        let mut first_on_page = true;
        for (i, line) in lines.iter().enumerate() {
            let starts = match i.checked_sub(1).map(|p| &lines[p]) {
                None => true,
                Some(prev) => {
                    let gap = prev.y - line.y;
                    let size = line.size.max(prev.size);
                    gap <= 0.0
                        || gap > leading * 1.4
                        || line.x > prev.x + 0.8 * size
                        || (line.size - prev.size).abs() > 0.15 * size
                }
            };
            // A paragraph that runs over a page break: the last one did not end a sentence
            // and this page goes on in lower case.
            let continues = first_on_page
                && blocks.last().is_some_and(|(_, text)| {
                    text.last().is_some_and(|l| !ends_sentence(l))
                        && line.text.chars().next().is_some_and(char::is_lowercase)
                });
            first_on_page = false;
            match blocks.last_mut() {
                Some((_, text)) if !starts || continues => text.push(line.text.clone()),
                _ => blocks.push((page, vec![line.text.clone()])),
            }
        }
    }
    blocks
        .into_iter()
        .map(|(page, lines)| Paragraph {
            text: join_lines(&lines, &vocabulary),
            page,
        })
        .collect()
}

fn ends_sentence(line: &str) -> bool {
    line.trim_end()
        .ends_with(['.', '!', '?', ':', '"', '”', '’', '\'', ')'])
}

/// The median distance between the baselines of neighbouring lines that go down the page.
fn usual_leading(lines: &[Line]) -> f32 {
    let mut gaps: Vec<f32> = lines
        .windows(2)
        .map(|w| w[0].y - w[1].y)
        .filter(|g| *g > 0.0)
        .collect();
    gaps.sort_by(f32::total_cmp);
    gaps.get(gaps.len() / 2)
        .copied()
        .unwrap_or_else(|| lines.first().map_or(12.0, |l| l.size * 1.2))
}

/// Indexes of the lines at the top and bottom of a page: the two highest and two lowest.
fn edge_lines(lines: &[Line]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..lines.len()).collect();
    order.sort_by(|a, b| lines[*b].y.total_cmp(&lines[*a].y));
    let mut edges: Vec<usize> = order.iter().take(2).copied().collect();
    edges.extend(order.iter().rev().take(2));
    edges.sort_unstable();
    edges.dedup();
    edges
}

/// A line as compared between pages: digits and case aside.
fn running_key(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| {
            if c.is_ascii_digit() {
                '#'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

/// "3", "- 3 -", "Page 3", "Page 3 of 7", "3/7", "iv".
fn is_page_number(text: &str) -> bool {
    let t = text
        .trim()
        .trim_matches(['-', '–', '—', ' ', '[', ']', '(', ')']);
    let t = t.to_lowercase();
    let t = t
        .strip_prefix("page")
        .or_else(|| t.strip_prefix("p."))
        .unwrap_or(&t)
        .trim();
    let mut parts = t
        .split(|c: char| c == '/' || c.is_whitespace())
        .filter(|p| !p.is_empty() && *p != "of");
    let numeral = |p: &str| {
        p.chars().all(|c| c.is_ascii_digit())
            || (p.len() <= 5 && p.chars().all(|c| matches!(c, 'i' | 'v' | 'x')))
    };
    let count = parts.clone().count();
    (1..=2).contains(&count) && parts.all(numeral)
}

fn drop_running_lines(pages: &mut [Vec<Line>]) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for lines in pages.iter() {
        let keys: HashSet<String> = edge_lines(lines)
            .into_iter()
            .map(|i| running_key(&lines[i].text))
            .collect();
        for key in keys {
            *seen.entry(key).or_default() += 1;
        }
    }
    let count = pages.len();
    let running = |key: &str| {
        count >= 2
            && seen
                .get(key)
                .is_some_and(|pages| *pages >= 2 && pages * 2 > count)
    };
    for lines in pages.iter_mut() {
        let edges = edge_lines(lines);
        let mut index = 0;
        lines.retain(|line| {
            let at_edge = edges.contains(&index);
            index += 1;
            !(at_edge && (is_page_number(&line.text) || running(&running_key(&line.text))))
        });
    }
}

/// Every word of the text, lower case, hyphenated compounds as written.
fn vocabulary(pages: &[Vec<Line>]) -> HashSet<String> {
    pages
        .iter()
        .flatten()
        .flat_map(|l| l.text.split_whitespace())
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// Hyphen-minus, the Unicode hyphen and the soft hyphen, as they end a broken line.
const HYPHENS: [char; 3] = ['-', '\u{2010}', '\u{AD}'];

/// Joins a paragraph's lines with spaces, rejoining a word broken at a line end.
///
/// A line that ends in a letter or digit and a hyphen, followed by one that starts with a
/// lower-case letter, is a broken word. The hyphen is kept when the part before it starts with a capital
/// ("Franco-" / "German"), or when the text writes the compound with its hyphen elsewhere and
/// never without ("well-known"); otherwise it is dropped ("state-" / "ment"), since line-end
/// hyphens are mostly a typesetter's. Either way no space is put in.
fn join_lines(lines: &[String], vocabulary: &HashSet<String>) -> String {
    let mut text = String::new();
    for line in lines {
        let line = line.trim();
        if text.is_empty() {
            text.push_str(line);
            continue;
        }
        let broken =
            text.ends_with(HYPHENS) && text.chars().rev().nth(1).is_some_and(char::is_alphanumeric);
        let next_word: String = line.chars().take_while(|c| c.is_alphabetic()).collect();
        if broken && next_word.chars().next().is_some_and(char::is_lowercase) {
            let cut = text.len() - text.chars().next_back().map_or(0, char::len_utf8);
            let head: String = text[..cut]
                .chars()
                .rev()
                .take_while(|c| c.is_alphabetic() || HYPHENS.contains(c))
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let joined = format!("{head}{next_word}").to_lowercase();
            let compound = format!("{head}-{next_word}").to_lowercase();
            let keep = head.chars().next().is_some_and(char::is_uppercase)
                || (vocabulary.contains(&compound) && !vocabulary.contains(&joined));
            if !keep {
                text.truncate(cut);
            }
            text.push_str(line);
        } else if broken && line.chars().next().is_some_and(char::is_alphanumeric) {
            // "Franco-" / "German", "COVID-" / "19": a hyphen that stays.
            text.push_str(line);
        } else {
            text.push(' ');
            text.push_str(line);
        }
    }
    text
}

/// Title, date and authors from the Info dictionary.
fn info(doc: &Document) -> (Option<String>, Option<Published>, Option<Vec<String>>) {
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
fn is_real_title(title: &str) -> bool {
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
    use lopdf::content::Operation;
    use lopdf::encryption::{EncryptionState, EncryptionVersion, Permissions};
    use lopdf::{Stream, StringFormat, dictionary};

    /// WinAnsiEncoding for the few non-ASCII letters the fixtures use.
    fn win_ansi(text: &str) -> Vec<u8> {
        text.chars()
            .map(|c| match c {
                '“' => 0x93,
                '”' => 0x94,
                '—' => 0x97,
                'é' => 0xE9,
                'è' => 0xE8,
                c if c.is_ascii() => c as u8,
                _ => b'?',
            })
            .collect()
    }

    fn text_at(x: f32, y: f32, text: &str) -> Vec<Operation> {
        vec![
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), 11.into()]),
            Operation::new("Td", vec![x.into(), y.into()]),
            Operation::new(
                "Tj",
                vec![Object::String(win_ansi(text), StringFormat::Literal)],
            ),
            Operation::new("ET", vec![]),
        ]
    }

    /// A statement, page by page and paragraph by paragraph, one string per line.
    const STATEMENT: &[&[&[&str]]] = &[
        &[
            &[
                "The Ministry of Foreign Affairs issued the following state-",
                "ment on Monday after talks in Geneva with the delegation of",
                "the neighbouring republic, which lasted late into the night.",
            ],
            &[
                "Both sides agreed that “humanitarian corridors” must open",
                "before winter; the minister, Ms. Hélène Dupré, said the",
                "agreement was fragile — but real.",
            ],
        ],
        &[
            &[
                "A well-known mediator from Oslo will chair the next round,",
                "which is planned for the first week of December in a Franco-",
                "German venue still to be announced.",
            ],
            &[
                "The delegations exchanged lists of detainees and agreed to",
                "meet again. Observers called the talks “cautious but serious”.",
            ],
        ],
        &[
            &[
                "The ministry thanked the hosts and the well-",
                "known mediator for their patience during the negotia-",
                "tions, which had been postponed twice.",
            ],
            &[
                "Further statements will follow after the next round of",
                "talks. Questions may be sent to the press office.",
            ],
        ],
    ];

    /// A PDF of `pages`, each under a running header and over a "Page N of M" footer. Each
    /// paragraph's first line is indented and a blank line stands between paragraphs. The
    /// footer is written before the body, as some producers do.
    fn statement_pdf(pages: &[&[&[&str]]], info: Option<Dictionary>) -> Document {
        let mut doc = Document::with_version("1.5");
        let pages_id = doc.new_object_id();
        let font = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
            "Encoding" => "WinAnsiEncoding",
        });
        let resources = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font } });
        let mut kids = Vec::new();
        for (i, page) in pages.iter().enumerate() {
            let mut ops = text_at(72.0, 770.0, "MINISTRY OF FOREIGN AFFAIRS — PRESS STATEMENT");
            ops.extend(text_at(
                280.0,
                40.0,
                &format!("Page {} of {}", i + 1, pages.len()),
            ));
            let mut y = 720.0;
            for paragraph in *page {
                for (j, line) in paragraph.iter().enumerate() {
                    ops.extend(text_at(if j == 0 { 90.0 } else { 72.0 }, y, line));
                    y -= 14.0;
                }
                y -= 14.0;
            }
            kids.push(add_page(&mut doc, pages_id, ops).into());
        }
        finish(&mut doc, pages_id, kids, resources, info);
        doc
    }

    fn add_page(doc: &mut Document, parent: ObjectId, ops: Vec<Operation>) -> ObjectId {
        let content = Content { operations: ops }.encode().unwrap();
        let content = doc.add_object(Stream::new(dictionary! {}, content));
        doc.add_object(dictionary! { "Type" => "Page", "Parent" => parent, "Contents" => content })
    }

    fn finish(
        doc: &mut Document,
        pages_id: ObjectId,
        kids: Vec<Object>,
        resources: ObjectId,
        info: Option<Dictionary>,
    ) {
        let count = kids.len() as i64;
        doc.objects.insert(
            pages_id,
            Object::Dictionary(dictionary! {
                "Type" => "Pages", "Kids" => kids, "Count" => count, "Resources" => resources,
                "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            }),
        );
        let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
        doc.trailer.set("Root", catalog);
        if let Some(info) = info {
            let info = doc.add_object(info);
            doc.trailer.set("Info", info);
        }
        doc.compress();
    }

    fn info(title: &str) -> Dictionary {
        dictionary! {
            "Title" => Object::string_literal(title),
            "Author" => Object::string_literal("Press Office; J. Doe"),
            "CreationDate" => Object::string_literal("D:20251124093000+01'00'"),
            "ModDate" => Object::string_literal("D:20251201"),
        }
    }

    fn save(mut doc: Document) -> Vec<u8> {
        let mut bytes = Vec::new();
        doc.save_to(&mut bytes).unwrap();
        bytes
    }

    fn statement() -> Vec<u8> {
        save(statement_pdf(
            STATEMENT,
            Some(info("Statement on the Geneva talks")),
        ))
    }

    #[test]
    fn a_statement_reads_as_paragraphs_without_headers_or_page_numbers() {
        let pdf = read(&statement()).unwrap();
        let texts: Vec<&str> = pdf.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "The Ministry of Foreign Affairs issued the following statement on Monday after \
                 talks in Geneva with the delegation of the neighbouring republic, which lasted \
                 late into the night.",
                "Both sides agreed that “humanitarian corridors” must open before winter; the \
                 minister, Ms. Hélène Dupré, said the agreement was fragile — but real.",
                "A well-known mediator from Oslo will chair the next round, which is planned for \
                 the first week of December in a Franco-German venue still to be announced.",
                "The delegations exchanged lists of detainees and agreed to meet again. Observers \
                 called the talks “cautious but serious”.",
                "The ministry thanked the hosts and the well-known mediator for their patience \
                 during the negotiations, which had been postponed twice.",
                "Further statements will follow after the next round of talks. Questions may be \
                 sent to the press office.",
            ]
        );
        let pages: Vec<usize> = pdf.paragraphs.iter().map(|p| p.page).collect();
        assert_eq!(pages, [1, 1, 2, 2, 3, 3]);
    }

    #[test]
    fn title_date_and_authors_come_from_the_info_dictionary() {
        let pdf = read(&statement()).unwrap();
        assert_eq!(pdf.title.as_deref(), Some("Statement on the Geneva talks"));
        let date = pdf.date.unwrap();
        assert_eq!(date.iso_date(), "2025-11-24");
        assert_eq!(date.time, NaiveTime::from_hms_opt(9, 30, 0));
        assert_eq!(pdf.authors.unwrap(), ["Press Office", "J. Doe"]);
    }

    #[test]
    fn a_file_name_is_not_a_title() {
        for name in [
            "Microsoft Word - statement.docx",
            "Untitled",
            "draft_v3.pdf",
        ] {
            let bytes = save(statement_pdf(STATEMENT, Some(info(name))));
            assert_eq!(read(&bytes).unwrap().title, None, "{name}");
        }
        assert!(is_real_title("Talks in Geneva: day two"));
    }

    #[test]
    fn a_utf16_title_is_decoded() {
        let mut bytes = vec![0xFE, 0xFF];
        for unit in "Déclaration — Genève".encode_utf16() {
            bytes.extend(unit.to_be_bytes());
        }
        let info = dictionary! { "Title" => Object::String(bytes, StringFormat::Hexadecimal) };
        let pdf = read(&save(statement_pdf(STATEMENT, Some(info)))).unwrap();
        assert_eq!(pdf.title.as_deref(), Some("Déclaration — Genève"));
        assert_eq!(pdf.date, None);
        assert_eq!(pdf.authors, None);
    }

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

    #[test]
    fn page_numbers_are_recognised() {
        for number in ["3", "- 3 -", "Page 3", "Page 3 of 7", "3/7", "iv", "[12]"] {
            assert!(is_page_number(number), "{number}");
        }
        for text in ["3 dead", "Page three", "In 2025 of all years", "vixen"] {
            assert!(!is_page_number(text), "{text}");
        }
    }

    #[test]
    fn line_end_hyphens_are_undone_unless_real() {
        let vocab = |words: &[&str]| words.iter().map(|w| w.to_string()).collect();
        let join = |lines: &[&str], words: &[&str]| {
            let lines: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
            join_lines(&lines, &vocab(words))
        };
        assert_eq!(join(&["a state-", "ment"], &[]), "a statement");
        assert_eq!(
            join(&["a well-", "known man"], &["well-known"]),
            "a well-known man"
        );
        assert_eq!(
            join(&["a well-", "known man"], &["well-known", "wellknown"]),
            "a wellknown man"
        );
        assert_eq!(join(&["Franco-", "German"], &[]), "Franco-German");
        assert_eq!(join(&["the Anglo-", "saxon"], &[]), "the Anglo-saxon");
        assert_eq!(join(&["COVID-", "19 cases"], &[]), "COVID-19 cases");
        assert_eq!(join(&["talks -", "and more"], &[]), "talks - and more");
        assert_eq!(join(&["in 2024-", "25"], &[]), "in 2024-25");
        assert_eq!(join(&["a govern\u{2010}", "ment"], &[]), "a government");
        assert_eq!(join(&["a govern\u{AD}", "ment"], &[]), "a government");
    }

    #[test]
    fn a_paragraph_runs_on_over_a_page_break() {
        let pages: &[&[&[&str]]] = &[
            &[&["The talks began on Monday and went on", "through the"]],
            &[&["night, the ministry said.", "Nothing more was said."]],
        ];
        let pdf = read(&save(statement_pdf(pages, None))).unwrap();
        let texts: Vec<&str> = pdf.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "The talks began on Monday and went on through the night, the ministry said. \
              Nothing more was said."
            ]
        );
        assert_eq!(pdf.paragraphs[0].page, 1);
    }

    #[test]
    fn a_single_page_keeps_its_lines_but_not_its_page_number() {
        let pages: &[&[&[&str]]] = &[&[&["One short statement."]]];
        let pdf = read(&save(statement_pdf(pages, None))).unwrap();
        let texts: Vec<&str> = pdf.paragraphs.iter().map(|p| p.text.as_str()).collect();
        // With one page nothing shows the header to be running; "Page 1 of 1" is a number.
        assert_eq!(
            texts,
            [
                "MINISTRY OF FOREIGN AFFAIRS — PRESS STATEMENT",
                "One short statement."
            ]
        );
    }

    /// Two-byte codes for ASCII text in the composite font of [`composite_font_pdf`].
    fn cid(text: &str) -> Object {
        let bytes = text.bytes().flat_map(|b| [0, b]).collect();
        Object::String(bytes, StringFormat::Hexadecimal)
    }

    /// A page in a composite font as browsers write one: each word its own string placed by
    /// `Td` from the start of the one before, a soft hyphen drawn as a space glyph (code 3)
    /// that the next word overlaps, a ligature (code 1,
    /// "ﬁ"), and `TJ` adjustments for a word space and for kerning.
    fn composite_font_pdf() -> Vec<u8> {
        let mut doc = Document::with_version("1.5");
        let pages_id = doc.new_object_id();
        let cmap = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
                    /CMapName /Adobe-Identity-UCS def /CMapType 2 def\n\
                    1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
                    2 beginbfchar <0001> <FB01> <0003> <0020> endbfchar\n\
                    1 beginbfrange <0020> <007E> <0020> endbfrange\n\
                    endcmap CMapName currentdict /CMap defineresource pop end end";
        let to_unicode = doc.add_object(Stream::new(dictionary! {}, cmap.as_bytes().to_vec()));
        let descendant = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => "AAAAAA+Serif",
            "CIDSystemInfo" => dictionary! {
                "Registry" => Object::string_literal("Adobe"),
                "Ordering" => Object::string_literal("Identity"), "Supplement" => 0,
            },
            "DW" => 500,
            "W" => vec![3.into(), vec![250.into()].into(), 32.into(), vec![250.into()].into()],
        });
        let font = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "AAAAAA+Serif",
            "Encoding" => "Identity-H", "DescendantFonts" => vec![descendant.into()],
            "ToUnicode" => to_unicode,
        });
        let resources = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font } });
        // At size 10 a glyph is 5 wide and a space 2.5.
        let mut ops = vec![
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), 10.into()]),
            Operation::new(
                "Tm",
                vec![
                    1.into(),
                    0.into(),
                    0.into(),
                    1.into(),
                    72.into(),
                    700.into(),
                ],
            ),
        ];
        let mut advance = 0.0;
        for word in ["The ", "govern", "\u{3}", "ments ", "cease\u{1}re"] {
            ops.push(Operation::new("Td", vec![advance.into(), 0.into()]));
            ops.push(Operation::new("Tj", vec![cid(word)]));
            advance = word
                .chars()
                .map(|c| match c {
                    ' ' => 2.5,
                    '\u{3}' => 0.0,
                    _ => 5.0,
                })
                .sum::<f32>();
        }
        ops.push(Operation::new(
            "Tm",
            vec![
                1.into(),
                0.into(),
                0.into(),
                1.into(),
                72.into(),
                686.into(),
            ],
        ));
        ops.push(Operation::new(
            "TJ",
            vec![vec![cid("in"), (-300).into(), cid("Geneva"), 80.into(), cid(".")].into()],
        ));
        ops.push(Operation::new("ET", vec![]));
        let kids = vec![add_page(&mut doc, pages_id, ops).into()];
        finish(&mut doc, pages_id, kids, resources, None);
        save(doc)
    }

    #[test]
    fn a_composite_font_is_spaced_by_where_glyphs_stand() {
        let pdf = read(&composite_font_pdf()).unwrap();
        let texts: Vec<&str> = pdf.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, ["The governments ceasefire in Geneva."]);
    }

    /// A one-page PDF that draws `strings` in a composite font with `encoding` and no
    /// `ToUnicode` map; `form` puts the text in a form XObject moved by a matrix.
    fn bare_composite_pdf(encoding: &str, strings: Vec<Vec<u8>>, form: bool) -> Vec<u8> {
        let mut doc = Document::with_version("1.5");
        let pages_id = doc.new_object_id();
        let descendant = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "CIDFontType0", "BaseFont" => "KozMinPr6N-Regular",
            "CIDSystemInfo" => dictionary! {
                "Registry" => Object::string_literal("Adobe"),
                "Ordering" => Object::string_literal("Japan1"), "Supplement" => 6,
            },
        });
        let font = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "KozMinPr6N-Regular",
            "Encoding" => encoding, "DescendantFonts" => vec![descendant.into()],
        });
        let mut text = vec![
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), 12.into()]),
        ];
        let mut y = 700;
        for string in strings {
            text.push(Operation::new(
                "Tm",
                vec![1.into(), 0.into(), 0.into(), 1.into(), 72.into(), y.into()],
            ));
            text.push(Operation::new(
                "Tj",
                vec![Object::String(string, StringFormat::Hexadecimal)],
            ));
            y -= 16;
        }
        text.push(Operation::new("ET", vec![]));
        let (ops, resources) = if form {
            let content = Content { operations: text }.encode().unwrap();
            let form = doc.add_object(Stream::new(
                dictionary! {
                    "Type" => "XObject", "Subtype" => "Form",
                    "BBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
                    "Matrix" => vec![1.into(), 0.into(), 0.into(), 1.into(), 0.into(), (-100).into()],
                    "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
                },
                content,
            ));
            let ops = vec![
                Operation::new("q", vec![]),
                Operation::new("Do", vec!["Fm1".into()]),
                Operation::new("Q", vec![]),
            ];
            let resources = dictionary! { "XObject" => dictionary! { "Fm1" => form } };
            (ops, doc.add_object(resources))
        } else {
            let resources = dictionary! { "Font" => dictionary! { "F1" => font } };
            (text, doc.add_object(resources))
        };
        let kids = vec![add_page(&mut doc, pages_id, ops).into()];
        finish(&mut doc, pages_id, kids, resources, None);
        save(doc)
    }

    fn utf16(text: &str) -> Vec<u8> {
        text.encode_utf16().flat_map(u16::to_be_bytes).collect()
    }

    #[test]
    fn a_font_whose_codes_are_utf16_is_read() {
        let strings = vec![utf16("外務省の声明"), utf16("交渉は続く。")];
        let pdf = read(&bare_composite_pdf("UniJIS-UCS2-H", strings, false)).unwrap();
        let texts: Vec<&str> = pdf.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, ["外務省の声明 交渉は続く。"]);
    }

    #[test]
    fn text_inside_a_form_xobject_is_read() {
        let strings = vec![utf16("Read inside a form.")];
        let pdf = read(&bare_composite_pdf("UniJIS-UCS2-H", strings, true)).unwrap();
        let texts: Vec<&str> = pdf.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, ["Read inside a form."]);
    }

    #[test]
    fn a_form_that_draws_itself_ends() {
        let mut doc = Document::with_version("1.5");
        let pages_id = doc.new_object_id();
        let form_id = doc.new_object_id();
        let font = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        });
        let mut ops = text_at(72.0, 700.0, "Again.");
        for _ in 0..50 {
            ops.push(Operation::new("q", vec![]));
            ops.push(Operation::new("Do", vec!["Fm1".into()]));
        }
        let content = Content { operations: ops }.encode().unwrap();
        let resources = dictionary! {
            "Font" => dictionary! { "F1" => font },
            "XObject" => dictionary! { "Fm1" => form_id },
        };
        let form = Stream::new(
            dictionary! { "Type" => "XObject", "Subtype" => "Form", "Resources" => resources.clone() },
            content,
        );
        doc.objects.insert(form_id, Object::Stream(form));
        let resources = doc.add_object(resources);
        let page = vec![Operation::new("Do", vec!["Fm1".into()])];
        let kids = vec![add_page(&mut doc, pages_id, page).into()];
        finish(&mut doc, pages_id, kids, resources, None);
        let pdf = read(&save(doc)).unwrap();
        assert_eq!(pdf.paragraphs[0].text, "Again.");
    }

    #[test]
    fn text_in_fonts_without_a_unicode_map_is_undecodable_not_a_scan() {
        let pdf = bare_composite_pdf("Identity-H", vec![vec![0, 0x41, 0, 0x42]], false);
        let err = read(&pdf).unwrap_err();
        assert_eq!(err, PdfError::Undecodable);
        assert!(err.hint().contains("pdftotext"));
    }

    #[test]
    fn pages_without_text_are_no_text() {
        let mut doc = Document::with_version("1.5");
        let pages_id = doc.new_object_id();
        let resources = doc.add_object(dictionary! {});
        let ops = vec![
            Operation::new("re", vec![72.into(), 72.into(), 400.into(), 600.into()]),
            Operation::new("f", vec![]),
        ];
        let kids = vec![add_page(&mut doc, pages_id, ops).into()];
        finish(&mut doc, pages_id, kids, resources, None);
        let err = read(&save(doc)).unwrap_err();
        assert_eq!(err, PdfError::NoText);
        assert!(err.to_string().contains("no OCR"), "{err}");
        assert!(err.hint().contains("OCR"));
    }

    #[test]
    fn an_encrypted_pdf_is_reported_and_one_without_user_password_is_read() {
        let encrypt = |user_password: &str| {
            let mut doc = statement_pdf(STATEMENT, Some(info("Statement")));
            doc.trailer.set(
                "ID",
                Object::Array(vec![
                    Object::string_literal("0123456789abcdef"),
                    Object::string_literal("fedcba9876543210"),
                ]),
            );
            let state = EncryptionState::try_from(EncryptionVersion::V2 {
                document: &doc,
                owner_password: "owner",
                user_password,
                key_length: 128,
                permissions: Permissions::all(),
            })
            .unwrap();
            doc.encrypt(&state).unwrap();
            save(doc)
        };
        let err = read(&encrypt("secret")).unwrap_err();
        assert_eq!(err, PdfError::Encrypted);
        assert!(err.hint().contains("qpdf --decrypt"));
        let open = read(&encrypt("")).unwrap();
        assert_eq!(open.paragraphs.len(), 6);
        assert_eq!(open.title.as_deref(), Some("Statement"));
    }

    #[test]
    fn broken_input_is_an_error_not_a_panic() {
        let whole = statement();
        let mut noise = Vec::with_capacity(4096);
        let mut seed: u32 = 12345;
        for _ in 0..4096 {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
            noise.push((seed >> 16) as u8);
        }
        let mut pdf_noise = b"%PDF-1.5\n".to_vec();
        pdf_noise.extend(&noise);
        let cases: [(&str, &[u8]); 5] = [
            ("empty", &[]),
            ("random bytes", &noise),
            ("header and random bytes", &pdf_noise),
            ("first half", &whole[..whole.len() / 2]),
            ("first hundred bytes", &whole[..100]),
        ];
        for (name, bytes) in cases {
            match read(bytes) {
                Err(PdfError::Broken(why)) => assert!(!why.is_empty(), "{name}"),
                other => panic!("{name}: {other:?}"),
            }
        }
        // Every cut of the file is an answer, never a panic.
        for end in (0..whole.len()).step_by(37) {
            let _ = read(&whole[..end]);
        }
    }
}
