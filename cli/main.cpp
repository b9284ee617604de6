// SPDX-License-Identifier: MIT
// The command line: parses options, calls the library, prints problems, chooses the exit code.
//   0  success
//   1  input problems: nothing could be read, or `check` found problems
//   2  usage error (unknown option, bad date, unknown --tz zone, a bad rules or config file)
//   3  report --fail-over: a week's meta share was over the threshold
//   4  --strict: the input had a problem (an event skipped, or a warning)
#include <CLI/CLI.hpp>
#include <busywork/classified_events.hpp>
#include <busywork/config.hpp>
#include <busywork/diagnostics.hpp>
#include <busywork/error.hpp>
#include <busywork/ics_reader.hpp>
#include <busywork/ownership.hpp>
#include <busywork/progress_line.hpp>
#include <busywork/recurrence.hpp>
#include <busywork/redaction.hpp>
#include <busywork/render_events.hpp>
#include <busywork/render_report.hpp>
#include <busywork/rules.hpp>
#include <busywork/text_matching.hpp>
#include <busywork/text_safety.hpp>
#include <busywork/versions.hpp>
#include <busywork/week_report.hpp>
#include <busywork/weeks.hpp>
#include <busywork/window.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <unistd.h>

namespace {

enum class EventsFormat { text, csv, json };

struct CommonOptions {
    std::vector<std::string> inputs;
    std::string tz;
    bool strict = false;
    bool redact = false;
    std::string redact_salt;
    bool quiet = false; // no progress line, no informational lines; problems still print
};

// Which config file: chosen before anything else is decided.
struct ConfigOptions {
    std::string file;
    bool none = false;
};

// Which rules, and whose calendar: shared by every command that classifies.
struct RulesOptions {
    std::string rules_file;
    std::vector<std::string> me;
    std::vector<std::string> internal_domains;
    std::string me_from = "--me"; // or the variable or config file line that gave it
    std::string internal_domains_from = "--internal-domain";

