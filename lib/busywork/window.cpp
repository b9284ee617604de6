// SPDX-License-Identifier: MIT
#include <busywork/error.hpp>
#include <busywork/window.hpp>
#include <cstdio>

namespace busywork {

date::year_month_day parse_date(const std::string& text) {
    int y = 0;
    unsigned m = 0, d = 0;
    char tail = 0;
    if (text.size() != 10 || std::sscanf(text.c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &tail) != 3)
        throw UsageError("\"" + text + "\" is not a date of the form YYYY-MM-DD");
    date::year_month_day ymd{date::year{y}, date::month{m}, date::day{d}};
    if (!ymd.ok())
        throw UsageError("\"" + text + "\" is not a valid date");
    return ymd;
}

Instant parse_now(const std::string& text, const Zone& zone) {
    if (text.size() == 10)
        return zone.to_instant(LocalTime{date::local_days{parse_date(text)}});
    int hour = 0, minute = 0, second = 0, consumed = 0;
    if (text.size() < 16 || text[10] != 'T' ||
        std::sscanf(text.c_str() + 11, "%2d:%2d%n", &hour, &minute, &consumed) != 2)
        throw UsageError("\"" + text + "\" is not of the form YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM]");
    std::string rest = text.substr(11 + static_cast<std::size_t>(consumed));
    if (rest.size() >= 3 && rest[0] == ':') {
        second = std::atoi(rest.substr(1, 2).c_str());
        rest = rest.substr(3);
    }
    if (hour > 23 || minute > 59 || second > 59)
        throw UsageError("\"" + text + "\" is not a valid time");
    LocalTime local = date::local_days{parse_date(text.substr(0, 10))} + std::chrono::hours{hour} +
                      std::chrono::minutes{minute} + std::chrono::seconds{second};
    if (rest.empty())
        return zone.to_instant(local);
    if (rest == "Z")
        return Instant{local.time_since_epoch()};
    int oh = 0, om = 0;
    if (rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') &&
        std::sscanf(rest.c_str() + 1, "%2d:%2d", &oh, &om) == 2) {
        std::chrono::seconds offset{(oh * 3600 + om * 60) * (rest[0] == '-' ? -1 : 1)};
        return Instant{local.time_since_epoch()} - offset;
    }
    throw UsageError("\"" + text + "\" has an unreadable UTC offset");
}

TimeWindow window_for_dates(date::year_month_day first, date::year_month_day last,
                            const Zone& zone) {
    if (date::sys_days{last} < date::sys_days{first})
        throw UsageError("--to " + date::format("%F", last) + " is before --from " +
                         date::format("%F", first));
    return {zone.to_instant(LocalTime{date::local_days{first}}),
            zone.to_instant(LocalTime{date::local_days{last} + date::days{1}})};
}

TimeWindow last_complete_week(Instant now, const Zone& zone) {
    auto today = date::floor<date::days>(zone.to_local(now));
    auto monday = today - (date::weekday{today} - date::Monday);
    return {zone.to_instant(LocalTime{monday - date::weeks{1}}),
            zone.to_instant(LocalTime{monday})};
}

} // namespace busywork
