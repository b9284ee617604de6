// SPDX-License-Identifier: MIT
#include <algorithm>
#include <array>
#include <busywork/ascii_bytes.hpp>
#include <busywork/content_lines.hpp>
#include <busywork/text_encoding.hpp>
#include <cctype>
#include <cstring>
#include <deque>
#include <memory>
#include <stdexcept>

namespace busywork {
namespace {

using ascii::is_name_char;
constexpr auto ascii_upper = ascii::upper;

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

constexpr std::size_t chunk_bytes = 1u << 20;

// The first CR or LF from `from`, or npos.
std::size_t line_end(std::string_view text, std::size_t from) {
    return ascii::find_first<'\r', '\n'>(text, from);
}

// The largest VEVENT given as bytes (see ComponentStream::next); larger ones, rare and kept
// well under the content-line cap, are split where they are read.
constexpr std::size_t max_event_bytes = 1u << 20;

bool is_folding_blank(char c) {
    return c == ' ' || c == '\t';
}

// What a physical line inside a VEVENT may be to its structure, from its first letters.
enum class Marker {
    none,         // not a BEGIN or END line, even if the next line continues it
    subcomponent, // BEGIN: or END: of another component, or a start of "BEGIN:" or "END:":
                  // the next line must not continue it
    event_end,    // END:VEVENT
    unusual,      // BEGIN:VEVENT, BEGIN:VCALENDAR, END:VCALENDAR, or a name out of the ordinary
};

Marker marker_of(std::string_view line) {
    char first = ascii_upper(line[0]);
    if (first != 'B' && first != 'E')
        return Marker::none;
    std::string_view keyword = first == 'B' ? "BEGIN:" : "END:";
    std::size_t compared = std::min(line.size(), keyword.size());
    if (!equals_ignoring_case(line.substr(0, compared), keyword.substr(0, compared)))
        return Marker::none;
    std::string_view name = line.substr(compared);
    while (!name.empty() && is_folding_blank(name.back()))
        name.remove_suffix(1);
    if (name.empty())
        return Marker::subcomponent; // a continuation line would give it its name
    if (!std::all_of(name.begin(), name.end(), is_name_char))
        return Marker::unusual;
    if (equals_ignoring_case(name, "VEVENT"))
        return first == 'E' ? Marker::event_end : Marker::unusual;
    if (equals_ignoring_case(name, "VCALENDAR"))
        return Marker::unusual;
    return Marker::subcomponent;
}

// The bytes read and not yet consumed. A std::string fills each chunk with zeros before it is
// read into, which cost the reading thread as much as looking for every line end in it.
class ReadBuffer {
public:
    const char* data() const { return m_bytes.get(); }
    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    char operator[](std::size_t i) const { return m_bytes[i]; }
    operator std::string_view() const { return {m_bytes.get(), m_size}; }

    void drop_front(std::size_t count) {
        std::memmove(m_bytes.get(), m_bytes.get() + count, m_size - count);
        m_size -= count;
    }
    // Room for `count` more bytes, not initialised; commit(n) keeps the first n written.
    char* extend(std::size_t count) {
        if (m_size + count > m_capacity) {
            std::size_t capacity = std::max(m_size + count, 2 * m_capacity);
            auto bytes = std::make_unique_for_overwrite<char[]>(capacity);
            if (m_size > 0)
                std::memcpy(bytes.get(), m_bytes.get(), m_size);
            m_bytes = std::move(bytes);
            m_capacity = capacity;
        }
        return m_bytes.get() + m_size;
    }
    void commit(std::size_t count) { m_size += count; }
    void assign(std::string_view bytes) {
        m_size = 0;
        std::memcpy(extend(bytes.size()), bytes.data(), bytes.size());
        commit(bytes.size());
    }

private:
    std::unique_ptr<char[]> m_bytes;
    std::size_t m_size = 0;
    std::size_t m_capacity = 0;
};

// Physical lines read from a stream a chunk at a time, unfolded into content lines.
class Unfolder {
public:
    /// `first_line` numbers the first line of `in` (a VEVENT's bytes start further in); it is
    /// read `chunk` bytes at a time.
    Unfolder(std::istream& in, const std::string& file, Diagnostics& diagnostics,
             int first_line = 1, std::size_t chunk = chunk_bytes)
        : m_in(in), m_file(file), m_diagnostics(diagnostics), m_chunk(chunk),
          m_line(first_line - 1) {
        fill();
        if (m_buffer.empty()) {
            diagnostics.warn(file, 0, "the file is empty: no calendar in it");
            return;
        }
        if (auto order = detect_utf16(m_buffer)) {
            // Rare enough to be read whole: UTF-16 cannot be split at any byte.
            while (fill()) {
            }
            m_consumed_before = m_buffer.size();
            m_buffer.assign(utf16_to_utf8(m_buffer, *order));
            diagnostics.warn(file, 1,
                             std::string("the file is UTF-16 (") +
                                 (*order == Utf16Order::little_endian ? "little" : "big") +
                                 "-endian), not the UTF-8 of RFC 5545 3.1.4; read as UTF-16");
            m_utf16 = true;
        }
        if (std::string_view(m_buffer).starts_with("\xEF\xBB\xBF"))
            m_pos = 3;
    }

