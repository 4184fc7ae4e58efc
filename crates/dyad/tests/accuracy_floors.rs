//! Accuracy floors for coding and fusion on the shared data, set just under what
//! dyad reaches (docs/MEASUREMENTS.md), so that a regression fails CI. The rules
//! follow the scorers (`tools/score_plover.py`, `../shared/eval/score_events.py`);
//! these tests keep a copy of the few lines they need rather than call Python.

use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A fresh folder of this test's own under the system's temporary folder.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dyad-floors-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn dyad(args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(args)
        .output()
        .expect("run dyad");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn lines(text: &str) -> Vec<Value> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect()
}

/// First three letters of each `code` on one side of a PLOVER record.
fn codes(side: &Value) -> BTreeSet<String> {
    let items: Vec<&Value> = match side {
        Value::Array(a) => a.iter().collect(),
        Value::Object(_) => vec![side],
        _ => Vec::new(),
    };
    items
        .iter()
        .filter_map(|a| a["code"].as_str())
        .filter(|c| !c.is_empty())
        .map(|c| c.chars().take(3).collect())
        .collect()
}

#[test]
fn plover_gold_records_floor() {
    let Some(shared) = dyad_core::shared_dir(env!("CARGO_MANIFEST_DIR")) else {
        return;
    };
    let path = shared.join("data/plover/gold_standard_records/PLOVER_GSR_CAMEO.shared.json");
    let text = std::fs::read_to_string(&path).expect("PLOVER records");
    let records: Vec<Value> = serde_json::from_str(&text).expect("JSON");
    let records: Vec<&Value> = records
        .iter()
        .filter(|r| r["event"].as_str().is_some_and(|e| e != "DOCUMENT") && r["text"].is_string())
        .collect();
    let dir = scratch("plover");
    let corpus = dir.join("plover.jsonl");
    let rows: Vec<String> = records
        .iter()
        .map(|r| {
            serde_json::json!({"id": r["id"], "text": r["text"], "published": "2000-01-01"})
                .to_string()
        })
        .collect();
    std::fs::write(&corpus, rows.join("\n")).expect("write corpus");
    let (status, out, err) = dyad(&["code", corpus.to_str().expect("path")]);
    assert_eq!(status, Some(0), "{err}");
    let mentions = lines(&out);
    let (mut found, mut extra) = (0usize, 0usize);
    for r in &records {
        let ty = match r["event"].as_str().unwrap_or("") {
            "DEMAND" => "REQUEST",
            // PLOVER files CAMEO 09 (investigate) and 11 (disapprove) under ACCUSE.
            "DISAPPROVE" | "INVESTIGATE" => "ACCUSE",
            "FIGHT" => "ASSAULT",
            t => t,
        };
        let (src, tgt) = (codes(&r["source"]), codes(&r["target"]));
        let ms: Vec<&Value> = mentions.iter().filter(|m| m["doc"] == r["id"]).collect();
        let hit = ms.iter().any(|m| {
            let actors: BTreeSet<String> = m["actors"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|x| x.as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default();
            let side = |k: &str| {
                let mut s = actors.clone();
                s.extend(m[k]["country"].as_str().map(str::to_string));
                s
            };
            m["type"] == ty
                && (src.is_empty() || !src.is_disjoint(&side("source")))
                && (tgt.is_empty() || !tgt.is_disjoint(&side("target")))
        });
        found += usize::from(hit);
        extra += ms.len().saturating_sub(usize::from(hit));
    }
    let n = records.len() as f64;
    let (found, extra) = (found as f64 / n, extra as f64 / n);
    eprintln!("PLOVER records: found {found:.3}, extra {extra:.3} per record");
    // Measured (branch code14, every record published 2000-01-01 as
    // here) 0.819 found, 0.233 extra (0.810 / 0.241 in session 10, 0.759 / 0.263 in session 9, 0.728 / 0.284 in session 8, 0.720 / 0.289 in session 7, 0.716 / 0.293 in session 6, 0.668 /
    // 0.392 in session 5; docs/MEASUREMENTS.md): meetings told in passing stay
    // events (fusion needs them), which PLOVER counts extra.
    assert!(found >= 0.815, "found {found:.3}");
    assert!(extra <= 0.24, "extra {extra:.3}");
}

/// The value of attribute `name` in one XML tag's text (`name="value"`).
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!("{name}=\"");
    let mut from = 0;
    while let Some(k) = tag[from..].find(&key) {
        let at = from + k;
        from = at + key.len();
        // A whole attribute name, not the end of a longer one.
        if tag[..at].ends_with(|c: char| c.is_whitespace()) {
            let rest = &tag[from..];
            return rest.find('"').map(|e| &rest[..e]);
        }
    }
    None
}

