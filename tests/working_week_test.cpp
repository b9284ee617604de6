// SPDX-License-Identifier: MIT
#include <boost/test/unit_test.hpp>
#include <busywork/working_week.hpp>
#include <stdexcept>
#include <string>

using namespace busywork;

namespace {

using Days = std::array<bool, 7>;

// The message parse_working_week throws for `text`, or "" when it parses.
std::string error_for(std::string_view text) {
    try {
        (void)parse_working_week(text);
    } catch (const std::invalid_argument& e) {
        return e.what();
    }
    return "";
}

void check_rejected(std::string_view text, std::string_view detail) {
    std::string message = error_for(text);
    BOOST_TEST_CONTEXT("input " << text << ", message " << message) {
        BOOST_TEST(!message.empty());
        BOOST_TEST(message.find("\"" + std::string(text) + "\"") != std::string::npos);
        BOOST_TEST(message.find(detail) != std::string::npos);
    }
}

} // namespace

BOOST_AUTO_TEST_SUITE(working_week)

BOOST_AUTO_TEST_CASE(the_default_is_monday_to_friday_nine_to_five) {
    WorkingWeek week;
    // 5 days x 8 hours x 60 minutes.
    BOOST_TEST(week.minutes_per_week().count() == 2400);
    BOOST_TEST(week.to_string() == "Mon-Fri 09:00-17:00");
    BOOST_TEST((parse_working_week("Mon-Fri 09:00-17:00") == week));
}

BOOST_AUTO_TEST_CASE(days_can_be_listed_and_ranged) {
    auto week = parse_working_week("Mon,Tue,Thu 08:30-17:30");
    BOOST_TEST((week.days == Days{true, true, false, true, false, false, false}));
    BOOST_TEST(week.start.count() == 8 * 60 + 30);
    BOOST_TEST(week.end.count() == 17 * 60 + 30);
    // 3 days x 9 hours.
    BOOST_TEST(week.minutes_per_week().count() == 3 * 9 * 60);

    week = parse_working_week("Mon-Wed,Fri 09:00-17:00");
    BOOST_TEST((week.days == Days{true, true, true, false, true, false, false}));

    week = parse_working_week("Sat 10:00-14:00");
    BOOST_TEST((week.days == Days{false, false, false, false, false, true, false}));
    BOOST_TEST(week.minutes_per_week().count() == 240);
}

BOOST_AUTO_TEST_CASE(a_range_wraps_past_sunday) {
    // Sun is index 6 and Thu is 3: the range runs Sun, Mon, Tue, Wed, Thu.
    auto week = parse_working_week("Sun-Thu 08:00-16:00");
    BOOST_TEST((week.days == Days{true, true, true, true, false, false, true}));
    BOOST_TEST(week.minutes_per_week().count() == 5 * 8 * 60);
    week = parse_working_week("Fri-Mon 09:00-17:00");
    BOOST_TEST((week.days == Days{true, false, false, false, true, true, true}));
    // A range from a day to itself is that day alone.
    week = parse_working_week("Wed-Wed 09:00-17:00");
    BOOST_TEST((week.days == Days{false, false, true, false, false, false, false}));
}

BOOST_AUTO_TEST_CASE(names_are_case_insensitive_and_may_be_written_in_full) {
    WorkingWeek standard;
    BOOST_TEST((parse_working_week("mon-FRI 09:00-17:00") == standard));
    BOOST_TEST((parse_working_week("Monday-Friday 09:00-17:00") == standard));
    BOOST_TEST((parse_working_week("MONDAY-fri 09:00-17:00") == standard));
    auto week = parse_working_week("Tuesday,thursday 09:00-17:00");
    BOOST_TEST((week.days == Days{false, true, false, true, false, false, false}));
}

BOOST_AUTO_TEST_CASE(spaces_are_tolerated) {
    WorkingWeek standard;
    BOOST_TEST((parse_working_week("  Mon-Fri   09:00-17:00  ") == standard));
    BOOST_TEST((parse_working_week("Mon - Fri\t09:00 - 17:00") == standard));
    auto week = parse_working_week("Mon, Tue , Thu 08:30-17:30");
    BOOST_TEST((week.days == Days{true, true, false, true, false, false, false}));
}

