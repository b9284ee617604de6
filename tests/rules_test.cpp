// SPDX-License-Identifier: MIT
#include "test_support.hpp"

#include <boost/test/unit_test.hpp>
#include <busywork/classification.hpp>
#include <busywork/ics_reader.hpp>
#include <busywork/ownership.hpp>
#include <busywork/recurrence.hpp>
#include <busywork/rules.hpp>
#include <busywork/text_matching.hpp>
#include <busywork/time_zones.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

using namespace busywork;
using busywork::testing::read_file;
using busywork::testing::source_path;

namespace {

namespace fs = std::filesystem;

// The order PRODUCT.md and the comments of default_rules.toml document.
const std::vector<std::string> documented_order{
    "customer:attendee", "solo:keyword",     "pre:keyword", "post:keyword",
    "customer:visit",    "pre:infer",        "post:infer",  "sync:keyword",
    "sync:recurring",    "customer:keyword", "solo",        "internal-other"};

std::vector<std::string> names_of(const RuleSet& rules) {
    std::vector<std::string> names;
    for (const auto& r : rules.rules)
        names.push_back(r.name);
    return names;
}

// The rule names of default_rules.toml in the source tree, read line by line: the first
// `name = "..."` after each `[[rule]]` header.
std::vector<std::string> names_in_defaults_file() {
    std::istringstream in(read_file(source_path("lib/busywork/default_rules.toml")));
    std::vector<std::string> names;
    bool in_rule = false;
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("[[rule]]", 0) == 0) {
            in_rule = true;
        } else if (line.rfind("[", 0) == 0) {
            in_rule = false;
        } else if (in_rule && line.rfind("name", 0) == 0) {
            auto open = line.find('"');
            auto close = line.find('"', open + 1);
            names.push_back(line.substr(open + 1, close - open - 1));
            in_rule = false;
        }
    }
    return names;
}

const Rule* find_rule(const RuleSet& rules, const std::string& name) {
    for (const auto& r : rules.rules)
        if (r.name == name)
            return &r;
    return nullptr;
}

// The message of the RulesError that parsing `text` throws, or "" when it parses.
std::string error_of(std::string_view text, bool user) {
    try {
        RuleSet parsed = user ? parse_user_rules(text, "t.toml") : parse_rules(text, "t.toml");
        (void)parsed;
    } catch (const RulesError& e) {
        return e.what();
    }
    return "";
}

// `text` fails with "t.toml:line:column: ..." and the message says `detail`, both as a
// complete file and as a user's file laid over the defaults.
void check_error(std::string_view text, int line, int column, std::string_view detail,
                 bool complete_too = true) {
    std::string prefix = "t.toml:" + std::to_string(line) + ":" + std::to_string(column) + ": ";
    for (bool user : {true, false}) {
        if (!user && !complete_too)
            continue;
        std::string message = error_of(text, user);
        BOOST_TEST_CONTEXT((user ? "user file" : "complete file") << ", message: " << message) {
            BOOST_TEST(message.rfind(prefix, 0) == 0);
            BOOST_TEST(message.find(detail) != std::string::npos);
        }
    }
}

template <class T>
std::string show(const std::optional<T>& value) {
    if (!value)
        return "(none)";
    std::ostringstream out;
    out << *value;
    return out.str();
}

std::string show(const std::optional<std::chrono::minutes>& value) {
    return value ? std::to_string(value->count()) + "m" : "(none)";
}

std::vector<std::string> category_names(const std::vector<Category>& categories) {
    std::vector<std::string> names;
    for (Category c : categories)
        names.emplace_back(category_name(c));
    return names;
}

void check_same_text(const std::optional<TextCondition>& a, const std::optional<TextCondition>& b,
                     std::string_view field) {
    BOOST_TEST_CONTEXT("field " << field) {
        BOOST_TEST(a.has_value() == b.has_value());
        if (!a || !b)
            return;
        BOOST_TEST(a->keywords.size() == b->keywords.size());
        for (std::size_t i = 0; i < std::min(a->keywords.size(), b->keywords.size()); ++i) {
            BOOST_TEST(a->keywords[i].text == b->keywords[i].text);
            BOOST_TEST(a->keywords[i].folded == b->keywords[i].folded);
            BOOST_TEST((a->keywords[i].boundary == b->keywords[i].boundary));
        }
        BOOST_TEST(a->patterns.size() == b->patterns.size());
        for (std::size_t i = 0; i < std::min(a->patterns.size(), b->patterns.size()); ++i)
            BOOST_TEST(a->patterns[i].source() == b->patterns[i].source());
    }
}

