//! `dyad serve [--db URL] [--addr HOST:PORT]`: the store as a web application
//! (timeline, event pages with their evidence, actors, network, conflicts,
//! search) and a JSON API under `/api/v1` (crate `dyad-serve`).

use crate::commands::events::open_existing;
use crate::commands::ingest::DEFAULT_DB;
use anyhow::Context;
use clap::Args;
use std::process::ExitCode;

#[derive(Args)]
pub struct ServeArgs {
    /// The store: a SQLite file (default ./dyad.db) or a postgres:// URL.
    #[arg(long, default_value = DEFAULT_DB)]
    pub db: String,
    /// Where to listen; port 0 picks a free port (the address is printed).
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: String,
    /// Store connections serving requests side by side (default: one per core, 2 to 16).
    #[arg(long)]
    pub connections: Option<usize>,
}

pub fn run(args: ServeArgs) -> anyhow::Result<ExitCode> {
    // Fails early, with the usual message, when there is no store to serve.
    drop(open_existing(&args.db)?);
    let connections = args.connections.unwrap_or_else(|| {
        std::thread::available_parallelism()
            .map_or(4, |n| n.get())
            .clamp(2, 16)
    });
    let app = dyad_serve::App::open(&args.db, connections)
        .with_context(|| format!("cannot open the store {}", args.db))?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(&args.addr)
            .await
            .with_context(|| format!("cannot listen on {}", args.addr))?;
        let addr = listener.local_addr()?;
        // One line on stdout, so that scripts and tests learn the port.
        println!("dyad serve: listening on http://{addr}/");
        eprintln!("dyad serve: the store {} — press Ctrl-C to stop", args.db);
        let shutdown = async {
            // If the signal cannot be watched, serve until killed.
            if tokio::signal::ctrl_c().await.is_err() {
                std::future::pending::<()>().await;
            }
        };
        dyad_serve::serve(listener, app, shutdown)
            .await
            .context("serving")?;
        anyhow::Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}
