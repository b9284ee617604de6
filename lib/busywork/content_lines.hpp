// SPDX-License-Identifier: MIT
#pragma once

#include <busywork/diagnostics.hpp>
#include <cstdint>
#include <istream>
#include <memory>
#include <streambuf>
#include <string>
#include <string_view>
#include <vector>

namespace busywork {

/// One unfolded RFC 5545 content line (3.1) and the physical line it started on (1-based).
struct ContentLine {
    int line = 0;
    std::string text;
};

/// A top-level component of a VCALENDAR (VEVENT or VTIMEZONE), from its BEGIN line to its
/// END line inclusive, subcomponents included.
struct ComponentText {
    std::string name;
    int begin_line = 0;
    std::vector<ContentLine> lines;

    /// The lines joined with CRLF, as libical's parser wants them.
    std::string joined() const;
    /// The line on which property `name` (upper case) appears for the `nth` time (0 is the
    /// first), else `begin_line`.
    int line_of(std::string_view property_name, std::size_t nth = 0) const;
    /// The `nth` content line of property `name` (upper case), or null.
    const ContentLine* find(std::string_view property_name, std::size_t nth = 0) const;
};

/// What the splitter kept of one file: calendar-level properties and the components that
/// busywork reads. VTODO, VJOURNAL, VFREEBUSY and unknown components are left out.
struct CalendarText {
    std::vector<ContentLine> calendar_properties;
    std::vector<ComponentText> timezones;
    std::vector<ComponentText> events;
};

/// Longest unfolded content line accepted; longer lines are reported and dropped, so that a
/// single hostile line cannot make the parser allocate without bound.
inline constexpr std::size_t max_content_line_bytes = 4u << 20;

/// A VEVENT as its bytes in the file, from its BEGIN line through its END line, for
/// split_event_bytes.
struct EventBytes {
    int begin_line = 0;
    std::string bytes;
};

/// What ComponentStream::next gave.
enum class StreamItem { end, component, event_bytes };

/// Reads a calendar from a stream a chunk at a time and gives its VEVENTs and VTIMEZONEs one
/// by one, in the order of the file, so that neither the file nor all its components are
/// ever held in memory at once. Problems go to `diagnostics` as for split_calendar.
class ComponentStream {
public:
    ComponentStream(std::istream& in, std::string file, Diagnostics& diagnostics);
    ~ComponentStream();
    ComponentStream(const ComponentStream&) = delete;
    ComponentStream& operator=(const ComponentStream&) = delete;

    /// The next VEVENT or VTIMEZONE; false at the end of the input.
    bool next(ComponentText& component);
    /// As next(component), but a VEVENT may come as its bytes instead, to be split into
    /// content lines by split_event_bytes, on another thread say: one that begins directly in
    /// the VCALENDAR and whose structure is plain from the first letters of its lines (no
    /// BEGIN:VEVENT, BEGIN:VCALENDAR or END:VCALENDAR inside it, no folded or unusual BEGIN
    /// and END lines, no NUL byte, under a megabyte). For a typical export that is every
    /// event, and this thread only looks for where each one ends.
    StreamItem next(ComponentText& component, EventBytes& event);
    /// Calendar-level properties met so far: all of them once next() has returned false.
    const std::vector<ContentLine>& calendar_properties() const;
    /// Bytes of the input read so far.
    std::uint64_t bytes_read() const;

private:
    bool read_line(); // false at the end of the input
    bool pop_ready(ComponentText& component);

    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// An input stream over bytes in memory, without copying them.
class ViewStream : private std::streambuf, public std::istream {
public:
    explicit ViewStream(std::string_view bytes) : std::istream(static_cast<std::streambuf*>(this)) {
        char* first = const_cast<char*>(bytes.data()); // only ever read
        setg(first, first, first + bytes.size());
    }
};

/// Splits raw file bytes into content lines and components. Accepts a UTF-8 BOM, CRLF, LF and
/// CR-only line ends, and folding with space or tab. Structural problems (an event without
/// END, an END without BEGIN, overlong lines, NUL bytes) go to `diagnostics`; an unterminated
/// event is skipped and counted.
CalendarText split_calendar(std::string_view bytes, const std::string& file,
                            Diagnostics& diagnostics);

/// The VEVENT that ComponentStream::next(component, event) gave as `event`, as next(component)
/// would have given it, with the same problems in `diagnostics`, in the same order.
ComponentText split_event_bytes(const EventBytes& event, const std::string& file,
                                Diagnostics& diagnostics);

/// The content lines split_event_bytes would give `event`, without copying them: as views
/// into its bytes, or into `unfolded` for folded ones. Only when splitting would report
/// nothing and the event is written plainly: valid UTF-8 without NUL bytes, CRLF or LF line
/// ends, every line well-formed, `BEGIN:VEVENT` first and `END:VEVENT` last, its
/// subcomponents' BEGIN and END lines in upper case and nested in order. False otherwise,
/// and the event is for split_event_bytes. The views last while `event` and `unfolded` do
/// and are not changed.
bool plain_event_lines(const EventBytes& event, std::vector<std::string_view>& lines,
                       std::string& unfolded);

/// As split_calendar, with the VEVENTs that ComponentStream gives as bytes split by
/// split_event_bytes: the same result, which tests compare.
CalendarText split_calendar_by_events(std::string_view bytes, const std::string& file,
                                      Diagnostics& diagnostics);

/// What is wrong with the structure of a content line (RFC 5545 3.1: name *(";" param) ":"
/// value), or nothing: a missing colon, an unbalanced quote, a missing or invalid name, an
/// empty parameter.
std::string content_line_problem(std::string_view line);

/// Whether content_line_problem(line) is empty, found faster for the plain lines that most are.
bool is_well_formed(std::string_view line);

/// is_well_formed's look at the parameters of a line whose name ends at `name_end`, before a
/// ';' or ':': 1 when the line is well-formed, 0 when it is not, -1 when `text` ends before
/// the colon that starts the value (a continuation line may hold the rest).
int parameters_well_formed(std::string_view text, std::size_t name_end);

/// The property name of a content line, upper-cased: `DTSTART` for `dtstart;TZID=x:...`.
std::string property_name(std::string_view content_line);

/// property_name without allocating, for the passes that look at every line of an event: the
/// name upper-cased in place, cut at 63 bytes (longer than any name it is compared with).
class PropertyName {
public:
    explicit PropertyName(std::string_view content_line);
    std::string_view view() const { return {m_text, m_size}; }
    operator std::string_view() const { return view(); }
    friend bool operator==(const PropertyName& a, std::string_view b) { return a.view() == b; }

private:
    char m_text[63];
    unsigned char m_size = 0;
};

/// The value of a content line: the text after the first colon outside quoted parameters.
std::string_view property_value(std::string_view content_line);

} // namespace busywork
