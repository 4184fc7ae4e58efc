//! Development driver: trains a model and scores it on the dev set, without
//! the `dyad` binary (`dyad train` is the supported command).
//! usage: cargo run --release -p dyad-text --example train -- UD_DIR OUT.model [tagger_epochs parser_epochs folds]
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = std::path::PathBuf::from(
        args.get(1)
            .cloned()
            .unwrap_or_else(|| "../shared/data/ud-english-ewt".into()),
    );
    let out = args
        .get(2)
        .cloned()
        .unwrap_or_else(|| "/tmp/en_ewt.model".into());
    let num = |i: usize, d: usize| args.get(i).and_then(|s| s.parse().ok()).unwrap_or(d);
    let options = dyad_text::train::TrainOptions {
        tagger_epochs: num(3, 10),
        parser_epochs: num(4, 15),
        folds: num(5, 5),
        ..Default::default()
    };
    let train = std::fs::read_to_string(dir.join("en_ewt-ud-train.conllu")).expect("train file");
    let t = Instant::now();
    let bytes = dyad_text::train::train(&train, &options, &mut |l| {
        eprintln!("[{:6.1}s] {l}", t.elapsed().as_secs_f64())
    })
    .expect("training");
    std::fs::write(&out, &bytes).expect("write model");
    eprintln!("model {} bytes", bytes.len());
    let analyzer = dyad_text::Analyzer::from_bytes(&bytes).expect("decode");
    let dev = std::fs::read_to_string(dir.join("en_ewt-ud-dev.conllu")).expect("dev file");
    let (gold, _) = dyad_text::conllu::parse(&dev);
    let forms: Vec<Vec<&str>> = gold
        .iter()
        .map(|s| s.words().map(|w| w.form.as_str()).collect())
        .collect();
    let t = Instant::now();
    let (a, _) = analyzer.analyze_tokens(&forms);
    let secs = t.elapsed().as_secs_f64();
    let mut system = gold.clone();
    for (s, an) in system.iter_mut().zip(&a.sentences) {
        for (w, tok) in s.words_mut().zip(&an.tokens) {
            w.upos = tok.upos.clone();
            w.head = tok.head.map_or(0, |h| h + 1);
            w.deprel = tok.deprel.clone();
        }
    }
    let s = dyad_text::train::score(&gold, &system);
    eprintln!(
        "dev upos {:.4} uas {:.4} las {:.4} ({} words, {:.0} words/s)",
        s.upos,
        s.uas,
        s.las,
        s.words,
        s.words as f64 / secs
    );
}
