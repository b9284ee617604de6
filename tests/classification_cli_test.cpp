// SPDX-License-Identifier: MIT
// End-to-end classification with the built binary: `busywork events` on the two sample
// calendars, its options for classification (--rules, --me, --internal-domain, --category,
// --explain, --match, --uid) and `busywork rules`.
//
// The expected categories are the "intended category" columns of samples/README.md. The
// expected rule names were worked out by hand by walking lib/busywork/default_rules.toml in
// order for each occurrence (first match wins), after the built-in exclusions, which are tried
// in the order cancelled, declined, free (TRANSP:TRANSPARENT), all-day, empty.
//
// Every test runs with XDG_CONFIG_HOME pointing at an empty directory, so that a rules file
// of the person running the tests (~/.config/busywork/rules.toml) cannot change the outcome.
#include "test_support.hpp"

#include <atomic>
#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <unistd.h>
#include <utility>
#include <vector>

using namespace busywork::testing;

namespace {

namespace fs = std::filesystem;

const std::string google = source_path("samples/google_rep.ics");
const std::string outlook = source_path("samples/outlook_rep.ics");

/// Every test case: no user rules file unless the test writes one.
struct NoUserRules {
    TempDir config_home;
    ScopedEnv xdg_config_home{"XDG_CONFIG_HOME", config_home.path().string()};
};

/// `events FILE` for 2026-W43 in Europe/Berlin (Mon 19 .. Sun 25 Oct).
std::vector<std::string> week43(const std::string& file, const std::string& format = "csv") {
    return {"events",     file,   "--tz",       "Europe/Berlin", "--from",
            "2026-10-19", "--to", "2026-10-25", "--format",      format};
}

std::vector<std::string> with(std::vector<std::string> arguments,
                              const std::vector<std::string>& more) {
    arguments.insert(arguments.end(), more.begin(), more.end());
    return arguments;
}

struct Expected {
    std::string summary;
    std::string start; ///< RFC 3339, UTC
    std::string category;
    std::string rule;
};

/// Every CSV row is one of `expected` (by summary and start instant), with its category and
/// rule, and every expected occurrence is there.
void check_classified(const std::string& csv, const std::vector<Expected>& expected) {
    auto rows = csv_rows(csv);
    BOOST_TEST(rows.size() == expected.size());
    std::map<std::pair<std::string, long long>, std::pair<std::string, std::string>> got;
    for (auto& r : rows)
        got[{r["summary"], parse_instant(r["start"])}] = {r["category"], r["rule"]};
    BOOST_TEST(got.size() == rows.size()); // (summary, start) names each row once
    for (const auto& e : expected) {
        BOOST_TEST_CONTEXT(e.summary << " at " << e.start) {
            auto it = got.find({e.summary, parse_instant(e.start)});
            bool listed = it != got.end();
            BOOST_TEST(listed);
            if (listed) {
                BOOST_TEST(it->second.first == e.category);
                BOOST_TEST(it->second.second == e.rule);
            }
        }
    }
}

// samples/README.md, golden list of google_rep.ics in W43, with the intended categories. The
// rules, walking default_rules.toml:
//  - Stand-ups, Weekly Sales Sync, Jour fixe: colleagues only, so not customer:attendee; they
//    have participants, so not solo:keyword; no prep/debrief keyword; pre:infer and post:infer
//    find nothing: their distinctive words ("stand", "jour", "fixe", "chef"; "daily",
//    "weekly", "sales", "sync", "vertrieb", "mit" are common) name no customer meeting of the
//    week (Northwind, A. Datum, Contoso), and no customer meeting starts within 30 min after
//    one ends or ends within 30 min before one starts (the Sales Sync ends *after* Northwind
//    starts). So sync:keyword ("stand-up", "sync", "jour fixe") decides.
//  - Fokuszeit: ... has no participant besides the owner and "fokus": solo:keyword.
//  - Northwind, A. Datum, Contoso have attendees of other domains: customer:attendee.
//  - Vorbereitung Contoso: "vorbereitung" (pre:keyword); Debrief Contoso: "debrief"
//    (post:keyword; pre:keyword's "briefing" needs a word start, and it is "brief" anyway).
//  - Exclusions: the cancelled single event and override are "cancelled", Anna declined the
//    Marketing-Strategie ("declined"), and Urlaub is transparent and all-day: "free" is tried
//    before "all-day".
const std::vector<Expected> google_week43{
    {"Daily Stand-up Vertrieb", "2026-10-19T07:00:00Z", "internal-sync", "sync:keyword"},
    {"Fokuszeit: Angebote", "2026-10-19T08:00:00Z", "solo", "solo:keyword"},
    {"Fabrikam: Technische Klärung", "2026-10-19T13:00:00Z", "excluded", "cancelled"},
    {"Daily Stand-up Vertrieb", "2026-10-20T07:00:00Z", "excluded", "cancelled"},
    {"Weekly Sales Sync", "2026-10-20T12:00:00Z", "internal-sync", "sync:keyword"},
    {"Northwind – Rahmenvertrag 2027", "2026-10-20T12:30:00Z", "customer", "customer:attendee"},
    {"Daily Stand-up Vertrieb", "2026-10-21T08:00:00Z", "internal-sync", "sync:keyword"},
    {"Marketing-Strategie 2027", "2026-10-21T11:00:00Z", "excluded", "declined"},
    {"Late call A. Datum (US) – Pricing", "2026-10-21T21:30:00Z", "customer", "customer:attendee"},
    {"Daily Stand-up Vertrieb", "2026-10-22T07:00:00Z", "internal-sync", "sync:keyword"},
    {"Vorbereitung Contoso", "2026-10-22T08:00:00Z", "pre-meeting", "pre:keyword"},
    {"Contoso – Angebotspräsentation", "2026-10-22T09:00:00Z", "customer", "customer:attendee"},
    {"Debrief Contoso", "2026-10-22T11:30:00Z", "post-meeting", "post:keyword"},
    {"Jour fixe mit Chef", "2026-10-22T14:00:00Z", "internal-sync", "sync:keyword"},
    {"Urlaub", "2026-10-22T22:00:00Z", "excluded", "free"},
    {"Fokuszeit: Wochenplanung", "2026-10-25T17:00:00Z", "solo", "solo:keyword"},
};

// samples/README.md, golden list of outlook_rep.ics in W43. Salgskickoff is all-day and
// opaque: "all-day". Morgenmøde (Sofie, Peter; the owner Lars only as organizer) has the sync
// keyword "morgenmøde", and no customer meeting within 30 min or named "morgenmode":
// sync:keyword. Formøde Vestas: the word start "formøde" (pre:keyword). Opsamling Vestas:
// "opsamling" (post:keyword). Tailspin, Vestas, Fabrikam have external people:
// customer:attendee.
const std::vector<Expected> outlook_week43{
    {"Salgskickoff Q4 – Kolding", "2026-10-18T22:00:00Z", "excluded", "all-day"},
    {"Morgenmøde", "2026-10-20T06:45:00Z", "internal-sync", "sync:keyword"},
    {"Tailspin Toys – Nordic rollout review", "2026-10-20T13:00:00Z", "customer",
     "customer:attendee"},
    {"Morgenmøde", "2026-10-21T06:45:00Z", "internal-sync", "sync:keyword"},
    {"Formøde Vestas", "2026-10-21T09:30:00Z", "pre-meeting", "pre:keyword"},
    {"Vestas – præsentation af løsningsforslag", "2026-10-21T11:00:00Z", "customer",
     "customer:attendee"},
    {"Opsamling Vestas", "2026-10-21T13:00:00Z", "post-meeting", "post:keyword"},
    {"Morgenmøde", "2026-10-22T07:30:00Z", "internal-sync", "sync:keyword"},
    {"Morgenmøde", "2026-10-23T06:45:00Z", "internal-sync", "sync:keyword"},
    {"Fabrikam – Demo der Plattform", "2026-10-23T08:00:00Z", "customer", "customer:attendee"},
};

/// Minutes per category of the rows that are not excluded (each row's own length; no overlap
/// handling, which is the report's business).
std::map<std::string, long long> minutes_by_category(const std::string& csv) {
    std::map<std::string, long long> minutes;
    for (auto& r : csv_rows(csv))
        if (r["category"] != "excluded")
            minutes[r["category"]] += (parse_instant(r["end"]) - parse_instant(r["start"])) / 60;
    return minutes;
}

/// Checks that `actual` is `expected` byte for byte, saying where it is not (rules files are
/// long; printing both whole would bury the difference).
void check_same_text(const std::string& actual, const std::string& expected) {
    std::size_t at = 0;
    while (at < actual.size() && at < expected.size() && actual[at] == expected[at])
        ++at;
    bool same = at == actual.size() && at == expected.size();
    BOOST_CHECK_MESSAGE(same, "texts differ at byte " << at << " (lengths " << actual.size()
                                                      << " and " << expected.size() << "): \""
                                                      << actual.substr(at, 60) << "\" vs \""
                                                      << expected.substr(at, 60) << "\"");
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

std::size_t count_of(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1))
        ++n;
    return n;
}

