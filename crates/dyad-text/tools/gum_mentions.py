#!/usr/bin/env python3
"""Named-mention evaluation against GUM's entity annotation (evaluation only:
GUM is licensed for non-commercial use and never trains dyad's models).

usage:
  gum_mentions.py make GUM.conllu OUTDIR        (same documents as raw_eval.py make)
  gum_mentions.py score GUM.conllu SYSTEM.jsonl  (SYSTEM = dyad parse OUTDIR --format jsonl)

Gold mentions: GUM entities of type person, place or organization whose
syntactic head is a proper noun (PROPN). A system mention matches a gold one when both end
at the same character and the system's start lies inside the gold span (GUM
spans include determiners and modifiers: "the Japanese minister Hayashi").
Typed match: PERSON↔person, ORG↔organization, GPE/LOC↔place.
"""
import json, re, sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import raw_eval

TYPES = {"person": "PERSON", "organization": "ORG", "place": "PLACE"}


def gold_mentions(path):
    docs = raw_eval.gold_docs(path)
    # Walk the file again for MISC Entity brackets and UPOS, in the same word order.
    per_doc, cur, sent_start = [], None, 0
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("# newdoc"):
            cur = []
            per_doc.append(cur)
        if line.startswith("# sent_id"):
            sent_start = len(cur)
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if not cols[0].isdigit():
            continue
        head = int(cols[6])
        cur.append((cols[3], cols[9], sent_start + head - 1 if head else -1))
    out = []
    for d, rows in zip(docs, per_doc):
        spans = [(s, e) for (_, _, ws) in d["sents"] for (s, e, _, _) in ws]
        stack, found = {}, []
        for i, (upos, misc, _) in enumerate(rows):
            ent = next((m.split("=", 1)[1] for m in misc.split("|") if m.startswith("Entity=")), "")
            for m in re.finditer(r"\(([^()]*)(\))?|(\d+)\)", ent):
                if m.group(3):
                    eid = m.group(3)
                    if stack.get(eid):
                        start, etype = stack[eid].pop()
                        found.append((start, i, etype))
                    continue
                fields = m.group(1).split("-")
                if len(fields) < 2:
                    continue
                eid, etype = fields[0], fields[1]
                if m.group(2):
                    found.append((i, i, etype))
                else:
                    stack.setdefault(eid, []).append((i, etype))
        mentions = set()
        for (a, b, etype) in found:
            heads = [k for k in range(a, b + 1) if not a <= rows[k][2] <= b]
            head = heads[0] if heads else b
            if etype in TYPES and rows[head][0] == "PROPN" and b < len(spans):
                mentions.add((spans[a][0], spans[b][1], TYPES[etype]))
        out.append(mentions)
    return out


def main():
    if len(sys.argv) >= 4 and sys.argv[1] == "make":
        raw_eval.make(sys.argv[2], sys.argv[3])
        return
    if len(sys.argv) < 4 or sys.argv[1] != "score":
        print(__doc__)
        sys.exit(1)
    gold = gold_mentions(sys.argv[2])
    system = [json.loads(l) for l in open(sys.argv[3], encoding="utf-8")]
    kinds = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE"}
    tp = typed = sys_n = gold_n = 0
    for g, s in zip(gold, system):
        sm = [(m["start"], m["end"], kinds.get(m["type"])) for m in s["mentions"] if m["type"] in kinds]
        sys_n += len(sm)
        gold_n += len(g)
        by_end = {}
        for (a, b, t) in g:
            by_end.setdefault(b, []).append((a, t))
        for (a, b, t) in sm:
            cands = [c for c in by_end.get(b, []) if c[0] <= a]
            if cands:
                tp += 1
                typed += any(ct == t for (_, ct) in cands)
    f = lambda c: round(2 * c / (sys_n + gold_n), 4) if sys_n + gold_n else 0.0
    print(json.dumps({"gold": gold_n, "system": sys_n, "untyped_f1": f(tp), "typed_f1": f(typed),
                      "typed_precision": round(typed / sys_n, 4) if sys_n else 0.0,
                      "typed_recall": round(typed / gold_n, 4) if gold_n else 0.0}))


if __name__ == "__main__":
    main()
