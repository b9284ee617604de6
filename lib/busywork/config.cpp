// SPDX-License-Identifier: MIT
#include <algorithm>
#include <busywork/config.hpp>
#include <busywork/time_zones.hpp>
#include <busywork/working_week.hpp>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <toml++/toml.h>

namespace busywork {

namespace {

namespace fs = std::filesystem;

constexpr SettingSpec specs[] = {
    {"tz", SettingType::string, "BUSYWORK_TZ", "--tz", "the system zone"},
    {"rules", SettingType::string, "BUSYWORK_RULES", "--rules",
     "$XDG_CONFIG_HOME/busywork/rules.toml when it exists, else the built-in rules"},
    {"me", SettingType::strings, "BUSYWORK_ME", "--me", "inferred from each calendar"},
    {"internal_domains", SettingType::strings, "", "--internal-domain", "the owner's domain"},
    {"strict", SettingType::boolean, "", "--strict", "false"},
    {"redact", SettingType::boolean, "", "--redact", "false"},
    {"redact_salt", SettingType::string, "BUSYWORK_REDACT_SALT", "",
     "the same text has the same pseudonym for everyone"},
    {"quiet", SettingType::boolean, "", "--quiet", "false"},
    {"report.format", SettingType::string, "", "--format", "text"},
    {"report.color", SettingType::string, "", "--color", "auto"},
    {"report.workweek", SettingType::string, "", "--workweek", "the rules file's working_week"},
    {"report.per_calendar", SettingType::boolean, "", "--per-calendar", "false"},
    {"report.fail_over", SettingType::number, "", "--fail-over", "no threshold"},
    {"events.format", SettingType::string, "", "--format", "text"},
};

constexpr std::string_view tables[] = {"report", "events"};

const SettingSpec* find_spec(std::string_view key) {
    for (const auto& s : specs)
        if (s.key == key)
            return &s;
    return nullptr;
}

// Values that a default leaves open are absent: the zone is the system's, the working week
// the rules file's, and so on.
std::optional<SettingValue> default_value(std::string_view key) {
    if (key == "me" || key == "internal_domains")
        return std::vector<std::string>{};
    if (key == "strict" || key == "redact" || key == "quiet" || key == "report.per_calendar")
        return false;
    if (key == "report.format" || key == "events.format")
        return std::string("text");
    if (key == "report.color")
        return std::string("auto");
    return std::nullopt;
}

std::string join(const std::vector<std::string>& items, std::string_view separator = ", ") {
    std::string out;
    for (const auto& i : items)
        out += (out.empty() ? "" : std::string(separator)) + i;
    return out;
}

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

std::string one_of(const std::string& value, std::string_view what,
                   const std::vector<std::string>& known) {
    std::string folded = lower(value);
    if (std::find(known.begin(), known.end(), folded) == known.end())
        throw std::invalid_argument("unknown " + std::string(what) + " \"" + value +
                                    "\" (known: " + join(known) + ")");
    return folded;
}

// Checks one value wherever it came from, and returns it in its canonical spelling. Throws
// std::invalid_argument with a message that the caller places.
SettingValue checked(const SettingSpec& spec, SettingValue value) {
    std::string_view key = spec.key;
    if (auto* text = std::get_if<std::string>(&value)) {
        if (key == "tz" && !text->empty()) {
            try {
                (void)report_zone(*text);
            } catch (const UsageError& e) {
                throw std::invalid_argument(e.what());
            }
        } else if (key == "report.format")
            return one_of(*text, "format", {"text", "csv", "json", "markdown", "html"});
        else if (key == "events.format")
            return one_of(*text, "format", {"text", "csv", "json"});
        else if (key == "report.color")
            return one_of(*text, "color", {"auto", "always", "never"});
        else if (key == "report.workweek" && !text->empty())
            (void)parse_working_week(*text);
    }
    if (auto* number = std::get_if<double>(&value);
        number && key == "report.fail_over" && !(*number >= 0.0 && *number <= 100.0))
        throw std::invalid_argument("fail_over must be a percentage from 0 to 100");
    return value;
}

std::string_view type_words(SettingType type) {
    switch (type) {
    case SettingType::string:
        return "a string";
    case SettingType::boolean:
        return "true or false";
    case SettingType::number:
        return "a number";
    case SettingType::strings:
        return "a string or a list of strings";
    }
    return "";
}

std::string home_folder() {
    const char* home = std::getenv("HOME");
    return home ? home : "";
}

// A path in a config file means the same wherever busywork is started from.
std::string path_from_config(const std::string& written, const std::string& config_path) {
    if (written.empty())
        return written;
    if (written == "~" || written.rfind("~/", 0) == 0)
        return home_folder() + written.substr(1);
    fs::path path(written);
    if (path.is_absolute())
        return written;
    return (fs::path(config_path).parent_path() / path).lexically_normal().string();
}

// Reads one config file, turning every mistake into a ConfigError at the offending value.
class ConfigReader {
public:
    explicit ConfigReader(std::string file) : m_file(std::move(file)) {}

