//! Claims: who said what, how firmly, in `briefing.json`.

use serde_json::Value;

use crate::common::Project;

const REPORT: &str = "---\ntitle: Cable talks\ndate: 2025-03-12\n---\n\n\
Finnish President Alexander Stubb said that investigators had boarded a second ship. \
He also urged Estonia to close the strait.\n\n\
\"We will not accept sabotage,\" Kristen Michal told reporters in Tallinn.\n\n\
The Kremlin reportedly denied that Russian ships had damaged the cables.\n\n\
Estonian officials have insisted they will not reopen the port, according to people familiar with the talks.\n";

/// A claim as (speaker, speaker_text, cue, hedged, text, paragraph).
type Claim<'a> = (Option<&'a str>, &'a str, &'a str, bool, &'a str, &'a str);

fn claims(json: &Value) -> Vec<Claim<'_>> {
    json["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["speaker"].as_str(),
                c["speaker_text"].as_str().unwrap(),
                c["cue"].as_str().unwrap(),
                c["hedged"].as_bool().unwrap(),
                c["text"].as_str().unwrap(),
                c["paragraph"].as_str().unwrap(),
            )
        })
        .collect()
}

#[test]
fn claims_name_speaker_cue_content_and_hedge() {
    let project = Project::new();
    project.seed("report.md", REPORT);
    project.build_ok(&[]);
    let json = project.site().json();
    assert_eq!(
        claims(&json),
        [
            (
                Some("alexander-stubb"),
                "Alexander Stubb",
                "said",
                false,
                "investigators had boarded a second ship",
                "report#p1"
            ),
            (
                Some("alexander-stubb"),
                "He",
                "urged",
                false,
                "Estonia to close the strait",
                "report#p1"
            ),
            (
                Some("kristen-michal"),
                "Kristen Michal",
                "told",
                false,
                "We will not accept sabotage",
                "report#p2"
            ),
            (
                Some("kremlin"),
                "Kremlin",
                "denied",
                true,
                "Russian ships had damaged the cables",
                "report#p3"
            ),
            (
                None,
                "Estonian officials",
                "insisted",
                true,
                "they will not reopen the port",
                "report#p4"
            ),
            (
                None,
                "people familiar with the talks",
                "according to",
                true,
                "Estonian officials have insisted they will not reopen the port",
                "report#p4"
            ),
        ]
    );
    let ids: Vec<&str> = json["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["c1", "c2", "c3", "c4", "c5", "c6"]);
}

#[test]
fn a_repeated_paragraph_adds_no_claims() {
    let project = Project::new();
    project.seed("report.md", REPORT);
    project.seed(
        "copy.md",
        REPORT.replace("title: Cable talks", "title: Cable talks (copy)"),
    );
    project.build_ok(&[]);
    let json = project.site().json();
    assert_eq!(json["claims"].as_array().unwrap().len(), 6);
}
