#!/usr/bin/env python3
"""Rebuild data/cameo_plover.tsv from PLOVER's CAMEO→PLOVER conversion table.

usage: python3 tools/import_cameo_plover.py ../../../shared/data/plover/CAMEO2PLOVER-2021.txt > data/cameo_plover.tsv

Each CAMEO code maps to a PLOVER event type, and where the table gives them a mode and a
context. Codes the table leaves at the two-digit root inherit the root's type.
"""
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

if __name__ == "__main__":
    main()
