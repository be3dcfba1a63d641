//! The comparable form of a paragraph: what stays when typography, case, datelines and
//! credit lines are set aside.

use std::sync::LazyLock;

use regex::Regex;
use unicode_normalization::UnicodeNormalization;

/// `text` in Unicode NFKC, lower case, with every quote mark made `'` or `"`, every dash
/// made `-`, and every run of white space made one space, trimmed.
pub fn normalize(text: &str) -> String {
    if text.is_ascii() {
        return fold_ascii(text);
    }
    fold(text.nfkc().flat_map(char::to_lowercase))
}

/// [`normalize`] for ASCII text, which NFKC leaves as it is and which has no curly quotes
/// or dashes: lower case, the backtick made an apostrophe, white space folded.
fn fold_ascii(text: &str) -> String {
    let mut out = Vec::with_capacity(text.len());
    let mut space = false;
    for &b in text.as_bytes() {
        // The ASCII characters that `char::is_whitespace` accepts.
        if matches!(b, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r') {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(b' ');
            space = false;
        }
        out.push(if b == b'`' {
            b'\''
        } else {
            b.to_ascii_lowercase()
        });
    }
    // Only ASCII bytes were pushed.
    String::from_utf8(out).unwrap_or_default()
}

/// Quote and dash styles made plain, white space runs made one space, trimmed.
fn fold(chars: impl Iterator<Item = char>) -> String {
    let mut out = String::new();
    let mut space = false;
    for c in chars {
        let c = match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' | '\u{00B4}' => {
                '\''
            }
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
            | '\u{00BB}' => '"',
            '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => '-',
            c => c,
        };
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(c);
    }
    out
}

/// A wire dateline at the start of a paragraph: a place in capitals, optionally a region or
/// a date, optionally the agency in brackets, then a dash or colon. `KYIV (Reuters) -`,
/// `GENEVA —`, `WASHINGTON, Nov 23 (AP) --`, `(Reuters) -`. A live page's time stamp then a
/// dash is one too: `10:58 — `, `9.41am GMT – `.
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(?:\d{1,2}[:.]\d{2}(?:\s?[ap]\.?m\.?)?(?: [A-Z]{2,4})?\s*(?:--|[—–-])|(?:(?:[A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+){0,3})(?:, ?[A-Z][A-Za-z.'’\-]+(?: [A-Z][A-Za-z.'’\-]+){0,2})?(?:,? (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2})?\s*(?:\([^()]{1,40}\))?|\([^()]{1,40}\))\s*(?:--|[—–:-]))\s+",
    )
    .expect("dateline pattern")
});

/// A credit line closing a paragraph (or making it up): `Reporting by …; Editing by …`,
/// `(Additional reporting by …)`, `Writing by …`.
static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[.!?]\s+|\s\()\(?(?:Additional |Further )?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|[Pp]roduced) by\b.*$",
    )
    .expect("credit pattern")
});

/// Where the text after a wire dateline opening `text` starts (`KYIV (Reuters) - `,
/// `GENEVA — `); 0 when there is none. Only a dateline followed by a sentence counts: "US
/// — " alone is not one.
pub fn dateline_end(text: &str) -> usize {
    match DATELINE.find(text) {
        Some(m)
            if text[m.end()..]
                .chars()
                .next()
                .is_some_and(char::is_uppercase) =>
        {
            m.end()
        }
        _ => 0,
    }
}

/// [`dateline_end`] for a dateline that ends with a dash (`GENEVA — `, `KYIV (Reuters) - `),
/// 0 for one that ends with a colon: in a transcript, `LEAVITT:` names who speaks.
pub fn wire_dateline_end(text: &str) -> usize {
    let end = dateline_end(text);
    if text[..end]
        .trim_end()
        .ends_with(['-', '\u{2014}', '\u{2013}'])
    {
        end
    } else {
        0
    }
}

/// The part of a paragraph that near-duplicate detection compares: the text without a
/// leading dateline and a trailing credit line, normalised.
pub fn comparable(text: &str) -> String {
    let without_dateline = &text[dateline_end(text)..];
    // Every credit line has " by"; most paragraphs do not, and skip the search.
    let credit = without_dateline
        .contains(" by")
        .then(|| CREDIT.find(without_dateline))
        .flatten();
    let without_credit = match credit {
        Some(m) => {
            let cut = &without_dateline[..m.start()];
            // Keep the stop that ended the last sentence before the credit.
            let stop = without_dateline[m.start()..]
                .chars()
                .next()
                .filter(|c| ".!?".contains(*c));
            let mut kept = cut.to_string();
            kept.extend(stop);
            kept
        }
        None => without_dateline.to_string(),
    };
    normalize(&without_credit)
}

/// The words of normalised text: runs of letters and digits, with inner apostrophes,
/// hyphens, full stops and commas kept (`it's`, `28-point`, `13.4`, `4,500`).
pub fn words(normalized: &str) -> Vec<&str> {
    let mut words = Vec::with_capacity(normalized.len() / 5);
    each_word(normalized, |word| words.push(word));
    words
}

/// How many [`words`] normalised text has, counted without collecting them.
pub fn word_count(normalized: &str) -> usize {
    let mut count = 0;
    each_word(normalized, |_| count += 1);
    count
}

/// Calls `each` with every one of the [`words`] of `normalized`, in order.
fn each_word<'a>(normalized: &'a str, each: impl FnMut(&'a str)) {
    if normalized.is_ascii() {
        split_ascii_words(normalized, each);
    } else {
        split_words(
            normalized,
            normalized.char_indices(),
            char::is_alphanumeric,
            is_joiner,
            each,
        );
    }
}

