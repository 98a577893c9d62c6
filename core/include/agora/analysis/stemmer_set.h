/** @file
 *  @brief Xapian's Snowball stemmers for every analysed language, with a cache of recent stems.
 */
#pragma once

#include "agora/analysis/language.h"
#include "agora/util/string_map.h"

#include <xapian.h>

#include <string>
#include <string_view>

namespace agora {

/// One Snowball stemmer per language. Words follow Zipf's law, so a small cache of term→stem answers
/// most calls without running the stemmer. Not thread-safe: use one per thread.
class StemmerSet {
public:
    StemmerSet();

    /// Stem of the normalised @p term in @p lang (en, ru or fr); @p term itself for Lang::unknown.
    /// The reference is valid until the next call.
    const std::string& stem(const std::string& term, Lang lang);

    /// True when a term gets a stem at all: numbers and codes that start with a digit do not.
    static bool has_stem(std::string_view term);

private:
    struct Chain {
        Xapian::Stem stemmer;
        StringMap<std::string> cache;
    };
    Chain& chain(Lang lang);

    Chain english_;
    Chain russian_;
    Chain french_;
};

}  // namespace agora
