#!/usr/bin/env python3
"""Score `dyad kb office` against a held-out question list, the way an outside scorer would:
one `dyad kb office COUNTRY ROLE --on DATE` per question, reading the JSON lines it prints.

A question is right at top-1 when the first holder printed matches the expected name, and right
at any-k when some holder printed matches (the KB can return more than one holder, e.g. an acting
and a titular one). Names are compared normalised, with the same rules as `held_out_match` in
tests/kb.rs: diacritics folded, honorifics ignored, equal words; a lone family name among the
expected words; equal last words up to a two-edit transliteration slip with equal first initials;
or every word of the shorter name found in the longer one.

Usage: score_office_questions.py [--dyad PATH] [--list TSV] [--misses]
  defaults: --dyad $CARGO_TARGET_DIR/release/dyad (else target/release/dyad),
            --list crates/dyad-kb/tests/data/office_questions.checked.tsv
Prints one line per miss (with --misses) and a JSON summary line, which carries the Wilson 95%
interval of the top-1 accuracy (a list of ~150 questions bounds the true rate only to a few points).
"""
import argparse
import json
import math
import os
import subprocess
import sys
import unicodedata

HONORIFICS = {"king", "queen", "sheikh", "samdech", "emir", "sultan", "dr", "general"}


def name_words(s):
    # NFKD splits accented letters into base + combining mark; dropping the marks folds
    # "Nguyễn" to "nguyen". A few letters have no decomposition and are mapped by hand.
    s = s.lower().translate(str.maketrans({"ł": "l", "đ": "d", "ı": "i", "ø": "o"}))
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    words, cur = [], []
    for c in s:
        if c.isalnum():
            cur.append(c)
        elif cur:
            words.append("".join(cur))
            cur = []
    if cur:
        words.append("".join(cur))
    return words


def edit_distance(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a):
        cur = [i + 1]
        for j, cb in enumerate(b):
            cur.append(min(prev[j] + (ca != cb), prev[j + 1] + 1, cur[j] + 1))
        prev = cur
    return prev[len(b)]


def strip(s):
    w = name_words(s)
    kept = [x for x in w if x not in HONORIFICS]
    return kept or w


def match(got, expected):
    g, e = strip(got), strip(expected)
    if not g or not e:
        return False
    if g == e:
        return True
    if len(g) == 1 and g[0] in e:
        return True
    gl, el = g[-1], e[-1]
    close = gl == el or (min(len(gl), len(el)) >= 5 and edit_distance(gl, el) <= 2)
    if close and g[0][0] == e[0][0]:
        return True
    short, long_ = (g, e) if len(g) <= len(e) else (e, g)
    return all(w in long_ for w in short)


def wilson(k, n, z=1.96):
    """Wilson score interval for k successes in n trials; better than the normal approximation
    near 100%, where these accuracies sit."""
    if n == 0:
        return None
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return [round(centre - half, 4), round(centre + half, 4)]


def main():
    target = os.environ.get("CARGO_TARGET_DIR", "target")
    ap = argparse.ArgumentParser()
    ap.add_argument("--dyad", default=os.path.join(target, "release", "dyad"))
    ap.add_argument("--list", default="crates/dyad-kb/tests/data/office_questions.checked.tsv")
    ap.add_argument("--misses", action="store_true")
    a = ap.parse_args()
    top1 = anyk = total = 0
    for line in open(a.list, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line or line.startswith("#") or line.startswith("country\t"):
            continue
        country, role, date, expected = line.split("\t")[:4]
        total += 1
        run = subprocess.run([a.dyad, "kb", "office", country, role, "--on", date],
                             capture_output=True, text=True)
        if run.returncode != 0:
            sys.exit(f"dyad kb office {country} {role} --on {date} failed: {run.stderr.strip()}")
        names = [json.loads(l)["name"] for l in run.stdout.splitlines() if l.strip()]
        ok1 = bool(names) and match(names[0], expected)
        okk = any(match(n, expected) for n in names)
        top1 += ok1
        anyk += okk
        if a.misses and not ok1:
            kind = "no answer" if not names else ("not first" if okk else "wrong")
            print(f"miss ({kind}): {country} {role} {date}: expected {expected}, got {names}")
    print(json.dumps({"list": a.list, "total": total, "right_top1": top1, "right_any": anyk,
                      "accuracy_top1": round(top1 / total, 4) if total else None,
                      "accuracy_any": round(anyk / total, 4) if total else None,
                      "ci95_top1": wilson(top1, total)}))


if __name__ == "__main__":
    main()
