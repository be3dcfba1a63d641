//! Helpers for the end-to-end tests: a throwaway project folder, the `briefing` binary run in
//! it, and readers for the site it writes.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use scraper::{Html, Selector};
use serde_json::Value;
use tempfile::TempDir;

/// A project folder with a `seeds/` folder, removed when dropped.
pub struct Project {
    dir: TempDir,
}

/// What one run of the binary did.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Project {
    pub fn new() -> Project {
        let dir = tempfile::tempdir().expect("temporary folder");
        fs::create_dir(dir.path().join("seeds")).expect("seeds folder");
        Project { dir }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes `content` to `seeds/<name>`, creating folders as needed.
    pub fn seed(&self, name: &str, content: impl AsRef<[u8]>) -> &Project {
        self.file(&format!("seeds/{name}"), content)
    }

    /// Writes `content` to `<name>` in the project folder.
    pub fn file(&self, name: &str, content: impl AsRef<[u8]>) -> &Project {
        let path = self.path().join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, content).unwrap();
        self
    }

    /// Runs `briefing ARGS` in the project folder.
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_with(args, &[])
    }

    /// Runs `briefing ARGS` in the project folder with environment variables set.
    pub fn run_with(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        let output = Command::new(env!("CARGO_BIN_EXE_briefing"))
            .args(args)
            .envs(env.iter().copied())
            .current_dir(self.path())
            .output()
            .expect("run briefing");
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    /// Runs `briefing build ARGS` and asserts that it succeeds.
    pub fn build_ok(&self, args: &[&str]) -> Run {
        let mut all = vec!["build"];
        all.extend_from_slice(args);
        let run = self.run(&all);
        assert_eq!(run.code, 0, "build failed:\n{}", run.stderr);
        run
    }

    /// The site in `site/` (or another output folder).
    pub fn site(&self) -> Site {
        self.site_at("site")
    }

    pub fn site_at(&self, folder: &str) -> Site {
        Site {
            root: self.path().join(folder),
        }
    }
}

/// Asserts that every item of `paragraph[list]` (mentions, times) spans its `text` in the
/// paragraph's text, counting `start` and `end` in characters as SCHEMA.md does.
pub fn assert_char_offsets(paragraph: &Value, list: &str) {
    let text: Vec<char> = paragraph["text"].as_str().unwrap().chars().collect();
    for item in paragraph[list].as_array().unwrap() {
        let (start, end) = (
            item["start"].as_u64().unwrap() as usize,
            item["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            text[start..end].iter().collect::<String>(),
            item["text"].as_str().unwrap(),
            "{item}"
        );
    }
}

/// A built site on disk.
pub struct Site {
    pub root: PathBuf,
}

impl Site {
    pub fn json(&self) -> Value {
        let text = fs::read_to_string(self.root.join("briefing.json")).expect("briefing.json");
        serde_json::from_str(&text).expect("briefing.json is JSON")
    }

    pub fn read(&self, path: &str) -> String {
        fs::read_to_string(self.root.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    pub fn html(&self, path: &str) -> Html {
        Html::parse_document(&self.read(path))
    }

    /// The paths of the sources in briefing.json, in its order.
    pub fn source_paths(&self) -> Vec<String> {
        self.json()["sources"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["path"].as_str().unwrap().to_string())
            .collect()
    }

    /// The source with this path in briefing.json.
    pub fn source(&self, path: &str) -> Value {
        self.json()["sources"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["path"] == path)
            .cloned()
            .unwrap_or_else(|| panic!("no source {path} in briefing.json"))
    }

    /// Every file, relative to the root, with its bytes.
    pub fn files(&self) -> BTreeMap<String, Vec<u8>> {
        let mut files = BTreeMap::new();
        collect(&self.root, &self.root, &mut files);
        files
    }

    /// Fails the test with the list of links that lead nowhere, if any.
    pub fn assert_no_broken_links(&self, base_path: &str) {
        let broken = self.broken_links(base_path);
        assert!(broken.is_empty(), "broken links: {broken:?}");
    }

    /// Links in HTML pages that lead to no file or no anchor, as `page -> link`. Links with a
    /// scheme are not followed; links from the root must start with `base_path`.
    pub fn broken_links(&self, base_path: &str) -> Vec<String> {
        let files = self.files();
        let any = Selector::parse("[id]").unwrap();
        let linked = Selector::parse("a[href], link[href], img[src], script[src]").unwrap();
        let mut ids: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let mut links = Vec::new();
        for (path, bytes) in &files {
            if !path.ends_with(".html") {
                continue;
            }
            let html = Html::parse_document(&String::from_utf8_lossy(bytes));
            ids.insert(
                path.clone(),
                html.select(&any)
                    .filter_map(|e| e.value().attr("id"))
                    .map(String::from)
                    .collect(),
            );
            for element in html.select(&linked) {
                let target = element
                    .value()
                    .attr("href")
                    .or(element.value().attr("src"))
                    .unwrap();
                links.push((path.clone(), target.to_string()));
            }
        }
        let mut broken = Vec::new();
        for (page, link) in links {
            if link.contains("://") || link.starts_with("mailto:") {
                continue;
            }
            let (path, fragment) = link.split_once('#').unwrap_or((&link, ""));
            let target = if path.is_empty() {
                Some(page.clone())
            } else if let Some(rest) = path.strip_prefix('/') {
                format!("/{rest}")
                    .strip_prefix(base_path)
                    .map(resolve_from_root)
            } else {
                let dir = page.rsplit_once('/').map_or("", |(d, _)| d);
                Some(resolve_from_root(&format!("{dir}/{path}")))
            };
            let ok = target.is_some_and(|mut t| {
                if t.is_empty() || t.ends_with('/') {
                    t.push_str("index.html");
                }
                files.contains_key(&t)
                    && (fragment.is_empty() || ids.get(&t).is_some_and(|i| i.contains(fragment)))
            });
            if !ok {
                broken.push(format!("{page} -> {link}"));
            }
        }
        broken
    }
}

fn resolve_from_root(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    let mut out = parts.join("/");
    if path.ends_with('/') && !out.is_empty() {
        out.push('/');
    }
    out
}

fn collect(root: &Path, dir: &Path, files: &mut BTreeMap<String, Vec<u8>>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect(root, &path, files);
        } else {
            let rel = path
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            files.insert(rel, fs::read(&path).unwrap());
        }
    }
}

/// The text of the first element matching `css` in `html`.
pub fn text_of(html: &Html, css: &str) -> String {
    let selector = Selector::parse(css).unwrap();
    html.select(&selector)
        .next()
        .unwrap_or_else(|| panic!("no element {css}"))
        .text()
        .collect::<String>()
}

/// How many elements match `css` in `html`.
pub fn count(html: &Html, css: &str) -> usize {
    html.select(&Selector::parse(css).unwrap()).count()
}

/// The repository's own seeds folder.
pub fn repo_seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}
