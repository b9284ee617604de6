// SPDX-License-Identifier: MIT
// End-to-end tests of the built binary on samples/. The expected occurrences are the golden
// lists of samples/README.md, worked out by hand from the calendars (local time, the
// Europe/Berlin offsets: CEST = UTC+2 until 2026-10-25 01:00Z, then CET = UTC+1).
#include "test_support.hpp"

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>
#include <unistd.h>

using namespace busywork::testing;

namespace {

using Listed = std::multiset<std::tuple<std::string, long long, long long>>;

Listed listed(const std::string& csv) {
    Listed rows;
    for (auto& r : csv_rows(csv))
        rows.insert({r["summary"], parse_instant(r["start"]), parse_instant(r["end"])});
    return rows;
}

std::tuple<std::string, long long, long long>
row(const std::string& title, const std::string& start, const std::string& end) {
    return {title, parse_instant(start), parse_instant(end)};
}

} // namespace

BOOST_AUTO_TEST_SUITE(cli)

BOOST_AUTO_TEST_CASE(google_sample_week_43_lists_the_hand_computed_occurrences) {
    auto run =
        run_busywork({"events", source_path("samples/google_rep.ics"), "--tz", "Europe/Berlin",
                      "--from", "2026-10-19", "--to", "2026-10-25", "--format", "csv"});
    BOOST_TEST(run.exit_code == 0);
    // samples/README.md, "Golden: google_rep.ics, 2026-W43": 16 occurrences. The stand-up of
    // Fri 23 Oct is EXDATEd, Wed 21 Oct is moved to 10:00, Tue 20 Oct is cancelled but listed.
    Listed expected{
        row("Daily Stand-up Vertrieb", "2026-10-19T07:00:00Z", "2026-10-19T07:15:00Z"),
        row("Fokuszeit: Angebote", "2026-10-19T08:00:00Z", "2026-10-19T10:00:00Z"),
        row("Fabrikam: Technische Klärung", "2026-10-19T13:00:00Z", "2026-10-19T14:00:00Z"),
        row("Daily Stand-up Vertrieb", "2026-10-20T07:00:00Z", "2026-10-20T07:15:00Z"),
        row("Weekly Sales Sync", "2026-10-20T12:00:00Z", "2026-10-20T13:00:00Z"),
        row("Northwind – Rahmenvertrag 2027", "2026-10-20T12:30:00Z", "2026-10-20T13:30:00Z"),
        row("Daily Stand-up Vertrieb", "2026-10-21T08:00:00Z", "2026-10-21T08:15:00Z"),
        row("Marketing-Strategie 2027", "2026-10-21T11:00:00Z", "2026-10-21T12:00:00Z"),
        row("Late call A. Datum (US) – Pricing", "2026-10-21T21:30:00Z", "2026-10-21T22:30:00Z"),
        row("Daily Stand-up Vertrieb", "2026-10-22T07:00:00Z", "2026-10-22T07:15:00Z"),
        row("Vorbereitung Contoso", "2026-10-22T08:00:00Z", "2026-10-22T08:30:00Z"),
        row("Contoso – Angebotspräsentation", "2026-10-22T09:00:00Z", "2026-10-22T10:30:00Z"),
        row("Debrief Contoso", "2026-10-22T11:30:00Z", "2026-10-22T12:00:00Z"),
        row("Jour fixe mit Chef", "2026-10-22T14:00:00Z", "2026-10-22T14:30:00Z"),
        row("Urlaub", "2026-10-22T22:00:00Z", "2026-10-23T22:00:00Z"),
        row("Fokuszeit: Wochenplanung", "2026-10-25T17:00:00Z", "2026-10-25T17:30:00Z"),
    };
    BOOST_TEST(listed(run.out) == expected);
}

