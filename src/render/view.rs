//! Views: the small serialisable records that templates receive, made from the [`Briefing`].
//!
//! Templates see text, ready-made links (relative to the page) and pre-rendered paragraph
//! HTML; they never see the pipeline's own types.

use serde::Serialize;

use super::address;
use super::diff;
use super::inline::{self, Markup, Span};
use super::timeline;
use crate::annotate::ActorKind;
use crate::assemble::{ActorEntry, Briefing, Paragraph, ParagraphRef, RepeatKind, SourceEntry};
use crate::load::Published;
use crate::parse::{BlockKind, Style, safe_url};

/// What every page knows about the site.
#[derive(Debug, Clone, Serialize)]
pub struct SiteView {
    /// Title of the briefing.
    pub title: String,
    /// Description, if configured.
    pub description: Option<String>,
    /// Prefix that leads from the page to the site's root: `""`, `"../"`, `"../../"`, or the
    /// base path on the 404 page, which is served at any depth.
    pub root: String,
    /// Number of sources, for the footer.
    pub source_count: usize,
    /// This tool's version.
    pub version: &'static str,
}

/// What a page says about itself, for `<title>`, the description and the canonical link.
#[derive(Debug, Clone, Serialize)]
pub struct PageMeta {
    /// Title of the page (the site's title is added by the template).
    pub title: String,
    /// One-sentence description.
    pub description: String,
    /// The page's absolute address, when the base URL is absolute.
    pub canonical: Option<String>,
    /// Which navigation entry is current: `overview`, `timeline`, `actors`, `sources`,
    /// `search`, or nothing.
    pub section: &'static str,
}

/// A figure on the overview.
#[derive(Debug, Clone, Serialize)]
pub struct Figure {
    /// The number, formatted.
    pub value: String,
    /// What it counts.
    pub label: String,
}

/// A source in a list of sources.
#[derive(Debug, Clone, Serialize)]
pub struct SourceCard {
    /// Link to its page, relative to the listing page.
    pub href: String,
    /// Title.
    pub title: String,
    /// Outlet, if known.
    pub outlet: Option<String>,
    /// Machine-readable date (`YYYY-MM-DD`), if dated.
    pub date: Option<String>,
    /// Date as a reader reads it.
    pub date_label: Option<String>,
    /// Number of paragraphs.
    pub paragraphs: usize,
    /// Number of paragraphs that repeat text found elsewhere.
    pub repeats: usize,
    /// For a copy: how much of it repeats the source it is listed under.
    pub copy: Option<String>,
    /// For an original: the sources that copy it.
    pub copies: Vec<SourceCard>,
}

/// A source page's note that the source copies another.
#[derive(Debug, Clone, Serialize)]
pub struct CopyView {
    /// Link to the original's page.
    pub href: String,
    /// The original's title.
    pub title: String,
    /// Paragraphs of this source that repeat the original.
    pub shared: usize,
    /// Paragraphs of this source that count.
    pub total: usize,
}

/// A labelled fact on a source page.
#[derive(Debug, Clone, Serialize)]
pub struct MetaRow {
    /// What the fact is.
    pub label: String,
    /// The fact.
    pub value: String,
    /// A link for the fact, when it is a web address.
    pub href: Option<String>,
    /// Machine-readable date, when the fact is a date.
    pub datetime: Option<String>,
    /// Where in a saved page the fact was found, when it was not written in metadata.
    pub from: Option<&'static str>,
}

/// A link to another paragraph.
#[derive(Debug, Clone, Serialize)]
pub struct ParagraphLink {
    /// Address relative to the page.
    pub href: String,
    /// `¶7`, or `¶3 in “Title”` for another source.
    pub label: String,
    /// `¶7`, or `Outlet ¶3` (`“Title” ¶3` when the outlet is unknown) for another source.
    pub short: String,
    /// `¶7`, or `¶3 of Outlet` (`¶3 in “Title”` when the outlet is unknown) for another
    /// source: where a repeat comes from, in a sentence.
    pub of: String,
}

