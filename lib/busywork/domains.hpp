// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

namespace busywork {

/// The host part of an address, lower-cased: "sales.contoso.co.uk" for
/// "Jane@Sales.Contoso.co.uk". Empty when the address has no `@` or nothing after it.
std::string domain_of(std::string_view address);

/// An ATTENDEE or ORGANIZER value as an Attendee's `address`: lower-cased, without its
/// `mailto:` prefix (written in any case).
std::string normalized_address(std::string_view value);

/// The registrable domain of a host by the Public Suffix List (libpsl): "contoso.co.uk" for
/// "sales.contoso.co.uk", "acme.com" for "de.acme.com". A host that is itself a public suffix
/// or not a valid name is returned lower-cased and unchanged.
std::string registrable_domain(std::string_view host);

/// The name a customer is called by in titles: the registrable domain's first label,
/// "contoso" for "contoso.co.uk", "tailspintoys" for "mail.tailspintoys.co.uk".
std::string organisation_label(std::string_view host);

/// True when `host` is `domain` or one of its subdomains ("calendar.google.com" is under
/// "google.com"; "notgoogle.com" is not). Both are compared lower-cased.
bool is_within_domain(std::string_view host, std::string_view domain);

} // namespace busywork
