// SPDX-License-Identifier: MIT
// The command line: parses options, calls the library, prints problems, chooses the exit code.
//   0  success
//   1  input problems: nothing could be read, `check` found problems, or --strict and an
//      event was skipped
//   2  usage error (unknown option, bad date, unknown --tz zone)
#include <CLI/CLI.hpp>
#include <busywork/diagnostics.hpp>
#include <busywork/error.hpp>
#include <busywork/ics_reader.hpp>
#include <busywork/recurrence.hpp>
#include <busywork/render_events.hpp>
#include <busywork/window.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>

namespace {

enum class EventsFormat { text, csv, json };

struct CommonOptions {
    std::vector<std::string> inputs;
    std::string tz;
    bool strict = false;
};

struct EventsOptions {
    std::string from;
    std::string to;
    std::string now;
    EventsFormat format = EventsFormat::text;
    std::string output;
};

void print_diagnostics(const busywork::Diagnostics& diagnostics) {
    for (const auto& d : diagnostics.all())
        std::cerr << d.to_string() << '\n';
    if (diagnostics.skipped_events() > 0)
        std::cerr << "busywork: " << diagnostics.skipped_events()
                  << (diagnostics.skipped_events() == 1 ? " event" : " events")
                  << " skipped because of errors\n";
}

// Writes next to the target, then renames: a reader never sees half a file.
void write_atomically(const std::string& path, const std::string& content) {
    std::string temporary = path + ".tmp-busywork";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out << content;
        out.flush();
        if (!out)
            throw busywork::Error("cannot write " + temporary);
    }
    std::error_code error;
    std::filesystem::rename(temporary, path, error);
    if (error) {
        std::filesystem::remove(temporary, error);
        throw busywork::Error("cannot write " + path);
    }
}

int run_events(const CommonOptions& common, const EventsOptions& options) {
    busywork::Zone zone = busywork::report_zone(common.tz);
    busywork::TimeWindow window;
    if (!options.from.empty() || !options.to.empty()) {
        if (options.from.empty() || options.to.empty())
            throw busywork::UsageError("--from and --to go together");
        window = busywork::window_for_dates(busywork::parse_date(options.from),
                                            busywork::parse_date(options.to), zone);
    } else {
        busywork::Instant now =
            options.now.empty()
                ? date::floor<std::chrono::seconds>(std::chrono::system_clock::now())
                : busywork::parse_now(options.now, zone);
        window = busywork::last_complete_week(now, zone);
    }
    busywork::Diagnostics diagnostics;
    auto calendars = busywork::read_inputs(common.inputs, diagnostics);
    auto occurrences = busywork::expand_occurrences(calendars, window, zone, diagnostics);
    print_diagnostics(diagnostics);
    if (calendars.empty()) {
        std::cerr << "busywork: error: no input could be read\n";
        return 1;
    }
    std::string rendered;
    switch (options.format) {
    case EventsFormat::csv:
        rendered = busywork::render_events_csv(occurrences, zone);
        break;
    case EventsFormat::json:
        rendered = busywork::render_events_json(occurrences, zone);
        break;
    case EventsFormat::text:
        rendered = busywork::render_events_text(occurrences, zone);
        break;
    }
    if (options.output.empty())
        std::cout << rendered << std::flush;
    else
        write_atomically(options.output, rendered);
    return common.strict && diagnostics.skipped_events() > 0 ? 1 : 0;
}

int run_check(const CommonOptions& common) {
    busywork::Zone zone = busywork::report_zone(common.tz);
    busywork::Diagnostics diagnostics;
    auto calendars = busywork::read_inputs(common.inputs, diagnostics);
    // Expanding finds the problems that only recurrence reveals. 1970-2100 holds fewer daily
    // instances than the per-series cap, so an endless daily meeting is not reported as cut.
    using namespace date;
    busywork::TimeWindow everything{sys_days{1970_y / January / 1}, sys_days{2100_y / January / 1}};
    std::size_t events = 0;
    for (const auto& c : calendars)
        events += c.events.size();
    busywork::expand_occurrences(calendars, everything, zone, diagnostics);
    print_diagnostics(diagnostics);
    std::cerr << "busywork: " << calendars.size()
              << (calendars.size() == 1 ? " file, " : " files, ") << events << " events read, "
              << diagnostics.all().size()
              << (diagnostics.all().size() == 1 ? " problem\n" : " problems\n");
    return diagnostics.empty() && !calendars.empty() ? 0 : 1;
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"busywork: how much of each week went to meetings about meetings"};
    app.set_version_flag("--version", std::string("busywork ") + BUSYWORK_VERSION);
    app.require_subcommand(1);

    CommonOptions common;
    EventsOptions events;
    auto add_common = [&common](CLI::App* command) {
        command
            ->add_option("inputs", common.inputs,
                         ".ics files, directories (searched for *.ics) or - for standard input")
            ->required();
        command->add_option("--tz", common.tz,
                            "report zone, an IANA name (default: the system zone)");
        command->add_flag("--strict", common.strict,
                          "fail (exit 1) when any event had to be skipped");
    };

    CLI::App* events_command =
        app.add_subcommand("events", "list every occurrence in a window")
            ->footer("Examples:\n  busywork events samples/google_rep.ics --from 2026-10-19 --to "
                     "2026-10-25\n"
                     "  busywork events cal.ics --tz UTC --format csv -o events.csv");
    add_common(events_command);
    events_command->add_option("--from", events.from, "first day, YYYY-MM-DD (with --to)");
    events_command->add_option("--to", events.to, "last day, YYYY-MM-DD, included");
    events_command->add_option("--now", events.now,
                               "pin today for the default window (the last complete ISO week)");
    std::map<std::string, EventsFormat> formats{
        {"text", EventsFormat::text}, {"csv", EventsFormat::csv}, {"json", EventsFormat::json}};
    events_command->add_option("--format", events.format, "text, csv or json")
        ->transform(CLI::CheckedTransformer(formats, CLI::ignore_case));
    events_command->add_option("-o,--output", events.output,
                               "write to FILE (atomically) instead of stdout");

    CLI::App* check_command =
        app.add_subcommand("check", "parse only: list every problem with file:line");
    add_common(check_command);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? 0 : 2;
    }
    try {
        if (events_command->parsed())
            return run_events(common, events);
        return run_check(common);
    } catch (const busywork::UsageError& e) {
        std::cerr << "busywork: error: " << e.what() << '\n';
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "busywork: error: " << e.what() << '\n';
        return 1;
    }
}
