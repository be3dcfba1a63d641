//! The browser tests' equipment: a fixture project served by `briefing serve` under a base
//! path, headless Chromium driven over the DevTools protocol, and the checkers (axe-core,
//! the Nu HTML checker) installed by `npm ci --prefix tests/browser`.

use std::ffi::OsStr;
use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use headless_chrome::protocol::cdp::types::Event;
use headless_chrome::protocol::cdp::{Emulation, Network, Page, Runtime};
use headless_chrome::{Browser, LaunchOptions, Tab};
use serde_json::Value;
use tempfile::TempDir;

/// The path the fixture site is served under, as GitHub Pages serves a project site.
pub const BASE: &str = "/briefing-fixture/";

/// The fixture sources: the timeline, actors and rewrites fixtures of the end-to-end tests
/// together (the last for sources with exact, edited and reworded repeats folded).
const FIXTURES: &[&str] = &[
    "tests/fixtures/timeline",
    "tests/fixtures/actors",
    "tests/fixtures/rewrites",
];

/// Where a checker installed by npm lives, or a failure that says how to install it.
pub fn node_module(path: &str) -> PathBuf {
    let full = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/browser/node_modules")
        .join(path);
    assert!(
        full.is_file(),
        "{} is missing: run `npm ci --prefix tests/browser` (needs Node.js and npm)",
        full.display()
    );
    full
}

/// Where screenshots of the run are kept for a reviewer.
pub fn screenshot_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser-screenshots");
    fs::create_dir_all(&dir).expect("screenshot folder");
    dir
}

/// A fixture project in a temporary folder.
pub struct Project {
    dir: TempDir,
}

impl Project {
    /// The fixture sources copied into `seeds/`.
    pub fn fixture() -> Project {
        let dir = tempfile::tempdir().expect("temporary folder");
        let seeds = dir.path().join("seeds");
        fs::create_dir(&seeds).expect("seeds folder");
        for fixture in FIXTURES {
            let from = Path::new(env!("CARGO_MANIFEST_DIR")).join(fixture);
            for entry in fs::read_dir(&from).expect("fixture folder") {
                let entry = entry.expect("fixture file");
                fs::copy(entry.path(), seeds.join(entry.file_name())).expect("copy fixture");
            }
        }
        Project { dir }
    }

    /// Adds a source to `seeds/`.
    pub fn seed(&self, name: &str, content: &str) {
        fs::write(self.path().join("seeds").join(name), content).expect("write seed");
    }

    /// The project folder.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Builds the site into `site/` with `briefing build`, and returns that folder.
    pub fn build(&self) -> PathBuf {
        let status = Command::new(env!("CARGO_BIN_EXE_briefing"))
            .args(["build", "--quiet", "--base-url", BASE])
            .current_dir(self.path())
            .status()
            .expect("run briefing build");
        assert!(status.success(), "briefing build failed");
        self.path().join("site")
    }
}

/// `briefing serve` running on a free port, stopped when dropped.
pub struct Server {
    child: Child,
    /// The site's address, ending with the base path.
    pub url: String,
    /// Every line the server printed, with when it arrived.
    pub lines: Arc<Mutex<Vec<(Instant, String)>>>,
}

