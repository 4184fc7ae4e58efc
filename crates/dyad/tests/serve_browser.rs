//! The web UI in a real headless browser (Chromium through chromedriver,
//! WebDriver): the timeline of the sample corpus, a click through to an event
//! with highlighted evidence and a conflict, a search for an actor and its
//! network, and a hostile report shown as text. Screenshots are saved under
//! `<target>/ui-screenshots/` as test artefacts.
//!
//! Needs `chromium` and `chromium-driver` (Debian; `.ci/run` installs them).
//! chromedriver is `/usr/bin/chromedriver` or `$DYAD_CHROMEDRIVER`; without it
//! the test skips with a message, except under CI (`CI=true`), where it fails.

mod support;

use fantoccini::{Client, ClientBuilder, Locator};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use support::{serve, HOSTILE_ID};

struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn chromedriver() -> Option<PathBuf> {
    let path = std::env::var_os("DYAD_CHROMEDRIVER")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromedriver"));
    if path.exists() {
        return Some(path);
    }
    let msg = format!(
        "{} is missing: install Debian's chromium and chromium-driver (or set DYAD_CHROMEDRIVER)",
        path.display()
    );
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("CI: {msg}");
    }
    eprintln!("SKIPPED browser tests: {msg}");
    None
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

fn start_driver(path: &PathBuf) -> (Driver, u16) {
    let port = free_port();
    let child = Command::new(path)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    let deadline = Instant::now() + Duration::from_secs(20);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "chromedriver did not listen");
        std::thread::sleep(Duration::from_millis(100));
    }
    (Driver(child), port)
}

async fn browser(port: u16, profile: &std::path::Path) -> Client {
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                "--window-size=1280,1600", "--hide-scrollbars",
                format!("--user-data-dir={}", profile.display()),
            ]
        }),
    );
    ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
        .expect("a browser session")
}

fn screenshot_dir() -> PathBuf {
    // CARGO_TARGET_TMPDIR is <target>/tmp: artefacts go beside it.
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .map(|p| p.join("ui-screenshots"))
        .unwrap_or_else(|| std::env::temp_dir().join("dyad-ui-screenshots"));
    std::fs::create_dir_all(&dir).expect("screenshot dir");
    dir
}

async fn shot(c: &Client, name: &str) {
    let png = c.screenshot().await.expect("a screenshot");
    let path = screenshot_dir().join(format!("{name}.png"));
    std::fs::write(&path, png).expect("save screenshot");
    eprintln!("screenshot: {}", path.display());
}

