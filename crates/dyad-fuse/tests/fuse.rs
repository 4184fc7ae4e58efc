//! Fusion through the public API, on hand-built mentions shaped like the seed
//! reports (US–Japan "2+2" talks of 2021, 2022 and 2024).

use chrono::NaiveDate;
use dyad_core::{
    ActorRef, Anachronism, DateValue, EventDate, EventLocation, EventMention, EventStatus,
    EventType, Grain, Participant, Span,
};
use dyad_fuse::{fuse, CanonicalEvent, Fusion};
use proptest::prelude::*;

fn published(s: &str) -> DateValue {
    let parts: Vec<u32> = s.split('-').map(|p| p.parse().unwrap()).collect();
    match parts.as_slice() {
        [y, m] => DateValue::month(*y as i32, *m).unwrap(),
        [y, m, d] => DateValue::day(NaiveDate::from_ymd_opt(*y as i32, *m, *d).unwrap()),
        _ => panic!("bad date {s}"),
    }
}

fn date(value: &str) -> EventDate {
    let grain = match value.len() {
        4 => Grain::Year,
        7 => Grain::Month,
        _ => Grain::Day,
    };
    EventDate {
        text: Some(value.into()),
        span: None,
        value: value.into(),
        grain,
        start: None,
    }
}

fn place(name: &str, country: Option<&str>) -> EventLocation {
    EventLocation {
        text: name.into(),
        span: Span::new(0, 1),
        name: name.into(),
        country: country.map(str::to_string),
    }
}

fn person(name: &str, country: &str, role: &str) -> Participant {
    Participant {
        name: name.into(),
        span: Span::new(0, 1),
        actor: None,
        country: Some(country.into()),
        role: Some(role.into()),
        anachronism: None,
        companion: false,
    }
}

struct M {
    doc: &'static str,
    n: usize,
    published: &'static str,
    ty: EventType,
    status: EventStatus,
    actors: &'static [&'static str],
    date: Option<&'static str>,
    location: Option<EventLocation>,
    participants: Vec<Participant>,
    sentence: &'static str,
    mode: Option<&'static str>,
}

fn mention(m: M) -> EventMention {
    EventMention {
        id: format!("{}:{}:0", m.doc, m.n * 100),
        doc: m.doc.into(),
        sentence: Span::new(m.n * 100, m.n * 100 + m.sentence.len()),
        sentence_text: m.sentence.into(),
        trigger: Span::new(m.n * 100, m.n * 100 + 4),
        event_type: m.ty,
        mode: m.mode.map(str::to_string),
        context: None,
        cameo: None,
        status: m.status,
        source: None,
        target: None,
        actors: m.actors.iter().map(|s| s.to_string()).collect(),
        participants: m.participants,
        date: m.date.map(date),
        location: m.location,
        according_to: None,
        confidence: 0.9,
        published: Some(published(m.published)),
        implied_by: None,
        described: None,
    }
}

fn consult(
    doc: &'static str,
    n: usize,
    pubd: &'static str,
    status: EventStatus,
    date: Option<&'static str>,
    location: Option<EventLocation>,
    sentence: &'static str,
) -> M {
    M {
        doc,
        n,
        published: pubd,
        ty: EventType::Consult,
        status,
        actors: &["JPN", "USA"],
        date,
        location,
        participants: vec![],
        sentence,
        mode: None,
    }
}

const D000: &str = "000_a";
const D001: &str = "001_b";
const D002: &str = "002_c";
const D003: &str = "003_d";
const D004: &str = "004_e";

/// Mentions shaped like the five seed reports.
fn seed_like() -> Vec<EventMention> {
    use EventStatus::*;
    let mut out = Vec::new();
    let mut m = consult(D001, 1, "2021-11-29", Planned, Some("2022-01"), Some(place("United States", Some("USA"))),
        "Japan and the United States are arranging to hold security talks with their foreign and defence ministers in January");
    m.participants = vec![
        person("Yoshimasa Hayashi", "JPN", "Minister for Foreign Affairs"),
        person("Nobuo Kishi", "JPN", "Minister of Defense"),
    ];
    out.push(mention(m));
    out.push(mention(consult(D001, 2, "2021-11-29", Occurred, Some("2021-03"), Some(place("Tokyo", Some("JPN"))),
        "Japan and the United States last met in Tokyo in March for a two-plus-two security meeting")));
    let mut m = consult(
        D001,
        3,
        "2021-11-29",
        Planned,
        Some("2022-01"),
        None,
        "Biden and Kishida are planning a summit meeting, although no date has been determined yet",
    );
    m.participants = vec![
        person("Joe Biden", "USA", "President"),
        person("Fumio Kishida", "JPN", "Prime Minister"),
    ];
    out.push(mention(m));
    let mut m = consult(D000, 1, "2021-12-21", Planned, Some("2022-01-07"), Some(place("Washington", Some("USA"))),
        "The meeting on Jan. 7, called the 2+2 dialogue, will include Secretary of State Antony Blinken");
    m.participants = vec![person("Antony Blinken", "USA", "Secretary of State")];
    out.push(mention(m));
    out.push(mention(consult(
        D000,
        2,
        "2021-12-21",
        Occurred,
        Some("2021-03"),
        Some(place("Tokyo", Some("JPN"))),
        "The last 2+2 ministerial was held in Tokyo in March",
    )));
    let mut m = consult(
        D003,
        1,
        "2022-01-07",
        Occurred,
        Some("2022-01-07"),
        Some(place("virtual", None)),
        "Japan and the United States began a virtual ministerial security meeting Friday",
    );
    m.mode = Some("phone");
    m.participants = vec![
        person("Antony Blinken", "USA", "Secretary of State"),
        person("Lloyd Austin", "USA", "Secretary of Defense"),
        person("Yoshimasa Hayashi", "JPN", "Minister for Foreign Affairs"),
        person("Nobuo Kishi", "JPN", "Minister of Defense"),
    ];
    out.push(mention(m));
    out.push(mention(consult(
        D003,
        2,
        "2022-01-07",
        Occurred,
        Some("2021-03"),
        Some(place("Tokyo, Japan", Some("JPN"))),
        "the talks, which were last held in person in Tokyo in March",
    )));
    // 2024: 004 (published July 2024) names Kishi as defence minister, an anachronism.
    let mut m = consult(
        D004,
        1,
        "2024-07",
        Planned,
        Some("2024-07-28"),
        None,
        "Japan and the US will hold high-level security talks on July 28",
    );
    let mut kishi = person("Nobuo Kishi", "JPN", "Minister of Defense");
    kishi.anachronism = Some(Anachronism {
        claimed_role: "Defense Minister".into(),
        holder: Some("Minoru Kihara".into()),
        person_term: Some((Some("2020-09-16".into()), Some("2022-08-10".into()))),
        holder_term: Some((Some("2023-09-13".into()), Some("2024-10-01".into()))),
        source: None,
    });
    m.participants = vec![
        person("Yoko Kamikawa", "JPN", "Minister for Foreign Affairs"),
        kishi,
    ];
    out.push(mention(m));
    let mut m = consult(
        D002,
        1,
        "2024-07-28",
        Planned,
        Some("2024-07-28"),
        Some(place("Tokyo", Some("JPN"))),
        "Blinken and Austin were due later Sunday to hold 2+2 talks with Kamikawa and Kihara",
    );
    m.participants = vec![
        person("Antony Blinken", "USA", "Secretary of State"),
        person("Yoko Kamikawa", "JPN", "Minister for Foreign Affairs"),
        person("Minoru Kihara", "JPN", "Minister of Defense"),
    ];
    out.push(mention(m));
    // Agreement signing, 9.2 vs 9 billion: the same agreement said two ways.
    // Dated by its report to January: an undated plan is filed by its report's
    // quarter, and this report is from December (see the blocking limits in
    // ARCHITECTURE.md).
    let mut a = consult(D000, 3, "2021-12-21", Planned, Some("2022-01"), None,
        "The text of the new cost-sharing agreement, up to $9.2 billion over five years, will be released after the agreement is concluded in January");
    a.ty = EventType::Agree;
    out.push(mention(a));
    let mut a = consult(D003, 3, "2022-01-07", Planned, Some("2022-01-07"), Some(place("Tokyo", Some("JPN"))),
        "Hayashi and Greene will sign an agreement in Tokyo on host nation support, 1.05 trillion yen ($9 billion) over five years");
    a.ty = EventType::Agree;
    out.push(mention(a));
    out
}

