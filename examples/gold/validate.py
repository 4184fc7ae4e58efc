#!/usr/bin/env python3
"""Validate the gold files of one of dyad's example corpora (by default the bundled sample).

usage: python3 examples/gold/validate.py [--corpus sample|check|holdout|final] [--lines DOC_ID]

--corpus NAME (default: sample) validates examples/gold/NAME.{docs,events,conflicts}.jsonl against the
documents in examples/NAME/.

Checks, with the standard library only:
  * every row of NAME.docs.jsonl, NAME.events.jsonl and NAME.conflicts.jsonl has the fields of
    /work/shared/gold/SCHEMA.md (copied into the checks below) with the right types and values;
  * every document id in the gold exists as a file under examples/NAME/ (<id>.txt or <id>.html)
    or as a row of examples/NAME/wire.jsonl, and every document has exactly one docs row;
  * every mention quote appears verbatim in its document's text;
  * every boilerplate line appears verbatim (trimmed) in its document's text: as a whole line for
    plain text, as a line (or part of one) of the visible text for HTML;
  * events and conflicts refer to each other consistently.

"Text" of an HTML document (a .html file or a JSONL row with "html") is its visible text: everything
outside <head>, <script>, <style> and <template>, with a line break at every block-level element,
whitespace collapsed within a line, character references decoded.

--lines DOC_ID prints the text lines of one document, as the checks see them, and exits.
Exit status 0 when everything passes, 1 otherwise.
"""
import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = "sample"
if "--corpus" in sys.argv:
    CORPUS = sys.argv[sys.argv.index("--corpus") + 1]
    if not re.fullmatch(r"[a-z0-9_-]+", CORPUS):
        raise SystemExit(f"bad corpus name {CORPUS!r}")
SAMPLE = HERE.parent / CORPUS

PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
CONSULT_MODES = {"visit", "third-party", "multilateral", "phone"}
STATUSES = {"occurred", "planned", "postponed", "cancelled"}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})?)?)?)?$")
ACTOR_RE = re.compile(r"^[A-Z]{3}$|^[A-Z]{2,}[A-Za-z0-9_-]*$")

BLOCK = {"address", "article", "aside", "blockquote", "br", "button", "dd", "div", "dl", "dt",
         "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
         "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul"}
HIDDEN = {"head", "script", "style", "template", "noscript"}
ROW_TITLES = {}  # JSONL row id -> the row's "title"


