//! Coding through the public API on hand-analysed sentences, so that the
//! coder's rules are tested apart from the parser's accuracy.

use chrono::NaiveDate;
use dyad_code::{CodeInput, Coder};
use dyad_core::{DateValue, EventMention, EventStatus, EventType, Span};
use dyad_text::{AnalyzedText, Sentence, Token};

/// (word, lemma, upos, xpos, feats, head 1-based or 0 for root, deprel)
type Row<'a> = (&'a str, &'a str, &'a str, &'a str, &'a str, usize, &'a str);

fn analysed(rows: &[Row<'_>]) -> (String, AnalyzedText) {
    let mut text = String::new();
    let mut tokens = Vec::new();
    for (w, lemma, upos, xpos, feats, head, rel) in rows {
        if !text.is_empty() && *upos != "PUNCT" {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(w);
        tokens.push(Token {
            span: Span::new(start, text.len()),
            text: w.to_string(),
            lemma: lemma.to_string(),
            upos: upos.to_string(),
            xpos: xpos.to_string(),
            feats: feats.to_string(),
            head: head.checked_sub(1),
            deprel: rel.to_string(),
        });
    }
    let sentence = Sentence {
        span: Span::new(0, text.len()),
        tokens,
    };
    (
        text,
        AnalyzedText {
            sentences: vec![sentence],
            ..Default::default()
        },
    )
}

fn code(rows: &[Row<'_>], published: NaiveDate) -> Vec<EventMention> {
    let (text, analysis) = analysed(rows);
    let timexes = dyad_time::tag(
        &text,
        dyad_time::Reference::date(published),
        &dyad_time::NoHints,
    );
    let input = CodeInput {
        doc_id: "d",
        text: &text,
        published: Some(DateValue::day(published)),
        analysis: &analysis,
        timexes: &timexes,
        kb: dyad_kb::KnowledgeBase::builtin(),
        dateline: None,
    };
    Coder::builtin().code(&input)
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

#[test]
fn a_virtual_meeting_that_began() {
    let rows: Vec<Row<'_>> = vec![
        ("Japanese", "Japanese", "ADJ", "JJ", "Degree=Pos", 4, "amod"),
        ("and", "and", "CCONJ", "CC", "_", 3, "cc"),
        ("U.S.", "U.S.", "PROPN", "NNP", "Number=Sing", 1, "conj"),
        (
            "ministers",
            "minister",
            "NOUN",
            "NNS",
            "Number=Plur",
            5,
            "nsubj",
        ),
        (
            "began",
            "begin",
            "VERB",
            "VBD",
            "Mood=Ind|Tense=Past|VerbForm=Fin",
            0,
            "root",
        ),
        ("a", "a", "DET", "DT", "_", 8, "det"),
        ("virtual", "virtual", "ADJ", "JJ", "Degree=Pos", 8, "amod"),
        ("meeting", "meeting", "NOUN", "NN", "Number=Sing", 5, "obj"),
        ("on", "on", "ADP", "IN", "_", 10, "case"),
        ("Friday", "Friday", "PROPN", "NNP", "Number=Sing", 5, "obl"),
        (".", ".", "PUNCT", ".", "_", 5, "punct"),
    ];
    let events = code(&rows, day(2022, 1, 7));
    assert_eq!(events.len(), 1, "{events:#?}");
    let e = &events[0];
    assert_eq!(e.event_type, EventType::Consult);
    assert_eq!(e.status, EventStatus::Occurred);
    assert_eq!(e.actors, vec!["JPN".to_string(), "USA".to_string()]);
    assert_eq!(
        e.location.as_ref().map(|l| l.name.as_str()),
        Some("virtual")
    );
    assert_eq!(
        e.mode.as_deref(),
        Some("phone"),
        "a bilateral video meeting is PLOVER's remote mode"
    );
    assert_eq!(
        e.date.as_ref().map(|d| d.value.as_str()),
        Some("2022-01-07")
    );
    assert_eq!(&e.sentence_text[e.trigger.start..e.trigger.end], "meeting");
}

#[test]
fn a_planned_visit_hosted_in_washington() {
    let rows: Vec<Row<'_>> = vec![
        (
            "Antony",
            "Antony",
            "PROPN",
            "NNP",
            "Number=Sing",
            4,
            "nsubj",
        ),
        (
            "Blinken",
            "Blinken",
            "PROPN",
            "NNP",
            "Number=Sing",
            1,
            "flat",
        ),
        ("will", "will", "AUX", "MD", "VerbForm=Fin", 4, "aux"),
        ("host", "host", "VERB", "VB", "VerbForm=Inf", 0, "root"),
        ("his", "he", "PRON", "PRP$", "Poss=Yes", 7, "nmod:poss"),
        ("Japanese", "Japanese", "ADJ", "JJ", "Degree=Pos", 7, "amod"),
        (
            "counterpart",
            "counterpart",
            "NOUN",
            "NN",
            "Number=Sing",
            4,
            "obj",
        ),
        ("in", "in", "ADP", "IN", "_", 9, "case"),
        (
            "Washington",
            "Washington",
            "PROPN",
            "NNP",
            "Number=Sing",
            4,
            "obl",
        ),
        ("on", "on", "ADP", "IN", "_", 11, "case"),
        ("Jan.", "January", "PROPN", "NNP", "Number=Sing", 4, "obl"),
        ("7", "7", "NUM", "CD", "NumType=Card", 11, "nummod"),
        (".", ".", "PUNCT", ".", "_", 4, "punct"),
    ];
    let all = code(&rows, day(2021, 12, 21));
    // PLOVER codes a planned meeting as AGREE: dyad adds that restatement,
    // marked as implied by the meeting itself.
    let (events, implied): (Vec<_>, Vec<_>) = all.iter().partition(|e| e.implied_by.is_none());
    assert_eq!(events.len(), 1, "{all:#?}");
    let e = events[0];
    assert_eq!(implied.len(), 1, "{all:#?}");
    assert_eq!(implied[0].event_type, EventType::Agree);
    assert_eq!(implied[0].cameo.as_deref(), Some("036"));
    assert_eq!(implied[0].implied_by.as_deref(), Some(e.id.as_str()));
    assert_eq!(e.event_type, EventType::Consult);
    assert_eq!(e.status, EventStatus::Planned);
    assert_eq!(e.mode.as_deref(), Some("visit"));
    assert_eq!(
        e.source.as_ref().and_then(|s| s.country.as_deref()),
        Some("JPN"),
        "the visitor is the source"
    );
    assert_eq!(
        e.target.as_ref().and_then(|s| s.country.as_deref()),
        Some("USA"),
        "the host is the target"
    );
    assert_eq!(
        e.date.as_ref().map(|d| d.value.as_str()),
        Some("2022-01-07")
    );
    let p = e
        .participants
        .iter()
        .find(|p| p.name == "Antony Blinken")
        .expect("Blinken takes part");
    assert!(p.role.is_some());
}

#[test]
fn a_postponed_summit() {
    let rows: Vec<Row<'_>> = vec![
        ("The", "the", "DET", "DT", "_", 2, "det"),
        (
            "summit",
            "summit",
            "NOUN",
            "NN",
            "Number=Sing",
            6,
            "nsubj:pass",
        ),
        ("in", "in", "ADP", "IN", "_", 4, "case"),
        ("Sydney", "Sydney", "PROPN", "NNP", "Number=Sing", 2, "nmod"),
        ("was", "be", "AUX", "VBD", "Tense=Past", 6, "aux:pass"),
        (
            "postponed",
            "postpone",
            "VERB",
            "VBN",
            "Tense=Past|VerbForm=Part|Voice=Pass",
            0,
            "root",
        ),
        ("by", "by", "ADP", "IN", "_", 8, "case"),
        (
            "Australia",
            "Australia",
            "PROPN",
            "NNP",
            "Number=Sing",
            6,
            "obl",
        ),
        ("and", "and", "CCONJ", "CC", "_", 10, "cc"),
        ("India", "India", "PROPN", "NNP", "Number=Sing", 8, "conj"),
        (".", ".", "PUNCT", ".", "_", 6, "punct"),
    ];
    let events = code(&rows, day(2023, 5, 17));
    let e = events
        .iter()
        .find(|e| e.event_type == EventType::Consult)
        .expect("the summit is coded");
    assert_eq!(e.status, EventStatus::Postponed, "{e:#?}");
}

#[test]
fn messy_trees_never_panic() {
    // Heads out of range, cycles, a sentence of one token.
    let rows: Vec<Row<'_>> = vec![
        ("meet", "meet", "VERB", "VB", "_", 2, "root"),
        ("Japan", "Japan", "PROPN", "NNP", "_", 1, "nsubj"),
        ("talks", "talk", "NOUN", "NNS", "_", 99, "obj"),
    ];
    let _ = code(&rows, day(2022, 1, 7));
    let _ = code(
        &[("talks", "talk", "NOUN", "NNS", "_", 0, "root")],
        day(2022, 1, 7),
    );
}

