#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Checks busywork's reports with the real programs that read them (issue 4, item 8).

    check_clients.py BUSYWORK SOURCE_DIR [--soffice PATH] [--chromium PATH] [--work-dir DIR]

1. csv: `busywork report samples/google_rep.ics ... --format csv` is converted to an ODS
   spreadsheet by LibreOffice in headless mode (a fresh private profile: what a new user's
   LibreOffice does with the file), and the spreadsheet is read back from its content.xml:
   the header row and the week labels are text cells, every numeric column is a float cell
   with the CSV's value, the dates are cells holding those dates, and no cell is a formula.
2. html: `... --format html` is parsed by html5lib in strict mode (a standards HTML5 parser:
   any parse error fails) and checked for scripts, external resources and event handlers; a
   calendar with hostile titles is rendered the same way and its titles must come back as
   text. Headless Chromium renders the page to a PNG, which must be a valid PNG of the window
   size that shows the bar colours.

Every check prints PASS or FAIL with what it found; the exit status is 1 when any failed.
busywork runs with LANG=C and no HOME, as from cron. Uses only the standard library and
html5lib (Debian: python3-html5lib).
"""

import argparse
import csv
import io
import math
import os
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
import zipfile
import zlib

try:
    import html5lib
except ImportError:  # reported as a failed check, with what to install
    html5lib = None

WINDOW = ["--tz", "Europe/Berlin", "--from", "2026-10-12", "--to", "2026-11-08",
          "--now", "2026-11-10"]
SAMPLE = "samples/google_rep.ics"
TEXT_COLUMNS = {"calendar", "week"}
DATE_COLUMNS = {"week_start", "week_end"}
EXPECTED_HEADER = [
    "week", "week_start", "week_end", "working_min", "customer_min", "pre_meeting_min",
    "post_meeting_min", "internal_sync_min", "internal_other_min", "solo_min", "meta_min",
    "meta_share", "customer_share", "double_booked_min", "outside_working_min", "counted_min",
    "hours_in_week", "excluded_count", "meta_per_customer"]
SCREEN_WIDTH, SCREEN_HEIGHT = 1000, 1400
CHROMIUM_TIMEOUT = 90  # seconds; it takes about 2
# Category colours of the HTML report's bars (render_report_html.cpp) that the sample's
# screenshot must show: customer, internal-sync, solo.
BAR_COLOURS = {"customer": (0x2E, 0x7D, 0x32), "internal-sync": (0xC6, 0x28, 0x28),
               "solo": (0x78, 0x90, 0x9C)}

NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
}


def q(prefix, name):
    return "{%s}%s" % (NS[prefix], name)


class Checks:
    def __init__(self):
        self.failed = []
        self.passed = 0

    def result(self, name, ok, detail):
        print("%s %s: %s" % ("PASS" if ok else "FAIL", name, detail), flush=True)
        if ok:
            self.passed += 1
        else:
            self.failed.append(name)
        return ok


def client_env(work):
    """An environment for the clients: private HOME and XDG folders inside `work`."""
    env = dict(os.environ)
    home = os.path.join(work, "home")
    for sub in ("", ".config", ".cache", "runtime"):
        os.makedirs(os.path.join(home, sub), exist_ok=True)
    os.chmod(os.path.join(home, "runtime"), 0o700)
    env.update(HOME=home, XDG_CONFIG_HOME=os.path.join(home, ".config"),
               XDG_CACHE_HOME=os.path.join(home, ".cache"),
               XDG_RUNTIME_DIR=os.path.join(home, "runtime"))
    return env


def cron_env():
    """busywork as cron runs it: no HOME, LANG=C."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("HOME", "XDG_CONFIG_HOME") and not k.startswith("LC_")}
    env["LANG"] = "C"
    return env


def run_bounded(command, env, timeout):
    """Runs a client in its own process group, and ends that group when it outlives `timeout`
    (Chromium's helpers or a page's alert() would otherwise keep it running). Raises
    subprocess.TimeoutExpired then."""
    proc = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            stdin=subprocess.DEVNULL, start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.communicate()
        raise
    return subprocess.CompletedProcess(command, proc.returncode, out, err)


def run_busywork(busywork, source, arguments):
    command = [busywork] + arguments
    proc = subprocess.run(command, cwd=source, env=cron_env(), capture_output=True,
                          timeout=120)
    if proc.returncode != 0:
        raise RuntimeError("%s exited %d: %s" % (" ".join(command), proc.returncode,
                                                  proc.stderr.decode("utf-8", "replace")))
    if proc.stderr:
        raise RuntimeError("%s wrote to stderr although all was well: %s"
                           % (" ".join(command), proc.stderr.decode("utf-8", "replace")))
    return proc.stdout


