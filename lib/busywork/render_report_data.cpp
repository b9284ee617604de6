// SPDX-License-Identifier: MIT
// The report for machines: CSV for spreadsheets and JSON. Neither depends on the process's
// locale: numbers are made with std::to_string, std::to_chars and integer arithmetic only.
#include <busywork/category.hpp>
#include <busywork/render_events.hpp>
#include <busywork/render_report.hpp>
#include <busywork/text_safety.hpp>
#include <busywork/time_zones.hpp>
#include <charconv>
#include <climits>
#include <cstdio>
#include <nlohmann/json.hpp>

namespace busywork {
namespace {

// `YYYY-MM-DD`, without iostreams (and so without their locale).
std::string iso_date(date::year_month_day day) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(day.year()),
                  static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
    return buffer;
}

date::year_month_day sunday_of(date::year_month_day monday) {
    return date::year_month_day{date::sys_days{monday} + date::days{6}};
}

// `numerator / denominator` with `decimals` digits after a `.`, rounded half away from zero
// on the exact quotient of the integers (so 165 / 2400 = 0.06875 is "0.0688" with 4).
std::string decimal_quotient(long long numerator, long long denominator, int decimals) {
    if (denominator == 0)
        return "0." + std::string(static_cast<std::size_t>(decimals), '0');
    bool negative = (numerator < 0) != (denominator < 0) && numerator != 0;
    unsigned long long num = numerator < 0 ? 0ULL - static_cast<unsigned long long>(numerator)
                                           : static_cast<unsigned long long>(numerator);
    unsigned long long den = denominator < 0 ? 0ULL - static_cast<unsigned long long>(denominator)
                                             : static_cast<unsigned long long>(denominator);
    unsigned long long scale = 1;
    for (int i = 0; i < decimals; ++i)
        scale *= 10;
    char buffer[64];
    if (num > (ULLONG_MAX - den) / (2 * scale)) {
        // Far beyond any calendar's minutes: fall back to a correctly rounded double.
        double value = static_cast<double>(num) / static_cast<double>(den);
        auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value,
                                       std::chars_format::fixed, decimals);
        std::string text = negative ? "-" : "";
        return text.append(buffer, ec == std::errc() ? end : buffer);
    }
    unsigned long long rounded = (2 * num * scale + den) / (2 * den);
    std::string digits = std::to_string(rounded % scale);
    std::string out = negative && rounded != 0 ? "-" : "";
    out += std::to_string(rounded / scale);
    if (decimals > 0)
        out.append(1, '.')
            .append(static_cast<std::size_t>(decimals) - digits.size(), '0')
            .append(digits);
    return out;
}

// The six counted categories, in precedence order (excluded counts nothing).
constexpr std::array<Category, 6> counted_categories{
    Category::customer,      Category::pre_meeting,    Category::post_meeting,
    Category::internal_sync, Category::internal_other, Category::solo};

long long excluded_count(const WeekFigures& w) {
    long long n = 0;
    for (const auto& [reason, count] : w.excluded)
        n += count;
    return n;
}

std::string csv_row(const WeekFigures& w, const Settings& settings) {
    auto n = [](long long v) { return std::to_string(v); };
    long long meta = w.meta_min(settings);
    std::string row = csv_field(w.week.label) + ',' + iso_date(w.week.monday) + ',' +
                      iso_date(sunday_of(w.week.monday)) + ',' + n(w.working_min);
    for (Category c : counted_categories)
        row += ',' + n(minutes_of(w.counted, c));
    row += ',' + n(meta) + ',' + decimal_quotient(meta, w.working_min, 4) + ',' +
           decimal_quotient(w.customer_min(), w.working_min, 4) + ',' + n(w.double_booked_min) +
           ',' + n(w.outside_working_min()) + ',' + n(w.counted_min()) + ',' + n(w.hours_in_week) +
           ',' + n(excluded_count(w)) + ',' +
           (w.customer_min() > 0 ? decimal_quotient(meta, w.customer_min(), 4) : std::string());
    return row;
}

using Json = nlohmann::ordered_json;

Json by_category(const CategoryMinutes& minutes) {
    Json out = Json::object();
    for (Category c : counted_categories)
        out[std::string(category_name(c))] = minutes_of(minutes, c);
    return out;
}

