#!/usr/bin/env python3
"""Per-week totals (see README.md) from `busywork events --format csv --tz Europe/Berlin`.

    sum_busywork_csv.py EVENTS.csv

Prints `week,occurrences,minutes` rows, sorted by week. busywork prints start and end with the
report zone's offset, so the calendar day of `start` is already the Berlin day.
"""

import csv
import datetime as dt
import sys
from collections import defaultdict


def main():
    weeks = defaultdict(lambda: [0, 0])
    with open(sys.argv[1], newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["all_day"] == "true":
                continue
            if row["status"].upper() == "CANCELLED" or row["transp"].upper() == "TRANSPARENT":
                continue
            start = dt.datetime.fromisoformat(row["start"])
            end = dt.datetime.fromisoformat(row["end"])
            year, week, _ = start.date().isocalendar()
            totals = weeks[f"{year}-W{week:02d}"]
            totals[0] += 1
            totals[1] += int((end - start).total_seconds() // 60)
    out = ["week,occurrences,minutes"]
    out += [f"{week},{n},{minutes}" for week, (n, minutes) in sorted(weeks.items())]
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
