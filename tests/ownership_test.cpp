// SPDX-License-Identifier: MIT
#include "test_support.hpp"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <busywork/ics_reader.hpp>
#include <busywork/ownership.hpp>
#include <busywork/rules.hpp>
#include <string>
#include <vector>

using namespace busywork;
using busywork::testing::source_path;

namespace {

Attendee person(const std::string& address, const std::string& cutype = "INDIVIDUAL",
                const std::string& partstat = "ACCEPTED") {
    Attendee a;
    a.address = address;
    a.cutype = cutype;
    a.partstat = partstat;
    a.role = "REQ-PARTICIPANT";
    return a;
}

EventRecord event(std::optional<Attendee> organizer, std::vector<Attendee> attendees) {
    static int counter = 0;
    EventRecord e;
    e.uid = "event-" + std::to_string(++counter);
    e.summary = "Meeting " + std::to_string(counter);
    e.organizer = std::move(organizer);
    e.attendees = std::move(attendees);
    return e;
}

CalendarFile calendar(std::vector<EventRecord> events, const std::string& name = "") {
    CalendarFile c;
    c.path = "cal.ics";
    c.calendar_name = name;
    c.events.assign(std::make_move_iterator(events.begin()), std::make_move_iterator(events.end()));
    return c;
}

const Settings& defaults() {
    static const Settings settings = default_rules().settings;
    return settings;
}

Ownership infer(const CalendarFile& c, const Settings& settings = defaults(),
                const OwnershipOverrides& overrides = {}) {
    Diagnostics diagnostics;
    return infer_ownership(c, settings, overrides, diagnostics);
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

using Strings = std::vector<std::string>;

// Four events: dave is in e1, e2, e3; carol is written three times in e1 (organizer and two
// ATTENDEE lines) and once in e2, so she is in 2 events; e4 has nobody.
CalendarFile counting_calendar(const std::string& name = "") {
    return calendar(
        {event(person("carol@acme.com"),
               {person("carol@acme.com"), person("carol@acme.com"), person("dave@acme.com")}),
         event(person("dave@acme.com"), {person("carol@acme.com")}),
         event(std::nullopt, {person("dave@acme.com")}), event(std::nullopt, {})},
        name);
}

} // namespace

BOOST_AUTO_TEST_SUITE(ownership)

BOOST_AUTO_TEST_CASE(an_address_in_x_wr_calname_is_the_owner) {
    // Google names the calendar after its owner. carol is in fewer events than dave (2 of 4),
    // yet the calendar's name decides; it is lower-cased.
    Ownership o = infer(counting_calendar("Carol@ACME.com"));
    BOOST_TEST(o.owner_addresses == Strings{"carol@acme.com"}, boost::test_tools::per_element());
    BOOST_TEST(o.owner_evidence == "X-WR-CALNAME");
    BOOST_TEST(o.owner_inferred);
    BOOST_TEST(o.owner_events == 2);
    BOOST_TEST(o.events == 4);
    BOOST_TEST(contains(o.describe(), "inferred from X-WR-CALNAME"));
    BOOST_TEST(contains(o.describe(), "in 2 of 4 events"));
}

BOOST_AUTO_TEST_CASE(a_calendar_name_that_is_no_address_is_not_the_owner) {
    // Outlook's "Kalender", a name with a space, two '@': none of them is an address.
    // A Google group calendar's address is an ignored domain, never a person.
    for (const std::string name : {"Kalender", "Anna Schmidt", "a@b@acme.com", "team@", "",
                                   "sales_team@group.calendar.google.com"}) {
        BOOST_TEST_CONTEXT("X-WR-CALNAME " << name) {
            Ownership o = infer(counting_calendar(name));
            BOOST_TEST(o.owner_addresses == Strings{"dave@acme.com"},
                       boost::test_tools::per_element());
            BOOST_TEST(o.owner_evidence == "the address in most events");
        }
    }
}

BOOST_AUTO_TEST_CASE(else_the_address_in_most_events_counted_once_per_event) {
    // dave is in 3 events; carol is written 4 times but in 2 events only.
    Diagnostics diagnostics;
    Ownership o = infer_ownership(counting_calendar(), defaults(), {}, diagnostics);
    BOOST_TEST(o.owner_addresses == Strings{"dave@acme.com"}, boost::test_tools::per_element());
    BOOST_TEST(o.owner_evidence == "the address in most events");
    BOOST_TEST(o.owner_inferred);
    BOOST_TEST(o.owner_events == 3);
    BOOST_TEST(o.events == 4);
    // A clear winner is no guess worth a warning.
    BOOST_TEST(diagnostics.empty());
}

BOOST_AUTO_TEST_CASE(rooms_resources_and_ignored_addresses_never_become_the_owner) {
    // In every event: a room, a resource, a Google room calendar written as an individual (an
    // ignored domain), a notification sender (an ignored address pattern "noreply@*") as
    // organizer, and somebody without an address. eve is in one event only.
    auto crowd = [] {
        Attendee nameless;
        nameless.common_name = "Markus";
        return std::vector<Attendee>{person("raum.spree@acme.com", "ROOM"),
                                     person("beamer@acme.com", "RESOURCE"),
                                     person("c_1889@resource.calendar.google.com"),
                                     person("calendar-notification@google.com"), nameless};
    };
    std::vector<Attendee> with_eve = crowd();
    with_eve.push_back(person("eve@acme.com"));
    CalendarFile c = calendar({event(person("noreply@acme.com"), crowd()),
                               event(person("noreply@acme.com"), crowd()),
                               event(person("noreply@acme.com"), with_eve)});
    Ownership o = infer(c);
    BOOST_TEST(o.owner_addresses == Strings{"eve@acme.com"}, boost::test_tools::per_element());
    BOOST_TEST(o.owner_events == 1);
    BOOST_TEST(o.events == 3);
}

BOOST_AUTO_TEST_CASE(a_file_without_people_has_no_owner) {
    CalendarFile c = calendar({event(std::nullopt, {}), event(std::nullopt, {})});
    Ownership o = infer(c);
    BOOST_TEST(o.owner_addresses.empty());
    BOOST_TEST(o.internal_domains.empty());
    BOOST_TEST(o.events == 2);
    BOOST_TEST(o.owner_events == 0);
    BOOST_TEST(contains(o.describe(), "owner unknown"));
    BOOST_TEST(contains(o.describe(), "no internal domain"));
}

BOOST_AUTO_TEST_CASE(a_tie_is_reported_and_decided_the_same_way_every_time) {
    // zoe and adam are both in the two events; nobody else is.
    std::vector<EventRecord> events{event(person("zoe@acme.com"), {person("adam@acme.com")}),
                                    event(person("adam@acme.com"), {person("zoe@acme.com")})};
    Diagnostics diagnostics;
    Ownership first = infer_ownership(calendar(events), defaults(), {}, diagnostics);
    BOOST_TEST_REQUIRE(first.owner_addresses.size() == 1u);
    std::string chosen = first.owner_addresses.front();
    BOOST_TEST((chosen == "adam@acme.com" || chosen == "zoe@acme.com"));
    BOOST_TEST(first.owner_events == 2);

    BOOST_TEST_REQUIRE(diagnostics.all().size() == 1u);
    const Diagnostic& warning = diagnostics.all().front();
    BOOST_TEST(warning.file == "cal.ics");
    BOOST_TEST(!warning.skipped_event);
    BOOST_TEST(contains(warning.message, "adam@acme.com"));
    BOOST_TEST(contains(warning.message, "zoe@acme.com"));
    BOOST_TEST(contains(warning.message, "2 events"));
    BOOST_TEST(contains(warning.message, "taking " + chosen));
    BOOST_TEST(contains(warning.message, "--me"));

    // The same events in the other order, and with the addresses swapped between organizer
    // and attendee, give the same owner.
    std::reverse(events.begin(), events.end());
    BOOST_TEST(infer(calendar(events)).owner_addresses == Strings{chosen},
               boost::test_tools::per_element());
    std::vector<EventRecord> swapped{event(person("adam@acme.com"), {person("zoe@acme.com")}),
                                     event(person("zoe@acme.com"), {person("adam@acme.com")})};
    BOOST_TEST(infer(calendar(swapped)).owner_addresses == Strings{chosen},
               boost::test_tools::per_element());

    // With the calendar's name there is nothing to guess.
    Diagnostics quiet;
    (void)infer_ownership(calendar(events, "zoe@acme.com"), defaults(), {}, quiet);
    BOOST_TEST(quiet.empty());
}

BOOST_AUTO_TEST_CASE(me_beats_the_rules_file_which_beats_inference) {
    // The rules file names boss@acme.com (lower-cased when read); dave would be inferred.
    Settings with_owner = parse_user_rules("[settings]\n"
                                           "owner = [\"Boss@Acme.com\"]\n",
                                           "user.toml")
                              .settings;
    CalendarFile c = counting_calendar("carol@acme.com");

    Ownership from_rules = infer(c, with_owner);
    BOOST_TEST(from_rules.owner_addresses == Strings{"boss@acme.com"},
               boost::test_tools::per_element());
    BOOST_TEST(from_rules.owner_evidence == "the rules file");
    BOOST_TEST(!from_rules.owner_inferred);
    // boss is in none of the events.
    BOOST_TEST(from_rules.owner_events == 0);

    OwnershipOverrides me;
    me.owner_addresses = {"Dave@ACME.com"};
    Ownership from_me = infer(c, with_owner, me);
    BOOST_TEST(from_me.owner_addresses == Strings{"dave@acme.com"},
               boost::test_tools::per_element());
    BOOST_TEST(from_me.owner_evidence == "--me");
    BOOST_TEST(!from_me.owner_inferred);
    // dave is in e1, e2, e3.
    BOOST_TEST(from_me.owner_events == 3);
    BOOST_TEST(contains(from_me.describe(), "(from --me)"));
    BOOST_TEST(!contains(from_me.describe(), "inferred from"));
    BOOST_TEST(from_me.is_owner("dave@acme.com"));
    BOOST_TEST(!from_me.is_owner("boss@acme.com"));
}

BOOST_AUTO_TEST_CASE(several_owner_addresses_count_the_best_and_give_their_domains) {
    OwnershipOverrides me;
    me.owner_addresses = {"carol@acme.com", "dave@de.fabrikam.de"};
    Ownership o = infer(counting_calendar(), defaults(), me);
    BOOST_TEST(o.owner_addresses == (Strings{"carol@acme.com", "dave@de.fabrikam.de"}),
               boost::test_tools::per_element());
    // carol is in 2 events, dave@de.fabrikam.de in none: the larger count.
    BOOST_TEST(o.owner_events == 2);
    // Both owners' registrable domains, sorted.
    BOOST_TEST(o.internal_domains == (Strings{"acme.com", "fabrikam.de"}),
               boost::test_tools::per_element());
    BOOST_TEST(contains(o.describe(), "internal domains acme.com, fabrikam.de"));
}

BOOST_AUTO_TEST_CASE(internal_domains_come_from_overrides_then_the_rules_file_then_the_owner) {
    Settings with_domains = parse_user_rules("[settings]\n"
                                             "internal_domains = [\"de.Acme.com\"]\n",
                                             "user.toml")
                                .settings;
    OwnershipOverrides given;
    given.internal_domains = {"Sales.Contoso.co.uk", "contoso.co.uk", "fabrikam.de"};
    CalendarFile c = counting_calendar();

    // --internal-domain: registrable domains, each once, sorted.
    Ownership from_option = infer(c, with_domains, given);
    BOOST_TEST(from_option.internal_domains == (Strings{"contoso.co.uk", "fabrikam.de"}),
               boost::test_tools::per_element());
    BOOST_TEST(from_option.domain_evidence == "--internal-domain");
    BOOST_TEST(!from_option.domains_inferred);

    // The rules file's de.acme.com belongs to acme.com.
    Ownership from_rules = infer(c, with_domains);
    BOOST_TEST(from_rules.internal_domains == Strings{"acme.com"},
               boost::test_tools::per_element());
    BOOST_TEST(from_rules.domain_evidence == "the rules file");
    BOOST_TEST(!from_rules.domains_inferred);
    BOOST_TEST(contains(from_rules.describe(), "internal domain acme.com (from the rules file)"));

    // Else the owner's registrable domain: anna@de.acme.com works for acme.com.
    OwnershipOverrides me;
    me.owner_addresses = {"anna@de.acme.com"};
    Ownership from_owner = infer(c, defaults(), me);
    BOOST_TEST(from_owner.internal_domains == Strings{"acme.com"},
               boost::test_tools::per_element());
    BOOST_TEST(from_owner.domain_evidence == "the owner's domain");
    BOOST_TEST(from_owner.domains_inferred);
    BOOST_TEST(contains(from_owner.describe(), "(inferred: the owner's domain)"));
}

BOOST_AUTO_TEST_CASE(is_internal_domain_takes_subdomains_but_not_lookalikes) {
    Ownership o;
    o.internal_domains = {"acme.com", "contoso.co.uk"};
    BOOST_TEST(o.is_internal_domain("acme.com"));
    BOOST_TEST(o.is_internal_domain("de.acme.com"));
    BOOST_TEST(o.is_internal_domain("mail.de.acme.com"));
    BOOST_TEST(o.is_internal_domain("sales.contoso.co.uk"));
    BOOST_TEST(o.is_internal_domain("DE.Acme.COM"));
    // Lookalikes: a longer name ending in the same letters, the domain as a subdomain of
    // another, another suffix, the public suffix alone.
    BOOST_TEST(!o.is_internal_domain("notacme.com"));
    BOOST_TEST(!o.is_internal_domain("acme.com.evil.io"));
    BOOST_TEST(!o.is_internal_domain("acme.co"));
    BOOST_TEST(!o.is_internal_domain("acme.de"));
    BOOST_TEST(!o.is_internal_domain("contoso.com"));
    BOOST_TEST(!o.is_internal_domain("co.uk"));
    BOOST_TEST(!o.is_internal_domain("com"));
    BOOST_TEST(!o.is_internal_domain(""));
}

BOOST_AUTO_TEST_CASE(describe_says_what_was_inferred_and_from_how_many_events) {
    // dave in 3 of the 4 events; the internal domain is his.
    Ownership o = infer(counting_calendar());
    BOOST_TEST(o.describe() == "owner dave@acme.com (inferred from the address in most events, "
                               "in 3 of 4 events); internal domain acme.com (inferred: the "
                               "owner's domain)");
    Ownerships all{{"cal.ics", o}};
    std::vector<std::string> lines = describe_ownerships(all);
    BOOST_TEST_REQUIRE(lines.size() == 1u);
    BOOST_TEST(lines.front() == "cal.ics: " + o.describe());
}

BOOST_AUTO_TEST_CASE(the_google_sample_belongs_to_its_calendar_name) {
    Diagnostics diagnostics;
    std::vector<CalendarFile> files =
        read_inputs({source_path("samples/google_rep.ics")}, diagnostics);
    BOOST_TEST_REQUIRE(files.size() == 1u);
    std::size_t before = diagnostics.all().size();
    Ownership o = infer_ownership(files.front(), defaults(), {}, diagnostics);
    BOOST_TEST(diagnostics.all().size() == before);
    BOOST_TEST(o.owner_addresses == Strings{"anna.schmidt@acme-sales.de"},
               boost::test_tools::per_element());
    BOOST_TEST(o.owner_evidence == "X-WR-CALNAME");
    BOOST_TEST(o.internal_domains == Strings{"acme-sales.de"}, boost::test_tools::per_element());
    // samples/README.md: 25 VEVENTs. Anna is organizer or attendee of all but the cancelled
    // stand-up override of Tue 20 Oct, which lists only its organizer Markus Becker.
    BOOST_TEST(o.events == 25);
    BOOST_TEST(o.owner_events == 24);
}

BOOST_AUTO_TEST_CASE(the_outlook_sample_belongs_to_the_address_in_most_events) {
    Diagnostics diagnostics;
    std::vector<CalendarFile> files =
        read_inputs({source_path("samples/outlook_rep.ics")}, diagnostics);
    BOOST_TEST_REQUIRE(files.size() == 1u);
    std::size_t before = diagnostics.all().size();
    Ownership o = infer_ownership(files.front(), defaults(), {}, diagnostics);
    // X-WR-CALNAME is "Kalender", no address. 14 VEVENTs: Lars is organizer or attendee of
    // all but Efterårsferie and Kundemøde hos Novo (no people at all), 12 of 14; Sofie
    // Nielsen, next, of 8. No tie, so no warning.
    BOOST_TEST(diagnostics.all().size() == before);
    BOOST_TEST(o.owner_addresses == Strings{"lars.jensen@nordsalg.dk"},
               boost::test_tools::per_element());
    BOOST_TEST(o.owner_evidence == "the address in most events");
    BOOST_TEST(o.internal_domains == Strings{"nordsalg.dk"}, boost::test_tools::per_element());
    BOOST_TEST(o.events == 14);
    BOOST_TEST(o.owner_events == 12);
    BOOST_TEST(contains(o.describe(), "in 12 of 14 events"));
}

BOOST_AUTO_TEST_CASE(infer_ownerships_keys_each_file_by_its_path) {
    Diagnostics diagnostics;
    std::vector<CalendarFile> files =
        read_inputs({source_path("samples/google_rep.ics"), source_path("samples/outlook_rep.ics")},
                    diagnostics);
    BOOST_TEST_REQUIRE(files.size() == 2u);
    Ownerships all = infer_ownerships(files, defaults(), {}, diagnostics);
    BOOST_TEST(all.size() == 2u);
    BOOST_TEST(all.at(files[0].path).owner_addresses == Strings{"anna.schmidt@acme-sales.de"},
               boost::test_tools::per_element());
    BOOST_TEST(all.at(files[1].path).owner_addresses == Strings{"lars.jensen@nordsalg.dk"},
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(is_ignored_address_matches_domains_and_wildcards) {
    Settings s;
    s.ignored_domains = {"group.calendar.google.com"};
    s.ignored_addresses = {"noreply@*", "*@resource.calendar.google.com", "bot-*@acme.com",
                           "exact@fabrikam.de", "*alerts*"};
    // Ignored domains, with their subdomains, but not names that merely end alike.
    BOOST_TEST(is_ignored_address("x@group.calendar.google.com", s));
    BOOST_TEST(is_ignored_address("x@sub.group.calendar.google.com", s));
    BOOST_TEST(!is_ignored_address("x@notgroup.calendar.google.com", s));
    BOOST_TEST(!is_ignored_address("x@calendar.google.com", s));
    // "noreply@*": any host, but the local part must be exactly noreply.
    BOOST_TEST(is_ignored_address("noreply@acme.com", s));
    BOOST_TEST(is_ignored_address("noreply@mail.example.co.uk", s));
    BOOST_TEST(!is_ignored_address("anoreply@acme.com", s));
    BOOST_TEST(!is_ignored_address("noreplyx@acme.com", s));
    // "*@resource.calendar.google.com": any local part.
    BOOST_TEST(is_ignored_address("c_1889@resource.calendar.google.com", s));
    BOOST_TEST(!is_ignored_address("c_1889@resource.calendar.google.com.evil.io", s));
    // A star in the middle.
    BOOST_TEST(is_ignored_address("bot-deploy@acme.com", s));
    BOOST_TEST(is_ignored_address("bot-@acme.com", s));
    BOOST_TEST(!is_ignored_address("bot@acme.com", s));
    BOOST_TEST(!is_ignored_address("bot-deploy@acme.com.au", s));
    // No star: the whole address.
    BOOST_TEST(is_ignored_address("exact@fabrikam.de", s));
    BOOST_TEST(!is_ignored_address("exact@fabrikam.de.com", s));
    BOOST_TEST(!is_ignored_address("inexact@fabrikam.de", s));
    // Stars at both ends: anywhere.
    BOOST_TEST(is_ignored_address("crm-alerts-eu@acme.com", s));
    BOOST_TEST(is_ignored_address("alerts", s));
    // Nothing else.
    BOOST_TEST(!is_ignored_address("anna@acme.com", s));
    BOOST_TEST(!is_ignored_address("", s));

    // The defaults leave out Google's notification senders and rooms.
    BOOST_TEST(is_ignored_address("calendar-notification@google.com", defaults()));
    BOOST_TEST(is_ignored_address("no-reply@zoom.us", defaults()));
    BOOST_TEST(is_ignored_address("c_1889@resource.calendar.google.com", defaults()));
    BOOST_TEST(!is_ignored_address("anna.schmidt@acme-sales.de", defaults()));
}

BOOST_AUTO_TEST_CASE(rooms_and_resources_are_known_by_cutype) {
    BOOST_TEST(is_room_or_resource(person("a@acme.com", "ROOM")));
    BOOST_TEST(is_room_or_resource(person("a@acme.com", "RESOURCE")));
    BOOST_TEST(!is_room_or_resource(person("a@acme.com", "INDIVIDUAL")));
    BOOST_TEST(!is_room_or_resource(person("a@acme.com", "GROUP")));
    BOOST_TEST(!is_room_or_resource(person("a@acme.com", "")));
}

BOOST_AUTO_TEST_SUITE_END()
