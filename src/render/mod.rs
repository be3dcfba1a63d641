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
pub fn pages(
    briefing: &Briefing,
    templates: &Templates,
    base_url: &BaseUrl,
    out: &mut dyn Output,
) -> Result<(), Diagnostic> {
    let pages = Pages {
        briefing,
        templates,
        base_url,
        timeline: timeline::Timeline::new(briefing),
    };
    pages.overview(out)?;
    pages.sources(out)?;
    for index in 0..briefing.sources.len() {
        pages.source(index, out)?;
    }
    pages.actors(out)?;
    for index in 0..briefing.actors.len() {
        pages.actor(index, out)?;
    }
    pages.timeline(out)?;
    pages.search(out)?;
    pages.not_found(out)?;
    out.write_stream("briefing.json", &mut |w| export::write_json(briefing, w))
        .map_err(|e| Diagnostic::general(format!("cannot write briefing.json: {e}")))?;
    write(out, STYLESHEET, templates.stylesheet().as_bytes())?;
    write(out, "timeline.js", templates::TIMELINE_SCRIPT.as_bytes())?;
    write(out, "search.js", templates::SEARCH_SCRIPT.as_bytes())?;
    write(out, "favicon.svg", templates::FAVICON.as_bytes())?;
    out.write_stream("timeline.json", &mut |w| {
        timeline::write_timeline_json(briefing, w)
    })
    .map_err(|e| Diagnostic::general(format!("cannot write timeline.json: {e}")))?;
    write(out, ".nojekyll", b"")?;
    write(out, "feed.xml", feed::atom(briefing, base_url).as_bytes())?;
    write(
        out,
        "sitemap.xml",
        sitemap(briefing, &pages.timeline, base_url).as_bytes(),
    )
}

fn write(out: &mut dyn Output, path: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
    out.write(path, bytes)
        .map_err(|e| Diagnostic::general(format!("cannot write {path}: {e}")))
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
}

impl Pages<'_> {
    /// Renders `template` to `path` (`/`-separated, under the site root) with the site view
    /// for that depth, the page's meta, and `fill`'s variables.
    fn page(
        &self,
        out: &mut dyn Output,
        path: &str,
        template: &str,
        meta: PageMeta,
        fill: impl FnOnce(&mut Context),
    ) -> Result<(), Diagnostic> {
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
        write(out, path, html.as_bytes())
    }

    fn overview(&self, out: &mut dyn Output) -> Result<(), Diagnostic> {
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
        let mut cards = view::source_cards(b, "sources/");
        let more = cards.len().saturating_sub(OVERVIEW_SOURCES);
        cards.truncate(OVERVIEW_SOURCES);
        self.page(out, "index.html", "index.html", meta, |c| {
            c.insert("sources_more", &more);
            c.insert("figures", &view::figures(b));
            c.insert("period", &view::period(b));
            c.insert("key_actors", &view::key_actors(b, KEY_ACTORS));
            c.insert("summary", &timeline::summary_html(b));
            c.insert("chart", &timeline::chart(b, &self.timeline, ""));
            c.insert("event_count", &b.events.len());
            c.insert("repeated", &view::repeated_note(b));
            c.insert("sources", &cards);
        })
    }

    fn sources(&self, out: &mut dyn Output) -> Result<(), Diagnostic> {
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
        self.page(out, "sources/index.html", "sources.html", meta, |c| {
            c.insert("sources", &cards);
        })
    }

    fn source(&self, index: usize, out: &mut dyn Output) -> Result<(), Diagnostic> {
        let page = view::source_page(self.briefing, index);
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
        let path = format!("sources/{}/index.html", page.id);
        self.page(out, &path, "source.html", meta, |c| {
            c.insert("source", &page)
        })
    }

    fn actors(&self, out: &mut dyn Output) -> Result<(), Diagnostic> {
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
        let network = relations::network_svg(b);
        self.page(out, "actors/index.html", "actors.html", meta, |c| {
            c.insert("network", &network);
            c.insert("groups", &view::actor_groups(b));
            c.insert("actor_count", &b.actors.len());
        })
    }

    fn actor(&self, index: usize, out: &mut dyn Output) -> Result<(), Diagnostic> {
        let page = view::actor_page(self.briefing, index);
        let description = match page.roles.first() {
            Some(role) => format!(
                "{}, {role}: everything the sources say about them.",
                page.name
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
        let path = format!("actors/{}/index.html", page.id);
        let events = timeline::actor_events(self.briefing, &self.timeline, index);
        let more = self.briefing.actors[index]
            .events
            .len()
            .saturating_sub(timeline::ACTOR_EVENTS);
        let (statements, statements_more) = relations::statements_html(self.briefing, index);
        let relations = relations::relations_html(self.briefing, index);
        self.page(out, &path, "actor.html", meta, |c| {
            c.insert("actor", &page);
            c.insert("statements", &statements);
            c.insert("statements_more", &statements_more);
            c.insert("relations", &relations);
            c.insert("events", &events);
            c.insert("events_more", &more);
        })
    }

    /// The timeline: one page, or an index of periods and a page for each.
    fn timeline(&self, out: &mut dyn Output) -> Result<(), Diagnostic> {
        let b = self.briefing;
        let t = &self.timeline;
        if t.split() {
            let meta = PageMeta {
                title: "Timeline".into(),
                description: format!("The {} events of the briefing by period.", b.events.len()),
                canonical: None,
                section: "timeline",
            };
            let periods = timeline::periods(t);
            self.page(
                out,
                "timeline/index.html",
                "timeline_index.html",
                meta,
                |c| {
                    c.insert("periods", &periods);
                    c.insert("event_count", &b.events.len());
                    c.insert("chart", &timeline::chart(b, t, "../"));
                },
            )?;
        }
        for (index, period) in t.pages.iter().enumerate() {
            let page = timeline::page(b, t, index);
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
            self.page(out, &period.path, "timeline.html", meta, |c| {
                c.insert("timeline", &page)
            })?;
        }
        Ok(())
    }

    fn search(&self, out: &mut dyn Output) -> Result<(), Diagnostic> {
        let meta = PageMeta {
            title: "Search".into(),
            description: "Search the sources, their paragraphs and the actors.".into(),
            canonical: None,
            section: "search",
        };
        self.page(out, "search/index.html", "search.html", meta, |_| {})
    }

    fn not_found(&self, out: &mut dyn Output) -> Result<(), Diagnostic> {
        let meta = PageMeta {
            title: "Page not found".into(),
            description: "There is no page at this address.".into(),
            canonical: None,
            section: "",
        };
        self.page(out, "404.html", "404.html", meta, |_| {})
    }
}

/// The sitemap: every page, under the base URL.
fn sitemap(briefing: &Briefing, timeline: &timeline::Timeline, base_url: &BaseUrl) -> String {
    let mut pages = vec![
        String::new(),
        "sources/".to_string(),
        "actors/".to_string(),
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
            .map(|s| format!("sources/{}/", s.id)),
    );
    pages.extend(briefing.actors.iter().map(|a| format!("actors/{}/", a.id)));
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
