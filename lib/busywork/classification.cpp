// SPDX-License-Identifier: MIT
#include <algorithm>
#include <busywork/classification.hpp>
#include <busywork/domains.hpp>
#include <busywork/participants.hpp>
#include <deque>
#include <future>
#include <map>
#include <memory>
#include <set>
#include <thread>
#include <tuple>
#include <unordered_map>

namespace busywork {

namespace {

using std::chrono::minutes;

// Into the folded texts that `Prepared` keeps, each distinct text once.
struct FoldedText {
    const std::string* title;
    const std::string* description;
    const std::string* location;
};

// Everything the rules look at for one occurrence, worked out once.
struct Subject {
    const Occurrence& occurrence;
    const Participants& participants;
    const FoldedText& folded;
    minutes duration;
};

// Words that can name a customer: not common, not the owner's own company, no digits (a year
// or "Q4" ties unrelated meetings together), at least three letters.
class NameFilter {
public:
    NameFilter(const Settings& settings, const Ownership& ownership) {
        for (const auto& w : settings.common_words)
            m_common.insert(fold_text(w, settings.fold));
        for (const auto& d : ownership.internal_domains)
            for (auto& name : label_names(d, settings.fold))
                m_common.insert(std::move(name));
    }

    // "tailspin-toys.com" is written "Tailspin Toys", "Tailspin-Toys" or "TailspinToys":
    // its label's words and the label without hyphens all name it.
    static std::vector<std::string> label_names(const std::string& domain,
                                                const FoldOptions& fold) {
        std::vector<std::string> names = words_of(fold_text(organisation_label(domain), fold));
        if (names.size() > 1) {
            std::string joined;
            for (const auto& n : names)
                joined += n;
            names.push_back(std::move(joined));
        }
        return names;
    }

    bool distinctive(const std::string& word) const {
        if (word.size() < 3 || m_common.count(word))
            return false;
        return std::none_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
    }

private:
    std::set<std::string> m_common;
};

std::vector<std::string> distinctive_words(const std::string& folded, const NameFilter& filter) {
    std::vector<std::string> out;
    for (auto& w : words_of(folded))
        if (filter.distinctive(w) && std::find(out.begin(), out.end(), w) == out.end())
            out.push_back(std::move(w));
    return out;
}

// The customer meetings of one calendar, indexed by start, by end and by the names they go
// by, so that each inference question is a few binary searches: O(n log n) in all.
class CustomerMeetings {
public:
    struct Meeting {
        Instant start{};
        Instant end{};
        std::vector<std::string> participants; // sorted
        std::string summary;
        std::string uid;
    };

    void add(Meeting meeting, std::vector<std::string> names) {
        std::size_t index = m_meetings.size();
        m_meetings.push_back(std::move(meeting));
        for (auto& n : names)
            m_by_name[std::move(n)].push_back(index);
        for (const auto& p : m_meetings.back().participants)
            m_by_person_start[p].push_back(index);
    }

    void index() {
        // Equal times in the order added, so that the lists of one person agree with these.
        auto by_start = [this](std::size_t a, std::size_t b) {
            const Instant x = m_meetings[a].start, y = m_meetings[b].start;
            return x != y ? x < y : a < b;
        };
        auto by_end = [this](std::size_t a, std::size_t b) {
            const Instant x = m_meetings[a].end, y = m_meetings[b].end;
            return x != y ? x < y : a < b;
        };
        m_by_start.resize(m_meetings.size());
        for (std::size_t i = 0; i < m_meetings.size(); ++i)
            m_by_start[i] = i;
        m_by_end = m_by_start;
        std::sort(m_by_start.begin(), m_by_start.end(), by_start);
        std::sort(m_by_end.begin(), m_by_end.end(), by_end);
        for (auto& [name, list] : m_by_name) {
            m_by_name_end[name] = list;
            std::sort(list.begin(), list.end(), by_start);
            std::sort(m_by_name_end[name].begin(), m_by_name_end[name].end(), by_end);
        }
        for (auto& [person, list] : m_by_person_start) {
            m_by_person_end[person] = list;
            std::sort(list.begin(), list.end(), by_start);
            std::sort(m_by_person_end[person].begin(), m_by_person_end[person].end(), by_end);
        }
    }

