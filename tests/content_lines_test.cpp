// SPDX-License-Identifier: MIT
#include <boost/test/unit_test.hpp>
#include <busywork/content_lines.hpp>

using namespace busywork;

BOOST_AUTO_TEST_SUITE(content_lines)

BOOST_AUTO_TEST_CASE(folded_lines_are_unfolded_and_keep_their_first_line_number) {
    Diagnostics d;
    auto text = split_calendar("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Weekly\r\n  sync\r\n"
                               "END:VEVENT\r\nEND:VCALENDAR\r\n",
                               "a.ics", d);
    BOOST_TEST(d.empty());
    BOOST_REQUIRE_EQUAL(text.events.size(), 1u);
    BOOST_TEST(text.events[0].lines[1].text == "SUMMARY:Weekly sync");
    BOOST_TEST(text.events[0].lines[1].line == 3);
    BOOST_TEST(text.events[0].begin_line == 2);
}

namespace {

std::string messages(const Diagnostics& d) {
    std::string all;
    for (const auto& item : d.all())
        all += item.to_string() + "\n";
    return all;
}

} // namespace

// Lines: 1 BEGIN:VCALENDAR, 2 BEGIN:VEVENT, 3 UID, 4 BEGIN:VALARM (never ended), 5 ACTION,
// 6 SUMMARY, 7 END:VEVENT, 8 END:VCALENDAR.
BOOST_AUTO_TEST_CASE(an_event_end_closes_what_was_left_open_inside_it) {
    Diagnostics d;
    auto text = split_calendar("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nBEGIN:VALARM\n"
                               "ACTION:DISPLAY\nSUMMARY:Kept\nEND:VEVENT\nEND:VCALENDAR\n",
                               "a.ics", d);
    BOOST_REQUIRE_EQUAL(text.events.size(), 1u);
    BOOST_TEST(d.skipped_events() == 0);
    BOOST_TEST(messages(d) ==
               "a.ics:7: BEGIN:VALARM on line 4 has no END:VALARM; closed by line 7\n");
    // The BEGIN:VALARM line is gone, so SUMMARY is the event's own again.
    std::vector<std::string> kept;
    for (const auto& l : text.events[0].lines)
        kept.push_back(l.text);
    BOOST_TEST(kept == (std::vector<std::string>{"BEGIN:VEVENT", "UID:a", "ACTION:DISPLAY",
                                                 "SUMMARY:Kept", "END:VEVENT"}),
               boost::test_tools::per_element());
}

// 1 BEGIN:VCALENDAR, 2 BEGIN:VEVENT, 3 UID, 4 END:VCALENDAR: the event may have been cut.
BOOST_AUTO_TEST_CASE(end_vcalendar_inside_an_event_skips_it) {
    Diagnostics d;
    auto text =
        split_calendar("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:cut\nEND:VCALENDAR\n", "a.ics", d);
    BOOST_TEST(text.events.empty());
    BOOST_TEST(d.skipped_events() == 1);
    BOOST_TEST(messages(d).starts_with(
        "a.ics:4: BEGIN:VEVENT on line 2 has no END:VEVENT (END:VCALENDAR comes first)"));
}

// 1 BEGIN:VCALENDAR, 2 BEGIN:X-A, 3 BEGIN:X-B, 4-6 an event, 7 END:VCALENDAR.
BOOST_AUTO_TEST_CASE(events_inside_unclosed_components_are_read_and_the_components_named) {
    Diagnostics d;
    auto text = split_calendar("BEGIN:VCALENDAR\nBEGIN:X-A\nBEGIN:X-B\nBEGIN:VEVENT\nUID:in\n"
                               "END:VEVENT\nEND:VCALENDAR\n",
                               "a.ics", d);
    BOOST_TEST(text.events.size() == 1u);
    BOOST_TEST(messages(d) ==
               "a.ics:4: BEGIN:VEVENT inside BEGIN:X-B of line 3, where RFC 5545 allows none; "
               "read anyway\n"
               "a.ics:7: BEGIN:X-A on line 2 has no END:X-A (nor does the X-B inside it, on line "
               "3); closed by END:VCALENDAR\n");
}

// Lines 1-4; the file ends without END:VCALENDAR, after a complete event.
BOOST_AUTO_TEST_CASE(a_calendar_without_its_end_is_reported_at_the_last_line) {
    Diagnostics d;
    auto text = split_calendar("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nEND:VEVENT\n", "a.ics", d);
    BOOST_TEST(text.events.size() == 1u);
    BOOST_TEST(messages(d) == "a.ics:4: BEGIN:VCALENDAR on line 1 has no END:VCALENDAR; the file "
                              "may have been cut short\n");
}

BOOST_AUTO_TEST_CASE(an_empty_file_is_reported) {
    Diagnostics d;
    split_calendar("", "a.ics", d);
    BOOST_TEST(messages(d) == "a.ics: the file is empty: no calendar in it\n");
}

