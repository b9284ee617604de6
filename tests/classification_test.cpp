// SPDX-License-Identifier: MIT
// Classification with the default rules, row by row, and each rule condition and setting on its
// own with small rules files. Every expectation is reasoned from PRODUCT.md ("Categories",
// "Rules") and lib/busywork/default_rules.toml; the reasoning is the comment of each row.
#include <boost/test/unit_test.hpp>
#include <busywork/category.hpp>
#include <busywork/classification.hpp>
#include <busywork/diagnostics.hpp>
#include <busywork/occurrence.hpp>
#include <busywork/ownership.hpp>
#include <busywork/rules.hpp>
#include <chrono>
#include <cstddef>
#include <set>
#include <string>
#include <tuple>
#include <vector>

using busywork::Attendee;
using busywork::Classification;
using busywork::Diagnostics;
using busywork::ExplanationStep;
using busywork::Instant;
using busywork::Occurrence;
using busywork::Ownership;
using busywork::Ownerships;
using busywork::RuleSet;
using C = busywork::Category;

namespace {

// ---- three calendars: a German, an English and a Danish rep ----

constexpr const char* anna_file = "anna.ics";
constexpr const char* anna = "anna.schmidt@acme-sales.de";
constexpr const char* anna_alias = "a.schmidt@acme-sales.de";
constexpr const char* markus = "markus.weber@acme-sales.de";
constexpr const char* julia = "julia.koch@acme-sales.de";
constexpr const char* thomas = "thomas.bauer@de.acme-sales.de"; // a subdomain: still internal
constexpr const char* contoso = "max.mueller@contoso.com";
constexpr const char* fabrikam = "einkauf@fabrikam.de";
constexpr const char* novo = "k.berg@novo-pharma.de";

constexpr const char* emma_file = "emma.ics";
constexpr const char* emma = "emma.clark@northwind.co.uk";
constexpr const char* james = "james.wright@northwind.co.uk";
constexpr const char* priya = "priya.shah@uk.northwind.co.uk";
constexpr const char* tailspin = "sarah.lee@tailspintoys.com";
constexpr const char* litware = "tom.baker@litware.co.uk";

constexpr const char* lars_file = "lars.ics";
constexpr const char* lars = "lars.jensen@nordsalg.dk";
constexpr const char* mette = "mette.nielsen@nordsalg.dk";
constexpr const char* soeren = "soeren.hansen@nordsalg.dk";
constexpr const char* vestas = "jens.poulsen@vestas.com";
constexpr const char* novonordisk = "pia.larsen@novonordisk.com";
constexpr const char* maersk = "ole.holm@maersk.com";

Ownership ownership(std::vector<std::string> owners, std::string domain) {
    Ownership o;
    o.owner_addresses = std::move(owners);
    o.internal_domains = {std::move(domain)};
    o.owner_evidence = "--me";
    o.domain_evidence = "--internal-domain";
    return o;
}

const Ownerships& ownerships() {
    static const Ownerships all{
        {anna_file, ownership({anna, anna_alias}, "acme-sales.de")},
        {emma_file, ownership({emma}, "northwind.co.uk")},
        {lars_file, ownership({lars}, "nordsalg.dk")},
    };
    return all;
}

std::string owner_of(const std::string& file) {
    return ownerships().at(file).owner_addresses.front();
}

// ---- attendees as exports write them ----

Attendee person(std::string address, std::string partstat = "ACCEPTED",
                std::string cutype = "INDIVIDUAL", std::string name = "") {
    return Attendee{std::move(address), std::move(name), std::move(partstat), "REQ-PARTICIPANT",
                    std::move(cutype)};
}
Attendee invited(std::string address) {
    return person(std::move(address), "NEEDS-ACTION");
}
Attendee declined(std::string address) {
    return person(std::move(address), "DECLINED");
}
Attendee room(std::string address) {
    return person(std::move(address), "ACCEPTED", "ROOM");
}
Attendee resource(std::string address) {
    return person(std::move(address), "ACCEPTED", "RESOURCE");
}
// Written with a name but no usable address ("ATTENDEE;CN=Markus:invalid:nomail").
Attendee unaddressed(std::string address, std::string name) {
    return person(std::move(address), "ACCEPTED", "INDIVIDUAL", std::move(name));
}

// ---- one occurrence and what it should come out as ----

struct Case {
    const char* why = "";
    const char* file = anna_file;
    const char* title = "";
    std::vector<Attendee> attendees{};
    /// "me": the calendar owner organizes; "": no ORGANIZER line; else that address.
    const char* organizer = "me";
    /// The owner's own ATTENDEE line: "auto" is ACCEPTED when anybody else is invited (as
    /// Google and Outlook write it) and absent otherwise; "" is absent; else that PARTSTAT.
    const char* me = "auto";
    bool recurring = false;
    int minutes = 60;
    const char* status = "";
    const char* transp = "";
    bool all_day = false;
    const char* description = "";
    const char* location = "";
    C category = C::internal_other;
    const char* rule = "";
};

Occurrence occurrence_of(const Case& c) {
    using namespace std::chrono;
    Occurrence o;
    o.source_file = c.file;
    o.source_line = 1;
    o.uid = std::string(c.title) + "@test";
    date::sys_days day = date::year{2026} / 11 / 24; // a Tuesday
    o.all_day = c.all_day;
    o.start = c.all_day ? Instant{day} : Instant{day + hours{9}};
    o.end = o.start + minutes{c.minutes};
    o.summary = c.title;
    o.description = c.description;
    o.location = c.location;
    o.status = c.status;
    o.transp = c.transp;
    o.recurring = c.recurring;
    if (c.recurring)
        o.recurrence_id = o.start;
    std::string owner = owner_of(c.file);
    std::string organizer = c.organizer;
    if (organizer == "me")
        o.organizer = Attendee{owner, "", "", "CHAIR", "INDIVIDUAL"};
    else if (!organizer.empty())
        o.organizer = Attendee{organizer, "", "", "CHAIR", "INDIVIDUAL"};
    std::string me = c.me;
    if (me == "auto")
        me = c.attendees.empty() ? "" : "ACCEPTED";
    if (!me.empty())
        o.attendees.edit().push_back(person(owner, me));
    for (const auto& a : c.attendees)
        o.attendees.edit().push_back(a);
    return o;
}

Classification classify_one(const Case& c, const RuleSet& rules, Diagnostics& diagnostics) {
    auto classified = busywork::classify({occurrence_of(c)}, rules, ownerships(), diagnostics);
    BOOST_TEST_REQUIRE(classified.size() == 1u);
    return classified.front().classification;
}

Classification classify_one(const Case& c, const RuleSet& rules) {
    Diagnostics diagnostics;
    return classify_one(c, rules, diagnostics);
}

std::string name(C category) {
    return std::string(busywork::category_name(category));
}

const RuleSet& defaults() {
    static const RuleSet rules = busywork::default_rules();
    return rules;
}

RuleSet user_rules(const char* text) {
    return busywork::parse_user_rules(text, "test.toml");
}

// Checks category and rule name in one go, so that a failure names both.
void expect(const Classification& got, C category, const std::string& rule) {
    BOOST_TEST(name(got.category) == name(category));
    BOOST_TEST(got.rule == rule);
}

// ---- the table ----
// Each row is classified on its own, so that pre:infer and post:infer never find a customer
// meeting to tie to; inference has its own suite (classification_inference_test.cpp).

// German: Anna Schmidt, anna.schmidt@acme-sales.de, internal domain acme-sales.de.
const std::vector<Case> german_rows{
    // -- internal-sync by keyword --
    {.why = "recurring 'Jour fixe' with a colleague: the keyword rule comes before "
            "sync:recurring",
     .title = "Jour fixe",
     .attendees = {person(markus)},
     .recurring = true,
     .minutes = 30,
     .category = C::internal_sync,
     .rule = "sync:keyword"},
    {.why = "'JF' is the whole word 'jf', a common short form of Jour fixe",
     .title = "JF Markus/Anna",
     .attendees = {person(markus)},
     .minutes = 30,
     .category = C::internal_sync,
     .rule = "sync:keyword"},
    {.why = "'Jour-Fixe' with a hyphen is how many Germans write it; a single event, so only "
            "the keyword can make it a sync",
     .title = "Jour-Fixe Vertrieb",
     .attendees = {person(markus), person(julia)},
     .category = C::internal_sync,
     .rule = "sync:keyword"},
    {.why = "'JOUR FIXE' in capitals: matching ignores case",
     .title = "JOUR FIXE VERTRIEB",
     .attendees = {person(markus)},
     .category = C::internal_sync,
     .rule = "sync:keyword"},
    {.why = "'abstimmung' is found inside the compound 'Teamabstimmung'",
     .title = "Teamabstimmung",
     .attendees = {person(markus), person(julia)},
     .category = C::internal_sync,
     .rule = "sync:keyword"},
    {.why = "'Abstimmung' on its own",
     .title = "Abstimmung Preisliste",
     .attendees = {person(markus)},
     .minutes = 45,
     .category = C::internal_sync,
     .rule = "sync:keyword"},
    {.why = "ß folds to ss without breaking the match of 'abstimmung'",
     .title = "Großkunden-Abstimmung",
     .attendees = {person(julia)},
     .category = C::internal_sync,
     .rule = "sync:keyword"},
    {.why = "'Regeltermin' is a sync keyword",
     .title = "Regeltermin Vertrieb",
     .attendees = {person(markus), person(julia)},
     .recurring = true,
     .category = C::internal_sync,
     .rule = "sync:keyword"},
    {.why = "'Teamrunde' is a sync keyword",
     .title = "Teamrunde",
     .attendees = {person(markus), person(julia)},
     .recurring = true,
     .minutes = 90,
     .category = C::internal_sync,
     .rule = "sync:keyword"},
    {.why = "'Statusmeeting' is a sync keyword",
     .title = "Statusmeeting Q4",
     .attendees = {person(markus)},
     .category = C::internal_sync,
     .rule = "sync:keyword"},
    {.why = "'Status-Meeting' with a hyphen is the usual German spelling of a status meeting",
     .title = "Status-Meeting Vertrieb",
     .attendees = {person(markus), person(julia)},
     .category = C::internal_sync,
     .rule = "sync:keyword"},
    {.why = "'Vertriebsmeeting' is a sync keyword",
     .title = "Vertriebsmeeting",
     .attendees = {person(markus), person(julia)},
     .recurring = true,
     .category = C::internal_sync,
     .rule = "sync:keyword"},
    {.why = "'Vertriebs-Meeting' with a hyphen is the same sales meeting",
     .title = "Vertriebs-Meeting Süd",
     .attendees = {person(markus), person(julia)},
     .category = C::internal_sync,
     .rule = "sync:keyword"},
    {.why = "strategy meetings are syncs; Thomas is at de.acme-sales.de, a subdomain of the "
            "internal domain, so he is not external",
     .title = "Strategie 2027",
     .attendees = {person(thomas)},
     .minutes = 120,
     .category = C::internal_sync,
     .rule = "sync:keyword"},
    {.why = "'strategie' is found inside 'Vertriebsstrategie'",
     .title = "Vertriebsstrategie DACH",
     .attendees = {person(thomas), person(markus)},
     .category = C::internal_sync,
     .rule = "sync:keyword"},
    {.why = "English titles in a German calendar: 'Forecast Call'",
     .title = "Forecast Call",
     .attendees = {person(thomas)},
     .recurring = true,
     .minutes = 30,
     .category = C::internal_sync,
     .rule = "sync:keyword"},
    {.why = "'Pipeline Review' is a sync (word starting 'pipeline')",
     .title = "Pipeline Review",
     .attendees = {person(thomas), person(julia)},
     .category = C::internal_sync,
     .rule = "sync:keyword"},
    {.why = "'Weekly' is a sync keyword",
     .title = "Weekly",
     .attendees = {person(markus), person(julia)},
     .recurring = true,
     .minutes = 30,
     .category = C::internal_sync,
     .rule = "sync:keyword"},
    {.why = "'1:1' as a whole word",
     .title = "1:1 Thomas / Anna",
     .attendees = {person(thomas)},
     .recurring = true,
     .minutes = 30,
     .category = C::internal_sync,
     .rule = "sync:keyword"},
    {.why = "'1on1' as a whole word",
     .title = "1on1",
     .attendees = {person(thomas)},
     .minutes = 30,
     .category = C::internal_sync,
     .rule = "sync:keyword"},
    {.why = "'Retrospektive' is a retrospective, a sync",
     .title = "Sprint-Retrospektive",
     .attendees = {person(markus), person(julia)},
     .minutes = 90,
     .category = C::internal_sync,
     .rule = "sync:keyword"},
    {.why = "'Mitarbeitergespraech' is the ASCII spelling of 'Mitarbeitergespräch'",
     .title = "Mitarbeitergespraech",
     .attendees = {person(thomas)},
     .category = C::internal_sync,
     .rule = "sync:keyword"},
    {.why = "'Presales' starts with 'pre' but is no pre-meeting keyword; 'Weekly' makes it a "
            "sync",
     .title = "Presales Weekly",
     .attendees = {person(julia)},
     .recurring = true,
     .category = C::internal_sync,
     .rule = "sync:keyword"},
    // -- pre-meeting by keyword --
    {.why = "'Vorbereitung' is a prep keyword; pre:keyword comes before sync and customer "
            "keywords ('Kundentermin')",
     .title = "Vorbereitung Kundentermin Contoso",
     .attendees = {person(markus)},
     .category = C::pre_meeting,
     .rule = "pre:keyword"},
    {.why = "'Vorbesprechung' is a prep keyword",
     .title = "Vorbesprechung Fabrikam",
     .attendees = {person(julia)},
     .minutes = 30,
     .category = C::pre_meeting,
     .rule = "pre:keyword"},
    {.why = "'Vorabstimmung' contains the sync keyword 'abstimmung', but pre:keyword is tried "
            "first",
     .title = "Vorabstimmung Angebot Novo",
     .attendees = {person(markus)},
     .category = C::pre_meeting,
     .rule = "pre:keyword"},
    {.why = "'Vorgespraech' (ae for ä) matches 'vorgespräch'",
     .title = "Vorgespraech Novo",
     .attendees = {person(markus)},
     .minutes = 30,
     .category = C::pre_meeting,
     .rule = "pre:keyword"},
    {.why = "'Vorgesprach' (umlaut dropped, the Ubergabe style) matches 'vorgespräch'",
     .title = "Vorgesprach Novo",
     .attendees = {person(markus)},
     .minutes = 30,
     .category = C::pre_meeting,
     .rule = "pre:keyword"},
    {.why = "'Briefing' at a word's start is a prep keyword",
     .title = "Briefing vor Kundentermin",
     .attendees = {person(markus), person(julia)},
     .minutes = 30,
     .category = C::pre_meeting,
     .rule = "pre:keyword"},
    {.why = "'VORBEREITUNG' in capitals",
     .title = "VORBEREITUNG MESSE",
     .attendees = {person(julia)},
     .category = C::pre_meeting,
     .rule = "pre:keyword"},
    // -- post-meeting by keyword --
    {.why = "'Nachbesprechung' is a debrief keyword",
     .title = "Nachbesprechung Contoso",
     .attendees = {person(markus)},
     .minutes = 30,
     .category = C::post_meeting,
     .rule = "post:keyword"},
    {.why = "'Manöverkritik' is a debrief keyword",
     .title = "Manöverkritik Messe",
     .attendees = {person(markus), person(julia)},
     .category = C::post_meeting,
     .rule = "post:keyword"},
    {.why = "'Manoeverkritik' (oe for ö) matches 'manöverkritik'",
     .title = "Manoeverkritik Messe",
     .attendees = {person(markus), person(julia)},
     .category = C::post_meeting,
     .rule = "post:keyword"},
    {.why = "decomposed umlaut (o + U+0308, as macOS stores it) matches 'manöverkritik'",
     .title = "Mano\u0308verkritik Fabrikam",
     .attendees = {person(markus)},
     .category = C::post_meeting,
     .rule = "post:keyword"},
    {.why = "'Nachbereitung' is a debrief keyword",
     .title = "Nachbereitung Angebot Novo",
     .attendees = {person(julia)},
     .minutes = 30,
     .category = C::post_meeting,
     .rule = "post:keyword"},
    {.why = "trap: 'Debriefing' contains 'briefing', but not at a word's start, so it is not "
            "prep; 'debrief' makes it post",
     .title = "Debriefing Contoso",
     .attendees = {person(markus)},
     .minutes = 30,
     .category = C::post_meeting,
     .rule = "post:keyword"},
    // -- customer --
    {.why = "an attendee from contoso.com is external: customer, before any keyword",
     .title = "Kundentermin Contoso",
     .attendees = {person(contoso), person(markus)},
     .category = C::customer,
     .rule = "customer:attendee"},
    {.why = "an external attendee overrides sync keywords",
     .title = "Teamabstimmung",
     .attendees = {person(markus), person(contoso)},
     .category = C::customer,
     .rule = "customer:attendee"},
    {.why = "an external attendee who has not answered yet is still invited, still a "
            "participant",
     .title = "Angebotspräsentation",
     .attendees = {invited(fabrikam)},
     .minutes = 90,
     .category = C::customer,
     .rule = "customer:attendee"},
    {.why = "Outlook style: the customer organizes, no ATTENDEE lines; the organizer counts "
            "as a participant",
     .title = "Angebotsbesprechung",
     .organizer = fabrikam,
     .category = C::customer,
     .rule = "customer:attendee"},
    {.why = "acme-sales.com is not acme-sales.de: a similar but different domain is external",
     .title = "Produktschulung",
     .attendees = {person("jan.meier@acme-sales.com")},
     .category = C::customer,
     .rule = "customer:attendee"},
    {.why = "acme-sales-partner.de is another registrable domain: external",
     .title = "Produktschulung",
     .attendees = {person("info@acme-sales-partner.de"), person(markus)},
     .category = C::customer,
     .rule = "customer:attendee"},
    {.why = "no participants, 'Kundenbesuch' in the title: customer keyword",
     .title = "Kundenbesuch Fabrikam",
     .minutes = 120,
     .category = C::customer,
     .rule = "customer:keyword"},
    {.why = "two colleagues visiting a customer: the invitation lists only Markus, but "
            "'Kundenbesuch' says where they are",
     .title = "Kundenbesuch Fabrikam",
     .attendees = {person(markus)},
     .minutes = 180,
     .category = C::customer,
     .rule = "customer:visit"},
    {.why = "planning customer appointments with a colleague is internal: 'Kundentermin' is a "
            "customer keyword only without participants, and no visit word is in the title",
     .title = "Kundentermin-Planung Q1",
     .attendees = {person(markus)},
     .category = C::internal_other,
     .rule = "internal-other"},
    {.why = "'Termin bei Markus' with Markus invited is an internal meeting: 'termin bei' is "
            "not a visit word, because it may name a colleague",
     .title = "Termin bei Markus",
     .attendees = {person(markus)},
     .category = C::internal_other,
     .rule = "internal-other"},
    {.why = "no participants, 'Termin bei' in the title",
     .title = "Termin bei Novo",
     .minutes = 90,
     .category = C::customer,
     .rule = "customer:keyword"},
    {.why = "trap: 'Nachmittagstermin' contains 'mittag' but not as a whole word, so it is "
            "not a lunch break; 'termin bei' makes it customer",
     .title = "Nachmittagstermin bei Novo",
     .category = C::customer,
     .rule = "customer:keyword"},
    {.why = "'Kundengespraech' (ae for ä) matches 'kundengespräch'",
     .title = "Kundengespraech Contoso",
     .category = C::customer,
     .rule = "customer:keyword"},
    // -- solo --
    {.why = "trap: 'Preise' contains 'reise' but not at a word's start, so no travel; no "
            "other keyword either, and nobody else: plain solo",
     .title = "Preise Contoso besprechen",
     .minutes = 30,
     .category = C::solo,
     .rule = "solo"},
    {.why = "'Reise' at a word's start is travel",
     .title = "Reise nach Hamburg",
     .minutes = 180,
     .category = C::solo,
     .rule = "solo:keyword"},
    {.why = "a travel block that names a customer meeting stays solo: solo:keyword comes "
            "before customer:keyword",
     .title = "Anreise Kundentermin Contoso",
     .minutes = 120,
     .category = C::solo,
     .rule = "solo:keyword"},
    {.why = "a focus block with a prep keyword and nobody else stays solo",
     .title = "Fokuszeit: Vorbereitung Contoso",
     .minutes = 120,
     .category = C::solo,
     .rule = "solo:keyword"},
    {.why = "'Rueckreise' (ue for ü) matches 'rückreise'",
     .title = "Rueckreise Muenchen",
     .minutes = 240,
     .category = C::solo,
     .rule = "solo:keyword"},
    {.why = "'Mittagspause' is a break",
     .title = "Mittagspause",
     .recurring = true,
     .minutes = 45,
     .category = C::solo,
     .rule = "solo:keyword"},
    {.why = "'Zugfahrt' is travel",
     .title = "Zugfahrt Berlin",
     .minutes = 300,
     .category = C::solo,
     .rule = "solo:keyword"},
    {.why = "'Bueroarbeit' (ue for ü) matches 'büro'",
     .title = "Bueroarbeit",
     .minutes = 120,
     .category = C::solo,
     .rule = "solo:keyword"},
    {.why = "'Kaltakquise' is a call list block",
     .title = "Kaltakquise",
     .minutes = 120,
     .category = C::solo,
     .rule = "solo:keyword"},
    {.why = "an acquisition appointment at a customer is customer time: only cold-call blocks "
            "('Kaltakquise', 'Telefonakquise') are solo keywords, and 'termin bei' is a "
            "customer keyword",
     .title = "Akquise-Termin bei Novo",
     .minutes = 60,
     .category = C::customer,
     .rule = "customer:keyword"},
    {.why = "a doctor's appointment is no customer meeting, though 'Termin beim' contains the "
            "customer keyword 'termin bei'",
     .title = "Termin beim Zahnarzt",
     .category = C::solo,
     .rule = "solo:keyword"},
    {.why = "recurring, but only the owner: solo, not sync:recurring (that needs other "
            "participants)",
     .title = "Lernzeit",
     .recurring = true,
     .category = C::solo,
     .rule = "solo"},
    {.why = "the owner's second address is the owner too, so nobody else is there",
     .title = "Einarbeitung",
     .attendees = {person(anna_alias)},
     .organizer = anna_alias,
     .recurring = true,
     .category = C::solo,
     .rule = "solo"},
    {.why = "a Google room (resource.calendar.google.com) is never a participant",
     .title = "Einarbeitung Vertrieb",
     .attendees = {person("c_1888abcdef@resource.calendar.google.com", "ACCEPTED", "")},
     .category = C::solo,
     .rule = "solo"},
    {.why = "a group calendar and Google's notification sender are never participants",
     .title = "Vertriebsplanung Q1",
     .attendees = {person("acme-sales.de_3k2j@group.calendar.google.com", "ACCEPTED", "")},
     .organizer = "calendar-notification@google.com",
     .category = C::solo,
     .rule = "solo"},
    {.why = "a noreply@ organizer (a vendor's webinar invitation) is ignored",
     .title = "Webinar: CRM Neuerungen",
     .organizer = "noreply@crm-vendor.com",
     .me = "ACCEPTED",
     .category = C::solo,
     .rule = "solo"},
    // -- internal-other and sync:recurring --
    {.why = "internal, single, no keyword: internal-other",
     .title = "Produktschulung CRM",
     .attendees = {person(markus), person(julia)},
     .minutes = 120,
     .category = C::internal_other,
     .rule = "internal-other"},
    {.why = "internal, recurring, no keyword: sync:recurring",
     .title = "Produktschulung CRM",
     .attendees = {person(markus), person(julia)},
     .recurring = true,
     .category = C::internal_sync,
     .rule = "sync:recurring"},
    {.why = "the organizer alone (no ATTENDEE lines) is an internal participant, so a "
            "recurring meeting is a sync, not solo",
     .title = "Produktschulung",
     .organizer = markus,
     .recurring = true,
     .category = C::internal_sync,
     .rule = "sync:recurring"},
    {.why = "a colleague at the subdomain de.acme-sales.de is internal",
     .title = "Produktschulung",
     .attendees = {person(thomas)},
     .category = C::internal_other,
     .rule = "internal-other"},
    {.why = "a room (CUTYPE=ROOM) at a foreign domain is no customer",
     .title = "Onboarding Julia",
     .attendees = {room("raum-berlin-3@regus.com"), person(julia)},
     .category = C::internal_other,
     .rule = "internal-other"},
    {.why = "a resource (CUTYPE=RESOURCE) at a foreign domain is no customer either",
     .title = "CRM-Schulung",
     .attendees = {resource("beamer-2@eventtechnik-verleih.de"), person(markus)},
     .category = C::internal_other,
     .rule = "internal-other"},
    {.why = "the customer declined, so only the colleague is a participant: not customer",
     .title = "Angebot Contoso durchgehen",
     .attendees = {declined(contoso), person(markus)},
     .category = C::internal_other,
     .rule = "internal-other"},
    {.why = "an attendee with a name but no address is somebody (not solo), but neither "
            "internal nor external",
     .title = "Einarbeitung",
     .attendees = {unaddressed("", "Markus")},
     .category = C::internal_other,
     .rule = "internal-other"},
    {.why = "Outlook's 'invalid:nomail' attendee: somebody without a usable address",
     .title = "Einarbeitung",
     .attendees = {unaddressed("invalid:nomail", "Markus Weber")},
     .category = C::internal_other,
     .rule = "internal-other"},
    {.why = "trap: 'Retrofit' starts like 'Retro' (a retrospective) but is a product word",
     .title = "Retrofit-Angebot Fabrikam",
     .attendees = {person(markus)},
     .category = C::internal_other,
     .rule = "internal-other"},
    // -- excluded, and the order of the exclusions --
    {.why = "the owner declined: excluded, whatever the title",
     .title = "Vertriebsmeeting",
     .attendees = {person(markus), person(julia)},
     .organizer = markus,
     .me = "DECLINED",
     .recurring = true,
     .category = C::excluded,
     .rule = "declined"},
    {.why = "cancelled: excluded even with a customer attendee",
     .title = "Kundentermin Contoso",
     .attendees = {person(contoso)},
     .status = "CANCELLED",
     .category = C::excluded,
     .rule = "cancelled"},
    {.why = "free (TRANSP:TRANSPARENT): excluded",
     .title = "Messe Hannover (optional)",
     .minutes = 480,
     .transp = "TRANSPARENT",
     .category = C::excluded,
     .rule = "free"},
    {.why = "all-day: excluded",
     .title = "Urlaub",
     .minutes = 24 * 60,
     .all_day = true,
     .category = C::excluded,
     .rule = "all-day"},
    {.why = "zero length (a reminder): excluded",
     .title = "Erinnerung: Angebot senden",
     .minutes = 0,
     .category = C::excluded,
     .rule = "empty"},
    {.why = "cancelled beats declined, free and all-day",
     .title = "Messe Hannover",
     .attendees = {person(markus)},
     .organizer = markus,
     .me = "DECLINED",
     .minutes = 24 * 60,
     .status = "CANCELLED",
     .transp = "TRANSPARENT",
     .all_day = true,
     .category = C::excluded,
     .rule = "cancelled"},
    {.why = "declined beats free, all-day and empty",
     .title = "Messe Hannover",
     .attendees = {person(markus)},
     .organizer = markus,
     .me = "DECLINED",
     .minutes = 0,
     .transp = "TRANSPARENT",
     .all_day = true,
     .category = C::excluded,
     .rule = "declined"},
    {.why = "free beats all-day and empty",
     .title = "Feiertag",
     .minutes = 0,
     .transp = "TRANSPARENT",
     .all_day = true,
     .category = C::excluded,
     .rule = "free"},
    {.why = "all-day beats empty",
     .title = "Feiertag",
     .minutes = 0,
     .all_day = true,
     .category = C::excluded,
     .rule = "all-day"},
};

// English: Emma Clark, emma.clark@northwind.co.uk, internal domain northwind.co.uk (a public
// suffix of two labels, so uk.northwind.co.uk is internal too).
const std::vector<Case> english_rows{
    {.why = "'sync' at a word's start",
     .file = emma_file,
     .title = "Weekly sales sync",
     .attendees = {person(james), person(priya)},
     .recurring = true,
     .minutes = 30,
     .category = C::internal_sync,
     .rule = "sync:keyword"},
    {.why = "trap: an external attendee beats the sync keywords",
     .file = emma_file,
     .title = "Weekly sync with Tailspin",
     .attendees = {person(tailspin), person(james)},
     .recurring = true,
     .minutes = 30,
     .category = C::customer,
     .rule = "customer:attendee"},
    {.why = "trap: 'Async' has 'sync' but not at a word's start; internal, single: other",
     .file = emma_file,
     .title = "Async review of proposal",
     .attendees = {person(james)},
     .minutes = 30,
     .category = C::internal_other,
     .rule = "internal-other"},
    {.why = "trap: 'Resync' has 'sync' but not at a word's start",
     .file = emma_file,
     .title = "Resync CRM data",
     .attendees = {person(priya)},
     .category = C::internal_other,
     .rule = "internal-other"},
    {.why = "trap: 'Prepaid' is not the word 'prep', nor 'prepar'",
     .file = emma_file,
     .title = "Prepaid tariffs workshop",
     .attendees = {person(james), person(priya)},
     .minutes = 120,
     .category = C::internal_other,
     .rule = "internal-other"},
    {.why = "trap: 'JFK' is not the word 'jf'; nobody else: plain solo",
     .file = emma_file,
     .title = "JFK airport pickup",
     .minutes = 90,
     .category = C::solo,
     .rule = "solo"},
    {.why = "trap: '11:15' contains '1:1' but not as a whole word",
     .file = emma_file,
     .title = "11:15 call with James",
     .attendees = {person(james)},
     .minutes = 15,
     .category = C::internal_other,
     .rule = "internal-other"},
    {.why = "'1:1' as a whole word",
     .file = emma_file,
     .title = "1:1 James / Emma",
     .attendees = {person(james)},
     .recurring = true,
     .minutes = 30,
     .category = C::internal_sync,
     .rule = "sync:keyword"},
    {.why = "'Stand-up' is a sync; priya is at uk.northwind.co.uk, internal",
     .file = emma_file,
     .title = "Stand-up",
     .attendees = {person(james), person(priya)},
     .recurring = true,
     .minutes = 15,
     .category = C::internal_sync,
     .rule = "sync:keyword"},
    {.why = "'forecast' is a sync keyword",
     .file = emma_file,
     .title = "Forecast review Q4",
     .attendees = {person(priya)},
     .category = C::internal_sync,
     .rule = "sync:keyword"},
    {.why = "'strategy' and 'offsite' are sync keywords",
     .file = emma_file,
     .title = "strategy offsite",
     .attendees = {person(james), person(priya)},
     .minutes = 480,
     .category = C::internal_sync,
     .rule = "sync:keyword"},
    {.why = "'Sprint retro' is a retrospective, a sync",
     .file = emma_file,
     .title = "Sprint retro",
     .attendees = {person(james), person(priya)},
     .category = C::internal_sync,
     .rule = "sync:keyword"},
    {.why = "'prep' as a whole word; pre comes before the customer keyword 'demo'",
     .file = emma_file,
     .title = "Prep for Litware demo",
     .attendees = {person(james)},
     .minutes = 30,
     .category = C::pre_meeting,
     .rule = "pre:keyword"},
    {.why = "'Pre-call' is a prep keyword",
     .file = emma_file,
     .title = "Pre-call Tailspin",
     .attendees = {person(james)},
     .minutes = 15,
     .category = C::pre_meeting,
     .rule = "pre:keyword"},
    {.why = "'Dry run' is a prep keyword",
     .file = emma_file,
     .title = "Dry run pitch",
     .attendees = {person(james), person(priya)},
     .category = C::pre_meeting,
     .rule = "pre:keyword"},
    {.why = "'Preparation' has 'prepar'",
     .file = emma_file,
     .title = "Preparation Litware pitch",
     .attendees = {person(james)},
     .category = C::pre_meeting,
     .rule = "pre:keyword"},
    {.why = "'Debrief' is a debrief keyword",
     .file = emma_file,
     .title = "Debrief Litware",
     .attendees = {person(james)},
     .minutes = 30,
     .category = C::post_meeting,
     .rule = "post:keyword"},
    {.why = "trap: 'Debriefing' is post, not pre via 'briefing'",
     .file = emma_file,
     .title = "Debriefing",
     .attendees = {person(james)},
     .minutes = 30,
     .category = C::post_meeting,
     .rule = "post:keyword"},
    {.why = "'Recap' at a word's start",
     .file = emma_file,
     .title = "Recap: Tailspin workshop",
     .attendees = {person(priya)},
     .minutes = 30,
     .category = C::post_meeting,
     .rule = "post:keyword"},
    {.why = "no participants, 'customer visit' in the title",
     .file = emma_file,
     .title = "customer visit Litware",
     .minutes = 120,
     .category = C::customer,
     .rule = "customer:keyword"},
    {.why = "no participants, 'demo at' in the title",
     .file = emma_file,
     .title = "Demo at Tailspin HQ",
     .category = C::customer,
     .rule = "customer:keyword"},
    {.why = "no participants, 'Discovery' at a word's start",
     .file = emma_file,
     .title = "Discovery call Fabrikam",
     .minutes = 45,
     .category = C::customer,
     .rule = "customer:keyword"},
    {.why = "Outlook style: an external organizer, no attendees: customer",
     .file = emma_file,
     .title = "Quarterly business review",
     .organizer = litware,
     .minutes = 90,
     .category = C::customer,
     .rule = "customer:attendee"},
    {.why = "northwind-partners.co.uk is not northwind.co.uk: external",
     .file = emma_file,
     .title = "Product training",
     .attendees = {person("alex@northwind-partners.co.uk")},
     .category = C::customer,
     .rule = "customer:attendee"},
    {.why = "'Focus time' with nobody else",
     .file = emma_file,
     .title = "Focus time",
     .recurring = true,
     .minutes = 120,
     .category = C::solo,
     .rule = "solo:keyword"},
    {.why = "'Flight' as a whole word",
     .file = emma_file,
     .title = "Flight LHR-CPH",
     .minutes = 110,
     .category = C::solo,
     .rule = "solo:keyword"},
    {.why = "travel to a customer stays solo ('train'), though it names a visit",
     .file = emma_file,
     .title = "Train to Manchester for Litware visit",
     .minutes = 150,
     .category = C::solo,
     .rule = "solo:keyword"},
    {.why = "'Lunch' alone",
     .file = emma_file,
     .title = "Lunch",
     .recurring = true,
     .minutes = 60,
     .category = C::solo,
     .rule = "solo:keyword"},
    {.why = "a room (CUTYPE=ROOM) at a co-working provider's domain is no customer",
     .file = emma_file,
     .title = "Onboarding: CRM basics",
     .attendees = {room("meeting-room-3@wework.com"), person(james)},
     .category = C::internal_other,
     .rule = "internal-other"},
    {.why = "a projector (CUTYPE=RESOURCE) is nobody: solo",
     .file = emma_file,
     .title = "Product training",
     .attendees = {resource("projector-1@av-hire.co.uk")},
     .category = C::solo,
     .rule = "solo"},
    {.why = "the only external attendee declined: not customer",
     .file = emma_file,
     .title = "Pricing discussion Tailspin",
     .attendees = {declined(tailspin), person(james)},
     .category = C::internal_other,
     .rule = "internal-other"},
    {.why = "a team lunch has colleagues, so it is not a solo lunch break; no sync keyword",
     .file = emma_file,
     .title = "Team lunch",
     .attendees = {person(james), person(priya)},
     .category = C::internal_other,
     .rule = "internal-other"},
    {.why = "the owner declined",
     .file = emma_file,
     .title = "All hands",
     .attendees = {person(james), person(priya)},
     .organizer = james,
     .me = "DECLINED",
     .category = C::excluded,
     .rule = "declined"},
};

// Danish: Lars Jensen, lars.jensen@nordsalg.dk, internal domain nordsalg.dk.
const std::vector<Case> danish_rows{
    {.why = "'Statusmøde' is a sync keyword",
     .file = lars_file,
     .title = "Statusmøde",
     .attendees = {person(mette), person(soeren)},
     .recurring = true,
     .category = C::internal_sync,
     .rule = "sync:keyword"},
    {.why = "'STATUSMØDE' in capitals: Ø folds to ø",
     .file = lars_file,
     .title = "STATUSMØDE",
     .attendees = {person(mette)},
     .category = C::internal_sync,
     .rule = "sync:keyword"},
    {.why = "'Salgsmøde' is a sync keyword",
     .file = lars_file,
     .title = "Salgsmøde",
     .attendees = {person(mette), person(soeren)},
     .category = C::internal_sync,
     .rule = "sync:keyword"},
    {.why = "'Salgsmoede' (oe for ø) matches 'salgsmøde'",
     .file = lars_file,
     .title = "Salgsmoede",
     .attendees = {person(mette)},
     .category = C::internal_sync,
     .rule = "sync:keyword"},
    {.why = "'Ugemøde' is a sync keyword",
     .file = lars_file,
     .title = "Ugemøde",
     .attendees = {person(mette), person(soeren)},
     .recurring = true,
     .category = C::internal_sync,
     .rule = "sync:keyword"},
    {.why = "'Ugemode' (ø typed as o) matches 'ugemøde'",
     .file = lars_file,
     .title = "Ugemode",
     .attendees = {person(soeren)},
     .category = C::internal_sync,
     .rule = "sync:keyword"},
    {.why = "'Morgenmøde' is a sync keyword",
     .file = lars_file,
     .title = "Morgenmøde",
     .attendees = {person(mette), person(soeren)},
     .recurring = true,
     .minutes = 15,
     .category = C::internal_sync,
     .rule = "sync:keyword"},
    {.why = "'Maanedsmoede' (aa for å, oe for ø) matches 'månedsmøde'",
     .file = lars_file,
     .title = "Maanedsmoede",
     .attendees = {person(mette)},
     .category = C::internal_sync,
     .rule = "sync:keyword"},
    {.why = "'Personalemøde' is a sync keyword",
     .file = lars_file,
     .title = "Personalemøde",
     .attendees = {person(mette), person(soeren)},
     .category = C::internal_sync,
     .rule = "sync:keyword"},
    {.why = "'Strategidag' starts with 'strategi'",
     .file = lars_file,
     .title = "Strategidag 2027",
     .attendees = {person(mette), person(soeren)},
     .minutes = 420,
     .category = C::internal_sync,
     .rule = "sync:keyword"},
    {.why = "'MUS' (the yearly appraisal talk) as a whole word",
     .file = lars_file,
     .title = "MUS Søren",
     .attendees = {person(soeren)},
     .category = C::internal_sync,
     .rule = "sync:keyword"},
    {.why = "'Formøde' at a word's start is a prep keyword",
     .file = lars_file,
     .title = "Formøde Vestas",
     .attendees = {person(mette)},
     .minutes = 30,
     .category = C::pre_meeting,
     .rule = "pre:keyword"},
    {.why = "'Formoede' (oe for ø) matches 'formøde'",
     .file = lars_file,
     .title = "Formoede Maersk",
     .attendees = {person(soeren)},
     .minutes = 30,
     .category = C::pre_meeting,
     .rule = "pre:keyword"},
    {.why = "'Forberedelse' has 'forbered'",
     .file = lars_file,
     .title = "Forberedelse Novo Nordisk",
     .attendees = {person(mette)},
     .category = C::pre_meeting,
     .rule = "pre:keyword"},
    {.why = "'Opfølgning internt' is a debrief keyword",
     .file = lars_file,
     .title = "Opfølgning internt",
     .attendees = {person(mette)},
     .minutes = 30,
     .category = C::post_meeting,
     .rule = "post:keyword"},
    {.why = "'Opfoelgning internt' (oe for ø) matches it too",
     .file = lars_file,
     .title = "Opfoelgning internt Vestas",
     .attendees = {person(soeren)},
     .minutes = 30,
     .category = C::post_meeting,
     .rule = "post:keyword"},
    {.why = "'Evaluering' is a debrief keyword",
     .file = lars_file,
     .title = "Evaluering af messen",
     .attendees = {person(mette), person(soeren)},
     .category = C::post_meeting,
     .rule = "post:keyword"},
    {.why = "'Opsamling' is a debrief keyword; it names a customer meeting but has colleagues "
            "only",
     .file = lars_file,
     .title = "Opsamling efter kundemøde",
     .attendees = {person(mette)},
     .minutes = 30,
     .category = C::post_meeting,
     .rule = "post:keyword"},
    {.why = "trap: 'Debriefing' is post, not pre",
     .file = lars_file,
     .title = "Debriefing Vestas",
     .attendees = {person(mette)},
     .minutes = 30,
     .category = C::post_meeting,
     .rule = "post:keyword"},
    {.why = "no participants, 'kundemøde' in the title",
     .file = lars_file,
     .title = "kundemøde Vestas",
     .minutes = 90,
     .category = C::customer,
     .rule = "customer:keyword"},
    {.why = "'Kundemoede' (oe for ø) matches 'kundemøde'",
     .file = lars_file,
     .title = "Kundemoede Novo",
     .category = C::customer,
     .rule = "customer:keyword"},
    {.why = "'Kundebesøg' is a customer keyword",
     .file = lars_file,
     .title = "Kundebesøg hos Maersk",
     .minutes = 120,
     .category = C::customer,
     .rule = "customer:keyword"},
    {.why = "Lars and Søren visit Maersk together; only Søren is invited, but 'kundebesøg' is "
            "a visit word, which holds with colleagues too",
     .file = lars_file,
     .title = "Kundebesøg hos Maersk",
     .attendees = {person(soeren)},
     .minutes = 120,
     .category = C::customer,
     .rule = "customer:visit"},
    {.why = "'Møde hos' is a customer keyword",
     .file = lars_file,
     .title = "Møde hos Vestas",
     .category = C::customer,
     .rule = "customer:keyword"},
    {.why = "an external attendee beats 'Statusmøde'",
     .file = lars_file,
     .title = "Statusmøde",
     .attendees = {person(vestas), person(mette)},
     .recurring = true,
     .category = C::customer,
     .rule = "customer:attendee"},
    {.why = "Outlook style: the customer organizes, no attendees",
     .file = lars_file,
     .title = "Teknisk gennemgang",
     .organizer = novonordisk,
     .minutes = 90,
     .category = C::customer,
     .rule = "customer:attendee"},
    {.why = "'Kørsel' is travel",
     .file = lars_file,
     .title = "Kørsel til Aarhus",
     .minutes = 150,
     .category = C::solo,
     .rule = "solo:keyword"},
    {.why = "'Koersel' (oe for ø) matches 'kørsel'",
     .file = lars_file,
     .title = "Koersel til Vestas",
     .minutes = 150,
     .category = C::solo,
     .rule = "solo:keyword"},
    {.why = "'Tog' as a whole word is a train",
     .file = lars_file,
     .title = "Tog til Aarhus",
     .minutes = 180,
     .category = C::solo,
     .rule = "solo:keyword"},
    {.why = "'Frokost' is lunch",
     .file = lars_file,
     .title = "Frokost",
     .recurring = true,
     .minutes = 30,
     .category = C::solo,
     .rule = "solo:keyword"},
    {.why = "a deep-work block with a prep keyword and nobody else stays solo",
     .file = lars_file,
     .title = "Fordybelse: forberedelse Vestas",
     .minutes = 90,
     .category = C::solo,
     .rule = "solo:keyword"},
    {.why = "trap: 'Flytning' (moving) is not the word 'fly'",
     .file = lars_file,
     .title = "Flytning af kontor",
     .minutes = 240,
     .category = C::solo,
     .rule = "solo"},
    {.why = "a visit at the doctor's is no customer meeting, though 'besøg hos' is a customer "
            "keyword",
     .file = lars_file,
     .title = "Besøg hos lægen",
     .category = C::solo,
     .rule = "solo:keyword"},
    {.why = "internal, single, no keyword",
     .file = lars_file,
     .title = "Introduktion til CRM",
     .attendees = {person(mette)},
     .minutes = 90,
     .category = C::internal_other,
     .rule = "internal-other"},
    {.why = "internal, recurring, no keyword",
     .file = lars_file,
     .title = "Introduktion til CRM",
     .attendees = {person(mette)},
     .recurring = true,
     .minutes = 90,
     .category = C::internal_sync,
     .rule = "sync:recurring"},
    {.why = "the customer declined: only the colleague is a participant",
     .file = lars_file,
     .title = "Tilbudsgennemgang Maersk",
     .attendees = {declined(maersk), person(soeren)},
     .category = C::internal_other,
     .rule = "internal-other"},
    {.why = "the owner declined",
     .file = lars_file,
     .title = "Salgsmøde",
     .attendees = {person(mette), person(soeren)},
     .organizer = mette,
     .me = "DECLINED",
     .recurring = true,
     .category = C::excluded,
     .rule = "declined"},
    {.why = "Google writes all-day events as free: free beats all-day",
     .file = lars_file,
     .title = "Ferie",
     .minutes = 24 * 60,
     .transp = "TRANSPARENT",
     .all_day = true,
     .category = C::excluded,
     .rule = "free"},
};

void check_rows(const std::vector<Case>& rows) {
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const Case& row = rows[i];
        BOOST_TEST_CONTEXT("row " << i << " \"" << row.title << "\" (" << row.file
                                  << "): " << row.why) {
            expect(classify_one(row, defaults()), row.category, row.rule);
        }
    }
}

