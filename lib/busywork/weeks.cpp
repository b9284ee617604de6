// SPDX-License-Identifier: MIT
#include <busywork/error.hpp>
#include <busywork/weeks.hpp>
#include <busywork/window.hpp>
#include <cctype>
#include <charconv>
#include <date/iso_week.h>

namespace busywork {

namespace {

using date::days;

constexpr std::size_t most_weeks = 1000;

Week week_from_monday(date::sys_days monday, const Zone& zone) {
    iso_week::year_weeknum_weekday iso{monday};
    char label[16];
    std::snprintf(label, sizeof label, "%04d-W%02u", static_cast<int>(iso.year()),
                  static_cast<unsigned>(iso.weeknum()));
    Week week;
    week.label = label;
    week.monday = date::year_month_day{monday};
    week.start = zone.to_instant(LocalTime{monday.time_since_epoch()});
    week.end = zone.to_instant(LocalTime{(monday + days{7}).time_since_epoch()});
    return week;
}

date::sys_days monday_of(Instant instant, const Zone& zone) {
    auto local_day = date::floor<days>(zone.to_local(instant));
    date::sys_days day{local_day.time_since_epoch()};
    // ISO weekdays run Monday = 1 to Sunday = 7.
    unsigned from_monday = date::weekday{day}.iso_encoding() - 1;
    return day - days{from_monday};
}

Week shifted(const Week& week, int by, const Zone& zone) {
    return week_from_monday(date::sys_days{week.monday} + days{7 * by}, zone);
}

int parse_count(const std::string& text, const std::string& what) {
    if (text.empty() || !std::isdigit(static_cast<unsigned char>(text[0])))
        throw UsageError("bad " + what + " \"" + text + "\"");
    int value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size() || text.empty())
        throw UsageError("bad " + what + " \"" + text + "\"");
    return value;
}

} // namespace

Week week_of(Instant instant, const Zone& zone) {
    return week_from_monday(monday_of(instant, zone), zone);
}

Week parse_week(const std::string& label, const Zone& zone) {
    auto bad = [&] {
        return UsageError("bad week \"" + label +
                          "\" (expected an ISO week like 2026-W47, this, last or -N)");
    };
    if (label.size() != 8 || label[4] != '-' || std::toupper(label[5]) != 'W')
        throw bad();
    for (std::size_t i : {0u, 1u, 2u, 3u, 6u, 7u})
        if (!std::isdigit(static_cast<unsigned char>(label[i])))
            throw bad();
    int year = std::stoi(label.substr(0, 4));
    unsigned number = static_cast<unsigned>(std::stoi(label.substr(6, 2)));
    iso_week::year iso_year{year};
    auto last = (iso_year / iso_week::last).weeknum();
    if (number < 1)
        throw UsageError("bad week \"" + label + "\": ISO weeks are numbered from 01");
    if (iso_week::weeknum{number} > last)
        throw UsageError("bad week \"" + label + "\": " + std::to_string(year) + " has " +
                         std::to_string(static_cast<unsigned>(last)) + " ISO weeks");
    date::sys_days monday{iso_year / iso_week::weeknum{number} / iso_week::mon};
    return week_from_monday(monday, zone);
}

std::vector<Week> select_weeks(const WeekSelection& selection, Instant now, const Zone& zone) {
    int forms = !selection.week.empty() + selection.weeks.has_value() +
                (!selection.from.empty() || !selection.to.empty());
    if (forms > 1)
        throw UsageError("choose one of --week, --weeks and --from/--to");
    Week current = week_of(now, zone);
    std::vector<Week> weeks;
    if (selection.weeks) {
        if (*selection.weeks < 1 || static_cast<std::size_t>(*selection.weeks) > most_weeks)
            throw UsageError("--weeks must be from 1 to " + std::to_string(most_weeks));
        for (int back = *selection.weeks; back >= 1; --back)
            weeks.push_back(shifted(current, -back, zone));
        return weeks;
    }
    if (!selection.from.empty() || !selection.to.empty()) {
        if (selection.from.empty() || selection.to.empty())
            throw UsageError("--from and --to go together");
        TimeWindow days_window =
            window_for_dates(parse_date(selection.from), parse_date(selection.to), zone);
        Week first = week_of(days_window.from, zone);
        Week last = week_of(days_window.to - std::chrono::seconds{1}, zone);
        auto count = (date::sys_days{last.monday} - date::sys_days{first.monday}).count() / 7 + 1;
        if (count > static_cast<long>(most_weeks))
            throw UsageError("--from and --to span more than " + std::to_string(most_weeks) +
                             " weeks");
        for (int i = 0; i < count; ++i)
            weeks.push_back(shifted(first, i, zone));
        return weeks;
    }
    const std::string& w = selection.week;
    if (w.empty() || w == "last")
        weeks.push_back(shifted(current, -1, zone));
    else if (w == "this")
        weeks.push_back(current);
    else if (w[0] == '-') {
        int back = parse_count(w.substr(1), "week");
        if (back > 100 * 53)
            throw UsageError("--week " + w + " is more than a hundred years ago");
        weeks.push_back(shifted(current, -back, zone));
    } else
        weeks.push_back(parse_week(w, zone));
    return weeks;
}

TimeWindow span_of(const std::vector<Week>& weeks) {
    if (weeks.empty())
        return {};
    return {weeks.front().start, weeks.back().end};
}

} // namespace busywork
