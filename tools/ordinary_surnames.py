#!/usr/bin/env python3
"""List office-holders' surnames that are also ordinary lower-case English words.

usage (from the repository root):
  python3 tools/ordinary_surnames.py [MIN_COUNT] >> crates/dyad-kb/data/cues.tsv   (then review)

A surname in the knowledge base ("Said", "Rice", "Young") that news text writes in lower case
at least MIN_COUNT times (default 5) across the news corpus is an ordinary word ("the president
said"), so the resolver must not read it as a name when it is written in lower case. Prints
`cues.tsv` rows of meaning `word` for those not already listed.
"""
import glob, json, os, re, sys
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "crates", "dyad-kb", "data")
NEWS = os.path.join(ROOT, "..", "shared", "data", "news-corpus", "reuters21578.jsonl")


def main():
    min_count = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    surnames = set()
    for path in glob.glob(os.path.join(DATA, "offices*.tsv")) + glob.glob(os.path.join(DATA, "imported", "*.tsv")):
        for line in open(path, encoding="utf-8"):
            if line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) > 2 and cols[2] and cols[2] != "name":
                words = cols[2].split()
                if words and len(words[-1]) > 3:
                    surnames.add(words[-1].lower())
    counts = Counter()
    for line in open(NEWS, encoding="utf-8"):
        row = json.loads(line)
        for w in re.findall(r"\b[a-z][a-z'-]+\b", row.get("text") or row.get("body") or ""):
            counts[w] += 1
    listed = set()
    for line in open(os.path.join(DATA, "cues.tsv"), encoding="utf-8"):
        cols = line.rstrip("\n").split("\t")
        if len(cols) == 2 and cols[1] == "word":
            listed.add(cols[0])
    for s in sorted(surnames):
        if counts[s] >= min_count and s not in listed:
            print(f"{s}\tword")


if __name__ == "__main__":
    main()
