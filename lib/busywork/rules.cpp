// SPDX-License-Identifier: MIT
#include <algorithm>
#include <busywork/rules.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <span>
#include <sstream>
#include <toml++/toml.h>

namespace busywork::embedded {
extern const unsigned char default_rules[];
extern const std::size_t default_rules_size;
} // namespace busywork::embedded

namespace busywork {

namespace {

constexpr std::string_view text_fields[] = {"title", "description", "location", "text"};

// Reads one rules file, turning every mistake into a RulesError at the offending value.
class RulesReader {
public:
    explicit RulesReader(std::string file) : m_file(std::move(file)) {}

    [[noreturn]] void fail(const toml::source_region& where, const std::string& message) const {
        throw RulesError(m_file, static_cast<int>(where.begin.line),
                         static_cast<int>(where.begin.column), message);
    }

    toml::table parse(std::string_view text) const {
        try {
            return toml::parse(text, m_file);
        } catch (const toml::parse_error& e) {
            fail(e.source(), std::string(e.description()));
        }
    }

    void reject_unknown_keys(const toml::table& table, std::span<const std::string_view> known,
                             std::string_view where) const {
        for (const auto& [key, value] : table) {
            if (std::find(known.begin(), known.end(), key.str()) != known.end())
                continue;
            std::string list;
            for (auto k : known)
                list += (list.empty() ? "" : ", ") + std::string(k);
            fail(key.source(), "unknown key \"" + std::string(key.str()) + "\" in " +
                                   std::string(where) + " (known: " + list + ")");
        }
    }

    std::string string(const toml::node& node, std::string_view key) const {
        if (auto s = node.value<std::string>())
            return *s;
        fail(node.source(), std::string(key) + " must be a string");
    }

    bool boolean(const toml::node& node, std::string_view key) const {
        if (auto b = node.value<bool>(); b && node.is_boolean())
            return *b;
        fail(node.source(), std::string(key) + " must be true or false");
    }

    int count(const toml::node& node, std::string_view key) const {
        auto n = node.value<int64_t>();
        if (!node.is_integer() || !n || *n < 0 || *n > 1000000)
            fail(node.source(), std::string(key) + " must be a whole number from 0 to 1000000");
        return static_cast<int>(*n);
    }

    std::vector<std::string> strings(const toml::node& node, std::string_view key) const {
        const toml::array* array = node.as_array();
        if (!array)
            fail(node.source(), std::string(key) + " must be a list of strings");
        std::vector<std::string> out;
        for (const auto& item : *array)
            out.push_back(string(item, key));
        return out;
    }

    std::chrono::minutes span(const toml::node& node, std::string_view key) const {
        auto minutes = parse_span(string(node, key));
        if (!minutes)
            fail(node.source(),
                 std::string(key) + " must be a length like \"3d\", \"2h\", \"30m\" or \"1h30m\"");
        return *minutes;
    }

    Category category(const toml::node& node, std::string_view key) const {
        std::string name = string(node, key);
        if (auto c = parse_category(name))
            return *c;
        fail(node.source(), "unknown category \"" + name +
                                "\" (known: customer, pre-meeting, post-meeting, internal-sync, "
                                "internal-other, solo, excluded)");
    }

    void read_settings(const toml::table& table, Settings& settings) const {
        static constexpr std::string_view known[] = {
            "owner",           "internal_domains", "ignored_domains",   "ignored_addresses",
            "meta_categories", "working_week",     "pre_window",        "post_window",
            "adjacent_window", "common_words",     "ignore_diacritics", "append_default_rules"};
        reject_unknown_keys(table, known, "[settings]");
        for (const auto& [key, value] : table) {
            std::string_view k = key.str();
            if (k == "owner")
                settings.owner = lower_case_all(strings(value, k));
            else if (k == "internal_domains")
                settings.internal_domains = lower_case_all(strings(value, k));
            else if (k == "ignored_domains")
                settings.ignored_domains = lower_case_all(strings(value, k));
            else if (k == "ignored_addresses")
                settings.ignored_addresses = lower_case_all(strings(value, k));
            else if (k == "meta_categories") {
                settings.meta_categories.clear();
                const toml::array* array = value.as_array();
                if (!array)
                    fail(value.source(), "meta_categories must be a list of categories");
                for (const auto& item : *array)
                    settings.meta_categories.push_back(category(item, k));
            } else if (k == "working_week") {
                try {
                    settings.working_week = parse_working_week(string(value, k));
                } catch (const std::invalid_argument& e) {
                    fail(value.source(), e.what());
                }
            } else if (k == "pre_window")
                settings.pre_window = span(value, k);
            else if (k == "post_window")
                settings.post_window = span(value, k);
            else if (k == "adjacent_window")
                settings.adjacent_window = span(value, k);
            else if (k == "common_words")
                settings.common_words = strings(value, k);
            else if (k == "ignore_diacritics")
                settings.fold.ignore_diacritics = boolean(value, k);
            else if (k == "append_default_rules")
                settings.append_default_rules = boolean(value, k);
        }
    }

