use chrono::NaiveDate;
use regex::Regex;
use serde_json::Value;

use super::fragment::BLOCKS;
use super::*;

/// A page around `head` and an article `body` long enough to be read as one.
fn page(head: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html><html><head>{head}</head><body><nav><a href=\"/\">Home</a> \
             <a href=\"/news\">News</a></nav><main><article><h1>Headline</h1>{body}\
             <p>The council met on Tuesday to discuss the plan for the harbour and agreed to \
             spend more on repairs than it had set aside in the spring budget.</p>\
             <p>Residents will be asked for their views at a meeting in the library next \
             month, the council said in a statement after the vote.</p></article></main>\
             <footer>Copyright the outlet</footer></body></html>"
    )
}

fn read_ok(html: &str) -> Page {
    match read(html) {
        Ok(page) => page,
        Err(e) => panic!("page not read: {e}"),
    }
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

#[test]
fn json_ld_article_gives_every_field() {
    let html = page(
        r#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
            "headline":"Bridge to close","datePublished":"2025-11-26T07:45:00+00:00",
            "author":[{"@type":"Person","name":"Maren Holt"},"Tom Reyes"],
            "publisher":{"@type":"Organization","name":"The Courier"},"inLanguage":"en-GB",
            "url":"https://courier.example/bridge"}</script>
            <meta property="og:title" content="Other title">"#,
        "",
    );
    let page = read_ok(&html);
    assert_eq!(
        page.title,
        Some(Found {
            value: "Bridge to close".into(),
            from: "JSON-LD headline"
        })
    );
    let date = page.date.as_ref().map(|d| (d.value.date, d.from));
    assert_eq!(date, Some((day(2025, 11, 26), "JSON-LD datePublished")));
    assert_eq!(
        page.authors,
        Some(Found {
            value: vec!["Maren Holt".into(), "Tom Reyes".into()],
            from: "JSON-LD author"
        })
    );
    assert_eq!(
        page.outlet.map(|o| (o.value, o.from)),
        Some(("The Courier".into(), "JSON-LD publisher.name"))
    );
    assert_eq!(
        page.language.map(|l| (l.value, l.from)),
        Some(("en-GB".into(), "JSON-LD inLanguage"))
    );
    assert_eq!(
        page.url.map(|u| (u.value, u.from)),
        Some(("https://courier.example/bridge".into(), "JSON-LD url"))
    );
}

#[test]
fn json_ld_in_a_graph_or_an_array_with_references() {
    let graph = page(
        r##"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
            {"@type":"WebSite","@id":"#site","name":"Site"},
            {"@type":["ReportageNewsArticle"],"headline":"In the graph","author":{"name":"Lea"},
             "publisher":{"@id":"#org"},"datePublished":"2025-10-14"},
            {"@type":"Organization","@id":"#org","name":"Talblick"}]}</script>"##,
        "",
    );
    let page = read_ok(&graph);
    assert_eq!(page.title.map(|t| t.value), Some("In the graph".into()));
    assert_eq!(page.outlet.map(|o| o.value), Some("Talblick".into()));
    assert_eq!(page.authors.map(|a| a.value), Some(vec!["Lea".to_string()]));

    let array = page_with_array();
    assert_eq!(
        read_ok(&array).title.map(|t| t.value),
        Some("In the array".into())
    );
}

fn page_with_array() -> String {
    page(
        r#"<script type="application/ld+json">[{"@type":"BreadcrumbList"},
            {"@type":"Article","headline":"In the array"}]</script>"#,
        "",
    )
}

