// SPDX-License-Identifier: MIT
// The CSV and JSON reports, from Report objects built by hand. Every expected value is worked
// out in the comments from the hand-chosen minutes, not copied from the program's output.
#include "test_support.hpp"

#include <boost/test/unit_test.hpp>
#include <busywork/render_report.hpp>
#include <locale>
#include <nlohmann/json.hpp>

using namespace busywork;
using namespace date::literals;
using namespace std::chrono_literals;

namespace {

void set(CategoryMinutes& m, Category c, long long minutes) {
    minutes_of(m, c) = minutes;
}

// Week 2026-W43 of google_rep.ics (samples/README.md) in Europe/Berlin: Monday 2026-10-19
// 00:00 CEST = 2026-10-18T22:00Z to Monday 2026-10-26 00:00 CET = 2026-10-25T23:00Z, 169 h.
// customer 210, pre 30, post 30, internal-sync 105, solo 150; Mon-Fri 09:00-17:00 is
// 5 x 480 = 2400 working minutes. A. Datum (customer, 60 min) and Wochenplanung (solo, 30 min)
// lie outside working hours. 30 min double-booked. Excluded: two cancelled, one declined,
// one all-day. 12 occurrences counted time.
WeekFigures sample_w43() {
    WeekFigures w;
    w.week.label = "2026-W43";
    w.week.start = date::sys_days{2026_y / 10 / 18} + 22h;
    w.week.end = date::sys_days{2026_y / 10 / 25} + 23h;
    w.week.monday = 2026_y / 10 / 19;
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

// A made-up 2026-W44 (168 h, 2026-10-25T23:00Z to 2026-11-01T23:00Z, Monday 2026-10-26)
// without customer time: internal-sync 120, internal-other 120, solo 45, working 2400.
WeekFigures sample_w44() {
    WeekFigures w;
    w.week.label = "2026-W44";
    w.week.start = date::sys_days{2026_y / 10 / 25} + 23h;
    w.week.end = date::sys_days{2026_y / 11 / 1} + 23h;
    w.week.monday = 2026_y / 10 / 26;
    w.hours_in_week = 168;
    w.working_min = 2400;
    set(w.counted, Category::internal_sync, 120);
    set(w.counted, Category::internal_other, 120);
    set(w.counted, Category::solo, 45);
    w.costliest_series = {{"standup@acme", "Daily Stand-up Vertrieb", 5, 75}};
    w.occurrences = 9;
    return w;
}

// The sums of W43 and W44, as the report model keeps them.
WeekFigures total_of(const WeekFigures& a, const WeekFigures& b) {
    WeekFigures t;
    t.week.label = a.week.label + ".." + b.week.label;
    t.week.start = a.week.start;
    t.week.end = b.week.end;
    t.week.monday = a.week.monday;
    t.hours_in_week = a.hours_in_week + b.hours_in_week;
    t.working_min = a.working_min + b.working_min;
    for (std::size_t c = 0; c < t.counted.size(); ++c) {
        t.counted[c] = a.counted[c] + b.counted[c];
        t.outside_working[c] = a.outside_working[c] + b.outside_working[c];
    }
    t.double_booked_min = a.double_booked_min + b.double_booked_min;
    t.excluded = a.excluded;
    for (const auto& [reason, n] : b.excluded)
        t.excluded[reason] += n;
    t.costliest_series = {{"standup@acme", "Daily Stand-up Vertrieb", 8, 120},
                          {"sales-sync@acme", "Weekly Sales Sync", 1, 30}};
    t.occurrences = a.occurrences + b.occurrences;
    return t;
}

Report two_week_report() {
    Report report;
    report.zone = "Europe/Berlin";
    report.inferred = {"samples/google_rep.ics: owner anna.schmidt@acme-sales.de (inferred)"};
    CalendarReport all;
    all.calendar = "all";
    all.weeks = {sample_w43(), sample_w44()};
    all.total = total_of(all.weeks[0], all.weeks[1]);
    // Meta shares 6.875 % and 5 %: the slope through two points is 5 - 6.875 = -1.875.
    all.meta_share_trend = -1.875;
    report.calendars = {all};
    return report;
}

// The header of render_report.hpp, without the calendar column.
const std::string header =
    "week,week_start,week_end,working_min,customer_min,pre_meeting_min,post_meeting_min,"
    "internal_sync_min,internal_other_min,solo_min,meta_min,meta_share,customer_share,"
    "double_booked_min,outside_working_min,counted_min,hours_in_week,excluded_count,"
    "meta_per_customer";

// W43: meta = 105 + 30 + 30 = 165; meta_share 165 / 2400 = 0.06875, exactly half-way at four
// decimals, rounded away from zero: 0.0688; customer_share 210 / 2400 = 0.0875; counted
// 210 + 30 + 30 + 105 + 0 + 150 = 525; outside 60 + 30 = 90; excluded 2 + 1 + 1 = 4;
// meta_per_customer 165 / 210 = 0.785714... = 0.7857. Sunday of 2026-10-19 is 2026-10-25.
const std::string w43_row =
    "2026-W43,2026-10-19,2026-10-25,2400,210,30,30,105,0,150,165,0.0688,0.0875,30,90,525,169,4,"
    "0.7857";
// W44: meta = 120 (internal-other is not meta); 120 / 2400 = 0.05; no customer time, so the
// customer share is 0 and meta_per_customer is empty; counted 120 + 120 + 45 = 285.
const std::string w44_row =
    "2026-W44,2026-10-26,2026-11-01,2400,0,0,0,120,120,45,120,0.0500,0.0000,0,0,285,168,0,";

// A numpunct that writes "1.234,5", as German locales do.
struct GermanNumbers : std::numpunct<char> {
    char do_decimal_point() const override { return ','; }
    char do_thousands_sep() const override { return '.'; }
    std::string do_grouping() const override { return "\3"; }
};

// Sets the global C++ locale for one scope and restores the previous one.
struct GlobalLocale {
    std::locale previous;
    explicit GlobalLocale(const std::locale& l) : previous(std::locale::global(l)) {}
    ~GlobalLocale() { std::locale::global(previous); }
    GlobalLocale(const GlobalLocale&) = delete;
    GlobalLocale& operator=(const GlobalLocale&) = delete;
};

} // namespace

BOOST_AUTO_TEST_SUITE(render_report_data)

BOOST_AUTO_TEST_CASE(csv_has_one_row_per_week_with_crlf_and_no_totals_row) {
    std::string csv = render_report_csv(two_week_report());
    BOOST_TEST(csv == header + "\r\n" + w43_row + "\r\n" + w44_row + "\r\n");

    auto records = testing::parse_csv(csv);
    BOOST_REQUIRE_EQUAL(records.size(), 3U);
    for (const auto& record : records)
        BOOST_TEST(record.size() == 19U); // as many cells as header names
    auto rows = testing::csv_rows(csv);
    BOOST_TEST(rows[0]["meta_share"] == "0.0688");
    BOOST_TEST(rows[1]["meta_per_customer"] == "");
    BOOST_TEST(rows[1]["week_end"] == "2026-11-01");
}

BOOST_AUTO_TEST_CASE(csv_shares_round_half_away_from_zero_on_the_exact_minutes) {
    Report report;
    report.zone = "UTC";
    WeekFigures w = sample_w43();
    w.counted = {};
    // internal-sync 15 of 2400: 0.00625, half-way, so 0.0063 (half-to-even would say 0.0062).
    set(w.counted, Category::internal_sync, 15);
    // customer 3 of 2400: 0.00125, also half-way: 0.0013. Meta per customer 15 / 3 = 5.
    set(w.counted, Category::customer, 3);
    report.calendars = {CalendarReport{"all", {w}, w, std::nullopt}};
    auto rows = testing::csv_rows(render_report_csv(report));
    BOOST_REQUIRE_EQUAL(rows.size(), 1U);
    BOOST_TEST(rows[0]["meta_min"] == "15");
    BOOST_TEST(rows[0]["meta_share"] == "0.0063");
    BOOST_TEST(rows[0]["customer_share"] == "0.0013");
    BOOST_TEST(rows[0]["meta_per_customer"] == "5.0000");
    BOOST_TEST(rows[0]["counted_min"] == "18");

    // No working time (a week outside the working days): shares are 0, as the model says.
    w.working_min = 0;
    report.calendars = {CalendarReport{"all", {w}, w, std::nullopt}};
    rows = testing::csv_rows(render_report_csv(report));
    BOOST_TEST(rows[0]["meta_share"] == "0.0000");
    BOOST_TEST(rows[0]["customer_share"] == "0.0000");
}

BOOST_AUTO_TEST_CASE(per_calendar_csv_leads_with_a_neutralised_calendar_column) {
    Report report;
    report.zone = "Europe/Berlin";
    report.per_calendar = true;
    WeekFigures w = sample_w43();
    // The team's W43: each file's minutes twice, working 2 x 2400 = 4800; the week still has
    // 169 hours. meta 330 / 4800 = 0.06875 -> 0.0688; customer 420 / 4800 = 0.0875; meta per
    // customer 330 / 420 = 0.785714... -> 0.7857; counted 1050; outside 180; excluded 8.
    WeekFigures team = total_of(w, w);
    team.week = w.week;
    team.hours_in_week = 169;
    report.calendars = {CalendarReport{"=evil.ics", {w}, w, std::nullopt},
                        CalendarReport{"-x.ics", {w}, w, std::nullopt},
                        CalendarReport{"a,\"b\".ics", {w}, w, std::nullopt},
                        CalendarReport{"team", {team}, team, std::nullopt}};
    std::string csv = render_report_csv(report);
    BOOST_TEST(csv == "calendar," + header + "\r\n" +        //
                          "'=evil.ics," + w43_row + "\r\n" + // a leading ' stops the formula
                          "'-x.ics," + w43_row + "\r\n" +    //
                          "\"a,\"\"b\"\".ics\"," + w43_row + "\r\n" +
                          "team,2026-W43,2026-10-19,2026-10-25,4800,420,60,60,210,0,300,330,"
                          "0.0688,0.0875,60,180,1050,169,8,0.7857\r\n");

    auto records = testing::parse_csv(csv);
    BOOST_REQUIRE_EQUAL(records.size(), 5U);
    BOOST_TEST(records[0][0] == "calendar");
    BOOST_TEST(records[3][0] == "a,\"b\".ics");
    // No cell of any row starts with a character a spreadsheet evaluates (OWASP's list).
    for (const auto& record : records)
        for (const auto& cell : record)
            BOOST_TEST((cell.empty() || std::string("=+-@\t\r").find(cell[0]) == std::string::npos),
                       "cell " << cell);
}

BOOST_AUTO_TEST_CASE(json_has_the_documented_keys_and_numbers) {
    Report report = two_week_report();
    auto doc = nlohmann::ordered_json::parse(render_report_json(report));

    std::vector<std::string> top;
    for (const auto& [key, value] : doc.items())
        top.push_back(key);
    BOOST_TEST(top ==
                   (std::vector<std::string>{"zone", "working_week", "meta_categories", "inferred",
                                             "per_calendar", "input_covers", "calendars"}),
               boost::test_tools::per_element());
    BOOST_TEST(doc["zone"] == "Europe/Berlin");
    BOOST_TEST(doc["working_week"] == "Mon-Fri 09:00-17:00"); // the default working week
    // The default meta categories, in Settings' order.
    BOOST_TEST(doc["meta_categories"] ==
               nlohmann::ordered_json({"internal-sync", "pre-meeting", "post-meeting"}));
    BOOST_TEST(doc["inferred"].size() == 1U);
    BOOST_TEST(doc["per_calendar"] == false);
    BOOST_TEST(doc["input_covers"].is_null());

    BOOST_REQUIRE_EQUAL(doc["calendars"].size(), 1U);
    const auto& all = doc["calendars"][0];
    BOOST_TEST(all["calendar"] == "all");
    BOOST_TEST(all["meta_share_trend_pp_per_week"].get<double>() == -1.875);
    BOOST_REQUIRE_EQUAL(all["weeks"].size(), 2U);

    const auto& w43 = all["weeks"][0];
    std::vector<std::string> keys;
    for (const auto& [key, value] : w43.items())
        keys.push_back(key);
    BOOST_TEST(keys == (std::vector<std::string>{"week",
                                                 "monday",
                                                 "sunday",
                                                 "start",
                                                 "end",
                                                 "hours_in_week",
                                                 "working_min",
                                                 "counted_min",
                                                 "outside_working_min",
                                                 "counted_total_min",
                                                 "outside_working_total_min",
                                                 "meta_min",
                                                 "customer_min",
                                                 "meta_share",
                                                 "customer_share",
                                                 "meta_per_customer",
                                                 "double_booked_min",
                                                 "occurrences",
                                                 "excluded",
                                                 "costliest_series"}),
               boost::test_tools::per_element());
    BOOST_TEST(w43["week"] == "2026-W43");
    BOOST_TEST(w43["monday"] == "2026-10-19");
    BOOST_TEST(w43["sunday"] == "2026-10-25");
    // 2026-10-18T22:00Z is midnight CEST (+02:00); 2026-10-25T23:00Z midnight CET (+01:00).
    BOOST_TEST(w43["start"] == "2026-10-19T00:00:00+02:00");
    BOOST_TEST(w43["end"] == "2026-10-26T00:00:00+01:00");
    BOOST_TEST(w43["hours_in_week"] == 169);
    BOOST_TEST(w43["working_min"] == 2400);
    BOOST_TEST(w43["counted_min"] == nlohmann::ordered_json({{"customer", 210},
                                                             {"pre-meeting", 30},
                                                             {"post-meeting", 30},
                                                             {"internal-sync", 105},
                                                             {"internal-other", 0},
                                                             {"solo", 150}}));
    BOOST_TEST(w43["outside_working_min"]["customer"] == 60);
    BOOST_TEST(w43["outside_working_min"]["solo"] == 30);
    BOOST_TEST(w43["counted_total_min"] == 525);        // 210 + 30 + 30 + 105 + 150
    BOOST_TEST(w43["outside_working_total_min"] == 90); // 60 + 30
    BOOST_TEST(w43["meta_min"] == 165);
    BOOST_TEST(w43["customer_min"] == 210);
    // Shares are numbers, unrounded: 165 / 2400 and 210 / 2400.
    BOOST_TEST(w43["meta_share"].is_number());
    BOOST_TEST(w43["meta_share"].get<double>() == 0.06875, boost::test_tools::tolerance(1e-12));
    BOOST_TEST(w43["customer_share"].get<double>() == 0.0875, boost::test_tools::tolerance(1e-12));
    BOOST_TEST(w43["meta_per_customer"].get<double>() == 165.0 / 210.0,
               boost::test_tools::tolerance(1e-12));
    BOOST_TEST(w43["double_booked_min"] == 30);
    BOOST_TEST(w43["occurrences"] == 12);
    BOOST_TEST(w43["excluded"] ==
               nlohmann::ordered_json({{"all-day", 1}, {"cancelled", 2}, {"declined", 1}}));
    BOOST_REQUIRE_EQUAL(w43["costliest_series"].size(), 2U);
    BOOST_TEST(w43["costliest_series"][0] ==
               nlohmann::ordered_json({{"uid", "standup@acme"},
                                       {"title", "Daily Stand-up Vertrieb"},
                                       {"occurrences", 3},
                                       {"meta_min", 45}}));

    const auto& w44 = all["weeks"][1];
    BOOST_TEST(w44["meta_per_customer"].is_null()); // no customer time
    BOOST_TEST(w44["customer_share"].get<double>() == 0.0);
    BOOST_TEST(w44["meta_share"].get<double>() == 0.05, boost::test_tools::tolerance(1e-12));
    BOOST_TEST(w44["excluded"] == nlohmann::ordered_json::object());

    // The total runs from W43's Monday to W44's Sunday; meta 165 + 120 = 285 of 4800.
    const auto& total = all["total"];
    BOOST_TEST(total["week"] == "2026-W43..2026-W44");
    BOOST_TEST(total["monday"] == "2026-10-19");
    BOOST_TEST(total["sunday"] == "2026-11-01");
    BOOST_TEST(total["start"] == "2026-10-19T00:00:00+02:00");
    BOOST_TEST(total["end"] == "2026-11-02T00:00:00+01:00");
    BOOST_TEST(total["hours_in_week"] == 337); // 169 + 168
    BOOST_TEST(total["meta_min"] == 285);
    BOOST_TEST(total["meta_share"].get<double>() == 285.0 / 4800.0,
               boost::test_tools::tolerance(1e-12));
    BOOST_TEST(total["excluded"]["cancelled"] == 2);
}

BOOST_AUTO_TEST_CASE(json_covers_per_calendar_an_unknown_zone_and_bad_utf8) {
    Report report = two_week_report();
    report.per_calendar = true;
    report.zone = "Mars/Olympus_Mons"; // not a zone: instants fall back to UTC
    report.calendars[0].calendar = "=evil.ics";
    report.calendars[0].meta_share_trend.reset();
    report.calendars[0].weeks[0].costliest_series[0].title = "bad \xC3 utf-8";
    report.input_covers = std::make_pair(sample_w43().week, sample_w44().week);
    std::string text = render_report_json(report);
    BOOST_TEST(text.back() == '\n');
    auto doc = nlohmann::json::parse(text);
    BOOST_TEST(doc["per_calendar"] == true);
    BOOST_TEST(doc["zone"] == "Mars/Olympus_Mons");
    BOOST_TEST(doc["input_covers"] ==
               nlohmann::json({{"first_week", "2026-W43"}, {"last_week", "2026-W44"}}));
    const auto& cal = doc["calendars"][0];
    BOOST_TEST(cal["calendar"] == "=evil.ics"); // JSON is not a spreadsheet: kept as is
    BOOST_TEST(cal["meta_share_trend_pp_per_week"].is_null());
    BOOST_TEST(cal["weeks"][0]["start"] == "2026-10-18T22:00:00+00:00");
    // The invalid byte is replaced by U+FFFD instead of making the dump throw.
    BOOST_TEST(cal["weeks"][0]["costliest_series"][0]["title"] == "bad \xEF\xBF\xBD utf-8");
}

BOOST_AUTO_TEST_CASE(numbers_do_not_follow_the_locale) {
    Report report = two_week_report();
    const std::string csv = render_report_csv(report);
    const std::string json = render_report_json(report);
    const std::string markdown = render_report_markdown(report);
    // A German-style numpunct on the global C++ locale: iostreams would write 0,0688 and 2.400.
    std::vector<std::locale> locales{std::locale(std::locale::classic(), new GermanNumbers)};
    for (const char* name : {"de_DE.UTF-8", "de_DE.utf8", "da_DK.UTF-8"}) {
        try {
            locales.emplace_back(name);
        } catch (const std::runtime_error&) {
            // not installed here
        }
    }
    for (const auto& l : locales) {
        GlobalLocale scoped(l);
        BOOST_TEST(render_report_csv(report) == csv);
        BOOST_TEST(render_report_json(report) == json);
        BOOST_TEST(render_report_markdown(report) == markdown);
        BOOST_TEST(render_report_csv(report).find("0.0688") != std::string::npos);
        BOOST_TEST(render_report_csv(report).find(",2400,") != std::string::npos);
        BOOST_TEST(render_report_json(report).find("\"start\": \"2026-10-19T00:00:00+02:00\"") !=
                   std::string::npos);
    }
}

BOOST_AUTO_TEST_SUITE_END()
