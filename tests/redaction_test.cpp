// SPDX-License-Identifier: MIT
// --redact (lib/busywork/redaction.cpp): the pseudonyms themselves, the Redactor on a small
// model, and end to end every format of `events` and `report` on the two sample calendars.
//
// The expected hashes were computed independently of busywork, with Python's standard
// library: hmac.new(salt, text, hashlib.sha256).hexdigest()[:8], e.g.
//   salt b"",           "Prep Contoso"               -> 5373ab8d
//   salt b"coach-2026", "Prep Contoso"               -> 47e4f4ec
//   salt b"",           "anna.schmidt@acme-sales.de" -> b02f8ebf
//   salt b"",           "Weekly Sales Sync"          -> 23cffcd5
#include "test_support.hpp"

#include <boost/test/unit_test.hpp>
#include <busywork/classification.hpp>
#include <busywork/diagnostics.hpp>
#include <busywork/ics_reader.hpp>
#include <busywork/redaction.hpp>
#include <functional>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>
#include <vector>

using namespace busywork;
using namespace busywork::testing;

namespace {

Attendee person(std::string address, std::string name = "", std::string cutype = "INDIVIDUAL") {
    return Attendee{std::move(address), std::move(name), "ACCEPTED", "REQ-PARTICIPANT",
                    std::move(cutype)};
}

ClassifiedOccurrence occurrence(std::string file, std::string uid, std::string summary,
                                Category category) {
    ClassifiedOccurrence c;
    c.occurrence.source_file = std::move(file);
    c.occurrence.source_line = 12;
    c.occurrence.uid = std::move(uid);
    c.occurrence.summary = std::move(summary);
    c.classification.category = category;
    c.classification.rule = "a-rule";
    return c;
}

} // namespace

BOOST_AUTO_TEST_SUITE(redaction)

BOOST_AUTO_TEST_CASE(a_title_becomes_its_categorys_short_name_and_a_hash_of_the_title) {
    Pseudonyms p;
    BOOST_TEST(p.title("Prep Contoso", Category::pre_meeting) == "pre-5373ab8d");
    BOOST_TEST(p.title("Prep Contoso", Category::excluded) == "excluded-5373ab8d");
    BOOST_TEST(p.title("Weekly Sales Sync", Category::internal_sync) == "sync-23cffcd5");
    BOOST_TEST(p.title("", Category::customer) == "");
    BOOST_TEST(p.description("") == "");
    BOOST_TEST(p.location("Friedrichstraße 100").rfind("location-", 0) == 0);
    BOOST_TEST(p.uid("abc@google.com").size() == std::string("uid-").size() + 16);
}

BOOST_AUTO_TEST_CASE(a_salt_changes_every_pseudonym_and_keeps_them_stable) {
    Pseudonyms salted("coach-2026");
    BOOST_TEST(salted.title("Prep Contoso", Category::pre_meeting) == "pre-47e4f4ec");
    BOOST_TEST(Pseudonyms("coach-2026").hash("Prep Contoso") == salted.hash("Prep Contoso"));
}