// "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Müller\r\n..." in UTF-16 LE with a mark:
// read with its line numbers, ü intact, and one message on line 1.
BOOST_AUTO_TEST_CASE(a_utf16_file_is_read_with_its_line_numbers) {
    std::string utf8 = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:M\u00fcller\r\nEND:VEVENT\r\n"
                       "END:VCALENDAR\r\n";
    std::string utf16 = "\xFF\xFE";
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(utf8[i]);
        if (c == 0xC3) { // the two bytes of ü are the one unit 00FC
            utf16 += '\xFC';
            utf16 += '\0';
            ++i;
            continue;
        }
        utf16 += static_cast<char>(c);
        utf16 += '\0';
    }
    Diagnostics d;
    auto text = split_calendar(utf16, "a.ics", d);
    BOOST_REQUIRE_EQUAL(text.events.size(), 1u);
    BOOST_TEST(text.events[0].lines[1].text == "SUMMARY:M\u00fcller");
    BOOST_TEST(text.events[0].lines[1].line == 3);
    BOOST_TEST(messages(d) == "a.ics:1: the file is UTF-16 (little-endian), not the UTF-8 of RFC "
                              "5545 3.1.4; read as UTF-16\n");
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_replaced_and_reported_at_its_line) {
    Diagnostics d;
    auto text = split_calendar("BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:Caf\xE9\nEND:VEVENT\n"
                               "END:VCALENDAR\n",
                               "a.ics", d);
    BOOST_REQUIRE_EQUAL(text.events.size(), 1u);
    BOOST_TEST(text.events[0].lines[1].text == "SUMMARY:Caf\uFFFD");
    BOOST_TEST(messages(d) ==
               "a.ics:3: invalid UTF-8 in SUMMARY: 1 byte sequence replaced with U+FFFD\n");
}

// The stream is read in chunks of 1 MiB (content_lines.cpp). Line 2 pads the file so that the
// CR of line 3 is the last byte of the first chunk and its LF the first of the next; line 5 is
// folded, and its continuation is in the second chunk too. Lines: 1 BEGIN:VCALENDAR, 2 X-PAD,
// 3 BEGIN:VEVENT, 4 UID, 5-6 SUMMARY, 7 END:VEVENT, 8 END:VCALENDAR.
BOOST_AUTO_TEST_CASE(lines_across_chunk_boundaries_are_read_whole) {
    const std::size_t chunk = 1u << 20;
    std::string head = "BEGIN:VCALENDAR\r\nX-PAD:";
    std::string third = "\r\nBEGIN:VEVENT";
    std::string pad(chunk - head.size() - third.size() - 1, 'p');
    std::string text = head + pad + third +
                       "\r\nUID:x\r\nSUMMARY:Weekly\r\n  sync\r\nEND:VEVENT\r\n"
                       "END:VCALENDAR\r\n";
    BOOST_REQUIRE_EQUAL(text[chunk - 1], '\r');
    BOOST_REQUIRE_EQUAL(text[chunk], '\n');
    Diagnostics d;
    ViewStream in(text);
    ComponentStream stream(in, "a.ics", d);
    ComponentText event;
    BOOST_REQUIRE(stream.next(event));
    BOOST_TEST(messages(d) == "");
    BOOST_TEST(event.begin_line == 3);
    BOOST_REQUIRE_EQUAL(event.lines.size(), 4u);
    BOOST_TEST(event.lines[2].text == "SUMMARY:Weekly sync");
    BOOST_TEST(event.lines[2].line == 5);
    BOOST_TEST(!stream.next(event));
    BOOST_TEST(stream.bytes_read() == text.size());
    BOOST_REQUIRE_EQUAL(stream.calendar_properties().size(), 1u);
    BOOST_TEST(stream.calendar_properties()[0].text.size() == 6 + pad.size());
}

// A 6 MiB line (over the 4 MiB cap, spread over several chunks) is dropped and the lines
// after it are read: 1 BEGIN:VCALENDAR, 2 X-JUNK, 3-5 an event, 6 END:VCALENDAR.
BOOST_AUTO_TEST_CASE(an_overlong_line_is_dropped_without_losing_the_next) {
    std::string text = "BEGIN:VCALENDAR\nX-JUNK:" + std::string(6u << 20, 'j') +
                       "\nBEGIN:VEVENT\nUID:after\nEND:VEVENT\nEND:VCALENDAR\n";
    Diagnostics d;
    auto calendar = split_calendar(text, "a.ics", d);
    BOOST_REQUIRE_EQUAL(calendar.events.size(), 1u);
    BOOST_TEST(calendar.events[0].begin_line == 3);
    BOOST_TEST(messages(d) ==
               "a.ics:2: content line longer than 4 MiB dropped (property X-JUNK)\n");
}

BOOST_AUTO_TEST_CASE(property_names_are_upper_cased_up_to_the_first_semicolon_or_colon) {
    // RFC 5545 3.1: name *(";" param) ":" value; names are case-insensitive (2.1).
    for (std::string_view line : {"dtStart;TZID=Europe/Berlin:20261019T090000", "RRULE:FREQ=DAILY",
                                  "x-wr-calname:Team", "no colon at all", ":value only"}) {
        BOOST_TEST_CONTEXT(line) {
            BOOST_TEST(PropertyName(line).view() == property_name(line));
        }
    }
    BOOST_TEST(property_name("dtStart;TZID=Europe/Berlin:x") == "DTSTART");
    BOOST_TEST(property_name("no colon at all") == "NO COLON AT ALL");
    BOOST_TEST(property_name(":value only").empty());
    // PropertyName keeps 63 bytes of a longer name: longer than any it is compared with.
    std::string long_name(100, 'x');
    BOOST_TEST(PropertyName(long_name + ":v").view() == std::string(63, 'X'));
}

BOOST_AUTO_TEST_SUITE_END()
