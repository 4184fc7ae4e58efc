//! Property tests: the parsers and the resolver accept any text without
//! panicking, and spans always lie on character boundaries of the input.

use dyad_kb::{cameo_to_dyad, KnowledgeBase};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn resolve_never_panics_and_spans_are_valid(text in "\\PC{0,200}") {
        let kb = KnowledgeBase::builtin();
        let date = chrono::NaiveDate::from_ymd_opt(2022, 1, 7).expect("date");
        for m in kb.resolve_text(&text, date) {
            prop_assert!(m.span.start <= m.span.end && m.span.end <= text.len());
            prop_assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
            prop_assert_eq!(&text[m.span.start..m.span.end], m.text.as_str());
        }
    }

    #[test]
    fn resolve_handles_name_like_text(words in proptest::collection::vec("(Japanese|Foreign|Minister|Kishi|Nobuo|U\\.S\\.|the|Kremlin|former|'s|,|Blinken|President)", 0..12)) {
        let text = words.join(" ");
        let kb = KnowledgeBase::builtin();
        let date = chrono::NaiveDate::from_ymd_opt(2024, 7, 28).expect("date");
        for m in kb.resolve_text(&text, date) {
            prop_assert_eq!(&text[m.span.start..m.span.end], m.text.as_str());
        }
    }

    #[test]
    fn cameo_and_tables_never_panic(text in "(\\PC|\t|\n|\\[|\\]|\\+|~|>|<){0,300}") {
        let _ = cameo_to_dyad("p.txt", &text);
        let _ = dyad_kb::check_file("p.tsv", &text);
        let header = format!("country\trole\tname\tstart\tend\tpost\taliases\tsource\n{text}");
        let _ = dyad_kb::check_file("p.tsv", &header);
        let _ = KnowledgeBase::with_layers(&[("p.tsv", &header)]);
    }
}