/// Waits for the navigation a click started: until the URL contains `needle`
/// and the new page is loaded.
async fn wait_for_url(c: &Client, needle: &str) {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let url = c.current_url().await.expect("url");
        let ready = c
            .execute("return document.readyState", vec![])
            .await
            .expect("readyState");
        if url.as_str().contains(needle) && ready == "complete" {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "never reached a URL with {needle:?}: {url}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn text_of(c: &Client, css: &str) -> String {
    c.find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"))
        .text()
        .await
        .expect("text")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_analyst_browses_the_sample_corpus() {
    let Some(driver_path) = chromedriver() else {
        return;
    };
    let srv = serve("browser");
    let (_driver, port) = start_driver(&driver_path);
    let c = browser(port, &srv.dir.join("chromium-profile")).await;
    let base = format!("http://{}", srv.addr);

    // The timeline: events of every status the sample has, visibly different.
    c.goto(&format!("{base}/?limit=200"))
        .await
        .expect("open the timeline");
    assert_eq!(c.title().await.expect("title"), "Timeline · dyad");
    let rows = c.find_all(Locator::Css("li.ev")).await.expect("rows");
    assert!(rows.len() >= 20, "{} events listed", rows.len());
    let mut looks = std::collections::BTreeSet::new();
    // Whatever statuses the coder finds in the sample today: at least a
    // meeting held, one planned and one called off must be there.
    let mut present = Vec::new();
    for status in [
        "occurred",
        "ongoing",
        "planned",
        "postponed",
        "cancelled",
        "denied",
        "hypothetical",
    ] {
        let Ok(row) = c.find(Locator::Css(&format!("li.ev.st-{status}"))).await else {
            continue;
        };
        present.push(status);
        let colour = row.css_value("border-left-color").await.expect("css");
        let style = row.css_value("border-left-style").await.expect("css");
        looks.insert((colour, style));
    }
    for needed in ["occurred", "planned"] {
        assert!(
            present.contains(&needed),
            "a {needed} event on the timeline: {present:?}"
        );
    }
    assert!(
        present.contains(&"postponed") || present.contains(&"cancelled"),
        "a postponed or cancelled event on the timeline: {present:?}"
    );
    assert_eq!(
        looks.len(),
        present.len(),
        "statuses look different: {looks:?}"
    );
    // The legend's badges show every plan status, whatever the sample holds.
    let mut badges = std::collections::BTreeSet::new();
    for status in ["occurred", "planned", "postponed", "cancelled"] {
        let b = c
            .find(Locator::Css(&format!(".legend-line .badge.st-{status}")))
            .await
            .expect("a legend badge");
        badges.insert((
            b.css_value("background-color").await.expect("css"),
            b.css_value("border-top-style").await.expect("css"),
            b.css_value("text-decoration-line").await.expect("css"),
        ));
    }
    assert_eq!(badges.len(), 4, "{badges:?}");
    shot(&c, "01-timeline").await;

    // Filter the timeline: planned events only.
    c.find(Locator::Css("select[name=status]"))
        .await
        .expect("status filter")
        .select_by_value("planned")
        .await
        .expect("choose planned");
    c.find(Locator::Css("form.filters button"))
        .await
        .expect("filter button")
        .click()
        .await
        .expect("filter");
    wait_for_url(&c, "status=planned").await;
    let planned = c.find_all(Locator::Css("li.ev")).await.expect("rows");
    assert!(!planned.is_empty());
    for r in &planned {
        assert!(r
            .attr("class")
            .await
            .expect("class")
            .unwrap_or_default()
            .contains("st-planned"));
    }
    shot(&c, "02-timeline-planned").await;

    // Click through to an event that reports disagree about.
    c.goto(&format!("{base}/?limit=200"))
        .await
        .expect("timeline");
    let mut target = None;
    for row in c.find_all(Locator::Css("li.ev")).await.expect("rows") {
        if row.find(Locator::Css(".warn")).await.is_ok() {
            target = Some(row.find(Locator::Css("a.summary")).await.expect("link"));
            break;
        }
    }
    target
        .expect("an event with a conflict on the timeline")
        .click()
        .await
        .expect("click through");
    wait_for_url(&c, "/events/ev_").await;
    // Evidence highlighted in the report text and beside the fields.
    let marks = c
        .find_all(Locator::Css(".report-text mark.f-type"))
        .await
        .expect("marks");
    assert!(
        !marks.is_empty(),
        "the trigger is highlighted in the report"
    );
    let trigger = marks[0].text().await.expect("text");
    assert!(!trigger.trim().is_empty());
    let bg = marks[0].css_value("background-color").await.expect("css");
    assert_ne!(bg, "rgba(0, 0, 0, 0)", "highlighted, not just tagged");
    assert!(c
        .find(Locator::Css("#field-type blockquote.evidence mark"))
        .await
        .is_ok());
    let conflict = text_of(&c, "#conflicts .conflict").await;
    assert!(conflict.contains("Resolution:"), "{conflict}");
    assert!(c.find(Locator::Css("ol.history li")).await.is_ok());
    shot(&c, "03-event").await;
    let conflict_box = c
        .find(Locator::Css("#conflicts"))
        .await
        .expect("conflicts section");
    std::fs::write(
        screenshot_dir().join("04-event-conflicts.png"),
        conflict_box.screenshot().await.expect("element screenshot"),
    )
    .expect("save");

    // Search for an actor from the box in the header.
    let q = c
        .find(Locator::Css("header input[name=q]"))
        .await
        .expect("search box");
    q.send_keys("Blinken").await.expect("type");
    c.find(Locator::Css("header form.search button"))
        .await
        .expect("button")
        .click()
        .await
        .expect("search");
    wait_for_url(&c, "q=Blinken").await;
    let hits = c.find_all(Locator::Css("ul.hits li")).await.expect("hits");
    assert!(!hits.is_empty(), "Blinken is found");
    let snippet_marks = c
        .find_all(Locator::Css(".snippet mark"))
        .await
        .expect("marks");
    assert!(!snippet_marks.is_empty());
    assert!(snippet_marks[0]
        .text()
        .await
        .expect("t")
        .contains("Blinken"));
    shot(&c, "05-search-blinken").await;

    // An actor code finds the actor; its page draws its network.
    c.goto(&format!("{base}/search?q=JPN"))
        .await
        .expect("search JPN");
    c.find(Locator::Css("ul.hits a.actor"))
        .await
        .expect("the actor JPN among the results")
        .click()
        .await
        .expect("open the actor");
    wait_for_url(&c, "/actors/JPN").await;
    assert_eq!(text_of(&c, "main h1").await, "JPN");
    let nodes = c
        .find_all(Locator::Css("svg.network circle"))
        .await
        .expect("nodes");
    assert!(nodes.len() >= 2, "JPN and its counterparts are drawn");
    assert!(c.find(Locator::Css("svg.network line")).await.is_ok());
    shot(&c, "06-actor-jpn").await;
    c.goto(&format!("{base}/network")).await.expect("network");
    shot(&c, "07-network").await;
    c.goto(&format!("{base}/conflicts"))
        .await
        .expect("conflicts");
    assert!(!c
        .find_all(Locator::Css("table.conflicts tbody tr"))
        .await
        .expect("rows")
        .is_empty());
    shot(&c, "08-conflicts").await;

    // A report carrying markup is shown as text and runs nothing.
    c.goto(&format!("{base}/documents/{HOSTILE_ID}"))
        .await
        .expect("hostile report");
    assert!(c.get_alert_text().await.is_err(), "no script ran");
    let title = text_of(&c, "main h1").await;
    assert!(title.contains("<script>alert(\"xss\")</script>"), "{title}");
    assert!(c
        .find_all(Locator::Css("main img"))
        .await
        .expect("imgs")
        .is_empty());
    shot(&c, "09-hostile-report").await;

    c.close().await.expect("close the browser");
}
