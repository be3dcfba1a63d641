//! Who acts on whom: "Witkoff advised Ushakov", "Putin met Witkoff", read where a name, a
//! verb of action and another name follow each other in a sentence of a paragraph that is
//! not a repeat.

use std::collections::BTreeMap;

use super::{ParagraphRef, SourceEntry};

/// Verbs of one actor acting on another, as news writes them.
const ACTIONS: &[&str] = &[
    "advised",
    "advises",
    "met",
    "meets",
    "called",
    "calls",
    "phoned",
    "congratulated",
    "congratulates",
    "urged",
    "urges",
    "told",
    "tells",
    "warned",
    "warns",
    "thanked",
    "thanks",
    "criticized",
    "criticised",
    "criticizes",
    "accused",
    "accuses",
    "invited",
    "invites",
    "hosted",
    "hosts",
    "visited",
    "visits",
    "pressed",
    "presses",
    "praised",
    "praises",
    "briefed",
    "briefs",
    "asked",
    "asks",
    "spoke",
    "speaks",
    "sanctioned",
    "attacked",
    "attacks",
    "blamed",
    "blames",
    "supported",
    "supports",
    "backed",
    "backs",
    "rejected",
    "rejects",
    "joined",
    "joins",
    "replaced",
    "appointed",
    "dismissed",
    "fired",
    "hosted",
    "welcomed",
    "welcomes",
];
/// Words that may stand between the verb and the one acted on: "spoke with", "met with".
const LINKS: &[&str] = &["with", "to", "on", "the"];

/// One actor acting on another, with how often and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relation {
    /// Who acts (an index into the briefing's actors).
    pub from: usize,
    /// The verb as written.
    pub verb: String,
    /// Who is acted on.
    pub to: usize,
    /// The paragraphs that say so.
    pub paragraphs: Vec<ParagraphRef>,
}

/// The relations of `sources`, most often reported first.
pub fn relations(sources: &[SourceEntry]) -> Vec<Relation> {
    let mut found: BTreeMap<(usize, String, usize), Vec<ParagraphRef>> = BTreeMap::new();
    for (s, source) in sources.iter().enumerate() {
        for p in source
            .paragraphs
            .iter()
            .filter(|p| p.kind.is_prose() && p.repeat_of.is_none())
        {
            for sentence in &p.sentences {
                let inside: Vec<_> = p
                    .mentions
                    .iter()
                    .filter(|m| m.start >= sentence.start && m.end <= sentence.end)
                    .collect();
                for pair in inside.windows(2) {
                    let (a, b) = (pair[0], pair[1]);
                    if a.actor == b.actor {
                        continue;
                    }
                    let between: Vec<&str> = p.text[a.end..b.start]
                        .split(|c: char| !c.is_alphanumeric() && c != '\'')
                        .filter(|w| !w.is_empty())
                        .collect();
                    // The possessive of the first name is part of it ("Putin's aide") and
                    // nothing but adverbs may come before the verb.
                    let Some(verb_at) = between.iter().position(|w| ACTIONS.contains(w)) else {
                        continue;
                    };
                    let before_ok = between[..verb_at]
                        .iter()
                        .all(|w| w.len() > 4 && w.ends_with("ly"));
                    let after_ok = between[verb_at + 1..].iter().all(|w| LINKS.contains(w));
                    if before_ok && after_ok && !p.text[a.end..b.start].contains([',', ';', '"']) {
                        let at = ParagraphRef {
                            source: s,
                            number: p.number,
                        };
                        let list = found
                            .entry((a.actor, between[verb_at].to_string(), b.actor))
                            .or_default();
                        if list.last() != Some(&at) {
                            list.push(at);
                        }
                    }
                }
            }
        }
    }
    let mut relations: Vec<Relation> = found
        .into_iter()
        .map(|((from, verb, to), paragraphs)| Relation {
            from,
            verb,
            to,
            paragraphs,
        })
        .collect();
    relations.sort_by_key(|r| std::cmp::Reverse(r.paragraphs.len()));
    relations
}