/// PETRARCH2's real-news gold records as (id, text, published, codings of
/// (CAMEO, source, target)), read as `tools/score_petrarch.py` reads them: by
/// scanning, not as XML (the file is not well-formed), records with no coding
/// and no `noevents` left out.
type PetrRecord = (
    String,
    String,
    Option<String>,
    Vec<(String, String, String)>,
);

fn petr_records(raw: &str) -> Vec<PetrRecord> {
    let mut text = String::new();
    let mut rest = raw;
    while let Some(a) = rest.find("<!--") {
        text.push_str(&rest[..a]);
        rest = rest[a..].find("-->").map_or("", |e| &rest[a + e + 3..]);
    }
    text.push_str(rest);
    let mut out = Vec::new();
    let starts: Vec<usize> = text.match_indices("<Sentence").map(|(i, _)| i).collect();
    for (n, &start) in starts.iter().enumerate() {
        // "<Sentences>" opens the list, not a record.
        if text[start..].starts_with("<Sentences") {
            continue;
        }
        let end = starts.get(n + 1).copied().unwrap_or(text.len());
        let chunk = &text[start..end];
        let chunk = chunk.find("</Sentences>").map_or(chunk, |e| &chunk[..e]);
        let Some(head_end) = chunk.find('>') else {
            continue;
        };
        let head = &chunk[..head_end];
        let id = attr(head, "id").unwrap_or("");
        let body = &chunk[head_end..];
        let Some(t0) = body.find("<Text>") else {
            continue;
        };
        let Some(t1) = body[t0..].find("</Text>") else {
            continue;
        };
        if id.is_empty() || id == "FINAL-RECORD" {
            continue;
        }
        let sentence = body[t0 + 6..t0 + t1]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let (mut codings, mut none) = (Vec::new(), false);
        for (c, _) in body.match_indices("<EventCoding") {
            let tag = body[c..].split('>').next().unwrap_or("");
            if attr(tag, "noevents").is_some_and(|v| v.eq_ignore_ascii_case("true")) {
                none = true;
            } else if let Some(code) = attr(tag, "eventcode").filter(|c| !c.is_empty()) {
                let side = |k: &str| attr(tag, k).unwrap_or("").trim().to_uppercase();
                codings.push((code.to_string(), side("sourcecode"), side("targetcode")));
            }
        }
        if codings.is_empty() && !none {
            continue;
        }
        let date = attr(head, "date").unwrap_or("");
        let published = (date.len() == 8 && date.bytes().all(|b| b.is_ascii_digit()))
            .then(|| format!("{}-{}-{}", &date[..4], &date[4..6], &date[6..]));
        out.push((id.to_string(), sentence, published, codings));
    }
    out
}

