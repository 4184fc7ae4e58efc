//! `dyad ingest`, `events`, `mentions` and `search` as a user runs them.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn dyad() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dyad-store-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

fn run(args: &[&str], cwd: &Path) -> Output {
    dyad()
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("dyad runs")
}

fn lines(stdout: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each stdout line is JSON"))
        .collect()
}

/// The sample reports bundled with the repository.
fn sample_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/sample")
}

const REPORT: &str = "Ministers meet in Geneva\n\nGENEVA – Foreign ministers met in Geneva on Friday and agreed to keep talking about the glacier treaty, officials said.\n";

#[test]
fn ingest_twice_gives_the_same_store() {
    let dir = scratch("twice");
    let sample = sample_dir();
    let sample = sample.to_str().expect("utf-8 path");
    let first = run(&["ingest", sample, "--published", "2022-01-07"], &dir);
    assert_eq!(
        first.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert!(
        dir.join("dyad.db").exists(),
        "the default store is ./dyad.db"
    );
    let events1 = run(&["events"], &dir);
    let mentions1 = run(&["mentions"], &dir);
    assert_eq!(events1.status.code(), Some(0));
    assert_eq!(mentions1.status.code(), Some(0));

    let second = run(&["ingest", sample, "--published", "2022-01-07"], &dir);
    assert_eq!(second.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&second.stderr);
    assert!(stderr.contains("(0 added, 0 replaced"), "{stderr}");
    assert_eq!(run(&["events"], &dir).stdout, events1.stdout);
    assert_eq!(run(&["mentions"], &dir).stdout, mentions1.stdout);
    // Every event line carries every contract key.
    for e in lines(&events1.stdout) {
        for key in dyad_fuse::CONTRACT_KEYS {
            assert!(e.get(key).is_some(), "missing {key} in {e}");
        }
    }
}

#[test]
fn bad_input_exits_2_and_the_rest_is_stored() {
    let dir = scratch("bad");
    std::fs::write(dir.join("good.txt"), REPORT).expect("write");
    std::fs::write(dir.join("binary.txt"), b"\x00\x01\x02hello").expect("write");
    let db = dir.join("x.db");
    let db = db.to_str().expect("utf-8 path");
    let out = run(
        &[
            "ingest",
            "good.txt",
            "binary.txt",
            "missing.txt",
            "--db",
            db,
            "--published",
            "2023-05-05",
        ],
        &dir,
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("binary.txt") && stderr.contains("missing.txt"),
        "{stderr}"
    );
    let hits = lines(&run(&["search", "glacier", "treaty", "--db", db], &dir).stdout);
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0]["kind"], "document");
    assert_eq!(hits[0]["id"], "good");
    assert!(lines(&run(&["search", "hello", "--db", db], &dir).stdout).is_empty());
}

#[test]
fn exports_and_errors() {
    let dir = scratch("exports");
    std::fs::write(dir.join("good.txt"), REPORT).expect("write");
    assert_eq!(
        run(&["ingest", "good.txt", "--published", "2023-05-05"], &dir)
            .status
            .code(),
        Some(0)
    );
    let csv = run(&["events", "--format", "csv"], &dir);
    assert_eq!(csv.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&csv.stdout).starts_with("id,type,mode,status,date,"));
    let tsv = run(
        &[
            "events", "--format", "tsv", "--type", "consult", "--since", "2020",
        ],
        &dir,
    );
    assert!(String::from_utf8_lossy(&tsv.stdout).starts_with("id\ttype\tmode\t"));
    let pq = run(
        &["events", "--format", "parquet", "--out", "ev.parquet"],
        &dir,
    );
    assert_eq!(
        pq.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&pq.stderr)
    );
    let bytes = std::fs::read(dir.join("ev.parquet")).expect("parquet written");
    assert!(bytes.starts_with(b"PAR1") && bytes.ends_with(b"PAR1"));
    // Nothing could be done: exit 1 with a reason.
    let none = run(&["events", "--db", "nowhere.db"], &dir);
    assert_eq!(none.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&none.stderr).contains("no store at nowhere.db"));
    assert!(!dir.join("nowhere.db").exists());
    assert_eq!(
        run(&["events", "--type", "PICNIC"], &dir).status.code(),
        Some(1)
    );
    assert_eq!(
        run(&["events", "--since", "soon"], &dir).status.code(),
        Some(1)
    );
}

/// An act no one is named as doing ("a meeting with Xi had been requested")
/// is stored and fused, but `dyad events` lists it only with `--incomplete`.
#[test]
fn incomplete_events_are_listed_with_incomplete() {
    let dir = scratch("incomplete");
    std::fs::write(
        dir.join("report.txt"),
        "Talks in Beijing\n\nBEIJING – Xi Jinping met Lula da Silva on Friday. A further meeting with Xi had been requested, officials said.\n",
    )
    .expect("write report");
    let out = run(&["ingest", "report.txt", "--published", "2023-04-14"], &dir);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let listed = lines(&run(&["events"], &dir).stdout);
    let all = lines(&run(&["events", "--incomplete"], &dir).stdout);
    assert!(
        listed.iter().any(|e| e["type"] == "CONSULT"),
        "the meeting is complete: {listed:#?}"
    );
    assert!(listed.iter().all(|e| e["type"] != "REQUEST"), "{listed:#?}");
    assert!(all.iter().any(|e| e["type"] == "REQUEST"), "{all:#?}");
    assert!(all.len() > listed.len());
}