fn find<'a>(
    events: &'a [CanonicalEvent],
    ty: EventType,
    date_prefix: &str,
) -> Vec<&'a CanonicalEvent> {
    events
        .iter()
        .filter(|e| {
            e.event_type == ty
                && e.date
                    .as_ref()
                    .is_some_and(|d| d.value.starts_with(date_prefix))
        })
        .collect()
}

fn docs(e: &CanonicalEvent) -> Vec<&str> {
    let mut d: Vec<&str> = e.mentions.iter().map(|m| m.doc.as_str()).collect();
    d.sort();
    d.dedup();
    d
}

#[test]
fn three_reports_one_event_with_history_and_conflicts() {
    let events = fuse(&seed_like());
    let talks = find(&events, EventType::Consult, "2022-01");
    // The 2+2 and the Biden–Kishida summit (different people) stay apart.
    assert_eq!(talks.len(), 2, "{talks:#?}");
    let two_plus_two = talks
        .iter()
        .find(|e| e.mentions.len() == 3)
        .expect("the 2+2 from three reports");
    assert_eq!(docs(two_plus_two), vec![D000, D001, D003]);
    assert_eq!(two_plus_two.status, EventStatus::Occurred);
    assert_eq!(two_plus_two.date.as_ref().unwrap().value, "2022-01-07");
    assert_eq!(two_plus_two.location.as_ref().unwrap().name, "virtual");
    assert_eq!(two_plus_two.mode.as_deref(), Some("phone"));
    // Oldest report first.
    let hist: Vec<(&str, &str)> = two_plus_two
        .status_history
        .iter()
        .map(|h| (h.doc.as_str(), h.status.as_str()))
        .collect();
    assert_eq!(
        hist,
        vec![(D001, "planned"), (D000, "planned"), (D003, "occurred")]
    );
    assert_eq!(
        two_plus_two.status_history[0].date.as_ref().unwrap().value,
        "2022-01"
    );
    // In person → virtual is a change of plan, flagged and resolved by the later report;
    // planned → occurred is ordinary (no status conflict); January vs 7 January agree.
    let fields: Vec<&str> = two_plus_two
        .conflicts
        .iter()
        .map(|c| c.field.as_str())
        .collect();
    assert_eq!(fields, vec!["location"], "{:#?}", two_plus_two.conflicts);
    let loc = &two_plus_two.conflicts[0];
    assert_eq!(loc.resolution, "virtual");
    assert_eq!(loc.reason, "later report supersedes plan");
    assert_eq!(loc.values.len(), 2);
    let names: Vec<&str> = two_plus_two
        .participants
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert!(
        names.contains(&"Antony Blinken") && names.contains(&"Nobuo Kishi"),
        "{names:?}"
    );
    assert_eq!(two_plus_two.participants.len(), 4);
}

#[test]
fn talks_of_2021_and_2024_stay_apart() {
    let events = fuse(&seed_like());
    let march = find(&events, EventType::Consult, "2021-03");
    assert_eq!(march.len(), 1);
    assert_eq!(docs(march[0]), vec![D000, D001, D003]);
    // "Tokyo" and "Tokyo, Japan" are one place in two wordings.
    assert!(march[0].conflicts.is_empty(), "{:#?}", march[0].conflicts);
    let y2024 = find(&events, EventType::Consult, "2024-07");
    assert_eq!(y2024.len(), 1);
    assert_eq!(docs(y2024[0]), vec![D002, D004]);
    assert_eq!(y2024[0].status, EventStatus::Planned);
}

#[test]
fn knowledge_base_disagreement_is_a_participants_conflict() {
    let events = fuse(&seed_like());
    let e = find(&events, EventType::Consult, "2024-07")[0];
    let c = e
        .conflicts
        .iter()
        .find(|c| c.field == "participants")
        .expect("Kishi as defence minister in 2024 is flagged");
    assert_eq!(c.resolution, "Minoru Kihara");
    assert!(
        c.reason
            .starts_with("knowledge base: Minoru Kihara held the post from 2023-09-13"),
        "{}",
        c.reason
    );
    assert_eq!(c.values[0].docs, vec![D004.to_string()]);
    assert_eq!(c.values[1].docs, vec![D002.to_string()]);
    // The person ruled out is not a participant.
    assert!(e.participants.iter().all(|p| p.name != "Nobuo Kishi"));
}

#[test]
fn rounding_look_alikes_are_not_conflicts() {
    let events = fuse(&seed_like());
    let agree: Vec<&CanonicalEvent> = events
        .iter()
        .filter(|e| e.event_type == EventType::Agree)
        .collect();
    assert_eq!(agree.len(), 1, "{agree:#?}");
    assert_eq!(docs(agree[0]), vec![D000, D003]);
    assert!(agree[0].conflicts.is_empty(), "{:#?}", agree[0].conflicts);
}

#[test]
fn postponement_is_a_status_change() {
    use EventStatus::*;
    let ms = vec![
        mention(consult(
            "r1",
            1,
            "2022-01-02",
            Planned,
            Some("2022-01-20"),
            Some(place("Tokyo", Some("JPN"))),
            "Ministers will meet in Tokyo on Jan. 20 for security talks",
        )),
        mention(consult(
            "r2",
            1,
            "2022-01-15",
            Postponed,
            Some("2022-03"),
            Some(place("Tokyo", Some("JPN"))),
            "The security talks in Tokyo have been postponed to March",
        )),
    ];
    let events = fuse(&ms);
    assert_eq!(events.len(), 1, "{events:#?}");
    let e = &events[0];
    assert_eq!(e.status, Postponed);
    assert_eq!(e.date.as_ref().unwrap().value, "2022-03");
    let status = e
        .conflicts
        .iter()
        .find(|c| c.field == "status")
        .expect("status change");
    assert_eq!(status.resolution, "postponed");
    assert_eq!(status.reason, "later report supersedes plan");
    let d = e
        .conflicts
        .iter()
        .find(|c| c.field == "date")
        .expect("date change");
    assert_eq!(d.resolution, "2022-03");
}

#[test]
fn one_sided_mentions_meet_their_event() {
    use EventStatus::*;
    let mut one_sided = consult(
        "x",
        2,
        "2022-01-08",
        Occurred,
        Some("2022-01-07"),
        None,
        "Japan held a virtual ministerial security meeting Friday",
    );
    one_sided.actors = &["JPN"];
    let ms = vec![
        mention(consult(
            "x",
            1,
            "2022-01-08",
            Occurred,
            Some("2022-01-07"),
            None,
            "Japan and the United States held security talks on Friday",
        )),
        mention(one_sided),
        mention(consult(
            "y",
            1,
            "2022-01-08",
            Occurred,
            Some("2022-01-07"),
            None,
            "The US and Japan met by video on Friday",
        )),
    ];
    // Blocks are by type and year; a one-sided mention meets its event
    // because parties need only overlap.
    let keys = dyad_fuse::document_block_keys(&ms[..2]);
    assert_eq!(keys, vec!["CONSULT|2022", "CONSULT|2022"]);
    let events = fuse(&ms);
    assert_eq!(events.len(), 1, "{events:#?}");
    assert_eq!(events[0].actors, vec!["JPN", "USA"]);
    // Alone in its report, a one-sided mention is filed by its own date.
    assert_eq!(
        dyad_fuse::document_block_keys(&ms[1..2]),
        vec!["CONSULT|2022"]
    );
}

#[test]
fn occurred_events_in_different_countries_stay_apart() {
    use EventStatus::*;
    let ms = vec![
        mention(consult(
            "a",
            1,
            "2022-05-02",
            Occurred,
            Some("2022-05-01"),
            Some(place("Tokyo", Some("JPN"))),
            "Officials met in Tokyo",
        )),
        mention(consult(
            "b",
            1,
            "2022-05-02",
            Occurred,
            Some("2022-05-01"),
            Some(place("Washington", Some("USA"))),
            "Officials met in Washington",
        )),
    ];
    assert_eq!(fuse(&ms).len(), 2);
}