/// One step line of an explanation: "  no    <rule>  <category>  <reason>".
struct Step {
    bool matched = false;
    std::string rule;
    std::string line;
};

std::vector<Step> steps_of(const std::string& explanation) {
    std::vector<Step> steps;
    for (const auto& line : lines_of(explanation)) {
        bool no = line.starts_with("  no    ");
        bool match = line.starts_with("  match ");
        if (!no && !match)
            continue;
        std::string rest = line.substr(8);
        steps.push_back({match, rest.substr(0, rest.find(' ')), line});
    }
    return steps;
}

// A small calendar of anna@acme.de (X-WR-CALNAME) for the rules-file tests:
//  - "Kaffee mit Jonas", Tue 20 Oct 08:00Z, with a colleague;
//  - "Team Sync", Tue 20 Oct 09:00Z, with a colleague;
//  - "Kundentermin Novo", Wed 21 Oct 09:00Z, nobody else.
const std::string coffee_calendar = "BEGIN:VCALENDAR\r\n"
                                    "VERSION:2.0\r\n"
                                    "PRODID:-//busywork tests//EN\r\n"
                                    "X-WR-CALNAME:anna@acme.de\r\n"
                                    "BEGIN:VEVENT\r\n"
                                    "UID:kaffee@test\r\n"
                                    "DTSTAMP:20261001T000000Z\r\n"
                                    "DTSTART:20261020T080000Z\r\n"
                                    "DTEND:20261020T083000Z\r\n"
                                    "SUMMARY:Kaffee mit Jonas\r\n"
                                    "ORGANIZER:mailto:anna@acme.de\r\n"
                                    "ATTENDEE;PARTSTAT=ACCEPTED:mailto:jonas@acme.de\r\n"
                                    "END:VEVENT\r\n"
                                    "BEGIN:VEVENT\r\n"
                                    "UID:sync@test\r\n"
                                    "DTSTAMP:20261001T000000Z\r\n"
                                    "DTSTART:20261020T090000Z\r\n"
                                    "DTEND:20261020T093000Z\r\n"
                                    "SUMMARY:Team Sync\r\n"
                                    "ORGANIZER:mailto:anna@acme.de\r\n"
                                    "ATTENDEE;PARTSTAT=ACCEPTED:mailto:jonas@acme.de\r\n"
                                    "END:VEVENT\r\n"
                                    "BEGIN:VEVENT\r\n"
                                    "UID:novo@test\r\n"
                                    "DTSTAMP:20261001T000000Z\r\n"
                                    "DTSTART:20261021T090000Z\r\n"
                                    "DTEND:20261021T100000Z\r\n"
                                    "SUMMARY:Kundentermin Novo\r\n"
                                    "ORGANIZER:mailto:anna@acme.de\r\n"
                                    "END:VEVENT\r\n"
                                    "END:VCALENDAR\r\n";

