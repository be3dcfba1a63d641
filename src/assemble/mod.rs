//! Stage 5, assemble: documents, clusters and annotations into one [`Briefing`], the plain
//! data that the renderer shows and the export writes.
//!
//! Everything a page needs is decided here (titles, ids, what repeats what, the figures),
//! so that rendering only formats.

use chrono::NaiveDate;
use rayon::prelude::*;

mod actors;
mod claims;
mod events;
mod relations;
mod summary;

pub use actors::ActorEntry;
pub use claims::ClaimEntry;
pub use events::EventEntry;
pub use relations::Relation;

use crate::annotate::time::Timex;
use crate::annotate::{ActorKind, Annotations, Mention};
use crate::dating::InferredDate;
pub use crate::dedupe::RepeatKind;
use crate::dedupe::normalize::dateline_end;
use crate::dedupe::{Clusters, ParagraphAt};
use crate::load::{Metadata, Published};
use crate::parse::{Block, BlockKind, Document, Mark};
use crate::sentence::{first_sentence, sentence_ranges};

/// The longest title made from a source's first sentence, in characters.
const DERIVED_TITLE_MAX: usize = 110;

/// The whole briefing as data.
#[derive(Debug, Clone)]
pub struct Briefing {
    /// Title of the briefing.
    pub title: String,
    /// One-paragraph description, from the configuration.
    pub description: Option<String>,
    /// Every source in path order.
    pub sources: Vec<SourceEntry>,
    /// Every actor, most mentioned first.
    pub actors: Vec<ActorEntry>,
    /// Every event, oldest first, undated last.
    pub events: Vec<EventEntry>,
    /// Every claim, in reading order of the sources.
    pub claims: Vec<ClaimEntry>,
    /// The events whose sentences summarise the briefing, in timeline order.
    pub summary: Vec<usize>,
    /// Who acts on whom, most often reported first.
    pub relations: Vec<Relation>,
    /// The figures of the overview.
    pub stats: Stats,
}

/// A source with its paragraphs, ready to show.
#[derive(Debug, Clone)]
pub struct SourceEntry {
    /// Stable id (slug of the file stem).
    pub id: String,
    /// Path relative to the seeds folder, with `/` between folders.
    pub path: String,
    /// The title from metadata, else the first heading or sentence.
    pub title: String,
    /// Whether `title` was made from the text rather than given.
    pub title_derived: bool,
    /// Metadata as loaded.
    pub meta: Metadata,
    /// Every block of the text, in reading order.
    pub paragraphs: Vec<Paragraph>,
    /// The source this one copies, when most of its paragraphs repeat that one.
    pub copy_of: Option<CopyOf>,
    /// When the metadata has no date: the date inferred from the text, address or
    /// original, with its evidence.
    pub inferred_date: Option<InferredDate>,
}

/// A source is a copy of another: how much of it repeats that one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CopyOf {
    /// Index of the original in [`Briefing::sources`].
    pub source: usize,
    /// Paragraphs of the copy that repeat the original.
    pub shared: usize,
    /// Paragraphs of the copy that count (prose of five words or more).
    pub total: usize,
}

impl SourceEntry {
    /// The publication date, if the metadata gives it.
    pub fn date(&self) -> Option<&Published> {
        self.meta.date.as_ref()
    }

    /// The day it was published: the metadata's, else the inferred one.
    pub fn day(&self) -> Option<NaiveDate> {
        self.date()
            .map(|d| d.date)
            .or(self.inferred_date.as_ref().map(|d| d.date))
    }

    /// The paragraphs of the block quote right after block `n` (an index into
    /// `paragraphs`); none when the next block is no quote.
    pub fn quote_after(&self, n: usize) -> &[Paragraph] {
        let after = self.paragraphs.get(n + 1..).unwrap_or_default();
        let quoted = after
            .iter()
            .take_while(|p| p.kind == BlockKind::Quote)
            .count();
        &after[..quoted]
    }

    /// How many of its paragraphs repeat another paragraph.
    pub fn repeat_count(&self) -> usize {
        self.paragraphs
            .iter()
            .filter(|p| p.repeat_of.is_some())
            .count()
    }
}

/// A pointer to a paragraph elsewhere in the briefing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParagraphRef {
    /// Index of the source in [`Briefing::sources`].
    pub source: usize,
    /// The paragraph's number in its source, from 1.
    pub number: usize,
}

