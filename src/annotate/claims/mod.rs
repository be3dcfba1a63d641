//! Attributed claims: cue → speaker → content, in one sentence.
//!
//! A cue is a reporting verb or phrase (`data/claim_cues.txt`, every inflection written
//! out), written in lower case. Its speaker is, in this order: the name after "according
//! to"; the name, pronoun or unnamed group ("Ukrainian officials") just before the cue,
//! over adverbs and auxiliaries ("Trump reportedly stated", "the Kremlin has denied") or an
//! appositive ("Yuri Ushakov, Putin's aide, said"); the name just after it ("…," said
//! Peskov). The content is the that-clause or the rest of the sentence after the cue, or
//! the quotation before it. Hedging words anywhere in the sentence ("reportedly",
//! "allegedly", "is said to", "people familiar") mark the claim hedged.
//!
//! The steps have a file each: `cues` finds the reporting verbs and phrases and what
//! stands around them, `speakers` who is written before or after a cue, `according_to`
//! the source or document named after "according to", `content` where what was said
//! starts and ends, and `hedges` whether the sentence hedges the report.

mod according_to;
mod content;
mod cues;
mod hedges;
mod speakers;
#[cfg(test)]
mod tests;

use std::ops::Range;

use super::events::did_not_happen;
use crate::sentence::{ascii_lowered, lower_plain, plain_words};
use according_to::according_to;
use content::{content, content_start, set_off_head};
use cues::{TELLING, after_modal, cue_at, frame_at, joined_before, joins, proposes};
pub use cues::{is_reporting_word, one_word_cues};
use hedges::hedged;
use speakers::{speaker_after, speaker_before};

/// A word lower-cased, borrowed from the text when it had no capital.
type Lower<'a> = std::borrow::Cow<'a, str>;

/// Who a claim is attributed to, as the sentence says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Speaker {
    /// A named actor: the index of the mention in the paragraph's mentions.
    Mention(usize),
    /// A pronoun ("He"), to resolve against the actors named before.
    Pronoun(Range<usize>),
    /// An unnamed group or source, as written ("Ukrainian officials").
    Phrase(Range<usize>),
    /// An actor named before, referred to by what it is ("the federation", "the health
    /// ministry", "the minister"), to resolve against the actors named before.
    Reference(Range<usize>),
}

/// A claim found in a sentence; ranges are bytes of the paragraph's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentenceClaim {
    /// The cue as written.
    pub cue: Range<usize>,
    /// Who said it.
    pub speaker: Speaker,
    /// What was said.
    pub content: Range<usize>,
    /// The second part of a quotation split by the attribution ("…," she said, "…").
    pub more: Option<Range<usize>>,
    /// Whether what was said is the block after the paragraph, which the attribution ends
    /// with a colon ("In a statement, Yermak wrote:" before a block quote); `content` is
    /// then empty.
    pub follows: bool,
    /// Whether the sentence hedges the report.
    pub hedged: bool,
}

/// What was said: its range, and the second part of a split quotation.
type Said = (Range<usize>, Option<Range<usize>>);

/// A word of a paragraph with its byte range.
#[derive(Debug, Clone, Copy)]
struct Word<'a> {
    text: &'a str,
    range: (usize, usize),
}

