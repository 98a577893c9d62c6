/** @file
 *  @brief Name keys: one value for one person across Cyrillic and Latin scripts, romanisation
 *  systems and Russian grammatical cases.
 *
 *  A word goes through three stages:
 *   1. Cyrillic words lose their Russian case ending (Жовтиса → Жовтис, Евгению → Евгений,
 *      Навального → Навальн), Kazakh and Ukrainian letters become their Russian neighbours (қ → к).
 *   2. The word becomes lower-case ASCII: ICU's Russian-Latin/BGN then Latin-ASCII for Cyrillic,
 *      Any-Latin and Latin-ASCII for other scripts, nothing but lower-casing for ASCII.
 *   3. Romanisation variants are folded on the ASCII form, the same way for both scripts:
 *      digraphs become one letter (zh/j/ž → j, kh/h → h, sh/sch → w, ch/tch → c, ts/tz → x,
 *      shch → q), doubled letters collapse, the glides y/i/j are normalised (ye/e, yu/iu, ya/ia,
 *      -iy/-ii/-yi/-y), and a final vowel that Russian uses for gender or case is dropped
 *      (-a, -i/-y, -oy after a consonant).
 *  The result is not readable and is not meant to be: keys are only compared for equality.
 *
 *  Decisions (each tested in tests/unit/test_name_key.cc):
 *   - Male and female forms of a surname share a key (Ivanov = Ivanova, Petrov = Petrova,
 *     Aliev = Aliyeva, Navalny = Navalnaya): the Russian genitive of Ivanov *is* Ivanova, so a key
 *     that kept them apart would split one man into two. Two people of one family still differ
 *     by their first names.
 *   - First names in -ия share the key of the -ий name (Yevgenia = Yevgeny): Евгения is also the
 *     genitive of Евгений.
 *   - y and i are one letter outside glides, so Smith = Smyth and Kassym = Kasim.
 *   - A word-initial j is ж (Jomart, Jovtis), as in French and Kazakh spellings; j after a vowel
 *     is й (Tokajev). German-style Juri for Юрий therefore does not meet Yuri.
 */
#include "agora/entities/name_key.h"
#include "agora/util/string_map.h"
#include "agora/util/utf8.h"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <cstddef>
#include <stdexcept>

