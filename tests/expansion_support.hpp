// SPDX-License-Identifier: MIT
// Reads a calendar from text and expands it, for the library unit tests.
#pragma once

#include <busywork/ics_reader.hpp>
#include <busywork/recurrence.hpp>
#include <string>
#include <vector>

namespace busywork::testing {

struct Expanded {
    std::vector<Occurrence> occurrences;
    Diagnostics diagnostics;
};

/// `body` is wrapped in a VCALENDAR (after `calendar_lines`, e.g. X-WR-TIMEZONE); lines end
/// with \n and are sent with CRLF. The window is [from, to) as UTC dates.
Expanded expand_text(const std::string& body, const std::string& from, const std::string& to,
                     const std::string& report_zone = "UTC",
                     const std::string& calendar_lines = "");

/// "2026-10-19T07:00:00Z" as an Instant.
Instant utc(const std::string& text);

} // namespace busywork::testing
