// SPDX-License-Identifier: MIT
#include <algorithm>
#include <busywork/text_matching.hpp>
#include <cstddef>
#include <limits>
#include <stdexcept>
#include <unicode/normalizer2.h>
#include <unicode/regex.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>
#include <unicode/utypes.h>
#include <utility>

namespace busywork {
namespace {

// ICU takes int32_t lengths. Calendar text never comes near 2 GiB, but a silent wrap would read
// out of bounds, so longer input is cut rather than reinterpreted.
int32_t icu_length(std::size_t size) {
    return static_cast<int32_t>(
        std::min<std::size_t>(size, static_cast<std::size_t>(std::numeric_limits<int32_t>::max())));
}

icu::UnicodeString from_utf8(std::string_view text) {
    return icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), icu_length(text.size())));
}

std::string to_utf8(const icu::UnicodeString& text) {
    std::string out;
    text.toUTF8String(out);
    return out;
}

// The only way these fail is running out of memory (or a bogus string, which we never build),
// and a half-folded string would silently make keywords miss.
void check(UErrorCode status, const char* what) {
    if (U_FAILURE(status))
        throw std::runtime_error(std::string("ICU ") + what + " failed: " + u_errorName(status));
}

icu::UnicodeString normalize(const icu::Normalizer2* (*instance)(UErrorCode&),
                             const icu::UnicodeString& text) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* normalizer = instance(status);
    check(status, "normalizer");
    icu::UnicodeString out = normalizer->normalize(text, status);
    check(status, "normalization");
    return out;
}

// Reads "ae", "oe", "ue" as a, o, u and "aa" as a, left to right without overlaps, so that a
// rep's "Uebergabe" or "Aabent" (typed on a keyboard without Ü or Å) meets the keyword's
// "Übergabe" or "Åbent" once the marks are gone. Decides for each character in turn whether it
// is kept.
class DigraphCollapser {
public:
    bool keep(char32_t c) {
        if (m_pending && ((c == U'e' && (m_last == U'a' || m_last == U'o' || m_last == U'u')) ||
                          (c == U'a' && m_last == U'a'))) {
            // The pair is used up: in "aae" only the first two letters collapse.
            m_pending = false;
            return false;
        }
        m_pending = c == U'a' || c == U'o' || c == U'u';
        m_last = c;
        return true;
    }

private:
    bool m_pending = false;
    char32_t m_last = 0;
};

bool is_ascii(std::string_view text) {
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Most summaries are plain ASCII, where every normalization form is the identity and full case
// folding is A-Z to a-z; skipping ICU there gives exactly the same result much faster.
std::string fold_ascii(std::string_view text, const FoldOptions& options) {
    std::string out;
    out.reserve(text.size());
    DigraphCollapser digraphs;
    for (char c : text) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
        if (!options.ignore_diacritics || digraphs.keep(static_cast<unsigned char>(c)))
            out += c;
    }
    return out;
}

// Letters that are letters of their own in Unicode, not a base letter plus a mark, so that
// decomposition leaves them alone. Called after case folding, so only lower case is seen.
const char16_t* base_spelling(UChar32 c) {
    switch (c) {
    case 0x00F8: // ø
        return u"o";
    case 0x00E6: // æ
        return u"ae";
    case 0x0153: // œ
        return u"oe";
    case 0x0142: // ł
        return u"l";
    case 0x0111: // đ
    case 0x00F0: // ð
        return u"d";
    case 0x00FE: // þ
        return u"th";
    case 0x0131: // ı
        return u"i";
    default:
        return nullptr;
    }
}

