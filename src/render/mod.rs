//! Stage 6, render: the [`Briefing`] to the files of the site.
//!
//! | file | what |
//! | --- | --- |
//! | `index.html` | the overview |
//! | `sources/index.html`, `sources/<id>/index.html` | the sources and each source's text |
//! | `actors/index.html`, `actors/<id>/index.html` | the actors and each actor's page |
//! | `timeline/index.html` (and `timeline/<period>/index.html` when long) | events by date |
//! | `timeline.json`, `timeline.js` | the timeline for TimelineJS; the timeline's filter |
//! | `briefing.json` | everything as data (`SCHEMA.md`) |
//! | `search/index.html`, `search.js`, `search/*.json`, `search/*/*.json` | the search page and its index |
//! | `feed.xml` | the sources as an Atom feed, newest first |
//! | `404.html`, `.nojekyll`, `sitemap.xml`, `style.css`, `favicon.svg` | what a published site needs |
//!
//! Links between pages are relative (`../sources/index.html`), so the site works from
//! `file://`, from `/` and under any path. Only the 404 page, which a host serves at any
//! address, links from the base URL.

pub mod address;
mod diff;
mod export;
mod feed;
pub mod inline;
pub mod output;
pub mod registry;
pub mod relations;
mod search;
pub mod templates;
pub mod timeline;
pub mod view;

use rayon::prelude::*;
use tera::Context;

use crate::assemble::Briefing;
use crate::config::BaseUrl;
use crate::diagnostic::Diagnostic;
pub use export::SCHEMA;
use output::Output;
use templates::{STYLESHEET, Templates};
use view::PageMeta;

/// Writes every file of the site to `out`.
pub fn render(
    briefing: &Briefing,
    templates: &Templates,
    base_url: &BaseUrl,
    out: &mut dyn Output,
) -> Result<(), Diagnostic> {
    // The search index is built on a thread of its own while the pages are written.
    std::thread::scope(|scope| {
        let index = scope.spawn(|| search::bundle(briefing));
        pages(briefing, templates, base_url, out)?;
        let files = index
            .join()
            .map_err(|_| Diagnostic::general("the search indexer stopped unexpectedly"))??;
        for (path, bytes) in files {
            write(out, &path, &bytes)?;
        }
        Ok(())
    })
}

/// Every file of the site but the search index, which links nothing: what `briefing check`
/// renders.
///
/// The pages are rendered in parallel and handed to `out` one at a time in a fixed order,
/// while the two large data files are written on threads of their own.
pub fn pages(
    briefing: &Briefing,
    templates: &Templates,
    base_url: &BaseUrl,
    out: &mut dyn Output,
) -> Result<(), Diagnostic> {
    let out: &dyn Output = out;
    let pages = Pages {
        briefing,
        templates,
        base_url,
        timeline: timeline::Timeline::new(briefing),
        actor_links: view::ActorLinks::new(briefing),
    };
    std::thread::scope(|scope| {
        let export = scope.spawn(|| {
            stream(out, "briefing.json", &mut |w| {
                export::write_json(briefing, w)
            })
        });
        let timeline_json = scope.spawn(|| {
            stream(out, "timeline.json", &mut |w| {
                timeline::write_timeline_json(briefing, w)
            })
        });
        let written = write_in_order(&pages.list(), &|page| pages.render(page), out)
            .and_then(|()| pages.files(out));
        // The pages' error first; then the data files' in the order they are listed.
        let streams = [export, timeline_json].map(|thread| {
            thread
                .join()
                .map_err(|_| Diagnostic::general("writing a data file stopped unexpectedly"))?
        });
        written?;
        streams.into_iter().collect()
    })
}

/// How many pages are rendered together. Small enough that two batches of the largest
/// pages fit in memory easily.
const BATCH: usize = 64;

