//! `dyad parse` and `dyad train` (owned by the understanding stage).
//!
//! `dyad parse PATH...` analyses plain-text documents (one per file, `-` for
//! stdin) and writes JSON Lines (default) or CoNLL-U. `dyad parse --tokenized
//! FILE.conllu` keeps a CoNLL-U file's tokens and sentence breaks and replaces
//! its annotation with dyad's: this is how tagging and parsing accuracy is
//! scored. `dyad train` rebuilds the embedded model from UD English EWT.
use anyhow::Context;
use clap::{Args, ValueEnum};
use dyad_core::CharOffsets;
use dyad_text::conllu::{self, ConlluLine, ConlluSentence};
use dyad_text::{AnalyzedText, Analyzer};
use serde_json::{json, Value};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One JSON object per document: sentences, tokens (character offsets), mentions.
    Jsonl,
    /// CoNLL-U with `# doc_id`, `# sent_id` and `# text` comments.
    Conllu,
}

#[derive(Args)]
#[command(after_help = "JSON Lines output, one object per document:\n  \
{\"id\", \"source\", \"sentences\": [{\"start\", \"end\", \"text\", \"tokens\": [{\"id\", \"text\", \"start\", \"end\", \
\"lemma\", \"upos\", \"xpos\", \"feats\", \"head\", \"deprel\"}]}], \"mentions\": [{\"text\", \"start\", \"end\", \"type\", \
\"sentence\", \"tokens\", \"head\", \"modifier\", \"modifier_place\", \"title\", \"title_span\", \"name\", \"name_span\", \
\"name_parts\", \"place_kind\", \"may_be_government\"}], \"diagnostics\"}\n\
Offsets are character offsets into the document text; token `id`s count from 1 in each sentence and `head` \
is the head's id (0 for the root), as in CoNLL-U. Mention `type` is PERSON, ORG, GPE (a place with a \
government, which may stand for it), LOC or OTHER; a mention's `tokens` and `head` index its sentence's \
tokens from 0.\n\n\
CoNLL-U output carries `SpaceAfter=No` and `TokenRange=START:END` (character offsets) in MISC. With \
--tokenized, the file's words, sentence breaks, comments and multiword-token lines are kept and every \
other column is dyad's own analysis.")]
pub struct ParseArgs {
    /// Plain-text files (one document each), directories (their files, recursively) or `-` for stdin.
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: Format,
    /// Analyse the tokens and sentences of this CoNLL-U file instead (writes CoNLL-U).
    #[arg(long, value_name = "FILE.conllu")]
    pub tokenized: Option<PathBuf>,
}

#[derive(Args)]
pub struct TrainArgs {
    /// Directory holding `en_ewt-ud-train.conllu` (and optionally `en_ewt-ud-dev.conllu`, scored after training).
    #[arg(long, value_name = "DIR")]
    pub ud_dir: PathBuf,
    /// Where to write `en_ewt.model`.
    #[arg(long, value_name = "DIR", default_value = "crates/dyad-text/models")]
    pub out: PathBuf,
    /// Tagger training epochs.
    #[arg(long, default_value_t = 10)]
    pub tagger_epochs: usize,
    /// Parser training epochs.
    #[arg(long, default_value_t = 15)]
    pub parser_epochs: usize,
    /// Folds for the jackknifed tags the parser trains on (1 = none).
    #[arg(long, default_value_t = 5)]
    pub folds: usize,
    /// Random seed for shuffling and exploration.
    #[arg(long, default_value_t = 20_240_601)]
    pub seed: u64,
    /// Word clusters made by `dyad clusters`, used as tagger and parser
    /// features (without it the model has none).
    #[arg(long, value_name = "FILE")]
    pub clusters: Option<PathBuf>,
    /// Further CoNLL-U files to score after training, gold tokens (the dev
    /// file in `--ud-dir` always is).
    #[arg(long, value_name = "FILE.conllu")]
    pub score: Vec<PathBuf>,
}

