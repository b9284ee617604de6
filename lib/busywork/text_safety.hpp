// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

namespace busywork {

/// Event text made safe for one line of a terminal or log: C0 and C1 control characters
/// (ESC, so no escape sequence survives), DEL and invalid UTF-8 are replaced; CR, LF and tab
/// become a space.
std::string single_line_text(std::string_view text);

/// Display width of UTF-8 text for aligning columns, counting each code point as one column.
std::size_t display_columns(std::string_view text);

/// A CSV field per RFC 4180, quoted when needed. A field that a spreadsheet would evaluate
/// (starting with `=`, `+`, `-`, `@`, tab or CR, OWASP's list) gets a leading `'`.
std::string csv_field(std::string_view text);

/// The field as is, per RFC 4180, for values busywork makes itself (times, numbers).
std::string csv_plain_field(std::string_view text);

} // namespace busywork
