//! The `briefing` command line.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use briefing::build::{self, BuildOptions, Mode, Report};
use briefing::config::{BaseUrl, Config};
use briefing::diagnostic::Diagnostic;
use briefing::render;
use briefing::serve::ServeOptions;
use clap::{Args, Parser, Subcommand};

/// The pipeline makes and drops millions of small strings and vectors over several threads:
/// mimalloc serves them faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Turn a folder of news sources into a static briefing site.
///
/// Reads the sources in the seeds folder (Markdown with YAML front matter, plain text, sidecar
/// .yaml metadata), marks repeated paragraphs, and writes a site to the output folder.
#[derive(Debug, Parser)]
#[command(name = "briefing", version, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Build the site from the seeds folder (default: seeds/ into site/).
    Build {
        #[command(flatten)]
        common: Common,
        /// Folder to write the site to; it is replaced only when the build succeeds
        /// [default: `output` in briefing.yaml, else site]
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
    /// Run every stage and check the site's internal links, without writing anything.
    Check {
        #[command(flatten)]
        common: Common,
    },
    /// Build the site, serve it on this machine, and rebuild and reload open pages when the
    /// sources, the templates or briefing.yaml change.
    Serve {
        #[command(flatten)]
        common: Common,
        /// Port to listen on (0 picks a free one)
        #[arg(long, default_value_t = 8000)]
        port: u16,
        /// Address to listen on; the default serves this machine only
        #[arg(long, default_value = "127.0.0.1", value_name = "ADDRESS")]
        interface: std::net::IpAddr,
        /// Serve the site under this path, as GitHub Pages serves a project site
        /// [default: the path of the base URL, else /]
        #[arg(long, value_name = "PATH", value_parser = briefing::serve::base_path)]
        base_path: Option<String>,
        /// Open the site in the default browser
        #[arg(long)]
        open: bool,
    },
    /// Print the actors found in the sources as YAML, to paste under `actors:` in
    /// briefing.yaml and curate.
    Actors {
        #[command(flatten)]
        common: Common,
    },
}

#[derive(Debug, Args)]
struct Common {
    /// Folder of sources: .md, .markdown, .txt, .html, .htm and .pdf files, with optional NAME.yaml metadata
    /// [default: `seeds` in briefing.yaml, else seeds]
    #[arg(long, value_name = "DIR")]
    seeds: Option<PathBuf>,
    /// Configuration file [default: briefing.yaml, when it exists]
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Where the site will be published: a path such as /my-briefing/ or an address such as
    /// https://you.github.io/my-briefing/ (used by the 404 page, the sitemap and canonical
    /// links) [default: `base_url` in briefing.yaml, else /]
    #[arg(long, value_name = "URL", value_parser = BaseUrl::parse)]
    base_url: Option<BaseUrl>,
    /// Fail the build on any warning (a skipped source, a broken metadata field)
    #[arg(long)]
    strict: bool,
    /// Include sources marked `draft: true`
    #[arg(long)]
    drafts: bool,
    /// Print errors only
    #[arg(short, long, conflicts_with = "verbose")]
    quiet: bool,
    /// Print the time each stage took
    #[arg(short, long)]
    verbose: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let (common, out, mode) = match cli.command {
        Command::Build { common, out } => (common, out, Mode::Build),
        Command::Check { common } => (common, None, Mode::Check),
        Command::Actors { common } => return actors(&common),
        Command::Serve {
            common,
            port,
            interface,
            base_path,
            open,
        } => {
            let serve = ServeOptions {
                interface,
                port,
                base_path: base_path.unwrap_or_default(),
                open,
                quiet: common.quiet,
            };
            return serve_site(common, serve);
        }
    };
    let options = match options(&common, out) {
        Ok(options) => options,
        Err(diagnostic) => {
            eprintln!("{diagnostic}");
            return ExitCode::FAILURE;
        }
    };
    let progress = Progress::start(!common.quiet && std::io::stderr().is_terminal());
    let result = build::build_with_progress(&options, mode, &|stage| progress.stage(stage));
    progress.finish();
    match result {
        Ok(report) => {
            if !common.quiet {
                for d in &report.diagnostics {
                    eprintln!("{d}");
                }
                summary(&report, &options, mode, common.verbose);
            }
            ExitCode::SUCCESS
        }
        Err(failure) => {
            for d in &failure.diagnostics {
                if !common.quiet || d.severity == briefing::diagnostic::Severity::Error {
                    eprintln!("{d}");
                }
            }
            let what = if mode == Mode::Build {
                "build failed"
            } else {
                "check failed"
            };
            eprintln!("error: {what}; {} is unchanged", options.output.display());
            ExitCode::FAILURE
        }
    }
}

/// A progress bar on standard error for builds that take over a second, when it is a
/// terminal: which stage runs, of how many.
struct Progress {
    bar: indicatif::ProgressBar,
    /// Set once the build is over, so that the bar is never shown after it.
    over: std::sync::Arc<std::sync::Mutex<bool>>,
}

impl Progress {
    const DELAY: std::time::Duration = std::time::Duration::from_secs(1);

    fn start(enabled: bool) -> Progress {
        let bar = indicatif::ProgressBar::with_draw_target(
            Some(build::STAGES.len() as u64),
            indicatif::ProgressDrawTarget::hidden(),
        );
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "{spinner} {elapsed:>3} [{bar:24}] {pos}/{len} {msg}",
        ) {
            bar.set_style(style.progress_chars("=> "));
        }
        let over = std::sync::Arc::new(std::sync::Mutex::new(false));
        if enabled {
            let (bar, over) = (bar.clone(), std::sync::Arc::clone(&over));
            std::thread::spawn(move || {
                std::thread::sleep(Self::DELAY);
                let over = over.lock().unwrap_or_else(|e| e.into_inner());
                if !*over {
                    bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
                    bar.enable_steady_tick(std::time::Duration::from_millis(120));
                }
            });
        }
        Progress { bar, over }
    }

    fn stage(&self, stage: &'static str) {
        let done = build::STAGES.iter().position(|s| *s == stage).unwrap_or(0);
        self.bar.set_position(done as u64);
        self.bar.set_message(stage);
    }

    fn finish(&self) {
        *self.over.lock().unwrap_or_else(|e| e.into_inner()) = true;
        self.bar.finish_and_clear();
    }
}

