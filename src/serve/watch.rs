//! Watching the inputs: file-system events, debounced, trigger a rebuild.

use std::path::{Path, PathBuf};
use std::sync::mpsc;

use notify::{RecursiveMode, Watcher};

use super::DEBOUNCE;
use crate::diagnostic::Diagnostic;

/// Watches `paths` (folders recursively, files through their folder) and calls `rebuild`
/// with `false` once the events of a change have fallen quiet. Watching stops when the
/// returned watcher is dropped.
pub fn spawn(
    paths: &[PathBuf],
    rebuild: impl Fn(bool) + Send + 'static,
) -> Result<notify::RecommendedWatcher, Diagnostic> {
    let (sender, receiver) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(sender)
        .map_err(|e| Diagnostic::general(format!("cannot watch the sources for changes: {e}")))?;
    let mut roots = Vec::new();
    for path in paths {
        let Some(path) = absolute(path) else {
            continue;
        };
        let (target, mode) = if path.is_dir() {
            (path.clone(), RecursiveMode::Recursive)
        } else {
            let parent = path
                .parent()
                .map_or_else(|| path.clone(), Path::to_path_buf);
            (parent, RecursiveMode::NonRecursive)
        };
        watcher.watch(&target, mode).map_err(|e| {
            Diagnostic::error(&path, format!("cannot watch for changes: {e}"))
                .hint("on Linux, raise fs.inotify.max_user_watches, or serve a smaller folder")
        })?;
        roots.push(path);
    }
    std::thread::spawn(move || {
        while let Ok(event) = receiver.recv() {
            if !concerns(&event, &roots) {
                continue;
            }
            // Let a burst of events (an editor's save, a copied folder) end before building.
            while receiver.recv_timeout(DEBOUNCE).is_ok() {}
            rebuild(false);
        }
    });
    Ok(watcher)
}

/// `path` made absolute with links resolved; a file that does not exist yet (a
/// `briefing.yaml` the user may create) through its folder.
fn absolute(path: &Path) -> Option<PathBuf> {
    if let Ok(path) = std::fs::canonicalize(path) {
        return Some(path);
    }
    let name = path.file_name()?;
    let parent = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let parent = std::fs::canonicalize(parent).ok()?;
    Some(parent.join(name))
}

/// Whether an event touches one of the watched files or folders (a file is watched through
/// its folder, whose other files do not count).
fn concerns(event: &notify::Result<notify::Event>, roots: &[PathBuf]) -> bool {
    let Ok(event) = event else {
        return true;
    };
    if event.kind.is_access() {
        return false;
    }
    event
        .paths
        .iter()
        .any(|path| roots.iter().any(|root| path.starts_with(root)))
}
