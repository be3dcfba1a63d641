//! Fonts: how a font's glyph codes decode to text (its encoding, a ToUnicode map, or
//! UTF-16 codes) and how wide its glyphs are, read from its dictionary.

use std::collections::HashMap;

use lopdf::{Dictionary, Document, Encoding, Object};

use super::MAX_PAGE_CONTENT;

/// A font as needed here: how to decode its glyph codes and how wide its glyphs are.
pub(super) struct Font<'a> {
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
    pub(super) fn of(doc: &'a Document, dict: &'a Dictionary) -> Font<'a> {
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
    pub(super) fn codes<'b>(&self, bytes: &'b [u8]) -> std::slice::Chunks<'b, u8> {
        bytes.chunks(if self.two_byte { 2 } else { 1 })
    }

    pub(super) fn decode(&self, code: &[u8]) -> String {
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
    pub(super) fn width(&self, code: &[u8]) -> f32 {
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
