// SPDX-License-Identifier: MIT
#pragma once

#include <busywork/occurrence.hpp>
#include <busywork/time_zones.hpp>
#include <string>
#include <vector>

namespace busywork {

/// RFC 3339 in `zone` with a numeric offset: `2026-11-23T09:00:00+01:00`.
std::string format_rfc3339(Instant instant, const Zone& zone);

/// CSV (RFC 4180, CRLF): `uid,start,end,all_day,summary,...` one row per occurrence.
std::string render_events_csv(const std::vector<Occurrence>& occurrences, const Zone& zone);

/// JSON: an array with one object per occurrence, the CSV's fields and the attendees.
std::string render_events_json(const std::vector<Occurrence>& occurrences, const Zone& zone);

/// An aligned table for reading, times in `zone`; event text is stripped of control characters.
std::string render_events_text(const std::vector<Occurrence>& occurrences, const Zone& zone);

} // namespace busywork
