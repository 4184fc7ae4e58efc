//! `dyad time` (owned by the temporal stage).
use clap::Args;
use std::process::ExitCode;

#[derive(Args)]
pub struct TimeArgs {
    pub text: Option<String>,
}

pub fn run(_args: TimeArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`dyad time` is not built yet")
}