#[test]
fn a_date_the_article_object_lacks_comes_from_the_page_object_or_less_common_tags() {
    let date_of = |head: &str| {
        read_ok(&page(head, ""))
            .date
            .map(|d| (d.value.date, d.from))
    };
    // In a @graph, the WebPage holds the date the NewsArticle leaves out; a related
    // story's object is no source of it.
    assert_eq!(
        date_of(
            r#"<script type="application/ld+json">{"@graph":[
                {"@type":"NewsArticle","headline":"Undated article"},
                {"@type":"BlogPosting","headline":"Related","datePublished":"2019-01-01"},
                {"@type":"WebPage","datePublished":"2024-07-03T10:00:00Z"}]}</script>"#
        ),
        Some((day(2024, 7, 3), "JSON-LD datePublished of the page"))
    );
    assert_eq!(
        date_of(
            r#"<script type="application/ld+json">[{"@type":"WebPage","datePublished":"2024-07-03"},
                {"@type":"NewsArticle","headline":"Undated article"}]</script>"#
        ),
        Some((day(2024, 7, 3), "JSON-LD datePublished of the page"))
    );
    assert_eq!(
        date_of(
            r#"<script type="application/ld+json">{"@type":"Article","dateCreated":"2023-02-14"}</script>"#
        ),
        Some((day(2023, 2, 14), "JSON-LD dateCreated"))
    );
    assert_eq!(
        date_of(r#"<meta name="citation_publication_date" content="2021/06/30">"#),
        Some((day(2021, 6, 30), "meta citation_publication_date"))
    );
}

#[test]
fn open_graph_and_article_meta_tags() {
    let html = page(
        r#"<meta property="og:title" content="OG headline">
            <meta property="og:site_name" content="Le Veilleur">
            <meta property="og:url" content="https://veilleur.example/a_42">
            <meta property="og:locale" content="fr_FR">
            <meta property="article:published_time" content="2025-05-02T09:12:00+02:00">
            <meta property="article:author" content="https://veilleur.example/profil/cf">
            <meta property="article:author" content="Camille Fabre">"#,
        "",
    );
    let page = read_ok(&html);
    assert_eq!(page.title.map(|t| t.from), Some("Open Graph og:title"));
    assert_eq!(
        page.outlet.map(|o| (o.value, o.from)),
        Some(("Le Veilleur".into(), "Open Graph og:site_name"))
    );
    assert_eq!(
        page.url.map(|u| (u.value, u.from)),
        Some(("https://veilleur.example/a_42".into(), "Open Graph og:url"))
    );
    assert_eq!(
        page.language.map(|l| (l.value, l.from)),
        Some(("fr-FR".into(), "Open Graph og:locale"))
    );
    let date = page.date.map(|d| (d.value.date, d.from));
    assert_eq!(date, Some((day(2025, 5, 2), "meta article:published_time")));
    assert_eq!(
        page.authors,
        Some(Found {
            value: vec!["Camille Fabre".into()],
            from: "meta article:author"
        })
    );
}

