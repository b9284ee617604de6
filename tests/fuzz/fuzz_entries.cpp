// SPDX-License-Identifier: MIT
#include "fuzz_entries.hpp"

#include <busywork/classification.hpp>
#include <busywork/classified_events.hpp>
#include <busywork/content_lines.hpp>
#include <busywork/error.hpp>
#include <busywork/event_prescan.hpp>
#include <busywork/ics_reader.hpp>
#include <busywork/ownership.hpp>
#include <busywork/recurrence.hpp>
#include <busywork/render_events.hpp>
#include <busywork/render_report.hpp>
#include <busywork/rules.hpp>
#include <busywork/week_report.hpp>
#include <busywork/weeks.hpp>
#include <cstdlib>
#include <string_view>

namespace busywork::fuzz {

namespace {

std::string_view text_of(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// Classifying and rendering 50,000 occurrences of one endless series takes a normal build a
// quarter of a second but an ASan build most of the fuzzers' hang guard; the renderers' logic
// is the same for 2000. The bad-input suite checks the full limits in normal builds.
ExpansionLimits rendering_limits() {
    ExpansionLimits limits;
    limits.occurrences_per_series = 2000;
    return limits;
}

const Zone& berlin() {
    static const Zone zone = report_zone("Europe/Berlin");
    return zone;
}

// Four weeks from the week of the first event's start, so that random dates are still
// expanded and counted; a fixed week when no event has a usable start.
std::vector<Week> weeks_around(const CalendarFile& calendar) {
    Instant first = date::sys_days{date::year{2026} / 10 / 19};
    for (const auto& e : calendar.events)
        if (e.dtstart) {
            auto local = e.dtstart->local.time_since_epoch();
            // Years outside 1970-2100 are out of what busywork expands.
            if (local > std::chrono::hours{0} && local < std::chrono::hours{24 * 365 * 130}) {
                first = Instant{std::chrono::duration_cast<std::chrono::seconds>(local)};
                break;
            }
        }
    Week week = week_of(first, berlin());
    WeekSelection selection;
    selection.from = date::format("%F", week.monday);
    selection.to = date::format("%F", date::sys_days{week.monday} + date::days{27});
    return select_weeks(selection, first, berlin());
}

ClassifiedEvents classified(const CalendarFile& calendar, const std::vector<Week>& weeks,
                            const RuleSet& rules, Diagnostics& diagnostics) {
    ClassifiedEvents events;
    events.files_read = 1;
    events.window = span_of(weeks);
    events.ownerships = infer_ownerships({calendar}, rules.settings, {}, diagnostics);
    events.all = classify(
        expand_occurrences({calendar}, events.window, berlin(), diagnostics, rendering_limits()),
        rules, events.ownerships, diagnostics);
    return events;
}

// Everything a split gives, so that two splits compare.
std::string dump(const CalendarText& text, const Diagnostics& diagnostics) {
    std::string out;
    auto add_lines = [&out](const std::vector<ContentLine>& lines) {
        for (const auto& l : lines)
            out += std::to_string(l.line) + " " + l.text + "\n";
    };
    add_lines(text.calendar_properties);
    for (const auto* components : {&text.timezones, &text.events})
        for (const auto& c : *components) {
            out += c.name + " " + std::to_string(c.begin_line) + "\n";
            add_lines(c.lines);
        }
    for (const auto& d : diagnostics.all())
        out += d.to_string() + "\n";
    return out + diagnostics.summary();
}

// The reading thread hands plain VEVENTs to the workers as bytes (ComponentStream::next);
// whatever the input, that must split exactly as reading it line by line does.
void check_both_splits_agree(std::string_view text) {
    Diagnostics by_lines;
    Diagnostics by_events;
    std::string one_by_one = dump(split_calendar(text, "fuzz.ics", by_lines), by_lines);
    std::string whole = dump(split_calendar_by_events(text, "fuzz.ics", by_events), by_events);
    if (one_by_one != whole)
        std::abort();
}

// Calls `visit` with each VEVENT that the reading thread hands over as bytes.
template <class Visit>
void for_each_event_bytes(std::string_view text, Visit visit) {
    Diagnostics d;
    ViewStream in(text);
    ComponentStream stream(in, "fuzz.ics", d);
    ComponentText component;
    EventBytes event;
    for (StreamItem item; (item = stream.next(component, event)) != StreamItem::end;)
        if (item == StreamItem::event_bytes)
            visit(event);
}

// plain_event_lines may take a VEVENT handed over as bytes only when splitting it reports
// nothing and gives the same lines.
void check_plain_lines_agree(std::string_view text) {
    std::vector<std::string_view> lines;
    std::string unfolded;
    for_each_event_bytes(text, [&](const EventBytes& event) {
        if (!plain_event_lines(event, lines, unfolded))
            return;
        Diagnostics splitting;
        ComponentText split = split_event_bytes(event, "fuzz.ics", splitting);
        if (!splitting.all().empty() || split.lines.size() != lines.size())
            std::abort();
        for (std::size_t i = 0; i < lines.size(); ++i)
            if (split.lines[i].text != lines[i])
                std::abort();
    });
}

// Where the one-pass scanner is sure, plain_event_lines takes the event and stand_in_outside
// gives the stand-in it gives, or none, for a window in 2026 and one far from any event.
void check_scanner_agrees(std::string_view text) {
    std::vector<std::string_view> lines;
    std::string unfolded;
    const TimeWindow windows[] = {
        {date::sys_days{date::year{2026} / 10 / 16}, date::sys_days{date::year{2026} / 10 / 29}},
        {date::sys_days{date::year{3000} / 1 / 1}, date::sys_days{date::year{3000} / 1 / 8}}};
    for_each_event_bytes(text, [&](const EventBytes& event) {
        for (const TimeWindow& window : windows) {
            SeenLines seen_by_scanner;
            SeenLines seen_by_reader;
            StandInScanner scanner(seen_by_scanner);
            auto scan = scanner.scan(event, window);
            if (scan.verdict == StandInScanner::Verdict::unsure)
                continue;
            if (!plain_event_lines(event, lines, unfolded))
                std::abort();
            auto stand_in = stand_in_outside(lines, event.begin_line, window, &seen_by_reader);
            if ((scan.verdict == StandInScanner::Verdict::stand_in) != stand_in.has_value())
                std::abort();
            if (!stand_in)
                continue;
            const EventRecord& a = scan.record;
            const EventRecord& b = *stand_in;
            auto same_time = [](const auto& x, const auto& y) {
                return x.has_value() == y.has_value() &&
                       (!x || (x->local == y->local && x->form == y->form && x->tzid == y->tzid));
            };
            if (a.uid != b.uid || !same_time(a.dtstart, b.dtstart) ||
                !same_time(a.dtend, b.dtend) || !same_time(a.recurrence_id, b.recurrence_id) ||
                a.duration.has_value() != b.duration.has_value() || a.sequence != b.sequence ||
                a.summary != b.summary || a.location != b.location || a.status != b.status ||
                a.transp != b.transp || !(a.organizer.get() == b.organizer.get()) ||
                !(a.attendees.get() == b.attendees.get()))
                std::abort();
        }
    });
}

} // namespace

void ingest_and_expand(const std::uint8_t* data, std::size_t size) {
    check_both_splits_agree(text_of(data, size));
    check_plain_lines_agree(text_of(data, size));
    check_scanner_agrees(text_of(data, size));
    Diagnostics diagnostics;
    CalendarFile calendar = read_calendar(text_of(data, size), "fuzz.ics", diagnostics);
    TimeWindow window = span_of(weeks_around(calendar));
    expand_occurrences({calendar}, window, berlin(), diagnostics);
    for (const auto& d : diagnostics.all())
        (void)d.to_string();
}

void classify_and_render(const std::uint8_t* data, std::size_t size) {
    static const RuleSet rules = default_rules();
    Diagnostics diagnostics;
    CalendarFile calendar = read_calendar(text_of(data, size), "fuzz.ics", diagnostics);
    std::vector<Week> weeks = weeks_around(calendar);
    ClassifiedEvents events = classified(calendar, weeks, rules, diagnostics);
    for (bool per_calendar : {false, true}) {
        Report report = build_report(events, weeks, berlin(), rules.settings, per_calendar);
        (void)render_report_text(report, per_calendar);
        (void)render_report_csv(report);
        (void)render_report_json(report);
        (void)render_report_markdown(report);
        (void)render_report_html(report);
    }
    CountedMinutes counted = counted_minutes(events.all, events.window, berlin(), rules.settings);
    std::vector<std::string> inferred = describe_ownerships(events.ownerships);
    (void)render_events_csv(events.all, counted, berlin());
    (void)render_events_json(events.all, counted, berlin(), inferred);
    (void)render_events_text(events.all, berlin(), inferred);
    std::vector<std::size_t> everything;
    for (std::size_t i = 0; i < events.all.size() && i < 20; ++i)
        everything.push_back(i);
    (void)render_explanations(events.all, everything, rules, events.ownerships, berlin());
}

void parse_rules_file(const std::uint8_t* data, std::size_t size) {
    RuleSet rules;
    try {
        rules = parse_user_rules(text_of(data, size), "fuzz.toml");
    } catch (const RulesError&) {
        return;
    }
    // A valid file must print back into one that parses.
    (void)parse_rules(render_rules(rules), "rendered");
    static const std::string sample =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:fuzz\r\nX-WR-CALNAME:anna@acme.de\r\n"
        "BEGIN:VEVENT\r\nUID:a\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20261020T090000Z\r\n"
        "DTEND:20261020T100000Z\r\nSUMMARY:Vorbereitung Contoso\r\n"
        "ORGANIZER:mailto:anna@acme.de\r\nATTENDEE:mailto:jonas@acme.de\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:b\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20261020T110000Z\r\n"
        "DTEND:20261020T120000Z\r\nSUMMARY:Angebot\r\nRRULE:FREQ=DAILY;COUNT=3\r\n"
        "ORGANIZER:mailto:x@contoso.com\r\nATTENDEE:mailto:anna@acme.de\r\nEND:VEVENT\r\n"
        "END:VCALENDAR\r\n";
    Diagnostics diagnostics;
    CalendarFile calendar = read_calendar(sample, "sample.ics", diagnostics);
    std::vector<Week> weeks = {week_of(date::sys_days{date::year{2026} / 10 / 20}, berlin())};
    ClassifiedEvents events = classified(calendar, weeks, rules, diagnostics);
    (void)build_report(events, weeks, berlin(), rules.settings, false);
}

} // namespace busywork::fuzz
