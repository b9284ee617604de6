// SPDX-License-Identifier: MIT
#include <busywork/diagnostics.hpp>

namespace busywork {

std::string Diagnostic::to_string() const {
    // Line 0 is about the whole file, such as a guess made from all its events.
    if (line <= 0)
        return file + ": " + message;
    return file + ":" + std::to_string(line) + ": " + message;
}

void Diagnostics::warn(std::string file, int line, std::string message) {
    m_items.push_back({std::move(file), line, std::move(message), false});
}

void Diagnostics::skip_event(std::string file, int line, std::string message) {
    m_items.push_back({std::move(file), line, std::move(message), true});
    ++m_skipped;
}

void Diagnostics::append(const Diagnostics& other) {
    m_items.insert(m_items.end(), other.m_items.begin(), other.m_items.end());
    m_skipped += other.m_skipped;
}

std::string describe_event(const std::string& summary, const std::string& uid) {
    std::string text;
    if (!summary.empty())
        text += "event \"" + summary + "\"";
    if (!uid.empty())
        text += (text.empty() ? "UID " : ", UID ") + uid;
    return text.empty() ? std::string("event without UID or SUMMARY") : text;
}

} // namespace busywork