    // The nearest customer meeting starting within `window` after `end` that goes by one of
    // `words`; failing that, the nearest within `adjacent` whose participants include all of
    // `people`.
    std::optional<Tie> before(Instant end, const std::vector<std::string>& words,
                              const std::vector<std::string>& people, minutes window,
                              minutes adjacent) const {
        std::optional<Tie> best;
        for (const auto& w : words) {
            auto it = m_by_name.find(w);
            if (it == m_by_name.end())
                continue;
            const auto& list = it->second;
            auto first =
                std::lower_bound(list.begin(), list.end(), end, [this](std::size_t i, Instant t) {
                    return m_meetings[i].start < t;
                });
            if (first == list.end() || m_meetings[*first].start - end > window)
                continue;
            if (!best || m_meetings[*first].start < best->start)
                best = tie(w, m_meetings[*first]);
        }
        if (best)
            return best;
        // A meeting all of `people` attend is in each one's list: the scan walks the one that
        // has the fewest meetings in the window, not every meeting in it.
        const std::vector<std::size_t>* list =
            fewest(m_by_person_start, people, end, end + adjacent, &Meeting::start);
        if (!list)
            return std::nullopt;
        auto first =
            std::lower_bound(list->begin(), list->end(), end,
                             [this](std::size_t i, Instant t) { return m_meetings[i].start < t; });
        for (auto it = first; it != list->end(); ++it) {
            const Meeting& m = m_meetings[*it];
            if (m.start - end > adjacent)
                break;
            if (attends_all(m, people))
                return tie("attendees", m);
        }
        return std::nullopt;
    }

    // The mirror image of `before`: customer meetings that end before `start`.
    std::optional<Tie> after(Instant start, const std::vector<std::string>& words,
                             const std::vector<std::string>& people, minutes window,
                             minutes adjacent) const {
        std::optional<Tie> best;
        Instant best_end{};
        for (const auto& w : words) {
            auto it = m_by_name_end.find(w);
            if (it == m_by_name_end.end())
                continue;
            const auto& list = it->second;
            auto past =
                std::upper_bound(list.begin(), list.end(), start, [this](Instant t, std::size_t i) {
                    return t < m_meetings[i].end;
                });
            if (past == list.begin())
                continue;
            const Meeting& m = m_meetings[*std::prev(past)];
            if (start - m.end > window)
                continue;
            if (!best || m.end > best_end) {
                best = tie(w, m);
                best_end = m.end;
            }
        }
        if (best)
            return best;
        const std::vector<std::size_t>* list =
            fewest(m_by_person_end, people, start - adjacent, start, &Meeting::end);
        if (!list)
            return std::nullopt;
        auto past =
            std::upper_bound(list->begin(), list->end(), start,
                             [this](Instant t, std::size_t i) { return t < m_meetings[i].end; });
        while (past != list->begin()) {
            const Meeting& m = m_meetings[*--past];
            if (start - m.end > adjacent)
                break;
            if (attends_all(m, people))
                return tie("attendees", m);
        }
        return std::nullopt;
    }

private:
    using PersonIndex = std::unordered_map<std::string, std::vector<std::size_t>>;

    // Of `people`'s lists in `index` (each sorted by `time`), the one with the fewest meetings
    // whose `time` is in [from, to]; nothing when someone attends none, or `people` is empty.
    const std::vector<std::size_t>* fewest(const PersonIndex& index,
                                           const std::vector<std::string>& people, Instant from,
                                           Instant to, Instant Meeting::*time) const {
        const std::vector<std::size_t>* best = nullptr;
        std::ptrdiff_t best_count = 0;
        for (const auto& p : people) {
            auto it = index.find(p);
            if (it == index.end())
                return nullptr;
            const auto& list = it->second;
            auto lo =
                std::lower_bound(list.begin(), list.end(), from,
                                 [&](std::size_t i, Instant t) { return m_meetings[i].*time < t; });
            auto hi = std::upper_bound(lo, list.end(), to, [&](Instant t, std::size_t i) {
                return t < m_meetings[i].*time;
            });
            if (!best || hi - lo < best_count) {
                best = &list;
                best_count = hi - lo;
            }
        }
        return best;
    }

