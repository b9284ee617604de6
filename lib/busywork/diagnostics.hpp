// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <map>
#include <set>
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
    /// `reason` is a short name for what made the event unusable ("no valid DTSTART"), by
    /// which the summary line groups the skipped events.
    void skip_event(std::string file, int line, std::string message,
                    std::string reason = "other problems");
    void append(const Diagnostics& other);
    /// All of `other` but the warnings at `left_out` (positions in its all()).
    void append(const Diagnostics& other, const std::set<std::size_t>& left_out);

    const std::vector<Diagnostic>& all() const { return m_items; }
    bool empty() const { return m_items.empty(); }
    int skipped_events() const { return m_skipped; }
    int warnings() const { return static_cast<int>(m_items.size()) - m_skipped; }
    const std::map<std::string, int>& skipped_by_reason() const { return m_skipped_by_reason; }

    /// "3 events skipped (2 no valid DTSTART, 1 bad recurrence); 4 warnings", or empty when
    /// there was nothing.
    std::string summary() const;

private:
    std::vector<Diagnostic> m_items;
    int m_skipped = 0;
    std::map<std::string, int> m_skipped_by_reason;
};

/// `(event "title", UID x)` for messages; parts that are empty are left out.
std::string describe_event(const std::string& summary, const std::string& uid);

} // namespace busywork
