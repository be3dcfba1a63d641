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
            assert_eq!(p["repeat"], "exact", "p{n}");
            assert_eq!(p["text"], paragraphs[n - 6]["text"], "p{n} keeps its text");
        } else {
            assert!(p["duplicate_of"].is_null(), "p{n}");
            assert!(p["similarity"].is_null(), "p{n}");
            assert!(p["repeat"].is_null(), "p{n}");
        }
    }

    let page = site.html("sources/000-6ac93d55cc9a558f/index.html");
    assert_eq!(count(&page, "[id^=p]"), 11);
    assert_eq!(
        count(&page, "details.repeat"),
        5,
        "the five repeats are folded"
    );
    assert_eq!(count(&page, "#p7 details.repeat a[href='#p2']"), 1);
    assert_eq!(
        count(&page, "details.repeat summary a"),
        0,
        "nothing interactive inside a summary"
    );
    assert_eq!(
        count(&page, "#p2 .also a[href='#p7']"),
        1,
        "the original lists its repeat"
    );
    // A word-for-word repeat shows its text plain: its names and dates are marked at the
    // original it links to, not once more on every copy.
    assert!(
        count(&page, "#p2 > p a.actor") > 0,
        "the original links its names"
    );
    assert_eq!(
        count(&page, "details.repeat a.actor, details.repeat time.timex"),
        0,
        "no repeated markup in the folds"
    );
    assert_eq!(
        text_of(&page, "#p7 details.repeat > p:last-child"),
        text_of(&page, "#p2 > p:first-of-type"),
        "the repeat keeps all of its text"
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

/// The syndication fixture: a wire story, four copies of it (edited with a dateline and a
/// credit line, cut, extended, reworded), an independent report of the same event, a
/// source that repeats itself, and short paragraphs.
fn syndication() -> (Project, crate::common::Site) {
    let project = Project::new();
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/syndication");
    project.build_ok(&["--seeds", seeds.to_str().unwrap()]);
    let site = project.site();
    (project, site)
}

fn duplicate_of(site: &crate::common::Site, path: &str) -> Vec<Option<String>> {
    site.source(path)["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["duplicate_of"].as_str().map(String::from))
        .collect()
}

fn wire(numbers: &[usize]) -> Vec<Option<String>> {
    numbers
        .iter()
        .map(|&n| (n > 0).then(|| format!("wire#p{n}")))
        .collect()
}

#[test]
fn edited_cut_extended_and_reworded_copies_point_to_the_wire_story() {
    let (_project, site) = syndication();
    // Words changed, a dateline added, a credit line (p7) added.
    assert_eq!(
        duplicate_of(&site, "copy-edited.md"),
        wire(&[1, 2, 3, 4, 5, 6, 0])
    );
    // A paragraph cut.
    assert_eq!(duplicate_of(&site, "copy-cut.md"), wire(&[1, 2, 3, 4, 6]));
    // A sentence appended to p6, a local paragraph appended.
    assert_eq!(
        duplicate_of(&site, "copy-appended.md"),
        wire(&[1, 2, 3, 4, 5, 6, 0])
    );
    // Every paragraph reworded with synonyms.
    assert_eq!(
        duplicate_of(&site, "copy-spun.md"),
        wire(&[1, 2, 3, 4, 5, 6])
    );

    let edited = site.source("copy-edited.md");
    let similarity = |n: usize| edited["paragraphs"][n]["similarity"].as_f64().unwrap();
    assert_eq!(similarity(2), 1.0, "p3 is the same text");
    assert!(
        similarity(1) < 1.0 && similarity(1) > 0.8,
        "p2 has two words changed: {}",
        similarity(1)
    );

    for copy in [
        "copy-edited.md",
        "copy-cut.md",
        "copy-appended.md",
        "copy-spun.md",
    ] {
        assert_eq!(
            site.source(copy)["duplicate_of"],
            "wire",
            "{copy} is a copy of the wire story"
        );
    }
    assert!(site.source("wire.md")["duplicate_of"].is_null());
}

#[test]
fn an_independent_report_of_the_same_facts_is_not_merged() {
    let (_project, site) = syndication();
    assert_eq!(
        duplicate_of(&site, "independent.md"),
        [None, None, None, None]
    );
    assert!(site.source("independent.md")["duplicate_of"].is_null());
    for p in site.source("wire.md")["paragraphs"].as_array().unwrap() {
        assert!(
            p["duplicate_of"].is_null(),
            "the wire story is the original: {p}"
        );
    }
}

#[test]
fn a_source_that_repeats_itself_points_inside_itself() {
    let (_project, site) = syndication();
    let notes = |n| format!("notes#p{n}");
    assert_eq!(
        duplicate_of(&site, "notes.txt"),
        [None, None, Some(notes(1)), Some(notes(2))]
    );
    assert!(
        site.source("notes.txt")["duplicate_of"].is_null(),
        "repeating itself is not copying another"
    );
}

#[test]
fn short_paragraphs_do_not_form_false_clusters() {
    let (_project, site) = syndication();
    assert_eq!(duplicate_of(&site, "short-a.md"), [None, None, None, None]);
    assert_eq!(duplicate_of(&site, "short-b.md"), [None, None, None, None]);
}

#[test]
fn pages_show_copies_diffs_and_where_text_also_appears() {
    let (_project, site) = syndication();
    let edited = site.html("sources/copy-edited/index.html");
    assert!(text_of(&edited, ".copy-note").contains(
        "Copy of Rotterdam dock workers strike over automation plan: 6 of its 6 paragraphs"
    ));
    assert_eq!(count(&edited, ".copy-note a[href='../wire/index.html']"), 1);
    // p2 changed "About … joined" to "Roughly … took part in".
    assert_eq!(text_of(&edited, "#p2 .diff del"), "About");
    assert_eq!(text_of(&edited, "#p2 .diff ins"), "Roughly");
    assert!(text_of(&edited, "#p2 summary").contains("with changes"));
    assert_eq!(
        count(&edited, "#p3 .diff"),
        0,
        "an exact repeat has no diff"
    );

    let original = site.html("sources/wire/index.html");
    let also = text_of(&original, "#p1 .also");
    for copy in [
        "Lakeside Courier",
        "Valley Gazette",
        "Coastal Echo",
        "Daily Digest Online",
    ] {
        assert!(also.contains(copy), "{copy} missing from {also:?}");
    }
    assert_eq!(
        count(&original, "#p5 .also a"),
        3,
        "p5 was cut from one copy"
    );

    // The sources list groups the copies under their original.
    let list = site.html("sources/index.html");
    assert_eq!(
        count(&list, ".cards > .card"),
        5,
        "wire, independent, notes and two short sources"
    );
    assert_eq!(count(&list, ".card .copies .copy"), 4);
    let overview = site.html("index.html");
    assert!(text_of(&overview, ".figures").contains("copies of other sources"));
}
