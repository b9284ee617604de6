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

void Diagnostics::skip_event(std::string file, int line, std::string message, std::string reason) {
    m_items.push_back({std::move(file), line, std::move(message), true});
    ++m_skipped;
    ++m_skipped_by_reason[std::move(reason)];
}

std::string Diagnostics::summary() const {
    std::string out;
    if (m_skipped > 0) {
        out = std::to_string(m_skipped) + (m_skipped == 1 ? " event" : " events") + " skipped (";
        bool first = true;
        for (const auto& [reason, n] : m_skipped_by_reason) {
            out += (first ? "" : ", ") + std::to_string(n) + " " + reason;
            first = false;
        }
        out += ")";
    }
    if (int w = warnings(); w > 0)
        out += (out.empty() ? "" : "; ") + std::to_string(w) + (w == 1 ? " warning" : " warnings");
    return out;
}

void Diagnostics::append(const Diagnostics& other) {
    append(other, {});
}

void Diagnostics::append(const Diagnostics& other, const std::set<std::size_t>& left_out) {
    for (std::size_t i = 0; i < other.m_items.size(); ++i)
        if (!left_out.count(i) || other.m_items[i].skipped_event)
            m_items.push_back(other.m_items[i]);
    m_skipped += other.m_skipped;
    for (const auto& [reason, n] : other.m_skipped_by_reason)
        m_skipped_by_reason[reason] += n;
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
