// SPDX-License-Identifier: MIT
#include <boost/test/unit_test.hpp>
#include <busywork/content_lines.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

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

namespace {

// Everything a split gives, one item a line, so that two splits compare as text.
std::string dump(const CalendarText& text, const Diagnostics& d) {
    std::ostringstream out;
    for (const auto& l : text.calendar_properties)
        out << "calendar " << l.line << " " << l.text << "\n";
    for (const auto* list : {&text.timezones, &text.events})
        for (const auto& c : *list) {
            out << c.name << " from line " << c.begin_line << "\n";
            for (const auto& l : c.lines)
                out << "  " << l.line << " " << l.text << "\n";
        }
    out << messages(d) << d.summary() << "\n";
    return out.str();
}

// Calls `each` with every item ComponentStream::next(component, event) gives for `text`, and
// the event's bytes when it comes as them.
template <class Each>
void each_stream_item(std::string_view text, const std::string& name, Each each) {
    Diagnostics d;
    ViewStream in(text);
    ComponentStream stream(in, name, d);
    ComponentText component;
    EventBytes event;
    for (StreamItem item; (item = stream.next(component, event)) != StreamItem::end;)
        each(item, event);
}

// For each VEVENT of `text` handed over as bytes, whether plain_event_lines took it ('p') or
// left it to split_event_bytes ('s'). When it takes one, splitting must report nothing and
// give the same lines.
std::string check_plain_lines(std::string_view text, const std::string& name) {
    std::string taken;
    each_stream_item(text, name, [&](StreamItem item, const EventBytes& event) {
        if (item != StreamItem::event_bytes)
            return;
        std::vector<std::string_view> lines;
        std::string unfolded;
        bool plain = plain_event_lines(event, lines, unfolded);
        taken += plain ? 'p' : 's';
        if (!plain)
            return;
        Diagnostics splitting;
        ComponentText split = split_event_bytes(event, name, splitting);
        std::vector<std::string_view> split_lines;
        for (const auto& l : split.lines)
            split_lines.push_back(l.text);
        BOOST_TEST_CONTEXT(name << ", event from line " << event.begin_line) {
            BOOST_TEST(messages(splitting) == "");
            BOOST_TEST(lines == split_lines, boost::test_tools::per_element());
        }
    });
    return taken;
}

// The reading thread hands plain VEVENTs over as bytes, for a worker to split
// (ComponentStream::next(component, event)); split either way, a file must give the same
// lines, with the same numbers, and the same problems in the same order.
void check_both_splits_agree(std::string_view text, const std::string& name) {
    Diagnostics by_lines;
    Diagnostics by_events;
    std::string one_by_one = dump(split_calendar(text, name, by_lines), by_lines);
    std::string whole = dump(split_calendar_by_events(text, name, by_events), by_events);
    BOOST_TEST_CONTEXT(name) {
        BOOST_TEST(one_by_one == whole);
    }
    check_plain_lines(text, name);
}

// How each top-level VEVENT of `text` came: 'b' as bytes, 'c' as content lines.
std::string ways_events_come(const std::string& text) {
    std::string ways;
    each_stream_item(text, "a.ics", [&](StreamItem item, const EventBytes&) {
        ways += item == StreamItem::event_bytes ? 'b' : 'c';
    });
    return ways;
}

const char* const plain_event = "BEGIN:VEVENT\r\nUID:plain\r\nSUMMARY:Weekly\r\n  sync\r\n"
                                "BEGIN:VALARM\r\nACTION:DISPLAY\r\nEND:VALARM\r\nEND:VEVENT\r\n";

} // namespace

