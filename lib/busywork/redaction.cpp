// SPDX-License-Identifier: MIT
#include <algorithm>
#include <busywork/domains.hpp>
#include <busywork/redaction.hpp>
#include <busywork/text_matching.hpp>
#include <filesystem>
#include <nettle/hmac.h>

namespace busywork {

namespace {

std::string_view short_name(Category category) {
    switch (category) {
    case Category::customer:
        return "customer";
    case Category::pre_meeting:
        return "pre";
    case Category::post_meeting:
        return "post";
    case Category::internal_sync:
        return "sync";
    case Category::internal_other:
        return "internal";
    case Category::solo:
        return "solo";
    case Category::excluded:
        break;
    }
    return "excluded";
}

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

std::string_view kind_of(const Attendee& attendee) {
    if (attendee.cutype == "ROOM")
        return "room";
    if (attendee.cutype == "RESOURCE")
        return "resource";
    if (attendee.cutype == "GROUP")
        return "group";
    return "person";
}

void replace_all(std::string& text, const std::string& from, const std::string& to) {
    if (from.empty())
        return;
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
}

} // namespace

Pseudonyms::Pseudonyms(std::string salt) : m_salt(std::move(salt)) {}

std::string Pseudonyms::hash(std::string_view text, std::size_t digits) const {
    hmac_sha256_ctx context;
    hmac_sha256_set_key(&context, m_salt.size(), reinterpret_cast<const uint8_t*>(m_salt.data()));
    hmac_sha256_update(&context, text.size(), reinterpret_cast<const uint8_t*>(text.data()));
    uint8_t digest[SHA256_DIGEST_SIZE];
    hmac_sha256_digest(&context, SHA256_DIGEST_SIZE, digest);
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < SHA256_DIGEST_SIZE && out.size() < digits; ++i) {
        out += hex[digest[i] >> 4];
        out += hex[digest[i] & 0x0f];
    }
    out.resize(std::min(digits, out.size()));
    return out;
}

std::string Pseudonyms::title(std::string_view title, Category category) const {
    return title.empty() ? std::string() : std::string(short_name(category)) + "-" + hash(title);
}

std::string Pseudonyms::description(std::string_view text) const {
    return text.empty() ? std::string() : "description-" + hash(text);
}

std::string Pseudonyms::location(std::string_view text) const {
    return text.empty() ? std::string() : "location-" + hash(text);
}

std::string Pseudonyms::address(std::string_view address, std::string_view kind) const {
    if (address.empty())
        return {};
    std::string folded = lower(address);
    std::string out = std::string(kind) + "-" + hash(folded);
    if (auto at = folded.rfind('@'); at != std::string::npos)
        out += folded.substr(at);
    return out;
}

std::string Pseudonyms::uid(std::string_view uid) const {
    return uid.empty() ? std::string() : "uid-" + hash(uid, 16);
}

std::string Pseudonyms::word(std::string_view word) const {
    return "word-" + hash(word);
}

Redactor::Redactor(const ClassifiedEvents& events, std::string salt)
    : m_pseudonyms(std::move(salt)) {
    // A tie's name is kept when a domain in the input shows it anyway: the words that
    // classification reads out of a domain's label, folded either way it may fold them.
    std::set<std::string> hosts;
    for (const auto& [o, c] : events.all) {
        if (o.organizer)
            hosts.insert(domain_of(o.organizer->address));
        for (const auto& a : o.attendees)
            hosts.insert(domain_of(a.address));
    }
    hosts.erase("");
    for (const auto& host : hosts) {
        std::string label = organisation_label(host);
        for (bool ignore_diacritics : {true, false}) {
            std::vector<std::string> words = words_of(fold_text(label, {ignore_diacritics}));
            std::string joined;
            for (auto& w : words) {
                joined += w;
                m_public_names.insert(std::move(w));
            }
            m_public_names.insert(std::move(joined));
        }
    }
    m_public_names.insert("attendees");

    std::set<std::string> paths;
    for (const auto& [path, ownership] : events.ownerships)
        paths.insert(path);
    for (const auto& [o, c] : events.all)
        paths.insert(o.source_file);
    std::map<std::string, int> uses;
    for (const auto& p : paths)
        ++uses[file_name(p)];
    for (const auto& p : paths) {
        std::string name = file_name(p);
        // Two inputs must stay two calendars in a per-calendar report.
        if (uses[name] > 1)
            name = m_pseudonyms.hash(std::filesystem::path(p).parent_path().string()) + "/" + name;
        m_paths.emplace(p, std::move(name));
    }
}

