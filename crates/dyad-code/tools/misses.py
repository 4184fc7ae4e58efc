#!/usr/bin/env python3
"""Split `dyad code`'s misses on the evaluation suites by class, per half.

usage (from the repository root):
  python3 crates/dyad-code/tools/misses.py DYAD [plover|unit|news|all] [--half even|odd] [--show CLASS] [--n N]

Suites: PLOVER's gold records, PETRARCH2's unit tests (with the PETR.Validate dictionaries) and
PETRARCH2's real-news gold. Records are split by index into an even and an odd half (look at
misses on one half, confirm gains on the other). Classes of a missed expected coding:
  none        dyad codes no event for the record
  parties     an event of the right type, wrong source/target
  type        an event with the right source and target, another type
  both        events, but none with the right type or the right parties
Extra events are counted per record as in tools/score_plover.py / score_petrarch.py.
--show CLASS prints the missed records of that class (or 'extra' for records with extra events,
'all' for every miss) with dyad's events. --against OTHER_DYAD lists the records whose misses
differ between the two binaries.
"""
import json, os, subprocess, sys, tempfile
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
sys.path.insert(0, os.path.join(ROOT, "tools"))
import score_petrarch as sp  # noqa: E402

SHARED = os.path.join(ROOT, "..", "shared", "data")
RESULTS = []
# Older gold categories and where PLOVER files them (manual, CAMEO table: 09 INVESTIGATE and
# 11 DISAPPROVE are ACCUSE with mode investigate / disapprove).
OLD = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}


def plover_codes(side):
    out = set()
    if isinstance(side, (str, dict)):
        side = [side]
    for a in side or []:
        c = ((a.get("code") if isinstance(a, dict) else a) or "")[:3]
        if c:
            out.add(c)
    return out


def load(suite):
    """Records as dicts: id, text, published, want (list of (type, src set, tgt set)), kind."""
    if suite == "plover":
        path = os.path.join(SHARED, "plover/gold_standard_records/PLOVER_GSR_CAMEO.shared.json")
        recs = [r for r in json.load(open(path)) if r.get("event") not in (None, "DOCUMENT") and r.get("text")]
        return [{"id": r["id"], "text": r["text"], "published": r.get("date") or "2000-01-01",
                 "want": [(OLD.get(r["event"], r["event"]), plover_codes(r.get("source")),
                           plover_codes(r.get("target")))]} for r in recs], []
    if suite == "unit":
        path = os.path.join(SHARED, "petrarch2/validation/PETR.UnitTest.records.shared.xml")
        d = os.path.join(SHARED, "petrarch2/dictionaries")
        args = ["--kb", f"{d}/PETR.Validate.actors.txt", "--kb", f"{d}/PETR.Validate.agents.txt",
                "--patterns", f"{d}/PETR.Validate.verbs.txt"]
    else:
        path = os.path.join(SHARED, "petrarch2/universalpetrarch/PETR2_GSR_validation.xml")
        args = []
    out = []
    for r in sp.records(path):
        want = []
        for c in r["codings"]:
            s, t = sp.code3(c.get("sourcecode")), sp.code3(c.get("targetcode"))
            want.append(((c.get("eventcode") or "")[:2], {s} - {"", "---"}, {t} - {"", "---"}))
        out.append({"id": r["id"], "text": r["text"], "published": r["published"] or "2000-01-01", "want": want})
    return out, args


def run(binary, recs, args):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        for r in recs:
            f.write(json.dumps({"id": r["id"], "text": r["text"], "published": r["published"]}) + "\n")
        corpus = f.name
    out = subprocess.run([binary, "code", corpus] + args, capture_output=True, text=True)
    os.unlink(corpus)
    by_doc = {}
    for line in out.stdout.splitlines():
        m = json.loads(line)
        by_doc.setdefault(m["doc"], []).append(m)
    return by_doc


