//! The claims of the briefing: who said what, in the paragraphs that are not repeats, with
//! pronoun speakers resolved to the actor last named before them in the source, and
//! speakers referred to by what they are ("the federation", "the minister") to the actor
//! last named before them whose name or role says so.

use rayon::prelude::*;

use super::{ParagraphRef, SourceEntry};
use crate::annotate::claims::{Speaker, claims_in};
use crate::annotate::resolve::fold;
use crate::annotate::{Actor, ActorKind};

/// A claim with what the export and the pages show of it.
#[derive(Debug, Clone)]
pub struct ClaimEntry {
    /// Stable id, `cN` in reading order of the sources.
    pub id: String,
    /// The speaker (an index into the briefing's actors), when named.
    pub speaker: Option<usize>,
    /// The speaker as written ("the Kremlin", "he", "Ukrainian officials").
    pub speaker_text: String,
    /// The reporting verb or phrase as written.
    pub cue: String,
    /// Whether the source hedges it ("reportedly").
    pub hedged: bool,
    /// Whether the speaker denies or rejects something.
    pub denial: bool,
    /// What was said.
    pub text: String,
    /// The paragraph it is in.
    pub paragraph: ParagraphRef,
    /// Where its cue starts in the paragraph's text (a byte): the sentence that makes it.
    pub cue_at: usize,
}

/// What each actor may be referred to by, in lower case: the words of its names for an
/// organization or a group ("the federation", "the health ministry"), and of its roles
/// up to where they say where they are held ("the minister", "the chief executive"). A
/// place is not a speaker.
#[derive(Debug, Default)]
pub struct Descriptions(Vec<Described>);

/// The words an actor may be referred to by.
#[derive(Debug, Default)]
struct Described {
    /// Of its names and roles, sorted.
    words: Vec<String>,
    /// Whether its names are an organization's or a group's, which a description may
    /// translate ("the federation" for "Federação …").
    body: bool,
}

impl Descriptions {
    pub fn new(actors: &[Actor]) -> Descriptions {
        Descriptions(
            actors
                .iter()
                .map(|a| {
                    let names = matches!(a.kind, ActorKind::Organization | ActorKind::Group)
                        .then(|| std::iter::once(&a.name).chain(&a.aliases))
                        .into_iter()
                        .flatten();
                    // A role's own words, not those of where it is held: "the president"
                    // is the "president of the Federação …", "the federation" is not.
                    let roles = (a.kind != ActorKind::Place)
                        .then_some(&a.roles)
                        .into_iter()
                        .flatten()
                        .map(|role| {
                            [" of ", " at ", " for ", " in ", ","]
                                .iter()
                                .filter_map(|cut| role.find(cut))
                                .min()
                                .map_or(role.as_str(), |end| &role[..end])
                        });
                    let mut words: Vec<String> = names
                        .map(String::as_str)
                        .chain(roles)
                        .flat_map(description_words)
                        .collect();
                    words.sort();
                    words.dedup();
                    Described {
                        words,
                        body: matches!(a.kind, ActorKind::Organization | ActorKind::Group),
                    }
                })
                .collect(),
        )
    }

    /// Whether actor `a` may be what `reference` ("the federation") refers to: every word
    /// of it but the article is one of its names' or roles', or, when `translated`, starts
    /// as one of an organization's names does in another language ("federation" for
    /// "Federação", "ministry" for "Ministério").
    fn fits(&self, a: usize, reference: &str, translated: bool) -> bool {
        let Described { words: own, body } = &self.0[a];
        if translated && !body {
            return false;
        }
        // A name's possessive ("Guyana's foreign minister") says whose, not who.
        let reference = match reference.split_once(['\'', '\u{2019}']) {
            Some((name, rest)) if name.starts_with(char::is_uppercase) && rest.starts_with('s') => {
                &rest[1..]
            }
            _ => reference,
        };
        let words = description_words(reference);
        !words.is_empty()
            && words.iter().all(|w| {
                own.binary_search(w).is_ok() || translated && own.iter().any(|o| same_stem(o, w))
            })
    }
}

/// How many letters two words of a name in two languages share at their start.
const SAME_STEM: usize = 6;

fn same_stem(a: &str, b: &str) -> bool {
    a.len() >= SAME_STEM
        && b.len() >= SAME_STEM
        && a.as_bytes()[..SAME_STEM] == b.as_bytes()[..SAME_STEM]
}

