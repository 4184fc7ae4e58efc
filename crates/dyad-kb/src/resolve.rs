//! Resolution: text → actor mentions as of a date, with a longest-match
//! gazetteer over every phrase of the knowledge base, then a small grammar
//! of how news writes officials: `[country/adjective]['s] [title] [name]`.

use crate::date::{day_of, format_day, Day};
use crate::text::{tokenize, CaseRule, Token};
use crate::{Entry, EntryKind, KnowledgeBase, OfficeTerm};
use chrono::NaiveDate;
use dyad_core::Span;
use serde::Serialize;
use std::collections::HashMap;

/// What kind of phrase a mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionKind {
    Country,
    Adjective,
    Metonym,
    Organisation,
    Person,
    /// A title standing for its holder ("Japan's foreign minister").
    Office,
    /// A country with a CAMEO agent ("Chinese military").
    Agent,
    /// A phrase from a CAMEO/aliases table with dated codes.
    Coded,
    /// A city, venue or region ("Hiroshima", "Camp David", "Crimea"): where
    /// something happens, with its country; never an actor.
    Place,
}

/// A term, as evidence in an anachronism report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TermRef {
    pub name: String,
    pub country: String,
    pub role: String,
    pub start: Option<String>,
    pub end: Option<String>,
    pub source: String,
}

impl From<&OfficeTerm> for TermRef {
    fn from(t: &OfficeTerm) -> Self {
        TermRef {
            name: t.name.clone(),
            country: t.country.clone(),
            role: t.role.clone(),
            start: t.start.clone(),
            end: t.end.clone(),
            source: t.source.clone(),
        }
    }
}

/// The office a mention claims for a person.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Claim {
    pub name: String,
    pub country: String,
    pub role: String,
    pub on: String,
    /// The title as written.
    pub title: String,
}

/// A person paired with an office they did not hold on the date: the claim,
/// who did hold it then, and the person's own term in that office (if any).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Anachronism {
    pub claimed: Claim,
    pub holder: Option<TermRef>,
    pub term: Option<TermRef>,
}

/// Lower-case particles inside personal names ("al-Bashir", "bin Laden", "von
/// der Leyen"), as keys.
const NAME_PARTICLES: &[&str] = &[
    "al", "el", "ad", "ar", "as", "bin", "ibn", "bint", "de", "da", "di", "du", "van", "von",
    "der", "den", "dos", "das", "del", "la", "le",
];

/// One resolved mention. `span` is in bytes of the text given.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResolvedMention {
    pub span: Span,
    pub text: String,
    pub kind: MentionKind,
    pub actor: Option<String>,
    pub country: Option<String>,
    pub sector: Option<String>,
    pub person: Option<String>,
    pub role_on_date: Option<String>,
    /// The office the text's title gives ("Defense Minister ..."), if any.
    pub claimed_role: Option<String>,
    pub anachronism: Option<Anachronism>,
    /// Where the record came from (`source` column of the data).
    pub source: String,
}

/// What a document has said so far: full names seen, so "Blinken" three
/// paragraphs after "Antony Blinken" is the same person.
#[derive(Debug, Clone, Default)]
pub struct DocContext {
    surnames: HashMap<String, usize>,
}

impl DocContext {
    pub fn new() -> Self {
        Self::default()
    }
    /// The person a surname repeats: the one the document named with it, or
    /// with a spelling one letter away ("Zelenskyy" … "Zelenskiy").
    fn person_by_surname(&self, key: &str) -> Option<usize> {
        if let Some(&p) = self.surnames.get(key) {
            return Some(p);
        }
        let mut near = self
            .surnames
            .iter()
            .filter(|(k, _)| crate::text::near_spelling(k, key))
            .map(|(_, &p)| p);
        let first = near.next()?;
        // Two people one letter away: the name is not clearly either.
        near.all(|p| p == first).then_some(first)
    }

    fn remember(&mut self, kb: &KnowledgeBase, person: usize) {
        if let Some(p) = kb.persons.get(person) {
            for w in crate::text::key_words(&p.name) {
                if w.chars().count() > 2 {
                    self.surnames.insert(w, person);
                }
            }
        }
    }
}

/// Whether `word` (a token key) is one of the words of person `p`'s name.
fn in_name(kb: &KnowledgeBase, p: usize, word: &str) -> bool {
    kb.persons
        .get(p)
        .is_some_and(|x| crate::text::key_words(&x.name).iter().any(|w| w == word))
}

/// A gazetteer hit over tokens `[first, last)`.
struct Hit {
    first: usize,
    last: usize,
    entries: Vec<u32>,
}

fn rule_ok(rule: &CaseRule, toks: &[Token]) -> bool {
    match rule {
        CaseRule::Any => true,
        CaseRule::Acronym => toks
            .iter()
            .all(|t| t.all_caps || !t.key.chars().any(char::is_alphabetic)),
        CaseRule::Capitals(caps) => caps
            .iter()
            .zip(toks)
            .all(|(&need, t)| !need || t.capitalised),
    }
}

/// Preference among the meanings of one phrase: the most specific first.
fn kind_rank(k: &EntryKind) -> u8 {
    match k {
        EntryKind::Person(_) => 0,
        EntryKind::Title { .. } => 1,
        EntryKind::Organisation(_) => 2,
        EntryKind::Coded { .. } => 3,
        EntryKind::Country(_) => 4,
        EntryKind::Metonym { .. } => 5,
        EntryKind::Adjective(_) => 6,
        EntryKind::Agent(_) => 7,
        // Last: a place never shadows another reading of the same words
        // ("Georgia" the country, not the US state).
        EntryKind::Place(_) => 8,
    }
}

impl KnowledgeBase {
    fn entry(&self, id: u32) -> Option<&Entry> {
        self.entries.get(id as usize)
    }

    /// The adjective entries a capitalised plural ("Iraqis") is the plural of.
    fn plural_demonym(&self, tok: &Token) -> Option<Vec<u32>> {
        if !tok.capitalised || tok.key.contains(' ') || tok.key.chars().count() < 5 {
            return None;
        }
        let singular = tok.key.strip_suffix('s')?;
        let ids: Vec<u32> = self
            .gazetteer
            .get(singular)?
            .iter()
            .copied()
            .filter(|&id| {
                self.entry(id)
                    .is_some_and(|e| matches!(e.kind, EntryKind::Adjective(_)))
            })
            .collect();
        (!ids.is_empty()).then_some(ids)
    }

    /// Whether the words `span` (key `k`) are written as entry `e` needs.
    /// Beyond the entry's case rule, a name written all in lower case is
    /// taken where the text's casing is plainly broken rather than the words
    /// ordinary ones: a country or a demonym that is no ordinary lower-case
    /// word ("israel", "tunisian rioters"; not "china", "turkey"), a person's
    /// full name ("vladimir putin") or a person named right after a title
    /// ("President obama").
    fn case_ok(&self, e: &Entry, span: &[Token], k: Option<&str>, after_title: bool) -> bool {
        if rule_ok(&e.rule, span) {
            return true;
        }
        // A hyphenated given name whose second piece the text writes in lower
        // case ("Park Geun-hye", "Kim Jong-un", "Moon Jae-in") where a table
        // writes it capitalised ("Park Geun Hye"): romanisations write it
        // either way, so such a piece needs no capital, as long as the piece
        // before it has one.
        if let (EntryKind::Person(_), CaseRule::Capitals(caps)) = (&e.kind, &e.rule) {
            let hyphen_ok = caps.iter().zip(span).enumerate().all(|(i, (&need, t))| {
                !need
                    || t.capitalised
                    || (i > 0
                        && t.after_hyphen
                        && span.get(i - 1).is_some_and(|prev| prev.capitalised))
            });
            if hyphen_ok {
                return true;
            }
        }
        if !matches!(e.rule, CaseRule::Capitals(_))
            || span.iter().any(|t| t.capitalised || t.all_caps)
            || span.iter().map(|t| t.key.chars().count()).sum::<usize>() < 4
        {
            return false;
        }
        match &e.kind {
            // Only the built-in names, whose ordinary-word twins `cues.tsv`
            // lists: a user's layer (a CAMEO dictionary's towns and
            // nicknames) is read as written.
            EntryKind::Country(_) | EntryKind::Adjective(_) => {
                e.layer == 0 && k.is_some_and(|k| !self.common_words.contains(k))
            }
            EntryKind::Person(_) => after_title || span.len() > 1,
            _ => false,
        }
    }

