//! The command line: defaults, flags, help, exit codes.

use crate::common::Project;

#[test]
fn build_with_no_arguments_reads_seeds_and_writes_site() {
    let project = Project::new();
    project.seed("a.txt", "One.\nTwo.\n");
    let run = project.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("Built site from 1 source"),
        "{}",
        run.stderr
    );
    assert!(project.path().join("site/index.html").is_file());
}

#[test]
fn the_configuration_names_folders_relative_to_itself() {
    let project = Project::new();
    project
        .file(
            "project/briefing.yaml",
            "seeds: sources\noutput: public\nbase_url: /b/\n",
        )
        .file("project/sources/a.txt", "Text.\n");
    let run = project.run(&["build", "--config", "project/briefing.yaml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(project.path().join("project/public/index.html").is_file());
    let not_found =
        std::fs::read_to_string(project.path().join("project/public/404.html")).unwrap();
    assert!(not_found.contains("href=\"/b/index.html\""));
}

#[test]
fn flags_override_the_configuration() {
    let project = Project::new();
    project
        .file("briefing.yaml", "output: public\n")
        .seed("a.txt", "Text.\n");
    project.build_ok(&["--out", "elsewhere"]);
    assert!(project.path().join("elsewhere/index.html").is_file());
    assert!(!project.path().join("public").exists());
}

#[test]
fn a_bad_configuration_names_its_line_and_column() {
    let project = Project::new();
    project
        .seed("a.txt", "Text.\n")
        .file("briefing.yaml", "title: x\ntitel: typo\n");
    let run = project.run(&["build"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("error: briefing.yaml:2:1: unknown field `titel`"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("hint:"), "{}", run.stderr);

    project.file("briefing.yaml", "title: [not, text]\n");
    let run = project.run(&["build"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("error: briefing.yaml:1:8: title: invalid type"),
        "{}",
        run.stderr
    );

    project.file("briefing.yaml", "base_url: my-briefing\n");
    let run = project.run(&["build"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("base_url"), "{}", run.stderr);
}

#[test]
fn a_missing_seeds_folder_is_an_error() {
    let project = Project::new();
    let run = project.run(&["build", "--seeds", "nowhere"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("cannot read the seeds folder nowhere"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("hint:"), "{}", run.stderr);
}

#[test]
fn a_seeds_folder_with_no_sources_is_an_error() {
    let project = Project::new();
    let run = project.run(&["build"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("no sources to build in seeds"),
        "{}",
        run.stderr
    );
}

#[test]
fn bad_usage_exits_with_two() {
    let project = Project::new();
    assert_eq!(project.run(&["build", "--no-such-flag"]).code, 2);
    assert_eq!(project.run(&["frobnicate"]).code, 2);
    assert_eq!(project.run(&[]).code, 2);
    let run = project.run(&["build", "--base-url", "not a url"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("not a base URL"), "{}", run.stderr);
}

#[test]
fn help_explains_every_flag_and_version_prints_the_version() {
    let project = Project::new();
    let help = project.run(&["build", "--help"]);
    assert_eq!(help.code, 0);
    for flag in [
        "--seeds",
        "--out",
        "--config",
        "--base-url",
        "--strict",
        "--quiet",
        "--drafts",
        "--verbose",
    ] {
        assert!(
            help.stdout.contains(flag),
            "{flag} missing from:\n{}",
            help.stdout
        );
    }
    let version = project.run(&["--version"]);
    assert_eq!(
        version.stdout.trim(),
        format!("briefing {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn quiet_prints_nothing_on_success() {
    let project = Project::new();
    project.seed("a.txt", "Text.\n").seed("empty.txt", "");
    let run = project.run(&["build", "--quiet"]);
    assert_eq!(run.code, 0);
    assert_eq!(run.stderr, "");
}

#[test]
fn verbose_prints_the_time_of_each_stage() {
    let project = Project::new();
    project.seed("a.txt", "Text.\n");
    let run = project.run(&["build", "--verbose"]);
    for stage in ["load", "parse", "dedupe", "assemble", "render"] {
        assert!(
            run.stderr.contains(stage),
            "{stage} missing from {}",
            run.stderr
        );
    }
}
