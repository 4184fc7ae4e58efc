//! A `dyad serve` for tests: the sample corpus (plus one hostile report) run
//! through the real pipeline into a fresh SQLite store, served on a free
//! loopback port, stopped when dropped.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A report whose headline and text carry markup: the UI must show it as text.
pub const HOSTILE: &str = "Leaders meet <script>alert(\"xss\")</script> in Tokyo\n\nTOKYO, March 3, 2023 – Japanese Prime Minister Fumio Kishida met South Korean President Yoon Suk Yeol in Tokyo on Friday <script>alert(\"xss\")</script> and the two leaders agreed to restore shuttle diplomacy, officials said. <img src=x onerror=alert(2)> was in the caption.\n";
pub const HOSTILE_ID: &str = "hostile-script";

pub struct Served {
    pub dir: PathBuf,
    pub addr: String,
    child: Child,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn sample_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/sample")
}

/// Ingests the sample corpus and the hostile report, then starts the server.
pub fn serve(name: &str) -> Served {
    let dir = std::env::temp_dir().join(format!("dyad-serve-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("extra")).expect("scratch dir");
    std::fs::write(dir.join("extra").join(format!("{HOSTILE_ID}.txt")), HOSTILE)
        .expect("hostile report");
    let db = dir.join("dyad.db");
    let db = db.to_str().expect("utf-8 path");
    let sample = sample_dir();
    let out = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(["ingest", "--db", db])
        .arg(&sample)
        .arg(dir.join("extra"))
        .output()
        .expect("dyad ingest runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "ingest: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(["serve", "--db", db, "--addr", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("dyad serve starts");
    let stdout = child.stdout.take().expect("piped stdout");
    let mut line = String::new();
    BufReader::new(stdout)
        .read_line(&mut line)
        .expect("dyad serve prints its address");
    let addr = line
        .trim()
        .strip_prefix("dyad serve: listening on http://")
        .and_then(|s| s.strip_suffix('/'))
        .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
        .to_string();
    Served { dir, addr, child }
}

pub struct Answer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Answer {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text()))
    }
}

/// One GET over a fresh connection (HTTP/1.1, `Connection: close`).
pub fn get(addr: &str, path: &str) -> Answer {
    let mut s = TcpStream::connect(addr).expect("connect to dyad serve");
    s.set_read_timeout(Some(Duration::from_secs(30))).ok();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .expect("send request");
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).expect("read answer");
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a header block");
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .expect("a status line");
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    let mut body = raw[split + 4..].to_vec();
    let chunked = headers.iter().any(|(k, v)| {
        k.eq_ignore_ascii_case("transfer-encoding") && v.to_ascii_lowercase().contains("chunked")
    });
    if chunked {
        body = dechunk(&body);
    }
    Answer {
        status,
        headers,
        body,
    }
}

fn dechunk(mut b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let Some(eol) = b.windows(2).position(|w| w == b"\r\n") else {
            return out;
        };
        let size = usize::from_str_radix(
            String::from_utf8_lossy(&b[..eol])
                .split(';')
                .next()
                .unwrap_or("")
                .trim(),
            16,
        )
        .unwrap_or(0);
        if size == 0 {
            return out;
        }
        let start = eol + 2;
        out.extend_from_slice(&b[start..start + size]);
        b = &b[start + size + 2..];
    }
}

/// `dyad code --sentence TEXT --published DAY`: the coded events, one JSON
/// value each; the run must succeed.
pub fn coded(text: &str, published: &str) -> Vec<serde_json::Value> {
    let out = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(["code", "--sentence", text, "--published", published])
        .output()
        .expect("run dyad");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}
