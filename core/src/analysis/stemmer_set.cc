/** @file
 *  @brief Cached Snowball stemming per language.
 */
#include "agora/analysis/stemmer_set.h"

namespace agora {
namespace {

// Entries kept per language before the cache starts over; ~100 bytes an entry.
constexpr std::size_t kCacheEntries = 1u << 16;

}  // namespace

StemmerSet::StemmerSet()
    : english_{Xapian::Stem("english"), {}},
      russian_{Xapian::Stem("russian"), {}},
      french_{Xapian::Stem("french"), {}} {}

StemmerSet::Chain& StemmerSet::chain(Lang lang) {
    switch (lang) {
        case Lang::ru: return russian_;
        case Lang::fr: return french_;
        default: return english_;
    }
}

bool StemmerSet::has_stem(std::string_view term) {
    return !term.empty() && !(term.front() >= '0' && term.front() <= '9');
}

const std::string& StemmerSet::stem(const std::string& term, Lang lang) {
    if (lang == Lang::unknown) return term;
    Chain& c = chain(lang);
    if (auto it = c.cache.find(term); it != c.cache.end()) return it->second;
    if (c.cache.size() >= kCacheEntries) c.cache.clear();
    return c.cache.emplace(term, c.stemmer(term)).first->second;
}

}  // namespace agora
