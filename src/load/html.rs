//! Saved web pages (`.html`, `.htm`): the article a browser's "Save page as…" kept, and what
//! the page says about it.
//!
//! The body is found by `trafilatura` (a Rust port of go-trafilatura), which scored as well
//! as the best extractor measured on our own saved pages at half its time (see the README);
//! it leaves out navigation, related links, comments, share bars, cookie notices and
//! advertisements. The byline, dateline and section labels some pages put before the first
//! sentence are dropped here. What is left is rebuilt tag by tag into a small fragment of a
//! few harmless tags, so nothing of the page's markup reaches a briefing except headings,
//! paragraphs, lists, quotes, code and inline links and emphasis.
//!
//! The metadata is read here rather than by the extractor, because every field must say
//! where it came from: JSON-LD first, then Open Graph and other `<meta>` tags, then the
//! page's own markup (`<time>`, `<link rel=canonical>`, `<html lang>`), and a date written
//! in the page's address last.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;
use scraper::{ElementRef, Html, Node, Selector};
use serde_json::Value;

use crate::load::{Metadata, Published};
use crate::parse::safe_url;

/// Pages larger than this are refused before they are parsed: a saved article is rarely
/// over a few megabytes, and one of 50 MB takes seconds to extract.
pub const MAX_PAGE_BYTES: usize = 64 * 1024 * 1024;

/// What is left after scripts, styles and inline images are cut out may be at most this
/// large (about half a second of extraction).
pub const MAX_MARKUP_BYTES: usize = 4 * 1024 * 1024;

/// The fewest words an article's body has.
const MIN_WORDS: usize = 5;

/// A metadata value and where in the page it was found, such as `"JSON-LD datePublished"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found<T> {
    /// The value as read (trimmed, white space collapsed).
    pub value: T,
    /// Where it was read from, in words a reader of the source page understands.
    pub from: &'static str,
}

/// One saved page: its metadata, each with its provenance, and its article body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// Headline.
    pub title: Option<Found<String>>,
    /// When it was published.
    pub date: Option<Found<Published>>,
    /// Publication or site that published it.
    pub outlet: Option<Found<String>>,
    /// Who wrote it.
    pub authors: Option<Found<Vec<String>>>,
    /// The canonical address of the article.
    pub url: Option<Found<String>>,
    /// Language code such as `en-GB`.
    pub language: Option<Found<String>>,
    /// The article body as a small, clean HTML fragment holding only `<h1>`–`<h6>`, `<p>`,
    /// `<ul>`, `<ol>`, `<li>`, `<blockquote>`, `<pre>`, and inline `<a href>` (web and mail
    /// addresses only), `<em>`, `<strong>`, `<code>` and `<br>`; no other attribute than
    /// `href` and an `<ol>`'s `start`.
    pub body: String,
}

impl Page {
    /// The page's metadata as a source's, each field with the place it was found.
    pub fn metadata(&self) -> Metadata {
        let mut found = Vec::new();
        let mut take = |field: &'static str, from: Option<&'static str>| {
            if let Some(from) = from {
                found.push((field, from));
            }
        };
        take("title", self.title.as_ref().map(|f| f.from));
        take("date", self.date.as_ref().map(|f| f.from));
        take("outlet", self.outlet.as_ref().map(|f| f.from));
        take("authors", self.authors.as_ref().map(|f| f.from));
        take("url", self.url.as_ref().map(|f| f.from));
        take("language", self.language.as_ref().map(|f| f.from));
        Metadata {
            title: self.title.as_ref().map(|f| f.value.clone()),
            outlet: self.outlet.as_ref().map(|f| f.value.clone()),
            url: self.url.as_ref().map(|f| f.value.clone()),
            date: self.date.as_ref().map(|f| f.value.clone()),
            authors: self.authors.as_ref().map(|f| f.value.clone()),
            language: self.language.as_ref().map(|f| f.value.clone()),
            found,
            ..Metadata::default()
        }
    }
}

/// Why a page yields no article.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PageError {
    /// The file is too large to be a saved article.
    #[error("the page is {mb} MB, more than the {limit} MB a saved article may be", mb = .bytes / (1024 * 1024), limit = .limit / (1024 * 1024))]
    TooLarge {
        /// Its size, or the size of its markup without scripts and styles.
        bytes: usize,
        /// The limit it is over.
        limit: usize,
    },
    /// The page is a list of links (a section front, a search result, a home page).
    #[error("not an article: {reason}")]
    NotAnArticle {
        /// What showed it.
        reason: &'static str,
    },
    /// No text of an article could be found.
    #[error("no article text found in the page")]
    Empty,
}

impl PageError {
    /// What the user can do about it, for the warning that skips the page.
    pub fn hint(&self) -> &'static str {
        match self {
            PageError::TooLarge { .. } => {
                "save the page as \"Web Page, HTML only\" rather than as a single file with its \
                 images, or copy the article's text into a .md file"
            }
            PageError::NotAnArticle { .. } => {
                "save the article's own page (open the story, then \"Save page as…\"), not the \
                 section or home page that lists it"
            }
            PageError::Empty => {
                "the page may load its text with JavaScript or sit behind a login; copy the \
                 article's text into a .md file with the page's address as `url:`"
            }
        }
    }
}

/// Reads a saved page: its metadata with provenance, and its article body.
pub fn read(html: &str) -> Result<Page, PageError> {
    if html.len() > MAX_PAGE_BYTES {
        return Err(PageError::TooLarge {
            bytes: html.len(),
            limit: MAX_PAGE_BYTES,
        });
    }
    let markup = strip_inert(html);
    if markup.len() > MAX_MARKUP_BYTES {
        return Err(PageError::TooLarge {
            bytes: markup.len(),
            limit: MAX_MARKUP_BYTES,
        });
    }
    let document = Html::parse_document(&markup);
    let meta = Meta::read(&document);

    let mut options = trafilatura::Options::default();
    options.include_links = true;
    options.exclude_comments = true;
    // The dates are read above, with where they came from.
    options.html_date_mode = trafilatura::HtmlDateMode::Disabled;
    let extracted = trafilatura::extract(&markup, &options)
        .map(|result| result.content_html)
        .unwrap_or_default();
    let body = clean_fragment(&extracted);
    let stats = text_stats(&body);
    if !meta.has_article_type {
        if meta.has_listing_type {
            return Err(PageError::NotAnArticle {
                reason: "its JSON-LD calls it a collection of pages, not an article",
            });
        }
        let share = if stats.words == 0 {
            0.0
        } else {
            stats.link_words as f64 / stats.words as f64
        };
        let website = meta
            .tag("og:type")
            .is_some_and(|t| t.eq_ignore_ascii_case("website"));
        if stats.words >= 20 && (share > 0.5 || (website && share > 0.3)) {
            return Err(PageError::NotAnArticle {
                reason: "most of its text is links",
            });
        }
    }
    // Fewer words than a headline: what was found is a menu's or a button's, not a story.
    if stats.words < MIN_WORDS {
        return Err(PageError::Empty);
    }

    let outlet = meta.outlet();
    let title = meta.title(outlet.as_ref().map(|o| o.value.as_str()));
    let body = without_headline(body, title.as_ref().map(|t| t.value.as_str()));
    let authors = meta.authors();
    let body = without_lead_furniture(
        body,
        title.as_ref().map(|t| t.value.as_str()),
        authors.as_ref().map_or(&[][..], |a| &a.value[..]),
    );
    // A page that builds its article with JavaScript leaves the extractor its title alone,
    // sometimes several times over.
    if let Some(title) = &title
        && only_repeats(&body, &title.value)
    {
        return Err(PageError::Empty);
    }
    let url = meta.url();
    let date = meta
        .date()
        .or_else(|| {
            url.as_ref().and_then(|u| {
                date_in_address(&u.value).map(|value| Found {
                    value,
                    from: "date in the address",
                })
            })
        })
        .or_else(|| {
            meta.shown_date.clone().map(|value| Found {
                value,
                from: "the date shown with the byline",
            })
        });
    Ok(Page {
        title,
        date,
        outlet,
        authors,
        url,
        language: meta.language(),
        body,
    })
}

