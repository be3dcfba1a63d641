//! Sentence boundaries in English news prose.
//!
//! A sentence ends at `.`, `!` or `?` (and any closing quotes or brackets after it) followed
//! by white space and a capital letter, digit or opening quote, unless the word before the
//! stop is an abbreviation such as `Mr.`, `Gen.`, `Nov.` or an initial such as `U.S.`.

/// A fixed list of lower-case words, made a set on first use for lookups.
pub type WordSet = std::sync::LazyLock<foldhash::HashSet<&'static str>>;

/// The entries of a word-list data file: its lines, trimmed, without blank ones and `#`
/// comments.
pub fn list_entries(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The entries of a word-list data file as a set, for a [`WordSet`].
pub fn word_list(data: &'static str) -> foldhash::HashSet<&'static str> {
    list_entries(data).collect()
}

/// The words of `text` as [`lower_plain`] makes them, with inner apostrophes kept
/// ("won't"): what negation and verbs are read from.
pub fn plain_words(text: &str) -> impl Iterator<Item = std::borrow::Cow<'_, str>> + '_ {
    plain_split(text).map(lower_plain)
}

/// [`plain_words`] collected; ASCII text is lower-cased once as a whole into `buffer`
/// rather than word by word.
pub fn plain_words_in<'a>(text: &'a str, buffer: &'a mut String) -> Vec<std::borrow::Cow<'a, str>> {
    match ascii_lowered(text, buffer) {
        Some(lowered) => {
            let mut words = Vec::new();
            each_ascii_run(
                lowered,
                |b| b.is_ascii_alphanumeric() || b == b'\'',
                |w| words.push(std::borrow::Cow::Borrowed(w)),
            );
            words
        }
        None => plain_words(text).collect(),
    }
}

/// The runs of letters, digits and apostrophes of `text`.
fn plain_split(text: &str) -> impl Iterator<Item = &str> + '_ {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '\u{2019}')
        .filter(|w| !w.is_empty())
}

/// ASCII `text` lower-cased, with its byte offsets kept: `text` itself when it has no
/// capital, else its copy in `buffer`. `None` for other text, which is lowered word by word.
pub fn ascii_lowered<'a>(text: &'a str, buffer: &'a mut String) -> Option<&'a str> {
    if !text.is_ascii() {
        return None;
    }
    if !text.bytes().any(|b| b.is_ascii_uppercase()) {
        return Some(text);
    }
    buffer.clear();
    buffer.push_str(text);
    buffer.make_ascii_lowercase();
    Some(buffer)
}

/// Calls `each` with every one of the [`lower_words`] of `text`, in order; ASCII text is
/// lower-cased once as a whole rather than word by word.
pub fn each_lower_word(text: &str, mut each: impl FnMut(&str)) {
    let mut buffer = String::new();
    match ascii_lowered(text, &mut buffer) {
        Some(lowered) => each_ascii_run(lowered, |b| b.is_ascii_alphanumeric(), each),
        None => lower_words(text).for_each(|w| each(&w)),
    }
}

/// Calls `each` with every run of the bytes of ASCII `text` that `inside` accepts, in
/// order: on ASCII text, the words `str::split` would find, without decoding characters.
fn each_ascii_run<'a>(text: &'a str, inside: impl Fn(u8) -> bool, mut each: impl FnMut(&'a str)) {
    let mut start = None;
    for (at, &b) in text.as_bytes().iter().enumerate() {
        match (inside(b), start) {
            (true, None) => start = Some(at),
            (false, Some(from)) => {
                each(&text[from..at]);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(from) = start {
        each(&text[from..]);
    }
}

/// Abbreviations that end with a full stop without ending the sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "gov", "sen",
    "rep", "rev", "sr", "jr", "st", "mt", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

/// The words of `text` (runs of letters and digits), lower-cased; a word with nothing to
/// lower is borrowed, not copied.
pub fn lower_words(text: &str) -> impl Iterator<Item = std::borrow::Cow<'_, str>> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(lower)
}

/// `word` lower-cased, borrowed when it has no capital.
pub fn lower(word: &str) -> std::borrow::Cow<'_, str> {
    if word
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    {
        std::borrow::Cow::Borrowed(word)
    } else if word.is_ascii() {
        std::borrow::Cow::Owned(word.to_ascii_lowercase())
    } else {
        std::borrow::Cow::Owned(word.to_lowercase())
    }
}

/// [`lower`] with the typographic apostrophe made `'`, so that "don’t" reads as "don't".
pub fn lower_plain(word: &str) -> std::borrow::Cow<'_, str> {
    if word.is_ascii() {
        return lower(word);
    }
    let lowered = word.to_lowercase();
    if lowered.contains('\u{2019}') {
        lowered.replace('\u{2019}', "'").into()
    } else {
        lowered.into()
    }
}

/// The byte ranges of the sentences of `text`, in order, trimmed of surrounding space.
pub fn sentence_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = text.len() - text.trim_start().len();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if matches!(c, '.' | '!' | '?') && !(c == '.' && is_abbreviation(&text[start..at])) {
            let mut end = i + 1;
            while end < chars.len()
                && matches!(
                    chars[end].1,
                    '"' | '\'' | '\u{201D}' | '\u{2019}' | ')' | ']'
                )
            {
                end += 1;
            }
            let mut next = end;
            while next < chars.len() && chars[next].1.is_whitespace() {
                next += 1;
            }
            let opens_sentence = chars.get(next).is_some_and(|&(_, n)| {
                n.is_uppercase()
                    || n.is_ascii_digit()
                    || matches!(n, '"' | '\u{201C}' | '\'' | '\u{2018}')
            });
            if next > end && opens_sentence {
                let end_byte = chars.get(end).map_or(text.len(), |&(b, _)| b);
                ranges.push(start..end_byte);
                start = chars[next].0;
                i = next;
                continue;
            }
        }
        i += 1;
    }
    let rest = text[start..].trim_end();
    if !rest.is_empty() {
        ranges.push(start..start + rest.len());
    }
    ranges
}