// A minimal occurrence in Anna's calendar for the condition tests.
Case event(const char* title, std::vector<Attendee> attendees = {}) {
    return Case{.title = title, .attendees = std::move(attendees)};
}

} // namespace

BOOST_AUTO_TEST_SUITE(classification)

// ---- the table ----

BOOST_AUTO_TEST_CASE(the_table_is_large_enough) {
    BOOST_TEST(german_rows.size() + english_rows.size() + danish_rows.size() >= 90u);
    BOOST_TEST(german_rows.size() >= 30u);
    BOOST_TEST(english_rows.size() >= 25u);
    BOOST_TEST(danish_rows.size() >= 25u);
}

BOOST_AUTO_TEST_CASE(german_rows_classify_as_expected) {
    check_rows(german_rows);
}

BOOST_AUTO_TEST_CASE(english_rows_classify_as_expected) {
    check_rows(english_rows);
}

BOOST_AUTO_TEST_CASE(danish_rows_classify_as_expected) {
    check_rows(danish_rows);
}

// More than 4,096 occurrences are decided on two threads (classify's first pass). Every row
// of the three tables, 16 times over, each on a day of its own two weeks apart (beyond the
// 3-day pre/post windows, so no inference ties two of them): each must come out with its
// row's category and rule, as it does alone.
BOOST_AUTO_TEST_CASE(many_occurrences_classify_as_each_does_alone) {
    std::vector<const Case*> rows;
    for (const auto* table : {&german_rows, &english_rows, &danish_rows})
        for (const Case& row : *table)
            rows.push_back(&row);
    const std::size_t copies = 4096 / rows.size() + 1;
    std::vector<Occurrence> occurrences;
    std::vector<const Case*> expected;
    for (std::size_t copy = 0; copy < copies; ++copy)
        for (const Case* row : rows) {
            Occurrence o = occurrence_of(*row);
            auto shift = date::days{14 * static_cast<long>(occurrences.size())};
            o.start += shift;
            o.end += shift;
            if (o.recurrence_id)
                o.recurrence_id = o.start;
            o.uid = *o.uid + "-" + std::to_string(occurrences.size());
            occurrences.push_back(std::move(o));
            expected.push_back(row);
        }
    BOOST_TEST_REQUIRE(occurrences.size() > 4096u);
    Diagnostics diagnostics;
    auto classified =
        busywork::classify(std::move(occurrences), defaults(), ownerships(), diagnostics);
    BOOST_REQUIRE_EQUAL(classified.size(), expected.size());
    BOOST_TEST(diagnostics.empty());
    std::size_t wrong = 0;
    for (std::size_t i = 0; i < classified.size(); ++i) {
        const Classification& c = classified[i].classification;
        if (c.category != expected[i]->category || c.rule != expected[i]->rule) {
            ++wrong;
            BOOST_TEST_MESSAGE("occurrence " << i << " \"" << expected[i]->title
                                             << "\": " << name(c.category) << " by " << c.rule);
        }
    }
    BOOST_TEST(wrong == 0u);
    // Decisions by one rule, or one exclusion, share its name rather than copy it
    // (classification.hpp): a few dozen names for four thousand occurrences.
    std::set<const std::string*> names;
    for (const auto& c : classified)
        names.insert(&c.classification.rule.get());
    std::set<std::string> distinct;
    for (const Case* row : rows)
        distinct.insert(row->rule);
    BOOST_TEST(names.size() == distinct.size());
}

