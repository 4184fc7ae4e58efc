//! Knowledge-base tests through the public API: office look-ups (with an
//! accuracy floor on question lists), resolution, anachronisms, layers.

use chrono::NaiveDate;
use dyad_kb::{parse_query_date, KnowledgeBase, MentionKind};
use std::path::PathBuf;

fn d(s: &str) -> NaiveDate {
    parse_query_date(s).expect("test date")
}

fn kb() -> &'static KnowledgeBase {
    KnowledgeBase::builtin()
}

/// `<workspace>/../shared`, or `None` (with a message) when it is missing;
/// with `CI=true` a missing folder fails the test.
fn shared() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    if p.join("data").is_dir() {
        return Some(p);
    }
    if std::env::var("CI").as_deref() == Ok("true") {
        panic!(
            "shared data missing at {} (required when CI=true)",
            p.display()
        );
    }
    eprintln!("skipping: shared data not found at {}", p.display());
    None
}

/// Names match when their keys are equal or, for transliteration variants
/// ("Sergey"/"Sergei"), when the family names and initials agree.
fn same_person(a: &str, b: &str) -> bool {
    let norm = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| {
                w.to_lowercase()
                    .chars()
                    .map(|c| match c {
                        'é' | 'è' | 'ë' => 'e',
                        'á' | 'à' | 'ã' => 'a',
                        'í' => 'i',
                        'ó' | 'ö' | 'ő' => 'o',
                        'ü' | 'ú' => 'u',
                        'ç' => 'c',
                        'ş' => 's',
                        'ğ' => 'g',
                        'ı' => 'i',
                        x => x,
                    })
                    .collect()
            })
            .collect()
    };
    let (x, y) = (norm(a), norm(b));
    if x == y {
        return true;
    }
    match (x.first(), y.first(), x.last(), y.last()) {
        (Some(f1), Some(f2), Some(l1), Some(l2)) => {
            l1 == l2 && f1.chars().next() == f2.chars().next()
        }
        _ => false,
    }
}

/// Scores a question list: (right, total, failures).
fn score(text: &str) -> (usize, usize, Vec<String>) {
    let mut right = 0;
    let mut total = 0;
    let mut failures = Vec::new();
    for line in text.lines() {
        if line.starts_with('#') || line.starts_with("country\t") || line.trim().is_empty() {
            continue;
        }
        let c: Vec<&str> = line.split('\t').collect();
        let (country, role, date, expected) = (c[0], c[1], c[2], c[3]);
        total += 1;
        let got = kb().office(country, role, d(date));
        if got.iter().any(|t| same_person(&t.name, expected)) {
            right += 1;
        } else {
            let names: Vec<&str> = got.iter().map(|t| t.name.as_str()).collect();
            failures.push(format!(
                "{country} {role} {date}: expected {expected}, got {names:?}"
            ));
        }
    }
    (right, total, failures)
}

#[test]
fn office_questions_meet_the_accuracy_floor() {
    let curated = include_str!("fixtures/office_questions.curated.tsv");
    let sampled = include_str!("fixtures/office_questions.sampled.tsv");
    let (r1, t1, f1) = score(curated);
    let (r2, t2, f2) = score(sampled);
    let (right, total) = (r1 + r2, t1 + t2);
    for f in f1.iter().chain(f2.iter()) {
        eprintln!("miss: {f}");
    }
    let acc = right as f64 / total as f64;
    eprintln!(
        "office questions: {right}/{total} = {acc:.3} (curated {r1}/{t1}, sampled {r2}/{t2})"
    );
    assert!(total >= 150, "the question list has {total} questions");
    assert!(acc >= 0.97, "office accuracy {acc:.3} below the 0.97 floor");
}

#[test]
fn japanese_defence_ministers_by_date() {
    let on = |date: &str| -> Vec<String> {
        kb().office("JPN", "defense_minister", d(date))
            .iter()
            .map(|t| t.name.clone())
            .collect()
    };
    assert_eq!(on("2022-01-07"), ["Nobuo Kishi"]);
    assert_eq!(
        on("2022-08-10"),
        ["Yasukazu Hamada"],
        "the incoming holder answers on a hand-over day"
    );
    assert_eq!(on("2024-07-28"), ["Minoru Kihara"]);
    assert!(kb().holds(
        "Nobuo Kishi",
        "defense_minister",
        d("2021-06-01"),
        Some("JPN")
    ));
    assert!(!kb().holds(
        "Nobuo Kishi",
        "defense_minister",
        d("2024-07-28"),
        Some("JPN")
    ));
    let term = &kb().office("JPN", "defense_minister", d("2024-07-28"))[0];
    assert_eq!(term.start.as_deref(), Some("2023-09-13"));
    assert_eq!(term.end.as_deref(), Some("2024-10-01"));
    assert!(term.source.starts_with("dyad-curated"));
}

#[test]
fn presidential_systems_answer_head_of_government_with_the_president() {
    let t = kb().office("USA", "head_of_government", d("2022-01-07"));
    assert_eq!(t.first().map(|t| t.name.as_str()), Some("Joe Biden"));
    assert!(kb()
        .office("XXX", "head_of_state", d("2022-01-07"))
        .is_empty());
}

#[test]
fn countries_resolve_from_names_and_codes() {
    assert_eq!(kb().country_code("Japan"), Some("JPN"));
    assert_eq!(kb().country_code("jpn"), Some("JPN"));
    assert_eq!(kb().country_code("U.S."), Some("USA"));
    assert_eq!(
        kb().actor("JPNGOV").and_then(|a| a.sector),
        Some("GOV".to_string())
    );
    assert!(kb()
        .organisation("NATO")
        .is_some_and(|o| o.members.contains(&"USA".to_string())));
}

#[test]
fn title_adjective_and_person_make_one_mention() {
    let text = "Japanese Foreign Minister Yoshimasa Hayashi met reporters.";
    let m = kb().resolve_text(text, d("2022-01-07"));
    let first = &m[0];
    assert_eq!(first.text, "Japanese Foreign Minister Yoshimasa Hayashi");
    assert_eq!(first.country.as_deref(), Some("JPN"));
    assert_eq!(first.person.as_deref(), Some("Yoshimasa Hayashi"));
    assert_eq!(first.role_on_date.as_deref(), Some("foreign_minister"));
    assert_eq!(first.actor.as_deref(), Some("JPNGOV"));
    assert!(first.anachronism.is_none());
    assert_eq!(&text[first.span.start..first.span.end], first.text);
}

