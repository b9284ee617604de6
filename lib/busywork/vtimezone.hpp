// SPDX-License-Identifier: MIT
#pragma once

#include <busywork/content_lines.hpp>
#include <busywork/diagnostics.hpp>
#include <busywork/time_zones.hpp>
#include <optional>
#include <string>

namespace busywork {

/// Builds a zone from an in-file VTIMEZONE (RFC 5545 3.6.5): every onset of its STANDARD and
/// DAYLIGHT observances from DTSTART, RRULE and RDATE, up to the year 2200. Observances with
/// impossible offsets (24 hours or more) are reported and left out; nullopt when nothing
/// usable remains or the component has no TZID.
std::optional<Zone> read_vtimezone(const ComponentText& component, const std::string& file,
                                   Diagnostics& diagnostics);

} // namespace busywork