    /// Bytes of the input read so far.
    std::uint64_t bytes_read() const {
        return m_utf16 ? m_consumed_before : m_consumed_before + m_buffer.size();
    }

    // Returns false at the end of input.
    bool next(ContentLine& out) {
        while (more_input() || m_have_pending) {
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
            start_pending(physical, physical_line);
            if (emitted)
                return true;
        }
        return false;
    }

    /// When the content line next() would give is a BEGIN:VEVENT line, the bytes of that
    /// VEVENT through its END line, as far as the first letters of its lines show it to be
    /// plain (see ComponentStream::next); the lines are then consumed. False, and nothing
    /// consumed, otherwise.
    bool take_event(EventBytes& event) {
        read_ahead();
        if (!m_have_pending || m_pending_too_long || m_utf16 ||
            component_marker(m_pending, "BEGIN:") != "VEVENT")
            return false;
        // Offsets are from m_pos, which fill() may move (it drops what was read before it).
        auto available = [this](std::size_t offset) {
            while (m_pos + offset >= m_buffer.size())
                if (!fill())
                    return false;
            return true;
        };
        // The BEGIN line is whole only when the next line does not continue it.
        if (!available(0) || is_folding_blank(m_buffer[m_pos]))
            return false;
        std::size_t offset = 0;
        int lines = 0;
        bool may_continue_marker = false;
        for (;;) {
            if (offset > max_event_bytes)
                return false;
            std::size_t end = line_end(m_buffer, m_pos + offset);
            // A CR at the end of what was read may be the first half of a CRLF.
            while (end == std::string::npos ||
                   (m_buffer[end] == '\r' && end + 1 == m_buffer.size() && !m_eof)) {
                if (!fill()) {
                    if (end == std::string::npos)
                        return false; // the last line has no line end: left to next()
                    break;
                }
                end = line_end(m_buffer, m_pos + offset);
            }
            std::string_view line(m_buffer.data() + m_pos + offset, end - m_pos - offset);
            std::size_t next = end + 1;
            if (m_buffer[end] == '\r' && next < m_buffer.size() && m_buffer[next] == '\n')
                ++next;
            ++lines;
            std::size_t next_offset = next - m_pos;
            if (!line.empty() && is_folding_blank(line[0])) {
                if (may_continue_marker)
                    return false;
            } else if (!line.empty()) {
                switch (marker_of(line)) {
                case Marker::none:
                    may_continue_marker = false;
                    break;
                case Marker::subcomponent:
                    may_continue_marker = true;
                    break;
                case Marker::unusual:
                    return false;
                case Marker::event_end:
                    if (available(next_offset) && is_folding_blank(m_buffer[m_pos + next_offset]))
                        return false;
                    // NUL bytes are removed from lines, which could make one a marker.
                    if (std::memchr(m_buffer.data() + m_pos, '\0', next_offset) != nullptr)
                        return false;
                    event.begin_line = m_pending_line;
                    event.bytes.clear();
                    event.bytes.reserve(m_pending.size() + 2 + next_offset);
                    event.bytes.append(m_pending).append("\r\n");
                    event.bytes.append(m_buffer, m_pos, next_offset);
                    m_pos += next_offset;
                    m_line += lines;
                    m_have_pending = false;
                    m_pending.clear();
                    return true;
                }
            }
            offset = next_offset;
        }
    }