namespace agora {
namespace {

/// How many word keys of non-ASCII words are remembered before the cache starts afresh.
constexpr std::size_t kCacheLimit = 8192;

/// The shortest Cyrillic stem (in letters) that a case ending may be cut down to.
constexpr int32_t kMinCyrillicStem = 3;

// ---------------------------------------------------------------------------------------------
// Stage 1: Cyrillic letters and Russian case endings
// ---------------------------------------------------------------------------------------------

bool is_russian_vowel(char16_t c) {
    return std::u16string_view(u"аеиоуыэюя").find(c) != std::u16string_view::npos;
}

/// The Russian letter that stands for a Kazakh, Ukrainian or Belarusian one in Russian-based
/// spellings (Тоқаев is written Токаев in Russian), or 0 when @p c needs no change.
char16_t russian_neighbour(char16_t c) {
    switch (c) {
        case u'ё': return u'е';
        case u'қ': return u'к';
        case u'ғ': return u'г';
        case u'ұ':
        case u'ү':
        case u'ў': return u'у';
        case u'ә': return u'а';
        case u'ө': return u'о';
        case u'і':
        case u'ї': return u'и';
        case u'ң': return u'н';
        case u'һ': return u'х';
        case u'є': return u'е';
        case u'ґ': return u'г';
        default: return 0;
    }
}

bool ends_with(const icu::UnicodeString& word, std::u16string_view suffix) {
    const auto n = static_cast<int32_t>(suffix.size());
    return word.length() >= n &&
           word.compare(word.length() - n, n, suffix.data(), 0, n) == 0;
}

/// True when a feminine adjectival ending (-ая, -ую) after @p stem is more likely than a case
/// ending of a -ай name: Навальная, Политковская, Толстая, but Мамая (genitive of Мамай).
bool looks_adjectival(const icu::UnicodeString& stem) {
    if (stem.isEmpty()) return false;
    return std::u16string_view(u"нкгхт").find(stem.charAt(stem.length() - 1)) !=
           std::u16string_view::npos;
}

/// Removes a Russian case ending from a lower-case Cyrillic word, leaving the nominative or a
/// stem that the Latin stage treats like the nominative: Жовтиса/Жовтису/Жовтисом/Жовтисе →
/// Жовтис; Евгения/Евгению/Евгением/Евгении → Евгений; Мамая/Мамаю/Мамаем → Мамай;
/// Навального/Навальному/Навальным → Навальн. Stems ending in -ов/-ев/-ин stay as they are.
/// Endings -а, -я, -ы, -и after a consonant are left to the Latin stage, which drops them for
/// Latin spellings too (Anna and Анны both lose their last vowel).
void strip_case_ending(icu::UnicodeString& word) {
    const int32_t n = word.length();
    // Letter just before an ending of @p len letters, when at least kMinCyrillicStem letters remain.
    auto before = [&](int32_t len) -> char16_t {
        return n - len >= kMinCyrillicStem ? word.charAt(n - len - 1) : u'\0';
    };
    auto cut = [&](int32_t len) { word.truncate(n - len); };
    auto after_consonant = [&](int32_t len) {
        const char16_t c = before(len);
        return c != u'\0' && !is_russian_vowel(c) && c != u'й';
    };

    // -ий first names (Евгений) and -ия ones (Мария): genitive, dative, instrumental, prepositional.
    for (std::u16string_view ending : {u"ией", u"ием", u"ию", u"ии"}) {
        const auto len = static_cast<int32_t>(ending.size());
        if (ends_with(word, ending) && before(len) != u'\0') {
            cut(len);
            word.append(icu::UnicodeString(u"ий"));
            return;
        }
    }
    // Masculine adjectival surnames (Навальный, Горький): genitive and dative.
    for (std::u16string_view ending : {u"ого", u"его", u"ому", u"ему"}) {
        if (ends_with(word, ending) && before(3) != u'\0') return cut(3);
    }
    // Feminine adjectival surnames (Навальная, Политковская): nominative and accusative.
    for (std::u16string_view ending : {u"ая", u"ую"}) {
        if (ends_with(word, ending) && before(2) != u'\0') {
            icu::UnicodeString stem(word, 0, n - 2);
            if (looks_adjectival(stem)) return cut(2);
        }
    }
    // Instrumental -ым of -ов/-ев/-ин surnames and adjectives (Токаевым, Путиным, Навальным);
    // not after other letters, so that Кассым keeps its ending.
    if (ends_with(word, u"ым") &&
        std::u16string_view(u"нвлтдр").find(before(2)) != std::u16string_view::npos) {
        return cut(2);
    }
    // Instrumental -им of -ский/-цкий/-ький adjectives only (Горьким), not Рахим or Хаким.
    if (ends_with(word, u"ским") || ends_with(word, u"цким") || ends_with(word, u"ьким")) {
        if (before(2) != u'\0') return cut(2);
    }
    // Names in a vowel + й (Мамай, Сергей, Николай): genitive -я, dative -ю, instrumental -ем,
    // prepositional -е, all after the vowel.
    if (ends_with(word, u"ем") && is_russian_vowel(before(2))) {
        cut(2);
        word.append(u'й');
        return;
    }
    for (char16_t ending : {u'я', u'ю', u'е'}) {
        if (word.endsWith(icu::UnicodeString(ending)) && is_russian_vowel(before(1))) {
            cut(1);
            word.append(u'й');
            return;
        }
    }
    // Instrumental of names in -ья (Наталья, Илья): Натальей, Ильей.
    if (ends_with(word, u"ьей") && before(2) != u'\0') return cut(2);
    // Consonant stems (Жовтис, Токаев, Анна, Иванова): instrumental and feminine oblique cases.
    for (std::u16string_view ending : {u"ой", u"ою", u"ом"}) {
        if (ends_with(word, ending) && after_consonant(2)) return cut(2);
    }
    // Soft stems (Игорь): instrumental -ем after р, л, н only, so that Артем keeps its letters.
    if (ends_with(word, u"ем") &&
        std::u16string_view(u"рлн").find(before(2)) != std::u16string_view::npos) {
        return cut(2);
    }
    // Dative and prepositional of consonant stems (Жовтису, Жовтисе, Игорю).
    for (char16_t ending : {u'у', u'ю', u'е'}) {
        if (word.endsWith(icu::UnicodeString(ending)) && after_consonant(1)) return cut(1);
    }
}

// ---------------------------------------------------------------------------------------------
// Stage 3: folding of romanisation variants on lower-case ASCII
// ---------------------------------------------------------------------------------------------

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

bool is_consonant(char c) { return c >= 'a' && c <= 'z' && !is_vowel(c) && c != 'y'; }

/// Multi-letter spellings of one Russian sound become one letter. Letters freed by the mapping
/// stand for sounds: w = ш, q = щ, c = ч, j = ж, h = х, x = ц.
std::string fold_digraphs(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    auto at = [&](std::string_view p) { return s.substr(i, p.size()) == p; };
    auto emit = [&](char c, std::size_t len) {
        out += c;
        i += len;
    };
    while (i < s.size()) {
        if (at("shch")) emit('q', 4);
        else if (at("tsch")) emit('c', 4);
        else if (at("dzh")) emit('j', 3);
        else if (at("sch")) emit('w', 3);
        else if (at("tch")) emit('c', 3);
        else if (at("ch")) emit('c', 2);
        else if (at("sh")) emit('w', 2);
        else if (at("zh")) emit('j', 2);
        else if (at("kh")) emit('h', 2);
        else if (at("dj")) emit('j', 2);
        else if (at("ts") || at("tz")) emit('x', 2);
        else if (at("ph")) emit('f', 2);
        else if (at("ck")) emit('k', 2);
        else if (at("ou")) emit('u', 2);  // French: Iouri, Boukharov
        // French writes a hard g before e/i as "gu": Evgueni, Guiorgui.
        else if (at("gu") && i + 2 < s.size() && (s[i + 2] == 'e' || s[i + 2] == 'i')) emit('g', 2);
        else {
            const char c = s[i];
            const char next = i + 1 < s.size() ? s[i + 1] : '\0';
            switch (c) {
                case 'x': out += "ks"; break;
                case 'w': out += 'v'; break;
                case 'q': out += 'k'; break;
                case 'c': out += (next == 'e' || next == 'i' || next == 'y') ? 'x' : 'k'; break;
                case 'j':
                    // After a vowel j is й (Tokajev, Evgenij); elsewhere ж (Jovtis, Jomart).
                    out += (!out.empty() && (is_vowel(out.back()) || out.back() == 'y')) ? 'y' : 'j';
                    break;
                default: out += c;
            }
            ++i;
        }
    }
    return out;
}

std::string collapse_doubles(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        if (out.empty() || out.back() != c) out += c;
    }
    return out;
}

/// Normalises runs of the glide letters y and i: Yevgeniy/Evgenii, Tokayev/Tokaev,
/// Solov'yev/Soloviev/Solovev, Il'yashev/Iliashev, Pyotr/Petr, Navalnyy/Navalny, Kassym/Kasim.
std::string fold_glides(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    std::size_t k = 0;
    while (k < s.size()) {
        const char c = s[k];
        if (c != 'y' && c != 'i') {
            out += c;
            ++k;
            continue;
        }
        std::size_t end = k;
        bool has_y = false;
        while (end < s.size() && (s[end] == 'y' || s[end] == 'i')) has_y |= s[end++] == 'y';
        const char next = end < s.size() ? s[end] : '\0';
        const char prev = out.empty() ? '\0' : out.back();
        if (!is_vowel(next)) {
            out += 'i';  // ы, final й, or a plain i: one letter
        } else if (next == 'e') {
            // ye, ie, iye: е after anything (Yevgeniy, Tokayev, Soloviev, Dmitriyev).
        } else if (next == 'o' && has_y) {
            out += 'e';  // yo: ё, which Russian writes е as often as not (Pyotr/Петр)
            ++end;
        } else if (prev != '\0' && !is_vowel(prev)) {
            out += 'i';  // iotation after a consonant: ya/ia, yu/iu (Ilyashev, Mariya)
        }
        // Otherwise a glide at the start or between vowels vanishes (Yuri/Iouri, Aliyev, Tokaiev).
        k = end;
    }
    return out;
}

/// True when @p len leading letters of @p s may stand alone as a stem: two letters, one a vowel.
bool stem_ok(std::string_view s, std::size_t len) {
    if (len < 2) return false;
    for (std::size_t i = 0; i < len; ++i) {
        if (is_vowel(s[i])) return true;
    }
    return false;
}

/// Drops final vowels that Russian uses for gender and case, in either script: -a (Ivanova,
/// Tokayeva, Anna), -i/-y (Navalnyy, Yevgeniy, Анны), -oi/-oy (Tolstoy, Ivanovoi).
void drop_final_vowels(std::string& s) {
    auto consonant_before = [&](std::size_t len) {
        return s.size() > len && is_consonant(s[s.size() - len - 1]);
    };
    if (!s.empty() && s.back() == 'a' && s.size() >= 2 &&
        (is_consonant(s[s.size() - 2]) || s[s.size() - 2] == 'i') && stem_ok(s, s.size() - 1)) {
        s.pop_back();
    }
    if (!s.empty() && s.back() == 'i' && consonant_before(1) && stem_ok(s, s.size() - 1)) {
        s.pop_back();
    } else if (s.size() >= 2 && s.compare(s.size() - 2, 2, "oi") == 0 && consonant_before(2) &&
               stem_ok(s, s.size() - 2)) {
        s.resize(s.size() - 2);
    }
}

/// Stage 3 on a string of lower-case ASCII letters.
std::string fold_romanization(std::string_view letters) {
    std::string s = collapse_doubles(fold_glides(collapse_doubles(fold_digraphs(letters))));
    drop_final_vowels(s);
    return collapse_doubles(s);
}

/// The lower-case ASCII letters of @p text, everything else dropped.
std::string ascii_letters(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
        else if (c >= 'a' && c <= 'z') out += c;
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// Splitting names into words
// ---------------------------------------------------------------------------------------------

bool is_hyphen(UChar32 c) { return c == '-' || c == 0x2010 || c == 0x2011; }

bool is_apostrophe(UChar32 c) {
    return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x02B9 || c == 0x0060 ||
           c == 0x00B4 || c == 0x2032;
}

bool is_word_char(UChar32 c) {
    if (u_isalnum(c) || is_apostrophe(c)) return true;
    const int8_t type = u_charType(c);
    return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK;
}

/// Words of @p name (letters, marks, digits, apostrophes and inner hyphens; hyphens become '-').
std::vector<std::string> split_words(std::string_view name) {
    std::vector<std::string> words;
    std::string current;
    const auto* bytes = reinterpret_cast<const uint8_t*>(name.data());
    const auto length = static_cast<int32_t>(name.size());
    int32_t i = 0;
    while (i < length) {
        const int32_t start = i;
        UChar32 c = 0;
        U8_NEXT(bytes, i, length, c);
        if (c >= 0 && is_word_char(c)) {
            current.append(name.substr(static_cast<std::size_t>(start),
                                       static_cast<std::size_t>(i - start)));
        } else if (c >= 0 && is_hyphen(c) && !current.empty()) {
            current += '-';
        } else if (!current.empty()) {
            while (!current.empty() && current.back() == '-') current.pop_back();
            words.push_back(std::move(current));
            current.clear();
        }
    }
    while (!current.empty() && current.back() == '-') current.pop_back();
    if (!current.empty()) words.push_back(std::move(current));
    return words;
}

/// @p word without an English possessive ('s, ’s, ʼs): Tokayev's is Tokayev.
std::string_view strip_possessive(std::string_view word) {
    for (std::string_view mark : {"'", "\u2019", "\u02BC"}) {
        for (std::string_view s : {"s", "S"}) {
            const std::size_t len = mark.size() + s.size();
            if (word.size() > len && word.substr(word.size() - len, mark.size()) == mark &&
                word.substr(word.size() - s.size()) == s) {
                return word.substr(0, word.size() - len);
            }
        }
    }
    return word;
}

std::unique_ptr<icu::Transliterator> make_transliterator(const char* id) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
        icu::UnicodeString(id, -1, US_INV), UTRANS_FORWARD, status));
    if (U_FAILURE(status) || !t) throw std::runtime_error(std::string("ICU: no transliterator ") + id);
    return t;
}