#[test]
fn anachronism_reports_claim_holder_and_term() {
    let text = "Defense Minister Nobuo Kishi will attend.";
    let m = kb().resolve_text(text, d("2024-07-28"));
    let a = m[0].anachronism.as_ref().expect("an anachronism");
    assert_eq!(a.claimed.name, "Nobuo Kishi");
    assert_eq!(a.claimed.role, "defense_minister");
    assert_eq!(
        a.holder.as_ref().map(|h| h.name.as_str()),
        Some("Minoru Kihara")
    );
    assert_eq!(
        a.term.as_ref().and_then(|t| t.end.as_deref()),
        Some("2022-08-10")
    );
    // The same words were right in January 2022, and "former" claims no office.
    assert!(kb().resolve_text(text, d("2022-01-07"))[0]
        .anachronism
        .is_none());
    let former = kb().resolve_text("former Defense Minister Nobuo Kishi", d("2024-07-28"));
    assert!(former[0].anachronism.is_none());
}

#[test]
fn either_leaders_title_names_a_leader_rightly() {
    // Iran's president heads the government under the Supreme Leader: "President
    // Raisi" claims the head of state's title, but he led the government that
    // day, which is no mistake. A president out of office still is one.
    let m = kb().resolve_text("Iranian President Ebrahim Raisi spoke.", d("2023-03-10"));
    assert_eq!(m[0].person.as_deref(), Some("Ebrahim Raisi"));
    assert!(m[0].anachronism.is_none(), "{:?}", m[0].anachronism);
    let m = kb().resolve_text("Iranian President Ebrahim Raisi spoke.", d("2019-03-10"));
    assert!(m[0].anachronism.is_some(), "{m:?}");
}

#[test]
fn surname_repeats_metonyms_and_acronyms() {
    let text = "Secretary of State Antony Blinken flew to Tokyo. Later, Blinken told the Kremlin and NATO. Let us see.";
    let m = kb().resolve_text(text, d("2022-01-07"));
    let texts: Vec<&str> = m.iter().map(|x| x.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Secretary of State Antony Blinken",
            "Tokyo",
            "Blinken",
            "the Kremlin",
            "NATO"
        ]
    );
    assert_eq!(m[0].country.as_deref(), Some("USA"));
    assert_eq!(m[1].actor.as_deref(), Some("JPNGOV"));
    assert_eq!(m[2].person.as_deref(), Some("Antony Blinken"));
    assert_eq!(m[3].actor.as_deref(), Some("RUSGOV"));
    assert_eq!(m[4].kind, MentionKind::Organisation);
}

#[test]
fn titles_with_a_country_stand_for_the_holder() {
    let m = kb().resolve_text("Japan's foreign minister spoke.", d("2024-07-28"));
    assert_eq!(m[0].kind, MentionKind::Office);
    assert_eq!(m[0].person.as_deref(), Some("Yoko Kamikawa"));
    let m = kb().resolve_text("President Biden and Premier Li met.", d("2023-11-15"));
    assert_eq!(m[0].person.as_deref(), Some("Joe Biden"));
    assert_eq!(m[1].person.as_deref(), Some("Li Qiang"));
}

#[test]
fn resolve_mention_uses_the_document_context() {
    let mut ctx = dyad_kb::DocContext::new();
    let date = d("2024-07-28");
    let full = kb()
        .resolve_mention("Minoru Kihara", date, &mut ctx)
        .expect("full name");
    assert_eq!(full.role_on_date.as_deref(), Some("defense_minister"));
    let repeat = kb()
        .resolve_mention("Kihara", date, &mut ctx)
        .expect("surname repeat");
    assert_eq!(repeat.person.as_deref(), Some("Minoru Kihara"));
    assert!(kb()
        .resolve_mention("Kihara", date, &mut dyad_kb::DocContext::new())
        .is_none());
}

#[test]
fn cameo_layer_with_date_windows() {
    let dict = "<!-- test -->\nFROBNIA_ [FRB]\n+FROBNIAN_\nJOHN_FROB_ # CountryInfo.txt\n\t[FRBGOV 010120-170120]\n\t[FRBELI >170121]\n";
    let kb = KnowledgeBase::with_layers(&[("test.actors.txt", dict)]).expect("layer loads");
    let m = kb.resolve_text("John Frob visited Frobnia.", d("2010-05-05"));
    assert_eq!(m[0].actor.as_deref(), Some("FRBGOV"));
    assert_eq!(m[0].person.as_deref(), Some("John Frob"));
    assert_eq!(m[1].actor.as_deref(), Some("FRB"));
    let later = kb.resolve_text("John Frob visited.", d("2019-05-05"));
    assert_eq!(later[0].actor.as_deref(), Some("FRBELI"));
    assert!(KnowledgeBase::with_layers(&[("junk.txt", "just words\n")]).is_err());
}

#[test]
fn dyad_table_layer_overrides_builtin() {
    let layer = "country\trole\tname\tstart\tend\tpost\taliases\tsource\nJPN\tdefense_minister\tTest Person\t2024-01-01\t2024-12-31\t\t\tuser\n";
    let kb = KnowledgeBase::with_layers(&[("mine.tsv", layer)]).expect("layer loads");
    let t = kb.office("JPN", "defense_minister", d("2024-07-28"));
    assert_eq!(t[0].name, "Test Person");
}

#[test]
fn builtin_files_validate() {
    for (name, contents) in dyad_kb::BUILTIN_FILES {
        let diags = dyad_kb::check_file(name, contents).expect("known format");
        let errors: Vec<String> = diags
            .iter()
            .filter(|d| d.severity == dyad_core::Severity::Error)
            .map(|d| d.to_string())
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:?}");
    }
    let bad = "country\trole\tname\tstart\tend\tpost\taliases\tsource\nJPN\tDefense\tX\t2024-13-01\t\t\t\t\n";
    let diags = dyad_kb::check_file("bad.tsv", bad).expect("known format");
    assert!(diags.len() >= 3, "{diags:?}");
}

/// Every participant of the gold seed events holds the gold role on the
/// event date, and resolving the name alone gives that role.
#[test]
fn seed_participants_hold_their_roles() {
    let Some(shared) = shared() else { return };
    let gold = std::fs::read_to_string(shared.join("gold/seeds.events.jsonl")).expect("gold");
    let mut checked = 0;
    for line in gold.lines().filter(|l| !l.trim().is_empty()) {
        let ev: serde_json::Value = serde_json::from_str(line).expect("json");
        let date = d(ev["date"].as_str().expect("date"));
        for p in ev["participants"].as_array().into_iter().flatten() {
            let (name, country, role_text) = (
                p["name"].as_str().unwrap_or(""),
                p["country"].as_str().unwrap_or(""),
                p["role"].as_str().unwrap_or(""),
            );
            // "Ambassador to Japan" → "ambassador"; "Chargé d'affaires, U.S. Embassy" → the title.
            let head = role_text.split(',').next().unwrap_or(role_text);
            let head = head.split(" to ").next().unwrap_or(head);
            let (role, _) = kb()
                .title_role(head)
                .unwrap_or_else(|| panic!("no role for title {role_text}"));
            assert!(
                kb().holds(name, role, date, Some(country)),
                "{name} should hold {role} ({role_text}) in {country} on {date}"
            );
            let m = kb()
                .resolve_mention(name, date, &mut dyad_kb::DocContext::new())
                .unwrap_or_else(|| panic!("{name} not resolved"));
            assert_eq!(m.role_on_date.as_deref(), Some(role), "{name} on {date}");
            assert_eq!(m.country.as_deref(), Some(country));
            checked += 1;
        }
    }
    assert!(checked >= 25, "only {checked} participants checked");
}

