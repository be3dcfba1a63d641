//! What the actor pages and the actors index show of who said what and who acts with
//! whom: an actor's statements, its relations, and the network of actors as an SVG drawn
//! at build time.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::annotate::ActorKind;
use crate::assemble::Briefing;
use crate::render::address;
use crate::render::inline::escape;

/// The way from an actor's page (two levels below the root) to the source pages.
const TO_SOURCES: [&str; 2] = ["../../", address::SOURCES];
/// How many statements an actor's page lists.
pub const STATEMENTS: usize = 60;
/// How many relations an actor's page lists.
pub const RELATIONS: usize = 12;
/// How many actors the network shows.
const NODES: usize = 24;
/// How many links between them it draws at most.
const EDGES: usize = 60;

/// The statements of actor `index` as HTML list items, for its page (two levels below the
/// root): what was said, the cue, a mark when hedged, and the paragraph it is in.
pub fn statements_html(briefing: &Briefing, index: usize) -> (String, usize) {
    let mut out = String::new();
    let mut mine = briefing.claims.iter().filter(|c| c.speaker == Some(index));
    for claim in mine.by_ref().take(STATEMENTS) {
        let Some(source) = briefing.sources.get(claim.paragraph.source) else {
            continue;
        };
        out.push_str("<li class=\"statement\"><p class=\"statement-text\">");
        inner_quotes_html(&claim.text, &mut out);
        out.push_str("</p><p class=\"statement-meta\">");
        escape(&claim.cue, &mut out);
        if claim.denial {
            out.push_str(" <span class=\"status status-denied\" title=\"A denial: the speaker denies or rejects something, or says it did not happen\">denial</span>");
        }
        if claim.hedged {
            out.push_str(" <span class=\"badge\" title=\"The source does not vouch for it: reportedly, allegedly…\">hedged</span>");
        }
        out.push_str(" · <a href=\"");
        address::write_page(
            &mut out,
            &TO_SOURCES,
            &source.id,
            Some(claim.paragraph.number),
        );
        out.push_str("\">");
        super::timeline::short_name_html(source, &mut out);
        let _ = writeln!(out, " ¶{}</a></p></li>", claim.paragraph.number);
    }
    // The rest are only counted.
    (out, mine.count())
}

/// `text`, escaped, with its double quotation marks made single ones: the page sets a
/// statement in double marks, and a quotation inside it takes single marks, opening after
/// a space or at the start and closing elsewhere.
fn inner_quotes_html(text: &str, out: &mut String) {
    let mut from = 0;
    for (at, mark) in text.match_indices(['"', '\u{201C}', '\u{201D}']) {
        escape(&text[from..at], out);
        let opens = match mark {
            "\u{201C}" => true,
            "\u{201D}" => false,
            _ => text[..at]
                .chars()
                .next_back()
                .is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '\u{2014}')),
        };
        out.push(if opens { '\u{2018}' } else { '\u{2019}' });
        from = at + mark.len();
    }
    escape(&text[from..], out);
}

/// The relations of actor `index` as HTML list items: "advised Yuri Ushakov (2)", and
/// "met by" the other way round.
pub fn relations_html(briefing: &Briefing, index: usize) -> String {
    let mut out = String::new();
    let mine = briefing
        .relations
        .iter()
        .filter(|r| r.from == index || r.to == index)
        .take(RELATIONS);
    for r in mine {
        let (other, phrase) = if r.from == index {
            (r.to, r.verb.clone())
        } else {
            (r.from, format!("{} by", passive(&r.verb)))
        };
        let actor = &briefing.actors[other];
        out.push_str("<li>");
        escape(&phrase, &mut out);
        out.push_str(" <a href=\"");
        address::write_page(&mut out, &["../"], &actor.id, None);
        out.push_str("\">");
        escape(&actor.name, &mut out);
        out.push_str("</a>");
        for (n, at) in r.paragraphs.iter().enumerate().take(5) {
            let Some(source) = briefing.sources.get(at.source) else {
                continue;
            };
            out.push_str(if n == 0 {
                " <span class=\"cite\">"
            } else {
                " "
            });
            out.push_str("<a href=\"");
            address::write_page(&mut out, &TO_SOURCES, &source.id, Some(at.number));
            let _ = write!(out, "\">¶{}</a>", at.number);
        }
        out.push_str(if r.paragraphs.is_empty() {
            "</li>\n"
        } else {
            "</span></li>\n"
        });
    }
    out
}

/// "advised" → "advised", "meets" → "met": the participle for "… by X".
fn passive(verb: &str) -> String {
    match verb {
        "meets" | "met" => "met".into(),
        "tells" | "told" => "told".into(),
        "speaks" | "spoke" => "spoken to".into(),
        v if v.ends_with("ed") => v.to_string(),
        v => match v.strip_suffix('s') {
            Some(stem) if stem.ends_with('e') => format!("{stem}d"),
            Some(stem) => format!("{stem}ed"),
            None => v.to_string(),
        },
    }
}