/// A verbless parse that tagged the verb an adjective on the noun after it
/// ("officials demanded aid" as one noun phrase) is read with the verb as
/// the verb: its subject the noun before it, its object the noun after it.
#[test]
fn a_verb_tagged_as_an_adjective_is_read_as_the_verb() {
    let rows: Vec<Row<'_>> = vec![
        ("Bosnian", "Bosnian", "ADJ", "JJ", "Degree=Pos", 2, "amod"),
        (
            "officials",
            "official",
            "NOUN",
            "NNS",
            "Number=Plur",
            4,
            "compound",
        ),
        ("demanded", "demanded", "ADJ", "JJ", "Degree=Pos", 4, "amod"),
        ("aid", "aid", "NOUN", "NN", "Number=Sing", 0, "root"),
        ("from", "from", "ADP", "IN", "_", 8, "case"),
        ("the", "the", "DET", "DT", "_", 8, "det"),
        ("Croatian", "Croatian", "ADJ", "JJ", "Degree=Pos", 8, "amod"),
        (
            "government",
            "government",
            "NOUN",
            "NN",
            "Number=Sing",
            4,
            "nmod",
        ),
        (".", ".", "PUNCT", ".", "_", 4, "punct"),
    ];
    let events = code(&rows, day(1996, 5, 2));
    let e = events
        .iter()
        .find(|e| e.event_type == EventType::Request)
        .unwrap_or_else(|| panic!("the demand is coded: {events:#?}"));
    let src = e.source.as_ref().and_then(|s| s.country.as_deref());
    assert_eq!(src, Some("BIH"), "{e:#?}");
}