    /// Longest-match scan of the gazetteer, left to right, no overlaps.
    fn scan(&self, toks: &[Token]) -> Vec<Hit> {
        let mut hits = Vec::new();
        let mut i = 0;
        let mut keybuf = String::new();
        let mut ends: Vec<usize> = Vec::new();
        while i < toks.len() {
            let Some(tok) = toks.get(i) else { break };
            let Some(&max) = self.first_words.get(&tok.key) else {
                // "Iraqis", "Palestinians": a demonym's plural names the
                // country's people, as its adjective does.
                if let Some(ids) = self.plural_demonym(tok) {
                    hits.push(Hit {
                        first: i,
                        last: i + 1,
                        entries: ids,
                    });
                }
                i += 1;
                continue;
            };
            keybuf.clear();
            ends.clear();
            for n in 0..max as usize {
                let Some(t) = toks.get(i + n) else { break };
                if n > 0 {
                    if !t.joins_previous {
                        break;
                    }
                    keybuf.push(' ');
                }
                keybuf.push_str(&t.key);
                ends.push(keybuf.len());
            }
            let mut found = None;
            for (n, &len) in ends.iter().enumerate().rev() {
                let Some(ids) = keybuf.get(..len).and_then(|k| self.gazetteer.get(k)) else {
                    continue;
                };
                let span = toks.get(i..=i + n).unwrap_or(&[]);
                // A name right after a title ("President obama").
                let after_title = hits.last().is_some_and(|h: &Hit| {
                    h.last == i
                        && h.entries.iter().any(|&id| {
                            self.entry(id)
                                .is_some_and(|e| matches!(e.kind, EntryKind::Title { .. }))
                        })
                });
                let mut ok: Vec<u32> = ids
                    .iter()
                    .copied()
                    .filter(|&id| {
                        self.entry(id)
                            .is_some_and(|e| self.case_ok(e, span, keybuf.get(..len), after_title))
                    })
                    .collect();
                if !ok.is_empty() {
                    ok.sort_by_key(|&id| self.entry(id).map_or(9, |e| kind_rank(&e.kind)));
                    found = Some((n + 1, ok));
                    break;
                }
            }
            match found {
                Some((n, entries)) => {
                    hits.push(Hit {
                        first: i,
                        last: i + n,
                        entries,
                    });
                    i += n;
                }
                None => i += 1,
            }
        }
        hits
    }

    /// Resolves every actor mention in `text` as of `date`, with a fresh
    /// document context.
    pub fn resolve_text(&self, text: &str, date: NaiveDate) -> Vec<ResolvedMention> {
        let mut ctx = DocContext::new();
        self.resolve_text_with(text, date, &mut ctx)
    }

    /// Resolves a mention the caller has already found (for instance by the
    /// parser's named-mention recogniser): the best reading of the whole
    /// string, with its span relative to `mention`.
    pub fn resolve_mention(
        &self,
        mention: &str,
        date: NaiveDate,
        ctx: &mut DocContext,
    ) -> Option<ResolvedMention> {
        let found = self.resolve_text_with(mention, date, ctx);
        found
            .into_iter()
            .max_by_key(|m| (m.span.len(), m.person.is_some()))
    }

    /// A bare surname ("Obama said", "met Putin") as the one person who held a
    /// core office (head of state or government, foreign or defence minister)
    /// under that surname on `date`, if exactly one did. For callers that know
    /// the word is a proper name (the parser's tags) and not a date ("May").
    pub fn leader_by_surname(
        &self,
        text: &str,
        span: Span,
        date: NaiveDate,
    ) -> Option<ResolvedMention> {
        self.holder_by_surname(text, span, date, &crate::CORE_ROLES)
    }

    /// [`Self::leader_by_surname`] for the offices in `roles` only: the one
    /// person holding one of them on `date` under that surname.
    pub fn holder_by_surname(
        &self,
        text: &str,
        span: Span,
        date: NaiveDate,
        roles: &[&str],
    ) -> Option<ResolvedMention> {
        let day = day_of(date);
        let k = crate::text::key(span.slice(text)?);
        let mut holders: Vec<usize> = self
            .surnames
            .get(&k)?
            .iter()
            .copied()
            .filter(|&p| {
                self.person_roles_on(p, day)
                    .iter()
                    .any(|t| roles.contains(&t.role.as_str()))
            })
            .collect();
        holders.sort_unstable();
        holders.dedup();
        match holders[..] {
            [p] => Some(self.person_mention(text, span, p, None, day)),
            _ => None,
        }
    }

    /// Resolves the mention at `span` (bytes) of `text`; the result's span is
    /// in `text`'s offsets.
    pub fn resolve_span(
        &self,
        text: &str,
        span: Span,
        date: NaiveDate,
        ctx: &mut DocContext,
    ) -> Option<ResolvedMention> {
        let part = span.slice(text)?;
        let mut m = self.resolve_mention(part, date, ctx)?;
        m.span = Span::new(m.span.start + span.start, m.span.end + span.start);
        Some(m)
    }

    /// Resolves every mention in `text`, remembering names in `ctx` so later
    /// surname-only repeats resolve (pass the same context for a document's
    /// successive parts).
    pub fn resolve_text_with(
        &self,
        text: &str,
        date: NaiveDate,
        ctx: &mut DocContext,
    ) -> Vec<ResolvedMention> {
        let day = day_of(date);
        let toks = tokenize(text);
        let hits = self.scan(&toks);
        let mut covered = vec![false; toks.len()];
        for h in &hits {
            for c in covered.iter_mut().take(h.last).skip(h.first) {
                *c = true;
            }
        }
        let mut out = Vec::new();
        let mut h = 0;
        // Uncovered capitalised tokens are checked for surname repeats.
        let mut next_free_tok = 0;
        while h < hits.len() {
            let Some(hit) = hits.get(h) else { break };
            self.repeats_between(
                text,
                &toks,
                &covered,
                next_free_tok,
                hit.first,
                day,
                ctx,
                &mut out,
            );
            let consumed = self.compose(text, &toks, &hits, h, &covered, day, ctx, &mut out);
            let last_hit = hits.get(h + consumed.hits - 1).map_or(hit.last, |x| x.last);
            next_free_tok = last_hit.max(consumed.token_end);
            h += consumed.hits.max(1);
        }
        self.repeats_between(
            text,
            &toks,
            &covered,
            next_free_tok,
            toks.len(),
            day,
            ctx,
            &mut out,
        );
        self.resolve_bare_titles(text, &toks, &hits, &mut out);
        self.resolve_pairs(text, &toks, &mut out);
        drop_named_offices(text, &mut out);
        self.appositive_claims(text, day, &mut out);
        state_named_after(text, &mut out);
        short_name_of_named_state(&mut out);
        out
    }

