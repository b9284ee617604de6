// SPDX-License-Identifier: MIT
#pragma once

#include <bit>
#include <cstddef>
#include <string_view>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/// Tests and searches on the ASCII bytes of content lines (RFC 5545 3.1), shared by the line
/// splitter and the pre-scan. Every line of every file goes through them, some twice, so the
/// searches compare sixteen bytes at once on x86-64 (SSE2) and go byte by byte elsewhere.
namespace busywork::ascii {

constexpr bool is_lower(char c) {
    return c >= 'a' && c <= 'z';
}

constexpr bool is_name_char(char c) {
    return (c >= 'A' && c <= 'Z') || is_lower(c) || (c >= '0' && c <= '9') || c == '-';
}

constexpr bool is_control(char c) {
    auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7F;
}

constexpr char upper(char c) {
    return is_lower(c) ? static_cast<char>(c - 'a' + 'A') : c;
}

/// The first byte from `from` that is one of `Wanted`, or npos.
template <char... Wanted>
std::size_t find_first(std::string_view text, std::size_t from) {
    const char* bytes = text.data();
    std::size_t at = from;
#if defined(__SSE2__)
    for (; at + 16 <= text.size(); at += 16) {
        const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + at));
        __m128i found = _mm_setzero_si128();
        ((found = _mm_or_si128(found, _mm_cmpeq_epi8(chunk, _mm_set1_epi8(Wanted)))), ...);
        if (const int mask = _mm_movemask_epi8(found); mask != 0)
            return at + static_cast<std::size_t>(std::countr_zero(static_cast<unsigned>(mask)));
    }
#endif
    for (; at < text.size(); ++at)
        if (((bytes[at] == Wanted) || ...))
            return at;
    return std::string_view::npos;
}

/// Where a content line's property name ends: at its first ';' or ':', else at its end.
inline std::size_t property_name_end(std::string_view line) {
    const std::size_t end = find_first<';', ':'>(line, 0);
    return end == std::string_view::npos ? line.size() : end;
}

/// How many bytes from the start of `text` are name characters (is_name_char).
inline std::size_t name_length(std::string_view text) {
    const char* bytes = text.data();
    std::size_t at = 0;
#if defined(__SSE2__)
    for (; at + 16 <= text.size(); at += 16) {
        const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + at));
        // Letters of either case as lower case; bytes from 0x80 on compare as negative, so
        // none of them falls in a range.
        const __m128i folded = _mm_or_si128(chunk, _mm_set1_epi8(0x20));
        auto in_range = [](__m128i v, char first, char last) {
            return _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(static_cast<char>(first - 1))),
                                 _mm_cmpgt_epi8(_mm_set1_epi8(static_cast<char>(last + 1)), v));
        };
        const __m128i name =
            _mm_or_si128(_mm_or_si128(in_range(folded, 'a', 'z'), in_range(chunk, '0', '9')),
                         _mm_cmpeq_epi8(chunk, _mm_set1_epi8('-')));
        const auto others = static_cast<unsigned>(~_mm_movemask_epi8(name)) & 0xFFFFu;
        if (others != 0)
            return at + static_cast<std::size_t>(std::countr_zero(others));
    }
#endif
    while (at < text.size() && is_name_char(bytes[at]))
        ++at;
    return at;
}

} // namespace busywork::ascii
