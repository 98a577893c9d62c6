/** @file
 *  @brief A token: one word's indexed form with its place in the original text.
 */
#pragma once

#include "agora/analysis/language.h"

#include <cstdint>
#include <string>

namespace agora {

/// One analysed word. Offsets always point into the original text, whatever the filters did to the
/// word, which is what makes highlighting exact.
struct Token {
    std::string term;      ///< normalised form (see NormalizedWord::term)
    /// Case-folded form with its accents, for spelling data and suggestions; empty when it equals
    /// `term` (most words), which saves a copy per token. Read it through spelling_form().
    std::string spelling;
    std::uint32_t start = 0;     ///< byte offset of the word's first byte in the original text
    std::uint32_t end = 0;       ///< byte offset one past the word's last byte
    std::uint32_t position = 0;  ///< 1-based word position (phrase search)
    std::uint32_t paragraph = 0; ///< 0-based paragraph number (paragraphs are split by blank lines)
    Lang lang = Lang::unknown;   ///< stemming chain: ru for Cyrillic words, else the paragraph's language
    bool cyrillic = false;

    /// The form for "did you mean": `spelling` when it differs from `term`, else `term`.
    const std::string& spelling_form() const { return spelling.empty() ? term : spelling; }
};

}  // namespace agora