    /// The number of the last physical line read.
    int last_line() const { return m_line; }

private:
    bool more_input() { return m_pos < m_buffer.size() || fill(); }

    // Reads the first physical line of the next content line, if it is not read yet, as
    // next() does.
    void read_ahead() {
        std::string_view physical;
        int physical_line = 0;
        while (!m_have_pending && read_physical(physical, physical_line)) {
            if (physical.find_first_not_of(" \t") == std::string_view::npos)
                continue;
            start_pending(physical, physical_line);
        }
    }

    // `physical` begins the next content line.
    void start_pending(std::string_view physical, int physical_line) {
        m_pending.assign(physical);
        m_pending_line = physical_line;
        m_have_pending = true;
        m_pending_too_long = false;
    }

    // Reads another chunk after what is left unread; false at the end of input.
    bool fill() {
        if (m_eof)
            return false;
        if (m_pos > 0) {
            m_consumed_before += m_pos;
            m_buffer.drop_front(m_pos);
            m_pos = 0;
        }
        m_in.read(m_buffer.extend(m_chunk), static_cast<std::streamsize>(m_chunk));
        auto got = static_cast<std::size_t>(m_in.gcount());
        m_buffer.commit(got);
        if (got == 0 || !m_in)
            m_eof = true;
        return got > 0;
    }

    // The next physical line; its view lasts until the next call. A line longer than the
    // content-line cap is cut there (the rest is read and thrown away), so that one hostile
    // line costs no more memory than the cap.
    bool read_physical(std::string_view& physical, int& physical_line) {
        if (!more_input())
            return false;
        std::size_t end;
        for (;;) {
            end = line_end(m_buffer, m_pos);
            bool cr_at_chunk_end = end != std::string::npos && m_buffer[end] == '\r' &&
                                   end + 1 == m_buffer.size() && !m_eof;
            if (end != std::string::npos && !cr_at_chunk_end)
                break;
            if (end == std::string::npos && m_buffer.size() - m_pos > max_content_line_bytes) {
                return read_overlong(physical, physical_line);
            }
            if (!fill()) {
                end = line_end(m_buffer, m_pos);
                if (end == std::string::npos)
                    end = m_buffer.size();
                break;
            }
        }
        physical = std::string_view(m_buffer).substr(m_pos, end - m_pos);
        physical_line = ++m_line;
        m_pos = end;
        skip_line_end();
        return true;
    }

    void skip_line_end() {
        if (m_pos < m_buffer.size() && m_buffer[m_pos] == '\r') {
            ++m_pos;
            if (m_pos == m_buffer.size())
                fill();
        }
        if (m_pos < m_buffer.size() && m_buffer[m_pos] == '\n')
            ++m_pos;
    }

    bool read_overlong(std::string_view& physical, int& physical_line) {
        m_overlong.assign(m_buffer, m_pos, max_content_line_bytes + 1);
        std::size_t end;
        for (;;) {
            end = line_end(m_buffer, m_pos);
            if (end != std::string::npos)
                break;
            m_pos = m_buffer.size();
            if (!fill())
                break;
        }
        m_pos = end == std::string::npos ? m_buffer.size() : end;
        skip_line_end();
        physical = m_overlong;
        physical_line = ++m_line;
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
        if (std::size_t replaced = repair_utf8(m_pending))
            m_diagnostics.warn(m_file, m_pending_line,
                               "invalid UTF-8 in " + property_name(m_pending) + ": " +
                                   std::to_string(replaced) +
                                   (replaced == 1 ? " byte sequence" : " byte sequences") +
                                   " replaced with U+FFFD");
        out.line = m_pending_line;
        out.text = std::move(m_pending);
        m_pending.clear();
        return true;
    }