    std::vector<Rule> read_rules(const toml::node* node, const Settings& settings) const {
        std::vector<Rule> rules;
        if (!node)
            return rules;
        const toml::array* array = node->as_array();
        if (!array || !array->is_array_of_tables())
            fail(node->source(), "rule must be written as [[rule]] tables");
        std::set<std::string> names;
        for (const auto& item : *array) {
            Rule rule = read_rule(*item.as_table(), settings);
            if (!names.insert(rule.name).second)
                fail(item.source(), "a rule named \"" + rule.name + "\" is already defined");
            rules.push_back(std::move(rule));
        }
        return rules;
    }

private:
    static std::vector<std::string> lower_case_all(std::vector<std::string> values) {
        for (auto& v : values)
            std::transform(v.begin(), v.end(), v.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        return values;
    }

    Keyword keyword(const toml::node& node, std::string_view key, const FoldOptions& fold) const {
        if (node.is_string()) {
            std::string text = string(node, key);
            if (text.empty())
                fail(node.source(), "an empty keyword would match nothing");
            return make_keyword(std::move(text), KeywordBoundary::substring, fold);
        }
        const toml::table* table = node.as_table();
        if (!table || table->size() != 1)
            fail(node.source(), std::string(key) + " keywords are strings, { word = \"...\" } or "
                                                   "{ word_start = \"...\" }");
        KeywordBoundary boundary = KeywordBoundary::word;
        std::string text;
        for (const auto& [boundary_key, value] : *table) {
            if (boundary_key.str() == "word")
                boundary = KeywordBoundary::word;
            else if (boundary_key.str() == "word_start")
                boundary = KeywordBoundary::word_start;
            else
                fail(boundary_key.source(), "unknown keyword form \"" +
                                                std::string(boundary_key.str()) +
                                                "\" (known: word, word_start)");
            text = string(value, key);
            if (text.empty())
                fail(value.source(), "an empty keyword would match nothing");
        }
        return make_keyword(std::move(text), boundary, fold);
    }

    TextCondition text_condition(const toml::table& table, std::string_view field,
                                 const FoldOptions& fold) const {
        TextCondition condition;
        std::string keywords_key(field);
        if (const toml::node* node = table.get(keywords_key)) {
            const toml::array* array = node->as_array();
            if (!array)
                fail(node->source(), keywords_key + " must be a list of keywords");
            if (array->empty())
                fail(node->source(), keywords_key + " must list at least one keyword");
            for (const auto& item : *array)
                condition.keywords.push_back(keyword(item, keywords_key, fold));
        }
        std::string regex_key = keywords_key + "_regex";
        if (const toml::node* node = table.get(regex_key)) {
            const toml::array* array = node->as_array();
            if (!array)
                fail(node->source(), regex_key + " must be a list of regular expressions");
            if (array->empty())
                fail(node->source(), regex_key + " must list at least one regular expression");
            for (const auto& item : *array) {
                try {
                    condition.patterns.emplace_back(string(item, regex_key));
                } catch (const std::invalid_argument& e) {
                    fail(item.source(), e.what());
                }
            }
        }
        return condition;
    }

    Rule read_rule(const toml::table& table, const Settings& settings) const {
        static constexpr std::string_view known[] = {"name",
                                                     "category",
                                                     "title",
                                                     "title_regex",
                                                     "description",
                                                     "description_regex",
                                                     "location",
                                                     "location_regex",
                                                     "text",
                                                     "text_regex",
                                                     "external",
                                                     "all_internal",
                                                     "min_participants",
                                                     "max_participants",
                                                     "organizer_domain",
                                                     "recurring",
                                                     "min_duration",
                                                     "max_duration",
                                                     "infer"};
        reject_unknown_keys(table, known, "[[rule]]");
        Rule rule;
        rule.line = static_cast<int>(table.source().begin.line);
        const toml::node* name = table.get("name");
        if (!name)
            fail(table.source(), "a rule needs a name");
        rule.name = string(*name, "name");
        if (rule.name.empty())
            fail(name->source(), "a rule's name must not be empty");
        const toml::node* category_node = table.get("category");
        if (!category_node)
            fail(table.source(), "rule \"" + rule.name + "\" needs a category");
        rule.category = category(*category_node, "category");

        RuleConditions& when = rule.when;
        for (std::string_view field : text_fields) {
            std::string key(field);
            if (!table.contains(key) && !table.contains(key + "_regex"))
                continue;
            TextCondition condition = text_condition(table, field, settings.fold);
            if (field == "title")
                when.title = std::move(condition);
            else if (field == "description")
                when.description = std::move(condition);
            else if (field == "location")
                when.location = std::move(condition);
            else
                when.any_text = std::move(condition);
        }
        if (const toml::node* n = table.get("external"))
            when.external = boolean(*n, "external");
        if (const toml::node* n = table.get("all_internal"))
            when.all_internal = boolean(*n, "all_internal");
        if (const toml::node* n = table.get("min_participants"))
            when.min_participants = count(*n, "min_participants");
        if (const toml::node* n = table.get("max_participants"))
            when.max_participants = count(*n, "max_participants");
        if (when.min_participants && when.max_participants &&
            *when.min_participants > *when.max_participants)
            fail(table.get("max_participants")->source(),
                 "max_participants is smaller than min_participants");
        if (const toml::node* n = table.get("organizer_domain"))
            when.organizer_domains = lower_case_all(strings(*n, "organizer_domain"));
        if (const toml::node* n = table.get("recurring"))
            when.recurring = boolean(*n, "recurring");
        if (const toml::node* n = table.get("min_duration"))
            when.min_duration = span(*n, "min_duration");
        if (const toml::node* n = table.get("max_duration"))
            when.max_duration = span(*n, "max_duration");
        if (when.min_duration && when.max_duration && *when.min_duration > *when.max_duration)
            fail(table.get("max_duration")->source(), "max_duration is shorter than min_duration");
        if (const toml::node* n = table.get("infer")) {
            std::string side = string(*n, "infer");
            if (side == "pre" && rule.category == Category::pre_meeting)
                when.infer = Inference::pre;
            else if (side == "post" && rule.category == Category::post_meeting)
                when.infer = Inference::post;
            else
                fail(n->source(), "infer is \"pre\" for a pre-meeting rule or \"post\" for a "
                                  "post-meeting rule");
        }
        return rule;
    }

    std::string m_file;
};

void reject_unknown_top_level(const RulesReader& reader, const toml::table& root) {
    static constexpr std::string_view known[] = {"settings", "rule"};
    reader.reject_unknown_keys(root, known, "the rules file");
    if (const toml::node* settings = root.get("settings"); settings && !settings->is_table())
        reader.fail(settings->source(), "settings must be a [settings] table");
}

const toml::table& settings_table(const toml::table& root) {
    static const toml::table empty;
    const toml::table* settings = root["settings"].as_table();
    return settings ? *settings : empty;
}

std::string toml_string(std::string_view text) {
    std::string out = "\"";
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        unsigned char u = static_cast<unsigned char>(c);
        unsigned char next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
        if (u == 0xC2 && next >= 0x80 && next <= 0x9F) {
            // A C1 control (U+0080-U+009F) would act on the terminal the file is printed to.
            static const char* hex = "0123456789ABCDEF";
            out += "\\u00";
            out += hex[next >> 4];
            out += hex[next & 15];
            ++i;
        } else if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20 || u == 0x7f) {
            static const char* hex = "0123456789ABCDEF";
            out += "\\u00";
            out += hex[u >> 4];
            out += hex[u & 15];
        } else {
            out += c;
        }
    }
    return out + "\"";
}

// A TOML array of already written items: on one line when it is short, else wrapped at
// about 96 columns with one level of indent, so that the printed file is pleasant to edit.
std::string toml_array(const std::vector<std::string>& items) {
    std::size_t length = 2;
    for (const auto& i : items)
        length += i.size() + 2;
    if (length <= 80) {
        std::string out = "[";
        for (std::size_t i = 0; i < items.size(); ++i)
            out += (i ? ", " : "") + items[i];
        return out + "]";
    }
    std::string out = "[\n";
    std::string line;
    for (const auto& item : items) {
        if (!line.empty() && line.size() + item.size() + 2 > 96) {
            out += line + "\n";
            line.clear();
        }
        line += (line.empty() ? "  " : " ") + item + ",";
    }
    return out + line + "\n]";
}

std::string toml_string_list(const std::vector<std::string>& items) {
    std::vector<std::string> written;
    for (const auto& i : items)
        written.push_back(toml_string(i));
    return toml_array(written);
}

std::string span_text(std::chrono::minutes span) {
    auto m = span.count();
    if (m > 0 && m % (24 * 60) == 0)
        return std::to_string(m / (24 * 60)) + "d";
    if (m > 0 && m % 60 == 0)
        return std::to_string(m / 60) + "h";
    return std::to_string(m) + "m";
}

void render_text_condition(std::ostringstream& out, std::string_view field,
                           const TextCondition& condition) {
    if (!condition.keywords.empty()) {
        std::vector<std::string> written;
        for (const Keyword& k : condition.keywords) {
            if (k.boundary == KeywordBoundary::word)
                written.push_back("{ word = " + toml_string(k.text) + " }");
            else if (k.boundary == KeywordBoundary::word_start)
                written.push_back("{ word_start = " + toml_string(k.text) + " }");
            else
                written.push_back(toml_string(k.text));
        }
        out << field << " = " << toml_array(written) << "\n";
    }
    if (!condition.patterns.empty()) {
        std::vector<std::string> sources;
        for (const auto& p : condition.patterns)
            sources.push_back(p.source());
        out << field << "_regex = " << toml_string_list(sources) << "\n";
    }
}

// A file name may hold a line break, which must not end the comment it is quoted in.
std::string single_line(std::string text) {
    for (char& c : text)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            c = '?';
    return text;
}

std::string read_whole_file(const std::string& path) {
    std::error_code error;
    // A directory opens as a stream that reads nothing, which would pass for an empty file.
    if (std::filesystem::is_directory(path, error))
        throw Error("cannot read rules file " + path + ": it is a directory");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error("cannot read rules file " + path);
    std::ostringstream content;
    content << in.rdbuf();
    if (in.bad())
        throw Error("cannot read rules file " + path);
    return content.str();
}

} // namespace

