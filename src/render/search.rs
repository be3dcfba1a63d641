//! The search index under `search/`: small JSON files that `search.js` fetches as a query
//! needs them, so search works on any static host with no server code.
//!
//! What is searchable are *units*: each actor (name, aliases, roles, description), each
//! source's title, and each paragraph that is not a heading and not a repeat of another (a
//! repeat's words are found through the original it links to). Units are numbered: the
//! actors first, then for each source its title followed by a number for each of its
//! paragraphs, so that a unit's number tells the page and the anchor `#pN` to link to.
//!
//! | file | what |
//! | --- | --- |
//! | `search/meta.json` | format version, the stop words, how many actors, each source's paragraph count, sources per text file |
//! | `search/terms/<key>.json` | for every word whose first two characters are `key` (hex of their UTF-8), the units that hold it, as gaps between numbers |
//! | `search/actors.json` | each actor: id, name, kind, and the text its unit holds |
//! | `search/text/<n>.json` | for each source of the n-th group: id, title, outlet and the text of its searchable paragraphs, for the excerpts |
//!
//! Words are compared in one folded form, which `search.js` computes the same way:
//! Unicode NFKD without combining marks, lower case, split at anything that is not a letter
//! or a digit; single letters and [`STOP_WORDS`] are left out.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use foldhash::{HashMap, HashMapExt};
use rayon::prelude::*;
use serde::Serialize;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::assemble::{Briefing, Paragraph, SourceEntry};
use crate::diagnostic::Diagnostic;
use crate::parse::BlockKind;
use crate::sentence::WordSet;

/// One file of the index: its path under the site root and its bytes.
pub type File = (String, Vec<u8>);

/// The version of the index's format, which `search.js` checks.
const FORMAT: u32 = 1;

/// How many sources one `search/text/<n>.json` file holds.
const TEXT_GROUP: usize = 64;

/// Words too common to tell units apart; they are not indexed, and a query ignores them.
pub const STOP_WORDS: &[&str] = &[
    "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "had", "has", "have",
    "he", "her", "his", "in", "is", "it", "its", "of", "on", "or", "she", "that", "the", "their",
    "they", "this", "to", "was", "were", "which", "who", "will", "with",
];
/// [`STOP_WORDS`] as a set, for lookups.
static STOP_SET: WordSet = LazyLock::new(|| STOP_WORDS.iter().copied().collect());

/// Builds the files of the index for `briefing`.
pub fn bundle(briefing: &Briefing) -> Result<Vec<File>, Diagnostic> {
    let layout = Layout::new(briefing);
    let mut postings = postings(briefing, &layout);
    let mut files = vec![
        json("search/meta.json", &meta(briefing))?,
        json("search/actors.json", &actor_records(briefing))?,
    ];
    for (key, terms) in shards(&mut postings) {
        files.push(json(&format!("search/terms/{key}.json"), &terms)?);
    }
    drop(postings);
    let groups: Vec<Result<File, Diagnostic>> = briefing
        .sources
        .par_chunks(TEXT_GROUP)
        .enumerate()
        .map(|(n, group)| {
            let records: Vec<TextRecord> = group.iter().map(text_record).collect();
            json(&format!("search/text/{n}.json"), &records)
        })
        .collect();
    for group in groups {
        files.push(group?);
    }
    Ok(files)
}

fn json(path: &str, value: &impl Serialize) -> Result<File, Diagnostic> {
    serde_json::to_vec(value)
        .map(|bytes| (path.to_string(), bytes))
        .map_err(|e| Diagnostic::general(format!("cannot write {path}: {e}")))
}

/// Where each source's units start.
struct Layout {
    /// The unit number of each source's title; its paragraph N is that number plus N.
    first: Vec<u32>,
}

impl Layout {
    fn new(briefing: &Briefing) -> Layout {
        let mut next = briefing.actors.len() as u32;
        let first = briefing
            .sources
            .iter()
            .map(|source| {
                let start = next;
                next += 1 + source.paragraphs.len() as u32;
                start
            })
            .collect();
        Layout { first }
    }
}

#[derive(Serialize)]
struct Meta {
    format: u32,
    stop_words: &'static [&'static str],
    actors: usize,
    /// Paragraphs of each source, in source order.
    paragraphs: Vec<usize>,
    text_group: usize,
}

fn meta(briefing: &Briefing) -> Meta {
    Meta {
        format: FORMAT,
        stop_words: STOP_WORDS,
        actors: briefing.actors.len(),
        paragraphs: briefing
            .sources
            .iter()
            .map(|s| s.paragraphs.len())
            .collect(),
        text_group: TEXT_GROUP,
    }
}

/// An actor as the results show it: id, name, kind, and the text its unit holds.
type ActorRecord<'a> = (&'a str, &'a str, &'static str, String);

fn actor_records(briefing: &Briefing) -> Vec<ActorRecord<'_>> {
    briefing
        .actors
        .iter()
        .map(|entry| {
            (
                entry.id.as_str(),
                entry.name.as_str(),
                entry.kind.as_str(),
                actor_text(entry),
            )
        })
        .collect()
}

