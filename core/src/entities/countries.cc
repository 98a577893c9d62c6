/** @file
 *  @brief The country gazetteer: every ISO 3166 territory ICU knows, its English, Russian and French
 *         names (display, short and variant forms) analysed with the shared Analyzer, matched in text
 *         on folded terms (Latin script) or on Russian stems with a checked ending (oblique cases).
 *
 *  How names are gathered (nothing is typed by hand): for each territory of
 *  `icu::Region::getAvailable(URGN_TERRITORY)` and each of en, ru, fr, the display name
 *  (`Locale::getDisplayCountry`) and the short and variant forms of ICU's region bundle
 *  (tables `Countries%short`, `Countries%variant`, or keys `HK%short` inside `Countries`), and the
 *  ISO 3166-1 names, official names and common names of Debian's iso-codes with their Russian and
 *  French translations (iso_codes_names; `Korea, Republic of` read as `Republic of Korea`). From each
 *  name, generic rewrites give more forms: the parts outside and inside parentheses
 *  ("Myanmar (Burma)" → "Myanmar", "Burma"), `&` spelled out ("Trinidad and Tobago"), `St.` as
 *  `Saint`, Russian `о-в`/`о-ва` as `остров`/`острова`, acronyms with dots ("US" → "U.S.").
 *
 *  A form that two territories share at the same rank ("Congo" from "Congo (DRC)" and
 *  "Congo (Republic)") is dropped; a form of better rank wins over a derived one ("США" is the
 *  United States, not the inside of "Виргинские о-ва (США)"). A derived one-word form that is a word
 *  of another territory's name ("Republic", "Конго") is dropped too.
 *
 *  Russian words are matched by their Snowball stem's idea of a base plus a checked inflection ending,
 *  because the stemmer alone is not consistent across cases (`казахстан`→`казахста` but
 *  `казахстане`→`казахстан`; `гвинея`→`гвине`, `гвинеи`→`гвин`). A word is split into a base and its
 *  nominative ending by Russian declension rules (`Россия` = `росс`+`ия`, `Куба` = `куб`+`а`,
 *  `Казахстан` = `казахстан`+``); a text word matches when it is the base plus a Russian case ending
 *  (kCaseEndings; `-ов` only after a plural name), keeping the `и`/`е` of `-ия`/`-ея` nouns (so
 *  `Франц` and `Францом` are not France, `Ганиев` is not Ghana, and `российский`, `казахстанский`,
 *  `россиян` never match).
 *  Indeclinable words (foreign names ending in `о е и у ю э`, or a vowel before `а`: `Того`, `Мали`,
 *  `Самоа`) and acronyms match exactly.
 */
#include "agora/entities/countries.h"
#include "agora/util/string_map.h"

#include <boost/locale/generator.hpp>
#include <boost/locale/message.hpp>
#include <nlohmann/json.hpp>
#include <unicode/locid.h>
#include <unicode/region.h>
#include <unicode/strenum.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/ures.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>

namespace agora {
namespace {

/// The three name languages, in the order of Territory::label.
constexpr std::array<Lang, 3> kLangs = {Lang::en, Lang::ru, Lang::fr};

/// Rank of a form: lower wins when two territories claim the same words.
enum Rank : std::uint8_t { kDisplay = 0, kVariant = 1, kOutside = 2, kInside = 3 };

/// Longest inflection ending accepted after a Russian base, in letters.
constexpr int kMaxEndingLetters = 3;
/// Longest gap between two words of one name, in bytes (" — " is 5).
constexpr std::size_t kMaxGapBytes = 12;
/// Longest word (bytes) that may be an abbreviation followed by a full stop inside a name ("St.").
constexpr std::uint32_t kMaxAbbreviationBytes = 3;

/// Russian function words (pronouns, conjunctions, particles, prepositions) that a country name may
/// spell: at a sentence start, capitalisation says nothing about them (`Того же мнения` is not Togo).
/// English and French ones come from the language vote (is_function_word).
constexpr std::string_view kRussianFunctionWords[] = {
    "и",     "в",     "во",    "не",    "что",   "он",    "на",    "я",     "с",     "со",
    "как",   "а",     "то",    "все",   "она",   "так",   "его",   "но",    "да",    "ты",
    "к",     "у",     "же",    "вы",    "за",    "бы",    "по",    "только", "ее",  "мне",
    "было",  "вот",   "от",    "меня",  "еще",   "нет",   "о",     "из",    "ему",   "когда",
    "даже",  "ну",    "ли",    "если",  "уже",   "или",   "ни",    "быть",  "был",   "него",
    "до",    "вас",   "там",   "потом", "себя",  "ей",    "может", "они",   "тут",   "где",
    "есть",  "ней",   "для",   "мы",    "их",    "чем",   "была",  "сам",   "без",   "чего",
    "тоже",  "себе",  "под",   "будет", "тогда", "кто",   "этот",  "того",  "потому", "этого",
    "какой", "ним",   "здесь", "этом",  "при",   "тот",   "том",   "чтобы", "после",
    "над",   "через", "эти",   "нас",   "про",   "между"};

/// Russian case endings of nouns and adjectives, singular and plural, that a country's name can take
/// after its base (`ё` is folded to `е` by the normaliser): `Казахстан|а`, `Росс|ии`, `Кор|еи`,
/// `Южн|ой`, `Филиппин|ах`. Genitive plurals in `-ов`/`-ев` are only for plural names: after a
/// singular one they are surnames (`Ганиев`).
constexpr std::string_view kCaseEndings[] = {
    "а",   "я",   "ы",   "и",   "е",   "у",   "ю",   "о",   "ь",   "й",   "ой",  "ою",  "ей",
    "ею",  "ом",  "ем",  "ам",  "ям",  "ами", "ями", "ах",  "ях",  "ия",  "ии",  "ию",  "ией",
    "иею", "ие",  "ья",  "ьи",  "ью",  "ьей", "ье",  "ая",  "ую",  "ое",  "ые",  "ого", "его",
    "ому", "ему", "ых",  "их",  "ым",  "им",  "ыми", "ими", "ий",  "ый",  "ея",  "еи",  "ею",
    "еей", "ее"};
constexpr std::u16string_view kVowels = u"аеиоуыэюя";
constexpr std::array<std::u16string_view, 9> kAdjectiveEndings = {u"ая", u"яя", u"ое", u"ее", u"ые",
                                                                   u"ие", u"ий", u"ый", u"ой"};

bool contains_char(std::u16string_view set, char16_t c) {
    return set.find(c) != std::u16string_view::npos;
}

bool is_apostrophe(UChar32 c) {
    return c == '\'' || c == 0x2019 || c == 0x02BC || c == 0x2018;
}

/// First code point of @p s at byte @p i (advancing @p i); U_SENTINEL at the end.
UChar32 next_cp(std::string_view s, std::size_t& i) {
    if (i >= s.size()) return U_SENTINEL;
    UChar32 c = 0;
    int32_t pos = static_cast<int32_t>(i);
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), pos, static_cast<int32_t>(s.size()), c);
    i = static_cast<std::size_t>(pos);
    return c;
}