#[test]
fn seed_004_reports_the_kishi_anachronism() {
    let Some(shared) = shared() else { return };
    let text =
        std::fs::read_to_string(shared.join("seeds/004_8c5feeb864fb7e6a.txt")).expect("seed");
    let m = kb().resolve_text(&text, d("2024-07-28"));
    let kishi = m
        .iter()
        .find(|x| x.person.as_deref() == Some("Nobuo Kishi"))
        .expect("Kishi resolved");
    let a = kishi.anachronism.as_ref().expect("anachronism flagged");
    assert_eq!(
        a.holder.as_ref().map(|h| h.name.as_str()),
        Some("Minoru Kihara")
    );
    // Nobody else in that report is out of office.
    assert_eq!(m.iter().filter(|x| x.anachronism.is_some()).count(), 1);
    let kamikawa = m
        .iter()
        .find(|x| x.person.as_deref() == Some("Yoko Kamikawa"))
        .expect("Kamikawa");
    assert_eq!(kamikawa.role_on_date.as_deref(), Some("foreign_minister"));
}

#[test]
fn petrarch_dictionaries_load_as_layers() {
    let Some(shared) = shared() else { return };
    let dir = shared.join("data/petrarch2/dictionaries");
    for f in [
        "PETR.Validate.actors.txt",
        "PETR.Validate.agents.txt",
        "Phoenix.Countries.actors.txt",
        "Phoenix.agents.txt",
    ] {
        let text = std::fs::read_to_string(dir.join(f)).expect("dictionary");
        assert!(dyad_kb::is_cameo(&text), "{f} detected as CAMEO");
        let (tsv, _) = dyad_kb::cameo_to_dyad(f, &text);
        assert!(
            tsv.lines().count() > 20,
            "{f} converted to {} lines",
            tsv.lines().count()
        );
    }
    let actors = std::fs::read_to_string(dir.join("PETR.Validate.actors.txt")).expect("actors");
    let agents = std::fs::read_to_string(dir.join("PETR.Validate.agents.txt")).expect("agents");
    let kb = KnowledgeBase::with_layers(&[
        ("PETR.Validate.actors.txt", &actors),
        ("PETR.Validate.agents.txt", &agents),
    ])
    .expect("layers load");
    let m = kb.resolve_text("Israeli troops entered Gaza City.", d("2014-01-01"));
    assert_eq!(m[0].actor.as_deref(), Some("ISRMIL"), "{m:?}");
    let phoenix =
        std::fs::read_to_string(dir.join("Phoenix.Countries.actors.txt")).expect("phoenix");
    let kb =
        KnowledgeBase::with_layers(&[("Phoenix.Countries.actors.txt", &phoenix)]).expect("loads");
    let m = kb.resolve_text("Naoto Kan spoke.", d("2010-01-01"));
    assert_eq!(m[0].actor.as_deref(), Some("JPNGOV"), "{m:?}");
}

/// The shipped imported files are exactly what the import makes from the
/// shared sources (so the import is re-runnable and nobody edited its output).
#[test]
fn imported_files_regenerate_from_the_sources() {
    let Some(shared) = shared() else { return };
    let data = shared.join("data");
    let read = |rel: &str| -> String {
        let bytes = std::fs::read(data.join(rel)).expect("source file");
        match String::from_utf8(bytes) {
            Ok(s) => s,
            Err(e) => e.into_bytes().iter().map(|&b| b as char).collect(),
        }
    };
    let files = [
        read("countries/countries.json"),
        read("office-holders/countryinfo/CountryInfo.120116.txt"),
        read("office-holders/countryinfo/countryinfo_terms.tsv"),
        read("office-holders/reign/leaderlist_3_21.csv"),
        read("office-holders/reign/regime_list.csv"),
        read("office-holders/ifg-uk-ministers/person.csv"),
        read("office-holders/ifg-uk-ministers/post.csv"),
        read("office-holders/ifg-uk-ministers/appointment.csv"),
    ];
    let out = dyad_kb::import::import_sources(&dyad_kb::import::SourceFiles {
        countries_json: &files[0],
        countryinfo_txt: &files[1],
        countryinfo_terms: &files[2],
        reign_leaders: &files[3],
        reign_regimes: &files[4],
        ifg_person: &files[5],
        ifg_post: &files[6],
        ifg_appointment: &files[7],
    });
    assert_eq!(out.files.len(), 4);
    for (rel, contents) in &out.files {
        let shipped = dyad_kb::BUILTIN_FILES
            .iter()
            .find(|(n, _)| n == rel)
            .map(|(_, c)| *c)
            .unwrap_or_else(|| panic!("{rel} is not a built-in file"));
        assert!(
            shipped == contents.as_str(),
            "{rel} differs from a fresh import: rerun `dyad kb import-sources`"
        );
    }
}

#[test]
fn import_maps_titles_to_roles_and_closes_open_terms() {
    let terms = "iso3\tcountry\tsection\trole\tcameo_code\tname\tstart\tend\tsource_line\n\
        FRB\tFROBNIA\tLeaders\tPresidents\t\tANNA ONE\t2001-01-01\t>\tx\n\
        FRB\tFROBNIA\tLeaders\tPresidents\t\tBEN TWO\t2005-06-01\t2009-01-01\tx\n\
        FRB\tFROBNIA\tGovernment\tMinister of Foreign Affairs & Minister of Defense\tFRBGOVMIL\tCARL D'ARC\t2004-01-01\t2004-09-31\tx\n\
        FRB\tFROBNIA\tGovernment\tMinister of Foreign Trade\tFRBGOV\tDORA FOUR\t2004-01-01\t2004-12-31\tx\n";
    let out = dyad_kb::import::import_sources(&dyad_kb::import::SourceFiles {
        countries_json: "[]",
        countryinfo_txt: "",
        countryinfo_terms: terms,
        reign_leaders: "",
        reign_regimes: "",
        ifg_person: "",
        ifg_post: "",
        ifg_appointment: "",
    });
    let ci = &out
        .files
        .iter()
        .find(|(n, _)| n.ends_with("countryinfo.tsv"))
        .expect("file")
        .1;
    assert!(
        ci.contains("FRB\thead_of_state\tAnna One\t2001-01-01\t2005-06-01\t"),
        "{ci}"
    );
    assert!(
        ci.contains("FRB\tdefense_minister\tCarl D'Arc\t2004-01-01\t2004-09-30\t"),
        "{ci}"
    );
    assert!(
        !ci.contains("Dora Four"),
        "a foreign-trade minister is not the foreign minister: {ci}"
    );
    let kb = KnowledgeBase::with_layers(&[("ci.tsv", ci.as_str())]).expect("imported table loads");
    assert_eq!(
        kb.office("FRB", "head_of_state", d("2003-01-01"))[0].name,
        "Anna One"
    );
    assert_eq!(
        kb.office("FRB", "head_of_state", d("2006-01-01"))[0].name,
        "Ben Two"
    );
}

