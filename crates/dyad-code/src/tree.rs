//! Reading a sentence's dependency tree: children, subtrees, relations.

use dyad_core::Span;
use dyad_text::{Sentence, Token};

pub struct Tree<'s> {
    pub tokens: &'s [Token],
    children: Vec<Vec<usize>>,
}

impl<'s> Tree<'s> {
    pub fn new(sentence: &'s Sentence) -> Tree<'s> {
        let n = sentence.tokens.len();
        let mut children = vec![Vec::new(); n];
        for (i, t) in sentence.tokens.iter().enumerate() {
            if let Some(h) = t.head.filter(|&h| h < n && h != i) {
                children[h].push(i);
            }
        }
        Tree {
            tokens: &sentence.tokens,
            children,
        }
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn head(&self, i: usize) -> Option<usize> {
        self.tokens
            .get(i)?
            .head
            .filter(|&h| h < self.len() && h != i)
    }

    pub fn rel(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| t.deprel.as_str())
    }

    /// The relation without its subtype (`nsubj:pass` → `nsubj`).
    pub fn base_rel(&self, i: usize) -> &str {
        self.rel(i).split(':').next().unwrap_or("")
    }

    pub fn lemma(&self, i: usize) -> String {
        self.tokens
            .get(i)
            .map_or(String::new(), |t| t.lemma.to_lowercase())
    }

    pub fn children(&self, i: usize) -> &[usize] {
        self.children.get(i).map_or(&[], Vec::as_slice)
    }

    /// Children of `i` with one of the relations `rels` (full or base names).
    pub fn children_with<'a>(
        &'a self,
        i: usize,
        rels: &'a [&'a str],
    ) -> impl Iterator<Item = usize> + 'a {
        self.children(i).iter().copied().filter(move |&c| {
            rels.iter()
                .any(|r| self.rel(c) == *r || self.base_rel(c) == *r)
        })
    }

    /// Every token under `i`, itself included, in order. Iterative: no recursion
    /// on input-derived depth; a malformed tree with cycles terminates.
    pub fn subtree(&self, i: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut seen = vec![false; self.len()];
        let mut stack = vec![i];
        while let Some(x) = stack.pop() {
            if x >= self.len() || seen[x] {
                continue;
            }
            seen[x] = true;
            out.push(x);
            stack.extend(self.children(x).iter().copied());
        }
        out.sort_unstable();
        out
    }

    /// The byte span covering the subtree of `i`.
    pub fn subtree_span(&self, i: usize) -> Option<Span> {
        let sub = self.subtree(i);
        let first = self.tokens.get(*sub.first()?)?.span.start;
        let last = self.tokens.get(*sub.last()?)?.span.end;
        Some(Span::new(first, last))
    }

    /// The preposition (`case` child) introducing `i`, lower case.
    pub fn case_of(&self, i: usize) -> Option<String> {
        self.children_with(i, &["case"])
            .next()
            .map(|c| self.lemma(c))
    }

    /// `i` and the tokens conjoined with it ("Japan and the United States").
    pub fn with_conjuncts(&self, i: usize) -> Vec<usize> {
        let mut out = vec![i];
        let mut k = 0;
        while k < out.len() && out.len() < 16 {
            let x = out[k];
            out.extend(self.children_with(x, &["conj"]));
            k += 1;
        }
        out
    }
}
