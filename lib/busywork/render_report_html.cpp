// SPDX-License-Identifier: MIT
// The HTML report: one self-contained page meant to be the body of an e-mail. Mail clients
// (Gmail, Outlook, Apple Mail) drop <style> blocks, scripts and external resources, and many
// ignore CSS layout, so every style is an inline attribute and each week's stacked bar is a
// one-row table whose cells have a width and a background colour. Nothing outside the page is
// referenced: no links, no images, no fonts.
#include <algorithm>
#include <busywork/render_report.hpp>
#include <busywork/text_safety.hpp>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace busywork {
namespace {

// ---- text ------------------------------------------------------------------------------------

// The code point of the valid UTF-8 sequence at `i` and its length (`text` is valid UTF-8, as
// single_line_text makes it).
std::uint32_t code_point_at(std::string_view text, std::size_t i, std::size_t& length) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    unsigned char c = byte(i);
    if (c < 0x80) {
        length = 1;
        return c;
    }
    length = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
    if (i + length > text.size()) { // cannot happen after single_line_text; be safe anyway
        length = 1;
        return 0xFFFD;
    }
    std::uint32_t cp = c & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07);
    for (std::size_t k = 1; k < length; ++k)
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    return cp;
}

// Noncharacters are parse errors in an HTML5 input stream.
bool noncharacter(std::uint32_t cp) {
    return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
}

/// Any event- or input-derived text as HTML text or attribute value: one line, no control
/// characters or noncharacters, and `& < > " '` escaped.
std::string esc(std::string_view raw) {
    std::string text = single_line_text(raw);
    std::string out;
    out.reserve(text.size() + 16);
    for (std::size_t i = 0; i < text.size();) {
        std::size_t n = 1;
        std::uint32_t cp = code_point_at(text, i, n);
        if (noncharacter(cp)) {
            out += "\xEF\xBF\xBD";
        } else if (n > 1) {
            out.append(text, i, n);
        } else {
            switch (text[i]) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += text[i];
            }
        }
        i += n;
    }
    return out;
}

// ---- numbers (integer arithmetic only: exact, and the same in every locale) -----------------

/// Minutes as "h:mm": 165 → "2:45", 2400 → "40:00".
std::string hm(long long minutes) {
    std::string sign = minutes < 0 ? "-" : "";
    long long m = minutes < 0 ? -minutes : minutes;
    long long rest = m % 60;
    return sign + std::to_string(m / 60) + ":" + (rest < 10 ? "0" : "") + std::to_string(rest);
}

/// `tenths` as "6.9".
std::string tenths_text(long long tenths) {
    std::string sign = tenths < 0 ? "-" : "";
    long long t = tenths < 0 ? -tenths : tenths;
    return sign + std::to_string(t / 10) + "." + std::to_string(t % 10);
}

/// part / whole rounded half up to a multiple of 1/`scale`, as a count of 1/`scale`.
long long rounded_ratio(long long part, long long whole, long long scale) {
    return (2 * part * scale + whole) / (2 * whole);
}

/// The share of `whole` as "6.9 %"; "–" when there is no whole.
std::string percent(long long part, long long whole) {
    if (whole <= 0)
        return "\xE2\x80\x93"; // en dash
    return tenths_text(rounded_ratio(part, whole, 1000)) + " %";
}

/// Meta minutes per customer minute as "0.79"; "–" without customer time.
std::string ratio_text(long long meta, long long customer) {
    if (customer <= 0)
        return "\xE2\x80\x93";
    long long hundredths = rounded_ratio(meta, customer, 100);
    long long rest = hundredths % 100;
    return std::to_string(hundredths / 100) + "." + (rest < 10 ? "0" : "") + std::to_string(rest);
}

/// A trend in percentage points per week: "+1.3 pp/week (rising)".
std::string trend_text(double pp_per_week) {
    long long tenths = std::llround(pp_per_week * 10.0);
    if (tenths == 0)
        return "0.0 pp/week (flat)";
    return (tenths > 0 ? "+" : "") + tenths_text(tenths) + " pp/week" +
           (tenths > 0 ? " (rising)" : " (falling)");
}