bool is_upper(UChar32 c) { return c >= 0 && (u_isupper(c) || u_istitle(c)); }

/// True when the word @p word (as written) starts with a capital letter, or starts with a lower-case
/// elided article and a capital after the apostrophe (`l'Inde`, `d’Italie`).
/// Per-thread scratch space for CountryGazetteer::find (the gazetteer itself is shared and const).
std::vector<bool>& anchor_scratch() {
    thread_local std::vector<bool> flags;
    return flags;
}

bool starts_capitalised(std::string_view word) {
    std::size_t i = 0;
    const UChar32 first = next_cp(word, i);
    if (is_upper(first)) return true;
    if (first < 0 || !u_islower(first)) return false;
    while (i < word.size() && i <= 8) {
        const UChar32 c = next_cp(word, i);
        if (is_apostrophe(c)) return is_upper(next_cp(word, i));
        if (c < 0 || !u_isalpha(c)) return false;
    }
    return false;
}

/// True when every letter of @p word is upper case and it has at least two (`US`, `U.S`, `США`).
bool is_all_caps(std::string_view word) {
    int letters = 0;
    for (std::size_t i = 0; i < word.size();) {
        const UChar32 c = next_cp(word, i);
        if (c < 0) return false;
        if (!u_isalpha(c)) continue;
        if (!is_upper(c)) return false;
        ++letters;
    }
    return letters >= 2;
}

std::string to_utf8(const icu::UnicodeString& s) {
    std::string out;
    s.toUTF8String(out);
    return out;
}