BOOST_AUTO_TEST_CASE(all_rows_at_once_keep_their_order_and_exclusions) {
    // One call for a whole calendar keeps the input's order. Excluded, customer and solo rows
    // come out as they do alone; internal rows are not compared, because in one calendar
    // pre:infer and post:infer may tie them to the customer rows.
    std::vector<Occurrence> all;
    std::vector<const Case*> cases;
    for (const auto* rows : {&german_rows, &english_rows, &danish_rows})
        for (const Case& c : *rows) {
            all.push_back(occurrence_of(c));
            cases.push_back(&c);
        }
    Diagnostics diagnostics;
    auto classified = busywork::classify(all, defaults(), ownerships(), diagnostics);
    BOOST_TEST_REQUIRE(classified.size() == cases.size());
    for (std::size_t i = 0; i < cases.size(); ++i) {
        BOOST_TEST_CONTEXT("row \"" << cases[i]->title << "\": " << cases[i]->why) {
            BOOST_TEST(classified[i].occurrence.summary == cases[i]->title);
            if (cases[i]->category == C::excluded || cases[i]->category == C::customer ||
                cases[i]->category == C::solo)
                expect(classified[i].classification, cases[i]->category, cases[i]->rule);
        }
    }
    BOOST_TEST(diagnostics.empty());
}

