//! `dyad serve`'s JSON API against its OpenAPI file: every documented path
//! answers with the documented shape (validated against the file's schemas),
//! the documented errors too; pages agree with `dyad events`; report text is
//! escaped in every page.

mod support;

use serde_json::Value;
use std::collections::BTreeMap;
use support::{get, serve, HOSTILE_ID};

const OPENAPI: &str = include_str!("../../dyad-serve/openapi.json");

/// Checks `v` against a JSON Schema as OpenAPI 3.1 uses it: `$ref`, `type`
/// (one or several), `enum`, `oneOf`, `properties`, `required`,
/// `additionalProperties`, `items`, `minItems`/`maxItems`, `minimum`/`maximum`.
/// The file uses nothing else (checked: an unknown keyword is an error too).
fn check(schema: &Value, v: &Value, root: &Value, at: &str, errors: &mut Vec<String>) {
    let Some(s) = schema.as_object() else {
        errors.push(format!("{at}: schema is not an object"));
        return;
    };
    for k in s.keys() {
        if ![
            "$ref",
            "type",
            "enum",
            "oneOf",
            "properties",
            "required",
            "additionalProperties",
            "items",
            "minItems",
            "maxItems",
            "minimum",
            "maximum",
            "description",
            "format",
        ]
        .contains(&k.as_str())
        {
            errors.push(format!("{at}: schema keyword {k} is not checked"));
        }
    }
    if let Some(r) = s.get("$ref").and_then(Value::as_str) {
        let name = r
            .strip_prefix("#/components/schemas/")
            .expect("local schema refs");
        let target = &root["components"]["schemas"][name];
        assert!(!target.is_null(), "{r} is not defined");
        check(target, v, root, at, errors);
    }
    if let Some(types) = s.get("type") {
        let names: Vec<&str> = match types {
            Value::String(t) => vec![t.as_str()],
            Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        let ok = names.iter().any(|t| match *t {
            "string" => v.is_string(),
            "integer" => v.is_i64() || v.is_u64(),
            "number" => v.is_number(),
            "boolean" => v.is_boolean(),
            "array" => v.is_array(),
            "object" => v.is_object(),
            "null" => v.is_null(),
            _ => false,
        });
        if !ok {
            errors.push(format!("{at}: {v} is not of type {names:?}"));
            return;
        }
    }
    if let Some(e) = s.get("enum").and_then(Value::as_array) {
        if !e.contains(v) {
            errors.push(format!("{at}: {v} is not one of {e:?}"));
        }
    }
    if let Some(alts) = s.get("oneOf").and_then(Value::as_array) {
        let passing = alts
            .iter()
            .filter(|a| {
                let mut e = Vec::new();
                check(a, v, root, at, &mut e);
                e.is_empty()
            })
            .count();
        if passing != 1 {
            errors.push(format!(
                "{at}: {passing} of the oneOf alternatives match, not one"
            ));
        }
    }
    if let Some(n) = v.as_f64() {
        if let Some(min) = s.get("minimum").and_then(Value::as_f64) {
            if n < min {
                errors.push(format!("{at}: {n} < {min}"));
            }
        }
        if let Some(max) = s.get("maximum").and_then(Value::as_f64) {
            if n > max {
                errors.push(format!("{at}: {n} > {max}"));
            }
        }
    }
    if let Some(obj) = v.as_object() {
        let props = s.get("properties").and_then(Value::as_object);
        for r in s
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
        {
            if !obj.contains_key(r) {
                errors.push(format!("{at}: missing required key {r}"));
            }
        }
        for (k, x) in obj {
            match props.and_then(|p| p.get(k)) {
                Some(ps) => check(ps, x, root, &format!("{at}.{k}"), errors),
                None => match s.get("additionalProperties") {
                    Some(Value::Bool(false)) => errors.push(format!("{at}: undocumented key {k}")),
                    Some(extra @ Value::Object(_)) => {
                        check(extra, x, root, &format!("{at}.{k}"), errors)
                    }
                    _ => {}
                },
            }
        }
    }
    if let Some(items) = v.as_array() {
        if let Some(min) = s.get("minItems").and_then(Value::as_u64) {
            if (items.len() as u64) < min {
                errors.push(format!("{at}: fewer than {min} items"));
            }
        }
        if let Some(max) = s.get("maxItems").and_then(Value::as_u64) {
            if (items.len() as u64) > max {
                errors.push(format!("{at}: more than {max} items"));
            }
        }
        if let Some(is) = s.get("items") {
            for (i, x) in items.iter().enumerate() {
                check(is, x, root, &format!("{at}[{i}]"), errors);
            }
        }
    }
}

fn assert_valid(schema: &Value, v: &Value, root: &Value, what: &str) {
    let mut errors = Vec::new();
    check(schema, v, root, "$", &mut errors);
    assert!(
        errors.is_empty(),
        "{what} does not match its schema:\n{}",
        errors
            .iter()
            .take(20)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

fn response_schema<'a>(spec: &'a Value, path: &str, status: &str) -> &'a Value {
    let s =
        &spec["paths"][path]["get"]["responses"][status]["content"]["application/json"]["schema"];
    assert!(!s.is_null(), "{path} documents no JSON {status} answer");
    s
}

#[test]
fn every_documented_path_answers_with_its_documented_shape() {
    let spec: Value = serde_json::from_str(OPENAPI).expect("openapi.json is JSON");
    assert_eq!(spec["openapi"], "3.1.0");
    let srv = serve("api-contract");
    let a = &srv.addr;

    // The served document is the committed one.
    let served = get(a, "/api/v1/openapi.json");
    assert_eq!(served.status, 200);
    assert_eq!(served.json(), spec);

    // Real ids to fill the path templates with.
    let conflicts = get(a, "/api/v1/conflicts").json();
    let event_id = conflicts["conflicts"][0]["event"]
        .as_str()
        .expect("the sample corpus has a conflict")
        .to_string();
    let concrete: BTreeMap<&str, Vec<String>> = BTreeMap::from([
        ("/api/v1/openapi.json", vec!["/api/v1/openapi.json".into()]),
        ("/api/v1/stats", vec!["/api/v1/stats".into()]),
        (
            "/api/v1/events",
            vec![
                "/api/v1/events".into(),
                "/api/v1/events?limit=3&offset=2".into(),
                "/api/v1/events?actor=usa&type=consult&since=2023-01&until=2023-12-31&status=occurred"
                    .into(),
            ],
        ),
        ("/api/v1/events/{id}", vec![format!("/api/v1/events/{event_id}")]),
        (
            "/api/v1/documents/{id}",
            vec![
                format!("/api/v1/documents/{HOSTILE_ID}"),
                "/api/v1/documents/cn-us-0619-xi".into(),
            ],
        ),
        ("/api/v1/actors", vec!["/api/v1/actors".into()]),
        (
            "/api/v1/actors/{code}",
            vec!["/api/v1/actors/USA".into(), "/api/v1/actors/jpn?limit=2".into()],
        ),
        (
            "/api/v1/conflicts",
            vec!["/api/v1/conflicts".into(), "/api/v1/conflicts?limit=1&offset=1".into()],
        ),
        (
            "/api/v1/search",
            vec!["/api/v1/search?q=Blinken".into(), "/api/v1/search?q=Camp%20David&limit=3".into()],
        ),
        ("/api/v1/export", vec![]),
    ]);
    let documented: Vec<&String> = spec["paths"].as_object().expect("paths").keys().collect();
    for p in &documented {
        assert!(
            concrete.contains_key(p.as_str()),
            "{p} is documented but not tested"
        );
    }
    for (path, urls) in &concrete {
        assert!(
            documented.iter().any(|d| d == path),
            "{path} is tested but not documented"
        );
        for url in urls {
            let ans = get(a, url);
            assert_eq!(ans.status, 200, "{url}: {}", ans.text());
            assert!(
                ans.header("content-type")
                    .is_some_and(|c| c.starts_with("application/json")),
                "{url}: content type"
            );
            assert_valid(response_schema(&spec, path, "200"), &ans.json(), &spec, url);
        }
    }

    // The documented errors, in the documented shape.
    for (url, path, status) in [
        ("/api/v1/events/ev_nonexistent", "/api/v1/events/{id}", 404),
        ("/api/v1/documents/nope", "/api/v1/documents/{id}", 404),
        ("/api/v1/actors/ZZZ", "/api/v1/actors/{code}", 404),
        ("/api/v1/events?type=DANCE", "/api/v1/events", 400),
        ("/api/v1/events?since=yesterday", "/api/v1/events", 400),
        ("/api/v1/events?limit=-1", "/api/v1/events", 400),
        ("/api/v1/events?incomplete=maybe", "/api/v1/events", 400),
        ("/api/v1/search", "/api/v1/search", 400),
        ("/api/v1/export?format=xml", "/api/v1/export", 400),
    ] {
        let ans = get(a, url);
        assert_eq!(ans.status, status, "{url}: {}", ans.text());
        assert_valid(
            response_schema(&spec, path, &status.to_string()),
            &ans.json(),
            &spec,
            url,
        );
    }

    // Exports: the files `dyad events --format` writes.
    let event_schema = serde_json::json!({"$ref": "#/components/schemas/Event"});
    let jsonl = get(a, "/api/v1/export?format=jsonl&actor=USA");
    assert_eq!(jsonl.status, 200);
    assert_eq!(jsonl.header("content-type"), Some("application/x-ndjson"));
    let lines: Vec<Value> = jsonl
        .text()
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert!(!lines.is_empty());
    for l in &lines {
        assert_valid(&event_schema, l, &spec, "an exported event");
    }
    let csv = get(a, "/api/v1/export?format=csv");
    assert_eq!(csv.status, 200);
    assert!(csv.text().starts_with("id,type,mode,status,date,"));
    let tsv = get(a, "/api/v1/export?format=tsv");
    assert!(tsv.text().starts_with("id\ttype\t"));
    let parquet = get(a, "/api/v1/export?format=parquet");
    assert_eq!(parquet.status, 200);
    assert!(parquet.body.starts_with(b"PAR1") && parquet.body.ends_with(b"PAR1"));
    assert!(parquet
        .header("content-disposition")
        .is_some_and(|d| d.contains("events.parquet")));
}

/// The ids `dyad events` prints for some filters.
fn cli_ids(db: &std::path::Path, filters: &[&str]) -> Vec<String> {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(["events", "--db", db.to_str().expect("utf-8")])
        .args(filters)
        .output()
        .expect("dyad events runs");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).expect("JSON line");
            v["id"].as_str().expect("id").to_string()
        })
        .collect()
}

