#!/usr/bin/env python3
"""Share of country-days with a holder, per role, for two country groups, from the
`--summary` output of `cargo run --release -p dyad-kb --example coverage -- --summary`.

Usage: coverage_share.py SUMMARY.tsv [SUMMARY.tsv ...]   (window length in days: --days N,
default 9824 = 2000-01-01..2026-11-23)."""
import sys

G20_AND_CORPUS = ("USA JPN CHN RUS GBR FRA DEU IND KOR PRK AUS CAN ITA BRA PHL UKR ISR IRN "
                  "TUR SAU IDN MEX ZAF ARG").split()
# UN members of more than ~10 million people, besides the group above.
POPULOUS = ("PAK NGA BGD ETH EGY VNM COD THA TZA MMR KEN COL ESP UGA SDN DZA IRQ AFG POL MAR "
            "UZB PER MYS AGO GHA MOZ YEM NPL VEN CMR CIV MDG NER LKA BFA MLI CHL SYR MWI KAZ "
            "ZMB ROU ECU GTM SEN NLD TCD SOM KHM ZWE GIN RWA BEN BDI TUN BOL BEL HTI CUB SSD "
            "JOR DOM CZE SWE GRC PRT AZE HUN ARE BLR TJK HND AUT CHE TWN").split()


def load(path):
    rows, on = {}, False
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("# uncovered"):
                on = True
                continue
            if not on or line.startswith("country") or not line.strip():
                continue
            cells = line.rstrip("\n").split("\t")
            rows[cells[0]] = [int(x) for x in cells[1:5]]
    return rows


def main(argv):
    days = 9824
    if "--days" in argv:
        i = argv.index("--days")
        days = int(argv[i + 1])
        argv = argv[:i] + argv[i + 2:]
    for path in argv:
        rows = load(path)
        for name, group in (("G20+corpus", G20_AND_CORPUS), ("UN>10M", POPULOUS)):
            gaps = [sum(rows.get(c, [0] * 4)[r] for c in group) for r in range(4)]
            total = len(group) * days
            shares = " ".join(f"{role}={100 * (1 - g / total):.1f}%"
                              for role, g in zip(("hos", "hog", "fm", "dm"), gaps))
            print(f"{path}\t{name} ({len(group)})\t{shares}")


if __name__ == "__main__":
    main(sys.argv[1:])
