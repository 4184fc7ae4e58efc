//! Tagging any text never panics and yields ordered, in-bounds spans on char
//! boundaries.

use dyad_time::{tag, NoHints, Reference};
use proptest::prelude::*;

fn reference() -> Reference {
    Reference::parse("2022-01-07").unwrap()
}

fn check(text: &str) {
    let found = tag(text, reference(), &NoHints);
    let mut last_end = 0;
    for t in &found {
        assert!(t.span.start < t.span.end, "empty span {t:?}");
        assert!(t.span.end <= text.len());
        assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        assert!(t.span.start >= last_end, "overlap at {t:?}");
        last_end = t.span.end;
        assert!(!t.value.is_empty());
    }
}

proptest! {
    #[test]
    fn arbitrary_text(text in "\\PC{0,200}") {
        check(&text);
    }

    #[test]
    fn date_like_text(words in proptest::collection::vec(
        prop_oneof![
            Just("Jan."), Just("7"), Just(","), Just("2022"), Just("last"), Just("next"), Just("the"),
            Just("early"), Just("mid"), Just("-"), Just("Friday"), Just("morning"), Just("a"), Just("year"),
            Just("ago"), Just("earlier"), Just("10:35"), Just("p.m."), Just("1/2"), Just("quarter"),
            Just("third"), Just("fiscal"), Just("'"), Just("90s"), Just("s"), Just("99999999999999999999"),
            Just("0"), Just("31"), Just("Feb."), Just("30"), Just("é"), Just("’s"), Just("Christmas"),
            Just("every"), Just("."), Just("9999"), Just("decades"), Just("for"),
        ], 0..14)) {
        check(&words.join(" "));
        check(&words.concat());
    }
}

#[test]
fn hostile_inputs() {
    for text in [
        "",
        " ",
        "\u{0}",
        "Feb. 30, 2022",
        "99999999999999999999 years ago",
        "13/45/2022",
        "25:99 p.m.",
        "the 0th quarter",
        "9999-99-99",
        "week 53",
        "’",
        "a.",
        "1/0 years",
    ] {
        check(text);
    }
}

#[test]
fn extreme_references() {
    let text = "On Friday, 99999999999999999 days ago, last week, the weekend, next year, Jan. 7, \
        Christmas, 10 p.m. Sunday, the following day, a year earlier, the third quarter.";
    for date in [chrono::NaiveDate::MIN, chrono::NaiveDate::MAX] {
        let _ = tag(text, Reference::date(date), &NoHints);
    }
}
