//! The phrases from the seed reports (issue 5), each with its expected TIMEX3
//! value given a reference date and, where it matters, a tense.

use chrono::NaiveDate;
use dyad_core::Span;
use dyad_time::{tag, Mod, NoHints, Reference, TenseHint, Timex, TimexType};

fn reference(y: i32, m: u32, d: u32) -> Reference {
    Reference::date(NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

/// Tags `text` and returns the expression whose text is `phrase`.
fn find(text: &str, phrase: &str, r: Reference, tense: TenseHint) -> Timex {
    let hint = move |_span: Span| tense;
    let found = tag(text, r, &hint);
    found
        .iter()
        .find(|t| t.span.slice(text) == Some(phrase))
        .cloned()
        .unwrap_or_else(|| panic!("`{phrase}` not found in `{text}`: {found:?}"))
}

fn check(
    text: &str,
    phrase: &str,
    r: Reference,
    tense: TenseHint,
    kind: TimexType,
    value: &str,
) -> Timex {
    let t = find(text, phrase, r, tense);
    assert_eq!(
        (t.kind, t.value.as_str()),
        (kind, value),
        "`{phrase}` in `{text}`"
    );
    t
}

const DEC_2021: (i32, u32, u32) = (2021, 12, 22);

fn dec() -> Reference {
    reference(DEC_2021.0, DEC_2021.1, DEC_2021.2)
}

#[test]
fn early_next_month() {
    let t = check(
        "Blinken will host his counterpart early next month.",
        "early next month",
        dec(),
        TenseHint::Unknown,
        TimexType::Date,
        "2022-01",
    );
    assert_eq!(t.modifier, Some(Mod::Start));
}

#[test]
fn weekdays_follow_tense() {
    // Sunday 28 July 2024: "arrived on Sunday" is that very day.
    let sunday = reference(2024, 7, 28);
    check(
        "He arrived in Japan on Sunday.",
        "Sunday",
        sunday,
        TenseHint::Unknown,
        TimexType::Date,
        "2024-07-28",
    );
    check(
        "They will meet on Monday.",
        "Monday",
        sunday,
        TenseHint::Unknown,
        TimexType::Date,
        "2024-07-29",
    );
    check(
        "They meet on Monday.",
        "Monday",
        sunday,
        TenseHint::Future,
        TimexType::Date,
        "2024-07-29",
    );
    // Friday 7 January 2022.
    let friday = reference(2022, 1, 7);
    check(
        "North Korea fired a missile on Wednesday.",
        "Wednesday",
        friday,
        TenseHint::Unknown,
        TimexType::Date,
        "2022-01-05",
    );
    check(
        "The ministers met Friday.",
        "Friday",
        friday,
        TenseHint::Past,
        TimexType::Date,
        "2022-01-07",
    );
    check(
        "The talks began Tuesday.",
        "Tuesday",
        friday,
        TenseHint::Unknown,
        TimexType::Date,
        "2022-01-04",
    );
    check(
        "The two sides will talk later Sunday.",
        "Sunday",
        sunday,
        TenseHint::Unknown,
        TimexType::Date,
        "2024-07-28",
    );
    check(
        "A meeting is planned for this weekend.",
        "this weekend",
        friday,
        TenseHint::Future,
        TimexType::Date,
        "2022-W01-WE",
    );
}

#[test]
fn months() {
    let r = dec();
    check(
        "Prices rose last August.",
        "last August",
        r,
        TenseHint::Unknown,
        TimexType::Date,
        "2021-08",
    );
    check(
        "The talks will be held in March.",
        "March",
        r,
        TenseHint::Unknown,
        TimexType::Date,
        "2022-03",
    );
    check(
        "The deal was signed in March.",
        "March",
        r,
        TenseHint::Unknown,
        TimexType::Date,
        "2021-03",
    );
    check(
        "Talks resume in February.",
        "February",
        r,
        TenseHint::Future,
        TimexType::Date,
        "2022-02",
    );
    check(
        "It will open in early October.",
        "early October",
        r,
        TenseHint::Unknown,
        TimexType::Date,
        "2022-10",
    );
    check(
        "Sales fell last month.",
        "last month",
        r,
        TenseHint::Unknown,
        TimexType::Date,
        "2021-11",
    );
    check(
        "They will meet March next year.",
        "March next year",
        r,
        TenseHint::Unknown,
        TimexType::Date,
        "2022-03",
    );
}

#[test]
fn days() {
    let r = dec();
    check(
        "The meeting on Jan. 7 will include Blinken.",
        "Jan. 7",
        r,
        TenseHint::Unknown,
        TimexType::Date,
        "2022-01-07",
    );
    check(
        "They will meet on 7 January.",
        "7 January",
        r,
        TenseHint::Unknown,
        TimexType::Date,
        "2022-01-07",
    );
    check(
        "The bill passed on July 28.",
        "July 28",
        r,
        TenseHint::Unknown,
        TimexType::Date,
        "2021-07-28",
    );
}

/// A range of days is dated by its first day, and the year after the range
/// is the range's: "April 28-29, 2018" is not a day of the reference year.
#[test]
fn day_ranges() {
    let r = reference(2019, 10, 12);
    for (text, phrase) in [
        (
            "They met in Wuhan on April 28-29, 2018, and again later.",
            "April 28-29, 2018",
        ),
        ("They met on 28–29 April 2018 in Wuhan.", "28–29 April 2018"),
        ("Talks ran April 28 to 29, 2018.", "April 28 to 29, 2018"),
    ] {
        check(
            text,
            phrase,
            r,
            TenseHint::Past,
            TimexType::Date,
            "2018-04-28",
        );
    }
    // A number after "and" that no year follows is no second day.
    check(
        "On April 28 and 30 others were hurt.",
        "April 28",
        r,
        TenseHint::Past,
        TimexType::Date,
        "2019-04-28",
    );
}

#[test]
fn years_and_periods() {
    let r = dec();
    check(
        "costs starting in fiscal 2022",
        "fiscal 2022",
        r,
        TenseHint::Unknown,
        TimexType::Date,
        "2022",
    );
    check(
        "A deal is due by the year-end.",
        "the year-end",
        r,
        TenseHint::Unknown,
        TimexType::Date,
        "2021",
    );
    check(
        "Growth will slow next year.",
        "next year",
        r,
        TenseHint::Unknown,
        TimexType::Date,
        "2022",
    );
    check(
        "The treaty was signed in 1951.",
        "1951",
        r,
        TenseHint::Unknown,
        TimexType::Date,
        "1951",
    );
    check(
        "Costs have risen in recent years.",
        "recent years",
        r,
        TenseHint::Unknown,
        TimexType::Date,
        "PAST_REF",
    );
}

#[test]
fn durations() {
    let r = dec();
    check(
        "three months after the vote",
        "three months",
        r,
        TenseHint::Unknown,
        TimexType::Duration,
        "P3M",
    );
    check(
        "for five years from April",
        "five years",
        r,
        TenseHint::Unknown,
        TimexType::Duration,
        "P5Y",
    );
    check(
        "for five years from April",
        "April",
        r,
        TenseHint::Future,
        TimexType::Date,
        "2022-04",
    );
    check(
        "The alliance has kept troops there for decades.",
        "decades",
        r,
        TenseHint::Unknown,
        TimexType::Duration,
        "PXDE",
    );
    check(
        "after 2 1/2 years of talks",
        "2 1/2 years",
        r,
        TenseHint::Unknown,
        TimexType::Duration,
        "P2Y6M",
    );
}

#[test]
fn clock_times_and_sets() {
    let r = reference(2022, 1, 7);
    check(
        "The talks start at 10:35 a.m. Friday.",
        "10:35 a.m. Friday",
        r,
        TenseHint::Future,
        TimexType::Time,
        "2022-01-07T10:35",
    );
    check(
        "He spoke this morning.",
        "this morning",
        r,
        TenseHint::Unknown,
        TimexType::Time,
        "2022-01-07TMO",
    );
    check(
        "The ministers meet every Thursday.",
        "every Thursday",
        r,
        TenseHint::Unknown,
        TimexType::Set,
        "XXXX-WXX-4",
    );
    check(
        "Flights run daily.",
        "daily",
        r,
        TenseHint::Unknown,
        TimexType::Set,
        "P1D",
    );
}

#[test]
fn span_hints_override_cues() {
    let text = "The ministers met on Monday.";
    let r = reference(2022, 1, 7);
    let hints = vec![(Span::new(0, text.len()), TenseHint::Future)];
    let found = tag(text, r, &hints);
    assert_eq!(found[0].value, "2022-01-10");
    assert_eq!(tag(text, r, &NoHints)[0].value, "2022-01-03");
}

#[test]
fn references() {
    assert_eq!(Reference::parse("2024-07").unwrap(), reference(2024, 7, 1));
    let r = Reference::parse("2021-11-29T07:35:00+05:30").unwrap();
    assert_eq!(
        (r.date, r.offset_minutes),
        (NaiveDate::from_ymd_opt(2021, 11, 29).unwrap(), Some(330))
    );
    assert!(Reference::parse("yesterday").is_err());
}

#[test]
fn anchored_and_spoken() {
    let r = reference(1999, 10, 26);
    let text = "He fled in June 1998 and returned later that year.";
    check(
        text,
        "later that year",
        r,
        TenseHint::Unknown,
        TimexType::Date,
        "1998",
    );
    check(
        "In 1990 sales rose. The following year they fell.",
        "The following year",
        r,
        TenseHint::Unknown,
        TimexType::Date,
        "1991",
    );
    check(
        "In nineteen ninety-six he won.",
        "nineteen ninety-six",
        r,
        TenseHint::Unknown,
        TimexType::Date,
        "1996",
    );
    let ages = tag("Mr. Smith, 52 years old, will retire.", r, &NoHints);
    assert!(ages.is_empty(), "{ages:?}");
    let rates = tag("It pays $2 million a year.", r, &NoHints);
    assert_eq!(
        rates
            .iter()
            .map(|t| (t.kind, t.value.as_str()))
            .collect::<Vec<_>>(),
        [(TimexType::Set, "P1Y")]
    );
}

#[test]
fn impossible_days_keep_the_month() {
    let found = tag(
        "The vote is set for Feb. 30.",
        reference(2022, 1, 7),
        &NoHints,
    );
    assert_eq!(found[0].value, "2022-02");
    assert!(
        found[0]
            .diagnostics
            .iter()
            .any(|d| d.message.contains("day 30")),
        "{found:?}"
    );
}

#[test]
fn layered_lexicons() {
    let tagger = dyad_time::Tagger::new().with_data(
        "mine.txt",
        "# a user's own words\nthe festival | holiday | 08-15\nhogmanay | holiday | 12-31\nnot a line\n",
    );
    assert_eq!(tagger.problems().len(), 1, "{:?}", tagger.problems());
    let r = reference(2022, 1, 7);
    let found = tagger.tag("They met at Hogmanay.", r, &NoHints);
    assert_eq!(found[0].value, "2021-12-31");
    assert!(dyad_time::tag("They met at Hogmanay.", r, &NoHints).is_empty());
    assert!(dyad_time::data_problems().is_empty());
}

#[test]
fn tagger_is_shareable_across_threads() {
    fn shareable<T: Send + Sync>() {}
    shareable::<dyad_time::Tagger>();
    shareable::<Timex>();
}

#[test]
fn holidays() {
    let r = reference(2013, 3, 22);
    check(
        "Services will be held on Easter Sunday.",
        "Easter Sunday",
        r,
        TenseHint::Unknown,
        TimexType::Date,
        "2013-03-31",
    );
    check(
        "Markets close on Good Friday.",
        "Good Friday",
        r,
        TenseHint::Future,
        TimexType::Date,
        "2013-03-29",
    );
    check(
        "Parades were held on St. Patrick's Day.",
        "St. Patrick's Day",
        r,
        TenseHint::Unknown,
        TimexType::Date,
        "2013-03-17",
    );
    check(
        "He was elected on Thanksgiving Day.",
        "Thanksgiving Day",
        r,
        TenseHint::Past,
        TimexType::Date,
        "2012-11-22",
    );
    check(
        "Easter 2024 fell early.",
        "Easter 2024",
        r,
        TenseHint::Unknown,
        TimexType::Date,
        "2024-03-31",
    );
}

#[test]
fn decades_centuries_and_full_dates() {
    let r = reference(2013, 3, 22);
    check(
        "It was built in the 20th century.",
        "the 20th century",
        r,
        TenseHint::Unknown,
        TimexType::Date,
        "19",
    );
    check(
        "Prices soared in the 1990s.",
        "the 1990s",
        r,
        TenseHint::Unknown,
        TimexType::Date,
        "199",
    );
    check(
        "The vote on Friday 22 March was close.",
        "Friday 22 March",
        r,
        TenseHint::Unknown,
        TimexType::Date,
        "2013-03-22",
    );
    check(
        "It closed on Thursday, Jan. 6, 2011.",
        "Thursday, Jan. 6, 2011",
        r,
        TenseHint::Unknown,
        TimexType::Date,
        "2011-01-06",
    );
    let t = check(
        "It opens in late spring.",
        "late spring",
        r,
        TenseHint::Unknown,
        TimexType::Date,
        "2013-SP",
    );
    assert_eq!(t.modifier, Some(Mod::End));
}

/// A plan told in the past ("was to have begun", "had been due to start") still
/// lies ahead of the report when it was called off; a perfect ("has met") does not.
#[test]
fn a_called_off_plan_keeps_its_day_ahead() {
    let friday = reference(2023, 2, 3);
    for text in [
        "a visit that was to have begun on Sunday",
        "a visit that had been due to start on Sunday",
        "they were to meet on Sunday",
    ] {
        check(
            text,
            "Sunday",
            friday,
            TenseHint::Unknown,
            TimexType::Date,
            "2023-02-05",
        );
    }
    check(
        "he has met Qin on Sunday",
        "Sunday",
        friday,
        TenseHint::Unknown,
        TimexType::Date,
        "2023-01-29",
    );
}

/// Four digits on a 24-hour clock are no year: "by 1000 London time", "from
/// 1800 to 2100 hrs"; a year before the same words still is one.
#[test]
fn clock_times_are_not_years() {
    let text =
        "Trades entered by 1000 London time count, and options trade from 1800 to 2100 hrs. \
                In 2000 local elections were held.";
    let found = tag(text, reference(1987, 3, 1), &NoHints);
    let years: Vec<&str> = found
        .iter()
        .filter(|t| t.kind == TimexType::Date)
        .map(|t| t.value.as_str())
        .collect();
    assert_eq!(years, vec!["2000"], "{found:#?}");
}

#[test]
fn next_weekday_is_that_day_of_the_next_week() {
    // Monday 15 May 2023: "next Wednesday" is the 24th, "this Wednesday" the 17th,
    // and "the coming Wednesday" the nearest one too.
    let monday = reference(2023, 5, 15);
    check(
        "Albanese will host the leaders next Wednesday.",
        "next Wednesday",
        monday,
        TenseHint::Future,
        TimexType::Date,
        "2023-05-24",
    );
    check(
        "Albanese will host the leaders this Wednesday.",
        "this Wednesday",
        monday,
        TenseHint::Future,
        TimexType::Date,
        "2023-05-17",
    );
    // From a Friday, next Monday is three days on.
    check(
        "They meet next Monday.",
        "next Monday",
        reference(2023, 5, 19),
        TenseHint::Future,
        TimexType::Date,
        "2023-05-22",
    );
}

/// "March" and "May" are words too: after "for" they are months only where
/// "for" follows a word of scheduling ("planned for March"), not in "support
/// for May" (the prime minister).
#[test]
fn a_month_a_plan_is_set_for() {
    let r = reference(2021, 12, 13);
    let t = find(
        "A visit planned for March was called off.",
        "March",
        r,
        TenseHint::Past,
    );
    assert_eq!(t.value, "2021-03");
    let found = tag("Support for May grew in the party.", r, &NoHints);
    assert!(found.is_empty(), "{found:?}");
}

/// A weekday in the present tense is the nearer one: "flies on Tuesday" told
/// on a Monday is tomorrow, "meets Castro on Saturday" told on a Sunday was
/// yesterday.
#[test]
fn a_weekday_in_the_present_is_the_nearer_one() {
    let monday = reference(2022, 2, 7);
    let t = find(
        "Macron flies on Tuesday to Kyiv.",
        "Tuesday",
        monday,
        TenseHint::Present,
    );
    assert_eq!(t.value, "2022-02-08");
    let sunday = reference(2015, 4, 12);
    let t = find(
        "Obama meets Castro on Saturday.",
        "Saturday",
        sunday,
        TenseHint::Present,
    );
    assert_eq!(t.value, "2015-04-11");
}
