//! Time expressions, events and the timeline: dates resolved against each source's date,
//! one event however often it is reported, the timeline's pages, `timeline.json`, each
//! actor's slice and the overview's chart.

use scraper::Selector;
use serde_json::Value;

use crate::common::{Project, Site};

/// The timeline fixture: a dated report and a syndicated copy of part of it (published on
/// Wednesday 12 March 2025), a later report (2 April 2025), and undated notes.
fn fixture(project: &Project) -> Site {
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/timeline");
    project.build_ok(&["--seeds", seeds.to_str().unwrap()]);
    project.site()
}

fn strings(value: &Value) -> Vec<&str> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect()
}

fn event_with<'a>(json: &'a Value, words: &str) -> &'a Value {
    let matching: Vec<&Value> = json["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["summary"].as_str().unwrap().contains(words))
        .collect();
    assert_eq!(matching.len(), 1, "events with {words:?}: {matching:?}");
    matching[0]
}

#[test]
fn events_are_dated_as_precisely_as_the_text_allows_oldest_first() {
    let project = Project::new();
    let json = fixture(&project).json();
    let events: Vec<(Option<&str>, &str, bool, &str)> = json["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["date"].as_str(),
                e["precision"].as_str().unwrap(),
                e["approximate"].as_bool().unwrap(),
                e["status"].as_str().unwrap(),
            )
        })
        .collect();
    // Wednesday 12 March 2025: "on Monday" is the 10th, "on Tuesday" the 11th, "on
    // Wednesday" (past tense) the day itself, "next week" ISO week 12; 2 April 2025:
    // "March 28, 2025" and "two days later" the 30th, "in April" the month.
    assert_eq!(
        events,
        [
            (Some("2025-03-10"), "day", false, "reported"),
            (Some("2025-03-11"), "day", false, "reported"),
            (Some("2025-03-12"), "day", false, "denied"),
            (Some("2025-W12"), "week", false, "planned"),
            (Some("2025-03-30"), "day", false, "reported"),
            (Some("2025-04"), "month", false, "reported"),
            (None, "unknown", false, "reported"),
        ]
    );
    let ids: Vec<&str> = json["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["e1", "e2", "e3", "e4", "e5", "e6", "e7"]);
}

#[test]
fn an_event_reported_in_a_copy_is_one_event_with_both_paragraphs() {
    let project = Project::new();
    let json = fixture(&project).json();
    let met = event_with(&json, "met Estonian Prime Minister");
    assert_eq!(strings(&met["paragraphs"]), ["01-talks#p1", "02-copy#p1"]);
    // "HELSINKI — " is where the report was filed: not an actor of the meeting.
    assert_eq!(
        strings(&met["actors"]),
        ["alexander-stubb", "kristen-michal"]
    );
    let travel = event_with(&json, "will travel to Brussels");
    assert_eq!(
        strings(&travel["paragraphs"]),
        ["01-talks#p2", "02-copy#p2"]
    );
}

#[test]
fn an_event_told_with_more_actors_elsewhere_is_one_event() {
    let project = Project::new();
    let seed = |file: &str, text: &str| {
        project.seed(
            file,
            format!("---\ntitle: {file}\ndate: 2025-03-12\n---\n\n{text}\n"),
        );
    };
    seed(
        "a.md",
        "On Tuesday, Kristen Michal met Alexander Stubb in Tallinn to discuss the cables.",
    );
    seed("b.md", "Kristen Michal met Alexander Stubb on Tuesday.");
    seed(
        "c.md",
        "Kristen Michal met Alexander Stubb in Helsinki on Monday. Mark Rutte met Stubb on Monday in Riga.",
    );
    seed(
        "d.md",
        "Kristen Michal met Alexander Stubb in Riga on Monday.",
    );
    project.build_ok(&[]);
    let json = project.site().json();
    let tallinn = event_with(&json, "in Tallinn");
    assert_eq!(strings(&tallinn["paragraphs"]), ["a#p1", "b#p1"]);
    assert_eq!(
        strings(&tallinn["actors"]),
        ["kristen-michal", "alexander-stubb", "tallinn"]
    );
    // The same two actors on the same day, each with a place the other lacks: two events.
    assert_eq!(
        strings(&event_with(&json, "in Helsinki")["paragraphs"]),
        ["c#p1"]
    );
    // Rutte meeting Stubb in Riga that Monday is the Riga meeting: the same act, day and
    // place, and a participant in common.
    assert_eq!(
        strings(&event_with(&json, "Stubb in Riga")["paragraphs"]),
        ["c#p1", "d#p1"]
    );
}

