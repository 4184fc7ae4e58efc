//! PETRARCH/TABARI CAMEO dictionaries (actors and agents) converted to dyad's
//! aliases table. Actor records are a primary phrase, `+` synonym lines and
//! tab-indented date restrictions (`[AFGGOV >011222]`, `[USAGOV 010120-170120]`,
//! `[CODE <date]`, a bare `[CODE]` default); agents are `PHRASE {plural} [~CODE]`
//! with `!MARKER! = A, B` substitution sets; `&` synsets are lists of `+` phrases.

use crate::text::title_case;
use dyad_core::Diagnostic;
use std::collections::HashMap;

/// Whether the text looks like a CAMEO dictionary: some line carries a
/// bracketed upper-case code.
pub fn is_cameo(contents: &str) -> bool {
    contents.lines().take(5000).any(|l| {
        let t = l.trim();
        !t.starts_with('#') && brackets(t).iter().any(|b| parse_code_part(b).is_some())
    })
}

/// The `[...]` groups of a line, without the brackets.
fn brackets(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(open) = rest.find('[') {
        let after = rest.get(open + 1..).unwrap_or("");
        match after.find(']') {
            Some(close) => {
                out.push(after.get(..close).unwrap_or(""));
                rest = after.get(close + 1..).unwrap_or("");
            }
            None => break,
        }
    }
    out
}

/// The code of a bracket group, if it is one (`JPNGOV`, `~GOV`, `NGO~`, or a
/// joint code `FRA/DEU` naming several actors at once).
fn parse_code_part(group: &str) -> Option<&str> {
    let code = group.split_whitespace().next()?;
    let bare = code.trim_matches('~');
    let one = |c: &str| {
        !c.is_empty()
            && c.chars().all(|c| c.is_ascii_alphanumeric())
            && c.chars().any(|c| c.is_ascii_uppercase())
            && c.chars().all(|c| !c.is_ascii_lowercase())
    };
    if bare.split('/').all(one) {
        Some(code)
    } else {
        None
    }
}

/// A CAMEO date: `YYMMDD` (years ≤ 30 are 20xx) or `YYYYMMDD`.
fn cameo_date(s: &str) -> Option<String> {
    let s = s.trim();
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (y, rest) = match s.len() {
        6 => {
            let yy: u32 = s.get(0..2)?.parse().ok()?;
            (if yy <= 30 { 2000 + yy } else { 1900 + yy }, s.get(2..)?)
        }
        8 => (s.get(0..4)?.parse().ok()?, s.get(4..)?),
        _ => return None,
    };
    let m: u32 = rest.get(0..2)?.parse().ok()?;
    let d: u32 = rest.get(2..4)?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

/// One dated code: `(code, start, end)`, dates as `YYYY-MM-DD` or empty.
type Window = (String, String, String);

/// Parses the restriction of a bracket group: `CODE`, `CODE >d`, `CODE <d`,
/// `CODE d-d` (spaces around `-` allowed).
fn parse_window(group: &str) -> Option<Window> {
    let code = parse_code_part(group)?.to_string();
    let rest: String = group
        .trim()
        .get(code.len()..)
        .unwrap_or("")
        .split_whitespace()
        .collect();
    if rest.is_empty() {
        return Some((code, String::new(), String::new()));
    }
    if let Some(d) = rest.strip_prefix('>') {
        return Some((code, cameo_date(d)?, String::new()));
    }
    if let Some(d) = rest.strip_prefix('<') {
        return Some((code, String::new(), cameo_date(d)?));
    }
    let (a, b) = rest.split_once('-')?;
    Some((code, cameo_date(a)?, cameo_date(b)?))
}

/// Writes a CAMEO phrase as dyad writes names: words title-cased, short
/// all-capital words kept as acronyms ("UN", "U.S."), small function words
/// lower-cased so "Bank of Japan" matches.
fn actor_phrase(raw: &str) -> String {
    let words: Vec<String> = raw
        .split(['_', ' '])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let lower = w.to_lowercase();
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            if matches!(
                lower.as_str(),
                "of" | "the"
                    | "and"
                    | "for"
                    | "de"
                    | "la"
                    | "le"
                    | "du"
                    | "des"
                    | "on"
                    | "in"
                    | "to"
                    | "a"
                    | "an"
                    | "at"
                    | "by"
                    | "al"
                    | "el"
            ) {
                lower
            } else if w.contains('.') || letters <= 3 {
                w.to_string()
            } else {
                title_case(w)
            }
        })
        .collect();
    words.join(" ")
}

