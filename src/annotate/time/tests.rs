use super::*;
use TimexType::{Date, Duration, Set, Time};

/// One expected expression: its text, type and value.
type Want = (&'static str, TimexType, Option<&'static str>);

/// DCT 2025-11-26, a Wednesday in ISO week 48.
const WED: Option<&str> = Some("2025-11-26");
/// DCT 2025-11-25, a Tuesday.
const TUE: Option<&str> = Some("2025-11-25");
/// DCT 2025-11-23, a Sunday.
const SUN: Option<&str> = Some("2025-11-23");

/// Paragraphs (split at `¶`, tagged in order by one tagger), the DCT, and every
/// expression expected, in order. Values written by hand from the TimeML rules.
/// One row a line, so the table stays a table.
#[rustfmt::skip]
const ROWS: &[(&str, Option<&str>, &[Want])] = &[
    // Absolute dates.
    ("Talks were held in Geneva on November 23, 2025, officials said.", WED, &[("November 23, 2025", Date, Some("2025-11-23"))]),
    ("The deadline passed on Nov. 23, 2025.", WED, &[("Nov. 23, 2025", Date, Some("2025-11-23"))]),
    ("The summit took place on 23 November 2025 in Geneva.", WED, &[("23 November 2025", Date, Some("2025-11-23"))]),
    ("According to a report dated 2025-11-23, the talks stalled.", WED, &[("2025-11-23", Date, Some("2025-11-23"))]),
    ("Talks resumed on November 24.", WED, &[("November 24", Date, Some("2025-11-24"))]),
    ("The vote is set for Tues., Dec. 2.", WED, &[("Tues., Dec. 2", Date, Some("2025-12-02"))]),
    ("2022, the year of the invasion, changed Europe.", WED, &[("2022", Date, Some("2022"))]),
    ("Envoys met on Nov 23 in Geneva.", WED, &[("Nov 23", Date, Some("2025-11-23"))]),
    ("The plan was first shown on Nov. 19.", WED, &[("Nov. 19", Date, Some("2025-11-19"))]),
    ("The memo, sent on 23 Nov, was leaked.", WED, &[("23 Nov", Date, Some("2025-11-23"))]),
    ("The ceasefire began on Sept. 5.", WED, &[("Sept. 5", Date, Some("2025-09-05"))]),
    ("Ukraine submitted its response on November 23rd.", WED, &[("November 23rd", Date, Some("2025-11-23"))]),
    ("Delegations arrived on the 23rd of November.", WED, &[("the 23rd of November", Date, Some("2025-11-23"))]),
    ("The agreement was signed on Oct. 14, 2025.", None, &[("Oct. 14, 2025", Date, Some("2025-10-14"))]),
    ("Envoys met on Nov. 27 in Moscow.", None, &[("Nov. 27", Date, None)]),
    ("The report, published 11/20/2025, was cited.", WED, &[("11/20/2025", Date, Some("2025-11-20"))]),
    ("On Friday, Nov. 21, the White House presented the plan.", WED, &[("Friday, Nov. 21", Date, Some("2025-11-21"))]),
    // Months, years, decades.
    ("Russian forces advanced in October, the ministry said.", WED, &[("October", Date, Some("2025-10"))]),
    ("Casualties rose sharply in December, officials said.", WED, &[("December", Date, Some("2024-12"))]),
    ("Parliament will vote on the plan in March.", WED, &[("March", Date, Some("2026-03"))]),
    ("The talks are set to resume in January.", WED, &[("January", Date, Some("2026-01"))]),
    ("The offensive began in October 2024.", WED, &[("October 2024", Date, Some("2024-10"))]),
    ("Russia launched its full-scale invasion in February 2022.", WED, &[("February 2022", Date, Some("2022-02"))]),
    ("Fighting has continued since 2014.", WED, &[("2014", Date, Some("2014"))]),
    ("The war escalated in 2022.", None, &[("2022", Date, Some("2022"))]),
    ("Donbas has been contested between 2014 and 2022.", WED, &[("2014", Date, Some("2014")), ("2022", Date, Some("2022"))]),
    ("Officials called it 2025's most important meeting.", WED, &[("2025", Date, Some("2025"))]),
    ("Kyiv expects a settlement by late 2025.", WED, &[("late 2025", Date, Some("2025"))]),
    ("The sanctions were first imposed in mid-2022.", WED, &[("mid-2022", Date, Some("2022"))]),
    ("Early 2024 saw heavy fighting near Avdiivka.", WED, &[("Early 2024", Date, Some("2024"))]),
    ("The alliance expanded in the 1990s.", WED, &[("the 1990s", Date, Some("199"))]),
    ("Casualties rose this month, the ministry said.", WED, &[("this month", Date, Some("2025-11"))]),
    ("Exports fell last month.", WED, &[("last month", Date, Some("2025-10"))]),
    ("The ministry will publish figures next month.", WED, &[("next month", Date, Some("2025-12"))]),
    ("The economy shrank last year but will grow this year and next year.", WED, &[("last year", Date, Some("2024")), ("this year", Date, Some("2025")), ("next year", Date, Some("2026"))]),
    ("Earlier this month, envoys met in Riyadh.", WED, &[("Earlier this month", Date, Some("2025-11"))]),
    ("The report will be released later this month.", WED, &[("later this month", Date, Some("2025-11"))]),
    ("Earlier this year, Congress approved new aid.", WED, &[("Earlier this year", Date, Some("2025"))]),
    ("Talks are expected to resume in mid-November.", WED, &[("mid-November", Date, Some("2025-11"))]),
    // Seasons and quarters.
    ("A new offensive is expected this autumn.", WED, &[("this autumn", Date, Some("2025-FA"))]),
    ("Elections could be held this fall.", WED, &[("this fall", Date, Some("2025-FA"))]),
    ("The offensive stalled last summer.", WED, &[("last summer", Date, Some("2025-SU"))]),
    // A quote opening inside a passive does not make its participle a past: still to come.
    ("He told them the permits would be \"signed before the spring\".", WED, &[("the spring", Date, Some("2026-SP"))]),
    // A modal of what may come places a season in a reported clause; "could have" does not.
    ("Officials said a summit could follow before the summer.", WED, &[("the summer", Date, Some("2026-SU"))]),
    ("Aides said the deal could have been signed on Friday.", WED, &[("Friday", Date, Some("2025-11-21"))]),
    ("Officials hope to finish the work by next spring.", WED, &[("next spring", Date, Some("2026-SP"))]),
    ("The counteroffensive began in summer 2023.", WED, &[("summer 2023", Date, Some("2023-SU"))]),
    ("Growth slowed in the fourth quarter.", WED, &[("the fourth quarter", Date, Some("2025-Q4"))]),
    ("The company reported losses in Q3 2024.", WED, &[("Q3 2024", Date, Some("2024-Q3"))]),
    ("Output fell last quarter.", WED, &[("last quarter", Date, Some("2025-Q3"))]),
    // Weeks and weekends.
    ("Envoys are meeting in Geneva this week.", WED, &[("this week", Date, Some("2025-W48"))]),
    ("The plan was leaked last week.", WED, &[("last week", Date, Some("2025-W47"))]),
    ("Talks will continue next week.", WED, &[("next week", Date, Some("2025-W49"))]),
    ("Earlier this week, the Kremlin rejected the plan.", WED, &[("Earlier this week", Date, Some("2025-W48"))]),
    ("Envoys will meet again the following Monday, after talks on Nov. 26.", WED, &[("the following Monday", Date, Some("2025-12-01")), ("Nov. 26", Date, Some("2025-11-26"))]),
    ("The week of Nov. 17 brought heavy strikes.", WED, &[("The week of Nov. 17", Date, Some("2025-W47"))]),
    ("Officials met over the weekend.", WED, &[("the weekend", Date, Some("2025-W47-WE"))]),
    ("Talks will continue this weekend.", WED, &[("this weekend", Date, Some("2025-W48-WE"))]),
    // Relative days and anaphora.
    ("The foreign ministry said yesterday that talks had stalled.", WED, &[("yesterday", Date, Some("2025-11-25"))]),
    ("The envoy arrives in Moscow today.", WED, &[("today", Date, Some("2025-11-26"))]),
    ("The delegation will fly to Abu Dhabi tomorrow.", WED, &[("tomorrow", Date, Some("2025-11-27"))]),
    ("Zelensky will address the nation tonight.", WED, &[("tonight", Time, Some("2025-11-26TNI"))]),
    ("The drone attack happened three days ago.", WED, &[("three days ago", Date, Some("2025-11-23"))]),
    ("A new round of talks will start in two days.", WED, &[("two days", Date, Some("2025-11-28"))]),
    ("The pact expires in a year's time.", WED, &[("a year's time", Date, Some("2026"))]),
    // The tense before the day decides it over one after a comma.
    ("He confirmed that he will go to parliament on Tuesday, and said he was calm.", WED, &[("Tuesday", Date, Some("2025-12-02"))]),
    // A deadline is no day the text goes on from.
    ("Envoys met on Monday to save the deal before a December 5 deadline. In the morning they met the facilitator.", WED, &[("Monday", Date, Some("2025-11-24")), ("December 5", Date, Some("2025-12-05")), ("the morning", Time, Some("2025-11-24TMO"))]),
    ("Talks ran on Monday and must end by December 5. In the morning they met the facilitator.", WED, &[("Monday", Date, Some("2025-11-24")), ("December 5", Date, Some("2025-12-05")), ("the morning", Time, Some("2025-11-24TMO"))]),
    // A tense in a clause of its own after the day does not place it.
    ("Late on Monday the paper put online a draft that Guyana would accept.", WED, &[("Monday", Date, Some("2025-11-24"))]),
    ("Passengers were told at the gate on Tuesday that their flight would not leave.", WED, &[("Tuesday", Date, Some("2025-11-25"))]),
    ("They would file a motion on Friday if she had not stepped down.", WED, &[("Friday", Date, Some("2025-11-28"))]),
    // A span a superlative is measured over is no date ahead; a prospect still is.
    ("Shares fell 14 percent, their steepest one-day drop in six years.", WED, &[("one-day", Duration, Some("P1D")), ("six years", Duration, Some("P6Y"))]),
    ("Kyiv was calm for the first time in three weeks.", WED, &[("three weeks", Duration, Some("P3W"))]),
    ("The first round will be held in two days.", WED, &[("two days", Date, Some("2025-11-28"))]),
    ("Envoys met in Geneva on Nov. 23. The next day, they flew home.", WED, &[("Nov. 23", Date, Some("2025-11-23")), ("The next day", Date, Some("2025-11-24"))]),
    ("The plan was presented on Nov. 20. A day later, Kyiv responded.", WED, &[("Nov. 20", Date, Some("2025-11-20")), ("A day later", Date, Some("2025-11-21"))]),
    ("Talks ended on Nov. 24; the day before, drones struck Kyiv.", WED, &[("Nov. 24", Date, Some("2025-11-24")), ("the day before", Date, Some("2025-11-23"))]),
    ("Strikes hit Odesa on Nov. 22, three days earlier.", WED, &[("Nov. 22", Date, Some("2025-11-22")), ("three days earlier", Date, Some("2025-11-19"))]),
    ("On Nov. 20, the plan leaked, and the same day Kyiv objected.", WED, &[("Nov. 20", Date, Some("2025-11-20")), ("the same day", Date, Some("2025-11-20"))]),
    ("Talks began on Nov. 18 and continued the following day.", WED, &[("Nov. 18", Date, Some("2025-11-18")), ("the following day", Date, Some("2025-11-19"))]),
    ("Russia struck Kyiv on Nov. 25 after drones hit Belgorod the previous day.", WED, &[("Nov. 25", Date, Some("2025-11-25")), ("the previous day", Date, Some("2025-11-24"))]),
    ("On Nov. 21, Trump set a deadline; that day, Kyiv asked for time.", WED, &[("Nov. 21", Date, Some("2025-11-21")), ("that day", Date, Some("2025-11-21"))]),
    ("On Nov. 24 talks collapsed; drones had struck three days before.", WED, &[("Nov. 24", Date, Some("2025-11-24")), ("three days before", Date, Some("2025-11-21"))]),
    ("The talks started on Nov. 17. A week later, a draft emerged.", WED, &[("Nov. 17", Date, Some("2025-11-17")), ("A week later", Date, Some("2025-W48"))]),
    ("On Nov. 20, 2025, envoys met in Abu Dhabi.¶Two days later, they flew to Moscow, and later that week the Kremlin replied.", WED, &[("Nov. 20, 2025", Date, Some("2025-11-20")), ("Two days later", Date, Some("2025-11-22")), ("later that week", Date, Some("2025-W47"))]),
    ("On Nov. 20, 2025, envoys met in Abu Dhabi.¶Two days later they flew home; that week ended in deadlock.", None, &[("Nov. 20, 2025", Date, Some("2025-11-20")), ("Two days later", Date, Some("2025-11-22")), ("that week", Date, Some("2025-W47"))]),
    // Weekdays by tense, and with last / next / this.
    ("Officials met on Sunday in Geneva.", WED, &[("Sunday", Date, Some("2025-11-23"))]),
    ("Umerov said talks would continue on Thursday.", WED, &[("Thursday", Date, Some("2025-11-27"))]),
    ("The delegation flew to Geneva on Tuesday.", WED, &[("Tuesday", Date, Some("2025-11-25"))]),
    ("\u{201C}We met on Monday,\u{201D} he said.", TUE, &[("Monday", Date, Some("2025-11-24"))]),
    ("The meeting is on Thursday.", TUE, &[("Thursday", Date, Some("2025-11-27"))]),
    ("Officials met on Sunday in Geneva.", SUN, &[("Sunday", Date, Some("2025-11-23"))]),
    ("Talks will resume on Tuesday, the ministry said.", TUE, &[("Tuesday", Date, Some("2025-11-25"))]),
    ("The envoy left last Friday.", WED, &[("last Friday", Date, Some("2025-11-21"))]),
    ("He will return next Friday.", WED, &[("next Friday", Date, Some("2025-11-28"))]),
    ("The vote is this Friday.", WED, &[("this Friday", Date, Some("2025-11-28"))]),
    // Parts of the day.
    ("Strikes hit Kyiv on Sunday night.", WED, &[("Sunday night", Time, Some("2025-11-23TNI"))]),
    ("Envoys will meet Friday morning.", WED, &[("Friday morning", Time, Some("2025-11-28TMO"))]),
    ("Zelensky spoke to reporters this morning.", WED, &[("this morning", Time, Some("2025-11-26TMO"))]),
    ("The envoys met on Monday. By the evening they had a draft.", WED, &[("Monday", Date, Some("2025-11-24")), ("the evening", Time, Some("2025-11-24TEV"))]),
    ("Drones attacked Kyiv last night.", WED, &[("last night", Time, Some("2025-11-25TNI"))]),
    ("The envoys met yesterday afternoon.", WED, &[("yesterday afternoon", Time, Some("2025-11-25TAF"))]),
    // Holidays.
    ("Trump wants a deal by Thanksgiving.", WED, &[("Thanksgiving", Date, Some("2025-11-27"))]),
    ("Markets will close on Christmas Day.", WED, &[("Christmas Day", Date, Some("2025-12-25"))]),
    ("The truce held through New Year's Eve.", WED, &[("New Year's Eve", Date, Some("2024-12-31"))]),
    ("Church services were held at Easter.", WED, &[("Easter", Date, Some("2025-04-20"))]),
    ("Celebrations on Halloween were muted.", WED, &[("Halloween", Date, Some("2025-10-31"))]),
    ("Talks will resume after Christmas.", None, &[("Christmas", Date, None)]),
    ("Kyiv will send a new team after New Year\u{2019}s Day.", WED, &[("New Year\u{2019}s Day", Date, Some("2026-01-01"))]),
    ("Zelensky will speak at noon on Friday.", WED, &[("noon on Friday", Time, Some("2025-11-28T12:00"))]),
    // Vague references.
    ("Russia has recently stepped up attacks.", WED, &[("recently", Date, Some("PAST_REF"))]),
    ("Attacks have intensified in recent weeks.", WED, &[("recent weeks", Date, Some("PAST_REF"))]),
    ("The front line is now quiet, and fighting is currently limited.", WED, &[("now", Date, Some("PRESENT_REF")), ("currently", Date, Some("PRESENT_REF"))]),
    ("Talks will resume soon, and an upcoming summit may settle it.", WED, &[("soon", Date, Some("FUTURE_REF")), ("upcoming", Date, Some("FUTURE_REF"))]),
    ("More aid is expected in the coming weeks.", WED, &[("the coming weeks", Date, Some("FUTURE_REF"))]),
    ("Such deals failed in the past.", WED, &[("the past", Date, Some("PAST_REF"))]),
    ("A deal is unlikely in the near future.", WED, &[("the near future", Date, Some("FUTURE_REF"))]),
    ("At present, no talks are planned.", WED, &[("present", Date, Some("PRESENT_REF"))]),
    ("Fighting has recently intensified.", None, &[("recently", Date, Some("PAST_REF"))]),
    // Durations.
    ("The siege lasted three days.", WED, &[("three days", Duration, Some("P3D"))]),
    ("Talks were suspended for two weeks.", WED, &[("two weeks", Duration, Some("P2W"))]),
    ("The war has lasted nearly four years.", WED, &[("nearly four years", Duration, Some("P4Y"))]),
    ("The nearly four-year conflict has killed thousands.", WED, &[("nearly four-year", Duration, Some("P4Y"))]),
    ("It was a four-year war.", WED, &[("four-year", Duration, Some("P4Y"))]),
    ("After a two-and-a-half-hour meeting, they left.", WED, &[("two-and-a-half-hour", Duration, Some("PT2.5H"))]),
    ("The two leaders held a 90-minute call.", WED, &[("90-minute", Duration, Some("PT90M"))]),
    ("They talked for an hour.", WED, &[("an hour", Duration, Some("PT1H"))]),
    ("The sanctions will stay for a year.", WED, &[("a year", Duration, Some("P1Y"))]),
    ("The ceasefire lasted three months.", WED, &[("three months", Duration, Some("P3M"))]),
    ("The conflict has simmered for decades.", WED, &[("decades", Duration, Some("PXDE"))]),
    ("Negotiations dragged on for several weeks.", WED, &[("several weeks", Duration, Some("PXW"))]),
    ("The strikes continued for 24 hours.", WED, &[("24 hours", Duration, Some("PT24H"))]),
    ("Peace took a decade to build, and a century to forget.", WED, &[("a decade", Duration, Some("P10Y")), ("a century", Duration, Some("P100Y"))]),
    ("The truce lasted a couple of days.", WED, &[("a couple of days", Duration, Some("P2D"))]),
    ("Talks have stalled over the past two weeks.", WED, &[("the past two weeks", Duration, Some("P2W"))]),
    ("The war has lasted nearly four years.", None, &[("nearly four years", Duration, Some("P4Y"))]),
    // Sets.
    ("The two sides will meet every week.", WED, &[("every week", Set, Some("P1W"))]),
    ("The ministry publishes casualty figures daily.", WED, &[("daily", Set, Some("P1D"))]),
    ("Inspectors visit the plant monthly.", WED, &[("monthly", Set, Some("P1M"))]),
    ("The report is updated annually.", WED, &[("annually", Set, Some("P1Y"))]),
    ("Air raid alerts sound every day in Kharkiv.", WED, &[("every day", Set, Some("P1D"))]),
    ("Officials meet every Monday.", WED, &[("every Monday", Set, Some("XXXX-WXX-1"))]),
    ("Monitors report twice a week and publish every two weeks.", WED, &[("twice a week", Set, Some("P1W")), ("every two weeks", Set, Some("P2W"))]),
    // Times of day.
    ("The meeting began at 3 p.m.", WED, &[("3 p.m.", Time, Some("2025-11-26T15:00"))]),
    ("The talks will start at 15:00.", WED, &[("15:00", Time, Some("2025-11-26T15:00"))]),
    ("Envoys will meet at 3pm on Friday.", WED, &[("3pm on Friday", Time, Some("2025-11-28T15:00"))]),
    ("Strikes began on Nov. 22. Sirens sounded at 3 a.m.", WED, &[("Nov. 22", Date, Some("2025-11-22")), ("3 a.m.", Time, Some("2025-11-22T03:00"))]),
    ("The meeting began at 3 p.m.", None, &[("3 p.m.", Time, None)]),
    // Undated sources.
    ("Envoys met yesterday and will meet again next week.", None, &[("yesterday", Date, None), ("next week", Date, None)]),
    ("Officials met on Sunday.", None, &[("Sunday", Date, None)]),
    ("The invasion began in February 2022 and the plan was dated 2025-11-30.", None, &[("February 2022", Date, Some("2022-02")), ("2025-11-30", Date, Some("2025-11-30"))]),
    // Negative cases: no expression.
    ("Talks may resume if Russia agrees.", WED, &[]),
    ("Protesters march through Kyiv.", WED, &[]),
    ("March organisers said protesters gathered.", WED, &[]),
    ("The 28-point plan was criticised.", WED, &[]),
    ("Article 5 of the NATO treaty applies.", WED, &[]),
    ("Russia massed 1,500 troops near the border.", WED, &[]),
    ("The Sunday Times reported the leak.", WED, &[]),
    ("It was a second round of talks.", WED, &[]),
    ("Russia deployed 2025 troops to the area.", WED, &[]),
    ("", WED, &[]),
    ("... !!! --- ???", WED, &[]),
    ("The plan has 12 points and 300,000 troops would be capped, a 10 percent cut.", WED, &[]),
    ("Theresa May said the plan was flawed.", WED, &[]),
    ("A minute's silence was held.", WED, &[]),
    ("The late president's legacy endures.", WED, &[]),
    ("After the fall of Bakhmut, troops regrouped.", WED, &[]),
    ("The Sun reported that the couple will wed in Kyiv.", WED, &[]),
    ("Officials met April Ryan and June Carter.", WED, &[]),
    ("The deal came together at the last minute.", WED, &[]),
    ("Weeks later, the talks resumed.", WED, &[]),
];

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test dates are valid")
}

