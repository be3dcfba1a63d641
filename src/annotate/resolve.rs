//! From names to actors: which names found across the corpus refer to one actor.
//!
//! - Known phrases (gazetteer, registry) are their entry: "US", "U.S." and "United States"
//!   are one actor.
//! - Full names of people merge when their surnames and first names are the same or
//!   spelled alike (Jaro-Winkler on an ASCII-folded form, same initial): "Volodymyr
//!   Zelenskyy", "Volodymyr Zelensky" and the misspelt "Volodymry Zelenskyy". Two people
//!   who share a surname but not a first name stay apart.
//! - A single word resolves to the person whose surname (or, for a given name, whose first
//!   name) it is, in the same source first, then in the corpus; else to the organization
//!   whose name it starts when the rest says what kind of organization it is ("Almagre"
//!   for "Almagre Construções"), in the same source first, then the only one in the corpus.
//! - An acronym defined in brackets joins the name before it.
//!
//! Whatever resolves to nothing and opens a sentence is taken for a capitalised common
//! word and dropped.

use std::collections::BTreeMap;

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use strsim::jaro_winkler;

use super::lexicon::{Lexicon, Words};
use super::recognize::{Found, What};
use super::{Actor, ActorKind, RegistryActor};
use chrono::NaiveDate;

use crate::dedupe::ParagraphAt;

/// Surnames this alike (Jaro-Winkler, folded) are one surname spelled two ways.
const SAME_SURNAME: f64 = 0.9;
/// First names this alike are one first name spelled two ways.
const SAME_FIRST_NAME: f64 = 0.85;

/// A name found at a place in the corpus.
#[derive(Debug, Clone, Copy)]
pub struct Occurrence<'a> {
    /// The paragraph.
    pub at: ParagraphAt,
    /// The name (shared by every repeat of the paragraph's text).
    pub found: &'a Found,
    /// The name as written.
    pub surface: &'a str,
}

/// One resolved mention: the occurrence's index and its actor's.
pub type Link = (usize, usize);

