//! The output folder is replaced whole or not at all, and the same input gives the same bytes.

use std::fs;

use crate::common::Project;

fn project() -> Project {
    let project = Project::new();
    project
        .seed(
            "a.md",
            "---\ntitle: A\ndate: 2025-11-23\n---\n\nShared text of the story.\n\nOwn text.\n",
        )
        .seed("b.txt", "Shared text of the story.\nOther text.\n")
        .seed("b.yaml", "title: B\noutlet: Wire\n");
    project
}

#[test]
fn two_builds_of_the_same_input_are_byte_identical() {
    let project = project();
    project.build_ok(&[]);
    project.build_ok(&["--out", "again"]);
    let (first, second) = (project.site().files(), project.site_at("again").files());
    assert!(first.len() > 5);
    assert_eq!(
        first.keys().collect::<Vec<_>>(),
        second.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &first {
        assert!(*bytes == second[path], "{path} differs between builds");
    }
}

/// The fixture folders together, written in the order given.
fn fixtures(order: impl Fn(Vec<std::path::PathBuf>) -> Vec<std::path::PathBuf>) -> Project {
    let project = Project::new();
    let mut files = Vec::new();
    for fixture in ["syndication", "actors", "timeline"] {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(fixture);
        for entry in fs::read_dir(dir).unwrap() {
            files.push(entry.unwrap().path());
        }
    }
    files.sort();
    for file in order(files) {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let dir = file
            .parent()
            .unwrap()
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        project.seed(&format!("{dir}/{name}"), fs::read(&file).unwrap());
    }
    project
}

#[test]
fn output_is_byte_identical_across_thread_counts_and_file_orders() {
    let forward = fixtures(|files| files);
    forward.build_ok(&[]);
    let one_thread = forward.run_with(&["build", "--out", "single"], &[("RAYON_NUM_THREADS", "1")]);
    assert_eq!(one_thread.code, 0, "{}", one_thread.stderr);
    let backward = fixtures(|files| files.into_iter().rev().collect());
    backward.build_ok(&[]);
    let reference = forward.site().files();
    assert!(reference.len() > 40, "{} files", reference.len());
    for (what, other) in [
        ("one thread", forward.site_at("single").files()),
        ("files written in reverse order", backward.site().files()),
    ] {
        assert_eq!(
            reference.keys().collect::<Vec<_>>(),
            other.keys().collect::<Vec<_>>(),
            "{what}: other files"
        );
        for (path, bytes) in &reference {
            assert!(*bytes == other[path], "{what}: {path} differs");
        }
    }
}

#[test]
fn a_failed_build_leaves_the_previous_site_untouched() {
    let project = project();
    project.build_ok(&[]);
    let before = project.site().files();
    // A template that fails while pages are being written, after the build has started.
    project.file("templates/source.html", "{% extends \"base.html\" %}{% block content %}{{ source.no_such_field.deeper }}{% endblock content %}");
    project.seed("c.txt", "A new source.\n");
    let run = project.run(&["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("source.html"), "{}", run.stderr);
    assert!(run.stderr.contains("site is unchanged"), "{}", run.stderr);
    assert_eq!(project.site().files(), before, "the old site is as it was");
    let leftovers: Vec<String> = fs::read_dir(project.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".site"))
        .collect();
    assert_eq!(
        leftovers,
        Vec::<String>::new(),
        "no staging folder is left behind"
    );
}

#[test]
fn a_successful_build_replaces_stale_pages() {
    let project = project();
    project.build_ok(&[]);
    fs::remove_file(project.path().join("seeds/b.txt")).unwrap();
    fs::remove_file(project.path().join("seeds/b.yaml")).unwrap();
    project.build_ok(&[]);
    assert!(
        !project.path().join("site/sources/b").exists(),
        "pages of removed sources go"
    );
    assert!(project.path().join("site/sources/a/index.html").exists());
    assert!(
        !project.path().join(".site.old").exists(),
        "the replaced site is removed"
    );
}

#[test]
fn a_folder_that_is_not_a_site_is_not_replaced() {
    let project = project();
    project.file("docs/notes.txt", "my own notes");
    assert_refused(&project, "docs");
    assert_eq!(
        fs::read_to_string(project.path().join("docs/notes.txt")).unwrap(),
        "my own notes"
    );
}

#[test]
fn the_output_may_not_be_inside_or_around_the_seeds() {
    let project = project();
    for out in ["seeds/site", ".", "seeds"] {
        assert_refused(&project, out);
    }
    assert!(
        project.path().join("seeds/a.md").is_file(),
        "the seeds are intact"
    );
}

/// `briefing build --out OUT` fails and says it refuses to build there.
fn assert_refused(project: &Project, out: &str) {
    let run = project.run(&["build", "--out", out]);
    assert_eq!(run.code, 1, "--out {out}: {}", run.stderr);
    assert!(
        run.stderr.contains("refusing to build here"),
        "--out {out}: {}",
        run.stderr
    );
}

#[test]
fn the_overview_lists_the_first_fifty_sources_and_links_to_all() {
    let project = Project::new();
    for n in 0..60 {
        project.seed(&format!("s{n:02}.md"), format!("---\ntitle: Report {n}\ndate: 2025-01-{:02}\n---\n\nText number {n} about the port.\n", n % 28 + 1));
    }
    project.build_ok(&[]);
    let site = project.site();
    let overview = site.read("index.html");
    assert_eq!(overview.matches("class=\"card\"").count(), 50, "{overview}");
    assert!(overview.contains("And 10 more: <a href=\"sources/index.html\">all sources</a>."));
    assert_eq!(
        site.read("sources/index.html")
            .matches("class=\"card\"")
            .count(),
        60
    );
}