/// What an actor's unit holds: name, other names, roles and description.
fn actor_text(entry: &crate::assemble::ActorEntry) -> String {
    let actor = &entry.actor;
    let mut text = actor.name.clone();
    if !actor.aliases.is_empty() {
        text.push_str(", also ");
        text.push_str(&actor.aliases.join(", "));
    }
    if !actor.roles.is_empty() {
        text.push_str(": ");
        text.push_str(&actor.roles.join("; "));
    }
    if let Some(description) = &actor.description {
        text.push_str(". ");
        text.push_str(description);
    }
    text
}

/// A source as the results show it: id, title, outlet, and its searchable paragraphs by
/// number.
type TextRecord<'a> = (&'a str, &'a str, Option<&'a str>, BTreeMap<usize, &'a str>);

fn text_record(source: &SourceEntry) -> TextRecord<'_> {
    (
        source.id.as_str(),
        source.title.as_str(),
        source.meta.outlet.as_deref(),
        searchable(source)
            .map(|p| (p.number, p.text.as_str()))
            .collect(),
    )
}

/// The paragraphs of `source` the index holds: not headings, not repeats.
fn searchable(source: &SourceEntry) -> impl Iterator<Item = &Paragraph> {
    source
        .paragraphs
        .iter()
        .filter(|p| p.repeat_of.is_none() && !matches!(p.kind, BlockKind::Heading(_)))
}

/// Every indexed word with the units that hold it, in ascending order.
type Postings = HashMap<String, Vec<u32>>;

/// The postings of every unit, in unit order. One thread does it: the index is built
/// beside the pages, which keep the other threads busy, and one table keeps memory low.
fn postings(briefing: &Briefing, layout: &Layout) -> Postings {
    let mut all = Postings::new();
    for (unit, entry) in briefing.actors.iter().enumerate() {
        add_unit(&mut all, unit as u32, &actor_text(entry));
    }
    for (source, &first) in briefing.sources.iter().zip(&layout.first) {
        add_unit(&mut all, first, &source.title);
        for paragraph in searchable(source) {
            add_unit(&mut all, first + paragraph.number as u32, &paragraph.text);
        }
    }
    all
}

/// Adds each distinct word of `text` once for `unit`.
fn add_unit(postings: &mut Postings, unit: u32, text: &str) {
    let folded = fold(text);
    let mut words: Vec<&str> = indexed_words(&folded).collect();
    words.sort_unstable();
    words.dedup();
    for word in words {
        match postings.get_mut(word) {
            Some(units) => units.push(unit),
            None => {
                postings.insert(word.to_string(), vec![unit]);
            }
        }
    }
}

/// `text` in the form words are compared in: NFKD without combining marks, lower case.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    text.nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The words of folded text that the index holds.
pub fn indexed_words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| is_indexed(w))
}

fn is_indexed(word: &str) -> bool {
    let mut chars = word.chars();
    match (chars.next(), chars.next()) {
        (None, _) => false,
        (Some(c), None) => c.is_numeric(),
        _ => !STOP_SET.contains(word),
    }
}

/// The name of the file a word is kept in: the hex of its first two characters' UTF-8.
pub fn shard_key(word: &str) -> String {
    let end = word.char_indices().nth(2).map_or(word.len(), |(i, _)| i);
    word[..end].bytes().map(|b| format!("{b:02x}")).collect()
}

/// The postings grouped by file, each word's units made the gaps between them (in place).
fn shards(postings: &mut Postings) -> BTreeMap<String, BTreeMap<&str, &[u32]>> {
    let mut shards: BTreeMap<String, BTreeMap<&str, &[u32]>> = BTreeMap::new();
    for (word, units) in postings.iter_mut() {
        let mut previous = 0;
        for unit in units.iter_mut() {
            (*unit, previous) = (*unit - previous, *unit);
        }
        shards
            .entry(shard_key(word))
            .or_default()
            .insert(word.as_str(), units.as_slice());
    }
    shards
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        indexed_words(&fold(text)).map(str::to_string).collect()
    }

    #[test]
    fn words_are_folded_split_and_stop_words_left_out() {
        assert_eq!(
            words("Zelenskyy's aide met the Élysée in São Paulo on 5 May"),
            [
                "zelenskyy",
                "aide",
                "met",
                "elysee",
                "sao",
                "paulo",
                "5",
                "may"
            ]
        );
        assert_eq!(
            words("Ⅻ ﬁnal — 2025-11-23"),
            ["xii", "final", "2025", "11", "23"]
        );
    }

    #[test]
    fn a_word_is_kept_under_its_first_two_characters() {
        assert_eq!(shard_key("rubio"), "7275");
        assert_eq!(shard_key("5"), "35");
        assert_eq!(shard_key("élan"), shard_key("élysée"));
        assert_eq!(shard_key("中国"), "e4b8ade59bbd");
    }

    #[test]
    fn each_unit_is_listed_once_per_word_in_order() {
        let mut postings = Postings::new();
        add_unit(&mut postings, 3, "Talks, talks and more TALKS");
        add_unit(&mut postings, 7, "talks");
        assert_eq!(postings["talks"], [3, 7]);
        assert!(!postings.contains_key("and"));
        let shards = shards(&mut postings);
        assert_eq!(shards["7461"]["talks"], &[3, 4]);
    }
}