/// Two meetings of one leader on one day at one summit, with different
/// partners (Biden with Zelenskyy; Biden with Kishida and Yoon): sharing only
/// the common party's leader does not make them one.
#[test]
fn crossing_meetings_sharing_only_the_common_leader_stay_apart() {
    use EventStatus::*;
    let hiroshima = || Some(place("Hiroshima", Some("JPN")));
    let biden = || person("Joe Biden", "USA", "President");
    let mut a = consult(
        "a",
        1,
        "2023-05-21",
        Occurred,
        Some("2023-05-21"),
        hiroshima(),
        "Biden met Zelenskyy",
    );
    a.actors = &["UKR", "USA"];
    a.mode = Some("multilateral");
    a.participants = vec![biden(), person("Volodymyr Zelenskyy", "UKR", "President")];
    let mut b = consult(
        "b",
        1,
        "2023-05-22",
        Occurred,
        Some("2023-05-21"),
        hiroshima(),
        "Biden met Kishida and Yoon",
    );
    b.actors = &["JPN", "KOR", "USA"];
    b.mode = Some("multilateral");
    b.participants = vec![
        biden(),
        person("Fumio Kishida", "JPN", "Prime Minister"),
        person("Yoon Suk Yeol", "KOR", "President"),
    ];
    assert_eq!(fuse(&[mention(a), mention(b)]).len(), 2);
}

/// A summit runs over days: a plan dated by its first day ("from Friday") and
/// a report of it held on the Saturday tell of one summit; two meetings held
/// on different days of it stay two.
#[test]
fn a_summit_planned_from_its_first_day_and_held_on_its_second_is_one() {
    use EventStatus::*;
    let g7 = |doc, pubd, status, date: &'static str| {
        let mut m = consult(
            doc,
            1,
            pubd,
            status,
            Some(date),
            Some(place("Hiroshima", Some("JPN"))),
            "The Group of Seven summit in Hiroshima",
        );
        m.actors = &["CAN", "DEU", "FRA", "GBR", "ITA", "JPN", "USA"];
        m.mode = Some("multilateral");
        m
    };
    let ms = vec![
        mention(g7("a", "2023-05-15", Planned, "2023-05-19")),
        mention(g7("b", "2023-05-21", Occurred, "2023-05-20")),
    ];
    assert_eq!(fuse(&ms).len(), 1, "{:#?}", fuse(&ms));
    // Held on two days: two meetings, even of the same parties.
    let ms = vec![
        mention(g7("a", "2023-05-21", Occurred, "2023-05-19")),
        mention(g7("b", "2023-05-21", Occurred, "2023-05-21")),
    ];
    assert_eq!(fuse(&ms).len(), 2);
    // A plan for a day a week away is not that summit's first day.
    let ms = vec![
        mention(g7("a", "2023-05-10", Planned, "2023-05-12")),
        mention(g7("b", "2023-05-21", Occurred, "2023-05-20")),
    ];
    let events = fuse(&ms);
    assert!(
        events.len() == 2 || events[0].conflicts.iter().any(|c| c.field == "date"),
        "{events:#?}"
    );
}

/// A grouping's summit planned in Sydney, called off there and held in
/// Hiroshima instead is one meeting that moved, with its place in conflict.
#[test]
fn a_summit_called_off_at_one_venue_and_held_at_another_is_one_meeting() {
    use EventStatus::*;
    let quad = |doc, pubd, status, date, city, country| {
        let mut m = consult(
            doc,
            1,
            pubd,
            status,
            Some(date),
            Some(place(city, Some(country))),
            "The Quad leaders' summit",
        );
        m.actors = &["AUS", "IND", "JPN", "USA"];
        m.mode = Some("multilateral");
        mention(m)
    };
    let ms = vec![
        quad("a", "2023-05-15", Planned, "2023-05-24", "Sydney", "AUS"),
        quad("b", "2023-05-17", Cancelled, "2023-05-24", "Sydney", "AUS"),
        quad(
            "c",
            "2023-05-21",
            Occurred,
            "2023-05-20",
            "Hiroshima",
            "JPN",
        ),
    ];
    let events = fuse(&ms);
    assert_eq!(events.len(), 1, "{events:#?}");
    let e = &events[0];
    assert_eq!(e.status, Occurred);
    assert!(
        e.conflicts.iter().any(|c| c.field == "location"),
        "{:#?}",
        e.conflicts
    );
}

/// A visit planned for February, put off, and held in June at the same place is
/// one event across the months; a call before it and a meeting the day after
/// it are events of their own (an event takes place once, and a plan put off
/// is carried out only at its place).
#[test]
fn a_visit_put_off_in_february_and_held_in_june_is_one_event() {
    use EventStatus::*;
    let beijing = || Some(place("Beijing", Some("CHN")));
    let visit = |doc, pubd, status, date, sentence| {
        let mut m = consult(doc, 1, pubd, status, Some(date), beijing(), sentence);
        m.actors = &["CHN", "USA"];
        m.mode = Some("visit");
        m
    };
    let mut call = consult(
        "e",
        1,
        "2023-06-14",
        Occurred,
        Some("2023-06-13"),
        None,
        "Blinken spoke by phone with Qin",
    );
    call.actors = &["CHN", "USA"];
    call.mode = Some("phone");
    let mut xi = consult(
        "d",
        1,
        "2023-06-19",
        Occurred,
        Some("2023-06-19"),
        beijing(),
        "Xi met Blinken in Beijing on Monday",
    );
    xi.actors = &["CHN", "USA"];
    // A plan for a day, which the postponement then puts off too.
    let mut due = consult(
        "b",
        2,
        "2023-02-03",
        Planned,
        Some("2023-02-05"),
        None,
        "Blinken had been due to meet Qin on Sunday",
    );
    due.actors = &["CHN", "USA"];
    let ms = vec![
        mention(due),
        mention(visit(
            "a",
            "2023-01-27",
            Planned,
            "2023-02",
            "Blinken will travel to Beijing next month",
        )),
        mention(visit(
            "b",
            "2023-02-03",
            Postponed,
            "2023-02-05",
            "Blinken postponed his visit to Beijing",
        )),
        mention(call),
        mention(visit(
            "c",
            "2023-06-18",
            Occurred,
            "2023-06-18",
            "Blinken arrived in Beijing on Sunday",
        )),
        mention(xi),
    ];
    let events = fuse(&ms);
    let trip = events
        .iter()
        .find(|e| docs(e).contains(&"c"))
        .unwrap_or_else(|| panic!("{events:#?}"));
    let mut trip_docs = docs(trip);
    trip_docs.dedup();
    assert_eq!(trip_docs, vec!["a", "b", "c"], "{events:#?}");
    assert_eq!(trip.status, Occurred);
    let history: Vec<&str> = trip
        .status_history
        .iter()
        .map(|h| h.status.as_str())
        .collect();
    assert_eq!(history, vec!["planned", "postponed", "occurred"]);
    assert_eq!(events.len(), 3, "{events:#?}");
}

/// A report that some agreement was not reached contradicts another report's
/// agreement only where the two share a person: a word and a day in common are
/// not enough.
#[test]
fn a_denial_without_a_shared_person_is_another_event() {
    use EventStatus::*;
    let agree = |doc, n, pubd, status, date, sentence, people: Vec<Participant>| {
        let mut m = consult(doc, n, pubd, status, Some(date), None, sentence);
        m.ty = EventType::Agree;
        m.actors = &["CHN", "USA"];
        m.participants = people;
        mention(m)
    };
    let qin = || vec![person("Qin Gang", "CHN", "Foreign Minister")];
    let ms = vec![
        agree(
            "a",
            1,
            "2023-06-18",
            Occurred,
            "2023-06-18",
            "Qin accepted an invitation to visit Washington",
            qin(),
        ),
        agree(
            "b",
            1,
            "2023-06-19",
            Denied,
            "2023-06-18",
            "China had not agreed to restore military channels",
            vec![],
        ),
    ];
    assert_eq!(fuse(&ms).len(), 2);
}