    static bool attends_all(const Meeting& m, const std::vector<std::string>& people) {
        return !people.empty() && std::includes(m.participants.begin(), m.participants.end(),
                                                people.begin(), people.end());
    }

    static Tie tie(const std::string& name, const Meeting& m) {
        return Tie{name, m.start, m.summary, m.uid};
    }

    std::vector<Meeting> m_meetings;
    std::vector<std::size_t> m_by_start;
    std::vector<std::size_t> m_by_end;
    std::unordered_map<std::string, std::vector<std::size_t>> m_by_name;
    std::unordered_map<std::string, std::vector<std::size_t>> m_by_name_end;
    // Meetings by participant, by start and by end.
    PersonIndex m_by_person_start;
    PersonIndex m_by_person_end;
};

// What inference rules may consult; absent in the first pass, which finds the customers.
struct InferenceContext {
    const CustomerMeetings& meetings;
    const NameFilter& names;
    const Settings& settings;
};

std::string keyword_description(const Keyword& k) {
    switch (k.boundary) {
    case KeywordBoundary::word:
        return "the word \"" + k.text + "\"";
    case KeywordBoundary::word_start:
        return "a word starting \"" + k.text + "\"";
    case KeywordBoundary::substring:
        break;
    }
    return "\"" + k.text + "\"";
}

// Runs rules' regular expressions at most once per distinct text, and stops running one that
// has run out of time a few times: a hostile pattern must not cost its limit on every one of
// a hundred thousand occurrences.
class PatternRunner {
public:
    static constexpr int timeouts_allowed = 3;

    Pattern::Outcome search(const Pattern& pattern, const std::string& text) {
        int& timeouts = m_timeouts[&pattern];
        if (timeouts >= timeouts_allowed)
            return Pattern::Outcome::timed_out;
        auto key = std::make_pair(&pattern, text);
        if (auto it = m_results.find(key); it != m_results.end())
            return it->second;
        Pattern::Outcome outcome = pattern.search(text);
        if (outcome == Pattern::Outcome::timed_out)
            ++timeouts;
        m_results.emplace(std::move(key), outcome);
        return outcome;
    }

private:
    std::map<std::pair<const Pattern*, std::string>, Pattern::Outcome> m_results;
    std::map<const Pattern*, int> m_timeouts;
};

struct Evaluation {
    bool holds = true;
    std::string reason; // filled only when asked for
    bool timed_out = false;
    std::optional<Tie> tie;
};

class RuleEvaluator {
public:
    RuleEvaluator(const Subject& subject, PatternRunner& patterns, bool explain)
        : m_subject(subject), m_patterns(patterns), m_explain(explain) {}

    Evaluation evaluate(const Rule& rule, const InferenceContext* inference) {
        m_result = Evaluation{};
        const RuleConditions& w = rule.when;
        const Participants& p = m_subject.participants;
        const Occurrence& o = m_subject.occurrence;
        if (w.external && !check((p.external > 0) == *w.external, [&] {
                return p.external > 0 ? "external participants: " + join(p.external_domains)
                                      : std::string("no external participant");
            }))
            return m_result;
        if (w.all_internal && !check(p.all_internal() == *w.all_internal, [&] {
                return p.all_internal() ? "all " + participants(p.count()) + " internal"
                       : p.count() == 0 ? std::string("no participants")
                                        : std::string("not all participants are internal");
            }))
            return m_result;
        if (w.min_participants && !check(p.count() >= *w.min_participants, [&] {
                return participants(p.count()) + ", at least " +
                       std::to_string(*w.min_participants) + " wanted";
            }))
            return m_result;
        if (w.max_participants && !check(p.count() <= *w.max_participants, [&] {
                return participants(p.count()) + ", at most " +
                       std::to_string(*w.max_participants) + " wanted";
            }))
            return m_result;
        if (!w.organizer_domains.empty()) {
            bool within = std::any_of(
                w.organizer_domains.begin(), w.organizer_domains.end(), [&](const auto& d) {
                    return is_within_domain(p.organizer_host, d) ||
                           (!p.organizer_host.empty() &&
                            registrable_domain(p.organizer_host) == registrable_domain(d));
                });
            if (!check(within, [&] {
                    return p.organizer_host.empty() ? std::string("no organizer")
                                                    : "organizer at " + p.organizer_host;
                }))
                return m_result;
        }
        if (w.recurring && !check(o.recurring == *w.recurring, [&] {
                return o.recurring ? std::string("recurring") : std::string("not recurring");
            }))
            return m_result;
        if (w.min_duration && !check(m_subject.duration >= *w.min_duration, [&] {
                return std::to_string(m_subject.duration.count()) + " min long";
            }))
            return m_result;
        if (w.max_duration && !check(m_subject.duration <= *w.max_duration, [&] {
                return std::to_string(m_subject.duration.count()) + " min long";
            }))
            return m_result;
        if (w.title && !text(*w.title, "title", {{m_subject.folded.title, &*o.summary}}))
            return m_result;
        if (w.description &&
            !text(*w.description, "description", {{m_subject.folded.description, &*o.description}}))
            return m_result;
        if (w.location &&
            !text(*w.location, "location", {{m_subject.folded.location, &*o.location}}))
            return m_result;
        if (w.any_text && !text(*w.any_text, "text",
                                {{m_subject.folded.title, &*o.summary},
                                 {m_subject.folded.description, &*o.description},
                                 {m_subject.folded.location, &*o.location}}))
            return m_result;
        if (w.infer != Inference::none)
            infer(w.infer, inference);
        return m_result;
    }

private:
    static std::string join(const std::vector<std::string>& items) {
        std::string out;
        for (const auto& i : items)
            out += (out.empty() ? "" : ", ") + i;
        return out;
    }

