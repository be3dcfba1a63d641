//! Words of a paragraph with their byte positions, for recognising names.
//!
//! A token is a run of letters and digits, with apostrophes and full stops kept between
//! them (`O'Brien`, `U.S`, `D.C`); hyphens split tokens (`US-brokered` is `US` and
//! `brokered`), and the same tokenizer cuts the gazetteers' phrases, so the two always
//! agree. A possessive `'s` stays in the token but out of its stem.

/// How a token is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// Two or more letters, all capitals (`NATO`, `US`, `GENEVA`).
    Upper,
    /// A capital first (`Geneva`, `McDonald`).
    Capital,
    /// Anything else (`envoy`, `de`, `28`).
    Lower,
}

/// One token of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    /// Byte where it starts.
    pub start: usize,
    /// Byte after it, possessive included.
    pub end: usize,
    /// Byte after its stem: before a possessive `'s`.
    pub stem_end: usize,
    /// The stem as written.
    pub stem: &'a str,
    /// How it is written.
    pub case: Case,
    /// Whether it opens a sentence (or the text, or a line).
    pub sentence_start: bool,
    /// The text between the previous token and this one.
    pub gap: &'a str,
}

impl Token<'_> {
    /// Whether it starts with a capital (all capitals included).
    pub fn capitalised(&self) -> bool {
        self.case != Case::Lower
    }

    /// Whether the gap before it holds only spaces (no punctuation or line break).
    pub fn joined(&self) -> bool {
        self.gap.chars().all(|c| c == ' ' || c == '\u{a0}')
    }
}

/// The tokens of `text`.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    // About a token a word: sized once rather than grown.
    let mut tokens = Vec::with_capacity(text.bytes().filter(|&b| b == b' ').count() + 2);
    let mut previous_end = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(at, c)) = chars.peek() {
            if c.is_alphanumeric() {
                end = at + c.len_utf8();
                chars.next();
                continue;
            }
            // An apostrophe or full stop between two word characters stays in the word.
            let inner = matches!(c, '\'' | '\u{2019}' | '.')
                && text[at + c.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
            if !inner {
                break;
            }
            chars.next();
        }
        let word = &text[start..end];
        let stem_end = start + stem_len(word);
        let stem = &text[start..stem_end];
        let gap = &text[previous_end..start];
        // A word after a stop, a colon or a line break opens a sentence; so does a word
        // right after an opening quote.
        let sentence_start =
            tokens.is_empty() || gap.contains(['.', '!', '?', ':', '\n', ';']) || opens_quote(gap);
        tokens.push(Token {
            start,
            end,
            stem_end,
            stem,
            case: case_of(stem),
            sentence_start,
            gap,
        });
        previous_end = end;
    }
    tokens
}

/// Whether a gap ends with an opening quotation mark (`“`, or `"` after a space).
fn opens_quote(gap: &str) -> bool {
    let gap = gap.trim_end();
    if gap.ends_with('\u{201C}') {
        return true;
    }
    let Some(before) = gap.strip_suffix('"') else {
        return false;
    };
    before.is_empty() || before.ends_with(char::is_whitespace)
}

/// The length of `word` without a possessive `'s` or `’s`.
fn stem_len(word: &str) -> usize {
    for suffix in ["'s", "\u{2019}s", "'S", "\u{2019}S"] {
        if let Some(stem) = word.strip_suffix(suffix).filter(|s| !s.is_empty()) {
            return stem.len();
        }
    }
    word.len()
}

fn case_of(word: &str) -> Case {
    let letters = word.chars().filter(|c| c.is_alphabetic());
    let (mut upper, mut lower) = (0, 0);
    for c in letters {
        if c.is_uppercase() {
            upper += 1;
        } else if c.is_lowercase() {
            lower += 1;
        }
    }
    if upper >= 2 && lower == 0 {
        Case::Upper
    } else if word.chars().next().is_some_and(char::is_uppercase) {
        Case::Capital
    } else {
        Case::Lower
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems(text: &str) -> Vec<&str> {
        tokenize(text).into_iter().map(|t| t.stem).collect()
    }

    #[test]
    fn words_keep_inner_apostrophes_and_dots_and_split_at_hyphens() {
        assert_eq!(
            stems("The U.S.-brokered plan, Witkoff's call"),
            ["The", "U.S", "brokered", "plan", "Witkoff", "call"]
        );
        assert_eq!(
            stems("Washington, D.C. and O'Brien"),
            ["Washington", "D.C", "and", "O'Brien"]
        );
    }

    #[test]
    fn possessives_leave_the_stem_and_stay_in_the_span() {
        let t = tokenize("Zelenskyy\u{2019}s office");
        assert_eq!(t[0].stem, "Zelenskyy");
        assert_eq!(t[0].end, "Zelenskyy\u{2019}s".len());
    }

    #[test]
    fn cases_and_sentence_starts() {
        let t = tokenize("NATO met in Geneva. Talks resumed: US envoy");
        assert_eq!(t[0].case, Case::Upper);
        assert!(t[0].sentence_start);
        assert_eq!(t[3].case, Case::Capital);
        assert!(!t[3].sentence_start);
        assert!(t[4].sentence_start);
        assert!(t[6].sentence_start);
        assert_eq!(t[7].case, Case::Lower);
    }
}
