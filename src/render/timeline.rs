//! The timeline: events grouped by date on one page, or on one page per period when there
//! are many; each actor's slice of it; `timeline.json` for TimelineJS; and the overview's
//! chart of events over time.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io;

use chrono::{Datelike, Duration, NaiveDate};
use serde::Serialize;

use crate::annotate::events::{EventDate, Precision, Status};
use crate::annotate::time::{Timex, TimexType};
use crate::assemble::{ActorEntry, Briefing, EventEntry, SourceEntry};
use crate::render::address;
use crate::render::inline::escape;
use crate::render::view::group_thousands;

/// Up to this many events, the timeline is one page; beyond, one page per period, and a
/// period with more is cut into pages of this many.
pub const ONE_PAGE: usize = 400;
/// How many of an actor's events its page lists.
pub const ACTOR_EVENTS: usize = 50;
/// How many of the latest events the overview lists.
const LATEST_EVENTS: usize = 5;

/// Where each event is shown: the timeline's pages and which page holds which event.
#[derive(Debug, Clone)]
pub struct Timeline {
    /// The pages, in time order (the undated page last).
    pub pages: Vec<Period>,
    /// For each event, the index of its page.
    pub page_of: Vec<usize>,
}

/// One page of the timeline.
#[derive(Debug, Clone)]
pub struct Period {
    /// The page's path under the site root (`timeline/index.html`, `timeline/2025-11/index.html`).
    pub path: String,
    /// Its name in the navigation ("November 2025", "November 2025, page 2", "Undated").
    pub label: String,
    /// The period it shows part of (`2025-11`, `undated`).
    pub slug: String,
    /// Its events, in timeline order.
    pub events: Vec<usize>,
}

impl Timeline {
    /// Lays out the events of `briefing` over pages.
    pub fn new(briefing: &Briefing) -> Timeline {
        let events = &briefing.events;
        if events.len() <= ONE_PAGE {
            return Timeline {
                pages: vec![Period {
                    path: "timeline/index.html".into(),
                    label: "All events".into(),
                    slug: String::new(),
                    events: (0..events.len()).collect(),
                }],
                page_of: vec![0; events.len()],
            };
        }
        // Events come sorted: consecutive events of one period share a page, up to
        // ONE_PAGE of them; the period's next ones go on its next page.
        let mut pages: Vec<Period> = Vec::new();
        let mut page_of = Vec::with_capacity(events.len());
        // The period of the last page, and how many pages it has so far.
        let mut current: (Option<PeriodKey>, usize) = (None, 0);
        for (e, event) in events.iter().enumerate() {
            let key = PeriodKey::of(&event.date);
            let full = pages.last().is_some_and(|p| p.events.len() >= ONE_PAGE);
            if current.0 != Some(key) || full {
                current.1 = if current.0 == Some(key) {
                    current.1 + 1
                } else {
                    1
                };
                current.0 = Some(key);
                let (slug, label) = key.names();
                let (path, label) = match current.1 {
                    1 => (format!("timeline/{slug}/index.html"), label),
                    n => (
                        format!("timeline/{slug}/{n}/index.html"),
                        format!("{label}, page {n}"),
                    ),
                };
                pages.push(Period {
                    path,
                    label,
                    slug,
                    events: Vec::new(),
                });
            }
            let page = pages.len() - 1;
            pages[page].events.push(e);
            page_of.push(page);
        }
        Timeline { pages, page_of }
    }

    /// Whether the timeline is split into periods (with an index page listing them).
    pub fn split(&self) -> bool {
        self.pages
            .first()
            .is_some_and(|p| p.path != "timeline/index.html")
    }

    /// The link from a page `to_root` below the root to event `e` on its page.
    pub fn href(&self, briefing: &Briefing, e: usize, to_root: &str) -> String {
        let page = &self.pages[self.page_of[e]];
        format!("{to_root}{}#{}", page.path, briefing.events[e].id)
    }
}

/// The page an event belongs on when the timeline is split: its month, its year for
/// coarser dates, or the undated page. Compared for every event, named once per page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PeriodKey {
    Undated,
    /// The year, by its first day.
    Year(NaiveDate),
    /// The month, by its first day.
    Month(NaiveDate),
}

impl PeriodKey {
    fn of(date: &EventDate) -> PeriodKey {
        match (date.first_day, date.precision) {
            (None, _) | (_, Precision::Unknown) => PeriodKey::Undated,
            // A year's and a month's first days always exist: the fallbacks are never taken.
            (Some(day), Precision::Year) => PeriodKey::Year(day.with_ordinal(1).unwrap_or(day)),
            (Some(day), _) => PeriodKey::Month(day.with_day(1).unwrap_or(day)),
        }
    }