/// A participle describing the object ("the curfew imposed in Kashmir") that
/// the parse joined to the verb as a clause of its own, with the object as
/// its subject, is read as the object's modifier: the curfew is what was
/// shortened.
#[test]
fn a_participle_misread_as_a_conjoined_clause_leaves_the_verb_its_object() {
    let rows: Vec<Row<'_>> = vec![
        ("The", "the", "DET", "DT", "_", 3, "det"),
        ("Indian", "Indian", "ADJ", "JJ", "Degree=Pos", 3, "amod"),
        (
            "governor",
            "governor",
            "NOUN",
            "NN",
            "Number=Sing",
            6,
            "nsubj",
        ),
        ("on", "on", "ADP", "IN", "_", 5, "case"),
        ("Monday", "Monday", "PROPN", "NNP", "Number=Sing", 6, "obl"),
        (
            "shortened",
            "shorten",
            "VERB",
            "VBD",
            "Tense=Past|VerbForm=Fin",
            0,
            "root",
        ),
        ("the", "the", "DET", "DT", "_", 8, "det"),
        ("curfew", "curfew", "NOUN", "NN", "Number=Sing", 9, "nsubj"),
        (
            "imposed",
            "impose",
            "VERB",
            "VBN",
            "Tense=Past|VerbForm=Part",
            6,
            "conj",
        ),
        ("in", "in", "ADP", "IN", "_", 11, "case"),
        (
            "Kashmir",
            "Kashmir",
            "PROPN",
            "NNP",
            "Number=Sing",
            9,
            "obl",
        ),
        (".", ".", "PUNCT", ".", "_", 6, "punct"),
    ];
    let events = code(&rows, day(1998, 7, 14));
    let e = events
        .iter()
        .find(|e| e.event_type == EventType::Concede)
        .unwrap_or_else(|| panic!("the curfew shortened is coded: {events:#?}"));
    assert_eq!(e.cameo.as_deref(), Some("082"), "{e:#?}");
}

/// A compound's head the parse made the object of its first noun ("withdrew
/// weapons inspectors" with "inspectors" under "weapons") still satisfies a
/// pattern naming the object: inspectors withdrawn are CAMEO's 1662.
#[test]
fn a_compound_object_split_by_the_parse_still_names_the_object() {
    let rows: Vec<Row<'_>> = vec![
        ("The", "the", "DET", "DT", "_", 2, "det"),
        ("UN", "UN", "PROPN", "NNP", "Number=Sing", 3, "nsubj"),
        (
            "withdrew",
            "withdraw",
            "VERB",
            "VBD",
            "Tense=Past|VerbForm=Fin",
            0,
            "root",
        ),
        ("weapons", "weapon", "NOUN", "NNS", "Number=Plur", 3, "obj"),
        (
            "inspectors",
            "inspector",
            "NOUN",
            "NNS",
            "Number=Plur",
            4,
            "obj",
        ),
        ("from", "from", "ADP", "IN", "_", 7, "case"),
        ("Iraq", "Iraq", "PROPN", "NNP", "Number=Sing", 3, "obl"),
        (".", ".", "PUNCT", ".", "_", 3, "punct"),
    ];
    let events = code(&rows, day(1998, 12, 16));
    let e = events
        .iter()
        .find(|e| e.event_type == EventType::Sanction)
        .unwrap_or_else(|| panic!("the inspectors' withdrawal is coded: {events:#?}"));
    assert_eq!(e.cameo.as_deref(), Some("1662"), "{e:#?}");
}

