// SPDX-License-Identifier: MIT
// ISO 8601 weeks in the report zone and the windows the command line selects. Every expected
// label, date and instant is worked out in the comments, not copied from the program's output.
//
// Calendar facts used below (Gregorian):
// - 2025-01-01 is a Wednesday; 2025 has 365 days, so 2026-01-01 is a Thursday.
// - An ISO year has 53 weeks exactly when it starts on a Thursday, or is a leap year that
//   starts on a Wednesday (then its last Thursday is in week 53). 2026 starts on a Thursday:
//   53 weeks. 2025 starts on a Wednesday but is not a leap year: 52 weeks. 2020 starts on a
//   Wednesday and is a leap year: 53 weeks.
// - 2026-W01 starts on Monday 2025-12-29 (the week that holds Thursday 2026-01-01). Week N
//   starts 7 (N - 1) days later: W13 = 2025-12-29 + 84 d = 2026-03-23, W43 = + 294 d =
//   2026-10-19, W47 = 2026-11-16, W48 = 2026-11-23, W53 = + 364 d = 2026-12-28.
// - Europe/Berlin is UTC+1 (CET) in winter and UTC+2 (CEST) in summer. In 2026 the clocks go
//   forward on the last Sunday of March, 2026-03-29 (March 31 is a Tuesday), and back on the
//   last Sunday of October, 2026-10-25 (October 31 is a Saturday).
#include <boost/test/unit_test.hpp>
#include <busywork/error.hpp>
#include <busywork/time_zones.hpp>
#include <busywork/weeks.hpp>
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

std::vector<std::string> labels_of(const std::vector<Week>& selected) {
    std::vector<std::string> labels;
    for (const Week& w : selected)
        labels.push_back(w.label);
    return labels;
}

WeekSelection week_form(const std::string& week) {
    WeekSelection s;
    s.week = week;
    return s;
}

WeekSelection weeks_form(int count) {
    WeekSelection s;
    s.weeks = count;
    return s;
}

WeekSelection dates_form(const std::string& from, const std::string& to) {
    WeekSelection s;
    s.from = from;
    s.to = to;
    return s;
}

// "Now" for the selection tests: Wednesday 2026-11-25 10:00 CET = 09:00Z, in 2026-W48
// (Monday 2026-11-23 to Monday 2026-11-30).
const Instant pinned_now = utc(2026_y / 11 / 25, 9h);

} // namespace

BOOST_AUTO_TEST_SUITE(weeks)

BOOST_AUTO_TEST_CASE(labels_follow_iso_8601) {
    // Monday 2026-10-19 is the first day of W43 (see the top of the file).
    Week w = week_of(utc(2026_y / 10 / 19, 10h), berlin());
    BOOST_TEST(w.label == "2026-W43");
    BOOST_TEST((w.monday == 2026_y / 10 / 19));

    // Sunday 2021-01-03: 2021-01-01 is a Friday, so the week of Mon 2020-12-28 to Sun
    // 2021-01-03 holds Thursday 2020-12-31 and belongs to 2020, which has 53 weeks.
    w = week_of(utc(2021_y / 1 / 3, 12h), berlin());
    BOOST_TEST(w.label == "2020-W53");
    BOOST_TEST((w.monday == 2020_y / 12 / 28));

    // Monday 2024-12-30: its week holds Wednesday 2025-01-01 and Thursday 2025-01-02, so it
    // is the first week of 2025.
    w = week_of(utc(2024_y / 12 / 30, 12h), berlin());
    BOOST_TEST(w.label == "2025-W01");
    BOOST_TEST((w.monday == 2024_y / 12 / 30));

    // Single-digit weeks are zero-padded: Monday 2026-01-05 starts 2026-W02.
    BOOST_TEST(week_of(utc(2026_y / 1 / 7, 12h), berlin()).label == "2026-W02");
}

