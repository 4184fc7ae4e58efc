//! `dyad code PATH...`: event mentions, one per event a sentence reports.

use crate::commands::read::{for_each_document, reader_for, ReadArgs};
use crate::output;
use crate::pipeline::Pipeline;
use clap::Args;
use dyad_core::{CharOffsets, Document, Published, PublishedFrom};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub struct CodeArgs {
    #[command(flatten)]
    pub read: ReadArgs,
    /// Code this one sentence instead of files (use with --published).
    #[arg(long, conflicts_with = "paths")]
    pub sentence: Option<String>,
    /// A knowledge-base file layered over the built-in one (dyad's format, or a
    /// PETRARCH/TABARI CAMEO actor or agent dictionary). Repeatable.
    #[arg(long = "kb", value_name = "FILE")]
    pub kb: Vec<PathBuf>,
    /// A pattern file layered over dyad's own (dyad's format, or a CAMEO verb dictionary).
    #[arg(long, value_name = "FILE")]
    pub patterns: Option<PathBuf>,
}

pub fn run(args: CodeArgs) -> anyhow::Result<ExitCode> {
    let pipeline = Pipeline::builtin()?.with_user_files(&args.kb, args.patterns.as_deref())?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut emit = |doc: Document| -> anyhow::Result<()> {
        let coded = pipeline.run(&doc);
        let co = CharOffsets::new(&doc.text);
        for m in &coded.mentions {
            output::emit(&mut out, &output::mention_json(m, &co))?;
        }
        Ok(())
    };
    if let Some(sentence) = &args.sentence {
        let doc = Document {
            id: "sentence".into(),
            source: "--sentence".into(),
            text: sentence.clone(),
            published: args.read.published.map(|value| Published {
                value,
                from: PublishedFrom::Input,
                confidence: 1.0,
                evidence: Some("--published".into()),
                span: None,
            }),
            ..Default::default()
        };
        emit(doc)?;
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    if args.read.paths.is_empty() {
        anyhow::bail!("give PATH... to code, or --sentence TEXT --published DATE");
    }
    let reader = reader_for(&args.read)?;
    let bad = for_each_document(&args.read, &reader, &mut emit)?;
    out.flush()?;
    Ok(if bad > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}
