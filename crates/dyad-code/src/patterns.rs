//! The coder's data files, and the PETRARCH/TABARI verb-dictionary importer.

use dyad_core::{EventStatus, EventType};
use std::collections::HashMap;
use thiserror::Error;

/// A problem in a pattern or cue file, with its line.
#[derive(Debug, Error, Clone, PartialEq)]
#[error("{file}:{line}: {reason}")]
pub struct PatternError {
    pub file: String,
    pub line: usize,
    pub reason: String,
}

/// The formats [`crate::Coder::with_patterns`] reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PatternFormat {
    /// dyad's own `patterns.tsv` format.
    Dyad,
    /// A PETRARCH/TABARI CAMEO verb dictionary (`--- NAME [code] ---` blocks).
    CameoVerbs,
}

impl PatternFormat {
    pub fn detect(text: &str) -> PatternFormat {
        let cameo = text.lines().any(|l| {
            let t = l.trim_start();
            t.starts_with("---") && t.contains('[')
        });
        if cameo {
            PatternFormat::CameoVerbs
        } else {
            PatternFormat::Dyad
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TriggerKind {
    Verb,
    Noun,
}

/// The `obj:` word that asks for an object of any kind (`verb return obj:*`:
/// returning something, not returning somewhere).
pub const ANY_OBJECT: &str = "*";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Complement {
    Any,
    Object(String),
    Prep(String),
    /// `subj:and`: the trigger's subject is several parties together ("Duterte
    /// and Obama spoke briefly", "the two leaders spoke by phone"), which
    /// makes an act done with each other of a verb that alone says nothing of
    /// anyone else.
    JointSubject,
    /// A verb dictionary's word pattern (`- NOT * OVER EFFORTS`): words that must
    /// stand, in order, before and after the verb. Shared by every verb of a
    /// dictionary block (a synset may expand to many phrases).
    Words(std::sync::Arc<WordPattern>),
}

/// A PETRARCH/TABARI pattern read as a sequence of slots around the verb.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordPattern {
    pub slots: Vec<Slot>,
}

/// One slot of a [`WordPattern`]: the verb itself, or one of several phrases
/// (a synset gives many), each a run of lower-case words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    pub verb: bool,
    pub phrases: Vec<Vec<String>>,
    /// Joined to the slot before it by `_`: nothing may stand between them.
    pub adjacent: bool,
}

impl WordPattern {
    /// How many words the pattern asks for besides the verb: a longer match
    /// is a more specific one.
    pub fn words(&self) -> usize {
        self.slots
            .iter()
            .filter(|s| !s.verb)
            .map(|s| s.phrases.iter().map(Vec::len).min().unwrap_or(0))
            .sum()
    }

