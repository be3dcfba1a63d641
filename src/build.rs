//! The pipeline, end to end: load → parse → dedupe → annotate → assemble → render, with the time of
//! each stage, the diagnostics of all of them, and the output folder replaced only when
//! everything succeeded.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::annotate::{self, RegistryActor};
use crate::assemble::{self, Briefing, Stats};
use crate::config::BaseUrl;
use crate::dating;
use crate::dedupe;
use crate::diagnostic::Diagnostic;
use crate::load::{self, LoadOptions};
use crate::parse;
use crate::render::output::{LinkCheck, Previous, StagedDir};
use crate::render::{self, templates::Templates};

/// Everything a build needs to know, after the command line and `briefing.yaml` are merged.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The folder of sources.
    pub seeds: PathBuf,
    /// The folder the site is written to.
    pub output: PathBuf,
    /// The project's template overrides, if the folder exists.
    pub templates: Option<PathBuf>,
    /// Where the site will be published.
    pub base_url: BaseUrl,
    /// Configured title.
    pub title: Option<String>,
    /// Configured description.
    pub description: Option<String>,
    /// Fail on any diagnostic.
    pub strict: bool,
    /// Include sources marked as drafts.
    pub drafts: bool,
    /// Actors described in `briefing.yaml`.
    pub registry: Vec<RegistryActor>,
}

/// Write the site, or only check that it could be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Build and replace the output folder.
    Build,
    /// Run every stage, check internal links, write nothing.
    Check,
}

/// What a successful build did.
#[derive(Debug, Default)]
pub struct Report {
    /// Warnings about sources that were skipped or partly read.
    pub diagnostics: Vec<Diagnostic>,
    /// The briefing's figures.
    pub stats: Stats,
    /// Sources left out as drafts.
    pub drafts_skipped: usize,
    /// How long each stage took, in the order they ran.
    pub timings: Vec<Timing>,
    /// How long all the stages took together.
    pub elapsed: Duration,
    /// How long each step of the dedupe stage took.
    pub dedupe_timings: Vec<(&'static str, Duration)>,
}

/// How long one stage took.
#[derive(Debug, Clone, Copy)]
pub struct Timing {
    /// The stage, from [`STAGES`].
    pub stage: &'static str,
    /// Its time.
    pub took: Duration,
    /// The stage it ran at the same time as, if any: each is timed on its own.
    pub beside: Option<&'static str>,
}

/// A build that did not produce a site, with every diagnostic that explains why.
#[derive(Debug)]
pub struct Failure {
    /// Warnings and the errors that stopped the build.
    pub diagnostics: Vec<Diagnostic>,
}

impl From<Diagnostic> for Failure {
    fn from(diagnostic: Diagnostic) -> Self {
        Failure {
            diagnostics: vec![diagnostic],
        }
    }
}

/// The stages in the order they run, as [`build_with_progress`] names them.
pub const STAGES: [&str; 6] = ["load", "parse", "dedupe", "annotate", "assemble", "render"];

/// Runs load → parse → dedupe → annotate → assemble: the briefing as data, and the
/// report of the stages so far.
pub fn briefing(options: &BuildOptions) -> Result<(Briefing, Report), Failure> {
    briefing_with_progress(options, &|_| {})
}

/// [`briefing`], calling `progress` with the name of each stage (from [`STAGES`]) as it
/// starts.
pub fn briefing_with_progress(
    options: &BuildOptions,
    progress: &dyn Fn(&'static str),
) -> Result<(Briefing, Report), Failure> {
    let mut report = Report::default();
    let started = Instant::now();
    let mut clock = Instant::now();
    // Records the stage that just ended and announces the one after it.
    // `took` is the time of a stage that ran beside another (`beside`) and was timed on its
    // own; other stages take the time since the last lap.
    let mut lap = |report: &mut Report,
                   stage: &'static str,
                   took: Option<Duration>,
                   beside: Option<&'static str>| {
        report.timings.push(Timing {
            stage,
            took: took.unwrap_or_else(|| clock.elapsed()),
            beside,
        });
        clock = Instant::now();
        if let Some(next) = STAGES
            .iter()
            .position(|s| *s == stage)
            .and_then(|i| STAGES.get(i + 1))
        {
            progress(next);
        }
    };
    progress("load");
    let loaded = load::load(
        &options.seeds,
        LoadOptions {
            drafts: options.drafts,
        },
    )?;
    report.diagnostics = loaded.diagnostics;
    report.drafts_skipped = loaded.drafts_skipped;
    if loaded.sources.is_empty() {
        let error = Diagnostic::general(format!(
            "no sources to build in {}",
            options.seeds.display()
        ))
        .hint(
            "put Markdown (.md, .markdown), plain-text (.txt), saved web pages (.html, .htm) or PDF files in the seeds folder",
        );
        return Err(fail(report.diagnostics, error));
    }
    lap(&mut report, "load", None, None);

    let mut documents: Vec<parse::Document> =
        loaded.sources.into_par_iter().map(parse::parse).collect();
    dating::from_text(&mut documents);
    lap(&mut report, "parse", None, None);
    // Dedupe and annotation both only read the documents: they run side by side, so that
    // the sequential parts of each (resolving names, grouping repeats) leave no core idle.
    let ((clusters, dedupe_took), (mut annotations, annotate_took)) = rayon::join(
        || timed(|| dedupe::dedupe(&documents)),
        || timed(|| annotate::annotate(&documents, &options.registry)),
    );
    lap(&mut report, "dedupe", Some(dedupe_took), None);
    lap(&mut report, "annotate", Some(annotate_took), Some("dedupe"));
    report.dedupe_timings = clusters.timings().to_vec();
    // An undated copy of a dated source is dated by it once dedupe has found it: its
    // relative times are read again against that date.
    let dated = dating::from_copies(&mut documents, |d| clusters.copy_of(d).map(|c| c.of));
    annotate::retime(&documents, &dated, &mut annotations);
    let briefing = assemble::assemble(
        documents,
        &clusters,
        annotations,
        options.title.clone(),
        options.description.clone(),
    );
    report.stats = briefing.stats.clone();
    lap(&mut report, "assemble", None, None);
    report.elapsed = started.elapsed();
    Ok((briefing, report))
}

/// What `f` returns, and how long it took.
fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let clock = Instant::now();
    (f(), clock.elapsed())
}

