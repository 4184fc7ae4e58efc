//! Development driver: dev accuracy and speed of the second tagging pass's
//! confidence margin. usage: tune MODEL DEV.conllu MARGIN...
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let bytes = std::fs::read(&args[1]).expect("model");
    let dev = std::fs::read_to_string(&args[2]).expect("dev");
    let (gold, _) = dyad_text::conllu::parse(&dev);
    let forms: Vec<Vec<&str>> = gold
        .iter()
        .map(|s| s.words().map(|w| w.form.as_str()).collect())
        .collect();
    for m in &args[3..] {
        let margin: f32 = m.parse().expect("margin");
        let analyzer = dyad_text::Analyzer::from_bytes(&bytes)
            .expect("decode")
            .with_tagger_margin(margin);
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
        println!(
            "margin {margin}: upos {:.4} uas {:.4} las {:.4} {:.2}s",
            s.upos, s.uas, s.las, secs
        );
    }
}
