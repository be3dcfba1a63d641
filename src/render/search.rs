//! The search index: a Pagefind bundle under `pagefind/`, built in-process from the
//! briefing's data, and read by `search.js` on the search page. It needs no server code.
//!
//! One record per actor and one per source: its title, and each paragraph that is not a
//! repeat of another (a repeat's text is found through the original it links to). Results
//! link to the actor page, or to the anchor of the paragraph that matched.

use std::collections::BTreeMap;

use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;

use std::fmt::Write as _;

use rayon::prelude::*;

use crate::assemble::{Briefing, Paragraph};
use crate::diagnostic::Diagnostic;
use crate::parse::BlockKind;
use crate::render::inline::escape;

/// One file of the bundle: its path under the site root and its bytes.
pub type File = (String, Vec<u8>);

/// Builds the Pagefind bundle for `briefing`.
pub fn bundle(briefing: &Briefing) -> Result<Vec<File>, Diagnostic> {
    let fail =
        |e: anyhow::Error| Diagnostic::general(format!("cannot build the search index: {e}"));
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| fail(e.into()))?;
    runtime.block_on(async {
        let config = PagefindServiceConfig::builder()
            .keep_index_url(true)
            .force_language("en".to_string())
            .build();
        let mut index = PagefindIndex::new(Some(config)).map_err(fail)?;
        for actor in actor_records(briefing) {
            let meta = BTreeMap::from([
                ("title".to_string(), actor.title),
                ("kind".to_string(), actor.kind),
            ]);
            index
                .add_custom_record(
                    actor.url,
                    actor.content,
                    "en".to_string(),
                    Some(meta),
                    None,
                    None,
                )
                .await
                .map_err(fail)?;
        }
        for (url, html) in source_documents(briefing) {
            index
                .add_html_file(None, Some(url), html)
                .await
                .map_err(fail)?;
        }
        let files = index.get_files().await.map_err(fail)?;
        Ok(files
            .into_iter()
            .filter(|file| !is_ready_made_ui(&file.filename))
            .map(|file| {
                let name = file.filename.to_string_lossy().replace('\\', "/");
                (format!("pagefind/{name}"), file.contents)
            })
            .collect())
    })
}

/// Pagefind's ready-made interfaces, which the site does not use (`search.js` draws the
/// results in the site's own style).
fn is_ready_made_ui(path: &std::path::Path) -> bool {
    let name = path.to_string_lossy();
    [
        "pagefind-ui",
        "pagefind-modular-ui",
        "pagefind-component-ui",
        "pagefind-highlight",
    ]
    .iter()
    .any(|prefix| name.starts_with(prefix))
}

/// What the index holds of an actor.
struct Record {
    /// Site-root address (`/actors/<id>/index.html`); Pagefind puts the base path in front
    /// of it from where its bundle is served.
    url: String,
    content: String,
    title: String,
    kind: String,
}

fn actor_records(briefing: &Briefing) -> Vec<Record> {
    briefing
        .actors
        .iter()
        .map(|entry| {
            let actor = &entry.actor;
            let mut content = actor.name.clone();
            if !actor.aliases.is_empty() {
                content.push_str(", also ");
                content.push_str(&actor.aliases.join(", "));
            }
            if !actor.roles.is_empty() {
                content.push_str(": ");
                content.push_str(&actor.roles.join("; "));
            }
            if let Some(description) = &actor.description {
                content.push_str(". ");
                content.push_str(description);
            }
            Record {
                url: format!("/actors/{}/index.html", entry.id),
                content,
                title: actor.name.clone(),
                kind: format!("Actor: {}", actor.kind.as_str()),
            }
        })
        .collect()
}

/// Each source as a small HTML document for the indexer: its title, then each original
/// paragraph under a heading whose id is the paragraph's anchor, so that Pagefind's
/// sub-results lead to the paragraph. One document a source keeps the index small: one
/// record a paragraph made it seven times slower to build.
fn source_documents(briefing: &Briefing) -> Vec<(String, String)> {
    briefing
        .sources
        .par_iter()
        .flat_map_iter(|source| {
            let kind = match &source.meta.outlet {
                Some(outlet) => format!("Source: {outlet}"),
                None => "Source".to_string(),
            };
            let page = format!("/sources/{}/index.html", source.id);
            let originals: Vec<&Paragraph> = source
                .paragraphs
                .iter()
                .filter(|p| p.repeat_of.is_none() && !matches!(p.kind, BlockKind::Heading(_)))
                .collect();
            // Pagefind's time grows faster than the size of one document: a long source is
            // indexed in parts (`?part=2`, which `search.js` drops from the address).
            let parts: Vec<&[&Paragraph]> = if originals.is_empty() {
                vec![&[]]
            } else {
                originals.chunks(PART).collect()
            };
            let documents: Vec<(String, String)> = parts
                .into_iter()
                .enumerate()
                .map(|(i, part)| {
                    let url = match i {
                        0 => page.clone(),
                        i => format!("{page}?part={}", i + 1),
                    };
                    (url, document(&source.title, &kind, part))
                })
                .collect();
            documents
        })
        .collect()
}

/// How many paragraphs one indexed document holds at most.
const PART: usize = 200;

/// The HTML the indexer reads for `paragraphs` of a source.
fn document(title: &str, kind: &str, paragraphs: &[&Paragraph]) -> String {
    let mut html = String::with_capacity(256 + paragraphs.len() * 400);
    html.push_str(
        "<!DOCTYPE html><html lang=\"en\"><head>\
         <meta data-pagefind-meta=\"kind[content]\" content=\"",
    );
    escape(kind, &mut html);
    html.push_str("\"></head><body><h1>");
    escape(title, &mut html);
    html.push_str("</h1>");
    for paragraph in paragraphs {
        let _ = write!(
            html,
            "<h2 id=\"p{n}\">\u{b6}{n}</h2><p>",
            n = paragraph.number
        );
        escape(&paragraph.text, &mut html);
        html.push_str("</p>");
    }
    html.push_str("</body></html>");
    html
}
