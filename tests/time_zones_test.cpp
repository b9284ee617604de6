// SPDX-License-Identifier: MIT
#include <boost/test/unit_test.hpp>
#include <busywork/time_zones.hpp>

using namespace busywork;
using namespace date;
using namespace std::chrono_literals;

namespace {
std::string name_of(const char* tzid) {
    auto zone = find_iana_zone(tzid);
    return zone ? std::string(zone->name()) : std::string("(none)");
}
LocalTime local(int y, unsigned m, unsigned d, int h, int min) {
    return local_days{year{y} / month{m} / day{d}} + std::chrono::hours{h} +
           std::chrono::minutes{min};
}
} // namespace

BOOST_AUTO_TEST_SUITE(time_zones)

BOOST_AUTO_TEST_CASE(tzids_resolve_through_iana_prefixes_windows_ids_and_display_names) {
    BOOST_TEST(name_of("Europe/Berlin") == "Europe/Berlin");
    BOOST_TEST(name_of("/freeassociation.sourceforge.net/Tzfile/Europe/Berlin") == "Europe/Berlin");
    BOOST_TEST(name_of("/mozilla.org/20050126_1/America/New_York") == "America/New_York");
    // CLDR windowsZones: W. Europe -> Berlin, Romance -> Paris, GMT Standard Time -> London.
    BOOST_TEST(name_of("W. Europe Standard Time") == "Europe/Berlin");
    BOOST_TEST(name_of("Romance Standard Time") == "Europe/Paris");
    BOOST_TEST(name_of("GMT Standard Time") == "Europe/London");
    BOOST_TEST(name_of("(UTC+01:00) Amsterdam, Berlin, Bern, Rom, Stockholm, Wien") ==
               "Europe/Amsterdam");
    BOOST_TEST(name_of("(UTC-05:00) Eastern Time (US & Canada)") == "America/New_York");
    // The stated offset must agree: Amsterdam is not UTC+03:00.
    BOOST_TEST(name_of("(UTC+03:00) Amsterdam") == "(none)");
    BOOST_TEST(name_of("Customized Time Zone") == "(none)");
}

BOOST_AUTO_TEST_CASE(gap_and_ambiguous_local_times_follow_rfc_5545_3_3_5) {
    Zone berlin = Zone::iana(find_iana_zone("Europe/Berlin"));
    // 2026-03-29 02:30 does not exist: read with the offset before the gap (+01:00) = 01:30Z,
    // which is 03:30 CEST.
    BOOST_TEST(format("%FT%TZ", berlin.to_instant(local(2026, 3, 29, 2, 30))) ==
               "2026-03-29T01:30:00Z");
    // 2026-10-25 02:30 happens twice: the first time, still CEST (+02:00) = 00:30Z.
    BOOST_TEST(format("%FT%TZ", berlin.to_instant(local(2026, 10, 25, 2, 30))) ==
               "2026-10-25T00:30:00Z");
}

BOOST_AUTO_TEST_CASE(defined_zone_uses_its_transitions_and_the_iana_zone_before_them) {
    // A VTIMEZONE for Europe/Berlin whose only observances start in 2018 (as in the corpus'
    // fablab_cottbus.ics): 2018-10-28 01:00Z to +01:00, 2019-03-31 01:00Z to +02:00.
    std::vector<ZoneTransition> transitions{
        {sys_days{2018_y / October / 28} + 1h, 2h, 1h},
        {sys_days{2019_y / March / 31} + 1h, 1h, 2h},
    };
    Zone defined = Zone::defined("Europe/Berlin", transitions, find_iana_zone("Europe/Berlin"));
    BOOST_TEST(format("%FT%TZ", defined.to_instant(local(2018, 12, 1, 12, 0))) ==
               "2018-12-01T11:00:00Z");
    BOOST_TEST(format("%FT%TZ", defined.to_instant(local(2019, 6, 1, 12, 0))) ==
               "2019-06-01T10:00:00Z");
    // Before the first observance the file says nothing; the IANA zone answers (CET in Dec 2016).
    BOOST_TEST(format("%FT%TZ", defined.to_instant(local(2016, 12, 3, 14, 0))) ==
               "2016-12-03T13:00:00Z");
    // Without an IANA name, the first observance's TZOFFSETFROM (+02:00) answers.
    Zone custom = Zone::defined("Custom", transitions, nullptr);
    BOOST_TEST(format("%FT%TZ", custom.to_instant(local(2016, 12, 3, 14, 0))) ==
               "2016-12-03T12:00:00Z");
}

