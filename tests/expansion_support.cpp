// SPDX-License-Identifier: MIT
#include "expansion_support.hpp"

#include "test_support.hpp"

namespace busywork::testing {

Instant utc(const std::string& text) {
    return Instant{std::chrono::seconds{parse_instant(text)}};
}

Expanded expand_text(const std::string& body, const std::string& from, const std::string& to,
                     const std::string& zone_name, const std::string& calendar_lines) {
    std::string text = "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//busywork//tests//EN\n" +
                       calendar_lines + body + "END:VCALENDAR\n";
    std::string crlf;
    for (char c : text) {
        if (c == '\n')
            crlf += '\r';
        crlf += c;
    }
    Expanded result;
    std::vector<CalendarFile> calendars{read_calendar(crlf, "test.ics", result.diagnostics)};
    Zone zone = report_zone(zone_name);
    TimeWindow window{Instant{parse_day(from).time_since_epoch()},
                      Instant{parse_day(to).time_since_epoch()}};
    result.occurrences = expand_occurrences(calendars, window, zone, result.diagnostics);
    return result;
}

} // namespace busywork::testing
