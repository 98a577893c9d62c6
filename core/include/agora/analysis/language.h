/** @file
 *  @brief Languages Agora analyses, and a vote counter that guesses a paragraph's language.
 */
#pragma once

#include <string>
#include <string_view>

namespace agora {

/// A language with its own analysis chain. `unknown` means "not decided" (the query side, usually).
enum class Lang { unknown, en, ru, fr };

/// ISO 639-1 code ("en", "ru", "fr"), or "" for unknown.
std::string_view lang_code(Lang lang);

/// Parses "en", "EN", "fr-FR", "ru_RU", "english", ... into a Lang; anything else gives Lang::unknown.
Lang parse_lang(std::string_view text);

/// True when the normalised @p term is one of the English or French function words the vote counts
/// ("the", "of", "la", "des", ...): a word so common that capitalisation at a sentence start says
/// nothing about it being a name.
bool is_function_word(std::string_view term);

/// Counts evidence for each language from normalised terms, then decides.
///
/// Cyrillic words count for Russian. For Latin script, frequent function words of English and French
/// (articles, prepositions, auxiliaries — the words that make up a third of any running text) count
/// for their language; they are a well-known, robust signal for telling two languages apart, far more
/// than letter statistics on short paragraphs.
class LanguageVotes {
public:
    /// Adds one normalised (case-folded, accent-folded) term.
    void add(std::string_view term, bool cyrillic);
    /// Adds another counter's votes.
    void merge(const LanguageVotes& other);
    /// The language the evidence supports, or Lang::unknown when it is too thin to say.
    Lang decide() const;
    /// Number of words seen.
    int words() const { return words_; }

private:
    int words_ = 0;
    int cyrillic_ = 0;
    int latin_ = 0;
    int english_ = 0;
    int french_ = 0;
};

}  // namespace agora
