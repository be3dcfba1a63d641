//! What is kept of a page's body: elements that are never article text cut out before
//! parsing, the headline and the lines before the article's first sentence left out of
//! what the extractor found, and the counts of words that tell an article from a list of
//! links.

use std::sync::LazyLock;

use regex::Regex;
use scraper::{ElementRef, Html};

use super::fragment::escape;
use super::{collapse, selector};

/// Elements whose content is never text of the article, cut out before parsing: scripts
/// (except JSON-LD), styles, SVG drawings, `noscript` and `template` copies, comments, and
/// the page's navigation, menus, side rails and footers (the extractor drops those too, but
/// only after parsing them, copying them twice and measuring their text). A side rail or
/// footer that may say when the article was published (a byline, `datePublished`) is kept
/// for the metadata. Cutting first keeps parsing time in step with the article rather than
/// with the tracking code and link lists, which are most of a modern page.
pub(super) fn strip_inert(html: &str) -> String {
    /// Elements whose content is raw text (they do not nest) and elements that may.
    const RAW: [&str; 3] = ["script", "style", "noscript"];
    const NESTED: [&str; 6] = ["svg", "template", "nav", "menu", "aside", "footer"];
    let mut out = String::with_capacity(html.len() / 2);
    let mut copied = 0;
    let mut at = 0;
    while let Some(offset) = html[at..].find('<') {
        let start = at + offset;
        let rest = &html[start + 1..];
        if let Some(comment) = rest.strip_prefix("!--") {
            let end = comment
                .find("-->")
                .map_or(html.len(), |e| start + 1 + 3 + e + 3);
            out.push_str(&html[copied..start]);
            copied = end;
            at = end;
            continue;
        }
        let raw = RAW.into_iter().find(|name| opens(html, start, name));
        let Some(name) = raw.or_else(|| NESTED.into_iter().find(|name| opens(html, start, name)))
        else {
            at = start + 1;
            continue;
        };
        let open_end = rest.find('>').map_or(html.len(), |e| start + 1 + e + 1);
        let close = if raw.is_some() {
            close_of_raw(html, open_end, name)
        } else {
            close_of_nested(html, open_end, name)
        };
        let region = &html[start..close];
        if matches!(name, "aside" | "footer") && may_date_the_article(region) {
            // Kept as it is; what is inert inside it is still cut.
            at = open_end;
            continue;
        }
        out.push_str(&html[copied..start]);
        if name == "script" && html[start..open_end].contains("ld+json") {
            out.push_str(region);
        }
        copied = close;
        at = close;
    }
    out.push_str(&html[copied.min(html.len())..]);
    out
}

/// Whether a start tag `<name` (any case, then a space, `>` or `/`) begins at `start`.
fn opens(html: &str, start: usize, name: &str) -> bool {
    let bytes = html.as_bytes();
    let end = start + 1 + name.len();
    end < bytes.len()
        && bytes[start + 1..end].eq_ignore_ascii_case(name.as_bytes())
        && matches!(
            bytes[end],
            b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'>' | b'/'
        )
}

/// The offset just after the first `</name …>` at or after `from`, or the end of `html`:
/// the end of a script or style, whose text may hold anything but its own end tag.
fn close_of_raw(html: &str, from: usize, name: &str) -> usize {
    let bytes = html.as_bytes();
    let mut at = from;
    while let Some(offset) = html.get(at..).and_then(|rest| rest.find("</")) {
        let start = at + offset + 2;
        let end = start + name.len();
        if end <= bytes.len() && bytes[start..end].eq_ignore_ascii_case(name.as_bytes()) {
            return html[end..].find('>').map_or(html.len(), |e| end + e + 1);
        }
        at = start;
    }
    html.len()
}

/// The offset just after the `</name …>` that closes the element opened before `from`,
/// counting the same elements opened inside it, or the end of `html`.
fn close_of_nested(html: &str, from: usize, name: &str) -> usize {
    let bytes = html.as_bytes();
    let mut depth = 1;
    let mut at = from;
    while let Some(offset) = html.get(at..).and_then(|rest| rest.find('<')) {
        let start = at + offset;
        if opens(html, start, name) {
            depth += 1;
        } else if bytes.get(start + 1) == Some(&b'/') && opens(html, start + 1, name) {
            depth -= 1;
            if depth == 0 {
                let end = start + 2 + name.len();
                return html[end..].find('>').map_or(html.len(), |e| end + e + 1);
            }
        }
        at = start + 1;
    }
    html.len()
}

