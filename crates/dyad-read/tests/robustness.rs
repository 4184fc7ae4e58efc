//! The reader never panics, and bad input gets a clear reason.

use dyad_read::{ReadError, ReadOptions, Reader};
use proptest::prelude::*;

fn read(name: &str, bytes: &[u8]) -> Vec<Result<dyad_core::Document, ReadError>> {
    Reader::new().read_bytes("x", name, bytes, &ReadOptions::default())
}

fn check_document(d: &dyad_core::Document) {
    for p in &d.paragraphs {
        assert!(
            p.slice(&d.text).is_some(),
            "paragraph span {p:?} does not fit the text"
        );
    }
    assert!(
        !d.text.contains("\n\n\n"),
        "paragraphs are separated by one blank line"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_bytes_read_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        for name in ["a.txt", "a.html", "a.jsonl"] {
            for d in read(name, &bytes).into_iter().flatten() {
                check_document(&d);
            }
        }
    }

    #[test]
    fn any_text_reads_without_panic(text in "\\PC{0,600}") {
        for d in read("a.txt", text.as_bytes()).into_iter().flatten() {
            check_document(&d);
        }
    }

    #[test]
    fn markup_soup_reads_without_panic(
        parts in proptest::collection::vec(
            prop_oneof![
                Just("<p>".to_string()), Just("</p>".to_string()), Just("<div class=\"share\">".to_string()),
                Just("</div>".to_string()), Just("<article>".to_string()), Just("<script>x<y</script>".to_string()),
                Just("<!-- c".to_string()), Just("-->".to_string()), Just("<figure><figcaption>".to_string()),
                Just("<br>".to_string()), Just("<a href=x>".to_string()), Just("</a>".to_string()),
                "[A-Za-z ,.’“”]{0,80}",
            ],
            0..80,
        )
    ) {
        let html = format!("<html><body>{}</body></html>", parts.concat());
        for d in read("a.html", html.as_bytes()).into_iter().flatten() {
            check_document(&d);
        }
    }

    #[test]
    fn date_spans_sit_on_char_boundaries(text in "\\PC{0,200}") {
        for m in dyad_read::parse_date_text(&text) {
            prop_assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
            prop_assert!(m.start < m.end && m.end <= text.len());
        }
    }
}

#[test]
fn bad_inputs_are_named_errors() {
    let one = |name: &str, bytes: &[u8]| read(name, bytes).into_iter().next().expect("one result");
    assert_eq!(one("a.txt", b""), Err(ReadError::Empty));
    assert_eq!(one("a.txt", b"  \n\t "), Err(ReadError::Empty));
    assert!(matches!(
        one("a.txt", b"abc\0def"),
        Err(ReadError::Binary { offset: 3 })
    ));
    assert!(matches!(
        one("a.txt", b"Caf\xe9 au lait"),
        Err(ReadError::InvalidUtf8 { offset: 3 })
    ));
    let big = vec![b'a'; 2000];
    let small = ReadOptions {
        max_bytes: 1000,
        ..Default::default()
    };
    let r = Reader::new().read_bytes("x", "a.txt", &big, &small);
    assert!(matches!(
        r[0],
        Err(ReadError::TooLarge {
            size: 2000,
            limit: 1000
        })
    ));
    let deep = format!("<html><body>{}hello</body></html>", "<div>".repeat(100_000));
    let e = one("a.html", deep.as_bytes()).expect_err("too deep");
    assert!(matches!(e, ReadError::TooDeep { .. }), "{e}");
    assert!(e.to_string().contains("nested"), "{e}");
}

