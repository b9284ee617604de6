// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <vector>

namespace busywork {

/// One problem found in the input. `skipped_event` is true when the problem made busywork
/// leave out a whole event; otherwise the event was kept (perhaps without the bad part).
struct Diagnostic {
    std::string file;
    int line = 0;
    std::string message;
    bool skipped_event = false;

    /// `file:line: message`, the form every problem is printed in.
    std::string to_string() const;
};

/// The problems of one run, in the order they were found.
class Diagnostics {
public:
    void warn(std::string file, int line, std::string message);
    void skip_event(std::string file, int line, std::string message);
    void append(const Diagnostics& other);

    const std::vector<Diagnostic>& all() const { return m_items; }
    bool empty() const { return m_items.empty(); }
    int skipped_events() const { return m_skipped; }

private:
    std::vector<Diagnostic> m_items;
    int m_skipped = 0;
};

/// `(event "title", UID x)` for messages; parts that are empty are left out.
std::string describe_event(const std::string& summary, const std::string& uid);

} // namespace busywork
