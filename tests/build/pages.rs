//! Saved web pages as sources: the article body as paragraphs, the page's metadata where no
//! sidecar gives it, and on the source page where each field came from.

use std::fs;
use std::path::Path;

use serde_json::Value;

use crate::common::{Project, text_of};

/// The hand-written pages of `tests/fixtures/pages/` in a project's seeds folder.
fn pages() -> Project {
    let project = Project::new();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages");
    for entry in fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "html") {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            project.seed(&name, fs::read(&path).unwrap());
        }
    }
    project
}

fn expected() -> Value {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages/expected.json");
    serde_json::from_str(&fs::read_to_string(dir).unwrap()).unwrap()
}

/// The whole text of a source in `briefing.json`, paragraphs joined by new lines.
fn body(source: &Value) -> String {
    source["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["text"].as_str().unwrap())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_saved_page_gives_its_article_and_its_metadata() {
    let project = pages();
    project.build_ok(&[]);
    let site = project.site();
    let expected = expected();
    for (file, want) in expected.as_object().unwrap() {
        if file.starts_with('_') || want.get("error").is_some() {
            continue;
        }
        let source = site.source(file);
        for field in ["title", "outlet", "url"] {
            let value = want[field].get(0).cloned().unwrap_or(Value::Null);
            assert_eq!(source[field], value, "{file}: {field}");
        }
        let date = want["date"].get(0).cloned().unwrap_or(Value::Null);
        assert_eq!(source["date"], date, "{file}: date");
        if want.get("extractor_misses").is_none() {
            let text = body(&source);
            let starts = want["body_starts"].as_str().unwrap();
            let ends = want["body_ends"].as_str().unwrap();
            assert!(text.starts_with(starts), "{file}: body starts {text:.80}");
            assert!(text.trim_end().ends_with(ends), "{file}: body ends …{text}");
            for lacks in want["body_lacks"].as_array().unwrap() {
                let lacks = lacks.as_str().unwrap();
                assert!(!text.contains(lacks), "{file}: body holds {lacks:?}");
            }
        }
    }
}

#[test]
fn the_source_page_says_where_each_field_of_a_page_came_from() {
    let project = pages();
    project.build_ok(&[]);
    let id = project.site().source("news-jsonld.html")["id"]
        .as_str()
        .unwrap()
        .to_string();
    let page = project.site().html(&format!("sources/{id}/index.html"));
    let meta = text_of(&page, "dl.meta");
    for said in [
        "from JSON-LD publisher.name",
        "from JSON-LD datePublished",
        "from JSON-LD author",
        "from canonical link",
    ] {
        assert!(meta.contains(said), "{said} missing from {meta}");
    }
    assert!(text_of(&page, "header.page-head").contains("Title from JSON-LD headline."));
}

#[test]
fn a_sidecar_wins_over_what_the_page_says() {
    let project = pages();
    project.seed(
        "news-jsonld.yaml",
        "title: The bridge closure, as filed\ndate: 2025-11-27\n",
    );
    project.build_ok(&[]);
    let site = project.site();
    let source = site.source("news-jsonld.html");
    assert_eq!(source["title"], "The bridge closure, as filed");
    assert_eq!(source["date"], "2025-11-27");
    // The fields the sidecar leaves out still come from the page, and say so.
    assert_eq!(source["outlet"], "The Coastline Courier");
    let page = site.html(&format!(
        "sources/{}/index.html",
        source["id"].as_str().unwrap()
    ));
    let meta = text_of(&page, "dl.meta");
    assert!(meta.contains("from JSON-LD publisher.name"), "{meta}");
    assert!(!meta.contains("from JSON-LD datePublished"), "{meta}");
    assert!(!text_of(&page, "header.page-head").contains("Title from"));
}

#[test]
fn a_page_that_is_not_an_article_is_skipped_with_a_warning_and_the_rest_built() {
    let project = pages();
    let run = project.build_ok(&[]);
    assert!(
        run.stderr
            .contains("index-page.html: skipped: not an article"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("hint: save the article's own page"));
    let paths = project.site().source_paths();
    assert!(!paths.iter().any(|p| p == "index-page.html"));
    assert!(paths.iter().any(|p| p == "news-jsonld.html"));
}

#[test]
fn a_page_with_no_article_text_is_skipped_with_what_to_do() {
    let project = Project::new();
    project
        .seed(
            "app.html",
            "<!DOCTYPE html><html><head><title>Loading…</title></head><body>\
             <div id=\"root\"></div><script>render()</script></body></html>",
        )
        .seed(
            "note.md",
            "---\ntitle: A note\n---\n\nThe council met on Tuesday.\n",
        );
    let run = project.build_ok(&[]);
    assert!(
        run.stderr
            .contains("app.html: skipped: no article text found in the page"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("JavaScript"), "{}", run.stderr);
    assert_eq!(project.site().source_paths(), ["note.md"]);
}

#[test]
fn nothing_from_a_hostile_page_reaches_the_site() {
    let project = Project::new();
    let hostile = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages/hostile.html");
    project.seed("hostile.html", fs::read(hostile).unwrap());
    project.build_ok(&[]);
    let site = project.site();
    let source = site.source("hostile.html");
    let text = body(&source);
    assert!(text.starts_with("The central library will stay open"));
    let id = source["id"].as_str().unwrap();
    let page = site.read(&format!("sources/{id}/index.html"));
    for bad in [
        "alert(",
        "javascript:",
        "onerror",
        "onload",
        "onmouseover",
        "evil.example",
        "data:text/html",
        "lives only in JSON",
        "<iframe",
        "<object",
        "<embed",
    ] {
        assert!(!page.contains(bad), "the source page holds {bad:?}");
    }
    // The safe link of the page stays a link.
    assert!(page.contains("href=\"https://westvale-gazette.example/library/hours\""));
}

#[test]
fn a_page_saved_in_a_legacy_encoding_is_read_in_the_one_it_declares() {
    let project = Project::new();
    let mut page = b"<!DOCTYPE html><html lang=\"fr\"><head>\
        <meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">\
        <title>Gr\xe8ve au port</title></head><body><article>\
        <p>Les dockers du port de S\xe8te ont cess\xe9 le travail lundi, \xab sans pr\xe9avis \xbb, \
        a indiqu\xe9 la direction.</p></article></body></html>"
        .to_vec();
    page.extend_from_slice(b"\n");
    project.seed("greve.html", page);
    project.build_ok(&["--strict"]);
    let source = project.site().source("greve.html");
    assert_eq!(source["title"], "Grève au port");
    assert_eq!(
        source["paragraphs"][0]["text"],
        "Les dockers du port de Sète ont cessé le travail lundi, « sans préavis », a indiqué la direction."
    );
}