/// One block of a source with what dedupe found about it.
#[derive(Debug, Clone)]
pub struct Paragraph {
    /// Export id, `SOURCE_ID#pN`.
    pub id: String,
    /// N in `#pN`: position in the source, from 1.
    pub number: usize,
    /// Paragraph, heading, list item, quote or code.
    pub kind: BlockKind,
    /// Plain text.
    pub text: String,
    /// Inline styles over `text`.
    pub marks: Vec<Mark>,
    /// Names of actors in `text`, in text order (byte offsets; actor indices into
    /// [`Briefing::actors`]).
    pub mentions: Vec<Mention>,
    /// Time expressions in `text`, in text order (byte offsets).
    pub times: Vec<Timex>,
    /// The sentences of `text` (byte ranges), for events, claims and relations.
    pub sentences: Vec<std::ops::Range<usize>>,
    /// The canonical paragraph this one repeats, and how.
    pub repeat_of: Option<RepeatOf>,
    /// For a canonical paragraph: every paragraph that repeats it, in path and reading order.
    pub repeated_by: Vec<ParagraphRef>,
}

/// What a repeated paragraph repeats, and how.
#[derive(Debug, Clone, PartialEq)]
pub struct RepeatOf {
    /// The canonical paragraph of its cluster.
    pub of: ParagraphRef,
    /// The share of its words a word diff keeps, from 0 to 1.
    pub similarity: f64,
    /// Exact, edited or reworded.
    pub kind: RepeatKind,
}

/// The figures of a briefing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    /// Sources built.
    pub sources: usize,
    /// Paragraphs over all sources.
    pub paragraphs: usize,
    /// Paragraphs that repeat another one.
    pub duplicates: usize,
    /// Words in the repeated paragraphs: reading the briefing spares them.
    pub duplicate_words: usize,
    /// Sources that are copies of another source.
    pub copies: usize,
    /// Actors mentioned.
    pub actors: usize,
    /// Events found.
    pub events: usize,
    /// Sources with a publication date.
    pub dated: usize,
    /// The earliest publication date.
    pub first_date: Option<NaiveDate>,
    /// The latest publication date.
    pub last_date: Option<NaiveDate>,
}

impl Stats {
    /// Paragraphs that are not repeats.
    pub fn unique(&self) -> usize {
        self.paragraphs - self.duplicates
    }
}

/// Puts the briefing together. `title` is the configured title, if any.
pub fn assemble(
    documents: Vec<Document>,
    clusters: &Clusters,
    annotations: Annotations,
    title: Option<String>,
    description: Option<String>,
) -> Briefing {
    let Annotations {
        actors,
        mentions,
        times,
    } = annotations;
    let (actors, mentions) = actors::order(actors, mentions, clusters);
    let mut sources: Vec<SourceEntry> = documents
        .into_par_iter()
        .zip(mentions.into_par_iter().zip(times))
        .enumerate()
        .map(|(document, (doc, annotations))| source_entry(document, doc, annotations, clusters))
        .collect();

    // Point every canonical paragraph back at the paragraphs that repeat it.
    let mut back_links = Vec::new();
    for (source, entry) in sources.iter().enumerate() {
        for p in &entry.paragraphs {
            if let Some(RepeatOf { of, .. }) = &p.repeat_of {
                back_links.push((
                    of.clone(),
                    ParagraphRef {
                        source,
                        number: p.number,
                    },
                ));
            }
        }
    }
    for (of, by) in back_links {
        if let Some(p) = sources
            .get_mut(of.source)
            .and_then(|s| s.paragraphs.get_mut(of.number - 1))
        {
            p.repeated_by.push(by);
        }
    }

    // The actors' entries are gathered on one thread while the claims are read beside it;
    // the events, which take the speakers from the claims, beside the relations.
    let kinds: Vec<ActorKind> = actors.iter().map(|a| a.kind).collect();
    let voices = events::voices(&actors);
    let outlets = events::outlets(&actors, &sources);
    let descriptions = claims::Descriptions::new(&actors);
    let (mut actors, claims) = rayon::join(
        || actors::entries(actors, &sources),
        || claims::claims(&sources, &kinds, &descriptions),
    );
    let (events, relations) = rayon::join(
        || events::events(&sources, &kinds, &voices, &outlets, &claims),
        || relations::relations(&sources),
    );
    let summary = summary::summary(&events, sources.len());
    for (e, event) in events.iter().enumerate() {
        for &actor in &event.actors {
            actors[actor].events.push(e);
        }
    }
    let mut stats = stats(&sources);
    stats.actors = actors.len();
    stats.events = events.len();
    let title = title
        .or_else(|| corpus_title(&sources))
        .unwrap_or_else(|| "Briefing".to_string());
    Briefing {
        title,
        description,
        sources,
        actors,
        events,
        claims,
        summary,
        relations,
        stats,
    }
}

