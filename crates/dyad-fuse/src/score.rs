//! How strongly an event mention belongs to a canonical event in the making:
//! evidence from dates (at their grains), participants, place, mode and wording.

use crate::dates::DayRange;
use dyad_core::{EventMention, EventStatus};
use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;

/// The weights of `data/weights.tsv`.
#[derive(Debug, Clone)]
pub struct Weights {
    pub date_same: f32,
    pub date_nested: f32,
    pub date_undated: f32,
    pub date_moved: f32,
    pub date_unknown: f32,
    pub date_postponed: f32,
    pub participants_shared: f32,
    pub participants_disjoint: f32,
    pub location_same: f32,
    pub same_report: f32,
    pub location_clash: f32,
    pub mode_clash: f32,
    pub wording: f32,
    pub actors_same: f32,
    pub trigger_same: f32,
    pub actors_partial: f32,
    pub join_threshold: f32,
    pub window_days: i64,
    pub moved_days: i64,
    /// Days a summit (a multilateral meeting) may run over: its reports date
    /// it by any of them ("from Friday", "on the last day of the summit").
    pub summit_days: i64,
}

const WEIGHTS_TSV: &str = include_str!("../data/weights.tsv");
const STOPWORDS_TXT: &str = include_str!("../data/stopwords.txt");

fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

impl Weights {
    /// The bundled weights. A name missing from the file keeps a neutral value
    /// (0, or a threshold no score reaches), which the crate's tests would catch.
    pub fn bundled() -> &'static Weights {
        static W: OnceLock<Weights> = OnceLock::new();
        W.get_or_init(|| {
            let table: HashMap<&str, f64> = data_lines(WEIGHTS_TSV)
                .filter_map(|l| {
                    let (k, v) = l.split_once('\t')?;
                    Some((k.trim(), v.trim().parse().ok()?))
                })
                .collect();
            let f = |k: &str| table.get(k).copied().unwrap_or(0.0) as f32;
            Weights {
                date_same: f("date_same"),
                date_nested: f("date_nested"),
                date_undated: f("date_undated"),
                date_moved: f("date_moved"),
                date_unknown: f("date_unknown"),
                date_postponed: f("date_postponed"),
                participants_shared: f("participants_shared"),
                participants_disjoint: f("participants_disjoint"),
                location_same: f("location_same"),
                same_report: f("same_report"),
                location_clash: f("location_clash"),
                mode_clash: f("mode_clash"),
                wording: f("wording"),
                actors_same: f("actors_same"),
                trigger_same: f("trigger_same"),
                actors_partial: f("actors_partial"),
                join_threshold: table.get("join_threshold").map_or(f32::MAX, |v| *v as f32),
                window_days: table.get("window_days").copied().unwrap_or(0.0) as i64,
                moved_days: table.get("moved_days").copied().unwrap_or(0.0) as i64,
                summit_days: table.get("summit_days").copied().unwrap_or(0.0) as i64,
            }
        })
    }
}

fn stopwords() -> &'static BTreeSet<&'static str> {
    static S: OnceLock<BTreeSet<&'static str>> = OnceLock::new();
    S.get_or_init(|| data_lines(STOPWORDS_TXT).collect())
}

/// Content words of a sentence: lowercase alphanumeric runs of three or more
/// characters that are not stopwords, and numbers of two digits or more ("23
/// pirates", "$375 million": a count is as telling as a name).
pub fn content_words(text: &str) -> BTreeSet<String> {
    let stop = stopwords();
    text.split(|c: char| !c.is_alphanumeric() && c != '+')
        .filter(|w| {
            let n = w.chars().count();
            n >= 3 || w.contains('+') || (n == 2 && w.chars().all(|c| c.is_ascii_digit()))
        })
        .map(|w| w.to_lowercase())
        .filter(|w| !stop.contains(w.as_str()))
        .collect()
}

pub fn jaccard<T: Ord>(a: &BTreeSet<T>, b: &BTreeSet<T>) -> f32 {
    if a.is_empty() && b.is_empty() {
        return 0.0;
    }
    let inter = a.intersection(b).count() as f32;
    let union = (a.len() + b.len()) as f32 - inter;
    if union <= 0.0 {
        0.0
    } else {
        inter / union
    }
}

