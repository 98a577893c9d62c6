/** @file
 *  @brief Script- and spelling-independent keys for names of people (and words of organisation names).
 *
 *  `Евгений Жовтис`, `Евгения Жовтиса`, `Yevgeniy Zhovtis`, `Evgeny Jovtis` all get the key
 *  "evgeni jovtis" (the exact letters are an implementation detail; only equality matters).
 */
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace agora {

/// Computes name keys. Owns ICU transliterators, which are not thread-safe: one per thread.
class NameKeyer {
public:
    NameKeyer();
    ~NameKeyer();
    NameKeyer(const NameKeyer&) = delete;
    NameKeyer& operator=(const NameKeyer&) = delete;

    /// Key of one word of a name, in any script, case or (Russian) grammatical case: lower-case ASCII
    /// letters only; empty when the word has no letters.
    std::string word_key(std::string_view word);

    /// Key of a whole name: the word keys of its words, in order, joined by one space.
    /// Hyphenated parts ("Кассым-Жомарт") stay one word ("kasim-jomart" style, joined by '-').
    std::string name_key(std::string_view name);

    /// Word keys of a name, in order (what name_key joins).
    std::vector<std::string> word_keys(std::string_view name);

    /// Latin transcription of a name for display when only a Cyrillic form is known ("Жовтис" ->
    /// "Zhovtis"): readable, not folded. Not used for matching.
    std::string romanize(std::string_view name);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace agora