/// What the tagger finds in a row: (span text, type, value).
fn run(text: &str, dct: Option<&str>) -> Vec<(String, TimexType, Option<String>)> {
    let mut tagger = Tagger::new(dct.map(date));
    let mut got = Vec::new();
    for para in text.split('\u{b6}') {
        for t in tagger.tag(para) {
            got.push((para[t.start..t.end].to_string(), t.kind, t.value));
        }
    }
    got
}

#[test]
fn table() {
    assert!(ROWS.len() >= 90, "{} rows", ROWS.len());
    let mut failures = String::new();
    let mut failed = 0;
    for (n, (text, dct, want)) in ROWS.iter().enumerate() {
        let got = run(text, *dct);
        let expected: Vec<(String, TimexType, Option<String>)> = want
            .iter()
            .map(|(s, k, v)| (s.to_string(), *k, v.map(str::to_string)))
            .collect();
        if got != expected {
            failed += 1;
            failures.push_str(&format!(
                "\n#{n:<3} {text:?} (DCT {})\n     want {expected:?}\n     got  {got:?}",
                dct.unwrap_or("none")
            ));
        }
    }
    assert!(
        failed == 0,
        "{failed} of {} rows failed:{failures}",
        ROWS.len()
    );
}

#[test]
fn offsets_are_bytes_after_multibyte_text() {
    let text =
        "\u{dc}ber caf\u{e9} \u{2014} on Friday, officials met \u{201C}late\u{201D} at 3\u{a0}p.m.";
    let mut tagger = Tagger::new(Some(date("2025-11-26")));
    let found = tagger.tag(text);
    assert_eq!(found.len(), 2, "{found:?}");
    let friday = text.find("Friday").expect("in text");
    assert_eq!(
        (found[0].start, found[0].end),
        (friday, friday + "Friday".len())
    );
    assert_eq!(found[0].value.as_deref(), Some("2025-11-21"));
    assert_eq!(&text[found[1].start..found[1].end], "3\u{a0}p.m.");
    assert_eq!(found[1].value.as_deref(), Some("2025-11-21T15:00"));
}