/// A person's key for matching across reports: lowercase surname (the last
/// word, as reports shorten "Antony Blinken" to "Blinken").
pub fn surname_key(name: &str) -> String {
    name.split_whitespace()
        .rfind(|w| w.chars().any(char::is_alphabetic))
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// Where an event took place, reduced to what tells places apart: the country
/// (or `virtual`), else the lowercase name. Two names in one country are the
/// same place said two ways, never a disagreement.
pub fn location_key(m: &EventMention) -> Option<String> {
    let l = m.location.as_ref()?;
    let name = l.name.trim().to_lowercase();
    if is_virtual(&name) {
        return Some("virtual".into());
    }
    match &l.country {
        Some(c) if !c.trim().is_empty() => Some(c.trim().to_uppercase()),
        _ if !name.is_empty() => Some(name),
        _ => None,
    }
}

pub fn is_virtual(name: &str) -> bool {
    matches!(
        name.trim().to_lowercase().as_str(),
        "virtual" | "video conference" | "videoconference" | "online" | "video link"
    )
}

/// Whether a status describes something not (yet) done, whose date and place may change.
pub fn is_plan(s: EventStatus) -> bool {
    matches!(
        s,
        EventStatus::Planned | EventStatus::Postponed | EventStatus::Hypothetical
    )
}

/// Days after an act from which a report of it retells it, no witness of the day.
const RETOLD_AFTER_DAYS: i64 = 7;

/// How many of an event's members (the latest) a mention is compared with.
const MAX_COMPARED: usize = 32;

/// What a canonical event under construction offers for comparison.
pub struct ClusterView<'a> {
    pub members: &'a [&'a EventMention],
    pub dates: &'a [Option<DayRange>],
    pub published: &'a [Option<DayRange>],
    pub words: &'a [BTreeSet<String>],
    pub participants: &'a BTreeSet<(String, String)>,
    /// Every state-level party the members name.
    pub actors: &'a BTreeSet<String>,
    /// The latest member's place key and mode.
    pub location: Option<String>,
    pub mode: Option<String>,
    /// The distinct statuses the members give.
    pub statuses: &'a [EventStatus],
}

/// What one mention offers for comparison.
pub struct MentionView<'a> {
    pub mention: &'a EventMention,
    pub date: Option<DayRange>,
    pub published: Option<DayRange>,
    pub words: &'a BTreeSet<String>,
    pub participants: BTreeSet<(String, String)>,
}

/// The participant keys (surname, country) a mention names, leaving out people the
/// knowledge base says did not hold the office the report gives them.
pub fn participant_keys(m: &EventMention) -> BTreeSet<(String, String)> {
    m.participants
        .iter()
        // (Companions, "accompanied by …", are named or not at a report's
        // whim: they tell nothing of which reports tell one event.)
        .filter(|p| p.anachronism.is_none() && !p.companion)
        .map(|p| (surname_key(&p.name), p.country.clone().unwrap_or_default()))
        .filter(|(s, _)| !s.is_empty())
        .collect()
}

