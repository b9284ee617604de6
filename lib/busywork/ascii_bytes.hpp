// SPDX-License-Identifier: MIT
#pragma once

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
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

namespace detail {
#if defined(__SSE2__)
// The bytes of `chunk` from `first` to `last`; bytes from 0x80 on compare as negative, so none
// of them falls in a range.
inline __m128i in_range(__m128i chunk, char first, char last) {
    return _mm_and_si128(_mm_cmpgt_epi8(chunk, _mm_set1_epi8(static_cast<char>(first - 1))),
                         _mm_cmpgt_epi8(_mm_set1_epi8(static_cast<char>(last + 1)), chunk));
}
#endif

// How many bytes from the start of `text` are name characters, with or without lower case.
template <bool lower_too>
std::size_t name_length(std::string_view text) {
    const char* bytes = text.data();
    std::size_t at = 0;
#if defined(__SSE2__)
    for (; at + 16 <= text.size(); at += 16) {
        const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + at));
        // Letters of either case as lower case, when both are wanted.
        const __m128i letters = lower_too
                                    ? in_range(_mm_or_si128(chunk, _mm_set1_epi8(0x20)), 'a', 'z')
                                    : in_range(chunk, 'A', 'Z');
        const __m128i name = _mm_or_si128(_mm_or_si128(letters, in_range(chunk, '0', '9')),
                                          _mm_cmpeq_epi8(chunk, _mm_set1_epi8('-')));
        const auto others = static_cast<unsigned>(~_mm_movemask_epi8(name)) & 0xFFFFu;
        if (others != 0)
            return at + static_cast<std::size_t>(std::countr_zero(others));
    }
#endif
    while (at < text.size() && is_name_char(bytes[at]) && (lower_too || !is_lower(bytes[at])))
        ++at;
    return at;
}
} // namespace detail

/// How many bytes from the start of `text` are name characters (is_name_char).
inline std::size_t name_length(std::string_view text) {
    return detail::name_length<true>(text);
}

/// How many bytes from the start of `text` are name characters other than lower-case letters.
inline std::size_t upper_name_length(std::string_view text) {
    return detail::name_length<false>(text);
}

/// Whether `name` is not empty and only of upper-case letters, digits and '-', as the names of
/// components in plain BEGIN and END lines are.
inline bool is_upper_name(std::string_view name) {
    return !name.empty() && upper_name_length(name) == name.size();
}

/// The CR and LF bytes of a text, in order, found sixty-four bytes at a time: for going through
/// every line end of a whole event, where find_first would start over for each line.
class LineEnds {
public:
    explicit LineEnds(std::string_view text) : m_text(text) {}

    /// The first CR or LF at or after `from`, or npos.
    std::size_t next(std::size_t from) {
        while (from < m_text.size()) {
            const std::size_t block = from & ~std::size_t{63};
            if (block != m_block) {
                m_mask = mask_of(block);
                m_block = block;
            }
            const std::uint64_t ahead = m_mask & (~std::uint64_t{0} << (from - block));
            if (ahead != 0)
                return block + static_cast<std::size_t>(std::countr_zero(ahead));
            from = block + 64;
        }
        return std::string_view::npos;
    }

private:
    // Bit i for a CR or LF at block + i.
    std::uint64_t mask_of(std::size_t block) const {
        const char* bytes = m_text.data() + block;
        std::uint64_t mask = 0;
#if defined(__SSE2__)
        if (block + 64 <= m_text.size()) {
            for (int part = 0; part < 4; ++part) {
                const __m128i chunk =
                    _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + 16 * part));
                const __m128i ends = _mm_or_si128(_mm_cmpeq_epi8(chunk, _mm_set1_epi8('\r')),
                                                  _mm_cmpeq_epi8(chunk, _mm_set1_epi8('\n')));
                mask |= static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(ends)) &
                                                   0xFFFFu)
                        << (16 * part);
            }
            return mask;
        }
#endif
        const std::size_t count = std::min<std::size_t>(64, m_text.size() - block);
        for (std::size_t i = 0; i < count; ++i)
            if (bytes[i] == '\r' || bytes[i] == '\n')
                mask |= std::uint64_t{1} << i;
        return mask;
    }

    std::string_view m_text;
    std::size_t m_block = std::string_view::npos;
    std::uint64_t m_mask = 0;
};

} // namespace busywork::ascii
