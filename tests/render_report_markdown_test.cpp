// SPDX-License-Identifier: MIT
// The Markdown report, from Report objects built by hand. Expected values are worked out in
// the comments from the hand-chosen minutes.
#include "test_support.hpp"

#include <boost/test/unit_test.hpp>
#include <busywork/render_report.hpp>
#include <sstream>

using namespace busywork;
using busywork::testing::lines_of;
using namespace date::literals;
using namespace std::chrono_literals;

namespace {

void set(CategoryMinutes& m, Category c, long long minutes) {
    minutes_of(m, c) = minutes;
}

Week week(const std::string& label, date::year_month_day monday) {
    Week w;
    w.label = label;
    w.monday = monday;
    // Midnight in Berlin; exact instants do not matter to the Markdown.
    w.start = date::sys_days{monday} - 2h;
    w.end = w.start + date::days{7};
    return w;
}

// 2026-W43 of google_rep.ics (samples/README.md): customer 210, pre 30, post 30,
// internal-sync 105, solo 150 of 2400 working minutes, 30 double-booked, 169 hours.
WeekFigures sample_w43() {
    WeekFigures w;
    w.week = week("2026-W43", 2026_y / 10 / 19);
    w.hours_in_week = 169;
    w.working_min = 2400;
    set(w.counted, Category::customer, 210);
    set(w.counted, Category::pre_meeting, 30);
    set(w.counted, Category::post_meeting, 30);
    set(w.counted, Category::internal_sync, 105);
    set(w.counted, Category::solo, 150);
    set(w.outside_working, Category::customer, 60);
    set(w.outside_working, Category::solo, 30);
    w.double_booked_min = 30;
    w.excluded = {{"cancelled", 2}, {"declined", 1}, {"all-day", 1}};
    w.costliest_series = {{"standup@acme", "Daily Stand-up Vertrieb", 3, 45},
                          {"sales-sync@acme", "Weekly Sales Sync", 1, 30}};
    w.occurrences = 12;
    return w;
}

// A made-up 2026-W44 without customer time: internal-sync 120, internal-other 120, solo 45.
WeekFigures sample_w44() {
    WeekFigures w;
    w.week = week("2026-W44", 2026_y / 10 / 26);
    w.hours_in_week = 168;
    w.working_min = 2400;
    set(w.counted, Category::internal_sync, 120);
    set(w.counted, Category::internal_other, 120);
    set(w.counted, Category::solo, 45);
    w.costliest_series = {{"standup@acme", "Daily Stand-up Vertrieb", 5, 75}};
    w.occurrences = 9;
    return w;
}

// Their sums: working 4800; customer 210, pre 30, post 30, sync 225, other 120, solo 195;
// double-booked 30; the stand-up's 3 + 5 = 8 occurrences and 45 + 75 = 120 meta minutes.
WeekFigures sample_total() {
    WeekFigures a = sample_w43();
    WeekFigures b = sample_w44();
    WeekFigures t = a;
    t.week.label = "2026-W43..2026-W44";
    t.week.end = b.week.end;
    t.hours_in_week = 337;
    t.working_min = 4800;
    for (std::size_t c = 0; c < t.counted.size(); ++c) {
        t.counted[c] += b.counted[c];
        t.outside_working[c] += b.outside_working[c];
    }
    t.costliest_series = {{"standup@acme", "Daily Stand-up Vertrieb", 8, 120},
                          {"sales-sync@acme", "Weekly Sales Sync", 1, 30}};
    t.occurrences = 21;
    return t;
}

Report two_week_report() {
    Report report;
    report.zone = "Europe/Berlin";
    report.inferred = {"samples/google_rep.ics: owner anna.schmidt@acme-sales.de (inferred)"};
    report.calendars = {
        CalendarReport{"all", {sample_w43(), sample_w44()}, sample_total(), -1.875}};
    return report;
}

// Pipes that GFM takes as cell borders: those without a backslash before them.
int unescaped_pipes(const std::string& line) {
    int n = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '\\') {
            ++i;
            continue;
        }
        n += line[i] == '|';
    }
    return n;
}

// Whether `c` occurs in `text` without a backslash before it.
bool has_unescaped(const std::string& text, char c) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\')
            ++i;
        else if (text[i] == c)
            return true;
    }
    return false;
}

} // namespace

BOOST_AUTO_TEST_SUITE(render_report_markdown)

