// SPDX-License-Identifier: MIT
#include <algorithm>
#include <busywork/domains.hpp>
#include <busywork/participants.hpp>
#include <unordered_set>

namespace busywork {

Participants participants_of(const Occurrence& occurrence, const Ownership& ownership,
                             const Settings& settings) {
    Participants p;
    if (occurrence.organizer)
        p.organizer_host = domain_of(occurrence.organizer->address);
    std::vector<const Attendee*> people;
    if (occurrence.organizer)
        people.push_back(&*occurrence.organizer);
    for (const auto& a : occurrence.attendees)
        people.push_back(&a);

    std::vector<std::string> seen;
    // A set beside the list: an invitation to a whole company has 100,000 attendees.
    std::unordered_set<std::string> seen_set;
    for (const Attendee* a : people) {
        if (ownership.is_owner(a->address)) {
            if (a->partstat == "DECLINED")
                p.owner_declined = true;
            continue;
        }
        if (is_room_or_resource(*a) || a->partstat == "DECLINED")
            continue;
        std::string host = domain_of(a->address);
        if (host.empty()) {
            // "ATTENDEE;CN=Markus:invalid:nomail" is still somebody, just not placeable.
            if (!a->address.empty() || !a->common_name.empty())
                ++p.unknown;
            continue;
        }
        if (is_ignored_address(a->address, settings))
            continue;
        if (!seen_set.insert(a->address).second)
            continue;
        seen.push_back(a->address);
        if (ownership.is_internal_domain(host)) {
            ++p.internal;
        } else {
            ++p.external;
            p.external_domains.push_back(registrable_domain(host));
        }
    }
    std::sort(seen.begin(), seen.end());
    p.addresses = std::move(seen);
    std::sort(p.external_domains.begin(), p.external_domains.end());
    p.external_domains.erase(std::unique(p.external_domains.begin(), p.external_domains.end()),
                             p.external_domains.end());
    return p;
}

} // namespace busywork