/// True for the letters Kazakh adds to the Russian alphabet.
bool is_kazakh_letter(UChar32 c) {
    const UChar32 lower = u_tolower(c);
    return lower < 0x10000 && std::u16string_view(u"әғқңөұүһі").find(static_cast<char16_t>(lower)) !=
                                  std::u16string_view::npos;
}

}  // namespace

struct NameKeyer::Impl {
    const icu::Normalizer2* casefold = nullptr;
    std::unique_ptr<icu::Transliterator> cyrillic_to_ascii;  // Russian-Latin/BGN, then ASCII
    std::unique_ptr<icu::Transliterator> any_to_ascii;       // other scripts and Latin diacritics
    std::unique_ptr<icu::Transliterator> display_russian;    // romanize(), created on first use
    std::unique_ptr<icu::Transliterator> display_kazakh;
    StringMap<std::string> cache;                            // non-ASCII word → key

    std::string key_of_part(std::string_view part);
    std::string key_of_word(std::string_view word);
};

/// Key of one word without hyphens.
std::string NameKeyer::Impl::key_of_part(std::string_view part) {
    if (is_ascii(part)) return fold_romanization(ascii_letters(part));
    if (auto hit = cache.find(part); hit != cache.end()) return hit->second;

    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString folded =
        casefold->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(part.data(),
                                                                          static_cast<int32_t>(part.size()))),
                            status);
    if (U_FAILURE(status)) return {};

    // Letters only; Cyrillic letters unified with Russian ones; Czech-style carons spelled out
    // before Latin-ASCII would strip them (Žovtis is Zhovtis, not Zovtis).
    icu::UnicodeString word;
    bool cyrillic = false;
    for (int32_t i = 0; i < folded.length();) {
        const UChar32 c = folded.char32At(i);
        i += U16_LENGTH(c);
        const int8_t type = u_charType(c);
        if (!u_isalpha(c) && type != U_NON_SPACING_MARK && type != U_COMBINING_SPACING_MARK) continue;
        UErrorCode script_status = U_ZERO_ERROR;
        if (uscript_getScript(c, &script_status) == USCRIPT_CYRILLIC) {
            cyrillic = true;
            const char16_t neighbour = c < 0x10000 ? russian_neighbour(static_cast<char16_t>(c)) : 0;
            word.append(neighbour != 0 ? static_cast<UChar32>(neighbour) : c);
        } else if (c == 0x017E) {  // ž
            word.append(icu::UnicodeString(u"zh"));
        } else if (c == 0x0161) {  // š
            word.append(icu::UnicodeString(u"sh"));
        } else if (c == 0x010D) {  // č
            word.append(icu::UnicodeString(u"ch"));
        } else {
            word.append(c);
        }
    }
    if (cyrillic) {
        strip_case_ending(word);
        cyrillic_to_ascii->transliterate(word);
    } else {
        any_to_ascii->transliterate(word);
    }
    std::string ascii;
    word.toUTF8String(ascii);
    std::string key = fold_romanization(ascii_letters(ascii));

    if (cache.size() >= kCacheLimit) cache.clear();
    cache.emplace(std::string(part), key);
    return key;
}