/// Number of code points in @p s.
int count_letters(std::string_view s) {
    int n = 0;
    for (std::size_t i = 0; i < s.size(); ++i) n += (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
    return n;
}

/// One word of a name form, in the shape it is compared with a token.
struct Word {
    std::string key;        ///< term (exact) or base (Russian declinable)
    bool declinable = false;
    bool need_ending = false;  ///< declinable: the text word must have an ending after the base
    char16_t keep_first = 0;   ///< declinable: the ending must start with this letter (`и` of `-ия`)
    bool acronym = false;      ///< written in capitals in ICU: must be in capitals in the text
    bool plural = false;       ///< declinable plural name (`Нидерланды`): genitive `-ов` too

    /// True when the normalised @p term is this word in some case form.
    bool matches(std::string_view term) const {
        if (!declinable) return term == key;
        if (term.size() < key.size() || term.compare(0, key.size(), key) != 0) return false;
        const std::string_view ending = term.substr(key.size());
        if (ending.empty()) return !need_ending;
        std::size_t i = 0;
        const UChar32 first = next_cp(ending, i);
        if (keep_first != 0 && first != keep_first) return false;
        // A case ending, not any run of ending letters: `Ганиев` is not a form of `Гана`; a plural
        // name also takes the genitive `-ов` (`Нидерландов`).
        if (plural && (ending == "ов" || ending == "ев")) return true;
        return std::find(std::begin(kCaseEndings), std::end(kCaseEndings), ending) != std::end(kCaseEndings);
    }
};

/// Splits a normalised Russian word into the base that all its case forms share and the rules for
/// the ending (see the file comment).
Word russian_word(const std::string& term) {
    Word w;
    w.key = term;
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(term);
    const int32_t n = u.length();
    if (n < 3) return w;
    const char16_t last = u.charAt(n - 1);
    const char16_t before = u.charAt(n - 2);
    const std::u16string tail{before, last};
    auto cut = [&](int32_t letters) {
        w.declinable = true;
        w.need_ending = true;
        w.key = to_utf8(icu::UnicodeString(u, 0, n - letters));
    };
    if (std::find(kAdjectiveEndings.begin(), kAdjectiveEndings.end(), tail) != kAdjectiveEndings.end()) {
        cut(2);
    } else if (last == u'я' && (before == u'и' || before == u'е' || before == u'ь')) {
        cut(2);
        w.keep_first = before;
    } else if (last == u'а' || last == u'я') {
        if (!contains_char(kVowels, before)) cut(1);  // Куба declines, Самоа and Папуа do not
    } else if (last == u'ы' || last == u'ь' || last == u'й') {
        cut(1);
        w.plural = last == u'ы';
    } else if (!contains_char(kVowels, last)) {
        w.declinable = true;  // Казахстан, Ирак: the ending may be empty
    }
    return w;
}

/// One name form of one territory, as a word sequence.
struct Form {
    std::vector<Word> words;
    std::uint32_t territory = 0;
    std::uint8_t rank = kDisplay;
    std::uint8_t anchor = 0;  ///< first word capitalised in ICU's spelling (`о-в Вознесения`: 2)
    bool findable = true;     ///< has a capitalised word (else only resolve() uses it)
};

struct Territory {
    std::string code;
    std::array<std::string, 3> label;  ///< en, ru, fr
};

/// A raw name string with its rank, before analysis.
struct RawName {
    std::string text;
    std::uint8_t rank;
};

/// Reads @p key from a resource table, or empty.
std::string table_string(UResourceBundle* table, const char* key) {
    if (table == nullptr) return {};
    UErrorCode status = U_ZERO_ERROR;
    int32_t length = 0;
    const UChar* s = ures_getStringByKey(table, key, &length, &status);
    if (U_FAILURE(status) || s == nullptr) return {};
    return to_utf8(icu::UnicodeString(s, length));
}

/// The region-names bundle of one language, with its display, short and variant tables.
class RegionNames {
public:
    explicit RegionNames(const char* lang) {
        UErrorCode status = U_ZERO_ERROR;
        bundle_ = ures_open(U_ICUDATA_NAME "-region", lang, &status);
        if (U_FAILURE(status)) {
            bundle_ = nullptr;
            return;
        }
        countries_ = sub("Countries");
        short_ = sub("Countries%short");
        variant_ = sub("Countries%variant");
    }
    ~RegionNames() {
        for (UResourceBundle* b : {variant_, short_, countries_, bundle_}) {
            if (b != nullptr) ures_close(b);
        }
    }
    RegionNames(const RegionNames&) = delete;
    RegionNames& operator=(const RegionNames&) = delete;

    /// The short form of @p code ("Hong Kong"), from either layout ICU has used.
    std::string short_name(const std::string& code) const { return alt(short_, code, "%short"); }
    /// The variant form of @p code ("Ivory Coast").
    std::string variant_name(const std::string& code) const { return alt(variant_, code, "%variant"); }

private:
    UResourceBundle* sub(const char* key) {
        if (bundle_ == nullptr) return nullptr;
        UErrorCode status = U_ZERO_ERROR;
        UResourceBundle* r = ures_getByKey(bundle_, key, nullptr, &status);
        if (U_FAILURE(status)) {
            if (r != nullptr) ures_close(r);
            return nullptr;
        }
        return r;
    }
    std::string alt(UResourceBundle* table, const std::string& code, const char* suffix) const {
        std::string s = table_string(table, code.c_str());
        if (s.empty()) s = table_string(countries_, (code + suffix).c_str());
        return s;
    }

    UResourceBundle* bundle_ = nullptr;
    UResourceBundle* countries_ = nullptr;
    UResourceBundle* short_ = nullptr;
    UResourceBundle* variant_ = nullptr;
};

/// Territory codes to keep: two capital letters, not ZZ (unknown), not a private-use code (AA, QM–QZ,
/// XA–XZ) unless ICU names it (XK, Kosovo).
bool keep_code(const std::string& code, const std::string& english_name) {
    if (code.size() != 2 || !std::isupper(static_cast<unsigned char>(code[0])) ||
        !std::isupper(static_cast<unsigned char>(code[1])))
        return false;
    if (code == "ZZ") return false;
    const bool private_use = code == "AA" || (code[0] == 'Q' && code[1] >= 'M') || code[0] == 'X';
    return !private_use || (!english_name.empty() && english_name != code);
}

/// Splits @p text on spaces.
std::vector<std::string> split_spaces(const std::string& text) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && text[i] == ' ') ++i;
        std::size_t j = i;
        while (j < text.size() && text[j] != ' ') ++j;
        if (j > i) out.emplace_back(text.substr(i, j - i));
        i = j;
    }
    return out;
}

std::string join_spaces(const std::vector<std::string>& pieces) {
    std::string out;
    for (const std::string& p : pieces) {
        if (!out.empty()) out += ' ';
        out += p;
    }
    return out;
}

/// The name with every space-separated piece equal to @p from replaced by @p to; empty when none was.
std::string replace_piece(const std::string& name, std::string_view from, std::string_view to) {
    std::vector<std::string> pieces = split_spaces(name);
    bool changed = false;
    for (std::string& p : pieces) {
        if (p == from) {
            p = to;
            changed = true;
        }
    }
    return changed ? join_spaces(pieces) : std::string();
}

/// Where Debian's iso-codes package keeps ISO 3166-1 and its translations.
constexpr const char* kIsoCodesJson = "/usr/share/iso-codes/json/iso_3166-1.json";
constexpr const char* kIsoCodesLocales = "/usr/share/locale";
constexpr const char* kIsoCodesDomain = "iso_3166-1";