    SettingLayer read(std::string_view text) const {
        toml::table root;
        try {
            root = toml::parse(text, m_file);
        } catch (const toml::parse_error& e) {
            fail(e.source(), std::string(e.description()));
        }
        SettingLayer layer;
        read_table(root, "", layer);
        return layer;
    }

private:
    [[noreturn]] void fail(const toml::source_region& where, const std::string& message) const {
        throw ConfigError(m_file, static_cast<int>(where.begin.line),
                          static_cast<int>(where.begin.column), message);
    }

    void read_table(const toml::table& table, const std::string& prefix,
                    SettingLayer& layer) const {
        for (const auto& [key, node] : table) {
            std::string name(key.str());
            if (prefix.empty() &&
                std::find(std::begin(tables), std::end(tables), name) != std::end(tables)) {
                const toml::table* inner = node.as_table();
                if (!inner)
                    fail(node.source(), name + " must be a [" + name + "] table");
                read_table(*inner, name + ".", layer);
                continue;
            }
            const SettingSpec* spec = find_spec(prefix + name);
            if (!spec)
                unknown_key(key, prefix);
            SettingValue value = typed(node, *spec, name);
            if (spec->key == "rules")
                value = path_from_config(std::get<std::string>(value), m_file);
            try {
                value = checked(*spec, std::move(value));
            } catch (const std::invalid_argument& e) {
                fail(node.source(), e.what());
            }
            layer[std::string(spec->key)] = {
                std::move(value),
                SettingOrigin::config_file(m_file, static_cast<int>(key.source().begin.line))};
        }
    }

    [[noreturn]] void unknown_key(const toml::key& key, const std::string& prefix) const {
        std::string name(key.str());
        std::vector<std::string> known;
        for (const auto& s : specs) {
            std::string_view k = s.key;
            bool in_table = k.find('.') != std::string_view::npos;
            if (prefix.empty() && !in_table)
                known.emplace_back(k);
            else if (!prefix.empty() && k.substr(0, prefix.size()) == prefix)
                known.emplace_back(k.substr(prefix.size()));
        }
        if (prefix.empty()) {
            for (auto t : tables)
                known.push_back("[" + std::string(t) + "]");
            // The setting exists, in a table: say which.
            std::vector<std::string> homes;
            for (auto t : tables)
                if (find_spec(std::string(t) + "." + name))
                    homes.push_back("[" + std::string(t) + "]");
            if (!homes.empty())
                fail(key.source(), "\"" + name + "\" belongs in " + join(homes, " or "));
        }
        std::string where =
            prefix.empty() ? "" : " in [" + prefix.substr(0, prefix.size() - 1) + "]";
        fail(key.source(),
             "unknown key \"" + name + "\"" + where + " (known: " + join(known) + ")");
    }

    SettingValue typed(const toml::node& node, const SettingSpec& spec,
                       const std::string& name) const {
        auto wrong = [&]() {
            fail(node.source(), name + " must be " + std::string(type_words(spec.type)));
        };
        switch (spec.type) {
        case SettingType::string:
            if (auto s = node.value_exact<std::string>())
                return *s;
            break;
        case SettingType::boolean:
            if (auto b = node.value_exact<bool>())
                return *b;
            break;
        case SettingType::number:
            if (node.is_integer() || node.is_floating_point())
                return *node.value<double>();
            break;
        case SettingType::strings:
            if (auto s = node.value_exact<std::string>())
                return std::vector<std::string>{*s};
            if (const toml::array* array = node.as_array()) {
                std::vector<std::string> items;
                for (const auto& item : *array) {
                    auto s = item.value_exact<std::string>();
                    if (!s)
                        fail(item.source(), name + " must be a string or a list of strings");
                    items.push_back(*s);
                }
                return items;
            }
            break;
        }
        wrong();
        return {};
    }