#[derive(Args)]
pub struct ClustersArgs {
    /// Directory holding `en_ewt-ud-train.conllu`, whose word forms are added
    /// to the text (train only: never dev or test).
    #[arg(long, value_name = "DIR")]
    pub ud_dir: Option<PathBuf>,
    /// Unlabeled text: `.jsonl` files (the `text` field of each row), `.xml`
    /// files in the CAT format of ECB+ and MEANTIME (their `<token>`s, one
    /// segment per sentence), plain text files (tokenised by dyad's
    /// tokenizer), or directories of these.
    #[arg(long, value_name = "PATH")]
    pub text: Vec<PathBuf>,
    /// Where to write the cluster listing (`word TAB count TAB class...`).
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// Number of classes of each clustering, coarse to fine.
    #[arg(long, value_delimiter = ',', default_values_t = [64usize, 512])]
    pub sizes: Vec<usize>,
    /// Words seen fewer times are not clustered.
    #[arg(long, default_value_t = 3)]
    pub min_count: u64,
}

fn analyzer() -> anyhow::Result<&'static Analyzer> {
    Analyzer::builtin().map_err(|e| anyhow::anyhow!("the embedded analysis model is unusable: {e}"))
}

fn collect_files(path: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for e in entries {
            collect_files(&e, out)?;
        }
    } else {
        out.push(path.to_path_buf());
    }
    Ok(())
}

pub fn run(args: ParseArgs) -> anyhow::Result<ExitCode> {
    if let Some(file) = &args.tokenized {
        return run_tokenized(file);
    }
    if args.paths.is_empty() {
        anyhow::bail!(
            "no input: give files, directories, `-` for stdin, or --tokenized FILE.conllu"
        );
    }
    let analyzer = analyzer()?;
    let mut files = Vec::new();
    let mut rejected = 0usize;
    for p in &args.paths {
        if p.as_os_str() == "-" {
            files.push(p.clone());
        } else if let Err(e) = collect_files(p, &mut files) {
            eprintln!("dyad parse: {}: {e}", p.display());
            rejected += 1;
        }
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut handled = 0usize;
    for file in &files {
        let text = if file.as_os_str() == "-" {
            let mut s = String::new();
            std::io::stdin().read_to_string(&mut s).map(|_| s)
        } else {
            std::fs::read(file).and_then(|b| {
                String::from_utf8(b).map_err(|_| {
                    std::io::Error::new(std::io::ErrorKind::InvalidData, "not UTF-8 text")
                })
            })
        };
        let text = match text {
            Ok(t) => t,
            Err(e) => {
                eprintln!("dyad parse: {}: {e}", file.display());
                rejected += 1;
                continue;
            }
        };
        let id = if file.as_os_str() == "-" {
            "stdin".to_string()
        } else {
            file.file_stem().map_or_else(
                || file.display().to_string(),
                |s| s.to_string_lossy().into_owned(),
            )
        };
        let analysis = analyzer.analyze(&text);
        match args.format {
            Format::Jsonl => {
                let v = document_json(&id, &file.display().to_string(), &text, &analysis);
                writeln!(out, "{v}")?;
            }
            Format::Conllu => {
                let mut s = String::new();
                write_document_conllu(&id, &text, &analysis, &mut s);
                out.write_all(s.as_bytes())?;
            }
        }
        handled += 1;
    }
    out.flush()?;
    Ok(exit_code(handled, rejected))
}

fn exit_code(handled: usize, rejected: usize) -> ExitCode {
    match (handled, rejected) {
        (_, 0) => ExitCode::SUCCESS,
        (0, _) => ExitCode::from(1),
        _ => ExitCode::from(2),
    }
}

/// The JSON object for one analysed document (character offsets).
pub fn document_json(id: &str, source: &str, text: &str, a: &AnalyzedText) -> Value {
    let co = CharOffsets::new(text);
    let sentences: Vec<Value> = a
        .sentences
        .iter()
        .map(|s| {
            let tokens: Vec<Value> = s
                .tokens
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    json!({
                        "id": i + 1,
                        "text": t.text,
                        "start": co.char_of(t.span.start),
                        "end": co.char_of(t.span.end),
                        "lemma": t.lemma,
                        "upos": t.upos,
                        "xpos": t.xpos,
                        "feats": t.feats,
                        "head": t.head.map_or(0, |h| h + 1),
                        "deprel": t.deprel,
                    })
                })
                .collect();
            json!({
                "start": co.char_of(s.span.start),
                "end": co.char_of(s.span.end),
                "text": s.span.slice(text).unwrap_or(""),
                "tokens": tokens,
            })
        })
        .collect();
    let mentions: Vec<Value> = a.mentions.iter().map(|m| mention_json(m, &co)).collect();
    let diagnostics: Vec<String> = a.diagnostics.iter().map(ToString::to_string).collect();
    json!({"id": id, "source": source, "sentences": sentences, "mentions": mentions, "diagnostics": diagnostics})
}