// A VTIMEZONE holding the OS database's transitions of a zone from 1990 to 2035 reads every
// local time as the database does (date's local_info: the first reading of an ambiguous time,
// the offset before a gap), in zones with a half-hour shift (Lord Howe), a two-hour one
// (Troll), a day skipped (Apia, December 2011) and transitions a month apart (Casablanca):
// each quarter of an hour from 30 hours before each transition to 30 hours after it.
BOOST_AUTO_TEST_CASE(defined_zones_read_local_times_as_the_database_they_copy) {
    std::size_t compared = 0;
    for (const char* name :
         {"Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Antarctica/Troll",
          "Pacific/Apia", "Africa/Casablanca", "America/St_Johns", "Asia/Kolkata"}) {
        const date::time_zone* iana = find_iana_zone(name);
        BOOST_TEST_REQUIRE(iana != nullptr, name);
        std::vector<ZoneTransition> transitions;
        for (sys_seconds at = sys_days{1990_y / January / 1};
             at < sys_days{2035_y / January / 1};) {
            date::sys_info info = iana->get_info(at);
            if (info.end >= sys_days{2035_y / January / 1})
                break;
            transitions.push_back({info.end, info.offset, iana->get_info(info.end).offset});
            at = info.end;
        }
        Zone copy = Zone::defined(name, transitions, iana);
        Zone database = Zone::iana(iana);
        for (const ZoneTransition& t : transitions) {
            const LocalTime around = LocalTime{t.at.time_since_epoch()} + t.offset_before;
            for (std::chrono::minutes step = -30h; step <= 30h; step += 15min) {
                const LocalTime l = around + step;
                BOOST_TEST_CONTEXT(name << " " << format("%F %T", l)) {
                    BOOST_TEST((copy.to_instant(l) == database.to_instant(l)));
                }
                ++compared;
            }
        }
    }
    BOOST_TEST(compared > 100000u);
}

// A VTIMEZONE crowding a change of offset into every half hour of two days (so more than a
// few between a time and a day either side of it) reads each local time by RFC 5545 3.3.5's
// rule, spelled out here with offset_at: of the offsets in force a day before and a day
// after, the earliest instant that has it; in a gap, the offset before.
BOOST_AUTO_TEST_CASE(a_zone_with_transitions_close_together_reads_by_the_offsets_in_force) {
    std::vector<ZoneTransition> transitions;
    const sys_seconds first = sys_days{2026_y / March / 2};
    for (int i = 0; i < 96; ++i) {
        const auto at = first + std::chrono::minutes{30 * i};
        const bool to_summer = i % 2 == 0;
        transitions.push_back({at, to_summer ? 1h : 2h, to_summer ? 2h : 1h});
    }
    Zone crowded = Zone::defined("Crowded", transitions, nullptr);
    auto by_the_rule = [&crowded](LocalTime l) {
        const sys_seconds as_utc{l.time_since_epoch()};
        const auto before = crowded.offset_at(as_utc - 26h);
        const auto after = crowded.offset_at(as_utc + 26h);
        std::optional<sys_seconds> best;
        for (auto offset : {before, after}) {
            const sys_seconds candidate = as_utc - offset;
            if (crowded.offset_at(candidate) == offset && (!best || candidate < *best))
                best = candidate;
        }
        return best ? *best : as_utc - before;
    };
    std::size_t compared = 0;
    for (std::chrono::minutes step{0}; step <= std::chrono::minutes{5 * 24 * 60}; step += 5min) {
        const LocalTime l = local(2026, 2, 28, 0, 0) + step;
        BOOST_TEST_CONTEXT(format("%F %T", l)) {
            BOOST_TEST((crowded.to_instant(l) == by_the_rule(l)));
        }
        ++compared;
    }
    BOOST_TEST(compared == 1441u);
}

BOOST_AUTO_TEST_CASE(unknown_report_zone_throws) {
    BOOST_CHECK_THROW(report_zone("Europe/Atlantis"), std::exception);
    BOOST_TEST(report_zone("UTC").name() == "UTC");
}

BOOST_AUTO_TEST_SUITE_END()
