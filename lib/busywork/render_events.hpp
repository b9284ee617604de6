// SPDX-License-Identifier: MIT
#pragma once

#include <busywork/classification.hpp>
#include <busywork/occurrence.hpp>
#include <busywork/time_zones.hpp>
#include <string>
#include <vector>

namespace busywork {

/// RFC 3339 in `zone` with a numeric offset: `2026-11-23T09:00:00+01:00`.
std::string format_rfc3339(Instant instant, const Zone& zone);

/// What tied an inferred pre- or post-meeting: `contoso 2026-10-22T11:00` (local, in `zone`).
std::string describe_tie(const Tie& tie, const Zone& zone);

/// CSV (RFC 4180, CRLF): `uid,start,end,all_day,summary,category,rule,tied_to,counted_min,...`,
/// one row per occurrence. `counted_min[i]` is what occurrence i counted after overlaps.
std::string render_events_csv(const std::vector<ClassifiedOccurrence>& occurrences,
                              const std::vector<long long>& counted_min, const Zone& zone);

/// JSON: `{"inferred": [...], "events": [...]}`, one object per occurrence with the CSV's
/// fields, the tied meeting and the attendees. `inferred` says what was guessed, per file.
std::string render_events_json(const std::vector<ClassifiedOccurrence>& occurrences,
                               const std::vector<long long>& counted_min, const Zone& zone,
                               const std::vector<std::string>& inferred);

/// An aligned table for reading, times in `zone`, headed by what was inferred; event text is
/// stripped of control characters.
std::string render_events_text(const std::vector<ClassifiedOccurrence>& occurrences,
                               const Zone& zone, const std::vector<std::string>& inferred);

/// For `events --explain`: each occurrence, then every rule tried and why it did or did not
/// match, ending with the decision.
std::string render_explanations(const std::vector<OccurrenceExplanation>& explanations,
                                const Zone& zone);

/// `render_explanations(explain_occurrences(occurrences, selected, rules, ownerships), zone)`.
std::string render_explanations(const std::vector<ClassifiedOccurrence>& occurrences,
                                const std::vector<std::size_t>& selected, const RuleSet& rules,
                                const Ownerships& ownerships, const Zone& zone);

} // namespace busywork
