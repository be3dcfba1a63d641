//! Names in one paragraph: where they are, what they may be, and the roles written next to
//! them. What each name refers to across the corpus is decided later ([`super::resolve`]).
//!
//! A name is either a known phrase (gazetteer or registry, longest match first) or a run of
//! capitalised words, joined by particles such as `von der`. Titles and demonyms at the
//! head of a run ("Russian President Vladimir Putin") are a role, not part of the name;
//! so are role phrases just before it ("US special envoy Steve Witkoff") and appositives
//! after it ("Yuri Ushakov, Vladimir Putin's top foreign policy aide,").

use super::ActorKind;
use super::claims::is_reporting_word;
use super::lexicon::{Lexicon, TitleClass, Words};
use super::tokens::{Case, Token, tokenize};
use crate::sentence::lower;

/// Particles a surname may be written with alone ("Van Aalst", "de Gaulle", "bin Salman").
pub const SURNAME_PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "de", "del", "della", "di", "da", "dos", "du", "bin", "ibn",
];

/// Whether a lower-case word may stand inside a name between capitalised words: a
/// surname's particle, or an article or a conjunction of a name ("Le Monde", "Al Jazeera",
/// "Ortega y Gasset").
fn is_particle(word: &str) -> bool {
    SURNAME_PARTICLES.contains(&word) || matches!(word, "la" | "le" | "al" | "el" | "y")
}
/// Words before a single unknown name that make it a place ("in Maasvlakte").
const PLACE_PREPOSITIONS: &[&str] = &[
    "in", "at", "from", "near", "outside", "across", "to", "into", "towards",
];
/// Words after a single unknown name that make it a person ("Umerov said").
const SPEECH_VERBS: &[&str] = &[
    "said", "says", "told", "added", "warned", "insisted", "argued", "wrote", "stated", "noted",
    "asked", "replied",
];

/// What a name found in the text may be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum What {
    /// A known phrase: the index of its lexicon entry.
    Known(usize),
    /// Two or more words naming a person, an organization or a place, as far as the text
    /// tells; `kind` is the best guess, `certain` whether a cue settled it.
    Name {
        /// The words of the name, without titles or possessive.
        words: Vec<String>,
        /// Best guess of its kind.
        kind: ActorKind,
        /// Whether a cue (first name, title, organization word) settled the kind.
        certain: bool,
    },
    /// A single capitalised word: a surname, a first name, or a name met elsewhere.
    Single {
        /// The word, without possessive.
        word: String,
        /// Whether it opens its sentence (and so may just be a capitalised common word).
        sentence_start: bool,
        /// Whether a title stands before it ("President Putin").
        titled: bool,
        /// What its neighbours suggest, when it resolves to nothing known.
        guess: ActorKind,
    },
    /// `<Name> administration`: the government a person leads.
    Administration {
        /// The person's name as written.
        leader: String,
    },
}

/// A name found in a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// First byte of the name as written.
    pub start: usize,
    /// Byte after it (before a possessive `'s`).
    pub end: usize,
    /// What it may be.
    pub what: What,
    /// Roles written with it.
    pub roles: Vec<String>,
    /// An acronym defined right after it: "North Atlantic Treaty Organization (NATO)".
    pub acronym: Option<String>,
}

/// The names in `text`.
pub fn recognize(text: &str, lexicon: &Lexicon) -> Vec<Found> {
    let tokens = tokenize(text);
    let headline = is_headline(&tokens);
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if let Some((known, n)) = lexicon
            .match_at(&tokens, i)
            .filter(|&(k, n)| !starts_organization(&tokens, i, n, k, lexicon))
        {
            // A known person's roles are read as for any name.
            let roles = if lexicon.known(known).kind == ActorKind::Person {
                let title = lexicon
                    .title_before(&tokens, i)
                    .filter(|_| tokens[i].joined());
                roles_around(text, &tokens, i, i + n, title, lexicon)
            } else {
                Vec::new()
            };
            found.push(Found {
                start: tokens[i].start,
                end: name_end(text, &tokens[i + n - 1]),
                what: What::Known(known),
                roles,
                acronym: acronym_after(text, &tokens, i + n, false),
            });
            i += n;
            continue;
        }
        if !tokens[i].capitalised() {
            i += 1;
            continue;
        }
        if headline {
            // In Title Case or in capitals every word is capitalised: a word is only a
            // name if it is one elsewhere ("Nawrocki Edges Ahead").
            found.extend(lone_words(text, &tokens[i..=i], lexicon));
            i += 1;
            continue;
        }
        if tokens[i].stem.chars().count() == 1 && !text_after_is_stop(&tokens, i) {
            // A capital letter alone ("A", "I") is not a name.
            i += 1;
            continue;
        }
        let end = run_end(&tokens, i, lexicon);
        if end - i > 1 && tokens[i..end].iter().all(|t| t.case == Case::Upper) {
            // Words in capitals ("DENIED THAT") are shouted, not a name.
            found.extend(lone_words(text, &tokens[i..end], lexicon));
        } else if let Some(name) = name_in_run(text, &tokens, i, end, lexicon) {
            found.push(name);
        }
        i = end;
    }
    found
}

