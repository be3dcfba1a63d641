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

#[test]
fn a_pronoun_after_a_statement_is_its_speaker_not_the_last_name() {
    let project = Project::new();
    project.seed(
        "call.md",
        "---\ntitle: The call\ndate: 2025-03-12\n---\n\n\
         Kristen Michal said she had discussed the cables with Alexander Stubb by phone. \
         Tallinn, she added, would not reopen the port.\n",
    );
    project.build_ok(&[]);
    let json = project.site().json();
    let found = claims(&json);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(
        found[1],
        (
            Some("kristen-michal"),
            "she",
            "added",
            false,
            "Tallinn … would not reopen the port",
            "call#p1"
        )
    );
}

#[test]
fn a_pronoun_after_a_sentence_about_someone_is_that_person_not_the_last_speaker() {
    let project = Project::new();
    project.seed(
        "visit.md",
        "---\ntitle: The visit\ndate: 2025-03-12\n---\n\n\
         Alexander Stubb said the inquiry would take months.\n\n\
         Prime Minister Kristen Michal visited the damaged cable station on Tuesday. \
         She said repairs would start next week.\n",
    );
    project.build_ok(&[]);
    let json = project.site().json();
    let found = claims(&json);
    let repairs = found
        .iter()
        .find(|c| c.4 == "repairs would start next week")
        .unwrap_or_else(|| panic!("{found:?}"));
    assert_eq!(repairs.0, Some("kristen-michal"), "{found:?}");
}

#[test]
fn an_attribution_ending_with_a_colon_claims_the_quote_after_it() {
    let project = Project::new();
    project.seed(
        "statement.md",
        "---\ntitle: The statement\ndate: 2025-03-12\n---\n\n\
         In a statement after the talks, Kristen Michal wrote:\n\n\
         > Estonia will keep the port closed.\n>\n> The cables come first.\n\n\
         Tallinn would write into law that the strait stays open.\n",
    );
    project.build_ok(&[]);
    let json = project.site().json();
    assert_eq!(
        claims(&json),
        [(
            Some("kristen-michal"),
            "Kristen Michal",
            "wrote",
            false,
            "Estonia will keep the port closed. The cables come first.",
            "statement#p1"
        )]
    );
}

/// Three dated reports of cable talks: who said what, who met whom.
fn talks() -> Project {
    let project = Project::new();
    project.seed(
        "a.md",
        "---\noutlet: Northern Desk\ndate: 2025-03-10\n---\n\n\
         Finnish President Alexander Stubb met Estonian Prime Minister Kristen Michal in Helsinki on Monday to discuss damaged undersea cables.\n\n\
         Stubb said that investigators had boarded a second ship. Michal reportedly told aides that sanctions would follow.\n\n\
         NATO Secretary General Mark Rutte praised Finland and said the alliance would send more ships.\n",
    );
    project.seed(
        "b.md",
        "---\noutlet: Baltic Report\ndate: 2025-03-11\n---\n\n\
         Alexander Stubb met Kristen Michal in Helsinki on Monday to discuss damaged undersea cables, officials confirmed.\n\n\
         Stubb advised Michal to seek NATO patrols. The Kremlin denied any role in the damage.\n",
    );
    project.seed(
        "c.md",
        "---\noutlet: Harbour Times\ndate: 2025-03-12\n---\n\n\
         Mark Rutte called Alexander Stubb on Tuesday. Rutte said NATO ships would arrive within days.\n",
    );
    project.build_ok(&[]);
    project
}

