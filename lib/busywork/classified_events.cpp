// SPDX-License-Identifier: MIT
#include <algorithm>
#include <busywork/classified_events.hpp>
#include <busywork/ics_reader.hpp>
#include <future>
#include <iterator>
#include <tuple>

namespace busywork {

std::vector<std::size_t> ClassifiedEvents::in_window() const {
    std::vector<std::size_t> positions;
    for (std::size_t i = 0; i < all.size(); ++i)
        if (overlaps(window, all[i].occurrence.start, all[i].occurrence.end))
            positions.push_back(i);
    return positions;
}

std::vector<ClassifiedOccurrence> ClassifiedEvents::window_occurrences() const {
    std::vector<ClassifiedOccurrence> inside;
    for (std::size_t i : in_window())
        inside.push_back(all[i]);
    return inside;
}

namespace {

// Only to say where the events are: problems were reported already, and a few thousand
// instances of an endless series are enough to find its first one.
std::optional<TimeWindow> input_range(const std::vector<CalendarFile>& calendars,
                                      const Zone& report_zone) {
    using namespace date;
    TimeWindow everything{sys_days{1970_y / January / 1}, sys_days{2100_y / January / 1}};
    Diagnostics ignored;
    auto anywhere =
        expand_occurrences(calendars, everything, report_zone, ignored, ExpansionLimits{5000});
    if (anywhere.empty())
        return std::nullopt;
    TimeWindow range{anywhere.front().start, anywhere.front().end};
    for (const auto& o : anywhere) {
        range.from = std::min(range.from, o.start);
        range.to = std::max(range.to, o.end);
    }
    return range;
}

} // namespace

ClassifiedEvents classify_inputs(const std::vector<std::string>& inputs, const TimeWindow& window,
                                 const Zone& report_zone, const RuleSet& rules,
                                 const OwnershipOverrides& overrides, Diagnostics& diagnostics,
                                 bool calendars_apart, const ReadOptions& read_options) {
    ClassifiedEvents events;
    events.window = window;
    // The customer meeting a pre-meeting prepares may lie after the window, and one that a
    // debrief follows before it. The adjacency window is included for rules files that make
    // it longer than the others.
    auto margin = std::max(
        {rules.settings.pre_window, rules.settings.post_window, rules.settings.adjacent_window});
    TimeWindow widened{window.from - margin, window.to + margin};
    ReadOptions options = read_options;
    if (!options.read_every_event)
        options.window = widened;
    options.descriptions = options.descriptions || reads_descriptions(rules);
    std::vector<CalendarFile> calendars = read_inputs(inputs, diagnostics, options);
    // A --strict run reads them all the same; dropped here, they cannot make it differ (in
    // the bytes a series may put out, say) from a run that never read them. Other runs have
    // none to drop.
    if (!options.descriptions && options.read_every_event)
        for (CalendarFile& calendar : calendars)
            for (EventRecord& event : calendar.events)
                event.description = Shared<std::string>();
    events.files_read = calendars.size();
    for (const auto& calendar : calendars)
        events.events_not_parsed += calendar.events_not_parsed;
    std::vector<Occurrence> occurrences;
    if (calendars_apart) {
        events.ownerships = infer_ownerships(calendars, rules.settings, overrides, diagnostics);
        for (CalendarFile& calendar : calendars) {
            // Moved in and back rather than copied: a calendar can be most of the memory.
            std::vector<CalendarFile> one;
            one.push_back(std::move(calendar));
            auto mine = expand_occurrences(one, widened, report_zone, diagnostics);
            calendar = std::move(one.front());
            occurrences.insert(occurrences.end(), std::make_move_iterator(mine.begin()),
                               std::make_move_iterator(mine.end()));
        }
        std::stable_sort(occurrences.begin(), occurrences.end(),
                         [](const Occurrence& a, const Occurrence& b) {
                             return std::tie(a.start, a.uid) < std::tie(b.start, b.uid);
                         });
    } else {
        // Both only read the calendars: the owners are inferred on another thread while the
        // events are grouped by UID, which takes one thread, and their problems still come
        // first.
        Diagnostics ownership_problems;
        auto inferred = std::async(std::launch::async, [&] {
            return infer_ownerships(calendars, rules.settings, overrides, ownership_problems);
        });
        Diagnostics expansion_problems;
        occurrences = expand_occurrences(calendars, widened, report_zone, expansion_problems);
        events.ownerships = inferred.get();
        diagnostics.append(ownership_problems);
        diagnostics.append(expansion_problems);
    }
    bool any_in_window =
        std::any_of(occurrences.begin(), occurrences.end(),
                    [&](const Occurrence& o) { return overlaps(window, o.start, o.end); });
    if (!any_in_window && !calendars.empty())
        events.input_range = input_range(calendars, report_zone);
    // The occurrences hold what classification needs; the events can go before it starts.
    calendars = {};
    events.all = classify(std::move(occurrences), rules, events.ownerships, diagnostics);
    return events;
}

} // namespace busywork