# ---- 1. the CSV in LibreOffice -------------------------------------------------------------

def ods_rows(path):
    """The first sheet of an ODS file: rows of (value_type, value, text, formula) per cell."""
    with zipfile.ZipFile(path) as z:
        root = ET.fromstring(z.read("content.xml"))
    sheet = root.find(".//office:spreadsheet/table:table", NS)
    if sheet is None:
        raise RuntimeError("no sheet in %s" % path)
    rows = []
    for row in sheet.iter(q("table", "table-row")):
        repeat_rows = int(row.get(q("table", "number-rows-repeated"), "1"))
        cells = []
        for cell in row:
            if cell.tag not in (q("table", "table-cell"), q("table", "covered-table-cell")):
                continue
            repeat = int(cell.get(q("table", "number-columns-repeated"), "1"))
            value_type = cell.get(q("office", "value-type"))
            value = (cell.get(q("office", "value")) or cell.get(q("office", "date-value"))
                     or cell.get(q("office", "string-value")))
            text = "\n".join("".join(p.itertext()) for p in cell.findall("text:p", NS))
            formula = cell.get(q("table", "formula"))
            cells.extend([(value_type, value, text, formula)] * min(repeat, 64))
        while cells and cells[-1][0] is None and not cells[-1][2]:
            cells.pop()  # the sheet's trailing empty columns
        if cells:
            rows.extend([cells] * min(repeat_rows, 1000))
    return rows


def check_csv(checks, args, work, env):
    try:
        data = run_busywork(args.busywork, args.source, ["report", SAMPLE] + WINDOW +
                            ["--format", "csv"])
    except Exception as e:  # noqa: BLE001 - every failure is a failed check
        return checks.result("csv: busywork report --format csv", False, str(e))
    records = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    checks.result("csv: busywork report --format csv", len(records) > 1,
                  "%d data rows, header %s" % (len(records) - 1, ",".join(records[0][:4]) + ",…"))
    header = records[0]
    expected = ([] if header[:1] != ["calendar"] else ["calendar"]) + EXPECTED_HEADER
    checks.result("csv: documented header", header == expected,
                  "as in render_report.hpp" if header == expected
                  else "got %s, expected %s" % (header, expected))

    csv_path = os.path.join(work, "report.csv")
    with open(csv_path, "wb") as f:
        f.write(data)
    profile = os.path.join(work, "lo-profile")
    command = [args.soffice, "-env:UserInstallation=file://" + profile, "--headless",
               "--norestore", "--convert-to", "ods", "--outdir", work, csv_path]
    started = time.monotonic()
    try:
        proc = run_bounded(command, env, 300)
    except subprocess.TimeoutExpired:
        return checks.result("csv: LibreOffice converts it to ODS", False, "timed out after 300 s")
    ods_path = os.path.join(work, "report.ods")
    ok = proc.returncode == 0 and os.path.isfile(ods_path)
    checks.result("csv: LibreOffice converts it to ODS", ok,
                  "%s (%.1f s)" % (ods_path, time.monotonic() - started) if ok else
                  "exit %d: %s %s" % (proc.returncode, proc.stdout.decode("utf-8", "replace"),
                                     proc.stderr.decode("utf-8", "replace")))
    if not ok:
        return
    try:
        sheet = ods_rows(ods_path)
    except Exception as e:  # noqa: BLE001
        return checks.result("csv: the spreadsheet reads back", False, str(e))

    checks.result("csv: one spreadsheet row per CSV row", len(sheet) == len(records),
                  "%d rows in the sheet, %d in the CSV" % (len(sheet), len(records)))
    problems = []
    numeric = dates = strings = 0
    for r, record in enumerate(records):
        cells = sheet[r] if r < len(sheet) else []
        for c, value in enumerate(record):
            value_type, cell_value, text, formula = (cells[c] if c < len(cells)
                                                    else (None, None, "", None))
            where = "row %d, %s" % (r + 1, header[c] if c < len(header) else "column %d" % c)
            if formula:
                problems.append("%s is a formula: %s" % (where, formula))
            if r == 0 or header[c] in TEXT_COLUMNS:
                if value_type != "string" or text != value:
                    problems.append("%s: expected the text %r, got %s %r"
                                    % (where, value, value_type, text))
                strings += 1
            elif header[c] in DATE_COLUMNS:
                if not ((value_type == "date" and cell_value[:10] == value)
                        or (value_type == "string" and text == value)):
                    problems.append("%s: expected the date %s, got %s %r"
                                    % (where, value, value_type, cell_value or text))
                dates += 1
            elif value == "":
                if value_type is not None:
                    problems.append("%s: expected an empty cell, got %s %r"
                                    % (where, value_type, cell_value))
            else:
                try:
                    float(value)
                except ValueError:
                    problems.append("%s: the CSV cell %r is not a number" % (where, value))
                    continue
                if value_type != "float":
                    problems.append("%s: expected a number %s, got a %s cell %r"
                                    % (where, value, value_type, text))
                elif not math.isclose(float(cell_value), float(value), rel_tol=0, abs_tol=1e-9):
                    problems.append("%s: the CSV says %s, the spreadsheet %s"
                                    % (where, value, cell_value))
                numeric += 1
    checks.result("csv: cell types and values in LibreOffice", not problems,
                  "%d numeric cells equal the CSV, %d text cells, %d date cells, no formula"
                  % (numeric, strings, dates) if not problems else "; ".join(problems[:12]))


