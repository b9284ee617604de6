// SPDX-License-Identifier: MIT
#include <algorithm>
#include <busywork/text_safety.hpp>

namespace busywork {
namespace {

// Length of the valid UTF-8 sequence at `i`, or 0.
std::size_t utf8_length(std::string_view s, std::size_t i) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = byte(i);
    std::size_t n = c < 0x80           ? 1
                    : (c >> 5) == 0x6  ? 2
                    : (c >> 4) == 0xE  ? 3
                    : (c >> 3) == 0x1E ? 4
                                       : 0;
    if (n == 0 || i + n > s.size())
        return 0;
    for (std::size_t k = 1; k < n; ++k)
        if ((byte(i + k) & 0xC0) != 0x80)
            return 0;
    if (n == 2 && c < 0xC2)
        return 0;
    if (n == 3) {
        unsigned char c1 = byte(i + 1);
        if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0))
            return 0;
    }
    if (n == 4) {
        unsigned char c1 = byte(i + 1);
        if ((c == 0xF0 && c1 < 0x90) || c > 0xF4 || (c == 0xF4 && c1 >= 0x90))
            return 0;
    }
    return n;
}

} // namespace

std::string single_line_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        std::size_t n = utf8_length(text, i);
        if (n == 0) {
            out += "\xEF\xBF\xBD"; // U+FFFD
            ++i;
            continue;
        }
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (n == 1 && (c == '\r' || c == '\n' || c == '\t')) {
            if (c == '\n' && !out.empty() && out.back() == ' ' && i > 0 && text[i - 1] == '\r')
                ; // CRLF is one space
            else
                out += ' ';
        } else if (n == 1 && (c < 0x20 || c == 0x7F)) {
            out += "\xEF\xBF\xBD";
        } else if (n == 2 && c == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0) {
            out += "\xEF\xBF\xBD"; // C1 controls U+0080..U+009F
        } else {
            out.append(text.substr(i, n));
        }
        i += n;
    }
    return out;
}

std::string csv_plain_field(std::string_view text) {
    if (text.find_first_of(",\"\r\n") == std::string_view::npos)
        return std::string(text);
    std::string out = "\"";
    for (char c : text) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + "\"";
}

std::string csv_field(std::string_view text) {
    if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos)
        return csv_plain_field(std::string(1, '\'').append(text));
    return csv_plain_field(text);
}

std::size_t display_columns(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

} // namespace busywork
