#!/usr/bin/env python3
"""Turn `dyad read` JSON Lines into the prediction file score_extraction.py reads.

usage: dyad read DIR | python3 tools/extraction_pred.py > pred.json
"""
import json, sys

out = {}
for line in sys.stdin:
    if line.strip():
        d = json.loads(line)
        out[d["id"]] = {"articleBody": d.get("text") or ""}
json.dump(out, sys.stdout)
