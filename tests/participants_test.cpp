// SPDX-License-Identifier: MIT
#include <boost/test/unit_test.hpp>
#include <busywork/participants.hpp>
#include <busywork/rules.hpp>
#include <string>
#include <vector>

using namespace busywork;

namespace {

using Strings = std::vector<std::string>;

Attendee person(const std::string& address, const std::string& partstat = "ACCEPTED",
                const std::string& cutype = "INDIVIDUAL") {
    Attendee a;
    a.address = address;
    a.partstat = partstat;
    a.cutype = cutype;
    a.role = "REQ-PARTICIPANT";
    return a;
}

Occurrence meeting(std::optional<Attendee> organizer, std::vector<Attendee> attendees) {
    Occurrence o;
    o.source_file = "cal.ics";
    o.uid = "m1";
    o.summary = "Meeting";
    o.organizer = std::move(organizer);
    o.attendees = std::move(attendees);
    return o;
}

// Anna at acme.com owns the calendar; acme.com is internal.
Ownership anna() {
    Ownership o;
    o.owner_addresses = {"anna@acme.com"};
    o.internal_domains = {"acme.com"};
    return o;
}

const Settings& defaults() {
    static const Settings settings = default_rules().settings;
    return settings;
}

Participants of(const Occurrence& o) {
    return participants_of(o, anna(), defaults());
}

} // namespace

BOOST_AUTO_TEST_SUITE(participants)

BOOST_AUTO_TEST_CASE(the_owner_is_not_a_participant) {
    Participants p =
        of(meeting(person("anna@acme.com"), {person("anna@acme.com"), person("bob@acme.com")}));
    BOOST_TEST(p.addresses == Strings{"bob@acme.com"}, boost::test_tools::per_element());
    BOOST_TEST(p.internal == 1);
    BOOST_TEST(p.external == 0);
    BOOST_TEST(p.count() == 1);
    BOOST_TEST(!p.owner_declined);
    // The organizer's host is kept even when the organizer is the owner.
    BOOST_TEST(p.organizer_host == "acme.com");
}

BOOST_AUTO_TEST_CASE(an_owner_alone_has_no_participants) {
    // Google writes solo blocks with the owner as ORGANIZER and nobody else.
    Participants p = of(meeting(person("anna@acme.com", ""), {}));
    BOOST_TEST(p.count() == 0);
    BOOST_TEST(p.addresses.empty());
    BOOST_TEST(!p.all_internal());
    BOOST_TEST(p.organizer_host == "acme.com");
    // No organizer at all: no host.
    BOOST_TEST(of(meeting(std::nullopt, {})).organizer_host == "");
}

BOOST_AUTO_TEST_CASE(the_owner_declining_is_noted) {
    Participants p = of(meeting(person("bob@acme.com"),
                                {person("anna@acme.com", "DECLINED"), person("bob@acme.com")}));
    BOOST_TEST(p.owner_declined);
    // She is still not counted.
    BOOST_TEST(p.addresses == Strings{"bob@acme.com"}, boost::test_tools::per_element());
    BOOST_TEST(p.count() == 1);
    // Tentative is not declined.
    BOOST_TEST(!of(meeting(person("bob@acme.com"), {person("anna@acme.com", "TENTATIVE")}))
                    .owner_declined);
}

BOOST_AUTO_TEST_CASE(an_attendee_who_declined_is_left_out) {
    // The external one declined, so only internal people are left.
    Participants p =
        of(meeting(person("bob@acme.com"), {person("anna@acme.com"), person("bob@acme.com"),
                                            person("jane@contoso.com", "DECLINED"),
                                            person("carol@acme.com", "TENTATIVE")}));
    BOOST_TEST(p.addresses == (Strings{"bob@acme.com", "carol@acme.com"}),
               boost::test_tools::per_element());
    BOOST_TEST(p.external == 0);
    BOOST_TEST(p.external_domains.empty());
    BOOST_TEST(p.all_internal());
    BOOST_TEST(!p.owner_declined);
}

BOOST_AUTO_TEST_CASE(rooms_and_resources_are_left_out) {
    // A room and a resource, one with an internal and one with an external address.
    Participants p =
        of(meeting(person("anna@acme.com"),
                   {person("raum.spree@acme.com", "ACCEPTED", "ROOM"),
                    person("beamer@contoso.com", "ACCEPTED", "RESOURCE"), person("bob@acme.com")}));
    BOOST_TEST(p.addresses == Strings{"bob@acme.com"}, boost::test_tools::per_element());
    BOOST_TEST(p.internal == 1);
    BOOST_TEST(p.external == 0);
    BOOST_TEST(p.external_domains.empty());
}

