// SPDX-License-Identifier: MIT
// Helpers shared by the end-to-end and conformance tests: running the built binary and
// reading the CSV it writes.
#pragma once

#include <date/date.h>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace busywork::testing {

struct RunResult {
    int exit_code = -1; ///< -1 when the process did not exit normally (a crash)
    std::string out;
    std::string err;
};

/// Runs the built `busywork` with `arguments` (each one shell-quoted here).
RunResult run_busywork(const std::vector<std::string>& arguments,
                       const std::string& stdin_file = "");

/// RFC 4180 records; the first row is the header. Throws std::runtime_error on bad quoting.
std::vector<std::vector<std::string>> parse_csv(const std::string& text);

/// The records as maps from header name to cell.
std::vector<std::map<std::string, std::string>> csv_rows(const std::string& text);

std::string read_file(const std::string& path);

/// The lines of `text`, split at LF; a CR before it stays in the line.
std::vector<std::string> lines_of(const std::string& text);

/// Seconds since the epoch of an RFC 3339 time with a numeric offset or Z
/// (`2026-11-23T09:00:00+01:00`); throws std::runtime_error otherwise.
long long parse_instant(const std::string& text);

/// `YYYY-MM-DD` as days since the epoch.
date::sys_days parse_day(const std::string& iso_date);

/// Path of a file in the source tree.
std::string source_path(const std::string& relative);

/// A fresh directory, removed with everything in it at the end.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return m_path; }

    /// Writes `text` to `relative` (creating its directories) and returns the full path.
    std::string write(const std::string& relative, const std::string& text) const;

private:
    std::filesystem::path m_path;
};

/// Sets (or, without a value, removes) an environment variable for the life of the object
/// (the binary, run through std::system, inherits it) and puts the old value back afterwards.
class ScopedEnv {
public:
    ScopedEnv(std::string name, const std::optional<std::string>& value);
    ~ScopedEnv();
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    std::string m_name;
    std::optional<std::string> m_old;
};

} // namespace busywork::testing
