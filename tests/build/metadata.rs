//! Front matter and sidecar metadata reach the export and the source page.

use crate::common::{Project, count, text_of};

#[test]
fn front_matter_is_read_and_unknown_keys_are_shown() {
    let project = Project::new();
    project.seed(
        "geneva.md",
        "---\ntitle: \"Geneva talks: day one\"\nsource: Meridian Wire\nurl: https://example.com/geneva\n\
         date: 2025-11-23\nauthor: [A. Writer, B. Editor]\nlanguage: en\ntags: [ukraine, talks]\ndesk: Europe\n---\n\n\
         # Geneva\n\nNegotiators met on Sunday.\n",
    );
    project.build_ok(&[]);
    let site = project.site();
    let source = site.source("geneva.md");
    assert_eq!(source["title"], "Geneva talks: day one");
    assert_eq!(
        source["outlet"], "Meridian Wire",
        "`source` is an alias of `outlet`"
    );
    assert_eq!(source["date"], "2025-11-23");
    assert_eq!(source["paragraphs"][0]["text"], "Geneva");
    assert_eq!(
        source["paragraphs"][1]["text"],
        "Negotiators met on Sunday."
    );

    let page = site.html("sources/geneva/index.html");
    assert_eq!(text_of(&page, "h1"), "Geneva talks: day one");
    let meta = text_of(&page, "dl.meta");
    for expected in [
        "Meridian Wire",
        "A. Writer, B. Editor",
        "23 November 2025",
        "en",
        "ukraine, talks",
        "desk",
        "Europe",
        "geneva.md",
    ] {
        assert!(
            meta.contains(expected),
            "{expected:?} missing from {meta:?}"
        );
    }
    assert_eq!(
        count(&page, "dl.meta a[href='https://example.com/geneva']"),
        1
    );
    assert_eq!(count(&page, "time[datetime='2025-11-23']:not(.timex)"), 2);
}

#[test]
fn a_sidecar_gives_a_text_file_its_metadata() {
    let project = Project::new();
    project
        .seed(
            "transcript.txt",
            "LEAVITT: Thanks, everyone.\nQ: A question.\n",
        )
        .seed(
            "transcript.yaml",
            "title: Press briefing\noutlet: Press Pool\ndate: 2025-11-25\n",
        );
    project.build_ok(&[]);
    let source = project.site().source("transcript.txt");
    assert_eq!(source["title"], "Press briefing");
    assert_eq!(source["outlet"], "Press Pool");
    assert_eq!(source["date"], "2025-11-25");
    assert_eq!(source["paragraphs"].as_array().unwrap().len(), 2);
}

#[test]
fn front_matter_wins_over_the_sidecar_key_by_key() {
    let project = Project::new();
    project
        .seed("story.md", "---\ntitle: From front matter\n---\n\nText.\n")
        .seed(
            "story.yaml",
            "title: From sidecar\noutlet: Sidecar Outlet\n",
        );
    project.build_ok(&[]);
    let source = project.site().source("story.md");
    assert_eq!(source["title"], "From front matter");
    assert_eq!(source["outlet"], "Sidecar Outlet");
}

#[test]
fn a_source_without_title_or_date_is_titled_by_its_first_sentence_and_marked_undated() {
    let project = Project::new();
    project.seed(
        "notes.txt",
        "Talks resumed in Geneva. More followed later.\nSecond line.\n",
    );
    project.build_ok(&[]);
    let site = project.site();
    let source = site.source("notes.txt");
    assert_eq!(source["title"], "Talks resumed in Geneva.");
    assert!(source["date"].is_null());
    let page = site.html("sources/notes/index.html");
    assert!(text_of(&page, ".byline").contains("Undated"));
    assert!(text_of(&page, "dl.meta").contains("Undated"));
    assert_eq!(
        site.json()["title"],
        "Talks resumed in Geneva.",
        "briefing title from the first source"
    );
}

#[test]
fn a_reposted_wire_story_is_titled_without_its_dateline() {
    let project = Project::new();
    project.seed(
        "repost.txt",
        "LISBON, Nov 11 (Atlas) - Prosecutors opened an inquiry on Wednesday. More later.\n",
    );
    project.build_ok(&[]);
    let source = project.site().source("repost.txt");
    assert_eq!(
        source["title"],
        "Prosecutors opened an inquiry on Wednesday."
    );
    // The paragraph keeps its dateline.
    assert!(
        source["paragraphs"][0]["text"]
            .as_str()
            .unwrap()
            .starts_with("LISBON, Nov 11 (Atlas) - ")
    );
}

#[test]
fn drafts_are_left_out_unless_asked_for() {
    let project = Project::new();
    project
        .seed("final.md", "Published text.\n")
        .seed("draft.md", "---\ndraft: true\n---\n\nUnfinished text.\n");
    let run = project.build_ok(&[]);
    assert!(run.stderr.contains("1 draft left out"), "{}", run.stderr);
    assert_eq!(project.site().source_paths().len(), 1);
    project.build_ok(&["--drafts"]);
    assert_eq!(project.site().source_paths().len(), 2);
}

#[test]
fn the_configuration_sets_title_and_description() {
    let project = Project::new();
    project
        .file(
            "briefing.yaml",
            "title: Peace talks\ndescription: What happened in Geneva.\n",
        )
        .seed("a.txt", "Text.\n");
    project.build_ok(&[]);
    let site = project.site();
    assert_eq!(site.json()["title"], "Peace talks");
    let overview = site.html("index.html");
    assert_eq!(text_of(&overview, "h1"), "Peace talks");
    assert_eq!(text_of(&overview, ".dek"), "What happened in Geneva.");
    assert!(
        site.read("index.html")
            .contains("<meta name=\"description\" content=\"What happened in Geneva.\">")
    );
}

#[test]
fn without_a_configured_title_the_briefing_takes_the_headline_of_the_source_others_copy() {
    let project = Project::new();
    let wire = "Finland and Estonia agreed on Monday to share patrols of the Gulf of Finland after \
                a second undersea cable was damaged, the two governments said.\n\n\
                Finnish President Alexander Stubb said investigators had boarded a cargo ship \
                suspected of dragging its anchor across the seabed.\n";
    project
        .seed(
            "a-column.md",
            "---\ntitle: A column on the Baltic\ndate: 2025-03-09\n---\n\nThe Baltic is a busy sea, \
             and its cables are easy to damage.\n",
        )
        .seed(
            "b-wire.md",
            format!("---\ntitle: Gulf patrols agreed after cable damage\ndate: 2025-03-10\n---\n\n{wire}"),
        )
        .seed("c-copy.md", format!("---\ntitle: Patrols agreed\ndate: 2025-03-11\n---\n\n{wire}"))
        .seed("d-untitled.txt", wire);
    project.build_ok(&[]);
    let site = project.site();
    assert_eq!(
        site.json()["title"],
        "Gulf patrols agreed after cable damage",
        "the source two others repeat, not the first in path order"
    );
    assert_eq!(
        text_of(&site.html("index.html"), "h1"),
        "Gulf patrols agreed after cable damage"
    );
}
