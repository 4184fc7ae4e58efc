//! Word clusters: the exchange algorithm on a small made-up text, and a model
//! trained with clusters surviving its own encoding.

use dyad_text::clusters::{learn, ClusterCorpus, ClusterOptions, Clusters};
use dyad_text::train::{train, TrainOptions};
use dyad_text::Analyzer;

/// A text where two groups of words fill the same slots: animals after
/// "the" and before a verb, verbs after an animal and before a place.
fn corpus() -> ClusterCorpus {
    let animals = ["cat", "dog", "horse", "mouse", "goat", "sheep"];
    let verbs = ["runs", "sleeps", "eats", "sits", "waits"];
    let places = ["home", "outside", "there", "inside"];
    let mut c = ClusterCorpus::new();
    for (i, a) in animals.iter().enumerate() {
        for (j, v) in verbs.iter().enumerate() {
            let p = places[(i + j) % places.len()];
            c.add_text(&format!("The {a} {v} {p}.\n\nA {a} {v} {p} today."));
        }
    }
    c
}

fn options() -> ClusterOptions {
    ClusterOptions {
        sizes: vec![3, 6],
        min_count: 2,
        ..Default::default()
    }
}

#[test]
fn words_in_the_same_slots_share_a_class() {
    let c = corpus();
    assert!(c.tokens() > 300);
    let learned = learn(&c, &options(), &mut |_| {});
    assert_eq!(learned.sizes, vec![3, 6]);
    let fine = |w: &str| learned.get(w).map(|ids| ids[1]);
    // Every listed word is clustered, with a class below its clustering's size.
    for (_, _, ids) in &learned.words {
        assert!(ids[0] < 3 && ids[1] < 6);
    }
    for a in ["dog", "horse", "mouse", "goat", "sheep"] {
        assert_eq!(fine(a), fine("cat"), "{a}");
    }
    for v in ["sleeps", "eats", "sits", "waits"] {
        assert_eq!(fine(v), fine("runs"), "{v}");
    }
    assert_ne!(fine("cat"), fine("runs"));
    // Normalised like the models' words: lower case.
    assert!(learned.get("the").is_some());
    assert!(learned.get("The").is_none());
}

#[test]
fn clustering_is_deterministic_and_round_trips_as_text() {
    let c = corpus();
    let a = learn(&c, &options(), &mut |_| {});
    let b = learn(&c, &options(), &mut |_| {});
    assert_eq!(a, b);
    let text = a.to_text();
    assert_eq!(Clusters::from_text(&text), Ok(a));
    assert!(Clusters::from_text("word\t3\t1\n").is_err());
    assert!(Clusters::from_text("#sizes\t4\nword\t3\t9\n").is_err());
    assert!(Clusters::from_text("#sizes\t4\nword\tmany\t1\n").is_err());
}

/// Three tiny sentences in CoNLL-U, enough to train every part of a model.
const TINY: &str = "# text = The dog runs home.
1	The	the	DET	DT	Definite=Def|PronType=Art	2	det	_	_
2	dog	dog	NOUN	NN	Number=Sing	3	nsubj	_	_
3	runs	run	VERB	VBZ	Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin	0	root	_	_
4	home	home	ADV	RB	_	3	advmod	_	SpaceAfter=No
5	.	.	PUNCT	.	_	3	punct	_	_

# text = A cat sleeps there.
1	A	a	DET	DT	Definite=Ind|PronType=Art	2	det	_	_
2	cat	cat	NOUN	NN	Number=Sing	3	nsubj	_	_
3	sleeps	sleep	VERB	VBZ	Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin	0	root	_	_
4	there	there	ADV	RB	PronType=Dem	3	advmod	_	SpaceAfter=No
5	.	.	PUNCT	.	_	3	punct	_	_

# text = The horse eats outside.
1	The	the	DET	DT	Definite=Def|PronType=Art	2	det	_	_
2	horse	horse	NOUN	NN	Number=Sing	3	nsubj	_	_
3	eats	eat	VERB	VBZ	Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin	0	root	_	_
4	outside	outside	ADV	RB	_	3	advmod	_	SpaceAfter=No
5	.	.	PUNCT	.	_	3	punct	_	_

";

#[test]
fn a_model_with_clusters_is_deterministic_and_decodes() {
    let clusters = learn(&corpus(), &options(), &mut |_| {});
    let with = TrainOptions {
        tagger_epochs: 3,
        parser_epochs: 3,
        folds: 1,
        clusters: Some(clusters),
        ..Default::default()
    };
    let a = train(TINY, &with, &mut |_| {}).expect("trains");
    let b = train(TINY, &with, &mut |_| {}).expect("trains");
    assert_eq!(a, b, "same data and seed, same bytes");
    let without = TrainOptions {
        clusters: None,
        ..with.clone()
    };
    let plain = train(TINY, &without, &mut |_| {}).expect("trains");
    // The cluster table and its features make the file larger.
    assert!(a.len() > plain.len());
    for bytes in [&a, &plain] {
        let analyzer = Analyzer::from_bytes(bytes).expect("decodes");
        // "goat" is not in the treebank but is in the clusters.
        let text = analyzer.analyze("The goat sleeps home.");
        assert_eq!(text.sentences.len(), 1);
        assert_eq!(text.sentences[0].tokens.len(), 5);
        assert!(text.sentences[0].tokens.iter().any(|t| t.head.is_none()));
    }
    // A truncated file is refused, not misread.
    assert!(Analyzer::from_bytes(&a[..a.len() / 2]).is_err());
}