// ---- text conditions ----

BOOST_AUTO_TEST_CASE(title_keywords_are_substrings_of_the_title_only) {
    RuleSet rules = user_rules(R"(
[settings]
append_default_rules = false
[[rule]]
name = "angebot"
category = "pre-meeting"
title = ["angebot"]
)");
    expect(classify_one(event("Angebotsrunde"), rules), C::pre_meeting, "angebot");
    expect(classify_one(event("ANGEBOT prüfen"), rules), C::pre_meeting, "angebot");
    Case in_description = event("Runde");
    in_description.description = "Angebot";
    in_description.location = "Angebot";
    expect(classify_one(in_description, rules), C::internal_other, "no rule matched");
}

BOOST_AUTO_TEST_CASE(description_and_location_keywords_look_at_their_field) {
    RuleSet rules = user_rules(R"(
[settings]
append_default_rules = false
[[rule]]
name = "teams"
category = "internal-other"
description = ["microsoft teams"]
[[rule]]
name = "at-customer"
category = "customer"
location = ["contoso hq"]
)");
    Case teams = event("Runde");
    teams.description = "Join the Microsoft Teams meeting: https://teams.example/l/123";
    expect(classify_one(teams, rules), C::internal_other, "teams");
    Case onsite = event("Runde");
    onsite.location = "Contoso HQ, Raum 4";
    expect(classify_one(onsite, rules), C::customer, "at-customer");
    // Neither keyword in the title counts for them.
    expect(classify_one(event("Microsoft Teams at Contoso HQ"), rules), C::internal_other,
           "no rule matched");
}