std::string fold_ignoring_diacritics(std::string_view text) {
    // NFKD rather than NFD: compatibility characters such as the ligature "ﬁ", fullwidth
    // "Ｓｙｎｃ" or superscript "²" are typing accidents as much as a missing accent is, and
    // with diacritics ignored they should match "fi", "sync" and "2".
    icu::UnicodeString decomposed = normalize(&icu::Normalizer2::getNFKDInstance, from_utf8(text));

    // Marks go before folding: U+0345 (iota subscript) is a mark but folds to a full ι.
    icu::UnicodeString bare(decomposed.length(), UChar32(0), 0);
    for (int32_t i = 0; i < decomposed.length();) {
        UChar32 c = decomposed.char32At(i);
        i += U16_LENGTH(c);
        if (u_charType(c) != U_NON_SPACING_MARK)
            bare.append(c);
    }
    bare.foldCase(U_FOLD_CASE_DEFAULT);

    icu::UnicodeString out(bare.length() + 8, UChar32(0), 0);
    DigraphCollapser digraphs;
    auto put = [&](UChar32 c) {
        if (digraphs.keep(static_cast<char32_t>(c)))
            out.append(c);
    };
    for (int32_t i = 0; i < bare.length();) {
        UChar32 c = bare.char32At(i);
        i += U16_LENGTH(c);
        // Folding emits marks only for precomposed letters that NFKD has already split, but a
        // stray one would break matching, so it is dropped here too.
        if (u_charType(c) == U_NON_SPACING_MARK)
            continue;
        if (const char16_t* spelling = base_spelling(c)) {
            for (; *spelling != 0; ++spelling)
                put(*spelling);
        } else {
            put(c);
        }
    }
    // Recomposes what has no mark to lose, e.g. Hangul syllables that NFKD split into jamo.
    return to_utf8(normalize(&icu::Normalizer2::getNFCInstance, out));
}

std::string fold_keeping_diacritics(std::string_view text) {
    icu::UnicodeString s = normalize(&icu::Normalizer2::getNFCInstance, from_utf8(text));
    s.foldCase(U_FOLD_CASE_DEFAULT);
    // Folding can leave text that is not NFC (it maps U+0130 to i + U+0307, for one), and
    // both sides must be in the same form for a byte search.
    return to_utf8(normalize(&icu::Normalizer2::getNFCInstance, s));
}

const uint8_t* bytes(std::string_view text) {
    return reinterpret_cast<const uint8_t*>(text.data());
}

bool is_alnum(UChar32 c) {
    return c >= 0 && u_isalnum(c) != 0;
}

bool alnum_before(std::string_view text, int32_t offset) {
    if (offset <= 0)
        return false;
    UChar32 c = 0;
    U8_PREV(bytes(text), 0, offset, c);
    return is_alnum(c);
}

bool alnum_after(std::string_view text, int32_t offset) {
    int32_t length = icu_length(text.size());
    if (offset >= length)
        return false;
    UChar32 c = 0;
    U8_NEXT(bytes(text), offset, length, c);
    return is_alnum(c);
}

} // namespace

std::string fold_text(std::string_view text, const FoldOptions& options) {
    if (is_ascii(text))
        return fold_ascii(text, options);
    return options.ignore_diacritics ? fold_ignoring_diacritics(text)
                                     : fold_keeping_diacritics(text);
}

Keyword make_keyword(std::string text, KeywordBoundary boundary, const FoldOptions& options) {
    Keyword keyword;
    keyword.folded = fold_text(text, options);
    keyword.text = std::move(text);
    keyword.boundary = boundary;
    return keyword;
}

bool contains_keyword(std::string_view folded_text, const Keyword& keyword) {
    std::string_view needle = keyword.folded;
    if (needle.empty() ||
        folded_text.size() > static_cast<std::size_t>(std::numeric_limits<int32_t>::max()))
        return false;
    // Every occurrence is tried: in "async and sync" the first "sync" fails the boundary and
    // the second passes.
    for (std::size_t pos = folded_text.find(needle); pos != std::string_view::npos;
         pos = folded_text.find(needle, pos + 1)) {
        auto start = static_cast<int32_t>(pos);
        auto end = static_cast<int32_t>(pos + needle.size());
        switch (keyword.boundary) {
        case KeywordBoundary::substring:
            return true;
        case KeywordBoundary::word:
            if (!alnum_before(folded_text, start) && !alnum_after(folded_text, end))
                return true;
            break;
        case KeywordBoundary::word_start:
            if (!alnum_before(folded_text, start))
                return true;
            break;
        }
    }
    return false;
}

