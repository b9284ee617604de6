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
    std::unique_ptr<icalrecur_iterator, IteratorDeleter> it(
        icalrecur_iterator_new(*m_rule, to_ical(from)));
    if (!it)
        return result;
    // Jumping ahead is only worth its risk when walking from DTSTART would take very many
    // steps (a MINUTELY rule from years ago); libical refuses it for COUNT rules anyway.
    if (from == dtstart && !has_count() && skip_before > dtstart) {
        long long gap = (skip_before - dtstart).count();
        long long step = frequency_seconds(m_rule->freq) * m_rule->interval;
        if (gap / step > 100000)
            icalrecur_iterator_set_start(it.get(), to_ical(skip_before));
    }
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
