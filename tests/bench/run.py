#!/usr/bin/env python3
"""The benchmark of issue 6; run it as scripts/bench (see tests/bench/README.md).

Builds busywork (Release) and the libical baseline in build-bench/, installs node-ical there,
generates the calendars, runs every program RUNS times under GNU time, checks that all per-week
totals agree, and prints one markdown table (also written to build-bench/bench-results.md, the
raw numbers to build-bench/bench-results.json). Exits 1 when totals disagree or a program
failed, 0 otherwise.
"""

import argparse
import filecmp
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PEER_PYTHON = "/usr/bin/python3"  # Debian's, where python3-recurring-ical-events is installed
GNU_TIME = "/usr/bin/time"

BASELINE = "baseline C (libical)"
BUSYWORK_FULL = "busywork report (full range)"


def log(message):
    print(message, file=sys.stderr, flush=True)


def run_checked(cmd, **kwargs):
    log("+ " + " ".join(cmd))
    subprocess.run(cmd, check=True, **kwargs)


def build(build_dir, jobs):
    run_checked(["cmake", "-S", ROOT, "-B", build_dir, "-DCMAKE_BUILD_TYPE=Release",
                 "-DBUSYWORK_TESTS=OFF", "-DBUSYWORK_BENCH=ON"], stdout=subprocess.DEVNULL)
    run_checked(["cmake", "--build", build_dir, f"-j{jobs}", "--target", "busywork",
                 "baseline_libical"], stdout=subprocess.DEVNULL)


def install_node_ical(build_dir):
    """npm ci of tests/bench/package(-lock).json into BUILD/node_modules, when not current."""
    for name in ("package.json", "package-lock.json"):
        target = os.path.join(build_dir, name)
        if not os.path.exists(target) or not filecmp.cmp(os.path.join(HERE, name), target,
                                                         shallow=False):
            shutil.copyfile(os.path.join(HERE, name), target)
            stamp = os.path.join(build_dir, "node_modules", ".package-lock.json")
            if os.path.exists(stamp):
                os.remove(stamp)
    if not os.path.exists(os.path.join(build_dir, "node_modules", ".package-lock.json")):
        run_checked(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=build_dir,
                    stdout=sys.stderr)


def generate(build_dir, size):
    path = os.path.join(build_dir, "data", f"bench-{size:g}mb.ics")
    run_checked([sys.executable, os.path.join(HERE, "generate.py"), "--size", f"{size:g}",
                 "-o", path, "--if-needed"])
    with open(path + ".json", encoding="utf-8") as f:
        return path, json.load(f)


def programs(build_dir, busywork, path, meta, out_dir):
    """What runs on one calendar: dicts of name, cmd, out (its stdout file or None), totals
    (the file with its per-week totals, or None) and slow."""
    baseline = os.path.join(build_dir, "tests", "bench", "baseline_libical")
    window = ["--tz", "Europe/Berlin"]
    full = window + ["--from", meta["from"], "--to", meta["to"]]
    events_csv = os.path.join(out_dir, "busywork-events.csv")

    def totals(name):
        return os.path.join(out_dir, name)

    return [
        {"name": "cat (floor)", "cmd": ["cat", path]},
        {"name": BASELINE, "cmd": [baseline, path, meta["from"], meta["to"]],
         "out": totals("baseline.csv")},
        {"name": BUSYWORK_FULL, "cmd": [busywork, "report", path, "--format", "csv"] + full},
        {"name": "busywork report --week (one week)",
         "cmd": [busywork, "report", path, "--format", "csv", "--week", meta["week"]] + window},
        {"name": "busywork events --format csv",
         "cmd": [busywork, "events", path, "--format", "csv", "-o", events_csv] + full,
         "events_csv": events_csv, "totals": totals("busywork-events-totals.csv")},
        {"name": "node-ical (npm)",
         "cmd": ["node", os.path.join(HERE, "peer_node_ical.js"), path, meta["from"],
                 meta["to"]], "out": totals("node-ical.csv")},
        {"name": "recurring-ical-events (Debian)",
         "cmd": [PEER_PYTHON, os.path.join(HERE, "peer_recurring_ical_events.py"), path,
                 meta["from"], meta["to"]], "out": totals("recurring-ical-events.csv"),
         "slow": True},
    ]