// Each case is read both ways; the comments say which way its VEVENT takes.
BOOST_AUTO_TEST_CASE(events_split_on_a_worker_match_the_one_by_one_split) {
    const std::string plain = plain_event;
    const char with_nul[] =
        "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nEND:VEV\0ENT\nEND:VEVENT\nEND:VCALENDAR\n";
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"plain, with an alarm and a folded line (bytes)",
         "BEGIN:VCALENDAR\r\n" + plain + plain + "END:VCALENDAR\r\n"},
        {"LF and CR-only line ends (bytes)",
         "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:lf\nEND:VEVENT\nBEGIN:VEVENT\rUID:cr\rEND:VEVENT\r"
         "END:VCALENDAR\n"},
        {"markers in lower case with trailing blanks (bytes)",
         "BEGIN:VCALENDAR\nbegin:vevent \nUID:a\nEnd:VEvent\t\nEND:VCALENDAR\n"},
        {"BEGIN:VEVENT inside an event: the first is unterminated (lines)",
         "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nBEGIN:VEVENT\nUID:b\nEND:VEVENT\nEND:VCALENDAR\n"},
        {"END:VCALENDAR inside an event (lines)",
         "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nEND:VCALENDAR\nEND:VEVENT\n"},
        {"BEGIN:VCALENDAR inside an event (lines)",
         "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nBEGIN:VCALENDAR\nEND:VEVENT\nEND:VCALENDAR\n"},
        {"a folded END:VEVENT (lines)",
         "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nEND:VEV\n ENT\nEND:VCALENDAR\n"},
        {"a folded BEGIN:VALARM, and the start of BEGIN: folded (lines)",
         "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nBEG\n IN:VALARM\nEND:VALARM\nBEGIN:VALA\n RM\n"
         "END:VALARM\nEND:VEVENT\nEND:VCALENDAR\n"},
        {"END:VEVENT continued by the next line (lines)",
         "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nEND:VEVENT\n X\nEND:VEVENT\nEND:VCALENDAR\n"},
        {"BEGIN:VEVENT continued by the next line (lines)",
         "BEGIN:VCALENDAR\nBEGIN:VEVENT\n X\nUID:a\nEND:VEVENT\nEND:VCALENDAR\n"},
        {"a NUL byte that makes a marker once removed (lines)",
         std::string(with_nul, sizeof with_nul - 1)},
        {"invalid UTF-8 and a line without a colon (bytes)",
         "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nSUMMARY:Caf\xE9\nno colon\nEND:VEVENT\n"
         "END:VCALENDAR\n"},
        {"subcomponents left open, and an END without BEGIN (bytes)",
         "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nBEGIN:VALARM\nBEGIN:X-A\nEND:X-B\nEND:VEVENT\n"
         "END:VCALENDAR\n"},
        {"unusual marker names (lines)",
         "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nBEGIN: VALARM\nEND:VALARM;X\nEND:VEVENT\n"
         "END:VCALENDAR\n"},
        {"blank and white-space lines, and a continuation after a blank line (bytes)",
         "BEGIN:VCALENDAR\n\nBEGIN:VEVENT\n\nUID:a\n   \n\n cont\nEND:VEVENT\n\nEND:VCALENDAR\n"},
        {"the file ends in the event, and without a line end (lines)",
         "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nEND:VEVENT"},
        {"the file ends on BEGIN:VEVENT (lines)", "BEGIN:VCALENDAR\nBEGIN:VEVENT\n"},
        {"an event inside another component (lines)",
         "BEGIN:VCALENDAR\nBEGIN:X-WRAP\nBEGIN:VEVENT\nUID:a\nEND:VEVENT\nEND:X-WRAP\n"
         "END:VCALENDAR\n"},
        {"an event outside the VCALENDAR (lines)",
         "BEGIN:VEVENT\nUID:a\nEND:VEVENT\nBEGIN:VCALENDAR\nEND:VCALENDAR\n"},
        {"no END:VCALENDAR after the last event (bytes)",
         "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nEND:VEVENT\n"},
        {"a time zone, calendar properties between events (bytes)",
         "BEGIN:VCALENDAR\nX-WR-CALNAME:x\nBEGIN:VTIMEZONE\nTZID:Z\nEND:VTIMEZONE\n" + plain +
             "X-LATE:y\n" + plain + "END:VCALENDAR\n"},
        {"an event of 1.5 MiB (lines)",
         "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:big\nDESCRIPTION:" + std::string(3u << 19, 'd') +
             "\nEND:VEVENT\nEND:VCALENDAR\n"},
        {"a 5 MiB line in an event (lines)",
         "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:big\nX-JUNK:" + std::string(5u << 20, 'j') +
             "\nEND:VEVENT\nEND:VCALENDAR\n"},
    };
    for (const auto& [name, text] : cases)
        check_both_splits_agree(text, name);
    // Which way they came, so that the comparison above compares the two ways.
    BOOST_TEST(ways_events_come(cases[0].second) == "bb");
    BOOST_TEST(ways_events_come(cases[1].second) == "bb");
    BOOST_TEST(ways_events_come(cases[2].second) == "b");
    BOOST_TEST(ways_events_come(cases[3].second) == "c"); // the first is left out
    BOOST_TEST(ways_events_come(cases[6].second) == "c");
    BOOST_TEST(ways_events_come(cases[10].second) == "c");
    BOOST_TEST(ways_events_come(cases[11].second) == "b");
    BOOST_TEST(ways_events_come(cases[13].second) == "c");
    BOOST_TEST(ways_events_come(cases[14].second) == "b");
    BOOST_TEST(ways_events_come(cases[20].second) == "cbb"); // the VTIMEZONE, then the events
    BOOST_TEST(ways_events_come(cases[21].second) == "c");
    // Which of those plain_event_lines reads without splitting: only what splits without a
    // problem and is written plainly.
    BOOST_TEST(check_plain_lines(cases[0].second, "") == "pp"); // a fold and an alarm
    BOOST_TEST(check_plain_lines(cases[1].second, "") == "ps"); // LF; a CR alone
    BOOST_TEST(check_plain_lines(cases[2].second, "") == "s");  // markers in lower case
    BOOST_TEST(check_plain_lines(cases[11].second, "") == "s"); // invalid UTF-8
    BOOST_TEST(check_plain_lines(cases[12].second, "") == "s"); // left open
    BOOST_TEST(check_plain_lines(cases[14].second, "") == "s"); // continues a blank line
    BOOST_TEST(check_plain_lines(cases[19].second, "") == "p");
    BOOST_TEST(check_plain_lines(cases[20].second, "") == "pp");
}

