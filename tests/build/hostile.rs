//! Sources are untrusted: nothing in them may run in a reader's browser.

use scraper::{Html, Selector};

use crate::common::{Project, text_of};

/// The site's own scripts (external files, no inline code), forms (search, filter) and
/// Content-Security-Policy.
fn is_own(element: &scraper::node::Element) -> bool {
    match element.name() {
        "script" => element
            .attr("src")
            .is_some_and(|src| src.ends_with("/search.js") || src.ends_with("timeline.js")),
        "form" => element
            .attr("class")
            .is_some_and(|class| ["site-search", "search-form", "filter"].contains(&class)),
        "meta" => element.attr("http-equiv") == Some("Content-Security-Policy"),
        _ => false,
    }
}

fn assert_inert(page: &str, html: &Html) {
    let all = Selector::parse("*").unwrap();
    for element in html.select(&all) {
        let tag = element.value().name();
        if is_own(element.value()) {
            continue;
        }
        assert!(
            ![
                "script", "iframe", "object", "embed", "form", "base", "meta"
            ]
            .contains(&tag)
                || (tag == "meta" && element.value().attr("http-equiv").is_none()),
            "{page}: <{tag}> element"
        );
        for (name, value) in element.value().attrs() {
            assert!(
                !name.to_ascii_lowercase().starts_with("on"),
                "{page}: event handler {name}={value}"
            );
            let value = value.trim().to_ascii_lowercase();
            if ["href", "src", "action", "formaction", "srcset"].contains(&name) {
                assert!(
                    !value.starts_with("javascript:")
                        && !value.starts_with("data:")
                        && !value.starts_with("vbscript:"),
                    "{page}: {name}={value}"
                );
            }
        }
    }
}

#[test]
fn a_hostile_source_produces_no_executable_markup() {
    let project = Project::new();
    project.seed(
        "evil.md",
        "---\ntitle: \"<img src=x onerror=alert(1)>Breaking</script><script>alert(2)</script>\"\n\
         outlet: \"<b onmouseover=alert(3)>Evil</b>\"\nurl: \"javascript:alert(4)\"\ndesk: \"<svg onload=alert(5)>\"\n---\n\n\
         Hello <script>alert(6)</script> <img src=x onerror=alert(7)> world.\n\n\
         <script>alert(8)</script>\n\n\
         <div onclick=\"alert(9)\">div</div>\n\n\
         [click](javascript:alert(10)) [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxMSk8L3NjcmlwdD4=) \
         [spaced](  JaVaScRiPt:alert(12)) ![img](javascript:alert(13)) <a href=\"javascript:alert(14)\">raw</a>\n\n\
         [fine](https://example.com/ok)\n",
    );
    project.seed(
        "plain.txt",
        "<script>alert(15)</script>\n<img src=x onerror=alert(16)>\n",
    );
    project.build_ok(&[]);
    let site = project.site();
    for (path, bytes) in site.files() {
        if path.ends_with(".html") {
            let html = Html::parse_document(&String::from_utf8_lossy(&bytes));
            assert_inert(&path, &html);
        }
    }
    let page = site.html("sources/evil/index.html");
    assert_eq!(
        text_of(&page, "h1"),
        "<img src=x onerror=alert(1)>Breaking</script><script>alert(2)</script>",
        "the title is shown as the text it is"
    );
    let text = text_of(&page, ".text");
    assert!(
        text.contains("<script>alert(8)</script>"),
        "a raw HTML block is shown as text: {text}"
    );
    assert!(
        text.contains("click") && text.contains("data") && text.contains("spaced"),
        "link text stays: {text}"
    );
    assert!(
        site.read("sources/evil/index.html")
            .contains("href=\"https://example.com/ok\""),
        "safe links stay"
    );
    let json = site.json();
    assert_eq!(
        json["sources"][0]["url"], "javascript:alert(4)",
        "the export keeps the data as written"
    );
}

