//! The search page and its index: built with the site, usable on a static host.

use scraper::Selector;

use crate::common::Project;

fn project() -> Project {
    let project = Project::new();
    project.seed(
        "talks.md",
        "---\ntitle: Harbour talks resume\noutlet: Coast Wire\ndate: 2025-03-02\n---\n\n\
         Mayor Ilse Varga opened the harbour talks in Rostock on Monday.\n\n\
         The delegations agreed to meet again in April.\n",
    );
    project.seed(
        "copy.md",
        "---\ntitle: Talks resume in Rostock\noutlet: Daily Echo\n---\n\n\
         Mayor Ilse Varga opened the harbour talks in Rostock on Monday.\n",
    );
    project
}

#[test]
fn every_page_has_a_search_box_and_the_index_is_written() {
    let project = project();
    project.build_ok(&[]);
    let site = project.site();
    for page in [
        "index.html",
        "sources/index.html",
        "sources/talks/index.html",
        "actors/index.html",
        "timeline/index.html",
    ] {
        let html = site.html(page);
        let form = Selector::parse("header form[role=search] input[name=q]").unwrap();
        assert_eq!(html.select(&form).count(), 1, "{page}: no search box");
        let nav = Selector::parse(".site-nav a[href$='search/index.html']").unwrap();
        assert_eq!(
            html.select(&nav).count(),
            1,
            "{page}: no Search in the navigation"
        );
    }
    for file in [
        "search/index.html",
        "search.js",
        "pagefind/pagefind.js",
        "pagefind/pagefind-entry.json",
    ] {
        assert!(site.root.join(file).is_file(), "{file} is missing");
    }
    // Pagefind's ready-made interfaces are not used, so not shipped.
    assert!(!site.root.join("pagefind/pagefind-ui.js").exists());
    let fragments = std::fs::read_dir(site.root.join("pagefind/fragment"))
        .unwrap()
        .count();
    assert!(
        fragments >= 4,
        "{fragments} records: the actors, a source title, paragraphs"
    );
}

#[test]
fn without_javascript_the_search_page_says_so_and_links_to_the_sources() {
    let project = project();
    project.build_ok(&[]);
    let html = project.site().html("search/index.html");
    let noscript = Selector::parse("noscript").unwrap();
    let text: String = html
        .select(&noscript)
        .next()
        .expect("a noscript note")
        .inner_html();
    assert!(text.contains("needs JavaScript"), "{text}");
    assert!(text.contains("href=\"../sources/index.html\""), "{text}");
    let script = Selector::parse("script[type=module][src='../search.js']").unwrap();
    assert_eq!(html.select(&script).count(), 1);
}

#[test]
fn a_long_source_is_indexed_in_parts_of_two_hundred_paragraphs() {
    let project = Project::new();
    let text: Vec<String> = (1..=450)
        .map(|i| format!("Line item number {i} was checked."))
        .collect();
    project.seed("long.txt", text.join("\n\n"));
    project.build_ok(&[]);
    let site = project.site();
    let actors = site.json()["actors"].as_array().unwrap().len();
    let fragments = std::fs::read_dir(site.root.join("pagefind/fragment"))
        .unwrap()
        .count();
    assert_eq!(fragments, actors + 3, "450 paragraphs in three parts");
}