#[test]
fn pages_of_events_are_what_dyad_events_prints() {
    let srv = serve("api-paging");
    let db = srv.dir.join("dyad.db");
    for (query, flags) in [
        ("", vec![]),
        ("actor=USA&", vec!["--actor", "USA"]),
        ("status=planned&", vec!["--status", "planned"]),
        (
            "since=2023-06&until=2023-08&",
            vec!["--since", "2023-06", "--until", "2023-08"],
        ),
        ("type=CONSULT&", vec!["--type", "CONSULT"]),
        (
            "incomplete=true&undated=true&",
            vec!["--incomplete", "--undated"],
        ),
    ] {
        let expected = cli_ids(&db, &flags);
        let mut got = Vec::new();
        let mut offset = 0;
        loop {
            let page = get(
                &srv.addr,
                &format!("/api/v1/events?{query}limit=7&offset={offset}"),
            )
            .json();
            assert_eq!(
                page["total"].as_u64(),
                Some(expected.len() as u64),
                "{query}"
            );
            let events = page["events"].as_array().expect("events");
            got.extend(
                events
                    .iter()
                    .map(|e| e["id"].as_str().expect("id").to_string()),
            );
            offset += 7;
            if events.len() < 7 {
                break;
            }
        }
        assert_eq!(
            got, expected,
            "paging through {query:?} gives `dyad events` {flags:?}"
        );
    }
}