/// The words of a name or a description that can tell an actor, folded as names are
/// compared ([`fold`]): "Public Prosecutor's Office" gives "public", "prosecutor",
/// "office"; "Federação" gives "federacao".
fn description_words(text: &str) -> Vec<String> {
    fold(text)
        .split(' ')
        .filter(|w| w.len() > 2 && !matches!(*w, "the" | "and" | "for"))
        .map(str::to_string)
        .collect()
}

/// The claims of `sources`, whose mentions name actors of the kinds `actors`, which may be
/// referred to as `descriptions` says.
pub fn claims(
    sources: &[SourceEntry],
    actors: &[ActorKind],
    descriptions: &Descriptions,
) -> Vec<ClaimEntry> {
    let mut per_source: Vec<Vec<ClaimEntry>> = sources
        .par_iter()
        .enumerate()
        .map(|(s, source)| source_claims(s, source, actors, descriptions))
        .collect();
    // Numbered in parallel, each source's from the count before it.
    let mut before = 0;
    let firsts: Vec<usize> = per_source
        .iter()
        .map(|c| {
            before += c.len();
            before - c.len()
        })
        .collect();
    per_source
        .par_iter_mut()
        .zip(firsts)
        .for_each(|(claims, first)| {
            for (n, claim) in claims.iter_mut().enumerate() {
                claim.id = format!("c{}", first + n + 1);
            }
        });
    let mut out = Vec::with_capacity(before);
    for claims in per_source {
        out.extend(claims);
    }
    out
}

/// The claims of source number `s`.
fn source_claims(
    s: usize,
    source: &SourceEntry,
    actors: &[ActorKind],
    descriptions: &Descriptions,
) -> Vec<ClaimEntry> {
    let mut out = Vec::new();
    let mut last = Named::default();
    // Everyone the source names, in the order first named: whom a description refers to
    // when it comes before the name ("Guyana's foreign minister denied …" in the lead,
    // "Foreign Minister Anita Persaud-Hale told reporters …" after it). Gathered when a
    // description first needs it.
    let everyone = std::cell::OnceCell::new();
    let everyone = || {
        everyone.get_or_init(|| {
            let mut all: Vec<usize> = Vec::new();
            for m in source.paragraphs.iter().flat_map(|p| &p.mentions) {
                if !all.contains(&m.actor) {
                    all.push(m.actor);
                }
            }
            all
        })
    };
    // The person who spoke last, in this paragraph or the one before, for "he added":
    // "Merz said he had discussed the plan with Trump … Berlin, he said, would not …".
    let mut spoke: [Option<usize>; 2] = [None; 2];
    for (n, p) in source.paragraphs.iter().enumerate() {
        if !p.kind.is_prose() {
            continue;
        }
        spoke = [spoke[1], None];
        if p.repeat_of.is_some() {
            // A repeat's claims are its original's; its names still tell who "he" is next.
            for m in &p.mentions {
                last.remember(m.actor, actors);
            }
            continue;
        }
        let ranges: Vec<std::ops::Range<usize>> =
            p.mentions.iter().map(|m| m.start..m.end).collect();
        let mut named = p.mentions.iter().peekable();
        // The person the sentence before, in this paragraph, is about: named at its start.
        let mut subject: Option<usize> = None;
        for sentence in p.sentences.iter().cloned() {
            let found = claims_in(&p.text, sentence.clone(), &ranges);
            for claim in found {
                let at = match &claim.speaker {
                    Speaker::Mention(m) => ranges[*m].start,
                    Speaker::Pronoun(r) | Speaker::Phrase(r) | Speaker::Reference(r) => r.start,
                };
                // Names before the speaker's place update who "he" and "they" are.
                while let Some(m) = named.next_if(|m| m.start < at) {
                    last.remember(m.actor, actors);
                }
                let (speaker, speaker_text) = match &claim.speaker {
                    Speaker::Mention(m) => (
                        Some(p.mentions[*m].actor),
                        p.text[ranges[*m].clone()].to_string(),
                    ),
                    Speaker::Pronoun(r) => {
                        let word = &p.text[r.clone()];
                        let person =
                            word.eq_ignore_ascii_case("he") || word.eq_ignore_ascii_case("she");
                        // "The mayor skipped the vote. He said …": the person the paragraph
                        // was just about, before whoever spoke last.
                        let spoken = subject.or(spoke[1]).or(spoke[0]);
                        let named = last.last[usize::from(!person)];
                        (
                            if person { spoken.or(named) } else { named },
                            word.to_string(),
                        )
                    }
                    Speaker::Phrase(r) => (None, p.text[r.clone()].to_string()),
                    // Unresolved, "the report said" is no actor's claim.
                    Speaker::Reference(r) => match last
                        .described(&p.text[r.clone()], descriptions)
                        .or_else(|| described(everyone(), &p.text[r.clone()], descriptions))
                    {
                        Some(actor) => (Some(actor), p.text[r.clone()].to_string()),
                        None => continue,
                    },
                };
                let text = if claim.follows {
                    match introduced(source, n) {
                        Some(text) => text,
                        None => continue,
                    }
                } else {
                    match &claim.more {
                        Some(more) => format!(
                            "{} … {}",
                            &p.text[claim.content.clone()],
                            &p.text[more.clone()]
                        ),
                        None => p.text[claim.content.clone()].to_string(),
                    }
                };
                if let Some(actor) = speaker.filter(|&a| actors[a] == ActorKind::Person) {
                    spoke[1] = Some(actor);
                }
                out.push(ClaimEntry {
                    id: String::new(),
                    speaker,
                    speaker_text,
                    cue: p.text[claim.cue.clone()].to_string(),
                    hedged: claim.hedged,
                    denial: crate::annotate::claims::is_denial(&p.text[claim.cue.clone()], &text),
                    text,
                    paragraph: ParagraphRef {
                        source: s,
                        number: p.number,
                    },
                    cue_at: claim.cue.start,
                });
            }
            while let Some(m) = named.next_if(|m| m.start < sentence.end) {
                last.remember(m.actor, actors);
            }
            subject = p
                .mentions
                .iter()
                .find(|m| m.start >= sentence.start && m.start < sentence.end)
                .filter(|m| opens(&p.text[sentence.start..m.start]))
                .map(|m| m.actor)
                .filter(|&a| actors[a] == ActorKind::Person);
        }
        for m in named {
            last.remember(m.actor, actors);
        }
    }
    out
}