/// Elements whose content is never text of the article, cut out before parsing: scripts
/// (except JSON-LD), styles, SVG drawings, `noscript` and `template` copies, and comments.
/// Cutting them first keeps parsing time in step with the article rather than with the
/// tracking code, which is most of a modern page.
fn strip_inert(html: &str) -> String {
    const INERT: [&str; 5] = ["script", "style", "svg", "noscript", "template"];
    let bytes = html.as_bytes();
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
        let name = INERT.into_iter().find(|name| {
            rest.len() > name.len()
                && rest.as_bytes()[..name.len()].eq_ignore_ascii_case(name.as_bytes())
                && matches!(
                    bytes[start + 1 + name.len()],
                    b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'>' | b'/'
                )
        });
        let Some(name) = name else {
            at = start + 1;
            continue;
        };
        let open_end = rest.find('>').map_or(html.len(), |e| start + 1 + e + 1);
        let close = find_close(html, open_end, name);
        let keep = name == "script" && html[start..open_end].contains("ld+json");
        out.push_str(&html[copied..start]);
        if keep {
            out.push_str(&html[start..close]);
        }
        copied = close;
        at = close;
    }
    out.push_str(&html[copied.min(html.len())..]);
    out
}

/// The offset just after `</name …>` at or after `from`, or the end of `html`.
fn find_close(html: &str, from: usize, name: &str) -> usize {
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

/// JSON-LD types of a single story.
const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "AskPublicNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "SocialMediaPosting",
    "Report",
    "TechArticle",
    "ScholarlyArticle",
];

/// JSON-LD types of a page that lists other pages.
/// (`WebSite` and `ItemList` are left out: article pages carry them too.)
const LISTING_TYPES: &[&str] = &["CollectionPage", "SearchResultsPage", "ProfilePage"];

/// `<meta>` keys of a publication date, best first, with how a reader would name them.
const DATE_KEYS: &[(&str, &str)] = &[
    ("article:published_time", "meta article:published_time"),
    ("og:published_time", "meta og:published_time"),
    ("datepublished", "meta itemprop=datePublished"),
    ("parsely-pub-date", "meta parsely-pub-date"),
    ("sailthru.date", "meta sailthru.date"),
    ("dc.date.issued", "meta dc.date.issued"),
    ("dcterms.issued", "meta dcterms.issued"),
    ("dc.date", "meta dc.date"),
    ("dcterms.date", "meta dcterms.date"),
    ("dcterms.created", "meta dcterms.created"),
    ("publish-date", "meta publish-date"),
    ("publishdate", "meta publishdate"),
    ("pubdate", "meta pubdate"),
    ("date", "meta date"),
];

/// `<meta>` keys naming the authors.
const AUTHOR_KEYS: &[(&str, &str)] = &[
    ("article:author", "meta article:author"),
    ("author", "meta author"),
    ("parsely-author", "meta parsely-author"),
    ("sailthru.author", "meta sailthru.author"),
    ("dc.creator", "meta dc.creator"),
    ("dcterms.creator", "meta dcterms.creator"),
];

/// `<meta>` keys naming the outlet.
const OUTLET_KEYS: &[(&str, &str)] = &[
    ("og:site_name", "Open Graph og:site_name"),
    ("dc.publisher", "meta dc.publisher"),
    ("dcterms.publisher", "meta dcterms.publisher"),
    ("application-name", "meta application-name"),
];

/// `<meta>` keys of the headline.
const TITLE_KEYS: &[(&str, &str)] = &[
    ("og:title", "Open Graph og:title"),
    ("twitter:title", "meta twitter:title"),
    ("dc.title", "meta dc.title"),
];

/// Everything the metadata is chosen from, read once from the parsed page.
#[derive(Debug, Default)]
struct Meta {
    /// The JSON-LD object describing the article, if any.
    article: Option<Value>,
    /// All JSON-LD objects, to resolve `{"@id": …}` references.
    objects: Vec<Value>,
    /// Whether any JSON-LD object is of an article type.
    has_article_type: bool,
    /// Whether any JSON-LD object is of a listing type.
    has_listing_type: bool,
    /// `<meta>` keys (`name`, `property` or `itemprop`, lower-cased) and contents, in order.
    tags: Vec<(String, String)>,
    /// `<link rel=canonical>`.
    canonical: Option<String>,
    /// `<html lang>`.
    lang: Option<String>,
    /// `<title>`.
    title: Option<String>,
    /// The first `<h1>`.
    h1: Option<String>,
    /// The first `<time datetime>` inside `<article>`, else in the page.
    time: Option<String>,
    /// The value of the first element marked `itemprop="datePublished"` (microdata).
    itemprop_date: Option<String>,
    /// A day written out where pages show when a story was published: a byline, a date or
    /// time element ("March 12, 2019", "12 March 2019").
    shown_date: Option<Published>,
}