/// Renders `pages` with `render` in parallel and writes them to `out`, stopping after the
/// first batch with an error, and returning the error of the first page that failed. If
/// `out` needs the pages in order (a link checker reports in that order), the pages of a
/// batch are written in order while the next batch is rendered.
fn write_in_order(
    pages: &[Page],
    render: &(dyn Fn(Page) -> Result<Rendered, Diagnostic> + Sync),
    out: &dyn Output,
) -> Result<(), Diagnostic> {
    if out.any_order() {
        for batch in pages.chunks(BATCH) {
            let written: Vec<Result<(), Diagnostic>> = batch
                .par_iter()
                .map(|&page| {
                    let page = render(page)?;
                    write(out, &page.path, &page.html)
                })
                .collect();
            written.into_iter().collect::<Result<(), Diagnostic>>()?;
        }
        return Ok(());
    }
    let mut ready: Vec<Result<Rendered, Diagnostic>> = Vec::new();
    for batch in pages.chunks(BATCH) {
        let done = std::mem::take(&mut ready);
        let (next, written) = rayon::join(
            || batch.par_iter().map(|&page| render(page)).collect(),
            || write_rendered(out, done),
        );
        written?;
        ready = next;
    }
    write_rendered(out, ready)
}

/// Writes rendered pages in order, up to the first that failed to render.
fn write_rendered(
    out: &dyn Output,
    rendered: Vec<Result<Rendered, Diagnostic>>,
) -> Result<(), Diagnostic> {
    for page in rendered {
        let page = page?;
        write(out, &page.path, &page.html)?;
    }
    Ok(())
}