# ---- 2. the HTML in a standards parser and in Chromium --------------------------------------

RESOURCE_ATTRIBUTES = {"src", "href", "srcset", "action", "formaction", "background", "poster",
                       "data", "codebase", "cite", "longdesc", "manifest", "ping", "xlink:href"}
FORBIDDEN_ELEMENTS = {"script", "style", "link", "img", "iframe", "frame", "object", "embed",
                      "video", "audio", "source", "base", "form", "svg", "math", "noscript"}


def parse_html(data):
    """The tree html5lib builds; raises on the first parse error."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return parser.parse(data)


def html_problems(document):
    problems = []
    root = document
    if root.tag != "html" or root.get("lang") != "en":
        problems.append("<html lang=\"en\"> missing")
    if root.find("./head/meta[@charset='utf-8']") is None:
        problems.append("<meta charset=\"utf-8\"> missing")
    title = root.find("./head/title")
    if title is None or not "".join(title.itertext()).strip():
        problems.append("empty or missing <title>")
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue  # comments
        if element.tag in FORBIDDEN_ELEMENTS:
            problems.append("<%s> element" % element.tag)
        for name, value in element.attrib.items():
            lname = name.lower()
            if lname in RESOURCE_ATTRIBUTES:
                problems.append("<%s %s=%r>" % (element.tag, name, value))
            if lname.startswith("on"):
                problems.append("event handler <%s %s=%r>" % (element.tag, name, value))
            if lname == "style" and ("url(" in value.lower() or "expression(" in value.lower()
                                     or "@import" in value.lower()):
                problems.append("external resource in style %r" % value)
            if "javascript:" in value.lower() or "http:" in value.lower() \
                    or "https:" in value.lower():
                problems.append("<%s %s=%r>" % (element.tag, name, value))
    return problems


HOSTILE_TITLE = "<script>alert(1)</script> Sync \" onmouseover=\"x' &amp; <img src=x>"


def hostile_calendar(path):
    """A calendar whose titles try to break out of HTML: a daily internal sync (so it is the
    costliest series) and a customer meeting."""
    def event(uid, start, title, attendee, rrule=None):
        lines = ["BEGIN:VEVENT", "UID:" + uid, "DTSTAMP:20261001T000000Z",
                 "DTSTART:" + start, "DURATION:PT30M", "SUMMARY:" + title.replace(",", "\\,"),
                 "ORGANIZER:mailto:rep@acme.example",
                 "ATTENDEE;PARTSTAT=ACCEPTED:mailto:rep@acme.example",
                 "ATTENDEE;PARTSTAT=ACCEPTED:mailto:" + attendee]
        if rrule:
            lines.append("RRULE:" + rrule)
        return lines + ["END:VEVENT"]
    lines = (["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//busywork//client tests//EN",
              "X-WR-CALNAME:rep@acme.example"]
             + event("hostile-sync@test", "20261019T070000Z", HOSTILE_TITLE, "bob@acme.example",
                     "FREQ=DAILY;COUNT=5")
             + event("hostile-customer@test", "20261020T090000Z",
                     "Demo </td></tr></table> & \"quotes\"", "buyer@customer.example")
             + ["END:VCALENDAR"])
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("\r\n".join(lines) + "\r\n")


def png_problems(path, width, height):
    """Whether `path` is a valid PNG of `width` × `height` (signature, IHDR, CRCs, image data),
    and which bar colours it shows."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        return ["not a PNG (signature %r)" % data[:8]], set()
    pos, chunks = 8, []
    while pos + 12 <= len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])
        if zlib.crc32(kind + body) & 0xFFFFFFFF != crc:
            return ["bad CRC in chunk %r" % kind], set()
        chunks.append((kind, body))
        pos += 12 + length
        if kind == b"IEND":
            break
    if not chunks or chunks[0][0] != b"IHDR" or chunks[-1][0] != b"IEND":
        return ["chunks do not run from IHDR to IEND"], set()
    w, h, depth, colour_type, _, _, interlace = struct.unpack(">IIBBBBB", chunks[0][1])
    problems = []
    if (w, h) != (width, height):
        problems.append("IHDR says %d×%d, expected %d×%d" % (w, h, width, height))
    channels = {2: 3, 6: 4}.get(colour_type)
    if depth != 8 or channels is None or interlace != 0:
        return problems + ["unexpected format: depth %d, colour type %d, interlace %d"
                           % (depth, colour_type, interlace)], set()
    raw = zlib.decompress(b"".join(body for kind, body in chunks if kind == b"IDAT"))
    stride = w * channels
    if len(raw) != h * (stride + 1):
        return problems + ["image data has %d bytes, expected %d" % (len(raw), h * (stride + 1))], set()
    # Unfilter (PNG filter types 0-4) and collect the colours.
    wanted = {bytes(rgb): name for name, rgb in BAR_COLOURS.items()}
    seen, colours = set(), set()
    previous = bytearray(stride)
    for y in range(h):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        if kind == 1:
            for i in range(channels, stride):
                line[i] = (line[i] + line[i - channels]) & 0xFF
        elif kind == 2:
            line = bytearray((a + b) & 0xFF for a, b in zip(line, previous))
        elif kind == 3:
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                line[i] = (line[i] + ((left + previous[i]) >> 1)) & 0xFF
        elif kind == 4:
            for i in range(stride):
                a = line[i - channels] if i >= channels else 0
                b = previous[i]
                c = previous[i - channels] if i >= channels else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        elif kind != 0:
            return problems + ["unknown filter type %d in row %d" % (kind, y)], set()
        if y % 2 == 0:  # every other row is plenty to find the bars
            for x in range(0, stride, channels * 2):
                rgb = bytes(line[x:x + 3])
                colours.add(rgb)
                if rgb in wanted:
                    seen.add(wanted[rgb])
        previous = line
    if len(colours) < 8:
        problems.append("only %d colours: a blank page?" % len(colours))
    return problems, seen


