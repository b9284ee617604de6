// SPDX-License-Identifier: MIT
#include <boost/test/unit_test.hpp>
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

BOOST_AUTO_TEST_SUITE_END()
