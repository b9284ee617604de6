#!/usr/bin/env python3
"""Deterministic generator of realistic calendar exports for the benchmark (stdlib only).

One VCALENDAR holding REPS sales reps' calendars over YEARS years: VTIMEZONEs for
Europe/Berlin and America/New_York, yearly-renewed recurring series (stand-ups, syncs, 1:1s,
reviews, a customer check-in) that end by UNTIL or COUNT, with EXDATEs and RECURRENCE-ID
overrides (moved, retitled, cancelled, declined instances), customer meetings with external
attendees, prep and debrief meetings, declined, cancelled, transparent, all-day and overnight
events, DURATION instead of DTEND, descriptions with escaped text, VALARMs, CRLF line ends and
lines folded at 75 octets (never inside a UTF-8 sequence).

About 1 MB per rep-year, so the presets are 1 MB = 1 rep x 1 year, 10 MB = 1 rep x 10 years and
100 MB = 10 reps x 10 years (about 70,000 VEVENTs, 110,000 occurrences).

    generate.py --size 10 -o build-bench/data/bench-10mb.ics
    generate.py --reps 2 --years 3 --seed 7 -o cal.ics

The same arguments always give the same bytes. Next to the file it writes FILE.json: the
parameters, the range of the data (for --from/--to), a week in the middle (for --week), counts.
With --if-needed nothing is written when the file exists and that sidecar records the same
parameters, generator version and hash of this script.
"""

import argparse
import datetime as dt
import hashlib
import json
import os
import random
import sys
from zoneinfo import ZoneInfo

# Bump when the output for given parameters changes, so that cached files are regenerated.
GENERATOR_VERSION = 3

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
UTC = dt.timezone.utc
FIRST_YEAR = 2016

VTIMEZONES = [
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Berlin",
    "X-LIC-LOCATION:Europe/Berlin",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
    "BEGIN:VTIMEZONE",
    "TZID:America/New_York",
    "X-LIC-LOCATION:America/New_York",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:-0500",
    "TZOFFSETTO:-0400",
    "TZNAME:EDT",
    "DTSTART:20070311T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:-0400",
    "TZOFFSETTO:-0500",
    "TZNAME:EST",
    "DTSTART:20071104T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
]

INTERNAL_DOMAIN = "acme-sales.de"
FIRST_NAMES = ["Anna", "Jonas", "Lena", "Markus", "Sofie", "Mads", "Julia", "Tobias", "Ida",
               "Felix", "Clara", "Rasmus", "Jürgen", "Søren", "Mia", "Lukas", "Freja", "Paul",
               "Greta", "Niklas", "Astrid", "Björn", "Hanna", "Emil"]
LAST_NAMES = ["Schmidt", "Fischer", "Hoffmann", "Becker", "Jensen", "Nielsen", "Müller",
              "Wagner", "Hansen", "Weber", "Schulz", "Pedersen", "Koch", "Bauer", "Larsen",
              "Richter", "Klein", "Sørensen", "Wolf", "Schröder", "Krüger", "Andersen"]
CUSTOMERS = [
    ("Contoso", "contoso.com"), ("Fabrikam", "fabrikam.de"), ("Northwind", "northwind.dk"),
    ("Litware", "litware.de"), ("Adatum", "adatum.com"), ("Woodgrove", "woodgrovebank.com"),
    ("Proseware", "proseware.dk"), ("Lucerne", "lucernepublishing.com"),
    ("Tailspin", "tailspintoys.com"), ("Wingtip", "wingtiptoys.com"),
    ("Fourth Coffee", "fourthcoffee.com"), ("Alpine Ski", "alpineskihouse.at"),
    ("Blue Yonder", "blueyonderairlines.com"), ("Coho Winery", "cohowinery.com"),
    ("Graphic Design", "graphicdesigninstitute.de"), ("Humongous", "humongousinsurance.com"),
    ("Margie's Travel", "margiestravel.dk"), ("Trey Research", "treyresearch.net"),
]
US_CUSTOMERS = [("Tailspin", "tailspintoys.com"), ("Wingtip", "wingtiptoys.com"),
                ("Trey Research", "treyresearch.net")]
