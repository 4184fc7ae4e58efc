//! Accuracy floors on the TempEval-3 training documents (TimeBank + AQUAINT),
//! scored as TempEval-3 does (mirrors `shared/eval/timeml.py`): strict and
//! relaxed extent F1, and value/type accuracy and F1 over relaxed matches.
//!
//! The floors sit just under what the tagger reaches, so a regression fails.
//! Without `../shared` the test is skipped with a message, except under
//! `CI=true`, where missing data is an error.

use dyad_core::CharOffsets;
use dyad_time::{tag, NoHints, Reference};
use std::path::{Path, PathBuf};

struct GoldTimex {
    start: usize,
    end: usize,
    kind: String,
    value: String,
}

struct Doc {
    name: String,
    text: Vec<char>,
    plain: String,
    dct: String,
    gold: Vec<GoldTimex>,
}

fn shared_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    if dir.join("data/tempeval3/train/TBAQ-cleaned").is_dir() {
        return Some(dir);
    }
    if std::env::var("CI").as_deref() == Ok("true") {
        panic!("CI=true but {} has no data/tempeval3", dir.display());
    }
    eprintln!("skipping: {} not found (TempEval-3 data)", dir.display());
    None
}

fn attr(tag: &str, name: &str) -> String {
    let key = format!("{name}=\"");
    tag.find(&key)
        .and_then(|i| {
            let rest = &tag[i + key.len()..];
            rest.find('"').map(|j| rest[..j].to_string())
        })
        .unwrap_or_default()
}

