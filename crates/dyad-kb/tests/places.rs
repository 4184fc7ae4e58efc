//! The places table: cities, venues and regions resolve to `place` mentions
//! with their country and no actor, without shadowing countries, capitals
//! (metonyms) or other actors spelled the same.

use chrono::NaiveDate;
use dyad_kb::{parse_query_date, KnowledgeBase, MentionKind, ResolvedMention};

fn d(s: &str) -> NaiveDate {
    parse_query_date(s).expect("test date")
}

fn resolve(text: &str) -> Vec<ResolvedMention> {
    KnowledgeBase::builtin().resolve_text(text, d("2023-05-20"))
}

fn only(text: &str) -> ResolvedMention {
    let mut m = resolve(text);
    assert_eq!(m.len(), 1, "{text}: {m:?}");
    m.remove(0)
}

#[test]
fn a_city_is_a_place_with_its_country() {
    let m = only("talks in Hiroshima");
    assert_eq!(m.kind, MentionKind::Place);
    assert_eq!(m.text, "Hiroshima");
    assert_eq!(m.country.as_deref(), Some("JPN"));
    assert_eq!(m.actor, None);
    assert_eq!(m.sector, None);
    assert_eq!(m.person, None);
    assert!(m.source.starts_with("dyad-curated"), "{}", m.source);
    let json = serde_json::to_value(&m).expect("serialises");
    assert_eq!(json["kind"], "place");
}

#[test]
fn venues_and_regions_resolve_by_longest_match() {
    let m = only("The leaders met at Camp David on Friday.");
    assert_eq!(
        (m.kind, m.text.as_str()),
        (MentionKind::Place, "Camp David")
    );
    assert_eq!(m.country.as_deref(), Some("USA"));
    // "Northern Ireland" is one place, not the country Ireland.
    let m = only("Violence flared in Northern Ireland.");
    assert_eq!(m.country.as_deref(), Some("GBR"));
    assert_eq!(m.kind, MentionKind::Place);
    // A disputed place carries the internationally recognised country.
    for (text, country) in [
        ("Shelling in Crimea", "UKR"),
        ("troops on the Golan Heights", "SYR"),
        ("raids in the West Bank", "PSE"),
    ] {
        let m = only(text);
        assert_eq!(m.kind, MentionKind::Place, "{text}");
        assert_eq!(m.country.as_deref(), Some(country), "{text}");
    }
    // Accents fold: "Zürich" and "Zurich" are one place.
    assert_eq!(only("in Zürich").country.as_deref(), Some("CHE"));
}

#[test]
fn capitals_stay_metonyms_and_countries_stay_countries() {
    let m = only("Tokyo protested.");
    assert_eq!(m.kind, MentionKind::Metonym);
    assert_eq!(m.actor.as_deref(), Some("JPNGOV"));
    let m = only("Georgia signed the deal.");
    assert_eq!(m.kind, MentionKind::Country);
    assert_eq!(m.actor.as_deref(), Some("GEO"));
    let m = only("Jordan signed the deal.");
    assert_eq!(m.actor.as_deref(), Some("JOR"));
    // A place beside actors leaves them as they were.
    let m = resolve("Japan and China met in Osaka.");
    let kinds: Vec<MentionKind> = m.iter().map(|x| x.kind).collect();
    assert_eq!(
        kinds,
        [
            MentionKind::Country,
            MentionKind::Country,
            MentionKind::Place
        ]
    );
}

#[test]
fn lower_case_words_are_not_places() {
    assert!(resolve("the texas of it").is_empty());
}

#[test]
fn places_table_is_checked() {
    let (name, builtin) = dyad_kb::BUILTIN_FILES
        .iter()
        .find(|(n, _)| *n == "places.tsv")
        .expect("places.tsv is built in");
    let diags = dyad_kb::check_file(name, builtin).expect("known format");
    assert!(diags.is_empty(), "{diags:?}");
    let rows = builtin
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .count()
        - 1;
    assert!(rows >= 400, "{rows} rows");

    let bad = "name\tcountry\tkind\taliases\tsource\n\
               Atlantis\tATL\tcity\t\tmyth\n\
               \tJPN\tcity\t\tx\n\
               Osaka\tJPN\ttown\t\tx\n\
               Osaka\tJPN\tcity\t\tx\n\
               Tokyo\tJPN\tcity\t\tx\n";
    let diags = dyad_kb::check_file("bad.tsv", bad).expect("known format");
    let text: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
    let has = |needle: &str| text.iter().any(|t| t.contains(needle));
    assert!(has("bad.tsv:2: unknown country `ATL`"), "{text:?}");
    assert!(
        has("bad.tsv:3: column `name` must not be empty"),
        "{text:?}"
    );
    assert!(has("bad.tsv:4: place kind `town`"), "{text:?}");
    assert!(
        has("bad.tsv:5: `Osaka` is already a place on line 4"),
        "{text:?}"
    );
    assert!(has("bad.tsv:6: `Tokyo` is a capital"), "{text:?}");
}

#[test]
fn a_layered_places_file_adds_places() {
    let layer = "name\tcountry\tkind\taliases\tsource\nFrobville\tJPN\tcity\tFrob Town\tuser\nNowhere\tXXX\tcity\t\tuser\n";
    let kb = KnowledgeBase::with_layers(&[("mine.tsv", layer)]).expect("layer loads");
    let m = kb.resolve_text("Talks in Frob Town.", d("2023-05-20"));
    assert_eq!(m[0].kind, MentionKind::Place);
    assert_eq!(m[0].country.as_deref(), Some("JPN"));
    assert!(kb
        .diagnostics
        .iter()
        .any(|d| d.to_string().contains("unknown country `XXX`")));
}

#[test]
fn load_stays_fast() {
    // Debug builds are several times slower; the 200 ms budget is for release.
    let kb = KnowledgeBase::with_layers(&[]).expect("loads");
    let budget = if cfg!(debug_assertions) {
        2000.0
    } else {
        200.0
    };
    eprintln!("knowledge base load: {:.1} ms", kb.load_ms);
    assert!(kb.load_ms <= budget, "load took {:.1} ms", kb.load_ms);
}
