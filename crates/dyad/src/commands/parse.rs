//! `dyad parse` and `dyad train` (owned by the understanding stage).
use clap::Args;
use std::process::ExitCode;

#[derive(Args)]
pub struct ParseArgs {
    /// Files, directories or `-`.
    pub paths: Vec<std::path::PathBuf>,
}

#[derive(Args)]
pub struct TrainArgs {}

pub fn run(_args: ParseArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`dyad parse` is not built yet")
}

pub fn train(_args: TrainArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`dyad train` is not built yet")
}
