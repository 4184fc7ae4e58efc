//! Morphological features that depend on syntax.
use dyad_text::analyze;

fn token<'a>(a: &'a dyad_text::AnalyzedText, text: &str) -> &'a dyad_text::Token {
    a.sentences
        .iter()
        .flat_map(|s| &s.tokens)
        .find(|t| t.text == text)
        .expect("token")
}

#[test]
fn finite_verbs_agree_with_their_subject() {
    let a = analyze("We agree with them.");
    let agree = token(&a, "agree");
    assert_eq!(agree.feat("Person"), Some("1"));
    assert_eq!(agree.feat("Number"), Some("Plur"));
    assert_eq!(agree.feat("Tense"), Some("Pres"));
    assert_eq!(agree.feat("Mood"), Some("Ind"));
}

#[test]
fn infinitives_and_passives() {
    let a = analyze("The ministers decided to postpone the talks, which were held in Tokyo.");
    assert_eq!(token(&a, "postpone").feat("VerbForm"), Some("Inf"));
    assert_eq!(token(&a, "held").feat("Voice"), Some("Pass"));
    assert_eq!(token(&a, "decided").feat("Tense"), Some("Past"));
    assert_eq!(token(&a, "ministers").feat("Number"), Some("Plur"));
}
