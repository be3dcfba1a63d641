//! What was said: where it starts after the cue (past who was told, an appositive or
//! "that"), and where it ends, with a quotation split by the attribution in two parts.

use std::ops::Range;
use std::sync::LazyLock;

use super::speakers::GROUPS;
use super::{Lower, Said, Word, trimmed};
use crate::sentence::{WordSet, word_list};

/// Who is told, besides the unnamed groups of [`GROUPS`].
static ADDRESSEES: WordSet = LazyLock::new(|| word_list(include_str!("../data/addressees.txt")));

/// Where what was said may start, after the cue (or the speaker after it) that ends before
/// word `after`: past who was told, when the cue is a verb of telling ("told reporters the
/// inquiry …", "told Kivi that …"), and past "that" when it comes within a few words
/// ("said on Tuesday that …", "told reporters after the session that …").
pub(super) fn content_start(
    text: &str,
    words: &[Word<'_>],
    lower: &[Lower<'_>],
    after: usize,
    told: bool,
    mentions: &[Range<usize>],
) -> usize {
    let past = if told {
        past_appositive(
            text,
            words,
            lower,
            past_addressee(words, lower, after, mentions),
        )
    } else {
        after
    };
    let within = if past > after { 6 } else { 4 };
    let clause = (past..(past + within).min(lower.len()))
        .take_while(|&k| {
            k == past || !text[words[k - 1].range.1..words[k].range.0].contains([',', ';', ':'])
        })
        .find(|&k| lower[k] == "that");
    clause.map_or(past, |k| k + 1)
}

/// Word `k`, or when an appositive set off by commas starts there and what was said
/// follows it ("advised Yuri Ushakov, Putin's aide, to focus on …"), the word after it.
fn past_appositive(text: &str, words: &[Word<'_>], lower: &[Lower<'_>], k: usize) -> usize {
    let comma_before = |j: usize| {
        j > 0 && j < words.len() && text[words[j - 1].range.1..words[j].range.0].contains(',')
    };
    if !comma_before(k) {
        return k;
    }
    (k + 1..(k + 9).min(words.len()))
        .find(|&j| comma_before(j))
        .filter(|&j| matches!(lower[j].as_ref(), "that" | "to" | "on" | "about" | "how"))
        .unwrap_or(k)
}

/// The word after who was told, when the words from `after` name them: an actor, an object
/// pronoun ("told him"), or a group with up to two words before it ("told reporters",
/// "told the press", "told European leaders"); else `after`.
fn past_addressee(
    words: &[Word<'_>],
    lower: &[Lower<'_>],
    after: usize,
    mentions: &[Range<usize>],
) -> usize {
    let Some(first) = words.get(after) else {
        return after;
    };
    if let Some(m) = mentions.iter().find(|m| m.start == first.range.0) {
        return after
            + words[after..]
                .iter()
                .take_while(|w| w.range.1 <= m.end)
                .count();
    }
    let told = |k: usize| {
        lower
            .get(k)
            .is_some_and(|w| ADDRESSEES.contains(w.as_ref()) || GROUPS.contains(&w.as_ref()))
    };
    match lower[after].as_ref() {
        "him" | "them" | "us" | "me" | "you" => return after + 1,
        "her" if !told(after + 1) => return after + 1,
        _ => {}
    }
    // Up to two words before the group: determiners, or capitalised ("US officials").
    let opens = |k: usize| {
        matches!(
            lower[k].as_ref(),
            "the" | "his" | "her" | "their" | "its" | "our" | "fellow" | "foreign" | "visiting"
        ) || words[k].text.starts_with(char::is_uppercase)
    };
    (after..(after + 3).min(lower.len()))
        .take_while(|&k| k == after || opens(k - 1))
        .find(|&k| told(k))
        .map_or(after, |k| k + 1)
}

/// What was said: the rest of the sentence from word `after`, else (when the attribution
/// ends the sentence) the quotation or the text before byte `stop`. `(after, stop)`: the
/// word where the content may start ([`content_start`]), and the byte where the
/// attribution starts. A quotation split by the attribution comes back in two parts.
pub(super) fn content(
    text: &str,
    words: &[Word<'_>],
    (after, stop): (usize, usize),
    sentence: &Range<usize>,
) -> Said {
    // A quotation that opens the sentence and closes before the speaker is what was said.
    let before = text[sentence.start..stop.max(sentence.start)].trim_start();
    if before.starts_with(['"', '\u{201C}'])
        && before
            .trim_end()
            .trim_end_matches(',')
            .ends_with(['"', '\u{201D}'])
    {
        let rest = words.get(after).map_or(sentence.end, |w| w.range.0)..sentence.end;
        let opens = text[..rest.start].trim_end().ends_with(['"', '\u{201C}']);
        let more = opens.then(|| trimmed(text, rest)).filter(|r| !r.is_empty());
        return (
            trimmed(text, sentence.start..stop.max(sentence.start)),
            more,
        );
    }
    let rest = words.get(after).map_or(sentence.end, |w| w.range.0)..sentence.end;
    let rest = trimmed(text, rest);
    if text[rest.clone()].split_whitespace().count() >= 3 {
        return (rest, None);
    }
    (
        trimmed(text, sentence.start..stop.max(sentence.start)),
        None,
    )
}

/// The words before an attribution set off by commas inside what was said, from the
/// sentence's start to the speaker at byte `stop`: "Zelenskiy's office" in "Zelenskiy's
/// office, he added, was "playing for time."". `None` unless commas stand before the
/// speaker and after the cue (ending at byte `cue_end`), and the words before are no
/// quotation (which [`content`] takes whole).
pub(super) fn set_off_head(
    text: &str,
    sentence: &Range<usize>,
    stop: usize,
    cue_end: usize,
) -> Option<Range<usize>> {
    let head = text.get(sentence.start..stop)?.trim();
    let after = text.get(cue_end..sentence.end)?;
    if !head.ends_with(',') || !after.starts_with(',') || head.starts_with(['"', '\u{201C}']) {
        return None;
    }
    Some(trimmed(text, sentence.start..stop)).filter(|head| !head.is_empty())
}
