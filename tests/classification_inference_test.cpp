// SPDX-License-Identifier: MIT
// Pre- and post-meeting inference (rules "pre:infer" and "post:infer" of the default rules),
// on occurrences built by hand. The calendar owner is anna@acme.de, the internal domain acme.de.
//
// Every internal title below was checked by hand against the keyword lists of the rules that
// come before the inference rules in lib/busywork/default_rules.toml (customer:attendee has no
// keywords; solo:keyword needs 0 participants; pre:keyword; post:keyword), so that inference
// is what decides. Where inference must *not* fire, the title was also checked against
// sync:keyword (and the meeting is not recurring), so the expected fallback is the catch-all
// rule "internal-other" (category internal-other). The titles used:
//   "Contoso numbers", "Tailspin numbers", "Fabrikam Zahlen", "Novo numbers", "Interne Runde",
//   "Q4 review call 2027", "Acme Zahlen"
// None of them contains "prep", "prepar", "pre call", "briefing", "vorbereit", "forbered",
// "formøde", "debrief", "recap", "nachbesprechung", "opsamling", "review intern", "sync",
// "daily", "weekly", "jour fixe", "abstimmung", "runde" compounds such as "teamrunde", ...
#include <boost/test/unit_test.hpp>
#include <busywork/classification.hpp>
#include <busywork/rules.hpp>
#include <optional>
#include <string>
#include <vector>

using namespace busywork;

namespace {

const std::string owner = "anna@acme.de";
const std::string calendar = "cal.ics";
const std::string other_calendar = "other.ics";

/// 2026-10-`day` `hour`:`minute` UTC. All cases are in the week of Mon 19 Oct 2026.
Instant at(unsigned day, int hour, int minute = 0) {
    return Instant{date::sys_days{date::year{2026} / date::October / date::day{day}}} +
           std::chrono::hours{hour} + std::chrono::minutes{minute};
}

long long seconds(Instant instant) {
    return instant.time_since_epoch().count();
}

Attendee person(const std::string& address, const std::string& partstat = "ACCEPTED") {
    Attendee a;
    a.address = address;
    a.partstat = partstat;
    a.role = "REQ-PARTICIPANT";
    a.cutype = "INDIVIDUAL";
    return a;
}

/// A confirmed, opaque, single (not recurring) event organized by the owner, who attends it;
/// `people` are the other attendees.
Occurrence meeting(const std::string& uid, const std::string& summary, Instant start, Instant end,
                   const std::vector<std::string>& people, const std::string& file = calendar) {
    Occurrence o;
    o.source_file = file;
    o.source_line = 1;
    o.uid = uid;
    o.start = start;
    o.end = end;
    o.summary = summary;
    o.organizer = person(owner);
    if (!people.empty())
        o.attendees.edit().push_back(person(owner));
    for (const auto& p : people)
        o.attendees.edit().push_back(person(p));
    o.status = "CONFIRMED";
    o.transp = "OPAQUE";
    return o;
}

Ownership acme() {
    Ownership o;
    o.owner_addresses = {owner};
    o.internal_domains = {"acme.de"};
    o.owner_evidence = "--me";
    o.domain_evidence = "--internal-domain";
    return o;
}

struct Result {
    std::vector<ClassifiedOccurrence> classified;

    const Classification& of(const std::string& uid) const {
        for (const auto& c : classified)
            if (c.occurrence.uid == uid)
                return c.classification;
        BOOST_FAIL("no occurrence with UID " + uid);
        throw std::logic_error("unreachable");
    }
    std::string category(const std::string& uid) const {
        return std::string(category_name(of(uid).category));
    }
    std::string rule(const std::string& uid) const { return of(uid).rule; }
    std::string tie_name(const std::string& uid) const {
        const auto& tie = of(uid).tie;
        return tie ? tie->name : std::string("(no tie)");
    }
    long long tie_start(const std::string& uid) const {
        const auto& tie = of(uid).tie;
        return tie ? seconds(tie->start) : -1;
    }
};

Result classify_all(std::vector<Occurrence> occurrences) {
    Ownerships ownerships{{calendar, acme()}, {other_calendar, acme()}};
    Diagnostics diagnostics;
    Result r{classify(std::move(occurrences), default_rules(), ownerships, diagnostics)};
    BOOST_TEST(diagnostics.empty());
    return r;
}

} // namespace

