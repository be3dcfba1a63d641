//! Tokens: a paragraph cut into words, numbers and punctuation marks with their byte
//! spans, numbered by sentence.

use std::sync::LazyLock;

use crate::sentence::{WordSet, word_list};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// Letters and digits, at least one not an ASCII digit.
    Word,
    /// ASCII digits only.
    Num,
    /// One punctuation mark or symbol.
    Punct,
}

/// One token of a paragraph.
#[derive(Debug, Clone, Copy)]
pub(super) struct Tok {
    /// Byte where it starts.
    pub(super) start: usize,
    /// Byte after it.
    pub(super) end: usize,
    pub(super) kind: Kind,
    /// Whitespace (or the start of the text) before it.
    pub(super) spaced: bool,
    /// A line break before it.
    line: bool,
    /// Its first character is upper case.
    pub(super) cap: bool,
    /// Its sentence, counted from 0.
    pub(super) sent: u32,
    /// The first word or number of its sentence.
    pub(super) opens: bool,
}

/// Cuts `text` into `out`.
pub(super) fn tokenize(text: &str, out: &mut Vec<Tok>) {
    out.clear();
    let (mut spaced, mut line) = (true, true);
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() || c.is_control() {
            spaced = true;
            line |= matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}');
            continue;
        }
        let mut end = start + c.len_utf8();
        let kind = if c.is_alphanumeric() {
            let mut digits = c.is_ascii_digit();
            while let Some(&(at, d)) = chars.peek() {
                if !d.is_alphanumeric() {
                    break;
                }
                digits &= d.is_ascii_digit();
                end = at + d.len_utf8();
                chars.next();
            }
            if digits { Kind::Num } else { Kind::Word }
        } else {
            Kind::Punct
        };
        out.push(Tok {
            start,
            end,
            kind,
            spaced,
            line,
            cap: c.is_uppercase(),
            sent: 0,
            opens: false,
        });
        spaced = false;
        line = false;
    }
    mark_sentences(text, out);
}

/// Words that a full stop follows without ending the sentence.
static ABBREVIATIONS: WordSet =
    LazyLock::new(|| word_list(include_str!("../data/time_abbreviations.txt")));

/// Numbers the sentences of `toks` and marks the word opening each.
fn mark_sentences(text: &str, toks: &mut [Tok]) {
    let mut sent = 0u32;
    let mut pending = false;
    let mut open = true;
    for i in 0..toks.len() {
        let t = toks[i];
        if t.line && i > 0 {
            sent += 1;
            pending = false;
            open = true;
        }
        if t.kind != Kind::Punct {
            if pending {
                sent += 1;
                pending = false;
                open = true;
            }
            toks[i].opens = open;
            open = false;
        }
        toks[i].sent = sent;
        if t.kind != Kind::Punct {
            continue;
        }
        match text.get(t.start..).and_then(|s| s.chars().next()) {
            Some('!' | '?' | ';' | '\u{2026}') => pending = true,
            Some('.') => {
                let inner = toks
                    .get(i + 1)
                    .is_some_and(|n| !n.spaced && n.kind != Kind::Punct);
                if !inner && !abbreviation_before(text, toks, i) {
                    pending = true;
                }
            }
            _ => {}
        }
    }
}

/// Whether the stop at `i` ends an abbreviation: a single letter or a known short word.
fn abbreviation_before(text: &str, toks: &[Tok], i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).and_then(|p| toks.get(p)) else {
        return false;
    };
    if prev.kind != Kind::Word || toks.get(i).is_none_or(|t| t.spaced) {
        return false;
    }
    let word = text.get(prev.start..prev.end).unwrap_or("");
    word.chars().count() == 1 || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}
