// SPDX-License-Identifier: MIT
#include <algorithm>
#include <busywork/progress_line.hpp>
#include <cmath>
#include <cstdint>
#include <utility>

namespace busywork {

namespace {

// Digits in groups of three, "32,108": a count that changes ten times a second is easier to
// read so. By hand rather than by a locale, which the CLI never sets.
std::string grouped(std::uint64_t n) {
    std::string digits = std::to_string(n);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            out += ',';
        out += digits[i];
    }
    return out;
}

// Tenths in integers, so that the decimal point is a point whatever the C locale says.
std::string one_decimal(double value) {
    auto tenths = static_cast<std::uint64_t>(std::llround(std::max(value, 0.0) * 10));
    return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10);
}

std::string megabytes(std::uint64_t bytes) {
    return one_decimal(static_cast<double>(bytes) / 1e6);
}

} // namespace

bool progress_wanted(bool quiet, bool stderr_is_terminal, std::string_view term) {
    return !quiet && stderr_is_terminal && !term.empty() && term != "dumb";
}

std::string describe_progress(const ReadProgress& progress, double seconds) {
    std::string out;
    if (progress.files_total == 1) {
        out = "1 file, ";
    } else {
        std::size_t current = std::min(progress.files_done + 1, progress.files_total);
        out = std::to_string(current) + " of " + std::to_string(progress.files_total) + " files, ";
    }
    // Standard input has no size, and among files it makes the total too small.
    if (progress.bytes_total > 0 && progress.bytes_read <= progress.bytes_total)
        out += megabytes(progress.bytes_read) + " of " + megabytes(progress.bytes_total) + " MB, ";
    else
        out += megabytes(progress.bytes_read) + " MB, ";
    out += grouped(progress.events) + (progress.events == 1 ? " event" : " events");
    if (seconds > 0)
        out +=
            ", " + one_decimal(static_cast<double>(progress.bytes_read) / 1e6 / seconds) + " MB/s";
    return out;
}

ProgressLine::ProgressLine(std::ostream& out, Clock clock)
    : m_out(out), m_clock(std::move(clock)), m_start(m_clock()) {}

ProgressLine::~ProgressLine() {
    // Also on an exception, so that its message does not land after the half-drawn line.
    finish();
}

void ProgressLine::update(const ReadProgress& progress) {
    if (progress.files_total > 0 && progress.files_done >= progress.files_total) {
        finish();
        return;
    }
    auto now = m_clock();
    if (now - m_start <= delay || (m_shown && now - m_drawn_at < interval))
        return;
    double seconds = std::chrono::duration<double>(now - m_start).count();
    // One write per redraw: a terminal shows no half line, and a line no wider than about 75
    // columns does not wrap, which would leave \r on the wrong row.
    m_out << ("\rbusywork: reading " + describe_progress(progress, seconds) + "\x1b[K")
          << std::flush;
    m_shown = true;
    m_drawn_at = now;
}

void ProgressLine::finish() {
    if (!m_shown)
        return;
    m_out << "\r\x1b[K" << std::flush;
    m_shown = false;
}

ReadOptions ProgressLine::read_options() {
    return {[this](const ReadProgress& progress) { update(progress); }};
}

} // namespace busywork