BOOST_AUTO_TEST_SUITE(classification_inference)

BOOST_AUTO_TEST_CASE(pre_meeting_named_by_the_customer_domain_label) {
    // The customer meeting's title has no "contoso"; its names are the title's distinctive
    // words ("quarterly", "business"; "review" is common) and the label of its attendee's
    // domain, contoso.com -> "contoso". The internal meeting ends 2 h before it (well inside
    // pre_window = 3d) and its title word "contoso" is that label: pre-meeting by pre:infer,
    // tied to the customer meeting's start.
    auto r = classify_all({
        meeting("cust", "Quarterly business review", at(22, 11), at(22, 12), {"x@contoso.com"}),
        meeting("prep", "Contoso numbers", at(22, 8), at(22, 9), {"jonas@acme.de"}),
    });
    BOOST_TEST(r.category("cust") == "customer");
    BOOST_TEST(r.rule("cust") == "customer:attendee");
    BOOST_TEST(!r.of("cust").tie);
    BOOST_TEST(r.category("prep") == "pre-meeting");
    BOOST_TEST(r.rule("prep") == "pre:infer");
    BOOST_TEST(r.tie_name("prep") == "contoso");
    BOOST_TEST(r.tie_start("prep") == seconds(at(22, 11)));
    BOOST_REQUIRE(r.of("prep").tie);
    BOOST_TEST(r.of("prep").tie->summary == "Quarterly business review");
    BOOST_TEST(r.of("prep").tie->uid == "cust");
}

BOOST_AUTO_TEST_CASE(customer_named_by_a_distinctive_word_of_its_title) {
    // tailspintoys.co.uk's label is "tailspintoys", which the internal title does not contain.
    // The customer title's words: "tailspin", "toys" are distinctive; "nordic", "rollout",
    // "review" are common words. So the tie can only come from the title word "tailspin".
    auto r = classify_all({
        meeting("cust", "Tailspin Toys – Nordic rollout review", at(20, 13), at(20, 14),
                {"olivia@tailspintoys.co.uk"}),
        meeting("prep", "Tailspin numbers", at(20, 10), at(20, 11), {"jonas@acme.de"}),
    });
    BOOST_TEST(r.category("prep") == "pre-meeting");
    BOOST_TEST(r.rule("prep") == "pre:infer");
    BOOST_TEST(r.tie_name("prep") == "tailspin");
    BOOST_TEST(r.tie_start("prep") == seconds(at(20, 13)));
}

BOOST_AUTO_TEST_CASE(domain_label_of_a_two_level_public_suffix) {
    // mail.contoso.co.uk: co.uk is the public suffix, the registrable domain contoso.co.uk, its
    // label "contoso" (not "co" nor "mail").
    auto r = classify_all({
        meeting("cust", "Quarterly business review", at(22, 11), at(22, 12),
                {"jane@mail.contoso.co.uk"}),
        meeting("prep", "Contoso numbers", at(22, 8), at(22, 9), {"jonas@acme.de"}),
    });
    BOOST_TEST(r.category("prep") == "pre-meeting");
    BOOST_TEST(r.tie_name("prep") == "contoso");
}

BOOST_AUTO_TEST_CASE(pre_window_edges) {
    // Customer meeting Thu 22 Oct 09:00. pre_window = 3d: ending at Mon 19 Oct 09:00 is exactly
    // 3 days before (the bound is included); ending at 08:59 is 3 days and 1 minute before.
    // Neither is within adjacent_window, and no customer meeting precedes them (no post).
    // An internal meeting 08:30-09:30 on the day itself ends after the customer meeting has
    // started, so it is not *before* it; it starts before the customer meeting ends, so it is
    // not after it either.
    auto r = classify_all({
        meeting("cust", "Quarterly business review", at(22, 9), at(22, 10), {"x@contoso.com"}),
        meeting("edge", "Contoso numbers", at(19, 8), at(19, 9), {"jonas@acme.de"}),
        meeting("late", "Contoso numbers", at(19, 7, 59), at(19, 8, 59), {"jonas@acme.de"}),
        meeting("overlap", "Contoso numbers", at(22, 8, 30), at(22, 9, 30), {"jonas@acme.de"}),
    });
    BOOST_TEST(r.category("edge") == "pre-meeting");
    BOOST_TEST(r.rule("edge") == "pre:infer");
    BOOST_TEST(r.tie_start("edge") == seconds(at(22, 9)));
    BOOST_TEST(r.category("late") == "internal-other");
    BOOST_TEST(r.rule("late") == "internal-other");
    BOOST_TEST(!r.of("late").tie);
    BOOST_TEST(r.category("overlap") == "internal-other");
    BOOST_TEST(r.rule("overlap") == "internal-other");
}