// Same settings (but append_default_rules, which a rendered file always sets to false) and
// the same rules, condition by condition.
void check_same_rule_sets(const RuleSet& a, const RuleSet& b) {
    const Settings& x = a.settings;
    const Settings& y = b.settings;
    BOOST_TEST(x.owner == y.owner);
    BOOST_TEST(x.internal_domains == y.internal_domains);
    BOOST_TEST(x.ignored_domains == y.ignored_domains);
    BOOST_TEST(x.ignored_addresses == y.ignored_addresses);
    BOOST_TEST(category_names(x.meta_categories) == category_names(y.meta_categories));
    BOOST_TEST(x.working_week.to_string() == y.working_week.to_string());
    BOOST_CHECK(x.working_week == y.working_week);
    BOOST_TEST(x.pre_window.count() == y.pre_window.count());
    BOOST_TEST(x.post_window.count() == y.post_window.count());
    BOOST_TEST(x.adjacent_window.count() == y.adjacent_window.count());
    BOOST_TEST(x.common_words == y.common_words);
    BOOST_TEST(x.fold.ignore_diacritics == y.fold.ignore_diacritics);

    BOOST_TEST(names_of(a) == names_of(b));
    BOOST_REQUIRE(a.rules.size() == b.rules.size());
    for (std::size_t i = 0; i < a.rules.size(); ++i) {
        const Rule& r = a.rules[i];
        const Rule& s = b.rules[i];
        BOOST_TEST_CONTEXT("rule " << r.name) {
            BOOST_TEST(category_name(r.category) == category_name(s.category));
            check_same_text(r.when.title, s.when.title, "title");
            check_same_text(r.when.description, s.when.description, "description");
            check_same_text(r.when.location, s.when.location, "location");
            check_same_text(r.when.any_text, s.when.any_text, "text");
            BOOST_TEST(show(r.when.external) == show(s.when.external));
            BOOST_TEST(show(r.when.all_internal) == show(s.when.all_internal));
            BOOST_TEST(show(r.when.min_participants) == show(s.when.min_participants));
            BOOST_TEST(show(r.when.max_participants) == show(s.when.max_participants));
            BOOST_TEST(r.when.organizer_domains == s.when.organizer_domains);
            BOOST_TEST(show(r.when.recurring) == show(s.when.recurring));
            BOOST_TEST(show(r.when.min_duration) == show(s.when.min_duration));
            BOOST_TEST(show(r.when.max_duration) == show(s.when.max_duration));
            BOOST_TEST((r.when.infer == s.when.infer));
        }
    }
}

struct Decision {
    std::string what; // title and start, for messages
    std::string category;
    std::string rule;
};

// Both sample calendars, expanded over ISO weeks 2026-W42..W45 in Europe/Berlin and
// classified with `rules`.
std::vector<Decision> classify_samples(const RuleSet& rules) {
    using namespace date::literals;
    Diagnostics diagnostics;
    std::vector<CalendarFile> calendars =
        read_inputs({source_path("samples/google_rep.ics"), source_path("samples/outlook_rep.ics")},
                    diagnostics);
    // Mon 2026-10-12 00:00 CEST is 2026-10-11T22:00Z; Mon 2026-11-09 00:00 CET is
    // 2026-11-08T23:00Z.
    TimeWindow window{
        Instant{date::sys_days{2026_y / date::October / 11} + std::chrono::hours{22}},
        Instant{date::sys_days{2026_y / date::November / 8} + std::chrono::hours{23}}};
    std::vector<Occurrence> occurrences =
        expand_occurrences(calendars, window, report_zone("Europe/Berlin"), diagnostics);
    Ownerships ownerships = infer_ownerships(calendars, rules.settings, {}, diagnostics);
    std::vector<Decision> out;
    for (const auto& c : classify(std::move(occurrences), rules, ownerships, diagnostics))
        out.push_back({c.occurrence.summary + " @" +
                           std::to_string(c.occurrence.start.time_since_epoch().count()),
                       std::string(category_name(c.classification.category)),
                       c.classification.rule});
    return out;
}

void check_same_decisions(const std::vector<Decision>& a, const std::vector<Decision>& b) {
    BOOST_REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        BOOST_TEST_CONTEXT("occurrence " << i << ": " << a[i].what) {
            BOOST_TEST(a[i].what == b[i].what);
            BOOST_TEST(a[i].category == b[i].category);
            BOOST_TEST(a[i].rule == b[i].rule);
        }
    }
}