    /// "Qin Gang, China's foreign minister, …", "Mike Pompeo, the CIA
    /// director.": an office set off by a comma right after a named person is
    /// the title the report gives that person, not a mention of whoever held
    /// the office on the day. The office mention gives way, and the person
    /// carries the title as claimed, checked against the person's terms as a
    /// title before the name is.
    fn appositive_claims(&self, text: &str, day: Day, out: &mut Vec<ResolvedMention>) {
        let mut given_way: Vec<usize> = Vec::new();
        for oi in 1..out.len() {
            let Some(office) = out.get(oi) else { continue };
            if office.kind != MentionKind::Office {
                continue;
            }
            let (Some(role), Some(country)) = (office.claimed_role.clone(), office.country.clone())
            else {
                continue;
            };
            let Some(pi) = (0..oi)
                .rev()
                .find(|&k| out.get(k).is_some_and(|m| m.span.end <= office.span.start))
            else {
                continue;
            };
            let Some(person) = out.get(pi) else { continue };
            if person.kind != MentionKind::Person
                || person.claimed_role.is_some()
                || person.country.as_deref() != Some(country.as_str())
            {
                continue;
            }
            let set_off = text
                .get(person.span.end..office.span.start)
                .is_some_and(|g| matches!(g.trim_end(), "," | ", the" | ", The"));
            // The apposition ends where the office does ("…, China's foreign
            // minister Wang Yi" names the holder).
            let closed = text.get(office.span.end..).is_some_and(|after| {
                after.is_empty() || after.starts_with([',', '.', ';', ')', '\n'])
            });
            if !set_off || !closed {
                continue;
            }
            let title = office.text.clone();
            let Some(name) = person.person.clone() else {
                continue;
            };
            let Some(p) = self
                .persons_named(&name)
                .into_iter()
                .find(|&p| self.persons.get(p).is_some_and(|x| x.country == country))
            else {
                continue;
            };
            let anachronism = self.check_claim(p, &role, &country, &title, day);
            if let Some(m) = out.get_mut(pi) {
                m.claimed_role = Some(role);
                m.anachronism = anachronism;
            }
            given_way.push(oi);
        }
        let mut k = 0;
        out.retain(|_| {
            k += 1;
            !given_way.contains(&(k - 1))
        });
    }

    /// "The two countries", "both sides" ("the three leaders"): each such
    /// phrase stands for two (three) states the text named before it (by name, adjective or seat of
    /// government, or in its own sentence through a person; not through a city). The two named last in the
    /// same sentence when it names two ("Japan and South Korea … both
    /// countries' leaders"); else the two the text has named most so far, the
    /// pair a report is about ("The two countries had wanted to meet …"). The
    /// phrase becomes two mentions over the same words, one per state; with
    /// fewer than two states named before it, it is left alone.
    fn resolve_pairs(&self, text: &str, toks: &[Token], out: &mut Vec<ResolvedMention>) {
        if self.pair_phrases.is_empty() {
            return;
        }
        let state_like = |m: &ResolvedMention| {
            m.country.is_some()
                && matches!(
                    m.kind,
                    MentionKind::Country | MentionKind::Adjective | MentionKind::Metonym
                )
        };
        let mut added: Vec<ResolvedMention> = Vec::new();
        for i in 0..toks.len() {
            for pair in &self.pair_phrases {
                let (phrase, many) = (&pair.words, pair.many);
                let Some(window) = toks.get(i..i + phrase.len()) else {
                    continue;
                };
                if !window.iter().zip(phrase).all(|(t, w)| &t.key == w) {
                    continue;
                }
                let (Some(first), Some(last)) = (window.first(), window.last()) else {
                    continue;
                };
                let span = Span::new(first.start, last.end);
                // People count by their country as well: a report about Biden
                // and Putin is about the United States and Russia ("The two
                // presidents met …") even where it never names either state.
                let before: Vec<&ResolvedMention> = out
                    .iter()
                    .filter(|m| {
                        m.span.end <= span.start
                            && (state_like(m)
                                || (m.kind == MentionKind::Person && m.country.is_some()))
                    })
                    .collect();
                let sentence_start = text
                    .get(..span.start)
                    .and_then(|t| t.rfind(['.', '!', '?', '\n']))
                    .unwrap_or(0);
                // In its own sentence the people named count by their country
                // too ("met Kishida and Yoon … invited both leaders").
                let people: Vec<&ResolvedMention> = out
                    .iter()
                    .filter(|m| {
                        m.span.end <= span.start
                            && m.span.start >= sentence_start
                            && (state_like(m)
                                || (m.kind == MentionKind::Person && m.country.is_some()))
                    })
                    .collect();
                // States named together in its own sentence first ("Saudi
                // Arabia and Iran held talks in Beijing, … the two countries'
                // top diplomats"), then the last two it names.
                let mut states: Vec<&ResolvedMention> = last_coordinated(text, &people, many);
                if states.len() != many {
                    for m in people.iter().rev() {
                        if states.iter().all(|s| s.country != m.country) {
                            states.push(m);
                        }
                        if states.len() == many {
                            break;
                        }
                    }
                }
                if states.len() != many {
                    // The last states named together ("Saudi Arabia and Iran
                    // agreed …", "Faisal bin Farhan and Hossein
                    // Amir-Abdollahian arrived …"): what "the two countries"
                    // most often takes up.
                    states = last_coordinated(text, &before, many);
                }
                if states.len() != many {
                    // The sentence before, where it names exactly that many
                    // states ("The UAE called off a meeting with Israeli and
                    // American diplomats … The ambassadors of the three
                    // countries …").
                    let previous_start = text
                        .get(..sentence_start)
                        .and_then(|t| {
                            t.trim_end_matches(['.', '!', '?', '\n', ' '])
                                .rfind(['.', '!', '?', '\n'])
                        })
                        .unwrap_or(0);
                    let mut named: Vec<&ResolvedMention> = Vec::new();
                    // (A state's agents count here: "American diplomats".
                    // For people, only people and agents: "Duterte, flying
                    // to Vientiane …. The two presidents" are not Laos's.)
                    for m in out.iter().filter(|m| {
                        m.span.start >= previous_start
                            && m.span.end <= sentence_start
                            && m.country.is_some()
                            && ((state_like(m) && !pair.people)
                                || matches!(m.kind, MentionKind::Agent | MentionKind::Person))
                    }) {
                        if named.iter().all(|n| n.country != m.country) {
                            named.push(m);
                        }
                    }
                    if named.len() == many {
                        states = named;
                    }
                }
                if states.len() != many {
                    // Count each state's mentions; ties go to the one named
                    // last. For people, the people named count, where they
                    // are enough.
                    let persons: Vec<&ResolvedMention> = before
                        .iter()
                        .copied()
                        .filter(|m| m.kind == MentionKind::Person)
                        .collect();
                    let mut countries: Vec<&Option<String>> =
                        persons.iter().map(|m| &m.country).collect();
                    countries.sort();
                    countries.dedup();
                    let counted = if pair.people && countries.len() >= many {
                        &persons
                    } else {
                        &before
                    };
                    let mut tally: Vec<(usize, usize, &ResolvedMention)> = Vec::new();
                    for (at, m) in counted.iter().enumerate() {
                        match tally.iter_mut().find(|t| t.2.country == m.country) {
                            Some(t) => {
                                t.0 += 1;
                                t.1 = at;
                                t.2 = m;
                            }
                            None => tally.push((1, at, m)),
                        }
                    }
                    tally.sort_by_key(|t| std::cmp::Reverse((t.0, t.1)));
                    states = tally.iter().take(many).map(|t| t.2).collect();
                }
                if states.len() < many {
                    continue;
                }
                states.sort_by_key(|m| m.span.start);
                for state in &states {
                    let country = state.country.clone().unwrap_or_default();
                    added.push(ResolvedMention {
                        span,
                        text: span.slice(text).unwrap_or("").to_string(),
                        kind: MentionKind::Country,
                        actor: Some(country.clone()),
                        country: Some(country),
                        sector: None,
                        person: None,
                        role_on_date: None,
                        claimed_role: None,
                        anachronism: None,
                        source: format!(
                            "dyad: `{}` stands for `{}` at {}..{}",
                            span.slice(text).unwrap_or(""),
                            state.text,
                            state.span.start,
                            state.span.end
                        ),
                    });
                }
            }
        }
        if !added.is_empty() {
            out.extend(added);
            out.sort_by_key(|m| (m.span.start, m.span.end));
        }
    }