/// `Korea, Republic of` → `Republic of Korea`, `Congo, The Democratic Republic of the` → `Democratic
/// Republic of the Congo`, `Iran, République islamique d'` → `République islamique d'Iran`: ISO's
/// inverted names read in running-text order. A name whose part after the comma does not end in a
/// preposition (`Virgin Islands, British`) gives "" (it is written otherwise in text).
std::string uninvert(const std::string& name) {
    const std::size_t comma = name.find(", ");
    if (comma == std::string::npos) return name;
    std::string head = name.substr(0, comma);
    std::string tail = name.substr(comma + 2);
    const bool elided = !tail.empty() && (tail.back() == '\'' || (tail.size() >= 3 && tail.compare(tail.size() - 3, 3, "\u2019") == 0));
    const std::vector<std::string> words = split_spaces(tail);
    if (words.empty()) return {};
    static constexpr std::string_view kLinks[] = {"of", "the", "de", "du", "des", "la"};
    const bool linked =
        elided || std::find(std::begin(kLinks), std::end(kLinks), words.back()) != std::end(kLinks);
    if (!linked) return {};
    // A leading article is not part of the name as text writes it after `the`/`la`.
    for (std::string_view article : {"The ", "the ", "La ", "la ", "L'", "l'", "Le ", "le "}) {
        if (tail.rfind(article, 0) == 0) {
            tail.erase(0, article.size());
            break;
        }
    }
    return elided ? tail + head : tail + " " + head;
}

/// ISO 3166-1 names of each territory from Debian's iso-codes (the UN-style official forms reports
/// use: `Russian Federation`, `Republic of Korea`, `République démocratique du Congo`, `Сирийская
/// Арабская Республика`), in English and, through the package's gettext catalogues read with
/// Boost.Locale, in Russian and French. Code → names per language (en, ru, fr). Empty when the
/// package is not installed: ICU's names still serve.
std::map<std::string, std::array<std::vector<std::string>, 3>> iso_codes_names() {
    std::map<std::string, std::array<std::vector<std::string>, 3>> out;
    std::ifstream in(kIsoCodesJson);
    if (!in) return out;
    const nlohmann::json doc = nlohmann::json::parse(in, nullptr, false);
    if (!doc.is_object() || !doc.contains("3166-1") || !doc["3166-1"].is_array()) return out;
    boost::locale::generator generator;
    generator.categories(boost::locale::message_facet);  // only the catalogues: no collation, no formats
    generator.characters(boost::locale::char_facet);
    generator.add_messages_path(kIsoCodesLocales);
    generator.add_messages_domain(kIsoCodesDomain);
    // English is the catalogues' source language: only Russian and French are looked up.
    std::array<std::locale, 3> locales;
    const std::array<const char*, 3> locale_ids = {nullptr, "ru_RU.UTF-8", "fr_FR.UTF-8"};
    try {
        for (std::size_t l = 1; l < locales.size(); ++l) locales[l] = generator(locale_ids[l]);
    } catch (const std::exception&) {
        return out;
    }
    for (const nlohmann::json& entry : doc["3166-1"]) {
        if (!entry.is_object() || !entry.contains("alpha_2") || !entry["alpha_2"].is_string()) continue;
        auto& names = out[entry["alpha_2"].get<std::string>()];
        for (const char* field : {"name", "official_name", "common_name"}) {
            if (!entry.contains(field) || !entry[field].is_string()) continue;
            const std::string english = entry[field].get<std::string>();
            for (std::size_t l = 0; l < locales.size(); ++l) {
                const std::string translated =
                    l == 0 ? english : boost::locale::translate(english).str(locales[l]);
                if (l > 0 && translated == english) continue;  // no translation
                std::string text = uninvert(translated);
                if (!text.empty() && std::find(names[l].begin(), names[l].end(), text) == names[l].end())
                    names[l].push_back(std::move(text));
            }
        }
    }
    return out;
}

/// Adds @p name and its generic rewrites (parentheses, `&`, `St.`, `о-в`, dotted acronyms) to @p out.
void expand_name(const std::string& name, std::uint8_t rank, Lang lang, std::vector<RawName>& out) {
    if (name.empty()) return;
    std::vector<RawName> parts{{name, rank}};
    const std::size_t open = name.find('(');
    const std::size_t close = name.find(')', open == std::string::npos ? 0 : open);
    if (open != std::string::npos && close != std::string::npos) {
        std::string outside = name.substr(0, open) + name.substr(close + 1);
        parts.push_back({join_spaces(split_spaces(outside)), std::max<std::uint8_t>(rank, kOutside)});
        const std::string inside = name.substr(open + 1, close - open - 1);
        std::size_t i = 0;
        if (is_upper(next_cp(inside, i))) parts.push_back({inside, kInside});
    }
    const std::string_view amp_word = lang == Lang::en ? "and" : lang == Lang::fr ? "et" : "и";
    for (const RawName& part : parts) {
        std::vector<std::string> forms{part.text};
        auto add_rewrite = [&](std::string_view from, std::string_view to) {
            const std::size_t n = forms.size();
            for (std::size_t k = 0; k < n; ++k) {
                std::string r = replace_piece(forms[k], from, to);
                if (!r.empty()) forms.push_back(std::move(r));
            }
        };
        add_rewrite("&", amp_word);
        if (lang == Lang::en) add_rewrite("St.", "Saint");
        if (lang == Lang::ru) {
            add_rewrite("о-в", "остров");
            add_rewrite("о-ва", "острова");
        }
        // An acronym ("US", "UK", "DRC") is also written with full stops.
        if (part.text.size() >= 2 && part.text.size() <= 4 && is_all_caps(part.text) &&
            std::all_of(part.text.begin(), part.text.end(),
                        [](char c) { return c >= 'A' && c <= 'Z'; })) {
            std::string dotted;
            for (char c : part.text) {
                dotted += c;
                dotted += '.';
            }
            forms.push_back(dotted);
        }
        for (std::string& f : forms) out.push_back({std::move(f), part.rank});
    }
}

