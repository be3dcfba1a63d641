//! Slugs: the ids of sources (and later actors) as they appear in URLs and file names.
//!
//! A slug holds only `a-z`, `0-9` and single hyphens, so an id can never name a parent
//! folder, an absolute path or a hidden file: whatever a file is called, its page lands
//! inside the output folder.

use std::collections::BTreeSet;

/// The slug of `text`: transliterated to ASCII, lower-cased, every run of other characters
/// made one hyphen, no hyphen at either end. Empty when `text` has no letter or digit.
pub fn slugify(text: &str) -> String {
    let ascii = deunicode::deunicode(text);
    let mut slug = String::with_capacity(ascii.len());
    let mut pending_hyphen = false;
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            if pending_hyphen && !slug.is_empty() {
                slug.push('-');
            }
            pending_hyphen = false;
            slug.push(c.to_ascii_lowercase());
        } else {
            pending_hyphen = true;
        }
    }
    slug
}

/// Hands out unique slugs: the first claim of a slug gets it as it is, later claims get the
/// first free one of the alternatives offered, then a numbered form.
#[derive(Debug, Default)]
pub struct SlugRegistry {
    taken: BTreeSet<String>,
}

impl SlugRegistry {
    /// A registry where nothing is taken yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Claims the first of `candidates` (slugified) that is free and not empty; when all are
    /// taken, the first candidate with `-2`, `-3`, … appended. `fallback` stands in for an
    /// empty first candidate.
    pub fn claim<'a>(
        &mut self,
        candidates: impl IntoIterator<Item = &'a str>,
        fallback: &str,
    ) -> String {
        let mut first: Option<String> = None;
        for candidate in candidates {
            let slug = slugify(candidate);
            if slug.is_empty() {
                continue;
            }
            if first.is_none() {
                first = Some(slug.clone());
            }
            if self.taken.insert(slug.clone()) {
                return slug;
            }
        }
        let base = first.unwrap_or_else(|| fallback.to_string());
        if self.taken.insert(base.clone()) {
            return base;
        }
        (2..)
            .map(|n| format!("{base}-{n}"))
            .find(|slug| self.taken.insert(slug.clone()))
            .unwrap_or(base)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_safe_path_segments() {
        assert_eq!(slugify("000_6ac93d55cc9a558f"), "000-6ac93d55cc9a558f");
        assert_eq!(slugify("Steve Witkoff"), "steve-witkoff");
        assert_eq!(slugify("../../etc/passwd"), "etc-passwd");
        assert_eq!(slugify("Zürich – Genève"), "zurich-geneve");
        assert_eq!(slugify(".hidden"), "hidden");
        assert_eq!(slugify("--"), "");
    }

    #[test]
    fn colliding_slugs_get_the_next_free_alternative() {
        let mut ids = SlugRegistry::new();
        assert_eq!(ids.claim(["a", "a md"], "source"), "a");
        assert_eq!(ids.claim(["a", "a txt"], "source"), "a-txt");
        assert_eq!(ids.claim(["a", "a txt"], "source"), "a-2");
        assert_eq!(ids.claim(["", "..."], "source"), "source");
        assert_eq!(ids.claim(["???"], "source"), "source-2");
    }
}