BOOST_AUTO_TEST_CASE(an_address_keeps_its_domain_and_is_hashed_lower_cased) {
    Pseudonyms p;
    BOOST_TEST(p.address("Anna.Schmidt@acme-sales.de") == "person-b02f8ebf@acme-sales.de");
    BOOST_TEST(p.address("anna.schmidt@acme-sales.de", "room") == "room-b02f8ebf@acme-sales.de");
    BOOST_TEST(p.address("").empty());
    BOOST_TEST(p.address("no address").rfind("person-", 0) == 0);
    BOOST_TEST(p.address("no address").find('@') == std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_redactor_replaces_text_addresses_names_and_paths) {
    ClassifiedEvents events;
    auto meeting = occurrence("/home/anna/exports/anna.schmidt@acme-sales.de.ics", "x1@google.com",
                              "Prep Contoso", Category::pre_meeting);
    meeting.occurrence.description = "Agenda for Contoso";
    meeting.occurrence.location = "Büro Markus";
    meeting.occurrence.organizer = person("anna.schmidt@acme-sales.de", "Anna Schmidt");
    meeting.occurrence.attendees = {
        person("markus.becker@acme-sales.de", "Markus Becker"),
        person("raum-spree@resource.calendar.google.com", "Raum Spree", "RESOURCE")};
    meeting.classification.tie = Tie{"contoso", {}, "Demo Contoso", "x2@google.com"};
    auto customer = occurrence("/home/anna/exports/anna.schmidt@acme-sales.de.ics", "x2@google.com",
                               "Demo Contoso", Category::customer);
    customer.occurrence.attendees = {person("jane@sales.contoso.com", "Jane Doe")};
    events.all = {meeting, customer};
    Ownership owner;
    owner.owner_addresses = {"anna.schmidt@acme-sales.de"};
    owner.owner_evidence = "X-WR-CALNAME";
    owner.owner_inferred = true;
    owner.owner_events = 2;
    owner.events = 2;
    owner.internal_domains = {"acme-sales.de"};
    owner.domain_evidence = "the owner's domain";
    owner.domains_inferred = true;
    events.ownerships.emplace("/home/anna/exports/anna.schmidt@acme-sales.de.ics", owner);

    Redactor redactor(events, "");
    redactor.redact(events);
    const Occurrence& o = events.all[0].occurrence;
    BOOST_TEST(o.summary == "pre-5373ab8d");
    BOOST_TEST(o.description->rfind("description-", 0) == 0);
    BOOST_TEST(o.location->rfind("location-", 0) == 0);
    BOOST_TEST(o.uid->rfind("uid-", 0) == 0);
    // The folders go; the file name, Google's owner address, is pseudonymised too.
    BOOST_TEST(o.source_file == "person-b02f8ebf@acme-sales.de.ics");
    BOOST_TEST(o.organizer->address == "person-b02f8ebf@acme-sales.de");
    BOOST_TEST(o.organizer->common_name == "person-b02f8ebf");
    BOOST_TEST(o.attendees[1].address->rfind("resource-", 0) == 0);
    BOOST_TEST(o.attendees[1].address->find("@resource.calendar.google.com") != std::string::npos);
    // contoso is the label of contoso.com, which the output shows anyway.
    BOOST_TEST(events.all[0].classification.tie->name == "contoso");
    BOOST_TEST(events.all[0].classification.tie->summary == events.all[1].occurrence.summary);
    BOOST_TEST(events.all[0].classification.tie->uid == events.all[1].occurrence.uid);
    BOOST_TEST(events.all[1].occurrence.attendees[0].address->find("@sales.contoso.com") !=
               std::string::npos);
    BOOST_REQUIRE(events.ownerships.size() == 1);
    const auto& [file, ownership] = *events.ownerships.begin();
    BOOST_TEST(file == "person-b02f8ebf@acme-sales.de.ics");
    BOOST_TEST(ownership.describe() ==
               "owner person-b02f8ebf@acme-sales.de (inferred from X-WR-CALNAME, in 2 of 2 "
               "events); internal domain acme-sales.de (inferred: the owner's domain)");
}

BOOST_AUTO_TEST_CASE(an_owner_from_a_config_file_does_not_name_its_folder) {
    ClassifiedEvents events;
    Ownership owner;
    owner.owner_addresses = {"anna@acme.de"};
    owner.owner_evidence = "/home/anna/.config/busywork/config.toml:3";
    owner.domain_evidence = "BUSYWORK_ME";
    Redactor(events, "").redact(owner);
    BOOST_TEST(owner.owner_evidence == "the config file");
    BOOST_TEST(owner.domain_evidence == "BUSYWORK_ME");
}

BOOST_AUTO_TEST_CASE(a_word_of_a_title_that_tied_two_meetings_is_hashed_when_no_domain_shows_it) {
    ClassifiedEvents events;
    auto prep = occurrence("a.ics", "p", "Vorbereitung Müller", Category::pre_meeting);
    prep.classification.tie = Tie{"muller", {}, "Kundentermin Müller", "k"};
    events.all = {prep, occurrence("a.ics", "k", "Kundentermin Müller", Category::customer)};
    Redactor(events, "").redact(events);
    BOOST_TEST(events.all[0].classification.tie->name == Pseudonyms().word("muller"));
    BOOST_TEST(events.all[0].classification.tie->name.rfind("word-", 0) == 0);
}

BOOST_AUTO_TEST_CASE(two_inputs_with_the_same_file_name_stay_apart) {
    ClassifiedEvents events;
    events.all = {occurrence("team/anna/calendar.ics", "a", "x", Category::solo),
                  occurrence("team/bob/calendar.ics", "b", "y", Category::solo),
                  occurrence("<stdin>", "c", "z", Category::solo)};
    Redactor redactor(events, "");
    std::string anna = redactor.path("team/anna/calendar.ics");
    std::string bob = redactor.path("team/bob/calendar.ics");
    BOOST_TEST(anna != bob);
    BOOST_TEST(anna.find("/calendar.ics") != std::string::npos);
    BOOST_TEST(anna.find("anna") == std::string::npos);
    BOOST_TEST(redactor.path("<stdin>") == "<stdin>");
}

BOOST_AUTO_TEST_CASE(an_explanation_quoting_a_tied_customer_meeting_quotes_its_pseudonym) {
    ClassifiedEvents events;
    auto prep = occurrence("a.ics", "p", "Prep Contoso", Category::pre_meeting);
    events.all = {prep, occurrence("a.ics", "k", "Demo Contoso", Category::customer)};
    events.all[1].occurrence.attendees = {person("jane@contoso.com")};
    Tie tie{"contoso", {}, "Demo Contoso", "k"};
    OccurrenceExplanation e{prep, std::nullopt, Participants{}, {}};
    e.participants->addresses = {"markus.becker@acme-sales.de"};
    e.steps.push_back({"pre:infer", Category::pre_meeting, true,
                       "all 1 participant internal; before " + describe_tied_meeting(tie), tie});
    std::vector<OccurrenceExplanation> explanations{e};
    Redactor(events, "").redact(explanations);
    const ExplanationStep& step = explanations[0].steps[0];
    BOOST_TEST(step.reason == "all 1 participant internal; before customer meeting \"" +
                                  Pseudonyms().title("Demo Contoso", Category::customer) +
                                  "\" (names \"contoso\")");
    BOOST_TEST(explanations[0].participants->addresses[0] ==
               Pseudonyms().address("markus.becker@acme-sales.de"));
    BOOST_TEST(explanations[0].subject.occurrence.summary == "pre-5373ab8d");
}

BOOST_AUTO_TEST_SUITE_END()

// ---- end to end ------------------------------------------------------------------------------

namespace {

const std::string google = source_path("samples/google_rep.ics");
const std::string outlook = source_path("samples/outlook_rep.ics");

// Every run: no user rules or config file, and none of the caller's salt.
struct Isolated {
    TempDir config_home;
    ScopedEnv xdg{"XDG_CONFIG_HOME", config_home.path().string()};
    ScopedEnv unset_salt{"BUSYWORK_REDACT_SALT", std::nullopt};
    ScopedEnv unset_config{"BUSYWORK_CONFIG", std::nullopt};
    ScopedEnv no_color{"NO_COLOR", std::nullopt};
};

// What the samples hold that names someone: every title, description, location, UID,
// address, common name, calendar name, and the folder they are in.
std::set<std::string> private_strings(const std::vector<std::string>& files) {
    Diagnostics ignored;
    std::set<std::string> found{source_path("samples")};
    auto add = [&](const std::string& s) {
        if (s.size() >= 4)
            found.insert(s);
    };
    for (const auto& calendar : read_inputs(files, ignored)) {
        if (calendar.calendar_name.find('@') != std::string::npos)
            add(calendar.calendar_name);
        for (const auto& e : calendar.events) {
            add(e.summary);
            add(e.description);
            add(e.location);
            add(e.uid);
            std::vector<Attendee> people = e.attendees;
            if (e.organizer)
                people.push_back(*e.organizer);
            for (const auto& a : people) {
                add(a.address);
                add(a.address->substr(0, a.address->find('@')));
                add(a.common_name);
            }
        }
    }
    return found;
}

std::string html_text(std::string html) {
    for (auto [entity, c] : std::vector<std::pair<std::string, std::string>>{
             {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}}) {
        for (auto at = html.find(entity); at != std::string::npos; at = html.find(entity, at))
            html.replace(at, entity.size(), c);
    }
    return html;
}

std::string markdown_text(const std::string& markdown) {
    std::string out;
    for (std::size_t i = 0; i < markdown.size(); ++i) {
        if (markdown[i] == '\\' && i + 1 < markdown.size() &&
            std::ispunct(static_cast<unsigned char>(markdown[i + 1])))
            ++i;
        out += markdown[i];
    }
    return out;
}

void json_strings(const nlohmann::json& j, std::string& out) {
    if (j.is_string())
        out += j.get<std::string>() + "\n";
    for (const auto& item : j)
        if (j.is_structured())
            json_strings(item, out);
}

// The output's text as a reader sees it, escaping undone.
std::string readable(const std::string& output, const std::string& format) {
    if (format == "json") {
        std::string out;
        json_strings(nlohmann::json::parse(output), out);
        return out;
    }
    if (format == "csv") {
        std::string out;
        for (const auto& record : parse_csv(output))
            for (const auto& cell : record)
                out += cell + "\n";
        return out;
    }
    if (format == "html")
        return html_text(output);
    if (format == "markdown")
        return markdown_text(output);
    return output;
}

const std::vector<std::string> window{"--tz",       "Europe/Berlin", "--from",
                                      "2026-09-28", "--to",          "2026-11-29"};

std::vector<std::string> command(std::vector<std::string> head, std::vector<std::string> more) {
    head.insert(head.end(), window.begin(), window.end());
    head.insert(head.end(), more.begin(), more.end());
    return head;
}

struct Case {
    std::vector<std::string> arguments;
    std::string format;
    bool has_text = true; ///< the report's CSV has only figures
};

std::vector<Case> every_output(const std::string& file) {
    std::vector<Case> cases;
    for (std::string format : {"text", "csv", "json"})
        cases.push_back({command({"events", file}, {"--format", format}), format});
    cases.push_back({command({"events", file}, {"--explain"}), "text"});
    for (std::string format : {"text", "csv", "json", "markdown", "html"}) {
        cases.push_back({command({"report", file}, {"--format", format}), format, format != "csv"});
        cases.push_back(
            {command({"report", google, outlook}, {"--per-calendar", "--format", format}), format});
    }
    return cases;
}

} // namespace

BOOST_FIXTURE_TEST_SUITE(redaction_cli, Isolated)

BOOST_AUTO_TEST_CASE(no_output_holds_a_title_description_location_uid_or_address_of_the_samples) {
    std::set<std::string> secrets = private_strings({google, outlook});
    BOOST_TEST(secrets.size() > 100u);
    for (const std::string& file : {google, outlook}) {
        for (const Case& c : every_output(file)) {
            std::vector<std::string> redacted = c.arguments;
            redacted.push_back("--redact");
            RunResult run = run_busywork(redacted);
            std::string shown = readable(run.out, c.format) + run.err;
            BOOST_TEST_CONTEXT(c.arguments[0] << " " << c.arguments[1] << " " << c.format) {
                BOOST_TEST(run.exit_code == 0, run.err);
                for (const auto& secret : secrets)
                    BOOST_TEST(shown.find(secret) == std::string::npos,
                               "shows \"" << secret << "\"");
                // Unredacted, the same check finds them: the test looks where they would be.
                RunResult plain = run_busywork(c.arguments);
                std::string plain_shown = readable(plain.out, c.format) + plain.err;
                bool any = false;
                for (const auto& secret : secrets)
                    any = any || plain_shown.find(secret) != std::string::npos;
                BOOST_TEST(any == c.has_text);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(every_title_address_and_uid_cell_is_a_pseudonym) {
    RunResult run = run_busywork(command({"events", google}, {"--format", "csv", "--redact"}));
    std::regex title("(|(customer|pre|post|sync|internal|solo|excluded)-[0-9a-f]{8})");
    std::regex location("(|location-[0-9a-f]{8})");
    std::regex uid("uid-[0-9a-f]{16}");
    std::regex address("(|(person|room|resource|group)-[0-9a-f]{8}@[a-z0-9.-]+)");
    std::regex attendees("(|(person|room|resource|group)-[0-9a-f]{8}@[a-z0-9.-]+\\([A-Z-]+\\)"
                         "( (person|room|resource|group)-[0-9a-f]{8}@[a-z0-9.-]+\\([A-Z-]+\\))*)");
    std::regex tied("(|[a-z]+ 2026-[0-9-]+T[0-9:]+)");
    auto rows = csv_rows(run.out);
    BOOST_TEST(rows.size() > 20u);
    for (const auto& row : rows) {
        BOOST_TEST(std::regex_match(row.at("summary"), title), row.at("summary"));
        BOOST_TEST(std::regex_match(row.at("location"), location), row.at("location"));
        BOOST_TEST(std::regex_match(row.at("uid"), uid), row.at("uid"));
        BOOST_TEST(std::regex_match(row.at("organizer"), address), row.at("organizer"));
        BOOST_TEST(std::regex_match(row.at("attendees"), attendees), row.at("attendees"));
        BOOST_TEST(std::regex_match(row.at("tied_to"), tied), row.at("tied_to"));
        BOOST_TEST(row.at("source").rfind("google_rep.ics:", 0) == 0, row.at("source"));
    }
}

BOOST_AUTO_TEST_CASE(the_figures_are_those_of_the_unredacted_run) {
    for (const std::string& file : {google, outlook}) {
        auto report = command({"report", file}, {"--format", "csv"});
        std::string plain = run_busywork(report).out;
        report.push_back("--redact");
        BOOST_TEST(run_busywork(report).out == plain);

        auto events = command({"events", file}, {"--format", "csv"});
        auto plain_rows = csv_rows(run_busywork(events).out);
        events.push_back("--redact");
        auto redacted_rows = csv_rows(run_busywork(events).out);
        BOOST_REQUIRE(plain_rows.size() == redacted_rows.size());
        for (std::size_t i = 0; i < plain_rows.size(); ++i)
            for (const char* column : {"start", "end", "all_day", "category", "rule", "counted_min",
                                       "recurrence_id", "status", "transp"})
                BOOST_TEST(plain_rows[i].at(column) == redacted_rows[i].at(column),
                           "row " << i << " " << column);
    }
    // Per calendar, only the calendar column differs: the file name without its folder.
    auto team = command({"report", google, outlook}, {"--per-calendar", "--format", "json"});
    auto plain = nlohmann::json::parse(run_busywork(team).out);
    team.push_back("--redact");
    auto redacted = nlohmann::json::parse(run_busywork(team).out);
    BOOST_TEST(redacted["calendars"][0]["calendar"] == "google_rep.ics");
    BOOST_REQUIRE(plain["calendars"].size() == redacted["calendars"].size());
    for (std::size_t c = 0; c < plain["calendars"].size(); ++c) {
        auto& a = plain["calendars"][c];
        auto& b = redacted["calendars"][c];
        for (auto* calendar : {&a, &b}) {
            (*calendar)["calendar"] = nullptr;
            (*calendar)["total"]["costliest_series"] = nullptr;
            for (auto& week : (*calendar)["weeks"])
                week["costliest_series"] = nullptr;
        }
        BOOST_TEST(a.dump() == b.dump());
    }
}

BOOST_AUTO_TEST_CASE(pseudonyms_are_stable_across_runs_and_files_and_change_with_a_salt) {
    auto args = command({"report", google}, {"--redact"});
    RunResult first = run_busywork(args);
    BOOST_TEST(first.out == run_busywork(args).out);
    // Computed with Python: see the top of this file.
    BOOST_TEST(first.out.find("owner person-b02f8ebf@acme-sales.de") != std::string::npos,
               first.out);
    BOOST_TEST(first.out.find("sync-23cffcd5") != std::string::npos);
    // A person has one pseudonym in every file and run: each owner line of a run over both
    // files is the line of the run over that file alone.
    auto owner_line = [](const std::string& text, const std::string& file) {
        auto at = text.find(file + ": owner ");
        return at == std::string::npos ? std::string() : text.substr(at, text.find('\n', at) - at);
    };
    std::string both = run_busywork(command({"events", google, outlook}, {"--redact"})).out;
    for (const std::string& file : {google, outlook}) {
        std::string alone = run_busywork(command({"events", file}, {"--redact"})).out;
        std::string name = file.substr(file.rfind('/') + 1);
        BOOST_TEST(!owner_line(alone, name).empty(), alone);
        BOOST_TEST(owner_line(both, name) == owner_line(alone, name));
    }
    BOOST_TEST(owner_line(both, "outlook_rep.ics") ==
               "outlook_rep.ics: owner " + Pseudonyms().address("lars.jensen@nordsalg.dk") +
                   " (inferred from the address in most events, in 12 of 14 events); internal "
                   "domain nordsalg.dk (inferred: the owner's domain)");

    ScopedEnv salt("BUSYWORK_REDACT_SALT", std::string("coach-2026"));
    std::string salted = run_busywork(args).out;
    BOOST_TEST(salted.find("person-b02f8ebf") == std::string::npos);
    BOOST_TEST(salted.find(Pseudonyms("coach-2026").address("anna.schmidt@acme-sales.de")) !=
               std::string::npos);
    BOOST_TEST(salted == run_busywork(args).out);
}

BOOST_AUTO_TEST_CASE(redact_and_its_salt_can_come_from_the_config_file) {
    config_home.write("busywork/config.toml", "redact = true\nredact_salt = \"coach-2026\"\n");
    std::string out = run_busywork(command({"report", google}, {})).out;
    BOOST_TEST(out.find(Pseudonyms("coach-2026").address("anna.schmidt@acme-sales.de")) !=
               std::string::npos);
    BOOST_TEST(run_busywork(command({"report", google}, {"--no-redact"}))
                   .out.find("anna.schmidt@acme-sales.de") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
