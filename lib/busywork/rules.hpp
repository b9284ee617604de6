// SPDX-License-Identifier: MIT
#pragma once

#include <busywork/category.hpp>
#include <busywork/error.hpp>
#include <busywork/text_matching.hpp>
#include <busywork/working_week.hpp>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace busywork {

/// A mistake in a rules file, at the line and column where it is.
class RulesError : public Error {
public:
    RulesError(const std::string& file, int line, int column, const std::string& message)
        : Error(file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + message) {
    }
};

/// Keywords and regular expressions for one text field. It holds when any of them is found.
struct TextCondition {
    std::vector<Keyword> keywords;
    std::vector<Pattern> patterns;
};

/// Which side of a customer meeting an inference rule looks for.
enum class Inference { none, pre, post };

/// What a rule asks of an occurrence. Every condition that is set must hold.
/// "Participants" are the attendees and the organizer other than the owner, rooms and
/// resources, ignored domains and addresses, and attendees who declined.
struct RuleConditions {
    std::optional<TextCondition> title;
    std::optional<TextCondition> description;
    std::optional<TextCondition> location;
    std::optional<TextCondition> any_text; ///< title, description or location
    std::optional<bool> external;          ///< some participant is from a non-internal domain
    std::optional<bool> all_internal;      ///< there are participants, all internal
    std::optional<int> min_participants;
    std::optional<int> max_participants;
    std::vector<std::string> organizer_domains; ///< the organizer's host is within one
    std::optional<bool> recurring;
    std::optional<std::chrono::minutes> min_duration;
    std::optional<std::chrono::minutes> max_duration;
    Inference infer = Inference::none;
};

struct Rule {
    std::string name;
    Category category = Category::internal_other;
    RuleConditions when;
    int line = 0; ///< where it is defined, for explanations
};

struct Settings {
    std::vector<std::string> owner;             ///< the calendar owner's addresses; empty: infer
    std::vector<std::string> internal_domains;  ///< empty: the owner's registrable domain
    std::vector<std::string> ignored_domains;   ///< never participants (rooms, group calendars)
    std::vector<std::string> ignored_addresses; ///< exact, or with `*` wildcards ("noreply@*")
    std::vector<Category> meta_categories{Category::internal_sync, Category::pre_meeting,
                                          Category::post_meeting};
    WorkingWeek working_week;
    std::chrono::minutes pre_window{3 * 24 * 60};
    std::chrono::minutes post_window{3 * 24 * 60};
    /// An internal meeting this close before or after a customer meeting, whose participants
    /// all attend it, prepares or debriefs it even when its title names nobody.
    std::chrono::minutes adjacent_window{30};
    /// Words that never name a customer in pre/post inference ("call", "meeting"), folded.
    std::vector<std::string> common_words;
    FoldOptions fold;
    /// In a user's file: whether the default rules follow the file's own rules.
    bool append_default_rules = true;
};

/// A parsed rules file: settings and the ordered rules, first match wins.
struct RuleSet {
    Settings settings;
    std::vector<Rule> rules;
    std::string source; ///< the file's path, or "built-in defaults"
};

/// The text of `lib/busywork/default_rules.toml`, compiled into the program.
std::string_view default_rules_text();

/// The defaults, parsed.
RuleSet default_rules();

/// Parses a complete rules file (as the defaults are written). Throws `RulesError`.
RuleSet parse_rules(std::string_view text, const std::string& source);

/// A user's rules file laid over the defaults: each setting it gives replaces the default's,
/// its rules come first, and the default rules follow unless it sets
/// `append_default_rules = false`. Throws `RulesError`.
RuleSet parse_user_rules(std::string_view text, const std::string& source);

/// Where the rules come from: `--rules FILE` when given, else
/// `$XDG_CONFIG_HOME/busywork/rules.toml` (or `~/.config/busywork/rules.toml`) when it exists,
/// else the built-in defaults. Throws `RulesError`, or `Error` when a named file is unreadable.
RuleSet load_rules(const std::string& rules_option);

/// The path `load_rules` would read for a user file, empty when there is none.
std::string user_rules_path(const std::string& rules_option);

/// Whether some rule looks at descriptions, or at locations (a condition on the field or on
/// `text`). The default rules read neither; descriptions are most of an export's text.
bool reads_descriptions(const RuleSet& rules);
bool reads_locations(const RuleSet& rules);

/// A complete rules file that parses back to `rules` (`append_default_rules = false`).
std::string render_rules(const RuleSet& rules);

/// "3d", "30m", "1h30m", "90min" as minutes; nothing when malformed.
std::optional<std::chrono::minutes> parse_span(std::string_view text);

} // namespace busywork