CUSTOMER_TITLES = ["{c}: Angebotsbesprechung", "Demo {c}", "Discovery call {c}",
                   "Kundentermin {c}", "Quarterly business review – {c}", "{c} – Verhandlung",
                   "Workshop bei {c}", "kundemøde {c}", "{c}: Vertragsverlängerung",
                   "Technical deep dive with {c}", "{c} onboarding call"]
PREP_TITLES = ["Prep {c}", "Vorbereitung {c}", "Pre-call {c}", "forberedelse {c}"]
DEBRIEF_TITLES = ["Debrief {c}", "Nachbesprechung {c}", "Recap {c}", "opsamling {c}"]
INTERNAL_TITLES = ["Produkttraining", "Onboarding neue Kollegin", "Workshop Preismodell",
                   "CRM-Schulung", "Kickoff Messe", "Brainstorming Kampagne Q{q}",
                   "Teamevent Planung", "Ideenrunde Marketing", "Produktupdate Release {q}"]
SOLO_TITLES = ["Focus time", "Anrufliste abarbeiten", "Angebote schreiben", "CRM pflegen",
               "Reisekosten", "Fahrt zum Kunden", "Reisezeit", "E-Mails", "Blocker"]
TRANSPARENT_TITLES = ["Hold: Kundenbesuch?", "Webinar (optional)", "Erreichbar mobil",
                      "Tentative: Messebesuch", "Lunch"]
CANCELLED_PREFIXES = ["Abgesagt: ", "Canceled: ", ""]
LOCATIONS = ["Microsoft Teams Meeting", "Raum Elbe (3. OG)", "Büro München", "Zoom",
             "Google Meet", "Kantine", "Hamburg, Speicherstadt 5", "København, Nyhavn 12",
             ""]
MEET_FOOTER = ("\n\n-::~:~::~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~::~:~::-\n"
               "Join with Google Meet: https://meet.google.com/{code}\n"
               "Or dial: (DE) +49 30 300195{pin} PIN: {pin}#\n\n"
               "Learn more about Meet at: https://support.google.com/a/users/answer/9282720\n\n"
               "Please do not edit this section.\n"
               "-::~:~::~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~::~:~::-")
AGENDA_LINES = ["Agenda:", "1. Rückblick letzte Woche; offene Punkte", "2. Pipeline, Forecast",
                "3. Angebote & Preise (Rabatte ≤ 15 %)", "4. Nächste Schritte, Verantwortliche",
                "Bitte Unterlagen vorab lesen: \\\\fileserver\\vertrieb\\Q{q}",
                "Notizen: https://wiki.acme-sales.de/vertrieb/{slug}",
                "Kaffee, Wasser; Brötchen gibt's vor Ort.", "Dagsorden: status, næste skridt",
                "Ziel: Entscheidung über Pilot, Budget ≥ 50.000 €"]


def escape_text(text):
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\n", "\\n"))


