//! The coding itself: triggers → arguments → parties, status, date, place, mode.

use crate::patterns::{
    trigger_key, Complement, CueWhere, Pattern, Roles, Slot, TriggerKind, WordPattern, ANY_OBJECT,
};
use crate::tree::Tree;
use crate::{CodeInput, Coder};
use chrono::{Datelike, NaiveDate};
use dyad_core::{
    ActorRef, Anachronism, DateValue, DescribedParties, EventDate, EventLocation, EventMention,
    EventStatus, EventType, Grain, Participant, Span,
};
use dyad_kb::{DocContext, MentionKind, ResolvedMention};

/// Speech verbs whose subject is the "according to" source of a reported event.
const SPEECH: &[&str] = &[
    "say", "tell", "report", "announce", "add", "state", "confirm", "claim", "note", "write",
    "tweet", "post", "insist", "stress",
];
/// Prepositions that introduce a place or a time, not one acted on.
/// Verbs whose subject receives what their object names ("received
/// assurances", "won the support of …", "faces sanctions from the EU").
const RECEIVING: &[&str] = &["receive", "get", "obtain", "win", "gain", "secure", "face"];

const NOT_TARGETS: &[&str] = &[
    "at",
    "in",
    "during",
    "near",
    "since",
    "after",
    "before",
    "until",
    "inside",
    "outside",
    "throughout",
    "across",
    "via",
    "by",
    "within",
    "amid",
    "despite",
];
/// Words that open a clause of time, reason or manner: what such a clause
/// tells is background to the sentence's news.
const SUBORDINATORS: &[&str] = &[
    "after", "before", "since", "as", "when", "while", "until", "because", "once", "by",
];
/// Verbs that gather participants into a meeting ("will include Blinken, …").
const GATHER: &[&str] = &["include", "involve", "bring", "gather", "feature", "join"];

pub fn code_document(coder: &Coder, input: &CodeInput<'_>) -> Vec<EventMention> {
    let published = input.published.map(|p| p.date);
    // Names resolve the same on any date; offices are checked again per event.
    let anchor = published
        .or_else(|| NaiveDate::from_ymd_opt(2024, 1, 1))
        .unwrap_or_default();
    let mut ctx = DocContext::new();
    let mut resolved = input.kb.resolve_text_with(input.text, anchor, &mut ctx);
    leaders_by_surname(input, anchor, &mut resolved);
    people_by_description(input, &mut resolved);
    people_by_bare_title(input, &mut resolved);
    let mut out = Vec::new();
    // Undated acts timed by a meeting ("after the security talks, they will
    // sign…"): their index in `out` and the span of the anchoring words.
    let mut anchored: Vec<(usize, MeetingAnchor)> = Vec::new();
    // The person the last sentence was about (its main clause's subject), whom
    // a "he" or "she" opening the next main clause stands for.
    let mut topic: Vec<&ResolvedMention> = Vec::new();
    for sentence in &input.analysis.sentences {
        let joined = join_hyphenated_names(sentence, &resolved);
        let sentence = joined.as_ref().unwrap_or(sentence);
        let repaired = repaired(sentence);
        let sentence = repaired.as_ref().unwrap_or(sentence);
        let tree = Tree::new(sentence);
        let in_sentence: Vec<&ResolvedMention> = resolved
            .iter()
            .filter(|m| sentence.span.contains(m.span))
            // "an anti-Syria journalist": someone against a state, never it.
            .filter(|m| !opposed(input.text, m.span))
            .collect();
        let previous_topic = std::mem::take(&mut topic);
        topic = sentence_topic(&tree, &in_sentence, &previous_topic);
        let timexes: Vec<&dyad_time::Timex> = input
            .timexes
            .iter()
            .filter(|t| sentence.span.contains(t.span))
            .collect();
        let times: Vec<Span> = timexes.iter().map(|t| t.span).collect();
        let mut consumed = vec![false; tree.len()];
        let mut matched: Vec<Option<(&Pattern, Option<usize>)>> = (0..tree.len())
            .map(|i| match_trigger(coder, &tree, i, &times))
            .collect();
        // A meeting verb whose object is a thing received ("received
        // assurances", "host troops") is no meeting (`code_trigger` drops it),
        // so it swallows no nominal act told as its object.
        for (k, m) in matched.iter_mut().enumerate() {
            if m.is_some_and(|(p, _)| no_meeting(coder, &tree, k, p)) {
                *m = None;
            }
            // A rejection negated into a possibility ("have not ruled out a
            // meeting") is no act: it tells the status of what it governs
            // (status.tsv's `undone` cues), which stands as that act.
            if m.is_some() && negated_undoing(coder, &tree, k) {
                *m = None;
            }
        }
        // First the triggers that stand as events of their own, then each coded:
        // a trigger's arguments may depend on which other triggers stand beside it.
        let mut kept: Vec<(usize, &Pattern, Option<usize>)> = Vec::new();
        // Meetings an agreement of the sentence plans: (meeting, agreement).
        let mut agreed: Vec<(usize, usize)> = Vec::new();
        // Force, coercion or sanctions pledged ("vowed to attack", "pledged to
        // expel"), with the pledge each stands for: (act, pledge).
        let mut pledged: Vec<(usize, usize)> = Vec::new();
        for i in 0..tree.len() {
            if consumed[i] {
                continue;
            }
            let Some((pattern, complement_tok)) = matched[i] else {
                continue;
            };
            // One event, many words: a nominal trigger inside another trigger's
            // phrase ("the 2+2 dialogue", "the meeting on Jan. 7, called the 2+2
            // dialogue") names the same event.
            if pattern.kind == TriggerKind::Noun && nested_in_trigger(&tree, i, &matched) {
                continue;
            }
            // "US Predator attacks … have killed eight al-Qaeda leaders", "the
            // shelling killed 20": a nominal act that is the subject of a verb
            // of its own kind names the act the verb tells (its modifiers say
            // who acted, as the verb's subject).
            if pattern.kind == TriggerKind::Noun && tree.base_rel(i) == "nsubj" {
                let told = tree.head(i).and_then(|h| matched.get(h).copied().flatten());
                if told.is_some_and(|(p, _)| {
                    p.kind == TriggerKind::Verb
                        && pattern_type(coder, p) == pattern_type(coder, pattern)
                }) {
                    continue;
                }
            }
            // An act inside the complement of another ("refused to meet", "threatened
            // to attack", "called for sanctions", "accused X of attacking") is what
            // the governing act is about, not an event of its own. A meeting agreed
            // to stays: it is the event the agreement plans.
            if unrealised(&tree, i) {
                continue;
            }
            // "the most senior visit since Biden and Xi met in Bali", "aid
            // provided since Russia invaded": an act named as the point a span
            // of time runs from is background the report measures by, not news.
            if since_anchor(&tree, i) {
                continue;
            }
            if wished_unnamed(&tree, i) {
                continue;
            }
            if let Some(g) = governing_trigger(&tree, i, &matched) {
                let gt = matched[g].and_then(|(p, _)| pattern_type(coder, p));
                let jt = pattern_type(coder, pattern);
                if pledged_force(coder, &tree, i, pattern, g, &matched) {
                    pledged.push((i, g));
                } else {
                    // Unless the agreement is itself what another act is about
                    // ("rejected an offer to host a summit"): then so is the meeting.
                    let agreement_stands = governing_trigger(&tree, g, &matched).is_none_or(|gg| {
                        matched[gg].and_then(|(p, _)| pattern_type(coder, p))
                            == Some(EventType::Agree)
                    });
                    if !(gt == Some(EventType::Agree)
                        && jt == Some(EventType::Consult)
                        && agreement_stands)
                    {
                        continue;
                    }
                    agreed.push((i, g));
                }
            }
            if let Some(c) = complement_tok {
                if let Some(slot) = consumed.get_mut(c) {
                    *slot = true;
                }
            }
            kept.push((i, pattern, complement_tok));
        }
        // A pledge of force is the threat its act makes, told once: the act
        // stands (THREATEN in PLOVER's terms, see `plover_intent`), the pledge
        // gives way.
        kept.retain(|k| !pledged.iter().any(|&(_, g)| g == k.0));
        let triggers: Vec<usize> = kept.iter().map(|k| k.0).collect();
        let sentence_first = out.len();
        let s = SentenceCtx {
            input,
            tree: &tree,
            mentions: &in_sentence,
            timexes: &timexes,
            published,
            sentence,
            triggers: &triggers,
            previous_topic: &previous_topic,
        };
        let mut n = 0;
        // The sentence's events: each with whether it tells background (see
        // `background`) and the words timing it, where a meeting does.
        let mut coded: Vec<(EventMention, bool, Option<MeetingAnchor>)> = Vec::new();
        for (i, pattern, complement_tok) in kept {
            if let Some(mut ev) = code_trigger(coder, &s, i, pattern, complement_tok) {
                if ev.event_type == EventType::Agree {
                    if let Some(code) = agreed_concession(&tree, i, pattern, &matched) {
                        ev.cameo = Some(code);
                    }
                }
                // A meeting is news of its own even when told in passing
                // ("after meeting Zelenskyy on Sunday", "Qin, who visited
                // Washington in May"): reports on a story tell its earlier
                // meetings this way, and fusion needs them.
                let bg = background(&tree, i, pattern) && ev.event_type != EventType::Consult;
                let anchor = if ev.date.is_none() {
                    meeting_anchor(coder, &s, i)
                } else {
                    None
                };
                ev.id = format!("{}:{}:{}", input.doc_id, sentence.span.start, n);
                n += 1;
                // An act pledged is one to come, however the pledge is told.
                let pledge = pledged.iter().any(|&(a, _)| a == i);
                if pledge && matches!(ev.status, EventStatus::Occurred | EventStatus::Ongoing) {
                    ev.status = EventStatus::Planned;
                }
                let refused = ev.status == EventStatus::Cancelled
                    && tree
                        .children_with(i, &["advmod", "neg"])
                        .any(|c| ["not", "never", "n't"].contains(&tree.lemma(c).as_str()));
                let implied = plover_intent(coder, &ev, readied(&tree, i), refused);
                let implied = match implied {
                    // Only a meeting stays an event of its own kind when planned
                    // (dyad's extension of PLOVER); other planned cooperation is
                    // the AGREE itself. Its CAMEO code stays the act's where the
                    // act is told as the plan ("will supply arms": CAMEO codes the
                    // supply, PLOVER an AGREE); an act someone says, announces or
                    // wants to do ("announced it would free", "wants to help") is
                    // CAMEO's expressed intent too.
                    Some(agree) if ev.event_type != EventType::Consult => {
                        // (A code outside the CAMEO table, from a user's own
                        // scheme, is kept: CAMEO's intent codes are not its.)
                        let foreign = ev
                            .cameo
                            .as_deref()
                            .is_some_and(|c| coder.plover.lookup(c).is_none());
                        // (So is a purpose infinitive of a clause said or
                        // planned: "said it will send a team to help …".)
                        let purpose = tree.base_rel(i) == "advcl"
                            && tree
                                .children_with(i, &["mark"])
                                .any(|m| tree.lemma(m).eq_ignore_ascii_case("to"))
                            && tree
                                .head(i)
                                .is_some_and(|h| ["ccomp", "xcomp"].contains(&tree.base_rel(h)));
                        // (And so is an act pledged: PETRARCH's gold codes "pledged
                        // to expel" as the expulsion, not as a threat.)
                        let intent = (["ccomp", "xcomp"].contains(&tree.base_rel(i)) || purpose)
                            && !foreign
                            && !pledge;
                        ev = EventMention {
                            implied_by: None,
                            cameo: if intent || agree.event_type == EventType::Mobilize {
                                agree.cameo.clone()
                            } else {
                                ev.cameo.clone()
                            },
                            ..agree
                        };
                        None
                    }
                    // A meeting on a timetable ("is scheduled to attend a
                    // summit") is reported as the meeting to come, not as
                    // anyone's stated intent to meet: no AGREE besides it
                    // (PETRARCH's gold codes only the meeting).
                    Some(_) if on_timetable(&tree, i) => None,
                    other => other,
                };
                let accusation = reported_attack(coder, &ev);
                // An attack another party only claims or alleges ("The US
                // claimed that ISIL had attacked Iraq") is told as that party's
                // accusation: the report does not assert the attack itself.
                let alleged = accusation.is_some() && claimed_content(&tree, i);
                if !alleged {
                    coded.push((ev, bg, anchor));
                }
                if let Some(mut accuse) = accusation {
                    if alleged {
                        accuse.implied_by = None;
                    }
                    accuse.id = format!("{}:{}:{}", input.doc_id, sentence.span.start, n);
                    n += 1;
                    coded.push((accuse, bg, None));
                }
                if let Some(mut agree) = implied {
                    agree.id = format!("{}:{}:{}", input.doc_id, sentence.span.start, n);
                    n += 1;
                    coded.push((agree, bg, None));
                }
            }
        }
        protest_purposes(coder, &tree, &matched, &mut coded);
        // A meeting agreed to ("agreed to meet", "agreed to US mediation in
        // the talks") is restated as PLOVER's AGREE only where the agreement
        // itself gave no event: the agreement is that AGREE.
        let span_of = |k: usize| tree.tokens.get(k).map(|t| t.span);
        let agreements: Vec<Span> = agreed
            .iter()
            .filter(|(_, g)| {
                coded
                    .iter()
                    .any(|c| Some(c.0.trigger) == span_of(*g) && c.0.event_type == EventType::Agree)
            })
            .filter_map(|(m, _)| span_of(*m))
            .collect();
        let meetings: Vec<String> = coded
            .iter()
            .filter(|c| agreements.contains(&c.0.trigger) && c.0.implied_by.is_none())
            .map(|c| c.0.id.clone())
            .collect();
        coded.retain(|c| {
            !c.0.implied_by
                .as_ref()
                .is_some_and(|b| meetings.contains(b))
        });
        // Background acts (a relative clause about a party, a participle adding a
        // consequence, a noun inside a prepositional phrase) give way to the
        // sentence's main act where it has one.
        let any_main = coded.iter().any(|c| !c.1);
        if any_main {
            // A background act of the main act's type often is the main act told
            // again ("were killed in Israeli tank shelling", "killed in an air
            // strike by government forces"): its parties fill what the main act
            // lacks.
            let fills: Vec<(EventType, Option<ActorRef>, Option<ActorRef>)> = coded
                .iter()
                .filter(|c| c.1)
                .map(|c| (c.0.event_type, c.0.source.clone(), c.0.target.clone()))
                .collect();
            for (ty, src, tgt) in fills {
                if let Some(main) = coded.iter_mut().find(|c| !c.1 && c.0.event_type == ty) {
                    let ev = &mut main.0;
                    let same = |a: &Option<ActorRef>, b: &Option<ActorRef>| {
                        a.as_ref().map(|x| x.span) == b.as_ref().map(|x| x.span)
                    };
                    if ev.source.is_none() && src.is_some() && !same(&src, &ev.target) {
                        ev.source = src;
                    }
                    if ev.target.is_none() && tgt.is_some() && !same(&tgt, &ev.source) {
                        ev.target = tgt;
                    }
                    for c in [&ev.source, &ev.target]
                        .into_iter()
                        .flatten()
                        .filter_map(|a| a.country.clone())
                        .collect::<Vec<_>>()
                    {
                        if !ev.actors.contains(&c) {
                            ev.actors.push(c);
                        }
                    }
                    ev.actors.sort();
                }
            }
        }
        // An act told after one with both its parties, itself missing one of
        // its own and naming no party that act lacks, adds a detail to that
        // act's story ("was indicted by the U.N. court … and will resign",
        // "US attacks … have killed al-Qaeda leaders") or is a word the parse
        // left without its arguments: the complete act is the news. A meeting
        // told in passing stays, as above ("accepted an offer to host a
        // summit", "left for Lima for talks with Peru"); an act of background
        // is no such news; and a party of its own makes an act news of its
        // own ("since Yoon moved to settle a dispute with Tokyo, a step Biden
        // has praised").
        let complete: Vec<(usize, Vec<String>)> = coded
            .iter()
            .filter(|c| !c.1 && c.0.source.is_some() && c.0.target.is_some())
            .map(|c| (c.0.trigger.start, side_codes(&c.0)))
            .collect();
        for (ev, bg, anchor) in coded {
            if bg && any_main {
                continue;
            }
            let partial = (ev.source.is_none() || ev.target.is_none())
                && ev.event_type != EventType::Consult
                && ev.implied_by.is_none();
            if partial {
                let own = side_codes(&ev);
                if complete.iter().any(|(from, codes)| {
                    *from < ev.trigger.start && own.iter().all(|c| codes.contains(c))
                }) {
                    continue;
                }
            }
            if let Some(a) = anchor {
                anchored.push((out.len(), a));
            }
            out.push(ev);
        }
        if let Some(events) = out.get_mut(sentence_first..) {
            date_by_interval(&s, events);
        }
        add_companions(&s, &mut out, sentence_first);
    }
    date_by_meeting(input.text, &mut out, &anchored);
    let sentence_spans: Vec<Span> = input.analysis.sentences.iter().map(|s| s.span).collect();
    date_by_leaders_meeting(&sentence_spans, &mut out);
    place_by_visit(&mut out);
    place_by_dateline(input, &resolved, &mut out);
    // After the dateline: a meeting it placed places what the sentence tells beside it.
    place_by_sentence_meeting(&mut out);
    place_by_day_meeting(&mut out);
    org_countries(coder, &mut out);
    if let Some(p) = published {
        last_day_left(&mut out, p);
    }
    out
}

/// "Due to join the talks in Tokyo this weekend", told on the Sunday: of a
/// week or weekend a plan is set for, only the days from the report's on are
/// still ahead; where that leaves one day, the plan is for that day.
fn last_day_left(out: &mut [EventMention], published: NaiveDate) {
    for m in out.iter_mut().filter(|m| m.status == EventStatus::Planned) {
        let Some(d) = m.date.as_mut().filter(|d| d.grain == Grain::Week) else {
            continue;
        };
        let Some((year, rest)) = d.value.split_once("-W") else {
            continue;
        };
        let (week, weekend) = match rest.strip_suffix("-WE") {
            Some(w) => (w, true),
            None => (rest, false),
        };
        let (Ok(year), Ok(week)) = (year.parse::<i32>(), week.parse::<u32>()) else {
            continue;
        };
        let Some(last) = NaiveDate::from_isoywd_opt(year, week, chrono::Weekday::Sun) else {
            continue;
        };
        let first = if weekend {
            NaiveDate::from_isoywd_opt(year, week, chrono::Weekday::Sat)
        } else {
            NaiveDate::from_isoywd_opt(year, week, chrono::Weekday::Mon)
        };
        if first.is_some_and(|f| f <= published) && published == last {
            d.value = published.format("%Y-%m-%d").to_string();
            d.grain = Grain::Day;
            d.start = Some(DateValue::day(published));
        }
    }
}

/// Whether the phrase `c` under the verb `i` follows straight on the verb's
/// nominal object (only the object's own words between them).
fn right_after_object(tree: &Tree<'_>, i: usize, c: usize) -> bool {
    let Some(start) = tree.subtree_span(c).map(|sp| sp.start) else {
        return false;
    };
    tree.children_with(i, &["obj"]).any(|o| {
        tree.tokens
            .get(o)
            .is_some_and(|t| matches!(t.upos.as_str(), "NOUN" | "PROPN"))
            && tree
                .subtree(o)
                .last()
                .and_then(|&l| tree.tokens.get(l + 1))
                .is_some_and(|next| next.span.start == start)
    })
}

/// Whether `span` stands in an oblique of the act `i` itself that "in" (or
/// "into", "inside", "across", "throughout") opens: the territory the act is
/// done in, not the place of a gathering the act is told at.
fn in_own_place(tree: &Tree<'_>, i: usize, span: Span) -> bool {
    tree.children_with(i, &["obl", "nmod"]).any(|c| {
        tree.case_of(c)
            .is_some_and(|p| ["in", "into", "inside", "across", "throughout"].contains(&p.as_str()))
            && tree.subtree_span(c).is_some_and(|sp| sp.contains(span))
    })
}

/// Whether a name is the object of an "anti-" prefix ("anti-Syria",
/// "anti-American").
fn opposed(text: &str, span: Span) -> bool {
    text.get(..span.start)
        .and_then(|before| before.get(before.len().saturating_sub(5)..))
        .is_some_and(|p| p.eq_ignore_ascii_case("anti-"))
}

/// The codes of an event's source and target: each one's country, else its actor.
fn side_codes(ev: &EventMention) -> Vec<String> {
    [&ev.source, &ev.target]
        .into_iter()
        .flatten()
        .filter_map(|a| a.country.clone().or_else(|| a.actor.clone()))
        .collect()
}

/// An organisation acting as source or target has its CAMEO class for a
/// country ("the UN" → IGO, "Hamas" → PSE), from `organisations.tsv`. So has
/// someone who acts for one: the knowledge base gives the UN's
/// secretary-general the UN for a country, which CAMEO writes IGO.
fn org_countries(coder: &Coder, out: &mut [EventMention]) {
    for ev in out.iter_mut() {
        for side in [&mut ev.source, &mut ev.target].into_iter().flatten() {
            let own = side.country.as_deref().or(side.actor.as_deref());
            if let Some(c) = own.and_then(|a| coder.orgs.class(a)) {
                side.country = Some(c.to_string());
            }
        }
    }
}

/// A meeting the report places nowhere, held on the report's day or the day
/// either side of it, took place where the report was filed: its dateline
/// ("BEIJING, June 18 – … held more than five hours of talks"). The evidence
/// is the dateline's place name.
fn place_by_dateline(
    input: &CodeInput<'_>,
    resolved: &[ResolvedMention],
    out: &mut [EventMention],
) {
    let (Some(dateline), Some(published)) = (input.dateline, input.published) else {
        return;
    };
    // The dateline opens the report.
    let head = input.text.get(..input.text.len().min(400)).unwrap_or("");
    // The reader gives the place in title case ("Tokyo"); reports write it
    // in capitals ("TOKYO –").
    let (lower_head, lower_place) = (head.to_lowercase(), dateline.to_lowercase());
    let at = head.find(dateline).or_else(|| {
        (lower_head.len() == head.len())
            .then(|| lower_head.find(&lower_place))
            .flatten()
    });
    let Some(at) = at else {
        return;
    };
    let span = Span::new(at, at + dateline.len());
    let known = resolved
        .iter()
        .find(|m| span.contains(m.span) && m.person.is_none() && m.country.is_some())
        .map(place_of);
    // A town the knowledge base does not know, placed by the state or
    // country written after it ("WOODSIDE, Calif. –", "PANMUNJOM, South
    // Korea –"): the dateline's place is the town, in that country.
    let around = || {
        let rest = head.get(span.end..)?;
        let stop = rest.find(['–', '—', '(']).unwrap_or(rest.len()).min(40);
        let region = Span::new(span.end, span.end + stop);
        let m = resolved
            .iter()
            .find(|m| region.contains(m.span) && m.person.is_none() && m.country.is_some())?;
        let mut at = place_of(m);
        at.name = format!("{dateline}, {}", at.name);
        Some(at)
    };
    let Some(place) = known.or_else(around) else {
        return;
    };
    // Also a venue the knowledge base does not know ("at the Great Hall of
    // the People"): it is in the dateline's city, named after the venue.
    for m in out.iter_mut().filter(|m| {
        m.event_type == EventType::Consult
            && m.location
                .as_ref()
                .is_none_or(|l| l.country.is_none() && l.name != "virtual")
            && m.mode.as_deref() != Some("phone")
    }) {
        let Some(day) = m
            .date
            .as_ref()
            .filter(|d| d.grain == Grain::Day)
            .and_then(|d| d.start)
        else {
            continue;
        };
        if (day.date - published.date).num_days().abs() <= 1 {
            let mut at = place.clone();
            if let Some(venue) = m.location.take() {
                at.name = format!("{}, {}", venue.name, at.name);
                at.text = venue.text;
                at.span = venue.span;
            }
            m.location = Some(at);
        }
    }
}

/// A meeting that took place somewhere: its sentence, its day (as written and
/// as a date), its parties and its place.
type PlacedMeeting = (
    Span,
    (Option<String>, Option<NaiveDate>),
    Vec<String>,
    EventLocation,
);

/// An act the sentence tells beside a meeting it places ("held talks with Qin
/// in Beijing on Sunday, and Qin accepted an invitation …"): same sentence,
/// a party in common, no date more than a day from the meeting's — it took
/// place at the meeting. The
/// evidence stays the meeting's place words.
fn place_by_sentence_meeting(out: &mut [EventMention]) {
    // The day as a date where it is one: "pledged aid on Sunday, after
    // meeting Zelenskyy on the summit's last day" may tell the two a day apart.
    let day_of = |m: &EventMention| -> (Option<String>, Option<NaiveDate>) {
        let value = m.date.as_ref().map(|d| d.value.clone());
        let day = m
            .date
            .as_ref()
            .filter(|d| d.grain == Grain::Day)
            .and_then(|d| d.start)
            .map(|v| v.date);
        (value, day)
    };
    let meetings: Vec<PlacedMeeting> = out
        .iter()
        .filter(|m| m.event_type == EventType::Consult && m.status == EventStatus::Occurred)
        .filter_map(|m| {
            let place = m.location.clone().filter(|l| l.country.is_some())?;
            Some((m.sentence, day_of(m), m.actors.clone(), place))
        })
        .collect();
    if meetings.is_empty() {
        return;
    }
    for m in out.iter_mut().filter(|m| {
        m.location.is_none()
            && m.event_type != EventType::Consult
            && m.mode.as_deref() != Some("phone")
    }) {
        let (value, day) = day_of(m);
        let found = meetings
            .iter()
            .find(|(sentence, (meeting_value, meeting_day), actors, _)| {
                let near = match (day, meeting_day) {
                    (Some(a), Some(b)) => (a - *b).num_days().abs() <= 1,
                    _ => false,
                };
                *sentence == m.sentence
                    && (value.is_none() || value == *meeting_value || near)
                    && m.actors.iter().any(|a| actors.contains(a))
            });
        if let Some((_, _, _, place)) = found {
            m.location = Some(place.clone());
        }
    }
}

/// An agreement reached on the day the report's talks of the same parties
/// took place was reached there: "Biden and Putin met at a villa in Geneva on
/// Wednesday … The two agreed to send their ambassadors back" places the
/// agreement in Geneva. Only where that day's meetings of those parties were
/// all held at one place; never a phone call's agreement.
fn place_by_day_meeting(out: &mut [EventMention]) {
    let day = |m: &EventMention| {
        m.date
            .as_ref()
            .filter(|d| d.grain == Grain::Day)
            .and_then(|d| d.start)
            .map(|v| v.date)
    };
    let meetings: Vec<(NaiveDate, Vec<String>, EventLocation)> = out
        .iter()
        .filter(|m| m.event_type == EventType::Consult && m.status == EventStatus::Occurred)
        .filter(|m| m.mode.as_deref() != Some("phone"))
        .filter_map(|m| {
            let place = m.location.clone().filter(|l| l.country.is_some())?;
            Some((day(m)?, m.actors.clone(), place))
        })
        .collect();
    for m in out.iter_mut().filter(|m| {
        m.location.is_none()
            && m.event_type == EventType::Agree
            && m.status == EventStatus::Occurred
            && m.mode.as_deref() != Some("phone")
    }) {
        let Some(on) = day(m) else { continue };
        let need = m.actors.len().min(2);
        let places: Vec<&EventLocation> = meetings
            .iter()
            .filter(|(d, actors, _)| {
                *d == on
                    && need > 0
                    && m.actors.iter().filter(|a| actors.contains(a)).count() >= need
            })
            .map(|(_, _, place)| place)
            .collect();
        let Some(first) = places.first() else {
            continue;
        };
        if places.iter().all(|p| p.country == first.country) {
            m.location = Some((*first).clone());
        }
    }
}

/// A visitor's meetings while on the visit take place in the country visited:
/// "Blinken arrived in Japan on Sunday … on Monday Blinken and Kamikawa will
/// meet their Quad counterparts". A meeting the report places nowhere, dated
/// the visit's day or the two days after, with a person the visit names, gets
/// the visit's country (its evidence stays the visit's words). A sentence
/// that tells of travel of its own keeps what it says.
fn place_by_visit(out: &mut [EventMention]) {
    let visits: Vec<(NaiveDate, EventLocation, Vec<String>)> = out
        .iter()
        .filter(|m| m.event_type == EventType::Consult && m.mode.as_deref() == Some("visit"))
        .filter_map(|m| {
            let day = m
                .date
                .as_ref()
                .filter(|d| d.grain == Grain::Day)?
                .start?
                .date;
            let place = m.location.clone().filter(|l| l.country.is_some())?;
            let people: Vec<String> = m.participants.iter().map(|p| p.name.clone()).collect();
            (!people.is_empty()).then_some((day, place, people))
        })
        .collect();
    if visits.is_empty() {
        return;
    }
    let travelling: Vec<Span> = out
        .iter()
        .filter(|m| m.mode.as_deref() == Some("visit"))
        .map(|m| m.sentence)
        .collect();
    // (A call made while the visit was planned or under way has no venue.)
    for m in out.iter_mut().filter(|m| {
        m.event_type == EventType::Consult
            && m.location.is_none()
            && m.mode.as_deref() != Some("phone")
            && !travelling.contains(&m.sentence)
    }) {
        let Some(day) = m.date.as_ref().and_then(|d| d.start).map(|v| v.date) else {
            continue;
        };
        let during = visits.iter().find(|(from, _, people)| {
            let gap = (day - *from).num_days();
            (0..=2).contains(&gap) && m.participants.iter().any(|p| people.contains(&p.name))
        });
        if let Some((_, place, _)) = during {
            m.location = Some(place.clone());
        }
    }
}

/// The offices whose holders a bare surname names anywhere.
const HEAD_ROLES: [&str; 2] = ["head_of_state", "head_of_government"];
/// The offices whose holders a bare surname names only in a report naming their country.
const MINISTER_ROLES: [&str; 2] = ["foreign_minister", "defense_minister"];

/// Bare surnames the text resolution left alone ("Obama is scheduled to
/// attend", "said Putin"): a one-word proper name, by the parser's tags, that
/// is no date and that exactly one holder of a core office bore on the day.
fn leaders_by_surname(input: &CodeInput<'_>, on: NaiveDate, resolved: &mut Vec<ResolvedMention>) {
    let mut found = Vec::new();
    for sentence in &input.analysis.sentences {
        let toks = &sentence.tokens;
        for (k, t) in toks.iter().enumerate() {
            let propn = |j: Option<usize>| {
                j.and_then(|j| toks.get(j))
                    .is_some_and(|x| x.upos == "PROPN")
            };
            let single = t.upos == "PROPN" && !propn(k.checked_sub(1)) && !propn(Some(k + 1));
            if !single || !t.text.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            let taken = resolved.iter().any(|m| m.span.overlaps(t.span))
                || input.timexes.iter().any(|x| x.span.overlaps(t.span));
            if taken {
                continue;
            }
            // The leader of a major power is famous enough to go by surname
            // alone ("Obama said", "met Putin": a G20 member, by the knowledge
            // base's groupings); other surnames are common enough elsewhere (a
            // boxer "Thompson" is no prime minister of Barbados, a ballplayer
            // "Teixeira" no defence minister) that they name the office-holder
            // only where the report names the country too.
            let named_country = |m: &ResolvedMention| {
                resolved
                    .iter()
                    .any(|o| o.country.is_some() && o.country == m.country)
            };
            let major = |m: &ResolvedMention| {
                m.country.as_ref().is_some_and(|c| {
                    input
                        .kb
                        .organisation("G20")
                        .is_some_and(|g| g.members.contains(c))
                })
            };
            let head = input
                .kb
                .holder_by_surname(input.text, t.span, on, &HEAD_ROLES)
                .filter(|m| major(m) || named_country(m));
            let minister = || {
                input
                    .kb
                    .holder_by_surname(input.text, t.span, on, &MINISTER_ROLES)
                    .filter(named_country)
            };
            if let Some(m) = head.or_else(minister) {
                found.push(m);
            }
        }
    }
    if !found.is_empty() {
        resolved.extend(found);
        resolved.sort_by_key(|m| (m.span.start, m.span.end));
    }
}

/// "President Barack Obama will not hold talks with Philippine President
/// Rodrigo Duterte … Ned Price said the president would meet South Korean
/// President Park Geun-hye": a head of state or government told by the bare
/// office ("the president", "the prime minister", "the premier", "the
/// chancellor"), singular and with no name or "of" after it, is the first
/// holder of that office the report named before (reports name their
/// protagonist first), never one the same sentence names. The phrase becomes
/// a mention of that person.
fn people_by_bare_title(input: &CodeInput<'_>, resolved: &mut Vec<ResolvedMention>) {
    let mut found: Vec<ResolvedMention> = Vec::new();
    for sentence in &input.analysis.sentences {
        let toks = &sentence.tokens;
        for k in 0..toks.len() {
            let word = |j: usize| toks.get(j).map(|t| t.text.as_str()).unwrap_or_default();
            if !word(k).eq_ignore_ascii_case("the") {
                continue;
            }
            let (last, role) = match word(k + 1) {
                "president" => (k + 1, "head_of_state"),
                "premier" | "chancellor" => (k + 1, "head_of_government"),
                "prime" if word(k + 2) == "minister" => (k + 2, "head_of_government"),
                _ => continue,
            };
            // ("the president of France", "the president's visit", "the
            // president Obama": not the bare office.)
            let after = toks.get(last + 1);
            if after.is_some_and(|t| {
                t.upos == "PROPN" || matches!(t.text.as_str(), "of" | "'s" | "’s" | "-")
            }) {
                continue;
            }
            let (Some(first), Some(end)) = (toks.get(k), toks.get(last)) else {
                continue;
            };
            let span = Span::new(first.span.start, end.span.end);
            if resolved.iter().any(|m| m.span.overlaps(span)) {
                continue;
            }
            let Some(referent) = resolved
                .iter()
                .filter(|m| {
                    m.kind == MentionKind::Person
                        && m.person.is_some()
                        && m.span.end <= sentence.span.start
                        && m.role_on_date.as_deref() == Some(role)
                })
                .min_by_key(|m| m.span.start)
            else {
                continue;
            };
            let named_here = resolved
                .iter()
                .any(|m| sentence.span.contains(m.span) && m.person == referent.person);
            if named_here {
                continue;
            }
            found.push(ResolvedMention {
                span,
                text: span.slice(input.text).unwrap_or_default().to_string(),
                claimed_role: None,
                anachronism: None,
                ..referent.clone()
            });
        }
    }
    if found.is_empty() {
        return;
    }
    resolved.extend(found.iter().cloned());
    resolved.sort_by_key(|m| (m.span.start, m.span.end));
    // "… said the president would meet South Korean President Park Geun-hye.
    // The two leaders sat down on Tuesday …": the knowledge base read "the two
    // leaders" before the bare office was known, so from the people it could
    // see; where the sentence before names exactly as many states through its
    // people with the office counted, those are the pair (as it reads the
    // sentence before), unless the pair's own sentence names people before it.
    let sentences = &input.analysis.sentences;
    for k in 1..sentences.len() {
        let (Some(prev), Some(here)) = (sentences.get(k - 1), sentences.get(k)) else {
            continue;
        };
        if !found.iter().any(|f| prev.span.contains(f.span)) {
            continue;
        }
        let people_words = [
            "leader",
            "president",
            "men",
            "premier",
            "chancellor",
            "head",
        ];
        let mut pairs: Vec<Span> = resolved
            .iter()
            .filter(|m| {
                here.span.contains(m.span)
                    && m.kind == MentionKind::Country
                    && m.person.is_none()
                    && m.source.starts_with("dyad: `")
                    && people_words
                        .iter()
                        .any(|w| m.text.to_lowercase().contains(w))
            })
            .map(|m| m.span)
            .collect();
        pairs.dedup();
        for span in pairs {
            let group: Vec<usize> = (0..resolved.len())
                .filter(|&j| resolved.get(j).is_some_and(|m| m.span == span))
                .collect();
            let named_before = resolved.iter().any(|m| {
                here.span.contains(m.span)
                    && m.span.end <= span.start
                    && m.kind == MentionKind::Person
                    && m.country.is_some()
            });
            if group.len() < 2 || named_before {
                continue;
            }
            let mut countries: Vec<String> = Vec::new();
            for m in resolved.iter().filter(|m| {
                prev.span.contains(m.span) && m.kind == MentionKind::Person && m.person.is_some()
            }) {
                if let Some(c) = m.country.as_ref().filter(|c| !countries.contains(c)) {
                    countries.push(c.clone());
                }
            }
            if countries.len() != group.len() {
                continue;
            }
            for (j, c) in group.into_iter().zip(countries) {
                if let Some(m) = resolved.get_mut(j) {
                    m.actor = Some(c.clone());
                    m.country = Some(c);
                }
            }
        }
    }
}

