/** @file
 *  @brief Language codes and the function-word vote that guesses a paragraph's language.
 */
#include "agora/analysis/language.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>

namespace agora {
namespace {

// Function words, in the folded form the normaliser produces (lower case, no accents, no elision).
// Each list holds words that are frequent in its language and rare in the other.
constexpr std::array<std::string_view, 30> kEnglishWords = {
    "the",  "of",   "and",   "to",    "is",   "that", "for",  "was",  "with", "on",
    "as",   "by",   "are",   "were",  "has",  "have", "it",   "this", "from", "their",
    "which", "be",  "been",  "its",   "they", "who",  "after", "said", "at",   "or"};
constexpr std::array<std::string_view, 30> kFrenchWords = {
    "le",   "la",   "les",  "des",   "et",    "du",   "une",  "est",  "dans", "pour",
    "que",  "qui",  "au",   "aux",   "sur",   "par",  "pas",  "ont",  "ete",  "sont",
    "avec", "cette", "ces", "il",    "elle",  "leur", "selon", "mais", "ou",  "plus"};

// Fewer words than this, or fewer function words, and a paragraph keeps the document's language.
constexpr int kMinFunctionWords = 2;
// Share of Cyrillic words above which text is Russian (Latin acronyms and names occur in Russian text).
constexpr double kCyrillicShare = 0.5;

// A word of at most 7 bytes packed into one integer: its bytes, then its length in the top byte (so
// that no two such words share a code). Longer words get 0, the code of no word.
constexpr std::uint64_t packed(std::string_view word) {
    if (word.empty() || word.size() > 7) return 0;
    std::uint64_t code = static_cast<std::uint64_t>(word.size()) << 56;
    for (std::size_t i = 0; i < word.size(); ++i) {
        code |= static_cast<std::uint64_t>(static_cast<unsigned char>(word[i])) << (8 * i);
    }
    return code;
}

// The codes of a word list, sorted for a binary search: a vote costs a few integer comparisons
// instead of a string comparison with each of the words.
template <std::size_t N>
constexpr std::array<std::uint64_t, N> packed_sorted(const std::array<std::string_view, N>& words) {
    std::array<std::uint64_t, N> codes{};
    for (std::size_t i = 0; i < N; ++i) codes[i] = packed(words[i]);
    std::sort(codes.begin(), codes.end());
    return codes;
}

constexpr auto kEnglishCodes = packed_sorted(kEnglishWords);
constexpr auto kFrenchCodes = packed_sorted(kFrenchWords);
static_assert(kEnglishCodes.front() != 0 && kFrenchCodes.front() != 0, "function words fit in 7 bytes");

template <std::size_t N>
bool contains(const std::array<std::uint64_t, N>& codes, std::string_view term) {
    const std::uint64_t code = packed(term);
    return code != 0 && std::binary_search(codes.begin(), codes.end(), code);
}

}  // namespace

std::string_view lang_code(Lang lang) {
    switch (lang) {
        case Lang::en: return "en";
        case Lang::ru: return "ru";
        case Lang::fr: return "fr";
        case Lang::unknown: break;
    }
    return "";
}

Lang parse_lang(std::string_view text) {
    std::string code;
    for (char c : text) {
        if (c == '-' || c == '_') break;
        code += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    if (code == "en" || code == "eng" || code == "english") return Lang::en;
    if (code == "ru" || code == "rus" || code == "russian") return Lang::ru;
    if (code == "fr" || code == "fra" || code == "fre" || code == "french") return Lang::fr;
    return Lang::unknown;
}

bool is_function_word(std::string_view term) {
    return contains(kEnglishCodes, term) || contains(kFrenchCodes, term);
}

void LanguageVotes::add(std::string_view term, bool cyrillic) {
    ++words_;
    if (cyrillic) {
        ++cyrillic_;
        return;
    }
    if (term.empty() || std::isdigit(static_cast<unsigned char>(term.front()))) return;
    ++latin_;
    if (contains(kEnglishCodes, term)) ++english_;
    if (contains(kFrenchCodes, term)) ++french_;
}

void LanguageVotes::merge(const LanguageVotes& other) {
    words_ += other.words_;
    cyrillic_ += other.cyrillic_;
    latin_ += other.latin_;
    english_ += other.english_;
    french_ += other.french_;
}

Lang LanguageVotes::decide() const {
    const int letters = cyrillic_ + latin_;
    if (letters == 0) return Lang::unknown;
    if (cyrillic_ > kCyrillicShare * letters) return Lang::ru;
    if (english_ + french_ < kMinFunctionWords) return Lang::unknown;
    if (english_ == french_) return Lang::unknown;
    return english_ > french_ ? Lang::en : Lang::fr;
}

}  // namespace agora