#[test]
fn one_event_carries_its_evidence_and_its_reports() {
    let srv = serve("api-event");
    let conflicts = get(&srv.addr, "/api/v1/conflicts").json();
    let id = conflicts["conflicts"][0]["event"]
        .as_str()
        .expect("a conflict");
    let d = get(&srv.addr, &format!("/api/v1/events/{id}")).json();
    assert_eq!(d["event"]["id"], id);
    assert!(!d["event"]["conflicts"]
        .as_array()
        .expect("conflicts")
        .is_empty());
    assert!(!d["event"]["status_history"]
        .as_array()
        .expect("history")
        .is_empty());
    let mentions = d["mentions"].as_array().expect("mentions");
    assert_eq!(
        mentions.len(),
        d["event"]["mentions"].as_array().expect("refs").len(),
        "every mention the event lists comes with its evidence"
    );
    for m in mentions {
        // The sentence offsets are characters of the document's text.
        let doc = get(
            &srv.addr,
            &format!("/api/v1/documents/{}", m["doc"].as_str().expect("doc")),
        )
        .json();
        let text: Vec<char> = doc["document"]["text"]
            .as_str()
            .expect("text")
            .chars()
            .collect();
        let (s, e) = (
            m["start"].as_u64().expect("start") as usize,
            m["end"].as_u64().expect("end") as usize,
        );
        let sentence: String = text[s..e].iter().collect();
        assert_eq!(sentence, m["sentence"].as_str().expect("sentence"));
        let ev = m["evidence"]["type"]
            .as_array()
            .expect("the trigger's span");
        let (ts, te) = (
            ev[0].as_u64().expect("n") as usize,
            ev[1].as_u64().expect("n") as usize,
        );
        assert!(s <= ts && te <= e, "the trigger lies in its sentence");
    }
}

