//! The search page and its index: built with the site, usable on a static host.

use scraper::Selector;

use crate::common::Project;

fn project() -> Project {
    let project = Project::new();
    project.seed(
        "talks.md",
        "---\ntitle: Harbour talks resume\noutlet: Coast Wire\ndate: 2025-03-02\n---\n\n\
         Mayor Ilse Varga opened the harbour talks in Rostock on Monday.\n\n\
         The delegations agreed to meet again in April.\n",
    );
    project.seed(
        "copy.md",
        "---\ntitle: Talks resume in Rostock\noutlet: Daily Echo\n---\n\n\
         Mayor Ilse Varga opened the harbour talks in Rostock on Monday.\n",
    );
    project
}

#[test]
fn every_page_has_a_search_box_and_the_index_is_written() {
    let project = project();
    project.build_ok(&[]);
    let site = project.site();
    for page in [
        "index.html",
        "sources/index.html",
        "sources/talks/index.html",
        "actors/index.html",
        "timeline/index.html",
    ] {
        let html = site.html(page);
        let form = Selector::parse("header form[role=search] input[name=q]").unwrap();
        assert_eq!(html.select(&form).count(), 1, "{page}: no search box");
        let nav = Selector::parse(".site-nav a[href$='search/index.html']").unwrap();
        assert_eq!(
            html.select(&nav).count(),
            1,
            "{page}: no Search in the navigation"
        );
    }
    for file in [
        "search/index.html",
        "search.js",
        "search/meta.json",
        "search/actors.json",
        "search/text/0.json",
    ] {
        assert!(site.root.join(file).is_file(), "{file} is missing");
    }
}

#[test]
fn without_javascript_the_search_page_says_so_and_links_to_the_sources() {
    let project = project();
    project.build_ok(&[]);
    let html = project.site().html("search/index.html");
    let noscript = Selector::parse("noscript").unwrap();
    let text: String = html
        .select(&noscript)
        .next()
        .expect("a noscript note")
        .inner_html();
    assert!(text.contains("needs JavaScript"), "{text}");
    assert!(text.contains("href=\"../sources/index.html\""), "{text}");
    let script = Selector::parse("script[type=module][src='../search.js']").unwrap();
    assert_eq!(html.select(&script).count(), 1);
}

/// Where the index says `word` is, as `actors/<id>` or `sources/<id>#pN` (`#p0`: the
/// title), read the way `search.js` reads it.
fn lookup(site: &crate::common::Site, word: &str) -> Vec<String> {
    let read = |path: &str| -> serde_json::Value {
        serde_json::from_slice(&std::fs::read(site.root.join(path)).unwrap()).unwrap()
    };
    let meta = read("search/meta.json");
    let actors = read("search/actors.json");
    let key: String = word.bytes().take(2).map(|b| format!("{b:02x}")).collect();
    // No file: no word starts with those two characters.
    let shard_path = format!("search/terms/{key}.json");
    let shard = match site.root.join(&shard_path).exists() {
        true => read(&shard_path),
        false => serde_json::Value::Null,
    };
    let mut first = Vec::new();
    let mut next = meta["actors"].as_u64().unwrap();
    for n in meta["paragraphs"].as_array().unwrap() {
        first.push(next);
        next += 1 + n.as_u64().unwrap();
    }
    let group = meta["text_group"].as_u64().unwrap() as usize;
    let mut unit = 0;
    let gaps = shard[word].as_array().cloned().unwrap_or_default();
    gaps.iter()
        .map(|gap| {
            unit += gap.as_u64().unwrap();
            if unit < meta["actors"].as_u64().unwrap() {
                return format!("actors/{}", actors[unit as usize][0].as_str().unwrap());
            }
            let source = first.iter().rposition(|&f| f <= unit).unwrap();
            let text = read(&format!("search/text/{}.json", source / group));
            let record = &text[source % group];
            let paragraph = unit - first[source];
            if paragraph > 0 {
                assert!(
                    record[3][paragraph.to_string()].is_string(),
                    "no text for {unit}"
                );
            }
            format!("sources/{}#p{paragraph}", record[0].as_str().unwrap())
        })
        .collect()
}

#[test]
fn a_word_leads_to_its_actor_titles_and_original_paragraphs() {
    let project = project();
    project.build_ok(&[]);
    let site = project.site();
    // The copy's first paragraph repeats the original's: only the original is indexed.
    assert_eq!(
        lookup(&site, "rostock"),
        ["actors/rostock", "sources/copy#p0", "sources/talks#p1"]
    );
    assert_eq!(
        lookup(&site, "varga"),
        ["actors/ilse-varga", "sources/talks#p1"]
    );
    assert_eq!(lookup(&site, "april"), ["sources/talks#p2"]);
    // Common words are not indexed.
    assert!(lookup(&site, "the").is_empty());
}

#[test]
fn words_with_accents_are_found_without_them() {
    let project = Project::new();
    project.seed(
        "paris.md",
        "---\ntitle: Envoy visit\n---\n\nMinisters met at the Élysée with São Tomé's envoy.\n",
    );
    project.build_ok(&[]);
    let site = project.site();
    assert_eq!(
        lookup(&site, "elysee"),
        ["actors/elysee", "sources/paris#p1"]
    );
    assert_eq!(
        lookup(&site, "tome"),
        ["actors/sao-tome", "sources/paris#p1"]
    );
}