BOOST_AUTO_TEST_CASE(two_weeks_give_a_table_with_a_bold_total_then_series_and_exclusions) {
    // W43: meta 105 + 30 + 30 = 165 min = 2:45, 165 / 2400 = 6.875 % -> 6.9 % (half away from
    // zero); customer 210 = 3:30, 8.75 % -> 8.8 %; ratio 165 / 210 = 0.7857 -> 0.79;
    // sync 105 = 1:45, solo 150 = 2:30.
    // W44: meta 120 = 2:00, 5.0 %; no customer time, so 0.0 % and no ratio; other 2:00, solo
    // 0:45.
    // Total: meta 285 = 4:45, 285 / 4800 = 5.9375 % -> 5.9 %; customer 3:30, 210 / 4800 =
    // 4.375 % -> 4.4 %; ratio 285 / 210 = 1.357 -> 1.36; sync 225 = 3:45; solo 195 = 3:15.
    // Trend -1.875 points per week, to one decimal -1.9.
    // Excluded reasons come in the map's (alphabetical) order; '-' and '.' are escaped.
    const std::string expected =
        "## Meetings about meetings, 2026-W43 to 2026-W44\n"
        "\n"
        "| Week | Meta h | Meta % | Customer h | Customer % | Ratio | Pre | Post | Sync | Other | "
        "Solo | Double-booked |\n"
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
        "| 2026-W43 | 2:45 | 6.9 % | 3:30 | 8.8 % | 0.79 | 0:30 | 0:30 | 1:45 | 0:00 | 2:30 | "
        "0:30 |\n"
        "| 2026-W44 | 2:00 | 5.0 % | 0:00 | 0.0 % | \xE2\x80\x93 | 0:00 | 0:00 | 2:00 | 2:00 | "
        "0:45 | 0:00 |\n"
        "| **Total** | **4:45** | **5.9 %** | **3:30** | **4.4 %** | **1.36** | **0:30** | "
        "**0:30** | **3:45** | **2:00** | **3:15** | **0:30** |\n"
        "\n"
        "Meta share trend: -1.9 percentage points per week.\n"
        "\n"
        "**Costliest recurring meta series** (2026-W43 to 2026-W44):\n"
        "\n"
        "- Daily Stand\\-up Vertrieb: 8 occurrences, 2:00\n"
        "- Weekly Sales Sync: 1 occurrence, 0:30\n"
        "\n"
        "**Excluded occurrences:** all\\-day 1, cancelled 2, declined 1.\n"
        "\n"
        "Meta = internal-sync, pre-meeting, post-meeting; shares are of the working time; "
        "Ratio = meta time per customer time.\n"
        "\n"
        "- samples/google\\_rep\\.ics\\: owner anna\\.schmidt@acme\\-sales\\.de \\(inferred\\)\n"
        "\n"
        "Times in `Europe/Berlin`; working week `Mon-Fri 09:00-17:00`.\n";
    BOOST_TEST(busywork::render_report_markdown(two_week_report()) == expected);
}

BOOST_AUTO_TEST_CASE(one_week_has_no_totals_row) {
    Report report;
    report.zone = "UTC";
    WeekFigures w = sample_w43();
    report.calendars = {CalendarReport{"all", {w}, w, std::nullopt}};
    std::string md = busywork::render_report_markdown(report);
    BOOST_TEST(md.find("## Meetings about meetings, 2026-W43\n") == 0U);
    BOOST_TEST(md.find("**Total**") == std::string::npos);
    BOOST_TEST(md.find("trend") == std::string::npos); // nothing with one week
    // The week's own series: 3 stand-ups for 45 min, one Sales Sync for 30.
    BOOST_TEST(md.find("- Daily Stand\\-up Vertrieb: 3 occurrences, 0:45\n") != std::string::npos);
    int table_lines = 0;
    for (const auto& line : lines_of(md))
        if (!line.empty() && line[0] == '|')
            ++table_lines;
    BOOST_TEST(table_lines == 3); // header, delimiter, one week
}