/// People the knowledge base does not know, placed by the words that describe
/// them: a full name the analysis finds as a person, with a state, a
/// government body or a known person in the title before it ("Kremlin
/// spokesman Dmitry Peskov", "Russia's ambassador Anatoly Antonov") or in an
/// apposition after it ("Stephen Biegun, the State Department's special
/// representative", "Jake Sullivan, Biden's national security adviser"). A
/// state named after a preposition there is what the person deals with, not
/// whom they serve ("envoy for North Korea", "ambassador to Spain"). Each
/// becomes a person mention of that state's government with no office on
/// record, and the surname alone names them again further on ("Biegun's
/// first visit").
fn people_by_description(input: &CodeInput<'_>, resolved: &mut Vec<ResolvedMention>) {
    let mut found: Vec<ResolvedMention> = Vec::new();
    let mut surnames: Vec<(String, usize)> = Vec::new();
    for m in input
        .analysis
        .mentions
        .iter()
        .filter(|m| m.kind == dyad_text::MentionKind::Person && m.name_parts.len() >= 2)
    {
        let name_span = m.name_span.unwrap_or(m.span);
        if resolved.iter().any(|r| r.span.overlaps(name_span)) {
            continue;
        }
        let Some(sentence) = input.analysis.sentences.get(m.sentence) else {
            continue;
        };
        let toks = &sentence.tokens;
        let after_preposition = |r: &ResolvedMention| {
            toks.iter()
                .position(|t| t.span.start >= r.span.start)
                .and_then(|k| k.checked_sub(1))
                .and_then(|k| toks.get(k))
                .is_some_and(|t| t.upos == "ADP" && t.text != "'s")
        };
        let placed = |from: usize, to: usize| -> Option<&ResolvedMention> {
            resolved
                .iter()
                .filter(|r| r.span.start >= from && r.span.end <= to && r.country.is_some())
                .filter(|r| !after_preposition(r))
                .min_by_key(|r| r.span.start)
        };
        let first = m.tokens[0];
        // The title before the name: the words of its phrase right before it
        // (nouns, names, adjectives, a possessive "'s"; read from the words,
        // which is cheaper than the tree and as good for a title).
        let mut from = first;
        while from > 0
            && first - from < 6
            && toks.get(from - 1).is_some_and(|t| {
                matches!(t.upos.as_str(), "NOUN" | "PROPN" | "ADJ") || t.text == "'s"
            })
        {
            from -= 1;
        }
        let by_title = (from < first)
            .then(|| toks.get(from).map(|t| t.span.start))
            .flatten()
            .and_then(|start| placed(start, name_span.start));
        // The apposition after it: the words set off by a comma, opening with
        // an article or a possessive ("…, the State Department's special
        // representative", "…, Biden's national security adviser"), up to
        // the next comma (read from the words: the parse often hangs such a
        // phrase elsewhere).
        let last = m.tokens[1];
        let by_apposition = || {
            let comma = toks.get(last).is_some_and(|t| t.text == ",");
            let opener = toks.get(last + 1).is_some_and(|t| {
                matches!(t.text.to_lowercase().as_str(), "the" | "a" | "an")
                    || toks.get(last + 2).is_some_and(|n| n.text == "'s")
            });
            if !(comma && opener) {
                return None;
            }
            let end = (last + 1..toks.len().min(last + 14))
                .find(|&k| {
                    toks.get(k)
                        .is_some_and(|t| matches!(t.text.as_str(), "," | "." | ";"))
                })
                .unwrap_or(toks.len().min(last + 14));
            let from = toks.get(last + 1)?.span.start;
            let to = toks.get(end.checked_sub(1)?)?.span.end;
            placed(from, to)
        };
        let Some(evidence) = by_title.or_else(by_apposition) else {
            continue;
        };
        let Some(country) = evidence.country.clone() else {
            continue;
        };
        let actor = match (&evidence.actor, evidence.kind) {
            (Some(a), MentionKind::Organisation | MentionKind::Metonym)
                if a.starts_with(&country) =>
            {
                a.clone()
            }
            _ => format!("{country}GOV"),
        };
        let name = name_span.slice(input.text).unwrap_or("").to_string();
        if let Some(last) = m.name_parts.last() {
            surnames.push((last.clone(), found.len()));
        }
        found.push(ResolvedMention {
            span: name_span,
            text: name.clone(),
            kind: MentionKind::Person,
            sector: actor.strip_prefix(&country).map(str::to_string),
            actor: Some(actor),
            country: Some(country),
            person: Some(name),
            role_on_date: None,
            claimed_role: None,
            anachronism: None,
            source: "dyad: described in the text".to_string(),
        });
    }
    if found.is_empty() {
        return;
    }
    let mut again: Vec<ResolvedMention> = Vec::new();
    for sentence in &input.analysis.sentences {
        for t in &sentence.tokens {
            if t.upos != "PROPN" {
                continue;
            }
            let Some(&(_, k)) = surnames.iter().find(|(s, _)| *s == t.text) else {
                continue;
            };
            let Some(f) = found.get(k) else { continue };
            if t.span.start < f.span.start
                || found.iter().any(|f| f.span.overlaps(t.span))
                || resolved.iter().any(|r| r.span.overlaps(t.span))
            {
                continue;
            }
            again.push(ResolvedMention {
                span: t.span,
                text: t.text.clone(),
                ..f.clone()
            });
        }
    }
    resolved.extend(found);
    resolved.extend(again);
    resolved.sort_by_key(|m| (m.span.start, m.span.end));
}

/// Dates the acts of a clause measured from another time: "the visit comes three
/// months after Biden and Kishida met" puts the meeting three months before the
/// visit, which (present tense) is the report's day; "came two weeks before the
/// vote" puts the vote two weeks after the coming's own date. Only undated acts
/// standing after the measuring words get the date, at the measure's grain.
fn date_by_interval(s: &SentenceCtx<'_, '_>, events: &mut [EventMention]) {
    let tree = s.tree;
    let text = s.input.text;
    for t in s
        .timexes
        .iter()
        .filter(|t| t.kind == dyad_time::TimexType::Duration)
    {
        let Some((n, unit)) = simple_duration(&t.value) else {
            continue;
        };
        // The word right after the measure: "after" or "before".
        let Some(rest) = text.get(t.span.end..) else {
            continue;
        };
        let word: String = rest
            .trim_start()
            .chars()
            .take_while(|c| c.is_alphabetic())
            .collect::<String>()
            .to_lowercase();
        let sign = match word.as_str() {
            "after" => -1,
            "before" => 1,
            _ => continue,
        };
        let word_end = t.span.end + (rest.len() - rest.trim_start().len()) + word.len();
        // The measured-from time: the verb the measure follows ("comes", "came").
        let Some(verb) = (0..tree.len()).rev().find(|&k| {
            tree.tokens
                .get(k)
                .is_some_and(|tok| tok.span.end <= t.span.start && tok.upos == "VERB")
        }) else {
            continue;
        };
        let present = tree
            .tokens
            .get(verb)
            .is_some_and(|tok| tok.feat("Tense") == Some("Pres"));
        let reference = if present {
            s.published
        } else {
            events
                .iter()
                .filter(|e| e.trigger.end <= t.span.start)
                .find_map(|e| e.date.as_ref().and_then(|d| d.start).map(|v| v.date))
        };
        let Some(reference) = reference else { continue };
        let Some((date, grain)) = shift(reference, sign * n, unit) else {
            continue;
        };
        let value = match grain {
            Grain::Year => date.format("%Y").to_string(),
            Grain::Month => date.format("%Y-%m").to_string(),
            _ => date.format("%Y-%m-%d").to_string(),
        };
        let start = match grain {
            Grain::Year => DateValue::year(date.year()),
            Grain::Month => DateValue::month(date.year(), date.month()),
            _ => Some(DateValue::day(date)),
        };
        let span = Span::new(t.span.start, word_end);
        for e in events
            .iter_mut()
            .filter(|e| e.date.is_none() && e.trigger.start >= word_end)
        {
            e.date = Some(EventDate {
                text: span.slice(text).map(str::to_string),
                span: Some(span),
                value: value.clone(),
                grain,
                start,
            });
        }
    }
}

/// `P3M` → (3, 'M'): a whole number of days, weeks, months or years.
fn simple_duration(value: &str) -> Option<(i64, char)> {
    let body = value.strip_prefix('P')?;
    let unit = body.chars().last()?;
    let n: i64 = body.get(..body.len() - unit.len_utf8())?.parse().ok()?;
    matches!(unit, 'D' | 'W' | 'M' | 'Y').then_some((n, unit))
}

/// `date` moved by `n` units, with the grain such a measure gives.
fn shift(date: NaiveDate, n: i64, unit: char) -> Option<(NaiveDate, Grain)> {
    let months = |m: i64| -> Option<NaiveDate> {
        let k = chrono::Months::new(u32::try_from(m.unsigned_abs()).ok()?);
        if m < 0 {
            date.checked_sub_months(k)
        } else {
            date.checked_add_months(k)
        }
    };
    match unit {
        // Checked: a measure from text may be absurdly large.
        'D' => Some((
            date.checked_add_signed(chrono::Duration::try_days(n)?)?,
            Grain::Day,
        )),
        'W' => Some((
            date.checked_add_signed(chrono::Duration::try_weeks(n)?)?,
            Grain::Day,
        )),
        'M' => Some((months(n)?, Grain::Month)),
        'Y' => Some((months(n.checked_mul(12)?)?, Grain::Year)),
        _ => None,
    }
}

/// Gives acts timed by "after the talks" the day the report dates its meeting:
/// the day its dated meeting mentions give most often.
fn date_by_meeting(text: &str, out: &mut [EventMention], anchored: &[(usize, MeetingAnchor)]) {
    if anchored.is_empty() {
        return;
    }
    let mut days: Vec<(&EventDate, usize)> = Vec::new();
    for m in out.iter().filter(|m| {
        m.event_type == EventType::Consult
            && m.implied_by.is_none()
            && m.status != EventStatus::Cancelled
    }) {
        let Some(d) = m.date.as_ref().filter(|d| d.grain == Grain::Day) else {
            continue;
        };
        match days.iter_mut().find(|(x, _)| x.value == d.value) {
            Some((_, n)) => *n += 1,
            None => days.push((d, 1)),
        }
    }
    // Most often given; ties to the first given.
    let Some(best) = days
        .iter()
        .enumerate()
        .max_by_key(|(k, (_, n))| (*n, std::cmp::Reverse(*k)))
        .map(|(_, (d, _))| (*d).clone())
    else {
        return;
    };
    for &(k, MeetingAnchor { span, during }) in anchored {
        let Some(m) = out.get_mut(k) else { continue };
        // Held while a gathering lasted: its week, since the report does not
        // say which of the gathering's days.
        let week = best.start.filter(|_| during).map(|d| d.date).and_then(|d| {
            let monday = d.checked_sub_signed(chrono::Duration::days(i64::from(
                d.weekday().num_days_from_monday(),
            )))?;
            let iso = d.iso_week();
            Some((format!("{}-W{:02}", iso.year(), iso.week()), monday))
        });
        m.date = Some(match week {
            Some((value, monday)) => EventDate {
                text: span.slice(text).map(str::to_string),
                span: Some(span),
                value,
                grain: Grain::Week,
                start: Some(DateValue {
                    grain: Grain::Week,
                    ..DateValue::day(monday)
                }),
            },
            None => EventDate {
                text: span.slice(text).map(str::to_string),
                span: Some(span),
                value: best.value.clone(),
                grain: best.grain,
                start: best.start,
            },
        });
    }
}

/// "Obama … held talks with President Yudhoyono on Tuesday. The two presidents
/// launched a comprehensive partnership …": an act told with no time of its
/// own, done (not planned) by the office-holders the report just told meeting
/// ("the two presidents", "the leaders": a party given by office), took place
/// at that meeting. It takes the day of the nearest meeting before it that
/// was held on a named day among the same parties. So do talks the pair just
/// told acting held ("Yang Jiechi and Shigeru Kitamura agreed in Tokyo on
/// Friday … The two men … held talks for several hours"): the report goes on
/// with the same encounter. (Only people: "the two countries signed a pact"
/// may tell any time in their past.)
fn date_by_leaders_meeting(sentences: &[Span], out: &mut [EventMention]) {
    const PEOPLE: [&str; 7] = [
        "men",
        "women",
        "leaders",
        "presidents",
        "ministers",
        "premiers",
        "counterparts",
    ];
    for k in 0..out.len() {
        let Some(m) = out.get(k) else { continue };
        // Parties told as a pair of people: by office, or by a phrase that
        // stands for both sides ("the two men").
        let pair = m.source.as_ref().is_some_and(|s| {
            m.target.as_ref().is_some_and(|t| t.span == s.span)
                && s.text
                    .to_lowercase()
                    .split_whitespace()
                    .any(|w| PEOPLE.contains(&w))
        });
        let roles: Option<&[String]> = m.described.as_ref().map(|d| d.roles.as_slice());
        // Any talks, named however, told right after the same parties' act
        // of a named day ("European Union leaders warned China on Monday …
        // Michel and von der Leyen spoke first with Li Keqiang in the
        // morning"): the story of that day goes on.
        let follow_on = m.event_type == EventType::Consult;
        if roles.is_none() && !pair && !follow_on {
            continue;
        }
        let named = roles.is_some() || pair;
        let undated_act = m.date.is_none()
            && m.status == EventStatus::Occurred
            && m.implied_by.is_none()
            && !m.actors.is_empty();
        if !undated_act {
            continue;
        }
        // Talks go on from any act the pair was just told doing, within the
        // two sentences before; other acts only from a meeting.
        let talks = m.event_type == EventType::Consult;
        let here = sentences
            .iter()
            .position(|sp| sp.contains(m.sentence) || *sp == m.sentence);
        let near_from = here
            .and_then(|h| sentences.get(h.saturating_sub(if named { 2 } else { 1 })))
            .map_or(0, |sp| sp.start);
        let meeting = out.get(..k).and_then(|before| {
            before.iter().rev().find_map(|c| {
                // (A place of its own elsewhere is another meeting.)
                let same_place = match (&m.location, &c.location) {
                    (Some(a), Some(b)) => a.name == b.name,
                    (Some(_), None) => false,
                    _ => true,
                };
                let held = (named && c.event_type == EventType::Consult
                    || talks && c.sentence.start >= near_from)
                    && (named || same_place)
                    && c.sentence != m.sentence
                    && c.status == EventStatus::Occurred
                    && c.implied_by.is_none()
                    // (The pair's own act, not a gathering of many they
                    // were at: "the G20 summit in Osaka".)
                    && m.actors.iter().all(|a| c.actors.contains(a))
                    && c.actors.iter().all(|a| m.actors.contains(a));
                // (The day, not the meeting's hour: "Tuesday afternoon".)
                let d = c.date.as_ref().filter(|_| held)?;
                if !matches!(
                    d.grain,
                    Grain::Day | Grain::Hour | Grain::Minute | Grain::Second
                ) {
                    return None;
                }
                let day = EventDate {
                    value: d.value.chars().take(10).collect(),
                    grain: Grain::Day,
                    ..d.clone()
                };
                // Who met, in the offices the act's words give them.
                let people: Vec<Participant> = c
                    .participants
                    .iter()
                    .filter(|p| {
                        !p.companion
                            && roles
                                .is_none_or(|rs| p.role.as_ref().is_some_and(|r| rs.contains(r)))
                    })
                    .cloned()
                    .collect();
                Some((day, people, c.location.clone()))
            })
        });
        let (Some((day, people, place)), Some(m)) = (meeting, out.get_mut(k)) else {
            continue;
        };
        m.date = Some(day);
        if m.participants.is_empty() {
            m.participants = people;
        }
        if m.location.is_none() {
            m.location = place;
        }
    }
}

/// "After the security talks" (or "following the summit", "on the summit's
/// margins") on an act: the span of those words, where the noun is a meeting
/// trigger.
/// Words that time an act by a meeting the report tells: their span, and
/// whether the act took place while the meeting lasted (on its sidelines)
/// rather than after it.
#[derive(Clone, Copy)]
struct MeetingAnchor {
    span: Span,
    during: bool,
}

fn meeting_anchor(coder: &Coder, s: &SentenceCtx<'_, '_>, i: usize) -> Option<MeetingAnchor> {
    let tree = s.tree;
    let is_meeting = |x: usize| {
        coder
            .patterns
            .for_trigger(TriggerKind::Noun, &tree.lemma(x))
            .iter()
            .any(|p| pattern_type(coder, p) == Some(EventType::Consult))
    };
    // "On the summit's margins, Biden also met …", "met on the sidelines of
    // the summit": the act took place while the gathering did.
    let sidelines = tree.children_with(i, &["obl", "nmod"]).find_map(|c| {
        if !coder.places.sideline_words.contains(&tree.lemma(c)) {
            return None;
        }
        tree.children_with(c, &["nmod", "nmod:poss"])
            .any(is_meeting)
            .then(|| tree.subtree_span(c))
            .flatten()
    });
    if let Some(span) = sidelines {
        return Some(MeetingAnchor { span, during: true });
    }
    tree.children_with(i, &["obl", "advcl", "nmod"])
        .find_map(|c| {
            let case = tree.case_of(c).or_else(|| {
                tree.children_with(c, &["mark"])
                    .next()
                    .map(|m| tree.lemma(m))
            })?;
            if !["after", "following"].contains(&case.as_str()) {
                return None;
            }
            let meeting = coder
                .patterns
                .for_trigger(TriggerKind::Noun, &tree.lemma(c))
                .iter()
                .any(|p| pattern_type(coder, p) == Some(EventType::Consult));
            meeting.then(|| tree.subtree_span(c)).flatten()
        })
        .map(|span| MeetingAnchor {
            span,
            during: false,
        })
}

/// "blocked roads demanding that he be reinstated", "continued their hunger
/// strike to demand the resignation of …": a demand made by protesting is,
/// for CAMEO and PLOVER, the protest (its purpose says at whom it is aimed).
/// A demand told as the purpose or manner of a protest act just before it
/// (an infinitive or a participle, no other verb between) folds into that
/// protest, which takes the demand's target where it has none; where the
/// protest itself gave no event (its protesters are no party the knowledge
/// base knows), the demand becomes the protest, keeping its parties.
fn protest_purposes(
    coder: &Coder,
    tree: &Tree<'_>,
    matched: &[Option<(&Pattern, Option<usize>)>],
    coded: &mut Vec<(EventMention, bool, Option<MeetingAnchor>)>,
) {
    let token_at = |span: Span| tree.tokens.iter().position(|t| t.span == span);
    let mut k = 0;
    while k < coded.len() {
        let ev = &coded[k].0;
        let protest = (ev.event_type == EventType::Request && ev.implied_by.is_none())
            .then(|| token_at(ev.trigger))
            .flatten()
            .and_then(|i| protest_of_purpose(coder, tree, matched, i));
        let Some((j, cameo)) = protest else {
            k += 1;
            continue;
        };
        let Some(j_span) = tree.tokens.get(j).map(|t| t.span) else {
            k += 1;
            continue;
        };
        if let Some(p) = coded.iter().position(|c| c.0.trigger == j_span) {
            let demand = coded.remove(k).0;
            let p = if p > k { p - 1 } else { p };
            if let Some(main) = coded.get_mut(p) {
                if main.0.target.is_none() {
                    if let Some(t) = demand.target {
                        if let Some(c) = t.country.clone() {
                            add_actor(&mut main.0, c);
                        }
                        main.0.target = Some(t);
                    }
                }
            }
            continue;
        }
        let ev = &mut coded[k].0;
        recode(ev, EventType::Protest, &cameo);
        ev.mode = coder.plover.lookup(&cameo).and_then(|p| p.1.clone());
        ev.trigger = j_span;
        k += 1;
    }
}

/// The protest act (token and CAMEO code) a demand at `i` is the purpose or
/// manner of: `i` an infinitive ("to demand") or a participle ("demanding"),
/// the nearest trigger before it a protest, and no verb between them.
fn protest_of_purpose(
    coder: &Coder,
    tree: &Tree<'_>,
    matched: &[Option<(&Pattern, Option<usize>)>],
    i: usize,
) -> Option<(usize, String)> {
    let tok = tree.tokens.get(i)?;
    let infinitive = tree
        .children_with(i, &["mark"])
        .any(|m| tree.lemma(m).eq_ignore_ascii_case("to"));
    if tok.upos != "VERB" || !(infinitive || tok.xpos == "VBG") {
        return None;
    }
    let j = (0..i)
        .rev()
        .find(|&j| matched.get(j).is_some_and(Option::is_some))?;
    let (pattern, _) = matched.get(j).copied().flatten()?;
    if pattern_type(coder, pattern) != Some(EventType::Protest) {
        return None;
    }
    let verb_between = tree
        .tokens
        .get(j + 1..i)
        .unwrap_or(&[])
        .iter()
        .any(|t| matches!(t.upos.as_str(), "VERB" | "AUX"));
    (!verb_between).then(|| (j, pattern.cameo.clone()))
}

/// The coded trigger nearest to a span, by words between them.
fn nearest_trigger(s: &SentenceCtx<'_, '_>, span: Span) -> Option<usize> {
    let at = s.tree.tokens.iter().position(|t| span.overlaps(t.span))?;
    s.triggers
        .iter()
        .copied()
        .min_by_key(|&t| (t.abs_diff(at), t))
}

/// The PLOVER type a pattern codes.
fn pattern_type(coder: &Coder, p: &Pattern) -> Option<EventType> {
    p.plover
        .or_else(|| coder.plover.lookup(&p.cameo).map(|(t, _, _)| *t))
}

/// The trigger whose complement holds trigger `i`: up to three steps up through
/// object, complement-clause and nominal-modifier relations. A verb with a
/// subject of its own heads a clause of its own and is never governed.
fn governing_trigger(
    tree: &Tree<'_>,
    i: usize,
    matched: &[Option<(&Pattern, Option<usize>)>],
) -> Option<usize> {
    if tree.tokens.get(i)?.upos == "VERB" && tree.children_with(i, &["nsubj"]).next().is_some() {
        // Except the clause another act states ("agreed that their countries
        // should cooperate", "denied that it had attacked Iraq"): what was
        // agreed or denied, not an event of its own.
        let h = tree.head(i)?;
        let stated = tree.base_rel(i) == "ccomp"
            && matched.get(h).is_some_and(|m| m.is_some())
            && !SPEECH.contains(&tree.lemma(h).as_str());
        return stated.then_some(h);
    }
    // The object of a sentence's verb the parse took for its modifier
    // ("The US rejected calls by …" read as "rejected calls").
    if let Some(v) = tree
        .children_with(i, &["amod"])
        .find(|&c| matched.get(c).is_some_and(|m| m.is_some()) && main_verb_as_modifier(tree, c))
    {
        return Some(v);
    }
    let mut x = i;
    let mut steps = 0;
    for _ in 0..6 {
        let h = tree.head(x)?;
        let rel = tree.base_rel(x);
        // A conjunct shares what governs its first conjunct ("refused to let
        // the planes land and evacuate the observers"); the first conjunct is
        // its partner, not its governor. Two acts coordinated ("condemned the
        // attack and promised aid") are each news of their own.
        if rel == "conj" {
            let verbs = [x, h]
                .iter()
                .all(|&k| tree.tokens.get(k).is_some_and(|t| t.upos == "VERB"));
            if !verbs || matched.get(h).is_some_and(|m| m.is_some()) {
                return None;
            }
            x = h;
            continue;
        }
        steps += 1;
        if steps > 3 {
            return None;
        }
        if ![
            "obj", "iobj", "xcomp", "ccomp", "obl", "nmod", "acl", "compound", "advcl",
        ]
        .contains(&rel)
        {
            return None;
        }
        // "after talks", "before the summit": a time or reason, not the act's content.
        if rel == "advcl" || rel == "obl" {
            let mark = tree
                .children_with(x, &["mark", "case"])
                .next()
                .map(|c| tree.lemma(c));
            if mark.as_deref().is_some_and(|m| {
                [
                    "after", "before", "during", "since", "while", "when", "as", "because",
                ]
                .contains(&m)
            }) {
                return None;
            }
            // The act's content: an infinitive, or the gerund itself the act
            // blames or credits someone with ("accused Georgia of attacking",
            // "praised Japan for helping"; not what that gerund is about:
            // "thanked them for moving the meeting" keeps the meeting).
            let content = match mark.as_deref() {
                Some("to") => true,
                Some("of" | "for") => x == i,
                _ => false,
            };
            if rel == "advcl" && !content {
                return None;
            }
        }
        if matched.get(h).is_some_and(|m| m.is_some()) {
            return Some(h);
        }
        x = h;
    }
    None
}

/// Whether noun `c` names an attack: it, or a word the parse hung on it
/// ("tank shelling" with "shelling" a participle of "tank"), triggers an
/// ASSAULT pattern.
fn attack_noun(coder: &Coder, tree: &Tree<'_>, c: usize) -> bool {
    let assault = |kind: TriggerKind, w: usize| {
        coder
            .patterns
            .for_trigger(kind, &tree.lemma(w))
            .iter()
            .any(|p| pattern_type(coder, p) == Some(EventType::Assault))
    };
    assault(TriggerKind::Noun, c)
        || tree
            .children_with(c, &["acl", "compound"])
            .any(|w| assault(TriggerKind::Verb, w) || assault(TriggerKind::Noun, w))
}

/// An attack that an actor other than the attacker reports ("The US said
/// Iraq had attacked", "Israel said a mortar bomb was fired at it from Gaza")
/// is also that actor's accusation against the attacker, as PETRARCH's gold
/// codes it (DISAPPROVE, CAMEO 11): the report is itself a political act.
fn reported_attack(coder: &Coder, ev: &EventMention) -> Option<EventMention> {
    if ev.event_type != EventType::Assault || ev.status != EventStatus::Occurred {
        return None;
    }
    let by = ev.according_to.as_ref()?;
    let by_country = by.country.as_deref()?;
    if ev
        .source
        .as_ref()
        .is_some_and(|s| s.country.as_deref() == Some(by_country))
    {
        return None;
    }
    let mut accuse = ev.clone();
    accuse.event_type = EventType::Accuse;
    accuse.cameo = Some("112".to_string());
    accuse.mode = coder.plover.lookup("112").and_then(|p| p.1.clone());
    accuse.target = ev.source.clone();
    if let Some(a) = by.actor.as_ref().or(by.country.as_ref()) {
        if !accuse.actors.contains(a) {
            accuse.actors.push(a.clone());
        }
    }
    accuse.source = Some(by.clone());
    accuse.implied_by = Some(ev.id.clone());
    Some(accuse)
}

/// Whether trigger `i` is what a verb of claiming governs ("claimed that ISIL
/// had attacked Iraq", "alleges that troops shelled the town"): the clause
/// complement of "claim" or "allege", or a conjunct of it.
fn claimed_content(tree: &Tree<'_>, i: usize) -> bool {
    let mut x = i;
    for _ in 0..3 {
        let rel = tree.base_rel(x);
        let Some(h) = tree.head(x) else {
            return false;
        };
        if rel == "ccomp" {
            return ["claim", "allege"].contains(&tree.lemma(h).to_lowercase().as_str());
        }
        if rel != "conj" {
            return false;
        }
        x = h;
    }
    false
}

/// Whether trigger `i` is force, coercion or sanctions that the trigger `g`
/// governing it pledges: an infinitive ("vowed to attack", "pledged to expel")
/// under a verb of one party's expressed intent to cooperate (AGREE, acting on
/// another, not a joint agreement: CAMEO's general 030, as "pledge", "vow" or
/// "promise" are in patterns.tsv). CAMEO codes such a pledge as the act and
/// PLOVER as a threat; coded as the pledge it was an AGREE.
fn pledged_force(
    coder: &Coder,
    tree: &Tree<'_>,
    i: usize,
    pattern: &Pattern,
    g: usize,
    matched: &[Option<(&Pattern, Option<usize>)>],
) -> bool {
    let Some((gp, _)) = matched.get(g).copied().flatten() else {
        return false;
    };
    let force = matches!(
        pattern_type(coder, pattern),
        Some(EventType::Assault | EventType::Coerce | EventType::Sanction)
    );
    let infinitive = pattern.kind == TriggerKind::Verb
        && tree.head(i) == Some(g)
        && (tree.base_rel(i) == "xcomp"
            || tree
                .children_with(i, &["mark"])
                .any(|m| tree.lemma(m).eq_ignore_ascii_case("to")));
    // (A pledge not to use force, "vowed not to attack", is no threat: it
    // stays the pledge.)
    let negated = tree
        .children_with(i, &["advmod", "neg"])
        .any(|c| ["not", "never", "n't"].contains(&tree.lemma(c).as_str()));
    force
        && infinitive
        && !negated
        && gp.kind == TriggerKind::Verb
        && gp.roles == Roles::SubjObj
        && pattern_type(coder, gp) == Some(EventType::Agree)
        && gp.cameo == "030"
}

/// The CAMEO code of the concession an agreement consents to ("agreed to lift
/// the sanctions", "agreed to free the hostages"): CAMEO codes agreeing to
/// yield as the yielding itself (its verb dictionary files "agree to
/// elections" under 0831, not as an expressed intent), while PLOVER keeps the
/// event an AGREE. Only the verb "agree" and only a complement that is itself
/// a yielding act (CAMEO 08): what else one agrees to ("agreed to meet",
/// "agreed to help") stays CAMEO's intent or agreement code.
fn agreed_concession(
    tree: &Tree<'_>,
    i: usize,
    pattern: &Pattern,
    matched: &[Option<(&Pattern, Option<usize>)>],
) -> Option<String> {
    if pattern.kind != TriggerKind::Verb || pattern.trigger != "agree" {
        return None;
    }
    // (The parser may hang "to lift" on "agreed" as an adverbial clause when
    // words stand between them: "agreed on Tuesday to lift".)
    let infinitive = |c: usize| {
        tree.base_rel(c) == "xcomp"
            || tree
                .children_with(c, &["mark"])
                .any(|m| tree.lemma(m) == "to")
    };
    tree.children_with(i, &["xcomp", "advcl"]).find_map(|c| {
        if !infinitive(c) {
            return None;
        }
        matched
            .get(c)
            .copied()
            .flatten()
            .filter(|(p, _)| p.kind == TriggerKind::Verb && p.cameo.starts_with("08"))
            .map(|(p, _)| p.cameo.clone())
    })
}

/// Whether trigger `i` is an act someone only hopes will be done, by no one
/// named ("said she hoped the officials would be indicted", "wishes the
/// sanctions would be lifted"): a passive with no agent in the complement of
/// "hope" or "wish". The one hoping is not the one who would act, and no one
/// else is said to: a wish, no event.
fn wished_unnamed(tree: &Tree<'_>, i: usize) -> bool {
    let passive = tree.children_with(i, &["aux:pass"]).next().is_some();
    if !passive || tree.children_with(i, &["obl:agent"]).next().is_some() {
        return false;
    }
    let wish = |w: usize| ["hope", "wish"].contains(&tree.lemma(w).as_str());
    // (Or the parse may have made the hoped-for clause the root and "hope" a
    // clause under it, with the clause's subject as its object: "[as Kigali
    // said it hoped French officials] would be indicted". The wish verb has no
    // clause of its own, and its object ends right where the act's auxiliaries
    // begin.)
    let first_aux = tree
        .children_with(i, &["aux", "aux:pass"])
        .min()
        .unwrap_or(i);
    let stranded_before = (0..first_aux).any(|w| {
        wish(w)
            && tree.children_with(w, &["ccomp", "xcomp"]).next().is_none()
            && tree
                .children_with(w, &["obj"])
                .any(|o| tree.subtree(o).iter().max() == Some(&(first_aux - 1)))
    });
    if stranded_before {
        return true;
    }
    let mut x = i;
    for _ in 0..3 {
        if !["ccomp", "xcomp"].contains(&tree.base_rel(x)) {
            return false;
        }
        let Some(h) = tree.head(x) else {
            return false;
        };
        if wish(h) {
            return true;
        }
        // (The parser may hang the hoped-for clause on the verb above "hope",
        // leaving "hope" with the clause's subject as its object: "said it
        // hoped [French officials] [would be indicted]".)
        let stranded = tree.children_with(h, &["ccomp", "xcomp"]).any(|w| {
            w < x && wish(w) && tree.children_with(w, &["ccomp", "xcomp"]).next().is_none()
        });
        if stranded {
            return true;
        }
        x = h;
    }
    false
}

/// A sentence whose parse took a participle describing the subject for the
/// main verb, and the main verb for its clausal complement: "The civilians
/// imprisoned last year were released by Putin" parsed as "civilians
/// imprisoned [that they] were released". The root is a bare past participle
/// (no auxiliary) with a subject before it and, after it, a passive complement
/// with no subject and no "that" of its own. The repair makes the complement
/// the root, the subject its passive subject and the participle a modifier of
/// the subject, as it reads. `None` where the parse shows no such error.
fn repair_participle_root(
    sentence: &dyad_text::Sentence,
    tree: &Tree<'_>,
) -> Option<dyad_text::Sentence> {
    let toks = &sentence.tokens;
    let r = root_index(toks)?;
    if toks.get(r)?.xpos != "VBN"
        || tree
            .children_with(r, &["aux", "aux:pass", "cop"])
            .next()
            .is_some()
    {
        return None;
    }
    let subj = tree.children_with(r, &["nsubj"]).find(|&s| s < r)?;
    let c = tree.children_with(r, &["ccomp"]).find(|&c| {
        c > r
            && tree.children_with(c, &["aux:pass"]).next().is_some()
            && tree
                .children_with(c, &["nsubj", "nsubj:pass", "mark", "expl"])
                .next()
                .is_none()
    })?;
    // What follows the complement ("." and any trailing words) belongs to the
    // new main verb.
    Some(reroot(
        sentence,
        (r, c),
        &[(r, subj, "acl"), (subj, c, "nsubj:pass")],
        |k, t| k > c || t.deprel == "punct",
    ))
}

/// A participle set off by commas after the subject ("The summit, postponed
/// in March, opened on Monday") that the parse took for the main verb, with
/// the real main verb after the second comma as a clause hung on it. The
/// root is a participle with no auxiliary, its subject a noun right before
/// the first comma; after it a comma and a finite verb with no subject, mark
/// or auxiliary "that" of its own. The repair makes that verb the root, the
/// noun its subject and the participle the noun's modifier. `None` where the
/// parse shows no such error.
fn repair_setoff_participle(
    sentence: &dyad_text::Sentence,
    tree: &Tree<'_>,
) -> Option<dyad_text::Sentence> {
    let toks = &sentence.tokens;
    let r = root_index(toks)?;
    if !matches!(toks.get(r)?.xpos.as_str(), "VBN" | "VBD")
        || tree
            .children_with(r, &["aux", "aux:pass", "cop", "mark", "obj"])
            .next()
            .is_some()
        || toks.get(r.checked_sub(1)?)?.text != ","
    {
        return None;
    }
    let subj = tree
        .children_with(r, &["nsubj", "nsubj:pass"])
        .find(|&n| n < r)?;
    if !matches!(toks.get(subj)?.upos.as_str(), "NOUN" | "PROPN") {
        return None;
    }
    let v = tree
        .children_with(r, &["advcl", "conj", "parataxis", "ccomp"])
        .find(|&v| {
            v > r
                && toks.get(v - 1).is_some_and(|t| t.text == ",")
                && toks
                    .get(v)
                    .is_some_and(|t| matches!(t.xpos.as_str(), "VBD" | "VBZ" | "VBP"))
                && tree
                    .children_with(v, &["nsubj", "nsubj:pass", "mark", "cc", "expl"])
                    .next()
                    .is_none()
        })?;
    Some(reroot(
        sentence,
        (r, v),
        &[(r, subj, "acl"), (subj, v, "nsubj")],
        |k, _| k > v,
    ))
}

/// A sentence whose parse took the finite verb of a reported clause for an
/// auxiliary of the reporting verb: "The Palestinians reject the changes,
/// their negotiator said" parsed with "reject" as `aux` of "said" and
/// "Palestinians" as a second subject of "said". Only a finite lexical verb
/// (never be, have, do, get or a modal) can be so misread, and only where the
/// governing verb has its own subject after it (the speaker). The repair makes
/// the verb a clausal complement of the governor, the subject before it its
/// subject and the governor's objects and obliques between the two its own
/// (an oblique with no preposition is its object), as it reads. `None` where
/// the parse shows no such error.
fn repair_verb_as_auxiliary(
    sentence: &dyad_text::Sentence,
    tree: &Tree<'_>,
) -> Option<dyad_text::Sentence> {
    const AUXILIARIES: [&str; 13] = [
        "be", "have", "do", "get", "will", "would", "shall", "should", "can", "could", "may",
        "might", "must",
    ];
    let toks = &sentence.tokens;
    let (a, h) = toks.iter().enumerate().find_map(|(a, t)| {
        let h = tree.head(a)?;
        let finite = matches!(t.xpos.as_str(), "VBP" | "VBZ" | "VBD");
        let lexical = !AUXILIARIES.contains(&tree.lemma(a).as_str());
        (tree.base_rel(a) == "aux" && t.upos == "VERB" && finite && lexical && h > a)
            .then_some((a, h))
    })?;
    let subj = tree.children_with(h, &["nsubj"]).find(|&s| s < a)?;
    // The speaker: the governor's own (active) subject, the last after the
    // misread verb; a passive "subject" before it is the verb's object.
    let speaker = tree
        .children_with(h, &["nsubj"])
        .filter(|&s| s > a && tree.rel(s) == "nsubj")
        .last()?;
    let mut out = sentence.clone();
    for (k, t) in out.tokens.iter_mut().enumerate() {
        if k == a {
            t.deprel = "ccomp".to_string();
        } else if k == subj {
            t.head = Some(a);
            t.deprel = "nsubj".to_string();
        } else if t.head == Some(h) && k > a && k < speaker {
            match t.deprel.as_str() {
                "obj" | "iobj" | "xcomp" | "advmod" => t.head = Some(a),
                "obl" | "nsubj:pass" => {
                    t.head = Some(a);
                    if tree.case_of(k).is_none() {
                        t.deprel = "obj".to_string();
                    }
                }
                _ => {}
            }
        }
    }
    Some(out)
}

