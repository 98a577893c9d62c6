/** @file
 *  @brief The one analyser: tokenizer → normaliser → language → stemmers, shared by indexing, querying
 *         and snippets so that both sides always produce the same terms.
 */
#pragma once

#include "agora/analysis/language.h"
#include "agora/analysis/normalizer.h"
#include "agora/util/string_map.h"
#include "agora/analysis/stemmer_set.h"
#include "agora/analysis/token.h"
#include "agora/analysis/tokenizer.h"

#include <string>
#include <string_view>
#include <vector>

namespace agora {

/// Composes the analysis stages. Owns ICU and Xapian objects that are not thread-safe: one per thread.
class Analyzer {
public:
    Analyzer();

    /// Analyses document text into @p out (appended), numbering positions from @p first_position.
    /// Each paragraph's language is guessed from its words; a paragraph with too little evidence takes
    /// the document's language, which is @p hint when known (metadata wins) or else the guess over the
    /// whole text. Cyrillic words always take the Russian chain. Returns the document's language.
    Lang analyze(std::string_view text, Lang hint, std::vector<Token>& out,
                 std::uint32_t first_position = 1);

    /// Analyses query text: the same tokens and terms, but the language stays unknown for Latin words
    /// (a query's language is rarely known) unless @p lang is given; Cyrillic words are Russian.
    void analyze_query(std::string_view text, Lang lang, std::vector<Token>& out);

    /// Stem of @p token for its own chain (index side). The reference is valid until the next call.
    const std::string& stem(const Token& token);

    /// Every stem a query token may have in the documents: its own chain when known, else both the
    /// English and the French stem of a Latin word.
    std::vector<std::string> query_stems(const Token& token);

    /// Guesses the language of @p text alone (en, ru, fr, or unknown).
    Lang detect_language(std::string_view text);

private:
    void normalize_cached(std::string_view word, NormalizedWord& out);

    Tokenizer tokenizer_;
    Normalizer normalizer_;
    StemmerSet stemmers_;
    StringMap<NormalizedWord> cache_;  // non-ASCII words only, looked up without a copy of the word
    std::vector<LanguageVotes> paragraph_votes_;
};

}  // namespace agora