/// One paragraph (or heading, item, quote, code block) as the page shows it.
#[derive(Debug, Clone, Serialize)]
pub struct BlockView {
    /// The anchor, `pN`.
    pub anchor: String,
    /// N.
    pub number: usize,
    /// `p`, `h2`…`h6`, `li`, `quote` or `code`.
    pub kind: String,
    /// Nesting depth of a list item.
    pub depth: u8,
    /// The text as HTML (escaped, with inline styles).
    pub html: String,
    /// For a repeat: the paragraph it repeats.
    pub repeat_of: Option<ParagraphLink>,
    /// For a repeat: similarity in percent.
    pub similarity: Option<u32>,
    /// For a repeat: `exact`, `edited` or `reworded`.
    pub repeat: Option<RepeatKind>,
    /// For a reworded repeat: the original's text as HTML, shown beside it on demand.
    pub original: Option<String>,
    /// For a repeat with changes: the text with the words that differ from the original
    /// struck and marked.
    pub diff: Option<String>,
    /// For an original: the paragraphs that repeat it (the first [`ALSO_IN_SHOWN`]).
    pub repeated_by: Vec<ParagraphLink>,
    /// For an original: how many more repeat it than are listed.
    pub repeated_more: usize,
}

/// How many repeats an original lists by name.
pub const ALSO_IN_SHOWN: usize = 12;

/// Consecutive blocks shown together: a list's items, or a single other block.
#[derive(Debug, Clone, Serialize)]
pub struct Run {
    /// `ul`, `ol`, or nothing for a run that is not a list.
    pub list: Option<&'static str>,
    /// First number of a numbered list.
    pub start: Option<u64>,
    /// The blocks.
    pub blocks: Vec<BlockView>,
}

/// A source's page.
#[derive(Debug, Clone, Serialize)]
pub struct SourcePage {
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Whether the title was taken from the text.
    pub title_derived: bool,
    /// Where in a saved page the title was found, when no metadata gave it.
    pub title_from: Option<&'static str>,
    /// Outlet, for the line under the title.
    pub outlet: Option<String>,
    /// Date as read, for the line under the title.
    pub date_label: Option<String>,
    /// Machine-readable date.
    pub date: Option<String>,
    /// Every metadata fact.
    pub meta: Vec<MetaRow>,
    /// The text.
    pub runs: Vec<Run>,
    /// Number of paragraphs.
    pub paragraphs: usize,
    /// Number of them that repeat text found elsewhere.
    pub repeats: usize,
    /// The source this one copies.
    pub copy_of: Option<CopyView>,
}

/// The site-wide view for a page at `root`.
pub fn site(briefing: &Briefing, root: String) -> SiteView {
    SiteView {
        title: briefing.title.clone(),
        description: briefing.description.clone(),
        root,
        source_count: briefing.sources.len(),
        version: env!("CARGO_PKG_VERSION"),
    }
}

/// The figures of the overview.
pub fn figures(briefing: &Briefing) -> Vec<Figure> {
    let s = &briefing.stats;
    let mut figures = vec![
        figure(s.sources, "source", "sources"),
        figure(s.paragraphs, "paragraph", "paragraphs"),
        figure(s.unique(), "unique paragraph", "unique paragraphs"),
        figure(s.duplicates, "repeated paragraph", "repeated paragraphs"),
    ];
    if s.events > 0 {
        figures.insert(1, figure(s.events, "event", "events"));
    }
    if s.actors > 0 {
        figures.insert(1, figure(s.actors, "actor", "actors"));
    }
    if s.duplicate_words > 0 {
        figures.push(figure(
            s.duplicate_words,
            "repeated word spared",
            "repeated words spared",
        ));
    }
    if s.copies > 0 {
        figures.push(figure(
            s.copies,
            "copy of another source",
            "copies of other sources",
        ));
    }
    figures
}

fn figure(n: usize, one: &str, many: &str) -> Figure {
    Figure {
        value: group_thousands(n),
        label: if n == 1 { one } else { many }.to_string(),
    }
}

/// `12345` as `12,345`.
pub fn group_thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// One sentence on how much text repeats, or `None` when nothing does.
pub fn repeated_note(briefing: &Briefing) -> Option<String> {
    let s = &briefing.stats;
    if s.duplicates == 0 {
        return None;
    }
    let mut note = format!(
        "{} of {} paragraphs ({} words) repeat text found elsewhere; each source page folds them \
         and links them to where the text first appeared.",
        group_thousands(s.duplicates),
        group_thousands(s.paragraphs),
        group_thousands(s.duplicate_words),
    );
    if s.copies > 0 {
        note.push_str(&format!(
            " {} of {} sources {} mostly copies of another source.",
            group_thousands(s.copies),
            group_thousands(s.sources),
            if s.copies == 1 { "is" } else { "are" }
        ));
    }
    Some(note)
}

