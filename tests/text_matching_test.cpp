// SPDX-License-Identifier: MIT
#include <atomic>
#include <boost/test/unit_test.hpp>
#include <busywork/text_matching.hpp>
#include <chrono>
#include <ostream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

// Lets Boost.Test print an outcome when a check fails; found by argument-dependent lookup.
namespace busywork {
std::ostream& boost_test_print_type(std::ostream& out, Pattern::Outcome outcome) {
    switch (outcome) {
    case Pattern::Outcome::match:
        return out << "match";
    case Pattern::Outcome::no_match:
        return out << "no_match";
    case Pattern::Outcome::timed_out:
        return out << "timed_out";
    }
    return out << "Outcome(" << static_cast<int>(outcome) << ")";
}
} // namespace busywork

using busywork::contains_keyword;
using busywork::fold_text;
using busywork::FoldOptions;
using busywork::KeywordBoundary;
using busywork::make_keyword;
using busywork::Pattern;
using busywork::words_of;

namespace {

const FoldOptions ignoring{true};
const FoldOptions keeping{false};

// Whether `text`, folded like the keyword, contains it.
bool matches(const std::string& text, const std::string& keyword, KeywordBoundary boundary,
             const FoldOptions& options = ignoring) {
    return contains_keyword(fold_text(text, options), make_keyword(keyword, boundary, options));
}

} // namespace

BOOST_AUTO_TEST_SUITE(text_matching)

BOOST_AUTO_TEST_CASE(case_folding_is_full_unicode_folding) {
    for (const FoldOptions& options : {ignoring, keeping}) {
        BOOST_TEST(fold_text("VORBEREITUNG", options) == fold_text("Vorbereitung", options));
        BOOST_TEST(fold_text("VORBEREITUNG", options) == "vorbereitung");
        // Full folding maps ß to "ss" (simple folding would keep it), so the capitalised
        // spelling "STRASSE" meets the lower case one.
        BOOST_TEST(fold_text("STRASSE", options) == "strasse");
        BOOST_TEST(fold_text("Straße", options) == "strasse");
        // Capital ẞ (U+1E9E) folds to "ss" too.
        BOOST_TEST(fold_text("STRAẞE", options) == "strasse");
    }
    // Kept diacritics are folded, not dropped: Ü folds to ü.
    BOOST_TEST(fold_text("ÜBERGABE", keeping) == "übergabe");
}

BOOST_AUTO_TEST_CASE(decomposed_input_folds_like_precomposed) {
    // "u" + U+0308 COMBINING DIAERESIS is how macOS often stores ü; NFC composes it to U+00FC
    // before folding, so it folds to the same bytes as the precomposed spelling.
    const std::string decomposed = "Vorbereitu\u0308ng";
    const std::string precomposed = "Vorbereit\u00FCng";
    BOOST_TEST(decomposed != precomposed);
    BOOST_TEST(fold_text(decomposed, keeping) == fold_text(precomposed, keeping));
    BOOST_TEST(fold_text(decomposed, keeping) == "vorbereit\u00FCng");
    // With diacritics ignored both lose the mark.
    BOOST_TEST(fold_text(decomposed, ignoring) == "vorbereitung");
    BOOST_TEST(fold_text(precomposed, ignoring) == "vorbereitung");
    BOOST_TEST(
        matches("Vorbereitu\u0308ng Contoso", "Vorbereitüng", KeywordBoundary::substring, keeping));
}

BOOST_AUTO_TEST_CASE(diacritics_matter_only_when_not_ignored) {
    // Ignoring: Ü loses its mark ("ubergabe"), "Ue" collapses to "u", so all three spellings
    // fold to "ubergabe".
    BOOST_TEST(fold_text("Übergabe", ignoring) == "ubergabe");
    BOOST_TEST(fold_text("Uebergabe", ignoring) == "ubergabe");
    BOOST_TEST(fold_text("Ubergabe", ignoring) == "ubergabe");
    BOOST_TEST(matches("Ubergabe Contoso", "Übergabe", KeywordBoundary::word, ignoring));
    BOOST_TEST(matches("Uebergabe Contoso", "Übergabe", KeywordBoundary::word, ignoring));

    // Keeping: the keyword folds to "übergabe"; "Übergabe" and "übergabe" fold to it too, but
    // "Ubergabe" folds to "ubergabe", a different first letter.
    BOOST_TEST(matches("Übergabe Contoso", "Übergabe", KeywordBoundary::word, keeping));
    BOOST_TEST(matches("übergabe Contoso", "Übergabe", KeywordBoundary::word, keeping));
    BOOST_TEST(!matches("Ubergabe Contoso", "Übergabe", KeywordBoundary::word, keeping));
    // And no digraph collapsing without ignore_diacritics: "uebergabe" stays as it is.
    BOOST_TEST(fold_text("Uebergabe", keeping) == "uebergabe");
}