const std::string coffee_rules = "[[rule]]\n"
                                 "name = \"coffee\"\n"
                                 "category = \"excluded\"\n"
                                 "title = [\"Kaffee\"]\n";

/// With the coffee rule first, the defaults after it: "Kaffee mit Jonas" is the user's
/// "coffee" (excluded), "Team Sync" is still sync:keyword ("sync" at a word start; no
/// customer meeting to infer from), and "Kundentermin Novo" (nobody else, "kundentermin") is
/// customer:keyword.
void check_coffee_classification(const std::string& csv) {
    check_classified(
        csv, {
                 {"Kaffee mit Jonas", "2026-10-20T08:00:00Z", "excluded", "coffee"},
                 {"Team Sync", "2026-10-20T09:00:00Z", "internal-sync", "sync:keyword"},
                 {"Kundentermin Novo", "2026-10-21T09:00:00Z", "customer", "customer:keyword"},
             });
}

std::vector<std::string> coffee_week(const std::string& calendar_path) {
    return {"events",     calendar_path, "--tz",       "Europe/Berlin", "--from",
            "2026-10-19", "--to",        "2026-10-25", "--format",      "csv"};
}

} // namespace

BOOST_FIXTURE_TEST_SUITE(classification_cli, NoUserRules)

BOOST_AUTO_TEST_CASE(google_week_43_every_occurrence_has_its_intended_category_and_rule) {
    auto run = run_busywork(week43(google));
    BOOST_TEST(run.exit_code == 0);
    check_classified(run.out, google_week43);
}

BOOST_AUTO_TEST_CASE(outlook_week_43_every_occurrence_has_its_intended_category_and_rule) {
    auto run = run_busywork(week43(outlook));
    BOOST_TEST(run.exit_code == 0);
    check_classified(run.out, outlook_week43);
}

BOOST_AUTO_TEST_CASE(google_week_43_minutes_per_category) {
    auto run = run_busywork(week43(google));
    BOOST_TEST(run.exit_code == 0);
    auto minutes = minutes_by_category(run.out);
    // samples/README.md, W43 under the defaults. Summing each row's own length counts the
    // Sales Sync in full: stand-ups 3 x 15 + Sales Sync 60 + Jour fixe 30 = 135. The README's
    // 105 is after overlap handling, which gives the 30 min the Sales Sync shares with the
    // Northwind call (12:30Z-13:00Z) to customer: 135 - 30 = 105.
    BOOST_TEST(minutes["internal-sync"] == 135);
    // Northwind 60 + A. Datum 60 (whole, across local midnight) + Contoso 90.
    BOOST_TEST(minutes["customer"] == 210);
    BOOST_TEST(minutes["pre-meeting"] == 30);  // Vorbereitung Contoso
    BOOST_TEST(minutes["post-meeting"] == 30); // Debrief Contoso
    BOOST_TEST(minutes["solo"] == 150);        // Fokuszeit: Angebote 120 + Wochenplanung 30
    BOOST_TEST(minutes.count("internal-other") == 0u);
}

BOOST_AUTO_TEST_CASE(outlook_week_43_minutes_per_category) {
    auto run = run_busywork(week43(outlook));
    BOOST_TEST(run.exit_code == 0);
    auto minutes = minutes_by_category(run.out);
    // samples/README.md: no overlaps in this week, so the row sums are the README's figures.
    BOOST_TEST(minutes["internal-sync"] == 60); // Morgenmøde 4 x 15
    BOOST_TEST(minutes["customer"] == 210);     // Tailspin 60 + Vestas 90 + Fabrikam 60
    BOOST_TEST(minutes["pre-meeting"] == 30);   // Formøde Vestas
    BOOST_TEST(minutes["post-meeting"] == 30);  // Opsamling Vestas
    BOOST_TEST(minutes.count("solo") == 0u);
    BOOST_TEST(minutes.count("internal-other") == 0u);
}