/// The span of publication dates, such as `21 November 2025 to 26 November 2025`.
pub fn period(briefing: &Briefing) -> Option<String> {
    let (first, last) = (briefing.stats.first_date?, briefing.stats.last_date?);
    let label = |d: chrono::NaiveDate| d.format("%-d %B %Y").to_string();
    Some(if first == last {
        format!("Published {}", label(first))
    } else {
        format!("Published from {} to {}", label(first), label(last))
    })
}

/// The indices of the sources in reading order for a briefing: oldest first, undated
/// last, then by path.
fn sources_by_date(briefing: &Briefing) -> Vec<usize> {
    let sources = &briefing.sources;
    let mut order: Vec<usize> = (0..sources.len()).collect();
    order.sort_by(|&a, &b| {
        let key = |s: &SourceEntry| s.day().map(|d| (d, s.date().and_then(|p| p.time)));
        match (key(&sources[a]), key(&sources[b])) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        }
        .then_with(|| sources[a].path.cmp(&sources[b].path))
    });
    order
}

/// The sources as cards for a page whose path to `sources/` is `to_sources`: originals
/// oldest first, each with the sources that copy it listed under it.
pub fn source_cards(briefing: &Briefing, to_sources: &str) -> Vec<SourceCard> {
    let sources = &briefing.sources;
    // A copy is listed under the source at the end of its chain of copies.
    let original_of = |mut index: usize| {
        for _ in 0..sources.len() {
            match &sources[index].copy_of {
                Some(copy) => index = copy.source,
                None => break,
            }
        }
        index
    };
    let ordered = sources_by_date(briefing);
    let mut cards: Vec<(usize, SourceCard)> = ordered
        .iter()
        .filter(|&&i| sources[i].copy_of.is_none())
        .map(|&i| (i, source_card(&sources[i], to_sources)))
        .collect();
    // Where each original's card is, to put its copies under it.
    let mut card_of = vec![usize::MAX; sources.len()];
    for (at, (i, _)) in cards.iter().enumerate() {
        card_of[*i] = at;
    }
    for &i in ordered.iter().filter(|&&i| sources[i].copy_of.is_some()) {
        let root = original_of(i);
        let mut card = source_card(&sources[i], to_sources);
        if let Some(copy) = &sources[i].copy_of {
            card.copy = Some(if copy.source == root {
                format!(
                    "Copy: {} of its {} paragraphs repeat the source above",
                    copy.shared, copy.total
                )
            } else {
                format!(
                    "Copy of “{}”: {} of its {} paragraphs repeat it",
                    sources[copy.source].title, copy.shared, copy.total
                )
            });
        }
        match cards.get_mut(card_of[root]) {
            Some((_, original)) => original.copies.push(card),
            None => cards.push((i, card)),
        }
    }
    cards.into_iter().map(|(_, card)| card).collect()
}

/// A source as a card in a list on a page whose path to `sources/` is `to_sources`.
fn source_card(source: &SourceEntry, to_sources: &str) -> SourceCard {
    let shown = shown_date(source);
    SourceCard {
        href: address::page(&[to_sources], &source.id),
        title: source.title.clone(),
        outlet: source.meta.outlet.clone(),
        date: shown.as_ref().map(|(iso, _)| iso.clone()),
        date_label: shown.map(|(_, label)| label),
        paragraphs: source.paragraphs.len(),
        repeats: source.repeat_count(),
        copy: None,
        copies: Vec::new(),
    }
}

/// The day a source is shown with, as `datetime` and as words: the metadata's, else the
/// inferred one, "about" that day.
fn shown_date(source: &SourceEntry) -> Option<(String, String)> {
    match (source.date(), &source.inferred_date) {
        (Some(published), _) => Some((published.iso_date(), date_label(published))),
        (None, Some(inferred)) => Some((
            inferred.date.format("%Y-%m-%d").to_string(),
            format!("about {}", inferred.date.format("%-d %B %Y")),
        )),
        (None, None) => None,
    }
}

/// `23 November 2025`, with the time when given.
pub fn date_label(published: &Published) -> String {
    let day = published.date.format("%-d %B %Y").to_string();
    match published.time {
        Some(time) => format!("{day}, {}", time.format("%H:%M")),
        None => day,
    }
}

