// SPDX-License-Identifier: MIT
#pragma once

#include <stdexcept>
#include <string>

namespace busywork {

/// Base of every exception busywork throws on purpose.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// A problem in an input file; `what()` reads `file:line: message`.
class InputError : public Error {
public:
    InputError(std::string file, int line, const std::string& message)
        : Error(file + ":" + std::to_string(line) + ": " + message), m_file(std::move(file)),
          m_line(line) {}
    const std::string& file() const { return m_file; }
    int line() const { return m_line; }

private:
    std::string m_file;
    int m_line;
};

/// The command line asked for something impossible (unknown zone, bad date).
class UsageError : public Error {
public:
    using Error::Error;
};

} // namespace busywork
