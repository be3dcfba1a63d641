//! Watching the inputs: file-system events, debounced, trigger a rebuild.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Instant;

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
            if !fall_quiet(&receiver, &roots) {
                return;
            }
            rebuild(false);
        }
    });
    Ok(watcher)
}

/// Waits until no event that concerns `roots` has come for [`DEBOUNCE`]: a burst of them
/// (an editor's save, a copied folder) ends before the build starts. Events about other
/// files in a watched file's folder (a log written every few milliseconds, an editor's
/// swap file) neither start nor prolong the wait. Whether the watcher is still there.
fn fall_quiet(receiver: &mpsc::Receiver<notify::Result<notify::Event>>, roots: &[PathBuf]) -> bool {
    let mut quiet_at = Instant::now() + DEBOUNCE;
    loop {
        let left = quiet_at.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return true;
        }
        match receiver.recv_timeout(left) {
            Ok(event) if concerns(&event, roots) => quiet_at = Instant::now() + DEBOUNCE,
            Ok(_) => {}
            Err(mpsc::RecvTimeoutError::Timeout) => return true,
            Err(mpsc::RecvTimeoutError::Disconnected) => return false,
        }
    }
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

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::time::Duration;

    use notify::event::{CreateKind, Event, EventKind, ModifyKind};

    use super::*;

    fn event(path: &str) -> notify::Result<Event> {
        Ok(Event::new(EventKind::Modify(ModifyKind::Any)).add_path(PathBuf::from(path)))
    }

    #[test]
    fn only_events_about_watched_paths_concern_the_build() {
        let roots = [PathBuf::from("/p/seeds"), PathBuf::from("/p/briefing.yaml")];
        assert!(concerns(&event("/p/seeds/a.md"), &roots));
        assert!(concerns(&event("/p/briefing.yaml"), &roots));
        assert!(!concerns(&event("/p/build.log"), &roots));
        assert!(!concerns(&event("/p/.briefing.yaml.swp"), &roots));
        let created = Ok(Event::new(EventKind::Create(CreateKind::File))
            .add_path(PathBuf::from("/p/seeds/new.md")));
        assert!(concerns(&created, &roots));
    }

    #[test]
    fn a_file_touched_every_few_milliseconds_beside_the_watched_ones_does_not_hold_the_build() {
        let (sender, receiver) = mpsc::channel();
        let roots = vec![PathBuf::from("/p/seeds")];
        let stop = Arc::new(AtomicBool::new(false));
        let noise = {
            let stop = Arc::clone(&stop);
            std::thread::spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    if sender.send(event("/p/build.log")).is_err() {
                        break;
                    }
                    std::thread::sleep(Duration::from_millis(2));
                }
                sender
            })
        };
        let (done, finished) = mpsc::channel();
        std::thread::spawn(move || done.send(fall_quiet(&receiver, &roots)));
        // The wait ends after DEBOUNCE; a generous bound keeps a broken wait from hanging
        // the test run.
        let quiet = finished.recv_timeout(Duration::from_secs(10));
        stop.store(true, Ordering::Relaxed);
        let _sender = noise.join();
        assert_eq!(quiet, Ok(true), "the rebuild never started");
    }
}