/// The page of source number `index`.
pub fn source_page(briefing: &Briefing, index: usize, links: &ActorLinks) -> SourcePage {
    let source = &briefing.sources[index];
    let shown = shown_date(source);
    let blocks = source
        .paragraphs
        .iter()
        .map(|p| block_view(briefing, index, p, links))
        .collect();
    SourcePage {
        id: source.id.clone(),
        title: source.title.clone(),
        title_derived: source.title_derived,
        title_from: source.meta.found_in("title"),
        outlet: source.meta.outlet.clone(),
        date: shown.as_ref().map(|(iso, _)| iso.clone()),
        date_label: shown.map(|(_, label)| label),
        meta: meta_rows(source),
        runs: runs(blocks, &source.paragraphs),
        paragraphs: source.paragraphs.len(),
        repeats: source.repeat_count(),
        copy_of: source.copy_of.as_ref().map(|copy| {
            let original = &briefing.sources[copy.source];
            CopyView {
                href: address::page(&["../"], &original.id),
                title: original.title.clone(),
                shared: copy.shared,
                total: copy.total,
            }
        }),
    }
}

fn meta_rows(source: &SourceEntry) -> Vec<MetaRow> {
    let meta = &source.meta;
    let row = |label: &str, value: String| MetaRow {
        label: label.to_string(),
        value,
        href: None,
        datetime: None,
        from: None,
    };
    // The same row, saying where in the page its field was found.
    let found = |field: &str, label: &str, value: String| MetaRow {
        from: meta.found_in(field),
        ..row(label, value)
    };
    let mut rows = Vec::new();
    if let Some(outlet) = &meta.outlet {
        rows.push(found("outlet", "Outlet", outlet.clone()));
    }
    if let Some(authors) = meta.authors.as_ref().filter(|a| !a.is_empty()) {
        let label = if authors.len() == 1 {
            "Author"
        } else {
            "Authors"
        };
        rows.push(found("authors", label, authors.join(", ")));
    }
    rows.push(match &meta.date {
        Some(date) => MetaRow {
            datetime: Some(date.iso_date()),
            ..found("date", "Published", date_label(date))
        },
        None => match &source.inferred_date {
            Some(inferred) => MetaRow {
                datetime: Some(inferred.date.format("%Y-%m-%d").to_string()),
                ..row(
                    "Published",
                    format!(
                        "About {}, inferred {}: “{}”",
                        inferred.date.format("%-d %B %Y"),
                        inferred.from.describe(),
                        inferred.evidence,
                    ),
                )
            },
            None => row("Published", "Undated: the source gives no date".to_string()),
        },
    });
    if let Some(url) = &meta.url {
        rows.push(MetaRow {
            href: safe_url(url).filter(|u| !u.starts_with("mailto:")),
            ..found("url", "Original", url.clone())
        });
    }
    if let Some(language) = &meta.language {
        rows.push(found("language", "Language", language.clone()));
    }
    if let Some(tags) = meta.tags.as_ref().filter(|t| !t.is_empty()) {
        rows.push(row("Tags", tags.join(", ")));
    }
    for (key, value) in &meta.extra {
        rows.push(row(key, value.clone()));
    }
    rows.push(row("File", source.path.clone()));
    rows
}