/// Resolves `occurrences` into actors and links from occurrences to them; `common` holds
/// the words the corpus mostly writes in lower case.
pub fn resolve(
    occurrences: &[Occurrence<'_>],
    dates: &[Option<NaiveDate>],
    lexicon: &Lexicon,
    registry: &[RegistryActor],
    common: &HashSet<String>,
) -> (Vec<Actor>, Vec<Link>) {
    let mut table = Table::default();
    // Known entries and registry actors first, so that people of the registry take part
    // in surname resolution.
    let mut by_known: HashMap<usize, usize> = HashMap::new();
    let mut resolved: Vec<Option<usize>> = vec![None; occurrences.len()];
    for (i, o) in occurrences.iter().enumerate() {
        if let What::Known(k) = o.found.what {
            resolved[i] = Some(table.known(k, lexicon, &mut by_known));
        }
    }

    // Full names of people: cluster the variants, then make one entity a cluster.
    let mut full_names: BTreeMap<Vec<String>, usize> = BTreeMap::new();
    for o in occurrences {
        if let What::Name {
            words,
            kind: ActorKind::Person,
            ..
        } = &o.found.what
        {
            *full_names.entry(words.clone()).or_default() += 1;
        }
    }
    let variants: Vec<(&Vec<String>, usize)> = full_names.iter().map(|(w, n)| (w, *n)).collect();
    let clusters = cluster_people(&variants);
    let mut entity_of_variant: HashMap<&Vec<String>, usize> = HashMap::new();
    for cluster in clusters {
        // The most frequent spelling names the cluster (then the longest, then the first).
        let best = cluster
            .iter()
            .copied()
            .max_by(|&a, &b| {
                variants[a]
                    .1
                    .cmp(&variants[b].1)
                    .then(
                        variants[a]
                            .0
                            .join(" ")
                            .len()
                            .cmp(&variants[b].0.join(" ").len()),
                    )
                    .then(variants[b].0.cmp(variants[a].0))
            })
            .unwrap_or(cluster[0]);
        let name = variants[best].0.join(" ");
        // A known person (gazetteer, registry) of that name takes the cluster, or the one
        // whose longer name these words begin ("Recep Tayyip", "Kim Jong").
        let entity = cluster
            .iter()
            .find_map(|&v| table.same_person(variants[v].0))
            .or_else(|| {
                cluster
                    .iter()
                    .find_map(|&v| table.person_begun_by(variants[v].0))
            })
            .unwrap_or_else(|| {
                let entity = table.add(&name, ActorKind::Person);
                table.add_person(entity, variants[best].0.clone());
                entity
            });
        for &v in &cluster {
            entity_of_variant.insert(variants[v].0, entity);
        }
    }

    // Names of organizations and places, administrations; acronyms defined after names.
    let mut by_name: HashMap<String, usize> = HashMap::new();
    let mut acronyms: HashMap<String, usize> = HashMap::new();
    for (i, o) in occurrences.iter().enumerate() {
        let entity = match &o.found.what {
            What::Name {
                words,
                kind: ActorKind::Person,
                ..
            } => entity_of_variant.get(words).copied(),
            What::Name { words, kind, .. } => {
                let name = words.join(" ");
                Some(
                    *by_name
                        .entry(fold(&name))
                        .or_insert_with(|| table.add(&name, *kind)),
                )
            }
            What::Administration { leader } => {
                let name = format!("{leader} administration");
                Some(
                    *by_name
                        .entry(fold(&name))
                        .or_insert_with(|| table.add(&name, ActorKind::Organization)),
                )
            }
            _ => resolved[i],
        };
        if let (Some(entity), Some(acronym)) = (entity, &o.found.acronym) {
            acronyms.entry(acronym.clone()).or_insert(entity);
        }
        if resolved[i].is_none() {
            resolved[i] = entity;
        }
    }

    // Single words: a person's surname or first name, an acronym, or a name of its own.
    // The people of each source, the organizations of each source by the last word of
    // their name and the firms by their first, and how often each entity is mentioned.
    let mut documents_of: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut organizations: HashMap<(usize, String), usize> = HashMap::new();
    let mut firms: HashMap<(usize, String), usize> = HashMap::new();
    let mut corpus_firms: HashMap<String, Option<usize>> = HashMap::new();
    let mut counts: Vec<usize> = vec![0; table.names.len()];
    // An organization's last word, folded, and for a firm the word it is called by: "Almagre"
    // for "Almagre Construções", "Halvard" for "Halvard Pharma" (its own word, then what
    // kind of firm it is). Once an entity, not once a mention.
    let org_words: Vec<Option<(String, Option<String>)>> = table
        .names
        .iter()
        .zip(&table.kinds)
        .map(|(name, kind)| {
            let (first, last) = name
                .rsplit_once(' ')
                .filter(|_| *kind == ActorKind::Organization)?;
            let firm = !first.contains(' ')
                && !lexicon.is(Words::OrgWord, &first.to_lowercase())
                && lexicon.is(Words::OrgWord, &last.to_lowercase());
            Some((fold(last), firm.then(|| fold(first))))
        })
        .collect();
    for (i, o) in occurrences.iter().enumerate() {
        let Some(entity) = resolved[i] else {
            continue;
        };
        counts[entity] += 1;
        match table.kinds[entity] {
            ActorKind::Person => {
                let list = documents_of.entry(o.at.document).or_default();
                if !list.contains(&entity) {
                    list.push(entity);
                }
            }
            ActorKind::Organization => {
                if let Some((last, firm)) = &org_words[entity] {
                    organizations
                        .entry((o.at.document, last.clone()))
                        .or_insert(entity);
                    if let Some(firm) = firm {
                        firms.entry((o.at.document, firm.clone())).or_insert(entity);
                        // In the corpus, only a word that starts one firm's name.
                        corpus_firms
                            .entry(firm.clone())
                            .and_modify(|e: &mut Option<usize>| {
                                if *e != Some(entity) {
                                    *e = None;
                                }
                            })
                            .or_insert(Some(entity));
                    }
                }
            }
            _ => {}
        }
    }
    // What a single word that resolves to nothing names: what most of its occurrences
    // suggest, and a person when it leads an administration ("the Trump administration").
    let mut votes: HashMap<String, [usize; 4]> = HashMap::new();
    for o in occurrences {
        match &o.found.what {
            What::Single { word, guess, .. } => {
                votes.entry(fold(word)).or_default()[*guess as usize] += 1
            }
            What::Administration { leader } => {
                votes.entry(fold(leader)).or_default()[ActorKind::Person as usize] += 2
            }
            _ => {}
        }
    }
    let kind_of = |word: &str| {
        let votes = votes.get(&fold(word)).copied().unwrap_or_default();
        ActorKind::ALL
            .into_iter()
            .max_by_key(|k| (votes[*k as usize], std::cmp::Reverse(*k as usize)))
            .unwrap_or(ActorKind::Organization)
    };
    let mut singles: HashMap<String, usize> = HashMap::new();
    for (i, o) in occurrences.iter().enumerate() {
        let What::Single {
            word,
            sentence_start,
            ..
        } = &o.found.what
        else {
            continue;
        };
        let here = documents_of
            .get(&o.at.document)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        // A word the corpus mostly writes in lower case ("SEEN") only resolves to a
        // person of its own source.
        let lower = word.to_lowercase();
        let common_word = common.contains(&lower);
        let entity = acronyms
            .get(word)
            .copied()
            .or_else(|| table.person_by_surname(word, here, &counts, !common_word))
            .or_else(|| {
                // "Van Aalst" for "Marieke van Aalst": the surname without its particles.
                let bare = without_particles(word);
                (bare.len() < word.len())
                    .then(|| table.person_by_surname(bare, here, &counts, !common_word))
                    .flatten()
            })
            .or_else(|| table.person_by_first_name(word, here))
            .or_else(|| {
                let known = lexicon.person_by_surname(word).filter(|_| !common_word)?;
                Some(table.known(known, lexicon, &mut by_known))
            });
        // "the Commission": the organization of the same source whose name ends so, or
        // nobody in particular.
        let generic = lexicon.is(Words::OrgWord, &lower);
        let entity = entity.or_else(|| {
            let key = (o.at.document, fold(word));
            generic
                .then(|| organizations.get(&key).copied())
                .flatten()
                .or_else(|| firms.get(&key).copied())
                .or_else(|| corpus_firms.get(&key.1).copied().flatten())
        });
        resolved[i] = match entity {
            Some(entity) => Some(entity),
            // Not a name on its own: a capitalised common word, a word the corpus mostly
            // writes in lower case, a first name nobody in the source carries, or a word
            // of a longer known name ("Dhabi").
            // ("De Telegraaf", written with a particle, is a name wherever it stands.)
            None if *sentence_start && !word.contains(' ') || generic => None,
            None if [
                common_word,
                lexicon.is(Words::FirstName, &lower),
                lexicon.is(Words::Fragment, &lower),
            ]
            .contains(&true) =>
            {
                None
            }
            None => Some(
                *singles
                    .entry(fold(word))
                    .or_insert_with(|| table.add(word, kind_of(word))),
            ),
        };
    }

    // A known person is named as the sources name them most often, among the spellings
    // the gazetteer knows: "Andriy Yermak" where the sources write it so, never a
    // misspelling.
    let mut spellings: HashMap<(usize, String), usize> = HashMap::new();
    for (i, o) in occurrences.iter().enumerate() {
        if let (What::Known(_), Some(entity)) = (&o.found.what, resolved[i])
            && table.kinds[entity] == ActorKind::Person
            && o.surface.contains(' ')
        {
            *spellings
                .entry((entity, o.surface.to_string()))
                .or_default() += 1;
        }
    }
    let mut best: HashMap<usize, (usize, &str)> = HashMap::new();
    for ((entity, spelling), n) in &spellings {
        let current = best.entry(*entity).or_insert((0, ""));
        if (*n, std::cmp::Reverse(spelling.as_str())) > (current.0, std::cmp::Reverse(current.1)) {
            *current = (*n, spelling);
        }
    }
    for (entity, (n, spelling)) in best {
        let canonical = spellings
            .get(&(entity, table.names[entity].clone()))
            .copied()
            .unwrap_or(0);
        if n > canonical {
            table.names[entity] = spelling.to_string();
        }
    }

    // Aliases and roles from the mentions; then the actors that were mentioned at all.
    let mut aliases: Vec<Vec<String>> = vec![Vec::new(); table.names.len()];
    let mut roles: Vec<Vec<Role>> = vec![Vec::new(); table.names.len()];
    // Each surface folded once, as a number: an entity's names are told apart by those.
    let mut fold_ids: HashMap<String, usize> = HashMap::new();
    let mut fold_id = |text: &str| {
        let next = fold_ids.len();
        *fold_ids.entry(fold(text)).or_insert(next)
    };
    let mut surface_ids: HashMap<&str, usize> = HashMap::new();
    let mut seen: HashSet<(usize, usize)> = HashSet::new();
    for (entity, name) in table.names.iter().enumerate() {
        seen.insert((entity, fold_id(name)));
    }
    let names = NameFolds::new(
        table
            .names
            .iter()
            .enumerate()
            .map(|(entity, name)| (name.as_str(), entity))
            .chain(
                occurrences
                    .iter()
                    .zip(&resolved)
                    .filter_map(|(o, r)| r.map(|entity| (o.surface, entity))),
            ),
    );
    let mut role_keys: HashMap<&str, String> = HashMap::new();
    for (i, o) in occurrences.iter().enumerate() {
        let Some(entity) = resolved[i] else {
            continue;
        };
        let id = *surface_ids
            .entry(o.surface)
            .or_insert_with(|| fold_id(o.surface));
        if seen.insert((entity, id)) {
            aliases[entity].push(o.surface.to_string());
        }
        for role in &o.found.roles {
            let key = role_keys.entry(role).or_insert_with(|| names.key(role));
            let date = dates.get(o.at.document).copied().flatten();
            match roles[entity].iter_mut().find(|r| r.key == *key) {
                Some(r) => r.met_in(o.at.document, date),
                None => roles[entity].push(Role {
                    text: role.clone(),
                    count: 1,
                    key: key.clone(),
                    sources: vec![o.at.document],
                    newest: date,
                    first: o.at,
                }),
            }
        }
    }
    let mut actor_of: Vec<Option<usize>> = vec![None; table.names.len()];
    let mut actors = Vec::new();
    let mut links = Vec::new();
    for (i, entity) in resolved.iter().enumerate() {
        let Some(entity) = *entity else {
            continue;
        };
        let actor = *actor_of[entity].get_or_insert_with(|| {
            let mut role_list = merge_roles(roles[entity].clone());
            // A role that names another person is theirs, set beside this one's name by
            // the sentence ("President Trump and Vice President JD Vance").
            role_list.retain(|r| !names_another_person(&r.text, entity, &table));
            order_roles(&mut role_list);
            actors.push(Actor {
                name: table.names[entity].clone(),
                kind: table.kinds[entity],
                aliases: aliases[entity].clone(),
                role_at: role_list.iter().map(|r| Some(r.first)).collect(),
                roles: role_list.into_iter().map(|r| r.text).collect(),
                description: None,
                url: None,
            });
            actors.len() - 1
        });
        links.push((i, actor));
    }
    apply_registry(&mut actors, registry);
    (actors, links)
}

/// A role of an actor as the sources write it.
#[derive(Debug, Clone, PartialEq)]
struct Role {
    /// As first met.
    text: String,
    /// How often it is met.
    count: usize,
    /// What tells it from other roles ([`NameFolds::key`]).
    key: String,
    /// The documents that state it, each once, in document order.
    sources: Vec<usize>,
    /// The publication day of the newest of them, when one is dated.
    newest: Option<NaiveDate>,
    /// The first paragraph that states it.
    first: ParagraphAt,
}

/// The role most sources state first, a past role ("former President") after every present
/// one; among equals, the one the newest source states (a title changes, and the newest
/// source knows the new one), then the most often met, then the first met.
fn order_roles(roles: &mut [Role]) {
    roles.sort_by_key(|r| {
        (
            is_former(&r.text),
            std::cmp::Reverse(r.sources.len()),
            std::cmp::Reverse(r.newest),
            std::cmp::Reverse(r.count),
        )
    });
}

impl Role {
    /// Counts one more mention with this role, in document `document` of day `date`
    /// (mentions come in document order).
    fn met_in(&mut self, document: usize, date: Option<NaiveDate>) {
        self.count += 1;
        if self.sources.last() != Some(&document) {
            self.sources.push(document);
        }
        self.newest = self.newest.max(date);
    }
}

/// The names of the corpus, folded, each with the one entity it names: roles are told
/// apart by whom they name rather than how, so that "Zelensky's chief of staff" is
/// "Zelenskyy's chief of staff".
struct NameFolds {
    /// Folded name → its entity; `None` for a name of several.
    entity_of: HashMap<String, Option<usize>>,
    /// The most words a name has.
    longest: usize,
}

impl NameFolds {
    /// From every name as written with the entity it names.
    fn new<'a>(names: impl Iterator<Item = (&'a str, usize)>) -> Self {
        let mut surfaces: HashSet<(&str, usize)> = HashSet::new();
        let mut entity_of: HashMap<String, Option<usize>> = HashMap::new();
        for (surface, entity) in names {
            if !surfaces.insert((surface, entity)) {
                continue;
            }
            let slot = entity_of.entry(fold(surface)).or_insert(Some(entity));
            if *slot != Some(entity) {
                *slot = None;
            }
        }
        let longest = entity_of
            .keys()
            .map(|k| k.split(' ').count())
            .max()
            .unwrap_or(1);
        NameFolds { entity_of, longest }
    }

    /// `role` folded, with every name of one entity in it written as that entity.
    fn key(&self, role: &str) -> String {
        let folded = fold(role);
        let words: Vec<&str> = folded.split(' ').collect();
        let mut out: Vec<String> = Vec::with_capacity(words.len());
        let mut i = 0;
        while i < words.len() {
            let name = (1..=self.longest.min(words.len() - i)).rev().find_map(|n| {
                let entity = self.entity_of.get(&words[i..i + n].join(" "))?;
                entity.map(|e| (n, e))
            });
            match name {
                Some((n, entity)) => {
                    out.push(format!("#{entity}"));
                    i += n;
                }
                None => {
                    out.push(words[i].to_string());
                    i += 1;
                }
            }
        }
        out.join(" ")
    }
}

