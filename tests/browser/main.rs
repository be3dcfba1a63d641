//! Real-browser tests: the fixture site served by `briefing serve` under a base path, as
//! GitHub Pages serves a project site, and opened in headless Chromium.
//!
//! Run with `cargo test --features browser-tests --test browser`; they need Chromium
//! (`apt-get install -y chromium`) and the checkers of `npm ci --prefix tests/browser`.
//! `.ci/run` installs both. Screenshots of every page type land in
//! `target/tmp/browser-screenshots/`.

mod harness;

use std::process::Command;
use std::time::{Duration, Instant};

use harness::{Project, Window};

/// One page of each type, by name, as a path under the base path.
const PAGE_TYPES: &[(&str, &str)] = &[
    ("overview", "index.html"),
    ("sources", "sources/index.html"),
    ("source", "sources/summit/index.html"),
    ("source-edited", "sources/02-wire-update/index.html"),
    ("source-reworded", "sources/06-spun/index.html"),
    ("actors", "actors/index.html"),
    ("actor", "actors/alexander-stubb/index.html"),
    ("timeline", "timeline/index.html"),
    ("search", "search/index.html?q=Stubb"),
    ("not-found", "no/such/page/"),
];

/// The actor the search and navigation tests look for.
const ACTOR: (&str, &str) = ("Alexander Stubb", "actors/alexander-stubb/index.html");

fn assert_clean(window: &Window, what: &str) {
    let problems = window.take_problems();
    assert!(
        problems.console.is_empty() && problems.exceptions.is_empty(),
        "{what}: console errors {:?}, exceptions {:?}",
        problems.console,
        problems.exceptions
    );
    assert!(
        problems.requests.is_empty(),
        "{what}: failed requests {:?}",
        problems.requests
    );
}

#[test]
fn every_page_type_loads_cleanly_passes_axe_and_fits_a_tablet_and_a_phone() {
    let (_project, server, _browser, window) = harness::session(Project::fixture());
    for (scheme, width) in [
        ("light", 1280),
        ("dark", 1280),
        ("light", 800),
        ("light", 360),
    ] {
        window.emulate(scheme, width);
        for (name, path) in PAGE_TYPES {
            let what = format!("{name} ({scheme}, {width} px)");
            eprintln!("checking {what}");
            window.goto(&format!("{}{path}", server.url));
            if *name == "search" {
                window.wait_until("document.querySelectorAll('#search-results li').length > 0");
            }
            let problems = window.take_problems();
            // The not-found page is meant to answer 404; nothing else may fail.
            let requests: Vec<&String> = problems
                .requests
                .iter()
                .filter(|r| !(*name == "not-found" && r.starts_with("404 ") && r.ends_with(path)))
                .collect();
            assert!(
                problems
                    .console
                    .iter()
                    .all(|c| *name == "not-found" && c.contains("404"))
                    && problems.exceptions.is_empty()
                    && requests.is_empty(),
                "{what}: console {:?}, exceptions {:?}, failed requests {requests:?}",
                problems.console,
                problems.exceptions
            );
            let violations = window.axe();
            assert!(
                violations.is_empty(),
                "{what}: axe-core found WCAG 2.1 AA violations:\n{}",
                violations.join("\n")
            );
            // Folded repeats, diffs and originals beside reworded ones must pass opened too.
            if window
                .js("document.querySelectorAll('details').forEach(d => d.open = true) || document.querySelectorAll('details').length")
                .as_i64()
                .unwrap_or(0)
                > 0
            {
                let violations = window.axe();
                assert!(
                    violations.is_empty(),
                    "{what}, every fold open: axe-core found WCAG 2.1 AA violations:\n{}",
                    violations.join("\n")
                );
            }
            // Something that sticks out makes the page scroll sideways.
            let overflow = window
                .js("document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assert!(
                overflow.as_i64().unwrap_or(1) <= 0,
                "{what}: the page scrolls sideways by {overflow} px"
            );
            // Above a phone's width the masthead is one row: title, sections, search box
            // if there is room for it.
            if width > 640 {
                let one_row = window.js(
                    "(() => { const boxes = [...document.querySelectorAll('.masthead-inner > *')] \
                     .filter(e => e.offsetParent !== null).map(e => e.getBoundingClientRect()); \
                     return boxes.every(a => boxes.every(b => a.top < b.bottom)); })()",
                );
                assert_eq!(one_row.as_bool(), Some(true), "{what}: the masthead wraps");
            }
            window.screenshot(&format!("{name}-{scheme}-{width}"));
        }
    }
}

