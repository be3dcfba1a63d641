//! Stage 1, load: the seeds folder to a list of [`Source`]s with their metadata.
//!
//! The folder is walked in a fixed order (hidden entries skipped, symbolic links followed
//! only while they stay inside the folder). Each `.md`, `.markdown`, `.txt`, `.html`, `.htm`
//! or `.pdf` file becomes a source; a `.yaml` file with the same stem beside it carries its
//! metadata. A file that cannot be read as a source yields a [`Diagnostic`] and is skipped;
//! the others load.

mod decode;
mod front_matter;
pub mod html;
pub mod metadata;
pub mod pdf;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::diagnostic::{Diagnostic, Position};
use crate::slug::SlugRegistry;
use decode::DecodeError;
pub use metadata::{Metadata, Published};

/// How a source's text is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// CommonMark, with optional YAML front matter.
    Markdown,
    /// Plain text: paragraphs separated by blank lines, or one per line.
    PlainText,
    /// A saved web page, read to its article as a clean HTML fragment (see [`html`]).
    Html,
    /// A PDF with text, read to its paragraphs (see [`pdf`]), one per blank-line block.
    Pdf,
}

/// One source document as read from the seeds folder.
#[derive(Debug, Clone)]
pub struct Source {
    /// Stable id: the slug of the file stem, made unique.
    pub id: String,
    /// Path relative to the seeds folder.
    pub path: PathBuf,
    /// Markdown or plain text.
    pub format: Format,
    /// Front matter and sidecar metadata, merged.
    pub meta: Metadata,
    /// The text after the front matter, with `\n` line endings.
    pub text: String,
    /// The line of the file on which `text` starts.
    pub first_line: usize,
}

/// What loading found: the sources that can be built and what was wrong with the others.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Sources in path order.
    pub sources: Vec<Source>,
    /// Problems with files that were skipped or partly read.
    pub diagnostics: Vec<Diagnostic>,
    /// Sources left out because they are marked `draft: true`.
    pub drafts_skipped: usize,
}

/// What to load besides the default.
#[derive(Debug, Clone, Copy, Default)]
pub struct LoadOptions {
    /// Include sources marked `draft: true`.
    pub drafts: bool,
}

/// The extensions read as sources, and how.
fn format_of(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "md" | "markdown" => Some(Format::Markdown),
        "txt" => Some(Format::PlainText),
        "html" | "htm" => Some(Format::Html),
        "pdf" => Some(Format::Pdf),
        _ => None,
    }
}

fn is_sidecar(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
}

