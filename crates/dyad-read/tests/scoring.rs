//! Accuracy floors for the reader on the shared data and the bundled sample.
//! The figures mirror `../shared/eval/score_docs.py` and `score_extraction.py`;
//! floors sit just under what the reader reaches, so a regression fails.

use dyad_read::{ReadOptions, Reader};
use serde_json::Value;
use std::collections::HashMap;
use std::path::Path;

fn norm(s: &str) -> String {
    let s = s
        .replace('\u{2019}', "'")
        .replace(['\u{201c}', '\u{201d}'], "\"")
        .replace(['\u{2013}', '\u{2014}'], "-");
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn read_dir_docs(dir: &Path, ext: &str) -> HashMap<String, dyad_core::Document> {
    let reader = Reader::new();
    let opts = ReadOptions {
        today: chrono::NaiveDate::from_ymd_opt(2026, 11, 23),
        ..Default::default()
    };
    let mut out = HashMap::new();
    for e in std::fs::read_dir(dir).expect("readable dir") {
        let p = e.expect("entry").path();
        if p.extension().and_then(|x| x.to_str()) != Some(ext) {
            continue;
        }
        let bytes = std::fs::read(&p).expect("readable file");
        let id = p
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        for d in reader.read_bytes(&id, &p.display().to_string(), &bytes, &opts) {
            let d = d.unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            out.insert(d.id.clone(), d);
        }
    }
    out
}

#[derive(Default, Debug)]
struct DocFigures {
    body_kept: f64,
    boilerplate_gone: f64,
    title: f64,
    outlet: f64,
    byline: f64,
    dateline: f64,
    published_stated: f64,
    published_inferred: f64,
}

/// The figures of score_docs.py for the `.txt` documents of a gold file.
fn score_docs(
    gold_path: &Path,
    text_dir: &Path,
    docs: &HashMap<String, dyad_core::Document>,
) -> DocFigures {
    let gold: Vec<Value> = std::fs::read_to_string(gold_path)
        .expect("gold file")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("gold row"))
        .collect();
    let (mut kept, mut kept_n, mut gone, mut gone_n) = (0, 0, 0, 0);
    let mut fields = [[0usize; 2]; 4];
    let (mut stated, mut inferred) = ([0usize; 2], [0usize; 2]);
    for g in &gold {
        let id = g["id"].as_str().expect("id");
        let raw_path = text_dir.join(format!("{id}.txt"));
        let Ok(raw) = std::fs::read_to_string(&raw_path) else {
            continue;
        };
        let d = docs.get(id).unwrap_or_else(|| panic!("no document {id}"));
        let text = norm(&d.text);
        let lines: std::collections::HashSet<String> = d.text.lines().map(norm).collect();
        let bp: std::collections::HashSet<String> = g["boilerplate"]
            .as_array()
            .expect("boilerplate")
            .iter()
            .map(|b| norm(b.as_str().unwrap_or("")))
            .collect();
        let title = norm(g["title"].as_str().unwrap_or(""));
        for line in raw.lines() {
            let n = norm(line);
            if n.is_empty() || n == title {
                continue;
            }
            if bp.contains(&n) {
                gone_n += 1;
                if !lines.contains(&n) && (n.len() < 20 || !text.contains(&n)) {
                    gone += 1;
                }
            } else {
                kept_n += 1;
                let cut = n
                    .char_indices()
                    .nth(n.chars().count() * 2 / 5)
                    .map_or(0, |(i, _)| i);
                if text.contains(&n[cut..]) {
                    kept += 1;
                }
            }
        }
        let sys = [&d.title, &d.outlet, &d.byline, &d.dateline];
        for (i, k) in ["title", "outlet", "byline", "dateline"].iter().enumerate() {
            fields[i][1] += 1;
            let ok = match (g[*k].as_str(), sys[i]) {
                (None, None) => true,
                (Some(gv), Some(sv)) => norm(gv) == norm(sv),
                _ => false,
            };
            fields[i][0] += usize::from(ok);
        }
        let sp = d
            .published
            .as_ref()
            .map(|p| p.value.to_iso())
            .unwrap_or_default();
        let gp = g["published"].as_str().expect("published");
        if g["published_in_text"].as_bool() == Some(true) {
            stated[1] += 1;
            stated[0] += usize::from(sp.get(..10) == gp.get(..10));
        } else {
            inferred[1] += 1;
            inferred[0] += usize::from(!sp.is_empty() && sp.get(..7) == gp.get(..7));
        }
    }
    let r = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    DocFigures {
        body_kept: r(kept, kept_n),
        boilerplate_gone: r(gone, gone_n),
        title: r(fields[0][0], fields[0][1]),
        outlet: r(fields[1][0], fields[1][1]),
        byline: r(fields[2][0], fields[2][1]),
        dateline: r(fields[3][0], fields[3][1]),
        published_stated: r(stated[0], stated[1]),
        published_inferred: r(inferred[0], inferred[1]),
    }
}

