//! A synthetic corpus of event mentions for benchmarks: the same on every run.

use dyad_core::{
    DateValue, EventDate, EventLocation, EventMention, EventStatus, EventType, Grain, Participant,
    Span,
};

/// Synthetic mentions for benchmarks (`dyad bench`), never for results: `n` mentions of `n / 4` events, each
/// event told by four reports over a few weeks, spread over 30 actor pairs, four
/// event types and ten years.
pub fn synthetic_mentions(n: usize) -> Vec<EventMention> {
    const COUNTRIES: [&str; 12] = [
        "USA", "JPN", "CHN", "KOR", "RUS", "IND", "FRA", "DEU", "GBR", "BRA", "AUS", "PHL",
    ];
    const TYPES: [EventType; 4] = [
        EventType::Consult,
        EventType::Agree,
        EventType::Accuse,
        EventType::Aid,
    ];
    let base = chrono::NaiveDate::from_ymd_opt(2015, 1, 1).unwrap_or_default();
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let event = i / 4;
        let report = i % 4;
        // A fixed pseudo-random walk: the same corpus on every run.
        let h = crate::stable_hash(&["bench", &event.to_string()]);
        let a = COUNTRIES[(h % 12) as usize];
        let b = COUNTRIES[((h >> 8) % 11 + 1 + h % 12) as usize % 12];
        let ty = TYPES[((h >> 16) % 4) as usize];
        let day = base + chrono::Duration::days(((h >> 24) % 3650) as i64);
        let published = day + chrono::Duration::days(report as i64 * 3 - 3);
        let status = if published < day {
            EventStatus::Planned
        } else {
            EventStatus::Occurred
        };
        let (value, grain) = if report == 0 {
            (day.format("%Y-%m").to_string(), Grain::Month)
        } else {
            (day.format("%Y-%m-%d").to_string(), Grain::Day)
        };
        let doc = format!("bench-{event}-{report}");
        // Each event has its own subject, as real reports of different events do.
        const TOPICS: [&str; 16] = [
            "trade",
            "security",
            "energy",
            "farm",
            "border",
            "health",
            "fisheries",
            "climate",
            "shipping",
            "nuclear",
            "refugees",
            "water",
            "cyber",
            "space",
            "finance",
            "rail",
        ];
        let topic = |k: u64| TOPICS[((h >> (32 + 4 * k)) % 16) as usize];
        let sentence = format!(
            "Officials of {a} and {b} held talks on {}, {} and {} matters, report {report}.",
            topic(0),
            topic(1),
            topic(2)
        );
        out.push(EventMention {
            id: format!("{doc}:0:0"),
            doc,
            sentence: Span::new(0, sentence.len()),
            sentence_text: sentence,
            trigger: Span::new(0, 9),
            event_type: ty,
            mode: None,
            context: None,
            cameo: None,
            status,
            source: None,
            target: None,
            actors: {
                let mut v = vec![a.to_string(), b.to_string()];
                v.sort();
                v.dedup();
                v
            },
            participants: vec![Participant {
                name: format!("Minister {}", h % 1_000_003),
                span: Span::new(0, 1),
                actor: None,
                country: Some(a.to_string()),
                role: None,
                anachronism: None,
                companion: false,
            }],
            date: Some(EventDate {
                text: None,
                span: None,
                value,
                grain,
                start: None,
            }),
            location: Some(EventLocation {
                text: a.to_string(),
                span: Span::new(0, 1),
                name: a.to_string(),
                country: Some(a.to_string()),
            }),
            according_to: None,
            confidence: 0.9,
            published: Some(DateValue::day(published)),
            implied_by: None,
            described: None,
        });
    }
    out
}
