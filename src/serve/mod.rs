//! `briefing serve`: builds the site, serves it on loopback, rebuilds when the sources, the
//! templates or `briefing.yaml` change, and reloads the pages open in a browser.
//!
//! The site is built into a temporary folder, never over the output folder, so a preview
//! cannot leave a half-finished site where the user publishes from. A failed rebuild keeps
//! the last good site in place; the browser shows the diagnostics over the page until a
//! later build succeeds. The live-reload script is added to HTML responses by the server,
//! so the built files are the same as those of `briefing build`.

mod http;
mod watch;

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::sync::watch as state_channel;

use crate::build::{self, BuildOptions, Mode};
use crate::diagnostic::Diagnostic;

/// How long the watcher waits for the file system to fall quiet before it rebuilds.
pub const DEBOUNCE: Duration = Duration::from_millis(100);

/// What `briefing serve` was asked to do.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// Address to listen on (loopback unless the user asks otherwise).
    pub interface: IpAddr,
    /// Port to listen on; 0 lets the system pick a free one.
    pub port: u16,
    /// The path the site is served under, such as `/` or `/my-briefing/`.
    pub base_path: String,
    /// Open the site in the default browser once it is served.
    pub open: bool,
    /// Print errors only.
    pub quiet: bool,
}

/// The state of the site that open pages follow: which build is current and whether the
/// latest build failed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BuildState {
    /// Counts successful builds; a page reloads when it sees a newer one.
    pub generation: u64,
    /// The diagnostics of the latest build when it failed.
    pub error: Option<String>,
}

/// Normalises a `--base-path` value to `/`, or `/name/` with both slashes.
pub fn base_path(text: &str) -> Result<String, String> {
    let trimmed = text.trim().trim_matches('/');
    if trimmed
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || "\"'<>`\\?#%".contains(c))
    {
        return Err(format!(
            "`{text}` is not a base path: give a path such as /my-briefing/, without spaces, \
             quote marks, `?`, `#` or `%`"
        ));
    }
    if trimmed.split('/').any(|part| part == "." || part == "..") {
        return Err(format!(
            "`{text}` is not a base path: it may not contain `.` or `..` segments"
        ));
    }
    Ok(if trimmed.is_empty() {
        "/".to_string()
    } else {
        format!("/{trimmed}/")
    })
}

/// Builds, serves and watches until the user stops it (Ctrl-C).
///
/// `options` is called before every build, so that a changed `briefing.yaml` is read again;
/// `watched` lists the files and folders whose changes trigger a rebuild.
pub fn serve(
    serve: ServeOptions,
    watched: Vec<PathBuf>,
    options: impl Fn() -> Result<BuildOptions, Diagnostic> + Send + 'static,
) -> Result<(), Diagnostic> {
    let scratch = tempfile::Builder::new()
        .prefix("briefing-serve-")
        .tempdir()
        .map_err(|e| Diagnostic::general(format!("cannot create a temporary folder: {e}")))?;
    let site = scratch.path().join("site");
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| Diagnostic::general(format!("cannot start the server: {e}")))?;
    let address = SocketAddr::new(serve.interface, serve.port);
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind(address))
        .map_err(|e| bind_error(address, &e))?;
    let address = listener
        .local_addr()
        .map_err(|e| Diagnostic::general(format!("cannot listen on {address}: {e}")))?;

    let (state, _) = state_channel::channel(BuildState::default());
    let state = Arc::new(state);
    let rebuild = {
        let site = site.clone();
        let state = Arc::clone(&state);
        let quiet = serve.quiet;
        move |first: bool| rebuild(&options, &site, &state, first, quiet)
    };
    rebuild(true);
    let _watcher = watch::spawn(&watched, rebuild)?;

    let url = format!("http://{}{}", display_host(address), serve.base_path);
    eprintln!("Serving {url} (Ctrl-C to stop)");
    if serve.open
        && let Err(e) = opener::open_browser(&url)
    {
        eprintln!("warning: cannot open a browser: {e}; open {url} yourself");
    }
    let app = http::router(site, serve.base_path.clone(), Arc::clone(&state));
    runtime
        .block_on(async move {
            // Open pages hold event streams that never end, so Ctrl-C stops the server
            // outright rather than waiting for them.
            tokio::select! {
                served = axum::serve(listener, app) => served,
                _ = stop_signal() => Ok(()),
            }
        })
        .map_err(|e| Diagnostic::general(format!("the server stopped: {e}")))?;
    drop(scratch);
    Ok(())
}