// A fresh directory, removed with everything in it at the end of the test.
class TempDir {
public:
    TempDir() {
        static int counter = 0;
        m_path = fs::temp_directory_path() / ("busywork-rules-test-" + std::to_string(::getpid()) +
                                              "-" + std::to_string(++counter));
        fs::remove_all(m_path);
        fs::create_directories(m_path);
    }
    ~TempDir() {
        std::error_code ignored;
        fs::remove_all(m_path, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const fs::path& path() const { return m_path; }

    // Writes `text` to `relative` below the directory and returns its full path.
    std::string write(const std::string& relative, const std::string& text) const {
        fs::path file = m_path / relative;
        fs::create_directories(file.parent_path());
        std::ofstream(file, std::ios::binary) << text;
        return file.string();
    }

private:
    fs::path m_path;
};

// Sets or unsets environment variables for one test and puts them back afterwards.
class EnvironmentGuard {
public:
    EnvironmentGuard() {
        for (const char* name : {"XDG_CONFIG_HOME", "HOME"}) {
            const char* value = std::getenv(name);
            m_saved.emplace_back(name, value ? std::optional<std::string>(value) : std::nullopt);
        }
    }
    ~EnvironmentGuard() {
        for (const auto& [name, value] : m_saved) {
            if (value)
                ::setenv(name.c_str(), value->c_str(), 1);
            else
                ::unsetenv(name.c_str());
        }
    }
    EnvironmentGuard(const EnvironmentGuard&) = delete;
    EnvironmentGuard& operator=(const EnvironmentGuard&) = delete;

private:
    std::vector<std::pair<std::string, std::optional<std::string>>> m_saved;
};

// A user file whose one rule is recognisable in the loaded rules.
const std::string marker_rules = "[[rule]]\nname = \"marker\"\ncategory = \"solo\"\n";

} // namespace

BOOST_AUTO_TEST_SUITE(rules)

BOOST_AUTO_TEST_CASE(the_defaults_parse_with_the_documented_rule_order) {
    RuleSet defaults = default_rules();
    BOOST_TEST(defaults.source == "built-in defaults");
    BOOST_TEST(names_of(defaults) == documented_order, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(the_rule_order_is_the_order_of_the_defaults_file) {
    std::vector<std::string> in_file = names_in_defaults_file();
    BOOST_TEST(!in_file.empty());
    BOOST_TEST(names_of(default_rules()) == in_file, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(default_rules_have_the_categories_their_names_say) {
    RuleSet defaults = default_rules();
    // The part of each name before ':' is its category, spelled as in the table of PRODUCT.md.
    const std::vector<std::pair<std::string, Category>> expected{
        {"customer:attendee", Category::customer},   {"solo:keyword", Category::solo},
        {"pre:keyword", Category::pre_meeting},      {"post:keyword", Category::post_meeting},
        {"pre:infer", Category::pre_meeting},        {"post:infer", Category::post_meeting},
        {"sync:keyword", Category::internal_sync},   {"sync:recurring", Category::internal_sync},
        {"customer:keyword", Category::customer},    {"solo", Category::solo},
        {"internal-other", Category::internal_other}};
    for (const auto& [name, category] : expected) {
        BOOST_TEST_CONTEXT("rule " << name) {
            const Rule* rule = find_rule(defaults, name);
            BOOST_TEST_REQUIRE(rule != nullptr);
            BOOST_TEST(category_name(rule->category) == category_name(category));
            // A rule's line is where its [[rule]] header is, so it is never 0.
            BOOST_TEST(rule->line > 0);
        }
    }
    // The inference rules carry their side; every other rule infers nothing.
    BOOST_TEST((find_rule(defaults, "pre:infer")->when.infer == Inference::pre));
    BOOST_TEST((find_rule(defaults, "post:infer")->when.infer == Inference::post));
    BOOST_TEST((find_rule(defaults, "customer:attendee")->when.infer == Inference::none));
    // Rule 1 is "some participant is external"; rule 10 is "nobody else is there".
    BOOST_TEST(show(find_rule(defaults, "customer:attendee")->when.external) == "1");
    BOOST_TEST(show(find_rule(defaults, "solo")->when.max_participants) == "0");
    BOOST_TEST(show(find_rule(defaults, "sync:recurring")->when.recurring) == "1");
}

BOOST_AUTO_TEST_CASE(the_default_settings_are_the_documented_ones) {
    Settings s = default_rules().settings;
    // Owner and internal domain are inferred per calendar unless given.
    BOOST_TEST(s.owner.empty());
    BOOST_TEST(s.internal_domains.empty());
    // Meetings about meetings = internal-sync + pre-meeting + post-meeting.
    BOOST_TEST(category_names(s.meta_categories) ==
                   (std::vector<std::string>{"internal-sync", "pre-meeting", "post-meeting"}),
               boost::test_tools::per_element());
    BOOST_TEST(s.working_week.to_string() == "Mon-Fri 09:00-17:00");
    // "3d" = 3 x 24 x 60 minutes; "30m" = 30.
    BOOST_TEST(s.pre_window.count() == 4320);
    BOOST_TEST(s.post_window.count() == 4320);
    BOOST_TEST(s.adjacent_window.count() == 30);
    BOOST_TEST(s.fold.ignore_diacritics);
    BOOST_TEST(s.append_default_rules);
    // Google's room calendars are never participants.
    BOOST_TEST((std::find(s.ignored_domains.begin(), s.ignored_domains.end(),
                          "resource.calendar.google.com") != s.ignored_domains.end()));
    BOOST_TEST(!s.common_words.empty());
}

BOOST_AUTO_TEST_CASE(default_rules_text_is_the_file_in_the_source_tree) {
    std::string on_disk = read_file(source_path("lib/busywork/default_rules.toml"));
    BOOST_TEST(!on_disk.empty());
    BOOST_TEST(default_rules_text().size() == on_disk.size());
    BOOST_TEST((default_rules_text() == on_disk));
}

// ---- errors, each at the line and column of the offending key or value ----
// Columns count from 1: a value after `key = ` starts at column strlen("key = ") + 1.

BOOST_AUTO_TEST_CASE(a_toml_syntax_error_is_reported_where_it_is) {
    // Line 3 is `working_week = !oops`; "working_week = " is 15 characters, so the stray '!'
    // that cannot start a value is at column 16.
    check_error("[settings]\n"
                "owner = []\n"
                "working_week = !oops\n",
                3, 16, "");
}

BOOST_AUTO_TEST_CASE(an_unknown_top_level_key_is_reported_at_the_key) {
    // Line 1 a comment, line 2 empty, line 3 starts with the unknown key "rules".
    check_error("# my rules\n"
                "\n"
                "rules = []\n",
                3, 1, "unknown key \"rules\" in the rules file");
}

BOOST_AUTO_TEST_CASE(an_unknown_settings_key_is_reported_at_the_key) {
    // Line 2: two spaces of indentation, so "owners" starts at column 3.
    check_error("[settings]\n"
                "  owners = [\"a@b.com\"]\n",
                2, 3, "unknown key \"owners\" in [settings]");
}

BOOST_AUTO_TEST_CASE(an_unknown_rule_key_is_reported_at_the_key) {
    // Line 4: four spaces, so "titel" starts at column 5.
    check_error("[[rule]]\n"
                "name = \"x\"\n"
                "category = \"solo\"\n"
                "    titel = [\"a\"]\n",
                4, 5, "unknown key \"titel\" in [[rule]]");
}

BOOST_AUTO_TEST_CASE(an_unknown_category_is_reported_at_the_value) {
    // Line 3: "category = " is 11 characters, the string starts at column 12.
    check_error("[[rule]]\n"
                "name = \"x\"\n"
                "category = \"meeting\"\n",
                3, 12, "unknown category \"meeting\"");
    // The same in meta_categories: "meta_categories = [" is 19 characters, the first item is
    // `"customer"` (columns 20-29), ", " follows, so "lunch" starts at column 32.
    check_error("[settings]\n"
                "meta_categories = [\"customer\", \"lunch\"]\n",
                2, 32, "unknown category \"lunch\"");
}

BOOST_AUTO_TEST_CASE(a_bad_working_week_is_reported_at_the_value) {
    // Line 2: "working_week = " is 15 characters; "Xyz" is no day name.
    check_error("[settings]\n"
                "working_week = \"Mon-Xyz 09:00-17:00\"\n",
                2, 16, "Xyz");
}

BOOST_AUTO_TEST_CASE(a_bad_span_is_reported_at_the_value) {
    // "pre_window = " is 13 characters; "3 days" has a space and a unit that is not d/h/m.
    check_error("[settings]\n"
                "pre_window = \"3 days\"\n",
                2, 14, "pre_window must be a length");
    // In a rule: line 4, "min_duration = " is 15 characters.
    check_error("[[rule]]\n"
                "name = \"x\"\n"
                "category = \"solo\"\n"
                "min_duration = \"3 days\"\n",
                4, 16, "min_duration must be a length");
}

BOOST_AUTO_TEST_CASE(external_must_be_a_boolean) {
    // Line 4: "external = " is 11 characters.
    check_error("[[rule]]\n"
                "name = \"x\"\n"
                "category = \"customer\"\n"
                "external = \"yes\"\n",
                4, 12, "external must be true or false");
    // An integer is not a boolean either.
    check_error("[[rule]]\n"
                "name = \"x\"\n"
                "category = \"customer\"\n"
                "external = 1\n",
                4, 12, "external must be true or false");
}

BOOST_AUTO_TEST_CASE(min_participants_must_not_be_negative) {
    // Line 4: "min_participants = " is 19 characters; the value -1 starts at column 20.
    check_error("[[rule]]\n"
                "name = \"x\"\n"
                "category = \"solo\"\n"
                "min_participants = -1\n",
                4, 20, "min_participants must be a whole number");
}

BOOST_AUTO_TEST_CASE(min_above_max_is_reported_at_the_max) {
    // Line 5: "max_participants = " is 19 characters.
    check_error("[[rule]]\n"
                "name = \"x\"\n"
                "category = \"internal-other\"\n"
                "min_participants = 3\n"
                "max_participants = 2\n",
                5, 20, "max_participants is smaller than min_participants");
    // Line 5: "max_duration = " is 15 characters. 2h = 120 minutes > 90 minutes.
    check_error("[[rule]]\n"
                "name = \"x\"\n"
                "category = \"internal-other\"\n"
                "min_duration = \"2h\"\n"
                "max_duration = \"1h30m\"\n",
                5, 16, "max_duration is shorter than min_duration");
}

BOOST_AUTO_TEST_CASE(a_bad_regular_expression_is_reported_at_the_pattern) {
    // Line 4: "title_regex = [" is 15 characters, `"ok"` takes columns 16-19, ", " 20-21, so
    // the unclosed group starts at column 22.
    check_error("[[rule]]\n"
                "name = \"x\"\n"
                "category = \"solo\"\n"
                "title_regex = [\"ok\", \"(unclosed\"]\n",
                4, 22, "");
}

BOOST_AUTO_TEST_CASE(an_empty_keyword_is_reported_at_the_keyword) {
    // Line 4: "title = [" is 9 characters, `"a"` takes columns 10-12, ", " 13-14, so the empty
    // string is at column 15.
    check_error("[[rule]]\n"
                "name = \"x\"\n"
                "category = \"solo\"\n"
                "title = [\"a\", \"\"]\n",
                4, 15, "an empty keyword would match nothing");
    // In the table form the value is reported: "title = [{ word = " is 18 characters.
    check_error("[[rule]]\n"
                "name = \"x\"\n"
                "category = \"solo\"\n"
                "title = [{ word = \"\" }]\n",
                4, 19, "an empty keyword would match nothing");
}

BOOST_AUTO_TEST_CASE(an_empty_keyword_list_is_reported_at_the_list) {
    // "title = []" would be a condition that can never hold, and a printed rules file could
    // not keep it; "title = " is 8 characters, so the list starts at column 9.
    check_error("[[rule]]\n"
                "name = \"x\"\n"
                "category = \"solo\"\n"
                "title = []\n",
                4, 9, "title must list at least one keyword");
    check_error("[[rule]]\n"
                "name = \"x\"\n"
                "category = \"solo\"\n"
                "text_regex = []\n",
                4, 14, "text_regex must list at least one regular expression");
}

BOOST_AUTO_TEST_CASE(an_unknown_keyword_form_is_reported_at_its_key) {
    // Line 4: "location = [{ " is 14 characters, so "whole" starts at column 15.
    check_error("[[rule]]\n"
                "name = \"x\"\n"
                "category = \"solo\"\n"
                "location = [{ whole = \"x\" }]\n",
                4, 15, "unknown keyword form \"whole\" (known: word, word_start)");
}

BOOST_AUTO_TEST_CASE(infer_needs_the_matching_category) {
    // Line 4: "infer = " is 8 characters. "pre" belongs to pre-meeting rules only.
    check_error("[[rule]]\n"
                "name = \"x\"\n"
                "category = \"internal-sync\"\n"
                "infer = \"pre\"\n",
                4, 9, "infer is \"pre\" for a pre-meeting rule");
    // "post" on a pre-meeting rule is wrong too.
    check_error("[[rule]]\n"
                "name = \"x\"\n"
                "category = \"pre-meeting\"\n"
                "infer = \"post\"\n",
                4, 9, "infer is \"pre\" for a pre-meeting rule");
}

BOOST_AUTO_TEST_CASE(a_rule_without_a_name_is_reported_at_its_header) {
    // The rule's table starts at its [[rule]] header: line 3, column 1.
    check_error("[settings]\n"
                "\n"
                "[[rule]]\n"
                "category = \"solo\"\n",
                3, 1, "a rule needs a name");
}

BOOST_AUTO_TEST_CASE(a_rule_without_a_category_is_reported_at_its_header) {
    // The first rule is fine (lines 1-3); the second starts at line 5.
    check_error("[[rule]]\n"
                "name = \"a\"\n"
                "category = \"solo\"\n"
                "\n"
                "[[rule]]\n"
                "name = \"b\"\n",
                5, 1, "rule \"b\" needs a category");
}

BOOST_AUTO_TEST_CASE(a_duplicate_rule_name_is_reported_at_the_second_rule) {
    // The second [[rule]] named "a" starts at line 4.
    check_error("[[rule]]\n"
                "name = \"a\"\n"
                "category = \"solo\"\n"
                "[[rule]]\n"
                "name = \"a\"\n"
                "category = \"customer\"\n",
                4, 1, "a rule named \"a\" is already defined");
}

BOOST_AUTO_TEST_CASE(a_user_rule_with_a_default_rules_name_is_an_error_while_appending) {
    // Line 1 a comment; the rule named like default rule 10 starts at line 2.
    check_error("# mine\n"
                "[[rule]]\n"
                "name = \"solo\"\n"
                "category = \"solo\"\n",
                2, 1, "rule \"solo\" has the name of a default rule", false);
    // Without the defaults appended the name is free.
    BOOST_CHECK_NO_THROW(parse_user_rules("[settings]\n"
                                          "append_default_rules = false\n"
                                          "[[rule]]\n"
                                          "name = \"solo\"\n"
                                          "category = \"solo\"\n",
                                          "t.toml"));
}

// ---- parse_span ----

BOOST_AUTO_TEST_CASE(parse_span_reads_days_hours_and_minutes) {
    // 3 x 24 x 60 = 4320.
    BOOST_TEST(parse_span("3d").value().count() == 4320);
    BOOST_TEST(parse_span("90m").value().count() == 90);
    // 60 + 30.
    BOOST_TEST(parse_span("1h30m").value().count() == 90);
    BOOST_TEST(parse_span("45min").value().count() == 45);
    BOOST_TEST(parse_span("2h").value().count() == 120);
    // 24 x 60 + 2 x 60 = 1560.
    BOOST_TEST(parse_span("1d2h").value().count() == 1560);
    BOOST_TEST(parse_span("0m").value().count() == 0);
}

BOOST_AUTO_TEST_CASE(parse_span_rejects_malformed_lengths) {
    BOOST_TEST(!parse_span("").has_value());
    // A number without a unit, a unit without a number, an unknown unit.
    BOOST_TEST(!parse_span("3").has_value());
    BOOST_TEST(!parse_span("d").has_value());
    BOOST_TEST(!parse_span("1x").has_value());
    BOOST_TEST(!parse_span("3 days").has_value());
    BOOST_TEST(!parse_span("-3d").has_value());
    BOOST_TEST(!parse_span("1h30").has_value());
}

// ---- a user's file over the defaults ----

BOOST_AUTO_TEST_CASE(a_user_setting_replaces_the_default_and_the_others_stay) {
    RuleSet defaults = default_rules();
    RuleSet user = parse_user_rules("[settings]\n"
                                    "pre_window = \"1d\"\n"
                                    "internal_domains = [\"Acme.COM\"]\n",
                                    "user.toml");
    BOOST_TEST(user.source == "user.toml");
    // Given: 1d = 1440 minutes, and domains are lower-cased.
    BOOST_TEST(user.settings.pre_window.count() == 1440);
    BOOST_TEST(user.settings.internal_domains == std::vector<std::string>{"acme.com"},
               boost::test_tools::per_element());
    // Not given: as in the defaults.
    BOOST_TEST(user.settings.post_window.count() == defaults.settings.post_window.count());
    BOOST_TEST(user.settings.adjacent_window.count() == defaults.settings.adjacent_window.count());
    BOOST_TEST(user.settings.ignored_domains == defaults.settings.ignored_domains);
    BOOST_TEST(user.settings.ignored_addresses == defaults.settings.ignored_addresses);
    BOOST_TEST(user.settings.common_words == defaults.settings.common_words);
    BOOST_TEST(user.settings.working_week.to_string() ==
               defaults.settings.working_week.to_string());
    BOOST_TEST(category_names(user.settings.meta_categories) ==
               category_names(defaults.settings.meta_categories));
    BOOST_TEST(user.settings.fold.ignore_diacritics == defaults.settings.fold.ignore_diacritics);
    BOOST_TEST(user.settings.append_default_rules);
    // No rules of its own: exactly the default rules.
    BOOST_TEST(names_of(user) == names_of(defaults), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(an_empty_user_file_is_the_defaults) {
    RuleSet defaults = default_rules();
    RuleSet user = parse_user_rules("", "empty.toml");
    BOOST_TEST(user.source == "empty.toml");
    check_same_rule_sets(user, defaults);
}

BOOST_AUTO_TEST_CASE(user_rules_come_first_then_the_defaults) {
    RuleSet user = parse_user_rules("[[rule]]\n"
                                    "name = \"training\"\n"
                                    "category = \"internal-other\"\n"
                                    "title = [\"schulung\"]\n"
                                    "\n"
                                    "[[rule]]\n"
                                    "name = \"lunch\"\n"
                                    "category = \"excluded\"\n"
                                    "title = [{ word = \"lunch\" }]\n",
                                    "user.toml");
    std::vector<std::string> expected{"training", "lunch"};
    for (const auto& n : names_of(default_rules()))
        expected.push_back(n);
    BOOST_TEST(names_of(user) == expected, boost::test_tools::per_element());
    // Each rule remembers the line of its own file: the user's at lines 1 and 6.
    BOOST_TEST(user.rules[0].line == 1);
    BOOST_TEST(user.rules[1].line == 6);
    BOOST_TEST(category_name(user.rules[1].category) == "excluded");
    BOOST_TEST((user.rules[1].when.title->keywords.at(0).boundary == KeywordBoundary::word));
}

BOOST_AUTO_TEST_CASE(append_default_rules_false_gives_only_the_users_rules) {
    RuleSet user = parse_user_rules("[settings]\n"
                                    "append_default_rules = false\n"
                                    "[[rule]]\n"
                                    "name = \"everything\"\n"
                                    "category = \"internal-other\"\n",
                                    "user.toml");
    BOOST_TEST(names_of(user) == std::vector<std::string>{"everything"},
               boost::test_tools::per_element());
    BOOST_TEST(!user.settings.append_default_rules);
    // The settings it does not give still come from the defaults.
    BOOST_TEST(user.settings.ignored_domains == default_rules().settings.ignored_domains);
}

BOOST_AUTO_TEST_CASE(ignore_diacritics_false_refolds_the_default_keywords) {
    RuleSet defaults = default_rules();
    RuleSet user = parse_user_rules("[settings]\n"
                                    "ignore_diacritics = false\n"
                                    "[[rule]]\n"
                                    "name = \"mine\"\n"
                                    "category = \"internal-other\"\n"
                                    "title = [\"Übergabe\"]\n",
                                    "user.toml");
    BOOST_TEST(!user.settings.fold.ignore_diacritics);
    FoldOptions keep{false};
    FoldOptions strip{true};
    // The user's own keyword: "Übergabe" keeps its umlaut, only case-folded.
    BOOST_TEST(user.rules.at(0).when.title->keywords.at(0).folded == fold_text("Übergabe", keep));
    BOOST_TEST(fold_text("Übergabe", keep) != fold_text("Übergabe", strip));

    // Every default keyword is folded the user's way in the user's set, and the defaults' way
    // in the defaults; some fold differently, so the check is not empty.
    int keywords = 0;
    int differing = 0;
    for (std::size_t i = 1; i < user.rules.size(); ++i) {
        const Rule& mine = user.rules[i];
        const Rule* theirs = find_rule(defaults, mine.name);
        BOOST_TEST_REQUIRE(theirs != nullptr);
        const std::optional<TextCondition>* fields[][2] = {
            {&mine.when.title, &theirs->when.title},
            {&mine.when.description, &theirs->when.description},
            {&mine.when.location, &theirs->when.location},
            {&mine.when.any_text, &theirs->when.any_text}};
        for (auto& [a, b] : fields) {
            if (!*a || !*b)
                continue;
            BOOST_TEST_REQUIRE((*a)->keywords.size() == (*b)->keywords.size());
            for (std::size_t k = 0; k < (*a)->keywords.size(); ++k) {
                const Keyword& folded_mine = (*a)->keywords[k];
                const Keyword& folded_default = (*b)->keywords[k];
                BOOST_TEST_CONTEXT("rule " << mine.name << ", keyword " << folded_mine.text) {
                    BOOST_TEST(folded_mine.folded == fold_text(folded_mine.text, keep));
                    BOOST_TEST(folded_default.folded == fold_text(folded_default.text, strip));
                }
                ++keywords;
                if (folded_mine.folded != folded_default.folded)
                    ++differing;
            }
        }
    }
    BOOST_TEST(keywords > 0);
    BOOST_TEST(differing > 0);
}

// ---- render_rules ----

BOOST_AUTO_TEST_CASE(rendered_defaults_parse_back_to_the_same_rules) {
    RuleSet defaults = default_rules();
    std::string text = render_rules(defaults);
    RuleSet again = parse_rules(text, "rendered.toml");
    check_same_rule_sets(defaults, again);
    // The rendered file is complete: it says not to append the defaults once more.
    BOOST_TEST(!again.settings.append_default_rules);
    // Parsing it as a user's file gives the same rules, not the defaults twice.
    RuleSet as_user = parse_user_rules(text, "rendered.toml");
    BOOST_TEST(names_of(as_user) == names_of(defaults), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(rendered_defaults_classify_the_samples_alike) {
    RuleSet defaults = default_rules();
    RuleSet again = parse_rules(render_rules(defaults), "rendered.toml");
    std::vector<Decision> before = classify_samples(defaults);
    std::vector<Decision> after = classify_samples(again);
    // samples/README.md: google_rep.ics has 46 occurrences in W42..W45, outlook_rep.ics 25.
    BOOST_TEST(before.size() == 71u);
    check_same_decisions(before, after);
}

BOOST_AUTO_TEST_CASE(rendered_user_rules_round_trip) {
    RuleSet user = parse_user_rules("[settings]\n"
                                    "owner = [\"Anna.Schmidt@acme-sales.de\"]\n"
                                    "pre_window = \"1d2h\"\n"
                                    "adjacent_window = \"45min\"\n"
                                    "working_week = \"Mon,Tue,Thu 08:30-17:30\"\n"
                                    "meta_categories = [\"internal-sync\"]\n"
                                    "\n"
                                    "[[rule]]\n"
                                    "name = \"training\"\n"
                                    "category = \"internal-other\"\n"
                                    "title = [\"schulung\", { word_start = \"onboard\" }]\n"
                                    "description_regex = [\"\\\\bCRM\\\\b\"]\n"
                                    "location = [{ word = \"raum\" }]\n"
                                    "text = [\"say \\\"hi\\\"\"]\n"
                                    "all_internal = true\n"
                                    "min_participants = 1\n"
                                    "max_participants = 20\n"
                                    "organizer_domain = [\"Acme-Sales.de\"]\n"
                                    "recurring = false\n"
                                    "min_duration = \"15m\"\n"
                                    "max_duration = \"1d\"\n"
                                    "\n"
                                    "[[rule]]\n"
                                    "name = \"my:pre\"\n"
                                    "category = \"pre-meeting\"\n"
                                    "external = false\n"
                                    "infer = \"pre\"\n",
                                    "user.toml");
    BOOST_TEST(names_of(user).size() == 2 + default_rules().rules.size());
    std::string text = render_rules(user);
    RuleSet again = parse_rules(text, "rendered.toml");
    check_same_rule_sets(user, again);
    // The owner was lower-cased; 1d2h is 26 hours; 45min is 45 minutes.
    BOOST_TEST(again.settings.owner == std::vector<std::string>{"anna.schmidt@acme-sales.de"},
               boost::test_tools::per_element());
    BOOST_TEST(again.settings.pre_window.count() == 26 * 60);
    BOOST_TEST(again.settings.adjacent_window.count() == 45);
    check_same_decisions(classify_samples(user), classify_samples(again));
}

// ---- load_rules ----

BOOST_AUTO_TEST_CASE(load_rules_reads_the_rules_option_first) {
    EnvironmentGuard environment;
    TempDir dir;
    std::string path = dir.write("mine.toml", marker_rules);
    // A user file under XDG_CONFIG_HOME too; --rules still wins.
    dir.write("xdg/busywork/rules.toml", "[[rule]]\nname = \"xdg\"\ncategory = \"solo\"\n");
    ::setenv("XDG_CONFIG_HOME", (dir.path() / "xdg").c_str(), 1);
    RuleSet loaded = load_rules(path);
    BOOST_TEST(loaded.source == path);
    BOOST_TEST(user_rules_path(path) == path);
    BOOST_TEST_REQUIRE(!loaded.rules.empty());
    BOOST_TEST(loaded.rules.front().name == "marker");
    // The defaults follow.
    BOOST_TEST(loaded.rules.size() == 1 + default_rules().rules.size());
}

BOOST_AUTO_TEST_CASE(load_rules_reads_xdg_config_home) {
    EnvironmentGuard environment;
    TempDir dir;
    std::string path = dir.write("busywork/rules.toml", marker_rules);
    // A file under HOME too, which XDG_CONFIG_HOME beats.
    dir.write("home/.config/busywork/rules.toml",
              "[[rule]]\nname = \"home\"\ncategory = \"solo\"\n");
    ::setenv("XDG_CONFIG_HOME", dir.path().c_str(), 1);
    ::setenv("HOME", (dir.path() / "home").c_str(), 1);
    BOOST_TEST(user_rules_path("") == path);
    RuleSet loaded = load_rules("");
    BOOST_TEST(loaded.source == path);
    BOOST_TEST_REQUIRE(!loaded.rules.empty());
    BOOST_TEST(loaded.rules.front().name == "marker");
}

BOOST_AUTO_TEST_CASE(load_rules_falls_back_to_home_config) {
    EnvironmentGuard environment;
    TempDir dir;
    std::string path = dir.write(".config/busywork/rules.toml", marker_rules);
    ::unsetenv("XDG_CONFIG_HOME");
    ::setenv("HOME", dir.path().c_str(), 1);
    BOOST_TEST(user_rules_path("") == path);
    RuleSet loaded = load_rules("");
    BOOST_TEST(loaded.source == path);
    BOOST_TEST_REQUIRE(!loaded.rules.empty());
    BOOST_TEST(loaded.rules.front().name == "marker");
    // An empty XDG_CONFIG_HOME counts as unset.
    ::setenv("XDG_CONFIG_HOME", "", 1);
    BOOST_TEST(load_rules("").source == path);
}

BOOST_AUTO_TEST_CASE(load_rules_without_a_user_file_gives_the_defaults) {
    EnvironmentGuard environment;
    TempDir dir;
    // Both places exist but hold no rules.toml.
    ::setenv("XDG_CONFIG_HOME", (dir.path() / "xdg").c_str(), 1);
    ::setenv("HOME", (dir.path() / "home").c_str(), 1);
    fs::create_directories(dir.path() / "xdg" / "busywork");
    fs::create_directories(dir.path() / "home" / ".config" / "busywork");
    BOOST_TEST(user_rules_path("") == "");
    RuleSet loaded = load_rules("");
    BOOST_TEST(loaded.source == "built-in defaults");
    BOOST_TEST(names_of(loaded) == names_of(default_rules()), boost::test_tools::per_element());
    // Neither variable set at all.
    ::unsetenv("XDG_CONFIG_HOME");
    ::unsetenv("HOME");
    BOOST_TEST(user_rules_path("") == "");
    BOOST_TEST(load_rules("").source == "built-in defaults");
}

BOOST_AUTO_TEST_CASE(load_rules_throws_for_an_unreadable_rules_file) {
    TempDir dir;
    std::string missing = (dir.path() / "no-such-rules.toml").string();
    BOOST_CHECK_THROW(load_rules(missing), Error);
    try {
        (void)load_rules(missing);
    } catch (const Error& e) {
        // The message names the file.
        BOOST_TEST(std::string(e.what()).find(missing) != std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(a_directory_is_not_a_rules_file) {
    // Opening a directory as a stream succeeds and reads nothing; that must not pass for an
    // empty rules file (which would silently mean the defaults).
    TempDir dir;
    BOOST_CHECK_THROW(load_rules(dir.path().string()), Error);
}

BOOST_AUTO_TEST_CASE(a_source_with_a_line_break_still_renders_a_valid_file) {
    // The source is quoted in the printed file's header comment; Linux file names may hold
    // a newline, which would end the comment and leave "name = 1" as TOML.
    RuleSet rules = default_rules();
    rules.source = "odd\nname = 1";
    RuleSet again = parse_rules(render_rules(rules), "rendered");
    BOOST_TEST(again.rules.size() == rules.rules.size());
}

BOOST_AUTO_TEST_CASE(load_rules_reports_a_bad_user_file_with_its_path) {
    TempDir dir;
    // Line 2, "pre_window = " is 13 characters.
    std::string path = dir.write("bad.toml", "[settings]\npre_window = \"soon\"\n");
    std::string message;
    try {
        (void)load_rules(path);
    } catch (const RulesError& e) {
        message = e.what();
    }
    BOOST_TEST(message.rfind(path + ":2:14: ", 0) == 0);
}

BOOST_AUTO_TEST_SUITE_END()
