//! Markdown to blocks with pulldown-cmark.
//!
//! Raw HTML never passes through: inline tags are dropped (their text stays), and an HTML
//! block is kept as a code block, to be shown as the text it is.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::{Block, BlockKind, Container, Mark, Style, open_item, safe_url};

/// The blocks of Markdown `text`, whose first line is line `first_line` of its file.
pub fn blocks(text: &str, first_line: usize) -> Vec<Block> {
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let line_of = |offset: usize| first_line + line_starts.partition_point(|&s| s <= offset) - 1;

    let mut builder = Builder::default();
    for (event, range) in Parser::new_ext(text, Options::ENABLE_STRIKETHROUGH).into_offset_iter() {
        let line = line_of(range.start);
        match event {
            Event::Start(tag) => builder.start(tag, line),
            Event::End(tag) => builder.end(tag),
            Event::Text(t) | Event::Html(t) => {
                builder.text(&t, line);
            }
            Event::SoftBreak => {
                builder.text(" ", line);
            }
            Event::HardBreak => {
                builder.text("\n", line);
            }
            Event::Code(t) => {
                let start = builder.text(&t, line);
                builder.mark(start, Style::Code);
            }
            Event::Rule => builder.flush(),
            Event::InlineHtml(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_)
            | Event::FootnoteReference(_)
            | Event::TaskListMarker(_) => {}
        }
    }
    builder.flush();
    builder.blocks
}

#[derive(Debug, Default)]
struct Builder {
    blocks: Vec<Block>,
    current: Option<Block>,
    containers: Vec<Container>,
    /// Inline styles opened and not yet closed: where they start, and what they are.
    open: Vec<(usize, Style)>,
}

impl Builder {
    fn start(&mut self, tag: Tag<'_>, line: usize) {
        match tag {
            Tag::Paragraph => {
                let reuse = self.current.as_ref().is_some_and(|b| b.text.is_empty());
                if !reuse {
                    self.flush();
                    self.begin(self.context_kind(), line);
                }
            }
            Tag::Heading { level, .. } => {
                self.flush();
                self.begin(BlockKind::Heading(level as u8), line);
            }
            Tag::BlockQuote(_) => {
                self.flush();
                self.containers.push(Container::Quote);
            }
            Tag::List(first) => {
                self.flush();
                self.containers.push(Container::List {
                    ordered: first.is_some(),
                    next: first,
                });
            }
            Tag::Item => {
                self.flush();
                let kind = open_item(&mut self.containers);
                self.begin(kind, line);
            }
            Tag::CodeBlock(_) | Tag::HtmlBlock => {
                self.flush();
                self.begin(BlockKind::Code, line);
            }
            Tag::Emphasis => self.open(Style::Emphasis, line),
            Tag::Strong => self.open(Style::Strong, line),
            Tag::Strikethrough => self.open(Style::Strikethrough, line),
            Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. } => {
                self.open(
                    Style::Link {
                        href: safe_url(&dest_url),
                    },
                    line,
                );
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::CodeBlock => self.flush(),
            TagEnd::HtmlBlock => {
                let comment = self.current.as_ref().is_some_and(|b| {
                    let t = b.text.trim();
                    t.starts_with("<!--") && t.ends_with("-->")
                });
                if comment {
                    self.current = None;
                }
                self.flush();
            }
            TagEnd::BlockQuote(_) | TagEnd::List(_) | TagEnd::Item => {
                self.flush();
                self.containers.pop();
            }
            TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Link
            | TagEnd::Image => {
                if let Some((start, style)) = self.open.pop() {
                    self.mark(start, style);
                }
            }
            _ => {}
        }
    }

    /// The kind of a paragraph started here: an item's continuation, a quote, or prose.
    fn context_kind(&self) -> BlockKind {
        match self.containers.last() {
            Some(Container::Item { ordered, depth, .. }) => BlockKind::ListItem {
                ordered: *ordered,
                number: None,
                depth: *depth,
            },
            Some(Container::Quote) => BlockKind::Quote,
            _ => BlockKind::Paragraph,
        }
    }

