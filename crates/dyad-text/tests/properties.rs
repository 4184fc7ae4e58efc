//! Properties that must hold for any input: no panics, spans in order, within
//! bounds and on character boundaries.
use proptest::prelude::*;

fn check_spans(text: &str) {
    let tokens = dyad_text::tokenize(text);
    let mut last = 0;
    for t in &tokens {
        assert!(t.span.start < t.span.end, "empty token in {text:?}");
        assert!(t.span.start >= last, "overlap in {text:?}");
        assert!(t.span.end <= text.len());
        assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        let s = &text[t.span.start..t.span.end];
        assert!(
            !s.chars().any(char::is_whitespace),
            "whitespace inside token {s:?}"
        );
        last = t.span.end;
    }
    let a = dyad_text::analyze(text);
    let mut last = 0;
    let mut count = 0;
    for s in &a.sentences {
        assert!(s.span.start >= last && s.span.end <= text.len());
        for t in &s.tokens {
            assert!(t.span.start >= last && t.span.end <= text.len());
            assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
            if let Some(h) = t.head {
                assert!(h < s.tokens.len());
            }
            last = t.span.end;
            count += 1;
        }
    }
    assert_eq!(count, tokens.len(), "analysis must keep every token");
    for m in &a.mentions {
        assert!(
            m.span.end <= text.len()
                && text.is_char_boundary(m.span.start)
                && text.is_char_boundary(m.span.end)
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn arbitrary_strings(text in "\\PC{0,80}") {
        check_spans(&text);
    }

    #[test]
    fn newsy_strings(text in "([A-Z][a-z]{0,6}|[a-z]{1,7}|U\\.S\\.|Jan\\.|\\$[0-9]{1,3}(\\.[0-9])?|[0-9]+|[\"'“”’—–\\-.,;:!?()…/]|n't|'s|https?://x\\.com|[ \\n\\t]{1,3}){0,40}") {
        check_spans(&text);
    }
}
