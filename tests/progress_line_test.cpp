// SPDX-License-Identifier: MIT
// The progress line (lib/busywork/progress_line.cpp) on a fake clock: silent in the first
// second, redrawn at most ten times a second, erased when reading ends.
#include <boost/test/unit_test.hpp>
#include <busywork/progress_line.hpp>
#include <chrono>
#include <sstream>
#include <string>

using namespace busywork;
using namespace std::chrono_literals;

namespace {

struct FakeClock {
    std::chrono::steady_clock::time_point now{};
    ProgressLine::Clock function() {
        return [this] { return now; };
    }
};

ReadProgress reading(std::size_t files_done, std::size_t files_total, std::uint64_t bytes_read,
                     std::uint64_t bytes_total, std::size_t events) {
    return {files_done, files_total, bytes_read, bytes_total, events};
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
        ++n;
    return n;
}

} // namespace

BOOST_AUTO_TEST_SUITE(progress_line)

BOOST_AUTO_TEST_CASE(nothing_is_written_in_the_first_second) {
    FakeClock clock;
    std::ostringstream out;
    {
        ProgressLine line(out, clock.function());
        for (std::size_t i = 1; i <= 10; ++i) {
            clock.now += 100ms; // the last one at exactly 1 s: not yet more than a second
            line.update(reading(0, 2, i * 1'000'000ull, 20'000'000, i * 100));
        }
        line.update(reading(2, 2, 20'000'000, 20'000'000, 2000));
    }
    // Not even the erasing: a quick run leaves standard error as it found it.
    BOOST_TEST(out.str().empty());
}

BOOST_AUTO_TEST_CASE(after_a_second_the_line_is_drawn_in_place) {
    FakeClock clock;
    std::ostringstream out;
    ProgressLine line(out, clock.function());
    clock.now += 2s;
    line.update(reading(2, 10, 45'200'000, 100'000'000, 32'108));
    BOOST_TEST(out.str() ==
               "\rbusywork: reading 3 of 10 files, 45.2 of 100.0 MB, 32,108 events, 22.6 MB/s"
               "\x1b[K");
}

BOOST_AUTO_TEST_CASE(redraws_are_at_most_ten_a_second) {
    FakeClock clock;
    std::ostringstream out;
    ProgressLine line(out, clock.function());
    clock.now += 1100ms;
    for (std::size_t i = 0; i < 100; ++i) { // one second of updates every 10 ms
        line.update(reading(0, 1, i * 100'000ull, 50'000'000, i));
        clock.now += 10ms;
    }
    std::size_t redraws = count(out.str(), "\rbusywork: reading ");
    BOOST_TEST(redraws >= 9u);
    BOOST_TEST(redraws <= 11u);
    // Every redraw ends by erasing what a longer line before it left.
    BOOST_TEST(count(out.str(), "\x1b[K") == redraws);
    BOOST_TEST(out.str().find('\n') == std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_line_is_erased_when_the_last_file_is_done) {
    FakeClock clock;
    std::ostringstream out;
    ProgressLine line(out, clock.function());
    clock.now += 1500ms;
    line.update(reading(0, 1, 30'000'000, 60'000'000, 1000));
    out.str("");
    clock.now += 10ms; // within the redraw interval: the end is never throttled
    line.update(reading(1, 1, 60'000'000, 60'000'000, 2000));
    BOOST_TEST(out.str() == "\r\x1b[K");
    out.str("");
    line.finish(); // and only once
    BOOST_TEST(out.str().empty());
}

BOOST_AUTO_TEST_CASE(destroying_a_shown_line_erases_it) {
    FakeClock clock;
    std::ostringstream out;
    {
        ProgressLine line(out, clock.function());
        clock.now += 3s;
        line.update(reading(0, 3, 1'000'000, 3'000'000, 5));
        out.str("");
    } // as when reading throws
    BOOST_TEST(out.str() == "\r\x1b[K");
}

BOOST_AUTO_TEST_CASE(numbers_are_grouped_and_rounded) {
    BOOST_TEST(describe_progress(reading(0, 1, 0, 1, 0), 1.0) ==
               "1 file, 0.0 of 0.0 MB, 0 events, 0.0 MB/s");
    BOOST_TEST(describe_progress(reading(0, 1, 1'049'999, 123'456'789, 1), 0.5) ==
               "1 file, 1.0 of 123.5 MB, 1 event, 2.1 MB/s");
    BOOST_TEST(describe_progress(reading(999, 1000, 5'000'000'000ull, 5'000'000'000ull, 1'234'567),
                                 100.0) ==
               "1000 of 1000 files, 5000.0 of 5000.0 MB, 1,234,567 events, 50.0 MB/s");
    BOOST_TEST(describe_progress(reading(0, 2, 0, 10, 999), 0.0) ==
               "1 of 2 files, 0.0 of 0.0 MB, 999 events");
}

BOOST_AUTO_TEST_CASE(standard_input_has_no_total) {
    FakeClock clock;
    std::ostringstream out;
    ProgressLine line(out, clock.function());
    clock.now += 2s;
    line.update(reading(0, 1, 12'400'000, 0, 4321));
    BOOST_TEST(out.str() == "\rbusywork: reading 1 file, 12.4 MB, 4,321 events, 6.2 MB/s\x1b[K");
    // Standard input among files: more is read than the files' sizes add up to.
    BOOST_TEST(describe_progress(reading(1, 2, 9'000'000, 4'000'000, 10), 1.0) ==
               "2 of 2 files, 9.0 MB, 10 events, 9.0 MB/s");
}

BOOST_AUTO_TEST_CASE(only_a_person_at_a_terminal_sees_it) {
    BOOST_TEST(progress_wanted(false, true, "xterm-256color"));
    BOOST_TEST(!progress_wanted(true, true, "xterm-256color"));   // --quiet
    BOOST_TEST(!progress_wanted(false, false, "xterm-256color")); // a pipe, a file, cron
    BOOST_TEST(!progress_wanted(false, true, "dumb"));            // cannot erase a line
    BOOST_TEST(!progress_wanted(false, true, ""));                // no TERM: cron, systemd
}

BOOST_AUTO_TEST_SUITE_END()
