//! Actors: one per person, organization, place or group however the sources write it, in
//! `briefing.json`, on their own pages, linked from the sources, and curated through the
//! registry in `briefing.yaml`.

use serde_json::Value;

use crate::common::{Project, Site};

/// The actors fixture: a summit report, a follow-up that misspells a name and defines an
/// acronym, and plain-text notes; two people share the surname Johnson.
fn fixture(project: &Project, args: &[&str]) -> Site {
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/actors");
    let mut all = vec!["--seeds", seeds.to_str().unwrap()];
    all.extend_from_slice(args);
    project.build_ok(&all);
    project.site()
}

fn actor(json: &Value, id: &str) -> Value {
    json["actors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == id)
        .cloned()
        .unwrap_or_else(|| panic!("no actor {id} in {}", json["actors"]))
}

fn strings(value: &Value) -> Vec<&str> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect()
}

fn ids(json: &Value) -> Vec<&str> {
    json["actors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect()
}

#[test]
fn a_role_naming_someone_two_ways_is_listed_once() {
    let project = Project::new();
    project.seed(
        "talks.md",
        "---\ntitle: Talks\ndate: 2025-03-12\n---\n\n\
         Volodymyr Zelenskyy met the delegation. Zelensky spoke first.\n\n\
         Rein Kask, Zelenskyy's chief of staff, led the team.\n\n\
         Kask, Zelensky's chief of staff, flew home on Friday.\n",
    );
    project.build_ok(&[]);
    let json = project.site().json();
    assert_eq!(
        strings(&actor(&json, "rein-kask")["roles"]),
        ["Zelenskyy's chief of staff"]
    );
}

#[test]
fn every_spelling_of_a_name_is_one_actor_with_its_roles() {
    let project = Project::new();
    let json = fixture(&project, &[]).json();
    let stubb = actor(&json, "alexander-stubb");
    assert_eq!(stubb["kind"], "person");
    assert_eq!(stubb["roles"], serde_json::json!(["Finnish President"]));
    assert_eq!(strings(&stubb["aliases"]), ["Alexandr Stubb", "Stubb"]);
    assert_eq!(stubb["mentions"], 4);
    assert_eq!(strings(&stubb["sources"]), ["followup", "summit"]);

    let us = actor(&json, "united-states");
    assert_eq!(us["kind"], "place");
    let mut aliases = strings(&us["aliases"]);
    aliases.sort_unstable();
    assert_eq!(aliases, ["America", "U.S.", "US"]);

    let michal = actor(&json, "kristen-michal");
    assert_eq!(
        strings(&michal["roles"]),
        ["Estonian Prime Minister", "former justice minister"]
    );
    assert_eq!(
        actor(&json, "mark-rutte")["roles"],
        serde_json::json!(["NATO Secretary General"])
    );
}

#[test]
fn acronyms_join_the_name_they_abbreviate() {
    let project = Project::new();
    let json = fixture(&project, &[]).json();
    let nato = actor(&json, "north-atlantic-treaty-organization");
    assert_eq!(strings(&nato["aliases"]), ["NATO"]);
    let authority = actor(&json, "baltic-undersea-cable-authority");
    assert_eq!(authority["kind"], "organization");
    assert_eq!(strings(&authority["aliases"]), ["BUCA"]);
    assert_eq!(authority["mentions"], 3);
    assert!(!ids(&json).contains(&"buca"));
}

#[test]
fn two_people_with_one_surname_stay_two_actors() {
    let project = Project::new();
    let json = fixture(&project, &[]).json();
    assert_eq!(
        actor(&json, "mike-johnson")["roles"],
        serde_json::json!(["House Speaker"])
    );
    assert_eq!(
        actor(&json, "boris-johnson")["roles"],
        serde_json::json!(["former British prime minister"])
    );
    assert!(!ids(&json).contains(&"johnson"));
}

#[test]
fn common_words_and_sentence_openers_are_not_actors() {
    let project = Project::new();
    let json = fixture(&project, &[]).json();
    for id in [
        "notes",
        "investigators",
        "the-alliance",
        "we",
        "alliance",
        "monday",
        "thursday",
    ] {
        assert!(!ids(&json).contains(&id), "{id} in {:?}", ids(&json));
    }
}

#[test]
fn mentions_have_exact_character_offsets() {
    let project = Project::new();
    // Accents and a curly apostrophe before the names move byte and character offsets apart.
    project.seed(
        "accents.md",
        "Über café talks — Finnish President Alexander Stubb’s aide met Kristen Michal in Tallinn.\n",
    );
    project.build_ok(&[]);
    let json = project.site().json();
    let paragraph = &json["sources"][0]["paragraphs"][0];
    let mentions = paragraph["mentions"].as_array().unwrap();
    let written: Vec<&str> = mentions
        .iter()
        .map(|m| m["text"].as_str().unwrap())
        .collect();
    assert_eq!(written, ["Alexander Stubb", "Kristen Michal", "Tallinn"]);
    crate::common::assert_char_offsets(paragraph, "mentions");
    assert_eq!(mentions[0]["actor"], "alexander-stubb");
}

#[test]
fn repeated_paragraphs_are_not_counted_twice() {
    let project = Project::new();
    let paragraph = "Finnish President Alexander Stubb met Estonian Prime Minister Kristen Michal in Tallinn on Monday.";
    project.seed("a.md", format!("{paragraph}\n"));
    project.seed("b.md", format!("{paragraph}\n\nStubb later flew home.\n"));
    project.build_ok(&[]);
    let json = project.site().json();
    assert_eq!(actor(&json, "alexander-stubb")["mentions"], 2);
    assert_eq!(actor(&json, "kristen-michal")["mentions"], 1);
}

#[test]
fn actor_pages_list_every_paragraph_with_the_mention_marked() {
    let project = Project::new();
    let site = fixture(&project, &[]);
    let index = site.html("actors/index.html");
    let people = scraper::Selector::parse("section[aria-labelledby=people] a.actor-name").unwrap();
    let names: Vec<String> = index.select(&people).map(|a| a.text().collect()).collect();
    assert_eq!(
        names.first().map(String::as_str),
        Some("Alexander Stubb"),
        "{names:?}"
    );
    assert!(names.contains(&"Mike Johnson".to_string()));

    let page = site.read("actors/alexander-stubb/index.html");
    assert!(page.contains("<h1>Alexander Stubb</h1>"), "{page}");
    assert!(page.contains("Finnish President"));
    assert!(page.contains("Alexandr Stubb"));
    let html = site.html("actors/alexander-stubb/index.html");
    let marks = scraper::Selector::parse("blockquote mark").unwrap();
    let marked: Vec<String> = html.select(&marks).map(|m| m.text().collect()).collect();
    assert_eq!(
        marked,
        ["Alexander Stubb", "Stubb", "Alexandr Stubb", "Stubb"]
    );
    let sources = scraper::Selector::parse(".mention-source a").unwrap();
    let hrefs: Vec<&str> = html
        .select(&sources)
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert!(
        hrefs
            .iter()
            .all(|h| h.contains("sources/") && h.contains("#p")),
        "{hrefs:?}"
    );
    let together = scraper::Selector::parse("#together ~ ol a.actor-name").unwrap();
    assert!(
        html.select(&together).count() > 0,
        "no actors listed as appearing with Stubb"
    );
    site.assert_no_broken_links("/");
}

#[test]
fn source_pages_link_mentions_with_the_role_as_tooltip() {
    let project = Project::new();
    let site = fixture(&project, &[]);
    let html = site.html("sources/summit/index.html");
    let links = scraper::Selector::parse("a.actor").unwrap();
    let stubb = html
        .select(&links)
        .find(|a| a.text().collect::<String>() == "Alexander Stubb")
        .expect("a link on Alexander Stubb");
    assert_eq!(
        stubb.value().attr("href"),
        Some("../../actors/alexander-stubb/index.html")
    );
    assert_eq!(
        stubb.value().attr("title"),
        Some("Alexander Stubb: Finnish President")
    );
}

#[test]
fn the_overview_lists_the_key_actors() {
    let project = Project::new();
    let site = fixture(&project, &[]);
    let html = site.html("index.html");
    let cards = scraper::Selector::parse("a.actor-name").unwrap();
    let names: Vec<String> = html.select(&cards).map(|a| a.text().collect()).collect();
    assert!(names.len() >= 5 && names.len() <= 8, "{names:?}");
    assert_eq!(names[0], "Alexander Stubb");
}

#[test]
fn the_registry_wins_over_discovery() {
    let project = Project::new();
    project.file(
        "briefing.yaml",
        "actors:\n  - name: NATO\n    kind: group\n    aliases: [North Atlantic Treaty Organization, the alliance]\n    \
         description: The Western military alliance.\n    url: https://www.nato.int/\n  \
         - name: Lauri Kask\n    aliases: [Kask]\n    roles: [Chief investigator]\n",
    );
    project.seed(
        "a.md",
        "NATO said the alliance would stay. Kask, who leads the inquiry, met reporters.\n\nLater the North Atlantic Treaty Organization agreed.\n",
    );
    project.build_ok(&[]);
    let site = project.site();
    let json = site.json();
    let nato = actor(&json, "nato");
    assert_eq!(nato["kind"], "group");
    assert_eq!(nato["mentions"], 3);
    assert!(!ids(&json).contains(&"north-atlantic-treaty-organization"));
    let kask = actor(&json, "lauri-kask");
    assert_eq!(kask["kind"], "person");
    assert_eq!(kask["roles"], serde_json::json!(["Chief investigator"]));
    assert_eq!(kask["mentions"], 1);
    let page = site.read("actors/nato/index.html");
    assert!(page.contains("The Western military alliance."));
    assert!(page.contains("href=\"https://www.nato.int/\""));
}

#[test]
fn a_registry_entry_with_an_unknown_key_is_refused_with_its_line() {
    let project = Project::new();
    project.file(
        "briefing.yaml",
        "title: T\nactors:\n  - name: NATO\n    nickname: the alliance\n",
    );
    project.seed("a.md", "NATO met.\n");
    let run = project.run(&["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("briefing.yaml:4"), "{}", run.stderr);
    assert!(run.stderr.contains("nickname"), "{}", run.stderr);
}

#[test]
fn briefing_actors_prints_a_registry_that_can_be_pasted_back() {
    let project = Project::new();
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/actors");
    let run = project.run(&["actors", "--seeds", seeds.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("- name: \"Alexander Stubb\"  # 4 mentions in 2 sources"),
        "{}",
        run.stdout
    );
    let yaml: serde_yaml::Value = serde_yaml::from_str(&run.stdout).expect("YAML");
    let listed = yaml["actors"].as_sequence().unwrap();
    assert_eq!(listed[0]["name"].as_str(), Some("Alexander Stubb"));
    assert_eq!(listed[0]["kind"].as_str(), Some("person"));
    assert!(
        !project.path().join("site").exists(),
        "`briefing actors` wrote a site"
    );

    // Pasted back as it is, it builds the same actors.
    project.file("briefing.yaml", &run.stdout);
    let built = fixture(&project, &[]).json();
    let fresh = Project::new();
    let discovered = fixture(&fresh, &[]).json();
    assert_eq!(ids(&built), ids(&discovered));
}

#[test]
fn every_role_on_an_actor_page_links_to_a_paragraph_that_states_it() {
    let project = Project::new();
    project
        .seed(
            "a.md",
            "---\ntitle: Port talks\ndate: 2025-03-03\n---\n\n\
             The talks opened in Tallinn on Monday.\n\n\
             Estonian Prime Minister Kristen Michal said the port would stay closed.\n",
        )
        .seed(
            "b.md",
            "---\ntitle: Port talks, day two\ndate: 2025-03-04\n---\n\n\
             Kristen Michal, the leader of the Reform Party, met the unions on Tuesday.\n",
        );
    project.build_ok(&[]);
    let page = project.site().html("actors/kristen-michal/index.html");
    let links = scraper::Selector::parse("header .dek a.role").unwrap();
    let roles: Vec<(String, String)> = page
        .select(&links)
        .map(|a| {
            (
                a.text().collect(),
                a.value().attr("href").unwrap_or_default().to_string(),
            )
        })
        .collect();
    assert_eq!(roles.len(), 2, "{roles:?}");
    for (role, href) in &roles {
        let (path, anchor) = href.split_once('#').expect("a paragraph anchor");
        let source = project
            .site()
            .read(&format!("actors/kristen-michal/{path}"));
        let at = source
            .find(&format!("id=\"{anchor}\""))
            .unwrap_or_else(|| panic!("{href}: no paragraph"));
        let paragraph = &source[at..at + source[at..].find("</div>").unwrap_or(0)];
        let first_word = role.split(' ').next().unwrap_or_default();
        assert!(paragraph.contains(first_word), "{role} not in {href}");
    }
}

#[test]
fn a_name_written_in_full_needs_no_tooltip_but_a_short_form_names_whom_it_means() {
    let project = Project::new();
    project.seed(
        "a.md",
        "Marta Koval arrived in Riga on Monday with the delegation.\n\nKoval left the city again on Tuesday.\n",
    );
    project.build_ok(&[]);
    let html = project.site().html("sources/a/index.html");
    let links = scraper::Selector::parse("a.actor").unwrap();
    let titles: Vec<(String, Option<String>)> = html
        .select(&links)
        .map(|a| {
            (
                a.text().collect(),
                a.value().attr("title").map(String::from),
            )
        })
        .collect();
    assert!(
        titles.contains(&("Marta Koval".to_string(), None)),
        "{titles:?}"
    );
    assert!(
        titles.contains(&(
            "Koval".to_string(),
            Some("Marta Koval (person)".to_string())
        )),
        "{titles:?}"
    );
}

#[test]
fn organizations_named_in_their_own_language_are_organizations_and_a_firm_goes_by_its_own_word() {
    let project = Project::new();
    project.seed(
        "award.md",
        "The Federação Lusitana de Futebol on Tuesday named Almagre Construções as preferred bidder.\n",
    );
    project.seed(
        "reply.md",
        "Almagre said on Wednesday it had won the contract on merit.\n\n\
         The House voted on the budget. The White House said nothing.\n",
    );
    project.build_ok(&[]);
    let json = project.site().json();
    let kind = |id: &str| {
        json["actors"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["id"] == id)
            .map(|a| a["kind"].as_str().unwrap().to_string())
    };
    assert_eq!(
        kind("federacao-lusitana-de-futebol").as_deref(),
        Some("organization")
    );
    assert_eq!(kind("almagre-construcoes").as_deref(), Some("organization"));
    // Named by its own word in a source that never writes it in full.
    let reply = &json["sources"][1]["paragraphs"][0]["mentions"];
    assert_eq!(reply[0]["actor"], "almagre-construcoes", "{reply}");
    // A last word that is not a kind of organization names no one alone.
    let house = &json["sources"][1]["paragraphs"][1]["mentions"];
    assert!(
        house
            .as_array()
            .unwrap()
            .iter()
            .all(|m| m["text"] != "House"),
        "{house}"
    );
}

#[test]
fn double_barrelled_surnames_and_surnames_with_particles_name_the_person_alone() {
    let project = Project::new();
    project.seed(
        "a.md",
        "Foreign Minister Anita Persaud-Hale met Marieke van Aalst-Geurts in Georgetown.\n\n\
         Persaud-Hale said the text was old. Van Aalst-Geurts said nothing.\n",
    );
    project.build_ok(&[]);
    let json = project.site().json();
    let mentioned: Vec<(&str, &str)> = json["sources"][0]["paragraphs"][1]["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["text"].as_str().unwrap(), m["actor"].as_str().unwrap()))
        .collect();
    assert_eq!(
        mentioned,
        [
            ("Persaud-Hale", "anita-persaud-hale"),
            ("Van Aalst-Geurts", "marieke-van-aalst-geurts")
        ]
    );
}

#[test]
fn the_common_words_of_treaty_and_parliamentary_text_are_no_actors() {
    let project = Project::new();
    project.seed(
        "treaty.md",
        "Under Article 4, the Parties agree to a joint zone, the Public Affairs Unit said.\n\n\
         MPs were briefed on the Draft for Discussion. The two Heads of State met in Georgetown.\n",
    );
    project.build_ok(&[]);
    let json = project.site().json();
    let actors: Vec<(&str, &str)> = json["actors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["id"].as_str().unwrap(), a["kind"].as_str().unwrap()))
        .collect();
    assert_eq!(
        actors,
        [
            ("georgetown", "place"),
            ("public-affairs-unit", "organization")
        ]
    );
}
