//! `dyad search` (owned by the fusion and store stage; being built).
use clap::Args;
use std::process::ExitCode;

#[derive(Args)]
pub struct SearchArgs {}

pub fn run(_args: SearchArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`dyad search` is not built yet")
}