// Each of these splits with a problem, or is written in a way plain_event_lines leaves to
// split_event_bytes; the unchanged event is read without splitting.
BOOST_AUTO_TEST_CASE(plain_event_lines_takes_only_events_that_split_without_a_problem) {
    auto taken = [](const std::string& body) {
        return check_plain_lines(
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n" + body + "END:VEVENT\r\nEND:VCALENDAR\r\n", body);
    };
    BOOST_TEST(taken("UID:a\r\nSUMMARY:Caf\xC3\xA9\r\n  \xC3\xA9t\xC3\xA9\r\n\r\n") == "p");
    BOOST_TEST(taken("UID:a\r\nSUMMARY:Caf\xC3\r\n \xA9\r\n") == "s"); // cut by a fold
    BOOST_TEST(taken("UID:a\r\nno colon\r\n") == "s");
    BOOST_TEST(taken("UID;;X=1:a\r\n") == "s");                 // empty parameter, read anyway
    BOOST_TEST(taken("UID:a\r\nSUMMARY;X=\"a:b:c\r\n") == "s"); // unbalanced quote
    BOOST_TEST(taken("UID:a\r\nS\xC3\xA9:x\r\n") == "s");       // not a property name
    BOOST_TEST(taken("UID:a\r\nBEGIN:VALARM\r\nEND:VALARM\r\n") == "p");
    BOOST_TEST(taken("UID:a\r\nBEGIN:VALARM\r\nEND:X-OTHER\r\nEND:VALARM\r\n") == "s");
    BOOST_TEST(taken("UID:a\r\nBEGIN:VALARM\r\nEND:Valarm\r\n") == "s");
    BOOST_TEST(taken("UID:a\r\nBEGIN:VALARM\r\n") == "s"); // left open
    BOOST_TEST(taken("UID:a\r\nBEGIN:X-A\r\nBEGIN:X-B\r\nEND:X-B\r\nEND:X-A\r\n") == "p");
    BOOST_TEST(taken("UID:a\r\nBEGIN:\r\n") == "p"); // not a marker: no name
    BOOST_TEST(taken("UID:a\rX-B:b\r\n") == "s");    // a CR alone ends a line
    // Line ends are looked for sixteen bytes at a time: at every place in the first blocks,
    // a CRLF and an LF end the line, and a CR alone leaves the event to split_event_bytes.
    for (std::size_t length = 0; length < 40; ++length) {
        std::string value(length, 'v');
        BOOST_TEST_CONTEXT("value of " << length << " bytes") {
            BOOST_TEST(taken("UID:a\r\nX-P:" + value + "\r\nX-Q:q\r\n") == "p");
            BOOST_TEST(taken("UID:a\r\nX-P:" + value + "\nX-Q:q\n") == "p");
            BOOST_TEST(taken("UID:a\r\nX-P:" + value + "\rX-Q:q\r\n") == "s");
            BOOST_TEST(taken("UID:a\r\nX-P:" + value + "\r\r\nX-Q:q\r\n") == "s");
        }
    }
}

// The reading thread reads a megabyte at a time: an event is handed over whole wherever the
// chunk ends in it, in a CRLF or in a folded line.
BOOST_AUTO_TEST_CASE(events_split_on_a_worker_match_across_chunk_ends) {
    const std::size_t chunk = 1u << 20;
    const std::string head = "BEGIN:VCALENDAR\r\nX-PAD:";
    const std::string event = plain_event;
    for (std::size_t at = 0; at <= event.size() + 2; ++at) {
        // The first chunk ends `at` bytes into the first event.
        std::string pad(chunk - head.size() - 2 - std::min(at, chunk), 'p');
        std::string text = head + pad + "\r\n" + event + event + "END:VCALENDAR\r\n";
        check_both_splits_agree(text, "chunk end " + std::to_string(at) + " bytes into it");
        BOOST_TEST(ways_events_come(text) == "bb");
    }
}

BOOST_AUTO_TEST_CASE(events_split_on_a_worker_match_for_every_test_and_corpus_file) {
    namespace fs = std::filesystem;
    std::size_t files = 0;
    for (const std::string& folder : {std::string(BUSYWORK_CORPUS_DIR) + "/ics",
                                      std::string(BUSYWORK_SOURCE_DIR) + "/tests/bad_input",
                                      std::string(BUSYWORK_SOURCE_DIR) + "/samples"}) {
        if (!fs::is_directory(folder))
            continue; // the corpus is beside the project, and may be missing
        for (const auto& entry : fs::recursive_directory_iterator(folder)) {
            if (entry.path().extension() != ".ics")
                continue;
            std::ifstream in(entry.path(), std::ios::binary);
            std::string text((std::istreambuf_iterator<char>(in)), {});
            check_both_splits_agree(text, entry.path().string());
            ++files;
        }
    }
    BOOST_TEST(files > 90u);
}

// RFC 5545 3.1 by example, then every line of up to seven characters from the letters that
// matter to the structure, where is_well_formed (one pass) must agree with
// content_line_problem (the three passes it stands in for).
BOOST_AUTO_TEST_CASE(is_well_formed_agrees_with_content_line_problem) {
    BOOST_TEST(content_line_problem("DTSTART;TZID=Europe/Berlin:20261201T090000").empty());
    BOOST_TEST(content_line_problem("ATTENDEE;CN=\"Doe; Jane\":mailto:j@x.de").empty());
    BOOST_TEST(content_line_problem("X-A;P=\"a:b\":v").empty()); // a colon quoted
    BOOST_TEST(content_line_problem("SUMMARY") == "not a content line (no ':')");
    BOOST_TEST(content_line_problem("X;P=\"a:b") == "unbalanced quote in parameters");
    BOOST_TEST(content_line_problem(":v") == "content line without a property name");
    BOOST_TEST(content_line_problem("DT START:v") == "invalid character in property name");
    BOOST_TEST(content_line_problem("X;;P=a:v") == "empty parameter");
    BOOST_TEST(content_line_problem("X;:v") == "empty parameter");
    BOOST_TEST(content_line_problem("X;P=\";;\":v") == "empty parameter"); // as written
    BOOST_TEST(content_line_problem("X;P=a;:v").empty()); // only `;` alone is empty

    const std::string letters = "Aa-;:\"= ,";
    std::size_t lines = 0;
    std::size_t well_formed = 0;
    std::string line;
    auto check = [&](auto& self, std::size_t length) -> void {
        ++lines;
        bool expected = content_line_problem(line).empty();
        well_formed += expected;
        if (is_well_formed(line) != expected)
            BOOST_ERROR("is_well_formed(\"" << line << "\") is " << !expected);
        if (length == 7)
            return;
        for (char c : letters) {
            line.push_back(c);
            self(self, length + 1);
            line.pop_back();
        }
    };
    check(check, 0);
    BOOST_TEST(lines == 5380840u); // 9^0 + 9^1 + ... + 9^7
    BOOST_TEST(well_formed > 0u);
}

BOOST_AUTO_TEST_SUITE_END()