BOOST_AUTO_TEST_CASE(text_keywords_look_at_title_description_and_location) {
    RuleSet rules = user_rules(R"(
[settings]
append_default_rules = false
[[rule]]
name = "messe"
category = "customer"
text = ["messe"]
)");
    expect(classify_one(event("Messestand aufbauen"), rules), C::customer, "messe");
    Case description = event("Aufbau");
    description.description = "Stand auf der Messe";
    expect(classify_one(description, rules), C::customer, "messe");
    Case location = event("Aufbau");
    location.location = "Messe Hannover, Halle 4";
    expect(classify_one(location, rules), C::customer, "messe");
    expect(classify_one(event("Aufbau"), rules), C::internal_other, "no rule matched");
}

BOOST_AUTO_TEST_CASE(word_keywords_need_a_whole_word) {
    RuleSet rules = user_rules(R"(
[settings]
append_default_rules = false
[[rule]]
name = "prep"
category = "pre-meeting"
title = [{ word = "prep" }]
)");
    expect(classify_one(event("Prep Contoso"), rules), C::pre_meeting, "prep");
    expect(classify_one(event("Contoso: prep"), rules), C::pre_meeting, "prep");
    expect(classify_one(event("prep-call"), rules), C::pre_meeting, "prep");
    expect(classify_one(event("Prepaid plans"), rules), C::internal_other, "no rule matched");
    expect(classify_one(event("Meal-prepping"), rules), C::internal_other, "no rule matched");
    expect(classify_one(event("Preps"), rules), C::internal_other, "no rule matched");
}

