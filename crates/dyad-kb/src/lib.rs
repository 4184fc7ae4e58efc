//! The time-aware actor knowledge base of dyad's resolve stage: countries,
//! organisations, office-holders with their terms, titles and aliases, loaded
//! from versioned TSV files (`data/`, documented in `data/README.md`) and
//! compiled into an in-memory index. It answers "who held office X in country
//! Y on day D", resolves text mentions to actors as of a date, and reports
//! mentions that give a person an office they did not hold on that date.
//!
//! Users layer their own files over the built-in ones: dyad's TSV tables or
//! PETRARCH/TABARI CAMEO actor and agent dictionaries (detected by content).
//! The crate does no I/O: callers pass file contents.

mod cameo;
mod date;
pub mod import;
mod resolve;
pub mod table;
mod text;

pub use cameo::{cameo_to_dyad, is_cameo};
pub use date::{format_day, parse_query_date, Day};
pub use resolve::{Anachronism, Claim, DocContext, MentionKind, ResolvedMention, TermRef};
/// The match key of a phrase: lower case, accents folded, words joined by
/// single spaces ("Vučić" and "Vucic" share the key `vucic`).
pub use text::key as match_key;

use chrono::NaiveDate;
use date::{day_of, parse_date_bound, Bound};
use dyad_core::Diagnostic;
use once_cell::sync::OnceCell;
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use table::{list, TableKind};
use text::{case_rule, key, CaseRule};

/// The roles every knowledge base knows, whatever its data files say.
pub const CORE_ROLES: [&str; 4] = [
    "head_of_state",
    "head_of_government",
    "foreign_minister",
    "defense_minister",
];

/// The built-in data files, embedded so nothing is read from disk at run time.
pub const BUILTIN_FILES: &[(&str, &str)] = &[
    ("roles.tsv", include_str!("../data/roles.tsv")),
    ("cues.tsv", include_str!("../data/cues.tsv")),
    ("countries.tsv", include_str!("../data/countries.tsv")),
    (
        "organisations.tsv",
        include_str!("../data/organisations.tsv"),
    ),
    ("titles.tsv", include_str!("../data/titles.tsv")),
    ("aliases.tsv", include_str!("../data/aliases.tsv")),
    (
        "imported/offices.reign.tsv",
        include_str!("../data/imported/offices.reign.tsv"),
    ),
    (
        "imported/offices.countryinfo.tsv",
        include_str!("../data/imported/offices.countryinfo.tsv"),
    ),
    (
        "imported/offices.ifg.tsv",
        include_str!("../data/imported/offices.ifg.tsv"),
    ),
    ("offices.tsv", include_str!("../data/offices.tsv")),
    (
        "offices.world.tsv",
        include_str!("../data/offices.world.tsv"),
    ),
    (
        "offices.recent.tsv",
        include_str!("../data/offices.recent.tsv"),
    ),
    ("places.tsv", include_str!("../data/places.tsv")),
];

/// Errors of loading a layer that cannot be used at all.
#[derive(Debug, thiserror::Error)]
pub enum KbError {
    #[error("{0}: not a dyad knowledge-base table (unknown header) nor a CAMEO dictionary")]
    UnknownFormat(String),
    #[error("{name}: {count} error(s) in the file, first: {first}")]
    Invalid {
        name: String,
        count: usize,
        first: String,
    },
}

/// A country of the knowledge base.
#[derive(Debug, Clone, Serialize)]
pub struct Country {
    pub code: String,
    pub name: String,
    /// The seat of government (the first capital the table lists), where known:
    /// "the Laotian capital" is Vientiane.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capital: Option<String>,
    pub source: String,
}

/// An international organisation or grouping.
#[derive(Debug, Clone, Serialize)]
pub struct Organisation {
    pub code: String,
    pub name: String,
    pub members: Vec<String>,
    pub source: String,
}

/// One person's term in one office.
#[derive(Debug, Clone, Serialize)]
pub struct OfficeTerm {
    pub country: String,
    pub role: String,
    pub name: String,
    pub start: Option<String>,
    pub end: Option<String>,
    /// Where the office is held, for ambassadors: the host country or organisation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub post: Option<String>,
    pub source: String,
    #[serde(skip)]
    pub(crate) start_day: Day,
    #[serde(skip)]
    pub(crate) end_day: Day,
    #[serde(skip)]
    pub(crate) rank: (u16, u8),
    #[serde(skip)]
    pub(crate) person: usize,
}

impl OfficeTerm {
    /// Whether the term covers `day` (both ends inclusive; a missing start or
    /// end is open).
    pub fn covers(&self, day: Day) -> bool {
        self.start_day <= day && day <= self.end_day
    }
}

/// A person known from office terms.
#[derive(Debug, Clone)]
pub(crate) struct Person {
    pub name: String,
    pub country: String,
    pub terms: Vec<usize>,
    /// The rank ([`source_rank`]) of the row whose spelling `name` is: a
    /// curated row's spelling ("Park Geun-hye") replaces an import's ("Park
    /// Geun Hye") of the same name.
    pub name_rank: u8,
}

