// SPDX-License-Identifier: MIT
#include <algorithm>
#include <busywork/week_report.hpp>
#include <numeric>
#include <set>
#include <tuple>

namespace busywork {

namespace {

using std::chrono::minutes;

long long minute_of(Instant t) {
    return date::floor<minutes>(t).time_since_epoch().count();
}

std::size_t index_of(Category c) {
    return static_cast<std::size_t>(c);
}

// Intervals of the UTC time line, in minutes, sorted and not overlapping.
struct Interval {
    long long from = 0;
    long long to = 0;
};

// The working hours of `week`, on the report zone's wall clock of each day.
std::vector<Interval> working_hours(const Week& week, const WorkingWeek& working,
                                    const Zone& zone) {
    std::vector<Interval> hours;
    date::sys_days monday{week.monday};
    for (unsigned d = 0; d < 7; ++d) {
        if (!working.days[d])
            continue;
        auto day = LocalTime{(monday + date::days{d}).time_since_epoch()};
        long long from = minute_of(zone.to_instant(day + working.start));
        long long to = minute_of(zone.to_instant(day + working.end));
        if (to > from)
            hours.push_back({from, to});
    }
    return hours;
}

// What is counted for one occurrence: the part inside the weeks, on the minute grid.
struct Item {
    long long from = 0;
    long long to = 0;
    Category category = Category::internal_other;
    std::size_t occurrence = 0;
};

// Series costs gathered while counting: meta minutes and the titles they were counted under.
struct SeriesTally {
    long long meta_min = 0;
    std::set<std::size_t> occurrences;
    std::map<std::string, int> titles;
};

std::vector<SeriesCost> costliest(const std::map<std::string, SeriesTally>& tallies,
                                  std::size_t kept = 5) {
    std::vector<SeriesCost> costs;
    for (const auto& [uid, tally] : tallies) {
        if (tally.meta_min == 0)
            continue;
        auto title =
            std::max_element(tally.titles.begin(), tally.titles.end(),
                             [](const auto& a, const auto& b) { return a.second < b.second; });
        costs.push_back(
            {uid, title->first, static_cast<int>(tally.occurrences.size()), tally.meta_min});
    }
    std::sort(costs.begin(), costs.end(), [](const SeriesCost& a, const SeriesCost& b) {
        return std::tie(b.meta_min, a.title, a.uid) < std::tie(a.meta_min, b.title, b.uid);
    });
    if (costs.size() > kept)
        costs.resize(kept);
    return costs;
}

std::optional<double> trend_of(const std::vector<WeekFigures>& weeks, const Settings& settings) {
    if (weeks.size() < 2)
        return std::nullopt;
    // Least squares over week index x = 0, 1, ...: slope = cov(x, y) / var(x).
    double n = static_cast<double>(weeks.size());
    double mean_x = (n - 1) / 2;
    double mean_y = 0;
    for (const auto& w : weeks)
        mean_y += 100 * w.meta_share(settings) / n;
    double covariance = 0, variance = 0;
    for (std::size_t i = 0; i < weeks.size(); ++i) {
        double dx = static_cast<double>(i) - mean_x;
        covariance += dx * (100 * weeks[i].meta_share(settings) - mean_y);
        variance += dx * dx;
    }
    return covariance / variance;
}

Week spanning(const std::vector<Week>& weeks) {
    Week all;
    if (weeks.empty())
        return all;
    all.label =
        weeks.size() == 1 ? weeks.front().label : weeks.front().label + ".." + weeks.back().label;
    all.start = weeks.front().start;
    all.end = weeks.back().end;
    all.monday = weeks.front().monday;
    return all;
}

void add_into(WeekFigures& into, const WeekFigures& w) {
    into.hours_in_week += w.hours_in_week;
    into.working_min += w.working_min;
    for (std::size_t c = 0; c < into.counted.size(); ++c) {
        into.counted[c] += w.counted[c];
        into.outside_working[c] += w.outside_working[c];
    }
    into.double_booked_min += w.double_booked_min;
    for (const auto& [reason, n] : w.excluded)
        into.excluded[reason] += n;
}

// The team's costliest series from its members' (each member's five costliest).
void merge_series(std::vector<SeriesCost>& into, const std::vector<SeriesCost>& more,
                  std::size_t kept) {
    std::map<std::string, SeriesTally> tallies;
    const std::vector<SeriesCost> mine = into;
    for (const std::vector<SeriesCost>* list : {&mine, &more})
        for (const SeriesCost& s : *list) {
            SeriesTally& t = tallies[s.uid];
            t.meta_min += s.meta_min;
            t.titles[s.title] += s.occurrences;
            for (int i = 0; i < s.occurrences; ++i)
                t.occurrences.insert(t.occurrences.size());
        }
    into = costliest(tallies, kept);
}

} // namespace

long long WeekFigures::counted_min() const {
    return std::accumulate(counted.begin(), counted.end(), 0LL);
}

long long WeekFigures::outside_working_min() const {
    return std::accumulate(outside_working.begin(), outside_working.end(), 0LL);
}

long long WeekFigures::meta_min(const Settings& settings) const {
    long long sum = 0;
    for (Category c : settings.meta_categories)
        if (c != Category::excluded)
            sum += minutes_of(counted, c);
    return sum;
}

double WeekFigures::meta_share(const Settings& settings) const {
    return working_min > 0
               ? static_cast<double>(meta_min(settings)) / static_cast<double>(working_min)
               : 0.0;
}

double WeekFigures::customer_share() const {
    return working_min > 0 ? static_cast<double>(customer_min()) / static_cast<double>(working_min)
                           : 0.0;
}

std::optional<double> WeekFigures::meta_per_customer(const Settings& settings) const {
    if (customer_min() == 0)
        return std::nullopt;
    return static_cast<double>(meta_min(settings)) / static_cast<double>(customer_min());
}

CalendarReport count_weeks(const std::vector<ClassifiedOccurrence>& occurrences,
                           const std::vector<Week>& weeks, const Zone& zone,
                           const Settings& settings, CountedMinutes* counted,
                           std::size_t series_kept) {
    CalendarReport report;
    report.calendar = "all";
    if (counted)
        counted->assign(occurrences.size(), 0);
    if (weeks.empty())
        return report;

    std::vector<Interval> week_spans;
    std::vector<Interval> work;
    for (const Week& week : weeks) {
        WeekFigures figures;
        figures.week = week;
        figures.hours_in_week =
            std::chrono::duration_cast<std::chrono::hours>(week.end - week.start).count();
        for (const Interval& i : working_hours(week, settings.working_week, zone)) {
            figures.working_min += i.to - i.from;
            work.push_back(i);
        }
        week_spans.push_back({minute_of(week.start), minute_of(week.end)});
        report.weeks.push_back(std::move(figures));
    }
    long long first = week_spans.front().from;
    long long last = week_spans.back().to;

    std::vector<Item> items;
    std::map<std::string, int> excluded_anywhere;
    for (std::size_t i = 0; i < occurrences.size(); ++i) {
        const auto& [o, c] = occurrences[i];
        if (c.category == Category::excluded) {
            // Each week the excluded occurrence touches counts it once, and so does the total.
            // The weeks are in order: from the first that ends after its start, not from the
            // first week of all, which made ten years of cancelled meetings quadratic.
            bool anywhere = false;
            // (A named copy: clang before 16 cannot capture a structured binding.)
            const Instant starts = o.start;
            auto first_week = std::partition_point(
                weeks.begin(), weeks.end(), [starts](const Week& w) { return w.end <= starts; });
            for (auto w = static_cast<std::size_t>(first_week - weeks.begin());
                 w < weeks.size() && weeks[w].start <= o.end; ++w)
                if (overlaps(TimeWindow{weeks[w].start, weeks[w].end}, o.start, o.end)) {
                    ++report.weeks[w].excluded[c.rule];
                    anywhere = true;
                }
            if (anywhere)
                ++excluded_anywhere[c.rule];
            continue;
        }
        long long from = std::max(minute_of(o.start), first);
        long long to = std::min(minute_of(o.end), last);
        if (to > from)
            items.push_back({from, to, c.category, i});
    }

    // Every minute between two consecutive points has one set of occurrences, one week and
    // one side of the working hours.
    std::vector<long long> points;
    for (const Item& item : items) {
        points.push_back(item.from);
        points.push_back(item.to);
    }
    for (const Interval& w : week_spans) {
        points.push_back(w.from);
        points.push_back(w.to);
    }
    for (const Interval& w : work) {
        points.push_back(w.from);
        points.push_back(w.to);
    }
    std::sort(points.begin(), points.end());
    points.erase(std::unique(points.begin(), points.end()), points.end());

    std::vector<std::size_t> by_start(items.size()), by_end(items.size());
    std::iota(by_start.begin(), by_start.end(), 0);
    std::iota(by_end.begin(), by_end.end(), 0);
    std::sort(by_start.begin(), by_start.end(),
              [&](std::size_t a, std::size_t b) { return items[a].from < items[b].from; });
    std::sort(by_end.begin(), by_end.end(),
              [&](std::size_t a, std::size_t b) { return items[a].to < items[b].to; });

    // The active occurrences, the counted one first: by category precedence, then the
    // earliest start, then the order of the input (which is by start, then UID).
    std::set<std::tuple<std::size_t, long long, std::size_t>> active;
    std::size_t next_start = 0, next_end = 0, week = 0, working = 0;
    std::vector<std::map<std::string, SeriesTally>> series(weeks.size());
    std::map<std::string, SeriesTally> all_series;
    std::vector<std::size_t> counted_in_week(items.size(), weeks.size());
    std::set<std::size_t> counted_anywhere;
    auto is_meta = [&](Category c) {
        return std::find(settings.meta_categories.begin(), settings.meta_categories.end(), c) !=
               settings.meta_categories.end();
    };

    for (std::size_t p = 0; p + 1 < points.size(); ++p) {
        long long from = points[p], to = points[p + 1];
        while (next_end < by_end.size() && items[by_end[next_end]].to <= from) {
            const Item& item = items[by_end[next_end++]];
            active.erase({index_of(item.category), item.from, by_end[next_end - 1]});
        }
        while (next_start < by_start.size() && items[by_start[next_start]].from <= from) {
            const Item& item = items[by_start[next_start]];
            if (item.to > from)
                active.insert({index_of(item.category), item.from, by_start[next_start]});
            ++next_start;
        }
        if (active.empty() || from < first || from >= last)
            continue;
        while (week_spans[week].to <= from)
            ++week;
        while (working < work.size() && work[working].to <= from)
            ++working;
        bool in_working_hours = working < work.size() && work[working].from <= from;
        long long length = to - from;
        std::size_t winner = std::get<2>(*active.begin());
        const Item& item = items[winner];
        WeekFigures& figures = report.weeks[week];
        figures.counted[index_of(item.category)] += length;
        if (!in_working_hours)
            figures.outside_working[index_of(item.category)] += length;
        if (active.size() > 1)
            figures.double_booked_min += length;
        if (counted)
            (*counted)[item.occurrence] += length;
        if (counted_in_week[winner] != week) {
            counted_in_week[winner] = week;
            ++figures.occurrences;
        }
        counted_anywhere.insert(winner);
        const Occurrence& o = occurrences[item.occurrence].occurrence;
        if (o.recurring && is_meta(item.category)) {
            for (SeriesTally* tally : {&series[week][o.uid], &all_series[o.uid]}) {
                tally->meta_min += length;
                if (tally->occurrences.insert(item.occurrence).second)
                    ++tally->titles[o.summary];
            }
        }
    }

    report.total.week = spanning(weeks);
    report.total.hours_in_week = 0;
    for (std::size_t w = 0; w < weeks.size(); ++w) {
        report.weeks[w].costliest_series = costliest(series[w], series_kept);
        add_into(report.total, report.weeks[w]);
    }
    report.total.excluded = std::move(excluded_anywhere);
    report.total.occurrences = static_cast<int>(counted_anywhere.size());
    report.total.costliest_series = costliest(all_series, series_kept);
    report.meta_share_trend = trend_of(report.weeks, settings);
    return report;
}

CountedMinutes counted_minutes(const std::vector<ClassifiedOccurrence>& occurrences,
                               const TimeWindow& window, const Zone& zone,
                               const Settings& settings) {
    // One "week" that is the window: working hours do not matter for what is counted.
    Week span;
    span.start = window.from;
    span.end = window.to;
    span.monday = date::year_month_day{date::floor<date::days>(window.from)};
    CountedMinutes counted;
    count_weeks(occurrences, {span}, zone, settings, &counted);
    return counted;
}

Report build_report(const ClassifiedEvents& events, const std::vector<Week>& weeks,
                    const Zone& zone, const Settings& settings, bool per_calendar) {
    Report report;
    report.per_calendar = per_calendar;
    report.inferred = describe_ownerships(events.ownerships);
    report.zone = zone.name();
    report.settings = settings;
    // The search for where events are stops in 2100: an end there is a series without one.
    if (events.input_range)
        report.input_open_ended =
            events.input_range->to >= date::sys_days{date::year{2099} / 12 / 1};
    if (events.input_range)
        report.input_covers =
            std::make_pair(week_of(events.input_range->from, zone),
                           week_of(std::max(events.input_range->from,
                                            events.input_range->to - std::chrono::seconds{1}),
                                   zone));
    if (!per_calendar) {
        report.calendars.push_back(count_weeks(events.all, weeks, zone, settings));
        return report;
    }
    std::map<std::string, std::vector<ClassifiedOccurrence>> by_file;
    for (const auto& [path, ownership] : events.ownerships)
        by_file[path];
    for (const auto& c : events.all)
        by_file[c.occurrence.source_file].push_back(c);
    CalendarReport team;
    team.calendar = "team";
    constexpr std::size_t every_series = static_cast<std::size_t>(-1);
    for (auto& [path, occurrences] : by_file) {
        CalendarReport one = count_weeks(occurrences, weeks, zone, settings, nullptr, every_series);
        one.calendar = path;
        if (team.weeks.empty()) {
            team.weeks = one.weeks;
            for (auto& w : team.weeks) {
                WeekFigures empty;
                empty.week = w.week;
                empty.hours_in_week = w.hours_in_week;
                w = std::move(empty);
            }
            team.total = WeekFigures{};
            team.total.week = one.total.week;
            team.total.hours_in_week = 0;
        }
        for (std::size_t w = 0; w < one.weeks.size(); ++w) {
            // A team's working time is every member's; its hours are the week's.
            long long hours = team.weeks[w].hours_in_week;
            add_into(team.weeks[w], one.weeks[w]);
            team.weeks[w].hours_in_week = hours;
            team.weeks[w].occurrences += one.weeks[w].occurrences;
            merge_series(team.weeks[w].costliest_series, one.weeks[w].costliest_series,
                         every_series);
        }
        add_into(team.total, one.total);
        team.total.occurrences += one.total.occurrences;
        merge_series(team.total.costliest_series, one.total.costliest_series, every_series);
        report.calendars.push_back(std::move(one));
    }
    // Each member's and the team's lists were kept whole for summing; show the costliest.
    auto keep_five = [](CalendarReport& c) {
        for (auto* list : {&c.total.costliest_series})
            if (list->size() > 5)
                list->resize(5);
        for (auto& w : c.weeks)
            if (w.costliest_series.size() > 5)
                w.costliest_series.resize(5);
    };
    for (auto& c : report.calendars)
        keep_five(c);
    keep_five(team);
    if (!report.calendars.empty()) {
        team.total.hours_in_week = report.calendars.front().total.hours_in_week;
        team.meta_share_trend = trend_of(team.weeks, settings);
        report.calendars.push_back(std::move(team));
    }
    return report;
}

} // namespace busywork