/// How many particle tokens start at `at` and lead to a capitalised word: `von der` in
/// "Ursula von der Leyen", `bin` in "Mohammed bin Salman".
fn particles(tokens: &[Token<'_>], at: usize) -> Option<usize> {
    let n = tokens[at..]
        .iter()
        .take(3)
        .take_while(|t| t.joined() && is_particle(&lower(t.stem)))
        .count();
    (n > 0
        && tokens
            .get(at + n)
            .is_some_and(|t| t.capitalised() && t.joined()))
    .then_some(n)
}

/// Each of `tokens` as a word that is a name only if it is one elsewhere: treated as if
/// it opened a sentence.
fn lone_words<'a>(
    text: &'a str,
    tokens: &'a [Token<'a>],
    lexicon: &'a Lexicon,
) -> impl Iterator<Item = Found> + 'a {
    tokens
        .iter()
        .filter(|t| t.capitalised() && !lexicon.is(Words::NotName, &lower(t.stem)))
        .map(|t| Found {
            start: t.start,
            end: name_end(text, t),
            what: What::Single {
                word: t.stem.to_string(),
                sentence_start: true,
                titled: false,
                guess: ActorKind::Organization,
            },
            roles: Vec::new(),
            acronym: None,
        })
}

/// Words that prose writes in lower case and a Title Case headline capitalises.
const HEADLINE_WORDS: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "as", "after", "over", "with", "from",
    "by", "and", "but", "or", "is", "are", "was", "will", "not", "new", "says", "say", "into",
    "amid", "about", "against",
];

