//! Hyphenation: a word broken at a line end rejoined, its hyphen kept only where it looks
//! like a real one.

use std::collections::HashSet;

use super::Line;

/// Every word of the text, lower case, hyphenated compounds as written.
pub(super) fn vocabulary(pages: &[Vec<Line>]) -> HashSet<String> {
    pages
        .iter()
        .flatten()
        .flat_map(|l| l.text.split_whitespace())
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// Hyphen-minus, the Unicode hyphen and the soft hyphen, as they end a broken line.
const HYPHENS: [char; 3] = ['-', '\u{2010}', '\u{AD}'];

/// Joins a paragraph's lines with spaces, rejoining a word broken at a line end.
///
/// A line that ends in a letter or digit and a hyphen, followed by one that starts with a
/// lower-case letter, is a broken word. The hyphen is kept when the part before it starts with a capital
/// ("Franco-" / "German"), or when the text writes the compound with its hyphen elsewhere and
/// never without ("well-known"); otherwise it is dropped ("state-" / "ment"), since line-end
/// hyphens are mostly a typesetter's. Either way no space is put in.
pub(super) fn join_lines(lines: &[String], vocabulary: &HashSet<String>) -> String {
    let mut text = String::new();
    for line in lines {
        let line = line.trim();
        if text.is_empty() {
            text.push_str(line);
            continue;
        }
        let broken =
            text.ends_with(HYPHENS) && text.chars().rev().nth(1).is_some_and(char::is_alphanumeric);
        let next_word: String = line.chars().take_while(|c| c.is_alphabetic()).collect();
        if broken && next_word.chars().next().is_some_and(char::is_lowercase) {
            let cut = text.len() - text.chars().next_back().map_or(0, char::len_utf8);
            let head: String = text[..cut]
                .chars()
                .rev()
                .take_while(|c| c.is_alphabetic() || HYPHENS.contains(c))
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let joined = format!("{head}{next_word}").to_lowercase();
            let compound = format!("{head}-{next_word}").to_lowercase();
            let keep = head.chars().next().is_some_and(char::is_uppercase)
                || (vocabulary.contains(&compound) && !vocabulary.contains(&joined));
            if !keep {
                text.truncate(cut);
            }
            text.push_str(line);
        } else if broken && line.chars().next().is_some_and(char::is_alphanumeric) {
            // "Franco-" / "German", "COVID-" / "19": a hyphen that stays.
            text.push_str(line);
        } else {
            text.push(' ');
            text.push_str(line);
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_end_hyphens_are_undone_unless_real() {
        let vocab = |words: &[&str]| words.iter().map(|w| w.to_string()).collect();
        let join = |lines: &[&str], words: &[&str]| {
            let lines: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
            join_lines(&lines, &vocab(words))
        };
        assert_eq!(join(&["a state-", "ment"], &[]), "a statement");
        assert_eq!(
            join(&["a well-", "known man"], &["well-known"]),
            "a well-known man"
        );
        assert_eq!(
            join(&["a well-", "known man"], &["well-known", "wellknown"]),
            "a wellknown man"
        );
        assert_eq!(join(&["Franco-", "German"], &[]), "Franco-German");
        assert_eq!(join(&["the Anglo-", "saxon"], &[]), "the Anglo-saxon");
        assert_eq!(join(&["COVID-", "19 cases"], &[]), "COVID-19 cases");
        assert_eq!(join(&["talks -", "and more"], &[]), "talks - and more");
        assert_eq!(join(&["in 2024-", "25"], &[]), "in 2024-25");
        assert_eq!(join(&["a govern\u{2010}", "ment"], &[]), "a government");
        assert_eq!(join(&["a govern\u{AD}", "ment"], &[]), "a government");
    }
}
