// SPDX-License-Identifier: MIT
#include <algorithm>
#include <busywork/render_report.hpp>
#include <busywork/text_safety.hpp>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace busywork {

namespace {

constexpr Category counted_categories[] = {Category::customer,       Category::pre_meeting,
                                           Category::post_meeting,   Category::internal_sync,
                                           Category::internal_other, Category::solo};

std::string pad(const std::string& text, std::size_t width, bool right = false) {
    std::size_t used = display_columns(text);
    std::string fill(width > used ? width - used : 0, ' ');
    return right ? fill + text : text + fill;
}

// The first `width` columns of `text`, with an ellipsis when it was longer.
std::string clip(const std::string& text, std::size_t width) {
    if (display_columns(text) <= width)
        return text;
    std::string out;
    std::size_t used = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        bool starts_character = (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
        if (starts_character && ++used > width - 1)
            break;
        out += text[i];
    }
    return out + "…";
}

std::string hours(long long minutes) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%lld:%02lld", minutes / 60, minutes % 60);
    return buffer;
}

// Tenths of a percent, halves rounded away from zero as people expect (1.25 % is "1.3 %").
std::string percent(double share) {
    long long tenths = std::llround(share * 1000);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%s%lld.%lld %%", tenths < 0 ? "-" : "",
                  std::llabs(tenths) / 10, std::llabs(tenths) % 10);
    return buffer;
}

std::string day(const date::year_month_day& ymd) {
    return date::format("%a %Y-%m-%d", date::sys_days{ymd});
}

std::string sunday_of(const Week& week) {
    return day(date::year_month_day{date::sys_days{week.monday} + date::days{6}});
}

const char* colour_of(Category c) {
    switch (c) {
    case Category::customer:
        return "\x1b[32m";
    case Category::pre_meeting:
    case Category::post_meeting:
        return "\x1b[33m";
    case Category::internal_sync:
        return "\x1b[31m";
    case Category::internal_other:
        return "\x1b[35m";
    case Category::solo:
        return "\x1b[34m";
    case Category::excluded:
        break;
    }
    return "";
}