    /// The period's slug and its name in the navigation.
    fn names(self) -> (String, String) {
        match self {
            PeriodKey::Undated => ("undated".into(), "Undated".into()),
            PeriodKey::Year(day) => (
                day.format("%Y").to_string(),
                day.format("%Y (the year as a whole)").to_string(),
            ),
            PeriodKey::Month(day) => (
                day.format("%Y-%m").to_string(),
                day.format("%B %Y").to_string(),
            ),
        }
    }
}

/// An event as the timeline shows it, borrowed from the briefing: a long timeline has
/// hundreds of thousands of them, written straight to HTML.
#[derive(Debug, Clone)]
pub struct EventView<'a> {
    /// The event.
    pub event: &'a EventEntry,
    /// Where the timeline shows it, on pages other than the timeline.
    pub link: Option<String>,
    /// Its date as precisely as known, in words; empty under its date's heading.
    pub date_label: String,
    /// A badge for a date that is not a day: "week", "month", "year", or "approximate".
    pub badge: Option<&'static str>,
    /// Its actors, whose pages its links lead to.
    pub actors: Vec<&'a ActorEntry>,
    /// The paragraphs that report it, by source.
    pub reports: Vec<ReportGroup<'a>>,
    /// What leads from the page to the site's root.
    pub to_root: &'a str,
}

/// The paragraphs of one source that report an event.
#[derive(Debug, Clone)]
pub struct ReportGroup<'a> {
    /// The source.
    pub source: &'a SourceEntry,
    /// The numbers of its paragraphs.
    pub paragraphs: Vec<usize>,
    /// Whether it is named by its title: another source of the event has its outlet.
    pub by_title: bool,
}

impl ReportGroup<'_> {
    /// The source's name ([`short_name_html`]), or its title cut short when another
    /// source of the event has the same outlet, escaped.
    fn name_html(&self, out: &mut String) {
        if self.by_title {
            cut_html(&self.source.title, out);
        } else {
            short_name_html(self.source, out);
        }
    }
}

/// A link to an actor's page.
#[derive(Debug, Clone, Serialize)]
pub struct ActorLink {
    /// The actor's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// The link.
    pub href: String,
}

/// Events that share a date.
#[derive(Debug, Clone, Serialize)]
pub struct DateGroup {
    /// The date in words.
    pub label: String,
    /// Its events as HTML list items (see [`event_html`]).
    pub html: String,
}

/// A page of the timeline.
#[derive(Debug, Clone, Serialize)]
pub struct TimelinePage {
    /// Its heading.
    pub heading: String,
    /// Dated events by date.
    pub groups: Vec<DateGroup>,
    /// Undated events as HTML list items; empty when there are none.
    pub undated: String,
    /// Actors of the page's events, most frequent first, for the filter.
    pub actors: Vec<ActorLink>,
    /// Events on the page.
    pub count: usize,
    /// Whether the timeline has several pages (and an index of them).
    pub split: bool,
    /// The previous page.
    pub previous: Option<PeriodLink>,
    /// The next period.
    pub next: Option<PeriodLink>,
}

/// A link to a period's page.
#[derive(Debug, Clone, Serialize)]
pub struct PeriodLink {
    /// Its name.
    pub label: String,
    /// The link.
    pub href: String,
    /// Its events.
    pub count: usize,
}

/// An event's view, on a page `to_root` below the root, with its date in words.
pub fn event_view<'a>(
    briefing: &'a Briefing,
    event: &'a EventEntry,
    to_root: &'a str,
    date_label: String,
) -> EventView<'a> {
    EventView {
        event,
        link: None,
        date_label,
        badge: badge(&event.date),
        actors: event.actors.iter().map(|&a| &briefing.actors[a]).collect(),
        reports: reports(briefing, event),
        to_root,
    }
}

/// The paragraphs that report `event`, grouped by source, in path order.
fn reports<'a>(briefing: &'a Briefing, event: &EventEntry) -> Vec<ReportGroup<'a>> {
    // The paragraphs come in path and reading order: each source's are together.
    let mut groups: Vec<ReportGroup> = Vec::new();
    let mut last = None;
    for at in &event.paragraphs {
        let Some(source) = briefing.sources.get(at.source) else {
            continue;
        };
        match groups.last_mut() {
            Some(group) if last == Some(at.source) => group.paragraphs.push(at.number),
            _ => groups.push(ReportGroup {
                source,
                paragraphs: vec![at.number],
                by_title: false,
            }),
        }
        last = Some(at.source);
    }
    // "Northern Desk ¶1 · Northern Desk ¶1" would read as one report twice.
    let mut outlets: BTreeMap<&str, usize> = BTreeMap::new();
    for group in &groups {
        if let Some(outlet) = group.source.meta.outlet.as_deref() {
            *outlets.entry(outlet).or_default() += 1;
        }
    }
    for group in &mut groups {
        group.by_title = group
            .source
            .meta
            .outlet
            .as_deref()
            .is_some_and(|o| outlets.get(o).copied().unwrap_or(0) > 1);
    }
    groups
}

