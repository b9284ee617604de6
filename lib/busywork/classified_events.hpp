// SPDX-License-Identifier: MIT
#pragma once

#include <busywork/classification.hpp>
#include <busywork/diagnostics.hpp>
#include <busywork/ics_reader.hpp>
#include <busywork/ownership.hpp>
#include <busywork/recurrence.hpp>
#include <busywork/rules.hpp>
#include <busywork/time_zones.hpp>
#include <optional>
#include <string>
#include <vector>

namespace busywork {

/// The classified occurrences of some inputs around a window.
struct ClassifiedEvents {
    std::size_t files_read = 0;
    /// Events that could not touch the widened window and that libical therefore never
    /// parsed (ReadOptions::window): problems inside them were not looked for.
    std::size_t events_not_parsed = 0;
    Ownerships ownerships;
    /// Every occurrence classified, including those just outside `window` that inference
    /// looked at; an Explainer needs all of them.
    std::vector<ClassifiedOccurrence> all;
    TimeWindow window;
    /// When nothing at all falls in `window`: from the first occurrence's start to the last
    /// one's end over 1970-2100, so that the user can be told where to look.
    std::optional<TimeWindow> input_range;

    /// Positions in `all` of the occurrences that belong to `window`.
    std::vector<std::size_t> in_window() const;
    /// Those occurrences themselves, in order.
    std::vector<ClassifiedOccurrence> window_occurrences() const;
};

/// Reads `inputs`, works out each calendar's owner, expands the recurrences over `window`
/// widened by the rules' pre- and post-meeting windows (so that a Friday meeting that prepares
/// Monday's customer meeting is recognised in Friday's week) and classifies them.
/// The inputs are one person's calendars, and an event in two of them counts once; with
/// `calendars_apart` each is a different person's, and a meeting they share is in each.
/// Unless `read_options.read_every_event`, the widened window is the reading's
/// ReadOptions::window, so that only events that may touch it are parsed by libical.
/// Without `read_options.descriptions`, occurrences have none unless a rule reads them.
ClassifiedEvents classify_inputs(const std::vector<std::string>& inputs, const TimeWindow& window,
                                 const Zone& report_zone, const RuleSet& rules,
                                 const OwnershipOverrides& overrides, Diagnostics& diagnostics,
                                 bool calendars_apart = false,
                                 const ReadOptions& read_options = {});

} // namespace busywork