#[test]
fn navigation_reaches_the_timeline_an_actor_and_a_source() {
    let (_project, server, _browser, window) = harness::session(Project::fixture());
    window.goto(&server.url);
    assert_clean(&window, "overview");

    let click = |selector: &str, lands_on: &str| {
        let before = window.js("location.href");
        window.js(&format!(
            "document.querySelector({}).dispatchEvent(new MouseEvent('click', \
             {{ bubbles: true, cancelable: true }})); true",
            serde_json::to_string(selector).unwrap()
        ));
        window.wait_until(&format!(
            "location.href !== {before} && document.readyState === 'complete'"
        ));
        let href = window.js("location.pathname");
        let href = href.as_str().unwrap_or("");
        assert!(
            href.starts_with(harness::BASE) && href.ends_with(lands_on),
            "clicking {selector} led to {href}, not …{lands_on} under {}",
            harness::BASE
        );
        assert_clean(&window, href);
    };
    click(
        ".site-nav a[href$='timeline/index.html']",
        "timeline/index.html",
    );
    click(
        ".site-nav a[href$='actors/index.html']",
        "actors/index.html",
    );
    click(
        &format!("main a[href$='{}']", ACTOR.1.trim_start_matches("actors/")),
        ACTOR.1,
    );
    let heading = window.js("document.querySelector('h1').textContent.trim()");
    assert_eq!(heading, ACTOR.0);
    // From the actor to a paragraph that names them, on its source's page.
    click("main a[href*='sources/'][href*='#p']", "/index.html");
    let target = window.js("location.hash && !!document.querySelector(location.hash)");
    assert_eq!(
        target, true,
        "the paragraph anchor exists on the source page"
    );
    click(
        ".crumbs a[href$='sources/index.html']",
        "sources/index.html",
    );
    click(".brand", "index.html");
}

#[test]
fn searching_from_the_masthead_finds_an_actor_and_paragraphs() {
    let (_project, server, _browser, window) = harness::session(Project::fixture());
    window.goto(&format!("{}sources/index.html", server.url));
    window.js(&format!(
        "const box = document.getElementById('site-search'); box.value = {}; \
         box.form.requestSubmit(); true",
        serde_json::to_string(ACTOR.0).unwrap()
    ));
    window.wait_until("location.pathname.endsWith('/search/index.html')");
    window.wait_loaded();
    window.wait_until("document.querySelectorAll('#search-results li').length > 0");
    assert_clean(&window, "search");
    let links =
        window.js("[...document.querySelectorAll('#search-results li > a')].map(a => a.href)");
    let links: Vec<&str> = links
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|l| l.as_str())
        .collect();
    let actor = format!("{}{}", server.url, ACTOR.1);
    assert!(
        links.contains(&actor.as_str()),
        "no result links to {actor}: {links:?}"
    );
    assert!(
        links
            .iter()
            .any(|l| l.contains("/sources/") && l.contains("#p")),
        "no result links to a paragraph: {links:?}"
    );
    let status = window.js("document.getElementById('search-status').textContent");
    assert!(status.as_str().unwrap().contains("result"), "{status}");

    // Nothing found says so.
    window.js(
        "const q = document.getElementById('search-query'); q.value = 'zzzqqqxxx'; \
         q.form.requestSubmit(); true",
    );
    window.wait_until("document.getElementById('search-status').textContent.startsWith('Nothing')");
    assert_eq!(
        window.js("document.querySelectorAll('#search-results li').length"),
        0
    );
}

#[test]
fn the_timeline_filter_narrows_the_list() {
    let (_project, server, _browser, window) = harness::session(Project::fixture());
    window.goto(&format!("{}timeline/index.html", server.url));
    let visible = "[...document.querySelectorAll('li.event')].filter(e => !e.hidden && \
                   e.offsetParent !== null).length";
    let all = window.js(visible).as_u64().unwrap();
    assert!(all > 2, "the fixture's timeline lists {all} events");
    assert_eq!(window.js("document.getElementById('filter').hidden"), false);
    window.js(
        "const s = document.getElementById('filter-actor'); \
         s.value = 'alexander-stubb'; s.dispatchEvent(new Event('change', { bubbles: true })); true",
    );
    let some = window.js(visible).as_u64().unwrap();
    assert!(
        some > 0 && some < all,
        "the filter shows {some} of {all} events"
    );
    let count = window.js("document.getElementById('filter-count').textContent");
    assert_eq!(count, format!("{some} of {all} events shown"));
    assert_clean(&window, "timeline");
}

