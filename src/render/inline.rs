//! A block's text and its marks to HTML.
//!
//! The text is escaped; the only tags written are those of the styles in [`Style`] and of
//! the annotations ([`Markup`]). Spans may overlap (a name across an emphasis): the writer
//! closes and reopens tags at each boundary so the HTML always nests.

use crate::parse::{Mark, Style};

/// What a span of text is shown as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Markup<'a> {
    /// An inline style of the source.
    Style(&'a Style),
    /// A link to an actor's page, with a tooltip.
    Actor {
        /// The page, relative to where the text is shown.
        href: &'a str,
        /// The tooltip: the actor's name and role or kind, where it tells more than the
        /// name as written.
        title: Option<&'a str>,
    },
    /// A highlighted name (`<mark>`).
    Highlight,
    /// A time expression: a `<time>` with its date when HTML can state it, else a span;
    /// the tooltip says what it resolves to.
    Time {
        /// The `datetime` attribute: a date, month, year, week or date and time.
        datetime: Option<&'a str>,
        /// The tooltip.
        title: &'a str,
    },
}

/// Markup over the byte range `start..end` of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span<'a> {
    /// First byte.
    pub start: usize,
    /// Byte after the last.
    pub end: usize,
    /// What the range is shown as.
    pub markup: Markup<'a>,
}

/// The spans of a block's own styles.
pub fn style_spans(marks: &[Mark]) -> Vec<Span<'_>> {
    marks
        .iter()
        .map(|m| Span {
            start: m.start,
            end: m.end,
            markup: Markup::Style(&m.style),
        })
        .collect()
}

/// Escapes text for HTML content and quoted attribute values.
pub fn escape(text: &str, out: &mut String) {
    // The characters to replace are ASCII, so every byte that matches one is a whole
    // character, and the text between them is copied a run at a time. Most text has none
    // in a block of sixteen bytes, which is checked at once (the compiler turns the fold
    // into vector compares) and skipped.
    const BLOCK: usize = 16;
    let bytes = text.as_bytes();
    let mut copied = 0;
    let mut escape_from = |from: usize, part: &[u8], out: &mut String| {
        for (offset, &byte) in part.iter().enumerate() {
            if let Some(entity) = entity(byte) {
                let at = from + offset;
                out.push_str(&text[copied..at]);
                out.push_str(entity);
                copied = at + 1;
            }
        }
    };
    let blocks = bytes.chunks_exact(BLOCK);
    let rest = blocks.remainder();
    for (n, block) in blocks.enumerate() {
        let clean = <&[u8; BLOCK]>::try_from(block)
            .is_ok_and(|block| block.iter().fold(0, |any, &b| any | u8::from(special(b))) == 0);
        if !clean {
            escape_from(n * BLOCK, block, out);
        }
    }
    escape_from(bytes.len() - rest.len(), rest, out);
    out.push_str(&text[copied..]);
}

/// Whether `byte` needs an entity: five comparisons rather than a `match`, which the
/// compiler turns into a bit test that does not vectorize.
fn special(byte: u8) -> bool {
    (byte == b'&') | (byte == b'<') | (byte == b'>') | (byte == b'"') | (byte == b'\'')
}

/// The entity that stands for `byte` in escaped HTML, if it needs one.
fn entity(byte: u8) -> Option<&'static str> {
    match byte {
        b'&' => Some("&amp;"),
        b'<' => Some("&lt;"),
        b'>' => Some("&gt;"),
        b'"' => Some("&quot;"),
        b'\'' => Some("&#39;"),
        _ => None,
    }
}

