//! Where rendered files go: a staging folder swapped in for the output folder when the build
//! succeeds, or a link checker that keeps only what it needs to verify links.

use std::borrow::Cow;
use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};

use foldhash::{HashMap, HashSet, HashSetExt};
use rayon::prelude::*;

/// Receives the files of the site, by path relative to the site's root (`/`-separated).
///
/// Shared between threads: the large data files are written while the pages are rendered.
/// The pages arrive one at a time in the same order on every build, unless
/// [`Output::any_order`] allows otherwise.
pub trait Output: Sync {
    /// Stores one file.
    fn write(&self, path: &str, bytes: &[u8]) -> io::Result<()>;

    /// Stores one file that `fill` writes piece by piece, so that a large file is never
    /// held in memory whole.
    fn write_stream(
        &self,
        path: &str,
        fill: &mut dyn FnMut(&mut dyn Write) -> io::Result<()>,
    ) -> io::Result<()>;

    /// Whether pages may arrive from several threads at once, in any order: yes for a
    /// folder, whose files do not depend on it (and whose file system works faster so); no
    /// for what reports on the pages in the order they come.
    fn any_order(&self) -> bool {
        false
    }
}

/// A folder next to the output folder that the site is written into, and that replaces the
/// output folder only once everything is written. Dropped uncommitted, it is deleted, so a
/// failed build leaves the previous site as it was.
#[derive(Debug)]
pub struct StagedDir {
    target: PathBuf,
    staging: PathBuf,
    committed: bool,
    /// The folders made so far, so that each is made once (most files have a folder of
    /// their own, but the search index puts thousands in one).
    folders: Mutex<HashSet<PathBuf>>,
}

impl StagedDir {
    /// Creates an empty staging folder beside `target`.
    pub fn create(target: &Path) -> io::Result<StagedDir> {
        let staging = sibling(target, "building")?;
        if staging.exists() {
            remove_tree(&staging)?;
        }
        fs::create_dir_all(&staging)?;
        Ok(StagedDir {
            target: target.to_path_buf(),
            staging,
            committed: false,
            folders: Mutex::default(),
        })
    }

    /// Puts the staged site in place of the target folder. The old one is moved aside and
    /// returned, for the caller to remove once it has told whoever waits about the new site.
    pub fn commit(mut self) -> io::Result<Previous> {
        let old = sibling(&self.target, "old")?;
        if old.exists() {
            remove_tree(&old)?;
        }
        let had_target = self.target.exists();
        if had_target {
            fs::rename(&self.target, &old)?;
        }
        if let Err(e) = fs::rename(&self.staging, &self.target) {
            if had_target {
                // Put the previous site back; the build's error is the one to report.
                let _ = fs::rename(&old, &self.target);
            }
            return Err(e);
        }
        self.committed = true;
        Ok(Previous {
            folder: had_target.then_some(old),
        })
    }
}

/// The site a committed build replaced, moved aside beside the new one. Removing a large
/// site takes seconds on a disk: a server announces the new site first. (Left in place, it
/// is removed by the next commit.)
#[derive(Debug, Default)]
#[must_use = "the previous site stays on disk until it is removed"]
pub struct Previous {
    folder: Option<PathBuf>,
}

impl Previous {
    /// Removes the previous site, if there was one.
    pub fn remove(self) -> io::Result<()> {
        match self.folder {
            Some(folder) => remove_tree(&folder),
            None => Ok(()),
        }
    }
}

impl Drop for StagedDir {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.staging);
        }
    }
}

impl Output for StagedDir {
    fn write(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        fs::write(self.file(path)?, bytes)
    }

    fn write_stream(
        &self,
        path: &str,
        fill: &mut dyn FnMut(&mut dyn Write) -> io::Result<()>,
    ) -> io::Result<()> {
        let mut file = BufWriter::new(fs::File::create(self.file(path)?)?);
        fill(&mut file)?;
        file.flush()
    }

    fn any_order(&self) -> bool {
        true
    }
}