/// What a knowledge-base phrase stands for.
#[derive(Debug, Clone)]
pub(crate) enum EntryKind {
    Country(String),
    Adjective(String),
    Metonym {
        country: String,
        sector: String,
    },
    Organisation(String),
    Person(usize),
    Title {
        role: String,
        countries: Vec<String>,
    },
    /// A CAMEO agent (`~GOV`): a sector that attaches to a neighbouring country.
    Agent(String),
    /// A phrase with dated actor codes (dyad aliases table, CAMEO actors).
    Coded {
        windows: Vec<(Day, Day, String)>,
        person: Option<String>,
    },
    /// A city, venue or region (places table): where something happens, in
    /// a country, not an actor.
    Place(String),
}

/// A phrase standing for states a text named before it.
#[derive(Debug, Clone)]
pub(crate) struct PairPhrase {
    /// The phrase as word keys.
    pub(crate) words: Vec<String>,
    /// How many states it stands for.
    pub(crate) many: usize,
    /// Whether it names people ("the two presidents"): then the people the
    /// text named decide which states, before any state named as a place.
    pub(crate) people: bool,
}

#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub kind: EntryKind,
    pub rule: CaseRule,
    pub layer: u16,
    pub source: String,
    /// The phrase as written ends with a period ("U.S.") that the span should keep.
    pub trailing_period: bool,
}

/// The compiled knowledge base. Build it once and share it: every query
/// method takes `&self`.
#[derive(Debug, Default)]
pub struct KnowledgeBase {
    pub(crate) countries: HashMap<String, Country>,
    pub(crate) country_by_key: HashMap<String, String>,
    pub(crate) organisations: HashMap<String, Organisation>,
    pub(crate) terms: Vec<OfficeTerm>,
    pub(crate) offices: HashMap<(String, String), Vec<usize>>,
    pub(crate) persons: Vec<Person>,
    pub(crate) person_index: HashMap<(String, String), usize>,
    pub(crate) persons_by_name: HashMap<String, Vec<usize>>,
    pub(crate) surnames: HashMap<String, Vec<usize>>,
    pub(crate) roles: HashMap<String, (String, String)>,
    pub(crate) title_roles: HashMap<String, (String, Vec<String>)>,
    pub(crate) cues: HashMap<String, bool>,
    /// Phrases that stand for states a text named before ("the two
    /// countries", "both sides", "the three leaders"); from `cues.tsv` rows
    /// `pair`, `trio`, `pair_people` and `trio_people`.
    pub(crate) pair_phrases: Vec<PairPhrase>,
    /// Ordinary lower-case words spelled like a country or a demonym
    /// ("china", "turkey", "polish"): such a name is read only when
    /// capitalised; other names are read in lower case too, where the text's
    /// casing is broken ("iSrael", "tunisian rioters"). From `cues.tsv` rows
    /// `word`.
    pub(crate) common_words: HashSet<String>,
    /// Words of address between a title and a name ("Foreign Minister Sheikh
    /// Abdullah bin Zayed", "Prince Faisal"): no part of the name. From
    /// `cues.tsv` rows `honorific`.
    pub(crate) honorifics: HashSet<String>,
    /// Roles whose titles reports keep giving people after their terms end
    /// (advisers, intelligence chiefs, chiefs of staff): such a title is
    /// still checked against the terms, but does not date a report. From
    /// `cues.tsv` rows `loose_title`.
    pub(crate) loose_titles: HashSet<String>,
    pub(crate) entries: Vec<Entry>,
    pub(crate) gazetteer: HashMap<String, Vec<u32>>,
    /// Longest phrase (in words) starting with each first word.
    pub(crate) first_words: HashMap<String, u8>,
    pub diagnostics: Vec<Diagnostic>,
    pub load_ms: f64,
}

static BUILTIN: OnceCell<KnowledgeBase> = OnceCell::new();

/// The rank of a record's source: curated facts first (hand-entered ones and
/// hand-entered ones since checked against a cited page rank alike, so
/// checking a row never changes which row answers), then the sources by
/// how exact their dates are (IfG and CountryInfo's leader list are to the
/// day, CountryInfo's cabinets to the month, REIGN names leaders by surname).
fn source_rank(source: &str) -> u8 {
    let s = source.trim();
    if s.starts_with("dyad-curated") || s.starts_with("dyad-verified") {
        0
    } else if s.starts_with("ifg") {
        1
    } else if s.starts_with("countryinfo:leaders") {
        2
    } else if s.starts_with("countryinfo") {
        3
    } else if s.starts_with("reign") {
        4
    } else {
        1
    }
}

