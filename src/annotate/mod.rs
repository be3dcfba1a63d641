//! Stage 4, annotate: who is in the story. Every paragraph is read for names of people,
//! organizations, places and groups ([`recognize`]); the names of the whole corpus are then
//! resolved into actors, however many ways the sources spell them ([`resolve`]).
//!
//! Recognition works offline from gazetteers and word lists ([`lexicon`]); the user's
//! registry of actors (`actors:` in `briefing.yaml`) comes before both.
//!
//! Every source is also read, in order, for time expressions resolved against its date
//! ([`time`]); [`events`] reads a sentence as an event.

pub mod claims;
pub mod events;
pub mod lexicon;
pub mod recognize;
pub mod resolve;
pub mod time;
pub mod tokens;

use std::fmt;

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use chrono::NaiveDate;

use crate::dating;
use crate::dedupe::ParagraphAt;
use crate::parse::{BlockKind, Document};
use lexicon::{Entry, Lexicon};
use resolve::Occurrence;

/// What an actor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    /// A person.
    Person,
    /// An organization: a government body, a company, an outlet, a party.
    Organization,
    /// A place: a country, a city, a region.
    Place,
    /// A named group of people or countries ("coalition of the willing").
    Group,
}

impl ActorKind {
    /// Every kind, in the order of the enum.
    pub const ALL: [ActorKind; 4] = [
        ActorKind::Person,
        ActorKind::Organization,
        ActorKind::Place,
        ActorKind::Group,
    ];

    /// The kind's name as the export writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::Organization => "organization",
            ActorKind::Place => "place",
            ActorKind::Group => "group",
        }
    }
}

impl fmt::Display for ActorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An actor the user describes in `briefing.yaml`; it wins over what is discovered.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegistryActor {
    /// The name to show.
    pub name: String,
    /// Person, organization, place or group (default: as discovered, else person).
    pub kind: Option<ActorKind>,
    /// Other names the sources use.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Roles, shown first.
    #[serde(default)]
    pub roles: Vec<String>,
    /// A sentence or two about the actor.
    pub description: Option<String>,
    /// A page about the actor.
    pub url: Option<String>,
}

/// A name in a paragraph that refers to an actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// Index of the actor in [`Annotations::actors`].
    pub actor: usize,
    /// First byte of the name in the paragraph's text.
    pub start: usize,
    /// Byte after it.
    pub end: usize,
}

/// An actor of the briefing.
#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    /// Canonical name.
    pub name: String,
    /// Person, organization, place or group.
    pub kind: ActorKind,
    /// Every other form the sources write it in.
    pub aliases: Vec<String>,
    /// Roles, the one most sources state first.
    pub roles: Vec<String>,
    /// Where each of `roles` is first stated; `None` for a role only the registry gives.
    pub role_at: Vec<Option<ParagraphAt>>,
    /// From the registry.
    pub description: Option<String>,
    /// From the registry.
    pub url: Option<String>,
}

/// What annotation found.
#[derive(Debug, Clone, Default)]
pub struct Annotations {
    /// Every actor mentioned.
    pub actors: Vec<Actor>,
    /// For every block of every document, its mentions in text order.
    pub mentions: Vec<Vec<Vec<Mention>>>,
    /// For every block of every document, its time expressions in text order.
    pub times: Vec<Vec<Vec<time::Timex>>>,
}

