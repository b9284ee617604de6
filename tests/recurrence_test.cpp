// SPDX-License-Identifier: MIT
#include "expansion_support.hpp"

#include <boost/test/unit_test.hpp>
#include <cstdio>

using namespace busywork;
using namespace busywork::testing;

namespace {

std::vector<std::string> starts(const Expanded& e) {
    std::vector<std::string> out;
    for (const auto& o : e.occurrences)
        out.push_back(date::format("%FT%TZ", o.start));
    return out;
}

} // namespace

BOOST_AUTO_TEST_SUITE(recurrence)

BOOST_AUTO_TEST_CASE(weekly_meeting_keeps_its_wall_time_across_the_dst_change) {
    // Europe/Berlin leaves summer time on 2026-10-25: 09:00 CEST = 07:00Z, 09:00 CET = 08:00Z.
    auto e = expand_text("BEGIN:VEVENT\nUID:w\nDTSTART;TZID=Europe/Berlin:20261019T090000\n"
                         "DTEND;TZID=Europe/Berlin:20261019T093000\nRRULE:FREQ=WEEKLY;COUNT=2\n"
                         "SUMMARY:Sync\nEND:VEVENT\n",
                         "2026-10-01", "2026-11-30");
    BOOST_TEST(starts(e) ==
                   (std::vector<std::string>{"2026-10-19T07:00:00Z", "2026-10-26T08:00:00Z"}),
               boost::test_tools::per_element());
    BOOST_TEST((e.occurrences[1].end - e.occurrences[1].start) == std::chrono::minutes{30});
    BOOST_TEST(e.occurrences[1].recurring);
}

BOOST_AUTO_TEST_CASE(exdate_removes_and_overrides_move_retitle_and_cancel_instances) {
    // Daily 09:00Z Mon..Fri 2026-11-23..27: Tue excluded, Wed moved to 15:00Z and retitled,
    // Thu cancelled (still listed, with its status: classification excludes it later).
    auto e = expand_text(
        "BEGIN:VEVENT\nUID:d\nDTSTART:20261123T090000Z\nDURATION:PT15M\nRRULE:FREQ=DAILY;COUNT=5\n"
        "EXDATE:20261124T090000Z\nSUMMARY:Stand-up\nEND:VEVENT\n"
        "BEGIN:VEVENT\nUID:d\nRECURRENCE-ID:20261125T090000Z\nDTSTART:20261125T150000Z\n"
        "DURATION:PT30M\nSUMMARY:Stand-up (moved)\nEND:VEVENT\n"
        "BEGIN:VEVENT\nUID:d\nRECURRENCE-ID:20261126T090000Z\nDTSTART:20261126T090000Z\n"
        "DURATION:PT15M\nSTATUS:CANCELLED\nSUMMARY:Stand-up\nEND:VEVENT\n",
        "2026-11-23", "2026-11-30");
    BOOST_TEST(starts(e) ==
                   (std::vector<std::string>{"2026-11-23T09:00:00Z", "2026-11-25T15:00:00Z",
                                             "2026-11-26T09:00:00Z", "2026-11-27T09:00:00Z"}),
               boost::test_tools::per_element());
    BOOST_TEST(e.occurrences[1].summary == "Stand-up (moved)");
    BOOST_TEST((e.occurrences[1].end - e.occurrences[1].start) == std::chrono::minutes{30});
    BOOST_TEST(date::format("%FT%TZ", *e.occurrences[1].recurrence_id) == "2026-11-25T09:00:00Z");
    BOOST_TEST(e.occurrences[2].status == "CANCELLED");
    BOOST_TEST(e.diagnostics.empty());
}

