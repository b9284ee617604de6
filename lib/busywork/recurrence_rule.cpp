// SPDX-License-Identifier: MIT
#include <algorithm>
#include <busywork/error.hpp>
#include <busywork/recurrence_rule.hpp>
#include <cstdlib>
#include <libical/ical.h>
#include <optional>
#include <vector>

namespace busywork {
namespace {

icaltimetype to_ical(LocalTime local) {
    CivilTime c = to_civil(local);
    icaltimetype t = icaltime_null_time();
    t.year = c.year;
    t.month = c.month;
    t.day = c.day;
    t.hour = c.hour;
    t.minute = c.minute;
    t.second = c.second;
    t.is_date = 0;
    t.zone = nullptr;
    return t;
}

long long frequency_seconds(icalrecurrencetype_frequency freq) {
    switch (freq) {
    case ICAL_SECONDLY_RECURRENCE:
        return 1;
    case ICAL_MINUTELY_RECURRENCE:
        return 60;
    case ICAL_HOURLY_RECURRENCE:
        return 3600;
    case ICAL_DAILY_RECURRENCE:
        return 86400;
    case ICAL_WEEKLY_RECURRENCE:
        return 7 * 86400;
    case ICAL_MONTHLY_RECURRENCE:
        return 28 * 86400;
    default:
        return 365 * 86400;
    }
}

struct IteratorDeleter {
    void operator()(icalrecur_iterator* it) const { icalrecur_iterator_free(it); }
};

} // namespace

CivilTime to_civil(LocalTime local) {
    auto days = date::floor<date::days>(local);
    date::year_month_day ymd{days};
    date::hh_mm_ss<std::chrono::seconds> hms{local - days};
    return {static_cast<int>(ymd.year()),
            static_cast<int>(static_cast<unsigned>(ymd.month())),
            static_cast<int>(static_cast<unsigned>(ymd.day())),
            static_cast<int>(hms.hours().count()),
            static_cast<int>(hms.minutes().count()),
            static_cast<int>(hms.seconds().count())};
}

LocalTime from_civil(const CivilTime& c) {
    if (c.month < 1 || c.month > 12 || c.day < 1 || c.day > 31 || c.hour < 0 || c.hour > 23 ||
        c.minute < 0 || c.minute > 59 || c.second < 0 || c.second > 60)
        throw Error("not a valid date and time");
    date::year_month_day ymd{date::year{c.year}, date::month{static_cast<unsigned>(c.month)},
                             date::day{static_cast<unsigned>(c.day)}};
    if (!ymd.ok())
        throw Error("not a valid date");
    // A leap second (second 60) is read as the last second of the minute.
    return date::local_days{ymd} + std::chrono::hours{c.hour} + std::chrono::minutes{c.minute} +
           std::chrono::seconds{std::min(c.second, 59)};
}

RecurrenceRule RecurrenceRule::parse(const std::string& text) {
    icalerror_clear_errno();
    icalrecurrencetype parsed = icalrecurrencetype_from_string(text.c_str());
    if (parsed.freq == ICAL_NO_RECURRENCE || icalerrno != ICAL_NO_ERROR) {
        icalerror_clear_errno();
        std::free(parsed.rscale);
        throw Error("RRULE \"" + text + "\" cannot be read");
    }
    if (parsed.interval < 1) {
        std::free(parsed.rscale);
        throw Error("RRULE \"" + text + "\" has INTERVAL below 1");
    }
    // libical takes BYMONTH=13, which no Gregorian year has (RFC 7529 calendars may).
    for (int i = 0; i < ICAL_BY_MONTH_SIZE && parsed.by_month[i] != ICAL_RECURRENCE_ARRAY_MAX;
         ++i) {
        int month = icalrecurrencetype_month_month(parsed.by_month[i]);
        if (parsed.rscale == nullptr && (month < 1 || month > 12)) {
            std::free(parsed.rscale);
            throw Error("RRULE \"" + text + "\" has BYMONTH=" + std::to_string(month) +
                        ", which is no month");
        }
    }
    RecurrenceRule rule;
    if (!icaltime_is_null_time(parsed.until)) {
        DateTimeValue until;
        CivilTime c{parsed.until.year,
                    parsed.until.month,
                    parsed.until.day,
                    parsed.until.is_date ? 0 : parsed.until.hour,
                    parsed.until.is_date ? 0 : parsed.until.minute,
                    parsed.until.is_date ? 0 : parsed.until.second};
        try {
            until.local = from_civil(c);
        } catch (const Error&) {
            std::free(parsed.rscale);
            throw Error("RRULE \"" + text + "\" has an invalid UNTIL");
        }
        until.form = parsed.until.is_date            ? TimeForm::date
                     : icaltime_is_utc(parsed.until) ? TimeForm::utc
                                                     : TimeForm::floating;
        rule.m_until = until;
        parsed.until = icaltime_null_time();
    }
    // libical strdup()s RSCALE and leaves freeing it to the owner of the struct.
    rule.m_rule = std::shared_ptr<const icalrecurrencetype>(new icalrecurrencetype(parsed),
                                                            [](const icalrecurrencetype* r) {
                                                                std::free(r->rscale);
                                                                delete r;
                                                            });
    return rule;
}

bool RecurrenceRule::has_count() const {
    return m_rule->count > 0;
}

namespace {

// A start libical generated, or nullopt when its fields are no real time (the walk ends).
std::optional<LocalTime> generated_start(const icaltimetype& t) {
    try {
        return from_civil({t.year, t.month, t.day, t.hour, t.minute, t.second});
    } catch (const Error&) {
        return std::nullopt;
    }
}

bool has_set_pos(const icalrecurrencetype& rule) {
    return rule.by_set_pos[0] != ICAL_RECURRENCE_ARRAY_MAX;
}

// The period a BYSETPOS position counts within (RFC 5545 3.3.10: "within the set of
// recurrence instances ... in the interval of the rule"), as its first second.
LocalTime period_of(const icalrecurrencetype& rule, LocalTime t) {
    using namespace std::chrono;
    switch (rule.freq) {
    case ICAL_MINUTELY_RECURRENCE:
        return date::floor<minutes>(t);
    case ICAL_HOURLY_RECURRENCE:
        return date::floor<hours>(t);
    case ICAL_DAILY_RECURRENCE:
        return date::floor<date::days>(t);
    case ICAL_WEEKLY_RECURRENCE: {
        auto day = date::floor<date::days>(t);
        // libical numbers weekdays Sunday = 1 .. Saturday = 7; WKST defaults to Monday.
        int wkst = rule.week_start == ICAL_NO_WEEKDAY ? 2 : static_cast<int>(rule.week_start);
        date::weekday first{static_cast<unsigned>(wkst - 1)};
        return LocalTime{day - (date::weekday{day} - first)};
    }
    default:
        return t; // SECONDLY: every instance is its own set
    }
}

// A rule of the commonest shapes, whose starts are computed here by date arithmetic: libical's
// iterator goes through ICU's calendar for each start, some forty thousand instructions, and
// a ten-year export has hundreds of series and every VTIMEZONE's observances to 2200. The
// starts are those libical gives (tests/recurrence_rule_test.cpp holds the two to each other
// for thousands of rules): every start of the pattern at or after DTSTART, at DTSTART's time
// of day, DTSTART itself only when it is one. One exception: every few weeks, libical 3.0
// does not always start the weeks at WKST, and puts the first start of a rule with one BYDAY
// day a period or more late (FREQ=WEEKLY;INTERVAL=3;BYDAY=SU from Tuesday 2025-09-23 first
// gives 2025-10-12, then 11-02). Here, as in RFC 5545 3.3.10 and recurring-ical-events, the
// weeks start at WKST and every INTERVAL-th from DTSTART's has the BYDAY days (2025-09-28,
// 10-19). Shapes whose every period has a start:
// - DAILY, with BYDAY weekdays only when INTERVAL is no multiple of seven;
// - WEEKLY, with BYDAY weekdays, in weeks from WKST;
// - MONTHLY, with BYMONTHDAY from -28 to 28 (not 0), or BYDAY weekdays, each at most fourth
//   from either end or every one, or neither (DTSTART's day, up to the 28th);
// - YEARLY, with BYMONTH and then BYMONTHDAY or BYDAY as MONTHLY's within those months, or
//   neither (DTSTART's day, up to the 28th), or neither part (DTSTART's date, not February 29).
// Rules with any other part (BYSETPOS, BYYEARDAY, BYWEEKNO, BYHOUR ..., RSCALE), and those
// from before 1583, go to libical.
class SimpleRule {
public:
    static std::optional<SimpleRule> of(const icalrecurrencetype& rule, LocalTime dtstart) {
        auto list = [](const short* values, std::size_t size) {
            std::vector<int> out;
            for (std::size_t i = 0; i < size && values[i] != ICAL_RECURRENCE_ARRAY_MAX; ++i)
                out.push_back(values[i]);
            return out;
        };
        if (rule.rscale != nullptr || rule.interval < 1 ||
            !list(rule.by_second, ICAL_BY_SECOND_SIZE).empty() ||
            !list(rule.by_minute, ICAL_BY_MINUTE_SIZE).empty() ||
            !list(rule.by_hour, ICAL_BY_HOUR_SIZE).empty() ||
            !list(rule.by_year_day, ICAL_BY_YEARDAY_SIZE).empty() ||
            !list(rule.by_week_no, ICAL_BY_WEEKNO_SIZE).empty() ||
            !list(rule.by_set_pos, ICAL_BY_SETPOS_SIZE).empty())
            return std::nullopt;
        SimpleRule simple;
        simple.m_freq = rule.freq;
        simple.m_interval = rule.interval;
        simple.m_count = rule.count;
        // libical numbers weekdays Sunday = 1 .. Saturday = 7; WKST defaults to Monday.
        simple.m_week_start = date::weekday{static_cast<unsigned>(
            rule.week_start == ICAL_NO_WEEKDAY ? 1 : static_cast<int>(rule.week_start) - 1)};
        for (int day : list(rule.by_day, ICAL_BY_DAY_SIZE)) {
            const int position = icalrecurrencetype_day_position(static_cast<short>(day));
            const int weekday =
                static_cast<int>(icalrecurrencetype_day_day_of_week(static_cast<short>(day)));
            if (weekday < 1 || weekday > 7 || position < -4 || position > 4)
                return std::nullopt;
            simple.m_days.push_back({position, date::weekday{static_cast<unsigned>(weekday - 1)}});
        }
        simple.m_month_days = list(rule.by_month_day, ICAL_BY_MONTHDAY_SIZE);
        for (int month : list(rule.by_month, ICAL_BY_MONTH_SIZE)) {
            if (icalrecurrencetype_month_is_leap(static_cast<short>(month)))
                return std::nullopt;
            simple.m_months.push_back(icalrecurrencetype_month_month(static_cast<short>(month)));
        }
        std::sort(simple.m_months.begin(), simple.m_months.end());
        const date::year_month_day start{date::floor<date::days>(dtstart)};
        // ICU's calendar, and so libical's iterator, is Julian before October 15, 1582.
        if (start.year() < date::year{1583})
            return std::nullopt;
        const unsigned start_day = static_cast<unsigned>(start.day());
        const bool any_position = std::any_of(simple.m_days.begin(), simple.m_days.end(),
                                              [](const Day& d) { return d.position != 0; });
        for (int d : simple.m_month_days)
            if (d == 0 || d < -28 || d > 28)
                return std::nullopt;
        for (int m : simple.m_months)
            if (m < 1 || m > 12)
                return std::nullopt;
        const bool days = !simple.m_days.empty();
        const bool month_days = !simple.m_month_days.empty();
        const bool months = !simple.m_months.empty();
        switch (rule.freq) {
        case ICAL_DAILY_RECURRENCE:
            if (month_days || months || any_position || (days && rule.interval % 7 == 0))
                return std::nullopt;
            break;
        case ICAL_WEEKLY_RECURRENCE:
            if (month_days || months || any_position)
                return std::nullopt;
            break;
        case ICAL_MONTHLY_RECURRENCE:
            if (months || (days && month_days) || (!days && !month_days && start_day > 28))
                return std::nullopt;
            break;
        case ICAL_YEARLY_RECURRENCE:
            if (!months && (days || month_days))
                return std::nullopt;
            if (months && days && month_days)
                return std::nullopt;
            if (months && !days && !month_days && start_day > 28)
                return std::nullopt;
            if (!months && start.month() == date::February && start_day == 29)
                return std::nullopt;
            break;
        default:
            return std::nullopt;
        }
        return simple;
    }