BOOST_AUTO_TEST_CASE(week_of_uses_the_report_zone_near_midnight) {
    // Sunday 2026-11-22 23:30 CET = 22:30Z: Sunday in both zones, the last day of W47.
    Instant sunday_late = utc(2026_y / 11 / 22, 22h + 30min);
    BOOST_TEST(week_of(sunday_late, berlin()).label == "2026-W47");
    BOOST_TEST(week_of(sunday_late, Zone::utc()).label == "2026-W47");

    // Sunday 2026-11-22 23:30Z is Monday 2026-11-23 00:30 CET: W48 in Berlin although the
    // UTC date is still Sunday (W47).
    Instant monday_early = utc(2026_y / 11 / 22, 23h + 30min);
    BOOST_TEST(week_of(monday_early, berlin()).label == "2026-W48");
    BOOST_TEST(week_of(monday_early, Zone::utc()).label == "2026-W47");

    // The week starts at Monday 00:00 local, 2026-11-22T23:00Z, inclusive; a second before
    // is still W47.
    Instant w48_start = utc(2026_y / 11 / 22, 23h);
    BOOST_TEST(week_of(w48_start, berlin()).label == "2026-W48");
    BOOST_TEST(week_of(w48_start - 1s, berlin()).label == "2026-W47");
    BOOST_TEST((week_of(w48_start, berlin()).start == w48_start));

    // Right after the clocks go back: Monday 2026-10-26 00:30 CET = Sunday 2026-10-25 23:30Z
    // is W44; Sunday 23:30 CET = 22:30Z is the end of W43.
    BOOST_TEST(week_of(utc(2026_y / 10 / 25, 23h + 30min), berlin()).label == "2026-W44");
    BOOST_TEST(week_of(utc(2026_y / 10 / 25, 22h + 30min), berlin()).label == "2026-W43");
}

BOOST_AUTO_TEST_CASE(a_spring_forward_week_is_167_hours) {
    // 2026-W13: Monday 2026-03-23 00:00 CET = 2026-03-22T23:00Z to Monday 2026-03-30 00:00
    // CEST = 2026-03-29T22:00Z. Seven days less the hour skipped on 2026-03-29.
    Week w = week_of(utc(2026_y / 3 / 25, 12h), berlin());
    BOOST_TEST(w.label == "2026-W13");
    BOOST_TEST((w.monday == 2026_y / 3 / 23));
    BOOST_TEST((w.start == utc(2026_y / 3 / 22, 23h)));
    BOOST_TEST((w.end == utc(2026_y / 3 / 29, 22h)));
    BOOST_TEST(std::chrono::duration_cast<std::chrono::hours>(w.end - w.start).count() == 167);
}

BOOST_AUTO_TEST_CASE(a_fall_back_week_is_169_hours) {
    // 2026-W43: Monday 2026-10-19 00:00 CEST = 2026-10-18T22:00Z to Monday 2026-10-26 00:00
    // CET = 2026-10-25T23:00Z. Seven days and the hour repeated on 2026-10-25.
    Week w = busywork::parse_week("2026-W43", berlin());
    BOOST_TEST((w.start == utc(2026_y / 10 / 18, 22h)));
    BOOST_TEST((w.end == utc(2026_y / 10 / 25, 23h)));
    BOOST_TEST(std::chrono::duration_cast<std::chrono::hours>(w.end - w.start).count() == 169);
    // The next week is an ordinary 168 h: to Monday 2026-11-02 00:00 CET = 2026-11-01T23:00Z.
    Week next = busywork::parse_week("2026-W44", berlin());
    BOOST_TEST((next.start == w.end));
    BOOST_TEST((next.end == utc(2026_y / 11 / 1, 23h)));
}

BOOST_AUTO_TEST_CASE(parse_week_reads_labels) {
    Week w = busywork::parse_week("2026-W47", berlin());
    BOOST_TEST(w.label == "2026-W47");
    BOOST_TEST((w.monday == 2026_y / 11 / 16));
    // Monday 2026-11-16 00:00 CET = 2026-11-15T23:00Z; a week later 2026-11-22T23:00Z.
    BOOST_TEST((w.start == utc(2026_y / 11 / 15, 23h)));
    BOOST_TEST((w.end == utc(2026_y / 11 / 22, 23h)));

    // A lower-case w is accepted; the label comes back in the canonical spelling.
    BOOST_TEST(busywork::parse_week("2026-w47", berlin()).label == "2026-W47");

    // In UTC the week starts at Monday 00:00Z.
    BOOST_TEST((busywork::parse_week("2026-W47", Zone::utc()).start == utc(2026_y / 11 / 16, 0h)));

    // W01 of 2026 starts in 2025: Monday 2025-12-29.
    BOOST_TEST((busywork::parse_week("2026-W01", berlin()).monday == 2025_y / 12 / 29));
}