/// A visit to one country put off, and a meeting planned in another, are two
/// events (only a grouping's summit moves from one venue to another).
#[test]
fn a_plan_elsewhere_is_not_the_visit_put_off() {
    use EventStatus::*;
    let mut put_off = consult(
        "a",
        1,
        "2023-05-17",
        Postponed,
        Some("2023-05-24"),
        Some(place("Australia", Some("AUS"))),
        "Biden postponed his visit to Australia",
    );
    put_off.actors = &["AUS", "USA"];
    let mut elsewhere = consult(
        "b",
        1,
        "2023-05-18",
        Planned,
        Some("2023-05-24"),
        Some(place("Japan", Some("JPN"))),
        "Albanese expects to meet Biden in Japan",
    );
    elsewhere.actors = &["AUS", "USA"];
    let (put_off, elsewhere) = (mention(put_off), mention(elsewhere));
    assert_eq!(fuse(&[put_off.clone(), elsewhere.clone()]).len(), 2);
    // Whichever is told first, and beside a plan for the visit itself.
    let mut planned_visit = consult(
        "c",
        1,
        "2023-05-15",
        Planned,
        Some("2023-05-24"),
        Some(place("Australia", Some("AUS"))),
        "Biden will visit Australia",
    );
    planned_visit.actors = &["AUS", "USA"];
    let planned_visit = mention(planned_visit);
    for order in [
        [elsewhere.clone(), planned_visit.clone(), put_off.clone()],
        [planned_visit.clone(), elsewhere.clone(), put_off.clone()],
    ] {
        let events = fuse(&order);
        assert_eq!(events.len(), 2, "{events:#?}");
    }
}

#[test]
fn incremental_equals_batch() {
    let all = seed_like();
    let batch = fuse(&all);
    let mut inc = Fusion::new();
    for doc in [D004, D003, D002, D001, D000] {
        let ms: Vec<EventMention> = all.iter().filter(|m| m.doc == doc).cloned().collect();
        inc.add_document(doc, ms);
        // Refresh after every report, as the store does.
        inc.refresh();
    }
    assert_eq!(inc.events(), batch);
    assert_eq!(inc.mention_count(), all.len());
    // Taking a report away and adding it back gives the same events again.
    inc.remove_doc(D003);
    let without = inc.events();
    assert_ne!(without, batch);
    let others: Vec<EventMention> = all.iter().filter(|m| m.doc != D003).cloned().collect();
    assert_eq!(without, fuse(&others));
    let d003: Vec<EventMention> = all.iter().filter(|m| m.doc == D003).cloned().collect();
    inc.add_document(D003, d003.clone());
    assert_eq!(inc.events(), batch);
    // Adding the same report again changes nothing.
    inc.add_document(D003, d003);
    assert_eq!(inc.events(), batch);
}

#[test]
fn ids_are_stable_and_duplicates_count_once() {
    let all = seed_like();
    let a = fuse(&all);
    let mut twice = all.clone();
    twice.extend(all.iter().cloned());
    assert_eq!(fuse(&twice), a);
    let ids: std::collections::BTreeSet<&str> = a.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids.len(), a.len());
    assert!(a
        .iter()
        .all(|e| e.id.starts_with("ev_") && e.id.len() == 19));
}