/// The territory's name in its own likely language (ICU's likely subtags) when that language is
/// written in Cyrillic and is not Russian (`Кыргызстан`, `Беларусь`), else "". Russian text about
/// Central Asia and Eastern Europe often uses it instead of ICU's Russian name (`Киргизия`).
std::string cyrillic_endonym(const std::string& code) {
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale likely("und", code.c_str());
    likely.addLikelySubtags(status);
    if (U_FAILURE(status) || std::string_view(likely.getScript()) != "Cyrl" ||
        std::string_view(likely.getLanguage()) == "ru")
        return {};
    icu::UnicodeString name;
    icu::Locale("", code.c_str()).getDisplayCountry(icu::Locale(likely.getLanguage()), name);
    return to_utf8(name);
}

/// True when the name's display form should give way to the short one as a label: the display form
/// carries an administrative qualifier in capitals or in parentheses ("Hong Kong SAR China",
/// "Гонконг (САР)", "R.A.S. chinoise de Hong Kong", "Myanmar (Burma)").
bool prefer_short_label(const std::string& display, const std::string& short_name) {
    if (short_name.empty() || is_all_caps(short_name) || short_name.find('.') != std::string::npos)
        return false;
    if (display.find('(') != std::string::npos) return true;
    for (const std::string& piece : split_spaces(display)) {
        if (is_all_caps(piece)) return true;
    }
    return false;
}

/// True when the text before byte @p start ends a sentence: nothing but spaces and opening
/// punctuation (quotes, brackets, dashes) since the text start, a full stop, `!`, `?`, `…` or a
/// line break.
bool at_sentence_start(std::string_view text, std::uint32_t start) {
    std::size_t i = start;
    while (i > 0) {
        std::int32_t pos = static_cast<std::int32_t>(i);
        UChar32 c = 0;
        U8_PREV(reinterpret_cast<const uint8_t*>(text.data()), 0, pos, c);
        i = static_cast<std::size_t>(pos);
        if (c == '\n' || c == '\r' || c == '.' || c == '!' || c == '?' || c == 0x2026) return true;
        if (c < 0) return false;
        if (u_isUWhiteSpace(c)) continue;
        const int8_t type = u_charType(c);
        if (type == U_INITIAL_PUNCTUATION || type == U_START_PUNCTUATION || type == U_DASH_PUNCTUATION ||
            c == '"' || c == '\'' || c == 0xAB /* « */ || c == 0x201E /* „ */)
            continue;
        return false;
    }
    return true;
}

/// True when two words of one name may stand on either side of @p gap: spaces, hyphens and dashes,
/// `&`, apostrophes, and a full stop after a short abbreviation (`St.`, `U.S.`).
bool joins_name_words(std::string_view gap, bool after_abbreviation) {
    if (gap.size() > kMaxGapBytes) return false;
    int line_breaks = 0;
    for (std::size_t i = 0; i < gap.size();) {
        const UChar32 c = next_cp(gap, i);
        if (c < 0) return false;
        if (c == '\n') {
            if (++line_breaks > 1) return false;
            continue;
        }
        if (u_isUWhiteSpace(c) || c == '&' || is_apostrophe(c) || u_hasBinaryProperty(c, UCHAR_DASH))
            continue;
        if (c == '.' && after_abbreviation) continue;
        return false;
    }
    return true;
}

/// True when @p a and @p b differ by exactly one edit: a letter added, dropped, replaced, or two
/// neighbours swapped (bytes; callers pass ASCII words).
bool one_edit_apart(std::string_view a, std::string_view b) {
    if (a.size() > b.size()) std::swap(a, b);
    if (b.size() - a.size() > 1 || a == b) return false;
    std::size_t i = 0;
    while (i < a.size() && a[i] == b[i]) ++i;
    if (a.size() < b.size()) return a.substr(i) == b.substr(i + 1);
    if (a.substr(i + 1) == b.substr(i + 1)) return true;
    return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] && a.substr(i + 2) == b.substr(i + 2);
}

}  // namespace

struct CountryGazetteer::Impl {
    std::vector<Territory> territories;
    std::unordered_map<std::string, std::uint32_t> by_code;
    std::vector<Form> forms;
    /// Anchor-word key → forms (indexes), longest first, then best rank.
    StringMap<std::vector<std::uint32_t>> index;
    StringSet function_words;
    std::uint8_t max_anchor = 0;
    /// One-word Latin names of kFuzzyMinBytes or more, by their first four letters: other spellings
    /// of a name (`Kirghizistan` for ICU's `Kirghizstan`, `Kazakstan`, `Azerbaidjan`) are one edit
    /// away from it.
    StringMap<std::vector<std::uint32_t>> fuzzy;
    static constexpr std::size_t kFuzzyMinBytes = 9;

