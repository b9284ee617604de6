// SPDX-License-Identifier: MIT
// The report as GitHub-flavoured Markdown for wikis and chat. Every string that comes from
// the input (titles, paths, inferred lines, reasons, the zone) is escaped so that it cannot
// break the table or add links, images or HTML. Numbers are made without iostreams, so the
// locale does not matter.
#include <busywork/render_report.hpp>
#include <busywork/text_safety.hpp>
#include <charconv>
#include <climits>
#include <cmath>
#include <string_view>

namespace busywork {
namespace {

// Text safe inside a Markdown paragraph, heading, list item or table cell: one line without
// control characters, blanks trimmed, and every character that Markdown or GFM give a
// meaning (emphasis, code, links, images, HTML, entities, tables, headings, lists, math,
// strikethrough) backslash-escaped, which CommonMark allows for any ASCII punctuation.
std::string markdown_text(std::string_view text) {
    std::string line = single_line_text(text);
    std::size_t first = line.find_first_not_of(' ');
    if (first == std::string::npos)
        return "";
    std::size_t last = line.find_last_not_of(' ');
    std::string out;
    for (char c : std::string_view(line).substr(first, last - first + 1)) {
        // ':' too: GitHub's autolink extension makes a link of "http://" even when every
        // CommonMark character around it is escaped, but not of "http\://".
        if (std::string_view("\\`*_{}[]<>()#+-.!|~&$:").find(c) != std::string_view::npos)
            out += '\\';
        out += c;
    }
    return out;
}

// A week label as busywork makes them ("2026-W43"), kept to its own characters so that it
// needs no escaping in a table cell or a code span.
std::string label_text(std::string_view label) {
    std::string out;
    for (char c : label)
        if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
            c == '-' || c == '.')
            out += c;
    return out;
}

// A name busywork made or checked (the zone, the working week) as a code span, which shows
// it literally; text with a backtick is escaped instead.
std::string code_text(std::string_view text) {
    std::string line = single_line_text(text);
    if (line.empty() || line.find('`') != std::string::npos)
        return markdown_text(line);
    return "`" + line + "`";
}

// `numerator / denominator` with `decimals` digits after a `.`, rounded half away from zero
// on the exact quotient (68.75 tenths of a percent is "6.9"); 0 without a denominator.
std::string decimal_quotient(long long numerator, long long denominator, int decimals) {
    unsigned long long scale = 1;
    for (int i = 0; i < decimals; ++i)
        scale *= 10;
    if (denominator <= 0 || numerator < 0)
        numerator = 0, denominator = 1;
    auto num = static_cast<unsigned long long>(numerator);
    auto den = static_cast<unsigned long long>(denominator);
    if (num > (ULLONG_MAX - den) / (2 * scale)) {
        char buffer[64];
        auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer,
                                       static_cast<double>(num) / static_cast<double>(den),
                                       std::chars_format::fixed, decimals);
        return std::string(buffer, ec == std::errc() ? end : buffer);
    }
    unsigned long long rounded = (2 * num * scale + den) / (2 * den);
    std::string out = std::to_string(rounded / scale);
    if (decimals > 0) {
        std::string digits = std::to_string(rounded % scale);
        out.append(1, '.')
            .append(static_cast<std::size_t>(decimals) - digits.size(), '0')
            .append(digits);
    }
    return out;
}

// Minutes as hours and minutes: 165 is "2:45".
std::string hours(long long minutes) {
    unsigned long long m = minutes < 0 ? 0ULL - static_cast<unsigned long long>(minutes)
                                       : static_cast<unsigned long long>(minutes);
    std::string text = minutes < 0 ? "-" : "";
    text.append(std::to_string(m / 60)).append(m % 60 < 10 ? ":0" : ":");
    return text.append(std::to_string(m % 60));
}

std::string percent(long long part, long long whole) {
    // Per cent is a hundred times the fraction; minutes are far from overflowing that.
    long long hundred_parts = part <= LLONG_MAX / 100 ? part * 100 : LLONG_MAX;
    return decimal_quotient(hundred_parts, whole, 1) + " %";
}

// Percentage points per week with a sign and one decimal: "+1.2", "-0.4", "0.0".
std::string trend_text(double points) {
    double rounded = std::round(points * 10) / 10;
    if (rounded == 0)
        rounded = 0; // no "-0.0"
    char buffer[64];
    auto [end, ec] =
        std::to_chars(buffer, buffer + sizeof buffer, rounded, std::chars_format::fixed, 1);
    std::string text(buffer, ec == std::errc() ? end : buffer);
    if (rounded > 0)
        text.insert(text.begin(), '+');
    return text;
}

std::string iso_date(date::year_month_day day) {
    // Appended piece by piece: GCC 12 warns wrongly (-Wrestrict, GCC bug 105329) when a
    // literal is put before a temporary string.
    auto add_two = [](std::string& text, unsigned v) {
        text.append(v < 10 ? "0" : "").append(std::to_string(v));
    };
    int y = static_cast<int>(day.year());
    std::string digits = std::to_string(y < 0 ? -y : y);
    std::string text = y < 0 ? "-" : "";
    text.append(digits.size() < 4 ? 4 - digits.size() : 0, '0').append(digits).append("-");
    add_two(text, static_cast<unsigned>(day.month()));
    text.append("-");
    add_two(text, static_cast<unsigned>(day.day()));
    return text;
}