BOOST_AUTO_TEST_CASE(word_start_keywords_need_the_start_of_a_word) {
    RuleSet rules = user_rules(R"(
[settings]
append_default_rules = false
[[rule]]
name = "sync"
category = "internal-sync"
title = [{ word_start = "sync" }]
)");
    expect(classify_one(event("Syncs"), rules), C::internal_sync, "sync");
    expect(classify_one(event("Sync-Call"), rules), C::internal_sync, "sync");
    expect(classify_one(event("Team sync"), rules), C::internal_sync, "sync");
    // Every place is tried: the first "sync" fails its boundary, the second passes.
    expect(classify_one(event("Async and sync"), rules), C::internal_sync, "sync");
    expect(classify_one(event("Async review"), rules), C::internal_other, "no rule matched");
    expect(classify_one(event("Teamsync"), rules), C::internal_other, "no rule matched");
}

BOOST_AUTO_TEST_CASE(title_regex_is_icu_and_case_insensitive) {
    RuleSet rules = user_rules(R"(
[settings]
append_default_rules = false
[[rule]]
name = "kw"
category = "internal-sync"
title_regex = ['^kw\s?\d{1,2}\b']
[[rule]]
name = "hos"
category = "customer"
title_regex = ['^møde\s+hos\s+\p{L}+$']
)");
    expect(classify_one(event("KW 47 Planung"), rules), C::internal_sync, "kw");
    expect(classify_one(event("kw47"), rules), C::internal_sync, "kw");
    expect(classify_one(event("Planung KW 47"), rules), C::internal_other, "no rule matched");
    // Non-ASCII letters match case-insensitively, and \p{L} is ICU's Unicode letter class.
    expect(classify_one(event("MØDE HOS Ærø"), rules), C::customer, "hos");
    expect(classify_one(event("Møde hos Vestas 2"), rules), C::internal_other, "no rule matched");
    // A pattern reads the text as written, not folded: "oe" is not "ø" to it.
    expect(classify_one(event("Moede hos Vestas"), rules), C::internal_other, "no rule matched");
}

BOOST_AUTO_TEST_CASE(a_catastrophic_regex_times_out_as_no_match_and_is_reported) {
    RuleSet rules = user_rules(R"(
[settings]
append_default_rules = false
[[rule]]
name = "slow"
category = "pre-meeting"
title_regex = ['^(a+)+$']
[[rule]]
name = "fallback"
category = "solo"
)");
    std::string title(40, 'a');
    title += "!";
    Case c = event("");
    c.title = title.c_str();
    Diagnostics diagnostics;
    auto start = std::chrono::steady_clock::now();
    Classification got = classify_one(c, rules, diagnostics);
    auto took = std::chrono::steady_clock::now() - start;
    expect(got, C::solo, "fallback");
    BOOST_TEST_REQUIRE(diagnostics.all().size() == 1u);
    const auto& warning = diagnostics.all().front();
    BOOST_TEST(warning.file == anna_file);
    BOOST_TEST(warning.line == 1);
    BOOST_TEST(warning.message.find("ran out of time") != std::string::npos);
    BOOST_TEST(warning.message.find(title) != std::string::npos);
    BOOST_TEST(!warning.skipped_event);
    // It names the rule whose pattern gave up, not the rule that decided in the end.
    BOOST_TEST(warning.message.find("rule \"slow\"") != std::string::npos);
    // It gives up rather than running for minutes.
    BOOST_TEST(std::chrono::duration_cast<std::chrono::seconds>(took).count() < 10);
    // The same pattern on a harmless title is an ordinary miss, with no diagnostic.
    Diagnostics quiet;
    expect(classify_one(event("Weekly"), rules, quiet), C::solo, "fallback");
    BOOST_TEST(quiet.empty());
    expect(classify_one(event("aaaa"), rules, quiet), C::pre_meeting, "slow");
    BOOST_TEST(quiet.empty());
}