BOOST_AUTO_TEST_CASE(outlook_sample_with_windows_zone_names_lists_week_43) {
    auto run =
        run_busywork({"events", source_path("samples/outlook_rep.ics"), "--tz", "Europe/Berlin",
                      "--from", "2026-10-19", "--to", "2026-10-25", "--format", "csv"});
    BOOST_TEST(run.exit_code == 0);
    // samples/README.md, "Golden: outlook_rep.ics, 2026-W43": Romance Standard Time and
    // W. Europe Standard Time are UTC+2 before 25 Oct; GMT Standard Time (London) is UTC+1.
    Listed expected{
        row("Salgskickoff Q4 – Kolding", "2026-10-18T22:00:00Z", "2026-10-19T22:00:00Z"),
        row("Morgenmøde", "2026-10-20T06:45:00Z", "2026-10-20T07:00:00Z"),
        row("Tailspin Toys – Nordic rollout review", "2026-10-20T13:00:00Z",
            "2026-10-20T14:00:00Z"),
        row("Morgenmøde", "2026-10-21T06:45:00Z", "2026-10-21T07:00:00Z"),
        row("Formøde Vestas", "2026-10-21T09:30:00Z", "2026-10-21T10:00:00Z"),
        row("Vestas – præsentation af løsningsforslag", "2026-10-21T11:00:00Z",
            "2026-10-21T12:30:00Z"),
        row("Opsamling Vestas", "2026-10-21T13:00:00Z", "2026-10-21T13:30:00Z"),
        row("Morgenmøde", "2026-10-22T07:30:00Z", "2026-10-22T07:45:00Z"),
        row("Morgenmøde", "2026-10-23T06:45:00Z", "2026-10-23T07:00:00Z"),
        row("Fabrikam – Demo der Plattform", "2026-10-23T08:00:00Z", "2026-10-23T09:00:00Z"),
    };
    BOOST_TEST(listed(run.out) == expected);
}

BOOST_AUTO_TEST_CASE(the_same_calendar_given_twice_counts_once) {
    auto once = run_busywork({"events", source_path("samples/google_rep.ics"), "--tz", "UTC",
                              "--from", "2026-10-12", "--to", "2026-11-08", "--format", "csv"});
    auto twice = run_busywork({"events", source_path("samples/google_rep.ics"), "-", "--tz", "UTC",
                               "--from", "2026-10-12", "--to", "2026-11-08", "--format", "csv"},
                              source_path("samples/google_rep.ics"));
    BOOST_TEST(twice.exit_code == 0);
    BOOST_TEST(listed(once.out) == listed(twice.out));
    // samples/README.md: 46 occurrences in W42..W45.
    BOOST_TEST(csv_rows(once.out).size() == 46u);
}

BOOST_AUTO_TEST_CASE(json_output_carries_the_occurrence_model) {
    // The Weekly Sales Sync of Tue 20 Oct 14:00-15:00 CEST (samples/README.md) with its
    // internal attendees; the Tuesday stand-up of that day is a cancelled override.
    auto run =
        run_busywork({"events", source_path("samples/google_rep.ics"), "--tz", "Europe/Berlin",
                      "--from", "2026-10-20", "--to", "2026-10-20", "--format", "json"});
    BOOST_TEST(run.exit_code == 0);
    auto document = nlohmann::json::parse(run.out);
    BOOST_REQUIRE(document["events"].is_array());
    const auto& list = document["events"];
    // Anna is the owner by X-WR-CALNAME, and the document says so.
    BOOST_REQUIRE(document["inferred"].size() == 1u);
    BOOST_TEST(document["inferred"][0].get<std::string>().find(
                   "owner anna.schmidt@acme-sales.de (inferred from X-WR-CALNAME") !=
               std::string::npos);
    const nlohmann::json* sync = nullptr;
    const nlohmann::json* standup = nullptr;
    for (const auto& o : list) {
        if (o["summary"] == "Weekly Sales Sync")
            sync = &o;
        if (o["summary"] == "Daily Stand-up Vertrieb")
            standup = &o;
    }
    BOOST_REQUIRE(sync != nullptr);
    BOOST_REQUIRE(standup != nullptr);
    BOOST_TEST((*sync)["start"] == "2026-10-20T14:00:00+02:00");
    BOOST_TEST((*sync)["end"] == "2026-10-20T15:00:00+02:00");
    BOOST_TEST((*sync)["recurring"] == true);
    BOOST_TEST((*sync)["all_day"] == false);
    BOOST_TEST((*sync)["category"] == "internal-sync");
    BOOST_TEST((*sync)["rule"] == "sync:keyword");
    BOOST_TEST((*standup)["category"] == "excluded");
    BOOST_TEST((*standup)["rule"] == "cancelled");
    BOOST_TEST((*sync)["attendees"].size() >= 2u);
    BOOST_TEST((*standup)["status"] == "CANCELLED");
    BOOST_TEST((*standup)["recurrence_id"] == "2026-10-20T09:00:00+02:00");
}

BOOST_AUTO_TEST_CASE(unknown_report_zone_is_a_usage_error) {
    auto run =
        run_busywork({"events", source_path("samples/google_rep.ics"), "--tz", "Mars/Olympus"});
    BOOST_TEST(run.exit_code == 2);
    BOOST_TEST(run.err == "busywork: error: unknown time zone \"Mars/Olympus\" (expected an IANA "
                          "name such as Europe/Berlin)\n");
}