BOOST_AUTO_TEST_CASE(google_whole_range_every_occurrence_has_its_intended_category) {
    auto run = run_busywork({"events", google, "--tz", "Europe/Berlin", "--from", "2026-10-12",
                             "--to", "2026-11-08", "--format", "csv"});
    BOOST_TEST(run.exit_code == 0);
    // samples/README.md: 46 occurrences in W42..W45. W43 as above; the rest:
    //  - stand-ups 09:00 local: 07:00Z in W42 (CEST), 08:00Z in W44/W45 (CET), last Fri 6 Nov;
    //  - Weekly Sales Sync Tue 14:00 local; the W44 one moved to Wed 28 Oct 10:30 CET and
    //    retitled (still "sync" and "forecast", sync:keyword; its distinctive words are none:
    //    "q4" has a digit, the rest are common);
    //  - Jour fixe Thu 16:00 local;
    //  - Erstgespräch Fabrikam, Fabrikam Produktdemo, Northwind Vertragsverhandlung: external
    //    attendees, customer:attendee;
    //  - Homeoffice: all-day and transparent, "free"; Messe Hannover: all-day, opaque, "all-day"
    //    (all-day spans start at Berlin midnight: 22:00Z in CEST, 23:00Z in CET);
    //  - Prep call Fabrikam: the word "prep" (pre:keyword); Nachbesprechung Fabrikam:
    //    "nachbesprechung" (post:keyword);
    //  - Onboarding CRM Schulung: colleagues only, not recurring, no keyword of any rule, its
    //    words ("onboarding", "crm", "schulung") name no customer, and no customer meeting is
    //    within 30 min: the catch-all internal-other;
    //  - Nachtzug Berlin – København: nobody else and "nachtzug" (solo:keyword).
    std::vector<Expected> expected = google_week43;
    auto add = [&](const std::string& summary, const std::string& start,
                   const std::string& category, const std::string& rule) {
        expected.push_back({summary, start, category, rule});
    };
    for (const char* day : {"12", "13", "14", "15", "16"})
        add("Daily Stand-up Vertrieb", std::string("2026-10-") + day + "T07:00:00Z",
            "internal-sync", "sync:keyword");
    for (const char* day :
         {"10-26", "10-27", "10-28", "10-29", "10-30", "11-02", "11-03", "11-04", "11-05", "11-06"})
        add("Daily Stand-up Vertrieb", std::string("2026-") + day + "T08:00:00Z", "internal-sync",
            "sync:keyword");
    add("Weekly Sales Sync", "2026-10-13T12:00:00Z", "internal-sync", "sync:keyword");
    add("Weekly Sales Sync – Q4-Forecast (verschoben)", "2026-10-28T09:30:00Z", "internal-sync",
        "sync:keyword");
    add("Weekly Sales Sync", "2026-11-03T13:00:00Z", "internal-sync", "sync:keyword");
    add("Jour fixe mit Chef", "2026-10-15T14:00:00Z", "internal-sync", "sync:keyword");
    add("Jour fixe mit Chef", "2026-10-29T15:00:00Z", "internal-sync", "sync:keyword");
    add("Jour fixe mit Chef", "2026-11-05T15:00:00Z", "internal-sync", "sync:keyword");
    add("Erstgespräch Fabrikam", "2026-10-14T08:00:00Z", "customer", "customer:attendee");
    add("Homeoffice", "2026-10-15T22:00:00Z", "excluded", "free");
    add("Prep call Fabrikam", "2026-10-26T12:15:00Z", "pre-meeting", "pre:keyword");
    add("Fabrikam Produktdemo", "2026-10-26T13:00:00Z", "customer", "customer:attendee");
    add("Nachbesprechung Fabrikam", "2026-10-26T14:15:00Z", "post-meeting", "post:keyword");
    add("Onboarding CRM Schulung", "2026-10-28T12:00:00Z", "internal-other", "internal-other");
    add("Nachtzug Berlin – København", "2026-11-01T20:45:00Z", "solo", "solo:keyword");
    add("Northwind Vertragsverhandlung", "2026-11-02T09:00:00Z", "customer", "customer:attendee");
    add("Messe Hannover", "2026-11-03T23:00:00Z", "excluded", "all-day");
    BOOST_TEST(expected.size() == 46u);
    check_classified(run.out, expected);
}

BOOST_AUTO_TEST_CASE(category_options_keep_only_those_categories) {
    auto run =
        run_busywork(with(week43(google), {"--category", "customer", "--category", "pre-meeting"}));
    BOOST_TEST(run.exit_code == 0);
    // Of the W43 table: the three customer meetings and Vorbereitung Contoso.
    check_classified(
        run.out, {
                     {"Northwind – Rahmenvertrag 2027", "2026-10-20T12:30:00Z", "customer",
                      "customer:attendee"},
                     {"Late call A. Datum (US) – Pricing", "2026-10-21T21:30:00Z", "customer",
                      "customer:attendee"},
                     {"Vorbereitung Contoso", "2026-10-22T08:00:00Z", "pre-meeting", "pre:keyword"},
                     {"Contoso – Angebotspräsentation", "2026-10-22T09:00:00Z", "customer",
                      "customer:attendee"},
                 });
}