fn strip_comment(line: &str) -> &str {
    let cut = [line.find('#'), line.find(';')].into_iter().flatten().min();
    match cut {
        Some(i) => line.get(..i).unwrap_or(line),
        None => line,
    }
}

/// The phrase part of a record line: before any `[`, `{` or comment.
fn phrase_of(line: &str) -> &str {
    let l = strip_comment(line);
    let cut = [l.find('['), l.find('{')].into_iter().flatten().min();
    match cut {
        Some(i) => l.get(..i).unwrap_or(l),
        None => l,
    }
    .trim()
}

fn tsv_clean(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

/// Converts a CAMEO actor or agent dictionary to dyad's aliases table (TSV
/// text). Lines it cannot read become warnings naming the line.
pub fn cameo_to_dyad(name: &str, contents: &str) -> (String, Vec<Diagnostic>) {
    let mut out = String::from(
        "# converted from a CAMEO dictionary by `dyad kb import-cameo`\nalias\tactor\tstart\tend\tperson\tsource\n",
    );
    let mut diags = Vec::new();
    let source = format!("cameo:{}", name.rsplit('/').next().unwrap_or(name));
    let mut markers: HashMap<String, Vec<String>> = HashMap::new();
    // The record being read: its phrases, windows and whether it names a person.
    let mut phrases: Vec<String> = Vec::new();
    let mut windows: Vec<Window> = Vec::new();
    let mut person_hint = false;
    let mut in_comment = false;
    let flush = |out: &mut String,
                 phrases: &mut Vec<String>,
                 windows: &mut Vec<Window>,
                 person_hint: &mut bool| {
        if !phrases.is_empty() && !windows.is_empty() {
            let dated = windows
                .iter()
                .any(|(_, s, e)| !s.is_empty() || !e.is_empty());
            let is_person = dated || *person_hint;
            for p in phrases.iter() {
                // Records generated from CountryInfo list different people as
                // synonyms sharing one set of windows: each names itself.
                let person = if is_person {
                    title_case(p)
                } else {
                    String::new()
                };
                for (code, s, e) in windows.iter() {
                    out.push_str(&format!(
                        "{}\t{}\t{}\t{}\t{}\t{}\n",
                        tsv_clean(p),
                        code,
                        s,
                        e,
                        tsv_clean(&person),
                        source
                    ));
                }
            }
        }
        phrases.clear();
        windows.clear();
        *person_hint = false;
    };
    for (i, raw) in contents.lines().enumerate() {
        let line_no = i + 1;
        let trimmed = raw.trim();
        if in_comment {
            if trimmed.contains("-->") {
                in_comment = false;
            }
            continue;
        }
        if trimmed.starts_with("<!--") {
            in_comment = !trimmed.contains("-->");
            continue;
        }
        if trimmed.is_empty() || trimmed.starts_with('#') || trimmed.starts_with('<') {
            continue;
        }
        // Substitution markers of the agents dictionary: !PERSON! = MAN, MEN.
        if trimmed.starts_with('!') {
            if let Some((m, alts)) = trimmed.split_once('=') {
                markers.insert(
                    m.trim().to_string(),
                    alts.split(',')
                        .map(|a| a.trim().to_string())
                        .filter(|a| !a.is_empty())
                        .collect(),
                );
                continue;
            }
        }
        let groups = brackets(strip_comment(trimmed));
        let indented = raw.starts_with('\t') || raw.starts_with(' ');
        if trimmed.starts_with('[') || (indented && phrase_of(trimmed).is_empty()) {
            // A date restriction of the current record.
            for g in groups {
                match parse_window(g) {
                    Some(w) if w.0 != "---" => windows.push(w),
                    Some(_) => {}
                    None => diags.push(Diagnostic::warning(format!(
                        "{name}:{line_no}: cannot read the restriction `[{g}]`"
                    ))),
                }
            }
            continue;
        }
        if let Some(rest) = trimmed.strip_prefix('+') {
            let p = phrase_of(rest);
            if !p.is_empty() {
                phrases.push(actor_phrase(p));
            }
            if raw.contains("CountryInfo") {
                person_hint = true;
            }
            continue;
        }
        if trimmed.starts_with('&') {
            // A synset label: its `+` lines follow; they are synonyms of no
            // actor, so the record is closed and the label's lines dropped.
            flush(&mut out, &mut phrases, &mut windows, &mut person_hint);
            continue;
        }
        // A new record.
        flush(&mut out, &mut phrases, &mut windows, &mut person_hint);
        let phrase = phrase_of(trimmed);
        if phrase.is_empty() {
            diags.push(Diagnostic::warning(format!(
                "{name}:{line_no}: no phrase in `{trimmed}`"
            )));
            continue;
        }
        let codes: Vec<Window> = groups
            .iter()
            .filter_map(|g| parse_window(g))
            .filter(|w| w.0 != "---")
            .collect();
        let agent = codes
            .iter()
            .any(|w| w.0.starts_with('~') || w.0.ends_with('~'));
        if agent {
            for w in &codes {
                let sector = w.0.trim_matches('~');
                for p in expand_markers(phrase, &markers) {
                    let words = p.replace('_', " ").to_lowercase();
                    let words = words.trim();
                    out.push_str(&format!(
                        "{}\t~{}\t\t\t\t{}\n",
                        tsv_clean(words),
                        sector,
                        source
                    ));
                    let plural = plural_of(trimmed, words);
                    if let Some(pl) = plural {
                        out.push_str(&format!(
                            "{}\t~{}\t\t\t\t{}\n",
                            tsv_clean(&pl),
                            sector,
                            source
                        ));
                    }
                }
            }
            continue;
        }
        phrases.push(actor_phrase(phrase));
        windows.extend(codes);
        person_hint = raw.contains("CountryInfo");
    }
    flush(&mut out, &mut phrases, &mut windows, &mut person_hint);
    (out, diags)
}

fn expand_markers(phrase: &str, markers: &HashMap<String, Vec<String>>) -> Vec<String> {
    for (m, alts) in markers {
        if phrase.contains(m.as_str()) {
            return alts
                .iter()
                .flat_map(|a| expand_markers(&phrase.replace(m.as_str(), a), markers))
                .collect();
        }
    }
    if phrase.contains('!') {
        return Vec::new();
    }
    vec![phrase.to_string()]
}

/// The plural PETRARCH would generate for an agent phrase: the one in
/// `{...}`, none for `{}` or a phrase ending in `_`, else a regular one.
fn plural_of(line: &str, words: &str) -> Option<String> {
    if let (Some(a), Some(b)) = (line.find('{'), line.find('}')) {
        let inner = line.get(a + 1..b)?.trim();
        return if inner.is_empty() {
            None
        } else {
            Some(inner.replace('_', " ").to_lowercase())
        };
    }
    if phrase_of(line).ends_with('_') || words.is_empty() {
        return None;
    }
    Some(if let Some(stem) = words.strip_suffix('y') {
        format!("{stem}ies")
    } else if words.ends_with("ss") {
        format!("{words}es")
    } else {
        format!("{words}s")
    })
}
