//! The reader's knowledge, parsed from the data files under `data/`.
//!
//! Each file is line-oriented and tab-separated so that users can read, diff and
//! extend it; `data/README.md` documents the formats. The built-in files are
//! embedded at build time and compiled once ([`Cues::builtin`]); a user's file of
//! the same kind is layered on top with [`Cues::with_layer`].

use chrono::NaiveDate;
use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;
use thiserror::Error;

const BOILERPLATE: &str = include_str!("../data/boilerplate.tsv");
const OUTLETS: &str = include_str!("../data/outlets.tsv");
const MEDIA_WORDS: &str = include_str!("../data/media_words.txt");
const ERAS: &str = include_str!("../data/eras.tsv");
const STOPWORDS: &str = include_str!("../data/stopwords.tsv");

/// A problem in a cue file, with the line it stands on.
#[derive(Debug, Error, Clone, PartialEq)]
pub enum CueError {
    #[error("{file}:{line}: {reason}")]
    Invalid {
        file: String,
        line: usize,
        reason: String,
    },
}

/// Which of the reader's data files a text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueFile {
    Boilerplate,
    Outlets,
    MediaWords,
    Eras,
    Stopwords,
}

/// What a whole-line cue says about a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineCue {
    Drop,
    Notice,
    Credit,
    Caption,
    Stamp,
    Tail,
}

/// A named era: using its phrase dates a report inside `[not_before, not_after]`.
#[derive(Debug, Clone)]
pub struct Era {
    pub phrase: String,
    pub pattern: Regex,
    pub not_before: Option<NaiveDate>,
    pub not_after: Option<NaiveDate>,
    pub why: String,
}

/// All cues, compiled.
#[derive(Debug, Clone)]
pub struct Cues {
    sources: Vec<(CueFile, String, String)>,
    whole_line: RegexSet,
    whole_line_kinds: Vec<LineCue>,
    anywhere: RegexSet,
    anywhere_kinds: Vec<LineCue>,
    bylines: Vec<Regex>,
    outlet_notices: Vec<Regex>,
    wires: Vec<Regex>,
    /// All wire cues at once: most lines hold none, and one pass says so.
    any_wire: RegexSet,
    /// The same for outlet notices and bylines.
    any_outlet: RegexSet,
    any_byline: RegexSet,
    outlet_alias: HashMap<String, String>,
    outlet_domain: HashMap<String, String>,
    media_words: HashSet<String>,
    pub(crate) eras: Vec<Era>,
    pub(crate) stopwords: Vec<(String, HashSet<String>)>,
    /// For each function word, the entries of `stopwords` holding it: one look-up
    /// per word of a text instead of one per language.
    pub(crate) stopword_entries: HashMap<String, Vec<usize>, FnvBuild>,
}

/// FNV-1a, for hash maps keyed by short words the reader looks up once per word
/// or element: the keys come from our own data files, so SipHash's protection
/// against crafted keys buys nothing and costs several times more.
pub(crate) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

pub(crate) type FnvBuild = std::hash::BuildHasherDefault<Fnv>;

/// Word boundaries in the reader's patterns are ASCII ones: a Unicode boundary
/// stops the regex engine's fast DFA at the first non-ASCII character, and news
/// text is full of curly quotes and dashes.
pub(crate) fn ascii_boundaries(pat: &str) -> String {
    pat.replace(r"\b", r"(?-u:\b)")
}

