//! Coverage report of the built-in office terms: for every country and each
//! core role, the stretches of days in a window (default 2000-01-01 to today)
//! on which `dyad kb office` has no holder to answer, or only a stale one.
//!
//! A term from an imported source with no end ("still in office" when the
//! source was made) keeps answering after the source stopped being updated;
//! such answers are unverified, so past the source's last update the day is
//! reported as `stale` rather than covered.
//!
//! ```text
//! cargo run -p dyad-kb --example coverage -- [FROM [TO]] [--summary] [--countries ISO3,ISO3,...]
//! ```
//!
//! Output: TSV `country role kind from to days` (`kind`: `none` = no holder,
//! `stale` = only an open-ended imported term past its source's last update,
//! `fallback` = no head of government, answered with the head of state), then
//! (with `--summary`) one line per country with the `none` and `stale` days of
//! each role, worst first.

use chrono::{Duration, NaiveDate};
use dyad_kb::{parse_query_date, KnowledgeBase, OfficeTerm, BUILTIN_FILES, CORE_ROLES};
use std::collections::BTreeMap;

/// The last day each imported source speaks for: an open-ended term from it
/// is only known to last until then.
fn source_cutoff(source: &str) -> Option<NaiveDate> {
    let s = source.trim();
    let ymd = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
    if s.starts_with("reign") {
        ymd(2021, 3, 31)
    } else if s.starts_with("countryinfo:government") {
        ymd(2011, 2, 28)
    } else if s.starts_with("countryinfo") {
        ymd(2011, 12, 31)
    } else if s.starts_with("ifg") {
        ymd(2026, 6, 19)
    } else {
        None
    }
}

fn date(s: Option<&String>, end: bool) -> Option<NaiveDate> {
    let s = s?.trim();
    let full = match s.len() {
        4 if end => format!("{s}-12-31"),
        4 => format!("{s}-01-01"),
        7 if end => {
            // The last day of the month: the first of the next minus one.
            let (y, m) = (s[..4].parse::<i32>().ok()?, s[5..].parse::<u32>().ok()?);
            let next = if m == 12 {
                NaiveDate::from_ymd_opt(y + 1, 1, 1)
            } else {
                NaiveDate::from_ymd_opt(y, m + 1, 1)
            }?;
            return next.pred_opt();
        }
        7 => format!("{s}-01"),
        _ => s.to_string(),
    };
    NaiveDate::parse_from_str(&full, "%Y-%m-%d")
        .ok()
        // Sources carry a few impossible days (09-31): take the month's end.
        .or_else(|| date(Some(&full[..7].to_string()), true))
}

/// What a term covers: (from, to, verified).
fn spans(terms: &[&OfficeTerm], lo: NaiveDate, hi: NaiveDate) -> Vec<(NaiveDate, NaiveDate, bool)> {
    let mut out = Vec::new();
    for t in terms {
        let start = date(t.start.as_ref(), false).unwrap_or(lo);
        match (date(t.end.as_ref(), true), source_cutoff(&t.source)) {
            (Some(end), _) => out.push((start, end, true)),
            (None, Some(cut)) => {
                out.push((start, cut.min(hi), true));
                if cut < hi {
                    out.push((cut.max(start), hi, false));
                }
            }
            (None, None) => out.push((start, hi, true)),
        }
    }
    out
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let summary = args.iter().any(|a| a == "--summary");
    let only: Option<Vec<String>> = args
        .iter()
        .position(|a| a == "--countries")
        .and_then(|i| args.get(i + 1))
        .map(|s| s.split(',').map(|c| c.trim().to_uppercase()).collect());
    let dates: Vec<NaiveDate> = args
        .iter()
        .filter(|a| !a.starts_with("--") && a.starts_with(|c: char| c.is_ascii_digit()))
        .filter_map(|a| parse_query_date(a))
        .collect();
    let lo = dates
        .first()
        .copied()
        .or_else(|| NaiveDate::from_ymd_opt(2000, 1, 1))
        .expect("a valid default start");
    let hi = dates
        .get(1)
        .copied()
        .unwrap_or_else(|| chrono::Local::now().date_naive());

    let kb = KnowledgeBase::builtin();
    let countries: Vec<String> = BUILTIN_FILES
        .iter()
        .filter(|(name, _)| *name == "countries.tsv")
        .flat_map(|(_, text)| text.lines())
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty() && !l.starts_with("iso3\t"))
        .filter_map(|l| l.split('\t').next().map(str::to_string))
        .filter(|c| only.as_ref().is_none_or(|o| o.contains(c)))
        .collect();

    let mut totals: BTreeMap<String, [i64; 4]> = BTreeMap::new();
    println!("country\trole\tkind\tfrom\tto\tdays");
    for c in &countries {
        for (ri, role) in CORE_ROLES.iter().enumerate() {
            let terms = kb.terms(c, role);
            let sp = spans(&terms, lo, hi);
            // A day without a head of government on record is answered with
            // the head of state (right for presidential systems, wrong where
            // a prime minister is missing): such days are reported as
            // `fallback` so semi-presidential gaps stay visible.
            let hos = if *role == "head_of_government" {
                spans(&kb.terms(c, "head_of_state"), lo, hi)
            } else {
                Vec::new()
            };
            // Walk day by day: the window is ~10,000 days, cheap enough.
            let mut day = lo;
            let mut run: Option<(&str, NaiveDate)> = None;
            let mut flush = |kind: &str, from: NaiveDate, to: NaiveDate| {
                let days = (to - from).num_days() + 1;
                println!("{c}\t{role}\t{kind}\t{from}\t{to}\t{days}");
                if kind != "fallback" {
                    totals.entry(c.clone()).or_insert([0; 4])[ri] += days;
                }
            };
            while day <= hi {
                let covers = |s: &[(NaiveDate, NaiveDate, bool)], need_verified: bool| {
                    s.iter()
                        .any(|&(a, b, v)| (v || !need_verified) && a <= day && day <= b)
                };
                let kind = if covers(&sp, true) {
                    None
                } else if covers(&sp, false) {
                    Some("stale")
                } else if covers(&hos, true) {
                    Some("fallback")
                } else if covers(&hos, false) {
                    Some("stale")
                } else {
                    Some("none")
                };
                match (run, kind) {
                    (Some((k, from)), Some(now)) if k != now => {
                        flush(k, from, day - Duration::days(1));
                        run = Some((now, day));
                    }
                    (Some((k, from)), None) => {
                        flush(k, from, day - Duration::days(1));
                        run = None;
                    }
                    (None, Some(now)) => run = Some((now, day)),
                    _ => {}
                }
                day += Duration::days(1);
            }
            if let Some((k, from)) = run {
                flush(k, from, hi);
            }
        }
    }
    if summary {
        let mut rows: Vec<(&String, &[i64; 4])> = totals.iter().collect();
        rows.sort_by_key(|(_, d)| std::cmp::Reverse(d.iter().sum::<i64>()));
        println!("\n# uncovered or stale days per role\ncountry\thos\thog\tfm\tdm\ttotal");
        for (c, d) in rows {
            println!(
                "{c}\t{}\t{}\t{}\t{}\t{}",
                d[0],
                d[1],
                d[2],
                d[3],
                d.iter().sum::<i64>()
            );
        }
    }
}
