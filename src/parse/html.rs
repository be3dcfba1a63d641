//! The clean HTML fragment of a saved page (see [`crate::load::html::Page::body`]) to
//! blocks, the same blocks the Markdown equivalents give.
//!
//! White space is collapsed as a browser shows it (runs become one space, block ends are
//! trimmed; `<pre>` keeps it), and `<br>` is a `\n`. A page has no lines that mean anything
//! to a reader, so a block's `line` is its 1-based place among the blocks.

use scraper::{ElementRef, Html, Node};

use super::{Block, BlockKind, Container, Mark, Style, open_item, safe_url};

/// A walk over an HTML tree that sees its text and its elements in document order.
pub(crate) trait Walk {
    /// A run of text.
    fn on_text(&mut self, text: &str);
    /// An element, whose children the walker visits with [`Walk::children`] if it wants.
    fn on_element(&mut self, element: ElementRef<'_>);

    /// Visits the children of `element`: text and elements, comments left out.
    fn children(&mut self, element: ElementRef<'_>) {
        for child in element.children() {
            match child.value() {
                Node::Text(text) => self.on_text(text),
                Node::Element(_) => {
                    if let Some(child) = ElementRef::wrap(child) {
                        self.on_element(child);
                    }
                }
                _ => {}
            }
        }
    }
}

/// The blocks of a clean fragment, in reading order.
pub fn blocks(fragment: &str) -> Vec<Block> {
    let parsed = Html::parse_fragment(fragment);
    let mut builder = Builder::default();
    builder.children(parsed.root_element());
    builder.flush();
    let mut blocks = builder.blocks;
    for (index, block) in blocks.iter_mut().enumerate() {
        block.line = index + 1;
    }
    blocks
}

#[derive(Debug, Default)]
struct Builder {
    blocks: Vec<Block>,
    current: Option<Block>,
    containers: Vec<Container>,
    /// Inside `<pre>`: white space kept.
    pre: bool,
}

impl Walk for Builder {
    fn on_text(&mut self, text: &str) {
        self.text(text);
    }

