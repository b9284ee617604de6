// SPDX-License-Identifier: MIT
#include <boost/test/unit_test.hpp>
#include <busywork/shared.hpp>
#include <functional>
#include <string>
#include <vector>

using namespace busywork;

namespace {
using Texts = SharedPool<std::string, std::hash<std::string>>;
} // namespace

BOOST_AUTO_TEST_SUITE(shared)

BOOST_AUTO_TEST_CASE(copies_share_and_edit_copies_first) {
    Shared<std::string> a = std::string("Team Sync");
    Shared<std::string> b = a;
    BOOST_TEST(&a.get() == &b.get());
    b.edit() += " (moved)";
    BOOST_TEST(a == "Team Sync");
    BOOST_TEST(b == "Team Sync (moved)");
    BOOST_TEST(&a.get() != &b.get());
}

BOOST_AUTO_TEST_CASE(a_pool_makes_equal_values_one_and_keeps_different_ones_apart) {
    Texts pool;
    Shared<std::string> first = std::string("anna@acme.de");
    Shared<std::string> again = std::string("anna@acme.de"); // equal, held apart
    Shared<std::string> other = std::string("ben@acme.de");
    BOOST_TEST(&first.get() != &again.get());
    pool.pool(first);
    pool.pool(again);
    pool.pool(other);
    BOOST_TEST(&first.get() == &again.get()); // the later one now shares the first
    BOOST_TEST(again == "anna@acme.de");
    BOOST_TEST(other == "ben@acme.de");
    BOOST_TEST(pool.size() == 2u);
    // Sharing does not tie them: editing one leaves the pooled value alone.
    again.edit() = "changed";
    BOOST_TEST(first == "anna@acme.de");
}

BOOST_AUTO_TEST_CASE(prepare_runs_once_per_distinct_value) {
    struct ListHash {
        std::size_t operator()(const std::vector<std::string>& list) const {
            std::size_t h = list.size();
            for (const auto& s : list)
                h = h * 31 + std::hash<std::string>{}(s);
            return h;
        }
    };
    SharedPool<std::vector<std::string>, ListHash> lists;
    Texts parts;
    int prepared = 0;
    auto prepare = [&](Shared<std::vector<std::string>>& list) {
        ++prepared;
        for (auto& s : list.edit()) {
            Shared<std::string> part = s;
            parts.pool(part);
        }
    };
    std::vector<Shared<std::vector<std::string>>> seen;
    for (const auto& list : {std::vector<std::string>{"a", "b"}, std::vector<std::string>{"a", "b"},
                             std::vector<std::string>{"b"}, std::vector<std::string>{"a", "b"}}) {
        seen.emplace_back(list);
        lists.pool(seen.back(), prepare);
    }
    BOOST_TEST(prepared == 2); // {a, b} and {b}
    BOOST_TEST(lists.size() == 2u);
    BOOST_TEST(parts.size() == 2u); // "a" and "b"
    BOOST_TEST(&seen[0].get() == &seen[1].get());
    BOOST_TEST(&seen[0].get() == &seen[3].get());
    BOOST_TEST(seen[2].size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
