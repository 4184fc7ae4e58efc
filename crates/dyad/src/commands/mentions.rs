//! `dyad mentions` (owned by the fusion and store stage; being built).
use clap::Args;
use std::process::ExitCode;

#[derive(Args)]
pub struct MentionsArgs {}

pub fn run(_args: MentionsArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`dyad mentions` is not built yet")
}
