//! The actors of the briefing, with what their pages and the export show: mention counts,
//! sources, the paragraphs that name them and the actors they appear with.

use foldhash::{HashMap, HashMapExt};

use super::{ParagraphRef, SourceEntry};
use crate::annotate::{Actor, Mention};
use crate::dedupe::{Clusters, ParagraphAt};
use crate::slug::SlugRegistry;

/// How many actors an actor's page lists as appearing with it.
const TOGETHER_SHOWN: usize = 12;

/// An actor with its place in the briefing; its name, kind, aliases and roles are read
/// through it (`entry.name`).
#[derive(Debug, Clone)]
pub struct ActorEntry {
    /// Stable id: the slug of the name.
    pub id: String,
    /// The actor as annotation resolved it.
    pub actor: Actor,
    /// Mentions in paragraphs that are not repeats.
    pub mentions: usize,
    /// Sources that mention it, in path order.
    pub sources: Vec<usize>,
    /// Paragraphs (not repeats) that mention it, in path and reading order.
    pub paragraphs: Vec<ParagraphRef>,
    /// The paragraph that first states each of its roles, by position in `roles`; `None`
    /// for a role only the registry gives.
    pub roles_at: Vec<Option<ParagraphRef>>,
    /// Actors named in the same sentences, with how many: most first.
    pub together: Vec<(usize, usize)>,
    /// Its events (indices into the briefing's events), in timeline order.
    pub events: Vec<usize>,
}

impl std::ops::Deref for ActorEntry {
    type Target = Actor;

    fn deref(&self) -> &Actor {
        &self.actor
    }
}

/// Orders the actors (most mentioned first, then by name) and returns them with every
/// block's mentions, actor indices following the new order.
pub fn order(
    actors: Vec<Actor>,
    mut mentions: Vec<Vec<Vec<Mention>>>,
    clusters: &Clusters,
) -> (Vec<Actor>, Vec<Vec<Vec<Mention>>>) {
    let mut counts = vec![0usize; actors.len()];
    for (document, blocks) in mentions.iter().enumerate() {
        for (block, list) in blocks.iter().enumerate() {
            if clusters
                .repeat_of(ParagraphAt { document, block })
                .is_none()
            {
                for m in list {
                    counts[m.actor] += 1;
                }
            }
        }
    }
    let mut order: Vec<usize> = (0..actors.len()).collect();
    order.sort_by(|&a, &b| {
        counts[b]
            .cmp(&counts[a])
            .then_with(|| actors[a].name.cmp(&actors[b].name))
    });
    let mut new_index = vec![0; actors.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    for m in mentions.iter_mut().flatten().flatten() {
        m.actor = new_index[m.actor];
    }
    let mut actors: Vec<Option<Actor>> = actors.into_iter().map(Some).collect();
    let ordered = order.iter().filter_map(|&old| actors[old].take()).collect();
    (ordered, mentions)
}

/// `actors`, each once, in ascending order.
fn distinct(actors: impl Iterator<Item = usize>) -> Vec<usize> {
    let mut actors: Vec<usize> = actors.collect();
    actors.sort_unstable();
    actors.dedup();
    actors
}

/// The entries of `actors` (already ordered) over the assembled sources.
pub fn entries(actors: Vec<Actor>, sources: &[SourceEntry]) -> Vec<ActorEntry> {
    let mut ids = SlugRegistry::new();
    let mut entries: Vec<ActorEntry> = actors
        .into_iter()
        .map(|a| ActorEntry {
            id: ids.claim([a.name.as_str()], "actor"),
            // A source is the document of the same index; a paragraph, its block's number.
            roles_at: a
                .role_at
                .iter()
                .map(|at| {
                    at.map(|at| ParagraphRef {
                        source: at.document,
                        number: at.block + 1,
                    })
                })
                .collect(),
            actor: a,
            mentions: 0,
            sources: Vec::new(),
            paragraphs: Vec::new(),
            together: Vec::new(),
            events: Vec::new(),
        })
        .collect();
    let mut together: Vec<HashMap<usize, usize>> = vec![HashMap::new(); entries.len()];
    for (s, source) in sources.iter().enumerate() {
        for p in &source.paragraphs {
            let named = distinct(p.mentions.iter().map(|m| m.actor));
            for &actor in &named {
                if entries[actor].sources.last() != Some(&s) {
                    entries[actor].sources.push(s);
                }
            }
            if p.repeat_of.is_some() {
                continue;
            }
            for m in &p.mentions {
                entries[m.actor].mentions += 1;
            }
            for &actor in &named {
                entries[actor].paragraphs.push(ParagraphRef {
                    source: s,
                    number: p.number,
                });
            }
            // Who appears with whom: named in one sentence.
            if named.len() > 1 {
                for sentence in &p.sentences {
                    let here = distinct(
                        p.mentions
                            .iter()
                            .filter(|m| m.start >= sentence.start && m.end <= sentence.end)
                            .map(|m| m.actor),
                    );
                    for &actor in &here {
                        for &other in here.iter().filter(|&&o| o != actor) {
                            *together[actor].entry(other).or_default() += 1;
                        }
                    }
                }
            }
        }
    }
    // Paragraphs in the order things were published: dated sources oldest first, undated
    // ones after them.
    let published = |s: usize| sources[s].meta.date.as_ref().map(|d| d.date);
    for entry in &mut entries {
        entry.paragraphs.sort_by_key(|p| {
            (
                published(p.source).is_none(),
                published(p.source),
                p.source,
                p.number,
            )
        });
    }
    for (entry, with) in entries.iter_mut().zip(together) {
        let mut with: Vec<(usize, usize)> = with.into_iter().collect();
        with.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        with.truncate(TOGETHER_SHOWN);
        entry.together = with;
    }
    entries
}