/// Whether a role is one held in the past: "former President", "ex-minister".
fn is_former(role: &str) -> bool {
    let lower = role.to_lowercase();
    lower.starts_with("former ")
        || lower.contains(" former ")
        || lower.starts_with("ex-")
        || lower.contains(" ex-")
}

/// Whether `role` holds the name of a person other than `entity` (their full name, or
/// their surname as a word of its own) other than as a possessive ("Zelenskyy's chief of
/// staff" is a role of the chief of staff).
fn names_another_person(role: &str, entity: usize, table: &Table) -> bool {
    let named = |name: &str| {
        role.match_indices(name).any(|(at, _)| {
            let before = role[..at].chars().next_back();
            let after = &role[at + name.len()..];
            before.is_none_or(|c| !c.is_alphanumeric())
                && !after.starts_with(char::is_alphanumeric)
                && !(after.starts_with("'s") || after.starts_with("\u{2019}s"))
        })
    };
    table.names.iter().enumerate().any(|(other, name)| {
        other != entity
            && table.kinds[other] == ActorKind::Person
            && name.contains(' ')
            && (named(name)
                || name
                    .rsplit(' ')
                    .next()
                    .is_some_and(|surname| surname.chars().count() >= 3 && named(surname)))
    })
}

/// Roles with their counts, a role whose words all appear in a longer one folded into it:
/// "special envoy" into "US special envoy".
fn merge_roles(mut roles: Vec<Role>) -> Vec<Role> {
    let words = |r: &Role| {
        r.key
            .split(' ')
            .map(str::to_string)
            .collect::<HashSet<String>>()
    };
    let mut i = 0;
    while i < roles.len() {
        let mine = words(&roles[i]);
        let wider = (0..roles.len()).find(|&j| {
            let theirs = words(&roles[j]);
            j != i && theirs.len() > mine.len() && mine.is_subset(&theirs)
        });
        match wider {
            Some(j) => {
                let merged = roles.remove(i);
                let into = &mut roles[if j > i { j - 1 } else { j }];
                into.count += merged.count;
                into.sources.extend(merged.sources);
                into.sources.sort_unstable();
                into.sources.dedup();
                into.newest = into.newest.max(merged.newest);
                into.first = into.first.min(merged.first);
            }
            None => i += 1,
        }
    }
    roles
}