/// Whether the words before a name, from the start of its sentence, leave it the
/// sentence's subject: nothing, or a title or role ("Mayor", "Finnish President").
fn opens(before: &str) -> bool {
    let words: Vec<&str> = before.split_whitespace().collect();
    words.len() <= 3
        && words
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) && !w.ends_with([',', '.', ':']))
}

/// What an attribution ending block `n` of `source` with a colon introduces: the block
/// quote after it whole (its paragraphs joined), else the one paragraph or list item that
/// follows. `None` when no prose follows.
fn introduced(source: &SourceEntry, n: usize) -> Option<String> {
    let quote = source.quote_after(n);
    let text = if quote.is_empty() {
        let next = source.paragraphs.get(n + 1).filter(|p| p.kind.is_prose())?;
        next.text.clone()
    } else {
        let texts: Vec<&str> = quote.iter().map(|p| p.text.as_str()).collect();
        texts.join(" ")
    };
    Some(text).filter(|t| !t.trim().is_empty())
}

/// The first of `actors` whose names or roles `reference` fits; else the first
/// organization whose name it translates.
fn described(actors: &[usize], reference: &str, descriptions: &Descriptions) -> Option<usize> {
    [false, true].into_iter().find_map(|translated| {
        actors
            .iter()
            .copied()
            .find(|&a| descriptions.fits(a, reference, translated))
    })
}

/// Who a source has named so far.
#[derive(Debug, Default)]
struct Named {
    /// The person and the organization or group named last, for "he" and "they".
    last: [Option<usize>; 2],
    /// Every actor named, the one named last at the end.
    order: Vec<usize>,
}

impl Named {
    /// Records `actor` as named last.
    fn remember(&mut self, actor: usize, actors: &[ActorKind]) {
        match actors[actor] {
            ActorKind::Person => self.last[0] = Some(actor),
            ActorKind::Organization | ActorKind::Group => self.last[1] = Some(actor),
            ActorKind::Place => {}
        }
        if self.order.last() != Some(&actor) {
            self.order.retain(|&a| a != actor);
            self.order.push(actor);
        }
    }

    /// The actor named last that `reference` ("the federation") may refer to.
    /// Of the actors its words fit, the one named last; else the organization named last
    /// whose name they translate.
    fn described(&self, reference: &str, descriptions: &Descriptions) -> Option<usize> {
        let named_last: Vec<usize> = self.order.iter().rev().copied().collect();
        described(&named_last, reference, descriptions)
    }
}
