//! Accuracy floors on UD English EWT dev with its gold tokens, and sentence
//! splitting on its running text. The floors sit just under what the shipped
//! model reaches (see `models/README.md`), so a regression fails the build.
use std::path::PathBuf;

fn shared() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    if dir
        .join("data/ud-english-ewt/en_ewt-ud-dev.conllu")
        .exists()
    {
        return Some(dir);
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!(
            "shared data missing at {} (required when CI=true)",
            dir.display()
        );
    }
    eprintln!("skipping: shared data not found at {}", dir.display());
    None
}

#[test]
fn ewt_dev_tagging_and_parsing() {
    let Some(dir) = shared() else { return };
    let text = std::fs::read_to_string(dir.join("data/ud-english-ewt/en_ewt-ud-dev.conllu"))
        .expect("dev file");
    let (gold, _) = dyad_text::conllu::parse(&text);
    let forms: Vec<Vec<&str>> = gold
        .iter()
        .map(|s| s.words().map(|w| w.form.as_str()).collect())
        .collect();
    let (analysis, _) = dyad_text::analyze_tokens(&forms);
    assert!(
        analysis.diagnostics.is_empty(),
        "{:?}",
        analysis.diagnostics
    );
    let mut system = gold.clone();
    for (s, a) in system.iter_mut().zip(&analysis.sentences) {
        for (w, t) in s.words_mut().zip(&a.tokens) {
            w.upos = t.upos.clone();
            w.head = t.head.map_or(0, |h| h + 1);
            w.deprel = t.deprel.clone();
        }
    }
    let score = dyad_text::train::score(&gold, &system);
    eprintln!("EWT dev: {score:?}");
    assert!(
        score.upos >= UPOS_FLOOR,
        "UPOS {} < {UPOS_FLOOR}",
        score.upos
    );
    assert!(score.uas >= UAS_FLOOR, "UAS {} < {UAS_FLOOR}", score.uas);
    assert!(score.las >= LAS_FLOOR, "LAS {} < {LAS_FLOOR}", score.las);
}

#[test]
fn ewt_dev_sentence_splitting() {
    let Some(dir) = shared() else { return };
    let text = std::fs::read_to_string(dir.join("data/ud-english-ewt/en_ewt-ud-dev.conllu"))
        .expect("dev file");
    let (gold, _) = dyad_text::conllu::parse(&text);
    // Rebuild each document's text as the UD `# text` comments joined by a space
    // (a blank line at each paragraph), and compare sentence spans.
    let mut docs: Vec<(String, Vec<(usize, usize)>)> = Vec::new();
    for s in &gold {
        if s.has_comment("newdoc") || docs.is_empty() {
            docs.push((String::new(), Vec::new()));
        }
        let Some((doc, spans)) = docs.last_mut() else {
            continue;
        };
        if !doc.is_empty() {
            doc.push_str(if s.has_comment("newpar") { "\n\n" } else { " " });
        }
        let sentence = s.comment("text").unwrap_or("");
        let start = doc.len();
        doc.push_str(sentence);
        spans.push((start, doc.len()));
    }
    let (mut correct, mut system, mut expected) = (0usize, 0usize, 0usize);
    for (doc, spans) in &docs {
        let analysis = dyad_text::analyze(doc);
        let found: Vec<(usize, usize)> = analysis
            .sentences
            .iter()
            .map(|s| (s.span.start, s.span.end))
            .collect();
        correct += found.iter().filter(|s| spans.contains(s)).count();
        system += found.len();
        expected += spans.len();
    }
    let p = correct as f64 / system.max(1) as f64;
    let r = correct as f64 / expected.max(1) as f64;
    let f1 = 2.0 * p * r / (p + r).max(1e-9);
    eprintln!("EWT dev sentence F1 {f1:.4} (P {p:.4} R {r:.4})");
    assert!(
        f1 >= SENTENCE_F1_FLOOR,
        "sentence F1 {f1} < {SENTENCE_F1_FLOOR}"
    );
}

const UPOS_FLOOR: f64 = 0.951;
const UAS_FLOOR: f64 = 0.848;
const LAS_FLOOR: f64 = 0.815;
const SENTENCE_F1_FLOOR: f64 = 0.89;