/// Registry actors win over what was found: their kind, roles (first), aliases,
/// description and address.
fn apply_registry(actors: &mut [Actor], registry: &[RegistryActor]) {
    for actor in actors.iter_mut() {
        let Some(entry) = registry.iter().find(|r| {
            fold(&r.name) == fold(&actor.name)
                || r.aliases.iter().any(|a| fold(a) == fold(&actor.name))
        }) else {
            continue;
        };
        actor.name = entry.name.clone();
        if let Some(kind) = entry.kind {
            actor.kind = kind;
        }
        // The registry's roles first, then the found ones it does not repeat, each with
        // where it is stated when the sources state it.
        let found: Vec<(String, Option<ParagraphAt>)> =
            actor.roles.drain(..).zip(actor.role_at.drain(..)).collect();
        let stated = |role: &str| {
            found
                .iter()
                .find(|(r, _)| fold(r) == fold(role))
                .and_then(|(_, at)| *at)
        };
        actor.role_at = entry.roles.iter().map(|r| stated(r)).collect();
        actor.roles = entry.roles.clone();
        for (role, at) in &found {
            if !entry.roles.iter().any(|e| fold(e) == fold(role)) {
                actor.roles.push(role.clone());
                actor.role_at.push(*at);
            }
        }
        for alias in &entry.aliases {
            if !actor.aliases.iter().any(|a| fold(a) == fold(alias)) {
                actor.aliases.push(alias.clone());
            }
        }
        actor.aliases.retain(|a| fold(a) != fold(&entry.name));
        actor.description = entry.description.clone();
        actor.url = entry.url.clone();
    }
}