#[test]
fn report_text_is_escaped_in_every_page() {
    let srv = serve("escape");
    let a = &srv.addr;
    let doc = get(a, &format!("/api/v1/documents/{HOSTILE_ID}")).json();
    // JSON carries the text as it is…
    assert!(doc["document"]["text"]
        .as_str()
        .expect("text")
        .contains("<script>"));
    let event = doc["events"][0]["id"]
        .as_str()
        .expect("the report was coded")
        .to_string();
    // …and no page lets it become markup.
    for page in [
        "/".to_string(),
        format!("/documents/{HOSTILE_ID}"),
        format!("/events/{event}"),
        "/search?q=shuttle+diplomacy".into(),
        "/search?q=%3Cscript%3E".into(),
        "/actors/KOR".into(),
        "/network".into(),
        "/conflicts".into(),
        "/events/%3Cscript%3E".into(),
    ] {
        let ans = get(a, &page);
        let html = ans.text();
        assert!(
            ans.header("content-type")
                .is_some_and(|c| c.starts_with("text/html")),
            "{page}"
        );
        assert!(!html.contains("<script"), "{page} lets a script through");
        assert!(!html.contains("<img"), "{page} lets an element through");
        if page.contains(HOSTILE_ID) || page.starts_with("/events/ev_") {
            assert!(
                html.contains("&lt;script&gt;alert("),
                "{page} shows the text"
            );
        }
    }
    assert_eq!(get(a, "/events/nope").status, 404);
    assert_eq!(get(a, "/no/such/page").status, 404);
}