Json week_json(const WeekFigures& w, date::year_month_day last_monday, const Zone& zone,
               const Settings& settings) {
    Json excluded = Json::object();
    for (const auto& [reason, count] : w.excluded)
        excluded[reason] = count;
    Json series = Json::array();
    for (const SeriesCost& s : w.costliest_series)
        series.push_back({{"uid", s.uid},
                          {"title", s.title},
                          {"occurrences", s.occurrences},
                          {"meta_min", s.meta_min}});
    auto ratio = w.meta_per_customer(settings);
    return Json{
        {"week", w.week.label},
        {"monday", iso_date(w.week.monday)},
        {"sunday", iso_date(sunday_of(last_monday))},
        {"start", format_rfc3339(w.week.start, zone)},
        {"end", format_rfc3339(w.week.end, zone)},
        {"hours_in_week", w.hours_in_week},
        {"working_min", w.working_min},
        {"counted_min", by_category(w.counted)},
        {"outside_working_min", by_category(w.outside_working)},
        {"counted_total_min", w.counted_min()},
        {"outside_working_total_min", w.outside_working_min()},
        {"meta_min", w.meta_min(settings)},
        {"customer_min", w.customer_min()},
        {"meta_share", w.meta_share(settings)},
        {"customer_share", w.customer_share()},
        {"meta_per_customer", ratio ? Json(*ratio) : Json()},
        {"double_booked_min", w.double_booked_min},
        {"occurrences", w.occurrences},
        {"excluded", excluded},
        {"costliest_series", series},
    };
}

// The report zone, for printing instants; UTC when the name is empty or unknown.
Zone zone_of(const Report& report) {
    if (report.zone.empty())
        return Zone::utc();
    try {
        return report_zone(report.zone);
    } catch (const std::exception&) {
        return Zone::utc();
    }
}

} // namespace

std::string render_report_csv(const Report& report) {
    std::string out = report.per_calendar ? "calendar," : "";
    out += "week,week_start,week_end,working_min,customer_min,pre_meeting_min,post_meeting_min,"
           "internal_sync_min,internal_other_min,solo_min,meta_min,meta_share,customer_share,"
           "double_booked_min,outside_working_min,counted_min,hours_in_week,excluded_count,"
           "meta_per_customer\r\n";
    for (const CalendarReport& calendar : report.calendars)
        for (const WeekFigures& w : calendar.weeks) {
            if (report.per_calendar)
                out += csv_field(calendar.calendar) + ',';
            out += csv_row(w, report.settings) + "\r\n";
        }
    return out;
}

std::string render_report_json(const Report& report) {
    Zone zone = zone_of(report);
    Json meta = Json::array();
    for (Category c : report.settings.meta_categories)
        meta.push_back(std::string(category_name(c)));
    Json calendars = Json::array();
    for (const CalendarReport& calendar : report.calendars) {
        Json weeks = Json::array();
        for (const WeekFigures& w : calendar.weeks)
            weeks.push_back(week_json(w, w.week.monday, zone, report.settings));
        // The total spans from the first week's Monday to the last week's Sunday.
        date::year_month_day last_monday =
            calendar.weeks.empty() ? calendar.total.week.monday : calendar.weeks.back().week.monday;
        calendars.push_back({
            {"calendar", calendar.calendar},
            {"weeks", weeks},
            {"total", week_json(calendar.total, last_monday, zone, report.settings)},
            {"meta_share_trend_pp_per_week",
             calendar.meta_share_trend ? Json(*calendar.meta_share_trend) : Json()},
        });
    }
    Json covers;
    if (report.input_covers)
        covers = {{"first_week", report.input_covers->first.label},
                  {"last_week",
                   report.input_open_ended ? Json() : Json(report.input_covers->second.label)}};
    Json document{
        {"zone", report.zone},
        {"working_week", report.settings.working_week.to_string()},
        {"meta_categories", meta},
        {"inferred", report.inferred},
        {"per_calendar", report.per_calendar},
        {"input_covers", covers},
        {"calendars", calendars},
    };
    // Invalid UTF-8 in event text is replaced rather than thrown on.
    return document.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

} // namespace busywork
