// SPDX-License-Identifier: MIT
// The config file, the BUSYWORK_* variables and their precedence (lib/busywork/config.cpp),
// and, end to end, `busywork config` and the commands reading their defaults from them.
#include "test_support.hpp"

#include <boost/test/unit_test.hpp>
#include <busywork/config.hpp>
#include <busywork/error.hpp>
#include <map>
#include <optional>
#include <string>
#include <vector>

using namespace busywork;
using namespace busywork::testing;

namespace {

// An environment made of a map, so that no test depends on the caller's.
Environment environment_of(std::map<std::string, std::string> variables) {
    return [variables = std::move(variables)](const std::string& name) {
        auto it = variables.find(name);
        return it == variables.end() ? std::nullopt : std::optional<std::string>(it->second);
    };
}

std::string config_error(std::string_view text) {
    try {
        parse_config(text, "c.toml");
    } catch (const ConfigError& e) {
        return e.what();
    }
    return "no error";
}

std::string usage_error(const Environment& environment) {
    try {
        environment_settings(environment);
    } catch (const UsageError& e) {
        return e.what();
    }
    return "no error";
}

const ResolvedSetting& resolved(const EffectiveSettings& settings, std::string_view key) {
    for (const auto& r : settings.resolved)
        if (r.spec->key == key)
            return r;
    throw std::logic_error("no setting " + std::string(key));
}

} // namespace

BOOST_AUTO_TEST_SUITE(config)

BOOST_AUTO_TEST_CASE(a_config_file_sets_top_level_and_table_keys_with_their_lines) {
    SettingLayer layer = parse_config("tz = \"Europe/Berlin\"\n"
                                      "me = \"Anna@acme-sales.de\"\n"
                                      "internal_domains = [\"acme-sales.de\", \"acme.com\"]\n"
                                      "strict = true\n"
                                      "\n"
                                      "[report]\n"
                                      "format = \"CSV\"\n"
                                      "fail_over = 30\n"
                                      "workweek = \"Mon-Thu 08:00-16:00\"\n"
                                      "\n"
                                      "[events]\n"
                                      "format = \"json\"\n",
                                      "/home/anna/.config/busywork/config.toml");
    BOOST_TEST(std::get<std::string>(layer.at("tz").value) == "Europe/Berlin");
    BOOST_TEST(layer.at("tz").origin.describe() == "/home/anna/.config/busywork/config.toml:1");
    // One address is a list of one, so that `me = "..."` and `me = ["..."]` mean the same.
    BOOST_TEST(std::get<std::vector<std::string>>(layer.at("me").value) ==
                   std::vector<std::string>{"Anna@acme-sales.de"},
               boost::test_tools::per_element());
    BOOST_TEST(std::get<std::vector<std::string>>(layer.at("internal_domains").value).size() == 2);
    BOOST_TEST(std::get<bool>(layer.at("strict").value));
    BOOST_TEST(std::get<std::string>(layer.at("report.format").value) == "csv");
    BOOST_TEST(layer.at("report.format").origin.line == 7);
    BOOST_TEST(std::get<double>(layer.at("report.fail_over").value) == 30.0);
    BOOST_TEST(std::get<std::string>(layer.at("events.format").value) == "json");
    BOOST_TEST(layer.at("events.format").origin.line == 12);
    BOOST_TEST(layer.count("redact") == 0);
}

BOOST_AUTO_TEST_CASE(an_unknown_key_is_an_error_at_its_line_and_column_listing_the_known_ones) {
    BOOST_TEST(config_error("tz = \"UTC\"\ntimezone = \"UTC\"\n") ==
               "c.toml:2:1: unknown key \"timezone\" (known: tz, rules, me, internal_domains, "
               "strict, redact, redact_salt, quiet, [report], [events])");
    BOOST_TEST(config_error("[report]\n  colour = \"never\"\n") ==
               "c.toml:2:3: unknown key \"colour\" in [report] (known: format, color, workweek, "
               "per_calendar, fail_over)");
    BOOST_TEST(config_error("[events]\ncolor = \"never\"\n") ==
               "c.toml:2:1: unknown key \"color\" in [events] (known: format)");
    BOOST_TEST(config_error("[calendar]\nformat = \"csv\"\n") ==
               "c.toml:1:2: unknown key \"calendar\" (known: tz, rules, me, internal_domains, "
               "strict, redact, redact_salt, quiet, [report], [events])");
}

