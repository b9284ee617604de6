// SPDX-License-Identifier: MIT
#include <algorithm>
#include <busywork/domains.hpp>
#include <busywork/ownership.hpp>
#include <map>
#include <unordered_map>

namespace busywork {

namespace {

// `*` stands for any run of characters; everything else must match exactly.
bool glob_matches(std::string_view pattern, std::string_view text) {
    std::size_t p = 0, t = 0, star = std::string_view::npos, resume = 0;
    while (t < text.size()) {
        if (p < pattern.size() && pattern[p] == '*') {
            star = p++;
            resume = t;
        } else if (p < pattern.size() && pattern[p] == text[t]) {
            ++p;
            ++t;
        } else if (star != std::string_view::npos) {
            p = star + 1;
            t = ++resume;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*')
        ++p;
    return p == pattern.size();
}

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

std::vector<std::string> registrable_all(const std::vector<std::string>& domains) {
    std::vector<std::string> out;
    for (const auto& d : domains)
        out.push_back(registrable_domain(d));
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& i : items)
        out += (out.empty() ? "" : ", ") + i;
    return out;
}

bool looks_like_address(const std::string& text) {
    auto at = text.find('@');
    return at != std::string::npos && at > 0 && text.find('@', at + 1) == std::string::npos &&
           text.find('.', at) != std::string::npos && text.find(' ') == std::string::npos;
}

} // namespace

bool Ownership::is_owner(const std::string& address) const {
    return std::find(owner_addresses.begin(), owner_addresses.end(), address) !=
           owner_addresses.end();
}

bool Ownership::is_internal_domain(const std::string& host) const {
    if (host.empty())
        return false;
    std::string registrable = registrable_domain(host);
    for (const auto& d : internal_domains)
        if (registrable == d || is_within_domain(host, d))
            return true;
    return false;
}

std::string Ownership::describe() const {
    std::string out;
    if (owner_addresses.empty())
        out = "owner unknown (no addresses in the file; pass --me)";
    else {
        out = "owner " + join(owner_addresses);
        if (owner_inferred)
            out += " (inferred from " + owner_evidence + ", in " + std::to_string(owner_events) +
                   " of " + std::to_string(events) + " events)";
        else
            out += " (from " + owner_evidence + ")";
    }
    if (internal_domains.empty())
        return out + "; no internal domain";
    out += internal_domains.size() == 1 ? "; internal domain " : "; internal domains ";
    out += join(internal_domains);
    out += domains_inferred ? " (inferred: " + domain_evidence + ")"
                            : " (from " + domain_evidence + ")";
    return out;
}

bool is_ignored_address(const std::string& address, const Settings& settings) {
    std::string host = domain_of(address);
    for (const auto& d : settings.ignored_domains)
        if (is_within_domain(host, d))
            return true;
    for (const auto& pattern : settings.ignored_addresses)
        if (glob_matches(pattern, address))
            return true;
    return false;
}

bool is_room_or_resource(const Attendee& attendee) {
    return attendee.cutype == "ROOM" || attendee.cutype == "RESOURCE";
}

Ownership infer_ownership(const CalendarFile& calendar, const Settings& settings,
                          const OwnershipOverrides& overrides, Diagnostics& diagnostics) {
    Ownership ownership;
    ownership.events = static_cast<int>(calendar.events.size());
    // Each address is looked at once as held (reading shares the strings of most events'
    // people) and counted by its text, once an event: an event may name thousands of people.
    // Whether an address is ignored is decided once for its text, as one text may be held
    // in many places (by the stand-ins of each batch the reader read, say).
    struct Count {
        int events = 0;
        std::size_t last_event = 0; // 1 + the index of the last event counted
        bool ignored = false;
    };
    std::unordered_map<std::string_view, Count> by_text;
    std::unordered_map<const std::string*, Count*> by_held; // null: ignored
    std::size_t event_number = 0;
    auto add = [&](const Attendee& a) {
        if (a.address->find('@') == std::string::npos || is_room_or_resource(a))
            return;
        auto [held, inserted] = by_held.try_emplace(&a.address.get(), nullptr);
        if (inserted) {
            auto [text, new_text] = by_text.try_emplace(std::string_view(a.address));
            if (new_text)
                text->second.ignored = is_ignored_address(a.address, settings);
            if (!text->second.ignored)
                held->second = &text->second;
        }
        Count* count = held->second;
        if (count == nullptr || count->last_event == event_number)
            return;
        count->last_event = event_number;
        ++count->events;
    };
    for (const auto& event : calendar.events) {
        ++event_number;
        if (event.organizer)
            add(*event.organizer);
        for (const auto& a : event.attendees)
            add(a);
    }
    std::map<std::string, int> appearances;
    for (const auto& [address, count] : by_text)
        if (!count.ignored)
            appearances.emplace(address, count.events);

    if (!overrides.owner_addresses.empty()) {
        for (const auto& a : overrides.owner_addresses)
            ownership.owner_addresses.push_back(lower(a));
        ownership.owner_evidence = overrides.owner_evidence;
    } else if (!settings.owner.empty()) {
        ownership.owner_addresses = settings.owner;
        ownership.owner_evidence = "the rules file";
    } else if (std::string name = lower(calendar.calendar_name);
               looks_like_address(name) && !is_ignored_address(name, settings)) {
        ownership.owner_addresses = {name};
        ownership.owner_evidence = "X-WR-CALNAME";
        ownership.owner_inferred = true;
    } else if (!appearances.empty()) {
        auto best =
            std::max_element(appearances.begin(), appearances.end(),
                             [](const auto& a, const auto& b) { return a.second < b.second; });
        ownership.owner_addresses = {best->first};
        ownership.owner_evidence = "the address in most events";
        ownership.owner_inferred = true;
        std::vector<std::string> tied;
        for (const auto& [address, count] : appearances)
            if (count == best->second && address != best->first)
                tied.push_back(address);
        // A company-wide invitation ties thousands; five names make the point.
        std::size_t tied_count = tied.size();
        if (tied.size() > 5) {
            tied.resize(5);
            tied.push_back(std::to_string(tied_count - 5) + " more");
        }
        if (!tied.empty())
            diagnostics.warn(calendar.path, 0,
                             "the owner is a guess: " + best->first + " and " + join(tied) +
                                 " each appear in " + std::to_string(best->second) +
                                 " events; taking " + best->first + " (pass --me to choose)");
    }
    for (const auto& a : ownership.owner_addresses)
        if (auto it = appearances.find(a); it != appearances.end())
            ownership.owner_events = std::max(ownership.owner_events, it->second);

    if (!overrides.internal_domains.empty()) {
        ownership.internal_domains = registrable_all(overrides.internal_domains);
        ownership.domain_evidence = overrides.domain_evidence;
    } else if (!settings.internal_domains.empty()) {
        ownership.internal_domains = registrable_all(settings.internal_domains);
        ownership.domain_evidence = "the rules file";
    } else {
        std::vector<std::string> hosts;
        for (const auto& a : ownership.owner_addresses)
            if (std::string host = domain_of(a); !host.empty())
                hosts.push_back(host);
        ownership.internal_domains = registrable_all(hosts);
        ownership.domain_evidence = "the owner's domain";
        ownership.domains_inferred = true;
    }
    return ownership;
}

Ownerships infer_ownerships(const std::vector<CalendarFile>& calendars, const Settings& settings,
                            const OwnershipOverrides& overrides, Diagnostics& diagnostics) {
    Ownerships ownerships;
    for (const auto& c : calendars)
        ownerships.emplace(c.path, infer_ownership(c, settings, overrides, diagnostics));
    return ownerships;
}

std::vector<std::string> describe_ownerships(const Ownerships& ownerships) {
    std::vector<std::string> lines;
    for (const auto& [path, ownership] : ownerships)
        lines.push_back(path + ": " + ownership.describe());
    return lines;
}

} // namespace busywork
