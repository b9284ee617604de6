// SPDX-License-Identifier: MIT
#include <boost/test/unit_test.hpp>
#include <busywork/text_safety.hpp>

using namespace busywork;

BOOST_AUTO_TEST_SUITE(text_safety)

BOOST_AUTO_TEST_CASE(csv_fields_are_quoted_per_rfc_4180_and_formulas_neutralised) {
    BOOST_TEST(csv_field("Weekly sync") == "Weekly sync");
    BOOST_TEST(csv_field("Sync, weekly") == "\"Sync, weekly\"");
    BOOST_TEST(csv_field("Say \"hi\"") == "\"Say \"\"hi\"\"\"");
    BOOST_TEST(csv_field("two\nlines") == "\"two\nlines\"");
    // OWASP CSV injection: =, +, -, @, tab and CR at the start get a leading quote mark.
    BOOST_TEST(csv_field("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"");
    BOOST_TEST(csv_field("+1") == "'+1");
    BOOST_TEST(csv_field("@SUM(A1)") == "'@SUM(A1)");
}

BOOST_AUTO_TEST_CASE(terminal_text_loses_control_sequences_and_invalid_utf8) {
    // ESC[2J (clear screen) and an OSC 52 clipboard write lose their ESC and BEL.
    BOOST_TEST(single_line_text("a\x1b[2Jb") == "a\xEF\xBF\xBD[2Jb");
    BOOST_TEST(single_line_text("x\x1b]52;c;ZXZpbA==\x07y") ==
               "x\xEF\xBF\xBD]52;c;ZXZpbA==\xEF\xBF\xBDy");
    BOOST_TEST(single_line_text("line\r\nbreak\ttab") == "line break tab");
    BOOST_TEST(single_line_text("K\xC3\xB8") == "K\xC3\xB8");       // ø stays
    BOOST_TEST(single_line_text("bad\xC3") == "bad\xEF\xBF\xBD");   // truncated sequence
    BOOST_TEST(single_line_text("c1\xC2\x9B") == "c1\xEF\xBF\xBD"); // C1 CSI
}

BOOST_AUTO_TEST_SUITE_END()
