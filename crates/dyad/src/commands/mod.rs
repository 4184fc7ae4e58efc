//! One module per subcommand. Each exposes an `Args` struct (clap) and a `run`
//! function returning the exit status the contract prescribes:
//! 0 all inputs handled, 2 some inputs rejected, 1 nothing could be done.
pub mod bench;
pub mod code;
pub mod demo;
pub mod events;
pub mod ingest;
pub mod kb;
pub mod mentions;
pub mod parse;
pub mod read;
pub mod search;
pub mod serve;
pub mod time;
