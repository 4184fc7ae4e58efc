#!/usr/bin/env python3
"""Rebuild data/cameo_plover.tsv from PLOVER's CAMEO→PLOVER conversion table.

usage: python3 tools/import_cameo_plover.py ../../../shared/data/plover/CAMEO2PLOVER-2021.txt > data/cameo_plover.tsv

Each CAMEO code maps to a PLOVER event type, and where the table gives them a mode and a
context. Codes the table leaves at the two-digit root inherit the root's type.

PLOVER drops CAMEO's 02 (APPEAL) as a category of its own; its REQUEST takes "all requests,
demands, and orders" (PLOVER manual, REQUEST), so dyad keeps CAMEO's appeal codes, for those
who read `cameo`, and files them as REQUEST with the modes of the matching 10x demands.
"""

APPEALS = [
    ("02", "REQUEST", "-", "-"),
    ("020", "REQUEST", "-", "-"),
    ("021", "REQUEST", "assist", "-"),
    ("0211", "REQUEST", "assist", "economic"),
    ("0212", "REQUEST", "assist", "military"),
    ("0213", "REQUEST", "assist", "legal"),
    ("0214", "REQUEST", "assist", "intelligence"),
    ("022", "REQUEST", "assist", "diplomatic"),
    ("023", "REQUEST", "assist", "-"),
    ("0231", "REQUEST", "assist", "economic"),
    ("0232", "REQUEST", "assist", "military"),
    ("0233", "REQUEST", "assist", "humanitarian"),
    ("0234", "REQUEST", "assist", "peacekeeping"),
    ("024", "REQUEST", "change", "political_institutions"),
    ("025", "REQUEST", "yield", "-"),
    ("026", "REQUEST", "meet", "diplomatic"),
    ("027", "REQUEST", "meet", "diplomatic"),
    ("028", "REQUEST", "meet", "diplomatic"),
]
import sys

def main():
    rows = []
    for line in open(sys.argv[1], encoding="utf-8"):
        line = line.split("#", 1)[0].strip()
        if not line or ":" not in line:
            continue
        code, rest = line.split(":", 1)
        parts = [p.strip() for p in rest.split(",")]
        typ = parts[0] if parts else ""
        mode = parts[1] if len(parts) > 1 else ""
        ctx = parts[2] if len(parts) > 2 else ""
        if not code.strip().isdigit() or not typ:
            continue
        rows.append((code.strip(), typ, mode or "-", ctx or "-"))
    print("# dyad coder: CAMEO code -> PLOVER type, mode, context — format version 1")
    print("# Derived from PLOVER's CAMEO-to-PLOVER conversion table (draft 0.8, 2021) by")
    print("# tools/import_cameo_plover.py. CAMEO <TAB> PLOVER type <TAB> mode or - <TAB> context or -")
    for r in rows:
        print("\t".join(r))
    print("# CAMEO 02 (APPEAL), which PLOVER folds into REQUEST (added by the importer).")
    for r in APPEALS:
        print("\t".join(r))

if __name__ == "__main__":
    main()
