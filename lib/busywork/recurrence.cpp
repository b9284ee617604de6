// SPDX-License-Identifier: MIT
#include <algorithm>
#include <busywork/error.hpp>
#include <busywork/recurrence.hpp>
#include <busywork/recurrence_rule.hpp>
#include <cstdint>
#include <future>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <thread>
#include <tuple>
#include <unordered_map>

namespace busywork {
namespace {

using date::days;
using std::chrono::seconds;

// About what one occurrence of `e` costs in memory.
std::size_t occurrence_bytes(const EventRecord& e) {
    auto person = [](const Attendee& a) {
        return sizeof(Attendee) + a.address.size() + a.common_name.size() + a.partstat.size() +
               a.role.size() + a.cutype.size();
    };
    std::size_t bytes = sizeof(Occurrence) + e.uid.size() + e.summary.size() +
                        e.description.size() + e.location.size();
    if (e.organizer)
        bytes += person(*e.organizer);
    for (const auto& a : e.attendees)
        bytes += person(a);
    return bytes;
}

std::string format_local(LocalTime t) {
    return date::format("%Y-%m-%d %H:%M", t);
}

// Zones of one calendar file: its VTIMEZONEs, then the OS database, then floating. Some
// problems are reported once per file; a copy (one per expansion thread) reports to its own
// Diagnostics and logs which of those it reported, for the threads' reports to be merged as
// one thread would have made them.
class FileZones {
public:
    FileZones(const CalendarFile& calendar, const Zone& report_zone, Diagnostics& diagnostics)
        : m_calendar(calendar), m_floating(report_zone), m_diagnostics(&diagnostics) {
        if (!calendar.default_tzid.empty()) {
            if (const Zone* zone = lookup(calendar.default_tzid)) {
                m_floating = *zone;
                m_calendar_zone = *zone;
            } else {
                diagnostics.warn(calendar.path, calendar.default_tzid_line,
                                 "X-WR-TIMEZONE \"" + calendar.default_tzid +
                                     "\" is not a known zone; floating times read in " +
                                     report_zone.name());
            }
        }
    }

    const Zone& floating() const { return m_floating; }

    // A once-per-file report: where it went in the Diagnostics, and what it was about.
    struct Reported {
        std::size_t position;
        std::string key;
    };

    void report_to(Diagnostics& diagnostics) {
        m_diagnostics = &diagnostics;
        m_reported.clear();
    }
    const std::vector<Reported>& reported_once() const { return m_reported; }

    // The zone whose wall clock a value is read on; UTC values of a calendar with
    // X-WR-TIMEZONE are read on that zone's clock, as Google means them. It lasts as long as
    // this object.
    const Zone& wall_zone(const DateTimeValue& value, int line) {
        switch (value.form) {
        case TimeForm::utc:
            return m_calendar_zone ? *m_calendar_zone : m_utc;
        case TimeForm::zoned:
            if (const Zone* zone = lookup(value.tzid, line))
                return *zone;
            if (m_unknown.insert(value.tzid).second)
                warn_once("unknown " + value.tzid, line,
                          "unknown TZID \"" + value.tzid +
                              "\" (no VTIMEZONE, not an IANA or "
                              "Windows zone); its times are read as floating, in " +
                              m_floating.name());
            return m_floating;
        default:
            return m_floating;
        }
    }

    Instant instant_of(const DateTimeValue& value, int line) {
        if (value.form == TimeForm::utc)
            return Instant{value.local.time_since_epoch()};
        return wall_zone(value, line).to_instant(value.local);
    }

    // The value's reading on `zone`'s wall clock.
    LocalTime wall_on(const DateTimeValue& value, const Zone& zone, int line) {
        if (value.form == TimeForm::date || value.form == TimeForm::floating)
            return value.local;
        return zone.to_local(instant_of(value, line));
    }

    const CalendarFile& calendar() const { return m_calendar; }

private:
    // Each TZID is looked up once: every time of every event comes here.
    const Zone* lookup(const std::string& tzid, int line = 0) {
        auto [found, inserted] = m_found.try_emplace(tzid);
        if (inserted)
            found->second = lookup_uncached(tzid, line);
        return found->second ? &*found->second : nullptr;
    }

    std::optional<Zone> lookup_uncached(const std::string& tzid, int line) {
        auto own = m_calendar.zones.find(normalize_tzid(tzid));
        if (own != m_calendar.zones.end())
            return own->second;
        if (auto iana = find_iana_zone(tzid)) {
            // A Windows id or an Outlook display name is a guess worth showing.
            if (iana->name() != normalize_tzid(tzid) && !tzid.starts_with("/") &&
                m_mapped.insert(tzid).second)
                warn_once("mapped " + tzid, line,
                          "TZID \"" + tzid + "\" has no VTIMEZONE; read as " +
                              std::string(iana->name()));
            return Zone::iana(iana);
        }
        return std::nullopt;
    }