// ---- participant conditions ----

BOOST_AUTO_TEST_CASE(external_true_and_false) {
    RuleSet rules = user_rules(R"(
[settings]
append_default_rules = false
[[rule]]
name = "outside"
category = "customer"
external = true
[[rule]]
name = "inside"
category = "internal-other"
external = false
)");
    expect(classify_one(event("x", {person(contoso)}), rules), C::customer, "outside");
    expect(classify_one(event("x", {person(markus), person(contoso)}), rules), C::customer,
           "outside");
    expect(classify_one(event("x", {person(markus)}), rules), C::internal_other, "inside");
    // Nobody at all is "no external participant" too.
    expect(classify_one(event("x"), rules), C::internal_other, "inside");
    // Declined, rooms and the unplaceable are not external.
    expect(classify_one(
               event("x", {declined(contoso), room("r@regus.com"), unaddressed("", "Max")}), rules),
           C::internal_other, "inside");
}

BOOST_AUTO_TEST_CASE(all_internal_needs_participants_all_internal) {
    RuleSet rules = user_rules(R"(
[settings]
append_default_rules = false
[[rule]]
name = "colleagues"
category = "internal-sync"
all_internal = true
[[rule]]
name = "not-colleagues"
category = "internal-other"
all_internal = false
)");
    expect(classify_one(event("x", {person(markus), person(thomas)}), rules), C::internal_sync,
           "colleagues");
    expect(classify_one(event("x"), rules), C::internal_other, "not-colleagues");
    expect(classify_one(event("x", {person(markus), person(contoso)}), rules), C::internal_other,
           "not-colleagues");
    // Somebody without an address might be anybody: not all internal.
    expect(classify_one(event("x", {person(markus), unaddressed("", "Max")}), rules),
           C::internal_other, "not-colleagues");
}

BOOST_AUTO_TEST_CASE(participant_counts_are_inclusive_and_leave_out_the_owner) {
    RuleSet rules = user_rules(R"(
[settings]
append_default_rules = false
[[rule]]
name = "small"
category = "internal-sync"
min_participants = 2
max_participants = 3
[[rule]]
name = "rest"
category = "internal-other"
)");
    expect(classify_one(event("x", {person(markus)}), rules), C::internal_other, "rest");
    expect(classify_one(event("x", {person(markus), person(julia)}), rules), C::internal_sync,
           "small");
    expect(classify_one(event("x", {person(markus), person(julia), person(thomas)}), rules),
           C::internal_sync, "small");
    expect(classify_one(
               event("x", {person(markus), person(julia), person(thomas), person(contoso)}), rules),
           C::internal_other, "rest");
    // The same address twice, the owner, the organizer again and a room are counted once or
    // not at all.
    Case repeated = event(
        "x", {person(markus), person(markus), person(anna_alias), room("raum@acme-sales.de")});
    repeated.organizer = markus;
    expect(classify_one(repeated, rules), C::internal_other, "rest");
    Case two = repeated;
    two.attendees.push_back(person(julia));
    expect(classify_one(two, rules), C::internal_sync, "small");
}

BOOST_AUTO_TEST_CASE(organizer_domain_is_the_organizers_domain_or_a_subdomain) {
    RuleSet rules = user_rules(R"(
[settings]
append_default_rules = false
[[rule]]
name = "by-contoso"
category = "customer"
organizer_domain = ["contoso.com"]
[[rule]]
name = "by-us"
category = "internal-sync"
organizer_domain = ["acme-sales.de"]
[[rule]]
name = "rest"
category = "internal-other"
)");
    Case c = event("x", {person(markus)});
    c.organizer = contoso;
    expect(classify_one(c, rules), C::customer, "by-contoso");
    c.organizer = "assistant@sales.contoso.com";
    expect(classify_one(c, rules), C::customer, "by-contoso");
    c.organizer = "info@contoso.com.evil.example";
    expect(classify_one(c, rules), C::internal_other, "rest");
    c.organizer = "info@notcontoso.com";
    expect(classify_one(c, rules), C::internal_other, "rest");
    // The owner organizing counts for the owner's domain, though the owner is no participant.
    c.organizer = "me";
    expect(classify_one(c, rules), C::internal_sync, "by-us");
    c.organizer = thomas;
    expect(classify_one(c, rules), C::internal_sync, "by-us");
    c.organizer = "";
    expect(classify_one(c, rules), C::internal_other, "rest");
}

// ---- time conditions ----

BOOST_AUTO_TEST_CASE(recurring_true_and_false) {
    RuleSet rules = user_rules(R"(
[settings]
append_default_rules = false
[[rule]]
name = "series"
category = "internal-sync"
recurring = true
[[rule]]
name = "single"
category = "internal-other"
recurring = false
)");
    Case c = event("x", {person(markus)});
    expect(classify_one(c, rules), C::internal_other, "single");
    c.recurring = true;
    expect(classify_one(c, rules), C::internal_sync, "series");
}

BOOST_AUTO_TEST_CASE(duration_bounds_are_inclusive) {
    RuleSet rules = user_rules(R"(
[settings]
append_default_rules = false
[[rule]]
name = "short"
category = "internal-sync"
min_duration = "30m"
max_duration = "1h"
[[rule]]
name = "long"
category = "solo"
min_duration = "1h30m"
[[rule]]
name = "rest"
category = "internal-other"
)");
    for (auto [minutes, category, rule] :
         {std::tuple{29, C::internal_other, "rest"}, std::tuple{30, C::internal_sync, "short"},
          std::tuple{45, C::internal_sync, "short"}, std::tuple{60, C::internal_sync, "short"},
          std::tuple{61, C::internal_other, "rest"}, std::tuple{89, C::internal_other, "rest"},
          std::tuple{90, C::solo, "long"}, std::tuple{600, C::solo, "long"}}) {
        BOOST_TEST_CONTEXT(minutes << " minutes") {
            Case c = event("x", {person(markus)});
            c.minutes = minutes;
            expect(classify_one(c, rules), category, rule);
        }
    }
}

// ---- settings ----

BOOST_AUTO_TEST_CASE(ignored_domains_are_never_participants) {
    RuleSet rules = user_rules(R"(
[settings]
ignored_domains = ["rooms.contoso.com"]
append_default_rules = false
[[rule]]
name = "outside"
category = "customer"
external = true
[[rule]]
name = "rest"
category = "solo"
)");
    expect(classify_one(event("x", {person("r4@rooms.contoso.com")}), rules), C::solo, "rest");
    expect(classify_one(event("x", {person("r4@berlin.rooms.contoso.com")}), rules), C::solo,
           "rest");
    expect(classify_one(event("x", {person(contoso)}), rules), C::customer, "outside");
    // The setting replaces the default list: group calendars count again.
    expect(classify_one(event("x", {person("team_x@group.calendar.google.com")}), rules),
           C::customer, "outside");
    // With the default list they do not.
    expect(classify_one(event("x", {person("team_x@group.calendar.google.com")}), defaults()),
           C::solo, "solo");
}

BOOST_AUTO_TEST_CASE(ignored_addresses_take_star_wildcards) {
    RuleSet rules = user_rules(R"(
[settings]
ignored_addresses = ["bot-*@contoso.com", "*@mailer.*"]
append_default_rules = false
[[rule]]
name = "outside"
category = "customer"
external = true
[[rule]]
name = "rest"
category = "solo"
)");
    expect(classify_one(event("x", {person("bot-scheduler@contoso.com")}), rules), C::solo, "rest");
    expect(classify_one(event("x", {person("bot-@contoso.com")}), rules), C::solo, "rest");
    expect(classify_one(event("x", {person("news@mailer.fabrikam.de")}), rules), C::solo, "rest");
    expect(classify_one(event("x", {person("robot-1@contoso.com")}), rules), C::customer,
           "outside");
    expect(classify_one(event("x", {person(contoso)}), rules), C::customer, "outside");
    // An exact address is an address: the wildcard is not implied at either end.
    expect(classify_one(event("x", {person("bot-x@contoso.com.example")}), rules), C::customer,
           "outside");
    // The setting replaces the default list, which ignores noreply@*.
    expect(classify_one(event("x", {person("noreply@zoom.us")}), rules), C::customer, "outside");
    expect(classify_one(event("x", {person("noreply@zoom.us")}), defaults()), C::solo, "solo");
}

BOOST_AUTO_TEST_CASE(ignore_diacritics_false_keeps_accents_and_transcriptions_apart) {
    const char* keep = R"(
[settings]
ignore_diacritics = false
append_default_rules = false
[[rule]]
name = "møde"
category = "internal-sync"
title = ["møde"]
[[rule]]
name = "rest"
category = "internal-other"
)";
    const char* strip = R"(