/// A sentence whose parse took a name's head noun for the main verb and the
/// verb for a participle on its "object": "European Community foreign
/// ministers agreed to …" parsed as "Community" (root) with "ministers" as
/// object and "agreed" as a modifier of "ministers". A noun has no object, so
/// a noun root with one, followed by a past-tense verb that has no auxiliary
/// and no subject of its own, shows the error. The repair makes the verb the
/// root, the "object" its subject and the noun root a compound of that
/// subject, as it reads. `None` where the parse shows no such error.
fn repair_noun_root(
    sentence: &dyad_text::Sentence,
    tree: &Tree<'_>,
) -> Option<dyad_text::Sentence> {
    let toks = &sentence.tokens;
    let r = root_index(toks)?;
    if !matches!(toks.get(r)?.upos.as_str(), "NOUN" | "PROPN") {
        return None;
    }
    let o = tree.children_with(r, &["obj"]).find(|&o| o > r)?;
    let v = tree.children_with(o, &["acl"]).find(|&v| {
        v == o + 1
            && matches!(toks.get(v).map(|t| t.xpos.as_str()), Some("VBD" | "VBN"))
            && tree
                .children_with(v, &["aux", "aux:pass", "cop", "nsubj", "mark"])
                .next()
                .is_none()
    })?;
    // What follows the subject ("." and any trailing words) belongs to the new
    // main verb.
    Some(reroot(
        sentence,
        (r, v),
        &[(o, v, "nsubj"), (r, o, "compound")],
        |k, _| k > o,
    ))
}

/// A sentence whose parse took its subject for the root and its finite verb
/// for a modifier of it: "The two presidents met at the villa …" parsed as
/// "presidents" (root) with "met" as a clause on it. A report's sentence has
/// a main verb, so a noun root followed at once by a past-tense verb with
/// no subject, auxiliary or marker of its own shows the error: a simple past
/// (`VBD`), or a form the tagger took for a participle but that is spelled
/// as the past ("met", "agreed"; not "seen", "given", "done", "shown", which
/// are participles only). The repair makes the verb
/// the root and the noun its subject; the noun's dependents after the verb
/// follow the verb. The verb may also follow the noun's whole phrase rather
/// than the noun itself: "Prime Minister Fumio Kishida and South Korean
/// President Yoon Suk Yeol agreed on Thursday to …" parsed with "Fumio" the
/// root, the second name its conjunct and "agreed" a relative clause with no
/// subject on it; the words between are then all the noun's, none a verb (a
/// clause of their own would make the verb's reading another one).
/// `None` where the parse shows no such error.
fn repair_subject_root(
    sentence: &dyad_text::Sentence,
    tree: &Tree<'_>,
) -> Option<dyad_text::Sentence> {
    let toks = &sentence.tokens;
    let root = root_index(toks)?;
    // The subject noun: the root itself, or the subject of a root that is a
    // clause of time or manner ("…, as the neighbours moved to …": a root
    // with a marker of its own is no main clause) standing after the verb.
    let (r, subordinate) = if matches!(toks.get(root)?.upos.as_str(), "NOUN" | "PROPN") {
        (root, false)
    } else {
        tree.children_with(root, &["mark"]).next()?;
        let n = tree.children_with(root, &["nsubj"]).find(|&n| {
            n < root
                && toks
                    .get(n)
                    .is_some_and(|t| matches!(t.upos.as_str(), "NOUN" | "PROPN"))
        })?;
        (n, true)
    };
    // The verb stands right after the noun's phrase: every word between is
    // the noun's (never the verb's) and none is a verb.
    let after_phrase = |v: usize| {
        if v == r + 1 && !subordinate {
            return true;
        }
        if toks.get(v).is_none_or(|t| t.xpos != "VBD") {
            return false;
        }
        let phrase = tree.subtree(r);
        let clause = tree.subtree(v);
        (r + 1..v).all(|k| {
            phrase.contains(&k)
                && !clause.contains(&k)
                && toks
                    .get(k)
                    .is_some_and(|t| !matches!(t.upos.as_str(), "VERB" | "AUX"))
        })
    };
    let v = tree.children_with(r, &["acl"]).find(|&v| {
        after_phrase(v)
            && (!subordinate || v < root)
            && toks.get(v).is_some_and(|t| {
                t.xpos == "VBD"
                    || (t.xpos == "VBN" && !["en", "wn", "ne"].iter().any(|e| t.text.ends_with(e)))
            })
            && tree
                .children_with(v, &["aux", "aux:pass", "cop", "nsubj", "mark"])
                .next()
                .is_none()
    })?;
    if subordinate {
        // The verb is the main clause; the marked root its adverbial clause,
        // keeping its own subject; the noun's words after the verb follow it.
        let mut out = reroot(
            sentence,
            (root, v),
            &[(r, v, "nsubj"), (root, v, "advcl")],
            |_, _| false,
        );
        for k in tree.children(r).iter().copied().filter(|&k| k > v) {
            if let Some(t) = out.tokens.get_mut(k) {
                t.head = Some(v);
            }
        }
        return Some(out);
    }
    Some(reroot(sentence, (r, v), &[(r, v, "nsubj")], |k, _| k > v))
}

/// A name the parse split from its title into a second subject: "his meeting
/// with North Korean leader Kim Jong Un would be held …" parsed with "Kim" a
/// subject of "held" beside "meeting". A clause has one subject, so a proper
/// noun subject right after a common noun (the title) that lies within the
/// clause's other subject is that title's name. The repair hangs the name on
/// the title as its apposition. `None` where the parse shows no such error.
fn repair_split_name(
    sentence: &dyad_text::Sentence,
    tree: &Tree<'_>,
) -> Option<dyad_text::Sentence> {
    let toks = &sentence.tokens;
    let subjects = ["nsubj", "nsubj:pass"];
    let (name, title) = (1..toks.len()).find_map(|b| {
        let t = toks.get(b)?;
        if t.upos != "PROPN" || !subjects.contains(&t.deprel.as_str()) {
            return None;
        }
        let title = b - 1;
        if toks.get(title)?.upos != "NOUN" {
            return None;
        }
        let v = t.head?;
        let other = tree
            .children_with(v, &subjects)
            .find(|&a| a != b && a < b && tree.subtree(a).contains(&title))?;
        (other != title || tree.subtree(other).len() > 1).then_some((b, title))
    })?;
    Some(rehang(sentence, &[(name, title, "appos")]))
}

/// A sentence whose parse found no verb and tagged its past-tense verb an
/// adjective on the noun after it: "Montenegrin officials demanded support
/// from the assembly" parsed as the noun phrase "officials demanded support"
/// (with "demanded" an unlemmatised adjective). The root is no verb; an
/// adjective in "-ed" that the tagger left unlemmatised stands right after a
/// noun and before the noun it modifies. The repair makes it the root verb
/// (lemma without "-ed"), the noun before it its subject, the noun after it
/// its object, and an old root before the subject a word of the subject's
/// name. `None` where the parse shows no such error.
fn repair_adjective_verb(
    sentence: &dyad_text::Sentence,
    tree: &Tree<'_>,
) -> Option<dyad_text::Sentence> {
    let toks = &sentence.tokens;
    if root_is_verb(tree) {
        return None;
    }
    let r = root_index(toks)?;
    let a = toks.iter().enumerate().position(|(k, t)| {
        unlemmatised_ed_adjective(t)
            && tree.base_rel(k) == "amod"
            && tree.head(k).is_some_and(|h| h > k)
    })?;
    let h = tree.head(a)?;
    let subj = a.checked_sub(1)?;
    if !matches!(toks.get(subj)?.upos.as_str(), "NOUN" | "PROPN")
        || !matches!(toks.get(h)?.upos.as_str(), "NOUN" | "PROPN")
    {
        return None;
    }
    let mut rehung = vec![(subj, a, "nsubj"), (h, a, "obj")];
    if r != h {
        // Only an old root that opens the subject's name ("Montenegro
        // Municipality Association officials") is understood.
        if r > subj {
            return None;
        }
        if r != subj {
            rehung.push((r, subj, "compound"));
        }
    }
    // What follows the verb and hung on the old root (the verb's own
    // complements, the final stop) goes to the verb; an old root that was
    // the object keeps its own modifiers.
    let mut out = reroot(sentence, (r, a), &rehung, |k, t| {
        k > a && (r != h || t.deprel == "punct")
    });
    if let Some(t) = out.tokens.get_mut(a) {
        t.upos = "VERB".to_string();
        t.xpos = "VBD".to_string();
        t.lemma = t.text.to_lowercase().trim_end_matches("ed").to_string();
    }
    Some(out)
}

/// A past-tense verb the tagger took for an adjective at the sentence's root,
/// its subject hung on it as a compound and its infinitive as a complement
/// ("The Macedonian army prepared to resume shelling …", "Rebel leaders
/// pledged to disarm"): an adjective with no copula takes no subject noun
/// right before it. The repair makes the word the verb and the noun its
/// subject. `None` where the parse shows no such error.
fn repair_adjective_root(
    sentence: &dyad_text::Sentence,
    tree: &Tree<'_>,
) -> Option<dyad_text::Sentence> {
    let toks = &sentence.tokens;
    if root_is_verb(tree) {
        return None;
    }
    let r = root_index(toks)?;
    let verb_like = |a: usize| {
        toks.get(a).is_some_and(unlemmatised_ed_adjective)
            && tree.children_with(a, &["cop"]).next().is_none()
            && tree
                .children_with(a, &["xcomp", "advcl", "ccomp"])
                .any(|c| {
                    c > a
                        && toks.get(c).is_some_and(|t| t.upos == "VERB")
                        && tree
                            .children_with(c, &["mark"])
                            .any(|m| tree.lemma(m) == "to")
                })
    };
    let nominal = |k: usize| {
        toks.get(k)
            .is_some_and(|t| matches!(t.upos.as_str(), "NOUN" | "PROPN"))
    };
    // The adjective at the root, its subject hung on it; or the subject at
    // the root, the adjective right after it hung on it ("Serbian troops
    // prepared to attack …" read as "troops [who were] prepared …").
    let (a, mut out) = if verb_like(r) {
        let subj = r.checked_sub(1)?;
        if tree.head(subj) != Some(r)
            || !["compound", "nsubj", "amod"].contains(&tree.base_rel(subj))
            || !nominal(subj)
        {
            return None;
        }
        (r, rehang(sentence, &[(subj, r, "nsubj")]))
    } else {
        let a = r + 1;
        if !nominal(r)
            || tree.head(a) != Some(r)
            || !["acl", "amod"].contains(&tree.base_rel(a))
            || !verb_like(a)
        {
            return None;
        }
        let out = reroot(sentence, (r, a), &[(r, a, "nsubj")], |k, t| {
            k > a && t.deprel == "punct"
        });
        (a, out)
    };
    if let Some(t) = out.tokens.get_mut(a) {
        let text = t.text.to_lowercase();
        t.upos = "VERB".to_string();
        t.xpos = "VBD".to_string();
        t.lemma = text.trim_end_matches("ed").to_string();
    }
    Some(out)
}

/// A participle describing a noun ("the nightly curfew imposed in Sudan") that
/// the parse took for a clause of its own joined to the verb before it, with
/// the noun as its subject: "shortened by one hour the curfew imposed in
/// Sudan" read as "shortened … [and] the curfew imposed …". A conjoined past
/// participle with no conjunction, auxiliary or comma of its own, right after
/// its "subject", where the verb before has no object, shows the error. The
/// repair makes the noun the verb's object and the participle its modifier,
/// as it reads. `None` where the parse shows no such error.
fn repair_participle_conjunct(
    sentence: &dyad_text::Sentence,
    tree: &Tree<'_>,
) -> Option<dyad_text::Sentence> {
    let toks = &sentence.tokens;
    let (c, v, n) = toks.iter().enumerate().find_map(|(c, t)| {
        if t.xpos != "VBN" || tree.base_rel(c) != "conj" {
            return None;
        }
        let v = tree.head(c).filter(|&v| v < c)?;
        if toks.get(v)?.upos != "VERB"
            || tree.children_with(v, &["obj"]).next().is_some()
            || tree
                .children_with(c, &["cc", "aux", "aux:pass", "cop", "mark", "punct"])
                .any(|k| k < c)
        {
            return None;
        }
        let n = tree
            .children_with(c, &["nsubj", "nsubj:pass"])
            .find(|&n| n > v && n + 1 == c)?;
        matches!(toks.get(n)?.upos.as_str(), "NOUN" | "PROPN").then_some((c, v, n))
    })?;
    Some(rehang(sentence, &[(n, v, "obj"), (c, n, "acl")]))
}

/// `sentence` with each of `rehung` (token, head, relation) in its new place.
fn rehang(sentence: &dyad_text::Sentence, rehung: &[(usize, usize, &str)]) -> dyad_text::Sentence {
    let mut out = sentence.clone();
    for &(k, head, rel) in rehung {
        if let Some(t) = out.tokens.get_mut(k) {
            t.head = Some(head);
            t.deprel = rel.to_string();
        }
    }
    out
}

/// `sentence` with a new root (the pair is old root, new root); each of
/// `rehung` (token, head, relation) takes its new place; the old root's other
/// dependents that `moves` picks go to the new root.
fn reroot(
    sentence: &dyad_text::Sentence,
    (old_root, new_root): (usize, usize),
    rehung: &[(usize, usize, &str)],
    moves: impl Fn(usize, &dyad_text::Token) -> bool,
) -> dyad_text::Sentence {
    let mut out = sentence.clone();
    for (k, t) in out.tokens.iter_mut().enumerate() {
        if k == new_root {
            t.head = None;
            t.deprel = "root".to_string();
        } else if let Some(&(_, head, rel)) = rehung.iter().find(|x| x.0 == k) {
            t.head = Some(head);
            t.deprel = rel.to_string();
        } else if t.head == Some(old_root) && moves(k, t) {
            t.head = Some(new_root);
        }
    }
    out
}

/// A name set off by commas after a noun ("in the Finnish capital, Helsinki,
/// on July 16, the Kremlin said"; "met Putin in the Finnish capital,
/// Helsinki, on Monday") that the parse took for a second subject or object
/// of a verb: a verb has one of each, so the one right after the comma that
/// follows a noun is that noun's apposition. What the
/// parse hung on the name after it ("on July 16") belongs to the clause the
/// noun stands in. `None` where no verb has two subjects so placed.
fn repair_appositive_subject(
    sentence: &dyad_text::Sentence,
    tree: &Tree<'_>,
) -> Option<dyad_text::Sentence> {
    let toks = &sentence.tokens;
    let (a, noun) = (0..tree.len()).find_map(|a| {
        // (Cheapest tests first: this runs on every word of every sentence.)
        let rel = tree.base_rel(a);
        if !matches!(rel, "nsubj" | "obj") || toks.get(a).is_none_or(|t| t.upos != "PROPN") {
            return None;
        }
        let v = tree.head(a)?;
        // The verb's own subject is the one nearest before it, its own
        // object the one nearest after it: the other is the set-off name.
        let second = tree
            .children_with(v, &[rel])
            .any(|b| tree.base_rel(b) == rel && if rel == "nsubj" { b > a } else { b < a });
        if !second {
            return None;
        }
        // (The comma may hang on the name as its punctuation.)
        let first = tree
            .subtree(a)
            .into_iter()
            .filter(|&k| toks.get(k).is_some_and(|t| t.upos != "PUNCT"))
            .min()?;
        let comma = first.checked_sub(1)?;
        let noun = comma.checked_sub(1)?;
        let set_off = toks.get(comma).is_some_and(|t| t.text == ",")
            && toks
                .get(noun)
                .is_some_and(|t| matches!(t.upos.as_str(), "NOUN" | "PROPN"))
            && tree.head(noun).is_some_and(|h| h != a)
            && tree.base_rel(noun) != rel;
        set_off.then_some((a, noun))
    })?;
    let clause = tree.head(noun)?;
    let mut rehung = vec![(a, noun, "appos")];
    for c in tree.children_with(a, &["nmod"]) {
        if c > a && tree.children_with(c, &["case"]).next().is_some() {
            rehung.push((c, clause, "obl"));
        }
    }
    Some(rehang(sentence, &rehung))
}

/// A floating quantifier the parse took for a subject: "Serbian President
/// Aleksandar Vučić and Kosovo's prime minister, Avdullah Hoti, each signed a
/// document" parsed with "each" a subject of "signed" beside "Hoti", and the
/// first name's title phrase ("Kosovo's prime minister") a bare noun phrase
/// on the verb. "Each" ("both", "all") right after the comma closing the
/// subject says how the subject acted; it is no party. The repair makes it
/// the verb's modifier, and a noun phrase on the verb that names someone and
/// ends at the comma before the subject's name the title of that name, as
/// the sentence without "each" parses. `None` where no verb has such a
/// quantifier.
fn repair_floating_quantifier(
    sentence: &dyad_text::Sentence,
    tree: &Tree<'_>,
) -> Option<dyad_text::Sentence> {
    let toks = &sentence.tokens;
    // (From the third word: a comma and a subject stand before the quantifier.)
    let (q, v, name) = (2..toks.len()).find_map(|q| {
        let t = toks.get(q)?;
        if t.deprel != "nsubj"
            || !matches!(t.text.to_lowercase().as_str(), "each" | "both" | "all")
            || !tree.children(q).is_empty()
            || toks.get(q - 1)?.text != ","
        {
            return None;
        }
        let v = t.head?;
        // The subject proper: the verb's other subject, ending at the comma.
        let name = tree.children_with(v, &["nsubj"]).find(|&n| {
            n < q && tree.subtree(n).into_iter().filter(|&k| k < q - 1).max() == Some(q - 2)
        })?;
        Some((q, v, name))
    })?;
    let mut rehung = vec![(q, v, "advmod")];
    // "Kosovo's prime minister, Avdullah Hoti, each signed": the title phrase
    // the parse left on the verb, naming someone, set off right before the
    // name.
    if let Some(title) = tree.children_with(v, &["obl:unmarked"]).find(|&o| {
        let sub = tree.subtree(o);
        o < name
            && toks.get(o).is_some_and(|t| t.upos == "NOUN")
            && sub
                .iter()
                .any(|&k| toks.get(k).is_some_and(|t| t.upos == "PROPN"))
            && sub
                .iter()
                .copied()
                .filter(|&k| toks.get(k).is_some_and(|t| t.upos != "PUNCT"))
                .max()
                .is_some_and(|m| {
                    toks.get(m + 1).is_some_and(|t| t.text == ",")
                        && tree.subtree(name).first() == Some(&(m + 2))
                })
    }) {
        rehung.push((title, name, "nmod:desc"));
    }
    Some(rehang(sentence, &rehung))
}

/// "Modi and Xi on Saturday agreed …": a day named between the subject and
/// its verb times the verb, but the parse may hang it on the subject. The
/// repair hangs it on the verb. `None` where no day so hangs.
fn repair_subject_time(
    sentence: &dyad_text::Sentence,
    tree: &Tree<'_>,
) -> Option<dyad_text::Sentence> {
    const DAYS: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    let toks = &sentence.tokens;
    let (k, v) = (0..tree.len()).find_map(|k| {
        if tree.base_rel(k) != "nmod"
            || toks.get(k).is_none_or(|t| !DAYS.contains(&t.text.as_str()))
        {
            return None;
        }
        // The phrase hangs on the subject or on a conjunct of it.
        let mut subject = tree.head(k)?;
        if tree.base_rel(subject) == "conj" {
            subject = tree.head(subject)?;
        }
        if tree.base_rel(subject) != "nsubj" {
            return None;
        }
        let v = tree.head(subject)?;
        // Nothing but auxiliaries and adverbs between the day and the verb.
        let between_ok = (k + 1..v).all(|b| {
            toks.get(b)
                .is_some_and(|t| matches!(t.upos.as_str(), "AUX" | "ADV" | "PART"))
        });
        // (Not a verb the parse took for a modifier: other repairs mend it.)
        let clause_verb = !matches!(tree.base_rel(v), "amod" | "acl");
        (v > k && between_ok && clause_verb && toks.get(v).is_some_and(|t| t.upos == "VERB"))
            .then_some((k, v))
    })?;
    Some(rehang(sentence, &[(k, v, "obl")]))
}

/// "agreed in principle to hold a summit": the infinitive is the verb's
/// complement, but the parse may hang it on "principle" as a clause that
/// describes the noun. The repair hangs it on the verb. `None` where no
/// infinitive so hangs.
fn repair_in_principle(
    sentence: &dyad_text::Sentence,
    tree: &Tree<'_>,
) -> Option<dyad_text::Sentence> {
    let (k, v) = (0..tree.len()).find_map(|k| {
        if tree.base_rel(k) != "acl" {
            return None;
        }
        let noun = tree.head(k)?;
        if tree.lemma(noun) != "principle" || tree.case_of(noun).as_deref() != Some("in") {
            return None;
        }
        let infinitive = tree
            .children_with(k, &["mark"])
            .any(|m| tree.lemma(m) == "to");
        let v = tree.head(noun)?;
        let verb = tree.tokens.get(v).is_some_and(|t| t.upos == "VERB");
        (infinitive && verb).then_some((k, v))
    })?;
    Some(rehang(sentence, &[(k, v, "xcomp")]))
}

/// "Erdogan, on his first visit to Russia since Moscow abandoned the deal in
/// July, said …": "since" opens a clause, but the parse may take it for a
/// preposition on the name after it and make the clause's verb the main
/// verb's complement, with the sentence's subject and the visit as its own.
/// The repair makes "since" the clause's mark, the name its subject and the
/// clause a modifier of the noun before it; what the parse hung on that verb
/// before the name goes back to the verb it hung from. `None` where no
/// "since" is so misread.
fn repair_since_clause(
    sentence: &dyad_text::Sentence,
    tree: &Tree<'_>,
) -> Option<dyad_text::Sentence> {
    let toks = &sentence.tokens;
    let (since, k, noun, v, main) = (0..tree.len()).find_map(|k| {
        // (Cheapest tests first: this runs on every word of every sentence.)
        if tree.base_rel(k) != "nmod" {
            return None;
        }
        let since = tree
            .children_with(k, &["case"])
            .find(|&c| tree.lemma(c) == "since")?;
        let noun = tree.head(k)?;
        // The clause's verb right after the name (over a flat name's parts).
        let last = tree.subtree(k).into_iter().max()?;
        let v = last + 1;
        let finite = toks
            .get(v)
            .is_some_and(|t| t.upos == "VERB" && matches!(t.xpos.as_str(), "VBD" | "VBZ" | "VBP"));
        if !finite || tree.head(noun) != Some(v) {
            return None;
        }
        let main = tree.head(v)?;
        Some((since, k, noun, v, main))
    })?;
    let mut rehung: Vec<(usize, usize, String)> = vec![
        (since, v, "mark".to_string()),
        (k, v, "nsubj".to_string()),
        (v, noun, "acl".to_string()),
    ];
    // What stood before the clause and hung on its verb is the main verb's.
    for c in tree
        .children(v)
        .iter()
        .copied()
        .filter(|&c| c < since && c != k)
    {
        rehung.push((c, main, tree.rel(c).to_string()));
    }
    let rehung: Vec<(usize, usize, &str)> = rehung
        .iter()
        .map(|(a, b, r)| (*a, *b, r.as_str()))
        .collect();
    Some(rehang(sentence, &rehung))
}

/// A sentence's main verb the parse hung inside a relative clause on the
/// opening name: "Blinken, who had postponed the trip in February, arrived
/// in Beijing on Sunday" parsed with "Blinken" the root and "arrived" a
/// complement of "postponed", or with "postponed" the root, "who" and the
/// name both its subjects and "arrived" its adverbial clause. A verb after
/// the clause's closing comma, with no subject or marker of its own, is the
/// main verb, and the name its subject. `None` where the parse shows no such
/// error.
fn repair_relative_who(
    sentence: &dyad_text::Sentence,
    tree: &Tree<'_>,
) -> Option<dyad_text::Sentence> {
    let toks = &sentence.tokens;
    let r = root_index(toks)?;
    // The main verb: after the clause's closing comma, with no subject,
    // marker or conjunction of its own.
    let main_of = |v: usize, after: usize| {
        tree.children_with(v, &["xcomp", "conj", "parataxis", "advcl"])
            .find(|&c| {
                c > after
                    && toks.get(c).is_some_and(|t| t.upos == "VERB")
                    && tree
                        .children_with(c, &["nsubj", "nsubj:pass", "mark", "cc"])
                        .next()
                        .is_none()
                    && c.checked_sub(1)
                        .and_then(|p| toks.get(p))
                        .is_some_and(|t| t.text == ",")
            })
    };
    // "Antony Blinken, who had postponed the trip …, arrived …" parsed with
    // the relative verb the root and two subjects, the name and "who".
    if toks.get(r)?.upos == "VERB" {
        let who = tree
            .children_with(r, &["nsubj"])
            .find(|&w| tree.lemma(w).eq_ignore_ascii_case("who"))?;
        let comma = who.checked_sub(1)?;
        if toks.get(comma)?.text != "," {
            return None;
        }
        let name = tree.children(r).iter().copied().find(|&n| {
            n < comma
                && toks
                    .get(n)
                    .is_some_and(|t| matches!(t.upos.as_str(), "PROPN" | "NOUN"))
                && tree.subtree(n).into_iter().max() == Some(comma - 1)
        })?;
        let main = main_of(r, who)?;
        return Some(reroot(
            sentence,
            (r, main),
            &[(name, main, "nsubj"), (r, name, "acl:relcl")],
            |k, _| k > main,
        ));
    }
    if !matches!(toks.get(r)?.upos.as_str(), "PROPN" | "NOUN") {
        return None;
    }
    let relative = tree.children_with(r, &["acl:relcl"]).find(|&c| {
        tree.children_with(c, &["nsubj", "nsubj:pass"])
            .any(|w| matches!(tree.lemma(w).to_lowercase().as_str(), "who" | "which"))
    })?;
    let main = main_of(relative, relative)?;
    Some(reroot(
        sentence,
        (r, main),
        &[(r, main, "nsubj")],
        |k, _| k > main,
    ))
}

/// A past-tense verb the tagger took for an adjective: a word in "-ed" tagged
/// ADJ that the lemmatiser left as written ("demanded", "pledged").
fn unlemmatised_ed_adjective(t: &dyad_text::Token) -> bool {
    let text = t.text.to_lowercase();
    t.upos == "ADJ" && text.len() > 4 && text.ends_with("ed") && t.lemma.to_lowercase() == text
}

/// The index of a parsed sentence's root word.
fn root_index(toks: &[dyad_text::Token]) -> Option<usize> {
    toks.iter()
        .position(|t| t.head.is_none() && t.deprel == "root")
}

