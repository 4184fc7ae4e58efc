//! The whole pipeline for one document: analyse → resolve → code. The binary
//! wires the stage crates together here; `ingest` and `code` call it.

use dyad_core::{Document, EventMention};

/// The event mentions a document reports. Until the coder stage lands this
/// finds none, so that ingest stores documents without inventing events.
#[allow(dead_code)] // called by `ingest`, which the store stage is building
pub fn code_document(_doc: &Document) -> Vec<EventMention> {
    Vec::new()
}
