// SPDX-License-Identifier: MIT
// The searches of ascii_bytes.hpp compare sixteen bytes at a time where they can: every byte
// value, at every place in lines long enough for two blocks and a rest, must give what a loop
// over the bytes gives.
#include <boost/test/unit_test.hpp>
#include <busywork/ascii_bytes.hpp>
#include <string>

using namespace busywork;

namespace {

std::size_t name_length_by_bytes(std::string_view text) {
    std::size_t n = 0;
    while (n < text.size() && ascii::is_name_char(text[n]))
        ++n;
    return n;
}

std::size_t first_colon_or_semicolon_by_bytes(std::string_view text, std::size_t from) {
    for (std::size_t i = from; i < text.size(); ++i)
        if (text[i] == ':' || text[i] == ';')
            return i;
    return std::string_view::npos;
}

} // namespace

BOOST_AUTO_TEST_SUITE(ascii_bytes)

BOOST_AUTO_TEST_CASE(is_name_char_takes_letters_digits_and_the_hyphen_only) {
    std::string taken;
    for (int c = 0; c < 256; ++c)
        if (ascii::is_name_char(static_cast<char>(c)))
            taken += static_cast<char>(c);
    BOOST_TEST(taken == "-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
}

BOOST_AUTO_TEST_CASE(searches_agree_with_a_loop_over_the_bytes_for_every_byte_and_place) {
    std::size_t disagreements = 0;
    std::size_t compared = 0;
    // Name characters of both cases and digits around the byte under test, as in a line.
    std::string filler;
    while (filler.size() < 40)
        filler += "X-Ab9-zZ0aQ-mM5";
    for (std::size_t length = 1; length <= 40; ++length) {
        for (std::size_t at = 0; at < length; ++at) {
            for (int c = 0; c < 256; ++c) {
                std::string line = filler.substr(0, length);
                line[at] = static_cast<char>(c);
                const std::string_view view = line;
                ++compared;
                if (ascii::name_length(view) != name_length_by_bytes(view))
                    ++disagreements;
                for (std::size_t from : {std::size_t{0}, at / 2, at})
                    if (ascii::find_first<';', ':'>(view, from) !=
                        first_colon_or_semicolon_by_bytes(view, from))
                        ++disagreements;
            }
        }
    }
    BOOST_TEST(compared == 40u * 41u / 2u * 256u);
    BOOST_TEST(disagreements == 0u);
}

BOOST_AUTO_TEST_CASE(find_first_finds_the_earliest_of_several_bytes_past_a_block) {
    const std::string line = std::string(20, 'a') + "\"" + std::string(3, 'b') + ":x;y";
    BOOST_TEST((ascii::find_first<'"', ':', ';'>(line, 0) == 20u));
    BOOST_TEST((ascii::find_first<'"', ':', ';'>(line, 21) == 24u));
    BOOST_TEST((ascii::find_first<';'>(line, 0) == 26u));
    BOOST_TEST((ascii::find_first<'\r', '\n'>(line, 0) == std::string_view::npos));
    BOOST_TEST(ascii::name_length(std::string(33, 'Q')) == 33u);
    BOOST_TEST(ascii::name_length("") == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
