//! Speakers: who is written before a cue (a name, a pronoun, an unnamed group, an
//! organization's statement or spokesman, a name before an appositive) or right after it
//! (`…," said Peskov`).

use std::ops::Range;

use super::cues::stands_between;
use super::{Lower, Speaker, Word};

/// Words for an unnamed speaker or group of speakers.
pub(super) const GROUPS: &[&str] = &[
    "source",
    "official",
    "diplomat",
    "insider",
    "insiders",
    "officials",
    "leaders",
    "diplomats",
    "sources",
    "organizers",
    "organisers",
    "analysts",
    "negotiators",
    "aides",
    "people",
    "lawmakers",
    "critics",
    "experts",
    "observers",
    "residents",
    "witnesses",
    "ministers",
    "spokespeople",
    "representatives",
    "allies",
    "investigators",
    "prosecutors",
    "authorities",
    "members",
    "delegates",
    "envoys",
];
/// Words for who or what speaks for an organization: "a Kremlin statement said", "a White
/// House spokeswoman said" are the organization's claims.
const VOICES: &[&str] = &[
    "statement",
    "readout",
    "communique",
    "communiqué",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
];
/// The cues a description may be the speaker of ("the federation said").
const SPEAKING: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "announced",
    "announces",
    "confirmed",
    "confirms",
    "denied",
    "denies",
    "stated",
    "states",
    "insisted",
    "insists",
    "warned",
    "warns",
    "acknowledged",
    "acknowledges",
    "admitted",
    "admits",
    "rejected",
    "rejects",
    "maintained",
    "maintains",
    "argued",
    "argues",
    "claimed",
    "claims",
    "explained",
    "explains",
];
/// How many words a phrase describing a voice may have ("issued late on November 23,
/// 2025").
const VOICE_PHRASE: usize = 10;
/// Pronouns that stand for the speaker last named.
const PRONOUNS: &[&str] = &["he", "she", "they", "it"];

/// An unnamed group qualified after its noun, ending at word `j`: "people familiar with the
/// situation", "officials close to the talks", "a person briefed on the plan". The word
/// where the group's phrase starts, if the words up to `j` are one.
fn qualified_group(words: &[Word<'_>], lower: &[Lower<'_>], j: usize) -> Option<usize> {
    const QUALIFIERS: &[&str] = &["familiar", "close", "briefed", "with"];
    (j.saturating_sub(6)..j).rev().find_map(|g| {
        (GROUPS.contains(&lower[g].as_ref()) && QUALIFIERS.contains(&lower[g + 1].as_ref())).then(
            || {
                // The count or determiner and adjectives before the noun: "two people", "a
                // senior official".
                let mut k = g;
                while k > 0
                    && k + 3 > g
                    && (matches!(
                        lower[k - 1].as_ref(),
                        "a" | "an" | "one" | "two" | "three" | "several" | "multiple" | "senior"
                    ) || words[k - 1].text.starts_with(char::is_uppercase))
                {
                    k -= 1;
                }
                k
            },
        )
    })
}

