//! Broken input: every bad source gets a diagnostic naming file, line and column with a hint,
//! is skipped, and the rest of the briefing is built. `--strict` fails the build instead.

use crate::common::{Project, Run};

fn good(project: &Project) -> &Project {
    project.seed(
        "good.md",
        "---\ntitle: Good\ndate: 2025-11-23\n---\n\nA paragraph that builds.\n",
    )
}

/// Builds, expects success with a warning `expected` (the part after `warning: `), and the
/// good source in the export but not the bad one.
fn assert_skipped(project: &Project, bad: &str, expected: &str) -> Run {
    let run = project.build_ok(&[]);
    assert!(
        run.stderr.contains(&format!("warning: {expected}")),
        "expected `warning: {expected}` in:\n{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("\n  hint: "),
        "no hint in:\n{}",
        run.stderr
    );
    let paths = project.site().source_paths();
    assert!(paths.iter().any(|p| p == "good.md"), "{paths:?}");
    assert!(
        !paths.iter().any(|p| p == bad),
        "{bad} should be skipped: {paths:?}"
    );
    run
}

#[test]
fn invalid_utf8_is_reported_at_the_first_bad_byte() {
    let project = Project::new();
    good(&project).seed("bad.md", b"First line.\nSecond \xFF\xFE line.\n".as_slice());
    assert_skipped(
        &project,
        "bad.md",
        "seeds/bad.md:2:8: skipped: not valid UTF-8",
    );
}

#[test]
fn an_empty_file_is_reported() {
    let project = Project::new();
    good(&project).seed("empty.txt", "");
    assert_skipped(
        &project,
        "empty.txt",
        "seeds/empty.txt:1:1: skipped: the file is empty",
    );
}

#[test]
fn front_matter_without_text_is_reported() {
    let project = Project::new();
    good(&project).seed("only.md", "---\ntitle: Only metadata\n---\n\n");
    assert_skipped(
        &project,
        "only.md",
        "seeds/only.md:4:1: skipped: no text after the front matter",
    );
}

#[test]
fn unclosed_front_matter_is_reported() {
    let project = Project::new();
    good(&project).seed("open.md", "---\ntitle: Never closed\n\nText.\n");
    assert_skipped(
        &project,
        "open.md",
        "seeds/open.md:1:1: skipped: the front matter that opens here is never closed",
    );
}

#[test]
fn invalid_yaml_is_reported_at_its_line() {
    let project = Project::new();
    good(&project).seed("yaml.md", "---\ntitle: ok\nurl: [unclosed\n---\n\nText.\n");
    let run = assert_skipped(&project, "yaml.md", "seeds/yaml.md:");
    assert!(run.stderr.contains("invalid YAML"), "{}", run.stderr);
}

#[test]
fn a_date_that_is_not_a_date_is_reported_at_its_line_and_column() {
    let project = Project::new();
    good(&project).seed("date.md", "---\ntitle: x\ndate: yesterday\n---\n\nText.\n");
    assert_skipped(
        &project,
        "date.md",
        "seeds/date.md:3:7: skipped: `date: yesterday` is not a date",
    );
}

#[test]
fn wrong_types_in_front_matter_are_reported() {
    let project = Project::new();
    good(&project).seed("tags.md", "---\ntags: 5\n---\n\nText.\n");
    assert_skipped(
        &project,
        "tags.md",
        "seeds/tags.md:2:7: skipped: `tags` must be a list, found a number",
    );
}

#[test]
fn broken_sidecar_metadata_names_the_sidecar() {
    let project = Project::new();
    good(&project)
        .seed("t.txt", "Text.\n")
        .seed("t.yaml", "title: x\ndate: 2025-13-45\n");
    assert_skipped(
        &project,
        "t.txt",
        "seeds/t.yaml:2:7: skipped t.txt: `date: 2025-13-45` is not a date",
    );
}

#[test]
fn an_unreadable_file_is_reported() {
    let project = Project::new();
    good(&project);
    std::os::unix::fs::symlink(
        project.path().join("missing.md"),
        project.path().join("seeds/dangling.md"),
    )
    .unwrap();
    let run = project.build_ok(&[]);
    assert!(
        run.stderr
            .contains("warning: seeds/dangling.md: skipped: cannot read"),
        "{}",
        run.stderr
    );
    assert_eq!(project.site().source_paths().len(), 1);
}

#[test]
fn binary_data_is_reported() {
    let project = Project::new();
    good(&project).seed(
        "image.md",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR".as_slice(),
    );
    assert_skipped(&project, "image.md", "seeds/image.md:");
}

#[test]
fn a_sidecar_with_no_source_is_reported() {
    let project = Project::new();
    good(&project).seed("orphan.yaml", "title: x\n");
    let run = project.build_ok(&[]);
    assert!(
        run.stderr
            .contains("warning: seeds/orphan.yaml: metadata file with no source beside it"),
        "{}",
        run.stderr
    );
}

#[test]
fn strict_turns_any_warning_into_a_failed_build_that_writes_nothing() {
    let project = Project::new();
    good(&project).seed("empty.txt", "");
    let run = project.run(&["build", "--strict"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("seeds/empty.txt:1:1"), "{}", run.stderr);
    assert!(run.stderr.contains("--strict"), "{}", run.stderr);
    assert!(!project.path().join("site").exists(), "nothing is written");
}

#[test]
fn utf16_crlf_and_bom_sources_are_read() {
    let project = Project::new();
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in "Kyiv said no.\r\nMoscow waited.\r\n".encode_utf16() {
        utf16.extend(unit.to_le_bytes());
    }
    project.seed("utf16.txt", utf16).seed(
        "bom.md",
        "\u{FEFF}---\r\ntitle: BOM\r\n---\r\n\r\nWindows text.\r\n",
    );
    let run = project.build_ok(&["--strict"]);
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);
    let site = project.site();
    assert_eq!(
        site.source("utf16.txt")["paragraphs"][1]["text"],
        "Moscow waited."
    );
    assert_eq!(site.source("bom.md")["title"], "BOM");
    assert_eq!(
        site.source("bom.md")["paragraphs"][0]["text"],
        "Windows text."
    );
}

#[test]
fn hidden_files_and_other_extensions_are_not_sources() {
    let project = Project::new();
    good(&project)
        .seed(".hidden.md", "Hidden.\n")
        .seed(".git/notes.md", "Hidden folder.\n")
        .seed("image.png", b"\x89PNG".as_slice())
        .seed("page.html", "<p>html</p>");
    project.build_ok(&["--strict"]);
    assert_eq!(project.site().source_paths().len(), 1);
}
