//! Repeated paragraphs are kept, marked and folded.

use crate::common::{Project, count, repo_seeds, text_of};

#[test]
fn the_seed_gives_eleven_paragraphs_with_the_last_five_repeating_two_to_six() {
    let project = Project::new();
    let seeds = repo_seeds();
    project.build_ok(&["--seeds", seeds.to_str().unwrap()]);
    let site = project.site();
    let source = site.source("000_6ac93d55cc9a558f.txt");
    assert_eq!(source["id"], "000-6ac93d55cc9a558f");
    let paragraphs = source["paragraphs"].as_array().unwrap();
    assert_eq!(paragraphs.len(), 11);
    for (i, p) in paragraphs.iter().enumerate() {
        let n = i + 1;
        assert_eq!(p["id"], format!("000-6ac93d55cc9a558f#p{n}"));
        if n >= 7 {
            assert_eq!(
                p["duplicate_of"],
                format!("000-6ac93d55cc9a558f#p{}", n - 5),
                "p{n}"
            );
            assert_eq!(p["similarity"], 1.0, "p{n}");
            assert_eq!(p["text"], paragraphs[n - 6]["text"], "p{n} keeps its text");
        } else {
            assert!(p["duplicate_of"].is_null(), "p{n}");
            assert!(p["similarity"].is_null(), "p{n}");
        }
    }

    let page = site.html("sources/000-6ac93d55cc9a558f/index.html");
    assert_eq!(count(&page, "[id^=p]"), 11);
    assert_eq!(
        count(&page, "details.repeat"),
        5,
        "the five repeats are folded"
    );
    assert_eq!(count(&page, "#p7 details.repeat summary a[href='#p2']"), 1);
    assert_eq!(
        count(&page, "#p2 .also a[href='#p7']"),
        1,
        "the original lists its repeat"
    );

    let overview = site.html("index.html");
    let figures = text_of(&overview, ".figures");
    assert!(
        figures.contains("11") && figures.contains("paragraphs"),
        "{figures}"
    );
    assert!(
        figures.contains("6") && figures.contains("unique paragraphs"),
        "{figures}"
    );
    assert!(
        figures.contains("5") && figures.contains("repeated paragraphs"),
        "{figures}"
    );
}

#[test]
fn the_original_is_in_the_earliest_dated_source_then_the_first_path() {
    let project = Project::new();
    let shared = "Negotiators met in Geneva on Sunday to rework the plan.";
    project
        .seed("a-undated.txt", format!("{shared}\n\nOnly in a."))
        .seed(
            "b-late.md",
            format!("---\ndate: 2025-11-25\n---\n\nOnly in b.\n\n{shared}\n"),
        )
        .seed(
            "c-early.md",
            format!(
                "---\ndate: 2025-11-23\n---\n\n\u{201C}Only\u{201D} in c.\n\n  {}\n",
                shared.to_uppercase()
            ),
        );
    project.build_ok(&[]);
    let site = project.site();
    assert_eq!(
        site.source("a-undated.txt")["paragraphs"][0]["duplicate_of"],
        "c-early#p2"
    );
    assert_eq!(
        site.source("b-late.md")["paragraphs"][1]["duplicate_of"],
        "c-early#p2"
    );
    assert!(site.source("c-early.md")["paragraphs"][1]["duplicate_of"].is_null());

    let page = site.html("sources/a-undated/index.html");
    assert_eq!(
        count(
            &page,
            "#p1 details.repeat a[href='../c-early/index.html#p2']"
        ),
        1
    );
    let original = site.html("sources/c-early/index.html");
    assert_eq!(
        count(&original, "#p2 .also a"),
        2,
        "both repeats are listed at the original"
    );
}

#[test]
fn headings_and_code_are_not_counted_as_repeats() {
    let project = Project::new();
    project
        .seed(
            "a.md",
            "## Background\n\nFirst story text here.\n\n```\nsame code\n```\n",
        )
        .seed(
            "b.md",
            "## Background\n\nSecond story text here.\n\n```\nsame code\n```\n",
        );
    project.build_ok(&[]);
    let json = project.site().json();
    for source in json["sources"].as_array().unwrap() {
        for p in source["paragraphs"].as_array().unwrap() {
            assert!(p["duplicate_of"].is_null(), "{p}");
        }
    }
}