/// The score of `m` joining `c`, or `None` where the two cannot be one event.
pub fn join_score(w: &Weights, m: &MentionView, c: &ClusterView) -> Option<f32> {
    if !same_kind_of_act(m.mention, c.members)
        || !same_host(m.mention, c.members)
        || reversed(m.mention, c.members)
        || held_and_called_off(m.mention, c.members)
        || call_and_visit(m.mention, c.members)
    {
        return None;
    }
    // "A second meeting between Trump and Putin … will not take place": a
    // sequel is never the act that already took place before its report.
    // (A sequel told as done, "their second summit, in Hanoi, collapsed",
    // may be any earlier act: the ordinal names it.)
    if m.mention.status != EventStatus::Occurred
        && sequel(m.mention)
        && held_before(c.members, m.published)
    {
        return None;
    }
    let mut score = date_score(w, m, c)?;

    // Parties: reports name more or fewer of them ("Japan and the US", "the US,
    // Japan and South Korea"), so sets need only meet. But a grouping's meeting
    // and a meeting of some of its members are two events, and sets that merely
    // cross (Japan-US, Japan-Korea) meet under doubt.
    let mine: BTreeSet<&str> = m.mention.actors.iter().map(String::as_str).collect();
    let mut crossing = false;
    if !mine.is_empty() || !c.actors.is_empty() {
        let shared = mine.iter().filter(|a| c.actors.contains(**a)).count();
        if shared == 0 {
            return None;
        }
        // The venue's state is often taken for a party by one report and not
        // by another ("the meeting in Singapore"): sets that differ by it
        // alone are the same parties.
        let venue: BTreeSet<String> = [location_key(m.mention), c.location.clone()]
            .into_iter()
            .flatten()
            .filter(|k| k.len() == 3 && k.chars().all(|ch| ch.is_ascii_uppercase()))
            .collect();
        let core = |set: &mut dyn Iterator<Item = &str>| -> BTreeSet<String> {
            set.filter(|a| !venue.contains(*a))
                .map(str::to_string)
                .collect()
        };
        let core_mine = core(&mut mine.iter().copied());
        let core_theirs = core(&mut c.actors.iter().map(String::as_str));
        let same = (shared == mine.len() && shared == c.actors.len())
            || (core_mine.len() >= 2 && core_mine == core_theirs);
        if !same {
            let multilateral = |x: Option<&str>| x == Some("multilateral");
            if multilateral(m.mention.mode.as_deref()) != multilateral(c.mode.as_deref()) {
                return None;
            }
            let nested = shared == mine.len() || shared == c.actors.len();
            if !nested {
                crossing = true;
                score += w.actors_partial;
            }
        } else {
            score += w.actors_same;
        }
    }

    // A report cannot plan what is already behind it: a plan never joins an
    // event whose best-known date ended before the report was written. (A
    // postponement can: it reports on a plan for a day now past.)
    // Nor is an event postponed or called off once reports had it take place
    // before the report's date.
    let past_event = || {
        let finest = c.dates.iter().flatten().min_by_key(|d| d.len_days());
        matches!((finest, m.published), (Some(d), Some(p)) if d.end <= p.start)
    };
    // Except a plan put off: a new plan for the same place is the same event,
    // rescheduled ("the trip postponed in February" … "will travel to Beijing").
    // (Where neither report places it, a new day after the one put off is
    // the same rescheduling: "postponed talks due on May 16" … "agreed to hold
    // the talks on June 1".)
    let rescheduled = || {
        let later = || {
            let finest = c.dates.iter().flatten().min_by_key(|d| d.len_days());
            matches!((m.date, finest), (Some(a), Some(d)) if a.start >= d.end)
        };
        c.statuses.contains(&EventStatus::Postponed)
            && match (location_key(m.mention), c.location.as_deref()) {
                (Some(a), Some(b)) => a == b,
                (None, None) => later(),
                _ => false,
            }
    };
    match m.mention.status {
        EventStatus::Planned if past_event() && !rescheduled() => return None,
        EventStatus::Postponed | EventStatus::Cancelled
            if past_event() && c.statuses.iter().all(|&x| x == EventStatus::Occurred) =>
        {
            return None
        }
        _ => {}
    }

    let shared = m
        .participants
        .iter()
        .filter(|(s, k)| {
            c.participants
                .iter()
                .any(|(s2, k2)| s == s2 && (k.is_empty() || k2.is_empty() || k == k2))
        })
        .count();
    // Reports often name only one side of a meeting: people only contradict each
    // other when both name someone of the same country and nobody is shared.
    let same_country_named = m
        .participants
        .iter()
        .any(|(_, k)| !k.is_empty() && c.participants.iter().any(|(_, k2)| k == k2));
    // Sets that cross (Japan-US, Japan-Korea) are one meeting only where the
    // reports share a person: otherwise they are two meetings of one partner.
    // The partner's own leader is at both of those, so sharing only people of
    // the countries both sets name proves nothing (Biden meeting Zelenskyy,
    // Biden meeting Kishida and Yoon, on one day at one summit).
    if crossing {
        let common: BTreeSet<&str> = mine
            .iter()
            .copied()
            .filter(|a| c.actors.contains(*a))
            .collect();
        let telling = m
            .participants
            .iter()
            .filter(|(s, k)| {
                !common.contains(k.as_str())
                    && c.participants.iter().any(|(s2, k2)| s == s2 && k == k2)
            })
            .count();
        if telling == 0 {
            return None;
        }
    }
    // A denial of an act ("China had not agreed to restore military channels")
    // is the denial of a reported one only where the two share a person: a
    // contradiction between reports needs more than a word and a day in common.
    let denies =
        |x: EventStatus, y: EventStatus| x == EventStatus::Denied && y == EventStatus::Occurred;
    let contradicts = c
        .statuses
        .iter()
        .any(|&x| denies(m.mention.status, x) || denies(x, m.mention.status));
    if contradicts && shared == 0 {
        return None;
    }
    if shared > 0 {
        score += w.participants_shared;
    } else if same_country_named {
        score += w.participants_disjoint;
    }

    if let (Some(a), Some(b)) = (location_key(m.mention), c.location.as_deref()) {
        if a == b {
            score += w.location_same;
        } else if a != "virtual" && b != "virtual" {
            let changed =
                |s: EventStatus| matches!(s, EventStatus::Postponed | EventStatus::Cancelled);
            let mine_occurred = m.mention.status == EventStatus::Occurred;
            let theirs_occurred = c.statuses.iter().all(|&x| x == EventStatus::Occurred);
            // A grouping's summit called off at one venue and held at another
            // ("the Sydney meeting was scrapped; the leaders met in Hiroshima
            // instead") is one meeting that moved: the same parties, as a group.
            let multilateral = |x: Option<&str>| x == Some("multilateral");
            let moved = multilateral(m.mention.mode.as_deref())
                && multilateral(c.mode.as_deref())
                && (changed(m.mention.status) || c.statuses.iter().any(|&x| changed(x)));
            // Two things that both took place in different countries are two
            // events; so are a meeting that took place and a visit elsewhere
            // that was called off or put off (Munich talks, a postponed Beijing trip).
            // Nor is a plan for one country the visit to another that was put
            // off ("postponed his visit to Australia … expects to meet Biden in
            // Japan"): only a summit moves.
            let mine_planned = m.mention.status == EventStatus::Planned;
            if moved {
            } else if ((changed(m.mention.status) || mine_occurred) && theirs_occurred)
                || (mine_occurred && c.statuses.iter().all(|&x| changed(x)))
                || (mine_planned && c.statuses.iter().any(|&x| changed(x)))
                // A plan for another place is not the meeting already held
                // ("held talks in Beijing … has invited Raisi to visit Riyadh").
                || (mine_planned && theirs_occurred)
                || (changed(m.mention.status) && c.statuses.contains(&EventStatus::Planned))
            {
                return None;
            } else {
                score += w.location_clash;
            }
        }
    }

    if let (Some(a), Some(b)) = (m.mention.mode.as_deref(), c.mode.as_deref()) {
        if !a.eq_ignore_ascii_case(b) {
            score += w.mode_clash;
        }
    }

    // An undated mention leans on its own report: there the event is most likely
    // the one the report already told with a date.
    if m.date.is_none() && c.members.iter().any(|x| x.doc == m.mention.doc) {
        score += w.same_report;
    }

    let wording = c
        .words
        .iter()
        .rev()
        .take(MAX_COMPARED)
        .map(|ws| jaccard(m.words, ws))
        .fold(0.0f32, f32::max);
    score += w.wording * wording;

    // The same word for the act ("captured" … "capturing", "the talks" … "talks"):
    // the strongest single cue that two reports tell one event.
    if let Some(t) = trigger_stem(m.mention) {
        if c.members
            .iter()
            .rev()
            .take(MAX_COMPARED)
            .any(|x| trigger_stem(x).as_deref() == Some(t.as_str()))
        {
            score += w.trigger_same;
        }
    }
    Some(score)
}