impl Meta {
    fn read(document: &Html) -> Meta {
        let mut meta = Meta::default();
        for script in document.select(&selector("script")) {
            if !script
                .value()
                .attr("type")
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
            {
                continue;
            }
            let text: String = script.text().collect();
            if let Ok(value) = serde_json::from_str::<Value>(text.trim()) {
                flatten_json_ld(value, &mut meta.objects);
            }
        }
        for object in &meta.objects {
            if has_type(object, ARTICLE_TYPES) {
                meta.has_article_type = true;
                if meta.article.is_none() {
                    meta.article = Some(object.clone());
                }
            } else if has_type(object, LISTING_TYPES) {
                meta.has_listing_type = true;
            }
        }
        for tag in document.select(&selector("meta")) {
            let element = tag.value();
            let key = element
                .attr("property")
                .or_else(|| element.attr("name"))
                .or_else(|| element.attr("itemprop"))
                .or_else(|| element.attr("http-equiv"));
            if let (Some(key), Some(content)) = (key, element.attr("content")) {
                let content = collapse(content);
                if !content.is_empty() {
                    meta.tags.push((key.trim().to_ascii_lowercase(), content));
                }
            }
        }
        meta.canonical = document
            .select(&selector("link[rel]"))
            .find(|l| {
                l.value().attr("rel").is_some_and(|r| {
                    r.split_whitespace()
                        .any(|r| r.eq_ignore_ascii_case("canonical"))
                })
            })
            .and_then(|l| l.value().attr("href"))
            .and_then(safe_url);
        meta.lang = document
            .select(&selector("html[lang]"))
            .next()
            .and_then(|h| h.value().attr("lang"))
            .map(collapse)
            .filter(|l| !l.is_empty());
        meta.title = document
            .select(&selector("title"))
            .next()
            .map(|t| collapse(&t.text().collect::<String>()))
            .filter(|t| !t.is_empty());
        meta.h1 = document
            .select(&selector("h1"))
            .next()
            .map(|t| collapse(&t.text().collect::<String>()))
            .filter(|t| !t.is_empty());
        meta.time = document
            .select(&selector("article time[datetime]"))
            .chain(document.select(&selector("time[datetime]")))
            .find_map(|t| t.value().attr("datetime").map(str::to_string));
        meta.itemprop_date = document
            .select(&selector("[itemprop=datePublished]"))
            .find_map(|e| {
                let value = e.value();
                value
                    .attr("content")
                    .or(value.attr("datetime"))
                    .map(str::to_string)
                    .or_else(|| Some(collapse(&e.text().collect::<String>())))
            });
        meta.shown_date = document
            .select(&selector(SHOWN_DATE))
            .take(20)
            .find_map(|e| written_date(&collapse(&e.text().collect::<String>())));
        meta
    }

    /// The first content of `<meta>` key `key`.
    fn tag(&self, key: &str) -> Option<&str> {
        self.tags
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// The first of `keys` present, with its provenance.
    fn first_tag(&self, keys: &[(&str, &'static str)]) -> Option<(&str, &'static str)> {
        keys.iter()
            .find_map(|(key, from)| self.tag(key).map(|v| (v, *from)))
    }

    fn article_field(&self, field: &str) -> Option<&Value> {
        self.article.as_ref().and_then(|a| a.get(field))
    }

    fn title(&self, outlet: Option<&str>) -> Option<Found<String>> {
        if let Some(headline) = self.article_field("headline").and_then(json_text) {
            return Some(Found {
                value: headline,
                from: "JSON-LD headline",
            });
        }
        if let Some((title, from)) = self.first_tag(TITLE_KEYS) {
            return Some(Found {
                value: title.to_string(),
                from,
            });
        }
        let title = self.title.as_deref()?;
        Some(Found {
            value: strip_site_name(title, outlet, self.h1.as_deref()).to_string(),
            from: "<title>",
        })
    }

    fn date(&self) -> Option<Found<Published>> {
        if let Some(date) = self
            .article_field("datePublished")
            .and_then(json_text)
            .and_then(|d| parse_date(&d))
        {
            return Some(Found {
                value: date,
                from: "JSON-LD datePublished",
            });
        }
        let from_tags = DATE_KEYS.iter().find_map(|(key, from)| {
            self.tag(key)
                .and_then(parse_date)
                .map(|value| Found { value, from })
        });
        from_tags
            .or_else(|| {
                self.itemprop_date
                    .as_deref()
                    .and_then(parse_date)
                    .map(|value| Found {
                        value,
                        from: "itemprop=datePublished",
                    })
            })
            .or_else(|| {
                self.time
                    .as_deref()
                    .and_then(parse_date)
                    .map(|value| Found {
                        value,
                        from: "<time datetime>",
                    })
            })
    }

    fn outlet(&self) -> Option<Found<String>> {
        if let Some(name) = self
            .article_field("publisher")
            .and_then(|p| self.name_of(p))
        {
            return Some(Found {
                value: name,
                from: "JSON-LD publisher.name",
            });
        }
        self.first_tag(OUTLET_KEYS).map(|(value, from)| Found {
            value: value.to_string(),
            from,
        })
    }

    fn authors(&self) -> Option<Found<Vec<String>>> {
        if let Some(author) = self.article_field("author") {
            let names: Vec<String> = match author {
                Value::Array(items) => items.iter().filter_map(|a| self.name_of(a)).collect(),
                other => self.name_of(other).into_iter().collect(),
            };
            if !names.is_empty() {
                return Some(Found {
                    value: names,
                    from: "JSON-LD author",
                });
            }
        }
        AUTHOR_KEYS.iter().find_map(|(key, from)| {
            // `article:author` is often a profile address, which names no one.
            let names: Vec<String> = self
                .tags
                .iter()
                .filter(|(k, v)| k == key && safe_url(v).is_none())
                .flat_map(|(_, v)| split_names(v))
                .collect();
            (!names.is_empty()).then_some(Found { value: names, from })
        })
    }

    fn url(&self) -> Option<Found<String>> {
        if let Some(url) = &self.canonical {
            return Some(Found {
                value: url.clone(),
                from: "canonical link",
            });
        }
        if let Some(url) = self.tag("og:url").and_then(safe_url) {
            return Some(Found {
                value: url,
                from: "Open Graph og:url",
            });
        }
        let from_json = self.article_field("url").or_else(|| {
            self.article_field("mainEntityOfPage")
                .and_then(|m| m.get("@id").or(Some(m)))
        });
        from_json
            .and_then(json_text)
            .and_then(|u| safe_url(&u))
            .map(|value| Found {
                value,
                from: "JSON-LD url",
            })
    }

    fn language(&self) -> Option<Found<String>> {
        if let Some(lang) = &self.lang {
            return Some(Found {
                value: lang.clone(),
                from: "<html lang>",
            });
        }
        if let Some(lang) = self.article_field("inLanguage").and_then(json_text) {
            return Some(Found {
                value: lang,
                from: "JSON-LD inLanguage",
            });
        }
        if let Some(lang) = self.tag("content-language") {
            return Some(Found {
                value: lang.to_string(),
                from: "meta content-language",
            });
        }
        self.tag("og:locale").map(|l| Found {
            value: l.replace('_', "-"),
            from: "Open Graph og:locale",
        })
    }

    /// The name of a JSON-LD person or organisation: a string, an object with a `name`, or
    /// a reference `{"@id": …}` to an object elsewhere on the page.
    fn name_of(&self, value: &Value) -> Option<String> {
        match value {
            Value::String(s) => {
                Some(collapse(s)).filter(|s| !s.is_empty() && safe_url(s).is_none())
            }
            Value::Object(map) => {
                if let Some(name) = map.get("name").and_then(json_text) {
                    return Some(name);
                }
                let id = map.get("@id")?.as_str()?;
                self.objects
                    .iter()
                    .find(|o| o.get("@id").and_then(Value::as_str) == Some(id))
                    .and_then(|o| o.get("name"))
                    .and_then(json_text)
            }
            Value::Array(items) => items.first().and_then(|i| self.name_of(i)),
            _ => None,
        }
    }
}

/// Every object of a JSON-LD block: the block itself, the items of an array, and the
/// members of an `@graph`.
fn flatten_json_ld(value: Value, into: &mut Vec<Value>) {
    match value {
        Value::Array(items) => {
            for item in items {
                flatten_json_ld(item, into);
            }
        }
        Value::Object(mut map) => {
            if let Some(graph) = map.remove("@graph") {
                flatten_json_ld(graph, into);
            }
            if map.keys().any(|k| k != "@context") {
                into.push(Value::Object(map));
            }
        }
        _ => {}
    }
}

/// Whether a JSON-LD object's `@type` (a string or a list) is one of `types`.
fn has_type(object: &Value, types: &[&str]) -> bool {
    let matches = |t: &Value| {
        t.as_str().is_some_and(|t| {
            let t = t.rsplit('/').next().unwrap_or(t);
            types.contains(&t)
        })
    };
    match object.get("@type") {
        Some(Value::Array(list)) => list.iter().any(matches),
        Some(t) => matches(t),
        None => false,
    }
}

/// A JSON-LD value as text, white space collapsed; `None` for empty or non-text values.
fn json_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(collapse(s)).filter(|s| !s.is_empty()),
        Value::Array(items) => items.iter().find_map(json_text),
        _ => None,
    }
}

/// A date as pages write it in metadata: ISO 8601, with or without a time, fractional
/// seconds or zone; else the `YYYY-MM-DD` it starts with.
fn parse_date(text: &str) -> Option<Published> {
    let text = text.trim();
    Published::parse(text)
        .or_else(|| {
            let day = text.get(..10)?;
            NaiveDate::parse_from_str(day, "%Y-%m-%d")
                .ok()
                .map(|date| Published { date, time: None })
        })
        .or_else(|| {
            // "Tue, 12 Mar 2019 10:00:00 GMT", as some older pages write their meta dates.
            chrono::DateTime::parse_from_rfc2822(text)
                .ok()
                .map(|moment| Published {
                    date: moment.date_naive(),
                    time: Some(moment.time()),
                })
        })
        .or_else(|| written_date(text))
}

/// Where pages show the day a story was published: bylines, date and time elements.
const SHOWN_DATE: &str = "article time, [class*=byline], [class*=dateline], [class*=publish], \
    [class*=date], [class*=timestamp], [class*=meta] time";

/// A day written in words and figures: "March 12, 2019", "Mar. 12 2019", "12 March 2019".
static WRITTEN_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:(?P<m1>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? (?P<d1>\d{1,2})(?:st|nd|rd|th)?,? (?P<y1>(?:19|20)\d\d)|(?P<d2>\d{1,2})(?:st|nd|rd|th)?\.? (?P<m2>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,? (?P<y2>(?:19|20)\d\d))\b",
    )
    .expect("a valid pattern")
});

