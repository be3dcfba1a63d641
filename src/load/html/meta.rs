//! A page's metadata and where each field came from: JSON-LD first, then Open Graph and
//! other `<meta>` tags, then the page's own markup, and a date in its address last.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;
use serde_json::Value;
use trafilatura::dom::{Document, NodeId};

use super::{Found, collapse};
use crate::calendar;
use crate::load::Published;
use crate::parse::safe_url;

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

/// JSON-LD types of the page itself, whose date stands in for an article's that has none.
const PAGE_TYPES: &[&str] = &["WebPage", "ItemPage"];

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
    ("date_published", "meta date_published"),
    ("article.published", "meta article.published"),
    ("article_date_original", "meta article_date_original"),
    ("originalpublicationdate", "meta originalpublicationdate"),
    (
        "cxenseparse:recs:publishtime",
        "meta cxenseparse:recs:publishtime",
    ),
    ("rnews:datepublished", "meta rnews:datepublished"),
    (
        "citation_publication_date",
        "meta citation_publication_date",
    ),
    ("citation_date", "meta citation_date"),
    ("dc.date.created", "meta dc.date.created"),
    ("datecreated", "meta itemprop=dateCreated"),
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
pub(super) struct Meta {
    /// The JSON-LD object describing the article, if any.
    article: Option<Value>,
    /// All JSON-LD objects, to resolve `{"@id": …}` references.
    objects: Vec<Value>,
    /// Whether any JSON-LD object is of an article type.
    pub(super) has_article_type: bool,
    /// Whether any JSON-LD object is of a listing type.
    pub(super) has_listing_type: bool,
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
}