    static std::string participants(int n) {
        return std::to_string(n) + (n == 1 ? " participant" : " participants");
    }

    template <typename Describe>
    bool check(bool holds, Describe describe) {
        if (m_explain)
            note(describe());
        if (!holds)
            fail();
        return holds;
    }

    void note(const std::string& reason) {
        if (m_result.holds)
            m_result.reason += (m_result.reason.empty() ? "" : "; ") + reason;
    }

    void fail() {
        if (m_explain) {
            // Only the condition that failed explains a miss.
            auto last = m_result.reason.rfind("; ");
            if (last != std::string::npos)
                m_result.reason.erase(0, last + 2);
        }
        m_result.holds = false;
    }

    using Field = std::pair<const std::string*, const std::string*>; // folded, original

    bool text(const TextCondition& condition, const std::string& field,
              std::initializer_list<Field> fields) {
        for (const Field& f : fields) {
            for (const Keyword& k : condition.keywords)
                if (contains_keyword(*f.first, k))
                    return check(true, [&] { return field + " has " + keyword_description(k); });
            for (const Pattern& pattern : condition.patterns) {
                Pattern::Outcome outcome = m_patterns.search(pattern, *f.second);
                if (outcome == Pattern::Outcome::match)
                    return check(true,
                                 [&] { return field + " matches /" + pattern.source() + "/"; });
                if (outcome == Pattern::Outcome::timed_out)
                    m_result.timed_out = true;
            }
        }
        return check(false, [&] {
            std::size_t n = condition.keywords.size() + condition.patterns.size();
            return field + " has none of the " + std::to_string(n) +
                   (n == 1 ? " keyword" : " keywords") +
                   (m_result.timed_out ? " (a regular expression ran out of time)" : "");
        });
    }

    void infer(Inference side, const InferenceContext* inference) {
        if (!inference) {
            check(false, [] { return std::string("customer meetings not known yet"); });
            return;
        }
        const Settings& s = inference->settings;
        const Occurrence& o = m_subject.occurrence;
        std::vector<std::string> words =
            distinctive_words(*m_subject.folded.title, inference->names);
        std::optional<Tie> tie =
            side == Inference::pre
                ? inference->meetings.before(o.end, words, m_subject.participants.addresses,
                                             s.pre_window, s.adjacent_window)
                : inference->meetings.after(o.start, words, m_subject.participants.addresses,
                                            s.post_window, s.adjacent_window);
        if (check(tie.has_value(), [&] {
                if (!tie)
                    return std::string(side == Inference::pre ? "no customer meeting follows "
                                                              : "no customer meeting precedes ") +
                           "that it names or shares all participants with";
                return std::string(side == Inference::pre ? "before " : "after ") +
                       describe_tied_meeting(*tie);
            }))
            m_result.tie = std::move(tie);
    }

