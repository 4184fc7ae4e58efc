//! Development driver: words/s of the full analysis on a JSONL corpus with a
//! given model file (`dyad bench` is the supported command).
//! usage: cargo run --release -p dyad-text --example bench -- MODEL CORPUS.jsonl [LIMIT]
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let bytes = std::fs::read(&args[1]).expect("model");
    let t = Instant::now();
    let analyzer = dyad_text::Analyzer::from_bytes(&bytes).expect("decode");
    eprintln!("decoded in {:.3}s", t.elapsed().as_secs_f64());
    let limit: usize = args
        .get(3)
        .and_then(|s| s.parse().ok())
        .unwrap_or(usize::MAX);
    let data = std::fs::read_to_string(&args[2]).expect("corpus");
    let texts: Vec<String> = data
        .lines()
        .filter_map(|l| {
            let key = "\"text\": \"";
            let alt = "\"text\":\"";
            let i = l
                .find(key)
                .map(|i| i + key.len())
                .or_else(|| l.find(alt).map(|i| i + alt.len()))?;
            let rest = &l[i..];
            let mut out = String::new();
            let mut chars = rest.chars();
            while let Some(c) = chars.next() {
                match c {
                    '"' => break,
                    '\\' => match chars.next() {
                        Some('n') => out.push('\n'),
                        Some('t') => out.push('\t'),
                        Some(o) => out.push(o),
                        None => break,
                    },
                    _ => out.push(c),
                }
            }
            Some(out)
        })
        .take(limit)
        .collect();
    let cpu0 = cpu_seconds();
    let t = Instant::now();
    let mut words = 0;
    let mut mentions = 0;
    for x in &texts {
        let a = analyzer.analyze(x);
        words += a.sentences.iter().map(|s| s.tokens.len()).sum::<usize>();
        mentions += a.mentions.len();
    }
    let secs = t.elapsed().as_secs_f64();
    let cpu = cpu_seconds() - cpu0;
    eprintln!(
        "{} docs, {} words, {} mentions, {:.2}s wall, {:.0} words/s; {:.2}s CPU, {:.0} words per CPU-second",
        texts.len(),
        words,
        mentions,
        secs,
        words as f64 / secs,
        cpu,
        words as f64 / cpu
    );
}

/// User + system CPU time of this process (Linux), to measure per-core speed
/// on a shared machine.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit(')').next().unwrap_or("");
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (ticks(11) + ticks(12)) / 100.0
}