/// The first day written in words and figures in `text`.
fn written_date(text: &str) -> Option<Published> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let found = WRITTEN_DATE.captures(text)?;
    let month_name = found
        .name("m1")
        .or(found.name("m2"))?
        .as_str()
        .to_lowercase();
    let month = MONTHS.iter().position(|m| *m == month_name)? as u32 + 1;
    let day = found
        .name("d1")
        .or(found.name("d2"))?
        .as_str()
        .parse()
        .ok()?;
    let year = found
        .name("y1")
        .or(found.name("y2"))?
        .as_str()
        .parse()
        .ok()?;
    NaiveDate::from_ymd_opt(year, month, day).map(|date| Published { date, time: None })
}

/// A day in an address: `/2025/11/26/`, `/2025-11-26/`, `-20251126`.
static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"[/_-](?P<y>(?:19|20)\d\d)(?:[/-](?P<m>\d{1,2})[/-](?P<d>\d{1,2})|(?P<m2>[01]\d)(?P<d2>[0-3]\d))(?:[/_.?#-]|$)",
    )
    .expect("address date pattern")
});

/// The publication day written in an article's address, if it holds a real calendar date.
pub fn date_in_address(url: &str) -> Option<Published> {
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = &path[path.find('/').unwrap_or(path.len())..];
    URL_DATE.captures_iter(path).find_map(|found| {
        let year = found.name("y")?.as_str().parse().ok()?;
        let month = found
            .name("m")
            .or(found.name("m2"))?
            .as_str()
            .parse()
            .ok()?;
        let day = found
            .name("d")
            .or(found.name("d2"))?
            .as_str()
            .parse()
            .ok()?;
        NaiveDate::from_ymd_opt(year, month, day).map(|date| Published { date, time: None })
    })
}

/// Names from a `<meta>` author value: `A, B and C` is three people.
fn split_names(value: &str) -> Vec<String> {
    value
        .split([',', ';', '|'])
        .flat_map(|part| part.split(" and "))
        .map(|name| collapse(name.trim_start_matches("By ").trim_start_matches("by ")))
        .filter(|name| !name.is_empty())
        .collect()
}

/// A `<title>` without the site's name after a separator (`Headline | Outlet`): the part
/// before it when what follows is the outlet, or when it is the page's `<h1>`.
fn strip_site_name<'a>(title: &'a str, outlet: Option<&str>, h1: Option<&str>) -> &'a str {
    for separator in [" | ", " - ", " – ", " — ", " :: ", " · "] {
        if let Some((head, tail)) = title.rsplit_once(separator) {
            let head = head.trim();
            let is_outlet = outlet.is_some_and(|o| tail.trim().eq_ignore_ascii_case(o.trim()));
            if !head.is_empty() && (is_outlet || h1 == Some(head)) {
                return head;
            }
        }
    }
    title
}

