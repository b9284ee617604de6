// SPDX-License-Identifier: MIT
// Counting occurrences into weeks: splitting at week boundaries and working hours, overlap
// resolution by precedence, double-booked and outside-working time, series costs, exclusions,
// the trend, and per-calendar reports. Occurrences are built by hand with UTC times; the report
// zone is Europe/Berlin. Every expected figure is worked out in the comments.
//
// Weeks used (see weeks_test.cpp for the calendar arithmetic):
// - 2026-W13: Mon 2026-03-23 00:00 CET (2026-03-22T23:00Z) to Mon 2026-03-30 00:00 CEST
//   (2026-03-29T22:00Z), 167 h: clocks go forward on Sunday 2026-03-29 at 02:00.
// - 2026-W42: Mon 2026-10-12 00:00 CEST (2026-10-11T22:00Z), 168 h.
// - 2026-W43: Mon 2026-10-19 00:00 CEST (2026-10-18T22:00Z) to Mon 2026-10-26 00:00 CET
//   (2026-10-25T23:00Z), 169 h: clocks go back on Sunday 2026-10-25 at 03:00 CEST.
// - 2026-W44: Mon 2026-10-26 to Mon 2026-11-02 00:00 CET (2026-11-01T23:00Z), 168 h, CET.
// - 2026-W45: Mon 2026-11-02 to Mon 2026-11-09, CET (UTC+1): local time = UTC + 1 h.
// - 2026-W46: Mon 2026-11-09 to Mon 2026-11-16, CET.
// The default working week is Mon-Fri 09:00-17:00 local: 5 x 480 = 2400 min. No working day
// of a DST week has a clock change (the changes are on Sundays at night), so those weeks
// have 2400 working minutes too.
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <busywork/time_zones.hpp>
#include <busywork/week_report.hpp>
#include <busywork/working_week.hpp>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

using namespace busywork;
using namespace date::literals;
using namespace std::chrono_literals;

namespace {

const Zone& berlin() {
    static const Zone zone = report_zone("Europe/Berlin");
    return zone;
}

// An instant given as a UTC date and time of day.
Instant utc(date::year_month_day day, std::chrono::minutes time) {
    return date::sys_days{day} + time;
}

struct Make {
    Category category = Category::internal_other;
    Instant start{};
    Instant end{};
    std::string uid = "single";
    std::string summary = "Meeting";
    bool recurring = false;
    std::string rule = "rule";
    std::string file = "cal.ics";
};

ClassifiedOccurrence make(const Make& m) {
    ClassifiedOccurrence c;
    c.occurrence.source_file = m.file;
    c.occurrence.uid = m.uid;
    c.occurrence.start = m.start;
    c.occurrence.end = m.end;
    c.occurrence.summary = m.summary;
    c.occurrence.recurring = m.recurring;
    c.classification.category = m.category;
    c.classification.rule = m.rule;
    return c;
}

ClassifiedOccurrence meeting(Category category, Instant start, Instant end,
                             const std::string& uid = "single") {
    Make m;
    m.category = category;
    m.start = start;
    m.end = end;
    m.uid = uid;
    return make(m);
}

ClassifiedOccurrence excluded(const std::string& reason, Instant start, Instant end) {
    Make m;
    m.category = Category::excluded;
    m.start = start;
    m.end = end;
    m.rule = reason;
    m.uid = reason;
    return make(m);
}

std::vector<Week> weeks_named(std::initializer_list<const char*> labels) {
    std::vector<Week> selected;
    for (const char* label : labels)
        selected.push_back(busywork::parse_week(label, berlin()));
    return selected;
}

long long of(const CategoryMinutes& m, Category c) {
    return minutes_of(m, c);
}

long long sum(const CountedMinutes& counted) {
    long long total = 0;
    for (long long m : counted)
        total += m;
    return total;
}

// Checks a week's categories against `expected` (absent categories are 0).
void check_categories(const CategoryMinutes& actual, const std::map<Category, long long>& expected,
                      const char* what) {
    for (Category c : all_categories) {
        auto it = expected.find(c);
        long long want = it == expected.end() ? 0 : it->second;
        BOOST_TEST_CONTEXT(what << " " << category_name(c)) {
            BOOST_TEST(of(actual, c) == want);
        }
    }
}

} // namespace

BOOST_AUTO_TEST_SUITE(week_report)

BOOST_AUTO_TEST_CASE(a_single_meeting_inside_working_hours) {
    // Tuesday 2026-11-03 10:00-11:00 CET = 09:00Z-10:00Z, a customer meeting.
    std::vector<ClassifiedOccurrence> occ{
        meeting(Category::customer, utc(2026_y / 11 / 3, 9h), utc(2026_y / 11 / 3, 10h))};
    Settings settings;
    CountedMinutes counted;
    CalendarReport r =
        busywork::count_weeks(occ, weeks_named({"2026-W45"}), berlin(), settings, &counted);
    BOOST_TEST(r.calendar == "all");
    BOOST_REQUIRE(r.weeks.size() == 1u);
    const WeekFigures& w = r.weeks[0];
    BOOST_TEST(w.week.label == "2026-W45");
    BOOST_TEST(w.hours_in_week == 168);
    BOOST_TEST(w.working_min == 2400);
    check_categories(w.counted, {{Category::customer, 60}}, "counted");
    check_categories(w.outside_working, {}, "outside");
    BOOST_TEST(w.counted_min() == 60);
    BOOST_TEST(w.outside_working_min() == 0);
    BOOST_TEST(w.double_booked_min == 0);
    BOOST_TEST(w.occurrences == 1);
    BOOST_TEST(w.excluded.empty());
    BOOST_TEST(w.costliest_series.empty());
    BOOST_TEST(w.customer_min() == 60);
    BOOST_TEST(w.meta_min(settings) == 0);
    // Shares of 2400 working minutes: customer 60 / 2400 = 0.025, meta 0.
    BOOST_TEST(w.customer_share() == 0.025, boost::test_tools::tolerance(1e-12));
    BOOST_TEST(w.meta_share(settings) == 0.0);
    BOOST_REQUIRE(w.meta_per_customer(settings).has_value());
    BOOST_TEST(*w.meta_per_customer(settings) == 0.0);
    BOOST_TEST(counted == CountedMinutes{60}, boost::test_tools::per_element());
    // The total of one week is that week; one week has no trend.
    BOOST_TEST(r.total.counted_min() == 60);
    BOOST_TEST(r.total.working_min == 2400);
    BOOST_TEST(r.total.hours_in_week == 168);
    BOOST_TEST(r.total.occurrences == 1);
    BOOST_TEST(r.total.week.label == "2026-W45");
    BOOST_TEST(!r.meta_share_trend.has_value());
}