impl KnowledgeBase {
    /// The built-in knowledge base, compiled on first use and shared.
    pub fn builtin() -> &'static KnowledgeBase {
        BUILTIN.get_or_init(|| {
            let (kb, _) = Self::load(&[]);
            kb
        })
    }

    /// The built-in files with user layers on top (later layers win). Each
    /// layer is `(name, contents)`: a dyad table or a CAMEO dictionary.
    /// Returns an error for a layer in neither format; problems inside a
    /// usable file are kept as diagnostics in `kb.diagnostics`.
    pub fn with_layers(layers: &[(&str, &str)]) -> Result<KnowledgeBase, KbError> {
        for (name, contents) in layers {
            if table::detect_kind(contents).is_none() && !is_cameo(contents) {
                return Err(KbError::UnknownFormat((*name).to_string()));
            }
        }
        let (kb, _) = Self::load(layers);
        Ok(kb)
    }

    fn load(layers: &[(&str, &str)]) -> (KnowledgeBase, ()) {
        let started = std::time::Instant::now();
        let mut kb = KnowledgeBase::default();
        let mut converted: Vec<(String, String)> = Vec::new();
        for (name, contents) in layers {
            if table::detect_kind(contents).is_none() {
                let (tsv, diags) = cameo_to_dyad(name, contents);
                kb.diagnostics.extend(diags);
                converted.push(((*name).to_string(), tsv));
            } else {
                converted.push(((*name).to_string(), (*contents).to_string()));
            }
        }
        let mut all: Vec<(&str, &str, u16)> =
            BUILTIN_FILES.iter().map(|(n, c)| (*n, *c, 0u16)).collect();
        for (i, (n, c)) in converted.iter().enumerate() {
            all.push((n.as_str(), c.as_str(), (i + 1) as u16));
        }
        // Tables that others refer to go first, whatever the layer order.
        let order = [
            TableKind::Roles,
            TableKind::Cues,
            TableKind::Countries,
            TableKind::Organisations,
            TableKind::Offices,
            TableKind::Titles,
            TableKind::Aliases,
            TableKind::Places,
        ];
        let parsed: Vec<(&str, u16, table::Table)> = all
            .iter()
            .filter_map(|(n, c, l)| table::parse(n, c).map(|t| (*n, *l, t)))
            .collect();
        for kind in order {
            for (name, layer, t) in parsed.iter().filter(|(_, _, t)| t.kind == kind) {
                kb.diagnostics.extend(t.diagnostics.iter().cloned());
                kb.add_table(name, *layer, t);
            }
        }
        kb.finish();
        kb.load_ms = started.elapsed().as_secs_f64() * 1000.0;
        (kb, ())
    }

    fn add_entry(&mut self, phrase: &str, kind: EntryKind, layer: u16, source: &str) {
        let k = key(phrase);
        if k.is_empty() {
            return;
        }
        let words = k.split(' ').count().min(255) as u8;
        let first = k.split(' ').next().unwrap_or("").to_string();
        let slot = self.first_words.entry(first).or_insert(0);
        *slot = (*slot).max(words);
        let id = self.entries.len() as u32;
        self.entries.push(Entry {
            kind,
            rule: case_rule(phrase),
            layer,
            source: source.to_string(),
            trailing_period: phrase.trim_end().ends_with('.'),
        });
        self.gazetteer.entry(k).or_default().push(id);
    }

    fn add_table(&mut self, name: &str, layer: u16, t: &table::Table) {
        match t.kind {
            TableKind::Roles => {
                for r in &t.rows {
                    self.roles.insert(
                        r.get(0).to_string(),
                        (r.get(1).to_string(), r.get(2).to_string()),
                    );
                }
            }
            TableKind::Cues => {
                for r in &t.rows {
                    if r.get(1) == "word" {
                        self.common_words.insert(key(r.get(0)));
                        continue;
                    }
                    if r.get(1) == "honorific" {
                        self.honorifics.insert(key(r.get(0)));
                        continue;
                    }
                    if r.get(1) == "loose_title" {
                        self.loose_titles.insert(r.get(0).to_string());
                        continue;
                    }
                    let many = match r.get(1) {
                        "pair" => Some((2, false)),
                        "trio" => Some((3, false)),
                        "pair_people" => Some((2, true)),
                        "trio_people" => Some((3, true)),
                        _ => None,
                    };
                    if let Some((n, people)) = many {
                        let words = text::key_words(r.get(0));
                        if !words.is_empty() && !self.pair_phrases.iter().any(|p| p.words == words)
                        {
                            self.pair_phrases.push(PairPhrase {
                                words,
                                many: n,
                                people,
                            });
                        }
                    } else {
                        self.cues.insert(key(r.get(0)), r.get(1) == "past");
                    }
                }
            }
            TableKind::Countries => {
                for r in &t.rows {
                    let code = r.get(0).to_string();
                    let source = r.get(5);
                    self.countries.insert(
                        code.clone(),
                        Country {
                            code: code.clone(),
                            name: r.get(1).to_string(),
                            capital: list(r.get(4)).next().map(str::to_string),
                            source: source.to_string(),
                        },
                    );
                    self.country_by_key.insert(key(r.get(1)), code.clone());
                    self.country_by_key.insert(key(&code), code.clone());
                    self.add_entry(r.get(1), EntryKind::Country(code.clone()), layer, source);
                    for a in list(r.get(2)) {
                        self.country_by_key
                            .entry(key(a))
                            .or_insert_with(|| code.clone());
                        self.add_entry(a, EntryKind::Country(code.clone()), layer, source);
                    }
                    for a in list(r.get(3)) {
                        self.add_entry(a, EntryKind::Adjective(code.clone()), layer, source);
                    }
                    for a in list(r.get(4)) {
                        let kind = EntryKind::Metonym {
                            country: code.clone(),
                            sector: "GOV".into(),
                        };
                        self.add_entry(a, kind, layer, source);
                    }
                }
            }
            TableKind::Organisations => {
                for r in &t.rows {
                    let code = r.get(0).to_string();
                    let source = r.get(4);
                    self.organisations.insert(
                        code.clone(),
                        Organisation {
                            code: code.clone(),
                            name: r.get(1).to_string(),
                            members: list(r.get(3)).map(str::to_string).collect(),
                            source: source.to_string(),
                        },
                    );
                    self.add_entry(
                        r.get(1),
                        EntryKind::Organisation(code.clone()),
                        layer,
                        source,
                    );
                    for a in list(r.get(2)) {
                        self.add_entry(a, EntryKind::Organisation(code.clone()), layer, source);
                    }
                }
            }
            TableKind::Offices => {
                for r in &t.rows {
                    self.add_term(name, layer, r);
                }
            }
            TableKind::Titles => {
                for r in &t.rows {
                    let role = r.get(1).to_string();
                    let countries: Vec<String> = list(r.get(2)).map(str::to_string).collect();
                    self.title_roles
                        .insert(key(r.get(0)), (role.clone(), countries.clone()));
                    let source = if r.get(3).is_empty() { name } else { r.get(3) };
                    self.add_entry(
                        r.get(0),
                        EntryKind::Title { role, countries },
                        layer,
                        source,
                    );
                }
            }
            TableKind::Aliases => self.add_aliases(name, layer, t),
            TableKind::Places => {
                for r in &t.rows {
                    let (place, country, source) = (r.get(0), r.get(1), r.get(4));
                    if place.is_empty() {
                        continue;
                    }
                    // A place in a country the knowledge base does not know
                    // could not be coded; say so rather than guess.
                    if !self.countries.contains_key(country) {
                        self.diagnostics.push(Diagnostic::error(format!(
                            "{name}:{}: unknown country `{country}`",
                            r.line
                        )));
                        continue;
                    }
                    let source = if source.is_empty() { name } else { source };
                    for phrase in std::iter::once(place).chain(list(r.get(3))) {
                        let kind = EntryKind::Place(country.to_string());
                        self.add_entry(phrase, kind, layer, source);
                    }
                }
            }
        }
    }

    fn add_term(&mut self, file: &str, layer: u16, r: &table::Row) {
        let (country, role, name) = (r.get(0), r.get(1), r.get(2));
        if country.is_empty() || role.is_empty() || name.is_empty() {
            return;
        }
        let start_day = parse_date_bound(r.get(3), Bound::Start).unwrap_or(0);
        let end_day = parse_date_bound(r.get(4), Bound::End).unwrap_or(99_991_231);
        let source = if r.get(7).is_empty() { file } else { r.get(7) };
        let pkey = (key(name), country.to_string());
        let person = match self.person_index.get(&pkey) {
            Some(&p) => {
                self.respell_person(p, name, layer, source);
                p
            }
            None => {
                let p = self.persons.len();
                self.persons.push(Person {
                    name: name.to_string(),
                    country: country.to_string(),
                    terms: Vec::new(),
                    name_rank: source_rank(source),
                });
                self.person_index.insert(pkey.clone(), p);
                self.persons_by_name
                    .entry(pkey.0.clone())
                    .or_default()
                    .push(p);
                let words: Vec<&str> = pkey.0.split(' ').collect();
                // A one-word name from an import is a bare surname (REIGN's
                // "May"): too ambiguous to match on its own in text; curated
                // mononyms ("Naruhito", "Sugiono") are meant to match.
                if words.len() >= 2 || source_rank(source) == 0 {
                    self.add_entry(name, EntryKind::Person(p), layer, source);
                } else {
                    self.surnames.entry(pkey.0.clone()).or_default().push(p);
                }
                if words.len() >= 2 {
                    if let Some(family) = family_name(name, &words) {
                        self.surnames.entry(family).or_default().push(p);
                    }
                }
                p
            }
        };
        for a in list(r.get(6)) {
            let ak = key(a);
            if !self
                .persons_by_name
                .get(&ak)
                .is_some_and(|v| v.contains(&person))
            {
                self.persons_by_name
                    .entry(ak.clone())
                    .or_default()
                    .push(person);
                if ak.contains(' ') {
                    self.add_entry(a, EntryKind::Person(person), layer, source);
                } else {
                    // A one-word alias is a family name written first or
                    // alone ("Shin", "Jaishankar"): used like a surname.
                    let list = self.surnames.entry(ak).or_default();
                    if !list.contains(&person) {
                        list.push(person);
                    }
                }
            }
        }
        let idx = self.terms.len();
        self.terms.push(OfficeTerm {
            country: country.to_string(),
            role: role.to_string(),
            name: self
                .persons
                .get(person)
                .map(|p| p.name.clone())
                .unwrap_or_default(),
            start: non_empty(r.get(3)),
            end: non_empty(r.get(4)),
            post: non_empty(r.get(5)),
            source: source.to_string(),
            start_day,
            end_day,
            rank: (u16::MAX - layer, source_rank(source)),
            person,
        });
        if let Some(p) = self.persons.get_mut(person) {
            p.terms.push(idx);
        }
        self.offices
            .entry((country.to_string(), role.to_string()))
            .or_default()
            .push(idx);
    }

    /// Another row's spelling of person `p`'s name (the same words, other
    /// case or punctuation): a better-ranked source's spelling ("Park
    /// Geun-hye" for an import's "Park Geun Hye") becomes the name shown, and
    /// the spelling is matched in text as written there.
    fn respell_person(&mut self, p: usize, name: &str, layer: u16, source: &str) {
        let rank = source_rank(source);
        let Some(per) = self.persons.get_mut(p) else {
            return;
        };
        // (Accents alone do not count: wires drop them as often as not, and
        // the first spelling stays.)
        let folded = |n: &str| n.chars().map(text::fold_char).collect::<String>();
        if rank >= per.name_rank || folded(&per.name) == folded(name) {
            return;
        }
        per.name = name.to_string();
        per.name_rank = rank;
        let words: Vec<String> = text::key_words(name);
        if words.len() >= 2 {
            self.add_entry(name, EntryKind::Person(p), layer, source);
            let refs: Vec<&str> = words.iter().map(String::as_str).collect();
            if let Some(family) = family_name(name, &refs) {
                let list = self.surnames.entry(family).or_default();
                if !list.contains(&p) {
                    list.push(p);
                }
            }
        }
    }

    fn add_aliases(&mut self, file: &str, layer: u16, t: &table::Table) {
        // Rows of one phrase gather into one entry with its dated codes.
        let mut grouped: Vec<AliasGroup> = Vec::new();
        let mut at: HashMap<String, usize> = HashMap::new();
        for r in &t.rows {
            let alias = r.get(0);
            let actor = r.get(1);
            if alias.is_empty() || actor.is_empty() {
                continue;
            }
            let s = parse_date_bound(r.get(2), Bound::Start).unwrap_or(0);
            let e = parse_date_bound(r.get(3), Bound::End).unwrap_or(99_991_231);
            let source = if r.get(5).is_empty() { file } else { r.get(5) };
            let person = non_empty(r.get(4));
            let dated = !r.get(2).is_empty() || !r.get(3).is_empty();
            if !dated && person.is_none() {
                if let Some(kind) = self.plain_alias_kind(actor) {
                    if let EntryKind::Country(c) = &kind {
                        self.country_by_key
                            .entry(key(alias))
                            .or_insert_with(|| c.clone());
                    }
                    self.add_entry(alias, kind, layer, source);
                    continue;
                }
            }
            let slot = *at.entry(alias.to_string()).or_insert_with(|| {
                grouped.push((alias.to_string(), Vec::new(), None, source.to_string()));
                grouped.len() - 1
            });
            if let Some(g) = grouped.get_mut(slot) {
                g.1.push((s, e, actor.to_string()));
                if g.2.is_none() {
                    g.2 = person;
                }
            }
        }
        for (alias, windows, person, source) in grouped {
            self.add_entry(&alias, EntryKind::Coded { windows, person }, layer, &source);
        }
    }

    /// An undated alias to a plain country, country sector, organisation or
    /// agent code becomes the matching typed entry.
    fn plain_alias_kind(&self, actor: &str) -> Option<EntryKind> {
        if let Some(sector) = actor.strip_prefix('~') {
            return Some(EntryKind::Agent(sector.to_string()));
        }
        if self.organisations.contains_key(actor) {
            return Some(EntryKind::Organisation(actor.to_string()));
        }
        // A joint code (`BEL/NLD/LUX`) names several actors, no one country.
        if actor.contains('/') {
            return None;
        }
        let (c, sector) = actor.split_at(actor.len().min(3));
        if self.countries.contains_key(c) {
            return Some(if sector.is_empty() {
                EntryKind::Country(c.to_string())
            } else {
                EntryKind::Metonym {
                    country: c.to_string(),
                    sector: sector.to_string(),
                }
            });
        }
        None
    }

    /// Sources that name a leader by surname only (REIGN) describe the same
    /// person as a fuller record of that country: their terms move to the
    /// full name, so "Biden" and "Joe Biden" are one person.
    fn merge_surname_only_persons(&mut self) {
        let mut moves: Vec<(usize, usize)> = Vec::new();
        for (p, per) in self.persons.iter().enumerate() {
            let k = key(&per.name);
            if k.contains(' ') || k.is_empty() {
                continue;
            }
            let Some(cands) = self.surnames.get(&k) else {
                continue;
            };
            let same: Vec<usize> = cands
                .iter()
                .copied()
                .filter(|&q| {
                    q != p
                        && self.persons.get(q).is_some_and(|x| {
                            x.country == per.country && key(&x.name).ends_with(&format!(" {k}"))
                        })
                })
                .collect();
            if let [q] = same.as_slice() {
                moves.push((p, *q));
            }
        }
        for (p, q) in moves {
            let terms = self
                .persons
                .get_mut(p)
                .map(|x| std::mem::take(&mut x.terms))
                .unwrap_or_default();
            let name = self
                .persons
                .get(q)
                .map(|x| x.name.clone())
                .unwrap_or_default();
            for &t in &terms {
                if let Some(term) = self.terms.get_mut(t) {
                    term.person = q;
                    term.name = name.clone();
                }
            }
            if let Some(target) = self.persons.get_mut(q) {
                target.terms.extend(terms);
            }
            for e in &mut self.entries {
                if matches!(e.kind, EntryKind::Person(x) if x == p) {
                    e.kind = EntryKind::Person(q);
                }
            }
        }
    }

    fn finish(&mut self) {
        self.merge_surname_only_persons();
        // A term carries its holder's name as the person's best spelling,
        // which a later, better-ranked row may have given.
        for term in &mut self.terms {
            if let Some(p) = self.persons.get(term.person) {
                if term.name != p.name {
                    term.name = p.name.clone();
                }
            }
        }
        let terms = &self.terms;
        for list in self.offices.values_mut() {
            list.sort_by_key(|&i| {
                terms
                    .get(i)
                    .map(|t| (t.start_day, t.end_day))
                    .unwrap_or((0, 0))
            });
        }
        // Keep only the top layer of each phrase: a user's entry replaces the
        // built-in meaning of the same words rather than competing with it.
        // A CAMEO dictionary, though, only knows codes: where it names a
        // person or a title the knowledge base has terms for, the built-in
        // person or title stays (and outranks the code), so terms, roles on
        // the date and anachronism checks still work under such a layer.
        let entries = &self.entries;
        for ids in self.gazetteer.values_mut() {
            let top = ids
                .iter()
                .filter_map(|&i| entries.get(i as usize))
                .map(|e| e.layer)
                .max();
            let Some(top) = top else { continue };
            let top_is_cameo = ids
                .iter()
                .filter_map(|&i| entries.get(i as usize))
                .filter(|e| e.layer == top)
                .all(|e| e.source.starts_with("cameo:"));
            ids.retain(|&i| {
                entries.get(i as usize).is_some_and(|e| {
                    e.layer == top
                        || (top_is_cameo
                            && matches!(e.kind, EntryKind::Person(_) | EntryKind::Title { .. }))
                })
            });
        }
    }

    /// A country by alpha-3 code.
    pub fn country(&self, code: &str) -> Option<&Country> {
        self.countries.get(code)
    }

    /// A country code from a code or any of its names ("Japan", "jpn", "U.S.").
    pub fn country_code(&self, name_or_code: &str) -> Option<&str> {
        let upper = name_or_code.trim().to_ascii_uppercase();
        if let Some(c) = self.countries.get(&upper) {
            return Some(c.code.as_str());
        }
        self.country_by_key
            .get(&key(name_or_code))
            .map(String::as_str)
    }

    /// An organisation by code.
    pub fn organisation(&self, code: &str) -> Option<&Organisation> {
        self.organisations.get(code)
    }

    /// Describes an actor code: a country (`JPN`), a country sector (`JPNGOV`)
    /// or an organisation (`NATO`).
    pub fn actor(&self, code: &str) -> Option<ActorInfo> {
        if let Some(o) = self.organisations.get(code) {
            return Some(ActorInfo {
                code: code.to_string(),
                name: o.name.clone(),
                country: None,
                sector: None,
            });
        }
        let (c, sector) = code.split_at(code.len().min(3));
        self.countries.get(c).map(|country| ActorInfo {
            code: code.to_string(),
            name: country.name.clone(),
            country: Some(c.to_string()),
            sector: non_empty(sector),
        })
    }

    /// All terms of one office in one country, oldest first.
    pub fn terms(&self, country: &str, role: &str) -> Vec<&OfficeTerm> {
        self.offices
            .get(&(country.to_string(), role.to_string()))
            .map(|ids| ids.iter().filter_map(|&i| self.terms.get(i)).collect())
            .unwrap_or_default()
    }

    /// Who held `role` in `country` on `date`. Where sources disagree, the
    /// best-ranked source that covers the day answers (curated facts over
    /// imported ones, day-exact sources over month-grain ones). A country with
    /// no head of government on record (a presidential system) answers
    /// `head_of_government` with its head of state.
    pub fn office(&self, country: &str, role: &str, date: NaiveDate) -> Vec<&OfficeTerm> {
        let found = self.office_on(country, role, day_of(date));
        if found.is_empty() && role == "head_of_government" {
            return self.office_on(country, "head_of_state", day_of(date));
        }
        found
    }

    pub(crate) fn office_on(&self, country: &str, role: &str, day: Day) -> Vec<&OfficeTerm> {
        let Some(ids) = self.offices.get(&(country.to_string(), role.to_string())) else {
            return Vec::new();
        };
        let terms: Vec<&OfficeTerm> = ids.iter().filter_map(|&i| self.terms.get(i)).collect();
        // An imported term left open by its source is closed by the curated
        // record of the same person in the same office: where a curated term
        // of theirs begun within it has ended before the day, so has the
        // imported one (a successor may be unknown, or the post vacant).
        let closed = |t: &OfficeTerm| {
            source_rank(&t.source) != 0
                && terms.iter().any(|c| {
                    source_rank(&c.source) == 0
                        && c.person == t.person
                        && c.end_day < day
                        && c.end_day >= t.start_day
                })
        };
        let covering: Vec<&OfficeTerm> = terms
            .iter()
            .copied()
            .filter(|t| t.covers(day) && !closed(t))
            .collect();
        let Some(best) = covering.iter().map(|t| t.rank).min() else {
            return Vec::new();
        };
        let mut top: Vec<&OfficeTerm> = covering.into_iter().filter(|t| t.rank == best).collect();
        // On a hand-over day the incoming holder answers; and where month-grain
        // ends overlap the next term's start, the later start answers (people
        // holding one office together start together).
        if top.len() > 1 && top.iter().any(|t| t.end_day != day) {
            top.retain(|t| t.end_day != day);
        }
        if let Some(latest) = top.iter().map(|t| t.start_day).max() {
            top.retain(|t| t.start_day == latest);
        }
        let mut seen = Vec::new();
        top.retain(|t| {
            let fresh = !seen.contains(&t.person);
            seen.push(t.person);
            fresh
        });
        top
    }

    /// Whether the named person held `role` on `date` (any country, or the
    /// given one).
    pub fn holds(&self, person: &str, role: &str, date: NaiveDate, country: Option<&str>) -> bool {
        let day = day_of(date);
        self.persons_named(person).into_iter().any(|p| {
            self.persons.get(p).is_some_and(|per| {
                country.is_none_or(|c| per.country == c)
                    && self
                        .office_on(&per.country, role, day)
                        .iter()
                        .any(|t| t.person == p)
            })
        })
    }

    /// The roles a named person held on a date, as terms.
    pub fn roles_of(&self, person: &str, date: NaiveDate) -> Vec<&OfficeTerm> {
        let day = day_of(date);
        let mut out = Vec::new();
        for p in self.persons_named(person) {
            if let Some(per) = self.persons.get(p) {
                for &t in &per.terms {
                    if let Some(term) = self.terms.get(t) {
                        if term.covers(day)
                            && self
                                .office_on(&term.country, &term.role, day)
                                .iter()
                                .any(|h| h.person == p)
                            && !out.iter().any(|o: &&OfficeTerm| o.role == term.role)
                        {
                            out.push(term);
                        }
                    }
                }
            }
        }
        out
    }

    pub(crate) fn persons_named(&self, name: &str) -> Vec<usize> {
        let k = key(name);
        let mut found = self.persons_by_name.get(&k).cloned().unwrap_or_default();
        if found.is_empty() && !k.contains(' ') {
            found = self.surnames.get(&k).cloned().unwrap_or_default();
        }
        found
    }

    /// The role a title phrase names ("Secretary of State" → `foreign_minister`,
    /// with its default countries), as the titles table defines it.
    pub fn title_role(&self, title: &str) -> Option<(&str, &[String])> {
        self.title_roles
            .get(&key(title))
            .map(|(r, c)| (r.as_str(), c.as_slice()))
    }

    /// The sector code of a role (`GOV` unless the roles table says otherwise).
    pub fn role_sector(&self, role: &str) -> &str {
        self.roles
            .get(role)
            .map(|(s, _)| s.as_str())
            .unwrap_or("GOV")
    }

    /// Known roles.
    pub fn roles(&self) -> Vec<&str> {
        let mut r: Vec<&str> = self.roles.keys().map(String::as_str).collect();
        r.sort_unstable();
        r
    }

    /// Whether a role's title is one reports keep giving people after their
    /// term ends (`cues.tsv` rows `loose_title`): it does not date a report.
    pub fn loose_title(&self, role: &str) -> bool {
        self.loose_titles.contains(role)
    }

    /// Numbers of records, for reports.
    pub fn stats(&self) -> KbStats {
        KbStats {
            countries: self.countries.len(),
            organisations: self.organisations.len(),
            terms: self.terms.len(),
            persons: self.persons.len(),
            phrases: self.gazetteer.len(),
        }
    }

    /// Exact look-up of a phrase's key in the alias index: the cheapest
    /// resolution step, measured by the benchmark.
    pub fn lookup_alias(&self, phrase_key: &str) -> usize {
        self.gazetteer.get(phrase_key).map_or(0, Vec::len)
    }
}

