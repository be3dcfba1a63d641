//! Every internal link and anchor resolves, from `/`, from `file://` (relative links) and
//! under a GitHub Pages project path.

use crate::common::{Project, count, repo_seeds};
use scraper::Selector;

fn project() -> Project {
    let project = Project::new();
    project
        .seed("wire.md", "---\ntitle: Wire\ndate: 2025-11-23\n---\n\n# Head\n\nShared paragraph about the talks.\n\n- item one\n- item two\n")
        .seed("copy.md", "---\ntitle: Copy\ndate: 2025-11-24\n---\n\nShared paragraph about the talks.\n\n> A quote.\n")
        .seed("nested/notes.txt", "Shared paragraph about the talks.\n\nOwn words.\n");
    project
}

#[test]
fn every_link_resolves_without_a_base_path() {
    let project = project();
    project.build_ok(&[]);
    let site = project.site();
    assert_eq!(site.broken_links("/"), Vec::<String>::new());
    // Pages link with relative paths, which also work from file://.
    let overview = site.read("index.html");
    assert!(overview.contains("href=\"sources/index.html\""));
    assert!(overview.contains("href=\"style.css\""));
}

#[test]
fn every_link_resolves_under_a_project_path() {
    let project = project();
    project.build_ok(&["--base-url", "/my-briefing"]);
    let site = project.site();
    assert_eq!(site.broken_links("/my-briefing/"), Vec::<String>::new());
    let not_found = site.html("404.html");
    let links = Selector::parse("a[href], link[href]").unwrap();
    for link in not_found.select(&links) {
        let href = link.value().attr("href").unwrap();
        assert!(
            href.starts_with("/my-briefing/") || href.starts_with('#'),
            "404.html links from the base path: {href}"
        );
    }
}

#[test]
fn an_absolute_base_url_gives_canonical_links_and_an_absolute_sitemap() {
    let project = project();
    project.build_ok(&["--base-url", "https://example.github.io/my-briefing/"]);
    let site = project.site();
    assert_eq!(site.broken_links("/my-briefing/"), Vec::<String>::new());
    let sitemap = site.read("sitemap.xml");
    assert!(
        sitemap.contains("<loc>https://example.github.io/my-briefing/</loc>"),
        "{sitemap}"
    );
    assert!(
        sitemap.contains("<loc>https://example.github.io/my-briefing/sources/wire/</loc>"),
        "{sitemap}"
    );
    let page = site.html("sources/wire/index.html");
    assert_eq!(
        count(
            &page,
            "link[rel=canonical][href='https://example.github.io/my-briefing/sources/wire/']"
        ),
        1
    );
}

#[test]
fn the_seed_site_has_no_broken_links_and_the_files_a_host_needs() {
    let project = Project::new();
    project.build_ok(&["--seeds", repo_seeds().to_str().unwrap()]);
    let site = project.site();
    assert_eq!(site.broken_links("/"), Vec::<String>::new());
    for file in [
        "index.html",
        "sources/index.html",
        "404.html",
        ".nojekyll",
        "sitemap.xml",
        "style.css",
        "briefing.json",
    ] {
        assert!(site.root.join(file).is_file(), "{file}");
    }
    let sitemap = site.read("sitemap.xml");
    assert!(
        sitemap.contains("<loc>/sources/000-6ac93d55cc9a558f/</loc>"),
        "{sitemap}"
    );
}

#[test]
fn check_finds_no_broken_links_and_writes_nothing() {
    let project = project();
    let run = project.run(&["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!project.path().join("site").exists());
}

#[test]
fn check_reports_a_link_that_leads_nowhere() {
    let project = project();
    project.file(
        "templates/404.html",
        "{% extends \"base.html\" %}{% block content %}<a href=\"{{ site.root }}missing/index.html\">gone</a>{% endblock content %}",
    );
    let run = project.run(&["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("404.html: link to /missing/index.html leads nowhere"),
        "{}",
        run.stderr
    );
}
