// SPDX-License-Identifier: MIT
#pragma once

#include <busywork/calendar.hpp>
#include <busywork/diagnostics.hpp>
#include <busywork/occurrence.hpp>
#include <busywork/rules.hpp>
#include <map>
#include <string>
#include <vector>

namespace busywork {

/// Whose calendar a file is, and which domains count as the owner's company.
struct Ownership {
    std::vector<std::string> owner_addresses;  ///< lower-case
    std::vector<std::string> internal_domains; ///< registrable domains, lower-case
    std::string owner_evidence;  ///< "--me", "X-WR-CALNAME", "the address in most events" …
    std::string domain_evidence; ///< "--internal-domain", "the owner's domain" …
    int owner_events = 0;        ///< events the owner appears in
    int events = 0;              ///< events in the file
    bool owner_inferred = false;
    bool domains_inferred = false;

    bool is_owner(const std::string& address) const;
    bool is_internal_domain(const std::string& host) const;

    /// "owner anna@acme.de (inferred from X-WR-CALNAME, in 22 of 25 events); internal domain
    /// acme.de (inferred: the owner's domain)".
    std::string describe() const;
};

/// What the command line (or the environment or config file in its place) says, which beats
/// the rules file and inference.
struct OwnershipOverrides {
    std::vector<std::string> owner_addresses;  ///< --me
    std::vector<std::string> internal_domains; ///< --internal-domain
    /// Where they came from, for "owner … (from --me)".
    std::string owner_evidence = "--me";
    std::string domain_evidence = "--internal-domain";
};

/// True when `address` is never a participant: an ignored domain or address of `settings`.
bool is_ignored_address(const std::string& address, const Settings& settings);

/// True for attendees that are places or things, not people (CUTYPE ROOM or RESOURCE).
bool is_room_or_resource(const Attendee& attendee);

/// The owner of `calendar` and its internal domains. Given addresses and domains win (the
/// command line, then the rules file); otherwise the owner is X-WR-CALNAME when it is an
/// address, else the address in most events as organizer or attendee, and the internal
/// domain is the owner's registrable domain. An ambiguous guess is reported in `diagnostics`.
Ownership infer_ownership(const CalendarFile& calendar, const Settings& settings,
                          const OwnershipOverrides& overrides, Diagnostics& diagnostics);

/// Each calendar file's owner and internal domains, by the file's path.
using Ownerships = std::map<std::string, Ownership>;

/// `infer_ownership` for every file.
Ownerships infer_ownerships(const std::vector<CalendarFile>& calendars, const Settings& settings,
                            const OwnershipOverrides& overrides, Diagnostics& diagnostics);

/// One line per file saying what was inferred: "file: owner … (inferred from …)".
std::vector<std::string> describe_ownerships(const Ownerships& ownerships);

} // namespace busywork