BOOST_AUTO_TEST_CASE(no_occurrences_and_no_weeks) {
    Settings settings;
    CountedMinutes counted{1, 2, 3};
    CalendarReport r =
        busywork::count_weeks({}, weeks_named({"2026-W45"}), berlin(), settings, &counted);
    BOOST_REQUIRE(r.weeks.size() == 1u);
    BOOST_TEST(r.weeks[0].counted_min() == 0);
    BOOST_TEST(r.weeks[0].working_min == 2400);
    BOOST_TEST(r.weeks[0].occurrences == 0);
    // Nothing to count into: every occurrence counts 0.
    BOOST_TEST(counted.empty());
    // No weeks: nothing counted, the vector still has one entry per occurrence.
    std::vector<ClassifiedOccurrence> occ{
        meeting(Category::customer, utc(2026_y / 11 / 3, 9h), utc(2026_y / 11 / 3, 10h))};
    CalendarReport none = busywork::count_weeks(occ, {}, berlin(), settings, &counted);
    BOOST_TEST(none.weeks.empty());
    BOOST_TEST(counted == CountedMinutes{0}, boost::test_tools::per_element());
    // A meeting outside the selected week counts nothing in it.
    CalendarReport other =
        busywork::count_weeks(occ, weeks_named({"2026-W47"}), berlin(), settings, &counted);
    BOOST_TEST(other.weeks[0].counted_min() == 0);
    BOOST_TEST(other.weeks[0].occurrences == 0);
    BOOST_TEST(counted == CountedMinutes{0}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_meeting_across_midnight_counts_fully_in_its_week) {
    // Wednesday 2026-11-04 16:30 CET (15:30Z) to Thursday 2026-11-05 09:30 CET (08:30Z):
    // 17 h = 1020 min. Inside working hours: Wed 16:30-17:00 (30) and Thu 09:00-09:30 (30),
    // so 60; outside: Wed 17:00 to Thu 09:00 = 16 h = 960.
    std::vector<ClassifiedOccurrence> occ{meeting(Category::internal_other,
                                                  utc(2026_y / 11 / 4, 15h + 30min),
                                                  utc(2026_y / 11 / 5, 8h + 30min))};
    CountedMinutes counted;
    CalendarReport r =
        busywork::count_weeks(occ, weeks_named({"2026-W45"}), berlin(), Settings{}, &counted);
    const WeekFigures& w = r.weeks[0];
    check_categories(w.counted, {{Category::internal_other, 1020}}, "counted");
    check_categories(w.outside_working, {{Category::internal_other, 960}}, "outside");
    BOOST_TEST(w.occurrences == 1);
    BOOST_TEST(counted == CountedMinutes{1020}, boost::test_tools::per_element());

    // The sample's late call, Wed 2026-10-21 23:30 CEST - Thu 00:30 CEST (21:30Z-22:30Z):
    // 60 min in W43, all outside working hours.
    std::vector<ClassifiedOccurrence> late{meeting(Category::customer,
                                                   utc(2026_y / 10 / 21, 21h + 30min),
                                                   utc(2026_y / 10 / 21, 22h + 30min))};
    CalendarReport r43 =
        busywork::count_weeks(late, weeks_named({"2026-W43"}), berlin(), Settings{});
    check_categories(r43.weeks[0].counted, {{Category::customer, 60}}, "counted");
    check_categories(r43.weeks[0].outside_working, {{Category::customer, 60}}, "outside");
}

BOOST_AUTO_TEST_CASE(a_meeting_across_the_week_boundary_is_split) {
    // The sample's night train: Sunday 2026-11-01 21:45 CET (20:45Z) to Monday 2026-11-02
    // 07:15 CET (06:15Z), solo. W44 ends at Monday 00:00 CET (2026-11-01T23:00Z): 21:45-24:00
    // = 135 min in W44, 00:00-07:15 = 435 min in W45; all of it outside working hours (a
    // Sunday night, and Monday before 09:00).
    std::vector<ClassifiedOccurrence> occ{meeting(Category::solo, utc(2026_y / 11 / 1, 20h + 45min),
                                                  utc(2026_y / 11 / 2, 6h + 15min))};
    CountedMinutes counted;
    CalendarReport r = busywork::count_weeks(occ, weeks_named({"2026-W44", "2026-W45"}), berlin(),
                                             Settings{}, &counted);
    BOOST_REQUIRE(r.weeks.size() == 2u);
    check_categories(r.weeks[0].counted, {{Category::solo, 135}}, "W44 counted");
    check_categories(r.weeks[0].outside_working, {{Category::solo, 135}}, "W44 outside");
    check_categories(r.weeks[1].counted, {{Category::solo, 435}}, "W45 counted");
    check_categories(r.weeks[1].outside_working, {{Category::solo, 435}}, "W45 outside");
    // It counted time in both weeks, and is one occurrence over the whole report.
    BOOST_TEST(r.weeks[0].occurrences == 1);
    BOOST_TEST(r.weeks[1].occurrences == 1);
    BOOST_TEST(r.total.occurrences == 1);
    BOOST_TEST(r.total.counted_min() == 135 + 435);
    BOOST_TEST(r.total.outside_working_min() == 570);
    BOOST_TEST(r.total.hours_in_week == 2 * 168);
    BOOST_TEST(r.total.working_min == 2 * 2400);
    BOOST_TEST(r.total.week.label == "2026-W44..2026-W45");
    BOOST_TEST(counted == CountedMinutes{570}, boost::test_tools::per_element());

    // With W45 alone only its part counts, also per occurrence.
    CalendarReport only45 =
        busywork::count_weeks(occ, weeks_named({"2026-W45"}), berlin(), Settings{}, &counted);
    BOOST_TEST(only45.weeks[0].counted_min() == 435);
    BOOST_TEST(counted == CountedMinutes{435}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(minutes_are_real_minutes_across_a_clock_change) {
    // Saturday 2026-10-24 23:00 CEST (21:00Z) to Sunday 2026-10-25 04:00 CET (03:00Z): the
    // wall clock says 5 h but 02:00-03:00 happens twice, so 6 h = 360 min passed.
    std::vector<ClassifiedOccurrence> occ{
        meeting(Category::solo, utc(2026_y / 10 / 24, 21h), utc(2026_y / 10 / 25, 3h))};
    CalendarReport r = busywork::count_weeks(occ, weeks_named({"2026-W43"}), berlin(), Settings{});
    check_categories(r.weeks[0].counted, {{Category::solo, 360}}, "counted");
    check_categories(r.weeks[0].outside_working, {{Category::solo, 360}}, "outside");
}

BOOST_AUTO_TEST_CASE(dst_weeks_have_167_or_169_hours_and_full_working_time) {
    Settings settings;
    CalendarReport r = busywork::count_weeks({}, weeks_named({"2026-W13", "2026-W43", "2026-W44"}),
                                             berlin(), settings);
    BOOST_REQUIRE(r.weeks.size() == 3u);
    BOOST_TEST(r.weeks[0].hours_in_week == 167);
    BOOST_TEST(r.weeks[1].hours_in_week == 169);
    BOOST_TEST(r.weeks[2].hours_in_week == 168);
    // Mon-Fri 09:00-17:00 never meets a clock change (they are on Sundays at night).
    for (const WeekFigures& w : r.weeks)
        BOOST_TEST(w.working_min == 2400);
    BOOST_TEST(r.total.hours_in_week == 167 + 169 + 168);
    BOOST_TEST(r.total.working_min == 3 * 2400);

    // Working hours follow the wall clock: 07:00Z-08:00Z is 09:00-10:00 CEST on Monday
    // 2026-10-19 (inside), but 08:00-09:00 CET on Monday 2026-10-26 (outside).
    std::vector<ClassifiedOccurrence> occ{
        meeting(Category::internal_sync, utc(2026_y / 10 / 19, 7h), utc(2026_y / 10 / 19, 8h)),
        meeting(Category::internal_sync, utc(2026_y / 10 / 26, 7h), utc(2026_y / 10 / 26, 8h))};
    CalendarReport both =
        busywork::count_weeks(occ, weeks_named({"2026-W43", "2026-W44"}), berlin(), settings);
    check_categories(both.weeks[0].counted, {{Category::internal_sync, 60}}, "W43 counted");
    check_categories(both.weeks[0].outside_working, {}, "W43 outside");
    check_categories(both.weeks[1].counted, {{Category::internal_sync, 60}}, "W44 counted");
    check_categories(both.weeks[1].outside_working, {{Category::internal_sync, 60}}, "W44 outside");
}

BOOST_AUTO_TEST_CASE(overlaps_count_once_by_precedence) {
    // Tuesday 2026-11-03: internal sync 12:00-13:00 CET (11:00Z-12:00Z) and a customer meeting
    // 12:30-13:30 CET (11:30Z-12:30Z). 12:00-12:30 sync alone: sync 30; 12:30-13:00 both:
    // customer wins, 30 double-booked; 13:00-13:30 customer alone. Customer 60, sync 30,
    // 90 in all = the union 12:00-13:30.
    std::vector<ClassifiedOccurrence> occ{
        meeting(Category::internal_sync, utc(2026_y / 11 / 3, 11h), utc(2026_y / 11 / 3, 12h)),
        meeting(Category::customer, utc(2026_y / 11 / 3, 11h + 30min),
                utc(2026_y / 11 / 3, 12h + 30min))};
    Settings settings;
    for (bool reversed : {false, true}) {
        BOOST_TEST_CONTEXT("reversed " << reversed) {
            auto input = occ;
            if (reversed)
                std::reverse(input.begin(), input.end());
            CountedMinutes counted;
            CalendarReport r = busywork::count_weeks(input, weeks_named({"2026-W45"}), berlin(),
                                                     settings, &counted);
            const WeekFigures& w = r.weeks[0];
            check_categories(w.counted, {{Category::customer, 60}, {Category::internal_sync, 30}},
                             "counted");
            BOOST_TEST(w.counted_min() == 90);
            BOOST_TEST(w.double_booked_min == 30);
            BOOST_TEST(w.meta_min(settings) == 30);
            BOOST_TEST(w.occurrences == 2);
            // Meta 30 per customer 60 = 0.5.
            BOOST_TEST(*w.meta_per_customer(settings) == 0.5, boost::test_tools::tolerance(1e-12));
            CountedMinutes expected = reversed ? CountedMinutes{60, 30} : CountedMinutes{30, 60};
            BOOST_TEST(counted == expected, boost::test_tools::per_element());
        }
    }
}

BOOST_AUTO_TEST_CASE(three_way_overlaps) {
    // Tuesday 2026-11-03, local CET times (UTC = local - 1 h):
    //   sync     10:00-12:00
    //   pre      10:30-11:30
    //   customer 11:00-11:15
    // 10:00-10:30 sync (30); 10:30-11:00 pre over sync (pre 30, double 30); 11:00-11:15
    // customer over both (customer 15, double 15); 11:15-11:30 pre over sync (pre 15, double
    // 15); 11:30-12:00 sync (30). Sync 60, pre 45, customer 15 = 120 = the union 10:00-12:00;
    // double-booked 30 + 15 + 15 = 60.
    std::vector<ClassifiedOccurrence> occ{
        meeting(Category::internal_sync, utc(2026_y / 11 / 3, 9h), utc(2026_y / 11 / 3, 11h)),
        meeting(Category::pre_meeting, utc(2026_y / 11 / 3, 9h + 30min),
                utc(2026_y / 11 / 3, 10h + 30min)),
        meeting(Category::customer, utc(2026_y / 11 / 3, 10h), utc(2026_y / 11 / 3, 10h + 15min))};
    CountedMinutes counted;
    CalendarReport r =
        busywork::count_weeks(occ, weeks_named({"2026-W45"}), berlin(), Settings{}, &counted);
    const WeekFigures& w = r.weeks[0];
    check_categories(
        w.counted,
        {{Category::internal_sync, 60}, {Category::pre_meeting, 45}, {Category::customer, 15}},
        "counted");
    BOOST_TEST(w.double_booked_min == 60);
    BOOST_TEST(w.outside_working_min() == 0);
    BOOST_TEST(w.occurrences == 3);
    BOOST_TEST(counted == (CountedMinutes{60, 45, 15}), boost::test_tools::per_element());

    // Wednesday 2026-11-04, across the end of the working day:
    //   solo           14:00-17:30
    //   post-meeting   15:00-16:00
    //   internal-other 15:30-18:00
    // 14:00-15:00 solo (60); 15:00-16:00 post wins (60; double 60, three at once from 15:30);
    // 16:00-18:00 internal-other wins over solo until 17:30 and alone after (120; double
    // 16:00-17:30 = 90). Solo 60 + post 60 + other 120 = 240 = the union 14:00-18:00;
    // double-booked 60 + 90 = 150. Outside working hours: 17:00-18:00, all internal-other.
    std::vector<ClassifiedOccurrence> late{
        meeting(Category::solo, utc(2026_y / 11 / 4, 13h), utc(2026_y / 11 / 4, 16h + 30min)),
        meeting(Category::post_meeting, utc(2026_y / 11 / 4, 14h), utc(2026_y / 11 / 4, 15h)),
        meeting(Category::internal_other, utc(2026_y / 11 / 4, 14h + 30min),
                utc(2026_y / 11 / 4, 17h))};
    CalendarReport r2 =
        busywork::count_weeks(late, weeks_named({"2026-W45"}), berlin(), Settings{}, &counted);
    const WeekFigures& w2 = r2.weeks[0];
    check_categories(
        w2.counted,
        {{Category::solo, 60}, {Category::post_meeting, 60}, {Category::internal_other, 120}},
        "counted");
    check_categories(w2.outside_working, {{Category::internal_other, 60}}, "outside");
    BOOST_TEST(w2.double_booked_min == 150);
    BOOST_TEST(counted == (CountedMinutes{60, 60, 120}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(identical_times) {
    // Thursday 2026-11-05 14:00-15:00 CET (13:00Z-14:00Z), three occurrences at exactly the same
    // time: two internal-other and a solo. The hour counts once, for the first internal-other
    // in input order; 60 double-booked; one occurrence counted time.
    Instant from = utc(2026_y / 11 / 5, 13h), to = utc(2026_y / 11 / 5, 14h);
    std::vector<ClassifiedOccurrence> occ{meeting(Category::internal_other, from, to, "a"),
                                          meeting(Category::internal_other, from, to, "b"),
                                          meeting(Category::solo, from, to, "c")};
    CountedMinutes counted;
    CalendarReport r =
        busywork::count_weeks(occ, weeks_named({"2026-W45"}), berlin(), Settings{}, &counted);
    check_categories(r.weeks[0].counted, {{Category::internal_other, 60}}, "counted");
    BOOST_TEST(r.weeks[0].double_booked_min == 60);
    BOOST_TEST(r.weeks[0].occurrences == 1);
    BOOST_TEST(counted == (CountedMinutes{60, 0, 0}), boost::test_tools::per_element());

    // A post-meeting listed before a customer meeting at the same time: customer wins.
    std::vector<ClassifiedOccurrence> pair{meeting(Category::post_meeting, from, to, "p"),
                                           meeting(Category::customer, from, to, "c")};
    CalendarReport r2 =
        busywork::count_weeks(pair, weeks_named({"2026-W45"}), berlin(), Settings{}, &counted);
    check_categories(r2.weeks[0].counted, {{Category::customer, 60}}, "counted");
    BOOST_TEST(r2.weeks[0].double_booked_min == 60);
    BOOST_TEST(counted == (CountedMinutes{0, 60}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(excluded_occurrences_count_nothing_but_are_counted_by_reason) {
    // W44 ends and W45 starts at Monday 2026-11-02 00:00 CET = 2026-11-01T23:00Z.
    std::vector<ClassifiedOccurrence> occ{
        // Cancelled, Sun 22:00 CET to Mon 01:00 CET: touches W44 and W45, once in each.
        excluded("cancelled", utc(2026_y / 11 / 1, 21h), utc(2026_y / 11 / 2, 0h)),
        // Declined, Sun 23:00 CET to Mon 00:00 CET: ends where W45 starts, so W44 only.
        excluded("declined", utc(2026_y / 11 / 1, 22h), utc(2026_y / 11 / 1, 23h)),
        // Free, without length, at W45's first instant: W45 only.
        excluded("free", utc(2026_y / 11 / 1, 23h), utc(2026_y / 11 / 1, 23h)),
        // Declined, Tue 10:00-11:00 CET, at the same time as a customer meeting: the customer
        // hour counts alone, nothing is double-booked.
        excluded("declined", utc(2026_y / 11 / 3, 9h), utc(2026_y / 11 / 3, 10h)),
        meeting(Category::customer, utc(2026_y / 11 / 3, 9h), utc(2026_y / 11 / 3, 10h)),
        // Cancelled in W47, outside the selected weeks: not counted anywhere.
        excluded("cancelled", utc(2026_y / 11 / 17, 9h), utc(2026_y / 11 / 17, 10h)),
    };
    CountedMinutes counted;
    CalendarReport r = busywork::count_weeks(occ, weeks_named({"2026-W44", "2026-W45"}), berlin(),
                                             Settings{}, &counted);
    const WeekFigures& w44 = r.weeks[0];
    const WeekFigures& w45 = r.weeks[1];
    BOOST_TEST(w44.counted_min() == 0);
    BOOST_TEST(w44.occurrences == 0);
    BOOST_TEST((w44.excluded == std::map<std::string, int>{{"cancelled", 1}, {"declined", 1}}));
    check_categories(w45.counted, {{Category::customer, 60}}, "W45 counted");
    BOOST_TEST(w45.double_booked_min == 0);
    BOOST_TEST(w45.occurrences == 1);
    BOOST_TEST((w45.excluded ==
                std::map<std::string, int>{{"cancelled", 1}, {"declined", 1}, {"free", 1}}));
    BOOST_TEST(counted == (CountedMinutes{0, 0, 0, 0, 60, 0}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(zero_length_occurrences_count_nothing) {
    // A sync Tuesday 10:00-11:00 CET and a zero-length customer "meeting" at 10:30 inside it:
    // the sync keeps its 60 minutes, nothing is double-booked, the customer occurrence counted
    // no time.
    std::vector<ClassifiedOccurrence> occ{
        meeting(Category::internal_sync, utc(2026_y / 11 / 3, 9h), utc(2026_y / 11 / 3, 10h)),
        meeting(Category::customer, utc(2026_y / 11 / 3, 9h + 30min),
                utc(2026_y / 11 / 3, 9h + 30min))};
    CountedMinutes counted;
    CalendarReport r =
        busywork::count_weeks(occ, weeks_named({"2026-W45"}), berlin(), Settings{}, &counted);
    check_categories(r.weeks[0].counted, {{Category::internal_sync, 60}}, "counted");
    BOOST_TEST(r.weeks[0].double_booked_min == 0);
    BOOST_TEST(r.weeks[0].occurrences == 1);
    BOOST_TEST(r.weeks[0].excluded.empty());
    BOOST_TEST(counted == (CountedMinutes{60, 0}), boost::test_tools::per_element());

    // Alone, it counts nothing at all.
    CalendarReport alone =
        busywork::count_weeks({occ[1]}, weeks_named({"2026-W45"}), berlin(), Settings{}, &counted);
    BOOST_TEST(alone.weeks[0].counted_min() == 0);
    BOOST_TEST(alone.weeks[0].occurrences == 0);
    BOOST_TEST(counted == CountedMinutes{0}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_custom_working_week) {
    // Sun-Thu 08:00-16:00: 5 x 480 = 2400 working minutes.
    Settings settings;
    settings.working_week = parse_working_week("Sun-Thu 08:00-16:00");
    std::vector<ClassifiedOccurrence> occ{
        // Sunday 2026-11-08 08:30-09:30 CET: a working day now, all inside.
        meeting(Category::internal_sync, utc(2026_y / 11 / 8, 7h + 30min),
                utc(2026_y / 11 / 8, 8h + 30min)),
        // Friday 2026-11-06 10:00-11:00 CET: not a working day, all outside.
        meeting(Category::customer, utc(2026_y / 11 / 6, 9h), utc(2026_y / 11 / 6, 10h)),
        // Monday 2026-11-02 15:30-16:30 CET: 30 inside, 30 after 16:00.
        meeting(Category::internal_other, utc(2026_y / 11 / 2, 14h + 30min),
                utc(2026_y / 11 / 2, 15h + 30min)),
        // Thursday 2026-11-05 07:00-08:00 CET: before 08:00, all outside.
        meeting(Category::solo, utc(2026_y / 11 / 5, 6h), utc(2026_y / 11 / 5, 7h))};
    CalendarReport r = busywork::count_weeks(occ, weeks_named({"2026-W45"}), berlin(), settings);
    const WeekFigures& w = r.weeks[0];
    BOOST_TEST(w.working_min == 2400);
    check_categories(w.counted,
                     {{Category::internal_sync, 60},
                      {Category::customer, 60},
                      {Category::internal_other, 60},
                      {Category::solo, 60}},
                     "counted");
    check_categories(
        w.outside_working,
        {{Category::customer, 60}, {Category::internal_other, 30}, {Category::solo, 60}},
        "outside");
    // Customer share 60 / 2400.
    BOOST_TEST(w.customer_share() == 0.025, boost::test_tools::tolerance(1e-12));

    // In the DST weeks the Sunday's 08:00-16:00 is clear of the changes (02:00 and 03:00), so
    // both still have 2400 working minutes.
    CalendarReport dst =
        busywork::count_weeks({}, weeks_named({"2026-W13", "2026-W43"}), berlin(), settings);
    BOOST_TEST(dst.weeks[0].working_min == 2400);
    BOOST_TEST(dst.weeks[1].working_min == 2400);

    // Working hours across the clock change: Sat-Sun 00:00-23:59 in W43. Saturday's are
    // 1439 min; on Sunday 2026-10-25 the hour 02:00-03:00 happens twice (03:00 CEST -> 02:00
    // CET), so 00:00 CEST (2026-10-24T22:00Z) to 23:59 CET (2026-10-25T22:59Z) is 1439 + 60.
    Settings weekend;
    weekend.working_week = parse_working_week("Sat-Sun 00:00-23:59");
    CalendarReport w43 = busywork::count_weeks({}, weeks_named({"2026-W43"}), berlin(), weekend);
    BOOST_TEST(w43.weeks[0].working_min == 1439 + 1499);
}

BOOST_AUTO_TEST_CASE(counted_minutes_per_occurrence_sum_to_the_total) {
    // The occurrences of the overlap tests, spread over W44 and W45, with the night train
    // across the boundary: the per-occurrence minutes add up to the counted total exactly.
    std::vector<ClassifiedOccurrence> occ{
        meeting(Category::solo, utc(2026_y / 11 / 1, 20h + 45min),
                utc(2026_y / 11 / 2, 6h + 15min)),
        // Monday 2026-11-02 06:00-07:00 CET inside the train: double-booked, solo vs. sync.
        meeting(Category::internal_sync, utc(2026_y / 11 / 2, 5h), utc(2026_y / 11 / 2, 6h)),
        meeting(Category::internal_sync, utc(2026_y / 11 / 3, 9h), utc(2026_y / 11 / 3, 11h)),
        meeting(Category::pre_meeting, utc(2026_y / 11 / 3, 9h + 30min),
                utc(2026_y / 11 / 3, 10h + 30min)),
        meeting(Category::customer, utc(2026_y / 11 / 3, 10h), utc(2026_y / 11 / 3, 10h + 15min)),
        excluded("cancelled", utc(2026_y / 11 / 3, 9h), utc(2026_y / 11 / 3, 12h))};
    CountedMinutes counted;
    CalendarReport r = busywork::count_weeks(occ, weeks_named({"2026-W44", "2026-W45"}), berlin(),
                                             Settings{}, &counted);
    // Train 570 less the 60 the sync takes (sync outranks solo): 510. Sync 60. Then 60, 45,
    // 15 as in three_way_overlaps. Excluded 0.
    BOOST_TEST(counted == (CountedMinutes{510, 60, 60, 45, 15, 0}),
               boost::test_tools::per_element());
    BOOST_TEST(sum(counted) == r.total.counted_min());
    BOOST_TEST(r.weeks[0].counted_min() + r.weeks[1].counted_min() == sum(counted));
    // W44 has the train's 135; W45 has 435 - 60 + 60 + 60 + 45 + 15 = 555.
    BOOST_TEST(r.weeks[0].counted_min() == 135);
    BOOST_TEST(r.weeks[1].counted_min() == 555);
    BOOST_TEST(r.weeks[1].double_booked_min == 60 + 60);

    // counted_minutes over the same span gives the same vector.
    CountedMinutes same = busywork::counted_minutes(
        occ, span_of(weeks_named({"2026-W44", "2026-W45"})), berlin(), Settings{});
    BOOST_TEST(same == counted, boost::test_tools::per_element());

    // Over a window that is not a week, Monday 2026-11-02 00:00Z to Tuesday 00:00Z: the train's
    // 00:00Z-06:15Z less the sync's 05:00Z-06:00Z = 315, the sync 60, nothing else.
    CountedMinutes monday = busywork::counted_minutes(
        occ, TimeWindow{utc(2026_y / 11 / 2, 0h), utc(2026_y / 11 / 3, 0h)}, berlin(), Settings{});
    BOOST_TEST(monday == (CountedMinutes{315, 60, 0, 0, 0, 0}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(costliest_series_are_recurring_meta_time) {
    // W45, CET (UTC = local - 1 h). Meta categories by default: pre, post, internal-sync.
    auto at = [](date::year_month_day day, std::chrono::minutes local) {
        return utc(day, local - 1h);
    };
    auto series = [&](const std::string& uid, const std::string& summary, Category c,
                      date::year_month_day day, std::chrono::minutes from,
                      std::chrono::minutes to) {
        Make m;
        m.uid = uid;
        m.summary = summary;
        m.category = c;
        m.recurring = true;
        m.start = at(day, from);
        m.end = at(day, to);
        return make(m);
    };
    std::vector<ClassifiedOccurrence> occ{
        // Daily stand-up 09:00-09:15 Mon-Fri; Monday's was retitled when it moved. Friday's
        // is hidden behind a customer meeting 09:00-10:00, so it costs nothing: 4 occurrences,
        // 60 min, titled by 3 of the 4 "Daily Stand-up".
        series("standup", "Daily Stand-up (moved)", Category::internal_sync, 2026_y / 11 / 2, 9h,
               9h + 15min),
        series("standup", "Daily Stand-up", Category::internal_sync, 2026_y / 11 / 3, 9h,
               9h + 15min),
        series("standup", "Daily Stand-up", Category::internal_sync, 2026_y / 11 / 4, 9h,
               9h + 15min),
        series("standup", "Daily Stand-up", Category::internal_sync, 2026_y / 11 / 5, 9h,
               9h + 15min),
        series("standup", "Daily Stand-up", Category::internal_sync, 2026_y / 11 / 6, 9h,
               9h + 15min),
        meeting(Category::customer, at(2026_y / 11 / 6, 9h), at(2026_y / 11 / 6, 10h), "visit"),
        // Weekly sales sync Tuesday 14:00-15:30: 90.
        series("weekly", "Weekly Sales Sync", Category::internal_sync, 2026_y / 11 / 3, 14h,
               15h + 30min),
        // Prep (pre-meeting) Wednesday 13:00-13:45: 45.
        series("prep", "Prep Contoso", Category::pre_meeting, 2026_y / 11 / 4, 13h, 13h + 45min),
        // 1:1 Thursday 11:00-11:30: 30.
        series("oneonone", "1:1 Anna", Category::internal_sync, 2026_y / 11 / 5, 11h, 11h + 30min),
        // Debrief (post-meeting) Thursday 16:00-16:20: 20.
        series("debrief", "Debrief", Category::post_meeting, 2026_y / 11 / 5, 16h, 16h + 20min),
        // Retro Friday 15:00-15:10: 10, the sixth, left out.
        series("retro", "Retro", Category::internal_sync, 2026_y / 11 / 6, 15h, 15h + 10min),
        // Not recurring, though meta and the most of all (120): not a series.
        meeting(Category::internal_sync, at(2026_y / 11 / 4, 10h), at(2026_y / 11 / 4, 12h),
                "adhoc"),
        // Recurring but not meta: customer and internal-other series are not listed.
        series("qbr", "QBR", Category::customer, 2026_y / 11 / 5, 13h, 15h),
        series("allhands", "All Hands", Category::internal_other, 2026_y / 11 / 2, 16h, 17h),
    };
    Settings settings;
    CalendarReport r = busywork::count_weeks(occ, weeks_named({"2026-W45"}), berlin(), settings);
    const WeekFigures& w = r.weeks[0];
    struct Expected {
        const char* uid;
        const char* title;
        int occurrences;
        long long meta;
    };
    std::vector<Expected> expected{{"weekly", "Weekly Sales Sync", 1, 90},
                                   {"standup", "Daily Stand-up", 4, 60},
                                   {"prep", "Prep Contoso", 1, 45},
                                   {"oneonone", "1:1 Anna", 1, 30},
                                   {"debrief", "Debrief", 1, 20}};
    const std::vector<SeriesCost>* lists[] = {&w.costliest_series, &r.total.costliest_series};
    for (const std::vector<SeriesCost>* list : lists) {
        BOOST_REQUIRE(list->size() == expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i) {
            BOOST_TEST_CONTEXT("series " << i) {
                BOOST_TEST((*list)[i].uid == expected[i].uid);
                BOOST_TEST((*list)[i].title == expected[i].title);
                BOOST_TEST((*list)[i].occurrences == expected[i].occurrences);
                BOOST_TEST((*list)[i].meta_min == expected[i].meta);
            }
        }
    }
    // Meta: stand-up 60 + weekly 90 + prep 45 + 1:1 30 + debrief 20 + retro 10 + ad hoc 120
    // = 375. Occurrences that counted time: 14 listed, less Friday's stand-up: 13.
    BOOST_TEST(w.meta_min(settings) == 375);
    BOOST_TEST(w.occurrences == 13);

    // With only internal-sync as meta, prep and debrief drop out and retro moves up.
    Settings sync_only;
    sync_only.meta_categories = {Category::internal_sync};
    CalendarReport r2 = busywork::count_weeks(occ, weeks_named({"2026-W45"}), berlin(), sync_only);
    std::vector<std::string> uids;
    for (const SeriesCost& s : r2.weeks[0].costliest_series)
        uids.push_back(s.uid);
    BOOST_TEST(uids == (std::vector<std::string>{"weekly", "standup", "oneonone", "retro"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_series_across_weeks_is_costed_per_week_and_in_total) {
    // A weekly sync, Tuesdays 10:00-11:00 CET, in W45 and W46 (45 min of W46's hidden behind a
    // customer meeting 10:15-11:00): W45 60, W46 15, total 75 over 2 occurrences.
    std::vector<ClassifiedOccurrence> occ;
    for (auto day : {2026_y / 11 / 3, 2026_y / 11 / 10}) {
        Make m;
        m.uid = "weekly";
        m.summary = "Weekly";
        m.category = Category::internal_sync;
        m.recurring = true;
        m.start = utc(day, 9h);
        m.end = utc(day, 10h);
        occ.push_back(make(m));
    }
    occ.push_back(
        meeting(Category::customer, utc(2026_y / 11 / 10, 9h + 15min), utc(2026_y / 11 / 10, 10h)));
    CalendarReport r =
        busywork::count_weeks(occ, weeks_named({"2026-W45", "2026-W46"}), berlin(), Settings{});
    BOOST_REQUIRE(r.weeks[0].costliest_series.size() == 1u);
    BOOST_TEST(r.weeks[0].costliest_series[0].meta_min == 60);
    BOOST_TEST(r.weeks[0].costliest_series[0].occurrences == 1);
    BOOST_REQUIRE(r.weeks[1].costliest_series.size() == 1u);
    BOOST_TEST(r.weeks[1].costliest_series[0].meta_min == 15);
    BOOST_TEST(r.weeks[1].costliest_series[0].occurrences == 1);
    BOOST_REQUIRE(r.total.costliest_series.size() == 1u);
    BOOST_TEST(r.total.costliest_series[0].meta_min == 75);
    BOOST_TEST(r.total.costliest_series[0].occurrences == 2);
    BOOST_TEST(r.total.costliest_series[0].title == "Weekly");
    // Occurrences: W45 one, W46 two (sync and customer), three over the report.
    BOOST_TEST(r.weeks[0].occurrences == 1);
    BOOST_TEST(r.weeks[1].occurrences == 2);
    BOOST_TEST(r.total.occurrences == 3);
}

BOOST_AUTO_TEST_CASE(the_trend_is_the_least_squares_slope_of_the_meta_share) {
    // Internal sync of 240, 480 and 720 minutes in W44, W45, W46: meta shares of 2400 working
    // minutes 10 %, 20 %, 30 %. With x = 0, 1, 2 (mean 1) and y = 10, 20, 30 (mean 20):
    // slope = sum(dx dy) / sum(dx^2) = ((-1)(-10) + 0 + (1)(10)) / (1 + 0 + 1) = 20 / 2 = 10
    // percentage points per week.
    std::vector<ClassifiedOccurrence> occ{
        // Tuesday 2026-10-27 09:00-13:00 CET: 240.
        meeting(Category::internal_sync, utc(2026_y / 10 / 27, 8h), utc(2026_y / 10 / 27, 12h)),
        // Tuesday 2026-11-03 09:00-17:00 CET: 480.
        meeting(Category::internal_sync, utc(2026_y / 11 / 3, 8h), utc(2026_y / 11 / 3, 16h)),
        // Tuesday 2026-11-10 09:00-17:00 and Wednesday 2026-11-11 09:00-13:00 CET: 720.
        meeting(Category::internal_sync, utc(2026_y / 11 / 10, 8h), utc(2026_y / 11 / 10, 16h)),
        meeting(Category::internal_sync, utc(2026_y / 11 / 11, 8h), utc(2026_y / 11 / 11, 12h))};
    Settings settings;
    CalendarReport r = busywork::count_weeks(occ, weeks_named({"2026-W44", "2026-W45", "2026-W46"}),
                                             berlin(), settings);
    BOOST_TEST(r.weeks[0].meta_share(settings) == 0.10, boost::test_tools::tolerance(1e-12));
    BOOST_TEST(r.weeks[1].meta_share(settings) == 0.20, boost::test_tools::tolerance(1e-12));
    BOOST_TEST(r.weeks[2].meta_share(settings) == 0.30, boost::test_tools::tolerance(1e-12));
    BOOST_REQUIRE(r.meta_share_trend.has_value());
    BOOST_TEST(*r.meta_share_trend == 10.0, boost::test_tools::tolerance(1e-9));
    // The total: 1440 of 7200 = 20 %.
    BOOST_TEST(r.total.meta_min(settings) == 1440);
    BOOST_TEST(r.total.meta_share(settings) == 0.20, boost::test_tools::tolerance(1e-12));
    // No customer time: no ratio.
    BOOST_TEST(!r.total.meta_per_customer(settings).has_value());

    // Two weeks, W44 10 % and W45 20 %: two points make a line, slope 20 - 10 = 10.
    CalendarReport two =
        busywork::count_weeks(occ, weeks_named({"2026-W44", "2026-W45"}), berlin(), settings);
    BOOST_REQUIRE(two.meta_share_trend.has_value());
    BOOST_TEST(*two.meta_share_trend == 10.0, boost::test_tools::tolerance(1e-9));
    // W45, W46, W47 (nothing in W47): y = 20, 30, 0, mean 50/3; slope = ((-1)(20 - 50/3) +
    // (1)(0 - 50/3)) / 2 = (-10/3 - 50/3) / 2 = -10.
    CalendarReport falling = busywork::count_weeks(
        occ, weeks_named({"2026-W45", "2026-W46", "2026-W47"}), berlin(), settings);
    BOOST_TEST(*falling.meta_share_trend == -10.0, boost::test_tools::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(per_calendar_reports_and_the_team_total) {
    // W45, CET. a.ics: customer Tue 10:00-11:00, sync Wed 10:00-10:30. b.ics: sync Tue
    // 10:30-11:30, solo Thu 18:00-19:00 (outside working hours). c.ics: no occurrences.
    auto in = [](const std::string& file, ClassifiedOccurrence c) {
        c.occurrence.source_file = file;
        return c;
    };
    ClassifiedEvents events;
    events.ownerships["a.ics"] = Ownership{};
    events.ownerships["b.ics"] = Ownership{};
    events.ownerships["c.ics"] = Ownership{};
    events.all = {
        in("a.ics",
           meeting(Category::customer, utc(2026_y / 11 / 3, 9h), utc(2026_y / 11 / 3, 10h))),
        in("b.ics", meeting(Category::internal_sync, utc(2026_y / 11 / 3, 9h + 30min),
                            utc(2026_y / 11 / 3, 10h + 30min))),
        in("a.ics", meeting(Category::internal_sync, utc(2026_y / 11 / 4, 9h),
                            utc(2026_y / 11 / 4, 9h + 30min))),
        in("b.ics", meeting(Category::solo, utc(2026_y / 11 / 5, 17h), utc(2026_y / 11 / 5, 18h)))};
    Settings settings;
    auto selected = weeks_named({"2026-W45"});

    Report team = build_report(events, selected, berlin(), settings, true);
    BOOST_TEST(team.per_calendar);
    BOOST_TEST(team.zone == "Europe/Berlin");
    BOOST_TEST(team.inferred.size() == 3u);
    BOOST_TEST(!team.input_covers.has_value());
    BOOST_REQUIRE(team.calendars.size() == 4u);
    BOOST_TEST(team.calendars[0].calendar == "a.ics");
    BOOST_TEST(team.calendars[1].calendar == "b.ics");
    BOOST_TEST(team.calendars[2].calendar == "c.ics");
    BOOST_TEST(team.calendars[3].calendar == "team");
    const WeekFigures& a = team.calendars[0].weeks[0];
    const WeekFigures& b = team.calendars[1].weeks[0];
    const WeekFigures& c = team.calendars[2].weeks[0];
    const WeekFigures& t = team.calendars[3].weeks[0];
    // Each file alone: no overlaps inside a file.
    check_categories(a.counted, {{Category::customer, 60}, {Category::internal_sync, 30}}, "a");
    check_categories(b.counted, {{Category::internal_sync, 60}, {Category::solo, 60}}, "b");
    check_categories(b.outside_working, {{Category::solo, 60}}, "b outside");
    BOOST_TEST(c.counted_min() == 0);
    BOOST_TEST(a.working_min == 2400);
    BOOST_TEST(c.working_min == 2400);
    // The team is the sum: customer 60, sync 30 + 60 = 90, solo 60; three people's working
    // time, 3 x 2400 = 7200; the week is still 168 h long.
    check_categories(
        t.counted, {{Category::customer, 60}, {Category::internal_sync, 90}, {Category::solo, 60}},
        "team");
    check_categories(t.outside_working, {{Category::solo, 60}}, "team outside");
    BOOST_TEST(t.working_min == 7200);
    BOOST_TEST(t.hours_in_week == 168);
    BOOST_TEST(t.double_booked_min == 0);
    BOOST_TEST(t.occurrences == 4);
    const WeekFigures& tt = team.calendars[3].total;
    BOOST_TEST(tt.counted_min() == 210);
    BOOST_TEST(tt.working_min == 7200);
    BOOST_TEST(tt.hours_in_week == 168);
    BOOST_TEST(tt.occurrences == 4);

    // Merged, the files are one timeline: b's sync 10:30-11:30 loses 10:30-11:00 to a's
    // customer meeting. Customer 60, sync 30 + 30 = 60, solo 60; 30 double-booked; one
    // person's 2400 working minutes.
    Report merged = build_report(events, selected, berlin(), settings, false);
    BOOST_TEST(!merged.per_calendar);
    BOOST_REQUIRE(merged.calendars.size() == 1u);
    BOOST_TEST(merged.calendars[0].calendar == "all");
    const WeekFigures& m = merged.calendars[0].weeks[0];
    check_categories(
        m.counted, {{Category::customer, 60}, {Category::internal_sync, 60}, {Category::solo, 60}},
        "merged");
    BOOST_TEST(m.double_booked_min == 30);
    BOOST_TEST(m.working_min == 2400);

    // Over two weeks the team has a trend and totals: W45 meta 90 / 7200 = 1.25 %, W46
    // nothing: slope -1.25 points per week.
    Report two =
        build_report(events, weeks_named({"2026-W45", "2026-W46"}), berlin(), settings, true);
    const CalendarReport& team2 = two.calendars.back();
    BOOST_TEST(team2.calendar == "team");
    BOOST_TEST(team2.total.working_min == 2 * 7200);
    BOOST_TEST(team2.total.hours_in_week == 2 * 168);
    BOOST_REQUIRE(team2.meta_share_trend.has_value());
    BOOST_TEST(*team2.meta_share_trend == -1.25, boost::test_tools::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(the_report_says_which_weeks_the_input_covers) {
    // No occurrence in the window; the input runs from Wednesday 2026-10-14 (W42) to Monday
    // 2026-10-26 00:00 CET, its end instant being the first of W44, so it covers W42 to W43.
    ClassifiedEvents events;
    events.input_range = TimeWindow{utc(2026_y / 10 / 14, 10h), utc(2026_y / 10 / 25, 23h)};
    Report r = build_report(events, weeks_named({"2026-W47"}), berlin(), Settings{}, false);
    BOOST_REQUIRE(r.input_covers.has_value());
    BOOST_TEST(r.input_covers->first.label == "2026-W42");
    BOOST_TEST(r.input_covers->second.label == "2026-W43");
}

// The invariant on random calendars, against a brute-force reference that looks at every
// minute of the weeks on its own.
namespace {

struct Reference {
    std::vector<WeekFigures> weeks;
    CountedMinutes counted;
    int total_occurrences = 0;
    std::vector<CategoryMinutes> union_per_category; ///< per week
    std::vector<long long> union_all;                ///< per week
    /// Per week, uid -> (meta minutes, occurrences that counted meta time).
    std::vector<std::map<std::string, std::pair<long long, std::set<std::size_t>>>> series;
};

// Minute-by-minute facts about the selected weeks: which week and whether working time,
// from each minute's local wall-clock reading (not from interval arithmetic).
struct MinuteGrid {
    long long first = 0; // minutes since the epoch
    std::vector<std::size_t> week;
    std::vector<bool> working;
};

long long epoch_minute(Instant t) {
    return date::floor<std::chrono::minutes>(t).time_since_epoch().count();
}

MinuteGrid grid_for(const std::vector<Week>& selected, const WorkingWeek& working) {
    MinuteGrid g;
    g.first = epoch_minute(selected.front().start);
    long long last = epoch_minute(selected.back().end);
    for (long long m = g.first; m < last; ++m) {
        Instant t{std::chrono::minutes{m}};
        std::size_t w = 0;
        while (!(selected[w].start <= t && t < selected[w].end))
            ++w;
        g.week.push_back(w);
        LocalTime local = berlin().to_local(t);
        auto day = date::floor<date::days>(local);
        auto since_midnight = std::chrono::duration_cast<std::chrono::minutes>(local - day);
        unsigned weekday = date::weekday{day}.iso_encoding() - 1;
        g.working.push_back(working.days[weekday] && since_midnight >= working.start &&
                            since_midnight < working.end);
    }
    return g;
}

Reference reference(const std::vector<ClassifiedOccurrence>& occ, const std::vector<Week>& selected,
                    const MinuteGrid& g, const Settings& settings) {
    Reference ref;
    ref.weeks.resize(selected.size());
    ref.counted.assign(occ.size(), 0);
    ref.union_per_category.resize(selected.size());
    ref.union_all.assign(selected.size(), 0);
    ref.series.resize(selected.size());
    auto is_meta = [&](Category c) {
        return std::find(settings.meta_categories.begin(), settings.meta_categories.end(), c) !=
               settings.meta_categories.end();
    };
    std::vector<std::set<std::size_t>> winners(selected.size());
    std::set<std::size_t> all_winners;
    for (std::size_t m = 0; m < g.week.size(); ++m) {
        long long minute = g.first + static_cast<long long>(m);
        std::size_t w = g.week[m];
        std::vector<std::size_t> active;
        std::set<Category> categories;
        for (std::size_t i = 0; i < occ.size(); ++i) {
            const auto& o = occ[i];
            if (o.classification.category == Category::excluded)
                continue;
            if (epoch_minute(o.occurrence.start) <= minute &&
                minute < epoch_minute(o.occurrence.end)) {
                active.push_back(i);
                categories.insert(o.classification.category);
            }
        }
        for (Category c : categories)
            ++minutes_of(ref.union_per_category[w], c);
        if (active.empty())
            continue;
        ++ref.union_all[w];
        // The winner: the highest precedence, then the earliest start, then input order.
        std::size_t winner = active.front();
        for (std::size_t i : active) {
            const auto& a = occ[i].classification;
            const auto& b = occ[winner].classification;
            if (a.category < b.category || (a.category == b.category &&
                                            occ[i].occurrence.start < occ[winner].occurrence.start))
                winner = i;
        }
        Category c = occ[winner].classification.category;
        WeekFigures& figures = ref.weeks[w];
        ++minutes_of(figures.counted, c);
        if (!g.working[m])
            ++minutes_of(figures.outside_working, c);
        if (active.size() > 1)
            ++figures.double_booked_min;
        ++ref.counted[winner];
        winners[w].insert(winner);
        all_winners.insert(winner);
        if (occ[winner].occurrence.recurring && is_meta(c)) {
            auto& s = ref.series[w][occ[winner].occurrence.uid];
            ++s.first;
            s.second.insert(winner);
        }
    }
    for (std::size_t w = 0; w < selected.size(); ++w)
        ref.weeks[w].occurrences = static_cast<int>(winners[w].size());
    ref.total_occurrences = static_cast<int>(all_winners.size());
    // Excluded occurrences: once in each week they touch (a zero-length one where it starts).
    for (const auto& o : occ) {
        if (o.classification.category != Category::excluded)
            continue;
        for (std::size_t w = 0; w < selected.size(); ++w) {
            Instant s = o.occurrence.start, e = o.occurrence.end;
            bool touches = s == e ? (selected[w].start <= s && s < selected[w].end)
                                  : (s < selected[w].end && e > selected[w].start);
            if (touches)
                ++ref.weeks[w].excluded[o.classification.rule];
        }
    }
    return ref;
}

} // namespace

BOOST_AUTO_TEST_CASE(random_calendars_match_a_per_minute_reference) {
    // W42, W43 (169 h, clocks back on its Sunday) and W44: 168 + 169 + 168 h = 30300 minutes.
    const auto selected = weeks_named({"2026-W42", "2026-W43", "2026-W44"});
    Settings standard;
    Settings sunday_to_thursday;
    sunday_to_thursday.working_week = parse_working_week("Sun-Thu 08:00-16:00");
    const MinuteGrid standard_grid = grid_for(selected, standard.working_week);
    const MinuteGrid other_grid = grid_for(selected, sunday_to_thursday.working_week);
    BOOST_REQUIRE(standard_grid.week.size() == 30300u);

    const Instant first = selected.front().start;
    const long long span_min = 30300;
    const std::vector<std::string> reasons{"cancelled", "declined", "free"};
    for (unsigned seed = 1; seed <= 200; ++seed) {
        std::mt19937 rng(seed);
        const Settings& settings = seed % 2 ? standard : sunday_to_thursday;
        const MinuteGrid& grid = seed % 2 ? standard_grid : other_grid;
        int count = std::uniform_int_distribution<int>(0, 60)(rng);
        std::vector<ClassifiedOccurrence> occ;
        for (int i = 0; i < count; ++i) {
            // Starts on a 5-minute grid from 12 h before the first week to its end; lengths
            // 0 to 600 minutes (a tenth of them without length), so some cross week boundaries
            // or stick out of the weeks at either end.
            long long slot = std::uniform_int_distribution<long long>(-144, span_min / 5)(rng);
            long long length = std::uniform_int_distribution<int>(0, 9)(rng) == 0
                                   ? 0
                                   : std::uniform_int_distribution<long long>(1, 600)(rng);
            Make m;
            m.start = first + std::chrono::minutes{slot * 5};
            m.end = m.start + std::chrono::minutes{length};
            m.category = all_categories[std::uniform_int_distribution<std::size_t>(0, 6)(rng)];
            m.recurring = std::uniform_int_distribution<int>(0, 1)(rng) == 1;
            m.uid = m.recurring
                        ? "series-" + std::to_string(std::uniform_int_distribution<int>(0, 7)(rng))
                        : "single-" + std::to_string(i);
            m.summary = "Title " + m.uid;
            m.rule = m.category == Category::excluded
                         ? reasons[std::uniform_int_distribution<std::size_t>(0, 2)(rng)]
                         : std::string(category_name(m.category));
            occ.push_back(make(m));
        }
        // Inputs come sorted by start, as expand_occurrences gives them.
        std::stable_sort(occ.begin(), occ.end(), [](const auto& a, const auto& b) {
            return a.occurrence.start < b.occurrence.start;
        });

        CountedMinutes counted;
        CalendarReport r = busywork::count_weeks(occ, selected, berlin(), settings, &counted);
        Reference ref = reference(occ, selected, grid, settings);
        BOOST_TEST_CONTEXT("seed " << seed << ", " << occ.size() << " occurrences") {
            BOOST_REQUIRE(r.weeks.size() == selected.size());
            long long total = 0;
            for (std::size_t w = 0; w < selected.size(); ++w) {
                BOOST_TEST_CONTEXT("week " << selected[w].label) {
                    const WeekFigures& got = r.weeks[w];
                    const WeekFigures& want = ref.weeks[w];
                    long long sum_of_categories = 0;
                    for (long long m : got.counted)
                        sum_of_categories += m;
                    BOOST_TEST(sum_of_categories == got.counted_min());
                    BOOST_TEST(got.counted_min() <= got.hours_in_week * 60);
                    // Every minute in the union of the counted occurrences counts once.
                    BOOST_TEST(got.counted_min() == ref.union_all[w]);
                    for (Category c : all_categories) {
                        BOOST_TEST_CONTEXT("category " << category_name(c)) {
                            BOOST_TEST(of(got.counted, c) <= of(ref.union_per_category[w], c));
                            BOOST_TEST(of(got.counted, c) == of(want.counted, c));
                            BOOST_TEST(of(got.outside_working, c) == of(want.outside_working, c));
                            BOOST_TEST(of(got.outside_working, c) <= of(got.counted, c));
                        }
                    }
                    BOOST_TEST(of(got.counted, Category::excluded) == 0);
                    BOOST_TEST(got.double_booked_min == want.double_booked_min);
                    BOOST_TEST(got.occurrences == want.occurrences);
                    BOOST_TEST((got.excluded == want.excluded));
                    BOOST_TEST(got.working_min == 2400);
                    // Series: the five largest meta costs, each as the reference has it.
                    std::vector<long long> costs;
                    for (const auto& [uid, s] : ref.series[w])
                        if (s.first > 0)
                            costs.push_back(s.first);
                    std::sort(costs.rbegin(), costs.rend());
                    if (costs.size() > 5)
                        costs.resize(5);
                    BOOST_REQUIRE(got.costliest_series.size() == costs.size());
                    for (std::size_t i = 0; i < costs.size(); ++i) {
                        const SeriesCost& s = got.costliest_series[i];
                        BOOST_TEST(s.meta_min == costs[i]);
                        BOOST_REQUIRE(ref.series[w].count(s.uid) == 1u);
                        BOOST_TEST(s.meta_min == ref.series[w].at(s.uid).first);
                        BOOST_TEST(static_cast<std::size_t>(s.occurrences) ==
                                   ref.series[w].at(s.uid).second.size());
                        BOOST_TEST(s.title == "Title " + s.uid);
                    }
                    total += got.counted_min();
                }
            }
            BOOST_TEST(r.weeks[1].hours_in_week == 169);
            BOOST_TEST(r.total.counted_min() == total);
            BOOST_TEST(r.total.occurrences == ref.total_occurrences);
            BOOST_TEST(sum(counted) == total);
            BOOST_TEST(counted == ref.counted, boost::test_tools::per_element());
            BOOST_TEST(busywork::counted_minutes(occ, span_of(selected), berlin(), settings) ==
                           counted,
                       boost::test_tools::per_element());
        }
    }
}

BOOST_AUTO_TEST_CASE(the_team_s_costliest_series_are_summed_before_the_five_are_chosen) {
    // a.ics has recurring syncs a1..a5 of 100 min each and "shared" of 90; b.ics has b1..b5
    // of 100 each and "shared" of 90. Each member's five costliest are its 100-minute ones,
    // but the team's costliest is "shared", 90 + 90 = 180 min, then five of the 100s.
    ClassifiedEvents events;
    events.ownerships["a.ics"] = Ownership{};
    events.ownerships["b.ics"] = Ownership{};
    int slot = 0;
    auto sync = [&](const std::string& file, const std::string& uid, int minutes) {
        // One every two hours from Mon 2 Nov 2026 00:00Z, so that none overlaps another.
        Make m;
        m.category = Category::internal_sync;
        m.start = utc(2026_y / 11 / 2, std::chrono::hours{2 * slot++});
        m.end = m.start + std::chrono::minutes{minutes};
        m.uid = uid;
        m.summary = uid;
        m.recurring = true;
        m.file = file;
        return make(m);
    };
    for (const std::string file : {"a", "b"}) {
        for (int i = 1; i <= 5; ++i)
            events.all.push_back(sync(file + ".ics", file + std::to_string(i), 100));
        events.all.push_back(sync(file + ".ics", "shared", 90));
    }
    Report team = build_report(events, weeks_named({"2026-W45"}), berlin(), Settings{}, true);
    BOOST_REQUIRE(team.calendars.size() == 3u);
    const auto& members_a = team.calendars[0].weeks[0].costliest_series;
    const auto& teams = team.calendars[2].weeks[0].costliest_series;
    BOOST_REQUIRE(members_a.size() == 5u);
    BOOST_TEST(members_a.front().meta_min == 100);
    BOOST_REQUIRE(teams.size() == 5u);
    BOOST_TEST(teams.front().uid == "shared");
    BOOST_TEST(teams.front().meta_min == 180);
    BOOST_TEST(teams.front().occurrences == 2);
    BOOST_TEST(team.calendars[2].total.costliest_series.front().uid == "shared");
}

BOOST_AUTO_TEST_CASE(a_total_counts_an_excluded_occurrence_once) {
    // A cancelled occurrence from Sun 1 Nov 23:00 CET to Mon 2 Nov 01:00 CET touches W44 and
    // W45: each week counts it, the total over both counts it once.
    std::vector<ClassifiedOccurrence> list{
        excluded("cancelled", utc(2026_y / 11 / 1, 22h), utc(2026_y / 11 / 2, 0h))};
    CalendarReport r =
        count_weeks(list, weeks_named({"2026-W44", "2026-W45"}), berlin(), Settings{});
    BOOST_TEST(r.weeks[0].excluded.at("cancelled") == 1);
    BOOST_TEST(r.weeks[1].excluded.at("cancelled") == 1);
    BOOST_TEST(r.total.excluded.at("cancelled") == 1);
}

BOOST_AUTO_TEST_SUITE_END()