std::string iso_date(date::year_month_day day) {
    auto two = [](unsigned v) { return (v < 10 ? "0" : "") + std::to_string(v); };
    return std::to_string(static_cast<int>(day.year())) + "-" +
           two(static_cast<unsigned>(day.month())) + "-" + two(static_cast<unsigned>(day.day()));
}

date::year_month_day sunday_of(const Week& week) {
    return date::year_month_day{date::sys_days{week.monday} + date::days{6}};
}

// ---- styles -----------------------------------------------------------------------------------

constexpr Category shown_categories[] = {Category::customer,       Category::pre_meeting,
                                         Category::post_meeting,   Category::internal_sync,
                                         Category::internal_other, Category::solo};

std::string_view colour_of(Category c) {
    switch (c) {
    case Category::customer:
        return "#2e7d32";
    case Category::pre_meeting:
        return "#ef6c00";
    case Category::post_meeting:
        return "#f9a825";
    case Category::internal_sync:
        return "#c62828";
    case Category::internal_other:
        return "#7e57c2";
    case Category::solo:
        return "#78909c";
    case Category::excluded:
        break;
    }
    return "#cfd8dc";
}

constexpr std::string_view free_colour = "#eceff1";
constexpr std::string_view text_colour = "#1f2933";
constexpr std::string_view muted_colour = "#5f6b7a";

constexpr std::string_view table_style =
    "border-collapse:collapse;border-spacing:0;margin:0 0 16px 0;font-size:14px";
constexpr std::string_view th_style = "text-align:left;padding:4px 10px 4px 0;border-bottom:1px "
                                      "solid #cfd8dc;font-weight:bold;vertical-align:bottom";
constexpr std::string_view th_num_style =
    "text-align:right;padding:4px 0 4px 10px;border-bottom:"
    "1px solid #cfd8dc;font-weight:bold;vertical-align:bottom";
constexpr std::string_view td_style =
    "text-align:left;padding:3px 10px 3px 0;border-bottom:1px solid #eceff1;vertical-align:top";
constexpr std::string_view td_num_style = "text-align:right;padding:3px 0 3px 10px;border-bottom:"
                                          "1px solid #eceff1;white-space:nowrap;vertical-align:top";
constexpr std::string_view h2_style = "font-size:18px;margin:24px 0 8px 0;color:#1f2933";
constexpr std::string_view h3_style = "font-size:15px;margin:16px 0 6px 0;color:#1f2933";
constexpr std::string_view p_style = "margin:0 0 10px 0";

std::string td(std::string_view html, bool numeric = false) {
    return "<td style=\"" + std::string(numeric ? td_num_style : td_style) + "\">" +
           std::string(html) + "</td>";
}
std::string th(std::string_view html, bool numeric = false) {
    return "<th scope=\"col\" style=\"" + std::string(numeric ? th_num_style : th_style) + "\">" +
           std::string(html) + "</th>";
}
std::string strong(std::string_view html) {
    return "<strong>" + std::string(html) + "</strong>";
}

// ---- the page ---------------------------------------------------------------------------------

class Page {
public:
    explicit Page(const Report& report) : report_(report) {}

    std::string render() {
        head();
        notice();
        for (const CalendarReport& calendar : report_.calendars)
            section(calendar);
        if (report_.calendars.empty())
            out_ += "<p style=\"" + std::string(p_style) + "\">No calendar was read.</p>\n";
        about();
        out_ += "</div>\n</body>\n</html>\n";
        return std::move(out_);
    }

private:
    const Report& report_;
    std::string out_;

    bool is_meta(Category c) const {
        const auto& meta = report_.settings.meta_categories;
        return std::find(meta.begin(), meta.end(), c) != meta.end();
    }

