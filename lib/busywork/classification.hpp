// SPDX-License-Identifier: MIT
#pragma once

#include <busywork/category.hpp>
#include <busywork/diagnostics.hpp>
#include <busywork/occurrence.hpp>
#include <busywork/ownership.hpp>
#include <busywork/participants.hpp>
#include <busywork/rules.hpp>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace busywork {

/// The customer meeting an inferred pre- or post-meeting belongs to.
struct Tie {
    std::string name; ///< what tied them: the customer's name ("contoso") or "attendees"
    Instant start{};  ///< the customer meeting's start
    std::string summary;
    std::string uid;
};

/// The decision for one occurrence: its category and the name of the rule that decided it.
/// The occurrences one rule decided share its name (see `Shared`): a ten-year export has a
/// hundred thousand of them and a few dozen rules.
struct Classification {
    Category category = Category::internal_other;
    Shared<std::string> rule;
    Shared<std::optional<Tie>> tie;
};

struct ClassifiedOccurrence {
    Occurrence occurrence;
    Classification classification;
};

/// Classifies every occurrence: first the built-in exclusions (cancelled, declined, free,
/// all-day, empty), then the rules in order. Inference rules see the customer meetings of the
/// same calendar file. Regular expressions that run out of time are reported in `diagnostics`
/// and count as not matching. The order of `occurrences` is kept.
std::vector<ClassifiedOccurrence> classify(std::vector<Occurrence> occurrences,
                                           const RuleSet& rules, const Ownerships& ownerships,
                                           Diagnostics& diagnostics);

/// One step of an explanation: a rule tried and why it did or did not match.
struct ExplanationStep {
    std::string rule;
    Category category = Category::internal_other;
    bool matched = false;
    std::string reason;
    /// The customer meeting an inference rule found; `reason` then holds
    /// `describe_tied_meeting(*tie)`.
    std::optional<Tie> tie{};
};

/// How an explanation names the customer meeting a pre- or post-meeting is tied to:
/// `customer meeting "Demo Contoso" (names "contoso")`.
std::string describe_tied_meeting(const Tie& tie);

/// Explains decisions made by `classify` over `classified`, which must be all of that call's
/// occurrences (inference rules look at the others). Not thread-safe.
class Explainer {
public:
    Explainer(const std::vector<ClassifiedOccurrence>& classified, const RuleSet& rules,
              const Ownerships& ownerships);
    ~Explainer();
    Explainer(const Explainer&) = delete;
    Explainer& operator=(const Explainer&) = delete;

    /// The rules tried for `classified[index]`, in order, ending with the one that decided.
    std::vector<ExplanationStep> explain(std::size_t index) const;

private:
    struct State;
    std::unique_ptr<State> m_state;
};

/// One explanation, for when only one is needed: `Explainer(...).explain(index)`.
std::vector<ExplanationStep> explain(const std::vector<ClassifiedOccurrence>& classified,
                                     std::size_t index, const RuleSet& rules,
                                     const Ownerships& ownerships);

/// Everything `events --explain` prints about one occurrence, worked out on the real text so
/// that it can be redacted before it is rendered.
struct OccurrenceExplanation {
    ClassifiedOccurrence subject;
    std::optional<Ownership> ownership;       ///< of its calendar file, when known
    std::optional<Participants> participants; ///< with that ownership
    std::vector<ExplanationStep> steps;
};

/// The explanations of `classified[i]` for each i in `selected`, in that order; `classified`
/// must be all of `classify`'s occurrences, as for `Explainer`.
std::vector<OccurrenceExplanation>
explain_occurrences(const std::vector<ClassifiedOccurrence>& classified,
                    const std::vector<std::size_t>& selected, const RuleSet& rules,
                    const Ownerships& ownerships);

} // namespace busywork