/// The claims of the sentence `sentence` (a byte range of `text`), given the paragraph's
/// actor mentions as byte ranges, in text order.
pub fn claims_in(
    text: &str,
    sentence: Range<usize>,
    mentions: &[Range<usize>],
) -> Vec<SentenceClaim> {
    let words = words(text, sentence.clone());
    let mut buffer = String::new();
    let lower: Vec<Lower<'_>> = match ascii_lowered(&text[sentence.clone()], &mut buffer) {
        // The lowered sentence keeps the text's byte offsets.
        Some(lowered) => words
            .iter()
            .map(|w| {
                let (start, end) = (w.range.0 - sentence.start, w.range.1 - sentence.start);
                Lower::Borrowed(&lowered[start..end])
            })
            .collect(),
        None => words.iter().map(|w| lower_plain(w.text)).collect(),
    };
    let hedged = hedged(&lower);
    let mut claims: Vec<SentenceClaim> = Vec::new();
    // Which of `claims` only propose an action: they end the claim before them, and are
    // dropped after.
    let mut proposals: Vec<bool> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        // A second-hand frame ("is said to have") stands between the speaker and the cue,
        // and hedges; a frame without a cue after it ("is said to be ill") is no one's claim.
        let frame = frame_at(&lower, i);
        let at = i + frame.map_or(0, |(len, _)| len);
        let Some(len) = cue_at(&words, &lower, at) else {
            i = at + 1;
            continue;
        };
        if lower[at] != "according" && after_modal(&lower, i) {
            i = at + len;
            continue;
        }
        let cue = words[at].range.0..words[at + len - 1].range.1;
        let claim = if lower[at] == "according" {
            according_to(text, &words, at + len, &sentence, mentions)
                .map(|(speaker, said)| (speaker, said, false))
        } else {
            // A second cue joined to the first shares its speaker: "Lavrov said … and
            // warned that …", "…, while insisting that …".
            let joined = claims
                .last()
                .filter(|_| joins(&lower, i))
                .map(|c| (c.speaker.clone(), i));
            // A description before the cue ("the document") gives way to the speaker of a
            // claim it is joined to ("Peskov denied … the document and said …").
            let before = speaker_before(text, &words, &lower, i, mentions)
                .filter(|(s, _)| !matches!(s, Speaker::Reference(_)) || joined.is_none());
            let set_off = before.is_some();
            let speaker = before
                .or(joined)
                .or_else(|| speaker_after(text, &words, at + len, mentions));
            speaker.map(|(speaker, after)| {
                let after = after.max(at + len);
                // A quotation before the attribution ends where the speaker's name starts.
                let stop = match &speaker {
                    Speaker::Mention(m) => mentions[*m].start.min(words[at].range.0),
                    Speaker::Phrase(r) | Speaker::Pronoun(r) | Speaker::Reference(r) => r.start,
                };
                let told = after == at + len && TELLING.contains(&lower[after - 1].as_ref());
                let start = content_start(text, &words, &lower, after, told, mentions);
                if start >= words.len() && introduces(text, &sentence) {
                    return (speaker, (sentence.end..sentence.end, None), true);
                }
                let said = content(text, &words, (start, stop), &sentence);
                let head = set_off
                    .then(|| set_off_head(text, &sentence, stop, cue.end))
                    .flatten()
                    .filter(|_| said.1.is_none() && said.0.start >= cue.end);
                match head {
                    Some(head) => (speaker, (head, Some(said.0)), false),
                    None => (speaker, said, false),
                }
            })
        };
        // A claim needs something said: "According to the ministry reportedly Lavrov
        // suggested …", with no comma to end the source, leaves nothing.
        let claim = claim.filter(|(_, (content, _), follows)| *follows || !content.is_empty());
        if let Some((speaker, (content, more), follows)) = claim {
            let hedged = hedged || lower[at].starts_with("claim") || frame.is_some_and(|f| f.1);
            claims.push(SentenceClaim {
                cue,
                speaker,
                content,
                more,
                follows,
                hedged,
            });
            proposals.push(proposes(&words, &lower, at + len - 1));
        }
        i = at + len;
    }
    // A claim's content stops where a second claim inside it begins, at its speaker or,
    // when it shares the first one's, at its cue, with the word that joins them: "…
    // necessary, but recommended reframing …", "… the whole process," and he insisted
    // that …". Content that would be left empty is kept whole: "According to the White
    // House, Macron denied that …" is what the White House says.
    for k in 1..claims.len() {
        let speaker = match &claims[k].speaker {
            Speaker::Mention(m) => mentions[*m].start,
            Speaker::Pronoun(r) | Speaker::Phrase(r) | Speaker::Reference(r) => r.start,
        };
        let cue = claims[k].cue.start;
        let previous = &mut claims[k - 1].content;
        let next = if previous.start <= speaker {
            speaker.min(cue)
        } else {
            cue
        };
        if previous.start < next && next < previous.end {
            let head = joined_before(&text[previous.start..next], next == cue);
            let cut = trimmed(text, previous.start..previous.start + head.len());
            if !cut.is_empty() {
                *previous = cut;
            }
        }
    }
    let mut proposal = proposals.into_iter();
    claims.retain(|_| proposal.next() == Some(false));
    claims
}

/// Whether `sentence` ends its paragraph with a colon: it introduces the block after it.
pub fn introduces(text: &str, sentence: &Range<usize>) -> bool {
    text[sentence.end..].trim().is_empty() && text[sentence.clone()].trim_end().ends_with(':')
}

/// Whether a statement denies: its cue is a denial ("denied", "rejected"), or what was
/// said is that something did not happen ("it has not discussed the proposal", "Moscow
/// had not received the text"). A negation is no denial of itself: "the revised plan no
/// longer demands a withdrawal", "Moscow won't sign", "no date was set", "a working text,
/// not an ultimatum" say what is, will be or is not, and deny nothing.
pub fn is_denial(cue: &str, text: &str) -> bool {
    let cue = cue.to_lowercase();
    let words: Vec<Lower<'_>> = plain_words(text).collect();
    ["deny", "denie", "denied", "reject", "dismiss", "refus"]
        .iter()
        .any(|d| cue.starts_with(d))
        || did_not_happen(&words)
}

/// `range` without surrounding space, quotes and punctuation that closes a clause.
fn trimmed(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let junk = |c: char| {
        c.is_whitespace()
            || matches!(
                c,
                ',' | '.' | ';' | ':' | '"' | '\u{201C}' | '\u{201D}' | '\u{2014}' | '-'
            )
    };
    let start = range.start + (slice.len() - slice.trim_start_matches(junk).len());
    let mut end = range.end - (slice.len() - slice.trim_end_matches(junk).len());
    // A quotation opened inside keeps its closing mark: `had been "the most useful,"`.
    if start < end {
        let kept = &text[start..end];
        let open = kept.matches('"').count() % 2 == 1
            || kept.matches('\u{201C}').count() > kept.matches('\u{201D}').count();
        if open && let Some(at) = text[end..range.end].find(['"', '\u{201D}']) {
            end += at + text[end + at..].chars().next().map_or(1, char::len_utf8);
        }
    }
    start..end.max(start)
}

/// The words of `range` in `text`: letters, digits and inner apostrophes.
fn words(text: &str, range: Range<usize>) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (at, c) in text[range.clone()]
        .char_indices()
        .map(|(i, c)| (range.start + i, c))
    {
        let inner = (c == '\'' || c == '\u{2019}') && start.is_some();
        match (c.is_alphanumeric() || inner, start) {
            (true, None) => start = Some(at),
            (false, Some(s)) => {
                out.push(word(text, s, at));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(word(text, s, range.end));
    }
    out
}

fn word(text: &str, start: usize, end: usize) -> Word<'_> {
    // A trailing apostrophe is not part of the word.
    let t = text[start..end].trim_end_matches(['\'', '\u{2019}']);
    Word {
        text: t,
        range: (start, start + t.len()),
    }
}