/// A person that surnames and first names can resolve to.
#[derive(Debug, Clone)]
struct Person {
    entity: usize,
    words: Vec<String>,
    first: String,
    surname: String,
}

impl Person {
    fn new(entity: usize, words: Vec<String>) -> Person {
        let first = words.first().map(|w| fold(w)).unwrap_or_default();
        let surname = words.last().map(|w| fold(w)).unwrap_or_default();
        Person {
            entity,
            words,
            first,
            surname,
        }
    }
}

/// The entities found so far.
#[derive(Debug, Default)]
struct Table {
    names: Vec<String>,
    kinds: Vec<ActorKind>,
    people: Vec<Person>,
    /// People (index into `people`) by the skeleton of their surname.
    by_surname: HashMap<String, Vec<usize>>,
    /// People by their folded first name.
    by_first: HashMap<String, Vec<usize>>,
    /// People by the first letter of their folded surname.
    by_initial: HashMap<char, Vec<usize>>,
}

impl Table {
    /// The entity of known entry `k`, made when first met.
    fn known(
        &mut self,
        k: usize,
        lexicon: &Lexicon,
        by_known: &mut HashMap<usize, usize>,
    ) -> usize {
        if let Some(&entity) = by_known.get(&k) {
            return entity;
        }
        let known = lexicon.known(k);
        let entity = self.add(&known.name, known.kind);
        if known.kind == ActorKind::Person {
            self.add_person(entity, words_of(&known.name));
        }
        by_known.insert(k, entity);
        entity
    }

