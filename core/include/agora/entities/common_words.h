/** @file
 *  @brief Whether a word is an ordinary word of English, French or Russian, by the system's Hunspell
 *         dictionaries (Debian's hunspell-en-us and hunspell-en-gb, hunspell-fr, hunspell-ru).
 *
 *  The recogniser asks it about names it has no cue for: `Salt Road`, `Captured Screens`, `Cités
 *  Unies`, `Родные` are made of ordinary words, where people's names are not. Hunspell knows the
 *  inflected forms (`citizens`, `наблюдатели`) and tells a proper noun from a common one: a word the
 *  dictionary holds only capitalised (`Paris`, `John`, `Пётр`) is not ordinary in lower case.
 */
#pragma once

#include "agora/analysis/language.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace agora {

/// One per thread: answers are cached here, and the dictionaries behind it are loaded once per
/// process and shared (under a lock).
class CommonWords {
public:
    CommonWords();
    ~CommonWords();
    CommonWords(const CommonWords&) = delete;
    CommonWords& operator=(const CommonWords&) = delete;

    /// True when @p word (lower case, UTF-8, accents kept) is an ordinary word of @p lang (Lang::unknown
    /// asks English and French). False when that language's dictionary is not installed.
    bool ordinary(std::string_view word, Lang lang);

    /// True when the French dictionary describes @p word (lower case, accents kept) as an adjective
    /// (its morphology `po:adj`: `malgache`, `britannique`, `kényane`). Hunspell's English and Russian
    /// dictionaries carry no parts of speech, so other languages are not asked.
    bool french_adjective(std::string_view word);

    /// True when the dictionary of @p lang was found (tests skip their checks without it).
    static bool available(Lang lang);

    /// The folder the dictionaries are read from: $AGORA_HUNSPELL_DIR, else /usr/share/hunspell.
    static std::string folder();

private:
    std::unordered_map<std::string, std::uint8_t> cache_;  ///< word + language byte → answer + 1
};

}  // namespace agora