    void warn_once(std::string key, int line, std::string message) {
        m_reported.push_back({m_diagnostics->all().size(), std::move(key)});
        m_diagnostics->warn(m_calendar.path, line, std::move(message));
    }

    const CalendarFile& m_calendar;
    Zone m_floating;
    Zone m_utc = Zone::utc();
    std::optional<Zone> m_calendar_zone;
    std::unordered_map<std::string, std::optional<Zone>> m_found; // by TZID as written
    Diagnostics* m_diagnostics;
    std::set<std::string> m_unknown;
    std::set<std::string> m_mapped;
    std::vector<Reported> m_reported;
};

// How long each instance lasts: nominal days on the wall clock, then exact seconds.
struct Span {
    days nominal{0};
    seconds exact{0};
};

// Where an event sits: the wall clock it is read on, its start on that clock, its length.
struct Timing {
    const Zone* zone = nullptr; // one of FileZones', which outlive the timing
    LocalTime wall_start;
    bool all_day = false;
    Span span;
};

struct EventRef {
    const EventRecord* event = nullptr;
    FileZones* zones = nullptr;
    std::size_t file_index = 0; // of the calendar in expand_occurrences' input
    std::size_t order = 0;      // of the event among all of the input's, in file order
    const std::string& file() const { return zones->calendar().path; }
};

// Throws Error when the event's end comes before its start.
Timing timing_of(const EventRef& ref, FileZones& zones) {
    const EventRecord& e = *ref.event;
    const DateTimeValue& start = *e.dtstart;
    Timing t{&zones.wall_zone(start, e.line), start.local, start.form == TimeForm::date, {}};
    t.wall_start = zones.wall_on(start, *t.zone, e.line);
    if (e.dtend) {
        if (t.all_day) {
            t.span.nominal = date::floor<days>(e.dtend->local) - date::floor<days>(start.local);
        } else if (e.dtend->form == TimeForm::date) {
            t.span.exact =
                zones.floating().to_instant(e.dtend->local) - zones.instant_of(start, e.line);
        } else {
            t.span.exact = zones.instant_of(*e.dtend, e.line) - zones.instant_of(start, e.line);
        }
        if (t.span.nominal < days{0} || t.span.exact < seconds{0})
            throw Error("DTEND is before DTSTART");
    } else if (e.duration) {
        t.span.nominal = days{e.duration->days};
        t.span.exact = e.duration->exact;
    } else if (t.all_day) {
        t.span.nominal = days{1};
    }
    return t;
}

std::pair<Instant, Instant> place(LocalTime wall, const Zone& zone, bool all_day, const Span& span,
                                  const Zone& report_zone) {
    if (all_day) {
        LocalTime midnight{date::floor<days>(wall)};
        return {report_zone.to_instant(midnight),
                report_zone.to_instant(midnight + span.nominal) + span.exact};
    }
    Instant start = zone.to_instant(wall);
    Instant end = span.nominal.count() ? zone.to_instant(wall + span.nominal) + span.exact
                                       : start + span.exact;
    return {start, end};
}

// What every occurrence of `ref` carries: its text, attendees and source, which the copies
// share rather than copy.
Occurrence prototype_of(const EventRef& ref, const Shared<std::string>& uid,
                        const Shared<std::string>& file) {
    const EventRecord& e = *ref.event;
    Occurrence o;
    o.source_file = file;
    o.source_line = e.line;
    o.uid = uid;
    o.summary = e.summary;
    o.description = e.description;
    o.location = e.location;
    o.organizer = e.organizer;
    o.attendees = e.attendees;
    o.status = e.status;
    o.transp = e.transp;
    return o;
}

// Two copies of one event that say the same thing (DTSTAMP may differ).
bool same_content(const EventRecord& a, const EventRecord& b) {
    auto same_time = [](const std::optional<DateTimeValue>& x,
                        const std::optional<DateTimeValue>& y) {
        if (x.has_value() != y.has_value())
            return false;
        return !x || (x->local == y->local && x->form == y->form && x->tzid == y->tzid);
    };
    auto same_people = [](const std::vector<Attendee>& x, const std::vector<Attendee>& y) {
        return std::equal(x.begin(), x.end(), y.begin(), y.end(),
                          [](const Attendee& p, const Attendee& q) {
                              return p.address == q.address && p.partstat == q.partstat;
                          });
    };
    return same_time(a.dtstart, b.dtstart) && same_time(a.dtend, b.dtend) &&
           a.duration.has_value() == b.duration.has_value() && a.rrules == b.rrules &&
           a.rdates.size() == b.rdates.size() && a.exdates.size() == b.exdates.size() &&
           a.summary == b.summary && a.location == b.location && a.status == b.status &&
           a.transp == b.transp && same_people(a.attendees, b.attendees);
}

// Positions in a Group's `overrides` by RECURRENCE-ID, so that a copy is compared only with
// the overrides it may be a copy of: DATE-TIME ones by instant, DATE ones by date, and all of
// them by the date as written (which is what a DATE one is compared with).
struct OverrideIndex {
    std::map<Instant, std::vector<std::size_t>> override_at;
    std::map<days::rep, std::vector<std::size_t>> date_override_on;
    std::map<days::rep, std::vector<std::size_t>> override_on;
};

struct Group {
    std::string_view uid; // the events' own, which outlives the group
    std::span<const EventRef> masters;
    std::span<const EventRef> overrides;
};

// A group's UID as its occurrences hold it, made when first asked for: most groups of a
// one-week run lie outside the window and put out no occurrence and no message.
class GroupUid {
public:
    explicit GroupUid(std::string_view text) : m_text(text) {}
    const Shared<std::string>& get() {
        if (!m_made) {
            m_shared = std::string(m_text);
            m_made = true;
        }
        return m_shared;
    }
    operator const std::string&() { return *get(); }

private:
    std::string_view m_text;
    Shared<std::string> m_shared;
    bool m_made = false;
};

// Adds `candidate` to `kept` unless a copy of it is there already (see expand_occurrences, 1).
// `positions`, when given, are those in `kept` (ascending) that may share its key. Returns
// where `candidate` went, or nothing when an equal copy was there.
std::optional<std::size_t>
add_copy(std::vector<EventRef>& kept, const EventRef& candidate,
         const std::function<bool(const EventRef&, const EventRef&)>& same_key,
         Diagnostics& diagnostics, const std::vector<std::size_t>* positions = nullptr) {
    const EventRecord& c = *candidate.event;
    const std::size_t count = positions ? positions->size() : kept.size();
    for (std::size_t k = 0; k < count; ++k) {
        const std::size_t at = positions ? (*positions)[k] : k;
        EventRef& existing = kept[at];
        if (!same_key(existing, candidate))
            continue;
        const EventRecord& e = *existing.event;
        if (same_content(e, c))
            return std::nullopt;
        if (e.sequence != c.sequence) {
            const EventRef& newer = e.sequence > c.sequence ? existing : candidate;
            const EventRef& older = e.sequence > c.sequence ? candidate : existing;
            diagnostics.warn(older.file(), older.event->line,
                             describe_event(older.event->summary, older.event->uid) +
                                 " is replaced by its SEQUENCE " +
                                 std::to_string(newer.event->sequence) + " version at " +
                                 newer.file() + ":" + std::to_string(newer.event->line));
            existing = newer;
            return at;
        }
        diagnostics.warn(candidate.file(), c.line,
                         "UID " + c.uid +
                             " is defined more than once with different content "
                             "and the same SEQUENCE (also at " +
                             existing.file() + ":" + std::to_string(e.line) +
                             "); every copy is kept");
        break;
    }
    kept.push_back(candidate);
    return kept.size() - 1;
}

// Expands groups into occurrences; each thread of expand_occurrences has its own.
class SeriesExpander {
public:
    SeriesExpander(const TimeWindow& window, const Zone& report_zone, Diagnostics& diagnostics,
                   const ExpansionLimits& limits, std::vector<FileZones> zones,
                   const std::vector<Shared<std::string>>& files, std::vector<Occurrence>& out)
        : m_window(window), m_report(report_zone), m_diagnostics(diagnostics), m_limits(limits),
          m_zones(std::move(zones)), m_files(files), m_out(out) {
        for (FileZones& z : m_zones)
            z.report_to(diagnostics);
    }