/// Loads every source under `seeds`. Fails only when the folder itself cannot be read.
pub fn load(seeds: &Path, options: LoadOptions) -> Result<Loaded, Diagnostic> {
    let root = fs::canonicalize(seeds).map_err(|e| {
        Diagnostic::general(format!(
            "cannot read the seeds folder {}: {e}",
            seeds.display()
        ))
        .hint(
            "create it and put your sources (.md, .txt, .html, .pdf) in it, or name another folder with --seeds",
        )
    })?;
    if !root.is_dir() {
        return Err(
            Diagnostic::general(format!("{} is not a folder", seeds.display()))
                .hint("--seeds takes the folder that holds your sources"),
        );
    }
    let mut loaded = Loaded::default();
    let mut files = Vec::new();
    let mut sidecars = BTreeMap::new();
    // Folders reached through a link that leads out of the seeds folder: not walked, and
    // reported once rather than file by file.
    let mut outside = Vec::new();
    for entry in WalkDir::new(seeds)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            if e.depth() > 0 && e.file_name().to_string_lossy().starts_with('.') {
                return false;
            }
            if e.path_is_symlink()
                && e.file_type().is_dir()
                && !fs::canonicalize(e.path()).is_ok_and(|real| real.starts_with(&root))
            {
                outside.push(e.path().to_path_buf());
                return false;
            }
            true
        })
    {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                loaded.diagnostics.push(walk_error(seeds, &e));
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let path = entry.path();
        let relative = path.strip_prefix(seeds).unwrap_or(path).to_path_buf();
        let format = format_of(path);
        let sidecar = is_sidecar(path);
        if format.is_none() && !sidecar {
            continue;
        }
        if !fs::canonicalize(path).is_ok_and(|real| real.starts_with(&root)) {
            loaded.diagnostics.push(
                Diagnostic::warning(
                    path,
                    "skipped: a symbolic link that leads outside the seeds folder",
                )
                .hint("copy the file into the seeds folder if it belongs to the briefing"),
            );
            continue;
        }
        match format {
            Some(format) => files.push((relative, format)),
            None => {
                sidecars.insert(relative.with_extension(""), relative);
            }
        }
    }
    for folder in outside {
        loaded.diagnostics.push(
            Diagnostic::warning(
                folder,
                "skipped: a symbolic link to a folder outside the seeds folder",
            )
            .hint("copy the sources into the seeds folder if they belong to the briefing"),
        );
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));

    // Ids are claimed in path order; the files are then read in parallel.
    let mut ids = SlugRegistry::new();
    let mut used_sidecars = BTreeSet::new();
    let mut claimed = Vec::with_capacity(files.len());
    for (relative, format) in files {
        let id = ids.claim(
            id_candidates(&relative).iter().map(String::as_str),
            "source",
        );
        let sidecar = sidecars.get(&relative.with_extension(""));
        if let Some(sidecar) = sidecar {
            used_sidecars.insert(sidecar.clone());
        }
        claimed.push((relative, format, sidecar, id));
    }
    let read: Vec<_> = claimed
        .into_par_iter()
        .map(|(relative, format, sidecar, id)| read_source(seeds, &relative, format, sidecar, id))
        .collect();
    for result in read {
        match result {
            Ok(source) if source.meta.draft == Some(true) && !options.drafts => {
                loaded.drafts_skipped += 1;
            }
            Ok(source) => loaded.sources.push(source),
            Err(diagnostic) => loaded.diagnostics.push(*diagnostic),
        }
    }
    for (stem, sidecar) in sidecars {
        if !used_sidecars.contains(&sidecar) {
            let name = stem
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            loaded.diagnostics.push(
                Diagnostic::warning(seeds.join(&sidecar), "metadata file with no source beside it")
                    .hint(format!(
                        "a sidecar describes the source with the same name: put {name}.txt or {name}.md next to it, or rename it"
                    )),
            );
        }
    }
    Ok(loaded)
}

/// Ids to try for a source, best first: its stem, then stem and extension, then its folders.
fn id_candidates(relative: &Path) -> Vec<String> {
    let stem = relative
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let ext = relative
        .extension()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let folders = relative
        .parent()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default();
    vec![
        stem.clone(),
        format!("{stem} {ext}"),
        format!("{folders} {stem} {ext}"),
    ]
}

fn walk_error(seeds: &Path, error: &walkdir::Error) -> Diagnostic {
    let path = error.path().unwrap_or(seeds);
    if error.loop_ancestor().is_some() {
        Diagnostic::warning(
            path,
            "skipped: a symbolic link that loops back to a folder above it",
        )
        .hint("remove the link, or make it point to a folder outside its own parents")
    } else {
        let reason = error
            .io_error()
            .map_or_else(|| error.to_string(), ToString::to_string);
        Diagnostic::warning(path, format!("skipped: cannot read: {reason}"))
            .hint("check that the file or folder exists and that you may read it")
    }
}

