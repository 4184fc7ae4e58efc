#!/usr/bin/env python3
"""Draw (country, role, date) office questions at random for the page-checked held-out list
(tests/data/office_questions.checked.tsv).

The draw is independent of the knowledge base: it reads no KB file, so which questions are
asked cannot lean towards what the KB happens to know. Countries are weighted towards the G20
and the shared corpora (x4) and populous states (x2), with a tail of smaller but newsworthy
states (x1) so that at least 60 countries come up; roles are dealt evenly (the same number of
each, in a shuffled order); dates are uniform over 2000-01-01..2026-10-31.

Usage: draw_office_questions.py [--seed N] [--n N] [--exclude TSV ...]
  defaults: seed 20261124, 200 questions. --exclude names an earlier list (its first three columns
  country, role, date); a question already asked there is skipped and drawn again, so a second list
  stays held out from the data fixed against the first.
Prints a TSV `country role date` to stdout, sorted, with a comment line naming the draw.
"""
import argparse
import datetime
import random

G20_AND_CORPUS = ("USA JPN CHN RUS GBR FRA DEU IND KOR PRK AUS CAN ITA BRA PHL UKR ISR IRN "
                  "TUR SAU IDN MEX ZAF ARG").split()
# UN members of more than ~10 million people, besides the group above.
POPULOUS = ("PAK NGA BGD ETH EGY VNM COD THA TZA MMR KEN COL ESP UGA SDN DZA IRQ AFG POL MAR "
            "UZB PER MYS AGO GHA MOZ YEM NPL VEN CMR CIV MDG NER LKA BFA MLI CHL SYR MWI KAZ "
            "ZMB ROU ECU GTM SEN NLD TCD SOM KHM ZWE GIN RWA BEN BDI TUN BOL BEL HTI CUB SSD "
            "JOR DOM CZE SWE GRC PRT AZE HUN ARE BLR TJK HND AUT CHE").split()
# Smaller states that news reports name often enough to matter.
NEWSWORTHY = ("NOR DNK FIN IRL NZL SGP QAT KWT OMN BHR LBN LBY SRB GEO ARM EST LVA LTU MDA "
              "BIH ALB MKD MNE HRV SVN SVK BGR CYP LUX PAN CRI URY PRY NIC SLV JAM KGZ TKM "
              "MNG LAO BRN NAM BWA MRT ERI DJI PNG FJI ISL").split()
ROLES = ["head_of_state", "head_of_government", "foreign_minister", "defense_minister"]
FIRST = datetime.date(2000, 1, 1)
LAST = datetime.date(2026, 10, 31)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=20261124)
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--exclude", action="append", default=[], metavar="TSV")
    args = ap.parse_args()
    asked = set()
    for path in args.exclude:
        for line in open(path, encoding="utf-8"):
            cols = line.rstrip("\n").split("\t")
            if line.startswith("#") or cols[0] == "country" or len(cols) < 3:
                continue
            asked.add(tuple(cols[:3]))
    rng = random.Random(args.seed)
    pool = [(c, 4) for c in G20_AND_CORPUS] + [(c, 2) for c in POPULOUS] + \
        [(c, 1) for c in NEWSWORTHY]
    countries = [c for c, _ in pool]
    weights = [w for _, w in pool]
    # Deal the roles evenly, then shuffle which question gets which.
    roles = [ROLES[i % len(ROLES)] for i in range(args.n)]
    rng.shuffle(roles)
    span = (LAST - FIRST).days
    seen, rows = set(), []
    i = 0
    while len(rows) < args.n:
        country = rng.choices(countries, weights)[0]
        date = FIRST + datetime.timedelta(days=rng.randint(0, span))
        role = roles[len(rows)]
        i += 1
        if (country, role, date) in seen or (country, role, date.isoformat()) in asked:
            continue
        seen.add((country, role, date))
        rows.append((country, role, date.isoformat()))
    rows.sort()
    excl = "".join(f" --exclude {p}" for p in args.exclude)
    print(f"# drawn by draw_office_questions.py --seed {args.seed} --n {args.n}{excl}")
    print("country\trole\tdate")
    for r in rows:
        print("\t".join(r))


if __name__ == "__main__":
    main()
