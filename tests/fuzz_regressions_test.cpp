// SPDX-License-Identifier: MIT
// Replays every input the fuzzers once failed on (tests/fuzz/regressions/<target>/) through
// the same code, in the normal build, so that a fixed crash stays fixed.
#include "fuzz/fuzz_entries.hpp"
#include "test_support.hpp"

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <functional>

using namespace busywork::testing;

namespace {

void replay(const std::string& target,
            const std::function<void(const std::uint8_t*, std::size_t)>& entry) {
    std::filesystem::path folder = source_path("tests/fuzz/regressions/" + target);
    std::size_t inputs = 0;
    for (const auto& file : std::filesystem::directory_iterator(folder)) {
        if (!file.is_regular_file() || file.path().filename() == ".gitkeep")
            continue;
        std::string bytes = read_file(file.path().string());
        BOOST_TEST_CONTEXT(file.path().filename().string()) {
            BOOST_CHECK_NO_THROW(
                entry(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()));
        }
        ++inputs;
    }
    BOOST_TEST_MESSAGE(target << ": " << inputs << " regression inputs replayed");
}

} // namespace

BOOST_AUTO_TEST_SUITE(fuzz_regressions)

BOOST_AUTO_TEST_CASE(ingest_and_expand_inputs) {
    replay("ingest_and_expand", busywork::fuzz::ingest_and_expand);
}

BOOST_AUTO_TEST_CASE(classify_and_render_inputs) {
    replay("classify_and_render", busywork::fuzz::classify_and_render);
}

BOOST_AUTO_TEST_CASE(parse_rules_file_inputs) {
    replay("parse_rules_file", busywork::fuzz::parse_rules_file);
}

BOOST_AUTO_TEST_SUITE_END()