/// A group's source and its paragraphs' links (`¶3`) for a page `to_root` below the root:
/// what the timeline, the overview's summary and `timeline.json` cite.
fn write_reports(group: &ReportGroup<'_>, to_root: &str, out: &mut String) {
    group.name_html(out);
    for &number in &group.paragraphs {
        out.push_str(" <a href=\"");
        paragraph_href(to_root, group.source, number, out);
        let _ = write!(out, "\">\u{b6}{number}</a>");
    }
}

/// `{to_root}sources/<id>/index.html#p<number>`, escaped.
fn paragraph_href(to_root: &str, source: &SourceEntry, number: usize, out: &mut String) {
    address::write_page(out, &[to_root, address::SOURCES], &source.id, Some(number));
}

/// `{to_root}actors/<id>/index.html`.
pub fn actor_href(to_root: &str, actor: &ActorEntry) -> String {
    address::page(&[to_root, address::ACTORS], &actor.id)
}

/// Page `index` of `timeline`.
pub fn page(briefing: &Briefing, timeline: &Timeline, index: usize) -> TimelinePage {
    let period = &timeline.pages[index];
    let to_root = "../".repeat(period.path.matches('/').count());
    let mut groups: Vec<DateGroup> = Vec::new();
    let mut undated = String::new();
    let mut actor_counts: BTreeMap<usize, usize> = BTreeMap::new();
    let mut last_date: Option<&EventDate> = None;
    for &e in &period.events {
        let event = &briefing.events[e];
        for &a in &event.actors {
            *actor_counts.entry(a).or_default() += 1;
        }
        if event.date.first_day.is_none() {
            let view = event_view(briefing, event, &to_root, date_label(&event.date));
            event_html(&view, &mut undated);
            continue;
        }
        // Events come sorted: the label changes only where the date does.
        let same_date = last_date.is_some_and(|d| same_label(d, &event.date));
        if !same_date {
            let label = date_label(&event.date);
            if groups.last().is_none_or(|g| g.label != label) {
                groups.push(DateGroup {
                    label,
                    html: String::new(),
                });
            }
            last_date = Some(&event.date);
        }
        // Under its date's heading an event does not repeat the date.
        let view = event_view(briefing, event, &to_root, String::new());
        if let Some(group) = groups.last_mut() {
            event_html(&view, &mut group.html);
        }
    }
    let mut actors: Vec<(usize, usize)> = actor_counts.into_iter().collect();
    actors.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let link = |i: usize| {
        let p = &timeline.pages[i];
        PeriodLink {
            label: p.label.clone(),
            href: format!("{to_root}{}", p.path),
            count: p.events.len(),
        }
    };
    let split = timeline.split();
    TimelinePage {
        heading: if split {
            period.label.clone()
        } else {
            "Timeline".into()
        },
        groups,
        undated,
        actors: actors
            .into_iter()
            .map(|(a, _)| {
                let actor = &briefing.actors[a];
                ActorLink {
                    id: actor.id.clone(),
                    name: actor.name.clone(),
                    href: actor_href(&to_root, actor),
                }
            })
            .collect(),
        count: period.events.len(),
        split,
        previous: (split && index > 0).then(|| link(index - 1)),
        next: (split && index + 1 < timeline.pages.len()).then(|| link(index + 1)),
    }
}

/// The periods of a split timeline, for its index page: each period's first page, with
/// the events of all its pages.
pub fn periods(timeline: &Timeline) -> Vec<PeriodLink> {
    let mut periods: Vec<PeriodLink> = Vec::new();
    let mut last = "";
    for p in &timeline.pages {
        if p.slug == last {
            if let Some(period) = periods.last_mut() {
                period.count += p.events.len();
            }
            continue;
        }
        last = &p.slug;
        periods.push(PeriodLink {
            label: p.label.clone(),
            href: p.path.trim_start_matches("timeline/").to_string(),
            count: p.events.len(),
        });
    }
    periods
}

/// The first events of actor `index` as HTML list items, for its page (two levels below
/// the root), each dated with a link to its place on the timeline.
pub fn actor_events(briefing: &Briefing, timeline: &Timeline, index: usize) -> String {
    let mut html = String::new();
    for &e in briefing.actors[index].events.iter().take(ACTOR_EVENTS) {
        let event = &briefing.events[e];
        let view = EventView {
            link: Some(timeline.href(briefing, e, "../../")),
            ..event_view(briefing, event, "../../", date_label(&event.date))
        };
        event_html(&view, &mut html);
    }
    html
}

