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

use std::ops::Range;
use std::sync::LazyLock;

use super::events::did_not_happen;
use crate::sentence::{WordSet, ascii_lowered, list_entries, lower_plain, plain_words, word_list};

/// A word lower-cased, borrowed from the text when it had no capital.
type Lower<'a> = std::borrow::Cow<'a, str>;

/// Words that may stand between a speaker and the cue: "Trump reportedly stated", "the
/// Kremlin has also denied".
const BETWEEN: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "did",
    "does",
    "do",
    "is",
    "was",
    "were",
    "are",
    "then",
    "later",
    "again",
    "once",
    "already",
    "further",
    "previously",
    "would",
    "will",
    "could",
    "may",
    "might",
    "repeatedly",
    "not",
    "never",
    "still",
    "himself",
    "herself",
    "itself",
    "themselves",
    "however",
    "meanwhile",
];
/// Words for an unnamed speaker or group of speakers.
const GROUPS: &[&str] = &[
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
/// How many words a phrase describing a voice may have ("issued late on November 23,
/// 2025").
const VOICE_PHRASE: usize = 10;
/// The cues of telling, whose first object is who was told rather than what.
const TELLING: &[&str] = &[
    "told", "tell", "tells", "telling", "advised", "advise", "advises", "advising",
];
/// Words that mark a report as hedged.
const HEDGES: &[&str] = &[
    "reportedly",
    "allegedly",
    "purportedly",
    "apparently",
    "unverified",
    "unconfirmed",
    "rumoured",
    "rumored",
    "supposedly",
    "ostensibly",
];
/// Pronouns that stand for the speaker last named.
const PRONOUNS: &[&str] = &["he", "she", "they", "it"];

/// The entries of a phrase-list data file, each as its words.
fn phrases(data: &'static str) -> Vec<Vec<&'static str>> {
    list_entries(data)
        .map(|l| l.split_whitespace().collect())
        .collect()
}

/// The cues, as word sequences.
static CUES: LazyLock<Vec<Vec<&'static str>>> =
    LazyLock::new(|| phrases(include_str!("data/claim_cues.txt")));
static ONE_WORD_CUES: WordSet =
    LazyLock::new(|| CUES.iter().filter(|c| c.len() == 1).map(|c| c[0]).collect());
/// The one-word reporting verbs ("said", "maintains").
pub fn one_word_cues() -> impl Iterator<Item = &'static str> {
    ONE_WORD_CUES.iter().copied()
}

/// Whether `word` (lower case) is a one-word reporting verb ("said", "maintains",
/// "insisted"): what follows it is what someone says.
pub fn is_reporting_word(word: &str) -> bool {
    ONE_WORD_CUES.contains(word)
}

/// Who is told, besides the unnamed groups of [`GROUPS`].
static ADDRESSEES: WordSet = LazyLock::new(|| word_list(include_str!("data/addressees.txt")));
/// Second-hand report frames between the speaker and the cue, as word sequences, longest
/// first ("said to have" before "said to").
static FRAMES: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| {
    let mut frames = phrases(include_str!("data/report_frames.txt"));
    frames.sort_by_key(|f| std::cmp::Reverse(f.len()));
    frames
});
/// The cues of more than one word, in the order of the list.
static PHRASE_CUES: LazyLock<Vec<&'static [&'static str]>> = LazyLock::new(|| {
    CUES.iter()
        .filter(|c| c.len() > 1)
        .map(Vec::as_slice)
        .collect()
});