BOOST_AUTO_TEST_CASE(event_text_cannot_break_the_table_or_inject_links_or_html) {
    Report report = two_week_report();
    report.per_calendar = true;
    auto& total = report.calendars[0].total;
    total.costliest_series = {
        {"u1", "x | [a](http://e) <script>", 2, 60},
        {"u2", "**bold** _it_ `code` ![img](http://e/i.png)", 1, 15},
        {"u3", "two\nlines\r\n# heading\x1b[2J", 1, 10},
        {"u4", "", 1, 5},
    };
    total.excluded = {{"<b>odd</b>", 1}};
    report.calendars[0].calendar = "# [x](y) |.ics";
    report.inferred = {"owner <img src=x onerror=alert(1)>"};
    const std::string md = busywork::render_report_markdown(report);

    // Each Markdown-significant character is escaped with a backslash.
    BOOST_TEST(md.find("- x \\| \\[a\\]\\(http\\://e\\) \\<script\\>: 2 occurrences, 1:00\n") !=
               std::string::npos);
    BOOST_TEST(
        md.find("- \\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\!\\[img\\]\\(http\\://e/i\\.png\\): "
                "1 occurrence, 0:15\n") != std::string::npos);
    // Line breaks become spaces and ESC becomes U+FFFD, so the title stays on its line.
    BOOST_TEST(md.find("- two lines \\# heading\xEF\xBF\xBD\\[2J: 1 occurrence, 0:10\n") !=
               std::string::npos);
    BOOST_TEST(md.find("- (no title): 1 occurrence, 0:05\n") != std::string::npos);
    BOOST_TEST(md.find("### \\# \\[x\\]\\(y\\) \\|\\.ics\n") != std::string::npos);
    BOOST_TEST(md.find("**Excluded occurrences:** \\<b\\>odd\\</b\\> 1.\n") != std::string::npos);
    BOOST_TEST(md.find("- owner \\<img src=x onerror=alert\\(1\\)\\>\n") != std::string::npos);

    // Nothing opens a tag, a link or an image, and every table line keeps 12 columns.
    BOOST_TEST(!has_unescaped(md, '<'));
    BOOST_TEST(!has_unescaped(md, '['));
    BOOST_TEST(!has_unescaped(md, '!'));
    for (const auto& line : lines_of(md))
        if (!line.empty() && line[0] == '|')
            BOOST_TEST(unescaped_pipes(line) == 13, line);
}

BOOST_AUTO_TEST_CASE(per_calendar_reports_get_a_heading_each) {
    Report report;
    report.zone = "Europe/Berlin";
    report.per_calendar = true;
    WeekFigures w = sample_w43();
    report.calendars = {CalendarReport{"anna.ics", {w}, w, std::nullopt},
                        CalendarReport{"team", {w}, w, std::nullopt}};
    std::string md = busywork::render_report_markdown(report);
    std::size_t anna = md.find("### anna\\.ics\n\n| Week |");
    std::size_t team = md.find("### team\n\n| Week |");
    BOOST_TEST(anna != std::string::npos);
    BOOST_TEST(team != std::string::npos);
    BOOST_TEST(anna < team);
}

BOOST_AUTO_TEST_CASE(an_empty_window_names_the_weeks_the_input_covers) {
    Report report;
    report.zone = "Europe/Berlin";
    WeekFigures empty;
    empty.week = week("2026-W47", 2026_y / 11 / 16);
    empty.working_min = 2400;
    report.calendars = {CalendarReport{"all", {empty}, empty, std::nullopt}};
    // The samples cover W42 (Monday 2026-10-12) to W45 (Monday 2026-11-02, so Sunday
    // 2026-11-08).
    report.input_covers =
        std::make_pair(week("2026-W42", 2026_y / 10 / 12), week("2026-W45", 2026_y / 11 / 2));
    std::string md = busywork::render_report_markdown(report);
    BOOST_TEST(md.find("No events in the selected weeks. The input covers 2026-W42 to 2026-W45; "
                       "`--from 2026-10-12 --to 2026-11-08` shows them.\n") != std::string::npos);
    // An empty week: no time, no ratio.
    BOOST_TEST(md.find("| 2026-W47 | 0:00 | 0.0 % | 0:00 | 0.0 % | \xE2\x80\x93 |") !=
               std::string::npos);
    BOOST_TEST(md.find("**Costliest recurring meta series** (2026-W47): none.\n") !=
               std::string::npos);
    BOOST_TEST(md.find("**Excluded occurrences:** none.\n") != std::string::npos);

    report.input_covers =
        std::make_pair(week("2026-W42", 2026_y / 10 / 12), week("2026-W42", 2026_y / 10 / 12));
    md = busywork::render_report_markdown(report);
    BOOST_TEST(md.find("The input covers 2026-W42; `--week 2026-W42` shows it.\n") !=
               std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
