//! The page content reader: walks a page's content operators (form XObjects included)
//! with the text and graphics state they change, and hands each shown glyph, where it
//! stands, to the line it belongs to.

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};

use super::fonts::Font;
use super::lines::place;
use super::{Line, MAX_PAGE_CONTENT};

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
pub(super) struct PageText {
    pub(super) lines: Vec<Line>,
    pub(super) glyphs: usize,
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
pub(super) fn page_text(doc: &Document, page: ObjectId) -> Result<PageText, String> {
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
/// than `WORD_GAP` is a space, whether a space glyph, a `TJ`
/// adjustment or a move of the text position made it. Space glyphs themselves are not
/// kept, since some producers draw one with no room after it (a browser's soft hyphen).
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