    /// True when token @p i is joined by a bare hyphen to a neighbouring word that does not start a
    /// country name (`France-Presse`), as opposed to `Russia-Ukraine` or a name of its own.
    bool hyphened_to_other_word(std::string_view text, const std::vector<Token>& tokens, std::size_t i) const {
        const Token& t = tokens[i];
        if (i + 1 < tokens.size() && tokens[i + 1].start == t.end + 1 && t.end < text.size() && text[t.end] == '-')
            return !starts_a_name(tokens[i + 1]);
        if (i > 0 && t.start == tokens[i - 1].end + 1 && t.start > 0 && text[t.start - 1] == '-')
            return !starts_a_name(tokens[i - 1]);
        return false;
    }

    /// True when some name's anchor word is @p t in some case form.
    bool starts_a_name(const Token& t) const {
        bool found = false;
        for_each_bucket(t, [&](const std::vector<std::uint32_t>&) { found = true; });
        return found;
    }

    /// The one form a capitalised Latin word is one edit away from (same first four and last two
    /// letters, so `Australian` is not `Australia`), or null.
    const Form* fuzzy_form(const Token& t) const {
        if (t.cyrillic || t.term.size() < kFuzzyMinBytes) return nullptr;
        const auto it = fuzzy.find(std::string_view(t.term).substr(0, 4));
        if (it == fuzzy.end()) return nullptr;
        const Form* found = nullptr;
        for (std::uint32_t f : it->second) {
            const std::string& key = forms[f].words[0].key;
            if (key.compare(key.size() - 2, 2, t.term, t.term.size() - 2, 2) != 0) continue;
            if (!one_edit_apart(key, t.term)) continue;
            if (found != nullptr && found->territory != forms[f].territory) return nullptr;  // ambiguous
            found = &forms[f];
        }
        return found;
    }

    void build();
    void add_forms(Analyzer& analyzer);

    bool is_function_word(std::string_view term) const {
        return agora::is_function_word(term) || function_words.count(term) != 0;
    }

    /// True when @p form matches the tokens from @p first on. @p text is given for the checks of
    /// running text (capitals of acronyms, what stands between the words); null for resolve().
    bool matches(const Form& form, const std::vector<Token>& tokens, std::size_t first,
                 const std::string_view* text) const {
        if (first + form.words.size() > tokens.size()) return false;
        for (std::size_t k = 0; k < form.words.size(); ++k) {
            const Token& t = tokens[first + k];
            const Word& w = form.words[k];
            if (!w.matches(t.term)) return false;
            if (text == nullptr) continue;
            if (w.acronym && !is_all_caps(text->substr(t.start, t.end - t.start))) return false;
            if (k > 0) {
                const Token& prev = tokens[first + k - 1];
                if (prev.paragraph != t.paragraph || prev.end > t.start) return false;
                if (!joins_name_words(text->substr(prev.end, t.start - prev.end),
                                      prev.end - prev.start <= kMaxAbbreviationBytes))
                    return false;
            }
        }
        return true;
    }

    /// Calls @p each with every form list whose anchor key the token's term may hold: the term itself
    /// and, for Cyrillic words, the term without its last one to three letters (a Russian base).
    template <typename F>
    void for_each_bucket(const Token& token, F&& each) const {
        std::string_view key = token.term;
        for (int cut = 0; cut <= (token.cyrillic ? kMaxEndingLetters : 0) && !key.empty(); ++cut) {
            if (auto it = index.find(key); it != index.end()) each(it->second);
            std::size_t n = key.size() - 1;
            while (n > 0 && (static_cast<unsigned char>(key[n]) & 0xC0) == 0x80) --n;
            key = key.substr(0, n);
        }
    }
};

void CountryGazetteer::Impl::build() {
    for (std::string_view w : kRussianFunctionWords) function_words.emplace(w);

    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::StringEnumeration> regions(icu::Region::getAvailable(URGN_TERRITORY, status));
    if (U_FAILURE(status) || !regions) return;
    std::vector<std::string> codes;
    while (const char* code = regions->next(nullptr, status)) {
        if (U_FAILURE(status)) break;
        codes.emplace_back(code);
    }
    std::sort(codes.begin(), codes.end());

    const std::array<const char*, 3> lang_ids = {"en", "ru", "fr"};
    for (const std::string& code : codes) {
        Territory t;
        t.code = code;
        const icu::Locale place("", code.c_str());
        for (std::size_t l = 0; l < kLangs.size(); ++l) {
            icu::UnicodeString name;
            place.getDisplayCountry(icu::Locale(lang_ids[l]), name);
            t.label[l] = to_utf8(name);
        }
        if (!keep_code(code, t.label[0])) continue;
        by_code.emplace(code, static_cast<std::uint32_t>(territories.size()));
        territories.push_back(std::move(t));
    }

    Analyzer analyzer;
    add_forms(analyzer);
}