    fn begin(&mut self, kind: BlockKind, line: usize) {
        self.current = Some(Block {
            kind,
            text: String::new(),
            marks: Vec::new(),
            line,
        });
    }

    fn open(&mut self, style: Style, line: usize) {
        if self.current.is_none() {
            self.begin(self.context_kind(), line);
        }
        let at = self.current.as_ref().map_or(0, |b| b.text.len());
        self.open.push((at, style));
    }

    /// Appends text to the current block (starting one if needed); returns where it starts.
    fn text(&mut self, text: &str, line: usize) -> usize {
        if self.current.is_none() {
            self.begin(self.context_kind(), line);
        }
        let block = self.current.as_mut().map(|b| &mut b.text);
        block.map_or(0, |b| {
            let start = b.len();
            b.push_str(text);
            start
        })
    }

    fn mark(&mut self, start: usize, style: Style) {
        if let Some(block) = &mut self.current {
            let end = block.text.len();
            if end > start {
                block.marks.push(Mark { start, end, style });
            }
        }
    }

    /// Ends the current block: trims it, and keeps it if any text is left.
    fn flush(&mut self) {
        self.open.clear();
        if let Some(block) = self.current.take().and_then(Block::trimmed) {
            self.blocks.push(block);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_headings_lists_quotes_and_code() {
        let md = "# Title\n\nA *b* c.\n\n- one\n- two\n  1. inner\n\n> quoted\n\n```\nx = 1\n```\n";
        let blocks = blocks(md, 10);
        let kinds: Vec<_> = blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Heading(1),
                BlockKind::Paragraph,
                BlockKind::ListItem {
                    ordered: false,
                    number: None,
                    depth: 0
                },
                BlockKind::ListItem {
                    ordered: false,
                    number: None,
                    depth: 0
                },
                BlockKind::ListItem {
                    ordered: true,
                    number: Some(1),
                    depth: 1
                },
                BlockKind::Quote,
                BlockKind::Code,
            ]
        );
        assert_eq!(blocks[0].line, 10);
        assert_eq!(blocks[1].text, "A b c.");
        assert_eq!(blocks[1].line, 12);
        assert_eq!(
            blocks[1].marks,
            [Mark {
                start: 2,
                end: 3,
                style: Style::Emphasis
            }]
        );
        assert_eq!(blocks[6].text, "x = 1");
    }

    #[test]
    fn soft_breaks_become_spaces() {
        assert_eq!(blocks("one\ntwo", 1)[0].text, "one two");
    }

    #[test]
    fn raw_html_does_not_survive_as_markup() {
        let blocks = blocks(
            "Hi <img src=x onerror=alert(1)> there.\n\n<script>alert(1)</script>\n\n<!-- note -->\n",
            1,
        );
        assert_eq!(blocks[0].text, "Hi  there.");
        assert_eq!(blocks[1].kind, BlockKind::Code);
        assert_eq!(blocks[1].text, "<script>alert(1)</script>");
        assert_eq!(blocks.len(), 2, "an HTML comment is not a block");
    }

    #[test]
    fn unsafe_link_targets_are_dropped_but_the_text_stays() {
        let blocks = blocks(
            "[safe](https://example.com) and [evil](javascript:alert(1))",
            1,
        );
        assert_eq!(blocks[0].text, "safe and evil");
        assert_eq!(
            blocks[0].marks,
            [
                Mark {
                    start: 0,
                    end: 4,
                    style: Style::Link {
                        href: Some("https://example.com".into())
                    }
                },
                Mark {
                    start: 9,
                    end: 13,
                    style: Style::Link { href: None }
                },
            ]
        );
    }

    #[test]
    fn loose_list_items_keep_their_text() {
        let blocks = blocks("1. first\n\n2. second\n", 1);
        assert_eq!(blocks.len(), 2);
        assert_eq!(blocks[1].text, "second");
        assert_eq!(
            blocks[1].kind,
            BlockKind::ListItem {
                ordered: true,
                number: Some(2),
                depth: 0
            }
        );
    }
}