/// The repairs of parser errors the coder can tell from the tree, in order.
const REPAIRS: [fn(&dyad_text::Sentence, &Tree<'_>) -> Option<dyad_text::Sentence>; 17] = [
    repair_relative_who,
    repair_floating_quantifier,
    repair_since_clause,
    repair_in_principle,
    repair_appositive_subject,
    repair_medium_partner,
    repair_participle_root,
    repair_setoff_participle,
    repair_verb_as_auxiliary,
    repair_noun_root,
    repair_adjective_verb,
    repair_adjective_root,
    repair_participle_conjunct,
    repair_subject_root,
    repair_split_name,
    repair_setoff_setting,
    repair_subject_time,
];

/// A person's name the tokenizer split at a hyphen, as it splits hyphenated
/// words the way the parser's training data does ("Moon Jae-in" as "Moon",
/// "Jae", "-", "in"): the parse then reads "in" as a preposition and hangs
/// the sentence's phrases on the pieces. Where the knowledge base resolved a
/// person over such pieces, they are made one name again: every piece hangs
/// on the name's head as `flat`, and what hung on a piece hangs on the head.
/// `None` where no name was split.
fn join_hyphenated_names(
    sentence: &dyad_text::Sentence,
    resolved: &[ResolvedMention],
) -> Option<dyad_text::Sentence> {
    let toks = &sentence.tokens;
    if !toks.iter().any(|t| t.text == "-") {
        return None;
    }
    let mut out: Option<dyad_text::Sentence> = None;
    for m in resolved
        .iter()
        .filter(|m| m.kind == MentionKind::Person && sentence.span.contains(m.span))
    {
        let inside: Vec<usize> = (0..toks.len())
            .filter(|&k| toks.get(k).is_some_and(|t| m.span.contains(t.span)))
            .collect();
        let split = inside
            .iter()
            .any(|&k| toks.get(k).is_some_and(|t| t.text == "-"));
        if inside.len() < 3 || !split {
            continue;
        }
        let cur = out.get_or_insert_with(|| sentence.clone());
        let within = |k: usize| inside.contains(&k);
        // The name's head: its first piece the parse hangs outside it.
        let Some(&head) = inside.iter().find(|&&k| {
            cur.tokens
                .get(k)
                .is_none_or(|t| t.head.is_none_or(|h| !within(h)))
        }) else {
            continue;
        };
        for k in 0..cur.tokens.len() {
            let Some(t) = cur.tokens.get_mut(k) else {
                continue;
            };
            if k == head {
                continue;
            }
            if within(k) {
                t.head = Some(head);
                t.deprel = "flat".to_string();
                if t.text != "-" {
                    t.upos = "PROPN".to_string();
                    t.xpos = "NNP".to_string();
                }
            } else if t.head.is_some_and(|h| within(h) && h != head) {
                t.head = Some(head);
            }
        }
    }
    out
}

/// "spoke by phone with Moon", "talked by video link to Scholz": the partner
/// belongs to the verb, but the parse hangs it on the medium. The repair
/// hangs the partner's phrase on the verb. `None` where no such attachment.
fn repair_medium_partner(
    sentence: &dyad_text::Sentence,
    tree: &Tree<'_>,
) -> Option<dyad_text::Sentence> {
    let toks = &sentence.tokens;
    let (k, v) = (0..tree.len()).find_map(|k| {
        let medium = tree.head(k)?;
        let verb = tree.head(medium)?;
        // (Cheapest tests first: this runs on every word of every sentence.)
        let found = tree.base_rel(k) == "nmod"
            && tree.base_rel(medium) == "obl"
            && toks.get(verb).is_some_and(|t| t.upos == "VERB")
            && matches!(
                tree.lemma(medium).as_str(),
                "phone" | "telephone" | "video" | "videoconference" | "link" | "line"
            )
            && tree
                .case_of(k)
                .is_some_and(|c| matches!(c.as_str(), "with" | "to"))
            && tree
                .case_of(medium)
                .is_some_and(|c| matches!(c.as_str(), "by" | "via" | "over" | "on"));
        found.then_some((k, verb))
    })?;
    Some(rehang(sentence, &[(k, v, "obl")]))
}

/// A setting set off by a comma at the end of the main clause ("agreed on
/// Wednesday to send their ambassadors back and to open talks, at a summit
/// in Geneva") tells where the main act happened; the parse often hangs it on
/// the last verb of the clause's complement instead, which makes the summit
/// a thing agreed on. The repair hangs the phrase on the root. `None` where
/// the parse shows no such attachment.
fn repair_setoff_setting(
    sentence: &dyad_text::Sentence,
    tree: &Tree<'_>,
) -> Option<dyad_text::Sentence> {
    let toks = &sentence.tokens;
    let root = (0..tree.len()).find(|&i| tree.head(i).is_none())?;
    let k = (0..tree.len()).find(|&k| {
        let Some(h) = tree.head(k) else { return false };
        if h == root || tree.base_rel(k) != "obl" || toks.get(k).is_none_or(|t| t.upos != "NOUN") {
            return false;
        }
        let Some(case) = tree
            .children_with(k, &["case"])
            .find(|&c| matches!(tree.lemma(c).as_str(), "at" | "during"))
        else {
            return false;
        };
        let comma_before = case
            .checked_sub(1)
            .and_then(|c| toks.get(c))
            .is_some_and(|t| t.text == ",");
        // The phrase's verb lies in the root's complement: only complements
        // and their conjuncts between it and the root.
        let mut x = h;
        let mut steps = 0;
        let in_complement = loop {
            // ("agreed to set up a mechanism to address the deficit, at the
            // end of their summit": a clause of purpose is the complement's.)
            let purpose = tree.base_rel(x) == "advcl"
                && tree
                    .children_with(x, &["mark"])
                    .any(|m| tree.lemma(m) == "to");
            match tree.head(x) {
                Some(up) if purpose || ["xcomp", "conj"].contains(&tree.base_rel(x)) => {
                    if up == root {
                        break steps > 0 || tree.base_rel(x) == "xcomp";
                    }
                    x = up;
                    steps += 1;
                    if steps > 4 {
                        break false;
                    }
                }
                _ => break false,
            }
        };
        comma_before && in_complement
    })?;
    Some(rehang(sentence, &[(k, root, "obl")]))
}

/// The sentence with its parse repaired, `None` where no repair applies. Each
/// repair sees the sentence as the ones before it left it; the tree is built
/// again only after one fired, so a sound parse costs one tree.
fn repaired(sentence: &dyad_text::Sentence) -> Option<dyad_text::Sentence> {
    let mut current: Option<dyad_text::Sentence> = None;
    let mut next = 0;
    while next < REPAIRS.len() {
        let fixed = {
            let s = current.as_ref().unwrap_or(sentence);
            let tree = Tree::new(s);
            let mut fixed = None;
            while fixed.is_none() {
                let Some(repair) = REPAIRS.get(next) else {
                    break;
                };
                fixed = repair(s, &tree);
                next += 1;
            }
            fixed
        };
        match fixed {
            Some(f) => current = Some(f),
            None => break,
        }
    }
    current
}

/// Whether trigger `i` is governed, within three steps, by "schedule"
/// ("Obama is scheduled to attend a summit", "Bush scheduled to meet
/// dissidents"): an event on a timetable, whoever set it.
fn on_timetable(tree: &Tree<'_>, i: usize) -> bool {
    let mut x = i;
    for _ in 0..3 {
        let Some(h) = tree.head(x) else {
            return false;
        };
        // (The parser may hang "to meet" on "scheduled" as an adverbial
        // clause; with its "to" it is the complement all the same.)
        let infinitive = tree.base_rel(x) == "advcl"
            && tree
                .children_with(x, &["mark"])
                .any(|m| tree.lemma(m) == "to");
        if !infinitive && !["obj", "xcomp", "ccomp", "nsubj", "conj"].contains(&tree.base_rel(x)) {
            return false;
        }
        // (Compared by trigger key: the lemmatiser may give "scheduled" as
        // "schedul".)
        if trigger_key(&tree.lemma(h)) == trigger_key("schedule") {
            return true;
        }
        x = h;
    }
    false
}

/// Whether trigger `i` is what a verb "prepare" governs, within three steps
/// of complements ("prepared to attack", "prepared to resume shelling",
/// "is preparing an offensive"): an act being readied. Not the adjective of
/// "is prepared to": a stance told, not a preparation.
fn readied(tree: &Tree<'_>, i: usize) -> bool {
    let mut x = i;
    for _ in 0..3 {
        let Some(h) = tree.head(x) else {
            return false;
        };
        let infinitive = tree.base_rel(x) == "advcl"
            && tree
                .children_with(x, &["mark"])
                .any(|m| tree.lemma(m) == "to");
        if !infinitive && !["obj", "xcomp"].contains(&tree.base_rel(x)) {
            return false;
        }
        if trigger_key(&tree.lemma(h)) == trigger_key("prepare")
            && tree.tokens.get(h).is_some_and(|t| t.upos == "VERB")
            && tree.children_with(h, &["cop"]).next().is_none()
        {
            return true;
        }
        x = h;
    }
    false
}

/// PLOVER codes cooperation announced for the future as AGREE ("will visit",
/// "will provide aid"), and force, coercion and sanctions announced or held
/// out as THREATEN ("is prepared to impose martial law", "may halt
/// mediation": "THREATEN could be ASSAULT + hypothetical"). A release or a
/// withdrawal promised is AGREE too, as PLOVER's gold records code it. dyad
/// keeps the planned act itself as the event; this restates it in PLOVER's
/// terms, marked as implied by it.
fn plover_intent(
    coder: &Coder,
    ev: &EventMention,
    readied: bool,
    refused: bool,
) -> Option<EventMention> {
    let planned = ev.status == EventStatus::Planned;
    let held_out = planned || ev.status == EventStatus::Hypothetical;
    let (event_type, cameo) = match ev.event_type {
        // Force being readied ("the army prepared to resume shelling") is
        // military posturing, PLOVER's MOBILIZE ("increase readiness"), not
        // a threat told in words.
        EventType::Assault if planned && readied => (EventType::Mobilize, "150"),
        EventType::Consult if planned => (EventType::Agree, "036"),
        // A meeting refused ("will not hold talks with …") is, in PLOVER's and
        // CAMEO's terms, a rejection of the meeting (CAMEO 125), made when it
        // is told.
        EventType::Consult if refused => (EventType::Reject, "125"),
        EventType::Support if planned => (EventType::Agree, "032"),
        EventType::Cooperate if planned => (EventType::Agree, "031"),
        EventType::Aid if planned => (EventType::Agree, "033"),
        EventType::Retreat | EventType::Concede if planned => (EventType::Agree, "035"),
        EventType::Assault if held_out => (EventType::Threaten, "138"),
        EventType::Coerce if held_out => (EventType::Threaten, "137"),
        EventType::Sanction if held_out => (EventType::Threaten, "131"),
        // A protest held out ("said they would blockade Paris", "will boycott
        // the elections unless …") threatens dissent (CAMEO 133).
        EventType::Protest if held_out => (EventType::Threaten, "133"),
        _ => return None,
    };
    let mut restated = ev.clone();
    restated.event_type = event_type;
    restated.mode = if event_type == EventType::Agree {
        None
    } else {
        coder.plover.lookup(cameo).and_then(|p| p.1.clone())
    };
    restated.cameo = Some(cameo.to_string());
    if event_type == EventType::Reject {
        restated.status = EventStatus::Occurred;
    }
    restated.implied_by = Some(ev.id.clone());
    Some(restated)
}

/// Whether a trigger tells background rather than the sentence's news: it
/// stands in a relative clause ("Sharon, who has vowed …"), it is an unmarked
/// participle adding a consequence or a manner ("shelled Juba, killing 20";
/// "demonstrated, calling for independence"), it stands in a clause of time
/// or reason ("… after rebels kidnapped dozens"), or it is a noun inside a
/// prepositional phrase ("since the peace accord", "a climate for talks").
fn background(tree: &Tree<'_>, i: usize, pattern: &Pattern) -> bool {
    let mut x = i;
    for _ in 0..6 {
        if tree.rel(x) == "acl:relcl" {
            return true;
        }
        match tree.head(x) {
            Some(h) => x = h,
            None => break,
        }
    }
    let rel = tree.base_rel(i);
    let Some(tok) = tree.tokens.get(i) else {
        return false;
    };
    // A participle describing a noun ("a Hamas member jailed a year ago",
    // "officials accused of playing a role"): who someone is, not the news.
    // (Where the parse hung the whole sentence on a noun, the participle may
    // be its lost verb: "The minister left for Lima …".)
    // (Not where the noun is what an existential "there were" presents: "there
    // were ten soldiers killed" tells the killing.)
    let presented = |h: usize| {
        tree.base_rel(h) == "nsubj"
            && tree
                .head(h)
                .is_some_and(|v| tree.children_with(v, &["expl"]).next().is_some())
    };
    if rel == "acl"
        && tok.xpos == "VBN"
        && root_is_verb(tree)
        && tree.head(i).is_some_and(|h| {
            tree.tokens
                .get(h)
                .is_some_and(|t| matches!(t.upos.as_str(), "NOUN" | "PROPN"))
                && !presented(h)
        })
    {
        return true;
    }
    // A clause of time or reason the parse made a conjunct ("eased measures …,
    // as authorities in Croatia cracked down" read as "eased … and cracked")
    // still carries its subordinator: it is background all the same.
    if rel == "advcl" || rel == "conj" {
        let mark = tree
            .children_with(i, &["mark"])
            .next()
            .map(|m| tree.lemma(m).to_lowercase());
        match mark.as_deref() {
            None if rel == "advcl" && tok.xpos == "VBG" => return true,
            // "withdrew … two weeks after rebels kidnapped dozens", "resigned as
            // the opposition threatened to storm his residence": what times or
            // explains the news; "accused Rwanda … by alleging": its manner.
            Some(m) if SUBORDINATORS.contains(&m) => return true,
            _ => {}
        }
    }
    // "… two weeks after rebels kidnapped dozens" parsed with "weeks" as the
    // subject of "kidnapped" and "after" inside that subject: a length of
    // time acts on no one; the clause times the news.
    if tree.children_with(i, &["nsubj"]).any(|sj| {
        ["minute", "hour", "day", "week", "month", "year"].contains(&tree.lemma(sj).as_str())
            && tree
                .subtree(sj)
                .iter()
                .any(|&k| ["after", "before", "since"].contains(&tree.lemma(k).as_str()))
    }) {
        return true;
    }
    // The same clause with its subordinator read as the preposition of the
    // clause's subject ("… from Yongbyon after U.S. officials alleged …",
    // with "after" under "officials"): a subject takes no preposition, a
    // clause of time its subordinator.
    if rel == "conj"
        && tree.children_with(i, &["nsubj", "nsubj:pass"]).any(|sj| {
            tree.case_of(sj)
                .is_some_and(|c| SUBORDINATORS.contains(&c.as_str()))
        })
    {
        return true;
    }
    // Or read as the preposition of an oblique before the clause: "resigned
    // Sunday as the opposition threatened …" parsed as "resigned … as the
    // opposition" (an oblique) "and threatened": a conjunct with no subject
    // of its own, right after an oblique of its head that such a word opens,
    // whose noun is the clause's lost subject. (A true conjunct has its "and"
    // or comma between: "served as envoy and visited".) Only words that are no
    // preposition of their own: "met after the summit, signed …" is two acts.
    if rel == "conj"
        && tree
            .children_with(i, &["nsubj", "nsubj:pass"])
            .next()
            .is_none()
    {
        if let Some(h) = tree.head(i) {
            let lost_subject = tree.children_with(h, &["obl", "nmod"]).any(|o| {
                o < i
                    && tree.subtree_span(o).is_some_and(|sp| {
                        i.checked_sub(1)
                            .and_then(|k| tree.tokens.get(k))
                            .is_some_and(|t| t.span.end == sp.end)
                    })
                    && tree
                        .case_of(o)
                        .is_some_and(|c| ["as", "while", "when", "because"].contains(&c.as_str()))
            });
            if lost_subject {
                return true;
            }
        }
    }
    // A meeting where something was said or done ("announced at a summit",
    // "agreed during talks") is an event of its own.
    let case = tree.case_of(i);
    pattern.kind == TriggerKind::Noun
        && ["obl", "nmod"].contains(&rel)
        && case.is_some()
        && !(rel == "obl" && matches!(case.as_deref(), Some("at" | "during")))
}

/// Whether a trigger names an act left undone or held as a condition: a clause
/// or phrase opened by "without" ("agreed to resign without returning",
/// "approved it without talks"), "unless" or "if" ("will strike unless Baghdad
/// accepts"). Such an act is no event, not even one told in passing. So is
/// an act that such a clause's verb takes as its object ("unless President
/// Goukouni arranged a ceasefire").
/// Whether the act is the anchor of a "since" phrase or clause ("since Russia
/// invaded", "since the 2018 visit").
fn since_anchor(tree: &Tree<'_>, i: usize) -> bool {
    let marked = ["advcl", "obl", "acl", "nmod"].contains(&tree.base_rel(i))
        && tree
            .children_with(i, &["mark", "case"])
            .any(|c| tree.lemma(c) == "since");
    // The parse often hangs "since" on the clause's subject ("since Russia
    // invaded" read as "provided since Russia"): the words before a verb back
    // to "since", with only its subject and auxiliaries between.
    let verb = tree.tokens.get(i).is_some_and(|t| t.upos == "VERB");
    let before = || {
        (0..i)
            .rev()
            .map_while(|k| {
                let t = tree.tokens.get(k)?;
                let lemma = tree.lemma(k);
                if lemma == "since" {
                    return Some(true);
                }
                matches!(
                    t.upos.as_str(),
                    "PROPN" | "NOUN" | "DET" | "ADJ" | "CCONJ" | "NUM" | "PRON" | "AUX" | "PART"
                )
                .then_some(false)
            })
            .any(|found| found)
    };
    marked || (verb && before())
}

fn unrealised(tree: &Tree<'_>, i: usize) -> bool {
    let opened = |x: usize| {
        ["advcl", "obl", "nmod"].contains(&tree.base_rel(x))
            && tree
                .children_with(x, &["mark", "case"])
                .next()
                .is_some_and(|m| {
                    ["without", "unless", "if"].contains(&tree.lemma(m).to_lowercase().as_str())
                })
    };
    if opened(i) {
        return true;
    }
    ["obj", "iobj"].contains(&tree.base_rel(i))
        && tree
            .head(i)
            .is_some_and(|h| tree.tokens.get(h).is_some_and(|t| t.upos == "VERB") && opened(h))
}

/// Whether the words before `span` (past determiners and modifiers) are one
/// of the prepositions `preps` ("in Kabul", "near the border").
fn introduced_by(tree: &Tree<'_>, span: Span, preps: &[&str]) -> bool {
    let Some(k) = tree.tokens.iter().rposition(|t| t.span.end <= span.start) else {
        return false;
    };
    for j in (0..=k).rev().take(4) {
        let Some(t) = tree.tokens.get(j) else {
            return false;
        };
        if t.upos == "ADP" || t.xpos == "IN" || t.xpos == "TO" {
            return preps.contains(&t.text.to_lowercase().as_str());
        }
        if !["DET", "ADJ", "NUM", "ADV"].contains(&t.upos.as_str()) {
            return false;
        }
    }
    false
}

/// Whether a nominal trigger stands within two steps below another trigger.
/// Troops are hosted, stationed or received as forces, not met: a meeting
/// whose only counterpart is a military unit is no meeting.
/// Nor does one meet a challenge or a deadline ("until their demands are
/// met": the task may be the passive subject), nor receive a meeting in
/// receiving assurances or a letter.
/// (A pattern that names its own object or words says otherwise.)
fn no_meeting(coder: &Coder, tree: &Tree<'_>, i: usize, pattern: &Pattern) -> bool {
    pattern_type(coder, pattern) == Some(EventType::Consult)
        && matches!(pattern.with, Complement::Any | Complement::Prep(_))
        && tree.children_with(i, &["obj", "nsubj:pass"]).any(|o| {
            let lemma = tree.lemma(o);
            coder.places.force_words.contains(&lemma) || coder.places.task_words.contains(&lemma)
        })
}

fn nested_in_trigger(
    tree: &Tree<'_>,
    i: usize,
    matched: &[Option<(&Pattern, Option<usize>)>],
) -> bool {
    let mut x = i;
    for _ in 0..2 {
        let Some(h) = tree.head(x) else { return false };
        let rel = tree.base_rel(x);
        if matched.get(h).is_some_and(|m| m.is_some())
            && [
                "compound", "appos", "nmod", "acl", "obj", "xcomp", "amod", "flat", "conj",
            ]
            .contains(&rel)
            // (Or the passive subject of a verb trigger: "the offer was rejected",
            // "a ceasefire was agreed": what the verb's act is about, as its
            // object would be.)
            || x == i
                && matched.get(h).is_some_and(|m| m.is_some())
                && (tree.rel(x) == "nsubj:pass"
                    || tree.rel(x) == "nsubj" && tree.children_with(h, &["aux:pass"]).next().is_some())
        {
            return true;
        }
        x = h;
    }
    false
}

struct SentenceCtx<'a, 'i> {
    input: &'a CodeInput<'i>,
    /// The token indices of the triggers coded in this sentence.
    triggers: &'a [usize],
    tree: &'a Tree<'a>,
    mentions: &'a [&'a ResolvedMention],
    timexes: &'a [&'a dyad_time::Timex],
    published: Option<NaiveDate>,
    sentence: &'a dyad_text::Sentence,
    /// The one person the previous sentence's main clause was about, if any.
    previous_topic: &'a [&'a ResolvedMention],
}

/// Verbs whose object is what is talked about, never who talks ("discussed
/// North Korea's missile launches"): the partner comes with "with".
const TOPIC_VERBS: [&str; 2] = ["discuss", "debate"];

/// Verbs of going to a meeting others hold ("joined the lunch", "sat in on
/// the talks", "attended the summit").
const ATTEND: [&str; 3] = ["join", "attend", "sit"];

/// Nouns for someone who acts for another ("Putin's spokesman").
const AIDES: [&str; 7] = [
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "adviser",
    "advisor",
    "aide",
    "envoy",
];

/// Whether the person `m` is named only as the possessor of someone else's
/// office: "Biden's national security adviser, Jake Sullivan" (an office with
/// a person in apposition), "Putin's spokesman" (an aide's title).
fn aide_owner(tree: &Tree<'_>, mentions: &[&ResolvedMention], m: &ResolvedMention) -> bool {
    let Some(k) = (0..tree.len())
        .rev()
        .find(|&k| tree.tokens.get(k).is_some_and(|t| m.span.contains(t.span)))
    else {
        return false;
    };
    // The name's head word is the one hung outside it.
    let mut k = k;
    while let Some(h) = tree.head(k) {
        if !tree.tokens.get(h).is_some_and(|t| m.span.contains(t.span)) {
            break;
        }
        k = h;
    }
    if tree.rel(k) != "nmod:poss" {
        return false;
    }
    let Some(office) = tree.head(k) else {
        return false;
    };
    if tree.tokens.get(office).is_none_or(|t| t.upos != "NOUN") {
        return false;
    }
    if AIDES.contains(&tree.lemma(office).as_str()) {
        return true;
    }
    tree.children_with(office, &["appos"])
        .filter_map(|a| tree.subtree_span(a))
        .any(|sp| {
            mentions
                .iter()
                .any(|o| o.person.is_some() && o.span != m.span && sp.contains(o.span))
        })
}

/// Verbs whose agent goes along with someone to what they do: "Xi was
/// accompanied by Wang Yi", "where he will be joined by the Archbishop".
pub(crate) const ACCOMPANY: [&str; 3] = ["accompany", "join", "represent"];

/// Nouns for the people one party brings to a meeting ("the North Korean side
/// included …").
const DELEGATIONS: [&str; 3] = ["side", "delegation", "team"];

/// People named as going along with a meeting's principal ("Xi was accompanied
/// by Wang Yi, the foreign minister, and by Cai Qi"; "Yoon, accompanied by
/// Foreign Minister Park Jin, said …") take part in the principal's meeting:
/// the one this sentence tells, else the latest the two sentences before it
/// told with the principal among its people. They are marked companions:
/// reports name them or not at will, so they take no part in deciding which
/// reports tell one event. People in a clause about a companion ("Pompeo,
/// who met Kim last month") are not companions.
fn add_companions(s: &SentenceCtx<'_, '_>, out: &mut [EventMention], first: usize) {
    let tree = s.tree;
    let sentence_start = s.sentence.span.start;
    let is_person = |m: &&&ResolvedMention| m.person.is_some() || m.kind == MentionKind::Person;
    // (A name the resolver ran on from a title, "Canterbury, Justin Welby",
    // is its words after the comma.)
    let name_of = |m: &ResolvedMention| {
        let name = m.person.as_deref().unwrap_or(&m.text);
        name.rsplit(", ").next().unwrap_or(name).to_string()
    };
    // Meetings earlier companions of the sentence went along to.
    let mut chosen: Vec<usize> = Vec::new();
    for v in 0..tree.len() {
        if tree.tokens.get(v).is_none_or(|t| t.upos != "VERB") {
            continue;
        }
        // "Rice and her deputy Ben Rhodes … sat in": sitting in, on nothing
        // named, is going along to the meeting just told.
        let sat_in = tree.lemma(v) == "sit"
            && tree
                .children_with(v, &["advmod", "compound", "obl"])
                .any(|c| tree.lemma(c) == "in" && tree.children(c).is_empty())
            && tree
                .children_with(v, &["obj", "obl"])
                .all(|c| tree.lemma(c) == "in");
        // "Blinken and Yellen sat on the American side of the table".
        let sat_on_side = tree.lemma(v) == "sit"
            && tree
                .children_with(v, &["obl"])
                .any(|c| tree.case_of(c).as_deref() == Some("on") && tree.lemma(c) == "side");
        let sat_in = sat_in || sat_on_side;
        // "Rodríguez sat with Castro": going along with the one sat with.
        let sat_with = tree.lemma(v) == "sit"
            && tree
                .children_with(v, &["obl"])
                .any(|c| tree.case_of(c).as_deref() == Some("with"));
        // "The North Korean side included Foreign Minister Ri Son Gwon …":
        // a side's or delegation's members go along to the meeting just told.
        let delegation = tree.lemma(v) == "include"
            && tree
                .children_with(v, &["nsubj"])
                .any(|c| DELEGATIONS.contains(&tree.lemma(c).as_str()));
        if !sat_in && !sat_with && !delegation && !ACCOMPANY.contains(&tree.lemma(v).as_str()) {
            continue;
        }
        let agents: Vec<usize> = if delegation {
            tree.children_with(v, &["obj"]).collect()
        } else if sat_with {
            tree.children_with(v, &["nsubj"]).collect()
        } else if sat_in {
            // (Or, where the parse hung the verb on a relative clause's
            // ("Rhodes, who led the talks, sat in"), that clause's noun.)
            let mut c = v;
            while tree.rel(c) == "conj" && tree.children_with(c, &["nsubj"]).next().is_none() {
                match tree.head(c) {
                    Some(h) => c = h,
                    None => break,
                }
            }
            let mut subjects: Vec<usize> = tree.children_with(v, &["nsubj"]).collect();
            if subjects.is_empty() && c != v && tree.rel(c) == "acl:relcl" {
                subjects.extend(tree.head(c));
            }
            subjects
        } else {
            tree.children_with(v, &["obl"])
                .filter(|&o| tree.case_of(o).as_deref() == Some("by"))
                .collect()
        };
        if agents.is_empty() {
            continue;
        }
        // The agents' phrases, and nouns the parse hung on the verb beside
        // them ("by the Archbishop …, and the moderator …").
        let phrases: Vec<Span> = agents
            .iter()
            .copied()
            .chain(tree.children_with(v, &["conj"]).filter(|&c| {
                tree.tokens
                    .get(c)
                    .is_some_and(|t| matches!(t.upos.as_str(), "NOUN" | "PROPN"))
            }))
            .filter_map(|a| tree.subtree_span(a))
            .collect();
        // Clauses inside them tell other things.
        let clauses: Vec<Span> = agents
            .iter()
            .flat_map(|&a| tree.subtree(a))
            .filter(|&k| matches!(tree.base_rel(k), "acl" | "advcl"))
            .filter_map(|k| tree.subtree_span(k))
            .collect();
        let within = |sp: Span| {
            phrases.iter().any(|p| p.contains(sp)) && !clauses.iter().any(|c| c.contains(sp))
        };
        let mut companions: Vec<(String, Span, Option<&ResolvedMention>)> = s
            .mentions
            .iter()
            .filter(is_person)
            .filter(|m| within(m.span))
            .map(|m| (name_of(m), m.span, Some(*m)))
            .collect();
        // Names the knowledge base does not know: a proper name of two words
        // or more ("Justin Welby") that no resolved mention covers.
        for k in 0..tree.len() {
            let Some(t) = tree.tokens.get(k) else {
                continue;
            };
            let flat: Vec<usize> = tree.children_with(k, &["flat"]).collect();
            if t.upos != "PROPN" || tree.base_rel(k) == "flat" || flat.is_empty() {
                continue;
            }
            let words: Vec<&dyad_text::Token> = std::iter::once(k)
                .chain(flat)
                .filter_map(|j| tree.tokens.get(j))
                .collect();
            if !words
                .iter()
                .all(|w| w.upos == "PROPN" && w.text.starts_with(|c: char| c.is_uppercase()))
            {
                continue;
            }
            let (Some(a), Some(b)) = (words.first(), words.last()) else {
                continue;
            };
            let span = Span::new(a.span.start, b.span.end);
            if !within(span) || s.mentions.iter().any(|m| m.span.overlaps(span)) {
                continue;
            }
            let Some(name) = span.slice(s.input.text) else {
                continue;
            };
            companions.push((name.to_string(), span, None));
        }
        if companions.is_empty() {
            continue;
        }
        // The principal: the passive's subject ("Xi was accompanied"), or the
        // noun a participle hangs on ("Yoon, accompanied by …").
        // (Who sits in goes along with no one named.)
        let principal_tok = if sat_in || delegation {
            None
        } else if sat_with {
            tree.children_with(v, &["obl"])
                .find(|&c| tree.case_of(c).as_deref() == Some("with"))
        } else if tree.base_rel(v) == "acl" {
            tree.head(v)
        } else {
            tree.children_with(v, &["nsubj"]).next()
        };
        if principal_tok.is_none() && !sat_in && !delegation {
            continue;
        }
        let pronoun = principal_tok
            .and_then(|p| tree.tokens.get(p))
            .is_some_and(|t| {
                t.upos == "PRON" && matches!(t.text.to_lowercase().as_str(), "he" | "she")
            });
        let principals: Vec<String> = if pronoun {
            s.previous_topic.iter().map(|m| name_of(m)).collect()
        } else if let Some(principal_tok) = principal_tok {
            let span = tree.subtree_span(principal_tok);
            s.mentions
                .iter()
                .filter(is_person)
                .filter(|m| span.is_some_and(|sp| sp.contains(m.span)))
                .filter(|m| !companions.iter().any(|c| c.1 == m.span))
                .map(|m| name_of(m))
                .collect()
        } else {
            Vec::new()
        };
        // "Russia was represented by Shoigu and Lavrov": a state going along
        // to the meeting just told, by its people.
        let state = principals.is_empty()
            && !pronoun
            && principal_tok
                .and_then(|p| tree.subtree_span(p))
                .is_some_and(|sp| {
                    s.mentions
                        .iter()
                        .any(|m| m.person.is_none() && m.country.is_some() && sp.contains(m.span))
                });
        let along = sat_in || delegation || state;
        let has_principal = |e: &EventMention| {
            e.event_type == EventType::Consult
                && e.participants
                    .iter()
                    .any(|p| principals.contains(&p.name) && !p.companion)
        };
        // This sentence's meetings, but not one told of a companion
        // ("Pompeo, who met Kim last month": one a companion is already in).
        let own = |e: &EventMention| {
            e.event_type == EventType::Consult
                && !phrases.iter().any(|p| p.contains(e.trigger))
                && !e
                    .participants
                    .iter()
                    .any(|p| companions.iter().any(|c| c.0 == p.name))
        };
        let here = out.get(first..).unwrap_or_default();
        let own_sentence = here.iter().any(|e| own(e) && has_principal(e))
            || (pronoun
                && principals.is_empty()
                && here.iter().any(|e| own(e) && !e.participants.is_empty()));
        let targets: Vec<usize> = if own_sentence {
            (first..out.len())
                .filter(|&k| own(&out[k]) && (has_principal(&out[k]) || principals.is_empty()))
                .collect()
        } else if principals.is_empty() {
            // "He was accompanied by …" after a sentence whose one meeting
            // names its visitor by words the knowledge base does not know:
            // the companions go along to that meeting.
            // (A title the splitter cut off as a sentence of its own,
            // "National security adviser. Susan Rice … sat in", is skipped:
            // the latest of the two sentences before that told a meeting.)
            let reach = if along { 2 } else { 1 };
            let previous = s
                .input
                .analysis
                .sentences
                .iter()
                .filter(|x| x.span.end <= sentence_start)
                .rev()
                .take(reach)
                .map(|x| x.span)
                .find(|sp| {
                    out[..first]
                        .iter()
                        .any(|e| e.event_type == EventType::Consult && e.sentence == *sp)
                });
            let mut told: Vec<usize> = (0..first)
                .filter(|&k| {
                    out[k].event_type == EventType::Consult && Some(out[k].sentence) == previous
                })
                .collect();
            // Where those tell none, the latest meeting held between two
            // parties or more, among them every state the companions serve.
            if along && told.is_empty() {
                let served: Vec<&String> = companions
                    .iter()
                    .filter_map(|c| c.2.and_then(|m| m.country.as_ref()))
                    .collect();
                let fits = |k: usize| {
                    out[k].event_type == EventType::Consult
                        && out[k].status == EventStatus::Occurred
                        && out[k].actors.len() >= 2
                        && served.iter().all(|c| out[k].actors.contains(c))
                };
                // (One the sentence's other companions went along to first:
                // "Blinken sat on the American side; the Chinese delegation
                // included Qin".)
                told.extend(
                    chosen
                        .iter()
                        .copied()
                        .find(|&k| fits(k))
                        .or_else(|| (0..first).rev().find(|&k| fits(k))),
                );
                chosen.extend(told.iter().copied());
            }
            // (Who sat in, sat in on every meeting the sentence before told.)
            if !(pronoun && told.len() == 1 || along && !told.is_empty()) {
                continue;
            }
            told
        } else {
            // The latest earlier sentence, of the two before, telling the
            // principal's meeting; further back, the latest telling it held.
            let back = |sentence: Span| {
                s.input
                    .analysis
                    .sentences
                    .iter()
                    .filter(|x| x.span.start >= sentence.start && x.span.start < sentence_start)
                    .count()
            };
            let mut before: Vec<usize> = (0..first).filter(|&k| has_principal(&out[k])).collect();
            if before.last().is_some_and(|&k| back(out[k].sentence) > 2) {
                before.retain(|&k| out[k].status == EventStatus::Occurred);
            }
            let Some(&last) = before.last() else {
                continue;
            };
            let sentence = out[last].sentence;
            before
                .into_iter()
                .filter(|&k| out[k].sentence == sentence)
                .collect()
        };
        for k in targets {
            let on = out[k]
                .date
                .as_ref()
                .and_then(|d| d.start)
                .map(|d| d.date)
                .or(s.published);
            for (name, span, known) in &companions {
                if out[k].participants.iter().any(|p| p.name == *name) {
                    continue;
                }
                let mut p = match known {
                    Some(m) => Participant {
                        name: name.clone(),
                        ..participant(s, m, on)
                    },
                    None => Participant {
                        name: name.clone(),
                        span: *span,
                        ..Participant::default()
                    },
                };
                p.companion = true;
                out[k].participants.push(p);
            }
            out[k].participants.sort_by_key(|p| p.span.start);
        }
    }
}

/// The person a sentence's main clause is about: the one person named in the
/// root's subject, or, where that subject is "he" or "she", whom the pronoun
/// stood for. Nothing where the subject names no one person.
fn sentence_topic<'m>(
    tree: &Tree<'_>,
    mentions: &[&'m ResolvedMention],
    previous: &[&'m ResolvedMention],
) -> Vec<&'m ResolvedMention> {
    let Some(root) = (0..tree.len()).find(|&i| tree.head(i).is_none()) else {
        return Vec::new();
    };
    let Some(subj) = tree.children_with(root, &["nsubj"]).next() else {
        return Vec::new();
    };
    if tree.tokens.get(subj).is_some_and(|t| {
        t.upos == "PRON" && matches!(t.text.to_lowercase().as_str(), "he" | "she" | "they")
    }) {
        return previous.to_vec();
    }
    let Some(span) = tree.subtree_span(subj) else {
        return Vec::new();
    };
    let people: Vec<&ResolvedMention> = mentions
        .iter()
        .filter(|m| {
            // (By the name's last word: the parse may hang a first word
            // elsewhere.)
            m.span.end > span.start
                && m.span.end <= span.end
                && (m.kind == MentionKind::Person || m.person.is_some())
        })
        .copied()
        .collect();
    // One person is who a later "he" or "she" is; two or more people, or
    // the states a phrase like "the two leaders" stands for, are who a later
    // "they" is ("The two leaders shook hands … They then talked for 50
    // minutes").
    if !people.is_empty() {
        return people;
    }
    let states: Vec<&ResolvedMention> = mentions
        .iter()
        .filter(|m| {
            m.span.end > span.start
                && m.span.end <= span.end
                && m.country.is_some()
                && matches!(m.kind, MentionKind::Country | MentionKind::Metonym)
        })
        .copied()
        .collect();
    if states.len() >= 2 {
        states
    } else {
        Vec::new()
    }
}

/// The pattern a token triggers, and the token its complement matched.
fn match_trigger<'c>(
    coder: &'c Coder,
    tree: &Tree<'_>,
    i: usize,
    times: &[Span],
) -> Option<(&'c Pattern, Option<usize>)> {
    let tok = tree.tokens.get(i)?;
    // A participle used as an adjective ("the so-called talks", "the proposed
    // deal") describes; it does not report an act.
    if tok.upos == "VERB" && tree.base_rel(i) == "amod" && !main_verb_as_modifier(tree, i) {
        return None;
    }
    // A participle the tagger took for a predicative adjective and left
    // unlemmatised ("Vietnam is committed to opening its economy") is the
    // verb in the passive: read by the verb's lemma.
    let participle = tok.upos == "ADJ"
        && tok.text.len() > 4
        && tok.text.to_lowercase().ends_with("ed")
        && tok.lemma.eq_ignore_ascii_case(&tok.text)
        && tree.children_with(i, &["cop"]).next().is_some();
    let kind = match tok.upos.as_str() {
        "VERB" => TriggerKind::Verb,
        "ADJ" if participle => TriggerKind::Verb,
        "NOUN" | "PROPN" | "NUM" => TriggerKind::Noun,
        _ => return None,
    };
    let stems = if participle {
        participle_stems(&tok.text)
    } else {
        Vec::new()
    };
    let lemma = stems
        .first()
        .cloned()
        .unwrap_or_else(|| tok.lemma.to_lowercase());
    // "a news conference", "a press briefing": reporters told, no parties met.
    if kind == TriggerKind::Noun
        && tree.children_with(i, &["compound", "amod"]).any(|c| {
            coder
                .places
                .statement_words
                .contains(&tree.lemma(c).to_lowercase())
        })
    {
        return None;
    }
    let mut candidates: Vec<String> = Vec::new();
    // "has called off his trip … for a second time": a phrasal verb that
    // tells what became of a plan (status.tsv: "call off", "put off") is the
    // status of the act it governs, or an act of its own as such ("called off
    // a strike"), never its bare verb's act ("call for", a request).
    let mut plan_changed = false;
    for p in tree.children_with(i, &["compound:prt"]) {
        let phrasal = format!("{lemma}_{}", tree.lemma(p));
        plan_changed |=
            kind == TriggerKind::Verb && coder.status.get(CueWhere::Governor, &phrasal).is_some();
        candidates.push(phrasal);
    }
    // A particle the parse took for the first word of a compound preposition
    // ("pulled out of Chechnya", "were shipped out of the enclave", with
    // "out" a second "case" of the oblique): right after the verb, before
    // "of" or "from".
    if kind == TriggerKind::Verb {
        let word = |k: usize| tree.tokens.get(k).map(|t| t.text.to_lowercase());
        let particle = word(i + 1).filter(|w| ["out", "away", "back", "off"].contains(&w.as_str()));
        if let Some(p) = particle {
            let compound_prep = tree.base_rel(i + 1) == "case"
                && word(i + 2).is_some_and(|w| w == "of" || w == "from");
            if compound_prep {
                candidates.push(format!("{lemma}_{p}"));
            }
        }
    }
    // A compound noun ("hunger strike", "phone call"): the word right before.
    if kind == TriggerKind::Noun {
        if let Some(c) = i
            .checked_sub(1)
            .filter(|&c| tree.head(c) == Some(i) && tree.base_rel(c) == "compound")
        {
            candidates.push(format!("{}_{lemma}", tree.lemma(c).to_lowercase()));
        }
    }
    // The word as written, last: a verb dictionary may file a verb under a
    // form ("LEFT") rather than its lemma. Not a speech verb: "said" reports
    // the sentence's news, and is an act only where a pattern names "say".
    let text = tok.text.to_lowercase();
    // A verb in -ee takes only -d ("freed", "decreed"), which rule-based
    // lemmas cut wrongly ("fre").
    let ee = (kind == TriggerKind::Verb && text.ends_with("eed") && text.len() > 4)
        .then(|| text[..text.len() - 1].to_string());
    let written = (text != lemma && !SPEECH.contains(&lemma.as_str())).then_some(text);
    if !plan_changed {
        candidates.push(lemma);
        candidates.extend(stems.into_iter().skip(1));
        candidates.extend(ee);
        candidates.extend(written);
    }
    // A noun governed by a verb trigger of its own is that verb's complement.
    if kind == TriggerKind::Noun {
        if let Some(h) = tree.head(i) {
            let gov = tree.lemma(h);
            if ["obj", "obl", "nmod"].contains(&tree.base_rel(i))
                && coder
                    .patterns
                    .for_trigger(TriggerKind::Verb, &gov)
                    .iter()
                    .any(|p| match &p.with {
                        Complement::Object(w) => trigger_key(w) == trigger_key(&tree.lemma(i)),
                        Complement::Words(w) => {
                            let key = trigger_key(&tree.lemma(i));
                            w.slots.iter().any(|s| {
                                s.phrases
                                    .iter()
                                    .any(|ph| ph.iter().any(|x| trigger_key(x) == key))
                            })
                        }
                        _ => false,
                    })
            {
                return None;
            }
        }
    }
    // "was called off on the day": a phrasal verb that tells another act's
    // status is not the bare verb with a preposition ("call on" someone).
    // ("Going on to London" is still going to London.)
    let status_particle = kind == TriggerKind::Verb
        && tree.children_with(i, &["compound:prt"]).any(|c| {
            let phrasal = format!("{}_{}", tree.lemma(i), tree.lemma(c));
            coder.status.get(CueWhere::Governor, &phrasal).is_some()
        });
    for lemma in candidates {
        // Keys forgive a final "e" the lemmatiser dropped ("refus" is "refuse"),
        // not one the word has where the trigger has none ("aide" is no "aid").
        let all: Vec<&Pattern> = coder
            .patterns
            .for_trigger(kind, &lemma)
            .iter()
            .filter(|p| !lemma.ends_with('e') || p.trigger.ends_with('e'))
            .collect();
        let mut layers: Vec<u16> = all.iter().map(|p| p.layer).collect();
        layers.sort_unstable_by(|a, b| b.cmp(a));
        layers.dedup();
        for layer in layers {
            if let Some(hit) = match_in_layer(
                tree,
                i,
                times,
                status_particle,
                all.iter().copied().filter(|p| p.layer == layer),
            ) {
                return Some(hit);
            }
        }
    }
    None
}

/// The verb stems an unlemmatised "-ed" word may stand for: without "-ed",
/// and without a doubled last consonant ("committed": commit).
pub(crate) fn participle_stems(word: &str) -> Vec<String> {
    let lower = word.to_lowercase();
    let Some(stem) = lower.strip_suffix("ed") else {
        return Vec::new();
    };
    let mut out = vec![stem.to_string()];
    let b = stem.as_bytes();
    if b.len() > 3 && b.last() == b.get(b.len() - 2) {
        if let Some(s) = stem.get(..stem.len() - 1) {
            out.push(s.to_string());
        }
    }
    out
}

/// Whether the parse has a verb at the sentence's root.
fn root_is_verb(tree: &Tree<'_>) -> bool {
    tree.tokens
        .iter()
        .enumerate()
        .any(|(k, t)| tree.head(k).is_none() && matches!(t.upos.as_str(), "VERB" | "AUX"))
}

/// Whether a verb the parse made a noun's modifier is the sentence's own verb:
/// the sentence has no verb at its root (the parse hung everything on a noun),
/// and the verb stands between a noun or name before it and the noun it is
/// said to modify ("Israeli tanks shelled positions …", "The US on Thursday
/// rejected calls …"), or that noun has a subject ("The UN on Tuesday reduced
/// supplies …" with "UN" the subject of "supplies"). "The proposed deal" keeps
/// its participle a modifier.
fn main_verb_as_modifier(tree: &Tree<'_>, i: usize) -> bool {
    let root_is_verb = root_is_verb(tree);
    let before_is_nominal = i
        .checked_sub(1)
        .and_then(|k| tree.tokens.get(k))
        .is_some_and(|t| matches!(t.upos.as_str(), "NOUN" | "PROPN" | "PRON"));
    // Or the noun has a subject of its own, as only a verb has (not a
    // predicate noun: "X is the host").
    let noun_with_subject = |h: usize| {
        tree.children_with(h, &["nsubj"]).any(|c| c < i)
            && tree.children_with(h, &["cop"]).next().is_none()
    };
    before_is_nominal
        && tree
            .head(i)
            .is_some_and(|h| h > i && (!root_is_verb || noun_with_subject(h)))
}

