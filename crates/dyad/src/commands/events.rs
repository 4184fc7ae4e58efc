//! `dyad events` (owned by the fusion and store stage; being built).
use clap::Args;
use std::process::ExitCode;

#[derive(Args)]
pub struct EventsArgs {}

pub fn run(_args: EventsArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`dyad events` is not built yet")
}