    /// "2026-W43" or "2026-W40 – 2026-W43", from the first calendar's weeks.
    std::string span_label() const {
        for (const CalendarReport& c : report_.calendars) {
            if (c.weeks.empty())
                continue;
            if (c.weeks.size() == 1)
                return esc(c.weeks.front().week.label);
            return esc(c.weeks.front().week.label) + " \xE2\x80\x93 " +
                   esc(c.weeks.back().week.label);
        }
        return "no weeks";
    }

    std::string working_week_text() const {
        const WorkingWeek& w = report_.settings.working_week;
        return esc(w.to_string()) + " (" + hm(w.minutes_per_week().count()) + " h a week)";
    }

    void head() {
        std::string span = span_label();
        out_ += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                "<title>busywork: meetings about meetings, " +
                span + "</title>\n</head>\n";
        out_ += "<body style=\"margin:0;padding:16px;background-color:#ffffff;color:" +
                std::string(text_colour) +
                ";font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.4\">\n"
                "<div style=\"max-width:820px;margin:0 auto\">\n";
        out_ += "<h1 style=\"font-size:22px;margin:0 0 4px 0\">Meetings about meetings, " + span +
                "</h1>\n";
        out_ += "<p style=\"margin:0 0 16px 0;color:" + std::string(muted_colour) + "\">Zone " +
                esc(report_.zone) + " \xC2\xB7 working week " + working_week_text() + "</p>\n";
    }

    /// When the window holds nothing, say so and what the input does cover.
    void notice() {
        const std::string box = "<p style=\"margin:0 0 16px 0;padding:8px 12px;background-color:"
                                "#fff8e1;border:1px solid #f9a825\">";
        if (report_.input_covers) {
            const auto& [first, last] = *report_.input_covers;
            std::string covered =
                first.label == last.label
                    ? "week " + esc(first.label)
                    : "weeks " + esc(first.label) + " \xE2\x80\x93 " + esc(last.label);
            out_ += box + strong("No events in the selected weeks.") + " The input covers " +
                    covered + " (" + iso_date(first.monday) + " to " + iso_date(sunday_of(last)) +
                    "); <code>--from " + iso_date(first.monday) + " --to " +
                    iso_date(sunday_of(last)) + "</code> reports them.</p>\n";
            return;
        }
        bool any = false;
        for (const CalendarReport& c : report_.calendars)
            any = any || c.total.occurrences > 0 || !c.total.excluded.empty();
        if (!any && !report_.calendars.empty())
            out_ += box + strong("No events in the selected weeks.") + "</p>\n";
    }

    void section(const CalendarReport& calendar) {
        if (report_.per_calendar) {
            std::string name = calendar.calendar == "team" ? std::string("Team")
                                                           : "Calendar " + esc(calendar.calendar);
            out_ += "<h2 style=\"" + std::string(h2_style) + "\">" + name + "</h2>\n";
        }
        long long scale = bar_scale(calendar);
        if (calendar.weeks.size() == 1) {
            const WeekFigures& w = calendar.weeks.front();
            week_heading(w);
            headline(w);
            out_ += bar(w, scale, "100%", "0 0 10px 0") + "\n";
            legend(calendar, scale);
            details(w, "This week");
        } else {
            weeks_table(calendar, scale);
            legend(calendar, scale);
            if (calendar.meta_share_trend)
                out_ += "<p style=\"" + std::string(p_style) + "\">" +
                        strong("Trend of the meta share: ") +
                        trend_text(*calendar.meta_share_trend) + "</p>\n";
            details(calendar.total, "All weeks");
        }
    }

