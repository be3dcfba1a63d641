//! Events as happenings (`tests/fixtures/happenings`): one meeting told by four sources in
//! other words and dates is one event; a meeting elsewhere that day stays apart; a call
//! and the publication of its recording, told in one sentence, are two events; a statement
//! keeps the day it was made, not a day it speaks of.

use serde_json::Value;

use crate::common::Project;

/// `briefing.json` of the build of fixture `name` (a folder of `tests/fixtures`).
fn build_fixture(project: &Project, name: &str) -> Value {
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    project.build_ok(&["--seeds", seeds.to_str().unwrap()]);
    project.site().json()
}

fn build(project: &Project) -> Value {
    build_fixture(project, "happenings")
}

/// The event whose paragraphs include `paragraph` and whose date is `date`.
fn event<'a>(json: &'a Value, paragraph: &str, date: &str) -> &'a Value {
    let found: Vec<&Value> = json["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["date"] == date && paragraphs(e).contains(&paragraph))
        .collect();
    assert_eq!(found.len(), 1, "events of {paragraph} on {date}: {found:?}");
    found[0]
}

fn paragraphs(event: &Value) -> Vec<&str> {
    event["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect()
}

#[test]
fn one_meeting_told_in_other_words_and_dates_is_one_event() {
    let project = Project::new();
    let json = build(&project);
    // "on Tuesday" in a Wednesday report, "October 14, 2025" in another, "last month" in
    // a third, and an undated repost of the first.
    let met = event(&json, "a-wire#p1", "2025-10-14");
    assert_eq!(
        paragraphs(met),
        ["a-wire#p1", "b-daily#p1", "c-monthly#p1", "g-repost#p1"]
    );
    assert_eq!(met["sources"], 4);
    assert_eq!(met["precision"], "day");
    assert_eq!(met["approximate"], false);
    assert_eq!(met["status"], "reported");
    let actors: Vec<&str> = met["actors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect();
    assert!(actors.contains(&"lena-sorvik") && actors.contains(&"tomas-brenn"));
}

#[test]
fn two_meetings_on_one_day_in_two_places_stay_apart() {
    let project = Project::new();
    let json = build(&project);
    // Brenn takes part in both, but one is in Rotterdam and the other in Antwerp.
    let antwerp = event(&json, "f-council#p1", "2025-10-14");
    assert_eq!(paragraphs(antwerp), ["f-council#p1"]);
    assert!(!paragraphs(event(&json, "a-wire#p1", "2025-10-14")).contains(&"f-council#p1"));
}

#[test]
fn a_call_and_the_publication_of_its_recording_are_two_events() {
    let project = Project::new();
    let json = build(&project);
    // "On Tuesday, the Rotterdam Courier published a recording of an October 9 call": the
    // call is dated October 9, the publication Tuesday the 21st.
    let call = event(&json, "d-leak#p1", "2025-10-09");
    let published = event(&json, "d-leak#p1", "2025-10-21");
    assert_ne!(call["id"], published["id"]);
    // "the call with Lena Sorvik", told in passing two days later, is the same call.
    assert_eq!(paragraphs(call), ["d-leak#p1", "e-reaction#p1"]);
    // The recording "released on Tuesday" is the same publication, and the reaction
    // quoted in the leak's story is part of it.
    assert_eq!(
        paragraphs(published),
        ["d-leak#p1", "d-leak#p2", "e-reaction#p2"]
    );
}

#[test]
fn a_statement_keeps_the_day_it_was_made() {
    let project = Project::new();
    let json = build(&project);
    // "Sorvik told reporters on Wednesday that the terminals would reopen on Friday": a
    // statement of Wednesday the 15th, and no event on the Friday it speaks of.
    let said = event(&json, "a-wire#p2", "2025-10-15");
    assert_eq!(said["status"], "reported");
    let on_friday = json["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["date"] == "2025-10-17")
        .count();
    assert_eq!(on_friday, 0);
    // Six happenings in all, none undated.
    let events = json["events"].as_array().unwrap();
    assert_eq!(events.len(), 6);
    assert!(events.iter().all(|e| !e["date"].is_null()));
}

#[test]
fn a_raid_told_by_six_sources_in_other_words_is_one_event() {
    // `tests/fixtures/happenings-b`, written by a helper who did not see the code: police
    // "searched the Leipzig production site … on Tuesday", "sent officers into the
    // company's Leipzig factory in what they called a search", "raided", "last week".
    let project = Project::new();
    let json = build_fixture(&project, "happenings-b");
    let raid = event(&json, "01-wire#p1", "2026-03-10");
    assert!(raid["sources"].as_u64().unwrap() >= 6, "{raid}");
    for paragraph in ["05-gothenburg#p3", "08-weekly#p2", "09-analysis#p1"] {
        assert!(paragraphs(raid).contains(&paragraph), "{paragraph}: {raid}");
    }
}

#[test]
fn a_story_tells_one_vote_of_its_day() {
    // `tests/fixtures/happenings-c`, written by a helper who did not see the code: "the
    // city council voted on Thursday …", then "The motion passed by 15 votes to 14 …" and
    // the mayor telling the chamber he would "respect the vote": one vote. Two undated
    // sources that looked ahead to "the vote scheduled for May 28" (no year, no party
    // named) and the vote "on an opposition motion to freeze payments to Colesur" (the
    // short name the company gives in brackets) tell the same vote.
    let project = Project::new();
    let json = build_fixture(&project, "happenings-c");
    let vote = event(&json, "13-wire-vote#p1", "2026-05-28");
    assert_eq!(
        paragraphs(vote),
        [
            "11-blog#p4",
            "12-roundup#p3",
            "13-wire-vote#p1",
            "13-wire-vote#p2",
            "13-wire-vote#p3"
        ]
    );
}

#[test]
fn a_much_reported_event_cites_its_first_sources_and_counts_the_rest() {
    let project = Project::new();
    for n in 1..=7 {
        project.seed(
            &format!("report-{n}.md"),
            format!(
                "---\ntitle: Report {n}\noutlet: Outlet {n}\ndate: 2025-03-12\n---\n\n\
                 Kristen Michal met Alexander Stubb in Tallinn on Tuesday.\n"
            ),
        );
    }
    project.build_ok(&[]);
    let site = project.site();
    let json = site.json();
    let events = json["events"].as_array().unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0]["sources"], 7);
    // The page lists all seven behind its disclosure; the embeddable timeline and the
    // overview cite five and count the rest.
    let page = site.read("timeline/index.html");
    assert!(page.contains("<summary>Reported by 7 sources</summary>"));
    assert_eq!(page.matches("<li><span title=").count(), 7);
    let timeline: Value = serde_json::from_str(&site.read("timeline.json")).unwrap();
    let text = timeline["events"][0]["text"]["text"].as_str().unwrap();
    assert!(text.ends_with(" · and 2 more sources"), "{text}");
    assert_eq!(text.matches("Outlet").count(), 5, "{text}");
    assert!(site.read("index.html").contains(" · and 2 more sources"));
}

#[test]
fn an_undated_source_writes_its_days_in_the_corpus_year_and_joins_the_only_vote_that_day() {
    // A dated wire story tells the vote; an undated column names its day without a year and
    // none of its parties: "the vote scheduled for September 10" is that vote.
    let project = Project::new();
    project.seed(
        "wire.md",
        "---\ntitle: Quay vote\ndate: 2026-09-11\n---\n\nThe Harbour Board of Veltrup voted on \
         Thursday to close the north quay to cargo ships.\n",
    );
    project.seed(
        "notes.md",
        "---\ntitle: Brief\ndate: 2026-09-02\n---\n\nMayor Ilse Brandt opened the new ferry \
         terminal on Tuesday.\n",
    );
    project.seed(
        "column.md",
        "---\ntitle: Our column\n---\n\nMayor Ilse Brandt has lost her majority, and the vote \
         scheduled for September 10 will settle the future of the quay.\n",
    );
    project.build_ok(&[]);
    let site = project.site();
    let json = site.json();
    let column = site.source("column.md");
    assert!(column["date"].is_null());
    assert_eq!(
        column["paragraphs"][0]["times"][0]["value"], "2026-09-10",
        "{column}"
    );
    let vote = event(&json, "wire#p1", "2026-09-10");
    assert_eq!(paragraphs(vote), ["column#p1", "wire#p1"], "{vote}");
}

#[test]
fn a_sentence_naming_no_actor_joins_the_only_event_of_its_act_that_day() {
    // "the harbour authority" is no named actor: the sentence tells the ban it names on the
    // day it states, and joins the one ban of that day; it starts no event of its own.
    let project = Project::new();
    project.seed(
        "board.md",
        "---\ntitle: Quay closed\ndate: 2026-09-11\n---\n\nThe Harbour Board of Veltrup banned \
         cargo ships from the north quay on Thursday.\n",
    );
    project.seed(
        "anon.md",
        "---\ntitle: Pier\ndate: 2026-09-12\n---\n\nOn Thursday the harbour authority banned \
         cargo ships from the north quay, citing cracks in the pier.\n\nOn Friday the port \
         banned swimming near the pier.\n",
    );
    project.build_ok(&[]);
    let json = project.site().json();
    let ban = event(&json, "board#p1", "2026-09-10");
    assert_eq!(paragraphs(ban), ["anon#p1", "board#p1"], "{ban}");
    let events = json["events"].as_array().unwrap();
    assert_eq!(
        events.len(),
        1,
        "the Friday ban, told by no actor, is no event: {events:?}"
    );
}

#[test]
fn a_hearing_looked_ahead_to_and_then_told_is_one_event_that_happened() {
    // `tests/fixtures/happenings-c`: the mayor "is due to appear before Judge Lucía Ferrer on
    // Wednesday", then "spent almost three hours on Wednesday morning answering questions
    // from Judge Lucía Ferrer": one hearing, which happened. His party meeting in another
    // city that afternoon stays apart.
    let project = Project::new();
    let json = build_fixture(&project, "happenings-c");
    let hearing = event(&json, "09-broadcast-two-cities#p1", "2026-05-20");
    let reports = paragraphs(hearing);
    assert!(reports.contains(&"08-wire-denial#p4"), "{reports:?}");
    assert_eq!(hearing["status"], "reported");
    let meeting = event(&json, "09-broadcast-two-cities#p3", "2026-05-20TAF");
    assert!(!paragraphs(meeting).contains(&"09-broadcast-two-cities#p1"));
}

#[test]
fn a_publication_told_again_without_a_date_joins_the_one_its_publisher_made() {
    // `tests/fixtures/happenings-b`: "On Friday, the Saxon Gazette published a transcript of
    // a March 3 call …", and in an analysis of no date "A transcript published by the Saxon
    // Gazette suggests …": one publication, known by who published it. The call it
    // transcribes stays an event of its own, on its own day.
    let project = Project::new();
    let json = build_fixture(&project, "happenings-b");
    let publication = event(&json, "07-followup#p1", "2026-03-13");
    assert!(
        paragraphs(publication).contains(&"09-analysis#p3"),
        "{publication}"
    );
    event(&json, "07-followup#p1", "2026-03-03");
}

#[test]
fn an_outlet_reporting_a_recording_is_its_publication() {
    // The outlet of one source (and Bloomberg, an outlet the built-in list knows) "reported"
    // what another source says it "published": one publication of the recording, apart
    // from the call it records. An official who reports something makes a statement.
    let project = Project::new();
    project.seed(
        "gazette.md",
        "---\ntitle: Tape\noutlet: Harbour Gazette\ndate: 2026-09-09\n---\n\nThe Harbour \
         Gazette published a recording on Tuesday of a call in which Mayor Ilse Brandt promised \
         the quay contract to Veltrup Builders.\n",
    );
    project.seed(
        "wire.md",
        "---\ntitle: Mayor under fire\ndate: 2026-09-10\n---\n\nThe Harbour Gazette reported \
         on Tuesday that Mayor Ilse Brandt had promised the contract to Veltrup Builders in a \
         call.\n\nBloomberg reported on Wednesday that the port authority had frozen the \
         tender.\n\nHarbourmaster Jan Olsen reported on Wednesday that the quay was closed.\n",
    );
    project.build_ok(&[]);
    let json = project.site().json();
    let publication = event(&json, "gazette#p1", "2026-09-08");
    assert_eq!(
        paragraphs(publication),
        ["gazette#p1", "wire#p1"],
        "{publication}"
    );
    // Bloomberg's report is a publication of its own day; the harbourmaster's a statement.
    let bloomberg = event(&json, "wire#p2", "2026-09-09");
    assert_eq!(paragraphs(bloomberg), ["wire#p2"]);
    let statement = event(&json, "wire#p3", "2026-09-09");
    assert_eq!(paragraphs(statement), ["wire#p3"]);
}

#[test]
fn a_publication_told_by_its_week_joins_the_only_one_that_week() {
    // "The recording published this week", in a story two days on that names nobody who
    // published it, is the one publication of that week.
    let project = Project::new();
    project.seed(
        "gazette.md",
        "---\ntitle: Tape\noutlet: Harbour Gazette\ndate: 2026-09-09\n---\n\nThe Harbour \
         Gazette published a recording on Tuesday of a call between Mayor Ilse Brandt and \
         Veltrup Builders.\n",
    );
    project.seed(
        "column.md",
        "---\ntitle: Our column\ndate: 2026-09-10\n---\n\nCouncillor Jan Olsen denied on \
         Thursday that he had leaked anything, and said the recording published this week \
         was incomplete.\n",
    );
    project.build_ok(&[]);
    let json = project.site().json();
    let publication = event(&json, "gazette#p1", "2026-09-08");
    assert_eq!(
        paragraphs(publication),
        ["column#p1", "gazette#p1"],
        "{publication}"
    );
}

#[test]
fn a_quote_dated_only_by_its_source_is_a_claim_not_an_event() {
    // "Olsen said …" with no day of its own stays a claim; a briefing, which names its act,
    // and a statement on a day the text states are events.
    let project = Project::new();
    project.seed(
        "wire.md",
        "---\ntitle: Quay\ndate: 2026-09-10\n---\n\nHarbourmaster Jan Olsen said the north quay \
         would stay closed to cargo ships.\n\nMayor Ilse Brandt gave a press briefing at city \
         hall.\n\nCouncillor Anna Berg said on Tuesday that the pier was unsafe.\n",
    );
    project.build_ok(&[]);
    let json = project.site().json();
    let events: Vec<&str> = json["events"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(paragraphs)
        .collect();
    assert_eq!(events, ["wire#p3", "wire#p2"], "{}", json["events"]);
    let claims = json["claims"].as_array().unwrap();
    assert!(
        claims.iter().any(|c| c["paragraph"] == "wire#p1"),
        "{claims:?}"
    );
}

#[test]
fn what_one_paper_published_on_a_day_is_one_publication_wherever_the_story_is_set() {
    let project = Project::new();
    project.seed(
        "a.md",
        "---\ntitle: Leak\ndate: 2027-02-09\n---\n\n\
         The Demerara Ledger published the draft treaty in Georgetown on Monday, February 8.\n",
    );
    project.seed(
        "b.md",
        "---\ntitle: Talks\ndate: 2027-02-10\n---\n\n\
         On February 8, the Demerara Ledger published a draft that Guyana and Suriname had negotiated in Bridgetown.\n\n\
         Late on Monday the Ledger put online a draft that Guyana would accept.\n",
    );
    let json = {
        project.build_ok(&[]);
        project.site().json()
    };
    let published = event(&json, "a#p1", "2027-02-08");
    assert_eq!(paragraphs(published), ["a#p1", "b#p1", "b#p2"]);
}

#[test]
fn a_document_obtained_by_a_news_outlet_is_its_publication_and_by_anyone_else_nothing() {
    let project = Project::new();
    project.seed(
        "a.md",
        "---\ntitle: Call\ndate: 2025-11-26\noutlet: Courier Wire\n---\n\n\
         On Tuesday, according to a transcript obtained by Bloomberg, Steve Witkoff advised Yuri Ushakov.\n\n\
         On Monday, according to a memo seen by investigators, Marta Koval advised Jan Berg.\n",
    );
    project.build_ok(&[]);
    let json = project.site().json();
    let events = json["events"].as_array().unwrap();
    // What was advised on Tuesday, and Bloomberg's publication of it, on a day the
    // sentence does not tell: the source's, approximately.
    event(&json, "a#p1", "2025-11-25");
    let published = event(&json, "a#p1", "2025-11-26");
    assert_eq!(published["approximate"], true);
    assert!(
        published["actors"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a == "bloomberg"),
        "{published}"
    );
    // A memo seen by investigators is no publication: the sentence tells one happening.
    let told: Vec<&Value> = events
        .iter()
        .filter(|e| paragraphs(e).contains(&"a#p2"))
        .collect();
    assert_eq!(told.len(), 1, "{told:#?}");
    assert_eq!(told[0]["date"], "2025-11-24");
}