#[test]
fn seed_reports_meet_the_document_floors() {
    let Some(shared) = dyad_core::shared_dir(env!("CARGO_MANIFEST_DIR")) else {
        return;
    };
    let docs = read_dir_docs(&shared.join("seeds"), "txt");
    let f = score_docs(
        &shared.join("gold/seeds.docs.jsonl"),
        &shared.join("seeds"),
        &docs,
    );
    eprintln!("seeds: {f:?}");
    assert!(f.body_kept >= 0.98, "{f:?}");
    assert!(f.boilerplate_gone >= 1.0, "{f:?}");
    for v in [f.title, f.outlet, f.byline, f.dateline] {
        assert!(v >= 0.8, "{f:?}");
    }
    assert!(f.published_stated >= 1.0, "{f:?}");
    assert!(f.published_inferred >= 0.66, "{f:?}");
}

#[test]
fn bundled_sample_meets_the_document_floors() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let sample = root.join("sample");
    let mut docs = read_dir_docs(&sample, "txt");
    docs.extend(read_dir_docs(&sample, "html"));
    docs.extend(read_dir_docs(&sample, "jsonl"));
    let f = score_docs(&root.join("gold/sample.docs.jsonl"), &sample, &docs);
    eprintln!("sample (text documents): {f:?}");
    assert!(f.body_kept >= 0.95, "{f:?}");
    assert!(f.boilerplate_gone >= 0.95, "{f:?}");
    assert!(f.published_stated >= 0.99, "{f:?}");
    // Every gold document is read, and HTML/JSONL metadata dates are taken from the input.
    let gold = std::fs::read_to_string(root.join("gold/sample.docs.jsonl")).expect("gold");
    let (mut dates_ok, mut n) = (0, 0);
    for l in gold.lines().filter(|l| !l.trim().is_empty()) {
        let g: Value = serde_json::from_str(l).expect("row");
        let id = g["id"].as_str().expect("id");
        let d = docs
            .get(id)
            .unwrap_or_else(|| panic!("sample document {id} not read"));
        let gp = g["published"].as_str().unwrap_or("");
        let sp = d
            .published
            .as_ref()
            .map(|p| p.value.to_iso())
            .unwrap_or_default();
        n += 1;
        dates_ok += usize::from(!sp.is_empty() && sp.get(..7) == gp.get(..7));
    }
    let share = dates_ok as f64 / n as f64;
    eprintln!("sample: publication month right for {dates_ok}/{n}");
    assert!(
        share >= 0.74,
        "publication month right for only {dates_ok}/{n}"
    );
}

fn word_counts(s: &str) -> HashMap<String, usize> {
    let mut m = HashMap::new();
    for w in s
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
    {
        *m.entry(w.to_string()).or_insert(0) += 1;
    }
    m
}

#[test]
fn html_extraction_token_f1_floor() {
    let Some(shared) = dyad_core::shared_dir(env!("CARGO_MANIFEST_DIR")) else {
        return;
    };
    let base = shared.join("data/article-extraction");
    let gt: Value =
        serde_json::from_str(&std::fs::read_to_string(base.join("ground-truth.json")).expect("gt"))
            .expect("gt json");
    let docs = read_dir_docs(&base.join("html"), "html");
    let (mut p_sum, mut p_n, mut r_sum, mut r_n) = (0.0, 0, 0.0, 0);
    for (id, v) in gt.as_object().expect("object") {
        let gold = word_counts(v["articleBody"].as_str().unwrap_or(""));
        let pred = word_counts(docs.get(id).map_or("", |d| d.text.as_str()));
        let tp: usize = gold
            .iter()
            .map(|(w, c)| (*c).min(*pred.get(w).unwrap_or(&0)))
            .sum();
        let np: usize = pred.values().sum();
        let ng: usize = gold.values().sum();
        if np > 0 {
            p_sum += tp as f64 / np as f64;
            p_n += 1;
        }
        if ng > 0 {
            r_sum += tp as f64 / ng as f64;
            r_n += 1;
        }
    }
    let p = p_sum / p_n as f64;
    let r = r_sum / r_n as f64;
    let f1 = 2.0 * p * r / (p + r);
    eprintln!("article extraction: token P={p:.4} R={r:.4} F1={f1:.4}");
    assert!(f1 >= 0.975, "token F1 {f1:.4} under the floor 0.975");
}