#[test]
fn an_event_leaves_out_the_wire_dateline_and_keeps_a_speakers_label() {
    let project = Project::new();
    project.seed(
        "wire.md",
        "---\ntitle: Talks\ndate: 2025-03-12\n---\n\n\
         TALLINN (Baltic Wire) — Kristen Michal met Alexander Stubb on Tuesday.\n",
    );
    project.seed(
        "briefing.txt",
        "MICHAL: The port stays closed until the talks end.\n",
    );
    project.build_ok(&[]);
    let json = project.site().json();
    let met = event_with(&json, "met");
    assert_eq!(
        met["summary"],
        "Kristen Michal met Alexander Stubb on Tuesday."
    );
    assert_eq!(
        strings(&met["actors"]),
        ["kristen-michal", "alexander-stubb"]
    );
    assert_eq!(
        event_with(&json, "port")["summary"],
        "MICHAL: The port stays closed until the talks end."
    );
}

#[test]
fn a_sentence_introducing_a_block_quote_is_told_with_it() {
    let project = Project::new();
    project.seed(
        "talks.md",
        "---\ntitle: Talks\ndate: 2025-03-12\n---\n\n\
         After the talks on Tuesday, Kristen Michal wrote:\n\n\
         > Estonia will keep the port closed. The inquiry goes on.\n\n\
         The account from Helsinki captured the mood in Tallinn:\n\n\
         Alexander Stubb met Kristen Michal on Wednesday.\n",
    );
    project.build_ok(&[]);
    let json = project.site().json();
    let wrote = event_with(&json, "wrote");
    assert_eq!(
        wrote["summary"],
        "After the talks on Tuesday, Kristen Michal wrote: Estonia will keep the port closed. …"
    );
    assert_eq!(strings(&wrote["actors"]), ["kristen-michal", "estonia"]);
    assert_eq!(strings(&wrote["paragraphs"]), ["talks#p1", "talks#p2"]);
    assert_eq!(wrote["date"], "2025-03-11");
    // The quote is told once; a sentence introducing a paragraph is no event of its own.
    let summaries: Vec<&str> = json["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["summary"].as_str())
        .collect();
    assert_eq!(
        summaries,
        [
            "After the talks on Tuesday, Kristen Michal wrote: Estonia will keep the port closed. …",
            "Alexander Stubb met Kristen Michal on Wednesday."
        ]
    );
}

#[test]
fn a_sources_page_marks_its_times_with_what_they_resolve_to() {
    let project = Project::new();
    project.seed(
        "talks.md",
        "---\ntitle: Talks\ndate: 2025-03-12\n---\n\n\
         Kristen Michal met Alexander Stubb on Monday, and the talks will resume next week \
         after three days of work.\n",
    );
    project.seed(
        "notes.txt",
        "Stubb said on Monday that repairs began recently.\n",
    );
    project.build_ok(&[]);
    let site = project.site();
    let marks = |page: &str| -> Vec<(String, Option<String>, String)> {
        let html = site.html(page);
        let timex = Selector::parse(".timex").unwrap();
        html.select(&timex)
            .map(|e| {
                let e = e.value();
                (
                    e.name().to_string(),
                    e.attr("datetime").map(str::to_string),
                    e.attr("title").unwrap().to_string(),
                )
            })
            .collect()
    };
    let time = |datetime: &str, title: &str| {
        (
            "time".to_string(),
            Some(datetime.to_string()),
            title.to_string(),
        )
    };
    let span = |title: &str| ("span".to_string(), None, title.to_string());
    assert_eq!(
        marks("sources/talks/index.html"),
        [
            time("2025-03-10", "Monday 10 March 2025"),
            time("2025-W12", "Week 12, 2025 (17–23 March)"),
            span("A length of time: 3 days"),
        ]
    );
    // An undated source leaves "on Monday" unresolved; "recently" is a vague reference.
    assert_eq!(
        marks("sources/notes/index.html"),
        [
            span("Not resolved: no date to count from"),
            span("Some time in the past"),
        ]
    );
}

#[test]
fn without_a_date_in_the_text_the_source_date_stands_in_approximately() {
    let project = Project::new();
    project.seed(
        "a.md",
        "---\ndate: 2025-06-03\n---\n\nAlexander Stubb visited Kristen Michal in Tallinn.\n",
    );
    project.seed("b.txt", "Alexander Stubb visited Hanko.\n");
    project.build_ok(&[]);
    let json = project.site().json();
    let dated = event_with(&json, "Tallinn");
    assert_eq!(dated["date"], "2025-06-03");
    assert_eq!(dated["approximate"], true);
    let undated = event_with(&json, "Hanko");
    assert_eq!(undated["date"], Value::Null);
    assert_eq!(undated["precision"], "unknown");
}

#[test]
fn paragraph_times_have_values_and_exact_character_offsets() {
    let project = Project::new();
    let site = fixture(&project);
    let later = site.source("03-later.md");
    let p = &later["paragraphs"][0];
    let times: Vec<(&str, &str, Option<&str>)> = p["times"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["text"].as_str().unwrap(),
                t["type"].as_str().unwrap(),
                t["value"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        times,
        [
            ("March 28, 2025", "date", Some("2025-03-28")),
            ("Two days later", "date", Some("2025-03-30"))
        ]
    );
    crate::common::assert_char_offsets(p, "times");
    let notes = site.source("04-notes.txt");
    assert_eq!(notes["paragraphs"][0]["times"][0]["value"], "PAST_REF");
}

#[test]
fn an_undated_source_leaves_relative_dates_unresolved() {
    let project = Project::new();
    project.seed(
        "notes.md",
        "Alexander Stubb met Kristen Michal on Monday. Michal flew home on Oct. 14, 2025.\n",
    );
    project.build_ok(&[]);
    let json = project.site().json();
    let times = &json["sources"][0]["paragraphs"][0]["times"];
    assert_eq!(times[0]["text"], "Monday");
    assert_eq!(times[0]["value"], Value::Null);
    assert_eq!(times[1]["value"], "2025-10-14");
    assert_eq!(event_with(&json, "Monday")["date"], Value::Null);
    assert_eq!(event_with(&json, "flew home")["date"], "2025-10-14");
}

#[test]
fn the_timeline_page_groups_events_by_date_with_badges_and_links() {
    let project = Project::new();
    let site = fixture(&project);
    let html = site.html("timeline/index.html");
    let headings = Selector::parse("h2.day-label").unwrap();
    let days: Vec<String> = html.select(&headings).map(|h| h.text().collect()).collect();
    assert_eq!(
        days,
        [
            "Monday 10 March 2025",
            "Tuesday 11 March 2025",
            "Wednesday 12 March 2025",
            "Week 12, 2025 (17–23 March)",
            "Sunday 30 March 2025",
            "April 2025",
            "Undated",
        ]
    );
    let page = site.read("timeline/index.html");
    let travel = page
        .split("id=\"e4\"")
        .nth(1)
        .expect("event e4")
        .split("</li>")
        .next()
        .unwrap();
    assert!(
        travel.contains(">week</span>") && travel.contains(">planned</span>"),
        "{travel}"
    );
    assert!(
        travel.contains("data-status=\"planned\"") || page.contains("id=\"e4\" data-actors"),
        "{travel}"
    );
    let denied = page
        .split("id=\"e3\"")
        .nth(1)
        .unwrap()
        .split("</li>")
        .next()
        .unwrap();
    assert!(denied.contains(">denied</span>"), "{denied}");
    // The filter works with the script and is hidden without it.
    assert!(page.contains("<form class=\"filter\" id=\"filter\" hidden>"));
    assert!(page.contains("<script src=\"../timeline.js\" defer></script>"));
    assert!(site.read("timeline.js").contains("data-actors"));
    site.assert_no_broken_links("/");
}

#[test]
fn two_reports_from_one_outlet_are_told_apart_by_their_titles() {
    let project = Project::new();
    let talks = "Kristen Michal met Alexander Stubb on Monday in Tallinn.";
    for (file, title, outlet) in [
        ("first.md", "Leaders meet", "Northern Desk"),
        ("second.md", "Cable talks", "Northern Desk"),
        ("third.md", "Summit", "Baltic Report"),
    ] {
        project.seed(
            file,
            format!("---\ntitle: {title}\noutlet: {outlet}\ndate: 2025-03-12\n---\n\n{talks}\n"),
        );
    }
    project.build_ok(&[]);
    let html = project.site().html("timeline/index.html");
    // Three sources: counted in the entry, listed behind a disclosure.
    let summary = Selector::parse("details.event-reports > summary").unwrap();
    let counted: Vec<String> = html.select(&summary).map(|s| s.text().collect()).collect();
    assert_eq!(counted, ["Reported by 3 sources"]);
    let named = Selector::parse("details.event-reports li > span").unwrap();
    let names: Vec<String> = html
        .select(&named)
        .map(|span| {
            let text: String = span.text().collect();
            text.split(" \u{b6}").next().unwrap().to_string()
        })
        .collect();
    assert_eq!(names, ["Leaders meet", "Cable talks", "Baltic Report"]);
}

#[test]
fn timeline_json_follows_timelinejs() {
    let project = Project::new();
    let site = fixture(&project);
    let timeline: Value =
        serde_json::from_str(&site.read("timeline.json")).expect("timeline.json is JSON");
    let events = timeline["events"].as_array().unwrap();
    // Dated events only: TimelineJS needs a start date.
    assert_eq!(events.len(), 6);
    let by_id = |id: &str| {
        events
            .iter()
            .find(|e| e["unique_id"] == id)
            .unwrap_or_else(|| panic!("{id}"))
    };
    assert_eq!(
        by_id("e1")["start_date"],
        serde_json::json!({"year": "2025", "month": "3", "day": "10", "display_date": "Monday 10 March 2025"})
    );
    assert_eq!(by_id("e4")["start_date"]["month"], "3");
    assert!(by_id("e4")["start_date"].get("day").is_none());
    assert!(by_id("e6")["start_date"].get("day").is_none());
    assert_eq!(by_id("e4")["group"], "Planned");
    assert!(
        by_id("e1")["text"]["headline"]
            .as_str()
            .unwrap()
            .starts_with("Finnish President Alexander Stubb met")
    );
    assert!(
        by_id("e1")["text"]["text"]
            .as_str()
            .unwrap()
            .contains("href=\"sources/01-talks/index.html#p1\"")
    );
}

#[test]
fn actor_pages_show_their_slice_of_the_timeline() {
    let project = Project::new();
    let site = fixture(&project);
    let html = site.html("actors/kristen-michal/index.html");
    let links = Selector::parse("#timeline ~ ol.events a.event-date").unwrap();
    let hrefs: Vec<&str> = html
        .select(&links)
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert_eq!(
        hrefs,
        [
            "../../timeline/index.html#e1",
            "../../timeline/index.html#e4"
        ]
    );
}

#[test]
fn the_overview_charts_events_over_time() {
    let project = Project::new();
    let site = fixture(&project);
    let page = site.read("index.html");
    let svg = page
        .split("<svg")
        .nth(1)
        .expect("an inline chart")
        .split("</svg>")
        .next()
        .unwrap();
    assert!(svg.contains("role=\"group\" aria-labelledby=\"chart-title\""));
    // Day-dated events fall on four days; the week and the month are counted apart.
    assert_eq!(svg.matches("<rect").count(), 4, "{svg}");
    assert!(svg.contains("href=\"timeline/index.html#e1\""));
    assert!(
        page.contains("2 events dated only to a week or a coarser period are not counted here.")
    );
}

#[test]
fn the_overview_lists_the_latest_events_on_stated_days() {
    let project = Project::new();
    let site = fixture(&project);
    let page = site.html("index.html");
    let select = |css: &str| -> Vec<String> {
        page.select(&Selector::parse(css).unwrap())
            .map(|e| e.text().collect::<String>())
            .collect()
    };
    // Newest day first; "next week" and "in April" are no day, and the undated notes'
    // "recently" is no date at all.
    assert_eq!(
        select("li.event .event-date"),
        [
            "Sunday 30 March 2025",
            "Wednesday 12 March 2025",
            "Tuesday 11 March 2025",
            "Monday 10 March 2025",
        ]
    );
    let summaries = select("li.event .event-summary");
    assert!(
        summaries[0].starts_with("Two days later, Stubb visited"),
        "{summaries:?}"
    );
    let links: Vec<&str> = page
        .select(&Selector::parse("li.event a.event-date").unwrap())
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert!(
        links.iter().all(|l| l.starts_with("timeline/index.html#e")),
        "{links:?}"
    );
}

#[test]
fn a_long_timeline_is_split_into_periods_with_navigation() {
    let project = Project::new();
    // One actor: events that share a day are told apart by their words, which are drawn
    // from a list so that no paragraph repeats another.
    let nouns = [
        "cable",
        "pipeline",
        "harbour",
        "ferry",
        "radar",
        "buoy",
        "tanker",
        "anchor",
        "budget",
        "treaty",
        "border",
        "airport",
        "railway",
        "grid",
        "reactor",
        "bridge",
        "garrison",
        "school",
        "hospital",
        "archive",
        "census",
        "forest",
        "quarry",
        "lighthouse",
        "canal",
        "dam",
        "tunnel",
        "depot",
        "embassy",
        "parliament",
        "museum",
        "stadium",
        "market",
        "factory",
        "satellite",
        "submarine",
        "frigate",
        "helicopter",
        "convoy",
        "refinery",
    ];
    let mut seed: u64 = 7;
    let mut pick = || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        nouns[(seed >> 33) as usize % nouns.len()]
    };
    for (month, name) in ["January", "February", "March"].iter().enumerate() {
        let month = month + 1;
        let mut text = format!("---\ndate: 2025-0{month}-28\n---\n\n");
        for day in 1..=27 {
            for _ in 0..6 {
                let (a, b, c) = (pick(), pick(), pick());
                text.push_str(&format!("Alexander Stubb discussed the {a} and the {b} with the {c} council on {name} {day}, 2025.\n\n"));
            }
        }
        project.seed(&format!("month-{month}.md"), text);
    }
    project.build_ok(&[]);
    let site = project.site();
    let json = site.json();
    let events = json["events"].as_array().unwrap();
    // A few random sentences may come out alike and be one event; hundreds remain.
    assert!(events.len() > 450, "{} events", events.len());
    let in_february = events
        .iter()
        .filter(|e| e["date"].as_str().unwrap().starts_with("2025-02"))
        .count();
    let index = site.read("timeline/index.html");
    for period in [
        "2025-01/index.html\">January 2025",
        "2025-02/index.html\">February 2025",
        "2025-03/index.html\">March 2025",
    ] {
        assert!(index.contains(period), "{period} in {index}");
    }
    let february = site.read("timeline/2025-02/index.html");
    assert!(
        february.contains("rel=\"prev\" href=\"../../timeline/2025-01/index.html\""),
        "{february}"
    );
    assert!(february.contains("rel=\"next\" href=\"../../timeline/2025-03/index.html\""));
    assert_eq!(february.matches("class=\"event\"").count(), in_february);
    assert!(site.read("sitemap.xml").contains("/timeline/2025-02/"));
    site.assert_no_broken_links("/");
    let actor = site.read("actors/alexander-stubb/index.html");
    assert!(actor.contains("../../timeline/2025-01/index.html#e1"));
    // TimelineJS is made for hundreds of slides, not thousands: timeline.json holds the
    // most-reported events and says how many it leaves out.
    let timeline: Value = serde_json::from_str(&site.read("timeline.json")).unwrap();
    let kept = timeline["events"].as_array().unwrap().len();
    let dated = events.iter().filter(|e| !e["date"].is_null()).count();
    assert_eq!(kept, 300);
    assert_eq!(timeline["events_left_out"], dated - 300);
    assert!(
        timeline["title"]["text"]["text"]
            .as_str()
            .unwrap()
            .contains(&format!(
                "{} more are on the briefing's timeline",
                dated - 300
            ))
    );
}

#[test]
fn timeline_json_keeps_the_events_reported_by_the_most_sources() {
    let project = Project::new();
    let mut text = String::from("---\ndate: 2025-12-30\n---\n\n");
    let mut last = String::new();
    for n in 0..320 {
        let (month, day) = (1 + n / 28, 1 + n % 28);
        // Each sentence its own event: its own day and its own number of ships.
        last = format!(
            "Alexander Stubb said {} ships were inspected in the Gulf of Finland on 2025-{month:02}-{day:02}.",
            n + 7
        );
        text.push_str(&last);
        text.push_str("\n\n");
    }
    project.seed("log.md", &text);
    // A second source reports the last event of the log, and only it.
    project.seed(
        "wire.md",
        format!("---\ndate: 2025-12-31\noutlet: Wire\n---\n\n{last}\n"),
    );
    project.build_ok(&[]);
    let site = project.site();
    let json = site.json();
    let reported_twice: Vec<&Value> = json["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["sources"] == 2)
        .collect();
    assert_eq!(reported_twice.len(), 1, "the wire's event is the log's");
    let id = reported_twice[0]["id"].as_str().unwrap();
    let timeline: Value = serde_json::from_str(&site.read("timeline.json")).unwrap();
    let kept: Vec<&str> = timeline["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["unique_id"].as_str().unwrap())
        .collect();
    assert_eq!(kept.len(), 300);
    assert!(kept.contains(&id), "the event two sources report is kept");
    // In timeline order, as TimelineJS expects them.
    let number = |id: &str| id[1..].parse::<usize>().unwrap();
    assert!(kept.windows(2).all(|w| number(w[0]) < number(w[1])));
}
