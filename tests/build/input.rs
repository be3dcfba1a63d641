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
        .seed("styles.css", "p { color: red }")
        .seed("data.json", "{}");
    project.build_ok(&["--strict"]);
    assert_eq!(project.site().source_paths().len(), 1);
}

#[test]
fn front_matter_that_is_a_list_or_a_scalar_is_reported() {
    let project = Project::new();
    good(&project)
        .seed("list.md", "---\n- a\n- b\n---\n\nText.\n")
        .seed("scalar.md", "---\njust words\n---\n\nText.\n");
    let run = assert_skipped(
        &project,
        "list.md",
        "seeds/list.md:2:1: skipped: metadata must be `key: value` lines, found a list",
    );
    assert!(
        run.stderr.contains(
            "warning: seeds/scalar.md:2:1: skipped: metadata must be `key: value` lines, found text"
        ),
        "{}",
        run.stderr
    );
    assert!(
        !project
            .site()
            .source_paths()
            .contains(&"scalar.md".to_string())
    );
}

#[test]
fn tabs_in_front_matter_are_reported_at_their_line() {
    let project = Project::new();
    good(&project).seed(
        "tabs.md",
        "---\ntitle: Tabs\n\tdate: 2025-01-01\n---\n\nText.\n",
    );
    assert_skipped(
        &project,
        "tabs.md",
        "seeds/tabs.md:3:1: skipped: invalid YAML",
    );
}

#[test]
fn a_line_of_a_hundred_thousand_characters_is_built() {
    let project = Project::new();
    let line = "word ".repeat(20_000);
    good(&project).seed("long.txt", format!("{}\n", line.trim_end()));
    project.build_ok(&["--strict"]);
    let source = project.site().source("long.txt");
    let text = source["paragraphs"][0]["text"].as_str().unwrap();
    assert_eq!(text.len(), 99_999, "the whole line is one paragraph");
}

#[test]
fn sources_deep_in_nested_folders_are_read() {
    let project = Project::new();
    let deep: Vec<String> = (0..60).map(|i| format!("d{i}")).collect();
    good(&project).seed(
        &format!("{}/deep.md", deep.join("/")),
        "A paragraph sixty folders down.\n",
    );
    project.build_ok(&["--strict"]);
    let paths = project.site().source_paths();
    assert!(
        paths.iter().any(|p| p.ends_with("d59/deep.md")),
        "{paths:?}"
    );
}

#[cfg(unix)]
#[test]
fn links_that_loop_or_lead_outside_are_reported_once_and_the_rest_is_built() {
    let project = Project::new();
    good(&project);
    let outside = tempfile::tempdir().unwrap();
    for i in 0..20 {
        std::fs::write(outside.path().join(format!("{i}.md")), "Outside text.\n").unwrap();
    }
    let seeds = project.path().join("seeds");
    std::os::unix::fs::symlink(&seeds, seeds.join("loop")).unwrap();
    std::os::unix::fs::symlink(outside.path(), seeds.join("elsewhere")).unwrap();
    std::os::unix::fs::symlink(outside.path().join("1.md"), seeds.join("one.md")).unwrap();
    let run = project.build_ok(&[]);
    for expected in [
        "warning: seeds/loop: skipped: a symbolic link that loops back to a folder above it",
        "warning: seeds/elsewhere: skipped: a symbolic link to a folder outside the seeds folder",
        "warning: seeds/one.md: skipped: a symbolic link that leads outside the seeds folder",
    ] {
        assert!(run.stderr.contains(expected), "{expected}\n{}", run.stderr);
    }
    assert_eq!(run.stderr.matches("warning:").count(), 3, "{}", run.stderr);
    assert_eq!(project.site().source_paths(), ["good.md"]);
}

#[test]
fn odd_names_and_names_that_slug_alike_get_distinct_pages() {
    let project = Project::new();
    good(&project)
        .seed("name with spaces.md", "Spaces in the name.\n")
        .seed("Café Ünïcode.md", "Accents in the name.\n")
        .seed("cafe-unicode.md", "The same name once slugged.\n")
        .seed("a..b.md", "Dots in the name.\n")
        .seed("日本語.md", "A name with no Latin letters.\n");
    project.build_ok(&["--strict"]);
    let json = project.site().json();
    let ids: Vec<&str> = json["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 6, "{ids:?}");
    let unique: std::collections::BTreeSet<&&str> = ids.iter().collect();
    assert_eq!(unique.len(), 6, "{ids:?}");
    for id in &ids {
        assert!(
            id.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{id}"
        );
        let page = project.path().join(format!("site/sources/{id}/index.html"));
        assert!(page.is_file(), "{id}");
    }
}

#[test]
fn ten_thousand_tiny_files_are_all_built() {
    let project = Project::new();
    for i in 0..10_000 {
        project.seed(
            &format!("notes/n{i:05}.txt"),
            format!("Note {i} on item {}.\n", i * 7),
        );
    }
    project.build_ok(&["--strict"]);
    let site = project.site();
    let paths = site.source_paths();
    assert_eq!(paths.len(), 10_000);
    assert!(site.root.join("sources/n09999/index.html").is_file());
}