    fn on_element(&mut self, element: ElementRef<'_>) {
        self.element(element);
    }
}

impl Builder {
    fn element(&mut self, element: ElementRef<'_>) {
        let name = element.value().name();
        match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let level = name[1..].parse().unwrap_or(1);
                self.flush();
                self.begin(BlockKind::Heading(level));
                self.children(element);
                self.flush();
            }
            "p" | "div" => {
                let reuse = self.current.as_ref().is_some_and(|b| b.text.is_empty());
                if !reuse {
                    self.flush();
                    self.begin(self.context_kind());
                }
                self.children(element);
                self.flush();
            }
            "blockquote" => {
                self.flush();
                self.containers.push(Container::Quote);
                self.children(element);
                self.flush();
                self.containers.pop();
            }
            "ul" | "ol" => {
                self.flush();
                let ordered = name == "ol";
                let start = element
                    .value()
                    .attr("start")
                    .and_then(|s| s.trim().parse().ok())
                    .unwrap_or(1);
                self.containers.push(Container::List {
                    ordered,
                    next: ordered.then_some(start),
                });
                self.children(element);
                self.flush();
                self.containers.pop();
            }
            "li" => self.item(element),
            "pre" => {
                self.flush();
                self.begin(BlockKind::Code);
                let was = self.pre;
                self.pre = true;
                self.children(element);
                self.pre = was;
                self.flush();
            }
            "br" => self.push("\n"),
            "em" | "i" => self.styled(element, Style::Emphasis),
            "strong" | "b" => self.styled(element, Style::Strong),
            "s" | "del" | "strike" => self.styled(element, Style::Strikethrough),
            "code" => self.styled(element, Style::Code),
            "a" => {
                let href = element.value().attr("href").and_then(safe_url);
                self.styled(element, Style::Link { href });
            }
            "script" | "style" | "template" => {}
            _ => self.children(element),
        }
    }

    fn item(&mut self, element: ElementRef<'_>) {
        self.flush();
        let kind = open_item(&mut self.containers);
        self.begin(kind);
        self.children(element);
        self.flush();
        self.containers.pop();
    }

    fn styled(&mut self, element: ElementRef<'_>, style: Style) {
        if self.current.is_none() {
            self.begin(self.context_kind());
        }
        let start = self.current.as_ref().map_or(0, |b| b.text.len());
        self.children(element);
        if let Some(block) = &mut self.current {
            // Collapsed white space at the end belongs outside the style.
            let end = block.text.trim_end_matches(' ').len();
            let start = start + block.text[start..end.max(start)].len()
                - block.text[start..end.max(start)]
                    .trim_start_matches(' ')
                    .len();
            if end > start {
                block.marks.push(Mark { start, end, style });
            }
        }
    }

    /// The kind of a paragraph started here: an item's continuation, a quote, or prose.
    fn context_kind(&self) -> BlockKind {
        match self.containers.last() {
            Some(Container::Item { ordered, depth }) => BlockKind::ListItem {
                ordered: *ordered,
                number: None,
                depth: *depth,
            },
            Some(Container::Quote) => BlockKind::Quote,
            _ => BlockKind::Paragraph,
        }
    }

    fn begin(&mut self, kind: BlockKind) {
        self.current = Some(Block {
            kind,
            text: String::new(),
            marks: Vec::new(),
            line: 0,
        });
    }

    /// Adds text as a browser shows it: runs of white space one space, none at a block's
    /// start or after a line break.
    fn text(&mut self, text: &str) {
        if self.pre {
            self.push(text);
            return;
        }
        if self.current.is_none() && text.trim().is_empty() {
            return;
        }
        let mut collapsed = String::with_capacity(text.len());
        let mut space = false;
        for c in text.chars() {
            if c.is_ascii_whitespace() {
                space = true;
            } else {
                if space {
                    collapsed.push(' ');
                }
                space = false;
                collapsed.push(c);
            }
        }
        if space {
            collapsed.push(' ');
        }
        self.push(&collapsed);
    }

    fn push(&mut self, text: &str) {
        if self.current.is_none() {
            self.begin(self.context_kind());
        }
        let pre = self.pre;
        if let Some(block) = &mut self.current {
            let mut text = text;
            if !pre && (block.text.is_empty() || block.text.ends_with([' ', '\n'])) {
                text = text.trim_start_matches(' ');
            }
            if text == "\n" && block.text.ends_with(' ') {
                block.text.pop();
            }
            block.text.push_str(text);
        }
    }

    /// Ends the current block: trims it, and keeps it if any text is left.
    fn flush(&mut self) {
        if let Some(block) = self.current.take().and_then(Block::trimmed) {
            self.blocks.push(block);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(ordered: bool, number: Option<u64>, depth: u8) -> BlockKind {
        BlockKind::ListItem {
            ordered,
            number,
            depth,
        }
    }

    #[test]
    fn the_same_blocks_as_the_markdown_equivalent() {
        let html = "<h1>Title</h1><p>A <em>b</em> c.</p><ul><li>one</li><li>two<ol><li>inner</li></ol></li></ul>\
                    <blockquote><p>quoted</p></blockquote><pre>x = 1\n</pre>";
        let md = "# Title\n\nA *b* c.\n\n- one\n- two\n  1. inner\n\n> quoted\n\n```\nx = 1\n```\n";
        let from_html = blocks(html);
        let from_md = super::super::markdown::blocks(md, 1);
        let strip = |bs: Vec<Block>| -> Vec<(BlockKind, String, Vec<Mark>)> {
            bs.into_iter().map(|b| (b.kind, b.text, b.marks)).collect()
        };
        assert_eq!(strip(from_html.clone()), strip(from_md));
        assert_eq!(
            from_html.iter().map(|b| b.line).collect::<Vec<_>>(),
            [1, 2, 3, 4, 5, 6, 7]
        );
    }

    #[test]
    fn white_space_collapses_like_a_browser() {
        let blocks = blocks("<p>\n  one\n   two <em> three </em>four<br>\n five  </p>");
        assert_eq!(blocks[0].text, "one two three four\nfive");
        assert_eq!(
            blocks[0].marks,
            [Mark {
                start: 8,
                end: 13,
                style: Style::Emphasis
            }]
        );
    }

    #[test]
    fn links_strong_and_code_become_marks() {
        let blocks = blocks(
            "<p><a href=\"https://example.com/a\">safe</a>, <a href=\"javascript:x()\">evil</a>, \
             <strong>bold</strong> and <code>x()</code></p>",
        );
        let b = &blocks[0];
        assert_eq!(b.text, "safe, evil, bold and x()");
        let styles: Vec<(&str, &Style)> = b
            .marks
            .iter()
            .map(|m| (&b.text[m.start..m.end], &m.style))
            .collect();
        assert_eq!(
            styles,
            [
                (
                    "safe",
                    &Style::Link {
                        href: Some("https://example.com/a".into())
                    }
                ),
                ("evil", &Style::Link { href: None }),
                ("bold", &Style::Strong),
                ("x()", &Style::Code),
            ]
        );
    }

    #[test]
    fn numbered_lists_count_from_their_start() {
        let blocks = blocks("<ol start=\"4\"><li>four</li><li><p>five</p><p>more</p></li></ol>");
        let kinds: Vec<_> = blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                item(true, Some(4), 0),
                item(true, Some(5), 0),
                item(true, None, 0)
            ]
        );
        assert_eq!(blocks[2].text, "more");
    }

    #[test]
    fn quotes_and_code_keep_their_kind() {
        let blocks =
            blocks("<blockquote>loose text<p>second</p></blockquote><pre>  a\n    b\n</pre>");
        assert_eq!(blocks[0].kind, BlockKind::Quote);
        assert_eq!(blocks[0].text, "loose text");
        assert_eq!(blocks[1].kind, BlockKind::Quote);
        assert_eq!(blocks[2].kind, BlockKind::Code);
        assert_eq!(blocks[2].text, "  a\n    b");
    }

    #[test]
    fn empty_blocks_are_not_kept() {
        assert!(blocks("<p> </p><ul><li>\n</li></ul>").is_empty());
    }
}