BOOST_AUTO_TEST_CASE(ignored_domains_and_addresses_are_left_out) {
    // Default settings: Google's room calendar domain and "noreply@*" are ignored, so neither
    // counts as external although neither is at acme.com.
    Participants p =
        of(meeting(person("noreply@contoso.com"),
                   {person("anna@acme.com"), person("c_1889@resource.calendar.google.com"),
                    person("holidays@group.v.calendar.google.com")}));
    BOOST_TEST(p.count() == 0);
    BOOST_TEST(p.external == 0);
    BOOST_TEST(p.external_domains.empty());
    BOOST_TEST(p.addresses.empty());
    // An ignored domain of the user's own.
    Settings mine = defaults();
    mine.ignored_domains.push_back("bots.acme.com");
    Participants q = participants_of(
        meeting(person("anna@acme.com"), {person("ci@eu.bots.acme.com"), person("bob@acme.com")}),
        anna(), mine);
    BOOST_TEST(q.addresses == Strings{"bob@acme.com"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(an_organizer_who_also_attends_counts_once) {
    Participants p =
        of(meeting(person("jane@contoso.com"), {person("jane@contoso.com"), person("anna@acme.com"),
                                                person("jane@contoso.com")}));
    BOOST_TEST(p.addresses == Strings{"jane@contoso.com"}, boost::test_tools::per_element());
    BOOST_TEST(p.external == 1);
    BOOST_TEST(p.count() == 1);
    BOOST_TEST(p.organizer_host == "contoso.com");
}

BOOST_AUTO_TEST_CASE(an_organizer_listed_only_as_organizer_counts) {
    // Outlook lists the organizer only in ORGANIZER.
    Participants p = of(meeting(person("jane@contoso.com", ""), {person("anna@acme.com")}));
    BOOST_TEST(p.addresses == Strings{"jane@contoso.com"}, boost::test_tools::per_element());
    BOOST_TEST(p.external == 1);
    BOOST_TEST(p.external_domains == Strings{"contoso.com"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(external_domains_are_registrable_sorted_and_each_once) {
    // sales.contoso.co.uk and contoso.co.uk are both contoso.co.uk (co.uk is the public
    // suffix); fabrikam.de sorts after it; de.acme.com is internal (a subdomain of acme.com).
    Participants p = of(meeting(person("anna@acme.com"),
                                {person("jane@sales.contoso.co.uk"), person("john@contoso.co.uk"),
                                 person("klaus@fabrikam.de"), person("lena@de.acme.com")}));
    BOOST_TEST(p.external == 3);
    BOOST_TEST(p.internal == 1);
    BOOST_TEST(p.external_domains == (Strings{"contoso.co.uk", "fabrikam.de"}),
               boost::test_tools::per_element());
    BOOST_TEST(p.addresses == (Strings{"jane@sales.contoso.co.uk", "john@contoso.co.uk",
                                       "klaus@fabrikam.de", "lena@de.acme.com"}),
               boost::test_tools::per_element());
    BOOST_TEST(!p.all_internal());
    BOOST_TEST(p.count() == 4);
}

BOOST_AUTO_TEST_CASE(two_people_at_one_customer_give_one_domain) {
    Participants p = of(meeting(person("anna@acme.com"), {person("jane@sales.contoso.co.uk"),
                                                          person("john@contoso.co.uk")}));
    BOOST_TEST(p.external == 2);
    BOOST_TEST(p.external_domains == Strings{"contoso.co.uk"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(somebody_without_an_address_is_unknown) {
    // "ATTENDEE;CN=Markus:invalid:nomail": a name, no usable address.
    Attendee markus;
    markus.common_name = "Markus";
    markus.partstat = "ACCEPTED";
    Participants p = of(meeting(person("anna@acme.com"),
                                {markus, person("nomail"), person("bob@acme.com"), Attendee{}}));
    // markus and "nomail" are unknown; the attendee with neither name nor address is nobody.
    BOOST_TEST(p.unknown == 2);
    BOOST_TEST(p.internal == 1);
    BOOST_TEST(p.external == 0);
    BOOST_TEST(p.count() == 3);
    // An unknown participant may be anybody, so the meeting is not all internal.
    BOOST_TEST(!p.all_internal());
    // Only real addresses are listed.
    BOOST_TEST(p.addresses == Strings{"bob@acme.com"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(all_internal_needs_participants_all_internal) {
    BOOST_TEST(of(meeting(person("bob@acme.com"), {person("carol@de.acme.com")})).all_internal());
    // Nobody besides the owner: not "all internal".
    BOOST_TEST(!of(meeting(person("anna@acme.com"), {})).all_internal());
    // One external person spoils it.
    Participants mixed = of(meeting(person("bob@acme.com"), {person("jane@contoso.com")}));
    BOOST_TEST(!mixed.all_internal());
    BOOST_TEST(mixed.count() == 2);
    // A lookalike of the internal domain is external.
    Participants lookalike = of(meeting(person("anna@acme.com"), {person("x@notacme.com")}));
    BOOST_TEST(lookalike.external == 1);
    BOOST_TEST(lookalike.external_domains == Strings{"notacme.com"},
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(count_is_internal_plus_external_plus_unknown) {
    Participants p;
    p.internal = 2;
    p.external = 3;
    p.unknown = 1;
    BOOST_TEST(p.count() == 6);
    BOOST_TEST(!p.all_internal());
    p.external = 0;
    p.unknown = 0;
    BOOST_TEST(p.all_internal());
    p.internal = 0;
    BOOST_TEST(!p.all_internal());
}

BOOST_AUTO_TEST_SUITE_END()
