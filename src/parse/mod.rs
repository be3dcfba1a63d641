//! Stage 2, parse: a [`Source`] to its [`Block`]s, the units the rest of the pipeline reads.
//!
//! Every block holds its plain text (what dedupe compares, what annotation offsets count
//! into, what `briefing.json` exports) and the inline styling of that text as [`Mark`]s over
//! it. The renderer turns text and marks back into HTML, so nothing from a source reaches a
//! page except as escaped text or as the few tags the renderer writes itself.

pub(crate) mod html;
mod markdown;
mod plain;

use chrono::NaiveDate;

use crate::dating::InferredDate;
use crate::load::{Format, Source};

/// What kind of block a piece of text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A paragraph of prose.
    Paragraph,
    /// A heading, level 1 to 6 as written in the source.
    Heading(u8),
    /// An item of a list.
    ListItem {
        /// Numbered list or bullets.
        ordered: bool,
        /// The item's number in a numbered list.
        number: Option<u64>,
        /// 0 for a top-level list, 1 for a list inside it, and so on.
        depth: u8,
    },
    /// A paragraph inside a block quote.
    Quote,
    /// Preformatted text: a code block, or raw HTML shown as written.
    Code,
}

impl BlockKind {
    /// Whether the block is prose that can repeat across sources (not a heading or code).
    pub fn is_prose(self) -> bool {
        matches!(
            self,
            BlockKind::Paragraph | BlockKind::ListItem { .. } | BlockKind::Quote
        )
    }
}

/// Inline styling over a range of a block's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Style {
    /// `*emphasis*`.
    Emphasis,
    /// `**strong**`.
    Strong,
    /// `~~struck~~`.
    Strikethrough,
    /// `` `code` ``.
    Code,
    /// A link, or an image shown as its description. `href` is `None` when the target was
    /// not a web or mail address (a `javascript:` URL, a relative path): the text stays,
    /// the link goes.
    Link {
        /// The target, an `http`, `https` or `mailto` URL.
        href: Option<String>,
    },
}

/// A style over the byte range `start..end` of a block's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    /// First byte.
    pub start: usize,
    /// Byte after the last.
    pub end: usize,
    /// What the range is.
    pub style: Style,
}

/// One block of a source: its plain text and how that text is styled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// Paragraph, heading, list item, quote or code.
    pub kind: BlockKind,
    /// The text as a reader sees it (Markdown syntax removed, line breaks inside a paragraph
    /// made spaces, `\n` for a hard break).
    pub text: String,
    /// Inline styles over `text`, properly nested, in order of their start.
    pub marks: Vec<Mark>,
    /// The line of the source file on which the block starts.
    pub line: usize,
}

/// A source and the blocks of its text.
#[derive(Debug, Clone)]
pub struct Document {
    /// The source as loaded.
    pub source: Source,
    /// Its blocks in reading order.
    pub blocks: Vec<Block>,
    /// When the metadata has no date: the date its text, address or original gives it
    /// (see [`crate::dating`]).
    pub inferred_date: Option<InferredDate>,
}

impl Document {
    /// The day it was published: from its metadata, else as inferred.
    pub fn date(&self) -> Option<NaiveDate> {
        self.source
            .meta
            .date
            .as_ref()
            .map(|p| p.date)
            .or(self.inferred_date.as_ref().map(|d| d.date))
    }
}

/// A block container a parser is inside of.
#[derive(Debug, Clone, Copy)]
enum Container {
    Quote,
    List { ordered: bool, next: Option<u64> },
    Item { ordered: bool, depth: u8 },
}

/// Opens a list item inside the innermost list of `containers`: its kind, numbered after
/// the item before it, at the depth of the lists around it.
fn open_item(containers: &mut Vec<Container>) -> BlockKind {
    let depth = containers
        .iter()
        .filter(|c| matches!(c, Container::List { .. }))
        .count();
    let (ordered, number) = match containers.last_mut() {
        Some(Container::List { ordered, next }) => {
            let number = *next;
            *next = next.map(|n| n + 1);
            (*ordered, number)
        }
        _ => (false, None),
    };
    let depth = u8::try_from(depth.saturating_sub(1)).unwrap_or(u8::MAX);
    containers.push(Container::Item { ordered, depth });
    BlockKind::ListItem {
        ordered,
        number,
        depth,
    }
}

impl Block {
    /// The block with its text trimmed and its marks moved to match, or `None` when no text
    /// is left. Code keeps its indentation; only the blank lines around it go.
    fn trimmed(mut self) -> Option<Block> {
        let (lead, keep) = if self.kind == BlockKind::Code {
            let body = self.text.trim_start_matches('\n');
            (self.text.len() - body.len(), body.trim_end().len())
        } else {
            let trimmed_start = self.text.trim_start();
            let lead = self.text.len() - trimmed_start.len();
            (lead, trimmed_start.trim_end().len())
        };
        if keep == 0 {
            return None;
        }
        self.text = self.text[lead..lead + keep].to_string();
        self.marks = self
            .marks
            .into_iter()
            .filter_map(|m| {
                let start = m.start.saturating_sub(lead).min(keep);
                let end = m.end.saturating_sub(lead).min(keep);
                (end > start).then_some(Mark { start, end, ..m })
            })
            .collect();
        self.marks
            .sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        Some(self)
    }
}

/// Cuts a source's text into blocks.
pub fn parse(source: Source) -> Document {
    let blocks = match source.format {
        Format::Markdown => markdown::blocks(&source.text, source.first_line),
        Format::PlainText | Format::Pdf => plain::blocks(&source.text, source.first_line),
        Format::Html => html::blocks(&source.text),
    };
    Document {
        source,
        blocks,
        inferred_date: None,
    }
}

/// The target of a link if it is safe to put on a page: an absolute `http`, `https` or
/// `mailto` URL with no white space or control characters. Anything else (`javascript:`,
/// `data:`, relative paths that would break away from their site) is refused.
pub fn safe_url(url: &str) -> Option<String> {
    let url = url.trim();
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return None;
    }
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let scheme = ["http://", "https://", "mailto:"]
        .into_iter()
        .find(|scheme| lower.starts_with(scheme))?;
    (url.len() > scheme.len()).then(|| url.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_and_mail_urls_are_kept() {
        assert_eq!(
            safe_url(" https://example.com/a?b=1 ").as_deref(),
            Some("https://example.com/a?b=1")
        );
        assert_eq!(
            safe_url("HTTP://EXAMPLE.COM").as_deref(),
            Some("HTTP://EXAMPLE.COM")
        );
        assert_eq!(
            safe_url("mailto:desk@example.com").as_deref(),
            Some("mailto:desk@example.com")
        );
        assert_eq!(safe_url("javascript:alert(1)"), None);
        assert_eq!(safe_url("JaVaScRiPt:alert(1)"), None);
        assert_eq!(safe_url("java\tscript:alert(1)"), None);
        assert_eq!(safe_url("data:text/html;base64,PHNjcmlwdD4="), None);
        assert_eq!(safe_url("/relative/path"), None);
        assert_eq!(safe_url("https://"), None);
    }
}