std::optional<std::chrono::minutes> parse_span(std::string_view text) {
    if (text.empty())
        return std::nullopt;
    long long total = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] < '0' || text[i] > '9')
            return std::nullopt;
        long long number = 0;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
            number = number * 10 + (text[i] - '0');
            if (number > 1000000)
                return std::nullopt;
            ++i;
        }
        std::size_t unit_start = i;
        while (i < text.size() && (text[i] < '0' || text[i] > '9'))
            ++i;
        std::string_view unit = text.substr(unit_start, i - unit_start);
        if (unit == "d")
            total += number * 24 * 60;
        else if (unit == "h")
            total += number * 60;
        else if (unit == "m" || unit == "min")
            total += number;
        else
            return std::nullopt;
    }
    return std::chrono::minutes{total};
}

std::string_view default_rules_text() {
    // The bytes are UTF-8 text; char and unsigned char may alias each other.
    return {reinterpret_cast<const char*>(embedded::default_rules), embedded::default_rules_size};
}

RuleSet parse_rules(std::string_view text, const std::string& source) {
    RulesReader reader(source);
    toml::table root = reader.parse(text);
    reject_unknown_top_level(reader, root);
    RuleSet rules;
    rules.source = source;
    reader.read_settings(settings_table(root), rules.settings);
    rules.rules = reader.read_rules(root.get("rule"), rules.settings);
    return rules;
}