fn block_view(briefing: &Briefing, here: usize, p: &Paragraph, links: &ActorLinks) -> BlockView {
    let (kind, depth) = match p.kind {
        BlockKind::Paragraph => ("p".to_string(), 0),
        // The page's own title is the h1: a source's headings sit one level below it.
        BlockKind::Heading(level) => (format!("h{}", (level + 1).min(6)), 0),
        BlockKind::ListItem { depth, .. } => ("li".to_string(), depth),
        BlockKind::Quote => ("quote".to_string(), 0),
        BlockKind::Code => ("code".to_string(), 0),
    };
    let original = p.repeat_of.as_ref().and_then(|r| {
        briefing
            .sources
            .get(r.of.source)?
            .paragraphs
            .get(r.of.number - 1)
    });
    let similarity = p.repeat_of.as_ref().map(|r| &r.similarity);
    let repeat = p.repeat_of.as_ref().map(|r| r.kind);
    BlockView {
        anchor: format!("p{}", p.number),
        number: p.number,
        kind,
        depth,
        // A word-for-word repeat is shown as plain text: its names and dates are marked on
        // the original it links to, and marking them again would weigh on every copy.
        html: paragraph_html(
            p,
            if repeat == Some(RepeatKind::Exact) {
                Names::Plain
            } else {
                Names::Linked(links)
            },
        ),
        repeat_of: p
            .repeat_of
            .as_ref()
            .map(|r| paragraph_link(briefing, here, &r.of)),
        similarity: similarity.map(|s| (s * 100.0).round() as u32),
        repeat,
        diff: original
            .filter(|_| repeat == Some(RepeatKind::Edited))
            .and_then(|o| diff::word_diff(&o.text, &p.text)),
        original: original
            .filter(|_| repeat == Some(RepeatKind::Reworded))
            .map(|o| paragraph_html(o, Names::Plain)),
        repeated_by: p
            .repeated_by
            .iter()
            .take(ALSO_IN_SHOWN)
            .map(|by| paragraph_link(briefing, here, by))
            .collect(),
        repeated_more: p.repeated_by.len().saturating_sub(ALSO_IN_SHOWN),
    }
}

/// The link and tooltip of every actor's names in a text two levels below the root (a
/// source's or an actor's page), made once for all the pages.
#[derive(Debug, Clone)]
pub struct ActorLinks(Vec<ActorLink>);

/// An actor's link from a source's page.
#[derive(Debug, Clone)]
struct ActorLink {
    href: String,
    tooltip: String,
    /// The name as written, when the tooltip tells nothing more than it and its kind: a
    /// name written out in full then goes without one, which on a page of many names
    /// is much of its weight.
    plain: Option<String>,
}

impl ActorLinks {
    /// The links of `briefing`'s actors.
    pub fn new(briefing: &Briefing) -> ActorLinks {
        ActorLinks(
            briefing
                .actors
                .iter()
                .map(|actor| ActorLink {
                    href: timeline::actor_href("../../", actor),
                    tooltip: actor_tooltip(actor),
                    plain: actor.roles.is_empty().then(|| actor.name.clone()),
                })
                .collect(),
        )
    }
}

/// What a paragraph's names are shown as.
#[derive(Debug, Clone, Copy)]
pub enum Names<'a> {
    /// Every actor's names linked to its page.
    Linked(&'a ActorLinks),
    /// One actor's names marked, the others plain: what an actor's page shows.
    Marked(usize),
    /// The text and its own styles and links only: a repeat, whose names and dates are
    /// marked where it is linked to.
    Plain,
}

/// A paragraph's text as HTML (two levels below the root): its styles, and its actors'
/// names as `names` says.
pub fn paragraph_html(p: &Paragraph, names: Names<'_>) -> String {
    let mut spans = inline::style_spans(&p.marks);
    // A source's page marks its time expressions with what they resolve to.
    let times: Vec<(Option<&str>, String)> = match names {
        Names::Linked(_) => p.times.iter().map(timeline::timex_markup).collect(),
        Names::Marked(_) | Names::Plain => Vec::new(),
    };
    for (t, (datetime, title)) in p.times.iter().zip(&times) {
        spans.push(Span {
            start: t.start,
            end: t.end,
            markup: Markup::Time {
                datetime: *datetime,
                title,
            },
        });
    }
    let inside_link = |start: usize, end: usize| {
        p.marks.iter().any(|m| {
            matches!(m.style, Style::Link { href: Some(_) }) && m.start < end && start < m.end
        })
    };
    for m in &p.mentions {
        let markup = match names {
            Names::Marked(actor) if actor == m.actor => Markup::Highlight,
            // On an actor's page only its names are marked.
            Names::Marked(_) | Names::Plain => continue,
            // One link may not hold another.
            Names::Linked(_) if inside_link(m.start, m.end) => continue,
            Names::Linked(ActorLinks(links)) => match links.get(m.actor) {
                Some(link) => Markup::Actor {
                    href: &link.href,
                    title: (link.plain.as_deref() != p.text.get(m.start..m.end))
                        .then_some(link.tooltip.as_str()),
                },
                None => continue,
            },
        };
        spans.push(Span {
            start: m.start,
            end: m.end,
            markup,
        });
    }
    inline::to_html(&p.text, &spans)
}

