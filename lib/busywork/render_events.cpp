// SPDX-License-Identifier: MIT
#include <algorithm>
#include <busywork/participants.hpp>
#include <busywork/render_events.hpp>
#include <busywork/text_safety.hpp>
#include <nlohmann/json.hpp>

namespace busywork {
namespace {

std::string format_offset(std::chrono::seconds offset) {
    long long total = offset.count();
    char sign = total < 0 ? '-' : '+';
    total = total < 0 ? -total : total;
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%c%02lld:%02lld", sign, total / 3600, (total / 60) % 60);
    return buffer;
}

std::string people(const Occurrence& o) {
    std::string text;
    for (const auto& a : o.attendees) {
        if (!text.empty())
            text += ' ';
        text += a.address;
        if (!a.partstat.empty())
            text += "(" + a.partstat + ")";
    }
    return text;
}

std::string pad_right(std::string text, std::size_t width) {
    std::size_t used = display_columns(text);
    return used < width ? text + std::string(width - used, ' ') : text;
}

} // namespace

std::string format_rfc3339(Instant instant, const Zone& zone) {
    auto offset = zone.offset_at(instant);
    return date::format("%Y-%m-%dT%H:%M:%S", LocalTime{(instant + offset).time_since_epoch()}) +
           format_offset(offset);
}

std::string describe_tie(const Tie& tie, const Zone& zone) {
    return tie.name + " " + date::format("%Y-%m-%dT%H:%M", zone.to_local(tie.start));
}

std::string render_events_csv(const std::vector<ClassifiedOccurrence>& occurrences,
                              const std::vector<long long>& counted_min, const Zone& zone) {
    std::string out =
        "uid,start,end,all_day,summary,category,rule,tied_to,counted_min,recurrence_id,"
        "status,transp,location,organizer,attendees,source\r\n";
    for (std::size_t i = 0; i < occurrences.size(); ++i) {
        const auto& [o, c] = occurrences[i];
        out += csv_field(o.uid) + ',' + format_rfc3339(o.start, zone) + ',' +
               format_rfc3339(o.end, zone) + ',' + (o.all_day ? "true" : "false") + ',' +
               csv_field(o.summary) + ',' + csv_plain_field(category_name(c.category)) + ',' +
               csv_field(c.rule) + ',' + (c.tie ? csv_field(describe_tie(*c.tie, zone)) : "") +
               ',' + std::to_string(counted_min.at(i)) + ',' +
               (o.recurrence_id ? format_rfc3339(*o.recurrence_id, zone) : std::string()) + ',' +
               csv_field(o.status) + ',' + csv_field(o.transp) + ',' + csv_field(o.location) + ',' +
               csv_field(o.organizer ? *o.organizer->address : std::string()) + ',' +
               csv_field(people(o)) + ',' +
               csv_field(*o.source_file + ":" + std::to_string(o.source_line)) + "\r\n";
    }
    return out;
}

std::string render_events_json(const std::vector<ClassifiedOccurrence>& occurrences,
                               const std::vector<long long>& counted_min, const Zone& zone,
                               const std::vector<std::string>& inferred) {
    auto person = [](const Attendee& a) {
        return nlohmann::json{{"address", a.address},
                              {"name", a.common_name},
                              {"partstat", a.partstat},
                              {"role", a.role},
                              {"cutype", a.cutype}};
    };
    nlohmann::json list = nlohmann::json::array();
    for (std::size_t i = 0; i < occurrences.size(); ++i) {
        const auto& [o, c] = occurrences[i];
        nlohmann::json attendees = nlohmann::json::array();
        for (const auto& a : o.attendees)
            attendees.push_back(person(a));
        list.push_back({
            {"uid", *o.uid},
            {"start", format_rfc3339(o.start, zone)},
            {"end", format_rfc3339(o.end, zone)},
            {"all_day", o.all_day},
            {"summary", *o.summary},
            {"category", category_name(c.category)},
            {"rule", c.rule},
            {"counted_min", counted_min.at(i)},
            {"tied_to", c.tie ? nlohmann::json{{"name", c.tie->name},
                                               {"start", format_rfc3339(c.tie->start, zone)},
                                               {"summary", c.tie->summary},
                                               {"uid", c.tie->uid}}
                              : nlohmann::json()},
            {"recurrence_id", o.recurrence_id
                                  ? nlohmann::json(format_rfc3339(*o.recurrence_id, zone))
                                  : nlohmann::json()},
            {"recurring", o.recurring},
            {"status", o.status},
            {"transp", o.transp},
            {"location", *o.location},
            {"description", *o.description},
            {"organizer", o.organizer ? person(*o.organizer) : nlohmann::json()},
            {"attendees", attendees},
            {"source", {{"file", *o.source_file}, {"line", o.source_line}}},
        });
    }
    // Invalid UTF-8 in event text is replaced rather than thrown on.
    nlohmann::json document{{"inferred", inferred}, {"events", list}};
    return document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string render_events_text(const std::vector<ClassifiedOccurrence>& occurrences,
                               const Zone& zone, const std::vector<std::string>& inferred) {
    std::string out;
    for (const auto& line : inferred)
        out += single_line_text(line) + "\n";
    if (!inferred.empty())
        out += "\n";
    if (occurrences.empty())
        return out + "No events in this window.\n";
    struct Row {
        std::string when, length, category, rule, flags, title;
    };
    std::vector<Row> rows;
    std::size_t when_width = 0, length_width = 0, category_width = 0, rule_width = 0,
                flags_width = 0;
    for (const auto& [o, c] : occurrences) {
        LocalTime start = zone.to_local(o.start);
        LocalTime end = zone.to_local(o.end);
        Row row;
        if (o.all_day) {
            row.when = date::format("%a %Y-%m-%d  all day", start);
            row.length = std::to_string(date::floor<date::days>(end - start).count()) + "d";
        } else {
            bool same_day = date::floor<date::days>(start) == date::floor<date::days>(end);
            row.when = date::format("%a %Y-%m-%d %H:%M", start) + "-" +
                       (same_day ? date::format("%H:%M", end) : date::format("%m-%d %H:%M", end));
            auto minutes =
                std::chrono::duration_cast<std::chrono::minutes>(o.end - o.start).count();
            row.length = std::to_string(minutes / 60) + "h" + (minutes % 60 < 10 ? "0" : "") +
                         std::to_string(minutes % 60);
        }
        std::string flags;
        if (o.status == "CANCELLED")
            flags += "cancelled ";
        if (o.status == "TENTATIVE")
            flags += "tentative ";
        if (o.transp == "TRANSPARENT")
            flags += "free ";
        if (o.recurring)
            flags += "recurring ";
        if (!flags.empty())
            flags.pop_back();
        row.flags = flags;
        row.category = category_name(c.category);
        row.rule = single_line_text(c.rule + (c.tie ? " " + describe_tie(*c.tie, zone) : ""));
        row.title = single_line_text(o.summary.empty() ? "(no title)" : o.summary);
        when_width = std::max(when_width, display_columns(row.when));
        length_width = std::max(length_width, display_columns(row.length));
        category_width = std::max(category_width, display_columns(row.category));
        rule_width = std::max(rule_width, display_columns(row.rule));
        flags_width = std::max(flags_width, display_columns(row.flags));
        rows.push_back(std::move(row));
    }
    auto pad = [](const std::string& s, std::size_t width, bool right = false) {
        std::string fill(width > display_columns(s) ? width - display_columns(s) : 0, ' ');
        return right ? fill + s : s + fill;
    };
    for (const auto& r : rows)
        out += pad(r.when, when_width) + "  " + pad(r.length, length_width, true) + "  " +
               pad(r.category, category_width) + "  " + pad(r.rule, rule_width) + "  " +
               (flags_width ? pad(r.flags, flags_width) + "  " : "") + r.title + "\n";
    out += std::to_string(rows.size()) + (rows.size() == 1 ? " occurrence" : " occurrences") +
           ", times in " + zone.name() + "\n";
    return out;
}

std::string render_explanations(const std::vector<OccurrenceExplanation>& explanations,
                                const Zone& zone) {
    if (explanations.empty())
        return "No occurrence in this window matches.\n";
    std::string out;
    for (const auto& explanation : explanations) {
        const auto& [o, c] = explanation.subject;
        LocalTime start = zone.to_local(o.start);
        out += single_line_text(o.summary.empty() ? "(no title)" : o.summary) + "  " +
               date::format("%a %Y-%m-%d %H:%M", start) + "  " + single_line_text(o.source_file) +
               ":" + std::to_string(o.source_line) + "  UID " + single_line_text(o.uid) + "\n";
        if (explanation.ownership)
            out += "  " + single_line_text(explanation.ownership->describe()) + "\n";
        if (const auto& p = explanation.participants) {
            std::string people = p->addresses.empty() ? "none" : "";
            for (const auto& a : p->addresses)
                people += (people.empty() ? "" : ", ") + a;
            out += "  participants: " + single_line_text(people) + " (" +
                   std::to_string(p->internal) + " internal, " + std::to_string(p->external) +
                   " external" +
                   (p->unknown ? ", " + std::to_string(p->unknown) + " unknown" : "") + ")\n";
        }
        const std::vector<ExplanationStep>& steps = explanation.steps;
        std::size_t width = 0;
        for (const auto& step : steps)
            width = std::max(width, display_columns(step.rule));
        for (const auto& step : steps) {
            std::string name = step.rule + std::string(width - display_columns(step.rule), ' ');
            out += "  " + std::string(step.matched ? "match " : "no    ") + single_line_text(name) +
                   "  " + pad_right(std::string(category_name(step.category)), 14) + "  " +
                   single_line_text(step.reason.empty() ? "no conditions" : step.reason) + "\n";
        }
        out += "  => " + std::string(category_name(c.category)) + " by " +
               single_line_text(c.rule + (c.tie ? " " + describe_tie(*c.tie, zone) : "")) + "\n\n";
    }
    return out;
}

std::string render_explanations(const std::vector<ClassifiedOccurrence>& occurrences,
                                const std::vector<std::size_t>& selected, const RuleSet& rules,
                                const Ownerships& ownerships, const Zone& zone) {
    return render_explanations(explain_occurrences(occurrences, selected, rules, ownerships), zone);
}

} // namespace busywork
