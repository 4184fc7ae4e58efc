#!/usr/bin/env python3
"""Score `dyad code` on PLOVER's gold-standard records (real-world sentences with a PLOVER type
and source/target countries): the share of records where dyad finds the expected event (same PLOVER
type, the gold source among the event's source or actors, the gold target — where gold has one —
among its target or actors) and the extra events per record.

usage: python3 tools/score_plover.py DYAD_BINARY ../shared/data/plover/gold_standard_records/PLOVER_GSR_CAMEO.shared.json [dyad code options...]
"""
import json, subprocess, sys, tempfile, os
from collections import Counter

# Older gold categories and where PLOVER files them (manual, CAMEO table: 09 INVESTIGATE and
# 11 DISAPPROVE are ACCUSE with mode investigate / disapprove).
OLD = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}

def codes(side):
    out = set()
    if isinstance(side, (str, dict)):
        side = [side]
    for a in side or []:
        c = ((a.get("code") if isinstance(a, dict) else a) or "")[:3]
        if c:
            out.add(c)
    return out

def main():
    binary, path = sys.argv[1], sys.argv[2]
    recs = [r for r in json.load(open(path)) if r.get("event") not in (None, "DOCUMENT") and r.get("text")]
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        for r in recs:
            f.write(json.dumps({"id": r["id"], "text": r["text"], "published": r.get("date") or "2000-01-01"}) + "\n")
        corpus = f.name
    out = subprocess.run([binary, "code", corpus] + sys.argv[3:], capture_output=True, text=True)
    os.unlink(corpus)
    by_doc = {}
    for line in out.stdout.splitlines():
        m = json.loads(line)
        by_doc.setdefault(m["doc"], []).append(m)
    found = extra = 0
    per_type = Counter(); per_type_found = Counter()
    for r in recs:
        typ = OLD.get(r["event"], r["event"])
        src, tgt = codes(r.get("source")), codes(r.get("target"))
        per_type[typ] += 1
        ms = by_doc.get(r["id"], [])
        def ok(m):
            if m["type"] != typ:
                return False
            actors = set(m.get("actors") or [])
            s = {(m.get("source") or {}).get("country")} | actors
            t = {(m.get("target") or {}).get("country")} | actors
            return (not src or src & s) and (not tgt or tgt & t)
        hit = any(ok(m) for m in ms)
        found += hit; per_type_found[typ] += hit
        extra += max(0, len(ms) - (1 if hit else 0))
    n = len(recs)
    print(json.dumps({"records": n, "found": round(found / n, 3), "extra_per_record": round(extra / n, 3),
                      "by_type": {t: f"{per_type_found[t]}/{per_type[t]}" for t in sorted(per_type)}}))

if __name__ == "__main__":
    main()