    std::string m_file;
};

std::vector<std::string> split_list(const std::string& text) {
    std::vector<std::string> items;
    std::string item;
    for (char c : text) {
        if (c == ',' || std::isspace(static_cast<unsigned char>(c))) {
            if (!item.empty())
                items.push_back(std::move(item));
            item.clear();
        } else {
            item += c;
        }
    }
    if (!item.empty())
        items.push_back(std::move(item));
    return items;
}

SettingValue from_environment(const SettingSpec& spec, const std::string& text) {
    switch (spec.type) {
    case SettingType::string:
        return text;
    case SettingType::strings:
        return split_list(text);
    case SettingType::boolean: {
        std::string folded = lower(text);
        if (folded == "1" || folded == "true" || folded == "yes" || folded == "on")
            return true;
        if (folded == "0" || folded == "false" || folded == "no" || folded == "off")
            return false;
        throw std::invalid_argument("\"" + text + "\" is not true or false");
    }
    case SettingType::number: {
        char* end = nullptr;
        double number = std::strtod(text.c_str(), &end);
        if (end == text.c_str() || *end != '\0' || !std::isfinite(number))
            throw std::invalid_argument("\"" + text + "\" is not a number");
        return number;
    }
    }
    return text;
}

std::string toml_quoted(const std::string& text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
            char buffer[8];
            std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned char>(c));
            out += buffer;
        } else {
            out += c;
        }
    }
    return out + "\"";
}

std::string toml_value(const SettingValue& value) {
    if (auto* b = std::get_if<bool>(&value))
        return *b ? "true" : "false";
    if (auto* n = std::get_if<double>(&value)) {
        std::ostringstream out;
        out.imbue(std::locale::classic());
        out << *n;
        return out.str();
    }
    if (auto* s = std::get_if<std::string>(&value))
        return toml_quoted(*s);
    std::vector<std::string> quoted;
    for (const auto& s : std::get<std::vector<std::string>>(value))
        quoted.push_back(toml_quoted(s));
    return "[" + join(quoted) + "]";
}

std::string padded(std::string text, std::size_t width) {
    if (text.size() < width)
        text += std::string(width - text.size(), ' ');
    return text;
}

} // namespace

SettingOrigin SettingOrigin::command_line(std::string option) {
    return {Kind::command_line, std::move(option), 0};
}

SettingOrigin SettingOrigin::environment(std::string variable) {
    return {Kind::environment, std::move(variable), 0};
}

SettingOrigin SettingOrigin::config_file(std::string path, int line) {
    return {Kind::config_file, std::move(path), line};
}

std::string SettingOrigin::describe() const {
    switch (kind) {
    case Kind::command_line:
        return "command line " + where;
    case Kind::environment:
        return "environment " + where;
    case Kind::config_file:
        return where + ":" + std::to_string(line);
    case Kind::built_in:
        break;
    }
    return "default";
}

std::span<const SettingSpec> setting_specs() {
    return specs;
}

std::optional<std::string> process_environment(const std::string& name) {
    const char* value = std::getenv(name.c_str());
    if (!value || !*value)
        return std::nullopt;
    return std::string(value);
}

ConfigFileChoice choose_config_file(const std::string& config_option, bool no_config,
                                    const Environment& environment) {
    if (no_config && !config_option.empty())
        throw UsageError("--config and --no-config exclude each other");
    if (no_config)
        return {"", "--no-config", false};
    if (!config_option.empty())
        return {config_option, "--config", true};
    if (auto named = environment("BUSYWORK_CONFIG"))
        return {*named, "BUSYWORK_CONFIG", true};
    fs::path candidate;
    std::string reason;
    if (auto xdg = environment("XDG_CONFIG_HOME")) {
        candidate = fs::path(*xdg) / "busywork" / "config.toml";
        reason = "$XDG_CONFIG_HOME/busywork/config.toml";
    } else if (auto home = environment("HOME")) {
        candidate = fs::path(*home) / ".config" / "busywork" / "config.toml";
        reason = "~/.config/busywork/config.toml";
    } else {
        return {"", "none: neither XDG_CONFIG_HOME nor HOME is set", false};
    }
    std::error_code error;
    if (fs::is_regular_file(candidate, error))
        return {candidate.string(), reason, false};
    return {"", "none: " + candidate.string() + " does not exist", false};
}

SettingLayer parse_config(std::string_view text, const std::string& path) {
    return ConfigReader(path).read(text);
}

SettingLayer read_config_file(const ConfigFileChoice& choice) {
    if (choice.path.empty())
        return {};
    std::ifstream in(choice.path, std::ios::binary);
    std::error_code error;
    if (!in || fs::is_directory(choice.path, error))
        throw UsageError("cannot read the config file " + choice.path + " (named by " +
                         choice.reason + ")");
    std::stringstream buffer;
    buffer << in.rdbuf();
    return parse_config(buffer.str(), choice.path);
}

