//! Event mentions: what the coder finds in one sentence of one report, with the
//! evidence for every field. Fusion turns many of these into canonical events.

use crate::{DateValue, Grain, Span};
use serde::{Deserialize, Serialize};
use std::fmt;

/// PLOVER event types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum EventType {
    Agree,
    Consult,
    Support,
    Concede,
    Cooperate,
    Aid,
    Retreat,
    Request,
    Accuse,
    Reject,
    Threaten,
    Protest,
    Sanction,
    Mobilize,
    Coerce,
    Assault,
}

impl EventType {
    pub const ALL: [EventType; 16] = [
        EventType::Agree,
        EventType::Consult,
        EventType::Support,
        EventType::Concede,
        EventType::Cooperate,
        EventType::Aid,
        EventType::Retreat,
        EventType::Request,
        EventType::Accuse,
        EventType::Reject,
        EventType::Threaten,
        EventType::Protest,
        EventType::Sanction,
        EventType::Mobilize,
        EventType::Coerce,
        EventType::Assault,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Agree => "AGREE",
            EventType::Consult => "CONSULT",
            EventType::Support => "SUPPORT",
            EventType::Concede => "CONCEDE",
            EventType::Cooperate => "COOPERATE",
            EventType::Aid => "AID",
            EventType::Retreat => "RETREAT",
            EventType::Request => "REQUEST",
            EventType::Accuse => "ACCUSE",
            EventType::Reject => "REJECT",
            EventType::Threaten => "THREATEN",
            EventType::Protest => "PROTEST",
            EventType::Sanction => "SANCTION",
            EventType::Mobilize => "MOBILIZE",
            EventType::Coerce => "COERCE",
            EventType::Assault => "ASSAULT",
        }
    }

    /// Reads a PLOVER type name, including the older names PLOVER's records use
    /// (DEMAND → REQUEST, DISAPPROVE → ACCUSE, FIGHT → ASSAULT).
    pub fn parse(s: &str) -> Option<EventType> {
        let u = s.trim().to_ascii_uppercase();
        let u = match u.as_str() {
            "DEMAND" => "REQUEST",
            "DISAPPROVE" => "ACCUSE",
            "FIGHT" => "ASSAULT",
            other => other,
        };
        EventType::ALL.into_iter().find(|t| t.as_str() == u)
    }
}

impl fmt::Display for EventType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether an event happened, as the report tells it at its time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventStatus {
    Occurred,
    Ongoing,
    Planned,
    Postponed,
    Cancelled,
    Denied,
    Hypothetical,
}

impl EventStatus {
    /// Every status, in the order the enum declares them.
    pub const ALL: [EventStatus; 7] = [
        EventStatus::Occurred,
        EventStatus::Ongoing,
        EventStatus::Planned,
        EventStatus::Postponed,
        EventStatus::Cancelled,
        EventStatus::Denied,
        EventStatus::Hypothetical,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EventStatus::Occurred => "occurred",
            EventStatus::Ongoing => "ongoing",
            EventStatus::Planned => "planned",
            EventStatus::Postponed => "postponed",
            EventStatus::Cancelled => "cancelled",
            EventStatus::Denied => "denied",
            EventStatus::Hypothetical => "hypothetical",
        }
    }
    pub fn parse(s: &str) -> Option<EventStatus> {
        Self::ALL
            .into_iter()
            .find(|x| x.as_str() == s.trim().to_ascii_lowercase())
    }
}

impl fmt::Display for EventStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A party to an event as a report names it, resolved where the knowledge base
/// knows it: `{"text", "actor", "country", "sector"}` in the contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct ActorRef {
    /// The words in the report ("Tokyo", "Japanese Foreign Minister Yoshimasa Hayashi").
    pub text: String,
    /// Byte span of `text` in the document.
    pub span: Span,
    /// The actor's code (CAMEO-style, e.g. `JPNGOV`), where resolved.
    pub actor: Option<String>,
    /// ISO 3166-1 alpha-3 country code (or an organisation id), where known.
    pub country: Option<String>,
    /// Sector code (`GOV`, `MIL`, …), where known.
    pub sector: Option<String>,
}

