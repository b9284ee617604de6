// SPDX-License-Identifier: MIT
#include <busywork/error.hpp>
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
const LocalTime onsets_end = date::local_days{date::year{2200} / 1 / 1};

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

    std::vector<ZoneTransition> transitions;
    for (icalcomponent* obs = icalcomponent_get_first_component(tz, ICAL_ANY_COMPONENT); obs;
         obs = icalcomponent_get_next_component(tz, ICAL_ANY_COMPONENT)) {
        auto kind = icalcomponent_isa(obs);
        if (kind != ICAL_XSTANDARD_COMPONENT && kind != ICAL_XDAYLIGHT_COMPONENT)
            continue;
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
            diagnostics.warn(file, component.line_of("TZOFFSETFROM"),
                             where + ": UTC offset of 24 hours or more; observance ignored");
            continue;
        }
        icaltimetype start_time = icalproperty_get_dtstart(start_prop);
        if (start_time.is_date)
            diagnostics.warn(file, component.line_of("DTSTART"),
                             where + ": observance DTSTART is a DATE (RFC 5545 3.6.5 wants a "
                                     "local DATE-TIME); read as midnight");
        LocalTime start;
        try {
            start = from_civil({start_time.year, start_time.month, start_time.day,
                                start_time.is_date ? 0 : start_time.hour,
                                start_time.is_date ? 0 : start_time.minute,
                                start_time.is_date ? 0 : start_time.second});
        } catch (const Error&) {
            diagnostics.warn(file, component.line_of("DTSTART"),
                             where + ": observance DTSTART is not a valid date; ignored");
            continue;
        }
        auto add_onset = [&](LocalTime onset) {
            transitions.push_back({Instant{onset.time_since_epoch()} - from, from, to});
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
                        if (onset != start)
                            add_onset(onset);
                        return true;
                    });
                if (walk.cut)
                    diagnostics.warn(file, component.line_of("RRULE"),
                                     where + ": observance rule cut after " +
                                         std::to_string(max_onsets_per_observance) + " onsets");
            } catch (const Error& error) {
                diagnostics.warn(file, component.line_of("RRULE"),
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
                diagnostics.warn(file, component.line_of("RDATE"),
                                 where + ": observance RDATE is not a valid date; ignored");
            }
        }
    }
    if (transitions.empty()) {
        diagnostics.warn(file, component.begin_line, where + " has no usable observance; ignored");
        return std::nullopt;
    }
    return Zone::defined(tzid, std::move(transitions), find_iana_zone(tzid));
}

} // namespace busywork