#[test]
fn the_anchor_carries_across_paragraphs_and_sources_do_not_share_it() {
    let mut tagger = Tagger::new(None);
    tagger.tag("The memo is dated Oct. 14, 2025.");
    let next = tagger.tag("The next day, Kyiv replied.");
    assert_eq!(next[0].value.as_deref(), Some("2025-10-15"));
    let mut fresh = Tagger::new(None);
    assert_eq!(fresh.tag("The next day, Kyiv replied.")[0].value, None);
}

#[test]
fn a_live_page_stamp_is_on_the_page_s_day_whatever_day_was_told_before() {
    let mut tagger = Tagger::new(Some(date("2027-05-25")));
    tagger.tag(
        "11:15 — An MP asks why the company waited until 24 May to act, and who knew on 14 May.",
    );
    // Not a stamp: a time told in a sentence is on the day told before.
    let told = tagger.tag("The plant's alarm sounded at 12:02 that day.");
    assert_eq!(told[0].value.as_deref(), Some("2027-05-14T12:02"));
    let stamp = tagger.tag("12:02 — The mayor tells the committee the alert went out late.");
    assert_eq!(stamp[0].value.as_deref(), Some("2027-05-25T12:02"));
}

/// A deterministic generator of noisy text: words, numbers, punctuation, multi-byte
/// and control characters, and raw bytes made valid UTF-8.
struct Noise(u64);

