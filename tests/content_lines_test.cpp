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

BOOST_AUTO_TEST_SUITE_END()
