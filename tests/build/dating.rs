//! Undated sources get the date their own text, address or original gives them, marked
//! as inferred with its evidence; `date` stays what the metadata said.

use serde_json::Value;

use crate::common::{Project, text_of};

const WIRE: &str = "Finland and Estonia agreed on Monday to share patrols of the Gulf of Finland after \
    a second undersea cable was damaged, the two governments said in a joint statement.\n\n\
    Finnish President Alexander Stubb said investigators had boarded a cargo ship suspected of \
    dragging its anchor across the seabed for more than 90 kilometres.\n\n\
    Estonian Prime Minister Kristen Michal said the patrols would begin within two weeks and \
    that NATO allies had been asked to send ships.\n";

fn project() -> Project {
    let project = Project::new();
    project
        .seed(
            "wire.md",
            format!("---\ntitle: Gulf patrols agreed\noutlet: Nordic Wire\ndate: 2025-03-10\n---\n\n{WIRE}"),
        )
        .seed(
            "dateline.md",
            "---\ntitle: Cable inquiry widens\n---\n\nHELSINKI, March 12 (Nordic Wire) - Finnish \
             police said on Tuesday they had questioned the crew of the cargo ship.\n",
        )
        .seed(
            "address.md",
            "---\ntitle: Patrol ships named\nurl: https://example.com/news/2025/03/13/patrol-ships\n---\n\n\
             The navy named the three ships that will patrol the Gulf of Finland.\n",
        )
        .seed(
            "weekday.txt",
            "Notes from the Baltic desk.\n\nThe ministers met again on Friday (March 14) to agree \
             on the rules of engagement, a week after the talks opened on Friday, March 7.\n",
        )
        .seed("copy.txt", WIRE)
        .seed("nothing.txt", "A note with no date in it at all, on the cable talks.\n");
    project
}

fn source<'a>(json: &'a Value, path: &str) -> &'a Value {
    json["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["path"] == path)
        .unwrap()
}

#[test]
fn each_kind_of_evidence_dates_an_undated_source() {
    let project = project();
    project.build_ok(&[]);
    let json = project.site().json();
    for (path, value, from) in [
        ("dateline.md", "2025-03-12", "dateline"),
        ("address.md", "2025-03-13", "url"),
        ("weekday.txt", "2025-03-14", "text"),
        ("copy.txt", "2025-03-10", "copy"),
    ] {
        let s = source(&json, path);
        assert!(s["date"].is_null(), "{path}: date stays the metadata's");
        assert_eq!(s["date_inferred"]["value"], value, "{path}");
        assert_eq!(s["date_inferred"]["from"], from, "{path}");
        assert_eq!(s["date_inferred"]["approximate"], true, "{path}");
    }
    assert!(source(&json, "wire.md")["date_inferred"].is_null());
    assert!(source(&json, "nothing.txt")["date_inferred"].is_null());
    assert!(source(&json, "nothing.txt")["date"].is_null());
}

#[test]
fn relative_times_resolve_against_the_inferred_date() {
    let project = project();
    project.build_ok(&[]);
    let json = project.site().json();
    // "on Tuesday" in a source dated March 12, 2025 (a Wednesday) by its dateline.
    let times = &source(&json, "dateline.md")["paragraphs"][0]["times"];
    let tuesday = times
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["text"] == "on Tuesday" || t["text"] == "Tuesday")
        .expect("a time expression for Tuesday");
    assert_eq!(tuesday["value"], "2025-03-11");
    // The copy, dated by its original after dedupe, reads "on Monday" against it.
    let times = &source(&json, "copy.txt")["paragraphs"][0]["times"];
    let monday = times
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["text"].as_str().unwrap().contains("Monday"))
        .expect("a time expression for Monday");
    assert_eq!(monday["value"], "2025-03-10");
}

#[test]
fn the_source_page_shows_the_inferred_date_with_its_evidence() {
    let project = project();
    project.build_ok(&[]);
    let site = project.site();
    let page = site.html("sources/dateline/index.html");
    let published = text_of(&page, ".meta time[datetime='2025-03-12']");
    assert!(
        published.contains("About 12 March 2025")
            && published.contains("dateline")
            && published.contains("HELSINKI, March 12 (Nordic Wire) -"),
        "{published}"
    );
    let page = site.html("sources/nothing/index.html");
    assert!(text_of(&page, ".meta").contains("Undated"));
}