BOOST_AUTO_TEST_CASE(week_53_exists_only_in_long_years) {
    // 2026 starts on a Thursday, so it has 53 ISO weeks; W53 is Mon 2026-12-28 to Sun
    // 2027-01-03 (it holds Thursday 2026-12-31; 2027-01-01 is a Friday).
    Week w53 = busywork::parse_week("2026-W53", berlin());
    BOOST_TEST(w53.label == "2026-W53");
    BOOST_TEST((w53.monday == 2026_y / 12 / 28));
    // 2020 is a leap year that starts on a Wednesday: 53 weeks, W53 from Monday 2020-12-28.
    BOOST_TEST((busywork::parse_week("2020-W53", berlin()).monday == 2020_y / 12 / 28));
    // 2025 starts on a Wednesday and is not a leap year: 52 weeks only.
    BOOST_CHECK_THROW(busywork::parse_week("2025-W53", berlin()), UsageError);
    // 2027 starts on a Friday: 52 weeks.
    BOOST_CHECK_THROW(busywork::parse_week("2027-W53", berlin()), UsageError);
    BOOST_CHECK_THROW(busywork::parse_week("2026-W54", berlin()), UsageError);
    BOOST_CHECK_THROW(busywork::parse_week("2026-W00", berlin()), UsageError);
}

BOOST_AUTO_TEST_CASE(malformed_week_labels_are_usage_errors) {
    for (const char* bad :
         {"", "2026W47", "2026-X47", "26-W47", "2026-W4", "2026-W047", " 2026-W47", "2026-W47 ",
          "2026-Wab", "abcd-W47", "2026-47", "2026/W47", "+026-W47"}) {
        BOOST_TEST_CONTEXT("label \"" << bad << "\"") {
            BOOST_CHECK_THROW(busywork::parse_week(bad, berlin()), UsageError);
        }
    }
}

BOOST_AUTO_TEST_CASE(select_this_last_and_relative_weeks) {
    // Now is in W48 (see pinned_now).
    BOOST_TEST(labels_of(select_weeks(week_form("this"), pinned_now, berlin())) ==
                   std::vector<std::string>{"2026-W48"},
               boost::test_tools::per_element());
    BOOST_TEST(labels_of(select_weeks(week_form("last"), pinned_now, berlin())) ==
                   std::vector<std::string>{"2026-W47"},
               boost::test_tools::per_element());
    // -1 is last week, -2 the one before.
    BOOST_TEST(labels_of(select_weeks(week_form("-1"), pinned_now, berlin())) ==
                   std::vector<std::string>{"2026-W47"},
               boost::test_tools::per_element());
    BOOST_TEST(labels_of(select_weeks(week_form("-2"), pinned_now, berlin())) ==
                   std::vector<std::string>{"2026-W46"},
               boost::test_tools::per_element());
    // -8 crosses the clock change: W40 (Monday 2026-09-28, CEST).
    auto eight_back = select_weeks(week_form("-8"), pinned_now, berlin());
    BOOST_REQUIRE(eight_back.size() == 1u);
    BOOST_TEST(eight_back[0].label == "2026-W40");
    BOOST_TEST((eight_back[0].start == utc(2026_y / 9 / 27, 22h)));

    // A named week does not depend on now.
    auto named = select_weeks(week_form("2026-W47"), pinned_now, berlin());
    BOOST_REQUIRE(named.size() == 1u);
    BOOST_TEST(named[0].label == "2026-W47");
    BOOST_TEST((named[0].start == utc(2026_y / 11 / 15, 23h)));
    BOOST_TEST((named[0].end == utc(2026_y / 11 / 22, 23h)));
    BOOST_TEST(select_weeks(week_form("2027-w02"), pinned_now, berlin())[0].label == "2027-W02");
}

