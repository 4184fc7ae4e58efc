//! Development driver: prints the analysis of the text given as argument
//! (or stdin) with the embedded model.
use std::io::Read;

fn main() {
    let mut text = std::env::args().nth(1).unwrap_or_default();
    if text.is_empty() {
        let _ = std::io::stdin().read_to_string(&mut text);
    }
    let a = dyad_text::analyze(&text);
    for s in &a.sentences {
        println!("# {}", &text[s.span.start..s.span.end].replace('\n', " "));
        for (i, t) in s.tokens.iter().enumerate() {
            println!(
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                i + 1,
                t.text,
                t.lemma,
                t.upos,
                t.xpos,
                t.feats,
                t.head.map_or(0, |h| h + 1),
                t.deprel
            );
        }
    }
    for m in &a.mentions {
        println!(
            "{:?}\t{}\tmod={:?}\ttitle={:?}\tname={:?}\tgov={}",
            m.kind, m.text, m.modifier, m.title, m.name, m.may_be_government
        );
    }
}
