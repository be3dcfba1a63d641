//! Hedges: the words that mark a report as second-hand or unconfirmed ("reportedly", "is
//! said to", "people familiar with", "a source").

use super::Lower;
use super::speakers::GROUPS;

/// Words that mark a report as hedged.
const HEDGES: &[&str] = &[
    "reportedly",
    "allegedly",
    "purportedly",
    "apparently",
    "unverified",
    "unconfirmed",
    "rumoured",
    "rumored",
    "supposedly",
    "ostensibly",
];

/// Whether the sentence, as its lower-case words `lower`, hedges what it reports: a hedging
/// word, "is said to", an unnamed source or a group of people familiar with the matter.
pub(super) fn hedged(lower: &[Lower<'_>]) -> bool {
    lower.iter().any(|w| HEDGES.contains(&w.as_ref()))
        || lower.windows(3).any(|w| {
            w[1] == "said" && w[2] == "to" && matches!(w[0].as_ref(), "is" | "was" | "are" | "were")
        })
        || lower
            .windows(2)
            .any(|w| w[0] == "people" && w[1] == "familiar")
        || lower
            .windows(2)
            .any(|w| w[0] == "sources" && matches!(w[1].as_ref(), "said" | "say"))
        || lower.windows(2).any(|w| {
            GROUPS.contains(&w[0].as_ref())
                && matches!(w[1].as_ref(), "familiar" | "briefed" | "close")
        })
        || unnamed_one(lower)
}

/// Whether the sentence's speaker is one person or a few, unnamed: "a source", "a senior
/// official", "two diplomats", "one of the aides".
fn unnamed_one(lower: &[Lower<'_>]) -> bool {
    lower.windows(3).any(|w| {
        let counted = matches!(
            w[0].as_ref(),
            "a" | "an" | "one" | "another" | "two" | "three" | "several" | "multiple"
        );
        let who = |x: &Lower<'_>| {
            matches!(
                x.as_ref(),
                "source"
                    | "sources"
                    | "official"
                    | "officials"
                    | "diplomat"
                    | "diplomats"
                    | "insider"
                    | "insiders"
                    | "people"
                    | "person"
            )
        };
        counted && (who(&w[1]) || who(&w[2]))
    })
}