RuleSet default_rules() {
    return parse_rules(default_rules_text(), "built-in defaults");
}

RuleSet parse_user_rules(std::string_view text, const std::string& source) {
    RulesReader user_reader(source);
    toml::table user_root = user_reader.parse(text);
    reject_unknown_top_level(user_reader, user_root);

    RulesReader default_reader("built-in defaults");
    toml::table default_root = default_reader.parse(default_rules_text());

    RuleSet rules;
    rules.source = source;
    default_reader.read_settings(settings_table(default_root), rules.settings);
    rules.settings.append_default_rules = true;
    user_reader.read_settings(settings_table(user_root), rules.settings);
    // Keywords are folded with the final settings, so the defaults are read after the user's.
    rules.rules = user_reader.read_rules(user_root.get("rule"), rules.settings);
    if (rules.settings.append_default_rules) {
        std::vector<Rule> defaults =
            default_reader.read_rules(default_root.get("rule"), rules.settings);
        for (const Rule& mine : rules.rules)
            for (const Rule& theirs : defaults)
                if (mine.name == theirs.name)
                    throw RulesError(source, mine.line, 1,
                                     "rule \"" + mine.name +
                                         "\" has the name of a default rule; rename it, or set "
                                         "append_default_rules = false and list every rule");
        for (Rule& r : defaults)
            rules.rules.push_back(std::move(r));
    }
    return rules;
}

