// SPDX-License-Identifier: MIT
// RecurrenceRule::walk from a later start: a DAILY or WEEKLY rule without COUNT is walked from
// DTSTART plus a whole number of its periods. What libical generates walking from DTSTART
// itself is the reference: from `skip_before` on, both walks must give the same starts.
#include <boost/test/unit_test.hpp>
#include <busywork/recurrence_rule.hpp>
#include <random>
#include <sstream>
#include <string>
#include <vector>

using namespace busywork;
using namespace date::literals;
using namespace std::chrono_literals;

namespace {

LocalTime at(date::year_month_day day, std::chrono::seconds time) {
    return LocalTime{date::local_days{day}} + time;
}

struct Starts {
    std::vector<LocalTime> from_skip; // the starts at or after skip_before
    std::size_t visited = 0;          // every start the walk gave
};

// The walk with `skip_given` as its skip_before (DTSTART: nothing may be left out), and the
// starts from `skip_before` to `until` it gave.
Starts walk(const RecurrenceRule& rule, LocalTime dtstart, LocalTime skip_given,
            LocalTime skip_before, LocalTime until) {
    Starts starts;
    rule.walk(dtstart, skip_given, 1'000'000, [&](LocalTime start) {
        ++starts.visited;
        if (start > until)
            return false;
        if (start >= skip_before)
            starts.from_skip.push_back(start);
        return true;
    });
    return starts;
}

} // namespace

BOOST_AUTO_TEST_SUITE(recurrence_rule)

BOOST_AUTO_TEST_CASE(daily_and_weekly_rules_walked_from_late_give_the_starts_walked_from_dtstart) {
    const std::vector<std::string> rules = {
        "FREQ=WEEKLY",
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH",
        "FREQ=WEEKLY;INTERVAL=3;BYDAY=SU,SA;WKST=SU",
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,SU;WKST=MO",
        "FREQ=WEEKLY;BYDAY=TU", // DTSTART below is on no Tuesday: it counts, a shifted one not
        "FREQ=WEEKLY;BYDAY=MO;BYHOUR=8,17;BYMINUTE=0,30",
        "FREQ=WEEKLY;INTERVAL=2;BYMONTH=3,10;BYDAY=SU",
        "FREQ=DAILY",
        "FREQ=DAILY;INTERVAL=3",
        "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR",
        "FREQ=DAILY;BYMONTH=2;BYHOUR=9,15",
        "FREQ=DAILY;INTERVAL=7;BYMONTHDAY=29,30,31",
    };
    // A Sunday at the end of a month, a leap day late in the evening, and a time Berlin's
    // clocks skip (walks are on the wall clock, whatever the zone).
    const std::vector<LocalTime> dtstarts = {
        at(2016_y / 1 / 31, 9h), at(2016_y / 2 / 29, 23h + 30min), at(2017_y / 3 / 26, 2h + 30min)};
    // A Monday at midnight, a Tuesday afternoon in a leap year's February, and one day after
    // the first DTSTART (too close for a jump).
    const std::vector<LocalTime> skips = {at(2021_y / 10 / 18, 0s), at(2024_y / 2 / 27, 13h),
                                          at(2016_y / 2 / 1, 0s)};
    std::size_t jumped = 0;
    for (const auto& text : rules) {
        RecurrenceRule rule = RecurrenceRule::parse(text);
        for (LocalTime dtstart : dtstarts)
            for (LocalTime skip : skips) {
                if (skip <= dtstart)
                    continue;
                LocalTime until = skip + date::days{366};
                Starts reference = walk(rule, dtstart, dtstart, skip, until);
                Starts late = walk(rule, dtstart, skip, skip, until);
                BOOST_TEST_CONTEXT(text << " from " << date::format("%F %T", dtstart)
                                        << ", starts from " << date::format("%F %T", skip)) {
                    BOOST_TEST(!late.from_skip.empty());
                    BOOST_TEST(late.from_skip == reference.from_skip,
                               boost::test_tools::per_element());
                }
                // Walked from DTSTART, the four to eight years before the skip come first and
                // then the year after it; from late, only that year and a period or two
                // before it, so under a third of the starts (with a year of February-only
                // starts after five Februaries, about a fifth).
                if (skip - dtstart > date::days{4 * 365} && late.visited * 3 < reference.visited)
                    ++jumped;
            }
    }
    // Six pairs a rule are over four years apart: both DTSTARTs of 2016 and the one of 2017,
    // each with the skip of 2021 and of 2024.
    BOOST_TEST(
        jumped ==
        rules.size() *
            6); // each rule: two DTSTARTs before 2021, three before 2024 (minus one too close)
}

