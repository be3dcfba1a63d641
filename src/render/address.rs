//! Where the pages of a site live, spelled once: the files written, the links between
//! pages, the sitemap and the feed all take a source's or an actor's address from here.

use std::fmt::Write;

use super::inline::escape;

/// The folder of the source pages, under the site's root.
pub const SOURCES: &str = "sources/";
/// The folder of the actor pages, under the site's root.
pub const ACTORS: &str = "actors/";
/// The file that serves a folder.
pub const INDEX: &str = "index.html";

/// The folder of item `id` (a source's or an actor's), `<to_folder…><id>/`: the address
/// a server gives its page. `to_folder` spells the way to [`SOURCES`] or [`ACTORS`] in
/// pieces, e.g. `["../../", ACTORS]`, or `[]` from inside it.
pub fn folder(to_folder: &[&str], id: &str) -> String {
    let mut out = to_folder.concat();
    out.push_str(id);
    out.push('/');
    out
}

/// The page of item `id`, `<to_folder…><id>/index.html`: the file written when
/// `to_folder` starts at the root, a link from elsewhere.
pub fn page(to_folder: &[&str], id: &str) -> String {
    let mut out = folder(to_folder, id);
    out.push_str(INDEX);
    out
}

/// [`page`] with `#p<number>` after it: a link to paragraph `number` of source `id`.
pub fn paragraph(to_folder: &[&str], id: &str, number: usize) -> String {
    let mut out = page(to_folder, id);
    let _ = write!(out, "#p{number}");
    out
}

/// [`page`], escaped for HTML, with `#p<number>` after it when `paragraph` is given,
/// written onto `out` without making the address first.
pub fn write_page(out: &mut String, to_folder: &[&str], id: &str, paragraph: Option<usize>) {
    for part in to_folder {
        escape(part, out);
    }
    escape(id, out);
    out.push('/');
    out.push_str(INDEX);
    if let Some(number) = paragraph {
        let _ = write!(out, "#p{number}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_spelling_for_files_links_and_folders() {
        assert_eq!(page(&[SOURCES], "wire"), "sources/wire/index.html");
        assert_eq!(
            page(&["../../", ACTORS], "kivi"),
            "../../actors/kivi/index.html"
        );
        assert_eq!(folder(&[ACTORS], "kivi"), "actors/kivi/");
        let mut out = String::new();
        write_page(&mut out, &["../", SOURCES], "a&b", Some(3));
        assert_eq!(out, "../sources/a&amp;b/index.html#p3");
    }
}
