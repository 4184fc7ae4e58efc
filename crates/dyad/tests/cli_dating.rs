//! Publication dates through the whole binary, where the knowledge base's office
//! terms help the reader infer dates a report does not state.

use serde_json::Value;
use std::collections::HashMap;
use std::path::Path;
use std::process::Command;

fn read(paths: &[&Path]) -> HashMap<String, Value> {
    let out = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .arg("read")
        .args(paths)
        .output()
        .expect("run dyad");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).expect("json"))
        .map(|d| (d["id"].as_str().unwrap_or_default().to_string(), d))
        .collect()
}

/// Reads one report written to a temporary file `NAME.txt`; its document row.
fn read_report(name: &str, text: &str) -> Value {
    let dir = std::env::temp_dir().join(format!("dyad-dating-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(format!("{name}.txt"));
    std::fs::write(&path, text).expect("write report");
    let mut docs = read(&[&path]);
    let _ = std::fs::remove_dir_all(&dir);
    docs.remove(name).expect("the report is read")
}

/// Share of gold documents whose publication month dyad gets right, over the
/// documents that do not state their date (`published_in_text: false`) and carry
/// no metadata date.
fn inferred_months(gold: &Path, docs: &HashMap<String, Value>) -> (usize, usize) {
    let (mut ok, mut n) = (0, 0);
    for l in std::fs::read_to_string(gold)
        .expect("gold")
        .lines()
        .filter(|l| !l.trim().is_empty())
    {
        let g: Value = serde_json::from_str(l).expect("gold row");
        let d = &docs[g["id"].as_str().expect("id")];
        if g["published_in_text"] == Value::Bool(true) || d["published_from"] == "input" {
            continue;
        }
        n += 1;
        let (gp, sp) = (
            g["published"].as_str().unwrap_or(""),
            d["published"].as_str().unwrap_or(""),
        );
        ok += usize::from(!sp.is_empty() && sp.get(..7) == gp.get(..7));
    }
    (ok, n)
}

#[test]
fn seed_dates_are_inferred_with_office_terms() {
    let Some(shared) = dyad_core::shared_dir(env!("CARGO_MANIFEST_DIR")) else {
        return;
    };
    let docs = read(&[&shared.join("seeds")]);
    let (ok, n) = inferred_months(&shared.join("gold/seeds.docs.jsonl"), &docs);
    eprintln!("seeds: publication month inferred for {ok}/{n}");
    assert_eq!((ok, n), (3, 3));
    let d = &docs["004_8c5feeb864fb7e6a"];
    assert_eq!(d["published_from"], "inferred");
    assert!(d["published_evidence"]
        .as_str()
        .unwrap_or("")
        .contains("Kamikawa"));
}

#[test]
fn sample_dates_are_inferred_or_left_unknown() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let docs = read(&[&root.join("sample")]);
    let (ok, n) = inferred_months(&root.join("gold/sample.docs.jsonl"), &docs);
    eprintln!("sample: publication month inferred for {ok}/{n}");
    assert!(ok * 2 >= n, "only {ok}/{n} inferred");
    // Where dyad cannot tell, it says nothing rather than guess wrong.
    let gold = std::fs::read_to_string(root.join("gold/sample.docs.jsonl")).expect("gold");
    for l in gold.lines().filter(|l| !l.trim().is_empty()) {
        let g: Value = serde_json::from_str(l).expect("row");
        let d = &docs[g["id"].as_str().expect("id")];
        if let Some(sp) = d["published"].as_str() {
            let gp = g["published"].as_str().unwrap_or("");
            assert_eq!(sp.get(..7), gp.get(..7), "{}: {sp} vs gold {gp}", g["id"]);
        }
    }
}

/// "Qin Gang, who was named foreign minister last month": the knowledge base's
/// first day of the term fixes the report's month (and year).
#[test]
fn an_appointment_last_month_dates_the_report() {
    let d = read_report(
        "appointment",
        "Blinken plans a trip to Beijing\n\nThe secretary of state would hold talks with Qin Gang, \
         who was named foreign minister last month, according to two officials.\n",
    );
    assert_eq!(d["published"], "2023-01", "{d:#}");
    assert_eq!(d["published_from"], "inferred", "{d:#}");
}

/// A dateline with day and month only, and leaders in office in several years:
/// the year is the one where "next Wednesday" falls on the day the report names
/// for the meeting (24 May 2023 was a Wednesday; in 2024 it was a Friday).
#[test]
fn weekdays_that_land_on_named_days_fix_the_year() {
    let d = read_report(
        "weekday",
        "Leaders gather in Sydney\n\nSYDNEY, 15 May – Anthony Albanese will host Joe Biden and \
         Fumio Kishida in Sydney next Wednesday.\n\nThe three are expected for the meeting on 24 May.\n",
    );
    assert_eq!(d["published"], "2023-05-15", "{d:#}");
    assert!(
        d["published_evidence"]
            .as_str()
            .unwrap_or("")
            .contains("24/5"),
        "{d:#}"
    );
}

/// The project's own record of an office-holder's terms outweighs an imported
/// source's: REIGN files Erdogan, prime minister from 2003, as Turkey's head of
/// state until 2007, which put a report on his meeting with President Putin
/// in 2004.
#[test]
fn curated_terms_outweigh_imported_ones() {
    let doc = read_report(
        "sochi",
        "Erdogan to meet Putin in Sochi\n\nTurkish President Tayyip Erdogan will travel to \
         Sochi on Monday for talks with Russian President Vladimir Putin, officials said.\n",
    );
    let published = doc["published"].as_str().unwrap_or("");
    assert!(
        published.is_empty() || published >= "2014",
        "dated {published}: {doc:#}"
    );
}

/// A title reports keep giving after the term ends ("CIA Director Mike
/// Pompeo" months after he became Secretary of State) dates nothing: the
/// secretary of state named beside it does.
#[test]
fn a_loose_title_does_not_date_the_report() {
    let d = read_report(
        "loose",
        "Detainees come home\n\nWASHINGTON, May 10 - The three men landed aboard the plane of \
         CIA Director Mike Pompeo, who met Kim Jong Un in Pyongyang.\n\nPresident Donald Trump \
         and South Korean President Moon Jae-in welcomed the release.\n",
    );
    // (The secretary of state's term and the foreign minister's leave years
    // open: no date, rather than the loose title's 2017.)
    let published = d["published"].as_str().unwrap_or("");
    assert!(!published.starts_with("2017"), "{d:#}");
    assert!(
        !d["published_evidence"]
            .as_str()
            .unwrap_or("")
            .contains("intelligence chief"),
        "{d:#}"
    );
}

/// No dateline day: a weekday told ahead from the report's day ("set for
/// Saturday") that lands on a day the report names ahead ("due on June 27"),
/// with the lead's weekday ("said on Thursday") as the report's own, fixes the
/// day; the office-holders pick the year (27 June was a Saturday in 2015 and
/// 2020; Thaci and Vucic were presidents together only in the latter).
#[test]
fn a_plans_weekday_landing_on_its_named_day_fixes_an_undated_report() {
    let d = read_report(
        "undated",
        "Balkan summit off\n\nPRISTINA - A White House meeting between the presidents of Kosovo \
         and Serbia that had been set for Saturday was called off, Kosovo's government said on \
         Thursday after President Hashim Thaci was charged with war crimes.\n\nThe talks, due on \
         June 27, were to bring Serbian President Aleksandar Vucic and Thaci together.\n",
    );
    assert_eq!(d["published"], "2020-06-25", "{d:#}");
    assert_eq!(d["published_from"], "inferred", "{d:#}");
}
