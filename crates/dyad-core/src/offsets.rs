/// Converts byte offsets into a text to character (Unicode scalar) offsets, the
/// unit the command-line contract and the scorers use.
///
/// Built once per text in O(n); each lookup is O(log k) in the number of
/// multi-byte characters, and O(1) for pure ASCII text.
#[derive(Debug, Clone)]
pub struct CharOffsets {
    /// Byte offsets of every character whose UTF-8 form is longer than one byte,
    /// with the extra bytes accumulated up to and including it.
    wide: Vec<(usize, usize)>,
    len: usize,
}

impl CharOffsets {
    pub fn new(text: &str) -> Self {
        let mut wide = Vec::new();
        let mut extra = 0;
        for (i, c) in text.char_indices() {
            let l = c.len_utf8();
            if l > 1 {
                extra += l - 1;
                wide.push((i, extra));
            }
        }
        CharOffsets {
            wide,
            len: text.len(),
        }
    }

    /// The character offset of byte offset `byte` (clamped to the text's length).
    /// A byte inside a multi-byte character maps to that character's index.
    pub fn char_of(&self, byte: usize) -> usize {
        let byte = byte.min(self.len);
        // Extra bytes contributed by wide characters starting strictly before `byte`.
        let n = self.wide.partition_point(|&(b, _)| b < byte);
        let extra = if n == 0 { 0 } else { self.wide[n - 1].1 };
        // A byte strictly inside the last wide char counts the char once.
        if n > 0 {
            let (b, e) = self.wide[n - 1];
            let prev = if n >= 2 { self.wide[n - 2].1 } else { 0 };
            let width = e - prev + 1;
            if byte < b + width {
                return b - prev;
            }
        }
        byte - extra
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_bytes_to_chars() {
        let text = "a’b“c”d";
        let co = CharOffsets::new(text);
        for (ci, (bi, _)) in text.char_indices().enumerate() {
            assert_eq!(co.char_of(bi), ci, "byte {bi}");
        }
        assert_eq!(co.char_of(text.len()), text.chars().count());
        let ascii = CharOffsets::new("hello");
        assert_eq!(ascii.char_of(3), 3);
    }
}