impl Noise {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    fn text(&mut self) -> String {
        const PIECES: &[&str] = &[
            "Friday",
            "Fri",
            "Nov",
            "May",
            "March",
            "the",
            "next",
            "day",
            "days",
            "two",
            "and",
            "a",
            "half",
            "hour",
            "ago",
            "later",
            "earlier",
            "in",
            "on",
            "at",
            "mid",
            "late",
            "Q4",
            "1990s",
            "2025",
            "23",
            "3",
            "15",
            "00",
            "1,500",
            "p",
            "m",
            "pm",
            "that",
            "week",
            "this",
            "last",
            "every",
            "New",
            "Year",
            "Christmas",
            "Eve",
            "recent",
            "the past",
            "now",
            "soon",
            "of",
            "\u{e9}",
            "\u{dc}ber",
            "\u{2014}",
            "\u{201C}",
            "\u{2019}",
            "'",
            "s",
            ".",
            ",",
            "-",
            ":",
            "/",
            "!",
            "?",
            ";",
            " ",
            " ",
            " ",
            "\n",
            "\t",
            "\u{0}",
            "\u{7}",
            "\u{a0}",
            "\u{1F600}",
            "\u{301}",
            "\u{200B}",
            "\u{660}",
            "\u{ff11}",
            "Sunday",
            "night",
            "morning",
            "Times",
            "four-year",
            "nearly",
            "Thanksgiving",
            "Easter",
            "2025-11-23",
            "99999999999",
        ];
        let mut s = String::new();
        let n = self.next() % 40;
        for _ in 0..n {
            if self.next().is_multiple_of(13) {
                let bytes: Vec<u8> = (0..self.next() % 6).map(|_| self.next() as u8).collect();
                s.push_str(&String::from_utf8_lossy(&bytes));
            } else {
                s.push_str(PIECES[(self.next() as usize) % PIECES.len()]);
                if !self.next().is_multiple_of(3) {
                    s.push(' ');
                }
            }
        }
        s
    }
}

fn check(text: &str, found: &[Timex]) {
    let mut last_end = 0;
    for t in found {
        assert!(
            t.start < t.end && t.end <= text.len(),
            "{t:?} out of bounds in {text:?}"
        );
        assert!(
            text.is_char_boundary(t.start) && text.is_char_boundary(t.end),
            "{t:?} not on char boundaries in {text:?}"
        );
        assert!(t.start >= last_end, "{t:?} overlaps in {text:?}");
        last_end = t.end;
    }
}

#[test]
fn noise_never_panics_and_offsets_stay_in_bounds() {
    let mut noise = Noise(0x5eed);
    for round in 0..4000 {
        let dct = match round % 3 {
            0 => None,
            1 => Some(date("2025-11-26")),
            _ => Some(date("2024-02-29")),
        };
        let mut tagger = Tagger::new(dct);
        for _ in 0..3 {
            let text = noise.text();
            let found = tagger.tag(&text);
            check(&text, &found);
        }
    }
    let huge = "on Friday, 3 days later \u{2014} Nov. 23, 2025; ".repeat(20_000);
    let found = Tagger::new(Some(date("2025-11-26"))).tag(&huge);
    check(&huge, &found);
    assert_eq!(found.len(), 60_000);
}