/// The words found capitalised on their own ("SAID", "Bank") that the corpus writes in
/// lower case at least as often: common words, not names. Lower-cased.
fn common_words(texts: &[&str], occurrences: &[Occurrence<'_>]) -> HashSet<String> {
    let mut capitalised: HashMap<String, usize> = HashMap::new();
    for o in occurrences {
        if let recognize::What::Single { word, .. } = &o.found.what {
            *capitalised.entry(word.to_lowercase()).or_default() += 1;
        }
    }
    if capitalised.is_empty() {
        return HashSet::new();
    }
    let lower = texts
        .par_iter()
        .fold(HashMap::new, |mut counts: HashMap<&str, usize>, text| {
            for word in text.split(|c: char| !c.is_alphanumeric()) {
                if word.starts_with(char::is_lowercase)
                    && let Some((key, _)) = capitalised.get_key_value(word)
                {
                    *counts.entry(key.as_str()).or_default() += 1;
                }
            }
            counts
        })
        .reduce(HashMap::new, |mut a, b| {
            for (word, n) in b {
                *a.entry(word).or_default() += n;
            }
            a
        });
    capitalised
        .iter()
        .filter(|(word, n)| lower.get(word.as_str()).is_some_and(|l| l >= n))
        .map(|(word, _)| word.clone())
        .collect()
}

/// Reads every paragraph of `documents` (code blocks aside) for actors and times.
pub fn annotate(documents: &[Document], registry: &[RegistryActor]) -> Annotations {
    // Times need no names: they are read while the names are resolved, which is partly
    // sequential.
    let corpus = dating::corpus_reference(documents);
    let ((actors, mentions), times) = rayon::join(
        || names(documents, registry),
        || documents.par_iter().map(|d| times_of(d, corpus)).collect(),
    );
    Annotations {
        actors,
        mentions,
        times,
    }
}

/// The actors of `documents`, and the mentions of them in every block.
fn names(
    documents: &[Document],
    registry: &[RegistryActor],
) -> (Vec<Actor>, Vec<Vec<Vec<Mention>>>) {
    let entries: Vec<Entry<'_>> = registry
        .iter()
        .map(|r| Entry {
            name: &r.name,
            kind: r.kind.unwrap_or(ActorKind::Person),
            aliases: r.aliases.iter().map(String::as_str).collect(),
        })
        .collect();
    let custom;
    let lexicon: &Lexicon = if entries.is_empty() {
        &lexicon::BUILT_IN
    } else {
        custom = Lexicon::new(&entries);
        &custom
    };

    // Recognise each distinct text once: repeats share their names.
    let texts: Vec<(ParagraphAt, &str)> = documents
        .iter()
        .enumerate()
        .flat_map(|(document, doc)| {
            doc.blocks
                .iter()
                .enumerate()
                .filter(|(_, b)| b.kind != BlockKind::Code)
                .map(move |(block, b)| (ParagraphAt { document, block }, b.text.as_str()))
        })
        .collect();
    // Each text's index among the distinct ones.
    let mut first_of: HashMap<&str, usize> = HashMap::with_capacity(texts.len());
    let mut distinct: Vec<&str> = Vec::new();
    let slots: Vec<usize> = texts
        .iter()
        .map(|&(_, text)| {
            *first_of.entry(text).or_insert_with(|| {
                distinct.push(text);
                distinct.len() - 1
            })
        })
        .collect();
    drop(first_of);
    let found: Vec<Vec<recognize::Found>> = distinct
        .par_iter()
        .map(|text| recognize::recognize(text, lexicon))
        .collect();

    let mut occurrences = Vec::with_capacity(slots.iter().map(|&n| found[n].len()).sum());
    for (&(at, text), &slot) in texts.iter().zip(&slots) {
        occurrences.extend(found[slot].iter().map(|f| Occurrence {
            at,
            found: f,
            surface: &text[f.start..f.end],
        }));
    }
    let common = common_words(&distinct, &occurrences);
    let dates: Vec<_> = documents.iter().map(Document::date).collect();
    let (actors, links) = resolve::resolve(&occurrences, &dates, lexicon, registry, &common);

    let mut mentions: Vec<Vec<Vec<Mention>>> = documents
        .iter()
        .map(|d| vec![Vec::new(); d.blocks.len()])
        .collect();
    for (occurrence, actor) in links {
        let o = &occurrences[occurrence];
        mentions[o.at.document][o.at.block].push(Mention {
            actor,
            start: o.found.start,
            end: o.found.end,
        });
    }
    for block in mentions.iter_mut().flatten() {
        block.sort_by_key(|m| (m.start, m.end));
    }
    (actors, mentions)
}

/// The time expressions of every block of `doc`, read in order so that "two days later"
/// counts from the last date stated; code blocks have none.
/// Reads the time expressions of `dated` (indices into `documents`) again, after their
/// dates were inferred from the sources they copy.
pub fn retime(documents: &[Document], dated: &[usize], annotations: &mut Annotations) {
    for &d in dated {
        annotations.times[d] = times_of(&documents[d], None);
    }
}

/// The time expressions of `doc`'s blocks; `corpus` is the middle date of the corpus's
/// dated sources, for the days an undated source writes without a year.
fn times_of(doc: &Document, corpus: Option<NaiveDate>) -> Vec<Vec<time::Timex>> {
    let mut tagger = time::Tagger::new(doc.date()).with_corpus_date(corpus);
    doc.blocks
        .iter()
        .map(|b| match b.kind {
            BlockKind::Code => Vec::new(),
            _ => tagger.tag(&b.text),
        })
        .collect()
}