    const std::vector<FileZones>& zones() const { return m_zones; }

    void expand_group(const Group& group) {
        // Kept once, for every occurrence of the group; made here, on the expanding threads,
        // rather than while the events are grouped on one.
        GroupUid uid(group.uid);
        std::vector<bool> used(group.overrides.size(), false);
        for (const auto& master : group.masters)
            expand_master(uid, master, group.overrides, used);
        for (std::size_t i = 0; i < group.overrides.size(); ++i)
            if (!used[i])
                emit_single(uid, group.overrides[i], true);
        if (!m_prototypes.empty())
            m_prototypes.clear();
    }

private:
    Occurrence make_occurrence(const EventRef& ref, GroupUid& uid, Instant start, Instant end,
                               bool all_day) {
        auto it = m_prototypes.find(ref.event);
        if (it == m_prototypes.end())
            it = m_prototypes
                     .emplace(ref.event, prototype_of(ref, uid.get(), m_files[ref.file_index]))
                     .first;
        Occurrence o = it->second;
        o.start = start;
        o.end = end;
        o.all_day = all_day;
        return o;
    }

    struct Override {
        const EventRef* ref;
        Timing timing;
        LocalTime rid_wall; // the instance it names, on the series' wall clock
        bool by_date;
    };

    FileZones& zones_of(const EventRef& ref) { return m_zones[ref.file_index]; }

