// SPDX-License-Identifier: MIT
// The HTML report, on reports built by hand: the page is self-contained (no scripts, no
// external resources, inline styles only), every figure is the hand-computed one, and every
// event- or input-derived string is escaped. The real-client checks (a standards HTML5 parser
// and headless Chromium) are in tests/clients/check_clients.py.
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <busywork/render_report.hpp>
#include <cctype>
#include <regex>
#include <set>
#include <string>

using namespace busywork;
using namespace std::chrono_literals;

namespace {

const std::string hostile_script = "<script>alert(1)</script>";
const std::string hostile_attribute = "\" onmouseover=\"x";
const std::string hostile_entity = "&amp; Co";

Week make_week(const std::string& label, date::year_month_day monday, int hours) {
    Week w;
    w.label = label;
    w.monday = monday;
    // Europe/Berlin: Monday 00:00 local is 22:00 or 23:00 UTC the day before.
    w.start = date::sys_days{monday} - 2h;
    w.end = w.start + std::chrono::hours{hours};
    return w;
}

void set(WeekFigures& w, Category c, long long minutes) {
    minutes_of(w.counted, c) = minutes;
}

/// The sample week 2026-W43 (the clocks go back on Sunday 25 October: 169 hours).
///   customer 210, pre-meeting 30, post-meeting 30, internal-sync 105, solo 150 minutes;
///   working time Mon–Fri 09:00–17:00 = 5 × 480 = 2400 minutes; double-booked 30 minutes;
///   of the solo time 60 minutes fall outside working hours.
WeekFigures sample_week() {
    WeekFigures w;
    w.week = make_week("2026-W43", date::year{2026} / 10 / 19, 169);
    w.hours_in_week = 169;
    w.working_min = 2400;
    set(w, Category::customer, 210);
    set(w, Category::pre_meeting, 30);
    set(w, Category::post_meeting, 30);
    set(w, Category::internal_sync, 105);
    set(w, Category::solo, 150);
    minutes_of(w.outside_working, Category::solo) = 60;
    w.double_booked_min = 30;
    w.excluded = {{"cancelled", 2}, {"declined", 1}};
    w.costliest_series = {{"uid-1'x", hostile_script, 5, 75},
                          {"uid-2<", hostile_attribute, 1, 30},
                          {"uid-3", hostile_entity, 1, 15}};
    w.occurrences = 14;
    return w;
}

Report one_week_report() {
    Report report;
    CalendarReport all;
    all.calendar = "all";
    all.weeks = {sample_week()};
    all.total = sample_week();
    report.calendars = {all};
    report.inferred = {"samples/<b>rep</b>.ics: owner rep@acme.example (inferred from "
                       "X-WR-CALNAME)"};
    report.zone = "Europe/Berlin";
    return report;
}

/// The suite's name is also the function's, so the test bodies call this.
std::string render(const Report& report) {
    return busywork::render_report_html(report);
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

/// Every `&` starts one of the references the renderer writes, so no raw `&` from an event
/// survives.
void check_ampersands(const std::string& html) {
    for (std::size_t i = html.find('&'); i != std::string::npos; i = html.find('&', i + 1)) {
        std::string rest = html.substr(i, 7);
        bool known = rest.starts_with("&amp;") || rest.starts_with("&lt;") ||
                     rest.starts_with("&gt;") || rest.starts_with("&quot;") ||
                     rest.starts_with("&#39;") || rest.starts_with("&nbsp;");
        BOOST_TEST(known, "raw & at " << i << ": " << html.substr(i, 20));
    }
}

/// Every `<` opens one of the elements the renderer writes, with only the attributes it writes
/// (no event handler, no src or href): nothing from an event became markup. Attribute values
/// hold no `"` or `>` (they are escaped), so a tag ends at the first `>`.
void check_tags(const std::string& html) {
    static const std::set<std::string> allowed{
        "!DOCTYPE", "html", "head",   "meta",  "title", "body",  "div", "h1",
        "h2",       "h3",   "p",      "table", "thead", "tbody", "tr",  "th",
        "td",       "span", "strong", "code",  "ul",    "li",    "br"};
    static const std::set<std::string> attributes{"lang",  "charset", "name", "content",
                                                  "style", "title",   "role", "scope"};
    static const std::regex attribute(R"re(\s+([^\s="]+)(="[^"]*")?)re");
    for (std::size_t i = html.find('<'); i != std::string::npos; i = html.find('<', i + 1)) {
        std::size_t start = i + 1 + (html[i + 1] == '/' ? 1 : 0);
        std::size_t end = html.find_first_of(" >", start);
        std::string name = html.substr(start, end - start);
        BOOST_TEST(allowed.count(name) == 1, "unexpected tag <" << name << " at " << i);
        if (name == "!DOCTYPE")
            continue;
        std::string rest = html.substr(end, html.find('>', end) - end);
        for (auto it = std::sregex_iterator(rest.begin(), rest.end(), attribute);
             it != std::sregex_iterator(); ++it)
            BOOST_TEST(attributes.count((*it)[1].str()) == 1,
                       "unexpected attribute " << (*it)[1].str() << " in <" << name << " at " << i);
    }
}

