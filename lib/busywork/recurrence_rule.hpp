// SPDX-License-Identifier: MIT
#pragma once

#include <busywork/calendar.hpp>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>

struct icalrecurrencetype;

namespace busywork {

/// An RRULE (RFC 5545 3.3.10) parsed by libical. libical generates the wall-clock starts, or,
/// for the commonest rules, date arithmetic that gives the same; UNTIL is left to the caller,
/// who knows the zone it must be compared in.
class RecurrenceRule {
public:
    /// Throws Error with a description when libical cannot read `text`.
    static RecurrenceRule parse(const std::string& text);

    /// UNTIL as written: UTC, or a floating DATE-TIME or DATE in the series' own time.
    const std::optional<DateTimeValue>& until() const { return m_until; }
    bool has_count() const;

    struct Walk {
        bool cut = false;      ///< stopped by `max_steps`, not by the rule or the visitor
        LocalTime last_seen{}; ///< the last start generated
    };

    /// Calls `visit` with each start the rule generates from `dtstart`, in increasing order,
    /// DTSTART first (RFC 5545 3.8.5.3 counts it as the first instance). Stops when the rule
    /// ends, when `visit` returns false, or after `max_steps` starts. When the rule has no
    /// COUNT, starts before `skip_before` may be left out instead of generated, and then one
    /// start before `skip_before` that is not the rule's may come first: callers ignore the
    /// starts before `skip_before`.
    Walk walk(LocalTime dtstart, LocalTime skip_before, std::size_t max_steps,
              const std::function<bool(LocalTime)>& visit) const;

    /// As walk, with every start from libical's iterator, even for the rules whose starts
    /// walk computes itself: what the tests hold walk to.
    Walk walk_by_libical(LocalTime dtstart, LocalTime skip_before, std::size_t max_steps,
                         const std::function<bool(LocalTime)>& visit) const;

private:
    Walk walk(LocalTime dtstart, LocalTime skip_before, std::size_t max_steps,
              const std::function<bool(LocalTime)>& visit, bool simple_too) const;
    Walk walk_with_set_pos(LocalTime dtstart, std::size_t max_steps,
                           const std::function<bool(LocalTime)>& visit) const;

    std::shared_ptr<const icalrecurrencetype> m_rule; // UNTIL cleared
    std::optional<DateTimeValue> m_until;
};

/// Converts a libical-free wall clock reading to the fields libical uses and back.
struct CivilTime {
    int year, month, day, hour, minute, second;
};
CivilTime to_civil(LocalTime local);
/// Throws Error when the fields are not a real date and time (February 30, hour 25).
LocalTime from_civil(const CivilTime& civil);

} // namespace busywork