/// A person taking part, with their office on the event's date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Participant {
    pub name: String,
    pub span: Span,
    pub actor: Option<String>,
    pub country: Option<String>,
    /// The office held on the event date (from the knowledge base), else the title the report gives.
    pub role: Option<String>,
    /// Where the report's own title for the person disagrees with the knowledge base.
    pub anachronism: Option<Anachronism>,
    /// Named only as going along with a principal ("accompanied by …"): takes
    /// part, but tells nothing of which reports tell one event.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub companion: bool,
}

/// A report pairing a person with an office they did not hold on the date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Anachronism {
    /// The office the report gives the person.
    pub claimed_role: String,
    /// Who actually held that office on the date, if known.
    pub holder: Option<String>,
    /// The claimed person's term(s) in that office, ISO dates (`start`, `end` or null).
    pub person_term: Option<(Option<String>, Option<String>)>,
    /// The true holder's term, ISO dates.
    pub holder_term: Option<(Option<String>, Option<String>)>,
    /// The knowledge base record the verdict rests on.
    pub source: Option<String>,
}

/// When an event took place (or is planned), as the report dates it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventDate {
    /// The temporal expression's words, if the date came from one.
    pub text: Option<String>,
    pub span: Option<Span>,
    /// The TIMEX3-style value (`2022-01-07`, `2022-01`, `2021-W52`).
    pub value: String,
    pub grain: Grain,
    /// The first day of the period, for comparisons.
    pub start: Option<DateValue>,
}

/// Where an event took place: `{"text", "name", "country"}`; `name` is
/// `"virtual"` for a video conference.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventLocation {
    pub text: String,
    pub span: Span,
    pub name: String,
    pub country: Option<String>,
}

/// One event as one sentence of one report tells it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventMention {
    /// Stable id: `<doc>:<sentence start>:<n>`.
    pub id: String,
    /// The document's id.
    pub doc: String,
    /// Byte span of the sentence in the document's text, and its text.
    pub sentence: Span,
    pub sentence_text: String,
    /// Byte span of the words that express the event (the trigger).
    pub trigger: Span,
    pub event_type: EventType,
    /// PLOVER mode (`visit`, `phone`, `multilateral`, `third-party`, …).
    pub mode: Option<String>,
    /// PLOVER context, where one applies.
    pub context: Option<String>,
    /// CAMEO code for compatibility (`040`, `036`, …).
    pub cameo: Option<String>,
    pub status: EventStatus,
    pub source: Option<ActorRef>,
    pub target: Option<ActorRef>,
    /// Every state-level party's code (ISO alpha-3 or organisation id), sorted.
    pub actors: Vec<String>,
    pub participants: Vec<Participant>,
    pub date: Option<EventDate>,
    pub location: Option<EventLocation>,
    /// The speaker, where the event is reported speech ("according to …").
    pub according_to: Option<ActorRef>,
    pub confidence: f32,
    /// The report's publication date, so that later reports can supersede earlier ones.
    pub published: Option<DateValue>,
    /// Set on a mention that restates another in PLOVER's terms (a planned meeting
    /// is, in PLOVER, an AGREE to meet): the id of the mention it restates. Fusion
    /// skips these, so a canonical event is never counted twice.
    #[serde(default)]
    pub implied_by: Option<String>,
    /// Who acts, where the report says it by office rather than by name ("the
    /// ministers sign the agreement"): a later report naming someone else is a
    /// conflict over who took part.
    #[serde(default)]
    pub described: Option<DescribedParties>,
}

/// Parties a report gives by their office ("the ministers", "the two leaders"),
/// with the roles such words admit (from the coder's `described.tsv`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DescribedParties {
    pub text: String,
    pub span: Span,
    pub roles: Vec<String>,
}
