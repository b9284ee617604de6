// SPDX-License-Identifier: MIT
#include "test_support.hpp"

#include <boost/test/unit_test.hpp>
#include <busywork/content_lines.hpp>
#include <busywork/ics_reader.hpp>

using namespace busywork;

BOOST_AUTO_TEST_SUITE(ics_reader)

BOOST_AUTO_TEST_CASE(bom_lf_only_lines_several_calendars_and_other_components_are_tolerated) {
    std::string text =
        "\xEF\xBB\xBF"
        "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VTODO\nUID:t\nSUMMARY:todo\nEND:VTODO\n"
        "BEGIN:VEVENT\nUID:1\nDTSTART:20261123T090000Z\nSUMMARY:One\n"
        "ATTENDEE;CN=\"Doe, Jane\";PARTSTAT=ACCEPTED;X-FOO=bar:MAILTO:Jane.Doe@Contoso.COM\n"
        "DESCRIPTION:\nBEGIN:VALARM\nACTION:DISPLAY\nTRIGGER:-PT5M\nEND:VALARM\n"
        "END:VEVENT\nEND:VCALENDAR\n"
        "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:2\nDTSTART:20261124T090000Z\nEND:VEVENT\n"
        "END:VCALENDAR\n";
    Diagnostics d;
    CalendarFile c = read_calendar(text, "x.ics", d);
    BOOST_TEST(d.empty()); // an empty DESCRIPTION is valid text, not a problem
    BOOST_REQUIRE_EQUAL(c.events.size(), 2u);
    BOOST_TEST(c.events[0].summary == "One");
    BOOST_TEST(c.events[0].line == 7);
    BOOST_REQUIRE_EQUAL(c.events[0].attendees.size(), 1u);
    BOOST_TEST(c.events[0].attendees[0].address == "jane.doe@contoso.com");
    BOOST_TEST(c.events[0].attendees[0].common_name == "Doe, Jane");
    BOOST_TEST(c.events[0].attendees[0].partstat == "ACCEPTED");
}

BOOST_AUTO_TEST_CASE(unterminated_event_is_skipped_and_the_next_one_kept) {
    std::string text =
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:cut\r\nSUMMARY:Cut off\r\n"
        "BEGIN:VEVENT\r\nUID:ok\r\nDTSTART:20261123T090000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    Diagnostics d;
    CalendarFile c = read_calendar(text, "x.ics", d);
    BOOST_REQUIRE_EQUAL(c.events.size(), 1u);
    BOOST_TEST(c.events[0].uid == "ok");
    BOOST_TEST(d.skipped_events() == 1);
    BOOST_TEST(d.all()[0].to_string() ==
               "x.ics:5: BEGIN:VEVENT on line 2 has no END:VEVENT (BEGIN:VEVENT on line 5 comes "
               "first); event \"Cut off\", UID cut skipped");
}

