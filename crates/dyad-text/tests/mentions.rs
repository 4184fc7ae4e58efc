//! Named mentions on news sentences.
use dyad_text::{analyze, MentionKind};

#[test]
fn titled_person_with_nationality() {
    let text = "Japanese Foreign Minister Yoshimasa Hayashi met U.S. Secretary of State Antony Blinken in Washington on Wednesday.";
    let a = analyze(text);
    let hayashi = a
        .mentions
        .iter()
        .find(|m| m.text.contains("Hayashi"))
        .expect("Hayashi mention");
    assert_eq!(hayashi.kind, MentionKind::Person);
    assert_eq!(hayashi.modifier.as_deref(), Some("Japanese"));
    assert_eq!(hayashi.modifier_place.as_deref(), Some("Japan"));
    assert_eq!(hayashi.title.as_deref(), Some("Foreign Minister"));
    assert_eq!(hayashi.name.as_deref(), Some("Yoshimasa Hayashi"));
    assert_eq!(hayashi.name_parts, ["Yoshimasa", "Hayashi"]);
    assert_eq!(
        &text[hayashi.span.start..hayashi.span.end],
        "Japanese Foreign Minister Yoshimasa Hayashi"
    );
    let blinken = a
        .mentions
        .iter()
        .find(|m| m.text.contains("Blinken"))
        .expect("Blinken mention");
    assert_eq!(blinken.kind, MentionKind::Person);
    assert_eq!(blinken.title.as_deref(), Some("Secretary of State"));
    assert_eq!(blinken.modifier.as_deref(), Some("U.S."));
    let washington = a
        .mentions
        .iter()
        .find(|m| m.text == "Washington")
        .expect("Washington mention");
    assert_eq!(washington.kind, MentionKind::Gpe);
    assert!(washington.may_be_government);
    assert!(!a.mentions.iter().any(|m| m.text == "Wednesday"));
}

#[test]
fn capitals_organisations_and_repeated_surnames() {
    let text = "Tokyo and Beijing traded accusations. The Bank of Japan held rates. \
                Fumio Kishida spoke first. Kishida later left for Seoul.";
    let a = analyze(text);
    let kind_of = |t: &str| a.mentions.iter().find(|m| m.text == t).map(|m| m.kind);
    assert_eq!(kind_of("Tokyo"), Some(MentionKind::Gpe));
    assert_eq!(kind_of("Beijing"), Some(MentionKind::Gpe));
    assert_eq!(kind_of("Bank of Japan"), Some(MentionKind::Org));
    assert_eq!(kind_of("Fumio Kishida"), Some(MentionKind::Person));
    assert_eq!(kind_of("Kishida"), Some(MentionKind::Person));
    assert_eq!(kind_of("Seoul"), Some(MentionKind::Gpe));
}

#[test]
fn documents_are_analysed_by_their_body() {
    let doc = dyad_core::Document {
        id: "d1".into(),
        text: "Tokyo hosted the talks.\n\nWashington agreed.".into(),
        ..Default::default()
    };
    let a = dyad_text::analyze_document(&doc);
    assert_eq!(a.sentences.len(), 2);
    let second = &a.sentences[1];
    assert_eq!(
        &doc.text[second.span.start..second.span.end],
        "Washington agreed."
    );
    assert_eq!(second.tokens[1].lemma, "agree");
    assert_eq!(second.tokens[1].feat("Tense"), Some("Past"));
    assert_eq!(second.tokens[0].head, Some(1));
    assert_eq!(second.tokens[0].deprel, "nsubj");
}

#[test]
fn a_name_opening_a_sentence_is_a_name_where_the_text_uses_it_as_one() {
    // The tagger reads the opening "Trump" as the common noun; the text
    // names him mid-sentence, which settles it.
    let text = "Trump will go to Helsinki on Monday. Aides said Donald Trump was ready.";
    let a = analyze(text);
    let opening = a.mentions.iter().find(|m| m.span.start == 0);
    assert_eq!(
        opening.map(|m| m.kind),
        Some(MentionKind::Person),
        "{:?}",
        a.mentions
    );
    // A common word opening a sentence stays one.
    let a = analyze("Officials will go to Helsinki on Monday. They met Trump.");
    assert!(
        a.mentions.iter().all(|m| m.span.start != 0),
        "{:?}",
        a.mentions
    );
}

#[test]
fn hyphenated_given_names_are_one_name() {
    // The tokenizer splits "Geun-hye" at its hyphen, as the treebank does;
    // the name is still read whole, its pieces glued back.
    let text = "National Security Council spokesman Ned Price said the president would \
                meet South Korean President Park Geun-hye on Tuesday instead.";
    let a = analyze(text);
    let park = a
        .mentions
        .iter()
        .find(|m| m.text.contains("Park"))
        .expect("Park mention");
    assert_eq!(park.kind, MentionKind::Person);
    assert_eq!(park.title.as_deref(), Some("President"));
    assert_eq!(park.name.as_deref(), Some("Park Geun-hye"));
    assert_eq!(park.name_parts, ["Park", "Geun-hye"]);
    assert_eq!(park.text, "South Korean President Park Geun-hye");
    let a = analyze("Kim Yo-jong said on Tuesday that Jean-Yves Le Drian was wrong.");
    let names: Vec<&str> = a
        .mentions
        .iter()
        .filter(|m| m.kind == MentionKind::Person)
        .filter_map(|m| m.name.as_deref())
        .collect();
    assert!(names.contains(&"Kim Yo-jong"), "{names:?}");
    assert!(names.contains(&"Jean-Yves Le Drian"), "{names:?}");
    // Two names joined by a hyphen are two names, and a word glued to a
    // name ("Moon-led") is no piece of it.
    let a = analyze("The Obama-Duterte talks were off, and the Moon-led coalition split.");
    assert!(!a.mentions.iter().any(|m| m.text.contains("Obama-Duterte")));
    assert!(!a.mentions.iter().any(|m| m.text.contains("Moon-led")));
}