    RecurrenceRule::Walk walk(LocalTime dtstart, std::size_t max_steps,
                              const std::function<bool(LocalTime)>& visit) const {
        RecurrenceRule::Walk result;
        const date::sys_days first{date::floor<date::days>(dtstart).time_since_epoch()};
        // libical's iterator makes no start after 2582, and none at all from a DTSTART after.
        constexpr date::year latest_year{2582};
        const date::sys_days latest{latest_year / date::December / 31};
        if (first > latest)
            return result;
        const auto time_of_day = dtstart - date::floor<date::days>(dtstart);
        std::vector<date::sys_days> dates;
        std::size_t steps = 0;
        long long emitted = 0;
        for (long long period = 0;; ++period) {
            dates.clear();
            starts_in(period, first, dates);
            for (date::sys_days day : dates) {
                if (day < first)
                    continue;
                if ((m_count > 0 && emitted >= m_count) || day > latest)
                    return result;
                // As the loop over libical's iterator: a start past `max_steps` cuts the walk.
                if (steps++ >= max_steps) {
                    result.cut = true;
                    return result;
                }
                const LocalTime start = LocalTime{day.time_since_epoch()} + time_of_day;
                ++emitted;
                result.last_seen = start;
                if (!visit(start))
                    return result;
            }
        }
    }

private:
    struct Day {
        int position; // 0: every such weekday of the period
        date::weekday weekday;
    };

