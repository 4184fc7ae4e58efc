//! Reading and writing CoNLL-U text (no file access: callers pass strings).

use dyad_core::Diagnostic;

/// One syntactic word line.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ConlluWord {
    pub id: usize,
    pub form: String,
    pub lemma: String,
    pub upos: String,
    pub xpos: String,
    pub feats: String,
    /// 0 for the root.
    pub head: usize,
    pub deprel: String,
    pub deps: String,
    pub misc: String,
}

impl ConlluWord {
    /// `SpaceAfter=No` in MISC.
    pub fn space_after(&self) -> bool {
        !self.misc.split('|').any(|m| m == "SpaceAfter=No")
    }
}

/// A line of a sentence block.
#[derive(Debug, Clone, PartialEq)]
pub enum ConlluLine {
    Word(ConlluWord),
    /// A multiword token `first-last` with its surface form and MISC.
    Range {
        first: usize,
        last: usize,
        form: String,
        misc: String,
    },
    /// An empty node (`8.1`), kept verbatim.
    Empty(String),
}

/// A sentence block: comments and lines.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ConlluSentence {
    pub comments: Vec<String>,
    pub lines: Vec<ConlluLine>,
}

impl ConlluSentence {
    pub fn words(&self) -> impl Iterator<Item = &ConlluWord> {
        self.lines.iter().filter_map(|l| match l {
            ConlluLine::Word(w) => Some(w),
            _ => None,
        })
    }
    pub fn words_mut(&mut self) -> impl Iterator<Item = &mut ConlluWord> {
        self.lines.iter_mut().filter_map(|l| match l {
            ConlluLine::Word(w) => Some(w),
            _ => None,
        })
    }
    /// The value of a `# key = value` comment.
    pub fn comment(&self, key: &str) -> Option<&str> {
        self.comments.iter().find_map(|c| {
            let rest = c.strip_prefix('#')?.trim_start();
            let rest = rest.strip_prefix(key)?.trim_start();
            let value = rest.strip_prefix('=')?;
            Some(value.trim())
        })
    }
    pub fn has_comment(&self, key: &str) -> bool {
        self.comments.iter().any(|c| {
            c.strip_prefix('#')
                .is_some_and(|r| r.trim_start().starts_with(key))
        })
    }
}

/// Parses CoNLL-U text. Malformed lines are skipped with a diagnostic naming
/// the line number.
pub fn parse(text: &str) -> (Vec<ConlluSentence>, Vec<Diagnostic>) {
    let mut sentences = Vec::new();
    let mut diagnostics = Vec::new();
    let mut current = ConlluSentence::default();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !current.lines.is_empty() || !current.comments.is_empty() {
                sentences.push(std::mem::take(&mut current));
            }
            continue;
        }
        if line.starts_with('#') {
            current.comments.push(line.to_string());
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            diagnostics.push(Diagnostic::warning(format!(
                "line {}: expected 10 tab-separated columns, found {}",
                n + 1,
                cols.len()
            )));
            continue;
        }
        let id = cols[0];
        if let Some((a, b)) = id.split_once('-') {
            match (a.parse(), b.parse()) {
                (Ok(first), Ok(last)) => current.lines.push(ConlluLine::Range {
                    first,
                    last,
                    form: cols[1].to_string(),
                    misc: cols[9].to_string(),
                }),
                _ => diagnostics.push(Diagnostic::warning(format!(
                    "line {}: bad range id {id:?}",
                    n + 1
                ))),
            }
            continue;
        }
        if id.contains('.') {
            current.lines.push(ConlluLine::Empty(line.to_string()));
            continue;
        }
        let Ok(idn) = id.parse::<usize>() else {
            diagnostics.push(Diagnostic::warning(format!(
                "line {}: bad word id {id:?}",
                n + 1
            )));
            continue;
        };
        current.lines.push(ConlluLine::Word(ConlluWord {
            id: idn,
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: cols[3].to_string(),
            xpos: cols[4].to_string(),
            feats: cols[5].to_string(),
            head: cols[6].parse().unwrap_or(0),
            deprel: cols[7].to_string(),
            deps: cols[8].to_string(),
            misc: cols[9].to_string(),
        }));
    }
    if !current.lines.is_empty() || !current.comments.is_empty() {
        sentences.push(current);
    }
    (sentences, diagnostics)
}

fn or_blank(s: &str) -> &str {
    if s.is_empty() {
        "_"
    } else {
        s
    }
}

/// Writes sentences as CoNLL-U (each block followed by a blank line).
pub fn write(sentences: &[ConlluSentence], out: &mut String) {
    use std::fmt::Write;
    for s in sentences {
        for c in &s.comments {
            out.push_str(c);
            out.push('\n');
        }
        for line in &s.lines {
            match line {
                ConlluLine::Word(w) => {
                    let _ = writeln!(
                        out,
                        "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                        w.id,
                        or_blank(&w.form),
                        or_blank(&w.lemma),
                        or_blank(&w.upos),
                        or_blank(&w.xpos),
                        or_blank(&w.feats),
                        w.head,
                        or_blank(&w.deprel),
                        or_blank(&w.deps),
                        or_blank(&w.misc)
                    );
                }
                ConlluLine::Range {
                    first,
                    last,
                    form,
                    misc,
                } => {
                    let _ = writeln!(
                        out,
                        "{first}-{last}\t{}\t_\t_\t_\t_\t_\t_\t_\t{}",
                        or_blank(form),
                        or_blank(misc)
                    );
                }
                ConlluLine::Empty(raw) => {
                    out.push_str(raw);
                    out.push('\n');
                }
            }
        }
        out.push('\n');
    }
}