fn source_entry(
    document: usize,
    doc: Document,
    (mentions, times): (Vec<Vec<Mention>>, Vec<Vec<Timex>>),
    clusters: &Clusters,
) -> SourceEntry {
    let Document {
        source,
        blocks,
        inferred_date,
    } = doc;
    let (title, title_derived) = match &source.meta.title {
        Some(title) if !title.trim().is_empty() => (title.trim().to_string(), false),
        _ => (derived_title(&blocks, &source.id), true),
    };
    let paragraphs = blocks
        .into_iter()
        .zip(mentions.into_iter().zip(times))
        .enumerate()
        .map(|(block, (b, (mentions, times)))| {
            let repeat_of = clusters
                .repeat_of(ParagraphAt { document, block })
                .map(|r| RepeatOf {
                    of: ParagraphRef {
                        source: r.of.document,
                        number: r.of.block + 1,
                    },
                    similarity: r.similarity,
                    kind: r.kind,
                });
            let Block {
                kind, text, marks, ..
            } = b;
            let sentences = sentence_ranges(&text);
            Paragraph {
                id: format!("{}#p{}", source.id, block + 1),
                number: block + 1,
                kind,
                text,
                marks,
                mentions,
                times,
                sentences,
                repeat_of,
                repeated_by: Vec::new(),
            }
        })
        .collect();
    SourceEntry {
        id: source.id,
        path: source.path.to_string_lossy().replace('\\', "/"),
        title,
        title_derived,
        meta: source.meta,
        paragraphs,
        copy_of: clusters.copy_of(document).map(|c| CopyOf {
            source: c.of,
            shared: c.shared,
            total: c.total,
        }),
        inferred_date,
    }
}

/// The briefing's title when none is configured: the headline of the most central source,
/// the one whose text the most other sources repeat (the story's original); among equals
/// the older, then the first in path order. A title made from a source's first sentence
/// is no headline: sources with one are passed over while another has a title of its own.
fn corpus_title(sources: &[SourceEntry]) -> Option<String> {
    let repeated_in = |n: usize, s: &SourceEntry| {
        let mut others: Vec<usize> = s
            .paragraphs
            .iter()
            .flat_map(|p| p.repeated_by.iter().map(|by| by.source))
            .filter(|&other| other != n)
            .collect();
        others.sort_unstable();
        others.dedup();
        others.len()
    };
    sources
        .iter()
        .enumerate()
        .min_by_key(|(n, s)| {
            let undated = s.day().is_none();
            (
                s.title_derived,
                std::cmp::Reverse(repeated_in(*n, s)),
                undated,
                s.day(),
                *n,
            )
        })
        .map(|(_, s)| s.title.clone())
}

/// A title for a source that has none: its first heading when the text opens with one,
/// else its first sentence.
fn derived_title(blocks: &[Block], id: &str) -> String {
    match blocks.first() {
        Some(b) if matches!(b.kind, BlockKind::Heading(_)) => b.text.clone(),
        _ => blocks
            .iter()
            .find(|b| b.kind.is_prose())
            // Without the wire dateline it may open with ("LISBON, Nov 11 (Atlas) - ").
            .map(|b| first_sentence(&b.text[dateline_end(&b.text)..], DERIVED_TITLE_MAX))
            .unwrap_or_else(|| id.to_string()),
    }
}

fn stats(sources: &[SourceEntry]) -> Stats {
    // Counting the repeated words reads every repeated paragraph: in parallel.
    let repeats = sources
        .par_iter()
        .flat_map_iter(|s| &s.paragraphs)
        .filter(|p| p.repeat_of.is_some());
    let dates: Vec<NaiveDate> = sources
        .iter()
        .filter_map(|s| s.date())
        .map(|d| d.date)
        .collect();
    Stats {
        sources: sources.len(),
        paragraphs: sources.iter().map(|s| s.paragraphs.len()).sum(),
        duplicates: repeats.clone().count(),
        duplicate_words: repeats.map(|p| p.text.split_whitespace().count()).sum(),
        copies: sources.iter().filter(|s| s.copy_of.is_some()).count(),
        actors: 0,
        events: 0,
        dated: dates.len(),
        first_date: dates.iter().min().copied(),
        last_date: dates.iter().max().copied(),
    }
}