impl Server {
    /// Starts `briefing serve` in `project` and waits until it listens.
    pub fn start(project: &Project) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_briefing"))
            .args(["serve", "--port", "0", "--base-path", BASE])
            .current_dir(project.path())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run briefing serve");
        let stderr = child.stderr.take().expect("server's standard error");
        let lines = Arc::new(Mutex::new(Vec::new()));
        let (found, url) = std::sync::mpsc::channel();
        {
            let lines = Arc::clone(&lines);
            std::thread::spawn(move || {
                for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                    if let Some(rest) = line.strip_prefix("Serving ") {
                        let _ = found.send(rest.split(' ').next().unwrap_or("").to_string());
                    }
                    lines.lock().unwrap().push((Instant::now(), line));
                }
            });
        }
        let url = url
            .recv_timeout(Duration::from_secs(60))
            .expect("briefing serve printed no address within a minute");
        Server { child, url, lines }
    }

    /// Waits for a line of the server's output after the first `skip` lines that contains
    /// `needle`, and returns when it arrived.
    pub fn wait_for_line(&self, skip: usize, needle: &str) -> Instant {
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            if let Some((at, _)) = self
                .lines
                .lock()
                .unwrap()
                .iter()
                .skip(skip)
                .find(|(_, line)| line.contains(needle))
            {
                return *at;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        panic!(
            "the server did not print {needle:?}; it printed:\n{}",
            self.output()
        );
    }

    /// How many lines the server has printed.
    pub fn line_count(&self) -> usize {
        self.lines.lock().unwrap().len()
    }

    /// Everything the server printed.
    pub fn output(&self) -> String {
        let lines = self.lines.lock().unwrap();
        lines
            .iter()
            .map(|(_, l)| l.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        // Ask it to stop, so that it removes its temporary folder; kill it if it lingers.
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        for _ in 0..50 {
            if matches!(self.child.try_wait(), Ok(Some(_))) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Headless Chromium: Debian's `chromium`, or the program named by `BRIEFING_CHROMIUM`.
pub fn browser() -> Browser {
    let path = std::env::var_os("BRIEFING_CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"));
    assert!(
        path.exists(),
        "{} is missing: install Chromium (`apt-get install -y chromium`) or set BRIEFING_CHROMIUM",
        path.display()
    );
    let options = LaunchOptions::default_builder()
        .path(Some(path))
        .headless(true)
        .sandbox(false)
        .window_size(Some((1280, 900)))
        .idle_browser_timeout(Duration::from_secs(600))
        .args(vec![
            OsStr::new("--disable-component-update"),
            OsStr::new("--disable-background-networking"),
            OsStr::new("--hide-scrollbars"),
        ])
        .build()
        .expect("browser options");
    Browser::new(options).expect("start Chromium")
}

/// `project` served by `briefing serve`, a browser, and a window in it.
pub fn session(project: Project) -> (Project, Server, Browser, Window) {
    let server = Server::start(&project);
    let browser = browser();
    let window = Window::open(&browser);
    (project, server, browser, window)
}

/// What went wrong on a page: console errors, uncaught exceptions, failed requests.
#[derive(Debug, Default)]
pub struct Problems {
    pub console: Vec<String>,
    pub exceptions: Vec<String>,
    pub requests: Vec<String>,
}

/// A browser tab that records the problems of the pages it shows.
pub struct Window {
    pub tab: Arc<Tab>,
    problems: Arc<Mutex<Problems>>,
}

impl Window {
    /// A new tab in `browser`, recording problems from the start.
    pub fn open(browser: &Browser) -> Window {
        let tab = browser.new_tab().expect("new tab");
        tab.set_default_timeout(Duration::from_secs(30));
        tab.enable_log().expect("log domain");
        tab.enable_runtime().expect("runtime domain");
        tab.call_method(Network::Enable {
            max_total_buffer_size: None,
            max_resource_buffer_size: None,
            max_post_data_size: None,
            report_direct_socket_traffic: None,
            enable_durable_messages: None,
        })
        .expect("network domain");
        let problems = Arc::new(Mutex::new(Problems::default()));
        let sink = Arc::clone(&problems);
        tab.add_event_listener(Arc::new(move |event: &Event| {
            let mut p = sink.lock().unwrap();
            match event {
                Event::RuntimeConsoleAPICalled(e)
                    if matches!(
                        e.params.Type,
                        Runtime::ConsoleAPICalledEventTypeOption::Error
                            | Runtime::ConsoleAPICalledEventTypeOption::Warning
                            | Runtime::ConsoleAPICalledEventTypeOption::Assert
                    ) =>
                {
                    let args: Vec<String> = e
                        .params
                        .args
                        .iter()
                        .map(|a| {
                            a.value
                                .as_ref()
                                .map(|v| v.to_string())
                                .or_else(|| a.description.clone())
                                .unwrap_or_default()
                        })
                        .collect();
                    p.console.push(args.join(" "));
                }
                Event::LogEntryAdded(e)
                    if matches!(
                        e.params.entry.level,
                        headless_chrome::protocol::cdp::Log::LogEntryLevel::Error
                    ) =>
                {
                    p.console.push(format!(
                        "{} {}",
                        e.params.entry.text,
                        e.params.entry.url.clone().unwrap_or_default()
                    ));
                }
                Event::RuntimeExceptionThrown(e) => {
                    let d = &e.params.exception_details;
                    let what = d
                        .exception
                        .as_ref()
                        .and_then(|x| x.description.clone())
                        .unwrap_or_default();
                    p.exceptions.push(format!("{} {what}", d.text));
                }
                Event::NetworkResponseReceived(e) if e.params.response.status >= 400 => {
                    p.requests.push(format!(
                        "{} {}",
                        e.params.response.status, e.params.response.url
                    ));
                }
                Event::NetworkLoadingFailed(e) if !e.params.canceled.unwrap_or(false) => {
                    p.requests
                        .push(format!("{} ({:?})", e.params.error_text, e.params.Type));
                }
                _ => {}
            }
        }))
        .expect("event listener");
        Window { tab, problems }
    }

    /// Loads `url` and waits until the document and its resources have loaded.
    pub fn goto(&self, url: &str) {
        self.tab.navigate_to(url).expect("navigate");
        self.wait_loaded();
    }

    /// Waits until the current document has finished loading.
    pub fn wait_loaded(&self) {
        self.wait_until("document.readyState === 'complete'");
    }

    /// Polls `condition` (a JavaScript expression) until it is true, for up to 20 seconds.
    pub fn wait_until(&self, condition: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if self
                .eval(&format!("!!({condition})"))
                .unwrap_or(Value::Bool(false))
                == Value::Bool(true)
            {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {condition} on {}",
                self.tab.get_url()
            );
            std::thread::sleep(Duration::from_millis(25));
        }
    }

    /// Evaluates `expression` (awaiting a promise) and returns its value as JSON.
    pub fn eval(&self, expression: &str) -> Result<Value, String> {
        let result = self
            .tab
            .call_method(Runtime::Evaluate {
                expression: expression.to_string(),
                object_group: None,
                include_command_line_api: None,
                silent: None,
                context_id: None,
                return_by_value: Some(true),
                generate_preview: None,
                user_gesture: Some(true),
                await_promise: Some(true),
                throw_on_side_effect: None,
                timeout: None,
                disable_breaks: None,
                repl_mode: None,
                allow_unsafe_eval_blocked_by_csp: None,
                unique_context_id: None,
                serialization_options: None,
            })
            .map_err(|e| e.to_string())?;
        if let Some(exception) = result.exception_details {
            return Err(format!(
                "{} {}",
                exception.text,
                exception
                    .exception
                    .and_then(|e| e.description)
                    .unwrap_or_default()
            ));
        }
        Ok(result.result.value.unwrap_or(Value::Null))
    }

    /// Like [`Window::eval`], failing the test on an exception.
    pub fn js(&self, expression: &str) -> Value {
        self.eval(expression)
            .unwrap_or_else(|e| panic!("{expression}: {e}"))
    }

    /// The problems recorded since the last call, cleared.
    pub fn take_problems(&self) -> Problems {
        std::mem::take(&mut *self.problems.lock().unwrap())
    }

    /// Sets the colour scheme the page sees (`light` or `dark`) and the viewport width.
    pub fn emulate(&self, scheme: &str, width: u32) {
        self.tab
            .call_method(Emulation::SetEmulatedMedia {
                media: None,
                features: Some(vec![Emulation::MediaFeature {
                    name: "prefers-color-scheme".into(),
                    value: scheme.into(),
                }]),
            })
            .expect("emulate colour scheme");
        self.tab
            .call_method(Emulation::SetDeviceMetricsOverride {
                width,
                height: 900,
                device_scale_factor: 1.0,
                // A desktop window this narrow: the page cannot zoom out to hide what
                // sticks out.
                mobile: false,
                scale: None,
                screen_width: None,
                screen_height: None,
                position_x: None,
                position_y: None,
                dont_set_visible_size: None,
                screen_orientation: None,
                viewport: None,
                display_feature: None,
                device_posture: None,
            })
            .expect("emulate viewport");
    }

    /// Runs axe-core on the page for WCAG 2.1 A and AA, and returns the violations, one line
    /// each.
    pub fn axe(&self) -> Vec<String> {
        let axe = fs::read_to_string(node_module("axe-core/axe.min.js")).expect("read axe-core");
        self.js(&format!("{axe}\n;true"));
        let found = self.js(
            "axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', \
             'wcag21a', 'wcag21aa'] } }).then(r => r.violations.map(v => v.id + ' (' + \
             v.impact + '): ' + v.help + ' at ' + v.nodes.slice(0, 5).map(n => \
             n.target.join(' ')).join(', ')))",
        );
        found
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|v| v.as_str().unwrap_or("").to_string())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Saves a PNG of what the window shows to the screenshot folder.
    pub fn screenshot(&self, name: &str) {
        let png = self
            .tab
            .capture_screenshot(Page::CaptureScreenshotFormatOption::Png, None, None, true)
            .expect("screenshot");
        fs::write(screenshot_dir().join(format!("{name}.png")), png).expect("write screenshot");
    }
}
