// SPDX-License-Identifier: MIT
#include <busywork/error.hpp>
#include <busywork/libical_errors.hpp>
#include <busywork/recurrence_rule.hpp>
#include <busywork/vtimezone.hpp>
#include <libical/ical.h>
#include <memory>

namespace busywork {
namespace {

struct ComponentDeleter {
    void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};

constexpr std::size_t max_onsets_per_observance = 5000;
// Real zones have a few hundred transitions up to 2200; without a bound for the whole zone,
// thousands of observances would each add their 5000.
constexpr std::size_t max_transitions_per_zone = 20000;
const LocalTime onsets_end = date::local_days{date::year{2200} / 1 / 1};

// Where each STANDARD or DAYLIGHT observance is in the text, in the order libical keeps them,
// so that a message about one names its own lines.
class ObservanceLines {
public:
    explicit ObservanceLines(const ComponentText& component) : m_component(component) {
        std::size_t depth = 0;
        for (std::size_t i = 0; i < component.lines.size(); ++i) {
            std::string name = property_name(component.lines[i].text);
            std::string_view value = property_value(component.lines[i].text);
            bool observance = value == "STANDARD" || value == "DAYLIGHT";
            if (name == "BEGIN" && ++depth == 2 && observance)
                m_ranges.push_back({i, component.lines.size()});
            else if (name == "END" && depth-- == 2 && observance && !m_ranges.empty())
                m_ranges.back().second = i;
        }
    }

    /// The line of property `name` in observance `index`, else that observance's first line.
    int line_of(std::size_t index, std::string_view name) const {
        if (index >= m_ranges.size())
            return m_component.line_of(name);
        auto [first, last] = m_ranges[index];
        for (std::size_t i = first; i < last; ++i)
            if (property_name(m_component.lines[i].text) == name)
                return m_component.lines[i].line;
        return m_component.lines[first].line;
    }

