//! `feed.xml` (Atom) and the Open Graph tags that let a briefing be followed and shared.

use crate::common::Project;

fn project() -> Project {
    let project = Project::new();
    project.seed("old.md", "---\ntitle: First report\noutlet: Northern Desk\ndate: 2025-03-10\n---\n\nStubb met Michal.\n");
    project.seed(
        "new.md",
        "---\ntitle: Second report & more\ndate: 2025-03-12\n---\n\nRepairs began.\n",
    );
    project.seed("notes.txt", "Undated notes.\n");
    project
}

#[test]
fn the_feed_lists_sources_newest_first_with_absolute_links() {
    let project = project();
    project.build_ok(&["--base-url", "https://you.github.io/my-briefing/"]);
    let feed = project.site().read("feed.xml");
    let doc = roxmltree::Document::parse(&feed).expect("feed.xml is well-formed XML");
    let root = doc.root_element();
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.w3.org/2005/Atom")
    );
    let child = |n: roxmltree::Node<'_, '_>, name: &str| {
        n.children()
            .find(|c| c.has_tag_name(name))
            .and_then(|c| c.text())
            .map(String::from)
    };
    assert_eq!(
        child(root, "updated").as_deref(),
        Some("2025-03-12T00:00:00Z")
    );
    let entries: Vec<(String, String, String)> = root
        .children()
        .filter(|n| n.has_tag_name("entry"))
        .map(|e| {
            (
                child(e, "title").unwrap(),
                child(e, "id").unwrap(),
                child(e, "updated").unwrap(),
            )
        })
        .collect();
    assert_eq!(
        entries,
        [
            (
                "Second report & more".to_string(),
                "https://you.github.io/my-briefing/sources/new/".to_string(),
                "2025-03-12T00:00:00Z".to_string()
            ),
            (
                "First report".to_string(),
                "https://you.github.io/my-briefing/sources/old/".to_string(),
                "2025-03-10T00:00:00Z".to_string()
            ),
            (
                "Undated notes.".to_string(),
                "https://you.github.io/my-briefing/sources/notes/".to_string(),
                "2025-03-12T00:00:00Z".to_string()
            ),
        ]
    );
    assert!(feed.contains("<author><name>Northern Desk</name></author>"));
}

#[test]
fn without_an_absolute_base_url_ids_are_stable_names() {
    let project = project();
    project.build_ok(&[]);
    let feed = project.site().read("feed.xml");
    roxmltree::Document::parse(&feed).expect("feed.xml is well-formed XML");
    assert!(
        feed.contains("<id>urn:briefing:first-report:old</id>"),
        "{feed}"
    );
}

#[test]
fn pages_carry_open_graph_tags_and_point_to_the_feed() {
    let project = project();
    project.build_ok(&["--base-url", "https://you.github.io/my-briefing/"]);
    let page = project.site().read("sources/old/index.html");
    assert!(
        page.contains("<meta property=\"og:title\" content=\"First report\">"),
        "{page}"
    );
    assert!(page.contains("<meta property=\"og:type\" content=\"article\">"));
    assert!(page.contains(
        "<meta property=\"og:url\" content=\"https://you.github.io/my-briefing/sources/old/\">"
    ));
    assert!(
        page.contains("type=\"application/atom+xml\"") && page.contains("href=\"../../feed.xml\"")
    );
    let overview = project.site().read("index.html");
    assert!(overview.contains("<meta property=\"og:type\" content=\"website\">"));
}