    const Subject& m_subject;
    PatternRunner& m_patterns;
    bool m_explain;
    Evaluation m_result;
};

// The built-in exclusions, in the order their names are reported.
const char* exclusion(const Subject& s) {
    const Occurrence& o = s.occurrence;
    if (o.status == "CANCELLED")
        return "cancelled";
    if (s.participants.owner_declined)
        return "declined";
    if (o.transp == "TRANSPARENT")
        return "free";
    if (o.all_day)
        return "all-day";
    if (o.end <= o.start)
        return "empty";
    return nullptr;
}

const Ownership& ownership_of(const Occurrence& o, const Ownerships& ownerships) {
    static const Ownership nobody;
    auto it = ownerships.find(o.source_file);
    return it == ownerships.end() ? nobody : it->second;
}

// Occurrences from 4,096 on are split between two threads where the work allows it.
constexpr std::size_t enough_for_two_threads = 4096;

bool two_threads_for(std::size_t count) {
    return count >= enough_for_two_threads && std::thread::hardware_concurrency() > 1;
}

// Runs `work(from, to)` over [0, count): the second half on another thread when `parallel`.
template <typename Work>
void over_halves(std::size_t count, bool parallel, Work&& work) {
    if (!parallel) {
        work(std::size_t{0}, count);
        return;
    }
    const std::size_t half = count / 2;
    auto second = std::async(std::launch::async, [&] { work(half, count); });
    work(std::size_t{0}, half);
    second.get();
}

// What the rules look at for each distinct value, worked out once: a series' occurrences
// share their titles and attendees.
class PreparedValues {
public:
    const std::string* fold(const std::string& text, const FoldOptions& options) {
        auto it = m_folded.find(text);
        if (it == m_folded.end())
            it = m_folded.emplace(text, fold_text(text, options)).first;
        return &it->second;
    }