#[test]
fn petrarch_real_news_floor() {
    let Some(shared) = dyad_core::shared_dir(env!("CARGO_MANIFEST_DIR")) else {
        return;
    };
    let path = shared.join("data/petrarch2/universalpetrarch/PETR2_GSR_validation.xml");
    let raw = std::fs::read(&path).expect("PETRARCH2 gold");
    let records = petr_records(&String::from_utf8_lossy(&raw));
    assert!(records.len() > 50, "{} records", records.len());
    let dir = scratch("petr");
    let corpus = dir.join("petr.jsonl");
    let rows: Vec<String> = records
        .iter()
        .map(|(id, text, published, _)| {
            serde_json::json!({"id": id, "text": text, "published": published}).to_string()
        })
        .collect();
    std::fs::write(&corpus, rows.join("\n")).expect("write corpus");
    let (status, out, err) = dyad(&["code", corpus.to_str().expect("path")]);
    assert!(matches!(status, Some(0 | 2)), "{err}");
    let mentions = lines(&out);
    let code3 = |s: &str| s.trim().to_uppercase().chars().take(3).collect::<String>();
    let (mut codings, mut found, mut extra) = (0usize, 0usize, 0usize);
    for (id, _, _, want) in &records {
        let ms: Vec<&Value> = mentions
            .iter()
            .filter(|m| m["doc"] == id.as_str())
            .collect();
        let side = |m: &Value, k: &str| {
            let mut s: BTreeSet<String> = m["actors"]
                .as_array()
                .map(|a| a.iter().filter_map(|x| x.as_str().map(code3)).collect())
                .unwrap_or_default();
            for f in ["country", "actor"] {
                s.extend(m[k][f].as_str().map(code3));
            }
            s.remove("");
            s
        };
        let mut used = BTreeSet::new();
        for (code, src, tgt) in want {
            codings += 1;
            let root: String = code.chars().take(2).collect();
            let (src, tgt) = (code3(src), code3(tgt));
            let hit = ms.iter().position(|m| {
                m["cameo"].as_str().is_some_and(|c| c.starts_with(&root))
                    && (src.is_empty() || src == "---" || side(m, "source").contains(&src))
                    && (tgt.is_empty() || tgt == "---" || side(m, "target").contains(&tgt))
            });
            if let Some(k) = hit {
                used.insert(k);
                found += 1;
            }
        }
        extra += ms.len() - used.len();
    }
    let (found, extra) = (
        found as f64 / codings as f64,
        extra as f64 / records.len() as f64,
    );
    eprintln!("PETRARCH2 real news: found {found:.3}, extra {extra:.3} per record");
    // Measured (session 11, branch code13): 0.812 found, 0.256 extra, as
    // tools/score_petrarch.py gives (0.800 / 0.269 on code12).
    assert!(found >= 0.81, "found {found:.3}");
    assert!(extra <= 0.26, "extra {extra:.3}");
}

fn actor_set(e: &Value) -> BTreeSet<String> {
    e["actors"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str())
                .map(|x| x.chars().take(3).collect())
                .collect()
        })
        .unwrap_or_default()
}

fn dates_agree(a: &str, b: &str) -> bool {
    let (a, b) = (&a[..a.len().min(10)], &b[..b.len().min(10)]);
    let n = a.len().min(b.len());
    n >= 4 && a[..n] == b[..n]
}

/// Ingests `reports` into a fresh store named `name` and lists its canonical events.
fn ingested_events(name: &str, reports: &Path) -> Vec<Value> {
    let dir = scratch(name);
    let db = dir.join(format!("{name}.db"));
    let db = db.to_str().expect("path");
    let (status, _, err) = dyad(&["ingest", reports.to_str().expect("path"), "--db", db]);
    assert_eq!(status, Some(0), "{err}");
    let (status, out, err) = dyad(&["events", "--db", db]);
    assert_eq!(status, Some(0), "{err}");
    lines(&out)
}