BOOST_AUTO_TEST_CASE(tied_to_is_empty_unless_an_inference_rule_decided) {
    // In both samples' W43 every pre- and post-meeting has a keyword, and no other rule ties
    // anything: the tied_to column is empty on every row.
    for (const auto& file : {google, outlook}) {
        auto run = run_busywork(week43(file));
        BOOST_TEST(run.exit_code == 0);
        auto rows = csv_rows(run.out);
        BOOST_TEST(!rows.empty());
        for (auto& r : rows) {
            BOOST_TEST_CONTEXT(r["summary"] << " (" << r["rule"] << ")") {
                BOOST_TEST(r.count("tied_to") == 1u);
                BOOST_TEST(r["tied_to"] == "");
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(tied_to_names_the_customer_meeting_for_an_inferred_pre_meeting) {
    // anna@acme.de's calendar: "Contoso numbers" with a colleague Thu 22 Oct 07:00Z-08:00Z,
    // then "Quarterly business review" with x@contoso.com at 09:00Z. The title has no pre
    // keyword; it names "contoso", the label of the customer's domain, and ends 1 h before it:
    // pre:infer, tied to "contoso" at the customer meeting's start, 09:00Z = 11:00 CEST.
    TempDir dir;
    std::string path = dir.write(
        "infer.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//busywork tests//EN\r\n"
                     "X-WR-CALNAME:anna@acme.de\r\n"
                     "BEGIN:VEVENT\r\nUID:numbers@test\r\nDTSTAMP:20261001T000000Z\r\n"
                     "DTSTART:20261022T070000Z\r\nDTEND:20261022T080000Z\r\n"
                     "SUMMARY:Contoso numbers\r\nORGANIZER:mailto:anna@acme.de\r\n"
                     "ATTENDEE;PARTSTAT=ACCEPTED:mailto:jonas@acme.de\r\nEND:VEVENT\r\n"
                     "BEGIN:VEVENT\r\nUID:qbr@test\r\nDTSTAMP:20261001T000000Z\r\n"
                     "DTSTART:20261022T090000Z\r\nDTEND:20261022T100000Z\r\n"
                     "SUMMARY:Quarterly business review\r\nORGANIZER:mailto:anna@acme.de\r\n"
                     "ATTENDEE;PARTSTAT=ACCEPTED:mailto:x@contoso.com\r\nEND:VEVENT\r\n"
                     "END:VCALENDAR\r\n");
    auto csv = run_busywork(week43(path));
    BOOST_TEST(csv.exit_code == 0);
    std::map<std::string, std::map<std::string, std::string>> by_summary;
    for (auto& r : csv_rows(csv.out))
        by_summary[r["summary"]] = r;
    BOOST_REQUIRE(by_summary.size() == 2u);
    BOOST_TEST(by_summary["Contoso numbers"]["category"] == "pre-meeting");
    BOOST_TEST(by_summary["Contoso numbers"]["rule"] == "pre:infer");
    BOOST_TEST(by_summary["Contoso numbers"]["tied_to"] == "contoso 2026-10-22T11:00");
    BOOST_TEST(by_summary["Quarterly business review"]["category"] == "customer");
    BOOST_TEST(by_summary["Quarterly business review"]["tied_to"] == "");

    auto json = run_busywork(week43(path, "json"));
    BOOST_TEST(json.exit_code == 0);
    auto document = nlohmann::json::parse(json.out);
    bool seen = false;
    for (const auto& e : document["events"]) {
        if (e["summary"] != "Contoso numbers")
            continue;
        seen = true;
        BOOST_TEST(e["tied_to"]["name"] == "contoso");
        BOOST_TEST(e["tied_to"]["start"] == "2026-10-22T11:00:00+02:00");
        BOOST_TEST(e["tied_to"]["uid"] == "qbr@test");
        BOOST_TEST(e["tied_to"]["summary"] == "Quarterly business review");
    }
    BOOST_TEST(seen);
}

BOOST_AUTO_TEST_CASE(a_pre_meeting_is_recognised_when_its_customer_meeting_is_next_week) {
    // "Contoso numbers" on Fri 23 Oct 14:00Z (W43) prepares "Quarterly business review" with
    // x@contoso.com on Mon 26 Oct 09:00Z (W44), 2 d 19 h later: inside pre_window = 3d. Listing
    // W43 alone must still see the W44 meeting, which itself is not listed. Mon 26 Oct is
    // after the switch to CET, so 09:00Z is 10:00 local.
    TempDir dir;
    std::string path = dir.write(
        "next_week.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//busywork tests//EN\r\n"
                         "X-WR-CALNAME:anna@acme.de\r\n"
                         "BEGIN:VEVENT\r\nUID:numbers@test\r\nDTSTAMP:20261001T000000Z\r\n"
                         "DTSTART:20261023T140000Z\r\nDTEND:20261023T150000Z\r\n"
                         "SUMMARY:Contoso numbers\r\nORGANIZER:mailto:anna@acme.de\r\n"
                         "ATTENDEE;PARTSTAT=ACCEPTED:mailto:jonas@acme.de\r\nEND:VEVENT\r\n"
                         "BEGIN:VEVENT\r\nUID:qbr@test\r\nDTSTAMP:20261001T000000Z\r\n"
                         "DTSTART:20261026T090000Z\r\nDTEND:20261026T100000Z\r\n"
                         "SUMMARY:Quarterly business review\r\nORGANIZER:mailto:anna@acme.de\r\n"
                         "ATTENDEE;PARTSTAT=ACCEPTED:mailto:x@contoso.com\r\nEND:VEVENT\r\n"
                         "END:VCALENDAR\r\n");
    auto csv = run_busywork(week43(path));
    BOOST_TEST(csv.exit_code == 0);
    auto rows = csv_rows(csv.out);
    BOOST_REQUIRE(rows.size() == 1u);
    BOOST_TEST(rows[0]["summary"] == "Contoso numbers");
    BOOST_TEST(rows[0]["rule"] == "pre:infer");
    BOOST_TEST(rows[0]["tied_to"] == "contoso 2026-10-26T10:00");
    // The same with the default window, the last complete week before Wed 28 Oct.
    auto pinned = run_busywork(
        {"events", path, "--tz", "Europe/Berlin", "--now", "2026-10-28T12:00", "--format", "csv"});
    BOOST_TEST(pinned.exit_code == 0);
    auto pinned_rows = csv_rows(pinned.out);
    BOOST_REQUIRE(pinned_rows.size() == 1u);
    BOOST_TEST(pinned_rows[0]["rule"] == "pre:infer");
}

BOOST_AUTO_TEST_CASE(explain_match_lists_the_rules_tried_before_the_deciding_one) {
    auto run = run_busywork({"events", google, "--tz", "Europe/Berlin", "--from", "2026-10-19",
                             "--to", "2026-10-25", "--explain", "--match", "Vorbereitung"});
    BOOST_TEST(run.exit_code == 0);
    // Only "Vorbereitung Contoso" has "vorbereitung" in W43. Its participants are Jonas (the
    // room is a RESOURCE): not cancelled etc.; rule 1 needs an external participant; rule 2 at
    // most 0 participants; rule 3 finds "vorbereitung" and decides.
    BOOST_TEST(count_of(run.out, "  => ") == 1u);
    BOOST_TEST(contains(lines_of(run.out).at(0), "Vorbereitung Contoso  Thu 2026-10-22 10:00"));
    auto steps = steps_of(run.out);
    BOOST_REQUIRE(steps.size() == 4u);
    BOOST_TEST(steps[0].rule == "exclusions");
    BOOST_TEST(!steps[0].matched);
    BOOST_TEST(contains(steps[0].line, "not cancelled, declined, free, all-day or empty"));
    BOOST_TEST(steps[1].rule == "customer:attendee");
    BOOST_TEST(!steps[1].matched);
    BOOST_TEST(contains(steps[1].line, "no external participant"));
    BOOST_TEST(steps[2].rule == "solo:keyword");
    BOOST_TEST(!steps[2].matched);
    BOOST_TEST(contains(steps[2].line, "1 participant, at most 0 wanted"));
    BOOST_TEST(steps[3].rule == "pre:keyword");
    BOOST_TEST(steps[3].matched);
    BOOST_TEST(contains(steps[3].line, "title has \"vorbereitung\""));
    BOOST_TEST(contains(run.out, "participants: jonas.fischer@acme-sales.de (1 internal, 0 "
                                 "external)"));
    // The block ends with the decision.
    auto lines = lines_of(run.out);
    while (!lines.empty() && lines.back().empty())
        lines.pop_back();
    BOOST_REQUIRE(!lines.empty());
    BOOST_TEST(lines.back() == "  => pre-meeting by pre:keyword");
}

BOOST_AUTO_TEST_CASE(explain_uid_explains_every_occurrence_of_that_series) {
    // The stand-up series in W43: Mon 19, Tue 20 (cancelled override), Wed 21 (moved), Thu 22;
    // Fri 23 is EXDATEd. Three are sync:keyword, after both inference rules found nothing;
    // the cancelled one stops at the built-in exclusion.
    auto run =
        run_busywork({"events", google, "--tz", "Europe/Berlin", "--from", "2026-10-19", "--to",
                      "2026-10-25", "--explain", "--uid", "1v8k3q2m9r7t5c0d4e6f8g1h2j@google.com"});
    BOOST_TEST(run.exit_code == 0);
    BOOST_TEST(count_of(run.out, "UID 1v8k3q2m9r7t5c0d4e6f8g1h2j@google.com") == 4u);
    BOOST_TEST(count_of(run.out, "  => ") == 4u);
    BOOST_TEST(count_of(run.out, "  => internal-sync by sync:keyword\n") == 3u);
    BOOST_TEST(count_of(run.out, "  => excluded by cancelled\n") == 1u);
    BOOST_TEST(count_of(run.out, "built-in exclusion") == 1u);
    std::size_t pre = 0, post = 0;
    for (const auto& step : steps_of(run.out)) {
        if (step.rule == "pre:infer") {
            ++pre;
            BOOST_TEST(!step.matched);
            BOOST_TEST(contains(step.line, "no customer meeting follows"));
        }
        if (step.rule == "post:infer") {
            ++post;
            BOOST_TEST(!step.matched);
            BOOST_TEST(contains(step.line, "no customer meeting precedes"));
        }
    }
    BOOST_TEST(pre == 3u);
    BOOST_TEST(post == 3u);
}

BOOST_AUTO_TEST_CASE(match_or_uid_without_explain_is_a_usage_error) {
    auto match = run_busywork(with(week43(google), {"--match", "Vorbereitung"}));
    BOOST_TEST(match.exit_code == 2);
    BOOST_TEST(match.out == "");
    auto uid = run_busywork(with(week43(google), {"--uid", "x@y"}));
    BOOST_TEST(uid.exit_code == 2);
}

BOOST_AUTO_TEST_CASE(unknown_category_is_a_usage_error) {
    auto run = run_busywork(with(week43(google), {"--category", "meetings"}));
    BOOST_TEST(run.exit_code == 2);
    BOOST_TEST(contains(run.err, "unknown category \"meetings\""));
    BOOST_TEST(run.out == "");
}

BOOST_AUTO_TEST_CASE(text_output_starts_with_what_was_inferred) {
    auto run = run_busywork(
        {"events", google, "--tz", "Europe/Berlin", "--from", "2026-10-19", "--to", "2026-10-25"});
    BOOST_TEST(run.exit_code == 0);
    // Google writes the owner's address as X-WR-CALNAME; the internal domain is the owner's.
    auto first = lines_of(run.out).at(0);
    BOOST_TEST(first.starts_with(google + ": owner anna.schmidt@acme-sales.de (inferred from "
                                          "X-WR-CALNAME, in "));
    BOOST_TEST(first.ends_with("; internal domain acme-sales.de (inferred: the owner's domain)"));
}

BOOST_AUTO_TEST_CASE(me_overrides_the_owner) {
    auto text = run_busywork({"events", google, "--tz", "Europe/Berlin", "--from", "2026-10-19",
                              "--to", "2026-10-25", "--me", "someone@else.com"});
    BOOST_TEST(text.exit_code == 0);
    // Given, not inferred; the internal domain follows the given owner.
    BOOST_TEST(lines_of(text.out).at(0) ==
               google + ": owner someone@else.com (from --me); internal domain else.com "
                        "(inferred: the owner's domain)");
    // Now everybody at acme-sales.de is external: the Weekly Sales Sync is with "customers".
    auto csv = run_busywork(with(week43(google), {"--me", "someone@else.com"}));
    BOOST_TEST(csv.exit_code == 0);
    bool seen = false;
    for (auto& r : csv_rows(csv.out))
        if (r["summary"] == "Weekly Sales Sync") {
            seen = true;
            BOOST_TEST(r["category"] == "customer");
            BOOST_TEST(r["rule"] == "customer:attendee");
        }
    BOOST_TEST(seen);
}

BOOST_AUTO_TEST_CASE(internal_domain_makes_the_contoso_meeting_internal) {
    // The Contoso meeting has Jonas (acme-sales.de) and two people at contoso.com. With both
    // domains internal nobody is external; its title has no keyword of any rule; "contoso" is
    // now the owner's own name and "angebotsprasentation" names no customer meeting; Northwind
    // and A. Datum are far more than 30 min away: internal-other. The other Contoso meetings
    // keep their keyword rules.
    auto run = run_busywork(with(week43(google), {"--internal-domain", "contoso.com",
                                                  "--internal-domain", "acme-sales.de"}));
    BOOST_TEST(run.exit_code == 0);
    BOOST_TEST(contains(run.err, "internal domains acme-sales.de, contoso.com (from "
                                 "--internal-domain)"));
    std::map<std::string, std::pair<std::string, std::string>> by_summary;
    for (auto& r : csv_rows(run.out))
        by_summary[r["summary"]] = {r["category"], r["rule"]};
    BOOST_TEST(by_summary["Contoso – Angebotspräsentation"].first == "internal-other");
    BOOST_TEST(by_summary["Contoso – Angebotspräsentation"].second == "internal-other");
    BOOST_TEST(by_summary["Vorbereitung Contoso"].second == "pre:keyword");
    BOOST_TEST(by_summary["Debrief Contoso"].second == "post:keyword");
    BOOST_TEST(by_summary["Northwind – Rahmenvertrag 2027"].first == "customer");
}

BOOST_AUTO_TEST_CASE(csv_keeps_stdout_pure_and_says_what_was_inferred_on_stderr) {
    auto run = run_busywork(week43(google));
    BOOST_TEST(run.exit_code == 0);
    BOOST_TEST(contains(run.err, "busywork: " + google +
                                     ": owner anna.schmidt@acme-sales.de (inferred from "
                                     "X-WR-CALNAME"));
    BOOST_TEST(!contains(run.out, "inferred"));
    auto records = parse_csv(run.out);
    BOOST_REQUIRE(records.size() == 17u); // the header and the 16 occurrences
    BOOST_TEST(records[0].at(0) == "uid");
    for (const auto& record : records)
        BOOST_TEST(record.size() == records[0].size());
}

BOOST_AUTO_TEST_CASE(json_says_what_was_inferred) {
    auto run = run_busywork(week43(google, "json"));
    BOOST_TEST(run.exit_code == 0);
    auto document = nlohmann::json::parse(run.out);
    BOOST_REQUIRE(document.contains("inferred"));
    BOOST_REQUIRE(document["inferred"].is_array());
    BOOST_REQUIRE(document["inferred"].size() == 1u);
    BOOST_TEST(contains(document["inferred"][0].get<std::string>(),
                        "owner anna.schmidt@acme-sales.de (inferred from X-WR-CALNAME"));
    BOOST_TEST(document["events"].size() == 16u);
}

BOOST_AUTO_TEST_CASE(rules_prints_the_default_rules_file) {
    // No user rules file (XDG_CONFIG_HOME is empty): the embedded defaults, byte for byte.
    auto run = run_busywork({"rules"});
    BOOST_TEST(run.exit_code == 0);
    check_same_text(run.out, read_file(source_path("lib/busywork/default_rules.toml")));
    auto explicit_default = run_busywork({"rules", "--default"});
    check_same_text(explicit_default.out, run.out);
}

BOOST_AUTO_TEST_CASE(rules_check_accepts_a_good_file_and_rejects_a_bad_one) {
    TempDir dir;
    std::string good = dir.write("good.toml", coffee_rules);
    auto ok = run_busywork({"rules", "--check", good});
    BOOST_TEST(ok.exit_code == 0);
    // Line 3, "colour", is no setting; the key starts in column 1.
    std::string bad = dir.write("bad.toml", "# my rules\n"
                                            "[settings]\n"
                                            "colour = \"blue\"\n");
    auto failed = run_busywork({"rules", "--check", bad});
    BOOST_TEST(failed.exit_code == 1);
    BOOST_TEST(contains(failed.err, bad + ":3:1: "));
    BOOST_TEST(contains(failed.err, "colour"));
}

BOOST_AUTO_TEST_CASE(events_with_a_bad_rules_file_is_a_usage_error) {
    TempDir dir;
    std::string bad = dir.write("bad.toml", "# my rules\n"
                                            "[settings]\n"
                                            "colour = \"blue\"\n");
    auto run = run_busywork(with(week43(google), {"--rules", bad}));
    BOOST_TEST(run.exit_code == 2);
    BOOST_TEST(contains(run.err, bad + ":3:1: "));
    BOOST_TEST(run.out == "");
}

BOOST_AUTO_TEST_CASE(a_user_rule_comes_first_and_the_defaults_still_apply) {
    TempDir dir;
    std::string calendar = dir.write("coffee.ics", coffee_calendar);
    std::string rules = dir.write("user.toml", coffee_rules);
    auto run = run_busywork(with(coffee_week(calendar), {"--rules", rules}));
    BOOST_TEST(run.exit_code == 0);
    check_coffee_classification(run.out);
    // Without it, the coffee is just a meeting with a colleague: no keyword of any default
    // rule ("kaffee", "jonas" name no customer, "mit" is common), so internal-other.
    auto plain = run_busywork(coffee_week(calendar));
    BOOST_TEST(plain.exit_code == 0);
    bool seen = false;
    for (auto& r : csv_rows(plain.out))
        if (r["summary"] == "Kaffee mit Jonas") {
            seen = true;
            BOOST_TEST(r["category"] == "internal-other");
            BOOST_TEST(r["rule"] == "internal-other");
        }
    BOOST_TEST(seen);
}

BOOST_AUTO_TEST_CASE(a_rules_file_under_xdg_config_home_is_picked_up) {
    TempDir dir;
    std::string calendar = dir.write("coffee.ics", coffee_calendar);
    // The fixture's XDG_CONFIG_HOME gets a busywork/rules.toml; no --rules is given.
    config_home.write("busywork/rules.toml", coffee_rules);
    auto run = run_busywork(coffee_week(calendar));
    BOOST_TEST(run.exit_code == 0);
    check_coffee_classification(run.out);
    // `busywork rules` now prints the rules in effect, the coffee rule first.
    auto printed = run_busywork({"rules"});
    BOOST_TEST(printed.exit_code == 0);
    BOOST_TEST(contains(printed.out, "name = \"coffee\""));
    BOOST_TEST(printed.out.find("name = \"coffee\"") <
               printed.out.find("name = \"customer:attendee\""));
    // And --default still prints the built-in file.
    auto defaults = run_busywork({"rules", "--default"});
    check_same_text(defaults.out, read_file(source_path("lib/busywork/default_rules.toml")));
}

BOOST_AUTO_TEST_CASE(printed_rules_are_complete_and_classify_like_the_user_file) {
    // A user file that changes the samples' outcome: the coffee rule also takes "Jour fixe"
    // (so the four Jour fixe occurrences become excluded by "coffee"), and a setting.
    TempDir dir;
    std::string user = dir.write("user.toml", "[settings]\n"
                                              "post_window = \"2d\"\n"
                                              "\n"
                                              "[[rule]]\n"
                                              "name = \"coffee\"\n"
                                              "category = \"excluded\"\n"
                                              "title = [\"Kaffee\", \"Jour fixe\"]\n");
    auto printed = run_busywork({"rules", "--rules", user});
    BOOST_TEST(printed.exit_code == 0);
    // Complete: it stands on its own, so it does not append the defaults again.
    BOOST_TEST(contains(printed.out, "append_default_rules = false"));
    BOOST_TEST(contains(printed.out, "name = \"internal-other\""));
    std::string complete = dir.write("complete.toml", printed.out);
    auto check = run_busywork({"rules", "--check", complete});
    BOOST_TEST(check.exit_code == 0);

    std::vector<std::string> range{"events",     google, "--tz",       "Europe/Berlin", "--from",
                                   "2026-10-12", "--to", "2026-11-08", "--format",      "csv"};
    auto by_user = run_busywork(with(range, {"--rules", user}));
    auto by_complete = run_busywork(with(range, {"--rules", complete}));
    BOOST_TEST(by_user.exit_code == 0);
    BOOST_TEST(by_complete.exit_code == 0);
    check_same_text(by_user.out, by_complete.out);
    std::size_t coffee = 0;
    for (auto& r : csv_rows(by_user.out))
        if (r["rule"] == "coffee") {
            ++coffee;
            BOOST_TEST(r["summary"] == "Jour fixe mit Chef");
        }
    BOOST_TEST(coffee == 4u); // Thu 15, 22, 29 Oct and 5 Nov
}

// A report reads descriptions only when a rule looks at them (ReadOptions::descriptions);
// one that does must still see them. One meeting of an hour on Tue 20 Oct 2026, 09:00-10:00
// UTC, with nobody but its organizer: under the default rules it is solo (60 min). A rule
// on its description makes it excluded: 0 solo minutes, one excluded event, nothing counted.
BOOST_AUTO_TEST_CASE(a_report_reads_descriptions_when_a_rule_needs_them) {
    TempDir dir;
    std::string calendar = dir.write("fair.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
                                                 "BEGIN:VEVENT\r\nUID:fair\r\n"
                                                 "DTSTART:20261020T090000Z\r\n"
                                                 "DTEND:20261020T100000Z\r\n"
                                                 "SUMMARY:Termin\r\n"
                                                 "DESCRIPTION:Stand auf der Messe\r\n"
                                                 "ORGANIZER:mailto:anna@acme.de\r\n"
                                                 "END:VEVENT\r\nEND:VCALENDAR\r\n");
    std::string rules = dir.write("fair.toml", "[[rule]]\n"
                                               "name = \"trade-fair\"\n"
                                               "category = \"excluded\"\n"
                                               "description = [\"messe\"]\n");
    std::vector<std::string> report{"report", calendar,   "--tz",     "Europe/Berlin",
                                    "--week", "2026-W43", "--format", "csv"};
    for (bool strict : {false, true}) {
        BOOST_TEST_CONTEXT("strict " << strict) {
            auto extra = strict ? std::vector<std::string>{"--strict"} : std::vector<std::string>{};
            auto defaults = run_busywork(with(report, extra));
            auto ruled = run_busywork(with(with(report, extra), {"--rules", rules}));
            BOOST_TEST(defaults.exit_code == 0);
            BOOST_TEST(ruled.exit_code == 0);
            auto by_default = csv_rows(defaults.out);
            auto by_rule = csv_rows(ruled.out);
            BOOST_REQUIRE_EQUAL(by_default.size(), 1u);
            BOOST_REQUIRE_EQUAL(by_rule.size(), 1u);
            BOOST_TEST(by_default[0]["solo_min"] == "60");
            BOOST_TEST(by_default[0]["excluded_count"] == "0");
            BOOST_TEST(by_rule[0]["solo_min"] == "0");
            BOOST_TEST(by_rule[0]["counted_min"] == "0");
            BOOST_TEST(by_rule[0]["excluded_count"] == "1");
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
