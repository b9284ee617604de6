// SPDX-License-Identifier: MIT
#include <algorithm>
#include <array>
#include <busywork/content_lines.hpp>
#include <busywork/domains.hpp>
#include <busywork/error.hpp>
#include <busywork/event_prescan.hpp>
#include <busywork/ics_reader.hpp>
#include <busywork/libical_errors.hpp>
#include <busywork/recurrence_rule.hpp>
#include <busywork/vtimezone.hpp>
#include <deque>
#include <filesystem>
#include <fstream>
#include <future>
#include <iostream>
#include <iterator>
#include <libical/ical.h>
#include <memory>
#include <sstream>
#include <thread>

namespace busywork {
namespace {

struct ComponentDeleter {
    void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using ComponentPtr = std::unique_ptr<icalcomponent, ComponentDeleter>;

std::string ascii_lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

std::string parameter(icalproperty* prop, const char* name) {
    char* value = icalproperty_get_parameter_as_string_r(prop, name);
    if (value == nullptr)
        return {};
    std::string text(value);
    icalmemory_free_buffer(value);
    return text;
}

std::string value_text(icalproperty* prop) {
    const char* value = icalproperty_get_value_as_string(prop);
    return value ? std::string(value) : std::string();
}

Attendee read_attendee(icalproperty* prop) {
    Attendee a;
    a.address = normalized_address(value_text(prop));
    a.common_name = parameter(prop, "CN");
    a.partstat = parameter(prop, "PARTSTAT");
    a.role = parameter(prop, "ROLE");
    a.cutype = parameter(prop, "CUTYPE");
    return a;
}

// The value as written. The property getters (icalproperty_get_dtstart, ...) look the TZID up
// in libical's built-in zones, which libical loads lazily and without locking, so they must not
// run in several threads; zones are busywork's business anyway.
icaltimetype datetime_value(icalproperty* prop) {
    return icalvalue_get_datetime(icalproperty_get_value(prop));
}

// Throws Error for impossible dates and times.
DateTimeValue to_value(const icaltimetype& t, icalproperty* prop) {
    DateTimeValue v;
    if (t.is_date) {
        v.local = from_civil({t.year, t.month, t.day, 0, 0, 0});
        v.form = TimeForm::date;
        return v;
    }
    v.local = from_civil({t.year, t.month, t.day, t.hour, t.minute, t.second});
    if (icaltime_is_utc(t)) {
        v.form = TimeForm::utc;
        return v;
    }
    std::string tzid = parameter(prop, "TZID");
    v.form = tzid.empty() ? TimeForm::floating : TimeForm::zoned;
    v.tzid = std::move(tzid);
    return v;
}

NominalDuration to_duration(const icaldurationtype& d) {
    NominalDuration n;
    n.days = static_cast<int>(d.weeks * 7 + d.days);
    n.exact =
        std::chrono::seconds{static_cast<long long>(d.hours) * 3600 + d.minutes * 60 + d.seconds};
    n.negative = d.is_neg != 0;
    return n;
}

bool is_known_rule_part(std::string_view name) {
    for (std::string_view known :
         {"FREQ", "UNTIL", "COUNT", "INTERVAL", "BYSECOND", "BYMINUTE", "BYHOUR", "BYDAY",
          "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO", "BYMONTH", "BYSETPOS", "WKST", "RSCALE", "SKIP"})
        if (name == known)
            return true;
    return false;
}

// Repairs of mistakes whose meaning is plain, each reported, before libical sees the event:
// - Outlook writes `BYDAY=MO, TU, WE`; RFC 5545 3.3.10 allows no spaces;
// - rule parts that RFC 5545 and 7529 do not define (`UNTL=`) make libical drop the whole
//   rule; only the unknown part is dropped;
// - Google has written `RDATE:20131210Z`, a DATE with a UTC marker; it is read as the DATE.
void repair_event_text(ComponentText& component, const std::string& file,
                       Diagnostics& diagnostics) {
    for (auto& l : component.lines) {
        PropertyName upper(l.text);
        if (upper != "RRULE" && upper != "EXRULE" && upper != "RDATE" && upper != "EXDATE")
            continue;
        std::string name(upper.view());
        std::size_t value_at = l.text.size() - property_value(l.text).size();
        std::string head = l.text.substr(0, value_at);
        std::string value = l.text.substr(value_at);
        if (name == "RDATE" || name == "EXDATE") {
            if (value.size() == 9 && value.back() == 'Z' &&
                value.find_first_not_of("0123456789") == 8) {
                diagnostics.warn(file, l.line,
                                 name + " value " + value +
                                     " is neither a DATE nor a DATE-TIME; read as the DATE " +
                                     value.substr(0, 8));
                l.text = head.substr(0, head.size() - 1) + ";VALUE=DATE:" + value.substr(0, 8);
            }
            continue;
        }
        if (value.find(' ') != std::string::npos) {
            std::erase(value, ' ');
            diagnostics.warn(file, l.line,
                             "spaces removed from " + name + " (not allowed by RFC 5545 3.3.10)");
        }
        std::string kept;
        std::size_t start = 0;
        while (start <= value.size()) {
            std::size_t end = value.find(';', start);
            std::string part =
                value.substr(start, end == std::string::npos ? std::string::npos : end - start);
            std::string part_name = part.substr(0, part.find('='));
            std::transform(part_name.begin(), part_name.end(), part_name.begin(),
                           [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
            if (!part.empty() && !is_known_rule_part(part_name) && !part_name.starts_with("X-"))
                diagnostics.warn(file, l.line,
                                 "unknown " + name + " part \"" + part + "\" ignored");
            else if (!part.empty())
                kept += (kept.empty() ? "" : ";") + part;
            if (end == std::string::npos)
                break;
            start = end + 1;
        }
        l.text = head + kept;
    }
}

// libical drops leading and trailing white space from values; RFC 5545 3.3.11 keeps it.
void restore_outer_space(Shared<std::string>& value, const ComponentText& text, const char* name) {
    for (const auto& l : text.lines) {
        if (PropertyName(l.text).view() != name)
            continue;
        std::string_view raw = property_value(l.text);
        auto first = raw.find_first_not_of(" \t");
        if (first == std::string_view::npos)
            return;
        std::string_view head = raw.substr(0, first);
        std::string_view tail = raw.substr(raw.find_last_not_of(" \t") + 1);
        if (!head.empty() && !value->starts_with(head))
            value.edit().insert(0, head);
        if (!tail.empty() && !value->ends_with(tail))
            value.edit().append(tail);
        return;
    }
}

// libical keeps DURATION's parts in ints and wraps around silently (PT99999999999S), and no
// date type reaches the end of P99999999W; both must be caught from the text as written.
constexpr double longest_duration_seconds = 10 * 366 * 86400.0;

double written_duration_seconds(std::string_view value) {
    double total = 0;
    double number = 0;
    for (char c : value) {
        if (c >= '0' && c <= '9') {
            number = number * 10 + (c - '0');
            continue;
        }
        switch (c) {
        case 'W':
        case 'w':
            total += number * 7 * 86400;
            break;
        case 'D':
        case 'd':
            total += number * 86400;
            break;
        case 'H':
        case 'h':
            total += number * 3600;
            break;
        case 'M':
        case 'm':
            total += number * 60;
            break;
        case 'S':
        case 's':
            total += number;
            break;
        default:
            break;
        }
        number = 0;
    }
    return total;
}

// An UNTIL more than a day before DTSTART, whatever the zones: the rule adds no instance.
bool ends_before_start(const DateTimeValue& until, const DateTimeValue& dtstart) {
    return until.local + std::chrono::hours{26} < dtstart.local;
}

// RFC 5545 deprecates more than one RRULE an event (3.8.5.3); a few are read, as some tools
// still write them, but hundreds would each be walked through the whole window.
constexpr std::size_t max_rules_per_event = 10;

// Rules that cannot be read are reported here, at their own line, and dropped; rules that can
// add nothing are reported and kept.
void check_rules(EventRecord& e, const ComponentText& text, const std::string& file,
                 const std::string& where, Diagnostics& diagnostics) {
    std::vector<std::string> readable;
    for (std::size_t i = 0; i < e.rrules.size(); ++i) {
        int line = text.line_of("RRULE", i);
        if (readable.size() == max_rules_per_event) {
            diagnostics.warn(file, line,
                             "more than " + std::to_string(max_rules_per_event) + " RRULEs (" +
                                 where + "); this one and the " +
                                 std::to_string(e.rrules.size() - i - 1) + " after it are ignored");
            break;
        }
        try {
            RecurrenceRule rule = RecurrenceRule::parse(e.rrules[i]);
            if (e.dtstart && rule.until() && ends_before_start(*rule.until(), *e.dtstart))
                diagnostics.warn(file, line,
                                 "RRULE UNTIL " + date::format("%Y-%m-%d", rule.until()->local) +
                                     " is before DTSTART " +
                                     date::format("%Y-%m-%d", e.dtstart->local) + " (" + where +
                                     "); the rule adds no instance");
            readable.push_back(std::move(e.rrules[i]));
        } catch (const Error& error) {
            diagnostics.warn(file, line,
                             std::string(error.what()) + " (" + where + "); rule ignored");
        }
    }
    e.rrules = std::move(readable);
}

struct EventParse {
    EventRecord record;
    bool ok = true;
};

// Properties left out of libical's input when descriptions are not wanted.
bool is_description(const ContentLine& line) {
    PropertyName name(line.text);
    return name == "DESCRIPTION" || name == "X-ALT-DESC";
}

// The properties of its own that parse_event reads from a VEVENT.
bool is_read_property(std::string_view name) {
    for (std::string_view read : {"UID", "SUMMARY", "DTSTART", "DTEND", "DURATION", "RECURRENCE-ID",
                                  "RRULE", "EXDATE", "RDATE", "DESCRIPTION", "LOCATION",
                                  "ORGANIZER", "ATTENDEE", "STATUS", "TRANSP", "SEQUENCE"})
        if (name == read)
            return true;
    return false;
}

// Leaves the event's BEGIN and END lines and the properties parse_event reads. Nothing is
// left out of an event whose BEGIN and END lines do not pair up, as libical's reading of it
// may then depend on any line.
void keep_read_lines(ComponentText& text) {
    if (text.lines.size() < 2)
        return;
    int depth = 0;
    for (std::size_t i = 1; i + 1 < text.lines.size(); ++i) {
        PropertyName name(text.lines[i].text);
        depth += name == "BEGIN" ? 1 : name == "END" ? -1 : 0;
        if (depth < 0)
            return;
    }
    if (depth != 0)
        return;
    std::vector<ContentLine> kept;
    kept.push_back(std::move(text.lines.front()));
    for (std::size_t i = 1; i + 1 < text.lines.size(); ++i) {
        PropertyName name(text.lines[i].text);
        if (name == "BEGIN" || name == "END")
            depth += name == "BEGIN" ? 1 : -1;
        else if (depth == 0 && is_read_property(name))
            kept.push_back(std::move(text.lines[i]));
    }
    kept.push_back(std::move(text.lines.back()));
    text.lines = std::move(kept);
}

// The organizer and attendees read by hand, when every ORGANIZER and ATTENDEE line of the
// event is plain (read_plain_person) and there is at most one ORGANIZER; those lines are then
// taken out of `text`. All or none, so that the attendees keep the order of the file.
struct People {
    std::optional<Attendee> organizer;
    std::vector<Attendee> attendees;
};

std::optional<People> take_plain_people(ComponentText& text) {
    People people;
    std::vector<bool> taken(text.lines.size(), false);
    for (std::size_t i = 1; i + 1 < text.lines.size(); ++i) {
        std::string_view line = text.lines[i].text;
        PropertyName name(line);
        bool organizer = name == "ORGANIZER";
        if (!organizer && name != "ATTENDEE")
            continue;
        std::optional<Attendee> person = read_plain_person(line);
        if (!person || (organizer && people.organizer))
            return std::nullopt;
        if (organizer)
            people.organizer = std::move(*person);
        else
            people.attendees.push_back(std::move(*person));
        taken[i] = true;
    }
    std::size_t at = 0;
    std::erase_if(text.lines, [&](const ContentLine&) { return taken[at++]; });
    return people;
}

EventParse parse_event(ComponentText& text, const std::string& file, Diagnostics& diagnostics,
                       const LibicalInput& input) {
    EventParse result;
    EventRecord& e = result.record;
    e.line = text.begin_line;
    if (!input.descriptions)
        std::erase_if(text.lines, is_description);
    std::optional<People> people;
    if (!input.all_lines) {
        keep_read_lines(text);
        people = take_plain_people(text);
    }
    repair_event_text(text, file, diagnostics);

    std::string joined = text.joined();
    ComponentPtr root(icalparser_parse_string(joined.c_str()));
    icalcomponent* event = root.get();
    if (event && icalcomponent_isa(event) != ICAL_VEVENT_COMPONENT)
        event = icalcomponent_get_first_component(event, ICAL_VEVENT_COMPONENT);
    if (event == nullptr) {
        diagnostics.skip_event(file, text.begin_line, "VEVENT could not be parsed; skipped",
                               "unparsable");
        result.ok = false;
        return result;
    }

    if (icalproperty* p = icalcomponent_get_first_property(event, ICAL_UID_PROPERTY))
        e.uid = value_text(p);
    if (icalproperty* p = icalcomponent_get_first_property(event, ICAL_SUMMARY_PROPERTY))
        e.summary = icalproperty_get_summary(p) ? icalproperty_get_summary(p) : "";
    const std::string where = describe_event(e.summary, e.uid);

    std::optional<std::pair<std::string, int>> fatal; // message and line of what skips it
    std::vector<Attendee> attendees;
    auto line_of = [&text](const char* name) { return text.line_of(name); };
    auto read_time = [&](icalproperty* p, icaltimetype t,
                         const char* name) -> std::optional<DateTimeValue> {
        try {
            return to_value(t, p);
        } catch (const Error& error) {
            diagnostics.warn(file, line_of(name),
                             std::string(name) + " is " + error.what() + " (" + where +
                                 "); value ignored");
            return std::nullopt;
        }
    };

    int dtstart_count = 0;
    for (icalproperty* p = icalcomponent_get_first_property(event, ICAL_ANY_PROPERTY); p;
         p = icalcomponent_get_next_property(event, ICAL_ANY_PROPERTY)) {
        switch (icalproperty_isa(p)) {
        case ICAL_XLICERROR_PROPERTY:
            report_libical_error(p, text, file, where, diagnostics);
            break;
        case ICAL_DTSTART_PROPERTY:
            if (++dtstart_count == 1)
                e.dtstart = read_time(p, datetime_value(p), "DTSTART");
            else
                diagnostics.warn(
                    file, text.line_of("DTSTART", static_cast<std::size_t>(dtstart_count - 1)),
                    "more than one DTSTART (" + where + "); the first is used");
            break;
        case ICAL_DTEND_PROPERTY:
            if (!e.dtend)
                e.dtend = read_time(p, datetime_value(p), "DTEND");
            break;
        case ICAL_DURATION_PROPERTY:
            e.duration = to_duration(icalproperty_get_duration(p));
            if (const ContentLine* written = text.find("DURATION");
                written && !fatal &&
                written_duration_seconds(property_value(written->text)) > longest_duration_seconds)
                fatal.emplace("DURATION " + std::string(property_value(written->text)) +
                                  " is longer than ten years (" + where + "); skipped",
                              written->line);
            break;
        case ICAL_RECURRENCEID_PROPERTY:
            e.recurrence_id = read_time(p, datetime_value(p), "RECURRENCE-ID");
            e.this_and_future = ascii_lower(parameter(p, "RANGE")) == "thisandfuture";
            break;
        case ICAL_RRULE_PROPERTY:
            e.rrules.push_back(value_text(p));
            break;
        case ICAL_EXDATE_PROPERTY:
            if (auto v = read_time(p, datetime_value(p), "EXDATE"))
                e.exdates.push_back(*v);
            break;
        case ICAL_RDATE_PROPERTY: {
            icaldatetimeperiodtype rdate = icalvalue_get_datetimeperiod(icalproperty_get_value(p));
            RecurrenceDate r;
            if (!icaltime_is_null_time(rdate.time)) {
                auto v = read_time(p, rdate.time, "RDATE");
                if (!v)
                    break;
                r.start = *v;
            } else if (!icalperiodtype_is_null_period(rdate.period)) {
                auto start = read_time(p, rdate.period.start, "RDATE");
                if (!start)
                    break;
                r.start = *start;
                if (!icaltime_is_null_time(rdate.period.end))
                    r.period_end = read_time(p, rdate.period.end, "RDATE");
                else
                    r.period_duration = to_duration(rdate.period.duration);
            } else {
                break;
            }
            e.rdates.push_back(r);
            break;
        }
        case ICAL_DESCRIPTION_PROPERTY:
            e.description = icalproperty_get_description(p) ? icalproperty_get_description(p) : "";
            break;
        case ICAL_LOCATION_PROPERTY:
            e.location = icalproperty_get_location(p) ? icalproperty_get_location(p) : "";
            break;
        case ICAL_ORGANIZER_PROPERTY:
            e.organizer = read_attendee(p);
            break;
        case ICAL_ATTENDEE_PROPERTY:
            attendees.push_back(read_attendee(p));
            break;
        case ICAL_STATUS_PROPERTY:
            e.status = value_text(p);
            break;
        case ICAL_TRANSP_PROPERTY:
            e.transp = value_text(p);
            break;
        case ICAL_SEQUENCE_PROPERTY:
            e.sequence = icalproperty_get_sequence(p);
            break;
        default:
            break;
        }
    }

    if (people) {
        e.organizer = std::move(people->organizer);
        attendees = std::move(people->attendees);
    }
    attendees.shrink_to_fit(); // kept to the end, and a list's growth leaves up to half spare
    e.attendees = std::move(attendees);
    restore_outer_space(e.summary, text, "SUMMARY");
    restore_outer_space(e.description, text, "DESCRIPTION");
    restore_outer_space(e.location, text, "LOCATION");

    if (fatal) {
        diagnostics.skip_event(file, fatal->second, fatal->first, "enormous DURATION");
        result.ok = false;
        return result;
    }
    if (!e.dtstart) {
        diagnostics.skip_event(file, text.begin_line,
                               "VEVENT has no valid DTSTART (" + where + "); skipped",
                               "no valid DTSTART");
        result.ok = false;
        return result;
    }
    if (e.dtend && e.duration) {
        diagnostics.warn(file, line_of("DURATION"),
                         "both DTEND and DURATION (" + where + "); DURATION ignored");
        e.duration.reset();
    }
    if (e.duration && e.duration->negative) {
        diagnostics.skip_event(file, line_of("DURATION"),
                               "negative DURATION (" + where + "); skipped", "negative DURATION");
        result.ok = false;
        return result;
    }
    check_rules(e, text, file, where, diagnostics);
    return result;
}

// Every `*.ics` regular file in `directory` and below. Each folder that cannot be listed is
// reported by name, as the calendars in it would otherwise be lost without a word. Links to
// folders are not followed, so a link loop cannot make the walk endless.
// Returns how many folders could not be read.
int find_calendar_files(const std::filesystem::path& directory, std::vector<std::string>& found,
                        Diagnostics& diagnostics) {
    namespace fs = std::filesystem;
    std::vector<fs::path> pending{directory};
    int unreadable = 0;
    while (!pending.empty()) {
        fs::path folder = std::move(pending.back());
        pending.pop_back();
        std::error_code error;
        fs::directory_iterator it(folder, error);
        if (error) {
            diagnostics.warn(folder.string(), 0, "cannot read directory: " + error.message());
            ++unreadable;
            continue;
        }
        for (; it != fs::directory_iterator(); it.increment(error)) {
            if (error) {
                diagnostics.warn(folder.string(), 0, "cannot read directory: " + error.message());
                ++unreadable;
                break;
            }
            std::error_code type_error;
            fs::file_status status = it->symlink_status(type_error);
            if (fs::is_directory(status)) {
                pending.push_back(it->path());
                continue;
            }
            std::string extension = ascii_lower(it->path().extension().string());
            if (extension == ".ics" && it->is_regular_file(type_error))
                found.push_back(it->path().string());
        }
    }
    return unreadable;
}

} // namespace

namespace {

// Components are parsed by libical in batches on worker threads while the reading thread
// splits the file; the batches are put back in file order, so results and messages are the
// same whatever the timing. A bound on the batches in flight bounds the memory.
constexpr std::size_t components_per_batch = 1024;
constexpr std::size_t batches_in_flight = 3;

// A VEVENT as the reading thread found it: split into content lines, or as its bytes for the
// worker to split (see ComponentStream::next), after the problems with the file's structure
// that the reading thread found before it.
struct FoundEvent {
    ComponentText component;
    EventBytes bytes;
    Diagnostics structure_before;
};

struct ParsedBatch {
    std::vector<EventRecord> events;
    Diagnostics structure; // of the events given as bytes, and what came before each
    Diagnostics diagnostics;
    std::size_t not_parsed = 0;
};

// The pre-scan runs here, on the workers, as it reads every line of every event.
// `seen` is this batch's alone while it runs (see read_calendar).
ParsedBatch parse_batch(std::vector<FoundEvent> found, const std::string& path,
                        std::optional<TimeWindow> window, LibicalInput input, SeenLines& seen) {
    ParsedBatch batch;
    batch.events.reserve(found.size());
    std::vector<std::string_view> plain_lines;
    std::string unfolded;
    StandInScanner scanner(seen);
    for (auto& event : found) {
        ComponentText component;
        // Whether the pre-scan has looked at the event's lines already.
        bool looked_at = false;
        if (event.bytes.bytes.empty()) {
            component = std::move(event.component);
        } else {
            batch.structure.append(event.structure_before);
            // Most of a ten-year export lies outside a week: read straight from the bytes,
            // in one pass when the event is of the plainest kind.
            auto scan = window ? scanner.scan(event.bytes, *window) : StandInScanner::Scan{};
            if (scan.verdict == StandInScanner::Verdict::stand_in) {
                batch.events.push_back(std::move(scan.record));
                ++batch.not_parsed;
                continue;
            }
            if (scan.verdict == StandInScanner::Verdict::read_by_libical)
                looked_at = true;
            else if (window && plain_event_lines(event.bytes, plain_lines, unfolded)) {
                if (auto stand_in =
                        stand_in_outside(plain_lines, event.bytes.begin_line, *window, &seen)) {
                    batch.events.push_back(std::move(*stand_in));
                    ++batch.not_parsed;
                    continue;
                }
                looked_at = true;
            }
            component = split_event_bytes(event.bytes, path, batch.structure);
            event.bytes = {};
        }
        if (window && !looked_at) {
            if (auto stand_in = stand_in_outside(component, *window)) {
                batch.events.push_back(std::move(*stand_in));
                ++batch.not_parsed;
                continue;
            }
        }
        EventParse parsed = parse_event(component, path, batch.diagnostics, input);
        if (parsed.ok)
            batch.events.push_back(std::move(parsed.record));
    }
    return batch;
}

std::size_t combined(std::size_t seed, std::size_t hash) {
    return seed ^ (hash + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2));
}

struct PeopleHash {
    std::size_t operator()(const Attendee& a) const {
        std::hash<std::string> text;
        std::size_t h = text(a.address);
        for (const auto* field : {&a.common_name, &a.partstat, &a.role, &a.cutype})
            h = combined(h, text(*field));
        return h;
    }
    std::size_t operator()(const std::optional<Attendee>& a) const { return a ? (*this)(*a) : 0; }
    std::size_t operator()(const std::vector<Attendee>& list) const {
        std::size_t h = list.size();
        for (const Attendee& a : list)
            h = combined(h, (*this)(a));
        return h;
    }
};

// Of one file: the events' repeated values, kept once (see SharedPool).
struct EventPools {
    SharedPool<std::string, std::hash<std::string>> texts;
    SharedPool<std::optional<Attendee>, PeopleHash> organizers;
    SharedPool<std::vector<Attendee>, PeopleHash> attendees;

    void pool(EventRecord& e) {
        texts.pool(e.summary);
        texts.pool(e.location);
        texts.pool(e.description);
        texts.pool(e.status);
        texts.pool(e.transp);
        organizers.pool(e.organizer, [this](Shared<std::optional<Attendee>>& organizer) {
            if (organizer.get())
                pool_parts(*organizer.edit());
        });
        attendees.pool(e.attendees, [this](Shared<std::vector<Attendee>>& list) {
            for (Attendee& a : list.edit())
                pool_parts(a);
        });
    }

    void pool_parts(Attendee& a) {
        for (auto* part : {&a.address, &a.common_name, &a.partstat, &a.role, &a.cutype})
            texts.pool(*part);
    }
};

unsigned worker_threads() {
    return std::max(1u, std::min(4u, std::thread::hardware_concurrency()));
}

} // namespace

CalendarFile read_calendar(std::istream& in, const std::string& path, Diagnostics& diagnostics,
                           const std::function<void(std::uint64_t, std::size_t)>& progress,
                           const std::optional<TimeWindow>& window, const LibicalInput& input) {
    CalendarFile calendar;
    calendar.path = path;
    // Messages in the order the one-thread reader gave them: the file's structure, then its
    // zones, then its events. Problems with the structure of the events the workers split
    // are put back among those the reading thread found, in file order, as batches come in.
    Diagnostics structure;
    Diagnostics structure_in_order;
    Diagnostics zones;
    Diagnostics events;
    ComponentStream stream(in, path, structure);
    std::vector<ComponentText> timezones;
    std::deque<std::future<ParsedBatch>> pending;
    std::vector<FoundEvent> batch;
    const bool threaded = worker_threads() > 1;
    std::size_t events_read = 0;
    std::uint64_t reported_bytes = 0;
    EventPools pools;
    // The lines the stand-ins' readers have seen, kept from batch to batch: a file names the
    // same people, titles and places all through. Batch n uses the n-th modulo their number, which
    // is more than the batches that can be running at once (those in flight and the one just sent),
    // so no two running batches share one.
    std::array<SeenLines, batches_in_flight + 1> seen;
    std::size_t batches_sent = 0;
    auto collect = [&](std::future<ParsedBatch>& done) {
        ParsedBatch parsed = done.get();
        structure_in_order.append(parsed.structure);
        events.append(parsed.diagnostics);
        calendar.events_not_parsed += parsed.not_parsed;
        for (EventRecord& event : parsed.events) {
            // A stand-in is never shown, and the stand-ins' people share their strings
            // already (SeenLines): pooling them took the reading thread as long as finding
            // the events, to save a fifth of a one-week run's memory.
            if (!event.stand_in)
                pools.pool(event);
            calendar.events.push_back(std::move(event));
        }
    };
    // A batch that would wait for nothing else (a small file's only one) is parsed right here.
    auto dispatch = [&](bool last) {
        if (batch.empty())
            return;
        SeenLines& batch_seen = seen[batches_sent++ % seen.size()];
        if (!threaded || (last && pending.empty())) {
            std::promise<ParsedBatch> now;
            now.set_value(parse_batch(std::move(batch), path, window, input, batch_seen));
            pending.push_back(now.get_future());
        } else {
            pending.push_back(std::async(std::launch::async, parse_batch, std::move(batch), path,
                                         window, input, std::ref(batch_seen)));
        }
        batch = {};
        while (pending.size() > (threaded ? batches_in_flight : 0)) {
            collect(pending.front());
            pending.pop_front();
        }
    };
    for (;;) {
        FoundEvent found;
        StreamItem item = stream.next(found.component, found.bytes);
        if (item == StreamItem::end)
            break;
        if (item == StreamItem::component && found.component.name == "VTIMEZONE") {
            timezones.push_back(std::move(found.component));
            continue;
        }
        if (item == StreamItem::event_bytes)
            std::swap(found.structure_before, structure);
        batch.push_back(std::move(found));
        ++events_read;
        if (batch.size() == components_per_batch)
            dispatch(false);
        if (progress && stream.bytes_read() - reported_bytes >= (1u << 20)) {
            reported_bytes = stream.bytes_read();
            progress(reported_bytes, events_read);
        }
    }
    dispatch(true);
    for (auto& done : pending)
        collect(done);
    structure_in_order.append(structure);
    if (progress)
        progress(stream.bytes_read(), events_read);

    for (const auto& line : stream.calendar_properties()) {
        std::string name = property_name(line.text);
        if (name == "X-WR-TIMEZONE" && calendar.default_tzid.empty()) {
            calendar.default_tzid = std::string(property_value(line.text));
            calendar.default_tzid_line = line.line;
        } else if (name == "X-WR-CALNAME" && calendar.calendar_name.empty()) {
            calendar.calendar_name = std::string(property_value(line.text));
        }
    }
    for (const auto& tz : timezones) {
        if (auto zone = read_vtimezone(tz, path, zones)) {
            if (calendar.zones.count(normalize_tzid(zone->name())))
                zones.warn(path, tz.begin_line,
                           "VTIMEZONE \"" + zone->name() + "\" defined twice; the first is used");
            else
                calendar.zones.emplace(normalize_tzid(zone->name()), *zone);
        }
    }
    diagnostics.append(structure_in_order);
    diagnostics.append(zones);
    diagnostics.append(events);
    return calendar;
}

CalendarFile read_calendar(std::string_view bytes, const std::string& path,
                           Diagnostics& diagnostics, const std::optional<TimeWindow>& window,
                           const LibicalInput& input) {
    ViewStream in(bytes);
    return read_calendar(in, path, diagnostics, {}, window, input);
}

std::vector<CalendarFile> read_inputs(const std::vector<std::string>& inputs,
                                      Diagnostics& diagnostics, const ReadOptions& options) {
    namespace fs = std::filesystem;
    std::vector<CalendarFile> calendars;
    // Files are found first, so that progress can say how many there are and how big.
    struct Source {
        std::string path;
        bool standard_input = false;
    };
    std::vector<Source> sources;
    ReadProgress so_far;
    for (const auto& input : inputs) {
        if (input == "-") {
            sources.push_back({"<stdin>", true});
            continue;
        }
        std::error_code error;
        fs::file_status status = fs::status(input, error);
        if (error || !fs::exists(status)) {
            diagnostics.warn(input, 0, "no such file or directory");
            continue;
        }
        if (!fs::is_directory(status)) {
            sources.push_back({input, false});
            continue;
        }
        std::vector<std::string> found;
        int unreadable = find_calendar_files(input, found, diagnostics);
        if (found.empty() && unreadable == 0)
            diagnostics.warn(input, 0, "no .ics file in this directory or below it");
        std::sort(found.begin(), found.end());
        for (auto& path : found)
            sources.push_back({std::move(path), false});
    }
    so_far.files_total = sources.size();
    for (const auto& source : sources) {
        std::error_code error;
        if (!source.standard_input)
            so_far.bytes_total += fs::file_size(source.path, error);
    }
    std::optional<TimeWindow> window;
    if (!options.read_every_event)
        window = options.window;
    LibicalInput input;
    input.descriptions = options.descriptions || options.read_every_event;
    input.all_lines = options.all_lines || options.read_every_event;
    for (const auto& source : sources) {
        std::uint64_t bytes_before = so_far.bytes_read;
        std::size_t events_before = so_far.events;
        auto report = [&](std::uint64_t bytes, std::size_t events_read) {
            so_far.bytes_read = bytes_before + bytes;
            so_far.events = events_before + events_read;
            if (options.progress)
                options.progress(so_far);
        };
        if (source.standard_input) {
            calendars.push_back(
                read_calendar(std::cin, source.path, diagnostics, report, window, input));
        } else {
            std::ifstream in(source.path, std::ios::binary);
            if (!in) {
                diagnostics.warn(source.path, 0, "cannot open file");
            } else {
                calendars.push_back(
                    read_calendar(in, source.path, diagnostics, report, window, input));
                if (in.bad())
                    diagnostics.warn(source.path, 0, "cannot read the whole file");
            }
        }
        ++so_far.files_done;
        if (options.progress)
            options.progress(so_far);
    }
    return calendars;
}

} // namespace busywork