def fold(line):
    """One content line as CRLF-terminated bytes, folded at 75 octets (RFC 5545 3.1)."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return data + b"\r\n"
    parts = []
    start = 0
    limit = 75
    while len(data) - start > limit:
        end = start + limit
        while data[end] & 0xC0 == 0x80:  # never split a UTF-8 sequence
            end -= 1
        parts.append(data[start:end])
        start = end
        limit = 74  # the leading space of a continuation line counts
    parts.append(data[start:])
    return b"\r\n ".join(parts) + b"\r\n"


def fmt_local(t):
    return t.strftime("%Y%m%dT%H%M%S")


def fmt_utc(t):
    return t.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def fmt_date(d):
    return d.strftime("%Y%m%d")


def easter(year):
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def holidays(year):
    e = easter(year)
    fixed = [dt.date(year, 1, 1), dt.date(year, 5, 1), dt.date(year, 10, 3),
             dt.date(year, 12, 24), dt.date(year, 12, 25), dt.date(year, 12, 26),
             dt.date(year, 12, 31)]
    moving = [e - dt.timedelta(days=2), e + dt.timedelta(days=1), e + dt.timedelta(days=39),
              e + dt.timedelta(days=50)]
    return set(fixed + moving)


class Person:
    def __init__(self, first, last, domain):
        self.first = first
        self.last = last
        self.name = f"{first} {last}"
        ascii_first = (first.lower().replace("ü", "ue").replace("ø", "oe").replace("ö", "oe")
                       .replace("ä", "ae"))
        ascii_last = (last.lower().replace("ü", "ue").replace("ø", "oe").replace("ö", "oe")
                      .replace("ä", "ae"))
        self.address = f"{ascii_first}.{ascii_last}@{domain}"


class Rep:
    """One sales rep: the calendar owner of their share of the file."""

    def __init__(self, index, seed):
        self.index = index
        self.rng = random.Random(f"busywork-bench:{seed}:{index}")
        rng = self.rng
        self.me = Person(FIRST_NAMES[index % len(FIRST_NAMES)],
                         LAST_NAMES[(index * 7) % len(LAST_NAMES)], INTERNAL_DOMAIN)
        self.manager = Person(rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES), INTERNAL_DOMAIN)
        self.colleagues = [Person(rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES),
                                  INTERNAL_DOMAIN) for _ in range(7)]
        self.customers = rng.sample(CUSTOMERS, 9)
        self.contacts = {
            domain: [Person(rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES), domain)
                     for _ in range(4)]
            for _, domain in self.customers + US_CUSTOMERS
        }
        self.uid_counter = 0

    def uid(self, style):
        self.uid_counter += 1
        digest = hashlib.sha1(f"{self.index}:{self.uid_counter}".encode()).hexdigest()
        if style == "google":
            return f"{digest[:26]}@google.com"
        if style == "outlook":
            return ("040000008200E00074C5B7101A82E008000000" + digest.upper()[:32]
                    + "0000000000000000")
        return f"{digest[:8]}-{digest[8:12]}-{digest[12:16]}-{digest[16:20]}-{digest[20:32]}"


class Event:
    """One VEVENT as (name, params, value) properties, rendered on demand."""

    def __init__(self, uid):
        self.uid = uid
        self.props = []
        self.alarm = None

    def add(self, name, value, params=""):
        self.props.append((name, params, value))

    def lines(self):
        out = ["BEGIN:VEVENT"]
        for name, params, value in self.props:
            out.append(f"{name}{params}:{value}")
        if self.alarm is not None:
            out += ["BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:This is an event reminder",
                    f"TRIGGER:-P0DT0H{self.alarm}M0S", "END:VALARM"]
        out.append("END:VEVENT")
        return out


def cn(person):
    name = person.name
    if any(c in name for c in ",;:"):
        return f'"{name}"'
    return name


def attendee_prop(event, person, partstat, role="REQ-PARTICIPANT", rsvp=True):
    params = (f";CUTYPE=INDIVIDUAL;ROLE={role};PARTSTAT={partstat}"
              + (";RSVP=TRUE" if rsvp else "") + f";CN={cn(person)};X-NUM-GUESTS=0")
    event.add("ATTENDEE", f"mailto:{person.address}", params)


class Generator:
    def __init__(self, reps, years, seed):
        self.reps = [Rep(i, seed) for i in range(reps)]
        self.years = years
        self.seed = seed
        self.vevents = 0

    # --- common properties -------------------------------------------------------------------

    def when(self, event, prop, start_local, zone_name, utc_style):
        """DTSTART/DTEND/RECURRENCE-ID/EXDATE for a local Berlin (or New York) wall time."""
        if utc_style:
            zone = BERLIN if zone_name == "Europe/Berlin" else NEW_YORK
            event.add(prop, fmt_utc(start_local.replace(tzinfo=zone)))
        else:
            event.add(prop, fmt_local(start_local), f";TZID={zone_name}")

    def stamp(self, event, rep, day, sequence=0):
        created = dt.datetime.combine(day - dt.timedelta(days=rep.rng.randint(3, 40)),
                                      dt.time(rep.rng.randint(7, 18), rep.rng.randint(0, 59),
                                              rep.rng.randint(0, 59)))
        event.add("DTSTAMP", fmt_local(created + dt.timedelta(days=2)) + "Z")
        event.add("CREATED", fmt_local(created) + "Z")
        event.add("LAST-MODIFIED", fmt_local(created + dt.timedelta(hours=5)) + "Z")
        event.add("SEQUENCE", str(sequence))

    def description(self, rep, slug, meet):
        rng = rep.rng
        lines = rng.sample(AGENDA_LINES, rng.randint(4, 9))
        text = "\n".join(line.format(q=rng.randint(1, 4), slug=slug) for line in lines)
        if meet:
            code = "".join(rng.choice("abcdefghijkmnopqrstuvwxyz") for _ in range(10))
            text += MEET_FOOTER.format(code=f"{code[:3]}-{code[3:7]}-{code[7:]}",
                                       pin=rng.randint(100000, 999999))
        return escape_text(text)

    def people(self, event, rep, organizer, attendees, owner_partstat="ACCEPTED"):
        event.add("ORGANIZER", f"mailto:{organizer.address}", f";CN={cn(organizer)}")
        for person in attendees:
            if person is rep.me:
                attendee_prop(event, person, owner_partstat)
            else:
                state = rep.rng.choice(["ACCEPTED", "ACCEPTED", "ACCEPTED", "TENTATIVE",
                                        "NEEDS-ACTION"])
                attendee_prop(event, person, state, rsvp=person is not organizer)

    def finish(self, event, rep, summary, status="CONFIRMED", transp="OPAQUE", location=None,
               style="google"):
        rng = rep.rng
        if style == "outlook":
            busy = "FREE" if transp == "TRANSPARENT" else "BUSY"
            event.add("CLASS", "PUBLIC")
            event.add("PRIORITY", "5")
            event.add("X-MICROSOFT-CDO-APPT-SEQUENCE", "0")
            event.add("X-MICROSOFT-CDO-BUSYSTATUS", busy)
            event.add("X-MICROSOFT-CDO-INTENDEDSTATUS", busy)
            event.add("X-MICROSOFT-CDO-ALLDAYEVENT", "FALSE")
            event.add("X-MICROSOFT-CDO-IMPORTANCE", "1")
            event.add("X-MICROSOFT-CDO-INSTTYPE", "0")
            event.add("X-MICROSOFT-DISALLOW-COUNTER", "FALSE")
        elif style == "apple":
            event.add("X-APPLE-TRAVEL-ADVISORY-BEHAVIOR", "AUTOMATIC")
            event.add("X-APPLE-CREATOR-IDENTITY", "com.apple.calendar")
        event.add("LOCATION", escape_text(rng.choice(LOCATIONS) if location is None
                                          else location))
        event.add("STATUS", status)
        event.add("SUMMARY", escape_text(summary))
        event.add("TRANSP", transp)
        if rng.random() < 0.6:
            event.alarm = rng.choice([5, 10, 15, 30])

    # --- single events -------------------------------------------------------------------------

    def single(self, rep, day, start, minutes, summary, organizer, attendees, *, status="CONFIRMED",
               transp="OPAQUE", owner_partstat="ACCEPTED", zone_name="Europe/Berlin",
               meet=None, location=None):
        rng = rep.rng
        style = rng.choice(["google", "google", "outlook", "apple"])
        event = Event(rep.uid(style))
        utc_style = style == "google" and zone_name == "Europe/Berlin" and rng.random() < 0.5
        self.when(event, "DTSTART", start, zone_name, utc_style)
        if style == "apple" and rng.random() < 0.5:
            event.add("DURATION", f"PT{minutes // 60}H{minutes % 60}M" if minutes >= 60
                      else f"PT{minutes}M")
        else:
            self.when(event, "DTEND", start + dt.timedelta(minutes=minutes), zone_name,
                      utc_style)
        self.stamp(event, rep, day)
        if organizer is not None:
            self.people(event, rep, organizer, attendees, owner_partstat)
        event.add("UID", event.uid)
        if meet is None:
            meet = organizer is not None and rng.random() < 0.5
        event.add("DESCRIPTION", self.description(rep, event.uid[:8], meet))
        if meet and style == "google":
            event.add("X-GOOGLE-CONFERENCE", f"https://meet.google.com/{event.uid[:3]}-"
                      f"{event.uid[3:7]}-{event.uid[7:10]}")
        self.finish(event, rep, summary, status, transp, location, style)
        return event

    def all_day(self, rep, first, days, summary, transp="TRANSPARENT", rrule=None):
        event = Event(rep.uid("google"))
        event.add("DTSTART", fmt_date(first), ";VALUE=DATE")
        event.add("DTEND", fmt_date(first + dt.timedelta(days=days)), ";VALUE=DATE")
        if rrule:
            event.add("RRULE", rrule)
        self.stamp(event, rep, first)
        event.add("UID", event.uid)
        event.add("DESCRIPTION", escape_text(f"{summary}\nEingetragen von {rep.me.name}"))
        self.finish(event, rep, summary, transp=transp, location="")
        return event

    def customer_attendees(self, rep, domain, count):
        contacts = rep.rng.sample(rep.contacts[domain], count)
        internal = rep.rng.sample(rep.colleagues, rep.rng.randint(0, 2))
        return contacts, internal

    def day_events(self, rep, day, out):
        """The single events of one working day."""
        rng = rep.rng
        count = rng.choices([0, 1, 2, 3, 4, 5], weights=[2, 5, 7, 4, 2, 1])[0]
        for _ in range(count):
            hour = rng.randint(8, 17)
            minute = rng.choice([0, 0, 15, 30, 30, 45])
            start = dt.datetime.combine(day, dt.time(hour, minute))
            minutes = rng.choice([30, 30, 45, 60, 60, 60, 90, 120])
            kind = rng.choices(
                ["customer", "internal", "solo", "declined", "cancelled", "transparent", "us"],
                weights=[38, 14, 18, 6, 5, 6, 3])[0]
            if kind in ("customer", "us"):
                if kind == "us":
                    name, domain = rng.choice(US_CUSTOMERS)
                    zone_name = "America/New_York"
                    start = dt.datetime.combine(day, dt.time(rng.choice([8, 9, 10]), 0))
                else:
                    name, domain = rng.choice(rep.customers)
                    zone_name = "Europe/Berlin"
                contacts, internal = self.customer_attendees(rep, domain, rng.randint(1, 3))
                organizer = rng.choice([rep.me, contacts[0]])
                summary = rng.choice(CUSTOMER_TITLES).format(c=name)
                out.append(self.single(rep, day, start, minutes, summary, organizer,
                                       [rep.me] + internal + contacts, zone_name=zone_name))
                if kind == "customer" and rng.random() < 0.3:
                    out.append(self.single(
                        rep, day, start - dt.timedelta(minutes=45), 30,
                        rng.choice(PREP_TITLES).format(c=name), rep.me,
                        [rep.me] + (internal or rng.sample(rep.colleagues, 1)), meet=True))
                if kind == "customer" and rng.random() < 0.25:
                    out.append(self.single(
                        rep, day, start + dt.timedelta(minutes=minutes + 15), 30,
                        rng.choice(DEBRIEF_TITLES).format(c=name), rep.me,
                        [rep.me] + (internal or rng.sample(rep.colleagues, 1)), meet=True))
            elif kind == "internal":
                people = rng.sample(rep.colleagues, rng.randint(1, 4))
                summary = rng.choice(INTERNAL_TITLES).format(q=rng.randint(1, 4))
                out.append(self.single(rep, day, start, minutes, summary, people[0],
                                       [rep.me] + people))
            elif kind == "solo":
                out.append(self.single(rep, day, start, minutes, rng.choice(SOLO_TITLES), None,
                                       [], meet=False))
            elif kind == "declined":
                people = rng.sample(rep.colleagues, rng.randint(2, 4))
                summary = rng.choice(INTERNAL_TITLES + ["Strategiemeeting", "All hands"]).format(
                    q=rng.randint(1, 4))
                out.append(self.single(rep, day, start, minutes, summary, people[0],
                                       [rep.me] + people, owner_partstat="DECLINED"))
            elif kind == "cancelled":
                name, domain = rng.choice(rep.customers)
                contacts, internal = self.customer_attendees(rep, domain, 1)
                summary = rng.choice(CANCELLED_PREFIXES) + rng.choice(CUSTOMER_TITLES).format(
                    c=name)
                out.append(self.single(rep, day, start, minutes, summary, contacts[0],
                                       [rep.me] + internal + contacts, status="CANCELLED"))
            else:
                out.append(self.single(rep, day, start, minutes,
                                       rng.choice(TRANSPARENT_TITLES), None, [],
                                       transp="TRANSPARENT", meet=False))

    # --- recurring series ----------------------------------------------------------------------

    def series(self, rep, year, days, spec, out):
        """One series of a year: the master, then its overrides (placed after it by caller)."""
        rng = rep.rng
        title, rrule_of, hour, minute, minutes, organizer, attendees, matches = spec
        hol = holidays(year)
        instances = [d for d in days if matches(d)]
        while instances and instances[0] in hol:  # a series starts on a working day
            instances.pop(0)
        if not instances:
            return
        first = instances[0]
        start = dt.datetime.combine(first, dt.time(hour, minute))
        rrule, instances = rrule_of(year, start, instances)
        exdates = [d for d in instances if d in hol]
        live = [d for d in instances if d not in hol and d != first]

        master = Event(rep.uid("google"))
        self.when(master, "DTSTART", start, "Europe/Berlin", False)
        self.when(master, "DTEND", start + dt.timedelta(minutes=minutes), "Europe/Berlin", False)
        master.add("RRULE", rrule)
        if exdates:
            values = [fmt_local(dt.datetime.combine(d, dt.time(hour, minute))) for d in exdates]
            if rng.random() < 0.5:
                master.add("EXDATE", ",".join(values), ";TZID=Europe/Berlin")
            else:
                for value in values:
                    master.add("EXDATE", value, ";TZID=Europe/Berlin")
        self.stamp(master, rep, first)
        self.people(master, rep, organizer, attendees)
        master.add("UID", master.uid)
        master.add("DESCRIPTION", self.description(rep, master.uid[:8], True))
        self.finish(master, rep, title, location="Google Meet")
        out.append((master, []))

        overrides = []
        n_over = max(1, len(live) // 12)
        for d in sorted(rng.sample(live, min(n_over, len(live)))):
            original = dt.datetime.combine(d, dt.time(hour, minute))
            kind = rng.choices(["moved", "moved-day", "retitled", "cancelled", "declined",
                                "longer"], weights=[30, 12, 12, 16, 14, 16])[0]
            new_start = original
            new_minutes = minutes
            new_title = title
            status = "CONFIRMED"
            partstat = "ACCEPTED"
            if kind == "moved":
                new_start = original + dt.timedelta(minutes=rng.choice([30, 60, 90, 180, -60]))
            elif kind == "moved-day":
                # to another weekday of the same week: may cross into another ISO week never
                offset = rng.choice([1, 2]) if d.weekday() < 3 else -rng.choice([1, 2])
                new_start = original + dt.timedelta(days=offset, hours=3)
            elif kind == "retitled":
                new_title = title + rng.choice([" (verschoben)", " – Sondertermin",
                                                " mit Geschäftsführung"])
            elif kind == "cancelled":
                status = "CANCELLED"
            elif kind == "declined":
                partstat = "DECLINED"
            else:
                new_minutes = minutes * 2
            event = Event(master.uid)
            self.when(event, "DTSTART", new_start, "Europe/Berlin", False)
            self.when(event, "DTEND", new_start + dt.timedelta(minutes=new_minutes),
                      "Europe/Berlin", False)
            self.stamp(event, rep, d, sequence=1)
            self.people(event, rep, organizer, attendees, partstat)
            event.add("RECURRENCE-ID", fmt_local(original), ";TZID=Europe/Berlin")
            event.add("UID", event.uid)
            event.add("DESCRIPTION", self.description(rep, event.uid[:8], True))
            self.finish(event, rep, new_title, status=status, location="Google Meet")
            overrides.append(event)
        out[-1] = (master, overrides)

    def year_series(self, rep, year):
        rng = rep.rng
        until = fmt_utc(dt.datetime(year, 12, 31, 23, 59, 59, tzinfo=BERLIN))

        def weekly(byday, interval=1):
            def rule(_year, start, instances):
                picked = instances[::interval]
                text = (f"FREQ=WEEKLY;WKST=MO;UNTIL={until};BYDAY={byday}"
                        + (f";INTERVAL={interval}" if interval > 1 else ""))
                return text, picked
            return rule

        def count_weekly(byday, count):
            def rule(_year, start, instances):
                return f"FREQ=WEEKLY;BYDAY={byday};COUNT={count}", instances[:count]
            return rule

        def monthly(byday, count):
            def rule(_year, start, instances):
                return f"FREQ=MONTHLY;BYDAY={byday};COUNT={count}", instances[:count]
            return rule

        all_days = [dt.date(year, 1, 1) + dt.timedelta(days=i)
                    for i in range((dt.date(year + 1, 1, 1) - dt.date(year, 1, 1)).days)]
        team = [rep.me, rep.manager] + rep.colleagues[:4]
        name, domain = rng.choice(rep.customers)
        contacts = rng.sample(rep.contacts[domain], 2)
        check_in_first = rng.randint(5, 30)

        def nth_weekday(weekday, n):
            def match(d):
                if d.weekday() != weekday:
                    return False
                if n > 0:
                    return (d.day - 1) // 7 == n - 1
                return (d + dt.timedelta(days=7)).month != d.month
            return match

        specs = [
            ("Daily Stand-up Vertrieb", weekly("MO,TU,WE,TH,FR"), 9, 0, 15, rep.manager, team,
             lambda d: d.weekday() < 5),
            ("Weekly Sales Sync", weekly("MO"), 10, 0, 60, rep.manager, team,
             lambda d: d.weekday() == 0),
            (f"1:1 {rep.manager.first} / {rep.me.first}", weekly("TH", 2), 14, 0, 30,
             rep.manager, [rep.me, rep.manager], lambda d: d.weekday() == 3),
            ("Forecast Review", monthly("1TU", 12), 15, 0, 60, rep.manager, team,
             nth_weekday(1, 1)),
            ("Pipeline-Abstimmung", monthly("-1FR", 12), 11, 0, 45, rep.manager, team,
             nth_weekday(4, -1)),
            ("Team Jour fixe", weekly("TH"), 16, 0, 45, rep.colleagues[0], team,
             lambda d: d.weekday() == 3),
            (f"Check-in Projekt {name}", count_weekly("WE", 20), 11, 0, 30, rep.me,
             [rep.me] + contacts + rep.colleagues[:1],
             lambda d, w=check_in_first: d.weekday() == 2 and d.isocalendar()[1] >= w),
        ]
        groups = []
        for spec in specs:
            self.series(rep, year, all_days, spec, groups)
        if year == FIRST_YEAR:  # a yearly all-day series over the whole range
            birthday = dt.date(year, rng.randint(1, 12), rng.randint(1, 28))
            groups.append((self.all_day(rep, birthday, 1,
                                        f"Geburtstag {rng.choice(FIRST_NAMES)}",
                                        rrule=f"FREQ=YEARLY;COUNT={self.years}"), []))
        return groups

    def rep_year(self, rep, year):
        rng = rep.rng
        hol = holidays(year)
        summer = dt.date(year, 7, 1) + dt.timedelta(days=rng.randint(0, 40))
        vacation = {summer + dt.timedelta(days=i) for i in range(14)}
        workdays = []
        d = dt.date(year, 1, 1)
        while d.year == year:
            if d.weekday() < 5 and d not in hol and d not in vacation:
                workdays.append(d)
            d += dt.timedelta(days=1)
        singles = []
        for day in workdays:
            self.day_events(rep, day, singles)
        # Vacation, trade fair, public holidays: all-day.
        singles.append(self.all_day(rep, summer, 14, "Urlaub"))
        fair = dt.date(year, rng.choice([3, 9, 11]), rng.randint(1, 20))
        singles.append(self.all_day(rep, fair, 3, "Messe Hannover", transp="OPAQUE"))
        for h in sorted(hol):
            if rng.random() < 0.5:
                singles.append(self.all_day(rep, h, 1, "Feiertag"))
        # Overnight travel on Sunday evening into Monday: crosses a week boundary.
        for _ in range(3):
            sunday = dt.date(year, rng.randint(1, 12), 1)
            sunday += dt.timedelta(days=(6 - sunday.weekday()) % 7)
            singles.append(self.single(rep, sunday, dt.datetime.combine(sunday, dt.time(22, 30)),
                                       540, "Nachtzug nach Wien", None, [], meet=False,
                                       location="ÖBB Nightjet"))
        groups = [(e, []) for e in singles] + self.year_series(rep, year)
        rng.shuffle(groups)
        # Overrides come after their master, at a random later place in the year's block.
        ordered = []
        pending = []
        for master, overrides in groups:
            ordered.append(master)
            pending.extend(overrides)
            while pending and rng.random() < 0.3:
                ordered.append(pending.pop(rng.randrange(len(pending))))
        ordered.extend(pending)
        return ordered

    def write(self, stream):
        head = ["BEGIN:VCALENDAR", "PRODID:-//busywork//bench generator//EN", "VERSION:2.0",
                "CALSCALE:GREGORIAN", "METHOD:PUBLISH", f"X-WR-CALNAME:{self.reps[0].me.address}",
                "X-WR-TIMEZONE:Europe/Berlin"] + VTIMEZONES
        stream.write(b"".join(fold(line) for line in head))
        for year in range(FIRST_YEAR, FIRST_YEAR + self.years):
            for rep in self.reps:
                events = self.rep_year(rep, year)
                self.vevents += len(events)
                chunk = []
                for event in events:
                    chunk.extend(fold(line) for line in event.lines())
                stream.write(b"".join(chunk))
        stream.write(fold("END:VCALENDAR"))


def preset(size_mb):
    """reps x years for a size in MB: 1 -> 1x1, 10 -> 1x10, 100 -> 10x10."""
    if size_mb <= 10:
        return 1, max(1, round(size_mb))
    reps = max(1, round(size_mb / 10))
    return reps, 10


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=float, help="target size in MB (sets --reps/--years)")
    parser.add_argument("--reps", type=int, default=1)
    parser.add_argument("--years", type=int, default=1)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-o", "--output", required=True)
    parser.add_argument("--if-needed", action="store_true",
                        help="do nothing when the file exists with the same parameters")
    args = parser.parse_args()
    reps, years = preset(args.size) if args.size else (args.reps, args.years)
    with open(os.path.abspath(__file__), "rb") as f:
        source = hashlib.sha256(f.read()).hexdigest()[:16]
    params = {"generator_version": GENERATOR_VERSION, "generator_sha256": source, "reps": reps,
              "years": years, "seed": args.seed}
    meta_path = args.output + ".json"
    if args.if_needed and os.path.exists(args.output) and os.path.exists(meta_path):
        with open(meta_path, encoding="utf-8") as f:
            meta = json.load(f)
        if meta.get("params") == params and meta.get("bytes") == os.path.getsize(args.output):
            return 0
    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    generator = Generator(reps, years, args.seed)
    tmp = args.output + ".tmp"
    with open(tmp, "wb") as f:
        generator.write(f)
    os.replace(tmp, args.output)
    last = FIRST_YEAR + years - 1
    middle = dt.date(FIRST_YEAR + years // 2, 10, 20).isocalendar()
    meta = {
        "params": params,
        "bytes": os.path.getsize(args.output),
        "vevents": generator.vevents,
        # Every occurrence starts on or after `from` and before `to` (a day of slack each side).
        "from": f"{FIRST_YEAR - 1}-12-31",
        "to": f"{last + 1}-01-01",
        "week": f"{middle[0]}-W{middle[1]:02d}",
    }
    with open(meta_path + ".tmp", "w", encoding="utf-8") as f:
        json.dump(meta, f, indent=2)
        f.write("\n")
    os.replace(meta_path + ".tmp", meta_path)
    print(f"{args.output}: {meta['bytes'] / 1e6:.1f} MB, {generator.vevents} VEVENTs "
          f"({reps} reps x {years} years)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
