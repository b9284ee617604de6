// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace busywork {

/// RFC 5545 3.1.4 makes UTF-8 the character set of iCalendar; Windows tools still save UTF-16.
enum class Utf16Order { little_endian, big_endian };

/// The byte order when `bytes` look like UTF-16: a byte-order mark, or (without one) text whose
/// first characters are ASCII with every other byte NUL. Otherwise nothing.
std::optional<Utf16Order> detect_utf16(std::string_view bytes);

/// The UTF-8 form of UTF-16 `bytes` (a leading byte-order mark dropped); unpaired surrogates
/// and a trailing odd byte become U+FFFD.
std::string utf16_to_utf8(std::string_view bytes, Utf16Order order);

/// Replaces every ill-formed UTF-8 sequence of `text` (stray continuation bytes, overlong
/// forms, encoded surrogates, code points past U+10FFFF, cut sequences) with U+FFFD and
/// returns how many were replaced.
std::size_t repair_utf8(std::string& text);

/// True when repair_utf8 would replace nothing in `text`.
bool is_valid_utf8(std::string_view text);

} // namespace busywork