/// The latest events the sources report as HTML list items for the overview, newest day
/// first and in timeline order within a day, each dated with a link to its place on the
/// timeline: events on a day the text states (not only the day a source was published),
/// no later than the newest source; what is planned after it is not news yet.
pub fn latest_events(briefing: &Briefing, timeline: &Timeline) -> String {
    let newest = briefing.stats.last_date;
    let mut latest: Vec<(usize, &EventEntry)> = briefing
        .events
        .iter()
        .enumerate()
        .rev()
        .filter(|(_, event)| {
            event.date.precision == Precision::Day
                && !event.date.approximate
                && event
                    .date
                    .first_day
                    .is_some_and(|day| newest.is_none_or(|newest| day <= newest))
        })
        .take(LATEST_EVENTS)
        .collect();
    latest.reverse();
    latest.sort_by_key(|(_, event)| std::cmp::Reverse(event.date.first_day));
    let mut html = String::new();
    for (e, event) in latest {
        let view = EventView {
            link: Some(timeline.href(briefing, e, "")),
            ..event_view(briefing, event, "", date_label(&event.date))
        };
        event_html(&view, &mut html);
    }
    html
}

/// An event as an HTML list item: date, badges, the sentence, actors and reports. Built
/// here rather than in a template: a long timeline has hundreds of thousands of them.
pub fn event_html(view: &EventView<'_>, out: &mut String) {
    let event = view.event;
    let status = event.status.as_str();
    // The events most sources report stand out.
    out.push_str(if event.sources >= MAJOR {
        "<li class=\"event event-major\" id=\""
    } else {
        "<li class=\"event\" id=\""
    });
    escape(&event.id, out);
    out.push_str("\" data-actors=\"");
    for (n, actor) in view.actors.iter().enumerate() {
        if n > 0 {
            out.push(' ');
        }
        escape(&actor.id, out);
    }
    let _ = write!(
        out,
        "\" data-status=\"{status}\">\n  <p class=\"event-meta\">"
    );
    match &view.link {
        Some(link) => {
            out.push_str("<a class=\"event-date\" href=\"");
            escape(link, out);
            out.push_str("\">");
            escape(
                if view.date_label.is_empty() {
                    "Undated"
                } else {
                    &view.date_label
                },
                out,
            );
            out.push_str("</a>");
        }
        None if !view.date_label.is_empty() => {
            out.push_str("<span class=\"event-date\">");
            escape(&view.date_label, out);
            out.push_str("</span>");
        }
        None => {}
    }
    if let Some(badge) = view.badge {
        let title = if badge == "approximate" {
            " title=\"The date the source was published: the text gives no date\""
        } else {
            ""
        };
        let _ = write!(out, " <span class=\"badge\"{title}>{badge}</span>");
    }
    if status != "reported" {
        let _ = write!(
            out,
            " <span class=\"status status-{status}\">{status}</span>"
        );
    }
    out.push_str("</p>\n  <p class=\"event-summary\">");
    escape(&event.summary, out);
    out.push_str("</p>\n");
    if !view.actors.is_empty() {
        out.push_str("  <p class=\"event-actors\">");
        for (n, actor) in view.actors.iter().enumerate() {
            if n > 0 {
                out.push_str(", ");
            }
            actor_link(view.to_root, actor, out);
        }
        out.push_str("</p>\n");
    }
    // One source is named in the entry; several are counted there and listed behind a
    // disclosure, the first [`LISTED`] of them.
    match view.reports.as_slice() {
        [group] => {
            out.push_str("  <p class=\"event-reports\">Reported in ");
            report_html(view.to_root, group, out);
            out.push_str("</p>\n");
        }
        groups => {
            let _ = write!(
                out,
                "  <details class=\"event-reports\"><summary>Reported by {} sources</summary>\n  <ul>\n",
                group_thousands(groups.len())
            );
            for group in groups.iter().take(LISTED) {
                out.push_str("    <li>");
                report_html(view.to_root, group, out);
                out.push_str("</li>\n");
            }
            if groups.len() > LISTED {
                let _ = writeln!(
                    out,
                    "    <li>and {} more sources, listed in <code>briefing.json</code></li>",
                    group_thousands(groups.len() - LISTED)
                );
            }
            out.push_str("  </ul></details>\n");
        }
    }
    out.push_str("</li>\n");
}

/// How many sources make an event one of the most reported, drawn to the eye.
const MAJOR: usize = 3;

/// How many of an event's sources its entry lists.
const LISTED: usize = 40;

/// One source of an event, named (its title, or outlet, on hover), with its paragraphs'
/// links ([`write_reports`]).
fn report_html(to_root: &str, group: &ReportGroup<'_>, out: &mut String) {
    out.push_str("<span title=\"");
    let outlet = group.source.meta.outlet.as_deref();
    escape(
        outlet
            .filter(|_| group.by_title)
            .unwrap_or(&group.source.title),
        out,
    );
    out.push_str("\">");
    write_reports(group, to_root, out);
    out.push_str("</span>");
}

