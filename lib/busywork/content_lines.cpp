// SPDX-License-Identifier: MIT
#include <algorithm>
#include <busywork/content_lines.hpp>
#include <cctype>

namespace busywork {
namespace {

char ascii_upper(char c) {
    return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return ascii_upper(x) == ascii_upper(y);
           });
}

// BEGIN:/END: lines, with the component name upper-cased; empty when the line is neither.
std::string component_marker(std::string_view line, std::string_view keyword) {
    if (line.size() <= keyword.size() ||
        !equals_ignoring_case(line.substr(0, keyword.size()), keyword))
        return {};
    std::string name(line.substr(keyword.size()));
    while (!name.empty() && (name.back() == ' ' || name.back() == '\t'))
        name.pop_back();
    std::transform(name.begin(), name.end(), name.begin(), ascii_upper);
    return name;
}

// Physical lines, unfolded into content lines.
class Unfolder {
public:
    Unfolder(std::string_view bytes, const std::string& file, Diagnostics& diagnostics)
        : m_bytes(bytes), m_file(file), m_diagnostics(diagnostics) {
        if (m_bytes.substr(0, 3) == "\xEF\xBB\xBF")
            m_bytes.remove_prefix(3);
    }

    // Returns false at the end of input.
    bool next(ContentLine& out) {
        while (m_pos < m_bytes.size() || m_have_pending) {
            std::string_view physical;
            int physical_line = 0;
            if (!read_physical(physical, physical_line)) {
                if (!m_have_pending)
                    return false;
                return emit(out);
            }
            if (!physical.empty() && (physical[0] == ' ' || physical[0] == '\t') &&
                m_have_pending) {
                append(physical.substr(1));
                continue;
            }
            bool emitted = m_have_pending && emit(out);
            if (physical.find_first_not_of(" \t") == std::string_view::npos) {
                if (emitted)
                    return true;
                continue;
            }
            m_pending.assign(physical);
            m_pending_line = physical_line;
            m_have_pending = true;
            m_pending_too_long = false;
            if (emitted)
                return true;
        }
        return false;
    }

private:
    bool read_physical(std::string_view& physical, int& physical_line) {
        if (m_pos >= m_bytes.size())
            return false;
        std::size_t end = m_bytes.find_first_of("\r\n", m_pos);
        if (end == std::string_view::npos)
            end = m_bytes.size();
        physical = m_bytes.substr(m_pos, end - m_pos);
        physical_line = ++m_line;
        m_pos = end;
        if (m_pos < m_bytes.size() && m_bytes[m_pos] == '\r')
            ++m_pos;
        if (m_pos < m_bytes.size() && m_bytes[m_pos] == '\n')
            ++m_pos;
        return true;
    }

    void append(std::string_view continuation) {
        if (m_pending_too_long)
            return;
        if (m_pending.size() + continuation.size() > max_content_line_bytes) {
            m_pending_too_long = true;
            return;
        }
        m_pending.append(continuation);
    }

    bool emit(ContentLine& out) {
        m_have_pending = false;
        if (m_pending_too_long || m_pending.size() > max_content_line_bytes) {
            m_diagnostics.warn(m_file, m_pending_line,
                               "content line longer than " +
                                   std::to_string(max_content_line_bytes >> 20) +
                                   " MiB dropped (property " + property_name(m_pending) + ")");
            m_pending.clear();
            return false;
        }
        if (m_pending.find('\0') != std::string::npos) {
            m_diagnostics.warn(m_file, m_pending_line, "NUL byte in content line removed");
            std::erase(m_pending, '\0');
        }
        out.line = m_pending_line;
        out.text = std::move(m_pending);
        m_pending.clear();
        return true;
    }

    std::string_view m_bytes;
    const std::string& m_file;
    Diagnostics& m_diagnostics;
    std::size_t m_pos = 0;
    int m_line = 0;
    std::string m_pending;
    int m_pending_line = 0;
    bool m_have_pending = false;
    bool m_pending_too_long = false;
};

bool is_kept_component(const std::string& name) {
    return name == "VEVENT" || name == "VTIMEZONE";
}

// RFC 5545 3.1: name *(";" param) ":" value. Returns what is wrong, or nothing.
std::string content_line_problem(std::string_view line) {
    bool quoted = false;
    std::size_t colon = std::string_view::npos;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '"')
            quoted = !quoted;
        else if (!quoted && line[i] == ':') {
            colon = i;
            break;
        }
    }
    if (colon == std::string_view::npos)
        return quoted ? "unbalanced quote in parameters" : "not a content line (no ':')";
    std::size_t name_end = line.find_first_of(";:");
    if (name_end == 0)
        return "content line without a property name";
    for (std::size_t i = 0; i < name_end; ++i) {
        char c = line[i];
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-'))
            return "invalid character in property name";
    }
    std::string_view parameters = line.substr(name_end, colon - name_end);
    if (parameters.find(";;") != std::string_view::npos || parameters == ";")
        return "empty parameter";
    return {};
}

} // namespace

