// SPDX-License-Identifier: MIT
#pragma once

#include <busywork/occurrence.hpp>
#include <chrono>
#include <date/tz.h>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace busywork {

/// A change of UTC offset: from `at` on, local time is UTC + `offset_after`.
struct ZoneTransition {
    Instant at{};
    std::chrono::seconds offset_before{};
    std::chrono::seconds offset_after{};
};

/// A time zone as busywork uses it: the OS database's IANA zone, UTC, or the rules of an
/// in-file VTIMEZONE. Copying is cheap (shared, immutable state).
class Zone {
public:
    static Zone utc();
    static Zone iana(const date::time_zone* zone);
    /// A VTIMEZONE's rules. Before its first transition the file defines nothing (RFC 5545 is
    /// silent); `fallback`, the IANA zone the TZID names, answers there when there is one,
    /// else the first transition's offset_before does.
    static Zone defined(std::string tzid, std::vector<ZoneTransition> transitions,
                        const date::time_zone* fallback);

    /// Local wall time to instant. An ambiguous time (clocks going back) is its first
    /// occurrence; a time inside a gap (clocks going forward) uses the offset before the gap,
    /// so 02:30 on a spring-forward night is 03:30 daylight time (RFC 5545 3.3.5).
    Instant to_instant(LocalTime local) const;
    /// The UTC offset in force at `instant`.
    std::chrono::seconds offset_at(Instant instant) const;
    LocalTime to_local(Instant instant) const {
        return LocalTime{(instant + offset_at(instant)).time_since_epoch()};
    }
    const std::string& name() const;

private:
    struct State;
    explicit Zone(std::shared_ptr<const State> state) : m_state(std::move(state)) {}
    std::shared_ptr<const State> m_state;
};

/// The IANA zone a TZID stands for, or nullptr. Understands IANA names, the path prefixes
/// that libical and Mozilla put before them (`/freeassociation.sourceforge.net/Europe/Berlin`),
/// Windows zone ids (`W. Europe Standard Time`, mapped by ICU's CLDR data) and Outlook display
/// names (`(UTC+01:00) Amsterdam, Berlin, ...`) whose city or Windows name is known and whose
/// offset agrees.
const date::time_zone* find_iana_zone(std::string_view tzid);

/// A TZID as compared between VTIMEZONE and properties: without surrounding blanks and quotes.
std::string normalize_tzid(std::string_view tzid);

/// The report zone by IANA name; throws UsageError for an unknown name. An empty name is the
/// system zone (TZ, then /etc/localtime).
Zone report_zone(const std::string& iana_name);

} // namespace busywork