    fn add(&mut self, name: &str, kind: ActorKind) -> usize {
        self.names.push(name.to_string());
        self.kinds.push(kind);
        self.names.len() - 1
    }

    /// Records that `entity` is a person named `words`, for surname and first-name
    /// lookups.
    fn add_person(&mut self, entity: usize, words: Vec<String>) {
        let person = Person::new(entity, words);
        let index = self.people.len();
        if person.words.len() > 1 {
            self.by_surname
                .entry(skeleton(&person.surname))
                .or_default()
                .push(index);
            self.by_first
                .entry(person.first.clone())
                .or_default()
                .push(index);
        }
        let initial = person.surname.chars().next().unwrap_or(' ');
        self.by_initial.entry(initial).or_default().push(index);
        self.people.push(person);
    }

    /// The person already known whose full name `words` names.
    fn same_person(&self, words: &[String]) -> Option<usize> {
        let initial = words
            .last()
            .and_then(|w| fold(w).chars().next())
            .unwrap_or(' ');
        self.by_initial
            .get(&initial)?
            .iter()
            .map(|&i| &self.people[i])
            .find(|p| same_person(&p.words, words))
            .map(|p| p.entity)
    }

    /// The one person already known whose name has more words than `words` (two or more)
    /// and begins with them: "Recep Tayyip" is Recep Tayyip Erdogan; "Kim Jong" is no one
    /// when Kim Jong Un and Kim Jong Il are both known.
    fn person_begun_by(&self, words: &[String]) -> Option<usize> {
        if words.len() < 2 {
            return None;
        }
        let folded: Vec<String> = words.iter().map(|w| fold(w)).collect();
        let mut found = self
            .by_first
            .get(&folded[0])?
            .iter()
            .map(|&i| &self.people[i])
            .filter(|p| {
                p.words.len() > words.len()
                    && p.words.iter().zip(&folded).all(|(w, f)| fold(w) == *f)
            })
            .map(|p| p.entity);
        let entity = found.next()?;
        found.all(|other| other == entity).then_some(entity)
    }

    /// The person whose surname `word` is (as spelled or transliterated otherwise):
    /// among the people of the same source if any match, else among all when `anywhere`;
    /// the most mentioned when several do.
    fn person_by_surname(
        &self,
        word: &str,
        here: &[usize],
        counts: &[usize],
        anywhere: bool,
    ) -> Option<usize> {
        let candidates = self.by_surname.get(&skeleton(&fold(word)))?;
        let entities = || candidates.iter().map(|&i| self.people[i].entity);
        let local: Vec<usize> = entities().filter(|e| here.contains(e)).collect();
        let pool = match local.is_empty() {
            false => local,
            true if anywhere => entities().collect(),
            true => return None,
        };
        pool.into_iter()
            .max_by_key(|&e| (counts.get(e).copied().unwrap_or(0), std::cmp::Reverse(e)))
    }

    /// The one person of the same source whose first name `word` is.
    fn person_by_first_name(&self, word: &str, here: &[usize]) -> Option<usize> {
        let mut matches = self
            .by_first
            .get(&fold(word))?
            .iter()
            .map(|&i| self.people[i].entity)
            .filter(|e| here.contains(e));
        let first = matches.next()?;
        matches.all(|e| e == first).then_some(first)
    }
}

