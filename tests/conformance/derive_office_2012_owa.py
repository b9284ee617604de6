#!/usr/bin/env python3
"""Derives tests/conformance/answers/test__fixtures__Office-2012-owa.ics.csv from the corpus'
oracle2 rows (see KNOWN_DIFFERENCES.md): oracle2 reads the Outlook display-name TZIDs as
floating (wall time in UTC); busywork reads them in the zone they name. Each row's wall time
is therefore placed in that zone with Python's zoneinfo (the OS tz database), independently
of busywork's code. Run from the repository root with ../shared beside it."""
import csv, datetime, sys, zoneinfo

corpus = "../shared/corpus/oracle2/jens-maus__node-ical/test__fixtures__Office-2012-owa.ics.csv"
zone_of_summary = {  # from the VEVENTs' DTSTART;TZID=...
    " TEST Syd": "Australia/Sydney",   # "(GMT+10:00) Canberra, Melbourne, Sydney"
    " TEST": "America/New_York",       # "(UTC-05:00) Eastern Time (US & Canada)"
    " TEST 3": "America/New_York",
    " TEST2": "America/New_York",
}
out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(["uid", "start", "end", "all_day", "summary"])
for row in csv.DictReader(open(corpus, newline="")):
    zone = zoneinfo.ZoneInfo(zone_of_summary[row["summary"]])
    def place(text):
        wall = datetime.datetime.fromisoformat(text).replace(tzinfo=None)
        return wall.replace(tzinfo=zone).astimezone(datetime.timezone.utc).isoformat()
    out.writerow([row["uid"], place(row["start"]), place(row["end"]), row["all_day"], row["summary"]])