/// Resolves when the user presses Ctrl-C or the process is asked to terminate.
async fn stop_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        if let Ok(mut terminate) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = terminate.recv() => {}
            }
            return;
        }
    }
    let _ = tokio::signal::ctrl_c().await;
}

/// Builds into `site` and tells open pages about it.
fn rebuild(
    options: &dyn Fn() -> Result<BuildOptions, Diagnostic>,
    site: &std::path::Path,
    state: &state_channel::Sender<BuildState>,
    first: bool,
    quiet: bool,
) {
    let clock = Instant::now();
    let result = options().map_err(|d| vec![d]).and_then(|mut options| {
        options.output = site.to_path_buf();
        build::build_leaving_previous(&options, Mode::Build, &|_| {})
            .map_err(|failure| failure.diagnostics)
    });
    let what = if first { "Built" } else { "Rebuilt" };
    match result {
        Ok((report, previous)) => {
            if !quiet {
                for d in &report.diagnostics {
                    eprintln!("{d}");
                }
                eprintln!(
                    "{what} {} source{} in {} ms",
                    report.stats.sources,
                    if report.stats.sources == 1 { "" } else { "s" },
                    clock.elapsed().as_millis()
                );
            }
            state.send_modify(|s| {
                s.generation += 1;
                s.error = None;
            });
            // Open pages reload while the site this build replaced is removed.
            if let Err(e) = previous.remove() {
                eprintln!(
                    "warning: cannot remove the previous build beside {}: {e}",
                    site.display()
                );
            }
        }
        Err(diagnostics) => {
            let text: Vec<String> = diagnostics.iter().map(|d| d.to_string()).collect();
            let text = text.join("\n");
            eprintln!("{text}");
            eprintln!("error: build failed; still serving the last good site");
            state.send_modify(|s| s.error = Some(text));
        }
    }
}

fn bind_error(address: SocketAddr, error: &std::io::Error) -> Diagnostic {
    let diagnostic = Diagnostic::general(format!("cannot listen on {address}: {error}"));
    match error.kind() {
        std::io::ErrorKind::AddrInUse => diagnostic.hint(
            "another program uses this port: stop it, or pick another port with --port \
             (--port 0 picks a free one)",
        ),
        std::io::ErrorKind::AddrNotAvailable => {
            diagnostic.hint("this machine has no such address: check --interface")
        }
        std::io::ErrorKind::PermissionDenied => {
            diagnostic.hint("ports below 1024 need privileges: pick a port above 1024 with --port")
        }
        _ => diagnostic,
    }
}

/// The host part of a URL for `address`: IPv6 in brackets, the unspecified address as
/// `localhost` so that the printed URL opens.
fn display_host(address: SocketAddr) -> String {
    match address.ip() {
        ip if ip.is_unspecified() => format!("localhost:{}", address.port()),
        IpAddr::V6(ip) => format!("[{ip}]:{}", address.port()),
        IpAddr::V4(ip) => format!("{ip}:{}", address.port()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_paths_are_normalised() {
        assert_eq!(base_path("/").unwrap(), "/");
        assert_eq!(base_path("").unwrap(), "/");
        assert_eq!(base_path("name").unwrap(), "/name/");
        assert_eq!(base_path("/name").unwrap(), "/name/");
        assert_eq!(base_path("/a/b/").unwrap(), "/a/b/");
        assert!(base_path("/a b/").is_err());
        assert!(base_path("/../x/").is_err());
        assert!(base_path("/x?y").is_err());
    }
}
