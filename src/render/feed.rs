//! `feed.xml`: the sources as an Atom feed, newest first, so that a reader can follow the
//! briefing as sources are added.
//!
//! Ids are the pages' addresses when the base URL is absolute, else `urn:briefing:` names
//! built from the briefing's title and each source's id: stable across builds. Links use
//! the base URL: absolute when it is, else a path. The
//! feed's `updated` is the latest publication date (no build time, so that two builds of
//! one input are identical); undated sources take it too.

use std::fmt::Write as _;

use crate::assemble::Briefing;
use crate::config::BaseUrl;
use crate::render::address;
use crate::render::inline::escape;
use crate::slug::slugify;

/// The longest summary of an entry, in characters.
const SUMMARY: usize = 300;

/// The feed of `briefing` published under `base_url`.
pub fn atom(briefing: &Briefing, base_url: &BaseUrl) -> String {
    let updated = briefing
        .stats
        .last_date
        .map_or("1970-01-01".to_string(), |d| {
            d.format("%Y-%m-%d").to_string()
        });
    let urn = format!("urn:briefing:{}", slugify(&briefing.title));
    let id = |page: &str| match (base_url.is_absolute(), page) {
        (true, _) => format!("{base_url}{page}"),
        (false, "") => urn.clone(),
        (false, _) => format!(
            "{urn}:{}",
            page.trim_start_matches(address::SOURCES)
                .trim_end_matches('/')
        ),
    };
    let mut order: Vec<usize> = (0..briefing.sources.len()).collect();
    // Newest first; undated after the dated, in path order.
    order.sort_by_key(|&s| {
        (
            std::cmp::Reverse(briefing.sources[s].date().map(|d| d.date)),
            s,
        )
    });
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n  <title>",
    );
    escape(&briefing.title, &mut xml);
    xml.push_str("</title>\n");
    if let Some(description) = &briefing.description {
        xml.push_str("  <subtitle>");
        escape(description, &mut xml);
        xml.push_str("</subtitle>\n");
    }
    xml.push_str("  <author><name>");
    escape(&briefing.title, &mut xml);
    xml.push_str("</name></author>\n  <id>");
    escape(&id(""), &mut xml);
    let _ = write!(
        xml,
        "</id>\n  <updated>{updated}T00:00:00Z</updated>\n  <link rel=\"alternate\" href=\""
    );
    escape(&base_url.to_string(), &mut xml);
    xml.push_str("\"/>\n  <link rel=\"self\" href=\"");
    escape(&format!("{base_url}feed.xml"), &mut xml);
    let _ = writeln!(
        xml,
        "\"/>\n  <generator version=\"{}\">briefing</generator>",
        env!("CARGO_PKG_VERSION")
    );
    for s in order {
        let source = &briefing.sources[s];
        let date = source
            .date()
            .map_or(updated.clone(), |d| d.date.format("%Y-%m-%d").to_string());
        xml.push_str("  <entry>\n    <title>");
        escape(&source.title, &mut xml);
        xml.push_str("</title>\n    <id>");
        escape(
            &id(&address::folder(&[address::SOURCES], &source.id)),
            &mut xml,
        );
        let _ = write!(
            xml,
            "</id>\n    <updated>{date}T00:00:00Z</updated>\n    <link href=\""
        );
        escape(
            &format!(
                "{base_url}{}",
                address::folder(&[address::SOURCES], &source.id)
            ),
            &mut xml,
        );
        xml.push_str("\"/>\n");
        if let Some(outlet) = &source.meta.outlet {
            xml.push_str("    <author><name>");
            escape(outlet, &mut xml);
            xml.push_str("</name></author>\n");
        }
        let first = source
            .paragraphs
            .iter()
            .find(|p| p.kind.is_prose())
            .map(|p| p.text.as_str())
            .unwrap_or("");
        if !first.is_empty() {
            let summary = match first.char_indices().nth(SUMMARY) {
                Some((cut, _)) => format!("{}…", first[..cut].trim_end()),
                None => first.to_string(),
            };
            xml.push_str("    <summary>");
            escape(&summary, &mut xml);
            xml.push_str("</summary>\n");
        }
        xml.push_str("  </entry>\n");
    }
    xml.push_str("</feed>\n");
    xml
}