def screenshot(args, work, env, html_path, png_path):
    command = [args.chromium, "--headless", "--no-sandbox", "--disable-gpu",
               "--disable-dev-shm-usage", "--no-first-run", "--hide-scrollbars",
               # Offline: a page that reached out would fail fast instead of waiting for DNS.
               "--host-resolver-rules=MAP * ~NOTFOUND",
               "--user-data-dir=" + os.path.join(work, "chromium-profile"),
               "--screenshot=" + png_path,
               "--window-size=%d,%d" % (SCREEN_WIDTH, SCREEN_HEIGHT), "file://" + html_path]
    return run_bounded(command, env, CHROMIUM_TIMEOUT)


def check_html(checks, args, work, env):
    try:
        data = run_busywork(args.busywork, args.source, ["report", SAMPLE] + WINDOW +
                            ["--format", "html"])
    except Exception as e:  # noqa: BLE001
        return checks.result("html: busywork report --format html", False, str(e))
    checks.result("html: busywork report --format html", len(data) > 0, "%d bytes" % len(data))
    html_path = os.path.join(work, "report.html")
    with open(html_path, "wb") as f:
        f.write(data)

    if html5lib is None:
        checks.result("html: html5lib parses it without errors", False,
                      "html5lib is not importable by %s (Debian: python3-html5lib)"
                      % sys.executable)
    else:
        try:
            document = parse_html(data)
            checks.result("html: html5lib parses it without errors", True,
                          "html5lib %s, strict mode" % html5lib.__version__)
            problems = html_problems(document)
            checks.result("html: self-contained (no script, no external resource, no handler)",
                          not problems, "none found" if not problems else "; ".join(problems))
            text = " ".join("".join(document.itertext()).split())
            wanted = ["Meetings about meetings", "2026-W42", "2026-W45", "Europe/Berlin"]
            missing = [w for w in wanted if w not in text]
            checks.result("html: the page names the weeks and the zone", not missing,
                          "found %s" % ", ".join(wanted) if not missing
                          else "missing %s" % missing)
        except Exception as e:  # noqa: BLE001
            checks.result("html: html5lib parses it without errors", False,
                          "%s: %s" % (type(e).__name__, e))

        # Hostile titles come back as text, never as markup.
        hostile = os.path.join(work, "hostile.ics")
        hostile_calendar(hostile)
        try:
            hostile_html = run_busywork(args.busywork, args.source,
                                        ["report", hostile, "--tz", "Europe/Berlin", "--week",
                                         "2026-W43", "--now", "2026-11-10", "--format", "html"])
            document = parse_html(hostile_html)
            problems = html_problems(document)
            text = " ".join("".join(document.itertext()).split())
            if HOSTILE_TITLE not in text:
                problems.append("the hostile title is not in the page's text")
            checks.result("html: hostile event titles stay text", not problems,
                          "parsed without errors, the title %r is text, no markup from it"
                          % HOSTILE_TITLE[:24] if not problems else "; ".join(problems))
        except Exception as e:  # noqa: BLE001
            checks.result("html: hostile event titles stay text", False,
                          "%s: %s" % (type(e).__name__, e))

    png_path = os.path.join(work, "report.png")
    started = time.monotonic()
    try:
        proc = screenshot(args, work, env, html_path, png_path)
    except subprocess.TimeoutExpired:
        return checks.result("html: Chromium renders it to a PNG", False, "timed out after %d s (a script or a resource it waits for?)" % CHROMIUM_TIMEOUT)
    seconds = time.monotonic() - started
    if proc.returncode != 0 or not os.path.isfile(png_path):
        return checks.result("html: Chromium renders it to a PNG", False, "exit %d: %s" % (
            proc.returncode, proc.stderr.decode("utf-8", "replace")[-2000:]))
    size = os.path.getsize(png_path)
    problems, seen = png_problems(png_path, SCREEN_WIDTH, SCREEN_HEIGHT)
    if size < 20000:
        problems.append("only %d bytes" % size)
    missing = sorted(set(BAR_COLOURS) - seen)
    if missing:
        problems.append("no pixel in the bar colour of %s" % ", ".join(missing))
    checks.result("html: Chromium renders it to a PNG", not problems,
                  "%s, %d×%d, %d bytes, bars in %s (%.1f s)"
                  % (png_path, SCREEN_WIDTH, SCREEN_HEIGHT, size, ", ".join(sorted(seen)),
                     seconds) if not problems else "; ".join(problems))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("busywork", help="the built busywork binary")
    parser.add_argument("source", help="the source tree (for samples/)")
    parser.add_argument("--soffice", default=shutil.which("soffice") or "soffice")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    parser.add_argument("--work-dir", help="keep the files here (default: a temporary folder)")
    args = parser.parse_args()
    args.busywork = os.path.abspath(args.busywork)
    args.source = os.path.abspath(args.source)

    for program in (args.busywork, args.soffice, args.chromium):
        if not (os.path.isfile(program) or shutil.which(program)):
            print("FAIL setup: %s not found" % program)
            return 1
    if args.work_dir:
        shutil.rmtree(args.work_dir, ignore_errors=True)
        os.makedirs(args.work_dir)
        work = os.path.abspath(args.work_dir)
        cleanup = None
    else:
        cleanup = tempfile.TemporaryDirectory(prefix="busywork-clients-")
        work = cleanup.name
    env = client_env(work)
    checks = Checks()
    started = time.monotonic()
    try:
        for name, check in (("csv", check_csv), ("html", check_html)):
            try:
                check(checks, args, work, env)
            except Exception as e:  # noqa: BLE001 - a crash of a check is its failure
                checks.result(name, False, "the check itself failed: %s: %s"
                              % (type(e).__name__, e))
    finally:
        if cleanup:
            cleanup.cleanup()
    elapsed = time.monotonic() - started
    if checks.failed:
        print("client checks FAILED (%.1f s): %s" % (elapsed, ", ".join(checks.failed)))
    else:
        print("all client checks passed (%.1f s)" % elapsed)
    print("%d passed, %d failed" % (checks.passed, len(checks.failed)))
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main())
