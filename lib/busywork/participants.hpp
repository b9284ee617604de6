// SPDX-License-Identifier: MIT
#pragma once

#include <busywork/occurrence.hpp>
#include <busywork/ownership.hpp>
#include <busywork/rules.hpp>
#include <string>
#include <vector>

namespace busywork {

/// The people an occurrence is with, besides the owner. Rooms, resources, ignored domains
/// and addresses and attendees who declined are left out; the organizer counts as a
/// participant even when the file lists them only as ORGANIZER.
struct Participants {
    std::vector<std::string> addresses;        ///< sorted, each once
    std::vector<std::string> external_domains; ///< registrable domains, sorted, each once
    std::string organizer_host;                ///< the organizer's domain, even the owner's
    int internal = 0;
    int external = 0;
    int unknown = 0; ///< written without a usable address, so neither internal nor external
    bool owner_declined = false;

    int count() const { return internal + external + unknown; }
    bool all_internal() const { return count() > 0 && internal == count(); }
};

Participants participants_of(const Occurrence& occurrence, const Ownership& ownership,
                             const Settings& settings);

} // namespace busywork