#[test]
fn actor_pages_list_statements_and_relations() {
    let project = talks();
    let site = project.site();
    let page = site.read("actors/alexander-stubb/index.html");
    let statements = page
        .split("id=\"statements\"")
        .nth(1)
        .expect("a statements section")
        .split("</section>")
        .next()
        .unwrap();
    assert!(
        statements.contains("investigators had boarded a second ship"),
        "{statements}"
    );
    assert!(
        statements.contains("href=\"../../sources/a/index.html#p2\">Northern Desk ¶2</a>"),
        "{statements}"
    );
    let michal = site.read("actors/kristen-michal/index.html");
    assert!(
        michal.contains(">hedged</span>"),
        "Michal's reported claim is hedged"
    );
    let relations = page
        .split("id=\"relations\"")
        .nth(1)
        .expect("a relations section")
        .split("</section>")
        .next()
        .unwrap();
    assert!(
        relations.contains("advised <a href=\"../kristen-michal/index.html\">Kristen Michal</a>"),
        "{relations}"
    );
    assert!(
        relations.contains("met <a href=\"../kristen-michal/index.html\">Kristen Michal</a>"),
        "{relations}"
    );
    assert!(
        relations.contains("called by <a href=\"../mark-rutte/index.html\">Mark Rutte</a>"),
        "{relations}"
    );
}

#[test]
fn the_network_is_well_formed_svg_whose_nodes_link_to_actor_pages() {
    let project = talks();
    let site = project.site();
    let page = site.read("actors/index.html");
    let start = page.find("<svg").expect("a network");
    let end = page[start..].find("</svg>").unwrap() + start + "</svg>".len();
    let svg = &page[start..end];
    let doc = roxmltree::Document::parse(svg).expect("the network is well-formed XML");
    let links: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("a"))
        .filter_map(|n| n.attribute("href"))
        .collect();
    assert!(links.len() >= 3, "{links:?}");
    for link in &links {
        assert!(
            site.root.join("actors").join(link).is_file(),
            "{link} leads nowhere"
        );
    }
    assert!(links.contains(&"alexander-stubb/index.html"));
    assert!(
        doc.descendants().any(|n| n.has_tag_name("line")),
        "no links between actors"
    );
    // The key names the colour of every kind of node drawn, and no other.
    let key = page[end..]
        .split("</ul>")
        .next()
        .filter(|key| key.contains("class=\"network-key\""))
        .expect("a key after the network");
    let mut drawn: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("circle"))
        .filter_map(|n| n.attribute("class"))
        .collect();
    drawn.sort_unstable();
    drawn.dedup();
    let keyed: Vec<&str> = key
        .split("class=\"key ")
        .skip(1)
        .filter_map(|k| k.split('"').next())
        .collect();
    let mut sorted = keyed.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, drawn, "{key}");
    site.assert_no_broken_links("/");
}

#[test]
fn the_overview_summary_quotes_the_sources_with_citations() {
    let project = talks();
    let site = project.site();
    let json = site.json();
    let html = site.html("index.html");
    let items = scraper::Selector::parse("ol.summary > li").unwrap();
    let summary: Vec<String> = html.select(&items).map(|li| li.text().collect()).collect();
    assert!((1..=8).contains(&summary.len()), "{summary:?}");
    // Every sentence is a source's own, and the meeting both reports tell comes first.
    let texts: Vec<String> = json["sources"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| {
            s["paragraphs"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p["text"].as_str().unwrap().to_string())
        })
        .collect();
    for item in &summary {
        let sentence = item
            .split(" Northern Desk")
            .next()
            .unwrap()
            .split(" Baltic Report")
            .next()
            .unwrap()
            .split(" Harbour Times")
            .next()
            .unwrap();
        assert!(
            texts.iter().any(|t| t.contains(sentence.trim())),
            "{sentence:?} is not in any source"
        );
    }
    assert!(
        summary[0].contains("met Estonian Prime Minister Kristen Michal"),
        "{summary:?}"
    );
    let cites = scraper::Selector::parse("ol.summary > li .cite a").unwrap();
    let hrefs: Vec<&str> = html
        .select(&cites)
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert!(
        hrefs.contains(&"sources/a/index.html#p1") && hrefs.contains(&"sources/b/index.html#p1"),
        "{hrefs:?}"
    );
}