/// Groups variants of full names (index into `variants`) that name one person.
fn cluster_people(variants: &[(&Vec<String>, usize)]) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..variants.len()).collect();
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    // Only names with the same folded first letter of the surname can merge: compare
    // within those blocks.
    let mut blocks: BTreeMap<char, Vec<usize>> = BTreeMap::new();
    for (i, (words, _)) in variants.iter().enumerate() {
        let initial = words
            .last()
            .and_then(|w| fold(w).chars().next())
            .unwrap_or(' ');
        blocks.entry(initial).or_default().push(i);
    }
    for block in blocks.values() {
        for (n, &a) in block.iter().enumerate() {
            for &b in &block[n + 1..] {
                if same_person(variants[a].0, variants[b].0) {
                    let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
                    parent[ra.max(rb)] = ra.min(rb);
                }
            }
        }
    }
    let mut clusters: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..variants.len() {
        let r = root(&mut parent, i);
        clusters.entry(r).or_default().push(i);
    }
    clusters.into_values().collect()
}

/// Whether two full names name one person: surnames and first names alike.
fn same_person(a: &[String], b: &[String]) -> bool {
    let (Some(first_a), Some(first_b)) = (a.first(), b.first()) else {
        return false;
    };
    let surname = |w: &[String]| fold(&w[1.min(w.len() - 1)..].join(" "));
    let (sa, sb) = (surname(a), surname(b));
    let (fa, fb) = (fold(first_a), fold(first_b));
    alike(&sa, &sb, SAME_SURNAME)
        && (alike(&fa, &fb, SAME_FIRST_NAME) || is_initial(&fa, &fb) || is_initial(&fb, &fa))
}

/// Whether two folded words are one word spelled two ways: equal, or alike and with the
/// same initial.
fn alike(a: &str, b: &str, threshold: f64) -> bool {
    a == b || (a.chars().next() == b.chars().next() && jaro_winkler(a, b) >= threshold)
}