#[test]
fn a_seed_edit_reloads_the_open_page_and_a_failed_build_shows_over_it() {
    let (project, server, _browser, window) = harness::session(Project::fixture());
    window.goto(&format!("{}sources/summit/index.html", server.url));
    // Let the page's event stream connect before changing anything.
    std::thread::sleep(Duration::from_millis(300));

    let word = "Quillfeather";
    let seed = project.path().join("seeds/summit.md");
    let mut text = std::fs::read_to_string(&seed).unwrap();
    text.push_str(&format!(
        "\n\nA late paragraph names the {word} memorandum.\n"
    ));
    let printed = server.line_count();
    std::fs::write(&seed, &text).unwrap();
    let built = server.wait_for_line(printed, "Rebuilt");
    let condition = format!("document.body.textContent.includes('{word}')");
    while window.eval(&condition).ok() != Some(serde_json::Value::Bool(true)) {
        assert!(
            built.elapsed() < Duration::from_secs(10),
            "the page did not reload; the server printed:\n{}",
            server.output()
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    let shown = built.elapsed();
    assert!(
        shown < Duration::from_secs(1),
        "the edit showed {} ms after the build finished",
        shown.as_millis()
    );
    eprintln!(
        "live reload: the edit showed {} ms after the build finished",
        shown.as_millis()
    );

    // A broken briefing.yaml fails the build: the page stays, the overlay explains.
    let printed = server.line_count();
    std::fs::write(project.path().join("briefing.yaml"), "title: [unclosed\n").unwrap();
    server.wait_for_line(printed, "build failed");
    window.wait_until("document.getElementById('briefing-build-error') !== null");
    let overlay = window.js("document.getElementById('briefing-build-error').textContent");
    assert!(
        overlay.as_str().unwrap().contains("briefing.yaml"),
        "{overlay}"
    );
    assert!(window.js(&condition) == true, "the last good page stays");
    window.screenshot("live-reload-error-overlay");

    // Fixing it reloads the page and the overlay is gone.
    let printed = server.line_count();
    std::fs::write(project.path().join("briefing.yaml"), "title: Fixed title\n").unwrap();
    server.wait_for_line(printed, "Rebuilt");
    window.wait_until("document.getElementById('briefing-build-error') === null");
    window.wait_until("document.title.includes('Fixed title')");
    take_clean(&window);
}

/// A reload aborts the page's event stream, which the browser records as a failed request;
/// the page itself must have thrown nothing.
fn take_clean(window: &Window) {
    let problems = window.take_problems();
    assert!(problems.exceptions.is_empty(), "{:?}", problems.exceptions);
}

#[test]
fn no_link_under_the_base_path_is_broken() {
    let (_project, server, _browser, window) = harness::session(Project::fixture());
    window.goto(&server.url);
    let report = window.js(&format!(
        "({})({:?})",
        include_str!("crawl.js").trim_end().trim_end_matches(';'),
        harness::BASE
    ));
    let pages = report["pages"].as_u64().unwrap();
    assert!(pages >= 25, "the crawl reached only {pages} pages");
    let broken = report["broken"].as_array().unwrap();
    assert!(broken.is_empty(), "broken links:\n{broken:#?}");
    eprintln!(
        "crawled {pages} pages under {}: no broken link",
        harness::BASE
    );
}

#[test]
fn every_page_is_valid_html_for_the_nu_checker() {
    let project = Project::fixture();
    let site = project.build();
    let jar = harness::node_module("vnu-jar/build/dist/vnu.jar");
    let started = Instant::now();
    let output = Command::new("java")
        .arg("-jar")
        .arg(jar)
        .args(["--errors-only", "--skip-non-html", "--format", "gnu"])
        .arg(&site)
        .output()
        .expect("run java (the Nu checker needs a Java runtime)");
    let messages = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "the Nu HTML checker found errors:\n{messages}"
    );
    let pages = walkdir_count(&site);
    assert!(pages >= 25, "only {pages} pages were checked");
    eprintln!(
        "Nu checker: {pages} pages, no errors, in {} ms",
        started.elapsed().as_millis()
    );
}

/// How many HTML files are under `dir`.
fn walkdir_count(dir: &std::path::Path) -> usize {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .count()
}

#[test]
fn no_script_from_a_hostile_source_runs() {
    let project = Project::fixture();
    project.seed(
        "hostile.md",
        "---\ntitle: \"<img src=x onerror=window.pwned=1>Breaking<script>window.pwned=2</script>\"\n\
         outlet: \"<b onmouseover=window.pwned=3>Evil</b>\"\nurl: \"javascript:window.pwned=4\"\n---\n\n\
         Alexander Stubb <script>window.pwned=5</script> <img src=x onerror=window.pwned=6> spoke.\n\n\
         <script>window.pwned=7</script>\n\n\
         <iframe src=\"javascript:parent.pwned=8\"></iframe><svg onload=window.pwned=9></svg>\n\n\
         [click](javascript:window.pwned=10) ![img](data:image/svg+xml,<svg onload=alert(1)>)\n",
    );
    let (_project, server, _browser, window) = harness::session(project);
    for path in [
        "sources/hostile/index.html",
        "index.html",
        "sources/index.html",
        "actors/alexander-stubb/index.html",
        "search/index.html?q=pwned",
    ] {
        window.goto(&format!("{}{path}", server.url));
        if path.starts_with("search") {
            window.wait_until(
                "document.getElementById('search-status').textContent !== 'Searching…'",
            );
        }
        // Click every link that does not leave the page, as a curious reader would.
        window.js("for (const a of document.querySelectorAll('main a')) { \
               const href = a.getAttribute('href') || ''; \
               if (!/^(https?:|\\.|\\/|#|[a-z0-9-]+\\/|index)/i.test(href)) a.click(); \
             } true");
        assert_eq!(
            window.js("window.pwned === undefined"),
            true,
            "{path}: a script ran"
        );
        assert_clean(&window, path);
    }
    window.goto(&format!("{}sources/hostile/index.html", server.url));
    // The payloads are there, shown as the text they are.
    let shown = window.js("document.querySelector('main').textContent");
    assert!(
        shown
            .as_str()
            .unwrap()
            .contains("<script>window.pwned=7</script>"),
        "{shown}"
    );
    window.screenshot("hostile-source");
}