    /// The observance's lines, for libical's messages about it.
    ComponentText text_of(std::size_t index) const {
        if (index >= m_ranges.size())
            return m_component;
        auto [first, last] = m_ranges[index];
        ComponentText part{m_component.name, m_component.lines[first].line, {}};
        part.lines.assign(m_component.lines.begin() + static_cast<std::ptrdiff_t>(first),
                          m_component.lines.begin() + static_cast<std::ptrdiff_t>(last));
        return part;
    }

private:
    const ComponentText& m_component;
    std::vector<std::pair<std::size_t, std::size_t>> m_ranges; // [BEGIN, END) line indices
};

} // namespace

std::optional<Zone> read_vtimezone(const ComponentText& component, const std::string& file,
                                   Diagnostics& diagnostics) {
    std::string text = component.joined();
    std::unique_ptr<icalcomponent, ComponentDeleter> root(icalparser_parse_string(text.c_str()));
    icalcomponent* tz = root.get();
    if (tz && icalcomponent_isa(tz) != ICAL_VTIMEZONE_COMPONENT)
        tz = icalcomponent_get_first_component(tz, ICAL_VTIMEZONE_COMPONENT);
    if (!tz) {
        diagnostics.warn(file, component.begin_line, "VTIMEZONE could not be parsed; ignored");
        return std::nullopt;
    }
    icalproperty* tzid_prop = icalcomponent_get_first_property(tz, ICAL_TZID_PROPERTY);
    if (!tzid_prop || !icalproperty_get_tzid(tzid_prop) || !*icalproperty_get_tzid(tzid_prop)) {
        diagnostics.warn(file, component.begin_line, "VTIMEZONE without TZID; ignored");
        return std::nullopt;
    }
    std::string tzid = icalproperty_get_tzid(tzid_prop);
    const std::string where = "VTIMEZONE \"" + tzid + "\"";

    for (icalproperty* error = icalcomponent_get_first_property(tz, ICAL_XLICERROR_PROPERTY); error;
         error = icalcomponent_get_next_property(tz, ICAL_XLICERROR_PROPERTY))
        report_libical_error(error, component, file, where, diagnostics);

    const ObservanceLines observances(component);
    std::vector<ZoneTransition> transitions;
    std::size_t observance = 0;
    bool zone_full = false;
    std::size_t ignored_observances = 0;
    for (icalcomponent* obs = icalcomponent_get_first_component(tz, ICAL_ANY_COMPONENT); obs;
         obs = icalcomponent_get_next_component(tz, ICAL_ANY_COMPONENT)) {
        auto kind = icalcomponent_isa(obs);
        if (kind != ICAL_XSTANDARD_COMPONENT && kind != ICAL_XDAYLIGHT_COMPONENT)
            continue;
        const std::size_t index = observance++;
        if (zone_full) {
            ++ignored_observances;
            continue;
        }
        auto line_of = [&](std::string_view name) { return observances.line_of(index, name); };
        if (icalcomponent_get_first_property(obs, ICAL_XLICERROR_PROPERTY)) {
            ComponentText own = observances.text_of(index);
            for (icalproperty* error =
                     icalcomponent_get_first_property(obs, ICAL_XLICERROR_PROPERTY);
                 error; error = icalcomponent_get_next_property(obs, ICAL_XLICERROR_PROPERTY))
                report_libical_error(error, own, file, where, diagnostics);
        }
        icalproperty* start_prop = icalcomponent_get_first_property(obs, ICAL_DTSTART_PROPERTY);
        icalproperty* from_prop = icalcomponent_get_first_property(obs, ICAL_TZOFFSETFROM_PROPERTY);
        icalproperty* to_prop = icalcomponent_get_first_property(obs, ICAL_TZOFFSETTO_PROPERTY);
        if (!start_prop || !from_prop || !to_prop) {
            diagnostics.warn(
                file, component.begin_line,
                where + ": observance without DTSTART, TZOFFSETFROM or TZOFFSETTO; ignored");
            continue;
        }
        std::chrono::seconds from{icalproperty_get_tzoffsetfrom(from_prop)};
        std::chrono::seconds to{icalproperty_get_tzoffsetto(to_prop)};
        if (std::chrono::abs(from) >= std::chrono::hours{24} ||
            std::chrono::abs(to) >= std::chrono::hours{24}) {
            diagnostics.warn(file,
                             line_of(std::chrono::abs(from) >= std::chrono::hours{24}
                                         ? "TZOFFSETFROM"
                                         : "TZOFFSETTO"),
                             where + ": UTC offset of 24 hours or more; observance ignored");
            continue;
        }
        icaltimetype start_time = icalproperty_get_dtstart(start_prop);
        if (start_time.is_date)
            diagnostics.warn(file, line_of("DTSTART"),
                             where + ": observance DTSTART is a DATE (RFC 5545 3.6.5 wants a "
                                     "local DATE-TIME); read as midnight");
        LocalTime start;
        try {
            start = from_civil({start_time.year, start_time.month, start_time.day,
                                start_time.is_date ? 0 : start_time.hour,
                                start_time.is_date ? 0 : start_time.minute,
                                start_time.is_date ? 0 : start_time.second});
        } catch (const Error&) {
            diagnostics.warn(file, line_of("DTSTART"),
                             where + ": observance DTSTART is not a valid date; ignored");
            continue;
        }
        // Returns false when the zone has all the transitions it may have.
        auto add_onset = [&](LocalTime onset) {
            if (transitions.size() >= max_transitions_per_zone) {
                zone_full = true;
                return false;
            }
            transitions.push_back({Instant{onset.time_since_epoch()} - from, from, to});
            return true;
        };
        add_onset(start);
        for (icalproperty* r = icalcomponent_get_first_property(obs, ICAL_RRULE_PROPERTY); r;
             r = icalcomponent_get_next_property(obs, ICAL_RRULE_PROPERTY)) {
            try {
                RecurrenceRule rule = RecurrenceRule::parse(icalproperty_get_value_as_string(r));
                const auto& until = rule.until();
                auto walk =
                    rule.walk(start, start, max_onsets_per_observance, [&](LocalTime onset) {
                        if (onset >= onsets_end)
                            return false;
                        if (until) {
                            bool past =
                                until->form == TimeForm::utc
                                    ? Instant{onset.time_since_epoch()} - from >
                                          Instant{until->local.time_since_epoch()}
                                    : onset > until->local + (until->form == TimeForm::date
                                                                  ? std::chrono::seconds{86399}
                                                                  : std::chrono::seconds{0});
                            if (past)
                                return false;
                        }
                        return onset == start || add_onset(onset);
                    });
                if (walk.cut)
                    diagnostics.warn(file, line_of("RRULE"),
                                     where + ": observance rule cut after " +
                                         std::to_string(max_onsets_per_observance) + " onsets");
            } catch (const Error& error) {
                diagnostics.warn(file, line_of("RRULE"),
                                 where + ": " + error.what() + "; rule ignored");
            }
        }
        for (icalproperty* r = icalcomponent_get_first_property(obs, ICAL_RDATE_PROPERTY); r;
             r = icalcomponent_get_next_property(obs, ICAL_RDATE_PROPERTY)) {
            icaltimetype t = icalproperty_get_rdate(r).time;
            if (icaltime_is_null_time(t))
                continue;
            try {
                add_onset(from_civil({t.year, t.month, t.day, t.is_date ? 0 : t.hour,
                                      t.is_date ? 0 : t.minute, t.is_date ? 0 : t.second}));
            } catch (const Error&) {
                diagnostics.warn(file, line_of("RDATE"),
                                 where + ": observance RDATE is not a valid date; ignored");
            }
        }
    }
    if (zone_full)
        diagnostics.warn(file, component.begin_line,
                         where + " has more than " + std::to_string(max_transitions_per_zone) +
                             " transitions; the rest are ignored, with the " +
                             std::to_string(ignored_observances) +
                             (ignored_observances == 1 ? " observance" : " observances") +
                             " after them");
    if (transitions.empty()) {
        diagnostics.warn(file, component.begin_line, where + " has no usable observance; ignored");
        return std::nullopt;
    }
    return Zone::defined(tzid, std::move(transitions), find_iana_zone(tzid));
}

} // namespace busywork