/// The speaker written before the cue at word `i`, and the word after which the content
/// starts (the cue's).
pub(super) fn speaker_before(
    text: &str,
    words: &[Word<'_>],
    lower: &[Lower<'_>],
    i: usize,
    mentions: &[Range<usize>],
) -> Option<(Speaker, usize)> {
    let mut j = i;
    while j > 0 {
        j -= 1;
        let w = &lower[j];
        if let Some(m) = mentions
            .iter()
            .position(|m| m.start <= words[j].range.0 && words[j].range.1 <= m.end)
        {
            return Some((Speaker::Mention(m), i));
        }
        if PRONOUNS.contains(&w.as_ref()) {
            return Some((Speaker::Pronoun(words[j].range.0..words[j].range.1), i));
        }
        if GROUPS.contains(&w.as_ref()) {
            // The group with the words that qualify it: "Ukrainian officials", "people
            // familiar with the talks".
            let mut k = j;
            while k > 0
                && k + 3 > j
                && text[words[k - 1].range.1..words[k].range.0]
                    .trim()
                    .is_empty()
                && (words[k - 1].text.starts_with(char::is_uppercase)
                    || matches!(lower[k - 1].as_ref(), "senior" | "western" | "top"))
            {
                k -= 1;
            }
            return Some((Speaker::Phrase(words[k].range.0..words[j].range.1), i));
        }
        if VOICES.contains(&w.as_ref()) {
            return voice_owner(text, words[j].range.0, mentions).map(|m| (Speaker::Mention(m), i));
        }
        let skippable = stands_between(w);
        let gap = &text[words[j].range.1..words[j + 1].range.0];
        if gap.contains(',') {
            // A voice and a participle's phrase about it: "a White House statement issued
            // late on November 23, 2025, said".
            let described = (j.saturating_sub(VOICE_PHRASE)..j)
                .rev()
                .find(|&k| VOICES.contains(&lower[k].as_ref()) && lower[k + 1].ends_with("ed"));
            if let Some(m) = described.and_then(|k| voice_owner(text, words[k].range.0, mentions)) {
                return Some((Speaker::Mention(m), i));
            }
            // An appositive: ", Putin's top aide," between the name and the cue.
            let before = &text[..words[j].range.1];
            let comma = before.rfind(',')?;
            let m = mentions
                .iter()
                .rposition(|m| m.end <= comma && text[m.end..comma].trim().is_empty())?;
            if words[j].range.0 > comma && j + 1 == i {
                return Some((Speaker::Mention(m), i));
            }
            return None;
        }
        if !skippable {
            if let Some(k) = qualified_group(words, lower, j) {
                return Some((Speaker::Phrase(words[k].range.0..words[j].range.1), i));
            }
            // Only before a verb of speaking: "the recording adds weight" says nothing.
            return definite(text, words, lower, j)
                .filter(|_| SPEAKING.contains(&lower[i].as_ref()))
                .map(|k| (Speaker::Reference(words[k].range.0..words[j].range.1), i));
        }
    }
    None
}

/// Where a definite description ending at word `j` starts: "the federation", "the health
/// ministry", "the prosecutor's office", "Guyana's foreign minister", in lower case after
/// its determiner and with nothing between its words.
fn definite(text: &str, words: &[Word<'_>], lower: &[Lower<'_>], j: usize) -> Option<usize> {
    let plain = |k: usize| {
        words[k]
            .text
            .chars()
            .all(|c| c.is_lowercase() || matches!(c, '\'' | '\u{2019}' | '-'))
    };
    let joined = |k: usize| {
        text[words[k].range.1..words[k + 1].range.0]
            .trim()
            .is_empty()
    };
    const NOT_NOUNS: &[&str] = &[
        "the", "a", "an", "and", "or", "but", "nor", "that", "which", "who", "whom", "then",
        "also", "not", "to", "of", "in", "on", "at", "for", "with", "as", "by", "from", "had",
        "has", "have", "was", "were", "is", "are", "be", "been",
    ];
    if j == 0 || !plain(j) || !joined(j - 1) || NOT_NOUNS.contains(&lower[j].as_ref()) {
        return None;
    }
    // "the", or a name's possessive: "Guyana's foreign minister", "Russia's foreign ministry".
    let determiner = |k: usize| {
        lower[k] == "the"
            || words[k].text.starts_with(char::is_uppercase)
                && (words[k].text.ends_with("'s") || words[k].text.ends_with("\u{2019}s"))
    };
    (j.saturating_sub(3)..j)
        .rev()
        .take_while(|&k| {
            joined(k) && (determiner(k) || plain(k) && !NOT_NOUNS.contains(&lower[k].as_ref()))
        })
        .find(|&k| determiner(k))
}

/// The mention of the organization named right before the voice that starts at byte
/// `start` ("Kremlin statement", "Kremlin's statement"), if any.
fn voice_owner(text: &str, start: usize, mentions: &[Range<usize>]) -> Option<usize> {
    mentions.iter().position(|m| {
        let gap = text[m.end.min(start)..start].trim_end();
        m.end <= start && matches!(gap, "" | "'s" | "\u{2019}s")
    })
}

/// The speaker named right after the cue ("…," said Kremlin spokesman Dmitry Peskov).
/// Of several names there, the last: "Kremlin spokesman Dmitry Peskov" is Peskov. Only
/// after a quotation or a clause: `…," said Peskov`, `…, said Peskov`.
pub(super) fn speaker_after(
    text: &str,
    words: &[Word<'_>],
    after: usize,
    mentions: &[Range<usize>],
) -> Option<(Speaker, usize)> {
    let cue = after.checked_sub(1)?;
    let before = if cue == 0 {
        ""
    } else {
        &text[words[cue - 1].range.1..words[cue].range.0]
    };
    if cue > 0 && !before.contains([',', '"', '\u{201D}', ':']) {
        return None;
    }
    let mut found = None;
    for k in after..(after + 6).min(words.len()) {
        if k > after && text[words[k - 1].range.1..words[k].range.0].contains([',', '.', ';', ':'])
        {
            break;
        }
        if let Some(m) = mentions
            .iter()
            .position(|m| m.start <= words[k].range.0 && words[k].range.1 <= m.end)
        {
            found = Some((Speaker::Mention(m), k + 1));
        }
    }
    found
}