SettingLayer environment_settings(const Environment& environment) {
    SettingLayer layer;
    for (const auto& spec : specs) {
        if (spec.variable.empty())
            continue;
        std::string variable(spec.variable);
        auto text = environment(variable);
        if (!text)
            continue;
        try {
            layer[std::string(spec.key)] = {checked(spec, from_environment(spec, *text)),
                                            SettingOrigin::environment(variable)};
        } catch (const std::invalid_argument& e) {
            throw UsageError(variable + ": " + e.what());
        }
    }
    return layer;
}

EffectiveSettings resolve_settings(const SettingLayer& command_line,
                                   const SettingLayer& environment, const SettingLayer& file) {
    EffectiveSettings settings;
    for (const auto& spec : specs) {
        ResolvedSetting resolved{&spec, default_value(spec.key), SettingOrigin{}};
        for (const SettingLayer* layer : {&command_line, &environment, &file}) {
            if (auto it = layer->find(spec.key); it != layer->end()) {
                resolved.value = it->second.value;
                resolved.origin = it->second.origin;
                break;
            }
        }
        settings.resolved.push_back(std::move(resolved));
    }
    auto value = [&](std::string_view key) -> const std::optional<SettingValue>& {
        for (const auto& r : settings.resolved)
            if (r.spec->key == key)
                return r.value;
        throw std::logic_error("no setting " + std::string(key));
    };
    auto text = [&](std::string_view key, std::string& out) {
        if (const auto& v = value(key))
            out = std::get<std::string>(*v);
    };
    auto flag = [&](std::string_view key, bool& out) {
        if (const auto& v = value(key))
            out = std::get<bool>(*v);
    };
    text("tz", settings.tz);
    text("rules", settings.rules);
    if (const auto& v = value("me"))
        settings.me = std::get<std::vector<std::string>>(*v);
    if (const auto& v = value("internal_domains"))
        settings.internal_domains = std::get<std::vector<std::string>>(*v);
    flag("strict", settings.strict);
    flag("redact", settings.redact);
    text("redact_salt", settings.redact_salt);
    flag("quiet", settings.quiet);
    text("report.format", settings.report_format);
    text("report.color", settings.color);
    text("report.workweek", settings.workweek);
    flag("report.per_calendar", settings.per_calendar);
    if (const auto& v = value("report.fail_over"))
        settings.fail_over = std::get<double>(*v);
    text("events.format", settings.events_format);
    return settings;
}

EffectiveSettings load_settings(const SettingLayer& command_line, const std::string& config_option,
                                bool no_config, const Environment& environment) {
    ConfigFileChoice choice = choose_config_file(config_option, no_config, environment);
    SettingLayer variables = environment_settings(environment);
    EffectiveSettings settings =
        resolve_settings(command_line, variables, read_config_file(choice));
    settings.config_file = std::move(choice);
    return settings;
}

std::string render_settings(const EffectiveSettings& settings, const std::string& system_zone,
                            const std::string& user_rules) {
    std::string out = "# busywork: the effective settings, and where each comes from\n"
                      "# (command line > environment > config file > default).\n";
    const ConfigFileChoice& file = settings.config_file;
    out += file.path.empty() ? "# config file: " + file.reason + "\n"
                             : "# config file: " + file.path + " (" + file.reason + ")\n";
    constexpr std::size_t column = 34;
    std::string table;
    for (const auto& r : settings.resolved) {
        std::string_view key = r.spec->key;
        auto dot = key.find('.');
        std::string in_table = dot == std::string_view::npos ? "" : std::string(key.substr(0, dot));
        std::string name(dot == std::string_view::npos ? key : key.substr(dot + 1));
        if (in_table != table) {
            out += "\n[" + in_table + "]\n";
            table = in_table;
        }
        std::string origin = r.origin.kind == SettingOrigin::Kind::built_in
                                 ? "default: " + std::string(r.spec->default_meaning)
                                 : r.origin.describe();
        if (key == "redact_salt") {
            // A salt only protects while it is secret; saying where it is set is enough.
            out += r.value ? "# redact_salt is set (" + origin + "); its value is not shown\n"
                           : "# redact_salt is not set (" + origin + ")\n";
            continue;
        }
        if (!r.value || (key == "tz" && std::get<std::string>(*r.value).empty()) ||
            (key == "rules" && std::get<std::string>(*r.value).empty())) {
            if (key == "tz")
                out += padded("tz = " + toml_quoted(system_zone), column) + "  # " + origin + "\n";
            else if (key == "rules" && !user_rules.empty())
                out +=
                    padded("rules = " + toml_quoted(user_rules), column) + "  # " + origin + "\n";
            else
                out += "# " + name + " is not set (" + origin + ")\n";
            continue;
        }
        out += padded(name + " = " + toml_value(*r.value), column) + "  # " + origin + "\n";
    }
    return out;
}

} // namespace busywork
