//! `briefing.json` has the shape SCHEMA.md fixes.

use serde_json::Value;

use crate::common::Project;

fn keys(value: &Value) -> Vec<&str> {
    let mut keys: Vec<&str> = value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    keys
}

#[test]
fn the_export_has_exactly_the_schema_keys() {
    let project = Project::new();
    project.seed(
        "wire.md",
        "---\ntitle: Talks\noutlet: Wire\nurl: https://example.com/a\ndate: 2025-11-23T09:00:00Z\n---\n\nOne.\n\nTwo.\n",
    );
    project.build_ok(&[]);
    let json = project.site().json();
    assert_eq!(
        keys(&json),
        ["actors", "claims", "events", "schema", "sources", "title"]
    );
    assert_eq!(json["schema"], "briefing-export/2");
    assert_eq!(json["title"], "Talks");
    for empty in ["actors", "events", "claims"] {
        assert_eq!(json[empty], Value::Array(vec![]), "{empty}");
    }
    let source = &json["sources"][0];
    assert_eq!(
        keys(source),
        [
            "date",
            "date_inferred",
            "duplicate_of",
            "id",
            "outlet",
            "paragraphs",
            "path",
            "title",
            "url"
        ]
    );
    assert_eq!(source["id"], "wire");
    assert_eq!(source["path"], "wire.md");
    assert_eq!(source["outlet"], "Wire");
    assert_eq!(source["url"], "https://example.com/a");
    assert_eq!(source["date"], "2025-11-23");
    assert!(source["duplicate_of"].is_null());
    assert!(source["date_inferred"].is_null());
    let paragraph = &source["paragraphs"][1];
    assert_eq!(
        keys(paragraph),
        [
            "duplicate_of",
            "id",
            "mentions",
            "repeat",
            "similarity",
            "text",
            "times"
        ]
    );
    assert_eq!(paragraph["id"], "wire#p2");
    assert_eq!(paragraph["text"], "Two.");
}

#[test]
fn colliding_stems_get_distinct_ids_and_pages() {
    let project = Project::new();
    project
        .seed("a.md", "From markdown.\n")
        .seed("a.txt", "From text.\n")
        .seed("sub/a.md", "From a folder.\n")
        .seed("A B.md", "Spaces.\n");
    project.build_ok(&[]);
    let site = project.site();
    let ids: Vec<String> = ["a.md", "a.txt", "sub/a.md", "A B.md"]
        .iter()
        .map(|p| site.source(p)["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["a", "a-txt", "a-md", "a-b"]);
    for id in &ids {
        assert!(
            site.root.join(format!("sources/{id}/index.html")).is_file(),
            "{id}"
        );
    }
}

#[test]
fn sources_are_listed_in_path_order_with_paths_relative_to_the_seeds() {
    let project = Project::new();
    project
        .seed("b/z.txt", "Z.\n")
        .seed("a.txt", "A.\n")
        .seed("b/c.txt", "C.\n");
    project.build_ok(&[]);
    let paths = project.site().source_paths();
    assert_eq!(paths, ["a.txt", "b/c.txt", "b/z.txt"]);
}