void CountryGazetteer::Impl::add_forms(Analyzer& analyzer) {
    struct Candidate {
        Form form;
        bool ambiguous = false;
    };
    std::map<std::string, Candidate> by_words;  // word signature → the territory that owns it
    std::map<std::string, std::set<std::uint32_t>> word_owners;  // word key → territories (ranks 0–1)
    std::vector<Token> tokens;

    // ISO's official names rank with the forms derived from ICU's: a one-word one that names two
    // territories (`Congo`) is dropped, as ICU's own would be.
    const auto iso_names = iso_codes_names();
    const std::array<const char*, 3> lang_ids = {"en", "ru", "fr"};
    for (std::size_t l = 0; l < kLangs.size(); ++l) {
        const RegionNames bundle(lang_ids[l]);
        for (std::uint32_t ti = 0; ti < territories.size(); ++ti) {
            Territory& t = territories[ti];
            const std::string short_name = bundle.short_name(t.code);
            std::vector<RawName> raw;
            expand_name(t.label[l], kDisplay, kLangs[l], raw);
            expand_name(short_name, kDisplay, kLangs[l], raw);
            expand_name(bundle.variant_name(t.code), kVariant, kLangs[l], raw);
            if (kLangs[l] == Lang::ru) expand_name(cyrillic_endonym(t.code), kVariant, kLangs[l], raw);
            if (const auto iso = iso_names.find(t.code); iso != iso_names.end()) {
                for (const std::string& name : iso->second[l]) expand_name(name, kOutside, kLangs[l], raw);
            }
            if (prefer_short_label(t.label[l], short_name)) t.label[l] = short_name;

            for (const RawName& name : raw) {
                tokens.clear();
                analyzer.analyze(name.text, kLangs[l], tokens);
                if (tokens.empty()) continue;
                Form form;
                form.territory = ti;
                form.rank = name.rank;
                form.findable = false;
                bool all_single_letters = true;
                std::string signature;
                for (std::size_t k = 0; k < tokens.size(); ++k) {
                    const Token& tok = tokens[k];
                    const std::string_view written =
                        std::string_view(name.text).substr(tok.start, tok.end - tok.start);
                    Word w;
                    w.acronym = is_all_caps(written);
                    if (tok.cyrillic && !w.acronym) {
                        w = russian_word(tok.term);
                    } else {
                        w.key = tok.term;
                    }
                    if (count_letters(tok.term) > 1) all_single_letters = false;
                    if (!form.findable && starts_capitalised(written)) {
                        form.findable = true;
                        form.anchor = static_cast<std::uint8_t>(k);
                    }
                    signature += w.declinable ? '~' : '=';
                    signature += w.key;
                    signature += '|';
                    form.words.push_back(std::move(w));
                }
                // "R.-U.", "É.-U.": initials alone are not a name in running text.
                if (all_single_letters) continue;
                if (name.rank <= kVariant) {
                    for (const Word& w : form.words) word_owners[w.key].insert(ti);
                }
                auto [it, fresh] = by_words.try_emplace(signature, Candidate{form, false});
                if (fresh) continue;
                Candidate& c = it->second;
                if (c.form.territory == ti) {
                    if (form.rank < c.form.rank) c.form = form;
                } else if (form.rank < c.form.rank) {
                    c = Candidate{form, false};
                } else if (form.rank == c.form.rank) {
                    c.ambiguous = true;
                }
            }
        }
    }

    for (auto& [signature, c] : by_words) {
        if (c.ambiguous) continue;
        Form& form = c.form;
        if (form.rank >= kOutside && form.words.size() == 1) {
            // A derived one-word form that another territory's name also uses is generic or shared
            // ("Republic", "Конго").
            const auto owners = word_owners.find(form.words[0].key);
            std::size_t others = 0;
            if (owners != word_owners.end())
                others = owners->second.size() - owners->second.count(form.territory);
            if (others >= 1) continue;
        }
        forms.push_back(std::move(form));
    }
    for (std::uint32_t f = 0; f < forms.size(); ++f) {
        const Form& form = forms[f];
        if (!form.findable) continue;
        max_anchor = std::max(max_anchor, form.anchor);
        index[form.words[form.anchor].key].push_back(f);
        const Word& only = form.words[0];
        const bool ascii = std::all_of(only.key.begin(), only.key.end(), [](char c) { return c >= 'a' && c <= 'z'; });
        if (form.words.size() == 1 && !only.declinable && !only.acronym && ascii && only.key.size() >= kFuzzyMinBytes)
            fuzzy[only.key.substr(0, 4)].push_back(f);
    }
    for (auto& [key, list] : index) {
        std::sort(list.begin(), list.end(), [&](std::uint32_t a, std::uint32_t b) {
            if (forms[a].words.size() != forms[b].words.size())
                return forms[a].words.size() > forms[b].words.size();
            return forms[a].rank < forms[b].rank;
        });
    }
}

CountryGazetteer::CountryGazetteer() : impl_(new Impl) { impl_->build(); }

CountryGazetteer::~CountryGazetteer() { delete impl_; }

const CountryGazetteer& CountryGazetteer::instance() {
    static const CountryGazetteer gazetteer;
    return gazetteer;
}