/// Core recall and precision of canonical events against a gold set: an event
/// matches a gold event of its type whose actors it shares half of (Jaccard),
/// with agreeing dates; core events are matched first.
fn core_recall_and_precision(events: &[Value], gold: &[Value]) -> (f64, f64) {
    let core: Vec<&Value> = gold.iter().filter(|g| g["core"] == true).collect();
    // Core events first, so that the other gold events cannot take their match.
    let mut ordered: Vec<&Value> = core.clone();
    ordered.extend(gold.iter().filter(|g| g["core"] != true));
    let mut found = 0;
    let mut matched = 0;
    let mut used = BTreeSet::new();
    for (k, g) in ordered.iter().enumerate() {
        let ga: BTreeSet<String> = g["actors"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|x| x.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default();
        let hit = events.iter().enumerate().find(|(i, e)| {
            let ea = actor_set(e);
            let inter = ga.intersection(&ea).count() as f64;
            let union = ga.union(&ea).count() as f64;
            !used.contains(i)
                && e["type"] == g["type"]
                && union > 0.0
                && inter / union >= 0.5
                && dates_agree(
                    g["date"].as_str().unwrap_or(""),
                    e["date"]["value"].as_str().unwrap_or(""),
                )
        });
        if let Some((i, _)) = hit {
            used.insert(i);
            matched += 1;
            if k < core.len() {
                found += 1;
            }
        }
    }
    let recall = found as f64 / core.len().max(1) as f64;
    let precision = matched as f64 / events.len().max(1) as f64;
    (recall, precision)
}

#[test]
fn seed_reports_fuse_into_their_core_events() {
    let Some(shared) = dyad_core::shared_dir(env!("CARGO_MANIFEST_DIR")) else {
        return;
    };
    let events = ingested_events("seeds", &shared.join("seeds"));
    let gold_text =
        std::fs::read_to_string(Path::new(&shared).join("gold/seeds.events.jsonl")).expect("gold");
    let (recall, precision) = core_recall_and_precision(&events, &lines(&gold_text));
    let conflicts: usize = events
        .iter()
        .map(|e| e["conflicts"].as_array().map_or(0, Vec::len))
        .sum();
    eprintln!(
        "seeds: {} events, core recall {recall:.3}, precision {precision:.3}, {conflicts} conflicts",
        events.len()
    );
    // Measured (session 5): 12 events, core recall 1.0, precision 1.0 (session 3:
    // 13 events, precision 0.923),
    // conflicts on the 2022 talks' place, the 2024 talks' defence minister and
    // who signs the host-nation agreement (docs/MEASUREMENTS.md).
    assert!(recall >= 1.0, "core recall {recall:.3}");
    assert!(precision >= 0.9, "precision {precision:.3}");
    assert!(events.len() <= 16, "{} events: duplicates", events.len());
    let flagged = |field: &str, date: &str| {
        events.iter().any(|e| {
            e["date"]["value"]
                .as_str()
                .is_some_and(|d| d.starts_with(date))
                && e["conflicts"]
                    .as_array()
                    .is_some_and(|c| c.iter().any(|c| c["field"] == field))
        })
    };
    assert!(
        flagged("location", "2022-01"),
        "the 2022 talks went virtual"
    );
    assert!(
        flagged("participants", "2024-07"),
        "Kishi was no longer defence minister in 2024"
    );
    let signatories = events.iter().any(|e| {
        e["type"] == "AGREE"
            && e["conflicts"].as_array().is_some_and(|c| {
                c.iter().any(|c| {
                    c["field"] == "participants"
                        && c["resolution"]
                            .as_str()
                            .is_some_and(|r| r.contains("Greene"))
                })
            })
    });
    assert!(
        signatories,
        "a later report names who signs the host-nation agreement"
    );
}

/// Core recall and precision of the canonical events dyad fuses from one of
/// the project's corpora (`examples/NAME`) against its gold.
fn corpus_scores(name: &str) -> (f64, f64) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let events = ingested_events(name, &root.join(name));
    let gold_text = std::fs::read_to_string(root.join(format!("gold/{name}.events.jsonl")))
        .expect("corpus gold");
    let (recall, precision) = core_recall_and_precision(&events, &lines(&gold_text));
    eprintln!("{name}: core recall {recall:.3}, precision {precision:.3}");
    (recall, precision)
}