fn mention_json(m: &dyad_text::Mention, co: &CharOffsets) -> Value {
    let mut v = serde_json::to_value(m).unwrap_or(Value::Null);
    let chars =
        |s: &dyad_core::Span| json!({"start": co.char_of(s.start), "end": co.char_of(s.end)});
    if let Value::Object(map) = &mut v {
        map.remove("span");
        map.insert("start".into(), json!(co.char_of(m.span.start)));
        map.insert("end".into(), json!(co.char_of(m.span.end)));
        // The engine's spans are bytes; the contract speaks characters.
        map.insert(
            "title_span".into(),
            m.title_span.as_ref().map_or(Value::Null, chars),
        );
        map.insert(
            "name_span".into(),
            m.name_span.as_ref().map_or(Value::Null, chars),
        );
    }
    v
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// CoNLL-U for one analysed document. MISC carries `SpaceAfter=No` and the
/// token's character range in the document (`TokenRange=start:end`).
pub fn write_document_conllu(id: &str, text: &str, a: &AnalyzedText, out: &mut String) {
    let co = CharOffsets::new(text);
    let mut blocks = Vec::with_capacity(a.sentences.len());
    for (si, s) in a.sentences.iter().enumerate() {
        let mut comments = Vec::new();
        if si == 0 {
            comments.push(format!("# newdoc id = {id}"));
            comments.push(format!("# doc_id = {id}"));
        }
        comments.push(format!("# sent_id = {id}-{}", si + 1));
        comments.push(format!(
            "# text = {}",
            one_line(s.span.slice(text).unwrap_or(""))
        ));
        let lines = s
            .tokens
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let glued = s
                    .tokens
                    .get(i + 1)
                    .is_some_and(|n| n.span.start == t.span.end);
                let range = format!(
                    "TokenRange={}:{}",
                    co.char_of(t.span.start),
                    co.char_of(t.span.end)
                );
                ConlluLine::Word(conllu::ConlluWord {
                    id: i + 1,
                    form: one_line(&t.text),
                    lemma: one_line(&t.lemma),
                    upos: t.upos.clone(),
                    xpos: t.xpos.clone(),
                    feats: t.feats.clone(),
                    head: t.head.map_or(0, |h| h + 1),
                    deprel: t.deprel.clone(),
                    deps: "_".into(),
                    misc: if glued {
                        format!("SpaceAfter=No|{range}")
                    } else {
                        range
                    },
                })
            })
            .collect();
        blocks.push(ConlluSentence { comments, lines });
    }
    conllu::write(&blocks, out);
}