BOOST_AUTO_TEST_CASE(a_table_key_at_the_top_level_says_which_table_it_belongs_in) {
    BOOST_TEST(config_error("format = \"csv\"\n") ==
               "c.toml:1:1: \"format\" belongs in [report] or [events]");
    BOOST_TEST(config_error("\nworkweek = \"Mon-Fri 08:00-16:00\"\n") ==
               "c.toml:2:1: \"workweek\" belongs in [report]");
}

BOOST_AUTO_TEST_CASE(a_value_of_the_wrong_type_is_an_error_at_the_value) {
    BOOST_TEST(config_error("tz = 3\n") == "c.toml:1:6: tz must be a string");
    BOOST_TEST(config_error("strict = \"yes\"\n") == "c.toml:1:10: strict must be true or false");
    BOOST_TEST(config_error("me = [\"a@acme.de\", 7]\n") ==
               "c.toml:1:20: me must be a string or a list of strings");
    BOOST_TEST(config_error("[report]\nfail_over = \"30\"\n") ==
               "c.toml:2:13: fail_over must be a number");
    BOOST_TEST(config_error("report = \"csv\"\n") ==
               "c.toml:1:10: report must be a [report] table");
}

BOOST_AUTO_TEST_CASE(a_bad_value_is_an_error_at_the_value) {
    BOOST_TEST(config_error("[report]\nformat = \"pdf\"\n") ==
               "c.toml:2:10: unknown format \"pdf\" (known: text, csv, json, markdown, html)");
    BOOST_TEST(config_error("[events]\nformat = \"html\"\n") ==
               "c.toml:2:10: unknown format \"html\" (known: text, csv, json)");
    BOOST_TEST(config_error("[report]\ncolor = \"sometimes\"\n") ==
               "c.toml:2:9: unknown color \"sometimes\" (known: auto, always, never)");
    BOOST_TEST(config_error("tz = \"Mars/Olympus\"\n") ==
               "c.toml:1:6: unknown time zone \"Mars/Olympus\" (expected an IANA name such as "
               "Europe/Berlin)");
    BOOST_TEST(config_error("[report]\nfail_over = 101\n") ==
               "c.toml:2:13: fail_over must be a percentage from 0 to 100");
    BOOST_TEST(
        config_error("[report]\nworkweek = \"Mon-Fri 17:00-09:00\"\n").rfind("c.toml:2:12: ", 0) ==
        0);
}

BOOST_AUTO_TEST_CASE(a_toml_syntax_error_has_the_line_and_column_of_the_parser) {
    BOOST_TEST(config_error("tz = \"UTC\"\n[report\n") ==
               "c.toml:2:8: Error while parsing table header: expected ']', saw '\\n'");
}

BOOST_AUTO_TEST_CASE(a_relative_rules_path_is_read_from_the_config_files_folder) {
    SettingLayer layer =
        parse_config("rules = \"rules/team.toml\"\n", "/etc/xdg/busywork/config.toml");
    BOOST_TEST(std::get<std::string>(layer.at("rules").value) ==
               "/etc/xdg/busywork/rules/team.toml");
    layer = parse_config("rules = \"/srv/rules.toml\"\n", "/etc/xdg/busywork/config.toml");
    BOOST_TEST(std::get<std::string>(layer.at("rules").value) == "/srv/rules.toml");
    ScopedEnv home("HOME", std::string("/home/anna"));
    layer = parse_config("rules = \"~/rules.toml\"\n", "/etc/xdg/busywork/config.toml");
    BOOST_TEST(std::get<std::string>(layer.at("rules").value) == "/home/anna/rules.toml");
}