/// Whether an agreement mention may tell the same act as an event's members.
/// An invitation (CAMEO 036, "invited Kim to visit the White House", "an
/// invitation to Washington") is an act of its own beside the agreements of
/// the same talks ("agreed to restart negotiations"), however close in words,
/// day and parties: summit reports tell both, and each is news. Only AGREE
/// mentions are told apart this way; any event without a coded member fits.
pub fn same_kind_of_act(m: &EventMention, members: &[&EventMention]) -> bool {
    let invitation = |x: &EventMention| {
        x.event_type == dyad_core::EventType::Agree
            && x.cameo.as_deref().is_some_and(|c| c.starts_with("036"))
    };
    if m.event_type != dyad_core::EventType::Agree {
        return true;
    }
    let mine = invitation(m);
    members.iter().all(|x| invitation(x) == mine)
}

/// Whether one report tells the mention's act as held and the event's as
/// called off, or the other way round: "Obama and Duterte spoke briefly …
/// after the White House called off their meeting" are two events, the one
/// that happened and the one that did not.
pub fn held_and_called_off(m: &EventMention, members: &[&EventMention]) -> bool {
    let opposite = |a: EventStatus, b: EventStatus| {
        matches!(
            (a, b),
            (EventStatus::Occurred, EventStatus::Cancelled)
                | (EventStatus::Cancelled, EventStatus::Occurred)
        )
    };
    members
        .iter()
        .any(|x| x.doc == m.doc && opposite(x.status, m.status))
}