BOOST_AUTO_TEST_CASE(danish_and_german_transcriptions_fold_alike) {
    // ø has no decomposition and is mapped to o; "oe" is read as o.
    for (const char* text : {"Møde", "Moede", "Mode", "MØDE"})
        BOOST_TEST(fold_text(text, ignoring) == "mode", text);
    // æ is mapped to "ae", which then collapses to a, like the typed "Ae".
    BOOST_TEST(fold_text("Æble", ignoring) == "able");
    BOOST_TEST(fold_text("Aeble", ignoring) == "able");
    // Å decomposes to A + ring, the ring goes; "Aa" is the old spelling of Å.
    BOOST_TEST(fold_text("Åbent", ignoring) == "abent");
    BOOST_TEST(fold_text("Aabent", ignoring) == "abent");
    BOOST_TEST(fold_text("Straße", ignoring) == "strasse");
    // The keyword "salgsmøde" folds to "salgsmode", and so do all four spellings.
    for (const char* text : {"Salgsmøde", "SALGSMØDE", "Salgsmoede", "Salgsmode"})
        BOOST_TEST(matches(text, "salgsmøde", KeywordBoundary::word), text);
}

BOOST_AUTO_TEST_CASE(letters_without_decomposition_are_mapped) {
    // ł, đ, ð, þ, œ, ı carry no combining mark to strip; they are mapped after folding.
    BOOST_TEST(fold_text("Łódź", ignoring) == "lodz");
    BOOST_TEST(fold_text("Đakovo", ignoring) == "dakovo");
    BOOST_TEST(fold_text("Ðe", ignoring) == "de");
    BOOST_TEST(fold_text("Þór", ignoring) == "thor");
    // œ → "oe" → o, the same as the typed "Oeuvre".
    BOOST_TEST(fold_text("Œuvre", ignoring) == "ouvre");
    BOOST_TEST(fold_text("Oeuvre", ignoring) == "ouvre");
    // Turkish: dotless ı maps to i; İ decomposes to I + dot above, the dot goes.
    BOOST_TEST(fold_text("Işık", ignoring) == "isik");
    BOOST_TEST(fold_text("İzmir", ignoring) == "izmir");
}

BOOST_AUTO_TEST_CASE(digraphs_collapse_in_one_pass_without_overlap) {
    // "aae": "aa" collapses to a and the e that follows is a new start, not a second pair.
    BOOST_TEST(fold_text("aae", ignoring) == "ae");
    // "aaa": "aa" → a, then the third a stays.
    BOOST_TEST(fold_text("aaa", ignoring) == "aa");
    // "ueue" → "u" + "u".
    BOOST_TEST(fold_text("ueue", ignoring) == "uu");
    // "ea", "ie", "ee" are not digraphs.
    BOOST_TEST(fold_text("Team Review Meeting", ignoring) == "team review meeting");
}

BOOST_AUTO_TEST_CASE(compatibility_characters_fold_with_diacritics_ignored) {
    // NFKD (not NFD) is used when ignoring diacritics: fullwidth letters and superscripts
    // become their plain forms.
    BOOST_TEST(fold_text("Ｓｙｎｃ", ignoring) == "sync");
    BOOST_TEST(fold_text("Q²", ignoring) == "q2");
    // The ligature ﬁ is "fi" either way: full case folding already expands it.
    BOOST_TEST(fold_text("Proﬁle", ignoring) == "profile");
    BOOST_TEST(fold_text("Proﬁle", keeping) == "profile");
    // Keeping diacritics keeps the compatibility forms too, only lower-cased.
    BOOST_TEST(fold_text("Ｓｙｎｃ", keeping) == "ｓｙｎｃ");
}