    // The dates of period `n` (from DTSTART's, `interval` periods apart), sorted.
    void starts_in(long long n, date::sys_days first, std::vector<date::sys_days>& out) const {
        using namespace date;
        const long long step = n * m_interval;
        switch (m_freq) {
        case ICAL_DAILY_RECURRENCE: {
            const sys_days day = first + days{step};
            if (m_days.empty() || has_weekday(weekday{day}))
                out.push_back(day);
            return;
        }
        case ICAL_WEEKLY_RECURRENCE: {
            const sys_days week = first - (weekday{first} - m_week_start) + days{7 * step};
            if (m_days.empty()) {
                out.push_back(week + (weekday{first} - m_week_start));
                return;
            }
            for (const Day& d : m_days)
                out.push_back(week + (d.weekday - m_week_start));
            break;
        }
        case ICAL_MONTHLY_RECURRENCE: {
            const year_month month =
                year_month_day{first}.year() / year_month_day{first}.month() + months{step};
            in_month(month, first, out);
            break;
        }
        default: { // YEARLY
            const year_month_day start{first};
            const year year = start.year() + years{step};
            if (m_months.empty()) {
                out.push_back(sys_days{year / start.month() / start.day()});
                return;
            }
            for (int m : m_months)
                in_month(year / month{static_cast<unsigned>(m)}, first, out);
            break;
        }
        }
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
    }