/// The overview's cited summary as HTML list items: each sentence, then links to the
/// paragraphs that report it, by source.
pub fn summary_html(briefing: &Briefing) -> String {
    let mut out = String::new();
    for &e in &briefing.summary {
        let event = &briefing.events[e];
        out.push_str("<li>");
        escape(&event.summary, &mut out);
        out.push_str(" <span class=\"cite\">");
        cite_html(briefing, event, &mut out);
        out.push_str("</span></li>\n");
    }
    out
}

/// How many of an event's sources a citation in a line names.
const CITED: usize = 5;

/// The sources of `event` with links to their paragraphs, for a page at the root: the
/// first [`CITED`], then how many more there are.
fn cite_html(briefing: &Briefing, event: &EventEntry, out: &mut String) {
    let groups = reports(briefing, event);
    for (n, group) in groups.iter().take(CITED).enumerate() {
        if n > 0 {
            out.push_str(" · ");
        }
        write_reports(group, "", out);
    }
    if groups.len() > CITED {
        let _ = write!(
            out,
            " · and {} more sources",
            group_thousands(groups.len() - CITED)
        );
    }
}

/// A source's outlet, else its title cut to a few words, escaped.
pub fn short_name_html(source: &SourceEntry, out: &mut String) {
    cut_html(source.meta.outlet.as_deref().unwrap_or(&source.title), out);
}

/// `name` cut to a few words, escaped.
fn cut_html(name: &str, out: &mut String) {
    const SHORT: usize = 48;
    match name.char_indices().nth(SHORT) {
        Some((cut, _)) => {
            escape(name[..cut].trim_end(), out);
            out.push('…');
        }
        None => escape(name, out),
    }
}

/// A link to `actor`'s page from a page `to_root` below the root ([`actor_href`]), escaped.
fn actor_link(to_root: &str, actor: &ActorEntry, out: &mut String) {
    out.push_str("<a href=\"");
    address::write_page(out, &[to_root, address::ACTORS], &actor.id, None);
    out.push_str("\">");
    escape(&actor.name, out);
    out.push_str("</a>");
}

/// A date in words, for an event.
pub fn date_label(date: &EventDate) -> String {
    let Some(day) = date.first_day else {
        return String::new();
    };
    let value = date.value.as_deref().unwrap_or("");
    match date.precision {
        // Written out rather than through `format`: a source's page labels every date.
        Precision::Day => format!(
            "{} {} {} {}",
            WEEKDAYS[day.weekday().num_days_from_monday() as usize],
            day.day(),
            MONTHS[day.month0() as usize],
            day.year()
        ),
        Precision::Week => {
            let end = day + Duration::days(6);
            let span = if day.month() == end.month() {
                format!("{}–{}", day.format("%-d"), end.format("%-d %B"))
            } else {
                format!("{} – {}", day.format("%-d %B"), end.format("%-d %B"))
            };
            format!(
                "Week {}, {} ({span})",
                day.iso_week().week(),
                day.iso_week().year()
            )
        }
        Precision::Month => format!("{} {}", MONTHS[day.month0() as usize], day.year()),
        Precision::Year => {
            let season = match value.get(5..) {
                Some("SP") => "Spring ",
                Some("SU") => "Summer ",
                Some("FA") => "Autumn ",
                Some("WI") => "Winter ",
                Some("Q1") => "First quarter of ",
                Some("Q2") => "Second quarter of ",
                Some("Q3") => "Third quarter of ",
                Some("Q4") => "Fourth quarter of ",
                _ => "",
            };
            format!("{season}{}", day.year())
        }
        Precision::Unknown => String::new(),
    }
}

/// The days of the week from Monday, in English.
const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
/// The months from January, in English.
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// How a source's page marks a time expression: the value for a `<time>`'s `datetime`
/// when HTML can state it (a day, month, year, week, or day and time), and a tooltip
/// saying what it resolves to ("Sunday 23 November 2025", "Friday 21 November 2025,
/// 15:00", "Week 47, 2025 (17–23 November)", "A length of time: 4 years").
pub fn timex_markup(timex: &Timex) -> (Option<&str>, String) {
    let Some(value) = timex.value.as_deref() else {
        return (None, "Not resolved: no date to count from".to_string());
    };
    let title = match (timex.kind, value) {
        (TimexType::Duration, _) => format!("A length of time: {}", duration_words(value)),
        (TimexType::Set, _) => format!("Recurring: every {}", duration_words(value)),
        (_, "PAST_REF") => "Some time in the past".to_string(),
        (_, "FUTURE_REF") => "Some time in the future".to_string(),
        (_, "PRESENT_REF") => "The present".to_string(),
        _ => {
            let day = EventDate::from_value(value)
                .map(|date| date_label(&date))
                .filter(|label| !label.is_empty())
                .unwrap_or_else(|| value.to_string());
            // The time of day: a clock time, or a part of the day.
            match value.split_once('T').map(|(_, time)| time) {
                Some("MO") => format!("{day}, morning"),
                Some("AF") => format!("{day}, afternoon"),
                Some("EV") => format!("{day}, evening"),
                Some("NI") => format!("{day}, night"),
                Some(clock) if !clock.is_empty() => format!("{day}, {clock}"),
                _ => day,
            }
        }
    };
    let html_date = [
        "####",
        "####-##",
        "####-##-##",
        "####-W##",
        "####-##-##T##:##",
    ]
    .iter()
    .any(|pattern| {
        pattern.len() == value.len()
            && pattern.bytes().zip(value.bytes()).all(|(p, v)| {
                if p == b'#' {
                    v.is_ascii_digit()
                } else {
                    p == v
                }
            })
    });
    let datetime =
        (html_date && matches!(timex.kind, TimexType::Date | TimexType::Time)).then_some(value);
    (datetime, title)
}