BOOST_AUTO_TEST_CASE(override_names_its_instance_even_in_another_zone_form) {
    // The master is in Europe/Berlin; the override's RECURRENCE-ID is the same instant in UTC
    // (10:00 CET = 09:00Z), so it replaces the instance instead of adding one.
    auto e = expand_text(
        "BEGIN:VEVENT\nUID:z\nDTSTART;TZID=Europe/Berlin:20261123T100000\nDURATION:PT1H\n"
        "RRULE:FREQ=DAILY;COUNT=2\nSUMMARY:Call\nEND:VEVENT\n"
        "BEGIN:VEVENT\nUID:z\nRECURRENCE-ID:20261124T090000Z\nDTSTART:20261124T130000Z\n"
        "DURATION:PT1H\nSUMMARY:Call (later)\nEND:VEVENT\n",
        "2026-11-23", "2026-11-30");
    BOOST_TEST(starts(e) ==
                   (std::vector<std::string>{"2026-11-23T09:00:00Z", "2026-11-24T13:00:00Z"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(this_and_future_override_moves_every_later_instance) {
    // From Wed 25 Nov on, the 09:00Z daily meeting moves one hour later and is renamed.
    auto e = expand_text(
        "BEGIN:VEVENT\nUID:r\nDTSTART:20261123T090000Z\nDURATION:PT30M\nRRULE:FREQ=DAILY;COUNT=4\n"
        "SUMMARY:Old\nEND:VEVENT\n"
        "BEGIN:VEVENT\nUID:r\nRECURRENCE-ID;RANGE=THISANDFUTURE:20261125T090000Z\n"
        "DTSTART:20261125T100000Z\nDURATION:PT30M\nSUMMARY:New\nEND:VEVENT\n",
        "2026-11-23", "2026-11-30");
    BOOST_TEST(starts(e) ==
                   (std::vector<std::string>{"2026-11-23T09:00:00Z", "2026-11-24T09:00:00Z",
                                             "2026-11-25T10:00:00Z", "2026-11-26T10:00:00Z"}),
               boost::test_tools::per_element());
    BOOST_TEST(e.occurrences[3].summary == "New");
}

BOOST_AUTO_TEST_CASE(until_is_inclusive_and_a_date_exdate_removes_the_whole_day) {
    // RFC 5545 3.3.10: UNTIL bounds the set inclusively. EXDATE;VALUE=DATE on a timed series
    // removes that day's instance (the libical/ical.js reading, see DISAGREEMENTS.md).
    auto e = expand_text("BEGIN:VEVENT\nUID:u\nDTSTART:20261123T080000Z\nDTEND:20261123T083000Z\n"
                         "RRULE:FREQ=DAILY;UNTIL=20261126T080000Z\nEXDATE;VALUE=DATE:20261124\n"
                         "END:VEVENT\n",
                         "2026-11-01", "2026-12-31");
    BOOST_TEST(starts(e) ==
                   (std::vector<std::string>{"2026-11-23T08:00:00Z", "2026-11-25T08:00:00Z",
                                             "2026-11-26T08:00:00Z"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(end_defaults_follow_rfc_5545_3_6_1) {
    // No DTEND or DURATION: a timed event has no length, an all-day event lasts one day.
    auto e = expand_text("BEGIN:VEVENT\nUID:a\nDTSTART:20261123T080000Z\nEND:VEVENT\n"
                         "BEGIN:VEVENT\nUID:b\nDTSTART;VALUE=DATE:20261124\nEND:VEVENT\n",
                         "2026-11-23", "2026-11-30", "Europe/Berlin");
    BOOST_REQUIRE_EQUAL(e.occurrences.size(), 2u);
    BOOST_TEST((e.occurrences[0].end == e.occurrences[0].start));
    // All-day: midnight to midnight in the report zone (Berlin, UTC+1 in November).
    BOOST_TEST(e.occurrences[1].all_day);
    BOOST_TEST(date::format("%FT%TZ", e.occurrences[1].start) == "2026-11-23T23:00:00Z");
    BOOST_TEST(date::format("%FT%TZ", e.occurrences[1].end) == "2026-11-24T23:00:00Z");
}

BOOST_AUTO_TEST_CASE(nominal_day_duration_keeps_wall_time_across_dst) {
    // DURATION:P1D is a nominal day (RFC 5545 3.3.6): from Sat 24 Oct 12:00 CEST (10:00Z) to
    // Sun 25 Oct 12:00 CET (11:00Z), 25 hours.
    auto e = expand_text("BEGIN:VEVENT\nUID:p\nDTSTART;TZID=Europe/Berlin:20261024T120000\n"
                         "DURATION:P1D\nEND:VEVENT\n",
                         "2026-10-01", "2026-11-01");
    BOOST_REQUIRE_EQUAL(e.occurrences.size(), 1u);
    BOOST_TEST((e.occurrences[0].end - e.occurrences[0].start) == std::chrono::hours{25});
}

BOOST_AUTO_TEST_CASE(endless_secondly_rule_is_cut_with_a_warning) {
    auto e = expand_text("BEGIN:VEVENT\nUID:s\nDTSTART:20261123T000000Z\nRRULE:FREQ=SECONDLY\n"
                         "SUMMARY:Flood\nEND:VEVENT\n",
                         "2026-11-23", "2026-11-30");
    BOOST_TEST(e.occurrences.size() == ExpansionLimits{}.occurrences_per_series);
    BOOST_REQUIRE_EQUAL(e.diagnostics.all().size(), 1u);
    BOOST_TEST(e.diagnostics.all()[0].to_string() ==
               "test.ics:4: event \"Flood\", UID s has more than 50000 occurrences in the window; "
               "expansion cut at 2026-11-23 13:53");
}

// Each occurrence copies the event's text: with a 1 MiB DESCRIPTION one costs 1,048,576 bytes
// plus sizeof(Occurrence) and its 5 bytes of UID and SUMMARY (under 1 KiB together), so about
// 1025 KiB, and the 64 MiB a series may use hold 67,108,864 / (1,048,576 + under 1024) = 63 of
// its daily occurrences (63.9...), not the 3,650 of ten years.
BOOST_AUTO_TEST_CASE(a_series_with_a_huge_description_is_cut_by_its_memory) {
    std::string text =
        "BEGIN:VEVENT\nUID:w\nDTSTART:20160101T090000Z\nDURATION:PT1H\nRRULE:FREQ=DAILY\n"
        "SUMMARY:Wiki\nDESCRIPTION:" +
        std::string(1u << 20, 'd') + "\nEND:VEVENT\n";
    auto e = expand_text(text, "2016-01-01", "2025-12-31");
    BOOST_TEST(e.occurrences.size() == 63u);
    BOOST_REQUIRE_EQUAL(e.diagnostics.all().size(), 1u);
    std::string message = e.diagnostics.all()[0].to_string();
    BOOST_TEST(message.find("has more than 63 occurrences in the window (each carries about 1025 "
                            "KiB of text and attendees, and a series may use 64 MiB)") !=
                   std::string::npos,
               message);
}

BOOST_AUTO_TEST_CASE(dtend_before_dtstart_skips_the_event_with_its_line) {
    auto e = expand_text("BEGIN:VEVENT\nUID:bad\nDTSTART:20261123T100000Z\nDTEND:20261123T090000Z\n"
                         "SUMMARY:Backwards\nEND:VEVENT\n",
                         "2026-11-23", "2026-11-30");
    BOOST_TEST(e.occurrences.empty());
    BOOST_TEST(e.diagnostics.skipped_events() == 1);
    BOOST_TEST(e.diagnostics.all()[0].to_string() ==
               "test.ics:4: DTEND is before DTSTART (event \"Backwards\", UID bad); skipped");
}

BOOST_AUTO_TEST_CASE(floating_times_are_read_in_x_wr_timezone) {
    // Google writes X-WR-TIMEZONE; a floating 09:00 is then 09:00 Berlin = 08:00Z in November.
    auto e =
        expand_text("BEGIN:VEVENT\nUID:f\nDTSTART:20261123T090000\nDURATION:PT1H\nEND:VEVENT\n",
                    "2026-11-23", "2026-11-30", "UTC", "X-WR-TIMEZONE:Europe/Berlin\n");
    BOOST_REQUIRE_EQUAL(e.occurrences.size(), 1u);
    BOOST_TEST(date::format("%FT%TZ", e.occurrences[0].start) == "2026-11-23T08:00:00Z");
}

BOOST_AUTO_TEST_CASE(bysetpos_applies_to_weekly_and_daily_rules_too) {
    // libical 3.0 honours BYSETPOS only for MONTHLY and YEARLY. "The last weekday of each
    // week" from Mon 2026-11-23: the Fridays 27 Nov, 4 Dec, 11 Dec (COUNT=3), plus DTSTART,
    // which RFC 5545 3.8.5.3 counts as the first instance (as both corpus oracles do).
    auto e = expand_text("BEGIN:VEVENT\nUID:p\nDTSTART:20261123T090000Z\n"
                         "RRULE:FREQ=WEEKLY;COUNT=3;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1\nEND:VEVENT\n",
                         "2026-11-23", "2026-12-31");
    BOOST_TEST(starts(e) ==
                   (std::vector<std::string>{"2026-11-23T09:00:00Z", "2026-11-27T09:00:00Z",
                                             "2026-12-04T09:00:00Z", "2026-12-11T09:00:00Z"}),
               boost::test_tools::per_element());
    // The second of 10:00, 11:00, 12:00 each day: 11:00 on three days, plus DTSTART 10:00.
    auto daily = expand_text("BEGIN:VEVENT\nUID:q\nDTSTART:20261123T100000Z\n"
                             "RRULE:FREQ=DAILY;COUNT=3;BYHOUR=10,11,12;BYSETPOS=2\nEND:VEVENT\n",
                             "2026-11-23", "2026-12-31");
    BOOST_TEST(starts(daily) ==
                   (std::vector<std::string>{"2026-11-23T10:00:00Z", "2026-11-23T11:00:00Z",
                                             "2026-11-24T11:00:00Z", "2026-11-25T11:00:00Z"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_large_calendar_reports_each_zone_problem_once_in_order) {
    // 6,000 one-hour events, above the 2,048 from which expansion splits the work over two
    // threads; event k (UID e-0000 to e-5999, so UID order is file order) is at 09:00 on day
    // k after 2026-01-01, in "Mars/Olympus" (no such zone) when k % 3 == 0, in
    // "W. Europe Standard Time" (a Windows id, read as Europe/Berlin) when k % 3 == 1, else
    // in Europe/Berlin; events from 4,000 on, in the second half, use "Venus/Maxwell" instead
    // of Mars. Each problem is reported once per file, at its first use, as one thread would:
    // Mars at event 0, the Windows id at event 1, Venus at event 4,002 (the first k % 3 == 0).
    constexpr int events = 6000;
    std::string body;
    for (int k = 0; k < events; ++k) {
        const char* zone = k % 3 == 0   ? (k >= 4000 ? "Venus/Maxwell" : "Mars/Olympus")
                           : k % 3 == 1 ? "W. Europe Standard Time"
                                        : "Europe/Berlin";
        auto day = date::year_month_day{date::sys_days{date::year{2026} / 1 / 1} + date::days{k}};
        char uid[16];
        std::snprintf(uid, sizeof uid, "e-%04d", k);
        body += std::string("BEGIN:VEVENT\nUID:") + uid + "\nDTSTART;TZID=" + zone + ":" +
                date::format("%Y%m%d", day) + "T090000\nDURATION:PT1H\nEND:VEVENT\n";
    }
    auto e = expand_text(body, "2026-01-01", "2043-01-01");
    BOOST_TEST(e.occurrences.size() == static_cast<std::size_t>(events));
    bool in_order = true;
    for (std::size_t i = 1; i < e.occurrences.size(); ++i)
        in_order = in_order && e.occurrences[i - 1].start < e.occurrences[i].start;
    BOOST_TEST(in_order);
    std::vector<std::pair<std::string, int>> messages; // (zone named, line)
    for (const auto& d : e.diagnostics.all())
        for (const char* zone : {"Mars/Olympus", "W. Europe Standard Time", "Venus/Maxwell"})
            if (d.message.find(zone) != std::string::npos)
                messages.emplace_back(zone, d.line);
    BOOST_REQUIRE_EQUAL(messages.size(), 3u);
    BOOST_TEST(messages[0].first == "Mars/Olympus");
    BOOST_TEST(messages[1].first == "W. Europe Standard Time");
    BOOST_TEST(messages[2].first == "Venus/Maxwell");
    // Five lines an event: the Windows id is one event after Mars, Venus 4,002 after it.
    BOOST_TEST(messages[1].second - messages[0].second == 5);
    BOOST_TEST(messages[2].second - messages[0].second == 4002 * 5);
}

BOOST_AUTO_TEST_CASE(merging_reports_its_problems_in_file_order_not_uid_order) {
    // Events are grouped by UID, but what merging finds is reported in the order of the
    // files and the events in them, as going through them one by one reports it: first a
    // file's X-WR-TIMEZONE, then, event by event, the zone of an override's RECURRENCE-ID and
    // a copy replaced (at the older copy) or kept twice (at the second), each at the event's
    // BEGIN line.
    // UID order (a-series, m-same, z-dup) would put z-dup's problems last.
    auto event = [](const std::string& lines) {
        return "BEGIN:VEVENT\r\n" + lines + "END:VEVENT\r\n";
    };
    auto calendar = [](const std::string& zone, const std::string& events) {
        return "BEGIN:VCALENDAR\r\nX-WR-TIMEZONE:" + zone + "\r\n" + events + "END:VCALENDAR\r\n";
    };
    // Lines 1 and 2 are BEGIN:VCALENDAR and X-WR-TIMEZONE; the events' BEGIN lines follow.
    const std::string first = calendar(
        "Nowhere/Zone",
        event("UID:z-dup\r\nSEQUENCE:0\r\nSUMMARY:Old\r\nDTSTART:20260105T090000Z\r\n") // 3
            + event("UID:a-series\r\nDTSTART:20260105T100000Z\r\nRRULE:FREQ=DAILY\r\n") // 9
            + event("UID:a-series\r\nRECURRENCE-ID;TZID=W. Europe Standard Time:20260106T110000"
                    "\r\nDTSTART:20260106T120000Z\r\n")                                       // 14
            + event("UID:z-dup\r\nSEQUENCE:1\r\nSUMMARY:New\r\nDTSTART:20260105T090000Z\r\n") // 19
            + event("UID:m-same\r\nSUMMARY:X\r\nDTSTART:20260107T090000Z\r\n")                // 25
            + event("UID:m-same\r\nSUMMARY:Y\r\nDTSTART:20260107T090000Z\r\n"));              // 30
    const std::string second = calendar(
        "Elsewhere/Zone",
        event("UID:z-dup\r\nSEQUENCE:2\r\nSUMMARY:Newest\r\nDTSTART:20260105T090000Z\r\n")); // 3
    Diagnostics reading;
    std::vector<CalendarFile> calendars;
    calendars.push_back(read_calendar(first, "a.ics", reading));
    calendars.push_back(read_calendar(second, "b.ics", reading));
    BOOST_TEST_REQUIRE(reading.empty());
    Diagnostics merging;
    TimeWindow window{utc("2026-01-01T00:00:00Z"), utc("2026-02-01T00:00:00Z")};
    expand_occurrences(calendars, window, Zone::utc(), merging);
    std::vector<std::string> found;
    for (const auto& d : merging.all())
        found.push_back(d.to_string());
    const std::vector<std::string> expected{
        "a.ics:2: X-WR-TIMEZONE \"Nowhere/Zone\" is not a known zone; floating times read in UTC",
        "a.ics:14: TZID \"W. Europe Standard Time\" has no VTIMEZONE; read as Europe/Berlin",
        "a.ics:3: event \"Old\", UID z-dup is replaced by its SEQUENCE 1 version at a.ics:19",
        "a.ics:30: UID m-same is defined more than once with different content and the same "
        "SEQUENCE (also at a.ics:25); every copy is kept",
        "b.ics:2: X-WR-TIMEZONE \"Elsewhere/Zone\" is not a known zone; floating times read in UTC",
        "a.ics:19: event \"New\", UID z-dup is replaced by its SEQUENCE 2 version at b.ics:3",
    };
    BOOST_TEST(found == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(merging_a_large_calendar_reports_in_file_order_across_threads) {
    // 2,500 UIDs, each written twice: first all with SEQUENCE 0 and SUMMARY v0 in UID order
    // (u-0000 to u-2499), then all with SEQUENCE 1 and SUMMARY v1 in reverse UID order. 5,000
    // events are more than the 4,096 from which two threads merge a half of the UIDs each. Each
    // newer copy replaces its older one, which is reported at the older copy's BEGIN line when the
    // newer one comes: in file order, u-2499 first and u-0000 last, not in UID order. Six lines an
    // event after expand_text's BEGIN:VCALENDAR, VERSION and PRODID: u-k's first copy begins on
    // line 4 + 6k.
    constexpr int uids = 2500;
    std::string body;
    auto event = [](int k, int sequence) {
        char uid[16];
        std::snprintf(uid, sizeof uid, "u-%04d", k);
        return std::string("BEGIN:VEVENT\nUID:") + uid + "\nSEQUENCE:" + std::to_string(sequence) +
               "\nSUMMARY:v" + std::to_string(sequence) +
               "\nDTSTART:20260105T090000Z\nEND:VEVENT\n";
    };
    for (int k = 0; k < uids; ++k)
        body += event(k, 0);
    for (int k = uids - 1; k >= 0; --k)
        body += event(k, 1);
    auto e = expand_text(body, "2026-01-01", "2026-02-01");
    BOOST_TEST(e.occurrences.size() == static_cast<std::size_t>(uids));
    BOOST_REQUIRE_EQUAL(e.diagnostics.all().size(), static_cast<std::size_t>(uids));
    bool in_file_order = true;
    for (int i = 0; i < uids; ++i) {
        const int k = uids - 1 - i;
        const auto& d = e.diagnostics.all()[static_cast<std::size_t>(i)];
        char uid[16];
        std::snprintf(uid, sizeof uid, "u-%04d", k);
        in_file_order =
            in_file_order && d.line == 4 + 6 * k &&
            d.message.find(std::string("UID ") + uid + " is replaced") != std::string::npos;
    }
    BOOST_TEST(in_file_order);
}

BOOST_AUTO_TEST_SUITE_END()