std::string user_rules_path(const std::string& rules_option) {
    if (!rules_option.empty())
        return rules_option;
    std::filesystem::path candidate;
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg)
        candidate = std::filesystem::path(xdg) / "busywork" / "rules.toml";
    else if (const char* home = std::getenv("HOME"); home && *home)
        candidate = std::filesystem::path(home) / ".config" / "busywork" / "rules.toml";
    std::error_code error;
    if (!candidate.empty() && std::filesystem::is_regular_file(candidate, error))
        return candidate.string();
    return {};
}

RuleSet load_rules(const std::string& rules_option) {
    std::string path = user_rules_path(rules_option);
    if (path.empty())
        return default_rules();
    return parse_user_rules(read_whole_file(path), path);
}

std::string render_rules(const RuleSet& rules) {
    const Settings& s = rules.settings;
    std::ostringstream out;
    out << "# busywork rules, complete: the settings and every rule in the order they are "
           "tried.\n"
        << "# Made from " << single_line(rules.source)
        << ". Copy it to ~/.config/busywork/rules.toml and "
        << "edit it.\n\n[settings]\n";
    out << "owner = " << toml_string_list(s.owner) << "\n";
    out << "internal_domains = " << toml_string_list(s.internal_domains) << "\n";
    out << "ignored_domains = " << toml_string_list(s.ignored_domains) << "\n";
    out << "ignored_addresses = " << toml_string_list(s.ignored_addresses) << "\n";
    std::vector<std::string> meta;
    for (Category c : s.meta_categories)
        meta.emplace_back(category_name(c));
    out << "meta_categories = " << toml_string_list(meta) << "\n";
    out << "working_week = " << toml_string(s.working_week.to_string()) << "\n";
    out << "pre_window = " << toml_string(span_text(s.pre_window)) << "\n";
    out << "post_window = " << toml_string(span_text(s.post_window)) << "\n";
    out << "adjacent_window = " << toml_string(span_text(s.adjacent_window)) << "\n";
    out << "ignore_diacritics = " << (s.fold.ignore_diacritics ? "true" : "false") << "\n";
    out << "common_words = " << toml_string_list(s.common_words) << "\n";
    out << "append_default_rules = false\n";
    for (const Rule& rule : rules.rules) {
        const RuleConditions& w = rule.when;
        out << "\n[[rule]]\nname = " << toml_string(rule.name)
            << "\ncategory = " << toml_string(category_name(rule.category)) << "\n";
        if (w.title)
            render_text_condition(out, "title", *w.title);
        if (w.description)
            render_text_condition(out, "description", *w.description);
        if (w.location)
            render_text_condition(out, "location", *w.location);
        if (w.any_text)
            render_text_condition(out, "text", *w.any_text);
        if (w.external)
            out << "external = " << (*w.external ? "true" : "false") << "\n";
        if (w.all_internal)
            out << "all_internal = " << (*w.all_internal ? "true" : "false") << "\n";
        if (w.min_participants)
            out << "min_participants = " << *w.min_participants << "\n";
        if (w.max_participants)
            out << "max_participants = " << *w.max_participants << "\n";
        if (!w.organizer_domains.empty())
            out << "organizer_domain = " << toml_string_list(w.organizer_domains) << "\n";
        if (w.recurring)
            out << "recurring = " << (*w.recurring ? "true" : "false") << "\n";
        if (w.min_duration)
            out << "min_duration = " << toml_string(span_text(*w.min_duration)) << "\n";
        if (w.max_duration)
            out << "max_duration = " << toml_string(span_text(*w.max_duration)) << "\n";
        if (w.infer != Inference::none)
            out << "infer = " << (w.infer == Inference::pre ? "\"pre\"" : "\"post\"") << "\n";
    }
    return out.str();
}

bool reads_descriptions(const RuleSet& rules) {
    return std::any_of(rules.rules.begin(), rules.rules.end(), [](const Rule& r) {
        return r.when.description.has_value() || r.when.any_text.has_value();
    });
}

bool reads_locations(const RuleSet& rules) {
    return std::any_of(rules.rules.begin(), rules.rules.end(), [](const Rule& r) {
        return r.when.location.has_value() || r.when.any_text.has_value();
    });
}

} // namespace busywork