#[test]
fn other_common_meta_tags() {
    let html = page(
        r#"<meta name="author" content="Dana Whitfield, Oren Castillo">
            <meta name="parsely-pub-date" content="2025-09-08T21:30:00Z">
            <meta name="DC.publisher" content="Riverina Daily">"#,
        "",
    );
    let page = read_ok(&html);
    assert_eq!(
        page.authors.map(|a| (a.value, a.from)),
        Some((
            vec!["Dana Whitfield".to_string(), "Oren Castillo".to_string()],
            "meta author"
        ))
    );
    assert_eq!(page.date.map(|d| d.from), Some("meta parsely-pub-date"));
    assert_eq!(page.outlet.map(|o| o.from), Some("meta dc.publisher"));

    let dc = read_ok(&page_head(
        r#"<meta name="DC.date.issued" content="2025-11-20">"#,
    ));
    assert_eq!(
        dc.date.map(|d| (d.value.date, d.from)),
        Some((day(2025, 11, 20), "meta dc.date.issued"))
    );
    let plain = read_ok(&page_head(r#"<meta name="date" content="2025-04-19">"#));
    assert_eq!(plain.date.map(|d| d.from), Some("meta date"));
}

fn page_head(head: &str) -> String {
    page(head, "")
}

#[test]
fn markup_time_canonical_lang_and_title() {
    let html = page(
        r#"<title>Water eased | Riverina Daily</title>
            <meta name="dc.publisher" content="Riverina Daily">
            <link rel="canonical" href="https://riverina.example/water">"#,
        r#"<p><time datetime="2025-11-20T06:00:00+10:00">20 November</time></p>"#,
    )
    .replace("<html>", "<html lang=\"en-AU\">");
    let page = read_ok(&html);
    assert_eq!(
        page.title.map(|t| (t.value, t.from)),
        Some(("Water eased".into(), "<title>"))
    );
    let date = page.date.map(|d| (d.value.date, d.from));
    assert_eq!(date, Some((day(2025, 11, 20), "<time datetime>")));
    assert_eq!(page.url.map(|u| u.from), Some("canonical link"));
    assert_eq!(
        page.language.map(|l| (l.value, l.from)),
        Some(("en-AU".into(), "<html lang>"))
    );
}

#[test]
fn a_date_in_the_address_is_the_last_resort() {
    let html =
        page_head(r#"<link rel="canonical" href="https://notes.example/2024/03/14/count/">"#);
    let date = read_ok(&html).date.map(|d| (d.value.date, d.from));
    assert_eq!(date, Some((day(2024, 3, 14), "date in the address")));

    let found = |u: &str| date_in_address(u).map(|p| p.date);
    assert_eq!(
        found("https://a.example/news/2025-11-26/story"),
        Some(day(2025, 11, 26))
    );
    assert_eq!(
        found("https://a.example/reportajes/pozos-20250419"),
        Some(day(2025, 4, 19))
    );
    assert_eq!(found("https://a.example/2025/1/5/x"), Some(day(2025, 1, 5)));
    assert_eq!(found("https://a.example/story/2025/13/40/x"), None);
    assert_eq!(
        found("https://20251126.example/story"),
        None,
        "not in the host"
    );
    assert_eq!(found("https://a.example/article-1234567"), None);

    let meta_wins = page_head(
        r#"<link rel="canonical" href="https://notes.example/2024/03/14/count/">
            <meta name="date" content="2024-03-15">"#,
    );
    assert_eq!(read_ok(&meta_wins).date.map(|d| d.from), Some("meta date"));
}

#[test]
fn older_pages_date_themselves_with_microdata_mail_dates_or_a_byline() {
    let date = |head: &str, body: &str| {
        read_ok(&page(head, body))
            .date
            .map(|d| (d.value.date, d.from))
    };
    assert_eq!(
        date(
            "",
            r#"<span itemprop="datePublished" content="2019-03-12T08:00:00+0000"></span>"#
        ),
        Some((day(2019, 3, 12), "itemprop=datePublished"))
    );
    assert_eq!(
        date(
            r#"<meta name="date" content="Tue, 12 Mar 2019 10:00:00 GMT">"#,
            ""
        ),
        Some((day(2019, 3, 12), "meta date"))
    );
    assert_eq!(
        date(
            "",
            r#"<div class="article-byline">By Ana Ruiz | March 12, 2019</div>"#
        ),
        Some((day(2019, 3, 12), "the date shown with the byline"))
    );
    assert_eq!(
        date(
            "",
            r#"<abbr class="published" title="2019-03-12T08:00:00">3 days ago</abbr>"#
        ),
        Some((day(2019, 3, 12), "the date shown with the byline"))
    );
    assert_eq!(
        date("", r#"<p class="dateline">12th March 2019</p>"#),
        Some((day(2019, 3, 12), "the date shown with the byline"))
    );
    // The address is surer than a date shown on the page, which may be the day it was
    // saved or updated.
    assert_eq!(
        date(
            r#"<link rel="canonical" href="https://notes.example/2019/03/11/count/">"#,
            r#"<div class="date">Updated March 14, 2019</div>"#
        ),
        Some((day(2019, 3, 11), "date in the address"))
    );
}

#[test]
fn lines_before_the_first_sentence_that_are_no_part_of_it_are_left_out() {
    let authors = ["Ana Ruiz".to_string()];
    let fragment = "<p>Ferry strike ends – live updates</p><p>12 March 2025 · Ana Ruiz</p>\
            <p>Posted in</p><p>Transport</p>\
            <p>The ferry crews voted on Monday to end their strike after the operator raised \
            its pay offer.</p><p>By then most routes had been shut for a week.</p>";
    let kept = without_lead_furniture(fragment.to_string(), Some("Ferry strike ends"), &authors);
    assert!(kept.starts_with("<p>The ferry crews voted"), "{kept}");
    // Lines after the first sentence stay, whatever they look like.
    assert!(kept.contains("By then most routes"), "{kept}");
    // A short opening that is the story's own stays.
    let own = "<p>Ferries run again.</p><p>The crews voted on Monday to end their strike.</p>";
    assert_eq!(
        without_lead_furniture(own.to_string(), Some("Strike over"), &authors),
        own
    );
}

#[test]
fn boilerplate_is_left_out() {
    let html = page(
        "",
        r#"<div class="share-bar"><a href="https://facebook.com/share">Share on Facebook</a></div>
            <figure><img src="a.jpg" alt="A bridge"><figcaption>The bridge in 1931.</figcaption></figure>
            <p>The bridge will close for six weeks from March while engineers replace the
            bearings that let it turn, the county council said.</p>
            <aside class="related"><h3>Read more</h3><ul><li><a href="/x">Ferry fares rise</a></li></ul></aside>"#,
    )
    .replace(
        "<body>",
        r#"<body><div class="cookie-banner"><p>We use cookies to improve your experience. Accept all?</p></div>"#,
    )
    .replace(
        "</main>",
        r#"<section class="comments"><h2>Comments</h2><div class="comment"><p>Six weeks? It will be six months.</p></div></section></main>"#,
    );
    let body = read_ok(&html).body;
    assert!(body.contains("bearings that let it turn"), "{body}");
    for gone in [
        "Share on Facebook",
        "1931",
        "Ferry fares",
        "cookies",
        "six months",
        "Copyright",
        "News",
    ] {
        assert!(!body.contains(gone), "{gone} left in {body}");
    }
}

#[test]
fn a_hostile_page_leaves_nothing_active_in_the_body() {
    let html = page(
        r#"<style>p{color:red}</style><script>document.cookie="x"</script>"#,
        r#"<p onclick="alert(1)">Text with <a href="javascript:alert(2)">a bad link</a>,
            <a href="https://example.com/ok" onmouseover="alert(3)">a good one</a>,
            <img src="x" onerror="alert(4)"> an image, and <script>alert(5)</script> more.</p>
            <iframe src="https://evil.example/"></iframe><object data="x.swf"></object>
            <p style="display:none">Hidden words</p>
            <p><a href="data:text/html;base64,PHNjcmlwdD4=">data link</a> and
            <a href="vbscript:msgbox(1)">vb link</a>.</p>
            <svg><script>alert(6)</script></svg>"#,
    );
    let body = read_ok(&html).body;
    let lower = body.to_ascii_lowercase();
    for banned in [
        "<script",
        "<style",
        "<iframe",
        "<object",
        "<svg",
        "<img",
        "onclick",
        "onerror",
        "onmouseover",
        "javascript:",
        "data:",
        "vbscript:",
        "alert(",
        "style=",
    ] {
        assert!(!lower.contains(banned), "{banned} left in {body}");
    }
    assert!(
        body.contains("<a href=\"https://example.com/ok\">a good one</a>"),
        "{body}"
    );
    assert!(
        body.contains("a bad link"),
        "the text of a refused link stays: {body}"
    );
    let tags = Regex::new(r"<\s*/?\s*([a-zA-Z0-9]+)([^>]*)>").expect("tag pattern");
    for tag in tags.captures_iter(&body) {
        let name = &tag[1];
        assert!(
            [BLOCKS, &["a", "em", "strong", "code", "br"]]
                .concat()
                .contains(&name),
            "tag {name} in {body}"
        );
        let attributes = tag[2].trim();
        assert!(
            attributes.is_empty()
                || attributes.starts_with("href=\"https://")
                || attributes.starts_with("start="),
            "attributes {attributes} in {body}"
        );
    }
}

#[test]
fn headings_lists_quotes_and_links_are_kept() {
    let html = page(
        "",
        r#"<h2>What changes</h2><ul><li>The bridge closes to cars from March.</li>
            <li>Buses go via the ring road.</li></ul><blockquote><p>We understand the
            frustration of everyone who crosses it.</p></blockquote>
            <p>See <a href="https://council.example/bridge">the plan</a> with <b>three</b> <i>phases</i>.</p>"#,
    );
    let body = read_ok(&html).body;
    for kept in [
        "<h2>What changes</h2>",
        "<li>The bridge closes to cars from March.</li>",
        "<blockquote><p>We understand",
        "<a href=\"https://council.example/bridge\">the plan</a>",
        "<strong>three</strong>",
        "<em>phases</em>",
    ] {
        assert!(body.contains(kept), "{kept} missing from {body}");
    }
}

#[test]
fn the_fixture_pages_read_as_expected() {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages");
    let expected: Value = std::fs::read_to_string(folder.join("expected.json"))
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default();
    let Some(pages) = expected.as_object() else {
        panic!("tests/fixtures/pages/expected.json is missing or not an object");
    };
    let pair =
        |found: Option<(Value, &str)>| found.map(|(v, f)| Value::from(vec![v, Value::from(f)]));
    let mut checked = 0;
    let mut wrong = Vec::new();
    for (name, want) in pages.iter().filter(|(name, _)| name.ends_with(".html")) {
        let html = std::fs::read_to_string(folder.join(name)).unwrap_or_default();
        let page = match read(&html) {
            Ok(page) => page,
            Err(e) => {
                assert_eq!(
                    want.get("error").and_then(Value::as_str),
                    Some(e.to_string().split(':').next().unwrap_or("")),
                    "{name}: {e}"
                );
                checked += 1;
                continue;
            }
        };
        assert!(want.get("error").is_none(), "{name} read as an article");
        let got = [
            (
                "title",
                pair(page.title.map(|f| (Value::from(f.value), f.from))),
            ),
            (
                "date",
                pair(page.date.map(|f| (Value::from(f.value.iso_date()), f.from))),
            ),
            (
                "outlet",
                pair(page.outlet.map(|f| (Value::from(f.value), f.from))),
            ),
            (
                "authors",
                pair(page.authors.map(|f| (Value::from(f.value), f.from))),
            ),
            (
                "url",
                pair(page.url.map(|f| (Value::from(f.value), f.from))),
            ),
            (
                "language",
                pair(page.language.map(|f| (Value::from(f.value), f.from))),
            ),
        ];
        for (field, value) in got {
            let value = value.unwrap_or(Value::Null);
            if value != want[field] {
                wrong.push(format!("{name}: {field} is {value}, not {}", want[field]));
            }
        }
        checked += 1;
        if want.get("extractor_misses").is_some() {
            continue;
        }
        let text = collapse(
            &scraper::Html::parse_fragment(&page.body)
                .root_element()
                .text()
                .collect::<String>(),
        );
        let starts = want["body_starts"].as_str().unwrap_or_default();
        let ends = want["body_ends"].as_str().unwrap_or_default();
        if !text.starts_with(starts) {
            let head: String = text.chars().take(80).collect();
            wrong.push(format!("{name}: body starts {head}"));
        }
        if !text.ends_with(ends) {
            let tail: String = text
                .chars()
                .rev()
                .take(80)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            wrong.push(format!("{name}: body ends {tail}"));
        }
        for lack in want["body_lacks"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
        {
            if page.body.contains(lack) || text.contains(lack) {
                wrong.push(format!("{name}: body holds {lack}"));
            }
        }
    }
    assert_eq!(checked, 11);
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn inert_elements_are_cut_before_parsing() {
    let html = "<p>a</p><SCRIPT src=x>var s = '</p>';</script ><style>p{}</style><!-- c <p>x</p> -->\
                    <script type=\"application/ld+json\">{\"@type\":\"Article\"}</script><svg><g/></svg><p>b</p>";
    assert_eq!(
        strip_inert(html),
        "<p>a</p><script type=\"application/ld+json\">{\"@type\":\"Article\"}</script><p>b</p>"
    );
    assert_eq!(strip_inert("<p>open <script>never closed"), "<p>open ");
    assert_eq!(
        strip_inert("<scripts>kept</scripts>"),
        "<scripts>kept</scripts>"
    );
}

#[test]
fn navigation_rails_and_footers_are_cut_whole_unless_they_may_date_the_article() {
    // A rail inside a rail is cut with it: nothing of the outer one leaks into the page.
    assert_eq!(
        strip_inert(
            "<nav><ul><li><a href=/a>World</a></li></ul></nav><p>a</p>\
             <ASIDE class=related><aside>Pull quote</aside> More stories</aside><p>b</p>\
             <footer>Terms · Privacy</footer>"
        ),
        "<p>a</p><p>b</p>"
    );
    // A footer carrying the byline stays for the metadata, its scripts still cut.
    assert_eq!(
        strip_inert(
            "<p>a</p><footer class=byline>By Ana Ruiz <time datetime=2025-03-02>2 March</time>\
             <script>track()</script></footer>"
        ),
        "<p>a</p><footer class=byline>By Ana Ruiz <time datetime=2025-03-02>2 March</time></footer>"
    );
    assert_eq!(strip_inert("<p>a</p><nav>never closed"), "<p>a</p>");
    assert_eq!(
        strip_inert("<navigator>kept</navigator>"),
        "<navigator>kept</navigator>"
    );
}

#[test]
fn a_list_of_links_is_not_an_article() {
    let collection = page_head(
        r#"<script type="application/ld+json">{"@type":"CollectionPage","name":"Politics"}</script>"#,
    );
    assert!(matches!(
        read(&collection),
        Err(PageError::NotAnArticle { .. })
    ));
    let links: String = (0..40)
        .map(|i| {
            format!("<li><a href=\"https://a.example/{i}\">Story number {i} of the day</a></li>")
        })
        .collect();
    let front = format!("<html><body><main><ul>{links}</ul></main></body></html>");
    assert!(matches!(read(&front), Err(PageError::NotAnArticle { .. })));
}

#[test]
fn empty_and_oversized_pages_are_refused() {
    assert_eq!(
        read("<html><body><nav><a href=\"/\">Home</a></nav></body></html>"),
        Err(PageError::Empty)
    );
    let big = "x".repeat(MAX_PAGE_BYTES + 1);
    assert!(matches!(read(&big), Err(PageError::TooLarge { .. })));
    let markup = format!("<p>{}</p>", "word ".repeat(MAX_MARKUP_BYTES / 5 + 1));
    assert!(matches!(read(&markup), Err(PageError::TooLarge { .. })));
    // Scripts do not count towards the markup limit.
    let scripted = page(
        "",
        &format!("<script>{}</script>", "x".repeat(MAX_MARKUP_BYTES)),
    );
    assert!(read(&scripted).is_ok());
    for error in [PageError::Empty, PageError::NotAnArticle { reason: "r" }] {
        assert!(!error.hint().is_empty() && !error.to_string().is_empty());
    }
}
