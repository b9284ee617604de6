// SPDX-License-Identifier: MIT
#include <algorithm>
#include <array>
#include <busywork/ascii_bytes.hpp>
#include <busywork/domains.hpp>
#include <busywork/event_prescan.hpp>
#include <busywork/text_encoding.hpp>
#include <cstring>
#include <initializer_list>
#include <span>
#include <string_view>

namespace busywork {
namespace {

using std::string_view;

// What a content line is to the pre-scan.
enum class Property {
    other,
    begin,
    end,
    dtstart,
    dtend,
    duration,
    uid,
    summary,
    location,
    status,
    transp,
    sequence,
    organizer,
    attendee,
    recurrence_id,
    recurrence, // RRULE, RDATE, EXRULE, EXDATE
};

// By length first: this runs for every line of every event, most of which are none of these.
Property property_of(string_view name) {
    struct Known {
        string_view name;
        Property property;
    };
    // The last letters tell most names of one length apart (DTSTART, DTSTAMP) without a
    // call to compare them whole.
    auto among = [name](std::initializer_list<Known> known) {
        for (const auto& k : known)
            if (k.name.back() == name.back() && k.name.front() == name.front() && k.name == name)
                return k.property;
        return Property::other;
    };
    switch (name.size()) {
    case 3:
        return among({{"UID", Property::uid}, {"END", Property::end}});
    case 5:
        return among({{"BEGIN", Property::begin},
                      {"DTEND", Property::dtend},
                      {"RRULE", Property::recurrence},
                      {"RDATE", Property::recurrence}});
    case 6:
        return among({{"STATUS", Property::status},
                      {"TRANSP", Property::transp},
                      {"EXRULE", Property::recurrence},
                      {"EXDATE", Property::recurrence}});
    case 7:
        return among({{"DTSTART", Property::dtstart}, {"SUMMARY", Property::summary}});
    case 8:
        return among({{"DURATION", Property::duration},
                      {"LOCATION", Property::location},
                      {"SEQUENCE", Property::sequence},
                      {"ATTENDEE", Property::attendee}});
    case 9:
        return among({{"ORGANIZER", Property::organizer}});
    case 13:
        return among({{"RECURRENCE-ID", Property::recurrence_id}});
    default:
        return Property::other;
    }
}

using ascii::is_control;
using ascii::is_lower;
using ascii::is_name_char;
using ascii::property_name_end;

bool is_blank(char c) {
    return c == ' ' || c == '\t';
}

// What each byte may be to the pre-scan, looked up rather than compared a few times over: every
// line of every event is read here, and people's parameters are most of an export's bytes.
enum ByteClass : unsigned char {
    name_byte = 1,      // of a property or parameter name
    ends_value = 2,     // of an unquoted parameter value: controls ; : , "
    not_in_address = 4, // controls \ "
    control_byte = 8,
};

constexpr std::array<unsigned char, 256> byte_classes = [] {
    std::array<unsigned char, 256> table{};
    for (int c = 0; c < 256; ++c) {
        char byte = static_cast<char>(c);
        unsigned char& classes = table[static_cast<std::size_t>(c)];
        if (is_name_char(byte))
            classes |= name_byte;
        if (is_control(byte) || byte == ';' || byte == ':' || byte == ',' || byte == '"')
            classes |= ends_value;
        if (is_control(byte) || byte == '\\' || byte == '"')
            classes |= not_in_address;
        if (is_control(byte))
            classes |= control_byte;
    }
    return table;
}();

bool has(char c, ByteClass wanted) {
    return (byte_classes[static_cast<unsigned char>(c)] & wanted) != 0;
}

std::string ascii_upper(string_view text) {
    std::string out(text);
    for (char& c : out)
        if (is_lower(c))
            c = static_cast<char>(c - 'a' + 'A');
    return out;
}

// One parameter as written; `value` without its quotes.
struct Parameter {
    string_view name;
    string_view value;
    bool quoted = false;
    bool several = false; // a list of values
};

// The parameters of `line` from `at` (its first `;` or `:`) to the colon before the value,
// where `at` is left just after the colon. RFC 5545 3.1: param-name "=" param-value
// *("," param-value), a value quoted or without `";:,` and controls. False when anything
// is out of the ordinary, including an empty unquoted value.
template <typename Each>
bool read_parameters(string_view line, std::size_t& at, Each&& each) {
    while (at < line.size() && line[at] == ';') {
        Parameter p;
        std::size_t name_start = ++at;
        while (at < line.size() && has(line[at], name_byte))
            ++at;
        if (at == name_start || at >= line.size() || line[at] != '=')
            return false;
        p.name = line.substr(name_start, at - name_start);
        for (bool first = true;; first = false) {
            ++at; // past '=' or ','
            if (!first)
                p.several = true;
            if (at < line.size() && line[at] == '"') {
                std::size_t close = line.find('"', at + 1);
                if (close == string_view::npos)
                    return false;
                string_view v = line.substr(at + 1, close - at - 1);
                if (std::any_of(v.begin(), v.end(), [](char c) { return has(c, control_byte); }))
                    return false;
                if (first) {
                    p.value = v;
                    p.quoted = true;
                }
                at = close + 1;
            } else {
                std::size_t start = at;
                while (at < line.size() && !has(line[at], ends_value))
                    ++at;
                if (at == start)
                    return false;
                if (first)
                    p.value = line.substr(start, at - start);
            }
            if (at < line.size() && line[at] == ',')
                continue;
            break;
        }
        if (!each(p))
            return false;
    }
    if (at >= line.size() || line[at] != ':')
        return false;
    ++at;
    return true;
}

bool digits(string_view text, std::size_t from, std::size_t count, int& out) {
    if (from + count > text.size())
        return false;
    out = 0;
    for (std::size_t i = from; i < from + count; ++i) {
        if (text[i] < '0' || text[i] > '9')
            return false;
        out = out * 10 + (text[i] - '0');
    }
    return true;
}

// A DTSTART or DTEND line; see read_plain_event, 3 and 6.
std::optional<DateTimeValue> read_time(string_view line, std::size_t at) {
    string_view tzid;
    string_view value_type;
    bool ok = read_parameters(line, at, [&](const Parameter& p) {
        if (p.several)
            return false;
        if (p.name == "TZID" && tzid.empty()) {
            tzid = p.value;
            return !tzid.empty() && !is_blank(tzid.front()) && !is_blank(tzid.back());
        }
        if (p.name == "VALUE" && value_type.empty() && !p.quoted) {
            value_type = p.value;
            return value_type == "DATE" || value_type == "DATE-TIME";
        }
        return false;
    });
    if (!ok)
        return std::nullopt;
    string_view value = line.substr(at);
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (!digits(value, 0, 4, year) || !digits(value, 4, 2, month) || !digits(value, 6, 2, day))
        return std::nullopt;
    date::year_month_day ymd{date::year{year}, date::month{static_cast<unsigned>(month)},
                             date::day{static_cast<unsigned>(day)}};
    if (year < 1 || !ymd.ok())
        return std::nullopt;
    DateTimeValue v;
    if (value.size() == 8) {
        if (value_type == "DATE-TIME" || !tzid.empty())
            return std::nullopt;
        v.form = TimeForm::date;
        v.local = LocalTime{date::local_days{ymd}};
        return v;
    }
    bool utc = value.size() == 16 && value.back() == 'Z';
    if ((value.size() != 15 && !utc) || value[8] != 'T' || value_type == "DATE" ||
        (utc && !tzid.empty()) || !digits(value, 9, 2, hour) || !digits(value, 11, 2, minute) ||
        !digits(value, 13, 2, second) || hour > 23 || minute > 59 || second > 59)
        return std::nullopt;
    v.local = LocalTime{date::local_days{ymd}} + std::chrono::hours{hour} +
              std::chrono::minutes{minute} + std::chrono::seconds{second};
    v.form = utc ? TimeForm::utc : tzid.empty() ? TimeForm::floating : TimeForm::zoned;
    v.tzid = std::string(tzid);
    return v;
}

// Reads `P1W`, `P2D`, `PT1H30M`, `P1DT2H`: RFC 5545 3.3.6 without sign, each number at most
// six digits. libical keeps the parts as written (PT90M is 90 minutes, not 1 h 30 min).
std::optional<NominalDuration> read_duration(string_view line, std::size_t at) {
    if (!read_parameters(line, at, [](const Parameter&) { return false; }))
        return std::nullopt;
    string_view v = line.substr(at);
    if (v.size() < 3 || v[0] != 'P')
        return std::nullopt;
    std::size_t i = 1;
    auto number = [&](long long& out) {
        std::size_t start = i;
        out = 0;
        while (i < v.size() && v[i] >= '0' && v[i] <= '9' && i - start < 6)
            out = out * 10 + (v[i++] - '0');
        return i > start && i < v.size() && !(v[i] >= '0' && v[i] <= '9');
    };
    NominalDuration d;
    long long n = 0;
    std::size_t mark = i;
    if (v[i] != 'T') {
        if (!number(n))
            return std::nullopt;
        if (v[i] == 'W') {
            if (i + 1 != v.size())
                return std::nullopt;
            d.days = static_cast<int>(n * 7);
        } else if (v[i] == 'D') {
            d.days = static_cast<int>(n);
        } else {
            return std::nullopt;
        }
        ++i;
    }
    if (i < v.size()) {
        if (v[i] != 'T' || i + 1 == v.size())
            return std::nullopt;
        ++i;
        long long seconds = 0;
        for (char unit : {'H', 'M', 'S'}) {
            if (i == v.size())
                break;
            mark = i;
            if (!number(n))
                return std::nullopt;
            if (v[i] != unit) {
                i = mark; // a later unit, or garbage: tried again below
                continue;
            }
            seconds += n * (unit == 'H' ? 3600 : unit == 'M' ? 60 : 1);
            ++i;
        }
        if (i != v.size())
            return std::nullopt;
        d.exact = std::chrono::seconds{seconds};
    }
    // libical's reading wraps around in ints, and read_calendar skips events over ten years.
    if (d.days * 86400.0 + static_cast<double>(d.exact.count()) > 10 * 366 * 86400.0)
        return std::nullopt;
    return d;
}

// TEXT (RFC 5545 3.3.11) as libical gives it; see read_plain_event, 5.
std::optional<std::string> read_text(string_view line, std::size_t at) {
    bool ok = read_parameters(line, at, [](const Parameter& p) {
        return p.name == "LANGUAGE" || p.name == "ALTREP" || p.name.starts_with("X-");
    });
    if (!ok)
        return std::nullopt;
    string_view raw = line.substr(at);
    if (!raw.empty() && (is_blank(raw.front()) || is_blank(raw.back())))
        return std::nullopt;
    // Most titles have no escape: those are copied whole.
    auto special = [](char c) { return has(c, control_byte) || c == '\\'; };
    const auto first_special = std::find_if(raw.begin(), raw.end(), special);
    std::string text(raw.begin(), first_special);
    for (auto i = static_cast<std::size_t>(first_special - raw.begin()); i < raw.size(); ++i) {
        char c = raw[i];
        if (is_control(c))
            return std::nullopt;
        if (c != '\\') {
            text += c;
            continue;
        }
        if (++i == raw.size())
            return std::nullopt;
        switch (raw[i]) {
        case '\\':
        case ',':
        case ';':
            text += raw[i];
            break;
        case 'n':
        case 'N':
            text += '\n';
            break;
        default:
            return std::nullopt;
        }
    }
    return text;
}

// A value without parameters that must be one of `allowed`.
std::optional<std::string> read_keyword(string_view line, std::size_t at,
                                        std::initializer_list<string_view> allowed) {
    if (!read_parameters(line, at, [](const Parameter&) { return false; }))
        return std::nullopt;
    string_view v = line.substr(at);
    if (std::find(allowed.begin(), allowed.end(), v) == allowed.end())
        return std::nullopt;
    return std::string(v);
}

std::optional<std::string> read_uid(string_view line, std::size_t at) {
    if (!read_parameters(line, at, [](const Parameter&) { return false; }))
        return std::nullopt;
    string_view v = line.substr(at);
    if (v.empty())
        return std::nullopt;
    for (char c : v)
        if (is_control(c) || c == ' ' || c == '\\' || c == ',' || c == ';' || c == '"')
            return std::nullopt;
    return std::string(v);
}

std::optional<int> read_sequence(string_view line, std::size_t at) {
    if (!read_parameters(line, at, [](const Parameter&) { return false; }))
        return std::nullopt;
    string_view v = line.substr(at);
    int n = 0;
    if (v.empty() || v.size() > 9 || !digits(v, 0, v.size(), n))
        return std::nullopt;
    return n;
}

bool one_of(string_view value, std::span<const string_view> allowed) {
    return std::find(allowed.begin(), allowed.end(), value) != allowed.end();
}

// The values RFC 5545 3.2 gives these parameters, as libical writes them back.
constexpr std::array<string_view, 5> partstats{"NEEDS-ACTION", "ACCEPTED", "DECLINED", "TENTATIVE",
                                               "DELEGATED"};
constexpr std::array<string_view, 5> cutypes{"INDIVIDUAL", "GROUP", "RESOURCE", "ROOM", "UNKNOWN"};
constexpr std::array<string_view, 4> roles{"CHAIR", "REQ-PARTICIPANT", "OPT-PARTICIPANT",
                                           "NON-PARTICIPANT"};
constexpr std::array<string_view, 2> booleans{"TRUE", "FALSE"};

// An ORGANIZER or ATTENDEE as read_attendee in ics_reader.cpp gives it. A stand-in's
// (`whole` false) has no CN and ROLE and lets any well-formed parameter by; a whole one
// (read_plain_person) knows every parameter it lets by.
std::optional<Attendee> read_person(string_view line, std::size_t at, bool whole) {
    Attendee a;
    bool ok = read_parameters(line, at, [&](const Parameter& p) {
        // Compared without upper-casing a copy: this runs for every parameter of every person.
        auto is = [&p](string_view upper) {
            return p.name.size() == upper.size() &&
                   std::equal(upper.begin(), upper.end(), p.name.begin(), [](char u, char c) {
                       return u == (is_lower(c) ? static_cast<char>(c - 'a' + 'A') : c);
                   });
        };
        const bool upper_case = std::none_of(p.name.begin(), p.name.end(), is_lower);
        if (is("VALUE"))
            return false;
        Shared<std::string>* field = nullptr;
        std::span<const string_view> allowed;
        if (is("PARTSTAT")) {
            field = &a.partstat;
            allowed = partstats;
        } else if (is("CUTYPE")) {
            field = &a.cutype;
            allowed = cutypes;
        } else if (!whole) {
            return true;
        } else if (is("ROLE")) {
            field = &a.role;
            allowed = roles;
        } else if (is("CN")) {
            field = &a.common_name;
        } else if (!upper_case || p.several) {
            return false;
        } else if (p.name == "RSVP") {
            return !p.quoted && one_of(p.value, booleans);
        } else {
            // libical keeps X- parameters aside; others it knows may hold values it rewrites.
            return p.name.starts_with("X-");
        }
        if (!upper_case || p.several || !field->empty())
            return false;
        if (field == &a.common_name) {
            // RFC 6868 escapes (^n, ^', ^^) and backslashes are libical's to read.
            if (p.value.empty() || p.value.find_first_of("^\\") != string_view::npos)
                return false;
        } else if (p.quoted || !one_of(p.value, allowed)) {
            return false;
        }
        *field = std::string(p.value);
        return true;
    });
    if (!ok)
        return std::nullopt;
    string_view v = line.substr(at);
    if (v.empty() || is_blank(v.front()) || is_blank(v.back()))
        return std::nullopt;
    if (std::any_of(v.begin(), v.end(), [](char c) { return has(c, not_in_address); }))
        return std::nullopt;
    a.address = normalized_address(v);
    return a;
}

// The lines of the VEVENT's own properties that matter, found in one pass.
struct Found {
    const string_view* dtstart = nullptr;
    const string_view* dtend = nullptr;
    const string_view* duration = nullptr;
    const string_view* uid = nullptr;
    const string_view* summary = nullptr;
    const string_view* location = nullptr;
    const string_view* status = nullptr;
    const string_view* transp = nullptr;
    const string_view* sequence = nullptr;
    const string_view* organizer = nullptr;
    const string_view* recurrence_id = nullptr;
    std::vector<const string_view*> attendees;
};

// Notes `l`, a line of the VEVENT's own named `property`, in `found`; false when the event
// must go to libical (read_plain_event, 1 and 2).
bool note_property(Property property, const string_view& l, Found& found) {
    auto once = [&l](const string_view*& slot) {
        if (slot)
            return false;
        slot = &l;
        return true;
    };
    switch (property) {
    case Property::recurrence:
        return false;
    case Property::dtstart:
        return once(found.dtstart);
    case Property::dtend:
        return once(found.dtend);
    case Property::duration:
        return once(found.duration);
    case Property::uid:
        return once(found.uid);
    case Property::summary:
        return once(found.summary);
    case Property::location:
        return once(found.location);
    case Property::status:
        return once(found.status);
    case Property::transp:
        return once(found.transp);
    case Property::sequence:
        return once(found.sequence);
    case Property::organizer:
        return once(found.organizer);
    case Property::recurrence_id:
        return once(found.recurrence_id);
    case Property::attendee:
        found.attendees.push_back(&l);
        return true;
    default:
        return true;
    }
}

// Whether what was found makes a record (read_plain_event, 2).
bool is_complete(const Found& found) {
    return found.dtstart && !(found.dtend && found.duration);
}

// False when the event must go to libical (read_plain_event, 1, 2 and 7).
bool find_properties(std::span<const string_view> lines, Found& found) {
    if (lines.size() < 2 || lines.front() != "BEGIN:VEVENT" || lines.back() != "END:VEVENT")
        return false;
    int depth = 0; // of subcomponents (VALARM ...), whose properties are not the event's
    for (std::size_t i = 1; i + 1 < lines.size(); ++i) {
        const string_view& l = lines[i];
        string_view name = l.substr(0, property_name_end(l));
        Property property = property_of(name);
        if (property == Property::other) {
            if (std::any_of(name.begin(), name.end(), is_lower) &&
                property_of(ascii_upper(name)) != Property::other)
                return false;
            continue;
        }
        if (property == Property::begin) {
            ++depth;
            continue;
        }
        if (property == Property::end) {
            if (--depth < 0)
                return false;
            continue;
        }
        if (depth > 0)
            continue;
        if (!note_property(property, l, found))
            return false;
    }
    return depth == 0 && is_complete(found);
}

std::size_t after_name(const string_view* line) {
    return property_name_end(*line);
}

// The times of the event; false when they cannot be read for certain.
bool read_times(const Found& found, EventRecord& e) {
    e.dtstart = read_time(*found.dtstart, after_name(found.dtstart));
    if (!e.dtstart)
        return false;
    if (found.dtend) {
        e.dtend = read_time(*found.dtend, after_name(found.dtend));
        if (!e.dtend)
            return false;
    }
    if (found.duration) {
        e.duration = read_duration(*found.duration, after_name(found.duration));
        if (!e.duration)
            return false;
    }
    // Only TZID and VALUE are let by, as for DTSTART: RANGE=THISANDFUTURE, which moves every
    // later instance, is libical's to read.
    if (found.recurrence_id) {
        e.recurrence_id = read_time(*found.recurrence_id, after_name(found.recurrence_id));
        if (!e.recurrence_id)
            return false;
    }
    return true;
}

// A SUMMARY, LOCATION, STATUS or TRANSP line as read_rest reads it.
std::optional<std::string> read_text_line(string_view line) {
    const std::size_t at = property_name_end(line);
    const string_view name = line.substr(0, at);
    if (name == "STATUS")
        return read_keyword(line, at, {"TENTATIVE", "CONFIRMED", "CANCELLED"});
    if (name == "TRANSP")
        return read_keyword(line, at, {"OPAQUE", "TRANSPARENT"});
    return read_text(line, at);
}

// The rest of the record; false when any of it cannot be read for certain.
bool read_rest(const Found& found, EventRecord& e, SeenLines* seen) {
    auto person_of = [seen](const string_view* line) {
        return seen ? seen->person(*line) : read_person(*line, after_name(line), false);
    };
    auto text_of = [seen](const string_view* line, Shared<std::string>& out) {
        if (!line)
            return true;
        if (seen) {
            auto text = seen->text(*line);
            if (text)
                out = std::move(*text);
            return text.has_value();
        }
        auto text = read_text_line(*line);
        if (text)
            out = std::move(*text);
        return text.has_value();
    };
    if (found.uid) {
        auto uid = read_uid(*found.uid, after_name(found.uid));
        if (!uid)
            return false;
        e.uid = std::move(*uid);
    }
    if (!text_of(found.summary, e.summary) || !text_of(found.location, e.location) ||
        !text_of(found.status, e.status) || !text_of(found.transp, e.transp))
        return false;
    if (found.sequence) {
        auto sequence = read_sequence(*found.sequence, after_name(found.sequence));
        if (!sequence)
            return false;
        e.sequence = *sequence;
    }
    if (found.organizer) {
        e.organizer = person_of(found.organizer);
        if (!e.organizer)
            return false;
    }
    std::vector<Attendee> attendees;
    attendees.reserve(found.attendees.size());
    for (const string_view* line : found.attendees) {
        auto person = person_of(line);
        if (!person)
            return false;
        attendees.push_back(std::move(*person));
    }
    e.attendees = std::move(attendees);
    return true;
}

// The record of what find_properties found, when it is a stand-in's.
std::optional<EventRecord> read_found(const Found& found, int begin_line,
                                      const TimeWindow* outside_of, SeenLines* seen) {
    EventRecord e;
    e.line = begin_line;
    if (!read_times(found, e) || (outside_of && may_touch(e, *outside_of)) ||
        !read_rest(found, e, seen))
        return std::nullopt;
    e.stand_in = true;
    return e;
}

std::optional<EventRecord> read(std::span<const string_view> lines, int begin_line,
                                const TimeWindow* outside_of, SeenLines* seen = nullptr) {
    Found found;
    if (!find_properties(lines, found))
        return std::nullopt;
    return read_found(found, begin_line, outside_of, seen);
}

std::optional<EventRecord> read(const ComponentText& event, const TimeWindow* outside_of) {
    std::vector<string_view> lines;
    lines.reserve(event.lines.size());
    for (const ContentLine& line : event.lines)
        lines.push_back(line.text);
    return read(lines, event.begin_line, outside_of);
}

} // namespace

std::optional<EventRecord> read_plain_event(const ComponentText& event) {
    return read(event, nullptr);
}

bool may_touch(const EventRecord& event, const TimeWindow& window) {
    using std::chrono::hours;
    auto written = [](const DateTimeValue& v) { return Instant{v.local.time_since_epoch()}; };
    Instant start = written(*event.dtstart);
    // A day more than the span as written: all-day spans count whole days, and nominal days
    // are an hour longer across a clock change.
    Instant end = start;
    if (event.dtend)
        end = std::max(start, written(*event.dtend));
    else if (event.duration)
        end = start + hours{24} * event.duration->days + event.duration->exact;
    else if (event.dtstart->form == TimeForm::date)
        end = start + hours{24}; // RFC 5545 3.6.1: an all-day event without end lasts the day
    end += hours{24};
    auto near = [&window](Instant from, Instant to) {
        return to + prescan_slack > window.from && from - prescan_slack < window.to;
    };
    // An override's own times decide whether it is shown; the instance it replaces is found
    // by its RECURRENCE-ID, read exactly, wherever that is. One near the window is kept all
    // the same, so that every override that matters to the window is libical's reading.
    if (event.recurrence_id) {
        Instant replaced = written(*event.recurrence_id);
        if (near(replaced, replaced + hours{24}))
            return true;
    }
    return near(start, end);
}

std::optional<Attendee> read_plain_person(std::string_view line) {
    std::size_t at = property_name_end(line);
    string_view name = line.substr(0, at);
    if (name != "ORGANIZER" && name != "ATTENDEE")
        return std::nullopt;
    return read_person(line, at, true);
}

std::optional<EventRecord> stand_in_outside(const ComponentText& event, const TimeWindow& window) {
    return read(event, &window);
}

std::optional<EventRecord> stand_in_outside(std::span<const string_view> lines, int begin_line,
                                            const TimeWindow& window, SeenLines* seen) {
    return read(lines, begin_line, &window, seen);
}

template <class Value, class Read>
std::optional<Value> SeenLines::remember(ByLine<Value>& seen, std::string_view line, Read read) {
    // Long lines are rare and would make the memory kept depend on the input; a file of
    // all different lines gives up remembering now and then for the same reason.
    constexpr std::size_t longest_kept = 512;
    constexpr std::size_t most_kept = 8192;
    if (line.size() > longest_kept)
        return read(line);
    if (auto it = seen.find(line); it != seen.end())
        return it->second;
    if (seen.size() == most_kept)
        seen.clear();
    return seen.emplace(std::string(line), read(line)).first->second;
}

std::optional<Attendee> SeenLines::person(std::string_view line) {
    return remember(m_people, line,
                    [](string_view l) { return read_person(l, property_name_end(l), false); });
}

std::optional<Shared<std::string>> SeenLines::text(std::string_view line) {
    auto read = [](string_view l) -> std::optional<Shared<std::string>> {
        if (auto text = read_text_line(l))
            return Shared<std::string>(std::move(*text));
        return std::nullopt;
    };
    constexpr std::size_t most_keywords = 16;
    if (line.size() <= 24 && (line.starts_with("STATUS") || line.starts_with("TRANSP"))) {
        for (const auto& [seen_line, reading] : m_keywords)
            if (seen_line == line)
                return reading;
        if (m_keywords.size() < most_keywords) {
            m_keywords.emplace_back(std::string(line), read(line));
            return m_keywords.back().second;
        }
    }
    return remember(m_texts, line, read);
}

StandInScanner::Scan StandInScanner::scan(const EventBytes& event, const TimeWindow& window) {
    Scan result;
    const string_view bytes = event.bytes;
    if (!is_valid_utf8(bytes) || std::memchr(bytes.data(), '\0', bytes.size()) != nullptr)
        return result;
    if (m_unfolded.capacity() < bytes.size())
        m_unfolded.reserve(bytes.size()); // the views into it must stay put
    m_unfolded.clear();
    m_read.clear();
    std::array<string_view, 8> open{}; // subcomponents open, as plain_event_lines allows
    std::size_t depth = 0;
    bool begun = false;
    bool ended = false;
    bool refused = false; // a line that makes the event libical's
    std::size_t at = 0;
    // Where the physical line from `from` ends, and where the next one begins; false for a CR
    // alone (a line end of its own to the Unfolder) or a line without an end.
    ascii::LineEnds line_ends(bytes);
    auto physical_end = [&](std::size_t from, std::size_t& end, std::size_t& next) {
        end = line_ends.next(from);
        if (end == string_view::npos)
            return false;
        next = end + 1;
        if (bytes[end] == '\r') {
            if (next == bytes.size() || bytes[next] != '\n')
                return false;
            ++next;
        }
        return true;
    };
    while (at < bytes.size()) {
        std::size_t end = 0;
        std::size_t next = 0;
        if (!physical_end(at, end, next) || end == at || is_blank(bytes[at]) || ended)
            return result;
        const string_view first = bytes.substr(at, end - at);
        // The continuation lines, if any.
        std::size_t logical_next = next;
        while (logical_next < bytes.size() && is_blank(bytes[logical_next])) {
            std::size_t continuation_end = 0;
            if (!physical_end(logical_next, continuation_end, logical_next))
                return result;
        }
        const bool folded = logical_next != next;
        auto unfolded = [&]() {
            const std::size_t from = m_unfolded.size();
            m_unfolded.append(first);
            for (std::size_t c = next; c < logical_next;) {
                std::size_t c_end = 0;
                std::size_t c_next = 0;
                physical_end(c, c_end, c_next);
                m_unfolded.append(bytes.substr(c + 1, c_end - c - 1));
                c = c_next;
            }
            return string_view(m_unfolded).substr(from);
        };
        at = logical_next;

        // A name in lower case, even in part, is left to the others (find_properties reads
        // `dtstart` as libical's, say).
        const std::size_t name_end = ascii::upper_name_length(first);
        if (name_end == 0 || name_end == first.size() ||
            (first[name_end] != ':' && first[name_end] != ';'))
            return result;
        const string_view name = first.substr(0, name_end);
        const Property property = property_of(name);
        const bool marker = property == Property::begin || property == Property::end;
        const bool read = !marker && property != Property::other && depth == 0;
        string_view text = first;
        int well_formed = folded && read           ? -1
                          : first[name_end] == ':' ? 1
                                                   : parameters_well_formed(first, name_end);
        if (folded && well_formed < 0) {
            text = unfolded();
            well_formed = parameters_well_formed(text, name_end);
        }
        if (well_formed != 1)
            return result;
        if (!begun) {
            if (folded || text != "BEGIN:VEVENT")
                return result;
            begun = true;
            continue;
        }
        if (marker) {
            // As plain_event_lines takes BEGIN and END lines; others named so are left to it.
            const std::size_t keyword = property == Property::begin ? 6 : 4;
            if (folded || text[name_end] != ':' || text.size() <= keyword)
                return result;
            const string_view component = text.substr(keyword);
            if (!ascii::is_upper_name(component))
                return result;
            if (property == Property::begin) {
                if (component == "VEVENT" || component == "VCALENDAR" || depth == open.size())
                    return result;
                open[depth++] = component;
            } else if (depth > 0 && open[depth - 1] == component) {
                --depth;
            } else if (depth == 0 && component == "VEVENT") {
                ended = true;
            } else {
                return result;
            }
            continue;
        }
        if (read && !refused) {
            if (property == Property::recurrence)
                refused = true;
            else
                m_read.emplace_back(static_cast<unsigned char>(property), text);
        }
    }
    if (!ended)
        return result;
    // The event is plain: from here on, the verdict is stand_in_outside's.
    result.verdict = Verdict::read_by_libical;
    if (refused)
        return result;
    Found found;
    for (const auto& [property, line] : m_read)
        if (!note_property(static_cast<Property>(property), line, found))
            return result;
    if (!is_complete(found))
        return result;
    if (auto record = read_found(found, event.begin_line, &window, &m_seen)) {
        result.verdict = Verdict::stand_in;
        result.record = std::move(*record);
    }
    return result;
}

} // namespace busywork
