//! What annotation knows before it reads a word: the gazetteers and word lists under
//! `data/` (embedded in the binary), and the user's registry of actors.
//!
//! | file | what |
//! | --- | --- |
//! | `countries.tsv` | every country: name, other names, demonyms, capital |
//! | `places.tsv` | cities, regions, continents and seas the news names |
//! | `organizations.tsv` | international bodies, governments, parties, outlets, companies, named groups |
//! | `titles.txt` | honorifics and role words that stand before a person's name |
//! | `org_words.txt` | words that make a capitalised name an organization (Ministry, Party…) |
//! | `place_words.txt` | words that make a capitalised name a place (Palace, Square, Oblast…) |
//! | `people.tsv` | people the news often names, with the spellings of their names |
//! | `first_names.txt` | given names, transliterations included |
//! | `not_names.txt` | capitalised words that are never a name on their own (months, pronouns…) |
//! | `role_words.txt` | words that qualify a role ("special", "top", "former") |
//!
//! Phrases are matched token by token (see [`super::tokens`]), longest first.

use std::sync::LazyLock;

use foldhash::{HashMap, HashSet};

use super::ActorKind;
use super::resolve::{fold, skeleton};
use super::tokens::{Case, Token, tokenize};
use crate::sentence::lower;

/// A known name: a gazetteer entry or a registry actor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Known {
    /// The canonical name.
    pub name: String,
    /// Person, organization, place or group.
    pub kind: ActorKind,
    /// Whether it comes from the user's registry.
    pub registry: bool,
}

/// One way of writing a known name, as tokens.
#[derive(Debug, Clone)]
struct Phrase {
    /// Lower-cased stems.
    words: Vec<String>,
    /// How each word must be written: all capitals for an acronym, a capital for a name
    /// word, anything for a lower-case word ("of", "the").
    cases: Vec<Case>,
    /// The entry it names.
    known: usize,
}

/// The word lists of the lexicon; each holds lower-cased words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Words {
    /// Words that make a capitalised name an organization's (Ministry, Party).
    OrgWord,
    /// Words that make a capitalised name a place's (Square, Oblast).
    PlaceWord,
    /// Given names.
    FirstName,
    /// Capitalised words that are never a name on their own (months, pronouns).
    NotName,
    /// Words that qualify a role ("special", "top", "foreign").
    RoleWord,
    /// Demonyms (`ukrainian`, `americans`).
    Demonym,
    /// Words of a known place's or organization's longer name ("dhabi", "house"):
    /// alone, they name nothing.
    Fragment,
    /// The names of news outlets and agencies, every form, lower case ("bloomberg news").
    Outlet,
}

/// How a title stands before a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleClass {
    /// Mr, Dr, Sir: not a role.
    Honorific,
    /// President, envoy, spokesman: a role.
    Role,
}

/// Gazetteers, word lists and the registry, ready to match.
#[derive(Debug, Default)]
pub struct Lexicon {
    known: Vec<Known>,
    phrases: HashMap<String, Vec<Phrase>>,
    /// The first words of the phrases that start in lower case ("al-Sharaa", "the
    /// Netherlands"), sorted: only these are looked up at a word in lower case.
    lower_heads: Vec<String>,
    titles: HashMap<String, TitleClass>,
    longest_title: usize,
    words: [HashSet<String>; 8],
    surnames: HashMap<String, Vec<usize>>,
}

/// The built-in lexicon, without a registry.
pub static BUILT_IN: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(&[]));

/// A name to add to the lexicon: its canonical form, kind, and other forms.
pub struct Entry<'a> {
    /// Canonical name.
    pub name: &'a str,
    /// Its kind.
    pub kind: ActorKind,
    /// Other ways of writing it.
    pub aliases: Vec<&'a str>,
}