#[test]
fn contract_shape() {
    let events = fuse(&seed_like());
    let v = serde_json::to_value(&events[0]).unwrap();
    for key in dyad_fuse::CONTRACT_KEYS {
        assert!(v.get(key).is_some(), "missing {key}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// Any arrival order gives the same events.
    #[test]
    fn order_independent(seed in any::<u64>()) {
        let mut all = seed_like();
        let batch = fuse(&all);
        // A deterministic shuffle from the seed.
        let mut s = seed | 1;
        for i in (1..all.len()).rev() {
            s ^= s << 13; s ^= s >> 7; s ^= s << 17;
            all.swap(i, (s % (i as u64 + 1)) as usize);
        }
        prop_assert_eq!(fuse(&all), batch.clone());
        let mut inc = Fusion::new();
        let mut docs: Vec<String> = all.iter().map(|m| m.doc.clone()).collect();
        docs.dedup();
        let mut seen = std::collections::BTreeSet::new();
        for d in docs {
            if seen.insert(d.clone()) {
                let ms: Vec<EventMention> = all.iter().filter(|m| m.doc == d).cloned().collect();
                inc.add_document(&d, ms);
                inc.refresh();
            }
        }
        prop_assert_eq!(inc.events(), batch);
    }
}

#[test]
fn crossing_party_sets_meet_only_through_a_shared_person() {
    // Japan–US talks and Japan–Korea talks the same weekend, nobody in common:
    // two meetings of one partner, not one meeting.
    let us = mention(M {
        participants: vec![person("Antony Blinken", "USA", "foreign_minister")],
        ..consult(
            "r1",
            1,
            "2024-07-28",
            EventStatus::Planned,
            Some("2024-07-28"),
            None,
            "Blinken will hold talks with Japan on Sunday.",
        )
    });
    let kor = mention(M {
        actors: &["JPN", "KOR"],
        participants: vec![person("Shin Won-sik", "KOR", "defense_minister")],
        ..consult(
            "r2",
            1,
            "2024-07-28",
            EventStatus::Planned,
            Some("2024-07-28"),
            None,
            "Shin will join talks in Tokyo on Sunday.",
        )
    });
    assert_eq!(fuse(&[us.clone(), kor.clone()]).len(), 2);
    // The same Korean minister named on both sides of the cross: one meeting.
    let mut us_with_shin = us;
    us_with_shin
        .participants
        .push(person("Shin Won-sik", "KOR", "defense_minister"));
    assert_eq!(fuse(&[us_with_shin, kor]).len(), 1);
}

#[test]
fn a_later_report_naming_a_signatory_outside_the_office_given_is_a_conflict() {
    let agree = |doc: &'static str, pubd: &'static str, participants: Vec<Participant>| {
        mention(M {
            doc,
            n: 1,
            published: pubd,
            ty: EventType::Agree,
            status: EventStatus::Planned,
            actors: &["JPN", "USA"],
            date: Some("2022-01-07"),
            location: None,
            participants,
            sentence: "They will sign the cost-sharing agreement.",
            mode: None,
        })
    };
    let mut early = agree("r1", "2021-11-29", vec![]);
    early.described = Some(dyad_core::DescribedParties {
        text: "the ministers".into(),
        span: Span::new(0, 13),
        roles: vec!["foreign_minister".into(), "defense_minister".into()],
    });
    let late = agree(
        "r2",
        "2022-01-07",
        vec![
            person("Yoshimasa Hayashi", "JPN", "foreign_minister"),
            person("Raymond Greene", "USA", "charge_d_affaires"),
        ],
    );
    let events = fuse(&[early.clone(), late]);
    assert_eq!(events.len(), 1);
    let c = events[0]
        .conflicts
        .iter()
        .find(|c| c.field == "participants")
        .expect("a participants conflict");
    assert!(c.resolution.contains("Greene"), "{c:?}");
    // Ministers named by the later report fit "the ministers": no conflict.
    let fitting = agree(
        "r2",
        "2022-01-07",
        vec![person("Yoshimasa Hayashi", "JPN", "foreign_minister")],
    );
    let events = fuse(&[early, fitting]);
    assert!(events[0]
        .conflicts
        .iter()
        .all(|c| c.field != "participants"));
}

/// Reports with no publication date and no date for the act (a corpus that
/// carries none): they still meet on what they say, but only where they share
/// a party.
#[test]
fn reports_without_any_date_fuse_on_what_they_say() {
    let undated = |doc: &'static str, actors: &'static [&'static str], sentence: &'static str| {
        let mut m = mention(M {
            doc,
            n: 1,
            published: "2000-01-01",
            ty: EventType::Coerce,
            status: EventStatus::Occurred,
            actors,
            date: None,
            location: None,
            participants: vec![],
            sentence,
            mode: None,
        });
        m.published = None;
        m
    };
    let ms = vec![
        undated(
            "r1",
            &["IND"],
            "capt: the Indian navy captured pirates off the coast",
        ),
        undated(
            "r2",
            &["DEU", "IND"],
            "capt: Indian commandos captured the pirates who had attacked a German ship",
        ),
        undated("r3", &["PER"], "capt: Peruvian police captured a drug lord"),
    ];
    let events = fuse(&ms);
    let of = |doc: &str| {
        events
            .iter()
            .position(|e| e.mentions.iter().any(|r| r.doc == doc))
            .expect("each mention is in an event")
    };
    assert_eq!(of("r1"), of("r2"), "{events:#?}");
    assert_ne!(of("r1"), of("r3"), "no shared party, no join");
    // Incremental fusion agrees with batch fusion.
    let mut f = Fusion::new();
    for m in ms.iter().rev() {
        f.add_document(&m.doc, vec![m.clone()]);
    }
    assert_eq!(f.events(), events);
}

/// "The navy captured 23 pirates on Saturday" and, a day later, "the navy has
/// captured 23 pirates": the second report's day is only the coder's inference
/// from the perfect, weaker than the first report's stated day.
#[test]
fn a_date_inferred_from_the_report_day_yields_to_a_stated_one() {
    let capture = |doc: &'static str, published: &'static str, date: &'static str| {
        mention(M {
            doc,
            n: 1,
            published,
            ty: EventType::Coerce,
            status: EventStatus::Occurred,
            actors: &["IND"],
            date: Some(date),
            location: None,
            participants: vec![],
            sentence: "capt: the Indian navy captured 23 pirates in the Gulf of Aden",
            mode: None,
        })
    };
    let stated = capture("r1", "2008-12-13", "2008-12-13");
    let mut inferred = capture("r2", "2008-12-14", "2008-12-14");
    if let Some(d) = inferred.date.as_mut() {
        d.text = None;
        d.span = None;
    }
    let events = fuse(&[stated.clone(), inferred.clone()]);
    assert_eq!(events.len(), 1, "{events:#?}");
    assert_eq!(
        events[0].date.as_ref().map(|d| d.value.as_str()),
        Some("2008-12-13")
    );
    // Two stated days are two captures.
    let other = capture("r3", "2008-12-14", "2008-12-14");
    assert_eq!(fuse(&[stated, other]).len(), 2);
}

/// A visit to Beijing put off in February and held in March is one event,
/// rescheduled; a meeting of the same two in Munich meanwhile is another.
#[test]
fn a_postponed_visit_held_later_at_its_place_is_one_event() {
    let visit = |doc: &'static str,
                 published: &'static str,
                 status: EventStatus,
                 date: &'static str,
                 at: (&'static str, &'static str)| {
        mention(M {
            doc,
            n: 1,
            published,
            ty: EventType::Consult,
            status,
            actors: &["CHN", "USA"],
            date: Some(date),
            location: Some(place(at.0, Some(at.1))),
            participants: vec![],
            sentence: "trip: the secretary of state and the foreign minister",
            mode: None,
        })
    };
    let beijing = ("Beijing", "CHN");
    let put_off = visit(
        "r1",
        "2023-02-03",
        EventStatus::Postponed,
        "2023-02-05",
        beijing,
    );
    let munich = visit(
        "r2",
        "2023-02-19",
        EventStatus::Occurred,
        "2023-02-18",
        ("Munich", "DEU"),
    );
    let replanned = visit(
        "r3",
        "2023-03-10",
        EventStatus::Planned,
        "2023-03-20",
        beijing,
    );
    let held = visit(
        "r4",
        "2023-03-21",
        EventStatus::Occurred,
        "2023-03-20",
        beijing,
    );
    let events = fuse(&[put_off.clone(), munich, replanned, held.clone()]);
    assert_eq!(events.len(), 2, "{events:#?}");
    let trip = events
        .iter()
        .find(|e| e.mentions.len() == 3)
        .unwrap_or_else(|| panic!("the rescheduled trip: {events:#?}"));
    assert_eq!(trip.status, EventStatus::Occurred);
    assert_eq!(
        trip.date.as_ref().map(|d| d.value.as_str()),
        Some("2023-03-20")
    );
    // Held somewhere else, it is another meeting.
    let elsewhere = visit(
        "r5",
        "2023-03-21",
        EventStatus::Occurred,
        "2023-03-20",
        ("Tokyo", "JPN"),
    );
    assert_eq!(fuse(&[put_off, elsewhere]).len(), 2);
}

/// The status history lists reports oldest first, even where the older report
/// gives the act no date of its own (so clustering took it last).
#[test]
fn status_history_is_oldest_report_first() {
    let talks = |doc: &'static str,
                 published: &'static str,
                 status: EventStatus,
                 date: Option<&'static str>| {
        mention(M {
            doc,
            n: 1,
            published,
            ty: EventType::Consult,
            status,
            actors: &["CHN", "JPN"],
            date,
            location: None,
            participants: vec![],
            sentence: "talk: the talks between Japan and China",
            mode: None,
        })
    };
    let early = talks("r1", "2024-03-01", EventStatus::Planned, None);
    let late = talks(
        "r2",
        "2024-03-09",
        EventStatus::Occurred,
        Some("2024-03-08"),
    );
    let events = fuse(&[late, early]);
    assert_eq!(events.len(), 1, "{events:#?}");
    let docs: Vec<&str> = events[0]
        .status_history
        .iter()
        .map(|h| h.doc.as_str())
        .collect();
    assert_eq!(docs, ["r1", "r2"]);
    assert_eq!(events[0].status, EventStatus::Occurred);
}

/// One report takes the venue's state for a party ("the summit in Singapore":
/// PRK, SGP, USA, so multilateral); another names the two sides. Parties that
/// differ by the venue's state alone are the same parties.
#[test]
fn parties_that_differ_by_the_venue_alone_meet() {
    use EventStatus::*;
    let singapore = || Some(place("Singapore", Some("SGP")));
    let mut a = consult(
        "a",
        1,
        "2018-05-24",
        Cancelled,
        Some("2018-06-12"),
        singapore(),
        "Trump cancelled the planned June 12 summit in Singapore",
    );
    a.actors = &["PRK", "SGP", "USA"];
    a.mode = Some("multilateral");
    let mut b = consult(
        "b",
        1,
        "2018-06-01",
        Planned,
        Some("2018-06-12"),
        singapore(),
        "We'll be meeting on June 12th in Singapore",
    );
    b.actors = &["PRK", "USA"];
    b.mode = Some("third-party");
    let events = fuse(&[mention(a), mention(b)]);
    assert_eq!(events.len(), 1, "{events:#?}");
    // Two different pairs meeting at one venue stay two.
    let mut c = consult(
        "c",
        1,
        "2018-06-11",
        Occurred,
        Some("2018-06-11"),
        singapore(),
        "Trump met Lee Hsien Loong",
    );
    c.actors = &["SGP", "USA"];
    let mut d = consult(
        "d",
        1,
        "2018-06-11",
        Occurred,
        Some("2018-06-11"),
        singapore(),
        "Kim met Lee Hsien Loong",
    );
    d.actors = &["PRK", "SGP"];
    assert_eq!(fuse(&[mention(c), mention(d)]).len(), 2);
}

/// A summit held over two days between the same leaders (a dinner on the
/// first, talks on the second) is one event, whose days disagree on nothing;
/// a meeting on the next day with someone else stays another.
#[test]
fn the_same_leaders_on_consecutive_days_are_one_summit() {
    use EventStatus::*;
    let hanoi = || Some(place("Hanoi", Some("VNM")));
    let leaders = || {
        vec![
            person("Donald Trump", "USA", "President"),
            person("Kim Jong Un", "PRK", "Chairman"),
        ]
    };
    let mut plan = consult(
        "a",
        1,
        "2019-02-08",
        Planned,
        Some("2019-02-27"),
        None,
        "The two leaders are due to meet on Feb. 27 and 28",
    );
    plan.actors = &["PRK", "USA"];
    plan.participants = leaders();
    let mut dinner = consult(
        "b",
        1,
        "2019-02-27",
        Occurred,
        Some("2019-02-27"),
        hanoi(),
        "Trump and Kim shook hands on Wednesday evening, opening their second summit",
    );
    dinner.actors = &["PRK", "USA"];
    dinner.participants = leaders();
    let mut talks = consult(
        "c",
        1,
        "2019-02-28",
        Occurred,
        Some("2019-02-28"),
        hanoi(),
        "Trump's second summit with Kim ended on Thursday with no agreement",
    );
    talks.actors = &["PRK", "USA"];
    talks.participants = leaders();
    let events = fuse(&[mention(plan), mention(dinner), mention(talks)]);
    assert_eq!(events.len(), 1, "{events:#?}");
    assert!(
        !events[0].conflicts.iter().any(|c| c.field == "date"),
        "{:#?}",
        events[0].conflicts
    );
    // The next day with another counterpart: another meeting.
    let mut qin = consult(
        "d",
        1,
        "2023-06-18",
        Occurred,
        Some("2023-06-18"),
        None,
        "Blinken held talks with Qin Gang on Sunday",
    );
    qin.actors = &["CHN", "USA"];
    qin.participants = vec![
        person("Antony Blinken", "USA", "Secretary of State"),
        person("Qin Gang", "CHN", "Foreign Minister"),
    ];
    let mut wang = consult(
        "e",
        1,
        "2023-06-19",
        Occurred,
        Some("2023-06-19"),
        None,
        "Blinken met Wang Yi on Monday",
    );
    wang.actors = &["CHN", "USA"];
    wang.participants = vec![
        person("Antony Blinken", "USA", "Secretary of State"),
        person("Wang Yi", "CHN", "Director"),
    ];
    assert_eq!(fuse(&[mention(qin), mention(wang)]).len(), 2);
}

/// Talks put off on the day they were due, with no place given, then set for
/// a new day and held on it: one event, whose status change is a conflict.
#[test]
fn talks_put_off_and_set_for_a_later_day_are_one_event() {
    use EventStatus::*;
    let mut off = consult(
        "a",
        1,
        "2018-05-24",
        Postponed,
        Some("2018-05-16"),
        None,
        "On May 16 North Korea postponed high-level talks with South Korea due that day",
    );
    off.actors = &["KOR", "PRK"];
    let mut set = consult(
        "b",
        1,
        "2018-05-27",
        Planned,
        Some("2018-06-01"),
        None,
        "The two Koreas also agreed to hold high-level talks on June 1",
    );
    set.actors = &["KOR", "PRK"];
    let mut held = consult(
        "c",
        1,
        "2018-06-01",
        Occurred,
        Some("2018-06-01"),
        Some(place("Panmunjom", Some("KOR"))),
        "Officials from the two Koreas met on Friday at Panmunjom for the high-level talks",
    );
    held.actors = &["KOR", "PRK"];
    let events = fuse(&[mention(off), mention(set), mention(held)]);
    assert_eq!(events.len(), 1, "{events:#?}");
    assert!(
        events[0].conflicts.iter().any(|c| c.field == "status"),
        "{:#?}",
        events[0].conflicts
    );
}

/// A stale title on the right person ("CIA Director Mike Pompeo", weeks after
/// he became Secretary of State): the person takes part, and the title is
/// still flagged against the knowledge base.
#[test]
fn a_stale_title_keeps_its_person() {
    use EventStatus::*;
    let mut m = consult(
        "a",
        1,
        "2018-05-10",
        Occurred,
        Some("2018-05-09"),
        Some(place("Pyongyang", Some("PRK"))),
        "CIA Director Mike Pompeo flew to Pyongyang on Wednesday and met Kim Jong Un",
    );
    m.actors = &["PRK", "USA"];
    let mut pompeo = person("Mike Pompeo", "USA", "foreign_minister");
    pompeo.anachronism = Some(Anachronism {
        claimed_role: "intelligence_chief".into(),
        holder: Some("Gina Haspel".into()),
        person_term: Some((Some("2017-01-23".into()), Some("2018-04-26".into()))),
        holder_term: Some((Some("2018-04-26".into()), None)),
        source: None,
    });
    m.participants = vec![pompeo, person("Kim Jong Un", "PRK", "head_of_state")];
    let events = fuse(&[mention(m)]);
    let names: Vec<&str> = events[0]
        .participants
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert!(names.contains(&"Mike Pompeo"), "{names:?}");
    assert!(!names.contains(&"Gina Haspel"), "{names:?}");
    assert!(events[0]
        .conflicts
        .iter()
        .any(|c| c.field == "participants"));
}

/// An invitation told beside an agreement of the same talks, in one report
/// and across reports, is an act of its own; two reports of the invitation
/// are one event.
#[test]
fn an_invitation_is_not_the_agreement_beside_it() {
    use EventStatus::*;
    let agree = |doc: &'static str, n: usize, cameo: &str, sentence: &'static str| {
        let mut m = mention(M {
            doc,
            n,
            published: "2019-06-30",
            ty: EventType::Agree,
            status: Occurred,
            actors: &["PRK", "USA"],
            date: Some("2019-06-30"),
            location: None,
            participants: vec![],
            sentence,
            mode: None,
        });
        m.cameo = Some(cameo.into());
        m
    };
    let ms = vec![
        agree(
            "a",
            1,
            "030",
            "The two leaders agreed on Sunday to restart talks.",
        ),
        agree(
            "a",
            2,
            "036",
            "He said he had invited Kim to visit the White House.",
        ),
        agree(
            "b",
            1,
            "036",
            "Trump invited Kim to the White House on Sunday.",
        ),
        agree(
            "b",
            2,
            "030",
            "The two agreed on Sunday to resume negotiations.",
        ),
    ];
    let events = fuse(&ms);
    assert_eq!(events.len(), 2, "{events:#?}");
    for e in &events {
        assert_eq!(docs(e), ["a", "b"], "{e:#?}");
    }
}

/// An undated plan is filed with a dated act of its report only where that
/// act is on the same side of the report's day: "their foreign ministers are
/// to meet" is not the talks the parties held two years before, and must be
/// able to meet the ministers' meeting another report dates.
#[test]
fn an_undated_plan_is_not_filed_with_background_acts() {
    use EventStatus::*;
    let mut background = consult(
        "a",
        1,
        "2023-03-10",
        Occurred,
        Some("2021-04"),
        Some(place("Baghdad", Some("IRQ"))),
        "Iraq hosted five rounds of talks between Saudi and Iranian officials from April 2021.",
    );
    background.actors = &["IRN", "IRQ", "SAU"];
    let mut plan = consult(
        "a",
        2,
        "2023-03-10",
        Planned,
        None,
        None,
        "Their top envoys are to meet to put the decision into effect.",
    );
    plan.actors = &["IRN", "SAU"];
    let mut held = consult(
        "b",
        1,
        "2023-04-06",
        Occurred,
        Some("2023-04-06"),
        Some(place("Beijing", Some("CHN"))),
        "The foreign ministers of Saudi Arabia and Iran held a meeting in Beijing on Thursday.",
    );
    held.actors = &["IRN", "SAU"];
    let (background, plan, mut held) = (mention(background), mention(plan), mention(held));
    let keys = dyad_fuse::document_block_keys(&[background.clone(), plan.clone()]);
    assert_eq!(keys[1], "CONSULT|2023", "{keys:?}");
    // The trigger words: "meet" and "meeting" are one act's.
    let at = held.sentence_text.find("meeting").unwrap_or(0) + held.sentence.start;
    held.trigger = Span::new(at, at + "meeting".len());
    let mut plan = plan;
    let at = plan.sentence_text.find("meet").unwrap_or(0) + plan.sentence.start;
    plan.trigger = Span::new(at, at + "meet".len());
    let events = fuse(&[background, plan, held]);
    let meeting = events
        .iter()
        .find(|e| e.date.as_ref().is_some_and(|d| d.value == "2023-04-06"))
        .unwrap_or_else(|| panic!("{events:#?}"));
    assert_eq!(docs(meeting), ["a", "b"], "{meeting:#?}");
}

/// An act the only report tells as under way has taken place as an event;
/// the report's own word stays in the history.
#[test]
fn an_act_under_way_is_an_event_that_occurred() {
    use EventStatus::*;
    let m = consult(
        "a",
        1,
        "2020-08-13",
        Ongoing,
        Some("2020-08-13"),
        None,
        "The two delegations are holding talks in Cairo.",
    );
    let events = fuse(&[mention(m)]);
    assert_eq!(events[0].status, Occurred, "{events:#?}");
    assert_eq!(events[0].status_history[0].status, "ongoing", "{events:#?}");
}

/// A visit to one side is never the return visit to the other, however close
/// the parties, people and dates.
#[test]
fn a_return_visit_is_another_event() {
    use EventStatus::*;
    let visit = |doc: &'static str, pubd: &'static str, status, date, host: &str, sentence| {
        let mut m = mention(M {
            doc,
            n: 1,
            published: pubd,
            ty: EventType::Consult,
            status,
            actors: &["JPN", "KOR"],
            date,
            location: None,
            participants: vec![
                person("Yoon Suk Yeol", "KOR", "head_of_state"),
                person("Fumio Kishida", "JPN", "head_of_government"),
            ],
            sentence,
            mode: Some("visit"),
        });
        m.target = Some(ActorRef {
            text: host.into(),
            span: Span::new(0, 2),
            actor: Some(host.into()),
            country: Some(host.into()),
            sector: None,
        });
        m
    };
    let events = fuse(&[
        visit(
            "a",
            "2023-03-09",
            Planned,
            Some("2023-03-16"),
            "JPN",
            "Yoon will visit Tokyo.",
        ),
        visit(
            "b",
            "2023-05-07",
            Occurred,
            Some("2023-05-07"),
            "KOR",
            "Kishida visited Seoul.",
        ),
    ]);
    assert_eq!(events.len(), 2, "{events:#?}");
}

/// A visitor is never the host of its own trip: a trip the host's side made,
/// to nowhere the report names as a state ("Kishida, who returned from a tour
/// of Africa last week"), is not the other side's planned visit to it
/// ("Yoon will travel to Japan"), however close the people and days (issue:
/// the tour joined the plan and carried it into Kishida's Seoul trip).
#[test]
fn a_trip_by_the_host_is_not_a_visit_to_it() {
    use EventStatus::*;
    let side = |c: &str| ActorRef {
        text: c.into(),
        span: Span::new(0, 2),
        actor: Some(c.into()),
        country: Some(c.into()),
        sector: None,
    };
    let made = |m: M, visitor: &str, host: Option<&str>| {
        let mut m = mention(m);
        m.cameo = Some("042".into());
        m.source = Some(side(visitor));
        m.target = host.map(side);
        m
    };
    let plan = made(
        M {
            doc: "a",
            n: 1,
            published: "2023-03-09",
            ty: EventType::Consult,
            status: Planned,
            actors: &["JPN", "KOR"],
            date: Some("2023-03-16"),
            location: Some(place("Tokyo", Some("JPN"))),
            participants: vec![
                person("Yoon Suk Yeol", "KOR", "head_of_state"),
                person("Fumio Kishida", "JPN", "head_of_government"),
            ],
            sentence: "Yoon will travel to Japan on March 16 for talks with Kishida.",
            mode: Some("visit"),
        },
        "KOR",
        Some("JPN"),
    );
    let tour = made(
        M {
            doc: "b",
            n: 1,
            published: "2023-05-07",
            ty: EventType::Consult,
            status: Occurred,
            actors: &["JPN"],
            date: Some("2023-W17"),
            location: None,
            participants: vec![person("Fumio Kishida", "JPN", "head_of_government")],
            sentence: "Kishida, who returned from a tour of Africa last week, arrived on Sunday.",
            mode: Some("visit"),
        },
        "JPN",
        None,
    );
    let events = fuse(&[plan.clone(), tour.clone()]);
    assert_eq!(events.len(), 2, "{events:#?}");
    // The same trip told by its visitor's side still meets the plan.
    let mut arrival = tour;
    arrival.source = Some(side("KOR"));
    arrival.date = Some(date("2023-03-16"));
    arrival.actors = vec!["JPN".into(), "KOR".into()];
    arrival.participants = vec![person("Yoon Suk Yeol", "KOR", "head_of_state")];
    assert_eq!(fuse(&[plan, arrival]).len(), 1);
}

/// A directed act running the other way is another act: each side
/// reopening its embassy in the other's capital.
#[test]
fn a_directed_act_the_other_way_is_another_event() {
    use EventStatus::*;
    let side = |c: &str| ActorRef {
        text: c.into(),
        span: Span::new(0, 2),
        actor: Some(c.into()),
        country: Some(c.into()),
        sector: None,
    };
    let reopen = |n: usize, from: &str, to: &str, sentence: &'static str| {
        let mut m = mention(M {
            doc: "a",
            n,
            published: "2023-06-06",
            ty: EventType::Support,
            status: Occurred,
            actors: &["IRN", "SAU"],
            date: Some("2023-06-06"),
            location: None,
            participants: vec![],
            sentence,
            mode: None,
        });
        m.source = Some(side(from));
        m.target = Some(side(to));
        m
    };
    let events = fuse(&[
        reopen(
            1,
            "IRN",
            "SAU",
            "Iran reopened its embassy in Riyadh on Tuesday.",
        ),
        reopen(
            2,
            "SAU",
            "IRN",
            "Saudi Arabia reopened its embassy in Tehran on Tuesday.",
        ),
    ]);
    assert_eq!(events.len(), 2, "{events:#?}");
}