    busywork::OwnershipOverrides overrides() const {
        return {me, internal_domains, me_from, internal_domains_from};
    }
};

struct EventsOptions {
    std::string from;
    std::string to;
    std::string now;
    EventsFormat format = EventsFormat::text;
    std::string output;
    std::vector<std::string> categories;
    bool explain = false;
    std::string match;
    std::string uid;
};

enum class ReportFormat { text, csv, json, markdown, html };
enum class ColorChoice { automatic, always, never };

struct ReportOptions {
    busywork::WeekSelection selection;
    std::string now;
    ReportFormat format = ReportFormat::text;
    std::string output;
    ColorChoice color = ColorChoice::automatic;
    bool per_calendar = false;
    std::string workweek;
    std::optional<double> fail_over;
};

/// Exit code of `report --fail-over` when a week's meta share is over the threshold.
constexpr int threshold_exceeded = 3;

struct RulesCommandOptions {
    bool show_default = false;
    std::string check_file;
};

void print_diagnostics(const busywork::Diagnostics& diagnostics) {
    // File names and event titles come from outside: no escape sequence reaches the terminal.
    for (const auto& d : diagnostics.all())
        std::cerr << busywork::single_line_text(d.to_string()) << '\n';
    if (std::string summary = diagnostics.summary(); !summary.empty())
        std::cerr << "busywork: " << summary << '\n';
}

/// Exit code of --strict when the input had any problem, even one busywork worked around.
constexpr int strict_failure = 4;

// The reading's progress, for a person at a terminal only: scripts and cron get none.
std::optional<busywork::ProgressLine> progress_line(const CommonOptions& common) {
    const char* term = std::getenv("TERM");
    if (!busywork::progress_wanted(common.quiet, isatty(STDERR_FILENO), term ? term : ""))
        return std::nullopt;
    return std::optional<busywork::ProgressLine>(std::in_place, std::cerr);
}

busywork::ReadOptions read_options(std::optional<busywork::ProgressLine>& line) {
    return line ? line->read_options() : busywork::ReadOptions{};
}

// For report and events: --strict promises every problem, so libical reads every event, all
// of it; otherwise events that cannot touch the window are not parsed (ReadOptions::window),
// nor lines that no result depends on (ReadOptions::all_lines).
busywork::ReadOptions window_read_options(std::optional<busywork::ProgressLine>& line,
                                          const CommonOptions& common) {
    busywork::ReadOptions options = read_options(line);
    options.read_every_event = common.strict;
    options.all_lines = common.strict;
    return options;
}

// Only when problems were listed, which then cover the parsed events only; a clean run
// stays silent, as cron mails whatever a job prints.
void print_unparsed(const busywork::ClassifiedEvents& events,
                    const busywork::Diagnostics& diagnostics, const CommonOptions& common) {
    if (common.quiet || diagnostics.empty() || events.events_not_parsed == 0)
        return;
    std::cerr << "busywork: " << events.events_not_parsed
              << (events.events_not_parsed == 1
                      ? " event that cannot touch the window was not parsed, so problems in it"
                      : " events that cannot touch the window were not parsed, so problems in "
                        "them")
              << " are not listed; busywork check reads every event\n";
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

busywork::TimeWindow events_window(const EventsOptions& options, const busywork::Zone& zone) {
    if (!options.from.empty() || !options.to.empty()) {
        if (options.from.empty() || options.to.empty())
            throw busywork::UsageError("--from and --to go together");
        return busywork::window_for_dates(busywork::parse_date(options.from),
                                          busywork::parse_date(options.to), zone);
    }
    busywork::Instant now =
        options.now.empty() ? date::floor<std::chrono::seconds>(std::chrono::system_clock::now())
                            : busywork::parse_now(options.now, zone);
    return busywork::last_complete_week(now, zone);
}

// The occurrences --explain asks about: of the --category categories, whose title has
// --match, whose UID is --uid.
std::vector<std::size_t> explained(const busywork::ClassifiedEvents& events,
                                   const std::vector<busywork::Category>& categories,
                                   const EventsOptions& options,
                                   const busywork::FoldOptions& fold) {
    std::vector<std::size_t> selected;
    busywork::Keyword match =
        busywork::make_keyword(options.match, busywork::KeywordBoundary::substring, fold);
    for (std::size_t i : events.in_window()) {
        const auto& [o, c] = events.all[i];
        if (!categories.empty() &&
            std::find(categories.begin(), categories.end(), c.category) == categories.end())
            continue;
        if (!options.uid.empty() && o.uid != options.uid)
            continue;
        if (!options.match.empty() &&
            !busywork::contains_keyword(busywork::fold_text(o.summary, fold), match))
            continue;
        selected.push_back(i);
    }
    return selected;
}

int run_events(const CommonOptions& common, const RulesOptions& rules_options,
               const EventsOptions& options) {
    busywork::Zone zone = busywork::report_zone(common.tz);
    busywork::TimeWindow window = events_window(options, zone);
    std::vector<busywork::Category> categories;
    for (const auto& name : options.categories) {
        auto category = busywork::parse_category(name);
        if (!category)
            throw busywork::UsageError("unknown category \"" + name +
                                       "\" (known: customer, pre-meeting, post-meeting, "
                                       "internal-sync, internal-other, solo, excluded)");
        categories.push_back(*category);
    }
    if ((!options.match.empty() || !options.uid.empty()) && !options.explain)
        throw busywork::UsageError("--match and --uid select occurrences for --explain");
    busywork::RuleSet rules = busywork::load_rules(rules_options.rules_file);

    busywork::Diagnostics diagnostics;
    auto progress = progress_line(common);
    busywork::ClassifiedEvents events =
        busywork::classify_inputs(common.inputs, window, zone, rules, rules_options.overrides(),
                                  diagnostics, false, window_read_options(progress, common));
    print_diagnostics(diagnostics);
    print_unparsed(events, diagnostics, common);
    if (events.files_read == 0) {
        std::cerr << "busywork: error: no input could be read\n";
        return 1;
    }
    std::string rendered;
    if (options.explain) {
        // Explanations need every occurrence, since inference looks at the customer meetings,
        // and the real text: they are redacted once worked out.
        auto explanations = busywork::explain_occurrences(
            events.all, explained(events, categories, options, rules.settings.fold), rules,
            events.ownerships);
        if (common.redact)
            busywork::Redactor(events, common.redact_salt).redact(explanations);
        rendered = busywork::render_explanations(explanations, zone);
    } else {
        if (common.redact)
            busywork::Redactor(events, common.redact_salt).redact(events);
        std::vector<std::string> inferred = busywork::describe_ownerships(events.ownerships);
        busywork::CountedMinutes all_counted =
            busywork::counted_minutes(events.all, window, zone, rules.settings);
        std::vector<busywork::ClassifiedOccurrence> classified;
        std::vector<long long> counted;
        for (std::size_t i : events.in_window()) {
            const auto& c = events.all[i];
            if (!categories.empty() && std::find(categories.begin(), categories.end(),
                                                 c.classification.category) == categories.end())
                continue;
            classified.push_back(c);
            counted.push_back(all_counted[i]);
        }
        switch (options.format) {
        case EventsFormat::csv:
            // Standard output stays pure CSV; what was guessed goes to standard error.
            for (const auto& line : inferred)
                if (!common.quiet)
                    std::cerr << "busywork: " << busywork::single_line_text(line) << '\n';
            rendered = busywork::render_events_csv(classified, counted, zone);
            break;
        case EventsFormat::json:
            rendered = busywork::render_events_json(classified, counted, zone, inferred);
            break;
        case EventsFormat::text:
            rendered = busywork::render_events_text(classified, zone, inferred);
            break;
        }
    }
    if (options.output.empty())
        std::cout << rendered << std::flush;
    else
        write_atomically(options.output, rendered);
    return common.strict && !diagnostics.empty() ? strict_failure : 0;
}

int run_rules(const RulesOptions& rules_options, const RulesCommandOptions& options) {
    if (!options.check_file.empty()) {
        busywork::RuleSet rules;
        try {
            rules = busywork::load_rules(options.check_file);
        } catch (const busywork::RulesError& e) {
            std::cerr << e.what() << '\n';
            return 1;
        }
        std::cerr << "busywork: " << options.check_file << ": " << rules.rules.size()
                  << (rules.rules.size() == 1 ? " rule" : " rules") << ", valid\n";
        return 0;
    }
    std::string path = busywork::user_rules_path(rules_options.rules_file);
    if (options.show_default || path.empty())
        std::cout << busywork::default_rules_text();
    else
        std::cout << busywork::render_rules(busywork::load_rules(path));
    std::cout << std::flush;
    return 0;
}

busywork::Instant now_or_pinned(const std::string& now, const busywork::Zone& zone) {
    return now.empty() ? date::floor<std::chrono::seconds>(std::chrono::system_clock::now())
                       : busywork::parse_now(now, zone);
}

bool use_colour(const ReportOptions& options) {
    if (options.color != ColorChoice::automatic)
        return options.color == ColorChoice::always;
    const char* no_color = std::getenv("NO_COLOR");
    const char* term = std::getenv("TERM");
    return options.output.empty() && isatty(STDOUT_FILENO) && !(no_color && *no_color) &&
           !(term && std::string(term) == "dumb");
}

int run_report(const CommonOptions& common, const RulesOptions& rules_options,
               const ReportOptions& options) {
    busywork::Zone zone = busywork::report_zone(common.tz);
    std::vector<busywork::Week> weeks =
        busywork::select_weeks(options.selection, now_or_pinned(options.now, zone), zone);
    busywork::RuleSet rules = busywork::load_rules(rules_options.rules_file);
    if (!options.workweek.empty()) {
        try {
            rules.settings.working_week = busywork::parse_working_week(options.workweek);
        } catch (const std::invalid_argument& e) {
            throw busywork::UsageError(std::string("--workweek: ") + e.what());
        }
    }
    busywork::Diagnostics diagnostics;
    auto progress = progress_line(common);
    busywork::ReadOptions read_options = window_read_options(progress, common);
    // No report shows descriptions; classify_inputs keeps them when a rule reads them.
    read_options.descriptions = false;
    busywork::ClassifiedEvents events = busywork::classify_inputs(
        common.inputs, busywork::span_of(weeks), zone, rules, rules_options.overrides(),
        diagnostics, options.per_calendar, read_options);
    print_diagnostics(diagnostics);
    print_unparsed(events, diagnostics, common);
    if (events.files_read == 0) {
        std::cerr << "busywork: error: no input could be read\n";
        return 1;
    }
    // After classification, which must read the real text; before the report, so that its
    // series, calendars and inferred lines are built from the pseudonyms.
    if (common.redact)
        busywork::Redactor(events, common.redact_salt).redact(events);
    busywork::Report report =
        busywork::build_report(events, weeks, zone, rules.settings, options.per_calendar);
    std::string rendered;
    switch (options.format) {
    case ReportFormat::text:
        rendered = busywork::render_report_text(report, use_colour(options));
        break;
    case ReportFormat::csv:
        rendered = busywork::render_report_csv(report);
        // A CSV file has no room for it, and a cron job should hear of an empty report.
        if (report.input_covers)
            std::cerr << "busywork: no events in the selected weeks; the input's events are in "
                      << report.input_covers->first.label
                      << (report.input_open_ended ? " and later, without end"
                                                  : " to " + report.input_covers->second.label)
                      << "\n";
        break;
    case ReportFormat::json:
        rendered = busywork::render_report_json(report);
        break;
    case ReportFormat::markdown:
        rendered = busywork::render_report_markdown(report);
        break;
    case ReportFormat::html:
        rendered = busywork::render_report_html(report);
        break;
    }
    if (options.output.empty())
        std::cout << rendered << std::flush;
    else
        write_atomically(options.output, rendered);
    if (common.strict && !diagnostics.empty())
        return strict_failure;
    if (options.fail_over) {
        for (const auto& calendar : report.calendars)
            for (const auto& week : calendar.weeks)
                // Compared as 100 * meta > threshold * working: a share of exactly the
                // threshold is not over it.
                if (100.0 * static_cast<double>(week.meta_min(rules.settings)) >
                    *options.fail_over * static_cast<double>(week.working_min)) {
                    std::cerr << "busywork: " << week.week.label << ": meetings about meetings "
                              << "took more than " << *options.fail_over
                              << " % of the working time\n";
                    return threshold_exceeded;
                }
    }
    return 0;
}

int run_check(const CommonOptions& common) {
    busywork::Zone zone = busywork::report_zone(common.tz);
    busywork::Diagnostics diagnostics;
    auto progress = progress_line(common);
    auto calendars = busywork::read_inputs(common.inputs, diagnostics, read_options(progress));
    // Expanding finds the problems that only recurrence reveals. 1970-2100 holds fewer daily
    // instances than the per-series cap, so an endless daily meeting is not reported as cut.
    using namespace date;
    busywork::TimeWindow everything{sys_days{1970_y / January / 1}, sys_days{2100_y / January / 1}};
    std::size_t events = 0;
    for (const auto& c : calendars)
        events += c.events.size();
    busywork::expand_occurrences(calendars, everything, zone, diagnostics);
    print_diagnostics(diagnostics);
    // The problems are the answer; the count is for a person, and the exit code says it too.
    if (!common.quiet)
        std::cerr << "busywork: " << calendars.size()
                  << (calendars.size() == 1 ? " file, " : " files, ") << events << " events read, "
                  << diagnostics.all().size()
                  << (diagnostics.all().size() == 1 ? " problem\n" : " problems\n");
    return diagnostics.empty() && !calendars.empty() ? 0 : 1;
}

// A flag that the config file may also set, with its --no- form to overrule the file there
// (`names` is CLI11's, e.g. "-q,--quiet"; `config_key` is the setting's name in the file).
void add_switch(CLI::App* command, const std::string& names, bool& value, const std::string& help,
                const std::string& config_key) {
    command->add_flag(names, value, help);
    std::string name = names.substr(names.find("--") + 2);
    command->add_flag("--no-" + name)
        ->description("not --" + name + ", though the config file says " + config_key);
}

template <typename Enum>
std::string name_of(const std::map<std::string, Enum>& names, Enum value) {
    for (const auto& [name, v] : names)
        if (v == value)
            return name;
    return {};
}

// The options that the environment and the config file may also set. What the command line
// gave is recorded; the library decides each setting (command line > environment > config
// file > default) and the decisions are written back into the options.
busywork::EffectiveSettings
apply_settings(const CLI::App& command, const ConfigOptions& config, CommonOptions& common,
               RulesOptions& rules, EventsOptions& events, ReportOptions& report,
               const std::map<std::string, EventsFormat>& events_formats,
               const std::map<std::string, ReportFormat>& report_formats,
               const std::map<std::string, ColorChoice>& colours) {
    busywork::SettingLayer given;
    auto give = [&](const std::string& option, const std::string& key,
                    busywork::SettingValue value) {
        const CLI::Option* o = command.get_option_no_throw(option);
        if (o && o->count() > 0)
            given[key] = {std::move(value), busywork::SettingOrigin::command_line(option)};
    };
    // A switch and its --no- form (see add_switch); the later one given wins.
    auto give_switch = [&give](const std::string& name, const std::string& key) {
        give("--" + name, key, true);
        give("--no-" + name, key, false);
    };
    give("--tz", "tz", common.tz);
    give("--rules", "rules", rules.rules_file);
    give("--me", "me", rules.me);
    give("--internal-domain", "internal_domains", rules.internal_domains);
    give_switch("strict", "strict");
    give_switch("redact", "redact");
    give_switch("quiet", "quiet");
    if (command.get_name() == "report") {
        give("--format", "report.format", name_of(report_formats, report.format));
        give("--color", "report.color", name_of(colours, report.color));
        give("--workweek", "report.workweek", report.workweek);
        give_switch("per-calendar", "report.per_calendar");
        if (report.fail_over)
            give("--fail-over", "report.fail_over", *report.fail_over);
    } else if (command.get_name() == "events") {
        give("--format", "events.format", name_of(events_formats, events.format));
    }
    busywork::EffectiveSettings settings = busywork::load_settings(given, config.file, config.none);
    common.tz = settings.tz;
    common.strict = settings.strict;
    common.redact = settings.redact;
    common.redact_salt = settings.redact_salt;
    common.quiet = settings.quiet;
    rules.rules_file = settings.rules;
    rules.me = settings.me;
    rules.internal_domains = settings.internal_domains;
    // The inferred lines say where the owner came from: "--me", "BUSYWORK_ME", "path:3".
    for (const auto& r : settings.resolved) {
        using Kind = busywork::SettingOrigin::Kind;
        std::string from = r.origin.kind == Kind::environment || r.origin.kind == Kind::command_line
                               ? r.origin.where
                               : r.origin.describe();
        if (r.origin.kind != Kind::built_in && r.spec->key == "me")
            rules.me_from = from;
        if (r.origin.kind != Kind::built_in && r.spec->key == "internal_domains")
            rules.internal_domains_from = from;
    }
    events.format = events_formats.at(settings.events_format);
    report.format = report_formats.at(settings.report_format);
    report.color = colours.at(settings.color);
    report.workweek = settings.workweek;
    report.per_calendar = settings.per_calendar;
    report.fail_over = settings.fail_over;
    return settings;
}

int run_config(const busywork::EffectiveSettings& settings) {
    // The zone the command line names is checked here, as every command checks it.
    (void)busywork::report_zone(settings.tz);
    std::cout << busywork::render_settings(settings, busywork::report_zone("").name(),
                                           busywork::user_rules_path(""))
              << std::flush;
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"busywork: how much of each week went to meetings about meetings"};
    app.footer("Examples:\n"
               "  busywork report anna.ics --tz Europe/Berlin --weeks 4\n"
               "  busywork events anna.ics --from 2026-10-19 --to 2026-10-25 --explain\n"
               "  busywork rules > ~/.config/busywork/rules.toml\n"
               "  busywork check exports/\n"
               "Run 'busywork COMMAND --help' for a command's options; 'man busywork' for the "
               "rules file, exit codes and files.");
    // Lazily: only --version looks at the loaded libraries and the tz database.
    app.set_version_flag(
        "--version",
        [] {
            std::string text = busywork::version_text(BUSYWORK_VERSION);
            text.pop_back(); // CLI11 ends the message with a newline of its own
            return text;
        },
        "print the versions of busywork, libical, ICU, the tz database and libpsl, and exit");
    app.require_subcommand(1);

    CommonOptions common;
    RulesOptions rules_options;
    EventsOptions events;
    RulesCommandOptions rules_command_options;
    ConfigOptions config_options;
    auto add_config_options = [&config_options](CLI::App* command) {
        command
            ->add_option("--config", config_options.file,
                         "read this config file (default: $BUSYWORK_CONFIG, else "
                         "$XDG_CONFIG_HOME/busywork/config.toml)")
            ->type_name("FILE");
        command->add_flag("--no-config", config_options.none, "read no config file");
    };
    auto add_privacy_options = [&common](CLI::App* command) {
        add_switch(command, "--redact", common.redact,
                   "replace titles, descriptions, locations, UIDs and personal addresses "
                   "with stable pseudonyms (domains are kept), to share an audit",
                   "redact");
    };
    auto add_rules_options = [&rules_options](CLI::App* command) {
        command
            ->add_option("--rules", rules_options.rules_file,
                         "rules file (default: $XDG_CONFIG_HOME/busywork/rules.toml, else "
                         "the built-in rules)")
            ->type_name("FILE");
        command
            ->add_option("--me", rules_options.me,
                         "the calendar owner's address (repeatable; default: inferred)")
            ->type_name("ADDRESS");
        command
            ->add_option("--internal-domain", rules_options.internal_domains,
                         "a domain of the owner's company (repeatable; default: the "
                         "owner's)")
            ->type_name("DOMAIN");
    };
    auto add_common = [&common, &add_config_options](CLI::App* command) {
        command
            ->add_option("inputs", common.inputs,
                         ".ics files, directories (searched for *.ics) or - for standard input")
            ->required();
        command
            ->add_option("--tz", common.tz, "report zone, an IANA name (default: the system zone)")
            ->type_name("ZONE");
        add_switch(command, "--strict", common.strict,
                   "fail (exit 4) when any event was skipped or anything warned about", "strict");
        add_switch(command, "-q,--quiet", common.quiet,
                   "no progress line and no informational lines on stderr; warnings "
                   "and errors still print",
                   "quiet");
        add_config_options(command);
    };

    CLI::App* events_command =
        app.add_subcommand("events", "list every occurrence in a window")
            ->footer("Examples:\n  busywork events samples/google_rep.ics --from 2026-10-19 --to "
                     "2026-10-25\n"
                     "  busywork events cal.ics --tz UTC --format csv -o events.csv\n"
                     "  busywork events cal.ics --explain --match \"Sales Sync\"");
    add_common(events_command);
    events_command->add_option("--from", events.from, "first day, YYYY-MM-DD (with --to)")
        ->type_name("DATE");
    events_command->add_option("--to", events.to, "last day, YYYY-MM-DD, included")
        ->type_name("DATE");
    events_command
        ->add_option("--now", events.now,
                     "pin today for the default window (the last complete ISO week)")
        ->type_name("DATETIME");
    std::map<std::string, EventsFormat> formats{
        {"text", EventsFormat::text}, {"csv", EventsFormat::csv}, {"json", EventsFormat::json}};
    events_command->add_option("--format", events.format, "text, csv or json")
        ->transform(CLI::CheckedTransformer(formats, CLI::ignore_case))
        ->option_text("FORMAT");
    events_command
        ->add_option("-o,--output", events.output, "write to FILE (atomically) instead of stdout")
        ->type_name("FILE");
    add_rules_options(events_command);
    add_privacy_options(events_command);
    events_command
        ->add_option("--category", events.categories,
                     "only occurrences of this category (repeatable)")
        ->type_name("CATEGORY");
    events_command->add_flag("--explain", events.explain,
                             "show every rule tried for each occurrence and why it matched");
    events_command
        ->add_option("--match", events.match,
                     "with --explain: only occurrences whose title contains TEXT")
        ->type_name("TEXT");
    events_command->add_option("--uid", events.uid, "with --explain: only this UID")
        ->type_name("UID");

    CLI::App* rules_command =
        app.add_subcommand("rules", "print the rules in effect, or check a rules file")
            ->footer("Examples:\n  busywork rules > ~/.config/busywork/rules.toml\n"
                     "  busywork rules --check my-rules.toml");
    rules_command->add_flag("--default", rules_command_options.show_default,
                            "print the built-in rules, even when a rules file exists");
    rules_command
        ->add_option("--check", rules_command_options.check_file,
                     "validate FILE (as --rules would read it) and exit")
        ->type_name("FILE");
    rules_command
        ->add_option("--rules", rules_options.rules_file,
                     "print the rules in effect with this rules file")
        ->type_name("FILE");
    add_config_options(rules_command);

    ReportOptions report;
    CLI::App* report_command =
        app.add_subcommand("report", "how much of each week went to meetings about meetings")
            ->footer("Examples:\n"
                     "  busywork report cal.ics                       # the last complete week\n"
                     "  busywork report cal.ics --weeks 4 --format csv -o weeks.csv\n"
                     "  busywork report team/ --per-calendar --week 2026-W47\n"
                     "  busywork report cal.ics --format html --fail-over 30 -o week.html");
    add_common(report_command);
    report_command
        ->add_option("--week", report.selection.week,
                     "2026-W47, this, last (the default) or -N (N weeks ago)")
        ->type_name("WEEK");
    report_command
        ->add_option("--weeks", report.selection.weeks,
                     "the N complete weeks before the current one")
        ->type_name("N");
    report_command
        ->add_option("--from", report.selection.from,
                     "with --to: every week holding a day from DATE to DATE")
        ->type_name("DATE");
    report_command->add_option("--to", report.selection.to, "last day, YYYY-MM-DD")
        ->type_name("DATE");
    report_command->add_option("--now", report.now, "pin the current time, for reproducible output")
        ->type_name("DATETIME");
    std::map<std::string, ReportFormat> report_formats{{"text", ReportFormat::text},
                                                       {"csv", ReportFormat::csv},
                                                       {"json", ReportFormat::json},
                                                       {"markdown", ReportFormat::markdown},
                                                       {"html", ReportFormat::html}};
    report_command->add_option("--format", report.format, "text, csv, json, markdown or html")
        ->transform(CLI::CheckedTransformer(report_formats, CLI::ignore_case))
        ->option_text("FORMAT");
    report_command
        ->add_option("-o,--output", report.output, "write to FILE (atomically) instead of stdout")
        ->type_name("FILE");
    std::map<std::string, ColorChoice> colours{{"auto", ColorChoice::automatic},
                                               {"always", ColorChoice::always},
                                               {"never", ColorChoice::never}};
    report_command
        ->add_option("--color", report.color,
                     "auto (a terminal, unless NO_COLOR is set), always or never")
        ->transform(CLI::CheckedTransformer(colours, CLI::ignore_case))
        ->option_text("WHEN");
    add_switch(report_command, "--per-calendar", report.per_calendar,
               "one report per input file, then the team's sum", "per_calendar");
    report_command
        ->add_option("--workweek", report.workweek,
                     "working hours, like \"Mon-Fri 08:30-17:30\" (default from the "
                     "rules file: Mon-Fri 09:00-17:00)")
        ->type_name("HOURS");
    report_command
        ->add_option("--fail-over", report.fail_over,
                     "exit 3 when the meta share of a week is over PERCENT")
        ->check(CLI::Range(0.0, 100.0))
        ->option_text("PERCENT");
    add_rules_options(report_command);
    add_privacy_options(report_command);

    CLI::App* check_command =
        app.add_subcommand("check", "parse only: list every problem with file:line")
            ->footer("Examples:\n  busywork check anna.ics\n"
                     "  busywork check exports/ --tz Europe/Berlin   # every *.ics below it");
    add_common(check_command);

    CLI::App* config_command =
        app.add_subcommand("config", "print the effective settings and where each comes from")
            ->footer("Settings come from the command line, then BUSYWORK_TZ, BUSYWORK_ME, "
                     "BUSYWORK_RULES,\nBUSYWORK_REDACT_SALT, then the config file, then the "
                     "defaults.\nExamples:\n  busywork config\n"
                     "  busywork config > ~/.config/busywork/config.toml   # a file to edit");
    config_command->add_option("--tz", common.tz, "show the settings with this report zone")
        ->type_name("ZONE");
    add_rules_options(config_command);
    add_config_options(config_command);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? 0 : 2;
    }
    try {
        busywork::EffectiveSettings settings =
            apply_settings(*app.get_subcommands().front(), config_options, common, rules_options,
                           events, report, formats, report_formats, colours);
        if (config_command->parsed())
            return run_config(settings);
        if (events_command->parsed())
            return run_events(common, rules_options, events);
        if (report_command->parsed())
            return run_report(common, rules_options, report);
        if (rules_command->parsed())
            return run_rules(rules_options, rules_command_options);
        return run_check(common);
    } catch (const busywork::RulesError& e) {
        // Already `file:line:column: message`, the form editors jump to.
        std::cerr << e.what() << '\n';
        return 2;
    } catch (const busywork::ConfigError& e) {
        std::cerr << e.what() << '\n';
        return 2;
    } catch (const busywork::UsageError& e) {
        std::cerr << "busywork: error: " << e.what() << '\n';
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "busywork: error: " << e.what() << '\n';
        return 1;
    }
}
