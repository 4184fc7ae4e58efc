//! Reads every `.html` page of a folder `rounds` times (after one warm-up pass that
//! compiles the cues and lazily built patterns), for profiling the HTML reader under callgrind or perf:
//! `cargo run --release -p dyad-read --example html_pass -- DIR [ROUNDS]`.
//!
//! `html_pass --dump DIR...` instead prints every document read from the files of
//! the folders (text, HTML, JSON Lines) as JSON lines, with each HTML page's lines
//! and roles, to compare the reader's output before and after a change.

use dyad_read::{ReadOptions, Reader};

fn main() {
    let mut args = std::env::args().skip(1).peekable();
    if args.peek().is_some_and(|a| a == "--dump") {
        dump(args.skip(1));
        return;
    }
    let Some(dir) = args.next() else {
        eprintln!("usage: html_pass DIR [ROUNDS]");
        std::process::exit(2);
    };
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(1);
    let mut pages = Vec::new();
    let entries = match std::fs::read_dir(&dir) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("{dir}: {e}");
            std::process::exit(1);
        }
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.extension().is_some_and(|x| x == "html") {
            match std::fs::read_to_string(&p) {
                Ok(s) => pages.push(s),
                Err(e) => eprintln!("{}: {e}", p.display()),
            }
        }
    }
    let reader = Reader::new();
    let opts = ReadOptions::default();
    // Warm-up: compiles the cues and regexes, which a profile of reading should not count.
    for h in &pages {
        let _ = reader.read_html("w", "w", h, &opts);
    }
    let t = std::time::Instant::now();
    let ok = timed_passes(&reader, &pages, rounds, &opts);
    let s = t.elapsed().as_secs_f64();
    eprintln!(
        "{} pages x {rounds}: {ok} read, {s:.3} s, {:.0} pages/s",
        pages.len(),
        (pages.len() * rounds) as f64 / s
    );
}

/// The measured work, in a function of its own so that a profiler can be told to
/// count only it (`valgrind --tool=callgrind --toggle-collect='html_pass::timed_passes'`).
#[inline(never)]
fn timed_passes(reader: &Reader, pages: &[String], rounds: usize, opts: &ReadOptions) -> usize {
    let mut ok = 0;
    for _ in 0..rounds {
        ok += pages
            .iter()
            .filter(|h| reader.read_html("p", "p", h, opts).is_ok())
            .count();
    }
    ok
}

fn dump(dirs: impl Iterator<Item = String>) {
    let reader = Reader::new();
    let opts = ReadOptions {
        today: chrono::NaiveDate::from_ymd_opt(2026, 11, 23),
        ..Default::default()
    };
    for dir in dirs {
        let mut paths: Vec<_> = match std::fs::read_dir(&dir) {
            Ok(e) => e.flatten().map(|e| e.path()).collect(),
            Err(e) => {
                eprintln!("{dir}: {e}");
                continue;
            }
        };
        paths.sort();
        for p in paths {
            let Ok(bytes) = std::fs::read(&p) else {
                continue;
            };
            let id = p.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
            let name = p.display().to_string();
            if Reader::detect_format(&name, &bytes) == dyad_read::InputFormat::Html {
                let lines = std::str::from_utf8(&bytes)
                    .map_err(|e| e.to_string())
                    .and_then(|h| dyad_read::html_lines(h).map_err(|e| e.to_string()));
                println!(
                    "{}",
                    serde_json::json!({ "file": name, "lines": format!("{lines:?}") })
                );
            }
            for r in reader.read_bytes(id, &name, &bytes, &opts) {
                match r {
                    Ok(d) => println!("{}", serde_json::to_string(&d).unwrap_or_default()),
                    Err(e) => println!(
                        "{}",
                        serde_json::json!({ "file": name, "error": e.to_string() })
                    ),
                }
            }
        }
    }
}