#[test]
fn a_hostile_saved_page_produces_no_executable_markup() {
    let project = Project::new();
    let fixture =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages/hostile.html");
    project.seed("hostile.html", std::fs::read(fixture).unwrap());
    // The same attacks in a page's head and metadata, where the body's cleaning does not reach.
    project.seed(
        "head.html",
        "<!DOCTYPE html><html lang=\"en\\\"><script>alert(1)</script>\"><head>\
         <title>Dock strike <img src=x onerror=alert(2)></title>\
         <meta property=\"og:site_name\" content=\"<svg onload=alert(3)>\">\
         <link rel=\"canonical\" href=\"javascript:alert(4)\">\
         <script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\
         \"author\":{\"name\":\"<script>alert(5)</script>\"}}</script></head>\
         <body><article><p>Dock workers walked out on Friday after talks on pay broke down \
         without a new offer from the port company.</p></article></body></html>",
    );
    project.build_ok(&[]);
    let site = project.site();
    assert_eq!(site.source_paths().len(), 2);
    for (path, bytes) in site.files() {
        if path.ends_with(".html") {
            let html = Html::parse_document(&String::from_utf8_lossy(&bytes));
            assert_inert(&path, &html);
        }
    }
}

#[test]
fn every_page_forbids_inline_script_with_a_content_security_policy() {
    let project = Project::new();
    project.seed(
        "note.md",
        "---\ntitle: A note\n---\n\nMayor Ilse Varga spoke in Rostock.\n",
    );
    project.build_ok(&[]);
    let site = project.site();
    let csp = Selector::parse("head meta[http-equiv=Content-Security-Policy]").unwrap();
    for (path, bytes) in site.files() {
        if !path.ends_with(".html") {
            continue;
        }
        let html = Html::parse_document(&String::from_utf8_lossy(&bytes));
        let policy = html
            .select(&csp)
            .next()
            .and_then(|m| m.value().attr("content"))
            .unwrap_or_else(|| panic!("{path}: no Content-Security-Policy"));
        let script = policy
            .split(';')
            .map(str::trim)
            .find(|d| d.starts_with("script-src"))
            .unwrap_or_else(|| panic!("{path}: no script-src in {policy}"));
        assert_eq!(script, "script-src 'self'", "{path}");
        assert!(policy.contains("object-src 'none'") && policy.contains("base-uri 'none'"));
        // Every script the page loads is a file of the site, so the policy lets it run.
        let inline = Selector::parse("script:not([src])").unwrap();
        assert_eq!(html.select(&inline).count(), 0, "{path}: inline script");
    }
}

#[test]
fn html_in_the_configuration_and_in_actor_names_stays_text() {
    let project = Project::new();
    project.file(
        "briefing.yaml",
        "title: \"<script>alert(1)</script>Briefing\"\n\
         description: \"<img src=x onerror=alert(2)>\"\n\
         actors:\n  - name: \"<img src=x onerror=alert(3)>Evil Corp\"\n    kind: organization\n\
         \x20   aliases: [\"Evil Corp\"]\n    roles: [\"<script>alert(4)</script>\"]\n\
         \x20   description: \"<b onclick=alert(5)>About</b>\"\n    url: \"javascript:alert(6)\"\n",
    );
    project.seed(
        "a.md",
        "---\ntitle: Report\ndate: 2025-01-02\n---\n\n\
         Evil Corp said on Monday that it met Mayor Ilse Varga in Rostock.\n",
    );
    project.build_ok(&[]);
    let site = project.site();
    for (path, bytes) in site.files() {
        if path.ends_with(".html") {
            assert_inert(
                &path,
                &Html::parse_document(&String::from_utf8_lossy(&bytes)),
            );
        }
    }
    let actor = site.html("actors/img-src-x-onerror-alert-3-evil-corp/index.html");
    assert_eq!(
        text_of(&actor, "h1"),
        "<img src=x onerror=alert(3)>Evil Corp"
    );
    assert!(
        !site
            .read("actors/img-src-x-onerror-alert-3-evil-corp/index.html")
            .contains("href=\"javascript:"),
        "a javascript: address is not linked"
    );
}