/// The first of `pats` (one layer's patterns for a trigger) that the trigger's
/// dependents satisfy: specific patterns first, in file order; then the general one.
fn match_in_layer<'c>(
    tree: &Tree<'_>,
    i: usize,
    times: &[Span],
    status_particle: bool,
    pats: impl Iterator<Item = &'c Pattern> + Clone,
) -> Option<(&'c Pattern, Option<usize>)> {
    {
        // Word patterns: the one asking for most words wins, the first in file
        // order among equals.
        let mut best: Option<(&Pattern, usize, Option<usize>)> = None;
        for p in pats.clone() {
            let Complement::Words(w) = &p.with else {
                continue;
            };
            if let Some(post) = match_words(tree, i, w) {
                if best.is_none_or(|(_, n, _)| w.words() > n) {
                    best = Some((p, w.words(), post));
                }
            }
        }
        if let Some((p, _, post)) = best {
            // The complement is the trigger's dependent holding the first word
            // matched after it ("abandon full economic ties": ties).
            let comp = post.and_then(|t| {
                let mut x = t;
                for _ in 0..tree.len() {
                    let h = tree.head(x)?;
                    if h == i {
                        return ["obj", "iobj", "obl", "nmod", "xcomp", "nsubj:pass"]
                            .contains(&tree.base_rel(x))
                            .then_some(x);
                    }
                    x = h;
                }
                None
            });
            return Some((p, comp));
        }
        for p in pats
            .clone()
            .filter(|p| !matches!(p.with, Complement::Any | Complement::Words(_)))
        {
            match &p.with {
                // After every named object (below).
                Complement::Object(w) if w == ANY_OBJECT => {}
                Complement::Object(w) => {
                    // The object's head word, or a word modifying it ("restore full
                    // diplomatic ties" satisfies both `ties` and `diplomatic`).
                    let key = trigger_key(w);
                    // Each of a list of objects ("photographs and other
                    // military intelligence").
                    // (The noun a sentence's verb was taken to modify is its object.)
                    let modified = (tree.base_rel(i) == "amod" && main_verb_as_modifier(tree, i))
                        .then(|| tree.head(i))
                        .flatten();
                    // Two things the parse may hang one step lower: the noun
                    // after a word of quantity ("captured part of a stronghold")
                    // and an infinitive hung on the object rather than on the
                    // verb ("ordered the newspaper to suspend publication").
                    // And a compound's head the parse made the object of its
                    // first noun ("withdraw weapons inspectors" with
                    // "inspectors" under "weapons"): a noun takes no object.
                    let lower = |c: usize| {
                        let lemma = tree.lemma(c).to_lowercase();
                        let partitive = PARTITIVES.contains(&lemma.as_str())
                            || COLLECTIVES
                                .iter()
                                .any(|w| trigger_key(w) == trigger_key(&lemma));
                        let under_object = tree.base_rel(c) == "obj";
                        let noun = tree.tokens.get(c).is_some_and(|t| t.upos == "NOUN");
                        tree.children(c).iter().copied().filter(move |&k| {
                            partitive
                                && tree.base_rel(k) == "nmod"
                                && tree.case_of(k).as_deref() == Some("of")
                                || tree.base_rel(k) == "appos" && hyphenated_modifier(tree, c, k)
                                || under_object
                                    && tree.base_rel(k) == "acl"
                                    && tree
                                        .children_with(k, &["mark"])
                                        .any(|m| tree.lemma(m) == "to")
                                || under_object && noun && tree.base_rel(k) == "obj"
                        })
                    };
                    // (An infinitive the parse took for an adverbial clause is
                    // the verb's complement as well: "declined to meet".)
                    let infinitive = tree.children_with(i, &["advcl"]).filter(|&c| {
                        tree.children_with(c, &["mark"])
                            .any(|m| tree.lemma(m).eq_ignore_ascii_case("to"))
                    });
                    let hit = tree
                        .children_with(i, &["obj", "iobj", "obl", "nmod", "xcomp", "nsubj:pass"])
                        .chain(infinitive)
                        .chain(modified)
                        .flat_map(|c| tree.with_conjuncts(c))
                        .flat_map(|c| std::iter::once(c).chain(lower(c)))
                        .find(|&c| {
                            object_key_is(tree, c, &key)
                                || tree
                                    .children_with(c, &["amod", "compound"])
                                    .any(|m| trigger_key(&tree.lemma(m)) == key)
                        });
                    if let Some(c) = hit {
                        return Some((p, Some(c)));
                    }
                    // A nominal trigger's own modifier ("an air strike").
                    if tree.tokens.get(i).is_some_and(|t| t.upos != "VERB")
                        && tree
                            .children_with(i, &["compound", "amod"])
                            .any(|m| trigger_key(&tree.lemma(m)) == key)
                    {
                        return Some((p, None));
                    }
                }
                // (A status particle, "called off on the day": no "call on".)
                Complement::Prep(_) if status_particle && !p.trigger.contains('_') => {}
                Complement::Prep(w) => {
                    // On the act or on its object ("fired rockets at Israel").
                    let objects = tree.children_with(i, &["obj"]);
                    // Or a clause the word opens ("pushing for the US to
                    // support …" parsed with "for" the clause's marker); not
                    // an infinitive's "to", which is no preposition.
                    let clause = w != "to"
                        && tree.children_with(i, &["advcl"]).any(|c| {
                            tree.children_with(c, &["mark"])
                                .any(|m| tree.lemma(m).eq_ignore_ascii_case(w))
                        });
                    let hit = tree
                        .children_with(i, &["obl", "nmod"])
                        .chain(objects.flat_map(|o| tree.children_with(o, &["nmod"])))
                        .find(|&c| tree.case_of(c).as_deref() == Some(w.as_str()));
                    if clause {
                        return Some((p, None));
                    }
                    if hit.is_some() {
                        return Some((p, None));
                    }
                }
                Complement::JointSubject => {
                    // "Duterte and Obama", "the two leaders", "both men".
                    let joint = tree.children_with(i, &["nsubj"]).any(|c| {
                        tree.children_with(c, &["conj"]).next().is_some()
                            || tree.children_with(c, &["nummod", "det"]).any(|d| {
                                matches!(tree.lemma(d).to_lowercase().as_str(), "two" | "both")
                            })
                    });
                    if joint {
                        return Some((p, None));
                    }
                }
                Complement::Any | Complement::Words(_) => {}
            }
        }
        // Any object: a line naming its object wins ("lift the blockade"), and
        // this one wins over the general line. A time the parse took for an
        // object ("he returns next Wednesday") is none.
        if tree.children_with(i, &["obj"]).any(|o| {
            tree.tokens
                .get(o)
                .is_some_and(|t| !times.iter().any(|x| x.overlaps(t.span)))
        }) {
            if let Some(p) = pats
                .clone()
                .find(|p| matches!(&p.with, Complement::Object(w) if w == ANY_OBJECT))
            {
                return Some((p, None));
            }
        }
        if let Some(p) = pats.clone().find(|p| p.with == Complement::Any) {
            return Some((p, None));
        }
    }
    None
}

/// Whether `c` opens a hyphenated modifier of `k` that the parse took for
/// `k`'s head ("a surface-to-air missile" read as "surface", with "missile"
/// its apposition): the words from `c` up to `k` are written together with
/// hyphens, and `k` follows them.
fn hyphenated_modifier(tree: &Tree<'_>, c: usize, k: usize) -> bool {
    if k <= c + 1 {
        return false;
    }
    // The modifier's last word may be a noun of its own before `k`
    // ("surface-to-air" then "missile").
    let Some(words) = tree.tokens.get(c..k) else {
        return false;
    };
    words.windows(2).all(|w| w[0].span.end == w[1].span.start)
        && words.iter().any(|t| t.text == "-")
}

/// Whether token `c` is the word whose trigger key is `key`: by its lemma, or,
/// for a plural noun the lemmatiser left as written ("troops"), by that
/// lemma less its "-s".
fn object_key_is(tree: &Tree<'_>, c: usize, key: &str) -> bool {
    let lemma = tree.lemma(c);
    if trigger_key(&lemma) == key {
        return true;
    }
    tree.tokens.get(c).is_some_and(|t| {
        t.xpos == "NNS" && lemma == t.text.to_lowercase() && !lemma.ends_with("ss")
    }) && lemma
        .strip_suffix('s')
        .is_some_and(|stem| trigger_key(stem) == key)
}

/// Whether the words around trigger `i` fit a verb dictionary's word pattern:
/// each slot in order, slots before the verb ending before it and slots after
/// it starting after it, a slot joined by `_` right after the one before, any
/// other within a few words of it. The first word matched after the verb, if
/// any, is returned (`Some(None)` when the pattern asks only for words before it).
fn match_words(tree: &Tree<'_>, i: usize, w: &WordPattern) -> Option<Option<usize>> {
    /// How far an unjoined slot may stand from the one before it.
    const GAP: usize = 8;
    let v = w.slots.iter().position(|s| s.verb)?;
    let toks = &tree.tokens;
    let word_at = |k: usize, word: &str| {
        // `%`: a word of a list of nominals ("the Philippines and France").
        if word == "%" {
            return toks.get(k).is_some_and(|t| {
                matches!(t.upos.as_str(), "NOUN" | "PROPN" | "PRON")
                    && (tree.base_rel(k) == "conj"
                        || tree.children_with(k, &["conj"]).next().is_some())
            });
        }
        toks.get(k).is_some_and(|t| {
            let text = t.text.to_lowercase();
            text == word
                || t.lemma.to_lowercase() == word
                || (word.len() > 3 && trigger_key(&t.lemma) == trigger_key(word))
        })
    };
    // A bound on the work one pattern may cost: synsets of many phrases and
    // many unjoined slots would otherwise backtrack without end on long
    // sentences. Past it, the pattern does not match.
    let budget = std::cell::Cell::new(20_000usize);
    let phrase_at = |k: usize, ph: &[String]| {
        let left = budget.get();
        if left == 0 {
            return false;
        }
        budget.set(left - 1);
        ph.iter().enumerate().all(|(j, x)| word_at(k + j, x))
    };
    // Slots after the verb, left to right, with backtracking.
    fn forward(
        slots: &[Slot],
        from: usize,
        n: usize,
        phrase_at: &dyn Fn(usize, &[String]) -> bool,
        first: &mut Option<usize>,
    ) -> bool {
        let Some(slot) = slots.first() else {
            return true;
        };
        let starts: Vec<usize> = if slot.adjacent {
            vec![from]
        } else {
            (from..(from + GAP + 1).min(n)).collect()
        };
        for st in starts {
            for ph in &slot.phrases {
                if st + ph.len() <= n
                    && phrase_at(st, ph)
                    && forward(&slots[1..], st + ph.len(), n, phrase_at, first)
                {
                    if first.is_none_or(|f| st < f) {
                        *first = Some(st);
                    }
                    return true;
                }
            }
        }
        false
    }
    // Slots before the verb, right to left: `end` is one past where the slot
    // must end (or end within GAP of, where not joined to the slot after it).
    fn backward(
        slots: &[Slot],
        end: usize,
        joined_next: bool,
        phrase_at: &dyn Fn(usize, &[String]) -> bool,
    ) -> bool {
        let Some((slot, rest)) = slots.split_last() else {
            return true;
        };
        let ends: Vec<usize> = if joined_next {
            vec![end]
        } else {
            (end.saturating_sub(GAP)..=end).rev().collect()
        };
        for e in ends {
            for ph in &slot.phrases {
                if ph.len() <= e
                    && phrase_at(e - ph.len(), ph)
                    && backward(rest, e - ph.len(), slot.adjacent, phrase_at)
                {
                    return true;
                }
            }
        }
        false
    }
    let n = toks.len();
    let pre = &w.slots[..v];
    if !backward(pre, i, w.slots[v].adjacent, &phrase_at) {
        return None;
    }
    let post = &w.slots[v + 1..];
    let mut first = None;
    if !forward(post, i + 1, n, &phrase_at, &mut first) {
        return None;
    }
    Some(first)
}

/// A party found in an argument: what the knowledge base made of the words.
#[derive(Clone)]
struct Party<'m> {
    mention: &'m ResolvedMention,
}

impl Party<'_> {
    fn actor_ref(&self) -> ActorRef {
        ActorRef {
            text: self.mention.text.clone(),
            span: self.mention.span,
            actor: self.mention.actor.clone(),
            country: self.mention.country.clone(),
            sector: self.mention.sector.clone(),
        }
    }
    fn is_person(&self) -> bool {
        self.mention.kind == MentionKind::Person || self.mention.person.is_some()
    }
}

/// Whether a resolved mention can be a party to an event: a state (or someone
/// acting for one) or an organisation (NATO, the UN, Amnesty International).
fn is_party(m: &ResolvedMention) -> bool {
    // A city, region or venue (Hiroshima, Camp David) is where, never who.
    if m.kind == MentionKind::Place {
        return false;
    }
    m.country.is_some()
        || (matches!(m.kind, MentionKind::Organisation | MentionKind::Coded) && m.actor.is_some())
}

/// The code a party is counted under in `actors`: its country, else its own id.
/// An actor from a user's CAMEO dictionary that names no known country counts
/// under the code's first three letters, CAMEO's country (or IGO/NGO) part.
fn party_code(m: &ResolvedMention) -> Option<String> {
    m.country.clone().or_else(|| match m.kind {
        MentionKind::Organisation => m.actor.clone(),
        MentionKind::Coded => m
            .actor
            .as_ref()
            .map(|a| a.chars().take(3).collect::<String>()),
        _ => None,
    })
}

/// The actors a joint code stands for (a dictionary's `[FRA/DEU]`: one name
/// for several parties acting together), each as `party_code` gives a code.
fn joint_codes(m: &ResolvedMention) -> Option<Vec<String>> {
    let actor = m.actor.as_deref()?;
    actor.contains('/').then(|| {
        actor
            .split('/')
            .filter(|a| !a.is_empty())
            .map(|a| a.chars().take(3).collect())
            .collect()
    })
}

/// Parties standing in the subtree of `head` (and its conjuncts), in text order.
/// Whether a "with" phrase is "along with" or "together with" (however the
/// parse hung the first word): those it names act too.
fn along_with(tree: &Tree<'_>, c: usize) -> bool {
    let first = tree.subtree(c).into_iter().min().unwrap_or(c);
    tree.lemma(first).eq_ignore_ascii_case("with")
        && first
            .checked_sub(1)
            .is_some_and(|p| matches!(tree.lemma(p).to_lowercase().as_str(), "along" | "together"))
}

/// Whether a clause is set off by a comma right before it (a non-restrictive
/// relative clause, which describes rather than picks out).
fn set_off(tree: &Tree<'_>, k: usize) -> bool {
    let first = tree.subtree(k).into_iter().min().unwrap_or(k);
    first
        .checked_sub(1)
        .and_then(|p| tree.tokens.get(p))
        .is_some_and(|t| t.text == ",")
        || tree.tokens.get(first).is_some_and(|t| t.text == ",")
}

fn parties_under<'m>(
    s: &SentenceCtx<'_, '_>,
    head: usize,
    mentions: &[&'m ResolvedMention],
) -> Vec<Party<'m>> {
    let mut spans: Vec<Span> = Vec::new();
    for h in s.tree.with_conjuncts(head) {
        if let Some(sp) = s.tree.subtree_span(h) {
            spans.push(sp);
        }
    }
    // A clause of time or reason the parse hung inside the phrase ("eased
    // measures … last March, as authorities in Croatia cracked down", with
    // the clause under "March") tells parties of its own.
    let clauses: Vec<Span> = s
        .tree
        .subtree(head)
        .into_iter()
        .filter(|&k| k != head && s.tree.tokens.get(k).is_some_and(|t| t.upos == "VERB"))
        .filter(|&k| {
            s.tree
                .children_with(k, &["mark"])
                .any(|c| SUBORDINATORS.contains(&s.tree.lemma(c).to_lowercase().as_str()))
                // So does a relative clause set off by a comma ("Zelenskyy,
                // who arrived in Japan on a French aircraft, …"): it says
                // more about the person, not who else is party.
                || (s.tree.rel(k) == "acl:relcl" && set_off(s.tree, k))
        })
        .filter_map(|k| s.tree.subtree_span(k))
        .collect();
    let mut out: Vec<Party<'m>> = mentions
        .iter()
        // A name whose last word (its head, in English) stands in the
        // phrase: the parse may hang a first word elsewhere ("Iraqi" of
        // "Iraqi President Saddam Hussein" taken for a clause of its own).
        .filter(|m| {
            spans
                .iter()
                .any(|sp| m.span.end > sp.start && m.span.end <= sp.end)
                && !clauses.iter().any(|c| c.contains(m.span))
                && is_party(m)
        })
        .map(|m| Party { mention: m })
        .collect();
    // Someone "from" a city or region ("a missionary from Calgary", "two
    // doctors from Basra") is of that place's state: the place stands for
    // the person's country, as a nationality would.
    let from_place = |m: &ResolvedMention| {
        let Some(k) = s.tree.tokens.iter().rposition(|t| t.span.end == m.span.end) else {
            return false;
        };
        s.tree.base_rel(k) == "nmod"
            && s.tree.case_of(k).as_deref() == Some("from")
            && s.tree
                .head(k)
                .and_then(|h| s.tree.tokens.get(h))
                .is_some_and(|h| h.upos == "NOUN")
    };
    for m in mentions {
        if m.kind == MentionKind::Place
            && m.country.is_some()
            && spans.iter().any(|sp| sp.contains(m.span))
            && !clauses.iter().any(|c| c.contains(m.span))
            && from_place(m)
        {
            out.push(Party { mention: m });
        }
    }
    // Lists of states defeat parsers ("the leaders of Japan, the Philippines
    // and the United States" parsed with the Philippines as a new clause): the
    // members of a list whose first member is here are here too.
    let mut listed: Vec<Party<'m>> = Vec::new();
    for p in &out {
        for m in list_after(s.input.text, p.mention, mentions) {
            if !out.iter().any(|q| q.mention.span == m.span) {
                listed.push(Party { mention: m });
            }
        }
    }
    out.extend(listed);
    // "ties between Gondor and Osgiliath" parsed with "between" as a
    // subordinator of a later clause and the pair as that clause's subject:
    // "between" is never a subordinator, so the parties it introduces right
    // after the phrase belong to the phrase.
    for sp in &spans {
        for m in parties_between(s, *sp, mentions) {
            if !out.iter().any(|q| q.mention.span == m.span) {
                out.push(Party { mention: m });
            }
        }
    }
    out.sort_by_key(|p| p.mention.span.start);
    // Two states can stand on the same words ("both countries").
    out.dedup_by(|a, b| a.mention.span == b.mention.span && a.mention.country == b.mention.country);
    out
}

/// The parties of a "between" the parse made a subordinator (`mark`) right
/// after the phrase spanning `span`: the first party right after it (a
/// determiner may stand between) and the parties listed after that one.
fn parties_between<'m>(
    s: &SentenceCtx<'_, '_>,
    span: Span,
    mentions: &[&'m ResolvedMention],
) -> Vec<&'m ResolvedMention> {
    let tree = s.tree;
    let Some(b) = tree.tokens.iter().position(|t| t.span.start >= span.end) else {
        return Vec::new();
    };
    if tree.lemma(b) != "between" || tree.base_rel(b) != "mark" {
        return Vec::new();
    }
    let Some(after) = tree.tokens.get(b).map(|t| t.span.end) else {
        return Vec::new();
    };
    let first = mentions
        .iter()
        .copied()
        .filter(|m| is_party(m) && m.span.start >= after)
        .min_by_key(|m| m.span.start)
        .filter(|m| {
            s.input.text.get(after..m.span.start).is_some_and(|gap| {
                let gap = gap.trim().to_lowercase();
                gap.is_empty() || gap == "the"
            })
        });
    let Some(first) = first else {
        return Vec::new();
    };
    let mut out = vec![first];
    out.extend(list_after(s.input.text, first, mentions));
    out
}

/// The parties listed after `first` in the text: "A, B and C", "A and B",
/// "A, B, and C" (with or without "the"). A run of commas counts only when an
/// "and"/"or" closes it, so "In Japan, China said …" is no list.
fn list_after<'m>(
    text: &str,
    first: &ResolvedMention,
    mentions: &[&'m ResolvedMention],
) -> Vec<&'m ResolvedMention> {
    let mut parties: Vec<&'m ResolvedMention> = mentions
        .iter()
        .copied()
        .filter(|m| is_party(m) && m.span.start >= first.span.end)
        .collect();
    parties.sort_by_key(|m| m.span.start);
    parties.dedup_by_key(|m| m.span);
    let mut run: Vec<&'m ResolvedMention> = Vec::new();
    let mut end = first.span.end;
    for m in parties {
        let Some(gap) = text.get(end..m.span.start) else {
            break;
        };
        let gap = gap.trim().to_lowercase();
        let gap = gap
            .strip_suffix(" the")
            .or_else(|| (gap == "the").then_some(""))
            .unwrap_or(&gap)
            .trim()
            .to_string();
        match gap.as_str() {
            "," => {
                run.push(m);
                end = m.span.end;
            }
            "and" | "or" | ", and" | ", or" => {
                if gap.starts_with(',') && run.is_empty() {
                    return Vec::new();
                }
                run.push(m);
                return run;
            }
            // Several mentions over the same words ("both countries").
            "" if m.span.start == end && !run.is_empty() => {}
            _ => return Vec::new(),
        }
    }
    Vec::new()
}

/// The subject of `i`, looking through control verbs ("plan to meet") and
/// coordination ("arrived and met") when `i` has none of its own.
fn subject_of(tree: &Tree<'_>, i: usize) -> Option<(usize, bool)> {
    let mut x = i;
    // Whether the way up went through a control verb's complement: "Obama is
    // being pressured by Congress to help Iran" has Obama help, in the
    // active voice whatever the voice of "pressured" (unless the complement
    // is passive itself: "expected to be attacked").
    let mut controlled = false;
    // The sentence's verb the parse took for a modifier of its object
    // ("Israeli troops attacked rebels" read as "troops, attacked rebels"):
    // the noun phrase just before it is its subject (its head, past a time or
    // place hung on it: "The UK on Monday rejected calls …").
    if tree.base_rel(i) == "amod" && main_verb_as_modifier(tree, i) {
        if let Some(mut k) = i.checked_sub(1) {
            for _ in 0..3 {
                match tree.head(k) {
                    Some(h) if h < k && ["nmod", "obl", "appos"].contains(&tree.base_rel(k)) => {
                        k = h
                    }
                    _ => break,
                }
            }
            return Some((k, false));
        }
    }
    for _ in 0..4 {
        if let Some(s) = tree.children_with(x, &["nsubj", "csubj"]).next() {
            let passive = if controlled {
                tree.children_with(i, &["aux:pass"]).next().is_some()
            } else {
                // (A subject the parse labelled active beside a passive
                // auxiliary, "the request was turned down by …", is passive.)
                tree.rel(s).ends_with(":pass")
                    || tree.children_with(x, &["aux:pass"]).next().is_some()
            };
            return Some((s, passive));
        }
        let rel = tree.base_rel(x);
        // (An infinitive the parse took for an adverbial clause is the same.)
        if rel == "xcomp"
            || rel == "advcl"
                && tree
                    .children_with(x, &["mark"])
                    .any(|m| tree.lemma(m).eq_ignore_ascii_case("to"))
        {
            controlled = true;
        }
        // "the first South Korean defence minister to visit Japan": the noun an
        // infinitive describes is who acts.
        if rel == "acl"
            && tree.rel(x) == "acl"
            && tree
                .children_with(x, &["mark"])
                .any(|m| tree.lemma(m) == "to")
        {
            return tree.head(x).map(|h| (h, false));
        }
        // "there were ten soldiers killed": the noun an existential presents,
        // described by the act's participle, is acted on.
        if x == i && rel == "acl" && tree.tokens.get(x).is_some_and(|t| t.xpos == "VBN") {
            let h = tree.head(x)?;
            let presented = tree.base_rel(h) == "nsubj"
                && tree
                    .head(h)
                    .is_some_and(|v| tree.children_with(v, &["expl"]).next().is_some());
            if presented {
                return Some((h, true));
            }
        }
        // "said after four hours of talks with Erdogan", "after two rounds
        // of talks": the act stands where its measure does.
        if rel == "nmod"
            && tree.case_of(x).as_deref() == Some("of")
            && tree.head(x).is_some_and(|h| {
                matches!(
                    tree.lemma(h).to_lowercase().as_str(),
                    "hour" | "minute" | "day" | "week" | "round" | "series"
                )
            })
        {
            x = tree.head(x)?;
            continue;
        }
        if !["xcomp", "conj", "acl", "advcl", "ccomp"].contains(&rel) {
            // A noun's "subject" is the subject of the verb that takes it as object.
            if ["obj", "obl"].contains(&rel) {
                let h = tree.head(x)?;
                // Who receives an act ("Georgia received assurances from
                // Moscow", "won the backing of …") is acted on, as in the passive.
                if rel == "obj" && RECEIVING.contains(&tree.lemma(h).as_str()) {
                    return tree.children_with(h, &["nsubj"]).next().map(|s| (s, true));
                }
                x = h;
                continue;
            }
            return None;
        }
        x = tree.head(x)?;
    }
    None
}

/// The parties a pronoun subject stands for, where the act is told in a
/// clause that someone says or decides: that someone, the subject of the
/// clause governing the act's (through control and coordination: "said it
/// would try to meet"). A speech verb's subject counts where the pronoun can
/// stand for it ("The Indian navy said it arrested 23 pirates": "it", "they"
/// or "we" for a state or body, "he" or "she" for a person); any other
/// reporter, and a speaker of another kind, only for an impersonal "it",
/// "they" or "we" ("Hungary has decided it will support …", "Obama said it
/// would …" of his government).
fn pronoun_subject<'m>(
    s: &SentenceCtx<'_, '_>,
    i: usize,
    subj: usize,
    mentions: &[&'m ResolvedMention],
    previous: &[&'m ResolvedMention],
) -> Vec<Party<'m>> {
    let tree = s.tree;
    let Some(word) = tree
        .tokens
        .get(subj)
        .filter(|t| t.upos == "PRON" || t.upos == "NUM")
        .map(|t| t.text.to_lowercase())
    else {
        return Vec::new();
    };
    // "Zelenskyy, who arrived in Japan …" (whatever the parse made of the
    // clause): "who" is the name right before it.
    if word == "who" {
        let Some(at) = tree.tokens.get(subj).map(|t| t.span.start) else {
            return Vec::new();
        };
        let gap = |m: &ResolvedMention| {
            s.input
                .text
                .get(m.span.end..at)
                .is_some_and(|g| g.chars().all(|c| c == ',' || c.is_whitespace()))
        };
        return mentions
            .iter()
            .filter(|m| m.span.end <= at && gap(m) && is_party(m))
            .map(|&mention| Party { mention })
            .collect();
    }
    // "the two had agreed to restart talks", "when the three met briefly":
    // a bare number for people is the last that many people of different
    // states named before it in the sentence, else the people the last
    // sentence was about.
    let many = match word.as_str() {
        "two" => 2,
        "three" => 3,
        _ => 0,
    };
    let bare_number = many > 0
        && tree.tokens.get(subj).is_some_and(|t| t.upos == "NUM")
        && tree
            .children_with(subj, &["det"])
            .any(|d| tree.lemma(d) == "the")
        && tree
            .children(subj)
            .iter()
            .all(|&c| matches!(tree.base_rel(c), "det" | "punct"));
    if bare_number {
        let at = tree.tokens.get(subj).map_or(0, |t| t.span.start);
        let mut chosen: Vec<&'m ResolvedMention> = Vec::new();
        for m in mentions
            .iter()
            .rev()
            .filter(|m| m.span.end <= at && m.person.is_some())
        {
            if m.country.is_some() && chosen.iter().all(|c| c.country != m.country) {
                chosen.push(m);
            }
            if chosen.len() == many {
                break;
            }
        }
        if chosen.len() < many && previous.len() >= 2 {
            chosen = previous.to_vec();
        }
        if chosen.len() >= 2 {
            chosen.sort_by_key(|m| m.span.start);
            return chosen
                .into_iter()
                .map(|mention| Party { mention })
                .collect();
        }
        return Vec::new();
    }
    // An object pronoun stands as its subject form would: "fired at it".
    let word = match word.as_str() {
        "him" | "his" => "he".to_string(),
        "her" | "hers" => "she".to_string(),
        "them" => "they".to_string(),
        "us" => "we".to_string(),
        _ => word,
    };
    let personal = matches!(word.as_str(), "he" | "she");
    if !personal && !matches!(word.as_str(), "it" | "they" | "we") {
        return Vec::new();
    }
    // Up from the clause the pronoun is the subject of (a nominal act's verb:
    // "he expected to hold a meeting") to the clause that holds it.
    let clause = tree.head(subj);
    let mut x = i;
    if tree.base_rel(i) == "obj" {
        // The verb taking the act as object, up through control ("expected
        // to hold a meeting"); nothing looser ("says it has evidence Russia
        // was behind the attacks" has "it" say nothing of the attacks).
        let mut v = tree.head(i);
        while let Some(h) = v.filter(|&h| Some(h) != clause && tree.base_rel(h) == "xcomp") {
            v = tree.head(h);
        }
        if v.is_some() && v == clause {
            x = v.unwrap_or(i);
        }
    }
    let mut reporter = None;
    for _ in 0..4 {
        let rel = tree.base_rel(x);
        let Some(h) = tree.head(x) else { break };
        // "said Modi would still come, and that he expected to …": a conjunct
        // opened by "that" is a second thing said, whatever it hangs on.
        let said_too = rel == "conj"
            && tree
                .children_with(x, &["mark"])
                .any(|m| tree.lemma(m).eq_ignore_ascii_case("that"));
        if rel == "ccomp" || said_too {
            reporter = Some(if said_too && tree.base_rel(h) == "ccomp" {
                tree.head(h).unwrap_or(h)
            } else {
                h
            });
            break;
        }
        // A purpose infinitive ("will send a team to help …") has its
        // verb's subject, as a control complement has.
        let purpose = rel == "advcl"
            && tree
                .children_with(x, &["mark"])
                .any(|m| tree.lemma(m).eq_ignore_ascii_case("to"));
        if !["xcomp", "conj"].contains(&rel) && !purpose {
            break;
        }
        x = h;
    }
    let Some(g) = reporter else {
        // "Zelenskyy arrived on Saturday. He also held talks with Modi": a
        // main clause's "he" or "she" with no one named before it in the
        // sentence is the person the last sentence was about.
        let opens = mentions.iter().all(|m| {
            tree.tokens
                .get(subj)
                .is_some_and(|t| m.span.start > t.span.start)
        });
        let mut clause = tree.head(subj);
        while let Some(c) = clause.filter(|&c| ["xcomp", "conj"].contains(&tree.base_rel(c))) {
            clause = tree.head(c);
        }
        let main_clause = clause.is_some_and(|c| tree.head(c).is_none());
        // "he"/"she" is the one person the last sentence was about; "they",
        // the two or more it was about.
        let fits = if personal {
            previous.len() == 1
        } else {
            word == "they" && previous.len() >= 2
        };
        if fits && main_clause && opens {
            return previous.iter().map(|&mention| Party { mention }).collect();
        }
        return Vec::new();
    };
    // A clause the parse hung on a word of the reporting clause ("said
    // afterwards that he had warned …", with "afterwards" taken for an
    // object) is reported by that clause's verb.
    let mut g = g;
    for _ in 0..2 {
        let verb = tree
            .tokens
            .get(g)
            .is_some_and(|t| matches!(t.upos.as_str(), "VERB" | "AUX"));
        match tree.head(g) {
            Some(h) if !verb && ["obj", "advmod", "obl"].contains(&tree.base_rel(g)) => g = h,
            _ => break,
        }
    }
    // "X was quoted as saying he …": the one quoted speaks, whether the parse
    // hangs the clause on "saying" or on "quoted" (not "the paper quoted X",
    // where the paper only reports).
    if tree.lemma(g) == "say" && tree.children_with(g, &["nsubj"]).next().is_none() {
        if let Some(h) = tree
            .head(g)
            .filter(|&h| tree.base_rel(g) == "advcl" && tree.lemma(h) == "quote")
        {
            g = h;
        }
    }
    let quoted =
        tree.lemma(g) == "quote" && tree.children_with(g, &["nsubj:pass"]).next().is_some();
    let Some(speaker) = tree.children_with(g, &["nsubj"]).next() else {
        return Vec::new();
    };
    let parties = parties_under(s, speaker, mentions);
    if quoted || SPEECH.contains(&tree.lemma(g).as_str()) {
        let agreeing: Vec<Party<'m>> = parties
            .iter()
            .filter(|p| (p.mention.kind == MentionKind::Person) == personal)
            .cloned()
            .collect();
        if !agreeing.is_empty() || personal {
            return agreeing;
        }
    }
    if personal {
        Vec::new()
    } else {
        parties
    }
}