BOOST_AUTO_TEST_CASE(non_ascii_text_folds_like_its_ascii_part) {
    // ASCII text takes a fast path; a non-ASCII character elsewhere in the text must not change
    // how the ASCII part folds.
    for (const FoldOptions& options : {ignoring, keeping}) {
        std::string ascii = fold_text("Uebergabe STRASSE Aabent", options);
        std::string mixed = fold_text("Uebergabe STRASSE Aabent \u00E9", options);
        BOOST_TEST(mixed.substr(0, ascii.size()) == ascii);
    }
}

BOOST_AUTO_TEST_CASE(substring_keywords_match_inside_compounds) {
    // "teamabstimmung" contains "abstimmung" at offset 4.
    BOOST_TEST(matches("Teamabstimmung", "abstimmung", KeywordBoundary::substring));
    BOOST_TEST(matches("Teamabstimmung", "Abstimmung", KeywordBoundary::substring, keeping));
    // As a word it does not: "m" precedes it.
    BOOST_TEST(!matches("Teamabstimmung", "abstimmung", KeywordBoundary::word));
}

BOOST_AUTO_TEST_CASE(word_keywords_need_non_alnum_on_both_sides) {
    // "prep call fabrikam": start of text before, space after.
    BOOST_TEST(matches("Prep call Fabrikam", "prep", KeywordBoundary::word));
    // "pre-call prep": "pre" at 0 is not "prep"; "prep" at 9 has a space before, end after.
    BOOST_TEST(matches("Pre-call prep", "prep", KeywordBoundary::word));
    // "prep: contoso": colon after.
    BOOST_TEST(matches("prep: Contoso", "prep", KeywordBoundary::word));
    // "prepaid tariffs": the only "prep" is followed by "a".
    BOOST_TEST(!matches("Prepaid tariffs", "prep", KeywordBoundary::word));

    BOOST_TEST(matches("JF Markus", "jf", KeywordBoundary::word));
    // "jfk flight": "jf" is followed by "k".
    BOOST_TEST(!matches("JFK flight", "jf", KeywordBoundary::word));
}

BOOST_AUTO_TEST_CASE(keywords_may_start_and_end_with_punctuation) {
    // The keyword's own ":" is inside the match; only the characters outside it count.
    BOOST_TEST(matches("1:1 Markus", "1:1", KeywordBoundary::word));
    BOOST_TEST(matches("Markus 1:1", "1:1", KeywordBoundary::word));
    // "11:15 standup": "1:1" occurs at offset 1 only, with the digit 1 before (and 5 after).
    BOOST_TEST(!matches("11:15 standup", "1:1", KeywordBoundary::word));
    BOOST_TEST(matches("Daily Stand-up", "stand-up", KeywordBoundary::word));
    BOOST_TEST(matches("Fabrikam pre-call", "pre-call", KeywordBoundary::word));
    BOOST_TEST(matches("1on1 Markus", "1on1", KeywordBoundary::word));
    // "21on1": a digit before.
    BOOST_TEST(!matches("21on1", "1on1", KeywordBoundary::word));
}

BOOST_AUTO_TEST_CASE(word_start_keywords_check_only_the_character_before) {
    BOOST_TEST(matches("Sync", "sync", KeywordBoundary::word_start));
    // "team-sync": a hyphen before.
    BOOST_TEST(matches("Team-Sync", "sync", KeywordBoundary::word_start));
    // "syncs": any ending is allowed.
    BOOST_TEST(matches("syncs", "sync", KeywordBoundary::word_start));
    // "async review": "a" before the only "sync".
    BOOST_TEST(!matches("Async review", "sync", KeywordBoundary::word_start));
}

BOOST_AUTO_TEST_CASE(every_occurrence_is_tried) {
    // "async and sync": the "sync" at 1 fails (a before), the one at 10 passes.
    BOOST_TEST(matches("async and sync", "sync", KeywordBoundary::word_start));
    BOOST_TEST(matches("async and sync", "sync", KeywordBoundary::word));
    // "prepaid, then prep": the second occurrence is a whole word.
    BOOST_TEST(matches("prepaid, then prep", "prep", KeywordBoundary::word));
}