/// The body without a first heading that repeats the title: the page shows the headline
/// above the article, and the source's page shows the title already.
fn without_headline(body: String, title: Option<&str>) -> String {
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
fn without_lead_furniture(body: String, title: Option<&str>, authors: &[String]) -> String {
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
fn only_repeats(fragment: &str, title: &str) -> bool {
    let title = collapse(title);
    let text: String = Html::parse_fragment(fragment)
        .root_element()
        .text()
        .collect();
    !title.is_empty() && collapse(&text.replace(&title, " ")).is_empty()
}

/// White space runs made single spaces, ends trimmed.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("selectors in this file are valid")
}

/// Block tags kept as they are.
const BLOCKS: &[&str] = &[
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "ul",
    "ol",
    "li",
    "blockquote",
    "pre",
];

/// Tags dropped with everything inside them: not text a reader of the article reads.
const DROPPED: &[&str] = &[
    "script",
    "style",
    "iframe",
    "object",
    "embed",
    "noscript",
    "template",
    "svg",
    "math",
    "form",
    "button",
    "input",
    "select",
    "textarea",
    "figure",
    "figcaption",
    "video",
    "audio",
    "canvas",
    "picture",
    "head",
    "title",
    "meta",
    "link",
    "nav",
    "aside",
    "footer",
    "dialog",
];

/// Rebuilds extracted HTML into the fragment [`Page::body`] describes: only whitelisted
/// tags, no attributes but a safe `href` and a numeric `start`, text escaped.
fn clean_fragment(html: &str) -> String {
    let fragment = Html::parse_fragment(html);
    let mut writer = Writer::default();
    writer.children(fragment.root_element());
    writer.close_implicit();
    writer.out
}

#[derive(Debug, Default)]
struct Writer {
    out: String,
    /// Block tags open, innermost last.
    open: Vec<&'static str>,
    /// A `<p>` or `<li>` this writer opened around loose text, still open.
    implicit: Option<&'static str>,
}

impl Writer {
    fn children(&mut self, element: ElementRef<'_>) {
        for child in element.children() {
            match child.value() {
                Node::Text(text) => self.text(text),
                Node::Element(_) => {
                    if let Some(child) = ElementRef::wrap(child) {
                        self.element(child);
                    }
                }
                _ => {}
            }
        }
    }

    fn element(&mut self, element: ElementRef<'_>) {
        let name = element.value().name();
        if DROPPED.contains(&name) || is_hidden(element) {
            return;
        }
        if let Some(&block) = BLOCKS.iter().find(|b| **b == name) {
            self.block(block, element);
            return;
        }
        // Inline styling around blocks cannot be written as nested tags: the blocks are
        // kept and the styling is let go.
        let wraps_blocks = element
            .descendants()
            .filter_map(ElementRef::wrap)
            .any(|d| BLOCKS.contains(&d.value().name()) || d.value().name() == "tr");
        match name {
            "br" => {
                self.before_inline();
                self.out.push_str("<br>");
            }
            "img" => {
                // An image that is all of its link keeps its description as the link's text.
                let alone = element
                    .parent()
                    .and_then(ElementRef::wrap)
                    .is_some_and(|p| {
                        p.value().name() == "a" && p.text().all(|t| t.trim().is_empty())
                    });
                if let Some(alt) = element.value().attr("alt").filter(|_| alone) {
                    self.text(alt);
                }
            }
            "a" if !wraps_blocks => match element.value().attr("href").and_then(safe_url) {
                Some(href) => {
                    self.before_inline();
                    self.out.push_str("<a href=\"");
                    self.out.push_str(&escape(&href));
                    self.out.push_str("\">");
                    self.children(element);
                    self.out.push_str("</a>");
                }
                None => self.children(element),
            },
            "em" | "i" if !wraps_blocks => self.inline("em", element),
            "strong" | "b" if !wraps_blocks => self.inline("strong", element),
            "code" | "kbd" | "samp" | "tt" if !wraps_blocks => self.inline("code", element),
            "tr" => {
                // A table row reads as a line of its cells.
                self.close_implicit();
                let cells: Vec<String> = element
                    .child_elements()
                    .map(|cell| collapse(&cell.text().collect::<String>()))
                    .filter(|cell| !cell.is_empty())
                    .collect();
                if !cells.is_empty() {
                    self.before_inline();
                    self.out.push_str(&escape(&cells.join(" | ")));
                    self.close_implicit();
                }
            }
            _ => self.children(element),
        }
    }

    fn block(&mut self, name: &'static str, element: ElementRef<'_>) {
        self.close_implicit();
        // A list item outside a list is given one.
        if name == "li" && !matches!(self.open.last(), Some(&("ul" | "ol"))) {
            self.out.push_str("<ul>");
            self.open.push("ul");
            self.block("li", element);
            self.open.pop();
            self.out.push_str("</ul>");
            return;
        }
        self.out.push('<');
        self.out.push_str(name);
        if name == "ol"
            && let Some(start) = element
                .value()
                .attr("start")
                .and_then(|s| s.trim().parse::<u64>().ok())
        {
            self.out.push_str(&format!(" start=\"{start}\""));
        }
        self.out.push('>');
        self.open.push(name);
        self.children(element);
        self.close_implicit();
        self.open.pop();
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push('>');
    }

    fn inline(&mut self, tag: &str, element: ElementRef<'_>) {
        self.before_inline();
        self.out.push('<');
        self.out.push_str(tag);
        self.out.push('>');
        self.children(element);
        self.out.push_str("</");
        self.out.push_str(tag);
        self.out.push('>');
    }

    fn text(&mut self, text: &str) {
        if text.trim().is_empty() && !self.accepts_inline() {
            return;
        }
        self.before_inline();
        self.out.push_str(&escape(text));
    }

    /// Whether the innermost open block takes text (a list or quote does not directly).
    fn accepts_inline(&self) -> bool {
        self.implicit.is_some()
            || matches!(
                self.open.last(),
                Some(&("p" | "li" | "pre" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"))
            )
    }

    /// Opens a paragraph (an item, in a list) around loose inline content.
    fn before_inline(&mut self) {
        if self.accepts_inline() {
            return;
        }
        let tag = if matches!(self.open.last(), Some(&("ul" | "ol"))) {
            "li"
        } else {
            "p"
        };
        self.out.push('<');
        self.out.push_str(tag);
        self.out.push('>');
        self.implicit = Some(tag);
    }

    fn close_implicit(&mut self) {
        if let Some(tag) = self.implicit.take() {
            self.out.push_str("</");
            self.out.push_str(tag);
            self.out.push('>');
        }
    }
}

/// Whether an element is hidden from readers by its own attributes.
fn is_hidden(element: ElementRef<'_>) -> bool {
    let value = element.value();
    value.attr("hidden").is_some()
        || value
            .attr("aria-hidden")
            .is_some_and(|v| v.trim() == "true")
        || value.attr("style").is_some_and(|s| {
            let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
            let s = s.to_ascii_lowercase();
            s.contains("display:none") || s.contains("visibility:hidden")
        })
}

/// Text escaped for HTML text and attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// Words of a clean fragment, and how many of them are link text.
#[derive(Debug, Default)]
struct TextStats {
    words: usize,
    link_words: usize,
}

fn text_stats(fragment: &str) -> TextStats {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A page around `head` and an article `body` long enough to be read as one.
    fn page(head: &str, body: &str) -> String {
        format!(
            "<!DOCTYPE html><html><head>{head}</head><body><nav><a href=\"/\">Home</a> \
             <a href=\"/news\">News</a></nav><main><article><h1>Headline</h1>{body}\
             <p>The council met on Tuesday to discuss the plan for the harbour and agreed to \
             spend more on repairs than it had set aside in the spring budget.</p>\
             <p>Residents will be asked for their views at a meeting in the library next \
             month, the council said in a statement after the vote.</p></article></main>\
             <footer>Copyright the outlet</footer></body></html>"
        )
    }

    fn read_ok(html: &str) -> Page {
        match read(html) {
            Ok(page) => page,
            Err(e) => panic!("page not read: {e}"),
        }
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn json_ld_article_gives_every_field() {
        let html = page(
            r#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
            "headline":"Bridge to close","datePublished":"2025-11-26T07:45:00+00:00",
            "author":[{"@type":"Person","name":"Maren Holt"},"Tom Reyes"],
            "publisher":{"@type":"Organization","name":"The Courier"},"inLanguage":"en-GB",
            "url":"https://courier.example/bridge"}</script>
            <meta property="og:title" content="Other title">"#,
            "",
        );
        let page = read_ok(&html);
        assert_eq!(
            page.title,
            Some(Found {
                value: "Bridge to close".into(),
                from: "JSON-LD headline"
            })
        );
        let date = page.date.as_ref().map(|d| (d.value.date, d.from));
        assert_eq!(date, Some((day(2025, 11, 26), "JSON-LD datePublished")));
        assert_eq!(
            page.authors,
            Some(Found {
                value: vec!["Maren Holt".into(), "Tom Reyes".into()],
                from: "JSON-LD author"
            })
        );
        assert_eq!(
            page.outlet.map(|o| (o.value, o.from)),
            Some(("The Courier".into(), "JSON-LD publisher.name"))
        );
        assert_eq!(
            page.language.map(|l| (l.value, l.from)),
            Some(("en-GB".into(), "JSON-LD inLanguage"))
        );
        assert_eq!(
            page.url.map(|u| (u.value, u.from)),
            Some(("https://courier.example/bridge".into(), "JSON-LD url"))
        );
    }

    #[test]
    fn json_ld_in_a_graph_or_an_array_with_references() {
        let graph = page(
            r##"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
            {"@type":"WebSite","@id":"#site","name":"Site"},
            {"@type":["ReportageNewsArticle"],"headline":"In the graph","author":{"name":"Lea"},
             "publisher":{"@id":"#org"},"datePublished":"2025-10-14"},
            {"@type":"Organization","@id":"#org","name":"Talblick"}]}</script>"##,
            "",
        );
        let page = read_ok(&graph);
        assert_eq!(page.title.map(|t| t.value), Some("In the graph".into()));
        assert_eq!(page.outlet.map(|o| o.value), Some("Talblick".into()));
        assert_eq!(page.authors.map(|a| a.value), Some(vec!["Lea".to_string()]));

        let array = page_with_array();
        assert_eq!(
            read_ok(&array).title.map(|t| t.value),
            Some("In the array".into())
        );
    }

    fn page_with_array() -> String {
        page(
            r#"<script type="application/ld+json">[{"@type":"BreadcrumbList"},
            {"@type":"Article","headline":"In the array"}]</script>"#,
            "",
        )
    }

    #[test]
    fn open_graph_and_article_meta_tags() {
        let html = page(
            r#"<meta property="og:title" content="OG headline">
            <meta property="og:site_name" content="Le Veilleur">
            <meta property="og:url" content="https://veilleur.example/a_42">
            <meta property="og:locale" content="fr_FR">
            <meta property="article:published_time" content="2025-05-02T09:12:00+02:00">
            <meta property="article:author" content="https://veilleur.example/profil/cf">
            <meta property="article:author" content="Camille Fabre">"#,
            "",
        );
        let page = read_ok(&html);
        assert_eq!(page.title.map(|t| t.from), Some("Open Graph og:title"));
        assert_eq!(
            page.outlet.map(|o| (o.value, o.from)),
            Some(("Le Veilleur".into(), "Open Graph og:site_name"))
        );
        assert_eq!(
            page.url.map(|u| (u.value, u.from)),
            Some(("https://veilleur.example/a_42".into(), "Open Graph og:url"))
        );
        assert_eq!(
            page.language.map(|l| (l.value, l.from)),
            Some(("fr-FR".into(), "Open Graph og:locale"))
        );
        let date = page.date.map(|d| (d.value.date, d.from));
        assert_eq!(date, Some((day(2025, 5, 2), "meta article:published_time")));
        assert_eq!(
            page.authors,
            Some(Found {
                value: vec!["Camille Fabre".into()],
                from: "meta article:author"
            })
        );
    }

    #[test]
    fn other_common_meta_tags() {
        let html = page(
            r#"<meta name="author" content="Dana Whitfield, Oren Castillo">
            <meta name="parsely-pub-date" content="2025-09-08T21:30:00Z">
            <meta name="DC.publisher" content="Riverina Daily">"#,
            "",
        );
        let page = read_ok(&html);
        assert_eq!(
            page.authors.map(|a| (a.value, a.from)),
            Some((
                vec!["Dana Whitfield".to_string(), "Oren Castillo".to_string()],
                "meta author"
            ))
        );
        assert_eq!(page.date.map(|d| d.from), Some("meta parsely-pub-date"));
        assert_eq!(page.outlet.map(|o| o.from), Some("meta dc.publisher"));

        let dc = read_ok(&page_head(
            r#"<meta name="DC.date.issued" content="2025-11-20">"#,
        ));
        assert_eq!(
            dc.date.map(|d| (d.value.date, d.from)),
            Some((day(2025, 11, 20), "meta dc.date.issued"))
        );
        let plain = read_ok(&page_head(r#"<meta name="date" content="2025-04-19">"#));
        assert_eq!(plain.date.map(|d| d.from), Some("meta date"));
    }

    fn page_head(head: &str) -> String {
        page(head, "")
    }

    #[test]
    fn markup_time_canonical_lang_and_title() {
        let html = page(
            r#"<title>Water eased | Riverina Daily</title>
            <meta name="dc.publisher" content="Riverina Daily">
            <link rel="canonical" href="https://riverina.example/water">"#,
            r#"<p><time datetime="2025-11-20T06:00:00+10:00">20 November</time></p>"#,
        )
        .replace("<html>", "<html lang=\"en-AU\">");
        let page = read_ok(&html);
        assert_eq!(
            page.title.map(|t| (t.value, t.from)),
            Some(("Water eased".into(), "<title>"))
        );
        let date = page.date.map(|d| (d.value.date, d.from));
        assert_eq!(date, Some((day(2025, 11, 20), "<time datetime>")));
        assert_eq!(page.url.map(|u| u.from), Some("canonical link"));
        assert_eq!(
            page.language.map(|l| (l.value, l.from)),
            Some(("en-AU".into(), "<html lang>"))
        );
    }

    #[test]
    fn a_date_in_the_address_is_the_last_resort() {
        let html =
            page_head(r#"<link rel="canonical" href="https://notes.example/2024/03/14/count/">"#);
        let date = read_ok(&html).date.map(|d| (d.value.date, d.from));
        assert_eq!(date, Some((day(2024, 3, 14), "date in the address")));

        let found = |u: &str| date_in_address(u).map(|p| p.date);
        assert_eq!(
            found("https://a.example/news/2025-11-26/story"),
            Some(day(2025, 11, 26))
        );
        assert_eq!(
            found("https://a.example/reportajes/pozos-20250419"),
            Some(day(2025, 4, 19))
        );
        assert_eq!(found("https://a.example/2025/1/5/x"), Some(day(2025, 1, 5)));
        assert_eq!(found("https://a.example/story/2025/13/40/x"), None);
        assert_eq!(
            found("https://20251126.example/story"),
            None,
            "not in the host"
        );
        assert_eq!(found("https://a.example/article-1234567"), None);

        let meta_wins = page_head(
            r#"<link rel="canonical" href="https://notes.example/2024/03/14/count/">
            <meta name="date" content="2024-03-15">"#,
        );
        assert_eq!(read_ok(&meta_wins).date.map(|d| d.from), Some("meta date"));
    }

    #[test]
    fn older_pages_date_themselves_with_microdata_mail_dates_or_a_byline() {
        let date = |head: &str, body: &str| {
            read_ok(&page(head, body))
                .date
                .map(|d| (d.value.date, d.from))
        };
        assert_eq!(
            date(
                "",
                r#"<span itemprop="datePublished" content="2019-03-12T08:00:00+0000"></span>"#
            ),
            Some((day(2019, 3, 12), "itemprop=datePublished"))
        );
        assert_eq!(
            date(
                r#"<meta name="date" content="Tue, 12 Mar 2019 10:00:00 GMT">"#,
                ""
            ),
            Some((day(2019, 3, 12), "meta date"))
        );
        assert_eq!(
            date(
                "",
                r#"<div class="article-byline">By Ana Ruiz | March 12, 2019</div>"#
            ),
            Some((day(2019, 3, 12), "the date shown with the byline"))
        );
        assert_eq!(
            date("", r#"<p class="dateline">12th March 2019</p>"#),
            Some((day(2019, 3, 12), "the date shown with the byline"))
        );
        // The address is surer than a date shown on the page, which may be the day it was
        // saved or updated.
        assert_eq!(
            date(
                r#"<link rel="canonical" href="https://notes.example/2019/03/11/count/">"#,
                r#"<div class="date">Updated March 14, 2019</div>"#
            ),
            Some((day(2019, 3, 11), "date in the address"))
        );
    }

    #[test]
    fn lines_before_the_first_sentence_that_are_no_part_of_it_are_left_out() {
        let authors = ["Ana Ruiz".to_string()];
        let fragment = "<p>Ferry strike ends – live updates</p><p>12 March 2025 · Ana Ruiz</p>\
            <p>Posted in</p><p>Transport</p>\
            <p>The ferry crews voted on Monday to end their strike after the operator raised \
            its pay offer.</p><p>By then most routes had been shut for a week.</p>";
        let kept =
            without_lead_furniture(fragment.to_string(), Some("Ferry strike ends"), &authors);
        assert!(kept.starts_with("<p>The ferry crews voted"), "{kept}");
        // Lines after the first sentence stay, whatever they look like.
        assert!(kept.contains("By then most routes"), "{kept}");
        // A short opening that is the story's own stays.
        let own = "<p>Ferries run again.</p><p>The crews voted on Monday to end their strike.</p>";
        assert_eq!(
            without_lead_furniture(own.to_string(), Some("Strike over"), &authors),
            own
        );
    }

    #[test]
    fn boilerplate_is_left_out() {
        let html = page(
            "",
            r#"<div class="share-bar"><a href="https://facebook.com/share">Share on Facebook</a></div>
            <figure><img src="a.jpg" alt="A bridge"><figcaption>The bridge in 1931.</figcaption></figure>
            <p>The bridge will close for six weeks from March while engineers replace the
            bearings that let it turn, the county council said.</p>
            <aside class="related"><h3>Read more</h3><ul><li><a href="/x">Ferry fares rise</a></li></ul></aside>"#,
        )
        .replace(
            "<body>",
            r#"<body><div class="cookie-banner"><p>We use cookies to improve your experience. Accept all?</p></div>"#,
        )
        .replace(
            "</main>",
            r#"<section class="comments"><h2>Comments</h2><div class="comment"><p>Six weeks? It will be six months.</p></div></section></main>"#,
        );
        let body = read_ok(&html).body;
        assert!(body.contains("bearings that let it turn"), "{body}");
        for gone in [
            "Share on Facebook",
            "1931",
            "Ferry fares",
            "cookies",
            "six months",
            "Copyright",
            "News",
        ] {
            assert!(!body.contains(gone), "{gone} left in {body}");
        }
    }

    #[test]
    fn a_hostile_page_leaves_nothing_active_in_the_body() {
        let html = page(
            r#"<style>p{color:red}</style><script>document.cookie="x"</script>"#,
            r#"<p onclick="alert(1)">Text with <a href="javascript:alert(2)">a bad link</a>,
            <a href="https://example.com/ok" onmouseover="alert(3)">a good one</a>,
            <img src="x" onerror="alert(4)"> an image, and <script>alert(5)</script> more.</p>
            <iframe src="https://evil.example/"></iframe><object data="x.swf"></object>
            <p style="display:none">Hidden words</p>
            <p><a href="data:text/html;base64,PHNjcmlwdD4=">data link</a> and
            <a href="vbscript:msgbox(1)">vb link</a>.</p>
            <svg><script>alert(6)</script></svg>"#,
        );
        let body = read_ok(&html).body;
        let lower = body.to_ascii_lowercase();
        for banned in [
            "<script",
            "<style",
            "<iframe",
            "<object",
            "<svg",
            "<img",
            "onclick",
            "onerror",
            "onmouseover",
            "javascript:",
            "data:",
            "vbscript:",
            "alert(",
            "style=",
        ] {
            assert!(!lower.contains(banned), "{banned} left in {body}");
        }
        assert!(
            body.contains("<a href=\"https://example.com/ok\">a good one</a>"),
            "{body}"
        );
        assert!(
            body.contains("a bad link"),
            "the text of a refused link stays: {body}"
        );
        let tags = Regex::new(r"<\s*/?\s*([a-zA-Z0-9]+)([^>]*)>").expect("tag pattern");
        for tag in tags.captures_iter(&body) {
            let name = &tag[1];
            assert!(
                [BLOCKS, &["a", "em", "strong", "code", "br"]]
                    .concat()
                    .contains(&name),
                "tag {name} in {body}"
            );
            let attributes = tag[2].trim();
            assert!(
                attributes.is_empty()
                    || attributes.starts_with("href=\"https://")
                    || attributes.starts_with("start="),
                "attributes {attributes} in {body}"
            );
        }
    }

    #[test]
    fn headings_lists_quotes_and_links_are_kept() {
        let html = page(
            "",
            r#"<h2>What changes</h2><ul><li>The bridge closes to cars from March.</li>
            <li>Buses go via the ring road.</li></ul><blockquote><p>We understand the
            frustration of everyone who crosses it.</p></blockquote>
            <p>See <a href="https://council.example/bridge">the plan</a> with <b>three</b> <i>phases</i>.</p>"#,
        );
        let body = read_ok(&html).body;
        for kept in [
            "<h2>What changes</h2>",
            "<li>The bridge closes to cars from March.</li>",
            "<blockquote><p>We understand",
            "<a href=\"https://council.example/bridge\">the plan</a>",
            "<strong>three</strong>",
            "<em>phases</em>",
        ] {
            assert!(body.contains(kept), "{kept} missing from {body}");
        }
    }

    #[test]
    fn the_fixture_pages_read_as_expected() {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages");
        let expected: Value = std::fs::read_to_string(folder.join("expected.json"))
            .ok()
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default();
        let Some(pages) = expected.as_object() else {
            panic!("tests/fixtures/pages/expected.json is missing or not an object");
        };
        let pair =
            |found: Option<(Value, &str)>| found.map(|(v, f)| Value::from(vec![v, Value::from(f)]));
        let mut checked = 0;
        let mut wrong = Vec::new();
        for (name, want) in pages.iter().filter(|(name, _)| name.ends_with(".html")) {
            let html = std::fs::read_to_string(folder.join(name)).unwrap_or_default();
            let page = match read(&html) {
                Ok(page) => page,
                Err(e) => {
                    assert_eq!(
                        want.get("error").and_then(Value::as_str),
                        Some(e.to_string().split(':').next().unwrap_or("")),
                        "{name}: {e}"
                    );
                    checked += 1;
                    continue;
                }
            };
            assert!(want.get("error").is_none(), "{name} read as an article");
            let got = [
                (
                    "title",
                    pair(page.title.map(|f| (Value::from(f.value), f.from))),
                ),
                (
                    "date",
                    pair(page.date.map(|f| (Value::from(f.value.iso_date()), f.from))),
                ),
                (
                    "outlet",
                    pair(page.outlet.map(|f| (Value::from(f.value), f.from))),
                ),
                (
                    "authors",
                    pair(page.authors.map(|f| (Value::from(f.value), f.from))),
                ),
                (
                    "url",
                    pair(page.url.map(|f| (Value::from(f.value), f.from))),
                ),
                (
                    "language",
                    pair(page.language.map(|f| (Value::from(f.value), f.from))),
                ),
            ];
            for (field, value) in got {
                let value = value.unwrap_or(Value::Null);
                if value != want[field] {
                    wrong.push(format!("{name}: {field} is {value}, not {}", want[field]));
                }
            }
            checked += 1;
            if want.get("extractor_misses").is_some() {
                continue;
            }
            let text = collapse(
                &Html::parse_fragment(&page.body)
                    .root_element()
                    .text()
                    .collect::<String>(),
            );
            let starts = want["body_starts"].as_str().unwrap_or_default();
            let ends = want["body_ends"].as_str().unwrap_or_default();
            if !text.starts_with(starts) {
                let head: String = text.chars().take(80).collect();
                wrong.push(format!("{name}: body starts {head}"));
            }
            if !text.ends_with(ends) {
                let tail: String = text
                    .chars()
                    .rev()
                    .take(80)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                wrong.push(format!("{name}: body ends {tail}"));
            }
            for lack in want["body_lacks"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
            {
                if page.body.contains(lack) || text.contains(lack) {
                    wrong.push(format!("{name}: body holds {lack}"));
                }
            }
        }
        assert_eq!(checked, 11);
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn inert_elements_are_cut_before_parsing() {
        let html = "<p>a</p><SCRIPT src=x>var s = '</p>';</script ><style>p{}</style><!-- c <p>x</p> -->\
                    <script type=\"application/ld+json\">{\"@type\":\"Article\"}</script><svg><g/></svg><p>b</p>";
        assert_eq!(
            strip_inert(html),
            "<p>a</p><script type=\"application/ld+json\">{\"@type\":\"Article\"}</script><p>b</p>"
        );
        assert_eq!(strip_inert("<p>open <script>never closed"), "<p>open ");
        assert_eq!(
            strip_inert("<scripts>kept</scripts>"),
            "<scripts>kept</scripts>"
        );
    }

    #[test]
    fn a_list_of_links_is_not_an_article() {
        let collection = page_head(
            r#"<script type="application/ld+json">{"@type":"CollectionPage","name":"Politics"}</script>"#,
        );
        assert!(matches!(
            read(&collection),
            Err(PageError::NotAnArticle { .. })
        ));
        let links: String = (0..40)
            .map(|i| {
                format!(
                    "<li><a href=\"https://a.example/{i}\">Story number {i} of the day</a></li>"
                )
            })
            .collect();
        let front = format!("<html><body><main><ul>{links}</ul></main></body></html>");
        assert!(matches!(read(&front), Err(PageError::NotAnArticle { .. })));
    }

    #[test]
    fn empty_and_oversized_pages_are_refused() {
        assert_eq!(
            read("<html><body><nav><a href=\"/\">Home</a></nav></body></html>"),
            Err(PageError::Empty)
        );
        let big = "x".repeat(MAX_PAGE_BYTES + 1);
        assert!(matches!(read(&big), Err(PageError::TooLarge { .. })));
        let markup = format!("<p>{}</p>", "word ".repeat(MAX_MARKUP_BYTES / 5 + 1));
        assert!(matches!(read(&markup), Err(PageError::TooLarge { .. })));
        // Scripts do not count towards the markup limit.
        let scripted = page(
            "",
            &format!("<script>{}</script>", "x".repeat(MAX_MARKUP_BYTES)),
        );
        assert!(read(&scripted).is_ok());
        for error in [PageError::Empty, PageError::NotAnArticle { reason: "r" }] {
            assert!(!error.hint().is_empty() && !error.to_string().is_empty());
        }
    }
}
