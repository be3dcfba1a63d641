//! Claims of whole sentences: speakers, cues, what was said, hedges and denials.

use super::*;

/// Claims of `text` as (speaker as written, cue, content, hedged); names are the
/// capitalised runs listed in `names`.
fn claims(text: &str, names: &[&str]) -> Vec<(String, String, String, bool)> {
    let mut mentions: Vec<Range<usize>> = names
        .iter()
        .map(|n| {
            let s = text.find(n).unwrap();
            s..s + n.len()
        })
        .collect();
    mentions.sort_by_key(|m| m.start);
    claims_in(text, 0..text.len(), &mentions)
        .into_iter()
        .map(|c| {
            let speaker = match &c.speaker {
                Speaker::Mention(m) => text[mentions[*m].clone()].to_string(),
                Speaker::Pronoun(r) => text[r.clone()].to_lowercase(),
                Speaker::Phrase(r) => text[r.clone()].to_string(),
                Speaker::Reference(r) => format!("({})", &text[r.clone()]),
            };
            let content = match c.more {
                Some(more) => format!("{} … {}", &text[c.content], &text[more]),
                None => text[c.content].to_string(),
            };
            (speaker, text[c.cue].to_string(), content, c.hedged)
        })
        .collect()
}

fn one(
    speaker: &str,
    cue: &str,
    content: &str,
    hedged: bool,
) -> Vec<(String, String, String, bool)> {
    vec![(speaker.into(), cue.into(), content.into(), hedged)]
}

#[test]
fn an_unnamed_source_speaks_as_written_and_hedged() {
    for (text, speaker, cue, content) in [
        (
            "Two people familiar with the situation said the minister would resign.",
            "Two people familiar with the situation",
            "said",
            "the minister would resign",
        ),
        (
            "A senior official told the agency that the talks had stalled.",
            "A senior official",
            "told",
            "the talks had stalled",
        ),
        (
            "The talks had stalled, according to multiple sources familiar with the matter.",
            "multiple sources familiar with the matter",
            "according to",
            "The talks had stalled",
        ),
        (
            "A source said the deal was off.",
            "A source",
            "said",
            "the deal was off",
        ),
        (
            "People close to him said he had no intention of resigning.",
            "People close to him",
            "said",
            "he had no intention of resigning",
        ),
    ] {
        assert_eq!(
            claims(text, &[]),
            one(speaker, cue, content, true),
            "{text}"
        );
    }
}

#[test]
fn cues_beyond_said() {
    for (text, cue, content) in [
        (
            "Kristen Michal called for sanctions on the ship's owners.",
            "called for",
            "sanctions on the ship's owners",
        ),
        (
            "Kristen Michal ruled out talks with the shipowner.",
            "ruled out",
            "talks with the shipowner",
        ),
        (
            "Kristen Michal accused the crew of lying to investigators.",
            "accused",
            "the crew of lying to investigators",
        ),
        (
            "Kristen Michal pointed out that the cable had been damaged twice.",
            "pointed out",
            "the cable had been damaged twice",
        ),
    ] {
        let found = claims(text, &["Kristen Michal"]);
        assert_eq!(found, one("Kristen Michal", cue, content, false), "{text}");
    }
    // "respond" without what was said is no claim.
    assert!(
        claims(
            "Utilities are watching how Kristen Michal will respond.",
            &["Kristen Michal"]
        )
        .is_empty()
    );
}

#[test]
fn indirect_speech_with_a_that_clause() {
    assert_eq!(
        claims(
            "Marta Kivi said that the draft had been cut to 19 points.",
            &["Marta Kivi"]
        ),
        one(
            "Marta Kivi",
            "said",
            "the draft had been cut to 19 points",
            false
        )
    );
}

#[test]
fn a_verb_after_a_modal_reports_nothing_said() {
    for text in [
        "Estonia would write into law that it will stay outside the alliance.",
        "Kivi may argue that the port must stay closed.",
        "Kivi will not say whether the port reopens.",
    ] {
        let names: Vec<&str> = ["Estonia", "Kivi"]
            .into_iter()
            .filter(|n| text.contains(n))
            .collect();
        assert_eq!(claims(text, &names), [], "{text}");
    }
    assert_eq!(
        claims(
            "Kivi would later say that the port had been closed too soon.",
            &["Kivi"]
        ),
        one("Kivi", "say", "the port had been closed too soon", false)
    );
    assert_eq!(
        claims(
            "Estonia would, according to Kivi, close the port.",
            &["Estonia", "Kivi"]
        )
        .len(),
        1
    );
}

