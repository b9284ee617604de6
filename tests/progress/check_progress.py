#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The progress line end to end (issue 7, part 5): with standard error a pseudo-terminal and a
run longer than a second, busywork draws `\\rbusywork: reading …ESC[K` and erases it when
reading ends; with --quiet, or with standard error a pipe or a file, not one \\r or ESC.

    check_progress.py BUSYWORK_BINARY WORK_DIR

A large file is the real case, but a fast machine may read it in under a second; the runs
that must last longer read standard input from a writer that pauses, which no machine
shortens.
"""
import os
import pty
import subprocess
import sys
import termios
import threading
import time

binary, work_dir = sys.argv[1], sys.argv[2]
os.makedirs(work_dir, exist_ok=True)
calendar = os.path.join(work_dir, "big.ics")
small = os.path.join(work_dir, "small.ics")  # for the slowed-down runs, which need no bulk
failed = False


def fail(message):
    global failed
    failed = True
    print("FAIL", message)


def generate(path, events=100_000):
    """About 40 MB: a customer meeting, a prep and an internal sync a day, ten years long."""
    with open(path, "w", newline="") as out:
        out.write("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//busywork//progress test//EN\r\n")
        titles = ["Acme renewal call", "Prep: Acme renewal", "Weekly sales sync"]
        for i in range(events):
            day, slot = divmod(i, 3)
            year, rest = 2016 + day // 336, day % 336
            month, mday = 1 + rest // 28, 1 + rest % 28
            hour = 9 + 2 * slot
            stamp = f"{year:04d}{month:02d}{mday:02d}"
            out.write(
                "BEGIN:VEVENT\r\n"
                f"UID:progress-{i}@example.com\r\n"
                f"DTSTAMP:{stamp}T000000Z\r\n"
                f"DTSTART:{stamp}T{hour:02d}0000Z\r\n"
                f"DTEND:{stamp}T{hour:02d}4500Z\r\n"
                f"SUMMARY:{titles[slot]} {i}\r\n"
                "DESCRIPTION:Agenda: pricing\\, the rollout plan and next steps for the "
                "second half of the year.\r\n"
                "ORGANIZER;CN=Anna Berg:mailto:anna@acme-sales.de\r\n"
                "ATTENDEE;CN=Anna Berg;PARTSTAT=ACCEPTED:mailto:anna@acme-sales.de\r\n"
                "ATTENDEE;CN=Bob Customer;PARTSTAT=ACCEPTED:mailto:bob@customer.example\r\n"
                "END:VEVENT\r\n"
            )
        out.write("END:VCALENDAR\r\n")


def slow_writer(pipe, path, pause):
    """Writes the first 2 MB, waits `pause` seconds, then the rest."""
    with open(path, "rb") as f:
        data = f.read()
    try:
        pipe.write(data[: 2 << 20])
        pipe.flush()
        time.sleep(pause)
        pipe.write(data[2 << 20 :])
    except BrokenPipeError:
        pass
    finally:
        pipe.close()


def run(arguments, stderr_kind, slow_stdin=False, env_term="xterm-256color"):
    """Runs busywork; standard error a pty ("pty"), a pipe or a file. Returns (code, out, err,
    seconds)."""
    env = dict(os.environ, TERM=env_term, XDG_CONFIG_HOME=work_dir, NO_COLOR="1")
    env.pop("BUSYWORK_CONFIG", None)
    out_path = os.path.join(work_dir, "stdout")
    err_path = os.path.join(work_dir, "stderr")
    master = slave = None
    with open(out_path, "wb") as out_file, open(err_path, "wb") as err_file:
        if stderr_kind == "pty":
            master, slave = pty.openpty()
            # Raw output: the bytes busywork writes, without the terminal's \n to \r\n.
            attributes = termios.tcgetattr(slave)
            attributes[1] &= ~termios.OPOST
            termios.tcsetattr(slave, termios.TCSANOW, attributes)
            stderr = slave
        elif stderr_kind == "pipe":
            stderr = subprocess.PIPE
        else:
            stderr = err_file
        start = time.monotonic()
        process = subprocess.Popen(
            [binary] + arguments,
            stdin=subprocess.PIPE if slow_stdin else subprocess.DEVNULL,
            stdout=out_file,
            stderr=stderr,
            env=env,
        )
        writer = None
        if slow_stdin:
            writer = threading.Thread(target=slow_writer, args=(process.stdin, small, 1.3))
            writer.start()
        err = b""
        if master is not None:
            os.close(slave)
            while True:
                try:
                    chunk = os.read(master, 65536)
                except OSError:  # EIO: the last writer closed the terminal
                    break
                if not chunk:
                    break
                err += chunk
            os.close(master)
        elif stderr_kind == "pipe":
            err = process.stderr.read()
        code = process.wait(timeout=120)
        seconds = time.monotonic() - start
        if writer:
            writer.join()
    with open(out_path, "rb") as f:
        out = f.read()
    if stderr_kind == "file":
        with open(err_path, "rb") as f:
            err = f.read()
    return code, out, err, seconds


def check_line_drawn_and_erased(label, err):
    """At least one drawn line, the last thing done to it an erase, nothing after it redrawn."""
    drawn = err.count(b"\rbusywork: reading ")
    if drawn == 0:
        fail(f"{label}: no progress line in stderr: {err[:300]!r}")
        return None
    last_draw = err.rfind(b"\rbusywork: reading ")
    erase = err.find(b"\r\x1b[K", last_draw)
    if erase < 0:
        fail(f"{label}: the progress line was not erased: {err[last_draw:][:300]!r}")
        return None
    rest = err[erase + len(b"\r\x1b[K") :]
    if b"\r" in rest or b"\x1b" in rest:
        fail(f"{label}: after the erase, stderr is not clean: {rest[:300]!r}")
    for line in err.split(b"\r")[1:]:
        if line.startswith(b"busywork: reading ") and not line.endswith(b"\x1b[K"):
            fail(f"{label}: a redraw does not erase to the end of the line: {line!r}")
    print(f"ok   {label}: {drawn} redraws, erased; then {rest.decode(errors='replace')!r}")
    return err[last_draw + 1 : err.find(b"\x1b[K", last_draw)].decode()


def check_clean(label, out, err):
    for name, text in (("stderr", err), ("stdout", out)):
        if b"\r" in text or b"\x1b" in text:
            fail(f"{label}: a \\r or ESC in {name}: {text[:300]!r}")
            return
    print(f"ok   {label}: no \\r or ESC in stdout or stderr")


started = time.monotonic()
generate(calendar)
generate(small, events=20_000)
size = os.path.getsize(calendar)
print(f"generated {calendar}: {size / 1e6:.1f} MB in {time.monotonic() - started:.1f} s")
report = ["report", "--no-config", "--tz", "UTC", "--now", "2026-01-10T12:00:00Z", "--weeks", "2",
          "--me", "anna@acme-sales.de"]

# A file: the real case. Standard output is a file, and the report in it stays clean.
code, out, err, seconds = run(report + [calendar], "pty")
if code != 0:
    fail(f"report of a file on a pty exited {code}: {err[-500:]!r}")
if seconds > 1.5:
    line = check_line_drawn_and_erased(f"report FILE, {seconds:.1f} s", err)
    if line:
        print(f"     last line drawn: {line!r}")
        if " of 1 file" in line or "MB, " not in line or " of " not in line:
            fail(f"unexpected progress text for one file of known size: {line!r}")
elif seconds > 1.0:
    print(f"note report FILE took {seconds:.1f} s, too close to the 1 s delay to require a line")
else:
    if err.count(b"\r") or err.count(b"\x1b"):
        fail(f"report FILE took {seconds:.1f} s, under the delay, yet drew: {err[:300]!r}")
    print(f"note report FILE took {seconds:.1f} s: too fast for the progress line, as it should")
check_clean("report FILE: stdout", out, b"")

# Standard input, slowed down: certainly more than a second, and no total size.
code, out, err, seconds = run(["check", "-"], "pty", slow_stdin=True)
if code != 0:
    fail(f"check - on a pty exited {code}: {err[-500:]!r}")
line = check_line_drawn_and_erased(f"check - (stdin), {seconds:.1f} s", err)
if line:
    print(f"     last line drawn: {line!r}")
    if not line.startswith("busywork: reading 1 file, ") or " of " in line:
        fail(f"stdin has no total: {line!r}")
if b"20000 events read" not in err:
    fail(f"check's summary line is missing: {err[-300:]!r}")

# --quiet on a terminal: nothing drawn, and neither the summary.
code, out, err, seconds = run(["check", "--quiet", "-"], "pty", slow_stdin=True)
check_clean(f"check --quiet - on a pty, {seconds:.1f} s", out, err)
if b"events read" in err:
    fail(f"check --quiet printed its summary: {err!r}")
code, out, err, seconds = run(report + ["--quiet", "-"], "pty", slow_stdin=True)
check_clean(f"report --quiet - on a pty, {seconds:.1f} s", out, err)

# Scripts and cron: standard error a pipe or a file.
code, out, err, seconds = run(["check", "-"], "pipe", slow_stdin=True)
check_clean(f"check - with stderr a pipe, {seconds:.1f} s", out, err)
code, out, err, seconds = run(report + ["-"], "file", slow_stdin=True)
check_clean(f"report - with stderr a file, {seconds:.1f} s", out, err)

# A terminal that cannot erase a line.
code, out, err, seconds = run(["check", "-"], "pty", slow_stdin=True, env_term="dumb")
check_clean(f"check - on a pty with TERM=dumb, {seconds:.1f} s", out, err)

print(f"progress: {'FAILED' if failed else 'ok'} in {time.monotonic() - started:.1f} s")
sys.exit(1 if failed else 0)