impl Cues {
    /// The built-in cues, compiled once per process.
    pub fn builtin() -> &'static Cues {
        static BUILTIN: OnceLock<Cues> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            let sources = vec![
                (
                    CueFile::Boilerplate,
                    "boilerplate.tsv".to_string(),
                    BOILERPLATE.to_string(),
                ),
                (
                    CueFile::Outlets,
                    "outlets.tsv".to_string(),
                    OUTLETS.to_string(),
                ),
                (
                    CueFile::MediaWords,
                    "media_words.txt".to_string(),
                    MEDIA_WORDS.to_string(),
                ),
                (CueFile::Eras, "eras.tsv".to_string(), ERAS.to_string()),
                (
                    CueFile::Stopwords,
                    "stopwords.tsv".to_string(),
                    STOPWORDS.to_string(),
                ),
            ];
            // The built-in files are tested (`builtin_cues_compile`); an error here is a
            // bug in the shipped data, not in user input.
            Cues::compile(sources).expect("built-in cue files are valid")
        })
    }

    /// These cues with a user's file of the given kind layered on top.
    pub fn with_layer(&self, kind: CueFile, name: &str, text: &str) -> Result<Cues, CueError> {
        let mut sources = self.sources.clone();
        sources.push((kind, name.to_string(), text.to_string()));
        Cues::compile(sources)
    }

    /// Checks a cue file without keeping it.
    pub fn check(kind: CueFile, name: &str, text: &str) -> Result<(), CueError> {
        Cues::builtin().with_layer(kind, name, text).map(|_| ())
    }

    fn compile(sources: Vec<(CueFile, String, String)>) -> Result<Cues, CueError> {
        let mut whole = Vec::new();
        let mut whole_kinds = Vec::new();
        let mut anywhere = Vec::new();
        let mut anywhere_kinds = Vec::new();
        let mut bylines = Vec::new();
        let mut outlet_notices = Vec::new();
        let mut wires = Vec::new();
        let mut outlet_alias = HashMap::new();
        let mut outlet_domain = HashMap::new();
        let mut media_words = HashSet::new();
        let mut eras = Vec::new();
        let mut stopwords = Vec::new();
        for (kind, file, text) in &sources {
            for (i, raw) in text.lines().enumerate() {
                let line = raw.trim_end_matches('\r');
                if line.trim().is_empty() || line.starts_with('#') {
                    continue;
                }
                let bad = |reason: String| CueError::Invalid {
                    file: file.clone(),
                    line: i + 1,
                    reason,
                };
                let cols: Vec<&str> = line.split('\t').collect();
                match kind {
                    CueFile::Boilerplate => {
                        let [k, pat] = cols[..] else {
                            return Err(bad("expected KIND<TAB>PATTERN".into()));
                        };
                        let pat = &ascii_boundaries(pat);
                        let rx = |p: &str| {
                            RegexBuilder::new(p)
                                .case_insensitive(true)
                                .build()
                                .map_err(|e| bad(format!("bad pattern: {e}")))
                        };
                        match k {
                            "drop" | "credit" | "stamp" | "tail" => {
                                let wrapped = format!("^(?:{pat})$");
                                rx(&wrapped)?;
                                whole.push(wrapped);
                                whole_kinds.push(match k {
                                    "drop" => LineCue::Drop,
                                    "credit" => LineCue::Credit,
                                    "stamp" => LineCue::Stamp,
                                    _ => LineCue::Tail,
                                });
                            }
                            "notice" | "caption" => {
                                rx(pat)?;
                                anywhere.push(pat.to_string());
                                anywhere_kinds.push(if k == "notice" {
                                    LineCue::Notice
                                } else {
                                    LineCue::Caption
                                });
                            }
                            "byline" | "outlet" | "wire" => {
                                // Names are proper nouns: these cues match case-sensitively
                                // (`\p{Lu}` must mean upper case); keywords use `(?i:…)`.
                                let r = Regex::new(pat)
                                    .map_err(|e| bad(format!("bad pattern: {e}")))?;
                                let group = if k == "byline" { "name" } else { "outlet" };
                                if !r.capture_names().any(|n| n == Some(group)) {
                                    return Err(bad(format!(
                                        "a {k} cue needs a named group `{group}`"
                                    )));
                                }
                                match k {
                                    "byline" => bylines.push(r),
                                    "outlet" => outlet_notices.push(r),
                                    _ => wires.push(r),
                                }
                            }
                            other => return Err(bad(format!("unknown cue kind `{other}`"))),
                        }
                    }
                    CueFile::Outlets => {
                        if cols.len() != 3 || cols[0].trim().is_empty() {
                            return Err(bad("expected NAME<TAB>ALIASES<TAB>DOMAINS".into()));
                        }
                        let name = cols[0].trim().to_string();
                        outlet_alias.insert(name.to_lowercase(), name.clone());
                        for a in cols[1].split('|').map(str::trim).filter(|a| !a.is_empty()) {
                            outlet_alias.insert(a.to_lowercase(), name.clone());
                        }
                        for d in cols[2].split('|').map(str::trim).filter(|d| !d.is_empty()) {
                            outlet_domain.insert(d.to_lowercase(), name.clone());
                        }
                    }
                    CueFile::MediaWords => {
                        media_words.insert(line.trim().to_string());
                    }
                    CueFile::Eras => {
                        if cols.len() != 4 {
                            return Err(bad(
                                "expected PHRASE<TAB>NOT_BEFORE<TAB>NOT_AFTER<TAB>WHY".into(),
                            ));
                        }
                        let date = |s: &str| -> Result<Option<NaiveDate>, CueError> {
                            if s.trim() == "-" {
                                return Ok(None);
                            }
                            NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
                                .map(Some)
                                .map_err(|e| bad(format!("bad date `{s}`: {e}")))
                        };
                        let phrase = cols[0].trim().to_string();
                        let pattern = RegexBuilder::new(&ascii_boundaries(&format!(
                            r"\b{}\b",
                            regex::escape(&phrase)
                        )))
                        .case_insensitive(true)
                        .build()
                        .map_err(|e| bad(format!("bad phrase: {e}")))?;
                        eras.push(Era {
                            phrase,
                            pattern,
                            not_before: date(cols[1])?,
                            not_after: date(cols[2])?,
                            why: cols[3].trim().to_string(),
                        });
                    }
                    CueFile::Stopwords => {
                        let [lang, words] = cols[..] else {
                            return Err(bad("expected LANG<TAB>WORDS".into()));
                        };
                        let set = words.split_whitespace().map(str::to_lowercase).collect();
                        stopwords.push((lang.trim().to_string(), set));
                    }
                }
            }
        }
        let set = |pats: &[String]| {
            RegexSetBuilder::new(pats)
                .case_insensitive(true)
                .size_limit(64 << 20)
                .dfa_size_limit(64 << 20)
                .build()
                .map_err(|e| CueError::Invalid {
                    file: "cues".into(),
                    line: 0,
                    reason: format!("cannot compile cue set: {e}"),
                })
        };
        let prefilter = |rs: &[Regex]| {
            let pats: Vec<&str> = rs.iter().map(Regex::as_str).collect();
            // Counted repetitions of Unicode classes make the lazy DFA of these sets
            // big: at the default cache size the regex engine falls back to its
            // slowest matcher (the PikeVM) on every line.
            RegexSetBuilder::new(&pats)
                .dfa_size_limit(64 << 20)
                .build()
                .map_err(|e| CueError::Invalid {
                    file: "cues".into(),
                    line: 0,
                    reason: format!("cannot compile the capturing cues as a set: {e}"),
                })
        };
        let any_wire = prefilter(&wires)?;
        let any_outlet = prefilter(&outlet_notices)?;
        let any_byline = prefilter(&bylines)?;
        let mut stopword_entries: HashMap<String, Vec<usize>, FnvBuild> = HashMap::default();
        for (i, (_, set)) in stopwords.iter().enumerate() {
            let set: &HashSet<String> = set;
            for w in set {
                stopword_entries.entry(w.clone()).or_default().push(i);
            }
        }
        Ok(Cues {
            stopword_entries,
            whole_line: set(&whole)?,
            any_wire,
            any_outlet,
            any_byline,
            whole_line_kinds: whole_kinds,
            anywhere: set(&anywhere)?,
            anywhere_kinds,
            bylines,
            outlet_notices,
            wires,
            outlet_alias,
            outlet_domain,
            media_words,
            eras,
            stopwords,
            sources,
        })
    }

    /// Every cue kind that applies to one trimmed line.
    pub fn classify(&self, line: &str) -> Vec<LineCue> {
        let mut out = Vec::new();
        if line.len() <= 400 {
            for i in self.whole_line.matches(line).iter() {
                out.push(self.whole_line_kinds[i]);
            }
            for i in self.anywhere.matches(line).iter() {
                out.push(self.anywhere_kinds[i]);
            }
        }
        out
    }

    /// The author a byline line names, if it is one.
    pub fn byline(&self, line: &str) -> Option<String> {
        if line.len() > 200 || !self.any_byline.is_match(line) {
            return None;
        }
        self.bylines.iter().find_map(|r| {
            let c = r.captures(line)?;
            let whole = c.get(0)?;
            // A byline is the whole line (or its head up to a separator), not a phrase
            // inside a sentence.
            if whole.start() != 0 {
                return None;
            }
            Some(c.name("name")?.as_str().trim().to_string())
        })
    }

    /// The publisher a notice line names ("The Hill has removed its comment section").
    pub fn outlet_notice(&self, line: &str) -> Option<String> {
        if !self.any_outlet.is_match(line) {
            return None;
        }
        self.outlet_notices.iter().find_map(|r| {
            let c = r.captures(line)?;
            Some(self.normalise_outlet(c.name("outlet")?.as_str()))
        })
    }

    /// A wire credit in `text`: "(Reuters) –", "/AJMEDIA/", "told AFP". "told X"
    /// only counts when X is a known outlet or carries a media word.
    pub fn wire_credits(&self, text: &str) -> Vec<(usize, String)> {
        let mut out = Vec::new();
        if !self.any_wire.is_match(text) {
            return out;
        }
        for (ri, r) in self.wires.iter().enumerate() {
            for c in r.captures_iter(text) {
                let Some(m) = c.name("outlet") else { continue };
                let name = m.as_str().trim().trim_end_matches(['.', ',']);
                let is_told = r.as_str().contains("told");
                if is_told && !self.is_outlet_name(name) {
                    continue;
                }
                let _ = ri;
                out.push((m.start(), self.normalise_outlet(name)));
            }
        }
        out.sort();
        out
    }

    /// Whether `name` reads as a news outlet: known, or carrying a media word.
    pub fn is_outlet_name(&self, name: &str) -> bool {
        if self.outlet_alias.contains_key(&name.to_lowercase()) {
            return true;
        }
        name.split_whitespace()
            .any(|w| self.media_words.contains(w))
    }

    /// The canonical name of an outlet ("Agence France-Presse" → "AFP"), or the
    /// name as given.
    pub fn normalise_outlet(&self, name: &str) -> String {
        let n = name.trim();
        self.outlet_alias
            .get(&n.to_lowercase())
            .cloned()
            .unwrap_or_else(|| n.to_string())
    }

    /// The outlet whose web domain serves `url`.
    pub fn outlet_for_url(&self, url: &str) -> Option<String> {
        let host = url
            .split("://")
            .nth(1)
            .unwrap_or(url)
            .split(['/', ':', '?', '#'])
            .next()?;
        let mut host = host.to_lowercase();
        loop {
            if let Some(n) = self.outlet_domain.get(&host) {
                return Some(n.clone());
            }
            let (_, rest) = host.split_once('.')?;
            if !rest.contains('.') {
                return self.outlet_domain.get(rest).cloned();
            }
            host = rest.to_string();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_cues_compile() {
        let c = Cues::builtin();
        assert!(c.classify("Advertisement").contains(&LineCue::Drop));
        assert!(c.classify("Read more...").contains(&LineCue::Drop));
        assert!(c.classify("Getty Images").contains(&LineCue::Credit));
        assert!(c.classify("Updated at 5:27 p.m.").contains(&LineCue::Stamp));
        assert!(c.classify("Japan-US ties").is_empty());
        assert_eq!(
            c.byline("Reported by: Aparna Shandilya").as_deref(),
            Some("Aparna Shandilya")
        );
        assert_eq!(
            c.outlet_for_url("https://www.thehill.com/x/y").as_deref(),
            Some("The Hill")
        );
    }

    #[test]
    fn layer_rejects_bad_lines_with_their_number() {
        let e = Cues::check(CueFile::Boilerplate, "mine.tsv", "drop\tok\nwhat\t(").unwrap_err();
        assert!(e.to_string().starts_with("mine.tsv:2:"), "{e}");
    }
}
