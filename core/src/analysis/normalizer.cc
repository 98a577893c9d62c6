/** @file
 *  @brief Word normalisation: NFKC case folding, apostrophes, elision, possessive, ё, Latin diacritics.
 */
#include "agora/analysis/normalizer.h"
#include "agora/util/utf8.h"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/unistr.h>

#include <array>
#include <stdexcept>

namespace agora {
namespace {

// French elided words. Longest first so that `jusqu'` is not taken for `qu'`... (it could not be,
// as only prefixes are tested, but the order keeps the intent obvious).
constexpr std::array<std::string_view, 13> kElisions = {
    "jusqu'", "quoiqu'", "lorsqu'", "puisqu'", "qu'", "l'", "d'", "j'", "m'", "n'", "s'", "t'", "c'"};


// Apostrophe look-alikes that people and word processors type for the same thing.
bool is_apostrophe(UChar32 c) {
    return c == 0x2019 || c == 0x02BC || c == 0x2018 || c == 0x0060 || c == 0x00B4 || c == 0x2032;
}

}  // namespace

std::string_view strip_elision_and_possessive(std::string_view word) {
    for (std::string_view prefix : kElisions) {
        if (word.size() > prefix.size() && word.substr(0, prefix.size()) == prefix) {
            word.remove_prefix(prefix.size());
            break;
        }
    }
    if (word.size() > 2 && word.substr(word.size() - 2) == "'s") word.remove_suffix(2);
    while (!word.empty() && word.back() == '\'') word.remove_suffix(1);
    while (!word.empty() && word.front() == '\'') word.remove_prefix(1);
    return word;
}

struct Normalizer::Icu {
    const icu::Normalizer2* nfkc_casefold = nullptr;
    std::unique_ptr<icu::Transliterator> latin_ascii;
};

Normalizer::Normalizer() : icu_(std::make_unique<Icu>()) {
    UErrorCode status = U_ZERO_ERROR;
    icu_->nfkc_casefold = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU: no NFKC_Casefold data");
    // Latin-ASCII folds every Latin letter with a diacritic or ligature (é→e, œ→oe, ł→l) and leaves
    // other scripts alone; it is only applied to words without Cyrillic, so `й` never becomes `и`.
    icu_->latin_ascii.reset(
        icu::Transliterator::createInstance("Latin-ASCII", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) throw std::runtime_error("ICU: no Latin-ASCII transliterator");
}

Normalizer::~Normalizer() = default;

void Normalizer::normalize(std::string_view word, NormalizedWord& out) {
    out.cyrillic = false;
    if (is_ascii(word)) {
        // Fast path: most English words and all numbers. Lower-cased in place in out.term, whose
        // buffer is reused from word to word; only a word with an apostrophe has anything to strip.
        out.term.assign(word);
        for (char& c : out.term) {
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        }
        if (out.term.find('\'') != std::string::npos) {
            const std::string_view stripped = strip_elision_and_possessive(out.term);
            out.term.erase(0, static_cast<std::size_t>(stripped.data() - out.term.data()));
            out.term.resize(stripped.size());
        }
        out.spelling = out.term;
        return;
    }

    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString folded =
        icu_->nfkc_casefold->normalize(icu::UnicodeString::fromUTF8(word), status);
    if (U_FAILURE(status)) {
        out.term.clear();
        out.spelling.clear();
        return;
    }
    for (int32_t i = 0; i < folded.length(); ++i) {
        const UChar c = folded.charAt(i);
        if (is_apostrophe(c)) folded.setCharAt(i, u'\'');
    }
    std::string utf8;
    folded.toUTF8String(utf8);
    out.spelling = strip_elision_and_possessive(utf8);

    icu::UnicodeString unified = icu::UnicodeString::fromUTF8(out.spelling);
    for (int32_t i = 0; i < unified.length(); ++i) {
        const UChar c = unified.charAt(i);
        if (!out.cyrillic && u_isalpha(c)) {
            UErrorCode script_status = U_ZERO_ERROR;
            out.cyrillic = uscript_getScript(c, &script_status) == USCRIPT_CYRILLIC;
        }
        // Xapian 1.4's Russian stemmer does not know ё: `ёлки` stays unstemmed while `елки` is stemmed,
        // and Russian writers use е for ё freely. Fold on both sides so that either spelling meets.
        if (c == u'ё') unified.setCharAt(i, u'е');
    }
    if (!out.cyrillic) icu_->latin_ascii->transliterate(unified);
    out.term.clear();
    unified.toUTF8String(out.term);
}

}  // namespace agora
