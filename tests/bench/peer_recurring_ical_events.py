#!/usr/bin/python3
"""Per-week totals (see README.md) with Debian's python3-recurring-ical-events + icalendar.

    /usr/bin/python3 peer_recurring_ical_events.py FILE.ics FROM TO   # FROM, TO: YYYY-MM-DD

Prints `week,occurrences,minutes` rows, sorted by week.
"""

import datetime as dt
import sys
from collections import defaultdict
from zoneinfo import ZoneInfo

import icalendar
import recurring_ical_events

BERLIN = ZoneInfo("Europe/Berlin")
UTC = dt.timezone.utc


def main():
    path, first, last = sys.argv[1:4]
    start = dt.datetime.fromisoformat(first)
    stop = dt.datetime.fromisoformat(last)
    with open(path, "rb") as f:
        calendar = icalendar.Calendar.from_ical(f.read())
    weeks = defaultdict(lambda: [0, 0])
    for event in recurring_ical_events.of(calendar).between(start, stop):
        begin = event["DTSTART"].dt
        if not isinstance(begin, dt.datetime):  # all-day
            continue
        if str(event.get("STATUS", "")).upper() == "CANCELLED":
            continue
        if str(event.get("TRANSP", "")).upper() == "TRANSPARENT":
            continue
        if "DTEND" in event:
            end = event["DTEND"].dt
        elif "DURATION" in event:
            end = begin + event["DURATION"].dt
        else:
            end = begin
        begin = begin.astimezone(UTC)
        seconds = (end.astimezone(UTC) - begin).total_seconds()
        year, week, _ = begin.astimezone(BERLIN).isocalendar()
        totals = weeks[f"{year}-W{week:02d}"]
        totals[0] += 1
        totals[1] += int(seconds // 60)
    out = ["week,occurrences,minutes"]
    out += [f"{week},{n},{minutes}" for week, (n, minutes) in sorted(weeks.items())]
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