    static long long max_working(const CalendarReport& calendar) {
        long long m = 0;
        for (const WeekFigures& w : calendar.weeks)
            m = std::max(m, w.working_min);
        return m;
    }
    static long long max_counted(const CalendarReport& calendar) {
        long long m = 0;
        for (const WeekFigures& w : calendar.weeks)
            m = std::max(m, w.counted_min());
        return m;
    }
    static bool scale_is_working(const CalendarReport& calendar) {
        return max_working(calendar) >= max_counted(calendar);
    }
    /// Every bar of a calendar shares one scale: its longest working week, or its busiest week
    /// when meetings outgrew the working time.
    static long long bar_scale(const CalendarReport& calendar) {
        return std::max<long long>(1, std::max(max_working(calendar), max_counted(calendar)));
    }

    void week_heading(const WeekFigures& w) {
        out_ += "<h3 style=\"" + std::string(h3_style) + "\">Week " + esc(w.week.label) + ", " +
                iso_date(w.week.monday) + " to " + iso_date(sunday_of(w.week)) + " (" +
                std::to_string(w.hours_in_week) + " h" +
                (w.hours_in_week != 168 ? std::string(", the clocks change") : std::string()) +
                ")</h3>\n";
    }

    void headline(const WeekFigures& w) {
        long long meta = w.meta_min(report_.settings);
        long long customer = w.customer_min();
        out_ += "<p style=\"margin:0 0 10px 0;font-size:16px\">" +
                strong("Meetings about meetings: " + hm(meta) + " h") + " (" +
                percent(meta, w.working_min) + " of working time) \xC2\xB7 " +
                strong("Customers: " + hm(customer) + " h") + " (" +
                percent(customer, w.working_min) + ") \xC2\xB7 ";
        if (customer > 0)
            out_ += strong(ratio_text(meta, customer)) +
                    " h of meetings about meetings per customer hour";
        else
            out_ += "no customer time";
        out_ += "</p>\n";
    }