/// A TIMEX3 duration in words: "P3W" is "3 weeks", "PT2H" "2 hours", "PXY" "a few
/// years"; a value of another form as it is.
fn duration_words(value: &str) -> String {
    let Some(rest) = value.strip_prefix('P') else {
        return value.to_string();
    };
    let (time, rest) = match rest.strip_prefix('T') {
        Some(rest) => (true, rest),
        None => (false, rest),
    };
    let split = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == 'X'))
        .unwrap_or(rest.len());
    let (amount, code) = rest.split_at(split);
    let unit = match (time, code) {
        (false, "Y") => "year",
        (false, "M") => "month",
        (false, "W") => "week",
        (false, "D") => "day",
        (false, "DE") => "decade",
        (false, "CE") => "century",
        (true, "H") => "hour",
        (true, "M") => "minute",
        (true, "S") => "second",
        _ => return value.to_string(),
    };
    let plural = |unit: &str| match unit {
        "century" => "centuries".to_string(),
        unit => format!("{unit}s"),
    };
    match amount {
        "X" => format!("a few {}", plural(unit)),
        "1" => unit.to_string(),
        "" => value.to_string(),
        n => format!("{n} {}", plural(unit)),
    }
}

/// Whether two dates read the same in words (whether approximate or not).
fn same_label(a: &EventDate, b: &EventDate) -> bool {
    a.first_day == b.first_day && a.precision == b.precision && a.value == b.value
}

/// The badge of a date that is not a stated day.
fn badge(date: &EventDate) -> Option<&'static str> {
    match date.precision {
        _ if date.approximate => Some("approximate"),
        Precision::Week => Some("week"),
        Precision::Month => Some("month"),
        Precision::Year => match date.value.as_deref().and_then(|v| v.get(5..6)) {
            Some("Q") => Some("quarter"),
            Some(_) => Some("season"),
            None => Some("year"),
        },
        Precision::Day | Precision::Unknown => None,
    }
}

/// How many events `timeline.json` holds at most: TimelineJS shows one slide an event,
/// and is made for tens or hundreds of them.
pub const TIMELINE_JSON_EVENTS: usize = 300;

/// The dated events that `timeline.json` holds, in timeline order: the
/// [`TIMELINE_JSON_EVENTS`] reported by the most sources (then by the most paragraphs,
/// then the earliest), and how many dated events are left out.
fn timeline_json_events(briefing: &Briefing) -> (Vec<&EventEntry>, usize) {
    let mut dated: Vec<(usize, &EventEntry)> = briefing
        .events
        .iter()
        .enumerate()
        .filter(|(_, e)| e.date.first_day.is_some())
        .collect();
    let all = dated.len();
    if all > TIMELINE_JSON_EVENTS {
        dated.select_nth_unstable_by_key(TIMELINE_JSON_EVENTS, |&(n, e)| {
            (std::cmp::Reverse((e.sources, e.paragraphs.len())), n)
        });
        dated.truncate(TIMELINE_JSON_EVENTS);
        dated.sort_unstable_by_key(|&(n, _)| n);
    }
    let kept = dated.len();
    (dated.into_iter().map(|(_, e)| e).collect(), all - kept)
}

