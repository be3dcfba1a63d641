//! A word-by-word diff of a near-duplicate against its original, as HTML: words only in the
//! original are struck (`<del>`), words only in the copy are marked (`<ins>`).

use similar::{ChangeTag, TextDiff};

use super::inline::escape;

/// Paragraphs longer than this (in words) are shown without a diff: a diff of very long
/// texts can take quadratic time.
const MAX_WORDS: usize = 2000;

/// The diff of `copy` against `original`, or `None` for texts too long to diff.
pub fn word_diff(original: &str, copy: &str) -> Option<String> {
    let longest = original
        .split_whitespace()
        .count()
        .max(copy.split_whitespace().count());
    if longest > MAX_WORDS {
        return None;
    }
    let diff = TextDiff::from_words(original, copy);
    let mut html = String::with_capacity(copy.len() * 2);
    let mut open: Option<ChangeTag> = None;
    for change in diff.iter_all_changes() {
        let tag = change.tag();
        if open != Some(tag) {
            close(open, &mut html);
            match tag {
                ChangeTag::Delete => html.push_str("<del>"),
                ChangeTag::Insert => html.push_str("<ins>"),
                ChangeTag::Equal => {}
            }
            open = Some(tag);
        }
        escape(change.value(), &mut html);
    }
    close(open, &mut html);
    Some(html)
}

fn close(tag: Option<ChangeTag>, html: &mut String) {
    match tag {
        Some(ChangeTag::Delete) => html.push_str("</del>"),
        Some(ChangeTag::Insert) => html.push_str("</ins>"),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changed_words_are_struck_and_marked() {
        assert_eq!(
            word_diff("Talks met on <Sunday>.", "Talks resumed on <Sunday>.").unwrap(),
            "Talks <del>met</del><ins>resumed</ins> on &lt;Sunday&gt;."
        );
    }

    #[test]
    fn the_same_text_has_no_marks() {
        assert_eq!(
            word_diff("Same words.", "Same words.").unwrap(),
            "Same words."
        );
    }
}