void CountryGazetteer::find(std::string_view text, const std::vector<Token>& tokens, Analyzer&,
                            std::vector<Mention>& out) const {
    const Impl& im = *impl_;
    const std::size_t n = tokens.size();
    // Whether each token can anchor a name, decided once: a token is looked at from several start
    // positions. Cheapest tests first: most words are not capitalised.
    std::vector<bool>& anchor_ok = anchor_scratch();
    anchor_ok.assign(n, false);
    for (std::size_t k = 0; k < n; ++k) {
        const Token& t = tokens[k];
        if (t.end > text.size() || t.term.empty()) continue;
        const unsigned char lead = static_cast<unsigned char>(text[t.start]);
        if (lead < 0x80 && !(lead >= 'A' && lead <= 'Z') && !(lead >= 'a' && lead <= 'z')) continue;
        if (lead >= 'a' && lead <= 'z' && t.term.size() + 1 >= t.end - t.start) continue;
        anchor_ok[k] = starts_capitalised(text.substr(t.start, t.end - t.start));
    }
    std::size_t i = 0;
    while (i < n) {
        const Form* best = nullptr;
        bool anchors_a_name = false;  // token i starts some name, matched here or not
        for (std::size_t a = 0; a <= im.max_anchor && i + a < n; ++a) {
            const Token& anchor = tokens[i + a];
            if (!anchor_ok[i + a]) continue;
            im.for_each_bucket(anchor, [&](const std::vector<std::uint32_t>& list) {
                anchors_a_name = anchors_a_name || a == 0;
                for (std::uint32_t f : list) {
                    const Form& form = im.forms[f];
                    if (form.anchor != a) continue;
                    if (best != nullptr && (form.words.size() < best->words.size() ||
                                            (form.words.size() == best->words.size() &&
                                             form.rank >= best->rank)))
                        continue;
                    if (im.matches(form, tokens, i, &text)) best = &form;
                }
            });
        }
        if (best == nullptr && anchor_ok[i] && !anchors_a_name) best = im.fuzzy_form(tokens[i]);
        if (best == nullptr) {
            ++i;
            continue;
        }
        const std::size_t last = i + best->words.size() - 1;
        // `Agence France-Presse`: one half of a hyphenated name whose other half is no country.
        if (best->words.size() == 1 && im.hyphened_to_other_word(text, tokens, i)) {
            ++i;
            continue;
        }
        if (best->words.size() == 1 && im.is_function_word(tokens[i].term) &&
            at_sentence_start(text, tokens[i].start)) {
            ++i;  // "Того же мнения": a capital at a sentence start proves nothing
            continue;
        }
        Mention m;
        m.kind = EntityKind::country;
        m.code = im.territories[best->territory].code;
        m.first_token = static_cast<std::uint32_t>(i);
        m.last_token = static_cast<std::uint32_t>(last);
        m.start = tokens[i].start;
        m.end = tokens[last].end;
        // Elided article before the name ("l'Inde", "d’Italie"): the name starts after the apostrophe.
        {
            std::size_t p = m.start;
            const UChar32 first = next_cp(text.substr(0, m.end), p);
            if (first >= 0 && u_islower(first)) {
                std::size_t q = m.start;
                while (q < tokens[i].end) {
                    const std::size_t before = q;
                    const UChar32 c = next_cp(text.substr(0, tokens[i].end), q);
                    if (is_apostrophe(c)) {
                        m.start = static_cast<std::uint32_t>(q);
                        break;
                    }
                    if (c < 0 || q == before) break;
                }
            }
        }
        // English possessive after the name ("Russia's", "Kazakhstan’s").
        {
            const std::string_view word = text.substr(tokens[last].start, m.end - tokens[last].start);
            const std::string_view term = tokens[last].term;
            for (std::string_view ap : {std::string_view("'s"), std::string_view("\u2019s")}) {
                if (word.size() > ap.size() && word.substr(word.size() - ap.size()) == ap &&
                    !(term.size() >= 2 && term.substr(term.size() - 2) == "'s")) {
                    m.end -= static_cast<std::uint32_t>(ap.size());
                    break;
                }
            }
        }
        bool space = false;
        for (char c : text.substr(m.start, m.end - m.start)) {
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
                space = true;
                continue;
            }
            if (space && !m.surface.empty()) m.surface += ' ';
            space = false;
            m.surface += c;
        }
        out.push_back(std::move(m));
        i = last + 1;
    }
}

std::string CountryGazetteer::resolve(std::string_view name_or_code, Analyzer& analyzer) const {
    const Impl& im = *impl_;
    while (!name_or_code.empty() && std::isspace(static_cast<unsigned char>(name_or_code.front())))
        name_or_code.remove_prefix(1);
    while (!name_or_code.empty() && std::isspace(static_cast<unsigned char>(name_or_code.back())))
        name_or_code.remove_suffix(1);
    if (name_or_code.size() == 2 && std::isalpha(static_cast<unsigned char>(name_or_code[0])) &&
        std::isalpha(static_cast<unsigned char>(name_or_code[1]))) {
        std::string code(name_or_code);
        for (char& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        if (im.by_code.count(code) != 0) return code;
    }
    std::vector<Token> tokens;
    analyzer.analyze(name_or_code, Lang::unknown, tokens);
    auto best_code = [&](const std::vector<Token>& toks) -> std::string {
        const Form* best = nullptr;
        for (const Form& form : im.forms) {
            if (form.words.size() != toks.size()) continue;
            if (best != nullptr && form.rank >= best->rank) continue;
            if (im.matches(form, toks, 0, nullptr)) best = &form;
        }
        return best != nullptr ? im.territories[best->territory].code : std::string();
    };
    if (tokens.empty()) return {};
    std::string code = best_code(tokens);
    if (!code.empty()) return code;
    // "cote d ivoire": an elided article typed apart from its word.
    std::vector<Token> kept;
    for (Token& t : tokens) {
        if (t.cyrillic || count_letters(t.term) > 1) kept.push_back(std::move(t));
    }
    if (kept.empty() || kept.size() == tokens.size()) return {};
    return best_code(kept);
}

std::string CountryGazetteer::label(std::string_view code, Lang ui) const {
    std::string key(code);
    for (char& c : key) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    const auto it = impl_->by_code.find(key);
    if (it == impl_->by_code.end()) return std::string(code);
    const Territory& t = impl_->territories[it->second];
    const std::size_t l = ui == Lang::ru ? 1 : ui == Lang::fr ? 2 : 0;
    return t.label[l].empty() ? t.code : t.label[l];
}

std::size_t CountryGazetteer::size() const { return impl_->territories.size(); }

}  // namespace agora