/// `briefing actors`: the discovered actors as YAML on standard output.
fn actors(common: &Common) -> ExitCode {
    let result = options(common, None)
        .map_err(|d| vec![d])
        .and_then(|options| {
            build::briefing(&options)
                .map(|(briefing, report)| (briefing, report, options))
                .map_err(|f| f.diagnostics)
        });
    match result {
        Ok((briefing, report, options)) => {
            if !common.quiet {
                for d in &report.diagnostics {
                    eprintln!("{d}");
                }
            }
            print!(
                "{}",
                render::registry::actors_yaml(&briefing, &options.seeds.display().to_string())
            );
            ExitCode::SUCCESS
        }
        Err(diagnostics) => {
            for d in diagnostics {
                eprintln!("{d}");
            }
            ExitCode::FAILURE
        }
    }
}

/// `briefing serve`: the site under its base path, rebuilt as its inputs change.
fn serve_site(common: Common, mut serve: ServeOptions) -> ExitCode {
    let first = options(&common, None);
    if serve.base_path.is_empty() {
        serve.base_path = first
            .as_ref()
            .map_or("/", |options| options.base_url.path())
            .to_string();
    }
    let (seeds, templates) = match &first {
        Ok(options) => (
            options.seeds.clone(),
            options
                .templates
                .clone()
                .unwrap_or_else(|| PathBuf::from("templates")),
        ),
        Err(_) => (PathBuf::from("seeds"), PathBuf::from("templates")),
    };
    let config = common
        .config
        .clone()
        .unwrap_or_else(|| PathBuf::from("briefing.yaml"));
    let base_url = match BaseUrl::parse(&serve.base_path) {
        Ok(url) => url,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(2);
        }
    };
    let result = briefing::serve::serve(serve, vec![seeds, templates, config], move || {
        options(&common, None).map(|options| BuildOptions {
            base_url: base_url.clone(),
            ..options
        })
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(diagnostic) => {
            eprintln!("{diagnostic}");
            ExitCode::FAILURE
        }
    }
}

/// Merges the command line over `briefing.yaml` over the defaults.
fn options(common: &Common, out: Option<PathBuf>) -> Result<BuildOptions, Diagnostic> {
    let config_path = match &common.config {
        Some(path) => Some(path.clone()),
        None => Some(PathBuf::from("briefing.yaml")).filter(|p| p.is_file()),
    };
    let config = match &config_path {
        Some(path) => Config::load(path)?,
        None => Config::default(),
    };
    let root = config_path
        .as_deref()
        .and_then(Path::parent)
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let base_url = match (&common.base_url, &config.base_url) {
        (Some(url), _) => url.clone(),
        (None, Some(text)) => BaseUrl::parse(text).map_err(|message| {
            let path = config_path.clone().unwrap_or_default();
            Diagnostic::error(path, format!("base_url: {message}"))
        })?,
        (None, None) => BaseUrl::default(),
    };
    let templates = root.join("templates");
    Ok(BuildOptions {
        seeds: common
            .seeds
            .clone()
            .or(config.seeds)
            .unwrap_or_else(|| root.join("seeds")),
        output: out.or(config.output).unwrap_or_else(|| root.join("site")),
        templates: templates.is_dir().then_some(templates),
        base_url,
        title: config.title,
        description: config.description,
        strict: common.strict,
        drafts: common.drafts,
        registry: config.actors,
    })
}

fn summary(report: &Report, options: &BuildOptions, mode: Mode, verbose: bool) {
    let s = &report.stats;
    let total = report.elapsed;
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let what = match mode {
        Mode::Build => format!("Built {}", options.output.display()),
        Mode::Check => "Checked the site".to_string(),
    };
    let mut line = format!(
        "{what} from {} in {} ms: {}, {} repeated, {}, {}",
        plural(s.sources, "source"),
        total.as_millis(),
        plural(s.paragraphs, "paragraph"),
        s.duplicates,
        plural(s.actors, "actor"),
        plural(s.events, "event"),
    );
    if !report.diagnostics.is_empty() {
        line.push_str(&format!(
            ", {}",
            plural(report.diagnostics.len(), "warning")
        ));
    }
    if report.drafts_skipped > 0 {
        line.push_str(&format!(
            "; {} left out (build with --drafts to include)",
            plural(report.drafts_skipped, "draft")
        ));
    }
    eprintln!("{line}");
    if verbose {
        let ms = |time: &std::time::Duration| time.as_secs_f64() * 1000.0;
        for timing in &report.timings {
            let stage = timing.stage;
            let beside = timing
                .beside
                .map(|other| format!("  (beside {other})"))
                .unwrap_or_default();
            eprintln!("  {stage:<11} {:>9.1} ms{beside}", ms(&timing.took));
            if stage == "dedupe" {
                for (step, time) in &report.dedupe_timings {
                    eprintln!("    {step:<9} {:>9.1} ms", ms(time));
                }
            }
        }
    }
    if mode == Mode::Build && std::io::stderr().is_terminal() {
        let index = options.output.join("index.html");
        let shown = std::fs::canonicalize(&index).unwrap_or(index);
        eprintln!("Open file://{}", shown.display());
    }
}