fn code_trigger(
    coder: &Coder,
    s: &SentenceCtx<'_, '_>,
    i: usize,
    pattern: &Pattern,
    complement: Option<usize>,
) -> Option<EventMention> {
    let tree = s.tree;
    let trig = tree.tokens.get(i)?;
    if !is_act(coder, s, i, pattern) {
        return None;
    }
    // A code outside the CAMEO table (a user's dictionary may use WEIS or codes
    // of its own) keeps the type the importer gave it, with no mode or context.
    let (table_type, table_mode, context) = match coder.plover.lookup(&pattern.cameo) {
        Some(entry) => entry.clone(),
        None => (pattern.plover?, None, None),
    };
    let event_type = pattern.plover.unwrap_or(table_type);
    let mentions = s.mentions;
    // Helping someone do something ("helped to plan the killings", "for
    // helping militants join a group", "contributed to planning") gives no
    // aid: an aid verb whose complement is another act, with no party helped.
    if event_type == EventType::Aid
        && pattern.kind == TriggerKind::Verb
        && pattern.with == Complement::Any
    {
        let is_verb = |k: usize| tree.tokens.get(k).is_some_and(|t| t.upos == "VERB");
        // (Not a purpose clause: "allocate funds to help with the battle".)
        let verbal = tree
            .children_with(i, &["xcomp", "ccomp", "obl"])
            .any(is_verb)
            // "contributed to planning": "to" with a gerund.
            || tree.children_with(i, &["advcl"]).any(|c| {
                tree.tokens.get(c).is_some_and(|t| t.xpos == "VBG")
                    && tree.children_with(c, &["mark"]).any(|m| tree.lemma(m) == "to")
            })
            // "helping militants join", the second verb hung on the object or,
            // where the helping describes a noun, on that noun's verb.
            || tree
                .children_with(i, &["obj"])
                .any(|o| tree.children_with(o, &["acl", "xcomp"]).any(is_verb))
            || (tree.base_rel(i) == "acl"
                && tree
                    .children_with(tree.head(i).unwrap_or(i), &["xcomp"])
                    .any(|v| v > i && is_verb(v)));
        let helped = tree
            .children_with(i, &["obj", "iobj"])
            .any(|o| !parties_under(s, o, mentions).is_empty());
        if verbal && !helped {
            return None;
        }
    }

    // Arguments.
    let subject = subject_of(tree, i);
    let mut source_side: Vec<Party<'_>> = Vec::new();
    let mut target_side: Vec<Party<'_>> = Vec::new();
    if let Some((subj, passive)) = subject {
        let mut ps = parties_under(s, subj, mentions);
        // A list of subjects the parse split into several ("Fornost and the
        // awful Gondor welcomed …" with "Gondor" a second subject): only words
        // of a list (no verb, an "and" or a comma) stand between them.
        if let Some(h) = tree.head(subj) {
            let listed = |a: usize, b: usize| {
                let (lo, hi) = (a.min(b), a.max(b));
                let between = tree.tokens.get(lo + 1..hi).unwrap_or(&[]);
                between
                    .iter()
                    .all(|t| !matches!(t.upos.as_str(), "VERB" | "AUX"))
                    && between.iter().any(|t| t.upos == "CCONJ" || t.text == ",")
            };
            let more: Vec<usize> = tree
                .children_with(h, &["nsubj"])
                .filter(|&o| o != subj && tree.rel(o) == tree.rel(subj) && listed(subj, o))
                .collect();
            for o in more {
                for p in parties_under(s, o, mentions) {
                    if !ps.iter().any(|q| q.mention.span == p.mention.span) {
                        ps.push(p);
                    }
                }
            }
        }
        // "The Indian navy said it arrested …", "Hungary has decided it will
        // support …": a pronoun subject stands for the clause's reporter.
        if ps.is_empty() {
            ps = pronoun_subject(s, i, subj, mentions, s.previous_topic);
        }
        // Personnel withdrawn with no one named withdrawing them ("UN
        // peacekeepers were shipped out of the enclave", "Russian troops were
        // pulled back"): their owner withdrew them; the place left is acted on.
        let withdrawn = passive
            && ["1661", "1662", "087"]
                .iter()
                .any(|c| pattern.cameo.starts_with(c))
            && tree.children_with(i, &["obl:agent"]).next().is_none();
        // An attack that does the act ("an attack by militants on a Kenyan
        // bus killed 28"): whom its "on" or "against" phrase names is acted on.
        let struck: Vec<Span> = if passive || !attack_noun(coder, tree, subj) {
            Vec::new()
        } else {
            // (The parse may hang the phrase lower: "by militants on a bus".)
            tree.subtree(subj)
                .into_iter()
                .filter(|&c| {
                    c != subj
                        && tree.base_rel(c) == "nmod"
                        && tree
                            .case_of(c)
                            .is_some_and(|p| ["on", "against"].contains(&p.as_str()))
                })
                .filter_map(|c| tree.subtree_span(c))
                .collect()
        };
        // (Not the attacker's own "by" phrase hung inside it: "an attack on a
        // bus by militants".)
        let by: Vec<Span> = tree
            .subtree(subj)
            .into_iter()
            .filter(|&c| tree.base_rel(c) == "nmod" && tree.case_of(c).as_deref() == Some("by"))
            .filter_map(|c| tree.subtree_span(c))
            .collect();
        // (The phrase nearest the party decides: "by militants on a bus".)
        let (on, ps): (Vec<Party<'_>>, Vec<Party<'_>>) = ps.into_iter().partition(|p| {
            let nearest = |spans: &[Span]| {
                spans
                    .iter()
                    .filter(|sp| sp.contains(p.mention.span))
                    .map(|sp| sp.end - sp.start)
                    .min()
            };
            match (nearest(&struck), nearest(&by)) {
                (Some(a), Some(b)) => a < b,
                (Some(_), None) => true,
                _ => false,
            }
        });
        target_side.extend(on);
        if passive && !withdrawn {
            target_side.extend(ps);
        } else {
            source_side.extend(ps);
        }
    }
    // What is discussed is the talk's topic, never a party to it ("to discuss
    // trade, tourism and the Iranian nuclear programme", "discussed North
    // Korea's latest missile launches"): one discusses a thing with someone.
    let topic_verb =
        pattern.kind == TriggerKind::Verb && TOPIC_VERBS.contains(&tree.lemma(i).as_str());
    for c in tree.children_with(i, &["obj", "iobj"]) {
        if topic_verb {
            continue;
        }
        target_side.extend(parties_under(s, c, mentions));
    }
    // "Pompeo thanked Denmark … and discussed closer work in the Arctic",
    // "met Park and discussed North Korea's launches": with no "with" of its
    // own, the talk is with whom the verb it is joined to acts on.
    let with_partner = tree
        .children_with(i, &["obl"])
        .any(|c| tree.case_of(c).as_deref() == Some("with"));
    if topic_verb && !with_partner && tree.base_rel(i) == "conj" {
        if let Some(h) = tree.head(i).filter(|&h| h < i) {
            for c in tree.children_with(h, &["obj"]) {
                target_side.extend(parties_under(s, c, mentions));
            }
        }
    }
    // The sentence's verb taken for a modifier ("tanks shelled positions of
    // the Palestinian forces"): the noun it is said to modify is its object.
    if tree.base_rel(i) == "amod" && main_verb_as_modifier(tree, i) {
        if let Some(h) = tree.head(i) {
            target_side.extend(
                parties_under(s, h, mentions)
                    .into_iter()
                    .filter(|p| p.mention.span.start >= trig.span.end),
            );
        }
    }
    for c in tree.children_with(i, &["obl", "nmod"]) {
        let case = tree.case_of(c).unwrap_or_default();
        // The preposition the pattern itself asks for introduces the one acted
        // on ("fired at Russia"), except a meeting's "in"/"at", which names
        // its place ("arrived in Amman").
        let asked_for = matches!(&pattern.with, Complement::Prep(w) if *w == case);
        // (An arrival's "in", which dyad's own "arrive in" asks for, names
        // the state arrived in, acted on, however a dictionary layered over
        // dyad's codes the verb: its plain "arrive" as an AGREE still arrives
        // somewhere.)
        let arrived_in = case == "in"
            && pattern.kind == TriggerKind::Verb
            && coder
                .patterns
                .for_trigger(TriggerKind::Verb, &tree.lemma(i))
                .iter()
                .any(|p| p.with == Complement::Prep("in".to_string()));
        let asked_for = asked_for || arrived_in;
        let place = event_type == EventType::Consult && ["in", "at"].contains(&case.as_str());
        // (Where the object names who is acted on, the phrase is where:
        // "invited both leaders to Washington".)
        let object_named = || {
            tree.children_with(i, &["obj"])
                .any(|o| !parties_under(s, o, mentions).is_empty())
        };
        if along_with(tree, c) {
            source_side.extend(parties_under(s, c, mentions));
            continue;
        }
        if asked_for && !place {
            if !object_named() {
                target_side.extend(parties_under(s, c, mentions));
            }
            continue;
        }
        // "celebrated Iftar at Osgiliath with the parliament of Gondor": a
        // "with" phrase the parse hung on the meeting's place is whom it met.
        if place {
            for g in tree.children_with(c, &["nmod"]) {
                if tree.case_of(g).as_deref() == Some("with") {
                    target_side.extend(parties_under(s, g, mentions));
                }
            }
        }
        match case.as_str() {
            "by" if subject.is_some_and(|(_, p)| p) => {
                source_side.extend(parties_under(s, c, mentions))
            }
            // "a request from Washington", "an offer from Tokyo": who made it.
            // "the visit of the Chinese minister to Pakistan", "a visit by the
            // minister to Pakistan": a visit's "of" or "by" names the visitor;
            // a "to" phrase the parse hung inside it, the state visited.
            "of" | "by"
                if pattern.kind == TriggerKind::Noun && event_type == EventType::Consult =>
            {
                let to: Vec<Span> = tree
                    .subtree(c)
                    .into_iter()
                    .filter(|&k| k != c && tree.case_of(k).as_deref() == Some("to"))
                    .filter_map(|k| tree.subtree_span(k))
                    .collect();
                for p in parties_under(s, c, mentions) {
                    if to.iter().any(|sp| sp.contains(p.mention.span)) {
                        target_side.push(p);
                    } else {
                        source_side.push(p);
                    }
                }
            }
            "from" | "by" if pattern.kind == TriggerKind::Noun => {
                source_side.extend(parties_under(s, c, mentions))
            }
            // "rejected recent calls by Belarus's rulers", "condemned an attack
            // by rebels": in the active voice, a "by" phrase right after the
            // object is the object's (whose calls, whose attack), which the
            // parse hung on the verb; its parties are acted on.
            "by" if pattern.kind == TriggerKind::Verb && right_after_object(tree, i, c) => {
                target_side.extend(parties_under(s, c, mentions))
            }
            // "were killed in Israeli tank shelling", "died in Saudi air
            // strikes": a passive attack with no agent was done in another
            // attack, whose modifiers name the attacker (not "killed in the
            // Syrian capital": a capital is no attack).
            "in" if event_type == EventType::Assault
                && subject.is_some_and(|(_, p)| p)
                && attack_noun(coder, tree, c) =>
            {
                for m in tree.children_with(c, &["amod", "compound", "nmod:poss"]) {
                    source_side.extend(parties_under(s, m, mentions));
                }
            }
            // "attend the summit along with Modi", "together with Japan": more
            // of those who act, not whom they act on.
            "along" | "together" => source_side.extend(parties_under(s, c, mentions)),
            // A meeting's "on" is its topic or its means ("talks on Ukraine",
            // "arrived on a French aircraft"), never the other side. (Its
            // day may hold a party the parse hung there: "gave a welcome on
            // Thursday to de Klerk".)
            "on" if event_type == EventType::Consult
                && !tree
                    .tokens
                    .get(c)
                    .is_some_and(|t| s.timexes.iter().any(|x| x.span.overlaps(t.span))) => {}
            // "rockets fired from Syria": where an attack comes from, who made it.
            "from" if event_type == EventType::Assault && pattern.kind == TriggerKind::Verb => {
                source_side.extend(parties_under(s, c, mentions))
            }
            "with" | "between" | "among" | "against" | "to" | "on" | "from" | "for" => {
                target_side.extend(parties_under(s, c, mentions))
            }
            // "shipped out of the enclave", "moved away from the border": the
            // place left, as "from" names it.
            "out" | "away"
                if tree
                    .children_with(c, &["case"])
                    .nth(1)
                    .is_some_and(|k| ["of", "from"].contains(&tree.lemma(k).as_str())) =>
            {
                target_side.extend(parties_under(s, c, mentions))
            }
            _ => {}
        }
    }
    // "Israel said a mortar bomb was fired at it": a pronoun acted on, in a
    // clause someone reports, stands for the reporter as a pronoun subject
    // would ("Hungary said it will …").
    if target_side.is_empty() && pattern.kind == TriggerKind::Verb {
        let src: Vec<Span> = source_side.iter().map(|p| p.mention.span).collect();
        for c in tree.children_with(i, &["obj", "obl"]) {
            let case = tree.case_of(c).unwrap_or_default();
            let asked_for = matches!(&pattern.with, Complement::Prep(w) if *w == case);
            if tree.base_rel(c) == "obl" && NOT_TARGETS.contains(&case.as_str()) && !asked_for {
                continue;
            }
            target_side.extend(
                pronoun_subject(s, i, c, mentions, &[])
                    .into_iter()
                    .filter(|p| !src.contains(&p.mention.span)),
            );
        }
    }
    // An attack fired from a territory with no one named firing ("a mortar
    // bomb was fired at Israel from the Gaza Strip") came from the state whose
    // territory it is, as CAMEO coders code it.
    if source_side.is_empty() && event_type == EventType::Assault {
        let from = tree
            .children_with(i, &["obl"])
            .filter(|&c| tree.case_of(c).as_deref() == Some("from"))
            .filter_map(|c| tree.tokens.get(c).map(|t| t.span));
        for head in from.collect::<Vec<Span>>() {
            let tgt: Vec<Option<String>> = target_side
                .iter()
                .map(|p| p.mention.country.clone())
                .collect();
            if let Some(m) = mentions.iter().find(|m| {
                m.span.overlaps(head)
                    && m.person.is_none()
                    && m.country.is_some()
                    && !tgt.contains(&m.country)
                    && matches!(
                        m.kind,
                        MentionKind::Place | MentionKind::Metonym | MentionKind::Country
                    )
            }) {
                source_side.push(Party { mention: m });
                break;
            }
        }
    }
    // An attack told in the passive with no one named doing it, in a state's
    // territory ("an Eriadorian was shot dead in Osgiliath", "soldiers killed
    // in Ukraine"), is coded as that state's, as CAMEO coders code it: only
    // where the ones attacked are named and of another state (a state's own
    // people attacked at home, or victims of no known state, leave the
    // attacker open: reports of one attack that do and do not name the place
    // would otherwise no longer fuse).
    let passive = tree.children_with(i, &["aux:pass"]).next().is_some()
        || tree.base_rel(i) == "acl" && tree.tokens.get(i).is_some_and(|t| t.xpos == "VBN");
    let agent_named = tree
        .children_with(i, &["obl"])
        .any(|c| tree.case_of(c).as_deref() == Some("by"));
    // (So is an arrest: "a missionary was arrested in Lebanon" by Lebanon's
    // authorities.)
    let attack_or_arrest = event_type == EventType::Assault || pattern.cameo.starts_with("173");
    if source_side.is_empty() && attack_or_arrest && passive && !agent_named {
        let tgt: Vec<Option<String>> = target_side
            .iter()
            .map(|p| p.mention.country.clone())
            .collect();
        let places: Vec<Span> = tree
            .children_with(i, &["obl"])
            .filter(|&c| tree.case_of(c).as_deref() == Some("in"))
            .filter_map(|c| tree.subtree_span(c))
            .collect();
        if let Some(m) = mentions.iter().find(|m| {
            places.iter().any(|p| p.contains(m.span))
                && m.person.is_none()
                && m.country.is_some()
                && tgt.iter().any(Option::is_some)
                && !tgt.contains(&m.country)
                && matches!(
                    m.kind,
                    MentionKind::Place | MentionKind::Metonym | MentionKind::Country
                )
        }) {
            source_side.push(Party { mention: m });
        }
    }
    // A nominal event's own modifiers ("US-Japan talks", "Japanese officials' visit").
    if pattern.kind == TriggerKind::Noun {
        for c in tree.children_with(i, &["amod", "compound", "nmod:poss", "nmod"]) {
            // A possessive's "'s" is no preposition: "Biden's visit" is his.
            if tree.case_of(c).is_none() || tree.base_rel(c) != "nmod" || tree.rel(c) == "nmod:poss"
            {
                source_side.extend(parties_under(s, c, mentions));
            }
        }
        // "Trump said his meeting with Kim would be held in Singapore": a
        // possessive pronoun stands for whom a pronoun subject of the noun's
        // clause would (the one who reports it, or the person the text was
        // about), as "he will meet Kim" does.
        // (A venue taken for a side, "his summit with Putin in Helsinki",
        // leaves the possessive to name the one whose act it is.)
        let only_venues = source_side
            .iter()
            .all(|p| p.mention.person.is_none() && matches!(p.mention.kind, MentionKind::Place));
        if only_venues {
            let clause = tree.head(i).unwrap_or(i);
            for c in tree.children_with(i, &["nmod:poss"]) {
                let personal = tree.tokens.get(c).is_some_and(|t| {
                    t.upos == "PRON" && matches!(t.text.to_lowercase().as_str(), "his" | "her")
                });
                if !personal {
                    continue;
                }
                let found = pronoun_subject(s, clause, c, mentions, s.previous_topic);
                if !found.is_empty() {
                    source_side.extend(found);
                    continue;
                }
                // "Trump's performance at his summit with Putin": no clause
                // subject to stand for, so the nearest person named before.
                let at = tree.tokens.get(c).map_or(0, |t| t.span.start);
                if let Some(m) = mentions
                    .iter()
                    .filter(|m| m.span.end <= at && m.person.is_some() && is_party(m))
                    .max_by_key(|m| m.span.end)
                {
                    source_side.push(Party { mention: m });
                }
            }
        }
    }
    if let Some(c) = complement {
        for g in tree.children_with(c, &["amod", "compound", "nmod", "nmod:poss"]) {
            target_side.extend(parties_under(s, g, mentions));
        }
    }
    // A protest told by its noun ("a hunger strike in protest of the
    // government's refusal", "a strike against the new law"): what it is in
    // protest of or against names whom it is aimed at, as for the verb that
    // stages it.
    if pattern.kind == TriggerKind::Noun
        && event_type == EventType::Protest
        && target_side.is_empty()
    {
        for c in tree.children_with(i, &["nmod"]) {
            let case = tree.case_of(c).unwrap_or_default();
            let in_protest = case == "in" && tree.lemma(c).eq_ignore_ascii_case("protest");
            if in_protest || ["against", "over"].contains(&case.as_str()) {
                target_side.extend(parties_under(s, c, mentions));
            }
        }
    }
    // "threatened to break relations with Russia", "refused to commit aid to the
    // war": the act's target stands in the clause it governs. (Not a
    // journey's: "arrived in Hiroshima to join the G7 talks" visits the host;
    // joining the talks is an act of its own.)
    if target_side.is_empty() && pattern.cameo != "042" {
        // An infinitive the parse took for an adverbial clause ("threatened
        // … to break relations with Russia") is the same complement.
        let complements: Vec<usize> = tree
            .children_with(i, &["xcomp", "ccomp", "advcl"])
            .filter(|&c| {
                tree.base_rel(c) != "advcl"
                    || tree
                        .children_with(c, &["mark"])
                        .any(|m| tree.lemma(m) == "to")
            })
            .collect();
        for c in complements {
            let own_subject = tree.children_with(c, &["nsubj"]).next();
            if let Some(subj) = own_subject {
                // "demanded that the Sudanese government end …": the one asked.
                target_side.extend(parties_under(s, subj, mentions));
            }
            for g in tree.children_with(c, &["obj", "iobj", "obl", "nmod"]) {
                target_side.extend(parties_under(s, g, mentions));
            }
            if !target_side.is_empty() {
                break;
            }
        }
        let src: Vec<Span> = source_side.iter().map(|p| p.mention.span).collect();
        target_side.retain(|p| !src.contains(&p.mention.span));
    }
    // Still no one acted on: a party in any other complement of the act
    // ("denounced as a crime Serbia's suppression of …"), but not in one of
    // place or time ("in Beijing", "since the war").
    // (Never for a meeting or visit: its other side must be said, and a visit's
    // host comes from its place.)
    let meeting = coder
        .plover
        .lookup(&pattern.cameo)
        .is_some_and(|p| p.0 == EventType::Consult)
        || pattern.plover == Some(EventType::Consult);
    if target_side.is_empty() && pattern.roles == Roles::SubjObj && !meeting {
        for c in tree.children_with(i, &["obl", "nmod"]) {
            let case = tree.case_of(c).unwrap_or_default();
            if NOT_TARGETS.contains(&case.as_str()) {
                continue;
            }
            target_side.extend(parties_under(s, c, mentions));
        }
        let src: Vec<Span> = source_side.iter().map(|p| p.mention.span).collect();
        target_side.retain(|p| !src.contains(&p.mention.span));
    }
    // A passive act whose agent the parse hung lower down ("has been accused
    // of misusing funds … by current government officials"): the first "by"
    // phrase under the act names who did it.
    if source_side.is_empty() && subject.is_some_and(|(_, passive)| passive) {
        let subj_span = subject.and_then(|(sj, _)| tree.subtree_span(sj));
        if let Some(agent) = tree.subtree(i).into_iter().find(|&c| {
            c != i
                && ["obl", "nmod"].contains(&tree.base_rel(c))
                && tree.case_of(c).as_deref() == Some("by")
                && !subj_span.is_some_and(|sp| tree.subtree_span(c).is_some_and(|x| sp.contains(x)))
        }) {
            source_side.extend(parties_under(s, agent, mentions));
        }
    }
    // No party as subject of an act on a party in the active voice: the parse
    // lost it ("Human rights watchdog Amnesty International accused …" read with
    // two subjects, "A top U.S. official today praised …" with none). The
    // nearest party before the trigger, with no other act between, that is no
    // target and no aside (a speaker, a time clause), is who acted.
    if source_side.is_empty()
        && !target_side.is_empty()
        && !subject.is_some_and(|(_, passive)| passive)
        && pattern.roles == Roles::SubjObj
    {
        let aside = asides(coder, tree, trig.span);
        let tgt: Vec<Span> = target_side.iter().map(|p| p.mention.span).collect();
        let acts_between = |from: usize| {
            s.triggers.iter().any(|&t| {
                t != i
                    && tree
                        .tokens
                        .get(t)
                        .is_some_and(|x| x.span.start >= from && x.span.end <= trig.span.start)
            })
        };
        if let Some(m) = mentions
            .iter()
            .filter(|m| is_party(m) && m.span.end <= trig.span.start)
            .filter(|m| !tgt.contains(&m.span) && !aside.iter().any(|a| a.contains(m.span)))
            .max_by_key(|m| m.span.start)
            .filter(|m| !acts_between(m.span.end))
        {
            source_side.push(Party { mention: m });
        }
    }
    // No one acted on where the act has a party acting: the parse lost the
    // object ("accused the United States of …" read as a second subject,
    // "wounded two British soldiers" as a clause of its own). The first party
    // after the trigger, with no other act between, that no place or time
    // preposition introduces and that is no aside, is the target.
    if target_side.is_empty()
        && !source_side.is_empty()
        && pattern.roles == Roles::SubjObj
        && !meeting
    {
        let aside = asides(coder, tree, trig.span);
        // One fires or strikes at a party ("fired two shells at Zealand").
        let not_targets: &[&str] = if event_type == EventType::Assault {
            &NOT_TARGETS[1..]
        } else {
            NOT_TARGETS
        };
        let src: Vec<Span> = source_side.iter().map(|p| p.mention.span).collect();
        let first_after = mentions
            .iter()
            .filter(|m| m.span.start >= trig.span.end && !src.contains(&m.span))
            .min_by_key(|m| m.span.start);
        if let Some(m) = first_after.filter(|m| {
            is_party(m)
                && !aside.iter().any(|a| a.contains(m.span))
                && !s.triggers.iter().any(|&t| {
                    t != i
                        && tree.tokens.get(t).is_some_and(|x| {
                            x.span.start >= trig.span.end && x.span.end <= m.span.start
                        })
                })
                && !introduced_by(tree, m.span, not_targets)
        }) {
            target_side.push(Party { mention: m });
        }
    }
    // Persons and states among the parties.
    let mut all: Vec<Party<'_>> = source_side
        .iter()
        .chain(target_side.iter())
        .cloned()
        .collect();
    all.sort_by_key(|p| p.mention.span.start);
    all.dedup_by(|a, b| a.mention.span == b.mention.span && a.mention.country == b.mention.country);
    // A meeting's people: office-holders the sentence names nearer to this
    // trigger than to any other. The parse of a long list of names ("will meet
    // Indian Foreign Minister S. Jaishankar and Australia's Penny Wong, their
    // counterparts …") is where parsers fail most; who sits nearest is robust.
    if event_type == EventType::Consult && pattern.roles == Roles::Joint {
        let aside = asides(coder, tree, trig.span);
        for m in mentions
            .iter()
            .filter(|m| m.person.is_some() && m.country.is_some())
            .filter(|m| !aside.iter().any(|sp| sp.contains(m.span)))
        {
            if all.iter().any(|p| p.mention.span == m.span) {
                continue;
            }
            if nearest_trigger(s, m.span) == Some(i) {
                all.push(Party { mention: m });
            }
        }
        all.sort_by_key(|p| p.mention.span.start);
    }
    if all.is_empty() && pattern.roles == Roles::Joint {
        // The parse gave no arguments: a joint event between the states the
        // sentence names, less those who only report or time it.
        let aside = asides(coder, tree, trig.span);
        // (Nor those of what is discussed, here or in a clause beside it:
        // "met Park and discussed North Korea's launches".)
        let topic: Vec<Span> = (0..tree.len())
            .filter(|&v| {
                tree.tokens.get(v).is_some_and(|t| t.upos == "VERB")
                    && TOPIC_VERBS.contains(&tree.lemma(v).as_str())
            })
            .flat_map(|v| tree.children_with(v, &["obj"]))
            .filter_map(|c| tree.subtree_span(c))
            .collect();
        all = mentions
            .iter()
            .filter(|m| is_party(m) && !aside.iter().any(|sp| sp.contains(m.span)))
            .filter(|m| !topic.iter().any(|sp| sp.contains(m.span)))
            .map(|m| Party { mention: m })
            .collect();
    }
    let countries = |ps: &[Party<'_>]| -> Vec<String> {
        let mut c: Vec<String> = ps
            .iter()
            .flat_map(|p| {
                joint_codes(p.mention)
                    .unwrap_or_else(|| party_code(p.mention).into_iter().collect())
            })
            .collect();
        c.sort();
        c.dedup();
        c
    };
    let mut actors = countries(&all);
    if actors.is_empty() {
        return None;
    }
    // A grouping's own meeting ("the G7 summit", "the summit of the Quad") is a
    // meeting of its members: they are the parties, beside the grouping.
    // So is a meeting the grouping's leaders hold among themselves ("G7 leaders
    // met in Hiroshima", "leaders of the Quad gathered"): a verb with the
    // grouping in its subject and nobody else met.
    let alone = tree.children_with(i, &["obj", "iobj"]).next().is_none()
        && !tree
            .children_with(i, &["obl"])
            .any(|c| matches!(tree.case_of(c).as_deref(), Some("with") | Some("to")));
    // "held a leaders' summit of the Quad": the meeting named as the verb's
    // object is the grouping's own, as "the Quad summit" would be.
    // ("host the next Quad summit": any object that names a meeting.)
    let meeting_objects: Vec<usize> = if pattern.kind == TriggerKind::Verb {
        tree.children_with(i, &["obj"])
            .filter(|&o| {
                matches!(&pattern.with, Complement::Object(w) if tree.lemma(o).eq_ignore_ascii_case(w))
                    || coder
                        .patterns
                        .of_word(TriggerKind::Noun, &tree.lemma(o))
                        .iter()
                        .any(|p| pattern_type(coder, p) == Some(EventType::Consult))
            })
            .collect()
    } else {
        Vec::new()
    };
    let grouping_meets = event_type == EventType::Consult
        && (pattern.kind == TriggerKind::Noun || alone || !meeting_objects.is_empty());
    if grouping_meets {
        let nominal_own = |n: usize| {
            tree.children_with(n, &["compound", "nmod:poss", "amod", "nmod"])
                .filter(|&c| {
                    tree.base_rel(c) != "nmod"
                        || tree.rel(c) == "nmod:poss"
                        || tree.case_of(c).as_deref() == Some("of")
                })
                .filter_map(|c| tree.subtree_span(c))
                .collect::<Vec<Span>>()
        };
        let own: Vec<Span> = if pattern.kind == TriggerKind::Noun {
            nominal_own(i)
        } else if !meeting_objects.is_empty() {
            meeting_objects
                .iter()
                .flat_map(|&o| nominal_own(o))
                .collect()
        } else {
            tree.children_with(i, &["nsubj"])
                .filter_map(|c| tree.subtree_span(c))
                .collect()
        };
        for m in mentions.iter().filter(|m| {
            m.kind == MentionKind::Organisation && own.iter().any(|sp| sp.contains(m.span))
        }) {
            let members = m
                .actor
                .as_deref()
                .and_then(|code| s.input.kb.organisation(code))
                .map(|o| o.members.clone())
                .unwrap_or_default();
            for c in members {
                if !actors.contains(&c) {
                    actors.push(c);
                }
            }
        }
        actors.sort();
    }
    if no_meeting(coder, tree, i, pattern) {
        return None;
    }
    // "… until their demands are met": "met" in the passive with no one
    // meeting ("by …") is a task fulfilled, whatever the parse made its subject.
    if event_type == EventType::Consult
        && pattern.kind == TriggerKind::Verb
        && trigger_key(&tree.lemma(i)) == trigger_key("meet")
        && tree.children_with(i, &["aux:pass"]).next().is_some()
        && tree
            .children_with(i, &["obl", "nsubj"])
            .all(|c| tree.rel(c) != "obl:agent" && tree.case_of(c).as_deref() != Some("by"))
    {
        return None;
    }

    // Date.
    let date = event_date(coder, s, i, event_type == EventType::Consult);

    // Status.
    let status = event_status(coder, s, i, date.as_ref(), event_type == EventType::Consult);
    // "had been due to meet … on Friday": a plan told in the pluperfect was
    // for the weekday gone by, as the temporal stage read it.
    let pluperfect = std::iter::successors(Some(i), |&x| tree.head(x))
        .take(3)
        .any(|x| {
            tree.children_with(x, &["aux"]).any(|a| {
                tree.lemma(a) == "have"
                    && tree
                        .tokens
                        .get(a)
                        .is_some_and(|t| t.feat("Tense") == Some("Past"))
            })
        });
    let date = date.map(|d| {
        if pluperfect {
            weekday_gone_by(d, s.published)
        } else {
            weekday_of_plan(d, status, s.published)
        }
    });
    let on = date
        .as_ref()
        .and_then(|d| d.start.map(|v| v.date))
        .or(s.published);

    // Place and mode.
    let (location, remote) = event_location(coder, s, i);
    // A meeting's venue is no party to it where others meet there: "go ahead
    // with the meeting in Singapore" is between the two sides, not with the
    // city-state whose name is also a country's. (A state named as a party
    // elsewhere in the sentence stays one.)
    if event_type == EventType::Consult {
        if let Some((span, c)) = location
            .as_ref()
            .and_then(|l| l.country.clone().map(|c| (l.span, c)))
        {
            let elsewhere = all.iter().any(|p| {
                p.mention.span != span && p.mention.country.as_deref() == Some(c.as_str())
            });
            let others: std::collections::BTreeSet<&str> = all
                .iter()
                .filter(|p| p.mention.span != span)
                .filter_map(|p| p.mention.country.as_deref())
                .collect();
            // (Not the state a visit goes to: "his trip to Indonesia and
            // Australia" is hosted by both.)
            let visited = pattern.cameo.starts_with("042")
                && target_side.iter().any(|p| p.mention.span == span);
            if !elsewhere && !visited && others.len() >= 2 {
                all.retain(|p| p.mention.span != span);
                source_side.retain(|p| p.mention.span != span);
                target_side.retain(|p| p.mention.span != span);
                actors.retain(|a| *a != c);
            }
        }
    }
    // A meeting in a capital with one named side ("joined the talks in Tokyo"):
    // the government seated there is the other. Not for other venues (talks
    // in Geneva or Muscat are often hosted by a third party).
    if event_type == EventType::Consult && actors.len() == 1 {
        let seat = location.as_ref().and_then(|l| {
            mentions
                .iter()
                .find(|m| m.span == l.span && m.kind == MentionKind::Metonym)
                .and_then(|m| m.country.clone())
        });
        if let Some(c) = seat.filter(|c| !actors.contains(c)) {
            actors.push(c);
            actors.sort();
        }
    }
    // A visit to a place in another country ("arrived in Amman", "travelled to
    // Sierra Leone") is hosted by that country: PLOVER's target of a visit.
    // "Pelosi visited Taiwan", "a visit to China": the country visited is
    // where the visit took place, where nothing names a place in it.
    let location = match location {
        None if event_type == EventType::Consult && pattern.cameo.starts_with("042") => target_side
            .iter()
            .map(|p| p.mention)
            .find(|m| {
                matches!(m.kind, MentionKind::Country | MentionKind::Metonym)
                    && m.person.is_none()
                    && m.country.is_some()
            })
            .map(place_of)
            // "visit the Fukushima Daiichi nuclear plant": a place named in
            // what is visited.
            .or_else(|| {
                let visited = tree.children_with(i, &["obj"]).next()?;
                let span = tree.subtree_span(visited)?;
                mentions
                    .iter()
                    .find(|m| {
                        m.kind == MentionKind::Place && m.country.is_some() && span.contains(m.span)
                    })
                    .map(|m| place_of(m))
            }),
        other => other,
    };
    let mut host: Option<ActorRef> = None;
    if event_type == EventType::Consult
        && pattern.cameo.starts_with("042")
        && source_side.len() + target_side.len() <= 1
    {
        if let Some(l) = location.as_ref() {
            let visitor = source_side.first().and_then(|p| p.mention.country.clone());
            if let Some(c) = l.country.clone().filter(|c| Some(c) != visitor.as_ref()) {
                if !actors.contains(&c) {
                    actors.push(c.clone());
                    actors.sort();
                }
                host = Some(ActorRef {
                    text: l.text.clone(),
                    span: l.span,
                    actor: Some(c.clone()),
                    country: Some(c),
                    sector: None,
                });
            }
        }
    }
    let mut mode = table_mode;
    let mut cameo = pattern.cameo.clone();
    let has_grouping = all
        .iter()
        .any(|p| p.mention.kind == MentionKind::Organisation)
        || s.tree
            .subtree(i)
            .iter()
            .any(|&t| coder.places.grouping_words.contains(&tree.lemma(t)));
    if event_type == EventType::Consult {
        if remote == Some(Remote::Phone) {
            mode = Some("phone".into());
            cameo = "041".into();
        } else if has_grouping || actors.len() > 2 {
            mode = Some("multilateral".into());
        } else if remote == Some(Remote::Virtual) {
            mode = Some("phone".into());
        } else if let Some(lc) = location.as_ref().and_then(|l| l.country.clone()) {
            if actors.contains(&lc) && actors.len() >= 2 {
                mode = Some("visit".into());
                cameo = "042".into();
            } else if !actors.contains(&lc) && actors.len() >= 2 {
                mode = Some("third-party".into());
                cameo = "044".into();
            }
        }
    }
    // A phone call has no venue: a place the sentence names beside it is a
    // party's ("President Moon of South Korea") or where one caller was.
    let location = if event_type == EventType::Consult && remote == Some(Remote::Phone) {
        None
    } else {
        location
    };

    // Source and target.
    let (mut source, mut target) = match pattern.roles {
        Roles::SubjObj => (
            source_side.first().map(Party::actor_ref),
            target_side.first().map(Party::actor_ref),
        ),
        Roles::ObjSubj => (
            target_side.first().map(Party::actor_ref),
            source_side.first().map(Party::actor_ref),
        ),
        Roles::Joint => {
            let first = all.first();
            let second = all
                .iter()
                .find(|p| p.mention.country != first.and_then(|f| f.mention.country.clone()));
            (first.map(Party::actor_ref), second.map(Party::actor_ref))
        }
    };
    if target.is_none() {
        target = host;
    }
    // An act on no one named, done in or on another state's territory ("will
    // evacuate all 21 settlements in the Gaza Strip", "reimposed blockades in
    // the West Bank", "released the mayor of the West Bank city of Nablus"),
    // is aimed at the state whose territory it is, as CAMEO codes it. Only a
    // place the act's own "in" or its object names: not a meeting's venue
    // ("announced aid at the summit in Hiroshima"), nor its actor's own
    // country.
    if target.is_none() && event_type != EventType::Consult && pattern.roles == Roles::SubjObj {
        let own = source.as_ref().and_then(|a| a.country.clone());
        let in_place = location
            .as_ref()
            .filter(|l| in_own_place(tree, i, l.span))
            .map(|l| (l.text.clone(), l.span, l.country.clone()));
        let on_place = || {
            let objects: Vec<Span> = tree
                .children_with(i, &["obj"])
                .filter_map(|o| tree.subtree_span(o))
                .collect();
            mentions
                .iter()
                .filter(|m| m.kind == MentionKind::Place)
                .find(|m| objects.iter().any(|o| o.contains(m.span)))
                .map(|m| (m.text.clone(), m.span, m.country.clone()))
        };
        // Or the place of a "when" clause that tells how the act was done
        // ("killed 23 people when they blew themselves up in Tel Aviv").
        let when_place = || {
            let places: Vec<Span> = tree
                .children_with(i, &["advcl"])
                .filter(|&w| {
                    tree.children_with(w, &["mark", "advmod"])
                        .any(|m| tree.lemma(m).eq_ignore_ascii_case("when"))
                })
                .flat_map(|w| tree.children_with(w, &["obl"]))
                .filter(|&o| tree.case_of(o).as_deref() == Some("in"))
                .filter_map(|o| tree.subtree_span(o))
                .collect();
            mentions
                .iter()
                .filter(|m| m.kind == MentionKind::Place && m.person.is_none())
                .find(|m| places.iter().any(|p| p.contains(m.span)))
                .map(|m| (m.text.clone(), m.span, m.country.clone()))
        };
        if let Some((text, span, Some(c))) = in_place.or_else(on_place).or_else(when_place) {
            if own.as_ref().is_some_and(|o| *o != c) {
                if !actors.contains(&c) {
                    actors.push(c.clone());
                    actors.sort();
                }
                target = Some(ActorRef {
                    text,
                    span,
                    actor: Some(c.clone()),
                    country: Some(c),
                    sector: None,
                });
            }
        }
    }
    // A visit: the visitor is the party from outside the host country.
    if mode.as_deref() == Some("visit") {
        if let Some(host) = location.as_ref().and_then(|l| l.country.clone()) {
            let visitor = all
                .iter()
                .find(|p| p.mention.country.as_deref() != Some(host.as_str()));
            let hosting = all
                .iter()
                .find(|p| p.mention.country.as_deref() == Some(host.as_str()));
            if let (Some(v), Some(h)) = (visitor, hosting) {
                source = Some(v.actor_ref());
                target = Some(h.actor_ref());
            }
        }
    }

    // Participants: the people among the parties; for a meeting, everyone the
    // sentence gathers into it.
    let mut people: Vec<&ResolvedMention> = all
        .iter()
        .filter(|p| p.is_person())
        .map(|p| p.mention)
        .collect();
    if event_type == EventType::Consult {
        let gathered = tree
            .head(i)
            .filter(|&h| GATHER.contains(&tree.lemma(h).as_str()))
            .map(|h| tree.subtree_span(h));
        let aside = asides(coder, tree, trig.span);
        for m in mentions.iter().filter(|m| m.person.is_some()) {
            let in_gather = gathered.flatten().is_some_and(|sp| sp.contains(m.span));
            // A meeting the parse gave nobody gets the sentence's first person,
            // but not the one reporting it, nor someone in a clause that only
            // times it ("since Kishida became prime minister"). More than one
            // person from outside the parse mostly brought in bystanders.
            let stray = aside.iter().any(|sp| sp.contains(m.span));
            if in_gather || (people.is_empty() && !stray) {
                people.push(m);
            }
        }
    }
    // A meeting "between" two or more people named is theirs alone ("a
    // meeting with Putin, to follow the talks between Blinken and Lavrov").
    let between: Vec<Span> = tree
        .children_with(i, &["nmod"])
        .filter(|&c| tree.case_of(c).as_deref() == Some("between"))
        .filter_map(|c| tree.subtree_span(c))
        .collect();
    let named_between = |m: &ResolvedMention| between.iter().any(|b| b.contains(m.span));
    if event_type == EventType::Consult
        && people
            .iter()
            .filter(|m| named_between(m))
            .map(|m| &m.person)
            .collect::<std::collections::BTreeSet<_>>()
            .len()
            >= 2
    {
        people.retain(|m| named_between(m));
    }
    // Someone named only as whose aide another is ("Biden's national
    // security adviser, Jake Sullivan", "Putin's spokesman") is not there:
    // the aide is.
    people.retain(|m| !aide_owner(tree, mentions, m));
    people.sort_by_key(|m| m.span.start);
    people.dedup_by(|a, b| a.person == b.person);
    let mut participants: Vec<Participant> = people.iter().map(|m| participant(s, m, on)).collect();
    // Who joins, attends or sits in on a meeting ("Pompeo and Lavrov joined
    // the working lunch", "Yellen, who also sat in on the talks") goes along
    // with its principals: a companion, whom fusion does not weigh.
    let attended = if ATTEND.contains(&tree.lemma(i).as_str()) {
        Some(i)
    } else {
        tree.head(i)
            .filter(|&h| ATTEND.contains(&tree.lemma(h).as_str()))
            .filter(|_| matches!(tree.base_rel(i), "obj" | "obl"))
    };
    if event_type == EventType::Consult {
        if let Some(h) = attended {
            let mut who: Vec<Span> = tree
                .children_with(h, &["nsubj"])
                .filter(|&c| tree.tokens.get(c).is_some_and(|t| t.upos != "PRON"))
                .filter_map(|c| tree.subtree_span(c))
                .collect();
            // "Yellen, who also sat in": the one the relative stands for.
            let relative = tree.rel(h) == "acl:relcl"
                || tree
                    .children_with(h, &["nsubj"])
                    .any(|c| tree.lemma(c) == "who");
            if relative {
                who.extend(
                    tree.head(h)
                        .and_then(|n| tree.tokens.get(n))
                        .map(|t| t.span),
                );
            }
            for p in &mut participants {
                if who.iter().any(|w| w.overlaps(p.span)) {
                    p.companion = true;
                }
            }
        }
    }

    // Parties given by office rather than by name ("the ministers sign …").
    let described = subject.and_then(|(subj, passive)| {
        if passive {
            return None;
        }
        let roles = coder.described.roles(&tree.lemma(subj))?;
        let span = tree.subtree_span(subj)?;
        if mentions
            .iter()
            .any(|m| m.person.is_some() && span.contains(m.span))
        {
            return None;
        }
        Some(DescribedParties {
            text: span.slice(s.input.text)?.to_string(),
            span,
            roles: roles.to_vec(),
        })
    });
    let according_to = speaker(s, i);
    let confidence: f32 =
        0.4 + if source.is_some() && target.is_some() {
            0.25
        } else {
            0.0
        } + if date.is_some() { 0.15 } else { 0.0 }
            + if pattern.with != Complement::Any {
                0.1
            } else {
                0.0
            };
    let mut ev = EventMention {
        id: String::new(),
        doc: s.input.doc_id.to_string(),
        sentence: s.sentence.span,
        sentence_text: s
            .sentence
            .span
            .slice(s.input.text)
            .unwrap_or_default()
            .to_string(),
        trigger: trig.span,
        event_type,
        mode,
        context,
        cameo: Some(cameo),
        status,
        source,
        target,
        actors,
        participants,
        date,
        location,
        according_to,
        confidence: confidence.min(0.95),
        published: s.input.published,
        implied_by: None,
        described,
    };
    // One party read as both source and target ("the first delegation to
    // visit Bucharest" read as Bucharest visiting Bucharest) is no dyad the
    // words tell: the parse lost who acted. Where the act's own subject or
    // agent names it ("were released by Chile"), it acted, on no one named.
    // (A joint mention, "their leaders", is two parties.)
    if let (Some(a), Some(b)) = (&ev.source, &ev.target) {
        if a.span == b.span && a.actor == b.actor && a.country == b.country {
            let span = a.span;
            let named_actor = tree
                .children_with(i, &["nsubj", "obl:agent"])
                .filter_map(|c| tree.subtree_span(c))
                .any(|sp| sp.contains(span))
                || introduced_by(tree, span, &["by"]);
            if !named_actor {
                return None;
            }
            ev.target = None;
        }
    }
    restate_speech_act(s, i, &mut ev);
    conditional_threat(s, i, &mut ev);
    protesters_act(coder, s, i, &mut ev);
    arrest_for_wrong(s, i, &mut ev);
    spoken_protest(s, i, &mut ev);
    if pattern.layer == 0 {
        welcomed_act(coder, s, i, &mut ev);
    }
    peacekeepers_arrive(coder, s, i, &mut ev);
    // Military exercises are cooperation only with a partner (CAMEO 062); one
    // party's own exercises are a show of force (CAMEO 150, PLOVER MOBILIZE).
    if pattern.roles == Roles::Joint
        && ev.event_type == EventType::Cooperate
        && ev.cameo.as_deref() == Some("062")
        && ev.actors.len() == 1
    {
        recode(&mut ev, EventType::Mobilize, "150");
        // Held on another state's soil ("exercises in Alaska"), it is shown to
        // that state.
        if ev.target.is_none() {
            target_the_host(&mut ev);
        }
    }
    // A meeting with no named counterpart held on another state's soil ("is
    // to attend a summit in Switzerland", "went to Beijing for talks") is
    // with its host: CAMEO codes the host state as the target, as of a visit.
    if ev.event_type == EventType::Consult && ev.target.is_none() && ev.source.is_some() {
        target_the_host(&mut ev);
    }
    Some(ev)
}