impl StagedDir {
    /// The staging path of site file `path`, with its folder created.
    fn file(&self, path: &str) -> io::Result<PathBuf> {
        let relative = Path::new(path);
        if relative
            .components()
            .any(|c| !matches!(c, Component::Normal(_)))
        {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("refusing to write outside the site: {path}"),
            ));
        }
        let file = self.staging.join(relative);
        if let Some(parent) = file.parent()
            && !lock(&self.folders).contains(parent)
        {
            fs::create_dir_all(parent)?;
            lock(&self.folders).insert(parent.to_path_buf());
        }
        Ok(file)
    }
}

/// The value behind `mutex`, also after a panic on another thread: the sets and lists kept
/// here are valid after any partial update.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Removes `folder` and everything in it, what lies two levels down in parallel: a site
/// has a folder per page, and removing them one after another took seconds on a disk.
fn remove_tree(folder: &Path) -> io::Result<()> {
    let mut parts = Vec::new();
    for entry in fs::read_dir(folder)? {
        let entry = entry?;
        if entry.file_type()?.is_dir() {
            for inner in fs::read_dir(entry.path())? {
                parts.push(inner?.path());
            }
        }
    }
    parts.par_iter().try_for_each(|path| {
        if fs::symlink_metadata(path)?.is_dir() {
            fs::remove_dir_all(path)
        } else {
            fs::remove_file(path)
        }
    })?;
    fs::remove_dir_all(folder)
}

/// `.NAME.SUFFIX` in the folder that holds `target`.
fn sibling(target: &Path, suffix: &str) -> io::Result<PathBuf> {
    let name = target.file_name().ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            "the output folder needs a name",
        )
    })?;
    let parent = target.parent().unwrap_or(Path::new(""));
    Ok(parent.join(format!(".{}.{suffix}", name.to_string_lossy())))
}

/// Keeps, for every page, the ids it defines and the links it makes, to find links that
/// lead nowhere. Used by `briefing check`, which writes nothing.
#[derive(Debug, Default)]
pub struct LinkCheck {
    /// Every file, with the ids of a page.
    files: Mutex<HashMap<String, HashSet<String>>>,
    /// Each page's links, in the order the pages were written: the order of the
    /// diagnostics.
    links: Mutex<Vec<(String, Vec<String>)>>,
}

impl Output for LinkCheck {
    fn write(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        let mut ids = HashSet::new();
        if path.ends_with(".html") {
            let html = String::from_utf8_lossy(bytes);
            let (page_ids, links) = ids_and_links(&html);
            ids.extend(page_ids);
            lock(&self.links).push((path.to_string(), links));
        }
        lock(&self.files).insert(path.to_string(), ids);
        Ok(())
    }

    fn write_stream(
        &self,
        path: &str,
        fill: &mut dyn FnMut(&mut dyn Write) -> io::Result<()>,
    ) -> io::Result<()> {
        // Only pages carry links; other files need only exist.
        fill(&mut io::sink())?;
        lock(&self.files).insert(path.to_string(), HashSet::new());
        Ok(())
    }
}

impl LinkCheck {
    /// The links that lead to no file or to no such anchor, as `(page, link)`. Absolute
    /// links starting with `base_path` (the 404 page's) are resolved from the site's root;
    /// links to other sites are not followed.
    pub fn broken_links(&self, base_path: &str) -> Vec<(String, String)> {
        let files = lock(&self.files);
        let files = &*files;
        lock(&self.links)
            .par_iter()
            .flat_map_iter(|(page, hrefs)| {
                hrefs
                    .iter()
                    .filter(|href| !resolves(files, page, href, base_path))
                    .map(|href| (page.clone(), href.clone()))
            })
            .collect()
    }
}

/// Whether link `href` on `page` leads to one of `files` (and to the anchor it names).
fn resolves(
    files: &HashMap<String, HashSet<String>>,
    page: &str,
    href: &str,
    base_path: &str,
) -> bool {
    if href.contains("://") || href.starts_with("mailto:") {
        return true;
    }
    let (path, fragment) = href.split_once('#').unwrap_or((href, ""));
    let target = if path.is_empty() {
        Some(Cow::Borrowed(page))
    } else if let Some(from_root) = path.strip_prefix(base_path) {
        normalize(from_root).map(Cow::Owned)
    } else if path.starts_with('/') {
        None
    } else {
        let dir = page.rsplit_once('/').map_or("", |(d, _)| d);
        normalize(&format!("{dir}/{path}")).map(Cow::Owned)
    };
    let Some(mut target) = target else {
        return false;
    };
    if target.is_empty() || target.ends_with('/') {
        target.to_mut().push_str("index.html");
    }
    match files.get(target.as_ref()) {
        Some(ids) => fragment.is_empty() || ids.contains(fragment),
        None => false,
    }
}