BOOST_AUTO_TEST_CASE(boundaries_use_unicode_letters) {
    // "ü" and "ø" are letters, so they block a word match just as ASCII letters do.
    BOOST_TEST(!matches("Müprep", "prep", KeywordBoundary::word, keeping));
    BOOST_TEST(!matches("prepø", "prep", KeywordBoundary::word, keeping));
    // An em dash and a non-breaking space are not letters or digits.
    BOOST_TEST(matches("Fabrikam\u2014prep\u00A0call", "prep", KeywordBoundary::word, keeping));
}

BOOST_AUTO_TEST_CASE(empty_keyword_matches_nothing) {
    BOOST_TEST(!matches("anything", "", KeywordBoundary::substring));
    BOOST_TEST(!matches("", "", KeywordBoundary::word));
    // A keyword that folds to nothing (only a combining mark) is empty too.
    BOOST_TEST(make_keyword("\u0308", KeywordBoundary::substring, ignoring).folded.empty());
    BOOST_TEST(!matches("u\u0308", "\u0308", KeywordBoundary::substring));
}

BOOST_AUTO_TEST_CASE(make_keyword_keeps_text_and_folds_it) {
    auto keyword = make_keyword("Übergabe", KeywordBoundary::word_start, ignoring);
    BOOST_TEST(keyword.text == "Übergabe");
    BOOST_TEST(keyword.folded == "ubergabe");
    BOOST_TEST((keyword.boundary == KeywordBoundary::word_start));
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_replaced_not_rejected) {
    // 0xFF is never valid, 0xC3 is a lead byte without its continuation, and the text ends in
    // a truncated three-byte sequence: each becomes one U+FFFD.
    const std::string bad = std::string("Prep \xFF\xC3 call ") + "\xE2\x82";
    for (const FoldOptions& options : {ignoring, keeping}) {
        std::string folded;
        BOOST_CHECK_NO_THROW(folded = fold_text(bad, options));
        BOOST_TEST(folded == "prep \uFFFD\uFFFD call \uFFFD");
        BOOST_TEST(contains_keyword(folded, make_keyword("call", KeywordBoundary::word, options)));
    }
    // Unfolded, invalid text given straight to the search functions is read without crashing.
    BOOST_CHECK_NO_THROW(
        contains_keyword(bad, make_keyword("call", KeywordBoundary::word, ignoring)));
    BOOST_TEST(contains_keyword("\xC3prep", make_keyword("prep", KeywordBoundary::word, ignoring)));
    BOOST_TEST((words_of(bad) == std::vector<std::string>{"Prep", "call"}));
    BOOST_TEST(Pattern("call").search(bad) == Pattern::Outcome::match);
}

BOOST_AUTO_TEST_CASE(words_are_runs_of_letters_and_digits) {
    // Folded: "vorbereitung: contoso-angebot 2027"; the colon, hyphen and spaces separate.
    const std::vector<std::string> expected{"vorbereitung", "contoso", "angebot", "2027"};
    BOOST_TEST(words_of(fold_text("Vorbereitung: Contoso-Angebot 2027", ignoring)) == expected);
    BOOST_TEST(words_of(fold_text("Vorbereitung: Contoso-Angebot 2027", keeping)) == expected);
    // Non-ASCII letters belong to the word.
    BOOST_TEST((words_of(fold_text("Übergabe Møde", keeping)) ==
                std::vector<std::string>{"übergabe", "møde"}));
    BOOST_TEST(words_of("").empty());
    BOOST_TEST(words_of(" -- ").empty());
}

BOOST_AUTO_TEST_CASE(pattern_matches_case_insensitively) {
    Pattern forecast("^q[1-4] forecast");
    BOOST_TEST(forecast.source() == "^q[1-4] forecast");
    BOOST_TEST(forecast.search("Q4 Forecast Call") == Pattern::Outcome::match);
    // "Q5" is outside [1-4]; "Review" does not start with q.
    BOOST_TEST(forecast.search("Q5 Forecast Call") == Pattern::Outcome::no_match);
    BOOST_TEST(forecast.search("Review Q4 Forecast") == Pattern::Outcome::no_match);
    BOOST_TEST(forecast.search("") == Pattern::Outcome::no_match);
}