    /// "Ned Price said the president would meet …", "the prime minister's
    /// office said", "the foreign minister told reporters": a core office's
    /// title after "the", with no country and no name, stands for a person
    /// the report named in that office before, as "the two presidents"
    /// stands for the people named before. Where it named one, that one.
    /// Where several, the one a bare title is read as: a report gives its own
    /// state's officials the bare title ("President Barack Obama") and
    /// qualifies others ("Philippine President Rodrigo Duterte"), so the one
    /// it named with the bare title ("President Barack Obama will not hold
    /// talks with Philippine President Rodrigo Duterte …, after Duterte …
    /// Price said the president would meet …": Obama, though Duterte was
    /// named last; the last one named is often the other party), and of
    /// several so named, the first, whom the report is about. With none
    /// named with the bare title among several, or no one in that office
    /// named before, the title is left alone; so is one that runs on ("the
    /// president of the bank", "the president-elect"), one set off after a
    /// name ("Wang Yi, the foreign minister,": that person's title) and any
    /// other form ("a president", "presidents", "the Philippine president",
    /// which names its holder).
    fn resolve_bare_titles(
        &self,
        text: &str,
        toks: &[Token],
        hits: &[Hit],
        out: &mut Vec<ResolvedMention>,
    ) {
        let role_of = |h: &Hit| -> Option<&str> {
            match h
                .entries
                .first()
                .and_then(|&id| self.entry(id))
                .map(|e| &e.kind)
            {
                Some(EntryKind::Title { role, .. }) => Some(role.as_str()),
                _ => None,
            }
        };
        // Where a title opens a person's mention, nothing qualifies it.
        let bare_title_at: Vec<usize> = hits
            .iter()
            .filter(|h| role_of(h).is_some())
            .filter_map(|h| toks.get(h.first).map(|t| t.start))
            .collect();
        let mut added: Vec<ResolvedMention> = Vec::new();
        for h in hits {
            let Some(role) = role_of(h).filter(|r| crate::CORE_ROLES.contains(r)) else {
                continue;
            };
            let (Some(first), Some(last)) = (toks.get(h.first), toks.get(h.last.wrapping_sub(1)))
            else {
                continue;
            };
            let Some(the) = h.first.checked_sub(1).and_then(|i| toks.get(i)) else {
                continue;
            };
            if the.key != "the" || !spaced(text, toks, h.first, h.first) {
                continue;
            }
            let title_span = Span::new(first.start, last.end);
            if out.iter().any(|m| m.span.overlaps(title_span)) {
                continue;
            }
            if let Some(next) = toks.get(h.last) {
                let gap = text.get(last.end..next.start).unwrap_or("");
                let runs_on = gap == "-"
                    || (gap.chars().all(char::is_whitespace)
                        && (next.key == "of" || next.capitalised));
                if runs_on {
                    continue;
                }
            }
            let span = Span::new(the.start, last.end);
            // "Wang Yi, the foreign minister,": the title of the name before.
            let appositive = out.iter().any(|m| {
                m.kind == MentionKind::Person
                    && text
                        .get(m.span.end..the.start)
                        .is_some_and(|g| g.trim() == ",")
            });
            if appositive {
                continue;
            }
            let earlier: Vec<&ResolvedMention> = out
                .iter()
                .filter(|m| {
                    m.kind == MentionKind::Person && m.person.is_some() && m.span.end <= span.start
                })
                .collect();
            let same = |a: &ResolvedMention, b: &ResolvedMention| {
                a.person == b.person && a.country == b.country
            };
            // The people named in that office, by the title the report gave
            // them or the office they held on the day: (last such mention,
            // mentions of them in all, first mention, named with the bare
            // title).
            let mut named: Vec<(&ResolvedMention, usize, usize, bool)> = Vec::new();
            // ("Former President Lee Myung-bak": an office off the day.)
            let cued = |m: &ResolvedMention| {
                toks.iter()
                    .take_while(|t| t.end <= m.span.start)
                    .last()
                    .is_some_and(|t| self.cues.contains_key(&t.key))
            };
            for m in earlier.iter().copied().filter(|m| {
                (m.claimed_role.as_deref() == Some(role) || m.role_on_date.as_deref() == Some(role))
                    && !cued(m)
            }) {
                let bare = m.claimed_role.as_deref() == Some(role)
                    && bare_title_at.contains(&m.span.start);
                match named.iter_mut().find(|n| same(n.0, m)) {
                    Some(n) => {
                        n.0 = m;
                        n.3 |= bare;
                    }
                    None => {
                        let all: Vec<&&ResolvedMention> =
                            earlier.iter().filter(|e| same(e, m)).collect();
                        let first_at = all.first().map_or(m.span.start, |e| e.span.start);
                        named.push((m, all.len(), first_at, bare));
                    }
                }
            }
            let antecedent = match named.as_slice() {
                [] => None,
                [one] => Some(one.0),
                // Of several named with the bare title, the first named.
                _ => named
                    .iter()
                    .filter(|n| n.3)
                    .min_by_key(|n| n.2)
                    .map(|n| n.0),
            };
            let Some(antecedent) = antecedent else {
                continue;
            };
            added.push(ResolvedMention {
                span,
                text: span.slice(text).unwrap_or("").to_string(),
                claimed_role: None,
                anachronism: None,
                source: format!(
                    "dyad: `{}` stands for `{}` at {}..{}",
                    span.slice(text).unwrap_or(""),
                    antecedent.text,
                    antecedent.span.start,
                    antecedent.span.end
                ),
                ..antecedent.clone()
            });
        }
        if !added.is_empty() {
            out.extend(added);
            out.sort_by_key(|m| (m.span.start, m.span.end));
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn repeats_between(
        &self,
        text: &str,
        toks: &[Token],
        covered: &[bool],
        from: usize,
        to: usize,
        day: Day,
        ctx: &mut DocContext,
        out: &mut Vec<ResolvedMention>,
    ) {
        for i in from..to {
            let (Some(t), Some(false)) = (toks.get(i), covered.get(i).copied()) else {
                continue;
            };
            if !t.capitalised || t.all_caps && t.key.len() <= 3 {
                continue;
            }
            if let Some(p) = ctx.person_by_surname(&t.key) {
                // A name running on into words that are not this person's
                // ("Kim Hyok Chol" after Kim Jong Un, "Trump Tower") is
                // someone or something else.
                let runs_on = toks.get(i + 1).is_some_and(|n| {
                    n.capitalised
                        && !covered.get(i + 1).copied().unwrap_or(true)
                        && text
                            .get(t.end..n.start)
                            .is_some_and(|g| g.trim().is_empty())
                        && !in_name(self, p, &n.key)
                });
                if runs_on {
                    continue;
                }
                let span = Span::new(t.start, t.end);
                out.push(self.person_mention(text, span, p, None, day));
            }
        }
    }

    fn person_mention(
        &self,
        text: &str,
        span: Span,
        p: usize,
        claim: Option<(&str, &str, &str, bool)>,
        day: Day,
    ) -> ResolvedMention {
        let person = self.persons.get(p);
        let pname = person.map(|x| x.name.clone()).unwrap_or_default();
        let pcountry = person.map(|x| x.country.clone()).unwrap_or_default();
        let held = self.person_roles_on(p, day);
        let role_on_date = match claim {
            Some((role, _, _, _)) if held.iter().any(|t| t.role == role) => Some(role.to_string()),
            _ => held.first().map(|t| t.role.clone()),
        };
        let source = held
            .first()
            .map(|t| t.source.clone())
            .or_else(|| {
                person
                    .and_then(|x| x.terms.first())
                    .and_then(|&t| self.terms.get(t))
                    .map(|t| t.source.clone())
            })
            .unwrap_or_default();
        let mut anachronism = None;
        let mut country = pcountry.clone();
        if let Some((role, claimed_country, title, checked)) = claim {
            if !claimed_country.is_empty() {
                country = claimed_country.to_string();
            }
            if checked {
                anachronism = self.check_claim(p, role, &country, title, day);
            }
        }
        let sector_role = claim.map(|c| c.0).or(role_on_date.as_deref());
        let sector = sector_role.map(|r| self.role_sector(r).to_string());
        let actor = match &sector {
            Some(s) if !country.is_empty() => Some(format!("{country}{s}")),
            _ if !country.is_empty() => Some(country.clone()),
            _ => None,
        };
        ResolvedMention {
            span,
            text: span.slice(text).unwrap_or("").to_string(),
            kind: MentionKind::Person,
            actor,
            country: non_empty(country),
            sector,
            person: Some(pname),
            role_on_date,
            claimed_role: claim.map(|c| c.0.to_string()),
            anachronism,
            source,
        }
    }

    /// The roles person `p` held on `day` by the best source for each office.
    fn person_roles_on(&self, p: usize, day: Day) -> Vec<&OfficeTerm> {
        let Some(per) = self.persons.get(p) else {
            return Vec::new();
        };
        let mut out: Vec<&OfficeTerm> = Vec::new();
        for &t in &per.terms {
            let Some(term) = self.terms.get(t) else {
                continue;
            };
            if !term.covers(day)
                || out
                    .iter()
                    .any(|o| o.role == term.role && o.country == term.country)
            {
                continue;
            }
            // The best-ranked record of the office answers, with its source.
            if let Some(best) = self
                .office_on(&term.country, &term.role, day)
                .into_iter()
                .find(|h| h.person == p)
            {
                out.push(best);
            }
        }
        out
    }

    fn check_claim(
        &self,
        p: usize,
        role: &str,
        country: &str,
        title: &str,
        day: Day,
    ) -> Option<Anachronism> {
        let holders = self.office_on(country, role, day);
        if holders.iter().any(|t| t.person == p) {
            return None;
        }
        // "President" names the head of government in some states (Iran's
        // president serves under its Supreme Leader): someone who led the
        // state or its government on the day is named rightly by either
        // leader's title, and no report is wrong for using it.
        let heads = ["head_of_state", "head_of_government"];
        // The other way round is no usage, though: "Prime Minister Park
        // Geun-hye" for a president, where the tables name someone else
        // prime minister on the day, is a title she did not hold. (Only where
        // both terms come from sources that tell the offices apart: REIGN
        // lists a state's effective leader under one role.)
        let exact = |t: &&OfficeTerm| crate::source_rank(&t.source) <= 2;
        let premier_for_president = role == "head_of_government"
            && !holders.is_empty()
            && holders.iter().all(exact)
            && self
                .office_on(country, "head_of_state", day)
                .iter()
                .any(|t| t.person == p && exact(t));
        if heads.contains(&role)
            && !premier_for_president
            && heads.iter().any(|r| {
                self.office_on(country, r, day)
                    .iter()
                    .any(|t| t.person == p)
            })
        {
            return None;
        }
        let per = self.persons.get(p)?;
        // The person's own terms in the claimed office, nearest to the day.
        let own = per
            .terms
            .iter()
            .filter_map(|&t| self.terms.get(t))
            .filter(|t| t.role == role && t.country == country)
            .min_by_key(|t| {
                if t.covers(day) {
                    0
                } else if t.end_day < day {
                    day - t.end_day
                } else {
                    t.start_day - day
                }
            });
        // Knowing neither who held the office nor the person's term in it,
        // there is nothing to contradict.
        if holders.is_empty() && own.is_none() {
            return None;
        }
        // A term that covers the day from a weaker source still counts as held.
        if own.is_some_and(|t| t.covers(day)) && holders.is_empty() {
            return None;
        }
        Some(Anachronism {
            claimed: Claim {
                name: per.name.clone(),
                country: country.to_string(),
                role: role.to_string(),
                on: format_day(day),
                title: title.to_string(),
            },
            holder: holders.first().map(|t| TermRef::from(*t)),
            term: own.map(TermRef::from),
        })
    }

    /// Chooses among people of the same name (or surname): the one holding the
    /// claimed role on the day, else the one who held it nearest in time, else
    /// the one in any office on the day, else the most recent.
    fn choose_person(
        &self,
        candidates: &[usize],
        role: Option<&str>,
        country: Option<&str>,
        day: Day,
    ) -> Option<usize> {
        let in_country: Vec<usize> = candidates
            .iter()
            .copied()
            .filter(|&p| {
                country.is_none_or(|c| self.persons.get(p).is_some_and(|x| x.country == c))
            })
            .collect();
        let pool = if in_country.is_empty() {
            candidates.to_vec()
        } else {
            in_country
        };
        let distance = |p: usize, role: Option<&str>| -> Option<u32> {
            let per = self.persons.get(p)?;
            per.terms
                .iter()
                .filter_map(|&t| self.terms.get(t))
                .filter(|t| role.is_none_or(|r| t.role == r))
                .map(|t| {
                    if t.covers(day) {
                        0
                    } else if t.end_day < day {
                        day - t.end_day
                    } else {
                        t.start_day - day
                    }
                })
                .min()
        };
        if let Some(r) = role {
            if let Some(p) = pool
                .iter()
                .copied()
                .filter_map(|p| distance(p, Some(r)).map(|d| (d, p)))
                .min()
            {
                return Some(p.1);
            }
        }
        pool.iter()
            .copied()
            .filter_map(|p| distance(p, None).map(|d| (d, p)))
            .min()
            .map(|x| x.1)
            .or(pool.first().copied())
    }

    /// Builds the mention starting at hit `h`; returns how many hits (and up to
    /// which token) it used.
    #[allow(clippy::too_many_arguments)]
    fn compose(
        &self,
        text: &str,
        toks: &[Token],
        hits: &[Hit],
        h: usize,
        covered: &[bool],
        day: Day,
        ctx: &mut DocContext,
        out: &mut Vec<ResolvedMention>,
    ) -> Consumed {
        let Some(hit) = hits.get(h) else {
            return Consumed {
                hits: 1,
                token_end: 0,
            };
        };
        let Some(entry) = hit.entries.first().and_then(|&id| self.entry(id)) else {
            return Consumed {
                hits: 1,
                token_end: hit.last,
            };
        };
        let span_of = |first: usize, last: usize, trailing_period: bool| -> Span {
            let s = toks.get(first).map_or(0, |t| t.start);
            let mut e = toks.get(last.saturating_sub(1)).map_or(s, |t| t.end);
            if trailing_period && text.as_bytes().get(e) == Some(&b'.') {
                e += 1;
            }
            Span::new(s, e)
        };
        // A country or adjective directly before a title or agent qualifies it.
        let mut modifier: Option<String> = None;
        let mut org_modifier = false;
        let mut title_hit = h;
        if let EntryKind::Country(c) | EntryKind::Adjective(c) = &entry.kind {
            if let Some(next) = hits.get(h + 1) {
                let gap_ok = (next.first == hit.last && spaced(text, toks, hit.last, next.first))
                    || (next.first == hit.last + 1
                        && toks
                            .get(hit.last)
                            .is_some_and(|t| t.key == "s" && t.joins_previous));
                let next_kind = next
                    .entries
                    .first()
                    .and_then(|&id| self.entry(id))
                    .map(|e| &e.kind);
                if gap_ok
                    && matches!(
                        next_kind,
                        Some(EntryKind::Title { .. } | EntryKind::Agent(_))
                    )
                {
                    modifier = Some(c.clone());
                    title_hit = h + 1;
                }
            }
        }
        if let EntryKind::Organisation(_) = &entry.kind {
            if let Some(next) = hits.get(h + 1) {
                let next_kind = next
                    .entries
                    .first()
                    .and_then(|&id| self.entry(id))
                    .map(|e| &e.kind);
                if next.first == hit.last
                    && spaced(text, toks, hit.last, next.first)
                    && matches!(next_kind, Some(EntryKind::Title { .. }))
                {
                    org_modifier = true;
                    title_hit = h + 1;
                }
            }
        }
        let Some(th) = hits.get(title_hit) else {
            return Consumed {
                hits: 1,
                token_end: hit.last,
            };
        };
        let Some(tentry) = th.entries.first().and_then(|&id| self.entry(id)) else {
            return Consumed {
                hits: 1,
                token_end: hit.last,
            };
        };
        let used_before = title_hit - h;
        match &tentry.kind {
            EntryKind::Title { role, countries } => {
                let title_text = span_of(th.first, th.last, false)
                    .slice(text)
                    .unwrap_or("")
                    .to_string();
                let mut country: Option<String> = modifier.clone();
                if country.is_none() && countries.len() == 1 {
                    country = countries.first().cloned();
                }
                // A cue word before the phrase ("former", "incoming") means
                // the title is not claimed for the date.
                let cue_before = hit
                    .first
                    .checked_sub(1)
                    .and_then(|i| toks.get(i))
                    .and_then(|t| self.cues.get(&t.key));
                let check = cue_before.is_none() && !org_modifier;
                let start_tok = hit.first;
                // The name after the title: a known person, or capitalised words.
                let next = hits.get(title_hit + 1);
                // Words of address between the title and the name ("Foreign
                // Minister Sheikh Abdullah bin Zayed") belong to neither.
                let mut name_from = th.last;
                while toks.get(name_from).is_some_and(|t| {
                    t.capitalised
                        && self.honorifics.contains(&t.key)
                        && covered.get(name_from) == Some(&false)
                }) && name_from < th.last + 2
                {
                    name_from += 1;
                }
                let next_person = next
                    .filter(|n| {
                        (n.first == th.last && spaced(text, toks, th.last, n.first))
                            || (n.first == name_from && name_from > th.last)
                    })
                    .and_then(|n| {
                        let persons: Vec<usize> = n
                            .entries
                            .iter()
                            .filter_map(|&id| match self.entry(id).map(|e| &e.kind) {
                                Some(EntryKind::Person(p)) => Some(*p),
                                _ => None,
                            })
                            .collect();
                        if persons.is_empty() {
                            None
                        } else {
                            Some((n, persons))
                        }
                    });
                if let Some((n, persons)) = next_person {
                    let allowed: Option<&str> = country.as_deref().or_else(|| {
                        if countries.is_empty() {
                            None
                        } else {
                            persons
                                .iter()
                                .filter_map(|&p| self.persons.get(p))
                                .find(|x| countries.contains(&x.country))
                                .map(|x| x.country.as_str())
                        }
                    });
                    if let Some(p) = self.choose_person(&persons, Some(role), allowed, day) {
                        let claim_country = country
                            .clone()
                            .or_else(|| self.persons.get(p).map(|x| x.country.clone()))
                            .unwrap_or_default();
                        let span = span_of(start_tok, n.last, false);
                        let mut m = self.person_mention(
                            text,
                            span,
                            p,
                            Some((role, &claim_country, &title_text, check && !org_modifier)),
                            day,
                        );
                        if org_modifier {
                            m.claimed_role = None;
                        }
                        ctx.remember(self, p);
                        out.push(m);
                        return Consumed {
                            hits: used_before + 2,
                            token_end: n.last,
                        };
                    }
                }
                // Capitalised words right after the title that no phrase covers.
                // Broken casing may write the name in lower case ("President
                // obama"): a lower-case word is taken there only as the
                // surname of someone who held the office and no ordinary word,
                // so "the President may decide" and "the president said" name
                // no one.
                let lower_holder = |t: &Token| {
                    t.key.chars().count() > 3
                        && !self.common_words.contains(&t.key)
                        && self.surnames.get(&t.key).is_some_and(|ps| {
                            ps.iter().any(|&p| {
                                self.persons.get(p).is_some_and(|x| {
                                    x.terms
                                        .iter()
                                        .filter_map(|&i| self.terms.get(i))
                                        .any(|i| i.role == *role)
                                })
                            })
                        })
                };
                let mut lower_name = false;
                let mut end = th.last;
                while end < toks.len() && end < th.last + 4 {
                    let (Some(t), Some(false)) = (toks.get(end), covered.get(end).copied()) else {
                        break;
                    };
                    // A period after a word longer than an initial ends the
                    // sentence: "Prime Minister Abe. The ..." names "Abe".
                    let sentence_end = end > th.last
                        && toks.get(end - 1).is_some_and(|prev| {
                            prev.key.chars().count() > 1
                                && text.get(prev.end..t.start).is_some_and(|g| g.contains('.'))
                        });
                    let lower_ok = end == th.last && !t.capitalised && lower_holder(t);
                    lower_name |= lower_ok;
                    // A name's lower-case particle ("Omar al-Bashir", "Ould
                    // bin Laden", "Ursula von der Leyen") runs on to the
                    // capitalised word after it.
                    let particle = end > th.last
                        && NAME_PARTICLES.contains(&t.key.as_str())
                        && toks.get(end + 1).is_some_and(|n| n.joins_previous)
                        && toks[end + 1..]
                            .iter()
                            .find(|n| !NAME_PARTICLES.contains(&n.key.as_str()))
                            .is_some_and(|n| n.capitalised);
                    // The lower-case piece of a hyphenated given name
                    // ("Park Geun-hye", "Kim Yo-jong") is part of the name.
                    let hyphen_piece = end > th.last
                        && t.after_hyphen
                        && t.key.chars().all(char::is_alphabetic)
                        && toks.get(end - 1).is_some_and(|prev| prev.capitalised);
                    if !(t.capitalised || lower_ok || particle || hyphen_piece)
                        || !t.joins_previous
                        || sentence_end
                        || t.key.chars().all(|c| c.is_ascii_digit())
                    {
                        break;
                    }
                    end += 1;
                }
                if end > th.last && !org_modifier {
                    // A name ending in a hyphenated given name with a
                    // lower-case piece is written family name first ("Kim
                    // Yo-jong").
                    let family_first = end > th.last + 2
                        && toks
                            .get(end - 1)
                            .is_some_and(|t| t.after_hyphen && !t.capitalised);
                    let surname_at = if family_first { th.last } else { end - 1 };
                    let surname = toks
                        .get(surname_at)
                        .map(|t| t.key.clone())
                        .unwrap_or_default();
                    let mut candidates: Vec<usize> = Vec::new();
                    if let Some(p) = ctx.person_by_surname(&surname) {
                        candidates.push(p);
                    }
                    if candidates.is_empty() {
                        candidates = self.surnames.get(&surname).cloned().unwrap_or_default();
                    }
                    // A transliteration the tables do not list ("President
                    // Volodymyr Zelenskiy" for Zelenskyy): the holders of the
                    // office whose surname is one letter away.
                    if candidates.is_empty() {
                        candidates = self
                            .surnames
                            .iter()
                            .filter(|(k, _)| crate::text::near_spelling(k, &surname))
                            .flat_map(|(_, ps)| ps.iter().copied())
                            .collect();
                        candidates.sort_unstable();
                        candidates.dedup();
                    }
                    // The given names written before the surname must not
                    // contradict the person's: "President Omar Hassan" is not
                    // Abdiqasim Salad Hassan. (Initials and particles say
                    // nothing; a spelling variant keeps its first letter:
                    // "Sergei" for "Sergey", "Mohammed" for "Muhammad".)
                    let given: Vec<char> = toks
                        .get(th.last..end.saturating_sub(1))
                        .unwrap_or(&[])
                        .iter()
                        .filter(|t| {
                            t.key.chars().count() > 1 && !NAME_PARTICLES.contains(&t.key.as_str())
                        })
                        .filter_map(|t| t.key.chars().next())
                        .collect();
                    // Where the given names agree with someone's full name,
                    // that person is meant, before one recorded by the surname
                    // alone ("Zelensky" in a table of rulers).
                    let full_match = |p: usize| {
                        self.persons.get(p).is_some_and(|x| {
                            let words = crate::text::key_words(&x.name);
                            words.len() >= 2
                                && words
                                    .iter()
                                    .filter_map(|w| w.chars().next())
                                    .any(|c| given.contains(&c))
                        })
                    };
                    // A name written family name first has its given name
                    // whole after it, which must be the person's ("Kim
                    // Yo-jong" is not Kim Jong-un, though both are Kims).
                    if family_first {
                        let written: Vec<&str> = toks
                            .get(th.last + 1..end)
                            .unwrap_or(&[])
                            .iter()
                            .map(|t| t.key.as_str())
                            .collect();
                        candidates.retain(|&p| {
                            self.persons.get(p).is_some_and(|x| {
                                crate::text::key_words(&x.name)
                                    .get(1..)
                                    .is_some_and(|w| w.iter().eq(written.iter().copied()))
                            })
                        });
                    }
                    if !given.is_empty() && candidates.iter().any(|&p| full_match(p)) {
                        candidates.retain(|&p| full_match(p));
                    }
                    // (A person known by the surname alone, as some sources
                    // record rulers, has no given name to contradict.)
                    candidates.retain(|&p| {
                        given.is_empty()
                            || self.persons.get(p).is_some_and(|x| {
                                let words = crate::text::key_words(&x.name);
                                words.len() < 2
                                    || words
                                        .iter()
                                        .filter_map(|w| w.chars().next())
                                        .any(|c| given.contains(&c))
                            })
                    });
                    // Only people who ever held this office are read as the
                    // named holder; anyone else is a person we do not know.
                    let allowed: Option<&str> = country.as_deref();
                    let holders: Vec<usize> = candidates
                        .into_iter()
                        .filter(|&p| {
                            self.persons.get(p).is_some_and(|x| {
                                allowed.map_or(
                                    countries.is_empty() || countries.contains(&x.country),
                                    |c| x.country == c,
                                ) && x
                                    .terms
                                    .iter()
                                    .filter_map(|&t| self.terms.get(t))
                                    .any(|t| t.role == *role)
                            })
                        })
                        .collect();
                    if let Some(p) = self.choose_person(&holders, Some(role), allowed, day) {
                        let claim_country = country
                            .clone()
                            .or_else(|| self.persons.get(p).map(|x| x.country.clone()))
                            .unwrap_or_default();
                        let span = span_of(start_tok, end, false);
                        let m = self.person_mention(
                            text,
                            span,
                            p,
                            Some((role, &claim_country, &title_text, check)),
                            day,
                        );
                        ctx.remember(self, p);
                        out.push(m);
                        return Consumed {
                            hits: used_before + 1,
                            token_end: end,
                        };
                    }
                }
                // A name the knowledge base does not know after the title:
                // the mention is that person, with the office as claimed,
                // never the holder the knowledge base has for the day.
                if end > th.last && !org_modifier && !lower_name {
                    let span = span_of(start_tok, end, false);
                    let name_span = span_of(th.last, end, false);
                    let sector = self.role_sector(role).to_string();
                    // A country the title only implies ("Foreign Secretary
                    // Vijay Gokhale", "National Security Adviser Ajit Doval")
                    // is no one's where the knowledge base knows who held
                    // that office there on the day, and it is someone else:
                    // the name is another state's official.
                    let implied_only = modifier.is_none();
                    let held_by_another = |c: &str| !self.office_on(c, role, day).is_empty();
                    let c = country
                        .clone()
                        .filter(|c| !(implied_only && held_by_another(c)));
                    out.push(ResolvedMention {
                        span,
                        text: span.slice(text).unwrap_or("").to_string(),
                        kind: MentionKind::Person,
                        actor: c.as_ref().map(|c| format!("{c}{sector}")),
                        country: c,
                        sector: Some(sector),
                        person: name_span.slice(text).map(str::to_string),
                        role_on_date: None,
                        claimed_role: Some(role.clone()),
                        anachronism: None,
                        source: tentry.source.clone(),
                    });
                    return Consumed {
                        hits: used_before + 1,
                        token_end: end,
                    };
                }
                // A title with a known country and no name stands for the
                // holder on the day ("Japan's foreign minister").
                if let (Some(c), false) = (&country, org_modifier) {
                    if modifier.is_some() || !countries.is_empty() {
                        // "the US President-elect", "former Japanese defence
                        // minister": someone other than the holder on the day.
                        let hyphen_cue = toks.get(th.last).is_some_and(|t| {
                            self.cues.contains_key(&t.key)
                                && th
                                    .last
                                    .checked_sub(1)
                                    .and_then(|i| toks.get(i))
                                    .is_some_and(|prev| {
                                        text.get(prev.end..t.start).is_some_and(|g| g == "-")
                                    })
                        });
                        let holders = if cue_before.is_some() || hyphen_cue {
                            Vec::new()
                        } else {
                            self.office_on(c, role, day)
                        };
                        let single = if holders.len() == 1 {
                            holders.first().copied()
                        } else {
                            None
                        };
                        let span = span_of(start_tok, th.last, false);
                        let sector = self.role_sector(role).to_string();
                        out.push(ResolvedMention {
                            span,
                            text: span.slice(text).unwrap_or("").to_string(),
                            kind: MentionKind::Office,
                            actor: Some(format!("{c}{sector}")),
                            country: Some(c.clone()),
                            sector: Some(sector),
                            person: single.map(|t| t.name.clone()),
                            role_on_date: single.map(|t| t.role.clone()),
                            claimed_role: Some(role.clone()),
                            anachronism: None,
                            source: single
                                .map_or_else(|| tentry.source.clone(), |t| t.source.clone()),
                        });
                        return Consumed {
                            hits: used_before + 1,
                            token_end: th.last,
                        };
                    }
                }
                // A title alone names no one we can resolve; an organisation
                // before it still counts as itself.
                if used_before > 0 {
                    self.simple(text, hit, entry, day, &span_of, ctx, out);
                }
                Consumed {
                    hits: used_before + 1,
                    token_end: th.last,
                }
            }
            EntryKind::Agent(sector) => {
                if let Some(c) = &modifier {
                    let span = span_of(hit.first, th.last, false);
                    out.push(ResolvedMention {
                        span,
                        text: span.slice(text).unwrap_or("").to_string(),
                        kind: MentionKind::Agent,
                        actor: Some(format!("{c}{sector}")),
                        country: Some(c.clone()),
                        sector: Some(sector.clone()),
                        person: None,
                        role_on_date: None,
                        claimed_role: None,
                        anachronism: None,
                        source: tentry.source.clone(),
                    });
                    return Consumed {
                        hits: 2,
                        token_end: th.last,
                    };
                }
                Consumed {
                    hits: 1,
                    token_end: hit.last,
                }
            }
            _ => {
                self.simple(text, hit, entry, day, &span_of, ctx, out);
                Consumed {
                    hits: 1,
                    token_end: hit.last,
                }
            }
        }
    }

    /// A mention that is one phrase on its own.
    #[allow(clippy::too_many_arguments)]
    fn simple(
        &self,
        text: &str,
        hit: &Hit,
        entry: &Entry,
        day: Day,
        span_of: &dyn Fn(usize, usize, bool) -> Span,
        ctx: &mut DocContext,
        out: &mut Vec<ResolvedMention>,
    ) {
        let span = span_of(hit.first, hit.last, entry.trailing_period);
        let mk = |kind: MentionKind,
                  actor: Option<String>,
                  country: Option<String>,
                  sector: Option<String>| {
            ResolvedMention {
                span,
                text: span.slice(text).unwrap_or("").to_string(),
                kind,
                actor,
                country,
                sector,
                person: None,
                role_on_date: None,
                claimed_role: None,
                anachronism: None,
                source: entry.source.clone(),
            }
        };
        match &entry.kind {
            EntryKind::Country(c) => out.push(mk(
                MentionKind::Country,
                Some(c.clone()),
                Some(c.clone()),
                None,
            )),
            EntryKind::Adjective(c) => out.push(mk(
                MentionKind::Adjective,
                Some(c.clone()),
                Some(c.clone()),
                None,
            )),
            EntryKind::Metonym { country, sector } => out.push(mk(
                MentionKind::Metonym,
                Some(format!("{country}{sector}")),
                Some(country.clone()),
                Some(sector.clone()),
            )),
            EntryKind::Organisation(o) => {
                out.push(mk(MentionKind::Organisation, Some(o.clone()), None, None))
            }
            EntryKind::Place(c) => out.push(mk(MentionKind::Place, None, Some(c.clone()), None)),
            EntryKind::Person(_) => {
                let persons: Vec<usize> = hit
                    .entries
                    .iter()
                    .filter_map(|&id| match self.entry(id).map(|e| &e.kind) {
                        Some(EntryKind::Person(p)) => Some(*p),
                        _ => None,
                    })
                    .collect();
                if let Some(p) = self.choose_person(&persons, None, None, day) {
                    ctx.remember(self, p);
                    let mut m = self.person_mention(text, span, p, None, day);
                    // Out of the offices the knowledge base tracks, a layered
                    // CAMEO dictionary's dated code for the name says more.
                    if m.role_on_date.is_none() {
                        let coded = hit.entries.iter().find_map(|&id| {
                            match self.entry(id).map(|e| (&e.kind, e.source.clone())) {
                                Some((EntryKind::Coded { windows, .. }, src)) => {
                                    code_on(windows, day).map(|c| (c, src))
                                }
                                _ => None,
                            }
                        });
                        if let Some((code, src)) = coded {
                            let (c, sector) = code.split_at(code.len().min(3));
                            if self.countries.contains_key(c) {
                                m.country = Some(c.to_string());
                                m.sector = non_empty(sector.to_string());
                            }
                            m.actor = Some(code.clone());
                            m.source = src;
                        }
                    }
                    out.push(m);
                }
            }
            EntryKind::Coded { windows, person } => {
                let code = code_on(windows, day);
                let Some(code) = code else { return };
                let (c, sector) = code.split_at(code.len().min(3));
                // A joint code (`BEL/NLD/LUX`) is several actors, no one country.
                let (country, sector) = if self.countries.contains_key(c) && !code.contains('/') {
                    (Some(c.to_string()), non_empty(sector.to_string()))
                } else {
                    (None, None)
                };
                let mut m = mk(MentionKind::Coded, Some(code.clone()), country, sector);
                m.person = person.clone();
                out.push(m);
            }
            EntryKind::Title { .. } | EntryKind::Agent(_) => {}
        }
    }
}

/// Whether only spaces separate token `b` from the token before it (index
/// `a` is the end of the earlier phrase, `b` the start of the next): a
/// country word and a title across a sentence break do not combine.
/// "King Hassan of Morocco", "King Abdullah of Jordan": a person named with
/// the state right after ("of …") is that state's, whoever of the same name
/// the knowledge base knows elsewhere. A person it took for another state's
/// becomes a person it does not know, of the state named.
fn state_named_after(text: &str, out: &mut [ResolvedMention]) {
    let states: Vec<(usize, String)> = out
        .iter()
        .filter(|m| m.kind == MentionKind::Country)
        .filter_map(|m| Some((m.span.start, m.country.clone()?)))
        .collect();
    for m in out.iter_mut().filter(|m| m.kind == MentionKind::Person) {
        let named = states.iter().find(|(start, _)| {
            text.get(m.span.end..*start)
                .is_some_and(|gap| gap.trim().eq_ignore_ascii_case("of"))
        });
        let Some((_, state)) = named else { continue };
        if m.country.as_deref() == Some(state.as_str()) {
            continue;
        }
        let sector = m.sector.clone().unwrap_or_else(|| "GOV".to_string());
        m.actor = Some(format!("{state}{sector}"));
        m.country = Some(state.clone());
        m.sector = Some(sector);
        m.person = None;
        m.role_on_date = None;
        m.anachronism = None;
    }
}

/// "the Democratic Republic of Congo … Congo accuses Rwanda": a short name
/// that ends a longer name of another state the text already used (a formal
/// name of three words or more) is that state, not the one the short name
/// alone would be.
fn short_name_of_named_state(out: &mut [ResolvedMention]) {
    let mut named: Vec<(String, String)> = Vec::new();
    for m in out.iter_mut() {
        if m.kind != MentionKind::Country {
            continue;
        }
        let Some(country) = m.country.clone() else {
            continue;
        };
        let words: Vec<&str> = m.text.split_whitespace().collect();
        if words.len() >= 3 {
            if let Some(last) = words.last() {
                named.push((crate::match_key(last), country));
            }
            continue;
        }
        if words.len() != 1 {
            continue;
        }
        let key = crate::match_key(&m.text);
        let Some((_, state)) = named.iter().rev().find(|(k, _)| *k == key) else {
            continue;
        };
        if *state != country {
            m.actor = Some(state.clone());
            m.country = Some(state.clone());
        }
    }
}

fn spaced(text: &str, toks: &[Token], a: usize, b: usize) -> bool {
    let (Some(prev), Some(next)) = (a.checked_sub(1).and_then(|i| toks.get(i)), toks.get(b)) else {
        return false;
    };
    text.get(prev.end..next.start)
        .is_some_and(|g| g.chars().all(char::is_whitespace) && !g.contains("\n\n"))
}

/// The code a dated CAMEO entry gives on `day`: the narrowest window that
/// covers it, else the undated default.
fn code_on(windows: &[(Day, Day, String)], day: Day) -> Option<String> {
    windows
        .iter()
        .filter(|(s, e, _)| *s <= day && day <= *e)
        .min_by_key(|(s, e, _)| e - s)
        .or_else(|| windows.iter().find(|(s, e, _)| *s == 0 && *e == 99_991_231))
        .map(|(_, _, c)| c.clone())
}

struct Consumed {
    hits: usize,
    token_end: usize,
}

fn non_empty(s: String) -> Option<String> {
    if s.is_empty() {
        None
    } else {
        Some(s)
    }
}

/// "China's top diplomat, Wang Yi": an office phrase followed by a comma and a
/// named person of the same country is that person, not whoever held the
/// office on the day (in China the "top diplomat" may be the party's foreign
/// affairs chief rather than the foreign minister). The office mention gives
/// way to the name.
fn drop_named_offices(text: &str, out: &mut Vec<ResolvedMention>) {
    let named: Vec<(usize, Option<String>)> = out
        .iter()
        .filter(|m| m.kind == MentionKind::Person)
        .map(|m| (m.span.start, m.country.clone()))
        .collect();
    out.retain(|m| {
        if m.kind != MentionKind::Office || m.country.is_none() {
            return true;
        }
        let Some(after) = text.get(m.span.end..) else {
            return true;
        };
        let gap = after.len() - after.trim_start_matches([',', ' ']).len();
        if !after.starts_with(',') || gap > 3 {
            return true;
        }
        let at = m.span.end + gap;
        !named
            .iter()
            .any(|(start, country)| *start == at && *country == m.country)
    });
}

/// The last list among `before` (in text order) that names exactly `many`
/// countries, joined by "and" ("X and Y", "X, Y and Z"); empty where the text
/// names no such list. A longer list ("Manila, Japan and South Korea") is no
/// pair, nor is a comma alone ("Like Manila, Japan …").
fn last_coordinated<'m>(
    text: &str,
    before: &[&'m ResolvedMention],
    many: usize,
) -> Vec<&'m ResolvedMention> {
    let gap = |a: &ResolvedMention, b: &ResolvedMention| -> Option<bool> {
        let g = text.get(a.span.end..b.span.start)?.trim();
        match g {
            "and" | ", and" | "&" => Some(true),
            "," => Some(false),
            _ => None,
        }
    };
    // Lists as (members, whether an "and" closes them).
    let mut lists: Vec<(Vec<&'m ResolvedMention>, bool)> = Vec::new();
    for &m in before {
        let joined = lists
            .last()
            .and_then(|(ms, _)| ms.last().copied())
            .and_then(|prev| gap(prev, m));
        match (joined, lists.last_mut()) {
            (Some(and), Some((ms, closed))) => {
                ms.push(m);
                *closed = and;
            }
            _ => lists.push((vec![m], false)),
        }
    }
    for (ms, closed) in lists.into_iter().rev() {
        let mut distinct: Vec<&ResolvedMention> = Vec::new();
        for g in &ms {
            if distinct.iter().all(|d| d.country != g.country) {
                distinct.push(g);
            }
        }
        if closed && distinct.len() == many {
            return distinct;
        }
    }
    Vec::new()
}