/// Resolves `.` and `..` in a `/`-separated relative path; `None` if it climbs out.
fn normalize(path: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            part => parts.push(part),
        }
    }
    let mut joined = parts.join("/");
    if path.ends_with('/') && !joined.is_empty() {
        joined.push('/');
    }
    Some(joined)
}

/// The values of the `id` attributes, and of the `href` then the `src` attributes, in
/// HTML this tool wrote (double-quoted, after a space), found in one pass.
fn ids_and_links(html: &str) -> (Vec<String>, Vec<String>) {
    let (mut ids, mut hrefs, mut srcs) = (Vec::new(), Vec::new(), Vec::new());
    for (at, quote) in html.match_indices("=\"") {
        let name = &html[..at];
        let values = if name.ends_with(" id") {
            &mut ids
        } else if name.ends_with(" href") {
            &mut hrefs
        } else if name.ends_with(" src") {
            &mut srcs
        } else {
            continue;
        };
        let rest = &html[at + quote.len()..];
        let Some(end) = rest.find('"') else {
            continue;
        };
        values.push(unescape(&rest[..end]));
    }
    hrefs.append(&mut srcs);
    (ids, hrefs)
}

/// An attribute's value with the entities this tool writes in them replaced.
fn unescape(value: &str) -> String {
    if value.contains('&') {
        value
            .replace("&amp;", "&")
            .replace("&#39;", "'")
            .replace("&quot;", "\"")
    } else {
        value.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_commit_leaves_the_previous_site_aside_until_it_is_removed() {
        let scratch = tempfile::tempdir().expect("temporary folder");
        let target = scratch.path().join("site");
        let old = scratch.path().join(".site.old");
        let first = StagedDir::create(&target).expect("stage");
        first.write("a/index.html", b"first").expect("write");
        first
            .commit()
            .expect("commit")
            .remove()
            .expect("nothing to remove");
        assert!(!old.exists());

        let second = StagedDir::create(&target).expect("stage");
        second.write("b/index.html", b"second").expect("write");
        let previous = second.commit().expect("commit");
        assert!(
            target.join("b/index.html").exists(),
            "the new site is in place"
        );
        assert!(!target.join("a").exists());
        assert!(old.join("a/index.html").exists(), "the old one waits aside");
        previous.remove().expect("remove");
        assert!(!old.exists());
    }

    #[test]
    fn ids_and_links_are_read_in_one_pass() {
        let (ids, links) = ids_and_links(
            "<img src=\"a.png\"><p id=\"p1\" data-id=\"no\"><a href=\"?a=1&amp;b\" x=\"y\">",
        );
        assert_eq!(ids, ["p1"]);
        assert_eq!(links, ["?a=1&b", "a.png"]);
    }

    #[test]
    fn links_resolve_to_files_and_anchors() {
        let check = LinkCheck::default();
        check
            .write(
                "index.html",
                b"<a href=\"sources/index.html\">s</a><a href=\"#top\">t</a><p id=\"top\">",
            )
            .unwrap();
        check
            .write(
                "sources/index.html",
                b"<a href=\"../index.html#top\">o</a><a href=\"a/index.html#p2\">a</a>",
            )
            .unwrap();
        check.write("sources/a/index.html", b"<p id=\"p1\"><a href=\"https://example.com\">x</a><a href=\"../../../x.html\">x</a>").unwrap();
        check
            .write(
                "404.html",
                b"<a href=\"/repo/sources/\">s</a><a href=\"/elsewhere/\">e</a>",
            )
            .unwrap();
        let broken = check.broken_links("/repo/");
        assert_eq!(
            broken,
            [
                (
                    "sources/index.html".to_string(),
                    "a/index.html#p2".to_string()
                ),
                (
                    "sources/a/index.html".to_string(),
                    "../../../x.html".to_string()
                ),
                ("404.html".to_string(), "/elsewhere/".to_string()),
            ]
        );
    }
}