def sides(m, suite):
    if suite == "plover":
        actors = set(m.get("actors") or [])
        return ({(m.get("source") or {}).get("country")} | actors,
                {(m.get("target") or {}).get("country")} | actors)
    return sp.side(m, "source"), sp.side(m, "target")


def type_ok(m, typ, suite):
    return m["type"] == typ if suite == "plover" else (m.get("cameo") or "").startswith(typ)


def analyse(binary, suite, half, show, n_show):
    recs, args = load(suite)
    by_doc = run(binary, recs, args)
    stats = {h: Counter() for h in ("even", "odd")}
    shown = 0
    for i, r in enumerate(recs):
        h = "even" if i % 2 == 0 else "odd"
        st = stats[h]
        ms = by_doc.get(r["id"], [])
        used = set()
        classes = []
        for typ, src, tgt in r["want"]:
            st["codings"] += 1
            def party(m):
                s, t = sides(m, suite)
                return (not src or src & s) and (not tgt or tgt & t)
            hit = next((k for k, m in enumerate(ms) if type_ok(m, typ, suite) and party(m)), None)
            if hit is not None:
                used.add(hit)
                st["found"] += 1
                continue
            if not ms:
                c = "none"
            elif any(type_ok(m, typ, suite) for m in ms):
                c = "parties"
            elif any(party(m) for m in ms):
                c = "type"
            else:
                c = "both"
            st[c] += 1
            classes.append((c, typ, src, tgt))
        if not r["want"] and ms:
            classes.append(("spurious", None, set(), set()))
            st["spurious"] += 1
        RESULTS.append((r["id"], h, tuple(c[0] for c in classes)))
        nextra = len(ms) - len(used) if suite != "plover" else max(0, len(ms) - (1 if used else 0))
        st["extra"] += nextra
        st["records"] += 1
        if h != half and half != "both":
            continue
        sel = (show == "all" and classes) or any(c[0] == show for c in classes) or (show == "extra" and nextra)
        if sel and shown < n_show:
            shown += 1
            print(f"--- {r['id']} want={[(t, sorted(s), sorted(g)) for t, s, g in r['want']]} "
                  f"miss={[c[0] for c in classes]} extra={nextra}")
            print("   ", r["text"])
            for m in ms:
                s = m.get("source") or {}
                t = m.get("target") or {}
                print(f"    -> {m['type']} {m.get('cameo')} src={s.get('actor')}/{s.get('country')}({s.get('text')}) "
                      f"tgt={t.get('actor')}/{t.get('country')}({t.get('text')}) actors={m.get('actors')} "
                      f"trig={m['sentence'][m['evidence']['type'][0]:m['evidence']['type'][1]] if m.get('evidence', {}).get('type') else None}")
    for h, st in stats.items():
        n, c = st["records"], st["codings"]
        print(f"{suite:6} {h:4} records={n} found={st['found'] / c:.3f} extra/rec={st['extra'] / n:.3f} "
              f"none={st['none']} parties={st['parties']} type={st['type']} both={st['both']} spurious={st['spurious']}")


def main():
    a = sys.argv[1:]
    binary = a[0]
    suites = a[1] if len(a) > 1 and not a[1].startswith("--") else "all"
    def opt(name, default):
        return a[a.index(name) + 1] if name in a else default
    half, show, n_show = opt("--half", "even"), opt("--show", None), int(opt("--n", "1000"))
    for s in (["plover", "unit", "news"] if suites == "all" else [suites]):
        analyse(binary, s, half, show, n_show)
    other = opt("--against", None)
    if other:
        # Records whose misses differ from those of another binary.
        mine = {r[0]: r for r in RESULTS}
        RESULTS.clear()
        for s in (["plover", "unit", "news"] if suites == "all" else [suites]):
            analyse(other, s, "none", None, 0)
        for rid, h, c in RESULTS:
            if rid in mine and mine[rid][2] != c:
                print(f"changed {h:4} {rid}: {list(c)} -> {list(mine[rid][2])}")


if __name__ == "__main__":
    main()
