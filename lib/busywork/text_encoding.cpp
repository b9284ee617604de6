// SPDX-License-Identifier: MIT
#include <algorithm>
#include <busywork/text_encoding.hpp>
#include <cstdint>
#include <cstring>
#include <unicode/utf8.h>

namespace busywork {
namespace {

constexpr std::string_view replacement_character = "\xEF\xBF\xBD";

void append_utf8(std::string& out, char32_t c) {
    auto byte = [&out](char32_t b) { out += static_cast<char>(static_cast<unsigned char>(b)); };
    if (c < 0x80) {
        byte(c);
    } else if (c < 0x800) {
        byte(0xC0 | c >> 6);
        byte(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        byte(0xE0 | c >> 12);
        byte(0x80 | (c >> 6 & 0x3F));
        byte(0x80 | (c & 0x3F));
    } else {
        byte(0xF0 | c >> 18);
        byte(0x80 | (c >> 12 & 0x3F));
        byte(0x80 | (c >> 6 & 0x3F));
        byte(0x80 | (c & 0x3F));
    }
}

} // namespace

std::optional<Utf16Order> detect_utf16(std::string_view bytes) {
    if (bytes.starts_with("\xFF\xFE"))
        return Utf16Order::little_endian;
    if (bytes.starts_with("\xFE\xFF"))
        return Utf16Order::big_endian;
    // "BEGIN" without a mark: four characters are enough, as no UTF-8 text of a calendar has
    // NUL bytes in every other position.
    if (bytes.size() < 8)
        return std::nullopt;
    bool even_nul = true;
    bool odd_nul = true;
    for (std::size_t i = 0; i < 8; ++i) {
        bool nul = bytes[i] == '\0';
        bool printable = static_cast<unsigned char>(bytes[i]) >= 0x09 &&
                         static_cast<unsigned char>(bytes[i]) < 0x80;
        if (i % 2 == 0) {
            even_nul = even_nul && nul;
            odd_nul = odd_nul && printable;
        } else {
            odd_nul = odd_nul && nul;
            even_nul = even_nul && printable;
        }
    }
    if (odd_nul)
        return Utf16Order::little_endian;
    if (even_nul)
        return Utf16Order::big_endian;
    return std::nullopt;
}

std::string utf16_to_utf8(std::string_view bytes, Utf16Order order) {
    const std::size_t units = bytes.size() / 2;
    auto unit = [&](std::size_t i) -> char16_t {
        auto hi =
            static_cast<unsigned char>(bytes[2 * i + (order == Utf16Order::big_endian ? 0 : 1)]);
        auto lo =
            static_cast<unsigned char>(bytes[2 * i + (order == Utf16Order::big_endian ? 1 : 0)]);
        return static_cast<char16_t>(hi << 8 | lo);
    };
    std::string out;
    out.reserve(units + units / 2);
    std::size_t i = 0;
    if (units > 0 && unit(0) == 0xFEFF)
        i = 1;
    while (i < units) {
        char32_t c = unit(i++);
        bool lead = c >= 0xD800 && c <= 0xDBFF;
        bool trail_follows = i < units && unit(i) >= 0xDC00 && unit(i) <= 0xDFFF;
        if (lead && trail_follows)
            c = 0x10000 + ((c - 0xD800) << 10) + (unit(i++) - 0xDC00);
        else if (c >= 0xD800 && c <= 0xDFFF)
            c = 0xFFFD;
        append_utf8(out, c);
    }
    if (bytes.size() % 2)
        out += replacement_character;
    return out;
}

bool is_valid_utf8(std::string_view text) {
    // ASCII 32 or eight bytes at a time, and only the rest of a word with a non-ASCII byte
    // decoded: a whole event is checked at once, and a name with an umlaut should not make
    // all of it go byte by byte.
    constexpr std::uint64_t high_bits = 0x8080808080808080ULL;
    const auto* data = reinterpret_cast<const uint8_t*>(text.data());
    const auto length = static_cast<int32_t>(text.size());
    int32_t offset = 0;
    while (offset < length) {
        if (offset + 32 <= length) {
            std::uint64_t words[4];
            std::memcpy(words, data + offset, sizeof words);
            if (((words[0] | words[1] | words[2] | words[3]) & high_bits) == 0) {
                offset += 32;
                continue;
            }
        }
        if (offset + 8 <= length) {
            std::uint64_t word;
            std::memcpy(&word, data + offset, sizeof word);
            if ((word & high_bits) == 0) {
                offset += 8;
                continue;
            }
        }
        int32_t word_end = std::min(offset + 8, length);
        while (offset < word_end) {
            UChar32 c = 0;
            U8_NEXT(data, offset, length, c);
            if (c < 0)
                return false;
        }
    }
    return true;
}

std::size_t repair_utf8(std::string& text) {
    if (is_valid_utf8(text))
        return 0;
    std::string repaired;
    repaired.reserve(text.size());
    std::size_t replaced = 0;
    const auto* data = reinterpret_cast<const uint8_t*>(text.data());
    const auto length = static_cast<int32_t>(text.size());
    int32_t offset = 0;
    while (offset < length) {
        int32_t start = offset;
        UChar32 c = 0;
        U8_NEXT(data, offset, length, c);
        if (c < 0) {
            repaired += replacement_character;
            ++replaced;
        } else {
            repaired.append(text, static_cast<std::size_t>(start),
                            static_cast<std::size_t>(offset - start));
        }
    }
    if (replaced)
        text = std::move(repaired);
    return replaced;
}

} // namespace busywork
