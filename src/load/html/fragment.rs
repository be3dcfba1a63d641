//! The clean fragment of an article: extracted HTML rebuilt tag by tag, keeping only a
//! few harmless tags, a safe `href` and a numeric `start`, with all text escaped.

use scraper::{ElementRef, Html};

use super::collapse;
use crate::parse::html::Walk;
use crate::parse::safe_url;

/// Block tags kept as they are.
pub(super) const BLOCKS: &[&str] = &[
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

/// Rebuilds extracted HTML into the fragment [`super::Page::body`] describes: only whitelisted
/// tags, no attributes but a safe `href` and a numeric `start`, text escaped.
pub(super) fn clean_fragment(html: &str) -> String {
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

impl Walk for Writer {
    fn on_text(&mut self, text: &str) {
        self.text(text);
    }

    fn on_element(&mut self, element: ElementRef<'_>) {
        self.element(element);
    }
}

impl Writer {
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
pub(super) fn escape(text: &str) -> String {
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