BOOST_AUTO_TEST_CASE(the_environment_sets_the_zone_the_owner_the_rules_and_the_salt) {
    SettingLayer layer =
        environment_settings(environment_of({{"BUSYWORK_TZ", "Europe/Copenhagen"},
                                             {"BUSYWORK_ME", "a@acme.de, b@acme.de c@acme.de"},
                                             {"BUSYWORK_RULES", "team.toml"},
                                             {"BUSYWORK_REDACT_SALT", "s3cret"},
                                             {"BUSYWORK_FORMAT", "csv"}}));
    BOOST_TEST(std::get<std::string>(layer.at("tz").value) == "Europe/Copenhagen");
    BOOST_TEST(layer.at("tz").origin.describe() == "environment BUSYWORK_TZ");
    BOOST_TEST(std::get<std::vector<std::string>>(layer.at("me").value) ==
                   (std::vector<std::string>{"a@acme.de", "b@acme.de", "c@acme.de"}),
               boost::test_tools::per_element());
    BOOST_TEST(std::get<std::string>(layer.at("rules").value) == "team.toml");
    BOOST_TEST(std::get<std::string>(layer.at("redact_salt").value) == "s3cret");
    // There is no BUSYWORK_FORMAT: report and events have different formats.
    BOOST_TEST(layer.size() == 4);
}

BOOST_AUTO_TEST_CASE(a_bad_environment_value_is_a_usage_error_naming_the_variable) {
    BOOST_TEST(usage_error(environment_of({{"BUSYWORK_TZ", "Mars/Olympus"}})) ==
               "BUSYWORK_TZ: unknown time zone \"Mars/Olympus\" (expected an IANA name such as "
               "Europe/Berlin)");
}

// The precedence matrix: for each combination of sources that give a setting, the first of
// command line > environment > config file > default decides.
//
//   command line  environment  config file   decides
//   -             -            -             default
//   -             -            yes           config file
//   -             yes          -             environment
//   -             yes          yes           environment
//   yes           -            -             command line
//   yes           -            yes           command line
//   yes           yes          -             command line
//   yes           yes          yes           command line
BOOST_AUTO_TEST_CASE(the_first_source_that_gives_a_setting_decides) {
    for (int mask = 0; mask < 8; ++mask) {
        bool cli = mask & 4, env = mask & 2, file = mask & 1;
        SettingLayer command_line, environment, config_file;
        if (cli)
            command_line["tz"] = {std::string("UTC"), SettingOrigin::command_line("--tz")};
        if (env)
            environment["tz"] = {std::string("Europe/Copenhagen"),
                                 SettingOrigin::environment("BUSYWORK_TZ")};
        if (file)
            config_file["tz"] = {std::string("Europe/Berlin"),
                                 SettingOrigin::config_file("c.toml", 3)};
        EffectiveSettings settings = resolve_settings(command_line, environment, config_file);
        std::string expected_zone = cli    ? "UTC"
                                    : env  ? "Europe/Copenhagen"
                                    : file ? "Europe/Berlin"
                                           : "";
        std::string expected_origin = cli    ? "command line --tz"
                                      : env  ? "environment BUSYWORK_TZ"
                                      : file ? "c.toml:3"
                                             : "default";
        BOOST_TEST_CONTEXT("command line " << cli << ", environment " << env << ", file " << file) {
            BOOST_TEST(settings.tz == expected_zone);
            BOOST_TEST(resolved(settings, "tz").origin.describe() == expected_origin);
        }
    }
}

