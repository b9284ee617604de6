// SPDX-License-Identifier: MIT
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <busywork/versions.hpp>
#include <libical/ical.h>
#include <regex>
#include <unicode/uvernum.h>

using namespace busywork;

BOOST_AUTO_TEST_SUITE(versions)

BOOST_AUTO_TEST_CASE(every_component_has_a_version_in_a_fixed_order) {
    auto components = component_versions();
    BOOST_TEST_REQUIRE(components.size() == 4u);
    BOOST_TEST(components[0].name == "libical");
    BOOST_TEST(components[1].name == "ICU");
    BOOST_TEST(components[2].name == "tz database");
    BOOST_TEST(components[3].name == "libpsl");
    const std::regex dotted(R"([0-9]+\.[0-9]+(\.[0-9]+)*)");
    for (const auto& c : components) {
        BOOST_TEST_CONTEXT(c.name) {
            if (c.name == "tz database")
                BOOST_TEST(std::regex_match(c.running, std::regex("[0-9]{4}[a-z]")));
            else
                BOOST_TEST(std::regex_match(c.running, dotted));
        }
    }
}

BOOST_AUTO_TEST_CASE(the_running_libraries_are_those_built_against_on_an_unchanged_system) {
    auto components = component_versions();
    // libical's version comes from the loaded libical.so.X.Y.Z; ICU's from u_getVersion.
    BOOST_TEST(components[0].running == components[0].built);
    BOOST_TEST(components[0].detail.find("libical.so.") != std::string::npos);
    BOOST_TEST(components[0].built == std::to_string(ICAL_MAJOR_VERSION) + "." +
                                          std::to_string(ICAL_MINOR_VERSION) + "." +
                                          std::to_string(ICAL_PATCH_VERSION));
    BOOST_TEST(components[1].running == U_ICU_VERSION);
    BOOST_TEST(components[1].detail.starts_with("Unicode "));
}

BOOST_AUTO_TEST_CASE(version_text_has_a_line_per_component_after_the_program) {
    std::string text = version_text("9.8.7");
    BOOST_TEST(text.starts_with("busywork 9.8.7\nlibical "));
    BOOST_TEST(text.find("\nICU ") != std::string::npos);
    BOOST_TEST(text.find("\ntz database ") != std::string::npos);
    BOOST_TEST(text.find("\nlibpsl ") != std::string::npos);
    BOOST_TEST(text.back() == '\n');
    BOOST_TEST(std::count(text.begin(), text.end(), '\n') == 5);
    // Equal versions are not repeated as "built with".
    BOOST_TEST(text.find("built with") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