/// A sequel told as a plan or a change of plan ("a second meeting … will not
/// take place") is never the act that took place before its report; a
/// sequel told as done ("their second summit, in Hanoi, collapsed") may be.
#[test]
fn a_second_meeting_called_off_is_not_the_first_one_held() {
    use EventStatus::*;
    let at = |mut m: EventMention, word: &str| {
        let from = m.sentence_text.find(word).unwrap_or(0) + m.sentence.start;
        m.trigger = Span::new(from, from + word.len());
        m
    };
    let held = at(
        mention(consult(
            "a",
            1,
            "2018-07-16",
            Occurred,
            Some("2018-07-16"),
            None,
            "The two presidents held a summit in Helsinki on Monday.",
        )),
        "summit",
    );
    let second_off = at(
        mention(consult(
            "b",
            1,
            "2018-07-25",
            Cancelled,
            None,
            None,
            "A second summit between the two presidents will not take place.",
        )),
        "summit",
    );
    let plan = at(
        mention(consult(
            "p",
            1,
            "2018-06-28",
            Planned,
            Some("2018-07-16"),
            None,
            "The two presidents will hold a summit in Helsinki on July 16.",
        )),
        "summit",
    );
    assert_eq!(fuse(&[plan, held.clone(), second_off]).len(), 2);
    let second_done = at(
        mention(consult(
            "c",
            1,
            "2018-09-01",
            Occurred,
            None,
            None,
            "Their second summit, in Helsinki, ended without a deal.",
        )),
        "summit",
    );
    assert_eq!(fuse(&[held, second_done]).len(), 1);
}

