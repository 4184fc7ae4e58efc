//! `dyad read PATH...`: documents as JSON Lines.

use crate::{input, output};
use clap::Args;
use dyad_read::{ReadOptions, Reader};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args, Clone)]
pub struct ReadArgs {
    /// Files, directories (read recursively) or `-` for stdin: plain text, HTML,
    /// JSON Lines corpora, optionally gzip-compressed (`.gz`).
    pub paths: Vec<PathBuf>,
    /// Publication date for inputs that carry none (ISO 8601: 2022-01-07, 2022-01-07T09:30+09:00).
    #[arg(long, value_parser = parse_date)]
    pub published: Option<dyad_core::DateValue>,
    /// Refuse inputs larger than this many bytes (after decompression).
    #[arg(long, default_value_t = dyad_read::DEFAULT_MAX_BYTES)]
    pub max_bytes: usize,
    /// Layer a cue file of your own over the built-in ones: KIND=FILE, where KIND is
    /// boilerplate, outlets, media-words, eras or stopwords (formats: crates/dyad-read/data/README.md).
    #[arg(long = "cues", value_name = "KIND=FILE")]
    pub cues: Vec<String>,
}

/// The reader with the user's cue files layered over the built-in cues.
pub fn reader_for(args: &ReadArgs) -> anyhow::Result<Reader> {
    let mut cues = dyad_read::Cues::builtin().clone();
    for spec in &args.cues {
        let (kind, file) = spec
            .split_once('=')
            .ok_or_else(|| anyhow::anyhow!("--cues {spec:?}: expected KIND=FILE"))?;
        let kind = match kind {
            "boilerplate" => dyad_read::CueFile::Boilerplate,
            "outlets" => dyad_read::CueFile::Outlets,
            "media-words" => dyad_read::CueFile::MediaWords,
            "eras" => dyad_read::CueFile::Eras,
            "stopwords" => dyad_read::CueFile::Stopwords,
            other => anyhow::bail!("--cues: unknown kind {other:?} (boilerplate, outlets, media-words, eras, stopwords)"),
        };
        let text = std::fs::read_to_string(file).map_err(|e| anyhow::anyhow!("{file}: {e}"))?;
        cues = cues.with_layer(kind, file, &text)?;
    }
    // Office terms from the knowledge base help date reports that state no date.
    let evidence = crate::evidence::OfficeTermEvidence::new(dyad_kb::KnowledgeBase::builtin());
    Ok(Reader::with_cues(cues).with_evidence(std::sync::Arc::new(evidence)))
}

pub fn parse_date(s: &str) -> Result<dyad_core::DateValue, String> {
    dyad_read::parse_published(s).ok_or_else(|| format!("not an ISO 8601 date: {s:?}"))
}

/// Reads every input and calls `each` with every document; reports rejections on
/// stderr. Returns the number of rejected inputs (files or corpus rows).
pub fn for_each_document(
    args: &ReadArgs,
    reader: &Reader,
    mut each: impl FnMut(dyad_core::Document) -> anyhow::Result<()>,
) -> anyhow::Result<usize> {
    let (files, rejected) = input::expand(&args.paths);
    let mut bad = 0;
    for r in rejected {
        eprintln!("dyad: {}: {}", r.source, r.reason);
        bad += 1;
    }
    let today = chrono::Local::now().date_naive();
    for f in files {
        // A corpus holds many reports: its limit is per row, and the file may be larger.
        let limit = if input::is_corpus(&f) {
            args.max_bytes.saturating_mul(dyad_read::CORPUS_SIZE_FACTOR)
        } else {
            args.max_bytes
        };
        let inp = match input::load(&f, limit) {
            Ok(i) => i,
            Err(reason) => {
                eprintln!("dyad: {}: {reason}", f.display());
                bad += 1;
                continue;
            }
        };
        let opts = ReadOptions {
            published: args.published,
            max_bytes: args.max_bytes,
            url: None,
            today: Some(today),
        };
        for res in reader.read_bytes(&inp.id, &inp.source, &inp.bytes, &opts) {
            match res {
                Ok(doc) => each(doc)?,
                Err(e) => {
                    eprintln!("dyad: {}: {e}", inp.source);
                    bad += 1;
                }
            }
        }
    }
    Ok(bad)
}

pub fn run(args: ReadArgs) -> anyhow::Result<ExitCode> {
    if args.paths.is_empty() {
        anyhow::bail!("give PATH... to read (files, directories, or - for stdin)");
    }
    let reader = reader_for(&args)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let bad = for_each_document(&args, &reader, |doc| {
        output::emit(&mut out, &output::document_json(&doc))
    })?;
    out.flush()?;
    Ok(if bad > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}