#[test]
fn quoted_advice_is_the_advisers_claim_and_a_document_speaks_for_no_one() {
    let project = Project::new();
    project.seed(
        "advice.md",
        "---\ntitle: Harbour advice\ndate: 2025-03-04\n---\n\n\
         Councillor Mara Lind advised Mayor Ott Kask that the governor should call the minister \
         before the vote, say the city supported the plan and ask for the money in writing.\n\n\
         The port will close for six weeks, according to a transcript of the meeting.\n\n\
         The repairs will cost four million euros, according to a report by the harbour authority.\n",
    );
    project.build_ok(&[]);
    let json = project.site().json();
    let found: Vec<(&str, &str, &str)> = claims(&json)
        .into_iter()
        .map(|(_, speaker, cue, _, _, paragraph)| (speaker, cue, paragraph))
        .collect();
    assert_eq!(
        found,
        [
            ("Councillor Mara Lind", "advised", "advice#p1"),
            ("the harbour authority", "according to", "advice#p3"),
        ]
    );
}

#[test]
fn a_speaker_referred_to_by_what_it_is_is_the_actor_last_named_so() {
    let project = Project::new();
    project.seed(
        "recall.md",
        "---\ntitle: The recall\ndate: 2025-03-12\n---\n\n\
         The Baltic Rowing Federation suspended its coach, Marta Koval, on Monday.\n\n\
         The federation said on Tuesday that the inquiry would take a month.\n\n\
         The Ministry of Health ordered the syrup off the shelves. \
         The health ministry said it had acted within hours.\n\n\
         The report said the plant was unsafe.\n",
    );
    project.build_ok(&[]);
    let json = project.site().json();
    let found = claims(&json);
    let by = |paragraph: &str| -> Vec<(Option<&str>, &str)> {
        found
            .iter()
            .filter(|c| c.5 == paragraph)
            .map(|c| (c.0, c.1))
            .collect()
    };
    assert_eq!(
        by("recall#p2"),
        [(Some("baltic-rowing-federation"), "The federation")]
    );
    assert_eq!(
        by("recall#p3"),
        [(Some("ministry-of-health"), "The health ministry")]
    );
    // No actor is a report: what it says is no one's claim.
    assert_eq!(by("recall#p4"), []);
    // A sentence that names no one is about the speaker it quotes.
    let events = json["events"].as_array().unwrap();
    assert!(
        events
            .iter()
            .any(|e| e["paragraphs"] == serde_json::json!(["recall#p2"])
                && e["date"] == "2025-03-11"
                && e["actors"] == serde_json::json!(["baltic-rowing-federation"])),
        "{events:#?}"
    );
}

#[test]
fn a_description_is_matched_on_a_role_s_own_words_and_across_languages() {
    let project = Project::new();
    project.seed(
        "tape.md",
        "---\ntitle: The tape\ndate: 2025-03-12\n---\n\n\
         Rui Valadares, president of the Federação Lusitana de Futebol, met the board on Monday.\n\n\
         The federation said on Tuesday that the recording was cut.\n\n\
         The president said he had done nothing wrong.\n",
    );
    project.build_ok(&[]);
    let json = project.site().json();
    let found = claims(&json);
    let speakers: Vec<(Option<&str>, &str)> = found.iter().map(|c| (c.0, c.1)).collect();
    assert!(
        speakers.contains(&(Some("federacao-lusitana-de-futebol"), "The federation")),
        "{speakers:?}"
    );
    assert!(
        speakers.contains(&(Some("rui-valadares"), "The president")),
        "{speakers:?}"
    );
}

#[test]
fn a_description_before_any_name_refers_to_the_one_named_after_it() {
    let project = Project::new();
    project.seed(
        "denial.md",
        "---\ntitle: Denial\ndate: 2027-02-09\n---\n\n\
         Guyana's foreign minister denied on Tuesday that her government had given up any territory.\n\n\
         \"Guyana has conceded nothing,\" Foreign Minister Anita Persaud-Hale told reporters.\n\n\
         Suriname's foreign ministry said the text was old.\n",
    );
    project.build_ok(&[]);
    let json = project.site().json();
    let found = claims(&json);
    let speakers: Vec<(Option<&str>, &str, &str)> = found.iter().map(|c| (c.0, c.1, c.5)).collect();
    assert!(
        speakers.contains(&(
            Some("anita-persaud-hale"),
            "Guyana's foreign minister",
            "denial#p1"
        )),
        "{speakers:?}"
    );
    // A ministry is not its minister.
    assert!(speakers.iter().all(|s| s.2 != "denial#p3"), "{speakers:?}");
}