BOOST_AUTO_TEST_CASE(post_window_edges) {
    // Customer meeting Mon 19 Oct 09:00-10:00. post_window = 3d counts from its end: starting
    // Thu 22 Oct 10:00 is exactly 3 days after (included), 10:01 is 3 days and 1 minute after.
    // No customer meeting follows either of them, so pre:infer does not fire first.
    auto r = classify_all({
        meeting("cust", "Quarterly business review", at(19, 9), at(19, 10), {"x@contoso.com"}),
        meeting("edge", "Contoso numbers", at(22, 10), at(22, 10, 30), {"jonas@acme.de"}),
        meeting("late", "Contoso numbers", at(22, 10, 1), at(22, 10, 31), {"jonas@acme.de"}),
    });
    BOOST_TEST(r.category("edge") == "post-meeting");
    BOOST_TEST(r.rule("edge") == "post:infer");
    BOOST_TEST(r.tie_name("edge") == "contoso");
    BOOST_TEST(r.tie_start("edge") == seconds(at(19, 9)));
    BOOST_TEST(r.category("late") == "internal-other");
    BOOST_TEST(r.rule("late") == "internal-other");
}

BOOST_AUTO_TEST_CASE(the_named_customer_wins_over_a_nearer_other_customer) {
    // Two customer meetings on Thu 22 Oct: Contoso at 10:00 (nearer) and Fabrikam at 14:00.
    // "Fabrikam Zahlen" (08:00-09:00) names only Fabrikam ("zahlen" names nobody), so it is
    // Fabrikam's pre-meeting, tied to 14:00.
    auto r = classify_all({
        meeting("contoso", "Quarterly business review", at(22, 10), at(22, 11), {"x@contoso.com"}),
        meeting("fabrikam", "Roadmap", at(22, 14), at(22, 15), {"y@fabrikam.de"}),
        meeting("prep", "Fabrikam Zahlen", at(22, 8), at(22, 9), {"jonas@acme.de"}),
    });
    BOOST_TEST(r.category("prep") == "pre-meeting");
    BOOST_TEST(r.tie_name("prep") == "fabrikam");
    BOOST_TEST(r.tie_start("prep") == seconds(at(22, 14)));
    BOOST_REQUIRE(r.of("prep").tie);
    BOOST_TEST(r.of("prep").tie->uid == "fabrikam");
}

BOOST_AUTO_TEST_CASE(the_nearest_of_two_meetings_with_the_same_customer) {
    // Before: Contoso on Tue 20 and Wed 21 Oct (given in reverse order), the internal meeting
    // ends Mon 19 Oct 17:00: both are within 3 days, the nearer (Tue 20 10:00) is chosen.
    auto before = classify_all({
        meeting("wed", "Quarterly business review", at(21, 10), at(21, 11), {"x@contoso.com"}),
        meeting("tue", "Quarterly business review", at(20, 10), at(20, 11), {"x@contoso.com"}),
        meeting("prep", "Contoso numbers", at(19, 16), at(19, 17), {"jonas@acme.de"}),
    });
    BOOST_TEST(before.tie_start("prep") == seconds(at(20, 10)));
    BOOST_REQUIRE(before.of("prep").tie);
    BOOST_TEST(before.of("prep").tie->uid == "tue");
    // After: Contoso ended Mon 19 11:00 and Tue 20 11:00, the internal meeting starts Wed 21
    // 09:00 and nothing follows it: the later-ending one (Tue 20, started 10:00) is nearest.
    auto after = classify_all({
        meeting("tue", "Quarterly business review", at(20, 10), at(20, 11), {"x@contoso.com"}),
        meeting("mon", "Quarterly business review", at(19, 10), at(19, 11), {"x@contoso.com"}),
        meeting("post", "Contoso numbers", at(21, 9), at(21, 10), {"jonas@acme.de"}),
    });
    BOOST_TEST(after.category("post") == "post-meeting");
    BOOST_TEST(after.rule("post") == "post:infer");
    BOOST_TEST(after.tie_start("post") == seconds(at(20, 10)));
}

