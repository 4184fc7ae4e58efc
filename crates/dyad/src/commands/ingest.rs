//! `dyad ingest` (owned by the fusion and store stage; being built).
use clap::Args;
use std::process::ExitCode;

#[derive(Args)]
pub struct IngestArgs {}

pub fn run(_args: IngestArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`dyad ingest` is not built yet")
}