/// Whether a mention and an event are a call and a trip: "spoke by phone
/// with the crown prince" on the day the visit to him was put off is an act
/// of its own, however close the parties and the day. (Only a call held, with
/// no venue: a remote meeting still to come, or one with a virtual place, may
/// be the trip's plan moved online.)
pub fn call_and_visit(m: &EventMention, members: &[&EventMention]) -> bool {
    fn mode(x: &EventMention) -> Option<&str> {
        (x.event_type == dyad_core::EventType::Consult)
            .then_some(x.mode.as_deref())
            .flatten()
    }
    let call = |x: &EventMention| {
        mode(x) == Some("phone") && x.status == EventStatus::Occurred && location_key(x).is_none()
    };
    let visit = |x: &EventMention| mode(x) == Some("visit");
    (call(m) && members.iter().any(|x| visit(x))) || (visit(m) && members.iter().any(|x| call(x)))
}

/// Whether a visit may be the one the event's visits tell: a visit to one
/// side is never the return visit to the other ("Yoon will travel to Japan"
/// … "Kishida arrived in Seoul"), however close the parties, people and
/// dates. Only visits naming their host are compared, but for one thing: a
/// visitor is never the host of its own trip, so a trip made by the host's
/// side, whatever its destination ("Kishida, who returned from a tour of
/// Africa last week" beside "Yoon will travel to Japan"), is another trip.
pub fn same_host(m: &EventMention, members: &[&EventMention]) -> bool {
    let host = |x: &EventMention| {
        (x.event_type == dyad_core::EventType::Consult && x.mode.as_deref() == Some("visit"))
            .then(|| x.target.as_ref().and_then(|t| t.country.clone()))
            .flatten()
    };
    // Who travels: the subject of a visit made (CAMEO 042), not of one
    // hosted (043).
    let visitor = |x: &EventMention| {
        (x.event_type == dyad_core::EventType::Consult
            && x.mode.as_deref() == Some("visit")
            && x.cameo.as_deref().is_some_and(|c| c.starts_with("042")))
        .then(|| x.source.as_ref().and_then(|s| s.country.clone()))
        .flatten()
    };
    let hosts_the_visitor = |a: &EventMention, b: &EventMention| {
        visitor(a).is_some_and(|v| host(a).as_ref() != Some(&v) && host(b).as_ref() == Some(&v))
    };
    if members
        .iter()
        .any(|x| hosts_the_visitor(m, x) || hosts_the_visitor(x, m))
    {
        return false;
    }
    let Some(mine) = host(m) else {
        return true;
    };
    members
        .iter()
        .filter_map(|x| host(x))
        .all(|theirs| theirs == mine)
}