BOOST_AUTO_TEST_CASE(settings_are_decided_one_by_one) {
    SettingLayer command_line{
        {"report.format", {std::string("json"), SettingOrigin::command_line("--format")}}};
    SettingLayer environment{
        {"me",
         {std::vector<std::string>{"anna@acme.de"}, SettingOrigin::environment("BUSYWORK_ME")}}};
    SettingLayer file{
        {"report.format", {std::string("csv"), SettingOrigin::config_file("c.toml", 5)}},
        {"events.format", {std::string("csv"), SettingOrigin::config_file("c.toml", 8)}},
        {"me", {std::vector<std::string>{"bob@acme.de"}, SettingOrigin::config_file("c.toml", 2)}},
        {"strict", {true, SettingOrigin::config_file("c.toml", 3)}}};
    EffectiveSettings settings = resolve_settings(command_line, environment, file);
    BOOST_TEST(settings.report_format == "json");
    BOOST_TEST(settings.events_format == "csv");
    BOOST_TEST(settings.me == std::vector<std::string>{"anna@acme.de"},
               boost::test_tools::per_element());
    BOOST_TEST(settings.strict);
    BOOST_TEST(settings.color == "auto");
    BOOST_TEST(!settings.fail_over);
    BOOST_TEST(resolved(settings, "report.color").origin.describe() == "default");
    BOOST_TEST(resolved(settings, "strict").origin.describe() == "c.toml:3");
}

BOOST_AUTO_TEST_CASE(the_config_file_is_chosen_by_option_then_variable_then_xdg_then_home) {
    TempDir dir;
    std::string xdg_file = dir.write("xdg/busywork/config.toml", "");
    std::string home_file = dir.write("home/.config/busywork/config.toml", "");
    std::string xdg = (dir.path() / "xdg").string(), home = (dir.path() / "home").string();

    auto env = environment_of(
        {{"BUSYWORK_CONFIG", "/srv/busywork.toml"}, {"XDG_CONFIG_HOME", xdg}, {"HOME", home}});
    BOOST_TEST(choose_config_file("mine.toml", false, env).path == "mine.toml");
    BOOST_TEST(choose_config_file("mine.toml", false, env).required);
    BOOST_TEST(choose_config_file("", false, env).path == "/srv/busywork.toml");
    BOOST_TEST(choose_config_file("", false, env).reason == "BUSYWORK_CONFIG");
    BOOST_TEST(choose_config_file("", true, env).path == "");
    BOOST_TEST(
        choose_config_file("", false, environment_of({{"XDG_CONFIG_HOME", xdg}, {"HOME", home}}))
            .path == xdg_file);
    BOOST_TEST(choose_config_file("", false, environment_of({{"HOME", home}})).path == home_file);
    ConfigFileChoice none = choose_config_file("", false, environment_of({{"HOME", xdg}}));
    BOOST_TEST(none.path == "");
    BOOST_TEST(none.reason == "none: " + xdg + "/.config/busywork/config.toml does not exist");
    BOOST_CHECK_THROW(choose_config_file("mine.toml", true, env), UsageError);
}

BOOST_AUTO_TEST_CASE(
    a_named_config_file_that_cannot_be_read_is_an_error_and_a_missing_default_is_none) {
    BOOST_CHECK_THROW(read_config_file({"/nonexistent/busywork.toml", "--config", true}),
                      UsageError);
    BOOST_TEST(read_config_file({"", "none", false}).empty());
}

BOOST_AUTO_TEST_CASE(load_settings_reads_the_environment_and_the_file) {
    TempDir dir;
    dir.write("busywork/config.toml", "tz = \"Europe/Berlin\"\n[report]\nformat = \"markdown\"\n");
    auto env = environment_of({{"XDG_CONFIG_HOME", dir.path().string()}, {"BUSYWORK_TZ", "UTC"}});
    EffectiveSettings settings = load_settings({}, "", false, env);
    BOOST_TEST(settings.tz == "UTC");
    BOOST_TEST(settings.report_format == "markdown");
    BOOST_TEST(resolved(settings, "report.format").origin.describe() ==
               (dir.path() / "busywork/config.toml").string() + ":3");
    BOOST_TEST(load_settings({}, "", true, env).report_format == "text");
}