/// Protesters, workers on strike and the like.
const PROTESTERS: &[&str] = &[
    "protester",
    "protestor",
    "demonstrator",
    "rioter",
    "striker",
    "worker",
    "farmer",
    "student",
    "mob",
];

/// Force used or a way blocked by protesters is a protest, as CAMEO codes it:
/// "demonstrators blocked a road", "workers blocked the bridge" obstruct
/// passage (144); "the embassy was stormed by protesters" is a riot (145).
/// Killing stays an assault, and a block by anyone else keeps its code.
fn protesters_act(coder: &Coder, s: &SentenceCtx<'_, '_>, i: usize, ev: &mut EventMention) {
    let tree = s.tree;
    let Some(src) = ev.source.as_ref().map(|a| a.span) else {
        return;
    };
    // The noun the source's words stand in: "protester" of "a Ukrainian
    // protester", or the source itself where it is that noun.
    let Some(last) = tree
        .tokens
        .iter()
        .rposition(|t| t.span.start >= src.start && t.span.end <= src.end)
    else {
        return;
    };
    let noun = if ["amod", "compound", "nmod:poss"].contains(&tree.rel(last)) {
        tree.head(last).unwrap_or(last)
    } else {
        last
    };
    let lemma = tree.lemma(noun);
    if !PROTESTERS.contains(&lemma.trim_end_matches('s')) {
        return;
    }
    let blocking = ["block", "blockade", "barricade"].contains(&tree.lemma(i).as_str());
    let cameo = match ev.event_type {
        _ if blocking => "144",
        EventType::Coerce => "145",
        _ => return,
    };
    recode(ev, EventType::Protest, cameo);
    ev.mode = coder.plover.lookup(cameo).and_then(|e| e.1.clone());
}

/// Peacekeepers arriving in a country ("NATO peacekeeping troops have arrived
/// in Bosnia", "the first UN peacekeepers reached Juba") pay no visit: they
/// bring peacekeeping, CAMEO's military protection (074, PLOVER AID), to the
/// country they arrive in.
fn peacekeepers_arrive(coder: &Coder, s: &SentenceCtx<'_, '_>, i: usize, ev: &mut EventMention) {
    let tree = s.tree;
    if ev.event_type != EventType::Consult
        || !ev.cameo.as_deref().is_some_and(|c| c.starts_with("042"))
    {
        return;
    }
    let Some((subj, false)) = subject_of(tree, i) else {
        return;
    };
    let peacekeepers = tree
        .subtree(subj)
        .iter()
        .any(|&k| tree.lemma(k).to_lowercase().starts_with("peacekeep"));
    if peacekeepers {
        recode(ev, EventType::Aid, "074");
        if let Some((_, mode, context)) = coder.plover.lookup("074") {
            ev.mode = mode.clone();
            ev.context = context.clone();
        }
    }
}

/// An act promised on a condition ("will withdraw its troops unless the
/// president arranges a ceasefire", "threatened to boycott the vote unless …")
/// is, in PLOVER and CAMEO, a THREATEN against whoever must meet the condition.
fn conditional_threat(s: &SentenceCtx<'_, '_>, i: usize, ev: &mut EventMention) {
    let tree = s.tree;
    let Some(clause) = tree.children_with(i, &["advcl"]).find(|&c| {
        tree.children_with(c, &["mark"])
            .any(|m| tree.lemma(m) == "unless")
    }) else {
        return;
    };
    if !matches!(ev.status, EventStatus::Planned | EventStatus::Hypothetical)
        || ev.event_type == EventType::Threaten
    {
        return;
    }
    let mut parties: Vec<Party<'_>> = Vec::new();
    if let Some(subj) = tree.children_with(clause, &["nsubj"]).next() {
        parties = parties_under(s, subj, s.mentions);
    }
    let source_country = ev.source.as_ref().and_then(|a| a.country.clone());
    if let Some(p) = parties
        .iter()
        .find(|p| p.mention.country.is_some() && p.mention.country != source_country)
    {
        ev.target = Some(p.actor_ref());
        if let Some(c) = p.mention.country.clone() {
            add_actor(ev, c);
        }
    }
    recode(ev, EventType::Threaten, "130");
    ev.context = None;
}

/// Words of quantity whose "of" phrase names what is meant ("part of a
/// stronghold").
const PARTITIVES: &[&str] = &[
    "part", "parts", "most", "much", "half", "rest", "portion", "some",
];

/// Nouns of a body of people whose "of" phrase names who they are ("a
/// mission of observers", "a team of inspectors"): what is sent, received or
/// withdrawn is those people.
const COLLECTIVES: &[&str] = &[
    "team",
    "mission",
    "group",
    "contingent",
    "delegation",
    "unit",
    "batch",
];

/// Nouns of a charge that an arrest is made "on" or "over" ("jailed on
/// allegations of treason", "detained on suspicion of spying").
const CHARGES: &[&str] = &["charge", "allegation", "accusation", "suspicion"];

/// An arrest told with the wrong it punishes ("jailed 52 members on
/// allegations of treason", "arrested for collaborating with Israel") is, in
/// PLOVER's gold records, the arrester accusing the arrested (ACCUSE); the
/// CAMEO code (173, arrest or charge) stays. A bare arrest stays COERCE.
fn arrest_for_wrong(s: &SentenceCtx<'_, '_>, i: usize, ev: &mut EventMention) {
    let tree = s.tree;
    if ev.event_type != EventType::Coerce || ev.cameo.as_deref() != Some("173") {
        return;
    }
    // Within the arrest's own clause: the parse may hang the phrase on the
    // object's name ("jailed 52 members of the Movement … on allegations").
    let own_clause = |c: usize| {
        let mut x = c;
        while let Some(h) = tree.head(x) {
            if ["acl:relcl", "ccomp", "parataxis", "conj", "csubj"].contains(&tree.rel(x)) {
                return false;
            }
            if h == i {
                return true;
            }
            x = h;
        }
        false
    };
    let charged = tree
        .subtree(i)
        .into_iter()
        .filter(|&c| c != i && own_clause(c))
        .any(|c| {
            let case = tree.case_of(c).or_else(|| {
                tree.children_with(c, &["mark"])
                    .next()
                    .map(|m| tree.lemma(m))
            });
            match case.as_deref() {
                Some("on" | "over") => CHARGES.contains(&tree.lemma(c).to_lowercase().as_str()),
                // "for collaborating": a gerund says what was done; "for two
                // weeks", "for questioning" name a time or a purpose.
                // (A gerund the parse took for a noun, "for spying", too.)
                Some("for") => tree.tokens.get(c).is_some_and(|t| {
                    (t.xpos == "VBG" || t.xpos == "NN" && t.text.ends_with("ing"))
                        && !t.lemma.starts_with("question")
                }),
                _ => false,
            }
        });
    if charged {
        ev.event_type = EventType::Accuse;
        ev.mode = None;
        ev.context = None;
    }
}

/// A protest that is said, not staged, is a complaint (PLOVER: "diplomatic
/// protests … are coded as ACCUSE"; CAMEO 114): "protested that …", "…,
/// a rights group protested", "protested to Beijing". Where the one
/// complained of is not named, it is the party the complaint's clause is
/// about ("Croatian authorities are failing …, the group protested").
fn spoken_protest(s: &SentenceCtx<'_, '_>, i: usize, ev: &mut EventMention) {
    let tree = s.tree;
    if ev.event_type != EventType::Protest
        || trigger_key(&tree.lemma(i)) != trigger_key("protest")
        || tree.tokens.get(i).is_none_or(|t| t.upos != "VERB")
    {
        return;
    }
    // The reporting clause after what was said ("…, the group protested"),
    // whatever the parse hung it on: its subject follows a comma, and the
    // said clause is the sentence's root before it.
    let inverted = || {
        let subj = tree.children_with(i, &["nsubj"]).next()?;
        let start = tree.subtree(subj).first().copied()?;
        let comma = start
            .checked_sub(1)
            .and_then(|k| tree.tokens.get(k))
            .is_some_and(|t| t.text == ",");
        let root = tree.tokens.iter().position(|t| t.head.is_none())?;
        (comma && root < start && tree.head(i).is_some_and(|h| h < start)).then_some(root)
    };
    let clause = tree
        .children_with(i, &["ccomp", "parataxis"])
        .next()
        .or_else(inverted);
    let addressed = tree
        .children_with(i, &["obl"])
        .any(|c| tree.case_of(c).as_deref() == Some("to"));
    if clause.is_none() && !addressed {
        return;
    }
    recode(ev, EventType::Accuse, "114");
    ev.context = None;
    if ev.target.is_none() {
        let about = clause
            .and_then(|c| tree.children_with(c, &["nsubj", "nsubj:pass"]).next())
            .and_then(|subj| {
                let span = tree.subtree_span(subj)?;
                s.mentions
                    .iter()
                    .find(|m| span.contains(m.span) && is_party(m))
                    .map(|m| Party { mention: m }.actor_ref())
            });
        if let Some(t) = about {
            if let Some(code) = t.country.clone().or_else(|| t.actor.clone()) {
                add_actor(ev, code);
            }
            ev.target = Some(t);
        }
    }
}

/// An act welcomed ("welcomed Germany's call for a ceasefire", "the offer
/// was welcomed by Egypt") is endorsed (CAMEO 051), by the one welcoming it,
/// of the one whose act it is: only a visitor welcomed is hosted. (dyad's
/// own reading: a dictionary layered over it keeps its code.)
fn welcomed_act(coder: &Coder, s: &SentenceCtx<'_, '_>, i: usize, ev: &mut EventMention) {
    let tree = s.tree;
    // (A meeting welcomed, "welcomed the visit of the Russian president",
    // is still hosted.)
    let an_act = |o: usize| {
        let kind = match tree.tokens.get(o).map(|t| t.upos.as_str()) {
            Some("NOUN") => TriggerKind::Noun,
            Some("VERB") => TriggerKind::Verb,
            _ => return false,
        };
        let pats = coder.patterns.for_trigger(kind, &tree.lemma(o));
        pats.iter()
            .any(|p| pattern_type(coder, p).is_some_and(|t| t != EventType::Consult))
    };
    if ev.event_type != EventType::Consult
        || trigger_key(&tree.lemma(i)) != trigger_key("welcome")
        || !tree.children_with(i, &["obj", "nsubj:pass"]).any(an_act)
    {
        return;
    }
    recode(ev, EventType::Support, "051");
    ev.context = None;
    // (Read as a hosting, the welcomed one was the source.)
    std::mem::swap(&mut ev.source, &mut ev.target);
}

/// Files a mention under another act (PLOVER's reading of what was said):
/// its type and CAMEO code change, and the old act's mode no longer applies.
fn recode(ev: &mut EventMention, event_type: EventType, cameo: &str) {
    ev.event_type = event_type;
    ev.cameo = Some(cameo.into());
    ev.mode = None;
}

/// Adds a party's code to a mention's actors, keeping them sorted.
fn add_actor(ev: &mut EventMention, code: String) {
    if !ev.actors.contains(&code) {
        ev.actors.push(code);
        ev.actors.sort();
    }
}

/// Whether a trigger tells an act at all. Not: a standing state or habit
/// ("troops are stationed permanently"), an activity named as a topic ("the
/// costs of stationing soldiers"), or a noun modifying another noun ("the
/// discussion paper").
fn is_act(coder: &Coder, s: &SentenceCtx<'_, '_>, i: usize, pattern: &Pattern) -> bool {
    let tree = s.tree;
    let Some(tok) = tree.tokens.get(i) else {
        return false;
    };
    let head_is_trigger = tree.head(i).is_some_and(|h| s.triggers.contains(&h));
    if pattern.kind == TriggerKind::Noun {
        // "unaware of such agreement", "the first such attack since the war":
        // "such" points back at an act told already or at a kind of act,
        // never at a new one.
        if tree
            .children_with(i, &["det", "amod"])
            .any(|d| tree.lemma(d) == "such")
        {
            return false;
        }
        return tree.base_rel(i) != "compound" || head_is_trigger;
    }
    let past = |t: usize| {
        tree.tokens
            .get(t)
            .is_some_and(|t| t.feat("Tense") == Some("Past") && t.feat("VerbForm") == Some("Fin"))
    };
    let past_tense = past(i) || tree.children_with(i, &["aux", "aux:pass"]).any(past);
    // The adverb on the verb, or (parsers misplace it) on one of its
    // complements: "are stationed permanently in Japan".
    let habitual = std::iter::once(i)
        .chain(tree.children_with(i, &["obl", "obj", "advmod"]))
        .flat_map(|x| tree.children_with(x, &["advmod"]).collect::<Vec<_>>())
        .any(|a| coder.status.is_habit(&tree.lemma(a)));
    // Acts summed up to the present ("have until now met only on the
    // margins", "have met twice so far", "to date"): a two-word `habit` row,
    // the word and the one that opens it.
    // (By the word written before it: parsers hang "until" on either.)
    // ("have met since then only on the margins": the parse may hang
    // "then" on the phrase after it.)
    let summed_up = tree
        .children_with(i, &["obl", "advmod", "obl:unmarked"])
        .flat_map(|x| std::iter::once(x).chain(tree.children_with(x, &["advmod"])))
        .any(|x| {
            x.checked_sub(1).is_some_and(|c| {
                let key = format!("{}_{}", tree.lemma(c), tree.lemma(x)).to_lowercase();
                // (Rows are written as the words read: "several_times".)
                let text = |w: usize| tree.tokens.get(w).map_or("", |t| t.text.as_str());
                let written = format!("{}_{}", text(c), text(x)).to_lowercase();
                coder.status.is_habit(&key) || coder.status.is_habit(&written)
            })
        });
    if (habitual || summed_up) && !past_tense {
        return false;
    }
    let gerund = tok.feat("VerbForm") == Some("Ger") || tok.xpos == "VBG";
    let of_a_noun = tree
        .children_with(i, &["mark", "case"])
        .any(|c| tree.lemma(c) == "of")
        && tree
            .head(i)
            .and_then(|h| tree.tokens.get(h))
            .is_some_and(|h| h.upos == "NOUN");
    !(gerund && of_a_noun && !head_is_trigger)
}

/// What one offers another to agree to: turning it down is a rejection.
/// What one "meets" without meeting anyone ("would not meet the demands").
const TERMS_MET: &[&str] = &[
    "demand",
    "condition",
    "requirement",
    "deadline",
    "target",
    "expectation",
    "need",
    "standard",
    "obligation",
    "criterion",
];

const PROPOSALS: &[&str] = &[
    "proposal",
    "offer",
    "request",
    "demand",
    "call",
    "appeal",
    "plan",
    "invitation",
];

/// Words that report what someone holds must happen ("said", "concluded").
const DEMANDING: &[&str] = &["conclude", "insist", "declare", "stress"];

/// Two acts PLOVER codes by what was said rather than what was said about:
/// "Russia said Sudan must return the helicopter" is Russia's REQUEST to Sudan,
/// not a return; "the US said it would not meet the demands" is a REJECT.
fn restate_speech_act(s: &SentenceCtx<'_, '_>, i: usize, ev: &mut EventMention) {
    let tree = s.tree;
    let aux: Vec<String> = tree
        .children_with(i, &["aux"])
        .map(|a| tree.lemma(a))
        .collect();
    let must = |x: usize| {
        tree.children_with(x, &["aux"])
            .any(|a| ["must", "should", "ought"].contains(&tree.lemma(a).as_str()))
    };
    // The obligation may sit on the verb whose purpose the act is ("said the
    // forces must ensure security to allow supplies in": the forces are asked
    // to allow them).
    let mut clause = i;
    for _ in 0..2 {
        let to = tree
            .children_with(clause, &["mark"])
            .any(|m| tree.lemma(m) == "to");
        match tree.head(clause) {
            Some(h)
                if !must(clause) && to && ["xcomp", "advcl"].contains(&tree.base_rel(clause)) =>
            {
                clause = h;
            }
            _ => break,
        }
    }
    let obliged = must(clause);
    let i_said = clause;
    let reported = tree.head(i_said).filter(|&h| {
        tree.base_rel(i_said) == "ccomp"
            && (SPEECH.contains(&tree.lemma(h).as_str())
                || DEMANDING.contains(&tree.lemma(h).as_str()))
    });
    if let (true, Some(h)) = (obliged, reported) {
        let speaker = tree.children_with(h, &["nsubj"]).next().and_then(|subj| {
            let span = tree.subtree_span(subj)?;
            s.mentions
                .iter()
                .find(|m| span.contains(m.span) && is_party(m))
                .map(|m| Party { mention: m }.actor_ref())
        });
        if let Some(speaker) = speaker {
            let asked = ev.source.take();
            if let Some(code) = speaker.country.clone().or_else(|| speaker.actor.clone()) {
                add_actor(ev, code);
            }
            recode(ev, EventType::Request, "100");
            ev.source = Some(speaker);
            ev.target = asked.or(ev.target.take());
            ev.status = EventStatus::Occurred;
            ev.trigger = tree.tokens.get(h).map_or(ev.trigger, |t| t.span);
        }
        return;
    }
    let future = aux
        .iter()
        .any(|a| ["will", "would", "shall"].contains(&a.as_str()));
    // "had not agreed to his proposal", "did not accept the offer": a proposal
    // turned down is rejected, whatever the tense.
    let proposal = ev.event_type == EventType::Agree
        && tree
            .children_with(i, &["obj", "obl"])
            .any(|c| PROPOSALS.contains(&tree.lemma(c).as_str()));
    // "Obama will not hold talks with Duterte": the meeting is off. Told as
    // the meeting's status, so that fusion can join it to the plan it ends;
    // the refusal itself comes back as PLOVER's REJECT (see `plover_intent`).
    // ("would not meet the demands" is no meeting: the coder's REJECT below.)
    let terms_met = tree
        .children_with(i, &["obj"])
        .any(|c| TERMS_MET.contains(&tree.lemma(c).as_str()));
    if ev.status == EventStatus::Denied
        && future
        && !proposal
        && !terms_met
        && ev.target.is_some()
        && ev.event_type == EventType::Consult
    {
        ev.status = EventStatus::Cancelled;
        return;
    }
    if ev.status == EventStatus::Denied && (future || proposal) {
        let cameo = match ev.event_type {
            EventType::Consult => "125",
            EventType::Aid => "122",
            EventType::Concede | EventType::Retreat => "124",
            EventType::Agree | EventType::Support | EventType::Cooperate => "120",
            _ => return,
        };
        recode(ev, EventType::Reject, cameo);
        ev.status = EventStatus::Occurred;
    }
}

fn participant(s: &SentenceCtx<'_, '_>, m: &ResolvedMention, on: Option<NaiveDate>) -> Participant {
    // The office on the event's date, and whether the report's title contradicts it.
    let again = on.and_then(|d| {
        s.input
            .kb
            .resolve_span(s.input.text, m.span, d, &mut DocContext::new())
    });
    let m2 = again.as_ref().unwrap_or(m);
    Participant {
        name: m2.person.clone().unwrap_or_else(|| m2.text.clone()),
        span: m.span,
        actor: m2.actor.clone(),
        country: m2.country.clone(),
        role: m2.role_on_date.clone().or_else(|| m2.claimed_role.clone()),
        anachronism: m2.anachronism.as_ref().map(|a| Anachronism {
            claimed_role: a.claimed.role.clone(),
            holder: a.holder.as_ref().map(|h| h.name.clone()),
            person_term: a.term.as_ref().map(|t| (t.start.clone(), t.end.clone())),
            holder_term: a.holder.as_ref().map(|t| (t.start.clone(), t.end.clone())),
            source: a.holder.as_ref().map(|t| t.source.clone()),
        }),
        companion: false,
    }
}

/// The token heading the words of `span`: the one whose head lies outside it.
fn timex_head(tree: &Tree<'_>, span: Span) -> Option<usize> {
    let inside: Vec<usize> = (0..tree.len())
        .filter(|&k| tree.tokens.get(k).is_some_and(|t| span.overlaps(t.span)))
        .collect();
    inside
        .iter()
        .copied()
        .find(|&k| tree.head(k).is_none_or(|h| !inside.contains(&h)))
}

/// The temporal expression attached to the trigger: in its subtree, else in its
/// governors' (nearest first); else the report's day for what it tells as news
/// of the day (present or perfect tense).
fn event_date(
    coder: &Coder,
    s: &SentenceCtx<'_, '_>,
    i: usize,
    meeting: bool,
) -> Option<EventDate> {
    let tree = s.tree;
    // Whether the act is told as put off ("postponed the trip until June").
    let postpones = |x: usize| {
        coder
            .status
            .get(CueWhere::Governor, &phrasal_lemma(tree, x))
            == Some(EventStatus::Postponed)
    };
    let postponing = postpones(i)
        || (matches!(tree.base_rel(i), "obj" | "nsubj:pass")
            && tree.head(i).is_some_and(postpones));
    let usable = |t: &&&dyad_time::Timex| {
        matches!(
            t.kind,
            dyad_time::TimexType::Date | dyad_time::TimexType::Time
        ) && t.grain.is_some()
    };
    // The trigger, the clauses that describe a nominal trigger ("the summit that
    // was to be held next Wednesday"), and the governors it reads its time from,
    // nearest first.
    let mut chain = vec![i];
    let described = described_by(coder, tree, i);
    chain.extend(described.iter().copied());
    let mut x = i;
    let mut steps = 0;
    while steps < 2 {
        steps += 1;
        let Some(h) = tree.head(x) else { break };
        // "at the end of their summit", "on the eve of the talks": a noun
        // that only marks a moment of the act is no step away from it.
        let moment = tree.base_rel(x) == "nmod"
            && tree.case_of(x).as_deref() == Some("of")
            && matches!(
                tree.lemma(h).as_str(),
                "end" | "close" | "conclusion" | "start" | "beginning" | "opening" | "eve"
            );
        if moment {
            steps -= 1;
        }
        // "said on Friday, after spending nearly 90 minutes with Kim Yong
        // Chol": a meeting in a clause of "after" on the verb of a dated
        // clause took place that day, just before (a measured gap, "two days
        // after", is read by `date_by_interval`).
        let just_after = meeting
            && x == i
            && tree.base_rel(x) == "advcl"
            && tree.tokens.get(x).is_some_and(|t| t.upos == "VERB")
            && tree
                .children_with(x, &["mark"])
                .any(|m| tree.lemma(m) == "after")
            && tree.tokens.get(h).is_some_and(|t| t.upos == "VERB");
        if just_after {
            chain.push(h);
            x = h;
            continue;
        }
        // "in Hiroshima the weekend before the Sydney meeting", "days after the
        // summit": the act is the anchor of another time, not timed by it.
        if tree.case_of(x).is_some_and(|c| {
            ["since", "after", "before", "until", "following"].contains(&c.as_str())
        }) {
            break;
        }
        // "agreed on Friday to meet again": the day of the agreement, an act
        // of its own, not of the meeting agreed on. (A plan's own words are no
        // act: "is due on Monday to meet" dates the meeting.)
        let infinitive = tree
            .children_with(x, &["mark"])
            .any(|m| tree.lemma(m) == "to");
        let decides = [CueWhere::Governor, CueWhere::Clause]
            .into_iter()
            .any(|w| coder.status.get(w, &tree.lemma(h)) == Some(EventStatus::Planned));
        if infinitive && decides && s.triggers.contains(&h) {
            break;
        }
        // "…, Kyodo reported on Sunday": the report's time, not the event's.
        // But measures announced ("announced sanctions on Friday", "announced
        // an aid package on Sunday") take effect as they are announced; a
        // meeting announced is still to come.
        let announced_measure =
            !meeting && tree.lemma(h) == "announce" && tree.base_rel(x) == "obj";
        // "said on Sunday …, as he held talks in Seoul": what is told as
        // happening while the words were said happened that day.
        let while_said = matches!(tree.base_rel(x), "advcl" | "conj")
            && tree
                .children_with(x, &["mark"])
                .any(|m| matches!(tree.lemma(m).as_str(), "as" | "while"));
        if SPEECH.contains(&tree.lemma(h).as_str()) && !announced_measure && !while_said {
            break;
        }
        chain.push(h);
        x = h;
    }
    // "agreed on Friday to meet every year": an act that recurs has no one day,
    // and the day of the clause above it is not its day.
    let recurs = s.timexes.iter().any(|t| {
        t.kind == dyad_time::TimexType::Set
            && timex_head(tree, t.span).is_some_and(|top| tree.head(top) == Some(i))
    });
    if recurs {
        return None;
    }
    let mut best: Option<(usize, &dyad_time::Timex)> = None;
    for t in s.timexes.iter().filter(usable) {
        let Some(top) = timex_head(tree, t.span) else {
            continue;
        };
        // "the first talks since October", "after the summit in March": an anchor
        // the event is measured from, not its time.
        // ("since before the 1959 revolution": the phrase the year modifies
        // may carry the word.)
        let modified = tree
            .head(top)
            .filter(|_| matches!(tree.base_rel(top), "nmod" | "compound" | "amod" | "nummod"));
        // ("postponed the trip until June": for a postponement, "until"
        // gives the new time, no anchor.)
        let bound = |w: &str| w == "until" && !postponing;
        let anchor = tree.children_with(top, &["case", "mark"]).any(|c| {
            let w = tree.lemma(c);
            ["since", "after", "before", "following"].contains(&w.as_str()) || bound(&w)
        }) || modified.is_some_and(|x| {
            tree.children_with(x, &["case", "mark"]).any(|c| {
                let w = tree.lemma(c);
                w == "since" || bound(&w)
            })
        });
        // (By the words too: the parse may hang "since" elsewhere, "a visit
        // since 2011 apart from …" with "2011" a subject.)
        let first = (0..tree.len()).find(|&k| {
            tree.tokens
                .get(k)
                .is_some_and(|x| x.span.start >= t.span.start)
        });
        // (Over "the" and "before": "since before the 1959 revolution".)
        let after_anchor_word = first.is_some_and(|f| {
            (f.saturating_sub(3)..f).rev().any(|k| {
                let w = tree.lemma(k).to_lowercase();
                (w == "since" || bound(&w))
                    && (k + 1..f).all(|b| {
                        matches!(
                            tree.lemma(b).to_lowercase().as_str(),
                            "the" | "before" | "early" | "late" | "mid"
                        )
                    })
            })
        });
        if anchor || after_anchor_word {
            continue;
        }
        // The clause the expression belongs to: its nearest verb or trigger above.
        // "according to local media on Sunday" dates the report, not the event.
        let mut owner = tree.head(top);
        let mut steps = 0;
        let mut attributed = false;
        // Whether the expression hangs on a common noun below its clause.
        let mut on_noun = false;
        while let Some(o) = owner {
            attributed |= tree
                .children(o)
                .iter()
                .any(|&c| matches!(tree.lemma(c).as_str(), "accord" | "according"));
            if chain.contains(&o) || tree.tokens.get(o).is_some_and(|t| t.upos == "VERB") {
                break;
            }
            on_noun |= tree.tokens.get(o).is_some_and(|t| t.upos == "NOUN");
            owner = tree.head(o);
            steps += 1;
            if steps > 8 {
                owner = None;
            }
        }
        if attributed {
            continue;
        }
        // "a trip that included a NATO summit in Brussels on Monday": a clause
        // describing the act times it with its own words ("that was to be held
        // next Wednesday"), not with a time on one of its nouns.
        if on_noun && owner.is_some_and(|o| described.contains(&o)) {
            continue;
        }
        // "will hold their first summit since Biden took office in Geneva on
        // June 16": a clause of "since" tells of the past, so a date after the
        // report's day belongs to the clause above it, as the parse could not tell.
        // It goes with the words the clause follows ("their first summit").
        if let (Some(o), Some(p), Some(start)) = (owner, s.published, t.resolved) {
            if since_clause(tree, o) && start.date > p {
                let first = tree.subtree(o).into_iter().min().unwrap_or(o);
                owner = first.checked_sub(1);
                while let Some(w) = owner {
                    if chain.contains(&w) || tree.tokens.get(w).is_some_and(|t| t.upos == "VERB") {
                        break;
                    }
                    owner = tree.head(w);
                }
            }
        }
        // "signed agreements establishing relations with the UAE … on
        // Tuesday": a time the parse hung on a participle describing the act's
        // own object is the act's, ranked after every time on the act itself.
        let rank = owner
            .and_then(|o| chain.iter().position(|&c| c == o))
            .or_else(|| {
                owner
                    .filter(|&o| {
                        o != i
                            && tree.head(o).is_some_and(|h| tree.head(h) == Some(i))
                            && tree.base_rel(o) == "acl"
                            && tree
                                .tokens
                                .get(o)
                                .is_some_and(|t| t.feat("VerbForm") == Some("Part"))
                            && ["obj", "nsubj:pass"]
                                .contains(&tree.base_rel(tree.head(o).unwrap_or(o)))
                            && !s.triggers.contains(&o)
                    })
                    .map(|_| chain.len())
            })
            .or_else(|| {
                // "signed commitments to normalise their ties in the Oval
                // Office on Friday": a day gone by on an infinitive that is
                // no act of its own, under an act told in the past, is that
                // act's (a plan's infinitive, "agreed to meet on Friday", is
                // an act and keeps its day).
                owner
                    .filter(|&o| {
                        tree.head(o) == Some(i)
                            && tree.base_rel(o) == "xcomp"
                            && !s.triggers.contains(&o)
                            && tree
                                .children_with(o, &["mark"])
                                .any(|m| tree.lemma(m) == "to")
                            && tree.tokens.get(i).is_some_and(|t| t.xpos == "VBD")
                            && matches!(
                                (t.resolved, s.published),
                                (Some(r), Some(p)) if r.date <= p
                            )
                    })
                    .map(|_| chain.len())
            });
        let Some(rank) = rank else {
            continue;
        };
        if best.is_none_or(|(r, _)| rank < r) {
            best = Some((rank, t));
        }
    }
    if let Some((_, t)) = best {
        return Some(EventDate {
            text: t.span.slice(s.input.text).map(str::to_string),
            span: Some(t.span),
            value: t.value.clone(),
            grain: t.grain.unwrap_or(Grain::Day),
            start: t.resolved,
        });
    }
    let tok = tree.tokens.get(i)?;
    // A perfect ("has met") is of the report's day; a perfect infinitive
    // ("was to have been the first meeting") is a plan that fell through.
    let infinitive = tree
        .children_with(i, &["mark"])
        .any(|m| tree.lemma(m) == "to");
    let present = tok.feat("Tense") == Some("Pres")
        || (!infinitive
            && tree
                .children_with(i, &["aux"])
                .any(|a| tree.lemma(a) == "have"));
    match (present, s.published) {
        // The report's day, at the grain the report is dated: a report known
        // only to its month says "this month", not its first day.
        (true, Some(p)) => {
            let (value, grain) = match s.input.published.map_or(Grain::Day, |v| v.grain) {
                Grain::Year => (p.format("%Y").to_string(), Grain::Year),
                Grain::Quarter | Grain::Month | Grain::Week => {
                    (p.format("%Y-%m").to_string(), Grain::Month)
                }
                _ => (p.format("%Y-%m-%d").to_string(), Grain::Day),
            };
            Some(EventDate {
                text: None,
                span: None,
                value,
                grain,
                start: Some(DateValue {
                    grain,
                    ..DateValue::day(p)
                }),
            })
        }
        _ => None,
    }
}

/// Whether `k` heads a clause of "since" ("since Biden took office").
fn since_clause(tree: &Tree<'_>, k: usize) -> bool {
    tree.base_rel(k) == "advcl"
        && tree
            .children_with(k, &["mark"])
            .any(|m| tree.lemma(m).eq_ignore_ascii_case("since"))
}

/// A plan dated by a bare weekday ("ahead of a summit at Camp David on
/// Friday") is for the coming one: the temporal stage, reading the tense of the
/// clause around it ("left on Thursday"), may have taken the last.
fn weekday_of_plan(
    date: EventDate,
    status: EventStatus,
    published: Option<NaiveDate>,
) -> EventDate {
    let (Some(start), Some(p)) = (date.start, published) else {
        return date;
    };
    if status != EventStatus::Planned
        || !bare_weekday(&date)
        || date.grain != Grain::Day
        || start.date >= p
    {
        return date;
    }
    let days = (p - start.date).num_days();
    // The last such weekday lies within the week before the report.
    if !(1..=6).contains(&days) {
        return date;
    }
    let Some(ahead) = start.date.checked_add_signed(chrono::Duration::days(7)) else {
        return date;
    };
    EventDate {
        value: ahead.format("%Y-%m-%d").to_string(),
        start: Some(DateValue::day(ahead)),
        ..date
    }
}

