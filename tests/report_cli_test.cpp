// SPDX-License-Identifier: MIT
// End-to-end tests of `busywork report` with the built binary on the two sample calendars
// (issue 4, items 1-6): the weekly figures of every sample week, the week windows, the five
// formats, what a cron job relies on (exit codes, standard error, -o, no environment,
// colour), --per-calendar and --workweek.
//
// Every expected figure below was worked out by hand from the event tables of
// samples/README.md, under the default rules (the "intended category" column):
// - weeks are ISO weeks in Europe/Berlin. CEST (UTC+2) until 2026-10-25T01:00Z, then CET:
//     W42 [2026-10-11T22:00Z, 2026-10-18T22:00Z)  168 h
//     W43 [2026-10-18T22:00Z, 2026-10-25T23:00Z)  169 h (the clocks go back on Sunday)
//     W44 [2026-10-25T23:00Z, 2026-11-01T23:00Z)  168 h
//     W45 [2026-11-01T23:00Z, 2026-11-08T23:00Z)  168 h
// - an occurrence is split at week boundaries; excluded occurrences (cancelled, declined,
//   transparent, all-day) count no minutes but are counted once in each week they touch;
// - at each minute one category counts, by precedence customer > pre-meeting >
//   post-meeting > internal-sync > internal-other > solo; a minute with two or more counted
//   occurrences is double-booked;
// - the working week is Mon-Fri 09:00-17:00: 5 x 480 = 2400 minutes, the denominator of
//   the shares; counted minutes outside it are "outside working" time;
// - meta (meetings about meetings) = internal-sync + pre-meeting + post-meeting;
// - CSV shares have four decimals, rounded half away from zero on the exact quotient.
//
// Every test runs with XDG_CONFIG_HOME pointing at an empty directory (and NO_COLOR unset),
// so that the environment of the person running the tests cannot change the outcome.
#include "test_support.hpp"

#include <algorithm>
#include <atomic>
#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <utility>
#include <vector>

using namespace busywork::testing;

namespace {

namespace fs = std::filesystem;

std::string google() {
    return source_path("samples/google_rep.ics");
}

std::string outlook() {
    return source_path("samples/outlook_rep.ics");
}

/// Every test case: no user rules file, no NO_COLOR from the caller's environment.
struct IsolatedEnvironment {
    TempDir config_home;
    ScopedEnv xdg_config_home{"XDG_CONFIG_HOME", config_home.path().string()};
    ScopedEnv no_color{"NO_COLOR", std::nullopt};
};

std::string shell_quote(const std::string& text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\'')
            out += "'\\''";
        else
            out += c;
    }
    return out + "'";
}

/// `busywork` and `arguments`, each shell-quoted, as one shell command line.
std::string busywork_command(const std::vector<std::string>& arguments) {
    std::string command = shell_quote(BUSYWORK_BINARY);
    for (const auto& a : arguments)
        command += " " + shell_quote(a);
    return command;
}

/// Runs `command` (a shell command line, e.g. with an `env -i` prefix) through popen, with
/// standard input from /dev/null; standard output through the pipe, standard error to a file.
RunResult run_shell(const std::string& command) {
    static std::atomic<int> counter{0};
    std::string err_path =
        (fs::temp_directory_path() / ("busywork-report-cli-" + std::to_string(::getpid()) + "-" +
                                      std::to_string(counter++) + ".err"))
            .string();
    std::string full = "{ " + command + " ; } </dev/null 2>" + shell_quote(err_path);
    RunResult result;
    FILE* pipe = ::popen(full.c_str(), "r");
    BOOST_REQUIRE(pipe != nullptr);
    char buffer[4096];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0)
        result.out.append(buffer, n);
    int status = ::pclose(pipe);
    if (WIFEXITED(status) && WEXITSTATUS(status) < 128)
        result.exit_code = WEXITSTATUS(status);
    result.err = read_file(err_path);
    fs::remove(err_path);
    return result;
}

std::vector<std::string> with(std::vector<std::string> arguments,
                              const std::vector<std::string>& more) {
    arguments.insert(arguments.end(), more.begin(), more.end());
    return arguments;
}

/// `report FILE --tz Europe/Berlin` and more.
std::vector<std::string> report(const std::string& file, const std::vector<std::string>& more) {
    return with({"report", file, "--tz", "Europe/Berlin"}, more);
}

/// The four sample weeks, W42..W45 (Mon 2026-10-12 .. Sun 2026-11-08).
const std::vector<std::string> four_weeks{"--from", "2026-10-12", "--to", "2026-11-08"};

/// The first line that starts with `prefix`, or "" when none does.
std::string line_starting(const std::string& text, const std::string& prefix) {
    for (const auto& line : lines_of(text))
        if (line.rfind(prefix, 0) == 0)
            return line;
    return "";
}

std::vector<std::string> words(const std::string& line) {
    std::vector<std::string> out;
    std::istringstream in(line);
    std::string word;
    while (in >> word)
        out.push_back(word);
    return out;
}