/// Writes `path` with what `fill` streams into it.
fn stream(
    out: &dyn Output,
    path: &str,
    fill: &mut dyn FnMut(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> Result<(), Diagnostic> {
    out.write_stream(path, fill)
        .map_err(|e| Diagnostic::general(format!("cannot write {path}: {e}")))
}

fn write(out: &dyn Output, path: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
    out.write(path, bytes)
        .map_err(|e| Diagnostic::general(format!("cannot write {path}: {e}")))
}

/// A page of the site, to render.
#[derive(Debug, Clone, Copy)]
enum Page {
    Overview,
    Sources,
    Source(usize),
    Actors,
    Actor(usize),
    TimelineIndex,
    Period(usize),
    Search,
    NotFound,
}

/// A rendered page and where it goes.
struct Rendered {
    path: String,
    html: Vec<u8>,
}

/// How many actors the overview names.
const KEY_ACTORS: usize = 8;
/// How many sources (with their copies) the overview lists.
const OVERVIEW_SOURCES: usize = 50;

struct Pages<'a> {
    briefing: &'a Briefing,
    templates: &'a Templates,
    base_url: &'a BaseUrl,
    timeline: timeline::Timeline,
    actor_links: view::ActorLinks,
}

impl Pages<'_> {
    /// Every page, in the order they are written.
    fn list(&self) -> Vec<Page> {
        let b = self.briefing;
        let mut pages = vec![Page::Overview, Page::Sources];
        pages.extend((0..b.sources.len()).map(Page::Source));
        pages.push(Page::Actors);
        pages.extend((0..b.actors.len()).map(Page::Actor));
        if self.timeline.split() {
            pages.push(Page::TimelineIndex);
        }
        pages.extend((0..self.timeline.pages.len()).map(Page::Period));
        pages.extend([Page::Search, Page::NotFound]);
        pages
    }

    /// Renders one page.
    fn render(&self, page: Page) -> Result<Rendered, Diagnostic> {
        match page {
            Page::Overview => self.overview(),
            Page::Sources => self.sources(),
            Page::Source(index) => self.source(index),
            Page::Actors => self.actors(),
            Page::Actor(index) => self.actor(index),
            Page::TimelineIndex => self.timeline_index(),
            Page::Period(index) => self.period(index),
            Page::Search => self.search(),
            Page::NotFound => self.not_found(),
        }
    }

    /// The files that are not pages (but for the two large data files).
    fn files(&self, out: &dyn Output) -> Result<(), Diagnostic> {
        let b = self.briefing;
        write(out, STYLESHEET, self.templates.stylesheet().as_bytes())?;
        write(out, "timeline.js", templates::TIMELINE_SCRIPT.as_bytes())?;
        write(out, "search.js", templates::SEARCH_SCRIPT.as_bytes())?;
        write(out, "favicon.svg", templates::FAVICON.as_bytes())?;
        write(out, ".nojekyll", b"")?;
        write(out, "feed.xml", feed::atom(b, self.base_url).as_bytes())?;
        write(
            out,
            "sitemap.xml",
            sitemap(b, &self.timeline, self.base_url).as_bytes(),
        )
    }

    /// Renders `template` for `path` (`/`-separated, under the site root) with the site
    /// view for that depth, the page's meta, and `fill`'s variables.
    fn page(
        &self,
        path: String,
        template: &str,
        meta: PageMeta,
        fill: impl FnOnce(&mut Context),
    ) -> Result<Rendered, Diagnostic> {
        let root = if template == "404.html" {
            self.base_url.path().to_string()
        } else {
            "../".repeat(path.matches('/').count())
        };
        let mut context = Context::new();
        context.insert("site", &view::site(self.briefing, root));
        let canonical = self
            .base_url
            .is_absolute()
            .then(|| format!("{}{}", self.base_url, path.trim_end_matches("index.html")));
        context.insert("page", &PageMeta { canonical, ..meta });
        fill(&mut context);
        let html = self.templates.render(template, &context)?;
        Ok(Rendered { path, html })
    }

    fn overview(&self) -> Result<Rendered, Diagnostic> {
        let b = self.briefing;
        let description = b.description.clone().unwrap_or_else(|| {
            format!(
                "A briefing built from {} source{}.",
                b.stats.sources,
                if b.stats.sources == 1 { "" } else { "s" }
            )
        });
        let meta = PageMeta {
            title: b.title.clone(),
            description,
            canonical: None,
            section: "overview",
        };
        // The overview stays light: the first sources, and a link to all of them.
        let mut cards = view::source_cards(b, address::SOURCES);
        let more = cards.len().saturating_sub(OVERVIEW_SOURCES);
        cards.truncate(OVERVIEW_SOURCES);
        self.page("index.html".into(), "index.html", meta, |c| {
            c.insert("sources_more", &more);
            c.insert("figures", &view::figures(b));
            c.insert("period", &view::period(b));
            c.insert("key_actors", &view::key_actors(b, KEY_ACTORS));
            c.insert("summary", &timeline::summary_html(b));
            c.insert("chart", &timeline::chart(b, &self.timeline, ""));
            c.insert("latest", &timeline::latest_events(b, &self.timeline));
            c.insert("event_count", &b.events.len());
            c.insert("repeated", &view::repeated_note(b));
            c.insert("sources", &cards);
        })
    }

    fn sources(&self) -> Result<Rendered, Diagnostic> {
        let b = self.briefing;
        let meta = PageMeta {
            title: "Sources".into(),
            description: format!(
                "The {} sources of the briefing, with their text.",
                b.stats.sources
            ),
            canonical: None,
            section: "sources",
        };
        let cards = view::source_cards(b, "");
        let path = [address::SOURCES, address::INDEX].concat();
        self.page(path, "sources.html", meta, |c| c.insert("sources", &cards))
    }

    fn source(&self, index: usize) -> Result<Rendered, Diagnostic> {
        let page = view::source_page(self.briefing, index, &self.actor_links);
        let title = page.title.trim_end_matches(['.', '…']);
        let description = match (&page.outlet, &page.date_label) {
            (Some(outlet), Some(date)) => format!("{title}: {outlet}, {date}."),
            (Some(outlet), None) => format!("{title}: {outlet}."),
            (None, Some(date)) => format!("{title}: {date}."),
            (None, None) => format!("{title}."),
        };
        let meta = PageMeta {
            title: page.title.clone(),
            description,
            canonical: None,
            section: "sources",
        };
        let path = address::page(&[address::SOURCES], &page.id);
        self.page(path, "source.html", meta, |c| c.insert("source", &page))
    }

    fn actors(&self) -> Result<Rendered, Diagnostic> {
        let b = self.briefing;
        let meta = PageMeta {
            title: "Actors".into(),
            description: format!(
                "The {} people, organizations, places and groups the sources name.",
                b.actors.len()
            ),
            canonical: None,
            section: "actors",
        };
        let network = relations::network_html(b);
        let path = [address::ACTORS, address::INDEX].concat();
        self.page(path, "actors.html", meta, |c| {
            c.insert("network", &network);
            c.insert("groups", &view::actor_groups(b));
            c.insert("actor_count", &b.actors.len());
        })
    }

    fn actor(&self, index: usize) -> Result<Rendered, Diagnostic> {
        let page = view::actor_page(self.briefing, index);
        let description = match page.roles.first() {
            Some(role) => format!(
                "{}, {}: everything the sources say about them.",
                page.name, role.text
            ),
            None => format!(
                "{} ({}): everything the sources say about them.",
                page.name, page.kind
            ),
        };
        let meta = PageMeta {
            title: page.name.clone(),
            description,
            canonical: None,
            section: "actors",
        };
        let path = address::page(&[address::ACTORS], &page.id);
        let events = timeline::actor_events(self.briefing, &self.timeline, index);
        let more = self.briefing.actors[index]
            .events
            .len()
            .saturating_sub(timeline::ACTOR_EVENTS);
        let (statements, statements_more) = relations::statements_html(self.briefing, index);
        let relations = relations::relations_html(self.briefing, index);
        self.page(path, "actor.html", meta, |c| {
            c.insert("actor", &page);
            c.insert("statements", &statements);
            c.insert("statements_more", &statements_more);
            c.insert("relations", &relations);
            c.insert("events", &events);
            c.insert("events_more", &more);
        })
    }

    /// The index of a timeline split into periods.
    fn timeline_index(&self) -> Result<Rendered, Diagnostic> {
        let b = self.briefing;
        let t = &self.timeline;
        let meta = PageMeta {
            title: "Timeline".into(),
            description: format!("The {} events of the briefing by period.", b.events.len()),
            canonical: None,
            section: "timeline",
        };
        let periods = timeline::periods(t);
        self.page(
            "timeline/index.html".into(),
            "timeline_index.html",
            meta,
            |c| {
                c.insert("periods", &periods);
                c.insert("event_count", &b.events.len());
                c.insert("chart", &timeline::chart(b, t, "../"));
            },
        )
    }

    /// Page `index` of the timeline: the whole timeline, or one period (or part of one).
    fn period(&self, index: usize) -> Result<Rendered, Diagnostic> {
        let t = &self.timeline;
        let period = &t.pages[index];
        let page = timeline::page(self.briefing, t, index);
        let meta = PageMeta {
            title: if t.split() {
                format!("Timeline: {}", period.label)
            } else {
                "Timeline".into()
            },
            description: format!(
                "{} event{} the sources report, by date, each linked to the paragraphs that report it.",
                page.count,
                if page.count == 1 { "" } else { "s" }
            ),
            canonical: None,
            section: "timeline",
        };
        self.page(period.path.clone(), "timeline.html", meta, |c| {
            c.insert("timeline", &page)
        })
    }

    fn search(&self) -> Result<Rendered, Diagnostic> {
        let meta = PageMeta {
            title: "Search".into(),
            description: "Search the sources, their paragraphs and the actors.".into(),
            canonical: None,
            section: "search",
        };
        self.page("search/index.html".into(), "search.html", meta, |_| {})
    }

    fn not_found(&self) -> Result<Rendered, Diagnostic> {
        let meta = PageMeta {
            title: "Page not found".into(),
            description: "There is no page at this address.".into(),
            canonical: None,
            section: "",
        };
        self.page("404.html".into(), "404.html", meta, |_| {})
    }
}

/// The sitemap: every page, under the base URL.
fn sitemap(briefing: &Briefing, timeline: &timeline::Timeline, base_url: &BaseUrl) -> String {
    let mut pages = vec![
        String::new(),
        address::SOURCES.to_string(),
        address::ACTORS.to_string(),
        "timeline/".to_string(),
    ];
    if timeline.split() {
        pages.extend(
            timeline
                .pages
                .iter()
                .map(|p| p.path.trim_end_matches("index.html").to_string()),
        );
    }
    pages.extend(
        briefing
            .sources
            .iter()
            .map(|s| address::folder(&[address::SOURCES], &s.id)),
    );
    pages.extend(
        briefing
            .actors
            .iter()
            .map(|a| address::folder(&[address::ACTORS], &a.id)),
    );
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for page in pages {
        xml.push_str("  <url><loc>");
        inline::escape(&format!("{base_url}{page}"), &mut xml);
        xml.push_str("</loc></url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}