/// What a name's tooltip says: the actor's name and first role, or its kind.
fn actor_tooltip(actor: &ActorEntry) -> String {
    match actor.roles.first() {
        Some(role) => format!("{}: {role}", actor.name),
        None => format!("{} ({})", actor.name, actor.kind),
    }
}

/// A link from a page of source `here` to paragraph `to`.
fn paragraph_link(briefing: &Briefing, here: usize, to: &ParagraphRef) -> ParagraphLink {
    if to.source == here {
        return ParagraphLink {
            href: format!("#p{}", to.number),
            label: format!("¶{}", to.number),
            short: format!("¶{}", to.number),
            of: format!("¶{}", to.number),
        };
    }
    let target = &briefing.sources[to.source];
    let name = match &target.meta.outlet {
        Some(outlet) => outlet.clone(),
        None => format!("“{}”", target.title),
    };
    let label = format!("¶{} in “{}”", to.number, target.title);
    ParagraphLink {
        href: address::paragraph(&["../"], &target.id, to.number),
        of: match &target.meta.outlet {
            Some(outlet) => format!("¶{} of {outlet}", to.number),
            None => label.clone(),
        },
        label,
        short: format!("{name} ¶{}", to.number),
    }
}

/// Groups consecutive list items of one list into a run; every other block is a run alone.
fn runs(blocks: Vec<BlockView>, paragraphs: &[Paragraph]) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    for (view, p) in blocks.into_iter().zip(paragraphs) {
        match p.kind {
            BlockKind::ListItem {
                ordered, number, ..
            } => {
                let list = if ordered { "ol" } else { "ul" };
                match runs.last_mut() {
                    Some(run) if run.list == Some(list) => run.blocks.push(view),
                    _ => runs.push(Run {
                        list: Some(list),
                        start: number.filter(|&n| n != 1),
                        blocks: vec![view],
                    }),
                }
            }
            _ => runs.push(Run {
                list: None,
                start: None,
                blocks: vec![view],
            }),
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(group_thousands(0), "0");
        assert_eq!(group_thousands(999), "999");
        assert_eq!(group_thousands(1000), "1,000");
        assert_eq!(group_thousands(1234567), "1,234,567");
    }
}

/// An actor in a list.
#[derive(Debug, Clone, Serialize)]
pub struct ActorCard {
    /// Link to its page, relative to the listing page.
    pub href: String,
    /// Name.
    pub name: String,
    /// Kind, as the export writes it.
    pub kind: &'static str,
    /// Its most frequent role.
    pub role: Option<String>,
    /// Mentions in paragraphs that are not repeats.
    pub mentions: usize,
    /// Sources that mention it.
    pub sources: usize,
    /// On another actor's page: the sentences that name both.
    pub shared: Option<usize>,
}

/// The actors of one kind.
#[derive(Debug, Clone, Serialize)]
pub struct ActorGroup {
    /// "People", "Organizations", "Places", "Groups".
    pub label: &'static str,
    /// The anchor of the group on the page.
    pub anchor: &'static str,
    /// Its actors, most mentioned first.
    pub actors: Vec<ActorCard>,
}

/// A paragraph that names an actor, on the actor's page.
#[derive(Debug, Clone, Serialize)]
pub struct MentionView {
    /// Link to the paragraph in its source.
    pub href: String,
    /// The source's title.
    pub source: String,
    /// The source's outlet.
    pub outlet: Option<String>,
    /// The source's date.
    pub date_label: Option<String>,
    /// The paragraph's number.
    pub number: usize,
    /// The text with the actor's names marked.
    pub html: String,
}

/// A role of an actor, for its page.
#[derive(Debug, Clone, Serialize)]
pub struct RoleView {
    /// The role as the sources write it.
    pub text: String,
    /// The paragraph that first states it; `None` for a role only the registry gives.
    pub href: Option<String>,
}

/// An actor's page.
#[derive(Debug, Clone, Serialize)]
pub struct ActorPage {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Kind, as the export writes it.
    pub kind: &'static str,
    /// Roles, each with a link to the paragraph that first states it.
    pub roles: Vec<RoleView>,
    /// Other names.
    pub aliases: Vec<String>,
    /// From the registry.
    pub description: Option<String>,
    /// From the registry, when it is a web address.
    pub url: Option<String>,
    /// Mentions in paragraphs that are not repeats.
    pub mentions: usize,
    /// The sources that mention it (the first [`LISTED`]).
    pub sources: Vec<SourceCard>,
    /// How many more sources mention it.
    pub sources_more: usize,
    /// The actors it appears with.
    pub together: Vec<ActorCard>,
    /// The paragraphs that name it (the first [`LISTED`]).
    pub paragraphs: Vec<MentionView>,
    /// How many more paragraphs name it.
    pub paragraphs_more: usize,
}