std::string range_of(const std::vector<WeekFigures>& weeks) {
    if (weeks.empty())
        return "";
    if (weeks.size() == 1)
        return label_text(weeks.front().week.label);
    return label_text(weeks.front().week.label) + " to " + label_text(weeks.back().week.label);
}

std::string table_row(const std::vector<std::string>& cells, bool bold) {
    std::string row = "|";
    for (const std::string& cell : cells)
        row.append(bold ? " **" : " ").append(cell).append(bold ? "** |" : " |");
    return row + "\n";
}

std::vector<std::string> cells_of(const std::string& label, const WeekFigures& w,
                                  const Settings& settings) {
    long long meta = w.meta_min(settings);
    long long customer = w.customer_min();
    return {label,
            hours(meta),
            percent(meta, w.working_min),
            hours(customer),
            percent(customer, w.working_min),
            customer > 0 ? decimal_quotient(meta, customer, 2) : "\xE2\x80\x93", // en dash
            hours(minutes_of(w.counted, Category::pre_meeting)),
            hours(minutes_of(w.counted, Category::post_meeting)),
            hours(minutes_of(w.counted, Category::internal_sync)),
            hours(minutes_of(w.counted, Category::internal_other)),
            hours(minutes_of(w.counted, Category::solo)),
            hours(w.double_booked_min)};
}

std::string calendar_section(const CalendarReport& calendar, const Settings& settings) {
    std::string out = "| Week | Meta h | Meta % | Customer h | Customer % | Ratio | Pre | Post | "
                      "Sync | Other | Solo | Double-booked |\n"
                      "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
    for (const WeekFigures& w : calendar.weeks)
        out += table_row(cells_of(label_text(w.week.label), w, settings), false);
    if (calendar.weeks.size() > 1)
        out += table_row(cells_of("Total", calendar.total, settings), true);
    out += "\n";
    if (calendar.meta_share_trend && std::isfinite(*calendar.meta_share_trend))
        out += "Meta share trend: " + trend_text(*calendar.meta_share_trend) +
               " percentage points per week.\n\n";

    const std::string range = range_of(calendar.weeks);
    const auto& series = calendar.total.costliest_series;
    if (series.empty()) {
        out += "**Costliest recurring meta series** (" + range + "): none.\n\n";
    } else {
        out += "**Costliest recurring meta series** (" + range + "):\n\n";
        for (const SeriesCost& s : series) {
            std::string title = markdown_text(s.title);
            out += "- " + (title.empty() ? std::string("(no title)") : title) + ": " +
                   std::to_string(s.occurrences) +
                   (s.occurrences == 1 ? " occurrence, " : " occurrences, ") + hours(s.meta_min) +
                   "\n";
        }
        out += "\n";
    }

    std::string excluded;
    for (const auto& [reason, count] : calendar.total.excluded)
        excluded +=
            (excluded.empty() ? "" : ", ") + markdown_text(reason) + " " + std::to_string(count);
    out += "**Excluded occurrences:** " + (excluded.empty() ? std::string("none") : excluded) +
           ".\n\n";
    return out;
}

} // namespace

std::string render_report_markdown(const Report& report) {
    std::string range;
    if (!report.calendars.empty())
        range = range_of(report.calendars.front().weeks);
    std::string out = "## Meetings about meetings" + (range.empty() ? "" : ", " + range) + "\n\n";

    if (report.input_covers) {
        const Week& first = report.input_covers->first;
        const Week& last = report.input_covers->second;
        auto sunday = date::year_month_day{date::sys_days{last.monday} + date::days{6}};
        out += "No events in the selected weeks. ";
        if (report.input_open_ended)
            out += "The input has events from " + label_text(first.label) +
                   " on, without end; `--week " + label_text(first.label) +
                   "` shows the first.\n\n";
        else if (first.label == last.label)
            out += "The input covers " + label_text(first.label) + "; `--week " +
                   label_text(first.label) + "` shows it.\n\n";
        else
            out += "The input covers " + label_text(first.label) + " to " + label_text(last.label) +
                   "; `--from " + iso_date(first.monday) + " --to " + iso_date(sunday) +
                   "` shows them.\n\n";
    }

    for (const CalendarReport& calendar : report.calendars) {
        if (report.per_calendar)
            out += "### " + markdown_text(calendar.calendar) + "\n\n";
        out += calendar_section(calendar, report.settings);
    }

    std::string meta;
    for (Category c : report.settings.meta_categories)
        meta += (meta.empty() ? "" : ", ") + std::string(category_name(c));
    out += "Meta = " + meta +
           "; shares are of the working time; Ratio = meta time per customer "
           "time.\n\n";
    for (const std::string& line : report.inferred)
        out += "- " + markdown_text(line) + "\n";
    if (!report.inferred.empty())
        out += "\n";
    out += "Times in " + code_text(report.zone) + "; working week " +
           code_text(report.settings.working_week.to_string()) + ".\n";
    return out;
}

} // namespace busywork
