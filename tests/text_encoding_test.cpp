// SPDX-License-Identifier: MIT
// UTF-16 detection and conversion, and UTF-8 repair. Expected bytes are written out from the
// Unicode code charts: ü is U+00FC (UTF-8 C3 BC, UTF-16 00FC), 😀 is U+1F600 (UTF-8 F0 9F 98
// 80, UTF-16 surrogates D83D DE00), U+FFFD is EF BF BD in UTF-8.
#include <boost/test/unit_test.hpp>
#include <busywork/text_encoding.hpp>
#include <string>
#include <vector>

using namespace busywork;
using namespace std::string_literals;

BOOST_AUTO_TEST_SUITE(text_encoding)

BOOST_AUTO_TEST_CASE(byte_order_marks_and_nul_patterns_reveal_utf16) {
    BOOST_TEST((detect_utf16("\xFF\xFE"
                             "B\0E\0"s) == Utf16Order::little_endian));
    BOOST_TEST((detect_utf16("\xFE\xFF\0B\0E"s) == Utf16Order::big_endian));
    BOOST_TEST((detect_utf16("B\0E\0G\0I\0N\0"s) == Utf16Order::little_endian));
    BOOST_TEST((detect_utf16("\0B\0E\0G\0I\0N"s) == Utf16Order::big_endian));
    BOOST_TEST(!detect_utf16("BEGIN:VCALENDAR"));
    // UTF-8 with its own mark, and a few NUL bytes in UTF-8 text, are not UTF-16.
    BOOST_TEST(!detect_utf16("\xEF\xBB\xBF"
                             "BEGIN:VCALENDAR"));
    BOOST_TEST(!detect_utf16("BEGIN:\0\0VCALENDAR"s));
    BOOST_TEST(!detect_utf16("B\0E\0"s)); // too short to tell
}

BOOST_AUTO_TEST_CASE(utf16_becomes_utf8_with_the_mark_dropped) {
    BOOST_TEST(utf16_to_utf8("\xFF\xFE"
                             "M\0\xFC\0l\0"s,
                             Utf16Order::little_endian) == "M\xC3\xBCl");
    BOOST_TEST(utf16_to_utf8("\xFE\xFF\0M\0\xFC\0l"s, Utf16Order::big_endian) == "M\xC3\xBCl");
    // A surrogate pair is one code point of four UTF-8 bytes; CRLF stays CRLF.
    BOOST_TEST(utf16_to_utf8("\x3D\xD8\x00\xDE\r\0\n\0"s, Utf16Order::little_endian) ==
               "\xF0\x9F\x98\x80\r\n");
}

BOOST_AUTO_TEST_CASE(broken_utf16_becomes_replacement_characters) {
    // A lone high surrogate, a lone low surrogate, and a last odd byte: three U+FFFD.
    BOOST_TEST(utf16_to_utf8("\x3D\xD8"
                             "A\0\x00\xDE"
                             "B"s,
                             Utf16Order::little_endian) == "\xEF\xBF\xBD"
                                                           "A\xEF\xBF\xBD\xEF\xBF\xBD");
}

BOOST_AUTO_TEST_CASE(valid_utf8_is_left_alone) {
    std::string text = "Kundentermin M\xC3\xBCller \xF0\x9F\x98\x80";
    BOOST_TEST(repair_utf8(text) == 0u);
    BOOST_TEST(text == "Kundentermin M\xC3\xBCller \xF0\x9F\x98\x80");
}

BOOST_AUTO_TEST_CASE(each_ill_formed_sequence_becomes_one_replacement_character) {
    // Latin-1 "Café Müller": E9 and FC are lead bytes without continuation.
    std::string latin1 = "Caf\xE9 M\xFCller";
    BOOST_TEST(repair_utf8(latin1) == 2u);
    BOOST_TEST(latin1 == "Caf\xEF\xBF\xBD M\xEF\xBF\xBDller");
    // An encoded surrogate (ED A0 80), a stray continuation byte, and a cut sequence at the end.
    std::string surrogate = "a\xED\xA0\x80z";
    BOOST_TEST(repair_utf8(surrogate) >= 1u);
    BOOST_TEST(surrogate.find("\xED") == std::string::npos);
    std::string stray = "a\x80z";
    BOOST_TEST(repair_utf8(stray) == 1u);
    BOOST_TEST(stray == "a\xEF\xBF\xBDz");
    std::string cut = "M\xC3";
    BOOST_TEST(repair_utf8(cut) == 1u);
    BOOST_TEST(cut == "M\xEF\xBF\xBD");
    // The overlong form C0 AF of '/' must not come back as '/'.
    std::string overlong = "a\xC0\xAFz";
    BOOST_TEST(repair_utf8(overlong) >= 1u);
    BOOST_TEST(overlong.find('/') == std::string::npos);
}

// is_valid_utf8 skips ASCII 32 or eight bytes at a time and decodes from the first non-ASCII
// byte: each sequence below is put at every offset around the first 32-byte blocks and the
// eight-byte words in them, so that it starts, crosses and ends on every edge, and the
// answer must be repair_utf8's.
BOOST_AUTO_TEST_CASE(is_valid_utf8_agrees_with_repair_utf8_at_every_offset) {
    const std::vector<std::pair<std::string, bool>> sequences = {
        {"\xC3\xA9", true},          // U+00E9
        {"\xE2\x82\xAC", true},      // U+20AC
        {"\xF0\x9F\x93\x85", true},  // U+1F4C5
        {"\xA9", false},             // a continuation byte alone
        {"\xC3", false},             // cut short
        {"\xC0\xAF", false},         // overlong '/'
        {"\xED\xA0\x80", false},     // an encoded surrogate
        {"\xF4\x90\x80\x80", false}, // past U+10FFFF
        {"\xF0\x9F\x93", false},     // cut short
    };
    for (const auto& [sequence, valid] : sequences)
        for (std::size_t before = 0; before <= 70; ++before)
            for (std::size_t after : {0u, 1u, 5u, 9u, 31u, 40u}) {
                std::string text = std::string(before, 'a') + sequence + std::string(after, 'b');
                std::string copy = text;
                BOOST_TEST_CONTEXT("after " << before << " ASCII bytes, then " << after) {
                    BOOST_TEST(is_valid_utf8(text) == valid);
                    BOOST_TEST(is_valid_utf8(text) == (repair_utf8(copy) == 0));
                }
            }
    BOOST_TEST(is_valid_utf8(""));
    BOOST_TEST(is_valid_utf8("plain ASCII, longer than one word"));
}

BOOST_AUTO_TEST_SUITE_END()