impl Meta {
    /// Reads the metadata of `document`, the page as the extractor parsed it, so that a
    /// page is parsed once. The dates that only the page's body may show are looked for by
    /// [`Meta::date`], when nothing before them gives one.
    pub(super) fn read(document: &Document) -> Meta {
        let page = Query(document);
        let mut meta = Meta::default();
        for script in page.all("script") {
            if !page
                .attr(script, "type")
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
            {
                continue;
            }
            if let Ok(value) = serde_json::from_str::<Value>(document.text_content(script).trim()) {
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
        for tag in page.all("meta") {
            let key = ["property", "name", "itemprop", "http-equiv"]
                .into_iter()
                .find_map(|name| page.attr(tag, name));
            if let (Some(key), Some(content)) = (key, page.attr(tag, "content")) {
                let content = collapse(&content);
                if !content.is_empty() {
                    meta.tags.push((key.trim().to_ascii_lowercase(), content));
                }
            }
        }
        meta.canonical = page
            .all("link[rel]")
            .into_iter()
            .find(|&l| {
                page.attr(l, "rel").is_some_and(|r| {
                    r.split_whitespace()
                        .any(|r| r.eq_ignore_ascii_case("canonical"))
                })
            })
            .and_then(|l| page.attr(l, "href"))
            .and_then(|href| safe_url(&href));
        meta.lang = page
            .first("html[lang]")
            .and_then(|h| page.attr(h, "lang"))
            .map(|l| collapse(&l))
            .filter(|l| !l.is_empty());
        meta.title = page
            .first("title")
            .map(|t| page.text(t))
            .filter(|t| !t.is_empty());
        meta.h1 = page
            .first("h1")
            .map(|t| page.text(t))
            .filter(|t| !t.is_empty());
        meta
    }

    pub(super) fn tag(&self, key: &str) -> Option<&str> {
        self.tags
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// The first of `keys` present, with its provenance.
    fn first_tag_found(&self, keys: &[(&str, &'static str)]) -> Option<Found<String>> {
        keys.iter()
            .find_map(|&(key, from)| found(self.tag(key).map(str::to_string), from))
    }

    fn article_field(&self, field: &str) -> Option<&Value> {
        self.article.as_ref().and_then(|a| a.get(field))
    }

    pub(super) fn title(&self, outlet: Option<&str>) -> Option<Found<String>> {
        found(
            self.article_field("headline").and_then(json_text),
            "JSON-LD headline",
        )
        .or_else(|| self.first_tag_found(TITLE_KEYS))
        .or_else(|| {
            let title = self.title.as_deref()?;
            let title = strip_site_name(title, outlet, self.h1.as_deref()).to_string();
            found(Some(title), "<title>")
        })
    }

    /// When the page was published, in order of trust: JSON-LD, meta tags, microdata, the
    /// article's `<time>`, a date in the canonical address, and last a day written out where
    /// pages show it (a byline, a dateline: "March 12, 2019"). The body of `document` is
    /// searched only when the head gives no date.
    pub(super) fn date(&self, document: &Document) -> Option<Found<Published>> {
        let date_of = |object: &Value, field: &str| {
            object
                .get(field)
                .and_then(json_text)
                .and_then(|d| parse_date(&d))
        };
        let article = self.article.as_ref();
        let json_ld = [
            ("datePublished", "JSON-LD datePublished"),
            ("dateCreated", "JSON-LD dateCreated"),
        ]
        .into_iter()
        .find_map(|(field, from)| found(article.and_then(|a| date_of(a, field)), from))
        // The page's own object (`WebPage`) when the article's says nothing.
        .or_else(|| {
            let page = self.objects.iter().filter(|o| has_type(o, PAGE_TYPES));
            page.into_iter().find_map(|o| {
                found(
                    date_of(o, "datePublished"),
                    "JSON-LD datePublished of the page",
                )
            })
        });
        if json_ld.is_some() {
            return json_ld;
        }
        let tagged = DATE_KEYS
            .iter()
            .find_map(|&(key, from)| found(self.tag(key).and_then(parse_date), from));
        if tagged.is_some() {
            return tagged;
        }
        let page = Query(document);
        let microdata = || {
            page.all("[itemprop=datePublished]")
                .into_iter()
                .find_map(|e| {
                    page.attr(e, "content")
                        .or_else(|| page.attr(e, "datetime"))
                        .or_else(|| Some(page.text(e)))
                })
        };
        let time = || {
            page.all("article time[datetime]")
                .into_iter()
                .chain(page.all("time[datetime]"))
                .find_map(|t| page.attr(t, "datetime"))
        };
        let shown = || {
            page.all(SHOWN_DATE).into_iter().take(20).find_map(|e| {
                // A machine-readable day on the element itself ("<abbr class=published
                // title=2019-03-12T08:00>"), else the day its text writes out.
                ["datetime", "content", "title"]
                    .iter()
                    .filter_map(|a| page.attr(e, a))
                    .find_map(|v| Published::parse(v.trim()))
                    .or_else(|| written_date(&page.text(e)))
            })
        };
        found(
            microdata().as_deref().and_then(parse_date),
            "itemprop=datePublished",
        )
        .or_else(|| found(time().as_deref().and_then(parse_date), "<time datetime>"))
        .or_else(|| {
            let url = self.url()?;
            found(date_in_address(&url.value), "date in the address")
        })
        .or_else(|| found(shown(), "the date shown with the byline"))
    }

    pub(super) fn outlet(&self) -> Option<Found<String>> {
        found(
            self.article_field("publisher")
                .and_then(|p| self.name_of(p)),
            "JSON-LD publisher.name",
        )
        .or_else(|| self.first_tag_found(OUTLET_KEYS))
    }

    pub(super) fn authors(&self) -> Option<Found<Vec<String>>> {
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

    pub(super) fn url(&self) -> Option<Found<String>> {
        found(self.canonical.clone(), "canonical link")
            .or_else(|| found(self.tag("og:url").and_then(safe_url), "Open Graph og:url"))
            .or_else(|| {
                let from_json = self.article_field("url").or_else(|| {
                    self.article_field("mainEntityOfPage")
                        .and_then(|m| m.get("@id").or(Some(m)))
                });
                let url = from_json.and_then(json_text).and_then(|u| safe_url(&u));
                found(url, "JSON-LD url")
            })
    }

    pub(super) fn language(&self) -> Option<Found<String>> {
        found(self.lang.clone(), "<html lang>")
            .or_else(|| {
                found(
                    self.article_field("inLanguage").and_then(json_text),
                    "JSON-LD inLanguage",
                )
            })
            .or_else(|| {
                found(
                    self.tag("content-language").map(str::to_string),
                    "meta content-language",
                )
            })
            .or_else(|| {
                found(
                    self.tag("og:locale").map(|l| l.replace('_', "-")),
                    "Open Graph og:locale",
                )
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

/// `value`, if there is one, as found at `from`.
fn found<T>(value: Option<T>, from: &'static str) -> Option<Found<T>> {
    value.map(|value| Found { value, from })
}

/// Queries on a parsed page.
#[derive(Clone, Copy)]
struct Query<'a>(&'a Document);

impl Query<'_> {
    /// The elements `css` matches, in document order.
    fn all(self, css: &str) -> Vec<NodeId> {
        self.0.query_selector_all(self.0.root(), css)
    }

    /// The first element `css` matches.
    fn first(self, css: &str) -> Option<NodeId> {
        self.0.query_selector(self.0.root(), css)
    }

    /// The value of the element's attribute `name`.
    fn attr(self, id: NodeId, name: &str) -> Option<String> {
        self.0.get_attribute(id, name)
    }

    /// The element's text, white space collapsed.
    fn text(self, id: NodeId) -> String {
        collapse(&self.0.text_content(id))
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
            // "2019-03-12 08:00", and "2019/03/12" as citation tags write it.
            let day = text.get(..10)?;
            ["%Y-%m-%d", "%Y/%m/%d"]
                .into_iter()
                .find_map(|format| NaiveDate::parse_from_str(day, format).ok())
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
const SHOWN_DATE: &str = "article time, time[pubdate], [class*=byline], [class*=dateline], \
    [class*=publish], [class*=date], [class*=timestamp], [class*=meta] time";

/// A day written in words and figures: "March 12, 2019", "Mar. 12 2019", "12 March 2019".
static WRITTEN_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:(?P<m1>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? (?P<d1>\d{1,2})(?:st|nd|rd|th)?,? (?P<y1>(?:19|20)\d\d)|(?P<d2>\d{1,2})(?:st|nd|rd|th)?\.? (?P<m2>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,? (?P<y2>(?:19|20)\d\d))\b",
    )
    .expect("a valid pattern")
});

/// The first day written in words and figures in `text`.
fn written_date(text: &str) -> Option<Published> {
    let found = WRITTEN_DATE.captures(text)?;
    let either = |a: &str, b: &str| Some(found.name(a).or(found.name(b))?.as_str());
    let (month, _) = calendar::month_word(&either("m1", "m2")?.to_lowercase())?;
    let day = either("d1", "d2")?.parse().ok()?;
    let year = either("y1", "y2")?.parse().ok()?;
    NaiveDate::from_ymd_opt(year, month, day).map(|date| Published { date, time: None })
}

/// The publication day written in an article's address (see [`date_in_address`]).
pub fn date_in_address(url: &str) -> Option<Published> {
    calendar::date_in_address(url).map(|date| Published { date, time: None })
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
