//! dyad's own knowledge-base file format: tab-separated tables with a header
//! row, `#` comment lines, and `|` between the values of a list column. The
//! header names the table kind (see `data/README.md`), so a user file needs no
//! other declaration and can be layered over the built-in files as is.

use crate::date::{parse_date_bound, Bound};
use dyad_core::Diagnostic;

/// The kinds of table dyad knows, recognised by their header row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableKind {
    Countries,
    Organisations,
    Offices,
    Titles,
    Aliases,
    Roles,
    Cues,
    Places,
}

impl TableKind {
    /// The exact header (column names, in order) each kind must have.
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            TableKind::Countries => &[
                "iso3",
                "name",
                "aliases",
                "adjectives",
                "capitals",
                "source",
            ],
            TableKind::Organisations => &["code", "name", "aliases", "members", "source"],
            TableKind::Offices => &[
                "country", "role", "name", "start", "end", "post", "aliases", "source",
            ],
            TableKind::Titles => &["title", "role", "country", "source"],
            TableKind::Aliases => &["alias", "actor", "start", "end", "person", "source"],
            TableKind::Roles => &["role", "sector", "label"],
            TableKind::Cues => &["cue", "meaning"],
            TableKind::Places => &["name", "country", "kind", "aliases", "source"],
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            TableKind::Countries => "countries",
            TableKind::Organisations => "organisations",
            TableKind::Offices => "offices",
            TableKind::Titles => "titles",
            TableKind::Aliases => "aliases",
            TableKind::Roles => "roles",
            TableKind::Cues => "cues",
            TableKind::Places => "places",
        }
    }

    const ALL: [TableKind; 8] = [
        TableKind::Countries,
        TableKind::Organisations,
        TableKind::Offices,
        TableKind::Titles,
        TableKind::Aliases,
        TableKind::Roles,
        TableKind::Cues,
        TableKind::Places,
    ];
}

/// The kinds of place the places table knows.
pub const PLACE_KINDS: [&str; 3] = ["city", "venue", "region"];

/// One data row: its 1-based line number and its cells (always as many as the
/// header has columns; missing trailing cells are empty).
#[derive(Debug, Clone)]
pub struct Row<'a> {
    pub line: usize,
    pub cells: Vec<&'a str>,
}

impl<'a> Row<'a> {
    pub fn get(&self, i: usize) -> &'a str {
        self.cells.get(i).copied().unwrap_or("")
    }
}

/// A parsed table, with the problems found in it.
#[derive(Debug, Clone)]
pub struct Table<'a> {
    pub kind: TableKind,
    pub rows: Vec<Row<'a>>,
    pub diagnostics: Vec<Diagnostic>,
}

fn is_skippable(line: &str) -> bool {
    let t = line.trim();
    t.is_empty() || t.starts_with('#')
}

/// Finds the table kind from the first non-comment line, if it is a dyad header.
pub fn detect_kind(contents: &str) -> Option<TableKind> {
    let header = contents.lines().find(|l| !is_skippable(l))?;
    let cols: Vec<&str> = header
        .trim_end_matches('\r')
        .split('\t')
        .map(str::trim)
        .collect();
    TableKind::ALL
        .into_iter()
        .find(|k| k.columns() == cols.as_slice())
}

/// Splits a `|` list cell into its non-empty, trimmed items.
pub fn list(cell: &str) -> impl Iterator<Item = &str> {
    cell.split('|').map(str::trim).filter(|s| !s.is_empty())
}

/// Parses a dyad table. `name` labels diagnostics. Returns `None` when the
/// header is not one of dyad's.
pub fn parse<'a>(name: &str, contents: &'a str) -> Option<Table<'a>> {
    let kind = detect_kind(contents)?;
    let width = kind.columns().len();
    let mut rows = Vec::new();
    let mut diagnostics = Vec::new();
    let mut header_seen = false;
    for (i, raw) in contents.lines().enumerate() {
        let line_no = i + 1;
        if is_skippable(raw) {
            continue;
        }
        if !header_seen {
            header_seen = true;
            continue;
        }
        let line = raw.trim_end_matches('\r');
        let mut cells: Vec<&str> = line.split('\t').map(str::trim).collect();
        if cells.len() > width {
            diagnostics.push(Diagnostic::error(format!(
                "{name}:{line_no}: {} cells, the {} table has {width} columns",
                cells.len(),
                kind.name()
            )));
            continue;
        }
        cells.resize(width, "");
        let row = Row {
            line: line_no,
            cells,
        };
        validate_row(name, kind, &row, &mut diagnostics);
        rows.push(row);
    }
    Some(Table {
        kind,
        rows,
        diagnostics,
    })
}

