// SPDX-License-Identifier: MIT
#pragma once

#include <busywork/category.hpp>
#include <busywork/classification.hpp>
#include <busywork/classified_events.hpp>
#include <busywork/ownership.hpp>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace busywork {

/// Stable pseudonyms for the text that names people and customers, for `--redact`.
///
/// A pseudonym is a prefix and the first bits of HMAC-SHA-256(salt, text) in hex: the same
/// text and salt give the same pseudonym in every run and every file, so that an audit can
/// still say "these three meetings are the same series". It is pseudonymisation, not
/// encryption: without a salt anyone can hash a guessed title ("Prep Contoso") and compare,
/// which for short names is a dictionary attack. With a secret salt (`redact_salt`,
/// `BUSYWORK_REDACT_SALT`) only who knows the salt can; pseudonyms then match only between
/// runs with the same salt.
class Pseudonyms {
public:
    explicit Pseudonyms(std::string salt = {});

    /// `digits` lower-case hex digits (at most 64) of HMAC-SHA-256(salt, text).
    std::string hash(std::string_view text, std::size_t digits = 8) const;

    /// "sync-1a2b3c4d" for a title of an internal-sync occurrence: the category's short name
    /// (customer, pre, post, sync, internal, solo, excluded) and the title's hash. The hash
    /// does not depend on the category, so a series' cancelled instance shares it. Empty
    /// stays empty.
    std::string title(std::string_view title, Category category) const;
    /// "description-1a2b3c4d"; empty stays empty.
    std::string description(std::string_view text) const;
    /// "location-1a2b3c4d"; empty stays empty.
    std::string location(std::string_view text) const;
    /// "person-1a2b3c4d@acme.de": the domain kept, the address (lower-cased) hashed. `kind`
    /// names what the address is ("person", "room", "resource", "group"). Without an `@`
    /// the whole text is hashed.
    std::string address(std::string_view address, std::string_view kind = "person") const;
    /// "uid-" and 16 hex digits: long enough that two series do not share one.
    std::string uid(std::string_view uid) const;
    /// "word-1a2b3c4d", for a word of a title that tied a pre-meeting to its customer meeting.
    std::string word(std::string_view word) const;

private:
    std::string m_salt;
};

/// Redacts one run's output model after classification, so that every renderer prints only
/// pseudonyms: titles, descriptions, locations, UIDs, the addresses and names of attendees,
/// organizers and owners, and the words that tied a pre- or post-meeting to a customer.
/// Domains stay, and so do the names of customers that are their domains' labels ("contoso"
/// for contoso.com), since the domains show them anyway. A calendar file is shown by its file
/// name without folders, with an address in the name pseudonymised.
class Redactor {
public:
    /// Learns the domain labels that may stay and the input files from `events`, which must
    /// not be redacted yet.
    Redactor(const ClassifiedEvents& events, std::string salt);

    const Pseudonyms& pseudonyms() const { return m_pseudonyms; }

    /// The occurrences, their ties and the ownerships (re-keyed by the redacted paths).
    void redact(ClassifiedEvents& events) const;
    void redact(ClassifiedOccurrence& occurrence) const;
    void redact(Ownership& ownership) const;
    /// Includes the reasons that quote a tied customer meeting.
    void redact(std::vector<OccurrenceExplanation>& explanations) const;
    /// The path as shown: its file name, an address in it pseudonymised, and a hash of the
    /// folder in front when two inputs have the same file name.
    std::string path(const std::string& path) const;

private:
    void redact(Tie& tie) const;
    void redact(Attendee& attendee) const;
    std::string file_name(const std::string& path) const;

    Pseudonyms m_pseudonyms;
    std::set<std::string> m_public_names;
    std::map<std::string, std::string> m_paths;
};

} // namespace busywork