#[test]
fn an_attribution_ending_with_a_colon_introduces_the_next_block() {
    let text = "In a statement after the talks, Kivi wrote:";
    let mentions: Vec<Range<usize>> = text
        .match_indices("Kivi")
        .map(|(at, name)| at..at + name.len())
        .collect();
    let found = claims_in(text, 0..text.len(), &mentions);
    assert_eq!(found.len(), 1);
    assert!(found[0].follows);
    assert!(found[0].content.is_empty());
    assert_eq!(&text[found[0].cue.clone()], "wrote");
    // A colon inside the sentence is followed by what was said.
    assert_eq!(
        claims("Kivi wrote: the port stays closed.", &["Kivi"]),
        one("Kivi", "wrote", "the port stays closed", false)
    );
}

#[test]
fn a_quote_before_the_attribution() {
    assert_eq!(
        claims(
            "\"We will not accept this,\" Kivi said on Tuesday.",
            &["Kivi"]
        ),
        one("Kivi", "said", "We will not accept this", false)
    );
    assert_eq!(
        claims(
            "\"We will not accept this,\" said Kremlin spokesman Lauri Kask.",
            &["Kremlin", "Lauri Kask"]
        ),
        one("Lauri Kask", "said", "We will not accept this", false)
    );
}

#[test]
fn a_second_hand_report_is_the_named_speakers_claim() {
    assert_eq!(
        claims(
            "Lauri Kask is said to have told the meeting that the front line would hold.",
            &["Lauri Kask"]
        ),
        one("Lauri Kask", "told", "the front line would hold", true)
    );
    assert_eq!(
        claims(
            "Kivi was quoted as saying that the talks went well.",
            &["Kivi"]
        ),
        one("Kivi", "saying", "the talks went well", false)
    );
    // What others say about Kivi is not Kivi's claim.
    assert_eq!(claims("Kivi is said to be ill.", &["Kivi"]), []);
    assert_eq!(claims("Kivi is said to", &["Kivi"]), []);
}

#[test]
fn an_attribution_set_off_by_commas_splits_what_was_said() {
    assert_eq!(
        claims(
            "Kivi's office, he added, was \"playing for time.\"",
            &["Kivi"]
        ),
        one(
            "he",
            "added",
            "Kivi's office … was \"playing for time.\"",
            false
        )
    );
    // A name after the cue is no such attribution: "…, said Kask, …".
    let found = claims(
        "The plan is dead, said Kask, and talks would go on.",
        &["Kask"],
    );
    assert!(!found[0].2.contains('…'), "{found:?}");
}

#[test]
fn an_organization_speaks_through_its_statement_or_spokesman() {
    assert_eq!(
        claims(
            "A Kremlin statement said the talks had failed.",
            &["Kremlin"]
        ),
        one("Kremlin", "said", "the talks had failed", false)
    );
    assert_eq!(
        claims(
            "A White House spokeswoman said the call went well.",
            &["White House"]
        ),
        one("White House", "said", "the call went well", false)
    );
    assert_eq!(
        claims(
            "A Kremlin statement issued late on Friday, November 21, said the talks had failed.",
            &["Kremlin"]
        ),
        one("Kremlin", "said", "the talks had failed", false)
    );
    // A statement no one is named for is no one's claim.
    assert_eq!(claims("The statement said the talks had failed.", &[]), []);
}

#[test]
fn nothing_said_is_no_claim() {
    let found = claims(
        "According to the ministry reportedly Kivi suggested that the talks failed.",
        &["Kivi"],
    );
    assert!(found.iter().all(|c| !c.2.is_empty()), "{found:?}");
}

#[test]
fn a_quote_after_the_attribution() {
    assert_eq!(
        claims("Kivi told reporters: \"The plan is dead.\"", &["Kivi"]),
        one("Kivi", "told", "The plan is dead", false)
    );
}

#[test]
fn a_second_claim_ends_the_first_at_its_speaker() {
    let found = claims(
        "Kivi said the talks had been \"useful,\" and he insisted that the draft stood.",
        &["Kivi"],
    );
    assert_eq!(
        found,
        vec![
            (
                "Kivi".into(),
                "said".into(),
                "the talks had been \"useful,\"".into(),
                false
            ),
            (
                "he".into(),
                "insisted".into(),
                "the draft stood".into(),
                false
            ),
        ]
    );
}

#[test]
fn what_a_source_reports_may_be_a_claim_of_its_own() {
    let found = claims(
        "According to Reuters, Kivi said that the talks failed.",
        &["Reuters", "Kivi"],
    );
    assert_eq!(
        found,
        vec![
            (
                "Reuters".into(),
                "According to".into(),
                "Kivi said that the talks failed".into(),
                false
            ),
            (
                "Kivi".into(),
                "said".into(),
                "the talks failed".into(),
                false
            ),
        ]
    );
}