/// A sequel the verb holds ("agreed on Sunday to hold a second summit") is
/// named after its verb, and it is no act the report tells as held on its
/// own day: Sunday's meeting took place, the second summit is to come.
#[test]
fn a_second_summit_agreed_at_a_meeting_is_not_that_meeting() {
    use EventStatus::*;
    let at = |mut m: EventMention, word: &str| {
        let from = m.sentence_text.find(word).unwrap_or(0) + m.sentence.start;
        m.trigger = Span::new(from, from + word.len());
        m
    };
    let met = at(
        mention(consult(
            "a",
            1,
            "2018-10-07",
            Occurred,
            Some("2018-10-07"),
            None,
            "Pompeo met Kim for about two hours on Sunday.",
        )),
        "met",
    );
    let second = at(
        mention(consult(
            "a",
            2,
            "2018-10-07",
            Planned,
            None,
            None,
            "Kim and Pompeo agreed on Sunday to hold a second summit as soon as possible.",
        )),
        "hold",
    );
    assert_eq!(fuse(&[met, second]).len(), 2);
}

/// A meeting told on its day by a report out that day, and weeks later by a
/// report that gives the next day: one meeting, held once, whose reports
/// disagree on the day; the witness's day stands.
#[test]
fn a_later_retelling_on_another_day_is_a_date_conflict() {
    use EventStatus::*;
    let people = || {
        vec![
            person("John Bolton", "USA", "National Security Advisor"),
            person("Vladimir Putin", "RUS", "President"),
        ]
    };
    let mut told = consult(
        "a",
        1,
        "2018-06-28",
        Occurred,
        Some("2018-06-27"),
        Some(place("the Kremlin", Some("RUS"))),
        "Bolton met Putin in the Kremlin on Wednesday",
    );
    told.actors = &["RUS", "USA"];
    told.participants = people();
    told.mode = Some("visit");
    let mut retold = consult(
        "b",
        1,
        "2018-07-16",
        Occurred,
        Some("2018-06-28"),
        Some(place("Moscow", Some("RUS"))),
        "The summit had been prepared when Bolton met Putin in Moscow on June 28",
    );
    retold.actors = &["RUS", "USA"];
    retold.participants = people();
    retold.mode = Some("visit");
    let events = fuse(&[mention(told), mention(retold)]);
    assert_eq!(events.len(), 1, "{events:#?}");
    let e = &events[0];
    assert_eq!(e.date.as_ref().unwrap().value, "2018-06-27");
    let date = e
        .conflicts
        .iter()
        .find(|c| c.field == "date")
        .unwrap_or_else(|| panic!("{:#?}", e.conflicts));
    assert_eq!(date.resolution, "2018-06-27");
    assert_eq!(date.values.len(), 2);
    assert_eq!(
        date.reason,
        "a report out on the day outweighs a later retelling"
    );
}