fn decode(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

fn read_timeml(path: &Path) -> Doc {
    let xml = std::fs::read_to_string(path).unwrap();
    let dct = xml
        .split('<')
        .find(|t| t.starts_with("TIMEX3") && t.contains("functionInDocument=\"CREATION_TIME\""))
        .map(|t| attr(t, "value").chars().take(10).collect())
        .unwrap_or_default();
    let body_start = xml.find("<TEXT>").unwrap() + "<TEXT>".len();
    let body_end = xml.find("</TEXT>").unwrap();
    let body = &xml[body_start..body_end];
    let mut text = String::new();
    let mut chars = 0usize;
    let mut open: Vec<(usize, String, String)> = Vec::new();
    let mut gold = Vec::new();
    let mut rest = body;
    while !rest.is_empty() {
        match rest.find('<') {
            Some(0) => {
                let close = rest.find('>').unwrap();
                let tag = &rest[1..close];
                if tag.starts_with("TIMEX3") && !tag.ends_with('/') {
                    open.push((chars, attr(tag, "type"), attr(tag, "value")));
                } else if tag == "/TIMEX3" {
                    let (start, kind, value) = open.pop().unwrap();
                    gold.push((start, chars, kind, value));
                }
                rest = &rest[close + 1..];
            }
            Some(i) => {
                let piece = decode(&rest[..i]);
                chars += piece.chars().count();
                text.push_str(&piece);
                rest = &rest[i..];
            }
            None => {
                let piece = decode(rest);
                chars += piece.chars().count();
                text.push_str(&piece);
                rest = "";
            }
        }
    }
    let text_chars: Vec<char> = text.chars().collect();
    let mut gold: Vec<GoldTimex> = gold
        .into_iter()
        .filter_map(|(s, e, kind, value)| {
            let (s, e) = strip(&text_chars, s, e);
            (e > s).then_some(GoldTimex {
                start: s,
                end: e,
                kind,
                value,
            })
        })
        .collect();
    gold.sort_by_key(|g| (g.start, g.end));
    Doc {
        name: path.file_stem().unwrap().to_string_lossy().into_owned(),
        text: text_chars,
        plain: text,
        dct,
        gold,
    }
}

fn strip(text: &[char], mut s: usize, mut e: usize) -> (usize, usize) {
    while s < e && text.get(s).is_some_and(|c| c.is_whitespace()) {
        s += 1;
    }
    while e > s && text.get(e - 1).is_some_and(|c| c.is_whitespace()) {
        e -= 1;
    }
    (s, e)
}

#[derive(Default, Debug)]
struct Score {
    gold: usize,
    system: usize,
    strict: usize,
    relaxed_system: usize,
    relaxed_gold: usize,
    value_ok: usize,
    type_ok: usize,
}

fn f1(tp_sys: usize, tp_gold: usize, system: usize, gold: usize) -> f64 {
    let p = if system > 0 {
        tp_sys as f64 / system as f64
    } else {
        0.0
    };
    let r = if gold > 0 {
        tp_gold as f64 / gold as f64
    } else {
        0.0
    };
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

impl Score {
    fn add(&mut self, doc: &Doc) {
        let reference = Reference::parse(&doc.dct).unwrap();
        let offsets = CharOffsets::new(&doc.plain);
        let system: Vec<(usize, usize, String, String)> = tag(&doc.plain, reference, &NoHints)
            .into_iter()
            .filter_map(|t| {
                let (s, e) = strip(
                    &doc.text,
                    offsets.char_of(t.span.start),
                    offsets.char_of(t.span.end),
                );
                (e > s).then(|| (s, e, t.kind.as_str().to_string(), t.value))
            })
            .collect();
        self.gold += doc.gold.len();
        self.system += system.len();
        self.strict += system
            .iter()
            .filter(|p| doc.gold.iter().any(|g| (g.start, g.end) == (p.0, p.1)))
            .count();
        self.relaxed_system += system
            .iter()
            .filter(|p| doc.gold.iter().any(|g| p.0 < g.end && g.start < p.1))
            .count();
        for g in &doc.gold {
            let mut best: Option<&(usize, usize, String, String)> = None;
            let mut best_overlap = 0isize;
            for p in &system {
                let overlap = p.1.min(g.end) as isize - p.0.max(g.start) as isize;
                if overlap > best_overlap {
                    best = Some(p);
                    best_overlap = overlap;
                }
            }
            if let Some(p) = best {
                self.relaxed_gold += 1;
                self.value_ok += usize::from(p.3 == g.value);
                self.type_ok += usize::from(p.2 == g.kind);
            }
        }
    }

    fn strict_f1(&self) -> f64 {
        f1(self.strict, self.strict, self.system, self.gold)
    }
    fn relaxed_f1(&self) -> f64 {
        f1(
            self.relaxed_system,
            self.relaxed_gold,
            self.system,
            self.gold,
        )
    }
    fn value_f1(&self) -> f64 {
        f1(self.value_ok, self.value_ok, self.system, self.gold)
    }
    fn type_accuracy(&self) -> f64 {
        self.type_ok as f64 / self.relaxed_gold.max(1) as f64
    }
    fn line(&self) -> String {
        format!(
            "gold {} system {} strict F1 {:.3} relaxed F1 {:.3} value F1 {:.3} value acc {:.3} type acc {:.3}",
            self.gold,
            self.system,
            self.strict_f1(),
            self.relaxed_f1(),
            self.value_f1(),
            self.value_ok as f64 / self.relaxed_gold.max(1) as f64,
            self.type_accuracy()
        )
    }
}

#[test]
fn tempeval3_train_floors() {
    let Some(shared) = shared_dir() else { return };
    let base = shared.join("data/tempeval3/train/TBAQ-cleaned");
    let mut docs: Vec<(String, Doc)> = Vec::new();
    for sub in ["AQUAINT", "TimeBank"] {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(base.join(sub))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "tml"))
            .collect();
        paths.sort();
        docs.extend(paths.iter().map(|p| (sub.to_string(), read_timeml(p))));
    }
    docs.sort_by(|a, b| (&a.0, &a.1.name).cmp(&(&b.0, &b.1.name)));
    assert_eq!(docs.len(), 256);
    // Every fourth document is held out from tuning (the dev set).
    let (mut all, mut tune, mut dev) = (Score::default(), Score::default(), Score::default());
    for (i, (_, doc)) in docs.iter().enumerate() {
        all.add(doc);
        if i % 4 == 3 {
            dev.add(doc);
        } else {
            tune.add(doc);
        }
    }
    eprintln!("all:  {}", all.line());
    eprintln!("tune: {}", tune.line());
    eprintln!("dev:  {}", dev.line());
    assert_eq!(
        all.gold, 1822,
        "gold TIMEX3 count differs from the scorer's"
    );
    assert!(
        all.relaxed_f1() >= 0.935,
        "relaxed F1 {:.3}",
        all.relaxed_f1()
    );
    assert!(all.strict_f1() >= 0.865, "strict F1 {:.3}", all.strict_f1());
    assert!(all.value_f1() >= 0.795, "value F1 {:.3}", all.value_f1());
    assert!(
        all.type_accuracy() >= 0.945,
        "type accuracy {:.3}",
        all.type_accuracy()
    );
    assert!(
        dev.value_f1() >= 0.785,
        "dev value F1 {:.3}",
        dev.value_f1()
    );
}
