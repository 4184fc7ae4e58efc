#!/usr/bin/env python3
"""Where dyad's canonical events differ from a gold set, event by event.

usage: python3 tools/events_diff.py GOLD_PREFIX EVENTS.jsonl

Uses ../shared/eval/score_events.py's own matching (type, overlapping actors, dates agreeing at
the coarser grain), then prints: each gold event with the attributes the matched engine event gets
wrong (status, date, location, participants, reports), the gold events nothing matched (with the
engine events of the same type that came closest), and the engine events that match no gold event
with their reports and first sentence. For studying misses, not for scoring.
"""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "shared", "eval"))
import score_events as se  # noqa: E402


def short(e):
    loc = e.get("location") or {}
    return (f"{e.get('type')} {e.get('mode')} {e.get('status')} {se.date_of(e)} "
            f"loc={loc.get('name')}/{loc.get('country')} actors={sorted(se.actors(e))} "
            f"people={sorted(se.names(e))}")


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    gold = se.load(sys.argv[1] + ".events.jsonl")
    system = se.load(sys.argv[2])
    pairs = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            if (s.get("type") or "").upper() != g["type"]:
                continue
            ga, sa = set(g["actors"]), se.actors(s)
            if not sa or len(ga & sa) / len(ga | sa) < 0.5:
                continue
            if not se.dates_agree(g["date"], se.date_of(s)):
                continue
            score = len(ga & sa) / len(ga | sa) + se.f1(se.mention_docs(s), {m["doc"] for m in g["mentions"]})
            pairs.append((score, gi, si))
    pairs.sort(reverse=True)
    used_g, used_s, match = set(), set(), {}
    for _, gi, si in pairs:
        if gi in used_g or si in used_s:
            continue
        used_g.add(gi)
        used_s.add(si)
        match[gi] = si
    print("## matched gold events with wrong attributes")
    for gi, si in sorted(match.items()):
        g, s = gold[gi], system[si]
        wrong = []
        if s.get("status") != g["status"]:
            wrong.append(f"status {s.get('status')} (gold {g['status']})")
        sd = se.date_of(s) or ""
        if not (sd[:len(g["date"])] == g["date"] and len(sd[:10]) >= len(g["date"])):
            wrong.append(f"date {sd} (gold {g['date']})")
        gl = g.get("location")
        if gl:
            gc = "virtual" if gl.get("name") == "virtual" else gl.get("country")
            if se.loc_country(s) != gc:
                wrong.append(f"location {se.loc_country(s)} (gold {gc})")
        gp = {se.norm_name(p["name"]) for p in g.get("participants") or []}
        if gp and se.f1(se.names(s), gp, se.name_match) < 1.0:
            wrong.append(f"people {sorted(se.names(s))} (gold {sorted(gp)})")
        gd, sd2 = {m["doc"] for m in g["mentions"]}, se.mention_docs(s)
        if gd != sd2:
            wrong.append(f"reports missing {sorted(gd - sd2)} extra {sorted(sd2 - gd)}")
        if wrong:
            print(f"- {g['id']} ({'core' if g.get('core') else 'optional'}) = {s.get('id')}")
            for w in wrong:
                print(f"    {w}")
    print("\n## gold events nothing matched")
    for gi, g in enumerate(gold):
        if gi in match:
            continue
        print(f"- {g['id']} ({'core' if g.get('core') else 'optional'}): {g['type']} {g['status']} {g['date']} "
              f"actors={g['actors']} reports={sorted(m['doc'] for m in g['mentions'])}")
        near = [s for s in system if (s.get("type") or "").upper() == g["type"]
                and se.actors(s) & set(g["actors"])]
        for s in near[:4]:
            print(f"    near: {s.get('id')} {short(s)} reports={sorted(se.mention_docs(s))}")
    print("\n## engine events matching no gold event")
    for si, s in enumerate(system):
        if si in used_s:
            continue
        first = (s.get("mentions") or [{}])[0].get("sentence", "")
        print(f"- {s.get('id')} {short(s)} reports={sorted(se.mention_docs(s))}")
        print(f"    {first[:160]}")


if __name__ == "__main__":
    main()