BOOST_AUTO_TEST_CASE(adjacent_meeting_with_attendees_of_the_customer_meeting) {
    // Customer meeting Thu 22 Oct 10:00-11:00 with x@contoso.com, Jonas and Lena.
    // "Interne Runde" names nobody: "interne" is a common word, "runde" is not a name of the
    // customer meeting (its names: "quarterly", "business", "contoso"). So only adjacency
    // (adjacent_window = 30m, every participant also attends the customer meeting) can tie it:
    //  - Jonas, 09:00-09:30: ends 30 min before -> pre-meeting, tie "attendees";
    //  - Jonas, 08:59-09:29: ends 31 min before -> internal-other;
    //  - Jonas and Max, 09:00-09:30: Max is not in the customer meeting -> internal-other;
    //  - Jonas and Lena, 11:30-12:00: starts 30 min after its end -> post-meeting, "attendees";
    //  - Lena, 11:31-12:00: starts 31 min after -> internal-other.
    auto r = classify_all({
        meeting("cust", "Quarterly business review", at(22, 10), at(22, 11),
                {"x@contoso.com", "jonas@acme.de", "lena@acme.de"}),
        meeting("adjacent", "Interne Runde", at(22, 9), at(22, 9, 30), {"jonas@acme.de"}),
        meeting("gap31", "Interne Runde", at(22, 8, 59), at(22, 9, 29), {"jonas@acme.de"}),
        meeting("stranger", "Interne Runde", at(22, 9), at(22, 9, 30),
                {"jonas@acme.de", "max@acme.de"}),
        meeting("after", "Interne Runde", at(22, 11, 30), at(22, 12),
                {"jonas@acme.de", "lena@acme.de"}),
        meeting("after31", "Interne Runde", at(22, 11, 31), at(22, 12), {"lena@acme.de"}),
    });
    BOOST_TEST(r.category("adjacent") == "pre-meeting");
    BOOST_TEST(r.rule("adjacent") == "pre:infer");
    BOOST_TEST(r.tie_name("adjacent") == "attendees");
    BOOST_TEST(r.tie_start("adjacent") == seconds(at(22, 10)));
    BOOST_TEST(r.category("gap31") == "internal-other");
    BOOST_TEST(r.category("stranger") == "internal-other");
    BOOST_TEST(r.category("after") == "post-meeting");
    BOOST_TEST(r.rule("after") == "post:infer");
    BOOST_TEST(r.tie_name("after") == "attendees");
    BOOST_TEST(r.category("after31") == "internal-other");
}

BOOST_AUTO_TEST_CASE(a_meeting_with_an_external_attendee_is_customer_not_pre) {
    // It names Contoso and ends 2 h before the Contoso meeting, but z@partner.com is external:
    // customer:attendee (rule 1) decides before any inference rule is tried.
    auto r = classify_all({
        meeting("cust", "Quarterly business review", at(22, 11), at(22, 12), {"x@contoso.com"}),
        meeting("mixed", "Contoso numbers", at(22, 8), at(22, 9),
                {"jonas@acme.de", "z@partner.com"}),
    });
    BOOST_TEST(r.category("mixed") == "customer");
    BOOST_TEST(r.rule("mixed") == "customer:attendee");
    BOOST_TEST(!r.of("mixed").tie);
}

BOOST_AUTO_TEST_CASE(a_solo_block_naming_the_customer_is_not_inferred) {
    // No participants: all_internal needs participants, so pre:infer does not hold. The title
    // has no solo or customer keyword, so it falls to the rule "solo" (max_participants = 0).
    auto r = classify_all({
        meeting("cust", "Quarterly business review", at(22, 11), at(22, 12), {"x@contoso.com"}),
        meeting("alone", "Contoso numbers", at(22, 8), at(22, 9), {}),
    });
    BOOST_TEST(r.category("alone") == "solo");
    BOOST_TEST(r.rule("alone") == "solo");
    BOOST_TEST(!r.of("alone").tie);
}