#[test]
fn who_was_told_is_not_what_was_said() {
    let cases: [(&str, &[&str], &str); 8] = [
        (
            "Stubb recently told reporters the inquiry would take months.",
            &["Stubb"],
            "the inquiry would take months",
        ),
        (
            "Kivi told reporters after the opening session that the talks were useful.",
            &["Kivi"],
            "the talks were useful",
        ),
        (
            "Kivi told lawmakers he would not sign.",
            &["Kivi"],
            "he would not sign",
        ),
        (
            "Kivi told Stubb the deal was close.",
            &["Kivi", "Stubb"],
            "the deal was close",
        ),
        (
            "Kivi told her aides the plan was dead.",
            &["Kivi"],
            "the plan was dead",
        ),
        (
            "Kivi told European leaders the plan was dead.",
            &["Kivi"],
            "the plan was dead",
        ),
        (
            "Kivi told her the plan was dead.",
            &["Kivi"],
            "the plan was dead",
        ),
        // Only verbs of telling have someone told: after "said", the words are what
        // was said.
        (
            "Kivi said reporters had misread the plan.",
            &["Kivi"],
            "reporters had misread the plan",
        ),
    ];
    for (text, names, said) in cases {
        let found = claims(text, names);
        assert_eq!(found.first().map(|c| c.2.as_str()), Some(said), "{text}");
    }
}

#[test]
fn a_split_quote() {
    assert_eq!(
        claims(
            "\"The text is shorter,\" Kivi said, \"but not softer.\"",
            &["Kivi"]
        ),
        one(
            "Kivi",
            "said",
            "The text is shorter … but not softer",
            false
        )
    );
}

#[test]
fn according_to_names_the_speaker() {
    assert_eq!(
        claims(
            "According to Lauri Kask, the talks will resume in Geneva.",
            &["Lauri Kask", "Geneva"]
        ),
        one(
            "Lauri Kask",
            "According to",
            "the talks will resume in Geneva",
            false
        )
    );
    assert_eq!(
        claims(
            "The talks will resume, according to people familiar with the plan.",
            &[]
        ),
        one(
            "people familiar with the plan",
            "according to",
            "The talks will resume",
            true
        )
    );
}

#[test]
fn a_document_is_where_a_claim_is_written_not_who_makes_it() {
    assert_eq!(
        claims(
            "The port will close for six weeks, according to a transcript of the meeting.",
            &[]
        ),
        Vec::new()
    );
    assert_eq!(
        claims(
            "The repairs will cost four million euros, according to a report by the harbour authority.",
            &[]
        ),
        one(
            "the harbour authority",
            "according to",
            "The repairs will cost four million euros",
            false
        )
    );
    assert_eq!(
        claims(
            "Tolls will rise in May, according to a statement from the Kremlin.",
            &["Kremlin"]
        ),
        one("Kremlin", "according to", "Tolls will rise in May", false)
    );
}

#[test]
fn a_second_cue_shares_the_speaker() {
    let found = claims(
        "Foreign Minister Ilmar Tamm said Tallinn had not received any document and warned that the plan would fail, while insisting on talks.",
        &["Ilmar Tamm", "Tallinn"],
    );
    let who: Vec<(&str, &str)> = found.iter().map(|c| (c.0.as_str(), c.1.as_str())).collect();
    assert_eq!(
        who,
        [
            ("Ilmar Tamm", "said"),
            ("Ilmar Tamm", "warned"),
            ("Ilmar Tamm", "insisting")
        ]
    );
    assert_eq!(found[0].2, "Tallinn had not received any document");
    assert_eq!(found[1].2, "the plan would fail");
}

#[test]
fn a_proposed_action_is_no_claim() {
    let found = claims(
        "Kask suggested that concessions were needed, but recommended reframing the talks.",
        &["Kask"],
    );
    assert_eq!(
        found,
        one("Kask", "suggested", "concessions were needed", false)
    );
    assert_eq!(claims("Tamm urged delaying the vote.", &["Tamm"]), []);
    assert_eq!(
        claims("Tamm suggested nothing had changed.", &["Tamm"]),
        one("Tamm", "suggested", "nothing had changed", false)
    );
}

#[test]
fn who_was_advised_is_not_what_was_advised() {
    assert_eq!(
        claims(
            "Tamm advised Kristen Michal, the prime minister, to keep the port closed.",
            &["Tamm", "Kristen Michal"]
        ),
        one("Tamm", "advised", "to keep the port closed", false)
    );
    assert_eq!(
        claims(
            "He also advised Michal on how to raise the subject with Stubb.",
            &["Michal", "Stubb"]
        ),
        one(
            "he",
            "advised",
            "on how to raise the subject with Stubb",
            false
        )
    );
}