    void emit_single(GroupUid& uid, const EventRef& ref, bool recurring) {
        Timing t;
        try {
            t = timing_of(ref, zones_of(ref));
        } catch (const Error& error) {
            m_diagnostics.skip_event(ref.file(), ref.event->line,
                                     std::string(error.what()) + " (" +
                                         describe_event(ref.event->summary, uid) + "); skipped",
                                     "bad times");
            return;
        }
        auto [start, end] = place(t.wall_start, *t.zone, t.all_day, t.span, m_report);
        if (!overlaps(m_window, start, end))
            return;
        Occurrence o = make_occurrence(ref, uid, start, end, t.all_day);
        o.recurring = recurring;
        if (recurring && ref.event->recurrence_id)
            o.recurrence_id = zones_of(ref).instant_of(*ref.event->recurrence_id, ref.event->line);
        m_out.push_back(std::move(o));
    }

    void expand_master(GroupUid& uid, const EventRef& master, std::span<const EventRef> overrides,
                       std::vector<bool>& used) {
        const EventRecord& e = *master.event;
        if (e.rrules.empty() && e.rdates.empty() && overrides.empty()) {
            emit_single(uid, master, false);
            return;
        }
        Timing series;
        try {
            series = timing_of(master, zones_of(master));
        } catch (const Error& error) {
            m_diagnostics.skip_event(master.file(), e.line,
                                     std::string(error.what()) + " (" +
                                         describe_event(e.summary, uid) + "); skipped",
                                     "bad times");
            return;
        }
        FileZones& zones = zones_of(master);
        const Zone& zone = *series.zone;
        const std::string where = describe_event(e.summary, uid);

        // Wall-clock bounds generous enough for any offset and the event's own length.
        const seconds longest = series.span.nominal + series.span.exact + days{2};
        const LocalTime wall_from = zone.to_local(m_window.from) - longest;
        const LocalTime wall_to = zone.to_local(m_window.to) + days{2};

        // Starts of the recurrence set, each with the period's own span for RDATE;VALUE=PERIOD;
        // sorted and made unique below, the first of equal starts kept.
        std::vector<std::pair<LocalTime, std::optional<Span>>> starts;
        auto keep = [&](LocalTime wall, std::optional<Span> span = std::nullopt) {
            if (series.all_day)
                wall = LocalTime{date::floor<days>(wall)};
            if (wall >= wall_from && wall <= wall_to)
                starts.emplace_back(wall, span);
        };
        keep(series.wall_start);

        // A rule's starts come in order, so once it has put more starts surely inside the
        // window than the series may show there (plus one for each EXDATE and override that
        // could take one away), its later starts cannot be among those shown, and the cut
        // is reported where the instances are shown. RANGE=
        // THISANDFUTURE overrides can move any number of instances, so they turn this off.
        const LocalTime surely_inside = zone.to_local(m_window.from) + days{1};
        const bool may_stop_early =
            std::none_of(overrides.begin(), overrides.end(),
                         [](const EventRef& o) { return o.event->this_and_future; });
        const std::size_t each = occurrence_bytes(e);
        const std::size_t most = std::max<std::size_t>(
            1, std::min(m_limits.occurrences_per_series, m_limits.bytes_per_series / each));
        const std::size_t enough = most + e.exdates.size() + overrides.size() + 1;
        std::size_t steps_left = m_limits.steps_per_series;
        for (const auto& text : e.rrules) {
            try {
                RecurrenceRule rule = RecurrenceRule::parse(text);
                const auto& until = rule.until();
                if (until && until->form == TimeForm::floating &&
                    (e.dtstart->form == TimeForm::zoned || e.dtstart->form == TimeForm::utc))
                    m_diagnostics.warn(master.file(), e.line,
                                       "RRULE UNTIL of " + where +
                                           " has no Z although DTSTART has a zone (RFC 5545 "
                                           "3.3.10); read as UTC");
                std::size_t inside = 0;
                std::size_t steps = 0;
                auto walk =
                    rule.walk(series.wall_start, wall_from, steps_left, [&](LocalTime wall) {
                        ++steps;
                        if (wall > wall_to)
                            return false;
                        if (until) {
                            // RFC 5545 3.3.10: with a zoned or UTC DTSTART, UNTIL must be UTC; a
                            // floating UNTIL there is read as the UTC it should have been.
                            bool until_is_utc = until->form == TimeForm::utc ||
                                                (until->form == TimeForm::floating &&
                                                 (e.dtstart->form == TimeForm::zoned ||
                                                  e.dtstart->form == TimeForm::utc));
                            if (until_is_utc) {
                                if (zone.to_instant(wall) >
                                    Instant{until->local.time_since_epoch()})
                                    return false;
                            } else if (until->form == TimeForm::date) {
                                if (date::floor<days>(wall) > date::floor<days>(until->local))
                                    return false;
                            } else if (wall > until->local) {
                                return false;
                            }
                        }
                        keep(wall);
                        if (may_stop_early && wall >= surely_inside && wall < wall_to - days{2} &&
                            ++inside >= enough)
                            return false; // the cut is reported where the instances are shown

                        return true;
                    });
                steps_left -= std::min(steps_left, steps);
                if (walk.cut)
                    m_diagnostics.warn(master.file(), e.line,
                                       "the RRULEs of " + where + " generated more than " +
                                           std::to_string(m_limits.steps_per_series) +
                                           " instances; expansion stopped at " +
                                           format_local(walk.last_seen));
            } catch (const Error& error) {
                m_diagnostics.warn(master.file(), e.line,
                                   std::string(error.what()) + " (" + where + "); rule ignored");
            }
        }
        for (const auto& rdate : e.rdates) {
            std::optional<Span> span;
            if (rdate.period_end) {
                span = Span{days{0}, zones.instant_of(*rdate.period_end, e.line) -
                                         zones.instant_of(rdate.start, e.line)};
            } else if (rdate.period_duration) {
                span = Span{days{rdate.period_duration->days}, rdate.period_duration->exact};
            }
            if (span && (span->exact < seconds{0} || span->nominal < days{0})) {
                m_diagnostics.warn(master.file(), e.line,
                                   "RDATE period ends before it starts (" + where + "); ignored");
                continue;
            }
            keep(zones.wall_on(rdate.start, zone, e.line), span);
        }

        std::stable_sort(starts.begin(), starts.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
        starts.erase(std::unique(starts.begin(), starts.end(),
                                 [](const auto& a, const auto& b) { return a.first == b.first; }),
                     starts.end());

        std::set<Instant> excluded_instants;
        std::set<days::rep> excluded_dates;
        for (const auto& ex : e.exdates) {
            if (ex.form == TimeForm::date || series.all_day)
                excluded_dates.insert(
                    date::floor<days>(zones.wall_on(ex, zone, e.line)).time_since_epoch().count());
            else
                excluded_instants.insert(zones.instant_of(ex, e.line));
        }

        std::vector<Override> exact;
        std::vector<Override> future;
        for (std::size_t i = 0; i < overrides.size(); ++i) {
            const EventRef& o = overrides[i];
            Timing t;
            try {
                t = timing_of(o, zones_of(o));
            } catch (const Error& error) {
                used[i] = true;
                m_diagnostics.skip_event(o.file(), o.event->line,
                                         std::string(error.what()) + " (" +
                                             describe_event(o.event->summary, uid) +
                                             ", override); skipped",
                                         "bad override");
                continue;
            }
            const DateTimeValue& rid = *o.event->recurrence_id;
            Override entry{&o, t, zones_of(o).wall_on(rid, zone, o.event->line),
                           rid.form == TimeForm::date || series.all_day};
            (o.event->this_and_future ? future : exact).push_back(entry);
            // Overrides are matched below; remember which index each came from.
            m_override_index[&o] = i;
        }
        std::sort(future.begin(), future.end(),
                  [](const Override& a, const Override& b) { return a.rid_wall < b.rid_wall; });
        // The first of `exact` that names each instant, and each date: a lookup per start, not
        // a scan of every override, which made a series with thousands of them quadratic.
        std::map<Instant, std::size_t> exact_at;
        std::map<days::rep, std::size_t> exact_on;
        for (std::size_t i = 0; i < exact.size(); ++i) {
            if (exact[i].by_date)
                exact_on.emplace(date::floor<days>(exact[i].rid_wall).time_since_epoch().count(),
                                 i);
            else
                exact_at.emplace(zone.to_instant(exact[i].rid_wall), i);
        }

        auto names = [&](const Override& o, LocalTime wall) {
            if (o.by_date)
                return date::floor<days>(o.rid_wall) == date::floor<days>(wall);
            return zone.to_instant(o.rid_wall) == zone.to_instant(wall);
        };

        std::size_t emitted = 0;
        for (const auto& [wall, period_span] : starts) {
            Instant rid_instant =
                series.all_day ? m_report.to_instant(wall) : zone.to_instant(wall);
            std::size_t first = exact.size();
            if (auto it = exact_at.find(zone.to_instant(wall)); it != exact_at.end())
                first = it->second;
            if (auto it = exact_on.find(date::floor<days>(wall).time_since_epoch().count());
                it != exact_on.end())
                first = std::min(first, it->second);
            const Override* replacement = first < exact.size() ? &exact[first] : nullptr;
            if (!replacement) {
                if (excluded_dates.count(date::floor<days>(wall).time_since_epoch().count()) ||
                    (!series.all_day && excluded_instants.count(rid_instant)))
                    continue;
            }
            Occurrence occurrence;
            if (replacement) {
                used[m_override_index[replacement->ref]] = true;
                const Timing& t = replacement->timing;
                auto [start, end] = place(t.wall_start, *t.zone, t.all_day, t.span, m_report);
                occurrence = make_occurrence(*replacement->ref, uid, start, end, t.all_day);
            } else {
                const Override* range = nullptr;
                for (const auto& o : future)
                    if (o.rid_wall <= wall || names(o, wall))
                        range = &o;
                if (range) {
                    used[m_override_index[range->ref]] = true;
                    const Timing& t = range->timing;
                    LocalTime moved = wall + (t.wall_start - range->rid_wall);
                    auto [start, end] = place(moved, zone, t.all_day, t.span, m_report);
                    occurrence = make_occurrence(*range->ref, uid, start, end, t.all_day);
                } else {
                    auto [start, end] = place(wall, zone, series.all_day,
                                              period_span.value_or(series.span), m_report);
                    occurrence = make_occurrence(master, uid, start, end, series.all_day);
                }
            }
            if (!overlaps(m_window, occurrence.start, occurrence.end))
                continue;
            if (emitted == most) {
                std::string why = most < m_limits.occurrences_per_series
                                      ? " (each carries about " + std::to_string(each / 1024 + 1) +
                                            " KiB of text and attendees, and a series may use " +
                                            std::to_string(m_limits.bytes_per_series >> 20) +
                                            " MiB)"
                                      : "";
                m_diagnostics.warn(master.file(), e.line,
                                   where + " has more than " + std::to_string(most) +
                                       " occurrences in the window" + why + "; expansion cut at " +
                                       format_local(wall));
                break;
            }
            occurrence.recurring = true;
            occurrence.recurrence_id = rid_instant;
            m_out.push_back(std::move(occurrence));
            ++emitted;
        }
    }

    const TimeWindow& m_window;
    const Zone& m_report;
    Diagnostics& m_diagnostics;
    const ExpansionLimits& m_limits;
    std::vector<FileZones> m_zones;
    const std::vector<Shared<std::string>>& m_files;
    std::vector<Occurrence>& m_out;
    // Of the group being expanded: an occurrence per event, for its instances to copy.
    std::unordered_map<const EventRecord*, Occurrence> m_prototypes;
    std::map<const EventRef*, std::size_t> m_override_index;
};

} // namespace

bool overlaps(const TimeWindow& w, Instant start, Instant end) {
    if (start == end)
        return w.from <= start && start < w.to;
    return start < w.to && end > w.from;
}

std::vector<Occurrence> expand_occurrences(const std::vector<CalendarFile>& calendars,
                                           const TimeWindow& window, const Zone& report_zone,
                                           Diagnostics& diagnostics,
                                           const ExpansionLimits& limits) {
    // Every event, in file order. The problems found while the events are merged are kept
    // by the event (or the file) they were found at, and reported in that order, as they
    // would be by going through the events one by one: the events are grouped by sorting.
    struct Found {
        std::size_t order; // of the event the problems were found at
        int step;          // 0: the file's zones, 1: the event's RECURRENCE-ID, 2: merging it
        Diagnostics problems;
    };
    std::vector<Found> found;
    auto keep_found = [](std::vector<Found>& into, std::size_t order, int step,
                         Diagnostics& problems) {
        if (!problems.empty())
            into.push_back({order, step, std::move(problems)});
    };
    std::vector<std::unique_ptr<FileZones>> zones;
    std::size_t event_count = 0;
    for (const auto& calendar : calendars)
        event_count += calendar.events.size();
    std::vector<EventRef> refs;
    refs.reserve(event_count);
    // Where each override's RECURRENCE-ID is, looked up once in file order (which reports
    // any problem with its zone at the first event to use it).
    std::vector<Instant> rid_at(event_count);
    for (const auto& calendar : calendars) {
        Diagnostics zone_problems;
        zones.push_back(std::make_unique<FileZones>(calendar, report_zone, zone_problems));
        keep_found(found, refs.size(), 0, zone_problems);
        for (const auto& event : calendar.events) {
            EventRef ref{&event, zones.back().get(), zones.size() - 1, refs.size()};
            if (event.recurrence_id && !event.uid.empty() &&
                event.recurrence_id->form != TimeForm::date) {
                Diagnostics rid_problems;
                ref.zones->report_to(rid_problems);
                rid_at[ref.order] = ref.zones->instant_of(*event.recurrence_id, event.line);
                keep_found(found, ref.order, 1, rid_problems);
            }
            refs.push_back(ref);
        }
    }
    Diagnostics unreported; // no zone reports here after the look-ups above
    for (auto& z : zones)
        z->report_to(unreported);

    // The events with a UID sorted by it, with the first eight bytes of each UID as one
    // number beside it, which settles most comparisons without following two pointers to the
    // strings (std::string compares bytes as unsigned char, as the big-endian number does);
    // copies of one UID stay in file order. Two threads sort a half each.
    struct ByUid {
        std::uint64_t prefix;
        std::string_view uid;
        std::size_t order;
    };
    std::vector<ByUid> by_uid;
    by_uid.reserve(event_count);
    std::vector<const EventRef*> without_uid;
    for (const EventRef& ref : refs) {
        const std::string& uid = ref.event->uid;
        if (uid.empty()) {
            without_uid.push_back(&ref);
            continue;
        }
        std::uint64_t prefix = 0;
        for (std::size_t i = 0; i < 8; ++i)
            prefix = prefix << 8 | (i < uid.size() ? static_cast<unsigned char>(uid[i]) : 0u);
        by_uid.push_back({prefix, uid, ref.order});
    }
    auto uid_order = [](const ByUid& a, const ByUid& b) {
        if (a.prefix != b.prefix)
            return a.prefix < b.prefix;
        if (int c = a.uid.compare(b.uid); c != 0)
            return c < 0;
        return a.order < b.order;
    };
    // Sorting and merging take two threads from this many events with a UID.
    const bool two_threads = by_uid.size() >= 4096 && std::thread::hardware_concurrency() > 1;
    const auto middle = by_uid.begin() + static_cast<std::ptrdiff_t>(by_uid.size() / 2);
    if (two_threads) {
        auto first_half =
            std::async(std::launch::async, [&] { std::sort(by_uid.begin(), middle, uid_order); });
        std::sort(middle, by_uid.end(), uid_order);
        first_half.get();
        std::inplace_merge(by_uid.begin(), middle, by_uid.end(), uid_order);
    } else {
        std::sort(by_uid.begin(), by_uid.end(), uid_order);
    }

    // Each UID's events merged in file order (see expand_occurrences, 1).
    auto same_master = [](const EventRef&, const EventRef&) { return true; };
    auto same_rid = [&rid_at](const EventRef& a, const EventRef& b) {
        const auto& x = *a.event->recurrence_id;
        const auto& y = *b.event->recurrence_id;
        if (x.form == TimeForm::date || y.form == TimeForm::date)
            return date::floor<days>(x.local) == date::floor<days>(y.local);
        return rid_at[a.order] == rid_at[b.order];
    };
    // Two threads merge a half of the UIDs each, into lists of their own that the groups are
    // spans of; a list never grows past its half's events, so the spans stay put.
    struct Merged {
        std::vector<EventRef> grouped;
        std::vector<Group> groups;
        std::vector<Found> found;
    };
    auto merge_runs = [&](std::size_t from, std::size_t to, Merged& merged) {
        std::vector<EventRef>& grouped = merged.grouped;
        grouped.reserve(to - from);
        merged.groups.reserve(to - from);
        std::vector<EventRef> masters;
        std::vector<EventRef> overrides;
        OverrideIndex index;
        for (std::size_t run = from; run < to;) {
            std::size_t run_end = run + 1;
            while (run_end < to && by_uid[run_end].prefix == by_uid[run].prefix &&
                   by_uid[run_end].uid == by_uid[run].uid)
                ++run_end;
            masters.clear();
            overrides.clear();
            index = OverrideIndex{};
            for (std::size_t k = run; k < run_end; ++k) {
                const EventRef& ref = refs[by_uid[k].order];
                const EventRecord& event = *ref.event;
                Diagnostics merge_problems;
                if (event.recurrence_id) {
                    const DateTimeValue& rid = *event.recurrence_id;
                    const bool by_date = rid.form == TimeForm::date;
                    const days::rep day = date::floor<days>(rid.local).time_since_epoch().count();
                    const Instant at = by_date ? Instant{} : rid_at[ref.order];
                    std::vector<std::size_t> positions;
                    auto take = [&positions](const auto& positions_by, const auto& key) {
                        if (auto it = positions_by.find(key); it != positions_by.end())
                            positions.insert(positions.end(), it->second.begin(), it->second.end());
                    };
                    if (by_date) {
                        take(index.override_on, day);
                    } else {
                        take(index.override_at, at);
                        take(index.date_override_on, day);
                    }
                    std::sort(positions.begin(), positions.end());
                    positions.erase(std::unique(positions.begin(), positions.end()),
                                    positions.end());
                    // A replaced copy keeps its old keys too; same_rid checks every position.
                    if (auto placed =
                            add_copy(overrides, ref, same_rid, merge_problems, &positions)) {
                        index.override_on[day].push_back(*placed);
                        if (by_date)
                            index.date_override_on[day].push_back(*placed);
                        else
                            index.override_at[at].push_back(*placed);
                    }
                } else {
                    add_copy(masters, ref, same_master, merge_problems);
                }
                keep_found(merged.found, ref.order, 2, merge_problems);
            }
            // An override without its master that carries rules of its own is a series in
            // itself.
            if (masters.empty())
                std::erase_if(overrides, [&masters](const EventRef& o) {
                    bool is_series = !o.event->rrules.empty() || !o.event->rdates.empty();
                    if (is_series)
                        masters.push_back(o);
                    return is_series;
                });
            const std::size_t masters_at = grouped.size();
            grouped.insert(grouped.end(), masters.begin(), masters.end());
            const std::size_t overrides_at = grouped.size();
            grouped.insert(grouped.end(), overrides.begin(), overrides.end());
            merged.groups.push_back(
                {by_uid[run].uid,
                 std::span<const EventRef>(grouped).subspan(masters_at, masters.size()),
                 std::span<const EventRef>(grouped).subspan(overrides_at, overrides.size())});
            run = run_end;
        }
    };
    // The halves meet where a UID's run ends.
    std::size_t halfway = by_uid.size() / 2;
    while (halfway > 0 && halfway < by_uid.size() && by_uid[halfway].uid == by_uid[halfway - 1].uid)
        ++halfway;
    Merged first_merged;
    Merged second_merged;
    if (two_threads) {
        auto first_half =
            std::async(std::launch::async, [&] { merge_runs(0, halfway, first_merged); });
        merge_runs(halfway, by_uid.size(), second_merged);
        first_half.get();
    } else {
        merge_runs(0, by_uid.size(), first_merged);
    }
    std::vector<Group> groups;
    groups.reserve(first_merged.groups.size() + second_merged.groups.size() + without_uid.size());
    for (Merged* merged : {&first_merged, &second_merged}) {
        groups.insert(groups.end(), merged->groups.begin(), merged->groups.end());
        merged->groups = {};
        std::move(merged->found.begin(), merged->found.end(), std::back_inserter(found));
        merged->found = {};
    }
    by_uid = {};
    std::stable_sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
        return std::tie(a.order, a.step) < std::tie(b.order, b.step);
    });
    for (const Found& f : found)
        diagnostics.append(f.problems);

