//! Paragraphs: a page's lines split where the spacing, the indent or the type size
//! changes, a paragraph carried over a page break, and each paragraph's lines joined.

use super::hyphenation::{join_lines, vocabulary};
use super::running_lines::drop_running_lines;
use super::{Line, Paragraph};

/// Paragraphs of the pages' lines, running headers, footers and page numbers left out.
pub(super) fn paragraphs(mut pages: Vec<Vec<Line>>) -> Vec<Paragraph> {
    drop_running_lines(&mut pages);
    let vocabulary = vocabulary(&pages);
    let mut blocks: Vec<(usize, Vec<String>)> = Vec::new();
    for (number, lines) in pages.iter().enumerate() {
        let page = number + 1;
        let leading = usual_leading(lines);
        let mut first_on_page = true;
        for (i, line) in lines.iter().enumerate() {
            let starts = match i.checked_sub(1).map(|p| &lines[p]) {
                None => true,
                Some(prev) => {
                    let gap = prev.y - line.y;
                    let size = line.size.max(prev.size);
                    gap <= 0.0
                        || gap > leading * 1.4
                        || line.x > prev.x + 0.8 * size
                        || (line.size - prev.size).abs() > 0.15 * size
                }
            };
            // A paragraph that runs over a page break: the last one did not end a sentence
            // and this page goes on in lower case.
            let continues = first_on_page
                && blocks.last().is_some_and(|(_, text)| {
                    text.last().is_some_and(|l| !ends_sentence(l))
                        && line.text.chars().next().is_some_and(char::is_lowercase)
                });
            first_on_page = false;
            match blocks.last_mut() {
                Some((_, text)) if !starts || continues => text.push(line.text.clone()),
                _ => blocks.push((page, vec![line.text.clone()])),
            }
        }
    }
    blocks
        .into_iter()
        .map(|(page, lines)| Paragraph {
            text: join_lines(&lines, &vocabulary),
            page,
        })
        .collect()
}

fn ends_sentence(line: &str) -> bool {
    line.trim_end()
        .ends_with(['.', '!', '?', ':', '"', '”', '’', '\'', ')'])
}

/// The median distance between the baselines of neighbouring lines that go down the page.
fn usual_leading(lines: &[Line]) -> f32 {
    let mut gaps: Vec<f32> = lines
        .windows(2)
        .map(|w| w[0].y - w[1].y)
        .filter(|g| *g > 0.0)
        .collect();
    gaps.sort_by(f32::total_cmp);
    gaps.get(gaps.len() / 2)
        .copied()
        .unwrap_or_else(|| lines.first().map_or(12.0, |l| l.size * 1.2))
}