std::string ComponentText::joined() const {
    std::string text;
    std::size_t size = 0;
    for (const auto& l : lines)
        size += l.text.size() + 2;
    text.reserve(size);
    for (const auto& l : lines) {
        text += l.text;
        text += "\r\n";
    }
    return text;
}

int ComponentText::line_of(std::string_view wanted) const {
    for (const auto& l : lines)
        if (property_name(l.text) == wanted)
            return l.line;
    return begin_line;
}

std::string property_name(std::string_view content_line) {
    std::size_t end = content_line.find_first_of(";:");
    std::string name(content_line.substr(0, std::min(end, content_line.size())));
    std::transform(name.begin(), name.end(), name.begin(), ascii_upper);
    return name;
}

std::string_view property_value(std::string_view content_line) {
    bool quoted = false;
    for (std::size_t i = 0; i < content_line.size(); ++i) {
        char c = content_line[i];
        if (c == '"')
            quoted = !quoted;
        else if (c == ':' && !quoted)
            return content_line.substr(i + 1);
    }
    return {};
}

CalendarText split_calendar(std::string_view bytes, const std::string& file,
                            Diagnostics& diagnostics) {
    CalendarText result;
    Unfolder unfolder(bytes, file, diagnostics);
    // Component names from the outermost VCALENDAR down to the current position.
    std::vector<std::string> open;
    ComponentText current;
    int current_depth = 0; // nesting inside `current`; 0 when not inside a kept component
    bool saw_calendar = false;
    ContentLine line;

    auto abandon_current = [&](int at_line, const std::string& why) {
        std::string uid_text;
        std::string summary;
        for (const auto& l : current.lines) {
            auto name = property_name(l.text);
            if (name == "UID")
                uid_text = property_value(l.text);
            else if (name == "SUMMARY")
                summary = property_value(l.text);
        }
        std::string message = "BEGIN:" + current.name + " on line " +
                              std::to_string(current.begin_line) + " has no END:" + current.name +
                              " (" + why + ")";
        if (current.name == "VEVENT")
            diagnostics.skip_event(file, at_line,
                                   message + "; " + describe_event(summary, uid_text) + " skipped",
                                   "unterminated");
        else
            diagnostics.warn(file, at_line, message + "; component ignored");
        current = ComponentText{};
        current_depth = 0;
    };

    while (unfolder.next(line)) {
        if (std::string problem = content_line_problem(line.text); !problem.empty()) {
            std::string_view shown = std::string_view(line.text).substr(0, 60);
            diagnostics.warn(
                file, line.line,
                problem + ": \"" + std::string(shown) + (line.text.size() > 60 ? "...\"" : "\"") +
                    (problem == "empty parameter" ? "; read anyway" : "; line ignored"));
            if (problem != "empty parameter")
                continue;
        }
        std::string begin = component_marker(line.text, "BEGIN:");
        std::string end = begin.empty() ? component_marker(line.text, "END:") : std::string();

        if (current_depth > 0) {
            if (!begin.empty() && (begin == "VEVENT" || begin == "VCALENDAR" ||
                                   (begin == "VTIMEZONE" && current.name == "VTIMEZONE"))) {
                abandon_current(line.line, "BEGIN:" + begin + " on line " +
                                               std::to_string(line.line) + " comes first");
            } else {
                if (!begin.empty())
                    ++current_depth;
                else if (!end.empty())
                    --current_depth;
                if (end == "VCALENDAR" && current_depth > 0) {
                    abandon_current(line.line, "END:VCALENDAR comes first");
                } else {
                    current.lines.push_back(std::move(line));
                    if (current_depth == 0) {
                        if (current.name == "VEVENT")
                            result.events.push_back(std::move(current));
                        else
                            result.timezones.push_back(std::move(current));
                        current = ComponentText{};
                    }
                    continue;
                }
            }
        }

        if (!begin.empty()) {
            if (begin == "VCALENDAR")
                saw_calendar = true;
            bool top_level = open.empty() || open.back() == "VCALENDAR";
            if (top_level && is_kept_component(begin)) {
                if (open.empty())
                    diagnostics.warn(file, line.line,
                                     "BEGIN:" + begin + " outside of a VCALENDAR; read anyway");
                current = ComponentText{begin, line.line, {}};
                current.lines.push_back(std::move(line));
                current_depth = 1;
            } else {
                open.push_back(begin);
            }
        } else if (!end.empty()) {
            auto match = std::find(open.rbegin(), open.rend(), end);
            if (match == open.rend()) {
                diagnostics.warn(file, line.line, "END:" + end + " without BEGIN:" + end);
            } else {
                open.erase(std::prev(match.base()), open.end());
            }
        } else if (open.size() == 1 && open.back() == "VCALENDAR") {
            result.calendar_properties.push_back(std::move(line));
        }
    }
    if (current_depth > 0)
        abandon_current(current.lines.empty() ? 0 : current.lines.back().line,
                        "the file ends first");
    if (!saw_calendar && !bytes.empty() && result.events.empty())
        diagnostics.warn(file, 1, "no BEGIN:VCALENDAR found; not an iCalendar file?");
    return result;
}

} // namespace busywork