BOOST_AUTO_TEST_CASE(the_printed_settings_say_where_each_came_from_and_hide_the_salt) {
    SettingLayer environment{
        {"tz", {std::string("UTC"), SettingOrigin::environment("BUSYWORK_TZ")}},
        {"redact_salt",
         {std::string("s3cret"), SettingOrigin::environment("BUSYWORK_REDACT_SALT")}}};
    SettingLayer file{
        {"report.format", {std::string("csv"), SettingOrigin::config_file("/c.toml", 5)}}};
    EffectiveSettings settings = resolve_settings({}, environment, file);
    settings.config_file = {"/c.toml", "--config", true};
    std::string printed = render_settings(settings, "Europe/Berlin", "");
    BOOST_TEST(printed ==
               "# busywork: the effective settings, and where each comes from\n"
               "# (command line > environment > config file > default).\n"
               "# config file: /c.toml (--config)\n"
               "tz = \"UTC\"                          # environment BUSYWORK_TZ\n"
               "# rules is not set (default: $XDG_CONFIG_HOME/busywork/rules.toml when it "
               "exists, else the built-in rules)\n"
               "me = []                             # default: inferred from each calendar\n"
               "internal_domains = []               # default: the owner's domain\n"
               "strict = false                      # default: false\n"
               "redact = false                      # default: false\n"
               "# redact_salt is set (environment BUSYWORK_REDACT_SALT); its value is not shown\n"
               "quiet = false                       # default: false\n"
               "\n"
               "[report]\n"
               "format = \"csv\"                      # /c.toml:5\n"
               "color = \"auto\"                      # default: auto\n"
               "# workweek is not set (default: the rules file's working_week)\n"
               "per_calendar = false                # default: false\n"
               "# fail_over is not set (default: no threshold)\n"
               "\n"
               "[events]\n"
               "format = \"text\"                     # default: text\n");
    BOOST_TEST(printed.find("s3cret") == std::string::npos);
    // What it prints is a config file that gives the same settings.
    SettingLayer again = parse_config(printed, "/again.toml");
    BOOST_TEST(std::get<std::string>(again.at("tz").value) == "UTC");
    BOOST_TEST(std::get<std::string>(again.at("report.format").value) == "csv");
}

BOOST_AUTO_TEST_SUITE_END()

// ---- end to end: the binary with temporary XDG_CONFIG_HOME folders ---------------------------

namespace {

const std::string google = source_path("samples/google_rep.ics");

// A config home of the test's own, and none of the caller's BUSYWORK_* variables.
struct ConfigHome {
    TempDir dir;
    ScopedEnv xdg{"XDG_CONFIG_HOME", dir.path().string()};
    ScopedEnv unset_tz{"BUSYWORK_TZ", std::nullopt};
    ScopedEnv unset_me{"BUSYWORK_ME", std::nullopt};
    ScopedEnv unset_rules{"BUSYWORK_RULES", std::nullopt};
    ScopedEnv unset_config{"BUSYWORK_CONFIG", std::nullopt};
    ScopedEnv unset_salt{"BUSYWORK_REDACT_SALT", std::nullopt};

    std::string write_config(const std::string& text) const {
        return dir.write("busywork/config.toml", text);
    }
};

// The first event row's start in `events --format csv` output.
std::string first_start(const RunResult& run) {
    auto rows = csv_rows(run.out);
    return rows.empty() ? "" : rows.front().at("start");
}

std::vector<std::string> monday_events(std::vector<std::string> more = {}) {
    std::vector<std::string> args{"events", google, "--from", "2026-10-19", "--to", "2026-10-19"};
    args.insert(args.end(), more.begin(), more.end());
    return args;
}

} // namespace

BOOST_FIXTURE_TEST_SUITE(config_cli, ConfigHome)

// The sample's first Monday meeting is the stand-up at 09:00 Berlin, 07:00 UTC.
BOOST_AUTO_TEST_CASE(the_config_file_gives_the_zone_and_the_format) {
    write_config("tz = \"Europe/Berlin\"\n[events]\nformat = \"csv\"\n");
    RunResult run = run_busywork(monday_events());
    BOOST_TEST(run.exit_code == 0, run.err);
    BOOST_TEST(first_start(run) == "2026-10-19T09:00:00+02:00");
}