std::string Redactor::file_name(const std::string& path) const {
    if (path == "<stdin>")
        return path;
    std::string name = std::filesystem::path(path).filename().string();
    if (name.empty())
        return "file-" + m_pseudonyms.hash(path);
    // Google names an export after the calendar, which is its owner's address.
    std::string extension;
    if (auto dot = name.rfind('.'); dot != std::string::npos && lower(name.substr(dot)) == ".ics") {
        extension = name.substr(dot);
        name.erase(dot);
    }
    if (name.find('@') != std::string::npos)
        name = m_pseudonyms.address(name);
    return name + extension;
}

std::string Redactor::path(const std::string& path) const {
    auto it = m_paths.find(path);
    return it != m_paths.end() ? it->second : file_name(path);
}

void Redactor::redact(Attendee& attendee) const {
    std::string kind(kind_of(attendee));
    std::string address = m_pseudonyms.address(attendee.address, kind);
    if (!attendee.common_name.empty())
        attendee.common_name = address.empty()
                                   ? kind + "-" + m_pseudonyms.hash(attendee.common_name)
                                   : address.substr(0, address.find('@'));
    attendee.address = std::move(address);
}

void Redactor::redact(Tie& tie) const {
    if (!m_public_names.count(tie.name))
        tie.name = m_pseudonyms.word(tie.name);
    // Only customer meetings are tied to.
    tie.summary = m_pseudonyms.title(tie.summary, Category::customer);
    tie.uid = m_pseudonyms.uid(tie.uid);
}

void Redactor::redact(ClassifiedOccurrence& occurrence) const {
    auto& [o, c] = occurrence;
    o.source_file = path(o.source_file);
    o.uid = m_pseudonyms.uid(o.uid);
    o.summary = m_pseudonyms.title(o.summary, c.category);
    o.description = m_pseudonyms.description(o.description);
    o.location = m_pseudonyms.location(o.location);
    if (o.organizer)
        redact(*o.organizer.edit());
    if (!o.attendees.empty())
        for (auto& a : o.attendees.edit())
            redact(a);
    if (c.tie)
        redact(*c.tie.edit());
}

void Redactor::redact(Ownership& ownership) const {
    for (auto& a : ownership.owner_addresses)
        a = m_pseudonyms.address(a);
    // "from /home/anna/.config/busywork/config.toml:3" names the user by the folder.
    for (auto* evidence : {&ownership.owner_evidence, &ownership.domain_evidence})
        if (evidence->find('/') != std::string::npos)
            *evidence = "the config file";
}

void Redactor::redact(ClassifiedEvents& events) const {
    for (auto& c : events.all)
        redact(c);
    Ownerships ownerships;
    for (auto& [file, ownership] : events.ownerships) {
        Ownership redacted = ownership;
        redact(redacted);
        ownerships.emplace(path(file), std::move(redacted));
    }
    events.ownerships = std::move(ownerships);
}

void Redactor::redact(std::vector<OccurrenceExplanation>& explanations) const {
    for (auto& e : explanations) {
        redact(e.subject);
        if (e.ownership)
            redact(*e.ownership);
        if (e.participants)
            for (auto& a : e.participants->addresses)
                a = m_pseudonyms.address(a);
        for (auto& step : e.steps) {
            if (!step.tie)
                continue;
            std::string quoted = describe_tied_meeting(*step.tie);
            redact(*step.tie);
            replace_all(step.reason, quoted, describe_tied_meeting(*step.tie));
        }
    }
}

} // namespace busywork