/// An act only hoped for is no event, even where the parse hung the
/// hoped-for clause elsewhere and left "hoped" with the clause's subject as
/// its object ("… as Kigali said it hoped [French officials] [would be
/// indicted]"); the sentence's own act stands.
#[test]
fn an_act_hoped_for_under_a_misparsed_wish_is_no_event() {
    let fin = "Tense=Past|VerbForm=Fin";
    let rows: Vec<Row<'_>> = vec![
        (
            "France",
            "France",
            "PROPN",
            "NNP",
            "Number=Sing",
            2,
            "nsubj",
        ),
        ("condemned", "condemn", "VERB", "VBD", fin, 0, "root"),
        ("the", "the", "DET", "DT", "_", 4, "det"),
        (
            "allegations",
            "allegation",
            "NOUN",
            "NNS",
            "Number=Plur",
            2,
            "obj",
        ),
        (",", ",", "PUNCT", ",", "_", 8, "punct"),
        ("as", "as", "SCONJ", "IN", "_", 8, "mark"),
        (
            "Kigali",
            "Kigali",
            "PROPN",
            "NNP",
            "Number=Sing",
            8,
            "nsubj",
        ),
        ("said", "say", "VERB", "VBD", fin, 15, "advcl"),
        ("it", "it", "PRON", "PRP", "_", 10, "nsubj"),
        ("hoped", "hope", "VERB", "VBD", fin, 8, "ccomp"),
        ("French", "French", "ADJ", "JJ", "Degree=Pos", 12, "amod"),
        (
            "officials",
            "official",
            "NOUN",
            "NNS",
            "Number=Plur",
            10,
            "obj",
        ),
        ("would", "would", "AUX", "MD", "VerbForm=Fin", 15, "aux"),
        ("be", "be", "AUX", "VB", "VerbForm=Inf", 15, "aux:pass"),
        (
            "indicted",
            "indict",
            "VERB",
            "VBN",
            "Tense=Past|VerbForm=Part|Voice=Pass",
            2,
            "conj",
        ),
        ("for", "for", "ADP", "IN", "_", 18, "case"),
        ("war", "war", "NOUN", "NN", "Number=Sing", 18, "compound"),
        ("crimes", "crime", "NOUN", "NNS", "Number=Plur", 15, "obl"),
        (".", ".", "PUNCT", ".", "_", 2, "punct"),
    ];
    let events = code(&rows, day(2008, 8, 6));
    assert!(
        events.iter().all(|e| e.cameo.as_deref() != Some("1121")),
        "{events:#?}"
    );
    assert!(
        events.iter().any(|e| e.cameo.as_deref() == Some("111")),
        "{events:#?}"
    );
}

/// An attack that another party only claims ("The US claimed that Iraq
/// attacked Kuwait") is that party's accusation, not an attack the report
/// asserts: one ACCUSE, no ASSAULT beside it.
#[test]
fn an_attack_claimed_by_another_party_is_its_accusation() {
    let fin = "Mood=Ind|Tense=Past|VerbForm=Fin";
    let rows: Vec<Row<'_>> = vec![
        (
            "The",
            "the",
            "DET",
            "DT",
            "Definite=Def|PronType=Art",
            2,
            "det",
        ),
        ("US", "US", "PROPN", "NNP", "Number=Sing", 3, "nsubj"),
        ("claimed", "claim", "VERB", "VBD", fin, 0, "root"),
        ("that", "that", "SCONJ", "IN", "_", 6, "mark"),
        ("Iraq", "Iraq", "PROPN", "NNP", "Number=Sing", 6, "nsubj"),
        ("attacked", "attack", "VERB", "VBD", fin, 3, "ccomp"),
        ("Kuwait", "Kuwait", "PROPN", "NNP", "Number=Sing", 6, "obj"),
        (".", ".", "PUNCT", ".", "_", 3, "punct"),
    ];
    let events = code(&rows, day(2014, 6, 1));
    assert_eq!(events.len(), 1, "{events:#?}");
    let e = &events[0];
    assert_eq!(e.event_type, EventType::Accuse, "{e:#?}");
    assert!(e.implied_by.is_none());
    let side = |a: &Option<dyad_core::ActorRef>| a.as_ref().and_then(|x| x.country.clone());
    assert_eq!(side(&e.source).as_deref(), Some("USA"));
    assert_eq!(side(&e.target).as_deref(), Some("IRQ"));
}
