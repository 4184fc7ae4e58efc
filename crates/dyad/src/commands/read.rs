//! `dyad read`.
use clap::Args;
use std::process::ExitCode;

#[derive(Args)]
pub struct ReadArgs {
    pub paths: Vec<std::path::PathBuf>,
}

pub fn run(_args: ReadArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`dyad read` is not built yet")
}