/// The bundled sample (other stories, written by the project): a floor so that
/// a regression in reading, coding or fusion on unseen stories fails CI.
#[test]
fn the_bundled_sample_keeps_its_core_events() {
    let (recall, precision) = corpus_scores("sample");
    // Measured (session 8): core recall 1.000, precision 0.750 with this
    // matcher (score_events.py: 1.000 and 0.750; session 7: 1.000 and 0.605
    // here; session 5: 0.917 and 0.558).
    assert!(recall >= 0.95, "core recall {recall:.3}");
    assert!(precision >= 0.70, "precision {precision:.3}");
}

/// The check corpus (three more stories, written without looking at the
/// engine and first scored in session 8): the same kind of floor.
#[test]
fn the_check_corpus_keeps_its_core_events() {
    let (recall, precision) = corpus_scores("check");
    // Measured (session 8): core recall 0.750, precision 0.658 with this
    // matcher (score_events.py, whose ties between gold events go by file
    // order: 0.500 and 0.658; 0.562 and 0.545 before the session's changes,
    // some of those matches by luck: a visit placed where a clause of "since"
    // named another meeting).
    assert!(recall >= 0.70, "core recall {recall:.3}");
    assert!(precision >= 0.62, "precision {precision:.3}");
}

/// The holdout corpus (three more stories, written without looking at the
/// engine, first scored in session 8 and studied in session 9): the same kind
/// of floor, so the session's gains there stay.
#[test]
fn the_holdout_corpus_keeps_its_core_events() {
    let (recall, precision) = corpus_scores("holdout");
    // Measured (session 9): core recall 0.800, precision 0.677 with this
    // matcher (score_events.py: 0.700 and 0.677; 0.300 and 0.586 at the
    // session's start).
    assert!(recall >= 0.75, "core recall {recall:.3}");
    assert!(precision >= 0.65, "precision {precision:.3}");
}

/// The final and blind5 corpora (written without looking at the engine; final
/// first scored in session 8, blind5 scored once, honestly, at the start of
/// session 10, both studied in session 10): the same kind of floor.
#[test]
fn the_final_and_blind5_corpora_keep_their_core_events() {
    let (recall, precision) = corpus_scores("final");
    // Measured (session 10) with this matcher: final core recall 0.833,
    // precision 0.600 (score_events.py: 0.833 and 0.600; 0.500 and 0.571 at the
    // session's start); blind5 0.875 and 0.594 (score_events.py: 0.750 and
    // 0.594; its honest first score was 0.750 and 0.500).
    assert!(recall >= FINAL_FLOOR.0, "final core recall {recall:.3}");
    assert!(precision >= FINAL_FLOOR.1, "final precision {precision:.3}");
    let (recall, precision) = corpus_scores("blind5");
    assert!(recall >= BLIND5_FLOOR.0, "blind5 core recall {recall:.3}");
    assert!(
        precision >= BLIND5_FLOOR.1,
        "blind5 precision {precision:.3}"
    );
}
const FINAL_FLOOR: (f64, f64) = (0.8, 0.57);
const BLIND5_FLOOR: (f64, f64) = (0.8, 0.56);

/// The corpora studied in session 11 (fresh, blind7 and blind8, the last two
/// first scored honestly): floors just under what the session reached, so
/// the general fixes made on them stay. Measured with this matcher: fresh
/// 0.571 / 0.577, blind7 0.625 / 0.567, blind8 1.000 / 0.583 (the same as
/// score_events.py; at the session's start 0.429 / 0.481, 0.375 / 0.536 and
/// 0.429 / 0.455).
#[test]
fn the_session_eleven_corpora_keep_their_core_events() {
    for (name, floor) in [
        ("fresh", FRESH_FLOOR),
        ("blind7", BLIND7_FLOOR),
        ("blind8", BLIND8_FLOOR),
    ] {
        let (recall, precision) = corpus_scores(name);
        assert!(recall >= floor.0, "{name} core recall {recall:.3}");
        assert!(precision >= floor.1, "{name} precision {precision:.3}");
    }
}
const FRESH_FLOOR: (f64, f64) = (0.55, 0.55);
const BLIND7_FLOOR: (f64, f64) = (0.6, 0.54);
const BLIND8_FLOOR: (f64, f64) = (0.95, 0.55);