[settings]
append_default_rules = false
[[rule]]
name = "møde"
category = "internal-sync"
title = ["møde"]
[[rule]]
name = "rest"
category = "internal-other"
)";
    RuleSet keeping = user_rules(keep);
    RuleSet stripping = user_rules(strip);
    Case c = event("", {person(markus)});
    for (auto [title, kept, stripped] :
         {std::tuple{"Salgsmøde", "møde", "møde"}, std::tuple{"SALGSMØDE", "møde", "møde"},
          std::tuple{"Salgsmoede", "rest", "møde"}, std::tuple{"Salgsmode", "rest", "møde"}}) {
        BOOST_TEST_CONTEXT(title) {
            c.title = title;
            BOOST_TEST(classify_one(c, keeping).rule == kept);
            BOOST_TEST(classify_one(c, stripping).rule == stripped);
        }
    }
    // The default rules appended to such a file are folded the same way.
    RuleSet keeping_defaults = user_rules("[settings]\nignore_diacritics = false\n");
    Case moede{.file = lars_file, .title = "Salgsmoede", .attendees = {person(mette)}};
    expect(classify_one(moede, defaults()), C::internal_sync, "sync:keyword");
    expect(classify_one(moede, keeping_defaults), C::internal_other, "internal-other");
    moede.title = "Salgsmøde";
    expect(classify_one(moede, keeping_defaults), C::internal_sync, "sync:keyword");
}

// ---- rules ----

BOOST_AUTO_TEST_CASE(a_user_rule_may_exclude_and_comes_before_the_defaults) {
    RuleSet rules = user_rules(R"(
[[rule]]
name = "private"
category = "excluded"
title = [{ word_start = "privat" }]
)");
    BOOST_TEST_REQUIRE(rules.rules.size() == defaults().rules.size() + 1);
    expect(classify_one(event("Privat: Zahnarzt"), rules), C::excluded, "private");
    // Before the defaults, so it beats the customer attendee and the sync keyword.
    expect(classify_one(event("Privat Jour fixe", {person(contoso)}), rules), C::excluded,
           "private");
    // Everything else falls through to the defaults.
    expect(classify_one(event("Jour fixe", {person(markus)}), rules), C::internal_sync,
           "sync:keyword");
}

BOOST_AUTO_TEST_CASE(user_rules_beat_the_default_customer_rule) {
    RuleSet rules = user_rules(R"(
[[rule]]
name = "partner-sync"
category = "internal-sync"
external = true
title = ["weekly"]
)");
    expect(classify_one(event("Partner weekly", {person("x@acme-sales-partner.de")}), rules),
           C::internal_sync, "partner-sync");
    // Every condition must hold: without the keyword the defaults decide.
    expect(classify_one(event("Partner call", {person("x@acme-sales-partner.de")}), rules),
           C::customer, "customer:attendee");
    // And without an external participant too.
    expect(classify_one(event("Weekly", {person(markus)}), rules), C::internal_sync,
           "sync:keyword");
}

BOOST_AUTO_TEST_CASE(without_a_catch_all_nothing_matched_is_internal_other) {
    RuleSet rules = user_rules(R"(
[settings]
append_default_rules = false
[[rule]]
name = "only"
category = "customer"
title = ["contoso"]
)");
    BOOST_TEST_REQUIRE(rules.rules.size() == 1u);
    expect(classify_one(event("Contoso"), rules), C::customer, "only");
    expect(classify_one(event("Fokuszeit"), rules), C::internal_other, "no rule matched");
    expect(classify_one(event("Jour fixe", {person(markus)}), rules), C::internal_other,
           "no rule matched");
    // The exclusions are built in and need no rule.
    Case cancelled = event("Contoso");
    cancelled.status = "CANCELLED";
    expect(classify_one(cancelled, rules), C::excluded, "cancelled");
}

BOOST_AUTO_TEST_CASE(the_first_matching_rule_wins) {
    const char* a_then_b = R"(
[settings]
append_default_rules = false
[[rule]]
name = "a"
category = "pre-meeting"
title = ["contoso"]
[[rule]]
name = "b"
category = "post-meeting"
title = ["contoso"]
)";
    const char* b_then_a = R"(
[settings]
append_default_rules = false
[[rule]]
name = "b"
category = "post-meeting"
title = ["contoso"]
[[rule]]
name = "a"
category = "pre-meeting"
title = ["contoso"]
)";
    expect(classify_one(event("Contoso"), user_rules(a_then_b)), C::pre_meeting, "a");
    expect(classify_one(event("Contoso"), user_rules(b_then_a)), C::post_meeting, "b");
}

// ---- explain ----

BOOST_AUTO_TEST_CASE(explain_ends_with_the_deciding_rule_and_says_why_the_others_missed) {
    std::vector<Occurrence> calendar{
        occurrence_of(event("Teamabstimmung", {person(markus), person(julia)})),
        occurrence_of(event("Kundenbesuch Fabrikam")),
    };
    Diagnostics diagnostics;
    auto classified = busywork::classify(calendar, defaults(), ownerships(), diagnostics);
    expect(classified.at(0).classification, C::internal_sync, "sync:keyword");

    std::vector<ExplanationStep> steps = busywork::explain(classified, 0, defaults(), ownerships());
    BOOST_TEST_REQUIRE(steps.size() >= 3u);
    // First the exclusions, not taken; then the rules in order up to the one that decided.
    BOOST_TEST(steps.front().rule == "exclusions");
    BOOST_TEST(!steps.front().matched);
    const ExplanationStep& last = steps.back();
    BOOST_TEST(last.rule == "sync:keyword");
    BOOST_TEST(last.matched);
    BOOST_TEST(name(last.category) == name(C::internal_sync));
    BOOST_TEST(last.reason.find("abstimmung") != std::string::npos);
    const auto& rules = defaults().rules;
    BOOST_TEST_REQUIRE(steps.size() - 1 <= rules.size());
    for (std::size_t i = 1; i < steps.size(); ++i) {
        BOOST_TEST_CONTEXT("step " << i << " " << steps[i].rule) {
            BOOST_TEST(steps[i].rule == rules[i - 1].name);
            BOOST_TEST(name(steps[i].category) == name(rules[i - 1].category));
            if (i + 1 < steps.size()) {
                BOOST_TEST(!steps[i].matched);
                BOOST_TEST(!steps[i].reason.empty());
            }
        }
    }
    auto reason_of = [&](const std::string& rule) {
        for (const auto& s : steps)
            if (s.rule == rule)
                return s.reason;
        return std::string("(no step)");
    };
    BOOST_TEST(reason_of("customer:attendee") == "no external participant");
    BOOST_TEST(reason_of("solo:keyword").find("2 participants, at most 0 wanted") !=
               std::string::npos);
    BOOST_TEST(reason_of("pre:keyword").find("title has none of the") != std::string::npos);
    BOOST_TEST(reason_of("post:keyword").find("title has none of the") != std::string::npos);
    BOOST_TEST(reason_of("pre:infer").find("no customer meeting follows") != std::string::npos);
    BOOST_TEST(reason_of("post:infer").find("no customer meeting precedes") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(explain_of_a_customer_keyword_meeting) {
    std::vector<Occurrence> calendar{occurrence_of(event("Kundenbesuch Fabrikam"))};
    Diagnostics diagnostics;
    auto classified = busywork::classify(calendar, defaults(), ownerships(), diagnostics);
    expect(classified.at(0).classification, C::customer, "customer:keyword");
    auto steps = busywork::explain(classified, 0, defaults(), ownerships());
    BOOST_TEST_REQUIRE(!steps.empty());
    BOOST_TEST(steps.back().rule == "customer:keyword");
    BOOST_TEST(steps.back().matched);
    BOOST_TEST(steps.back().reason.find("kundenbesuch") != std::string::npos);
    for (std::size_t i = 0; i + 1 < steps.size(); ++i)
        BOOST_TEST(!steps[i].matched);
    for (const auto& s : steps) {
        BOOST_TEST_CONTEXT("step " << s.rule) {
            if (s.rule == "customer:attendee")
                BOOST_TEST(s.reason == "no external participant");
            // all_internal is checked before recurring, and fails first.
            if (s.rule == "sync:recurring")
                BOOST_TEST(s.reason == "no participants");
            // A customer meeting is never a pre- or post-meeting of itself.
            if (s.rule == "pre:infer" || s.rule == "post:infer")
                BOOST_TEST(s.reason == "it is itself a customer meeting");
        }
    }
}

BOOST_AUTO_TEST_CASE(explain_of_an_exclusion_is_one_step) {
    Case c = event("Vertriebsmeeting", {person(markus)});
    c.organizer = markus;
    c.me = "DECLINED";
    std::vector<Occurrence> calendar{occurrence_of(c)};
    Diagnostics diagnostics;
    auto classified = busywork::classify(calendar, defaults(), ownerships(), diagnostics);
    auto steps = busywork::explain(classified, 0, defaults(), ownerships());
    BOOST_TEST_REQUIRE(steps.size() == 1u);
    BOOST_TEST(steps[0].rule == "declined");
    BOOST_TEST(steps[0].matched);
    BOOST_TEST(name(steps[0].category) == name(C::excluded));
}

BOOST_AUTO_TEST_CASE(explain_without_a_catch_all_ends_with_no_rule_matched) {
    RuleSet rules = user_rules(R"(
[settings]
append_default_rules = false
[[rule]]
name = "only"
category = "customer"
title = ["contoso"]
)");
    std::vector<Occurrence> calendar{occurrence_of(event("Fokuszeit"))};
    Diagnostics diagnostics;
    auto classified = busywork::classify(calendar, rules, ownerships(), diagnostics);
    auto steps = busywork::explain(classified, 0, rules, ownerships());
    BOOST_TEST_REQUIRE(steps.size() == 3u);
    BOOST_TEST(steps[1].rule == "only");
    BOOST_TEST(!steps[1].matched);
    BOOST_TEST(steps[1].reason.find("title has none of the 1 keyword") != std::string::npos);
    BOOST_TEST(steps[2].rule == "no rule matched");
    BOOST_TEST(steps[2].matched);
    BOOST_TEST(name(steps[2].category) == name(C::internal_other));
}

BOOST_AUTO_TEST_SUITE_END()