/// Who a claim is attributed to, as the sentence says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Speaker {
    /// A named actor: the index of the mention in the paragraph's mentions.
    Mention(usize),
    /// A pronoun ("He"), to resolve against the actors named before.
    Pronoun(Range<usize>),
    /// An unnamed group or source, as written ("Ukrainian officials").
    Phrase(Range<usize>),
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
    let hedged = lower.iter().any(|w| HEDGES.contains(&w.as_ref()))
        || lower.windows(3).any(|w| {
            w[1] == "said" && w[2] == "to" && matches!(w[0].as_ref(), "is" | "was" | "are" | "were")
        })
        || lower
            .windows(2)
            .any(|w| w[0] == "people" && w[1] == "familiar")
        || lower
            .windows(2)
            .any(|w| w[0] == "sources" && matches!(w[1].as_ref(), "said" | "say"))
        || lower.windows(2).any(|w| {
            GROUPS.contains(&w[0].as_ref())
                && matches!(w[1].as_ref(), "familiar" | "briefed" | "close")
        })
        || unnamed_one(&lower);
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
            let before = speaker_before(text, &words, &lower, i, mentions);
            let set_off = before.is_some();
            let speaker = before
                .or(joined)
                .or_else(|| speaker_after(text, &words, at + len, mentions));
            speaker.map(|(speaker, after)| {
                let after = after.max(at + len);
                // A quotation before the attribution ends where the speaker's name starts.
                let stop = match &speaker {
                    Speaker::Mention(m) => mentions[*m].start.min(words[at].range.0),
                    Speaker::Phrase(r) => r.start,
                    Speaker::Pronoun(r) => r.start,
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
            Speaker::Pronoun(r) | Speaker::Phrase(r) => r.start,
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

/// The stems of the cues that may propose an action instead of telling anything.
const DIRECTIVES: &[&str] = &["recommend", "suggest", "propos", "advis", "urg"];

/// Whether the cue ending at word `last` proposes an action rather than states anything:
/// a directive with a gerund right after it ("recommended reframing the discussion",
/// "suggested delaying the vote"), not "suggested that …" or "suggested nothing".
fn proposes(words: &[Word<'_>], lower: &[Lower<'_>], last: usize) -> bool {
    let gerund = |k: usize| {
        words.get(k).is_some_and(|w| {
            w.text.len() > 5
                && w.text.starts_with(|c: char| c.is_lowercase())
                && w.text.ends_with("ing")
                && !w.text.ends_with("thing")
        })
    };
    DIRECTIVES.iter().any(|d| lower[last].starts_with(d)) && gerund(last + 1)
}

/// `head` without the words that join what follows to it: the joining word
/// ([`JOINERS`]), and before that, when what follows is a cue
/// (`at_cue`), the adverbs and auxiliaries between them ("… and also warned").
fn joined_before(head: &str, at_cue: bool) -> &str {
    let mut head = head.trim_end();
    loop {
        let (before, last) = head.rsplit_once(char::is_whitespace).unwrap_or(("", head));
        let last = lower_plain(last);
        if at_cue && stands_between(&last) {
            head = before.trim_end();
            continue;
        }
        if JOINERS.contains(&last.as_ref()) {
            head = before.trim_end();
        }
        return head;
    }
}

/// The words that make a verb after them tell of what may or will be done rather than what
/// was: "Ukraine would write into law that …", "Putin may argue that …". Not "can": "the
/// ministry can confirm that …" confirms.
const MODALS: &[&str] = &[
    "will", "would", "could", "may", "might", "shall", "should", "must",
];

/// Whether a modal stands before the cue or frame starting at word `i`, over adverbs and
/// auxiliaries, so that no statement was made. "Later" tells of one made after what the
/// text told before: "he would later say that …" was said.
fn after_modal(lower: &[Lower<'_>], i: usize) -> bool {
    let run = lower[..i]
        .iter()
        .rev()
        .take_while(|w| stands_between(w) || MODALS.contains(&w.as_ref()));
    let mut modal = false;
    for w in run {
        if w == "later" {
            return false;
        }
        modal |= MODALS.contains(&w.as_ref());
    }
    modal
}

/// Whether `sentence` ends its paragraph with a colon: it introduces the block after it.
pub fn introduces(text: &str, sentence: &Range<usize>) -> bool {
    text[sentence.end..].trim().is_empty() && text[sentence.clone()].trim_end().ends_with(':')
}

/// The second-hand frame starting at word `i`, a form of "be" and a phrase of
/// [`FRAMES`]: its length in words, and whether it hedges (all but "quoted as" do).
fn frame_at(lower: &[Lower<'_>], i: usize) -> Option<(usize, bool)> {
    if !matches!(lower[i].as_ref(), "is" | "was" | "are" | "were" | "been") {
        return None;
    }
    let words = lower.get(i + 1..)?;
    let frame = FRAMES
        .iter()
        .find(|f| f.len() <= words.len() && f.iter().zip(words).all(|(f, w)| w == f))?;
    Some((frame.len() + 1, frame[0] != "quoted"))
}

/// Whether the cue at word `i` is joined to an earlier verb: "and", "but", "while" or
/// "before" just before it, over adverbs.
fn joins(lower: &[Lower<'_>], i: usize) -> bool {
    lower[..i]
        .iter()
        .rev()
        .find(|w| !stands_between(w))
        .is_some_and(|w| JOINERS.contains(&w.as_ref()))
}

/// The words that join a second verb to a first: "… and warned that …".
const JOINERS: &[&str] = &["and", "but", "while", "before", "after"];

/// Whether a lower-case word may stand between a joining word and the verb it joins: an
/// auxiliary or an adverb ("and also warned", "but reportedly added").
fn stands_between(word: &str) -> bool {
    BETWEEN.contains(&word) || (word.len() > 4 && word.ends_with("ly"))
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

/// The number of words of a cue starting at word `i`, if one does (none past the end). A
/// one-word cue must be written in lower case ("States" in "United States" is no cue).
fn cue_at(words: &[Word<'_>], lower: &[Lower<'_>], i: usize) -> Option<usize> {
    if ONE_WORD_CUES.contains(lower.get(i)?.as_ref())
        && words[i].text.starts_with(|c: char| c.is_lowercase())
    {
        return Some(1);
    }
    PHRASE_CUES
        .iter()
        .find(|c| {
            c.iter()
                .enumerate()
                .all(|(k, w)| lower.get(i + k).is_some_and(|l| l == w))
        })
        .map(|c| c.len())
}

/// "According to X, …" or "… according to X": the speaker after the phrase, the content
/// the rest of the sentence.
fn according_to(
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
static DOCUMENTS: WordSet = LazyLock::new(|| word_list(include_str!("data/documents.txt")));

/// Whether the sentence's speaker is one person or a few, unnamed: "a source", "a senior
/// official", "two diplomats", "one of the aides".
fn unnamed_one(lower: &[Lower<'_>]) -> bool {
    lower.windows(3).any(|w| {
        let counted = matches!(
            w[0].as_ref(),
            "a" | "an" | "one" | "another" | "two" | "three" | "several" | "multiple"
        );
        let who = |x: &Lower<'_>| {
            matches!(
                x.as_ref(),
                "source"
                    | "sources"
                    | "official"
                    | "officials"
                    | "diplomat"
                    | "diplomats"
                    | "insider"
                    | "insiders"
                    | "people"
                    | "person"
            )
        };
        counted && (who(&w[1]) || who(&w[2]))
    })
}

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
fn speaker_before(
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
            return qualified_group(words, lower, j)
                .map(|k| (Speaker::Phrase(words[k].range.0..words[j].range.1), i));
        }
    }
    None
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
fn speaker_after(
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

/// Where what was said may start, after the cue (or the speaker after it) that ends before
/// word `after`: past who was told, when the cue is a verb of telling ("told reporters the
/// inquiry …", "told Kivi that …"), and past "that" when it comes within a few words
/// ("said on Tuesday that …", "told reporters after the session that …").
fn content_start(
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
fn content(
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
fn set_off_head(
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Claims of `text` as (speaker as written, cue, content, hedged); names are the
    /// capitalised runs listed in `names`.
    fn claims(text: &str, names: &[&str]) -> Vec<(String, String, String, bool)> {
        let mut mentions: Vec<Range<usize>> = names
            .iter()
            .map(|n| {
                let s = text.find(n).unwrap();
                s..s + n.len()
            })
            .collect();
        mentions.sort_by_key(|m| m.start);
        claims_in(text, 0..text.len(), &mentions)
            .into_iter()
            .map(|c| {
                let speaker = match &c.speaker {
                    Speaker::Mention(m) => text[mentions[*m].clone()].to_string(),
                    Speaker::Pronoun(r) => text[r.clone()].to_lowercase(),
                    Speaker::Phrase(r) => text[r.clone()].to_string(),
                };
                let content = match c.more {
                    Some(more) => format!("{} … {}", &text[c.content], &text[more]),
                    None => text[c.content].to_string(),
                };
                (speaker, text[c.cue].to_string(), content, c.hedged)
            })
            .collect()
    }

    fn one(
        speaker: &str,
        cue: &str,
        content: &str,
        hedged: bool,
    ) -> Vec<(String, String, String, bool)> {
        vec![(speaker.into(), cue.into(), content.into(), hedged)]
    }

    #[test]
    fn an_unnamed_source_speaks_as_written_and_hedged() {
        for (text, speaker, cue, content) in [
            (
                "Two people familiar with the situation said the minister would resign.",
                "Two people familiar with the situation",
                "said",
                "the minister would resign",
            ),
            (
                "A senior official told the agency that the talks had stalled.",
                "A senior official",
                "told",
                "the talks had stalled",
            ),
            (
                "The talks had stalled, according to multiple sources familiar with the matter.",
                "multiple sources familiar with the matter",
                "according to",
                "The talks had stalled",
            ),
            (
                "A source said the deal was off.",
                "A source",
                "said",
                "the deal was off",
            ),
            (
                "People close to him said he had no intention of resigning.",
                "People close to him",
                "said",
                "he had no intention of resigning",
            ),
        ] {
            assert_eq!(
                claims(text, &[]),
                one(speaker, cue, content, true),
                "{text}"
            );
        }
    }

    #[test]
    fn cues_beyond_said() {
        for (text, cue, content) in [
            (
                "Kristen Michal called for sanctions on the ship's owners.",
                "called for",
                "sanctions on the ship's owners",
            ),
            (
                "Kristen Michal ruled out talks with the shipowner.",
                "ruled out",
                "talks with the shipowner",
            ),
            (
                "Kristen Michal accused the crew of lying to investigators.",
                "accused",
                "the crew of lying to investigators",
            ),
            (
                "Kristen Michal pointed out that the cable had been damaged twice.",
                "pointed out",
                "the cable had been damaged twice",
            ),
        ] {
            let found = claims(text, &["Kristen Michal"]);
            assert_eq!(found, one("Kristen Michal", cue, content, false), "{text}");
        }
        // "respond" without what was said is no claim.
        assert!(
            claims(
                "Utilities are watching how Kristen Michal will respond.",
                &["Kristen Michal"]
            )
            .is_empty()
        );
    }

    #[test]
    fn indirect_speech_with_a_that_clause() {
        assert_eq!(
            claims(
                "Marta Kivi said that the draft had been cut to 19 points.",
                &["Marta Kivi"]
            ),
            one(
                "Marta Kivi",
                "said",
                "the draft had been cut to 19 points",
                false
            )
        );
    }

    #[test]
    fn a_verb_after_a_modal_reports_nothing_said() {
        for text in [
            "Estonia would write into law that it will stay outside the alliance.",
            "Kivi may argue that the port must stay closed.",
            "Kivi will not say whether the port reopens.",
        ] {
            let names: Vec<&str> = ["Estonia", "Kivi"]
                .into_iter()
                .filter(|n| text.contains(n))
                .collect();
            assert_eq!(claims(text, &names), [], "{text}");
        }
        assert_eq!(
            claims(
                "Kivi would later say that the port had been closed too soon.",
                &["Kivi"]
            ),
            one("Kivi", "say", "the port had been closed too soon", false)
        );
        assert_eq!(
            claims(
                "Estonia would, according to Kivi, close the port.",
                &["Estonia", "Kivi"]
            )
            .len(),
            1
        );
    }

    #[test]
    fn an_attribution_ending_with_a_colon_introduces_the_next_block() {
        let text = "In a statement after the talks, Kivi wrote:";
        let mentions: Vec<Range<usize>> = text
            .match_indices("Kivi")
            .map(|(at, name)| at..at + name.len())
            .collect();
        let found = claims_in(text, 0..text.len(), &mentions);
        assert_eq!(found.len(), 1);
        assert!(found[0].follows);
        assert!(found[0].content.is_empty());
        assert_eq!(&text[found[0].cue.clone()], "wrote");
        // A colon inside the sentence is followed by what was said.
        assert_eq!(
            claims("Kivi wrote: the port stays closed.", &["Kivi"]),
            one("Kivi", "wrote", "the port stays closed", false)
        );
    }

    #[test]
    fn a_quote_before_the_attribution() {
        assert_eq!(
            claims(
                "\"We will not accept this,\" Kivi said on Tuesday.",
                &["Kivi"]
            ),
            one("Kivi", "said", "We will not accept this", false)
        );
        assert_eq!(
            claims(
                "\"We will not accept this,\" said Kremlin spokesman Lauri Kask.",
                &["Kremlin", "Lauri Kask"]
            ),
            one("Lauri Kask", "said", "We will not accept this", false)
        );
    }

    #[test]
    fn a_second_hand_report_is_the_named_speakers_claim() {
        assert_eq!(
            claims(
                "Lauri Kask is said to have told the meeting that the front line would hold.",
                &["Lauri Kask"]
            ),
            one("Lauri Kask", "told", "the front line would hold", true)
        );
        assert_eq!(
            claims(
                "Kivi was quoted as saying that the talks went well.",
                &["Kivi"]
            ),
            one("Kivi", "saying", "the talks went well", false)
        );
        // What others say about Kivi is not Kivi's claim.
        assert_eq!(claims("Kivi is said to be ill.", &["Kivi"]), []);
        assert_eq!(claims("Kivi is said to", &["Kivi"]), []);
    }

    #[test]
    fn an_attribution_set_off_by_commas_splits_what_was_said() {
        assert_eq!(
            claims(
                "Kivi's office, he added, was \"playing for time.\"",
                &["Kivi"]
            ),
            one(
                "he",
                "added",
                "Kivi's office … was \"playing for time.\"",
                false
            )
        );
        // A name after the cue is no such attribution: "…, said Kask, …".
        let found = claims(
            "The plan is dead, said Kask, and talks would go on.",
            &["Kask"],
        );
        assert!(!found[0].2.contains('…'), "{found:?}");
    }

    #[test]
    fn an_organization_speaks_through_its_statement_or_spokesman() {
        assert_eq!(
            claims(
                "A Kremlin statement said the talks had failed.",
                &["Kremlin"]
            ),
            one("Kremlin", "said", "the talks had failed", false)
        );
        assert_eq!(
            claims(
                "A White House spokeswoman said the call went well.",
                &["White House"]
            ),
            one("White House", "said", "the call went well", false)
        );
        assert_eq!(
            claims(
                "A Kremlin statement issued late on Friday, November 21, said the talks had failed.",
                &["Kremlin"]
            ),
            one("Kremlin", "said", "the talks had failed", false)
        );
        // A statement no one is named for is no one's claim.
        assert_eq!(claims("The statement said the talks had failed.", &[]), []);
    }

    #[test]
    fn nothing_said_is_no_claim() {
        let found = claims(
            "According to the ministry reportedly Kivi suggested that the talks failed.",
            &["Kivi"],
        );
        assert!(found.iter().all(|c| !c.2.is_empty()), "{found:?}");
    }

    #[test]
    fn a_quote_after_the_attribution() {
        assert_eq!(
            claims("Kivi told reporters: \"The plan is dead.\"", &["Kivi"]),
            one("Kivi", "told", "The plan is dead", false)
        );
    }

    #[test]
    fn a_second_claim_ends_the_first_at_its_speaker() {
        let found = claims(
            "Kivi said the talks had been \"useful,\" and he insisted that the draft stood.",
            &["Kivi"],
        );
        assert_eq!(
            found,
            vec![
                (
                    "Kivi".into(),
                    "said".into(),
                    "the talks had been \"useful,\"".into(),
                    false
                ),
                (
                    "he".into(),
                    "insisted".into(),
                    "the draft stood".into(),
                    false
                ),
            ]
        );
    }

    #[test]
    fn what_a_source_reports_may_be_a_claim_of_its_own() {
        let found = claims(
            "According to Reuters, Kivi said that the talks failed.",
            &["Reuters", "Kivi"],
        );
        assert_eq!(
            found,
            vec![
                (
                    "Reuters".into(),
                    "According to".into(),
                    "Kivi said that the talks failed".into(),
                    false
                ),
                (
                    "Kivi".into(),
                    "said".into(),
                    "the talks failed".into(),
                    false
                ),
            ]
        );
    }

    #[test]
    fn who_was_told_is_not_what_was_said() {
        let cases: [(&str, &[&str], &str); 8] = [
            (
                "Stubb recently told reporters the inquiry would take months.",
                &["Stubb"],
                "the inquiry would take months",
            ),
            (
                "Kivi told reporters after the opening session that the talks were useful.",
                &["Kivi"],
                "the talks were useful",
            ),
            (
                "Kivi told lawmakers he would not sign.",
                &["Kivi"],
                "he would not sign",
            ),
            (
                "Kivi told Stubb the deal was close.",
                &["Kivi", "Stubb"],
                "the deal was close",
            ),
            (
                "Kivi told her aides the plan was dead.",
                &["Kivi"],
                "the plan was dead",
            ),
            (
                "Kivi told European leaders the plan was dead.",
                &["Kivi"],
                "the plan was dead",
            ),
            (
                "Kivi told her the plan was dead.",
                &["Kivi"],
                "the plan was dead",
            ),
            // Only verbs of telling have someone told: after "said", the words are what
            // was said.
            (
                "Kivi said reporters had misread the plan.",
                &["Kivi"],
                "reporters had misread the plan",
            ),
        ];
        for (text, names, said) in cases {
            let found = claims(text, names);
            assert_eq!(found.first().map(|c| c.2.as_str()), Some(said), "{text}");
        }
    }

    #[test]
    fn a_split_quote() {
        assert_eq!(
            claims(
                "\"The text is shorter,\" Kivi said, \"but not softer.\"",
                &["Kivi"]
            ),
            one(
                "Kivi",
                "said",
                "The text is shorter … but not softer",
                false
            )
        );
    }

    #[test]
    fn according_to_names_the_speaker() {
        assert_eq!(
            claims(
                "According to Lauri Kask, the talks will resume in Geneva.",
                &["Lauri Kask", "Geneva"]
            ),
            one(
                "Lauri Kask",
                "According to",
                "the talks will resume in Geneva",
                false
            )
        );
        assert_eq!(
            claims(
                "The talks will resume, according to people familiar with the plan.",
                &[]
            ),
            one(
                "people familiar with the plan",
                "according to",
                "The talks will resume",
                true
            )
        );
    }

    #[test]
    fn a_document_is_where_a_claim_is_written_not_who_makes_it() {
        assert_eq!(
            claims(
                "The port will close for six weeks, according to a transcript of the meeting.",
                &[]
            ),
            Vec::new()
        );
        assert_eq!(
            claims(
                "The repairs will cost four million euros, according to a report by the harbour authority.",
                &[]
            ),
            one(
                "the harbour authority",
                "according to",
                "The repairs will cost four million euros",
                false
            )
        );
        assert_eq!(
            claims(
                "Tolls will rise in May, according to a statement from the Kremlin.",
                &["Kremlin"]
            ),
            one("Kremlin", "according to", "Tolls will rise in May", false)
        );
    }

    #[test]
    fn a_second_cue_shares_the_speaker() {
        let found = claims(
            "Foreign Minister Ilmar Tamm said Tallinn had not received any document and warned that the plan would fail, while insisting on talks.",
            &["Ilmar Tamm", "Tallinn"],
        );
        let who: Vec<(&str, &str)> = found.iter().map(|c| (c.0.as_str(), c.1.as_str())).collect();
        assert_eq!(
            who,
            [
                ("Ilmar Tamm", "said"),
                ("Ilmar Tamm", "warned"),
                ("Ilmar Tamm", "insisting")
            ]
        );
        assert_eq!(found[0].2, "Tallinn had not received any document");
        assert_eq!(found[1].2, "the plan would fail");
    }

    #[test]
    fn a_proposed_action_is_no_claim() {
        let found = claims(
            "Kask suggested that concessions were needed, but recommended reframing the talks.",
            &["Kask"],
        );
        assert_eq!(
            found,
            one("Kask", "suggested", "concessions were needed", false)
        );
        assert_eq!(claims("Tamm urged delaying the vote.", &["Tamm"]), []);
        assert_eq!(
            claims("Tamm suggested nothing had changed.", &["Tamm"]),
            one("Tamm", "suggested", "nothing had changed", false)
        );
    }

    #[test]
    fn who_was_advised_is_not_what_was_advised() {
        assert_eq!(
            claims(
                "Tamm advised Kristen Michal, the prime minister, to keep the port closed.",
                &["Tamm", "Kristen Michal"]
            ),
            one("Tamm", "advised", "to keep the port closed", false)
        );
        assert_eq!(
            claims(
                "He also advised Michal on how to raise the subject with Stubb.",
                &["Michal", "Stubb"]
            ),
            one(
                "he",
                "advised",
                "on how to raise the subject with Stubb",
                false
            )
        );
    }

    #[test]
    fn a_pronoun_speaker_is_kept_for_resolving() {
        assert_eq!(
            claims(
                "He also advised Kask on how to raise the subject.",
                &["Kask"]
            ),
            one("he", "advised", "on how to raise the subject", false)
        );
    }

    #[test]
    fn hedges_are_marked() {
        assert_eq!(
            claims(
                "In a recent call, Kivi reportedly stated that the plan could work.",
                &["Kivi"]
            ),
            one("Kivi", "stated", "the plan could work", true)
        );
    }

    #[test]
    fn a_negated_cue_and_a_denial_are_claims() {
        assert_eq!(
            claims(
                "However, the Kremlin maintains it has not discussed the proposal.",
                &["Kremlin"]
            ),
            one(
                "Kremlin",
                "maintains",
                "it has not discussed the proposal",
                false
            )
        );
        assert_eq!(
            claims(
                "The Kremlin denied that any such call took place.",
                &["Kremlin"]
            ),
            one("Kremlin", "denied", "any such call took place", false)
        );
    }

    #[test]
    fn an_unnamed_group_speaks() {
        assert_eq!(
            claims(
                "Ukrainian officials have insisted they will not recognize the annexation.",
                &[]
            ),
            one(
                "Ukrainian officials",
                "insisted",
                "they will not recognize the annexation",
                false
            )
        );
    }

    #[test]
    fn an_appositive_between_speaker_and_cue() {
        assert_eq!(
            claims(
                "Lauri Kask, the inquiry's chief, said the ship was Russian.",
                &["Lauri Kask"]
            ),
            one("Lauri Kask", "said", "the ship was Russian", false)
        );
    }

    #[test]
    fn denials_are_told_by_cue_or_by_saying_it_did_not_happen() {
        assert!(is_denial(
            "maintains",
            "it has not discussed the proposal in detail with Washington"
        ));
        assert!(is_denial("denied", "a meeting took place"));
        assert!(is_denial("rejected", "the counterproposal"));
        assert!(!is_denial("said", "the talks went well"));
        // Negations that deny nothing.
        assert!(!is_denial("said", "Moscow won't sign"));
        assert!(!is_denial("said", "no date had been set"));
        assert!(!is_denial(
            "said",
            "the revised text no longer demanded a full withdrawal"
        ));
        // A "not" that contrasts denies nothing.
        assert!(!is_denial(
            "insisted",
            "the draft remained \"a working text, not an ultimatum.\""
        ));
        assert!(!is_denial(
            "told",
            "Europe had to be at the table, not on the menu"
        ));
    }

    #[test]
    fn nouns_that_look_like_cues_are_not() {
        assert!(
            claims(
                "The United States sent a note to the post office.",
                &["United States"]
            )
            .is_empty()
        );
        // A name after a verb is its object, not its speaker.
        assert!(
            claims(
                "The recording adds weight to concerns about the Tamm cabinet.",
                &["Tamm cabinet"]
            )
            .is_empty()
        );
    }
}