    std::istream& m_in;
    const std::string& m_file;
    Diagnostics& m_diagnostics;
    std::size_t m_chunk;
    ReadBuffer m_buffer;
    std::string m_overlong;
    std::uint64_t m_consumed_before = 0;
    bool m_eof = false;
    bool m_utf16 = false;
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

} // namespace

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
    // By hand rather than with find_first_of and isalnum: this runs for every line.
    std::size_t name_end = 0;
    while (line[name_end] != ';' && line[name_end] != ':')
        ++name_end;
    if (name_end == 0)
        return "content line without a property name";
    if (!std::all_of(line.begin(), line.begin() + static_cast<std::ptrdiff_t>(name_end),
                     is_name_char))
        return "invalid character in property name";
    std::string_view parameters = line.substr(name_end, colon - name_end);
    if (parameters.find(";;") != std::string_view::npos || parameters == ";")
        return "empty parameter";
    return {};
}

// One pass over the name and parameters where content_line_problem takes three: this runs for
// every line of every event, and most lines are plain. Anything out of the ordinary is left to
// content_line_problem.
bool is_well_formed(std::string_view line) {
    const std::size_t name_end = ascii::name_length(line);
    if (name_end == 0 || name_end == line.size() ||
        (line[name_end] != ':' && line[name_end] != ';'))
        return content_line_problem(line).empty();
    return parameters_well_formed(line, name_end) == 1;
}

int parameters_well_formed(std::string_view text, std::size_t name_end) {
    if (text[name_end] == ':')
        return 1;
    // The name holds no quote, so quoting starts with the parameters; ";;" counts even inside
    // quotes, as content_line_problem looks for it in the text as written.
    bool quoted = false;
    for (std::size_t i = name_end;; ++i) {
        i = ascii::find_first<'"', ':', ';'>(text, i);
        if (i == std::string_view::npos)
            return -1;
        if (text[i] == '"')
            quoted = !quoted;
        else if (text[i] == ':' && !quoted)
            return i != name_end + 1 ? 1 : 0; // not `NAME;:` (an empty parameter)
        else if (text[i] == ';' && i > name_end && text[i - 1] == ';')
            return 0;
    }
}

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

const ContentLine* ComponentText::find(std::string_view wanted, std::size_t nth) const {
    for (const auto& l : lines)
        if (PropertyName(l.text) == wanted && nth-- == 0)
            return &l;
    return nullptr;
}

int ComponentText::line_of(std::string_view wanted, std::size_t nth) const {
    const ContentLine* found = find(wanted, nth);
    return found ? found->line : begin_line;
}

std::string property_name(std::string_view content_line) {
    std::string name(content_line.substr(0, ascii::property_name_end(content_line)));
    std::transform(name.begin(), name.end(), name.begin(), ascii_upper);
    return name;
}

PropertyName::PropertyName(std::string_view content_line) {
    m_size =
        static_cast<unsigned char>(std::min(ascii::property_name_end(content_line), sizeof m_text));
    for (std::size_t i = 0; i < m_size; ++i)
        m_text[i] = ascii_upper(content_line[i]);
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

namespace {

// A component begun at calendar level or inside another, not yet ended.
struct OpenComponent {
    std::string name;
    int line = 0;
};

// "BEGIN:X-NEST on line 11 has no END:X-NEST (nor do 4999 components inside it)": one
// message for a run of components left open, so that 5000 of them cost one line.
std::string unclosed_message(const std::vector<OpenComponent>& unclosed) {
    const OpenComponent& outer = unclosed.front();
    std::string message = "BEGIN:" + outer.name + " on line " + std::to_string(outer.line) +
                          " has no END:" + outer.name;
    if (unclosed.size() == 2)
        message += " (nor does the " + unclosed.back().name + " inside it, on line " +
                   std::to_string(unclosed.back().line) + ")";
    else if (unclosed.size() > 2)
        message += " (nor do " + std::to_string(unclosed.size() - 1) + " components inside it)";
    return message;
}

// Splits content lines into calendar properties and kept components, and recovers from
// broken structure: see split_calendar.
class ComponentSplitter {
public:
    ComponentSplitter(const std::string& file, Diagnostics& diagnostics,
                      std::vector<ContentLine>& calendar_properties,
                      std::deque<ComponentText>& components)
        : m_file(file), m_diagnostics(diagnostics), m_calendar_properties(calendar_properties),
          m_components(components) {}

    void add(ContentLine&& line) {
        m_last_line = line.line;
        std::string begin = component_marker(line.text, "BEGIN:");
        std::string end = begin.empty() ? component_marker(line.text, "END:") : std::string();
        if (m_in_component && add_to_component(line, begin, end))
            return;
        if (!begin.empty())
            begin_component(std::move(line), begin);
        else if (!end.empty())
            end_component(line, end);
        else if (m_open.size() == 1 && m_open.back().name == "VCALENDAR")
            m_calendar_properties.push_back(std::move(line));
    }

    void finish() {
        if (m_in_component)
            abandon_current(m_last_line, "the file ends first");
        if (m_open.empty())
            return;
        std::string message = unclosed_message(m_open);
        if (m_open.front().name == "VCALENDAR")
            message += "; the file may have been cut short";
        m_diagnostics.warn(m_file, m_last_line, message);
    }

    bool saw_calendar() const { return m_saw_calendar; }

    /// Directly in a VCALENDAR, outside any component: where a VEVENT given as bytes begins.
    bool at_calendar_level() const {
        return !m_in_component && m_open.size() == 1 && m_open.back().name == "VCALENDAR";
    }
    /// For split_event_bytes: as if BEGIN:VCALENDAR had come.
    void assume_calendar() {
        m_open.push_back({"VCALENDAR", 0});
        m_saw_calendar = true;
    }
    /// A VEVENT given as bytes ended on `line`.
    void skipped_to(int line) { m_last_line = line; }
    bool in_component() const { return m_in_component; }

private:
    // Returns false when `line` is not the component's but must be handled at calendar level
    // (after the component was abandoned).
    bool add_to_component(ContentLine& line, const std::string& begin, const std::string& end) {
        if (begin == "VEVENT" || begin == "VCALENDAR" ||
            (begin == "VTIMEZONE" && m_current.name == "VTIMEZONE")) {
            abandon_current(line.line, "BEGIN:" + begin + " on line " + std::to_string(line.line) +
                                           " comes first");
            return false;
        }
        if (end == "VCALENDAR") {
            abandon_current(line.line, "END:VCALENDAR comes first");
            return false;
        }
        if (!begin.empty()) {
            m_sub_open.push_back({{begin, line.line}, m_current.lines.size()});
        } else if (!end.empty()) {
            auto match = std::find_if(m_sub_open.rbegin(), m_sub_open.rend(),
                                      [&](const auto& open) { return open.first.name == end; });
            if (match != m_sub_open.rend()) {
                drop_unclosed(static_cast<std::size_t>(std::distance(match, m_sub_open.rend())),
                              line.line);
                m_sub_open.pop_back();
            } else if (end == m_current.name) {
                // VEVENT and VTIMEZONE do not nest, so their END closes them whatever was
                // left open inside.
                drop_unclosed(0, line.line);
                m_current.lines.push_back(std::move(line));
                close_current();
                return true;
            } else {
                m_diagnostics.warn(m_file, line.line,
                                   "END:" + end + " without BEGIN:" + end + "; line ignored");
                return true;
            }
        }
        m_current.lines.push_back(std::move(line));
        return true;
    }

    // Subcomponents from `keep` on were left open when an END further out came: their BEGIN
    // lines are removed, so that what followed them belongs to the component around them.
    void drop_unclosed(std::size_t keep, int at_line) {
        if (m_sub_open.size() <= keep)
            return;
        std::vector<OpenComponent> unclosed;
        std::vector<std::size_t> indices;
        for (std::size_t i = keep; i < m_sub_open.size(); ++i) {
            unclosed.push_back(m_sub_open[i].first);
            indices.push_back(m_sub_open[i].second);
        }
        m_sub_open.resize(keep);
        m_diagnostics.warn(m_file, at_line,
                           unclosed_message(unclosed) + "; closed by line " +
                               std::to_string(at_line));
        std::size_t next = 0;
        std::size_t index = 0;
        std::erase_if(m_current.lines, [&](const ContentLine&) {
            bool drop = next < indices.size() && indices[next] == index;
            if (drop)
                ++next;
            ++index;
            return drop;
        });
        // Indices of the subcomponents still open are unchanged: they all come before.
    }

    void close_current() {
        m_components.push_back(std::move(m_current));
        m_current = ComponentText{};
        m_sub_open.clear();
        m_in_component = false;
    }

    void abandon_current(int at_line, const std::string& why) {
        std::string uid_text;
        std::string summary;
        for (const auto& l : m_current.lines) {
            auto name = property_name(l.text);
            if (name == "UID")
                uid_text = property_value(l.text);
            else if (name == "SUMMARY")
                summary = property_value(l.text);
        }
        std::string message = "BEGIN:" + m_current.name + " on line " +
                              std::to_string(m_current.begin_line) +
                              " has no END:" + m_current.name + " (" + why + ")";
        if (m_current.name == "VEVENT")
            m_diagnostics.skip_event(
                m_file, at_line, message + "; " + describe_event(summary, uid_text) + " skipped",
                "unterminated");
        else
            m_diagnostics.warn(m_file, at_line, message + "; component ignored");
        m_current = ComponentText{};
        m_sub_open.clear();
        m_in_component = false;
    }

    void begin_component(ContentLine&& line, const std::string& begin) {
        if (begin == "VCALENDAR")
            m_saw_calendar = true;
        if (!is_kept_component(begin)) {
            m_open.push_back({begin, line.line});
            return;
        }
        // RFC 5545 3.6 allows VEVENT and VTIMEZONE only directly in a VCALENDAR; one inside
        // another component is read all the same, as the one left open around it is the
        // likelier mistake.
        if (m_open.empty())
            m_diagnostics.warn(m_file, line.line,
                               "BEGIN:" + begin + " outside of a VCALENDAR; read anyway");
        else if (m_open.back().name != "VCALENDAR")
            m_diagnostics.warn(m_file, line.line,
                               "BEGIN:" + begin + " inside BEGIN:" + m_open.back().name +
                                   " of line " + std::to_string(m_open.back().line) +
                                   ", where RFC 5545 allows none; read anyway");
        m_current = ComponentText{begin, line.line, {}};
        m_current.lines.push_back(std::move(line));
        m_in_component = true;
    }

    void end_component(const ContentLine& line, const std::string& end) {
        auto match = std::find_if(m_open.rbegin(), m_open.rend(),
                                  [&](const OpenComponent& open) { return open.name == end; });
        if (match == m_open.rend()) {
            m_diagnostics.warn(m_file, line.line, "END:" + end + " without BEGIN:" + end);
            return;
        }
        auto first_unclosed = match.base(); // just past the matching BEGIN
        if (first_unclosed != m_open.end())
            m_diagnostics.warn(
                m_file, line.line,
                unclosed_message(std::vector<OpenComponent>(first_unclosed, m_open.end())) +
                    "; closed by END:" + end);
        m_open.erase(std::prev(first_unclosed), m_open.end());
    }

    const std::string& m_file;
    Diagnostics& m_diagnostics;
    std::vector<ContentLine>& m_calendar_properties;
    std::deque<ComponentText>& m_components;
    std::vector<OpenComponent> m_open; // outside kept components, outermost first
    ComponentText m_current;
    bool m_in_component = false;
    // Subcomponents open inside m_current, with the index of their BEGIN line in it.
    std::vector<std::pair<OpenComponent, std::size_t>> m_sub_open;
    bool m_saw_calendar = false;
    int m_last_line = 0;
};

void warn_about_line(const ContentLine& line, const std::string& problem, const std::string& file,
                     Diagnostics& diagnostics) {
    std::string_view shown = std::string_view(line.text).substr(0, 60);
    diagnostics.warn(file, line.line,
                     problem + ": \"" + std::string(shown) +
                         (line.text.size() > 60 ? "...\"" : "\"") +
                         (problem == "empty parameter" ? "; read anyway" : "; line ignored"));
}

} // namespace

struct ComponentStream::Impl {
    Impl(std::istream& in, std::string file_name, Diagnostics& problems)
        : file(std::move(file_name)), diagnostics(problems), unfolder(in, file, problems),
          splitter(file, problems, calendar_properties, ready) {}

    std::string file;
    Diagnostics& diagnostics;
    std::vector<ContentLine> calendar_properties;
    std::deque<ComponentText> ready;
    Unfolder unfolder;
    ComponentSplitter splitter;
    bool finished = false;
    bool any_component = false;
};

ComponentStream::ComponentStream(std::istream& in, std::string file, Diagnostics& diagnostics)
    : m_impl(std::make_unique<Impl>(in, std::move(file), diagnostics)) {}

ComponentStream::~ComponentStream() = default;

namespace {

// A content line's way from the unfolder to the splitter.
void split_line(ContentLine&& line, ComponentSplitter& splitter, const std::string& file,
                Diagnostics& diagnostics) {
    if (is_well_formed(line.text)) {
        splitter.add(std::move(line));
        return;
    }
    if (std::string problem = content_line_problem(line.text); !problem.empty()) {
        warn_about_line(line, problem, file, diagnostics);
        if (problem != "empty parameter")
            return;
    }
    splitter.add(std::move(line));
}

} // namespace

bool ComponentStream::read_line() {
    Impl& s = *m_impl;
    ContentLine line;
    if (!s.unfolder.next(line)) {
        s.splitter.finish();
        s.finished = true;
        if (!s.splitter.saw_calendar() && !s.any_component && s.ready.empty() &&
            s.unfolder.bytes_read() > 0)
            s.diagnostics.warn(s.file, 1, "no BEGIN:VCALENDAR found; not an iCalendar file?");
        return false;
    }
    split_line(std::move(line), s.splitter, s.file, s.diagnostics);
    return true;
}

bool ComponentStream::pop_ready(ComponentText& component) {
    Impl& s = *m_impl;
    if (s.ready.empty())
        return false;
    component = std::move(s.ready.front());
    s.ready.pop_front();
    s.any_component = true;
    return true;
}

bool ComponentStream::next(ComponentText& component) {
    Impl& s = *m_impl;
    while (s.ready.empty() && !s.finished && read_line()) {
    }
    return pop_ready(component);
}

StreamItem ComponentStream::next(ComponentText& component, EventBytes& event) {
    Impl& s = *m_impl;
    // Between components, directly in the VCALENDAR; elsewhere, and for a VEVENT that is not
    // plain, line by line until a component is complete.
    while (s.ready.empty() && !s.finished) {
        if (s.splitter.at_calendar_level() && s.unfolder.take_event(event)) {
            s.splitter.skipped_to(s.unfolder.last_line());
            s.any_component = true;
            return StreamItem::event_bytes;
        }
        if (!read_line())
            break;
    }
    return pop_ready(component) ? StreamItem::component : StreamItem::end;
}

const std::vector<ContentLine>& ComponentStream::calendar_properties() const {
    return m_impl->calendar_properties;
}

std::uint64_t ComponentStream::bytes_read() const {
    return m_impl->unfolder.bytes_read();
}

ComponentText split_event_bytes(const EventBytes& event, const std::string& file,
                                Diagnostics& diagnostics) {
    ViewStream in(event.bytes);
    // In one read: the bytes are all there, and a chunk would be cleared first.
    Unfolder unfolder(in, file, diagnostics, event.begin_line, event.bytes.size() + 1);
    std::vector<ContentLine> no_calendar_properties;
    std::deque<ComponentText> components;
    ComponentSplitter splitter(file, diagnostics, no_calendar_properties, components);
    splitter.assume_calendar();
    ContentLine line;
    while (unfolder.next(line))
        split_line(std::move(line), splitter, file, diagnostics);
    // take_event() hands out only events whose BEGIN and END lines are the only ones that
    // open and close them.
    if (components.size() != 1 || splitter.in_component())
        throw std::logic_error(file + ":" + std::to_string(event.begin_line) +
                               ": a VEVENT read whole was not one component");
    return std::move(components.front());
}

namespace {

// What ComponentSplitter::add takes for a BEGIN or END line (component_marker).
bool is_marker(std::string_view line, std::string_view keyword) {
    return line.size() > keyword.size() &&
           equals_ignoring_case(line.substr(0, keyword.size()), keyword);
}

// The subcomponents open while plain_event_lines reads an event; VALARMs do not nest deeper.
class OpenNames {
public:
    bool push(std::string_view name) {
        if (m_size == m_names.size())
            return false;
        m_names[m_size++] = name;
        return true;
    }
    bool pop(std::string_view name) {
        if (m_size == 0 || m_names[m_size - 1] != name)
            return false;
        --m_size;
        return true;
    }
    bool empty() const { return m_size == 0; }

private:
    std::array<std::string_view, 8> m_names{};
    std::size_t m_size = 0;
};

} // namespace

bool plain_event_lines(const EventBytes& event, std::vector<std::string_view>& lines,
                       std::string& unfolded) {
    const std::string_view bytes = event.bytes;
    lines.clear();
    unfolded.clear();
    // The whole event at once: a valid sequence stays valid when folds (ASCII) are taken out.
    if (!is_valid_utf8(bytes) || std::memchr(bytes.data(), '\0', bytes.size()) != nullptr)
        return false;
    OpenNames open;
    bool ended = false;
    std::string_view pending;
    bool have_pending = false;
    bool folded = false;
    std::size_t folded_from = 0;
    // Unfolder::emit and split_line for the pending line, and the part of
    // ComponentSplitter::add that a plain event meets.
    auto emit = [&]() {
        if (!have_pending)
            return true;
        have_pending = false;
        std::string_view text = folded ? std::string_view(unfolded).substr(folded_from) : pending;
        folded = false;
        if (!is_well_formed(text))
            return false;
        if (lines.empty()) {
            if (text != "BEGIN:VEVENT")
                return false;
        } else if (ended) {
            return false;
        } else if (ascii_upper(text.front()) == 'B' && is_marker(text, "BEGIN:")) {
            std::string_view name = text.substr(6);
            if (!text.starts_with("BEGIN:") || !ascii::is_upper_name(name) || name == "VEVENT" ||
                name == "VCALENDAR" || !open.push(name))
                return false;
        } else if (ascii_upper(text.front()) == 'E' && is_marker(text, "END:")) {
            std::string_view name = text.substr(4);
            if (!text.starts_with("END:") || !ascii::is_upper_name(name))
                return false;
            if (!open.pop(name)) {
                if (!open.empty() || name != "VEVENT")
                    return false;
                ended = true;
            }
        }
        lines.push_back(text);
        return true;
    };
    std::size_t at = 0;
    while (at < bytes.size()) {
        const std::size_t end = line_end(bytes, at);
        if (end == std::string_view::npos)
            return false; // the event's bytes end with its CRLF or LF
        std::string_view physical = bytes.substr(at, end - at);
        at = end + 1;
        // A CR alone ends a line for the Unfolder.
        if (bytes[end] == '\r') {
            if (at == bytes.size() || bytes[at] != '\n')
                return false;
            ++at;
        }
        if (!physical.empty() && is_folding_blank(physical[0])) {
            if (!have_pending)
                return false; // a line that begins with a blank
            if (!folded) {
                if (unfolded.capacity() < bytes.size())
                    unfolded.reserve(bytes.size()); // views into it must stay put
                folded_from = unfolded.size();
                unfolded.append(pending);
                folded = true;
            }
            unfolded.append(physical.substr(1));
            continue;
        }
        if (!emit())
            return false;
        if (physical.find_first_not_of(" \t") == std::string_view::npos)
            continue; // Unfolder::next skips blank lines
        pending = physical;
        have_pending = true;
    }
    return emit() && ended;
}

namespace {

// split_calendar, with plain VEVENTs taken as bytes and split by split_event_bytes or not.
CalendarText split_calendar_text(std::string_view bytes, const std::string& file,
                                 Diagnostics& diagnostics, bool events_as_bytes) {
    ViewStream in(bytes);
    ComponentStream stream(in, file, diagnostics);
    CalendarText result;
    ComponentText component;
    EventBytes event;
    for (;;) {
        StreamItem item = events_as_bytes          ? stream.next(component, event)
                          : stream.next(component) ? StreamItem::component
                                                   : StreamItem::end;
        if (item == StreamItem::end)
            break;
        if (item == StreamItem::event_bytes)
            result.events.push_back(split_event_bytes(event, file, diagnostics));
        else
            (component.name == "VEVENT" ? result.events : result.timezones)
                .push_back(std::move(component));
    }
    result.calendar_properties = stream.calendar_properties();
    return result;
}

} // namespace

CalendarText split_calendar(std::string_view bytes, const std::string& file,
                            Diagnostics& diagnostics) {
    return split_calendar_text(bytes, file, diagnostics, false);
}

CalendarText split_calendar_by_events(std::string_view bytes, const std::string& file,
                                      Diagnostics& diagnostics) {
    return split_calendar_text(bytes, file, diagnostics, true);
}

} // namespace busywork