/// Whether a side rail's or footer's markup may tell when the article was published: a
/// byline or a publication date in it.
fn may_date_the_article(region: &str) -> bool {
    const MARKS: [&str; 4] = ["byline", "datepublished", "pubdate", "published"];
    let lower = region.to_ascii_lowercase();
    MARKS.iter().any(|mark| lower.contains(mark))
}

/// The body without a first heading that repeats the title: the page shows the headline
/// above the article, and the source's page shows the title already.
pub(super) fn without_headline(body: String, title: Option<&str>) -> String {
    let Some(title) = title else {
        return body;
    };
    for level in 1..=2 {
        let open = format!("<h{level}>");
        let close = format!("</h{level}>");
        if let Some(rest) = body.strip_prefix(&open)
            && let Some((heading, after)) = rest.split_once(&close)
            && collapse(heading) == escape(&collapse(title))
        {
            return after.to_string();
        }
    }
    body
}

/// The fragment without the short lines that open many pages' article before its first
/// sentence: the headline again ("… – as it happened"), a byline or dateline ("20 November
/// 2025 — by A. Writer", "Text: … · Photos: …"), a section label ("Posted in", "Surveys").
/// Only lines before the first block of [`LEAD_WORDS`] words or more are looked at.
pub(super) fn without_lead_furniture(
    body: String,
    title: Option<&str>,
    authors: &[String],
) -> String {
    let parsed = Html::parse_fragment(&body);
    let blocks: Vec<ElementRef<'_>> = parsed
        .root_element()
        .children()
        .filter_map(ElementRef::wrap)
        .collect();
    let title = title.map(|t| collapse(t).to_lowercase());
    let furniture = |text: &str, heading: bool| {
        let words = text.split_whitespace().count();
        let lower = text.to_lowercase();
        let names_author = authors
            .iter()
            .any(|a| !a.is_empty() && text.contains(a.as_str()));
        let dated = MONTH_NAME.is_match(text) && text.chars().any(|c| c.is_ascii_digit());
        let headline = title
            .as_ref()
            .is_some_and(|t| lower.starts_with(t.as_str()) && words <= t.split(' ').count() + 5);
        headline
            || (words < LEAD_WORDS
                && ((words <= 8 && (names_author || dated || lower.starts_with("by ")))
                    || (!heading && words <= 3 && !text.ends_with(['.', '!', '?', '"', '”', ':']))))
    };
    let mut cut = 0;
    for block in &blocks {
        let heading = matches!(
            block.value().name(),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
        );
        if !furniture(&collapse(&block.text().collect::<String>()), heading) {
            break;
        }
        cut += 1;
    }
    if cut == 0 || cut == blocks.len() {
        return body;
    }
    blocks[cut..].iter().map(|b| b.html()).collect()
}

/// A block this long is the article's text, not what stands before it.
const LEAD_WORDS: usize = 12;

static MONTH_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b|\b(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|januar|februar|märz|juni|juli|oktober|dezember|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\b",
    )
    .expect("a valid pattern")
});

/// Whether the text of `fragment` is `title` and nothing else, once or more.
pub(super) fn only_repeats(fragment: &str, title: &str) -> bool {
    let title = collapse(title);
    let text: String = Html::parse_fragment(fragment)
        .root_element()
        .text()
        .collect();
    !title.is_empty() && collapse(&text.replace(&title, " ")).is_empty()
}

/// Words of a clean fragment, and how many of them are link text.
#[derive(Debug, Default)]
pub(super) struct TextStats {
    pub(super) words: usize,
    pub(super) link_words: usize,
}

pub(super) fn text_stats(fragment: &str) -> TextStats {
    let parsed = Html::parse_fragment(fragment);
    let words = parsed
        .root_element()
        .text()
        .flat_map(str::split_whitespace)
        .count();
    let link_words = parsed
        .select(&selector("a"))
        .flat_map(|a| a.text().flat_map(str::split_whitespace).collect::<Vec<_>>())
        .count();
    TextStats { words, link_words }
}
