//! A block's text and its marks to HTML.
//!
//! The text is escaped; the only tags written are those of the styles in [`Style`]. Marks
//! may overlap (a later annotation across an emphasis): the writer closes and reopens tags
//! at each boundary so the HTML always nests.

use crate::parse::{Mark, Style};

/// Escapes text for HTML content and quoted attribute values.
pub fn escape(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// `text` as HTML with `marks` applied; `\n` becomes `<br>`.
pub fn to_html(text: &str, marks: &[Mark]) -> String {
    let marks: Vec<&Mark> = marks
        .iter()
        .filter(|m| m.start < m.end && m.end <= text.len())
        .filter(|m| text.is_char_boundary(m.start) && text.is_char_boundary(m.end))
        .collect();
    let mut cuts: Vec<usize> = marks.iter().flat_map(|m| [m.start, m.end]).collect();
    cuts.extend([0, text.len()]);
    cuts.sort_unstable();
    cuts.dedup();

    let mut out = String::with_capacity(text.len() + text.len() / 4);
    let mut open: Vec<usize> = Vec::new();
    for span in cuts.windows(2) {
        let (from, to) = (span[0], span[1]);
        let covering = |i: &usize| marks[*i].start <= from && marks[*i].end >= to;
        // Keep the longest run of open tags that still cover this span; close the rest.
        let keep = open.iter().take_while(|i| covering(i)).count();
        for &i in open[keep..].iter().rev() {
            close(&marks[i].style, &mut out);
        }
        open.truncate(keep);
        let mut opening: Vec<usize> = (0..marks.len())
            .filter(|i| covering(i) && !open.contains(i))
            .collect();
        // Wider marks outside narrower ones.
        opening.sort_by_key(|&i| (marks[i].start, std::cmp::Reverse(marks[i].end), i));
        for i in opening {
            open_tag(&marks[i].style, &mut out);
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
        close(&marks[i].style, &mut out);
    }
    out
}

fn open_tag(style: &Style, out: &mut String) {
    match style {
        Style::Emphasis => out.push_str("<em>"),
        Style::Strong => out.push_str("<strong>"),
        Style::Strikethrough => out.push_str("<del>"),
        Style::Code => out.push_str("<code>"),
        Style::Link { href: Some(href) } => {
            out.push_str("<a class=\"external\" rel=\"nofollow noopener noreferrer\" href=\"");
            escape(href, out);
            out.push_str("\">");
        }
        Style::Link { href: None } => {}
    }
}

fn close(style: &Style, out: &mut String) {
    match style {
        Style::Emphasis => out.push_str("</em>"),
        Style::Strong => out.push_str("</strong>"),
        Style::Strikethrough => out.push_str("</del>"),
        Style::Code => out.push_str("</code>"),
        Style::Link { href: Some(_) } => out.push_str("</a>"),
        Style::Link { href: None } => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(start: usize, end: usize, style: Style) -> Mark {
        Mark { start, end, style }
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(to_html("<b>&\"'", &[]), "&lt;b&gt;&amp;&quot;&#39;");
        assert_eq!(to_html("a\nb", &[]), "a<br>b");
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
    fn marks_off_char_boundaries_are_ignored() {
        assert_eq!(to_html("é", &[mark(1, 2, Style::Code)]), "é");
    }
}