std::vector<std::string> words_of(std::string_view folded_text) {
    std::vector<std::string> words;
    int32_t length = icu_length(folded_text.size());
    int32_t word_start = -1;
    for (int32_t i = 0; i < length;) {
        int32_t here = i;
        UChar32 c = 0;
        U8_NEXT(bytes(folded_text), i, length, c);
        if (is_alnum(c)) {
            if (word_start < 0)
                word_start = here;
        } else if (word_start >= 0) {
            words.emplace_back(folded_text.substr(static_cast<std::size_t>(word_start),
                                                  static_cast<std::size_t>(here - word_start)));
            word_start = -1;
        }
    }
    if (word_start >= 0)
        words.emplace_back(folded_text.substr(static_cast<std::size_t>(word_start),
                                              static_cast<std::size_t>(length - word_start)));
    return words;
}

struct Pattern::Compiled {
    std::unique_ptr<icu::RegexPattern> pattern;
};

Pattern::Pattern(std::string source) : m_source(std::move(source)) {
    UParseError parse_error{};
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::RegexPattern> pattern(icu::RegexPattern::compile(
        from_utf8(m_source), UREGEX_CASE_INSENSITIVE, parse_error, status));
    if (U_FAILURE(status) || !pattern) {
        std::string message = "bad regular expression \"" + m_source + "\": " + u_errorName(status);
        if (parse_error.offset >= 0)
            message += " at offset " + std::to_string(parse_error.offset);
        throw std::invalid_argument(message);
    }
    auto compiled = std::make_shared<Compiled>();
    compiled->pattern = std::move(pattern);
    m_compiled = std::move(compiled);
}

Pattern::~Pattern() = default;
Pattern::Pattern(const Pattern&) = default;
Pattern& Pattern::operator=(const Pattern&) = default;
Pattern::Pattern(Pattern&&) noexcept = default;
Pattern& Pattern::operator=(Pattern&&) noexcept = default;

Pattern::Outcome Pattern::search(std::string_view text) const {
    if (!m_compiled) // moved from
        return Outcome::no_match;
    // In ICU's steps of the match engine (10,000 operations each), not milliseconds: 500 came to
    // about 90 ms on the development machine, for "(a+)+$" on 40 a's and a "!". That leaves
    // room for an honest but quadratic ".*prep.*call" over a long description (100 steps did
    // not, giving up on 2,000 characters), while a pattern that backtracks exponentially costs
    // each event a tenth of a second rather than the run.
    constexpr int32_t time_limit = 500;
    // ICU's default is 8 MB per match; a rules file should not get near 1.
    constexpr int32_t stack_limit = 1 << 20;

    icu::UnicodeString input = normalize(&icu::Normalizer2::getNFCInstance, from_utf8(text));
    UErrorCode status = U_ZERO_ERROR;
    // The pattern is shared between threads and copies; a matcher holds match state, so each
    // call gets its own.
    std::unique_ptr<icu::RegexMatcher> matcher(m_compiled->pattern->matcher(input, status));
    if (U_FAILURE(status) || !matcher)
        return Outcome::no_match;
    matcher->setTimeLimit(time_limit, status);
    matcher->setStackLimit(stack_limit, status);
    if (U_FAILURE(status))
        return Outcome::no_match;
    bool found = matcher->find(status);
    if (status == U_REGEX_TIME_OUT || status == U_REGEX_STACK_OVERFLOW)
        return Outcome::timed_out;
    if (U_FAILURE(status))
        return Outcome::no_match;
    return found ? Outcome::match : Outcome::no_match;
}

} // namespace busywork