    // The dates of `month` by BYMONTHDAY, BYDAY, or DTSTART's day.
    void in_month(date::year_month month, date::sys_days first,
                  std::vector<date::sys_days>& out) const {
        using namespace date;
        const sys_days month_first{month / 1};
        const sys_days month_last{month / last};
        for (int d : m_month_days)
            out.push_back(d > 0 ? month_first + days{d - 1} : month_last - days{-d - 1});
        for (const Day& d : m_days) {
            const sys_days first_such = month_first + (d.weekday - weekday{month_first});
            const sys_days last_such = month_last - (weekday{month_last} - d.weekday);
            if (d.position > 0)
                out.push_back(first_such + weeks{d.position - 1});
            else if (d.position < 0)
                out.push_back(last_such - weeks{-d.position - 1});
            else
                for (sys_days day = first_such; day <= month_last; day += weeks{1})
                    out.push_back(day);
        }
        if (m_month_days.empty() && m_days.empty())
            out.push_back(month_first +
                          days{static_cast<unsigned>(year_month_day{first}.day()) - 1});
    }

    bool has_weekday(date::weekday w) const {
        return std::any_of(m_days.begin(), m_days.end(),
                           [w](const Day& d) { return d.weekday == w; });
    }

    icalrecurrencetype_frequency m_freq = ICAL_NO_RECURRENCE;
    long long m_interval = 1;
    int m_count = 0;
    date::weekday m_week_start = date::Monday;
    std::vector<Day> m_days;
    std::vector<int> m_month_days;
    std::vector<int> m_months;
};

} // namespace

// libical 3.0 applies BYSETPOS only to MONTHLY and YEARLY rules (fixed in 4.0); for the other
// frequencies the positions are chosen here, per interval, and COUNT is applied after them.
RecurrenceRule::Walk
RecurrenceRule::walk_with_set_pos(LocalTime dtstart, std::size_t max_steps,
                                  const std::function<bool(LocalTime)>& visit) const {
    Walk result;
    icalrecurrencetype expanded = *m_rule;
    expanded.by_set_pos[0] = ICAL_RECURRENCE_ARRAY_MAX;
    expanded.count = 0;
    expanded.rscale = nullptr; // still owned by m_rule
    std::unique_ptr<icalrecur_iterator, IteratorDeleter> it(
        icalrecur_iterator_new(expanded, to_ical(dtstart)));
    if (!it)
        return result;
    const int count = m_rule->count;
    int emitted = 0;
    std::vector<LocalTime> group;
    // Returns false when the walk must stop.
    auto flush = [&]() {
        std::vector<LocalTime> chosen;
        const int size = static_cast<int>(group.size());
        for (int i = 0;
             i < ICAL_BY_SETPOS_SIZE && m_rule->by_set_pos[i] != ICAL_RECURRENCE_ARRAY_MAX; ++i) {
            int pos = m_rule->by_set_pos[i];
            int index = pos > 0 ? pos - 1 : size + pos;
            if (index >= 0 && index < size)
                chosen.push_back(group[static_cast<std::size_t>(index)]);
        }
        std::sort(chosen.begin(), chosen.end());
        chosen.erase(std::unique(chosen.begin(), chosen.end()), chosen.end());
        group.clear();
        for (LocalTime t : chosen) {
            if (count > 0 && emitted >= count)
                return false;
            ++emitted;
            result.last_seen = t;
            if (!visit(t))
                return false;
        }
        return true;
    };
    for (std::size_t steps = 0;; ++steps) {
        icaltimetype next = icalrecur_iterator_next(it.get());
        if (icaltime_is_null_time(next)) {
            flush();
            return result;
        }
        if (steps >= max_steps) {
            result.cut = true;
            return result;
        }
        std::optional<LocalTime> local = generated_start(next);
        if (!local) {
            flush();
            return result;
        }
        if (!group.empty() && period_of(*m_rule, *local) != period_of(*m_rule, group.front()) &&
            !flush())
            return result;
        group.push_back(*local);
    }
}

RecurrenceRule::Walk RecurrenceRule::walk(LocalTime dtstart, LocalTime skip_before,
                                          std::size_t max_steps,
                                          const std::function<bool(LocalTime)>& visit) const {
    return walk(dtstart, skip_before, max_steps, visit, true);
}

RecurrenceRule::Walk
RecurrenceRule::walk_by_libical(LocalTime dtstart, LocalTime skip_before, std::size_t max_steps,
                                const std::function<bool(LocalTime)>& visit) const {
    return walk(dtstart, skip_before, max_steps, visit, false);
}

RecurrenceRule::Walk RecurrenceRule::walk(LocalTime dtstart, LocalTime skip_before,
                                          std::size_t max_steps,
                                          const std::function<bool(LocalTime)>& visit,
                                          bool simple_too) const {
    if (has_set_pos(*m_rule) && m_rule->freq != ICAL_MONTHLY_RECURRENCE &&
        m_rule->freq != ICAL_YEARLY_RECURRENCE)
        return walk_with_set_pos(dtstart, max_steps, visit);
    Walk result;
    // A DAILY or WEEKLY rule without COUNT (or BYSETPOS, walked above) generates, from
    // DTSTART plus a whole number of its periods, the same starts from there on: its BY
    // parts select weekdays, months, days of the month and times, which the shift keeps,
    // and a WEEKLY rule's weeks stay aligned with DTSTART's. So a one-week report does not
    // walk a ten-year-old series from its first instance through libical's calendar
    // arithmetic. The shifted DTSTART itself, which the iterator gives first whether or not
    // the rule would, stays a period before `skip_before`, among the starts callers ignore.
    LocalTime from = dtstart;
    if (!has_count() && skip_before > dtstart && m_rule->interval >= 1 &&
        (m_rule->freq == ICAL_DAILY_RECURRENCE || m_rule->freq == ICAL_WEEKLY_RECURRENCE)) {
        const date::days period{(m_rule->freq == ICAL_WEEKLY_RECURRENCE ? 7 : 1) *
                                static_cast<int>(m_rule->interval)};
        const auto periods = (skip_before - dtstart) / period;
        if (periods > 1)
            from = dtstart + (periods - 1) * period;
    }
    // Jumping ahead is only worth its risk when walking from DTSTART would take very many
    // steps (a MINUTELY rule from years ago); libical refuses it for COUNT rules anyway.
    bool jump = false;
    if (from == dtstart && !has_count() && skip_before > dtstart) {
        long long gap = (skip_before - dtstart).count();
        long long step = frequency_seconds(m_rule->freq) * m_rule->interval;
        jump = gap / step > 100000;
    }
    if (simple_too && !jump)
        if (auto simple = SimpleRule::of(*m_rule, from))
            return simple->walk(from, max_steps, visit);
    std::unique_ptr<icalrecur_iterator, IteratorDeleter> it(
        icalrecur_iterator_new(*m_rule, to_ical(from)));
    if (!it)
        return result;
    if (jump)
        icalrecur_iterator_set_start(it.get(), to_ical(skip_before));
    for (std::size_t steps = 0;; ++steps) {
        icaltimetype next = icalrecur_iterator_next(it.get());
        if (icaltime_is_null_time(next))
            return result;
        if (steps >= max_steps) {
            result.cut = true;
            return result;
        }
        std::optional<LocalTime> local = generated_start(next);
        if (!local)
            return result;
        result.last_seen = *local;
        if (!visit(*local))
            return result;
    }
}

} // namespace busywork
