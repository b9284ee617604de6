// SPDX-License-Identifier: MIT
#include <busywork/domains.hpp>
#include <libpsl.h>

namespace busywork {
namespace {

char ascii_lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        c = ascii_lower(c);
    return out;
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && is_space(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && is_space(text.back()))
        text.remove_suffix(1);
    return text;
}

// The newest list on the system (the `publicsuffix` package's DAFSA), else the one built into
// libpsl. Loaded once, thread-safely, and kept for the life of the process: the builtin must
// never be freed, and a loaded one is needed until exit.
const psl_ctx_t* public_suffix_list() {
    static const psl_ctx_t* const psl = [] {
        const psl_ctx_t* latest = psl_latest(nullptr);
        return latest != nullptr ? latest : psl_builtin();
    }();
    return psl;
}

} // namespace

std::string normalized_address(std::string_view value) {
    // The scheme is dropped before the rest is copied: every person of every event comes here.
    constexpr std::string_view scheme = "mailto:";
    if (value.size() >= scheme.size() && lower_ascii(value.substr(0, scheme.size())) == scheme)
        value.remove_prefix(scheme.size());
    return lower_ascii(value);
}

std::string domain_of(std::string_view address) {
    auto at = address.rfind('@');
    if (at == std::string_view::npos)
        return {};
    auto host = trim(address.substr(at + 1));
    if (!host.empty() && host.back() == '>')
        host = trim(host.substr(0, host.size() - 1));
    return lower_ascii(host);
}

std::string registrable_domain(std::string_view host) {
    std::string name = lower_ascii(host);
    if (!name.empty() && name.back() == '.')
        name.pop_back();
    // A NUL would cut the name short for libpsl; such a name is not valid anyway.
    if (name.empty() || name.find('\0') != std::string::npos)
        return name;
    const psl_ctx_t* psl = public_suffix_list();
    if (psl == nullptr)
        return name;
    // Points into `name`, or NULL for a public suffix itself or an invalid name.
    const char* registrable = psl_registrable_domain(psl, name.c_str());
    if (registrable == nullptr)
        return name;
    return std::string(registrable);
}

std::string organisation_label(std::string_view host) {
    std::string domain = registrable_domain(host);
    return domain.substr(0, domain.find('.'));
}

bool is_within_domain(std::string_view host, std::string_view domain) {
    if (domain.empty())
        return false;
    std::string h = lower_ascii(host);
    std::string d = lower_ascii(domain);
    if (h == d)
        return true;
    return h.size() > d.size() && h.ends_with(d) && h[h.size() - d.size() - 1] == '.';
}

} // namespace busywork