/// The network of the most mentioned people, organizations and groups: a circle of
/// nodes sized by mentions, linked where the sources name two in one sentence, each node
/// a link to its page, then a key to the nodes' colours. For the actors index (one level
/// below the root). `None` with fewer than three actors or no links.
pub fn network_html(briefing: &Briefing) -> Option<String> {
    let nodes: Vec<usize> = (0..briefing.actors.len())
        .filter(|&a| briefing.actors[a].kind != ActorKind::Place && briefing.actors[a].mentions > 0)
        .take(NODES)
        .collect();
    if nodes.len() < 3 {
        return None;
    }
    let slot: BTreeMap<usize, usize> = nodes.iter().enumerate().map(|(i, &a)| (a, i)).collect();
    let mut weights: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for event in &briefing.events {
        let here: Vec<usize> = event
            .actors
            .iter()
            .filter_map(|a| slot.get(a).copied())
            .collect();
        for (i, &a) in here.iter().enumerate() {
            for &b in &here[i + 1..] {
                *weights.entry((a.min(b), a.max(b))).or_default() += event.paragraphs.len();
            }
        }
    }
    let mut edges: Vec<((usize, usize), usize)> = weights.into_iter().collect();
    edges.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    edges.truncate(EDGES);
    if edges.is_empty() {
        return None;
    }
    // Wider than the circle, so that the names beside the nodes on its left and right fit.
    let (width, height, radius) = (880.0_f64, 640.0_f64, 230.0_f64);
    let (centre, middle) = (width / 2.0, height / 2.0);
    let place = |i: usize| {
        let angle =
            std::f64::consts::TAU * i as f64 / nodes.len() as f64 - std::f64::consts::FRAC_PI_2;
        (centre + radius * angle.cos(), middle + radius * angle.sin())
    };
    let most = briefing.actors[nodes[0]].mentions.max(1) as f64;
    let heaviest = edges[0].1.max(1) as f64;
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg class=\"network\" viewBox=\"0 0 {width} {height}\" role=\"group\" aria-labelledby=\"network-title\" xmlns=\"http://www.w3.org/2000/svg\">\
         <title id=\"network-title\">The {} most mentioned people, organizations and groups, linked where a sentence names two of them</title>",
        nodes.len()
    );
    for ((a, b), w) in &edges {
        let ((x1, y1), (x2, y2)) = (place(*a), place(*b));
        let _ = write!(
            svg,
            "<line x1=\"{x1:.1}\" y1=\"{y1:.1}\" x2=\"{x2:.1}\" y2=\"{y2:.1}\" stroke-width=\"{:.2}\"/>",
            0.5 + 3.5 * (*w as f64 / heaviest)
        );
    }
    for (i, &a) in nodes.iter().enumerate() {
        let actor = &briefing.actors[a];
        let (x, y) = place(i);
        let r = 4.0 + 14.0 * (actor.mentions as f64 / most).sqrt();
        let anchor = if (x - centre).abs() < 1.0 {
            "middle"
        } else if x < centre {
            "end"
        } else {
            "start"
        };
        let dx = if x < centre - 1.0 {
            -(r + 4.0)
        } else if x > centre + 1.0 {
            r + 4.0
        } else {
            0.0
        };
        let dy = if anchor == "middle" {
            if y < middle { -(r + 6.0) } else { r + 14.0 }
        } else {
            4.0
        };
        let mut name = String::new();
        escape(&actor.name, &mut name);
        let _ = write!(
            svg,
            "<a href=\"{}\"><circle class=\"{}\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{r:.1}\"><title>{name}: {} mention{}</title></circle>\
             <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"{anchor}\">{name}</text></a>",
            address::page(&[], &actor.id),
            actor.kind.as_str(),
            actor.mentions,
            if actor.mentions == 1 { "" } else { "s" },
            x + dx,
            y + dy,
        );
    }
    svg.push_str("</svg><ul class=\"network-key\">");
    for (kind, label, _) in super::view::KINDS {
        if nodes.iter().any(|&a| briefing.actors[a].kind == kind) {
            let _ = write!(
                svg,
                "<li><span class=\"key {}\" aria-hidden=\"true\"></span>{label}</li>",
                kind.as_str()
            );
        }
    }
    svg.push_str("</ul>");
    Some(svg)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotations_inside_a_statement_take_single_marks() {
        let mut out = String::new();
        inner_quotes_html(
            "\"Useful,\" he said, and the draft was \u{201C}a <start>\u{201D}",
            &mut out,
        );
        assert_eq!(
            out,
            "\u{2018}Useful,\u{2019} he said, and the draft was \u{2018}a &lt;start&gt;\u{2019}"
        );
    }

    #[test]
    fn passives_read_back() {
        assert_eq!(passive("advised"), "advised");
        assert_eq!(passive("meets"), "met");
        assert_eq!(passive("calls"), "called");
        assert_eq!(passive("praises"), "praised");
    }
}