/// Whether a directed act runs the other way to one of the event's: Iran
/// reopening its embassy in Riyadh and Saudi Arabia reopening its embassy in
/// Tehran, one accusing the other and the reply, are two acts. (Meetings and
/// agreements are joint: who is named first says nothing.)
pub fn reversed(m: &EventMention, members: &[&EventMention]) -> bool {
    use dyad_core::EventType::{Agree, Consult};
    if matches!(m.event_type, Agree | Consult) {
        return false;
    }
    let sides = |x: &EventMention| {
        let s = x.source.as_ref().and_then(|a| a.country.clone())?;
        let t = x.target.as_ref().and_then(|a| a.country.clone())?;
        (s != t).then_some((s, t))
    };
    let Some((s, t)) = sides(m) else {
        return false;
    };
    members
        .iter()
        .filter_map(|x| sides(x))
        .any(|(xs, xt)| xs == t && xt == s)
}

/// Whether a mention tells a sequel to an act: "a second meeting", "the next
/// summit", "another visit", "fresh talks". The words just before the
/// trigger say so (up to three, within the phrase).
pub fn sequel(m: &EventMention) -> bool {
    let ordinal = |w: &str| {
        matches!(
            w.to_lowercase().as_str(),
            "second" | "third" | "fourth" | "fifth" | "next" | "another" | "fresh" | "follow-up"
        )
    };
    let (Some(from), Some(to)) = (
        m.trigger.start.checked_sub(m.sentence.start),
        m.trigger.end.checked_sub(m.sentence.start),
    ) else {
        return false;
    };
    let Some(before) = m.sentence_text.get(..from) else {
        return false;
    };
    let named_before = before
        .rsplit(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .take(3)
        .take_while(|w| !w.ends_with([',', ';', ':', '.', '"']))
        .any(ordinal);
    // A verb that holds the act names it after itself: "agreed to hold a
    // second summit", "will pay another visit".
    let named_after = || {
        m.sentence_text.get(to..).is_some_and(|after| {
            let mut words = after.split_whitespace().take(3);
            words.try_fold((), |(), w| {
                let bare = w.trim_end_matches([',', ';', ':', '.', '"']);
                if ordinal(bare) {
                    Err(true)
                } else if bare.len() < w.len() {
                    Err(false)
                } else {
                    Ok(())
                }
            }) == Err(true)
        })
    };
    named_before || named_after()
}

/// Whether an event's day was behind a report's day, as one of its members
/// dates it (held there, or only planned for then): a sequel the report tells
/// as still to come is another act.
pub fn held_before(members: &[&EventMention], published: Option<DayRange>) -> bool {
    let Some(p) = published else {
        return false;
    };
    // Also an act its members tell as held on the report's own day: "agreed
    // on Sunday to hold a second summit" is not Sunday's meeting.
    members.iter().any(|x| {
        x.date
            .as_ref()
            .and_then(DayRange::of_event_date)
            .is_some_and(|d| {
                d.end <= p.start || (x.status == EventStatus::Occurred && d.end <= p.end)
            })
    })
}

/// The first four letters of a mention's trigger word, lower case: a stem that
/// inflections and derived nouns share ("capture", "captured", "capturing";
/// "meet", "meeting"; "talk", "talks").
pub fn trigger_stem(m: &EventMention) -> Option<String> {
    let from = m.trigger.start.checked_sub(m.sentence.start)?;
    let to = m.trigger.end.checked_sub(m.sentence.start)?;
    let word = m.sentence_text.get(from..to)?;
    let stem: String = word.to_lowercase().chars().take(4).collect();
    (!stem.is_empty()).then_some(stem)
}

/// Date evidence. Where the event has dated members, only they count: an undated
/// member must not bridge two differently dated events. Among them the best
/// agreement decides; a date that clashes with all of them vetoes, unless a plan
/// may have moved.
fn date_score(w: &Weights, m: &MentionView, c: &ClusterView) -> Option<f32> {
    // The latest dated members only: an event told by thousands of mentions costs
    // no more to compare than one told by a few.
    let mut dated: Vec<(usize, DayRange)> = c
        .dates
        .iter()
        .enumerate()
        .rev()
        .filter_map(|(i, d)| d.map(|d| (i, d)))
        .take(MAX_COMPARED)
        .collect();
    dated.reverse();
    // Against the event's finest dates only: a month-level report must not bridge
    // two events held on different days of that month.
    if let Some(finest) = dated.iter().map(|(_, d)| d.len_days()).min() {
        dated.retain(|(_, d)| d.len_days() == finest);
    }
    // The days the event is already known to have taken place: a plan put off
    // and then carried out on one of them is not carried out again on another
    // ("arrived in Beijing on Sunday" … "met Xi on Monday").
    let held: Vec<DayRange> = dated
        .iter()
        .filter(|(i, _)| {
            c.members
                .get(*i)
                .is_some_and(|x| x.status == EventStatus::Occurred)
        })
        .map(|(_, d)| *d)
        .collect();
    let put_off =
        c.statuses.contains(&EventStatus::Postponed) || m.mention.status == EventStatus::Postponed;
    let best = |scores: &mut dyn Iterator<Item = Option<f32>>| {
        scores
            .flatten()
            .fold(None, |b: Option<f32>, s| Some(b.map_or(s, |b| b.max(s))))
    };
    // A summit runs over days: a plan dates it by its first ("from Friday"),
    // reports of it held by the day they tell of. (Two meetings held on
    // different days of a summit stay two: leaders meet on its margins.)
    let summit = m.mention.mode.as_deref() == Some("multilateral")
        && c.mode.as_deref() == Some("multilateral");
    // The same leaders meeting on consecutive days are one summit held over
    // days (a dinner on the first, talks on the second): the mention names
    // people of two states, all of whom the event already has. (Meetings on
    // consecutive days with someone else, "Qin on Sunday, Wang on Monday", stay
    // two.)
    let same_people = {
        let countries: BTreeSet<&str> = m.participants.iter().map(|(_, k)| k.as_str()).collect();
        countries.len() >= 2 && m.participants.iter().all(|p| c.participants.contains(p))
    };
    let over_days = |a: &DayRange| {
        same_people
            && held
                .iter()
                .any(|h| h.overlaps(a) || a.gap_days(h) < w.summit_days)
    };
    // A report that retells an act weeks or months on may put it a day or a
    // month off ("met at the United Nations in September" … "last met at the
    // United Nations in October"): the same act, told with the same word, at
    // the same place, by nobody the event lacks, on the next day or month at
    // the same grain, where one of the two reports is a retelling, is the
    // act misdated (a conflict of dates), not another.
    let my_trigger = trigger_stem(m.mention);
    let my_place = location_key(m.mention);
    let misdated = |a: &DayRange, i: usize, b: &DayRange| {
        let Some(other) = c.members.get(i) else {
            return false;
        };
        let retold = |d: &DayRange, p: Option<DayRange>| {
            p.is_some_and(|p| (p.start - d.end).num_days() >= RETOLD_AFTER_DAYS)
        };
        m.mention.status == EventStatus::Occurred
            && other.status == EventStatus::Occurred
            && a.grain == b.grain
            && a.len_days() <= 31
            && b.len_days() <= 31
            && a.gap_days(b) == 1
            && (retold(a, m.published) || retold(b, c.published.get(i).copied().flatten()))
            && my_place.is_some()
            && my_place == location_key(other)
            && my_trigger.is_some()
            && my_trigger == trigger_stem(other)
            && !m.participants.is_empty()
            && m.participants.iter().all(|p| c.participants.contains(p))
    };
    // An event takes place once: where it is known to have taken place on a
    // day, a report of it taking place on another is of another event, whatever
    // plans for other days it once had.
    if let Some(a) = m.date {
        if m.mention.status == EventStatus::Occurred
            && !held.is_empty()
            && !held.iter().any(|h| h.overlaps(&a))
            && !over_days(&a)
            && !dated.iter().any(|(i, b)| misdated(&a, *i, b))
        {
            return None;
        }
    }
    match m.date {
        Some(a) if !dated.is_empty() => best(&mut dated.iter().map(|(i, b)| {
            let other = c.members.get(*i)?;
            let plan = is_plan(m.mention.status) || is_plan(other.status);
            let held_over_days = !plan && same_people && a.gap_days(b) < w.summit_days;
            if a.overlaps(b) || (summit && plan && a.gap_days(b) < w.summit_days) || held_over_days
            {
                return Some(if a == *b { w.date_same } else { w.date_nested });
            }
            if misdated(&a, *i, b) {
                return Some(w.date_moved);
            }
            // Either side may be the one that tells of the change: the order
            // mentions arrive in must not decide whether they meet.
            let changed =
                |s: EventStatus| matches!(s, EventStatus::Postponed | EventStatus::Cancelled);
            // A visit put off and held months later at the place it was
            // planned for is one event with a new date: the postponed plan
            // carried out. (Elsewhere, it is another meeting of the parties.)
            let same_place = matches!(
                (location_key(m.mention), location_key(other)),
                (Some(x), Some(y)) if x == y
            );
            let carried_out = |put_off: EventStatus,
                               put_off_day: &DayRange,
                               done: EventStatus,
                               done_day: &DayRange| {
                same_place
                    && put_off == EventStatus::Postponed
                    && done == EventStatus::Occurred
                    && done_day.start > put_off_day.end
                    && held.iter().all(|h| h.overlaps(done_day))
            };
            let carried = carried_out(m.mention.status, &a, other.status, b)
                || carried_out(other.status, b, m.mention.status, &a);
            // A plan put off with no new day is no plan that merely moved: only
            // its carrying out (at the same place) is the same event. Once an
            // event is known to have been put off, so are the days its earlier
            // plans gave.
            let put_off_and_done = |x: EventStatus, y: EventStatus| {
                (x == EventStatus::Postponed || (is_plan(x) && put_off))
                    && y == EventStatus::Occurred
            };
            if put_off_and_done(other.status, m.mention.status)
                || put_off_and_done(m.mention.status, other.status)
            {
                return (carried && a.gap_days(b) <= w.moved_days).then_some(w.date_postponed);
            }
            let postpones = (changed(m.mention.status) && is_plan(other.status))
                || (changed(other.status) && is_plan(m.mention.status))
                || carried;
            let weight = if postpones {
                w.date_postponed
            } else {
                w.date_moved
            };
            (plan && a.gap_days(b) <= w.moved_days).then_some(weight)
        })),
        Some(a) => best(
            &mut c
                .members
                .iter()
                .enumerate()
                .rev()
                .take(MAX_COMPARED)
                .map(|(i, other)| {
                    undated_in_reach(w, a, other.status, c.published.get(i).copied().flatten())
                }),
        ),
        None if !dated.is_empty() => best(
            &mut dated
                .iter()
                .map(|(_, d)| undated_in_reach(w, *d, m.mention.status, m.published)),
        ),
        None => best(&mut c.published.iter().rev().take(MAX_COMPARED).map(|p| {
            match (m.published, p) {
                (Some(a), Some(b)) => (a.gap_days(b) <= w.window_days).then_some(w.date_undated),
                // Reports with no date at all: time neither joins nor parts them;
                // the rest of the evidence must carry the join on its own.
                (None, None) => Some(w.date_unknown),
                _ => None,
            }
        })),
    }
}

/// An undated mention can be the event dated `d` when the report's publication
/// date puts `d` in reach: before publication for what occurred, after it for a plan.
fn undated_in_reach(
    w: &Weights,
    d: DayRange,
    undated_status: EventStatus,
    published: Option<DayRange>,
) -> Option<f32> {
    let p = published?;
    // A publication date known only to the month spans the month: compare with
    // its whole period, not its first day.
    let starts_after_publication = (d.start - p.end).num_days();
    let ends_before_publication = (p.start - d.end).num_days();
    let ok = if is_plan(undated_status) {
        ends_before_publication < w.window_days / 4 && starts_after_publication <= w.window_days
    } else {
        ends_before_publication <= w.window_days && starts_after_publication <= 1
    };
    ok.then_some(w.date_undated)
}
