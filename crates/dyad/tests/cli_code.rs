//! `dyad code` through the binary: the contract's fields, evidence offsets that
//! point at the words, and the seed reports' main events.

use serde_json::Value;
use std::process::Command;

fn code(args: &[&str]) -> (Option<i32>, Vec<Value>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .arg("code")
        .args(args)
        .output()
        .expect("run dyad");
    let rows = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    (
        out.status.code(),
        rows,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn one_sentence_with_every_contract_field() {
    let sentence = "Japanese and U.S. foreign and defense ministers began a virtual ministerial security meeting Friday.";
    let (status, rows, stderr) = code(&["--sentence", sentence, "--published", "2022-01-07"]);
    assert_eq!(status, Some(0), "{stderr}");
    let e = rows
        .iter()
        .find(|r| r["type"] == "CONSULT")
        .expect("a CONSULT event");
    for k in [
        "id",
        "doc",
        "sentence",
        "start",
        "end",
        "type",
        "mode",
        "context",
        "cameo",
        "status",
        "source",
        "target",
        "actors",
        "participants",
        "date",
        "location",
        "confidence",
    ] {
        assert!(e.get(k).is_some(), "missing {k}");
    }
    assert_eq!(e["status"], "occurred");
    assert_eq!(e["actors"], serde_json::json!(["JPN", "USA"]));
    assert_eq!(e["date"]["value"], "2022-01-07");
    assert_eq!(e["location"]["name"], "virtual");
    // Evidence spans are character offsets that point at the words.
    let chars: Vec<char> = sentence.chars().collect();
    let span = &e["evidence"]["type"];
    let (a, b) = (
        span[0].as_u64().expect("start") as usize,
        span[1].as_u64().expect("end") as usize,
    );
    assert_eq!(chars[a..b].iter().collect::<String>(), "meeting");
}

#[test]
fn seed_reports_yield_the_2022_and_2024_talks() {
    let Some(shared) = dyad_core::shared_dir(env!("CARGO_MANIFEST_DIR")) else {
        return;
    };
    let (status, rows, stderr) = code(&[shared.join("seeds").to_str().expect("path")]);
    assert_eq!(status, Some(0), "{stderr}");
    let consult = |doc: &str, date: &str| {
        rows.iter().any(|r| {
            r["doc"].as_str().is_some_and(|d| d.starts_with(doc))
                && r["type"] == "CONSULT"
                && r["actors"] == serde_json::json!(["JPN", "USA"])
                && r["date"]["value"]
                    .as_str()
                    .is_some_and(|v| v.starts_with(date))
        })
    };
    assert!(
        consult("000", "2022-01"),
        "the planned January 2022 talks in 000"
    );
    assert!(
        consult("003", "2022-01-07"),
        "the held 7 January 2022 talks in 003"
    );
    assert!(
        consult("002", "2024-07-28"),
        "the 28 July 2024 talks in 002"
    );
    let virtual_meeting = rows.iter().any(|r| {
        r["doc"].as_str().is_some_and(|d| d.starts_with("003"))
            && r["status"] == "occurred"
            && r["location"]["name"] == "virtual"
    });
    assert!(
        virtual_meeting,
        "003 reports a virtual meeting that took place"
    );
    // The anachronism of 004: Kishi called defence minister in July 2024.
    let kishi = rows
        .iter()
        .flat_map(|r| r["participants"].as_array().cloned().unwrap_or_default())
        .find(|p| p["name"] == "Nobuo Kishi" && !p["anachronism"].is_null());
    assert!(kishi.is_some(), "Kishi's title in 004 is flagged");
}

#[test]
fn the_demo_runs_the_main_job_into_a_store() {
    let dir = std::env::temp_dir().join(format!("dyad-demo-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let db = dir.join("demo.db");
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let out = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .current_dir(&root)
        .args(["demo", "--db"])
        .arg(&db)
        .output()
        .expect("run dyad demo");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for section in ["READ  16 documents", "CODE ", "FUSE "] {
        assert!(stdout.contains(section), "no {section:?} in:\n{stdout}");
    }
    assert!(db.exists(), "the demo stores its results");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_demand_in_reported_speech_is_the_speakers_request() {
    let (status, rows, stderr) = code(&[
        "--sentence",
        "Russia said on Tuesday that Sudan must return the helicopter.",
        "--published",
        "2000-01-04",
    ]);
    assert_eq!(status, Some(0), "{stderr}");
    let request = rows
        .iter()
        .find(|r| r["type"] == "REQUEST")
        .unwrap_or_else(|| panic!("a REQUEST: {rows:#?}"));
    assert_eq!(request["source"]["country"], "RUS");
    assert_eq!(request["target"]["country"], "SDN");
    assert_eq!(request["status"], "occurred");
    assert!(rows.iter().all(|r| r["type"] != "RETREAT"), "{rows:#?}");
}