/// Key of one word: the keys of its hyphen-separated parts joined by '-'.
std::string NameKeyer::Impl::key_of_word(std::string_view word) {
    word = strip_possessive(word);
    std::string key;
    std::size_t start = 0;
    while (start <= word.size()) {
        std::size_t end = word.find('-', start);
        if (end == std::string_view::npos) end = word.size();
        const std::string part = key_of_part(word.substr(start, end - start));
        if (!part.empty()) {
            if (!key.empty()) key += '-';
            key += part;
        }
        start = end + 1;
    }
    return key;
}

NameKeyer::NameKeyer() : impl_(std::make_unique<Impl>()) {
    UErrorCode status = U_ZERO_ERROR;
    impl_->casefold = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU: no NFKC_Casefold data");
    // Any-Latin catches Cyrillic letters that BGN's Russian table lacks (Serbian ђ, ћ).
    impl_->cyrillic_to_ascii = make_transliterator("Russian-Latin/BGN; Any-Latin; Latin-ASCII");
    impl_->any_to_ascii = make_transliterator("Any-Latin; Latin-ASCII");
}

NameKeyer::~NameKeyer() = default;

std::string NameKeyer::word_key(std::string_view word) {
    // Other hyphen characters count as '-', everything else that is not part of a word is dropped.
    std::string joined;
    for (const std::string& piece : split_words(word)) joined += piece;
    return impl_->key_of_word(joined);
}