BOOST_AUTO_TEST_CASE(the_default_is_the_last_complete_week) {
    auto selected = select_weeks(WeekSelection{}, pinned_now, berlin());
    BOOST_REQUIRE(selected.size() == 1u);
    BOOST_TEST(selected[0].label == "2026-W47");

    // Monday 2026-11-23 00:30 CET = Sunday 23:30Z: in Berlin W48 has begun, so the last
    // complete week is W47 (judged by the UTC date it would be W46).
    Instant monday_early = utc(2026_y / 11 / 22, 23h + 30min);
    BOOST_TEST(select_weeks(WeekSelection{}, monday_early, berlin())[0].label == "2026-W47");
    BOOST_TEST(select_weeks(WeekSelection{}, monday_early, Zone::utc())[0].label == "2026-W46");

    // Early in January the last week belongs to the year before: now Wednesday 2027-01-06
    // is in 2027-W01 (Monday 2027-01-04), so the last complete week is 2026-W53.
    BOOST_TEST(select_weeks(WeekSelection{}, utc(2027_y / 1 / 6, 12h), berlin())[0].label ==
               "2026-W53");
}

BOOST_AUTO_TEST_CASE(select_n_complete_weeks_oldest_first) {
    // The three weeks before W48, oldest first; W48 itself is not complete and not included.
    auto selected = select_weeks(weeks_form(3), pinned_now, berlin());
    BOOST_TEST(labels_of(selected) ==
                   (std::vector<std::string>{"2026-W45", "2026-W46", "2026-W47"}),
               boost::test_tools::per_element());
    // Contiguous: each week ends where the next begins, W45 from Monday 2026-11-02 00:00 CET.
    BOOST_TEST((selected[0].start == utc(2026_y / 11 / 1, 23h)));
    for (std::size_t i = 0; i + 1 < selected.size(); ++i)
        BOOST_TEST((selected[i].end == selected[i + 1].start));
    BOOST_TEST((selected.back().end == utc(2026_y / 11 / 22, 23h)));

    // Six weeks back from W48 reach W42; W43 is the 169 h week among them.
    auto six = select_weeks(weeks_form(6), pinned_now, berlin());
    BOOST_TEST(labels_of(six) == (std::vector<std::string>{"2026-W42", "2026-W43", "2026-W44",
                                                           "2026-W45", "2026-W46", "2026-W47"}),
               boost::test_tools::per_element());
    BOOST_TEST(std::chrono::duration_cast<std::chrono::hours>(six[1].end - six[1].start).count() ==
               169);

    // The most allowed: 1,000 weeks, the last of them W47.
    auto most = select_weeks(weeks_form(1000), pinned_now, berlin());
    BOOST_TEST(most.size() == 1000u);
    BOOST_TEST(most.back().label == "2026-W47");
    BOOST_TEST((date::sys_days{most.back().monday} - date::sys_days{most.front().monday} ==
                date::days{7 * 999}));
}