    /// A stacked bar: one cell per non-zero category, widths in tenths of a percent of `scale`
    /// that add up to exactly 100 %, and a light cell for the rest.
    std::string bar(const WeekFigures& w, long long scale, std::string_view width,
                    std::string_view margin) const {
        struct Part {
            std::string_view colour;
            std::string label;
            long long minutes;
            long long tenths = 0;
            long long remainder = 0;
        };
        std::vector<Part> parts;
        long long used = 0;
        for (Category c : shown_categories) {
            long long m = minutes_of(w.counted, c);
            if (m > 0) {
                parts.push_back({colour_of(c), std::string(category_name(c)) + " " + hm(m), m});
                used += m;
            }
        }
        if (used < scale)
            parts.push_back({free_colour, "not in meetings", scale - used});
        long long total = std::max(used, scale);
        // Largest remainder: the widths add up to 1000 tenths.
        long long assigned = 0;
        for (Part& p : parts) {
            p.tenths = p.minutes * 1000 / total;
            p.remainder = p.minutes * 1000 % total;
            assigned += p.tenths;
        }
        std::vector<std::size_t> order(parts.size());
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return parts[a].remainder > parts[b].remainder;
        });
        for (std::size_t k = 0; assigned < 1000 && k < order.size(); ++k, ++assigned)
            ++parts[order[k]].tenths;
        // A category with time is never invisible: it takes a tenth from the widest cell.
        for (Part& p : parts) {
            if (p.tenths == 0) {
                auto widest =
                    std::max_element(parts.begin(), parts.end(), [](const Part& a, const Part& b) {
                        return a.tenths < b.tenths;
                    });
                if (widest->tenths > 1) {
                    --widest->tenths;
                    ++p.tenths;
                }
            }
        }
        std::string html = "<table role=\"presentation\" style=\"width:" + std::string(width) +
                           ";border-collapse:collapse;border-spacing:0;table-layout:fixed;"
                           "margin:" +
                           std::string(margin) + "\"><tr>";
        for (const Part& p : parts) {
            if (p.tenths == 0)
                continue;
            html += "<td title=\"" + esc(p.label) + "\" style=\"width:" + tenths_text(p.tenths) +
                    "%;background-color:" + std::string(p.colour) +
                    ";height:16px;padding:0;font-size:1px;line-height:1px\">&nbsp;</td>";
        }
        html += "</tr></table>";
        return html;
    }

    void weeks_table(const CalendarReport& calendar, long long scale) {
        const Settings& s = report_.settings;
        out_ += "<table style=\"" + std::string(table_style) + ";width:100%\">\n<thead><tr>" +
                th("Week") + th("Meetings about meetings", true) + th("Share", true) +
                th("Customers", true) + th("Share", true) + th("Ratio", true) +
                th("Double-booked", true) + th("Outside hours", true) +
                "<th scope=\"col\" style=\"" + std::string(th_style) +
                ";padding-left:10px;width:30%\">Time by category</th></tr></thead>\n<tbody>\n";
        auto row = [&](const WeekFigures& w, std::string label, bool total) {
            long long meta = w.meta_min(s);
            long long customer = w.customer_min();
            auto cell = [&](const std::string& v) { return td(total ? strong(v) : v, true); };
            out_ += "<tr><td style=\"" + std::string(td_style) + ";white-space:nowrap\">" +
                    (total ? strong(label) : label) + "</td>" + cell(hm(meta)) +
                    cell(percent(meta, w.working_min)) + cell(hm(customer)) +
                    cell(percent(customer, w.working_min)) + cell(ratio_text(meta, customer)) +
                    cell(hm(w.double_booked_min)) + cell(hm(w.outside_working_min()));
            out_ += "<td style=\"" + std::string(td_style) +
                    ";padding-left:10px;vertical-align:middle\">";
            if (!total)
                out_ += bar(w, scale, "100%", "0");
            out_ += "</td></tr>\n";
        };
        for (const WeekFigures& w : calendar.weeks) {
            std::string label =
                esc(w.week.label) +
                "<br><span style=\"font-size:12px;color:" + std::string(muted_colour) + "\">" +
                iso_date(w.week.monday) +
                (w.hours_in_week != 168 ? " \xC2\xB7 " + std::to_string(w.hours_in_week) + " h"
                                        : std::string()) +
                "</span>";
            row(w, label, false);
        }
        row(calendar.total, "Total", true);
        out_ += "</tbody>\n</table>\n";
    }

    void details(const WeekFigures& w, std::string_view scope) {
        const Settings& s = report_.settings;
        // Breakdown by category.
        out_ += "<h3 style=\"" + std::string(h3_style) + "\">" + std::string(scope) +
                " by category</h3>\n<table style=\"" + std::string(table_style) +
                "\">\n<thead><tr>" + th("Category") + th("Time", true) +
                th("Share of working time", true) + th("Outside working hours", true) +
                "</tr></thead>\n<tbody>\n";
        for (Category c : shown_categories) {
            long long m = minutes_of(w.counted, c);
            std::string name = swatch(colour_of(c)) + " " + std::string(category_name(c)) +
                               (is_meta(c) ? std::string(" <span style=\"color:") +
                                                 std::string(muted_colour) + "\">(meta)</span>"
                                           : std::string());
            out_ += "<tr>" + td(name) + td(hm(m), true) + td(percent(m, w.working_min), true) +
                    td(hm(minutes_of(w.outside_working, c)), true) + "</tr>\n";
        }
        long long meta = w.meta_min(s);
        out_ += "<tr>" + td(strong("Meetings about meetings")) + td(strong(hm(meta)), true) +
                td(strong(percent(meta, w.working_min)), true) + td("", true) + "</tr>\n";
        out_ += "<tr>" + td(strong("All counted meetings")) +
                td(strong(hm(w.counted_min())), true) +
                td(strong(percent(w.counted_min(), w.working_min)), true) +
                td(strong(hm(w.outside_working_min())), true) + "</tr>\n";
        out_ += "</tbody>\n</table>\n";

        out_ += "<p style=\"" + std::string(p_style) + "\">" + strong("Working time: ") +
                hm(w.working_min) + " h \xC2\xB7 " + strong("Double-booked: ") +
                hm(w.double_booked_min) + " h \xC2\xB7 " +
                strong("Meetings outside working hours: ") + hm(w.outside_working_min()) +
                " h \xC2\xB7 " + strong("Occurrences counted: ") + std::to_string(w.occurrences) +
                "</p>\n";

        // The syncs a manager can cancel.
        out_ += "<h3 style=\"" + std::string(h3_style) +
                "\">Costliest recurring meetings about meetings</h3>\n";
        if (w.costliest_series.empty()) {
            out_ += "<p style=\"" + std::string(p_style) + "\">None.</p>\n";
        } else {
            out_ += "<table style=\"" + std::string(table_style) + "\">\n<thead><tr>" +
                    th("Series") + th("Occurrences", true) + th("Time", true) +
                    "</tr></thead>\n<tbody>\n";
            for (const SeriesCost& series : w.costliest_series) {
                std::string title =
                    series.title.empty() ? std::string("(no title)") : esc(series.title);
                out_ += "<tr title=\"UID " + esc(series.uid) + "\">" + td(title) +
                        td(std::to_string(series.occurrences), true) +
                        td(hm(series.meta_min), true) + "</tr>\n";
            }
            out_ += "</tbody>\n</table>\n";
        }

        // Excluded occurrences.
        out_ += "<p style=\"" + std::string(p_style) + "\">" + strong("Excluded occurrences: ");
        if (w.excluded.empty()) {
            out_ += "none";
        } else {
            bool first = true;
            for (const auto& [reason, count] : w.excluded) {
                out_ += (first ? "" : ", ") + esc(reason) + " " + std::to_string(count);
                first = false;
            }
        }
        out_ += "</p>\n";
    }

    /// A coloured square: a character, so that it shows where a mail client drops sizes.
    static std::string swatch(std::string_view colour) {
        return "<span style=\"color:" + std::string(colour) + "\">\xE2\x96\xA0</span>";
    }

    /// The colours, and what the full width of a bar stands for.
    void legend(const CalendarReport& calendar, long long scale) {
        out_ += "<p style=\"margin:0 0 16px 0;font-size:12px\">";
        for (Category c : shown_categories)
            out_ += "<span style=\"white-space:nowrap;margin-right:12px\">" + swatch(colour_of(c)) +
                    " " + std::string(category_name(c)) + (is_meta(c) ? " (meta)" : "") +
                    "</span> ";
        out_ += "<span style=\"white-space:nowrap;margin-right:12px\">" + swatch(free_colour) +
                " not in meetings</span><br><span style=\"color:" + std::string(muted_colour) +
                "\">A bar's full width is " + hm(scale) + " h, " +
                (scale_is_working(calendar) ? std::string("the working week")
                                            : std::string("the busiest week")) +
                ".</span></p>\n";
    }

    void about() {
        out_ += "<h3 style=\"" + std::string(h3_style) + "\">How this was counted</h3>\n";
        out_ += "<p style=\"" + std::string(p_style) + "\">Report zone " + esc(report_.zone) +
                "; working week " + working_week_text() + ". Meetings about meetings are ";
        bool first = true;
        for (Category c : report_.settings.meta_categories) {
            out_ += (first ? "" : ", ") + std::string(category_name(c));
            first = false;
        }
        if (first)
            out_ += "(none)";
        out_ += ". At each minute at most one category counts (customer first); double-booked "
                "time is shown separately.</p>\n";
        if (!report_.inferred.empty()) {
            out_ += "<p style=\"margin:0 0 4px 0\">" + strong("Inferred:") + "</p>\n<ul style=\"" +
                    "margin:0 0 16px 0;padding-left:20px;color:" + std::string(muted_colour) +
                    "\">\n";
            for (const std::string& line : report_.inferred)
                out_ += "<li>" + esc(line) + "</li>\n";
            out_ += "</ul>\n";
        }
    }
};

} // namespace

std::string render_report_html(const Report& report) {
    return Page(report).render();
}

} // namespace busywork
