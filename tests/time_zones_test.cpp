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

BOOST_AUTO_TEST_CASE(unknown_report_zone_throws) {
    BOOST_CHECK_THROW(report_zone("Europe/Atlantis"), std::exception);
    BOOST_TEST(report_zone("UTC").name() == "UTC");
}

BOOST_AUTO_TEST_SUITE_END()