BOOST_AUTO_TEST_CASE(select_from_to_covers_whole_weeks) {
    // Wednesday 2026-11-04 (W45) to Tuesday 2026-11-17 (W47): whole weeks W45 to W47, from
    // Monday 2026-11-02 00:00 CET = 2026-11-01T23:00Z to Monday 2026-11-23 00:00 CET.
    auto selected = select_weeks(dates_form("2026-11-04", "2026-11-17"), pinned_now, berlin());
    BOOST_TEST(labels_of(selected) ==
                   (std::vector<std::string>{"2026-W45", "2026-W46", "2026-W47"}),
               boost::test_tools::per_element());
    BOOST_TEST((selected.front().start == utc(2026_y / 11 / 1, 23h)));
    BOOST_TEST((selected.back().end == utc(2026_y / 11 / 22, 23h)));

    // Sunday 2026-10-25 (the last day of W43) to Monday 2026-10-26 (the first of W44).
    BOOST_TEST(
        labels_of(select_weeks(dates_form("2026-10-25", "2026-10-26"), pinned_now, berlin())) ==
            (std::vector<std::string>{"2026-W43", "2026-W44"}),
        boost::test_tools::per_element());

    // Monday 2026-11-16 to Sunday 2026-11-22 is exactly W47: a Sunday `to` does not reach into
    // the next week.
    BOOST_TEST(labels_of(select_weeks(dates_form("2026-11-16", "2026-11-22"), pinned_now,
                                      berlin())) == std::vector<std::string>{"2026-W47"},
               boost::test_tools::per_element());

    // One day is its week.
    BOOST_TEST(labels_of(select_weeks(dates_form("2026-11-18", "2026-11-18"), pinned_now,
                                      berlin())) == std::vector<std::string>{"2026-W47"},
               boost::test_tools::per_element());

    // Across a year end: Wednesday 2026-12-30 (2026-W53) to Monday 2027-01-04 (2027-W01).
    BOOST_TEST(
        labels_of(select_weeks(dates_form("2026-12-30", "2027-01-04"), pinned_now, berlin())) ==
            (std::vector<std::string>{"2026-W53", "2027-W01"}),
        boost::test_tools::per_element());

    // The window does not depend on now: dates in the future are fine.
    BOOST_TEST(
        select_weeks(dates_form("2030-01-01", "2030-01-01"), pinned_now, berlin()).front().label ==
        "2030-W01");
}

BOOST_AUTO_TEST_CASE(from_to_allows_1000_weeks_and_no_more) {
    // W47 starts Monday 2026-11-16; 999 weeks earlier is the Monday of the first of 1,000
    // weeks that end with W47.
    date::sys_days first_monday = date::sys_days{2026_y / 11 / 16} - date::days{7 * 999};
    std::string from = date::format("%F", first_monday);
    auto thousand = select_weeks(dates_form(from, "2026-11-22"), pinned_now, berlin());
    BOOST_TEST(thousand.size() == 1000u);
    BOOST_TEST(thousand.back().label == "2026-W47");
    // One day earlier is a Sunday of the week before: 1,001 weeks.
    std::string one_more = date::format("%F", first_monday - date::days{1});
    BOOST_CHECK_THROW(select_weeks(dates_form(one_more, "2026-11-22"), pinned_now, berlin()),
                      UsageError);
    // Decades are far more than 1,000 weeks.
    BOOST_CHECK_THROW(select_weeks(dates_form("2000-01-01", "2026-11-22"), pinned_now, berlin()),
                      UsageError);
}