/// Whether the text before a full stop ends with an abbreviation or an initial.
fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '\u{201C}')
        .next()
        .unwrap_or("");
    let bare = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    // An initial ("J.") or a dotted acronym ("U.S", "D.C").
    if bare.chars().count() == 1 && bare.chars().all(char::is_uppercase) {
        return true;
    }
    if bare.contains('.') && bare.split('.').all(|part| part.chars().count() <= 2) {
        return true;
    }
    ABBREVIATIONS.contains(&bare.to_lowercase().as_str())
}

/// The first sentence of `text`, cut at a word boundary with `…` when longer than `max`
/// characters.
pub fn first_sentence(text: &str, max: usize) -> String {
    let first = sentence_ranges(text)
        .first()
        .map_or(text.trim(), |r| &text[r.clone()]);
    if first.chars().count() <= max {
        return first.to_string();
    }
    let cut: String = first.chars().take(max).collect();
    let at_word = cut.rfind(' ').map_or(cut.as_str(), |i| &cut[..i]);
    format!("{}…", at_word.trim_end_matches([',', ';', ':', ' ']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowering_a_whole_text_gives_the_words_lowering_each_word_gives() {
        for text in [
            "Trump's ENVOY met Putin's aide; they didn't agree.",
            "all lower case, no capitals at all",
            "Zelenskyy’s office won’t say: ΣΟΦΙΑ visited Kyiv.",
        ] {
            let mut each = Vec::new();
            each_lower_word(text, |w| each.push(w.to_string()));
            let one_by_one: Vec<String> = lower_words(text).map(|w| w.into_owned()).collect();
            assert_eq!(each, one_by_one, "{text}");
            let mut buffer = String::new();
            let plain: Vec<String> = plain_words_in(text, &mut buffer)
                .into_iter()
                .map(|w| w.into_owned())
                .collect();
            let plain_one_by_one: Vec<String> = plain_words(text).map(|w| w.into_owned()).collect();
            assert_eq!(plain, plain_one_by_one, "{text}");
        }
    }

    fn sentences(text: &str) -> Vec<&str> {
        sentence_ranges(text)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn splits_at_stops_before_capitals() {
        assert_eq!(
            sentences("Talks began. They ended! Why? \"Because,\" he said."),
            [
                "Talks began.",
                "They ended!",
                "Why?",
                "\"Because,\" he said."
            ]
        );
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        assert_eq!(
            sentences("Mr. Rubio met Gen. Driscoll on Nov. 23 in the U.S. Capitol. Then he left."),
            [
                "Mr. Rubio met Gen. Driscoll on Nov. 23 in the U.S. Capitol.",
                "Then he left."
            ]
        );
        assert_eq!(
            sentences("Washington, D.C. The capital."),
            ["Washington, D.C. The capital."]
        );
    }

    #[test]
    fn quotes_close_the_sentence_they_end() {
        assert_eq!(
            sentences("He said \"no.\" Then left."),
            ["He said \"no.\"", "Then left."]
        );
    }

    #[test]
    fn first_sentence_is_cut_at_a_word() {
        assert_eq!(first_sentence("Short one. Second.", 80), "Short one.");
        assert_eq!(
            first_sentence("A fairly long sentence that goes on", 20),
            "A fairly long…"
        );
    }
}