/// How many sources and paragraphs an actor's page lists.
pub const LISTED: usize = 100;

/// The kinds in the order the actors page shows them (and the network's key).
pub(super) const KINDS: [(ActorKind, &str, &str); 4] = [
    (ActorKind::Person, "People", "people"),
    (ActorKind::Organization, "Organizations", "organizations"),
    (ActorKind::Place, "Places", "places"),
    (ActorKind::Group, "Groups", "groups"),
];

/// An actor as a card in a list on a page whose path to `actors/` is `to_actors`.
pub fn actor_card(actor: &ActorEntry, to_actors: &str) -> ActorCard {
    ActorCard {
        href: address::page(&[to_actors], &actor.id),
        name: actor.name.clone(),
        kind: actor.kind.as_str(),
        role: actor.roles.first().cloned(),
        mentions: actor.mentions,
        sources: actor.sources.len(),
        shared: None,
    }
}

/// The actors grouped by kind, each group most mentioned first; empty groups left out.
pub fn actor_groups(briefing: &Briefing) -> Vec<ActorGroup> {
    KINDS
        .iter()
        .map(|&(kind, label, anchor)| ActorGroup {
            label,
            anchor,
            actors: briefing
                .actors
                .iter()
                .filter(|a| a.kind == kind)
                .map(|a| actor_card(a, ""))
                .collect(),
        })
        .filter(|g| !g.actors.is_empty())
        .collect()
}

/// The most mentioned actors, for the overview: who is involved first (people,
/// organizations, groups), places after them when there is room.
pub fn key_actors(briefing: &Briefing, count: usize) -> Vec<ActorCard> {
    let mentioned = || briefing.actors.iter().filter(|a| a.mentions > 0);
    let who = mentioned().filter(|a| a.kind != ActorKind::Place);
    let places = mentioned().filter(|a| a.kind == ActorKind::Place);
    who.chain(places)
        .take(count)
        .map(|a| actor_card(a, address::ACTORS))
        .collect()
}

/// The page of actor number `index`.
pub fn actor_page(briefing: &Briefing, index: usize) -> ActorPage {
    let actor = &briefing.actors[index];
    let paragraphs = actor
        .paragraphs
        .iter()
        .take(LISTED)
        .filter_map(|at| {
            let source = briefing.sources.get(at.source)?;
            let p = source.paragraphs.get(at.number - 1)?;
            Some(MentionView {
                href: address::paragraph(&["../../", address::SOURCES], &source.id, at.number),
                source: source.title.clone(),
                outlet: source.meta.outlet.clone(),
                date_label: shown_date(source).map(|(_, label)| label),
                number: at.number,
                html: paragraph_html(p, Names::Marked(index)),
            })
        })
        .collect();
    ActorPage {
        id: actor.id.clone(),
        name: actor.name.clone(),
        kind: actor.kind.as_str(),
        roles: actor
            .roles
            .iter()
            .zip(&actor.roles_at)
            .map(|(role, at)| RoleView {
                text: role.clone(),
                href: at.as_ref().and_then(|at| {
                    let source = briefing.sources.get(at.source)?;
                    Some(address::paragraph(
                        &["../../", address::SOURCES],
                        &source.id,
                        at.number,
                    ))
                }),
            })
            .collect(),
        aliases: actor.aliases.clone(),
        description: actor.description.clone(),
        url: actor.url.as_deref().and_then(safe_url),
        mentions: actor.mentions,
        sources: actor
            .sources
            .iter()
            .take(LISTED)
            .map(|&s| source_card(&briefing.sources[s], "../../sources/"))
            .collect(),
        sources_more: actor.sources.len().saturating_sub(LISTED),
        together: actor
            .together
            .iter()
            .map(|&(other, shared)| ActorCard {
                shared: Some(shared),
                ..actor_card(&briefing.actors[other], "../")
            })
            .collect(),
        paragraphs,
        paragraphs_more: actor.paragraphs.len().saturating_sub(LISTED),
    }
}