BOOST_AUTO_TEST_CASE(rules_with_count_or_of_longer_periods_are_walked_from_dtstart) {
    // COUNT needs every instance from the first; a MONTHLY or YEARLY rule shifted by months
    // would meet months too short for its day.
    for (const std::string text : {"FREQ=WEEKLY;COUNT=600", "FREQ=MONTHLY;BYMONTHDAY=31",
                                   "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29"}) {
        RecurrenceRule rule = RecurrenceRule::parse(text);
        LocalTime dtstart = at(2016_y / 1 / 31, 9h);
        LocalTime skip = at(2021_y / 10 / 18, 0s);
        LocalTime until = skip + date::days{800};
        Starts reference = walk(rule, dtstart, dtstart, skip, until);
        Starts late = walk(rule, dtstart, skip, skip, until);
        BOOST_TEST_CONTEXT(text) {
            BOOST_TEST(late.from_skip == reference.from_skip, boost::test_tools::per_element());
            BOOST_TEST(late.visited == reference.visited);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()

namespace {

// A random RRULE of the shapes walk computes itself and of others near them, which libical
// walks: FREQ, INTERVAL, WKST, BYDAY (with and without positions), BYMONTHDAY (some past the
// 28th), BYMONTH, COUNT, and now and then BYSETPOS, BYHOUR or BYYEARDAY.
std::string random_rule(std::mt19937& random) {
    auto pick = [&random](int from, int to) {
        return std::uniform_int_distribution<int>(from, to)(random);
    };
    const char* weekdays[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
    auto some_weekdays = [&](bool positions) {
        std::string out;
        for (int d = 0; d < 7; ++d) {
            if (pick(0, 2) != 0)
                continue;
            int position = positions ? pick(-5, 5) : 0;
            out +=
                (out.empty() ? "" : ",") + (position ? std::to_string(position) : "") + weekdays[d];
        }
        return out.empty() ? std::string(weekdays[pick(0, 6)]) : out;
    };
    auto some_month_days = [&]() {
        std::string out;
        for (int n = pick(1, 3); n > 0; --n) {
            int day = pick(1, 31) * (pick(0, 3) == 0 ? -1 : 1);
            out += (out.empty() ? "" : ",") + std::to_string(day);
        }
        return out;
    };
    std::ostringstream rule;
    const int freq = pick(0, 3);
    const char* frequencies[] = {"DAILY", "WEEKLY", "MONTHLY", "YEARLY"};
    rule << "FREQ=" << frequencies[freq];
    if (pick(0, 1))
        rule << ";INTERVAL=" << pick(1, freq == 0 ? 14 : 4);
    if (pick(0, 3) == 0)
        rule << ";WKST=" << weekdays[pick(0, 6)];
    switch (freq) {
    case 0:
    case 1:
        if (pick(0, 1))
            rule << ";BYDAY=" << some_weekdays(pick(0, 9) == 0);
        break;
    case 2:
        if (int by = pick(0, 2); by == 1)
            rule << ";BYDAY=" << some_weekdays(pick(0, 3) != 0);
        else if (by == 2)
            rule << ";BYMONTHDAY=" << some_month_days();
        break;
    default:
        if (pick(0, 2) != 0) {
            rule << ";BYMONTH=" << pick(1, 12);
            if (pick(0, 2) == 0)
                rule << "," << pick(1, 12);
            if (int by = pick(0, 2); by == 1)
                rule << ";BYDAY=" << some_weekdays(true);
            else if (by == 2)
                rule << ";BYMONTHDAY=" << some_month_days();
        }
        break;
    }
    if (pick(0, 9) == 0)
        rule << (pick(0, 2) == 0 ? ";BYSETPOS=-1" : pick(0, 1) ? ";BYHOUR=9,15" : ";BYYEARDAY=100");
    if (pick(0, 1))
        rule << ";COUNT=" << pick(1, 60);
    return rule.str();
}

struct Walked {
    std::vector<LocalTime> starts;
    RecurrenceRule::Walk walk;
};

} // namespace

BOOST_AUTO_TEST_SUITE(recurrence_rule)

// 1,500 random rules and DTSTARTs from 1990 to 2035 (some after 2500, some about 1582, when
// ICU's calendar turns from Julian to Gregorian), each walked with a
// random skip_before, a step limit of 300 or a random one, and up to 12 years (20,000 rules,
// a limit of 5,000 and up to 40 years when walk began to compute starts itself): the starts walk
// computes, where libical's iterator does not make them, are those libical's iterator makes,
// and the walk ends the same way (cut by the limit or not, at the same last start).
BOOST_AUTO_TEST_CASE(walk_gives_the_starts_libicals_iterator_gives) {
    std::mt19937 random(20261204);
    auto pick = [&random](int from, int to) {
        return std::uniform_int_distribution<int>(from, to)(random);
    };
    std::size_t starts = 0;
    for (int n = 0; n < 1500; ++n) {
        const std::string text = random_rule(random);
        const RecurrenceRule rule = RecurrenceRule::parse(text);
        // Where walk and libical part on purpose: see the next test.
        const bool weekly_every_few_weeks = text.starts_with("FREQ=WEEKLY;INTERVAL=") &&
                                            !text.starts_with("FREQ=WEEKLY;INTERVAL=1;");
        const int year = n % 50 == 0   ? pick(2500, 2600)
                         : n % 50 == 1 ? pick(1550, 1650)
                                       : pick(1990, 2035);
        const LocalTime dtstart =
            LocalTime{date::local_days{date::year{year} / pick(1, 12) / pick(1, 28)}} +
            std::chrono::minutes{15 * pick(0, 95)};
        const LocalTime skip_before = pick(0, 1) ? dtstart : dtstart + date::days{pick(0, 4000)};
        const LocalTime until = dtstart + date::years{pick(1, 12)};
        const std::size_t limit = static_cast<std::size_t>(pick(0, 3) == 0 ? pick(1, 50) : 300);
        auto walk_with = [&](bool by_libical) {
            Walked walked;
            auto visit = [&](LocalTime start) {
                if (start > until)
                    return false;
                if (start >= skip_before)
                    walked.starts.push_back(start);
                return true;
            };
            walked.walk = by_libical ? rule.walk_by_libical(dtstart, skip_before, limit, visit)
                                     : rule.walk(dtstart, skip_before, limit, visit);
            return walked;
        };
        if (weekly_every_few_weeks)
            continue;
        const Walked ours = walk_with(false);
        const Walked libicals = walk_with(true);
        BOOST_TEST_CONTEXT(text << " from " << date::format("%F %R", dtstart) << ", skipping to "
                                << date::format("%F %R", skip_before) << ", limit " << limit) {
            BOOST_TEST_REQUIRE(ours.starts == libicals.starts);
            BOOST_TEST_REQUIRE(ours.walk.cut == libicals.walk.cut);
            BOOST_TEST_REQUIRE((ours.walk.last_seen == libicals.walk.last_seen));
        }
        starts += ours.starts.size();
    }
    BOOST_TEST(starts > 30'000u);
}

BOOST_AUTO_TEST_SUITE_END()

namespace {

// RFC 5545 3.3.10 for FREQ=WEEKLY, day by day: a day is a start when its weekday is one of
// `weekdays` (DTSTART's when there are none) and its week, from `week_start`, is a multiple
// of `interval` weeks after DTSTART's; at DTSTART's time, from DTSTART on, at most `count`
// of them (0: no limit), up to the first after `until`.
std::vector<LocalTime> rfc_weekly(LocalTime dtstart, int interval, date::weekday week_start,
                                  std::vector<date::weekday> weekdays, int count, LocalTime until) {
    const date::local_days first = date::floor<date::days>(dtstart);
    const auto time_of_day = dtstart - LocalTime{first};
    if (weekdays.empty())
        weekdays.push_back(date::weekday{first});
    auto week_of = [week_start](date::local_days day) {
        return day - (date::weekday{day} - week_start);
    };
    std::vector<LocalTime> starts;
    for (date::local_days day = first;; day += date::days{1}) {
        const LocalTime start = LocalTime{day} + time_of_day;
        const auto weeks = (week_of(day) - week_of(first)).count() / 7;
        if (start < dtstart || weeks % interval != 0 ||
            std::find(weekdays.begin(), weekdays.end(), date::weekday{day}) == weekdays.end())
            continue;
        if (count > 0 && static_cast<int>(starts.size()) == count)
            return starts;
        starts.push_back(start);
        if (start > until)
            return starts;
    }
}

} // namespace

BOOST_AUTO_TEST_SUITE(recurrence_rule)

// RFC 5545 3.3.10's own examples of WKST: every other week on Tuesday and Sunday, four times,
// from Tuesday 1997-08-05: with WKST=MO, August 5, 10, 19 and 24; with WKST=SU, 5, 17, 19 and
// 31. And the rule libical 3.0 gets wrong: every third week on Sunday from Tuesday 2025-09-23
// is 09-28 (the Sunday of DTSTART's week), then 10-19 and 11-09, not 10-12, 11-02, 11-23.
BOOST_AUTO_TEST_CASE(weekly_rules_every_few_weeks_follow_rfc_5545) {
    auto starts = [](const std::string& text, LocalTime dtstart) {
        std::vector<std::string> out;
        RecurrenceRule::parse(text).walk(dtstart, dtstart, 1000, [&](LocalTime t) {
            out.push_back(date::format("%F", t));
            return out.size() < 10;
        });
        return out;
    };
    const LocalTime august_5 = at(1997_y / date::August / 5, 9h);
    BOOST_TEST(
        starts("FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO", august_5) ==
            (std::vector<std::string>{"1997-08-05", "1997-08-10", "1997-08-19", "1997-08-24"}),
        boost::test_tools::per_element());
    BOOST_TEST(
        starts("FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU", august_5) ==
            (std::vector<std::string>{"1997-08-05", "1997-08-17", "1997-08-19", "1997-08-31"}),
        boost::test_tools::per_element());
    BOOST_TEST(
        starts("FREQ=WEEKLY;INTERVAL=3;BYDAY=SU;COUNT=3", at(2025_y / date::September / 23, 22h)) ==
            (std::vector<std::string>{"2025-09-28", "2025-10-19", "2025-11-09"}),
        boost::test_tools::per_element());
}

// 1,500 random WEEKLY rules every two to four weeks (WKST, BYDAY days or none, COUNT or not)
// from random DTSTARTs, walked from a random skip_before for up to 12 years past it: the starts
// are RFC 5545's, day by day, and so is the first one past those years.
BOOST_AUTO_TEST_CASE(weekly_rules_every_few_weeks_give_rfc_5545s_starts) {
    std::mt19937 random(5545);
    auto pick = [&random](int from, int to) {
        return std::uniform_int_distribution<int>(from, to)(random);
    };
    const char* names[] = {"SU", "MO", "TU", "WE", "TH", "FR", "SA"};
    for (int n = 0; n < 1500; ++n) {
        const int interval = pick(2, 4);
        const int week_start = pick(0, 6);
        std::vector<date::weekday> weekdays;
        std::string text = "FREQ=WEEKLY;INTERVAL=" + std::to_string(interval);
        if (pick(0, 2) != 0)
            text += std::string(";WKST=") + names[week_start];
        else
            text += ";WKST=MO";
        const bool explicit_start = text.ends_with(names[week_start]);
        if (pick(0, 3) != 0) {
            std::string days;
            for (unsigned d = 0; d < 7; ++d)
                if (pick(0, 2) == 0) {
                    weekdays.push_back(date::weekday{d});
                    days += (days.empty() ? "" : ",") + std::string(names[d]);
                }
            if (!days.empty())
                text += ";BYDAY=" + days;
        }
        const int count = pick(0, 1) ? pick(1, 40) : 0;
        if (count > 0)
            text += ";COUNT=" + std::to_string(count);
        const LocalTime dtstart =
            LocalTime{date::local_days{date::year{pick(1990, 2035)} / pick(1, 12) / pick(1, 28)}} +
            std::chrono::minutes{15 * pick(0, 95)};
        const LocalTime skip_before = pick(0, 1) ? dtstart : dtstart + date::days{pick(0, 2000)};
        // After skip_before: the walk may leave out what comes before it.
        const LocalTime until = skip_before + date::years{pick(1, 12)};
        std::vector<LocalTime> ours;
        LocalTime past_until{};
        RecurrenceRule::parse(text).walk(dtstart, skip_before, 1'000'000, [&](LocalTime start) {
            if (start > until) {
                past_until = start;
                return false;
            }
            if (start >= skip_before)
                ours.push_back(start);
            return true;
        });
        std::vector<LocalTime> expected;
        LocalTime expected_past_until{};
        for (LocalTime start : rfc_weekly(
                 dtstart, interval,
                 explicit_start ? date::weekday{static_cast<unsigned>(week_start)} : date::Monday,
                 weekdays, count, until)) {
            if (start > until)
                expected_past_until = start;
            else if (start >= skip_before)
                expected.push_back(start);
        }
        BOOST_TEST_CONTEXT(text << " from " << date::format("%F %R", dtstart) << ", skipping to "
                                << date::format("%F %R", skip_before)) {
            BOOST_TEST_REQUIRE(ours == expected);
            BOOST_TEST_REQUIRE((past_until == expected_past_until));
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