fn read_source(
    seeds: &Path,
    relative: &Path,
    format: Format,
    sidecar: Option<&PathBuf>,
    id: String,
) -> Result<Source, Box<Diagnostic>> {
    let path = seeds.join(relative);
    // A PDF is bytes, not text: it is read whole and comes out as paragraphs.
    let text = match format {
        Format::Pdf => String::new(),
        // A saved page may be in the legacy encoding its `<meta charset>` names.
        Format::Html => read_text_or(&path, html::decode_declared)?,
        _ => read_text(&path)?,
    };
    let (meta, text, first_line) = match format {
        Format::PlainText => (Metadata::default(), text, 1),
        Format::Pdf => {
            let (meta, text) = pdf::read(&read_bytes(&path)?)
                .map_err(|e| Diagnostic::warning(&path, e.to_string()).hint(e.hint()))?
                .into_source();
            (meta, text, 1)
        }
        // A page's own metadata comes last: front matter has none, a sidecar's wins.
        Format::Html => {
            let page = html::read(&text)
                .map_err(|e| Diagnostic::warning(&path, format!("skipped: {e}")).hint(e.hint()))?;
            (page.metadata(), page.body, 1)
        }
        Format::Markdown => {
            let split = front_matter::split(&text).map_err(|_| {
                Diagnostic::warning(
                    &path,
                    "skipped: the front matter that opens here is never closed",
                )
                .at(Position::START)
                .hint("end the metadata with a line of three dashes `---` before the text")
            })?;
            let meta = match split.yaml {
                Some(yaml) => metadata::parse(yaml).map_err(|e| {
                    // The YAML starts on the line after the opening fence.
                    let at = Position {
                        line: e.position.line + 1,
                        column: e.position.column,
                    };
                    Diagnostic::warning(&path, format!("skipped: {}", e.message))
                        .at(at)
                        .hint(e.hint)
                })?,
                None => Metadata::default(),
            };
            (meta, split.body.to_string(), split.body_line)
        }
    };
    let meta = match sidecar {
        Some(sidecar) => {
            let side_path = seeds.join(sidecar);
            let yaml = read_text(&side_path)?;
            let side = metadata::parse(&yaml).map_err(|e| {
                Diagnostic::warning(
                    &side_path,
                    format!("skipped {}: {}", relative.display(), e.message),
                )
                .at(e.position)
                .hint(e.hint)
            })?;
            // Front matter is written over the sidecar; a page's or a PDF's own metadata is not.
            if matches!(format, Format::Html | Format::Pdf) {
                side.or(meta)
            } else {
                meta.or(side)
            }
        }
        None => meta,
    };
    if text.trim().is_empty() {
        return Err(Box::new(
            Diagnostic::warning(&path, "skipped: no text after the front matter")
                .at(Position {
                    line: first_line,
                    column: 1,
                })
                .hint("add the source's text below the closing `---`"),
        ));
    }
    Ok(Source {
        id,
        path: relative.to_path_buf(),
        format,
        meta,
        text,
        first_line,
    })
}

fn read_text(path: &Path) -> Result<String, Box<Diagnostic>> {
    read_text_or(path, |_| None)
}

fn read_bytes(path: &Path) -> Result<Vec<u8>, Box<Diagnostic>> {
    fs::read(path).map_err(|e| {
        Box::new(
            Diagnostic::warning(path, format!("skipped: cannot read: {e}"))
                .hint("check that the file exists and that you may read it"),
        )
    })
}

/// Reads `path` as UTF-8 or UTF-16 text, else as `other` decodes its bytes, if it can.
fn read_text_or(
    path: &Path,
    other: fn(&[u8]) -> Option<String>,
) -> Result<String, Box<Diagnostic>> {
    decode::decode(read_bytes(path)?, other).map_err(|e| {
        Box::new(match e {
            DecodeError::Empty => Diagnostic::warning(path, "skipped: the file is empty")
                .at(Position::START)
                .hint("add the source's text, or delete the file"),
            DecodeError::Binary(at) => {
                Diagnostic::warning(path, "skipped: binary data (a NUL byte), not text")
                    .at(at)
                    .hint("sources are text files; convert the document to Markdown or plain text")
            }
            DecodeError::InvalidUtf8(at) => Diagnostic::warning(path, "skipped: not valid UTF-8")
                .at(at)
                .hint("save the file as UTF-8, e.g. `iconv -f WINDOWS-1252 -t UTF-8 FILE > NEW`"),
            DecodeError::InvalidUtf16 => Diagnostic::warning(path, "skipped: broken UTF-16 text")
                .at(Position::START)
                .hint("save the file as UTF-8"),
        })
    })
}