    // Expanded in UID order (which orders the problems reported), then the events without UID.
    for (const EventRef* ref : without_uid)
        groups.push_back({{}, std::span<const EventRef>(ref, 1), {}});
    std::vector<const Group*> order;
    order.reserve(groups.size());
    for (const Group& group : groups)
        order.push_back(&group);
    std::vector<Shared<std::string>> files;
    for (const auto& calendar : calendars)
        files.emplace_back(calendar.path);
    auto by_start = [](const Occurrence& a, const Occurrence& b) {
        if (a.start != b.start)
            return a.start < b.start;
        return a.uid < b.uid;
    };

    // Two threads, each expanding and sorting about half of the events. Occurrences with the
    // same start and UID come from one group, so merging the two sorted halves gives the order
    // one thread's stable sort gives. The second half's problems come after the first's, less
    // the once-per-file ones the first already reported.
    std::size_t events = 0;
    for (const Group* group : order)
        events += group->masters.size() + group->overrides.size();
    constexpr std::size_t enough_for_two_threads = 2048;
    std::size_t split = order.size();
    if (events >= enough_for_two_threads && std::thread::hardware_concurrency() > 1) {
        std::size_t first_half = 0;
        split = 0;
        while (split < order.size() && 2 * first_half < events) {
            first_half += order[split]->masters.size() + order[split]->overrides.size();
            ++split;
        }
    }
    std::vector<FileZones> zone_copies;
    for (const auto& z : zones)
        zone_copies.push_back(*z);
    struct Part {
        Diagnostics diagnostics;
        std::vector<Occurrence> out;
        std::vector<std::vector<FileZones::Reported>> reported;
    };
    auto expand_part = [&](std::size_t from, std::size_t to, Part& part) {
        SeriesExpander expander(window, report_zone, part.diagnostics, limits, zone_copies, files,
                                part.out);
        for (std::size_t i = from; i < to; ++i)
            expander.expand_group(*order[i]);
        std::stable_sort(part.out.begin(), part.out.end(), by_start);
        for (const auto& z : expander.zones())
            part.reported.push_back(z.reported_once());
    };
    Part first;
    Part second;
    if (split < order.size()) {
        auto later =
            std::async(std::launch::async, [&] { expand_part(split, order.size(), second); });
        expand_part(0, split, first);
        later.get();
    } else {
        expand_part(0, order.size(), first);
    }
    diagnostics.append(first.diagnostics);
    std::set<std::size_t> reported_again;
    for (std::size_t f = 0; f < second.reported.size(); ++f)
        for (const auto& again : second.reported[f])
            if (std::any_of(first.reported[f].begin(), first.reported[f].end(),
                            [&](const FileZones::Reported& r) { return r.key == again.key; }))
                reported_again.insert(again.position);
    diagnostics.append(second.diagnostics, reported_again);

    std::vector<Occurrence> out;
    if (second.out.empty()) {
        out = std::move(first.out);
    } else {
        out.reserve(first.out.size() + second.out.size());
        std::merge(std::make_move_iterator(first.out.begin()),
                   std::make_move_iterator(first.out.end()),
                   std::make_move_iterator(second.out.begin()),
                   std::make_move_iterator(second.out.end()), std::back_inserter(out), by_start);
    }
    return out;
}

} // namespace busywork
