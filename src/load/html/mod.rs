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
//!
//! `meta` reads the metadata and where each field came from; `body` cuts what is never
//! article text before parsing and trims what stands before the article's first sentence;
//! `fragment` rebuilds the extracted article into the clean fragment of [`Page::body`].

mod body;
mod fragment;
mod meta;

#[cfg(test)]
mod tests;

use scraper::Selector;
use trafilatura::dom::Document;

use crate::load::{Metadata, Published};

use body::{only_repeats, strip_inert, text_stats, without_headline, without_lead_furniture};
use fragment::clean_fragment;
use meta::Meta;

pub use meta::date_in_address;

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

/// The text of a saved page that is not UTF-8, in the encoding its `<meta charset>` (or
/// `http-equiv` content type) declares within its first bytes, as a browser reads it:
/// older pages are often `windows-1252` or `iso-8859-1`. `None` when it declares none that
/// is known.
pub fn decode_declared(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(CHARSET_WITHIN)];
    let lower = head.to_ascii_lowercase();
    let at = lower.windows(8).position(|w| w == b"charset=")? + 8;
    let label: Vec<u8> = lower[at..]
        .iter()
        .skip_while(|&&b| b == b'"' || b == b'\'' || b == b' ')
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
        .copied()
        .collect();
    let encoding = encoding_rs::Encoding::for_label(&label)?;
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    Some(text.replace("\r\n", "\n").replace('\r', "\n"))
}

/// How far into a page its declared encoding is looked for (the HTML standard says 1,024
/// bytes; saved pages put a comment of the browser's before it).
const CHARSET_WITHIN: usize = 4096;

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
    let document = Document::parse(&markup);
    drop(markup);
    let meta = Meta::read(&document);
    let date = meta.date(&document);

    let mut options = trafilatura::Options::default();
    options.include_links = true;
    options.exclude_comments = true;
    // The dates are read above, with where they came from.
    options.html_date_mode = trafilatura::HtmlDateMode::Disabled;
    let extracted = trafilatura::extract_document(document, &options)
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

/// White space runs made single spaces, ends trimmed.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The selector for `css`, one of the constant selectors of this module and its children.
fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("selectors in this file are valid")
}