BOOST_AUTO_TEST_CASE(a_customer_by_keyword_anchors_inference_too) {
    // "Kundentermin Novo" has no participants and the customer keyword "kundentermin":
    // customer by customer:keyword. Its only distinctive word is "novo" ("kundentermin" is a
    // common word), which "Novo numbers" names: pre-meeting, tie "novo".
    auto r = classify_all({
        meeting("cust", "Kundentermin Novo", at(22, 11), at(22, 12), {}),
        meeting("prep", "Novo numbers", at(22, 8), at(22, 9), {"jonas@acme.de"}),
    });
    BOOST_TEST(r.category("cust") == "customer");
    BOOST_TEST(r.rule("cust") == "customer:keyword");
    BOOST_TEST(r.category("prep") == "pre-meeting");
    BOOST_TEST(r.tie_name("prep") == "novo");
}

BOOST_AUTO_TEST_CASE(common_words_and_numbers_never_tie) {
    // Same title on both sides, 2 h apart (too far for adjacency). "review" and "call" are
    // common words, "q4" and "2027" contain digits: nothing distinctive is left, so nothing
    // names the customer. No sync keyword either ("review call" is not "sales review",
    // "status call", ...): internal-other.
    auto r = classify_all({
        meeting("cust", "Q4 review call 2027", at(22, 11), at(22, 12), {"x@contoso.com"}),
        meeting("internal", "Q4 review call 2027", at(22, 8), at(22, 9), {"jonas@acme.de"}),
    });
    BOOST_TEST(r.category("internal") == "internal-other");
    BOOST_TEST(r.rule("internal") == "internal-other");
    BOOST_TEST(!r.of("internal").tie);
}

BOOST_AUTO_TEST_CASE(the_owners_own_company_name_never_ties) {
    // "acme" is the label of the internal domain acme.de, so it is never a customer's name,
    // neither in the customer meeting's title nor in the internal one. The customer meeting's
    // names are then just "contoso"; "Acme Zahlen" has only "zahlen": no tie.
    auto r = classify_all({
        meeting("cust", "Acme and Contoso", at(22, 11), at(22, 12), {"x@contoso.com"}),
        meeting("internal", "Acme Zahlen", at(22, 8), at(22, 9), {"jonas@acme.de"}),
    });
    BOOST_TEST(r.category("internal") == "internal-other");
    BOOST_TEST(r.rule("internal") == "internal-other");
}

BOOST_AUTO_TEST_CASE(meetings_of_different_calendar_files_do_not_tie) {
    // The pair of the first case, but the customer meeting is in another calendar file:
    // inference only sees the customer meetings of the same file, so nothing names or follows
    // the internal meeting: internal-other. The same times within one file do tie (control).
    auto apart = classify_all({
        meeting("cust", "Quarterly business review", at(22, 11), at(22, 12), {"x@contoso.com"},
                other_calendar),
        meeting("internal", "Contoso numbers", at(22, 8), at(22, 9), {"jonas@acme.de"}),
    });
    BOOST_TEST(apart.category("cust") == "customer");
    BOOST_TEST(apart.category("internal") == "internal-other");
    BOOST_TEST(apart.rule("internal") == "internal-other");
    auto together = classify_all({
        meeting("cust", "Quarterly business review", at(22, 11), at(22, 12), {"x@contoso.com"},
                other_calendar),
        meeting("internal", "Contoso numbers", at(22, 8), at(22, 9), {"jonas@acme.de"},
                other_calendar),
    });
    BOOST_TEST(together.category("internal") == "pre-meeting");
    BOOST_TEST(together.tie_start("internal") == seconds(at(22, 11)));
}

