//! The page templates: the default set built into the binary, each replaced by a file of the
//! same name in the project's `templates/` folder when there is one.

use std::fs;
use std::path::{Path, PathBuf};

use tera::{Context, Tera};

use crate::diagnostic::Diagnostic;

/// The built-in templates, by name.
const DEFAULTS: &[(&str, &str)] = &[
    ("base.html", include_str!("../../templates/base.html")),
    ("index.html", include_str!("../../templates/index.html")),
    ("sources.html", include_str!("../../templates/sources.html")),
    ("source.html", include_str!("../../templates/source.html")),
    (
        "source_card.html",
        include_str!("../../templates/source_card.html"),
    ),
    (
        "paragraph.html",
        include_str!("../../templates/paragraph.html"),
    ),
    ("404.html", include_str!("../../templates/404.html")),
    ("actors.html", include_str!("../../templates/actors.html")),
    ("actor.html", include_str!("../../templates/actor.html")),
    (
        "actor_card.html",
        include_str!("../../templates/actor_card.html"),
    ),
    (
        "timeline.html",
        include_str!("../../templates/timeline.html"),
    ),
    (
        "timeline_index.html",
        include_str!("../../templates/timeline_index.html"),
    ),
    ("search.html", include_str!("../../templates/search.html")),
];

/// The timeline's filter script, written to the site as `timeline.js`.
pub const TIMELINE_SCRIPT: &str = include_str!("../../templates/timeline.js");

/// The site's icon.
pub const FAVICON: &str = include_str!("../../templates/favicon.svg");

/// The search page's script, which reads the index in `search/`.
pub const SEARCH_SCRIPT: &str = include_str!("../../templates/search.js");

/// The stylesheet's name, in `templates/` and in the site.
pub const STYLESHEET: &str = "style.css";
const DEFAULT_STYLESHEET: &str = include_str!("../../templates/style.css");

/// Loaded templates and stylesheet, ready to render pages.
pub struct Templates {
    tera: Tera,
    stylesheet: String,
}

impl Templates {
    /// The defaults, with the same-named files of `dir` (if given and present) in their
    /// place. Other `.html` files in `dir` are loaded too, for overrides to include.
    pub fn load(dir: Option<&Path>) -> Result<Templates, Diagnostic> {
        let mut sources: Vec<(String, String, Option<PathBuf>)> = DEFAULTS
            .iter()
            .map(|(name, text)| (name.to_string(), text.to_string(), None))
            .collect();
        let mut stylesheet = DEFAULT_STYLESHEET.to_string();
        if let Some(dir) = dir.filter(|d| d.is_dir()) {
            let mut files: Vec<PathBuf> = fs::read_dir(dir)
                .map_err(|e| read_error(dir, &e))?
                .filter_map(|entry| entry.ok().map(|e| e.path()))
                .filter(|p| p.is_file())
                .collect();
            files.sort();
            for path in files {
                let Some(name) = path
                    .file_name()
                    .and_then(|n| n.to_str())
                    .map(str::to_string)
                else {
                    continue;
                };
                if name == STYLESHEET {
                    stylesheet = fs::read_to_string(&path).map_err(|e| read_error(&path, &e))?;
                } else if name.ends_with(".html") {
                    let text = fs::read_to_string(&path).map_err(|e| read_error(&path, &e))?;
                    sources.retain(|(n, _, _)| *n != name);
                    sources.push((name, text, Some(path)));
                }
            }
        }
        let mut tera = Tera::new();
        tera.add_raw_templates(
            sources
                .iter()
                .map(|(name, text, _)| (name.as_str(), text.as_str())),
        )
        .map_err(|e| {
            let overridden: Vec<String> = sources
                .iter()
                .filter_map(|(_, _, path)| path.as_ref().map(|p| p.display().to_string()))
                .collect();
            let mut d =
                Diagnostic::general(format!("a template does not compile:\n{}", error_chain(&e)));
            if !overridden.is_empty() {
                d = d.hint(format!(
                    "fix or remove your template override(s): {}",
                    overridden.join(", ")
                ));
            }
            d
        })?;
        Ok(Templates { tera, stylesheet })
    }

    /// Renders template `name` with `context`, as the bytes of UTF-8 text.
    pub fn render(&self, name: &str, context: &Context) -> Result<Vec<u8>, Diagnostic> {
        // Room for most pages at once; Tera would start from the template's size.
        let mut page = Vec::with_capacity(PAGE_SIZE);
        self.tera
            .render_to(name, context, &mut page)
            .map(|()| page)
            .map_err(|e| {
                Diagnostic::general(format!(
                    "template {name} failed to render:\n{}",
                    error_chain(&e)
                ))
                .hint(
                    "if you override this template in templates/, compare it with the built-in one",
                )
            })
    }

    /// The stylesheet's text.
    pub fn stylesheet(&self) -> &str {
        &self.stylesheet
    }
}

/// What a page is expected to take at most, mostly: source pages are 10 to 20 kB.
const PAGE_SIZE: usize = 32 * 1024;

fn read_error(path: &Path, error: &std::io::Error) -> Diagnostic {
    Diagnostic::error(path, format!("cannot read the template: {error}"))
        .hint("templates are UTF-8 text files; fix the file or remove it to use the built-in one")
}

/// An error and its causes, one per line.
fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(&format!("\n  caused by: {cause}"));
        source = cause.source();
    }
    text
}