BOOST_AUTO_TEST_CASE(missing_input_is_reported_and_fails_when_nothing_was_read) {
    auto run = run_busywork({"events", "/nonexistent/cal.ics", "--tz", "UTC", "--from",
                             "2026-01-01", "--to", "2026-01-07"});
    BOOST_TEST(run.exit_code == 1);
    BOOST_TEST(run.err == "/nonexistent/cal.ics: no such file or directory\n"
                          "busywork: 1 warning\n"
                          "busywork: error: no input could be read\n");
}

BOOST_AUTO_TEST_CASE(default_window_is_the_last_complete_iso_week_before_now) {
    // --now Wednesday 2026-10-28 → last complete week is Mon 19 Oct .. Sun 25 Oct (W43).
    auto pinned = run_busywork({"events", source_path("samples/google_rep.ics"), "--tz",
                                "Europe/Berlin", "--now", "2026-10-28T12:00", "--format", "csv"});
    auto explicit_week =
        run_busywork({"events", source_path("samples/google_rep.ics"), "--tz", "Europe/Berlin",
                      "--from", "2026-10-19", "--to", "2026-10-25", "--format", "csv"});
    BOOST_TEST(pinned.exit_code == 0);
    BOOST_TEST(pinned.out == explicit_week.out);
}

BOOST_AUTO_TEST_CASE(check_reports_problems_with_file_and_line_and_exits_1) {
    std::string path = source_path("tests/data/missing_dtstart.ics");
    auto run = run_busywork({"check", path, "--tz", "UTC"});
    BOOST_TEST(run.exit_code == 1);
    BOOST_TEST(run.err.find(path + ":10: VEVENT has no valid DTSTART (event \"No start\", UID "
                                   "no-start@example.com); skipped\n") != std::string::npos);
    // The summary groups the skipped events by why they were skipped.
    BOOST_TEST(run.err.find("busywork: 1 event skipped (1 no valid DTSTART)\n") !=
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_summary_line_groups_skipped_events_by_reason_and_counts_warnings) {
    // Two events without DTSTART (lines 4 and 8), one with a negative DURATION (line 13), one
    // good event, and a content line without a colon (line 19), which is only a warning: the
    // summary says 3 skipped, grouped by the two reasons (alphabetically), and 1 warning.
    std::string path = (std::filesystem::temp_directory_path() /
                        ("busywork-mixed-" + std::to_string(::getpid()) + ".ics"))
                           .string();
    std::ofstream(path, std::ios::binary)
        << ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n"
            "BEGIN:VEVENT\r\nUID:a@t\r\nSUMMARY:A\r\nEND:VEVENT\r\n"
            "BEGIN:VEVENT\r\nUID:b@t\r\nSUMMARY:B\r\nEND:VEVENT\r\n"
            "BEGIN:VEVENT\r\nUID:c@t\r\nDTSTART:20261123T090000Z\r\n"
            "DURATION:-PT1H\r\nEND:VEVENT\r\n"
            "BEGIN:VEVENT\r\nUID:good@t\r\nDTSTART:20261123T090000Z\r\n"
            "DTEND:20261123T100000Z\r\nSUMMARY:Good\r\nNO COLON HERE\r\nEND:VEVENT\r\n"
            "END:VCALENDAR\r\n");
    auto run = run_busywork({"events", path, "--tz", "UTC", "--from", "2026-11-23", "--to",
                             "2026-11-29", "--format", "csv"});
    std::filesystem::remove(path);
    BOOST_TEST(run.exit_code == 0);
    BOOST_TEST(run.err.find("busywork: 3 events skipped (1 negative DURATION, 2 no valid "
                            "DTSTART); 1 warning\n") != std::string::npos,
               run.err);
    BOOST_TEST(csv_rows(run.out).size() == 1u);
}

BOOST_AUTO_TEST_CASE(strict_turns_a_skipped_event_into_failure_but_keeps_the_good_ones) {
    std::string path = source_path("tests/data/missing_dtstart.ics");
    auto lenient = run_busywork({"events", path, "--tz", "UTC", "--from", "2026-11-23", "--to",
                                 "2026-11-29", "--format", "csv"});
    auto strict = run_busywork({"events", path, "--tz", "UTC", "--from", "2026-11-23", "--to",
                                "2026-11-29", "--format", "csv", "--strict"});
    BOOST_TEST(lenient.exit_code == 0);
    // --strict has its own exit code, 4, apart from 1 (nothing could be read).
    BOOST_TEST(strict.exit_code == 4);
    Listed good{row("Good one", "2026-11-23T09:00:00Z", "2026-11-23T10:00:00Z")};
    BOOST_TEST(listed(lenient.out) == good);
    BOOST_TEST(listed(strict.out) == good);
}

BOOST_AUTO_TEST_SUITE_END()
