//! "According to X": the speaker named after the phrase, or the document it names and
//! who issued that document, if anyone.

use std::ops::Range;
use std::sync::LazyLock;

use super::{Said, Speaker, Word, trimmed};
use crate::sentence::{WordSet, word_list};

/// "According to X, …" or "… according to X": the speaker after the phrase, the content
/// the rest of the sentence.
pub(super) fn according_to(
    text: &str,
    words: &[Word<'_>],
    after: usize,
    sentence: &Range<usize>,
    mentions: &[Range<usize>],
) -> Option<(Speaker, Said)> {
    let first = words.get(after)?;
    let start = if first.text.eq_ignore_ascii_case("the") {
        words.get(after + 1)?.range.0
    } else {
        first.range.0
    };
    let (speaker, end) = match mentions.iter().position(|m| m.start == start) {
        Some(m) => (Speaker::Mention(m), mentions[m].end),
        None => {
            // An unnamed source: the words up to the next comma or the sentence's end.
            let end = text[start..sentence.end]
                .find([',', ';'])
                .map_or(sentence.end, |e| start + e);
            let speaker = match document_issuer(text, start..end, mentions) {
                Some(issuer) => issuer?,
                None => Speaker::Phrase(trimmed(text, start..end)),
            };
            (speaker, end)
        }
    };
    let open = words[after.saturating_sub(2)].range.0;
    let content = if open <= sentence.start + 1 {
        (trimmed(text, end..sentence.end), None)
    } else {
        (trimmed(text, sentence.start..open), None)
    };
    Some((speaker, content))
}

/// When the phrase after "according to" (`phrase`, a byte range of `text`) names a document
/// ("a transcript of the call", "the figures"): who issued it, if the phrase says ("a report
/// by the harbour authority", "a statement from the Kremlin", "the ministry's figures"), as
/// `Some(Some(speaker))`, else `Some(None)`: a document alone speaks for no one. `None` when
/// the phrase names no document.
fn document_issuer(
    text: &str,
    phrase: Range<usize>,
    mentions: &[Range<usize>],
) -> Option<Option<Speaker>> {
    let words: Vec<(usize, &str)> = text[phrase.clone()]
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
        .collect();
    // The document is named among the phrase's first words, before what it is of or by.
    let head = words
        .iter()
        .take(4)
        .take_while(|(_, w)| !matches!(*w, "by" | "from" | "of" | "in" | "on"))
        .position(|(_, w)| {
            let w = w.trim_end_matches(|c: char| !c.is_alphanumeric());
            DOCUMENTS.contains(w.to_lowercase().as_str())
        })?;
    if let Some(m) = mentions
        .iter()
        .position(|m| m.start >= phrase.start && m.end <= phrase.end)
    {
        return Some(Some(Speaker::Mention(m)));
    }
    let by = words
        .iter()
        .skip(head + 1)
        .position(|(_, w)| matches!(*w, "by" | "from"))
        .map(|k| head + 1 + k + 1);
    if let Some(&(at, _)) = by.and_then(|k| words.get(k)) {
        return Some(Some(Speaker::Phrase(trimmed(text, at..phrase.end))));
    }
    // "the authority's figures": the words before the possessive.
    let owner = words[..head]
        .iter()
        .position(|(_, w)| w.ends_with("'s") || w.ends_with("’s"));
    Some(owner.map(|k| {
        let (at, w) = words[k];
        let first = words.first().map_or(at, |&(s, _)| s);
        let owner = w.trim_end_matches("'s").trim_end_matches("’s");
        Speaker::Phrase(trimmed(text, first..at + owner.len()))
    }))
}

/// Documents and records, which a claim can be written in but which make no claim.
static DOCUMENTS: WordSet = LazyLock::new(|| word_list(include_str!("../data/documents.txt")));