#[test]
fn unknown_names_after_a_title_are_not_the_holder() {
    let m = kb().resolve_text(
        "Thai Foreign Minister Don Pramudwinai spoke.",
        d("2015-01-01"),
    );
    assert_eq!(m[0].person.as_deref(), Some("Don Pramudwinai"));
    assert_eq!(m[0].country.as_deref(), Some("THA"));
    assert_eq!(m[0].role_on_date, None);
    let m = kb().resolve_text("Prime Minister Abe. The talks", d("2015-01-01"));
    assert_eq!(m[0].person.as_deref(), Some("Shinzo Abe"));
}

#[test]
fn sentence_breaks_separate_country_words_from_titles() {
    let m = kb().resolve_text(
        "They met in Tokyo. Defense Minister Nobuo Kishi said",
        d("2022-01-07"),
    );
    assert_eq!(m[0].text, "Tokyo");
    assert_eq!(m[1].text, "Defense Minister Nobuo Kishi");
    assert_eq!(m[1].country.as_deref(), Some("JPN"));
}

#[test]
fn cameo_layers_keep_builtin_people_and_titles() {
    let agents = "PRIME_MINISTER [~GOV]\nTROOPS [~MIL]\n";
    let actors = "NOBUO_KISHI_ # CountryInfo.txt\n\t[JPNELI]\n";
    let kb = KnowledgeBase::with_layers(&[("a.txt", agents), ("b.txt", actors)]).expect("layers");
    let m = kb.resolve_text(
        "Prime Minister Fumio Kishida and Nobuo Kishi",
        d("2022-01-07"),
    );
    assert_eq!(m[0].role_on_date.as_deref(), Some("head_of_government"));
    assert_eq!(m[1].role_on_date.as_deref(), Some("defense_minister"));
    let later = kb.resolve_text("Nobuo Kishi", d("2024-07-28"));
    assert_eq!(
        later[0].actor.as_deref(),
        Some("JPNELI"),
        "the layer's code fills in out of office"
    );
}

