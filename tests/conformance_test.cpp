// SPDX-License-Identifier: MIT
// Runs `busywork events --tz UTC --format csv` on every calendar of the shared conformance
// corpus (../shared/corpus, see its README) and compares the occurrences with a reference as
// multisets of (uid, start, end, all_day, summary), start and end compared as instants.
//
// The reference for each file:
// 1. manifest note empty: expected/ (the reference oracle);
// 2. `disputed:`: the answer DISAGREEMENTS.md judges right (the table below);
// 3. `oracle-error:` with valid input: oracle2/;
// 4. where tests/conformance/KNOWN_DIFFERENCES.md shows a reference wrong per RFC 5545:
//    busywork's own answer, tests/conformance/answers/<file>.csv, derived there by hand.
// Invalid input (most `oracle-error:` files, and the disputed files DISAGREEMENTS.md calls
// invalid with no reliable expectation) is a bad-input case: busywork must exit normally,
// report `file:line:`, and list every row of oracle2/ (when there is one) except those of
// events that one of its messages names, so that nothing is dropped without a word.
#include "test_support.hpp"

#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <date/date.h>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

using namespace busywork::testing;

namespace {

enum class Reference { expected, oracle2, own_answer, bad_input };

// DISAGREEMENTS.md's judgement for each disputed file.
const std::map<std::string, Reference> disputed_verdicts = {
    {"recurring_ical_events__test__calendars__fablab_cottbus.ics", Reference::expected},
    {"recurring_ical_events__test__calendars__issue_107_omitting_last_event.ics",
     Reference::oracle2},
    {"src__icalendar__tests__calendars__issue_165_missing_event.ics", Reference::oracle2},
    {"samples__rdate_exdate.ics", Reference::oracle2},
    {"test-data__smallcluster.ics", Reference::bad_input},
    {"tests__ics__event_dt_mixed_awareness.ics", Reference::oracle2},
    {"tests__ics__tz_windows_format.ics", Reference::oracle2},
    {"test__fixtures__Office-2012-owa.ics", Reference::oracle2},
    {"test__invalid_dates.ics", Reference::expected},
};

// `oracle-error:` files whose input is valid RFC 5545 (DISAGREEMENTS.md: "valid input that
// the reference library cannot read").
const std::set<std::string> valid_despite_oracle_error = {
    "recurring_ical_events__test__calendars__issue_113_period_in_rdate.ics",
    "recurring_ical_events__test__calendars__multiple_rrule.ics",
    "src__icalendar__tests__calendars__issue_156_RDATE_with_PERIOD_TZID_khal.ics",
    "src__icalendar__tests__calendars__issue_156_RDATE_with_PERIOD_TZID_khal_2.ics",
    "src__icalendar__tests__calendars__rfc_7529.ics",
    "samples__multiple_rrules.ics",
    "test-data__2445.ics",
};

std::string corpus(const std::string& relative) {
    return std::string(BUSYWORK_CORPUS_DIR) + "/" + relative;
}

std::string base_name(const std::string& file) {
    return file.substr(file.find('/') + 1);
}

struct Row {
    std::string uid;
    long long start, end;
    std::string all_day;
    std::string summary;
    auto operator<=>(const Row&) const = default;
    std::string to_string() const {
        using namespace date;
        return uid + "," + format("%FT%TZ", sys_seconds{std::chrono::seconds{start}}) + "," +
               format("%FT%TZ", sys_seconds{std::chrono::seconds{end}}) + "," + all_day + "," +
               summary;
    }
};

// The corpus writes CR/LF inside SUMMARY as one space.
std::string one_line(std::string s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n')
            continue;
        out += (s[i] == '\r' || s[i] == '\n') ? ' ' : s[i];
    }
    return out;
}

std::multiset<Row> rows_of(const std::string& csv_text) {
    std::multiset<Row> rows;
    for (auto& r : csv_rows(csv_text))
        rows.insert({r["uid"], parse_instant(r["start"]), parse_instant(r["end"]), r["all_day"],
                     one_line(r["summary"])});
    return rows;
}