impl Lexicon {
    /// The built-in data with `registry` entries added (they come first: a registry
    /// entry wins over a gazetteer entry written the same way).
    pub fn new(registry: &[Entry<'_>]) -> Lexicon {
        let mut lexicon = Lexicon::default();
        for entry in registry {
            lexicon.add(entry, true);
        }
        for row in rows(include_str!("data/people.tsv")) {
            let [name, aliases] = fields(row);
            lexicon.add(
                &Entry {
                    name,
                    kind: ActorKind::Person,
                    aliases: list(aliases),
                },
                false,
            );
        }
        for row in rows(include_str!("data/countries.tsv")) {
            let [name, aliases, demonyms, _capital] = fields(row);
            lexicon.add_place(name, aliases, demonyms);
        }
        for row in rows(include_str!("data/places.tsv")) {
            let [name, aliases, _type, _country, demonyms] = fields(row);
            lexicon.add_place(name, aliases, demonyms);
        }
        for row in rows(include_str!("data/organizations.tsv")) {
            let [name, aliases, kind] = fields(row);
            if kind == "outlet" {
                lexicon.words[Words::Outlet as usize].extend(
                    std::iter::once(name)
                        .chain(list(aliases))
                        .map(str::to_lowercase),
                );
            }
            let kind = if kind == "group" {
                ActorKind::Group
            } else {
                ActorKind::Organization
            };
            lexicon.add(
                &Entry {
                    name,
                    kind,
                    aliases: list(aliases),
                },
                false,
            );
        }
        for row in rows(include_str!("data/titles.txt")) {
            let [title, class] = fields(row);
            let class = if class == "honorific" {
                TitleClass::Honorific
            } else {
                TitleClass::Role
            };
            let key = key_of(title);
            lexicon.longest_title = lexicon.longest_title.max(key.split(' ').count());
            lexicon.titles.insert(key, class);
        }
        let words =
            |data: &'static str| rows(data).map(|w| w.to_lowercase()).collect::<HashSet<_>>();
        for (list, data) in [
            (Words::OrgWord, include_str!("data/org_words.txt")),
            (Words::PlaceWord, include_str!("data/place_words.txt")),
            (Words::FirstName, include_str!("data/first_names.txt")),
            (Words::NotName, include_str!("data/not_names.txt")),
            (Words::RoleWord, include_str!("data/role_words.txt")),
        ] {
            lexicon.words[list as usize] = words(data);
        }
        for (index, known) in lexicon.known.iter().enumerate() {
            if known.kind != ActorKind::Person && known.name.contains(' ') {
                lexicon.words[Words::Fragment as usize]
                    .extend(tokenize(&known.name).iter().map(|t| t.stem.to_lowercase()));
            }
            if known.kind == ActorKind::Person
                && let Some((_, surname)) = known.name.rsplit_once(' ')
            {
                lexicon
                    .surnames
                    .entry(skeleton(&fold(surname)))
                    .or_default()
                    .push(index);
            }
        }
        lexicon.lower_heads = lexicon
            .phrases
            .iter()
            .filter(|(_, phrases)| {
                phrases
                    .iter()
                    .any(|p| p.cases.first() == Some(&Case::Lower))
            })
            .map(|(head, _)| head.clone())
            .collect();
        lexicon.lower_heads.sort_unstable();
        for phrases in lexicon.phrases.values_mut() {
            // Longest first; among equals, the registry and then file order.
            phrases.sort_by(|a, b| {
                b.words
                    .len()
                    .cmp(&a.words.len())
                    .then(a.known.cmp(&b.known))
            });
        }
        lexicon
    }

    /// A place from a gazetteer row: its name, `|`-separated other names and demonyms.
    fn add_place(&mut self, name: &str, aliases: &str, demonyms: &str) {
        let entry = Entry {
            name,
            kind: ActorKind::Place,
            aliases: list(aliases),
        };
        self.add(&entry, false);
        self.words[Words::Demonym as usize]
            .extend(list(demonyms).into_iter().map(str::to_lowercase));
    }

    fn add(&mut self, entry: &Entry<'_>, registry: bool) {
        let known = self.known.len();
        self.known.push(Known {
            name: entry.name.to_string(),
            kind: entry.kind,
            registry,
        });
        for form in std::iter::once(entry.name).chain(entry.aliases.iter().copied()) {
            let tokens = tokenize(form);
            if tokens.is_empty() {
                continue;
            }
            let phrase = Phrase {
                words: tokens.iter().map(|t| t.stem.to_lowercase()).collect(),
                cases: tokens.iter().map(|t| t.case).collect(),
                known,
            };
            self.phrases
                .entry(phrase.words[0].clone())
                .or_default()
                .push(phrase);
        }
    }

    /// The entry at `index`.
    pub fn known(&self, index: usize) -> &Known {
        &self.known[index]
    }

    /// The longest known name that starts at token `at`: its entry and how many tokens
    /// it spans. Every capitalised word of the name must be capitalised in the text, every
    /// acronym written in capitals, and the words must not be split by a sentence end.
    pub fn match_at(&self, tokens: &[Token<'_>], at: usize) -> Option<(usize, usize)> {
        let first = lower(tokens[at].stem);
        // A word in lower case can only open a phrase that starts in lower case: most words
        // of a text are not looked up at all.
        if tokens[at].case == Case::Lower
            && self
                .lower_heads
                .binary_search_by(|head| head.as_str().cmp(first.as_ref()))
                .is_err()
        {
            return None;
        }
        let phrases = self.phrases.get(first.as_ref())?;
        phrases.iter().find_map(|phrase| {
            let span = tokens.get(at..at + phrase.words.len())?;
            let fits = span
                .iter()
                .zip(&phrase.words)
                .zip(&phrase.cases)
                .enumerate()
                .all(|(i, ((t, w), case))| {
                    let same_word = i == 0
                        || if t.stem.is_ascii() {
                            t.stem.eq_ignore_ascii_case(w)
                        } else {
                            lower(t.stem) == w.as_str()
                        };
                    let same_case = match case {
                        Case::Upper => t.case == Case::Upper,
                        Case::Capital => t.capitalised(),
                        Case::Lower => true,
                    };
                    // Inside a name only spaces, commas ("Washington, D.C.") or hyphens.
                    let together = i == 0
                        || t.gap
                            .chars()
                            .all(|c| matches!(c, ' ' | ',' | '-' | '\u{a0}'));
                    // A possessive may only close the name.
                    let whole = i + 1 == phrase.words.len() || t.stem_end == t.end;
                    same_word && same_case && together && whole
                });
            fits.then_some((phrase.known, phrase.words.len()))
        })
    }

    /// The one known person whose surname `word` is, as spelled or transliterated
    /// otherwise, if only one has it.
    pub fn person_by_surname(&self, word: &str) -> Option<usize> {
        // Short words and given names are too often someone else's ("Dan", "Sen").
        if word.chars().count() < 4 || self.is(Words::FirstName, &word.to_lowercase()) {
            return None;
        }
        match self.surnames.get(&skeleton(&fold(word)))?.as_slice() {
            [only] => Some(*only),
            _ => None,
        }
    }

    /// The title (as a lower-case phrase) that ends at token `end` (exclusive) and the
    /// number of tokens it spans, longest first.
    pub fn title_before(&self, tokens: &[Token<'_>], end: usize) -> Option<(TitleClass, usize)> {
        (1..=self.longest_title.min(end)).rev().find_map(|n| {
            let span = &tokens[end - n..end];
            // Words of a title are joined by spaces or a hyphen ("Secretary-General").
            if span.iter().skip(1).any(|t| !t.joined() && t.gap != "-") {
                return None;
            }
            let key: Vec<String> = span.iter().map(|t| t.stem.to_lowercase()).collect();
            self.titles.get(&key.join(" ")).map(|class| (*class, n))
        })
    }

    /// Whether a lower-cased word is a title word on its own.
    pub fn is_title(&self, word: &str) -> bool {
        self.titles.contains_key(word)
    }

    /// Whether a lower-cased word is on the word list `list`.
    pub fn is(&self, list: Words, word: &str) -> bool {
        self.words[list as usize].contains(word)
    }
}

/// The non-comment, non-blank lines of a data file.
fn rows(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

/// The first `N` tab-separated fields of a row (missing ones empty).
fn fields<const N: usize>(row: &str) -> [&str; N] {
    let mut parts = row.split('\t');
    std::array::from_fn(|_| parts.next().unwrap_or("").trim())
}

/// A `|`-separated list.
fn list(field: &str) -> Vec<&str> {
    field
        .split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

/// A phrase as the lookup key of titles: its lower-cased stems joined by spaces.
fn key_of(phrase: &str) -> String {
    tokenize(phrase)
        .iter()
        .map(|t| t.stem.to_lowercase())
        .collect::<Vec<_>>()
        .join(" ")
}