BOOST_AUTO_TEST_CASE(the_environment_beats_the_config_file_and_the_command_line_beats_both) {
    write_config("tz = \"Europe/Berlin\"\n[events]\nformat = \"csv\"\n");
    {
        ScopedEnv zone("BUSYWORK_TZ", std::string("UTC"));
        BOOST_TEST(first_start(run_busywork(monday_events())) == "2026-10-19T07:00:00+00:00");
        BOOST_TEST(first_start(run_busywork(monday_events({"--tz", "Europe/London"}))) ==
                   "2026-10-19T08:00:00+01:00");
    }
    RunResult text = run_busywork(monday_events({"--format", "text", "--tz", "UTC"}));
    BOOST_TEST(text.out.find("uid,start") == std::string::npos);
    BOOST_TEST(text.out.find("Mon 2026-10-19 07:00") != std::string::npos, text.out);
}

BOOST_AUTO_TEST_CASE(busywork_config_prints_each_setting_with_its_origin) {
    std::string path = write_config("# Anna's defaults\ntz = \"Europe/Berlin\"\nme = "
                                    "\"anna.schmidt@acme-sales.de\"\n[report]\nformat = \"csv\"\n");
    ScopedEnv zone("BUSYWORK_TZ", std::string("UTC"));
    RunResult run = run_busywork({"config", "--me", "x@acme-sales.de"});
    BOOST_TEST(run.exit_code == 0, run.err);
    BOOST_TEST(run.out.find("# config file: " + path +
                            " ($XDG_CONFIG_HOME/busywork/config.toml)\n") != std::string::npos,
               run.out);
    BOOST_TEST(run.out.find("tz = \"UTC\"                          # environment BUSYWORK_TZ\n") !=
               std::string::npos);
    BOOST_TEST(run.out.find("me = [\"x@acme-sales.de\"]" + std::string(12, ' ') +
                            "# command line --me\n") != std::string::npos);
    BOOST_TEST(run.out.find("format = \"csv\"                      # " + path + ":5\n") !=
               std::string::npos);
    BOOST_TEST(run.out.find("strict = false                      # default: false\n") !=
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_inferred_line_names_where_the_owner_came_from) {
    std::string path = write_config("tz = \"UTC\"\nme = \"markus.becker@acme-sales.de\"\n");
    RunResult run = run_busywork(monday_events());
    BOOST_TEST(
        run.out.rfind(google + ": owner markus.becker@acme-sales.de (from " + path + ":2)", 0) == 0,
        run.out);
    ScopedEnv me("BUSYWORK_ME", std::string("anna.schmidt@acme-sales.de"));
    run = run_busywork(monday_events());
    BOOST_TEST(run.out.rfind(google + ": owner anna.schmidt@acme-sales.de (from BUSYWORK_ME)", 0) ==
                   0,
               run.out);
    run = run_busywork(monday_events({"--me", "anna.schmidt@acme-sales.de"}));
    BOOST_TEST(run.out.rfind(google + ": owner anna.schmidt@acme-sales.de (from --me)", 0) == 0,
               run.out);
}

BOOST_AUTO_TEST_CASE(config_and_no_config_choose_another_file_or_none) {
    write_config("[events]\nformat = \"csv\"\n");
    std::string other = dir.write("other.toml", "[events]\nformat = \"json\"\n");
    BOOST_TEST(run_busywork(monday_events()).out.rfind("uid,start", 0) == 0);
    BOOST_TEST(run_busywork(monday_events({"--config", other})).out.rfind("{", 0) == 0);
    BOOST_TEST(run_busywork(monday_events({"--no-config", "--tz", "UTC"})).out.find("uid,start") ==
               std::string::npos);
    ScopedEnv named("BUSYWORK_CONFIG", other);
    BOOST_TEST(run_busywork(monday_events()).out.rfind("{", 0) == 0);
}

BOOST_AUTO_TEST_CASE(a_config_file_that_cannot_be_read_or_parsed_is_a_usage_error) {
    RunResult missing = run_busywork(monday_events({"--config", "/nonexistent/busywork.toml"}));
    BOOST_TEST(missing.exit_code == 2);
    BOOST_TEST(missing.err == "busywork: error: cannot read the config file "
                              "/nonexistent/busywork.toml (named by --config)\n");
    std::string path = write_config("tz = \"UTC\"\n\n[report]\nformt = \"csv\"\n");
    RunResult bad = run_busywork(monday_events());
    BOOST_TEST(bad.exit_code == 2);
    BOOST_TEST(bad.err == path + ":4:1: unknown key \"formt\" in [report] (known: format, color, "
                                 "workweek, per_calendar, fail_over)\n");
    RunResult both = run_busywork(monday_events({"--config", path, "--no-config"}));
    BOOST_TEST(both.exit_code == 2);
    BOOST_TEST(both.err == "busywork: error: --config and --no-config exclude each other\n");
    ScopedEnv zone("BUSYWORK_TZ", std::string("Mars/Olympus"));
    RunResult env = run_busywork(monday_events({"--no-config"}));
    BOOST_TEST(env.exit_code == 2);
    BOOST_TEST(env.err == "busywork: error: BUSYWORK_TZ: unknown time zone \"Mars/Olympus\" "
                          "(expected an IANA name such as Europe/Berlin)\n");
}

BOOST_AUTO_TEST_CASE(the_rules_path_of_the_config_file_is_relative_to_it) {
    dir.write("busywork/team-rules.toml", "[[rule]]\nname = \"stand-up-is-solo\"\ncategory = "
                                          "\"solo\"\ntitle = [\"Stand-up\"]\n");
    write_config(
        "tz = \"Europe/Berlin\"\nrules = \"team-rules.toml\"\n[events]\nformat = \"csv\"\n");
    auto rows = csv_rows(run_busywork(monday_events()).out);
    BOOST_REQUIRE(!rows.empty());
    BOOST_TEST(rows.front().at("rule") == "stand-up-is-solo");
    ScopedEnv rules("BUSYWORK_RULES", std::string("/nonexistent/rules.toml"));
    BOOST_TEST(run_busywork(monday_events()).exit_code == 1);
}

BOOST_AUTO_TEST_CASE(strict_in_the_config_file_is_undone_by_no_strict) {
    std::string calendar = dir.write("broken.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
                                                   "BEGIN:VEVENT\r\nUID:no-start\r\nSUMMARY:x\r\n"
                                                   "END:VEVENT\r\nEND:VCALENDAR\r\n");
    write_config("strict = true\ntz = \"UTC\"\n");
    std::vector<std::string> args{"events", calendar, "--from", "2026-10-19", "--to", "2026-10-19"};
    BOOST_TEST(run_busywork(args).exit_code == 4);
    args.push_back("--no-strict");
    BOOST_TEST(run_busywork(args).exit_code == 0);
}

BOOST_AUTO_TEST_CASE(report_settings_come_from_the_report_table) {
    write_config("tz = \"Europe/Berlin\"\n[report]\nformat = \"csv\"\nworkweek = \"Mon-Fri "
                 "08:30-17:30\"\nper_calendar = true\n");
    RunResult run = run_busywork({"report", google, "--week", "2026-W43"});
    BOOST_TEST(run.exit_code == 0, run.err);
    auto rows = csv_rows(run.out);
    BOOST_REQUIRE(rows.size() == 2); // the file and the team
    // 5 days of 9 h: 2700 minutes.
    BOOST_TEST(rows.front().at("working_min") == "2700");
    BOOST_TEST(rows.front().count("calendar") == 1);
    auto plain = csv_rows(run_busywork({"report", google, "--week", "2026-W43", "--no-per-calendar",
                                        "--workweek", "Mon-Fri 09:00-17:00"})
                              .out);
    BOOST_REQUIRE(plain.size() == 1);
    BOOST_TEST(plain.front().at("working_min") == "2400");
}

BOOST_AUTO_TEST_SUITE_END()
