// SPDX-License-Identifier: MIT
#pragma once

#include <busywork/calendar.hpp>
#include <busywork/diagnostics.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace busywork {

/// Reads one calendar from its bytes. `path` names it in diagnostics. Every VEVENT is parsed
/// on its own by libical, so one broken event costs only itself; its problems go to
/// `diagnostics` with their line numbers.
CalendarFile read_calendar(std::string_view bytes, const std::string& path,
                           Diagnostics& diagnostics);

/// Reads files, directories (every `*.ics` below them, in name order) and `-` (standard
/// input). An input that cannot be read is reported in `diagnostics` and left out.
std::vector<CalendarFile> read_inputs(const std::vector<std::string>& inputs,
                                      Diagnostics& diagnostics);

} // namespace busywork