    const Participants* participants_of(const Occurrence& o, const Ownership& ownership,
                                        const Settings& settings) {
        // Identity, not content, is the key: copies of one event share these values, and
        // telling equal lists apart costs only a second computation.
        PeopleKey key{&o.organizer.get(), &o.attendees.get(), &o.source_file.get()};
        auto it = m_participants.find(key);
        if (it == m_participants.end())
            it = m_participants.emplace(key, busywork::participants_of(o, ownership, settings))
                     .first;
        return &it->second;
    }

private:
    using PeopleKey = std::tuple<const void*, const void*, const void*>;
    // Node-based, so the pointers handed out stay valid when more are added.
    std::unordered_map<std::string, std::string> m_folded;
    std::map<PeopleKey, Participants> m_participants;
};

// What the rules look at, for each occurrence.
struct Prepared {
    std::vector<const Participants*> participants;
    std::vector<FoldedText> folded;
    // What the pointers above point into: the values each thread worked out (a value may be
    // worked out by both, to the same result). In a deque, so they stay put when this moves.
    std::deque<PreparedValues> values;
};

Prepared prepare(const std::vector<const Occurrence*>& occurrences, const RuleSet& rules,
                 const Ownerships& ownerships) {
    Prepared prepared;
    prepared.participants.resize(occurrences.size());
    prepared.folded.resize(occurrences.size());
    const FoldOptions& options = rules.settings.fold;
    static const std::string unread;
    // Titles are always folded, for pre/post inference; other texts only when a rule reads
    // them, as descriptions are most of an export's text and slow to fold.
    const bool descriptions = reads_descriptions(rules);
    const bool locations = reads_locations(rules);
    const bool parallel = two_threads_for(occurrences.size());
    PreparedValues& first = prepared.values.emplace_back();
    PreparedValues& second = parallel ? prepared.values.emplace_back() : first;
    over_halves(occurrences.size(), parallel, [&](std::size_t from, std::size_t to) {
        PreparedValues& values = from == 0 ? first : second;
        for (std::size_t i = from; i < to; ++i) {
            const Occurrence& o = *occurrences[i];
            prepared.participants[i] =
                values.participants_of(o, ownership_of(o, ownerships), rules.settings);
            prepared.folded[i] =
                FoldedText{values.fold(o.summary, options),
                           descriptions ? values.fold(o.description, options) : &unread,
                           locations ? values.fold(o.location, options) : &unread};
        }
    });
    return prepared;
}

minutes duration_of(const Occurrence& o) {
    return std::chrono::duration_cast<minutes>(o.end - o.start);
}

// The rule that decides, or none when no rule matches (a rules file without a catch-all).
struct Decision {
    std::optional<std::size_t> rule;
    Shared<std::optional<Tie>> tie;
    std::optional<std::size_t> timed_out_rule; ///< the first rule whose pattern gave up
};

Decision decide(const Subject& subject, const RuleSet& rules, const InferenceContext* inference,
                PatternRunner& patterns) {
    Decision decision;
    RuleEvaluator evaluator(subject, patterns, false);
    for (std::size_t i = 0; i < rules.rules.size(); ++i) {
        Evaluation e = evaluator.evaluate(rules.rules[i], inference);
        if (e.timed_out && !decision.timed_out_rule)
            decision.timed_out_rule = i;
        if (e.holds) {
            decision.rule = i;
            decision.tie = std::move(e.tie);
            return decision;
        }
    }
    return decision;
}

struct CalendarInference {
    CustomerMeetings meetings;
    std::unique_ptr<NameFilter> names;
};

// The customer meetings per calendar file, from the first pass's decisions.
std::map<std::string, CalendarInference>
customer_meetings(const std::vector<const Occurrence*>& occurrences, const Prepared& prepared,
                  const std::vector<bool>& is_customer, const RuleSet& rules,
                  const Ownerships& ownerships) {
    std::map<std::string, CalendarInference> calendars;
    for (std::size_t i = 0; i < occurrences.size(); ++i) {
        const Occurrence& o = *occurrences[i];
        auto [it, inserted] = calendars.try_emplace(o.source_file);
        if (inserted)
            it->second.names =
                std::make_unique<NameFilter>(rules.settings, ownership_of(o, ownerships));
        if (!is_customer[i])
            continue;
        std::vector<std::string> names =
            distinctive_words(*prepared.folded[i].title, *it->second.names);
        for (const auto& d : prepared.participants[i]->external_domains)
            for (auto& label : NameFilter::label_names(d, rules.settings.fold))
                if (it->second.names->distinctive(label) &&
                    std::find(names.begin(), names.end(), label) == names.end())
                    names.push_back(std::move(label));
        it->second.meetings.add(
            {o.start, o.end, prepared.participants[i]->addresses, o.summary, o.uid},
            std::move(names));
    }
    for (auto& [file, c] : calendars)
        c.meetings.index();
    return calendars;
}

bool uses_patterns(const RuleSet& rules) {
    auto has = [](const std::optional<TextCondition>& c) { return c && !c->patterns.empty(); };
    return std::any_of(rules.rules.begin(), rules.rules.end(), [&](const Rule& r) {
        return has(r.when.title) || has(r.when.description) || has(r.when.location) ||
               has(r.when.any_text);
    });
}

bool has_inference_rule(const RuleSet& rules) {
    return std::any_of(rules.rules.begin(), rules.rules.end(),
                       [](const Rule& r) { return r.when.infer != Inference::none; });
}

Classification excluded(const std::string& reason) {
    return Classification{Category::excluded, reason, std::nullopt};
}

// A rules file may lack a catch-all; what no rule claims is "other", and says so.
const Classification unmatched{Category::internal_other, "no rule matched", std::nullopt};

} // namespace

std::vector<ClassifiedOccurrence> classify(std::vector<Occurrence> occurrences,
                                           const RuleSet& rules, const Ownerships& ownerships,
                                           Diagnostics& diagnostics) {
    // Decided in place: the occurrences move into the result first, so that they are never
    // held twice (they are most of the memory a report takes).
    std::vector<ClassifiedOccurrence> classified;
    classified.reserve(occurrences.size());
    for (Occurrence& o : occurrences)
        classified.push_back({std::move(o), {}});
    occurrences = {};
    const std::size_t count = classified.size();
    auto occurrence = [&classified](std::size_t i) -> const Occurrence& {
        return classified[i].occurrence;
    };
    std::vector<const Occurrence*> pointers;
    pointers.reserve(count);
    for (const auto& c : classified)
        pointers.push_back(&c.occurrence);
    Prepared prepared = prepare(pointers, rules, ownerships);

    std::vector<Shared<std::string>> rule_names;
    for (const Rule& rule : rules.rules)
        rule_names.emplace_back(rule.name);
    std::map<std::string, Classification> exclusions;

    PatternRunner patterns;
    std::vector<std::optional<std::size_t>> first_pass(count);
    std::vector<bool> is_customer(count, false);
    std::set<std::string> timed_out_events;
    auto report_timeout = [&](const Occurrence& o, std::size_t rule) {
        if (timed_out_events.insert(*o.uid + "\n" + *o.summary).second &&
            timed_out_events.size() <= PatternRunner::timeouts_allowed)
            diagnostics.warn(o.source_file, o.source_line,
                             "a regular expression of rule \"" + rules.rules[rule].name +
                                 "\" ran out of time on " + describe_event(o.summary, o.uid) +
                                 "; it counts as not matching");
    };
    auto record = [&](std::size_t i, Decision& d) {
        Classification& c = classified[i].classification;
        if (d.rule)
            c = Classification{rules.rules[*d.rule].category, rule_names[*d.rule],
                               std::move(d.tie)};
        else
            c = unmatched;
        if (d.timed_out_rule)
            report_timeout(occurrence(i), *d.timed_out_rule);
    };

    // The first pass decides each occurrence on its own, so it may run on two threads, each
    // deciding into its own slots; the decisions are then recorded in order. Not with
    // regular expressions: a pattern that runs out of time too often is given up on, which
    // makes later decisions depend on earlier ones. Exclusions are recorded at once, from
    // names kept once each.
    std::vector<std::optional<Decision>> first_decisions(count);
    std::vector<const char*> excluded_as(count, nullptr);
    auto first_pass_over = [&](std::size_t from, std::size_t to, PatternRunner& runner) {
        for (std::size_t i = from; i < to; ++i) {
            Subject subject{occurrence(i), *prepared.participants[i], prepared.folded[i],
                            duration_of(occurrence(i))};
            if (const char* reason = exclusion(subject)) {
                excluded_as[i] = reason;
                continue;
            }
            first_decisions[i] = decide(subject, rules, nullptr, runner);
        }
    };
    // The runner of the second half is unused without patterns, but decide() takes one.
    PatternRunner second_runner;
    const bool parallel = two_threads_for(count) && !uses_patterns(rules);
    over_halves(count, parallel, [&](std::size_t from, std::size_t to) {
        first_pass_over(from, to, from == 0 ? patterns : second_runner);
    });
    for (std::size_t i = 0; i < count; ++i) {
        if (excluded_as[i]) {
            auto it = exclusions.find(excluded_as[i]);
            if (it == exclusions.end())
                it = exclusions.emplace(excluded_as[i], excluded(excluded_as[i])).first;
            classified[i].classification = it->second;
            continue;
        }
        Decision& d = *first_decisions[i];
        first_pass[i] = d.rule;
        is_customer[i] = d.rule && rules.rules[*d.rule].category == Category::customer;
        record(i, d);
    }
    first_decisions = {};
    excluded_as = {};

    if (has_inference_rule(rules)) {
        auto calendars = customer_meetings(pointers, prepared, is_customer, rules, ownerships);
        // As in the first pass, on two threads when there are no patterns; each records
        // its own occurrences' decisions, as no diagnostics can come of them then and the
        // customer meetings are only read.
        auto infer_over = [&](std::size_t from, std::size_t to, PatternRunner& runner) {
            for (std::size_t i = from; i < to; ++i) {
                if (classified[i].classification.category == Category::excluded || is_customer[i])
                    continue;
                // Only an inference rule tried before the first pass's decision can change it.
                std::size_t limit = first_pass[i].value_or(rules.rules.size());
                bool inference_first = false;
                for (std::size_t r = 0; r < limit; ++r)
                    inference_first =
                        inference_first || rules.rules[r].when.infer != Inference::none;
                if (!inference_first)
                    continue;
                const Occurrence& o = occurrence(i);
                const CalendarInference& c = calendars.at(o.source_file);
                InferenceContext context{c.meetings, *c.names, rules.settings};
                Subject subject{o, *prepared.participants[i], prepared.folded[i], duration_of(o)};
                Decision d = decide(subject, rules, &context, runner);
                record(i, d);
            }
        };
        over_halves(count, parallel, [&](std::size_t from, std::size_t to) {
            infer_over(from, to, from == 0 ? patterns : second_runner);
        });
    }

    if (timed_out_events.size() > PatternRunner::timeouts_allowed)
        diagnostics.warn(rules.source, 0,
                         std::to_string(timed_out_events.size() - PatternRunner::timeouts_allowed) +
                             " more events were classified without regular expressions that "
                             "ran out of time");
    return classified;
}

struct Explainer::State {
    const RuleSet& rules;
    std::vector<const Occurrence*> occurrences;
    std::vector<bool> is_customer;
    Prepared prepared;
    std::map<std::string, CalendarInference> calendars;
    PatternRunner patterns;
};

Explainer::Explainer(const std::vector<ClassifiedOccurrence>& classified, const RuleSet& rules,
                     const Ownerships& ownerships)
    : m_state(std::make_unique<State>(State{rules, {}, {}, {}, {}, {}})) {
    for (const auto& c : classified) {
        m_state->occurrences.push_back(&c.occurrence);
        m_state->is_customer.push_back(c.classification.category == Category::customer);
    }
    m_state->prepared = prepare(m_state->occurrences, rules, ownerships);
    m_state->calendars = customer_meetings(m_state->occurrences, m_state->prepared,
                                           m_state->is_customer, rules, ownerships);
}

Explainer::~Explainer() = default;

std::vector<ExplanationStep> Explainer::explain(std::size_t index) const {
    State& state = *m_state;
    const Occurrence& o = *state.occurrences.at(index);
    Subject subject{o, *state.prepared.participants[index], state.prepared.folded[index],
                    duration_of(o)};
    std::vector<ExplanationStep> steps;
    if (auto reason = exclusion(subject)) {
        steps.push_back({reason, Category::excluded, true, "built-in exclusion"});
        return steps;
    }
    steps.push_back({"exclusions", Category::excluded, false,
                     "not cancelled, declined, free, all-day or empty"});
    const CalendarInference& c = state.calendars.at(o.source_file);
    InferenceContext context{c.meetings, *c.names, state.rules.settings};
    RuleEvaluator evaluator(subject, state.patterns, true);
    for (const Rule& rule : state.rules.rules) {
        if (rule.when.infer != Inference::none && state.is_customer[index]) {
            steps.push_back({rule.name, rule.category, false, "it is itself a customer meeting"});
            continue;
        }
        Evaluation e = evaluator.evaluate(rule, &context);
        steps.push_back({rule.name, rule.category, e.holds, e.reason, e.tie});
        if (e.holds)
            return steps;
    }
    steps.push_back({unmatched.rule, unmatched.category, true, "no rule matched"});
    return steps;
}

std::vector<ExplanationStep> explain(const std::vector<ClassifiedOccurrence>& classified,
                                     std::size_t index, const RuleSet& rules,
                                     const Ownerships& ownerships) {
    return Explainer(classified, rules, ownerships).explain(index);
}

std::string describe_tied_meeting(const Tie& tie) {
    return "customer meeting \"" + tie.summary + "\" (" +
           (tie.name == "attendees" ? "same participants, close in time"
                                    : "names \"" + tie.name + "\"") +
           ")";
}

std::vector<OccurrenceExplanation>
explain_occurrences(const std::vector<ClassifiedOccurrence>& classified,
                    const std::vector<std::size_t>& selected, const RuleSet& rules,
                    const Ownerships& ownerships) {
    std::vector<OccurrenceExplanation> explanations;
    if (selected.empty())
        return explanations;
    Explainer explainer(classified, rules, ownerships);
    for (std::size_t index : selected) {
        OccurrenceExplanation e{classified.at(index), std::nullopt, std::nullopt,
                                explainer.explain(index)};
        if (auto it = ownerships.find(e.subject.occurrence.source_file); it != ownerships.end()) {
            e.ownership = it->second;
            e.participants = participants_of(e.subject.occurrence, it->second, rules.settings);
        }
        explanations.push_back(std::move(e));
    }
    return explanations;
}

} // namespace busywork
