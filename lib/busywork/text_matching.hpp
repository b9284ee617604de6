// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace busywork {

/// How event text and keywords are compared. Both sides are folded the same way, so a keyword
/// matches whatever spelling of it a rep typed.
struct FoldOptions {
    /// Strip accents and read umlaut transcriptions as the bare vowel, so that "Übergabe",
    /// "Uebergabe" and "Ubergabe" fold alike, and "møde" and "mode" do too.
    bool ignore_diacritics = true;
};

/// `text` (UTF-8) in the form keywords are matched in: NFC, full Unicode case folding (so "ß"
/// is "ss"), and with `ignore_diacritics` also without combining marks, with ø/æ/œ/ł/đ/þ read
/// as o/ae/oe/l/d/th, and with the digraphs "ae", "oe", "ue" and "aa" read as a, o, u and a.
/// Invalid UTF-8 is replaced, never rejected.
std::string fold_text(std::string_view text, const FoldOptions& options);

/// Where a keyword may sit inside the text.
enum class KeywordBoundary {
    substring,  ///< anywhere, so German compounds match ("Teamabstimmung" has "abstimmung")
    word,       ///< a whole word: no letter or digit directly before or after it ("prep", "jf")
    word_start, ///< at the start of a word, any ending ("sync" in "Sync-Call", not in "Async")
};

/// One keyword of a rule, as written and folded.
struct Keyword {
    std::string text;   ///< as written in the rules file
    std::string folded; ///< `fold_text(text)`, what is searched for
    KeywordBoundary boundary = KeywordBoundary::substring;
};

Keyword make_keyword(std::string text, KeywordBoundary boundary, const FoldOptions& options);

/// True when `keyword` occurs in `folded_text` (already folded with the same options) with its
/// boundary respected. An empty keyword matches nothing.
bool contains_keyword(std::string_view folded_text, const Keyword& keyword);

/// The words of folded text: maximal runs of letters and digits, in order.
std::vector<std::string> words_of(std::string_view folded_text);

/// An ICU regular expression from a rules file, matched case-insensitively against NFC text,
/// with a time and stack limit so that a catastrophic pattern ends instead of hanging the run.
class Pattern {
public:
    enum class Outcome { match, no_match, timed_out };

    /// Throws `std::invalid_argument` saying what is wrong with the pattern.
    explicit Pattern(std::string source);
    ~Pattern();
    Pattern(const Pattern&);
    Pattern& operator=(const Pattern&);
    Pattern(Pattern&&) noexcept;
    Pattern& operator=(Pattern&&) noexcept;

    const std::string& source() const { return m_source; }

    /// Searches `text` (UTF-8) for the pattern anywhere. Thread-safe.
    Outcome search(std::string_view text) const;

private:
    struct Compiled;
    std::string m_source;
    std::shared_ptr<const Compiled> m_compiled;
};

} // namespace busywork
