//! Cues: the reporting verbs and phrases ("said", "according to", "is said to have") that
//! open a claim, and the words around one that decide whether it reports anything: a modal
//! before it ("would say"), a gerund after a directive ("suggested delaying"), a joining
//! word that gives it the speaker of the cue before ("… and warned").

use std::sync::LazyLock;

use super::{Lower, Word};
use crate::sentence::{WordSet, list_entries, lower_plain};

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
/// The cues of telling, whose first object is who was told rather than what.
pub(super) const TELLING: &[&str] = &[
    "told", "tell", "tells", "telling", "advised", "advise", "advises", "advising",
];

/// The entries of a phrase-list data file, each as its words.
fn phrases(data: &'static str) -> Vec<Vec<&'static str>> {
    list_entries(data)
        .map(|l| l.split_whitespace().collect())
        .collect()
}

/// The cues, as word sequences.
static CUES: LazyLock<Vec<Vec<&'static str>>> =
    LazyLock::new(|| phrases(include_str!("../data/claim_cues.txt")));
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

/// Second-hand report frames between the speaker and the cue, as word sequences, longest
/// first ("said to have" before "said to").
static FRAMES: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| {
    let mut frames = phrases(include_str!("../data/report_frames.txt"));
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

/// The stems of the cues that may propose an action instead of telling anything.
const DIRECTIVES: &[&str] = &["recommend", "suggest", "propos", "advis", "urg"];

/// Whether the cue ending at word `last` proposes an action rather than states anything:
/// a directive with a gerund right after it ("recommended reframing the discussion",
/// "suggested delaying the vote"), not "suggested that …" or "suggested nothing".
pub(super) fn proposes(words: &[Word<'_>], lower: &[Lower<'_>], last: usize) -> bool {
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
pub(super) fn joined_before(head: &str, at_cue: bool) -> &str {
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
pub(super) fn after_modal(lower: &[Lower<'_>], i: usize) -> bool {
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

/// The second-hand frame starting at word `i`, a form of "be" and a phrase of
/// [`FRAMES`]: its length in words, and whether it hedges (all but "quoted as" do).
pub(super) fn frame_at(lower: &[Lower<'_>], i: usize) -> Option<(usize, bool)> {
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
pub(super) fn joins(lower: &[Lower<'_>], i: usize) -> bool {
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
pub(super) fn stands_between(word: &str) -> bool {
    BETWEEN.contains(&word) || (word.len() > 4 && word.ends_with("ly"))
}

/// The number of words of a cue starting at word `i`, if one does (none past the end). A
/// one-word cue must be written in lower case ("States" in "United States" is no cue).
pub(super) fn cue_at(words: &[Word<'_>], lower: &[Lower<'_>], i: usize) -> Option<usize> {
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
