//! Lines: glyphs gathered into the lines they stand on, with a space where a gap between
//! them is wide enough, and a glyph drawn over itself read once.

use unicode_normalization::UnicodeNormalization;

use super::Line;

/// How many of a line's latest glyphs are kept to spot overprinting.
const RECENT_GLYPHS: usize = 256;

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
pub(super) fn place(lines: &mut Vec<Line>, text: &str, x: f32, end: f32, y: f32, size: f32) {
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