std::vector<std::map<std::string, std::string>> manifest() {
    std::vector<std::map<std::string, std::string>> entries;
    std::istringstream in(read_file(corpus("manifest.tsv")));
    std::string line;
    std::getline(in, line);
    while (std::getline(in, line)) {
        std::vector<std::string> cells;
        std::size_t start = 0;
        while (true) {
            auto tab = line.find('\t', start);
            cells.push_back(
                line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
            if (tab == std::string::npos)
                break;
            start = tab + 1;
        }
        cells.resize(4);
        entries.push_back(
            {{"file", cells[0]}, {"from", cells[1]}, {"to", cells[2]}, {"note", cells[3]}});
    }
    return entries;
}

std::string day_before(const std::string& iso_date) {
    return date::format("%F", parse_day(iso_date) - date::days{1});
}

Reference reference_for(const std::string& file, const std::string& note) {
    std::string name = base_name(file);
    if (std::filesystem::exists(std::string(BUSYWORK_SOURCE_DIR) + "/tests/conformance/answers/" +
                                name + ".csv"))
        return Reference::own_answer;
    if (note.starts_with("disputed:")) {
        auto verdict = disputed_verdicts.find(name);
        if (verdict == disputed_verdicts.end())
            throw std::runtime_error("no verdict recorded for disputed file " + file);
        return verdict->second;
    }
    if (note.starts_with("oracle-error:"))
        return valid_despite_oracle_error.count(name) ? Reference::oracle2 : Reference::bad_input;
    return Reference::expected;
}

} // namespace

BOOST_AUTO_TEST_SUITE(conformance)

BOOST_AUTO_TEST_CASE(every_corpus_file_agrees_with_its_reference) {
    auto entries = manifest();
    BOOST_REQUIRE_GE(entries.size(), 90u);
    int agreeing = 0;
    for (const auto& entry : entries) {
        const std::string& file = entry.at("file");
        BOOST_TEST_CONTEXT(file) {
            Reference reference = reference_for(file, entry.at("note"));
            std::string ics = corpus("ics/" + file);
            RunResult run =
                run_busywork({"events", "--tz", "UTC", "--from", entry.at("from"), "--to",
                              day_before(entry.at("to")), "--format", "csv", ics});
            BOOST_TEST_REQUIRE(run.exit_code == 0, "exit code " << run.exit_code << "\n"
                                                                << run.err);
            std::multiset<Row> ours = rows_of(run.out);
            bool agrees = true;
            if (reference == Reference::bad_input) {
                BOOST_TEST(run.err.find(ics + ":") != std::string::npos,
                           "no file:line: message for invalid input");
                std::string oracle2 = corpus("oracle2/" + file + ".csv");
                if (std::filesystem::exists(oracle2)) {
                    for (const auto& row : rows_of(read_file(oracle2))) {
                        bool explained =
                            (!row.uid.empty() && run.err.find(row.uid) != std::string::npos) ||
                            (!row.summary.empty() &&
                             run.err.find("\"" + row.summary + "\"") != std::string::npos);
                        if (!explained && ours.count(row) == 0) {
                            agrees = false;
                            BOOST_TEST(false, "row dropped without a message: " << row.to_string());
                        }
                    }
                }
            } else {
                std::string path =
                    reference == Reference::expected ? corpus("expected/" + file + ".csv")
                    : reference == Reference::oracle2
                        ? corpus("oracle2/" + file + ".csv")
                        : std::string(BUSYWORK_SOURCE_DIR) + "/tests/conformance/answers/" +
                              base_name(file) + ".csv";
                BOOST_TEST_REQUIRE(std::filesystem::exists(path), "reference missing: " << path);
                std::multiset<Row> theirs = rows_of(read_file(path));
                for (const auto& row : theirs)
                    if (ours.count(row) < theirs.count(row)) {
                        agrees = false;
                        BOOST_TEST(false, "missing: " << row.to_string());
                    }
                for (const auto& row : ours)
                    if (theirs.count(row) < ours.count(row)) {
                        agrees = false;
                        BOOST_TEST(false, "extra: " << row.to_string());
                    }
            }
            agreeing += agrees ? 1 : 0;
        }
    }
    BOOST_TEST_MESSAGE("conformance: " << agreeing << " of " << entries.size()
                                       << " corpus files agree");
    BOOST_TEST(agreeing == static_cast<int>(entries.size()));
}

BOOST_AUTO_TEST_SUITE_END()
