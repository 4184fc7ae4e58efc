//! `dyad read` as a user runs it: every input handled, bad ones named on stderr
//! with exit status 2, never a panic.

use serde_json::Value;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

fn dyad() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dyad-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

fn docs(stdout: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each stdout line is JSON"))
        .collect()
}

const REPORT: &str = "Ministers meet in Geneva\n\nGENEVA – Foreign ministers met in Geneva on Friday and agreed to keep talking, officials said.\n\nAdvertisement\n";

#[test]
fn bad_inputs_are_named_and_the_rest_is_read() {
    let dir = scratch("bad");
    std::fs::write(dir.join("good.txt"), REPORT).expect("write");
    std::fs::write(dir.join("binary.txt"), b"\x00\x01\x02hello").expect("write");
    std::fs::write(dir.join("latin1.txt"), b"Caf\xe9 talks").expect("write");
    std::fs::write(dir.join("empty.txt"), b"").expect("write");
    std::fs::write(dir.join("deep.html"), "<div>".repeat(100_000)).expect("write");
    std::fs::write(
        dir.join("corpus.jsonl"),
        "{\"id\":\"row1\",\"text\":\"Leaders met in Rome on Monday.\",\"published\":\"2023-05-01\"}\n{oops}\n",
    )
    .expect("write");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(REPORT.as_bytes()).expect("gzip");
    std::fs::write(dir.join("zipped.txt.gz"), gz.finish().expect("gzip")).expect("write");
    std::fs::write(dir.join("huge.txt"), "word ".repeat(200_000)).expect("write");

    let out = dyad()
        .arg("read")
        .arg(&dir)
        .arg("--max-bytes")
        .arg("600000")
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "stderr: {stderr}");
    for (file, reason) in [
        ("binary.txt", "binary"),
        ("latin1.txt", "UTF-8"),
        ("empty.txt", "empty"),
        ("deep.html", "nested"),
        ("corpus.jsonl", "line 2"),
        ("huge.txt", "limit"),
    ] {
        assert!(
            stderr
                .lines()
                .any(|l| l.contains(file) && l.contains(reason)),
            "no error naming {file} ({reason}) in:\n{stderr}"
        );
    }
    assert!(!stderr.contains("panicked"), "{stderr}");
    let ids: Vec<String> = docs(&out.stdout)
        .iter()
        .map(|d| d["id"].as_str().unwrap_or("").to_string())
        .collect();
    for id in ["good", "row1", "zipped"] {
        assert!(ids.contains(&id.to_string()), "{id} missing from {ids:?}");
    }
}

#[test]
fn every_contract_field_is_present() {
    let dir = scratch("fields");
    std::fs::write(dir.join("good.txt"), REPORT).expect("write");
    let out = dyad()
        .arg("read")
        .arg(dir.join("good.txt"))
        .arg("--published")
        .arg("2023-03-03")
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0));
    let d = &docs(&out.stdout)[0];
    for k in [
        "id",
        "source",
        "title",
        "published",
        "published_from",
        "outlet",
        "byline",
        "dateline",
        "language",
        "text",
        "removed",
    ] {
        assert!(d.get(k).is_some(), "missing key {k}");
    }
    assert_eq!(d["id"], "good");
    assert_eq!(d["title"], "Ministers meet in Geneva");
    assert_eq!(d["dateline"], "Geneva");
    assert_eq!(d["published"], "2023-03-03");
    assert_eq!(d["published_from"], "input");
    assert_eq!(d["removed"][0], "Advertisement");
}

#[test]
fn stdin_is_read_with_a_dash() {
    let mut child = dyad()
        .args(["read", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(REPORT.as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("wait");
    assert_eq!(out.status.code(), Some(0));
    let d = docs(&out.stdout);
    assert_eq!(d.len(), 1);
    assert_eq!(d[0]["source"], "-");
}

#[test]
fn a_missing_path_is_an_error_and_no_path_is_a_usage_error() {
    let out = dyad()
        .args(["read", "/nonexistent/dyad/file.txt"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/dyad/file.txt"));
    let out = dyad().arg("read").output().expect("run");
    assert_ne!(out.status.code(), Some(0));
}