class Visible(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in HIDDEN:
            self.hidden += 1
        elif tag in BLOCK:
            self.parts.append("\n")

    def handle_startendtag(self, tag, attrs):
        if tag in BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.hidden:
            # source line breaks are whitespace, not visible line breaks
            self.parts.append(data.replace("\r", " ").replace("\n", " "))


def visible_lines(html):
    p = Visible()
    p.feed(html)
    p.close()
    lines = (" ".join(l.split()) for l in "".join(p.parts).split("\n"))
    return [l for l in lines if l]


def load_documents():
    """id -> (kind, lines) where kind is 'txt' or 'html'."""
    docs = {}
    for f in sorted(SAMPLE.iterdir()):
        if f.suffix == ".txt":
            docs[f.stem] = ("txt", [l.strip() for l in f.read_text(encoding="utf-8").splitlines()])
        elif f.suffix in (".html", ".htm"):
            docs[f.stem] = ("html", visible_lines(f.read_text(encoding="utf-8")))
        elif f.suffix == ".jsonl":
            for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
                if not line.strip():
                    continue
                row = json.loads(line)
                rid = row.get("id")
                if not isinstance(rid, str) or not rid:
                    raise SystemExit(f"{f.name}:{n}: row without an id")
                if rid in docs:
                    raise SystemExit(f"{f.name}:{n}: duplicate document id {rid}")
                for k in ("url", "published", "title"):
                    if k not in row:
                        raise SystemExit(f"{f.name}:{n}: row {rid} lacks {k!r}")
                ROW_TITLES[rid] = row.get("title")
                if isinstance(row.get("html"), str):
                    docs[rid] = ("html", visible_lines(row["html"]))
                elif isinstance(row.get("text"), str):
                    docs[rid] = ("txt", [l.strip() for l in row["text"].splitlines()])
                else:
                    raise SystemExit(f"{f.name}:{n}: row {rid} has neither text nor html")
    return docs


def read_jsonl(path, errors):
    rows = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        errors.append(f"{path.name}: missing")
        return rows
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rows.append((n, json.loads(line)))
        except json.JSONDecodeError as e:
            errors.append(f"{path.name}:{n}: bad JSON ({e})")
    return rows


def is_str(v):
    return isinstance(v, str) and v.strip() != ""


def opt_str(v):
    return v is None or is_str(v)


def norm(s):
    return " ".join(s.split())


def check_location(loc, where, errors, allow_null=True):
    if loc is None:
        if not allow_null:
            errors.append(f"{where}: location must not be null here")
        return
    if not isinstance(loc, dict) or not is_str(loc.get("name")):
        errors.append(f"{where}: location must be null or {{name, country}}")
        return
    if loc["name"] != "virtual" and not (isinstance(loc.get("country"), str) and re.fullmatch(r"[A-Z]{3}", loc["country"])):
        errors.append(f"{where}: location {loc['name']!r} needs an alpha-3 country")


def main():
    docs = load_documents()
    if "--lines" in sys.argv:
        doc = sys.argv[sys.argv.index("--lines") + 1]
        for line in docs[doc][1]:
            print(line)
        return 0

    errors = []
    counts = {}

    # documents
    drows = read_jsonl(HERE / f"{CORPUS}.docs.jsonl", errors)
    counts["docs"] = len(drows)
    seen = set()
    for n, d in drows:
        w = f"{CORPUS}.docs.jsonl:{n}"
        for k in ("id", "published", "published_in_text", "title", "outlet", "byline", "dateline", "boilerplate"):
            if k not in d:
                errors.append(f"{w}: missing field {k!r}")
        did = d.get("id")
        if not is_str(did):
            errors.append(f"{w}: bad id")
            continue
        w = f"{w} ({did})"
        if did in seen:
            errors.append(f"{w}: duplicate row")
        seen.add(did)
        if did not in docs:
            errors.append(f"{w}: no such document in examples/{CORPUS}")
            continue
        if not (is_str(d.get("published")) and DATE_RE.match(d["published"])):
            errors.append(f"{w}: published must be ISO 8601")
        if not isinstance(d.get("published_in_text"), bool):
            errors.append(f"{w}: published_in_text must be true/false")
        for k in ("title", "outlet", "byline", "dateline"):
            if not opt_str(d.get(k)):
                errors.append(f"{w}: {k} must be a string or null")
        if "note" in d and not is_str(d["note"]):
            errors.append(f"{w}: note must be a string")
        kind, lines = docs[did]
        bp = d.get("boilerplate")
        if not isinstance(bp, list) or not all(is_str(b) for b in bp):
            errors.append(f"{w}: boilerplate must be a list of strings")
            continue
        for b in bp:
            if b != b.strip():
                errors.append(f"{w}: boilerplate line not trimmed: {b!r}")
            if kind == "txt":
                if b.strip() not in lines:
                    errors.append(f"{w}: boilerplate line not in text: {b!r}")
            elif not any(norm(b) == l or norm(b) in l for l in lines):
                errors.append(f"{w}: boilerplate line not in visible text: {b!r}")
        if d.get("title"):
            # a headline stands as a line of the text, or (JSONL rows) in the row's "title" field
            in_text = norm(d["title"]) in [norm(l) for l in lines]
            if not in_text and norm(d["title"]) != norm(ROW_TITLES.get(did) or ""):
                errors.append(f"{w}: title is neither a line of the text nor the row's title")
    for did in docs:
        if did not in seen:
            errors.append(f"{CORPUS}.docs.jsonl: no row for document {did}")

    # events
    erows = read_jsonl(HERE / f"{CORPUS}.events.jsonl", errors)
    counts["events"] = len(erows)
    counts["core"] = sum(1 for _, e in erows if e.get("core") is True)
    eids = set()
    for n, e in erows:
        w = f"{CORPUS}.events.jsonl:{n}"
        for k in ("id", "core", "type", "mode", "actors", "participants", "date", "location", "status",
                  "status_history", "mentions"):
            if k not in e:
                errors.append(f"{w}: missing field {k!r}")
        if not is_str(e.get("id")):
            errors.append(f"{w}: bad id")
            continue
        w = f"{w} ({e['id']})"
        if e["id"] in eids:
            errors.append(f"{w}: duplicate id")
        eids.add(e["id"])
        if not isinstance(e.get("core"), bool):
            errors.append(f"{w}: core must be true/false")
        if e.get("type") not in PLOVER_TYPES:
            errors.append(f"{w}: type {e.get('type')!r} is not a PLOVER type")
        mode = e.get("mode")
        if mode is not None and not (e.get("type") == "CONSULT" and mode in CONSULT_MODES):
            errors.append(f"{w}: mode {mode!r} not allowed for {e.get('type')}")
        actors = e.get("actors")
        if not isinstance(actors, list) or not actors or not all(isinstance(a, str) and ACTOR_RE.match(a) for a in actors):
            errors.append(f"{w}: actors must be a non-empty list of codes")
            actors = []
        for k in ("source", "target"):
            if k in e:
                v = e[k]
                vs = v if isinstance(v, list) else [v]
                if not all(isinstance(x, str) and x in actors for x in vs):
                    errors.append(f"{w}: {k} {v!r} must be among the actors")
        if mode == "visit" and not ("source" in e and "target" in e):
            errors.append(f"{w}: a CONSULT visit needs source (visitor) and target (host)")
        parts = e.get("participants")
        if not isinstance(parts, list):
            errors.append(f"{w}: participants must be a list")
        else:
            for p in parts:
                if not (isinstance(p, dict) and is_str(p.get("name")) and is_str(p.get("country")) and is_str(p.get("role"))):
                    errors.append(f"{w}: participant needs name, country, role: {p!r}")
        if not (is_str(e.get("date")) and DATE_RE.match(e["date"])):
            errors.append(f"{w}: date must be ISO 8601")
        check_location(e.get("location"), w, errors)
        if e.get("status") not in STATUSES:
            errors.append(f"{w}: status {e.get('status')!r}")
        sh = e.get("status_history")
        if not isinstance(sh, list) or not sh:
            errors.append(f"{w}: status_history must be a non-empty list")
        else:
            for h in sh:
                if not isinstance(h, dict) or h.get("as_of") not in docs or h.get("status") not in STATUSES:
                    errors.append(f"{w}: bad status_history entry {h!r}")
                    continue
                if "date" in h and not (is_str(h["date"]) and DATE_RE.match(h["date"])):
                    errors.append(f"{w}: bad status_history date {h['date']!r}")
                if "location" in h:
                    check_location(h["location"], f"{w} status_history", errors)
        ms = e.get("mentions")
        if not isinstance(ms, list) or not ms:
            errors.append(f"{w}: mentions must be a non-empty list")
        else:
            for m in ms:
                if not isinstance(m, dict) or m.get("doc") not in docs or not is_str(m.get("quote")):
                    errors.append(f"{w}: bad mention {m!r}")
                    continue
                text = norm(" ".join(docs[m["doc"]][1]))
                if norm(m["quote"]) not in text:
                    errors.append(f"{w}: quote not found in {m['doc']}: {m['quote']!r}")
            mdocs = {m.get("doc") for m in ms if isinstance(m, dict)}
            if isinstance(sh, list):
                for h in sh:
                    if isinstance(h, dict) and h.get("as_of") not in mdocs:
                        errors.append(f"{w}: status_history cites {h.get('as_of')} which is not among the mentions")
        if "note" in e and not is_str(e["note"]):
            errors.append(f"{w}: note must be a string")

    # conflicts
    crows = read_jsonl(HERE / f"{CORPUS}.conflicts.jsonl", errors)
    counts["conflicts"] = len(crows)
    counts["flag_true"] = sum(1 for _, c in crows if c.get("flag") is True)
    for n, c in crows:
        w = f"{CORPUS}.conflicts.jsonl:{n}"
        for k in ("event", "field", "flag", "values", "truth"):
            if k not in c:
                errors.append(f"{w}: missing field {k!r}")
        if c.get("event") not in eids:
            errors.append(f"{w}: unknown event {c.get('event')!r}")
        if not is_str(c.get("field")):
            errors.append(f"{w}: field must be a string")
        if not isinstance(c.get("flag"), bool):
            errors.append(f"{w}: flag must be true/false")
        vals = c.get("values")
        if not isinstance(vals, list) or len(vals) < 2:
            errors.append(f"{w}: values must list at least two readings")
        else:
            for v in vals:
                if not (isinstance(v, dict) and is_str(v.get("value")) and isinstance(v.get("docs"), list)
                        and v["docs"] and all(x in docs for x in v["docs"])):
                    errors.append(f"{w}: bad value {v!r}")
        if not is_str(c.get("truth")):
            errors.append(f"{w}: truth must be a string")
    if not any(c.get("flag") is True for _, c in crows) or not any(c.get("flag") is False for _, c in crows):
        errors.append(f"{CORPUS}.conflicts.jsonl: needs both flag:true and flag:false rows")

    for e in errors:
        print("FAIL", e)
    summary = ", ".join(f"{k}={v}" for k, v in counts.items())
    print(f"{'FAILED' if errors else 'OK'}: {len(docs)} documents; {summary}; {len(errors)} problem(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