/// Writes `timeline.json` in TimelineJS3's format: the most-reported dated events (see
/// `timeline_json_events`) with their dates to the precision known, one event at a time,
/// and how many it leaves out (`events_left_out`, and in the title's text).
pub fn write_timeline_json(briefing: &Briefing, out: &mut dyn io::Write) -> io::Result<()> {
    #[derive(Serialize)]
    struct Text<'a> {
        headline: &'a str,
        text: String,
    }
    #[derive(Serialize)]
    struct Start<'a> {
        year: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        month: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        day: Option<String>,
        display_date: &'a str,
    }
    #[derive(Serialize)]
    struct Event<'a> {
        start_date: Start<'a>,
        text: Text<'a>,
        group: &'static str,
        unique_id: &'a str,
    }
    use io::Write as _;
    let mut out = io::BufWriter::with_capacity(super::export::STREAM_BUFFER, out);
    let (events, left_out) = timeline_json_events(briefing);
    let mut about = briefing.description.clone().unwrap_or_default();
    if left_out > 0 {
        if !about.is_empty() {
            about.push(' ');
        }
        about.push_str(&format!(
            "The {} events reported by the most sources; {left_out} more are on the briefing's timeline.",
            events.len()
        ));
    }
    let title = Text {
        headline: &briefing.title,
        text: about,
    };
    out.write_all(b"{\"title\": {\"text\": ")?;
    serde_json::to_writer(&mut out, &title)?;
    write!(out, "}},\n\"events_left_out\": {left_out},\n\"events\": [")?;
    let mut first = true;
    // Events come sorted: the date in words changes only where the date does.
    let mut label: Option<(&EventDate, String)> = None;
    for event in events {
        let Some(day) = event.date.first_day else {
            continue;
        };
        if label
            .as_ref()
            .is_none_or(|(d, _)| !same_label(d, &event.date))
        {
            label = Some((&event.date, date_label(&event.date)));
        }
        let display_date = label.as_ref().map_or("", |(_, l)| l.as_str());
        let (month, day_of_month) = match event.date.precision {
            Precision::Day => (Some(day.month()), Some(day.day())),
            Precision::Week | Precision::Month => (Some(day.month()), None),
            Precision::Year | Precision::Unknown => (None, None),
        };
        let mut text = String::new();
        escape(&event.summary, &mut text);
        text.push_str("<br>");
        cite_html(briefing, event, &mut text);
        let entry = Event {
            start_date: Start {
                year: day.year().to_string(),
                month: month.map(|m| m.to_string()),
                day: day_of_month.map(|d| d.to_string()),
                display_date,
            },
            text: Text {
                headline: headline(&event.summary),
                text,
            },
            group: status_label(event.status),
            unique_id: &event.id,
        };
        out.write_all(if first { b"\n" } else { b",\n" })?;
        first = false;
        serde_json::to_writer(&mut out, &entry)?;
    }
    out.write_all(b"\n]}\n")?;
    out.flush()
}

/// A short headline from a sentence: its first words.
fn headline(summary: &str) -> &str {
    const WORDS: usize = 12;
    match summary.match_indices(' ').nth(WORDS - 1) {
        Some((at, _)) => &summary[..at],
        None => summary,
    }
}

/// A status as a heading word.
fn status_label(status: Status) -> &'static str {
    match status {
        Status::Reported => "Reported",
        Status::Planned => "Planned",
        Status::Denied => "Denied",
    }
}

