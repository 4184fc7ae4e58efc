#!/usr/bin/env python3
"""Per-page token precision/recall of `dyad read` output against the extraction ground truth,
worst first: a tool for improving the HTML reader.

usage: python3 tools/extraction_worst.py GROUND_TRUTH.json READ.jsonl [N]
"""
import json, re, sys
from collections import Counter

W = re.compile(r"\w+")
gt = json.load(open(sys.argv[1]))
pred = {}
for l in open(sys.argv[2]):
    if l.strip():
        d = json.loads(l); pred[d["id"]] = d.get("text") or ""
rows = []
for k, v in gt.items():
    g = Counter(W.findall(v["articleBody"])); p = Counter(W.findall(pred.get(k, "")))
    tp = sum((g & p).values())
    P = tp / max(1, sum(p.values())); R = tp / max(1, sum(g.values()))
    F = 2 * P * R / max(1e-9, P + R)
    rows.append((F, P, R, k, v.get("url", "")))
rows.sort()
for F, P, R, k, u in rows[: int(sys.argv[3]) if len(sys.argv) > 3 else 15]:
    print(f"{F:.3f} P={P:.3f} R={R:.3f} {k[:12]} {u[:90]}")