std::vector<std::string> NameKeyer::word_keys(std::string_view name) {
    std::vector<std::string> keys;
    for (const std::string& word : split_words(name)) {
        std::string key = impl_->key_of_word(word);
        if (!key.empty()) keys.push_back(std::move(key));
    }
    return keys;
}

std::string NameKeyer::name_key(std::string_view name) {
    std::string joined;
    for (const std::string& key : word_keys(name)) {
        if (!joined.empty()) joined += ' ';
        joined += key;
    }
    return joined;
}

std::string NameKeyer::romanize(std::string_view name) {
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(
        icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
    bool latin_only = true;
    bool kazakh = false;
    for (int32_t i = 0; i < text.length();) {
        const UChar32 c = text.char32At(i);
        i += U16_LENGTH(c);
        if (!u_isalpha(c)) continue;
        UErrorCode status = U_ZERO_ERROR;
        const UScriptCode script = uscript_getScript(c, &status);
        if (script != USCRIPT_LATIN && script != USCRIPT_COMMON && script != USCRIPT_INHERITED) {
            latin_only = false;
        }
        kazakh |= is_kazakh_letter(c);
    }
    if (latin_only) return std::string(name);

    std::unique_ptr<icu::Transliterator>& display = kazakh ? impl_->display_kazakh : impl_->display_russian;
    if (!display) {
        display = make_transliterator(kazakh ? "Kazakh-Latin/BGN; Any-Latin"
                                             : "Russian-Latin/BGN; Any-Latin");
    }
    display->transliterate(text);
    // BGN marks the soft and hard signs (ʹ ʺ) and splits ambiguous pairs (t·s); a reader of a
    // report wants Navalnyy, not Navalʹnyy. ë (BGN's ё) is shown as e, as Russian writes it.
    icu::UnicodeString clean;
    for (int32_t i = 0; i < text.length(); ++i) {
        const char16_t c = text.charAt(i);
        if (c == 0x02B9 || c == 0x02BA || c == 0x00B7) continue;
        if (c == 0x00EB) clean.append(u'e');
        else if (c == 0x00CB) clean.append(u'E');
        else clean.append(c);
    }
    std::string out;
    clean.toUTF8String(out);
    return out;
}

}  // namespace agora
