/** @file
 *  @brief Turns one word as written into the form that is indexed and searched.
 */
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace agora {

/// The forms of one normalised word.
struct NormalizedWord {
    /// Indexed form: NFKC, case-folded, apostrophes unified, French elision and English possessive
    /// removed, `ё`→`е`, Latin diacritics folded (`chômage`→`chomage`). Empty when nothing is left.
    std::string term;
    /// Same, but before `ё`→`е` and diacritic folding: what "did you mean" shows (`chômage`, `ещё`).
    std::string spelling;
    /// True when the word contains Cyrillic letters: it then always takes the Russian chain.
    bool cyrillic = false;
};

/// Normalises words; not thread-safe (owns an ICU transliterator): use one per thread.
class Normalizer {
public:
    Normalizer();
    ~Normalizer();
    Normalizer(const Normalizer&) = delete;
    Normalizer& operator=(const Normalizer&) = delete;

    /// Normalises @p word (valid UTF-8, one word as cut by the tokenizer) into @p out.
    void normalize(std::string_view word, NormalizedWord& out);

private:
    struct Icu;
    std::unique_ptr<Icu> icu_;
};

/// Removes a French elided article or pronoun (`l'`, `d'`, `qu'`, `jusqu'`, ...) from the front of a
/// lower-case word with an ASCII apostrophe, and an English possessive `'s` from its end.
/// `aujourd'hui` keeps its apostrophe: `aujourd'` is not an elision prefix.
std::string_view strip_elision_and_possessive(std::string_view word);

}  // namespace agora