BOOST_AUTO_TEST_CASE(excluded_customer_meetings_do_not_anchor) {
    // Each customer meeting is excluded by a built-in exclusion, so it is no customer meeting
    // and cannot be prepared: cancelled (Tue 20), declined by the owner (Wed 21), free (Thu 22).
    // The internal meetings 2 h before each therefore fall through to internal-other.
    Occurrence cancelled = meeting("cancelled", "Quarterly business review", at(20, 11), at(20, 12),
                                   {"x@contoso.com"});
    cancelled.status = "CANCELLED";
    Occurrence declined =
        meeting("declined", "Quarterly business review", at(21, 11), at(21, 12), {"x@contoso.com"});
    declined.attendees.edit().at(0).partstat = "DECLINED"; // the owner's own ATTENDEE line
    Occurrence free =
        meeting("free", "Quarterly business review", at(22, 11), at(22, 12), {"x@contoso.com"});
    free.transp = "TRANSPARENT";
    auto r = classify_all({
        cancelled,
        declined,
        free,
        meeting("before-cancelled", "Contoso numbers", at(20, 8), at(20, 9), {"jonas@acme.de"}),
        meeting("before-declined", "Contoso numbers", at(21, 8), at(21, 9), {"jonas@acme.de"}),
        meeting("before-free", "Contoso numbers", at(22, 8), at(22, 9), {"jonas@acme.de"}),
    });
    BOOST_TEST(r.category("cancelled") == "excluded");
    BOOST_TEST(r.rule("cancelled") == "cancelled");
    BOOST_TEST(r.category("declined") == "excluded");
    BOOST_TEST(r.rule("declined") == "declined");
    BOOST_TEST(r.category("free") == "excluded");
    BOOST_TEST(r.rule("free") == "free");
    // Tue 20's internal meeting is not even tied to a later (excluded) meeting: all three are
    // out, so there is nothing within 3 days to tie to.
    BOOST_TEST(r.category("before-cancelled") == "internal-other");
    BOOST_TEST(r.category("before-declined") == "internal-other");
    BOOST_TEST(r.category("before-free") == "internal-other");
}

BOOST_AUTO_TEST_CASE(a_hyphenated_customer_domain_names_the_customer_by_its_parts) {
    // tailspin-toys.com's label is "tailspin-toys"; titles split it at the hyphen, so its
    // words "tailspin" and "toys" name it, and so does "tailspintoys". The customer meeting's
    // own title ("Quarterly business review") does not mention them. Each internal meeting
    // ends 2 h before the customer meeting at 13:00 on Thu 22 Oct.
    for (const std::string title : {"Tailspin-Toys numbers", "TailspinToys numbers"}) {
        BOOST_TEST_CONTEXT(title) {
            auto r = classify_all({
                meeting("internal", title, at(22, 10), at(22, 11), {"jonas@acme.de"}),
                meeting("customer", "Quarterly business review", at(22, 13), at(22, 14),
                        {"x@tailspin-toys.com"}),
            });
            BOOST_TEST(r.rule("internal") == "pre:infer");
            BOOST_TEST(r.tie_start("internal") == seconds(at(22, 13)));
        }
    }
}

BOOST_AUTO_TEST_CASE(the_owners_hyphenated_company_name_never_ties) {
    // Owner at acme-sales.de: its label's words "acme" and "sales" are the owner's company,
    // never a customer's name. "Acme Zahlen" ends 2 h before a customer meeting whose title
    // has "Acme" in it (a joint meeting with Northwind); "Zahlen" is not a word of that title,
    // so nothing ties them and the internal meeting is internal-other.
    Ownership hyphenated;
    hyphenated.owner_addresses = {"anna@acme-sales.de"};
    hyphenated.internal_domains = {"acme-sales.de"};
    Occurrence internal =
        meeting("internal", "Acme Zahlen", at(22, 10), at(22, 11), {"jonas@acme-sales.de"});
    Occurrence customer =
        meeting("customer", "Acme Sales and Northwind", at(22, 13), at(22, 14), {"x@northwind.dk"});
    internal.organizer.edit()->address = customer.organizer.edit()->address = "anna@acme-sales.de";
    internal.attendees.edit()[0].address = customer.attendees.edit()[0].address =
        "anna@acme-sales.de";
    Ownerships ownerships{{calendar, hyphenated}};
    Diagnostics diagnostics;
    Result r{classify({internal, customer}, default_rules(), ownerships, diagnostics)};
    BOOST_TEST(r.category("customer") == "customer");
    BOOST_TEST(r.rule("internal") == "internal-other");
}

BOOST_AUTO_TEST_SUITE_END()