BOOST_AUTO_TEST_CASE(pattern_matches_nfc_text) {
    // The text "Gru" + U+0308 + "n" is normalised to "Grün" first, so the precomposed "ü" in the
    // pattern matches it, and case-insensitively "Ü" too.
    BOOST_TEST(Pattern("ü").search("Gru\u0308n") == Pattern::Outcome::match);
    BOOST_TEST(Pattern("^übergabe").search("U\u0308bergabe") == Pattern::Outcome::match);
    // Patterns do not ignore diacritics.
    BOOST_TEST(Pattern("ü").search("Grun") == Pattern::Outcome::no_match);
}

BOOST_AUTO_TEST_CASE(bad_pattern_throws_invalid_argument_naming_it) {
    BOOST_CHECK_THROW(Pattern("(unclosed"), std::invalid_argument);
    try {
        Pattern bad("(unclosed");
        BOOST_FAIL("no exception");
    } catch (const std::invalid_argument& e) {
        const std::string message = e.what();
        BOOST_TEST_MESSAGE(message);
        BOOST_TEST(message.find("\"(unclosed\"") != std::string::npos);
        BOOST_TEST(message.find("U_REGEX_MISMATCHED_PAREN") != std::string::npos);
        BOOST_TEST(message.find("at offset") != std::string::npos);
    }
    BOOST_CHECK_THROW(Pattern("[a-"), std::invalid_argument);
    BOOST_CHECK_THROW(Pattern("*x"), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(catastrophic_pattern_times_out) {
    // "(a+)+$" against 40 a's and a "!" tries every way to split the a's before failing at
    // the "!": about 2^40 steps without a limit. With the limit the search gives up.
    Pattern catastrophic("(a+)+$");
    const std::string text = std::string(40, 'a') + "!";
    auto started = std::chrono::steady_clock::now();
    auto outcome = catastrophic.search(text);
    auto elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started);
    BOOST_TEST_MESSAGE("catastrophic pattern gave up after " << elapsed.count() << " s");
    BOOST_TEST(outcome == Pattern::Outcome::timed_out);
    // Typically a fraction of a second (slower under sanitizers); the bound only catches a
    // hang, not a slow machine.
    BOOST_TEST(elapsed.count() < 10.0);
    // The same pattern on text it can match quickly still matches.
    BOOST_TEST(catastrophic.search("aaaa") == Pattern::Outcome::match);
}

BOOST_AUTO_TEST_CASE(pattern_that_outgrows_the_stack_limit_counts_as_timed_out) {
    // "(x|y)*z" keeps one backtracking frame per "x" it consumes; 100,000 of them exceed the
    // 1 MB stack limit long before the time limit, and ICU reports a stack overflow.
    Pattern deep("(x|y)*z");
    BOOST_TEST(deep.search(std::string(100000, 'x')) == Pattern::Outcome::timed_out);
    // Short text stays well within the limit: no "z", so no match.
    BOOST_TEST(deep.search(std::string(100, 'x')) == Pattern::Outcome::no_match);
}

BOOST_AUTO_TEST_CASE(pattern_copies_and_moves_share_the_compiled_pattern) {
    Pattern original("sync");
    Pattern copy = original;
    BOOST_TEST(copy.source() == "sync");
    BOOST_TEST(copy.search("Team Sync") == Pattern::Outcome::match);
    Pattern assigned("other");
    assigned = copy;
    BOOST_TEST(assigned.search("SYNC") == Pattern::Outcome::match);
    Pattern moved = std::move(original);
    BOOST_TEST(moved.search("sync") == Pattern::Outcome::match);
    Pattern move_assigned("other");
    move_assigned = std::move(moved);
    BOOST_TEST(move_assigned.source() == "sync");
    BOOST_TEST(move_assigned.search("async") == Pattern::Outcome::match);
}

BOOST_AUTO_TEST_CASE(folding_and_search_are_usable_from_several_threads) {
    // One Pattern shared by all threads, each with its own matcher per search.
    const Pattern pattern("^q[1-4] forecast");
    const auto keyword = make_keyword("salgsmøde", KeywordBoundary::word, ignoring);
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&] {
            for (int i = 0; i < 200; ++i) {
                if (pattern.search("Q3 Forecast") != Pattern::Outcome::match)
                    ++failures;
                if (!contains_keyword(fold_text("SALGSMØDE Contoso", ignoring), keyword))
                    ++failures;
            }
        });
    for (auto& thread : threads)
        thread.join();
    BOOST_TEST(failures.load() == 0);
}

BOOST_AUTO_TEST_SUITE_END()