/// What an actor code stands for.
#[derive(Debug, Clone, Serialize)]
pub struct ActorInfo {
    pub code: String,
    pub name: String,
    pub country: Option<String>,
    pub sector: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct KbStats {
    pub countries: usize,
    pub organisations: usize,
    pub terms: usize,
    pub persons: usize,
    pub phrases: usize,
}

/// The key of the family name in a person's name of `words` (its key
/// words): the last word, except in a name whose given name is hyphenated
/// with its second piece in lower case ("Park Geun-hye", "Moon Jae-in", "Kim
/// Jong-un"), the Korean way of writing it, where the family name comes
/// first. ("Jean-Yves Le Drian" ends with its family name as usual.)
fn family_name(written: &str, words: &[&str]) -> Option<String> {
    let korean = written.split_whitespace().count() >= 2
        && written.split_whitespace().last().is_some_and(|w| {
            w.split_once('-')
                .is_some_and(|(_, rest)| rest.chars().next().is_some_and(char::is_lowercase))
        });
    let w = if korean { words.first() } else { words.last() };
    w.map(|w| (*w).to_string())
}

fn non_empty(s: &str) -> Option<String> {
    let s = s.trim();
    if s.is_empty() {
        None
    } else {
        Some(s.to_string())
    }
}

/// Validates files in dyad's format (or CAMEO dictionaries, which are
/// converted first): every problem, as diagnostics naming file and line.
pub fn check_file(name: &str, contents: &str) -> Result<Vec<Diagnostic>, KbError> {
    if let Some(t) = table::parse(name, contents) {
        let mut diags = t.diagnostics.clone();
        if t.kind == TableKind::Places {
            check_places(name, &t, &mut diags);
        }
        return Ok(diags);
    }
    if is_cameo(contents) {
        let (tsv, mut diags) = cameo_to_dyad(name, contents);
        if let Some(t) = table::parse(name, &tsv) {
            diags.extend(t.diagnostics);
        }
        return Ok(diags);
    }
    Err(KbError::UnknownFormat(name.to_string()))
}

/// The rows of one alias phrase: phrase, dated codes, person, source.
type AliasGroup = (String, Vec<(Day, Day, String)>, Option<String>, String);

/// Checks a places table beyond its schema: country codes the built-in
/// countries table knows, one meaning per phrase (a name or alias given twice,
/// even for two countries, would make resolution depend on file order), and
/// phrases that a built-in country name or capital already claims (the place
/// would never answer, since those outrank places).
fn check_places(name: &str, t: &table::Table, out: &mut Vec<Diagnostic>) {
    let mut codes: HashMap<&str, ()> = HashMap::new();
    let mut claimed: HashMap<String, &str> = HashMap::new();
    for (file, contents) in BUILTIN_FILES {
        let Some(ct) = table::parse(file, contents) else {
            continue;
        };
        if ct.kind != TableKind::Countries {
            continue;
        }
        for r in &ct.rows {
            codes.insert(r.get(0), ());
            for phrase in std::iter::once(r.get(1)).chain(list(r.get(2))) {
                claimed.insert(key(phrase), "a country name");
            }
            for phrase in list(r.get(4)) {
                claimed.insert(key(phrase), "a capital (a metonym for its government)");
            }
        }
    }
    let mut seen: HashMap<String, usize> = HashMap::new();
    for r in &t.rows {
        let country = r.get(1);
        if !country.is_empty() && !codes.contains_key(country) {
            out.push(Diagnostic::error(format!(
                "{name}:{}: unknown country `{country}` (not in the built-in countries table)",
                r.line
            )));
        }
        for phrase in std::iter::once(r.get(0)).chain(list(r.get(3))) {
            let k = key(phrase);
            if k.is_empty() {
                continue;
            }
            if let Some(first) = seen.get(&k) {
                out.push(Diagnostic::error(format!(
                    "{name}:{}: `{phrase}` is already a place on line {first}",
                    r.line
                )));
            } else {
                seen.insert(k.clone(), r.line);
            }
            if let Some(what) = claimed.get(&k) {
                out.push(Diagnostic::warning(format!(
                    "{name}:{}: `{phrase}` is {what}; that reading wins over the place",
                    r.line
                )));
            }
        }
    }
}
