// SPDX-License-Identifier: MIT
#include <boost/test/unit_test.hpp>
#include <busywork/domains.hpp>

using namespace busywork;

BOOST_AUTO_TEST_SUITE(domains)

// RFC 6047 3 writes people as mailto: URIs; the scheme is case-insensitive (RFC 3986 3.1), and
// only ASCII is lower-cased (addresses are compared as ASCII text).
BOOST_AUTO_TEST_CASE(normalized_address_drops_one_mailto_scheme_and_lower_cases_ascii) {
    BOOST_TEST(normalized_address("mailto:Anna@Acme.DE") == "anna@acme.de");
    BOOST_TEST(normalized_address("MAILTO:anna@acme.de") == "anna@acme.de");
    BOOST_TEST(normalized_address("MailTo:anna@acme.de") == "anna@acme.de");
    BOOST_TEST(normalized_address("mailto:mailto:a@b.de") == "mailto:a@b.de");
    BOOST_TEST(normalized_address("anna@acme.de") == "anna@acme.de");
    BOOST_TEST(normalized_address("mailto:") == "");
    BOOST_TEST(normalized_address("mailto") == "mailto");
    BOOST_TEST(normalized_address("mailto:J\xC3\x9CRGEN@X.DE") == "j\xC3\x9Crgen@x.de");
}

BOOST_AUTO_TEST_CASE(domain_of_takes_the_lower_cased_host_after_the_last_at) {
    BOOST_TEST(domain_of("Jennifer.Brooks@ADatum.com") == "adatum.com");
    BOOST_TEST(domain_of("Jane@Sales.Contoso.co.uk") == "sales.contoso.co.uk");
    // The last '@' counts: a quoted local part may hold one.
    BOOST_TEST(domain_of("\"a@b\"@Fabrikam.com") == "fabrikam.com");
    // Written inside angle brackets, with stray whitespace.
    BOOST_TEST(domain_of("Jane <jane@Contoso.com> ") == "contoso.com");
    BOOST_TEST(domain_of("mailto:jane@ contoso.com ") == "contoso.com");
}

BOOST_AUTO_TEST_CASE(domain_of_is_empty_without_a_host) {
    BOOST_TEST(domain_of("Jennifer Brooks") == "");
    BOOST_TEST(domain_of("") == "");
    BOOST_TEST(domain_of("jane@") == "");
    BOOST_TEST(domain_of("jane@  >") == "");
}

BOOST_AUTO_TEST_CASE(registrable_domain_follows_the_public_suffix_list) {
    // "com" is the public suffix, so one label more is the registrable domain.
    BOOST_TEST(registrable_domain("de.acme.com") == "acme.com");
    BOOST_TEST(registrable_domain("acme.com") == "acme.com");
    // "co.uk" is a suffix of two labels: the registrable domain takes three.
    BOOST_TEST(registrable_domain("sales.contoso.co.uk") == "contoso.co.uk");
    BOOST_TEST(registrable_domain("mail.tailspintoys.co.uk") == "tailspintoys.co.uk");
    // google.com is not itself on the list, only "com" is.
    BOOST_TEST(registrable_domain("resource.calendar.google.com") == "google.com");
}

BOOST_AUTO_TEST_CASE(registrable_domain_lower_cases_and_drops_a_trailing_dot) {
    BOOST_TEST(registrable_domain("Sales.CONTOSO.co.UK") == "contoso.co.uk");
    BOOST_TEST(registrable_domain("de.acme.com.") == "acme.com");
}

BOOST_AUTO_TEST_CASE(a_public_suffix_or_invalid_host_comes_back_lower_cased) {
    // A public suffix has no registrable domain of its own.
    BOOST_TEST(registrable_domain("co.uk") == "co.uk");
    BOOST_TEST(registrable_domain("CO.UK") == "co.uk");
    BOOST_TEST(registrable_domain("com") == "com");
    BOOST_TEST(registrable_domain("") == "");
}

BOOST_AUTO_TEST_CASE(organisation_label_is_the_first_label_of_the_registrable_domain) {
    BOOST_TEST(organisation_label("sales.contoso.co.uk") == "contoso");
    BOOST_TEST(organisation_label("mail.tailspintoys.co.uk") == "tailspintoys");
    BOOST_TEST(organisation_label("de.acme.com") == "acme");
    BOOST_TEST(organisation_label("ADatum.com") == "adatum");
    // A public suffix is its own registrable domain here, so its first label stands.
    BOOST_TEST(organisation_label("co.uk") == "co");
}

BOOST_AUTO_TEST_CASE(is_within_domain_matches_the_domain_and_its_subdomains) {
    BOOST_TEST(is_within_domain("resource.calendar.google.com", "resource.calendar.google.com"));
    BOOST_TEST(is_within_domain("resource.calendar.google.com", "google.com"));
    BOOST_TEST(is_within_domain("calendar.google.com", "google.com"));
    BOOST_TEST(is_within_domain("Calendar.Google.COM", "google.com"));
    BOOST_TEST(is_within_domain("google.com", "GOOGLE.com"));
    // A shared ending is not enough: the match has to start at a label boundary.
    BOOST_TEST(!is_within_domain("notgoogle.com", "google.com"));
    BOOST_TEST(!is_within_domain("google.com", "calendar.google.com"));
    BOOST_TEST(!is_within_domain("google.com", ""));
    BOOST_TEST(!is_within_domain("", "google.com"));
}

BOOST_AUTO_TEST_SUITE_END()