BOOST_AUTO_TEST_CASE(duplicate_days_count_once) {
    auto week = parse_working_week("Mon-Wed,Tue,Mon 09:00-17:00");
    BOOST_TEST((week.days == Days{true, true, true, false, false, false, false}));
    BOOST_TEST(week.minutes_per_week().count() == 3 * 480);
}

BOOST_AUTO_TEST_CASE(the_day_may_end_at_midnight) {
    auto week = parse_working_week("Mon-Sun 00:00-24:00");
    BOOST_TEST(week.end.count() == 24 * 60);
    BOOST_TEST(week.minutes_per_week().count() == 7 * 24 * 60);
    BOOST_TEST(week.to_string() == "Mon-Sun 00:00-24:00");
}

BOOST_AUTO_TEST_CASE(malformed_text_says_what_is_expected) {
    const std::string expected = "expected days and hours like \"Mon-Fri 09:00-17:00\"";
    check_rejected("Mon-Fri 9-17", expected);
    check_rejected("", expected);
    check_rejected("Mon-Fri", expected);
    check_rejected("09:00-17:00", expected);
    check_rejected("Mon-Fri09:00-17:00", expected);
    check_rejected("Mon-Fri 09:00", expected);
    check_rejected("Mon-Fri 09:00-17:00-18:00", expected);
    check_rejected("Mon-Wed-Fri 09:00-17:00", expected);
    check_rejected("Mon,,Fri 09:00-17:00", expected);
    check_rejected("Mon-Fri 0900-1700", expected);
    check_rejected("Mon-Fri 09:0-17:00", expected);
    BOOST_TEST(error_for("Mon-Fri 9-17") ==
               "bad working week \"Mon-Fri 9-17\": expected days and hours like "
               "\"Mon-Fri 09:00-17:00\"");
}

BOOST_AUTO_TEST_CASE(specific_errors_name_the_problem) {
    check_rejected("Mon-Fri 17:00-09:00", "ends at 09:00, not after it starts at 17:00");
    check_rejected("Mon-Fri 09:00-09:00", "ends at 09:00, not after it starts at 09:00");
    check_rejected("Mon-Fxi 09:00-17:00", "unknown day \"Fxi\"");
    check_rejected("Lun-Ven 09:00-17:00", "unknown day \"Lun\"");
    check_rejected("Mon-Fri 09:00-25:00", "\"25:00\" is past the end of the day");
    check_rejected("Mon-Fri 09:00-24:30", "\"24:30\" is past the end of the day");
    check_rejected("Mon-Fri 09:60-17:00", "\"09:60\" has more than 59 minutes");
}

BOOST_AUTO_TEST_CASE(to_string_is_canonical_and_parses_back) {
    struct Case {
        std::string_view input;
        std::string_view canonical;
    };
    for (auto [input, canonical] : {
             Case{"Mon-Fri 09:00-17:00", "Mon-Fri 09:00-17:00"},
             Case{"Mon,Tue,Thu 08:30-17:30", "Mon-Tue,Thu 08:30-17:30"},
             Case{"Mon-Wed,Fri 9:00-17:00", "Mon-Wed,Fri 09:00-17:00"},
             Case{"Sun-Thu 08:00-16:00", "Mon-Thu,Sun 08:00-16:00"},
             Case{"Fri-Mon 07:05-23:59", "Mon,Fri-Sun 07:05-23:59"},
             Case{"sunday,saturday,friday,thursday,wednesday,tuesday,monday 00:00-24:00",
                  "Mon-Sun 00:00-24:00"},
             Case{"Sat 10:00-14:00", "Sat 10:00-14:00"},
             Case{"Mon,Wed,Fri,Sun 06:00-07:00", "Mon,Wed,Fri,Sun 06:00-07:00"},
         }) {
        BOOST_TEST_CONTEXT("input " << input) {
            WorkingWeek week = parse_working_week(input);
            BOOST_TEST(week.to_string() == canonical);
            BOOST_TEST((parse_working_week(week.to_string()) == week));
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