/// Whether a text is written in capitals (half its words or more), or in Title Case:
/// every word of four letters or more capitalised, and a word that prose writes in lower
/// case capitalised inside it ("Nawrocki Edges Ahead As Count Continues").
fn is_headline(tokens: &[Token<'_>]) -> bool {
    let long = || tokens.iter().filter(|t| t.stem.chars().count() >= 3);
    let shouted = long().filter(|t| t.case == Case::Upper).count();
    if shouted >= 4 && shouted * 2 >= long().count() {
        return true;
    }
    tokens.len() >= 3
        && tokens
            .iter()
            .filter(|t| t.stem.chars().count() >= 4)
            .all(|t| t.capitalised())
        && tokens.iter().any(|t| {
            !t.sentence_start
                && t.case == Case::Capital
                && HEADLINE_WORDS.contains(&lower(t.stem).as_ref())
        })
}

/// Whether the known place spanning `n` tokens at `at` only opens a longer organization's
/// name: "North Atlantic | Parliamentary Body", "Kyiv | School of Economics".
fn starts_organization(
    tokens: &[Token<'_>],
    at: usize,
    n: usize,
    known: usize,
    lexicon: &Lexicon,
) -> bool {
    let next = at + n;
    if lexicon.known(known).kind != ActorKind::Place
        || !tokens
            .get(next)
            .is_some_and(|t| t.capitalised() && t.joined())
        || tokens[next - 1].stem_end != tokens[next - 1].end
    {
        return false;
    }
    let end = run_end(tokens, next, lexicon);
    tokens[next..end]
        .iter()
        .any(|t| lexicon.is(Words::OrgWord, &lower(t.stem)))
}

/// Lower-case words that join the words of an organization's name: "Ministry of Foreign
/// Affairs", "Organization for Security and Co-operation in Europe".
const ORG_JOINERS: &[&str] = &["of", "for", "and", "on", "in", "&"];

/// The end (exclusive) of the run of capitalised words starting at `start`: words joined
/// by spaces, particles between two capitalised words, no known phrase inside.
fn run_end(tokens: &[Token<'_>], start: usize, lexicon: &Lexicon) -> usize {
    let mut end = start + 1;
    let initial = |t: &Token<'_>| t.stem.chars().count() == 1 && t.case != Case::Lower;
    // A double-barrelled name ("Persaud-Hale", "Norvia-Betão"), not two names joined
    // ("Guyana-Suriname talks", "US-Russia").
    let hyphenated = |end: usize| {
        let (before, t) = (&tokens[end - 1], &tokens[end]);
        t.gap == "-"
            && before.case == Case::Capital
            && t.case == Case::Capital
            && lexicon.match_at(tokens, end - 1).is_none()
            && lexicon.match_at(tokens, end).is_none()
    };
    while end < tokens.len()
        && (tokens[end].joined()
            || initial(&tokens[end - 1]) && tokens[end].gap == ". "
            || hyphenated(end))
        && tokens[end - 1].stem_end == tokens[end - 1].end
    {
        let t = &tokens[end];
        // Capitals do not run on into ordinary names ("MET Yuri Ushakov"), and a capital
        // letter alone is an initial only before a stop ("John F. Kennedy", not "Mark A").
        let shouted = (t.case == Case::Upper) != (tokens[end - 1].case == Case::Upper);
        let lone_letter = initial(t) && !text_after_is_stop(tokens, end);
        if t.capitalised() && (shouted || lone_letter) {
            break;
        }
        if t.capitalised() {
            // A known name ends the run, unless it is a person's name and the run so far
            // is a first name spelled in a way the gazetteer does not know ("Volodymry
            // Zelenskyy"): the whole name is then compared with the known one later.
            let known = lexicon
                .match_at(tokens, end)
                .map(|(k, _)| lexicon.known(k).kind);
            let before = lower(tokens[end - 1].stem);
            let first_name_before = !lexicon.is_title(&before)
                && !lexicon.is(Words::NotName, &before)
                && !lexicon.is(Words::Demonym, &before);
            let continues = known == Some(ActorKind::Person) && first_name_before;
            if known.is_some() && !continues && !is_title_start(tokens, end, lexicon) {
                break;
            }
            end += 1;
        } else if let Some(n) = particles(tokens, end) {
            end += n;
        } else if t.stem.eq_ignore_ascii_case("of")
            && tokens
                .get(end + 1)
                .is_some_and(|n| n.capitalised() && n.joined())
            && lexicon.is_title(&format!(
                "{} of {}",
                tokens[end - 1].stem.to_lowercase(),
                tokens[end + 1].stem.to_lowercase()
            ))
        {
            // "Secretary of State": a title with "of" inside.
            end += 1;
        } else if ORG_JOINERS.contains(&lower(t.stem).as_ref())
            && tokens.get(end + 1).is_some_and(|n| {
                // Not "the Marvila Ledger on Monday", "the Parliament Building in March".
                n.capitalised() && n.joined() && !lexicon.is(Words::NotName, &lower(n.stem))
            })
            && tokens[start..end]
                .iter()
                .any(|w| lexicon.is(Words::OrgWord, &lower(w.stem)))
        {
            // "Ministry of Foreign Affairs": an organization's name goes on.
            end += 1;
        } else {
            break;
        }
    }
    // A joining word the name did not go on after ("the National Assembly in Georgetown",
    // a known place ending the run) is not part of it.
    while end > start + 1 && tokens[end - 1].case == Case::Lower {
        end -= 1;
    }
    end
}

/// Whether token `at` is followed by a full stop (an initial: "F.").
fn text_after_is_stop(tokens: &[Token<'_>], at: usize) -> bool {
    tokens.get(at + 1).is_some_and(|n| n.gap.starts_with('.'))
}

fn is_title_start(tokens: &[Token<'_>], at: usize, lexicon: &Lexicon) -> bool {
    lexicon.is_title(&lower(tokens[at].stem))
}

/// The name a run of capitalised words holds, with the roles around it; `None` when the
/// run is only titles, demonyms or words that are never names.
fn name_in_run(
    text: &str,
    tokens: &[Token<'_>],
    start: usize,
    end: usize,
    lexicon: &Lexicon,
) -> Option<Found> {
    // The name starts after the last title in the run: "Russian President | Vladimir Putin".
    let name_start = (start + 1..=end)
        .rev()
        .find(|&k| lexicon.title_before(tokens, k).is_some())
        .unwrap_or(start);
    if name_start == end {
        return None;
    }
    let words = &tokens[name_start..end];
    let lower: Vec<String> = words.iter().map(|t| t.stem.to_lowercase()).collect();
    if words.len() == 1
        && (lexicon.is(Words::Demonym, &lower[0]) || lexicon.is(Words::NotName, &lower[0]))
    {
        return None;
    }
    // A capitalised common word opening the sentence is not part of the name.
    if words.len() > 1 && words[0].sentence_start && lexicon.is(Words::NotName, &lower[0]) {
        return name_in_run(text, tokens, name_start + 1, end, lexicon);
    }
    let title = lexicon
        .title_before(tokens, name_start)
        .filter(|_| tokens[name_start].joined() || name_start > start);
    let roles = roles_around(text, tokens, name_start, end, title, lexicon);
    let titled = title.is_some();
    let span_end = name_end(text, &tokens[end - 1]);

    // A named text is no actor: "the Corentyne Maritime Boundary Agreement", "the Patriot
    // Act".
    if words.len() > 1
        && lower
            .last()
            .is_some_and(|w| NAMED_TEXTS.contains(&w.as_str()))
    {
        return None;
    }

    // "<Name> administration": the government, not the person.
    if let Some(next) = tokens
        .get(end)
        .filter(|t| t.joined() && t.stem == "administration")
    {
        return Some(Found {
            start: words[0].start,
            end: next.stem_end,
            what: What::Administration {
                leader: text[words[0].start..span_end].to_string(),
            },
            roles: Vec::new(),
            acronym: None,
        });
    }

    // A double-barrelled surname alone ("Persaud-Hale") is one word, and so is a surname
    // with its particles ("Van Aalst", "de Gaulle"), which resolves as the surname.
    let particles = lower
        .iter()
        .take_while(|w| SURNAME_PARTICLES.contains(&w.as_str()))
        .count();
    let one_word =
        particles < words.len() && words.iter().skip(particles + 1).all(|t| t.gap == "-");
    let what = if one_word {
        let t = &words[0];
        let previous = name_start
            .checked_sub(1)
            .map(|p| tokens[p].stem.to_lowercase());
        // "Umerov said", "Trump reportedly stated".
        let speaks = tokens[end.min(tokens.len())..]
            .iter()
            .take(2)
            .take_while(|t| t.joined())
            .map(|t| t.stem.to_lowercase())
            .enumerate()
            .find(|(i, w)| *i == 1 || !w.ends_with("ly"))
            .is_some_and(|(_, w)| SPEECH_VERBS.contains(&w.as_str()));
        let guess = if titled || speaks {
            ActorKind::Person
        } else if previous
            .as_deref()
            .is_some_and(|p| PLACE_PREPOSITIONS.contains(&p))
        {
            ActorKind::Place
        } else {
            ActorKind::Organization
        };
        What::Single {
            word: text[t.start..words[words.len() - 1].stem_end].to_string(),
            sentence_start: t.sentence_start && !titled,
            titled,
            guess,
        }
    } else {
        // A name that opens with an article names a title or a body, not a person: "El
        // Eco de Alicante", "Le Monde", "Die Linke".
        let article = matches!(
            lower[0].as_str(),
            "the"
                | "el"
                | "la"
                | "le"
                | "les"
                | "los"
                | "las"
                | "il"
                | "lo"
                | "die"
                | "der"
                | "das"
        );
        let org = article || lower.iter().any(|w| lexicon.is(Words::OrgWord, w));
        // A saint's name before another names a town: "San Juan de Alicante", "Santa Cruz",
        // "Saint-Denis".
        let saint = words.len() >= 2
            && matches!(
                lower[0].as_str(),
                "san" | "santa" | "santo" | "são" | "saint" | "sainte" | "sankt"
            );
        let place = saint
            || lower
                .last()
                .is_some_and(|w| lexicon.is(Words::PlaceWord, w))
            || PLACE_FIRST.contains(&lower[0].as_str());
        let person = titled || lexicon.is(Words::FirstName, &lower[0]);
        let (kind, certain) = if org {
            (ActorKind::Organization, true)
        } else if place && !person {
            (ActorKind::Place, true)
        } else if person {
            (ActorKind::Person, true)
        } else if words.iter().all(|t| t.case == Case::Upper) {
            (ActorKind::Organization, true)
        } else {
            (ActorKind::Person, false)
        };
        What::Name {
            words: name_words(words),
            kind,
            certain,
        }
    };
    // An organization may give the short name it goes by in brackets, an acronym or not:
    // "Construcciones Levante Sur (Colesur)".
    let short_name = matches!(
        what,
        What::Name {
            kind: ActorKind::Organization,
            certain: true,
            ..
        }
    ) && tokens
        .get(end)
        .is_some_and(|t| lexicon.match_at(tokens, end).is_none() && t.case == Case::Capital);
    Some(Found {
        start: words[0].start,
        end: span_end,
        what,
        roles,
        acronym: acronym_after(text, tokens, end, short_name),
    })
}

/// The words of a name, a double-barrelled one ("Persaud-Hale") as one word.
fn name_words(tokens: &[Token<'_>]) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(tokens.len());
    for t in tokens {
        match out.last_mut() {
            Some(last) if t.gap == "-" => {
                last.push('-');
                last.push_str(t.stem);
            }
            _ => out.push(t.stem.to_string()),
        }
    }
    out
}

/// Last words of the names of texts: treaties, laws, plans.
const NAMED_TEXTS: &[&str] = &[
    "agreement",
    "treaty",
    "accord",
    "accords",
    "convention",
    "protocol",
    "charter",
    "memorandum",
    "pact",
    "act",
    "plan",
    "declaration",
];

/// Words that make a name a place when it starts with them, as names in Portuguese,
/// Spanish, French and Italian do ("Estádio Nacional do Tejo", "Praça do Comércio").
const PLACE_FIRST: &[&str] = &[
    "estádio",
    "estadio",
    "stade",
    "stadio",
    "praça",
    "plaza",
    "palácio",
    "palacio",
    "palais",
    "palazzo",
    "aeroporto",
    "aeropuerto",
    "aéroport",
    "rua",
    "calle",
    "avenida",
    "ponte",
    "puente",
];

/// The roles written around a person's name spanning tokens `start..end`: the role
/// phrase of `title` before it and the appositive after it.
fn roles_around(
    text: &str,
    tokens: &[Token<'_>],
    start: usize,
    end: usize,
    title: Option<(TitleClass, usize)>,
    lexicon: &Lexicon,
) -> Vec<String> {
    let mut roles: Vec<String> = title
        .filter(|(class, _)| *class == TitleClass::Role)
        .map(|(_, n)| role_phrase(text, tokens, start - n, start, lexicon))
        .into_iter()
        .collect();
    roles.extend(appositive(text, tokens, end, lexicon));
    roles
}

/// A role phrase whose title spans tokens `title_start..title_end`, read leftwards over
/// the role words, demonyms, titles and known names before it: "US special envoy", "White
/// House press secretary", "NATO Secretary General".
fn role_phrase(
    text: &str,
    tokens: &[Token<'_>],
    title_start: usize,
    title_end: usize,
    lexicon: &Lexicon,
) -> String {
    let mut start = title_start;
    while start > 0 && tokens[start].joined() {
        let t = &tokens[start - 1];
        let lower = t.stem.to_lowercase();
        let qualifies = lexicon.is(Words::RoleWord, &lower)
            || lexicon.is(Words::Demonym, &lower)
            || lexicon.is_title(&lower)
            || t.case == Case::Upper
            || (t.capitalised()
                && (!lexicon.is(Words::NotName, &lower)
                    || lexicon.match_at(tokens, start - 1).is_some()));
        if !qualifies || t.end != t.stem_end {
            break;
        }
        start -= 1;
    }
    text[tokens[start].start..tokens[title_end - 1].stem_end].to_string()
}

/// Roles in an appositive after a name: ", Vladimir Putin's top foreign policy aide,"
/// (up to the next comma or stop), when it holds a role word. Two roles joined by "and the"
/// are two roles.
fn appositive(text: &str, tokens: &[Token<'_>], after: usize, lexicon: &Lexicon) -> Vec<String> {
    let Some(first) = tokens.get(after) else {
        return Vec::new();
    };
    if first.gap.trim() != "," {
        return Vec::new();
    }
    let mut end = after;
    while end < tokens.len() && end - after < 16 {
        if end > after
            && !tokens[end]
                .gap
                .chars()
                .all(|c| c == ' ' || c == '\'' || c == '\u{2019}' || c == '-')
        {
            break;
        }
        end += 1;
    }
    // The appositive must close with a comma or a stop (or the paragraph).
    let closes = tokens
        .get(end)
        .is_none_or(|t| t.gap.trim_start().starts_with([',', '.', ';']));
    if !closes || end == after {
        return Vec::new();
    }
    let phrase = &text[tokens[after].start..tokens[end - 1].end];
    phrase
        .split(" and the ")
        .filter_map(|part| {
            let part = part.trim();
            let words = tokenize(part);
            let has_role = words.iter().enumerate().any(|(i, t)| {
                lexicon
                    .title_before(&words, i + 1)
                    .is_some_and(|(c, _)| c == TitleClass::Role)
                    || lexicon.is_title(&lower(t.stem))
            });
            // A role opens with an article, a role or title word, a demonym, or an owner:
            // "the Kremlin's", "Vladimir Putin's".
            let owner = part
                .split(' ')
                .take_while(|w| w.starts_with(char::is_uppercase))
                .any(|w| w.ends_with("'s") || w.ends_with("\u{2019}s"));
            let starts_well = owner
                || part.split(' ').next().is_some_and(|w| {
                    let w = w.to_lowercase();
                    matches!(
                        w.as_str(),
                        "a" | "an" | "the" | "head" | "chief" | "leader" | "director"
                    ) || lexicon.is(Words::RoleWord, &w)
                        || lexicon.is(Words::Demonym, &w)
                        || lexicon.is_title(&w)
                });
            // A clause is not a role: "Karoline, Ukrainian officials said the plan …" is a
            // vocative before a question, and what follows says something.
            let clause = part.split(' ').count() > ROLE_WORDS
                || part
                    .split(' ')
                    .any(|w| is_reporting_word(&w.to_lowercase()));
            (has_role && starts_well && !clause).then(|| strip_article(part).to_string())
        })
        .collect()
}

/// The most words a role in apposition has ("the head of the presidential office's foreign
/// policy department" is eleven).
const ROLE_WORDS: usize = 12;

fn strip_article(phrase: &str) -> &str {
    for article in ["a ", "an ", "the "] {
        if phrase.len() > article.len() && phrase[..article.len()].eq_ignore_ascii_case(article) {
            return &phrase[article.len()..];
        }
    }
    phrase
}

/// Where a name whose last token is `last` ends: before a possessive, and after the
/// final stop of a dotted abbreviation ("U.N.", "D.C.").
fn name_end(text: &str, last: &Token<'_>) -> usize {
    let dotted =
        last.stem_end == last.end && last.stem.contains('.') && text[last.end..].starts_with('.');
    last.stem_end + usize::from(dotted)
}

/// An acronym in brackets right after token `after`: "(NATO)"; with `short_name`, any
/// single word there: "(Colesur)".
fn acronym_after(
    text: &str,
    tokens: &[Token<'_>],
    after: usize,
    short_name: bool,
) -> Option<String> {
    let t = tokens.get(after)?;
    let closed = tokens.get(after + 1).is_none_or(|n| n.gap.starts_with(')'))
        && text[t.end..].starts_with(')');
    (t.gap.trim() == "(" && (t.case == Case::Upper || short_name) && closed)
        .then(|| t.stem.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::lexicon::BUILT_IN;

    fn names(text: &str) -> Vec<(String, What, Vec<String>)> {
        recognize(text, &BUILT_IN)
            .into_iter()
            .map(|f| (text[f.start..f.end].to_string(), f.what, f.roles))
            .collect()
    }

    fn known_name(what: &What) -> String {
        match what {
            What::Known(i) => BUILT_IN.known(*i).name.clone(),
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn a_title_before_a_name_is_its_role() {
        let found = names("The recording reveals that US special envoy Jonas Harwick advised him.");
        let harwick = found
            .iter()
            .find(|(s, _, _)| s == "Jonas Harwick")
            .expect("Harwick");
        assert_eq!(harwick.2, ["US special envoy"]);
        assert!(matches!(
            &harwick.1,
            What::Name {
                kind: ActorKind::Person,
                ..
            }
        ));
        let found = names("Moldovan President Ilona Varga met Secretary of State Tomas Brel.");
        let texts: Vec<&str> = found.iter().map(|(s, _, _)| s.as_str()).collect();
        assert_eq!(texts, ["Ilona Varga", "Tomas Brel"]);
        assert_eq!(found[0].2, ["Moldovan President"]);
        assert_eq!(found[1].2, ["Secretary of State"]);
        let found = names("United Nations Secretary-General Olu Adebayo spoke.");
        assert_eq!(
            found.last().map(|f| f.2.clone()),
            Some(vec!["United Nations Secretary-General".to_string()])
        );
    }

    #[test]
    fn a_name_opening_with_an_article_or_a_saint_is_no_person() {
        let kind = |text: &str, name: &str| {
            names(text)
                .into_iter()
                .find(|(s, _, _)| s == name)
                .map(|(_, what, _)| match what {
                    What::Name { kind, .. } => Some(kind),
                    _ => None,
                })
        };
        assert_eq!(
            kind(
                "The story ran in El Eco de Marvila on Tuesday.",
                "El Eco de Marvila"
            ),
            Some(Some(ActorKind::Organization))
        );
        assert_eq!(
            kind(
                "Police searched a house in San Pedro del Monte.",
                "San Pedro del Monte"
            ),
            Some(Some(ActorKind::Place))
        );
        assert_eq!(
            kind(
                "The contract went to Construcciones Ribera Norte.",
                "Construcciones Ribera Norte"
            ),
            Some(Some(ActorKind::Organization))
        );
        // A newspaper is known by the last word of its name, and a day after it is not
        // part of it.
        for (text, name) in [
            (
                "The draft ran in the Marvila Ledger on Monday.",
                "Marvila Ledger",
            ),
            ("The Harbour Courier said nothing.", "Harbour Courier"),
        ] {
            assert_eq!(
                kind(text, name),
                Some(Some(ActorKind::Organization)),
                "{text}"
            );
        }
    }

    #[test]
    fn a_known_person_keeps_the_role_written_before_them() {
        let found = names("Russian President Vladimir Putin spoke.");
        assert_eq!(known_name(&found[0].1), "Vladimir Putin");
        assert_eq!(found[0].2, ["Russian President"]);
    }

    #[test]
    fn an_appositive_role_is_read() {
        let found = names(
            "Harwick advised Pavel Orlin, Dmitri Sokol's top foreign policy aide, to focus on Donetsk.",
        );
        let orlin = found
            .iter()
            .find(|(s, _, _)| s == "Pavel Orlin")
            .expect("Orlin");
        assert_eq!(orlin.2, ["Dmitri Sokol's top foreign policy aide"]);
        let found = names("Marta Kivi, the leader of the Reform Party, said so.");
        assert_eq!(found[0].2, ["leader of the Reform Party"]);
    }

    #[test]
    fn a_clause_after_a_name_in_a_question_is_no_role() {
        // A reporter addresses the spokeswoman by name, then quotes others.
        let found =
            names("Q: Liisa, Estonian officials said the port would stay closed. Is that so?");
        let liisa = found.iter().find(|(s, _, _)| s == "Liisa").expect("Liisa");
        assert!(liisa.2.is_empty(), "{:?}", liisa.2);
    }

    #[test]
    fn known_names_may_start_in_lower_case() {
        let found = names("Envoys met al-Sharaa, then flew to the Netherlands.");
        let known: Vec<(&str, String)> = found
            .iter()
            .map(|(s, what, _)| (s.as_str(), known_name(what)))
            .collect();
        assert_eq!(
            known,
            [
                ("al-Sharaa", "Ahmed al-Sharaa".to_string()),
                ("the Netherlands", "Netherlands".to_string())
            ]
        );
    }

    #[test]
    fn a_double_barrelled_name_is_one_name_and_two_names_joined_are_two() {
        let found = names(
            "Minister Anita Persaud-Hale met the Norvia-Betão consortium. Persaud-Hale left for the Guyana-Suriname talks.",
        );
        let texts: Vec<&str> = found.iter().map(|(s, _, _)| s.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Anita Persaud-Hale",
                "Norvia-Betão",
                "Persaud-Hale",
                "Guyana",
                "Suriname"
            ]
        );
        assert!(
            matches!(&found[0].1, What::Name { words, .. } if words == &["Anita", "Persaud-Hale"])
        );
        assert!(matches!(&found[2].1, What::Single { word, .. } if word == "Persaud-Hale"));
    }

    #[test]
    fn forms_of_address_and_plural_titles_are_not_part_of_the_name() {
        let found =
            names("His Excellency Clifford Doekhie arrived. Presidents Achari and Doekhie spoke.");
        let texts: Vec<&str> = found.iter().map(|(s, _, _)| s.as_str()).collect();
        assert_eq!(texts, ["Clifford Doekhie", "Achari", "Doekhie"]);
    }

    #[test]
    fn a_surname_with_its_particle_is_one_word() {
        let found = names("Van Aalst-Geurts said the plant was safe.");
        assert!(
            matches!(&found[0].1, What::Single { word, .. } if word == "Van Aalst-Geurts"),
            "{found:?}"
        );
    }

    #[test]
    fn a_stadium_named_in_portuguese_is_a_place() {
        let found = names("The final was moved to the Estádio Nacional in Oeiras.");
        assert!(
            matches!(
                &found[0].1,
                What::Name {
                    kind: ActorKind::Place,
                    ..
                }
            ),
            "{found:?}"
        );
    }

    #[test]
    fn a_named_treaty_or_law_is_no_actor() {
        let found = names(
            "Achari and Doekhie signed the Corentyne Maritime Boundary Agreement under the Patriot Act.",
        );
        let texts: Vec<&str> = found.iter().map(|(s, _, _)| s.as_str()).collect();
        assert_eq!(texts, ["Achari", "Doekhie"]);
    }

    #[test]
    fn a_name_does_not_end_on_a_joining_word() {
        let found = names("The vote in the National Assembly in Georgetown is due on 2 March.");
        let texts: Vec<&str> = found.iter().map(|(s, _, _)| s.as_str()).collect();
        assert_eq!(texts, ["National Assembly", "Georgetown"]);
    }

    #[test]
    fn particles_belong_to_the_name() {
        let found = names("The talks joined Anna van der Berg and Khalid bin Rashid.");
        let texts: Vec<&str> = found.iter().map(|(s, _, _)| s.as_str()).collect();
        assert_eq!(texts, ["Anna van der Berg", "Khalid bin Rashid"]);
    }

    #[test]
    fn name_words_decide_the_kind() {
        let kind = |text: &str| match &recognize(text, &BUILT_IN)[0].what {
            What::Name { kind, .. } => *kind,
            other => panic!("{other:?}"),
        };
        assert_eq!(
            kind("the Harbin Tractor Company said"),
            ActorKind::Organization
        );
        assert_eq!(kind("guests at the Dolmabahce Palace"), ActorKind::Place);
        assert_eq!(
            kind("the Ministry of Agrarian Policy said"),
            ActorKind::Organization
        );
    }

    #[test]
    fn a_headline_names_nobody_by_itself() {
        let found = recognize("Harwick Edges Ahead As Count Continues", &BUILT_IN);
        assert!(
            found.iter().all(|f| matches!(
                f.what,
                What::Single {
                    sentence_start: true,
                    ..
                }
            )),
            "{found:?}"
        );
    }

    #[test]
    fn possessives_are_left_out_of_the_name() {
        let found = names("The conversation highlights Witkoff's negotiating approach.");
        assert_eq!(found[0].0, "Witkoff");
    }

    #[test]
    fn sentence_initial_common_words_are_not_names() {
        assert!(names("Summary. The plan moved on Sunday.").is_empty());
        assert!(names("However, talks went on in January.").is_empty());
    }

    #[test]
    fn known_places_and_organizations_are_matched_with_their_short_forms() {
        let found =
            names("The plan put forward by the US was discussed at the White House and by NATO.");
        let known: Vec<String> = found.iter().map(|(_, w, _)| known_name(w)).collect();
        assert_eq!(
            known,
            [
                "United States",
                "White House",
                "North Atlantic Treaty Organization"
            ]
        );
    }

    #[test]
    fn an_acronym_in_brackets_is_caught() {
        let found = recognize(
            "It weakened the North Atlantic Parliamentary Body (NAPB) on its flank.",
            &BUILT_IN,
        );
        assert_eq!(found[0].acronym.as_deref(), Some("NAPB"));
    }

    #[test]
    fn an_organization_short_name_in_brackets_is_caught_a_person_party_is_not() {
        let found = recognize(
            "Payments to Ribera Norte Holdings (Rinorte) were frozen.",
            &BUILT_IN,
        );
        assert_eq!(found[1].acronym.as_deref(), Some("Rinorte"));
        let found = recognize(
            "The motion came from Jonas Harwick (Greens) alone.",
            &BUILT_IN,
        );
        assert!(found.iter().all(|f| f.acronym.is_none()), "{found:?}");
        // A known place in brackets tells where, not what the organization is called.
        let found = recognize("Shares of Ribera Norte Holdings (Spain) fell.", &BUILT_IN);
        assert!(found.iter().all(|f| f.acronym.is_none()), "{found:?}");
    }

    #[test]
    fn an_administration_is_an_organization() {
        let found = names("concerns about the Trump administration's approach");
        assert_eq!(found[0].0, "Trump administration");
        assert_eq!(
            found[0].1,
            What::Administration {
                leader: "Trump".into()
            }
        );
    }
}