/// Two later reports that retell one meeting at one place, with the same
/// word, a month apart ("met at the United Nations in September" … "last met
/// at the United Nations in October"): one meeting misdated, a date conflict,
/// the first telling standing. Elsewhere, or both out on the day, they stay two.
#[test]
fn a_meeting_retold_in_the_next_month_at_its_place_is_a_date_conflict() {
    use EventStatus::*;
    let un = || Some(place("United Nations", Some("USA")));
    let retelling = |doc: &'static str, pubd: &'static str, month: &'static str, both: bool| {
        let mut m = consult(
            doc,
            1,
            pubd,
            Occurred,
            Some(month),
            un(),
            "Met at the United Nations in New York, the two leaders talked at length",
        );
        m.actors = &["CUB", "USA"];
        m.participants = vec![person("Raul Castro", "CUB", "President")];
        if both {
            m.participants
                .push(person("Barack Obama", "USA", "President"));
        }
        m
    };
    let events = fuse(&[
        mention(retelling("a", "2016-02-18", "2015-09", true)),
        mention(retelling("b", "2016-03-21", "2015-10", false)),
    ]);
    assert_eq!(events.len(), 1, "{events:#?}");
    let e = &events[0];
    assert_eq!(e.date.as_ref().unwrap().value, "2015-09");
    assert!(
        e.conflicts.iter().any(|c| c.field == "date"),
        "{:#?}",
        e.conflicts
    );
    // Another place: another meeting.
    let mut elsewhere = retelling("c", "2016-03-21", "2015-10", false);
    elsewhere.location = Some(place("Panama City", Some("PAN")));
    let events = fuse(&[
        mention(retelling("a", "2016-02-18", "2015-09", true)),
        mention(elsewhere),
    ]);
    assert_eq!(events.len(), 2, "{events:#?}");
    // Reports out on the days they tell: two meetings, a month apart.
    let events = fuse(&[
        mention(retelling("a", "2015-09-30", "2015-09", true)),
        mention(retelling("b", "2015-10-30", "2015-10", false)),
    ]);
    assert_eq!(events.len(), 2, "{events:#?}");
}

/// An event many reports tell keeps the people more than one names, and the
/// people one report names as its doers: also where the doers are a phrase
/// ("their foreign ministers") and the names stand in apposition to it. A
/// name in passing, once, still gives way.
#[test]
fn people_in_apposition_to_the_parties_stay_with_a_much_told_event() {
    let leaders = || {
        vec![
            person("Fumio Kishida", "JPN", "head_of_government"),
            person("Joe Biden", "USA", "head_of_state"),
        ]
    };
    let told = |doc: &'static str, n: usize| {
        let mut m = consult(
            doc,
            n,
            "2023-01-14",
            EventStatus::Occurred,
            Some("2023-01-13"),
            None,
            "Kishida and Biden met at the White House on Friday.",
        );
        m.participants = leaders();
        mention(m)
    };
    let sentence =
        "Kishida and Biden's talks, first with their foreign ministers, Yoshimasa Hayashi and Antony Blinken, lasted two hours.";
    let mut ministers = consult(
        D003,
        1,
        "2023-01-14",
        EventStatus::Occurred,
        Some("2023-01-13"),
        None,
        sentence,
    );
    let at = |w: &str| {
        let k = sentence.find(w).unwrap() + 100;
        Span::new(k, k + w.len())
    };
    let mut hayashi = person("Yoshimasa Hayashi", "JPN", "foreign_minister");
    hayashi.span = at("Yoshimasa Hayashi");
    let mut blinken = person("Antony Blinken", "USA", "secretary_of_state");
    blinken.span = at("Antony Blinken");
    let mut kishida = person("Fumio Kishida", "JPN", "head_of_government");
    kishida.span = at("Kishida");
    let mut biden = person("Joe Biden", "USA", "head_of_state");
    biden.span = at("Biden");
    ministers.participants = vec![kishida, biden, hayashi, blinken];
    let mut ministers = mention(ministers);
    ministers.source = Some(ActorRef {
        text: "their foreign ministers".into(),
        span: at("their foreign ministers"),
        actor: None,
        country: Some("JPN".into()),
        sector: None,
    });
    // A third report names, once and in passing, someone else.
    let mut passing = told(D002, 1);
    let mut wong = person("Penny Wong", "AUS", "foreign_minister");
    wong.span = Span::new(140, 150);
    passing.participants.push(wong);
    let events = fuse(&[told(D000, 1), told(D001, 1), passing, ministers]);
    let names: Vec<&str> = events
        .iter()
        .flat_map(|e| e.participants.iter().map(|p| p.name.as_str()))
        .collect();
    assert_eq!(events.len(), 1, "{names:?}");
    assert!(names.contains(&"Yoshimasa Hayashi"), "{names:?}");
    assert!(names.contains(&"Antony Blinken"), "{names:?}");
    assert!(!names.contains(&"Penny Wong"), "{names:?}");
}

/// One report telling a meeting held and a meeting called off between the
/// same parties tells two events ("spoke briefly … after cancelled talks"):
/// the talks called off join the plan they end, not the encounter.
#[test]
fn a_report_telling_talks_held_and_talks_called_off_tells_two_events() {
    use EventStatus::*;
    let ms = vec![
        mention(consult(
            "r1",
            1,
            "2016-09-05",
            Planned,
            Some("2016-09-06"),
            None,
            "The two presidents are scheduled to hold their first meeting on Tuesday",
        )),
        mention(consult(
            "r2",
            1,
            "2016-09-08",
            Cancelled,
            None,
            None,
            "Obama and Duterte share a brief word after cancelled talks",
        )),
        mention(consult(
            "r2",
            2,
            "2016-09-08",
            Occurred,
            Some("2016-09-07"),
            None,
            "Duterte and Obama spoke briefly in a holding room on Wednesday evening",
        )),
    ];
    let events = fuse(&ms);
    let held = events
        .iter()
        .find(|e| e.status == Occurred)
        .expect("the encounter");
    assert_eq!(held.mentions.len(), 1, "{events:#?}");
    assert!(
        held.conflicts.iter().all(|c| c.field != "status"),
        "{events:#?}"
    );
}

/// A call between the parties on the day a visit is put off is an act of its
/// own, not the visit.
#[test]
fn a_call_is_not_the_visit_put_off_that_day() {
    use EventStatus::*;
    let mut visit = consult(
        "r1",
        1,
        "2021-03-11",
        Postponed,
        Some("2021-03-11"),
        Some(place("Abu Dhabi", Some("ARE"))),
        "Netanyahu postponed his visit to the United Arab Emirates on Thursday",
    );
    visit.mode = Some("visit");
    visit.actors = &["ARE", "ISR"];
    let mut call = consult(
        "r1",
        2,
        "2021-03-11",
        Occurred,
        Some("2021-03-11"),
        None,
        "Netanyahu said he had spoken by phone with the crown prince",
    );
    call.mode = Some("phone");
    call.actors = &["ARE", "ISR"];
    let events = fuse(&[mention(visit), mention(call)]);
    assert_eq!(events.len(), 2, "{events:#?}");
}

/// "Obama and Castro held talks on Monday, the centrepiece of the first visit
/// to Cuba …" (undated), with the two men's meeting of a year before told
/// later in the report: the undated act goes with the meeting held on the
/// report's own day, which counts as behind the report for an act told as
/// held (it was filed with the older meeting, which then took its place).
#[test]
fn an_undated_act_is_filed_with_the_meeting_held_on_the_reports_day() {
    use EventStatus::*;
    let mut today = consult(
        "a",
        1,
        "2016-03-21",
        Occurred,
        Some("2016-03-21"),
        Some(place("Havana", Some("CUB"))),
        "Barack Obama and Raul Castro held talks in Havana on Monday.",
    );
    today.actors = &["CUB", "USA"];
    let mut visit = consult(
        "a",
        2,
        "2016-03-21",
        Occurred,
        None,
        Some(place("Cuba", Some("CUB"))),
        "It was the first visit to Cuba by a sitting US president in 88 years.",
    );
    visit.actors = &["CUB", "USA"];
    let mut before = consult(
        "a",
        3,
        "2016-03-21",
        Occurred,
        Some("2015-04"),
        Some(place("Panama", Some("PAN"))),
        "The president first met Castro in Panama last April.",
    );
    before.actors = &["CUB", "USA"];
    let keys = dyad_fuse::document_block_keys(&[mention(today), mention(visit), mention(before)]);
    assert_eq!(keys[1], "CONSULT|2016", "{keys:?}");
}