/// The overview's chart: dated events counted by day (a story of two months or less), by
/// month (up to five years) or by year, as an inline SVG for a page `to_root` below the
/// root, each bar linked to its first event; `None` without dated events.
pub fn chart(briefing: &Briefing, timeline: &Timeline, to_root: &str) -> Option<String> {
    let days: Vec<(NaiveDate, Precision, usize)> = briefing
        .events
        .iter()
        .enumerate()
        .filter_map(|(e, ev)| Some((ev.date.first_day?, ev.date.precision, e)))
        .filter(|(_, p, _)| *p != Precision::Unknown)
        .collect();
    // The story's own period: a month before the first publication date to a fortnight
    // after the last, so that one event years back does not flatten the rest.
    let window = match (briefing.stats.first_date, briefing.stats.last_date) {
        (Some(from), Some(to)) => (from - Duration::days(31), to + Duration::days(14)),
        _ => (NaiveDate::MIN, NaiveDate::MAX),
    };
    let inside = || {
        days.iter()
            .map(|d| d.0)
            .filter(|d| (window.0..=window.1).contains(d))
    };
    let first = inside().min().or_else(|| days.iter().map(|d| d.0).min())?;
    let last = inside().max().or_else(|| days.iter().map(|d| d.0).max())?;
    let span = (last - first).num_days();
    let (unit, rank) = if span <= 92 {
        (Precision::Day, 0)
    } else if span <= 5 * 366 {
        (Precision::Month, 2)
    } else {
        (Precision::Year, 3)
    };
    let bucket = |d: NaiveDate| match unit {
        Precision::Day => d,
        Precision::Month => d.with_day(1).unwrap_or(d),
        _ => NaiveDate::from_ymd_opt(d.year(), 1, 1).unwrap_or(d),
    };
    let coarse_rank = |p: Precision| match p {
        Precision::Day => 0,
        Precision::Week => 1,
        Precision::Month => 2,
        _ => 3,
    };
    let mut counts: BTreeMap<NaiveDate, (usize, usize)> = BTreeMap::new();
    let mut left_out = 0;
    let mut outside = 0;
    for &(day, precision, e) in &days {
        if coarse_rank(precision) > rank {
            left_out += 1;
            continue;
        }
        if bucket(day) < bucket(first) || bucket(day) > bucket(last) {
            outside += 1;
            continue;
        }
        let entry = counts.entry(bucket(day)).or_insert((0, e));
        entry.0 += 1;
    }
    let mut buckets = Vec::new();
    let mut at = bucket(first);
    while at <= bucket(last) {
        buckets.push(at);
        at = match unit {
            Precision::Day => at + Duration::days(1),
            Precision::Month => at.checked_add_months(chrono::Months::new(1))?,
            _ => NaiveDate::from_ymd_opt(at.year() + 1, 1, 1)?,
        };
    }
    let max = counts.values().map(|c| c.0).max().unwrap_or(0).max(1);
    let label = |d: NaiveDate| match unit {
        Precision::Day => d.format("%-d %b %Y").to_string(),
        Precision::Month => d.format("%B %Y").to_string(),
        _ => d.format("%Y").to_string(),
    };
    let (width, height, bar_gap) = (640.0_f64, 120.0_f64, 2.0_f64);
    let step = width / buckets.len() as f64;
    let total: usize = counts.values().map(|c| c.0).sum();
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg class=\"chart\" viewBox=\"0 0 {width} {}\" role=\"group\" aria-labelledby=\"chart-title\" xmlns=\"http://www.w3.org/2000/svg\">\
         <title id=\"chart-title\">{total} dated events from {} to {}, counted by {}</title>",
        height + 20.0,
        label(first),
        label(last),
        unit_word(unit),
    );
    for (i, day) in buckets.iter().enumerate() {
        let Some(&(count, e)) = counts.get(day) else {
            continue;
        };
        let h = (count as f64 / max as f64 * (height - 4.0)).max(2.0);
        let x = i as f64 * step + bar_gap / 2.0;
        let href = timeline.href(briefing, e, to_root);
        let mut title = String::new();
        escape(
            &format!(
                "{}: {count} event{}",
                label(*day),
                if count == 1 { "" } else { "s" }
            ),
            &mut title,
        );
        let _ = write!(
            svg,
            "<a href=\"{}\"><rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{h:.1}\"><title>{title}</title></rect></a>",
            href,
            height - h,
            (step - bar_gap).max(1.0),
        );
    }
    let _ = write!(
        svg,
        "<line x1=\"0\" y1=\"{height}\" x2=\"{width}\" y2=\"{height}\"/>\
         <text x=\"0\" y=\"{}\">{}</text><text x=\"{width}\" y=\"{}\" text-anchor=\"end\">{}</text></svg>",
        height + 16.0,
        label(first),
        height + 16.0,
        label(last),
    );
    if outside > 0 {
        let _ = write!(
            svg,
            "<p class=\"section-note\">{outside} event{} dated long before or after the sources were published {} not shown.</p>",
            if outside == 1 { "" } else { "s" },
            if outside == 1 { "is" } else { "are" },
        );
    }
    if left_out > 0 {
        let _ = write!(
            svg,
            "<p class=\"section-note\">{left_out} event{} dated only to a {} or a coarser period {} not counted here.</p>",
            if left_out == 1 { "" } else { "s" },
            match unit {
                Precision::Day => "week",
                _ => "year",
            },
            if left_out == 1 { "is" } else { "are" },
        );
    }
    Some(svg)
}

fn unit_word(unit: Precision) -> &'static str {
    match unit {
        Precision::Day => "day",
        Precision::Month => "month",
        _ => "year",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn markup(kind: TimexType, value: &str) -> (Option<String>, String) {
        let timex = Timex {
            start: 0,
            end: 1,
            kind,
            value: Some(value.to_string()),
        };
        let (datetime, title) = timex_markup(&timex);
        (datetime.map(str::to_string), title)
    }

    #[test]
    fn a_time_of_day_is_told_after_its_day() {
        assert_eq!(
            markup(TimexType::Time, "2025-11-21T15:00"),
            (
                Some("2025-11-21T15:00".into()),
                "Friday 21 November 2025, 15:00".into()
            )
        );
        assert_eq!(
            markup(TimexType::Time, "2025-11-21TNI"),
            (None, "Friday 21 November 2025, night".into())
        );
    }

    #[test]
    fn lengths_and_recurrences_are_told_in_words_without_a_datetime() {
        assert_eq!(
            markup(TimexType::Duration, "PXY"),
            (None, "A length of time: a few years".into())
        );
        assert_eq!(
            markup(TimexType::Duration, "PT2H"),
            (None, "A length of time: 2 hours".into())
        );
        assert_eq!(
            markup(TimexType::Set, "P1W"),
            (None, "Recurring: every week".into())
        );
        assert_eq!(
            markup(TimexType::Date, "2025-SU"),
            (None, "Summer 2025".into())
        );
    }
}