/// A name reduced to lower-case ASCII-ish words: accents dropped, hyphens,
/// apostrophes and dots split words ("Dîncu" = "Dincu", "Ri Yong-ho" =
/// "ri yong ho").
fn name_words(s: &str) -> Vec<String> {
    let fold = |c: char| -> char {
        match c {
            'à'..='å' | 'ā' | 'ă' | 'ą' | 'ạ' | 'ả' | 'ấ' | 'ầ' | 'ậ' => 'a',
            'ç' | 'ć' | 'č' => 'c',
            'è'..='ë' | 'ē' | 'ė' | 'ę' | 'ě' | 'ệ' | 'ế' | 'ề' => 'e',
            'ì'..='ï' | 'ī' | 'ı' => 'i',
            'ñ' | 'ń' | 'ň' => 'n',
            'ò'..='ö' | 'ø' | 'ō' | 'ő' | 'ơ' | 'ọ' | 'ố' | 'ồ' | 'ộ' | 'ớ' | 'ờ' | 'ợ' => {
                'o'
            }
            'ù'..='ü' | 'ū' | 'ů' | 'ű' | 'ư' | 'ụ' | 'ứ' | 'ừ' => 'u',
            'ý' | 'ÿ' => 'y',
            'ş' | 'ś' | 'š' | 'ș' => 's',
            'ţ' | 'ț' | 'ť' => 't',
            'ğ' => 'g',
            'ł' => 'l',
            'ž' | 'ź' | 'ż' => 'z',
            'đ' => 'd',
            'ř' => 'r',
            x => x,
        }
    };
    s.to_lowercase()
        .chars()
        .map(fold)
        .collect::<String>()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Levenshtein distance of two short words, for transliteration variants
/// ("Rahmon"/"Rahmonov" is 2, "Zelensky"/"Zelenskyy" is 1).
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur.push(sub.min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Held-out names match the KB's by family name, normalised: the words agree;
/// or the KB gives a family name alone ("Talon") that is one of the expected
/// words; or the last words agree up to a transliteration slip (two edits in
/// a long name) and so do the first words' initials ("Sergey Lavrov" =
/// "Sergei Lavrov", "Emomali Rahmonov" = "Emomali Rahmon"); or every word of
/// the shorter name occurs in the longer one. Honorifics are ignored.
fn held_out_match(got: &str, expected: &str) -> bool {
    let strip = |s: &str| -> Vec<String> {
        let honorifics = [
            "king", "queen", "sheikh", "samdech", "emir", "sultan", "dr", "general",
        ];
        let w = name_words(s);
        let kept: Vec<String> = w
            .iter()
            .filter(|x| !honorifics.contains(&x.as_str()))
            .cloned()
            .collect();
        if kept.is_empty() {
            w
        } else {
            kept
        }
    };
    let (g, e) = (strip(got), strip(expected));
    if g.is_empty() || e.is_empty() {
        return false;
    }
    if g == e {
        return true;
    }
    if g.len() == 1 && e.contains(&g[0]) {
        return true;
    }
    let (gl, el) = (&g[g.len() - 1], &e[e.len() - 1]);
    let close = gl == el || (gl.len().min(el.len()) >= 5 && edit_distance(gl, el) <= 2);
    if close && g[0].chars().next() == e[0].chars().next() {
        return true;
    }
    let (short, long) = if g.len() <= e.len() {
        (&g, &e)
    } else {
        (&e, &g)
    };
    short.iter().all(|w| long.contains(w))
}

#[test]
fn held_out_office_questions_meet_the_target() {
    let text = include_str!("data/office_questions.tsv");
    let (mut right, mut total) = (0usize, 0usize);
    for line in text.lines() {
        if line.starts_with('#') || line.starts_with("country\t") || line.trim().is_empty() {
            continue;
        }
        let c: Vec<&str> = line.split('\t').collect();
        assert!(c.len() >= 5, "question without a basis: {line}");
        let (country, role, date, expected) = (c[0], c[1], c[2], c[3]);
        total += 1;
        let got = kb().office(country, role, d(date));
        if got.iter().any(|t| held_out_match(&t.name, expected)) {
            right += 1;
        } else {
            let names: Vec<&str> = got.iter().map(|t| t.name.as_str()).collect();
            eprintln!("miss: {country} {role} {date}: expected {expected}, got {names:?}");
        }
    }
    let acc = right as f64 / total as f64;
    eprintln!("held-out office questions: {right}/{total} = {acc:.3}");
    assert!(total >= 300, "the held-out list has {total} questions");
    assert!(acc >= 0.95, "held-out office accuracy {acc:.3} below 0.95");
}

/// Scores a page-checked question list (issue 6) on the first holder the KB
/// gives, as `dyad kb office` prints it first, and returns (right, total).
/// Every kept question must cite the page its answer was taken from.
fn score_checked_list(text: &str) -> (usize, usize) {
    let (mut right, mut total) = (0usize, 0usize);
    for line in text.lines() {
        if line.starts_with('#') || line.starts_with("country\t") || line.trim().is_empty() {
            continue;
        }
        let c: Vec<&str> = line.split('\t').collect();
        assert!(
            c.len() >= 5 && c[4].starts_with("http"),
            "question without a page: {line}"
        );
        let (country, role, date, expected) = (c[0], c[1], c[2], c[3]);
        total += 1;
        let got = kb().office(country, role, d(date));
        if got
            .first()
            .is_some_and(|t| held_out_match(&t.name, expected))
        {
            right += 1;
        } else {
            let names: Vec<&str> = got.iter().map(|t| t.name.as_str()).collect();
            eprintln!("miss: {country} {role} {date}: expected {expected}, got {names:?}");
        }
    }
    (right, total)
}

/// The page-checked list (issue 6): drawn at random by
/// `tools/draw_office_questions.py --seed 20261124` and answered from stored
/// pages, not from memory or the KB, so it estimates what an outside scorer
/// sees. Before the fixes it stood at 161/170; the floor sits just under
/// what the data reaches now, so a regression fails loudly.
#[test]
fn checked_office_questions_meet_the_floor() {
    let (right, total) = score_checked_list(include_str!("data/office_questions.checked.tsv"));
    let acc = right as f64 / total as f64;
    eprintln!("page-checked office questions: {right}/{total} = {acc:.3}");
    assert!(total >= 150, "the page-checked list has {total} questions");
    assert!(
        acc >= 0.99,
        "page-checked office accuracy {acc:.3} below 0.99"
    );
}

/// The second page-checked list: drawn with another seed (20261125) after the
/// KB had been fixed against the first list, skipping the first list's
/// questions, and answered the same way. Before its own fixes it stood at
/// 126/132 (95.5%, Wilson 95% interval 90.4%-97.9%): the honest estimate of
/// the KB at that point. The floor sits just under what the data reaches now.
#[test]
fn second_checked_office_questions_meet_the_floor() {
    let (right, total) = score_checked_list(include_str!("data/office_questions.checked2.tsv"));
    let acc = right as f64 / total as f64;
    eprintln!("second page-checked office questions: {right}/{total} = {acc:.3}");
    assert!(
        total >= 120,
        "the second page-checked list has {total} questions"
    );
    assert!(
        acc >= 0.99,
        "second page-checked office accuracy {acc:.3} below 0.99"
    );
}

#[test]
fn verified_rows_rank_with_curated_ones() {
    // The imported row starts later, so it would answer if a checked row
    // ranked below curated ones; a checked row must keep answering.
    let layer = "country\trole\tname\tstart\tend\tpost\taliases\tsource\n\
        XYZ\tforeign_minister\tChecked Person\t2020-01-01\t2021-12-31\t\t\tdyad-verified: https://example.org/page (names the holder)\n\
        XYZ\tforeign_minister\tImported Person\t2020-06-01\t2021-12-31\t\t\tifg\n";
    let kb = KnowledgeBase::with_layers(&[("mine.tsv", layer)]).expect("layer loads");
    let t = kb.office("XYZ", "foreign_minister", d("2021-01-01"));
    assert_eq!(t[0].name, "Checked Person");
}

#[test]
fn verified_rows_cite_a_page_and_what_it_states() {
    for (name, contents) in dyad_kb::BUILTIN_FILES {
        for line in contents.lines() {
            let Some(src) = line.split('\t').nth(7) else {
                continue;
            };
            if let Some(rest) = src.trim().strip_prefix("dyad-verified:") {
                let rest = rest.trim();
                assert!(
                    !rest.is_empty() && rest.contains('(') && rest.contains(')'),
                    "{name}: a dyad-verified source needs a page and what it states: {line}"
                );
            }
        }
    }
}

/// The states a pair phrase ("both countries") was resolved to, sorted.
fn pair_states(text: &str, phrase: &str) -> Vec<String> {
    let at = text.find(phrase).expect("phrase in text");
    let mut states: Vec<String> = kb()
        .resolve_text(text, d("2023-08-20"))
        .into_iter()
        .filter(|m| m.span.start == at)
        .filter_map(|m| m.country)
        .collect();
    states.sort();
    states
}

#[test]
fn pair_phrases_stand_for_two_states() {
    // Two states in the same sentence win over the ones the report is about.
    let text = "The United States and Japan met in Tokyo. Washington and Tokyo agreed. \
                Like Manila, Japan and South Korea have moved on, with Biden hosting \
                both countries' leaders at Camp David.";
    assert_eq!(pair_states(text, "both countries"), ["JPN", "KOR"]);
    // Else the two the report has named most.
    let text = "Japan and the United States met in Tokyo in March. North Korea fired a \
                missile. The U.S. and Japan condemned it. The two countries had wanted \
                to meet again by the end of the year.";
    assert_eq!(pair_states(text, "The two countries"), ["JPN", "USA"]);
    // The last two states named together, over a third named more often.
    let text = "Saudi Arabia and Iran agreed to restore ties at talks in Beijing. China \
                hailed the deal. The two countries will reopen their embassies.";
    assert_eq!(pair_states(text, "The two countries"), ["IRN", "SAU"]);
    // People count by their country: "the two presidents" after two names.
    let text = "Joe Biden and Vladimir Putin met in Geneva. The two presidents talked.";
    assert_eq!(pair_states(text, "The two presidents"), ["RUS", "USA"]);
    // With one state in reach, the phrase is left alone rather than guessed.
    let text = "Japan held an election. Both countries were quiet.";
    assert!(pair_states(text, "Both countries").is_empty());
}

#[test]
fn a_curated_end_closes_an_open_imported_term() {
    // An imported term its source left open, and the curated record of the
    // same person's term ending: after that end nobody is named, rather than
    // the imported holder for ever.
    let layer = "country\trole\tname\tstart\tend\tpost\taliases\tsource\n\
                 ZZZ\tdefense_minister\tOld Holder\t2008-05-01\t\t\t\tcountryinfo:government (test)\n\
                 ZZZ\tdefense_minister\tOld Holder\t2008-05-01\t2013-03-01\t\t\tdyad-verified: test page (left in 2013)\n";
    let kb = KnowledgeBase::with_layers(&[("mine.tsv", layer)]).expect("layer loads");
    let names = |on: &str| -> Vec<String> {
        kb.office("ZZZ", "defense_minister", d(on))
            .iter()
            .map(|t| t.name.clone())
            .collect()
    };
    assert_eq!(names("2010-01-01"), ["Old Holder"]);
    assert!(names("2016-01-01").is_empty());
}

#[test]
fn a_demonyms_plural_names_the_countrys_people() {
    let m = kb().resolve_text(
        "British aircraft killed four Iraqis; Palestinians protested.",
        d("2001-01-01"),
    );
    let countries: Vec<(&str, Option<&str>)> = m
        .iter()
        .map(|m| (m.text.as_str(), m.country.as_deref()))
        .collect();
    assert!(
        countries.contains(&("Iraqis", Some("IRQ"))),
        "{countries:?}"
    );
    assert!(
        countries.contains(&("Palestinians", Some("PSE"))),
        "{countries:?}"
    );
    // Not any capitalised word ending in "s".
    let m = kb().resolve_text("Thomas Jones met Hans.", d("2001-01-01"));
    assert!(m.iter().all(|m| m.country.is_none()), "{m:?}");
}

#[test]
fn a_bare_surname_is_the_one_leader_who_bore_it() {
    let text = "Obama met Putin.";
    let at = |w: &str| {
        let i = text.find(w).expect("word");
        dyad_core::Span::new(i, i + w.len())
    };
    let obama = kb()
        .leader_by_surname(text, at("Obama"), d("2015-06-01"))
        .expect("Obama was president in 2015");
    assert_eq!(obama.country.as_deref(), Some("USA"));
    assert_eq!(obama.role_on_date.as_deref(), Some("head_of_state"));
    // Out of office, the surname alone names nobody.
    assert!(kb()
        .leader_by_surname(text, at("Obama"), d("2022-06-01"))
        .is_none());
}

#[test]
fn an_elect_or_former_office_holder_is_not_the_holder_of_the_day() {
    let on = d("2009-01-01");
    let plain = kb().resolve_text("The US President asked him to serve.", on);
    assert!(
        plain
            .iter()
            .any(|m| m.person.as_deref() == Some("George W. Bush")),
        "{plain:?}"
    );
    for text in [
        "The US President-elect asked him to serve.",
        "The former US President asked him to serve.",
    ] {
        let m = kb().resolve_text(text, on);
        assert!(
            m.iter().any(|m| m.country.as_deref() == Some("USA")),
            "{text}: {m:?}"
        );
        assert!(m.iter().all(|m| m.person.is_none()), "{text}: {m:?}");
    }
}

/// "China's top diplomat, Wang Yi": the appositive name is who is meant, not
/// the office's holder of the day; without a name the office stands for its holder.
#[test]
fn an_office_followed_by_a_name_is_that_person() {
    let ms = kb().resolve_text(
        "Blinken met China's top diplomat, Wang Yi, on Saturday.",
        d("2023-02-18"),
    );
    let people: Vec<&str> = ms.iter().filter_map(|m| m.person.as_deref()).collect();
    assert!(people.contains(&"Wang Yi"), "{ms:#?}");
    assert!(!people.contains(&"Qin Gang"), "{ms:#?}");
    let ms = kb().resolve_text(
        "Blinken met China's top diplomat on Saturday.",
        d("2023-02-18"),
    );
    assert!(
        ms.iter()
            .any(|m| m.kind == MentionKind::Office && m.person.as_deref() == Some("Qin Gang")),
        "{ms:#?}"
    );
}

#[test]
fn names_in_broken_case_resolve_but_ordinary_words_do_not() {
    let on = d("2015-06-20");
    let countries = |text: &str| -> Vec<(String, Option<String>)> {
        kb().resolve_text(text, on)
            .into_iter()
            .map(|m| (m.text, m.country))
            .collect()
    };
    // A capital inside a lower-case word, a country or a demonym in lower case.
    let m = countries("The US wants to help iSrael against tunisian rioters.");
    assert!(
        m.contains(&("iSrael".to_string(), Some("ISR".to_string()))),
        "{m:?}"
    );
    assert!(
        m.contains(&("tunisian".to_string(), Some("TUN".to_string()))),
        "{m:?}"
    );
    // Ordinary words spelled like a country stay words.
    let m = countries("He ate turkey off fine china with polish friends.");
    assert!(m.is_empty(), "{m:?}");
    // A person's full name in lower case, and a holder's surname after a title.
    let m = kb().resolve_text("barack obama met President putin.", on);
    let people: Vec<Option<&str>> = m.iter().map(|m| m.person.as_deref()).collect();
    assert!(people.contains(&Some("Barack Obama")), "{m:?}");
    assert!(people.contains(&Some("Vladimir Putin")), "{m:?}");
    // A lower-case word after a title is a name only when someone who held
    // that office bore it.
    let m = kb().resolve_text("The President may decide.", on);
    assert!(m.iter().all(|m| m.person.is_none()), "{m:?}");
    // Nor when it is an ordinary word that is also a holder's surname: Oman's
    // sultan, its prime minister, was Qaboos bin Said.
    for text in [
        "The prime minister said the talks would go ahead.",
        "The president said nothing.",
    ] {
        let m = kb().resolve_text(text, d("2015-06-01"));
        assert!(m.iter().all(|m| m.person.is_none()), "{text}: {m:?}");
    }
    // A user's layer is read as written: its names need their capitals.
    let layer = "alias\tactor\tstart\tend\tperson\tsource\nMarchtown\tFRA\t\t\t\tuser\n";
    let kb = KnowledgeBase::with_layers(&[("mine.tsv", layer)]).expect("layer loads");
    assert_eq!(kb.resolve_text("Marchtown protested.", on).len(), 1);
    assert!(kb.resolve_text("marchtown protested.", on).is_empty());
}

#[test]
fn a_transliteration_one_letter_away_is_the_known_holder() {
    // "Zelenskiy" (a wire's spelling) for Zelenskyy, after a title and alone.
    let text = "President Volodymyr Zelenskiy met the U.N. chief. Zelenskiy said talks went well.";
    let m = kb().resolve_text(text, d("2023-07-08"));
    let people: Vec<(&str, Option<&str>)> = m
        .iter()
        .filter(|x| x.text.contains("Zelenskiy"))
        .map(|x| (x.person.as_deref().unwrap_or(""), x.role_on_date.as_deref()))
        .collect();
    assert_eq!(
        people,
        [
            ("Volodymyr Zelenskyy", Some("head_of_state")),
            ("Volodymyr Zelenskyy", Some("head_of_state"))
        ],
        "{m:#?}"
    );
}

#[test]
fn a_word_of_address_between_title_and_name_is_no_name() {
    let text = "UAE Foreign Minister Sheikh Abdullah bin Zayed signed the accord.";
    let m = kb().resolve_text(text, d("2020-09-15"));
    let first = &m[0];
    assert_eq!(
        first.person.as_deref(),
        Some("Abdullah bin Zayed Al Nahyan"),
        "{m:#?}"
    );
    assert_eq!(
        first.role_on_date.as_deref(),
        Some("foreign_minister"),
        "{m:#?}"
    );
    assert!(
        !m.iter().any(|x| x.person.as_deref() == Some("Sheikh")),
        "{m:#?}"
    );
}

#[test]
fn a_surname_running_on_into_another_name_is_someone_else() {
    // "Kim Hyok Chol" after Kim Jong Un is another Kim.
    let text = "Kim Jong Un met the envoy. He later saw his opposite number, Kim Hyok Chol. \
                Kim said the talks went well.";
    let m = kb().resolve_text(text, d("2019-02-08"));
    let kims: Vec<&str> = m
        .iter()
        .filter(|x| x.person.as_deref() == Some("Kim Jong Un"))
        .map(|x| x.text.as_str())
        .collect();
    assert_eq!(kims, ["Kim Jong Un", "Kim"], "{m:#?}");
    let last = m.last().map(|x| x.span.start);
    assert_eq!(last, text.rfind("Kim"), "{m:#?}");
}

#[test]
fn kosovo_is_xkx_with_its_office_holders() {
    let text = "Kosovo's President Hashim Thaci spoke in Pristina.";
    let m = kb().resolve_text(text, d("2020-06-25"));
    assert!(
        m.iter().all(|x| x.country.as_deref() == Some("XKX")),
        "{m:#?}"
    );
    let thaci = m
        .iter()
        .find(|x| x.person.is_some())
        .unwrap_or_else(|| panic!("{m:#?}"));
    assert_eq!(
        thaci.role_on_date.as_deref(),
        Some("head_of_state"),
        "{m:#?}"
    );
    // CountryInfo's Kosovo entry holds Kiribati's presidents: not Kosovo's.
    let kosovo_heads = kb().terms("XKX", "head_of_state");
    assert!(
        kosovo_heads.iter().all(|t| !t.name.contains("Tabai")),
        "{kosovo_heads:#?}"
    );
}

#[test]
fn the_three_countries_are_the_three_states_of_the_sentence_before() {
    // No list of exactly three states; the sentence before names three, one
    // of them only through its diplomats.
    let text = "The United Arab Emirates has called off a meeting with Israeli and American \
                diplomats. The ambassadors of the three countries had been due to meet in New \
                York on Friday.";
    let m = kb().resolve_text(text, d("2020-08-25"));
    let mut three: Vec<&str> = m
        .iter()
        .filter(|x| x.text == "the three countries")
        .filter_map(|x| x.country.as_deref())
        .collect();
    three.sort();
    assert_eq!(three, ["ARE", "ISR", "USA"], "{m:#?}");
}

/// A title set off after a name is the title the report gives that person:
/// checked against the person's terms, never a mention of the day's holder.
#[test]
fn an_office_after_a_name_is_a_claim_on_that_name() {
    let text = "Qin Gang, China's foreign minister, joined Xi. Wang Yi, China's foreign \
                minister, joined Xi. Mike Pompeo, the CIA director, met Kim.";
    let ms = kb().resolve_text(text, d("2023-11-15"));
    let person = |name: &str| ms.iter().find(|m| m.text == name);
    let qin = person("Qin Gang").expect("Qin Gang resolved");
    assert_eq!(qin.claimed_role.as_deref(), Some("foreign_minister"));
    assert!(qin.anachronism.is_some(), "{qin:?}");
    let wang = person("Wang Yi").expect("Wang Yi resolved");
    assert!(wang.anachronism.is_none(), "{wang:?}");
    let pompeo = person("Mike Pompeo").expect("Pompeo resolved");
    assert_eq!(pompeo.claimed_role.as_deref(), Some("intelligence_chief"));
    assert!(pompeo.anachronism.is_some(), "{pompeo:?}");
    // The offices give way to the names: no mention of the day's holder.
    assert!(ms.iter().all(|m| m.kind != MentionKind::Office), "{ms:#?}");
    // On a day in his term the same apposition is right.
    let ms = kb().resolve_text("Mike Pompeo, the CIA director, met Kim.", d("2017-06-01"));
    let pompeo = ms
        .iter()
        .find(|m| m.text == "Mike Pompeo")
        .expect("resolved");
    assert!(pompeo.anachronism.is_none(), "{pompeo:?}");
    assert!(kb().loose_title("intelligence_chief"));
    assert!(!kb().loose_title("foreign_minister"));
}

/// A name the knowledge base lacks under a title whose country is only
/// implied is not that country's official where the knowledge base knows who
/// held the office there on the day: "Foreign Secretary Vijay Gokhale" is not
/// British.
#[test]
fn an_implied_title_country_is_not_given_to_a_stranger() {
    let text =
        "Foreign Secretary Vijay Gokhale briefed reporters. Foreign Secretary Dominic Raab spoke.";
    let ms = kb().resolve_text(text, d("2019-10-12"));
    let gokhale = ms
        .iter()
        .find(|m| m.text.contains("Gokhale"))
        .expect("Gokhale found");
    assert_eq!(gokhale.country, None, "{gokhale:?}");
    let raab = ms
        .iter()
        .find(|m| m.text.contains("Raab"))
        .expect("Raab found");
    assert_eq!(raab.country.as_deref(), Some("GBR"), "{raab:?}");
}

/// The pope is the Vatican's head of state, by name or by title; a short name
/// ending a longer state name the text used is that state.
#[test]
fn the_pope_and_a_congo_named_in_full_before() {
    let text = "Pope Francis arrived in the Democratic Republic of Congo on Tuesday. The pontiff \
                met President Félix Tshisekedi. Congo accuses Rwanda of backing the rebels.";
    let ms = kb().resolve_text(text, d("2023-01-31"));
    let country_of = |t: &str| {
        ms.iter()
            .find(|m| m.text == t)
            .and_then(|m| m.country.clone())
    };
    assert_eq!(
        country_of("Pope Francis").as_deref(),
        Some("VAT"),
        "{ms:#?}"
    );
    assert_eq!(country_of("pontiff").as_deref(), Some("VAT"), "{ms:#?}");
    assert_eq!(country_of("Congo").as_deref(), Some("COD"), "{ms:#?}");
    // Alone, "Congo" is the Republic of the Congo.
    let ms = kb().resolve_text("Congo accuses Rwanda.", d("2023-01-31"));
    assert_eq!(ms.first().and_then(|m| m.country.as_deref()), Some("COG"));
}

/// REIGN gives some leaders whole ("Imran Khan", "Charles Michel"): the
/// import must not swap them for a namesake of another decade that shares
/// the surname (Ghulam Ishaq Khan, Louis Michel).
#[test]
fn imported_leaders_keep_the_names_reign_gives_whole() {
    let reign = dyad_kb::BUILTIN_FILES
        .iter()
        .find(|(n, _)| n.ends_with("offices.reign.tsv"))
        .map(|(_, c)| *c)
        .expect("the REIGN import ships");
    for (row_start, name) in [
        ("PAK\thead_of_government\t", "Imran Khan\t2018-08-18"),
        ("BEL\thead_of_government\t", "Charles Michel\t2014-10-11"),
        ("LBN\thead_of_government\t", "Saad Hariri\t2020-10-22"),
    ] {
        let row = format!("{row_start}{name}");
        assert!(reign.contains(&row), "no row {row:?}");
    }
    assert!(!reign.contains("Ghulam Ishaq Khan\t2018"));
}

#[test]
fn hyphenated_given_names_are_read_whole() {
    // The second piece of a romanised given name is written in lower case
    // ("Geun-hye", "Jae-in"), where a source may write "Park Geun Hye": the
    // name is read whole, after a title too, and shown as the curated row
    // spells it.
    let on = d("2016-09-06");
    let m = kb().resolve_text("South Korean President Park Geun-hye arrived.", on);
    let park = m
        .iter()
        .find(|m| m.kind == MentionKind::Person)
        .expect("a person");
    assert_eq!(park.text, "South Korean President Park Geun-hye");
    assert_eq!(park.person.as_deref(), Some("Park Geun-hye"));
    assert_eq!(park.role_on_date.as_deref(), Some("head_of_state"));
    assert!(park.anachronism.is_none());
    let m = kb().resolve_text("They met Park Geun-hye on Tuesday.", on);
    assert!(m
        .iter()
        .any(|m| m.text == "Park Geun-hye" && m.person.as_deref() == Some("Park Geun-hye")));
    // A name the tables lack is still one name, and no one else's: Kim
    // Yo-jong is not Kim Jong-un, though both are Kims.
    let m = kb().resolve_text("President Kim Yo-jong spoke.", d("2021-01-01"));
    let kim = m
        .iter()
        .find(|m| m.kind == MentionKind::Person)
        .expect("a person");
    assert_eq!(kim.text, "President Kim Yo-jong");
    assert_eq!(kim.person.as_deref(), Some("Kim Yo-jong"));
    let m = kb().resolve_text("Jean-Yves Le Drian met Moon Jae-in.", d("2018-01-01"));
    let people: Vec<&str> = m.iter().filter_map(|m| m.person.as_deref()).collect();
    assert_eq!(people, ["Jean-Yves Le Drian", "Moon Jae-in"]);
}

#[test]
fn a_premiers_title_on_a_president_is_checked() {
    // "President" may name a head of government (Iran's), but "Prime
    // Minister" for a president the tables tell from the prime minister of
    // the day is a title she did not hold.
    let m = kb().resolve_text(
        "Obama met South Korea's Prime Minister Park Geun-hye.",
        d("2016-09-07"),
    );
    let park = m
        .iter()
        .find(|m| m.person.as_deref() == Some("Park Geun-hye"))
        .expect("Park");
    let a = park.anachronism.as_ref().expect("a title conflict");
    assert_eq!(a.claimed.role, "head_of_government");
    assert_eq!(
        a.holder.as_ref().map(|h| h.name.as_str()),
        Some("Hwang Kyo-ahn")
    );
}

#[test]
fn a_bare_title_stands_for_the_holder_named_before() {
    let on = d("2016-09-06");
    let text = "President Barack Obama will not hold talks with Philippine President \
                Rodrigo Duterte, after Duterte insulted him. A spokesman said the \
                president would meet South Korean President Park Geun-hye instead.";
    let m = kb().resolve_text(text, on);
    let the = m
        .iter()
        .find(|m| m.text == "the president")
        .expect("the president resolved");
    // The one named with the bare title, not the one qualified by his
    // country, though named later.
    assert_eq!(the.person.as_deref(), Some("Barack Obama"));
    assert_eq!(the.actor.as_deref(), Some("USAGOV"));
    assert!(the.claimed_role.is_none());
    // Of several named with the bare title, the first, whom the report is
    // about.
    let text = "President Barack Obama will visit Havana, where he will meet President \
                Raúl Castro. Ben Rhodes said the president would not meet Fidel Castro.";
    let m = kb().resolve_text(text, d("2016-02-18"));
    assert!(
        m.iter()
            .any(|m| m.text == "the president" && m.person.as_deref() == Some("Barack Obama")),
        "{m:?}"
    );
    // The one person in that office named before.
    let m = kb().resolve_text(
        "Japanese Prime Minister Shinzo Abe flew home. The prime minister's office said.",
        on,
    );
    assert!(m
        .iter()
        .any(|m| m.text == "The prime minister" && m.person.as_deref() == Some("Shinzo Abe")));
    // Left alone: no one in that office named before (a past holder is not
    // today's), two qualified holders, a title running on, other forms.
    for text in [
        "The president said so.",
        "Former President Lee Myung-bak went to Kyoto. The president will go too.",
        "Wang Yi, the foreign minister, met Antony Blinken. Yes.",
        "Japanese Prime Minister Shinzo Abe met Indian Prime Minister Narendra Modi. \
         The prime minister said so.",
        "Philippine President Rodrigo Duterte met Chinese President Xi Jinping. \
         The president said.",
        "President Barack Obama spoke. The president-elect and the president of the \
         bank met a president; presidents came.",
    ] {
        let m = kb().resolve_text(text, on);
        assert!(
            !m.iter().any(|m| m.text.to_lowercase().starts_with("the ")
                && m.kind == MentionKind::Person),
            "{text}: {m:?}"
        );
    }
}
