//! The search index: a Pagefind bundle under `pagefind/`, built in-process from the
//! briefing's data, and read by `search.js` on the search page. It needs no server code.
//!
//! One record per actor, per source with a title of its own (title and outlet), and per
//! paragraph that is not a repeat of another (a repeat's text is found through the original
//! it links to). Records link to the actor page, the source page and the paragraph's anchor.

use std::collections::BTreeMap;

use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;

use crate::assemble::Briefing;
use crate::diagnostic::Diagnostic;
use crate::parse::BlockKind;

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
        for record in records(briefing) {
            let meta = BTreeMap::from([
                ("title".to_string(), record.title),
                ("kind".to_string(), record.kind),
            ]);
            index
                .add_custom_record(
                    record.url,
                    record.content,
                    "en".to_string(),
                    Some(meta),
                    None,
                    None,
                )
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

/// What the index holds of one page or paragraph.
struct Record {
    /// Site-root address (`/sources/<id>/index.html#p3`); Pagefind puts the base path in
    /// front of it from where its bundle is served.
    url: String,
    content: String,
    title: String,
    kind: String,
}

fn records(briefing: &Briefing) -> Vec<Record> {
    let mut records = Vec::new();
    for entry in &briefing.actors {
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
        records.push(Record {
            url: format!("/actors/{}/index.html", entry.id),
            content,
            title: actor.name.clone(),
            kind: format!("Actor: {}", actor.kind.as_str()),
        });
    }
    for source in &briefing.sources {
        let page = format!("/sources/{}/index.html", source.id);
        let outlet = source.meta.outlet.clone();
        // A title taken from the first paragraph is found through that paragraph.
        if !source.title_derived {
            records.push(Record {
                url: page.clone(),
                content: match &outlet {
                    Some(outlet) => format!("{}. {outlet}", source.title),
                    None => source.title.clone(),
                },
                title: source.title.clone(),
                kind: match &outlet {
                    Some(outlet) => format!("Source: {outlet}"),
                    None => "Source".to_string(),
                },
            });
        }
        for paragraph in &source.paragraphs {
            if paragraph.repeat_of.is_some() || matches!(paragraph.kind, BlockKind::Heading(_)) {
                continue;
            }
            records.push(Record {
                url: format!("{page}#p{}", paragraph.number),
                content: paragraph.text.clone(),
                title: source.title.clone(),
                kind: format!("Paragraph {}", paragraph.number),
            });
        }
    }
    records
}
