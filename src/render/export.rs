//! `briefing.json`: the briefing as data, in the shape `SCHEMA.md` fixes (`briefing-export/1`).

use std::io::{self, Write};

use serde::Serialize;

use crate::assemble::{Briefing, SourceEntry};
use crate::load::Published;

/// The schema this export follows.
pub const SCHEMA: &str = "briefing-export/1";

#[derive(Serialize)]
struct Export<'a> {
    schema: &'static str,
    title: &'a str,
    sources: Vec<ExportSource<'a>>,
    actors: [(); 0],
    events: [(); 0],
    claims: [(); 0],
}

#[derive(Serialize)]
struct ExportSource<'a> {
    id: &'a str,
    path: &'a str,
    title: &'a str,
    outlet: Option<&'a str>,
    url: Option<&'a str>,
    date: Option<String>,
    duplicate_of: Option<&'a str>,
    paragraphs: Vec<ExportParagraph<'a>>,
}

#[derive(Serialize)]
struct ExportParagraph<'a> {
    id: &'a str,
    text: &'a str,
    duplicate_of: Option<&'a str>,
    similarity: Option<f64>,
    mentions: [(); 0],
    times: [(); 0],
}

/// Writes the export as pretty-printed JSON with a final newline.
pub fn write_json(briefing: &Briefing, out: &mut dyn Write) -> io::Result<()> {
    let export = Export {
        schema: SCHEMA,
        title: &briefing.title,
        sources: briefing
            .sources
            .iter()
            .map(|s| source(briefing, s))
            .collect(),
        actors: [],
        events: [],
        claims: [],
    };
    serde_json::to_writer_pretty(&mut *out, &export)?;
    out.write_all(b"\n")
}

fn source<'a>(briefing: &'a Briefing, source: &'a SourceEntry) -> ExportSource<'a> {
    ExportSource {
        id: &source.id,
        path: &source.path,
        title: &source.title,
        outlet: source.meta.outlet.as_deref(),
        url: source.meta.url.as_deref(),
        date: source.date().map(Published::iso_date),
        duplicate_of: source
            .copy_of
            .as_ref()
            .and_then(|c| briefing.sources.get(c.source))
            .map(|original| original.id.as_str()),
        paragraphs: source
            .paragraphs
            .iter()
            .map(|p| {
                let canonical = p.repeat_of.as_ref().and_then(|(of, similarity)| {
                    let target = briefing
                        .sources
                        .get(of.source)?
                        .paragraphs
                        .get(of.number - 1)?;
                    Some((target.id.as_str(), (similarity * 1000.0).round() / 1000.0))
                });
                ExportParagraph {
                    id: &p.id,
                    text: &p.text,
                    duplicate_of: canonical.map(|(id, _)| id),
                    similarity: canonical.map(|(_, s)| s),
                    mentions: [],
                    times: [],
                }
            })
            .collect(),
    }
}