/// Builds the site (or checks it).
pub fn build(options: &BuildOptions, mode: Mode) -> Result<Report, Failure> {
    build_with_progress(options, mode, &|_| {})
}

/// [`build`], calling `progress` with the name of each stage (from [`STAGES`]) as it starts.
pub fn build_with_progress(
    options: &BuildOptions,
    mode: Mode,
    progress: &dyn Fn(&'static str),
) -> Result<Report, Failure> {
    let (mut report, previous) = build_leaving_previous(options, mode, progress)?;
    let (removed, took) = timed(|| previous.remove());
    if let Err(e) = removed {
        return Err(fail(report.diagnostics, replace_error(&options.output, &e)));
    }
    // Replacing the site is part of rendering it.
    if let Some(render) = report.timings.last_mut() {
        render.took += took;
    }
    report.elapsed += took;
    Ok(report)
}

/// [`build_with_progress`], leaving the site it replaced aside for the caller to remove:
/// a server announces the new site first.
pub fn build_leaving_previous(
    options: &BuildOptions,
    mode: Mode,
    progress: &dyn Fn(&'static str),
) -> Result<(Report, Previous), Failure> {
    if mode == Mode::Build {
        check_output_folder(&options.output, &options.seeds)?;
    }
    let templates = Templates::load(options.templates.as_deref())?;
    let (briefing, mut report) = briefing_with_progress(options, progress)?;
    let clock = Instant::now();

    if options.strict && !report.diagnostics.is_empty() {
        let count = report.diagnostics.len();
        let error = Diagnostic::general(format!(
            "--strict: {count} warning{} above",
            if count == 1 { "" } else { "s" }
        ))
        .hint("fix the sources named above, or build without --strict to skip them");
        return Err(fail(report.diagnostics, error));
    }

    let previous = match mode {
        Mode::Build => {
            let written = StagedDir::create(&options.output)
                .map_err(|e| {
                    Diagnostic::error(
                        &options.output,
                        format!("cannot create the output folder: {e}"),
                    )
                    .hint("check that you may write to the folder that holds it")
                })
                .and_then(|mut staged| {
                    render::render(&briefing, &templates, &options.base_url, &mut staged)?;
                    staged
                        .commit()
                        .map_err(|e| replace_error(&options.output, &e))
                });
            match written {
                Ok(replaced) => replaced,
                Err(error) => return Err(fail(report.diagnostics, error)),
            }
        }
        Mode::Check => {
            let mut check = LinkCheck::default();
            if let Err(error) = render::pages(&briefing, &templates, &options.base_url, &mut check)
            {
                return Err(fail(report.diagnostics, error));
            }
            let broken: Vec<Diagnostic> = check
                .broken_links(options.base_url.path())
                .into_iter()
                .map(|(page, href)| {
                    Diagnostic::general(format!("{page}: link to {href} leads nowhere")).hint(
                        "a template override links to a page or anchor the site does not have",
                    )
                })
                .collect();
            if !broken.is_empty() {
                let mut diagnostics = report.diagnostics;
                diagnostics.extend(broken);
                return Err(Failure { diagnostics });
            }
            Previous::default()
        }
    };
    report.timings.push(Timing {
        stage: "render",
        took: clock.elapsed(),
        beside: None,
    });
    report.elapsed += clock.elapsed();
    // Freeing millions of small allocations takes a while at scale, and nothing waits for
    // it: the command can end (which frees everything at once), a server can go on.
    std::thread::spawn(move || drop(briefing));
    Ok((report, previous))
}

/// The output folder could not be put in place, or the one it replaced removed.
fn replace_error(output: &Path, error: &std::io::Error) -> Diagnostic {
    Diagnostic::error(output, format!("cannot replace the output folder: {error}"))
        .hint("close programs that hold files in it open, and check your permissions")
}

/// The diagnostics so far with `error` added: a failed build.
fn fail(mut diagnostics: Vec<Diagnostic>, error: Diagnostic) -> Failure {
    diagnostics.push(error);
    Failure { diagnostics }
}

/// Refuses output folders whose replacement would destroy something that is not a site:
/// the seeds, the current folder, or a folder of other files.
fn check_output_folder(output: &Path, seeds: &Path) -> Result<(), Diagnostic> {
    let out = absolute(output);
    let seeds_abs = absolute(seeds);
    let refuse = |why: &str, hint: &str| {
        Err(
            Diagnostic::error(output, format!("refusing to build here: {why}"))
                .hint(hint.to_string()),
        )
    };
    if out.starts_with(&seeds_abs) {
        return refuse(
            "the output folder is inside the seeds folder",
            "choose an output folder outside the seeds, e.g. --out site",
        );
    }
    if seeds_abs.starts_with(&out) {
        return refuse(
            "the output folder holds the seeds folder, and building replaces the output folder",
            "choose an output folder of its own, e.g. --out site",
        );
    }
    if std::env::current_dir().is_ok_and(|cwd| absolute(&cwd).starts_with(&out)) {
        return refuse(
            "the output folder holds the current folder, and building replaces the output folder",
            "choose an output folder of its own, e.g. --out site",
        );
    }
    if out.is_file() {
        return refuse(
            "a file of that name exists",
            "choose another --out, or remove the file",
        );
    }
    let has_files = fs::read_dir(&out).is_ok_and(|mut entries| entries.next().is_some());
    if has_files && !out.join("briefing.json").is_file() {
        return refuse(
            "the folder holds files that are not a briefing site, and building replaces the folder",
            "choose an empty or new folder with --out, or remove that folder first",
        );
    }
    Ok(())
}

/// `path` made absolute, with symbolic links resolved in the part of it that exists.
fn absolute(path: &Path) -> PathBuf {
    let full = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut existing = full.as_path();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                existing = parent;
            }
            _ => return full,
        }
    }
    let mut resolved = fs::canonicalize(existing).unwrap_or_else(|_| existing.to_path_buf());
    resolved.extend(rest.iter().rev());
    resolved
}