fn run_tokenized(file: &Path) -> anyhow::Result<ExitCode> {
    let text =
        std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    let (mut sentences, diagnostics) = conllu::parse(&text);
    for d in &diagnostics {
        eprintln!("dyad parse: {}: {d}", file.display());
    }
    if sentences.is_empty() {
        anyhow::bail!("{}: no CoNLL-U sentences found", file.display());
    }
    let analyzer = analyzer()?;
    annotate(analyzer, &mut sentences);
    let mut out = String::with_capacity(text.len());
    conllu::write(&sentences, &mut out);
    std::io::stdout().lock().write_all(out.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// Replaces the annotation of every word with the analyser's, keeping forms,
/// sentence breaks, comments, multiword-token lines, empty nodes and MISC.
pub fn annotate(analyzer: &Analyzer, sentences: &mut [ConlluSentence]) {
    let forms: Vec<Vec<String>> = sentences
        .iter()
        .map(|s| s.words().map(|w| w.form.clone()).collect())
        .collect();
    let nonempty: Vec<usize> = (0..forms.len()).filter(|&i| !forms[i].is_empty()).collect();
    let refs: Vec<Vec<&str>> = nonempty
        .iter()
        .map(|&i| forms[i].iter().map(String::as_str).collect())
        .collect();
    let (analysis, _) = analyzer.analyze_tokens(&refs);
    for (&si, analysed) in nonempty.iter().zip(&analysis.sentences) {
        let Some(sentence) = sentences.get_mut(si) else {
            continue;
        };
        for (w, t) in sentence.words_mut().zip(&analysed.tokens) {
            w.lemma = t.lemma.clone();
            w.upos = t.upos.clone();
            w.xpos = t.xpos.clone();
            w.feats = t.feats.clone();
            w.head = t.head.map_or(0, |h| h + 1);
            w.deprel = t.deprel.clone();
            w.deps = "_".into();
        }
    }
}

pub fn train(args: TrainArgs) -> anyhow::Result<ExitCode> {
    let train_path = args.ud_dir.join("en_ewt-ud-train.conllu");
    let train_text = std::fs::read_to_string(&train_path)
        .with_context(|| format!("cannot read {}", train_path.display()))?;
    let clusters = match &args.clusters {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            let c = dyad_text::clusters::Clusters::from_text(&text)
                .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
            Some(c)
        }
        None => None,
    };
    let options = dyad_text::train::TrainOptions {
        tagger_epochs: args.tagger_epochs,
        parser_epochs: args.parser_epochs,
        folds: args.folds,
        seed: args.seed,
        clusters,
        ..Default::default()
    };
    let started = Instant::now();
    let bytes = dyad_text::train::train(&train_text, &options, &mut |line| {
        eprintln!("[{:7.1}s] {line}", started.elapsed().as_secs_f64());
    })?;
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("cannot create {}", args.out.display()))?;
    let model_path = args.out.join("en_ewt.model");
    std::fs::write(&model_path, &bytes)
        .with_context(|| format!("cannot write {}", model_path.display()))?;
    eprintln!("wrote {} ({} bytes)", model_path.display(), bytes.len());
    let analyzer = Analyzer::from_bytes(&bytes)?;
    let dev_path = args.ud_dir.join("en_ewt-ud-dev.conllu");
    if let Ok(dev_text) = std::fs::read_to_string(&dev_path) {
        score_file(&analyzer, "dev", &dev_text);
    }
    for path in &args.score {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        score_file(&analyzer, &path.display().to_string(), &text);
    }
    Ok(ExitCode::SUCCESS)
}

/// Scores the analyser on a CoNLL-U file's own tokens and prints the result.
fn score_file(analyzer: &Analyzer, name: &str, conllu_text: &str) {
    let (gold, _) = conllu::parse(conllu_text);
    let mut system = gold.clone();
    let t = Instant::now();
    annotate(analyzer, &mut system);
    let secs = t.elapsed().as_secs_f64();
    let s = dyad_text::train::score(&gold, &system);
    eprintln!(
        "{name}: words {} upos {:.4} uas {:.4} las {:.4} ({:.0} words/s tag+parse)",
        s.words,
        s.upos,
        s.uas,
        s.las,
        s.words as f64 / secs
    );
}

/// The tokens of a CAT XML document (ECB+, MEANTIME), grouped by their
/// `sentence` attribute. A plain scan rather than an XML parser: the files
/// hold one flat `<token ...>text</token>` element per token.
fn cat_sentences(xml: &str) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = Vec::new();
    let mut current: Option<String> = None;
    let mut rest = xml;
    while let Some(i) = rest.find("<token ") {
        rest = &rest[i..];
        let Some(open_end) = rest.find('>') else {
            break;
        };
        let Some(close) = rest.find("</token>") else {
            break;
        };
        if close < open_end {
            rest = &rest[open_end..];
            continue;
        }
        let attrs = &rest[..open_end];
        let sentence = attrs
            .split("sentence=\"")
            .nth(1)
            .and_then(|a| a.split('"').next())
            .map(str::to_string);
        let word = rest[open_end + 1..close]
            .replace("&quot;", "\"")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&apos;", "'")
            .replace("&amp;", "&");
        if sentence != current || out.is_empty() {
            out.push(Vec::new());
            current = sentence;
        }
        if let Some(last) = out.last_mut() {
            if !word.trim().is_empty() {
                last.push(word);
            }
        }
        rest = &rest[close + "</token>".len()..];
    }
    out
}