BOOST_AUTO_TEST_CASE(conflicting_and_malformed_selections_are_usage_errors) {
    WeekSelection week_and_weeks = week_form("last");
    week_and_weeks.weeks = 2;
    BOOST_CHECK_THROW(select_weeks(week_and_weeks, pinned_now, berlin()), UsageError);

    WeekSelection week_and_dates = dates_form("2026-11-01", "2026-11-10");
    week_and_dates.week = "2026-W47";
    BOOST_CHECK_THROW(select_weeks(week_and_dates, pinned_now, berlin()), UsageError);

    WeekSelection weeks_and_dates = dates_form("2026-11-01", "2026-11-10");
    weeks_and_dates.weeks = 3;
    BOOST_CHECK_THROW(select_weeks(weeks_and_dates, pinned_now, berlin()), UsageError);

    WeekSelection week_and_from = week_form("this");
    week_and_from.from = "2026-11-01";
    BOOST_CHECK_THROW(select_weeks(week_and_from, pinned_now, berlin()), UsageError);

    // --from and --to go together.
    BOOST_CHECK_THROW(select_weeks(dates_form("2026-11-01", ""), pinned_now, berlin()), UsageError);
    BOOST_CHECK_THROW(select_weeks(dates_form("", "2026-11-01"), pinned_now, berlin()), UsageError);
    // --to before --from, and dates that are not dates.
    BOOST_CHECK_THROW(select_weeks(dates_form("2026-11-10", "2026-11-01"), pinned_now, berlin()),
                      UsageError);
    BOOST_CHECK_THROW(select_weeks(dates_form("2026-02-30", "2026-03-01"), pinned_now, berlin()),
                      UsageError);
    BOOST_CHECK_THROW(select_weeks(dates_form("1.11.2026", "2026-11-10"), pinned_now, berlin()),
                      UsageError);

    // --weeks outside 1 to 1,000.
    BOOST_CHECK_THROW(select_weeks(weeks_form(1001), pinned_now, berlin()), UsageError);
    BOOST_CHECK_THROW(select_weeks(weeks_form(-1), pinned_now, berlin()), UsageError);
    // "--weeks 0" asks for no week at all: an error, not the default, and a conflict with
    // --week like any other --weeks.
    BOOST_CHECK_THROW(select_weeks(weeks_form(0), pinned_now, berlin()), UsageError);
    WeekSelection zero_and_week = week_form("2026-W47");
    zero_and_week.weeks = 0;
    BOOST_CHECK_THROW(select_weeks(zero_and_week, pinned_now, berlin()), UsageError);
    // "-N" counts back: "--2" would count forward, and a hundred years back is the limit
    // (100 * 53 weeks), so that no arithmetic can overflow.
    BOOST_CHECK_THROW(select_weeks(week_form("--2"), pinned_now, berlin()), UsageError);
    BOOST_CHECK_THROW(select_weeks(week_form("-+2"), pinned_now, berlin()), UsageError);
    BOOST_CHECK_THROW(select_weeks(week_form("-400000000"), pinned_now, berlin()), UsageError);
    BOOST_CHECK_THROW(select_weeks(week_form("-5301"), pinned_now, berlin()), UsageError);
    BOOST_CHECK_NO_THROW(select_weeks(week_form("-5300"), pinned_now, berlin()));
    // Week 00 does not exist; the message says weeks start at 01.
    try {
        busywork::parse_week("2026-W00", berlin());
        BOOST_FAIL("2026-W00 was accepted");
    } catch (const UsageError& e) {
        BOOST_TEST(std::string(e.what()).find("numbered from 01") != std::string::npos);
    }
    BOOST_CHECK_THROW(select_weeks(weeks_form(1000000), pinned_now, berlin()), UsageError);

    // --week words that are not weeks.
    for (const char* bad : {"next", "Last", "-", "-x", "-1x", "- 1", "2026-W53x", "W47"}) {
        BOOST_TEST_CONTEXT("--week \"" << bad << "\"") {
            BOOST_CHECK_THROW(select_weeks(week_form(bad), pinned_now, berlin()), UsageError);
        }
    }
    BOOST_CHECK_THROW(select_weeks(week_form("2025-W53"), pinned_now, berlin()), UsageError);
}

BOOST_AUTO_TEST_CASE(span_of_runs_from_the_first_start_to_the_last_end) {
    auto selected = select_weeks(weeks_form(3), pinned_now, berlin());
    TimeWindow span = span_of(selected);
    // W45 to W47: Monday 2026-11-02 00:00 CET to Monday 2026-11-23 00:00 CET, 3 x 168 h.
    BOOST_TEST((span.from == utc(2026_y / 11 / 1, 23h)));
    BOOST_TEST((span.to == utc(2026_y / 11 / 22, 23h)));
    BOOST_TEST(std::chrono::duration_cast<std::chrono::hours>(span.to - span.from).count() ==
               3 * 168);

    // Over the clock change: W43 and W44 are 169 + 168 h.
    TimeWindow dst =
        span_of(select_weeks(dates_form("2026-10-19", "2026-11-01"), pinned_now, berlin()));
    BOOST_TEST((dst.from == utc(2026_y / 10 / 18, 22h)));
    BOOST_TEST((dst.to == utc(2026_y / 11 / 1, 23h)));
    BOOST_TEST(std::chrono::duration_cast<std::chrono::hours>(dst.to - dst.from).count() ==
               169 + 168);

    // No weeks: an empty window.
    TimeWindow none = span_of({});
    BOOST_TEST((none.from == Instant{}));
    BOOST_TEST((none.to == Instant{}));
}

BOOST_AUTO_TEST_SUITE_END()
