//! Input: expands paths (directories recursively, `-` for stdin), reads bytes,
//! and decompresses `.gz`, with a size limit. The only place files are opened
//! for reading reports.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

/// One input's bytes, ready for the reader.
pub struct Input {
    /// The file stem (`000_abc` for `seeds/000_abc.txt.gz`), or `stdin`.
    pub id: String,
    /// The path as given (or `-`), for messages and provenance.
    pub source: String,
    pub bytes: Vec<u8>,
}

/// A path that could not be used, with the reason.
pub struct Rejected {
    pub source: String,
    pub reason: String,
}

/// Expands `paths` into files: directories are walked recursively in name order,
/// skipping hidden entries. Paths that do not exist are rejected.
pub fn expand(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Rejected>) {
    let mut files = Vec::new();
    let mut rejected = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            files.push(p.clone());
            continue;
        }
        match fs::metadata(p) {
            Ok(m) if m.is_dir() => walk(p, &mut files, &mut rejected),
            Ok(_) => files.push(p.clone()),
            Err(e) => rejected.push(Rejected {
                source: p.display().to_string(),
                reason: e.to_string(),
            }),
        }
    }
    (files, rejected)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, rejected: &mut Vec<Rejected>) {
    // Iterative, so that a deep directory tree cannot exhaust the stack.
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = match fs::read_dir(&d) {
            Ok(e) => e,
            Err(e) => {
                rejected.push(Rejected {
                    source: d.display().to_string(),
                    reason: e.to_string(),
                });
                continue;
            }
        };
        let mut here: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                !p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'))
            })
            .collect();
        here.sort();
        let mut subdirs = Vec::new();
        for p in here {
            if p.is_dir() {
                subdirs.push(p);
            } else {
                files.push(p);
            }
        }
        // Depth-first in name order: push subdirectories reversed.
        stack.extend(subdirs.into_iter().rev());
    }
    files.sort_by(|a, b| a.parent().cmp(&b.parent()).then(a.cmp(b)));
}

/// The document id a path gives: its file name without `.gz` and the extension.
pub fn id_of(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    match name.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem.to_string(),
        _ => name.to_string(),
    }
}

/// Whether a path names a JSON Lines corpus by its extension.
pub fn is_corpus(path: &Path) -> bool {
    let name = path.to_string_lossy().to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    name.ends_with(".jsonl") || name.ends_with(".ndjson")
}

/// Reads one input, decompressing `.gz`, refusing more than `max_bytes`
/// (after decompression).
pub fn load(path: &Path, max_bytes: usize) -> Result<Input, String> {
    let source = path.display().to_string();
    let limit = max_bytes as u64 + 1;
    let mut raw = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin()
            .lock()
            .take(limit)
            .read_to_end(&mut raw)
            .map_err(|e| e.to_string())?;
        return finish("stdin".into(), "-".into(), raw, max_bytes);
    }
    let file = fs::File::open(path).map_err(|e| e.to_string())?;
    let gz = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"));
    if gz {
        flate2::read::MultiGzDecoder::new(file)
            .take(limit)
            .read_to_end(&mut raw)
            .map_err(|e| format!("cannot decompress gzip: {e}"))?;
    } else {
        file.take(limit)
            .read_to_end(&mut raw)
            .map_err(|e| e.to_string())?;
    }
    finish(id_of(path), source, raw, max_bytes)
}

fn finish(id: String, source: String, bytes: Vec<u8>, max_bytes: usize) -> Result<Input, String> {
    if bytes.len() > max_bytes {
        return Err(format!("input is over the limit of {max_bytes} bytes"));
    }
    Ok(Input { id, source, bytes })
}