#[test]
fn a_pronoun_speaker_is_kept_for_resolving() {
    assert_eq!(
        claims(
            "He also advised Kask on how to raise the subject.",
            &["Kask"]
        ),
        one("he", "advised", "on how to raise the subject", false)
    );
}

#[test]
fn hedges_are_marked() {
    assert_eq!(
        claims(
            "In a recent call, Kivi reportedly stated that the plan could work.",
            &["Kivi"]
        ),
        one("Kivi", "stated", "the plan could work", true)
    );
}

#[test]
fn a_negated_cue_and_a_denial_are_claims() {
    assert_eq!(
        claims(
            "However, the Kremlin maintains it has not discussed the proposal.",
            &["Kremlin"]
        ),
        one(
            "Kremlin",
            "maintains",
            "it has not discussed the proposal",
            false
        )
    );
    assert_eq!(
        claims(
            "The Kremlin denied that any such call took place.",
            &["Kremlin"]
        ),
        one("Kremlin", "denied", "any such call took place", false)
    );
}

#[test]
fn an_unnamed_group_speaks() {
    assert_eq!(
        claims(
            "Ukrainian officials have insisted they will not recognize the annexation.",
            &[]
        ),
        one(
            "Ukrainian officials",
            "insisted",
            "they will not recognize the annexation",
            false
        )
    );
}

#[test]
fn an_appositive_between_speaker_and_cue() {
    assert_eq!(
        claims(
            "Lauri Kask, the inquiry's chief, said the ship was Russian.",
            &["Lauri Kask"]
        ),
        one("Lauri Kask", "said", "the ship was Russian", false)
    );
}

#[test]
fn denials_are_told_by_cue_or_by_saying_it_did_not_happen() {
    assert!(is_denial(
        "maintains",
        "it has not discussed the proposal in detail with Washington"
    ));
    assert!(is_denial("denied", "a meeting took place"));
    assert!(is_denial("rejected", "the counterproposal"));
    assert!(!is_denial("said", "the talks went well"));
    // Negations that deny nothing.
    assert!(!is_denial("said", "Moscow won't sign"));
    assert!(!is_denial("said", "no date had been set"));
    assert!(!is_denial(
        "said",
        "the revised text no longer demanded a full withdrawal"
    ));
    // A "not" that contrasts denies nothing.
    assert!(!is_denial(
        "insisted",
        "the draft remained \"a working text, not an ultimatum.\""
    ));
    assert!(!is_denial(
        "told",
        "Europe had to be at the table, not on the menu"
    ));
}

#[test]
fn nouns_that_look_like_cues_are_not() {
    assert!(
        claims(
            "The United States sent a note to the post office.",
            &["United States"]
        )
        .is_empty()
    );
    // A name after a verb is its object, not its speaker.
    assert!(
        claims(
            "The recording adds weight to concerns about the Tamm cabinet.",
            &["Tamm cabinet"]
        )
        .is_empty()
    );
}

#[test]
fn a_description_before_the_cue_is_a_reference_to_resolve() {
    for (text, speaker) in [
        (
            "The federation said on Tuesday that the recording was cut.",
            "(The federation)",
        ),
        (
            "The health ministry said it had acted within hours.",
            "(The health ministry)",
        ),
        (
            "Later the prosecutor's office confirmed that a search had taken place.",
            "(the prosecutor's office)",
        ),
        (
            "Guyana's foreign minister denied on Tuesday that any territory had been ceded.",
            "(Guyana's foreign minister)",
        ),
    ] {
        let found = claims(text, &[]);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        assert_eq!(found[0].0, speaker, "{text}");
    }
    // The word before the cue must be the description's noun.
    assert!(claims("It was cut from the tape and said nothing.", &[]).is_empty());
}

#[test]
fn a_description_gives_way_to_the_speaker_of_the_claim_it_is_joined_to() {
    let found = claims(
        "Peskov denied that Russia had seen the document and said the Kremlin learned of it from the press.",
        &["Peskov", "Russia", "Kremlin"],
    );
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[1].0, "Peskov");
    assert_eq!(found[1].1, "said");
}

#[test]
fn disputing_is_reporting_a_disputed_thing_is_not() {
    let found = claims("She did not dispute that the document was genuine.", &[]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        (found[0].0.as_str(), found[0].1.as_str()),
        ("she", "dispute")
    );
    assert_eq!(found[0].2, "the document was genuine");
    assert!(claims("Talks resumed on the disputed oil block in the delta.", &[]).is_empty());
}