    /// Reads the part of a pattern line between `-` and its code. `$` and `+`
    /// (where the source or the target stands) and `^` (a skipped phrase) only
    /// mark places other words may fill; `%` asks for a compound actor (a list
    /// of parties) there, as a slot of its own; a synset name
    /// (`&TIETYPES`) stands for each of its phrases. `None` for a pattern that
    /// names an unknown synset, has no verb slot or asks for no word at all.
    fn parse(body: &str, synsets: &HashMap<String, Vec<Vec<String>>>) -> Option<WordPattern> {
        let mut slots: Vec<Slot> = Vec::new();
        let mut verb = false;
        for group in body.split_whitespace() {
            let mut first = true;
            for part in group.split('_') {
                let part = part.trim_matches(|c: char| "(){}".contains(c));
                let joined = !first;
                first = false;
                if part.is_empty() {
                    continue;
                }
                // `%`: a compound actor ("the Philippines and France") stands
                // here; matched as the word `%` (see the coder's matcher).
                if part == "%" {
                    slots.push(Slot {
                        verb: false,
                        phrases: vec![vec!["%".to_string()]],
                        adjacent: false,
                    });
                    first = true;
                    continue;
                }
                if ["$", "+", "^"].contains(&part) {
                    // A party's words stand here: the next slot need not follow at once.
                    first = true;
                    continue;
                }
                let adjacent = joined && !slots.is_empty();
                if part == "*" {
                    verb = true;
                    slots.push(Slot {
                        verb: true,
                        phrases: Vec::new(),
                        adjacent,
                    });
                } else if let Some(name) = part.strip_prefix('&') {
                    let phrases = synsets.get(&name.to_uppercase())?.clone();
                    slots.push(Slot {
                        verb: false,
                        phrases,
                        adjacent,
                    });
                } else {
                    slots.push(Slot {
                        verb: false,
                        phrases: vec![vec![part.to_lowercase()]],
                        adjacent,
                    });
                }
            }
        }
        let wp = WordPattern { slots };
        (verb && wp.words() > 0).then_some(wp)
    }
}

/// A dictionary's synsets (`&NAME` followed by `+PHRASE` lines), each phrase
/// split into words; a member naming another synset is replaced by its phrases.
fn read_synsets(text: &str) -> HashMap<String, Vec<Vec<String>>> {
    let mut raw: Vec<(String, Vec<String>)> = Vec::new();
    let mut open = false;
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        if let Some(name) = line.strip_prefix('&') {
            let name = name.split_whitespace().next().unwrap_or("").to_uppercase();
            raw.push((name, Vec::new()));
            open = true;
        } else if let (true, Some(member)) = (open, line.strip_prefix('+')) {
            if let Some(last) = raw.last_mut() {
                last.1.push(member.trim().to_string());
            }
        } else {
            open = false;
        }
    }
    let table: HashMap<String, Vec<String>> = raw.into_iter().collect();
    fn expand(
        table: &HashMap<String, Vec<String>>,
        name: &str,
        depth: usize,
        out: &mut Vec<Vec<String>>,
    ) {
        let Some(members) = table.get(name) else {
            return;
        };
        for m in members {
            if let (Some(inner), true) = (m.strip_prefix('&'), depth < 4) {
                expand(table, &inner.to_uppercase(), depth + 1, out);
                continue;
            }
            let words: Vec<String> = m
                .split(|c: char| c.is_whitespace() || c == '_')
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect();
            if !words.is_empty() && words.iter().all(|w| !w.starts_with('&')) {
                out.push(words);
            }
        }
    }
    let mut out = HashMap::new();
    for name in table.keys() {
        let mut phrases = Vec::new();
        expand(&table, name, 0, &mut phrases);
        if !phrases.is_empty() {
            out.insert(name.clone(), phrases);
        }
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Roles {
    SubjObj,
    ObjSubj,
    Joint,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    pub kind: TriggerKind,
    pub trigger: String,
    pub with: Complement,
    pub cameo: String,
    pub roles: Roles,
    /// A PLOVER type that overrides the one the CAMEO table gives, where the two
    /// schemes file an act differently (CAMEO's "sign formal agreement" is
    /// SUPPORT in the table; dyad files a signed agreement as AGREE).
    pub plover: Option<EventType>,
    /// Which layer the pattern came from: 0 for dyad's own, higher for files
    /// layered over it. A trigger's patterns from a higher layer are tried first,
    /// all of them, before any of a lower layer's.
    pub layer: u16,
}

/// Patterns by trigger lemma. Later layers come first, so a user's pattern wins.
#[derive(Debug, Clone, Default)]
pub struct Patterns {
    by_trigger: HashMap<(TriggerKind, String), Vec<Pattern>>,
}

/// The key a trigger is filed under: its lemma without a final silent `e` or a
/// doubled final consonant, each part of a phrasal verb alike. Rule-based lemmas of unseen forms often lose or
/// keep that `e` wrongly ("refused" → "refus", "accused" → "accus"); filing both
/// spellings under one key makes matching immune to it at no cost in precision,
/// since no two trigger verbs differ only by it.
pub(crate) fn trigger_key(lemma: &str) -> String {
    lemma
        .to_lowercase()
        .split('_')
        .map(|w| {
            // "supplies" is "supply": a plural the lemmatiser left.
            let plural;
            let w = match w.strip_suffix("ies") {
                Some(stem) if stem.len() >= 3 => {
                    plural = format!("{stem}y");
                    plural.as_str()
                }
                _ => w,
            };
            // "su" is "sue", "ti" is "tie".
            let w = if w.len() >= 3 {
                w.strip_suffix('e').unwrap_or(w)
            } else {
                w
            };
            // "expell", "shunn": a doubled final consonant the lemmatiser kept.
            let b = w.as_bytes();
            let n = b.len();
            if n > 3 && b[n - 1] == b[n - 2] && !b"aeiou".contains(&b[n - 1]) {
                w[..n - 1].to_string()
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("_")
}

fn err(file: &str, line: usize, reason: impl Into<String>) -> PatternError {
    PatternError {
        file: file.to_string(),
        line,
        reason: reason.into(),
    }
}

impl Patterns {
    pub fn parse(file: &str, text: &str) -> Result<Patterns, PatternError> {
        let mut p = Patterns::default();
        for (i, raw) in text.lines().enumerate() {
            let line = raw.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
            let (kind, trigger, with, cameo, roles, plover) = match cols[..] {
                [k, t, w, c, r] => (k, t, w, c, r, None),
                [k, t, w, c, r, p] => (k, t, w, c, r, Some(p)),
                _ => {
                    return Err(err(
                        file,
                        i + 1,
                        "expected KIND<TAB>TRIGGER<TAB>WITH<TAB>CAMEO<TAB>ROLES[<TAB>TYPE]",
                    ))
                }
            };
            let plover = match plover {
                None | Some("-") => None,
                Some(t) => Some(
                    EventType::parse(t)
                        .ok_or_else(|| err(file, i + 1, format!("unknown PLOVER type `{t}`")))?,
                ),
            };
            let kind = match kind {
                "verb" => TriggerKind::Verb,
                "noun" => TriggerKind::Noun,
                k => {
                    return Err(err(
                        file,
                        i + 1,
                        format!("unknown kind `{k}` (verb or noun)"),
                    ))
                }
            };
            let with = match with.split_once(':') {
                None if with == "-" => Complement::Any,
                Some(("obj", w)) if !w.is_empty() => Complement::Object(w.to_lowercase()),
                Some(("prep", w)) if !w.is_empty() => Complement::Prep(w.to_lowercase()),
                Some(("subj", "and")) => Complement::JointSubject,
                _ => {
                    return Err(err(
                        file,
                        i + 1,
                        format!("bad WITH `{with}` (-, obj:LEMMA, obj:*, prep:WORD or subj:and)"),
                    ))
                }
            };
            if cameo.is_empty() || !cameo.chars().all(|c| c.is_ascii_digit()) {
                return Err(err(file, i + 1, format!("bad CAMEO code `{cameo}`")));
            }
            let roles = match roles {
                "subj>obj" | "-" => Roles::SubjObj,
                "obj>subj" => Roles::ObjSubj,
                "joint" => Roles::Joint,
                r => return Err(err(file, i + 1, format!("bad ROLES `{r}`"))),
            };
            p.add(Pattern {
                kind,
                trigger: trigger.to_lowercase(),
                with,
                cameo: cameo.to_string(),
                roles,
                plover,
                layer: 0,
            });
        }
        Ok(p)
    }

    /// The patterns filed under a word of one kind (a noun, a verb).
    pub(crate) fn of_word(&self, kind: TriggerKind, lemma: &str) -> &[Pattern] {
        self.by_trigger
            .get(&(kind, trigger_key(lemma)))
            .map_or(&[], Vec::as_slice)
    }

    fn add(&mut self, pat: Pattern) {
        self.by_trigger
            .entry((pat.kind, trigger_key(&pat.trigger)))
            .or_default()
            .push(pat);
    }

    /// Puts `other`'s patterns before this set's, trigger by trigger.
    pub fn layer(&mut self, other: Patterns) {
        let top = self
            .by_trigger
            .values()
            .flatten()
            .map(|p| p.layer)
            .max()
            .unwrap_or(0);
        for (k, mut v) in other.by_trigger {
            for p in &mut v {
                p.layer = top + 1;
            }
            let old = self.by_trigger.remove(&k).unwrap_or_default();
            v.extend(old);
            self.by_trigger.insert(k, v);
        }
    }

    /// Gives a PLOVER type to each pattern whose code the CAMEO table does not
    /// know (verb dictionaries written for WEIS or for tests carry such codes):
    /// the type `base` files the same trigger under, so a user's "abandon
    /// [345]" still codes what dyad's own "abandon" codes, under the user's
    /// code. A pattern left untyped (a trigger `base` does not know) is dropped.
    pub fn type_unknown_codes(&mut self, table: &Plover, base: &Patterns) {
        for (key, pats) in &mut self.by_trigger {
            let own = base.by_trigger.get(key).and_then(|b| {
                b.iter()
                    .filter(|p| p.with == Complement::Any)
                    .chain(b.iter())
                    .find_map(|p| p.plover.or_else(|| table.lookup(&p.cameo).map(|e| e.0)))
            });
            for p in pats.iter_mut() {
                if p.plover.is_none() && table.lookup(&p.cameo).is_none() {
                    p.plover = own;
                }
            }
            // A pattern still without a type codes nothing, and is no trigger:
            // kept, it would swallow the acts it governs ("left for talks").
            pats.retain(|p| p.plover.is_some() || table.lookup(&p.cameo).is_some());
        }
        self.by_trigger.retain(|_, pats| !pats.is_empty());
    }

    /// Every word that can start a trigger, as trigger keys (a phrasal
    /// verb's verb alone: "call" of "call_off"), with what else the sentence
    /// must hold for it to be one: `None` for a word that triggers on its own,
    /// else the words one of which must stand beside it (a particle, the object
    /// of "hold talks", the preposition of "arrive in").
    pub fn trigger_words(&self) -> HashMap<String, Option<std::collections::HashSet<String>>> {
        let mut out: HashMap<String, Option<std::collections::HashSet<String>>> = HashMap::new();
        for ((_, key), patterns) in &self.by_trigger {
            let mut parts = key.split('_');
            let base = parts.next().unwrap_or(key).to_string();
            let particles: Vec<String> = parts.map(str::to_string).collect();
            for p in patterns {
                let mut needs: Vec<String> = particles.clone();
                match &p.with {
                    Complement::Any => {}
                    // Any object at all: only the parse can tell.
                    Complement::Object(w) if w == ANY_OBJECT => {}
                    Complement::Object(w) => needs.push(trigger_key(w)),
                    // Checked against the whole sentence once it is parsed.
                    Complement::Words(_) | Complement::JointSubject => {}
                    Complement::Prep(w) => needs.push(w.to_lowercase()),
                }
                let entry = out
                    .entry(base.clone())
                    .or_insert_with(|| Some(Default::default()));
                match (entry.as_mut(), needs.is_empty()) {
                    (_, true) => *entry = None,
                    (Some(set), false) => set.extend(needs),
                    (None, false) => {}
                }
            }
        }
        out
    }

    pub fn for_trigger(&self, kind: TriggerKind, lemma: &str) -> &[Pattern] {
        self.by_trigger
            .get(&(kind, trigger_key(lemma)))
            .map_or(&[], Vec::as_slice)
    }

    #[cfg(test)]
    pub fn all(&self) -> impl Iterator<Item = &Pattern> {
        self.by_trigger.values().flatten()
    }

    /// Reads a PETRARCH/TABARI CAMEO verb dictionary: each `--- NAME [code] ---`
    /// block lists verbs (`WORD [code]`, `+PHRASAL_VERB [code]`, with optional
    /// `{forms}`) and patterns (`- words * words [code]`). A verb takes its own code,
    /// else the block's; a pattern whose first word after `*` is a plain word
    /// becomes an `obj:` complement of the block's verbs. Codes `---` mean "not an
    /// event" and are skipped.
    pub fn from_cameo_verbs(_file: &str, text: &str) -> Result<Patterns, PatternError> {
        let mut p = Patterns::default();
        let mut block_code: Option<String> = None;
        let mut block_verbs: Vec<String> = Vec::new();
        let code_of = |s: &str| -> Option<String> {
            let open = s.find('[')?;
            let close = s[open..].find(']')? + open;
            let code: String = s[open + 1..close].split(':').next()?.trim().to_string();
            (!code.is_empty() && code.chars().all(|c| c.is_ascii_digit())).then_some(code)
        };
        let synsets = read_synsets(text);
        let mut in_synset = false;
        for raw in text.lines() {
            let line = raw.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            // A synset's members are phrases, not verbs.
            if line.starts_with('&') {
                in_synset = true;
                continue;
            }
            if in_synset && line.starts_with('+') {
                continue;
            }
            in_synset = false;
            if line.starts_with("---") {
                block_code = code_of(line);
                block_verbs.clear();
                let name = line
                    .trim_matches('-')
                    .split('[')
                    .next()
                    .unwrap_or("")
                    .trim();
                if !name.is_empty() {
                    block_verbs.push(name.to_lowercase().replace(' ', "_"));
                }
                continue;
            }
            if let Some(rest) = line.strip_prefix('-') {
                let Some(code) = code_of(rest).or_else(|| block_code.clone()) else {
                    continue;
                };
                let body = rest.split('[').next().unwrap_or("");
                let Some(words) = WordPattern::parse(body, &synsets) else {
                    continue;
                };
                let words = std::sync::Arc::new(words);
                // `+ … * … $`: the target stands before the verb and the source
                // after it ("+ * MONEY $": the one who receives money is the target).
                let star = body.find('*').unwrap_or(0);
                let (before, after) = body.split_at(star);
                let roles = if before.contains('+') && after.contains('$') {
                    Roles::ObjSubj
                } else {
                    Roles::SubjObj
                };
                for v in &block_verbs {
                    p.add(Pattern {
                        kind: TriggerKind::Verb,
                        trigger: v.clone(),
                        with: Complement::Words(words.clone()),
                        cameo: code.clone(),
                        roles,
                        plover: None,
                        layer: 0,
                    });
                }
                continue;
            }
            // Transformations (`~ a (a b ATTACK) SAY = a b 015`), macros and other
            // constructs dyad does not read are skipped: the verbs and patterns are
            // what it takes from such a dictionary.
            if line.starts_with(['~', '&', '<']) || line.contains('=') {
                continue;
            }
            // A verb line: WORD or +PHRASAL_VERB, optional {forms}, optional [code].
            let word = line
                .split(['{', '['])
                .next()
                .unwrap_or("")
                .trim()
                .trim_start_matches('+');
            if word.is_empty() || word.contains(' ') {
                continue;
            }
            // A verb with words before it (`WIRE_+TAP`: "wire tapped"): the verb
            // after `_+`, asking for the words joined right before it. The
            // block's patterns are not its own.
            if let Some((before, verb)) = word.split_once("_+") {
                let Some(code) = code_of(line).or_else(|| block_code.clone()) else {
                    continue;
                };
                let Some(words) = WordPattern::parse(&format!("{before}_*"), &synsets) else {
                    continue;
                };
                p.add(Pattern {
                    kind: TriggerKind::Verb,
                    trigger: verb.to_lowercase(),
                    with: Complement::Words(std::sync::Arc::new(words)),
                    cameo: code,
                    roles: Roles::SubjObj,
                    plover: None,
                    layer: 0,
                });
                continue;
            }
            let lemma = word.to_lowercase();
            block_verbs.push(lemma.clone());
            if let Some(code) = code_of(line).or_else(|| block_code.clone()) {
                p.add(Pattern {
                    kind: TriggerKind::Verb,
                    trigger: lemma,
                    with: Complement::Any,
                    cameo: code,
                    roles: Roles::SubjObj,
                    plover: None,
                    layer: 0,
                });
            }
        }
        Ok(p)
    }
}

/// CAMEO code → PLOVER type, mode, context.
#[derive(Debug, Clone, Default)]
pub struct Plover {
    by_code: HashMap<String, (EventType, Option<String>, Option<String>)>,
}

impl Plover {
    pub fn parse(file: &str, text: &str) -> Result<Plover, PatternError> {
        let mut by_code = HashMap::new();
        for (i, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
            let [code, typ, mode, ctx] = cols[..] else {
                return Err(err(
                    file,
                    i + 1,
                    "expected CAMEO<TAB>TYPE<TAB>MODE<TAB>CONTEXT",
                ));
            };
            let t = EventType::parse(typ)
                .ok_or_else(|| err(file, i + 1, format!("unknown PLOVER type `{typ}`")))?;
            let opt = |s: &str| (s != "-" && !s.is_empty()).then(|| s.to_string());
            by_code.insert(code.to_string(), (t, opt(mode), opt(ctx)));
        }
        Ok(Plover { by_code })
    }

    /// The entry for `code`, or for its longest known prefix.
    pub fn lookup(&self, code: &str) -> Option<&(EventType, Option<String>, Option<String>)> {
        (2..=code.len())
            .rev()
            .find_map(|n| self.by_code.get(code.get(..n)?))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CueWhere {
    Governor,
    Aux,
    Mark,
    Modifier,
    /// A governor that, negated, undoes the event ("will not go ahead").
    Undone,
    /// A governor whose clause it governs is a plan ("announced it would
    /// withdraw") while a thing it governs is done ("announced sanctions").
    Clause,
}

/// Status cues by place and lemma.
#[derive(Debug, Clone, Default)]
pub struct StatusCues {
    by: HashMap<(CueWhere, String), EventStatus>,
    /// Adverbs that make a present-tense act a standing state or a habit
    /// ("are stationed permanently", "routinely patrol"): no event at all.
    habits: Vec<String>,
}

impl StatusCues {
    pub fn parse(file: &str, text: &str) -> Result<StatusCues, PatternError> {
        let mut by = HashMap::new();
        let mut habits = Vec::new();
        for (i, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
            let [w, lemma, status] = cols[..] else {
                return Err(err(file, i + 1, "expected WHERE<TAB>LEMMA<TAB>STATUS"));
            };
            if w == "habit" {
                if status != "-" {
                    return Err(err(file, i + 1, "a `habit` row takes `-` as its status"));
                }
                habits.push(lemma.to_lowercase());
                continue;
            }
            let w = match w {
                "governor" => CueWhere::Governor,
                "aux" => CueWhere::Aux,
                "mark" => CueWhere::Mark,
                "modifier" => CueWhere::Modifier,
                "undone" => CueWhere::Undone,
                "clause" => CueWhere::Clause,
                x => return Err(err(file, i + 1, format!("unknown place `{x}`"))),
            };
            let s = EventStatus::parse(status)
                .ok_or_else(|| err(file, i + 1, format!("unknown status `{status}`")))?;
            by.insert((w, trigger_key(lemma)), s);
        }
        Ok(StatusCues { by, habits })
    }

    /// Whether an adverb marks a standing state or habit rather than an event.
    pub fn is_habit(&self, lemma: &str) -> bool {
        self.habits.iter().any(|h| h == lemma)
    }

    /// The status a cue word gives, its lemma compared as trigger lemmas are
    /// (immune to a lost or kept final `e`).
    pub fn get(&self, w: CueWhere, lemma: &str) -> Option<EventStatus> {
        self.by.get(&(w, trigger_key(lemma))).copied()
    }
}

/// Words that say how and where a meeting takes place.
#[derive(Debug, Clone, Default)]
pub struct PlaceCues {
    pub virtual_words: Vec<String>,
    pub phone_words: Vec<String>,
    pub grouping_words: Vec<String>,
    pub at_words: Vec<String>,
    /// Nouns for armed forces: hosting or receiving them is no meeting.
    pub force_words: Vec<String>,
    /// Nouns that, as a meeting verb's object, make it no meeting ("meet the challenges").
    pub task_words: Vec<String>,
    /// Nouns for the edge of a gathering ("on the sidelines of the Munich
    /// Security Conference"): the place the gathering's name holds is the act's.
    pub sideline_words: Vec<String>,
    /// Nouns that make a meeting word an occasion for speaking to reporters
    /// ("press conference", "news briefing"): no meeting between parties.
    pub statement_words: Vec<String>,
}

impl PlaceCues {
    pub fn parse(file: &str, text: &str) -> Result<PlaceCues, PatternError> {
        let mut c = PlaceCues::default();
        for (i, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let Some((k, w)) = line.split_once('\t') else {
                return Err(err(file, i + 1, "expected KIND<TAB>WORD"));
            };
            let w = w.trim().to_lowercase();
            match k {
                "virtual" => c.virtual_words.push(w),
                "phone" => c.phone_words.push(w),
                "trilateral" => c.grouping_words.push(w),
                "at" => c.at_words.push(w),
                "force" => c.force_words.push(w),
                "task" => c.task_words.push(w),
                "sidelines" => c.sideline_words.push(w),
                "statement" => c.statement_words.push(w),
                x => return Err(err(file, i + 1, format!("unknown kind `{x}`"))),
            }
        }
        Ok(c)
    }
}

/// Nouns that give an act's parties by office, with the roles they admit.
#[derive(Debug, Clone, Default)]
pub struct DescribedRoles {
    by_noun: HashMap<String, Vec<String>>,
}

impl DescribedRoles {
    pub fn parse(file: &str, text: &str) -> Result<DescribedRoles, PatternError> {
        let mut by_noun = HashMap::new();
        for (i, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let Some((noun, roles)) = line.split_once('\t') else {
                return Err(err(file, i + 1, "expected NOUN<TAB>ROLES"));
            };
            let roles: Vec<String> = roles
                .split('|')
                .map(|r| r.trim().to_string())
                .filter(|r| !r.is_empty())
                .collect();
            if roles.is_empty() {
                return Err(err(file, i + 1, "no roles"));
            }
            by_noun.insert(noun.trim().to_lowercase(), roles);
        }
        Ok(DescribedRoles { by_noun })
    }

    /// The roles a noun (lemma) admits, if it names parties by office.
    pub fn roles(&self, noun: &str) -> Option<&[String]> {
        self.by_noun.get(noun).map(Vec::as_slice)
    }
}

/// The CAMEO codes of organisations (`organisations.tsv`): an organisation's
/// class (IGO, NGO, IMG or a country) is its country in an event.
#[derive(Debug, Clone, Default)]
pub struct OrgClasses {
    by_actor: HashMap<String, String>,
}

impl OrgClasses {
    pub fn parse(file: &str, text: &str) -> Result<OrgClasses, PatternError> {
        let mut by_actor = HashMap::new();
        for (i, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let Some((actor, cameo)) = line.split_once('\t') else {
                return Err(err(file, i + 1, "expected ACTOR<TAB>CAMEO"));
            };
            let cameo = cameo.trim();
            if cameo.len() < 3 || !cameo.is_ascii() {
                return Err(err(file, i + 1, "a CAMEO code has at least three letters"));
            }
            by_actor.insert(actor.trim().to_string(), cameo[..3].to_string());
        }
        Ok(OrgClasses { by_actor })
    }

    /// The class of an organisation's actor code, or of the organisation its
    /// code extends (`UNIGO` → `UN`'s).
    pub fn class(&self, actor: &str) -> Option<&str> {
        if let Some(c) = self.by_actor.get(actor) {
            return Some(c);
        }
        // An organisation's code and a three-letter sector (UN + IGO).
        let k = actor.len().checked_sub(3)?;
        let (org, sector) = (actor.get(..k)?, actor.get(k..)?);
        if k < 2 || !sector.bytes().all(|b| b.is_ascii_uppercase()) {
            return None;
        }
        self.by_actor.get(org).map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trigger_keys_forgive_the_lemmatiser() {
        for (a, b) in [
            ("refus", "refuse"),
            ("expell", "expel"),
            ("call_off", "call_off"),
            ("shunn", "shun"),
            ("su", "sue"),
        ] {
            assert_eq!(trigger_key(a), trigger_key(b), "{a} / {b}");
        }
        assert_ne!(trigger_key("meet"), trigger_key("met"));
        assert_ne!(trigger_key("sign"), trigger_key("sing"));
    }

    #[test]
    fn cameo_verb_dictionary_blocks() {
        let dict = "--- MEET [040] ---\nMEET {MEETS MET MEETING}\nCONFER [040]\n- * TALKS [043]\n--- CANCEL [---] ---\n+CALL_OFF [160]\nSTOP\n";
        assert_eq!(PatternFormat::detect(dict), PatternFormat::CameoVerbs);
        let p = Patterns::from_cameo_verbs("v.txt", dict).expect("parses");
        assert_eq!(p.for_trigger(TriggerKind::Verb, "meet")[0].cameo, "040");
        assert_eq!(p.for_trigger(TriggerKind::Verb, "confer")[0].cameo, "040");
        assert!(p
            .for_trigger(TriggerKind::Verb, "confer")
            .iter()
            .any(|x| matches!(&x.with, Complement::Words(w) if w.words() == 1)));
        assert_eq!(p.for_trigger(TriggerKind::Verb, "call_off")[0].cameo, "160");
        assert!(
            p.for_trigger(TriggerKind::Verb, "stop").is_empty(),
            "`[---]` is no event"
        );
    }

    #[test]
    fn any_object_needs_the_parse_not_a_word() {
        let p = Patterns::parse("mine.tsv", "verb\treturn\tobj:*\t0842\tsubj>obj\n")
            .expect("obj:* parses");
        let words = p.trigger_words();
        // "return" is worth a parse whatever stands beside it: no word is needed.
        assert_eq!(words.get("return"), Some(&None));
    }

    #[test]
    fn bad_lines_are_named() {
        let e = Patterns::parse(
            "mine.tsv",
            "verb\tmeet\t-\t040\tjoint\nverb\tgreet\tnope\t040\tjoint\n",
        )
        .unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.to_string().starts_with("mine.tsv:2:"));
    }
}