// A bar of `width` columns at most for `value` of `full`, in eighths of a block.
std::string bar(long long value, long long full, std::size_t width) {
    if (full <= 0 || value <= 0)
        return "";
    static const char* eighths[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
    long long units = (value * static_cast<long long>(width) * 8 + full / 2) / full;
    units = std::max(units, 1LL);
    std::string out;
    for (long long i = 0; i < units / 8; ++i)
        out += "█";
    return out + eighths[units % 8];
}

class TextReport {
public:
    TextReport(const Report& report, bool color) : m_report(report), m_color(color) {}

    std::string render() {
        if (m_report.input_covers)
            no_events();
        for (const CalendarReport& calendar : m_report.calendars) {
            if (m_report.per_calendar)
                line(bold(calendar.calendar == "team" ? std::string("Team")
                                                      : single_line_text(calendar.calendar)));
            if (calendar.weeks.size() == 1)
                one_week(calendar.weeks.front());
            else
                several_weeks(calendar);
            line("");
        }
        footer();
        return m_out;
    }

private:
    void line(const std::string& text) {
        std::size_t end = text.find_last_not_of(' ');
        m_out += (end == std::string::npos ? std::string() : text.substr(0, end + 1)) + "\n";
    }

    std::string bold(const std::string& text) const {
        return m_color ? "\x1b[1m" + text + "\x1b[0m" : text;
    }

    std::string coloured(Category c, const std::string& text) const {
        return m_color && !text.empty() ? colour_of(c) + text + "\x1b[0m" : text;
    }

    const Settings& settings() const { return m_report.settings; }

    void no_events() {
        const auto& [first, last] = *m_report.input_covers;
        const CalendarReport& any = m_report.calendars.front();
        const Week& from = any.weeks.front().week;
        const Week& to = any.weeks.back().week;
        wrapped("No events in " +
                (from.label == to.label ? from.label : from.label + ".." + to.label) + " (" +
                day(from.monday) + " to " + sunday_of(to) + ").");
        std::string first_day = date::format("%Y-%m-%d", date::sys_days{first.monday});
        if (m_report.input_open_ended)
            wrapped("The input has events from " + first.label + " on, without end: use --week " +
                    first.label + " or --from " + first_day + " --to DATE to see them.");
        else
            wrapped("The input covers " + first.label +
                    (first.label == last.label ? "" : " to " + last.label) + ": use --from " +
                    first_day + " --to " +
                    date::format("%Y-%m-%d", date::sys_days{last.monday} + date::days{6}) +
                    " to see it.");
        line("");
    }

    void headline(const WeekFigures& w) {
        long long meta = w.meta_min(settings());
        auto ratio = w.meta_per_customer(settings());
        char ratio_text[64] = "no customer time";
        if (ratio)
            std::snprintf(ratio_text, sizeof ratio_text, "%.2f h of meta per customer hour",
                          *ratio);
        line(pad("Meetings about meetings", 26) + pad(hours(meta), 8, true) + "  " +
             pad(percent(w.meta_share(settings())), 7, true) + " of working time");
        line(pad("Customer time", 26) + pad(hours(w.customer_min()), 8, true) + "  " +
             pad(percent(w.customer_share()), 7, true) + " of working time");
        line(pad("Ratio", 26) + ratio_text);
        line("");
    }

    void breakdown(const WeekFigures& w) {
        long long largest = 0;
        for (Category c : counted_categories)
            largest = std::max(largest, minutes_of(w.counted, c));
        line(pad("", 16) + pad("h:mm", 8, true) + pad("work %", 9, true) + "  " + "outside");
        for (Category c : counted_categories) {
            long long m = minutes_of(w.counted, c);
            double share =
                w.working_min ? static_cast<double>(m) / static_cast<double>(w.working_min) : 0.0;
            long long outside = minutes_of(w.outside_working, c);
            line(coloured(c, pad(std::string(category_name(c)), 16)) + pad(hours(m), 8, true) +
                 pad(percent(share), 9, true) + "  " + pad(outside ? hours(outside) : "", 7) + " " +
                 coloured(c, bar(m, largest, 36)));
        }
        line(pad("counted", 16) + pad(hours(w.counted_min()), 8, true) +
             pad(percent(w.working_min ? static_cast<double>(w.counted_min()) /
                                             static_cast<double>(w.working_min)
                                       : 0.0),
                 9, true) +
             "  " + (w.outside_working_min() ? hours(w.outside_working_min()) : ""));
        line(pad("double-booked", 16) + pad(hours(w.double_booked_min), 8, true));
        line(pad("working time", 16) + pad(hours(w.working_min), 8, true) + "  (" +
             settings().working_week.to_string() + ")");
        line("");
    }

    void series_and_exclusions(const WeekFigures& w) {
        if (!w.costliest_series.empty()) {
            line("Costliest recurring meta series");
            for (const SeriesCost& s : w.costliest_series)
                line("  " + pad(clip(single_line_text(s.title), 58), 58) +
                     pad(std::to_string(s.occurrences) + " ×", 6, true) +
                     pad(hours(s.meta_min), 8, true));
            line("");
        }
        if (!w.excluded.empty()) {
            std::string text = "Excluded:";
            bool first = true;
            for (const auto& [reason, n] : w.excluded) {
                text += (first ? " " : ", ") + std::to_string(n) + " " + single_line_text(reason);
                first = false;
            }
            line(text);
        }
    }

    void one_week(const WeekFigures& w) {
        line(bold(w.week.label) + "  " + day(w.week.monday) + " to " + sunday_of(w.week) + ", " +
             std::to_string(w.hours_in_week) + " h");
        line("");
        headline(w);
        breakdown(w);
        series_and_exclusions(w);
    }

    void several_weeks(const CalendarReport& calendar) {
        const WeekFigures& total = calendar.total;
        line(bold(total.week.label) + "  " + day(total.week.monday) + " to " +
             sunday_of(calendar.weeks.back().week) + ", " + std::to_string(calendar.weeks.size()) +
             " weeks");
        line("");
        std::string header = pad("week", 10) + pad("meta", 7, true) + pad("share", 8, true) +
                             pad("cust", 7, true) + pad("share", 8, true);
        for (const char* name : {"pre", "post", "sync", "other", "solo", "dbl"})
            header += pad(name, 6, true);
        line(header);
        auto row = [&](const std::string& label, const WeekFigures& w) {
            std::string text = pad(label, 10) + pad(hours(w.meta_min(settings())), 7, true) +
                               pad(percent(w.meta_share(settings())), 8, true) +
                               pad(hours(w.customer_min()), 7, true) +
                               pad(percent(w.customer_share()), 8, true);
            for (Category c : {Category::pre_meeting, Category::post_meeting,
                               Category::internal_sync, Category::internal_other, Category::solo})
                text += pad(hours(minutes_of(w.counted, c)), 6, true);
            text += pad(hours(w.double_booked_min), 6, true);
            line(text);
        };
        for (const WeekFigures& w : calendar.weeks)
            row(w.week.label, w);
        row("total", total);
        line("");
        std::string spark;
        static const char* levels[] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
        double highest = 0;
        for (const auto& w : calendar.weeks)
            highest = std::max(highest, w.meta_share(settings()));
        for (const auto& w : calendar.weeks) {
            int level = highest > 0
                            ? static_cast<int>(std::lround(7 * w.meta_share(settings()) / highest))
                            : 0;
            spark += levels[std::clamp(level, 0, 7)];
        }
        char trend[96] = "";
        if (calendar.meta_share_trend)
            std::snprintf(trend, sizeof trend, "%+.1f percentage points per week",
                          *calendar.meta_share_trend);
        line("Meta share by week  " + spark + "  " + trend);
        line("");
        breakdown(total);
        series_and_exclusions(total);
    }

    // Breaks at spaces so that no line passes 80 columns (a word longer than that stays whole).
    void wrapped(const std::string& text, const std::string& indent = "  ") {
        std::string current;
        std::size_t start = 0;
        while (start <= text.size()) {
            std::size_t space = text.find(' ', start);
            std::string word =
                text.substr(start, space == std::string::npos ? std::string::npos : space - start);
            if (!current.empty() && display_columns(current) + 1 + display_columns(word) > 80) {
                line(current);
                current = indent + word;
            } else {
                current += (current.empty() ? "" : " ") + word;
            }
            if (space == std::string::npos)
                break;
            start = space + 1;
        }
        line(current);
    }

    void footer() {
        for (const auto& inferred : m_report.inferred)
            wrapped(single_line_text(inferred));
        wrapped("Times in " + single_line_text(m_report.zone) + "; meetings about meetings are " +
                meta_names() + ".");
    }

    std::string meta_names() const {
        std::string names;
        const auto& meta = settings().meta_categories;
        for (std::size_t i = 0; i < meta.size(); ++i)
            names += (i == 0                 ? ""
                      : i + 1 == meta.size() ? " and "
                                             : ", ") +
                     std::string(category_name(meta[i]));
        return names.empty() ? "none" : names;
    }

    const Report& m_report;
    bool m_color;
    std::string m_out;
};

} // namespace

std::string render_report_text(const Report& report, bool color) {
    return TextReport(report, color).render();
}

} // namespace busywork