def measure(cmd, stdout_path, stderr_path, env, timeout):
    """One run under GNU time: (wall s, CPU s, peak KiB, exit code or 'timeout')."""
    time_file = stderr_path + ".time"
    with open(stdout_path or os.devnull, "wb") as out, open(stderr_path, "wb") as err:
        started = time.perf_counter()
        # A session of its own, so that a timeout stops the program too, not only GNU time.
        proc = subprocess.Popen([GNU_TIME, "-f", "%e %U %S %M", "-o", time_file] + cmd,
                                stdout=out, stderr=err, env=env, start_new_session=True)
        try:
            proc.wait(timeout=timeout or None)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            return time.perf_counter() - started, None, None, "timeout"
        except BaseException:  # Ctrl-C does not reach the program's own session
            os.killpg(proc.pid, signal.SIGKILL)
            raise
        wall = time.perf_counter() - started
    with open(time_file, encoding="utf-8") as f:
        fields = f.read().split()
    if len(fields) < 4:
        return wall, None, None, proc.returncode
    return wall, float(fields[-3]) + float(fields[-2]), int(fields[-1]), proc.returncode


def read_totals(path):
    totals = {}
    with open(path, encoding="utf-8") as f:
        for line in f.read().splitlines()[1:]:
            week, occurrences, minutes = line.split(",")
            totals[week] = (int(occurrences), int(minutes))
    return totals


def compare(size, results):
    """Per-week totals of every implementation against the baseline's: mismatch lines."""
    have = {name: read_totals(r["totals"]) for name, r in results.items() if r.get("totals")}
    if BASELINE not in have:
        return [f"{size:g} MB: no baseline totals to compare with"] if have else []
    reference = have[BASELINE]
    problems = []
    for name, totals in have.items():
        if name == BASELINE:
            continue
        weeks = sorted(set(reference) | set(totals))
        bad = [w for w in weeks if reference.get(w) != totals.get(w)]
        if bad:
            problems.append(f"{size:g} MB: {name} differs from {BASELINE} in {len(bad)} of "
                            f"{len(weeks)} weeks (week: baseline occurrences/minutes vs "
                            f"{name}):")
            for w in bad[:20]:
                problems.append(f"  {w}: {reference.get(w)} vs {totals.get(w)}")
            if len(bad) > 20:
                problems.append(f"  ... {len(bad) - 20} more")
    return problems


def fmt_seconds(s):
    return f"{s:.3f} s" if s < 10 else f"{s:.1f} s"


def fmt_ratio(x):
    return f"{x:.3f}x" if x < 0.1 else f"{x:.2f}x" if x < 100 else f"{x:.0f}x"


def fmt_rate(mb_per_s):
    return f"{mb_per_s:.0f}" if mb_per_s >= 10 else f"{mb_per_s:.2f}"


def complete_wall(r):
    """The wall time of a result that ran to the end, else None."""
    return r["wall"] if r and "wall" in r and not r.get("timed_out") else None


