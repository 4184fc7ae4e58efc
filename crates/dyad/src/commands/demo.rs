//! `dyad demo`.
use clap::Args;
use std::process::ExitCode;

#[derive(Args)]
pub struct DemoArgs {}

pub fn run(_args: DemoArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`dyad demo` is not built yet")
}