/// `text` as HTML with `spans` applied; `\n` becomes `<br>`.
pub fn to_html(text: &str, spans: &[Span<'_>]) -> String {
    let spans: Vec<&Span<'_>> = spans
        .iter()
        .filter(|m| m.start < m.end && m.end <= text.len())
        .filter(|m| text.is_char_boundary(m.start) && text.is_char_boundary(m.end))
        .collect();
    let mut cuts: Vec<usize> = spans.iter().flat_map(|m| [m.start, m.end]).collect();
    cuts.extend([0, text.len()]);
    cuts.sort_unstable();
    cuts.dedup();

    let mut out = String::with_capacity(text.len() + text.len() / 4);
    let mut open: Vec<usize> = Vec::new();
    for cut in cuts.windows(2) {
        let (from, to) = (cut[0], cut[1]);
        let covering = |i: &usize| spans[*i].start <= from && spans[*i].end >= to;
        // Keep the longest run of open tags that still cover this piece; close the rest.
        let keep = open.iter().take_while(|i| covering(i)).count();
        for &i in open[keep..].iter().rev() {
            close(&spans[i].markup, &mut out);
        }
        open.truncate(keep);
        let mut opening: Vec<usize> = (0..spans.len())
            .filter(|i| covering(i) && !open.contains(i))
            .collect();
        // Wider spans outside narrower ones.
        opening.sort_by_key(|&i| (spans[i].start, std::cmp::Reverse(spans[i].end), i));
        for i in opening {
            open_tag(&spans[i].markup, &mut out);
            open.push(i);
        }
        let mut lines = text[from..to].split('\n');
        if let Some(first) = lines.next() {
            escape(first, &mut out);
        }
        for line in lines {
            out.push_str("<br>");
            escape(line, &mut out);
        }
    }
    for &i in open.iter().rev() {
        close(&spans[i].markup, &mut out);
    }
    out
}

fn open_tag(markup: &Markup<'_>, out: &mut String) {
    match markup {
        Markup::Style(Style::Emphasis) => out.push_str("<em>"),
        Markup::Style(Style::Strong) => out.push_str("<strong>"),
        Markup::Style(Style::Strikethrough) => out.push_str("<del>"),
        Markup::Style(Style::Code) => out.push_str("<code>"),
        Markup::Style(Style::Link { href: Some(href) }) => {
            out.push_str("<a class=\"external\" rel=\"nofollow noopener noreferrer\" href=\"");
            escape(href, out);
            out.push_str("\">");
        }
        Markup::Style(Style::Link { href: None }) => {}
        Markup::Actor { href, title } => {
            out.push_str("<a class=\"actor\" href=\"");
            escape(href, out);
            if let Some(title) = title {
                out.push_str("\" title=\"");
                escape(title, out);
            }
            out.push_str("\">");
        }
        Markup::Highlight => out.push_str("<mark>"),
        Markup::Time { datetime, title } => {
            match datetime {
                Some(datetime) => {
                    out.push_str("<time class=\"timex\" datetime=\"");
                    escape(datetime, out);
                    out.push('"');
                }
                None => out.push_str("<span class=\"timex\""),
            }
            out.push_str(" title=\"");
            escape(title, out);
            out.push_str("\">");
        }
    }
}

fn close(markup: &Markup<'_>, out: &mut String) {
    match markup {
        Markup::Style(Style::Emphasis) => out.push_str("</em>"),
        Markup::Style(Style::Strong) => out.push_str("</strong>"),
        Markup::Style(Style::Strikethrough) => out.push_str("</del>"),
        Markup::Style(Style::Code) => out.push_str("</code>"),
        Markup::Style(Style::Link { href: Some(_) }) | Markup::Actor { .. } => out.push_str("</a>"),
        Markup::Style(Style::Link { href: None }) => {}
        Markup::Highlight => out.push_str("</mark>"),
        Markup::Time {
            datetime: Some(_), ..
        } => out.push_str("</time>"),
        Markup::Time { datetime: None, .. } => out.push_str("</span>"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(start: usize, end: usize, style: Style) -> Mark {
        Mark { start, end, style }
    }

    fn to_html(text: &str, marks: &[Mark]) -> String {
        super::to_html(text, &style_spans(marks))
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(to_html("<b>&\"'", &[]), "&lt;b&gt;&amp;&quot;&#39;");
        assert_eq!(to_html("a\nb", &[]), "a<br>b");
    }

    #[test]
    fn escaping_keeps_other_characters_whole() {
        let mut out = String::from("x");
        escape("é<ü>“q”&'\"", &mut out);
        assert_eq!(out, "xé&lt;ü&gt;“q”&amp;&#39;&quot;");
    }

    #[test]
    fn the_quick_check_and_the_entities_agree() {
        for byte in 0..=u8::MAX {
            assert_eq!(special(byte), entity(byte).is_some(), "byte {byte}");
        }
    }

    #[test]
    fn escaping_finds_every_character_in_long_text() {
        // Special characters on both sides of every sixteen-byte boundary, and in the tail.
        let text: String = (0..70)
            .map(|i| match i % 16 {
                0 => '&',
                15 => '<',
                7 => '\'',
                _ => 'é',
            })
            .collect();
        let mut out = String::new();
        escape(&text, &mut out);
        let plain = text
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('\'', "&#39;");
        assert_eq!(out, plain);
    }

    #[test]
    fn nested_marks_nest() {
        let html = to_html(
            "a bold move",
            &[mark(2, 11, Style::Strong), mark(2, 6, Style::Emphasis)],
        );
        assert_eq!(html, "a <strong><em>bold</em> move</strong>");
    }

    #[test]
    fn overlapping_marks_are_split_to_nest() {
        let html = to_html(
            "abcdef",
            &[mark(0, 4, Style::Emphasis), mark(2, 6, Style::Strong)],
        );
        assert_eq!(html, "<em>ab<strong>cd</strong></em><strong>ef</strong>");
    }

    #[test]
    fn links_are_escaped_and_dead_links_are_text() {
        let href = Some("https://e.com/?a=1&b=\"x\"".to_string());
        assert_eq!(
            to_html("go", &[mark(0, 2, Style::Link { href })]),
            "<a class=\"external\" rel=\"nofollow noopener noreferrer\" href=\"https://e.com/?a=1&amp;b=&quot;x&quot;\">go</a>"
        );
        assert_eq!(
            to_html("go", &[mark(0, 2, Style::Link { href: None })]),
            "go"
        );
    }

    #[test]
    fn actor_links_carry_a_tooltip() {
        let spans = [Span {
            start: 0,
            end: 5,
            markup: Markup::Actor {
                href: "../a/index.html",
                title: Some("US \"envoy\""),
            },
        }];
        assert_eq!(
            super::to_html("Steve said", &spans),
            "<a class=\"actor\" href=\"../a/index.html\" title=\"US &quot;envoy&quot;\">Steve</a> said"
        );
        let untitled = [Span {
            start: 0,
            end: 5,
            markup: Markup::Actor {
                href: "../a/index.html",
                title: None,
            },
        }];
        assert_eq!(
            super::to_html("Steve said", &untitled),
            "<a class=\"actor\" href=\"../a/index.html\">Steve</a> said"
        );
    }

    #[test]
    fn marks_off_char_boundaries_are_ignored() {
        assert_eq!(to_html("é", &[mark(1, 2, Style::Code)]), "é");
    }
}