/// Whether `c` joins two runs of letters and digits into one word: `it's`, `28-point`,
/// `13.4`, `4,500`.
fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '-' | '.' | ',')
}

/// [`split_words`] for ASCII text, byte by byte: the same words, faster.
fn split_ascii_words<'a>(text: &'a str, mut each: impl FnMut(&'a str)) {
    let bytes = text.as_bytes();
    let mut start = None;
    for (at, &b) in bytes.iter().enumerate() {
        let word = b.is_ascii_alphanumeric();
        let joins = !word
            && is_joiner(char::from(b))
            && start.is_some()
            && bytes.get(at + 1).is_some_and(u8::is_ascii_alphanumeric);
        if word || joins {
            start.get_or_insert(at);
        } else if let Some(from) = start.take() {
            each(&text[from..at]);
        }
    }
    if let Some(from) = start {
        each(&text[from..]);
    }
}

/// The runs of `text` (given as `(offset, char)`) of word characters, with joiners kept
/// between two word characters, each given to `each`.
fn split_words<'a>(
    text: &'a str,
    chars: impl Iterator<Item = (usize, char)>,
    is_word: impl Fn(char) -> bool,
    is_joiner: impl Fn(char) -> bool,
    mut each: impl FnMut(&'a str),
) {
    let mut start = None;
    let mut chars = chars.peekable();
    while let Some((at, c)) = chars.next() {
        let joins =
            is_joiner(c) && start.is_some() && chars.peek().is_some_and(|&(_, n)| is_word(n));
        if is_word(c) || joins {
            start.get_or_insert(at);
        } else if let Some(s) = start.take() {
            each(&text[s..at]);
        }
    }
    if let Some(s) = start {
        each(&text[s..]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typography_case_and_spacing_do_not_matter() {
        assert_eq!(
            normalize("  The  \u{201C}Plan\u{201D}\u{2014}it\u{2019}s\tﬁne. "),
            normalize("the \"plan\"-it's fine.")
        );
        assert_eq!(normalize("A\u{00A0}B"), "a b");
    }

    #[test]
    fn ascii_words_are_split_as_characters_would_be() {
        for text in [
            "it's a 28-point plan, 13.4 bn and 4,500 troops - 'quoted' end.",
            "-lead. trail- a,b ,c d'",
            "",
        ] {
            let mut fast = Vec::new();
            split_ascii_words(text, |w| fast.push(w));
            let mut general = Vec::new();
            split_words(
                text,
                text.char_indices(),
                char::is_alphanumeric,
                is_joiner,
                |w| general.push(w),
            );
            assert_eq!(fast, general, "{text}");
        }
    }

    #[test]
    fn words_still_matter() {
        assert_ne!(normalize("Talks resumed."), normalize("Talks stalled."));
    }

    #[test]
    fn datelines_are_stripped() {
        let plain = comparable("Negotiators met on Sunday.");
        for with in [
            "GENEVA — Negotiators met on Sunday.",
            "KYIV (Reuters) - Negotiators met on Sunday.",
            "WASHINGTON, Nov 23 (AP) -- Negotiators met on Sunday.",
            "NEW YORK, N.Y. (Harbour Wire) — Negotiators met on Sunday.",
            "(Reuters) - Negotiators met on Sunday.",
            "10:58 — Negotiators met on Sunday.",
            "9.41am GMT – Negotiators met on Sunday.",
        ] {
            assert_eq!(comparable(with), plain, "{with}");
        }
        // A time that starts a sentence is no time stamp.
        assert_eq!(comparable("10:58 was the time."), "10:58 was the time.");
        // Capitals that start a sentence are not a dateline.
        assert_eq!(comparable("NATO said on Sunday."), "nato said on sunday.");
        assert_eq!(
            comparable("US officials - some of them - met."),
            "us officials - some of them - met."
        );
    }

    #[test]
    fn credit_lines_are_stripped() {
        assert_eq!(
            comparable("Talks resumed. Reporting by Anna Berg; Editing by Tom Hale"),
            "talks resumed."
        );
        assert_eq!(
            comparable("Talks resumed. (Additional reporting by A. Berg)"),
            "talks resumed."
        );
        assert_eq!(
            comparable("Reporting by Anna Berg; Editing by Tom Hale"),
            ""
        );
        assert_eq!(
            comparable("He denied reporting by the paper."),
            "he denied reporting by the paper."
        );
    }

    #[test]
    fn ascii_and_unicode_words_agree() {
        let ascii = "it's a 28-point plan: 4,500 jobs, 13.4 million boxes.";
        assert_eq!(words(ascii), words(&format!("{ascii} é"))[..9]);
    }

    #[test]
    fn words_keep_numbers_and_contractions_whole() {
        assert_eq!(
            words("it's a 28-point plan: 4,500 jobs, 13.4 million boxes."),
            [
                "it's", "a", "28-point", "plan", "4,500", "jobs", "13.4", "million", "boxes"
            ]
        );
    }

    #[test]
    fn words_are_counted_as_they_are_split() {
        for text in [
            "it's a 28-point plan: 4,500 jobs.",
            "déjà vu, à 13.4 km",
            "",
            " - . ",
        ] {
            assert_eq!(word_count(text), words(text).len(), "{text}");
        }
    }
}