/// Terminal columns of UTF-8 text without control sequences: one per code point.
std::size_t columns(const std::string& line) {
    return static_cast<std::size_t>(std::count_if(line.begin(), line.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

long long number(const std::map<std::string, std::string>& row, const std::string& column) {
    auto cell = row.find(column);
    BOOST_REQUIRE_MESSAGE(cell != row.end(), "no column " << column);
    return std::stoll(cell->second);
}

/// Minutes as the text report writes them: 165 is "2:45".
std::string hm(long long minutes) {
    std::string mm = std::to_string(minutes % 60);
    return std::to_string(minutes / 60) + ":" + (mm.size() < 2 ? "0" : "") + mm;
}

/// `part / whole` as the text report's per cent with one decimal, without the sign, halves
/// away from zero, by integer arithmetic on the minutes: 165 / 2400 = 6.875 % is "6.9".
std::string percent_number(long long part, long long whole) {
    long long tenths = (2000 * part + whole) / (2 * whole);
    return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10);
}

// ---------------------------------------------------------------------------------------
// The hand-computed weeks.

struct WeekExpectation {
    std::string week, monday, sunday;
    long long hours_in_week;
    long long customer, pre, post, sync, other, solo;
    long long meta;    ///< pre + post + sync
    long long counted; ///< all six categories
    long long double_booked, outside, excluded;
    std::string meta_share, customer_share, meta_per_customer; ///< as the CSV writes them
};

constexpr long long working_min = 2400; // Mon-Fri 09:00-17:00 = 5 x 8 h

std::vector<WeekExpectation> google_weeks() {
    return {
        // W42, Mon 12 - Sun 18 Oct, all CEST.
        //   Daily Stand-up Mon-Fri 12-16 Oct 09:00-09:15      5 x 15 = 75 internal-sync
        //   Weekly Sales Sync Tue 13 Oct 14:00-15:00               60 internal-sync
        //   Jour fixe mit Chef Thu 15 Oct 16:00-16:30              30 internal-sync
        //   Erstgespräch Fabrikam Wed 14 Oct 10:00-11:00           60 customer
        //   Homeoffice Fri 16 Oct, all-day, transparent     excluded (1)
        // sync 75 + 60 + 30 = 165 = meta; counted 165 + 60 = 225; no overlaps; all of it
        // between 09:00 and 16:30 on weekdays, so nothing outside working hours.
        // meta share 165 / 2400 = 0.06875 -> 0.0688; customer 60 / 2400 = 0.025;
        // meta per customer 165 / 60 = 2.75.
        {"2026-W42", "2026-10-12", "2026-10-18", 168, 60, 0, 0, 165, 0, 0, 165, 225, 0, 0, 1,
         "0.0688", "0.0250", "2.7500"},
        // W43, Mon 19 - Sun 25 Oct, 169 h (samples/README.md "Golden ... 2026-W43").
        //   Stand-ups Mon 19 and Thu 22 09:00, Wed 21 moved to 10:00   3 x 15 = 45 sync
        //     (Tue 20 is a cancelled override: excluded; Fri 23 is EXDATEd: absent)
        //   Weekly Sales Sync Tue 20 14:00-15:00, 60, overlaps Northwind 14:30-15:30:
        //     customer wins 14:30-15:00, so the sync keeps 60 - 30 = 30, double-booked 30
        //   Jour fixe Thu 22 16:00-16:30                                       30 sync
        //     sync 45 + 30 + 30 = 105
        //   Northwind Tue 20 14:30-15:30 (60), A. Datum Wed 23:30 - Thu 00:30 (60, both
        //     halves in W43), Contoso Thu 11:00-12:30 (90): customer 60 + 60 + 90 = 210
        //   Vorbereitung Contoso 30 pre-meeting; Debrief Contoso 30 post-meeting
        //   Fokuszeit: Angebote Mon 10:00-12:00 (120) + Fokuszeit: Wochenplanung Sun
        //     18:00-18:30 CET (30): solo 150
        //   excluded: Fabrikam Technische Klärung (cancelled), the Tue stand-up (cancelled
        //     override), Marketing-Strategie (declined), Urlaub (all-day, transparent) = 4
        // meta 105 + 30 + 30 = 165; counted 105 + 210 + 30 + 30 + 150 = 525.
        // Outside 09:00-17:00 Mon-Fri: A. Datum 60 (at night) + Wochenplanung 30 (Sunday) = 90.
        // meta share 165 / 2400 = 0.06875 -> 0.0688; customer 210 / 2400 = 0.0875;
        // meta per customer 165 / 210 = 0.785714... -> 0.7857.
        {"2026-W43", "2026-10-19", "2026-10-25", 169, 210, 30, 30, 105, 0, 150, 165, 525, 30, 90, 4,
         "0.0688", "0.0875", "0.7857"},
        // W44, Mon 26 Oct - Sun 1 Nov, all CET.
        //   Stand-ups Mon-Fri 26-30 Oct 09:00-09:15                  5 x 15 = 75 sync
        //   Weekly Sales Sync: the Tue 27 instance moved to Wed 28 10:30-12:00   90 sync
        //   Jour fixe Thu 29 16:00-16:30                                          30 sync
        //     sync 75 + 90 + 30 = 195
        //   Prep call Fabrikam Mon 13:15-13:45                                   30 pre
        //   Fabrikam Produktdemo Mon 14:00-15:00                             60 customer
        //   Nachbesprechung Fabrikam Mon 15:15-15:45                            30 post
        //   Onboarding CRM Schulung Wed 13:00-15:00                 120 internal-other
        //   Nachtzug Sun 1 Nov 21:45 - Mon 07:15, split at the week boundary: 21:45-24:00
        //     = 135 solo in W44, all of it outside working hours
        //   no overlaps (Wed: 09:00 stand-up, 10:30 sync, 13:00 training), nothing excluded
        // meta 195 + 30 + 30 = 255; counted 255 + 60 + 120 + 135 = 570; outside 135.
        // meta share 255 / 2400 = 0.10625 -> 0.1063; customer 60 / 2400 = 0.025;
        // meta per customer 255 / 60 = 4.25.
        {"2026-W44", "2026-10-26", "2026-11-01", 168, 60, 30, 30, 195, 120, 135, 255, 570, 0, 135,
         0, "0.1063", "0.0250", "4.2500"},
        // W45, Mon 2 - Sun 8 Nov.
        //   Stand-ups Mon-Fri 2-6 Nov (UNTIL 2026-11-06T22:59:59Z keeps Fri) 5 x 15 = 75 sync
        //   Weekly Sales Sync Tue 3 Nov 14:00-15:00                               60 sync
        //   Jour fixe Thu 5 Nov 16:00-16:30                                       30 sync
        //     sync 75 + 60 + 30 = 165
        //   Northwind Vertragsverhandlung Mon 10:00-11:30                   90 customer
        //   Nachtzug, the part Mon 00:00-07:15 = 435 solo, outside working hours
        //   Messe Hannover Wed 4 - Thu 5, all-day: excluded (1); it counts nothing, so the
        //     stand-ups and the Jour fixe of those days still count in full
        // meta 165; counted 165 + 90 + 435 = 690; outside 435.
        // meta share 165 / 2400 -> 0.0688; customer 90 / 2400 = 0.0375;
        // meta per customer 165 / 90 = 1.8333...
        {"2026-W45", "2026-11-02", "2026-11-08", 168, 90, 0, 0, 165, 0, 435, 165, 690, 0, 435, 1,
         "0.0688", "0.0375", "1.8333"},
    };
}

std::vector<WeekExpectation> outlook_weeks() {
    return {
        // W42: only Efterårsferie (Mon 12 - Fri 16 Oct, all-day): excluded (1). The Salgsmøde
        // of Mon 12 Oct is EXDATEd; the Morgenmøde series starts Tue 20 Oct. Everything 0;
        // no customer time, so meta per customer is empty.
        {"2026-W42", "2026-10-12", "2026-10-18", 168, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, "0.0000",
         "0.0000", ""},
        // W43 (169 h; Copenhagen, Paris and Berlin have the same offsets):
        //   Morgenmøde Tue 20, Wed 21, Fri 23 08:45-09:00 CEST: 3 x 15 = 45, before 09:00, so
        //     outside working hours; Thu 22 moved to 09:30-09:45: 15 inside. sync 60
        //   Tailspin Tue 14:00-15:00 BST = 13:00Z-14:00Z = 15:00-16:00 Berlin   60 customer
        //   Formøde Vestas Wed 11:30-12:00                                       30 pre
        //   Vestas Wed 13:00-14:30                                           90 customer
        //   Opsamling Vestas Wed 15:00-15:30                                     30 post
        //   Fabrikam Demo Fri 10:00-11:00 (W. Europe Standard Time)          60 customer
        //     customer 60 + 90 + 60 = 210
        //   Salgskickoff Mon 19, all-day: excluded (1); the Salgsmøde of Mon 19 is EXDATEd
        // meta 60 + 30 + 30 = 120; counted 120 + 210 = 330; no overlaps; outside 45.
        // meta share 120 / 2400 = 0.05; customer 210 / 2400 = 0.0875;
        // meta per customer 120 / 210 = 0.571428... -> 0.5714.
        {"2026-W43", "2026-10-19", "2026-10-25", 169, 210, 30, 30, 60, 0, 0, 120, 330, 0, 45, 1,
         "0.0500", "0.0875", "0.5714"},
        // W44 (CET):
        //   Salgsmøde Mon 26 09:00-10:00                                          60 sync
        //   Morgenmøde Mon-Fri 26-30 08:45-09:00: 5 x 15 = 75 sync, all outside working hours
        //     (Monday's ends at 09:00 when the Salgsmøde starts: adjacent, not overlapping)
        //     sync 60 + 75 = 135
        //   Kundemøde hos Novo Tue 27 10:00-11:30 (customer keyword)         90 customer
        //   Partnertreffen Wingtip Toys Wed 28 11:00-12:00                   60 customer
        //     customer 90 + 60 = 150
        //   Aflyst: Northwind - opfølgning Thu 29: cancelled, excluded (1)
        // meta 135; counted 135 + 150 = 285; outside 75.
        // meta share 135 / 2400 = 0.05625 -> 0.0563; customer 150 / 2400 = 0.0625;
        // meta per customer 135 / 150 = 0.9.
        {"2026-W44", "2026-10-26", "2026-11-01", 168, 150, 0, 0, 135, 0, 0, 135, 285, 0, 75, 1,
         "0.0563", "0.0625", "0.9000"},
        // W45:
        //   Salgsmøde Mon 2 Nov 09:00-10:00                                       60 sync
        //   Morgenmøde Mon 2, Tue 3, Wed 4 (instances 10-12 of COUNT=12): 3 x 15 = 45 sync,
        //     outside working hours. sync 60 + 45 = 105
        //   Fabrikam - Angebotsbesprechung Nordics Tue 3 13:00-14:00         60 customer
        // meta 105; counted 165; outside 45; nothing excluded.
        // meta share 105 / 2400 = 0.04375 -> 0.0438; customer 60 / 2400 = 0.025;
        // meta per customer 105 / 60 = 1.75.
        {"2026-W45", "2026-11-02", "2026-11-08", 168, 60, 0, 0, 105, 0, 0, 105, 165, 0, 45, 0,
         "0.0438", "0.0250", "1.7500"},
    };
}

/// The CSV row of one week against the hand-computed figures.
void check_row(const std::map<std::string, std::string>& row, const WeekExpectation& e,
               long long working = working_min) {
    BOOST_TEST_CONTEXT(e.week) {
        BOOST_TEST(row.at("week") == e.week);
        BOOST_TEST(row.at("week_start") == e.monday);
        BOOST_TEST(row.at("week_end") == e.sunday);
        BOOST_TEST(number(row, "working_min") == working);
        BOOST_TEST(number(row, "customer_min") == e.customer);
        BOOST_TEST(number(row, "pre_meeting_min") == e.pre);
        BOOST_TEST(number(row, "post_meeting_min") == e.post);
        BOOST_TEST(number(row, "internal_sync_min") == e.sync);
        BOOST_TEST(number(row, "internal_other_min") == e.other);
        BOOST_TEST(number(row, "solo_min") == e.solo);
        BOOST_TEST(number(row, "meta_min") == e.meta);
        BOOST_TEST(row.at("meta_share") == e.meta_share);
        BOOST_TEST(row.at("customer_share") == e.customer_share);
        BOOST_TEST(number(row, "double_booked_min") == e.double_booked);
        BOOST_TEST(number(row, "outside_working_min") == e.outside);
        BOOST_TEST(number(row, "counted_min") == e.counted);
        BOOST_TEST(number(row, "hours_in_week") == e.hours_in_week);
        BOOST_TEST(number(row, "excluded_count") == e.excluded);
        BOOST_TEST(row.at("meta_per_customer") == e.meta_per_customer);
    }
}

const char* const documented_header =
    "week,week_start,week_end,working_min,customer_min,pre_meeting_min,post_meeting_min,"
    "internal_sync_min,internal_other_min,solo_min,meta_min,meta_share,customer_share,"
    "double_booked_min,outside_working_min,counted_min,hours_in_week,excluded_count,"
    "meta_per_customer";

const std::vector<std::string> minute_columns{
    "working_min",       "customer_min",        "pre_meeting_min", "post_meeting_min",
    "internal_sync_min", "internal_other_min",  "solo_min",        "meta_min",
    "double_booked_min", "outside_working_min", "counted_min",     "excluded_count"};

/// The week of a CSV report run (`--format csv`), checked for a clean exit.
std::vector<std::map<std::string, std::string>> csv_report(const std::vector<std::string>& args) {
    auto run = run_busywork(with(args, {"--format", "csv"}));
    BOOST_TEST_REQUIRE(run.exit_code == 0, run.err);
    BOOST_TEST(run.err == "");
    return csv_rows(run.out);
}

std::vector<std::string> weeks_of(const std::vector<std::map<std::string, std::string>>& rows) {
    std::vector<std::string> labels;
    for (const auto& r : rows)
        labels.push_back(r.at("week"));
    return labels;
}

using Labels = std::vector<std::string>;

} // namespace

BOOST_AUTO_TEST_SUITE(report_cli, *boost::unit_test::fixture<IsolatedEnvironment>())

// ---------------------------------------------------------------------------------------
// 1. Hand-computed minutes.

BOOST_AUTO_TEST_CASE(google_csv_matches_the_hand_computed_minutes_of_every_week) {
    auto rows = csv_report(report(google(), four_weeks));
    auto expected = google_weeks();
    BOOST_TEST_REQUIRE(rows.size() == expected.size());
    for (std::size_t i = 0; i < rows.size(); ++i)
        check_row(rows[i], expected[i]);
}

BOOST_AUTO_TEST_CASE(outlook_csv_matches_the_hand_computed_minutes_of_every_week) {
    auto rows = csv_report(report(outlook(), four_weeks));
    auto expected = outlook_weeks();
    BOOST_TEST_REQUIRE(rows.size() == expected.size());
    for (std::size_t i = 0; i < rows.size(); ++i)
        check_row(rows[i], expected[i]);
}

BOOST_AUTO_TEST_CASE(category_columns_sum_to_counted_and_meta_is_pre_post_sync) {
    for (const auto& file : {google(), outlook()}) {
        for (const auto& row : csv_report(report(file, four_weeks))) {
            BOOST_TEST_CONTEXT(file << " " << row.at("week")) {
                long long categories =
                    number(row, "customer_min") + number(row, "pre_meeting_min") +
                    number(row, "post_meeting_min") + number(row, "internal_sync_min") +
                    number(row, "internal_other_min") + number(row, "solo_min");
                BOOST_TEST(categories == number(row, "counted_min"));
                BOOST_TEST(number(row, "meta_min") == number(row, "pre_meeting_min") +
                                                          number(row, "post_meeting_min") +
                                                          number(row, "internal_sync_min"));
                BOOST_TEST(number(row, "outside_working_min") <= number(row, "counted_min"));
                BOOST_TEST(number(row, "double_booked_min") <= number(row, "counted_min"));
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(summing_events_counted_min_by_category_reproduces_every_week) {
    const std::map<std::string, std::string> column_of{{"customer", "customer_min"},
                                                       {"pre-meeting", "pre_meeting_min"},
                                                       {"post-meeting", "post_meeting_min"},
                                                       {"internal-sync", "internal_sync_min"},
                                                       {"internal-other", "internal_other_min"},
                                                       {"solo", "solo_min"}};
    for (const auto& file : {google(), outlook()}) {
        for (const auto& week : csv_report(report(file, four_weeks))) {
            BOOST_TEST_CONTEXT(file << " " << week.at("week")) {
                auto events = run_busywork({"events", file, "--tz", "Europe/Berlin", "--from",
                                            week.at("week_start"), "--to", week.at("week_end"),
                                            "--format", "csv"});
                BOOST_TEST_REQUIRE(events.exit_code == 0);
                std::map<std::string, long long> sums;
                long long excluded = 0;
                for (auto& e : csv_rows(events.out)) {
                    if (e["category"] == "excluded") {
                        // Excluded occurrences count nothing, and each one is listed once.
                        BOOST_TEST(e["counted_min"] == "0");
                        ++excluded;
                        continue;
                    }
                    BOOST_TEST_REQUIRE(column_of.count(e["category"]) == 1, e["category"]);
                    sums[column_of.at(e["category"])] += std::stoll(e["counted_min"]);
                }
                long long total = 0;
                for (const auto& [category, column] : column_of) {
                    BOOST_TEST(sums[column] == number(week, column), column);
                    total += sums[column];
                }
                BOOST_TEST(total == number(week, "counted_min"));
                BOOST_TEST(excluded == number(week, "excluded_count"));
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(events_over_the_four_weeks_sum_to_the_report_totals) {
    // One events window over W42..W45: the Nachtzug is one occurrence there, and counts
    // 135 + 435 = 570 solo minutes in it, the sum of its two weekly pieces.
    auto events = run_busywork({"events", google(), "--tz", "Europe/Berlin", "--from", "2026-10-12",
                                "--to", "2026-11-08", "--format", "csv"});
    BOOST_TEST_REQUIRE(events.exit_code == 0);
    std::map<std::string, long long> by_category;
    for (auto& e : csv_rows(events.out)) {
        by_category[e["category"]] += std::stoll(e["counted_min"]);
        if (e["summary"] == "Nachtzug Berlin – København")
            BOOST_TEST(e["counted_min"] == "570");
    }
    long long customer = 0, pre = 0, post = 0, sync = 0, other = 0, solo = 0;
    for (const auto& w : google_weeks()) {
        customer += w.customer;
        pre += w.pre;
        post += w.post;
        sync += w.sync;
        other += w.other;
        solo += w.solo;
    }
    // 60 + 210 + 60 + 90 = 420 customer; 30 + 30 pre and post; 165 + 105 + 195 + 165 = 630
    // sync; 120 other; 150 + 135 + 435 = 720 solo.
    BOOST_TEST(customer == 420);
    BOOST_TEST(sync == 630);
    BOOST_TEST(solo == 720);
    BOOST_TEST(by_category["customer"] == customer);
    BOOST_TEST(by_category["pre-meeting"] == pre);
    BOOST_TEST(by_category["post-meeting"] == post);
    BOOST_TEST(by_category["internal-sync"] == sync);
    BOOST_TEST(by_category["internal-other"] == other);
    BOOST_TEST(by_category["solo"] == solo);
    BOOST_TEST(by_category["excluded"] == 0);
}

BOOST_AUTO_TEST_CASE(google_week_43_text_shows_the_hand_computed_headline_and_breakdown) {
    auto run = run_busywork(report(google(), {"--week", "2026-W43"}));
    BOOST_TEST_REQUIRE(run.exit_code == 0);
    BOOST_TEST(run.err == "");
    const std::string& text = run.out;
    // The week with the clock change: 169 hours.
    BOOST_TEST(contains(line_starting(text, "2026-W43"), "169 h"));
    // Meta 165 min = 2:45, 165 / 2400 = 6.875 % -> "6.9 %"; customer 210 min = 3:30,
    // 210 / 2400 = 8.75 % -> "8.8 %"; ratio 165 / 210 = 0.7857 -> 0.79.
    std::string meta = line_starting(text, "Meetings about meetings");
    BOOST_TEST(contains(meta, "2:45"), meta);
    BOOST_TEST(contains(meta, "6.9 %"), meta);
    std::string customer = line_starting(text, "Customer time");
    BOOST_TEST(contains(customer, "3:30"), customer);
    BOOST_TEST(contains(customer, "8.8 %"), customer);
    BOOST_TEST(contains(line_starting(text, "Ratio"), "0.79"));

    // The breakdown: category, h:mm, share of 2400, then the minutes outside working hours
    // (and a bar, not looked at here): the first `n` words of the category's line.
    using W = std::vector<std::string>;
    auto breakdown = [&](const std::string& name, std::size_t n) {
        W all = words(line_starting(text, name));
        return W(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(std::min(n, all.size())));
    };
    // customer 210 = 3:30, 8.75 % -> 8.8 %, 60 of it (A. Datum) at night;
    // 30 / 2400 = 1.25 % -> 1.3 %; 105 / 2400 = 4.375 % -> 4.4 %;
    // solo 150 / 2400 = 6.25 % -> 6.3 %, 30 of it on Sunday. The bars are in eighths of a
    // block, the largest category (customer, 210) 36 blocks long: pre-meeting's is
    // 30 / 210 x 36 x 8 = 41.1 -> 41 eighths, 5 full blocks and a one-eighth block.
    BOOST_TEST(breakdown("customer", 5) == (W{"customer", "3:30", "8.8", "%", "1:00"}),
               boost::test_tools::per_element());
    BOOST_TEST(breakdown("pre-meeting", 5) == (W{"pre-meeting", "0:30", "1.3", "%", "█████▏"}),
               boost::test_tools::per_element());
    BOOST_TEST(breakdown("post-meeting", 4) == (W{"post-meeting", "0:30", "1.3", "%"}),
               boost::test_tools::per_element());
    BOOST_TEST(breakdown("internal-sync", 4) == (W{"internal-sync", "1:45", "4.4", "%"}),
               boost::test_tools::per_element());
    BOOST_TEST(breakdown("internal-other", 9) == (W{"internal-other", "0:00", "0.0", "%"}),
               boost::test_tools::per_element());
    BOOST_TEST(breakdown("solo", 5) == (W{"solo", "2:30", "6.3", "%", "0:30"}),
               boost::test_tools::per_element());
    // counted 525 = 8:45, 525 / 2400 = 21.875 % -> 21.9 %, outside 90 = 1:30.
    BOOST_TEST(breakdown("counted", 9) == (W{"counted", "8:45", "21.9", "%", "1:30"}),
               boost::test_tools::per_element());
    BOOST_TEST(breakdown("double-booked", 9) == (W{"double-booked", "0:30"}),
               boost::test_tools::per_element());
    BOOST_TEST(contains(line_starting(text, "working time"), "40:00"));

    // The recurring meta series: stand-ups 3 x 15 = 0:45, Jour fixe 1 x 30, Sales Sync
    // 1 x (60 - 30) = 0:30.
    BOOST_TEST((words(line_starting(text, "  Daily Stand-up Vertrieb")) ==
                W{"Daily", "Stand-up", "Vertrieb", "3", "×", "0:45"}));
    BOOST_TEST((words(line_starting(text, "  Jour fixe mit Chef")) ==
                W{"Jour", "fixe", "mit", "Chef", "1", "×", "0:30"}));
    BOOST_TEST((words(line_starting(text, "  Weekly Sales Sync")) ==
                W{"Weekly", "Sales", "Sync", "1", "×", "0:30"}));
    // Excluded: 2 cancelled (the Fabrikam call, the Tuesday stand-up), 1 declined; the
    // fourth is Urlaub (all-day and transparent).
    std::string excluded = line_starting(text, "Excluded:");
    BOOST_TEST(contains(excluded, "2 cancelled"), excluded);
    BOOST_TEST(contains(excluded, "1 declined"), excluded);
    // What was inferred, and the zone.
    BOOST_TEST(contains(text, "anna.schmidt@acme-sales.de"));
    BOOST_TEST(contains(text, "Europe/Berlin"));
    for (const auto& line : lines_of(text))
        BOOST_TEST(columns(line) <= 80u, line);
}

BOOST_AUTO_TEST_CASE(several_weeks_text_has_one_hand_computed_line_per_week_and_a_total) {
    for (const auto& [file, expected] :
         {std::pair{google(), google_weeks()}, std::pair{outlook(), outlook_weeks()}}) {
        auto run = run_busywork(report(file, four_weeks));
        BOOST_TEST_REQUIRE(run.exit_code == 0);
        BOOST_TEST(run.err == "");
        // A week's line: week, meta h:mm, meta %, customer h:mm, customer %, then pre,
        // post, sync, other, solo and double-booked as h:mm.
        auto line_of = [](const std::string& label, const WeekExpectation& w, long long working) {
            return Labels{label,
                          hm(w.meta),
                          percent_number(w.meta, working),
                          "%",
                          hm(w.customer),
                          percent_number(w.customer, working),
                          "%",
                          hm(w.pre),
                          hm(w.post),
                          hm(w.sync),
                          hm(w.other),
                          hm(w.solo),
                          hm(w.double_booked)};
        };
        WeekExpectation total = expected.front();
        total.meta = total.customer = total.pre = total.post = total.sync = total.other =
            total.solo = total.double_booked = 0;
        for (const auto& w : expected) {
            BOOST_TEST_CONTEXT(file << " " << w.week) {
                BOOST_TEST(words(line_starting(run.out, w.week + " ")) ==
                               line_of(w.week, w, working_min),
                           boost::test_tools::per_element());
            }
            total.meta += w.meta;
            total.customer += w.customer;
            total.pre += w.pre;
            total.post += w.post;
            total.sync += w.sync;
            total.other += w.other;
            total.solo += w.solo;
            total.double_booked += w.double_booked;
        }
        // The total line over 4 x 2400 = 9600 working minutes: google meta 165 + 165 + 255 +
        // 165 = 750 = 12:30, 7.8125 % -> 7.8 %; customer 420 = 7:00, 4.375 % -> 4.4 %.
        // outlook meta 0 + 120 + 135 + 105 = 360 = 6:00, 3.75 % -> 3.8 %; customer 420.
        BOOST_TEST_CONTEXT(file << " total") {
            BOOST_TEST(words(line_starting(run.out, "total ")) ==
                           line_of("total", total, 4 * working_min),
                       boost::test_tools::per_element());
        }
        BOOST_TEST(contains(run.out, "Meta share by week"));
        for (const auto& line : lines_of(run.out))
            BOOST_TEST(columns(line) <= 80u, line);
    }
}

// ---------------------------------------------------------------------------------------
// 2. Windows.

BOOST_AUTO_TEST_CASE(week_label_selects_that_iso_week) {
    auto rows = csv_report(report(google(), {"--week", "2026-W43"}));
    BOOST_TEST_REQUIRE(rows.size() == 1u);
    check_row(rows[0], google_weeks()[1]);
    // The week number's W may be lower case.
    BOOST_TEST(
        (weeks_of(csv_report(report(google(), {"--week", "2026-w43"}))) == Labels{"2026-W43"}));
}

BOOST_AUTO_TEST_CASE(week_53_of_a_long_year_is_a_week) {
    // 2026 begins on a Thursday, so it has 53 ISO weeks: W53 is Mon 28 Dec 2026 - Sun 3 Jan
    // 2027. The stand-ups ended on 6 Nov; the endless Weekly Sales Sync (Tue 29 Dec
    // 14:00-15:00, 60) and Jour fixe (Thu 31 Dec 16:00-16:30, 30) remain: 90 sync.
    auto rows = csv_report(report(google(), {"--week", "2026-W53"}));
    BOOST_TEST_REQUIRE(rows.size() == 1u);
    BOOST_TEST(rows[0].at("week") == "2026-W53");
    BOOST_TEST(rows[0].at("week_start") == "2026-12-28");
    BOOST_TEST(rows[0].at("week_end") == "2027-01-03");
    BOOST_TEST(number(rows[0], "internal_sync_min") == 90);
    BOOST_TEST(number(rows[0], "counted_min") == 90);
    BOOST_TEST(number(rows[0], "hours_in_week") == 168);
}

BOOST_AUTO_TEST_CASE(relative_weeks_follow_the_pinned_now) {
    // Wed 2026-10-28 12:00 Berlin is in W44.
    const std::vector<std::string> now{"--now", "2026-10-28T12:00"};
    auto weeks = [&](const std::vector<std::string>& more) {
        return weeks_of(csv_report(report(google(), with(more, now))));
    };
    BOOST_TEST((weeks({"--week", "last"}) == Labels{"2026-W43"}));
    BOOST_TEST((weeks({"--week", "this"}) == Labels{"2026-W44"}));
    BOOST_TEST((weeks({"--week", "-1"}) == Labels{"2026-W43"}));
    BOOST_TEST((weeks({"--week", "-2"}) == Labels{"2026-W42"}));
    // Without a window: the last complete week.
    BOOST_TEST((weeks({}) == Labels{"2026-W43"}));
    // "last" is the complete week, with its hand-computed figures.
    check_row(csv_report(report(google(), with({"--week", "last"}, now)))[0], google_weeks()[1]);
    // "this" holds W44's figures.
    check_row(csv_report(report(google(), with({"--week", "this"}, now)))[0], google_weeks()[2]);
}

BOOST_AUTO_TEST_CASE(the_current_week_is_found_in_the_report_zone_across_the_clock_change) {
    auto last = [&](const std::string& now) {
        return weeks_of(csv_report(report(google(), {"--week", "last", "--now", now})));
    };
    // Mon 2026-10-26 00:30 CET (local wall time) is in W44: last is W43, although it is
    // still Sunday 23:30 in UTC.
    BOOST_TEST((last("2026-10-26T00:30") == Labels{"2026-W43"}));
    // The same instant written in UTC.
    BOOST_TEST((last("2026-10-25T23:30:00Z") == Labels{"2026-W43"}));
    // Sun 2026-10-25 23:30 CET is still in W43: last is W42.
    BOOST_TEST((last("2026-10-25T23:30") == Labels{"2026-W42"}));
    // A date alone: Mon 2026-11-09 is in W46.
    BOOST_TEST((last("2026-11-09") == Labels{"2026-W45"}));
}

BOOST_AUTO_TEST_CASE(weeks_n_are_the_complete_weeks_before_the_current_one) {
    auto two = csv_report(report(google(), {"--weeks", "2", "--now", "2026-10-28T12:00"}));
    BOOST_TEST((weeks_of(two) == Labels{"2026-W42", "2026-W43"}));
    BOOST_TEST_REQUIRE(two.size() == 2u);
    check_row(two[0], google_weeks()[0]);
    check_row(two[1], google_weeks()[1]);
    // --weeks 4 from Mon 2026-11-09 (W46) is W42..W45: the same CSV as --from/--to.
    auto by_weeks = run_busywork(
        report(google(), {"--weeks", "4", "--now", "2026-11-09T08:00", "--format", "csv"}));
    auto by_dates = run_busywork(report(google(), with(four_weeks, {"--format", "csv"})));
    BOOST_TEST(by_weeks.exit_code == 0);
    BOOST_TEST(by_weeks.out == by_dates.out);
}

BOOST_AUTO_TEST_CASE(from_and_to_cover_whole_weeks) {
    // Wed 21 Oct .. Tue 27 Oct: the whole of W43 and W44, with the Monday 19 Oct events
    // (Fokuszeit, stand-up) that lie before the 21st and Thursday 29 Oct's after the 27th.
    auto rows = csv_report(report(google(), {"--from", "2026-10-21", "--to", "2026-10-27"}));
    BOOST_TEST_REQUIRE(rows.size() == 2u);
    check_row(rows[0], google_weeks()[1]);
    check_row(rows[1], google_weeks()[2]);
    // A single Sunday: its week.
    BOOST_TEST((weeks_of(csv_report(report(google(), {"--from", "2026-10-25", "--to",
                                                      "2026-10-25"}))) == Labels{"2026-W43"}));
    // Sunday to Monday: two weeks.
    BOOST_TEST(
        (weeks_of(csv_report(report(google(), {"--from", "2026-10-18", "--to", "2026-10-19"}))) ==
         Labels{"2026-W42", "2026-W43"}));
}

BOOST_AUTO_TEST_CASE(conflicting_or_incomplete_window_forms_are_usage_errors) {
    const std::vector<std::vector<std::string>> bad{
        {"--week", "2026-W43", "--weeks", "2"},
        {"--week", "2026-W43", "--from", "2026-10-19", "--to", "2026-10-25"},
        {"--weeks", "2", "--from", "2026-10-19", "--to", "2026-10-25"},
        {"--week", "this", "--weeks", "2", "--now", "2026-10-28"},
        {"--from", "2026-10-19"},
        {"--to", "2026-10-25"},
        {"--from", "2026-10-27", "--to", "2026-10-21"}, // --to before --from
        {"--from", "2026-02-30", "--to", "2026-03-01"}, // no such day
        {"--from", "19.10.2026", "--to", "25.10.2026"},
        {"--weeks", "-1"},
        {"--weeks", "1001"},
        {"--now", "yesterday"},
    };
    for (const auto& more : bad) {
        auto run = run_busywork(report(google(), more));
        BOOST_TEST_CONTEXT(busywork_command(more)) {
            BOOST_TEST(run.exit_code == 2);
            BOOST_TEST(run.out == "");
            BOOST_TEST(run.err != "");
        }
    }
}

BOOST_AUTO_TEST_CASE(a_bad_week_is_a_usage_error) {
    // 2025 begins on a Wednesday and is not a leap year: 52 ISO weeks. 2026 has 53.
    for (const char* week : {"2025-W53", "2026-W54", "2026-W00", "soon", "2026-43", "W43",
                             "2026-W4", "2026-W043", "+1", "-6000"}) {
        auto run = run_busywork(report(google(), {"--week", week, "--now", "2026-10-28"}));
        BOOST_TEST_CONTEXT(week) {
            BOOST_TEST(run.exit_code == 2);
            BOOST_TEST(run.out == "");
            BOOST_TEST(contains(run.err, "week"), run.err);
        }
    }
}

BOOST_AUTO_TEST_CASE(an_empty_window_says_so_and_names_what_the_input_covers) {
    // outlook_rep.ics: the first event is the Salgsmøde series from Mon 2026-08-17 (W34),
    // weekly without end. W30 (Mon 20 - Sun 26 Jul) holds nothing.
    auto run = run_busywork(report(outlook(), {"--week", "2026-W30"}));
    BOOST_TEST(run.exit_code == 0);
    BOOST_TEST(contains(run.out, "No events"), run.out);
    BOOST_TEST(contains(run.out, "2026-W30"));
    BOOST_TEST(contains(run.out, "2026-W34"), run.out);
    BOOST_TEST((contains(run.out, "--week 2026-W34") || contains(run.out, "--from 2026-08-17")),
               run.out);
    for (const auto& line : lines_of(run.out))
        BOOST_TEST(columns(line) <= 80u, line);
    // google_rep.ics begins with the Weekly Sales Sync of Tue 2026-01-13 (W03).
    auto before = run_busywork(report(google(), {"--week", "2025-W30"}));
    BOOST_TEST(before.exit_code == 0);
    BOOST_TEST(contains(before.out, "No events"), before.out);
    BOOST_TEST(contains(before.out, "2026-W03"), before.out);
    BOOST_TEST(
        (contains(before.out, "--week 2026-W03") || contains(before.out, "--from 2026-01-12")),
        before.out);
    // JSON says it in input_covers.
    auto json = run_busywork(report(outlook(), {"--week", "2026-W30", "--format", "json"}));
    BOOST_TEST_REQUIRE(json.exit_code == 0);
    auto document = nlohmann::json::parse(json.out);
    BOOST_TEST(document["input_covers"]["first_week"] == "2026-W34");
    // A week with events has none.
    auto full = run_busywork(report(outlook(), {"--week", "2026-W43", "--format", "json"}));
    BOOST_TEST(nlohmann::json::parse(full.out)["input_covers"].is_null());
    BOOST_TEST(!contains(run_busywork(report(outlook(), {"--week", "2026-W43"})).out, "No events"));
}

// ---------------------------------------------------------------------------------------
// 3. Formats.

BOOST_AUTO_TEST_CASE(every_format_exits_0_with_output_and_nothing_on_stderr) {
    for (const char* format : {"text", "csv", "json", "markdown", "html"}) {
        for (const auto& window : {std::vector<std::string>{"--week", "2026-W43"}, four_weeks}) {
            auto run = run_busywork(report(google(), with(window, {"--format", format})));
            BOOST_TEST_CONTEXT(format << " " << window.size()) {
                BOOST_TEST(run.exit_code == 0);
                BOOST_TEST(!run.out.empty());
                BOOST_TEST(run.err == "");
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(csv_is_rfc_4180_with_the_documented_header) {
    auto run = run_busywork(report(google(), with(four_weeks, {"--format", "csv"})));
    BOOST_TEST_REQUIRE(run.exit_code == 0);
    auto records = parse_csv(run.out);
    BOOST_TEST_REQUIRE(records.size() == 5u); // the header and four weeks
    std::string header;
    for (const auto& cell : records[0])
        header += (header.empty() ? "" : ",") + cell;
    BOOST_TEST(header == documented_header);
    for (const auto& record : records)
        BOOST_TEST(record.size() == 19u);
    // CRLF after every record, including the last.
    BOOST_TEST(run.out.substr(run.out.size() - 2) == "\r\n");
    std::size_t crlf = 0;
    for (std::size_t at = run.out.find("\r\n"); at != std::string::npos;
         at = run.out.find("\r\n", at + 2))
        ++crlf;
    BOOST_TEST(crlf == 5u);
    BOOST_TEST(std::count(run.out.begin(), run.out.end(), '\n') == 5);
}

BOOST_AUTO_TEST_CASE(json_parses_with_the_documented_keys_and_the_hand_computed_week) {
    auto run = run_busywork(report(google(), {"--week", "2026-W43", "--format", "json"}));
    BOOST_TEST_REQUIRE(run.exit_code == 0);
    BOOST_TEST(run.err == "");
    auto document = nlohmann::ordered_json::parse(run.out);
    auto keys = [](const nlohmann::ordered_json& object) {
        std::vector<std::string> out;
        for (const auto& item : object.items())
            out.push_back(item.key());
        return out;
    };
    // README, "JSON fields of busywork report --format json": keys always appear, in order.
    BOOST_TEST((keys(document) == Labels{"zone", "working_week", "meta_categories", "inferred",
                                         "per_calendar", "input_covers", "calendars"}));
    BOOST_TEST(document["zone"] == "Europe/Berlin");
    BOOST_TEST(document["working_week"] == "Mon-Fri 09:00-17:00");
    BOOST_TEST(document["per_calendar"] == false);
    BOOST_TEST(document["input_covers"].is_null());
    BOOST_TEST_REQUIRE(document["calendars"].size() == 1u);
    const auto& calendar = document["calendars"][0];
    BOOST_TEST(
        (keys(calendar) == Labels{"calendar", "weeks", "total", "meta_share_trend_pp_per_week"}));
    BOOST_TEST(calendar["calendar"] == "all");
    BOOST_TEST(calendar["meta_share_trend_pp_per_week"].is_null()); // a single week
    BOOST_TEST_REQUIRE(calendar["weeks"].size() == 1u);
    const auto& w = calendar["weeks"][0];
    const Labels week_keys{"week",
                           "monday",
                           "sunday",
                           "start",
                           "end",
                           "hours_in_week",
                           "working_min",
                           "counted_min",
                           "outside_working_min",
                           "counted_total_min",
                           "outside_working_total_min",
                           "meta_min",
                           "customer_min",
                           "meta_share",
                           "customer_share",
                           "meta_per_customer",
                           "double_booked_min",
                           "occurrences",
                           "excluded",
                           "costliest_series"};
    BOOST_TEST(keys(w) == week_keys, boost::test_tools::per_element());
    BOOST_TEST(keys(calendar["total"]) == week_keys, boost::test_tools::per_element());
    const Labels categories{"customer",      "pre-meeting",    "post-meeting",
                            "internal-sync", "internal-other", "solo"};
    BOOST_TEST(keys(w["counted_min"]) == categories, boost::test_tools::per_element());
    BOOST_TEST(keys(w["outside_working_min"]) == categories, boost::test_tools::per_element());

    // The hand-computed W43 (see google_weeks()).
    BOOST_TEST(w["week"] == "2026-W43");
    BOOST_TEST(w["monday"] == "2026-10-19");
    BOOST_TEST(w["sunday"] == "2026-10-25");
    // Monday 00:00 CEST to the next Monday 00:00 CET.
    BOOST_TEST(w["start"] == "2026-10-19T00:00:00+02:00");
    BOOST_TEST(w["end"] == "2026-10-26T00:00:00+01:00");
    BOOST_TEST(w["hours_in_week"] == 169);
    BOOST_TEST(w["working_min"] == 2400);
    BOOST_TEST(w["counted_min"]["customer"] == 210);
    BOOST_TEST(w["counted_min"]["pre-meeting"] == 30);
    BOOST_TEST(w["counted_min"]["post-meeting"] == 30);
    BOOST_TEST(w["counted_min"]["internal-sync"] == 105);
    BOOST_TEST(w["counted_min"]["internal-other"] == 0);
    BOOST_TEST(w["counted_min"]["solo"] == 150);
    BOOST_TEST(w["outside_working_min"]["customer"] == 60); // A. Datum at night
    BOOST_TEST(w["outside_working_min"]["solo"] == 30);     // Sunday's Wochenplanung
    BOOST_TEST(w["counted_total_min"] == 525);
    BOOST_TEST(w["outside_working_total_min"] == 90);
    BOOST_TEST(w["meta_min"] == 165);
    BOOST_TEST(w["customer_min"] == 210);
    // Not rounded: 165 / 2400 and 210 / 2400 exactly, 165 / 210.
    BOOST_TEST(w["meta_share"].get<double>() == 165.0 / 2400.0,
               boost::test_tools::tolerance(1e-12));
    BOOST_TEST(w["customer_share"].get<double>() == 210.0 / 2400.0,
               boost::test_tools::tolerance(1e-12));
    BOOST_TEST(w["meta_per_customer"].get<double>() == 165.0 / 210.0,
               boost::test_tools::tolerance(1e-12));
    BOOST_TEST(w["double_booked_min"] == 30);
    // 16 occurrences, 4 excluded: 12 counted some time (the Sales Sync still keeps 30 min).
    BOOST_TEST(w["occurrences"] == 12);
    int excluded = 0;
    for (const auto& item : w["excluded"].items())
        excluded += item.value().get<int>();
    BOOST_TEST(excluded == 4);
    BOOST_TEST(w["excluded"]["cancelled"] == 2);
    BOOST_TEST(w["excluded"]["declined"] == 1);
    BOOST_TEST_REQUIRE(w["costliest_series"].size() == 3u);
    const auto& first = w["costliest_series"][0];
    BOOST_TEST((keys(first) == Labels{"uid", "title", "occurrences", "meta_min"}));
    BOOST_TEST(first["title"] == "Daily Stand-up Vertrieb");
    BOOST_TEST(first["occurrences"] == 3);
    BOOST_TEST(first["meta_min"] == 45);
}

BOOST_AUTO_TEST_CASE(json_over_four_weeks_has_totals_and_the_trend) {
    auto run = run_busywork(report(google(), with(four_weeks, {"--format", "json"})));
    BOOST_TEST_REQUIRE(run.exit_code == 0);
    auto document = nlohmann::json::parse(run.out);
    const auto& calendar = document["calendars"][0];
    BOOST_TEST_REQUIRE(calendar["weeks"].size() == 4u);
    auto expected = google_weeks();
    for (std::size_t i = 0; i < 4; ++i) {
        const auto& w = calendar["weeks"][i];
        BOOST_TEST(w["week"] == expected[i].week);
        BOOST_TEST(w["meta_min"] == expected[i].meta);
        BOOST_TEST(w["counted_total_min"] == expected[i].counted);
        BOOST_TEST(w["hours_in_week"] == expected[i].hours_in_week);
    }
    const auto& total = calendar["total"];
    BOOST_TEST(total["week"] == "2026-W42..2026-W45");
    BOOST_TEST(total["monday"] == "2026-10-12");
    BOOST_TEST(total["sunday"] == "2026-11-08");
    BOOST_TEST(total["hours_in_week"] == 168 + 169 + 168 + 168);
    BOOST_TEST(total["working_min"] == 4 * 2400);
    BOOST_TEST(total["meta_min"] == 165 + 165 + 255 + 165);
    BOOST_TEST(total["customer_min"] == 60 + 210 + 60 + 90);
    BOOST_TEST(total["counted_total_min"] == 225 + 525 + 570 + 690);
    BOOST_TEST(total["counted_min"]["solo"] == 150 + 135 + 435);
    // Meta shares in per cent 6.875, 6.875, 10.625, 6.875 at x = 0..3: mean x 1.5, mean y
    // 7.8125; cov = (-1.5)(-0.9375) + (-0.5)(-0.9375) + (0.5)(2.8125) + (1.5)(-0.9375) =
    // 1.875; var = 2.25 + 0.25 + 0.25 + 2.25 = 5; slope 0.375 points a week.
    BOOST_TEST(calendar["meta_share_trend_pp_per_week"].get<double>() == 0.375,
               boost::test_tools::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(markdown_has_a_table_with_the_week) {
    auto run = run_busywork(report(google(), {"--week", "2026-W43", "--format", "markdown"}));
    BOOST_TEST_REQUIRE(run.exit_code == 0);
    auto lines = lines_of(run.out);
    auto header = std::find_if(lines.begin(), lines.end(),
                               [](const std::string& l) { return l.rfind("| Week", 0) == 0; });
    BOOST_TEST_REQUIRE((header != lines.end()));
    BOOST_TEST_REQUIRE((header + 2 < lines.end()));
    const std::string& separator = *(header + 1);
    const std::string& row = *(header + 2);
    BOOST_TEST(separator.rfind("|---", 0) == 0, separator);
    auto bars = [](const std::string& l) { return std::count(l.begin(), l.end(), '|'); };
    BOOST_TEST(bars(separator) == bars(*header));
    BOOST_TEST(bars(row) == bars(*header));
    BOOST_TEST(row.rfind("| 2026-W43 |", 0) == 0, row);
    // Meta 2:45 = 6.9 %, customer 3:30 = 8.8 %.
    BOOST_TEST(contains(row, "| 2:45 |"), row);
    BOOST_TEST(contains(row, "| 6.9 % |"), row);
    BOOST_TEST(contains(row, "| 3:30 |"), row);
    BOOST_TEST(contains(row, "| 8.8 % |"), row);
}

BOOST_AUTO_TEST_CASE(html_is_a_page_without_scripts_or_external_resources) {
    for (const auto& window : {std::vector<std::string>{"--week", "2026-W43"}, four_weeks}) {
        auto run = run_busywork(report(google(), with(window, {"--format", "html"})));
        BOOST_TEST_REQUIRE(run.exit_code == 0);
        std::string lower = run.out;
        std::transform(lower.begin(), lower.end(), lower.begin(), [](char c) {
            return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
        });
        BOOST_TEST(lower.rfind("<!doctype html>", 0) == 0);
        BOOST_TEST(contains(lower, "</html>"));
        BOOST_TEST(!contains(lower, "<script"));
        BOOST_TEST(!contains(lower, "<link"));
        BOOST_TEST(!contains(lower, "src="));
        BOOST_TEST(!contains(lower, "url("));
        BOOST_TEST(!contains(lower, "@import"));
        BOOST_TEST(contains(run.out, "2:45"));
        BOOST_TEST(contains(run.out, "6.9 %"));
    }
}

// ---------------------------------------------------------------------------------------
// 4. Cron friendliness.

BOOST_AUTO_TEST_CASE(output_file_holds_what_stdout_would_and_stdout_stays_empty) {
    TempDir dir;
    for (const char* format : {"text", "csv", "json", "markdown", "html"}) {
        BOOST_TEST_CONTEXT(format) {
            auto args = report(google(), with(four_weeks, {"--format", format}));
            auto to_stdout = run_busywork(args);
            std::string path = (dir.path() / (std::string("report.") + format)).string();
            {
                std::ofstream old(path, std::ios::binary);
                old << "an older, longer report that the new one replaces\n";
            }
            auto to_file = run_busywork(with(args, {"-o", path}));
            BOOST_TEST(to_file.exit_code == 0);
            BOOST_TEST(to_file.out == "");
            BOOST_TEST(to_file.err == "");
            BOOST_TEST(read_file(path) == to_stdout.out);
        }
    }
    // Only the five reports: no temporary file is left behind.
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir.path()))
        ++files;
    BOOST_TEST(files == 5u);
    // A folder that does not exist: an error, and nothing written anywhere.
    std::string missing = (dir.path() / "no-such-folder" / "report.csv").string();
    auto failed = run_busywork(report(google(), {"--week", "2026-W43", "-o", missing}));
    BOOST_TEST(failed.exit_code != 0);
    BOOST_TEST(failed.out == "");
    BOOST_TEST(failed.err != "");
    BOOST_TEST(!fs::exists(missing));
}

BOOST_AUTO_TEST_CASE(exit_codes_mean_success_input_usage_and_threshold) {
    // 0: success.
    BOOST_TEST(run_busywork(report(google(), {"--week", "2026-W43"})).exit_code == 0);
    // 1: no input could be read.
    TempDir dir;
    for (const std::string& input : {(dir.path() / "missing.ics").string(), dir.path().string()}) {
        auto run = run_busywork(report(input, {"--week", "2026-W43"}));
        BOOST_TEST(run.exit_code == 1, input);
        BOOST_TEST(run.out == "");
        BOOST_TEST(run.err != "");
    }
    // 2: usage.
    for (const auto& more : std::vector<std::vector<std::string>>{{"--bogus"},
                                                                  {"--format", "pdf"},
                                                                  {"--color", "sometimes"},
                                                                  {"--fail-over", "150"},
                                                                  {"--fail-over", "lots"}}) {
        auto run = run_busywork(report(google(), with({"--week", "2026-W43"}, more)));
        BOOST_TEST(run.exit_code == 2, more.front());
        BOOST_TEST(run.out == "");
    }
    auto zone = run_busywork({"report", google(), "--tz", "Mars/Olympus", "--week", "2026-W43"});
    BOOST_TEST(zone.exit_code == 2);
    // 3: W43's meta share is 165 / 2400 = 6.875 %, over 5; the report is still written.
    auto over = run_busywork(report(google(), {"--week", "2026-W43", "--fail-over", "5"}));
    BOOST_TEST(over.exit_code == 3);
    BOOST_TEST(contains(over.out, "Meetings about meetings"));
    BOOST_TEST(contains(over.err, "2026-W43"), over.err);
    // 6.875 % is not over 10, nor over 6.9, nor over 6.875 itself (exactly the threshold is
    // not over it), but it is over 6.87.
    BOOST_TEST(
        run_busywork(report(google(), {"--week", "2026-W43", "--fail-over", "6.87"})).exit_code ==
        3);
    for (const char* threshold : {"10", "6.9", "6.875"}) {
        auto under =
            run_busywork(report(google(), {"--week", "2026-W43", "--fail-over", threshold}));
        BOOST_TEST(under.exit_code == 0, threshold);
        BOOST_TEST(under.err == "");
    }
    // Any reported week: over four weeks, W44 has 255 / 2400 = 10.625 %, over 10 but not 11.
    BOOST_TEST(run_busywork(report(google(), with(four_weeks, {"--fail-over", "10"}))).exit_code ==
               3);
    BOOST_TEST(run_busywork(report(google(), with(four_weeks, {"--fail-over", "11"}))).exit_code ==
               0);
    // The threshold code also with -o: the file is written all the same.
    std::string path = (dir.path() / "week.csv").string();
    auto to_file = run_busywork(report(
        google(), {"--week", "2026-W43", "--format", "csv", "--fail-over", "5", "-o", path}));
    BOOST_TEST(to_file.exit_code == 3);
    BOOST_TEST(csv_rows(read_file(path)).size() == 1u);
}

BOOST_AUTO_TEST_CASE(works_with_an_empty_environment_and_still_writes_utf8) {
    // No HOME, no TERM, no TZ, LANG=C; --per-calendar W44 shows the Sales Sync retitled
    // "Weekly Sales Sync – Q4-Forecast (verschoben)" (U+2013) and Lars's "Salgsmøde" (U+00F8).
    auto run = run_shell("env -i LANG=C " +
                         busywork_command(with({"report", google(), outlook(), "--per-calendar"},
                                               {"--tz", "Europe/Berlin", "--week", "2026-W44"})));
    BOOST_TEST_REQUIRE(run.exit_code == 0, run.err);
    BOOST_TEST(run.err == "");
    BOOST_TEST(contains(run.out, "Weekly Sales Sync \xE2\x80\x93 Q4-Forecast (verschoben)"));
    BOOST_TEST(contains(run.out, "Salgsm\xC3\xB8"
                                 "de"));
    BOOST_TEST(contains(run.out, "\xE2\x96\x88")); // the bar's full block, U+2588
    BOOST_TEST(!contains(run.out, "\x1b"));
    // The CSV is the same byte for byte as with the test's own environment.
    auto csv_args = report(google(), with(four_weeks, {"--format", "csv"}));
    auto bare = run_shell("env -i LANG=C " + busywork_command(csv_args));
    BOOST_TEST(bare.exit_code == 0);
    BOOST_TEST(bare.err == "");
    BOOST_TEST(bare.out == run_busywork(csv_args).out);
    // JSON too: the rules are the built-in ones without HOME.
    auto json_args = report(google(), with(four_weeks, {"--format", "json"}));
    BOOST_TEST(run_shell("env -i LANG=C " + busywork_command(json_args)).out ==
               run_busywork(json_args).out);
}

BOOST_AUTO_TEST_CASE(colour_only_when_asked_or_on_a_terminal_without_no_color) {
    auto args = report(google(), {"--week", "2026-W43"});
    // In a pipe: auto and never have no ESC; always has.
    for (const char* choice : {"auto", "never"}) {
        auto run = run_busywork(with(args, {"--color", choice}));
        BOOST_TEST(run.exit_code == 0);
        BOOST_TEST(!contains(run.out, "\x1b"), choice);
    }
    BOOST_TEST(!contains(run_busywork(args).out, "\x1b"));
    auto always = run_busywork(with(args, {"--color", "always"}));
    BOOST_TEST(always.exit_code == 0);
    BOOST_TEST(contains(always.out, "\x1b["));
    // NO_COLOR with auto (in a pipe, and on a terminal below): none.
    BOOST_TEST(!contains(run_shell("NO_COLOR=1 " + busywork_command(args)).out, "\x1b"));
    BOOST_TEST(!contains(
        run_shell("NO_COLOR=1 " + busywork_command(with(args, {"--color", "auto"}))).out, "\x1b"));

    // On a terminal (script(1) gives the command a pseudo-terminal): auto colours, unless
    // NO_COLOR is set; never stays plain.
    if (run_shell("command -v script").exit_code != 0) {
        BOOST_TEST_MESSAGE("script(1) not found: the terminal half is skipped");
        return;
    }
    auto on_terminal = [&](const std::string& env, const std::vector<std::string>& more) {
        return run_shell(env + " script -qec " + shell_quote(busywork_command(with(args, more))) +
                         " /dev/null");
    };
    auto tty_auto = on_terminal("TERM=xterm", {});
    BOOST_TEST(tty_auto.exit_code == 0);
    BOOST_TEST(contains(tty_auto.out, "2:45"));
    BOOST_TEST(contains(tty_auto.out, "\x1b["));
    BOOST_TEST(!contains(on_terminal("TERM=xterm NO_COLOR=1", {}).out, "\x1b"));
    BOOST_TEST(!contains(on_terminal("TERM=xterm", {"--color", "never"}).out, "\x1b"));
}

// ---------------------------------------------------------------------------------------
// 5. --per-calendar.

BOOST_AUTO_TEST_CASE(per_calendar_has_a_row_per_file_and_week_then_the_team_sum) {
    auto run = run_busywork(with({"report", google(), outlook(), "--per-calendar", "--tz",
                                  "Europe/Berlin", "--format", "csv"},
                                 four_weeks));
    BOOST_TEST_REQUIRE(run.exit_code == 0);
    BOOST_TEST(run.err == "");
    auto records = parse_csv(run.out);
    BOOST_TEST_REQUIRE(!records.empty());
    BOOST_TEST(records[0].front() == "calendar");
    auto rows = csv_rows(run.out);
    BOOST_TEST_REQUIRE(rows.size() == 12u);
    auto g = google_weeks(), o = outlook_weeks();
    for (std::size_t i = 0; i < 4; ++i) {
        BOOST_TEST(rows[i].at("calendar") == google());
        check_row(rows[i], g[i]);
        BOOST_TEST(rows[4 + i].at("calendar") == outlook());
        check_row(rows[4 + i], o[i]);
        const auto& team = rows[8 + i];
        BOOST_TEST_CONTEXT("team " << g[i].week) {
            BOOST_TEST(team.at("calendar") == "team");
            BOOST_TEST(team.at("week") == g[i].week);
            // Every minute column is the sum of the two files' (working time too: 2 x 2400).
            for (const auto& column : minute_columns)
                BOOST_TEST(number(team, column) ==
                               number(rows[i], column) + number(rows[4 + i], column),
                           column);
            BOOST_TEST(number(team, "working_min") == 4800);
            BOOST_TEST(number(team, "customer_min") == g[i].customer + o[i].customer);
            BOOST_TEST(number(team, "internal_sync_min") == g[i].sync + o[i].sync);
            BOOST_TEST(number(team, "meta_min") == g[i].meta + o[i].meta);
            BOOST_TEST(number(team, "counted_min") == g[i].counted + o[i].counted);
            // The week's hours stay the week's: 168, or 169 for W43.
            BOOST_TEST(number(team, "hours_in_week") == g[i].hours_in_week);
        }
    }
    // W43: meta 165 + 120 = 285 of 4800 = 0.059375 -> 0.0594; customer 420 / 4800 = 0.0875.
    BOOST_TEST(rows[9].at("meta_share") == "0.0594");
    BOOST_TEST(rows[9].at("customer_share") == "0.0875");
    // The text report has a section per file and one for the team.
    auto text = run_busywork({"report", google(), outlook(), "--per-calendar", "--tz",
                              "Europe/Berlin", "--week", "2026-W43"});
    BOOST_TEST(text.exit_code == 0);
    BOOST_TEST(contains(text.out, google()));
    BOOST_TEST(contains(text.out, outlook()));
    BOOST_TEST(contains(text.out, "Team"));
}

// ---------------------------------------------------------------------------------------
// 6. --workweek.

BOOST_AUTO_TEST_CASE(workweek_changes_the_denominator_and_what_is_outside) {
    auto rows =
        csv_report(report(google(), {"--week", "2026-W43", "--workweek", "Mon-Fri 08:30-17:30"}));
    BOOST_TEST_REQUIRE(rows.size() == 1u);
    const auto& w = rows[0];
    // 5 x 9 h = 5 x 540 = 2700 minutes.
    BOOST_TEST(number(w, "working_min") == 5 * 540);
    // The minutes do not change: meta 165, customer 210.
    BOOST_TEST(number(w, "meta_min") == 165);
    BOOST_TEST(number(w, "customer_min") == 210);
    BOOST_TEST(number(w, "counted_min") == 525);
    // 165 / 2700 = 0.06111 -> 0.0611; 210 / 2700 = 0.07777 -> 0.0778.
    BOOST_TEST(w.at("meta_share") == "0.0611");
    BOOST_TEST(w.at("customer_share") == "0.0778");
    // A. Datum (23:30-00:30) and Sunday's Wochenplanung are still outside: 90.
    BOOST_TEST(number(w, "outside_working_min") == 90);

    // Mon-Fri 10:00-18:00 puts the 09:00 stand-ups of Mon 19 and Thu 22 outside (2 x 15);
    // Wednesday's moved one starts at 10:00 and is inside. 90 + 30 = 120 outside.
    auto later =
        csv_report(report(google(), {"--week", "2026-W43", "--workweek", "Mon-Fri 10:00-18:00"}));
    BOOST_TEST_REQUIRE(later.size() == 1u);
    BOOST_TEST(number(later[0], "working_min") == 2400);
    BOOST_TEST(number(later[0], "outside_working_min") == 120);

    // The text shows the shares of the new working week: 6.1 % and 7.8 %.
    auto text =
        run_busywork(report(google(), {"--week", "2026-W43", "--workweek", "Mon-Fri 08:30-17:30"}));
    BOOST_TEST(contains(line_starting(text.out, "Meetings about meetings"), "6.1 %"));
    BOOST_TEST(contains(line_starting(text.out, "Customer time"), "7.8 %"));
    BOOST_TEST(contains(line_starting(text.out, "working time"), "45:00"));
}

BOOST_AUTO_TEST_CASE(a_bad_workweek_is_a_usage_error) {
    for (const char* bad : {"sometimes", "Mon-Fri 17:30-08:30", "Mon-Fri 25:00-26:00", "Mon-Fri"}) {
        auto run = run_busywork(report(google(), {"--week", "2026-W43", "--workweek", bad}));
        BOOST_TEST_CONTEXT("\"" << bad << "\"") {
            BOOST_TEST(run.exit_code == 2);
            BOOST_TEST(run.out == "");
            BOOST_TEST(contains(run.err, "--workweek"), run.err);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