/// Whether the date's words are a weekday alone ("Friday").
fn bare_weekday(date: &EventDate) -> bool {
    date.text.as_deref().is_some_and(|t| {
        let w = t.trim().to_lowercase();
        [
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
        ]
        .contains(&w.as_str())
    })
}

/// A bare weekday in a plan told in the pluperfect ("had been due to meet
/// … on Friday") is the one gone by: the temporal stage, reading "due", may
/// have taken the coming one.
fn weekday_gone_by(date: EventDate, published: Option<NaiveDate>) -> EventDate {
    let (Some(start), Some(p)) = (date.start, published) else {
        return date;
    };
    let days = (start.date - p).num_days();
    if !bare_weekday(&date) || date.grain != Grain::Day || !(1..=6).contains(&days) {
        return date;
    }
    let Some(back) = start.date.checked_sub_signed(chrono::Duration::days(7)) else {
        return date;
    };
    EventDate {
        value: back.format("%Y-%m-%d").to_string(),
        start: Some(DateValue::day(back)),
        ..date
    }
}

/// Makes the state an act took place in its target, where that state is not
/// already a party: the place's words are the evidence.
fn target_the_host(ev: &mut EventMention) {
    let Some(l) = ev.location.clone() else {
        return;
    };
    if let Some(c) = l.country.filter(|c| !ev.actors.contains(c)) {
        ev.target = Some(ActorRef {
            text: l.text,
            span: l.span,
            actor: Some(c.clone()),
            country: Some(c.clone()),
            sector: None,
        });
        add_actor(ev, c);
    }
}

fn event_status(
    coder: &Coder,
    s: &SentenceCtx<'_, '_>,
    i: usize,
    date: Option<&EventDate>,
    meeting: bool,
) -> EventStatus {
    let tree = s.tree;
    let cues = &coder.status;
    let negated = |x: usize| {
        tree.children_with(x, &["advmod", "neg"])
            .any(|c| ["not", "never", "n't"].contains(&tree.lemma(c).as_str()))
    };
    let mut found: Option<EventStatus> = None;
    let mut neg = false;
    // Nearest first: the trigger's own modifiers and auxiliaries, then each governor.
    let mut x = i;
    // The relation by which the last step up was taken.
    let mut via = "";
    let mut weak: Option<EventStatus> = None;
    for step in 0..4 {
        if step > 0 {
            let lemma = phrasal_lemma(tree, x);
            // (A meeting announced is to come, whichever way it is told.)
            let clause = meeting || ["ccomp", "xcomp", "advcl", "csubj"].contains(&via);
            // "a visit already postponed twice, and held talks": a bare
            // participle telling a change gone by (the parse may make it
            // the governor) is the history of a noun, no cue for the act.
            let history = tree
                .children_with(x, &["nsubj", "nsubj:pass", "aux", "aux:pass", "cop"])
                .next()
                .is_none()
                && tree.tokens.get(x).is_some_and(|t| t.upos == "VERB")
                && tells_history(tree, x);
            if let Some(st) = cues
                .get(CueWhere::Governor, &lemma)
                .or_else(|| cues.get(CueWhere::Governor, &tree.lemma(x)))
                .or_else(|| clause.then(|| cues.get(CueWhere::Clause, &lemma)).flatten())
                .filter(|_| !history)
            {
                // A governor telling that the act takes place ("attend the
                // summit", "talks began") is the weakest cue: a plan or change
                // of plan that governs it in turn ("is due to attend") wins.
                if st == EventStatus::Occurred {
                    weak = weak.or(Some(st));
                } else {
                    found = Some(st);
                }
            }
            if found.is_none() && negated(x) {
                found = cues
                    .get(CueWhere::Undone, &lemma)
                    .or_else(|| cues.get(CueWhere::Undone, &tree.lemma(x)));
                // "will not take place until next year": not called off but
                // put off, to the time after "until".
                let until = tree.children_with(x, &["obl", "advcl"]).any(|c| {
                    tree.case_of(c).as_deref() == Some("until")
                        || tree
                            .children_with(c, &["mark"])
                            .any(|m| tree.lemma(m) == "until")
                });
                if found == Some(EventStatus::Cancelled) && until {
                    found = Some(EventStatus::Postponed);
                }
            }
        }
        // Negation counts on the act itself and on verbs that take it as their
        // own ("did not agree to meet"), not on what merely mentions it ("did not
        // comment on the meeting").
        if step == 0 || tree.base_rel(i) == "xcomp" && step == 1 {
            neg |= negated(x);
        }
        // A governor telling that the act takes place still has its own tense
        // and mood: "will attend" is a plan.
        if found.is_none() {
            // "Their foreign ministers are to meet": "be" with an infinitive
            // is an arrangement still to come (not "was to have met", a plan
            // that fell through, read elsewhere).
            let be_to = |lem: &str| {
                lem == "be"
                    && tree
                        .children_with(x, &["mark"])
                        .any(|m| tree.lemma(m) == "to")
                    && !tree
                        .children_with(x, &["aux"])
                        .any(|a| tree.lemma(a) == "have")
            };
            for c in tree.children(x) {
                let lem = tree.lemma(*c);
                let st = match tree.base_rel(*c) {
                    "aux" => cues.get(CueWhere::Aux, &lem),
                    "mark" => cues.get(CueWhere::Mark, &lem),
                    // The word as written too: the lemmatiser turns a
                    // participle ("the postponed trip") into its verb.
                    "cop" if be_to(&lem) => Some(EventStatus::Planned),
                    "amod" | "compound" if step == 0 => {
                        cues.get(CueWhere::Modifier, &lem).or_else(|| {
                            let word = tree.tokens.get(*c).map(|t| t.text.to_lowercase());
                            word.and_then(|w| cues.get(CueWhere::Modifier, &w))
                        })
                    }
                    _ => None,
                };
                // "a planned stop" says what the act was meant to be; a verb
                // that governs it may say what became of the plan ("scrapping
                // a planned stop", "postponed the planned talks").
                let planned_modifier = step == 0
                    && st == Some(EventStatus::Planned)
                    && matches!(tree.base_rel(*c), "amod" | "compound");
                if planned_modifier {
                    weak = weak.or(st);
                    continue;
                }
                if st.is_some() {
                    found = st;
                    break;
                }
            }
        }
        if found.is_some() {
            break;
        }
        let rel = tree.base_rel(x);
        let Some(h) = tree.head(x) else { break };
        if ![
            "xcomp", "ccomp", "obj", "nsubj", "obl", "nmod", "csubj", "advcl", "acl", "conj",
        ]
        .contains(&rel)
        {
            break;
        }
        // A reported event keeps its own status: stop at a speech verb.
        if SPEECH.contains(&tree.lemma(h).as_str()) && rel == "ccomp" {
            break;
        }
        // A conjoined or adverbial clause in the past tense with a subject of
        // its own tells its own act ("agreed to meet every year, as the leaders
        // held their first summit"): the governing clause's plan is not its
        // plan. (In the present it may share the plan: "will meet when Tokyo
        // chooses … and the ministers sign the agreement".)
        if matches!(rel, "conj" | "advcl")
            && tree.tokens.get(x).is_some_and(|t| t.xpos == "VBD")
            && tree
                .children_with(x, &["nsubj", "nsubj:pass"])
                .next()
                .is_some()
        {
            break;
        }
        // A meeting that is the setting of the act above it ("agreed …, at a
        // summit in Geneva", "signed the deal during the talks") is where
        // that act took place, not what it plans: it keeps its own time.
        // ("hopes of a breakthrough at their talks": the talks are where the
        // hoped-for act would happen, held whatever the hope.)
        if meeting
            && matches!(rel, "obl" | "nmod")
            && tree
                .case_of(x)
                .is_some_and(|c| matches!(c.as_str(), "at" | "during"))
        {
            break;
        }
        via = rel;
        // Nor does an act named in an attribution ("…, according to an account
        // of the meeting") take the status of the clause it sources.
        if tree
            .case_of(x)
            .is_some_and(|c| matches!(c.as_str(), "according" | "accord"))
        {
            break;
        }
        x = h;
    }
    // "were due later Sunday to hold talks": the infinitive's governor a few
    // words back, for when the parse lost it.
    if found.is_none() && i >= 2 && tree.lemma(i - 1) == "to" {
        found = (i.saturating_sub(6)..i - 1).rev().find_map(|k| {
            let lemma = tree.lemma(k);
            cues.get(CueWhere::Governor, &lemma)
                .or_else(|| cues.get(CueWhere::Clause, &lemma))
        });
    }
    if found.is_none() {
        found = weak;
    }
    // "…wanted to arrange the next meeting by the end of the year, but it is now
    // expected to be postponed": a change of plan told in a clause of its own,
    // about the event as "it".
    if found.is_none() || found == Some(EventStatus::Planned) {
        let mut root = i;
        for _ in 0..5 {
            let rel = tree.base_rel(root);
            match tree.head(root) {
                Some(h)
                    if ["obj", "xcomp", "obl", "nmod", "nsubj", "acl", "compound"]
                        .contains(&rel) =>
                {
                    root = h
                }
                _ => break,
            }
        }
        if let Some(change) = coordinated_change(coder, tree, root) {
            found = Some(change);
        }
    }
    let ahead = match (date.and_then(|d| d.start), s.published) {
        (Some(d), Some(p)) => Some(d.date > p),
        _ => None,
    };
    // "where he was to have met Pacific leaders": a plan told as one that did
    // not go ahead says so itself, whatever plan governs it ("would fly home …,
    // scrapping a stop where he was to have met …").
    let fell_through = tree
        .children_with(i, &["mark"])
        .any(|m| tree.lemma(m) == "to")
        && tree
            .children_with(i, &["aux"])
            .any(|a| tree.lemma(a) == "have")
        && tree.children_with(i, &["aux", "cop"]).any(|a| {
            tree.lemma(a) == "be"
                && tree
                    .tokens
                    .get(a)
                    .is_some_and(|t| t.feat("Tense") == Some("Past"))
        });
    if fell_through
        && matches!(
            found,
            None | Some(EventStatus::Planned | EventStatus::Occurred)
        )
    {
        found = Some(EventStatus::Postponed);
    }
    let status = match found {
        Some(
            st @ (EventStatus::Postponed
            | EventStatus::Cancelled
            | EventStatus::Hypothetical
            | EventStatus::Denied),
        ) => st,
        // A report cannot have seen an act on a day after its own: a governor
        // that reads as done ("attend the summit on Friday") tells a plan.
        Some(EventStatus::Occurred) if ahead == Some(true) => EventStatus::Planned,
        // A plan for a day already past at the report's time reads as a plan
        // still (the report may be late): it stays planned.
        Some(st) => st,
        None => {
            let tok = &tree.tokens[i];
            let progressive = tok.xpos == "VBG"
                && tree
                    .children_with(i, &["aux"])
                    .any(|a| tree.lemma(a) == "be");
            if ahead == Some(true) {
                EventStatus::Planned
            } else if progressive {
                EventStatus::Ongoing
            } else {
                EventStatus::Occurred
            }
        }
    };
    // An act negated is denied, one planned too ("said it would not meet
    // the demands": refused, which `restate_speech_act` reads as a REJECT).
    if neg && matches!(status, EventStatus::Occurred | EventStatus::Planned) {
        EventStatus::Denied
    } else {
        status
    }
}

/// The verbs of clauses that describe a nominal trigger: "the summit [that was
/// to be held in Sydney next Wednesday]", "talks [held in Tokyo]".
fn described_by(coder: &Coder, tree: &Tree<'_>, i: usize) -> Vec<usize> {
    // "the summit, postponed in March, opened on Monday": a change of plan
    // gone by (`tells_history`) is no time of the act.
    let changes_plan = |c: usize| {
        let cue = coder
            .status
            .get(CueWhere::Governor, &phrasal_lemma(tree, c))
            .or_else(|| coder.status.get(CueWhere::Governor, &tree.lemma(c)));
        matches!(cue, Some(EventStatus::Postponed | EventStatus::Cancelled))
    };
    if tree.tokens.get(i).is_none_or(|t| t.upos == "VERB") {
        return Vec::new();
    }
    let mut out = Vec::new();
    // "a visit to Beijing that was due to start on Sunday": the parser often
    // hangs the clause on the place that ends the phrase; a place does not start.
    let places = tree
        .children_with(i, &["nmod"])
        .filter(|&c| tree.tokens.get(c).is_some_and(|t| t.upos == "PROPN"));
    let holders: Vec<usize> = std::iter::once(i).chain(places).collect();
    // "… with Qin Gang, who became foreign minister in December": a clause a
    // person's relative pronoun opens tells of that person, wherever the parser
    // hung it.
    let of_person = |c: usize| {
        tree.children(c).iter().any(|&w| {
            matches!(
                tree.lemma(w).to_lowercase().as_str(),
                "who" | "whom" | "whose"
            )
        })
    };
    // "his first visit since Moscow abandoned the deal in July": a clause of
    // time measures the act from another; it does not describe it.
    let measured_from = |c: usize| {
        tree.children_with(c, &["mark"]).any(|m| {
            matches!(
                tree.lemma(m).as_str(),
                "since" | "after" | "before" | "until" | "following"
            )
        })
    };
    for h in holders {
        for c in tree
            .children_with(h, &["acl"])
            .filter(|&c| !of_person(c) && !measured_from(c))
            .filter(|&c| !(changes_plan(c) && tells_history(tree, c)))
        {
            out.push(c);
            // "was to be held": the time hangs on the complement verb.
            out.extend(tree.children_with(c, &["xcomp"]));
        }
    }
    out
}

/// Whether verb `p` tells something gone by rather than where things stand:
/// a repetition or a "so far" ("twice postponed", "already delayed", "put off
/// several times") or a past time of its own ("postponed earlier this year",
/// "postponed in March", "called off last month"). A postponement so told on
/// an act's noun ("arrived for a visit twice postponed earlier this year";
/// "the summit, postponed in March, opened on Monday") is the act's history:
/// neither its status nor its date. (A time it was moved to, "postponed to
/// March", "until next year", is where the act now stands.)
fn tells_history(tree: &Tree<'_>, p: usize) -> bool {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let repeated = tree.children_with(p, &["advmod"]).any(|c| {
        matches!(
            tree.lemma(c).to_lowercase().as_str(),
            "twice" | "thrice" | "already" | "repeatedly" | "previously" | "earlier" | "once"
        )
    });
    if repeated {
        return true;
    }
    tree.children_with(p, &["obl", "obl:tmod", "obl:unmarked", "nmod:tmod"])
        .any(|c| {
            let case = tree.case_of(c);
            if case
                .as_deref()
                .is_some_and(|k| !matches!(k, "in" | "on" | "during"))
            {
                return false;
            }
            let words: Vec<String> = tree
                .subtree(c)
                .into_iter()
                .map(|k| tree.lemma(k).to_lowercase())
                .collect();
            let has = |w: &str| words.iter().any(|x| x == w);
            // "earlier this year", "last month", "two weeks ago", "several times"
            has("earlier") || has("last") || has("ago") || has("time") && case.is_none()
                // "in March", "in 2019": a month or year, said of a change
                // already made, is when it was made.
                || case.as_deref() == Some("in")
                    && words.iter().any(|w| {
                        MONTHS.contains(&w.as_str())
                            || w.len() == 4 && w.chars().all(|ch| ch.is_ascii_digit())
                    })
        })
}

/// Whether word `x` is negated ("not", "never", "n't") and is a cue that,
/// negated, tells the status of the act it governs rather than an act of its
/// own ("did not rule out talks": the talks are possible).
fn negated_undoing(coder: &Coder, tree: &Tree<'_>, x: usize) -> bool {
    let negated = tree
        .children_with(x, &["advmod", "neg"])
        .any(|c| ["not", "never", "n't"].contains(&tree.lemma(c).as_str()));
    negated
        && coder
            .status
            .get(CueWhere::Undone, &phrasal_lemma(tree, x))
            .is_some()
}

/// A verb's lemma with its particle or fixed complement, as cue files write
/// phrasal verbs: "call_off", "go_ahead", "take_place".
fn phrasal_lemma(tree: &Tree<'_>, x: usize) -> String {
    let lemma = tree.lemma(x);
    let part = tree.children(x).iter().copied().find(|&c| {
        let l = tree.lemma(c);
        tree.rel(c) == "compound:prt"
            || (tree.base_rel(c) == "advmod" && l == "ahead")
            // ("pushed back to next year", "called off": the parse may read
            // the particle right after the verb as an adverb.)
            || (tree.base_rel(c) == "advmod" && c == x + 1 && matches!(l.as_str(), "back" | "off"))
            || (lemma == "take" && tree.base_rel(c) == "obj" && l == "place")
    });
    match part {
        Some(p) => format!("{lemma}_{}", tree.lemma(p)),
        None => lemma,
    }
}

/// A postponement or cancellation in a clause coordinated with `clause`, whose
/// subject is a pronoun standing for the event (or is left out).
fn coordinated_change(coder: &Coder, tree: &Tree<'_>, clause: usize) -> Option<EventStatus> {
    let mut heads = vec![clause];
    if tree.base_rel(clause) == "conj" {
        heads.extend(tree.head(clause));
    }
    for h in heads {
        for c in tree.children_with(h, &["conj", "parataxis"]) {
            let pronoun_subject = tree
                .children_with(c, &["nsubj"])
                .all(|n| tree.tokens.get(n).is_some_and(|t| t.upos == "PRON"));
            if !pronoun_subject {
                continue;
            }
            // "arrived for a visit twice postponed earlier this year": a bare
            // participle (no subject, no auxiliary) telling a change gone by
            // describes the act's noun, which the parse lost; the act's own
            // clause tells where it stands.
            let bare = tree
                .children_with(c, &["nsubj", "nsubj:pass", "aux", "aux:pass", "cop"])
                .next()
                .is_none();
            if bare && tells_history(tree, c) {
                continue;
            }
            // The clause's verb, or one it takes as complement ("expected to be postponed").
            let mut verbs = vec![c];
            verbs.extend(tree.children_with(c, &["xcomp", "ccomp"]));
            for v in verbs {
                // "… but put it off": what it changes is the act told before
                // ("it"), not another thing it names.
                let pronoun_object = tree
                    .children_with(v, &["obj"])
                    .all(|n| tree.tokens.get(n).is_some_and(|t| t.upos == "PRON"));
                if !pronoun_object {
                    continue;
                }
                let status = coder
                    .status
                    .get(CueWhere::Governor, &phrasal_lemma(tree, v))
                    .or_else(|| coder.status.get(CueWhere::Governor, &tree.lemma(v)));
                if matches!(
                    status,
                    Some(EventStatus::Postponed | EventStatus::Cancelled)
                ) {
                    return status;
                }
            }
        }
    }
    None
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Remote {
    Phone,
    Virtual,
}

/// Where: a place introduced by "in/at" under the trigger or its governor, or
/// "virtual" when the words say it was remote.
fn event_location(
    coder: &Coder,
    s: &SentenceCtx<'_, '_>,
    i: usize,
) -> (Option<EventLocation>, Option<Remote>) {
    let tree = s.tree;
    let places = &coder.places;
    let mut scope = vec![i];
    scope.extend(described_by(coder, tree, i));
    if let Some(h) = tree.head(i) {
        scope.push(h);
        // "In London, Blinken is due to attend a conference": the place may
        // hang on the predicate that governs the act's verb as its complement.
        if tree.base_rel(h) == "xcomp" {
            scope.extend(tree.head(h));
        }
    }
    let mut remote = None;
    for &x in &scope {
        for t in std::iter::once(x).chain(tree.children(x).iter().copied()) {
            let lem = tree.lemma(t);
            // "called off a meeting", "called for talks": a phrasal verb of
            // "call" is no call.
            let phrasal = tree
                .children_with(t, &["compound:prt"])
                .any(|p| matches!(tree.lemma(p).as_str(), "off" | "for" | "on" | "in" | "out"));
            // ("called the trip a publicity stunt": a verb of calling with a
            // name for its object names; it phones no one.)
            let naming = tree.children_with(t, &["xcomp"]).any(|c| {
                tree.tokens
                    .get(c)
                    .is_some_and(|k| matches!(k.upos.as_str(), "NOUN" | "ADJ" | "PROPN"))
            });
            if places.phone_words.contains(&lem)
                && t != i
                && !phrasal
                && !naming
                && !["conj", "amod", "acl"].contains(&tree.base_rel(t))
            {
                remote = remote.or(Some(Remote::Phone));
            }
            if places.virtual_words.contains(&lem) {
                remote = Some(Remote::Virtual);
                if let Some(tok) = tree.tokens.get(t) {
                    return (
                        Some(EventLocation {
                            text: tok.text.clone(),
                            span: tok.span,
                            name: "virtual".into(),
                            country: None,
                        }),
                        remote,
                    );
                }
            }
        }
    }
    // Phone calls have no place.
    if tree.lemma(i) == "call" || tree.lemma(i) == "phone" {
        return (None, Some(Remote::Phone));
    }
    // "Putin's Washington visit", "the Helsinki summit": a single city named
    // before a meeting noun is where it is held.
    if tree.tokens.get(i).is_some_and(|t| t.upos == "NOUN") {
        let named: Vec<&&ResolvedMention> = tree
            .children_with(i, &["compound"])
            .filter_map(|c| {
                let span = tree.tokens.get(c)?.span;
                s.mentions.iter().find(|m| {
                    m.span.contains(span)
                        && m.person.is_none()
                        && m.country.is_some()
                        && matches!(m.kind, MentionKind::Place | MentionKind::Metonym)
                })
            })
            .collect();
        if let [m] = named.as_slice() {
            return (Some(place_of(m)), remote);
        }
    }
    // "on the sidelines of the Munich Security Conference", "on the margins
    // of the G7 summit in Hiroshima": the gathering's own place.
    // (The parser may hang the phrase on a time before it: "on Saturday
    // evening on the sidelines of …"; a few steps up must reach the act.)
    let reaches_act = |k: usize| {
        let mut x = k;
        for _ in 0..3 {
            let Some(h) = tree.head(x) else { return false };
            if scope.contains(&h) {
                return true;
            }
            x = h;
        }
        false
    };
    for c in (0..tree.len()).filter(|&k| places.sideline_words.contains(&tree.lemma(k))) {
        if !["obl", "nmod"].contains(&tree.base_rel(c)) || !reaches_act(c) {
            continue;
        }
        for g in tree.children_with(c, &["nmod"]) {
            let Some(span) = tree.subtree_span(g) else {
                continue;
            };
            let place = s.mentions.iter().find(|m| {
                span.contains(m.span)
                    && m.person.is_none()
                    && m.country.is_some()
                    && matches!(m.kind, MentionKind::Place | MentionKind::Metonym)
            });
            if let Some(m) = place {
                return (Some(place_of(m)), remote);
            }
            // ("on the sidelines of the summit in the Laotian capital")
            if let Some(l) = (0..tree.len())
                .filter(|&k| tree.tokens.get(k).is_some_and(|t| span.contains(t.span)))
                .find_map(|k| capital_place(s, k))
            {
                return (Some(l), remote);
            }
        }
    }
    // The place may hang on the act's object ("sign an agreement in Tokyo",
    // "hosting the leaders at Camp David"): parsers attach it either way.
    let objects: Vec<usize> = tree.children_with(i, &["obj"]).collect();
    scope.extend(objects);
    // "killed in Israeli tank shelling in the east of the Gaza Strip": the
    // attack a passive act was done in names no place ("Israeli" is the
    // attacker), but the place it was done in is the act's.
    let attacks: Vec<usize> = tree
        .children_with(i, &["obl"])
        .filter(|&c| attack_noun(coder, tree, c))
        .collect();
    for &a in &attacks {
        scope.push(a);
        scope.extend(tree.children_with(a, &["acl", "compound"]));
    }
    for &x in &scope {
        for c in tree.children_with(x, &["obl", "nmod"]) {
            if attacks.contains(&c) {
                continue;
            }
            let Some(case) = tree.case_of(c) else {
                continue;
            };
            if !places.at_words.contains(&case)
                || (["to", "into"].contains(&case.as_str())
                    && !["travel", "fly", "visit", "trip"].contains(&tree.lemma(x).as_str()))
            {
                continue;
            }
            let Some(span) = tree.subtree_span(c) else {
                continue;
            };
            // The place is the phrase's own head ("in Tokyo", "in the Japanese
            // capital"), not any name somewhere below it ("in a move to bolster the
            // alliance of the United States and Japan").
            // "in the east of the Gaza Strip": a part of a place is in it.
            let head = if [
                "north",
                "south",
                "east",
                "west",
                "centre",
                "center",
                "outskirts",
            ]
            .contains(&tree.lemma(c).as_str())
            {
                tree.children_with(c, &["nmod"])
                    .find(|&g| tree.case_of(g).as_deref() == Some("of"))
                    .unwrap_or(c)
            } else {
                c
            };
            let head_span = tree.tokens.get(head).map(|t| t.span);
            // "in the Finnish capital, Helsinki": the name set beside the
            // head says which place it is.
            let beside: Vec<Span> = tree
                .children_with(head, &["appos"])
                .filter_map(|a| tree.tokens.get(a).map(|t| t.span))
                .collect();
            if let Some(l) = capital_place(s, head) {
                return (Some(l), remote);
            }
            let place = s.mentions.iter().find(|m| {
                span.contains(m.span)
                    && m.person.is_none()
                    && m.country.is_some()
                    && head_span.is_some_and(|h| m.span.overlaps(h))
            });
            // "in this temple town south of Chennai", "at a resort near
            // Sochi": a place the knowledge base lacks, told by one it knows
            // beside it, lies in that one's country.
            let near: Vec<Span> = tree
                .children_with(head, &["nmod", "obl"])
                .filter(|&g| {
                    let directed = tree.children_with(g, &["advmod"]).any(|d| {
                        matches!(
                            tree.lemma(d).as_str(),
                            "north"
                                | "south"
                                | "east"
                                | "west"
                                | "northeast"
                                | "northwest"
                                | "southeast"
                                | "southwest"
                        )
                    });
                    let case = tree.case_of(g);
                    (directed && case.as_deref() == Some("of"))
                        || matches!(case.as_deref(), Some("near" | "outside"))
                })
                .filter_map(|g| tree.tokens.get(g).map(|t| t.span))
                .collect();
            let place = place.or_else(|| {
                s.mentions.iter().find(|m| {
                    m.person.is_none()
                        && matches!(m.kind, MentionKind::Place | MentionKind::Metonym)
                        && m.country.is_some()
                        && beside.iter().chain(&near).any(|b| m.span.overlaps(*b))
                })
            });
            if let Some(m) = place {
                return (Some(place_of(m)), remote);
            }
            // A proper name the knowledge base does not know ("Camp David"): the
            // name's own words, unless they are a date ("in March").
            let is_date = s.timexes.iter().any(|t| span.overlaps(t.span));
            if let Some(tok) = tree.tokens.get(c).filter(|t| t.upos == "PROPN" && !is_date) {
                // The venue's whole name: "Great Hall of the People", "Camp
                // David", "Diaoyutai State Guesthouse" (capitalised modifiers
                // and an "of" phrase of names).
                let capitalised = |w: usize| {
                    tree.tokens
                        .get(w)
                        .is_some_and(|t| t.text.starts_with(char::is_uppercase))
                };
                let mut words: Vec<usize> = std::iter::once(c)
                    .chain(tree.children_with(c, &["compound", "flat", "amod"]))
                    .filter(|&w| {
                        tree.tokens.get(w).is_some_and(|t| t.upos == "PROPN") || capitalised(w)
                    })
                    .collect();
                for g in tree.children_with(c, &["nmod"]) {
                    let of = tree.case_of(g).as_deref() == Some("of");
                    if of && tree.tokens.get(g).is_some_and(|t| t.upos == "PROPN") {
                        words.push(g);
                        words.extend(tree.children_with(g, &["compound", "flat"]));
                    }
                }
                let first = words
                    .iter()
                    .filter_map(|&w| tree.tokens.get(w))
                    .map(|t| t.span.start)
                    .min();
                let last = words
                    .iter()
                    .filter_map(|&w| tree.tokens.get(w))
                    .map(|t| t.span.end)
                    .max();
                let name_span = match (first, last) {
                    (Some(a), Some(b)) => Span::new(a, b),
                    _ => tok.span,
                };
                let name = name_span
                    .slice(s.input.text)
                    .unwrap_or(&tok.text)
                    .to_string();
                // A venue named after its city ("the Munich Security
                // Conference", "the Shangri-La Dialogue in Singapore") is in
                // that city's country.
                let country = s
                    .mentions
                    .iter()
                    .find(|m| {
                        span.contains(m.span)
                            && m.person.is_none()
                            && matches!(m.kind, MentionKind::Place | MentionKind::Metonym)
                    })
                    .and_then(|m| m.country.clone());
                return (
                    Some(EventLocation {
                        text: name.clone(),
                        span: name_span,
                        name,
                        country,
                    }),
                    remote,
                );
            }
        }
    }
    // Parsers often hang a place at the end of a long noun phrase on the wrong
    // word ("the first trilateral summit in April between the leaders of Japan,
    // the Philippines and the United States in Washington"): the first "in"/"at"
    // + place after the trigger, before any verb or other act, is where it was.
    for k in i + 1..tree.len() {
        let Some(tok) = tree.tokens.get(k) else { break };
        // A participle describing the act ("talks lasting five hours with Qin
        // in Beijing") opens no clause of its own.
        let describing = tree.base_rel(k) == "acl" && matches!(tok.xpos.as_str(), "VBG" | "VBN");
        // ("on the sidelines of the summit in the Laotian capital": the
        // summit's place is the side meeting's.)
        let margins_of = tree
            .head(k)
            .is_some_and(|h| places.sideline_words.contains(&tree.lemma(h)));
        if (tok.upos == "VERB" && !describing) || (s.triggers.contains(&k) && !margins_of) {
            break;
        }
        if !places.at_words.contains(&tree.lemma(k)) || tree.lemma(k) == "to" {
            continue;
        }
        // "opening their second summit … eight months after their first
        // encounter in Singapore": a place on what only times a meeting is
        // not the meeting's.
        if anchored_elsewhere(coder, tree, i, k) {
            continue;
        }
        // (Not the attack an act was done in: "in Israeli shelling".)
        if tree.head(k).is_some_and(|h| attacks.contains(&h)) {
            continue;
        }
        let Some(next) = tree.tokens.get(k + 1) else {
            break;
        };
        // "in the Laotian capital".
        if let Some(l) = (k + 2..(k + 4).min(tree.len()))
            .find(|&c| tree.lemma(c).eq_ignore_ascii_case("capital"))
            .and_then(|c| capital_place(s, c))
        {
            return (Some(l), remote);
        }
        let place = s.mentions.iter().find(|m| {
            m.person.is_none()
                && m.country.is_some()
                && m.span.start >= next.span.start
                && m.span.start <= next.span.end + 4
                && !matches!(m.kind, MentionKind::Adjective)
        });
        if let Some(m) = place {
            return (Some(place_of(m)), remote);
        }
    }
    (None, remote)
}

/// Whether the word at `k` hangs, within three steps, on a noun other than
/// `i` that a "since"/"after"/"before" phrase names ("after their first
/// encounter in Singapore", "since the war in Ukraine"), where `i` is a
/// meeting: the place is that thing's, not the meeting's. (An agreement
/// "after talks in Beijing" was reached where the talks were, so only
/// meetings are kept apart.)
fn anchored_elsewhere(coder: &Coder, tree: &Tree<'_>, i: usize, k: usize) -> bool {
    let meeting = |w: usize, kind: TriggerKind| {
        coder
            .patterns
            .for_trigger(kind, &tree.lemma(w))
            .iter()
            .any(|p| pattern_type(coder, p) == Some(EventType::Consult))
    };
    if !meeting(i, TriggerKind::Noun) && !meeting(i, TriggerKind::Verb) {
        return false;
    }
    let mut x = k;
    for _ in 0..3 {
        let Some(h) = tree.head(x) else { return false };
        if h == i {
            return false;
        }
        let anchored = tree.case_of(h).is_some_and(|c| {
            ["since", "after", "before", "until", "following"].contains(&c.as_str())
        });
        if anchored
            && tree
                .tokens
                .get(h)
                .is_some_and(|t| matches!(t.upos.as_str(), "NOUN" | "PROPN"))
        {
            return true;
        }
        x = h;
    }
    false
}

/// Spans of a sentence that speak about the act at `trigger` without taking part in it: the
/// subjects of speech verbs ("…, said Ambassador Emanuel") and clauses that only
/// time another act ("since Kishida became prime minister").
fn asides(coder: &Coder, tree: &Tree<'_>, trigger: Span) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    for k in 0..tree.len() {
        let lemma = tree.lemma(k);
        // "met on the sidelines of the G7 summit": the gathering is where the
        // act took place, not a party to it.
        if coder.places.sideline_words.contains(&lemma) {
            out.extend(tree.subtree_span(k));
        }
        // Announcing or confirming an act often is taking part in it; saying
        // and reporting are not.
        let reports =
            SPEECH.contains(&lemma.as_str()) && !["announce", "confirm"].contains(&lemma.as_str());
        if reports || lemma == "accord" || lemma == "according" {
            for c in tree.children_with(k, &["nsubj", "obl", "nmod"]) {
                out.extend(tree.subtree_span(c));
            }
        }
        // "according to Blinken"
        let attributed = tree
            .children_with(k, &["case"])
            .any(|c| matches!(tree.lemma(c).as_str(), "accord" | "according"));
        if attributed {
            out.extend(tree.subtree_span(k));
        }
        let timing = tree.children_with(k, &["mark", "case"]).any(|c| {
            ["since", "after", "before", "until", "following"].contains(&tree.lemma(c).as_str())
        });
        if timing && ["advcl", "obl", "acl"].contains(&tree.base_rel(k)) {
            out.extend(tree.subtree_span(k));
        }
        // A clause of time or reason, the parse's conjunct too ("eased
        // measures in Montenegro, as authorities in Croatia cracked down"):
        // its parties are its own.
        let subordinate = tree
            .children_with(k, &["mark"])
            .any(|c| SUBORDINATORS.contains(&tree.lemma(c).to_lowercase().as_str()));
        if subordinate && ["advcl", "conj"].contains(&tree.base_rel(k)) {
            out.extend(tree.subtree_span(k));
        }
        // A relative clause set off by commas describes someone named
        // ("Zelenskyy, who arrived in Japan on a French aircraft, …").
        if tree.rel(k) == "acl:relcl" && set_off(tree, k) {
            out.extend(tree.subtree_span(k));
        }
        // So does a clause set off by "where" or "when", however the parse
        // hung it ("met at the villa, where they were greeted by the Swiss
        // president"): it tells of the place or the time, with parties of its own.
        let wh = tree
            .children_with(k, &["advmod"])
            .any(|c| matches!(tree.lemma(c).to_lowercase().as_str(), "where" | "when"));
        if wh && ["acl", "advcl", "parataxis"].contains(&tree.base_rel(k)) && set_off(tree, k) {
            out.extend(tree.subtree_span(k));
        }
    }
    // What holds the act itself is no aside to it.
    out.retain(|sp| !sp.contains(trigger));
    out
}

/// A place mention as an event's location.
/// "the Laotian capital", "Japan's capital": the seat of government of the
/// state named on the word "capital" (`capital`, a token of the sentence).
fn capital_place(s: &SentenceCtx<'_, '_>, capital: usize) -> Option<EventLocation> {
    let tree = s.tree;
    if !tree.lemma(capital).eq_ignore_ascii_case("capital") {
        return None;
    }
    let on_head: Vec<Span> = tree
        .children_with(capital, &["amod", "nmod:poss", "compound"])
        .filter_map(|a| tree.tokens.get(a).map(|t| t.span))
        .collect();
    let named = s.mentions.iter().find(|m| {
        m.person.is_none()
            && matches!(m.kind, MentionKind::Adjective | MentionKind::Country)
            && on_head.iter().any(|a| m.span.overlaps(*a))
    })?;
    let code = named.country.clone()?;
    let name = s.input.kb.country(&code)?.capital.clone()?;
    let phrase = tree.subtree_span(capital)?;
    Some(EventLocation {
        text: phrase.slice(s.input.text)?.to_string(),
        span: phrase,
        name,
        country: Some(code),
    })
}

fn place_of(m: &ResolvedMention) -> EventLocation {
    EventLocation {
        text: m.text.clone(),
        span: m.span,
        name: m.text.clone(),
        country: m.country.clone(),
    }
}

/// The speaker of reported speech: the subject of the "say" verb governing the trigger.
fn speaker(s: &SentenceCtx<'_, '_>, i: usize) -> Option<ActorRef> {
    let tree = s.tree;
    let mut x = i;
    for _ in 0..4 {
        let h = tree.head(x)?;
        if SPEECH.contains(&tree.lemma(h).as_str()) && tree.base_rel(x) == "ccomp" {
            let subj = tree.children_with(h, &["nsubj"]).next()?;
            let span = tree.subtree_span(subj)?;
            let m = s.mentions.iter().find(|m| span.contains(m.span));
            return Some(match m {
                Some(m) => Party { mention: m }.actor_ref(),
                None => ActorRef {
                    text: span.slice(s.input.text)?.to_string(),
                    span,
                    ..Default::default()
                },
            });
        }
        x = h;
    }
    None
}