/// Self-contained: nothing a mail client would block or run.
void check_self_contained(const std::string& html) {
    std::string l = lower(html);
    BOOST_TEST(!contains(l, "<script"));
    BOOST_TEST(!contains(l, "http"));
    BOOST_TEST(!contains(l, "<style"));
    BOOST_TEST(!contains(l, "<img"));
    BOOST_TEST(!contains(l, "<link"));
    BOOST_TEST(!contains(l, "src="));
    BOOST_TEST(!contains(l, "href="));
    BOOST_TEST(!contains(l, "url("));
    BOOST_TEST(!contains(l, "@import"));
    BOOST_TEST(!contains(l, "javascript:"));
    BOOST_TEST(
        l.starts_with("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">"));
    BOOST_TEST(contains(l, "<title>"));
    BOOST_TEST(l.ends_with("</html>\n"));
    check_ampersands(html);
    check_tags(html);
}

} // namespace

BOOST_AUTO_TEST_SUITE(render_report_html)

BOOST_AUTO_TEST_CASE(one_week_headline_breakdown_and_bar) {
    std::string html = render(one_week_report());
    check_self_contained(html);

    // Heading: 2026-W43 runs Monday 19 to Sunday 25 October, 169 hours.
    BOOST_TEST(
        contains(html, "Week 2026-W43, 2026-10-19 to 2026-10-25 (169 h, the clocks change)"));
    BOOST_TEST(contains(html, "<title>busywork: meetings about meetings, 2026-W43</title>"));

    // Headline. Meta = pre 30 + post 30 + sync 105 = 165 min = 2:45; 165 / 2400 = 6.875 % →
    // 6.9 %. Customer 210 min = 3:30; 210 / 2400 = 8.75 % → 8.8 % (half up). Ratio
    // 165 / 210 = 0.7857 → 0.79.
    BOOST_TEST(contains(html, "Meetings about meetings: 2:45 h</strong> (6.9 % of working time)"));
    BOOST_TEST(contains(html, "Customers: 3:30 h</strong> (8.8 %)"));
    BOOST_TEST(
        contains(html, "<strong>0.79</strong> h of meetings about meetings per customer hour"));

    // Breakdown: each category's time and share of 2400 minutes.
    //   pre/post 30 → 0:30, 1.25 % → 1.3 %; sync 105 → 1:45, 4.375 % → 4.4 %;
    //   solo 150 → 2:30, 6.25 % → 6.3 % (60 of it outside working hours → 1:00);
    //   internal-other 0 → 0:00, 0.0 %.
    //   All counted: 210 + 30 + 30 + 105 + 150 = 525 → 8:45; 525 / 2400 = 21.875 % → 21.9 %.
    BOOST_TEST(contains(html, ">1:45</td>"));
    BOOST_TEST(contains(html, ">4.4 %</td>"));
    BOOST_TEST(contains(html, ">2:30</td>"));
    BOOST_TEST(contains(html, ">6.3 %</td>"));
    BOOST_TEST(contains(html, ">1.3 %</td>"));
    BOOST_TEST(contains(html, ">0.0 %</td>"));
    BOOST_TEST(contains(html, "<strong>8:45</strong>"));
    BOOST_TEST(contains(html, "<strong>21.9 %</strong>"));
    BOOST_TEST(contains(html, "(meta)"));

    // Working time 40:00, double-booked 0:30, outside working hours 1:00.
    BOOST_TEST(contains(html, "<strong>Working time: </strong>40:00 h"));
    BOOST_TEST(contains(html, "<strong>Double-booked: </strong>0:30 h"));
    BOOST_TEST(contains(html, "<strong>Meetings outside working hours: </strong>1:00 h"));

    // The bar: 100 % = 2400 minutes, in tenths of a percent by largest remainder.
    //   floors: customer 87 (rem .50), pre 12 (.50), post 12 (.50), sync 43 (.75),
    //   solo 62 (.50), free 1875 → 781 (.25); sum 997, so the three largest remainders get one
    //   more each: sync (.75), then customer and pre (.50, first in order) → 88, 13, 12, 44,
    //   62, 781 = 1000.
    BOOST_TEST(contains(html, "width:8.8%;background-color:#2e7d32"));
    BOOST_TEST(contains(html, "width:1.3%;background-color:#ef6c00"));
    BOOST_TEST(contains(html, "width:1.2%;background-color:#f9a825"));
    BOOST_TEST(contains(html, "width:4.4%;background-color:#c62828"));
    BOOST_TEST(contains(html, "width:6.2%;background-color:#78909c"));
    BOOST_TEST(contains(html, "width:78.1%;background-color:#eceff1"));
    BOOST_TEST(!contains(html, "background-color:#7e57c2;height")); // no internal-other cell
    BOOST_TEST(contains(html, "title=\"customer 3:30\""));
    BOOST_TEST(contains(html, "full width is 40:00 h, the working week"));

    // Costliest series with occurrences and time; excluded counts by reason.
    BOOST_TEST(contains(html, ">5</td>"));
    BOOST_TEST(contains(html, ">1:15</td>"));
    BOOST_TEST(contains(html, "<strong>Excluded occurrences: </strong>cancelled 2, declined 1"));

    // Zone, working week and the meta categories.
    BOOST_TEST(contains(html, "Zone Europe/Berlin"));
    BOOST_TEST(contains(html, "Mon-Fri 09:00-17:00 (40:00 h a week)"));
    BOOST_TEST(
        contains(html, "Meetings about meetings are internal-sync, pre-meeting, post-meeting."));
}

BOOST_AUTO_TEST_CASE(event_text_is_escaped) {
    Report report = one_week_report();
    report.zone = "Europe/\"Berlin'";
    report.calendars.front().weeks.front().costliest_series.push_back(
        {"uid-4", "Sync\x1b[31m red\r\nline\xEF\xBF\xBE end\x7f", 1, 5});
    report.calendars.front().weeks.front().excluded["<i>odd</i>"] = 1;
    std::string html = render(report);
    check_self_contained(html);

    BOOST_TEST(contains(html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    BOOST_TEST(!contains(html, hostile_script));
    BOOST_TEST(!contains(lower(html), "<script"));
    BOOST_TEST(contains(html, "&quot; onmouseover=&quot;x"));
    BOOST_TEST(!contains(html, "onmouseover=\""));
    BOOST_TEST(contains(html, "&amp;amp; Co"));
    BOOST_TEST(contains(html, "title=\"UID uid-1&#39;x\""));
    BOOST_TEST(contains(html, "title=\"UID uid-2&lt;\""));
    BOOST_TEST(contains(html, "samples/&lt;b&gt;rep&lt;/b&gt;.ics: owner rep@acme.example"));
    BOOST_TEST(contains(html, "Europe/&quot;Berlin&#39;"));
    BOOST_TEST(contains(html, "&lt;i&gt;odd&lt;/i&gt; 1"));
    // Control characters and noncharacters are gone; CR LF became one space.
    BOOST_TEST(!contains(html, "\x1b"));
    BOOST_TEST(!contains(html, "\x7f"));
    BOOST_TEST(!contains(html, "\r"));
    BOOST_TEST(!contains(html, "\xEF\xBF\xBE"));
    BOOST_TEST(contains(html, "red line\xEF\xBF\xBD end"));
}

BOOST_AUTO_TEST_CASE(several_weeks_rows_totals_and_trend) {
    // W43 as above; W44 (168 h, Monday 2026-10-26): customer 300, sync 240, working 2400.
    //   W44 meta 240 → 4:00, 10.0 %; customer 300 → 5:00, 12.5 %; ratio 0.80.
    //   Total: meta 165 + 240 = 405 → 6:45 of 4800 = 8.4375 % → 8.4 %;
    //   customer 510 → 8:30, 10.625 % → 10.6 %; ratio 405 / 510 = 0.794 → 0.79.
    WeekFigures w44;
    w44.week = make_week("2026-W44", date::year{2026} / 10 / 26, 168);
    w44.working_min = 2400;
    set(w44, Category::customer, 300);
    set(w44, Category::internal_sync, 240);
    WeekFigures total = sample_week();
    total.working_min = 4800;
    set(total, Category::customer, 510);
    set(total, Category::internal_sync, 345);

    Report report = one_week_report();
    CalendarReport& all = report.calendars.front();
    all.weeks.push_back(w44);
    all.total = total;
    all.meta_share_trend = 3.125; // 6.875 % → 10.0 %: +3.125 pp in one week
    std::string html = render(report);
    check_self_contained(html);

    BOOST_TEST(contains(html, "<title>busywork: meetings about meetings, 2026-W43 \xE2\x80\x93 "
                              "2026-W44</title>"));
    BOOST_TEST(contains(html, "2026-W43<br>"));
    BOOST_TEST(contains(html, "2026-10-19 \xC2\xB7 169 h"));
    BOOST_TEST(contains(html, "2026-W44<br>"));
    BOOST_TEST(contains(html, ">4:00</td>"));
    BOOST_TEST(contains(html, ">10.0 %</td>"));
    BOOST_TEST(contains(html, ">12.5 %</td>"));
    BOOST_TEST(contains(html, ">0.80</td>"));
    BOOST_TEST(contains(html, "<strong>Total</strong>"));
    BOOST_TEST(contains(html, "<strong>6:45</strong>"));
    BOOST_TEST(contains(html, "<strong>8.4 %</strong>"));
    BOOST_TEST(contains(html, "<strong>8:30</strong>"));
    BOOST_TEST(contains(html, "<strong>10.6 %</strong>"));
    BOOST_TEST(contains(html, "<strong>0.79</strong>"));
    BOOST_TEST(contains(html, "Trend of the meta share: </strong>+3.1 pp/week (rising)"));
    BOOST_TEST(contains(html, "All weeks by category"));
    // One bar per week (two), plus none for the total row.
    std::size_t bars = 0;
    for (std::size_t i = html.find("role=\"presentation\" style=\"width:100%");
         i != std::string::npos; i = html.find("role=\"presentation\" style=\"width:100%", i + 1))
        ++bars;
    BOOST_TEST(bars == 2u);

    all.meta_share_trend = -0.04;
    BOOST_TEST(contains(render(report), "0.0 pp/week (flat)"));
    all.meta_share_trend = -1.25;
    BOOST_TEST(contains(render(report), "-1.3 pp/week (falling)"));
}

BOOST_AUTO_TEST_CASE(per_calendar_sections_then_team) {
    Report report = one_week_report();
    report.per_calendar = true;
    CalendarReport a = report.calendars.front();
    a.calendar = "cal/<anna>.ics";
    CalendarReport team = a;
    team.calendar = "team";
    report.calendars = {a, team};
    std::string html = render(report);
    check_self_contained(html);
    std::size_t anna = html.find("Calendar cal/&lt;anna&gt;.ics</h2>");
    std::size_t team_heading = html.find(">Team</h2>");
    BOOST_TEST(anna != std::string::npos);
    BOOST_TEST(team_heading != std::string::npos);
    BOOST_TEST(anna < team_heading);
}

BOOST_AUTO_TEST_CASE(empty_window_names_the_covered_weeks) {
    Report report;
    CalendarReport all;
    all.calendar = "all";
    WeekFigures empty;
    empty.week = make_week("2026-W10", date::year{2026} / 3 / 2, 168);
    empty.working_min = 2400;
    all.weeks = {empty};
    all.total = empty;
    report.calendars = {all};
    report.zone = "Europe/Berlin";
    report.input_covers = {make_week("2026-W40", date::year{2026} / 9 / 28, 168),
                           make_week("2026-W45", date::year{2026} / 11 / 2, 168)};
    std::string html = render(report);
    check_self_contained(html);
    BOOST_TEST(contains(html, "No events in the selected weeks."));
    // W40 starts Monday 2026-09-28; W45 ends Sunday 2026-11-08.
    BOOST_TEST(contains(html, "The input covers weeks 2026-W40 \xE2\x80\x93 2026-W45 "
                              "(2026-09-28 to 2026-11-08)"));
    BOOST_TEST(contains(html, "--from 2026-09-28 --to 2026-11-08"));
    BOOST_TEST(contains(html, "no customer time"));
    BOOST_TEST(contains(html, "Costliest recurring meetings about meetings</h3>\n<p"));

    report.input_covers.reset();
    html = render(report);
    BOOST_TEST(contains(html, "No events in the selected weeks."));
    BOOST_TEST(!contains(html, "The input covers"));
}

BOOST_AUTO_TEST_CASE(zero_working_time_and_meetings_beyond_it) {
    // A working week of Saturday only would leave weeks with no working time: shares are "–".
    // Meetings longer than the working time make the busiest week the bar's scale.
    Report report = one_week_report();
    WeekFigures& w = report.calendars.front().weeks.front();
    w.working_min = 0;
    std::string html = render(report);
    check_self_contained(html);
    BOOST_TEST(contains(html, "(\xE2\x80\x93 of working time)"));
    // 525 counted minutes are the scale: customer 210 / 525 = 40.0 %.
    BOOST_TEST(contains(html, "width:40.0%;background-color:#2e7d32"));
    BOOST_TEST(contains(html, "full width is 8:45 h, the busiest week"));
    BOOST_TEST(!contains(html, "background-color:#eceff1;height"));
}

BOOST_AUTO_TEST_SUITE_END()
