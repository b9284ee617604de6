// SPDX-License-Identifier: MIT
#pragma once

#include <busywork/error.hpp>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace busywork {

/// A mistake in a config file, at the line and column where it is.
class ConfigError : public Error {
public:
    ConfigError(const std::string& file, int line, int column, const std::string& message)
        : Error(file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + message) {
    }
};

/// Where the value of a setting came from, for `busywork config`.
struct SettingOrigin {
    enum class Kind { built_in, config_file, environment, command_line };
    Kind kind = Kind::built_in;
    std::string where; ///< the option ("--tz"), the variable ("BUSYWORK_TZ") or the file's path
    int line = 0;      ///< in the config file

    static SettingOrigin command_line(std::string option);
    static SettingOrigin environment(std::string variable);
    static SettingOrigin config_file(std::string path, int line);

    /// "command line --tz", "environment BUSYWORK_TZ", "/home/anna/.config/busywork/config.toml:3"
    /// or "default".
    std::string describe() const;
};

/// A setting's value as a config file writes it.
using SettingValue = std::variant<bool, double, std::string, std::vector<std::string>>;

struct Setting {
    SettingValue value;
    SettingOrigin origin;
};

/// What one source (the command line, the environment, a config file) says, by key: "tz",
/// "report.format". A key that is absent says nothing, so a lower source decides.
using SettingLayer = std::map<std::string, Setting, std::less<>>;

enum class SettingType { string, boolean, number, strings };

/// One setting: its key in the config file (`report.format` is `format` in `[report]`), its
/// environment variable and command-line option when it has them, and its default.
struct SettingSpec {
    std::string_view key;
    SettingType type;
    std::string_view variable; ///< empty when there is none
    std::string_view option;   ///< empty when there is none
    std::string_view default_meaning;
};

/// Every setting, in the order `busywork config` prints them.
std::span<const SettingSpec> setting_specs();

/// Reads the environment; tests pass their own.
using Environment = std::function<std::optional<std::string>(const std::string& name)>;

/// The process environment; unset and empty variables are nothing.
std::optional<std::string> process_environment(const std::string& name);

/// Which config file is read, and why.
struct ConfigFileChoice {
    std::string path;      ///< empty when none is read
    std::string reason;    ///< "--config", "BUSYWORK_CONFIG", "$XDG_CONFIG_HOME" …, or why none
    bool required = false; ///< named explicitly, so that a missing file is an error
};

/// The config file: none with `no_config`, else `--config FILE`, else `$BUSYWORK_CONFIG`,
/// else `$XDG_CONFIG_HOME/busywork/config.toml` (or `~/.config/busywork/config.toml`) when it
/// exists. Throws `UsageError` when both options are given.
ConfigFileChoice choose_config_file(const std::string& config_option, bool no_config,
                                    const Environment& environment = process_environment);

/// Parses a config file. Unknown keys, values of the wrong type and bad values (an unknown
/// format or zone, a malformed working week) throw `ConfigError` at the value. A relative
/// `rules` path is taken from the config file's folder, and `~/` is the home folder.
SettingLayer parse_config(std::string_view text, const std::string& path);

/// `parse_config` of the chosen file; nothing when there is none. Throws `Error` when a file
/// named by `--config` or `BUSYWORK_CONFIG` cannot be read.
SettingLayer read_config_file(const ConfigFileChoice& choice);

/// The `BUSYWORK_*` variables that set something (`BUSYWORK_TZ`, `BUSYWORK_ME` as a list
/// separated by commas or spaces, `BUSYWORK_RULES`, `BUSYWORK_REDACT_SALT`). Throws
/// `UsageError` naming the variable when a value is bad.
SettingLayer environment_settings(const Environment& environment = process_environment);

/// One setting's effective value and where it came from; no value when it was left unset
/// (a default that means "decide later", such as the system zone).
struct ResolvedSetting {
    const SettingSpec* spec = nullptr;
    std::optional<SettingValue> value;
    SettingOrigin origin;
};

/// Every setting of a run, decided.
struct EffectiveSettings {
    std::string tz;    ///< empty: the system zone
    std::string rules; ///< empty: the user's rules file, else the built-in rules
    std::vector<std::string> me;
    std::vector<std::string> internal_domains;
    bool strict = false;
    bool redact = false;
    bool quiet = false; ///< no progress line or informational lines on standard error
    std::string redact_salt;
    std::string report_format = "text"; ///< text, csv, json, markdown or html
    std::string color = "auto";         ///< auto, always or never
    std::string workweek;               ///< empty: the rules file's working week
    bool per_calendar = false;
    std::optional<double> fail_over;    ///< percent
    std::string events_format = "text"; ///< text, csv or json

    std::vector<ResolvedSetting> resolved; ///< every setting, in `setting_specs()` order
    ConfigFileChoice config_file;
};

/// Decides each setting, the first source that gives it winning:
///   1. the command line,
///   2. the environment,
///   3. the config file,
///   4. the built-in default.
EffectiveSettings resolve_settings(const SettingLayer& command_line,
                                   const SettingLayer& environment, const SettingLayer& file);

/// The whole search for one run: reads the environment and the chosen config file, and
/// resolves. The command line's values are checked where they are used, as before there was a
/// config file, so that its messages stay the same.
EffectiveSettings load_settings(const SettingLayer& command_line, const std::string& config_option,
                                bool no_config,
                                const Environment& environment = process_environment);

/// For `busywork config`: a config file that gives the effective settings, each line saying
/// where its value came from. The salt's value is never printed. `system_zone` and
/// `user_rules` describe what the unset defaults mean on this machine.
std::string render_settings(const EffectiveSettings& settings, const std::string& system_zone,
                            const std::string& user_rules);

} // namespace busywork