fn is_code(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

/// Checks one row against the schema; problems become diagnostics (the row is
/// still kept, and the loader skips what it cannot use).
fn validate_row(name: &str, kind: TableKind, row: &Row, out: &mut Vec<Diagnostic>) {
    let at = |msg: String| Diagnostic::error(format!("{name}:{}: {msg}", row.line));
    let required: &[usize] = match kind {
        TableKind::Countries => &[0, 1, 5],
        TableKind::Organisations => &[0, 1, 4],
        TableKind::Offices => &[0, 1, 2, 7],
        TableKind::Titles => &[0, 1],
        TableKind::Aliases => &[0, 1],
        TableKind::Roles => &[0, 1],
        TableKind::Cues => &[0, 1],
        TableKind::Places => &[0, 1, 2, 4],
    };
    for &c in required {
        if row.get(c).is_empty() {
            out.push(at(format!(
                "column `{}` must not be empty",
                kind.columns()[c]
            )));
        }
    }
    match kind {
        TableKind::Countries => {
            let code = row.get(0);
            if !(code.len() == 3 && is_code(code)) {
                out.push(at(format!("`{code}` is not an ISO 3166-1 alpha-3 code")));
            }
        }
        TableKind::Organisations => {
            if !is_code(row.get(0)) {
                out.push(at(format!(
                    "organisation code `{}` must be A-Z/0-9",
                    row.get(0)
                )));
            }
        }
        TableKind::Offices => {
            if !is_code(row.get(0)) {
                out.push(at(format!(
                    "country `{}` must be an upper-case code",
                    row.get(0)
                )));
            }
            if !row
                .get(1)
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '_')
            {
                out.push(at(format!(
                    "role `{}` must be lower_snake_case",
                    row.get(1)
                )));
            }
            check_dates(row.get(3), row.get(4), &at, out);
        }
        TableKind::Aliases => {
            let actor = row.get(1);
            let code = actor.trim_start_matches('~').trim_end_matches('~');
            // A joint code names several actors at once ("the two Koreas":
            // `KOR/PRK`).
            if !code.split('/').all(is_code) {
                out.push(at(format!(
                    "actor `{actor}` must be a code (A-Z, 0-9, `~` for an agent, `/` between the codes of a joint actor)"
                )));
            }
            check_dates(row.get(2), row.get(3), &at, out);
        }
        TableKind::Titles => {
            if !row.get(2).is_empty() && !list(row.get(2)).all(is_code) {
                out.push(at(format!(
                    "country `{}` must be codes separated by `|`",
                    row.get(2)
                )));
            }
        }
        TableKind::Cues => {
            if !matches!(
                row.get(1),
                "past"
                    | "future"
                    | "pair"
                    | "trio"
                    | "pair_people"
                    | "trio_people"
                    | "word"
                    | "honorific"
                    | "loose_title"
            ) {
                out.push(at(format!(
                    "cue meaning `{}` must be `past`, `future`, `pair`, `trio`, `pair_people`, `trio_people`, `word`, `honorific` or `loose_title`",
                    row.get(1)
                )));
            }
        }
        TableKind::Places => {
            let code = row.get(1);
            if !(code.len() == 3 && is_code(code)) {
                out.push(at(format!(
                    "country `{code}` is not an ISO 3166-1 alpha-3 code"
                )));
            }
            if !PLACE_KINDS.contains(&row.get(2)) {
                out.push(at(format!(
                    "place kind `{}` must be one of {}",
                    row.get(2),
                    PLACE_KINDS.join(", ")
                )));
            }
        }
        TableKind::Roles => {}
    }
}

fn check_dates(
    start: &str,
    end: &str,
    at: &dyn Fn(String) -> Diagnostic,
    out: &mut Vec<Diagnostic>,
) {
    let s = if start.is_empty() {
        None
    } else {
        parse_date_bound(start, Bound::Start)
    };
    let e = if end.is_empty() {
        None
    } else {
        parse_date_bound(end, Bound::End)
    };
    if !start.is_empty() && s.is_none() {
        out.push(at(format!(
            "start `{start}` is not YYYY, YYYY-MM or YYYY-MM-DD"
        )));
    }
    if !end.is_empty() && e.is_none() {
        out.push(at(format!(
            "end `{end}` is not YYYY, YYYY-MM or YYYY-MM-DD"
        )));
    }
    if let (Some(s), Some(e)) = (s, e) {
        if e < s {
            out.push(at(format!("end {end} is before start {start}")));
        }
    }
}