/// `dyad clusters`: learns word clusters from unlabeled text for `dyad train
/// --clusters`.
pub fn clusters(args: ClustersArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let mut corpus = dyad_text::clusters::ClusterCorpus::new();
    if let Some(dir) = &args.ud_dir {
        let path = dir.join("en_ewt-ud-train.conllu");
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        let (sentences, _) = conllu::parse(&text);
        for s in &sentences {
            corpus.add_tokens(s.words().map(|w| w.form.as_str()));
        }
    }
    let mut files = Vec::new();
    for path in &args.text {
        collect_files(path, &mut files)
            .with_context(|| format!("cannot read {}", path.display()))?;
    }
    for path in &files {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        if path.extension().is_some_and(|e| e == "xml") {
            for sentence in cat_sentences(&text) {
                corpus.add_tokens(sentence.iter().map(String::as_str));
            }
        } else if path.extension().is_some_and(|e| e == "jsonl") {
            for line in text.lines() {
                let Ok(row) = serde_json::from_str::<Value>(line) else {
                    continue;
                };
                if let Some(t) = row.get("text").and_then(Value::as_str) {
                    corpus.add_text(t);
                }
            }
        } else {
            corpus.add_text(&text);
        }
    }
    if corpus.tokens() == 0 {
        anyhow::bail!("no text: give --ud-dir and/or --text");
    }
    let options = dyad_text::clusters::ClusterOptions {
        sizes: args.sizes.clone(),
        min_count: args.min_count,
        ..Default::default()
    };
    let learned = dyad_text::clusters::learn(&corpus, &options, &mut |line| {
        eprintln!("[{:7.1}s] {line}", started.elapsed().as_secs_f64());
    });
    std::fs::write(&args.out, learned.to_text())
        .with_context(|| format!("cannot write {}", args.out.display()))?;
    eprintln!(
        "wrote {} ({} words, {} tokens of text)",
        args.out.display(),
        learned.words.len(),
        corpus.tokens()
    );
    Ok(ExitCode::SUCCESS)
}

/// `dyad bench` for the understanding stage: full analysis (tokenise, split,
/// tag, parse, lemmas, features, mentions) of up to `limit` corpus rows with
/// a `text` field, on one thread.
// Called by `dyad bench` (wired in `commands/bench.rs`).
pub fn bench(corpus: &Path, limit: usize) -> anyhow::Result<Value> {
    let data = std::fs::read_to_string(corpus)
        .with_context(|| format!("cannot read {}", corpus.display()))?;
    let texts: Vec<String> = data
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .filter_map(|v| v.get("text").and_then(Value::as_str).map(str::to_string))
        .filter(|t| !t.trim().is_empty())
        .take(limit)
        .collect();
    let analyzer = analyzer()?;
    let cpu_before = cpu_seconds();
    let started = Instant::now();
    let mut words = 0usize;
    let mut mentions = 0usize;
    for t in &texts {
        let a = analyzer.analyze(t);
        words += a.sentences.iter().map(|s| s.tokens.len()).sum::<usize>();
        mentions += a.mentions.len();
    }
    let seconds = started.elapsed().as_secs_f64();
    // CPU time as well as wall time: on a shared machine wall time
    // understates what one core does.
    let cpu = cpu_seconds()
        .zip(cpu_before)
        .map(|(after, before)| after - before);
    Ok(json!({
        "stage": "parse",
        "docs": texts.len(),
        "words": words,
        "mentions": mentions,
        "seconds": seconds,
        "words_per_s": words as f64 / seconds.max(1e-9),
        "cpu_seconds": cpu,
        "words_per_cpu_s": cpu.map(|c| words as f64 / c.max(1e-9)),
    }))
}

/// User + system CPU time of this process, where the platform says (Linux).
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let fields: Vec<&str> = stat.rsplit(')').next()?.split_whitespace().collect();
    let user: f64 = fields.get(11)?.parse().ok()?;
    let system: f64 = fields.get(12)?.parse().ok()?;
    // Linux reports clock ticks, 100 per second on every mainstream configuration.
    Some((user + system) / 100.0)
}