#[test]
fn a_bad_corpus_row_does_not_stop_the_others() {
    let corpus = b"{\"id\":\"a\",\"text\":\"Talks were held in Tokyo on Friday. Both sides agreed to meet again.\"}\n\
{not json}\n\
{\"id\":\"b\"}\n\
[1,2]\n\
{\"id\":\"c\",\"text\":\"Ministers met in Geneva.\",\"published\":\"2022-01-07\"}\n";
    let r = read("c.jsonl", corpus);
    assert_eq!(r.len(), 5);
    assert_eq!(r[0].as_ref().map(|d| d.id.as_str()), Ok("a"));
    assert!(matches!(
        &r[1],
        Err(ReadError::MalformedRow { line: 2, .. })
    ));
    let e = r[2].as_ref().expect_err("no text");
    assert!(
        e.to_string().contains("line 3") && e.to_string().contains("text"),
        "{e}"
    );
    assert!(matches!(
        &r[3],
        Err(ReadError::MalformedRow { line: 4, .. })
    ));
    let c = r[4].as_ref().expect("row c");
    let p = c.published.as_ref().expect("published from the row");
    assert_eq!(p.value.to_iso(), "2022-01-07");
    assert_eq!(p.from, dyad_core::PublishedFrom::Input);
}

#[test]
fn plain_text_head_and_furniture() {
    let text = "Ministers to meet in Geneva next week\n\n\
GENEVA (Harbour Wire) – Foreign ministers of the two countries will meet in Geneva on Tuesday, officials said.\n\n\
Advertisement\n\n\
The talks follow months of tension over trade and security in the region, diplomats said on Monday.\n\n\
Tags Geneva diplomacy talks\n\n\
Published 7 March 2023\n";
    let d = Reader::new()
        .read_text("g", "g.txt", text, &ReadOptions::default())
        .expect("read");
    assert_eq!(
        d.title.as_deref(),
        Some("Ministers to meet in Geneva next week")
    );
    assert_eq!(d.dateline.as_deref(), Some("Geneva"));
    assert_eq!(d.outlet.as_deref(), Some("Harbour Wire"));
    assert_eq!(
        d.published.as_ref().map(|p| p.value.to_iso()).as_deref(),
        Some("2023-03-07")
    );
    assert!(!d.text.contains("Advertisement") && !d.text.contains("Tags"));
    assert_eq!(d.paragraphs.len(), 2);
    assert_eq!(d.language.as_deref(), Some("en"));
}

/// A dateline standing alone with its date after the dash, and a clock time
/// ("SOCHI, Russia (Anvil) – 4 September 2023, 17:05 GMT"), states the
/// publication date and the place; it is not body text.
#[test]
fn a_dateline_line_with_the_date_after_the_dash() {
    let text = "Putin tells Erdogan grain deal must wait\n\n\
                SOCHI, Russia (Anvil) – 4 September 2023, 17:05 GMT\n\n\
                Russian President Vladimir Putin told Turkish President Tayyip Erdogan on Monday \
                that Moscow would not yet return to the grain deal.\n";
    let doc = Reader::new()
        .read_text("s", "s.txt", text, &ReadOptions::default())
        .expect("read");
    assert_eq!(
        doc.published.as_ref().map(|p| p.value.to_iso()).as_deref(),
        Some("2023-09-04T17:05")
    );
    assert_eq!(doc.dateline.as_deref(), Some("Sochi"));
    assert!(!doc.text.contains("17:05"), "{}", doc.text);
}

#[test]
fn a_date_on_the_byline_line_and_a_kicker_above_the_headline() {
    let html = "<html><head><title>Deal signed | The Courier</title></head><body>\
                <article><p class=\"section\">Balkans</p>\
                <h1>Serbia and Kosovo sign economic deal</h1>\
                <p class=\"meta\">By Ana Petrovic and Arta Gashi · September 4, 2020</p>\
                <p>WASHINGTON – Serbia and Kosovo signed commitments to normalise their economic \
                ties in the Oval Office on Friday, in a ceremony presided over by the president.</p>\
                <p>The documents cover a rail link, a motorway and a border crossing, officials \
                said after two days of talks at the White House.</p></article></body></html>";
    let r = Reader::new().read_html("k", "k.html", html, &ReadOptions::default());
    let doc = r.expect("read");
    assert_eq!(
        doc.published.as_ref().map(|p| p.value.to_iso()).as_deref(),
        Some("2020-09-04")
    );
    assert_eq!(
        doc.title.as_deref(),
        Some("Serbia and Kosovo sign economic deal")
    );
    assert_eq!(doc.byline.as_deref(), Some("Ana Petrovic and Arta Gashi"));
    assert!(!doc.text.contains("Balkans"), "{}", doc.text);
}
