// SPDX-License-Identifier: MIT
#pragma once

#include <array>
#include <busywork/category.hpp>
#include <busywork/classification.hpp>
#include <busywork/classified_events.hpp>
#include <busywork/ownership.hpp>
#include <busywork/rules.hpp>
#include <busywork/weeks.hpp>
#include <busywork/working_week.hpp>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace busywork {

/// Minutes per category, indexed by `Category` (excluded is always 0).
using CategoryMinutes = std::array<long long, all_categories.size()>;

inline long long& minutes_of(CategoryMinutes& m, Category c) {
    return m[static_cast<std::size_t>(c)];
}
inline long long minutes_of(const CategoryMinutes& m, Category c) {
    return m[static_cast<std::size_t>(c)];
}

/// A recurring series and the meta time it cost in a week (or the whole report).
struct SeriesCost {
    std::string uid;
    std::string title;   ///< the title most of its occurrences had
    int occurrences = 0; ///< occurrences that counted some meta time
    long long meta_min = 0;
};

/// The figures of one week (or of the whole report, for totals). At each minute at most one
/// category counts, by the precedence of `Category`; minutes are whole minutes of the UTC
/// time line, so every sum is exact.
struct WeekFigures {
    Week week;
    long long hours_in_week = 168;     ///< 167 or 169 with a clock change
    long long working_min = 0;         ///< the working week's minutes in this week
    CategoryMinutes counted{};         ///< counted minutes per category
    CategoryMinutes outside_working{}; ///< of those, minutes outside working hours
    long long double_booked_min = 0;   ///< minutes with two or more counted occurrences at once
    /// Excluded occurrences by reason ("cancelled" …); in a total, each occurrence once.
    std::map<std::string, int> excluded;
    std::vector<SeriesCost> costliest_series; ///< most meta time first, at most 5
    int occurrences = 0;                      ///< occurrences that counted some time

    long long counted_min() const;                      ///< sum of `counted`
    long long outside_working_min() const;              ///< sum of `outside_working`
    long long meta_min(const Settings& settings) const; ///< the meta categories' sum
    long long customer_min() const { return minutes_of(counted, Category::customer); }
    /// Shares of the working time (0 when the week has no working time).
    double meta_share(const Settings& settings) const;
    double customer_share() const;
    /// Meta minutes per customer minute; nothing when there was no customer time.
    std::optional<double> meta_per_customer(const Settings& settings) const;
};

/// One calendar's (or the merged inputs') report over the selected weeks.
struct CalendarReport {
    std::string calendar;           ///< the file's path; "all" for merged inputs or the team
    std::vector<WeekFigures> weeks; ///< oldest first, one per selected week
    WeekFigures total;              ///< the sums over all weeks (its `week` spans them)
    /// Least-squares slope of the weekly meta share, in percentage points per week; nothing
    /// with fewer than two weeks.
    std::optional<double> meta_share_trend;
};

/// Everything a renderer prints.
struct Report {
    std::vector<CalendarReport> calendars; ///< one "all" entry, or one per file + "team"
    bool per_calendar = false;
    std::vector<std::string> inferred; ///< what was inferred, one line per file
    std::string zone;                  ///< the report zone's name
    Settings settings;                 ///< for meta categories and the working week
    /// When no selected week holds an event: the weeks the input does cover, if any.
    std::optional<std::pair<Week, Week>> input_covers;
    /// Whether a series in the input has no end, so that `input_covers` ends nowhere: its
    /// second week is then only where the search for events stopped.
    bool input_open_ended = false;
};

/// How many minutes of each occurrence counted after overlap resolution, by position in
/// the list given to `count_weeks`.
using CountedMinutes = std::vector<long long>;

/// Counts `occurrences` into `weeks`: splits them at week boundaries and working hours (both
/// in `zone`), resolves overlaps by category precedence and reports double-booked time.
/// `counted`, when given, receives each occurrence's counted minutes inside the weeks.
/// `costliest_series` keeps the `series_kept` costliest (all of them for summing teams).
CalendarReport count_weeks(const std::vector<ClassifiedOccurrence>& occurrences,
                           const std::vector<Week>& weeks, const Zone& zone,
                           const Settings& settings, CountedMinutes* counted = nullptr,
                           std::size_t series_kept = 5);

/// Each occurrence's counted minutes inside `window` after overlap resolution, by position:
/// what `events` shows, so that a pivot over it gives the report's figures.
CountedMinutes counted_minutes(const std::vector<ClassifiedOccurrence>& occurrences,
                               const TimeWindow& window, const Zone& zone,
                               const Settings& settings);

/// The report over `weeks`: the inputs merged into one timeline ("all"), or with
/// `per_calendar` one report per input file plus their sum ("team"). Sets `input_covers`
/// when no selected week holds any occurrence.
Report build_report(const ClassifiedEvents& events, const std::vector<Week>& weeks,
                    const Zone& zone, const Settings& settings, bool per_calendar);

} // namespace busywork