/// A folded word reduced to what survives transliteration: `y`, `j` and `i` alike, `w`
/// as `v`, `kh` as `h`, no doubled letters. "Zelensky", "Zelenskyy" and "Zelenskiy" share
/// one skeleton; "Johnson" and "Johnston" do not, nor "Marco" and "Macron".
pub fn skeleton(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut chars = word.chars().peekable();
    while let Some(c) = chars.next() {
        let c = match c {
            'y' | 'j' => 'i',
            'w' => 'v',
            'k' if chars.peek() == Some(&'h') => {
                chars.next();
                'h'
            }
            c => c,
        };
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// Whether `short` is the initial of `full` ("j" or "j." of "john").
fn is_initial(short: &str, full: &str) -> bool {
    let short = short.trim_end_matches('.');
    short.chars().count() == 1 && full.starts_with(short)
}

/// A surname without the particles it starts with: "Aalst" for "Van Aalst".
fn without_particles(word: &str) -> &str {
    let mut rest = word;
    while let Some((first, after)) = rest.split_once(' ') {
        if !super::recognize::SURNAME_PARTICLES.contains(&first.to_lowercase().as_str()) {
            break;
        }
        rest = after;
    }
    rest
}

/// The words of a name.
fn words_of(name: &str) -> Vec<String> {
    name.split_whitespace().map(str::to_string).collect()
}

/// A name folded for comparison: ASCII, lower case, possessive and punctuation dropped.
pub fn fold(name: &str) -> String {
    let ascii = deunicode::deunicode(name).to_lowercase();
    let ascii = ascii.strip_suffix("'s").unwrap_or(&ascii).to_string();
    ascii
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(name: &str) -> Vec<String> {
        words_of(name)
    }

    #[test]
    fn transliterations_and_misspellings_are_one_person() {
        for (a, b) in [
            ("Volodymyr Zelenskyy", "Volodymry Zelenskyy"),
            ("Volodymyr Zelenskyy", "Volodymyr Zelensky"),
            ("Yuri Ushakov", "Yury Ushakov"),
            ("Kirill Dmitriev", "Kirill Dmitriyev"),
            ("Dmitry Peskov", "Dmitri Peskov"),
            ("Vladimir Putin", "Vladmir Putin"),
            ("Steve Witkoff", "Steven Witkoff"),
            ("J. Smith", "John Smith"),
        ] {
            assert!(same_person(&words(a), &words(b)), "{a} / {b}");
        }
    }

    #[test]
    fn a_surname_alone_matches_its_transliterations_only() {
        assert_eq!(skeleton("zelensky"), skeleton("zelenskyy"));
        assert_eq!(skeleton("zelenskiy"), skeleton("zelenskyy"));
        assert_eq!(skeleton("peskow"), skeleton("peskov"));
        assert_eq!(skeleton("dmitriyev"), skeleton("dmitriev"));
        assert_ne!(skeleton("johnston"), skeleton("johnson"));
        assert_ne!(skeleton("marco"), skeleton("macron"));
    }

    #[test]
    fn two_people_who_share_a_surname_stay_apart() {
        for (a, b) in [
            ("Donald Trump", "Eric Trump"),
            ("Boris Johnson", "Lyndon Johnson"),
            ("Kim Jong", "Kim Yo"),
        ] {
            assert!(!same_person(&words(a), &words(b)), "{a} / {b}");
        }
    }

    #[test]
    fn the_first_words_of_one_known_name_are_that_person() {
        let mut table = Table::default();
        for name in ["Recep Tayyip Erdogan", "Kim Jong Un", "Kim Jong Il"] {
            let entity = table.add(name, ActorKind::Person);
            table.add_person(entity, words(name));
        }
        assert_eq!(table.person_begun_by(&words("Recep Tayyip")), Some(0));
        assert_eq!(
            table.person_begun_by(&words("Kim Jong")),
            None,
            "two people"
        );
        assert_eq!(table.person_begun_by(&words("Recep Erdogan")), None);
        assert_eq!(table.person_begun_by(&words("Recep")), None, "one word");
    }

    #[test]
    fn roles_naming_one_actor_two_ways_are_one() {
        let names = NameFolds::new(
            [
                ("Volodymyr Zelenskyy", 0),
                ("Zelenskyy", 0),
                ("Zelensky", 0),
                ("Zelenskiy", 0),
                ("Kyiv", 1),
                ("Georgia", 2),
                ("Georgia", 3),
            ]
            .into_iter(),
        );
        let key = names.key("Zelenskyy's chief of staff");
        assert_eq!(key, "#0 s chief of staff");
        assert_eq!(names.key("Zelensky's chief of staff"), key);
        assert_eq!(names.key("Volodymyr Zelenskyy's chief of staff"), key);
        assert_ne!(names.key("Kyiv's chief of staff"), key);
        // A name of two entities stays as written.
        assert_eq!(names.key("Georgia's envoy"), "georgia s envoy");
    }

    #[test]
    fn a_role_inside_a_longer_one_joins_it() {
        let role = |text: &str, count| Role {
            text: text.into(),
            count,
            key: fold(text),
            sources: vec![0],
            newest: None,
            first: ParagraphAt {
                document: 0,
                block: 0,
            },
        };
        let roles = merge_roles(vec![
            role("special envoy", 2),
            role("US special envoy", 1),
            role("aide", 1),
        ]);
        assert_eq!(roles, [role("US special envoy", 3), role("aide", 1)]);
    }

    #[test]
    fn the_role_most_sources_state_leads_and_the_newest_breaks_a_tie() {
        let day = |d| NaiveDate::from_ymd_opt(2025, 3, d);
        let role = |text: &str, count, sources: &[usize], newest| Role {
            text: text.into(),
            count,
            key: fold(text),
            sources: sources.to_vec(),
            newest: day(newest),
            first: ParagraphAt {
                document: sources[0],
                block: 0,
            },
        };
        // Mentioned most often, but in one source: fewer sources state it.
        let mut roles = vec![
            role("acting mayor", 9, &[0], 1),
            role("deputy mayor", 2, &[0, 1], 2),
            role("mayor", 2, &[2, 3], 9),
            role("former minister", 5, &[0, 1, 2, 3, 4], 9),
        ];
        order_roles(&mut roles);
        let order: Vec<&str> = roles.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(
            order,
            ["mayor", "deputy mayor", "acting mayor", "former minister"]
        );
    }

    #[test]
    fn past_roles_and_other_people_s_roles_are_told() {
        assert!(is_former("former President"));
        assert!(is_former("ex-minister of defence"));
        assert!(!is_former("President"));
        let mut table = Table::default();
        let trump = table.add("Donald Trump", ActorKind::Person);
        table.add("JD Vance", ActorKind::Person);
        let yermak = table.add("Andriy Yermak", ActorKind::Person);
        table.add("Volodymyr Zelenskyy", ActorKind::Person);
        assert!(names_another_person(
            "Vice President JD Vance",
            trump,
            &table
        ));
        assert!(!names_another_person("President", trump, &table));
        assert!(names_another_person("Vice President Vance", trump, &table));
        assert!(!names_another_person("Vancelot's aide", trump, &table));
        assert!(!names_another_person(
            "Volodymyr Zelenskyy's chief of staff",
            yermak,
            &table
        ));
    }

    #[test]
    fn folding_drops_accents_case_and_possessives() {
        assert_eq!(fold("Zelenskyy's"), "zelenskyy");
        assert_eq!(fold("Côte d’Ivoire"), "cote d ivoire");
        assert_eq!(fold("U.S."), "u s");
    }
}
