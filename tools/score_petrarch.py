#!/usr/bin/env python3
"""Score `dyad code` on PETRARCH2's validation records: the unit-test records (fictional
countries, coded against the PETR.Validate.* dictionaries) or the 78 real-news gold records.

usage:
  python3 tools/score_petrarch.py DYAD RECORDS.xml [--json] [-- dyad code options...]

  unit tests:  python3 tools/score_petrarch.py target/release/dyad \
                 ../shared/data/petrarch2/validation/PETR.UnitTest.records.shared.xml -- \
                 --kb ../shared/data/petrarch2/dictionaries/PETR.Validate.actors.txt \
                 --kb ../shared/data/petrarch2/dictionaries/PETR.Validate.agents.txt \
                 --patterns ../shared/data/petrarch2/dictionaries/PETR.Validate.verbs.txt
  real news:   python3 tools/score_petrarch.py target/release/dyad \
                 ../shared/data/petrarch2/universalpetrarch/PETR2_GSR_validation.xml

A record's expected coding is found when one of dyad's events for that sentence has the
same CAMEO root (first two digits), and its source and target (country code, the first
three letters of the CAMEO actor code) agree with the expected ones: the source among
the event's source or actors, the target among its target or actors. Records expecting
no event count as found when dyad codes none. Extra events are dyad's events matched to
no expected coding; one event may answer several codings (PETRARCH codes a joint act of
three parties as a coding per pair, dyad as one event). Figures: the share of expected codings found, the share of records
whose codings are all found, and extra events per record.

The files are read record by record with regular expressions, not as XML: the
real-news file is not well-formed (a self-closing <Sentence .../> is followed by a
closing tag).
"""
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter

SENTENCE = re.compile(r"<Sentence\b([^>]*?)/?>(.*?)(?=<Sentence\b|</Sentences>|\Z)", re.S)
ATTR = re.compile(r'(\w+)="([^"]*)"')
CODING = re.compile(r"<EventCoding\b([^>]*)/?>")
TEXT = re.compile(r"<Text>(.*?)</Text>", re.S)
COMMENT = re.compile(r"<!--.*?-->", re.S)


def records(path):
    raw = COMMENT.sub("", open(path, encoding="utf-8", errors="replace").read())
    out = []
    for m in SENTENCE.finditer(raw):
        attrs = dict(ATTR.findall(m.group(1)))
        body = m.group(2)
        t = TEXT.search(body)
        if not t or not attrs.get("id") or attrs.get("id") == "FINAL-RECORD":
            continue
        codings, none = [], False
        for c in CODING.finditer(body):
            ca = dict(ATTR.findall(c.group(1)))
            if ca.get("noevents", "").lower() == "true":
                none = True
            elif ca.get("eventcode"):
                codings.append(ca)
        if not codings and not none:
            continue
        date = attrs.get("date", "")
        published = f"{date[:4]}-{date[4:6]}-{date[6:8]}" if re.fullmatch(r"\d{8}", date) else None
        text = " ".join(t.group(1).split())
        out.append({"id": attrs["id"], "text": text, "published": published, "codings": codings})
    return out


def code3(x):
    return (x or "").strip().upper()[:3]


def side(m, key):
    v = m.get(key) or {}
    out = {code3(v.get("country")), code3(v.get("actor"))}
    out |= {code3(a) for a in m.get("actors") or []}
    out.discard("")
    return out


def matches(coding, m):
    want = (coding.get("eventcode") or "")[:2]
    if not (m.get("cameo") or "").startswith(want):
        return False
    src, tgt = code3(coding.get("sourcecode")), code3(coding.get("targetcode"))
    if src and src != "---" and src not in side(m, "source"):
        return False
    if tgt and tgt != "---" and tgt not in side(m, "target"):
        return False
    return True


def main():
    argv = sys.argv[1:]
    extra_args = []
    if "--" in argv:
        k = argv.index("--")
        argv, extra_args = argv[:k], argv[k + 1:]
    as_json = "--json" in argv
    argv = [a for a in argv if a != "--json"]
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    binary, path = argv
    recs = records(path)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        for r in recs:
            f.write(json.dumps({"id": r["id"], "text": r["text"], "published": r["published"]}) + "\n")
        corpus = f.name
    out = subprocess.run([binary, "code", corpus] + extra_args, capture_output=True, text=True)
    os.unlink(corpus)
    if out.returncode not in (0, 2):
        print(out.stderr, file=sys.stderr)
        sys.exit(1)
    by_doc = {}
    for line in out.stdout.splitlines():
        m = json.loads(line)
        by_doc.setdefault(m["doc"], []).append(m)
    n_codings = found = records_ok = extra = 0
    by_root = Counter()
    by_root_found = Counter()
    misses = []
    for r in recs:
        ms = by_doc.get(r["id"], [])
        used = set()
        ok = True
        for c in r["codings"]:
            n_codings += 1
            root = (c.get("eventcode") or "")[:2]
            by_root[root] += 1
            # PETRARCH writes a joint act of several parties as one coding per
            # pair; dyad writes one event with every party, which answers each.
            hit = next((i for i, m in enumerate(ms) if matches(c, m)), None)
            if hit is None:
                ok = False
                misses.append((r["id"], c.get("sourcecode"), c.get("eventcode"), c.get("targetcode"),
                               [(m.get("cameo"), (m.get("source") or {}).get("actor"),
                                 (m.get("target") or {}).get("actor")) for m in ms]))
            else:
                used.add(hit)
                found += 1
                by_root_found[root] += 1
        if not r["codings"] and ms:
            ok = False
        records_ok += ok
        extra += len(ms) - len(used)
    n = len(recs)
    result = {
        "records": n,
        "codings": n_codings,
        "found": round(found / n_codings, 3) if n_codings else None,
        "records_all_found": round(records_ok / n, 3) if n else None,
        "extra_per_record": round(extra / n, 3) if n else None,
        "by_root": {k: f"{by_root_found[k]}/{by_root[k]}" for k in sorted(by_root)},
    }
    if as_json:
        print(json.dumps(result))
    else:
        print(json.dumps(result, indent=1))
        if os.environ.get("DYAD_SHOW_MISSES"):
            for x in misses:
                print(x)


if __name__ == "__main__":
    main()