BOOST_AUTO_TEST_CASE(values_libical_rejects_are_reported_with_their_line) {
    std::string text = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:v\r\nDTSTART:20261123T090000Z\r\n"
                       "SUMMARY:Bad end\r\nDTEND:garbage\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    Diagnostics d;
    CalendarFile c = read_calendar(text, "x.ics", d);
    BOOST_REQUIRE_EQUAL(c.events.size(), 1u);
    BOOST_TEST(!c.events[0].dtend);
    BOOST_REQUIRE_EQUAL(d.all().size(), 1u);
    BOOST_TEST(d.all()[0].line == 6);
    BOOST_TEST(d.all()[0].message.find("DTEND") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(outlook_spaces_and_unknown_rule_parts_are_repaired_with_a_warning) {
    std::string text =
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:r\r\nDTSTART:20261123T090000Z\r\n"
        "RRULE:FREQ=WEEKLY;BYDAY=MO, TU;UNTL=20261201\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    Diagnostics d;
    CalendarFile c = read_calendar(text, "x.ics", d);
    BOOST_REQUIRE_EQUAL(c.events.size(), 1u);
    BOOST_REQUIRE_EQUAL(c.events[0].rrules.size(), 1u);
    BOOST_TEST(c.events[0].rrules[0] == "FREQ=WEEKLY;BYDAY=MO,TU");
    BOOST_REQUIRE_EQUAL(d.all().size(), 2u);
    BOOST_TEST(d.all()[0].to_string() ==
               "x.ics:5: spaces removed from RRULE (not allowed by RFC 5545 3.3.10)");
    BOOST_TEST(d.all()[1].to_string() == "x.ics:5: unknown RRULE part \"UNTL=20261201\" ignored");
}

namespace {

// 3000 events of 6 lines after the 1-line calendar head, so event i (from 0) begins on line
// 2 + 6 i; events 100 and 2900 have a DTSTART that cannot be read (line 4 + 6 i). 3000 events
// are 6 batches of 512 for the parsing threads.
std::string many_events() {
    std::string text = "BEGIN:VCALENDAR\n";
    for (int i = 0; i < 3000; ++i) {
        bool broken = i == 100 || i == 2900;
        text += "BEGIN:VEVENT\nUID:e" + std::to_string(i) +
                "\nDTSTART:" + (broken ? std::string("garbage") : std::string("20261019T090000Z")) +
                "\nDTEND:20261019T100000Z\nSUMMARY:Event " + std::to_string(i) + "\nEND:VEVENT\n";
    }
    return text + "END:VCALENDAR\n";
}

} // namespace

BOOST_AUTO_TEST_CASE(events_parsed_in_parallel_keep_the_order_of_the_file) {
    Diagnostics d;
    CalendarFile calendar = read_calendar(many_events(), "many.ics", d);
    BOOST_REQUIRE_EQUAL(calendar.events.size(), 2998u);
    std::size_t at = 0;
    for (int i = 0; i < 3000; ++i) {
        if (i == 100 || i == 2900)
            continue;
        BOOST_TEST_REQUIRE(calendar.events[at].uid == "e" + std::to_string(i));
        BOOST_TEST_REQUIRE(calendar.events[at].line == 2 + 6 * i);
        ++at;
    }
    // Each broken event: its DTSTART line, then the skip at its BEGIN; 100 before 2900.
    std::vector<int> lines;
    for (const auto& item : d.all())
        lines.push_back(item.line);
    BOOST_TEST(lines == (std::vector<int>{604, 602, 17404, 17402}),
               boost::test_tools::per_element());
    BOOST_TEST(d.skipped_events() == 2);
}

// Structure problems are found by the workers for the events the reading thread hands over
// as bytes, and by the reading thread for everything else; across batches they must come
// out in the order of the file, as the one-by-one split gives them, and before the events'
// own problems. 3,000 events (three batches), each 5 lines, event i beginning on line
// 2 + 6 i: every 7th has invalid UTF-8 in its SUMMARY (found by a worker), every 11th a
// folded BEGIN:VALARM, so it is split on the reading thread, where its SUMMARY's invalid
// UTF-8 is found; after every event but the last, a calendar-level line without a colon.
BOOST_AUTO_TEST_CASE(structure_problems_of_events_split_apart_come_in_file_order) {
    std::string text = "BEGIN:VCALENDAR\n";
    for (int i = 0; i < 3000; ++i) {
        std::string summary = "SUMMARY:Event " + std::to_string(i);
        if (i % 7 == 0 || i % 11 == 0)
            summary += "\xC3";
        std::string alarm = i % 11 == 0 ? "BEGIN:VAL\n ARM\nEND:VALARM\n" : "";
        text += "BEGIN:VEVENT\nUID:e" + std::to_string(i) + "\nDTSTART:20261019T090000Z\n" +
                summary + "\n" + alarm + "END:VEVENT\n";
        if (i + 1 < 3000)
            text += "no colon " + std::to_string(i) + "\n";
    }
    text += "END:VCALENDAR\n";
    Diagnostics one_by_one;
    split_calendar(text, "many.ics", one_by_one);
    Diagnostics read;
    CalendarFile calendar = read_calendar(text, "many.ics", read);
    BOOST_TEST(calendar.events.size() == 3000u);
    // 2999 lines without a colon, 429 + 273 - 39 events with invalid UTF-8.
    BOOST_REQUIRE_EQUAL(one_by_one.all().size(), 2999u + 429 + 273 - 39);
    BOOST_REQUIRE_GE(read.all().size(), one_by_one.all().size());
    for (std::size_t i = 0; i < one_by_one.all().size(); ++i)
        BOOST_TEST_REQUIRE(read.all()[i].to_string() == one_by_one.all()[i].to_string());
}

BOOST_AUTO_TEST_CASE(progress_counts_files_bytes_and_events) {
    busywork::testing::TempDir dir;
    std::string text = many_events();
    std::string first = dir.write("a.ics", text);
    std::string second = dir.write("b.ics", text);
    std::vector<ReadProgress> seen;
    ReadOptions options;
    options.progress = [&](const ReadProgress& p) { seen.push_back(p); };
    Diagnostics d;
    auto calendars = read_inputs({first, second}, d, options);
    BOOST_REQUIRE_EQUAL(calendars.size(), 2u);
    BOOST_REQUIRE(!seen.empty());
    const ReadProgress& last = seen.back();
    BOOST_TEST(last.files_done == 2u);
    BOOST_TEST(last.files_total == 2u);
    BOOST_TEST(last.bytes_total == 2 * text.size());
    BOOST_TEST(last.bytes_read == 2 * text.size());
    BOOST_TEST(last.events == 6000u);
    for (std::size_t i = 1; i < seen.size(); ++i)
        BOOST_TEST_REQUIRE(seen[i].bytes_read >= seen[i - 1].bytes_read);
}

// A report that no rule makes read descriptions does not hand them to libical
// (ReadOptions::descriptions): the rest of the event is read as before, and a problem inside
// the left-out lines, which libical would report, goes unheard, as documented.
BOOST_AUTO_TEST_CASE(descriptions_can_be_left_out_of_what_libical_reads) {
    std::string text =
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:d\r\nDTSTART:20261123T090000Z\r\n"
        "DTEND:20261123T100000Z\r\nSUMMARY:Kept\r\nLOCATION:Room 1\r\n"
        "DESCRIPTION;VALUE=INTEGER:not a number\r\n"             // line 8, libical objects
        "X-ALT-DESC;FMTTYPE=text/html:<p>long\r\n  html</p>\r\n" // lines 9-10
        "ATTENDEE;CN=Jane;PARTSTAT=ACCEPTED:mailto:jane@contoso.com\r\n"
        "BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Reminder\r\nTRIGGER:-PT5M\r\n"
        "END:VALARM\r\nDTEND;VALUE=DATE:garbage\r\n" // line 17, a second DTEND, reported
        "END:VEVENT\r\nEND:VCALENDAR\r\n";
    for (bool descriptions : {true, false}) {
        BOOST_TEST_CONTEXT("descriptions " << descriptions) {
            Diagnostics d;
            CalendarFile c =
                read_calendar(text, "x.ics", d, std::nullopt, LibicalInput{descriptions, true});
            BOOST_REQUIRE_EQUAL(c.events.size(), 1u);
            const EventRecord& e = c.events[0];
            BOOST_TEST(e.summary == "Kept");
            BOOST_TEST(e.location == "Room 1");
            BOOST_REQUIRE(e.dtend);
            BOOST_TEST(e.dtend->local.time_since_epoch().count() ==
                       e.dtstart->local.time_since_epoch().count() + 3600);
            BOOST_REQUIRE_EQUAL(e.attendees.size(), 1u);
            BOOST_TEST(e.attendees[0].common_name == "Jane");
            BOOST_TEST(e.description.empty() == !descriptions);
            std::vector<int> lines;
            for (const auto& item : d.all())
                lines.push_back(item.line);
            BOOST_TEST(lines == (descriptions ? std::vector<int>{8, 17} : std::vector<int>{17}),
                       boost::test_tools::per_element());
        }
    }
}

// --strict (read_every_event) must hear of every problem, so it reads descriptions anyway.
BOOST_AUTO_TEST_CASE(reading_every_event_keeps_descriptions) {
    busywork::testing::TempDir dir;
    std::string path = dir.write(
        "d.ics", "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:d\r\nDTSTART:20261123T090000Z\r\n"
                 "DESCRIPTION:Agenda\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
    for (bool every : {false, true}) {
        ReadOptions options;
        options.descriptions = false;
        options.read_every_event = every;
        Diagnostics d;
        auto calendars = read_inputs({path}, d, options);
        BOOST_REQUIRE_EQUAL(calendars.size(), 1u);
        BOOST_REQUIRE_EQUAL(calendars[0].events.size(), 1u);
        BOOST_TEST(calendars[0].events[0].description == (every ? "Agenda" : ""));
    }
}

// The events of one file share equal titles, organizers and attendee lists, and the
// attendees' addresses and parameters (SharedPool): a ten-year export repeats them.
BOOST_AUTO_TEST_CASE(equal_values_of_a_file_are_held_once) {
    auto event = [](int n, const char* attendees) {
        return "BEGIN:VEVENT\r\nUID:" + std::to_string(n) + "\r\nDTSTART:2026112" +
               std::to_string(n) + "T090000Z\r\nSUMMARY:Weekly\r\n" +
               "ORGANIZER;CN=Anna:mailto:anna@acme.de\r\n" + attendees + "END:VEVENT\r\n";
    };
    const char* pair = "ATTENDEE;PARTSTAT=ACCEPTED:mailto:ben@acme.de\r\n"
                       "ATTENDEE;PARTSTAT=ACCEPTED:mailto:jane@contoso.com\r\n";
    const char* one = "ATTENDEE;PARTSTAT=DECLINED:mailto:Jane@Contoso.com\r\n";
    std::string text = "BEGIN:VCALENDAR\r\n" + event(1, pair) + event(2, pair) + event(3, one) +
                       "END:VCALENDAR\r\n";
    Diagnostics d;
    CalendarFile c = read_calendar(text, "x.ics", d);
    BOOST_REQUIRE_EQUAL(c.events.size(), 3u);
    const auto& e = c.events;
    BOOST_TEST(&e[0].summary.get() == &e[2].summary.get());
    BOOST_TEST(&e[0].organizer.get() == &e[2].organizer.get());
    BOOST_TEST(&e[0].attendees.get() == &e[1].attendees.get());
    BOOST_REQUIRE_EQUAL(e[2].attendees.size(), 1u);
    BOOST_TEST(&e[2].attendees.get() != &e[0].attendees.get());
    // jane@contoso.com (lower-cased) is one string in both lists; DECLINED is its own.
    BOOST_TEST(&e[2].attendees[0].address.get() == &e[0].attendees[1].address.get());
    BOOST_TEST(e[2].attendees[0].partstat == "DECLINED");
    BOOST_TEST(e[0].attendees[1].partstat == "ACCEPTED");
}

BOOST_AUTO_TEST_SUITE_END()