def table(all_results):
    lines = ["| program | size | runs | wall median | CPU median | peak MiB | peak / file | MB/s "
             "| vs baseline C | vs busywork report |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    names = []
    for results in all_results.values():
        for name in results:
            if name not in names:
                names.append(name)
    for name in names:
        for size, results in all_results.items():
            r = results.get(name)
            if r is None:
                continue
            size_text = f"{r['mb']:.1f} MB"
            if "error" in r:
                lines.append(f"| {name} | {size_text} | {len(r['walls'])} | {r['error']} "
                             "| | | | | | |")
                continue
            wall = r["wall"]
            base = complete_wall(results.get(BASELINE))
            ours = complete_wall(results.get(BUSYWORK_FULL))
            if r.get("timed_out"):
                lines.append(
                    f"| {name} | {size_text} | {len(r['walls'])} | > {fmt_seconds(wall)} "
                    f"(timed out) | | | | < {fmt_rate(r['mb'] / wall)} "
                    f"| {'> ' + fmt_ratio(wall / base) if base else '—'} "
                    f"| {'> ' + fmt_ratio(wall / ours) if ours else '—'} |")
                continue
            peak = f"{r['peak_kib'] / 1024:.0f}" if r.get("peak_kib") else "—"
            per_file = (f"{r['peak_kib'] * 1024 / r['bytes']:.1f}x" if r.get("peak_kib")
                        else "—")
            lines.append(
                f"| {name} | {size_text} | {len(r['walls'])} | {fmt_seconds(wall)} "
                f"| {fmt_seconds(r['cpu'])} | {peak} "
                f"| {per_file} | {fmt_rate(r['mb'] / wall)} "
                f"| {fmt_ratio(wall / base) if base else '—'} "
                f"| {fmt_ratio(wall / ours) if ours else '—'} |")
    return "\n".join(lines)


def goals(results, size):
    """The goals of issue 6 at one size, as markdown list lines."""
    def wall(name):
        return complete_wall(results.get(name))
    out = [f"Goals of issue 6 at {size:g} MB:"]
    full, base = wall(BUSYWORK_FULL), wall(BASELINE)
    week = next((r["wall"] for n, r in results.items()
                 if n.startswith("busywork report --week") and "wall" in r), None)
    r_full = results.get(BUSYWORK_FULL, {})
    checks = []
    if r_full.get("peak_kib"):
        ratio = r_full["peak_kib"] * 1024 / r_full["bytes"]
        checks.append(("peak memory of busywork report at most 1.5x the file", ratio <= 1.5,
                       f"{ratio:.1f}x"))
    if full and base:
        checks.append(("busywork report full range within 0.6x of the baseline's wall time",
                       full / base <= 0.6, f"{full / base:.2f}x"))
    for name, factor in (("node-ical (npm)", 8), ("recurring-ical-events (Debian)", 150)):
        peer = results.get(name, {})
        if full and wall(name):
            checks.append((f"at least {factor}x faster than {name}",
                           wall(name) / full >= factor, f"{wall(name) / full:.1f}x"))
        elif full and peer.get("timed_out"):
            bound = peer["wall"] / full
            checks.append((f"at least {factor}x faster than {name} (it timed out)",
                           True if bound >= factor else None, f"more than {bound:.1f}x"))
    if full and week:
        checks.append(("one week at least 10x faster than the full range", full / week >= 10,
                       f"{full / week:.1f}x"))
    for text, met, value in checks:
        verdict = "met" if met else "unknown" if met is None else "NOT met"
        out.append(f"- {text}: {value}, {verdict}")
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1,10,100", help="calendar sizes in MB (1,10,100)")
    parser.add_argument("--runs", type=int, default=3, help="runs per program (median)")
    parser.add_argument("--max-repeat", type=float, default=60, metavar="SECONDS",
                        help="a program whose first run took longer runs only once (60)")
    parser.add_argument("--timeout", type=float, default=0, metavar="SECONDS",
                        help="stop a run after this long and report it as timed out (0: none)")
    parser.add_argument("--skip-slow", action="store_true",
                        help="skip recurring-ical-events above 10 MB (it takes minutes)")
    parser.add_argument("--only", action="append", default=[], metavar="TEXT",
                        help="run only programs whose name contains TEXT (repeatable; the "
                             "baseline always runs)")
    parser.add_argument("--build-dir", default=os.path.join(ROOT, "build-bench"))
    parser.add_argument("--no-build", action="store_true", help="use the binaries as they are")
    parser.add_argument("--busywork", metavar="PATH",
                        help="time this busywork binary instead of BUILD/cli/busywork")
    parser.add_argument("--jobs", type=int, default=2, help="build jobs (2)")
    args = parser.parse_args()
    sizes = [float(s) for s in args.sizes.split(",") if s]
    build_dir = os.path.abspath(args.build_dir)
    os.makedirs(build_dir, exist_ok=True)

    if not os.path.exists(GNU_TIME):
        sys.exit(f"{GNU_TIME} (GNU time, Debian package time) is missing: run scripts/bench")
    if not args.no_build:
        try:
            build(build_dir, args.jobs)
        except subprocess.CalledProcessError as e:
            sys.exit(f"bench: the build failed (exit {e.returncode})")
    busywork = os.path.abspath(args.busywork or os.path.join(build_dir, "cli", "busywork"))
    install_node_ical(build_dir)
    env = dict(os.environ, NODE_PATH=os.path.join(build_dir, "node_modules"))

    load_before = os.getloadavg()[0]
    all_results = {}
    failed = False
    problems = []
    for size in sizes:
        path, meta = generate(build_dir, size)
        out_dir = os.path.join(build_dir, "results", f"{size:g}mb")
        os.makedirs(out_dir, exist_ok=True)
        results = {}
        for index, program in enumerate(programs(build_dir, busywork, path, meta, out_dir)):
            name = program["name"]
            if args.only and name != BASELINE and not any(t in name for t in args.only):
                continue
            if program.get("slow") and args.skip_slow and size > 10:
                continue
            stderr_path = os.path.join(out_dir, f"program-{index}.stderr")
            r = {"bytes": meta["bytes"], "mb": meta["bytes"] / 1e6, "walls": [], "cpus": [],
                 "peaks": [], "cmd": program["cmd"]}
            for i in range(args.runs):
                log(f"{size:g} MB: {name}, run {i + 1}")
                wall, cpu, peak, code = measure(program["cmd"], program.get("out"), stderr_path,
                                                env, args.timeout)
                if code == "timeout":  # a lower bound, not a failure
                    log(f"{name}: stopped after {wall:.0f} s (--timeout)")
                    r["timed_out"] = True
                    r["wall"] = wall
                    break
                if code != 0:
                    with open(stderr_path, encoding="utf-8", errors="replace") as f:
                        tail = f.read()[-2000:]
                    r["error"] = f"failed (exit {code})"
                    log(f"{name}: {r['error']}\n{tail}")
                    failed = True
                    break
                r["walls"].append(wall)
                r["cpus"].append(cpu)
                r["peaks"].append(peak)
                if wall > args.max_repeat:
                    break
            if "error" not in r and "timed_out" not in r:
                r["wall"] = statistics.median(r["walls"])
                r["cpu"] = statistics.median(c for c in r["cpus"] if c is not None)
                r["peak_kib"] = max((p for p in r["peaks"] if p is not None), default=None)
                if program.get("events_csv"):
                    with open(program["totals"], "wb") as f:
                        subprocess.run([sys.executable, os.path.join(HERE, "sum_busywork_csv.py"),
                                        program["events_csv"]], stdout=f, check=True)
                    r["totals"] = program["totals"]
                elif program.get("out"):
                    r["totals"] = program["out"]
            results[name] = r
        all_results[size] = results
        problems += compare(size, results)

    text = table(all_results)
    largest = max(all_results) if all_results else None
    notes = []
    if largest is not None:
        notes = [""] + goals(all_results[largest], largest)
        smaller = [s for s in all_results if s < largest]
        if smaller:
            size = max(smaller)
            growth = []
            for name in (BUSYWORK_FULL, BASELINE):
                a = all_results[size].get(name, {})
                b = all_results[largest].get(name, {})
                if a.get("wall") and b.get("wall"):
                    per_mb = (b["wall"] / b["mb"]) / (a["wall"] / a["mb"])
                    growth.append(f"{name} {per_mb:.2f}x")
            if growth:
                notes.append(f"- time per MB at {largest:g} MB over that at {size:g} MB "
                             f"(1.00x is linear): " + ", ".join(growth))
        reference = all_results[largest].get(BASELINE, {}).get("totals")
        if reference:
            totals = read_totals(reference)
            compared = [n for n, r in all_results[largest].items() if r.get("totals")]
            notes.append(f"- per-week totals at {largest:g} MB: {len(totals)} weeks, "
                         f"{sum(n for n, _ in totals.values())} occurrences, "
                         f"{sum(m for _, m in totals.values())} minutes; "
                         + ("identical in " if not problems else "compared across ")
                         + ", ".join(compared))
    notes.append(f"- load average (1 min) {load_before:.1f} at the start, "
                 f"{os.getloadavg()[0]:.1f} at the end, on {os.cpu_count()} CPUs: wall times are "
                 "only meaningful on an otherwise idle machine; CPU is user + sys")
    print(text)
    print("\n".join(notes))
    if problems:
        print("\nPer-week totals disagree:\n" + "\n".join(problems))
    with open(os.path.join(build_dir, "bench-results.md"), "w", encoding="utf-8") as f:
        f.write(text + "\n" + "\n".join(notes) + "\n")
        if problems:
            f.write("\nPer-week totals disagree:\n" + "\n".join(problems) + "\n")
    with open(os.path.join(build_dir, "bench-results.json"), "w", encoding="utf-8") as f:
        json.dump({f"{s:g}": r for s, r in all_results.items()}, f, indent=2)
    return 1 if problems or failed else 0


if __name__ == "__main__":
    sys.exit(main())
