//! Running headers, footers and page numbers: lines at the top or bottom of a page that
//! recur there on most pages, digits aside, or that are only a page number.

use std::collections::{HashMap, HashSet};

use super::Line;

/// Indexes of the lines at the top and bottom of a page: the two highest and two lowest.
fn edge_lines(lines: &[Line]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..lines.len()).collect();
    order.sort_by(|a, b| lines[*b].y.total_cmp(&lines[*a].y));
    let mut edges: Vec<usize> = order.iter().take(2).copied().collect();
    edges.extend(order.iter().rev().take(2));
    edges.sort_unstable();
    edges.dedup();
    edges
}

/// A line as compared between pages: digits and case aside.
fn running_key(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| {
            if c.is_ascii_digit() {
                '#'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

/// "3", "- 3 -", "Page 3", "Page 3 of 7", "3/7", "iv".
fn is_page_number(text: &str) -> bool {
    let t = text
        .trim()
        .trim_matches(['-', '–', '—', ' ', '[', ']', '(', ')']);
    let t = t.to_lowercase();
    let t = t
        .strip_prefix("page")
        .or_else(|| t.strip_prefix("p."))
        .unwrap_or(&t)
        .trim();
    let mut parts = t
        .split(|c: char| c == '/' || c.is_whitespace())
        .filter(|p| !p.is_empty() && *p != "of");
    let numeral = |p: &str| {
        p.chars().all(|c| c.is_ascii_digit())
            || (p.len() <= 5 && p.chars().all(|c| matches!(c, 'i' | 'v' | 'x')))
    };
    let count = parts.clone().count();
    (1..=2).contains(&count) && parts.all(numeral)
}

pub(super) fn drop_running_lines(pages: &mut [Vec<Line>]) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for lines in pages.iter() {
        let keys: HashSet<String> = edge_lines(lines)
            .into_iter()
            .map(|i| running_key(&lines[i].text))
            .collect();
        for key in keys {
            *seen.entry(key).or_default() += 1;
        }
    }
    let count = pages.len();
    let running = |key: &str| {
        count >= 2
            && seen
                .get(key)
                .is_some_and(|pages| *pages >= 2 && pages * 2 > count)
    };
    for lines in pages.iter_mut() {
        let edges = edge_lines(lines);
        let mut index = 0;
        lines.retain(|line| {
            let at_edge = edges.contains(&index);
            index += 1;
            !(at_edge && (is_page_number(&line.text) || running(&running_key(&line.text))))
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers_are_recognised() {
        for number in ["3", "- 3 -", "Page 3", "Page 3 of 7", "3/7", "iv", "[12]"] {
            assert!(is_page_number(number), "{number}");
        }
        for text in ["3 dead", "Page three", "In 2025 of all years", "vixen"] {
            assert!(!is_page_number(text), "{text}");
        }
    }
}
