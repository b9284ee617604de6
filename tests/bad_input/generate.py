#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes the bad-input calendars of this folder (tests/bad_input/*.ics).

Run it from anywhere: `python3 tests/bad_input/generate.py`. Its output is committed; the
script is kept so that the large, repetitive and binary files can be reviewed and remade.
Every file is deterministic (no clock, a fixed random seed).

The layout that almost every file shares, and that the line numbers of
tests/bad_input_test.cpp count on:

    line  1      BEGIN:VCALENDAR
    line  2      VERSION:2.0
    line  3      PRODID:-//busywork//bad input//EN
    lines 4-10   good-1@test (7 lines: BEGIN, UID, DTSTAMP, DTSTART, DTEND, SUMMARY, END)
    lines 11-    the bad part
    then         good-2@test (7 lines), good-3@test (7 lines), END:VCALENDAR

The good events are Mon 19, Tue 20 and Wed 21 October 2026, 09:00-10:00 UTC; bad events sit on
Thu 22 October unless they say otherwise. Lines end in LF unless the case is about line ends.
"""

import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))

HEAD = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//busywork//bad input//EN"]
TAIL = ["END:VCALENDAR"]


def good(n):
    """good-N@test on 2026-10-(18+N) 09:00-10:00Z: 7 lines."""
    day = 18 + n
    return [
        "BEGIN:VEVENT",
        f"UID:good-{n}@test",
        "DTSTAMP:20261001T000000Z",
        f"DTSTART:202610{day}T090000Z",
        f"DTEND:202610{day}T100000Z",
        f"SUMMARY:Good {['', 'one', 'two', 'three'][n]}",
        "END:VEVENT",
    ]


def event(uid, *props, summary="Bad event", start="20261022T090000Z", end="20261022T100000Z"):
    """A VEVENT: BEGIN, UID, DTSTAMP, DTSTART, DTEND, then `props`, SUMMARY, END.

    `start` or `end` None leaves that line out; a string starting with a property name and a
    ';' or ':' replaces the whole line."""
    lines = ["BEGIN:VEVENT", f"UID:{uid}", "DTSTAMP:20261001T000000Z"]
    for name, value in (("DTSTART", start), ("DTEND", end)):
        if value is None:
            continue
        whole = value.replace("\0", "").startswith(name)
        lines.append(value if whole else f"{name}:{value}")
    lines += list(props)
    lines += [f"SUMMARY:{summary}", "END:VEVENT"]
    return lines


def standard(bad, after=(2, 3)):
    """HEAD, good-1 (lines 4-10), `bad` (from line 11), the `after` goods, END:VCALENDAR."""
    lines = HEAD + good(1) + list(bad)
    for n in after:
        lines += good(n)
    return lines + TAIL


FILES = {}


def text(name, lines, eol="\n", final_eol=True):
    body = eol.join(lines) + (eol if final_eol else "")
    FILES[name] = body.encode("utf-8", "surrogateescape")


def raw(name, data):
    FILES[name] = data


# --- Structure: truncation, missing END lines, nesting -------------------------------------

# good-1 4-10, good-2 11-17, the cut event from line 18; the file ends without a newline.
text("truncated_mid_event.ics",
     HEAD + good(1) + good(2) +
     ["BEGIN:VEVENT", "UID:bad-1@test", "DTSTAMP:20261001T000000Z",
      "DTSTART:20261022T090000Z", "SUMMARY:Cut off"], final_eol=False)
# The same, cut in the middle of the DTEND line (line 22).
text("truncated_mid_line.ics",
     HEAD + good(1) + good(2) +
     ["BEGIN:VEVENT", "UID:bad-1@test", "DTSTAMP:20261001T000000Z",
      "DTSTART:20261022T090000Z", "DTEND:2026102"], final_eol=False)
# Cut inside a VTIMEZONE (BEGIN:VTIMEZONE on line 18, the last line is 21).
text("truncated_in_vtimezone.ics",
     HEAD + good(1) + good(2) +
     ["BEGIN:VTIMEZONE", "TZID:Custom/Cut", "BEGIN:STANDARD", "DTSTART:19700101T0000"],
     final_eol=False)
# bad-1 (11-16) has no END:VEVENT; good-2 starts on line 17.
text("missing_end_vevent.ics", standard(event("bad-1@test")[:-1]))
# The last event (18-23) has no END:VEVENT; END:VCALENDAR is line 24.
text("missing_end_vevent_before_end_vcalendar.ics",
     HEAD + good(1) + good(2) + event("bad-1@test")[:-1] + TAIL)
# Everything is there but the final END:VCALENDAR; the last line is 24.
text("missing_end_vcalendar.ics", HEAD + good(1) + good(2) + good(3))
# A stray END:VEVENT on line 11.
text("end_vevent_without_begin.ics", standard(["END:VEVENT"]))
# END:VCALENDAR on line 11, then good-2 (12-18), good-3 (19-25) and a second END:VCALENDAR (26).
text("end_vcalendar_too_early.ics", standard(["END:VCALENDAR"]))
# No BEGIN:VCALENDAR at all: good-1 starts on line 1; END:VCALENDAR on line 22.
text("no_begin_vcalendar.ics", good(1) + good(2) + good(3) + TAIL)
# bad-outer (11-14) is interrupted by a complete bad-inner (15-21); then the rest of the outer
# (DTEND 22, SUMMARY 23) and its END:VEVENT on line 24; good-2 from 25.
text("vevent_inside_vevent.ics", standard(
    ["BEGIN:VEVENT", "UID:bad-outer@test", "DTSTAMP:20261001T000000Z", "DTSTART:20261022T090000Z"]
    + event("bad-inner@test", summary="Inner", start="20261022T110000Z", end="20261022T120000Z")
    + ["DTEND:20261022T100000Z", "SUMMARY:Outer", "END:VEVENT"]))
DEPTH = 5000
# bad-deep: BEGIN 11 .. SUMMARY 16, 5000 BEGIN:X-NEST (17-5016), 5000 END:X-NEST
# (5017-10016), END:VEVENT 10017; good-2 from 10018. Balanced, so syntactically valid.
text("deep_nesting_balanced_in_event.ics", standard(
    event("bad-deep@test", summary="Deeply nested")[:-1]
    + ["BEGIN:X-NEST"] * DEPTH + ["END:X-NEST"] * DEPTH + ["END:VEVENT"]))
# The same without the END:X-NEST lines: BEGIN:X-NEST 17-5016, END:VEVENT 5017, good-2 at 5018.
text("deep_nesting_unclosed_in_event.ics", standard(
    event("bad-deep@test", summary="Deeply nested")[:-1]
    + ["BEGIN:X-NEST"] * DEPTH + ["END:VEVENT"]))
# 5000 BEGIN:X-NEST (11-5010) and 5000 END:X-NEST (5011-10010) at calendar level; good-2 from
# 10011.
text("deep_nesting_balanced_in_calendar.ics", standard(["BEGIN:X-NEST"] * DEPTH + ["END:X-NEST"] * DEPTH))
# 5000 BEGIN:X-NEST (11-5010) never closed; good-2 5011-5017, good-3 5018-5024, END:VCALENDAR
# 5025.
text("deep_nesting_unclosed_in_calendar.ics", standard(["BEGIN:X-NEST"] * DEPTH))

# --- Content lines: long names, bad syntax, quotes --------------------------------------------

LONG = 100_000
# bad-1 with a 100,000-letter X- property (valid syntax) on line 16.
text("long_x_property_name_100k.ics", standard(
    event("bad-1@test", "X-" + "N" * LONG + ":value", summary="Long property name")))
# A 100,000-letter name ending in '_' (not allowed in a name) on line 16.
text("long_property_name_invalid_char.ics", standard(
    event("bad-1@test", "X-" + "N" * LONG + "_:value", summary="Long bad property name")))
# A 100,000-character quoted parameter on the DTSTART line (14): valid syntax.
text("long_parameter_value_100k.ics", standard(
    event("bad-1@test", start='DTSTART;X-NOTE="' + "p" * LONG + '":20261022T090000Z',
          summary="Long parameter")))
# "SUMMARY Weekly sync" without a colon on line 16 (bad-1 keeps its own SUMMARY on 17).
text("line_without_colon.ics", standard(event("bad-1@test", "SUMMARY Weekly sync")))
# ":orphan value" on line 16.
text("property_without_name.ics", standard(event("bad-1@test", ":orphan value")))
# "LOCA TION:Room 1" (a space in the name) on line 16.
text("invalid_char_in_property_name.ics", standard(event("bad-1@test", "LOCA TION:Room 1")))
# "DTSTART;;X-FOO=1:..." on line 14: an empty parameter.
text("empty_parameter.ics", standard(
    event("bad-1@test", start="DTSTART;;X-FOO=1:20261022T090000Z")))
# ATTENDEE with an unclosed quote in CN on line 16; the colon is swallowed by the quote.
text("unbalanced_quote_attendee.ics", standard(
    event("bad-1@test", 'ATTENDEE;CN="Ann Example:mailto:ann@example.com')))
# DTSTART with an unclosed quote in TZID on line 14: bad-1 loses its start.
text("unbalanced_quote_dtstart.ics", standard(
    event("bad-1@test", start='DTSTART;TZID="Europe/Berlin:20261022T090000')))

# --- Bytes: garbage, NUL, UTF-8, UTF-16, line ends ---------------------------------------------

rng = random.Random(5)
# Bytes that are neither CR, LF, NUL nor ':' (so the garbage stays one line without a colon).
line_garbage = bytes(b for b in (rng.randrange(1, 256) for _ in range(400))
                     if b not in (0x0A, 0x0D, 0x3A, 0x1B))[:200]
# One 200-byte garbage line on line 11.
raw("binary_garbage_line.ics",
    ("\n".join(HEAD + good(1)) + "\n").encode() + line_garbage + b"\n"
    + ("\n".join(good(2) + good(3) + TAIL) + "\n").encode())
# 4 KiB of random bytes (CR and LF included, NUL and ESC left out) starting on line 11; it is
# closed by a LF so that good-2 starts on a line of its own.
block = bytes(b for b in (rng.randrange(1, 256) for _ in range(5000)) if b != 0x1B)[:4096]
raw("binary_garbage_block.ics",
    ("\n".join(HEAD + good(1)) + "\n").encode() + block + b"\n"
    + ("\n".join(good(2) + good(3) + TAIL) + "\n").encode())
# 64 garbage bytes glued to the front of line 1 (BEGIN:VCALENDAR).
prefix = bytes(b for b in (rng.randrange(0x80, 256) for _ in range(64)))
raw("binary_prefix_before_vcalendar.ics",
    prefix + ("\n".join(HEAD + good(1) + good(2) + good(3) + TAIL) + "\n").encode())
# NUL bytes inside bad-1's SUMMARY (line 16).
text("nul_bytes_in_summary.ics", standard(event("bad-1@test", summary="Bad\0\0 NUL\0 title")))
# A line of 16 NUL bytes on line 11.
text("nul_bytes_line.ics", standard(["\0" * 16]))
# A NUL byte inside the name DTSTART (line 14).
text("nul_byte_in_property_name.ics", standard(
    event("bad-1@test", start="DTST\0ART:20261022T090000Z")))
# Latin-1 "Café Müller" in bad-1's SUMMARY (line 16), not UTF-8.
text("invalid_utf8_latin1_summary.ics", standard(
    event("bad-1@test", summary="Caf\udce9 M\udcfcller")))
# Overlong encodings (C0 AF, E0 80 AF) and a lone continuation byte (80) in SUMMARY (line 16).
text("invalid_utf8_overlong.ics", standard(
    event("bad-1@test", summary="over\udcc0\udcaflong \udce0\udc80\udcaf and \udc80 lone")))
# A UTF-16 surrogate encoded in UTF-8 (ED A0 80) in SUMMARY (line 16).
text("invalid_utf8_surrogate.ics", standard(
    event("bad-1@test", summary="surrogate \udced\udca0\udc80 here")))
# SUMMARY (line 16) ends in the middle of a 2-byte sequence (C3).
text("invalid_utf8_truncated_sequence.ics", standard(
    event("bad-1@test", summary="Stra\udcc3")))
# Invalid UTF-8 (FF) inside bad's UID (line 12).
text("invalid_utf8_in_uid.ics", standard(event("bad-\udcff@test")))

utf16_lines = standard(event("bad-1@test", summary="Kundentermin Müller"))
utf16_text = "\r\n".join(utf16_lines) + "\r\n"
# The whole standard file (with bad-1 as a fourth, valid event) in UTF-16 LE with a BOM,
# CRLF line ends.
raw("utf16le_bom.ics", b"\xff\xfe" + utf16_text.encode("utf-16-le"))
# The same in UTF-16 BE with a BOM.
raw("utf16be_bom.ics", b"\xfe\xff" + utf16_text.encode("utf-16-be"))
# The same in UTF-16 LE without a BOM.
raw("utf16le_no_bom.ics", utf16_text.encode("utf-16-le"))
# Two UTF-8 BOMs in front of BEGIN:VCALENDAR: the second one is part of line 1.
raw("utf8_double_bom.ics",
    b"\xef\xbb\xbf\xef\xbb\xbf" + ("\n".join(standard([])) + "\n").encode())
# CR-only line ends; bad-1 (from line 11) ends before it starts.
text("cr_only_line_ends.ics",
     standard(event("bad-1@test", start="20261022T100000Z", end="20261022T090000Z")), eol="\r")
# LF, CRLF and CR line ends in turn; bad-1 (line 11) has DURATION:-PT1H on line 15.
mixed = standard(event("bad-1@test", "DURATION:-PT1H", end=None))
ends = ["\n", "\r\n", "\r"]
raw("mixed_line_ends.ics",
    "".join(l + ends[i % 3] for i, l in enumerate(mixed)).encode())

# --- Dates and times ---------------------------------------------------------------------------

# DTSTART:20261332T250000Z (month 13, day 32, hour 25) on line 14.
text("impossible_datetime_20261332T250000.ics", standard(
    event("bad-1@test", start="20261332T250000Z")))
# DTSTART:20260230T090000Z (30 February) on line 14.
text("impossible_date_feb_30.ics", standard(event("bad-1@test", start="20260230T090000Z")))
# DTEND 24:61 on line 15; DTSTART is fine.
text("impossible_dtend_time.ics", standard(event("bad-1@test", end="20261022T246100Z")))
# DTSTART:next tuesday on line 14.
text("dtstart_garbage.ics", standard(event("bad-1@test", start="next tuesday")))
# No DTSTART at all: BEGIN:VEVENT on line 11.
text("missing_dtstart.ics", standard(event("bad-1@test", start=None)))
# Two DTSTART lines (14 and 16); the first is the real one.
text("duplicate_dtstart.ics", standard(event("bad-1@test", "DTSTART:20261023T090000Z")))
# Year 0000, yearly on 22 October: DTSTART on line 14, RRULE on line 16.
text("year_0000.ics", standard(event(
    "bad-0000@test", "RRULE:FREQ=YEARLY", start="00001022T090000Z", end="00001022T100000Z",
    summary="Since year zero")))
# Year 9999: 31 Dec 9999 23:30Z, 2 days long (past the end of year 9999), daily.
text("year_9999.ics", standard(event(
    "bad-9999@test", "DURATION:P2D", "RRULE:FREQ=DAILY", start="99991231T233000Z", end=None,
    summary="Year 9999")))
# DTEND 09:00 before DTSTART 10:00; bad-1 on lines 11-17.
text("dtend_before_dtstart.ics", standard(
    event("bad-1@test", start="20261022T100000Z", end="20261022T090000Z")))
# A weekly series whose DTEND is before its DTSTART (lines 11-18).
text("dtend_before_dtstart_recurring.ics", standard(event(
    "bad-1@test", "RRULE:FREQ=WEEKLY", start="20261001T100000Z", end="20261001T090000Z")))
# DURATION:-PT1H on line 15 (no DTEND).
text("negative_duration.ics", standard(event("bad-1@test", "DURATION:-PT1H", end=None)))
# DURATION:P99999999W (1.9 million years) on line 15, starting 1 October 2026.
text("duration_p99999999w.ics", standard(event(
    "bad-1@test", "DURATION:P99999999W", start="20261001T090000Z", end=None)))
# DURATION:PT99999999999S (3,170 years in seconds: more than 32 bits) on line 15.
text("duration_seconds_overflow.ics", standard(event(
    "bad-1@test", "DURATION:PT99999999999S", start="20261001T090000Z", end=None)))
# Both DTEND (15) and DURATION (16).
text("dtend_and_duration.ics", standard(event("bad-1@test", "DURATION:PT30M")))

# --- Recurrence -----------------------------------------------------------------------------

def rrule_case(name, rule, start="20261022T090000Z", end="20261022T100000Z", extra=()):
    """bad-1: BEGIN 11, UID 12, DTSTAMP 13, DTSTART 14, DTEND 15, RRULE 16, SUMMARY 17, END 18."""
    text(name, standard(event("bad-1@test", "RRULE:" + rule, *extra, start=start, end=end,
                              summary="Bad series")))


rrule_case("rrule_secondly_without_end.ics", "FREQ=SECONDLY", start="20261019T000000Z",
           end="20261019T000001Z")
rrule_case("rrule_secondly_from_1970.ics", "FREQ=SECONDLY", start="19700101T000000Z",
           end="19700101T000001Z")
rrule_case("rrule_count_2147483647.ics", "FREQ=SECONDLY;COUNT=2147483647",
           start="20261001T000000Z", end="20261001T000001Z")
rrule_case("rrule_interval_zero.ics", "FREQ=DAILY;INTERVAL=0")
rrule_case("rrule_interval_negative.ics", "FREQ=DAILY;INTERVAL=-2")
rrule_case("rrule_without_freq.ics", "INTERVAL=2;COUNT=3")
rrule_case("rrule_freq_garbage.ics", "FREQ=FORTNIGHTLY")
rrule_case("rrule_bymonth_13.ics", "FREQ=YEARLY;BYMONTH=13")
rrule_case("rrule_byday_garbage.ics", "FREQ=WEEKLY;BYDAY=XX,+99MO")
rrule_case("rrule_byhour_byminute_out_of_range.ics", "FREQ=DAILY;BYHOUR=25;BYMINUTE=61")
rrule_case("rrule_bysetpos_garbage.ics", "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=0,400")
rrule_case("rrule_byyearday_garbage.ics", "FREQ=YEARLY;BYYEARDAY=abc")
rrule_case("rrule_until_before_dtstart.ics", "FREQ=DAILY;UNTIL=20200101T000000Z")
rrule_case("rrule_until_garbage.ics", "FREQ=DAILY;UNTIL=2026999")
rrule_case("rrule_count_negative.ics", "FREQ=DAILY;COUNT=-5")
rrule_case("rrule_unknown_part.ics", "FREQ=DAILY;UNTL=20261024T000000Z;COUNT=2")
# bad-1 with 3 endless SECONDLY rules (RRULE lines 16-18), starting at the window.
text("rrule_3_endless_secondly_rules.ics", standard(event(
    "bad-1@test", *["RRULE:FREQ=SECONDLY;BYSECOND=%d" % i for i in range(3)],
    start="20261019T000000Z", end="20261019T000001Z", summary="Many rules")))
# 200 such rules (RRULE lines 16-215), on seconds 0-59 of every minute in turn: 604,800
# distinct starts a week.
text("rrule_200_endless_secondly_rules.ics", standard(event(
    "bad-1@test", *["RRULE:FREQ=SECONDLY;BYSECOND=%d" % (i % 60) for i in range(200)],
    start="20261019T000000Z", end="20261019T000001Z", summary="Many rules")))

# A daily series from 1 Jan 2010 with 5000 EXDATE lines (lines 16-5015) that strike
# 1 Jan 2010 + 0..4999 days (to 8 September 2023); the window's days are untouched.
def days_from(y, m, d, n, step=1):
    import datetime
    start = datetime.date(y, m, d)
    return [(start + datetime.timedelta(days=i * step)).strftime("%Y%m%d") for i in range(n)]


exdays = days_from(2010, 1, 1, 5000)
text("exdates_5000_lines.ics", standard(event(
    "exdate-series@test", "RRULE:FREQ=DAILY",
    *["EXDATE:%sT090000Z" % d for d in exdays],
    start="20100101T090000Z", end="20100101T093000Z", summary="Daily with 5000 EXDATEs")))
# The same 5000 EXDATEs as one comma-separated, folded property.
one = "EXDATE:" + ",".join("%sT090000Z" % d for d in exdays)
folded = [one[:75]] + [" " + one[i:i + 74] for i in range(75, len(one), 74)]
text("exdates_5000_one_property.ics", standard(event(
    "exdate-series@test", "RRULE:FREQ=DAILY", *folded,
    start="20100101T090000Z", end="20100101T093000Z", summary="Daily with 5000 EXDATEs")))
# A single event with 5000 RDATEs, one a day, the last on Sunday 25 October 2026: the window
# holds 7 of them (19-25 October, 11:00Z).
rdays = days_from(2013, 2, 16, 5000)
assert rdays[-1] == "20261025", rdays[-1]
text("rdates_5000.ics", standard(event(
    "rdate-series@test", *["RDATE:%sT110000Z" % d for d in rdays],
    start="20130216T110000Z", end="20130216T113000Z", summary="5000 RDATEs")))
# RDATE;VALUE=PERIOD whose end (09:00) is before its start (10:00), line 16.
text("rdate_period_end_before_start.ics", standard(event(
    "bad-1@test", "RDATE;VALUE=PERIOD:20261023T100000Z/20261023T090000Z")))
# EXDATE:notadate on line 17.
text("exdate_garbage.ics", standard(event(
    "bad-1@test", "RRULE:FREQ=DAILY;COUNT=3", "EXDATE:notadate")))

# --- UIDs and overrides -------------------------------------------------------------------------

# An override (RECURRENCE-ID on line 16) of a series that is not in the file.
text("override_without_master.ics", standard(event(
    "orphan@test", "RECURRENCE-ID:20261022T080000Z", summary="Moved instance")))
# Two copies of dup@test (11-17 and 18-24), same SEQUENCE (none), different times.
text("duplicate_uid_disagree.ics", standard(
    event("dup@test", summary="Copy A") +
    event("dup@test", summary="Copy B", start="20261023T090000Z", end="20261023T100000Z")))
# Two copies of dup@test: SEQUENCE 1 (11-18) and SEQUENCE 2 (19-26).
text("duplicate_uid_sequence.ics", standard(
    event("dup@test", "SEQUENCE:1", summary="Old") +
    event("dup@test", "SEQUENCE:2", summary="New", start="20261023T090000Z",
          end="20261023T100000Z")))
# RECURRENCE-ID:garbage on line 16 of an override (11-18) of series@test (lines 19-26).
text("recurrence_id_garbage.ics", standard(
    event("series@test", "RECURRENCE-ID:garbage", summary="Override") +
    event("series@test", "RRULE:FREQ=DAILY;COUNT=2", start="20261022T120000Z",
          end="20261022T130000Z", summary="Series")))

# --- Time zones ---------------------------------------------------------------------------------

# DTSTART;TZID=Mars/Olympus_Mons on line 14: no VTIMEZONE, no such IANA or Windows zone.
text("tzid_without_zone.ics", standard(event(
    "bad-1@test", start="DTSTART;TZID=Mars/Olympus_Mons:20261022T090000",
    end="DTEND;TZID=Mars/Olympus_Mons:20261022T100000")))
# X-WR-TIMEZONE:Nowhere/Land on line 4; good-1 on 5-11, good-2 12-18, good-3 19-25.
text("x_wr_timezone_unknown.ics",
     HEAD + ["X-WR-TIMEZONE:Nowhere/Land"] + good(1) + good(2) + good(3) + TAIL)


def vtimezone(tzid, *observances):
    lines = ["BEGIN:VTIMEZONE"] + ([f"TZID:{tzid}"] if tzid else [])
    for o in observances:
        lines += o
    return lines + ["END:VTIMEZONE"]


def observance(kind="STANDARD", start="19700101T000000", frm="+0100", to="+0100", *extra):
    lines = [f"BEGIN:{kind}", f"DTSTART:{start}"]
    if frm:
        lines.append(f"TZOFFSETFROM:{frm}")
    if to:
        lines.append(f"TZOFFSETTO:{to}")
    return lines + list(extra) + [f"END:{kind}"]


def zoned(uid, tzid):
    return event(uid, start=f"DTSTART;TZID={tzid}:20261022T090000",
                 end=f"DTEND;TZID={tzid}:20261022T100000", summary="Zoned event")


# VTIMEZONE without TZID (lines 11-17).
text("vtimezone_without_tzid.ics", standard(vtimezone(None, observance())))
# VTIMEZONE Custom/Empty without observances (11-13); bad-1 (14-20) uses it.
text("vtimezone_without_observance.ics", standard(
    vtimezone("Custom/Empty") + zoned("bad-1@test", "Custom/Empty")))
# VTIMEZONE Custom/Far (11-18) whose only observance has TZOFFSETTO:+2500 (line 16); bad-1
# (19-25) uses it.
text("vtimezone_offset_25h.ics", standard(
    vtimezone("Custom/Far", observance(to="+2500")) + zoned("bad-1@test", "Custom/Far")))
# VTIMEZONE Custom/Half (11-17) whose observance lacks TZOFFSETTO; bad-1 (18-24) uses it.
text("vtimezone_observance_without_offset.ics", standard(
    vtimezone("Custom/Half", observance(to=None)) + zoned("bad-1@test", "Custom/Half")))
# VTIMEZONE Custom/Rule (11-19) whose observance has RRULE:FREQ=BOGUS (line 17).
text("vtimezone_garbage_rrule.ics", standard(
    vtimezone("Custom/Rule", observance("STANDARD", "19700101T000000", "+0100", "+0100",
                                        "RRULE:FREQ=BOGUS")) + zoned("bad-1@test", "Custom/Rule")))
# BEGIN:VTIMEZONE on line 11 without END:VTIMEZONE; good-2 starts on line 18.
text("vtimezone_unterminated.ics", standard(vtimezone("Custom/Open", observance())[:-1]))
# Custom/Twice defined twice (11-18 at +0100, 19-26 at +0500); bad-1 (27-33) uses it.
text("vtimezone_defined_twice.ics", standard(
    vtimezone("Custom/Twice", observance()) + vtimezone("Custom/Twice",
                                                        observance(frm="+0500", to="+0500"))
    + zoned("bad-1@test", "Custom/Twice")))
# Custom/Huge: 2000 observances (lines 13-12012, 6 lines each) with an endless daily rule each,
# so up to 10 million onsets; bad-1 uses it.
huge = []
for i in range(2000):
    kind = "DAYLIGHT" if i % 2 else "STANDARD"
    off = "+0200" if i % 2 else "+0100"
    back = "+0100" if i % 2 else "+0200"
    huge.append(observance(kind, "19700101T%02d%02d00" % (i // 60 % 24, i % 60), back, off,
                           "RRULE:FREQ=DAILY"))
text("vtimezone_enormous.ics", standard(vtimezone("Custom/Huge", *huge) + zoned("bad-1@test", "Custom/Huge")))

# --- Files without events ---------------------------------------------------------------------

raw("empty.ics", b"")
raw("whitespace_only.ics", b"\n  \n\t\n\n")
text("no_events_vtodo_only.ics", HEAD + [
    "BEGIN:VTODO", "UID:todo-1@test", "DTSTAMP:20261001T000000Z", "SUMMARY:A task", "END:VTODO",
    "BEGIN:VJOURNAL", "UID:journal-1@test", "DTSTAMP:20261001T000000Z", "END:VJOURNAL"] + TAIL)
text("no_events_empty_vcalendar.ics", HEAD + TAIL)
# An HTML login page saved as .ics (a download that went wrong).
text("html_page_not_icalendar.ics", [
    "<!DOCTYPE html>", "<html><head><title>Sign in</title></head>",
    "<body><form action=\"/login\">Session expired</form></body></html>"])
# The companion file: three good events only, no problem at all. Runs that give a bad file
# that has no room for good events (empty, unreadable, ...) add this one beside it.
text("good_companion.ics", HEAD + good(1) + good(2) + good(3) + TAIL)


def main():
    for old in os.listdir(HERE):
        if old.endswith(".ics"):
            os.remove(os.path.join(HERE, old))
    for name, data in sorted(FILES.items()):
        with open(os.path.join(HERE, name), "wb") as f:
            f.write(data)
    total = sum(len(d) for d in FILES.values())
    print(f"{len(FILES)} files, {total} bytes")


if __name__ == "__main__":
    main()
