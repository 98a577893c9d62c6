/** @file
 *  @brief Rule-based recognition of persons and organisations in English, Russian and French text.
 *
 *  Three passes over the analyser's tokens, all linear:
 *   1. token shapes: capitalisation and all-caps read from the original bytes, the punctuation between
 *      tokens (run breaks, sentence ends, parentheses, quotes), words seen lowercase in the document;
 *      known entities (the user's file) are matched first and claim their tokens;
 *   2. candidates: at each capitalised word, a Russian organisation (capitalised first word, lowercase
 *      adjectives, a head word and its genitive complement), else a run of capitalised words that is an
 *      organisation when it holds a head word (extended by `of/for` or `de/des/pour` complements), else
 *      a person when the run, stripped of roles and non-name words, has the evidence a name needs
 *      (two name words, a role or honorific, a speech verb, a surname ending);
 *   3. resolution: lone surnames seen in a full name elsewhere, acronyms defined by `Name (ACR)` or
 *      `ACR (Name)`, and lone all-caps words that look like organisations.
 */
#include "agora/entities/recognizer.h"
#include "agora/entities/common_words.h"
#include "agora/util/utf8.h"

#include "agora/analysis/analyzer.h"
#include "recognizer_cues.h"

#include <nlohmann/json.hpp>
#include <unicode/locid.h>
#include <unicode/strenum.h>
#include <unicode/timezone.h>
#include <unicode/tznames.h>
#include <unicode/uchar.h>
#include <unicode/ucurr.h>
#include <unicode/uenum.h>
#include <unicode/utf8.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace agora {
namespace {

using cues::Flag;

/// Longest run of capitalised words considered for one name.
constexpr std::uint32_t kMaxRun = 8;
/// Most words an organisation's complement may add after its head word.
constexpr std::uint32_t kMaxComplement = 11;
/// Longest quoted name taken as an organisation after a head word (`фонд «Адил соз»`).
constexpr std::uint32_t kMaxQuoted = 6;

/// Shape of a token, read from its original bytes.
enum Shape : std::uint16_t {
    kCap = 1 << 0,        ///< first letter upper- or titlecase
    kAllCaps = 1 << 1,    ///< two or more letters, none lowercase, no digits
    kInitial = 1 << 2,    ///< `Е.` or `Е.А`: one capital letter (or several joined by dots)
    kSentStart = 1 << 3,  ///< first word of a sentence, line or paragraph
    kQuoted = 1 << 4,     ///< inside quotation marks
    kCountry = 1 << 5,    ///< part of a country mention
    kClaimed = 1 << 6,    ///< part of a known-entity mention
    kShout = 1 << 7,      ///< in a run of three or more all-caps words (a heading)
    kElided = 1 << 8,     ///< starts with a French elision (`l'`, `d'`)
    kUsed = 1 << 9,       ///< inside a reported mention or an acronym definition
};

/// What the bytes between a token and the next one hold.
enum GapBit : std::uint8_t {
    kBreak = 1 << 0,       ///< punctuation: a name cannot run across it
    kHyphen = 1 << 1,      ///< a bare hyphen (`Кассым-Жомарт`)
    kSentEnd = 1 << 2,     ///< end of a sentence or line
    kOpenParen = 1 << 3,
    kCloseParen = 1 << 4,
    kComma = 1 << 5,
    kOpenQuote = 1 << 6,
    kCloseQuote = 1 << 7,
};

constexpr std::uint32_t kUnlooked = 0xFFFFFFFFu;

/// Per-token facts computed once per document.
struct TokenInfo {
    std::uint16_t shape = 0;
    std::uint8_t gap = 0;       ///< GapBit mask of the bytes after the token
    std::uint8_t skip = 0;      ///< bytes of an elision prefix in the original word
    std::uint32_t flags = kUnlooked;  ///< cue flags, looked up on demand
};

/// First code point of @p s at byte @p i (advancing @p i), or -1 at the end.
UChar32 next_code_point(std::string_view s, std::size_t& i) {
    if (i >= s.size()) return -1;
    UChar32 c;
    U8_NEXT(reinterpret_cast<const std::uint8_t*>(s.data()), i, s.size(), c);
    return c;
}

bool is_upper(UChar32 c) { return u_isupper(c) || u_istitle(c); }

bool is_apostrophe(UChar32 c) { return c == '\'' || c == 0x2019 || c == 0x02BC; }

/// Bytes of a French elision prefix at the start of @p word (`l’`, `d'`, `qu'`), or 0.
std::uint8_t elision_bytes(std::string_view word) {
    static constexpr std::string_view kPrefixes[] = {"l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu",
                                                     "lorsqu", "puisqu", "quoiqu"};
    for (std::string_view p : kPrefixes) {
        if (word.size() <= p.size() + 1) continue;
        bool same = true;
        for (std::size_t k = 0; k < p.size() && same; ++k) same = (word[k] | 0x20) == p[k];
        if (!same) continue;
        std::size_t i = p.size();
        if (is_apostrophe(next_code_point(word, i)) && i < word.size()) return static_cast<std::uint8_t>(i);
    }
    return 0;
}

/// Capitalisation of a word: kCap, kAllCaps and kInitial bits (kInitial needs the gap too).
std::uint16_t word_shape(std::string_view word) {
    const unsigned char first = static_cast<unsigned char>(word.empty() ? 0 : word[0]);
    if (first >= 'a' && first <= 'z') return 0;  // fast path: most words
    std::size_t i = 0;
    const UChar32 c0 = next_code_point(word, i);
    if (!is_upper(c0)) return 0;
    int letters = 1, lower = 0, dots = 0, other = 0;
    while (i < word.size()) {
        const UChar32 c = next_code_point(word, i);
        if (u_isalpha(c)) {
            ++letters;
            if (!is_upper(c)) ++lower;
        } else if (c == '.') {
            ++dots;
        } else {
            ++other;
        }
    }
    std::uint16_t shape = kCap;
    if (dots > 0 && lower == 0 && other == 0 && letters <= dots + 1) return shape | kInitial;
    if (letters >= 2 && lower == 0 && other == 0 && dots == 0) shape |= kAllCaps;
    return shape;
}

/// Reads the bytes between two tokens. @p abbreviation: the token before is `Mr`, `Е` or the like, so
/// a single period after it ends nothing. @p quote_open: whether a quote is open (updated).
std::uint8_t classify_gap(std::string_view gap, bool abbreviation, int& quote_open) {
    std::uint8_t bits = 0;
    int dots = 0, hyphens = 0, spaces = 0, others = 0;
    for (std::size_t i = 0; i < gap.size();) {
        const std::size_t at = i;
        const UChar32 c = next_code_point(gap, i);
        const bool touches_next = i == gap.size();
        const bool touches_prev = at == 0;
        switch (c) {
            case ' ': case '\t': case '\r': case 0xA0: case 0x202F: case 0x2009: ++spaces; break;
            case '\n': bits |= kBreak | kSentEnd; break;
            case '-': case 0x2010: case 0x2011: ++hyphens; break;
            case '.': ++dots; break;
            case '!': case '?': case 0x2026: bits |= kBreak | kSentEnd; break;
            case ',': bits |= kBreak | kComma; break;
            case '(': case '[': bits |= kBreak | kOpenParen; break;
            case ')': case ']': bits |= kBreak | kCloseParen; break;
            case 0xAB: case 0x201E: case 0x2039:
                bits |= kBreak | kOpenQuote; ++quote_open; break;
            case 0xBB: case 0x203A: case 0x201D:
                bits |= kBreak | kCloseQuote; quote_open = std::max(0, quote_open - 1); break;
            case '"': case 0x201C:
                if (quote_open > 0 && (touches_prev || !touches_next)) {
                    bits |= kBreak | kCloseQuote; --quote_open;
                } else {
                    bits |= kBreak | kOpenQuote; ++quote_open;
                }
                break;
            case '\'': case 0x2018: case 0x2019: case 0x02BC: break;  // apostrophes and single quotes
            case '&': ++spaces; break;
            case 0x2116: ++spaces; break;  // `№`: `инспекция … № 16 по … области` goes on
            default: ++others; bits |= kBreak; break;
        }
    }
    if (dots > 0) bits |= (abbreviation && dots == 1) ? 0 : (kBreak | kSentEnd);
    if (hyphens > 0) bits |= (spaces == 0 && others == 0 && hyphens == 1 && !(bits & kBreak)) ? kHyphen : kBreak;
    return bits;
}

/// Compares from the last byte, which fails fast without a call to memcmp (the hot path).
bool ends_with(std::string_view s, std::string_view tail) {
    if (s.size() < tail.size()) return false;
    for (std::size_t k = 1; k <= tail.size(); ++k)
        if (s[s.size() - k] != tail[tail.size() - k]) return false;
    return true;
}

/// True for a lowercase French word that reads as an infinitive (`contester`, `inscrire`).
bool looks_infinitive(std::string_view term) {
    return term.size() > 4 && (ends_with(term, "er") || ends_with(term, "ir") || ends_with(term, "re"));
}

/// True for a Russian plural dative (`правам`, `уголовным делам`): what follows `по` in a name.
bool russian_plural_dative(std::string_view term) {
    return ends_with(term, "ам") || ends_with(term, "ям") || ends_with(term, "ым") || ends_with(term, "им");
}

/// The word as written for a surface: elision prefix and possessive `'s` removed at the edges.
std::string_view written_word(std::string_view word, std::uint8_t skip, bool first, bool last) {
    if (first) word.remove_prefix(skip);
    if (last) {
        if (ends_with(word, "'s")) word.remove_suffix(2);
        else if (ends_with(word, "\u2019s")) word.remove_suffix(4);
    }
    return word;
}

/// True for numbers and codes that open with a digit (`20`, `2025-043`).
bool starts_with_digit(std::string_view term) { return !term.empty() && term[0] >= '0' && term[0] <= '9'; }

/// True when @p term holds a digit anywhere (`B1`, `N1`): no word of a person's name does.
bool has_digit(std::string_view term) {
    return std::any_of(term.begin(), term.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// True when @p word is an ISO 4217 currency code (`PHP`, `EUR`, `KGS`), from ICU's currency data.
bool is_currency_code(std::string_view word) {
    static const std::unordered_set<std::string> codes = [] {
        std::unordered_set<std::string> out;
        UErrorCode status = U_ZERO_ERROR;
        UEnumeration* all = ucurr_openISOCurrencies(UCURR_ALL, &status);
        if (U_FAILURE(status)) return out;
        int32_t length = 0;
        while (const char* code = uenum_next(all, &length, &status)) {
            if (U_FAILURE(status)) break;
            out.emplace(code, static_cast<std::size_t>(length));
        }
        uenum_close(all);
        return out;
    }();
    return word.size() == 3 && codes.count(std::string(word)) > 0;
}

/// Key of a run of @p n tokens, given by @p token_at(0 … n-1): their word keys (see cues::word_key)
/// joined by spaces.
template <typename TokenAt>
std::string run_key(std::size_t n, TokenAt&& token_at) {
    std::string key;
    for (std::size_t k = 0; k < n; ++k) {
        const Token& t = token_at(k);
        if (k > 0) key += ' ';
        key += cues::word_key(t.term, t.cyrillic);
    }
    return key;
}

/// Cities ICU names as the exemplars of its time zones (`Phnom Penh`, `Нью-Йорк`, `Кишинёв`,
/// `Oulan-Bator`), in English, French and Russian, analysed like text, as run keys.
const std::unordered_set<std::string>& exemplar_cities() {
    static const std::unordered_set<std::string> cities = [] {
        std::unordered_set<std::string> out;
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::StringEnumeration> zones(
            icu::TimeZone::createTimeZoneIDEnumeration(UCAL_ZONE_TYPE_CANONICAL_LOCATION, nullptr, nullptr, status));
        if (U_FAILURE(status) || !zones) return out;
        Analyzer analyzer;
        std::vector<Token> tokens;
        for (const auto& [locale, lang] : {std::pair{"en", Lang::en}, {"fr", Lang::fr}, {"ru", Lang::ru}}) {
            std::unique_ptr<icu::TimeZoneNames> names(icu::TimeZoneNames::createInstance(icu::Locale(locale), status));
            zones->reset(status);
            if (U_FAILURE(status) || !names) return out;
            while (const icu::UnicodeString* zone = zones->snext(status)) {
                icu::UnicodeString city;
                names->getExemplarLocationName(*zone, city);
                if (city.isBogus() || city.isEmpty()) continue;
                std::string utf8;
                city.toUTF8String(utf8);
                tokens.clear();
                analyzer.analyze(utf8, lang, tokens);
                if (!tokens.empty())
                    out.insert(run_key(tokens.size(), [&](std::size_t k) -> const Token& { return tokens[k]; }));
            }
        }
        return out;
    }();
    return cities;
}

bool is_roman_numeral(std::string_view word) {
    return !word.empty() && word.find_first_not_of("IVXLCDM") == std::string_view::npos;
}

/// First letter (code point) of a word after any elision prefix, uppercased.
UChar32 initial_letter(std::string_view word, std::uint8_t skip) {
    std::size_t i = skip;
    return u_toupper(next_code_point(word, i));
}

/// A pattern compiled from one known name or alias.
struct KnownPattern {
    std::vector<std::string> keys;  ///< per word: the term (Latin) or its Russian key (Cyrillic)
    EntityKind kind = EntityKind::person;
    std::string acronym;            ///< organisations: an all-caps alias of the entity
};

/// Key a token is matched on against known patterns.
std::string_view known_key(const Token& t) { return t.cyrillic ? cues::word_key(t.term, true) : t.term; }

/// True when @p s is written all in capitals (an acronym alias such as `KIBHR`).
bool is_acronym_text(std::string_view s) {
    return word_shape(s) & kAllCaps;
}

/// `CivilNet`, `MiningWatch`, `IndustriALL`, `TV5Monde`: a capital inside a word after three lowercase
/// letters, or a digit between letters, marks a brand's or a body's name (names of persons put their
/// inner capital after one or two letters: `McDonald`, `DiCaprio`, `MacLeod`).
bool camel_case(std::string_view w) {
    if (w.empty() || !(w[0] >= 'A' && w[0] <= 'Z')) return false;
    int lower = 0;
    for (std::size_t k = 1; k < w.size(); ++k) {
        const char c = w[k];
        if (c >= 'a' && c <= 'z') {
            ++lower;
        } else if (c >= 'A' && c <= 'Z') {
            if (lower >= 3) return true;
            lower = 0;
        } else if (c >= '0' && c <= '9') {
            lower = 0;
            if (k + 1 < w.size() && w[k + 1] >= 'A' && w[k + 1] <= 'Z' && k >= 2) return true;
        } else {
            lower = 0;
        }
    }
    return false;
}

/// `ГУБОПиК`, `УзЛиДеП`: three capitals or more in a word that also has small letters (a Russian
/// acronym with its conjunctions or syllables in lower case).
bool mixed_acronym(std::string_view w) {
    int upper = 0, lower = 0;
    for (std::int32_t k = 0, n = static_cast<std::int32_t>(w.size()); k < n;) {
        UChar32 c;
        U8_NEXT(w.data(), k, n, c);
        if (c < 0 || c == '-') return false;
        if (u_isupper(c)) ++upper;
        else if (u_islower(c)) ++lower;
    }
    return upper >= 3 && lower >= 1 && upper > lower;
}

/// True for a street, square or embankment word, written before its name (`улица`, `ул`, `проспект`,
/// `rue`, `avenue`, `quai`) or, in English, after it (`Windsor Road`, `Ellis Avenue`).
bool street_word(std::string_view term) {
    static constexpr std::string_view kStreets[] = {"улиц", "ул", "проспект", "пр-т", "площад", "переул", "бульвар",
                                                    "шоссе", "набережн", "rue", "avenue", "boulevard", "quai", "allee",
                                                    "road", "street", "terrace", "crescent",
                                                    "impasse", "edifice", "immeuble", "batiment"};
    for (std::string_view w : kStreets) {
        if (term.compare(0, w.size(), w) != 0) continue;
        // Whole Latin words; Russian stems with their case endings (`улице`, `проспекте`).
        if (static_cast<unsigned char>(w[0]) < 0x80 ? term.size() == w.size() : term.size() <= w.size() + 4) return true;
    }
    return false;
}

/// True for the words of a body sent abroad (`делегация`, `представительство`, `офис`, `mission`, `embassy`).
bool sent_abroad(std::string_view term) {
    static constexpr std::string_view kAbroad[] = {"делегац", "представительств", "посольств", "консульств",
                                                   "генконсульств", "миссия", "миссии",
                                                   "миссию", "офис", "бюро", "mission", "delegation", "embassy",
                                                   "representation", "ambassade", "consulat"};
    return std::any_of(std::begin(kAbroad), std::end(kAbroad),
                       [&](std::string_view a) { return term.compare(0, a.size(), a) == 0; });
}

}  // namespace

struct EntityRecognizer::Impl {
    // --- per-document state (kept between calls to reuse memory) ---
    std::string_view text;
    const std::vector<Token>* tokens = nullptr;
    std::vector<TokenInfo> info;
    std::vector<Mention> found;
    std::vector<std::uint32_t> pending;  ///< lone capitalised words waiting for document evidence
    std::vector<std::uint32_t> pending_pairs;  ///< first halves of lone hyphenated words (`Oyelaran-Webb`)
    std::vector<std::uint32_t> acronyms; ///< lone all-caps tokens, resolved at the end
    std::unordered_set<std::string_view> capitalised;  ///< terms written capitalised (scratch)
    std::unordered_set<std::string_view> lower_seen;
    std::unordered_set<std::string_view> person_keys;
    std::unordered_map<std::string, std::string> defined;  ///< acronym → itself, once defined

    // --- known entities ---
    std::vector<KnownPattern> known;
    /// First word's key → patterns, longest first; keys view into `known` (rebuilt by add_known).
    std::unordered_map<std::string_view, std::vector<std::uint32_t>> known_by_first;
    std::unique_ptr<Analyzer> analyzer;
    CommonWords common_words;  ///< Hunspell's ordinary words, cached for this thread

    std::uint32_t size() const { return static_cast<std::uint32_t>(tokens->size()); }
    const Token& tok(std::uint32_t i) const { return (*tokens)[i]; }
    std::string_view word(std::uint32_t i) const { return text.substr(tok(i).start, tok(i).end - tok(i).start); }
    bool has(std::uint32_t i, std::uint16_t s) const { return info[i].shape & s; }
    bool gap(std::uint32_t i, std::uint8_t g) const { return info[i].gap & g; }
    std::uint32_t flags(std::uint32_t i) {
        TokenInfo& ti = info[i];
        if (ti.flags == kUnlooked) ti.flags = cues::lookup(tok(i).term, tok(i).cyrillic, tok(i).lang);
        return ti.flags;
    }
    bool is(std::uint32_t i, std::uint32_t f) { return flags(i) & f; }
    /// True when tokens @p i and @p i + 1 may belong to one name: same paragraph, no punctuation.
    bool joined(std::uint32_t i) const {
        return i + 1 < size() && !gap(i, kBreak) && tok(i).paragraph == tok(i + 1).paragraph &&
               !has(i + 1, kClaimed);
    }
    bool capital(std::uint32_t i) const { return has(i, kCap) && !has(i, kShout); }
    /// True when a colon follows token @p i, after spaces (`QUESTION :` in French typography).
    /// `г.` before a city's name (its period reads as a sentence's end: the city comes after it all the same).
    bool city_abbreviation(std::uint32_t k) const { return tok(k).term == "г" && gap_text(k).rfind(".", 0) == 0; }
    bool colon_after(std::uint32_t i) const {
        std::string_view rest = text.substr(tok(i).end, 8);
        for (bool more = true; more;) {
            more = false;
            for (std::string_view space : {" ", "\u00A0", "\u202F"}) {
                if (rest.rfind(space, 0) == 0) {
                    rest.remove_prefix(space.size());
                    more = true;
                }
            }
        }
        return rest.rfind(":", 0) == 0;
    }
    /// The bytes between token @p k and the next one (to the end of the text after the last token).
    std::string_view gap_text(std::uint32_t k) const {
        const std::size_t end = k + 1 < size() ? tok(k + 1).start : text.size();
        return text.substr(tok(k).end, end - tok(k).end);
    }
    /// A dash between token @p k and the next (`BUENOS AIRES —`, `Egloff – Neue Zürcher Zeitung`).
    bool dash_after(std::uint32_t k) const {
        const std::string_view g = gap_text(k);
        return g.find("\u2014") != std::string_view::npos || g.find("\u2013") != std::string_view::npos ||
               g.find(" - ") != std::string_view::npos;
    }
    /// A file or document number (`FLV0016`, `HB2025`): letters with three digits or more.
    bool reference_code(std::uint32_t i) const {
        const std::string& t = tok(i).term;
        const auto digits = std::count_if(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
        return digits >= 3 && static_cast<std::size_t>(digits) < t.size();
    }
    /// An ordinal number written with digits: `4th`, `2nd`, `13e`, `1er`.
    bool ordinal(std::uint32_t i) const {
        const std::string& t = tok(i).term;
        std::size_t d = 0;
        while (d < t.size() && t[d] >= '0' && t[d] <= '9') ++d;
        if (d == 0 || d == t.size()) return false;
        const std::string_view suffix = std::string_view(t).substr(d);
        return suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th" || suffix == "e" ||
               suffix == "er" || suffix == "re" || suffix == "eme";
    }
    /// Like joined(), but with exactly a comma between the two tokens (`Solidarité, de l'Insertion`).
    bool comma_joined(std::uint32_t i) const {
        return i + 1 < size() && info[i].gap == (kBreak | kComma) && tok(i).paragraph == tok(i + 1).paragraph &&
               !has(i + 1, kClaimed);
    }

    void prepare(std::string_view text, const std::vector<Token>& tokens, const std::vector<Mention>& countries);
    void read_shapes();
    void mark_countries(const std::vector<Mention>& countries);
    void collect_lowercase_evidence();
    void match_known();
    bool match_known_at(std::uint32_t i, std::uint32_t pattern);
    void find_candidates();
    std::uint32_t candidate_at(std::uint32_t i);
    std::uint32_t quoted_at(std::uint32_t i);
    void unquote_speech();
    std::uint32_t after_form_word(std::uint32_t i);
    bool plural_subject(std::uint32_t e);
    bool ordinary_words(std::uint32_t s, std::uint32_t e);
    std::uint32_t quote_end(std::uint32_t i) const;
    std::uint32_t quoted_end_byte(std::uint32_t q) const;
    bool title_continuation(std::uint32_t i);
    bool possessive(std::uint32_t k) const;
    std::uint32_t after_possessive(std::uint32_t s, std::uint32_t head);
    std::uint32_t latin_organisation(std::uint32_t s, std::uint32_t e);
    std::uint32_t to_bracketed_acronym(std::uint32_t s, std::uint32_t e);
    bool plural_role_name(std::uint32_t s, std::uint32_t e);
    std::uint32_t lowercase_ministry(std::uint32_t i);
    std::uint32_t lowercase_court(std::uint32_t i);
    std::uint32_t ministry_portfolios(std::uint32_t e, bool french);
    std::uint32_t run_end(std::uint32_t i);
    std::uint32_t head_in_run(std::uint32_t s, std::uint32_t e);
    std::uint32_t extend_english(std::uint32_t e, bool sent = false);
    std::uint32_t extend_french(std::uint32_t e, bool after_object = false);
    std::uint32_t dateline_end(std::uint32_t i);
    bool web_outlet(std::uint32_t i) const;
    bool article_name(std::uint32_t i);
    std::uint32_t titled_name(std::uint32_t i, std::uint32_t& start);
    bool outlet_quote(std::uint32_t i, std::uint32_t e);
    void define_by_initials();
    std::uint32_t french_after_and(std::uint32_t j);
    std::uint32_t french_object(std::uint32_t j);
    std::uint32_t french_adjectives(std::uint32_t e, std::uint32_t limit);
    std::uint32_t russian_head(std::uint32_t i);
    std::uint32_t russian_complement(std::uint32_t h, std::uint32_t first);
    std::uint32_t russian_po_list(std::uint32_t e);
    /// `, field, field и field` after token @p e, each field read by @p field_end (its last token from its
    /// first, or kUnlooked): the last field's last token, or kUnlooked when no list closed by `и` follows.
    template <class FieldEnd>
    std::uint32_t closed_list(std::uint32_t e, const FieldEnd& field_end) {
        for (std::uint32_t c = e; comma_joined(c);) {
            const std::uint32_t k = field_end(c + 1);
            if (k == kUnlooked) return kUnlooked;
            if (joined(k) && tok(k + 1).term == "и" && !has(k + 1, kCap) && joined(k + 1)) return field_end(k + 2);
            c = k;
        }
        return kUnlooked;
    }
    std::uint32_t territory_after(std::uint32_t h, std::uint32_t e, bool open);
    std::uint32_t area_after_po(std::uint32_t e);
    std::uint32_t russian_genitive_list(std::uint32_t e);
    bool russian_linked_object(std::uint32_t j, bool in_po);
    std::uint32_t organisation(std::uint32_t s, std::uint32_t e);
    std::uint32_t person(std::uint32_t s, std::uint32_t e);
    bool caps_surname_first(std::uint32_t s, std::uint32_t e);
    bool ordinary_run(std::uint32_t s, std::uint32_t e);
    void decide_person(std::uint32_t s, std::uint32_t e, bool role);
    bool patronymic(std::uint32_t k) const;
    /// A Russian surname, first name and patronymic, in capitals, start at @p k.
    bool full_name_at(std::uint32_t k) const;
    /// True when [s, e] (or [s + 1, e] after a sentence's function word) is a city's name.
    bool city_run(std::uint32_t s, std::uint32_t e) {
        if (s < e && is(s, Flag::kFunction)) ++s;
        return exemplar_cities().count(run_key(e - s + 1, [&](std::size_t k) -> const Token& { return tok(s + k); })) > 0;
    }
    bool role_before(std::uint32_t s);
    bool appositive_relative(std::uint32_t s);
    bool speech_after(std::uint32_t e);
    bool speech_before(std::uint32_t s);
    bool bad_for_person(std::uint32_t i);
    bool abbreviated_title(std::uint32_t i) const;
    void check_acronym_definition(std::uint32_t s, std::uint32_t e);
    bool initials_match(std::uint32_t s, std::uint32_t e, std::string_view acronym);
    void resolve_pending();
    void resolve_acronyms();
    void lists_share_kind();
    void affiliation_columns();
    void company_short_forms();
    Mention& emit(EntityKind kind, std::uint32_t s, std::uint32_t e);
    void emit_through_quote(std::uint32_t s, std::uint32_t q);
    std::string surface(std::uint32_t s, std::uint32_t e) const;
};

// ---------------------------------------------------------------------------------------------------
// Pass 1: shapes, countries, lowercase evidence

void EntityRecognizer::Impl::prepare(std::string_view t, const std::vector<Token>& toks,
                                     const std::vector<Mention>& countries) {
    text = t;
    tokens = &toks;
    info.assign(toks.size(), TokenInfo{});
    found.clear();
    pending.clear();
    pending_pairs.clear();
    acronyms.clear();
    lower_seen.clear();
    person_keys.clear();
    defined.clear();
    read_shapes();
    unquote_speech();
    mark_countries(countries);
    collect_lowercase_evidence();
}

void EntityRecognizer::Impl::read_shapes() {
    int quote_open = 0;
    if (size() > 0) classify_gap(text.substr(0, tok(0).start), false, quote_open);
    std::uint32_t caps_run = 0;
    std::uint32_t caps_line = 0;  // like caps_run, but a colon does not restart it
    for (std::uint32_t i = 0; i < size(); ++i) {
        const Token& t = tok(i);
        TokenInfo& ti = info[i];
        const std::string_view w = word(i);
        if (!t.cyrillic && t.lang != Lang::en) ti.skip = elision_bytes(w);
        if (ti.skip) ti.shape |= kElided;
        ti.shape |= word_shape(w.substr(ti.skip));
        if (quote_open > 0) ti.shape |= kQuoted;
        const bool new_paragraph = i > 0 && tok(i - 1).paragraph != t.paragraph;
        if (i == 0 || new_paragraph || gap(i - 1, kSentEnd)) ti.shape |= kSentStart;
        const std::size_t next = i + 1 < size() ? tok(i + 1).start : text.size();
        const bool one_letter = (ti.shape & kCap) && letter_count(w) == 1;
        // (`… Los Cerros S.A. The police …`: a company form's last period may end the sentence.)
        const bool dotted_form = w.find('.') != std::string_view::npos && is(i, Flag::kCompanyForm);
        const bool abbreviation = ((ti.shape & kCap) && (one_letter || is(i, Flag::kAbbreviation))) ||
                                  ((ti.shape & kInitial) && !dotted_form);
        const std::string_view after = text.substr(t.end, next - t.end);
        if (i + 1 < size() && tok(i + 1).paragraph != t.paragraph) {
            // A quotation left open ends with its paragraph; one opening the next paragraph counts from
            // there (`."\n\n"We …`).
            const std::size_t cut = after.rfind('\n') + 1;
            ti.gap = classify_gap(after.substr(0, cut), abbreviation, quote_open);
            quote_open = 0;
            ti.gap |= classify_gap(after.substr(cut), false, quote_open);
        } else {
            ti.gap = classify_gap(after, abbreviation, quote_open);
        }
        if (one_letter && text.substr(t.end, 1) == ".") ti.shape |= kInitial;
        // A one-letter word inside a run of capitals (`ОТЧЁТ О ВИЗИТЕ`, `RAPPORT À L’ONU`) continues it.
        // A speaker label (`ВЕТРОВА: В МВД говорят`) ends one.
        const bool number = starts_with_digit(t.term);
        const bool caps_word = (ti.shape & kAllCaps) ||
                               ((one_letter || number) && caps_run > 0 && !(ti.shape & kInitial));
        const bool after_colon = i > 0 && text.substr(tok(i - 1).end, t.start - tok(i - 1).end).find(':') != std::string_view::npos;
        // (A new sentence or line starts a new run: `chair (CNA)` and the next line's `HALVORSEN-OKOYE` are
        // no three-word heading.)
        const bool restart = after_colon || (ti.shape & kSentStart);
        caps_run = caps_word ? (restart ? 1 : caps_run + 1) : 0;
        caps_line = caps_word ? ((ti.shape & kSentStart) ? 1 : caps_line + 1) : 0;
        const std::uint32_t first = i + 1 - caps_run;
        // `ANNUAL REPORT 2024 — EXCERPT`: the rest of a heading's line, after a dash.
        const bool after_heading = first > 0 && (info[first - 1].shape & kShout) &&
                                   tok(first - 1).paragraph == t.paragraph && !gap(first - 1, kSentEnd);
        const bool whole_line = caps_run > 0 && ((info[first].shape & kSentStart) || after_heading) &&
                                (gap(i, kSentEnd) || i + 1 == size()) && !colon_after(i);
        // `RIGHTS ROUNDUP | Week 25`: capitals opening a line before a bar are a header's title.
        const bool before_bar = caps_run >= 2 && (info[first].shape & kSentStart) &&
                                text.substr(t.end, next - t.end).find('|') != std::string_view::npos;
        // `OUTCOME NOTE: UNIVERSAL PERIODIC REVIEW`: a line in capitals to its end is one heading,
        // colon or not (a speaker label is followed by lowercase words).
        const std::uint32_t line_first = i + 1 - caps_line;
        const bool whole_caps_line = caps_line >= 2 && (info[line_first].shape & kSentStart) &&
                                     (gap(i, kSentEnd) || i + 1 == size()) && !colon_after(i);
        if (caps_run >= 3 || whole_line || before_bar || whole_caps_line)  // a heading, not acronyms
            for (std::uint32_t k = whole_caps_line ? line_first : first; k <= i; ++k) info[k].shape |= kShout;
    }
}

/// A long quotation with lowercase words in it is reported speech, not a title or a name: its words are
/// read like any other (`“… a candidate country for the European Union …”`), and it starts a sentence.
void EntityRecognizer::Impl::unquote_speech() {
    for (std::uint32_t s = 0; s < size();) {
        if (!has(s, kQuoted)) {
            ++s;
            continue;
        }
        std::uint32_t e = quote_end(s), lower = 0;
        for (std::uint32_t k = s; k <= e; ++k) lower += has(k, kCap) ? 0 : 1;
        if (e - s >= kMaxQuoted && lower >= 2) {
            for (std::uint32_t k = s; k <= e; ++k) info[k].shape &= static_cast<std::uint16_t>(~kQuoted);
            if (s > 0 && gap(s - 1, kOpenQuote)) info[s].shape |= kSentStart;
        }
        s = e + 1;
    }
}

void EntityRecognizer::Impl::mark_countries(const std::vector<Mention>& countries) {
    std::uint32_t i = 0;
    for (const Mention& m : countries) {
        while (i < size() && tok(i).end <= m.start) ++i;
        for (std::uint32_t k = i; k < size() && tok(k).start < m.end; ++k) info[k].shape |= kCountry;
    }
}

// A capitalised word (or one in capitals) that the document also writes in lowercase is a common
// word, not a name.
void EntityRecognizer::Impl::collect_lowercase_evidence() {
    std::unordered_set<std::string_view>& starts = capitalised;
    starts.clear();
    std::uint64_t filter = 0;
    for (std::uint32_t i = 0; i < size(); ++i) {
        if (!has(i, kCap) || has(i, kInitial)) continue;
        starts.insert(tok(i).term);
        filter |= 1ull << (static_cast<unsigned char>(tok(i).term[0]) & 63);
    }
    if (starts.empty()) return;
    for (std::uint32_t i = 0; i < size(); ++i) {
        if (has(i, kCap)) continue;
        const std::string& term = tok(i).term;
        if (!(filter & (1ull << (static_cast<unsigned char>(term[0]) & 63)))) continue;
        if (starts.count(term)) lower_seen.insert(term);
    }
}

// ---------------------------------------------------------------------------------------------------
// Known entities

void EntityRecognizer::Impl::match_known() {
    if (known_by_first.empty()) return;
    for (std::uint32_t i = 0; i < size(); ++i) {
        const auto it = known_by_first.find(known_key(tok(i)));
        if (it == known_by_first.end()) continue;
        for (std::uint32_t p : it->second) {
            if (!match_known_at(i, p)) continue;
            const KnownPattern& pattern = known[p];
            const std::uint32_t e = i + static_cast<std::uint32_t>(pattern.keys.size()) - 1;
            Mention& m = emit(pattern.kind, i, e);
            m.acronym = pattern.acronym;
            for (std::uint32_t k = i; k <= e; ++k) {
                info[k].shape |= kClaimed;
                if (pattern.kind == EntityKind::person) person_keys.insert(cues::word_key(tok(k).term, tok(k).cyrillic));
            }
            i = e;
            break;
        }
    }
}

bool EntityRecognizer::Impl::match_known_at(std::uint32_t i, std::uint32_t p) {
    const KnownPattern& pattern = known[p];
    const std::uint32_t n = static_cast<std::uint32_t>(pattern.keys.size());
    if (i + n > size()) return false;
    if (n == 1 && !has(i, kCap)) return false;  // a one-word name must be written capitalised
    for (std::uint32_t k = 0; k < n; ++k) {
        if (has(i + k, kClaimed) || known_key(tok(i + k)) != pattern.keys[k]) return false;
        if (k + 1 < n && (gap(i + k, kSentEnd) || tok(i + k).paragraph != tok(i + k + 1).paragraph)) return false;
    }
    return true;
}

// ---------------------------------------------------------------------------------------------------
// Pass 2: candidates

void EntityRecognizer::Impl::find_candidates() {
    for (std::uint32_t i = 0; i < size();) {
        if (has(i, kClaimed) || has(i, kShout)) {
            ++i;
        } else if (has(i, kCap) || has(i, kInitial)) {
            i = candidate_at(i) + 1;
        } else if (!tok(i).cyrillic && tok(i).lang == Lang::fr && tok(i).term == "ministere") {
            i = lowercase_ministry(i) + 1;  // `ministère de l'Intérieur`
        } else if (!tok(i).cyrillic && tok(i).lang == Lang::fr &&
                   (tok(i).term == "tribunal" || tok(i).term == "cour" || tok(i).term == "barreau" ||
                    tok(i).term == "ambassade" || tok(i).term == "consulat" || tok(i).term == "prefecture" ||
                    tok(i).term == "universite" ||  // `université de Sfax`
                    tok(i).term == "parquet" ||  // `parquet suprême de la sûreté de l’État`
                    // `conseil de prud’hommes de Nanterre`, `centre hospitalier de Béziers`
                    (tok(i).term == "conseil" && i + 2 < size() && joined(i) && joined(i + 1) &&
                     tok(i + 1).term == "de" && tok(i + 2).term.rfind("prud", 0) == 0) ||
                    (tok(i).term == "centre" && i + 1 < size() && joined(i) && tok(i + 1).term == "hospitalier"))) {
            i = lowercase_court(i) + 1;  // `tribunal de première instance de Casablanca`, `barreau de Paris`
        } else {
            ++i;
        }
    }
}

/// `La Voix du Kouilou`, `L’Écho du Djoué`, `La Voix de Djibouti`: a capitalised French article, a
/// capitalised noun, `de`/`du`/`des` and a capitalised place name a newspaper or a station (a person's
/// name does not open with an article). Its last token, or kUnlooked.
/// (`La Rédaction de L’Écho du Djoué`: the newspaper whose staff signs; @p start is then its first token.)
std::uint32_t EntityRecognizer::Impl::titled_name(std::uint32_t i, std::uint32_t& start) {
    start = i;
    if (tok(i).cyrillic || !has(i, kCap) || has(i, kAllCaps)) return kUnlooked;
    if (i > 0 && !gap(i - 1, kBreak) && (word(i - 1) == "à" || is(i - 1, Flag::kPlacePrep))) return kUnlooked;
    std::uint32_t n = i;  // the noun
    const std::string_view w = word(i);
    if (has(i, kElided) && (w[0] == 'L')) {
        // `L’Écho`: the article is part of the token.
    } else if (tok(i).term == "la" || tok(i).term == "le") {
        n = i + 1;
        if (!joined(i) || n >= size() || has(n, kElided)) return kUnlooked;
    } else {
        return kUnlooked;
    }
    if (!capital(n) || has(n, kAllCaps | kCountry | kQuoted | kInitial) ||
        is(n, Flag::kRole | Flag::kHonorific | Flag::kFunction | Flag::kOrgHead | Flag::kMonth | Flag::kLegal | Flag::kEvent))
        return kUnlooked;
    const std::uint32_t of = n + 1;
    if (!joined(n) || of + 1 >= size() || has(of, kCap) || !joined(of)) return kUnlooked;
    const std::string& t = tok(of).term;
    if (t != "de" && t != "du" && t != "des") return kUnlooked;
    const std::uint32_t place = of + 1;
    if (t == "de" && has(place, kElided) && word(place)[0] == 'L') {
        const std::uint32_t e = titled_name(place, start);
        if (e == kUnlooked) start = i;
        return e;
    }
    if (!capital(place) || has(place, kAllCaps | kQuoted | kElided) || is(place, Flag::kFunction | Flag::kDeterminer | Flag::kRole | Flag::kMonth))
        return kUnlooked;
    std::uint32_t e = place;
    while (e + 1 < size() && e - place < 2 && (joined(e) || gap(e, kHyphen)) && capital(e + 1) &&
           (has(e + 1, kCountry) == has(place, kCountry)) && !has(e + 1, kAllCaps))
        ++e;
    if (!has(place, kCountry) && e > place + 1) return kUnlooked;  // (a person's full name after `de`)
    return e;
}

/// True when @p i is a capitalised article (`La`, `Le`, `El`) before exactly one capitalised word that
/// is not a role, a country, a head word, a common word of the text or a person's known word.
bool EntityRecognizer::Impl::article_name(std::uint32_t i) {
    static constexpr std::string_view kArticles[] = {"la", "le", "les"};
    // `à La Haye`, `in Le Havre`: after a place preposition it is a town.
    if (i > 0 && !gap(i - 1, kBreak) && (word(i - 1) == "à" || is(i - 1, Flag::kPlacePrep))) return false;
    const std::string& t = tok(i).term;
    if (tok(i).cyrillic || !has(i, kCap) || has(i, kAllCaps) ||
        std::find(std::begin(kArticles), std::end(kArticles), t) == std::end(kArticles))
        return false;
    const std::uint32_t n = i + 1;
    if (n >= size() || !joined(i) || !capital(n) || has(n, kAllCaps | kCountry | kQuoted | kInitial)) return false;
    if (joined(n) && n + 1 < size() && (capital(n + 1) || is(n + 1, Flag::kConnector))) return false;
    if (is(n, Flag::kRole | Flag::kHonorific | Flag::kFunction | Flag::kOrgHead | Flag::kMonth | Flag::kNonName |
              Flag::kLegal | Flag::kEvent))
        return false;
    return lower_seen.count(tok(n).term) == 0;
}

/// `Vlast.kz`, `Kaktus.media`: a capitalised word with a web domain's ending names an online outlet.
bool EntityRecognizer::Impl::web_outlet(std::uint32_t i) const {
    const std::string_view w = word(i);
    const std::size_t dot = w.rfind('.');
    if (dot == std::string_view::npos || dot == 0) return false;
    // `Idel.Realii`, `Сибирь.Реалии`, `Ар.Рух.Хак`: capitalised parts of two letters or more joined by
    // dots name an outlet too (one letter before a dot is an initial: `Т.Иванов`).
    bool parts_capitalised = true;
    std::size_t parts = 0;
    for (std::size_t b = 0; b <= w.size() && parts_capitalised;) {
        const std::size_t e = std::min(w.find('.', b), w.size());
        const std::string_view part = w.substr(b, e - b);
        std::size_t k = 0;
        const UChar32 first = part.empty() ? -1 : next_code_point(part, k);
        // (Each part has a lowercase letter: `GOV.UK` is an address, not an outlet's name.)
        bool lowercase = false;
        for (std::size_t q = 0; q < part.size() && !lowercase;) lowercase = u_islower(next_code_point(part, q));
        parts_capitalised = first >= 0 && u_isupper(first) && letter_count(part) >= 2 && lowercase;
        ++parts;
        b = e + 1;
    }
    if (parts_capitalised && parts >= 2) return true;
    if (tok(i).cyrillic) return false;
    const std::string_view tail = w.substr(dot + 1);
    return tail.size() >= 2 && tail.size() <= 6 &&
           std::all_of(tail.begin(), tail.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

/// Handles the candidate starting at capitalised token @p i; returns the last token it consumed.
std::uint32_t EntityRecognizer::Impl::candidate_at(std::uint32_t i) {
    if (reference_code(i)) return i;
    if (const std::uint32_t d = dateline_end(i); d != kUnlooked) return d;  // `BUENOS AIRES —`
    if (web_outlet(i) && !has(i, kQuoted)) {
        emit(EntityKind::organisation, i, i);
        return i;
    }
    // (A text may open with the quote: `«Северная хроника» изучила …`.)
    const std::string_view lead = i == 0 ? text.substr(0, tok(0).start) : std::string_view();
    const bool quote_first = lead.find("\u00AB") != std::string_view::npos ||
                             lead.find("\u201C") != std::string_view::npos || lead.find('"') != std::string_view::npos;
    if (has(i, kQuoted) && ((i > 0 && gap(i - 1, kOpenQuote)) || quote_first)) return quoted_at(i);
    if (has(i, kQuoted)) return i;
    if (const std::uint32_t e = after_form_word(i); e != kUnlooked) return e;
    if (tok(i).cyrillic && !has(i, kAllCaps) && !is(i, Flag::kLegal) && mixed_acronym(word(i))) {
        emit(EntityKind::organisation, i, i).acronym = std::string(word(i));
        return i;
    }
    if (!tok(i).cyrillic && tok(i).lang == Lang::fr) {
        std::uint32_t start = i;
        if (const std::uint32_t e = titled_name(i, start); e != kUnlooked) {
            emit(EntityKind::organisation, start, e);
            return e;
        }
    }
    // `France Travail`, `Russia Today`: a country's name and one capitalised ordinary word of the
    // text's language name a body of that country (a person's name has no country in front).
    if (!tok(i).cyrillic && has(i, kCountry) && !has(i, kAllCaps) && joined(i) && capital(i + 1) &&
        !has(i + 1, kCountry | kAllCaps | kQuoted) && !tok(i + 1).cyrillic &&
        !is(i + 1, Flag::kMonth | Flag::kFunction | Flag::kRole | Flag::kOrgHead) && !possessive(i) &&
        !(joined(i + 1) && has(i + 2, kCap)) &&
        common_words.ordinary(tok(i + 1).spelling_form(), tok(i + 1).lang)) {
        emit(EntityKind::organisation, i, i + 1);
        return i + 1;
    }
    if (title_continuation(i)) return run_end(i);
    // `COURT 12 — Hon. Justice …`: a word of the language in capitals opening a line heads it.
    if (has(i, kAllCaps) && has(i, kSentStart) && letter_count(word(i)) >= 4 && run_end(i) == i &&
        common_words.ordinary(tok(i).spelling_form(), tok(i).cyrillic ? Lang::ru : tok(i).lang))
        return i;
    // `ПАО Сбербанк`, `АО Казахтелеком`, `PT Samudra Bahari Awak`: a company form before an unquoted name.
    if (has(i, kAllCaps) && is(i, Flag::kCompanyPrefix) && joined(i) && i + 1 < size() && capital(i + 1) &&
        tok(i + 1).cyrillic == tok(i).cyrillic && !has(i + 1, kAllCaps | kQuoted | kCountry) && !full_name_at(i + 1) &&
        !(joined(i + 1) && i + 2 < size() && has(i + 2, kInitial))) {
        const std::uint32_t e = run_end(i + 1);
        if (e - i <= 3) {
            emit(EntityKind::organisation, i, e);
            return e;
        }
    }
    // `La Prensa`, `Le Monde`, `La Cimade`: an article and one capitalised word name a newspaper or a
    // group, not a person; but an article of the text's own language may just open a sentence
    // (`Les Européens …`).
    if (article_name(i) && !(has(i, kSentStart) && is(i, Flag::kFunction | Flag::kDeterminer))) {
        emit(EntityKind::organisation, i, i + 1);
        return i + 1;
    }
    const bool russian_ordinal = tok(i).cyrillic && is(i, Flag::kFunction) && cues::is_russian_adjective(tok(i).term);
    // `the First Instance Criminal Court of Sololá`, `Second Section`: an ordinal opening a body's name.
    const auto english_ordinal = [&] {
        const std::string& t = tok(i).term;
        return !tok(i).cyrillic && (t == "first" || t == "second" || t == "third") && has(i, kCap) &&
               !has(i, kSentStart) && joined(i) && capital(i + 1) && head_in_run(i + 1, run_end(i + 1)) != kUnlooked;
    };
    // (`New Zealand Police`: `New` is a country's word here.)
    if (is(i, Flag::kFunction | Flag::kDeterminer | Flag::kMonth) && !has(i, kAllCaps | kInitial | kCountry) &&
        !russian_ordinal && !english_ordinal())
        return i;
    // `В Латвии Национальный совет …`, `из Перми Центральный окружной военный суд`: a place after a
    // preposition, before a name opening with an adjective in the nominative, is where that name
    // acts (`Президиум Верховного суда` keeps its noun: the adjective after it is genitive).
    if (tok(i).cyrillic && i > 0 && joined(i - 1) && joined(i) && capital(i + 1) && is(i - 1, Flag::kPlacePrep) &&
        (!has(i - 1, kCap) || has(i - 1, kSentStart) || (i >= 2 && colon_after(i - 2))) && !is(i, Flag::kOrgHead) && !cues::is_russian_adjective(tok(i).term)) {
        const std::string& next = tok(i + 1).term;
        const bool nominative = ends_with(next, "ый") || ends_with(next, "ий") || ends_with(next, "ой") ||
                                ends_with(next, "ая") || ends_with(next, "ое") || ends_with(next, "ые");
        if (nominative && russian_head(i + 1) != kUnlooked) return i;
    }
    // `Роскомнадзор`, `Роспотребнадзора`, `Гостехнадзор`: a federal or state supervisory agency's
    // one-word name (not the town `Ванадзор`).
    if (tok(i).cyrillic && !has(i, kAllCaps) && tok(i).term.find("надзор") != std::string::npos &&
        (tok(i).term.rfind("рос", 0) == 0 || tok(i).term.rfind("гос", 0) == 0)) {
        const std::uint32_t e = russian_complement(i, i);  // `Роспотребнадзора по Москве`
        emit(EntityKind::organisation, i, e);
        return e;
    }
    if (tok(i).cyrillic) {
        const std::uint32_t h = russian_head(i);
        // `Заседание Южного окружного военного суда`: a noun capitalised only because it opens the
        // sentence is the sentence's, not the name's.
        const std::string& first = tok(i).term;
        const bool noun = (!cues::is_russian_adjective(first) || ends_with(first, "ние") || ends_with(first, "тие")) &&
                          !sent_abroad(first);
        // `Создать группу правовой помощи`: a verb opening the sentence (an order's item) is the sentence's.
        if (h != kUnlooked && h > i && has(i, kSentStart) && !has(i, kAllCaps) && !has(h, kCap) &&
            cues::is_russian_verb(first) && !is(i, Flag::kOrgHead))
            return i;
        // `В Литве Департамент миграции`: a country named before a capitalised head is where the body
        // is, not part of its name.
        if (h == i + 1 && has(i, kCountry) && has(h, kCap) && !cues::is_russian_adjective(first))
            return organisation(h, russian_complement(h, h));
        if (h != kUnlooked && h > i && has(i, kSentStart) && !has(i, kAllCaps) && has(i + 1, kCap) && noun &&
            !russian_ordinal)
            return organisation(i + 1, russian_complement(h, i + 1));
        // `Двери комитета всегда открыты`: a noun opening the sentence before a lowercase head in the
        // genitive is the sentence's; the head is a generic reference.
        if (h != kUnlooked && h == i + 1 && has(i, kSentStart) && !has(i, kAllCaps) && !has(h, kCap) && noun &&
            !russian_ordinal && !is(i, Flag::kOrgHead) && cues::is_russian_genitive(tok(h).term))
            return i;
        // `Копии решений Кировского районного суда`: the sentence's noun and its lowercase object, then
        // the capitalised name.
        if (h != kUnlooked && h > i + 1 && has(i, kSentStart) && !has(i, kAllCaps) && !has(i + 1, kCap) && noun &&
            !russian_ordinal && !is(i, Flag::kOrgHead)) {
            std::uint32_t k = i + 1;
            while (k < h && !has(k, kCap)) ++k;
            if (k < h || (k == h && has(h, kCap))) return organisation(k, russian_complement(h, k));
        }
        if (h != kUnlooked) return organisation(i, russian_complement(h, i));
        if (is(i, Flag::kRole) && joined(i) && capital(i + 1)) {  // `Спикер Милли Меджлиса`
            const std::uint32_t h2 = russian_head(i + 1);
            if (h2 != kUnlooked) return organisation(i + 1, russian_complement(h2, i + 1));
        }
    }
    const std::uint32_t e = run_end(i);
    // `reporters for CivilNet`, `MiningWatch Canada`, `CamboJA News`: a run opening with a word
    // written in camel case names a body. (Not a platform of the cue table, `WhatsApp`, nor a service
    // used through: `submitted through EasyChair`, `on LinkedIn`.)
    if (!tok(i).cyrillic && !has(i, kAllCaps) && e - i < 4 && camel_case(word(i)) && !is(i, Flag::kNonName)) {
        const std::string_view before = i > 0 && joined(i - 1) ? std::string_view(tok(i - 1).term) : std::string_view();
        const bool service = before == "on" || before == "sur" || before == "via" || before == "through";
        bool role = false;
        for (std::uint32_t k = i; k <= e; ++k) role = role || is(k, Flag::kRole | Flag::kMonth);
        if (!service && !role) {
            emit(EntityKind::organisation, i, e);
            return e;
        }
    }
    // `Corvina Resources plc`, `Bürgerhilfe e.V.`: a legal form in lower case after the name.
    if (!tok(i).cyrillic && joined(e) && e + 1 < size() && !has(e + 1, kCap) && is(e + 1, Flag::kCompanyForm) &&
        !has(i, kCountry) && !gap(e, kHyphen) && !gap(e + 1, kHyphen) && tok(e + 1).term != "co") {
        emit(EntityKind::organisation, i, e + 1);
        return e + 1;
    }
    // `Export Development Canada`, `Statistics Norway`: ordinary words of the text's language and a
    // country's name after them name that country's body.
    if (!tok(i).cyrillic && e >= i + 1 && has(e, kCountry) && !has(i, kCountry | kAllCaps)) {
        std::uint32_t first_country = e;
        while (first_country > i && has(first_country - 1, kCountry)) --first_country;
        bool ordinary = first_country > i && ordinary_run(i, first_country - 1);
        for (std::uint32_t k = i; k < first_country && ordinary; ++k) ordinary = !is(k, Flag::kNonName);  // `Northern`
        // (One word will do inside a sentence: `Immigration New Zealand`, `Statistics Norway`.)
        const bool list_item = i > 0 && starts_with_digit(tok(i - 1).term);  // `3. Immigration New Zealand should …`
        if (ordinary && (first_country >= i + 2 || !has(i, kSentStart) || list_item)) {
            emit(EntityKind::organisation, i, e);
            return e;
        }
    }
    // `Imam Khomeini International Airport`: an airport is a place, even when named after someone.
    if (!tok(e).cyrillic && (tok(e).term == "airport" || tok(e).term == "aeroport")) return e;
    if (!tok(i).cyrillic) {
        const std::uint32_t h = head_in_run(i, e);
        if (h != kUnlooked) {
            // `Press Officer`, `Media Contact`, `Bar Association President Aliya Bekova`: a singular role or
            // a field label after the head ends the name; what follows it is a person.
            std::uint32_t r = h + 1;
            while (r <= e && !is(r, Flag::kField) && !(is(r, Flag::kRole) && word(r).back() != 's')) ++r;
            // `YouTube Umubavu TV`: the platform a channel is on is not part of its name.
            std::uint32_t s = after_possessive(i, h);
            while (s < h && is(s, Flag::kPlatform)) ++s;
            if (r > e) return latin_organisation(s, e);
            if (r - 1 > s) organisation(s, r - 1);
            return r < e ? person(r, e) : e;
        }
        if (plural_role_name(i, e)) return latin_organisation(i, e);  // `… Lawyers for Human Rights`
        // `Business and Trade Committee`, `Immigration and Asylum Chamber of the Upper Tribunal`: an
        // ordinary word, `and`, and a run that ends with its head are one body's name (a surname
        // before `and` is someone else: `Ivanov and Security Council members`).
        // (`the Right to Information Commission`: likewise with `to`, after `the`, so that `Thanks to
        // Amnesty International` stays a phrase.)
        const bool the_before = i > 0 && joined(i - 1) && tok(i - 1).term == "the" && !has(i - 1, kCap);
        // (After `the`, no one's name stands before `to`: Hunspell's `Right` may be a surname.)
        const bool to = i + 2 < size() && tok(i + 1).term == "to" && the_before && !is(i, Flag::kRole | Flag::kHonorific);
        const bool and_ = i + 2 < size() && tok(i + 1).term == "and";
        if (e == i && joined(i) && (and_ || to) && !has(i + 1, kCap) && joined(i + 1) && capital(i + 2) &&
            !has(i, kCountry | kAllCaps | kQuoted) && (to || common_words.ordinary(tok(i).spelling_form(), tok(i).lang))) {
            const std::uint32_t r = run_end(i + 2);
            if (head_in_run(i + 2, r) == r && !has(i + 2, kCountry)) return latin_organisation(i, r);
        }
        // `Foreign Affairs, Defence and Trade Committee`: portfolios listed before the head.
        if (!has(i, kCountry | kAllCaps | kQuoted) && comma_joined(e) && ordinary_run(i, e)) {
            std::uint32_t k = e;
            int items = 1;
            while (items < 5 && comma_joined(k) && capital(k + 1) && ordinary_run(k + 1, run_end(k + 1)) &&
                   head_in_run(k + 1, run_end(k + 1)) == kUnlooked) {
                k = run_end(k + 1);
                ++items;
            }
            if (items >= 2 && joined(k) && k + 2 < size() && tok(k + 1).term == "and" && !has(k + 1, kCap) &&
                joined(k + 1) && capital(k + 2)) {
                const std::uint32_t r = run_end(k + 2);
                if (head_in_run(k + 2, r) == r) return latin_organisation(i, r);
            }
        }
        // `the Lelo party`, `the Georgian Dream party`, `the Batumelebi newspaper`: a kind of body
        // written after its name. (Not when a name follows the kind: `the Canadian group Northvale
        // Metals` is described by its first word.)
        const std::uint32_t f = e + 1;
        const bool named_before_form = i > 0 && is(i - 1, Flag::kDeterminer) && joined(i - 1) && joined(e) &&
                                       f < size() && !has(f, kCap) && is(f, Flag::kLegalForm) &&
                                       !(e == i && is(i, Flag::kNonName)) &&
                                       !(joined(f) && f + 1 < size() && has(f + 1, kCap) &&
                                         !is(f + 1, Flag::kFunction | Flag::kMonth));
        bool place = false;
        for (std::uint32_t k = i; k <= e; ++k) place = place || has(k, kCountry) || is(k, Flag::kRole | Flag::kMonth);
        if (named_before_form && !place) {
            emit(EntityKind::organisation, i, e);
            return e;
        }
    }
    // `CNDD-FDD`, `ZANU-PF`: capitals joined by a hyphen are one party's acronym; but `AL-AMIRI:`
    // opening a line is a speaker label.
    const bool label = has(i, kSentStart) && colon_after(e);
    // `CCFD-Terre Solidaire`, `Keystone-ATS`: an acronym and a capitalised word joined by a hyphen
    // name one body (a person's name has no acronym in it).
    const bool acronym_first = e > i && has(i, kAllCaps) && !has(i + 1, kAllCaps) && letter_count(word(i)) >= 2;
    const bool acronym_last = e == i + 1 && !has(i, kAllCaps) && has(e, kAllCaps) && letter_count(word(e)) >= 2;
    // (`ОВД-Инфо` likewise.)
    if (e > i && gap(i, kHyphen) && !label && !has(i, kShout | kCountry) &&
        !has(i + 1, kShout | kCountry) && (acronym_first || acronym_last) && tok(i + 1).cyrillic == tok(i).cyrillic) {
        emit(EntityKind::organisation, i, e);
        return e;
    }
    if (e == i + 1 && has(i, kAllCaps) && has(e, kAllCaps) && gap(i, kHyphen) && !has(i, kCountry) &&
        !has(e, kCountry)) {
        if (label) return e;
        Mention& m = emit(EntityKind::organisation, i, e);
        m.acronym = m.surface;
        return e;
    }
    if (has(i, kAllCaps) && e == i) {
        acronyms.push_back(i);  // a dateline was taken above
        return i;
    }
    // `Harcourt & Vale Loss Adjusters`, `Marchetti & Doyle`: names joined by an ampersand are a
    // firm's, never one person's.
    for (std::uint32_t k = i; k < e; ++k) {
        if (gap_text(k).find('&') != std::string_view::npos && !has(i, kCountry)) {
            // (`SELARL Pellerin & Ouvrard`: with the company form before it.)
            const bool form_before = i > 0 && joined(i - 1) && is(i - 1, Flag::kCompanyForm) && has(i - 1, kAllCaps);
            emit(EntityKind::organisation, form_before ? i - 1 : i, e);
            return e;
        }
    }
    return person(i, e);
}

/// Last token of a dateline that starts at @p i: words in capitals opening a paragraph, then a comma
/// and a date (`АЛМАТЫ, 12 мая`) or a dash (`BUENOS AIRES —`, `GENÈVE –`). kUnlooked when there is none.
std::uint32_t EntityRecognizer::Impl::dateline_end(std::uint32_t i) {
    const bool opens = i == 0 || tok(i - 1).paragraph != tok(i).paragraph || gap(i - 1, kSentEnd);
    if (!opens || !has(i, kAllCaps)) return kUnlooked;
    std::uint32_t e = i;
    while (e + 1 < size() && e - i < 3 && joined(e) && has(e + 1, kAllCaps)) ++e;
    if (e + 1 >= size()) return kUnlooked;
    if (dash_after(e) && !gap(e, kSentEnd)) return e;
    if (!gap(e, kComma)) return kUnlooked;
    const std::string& next = tok(e + 1).term;
    const bool number = starts_with_digit(next);
    // (`NOVI SAD, Serbia, May 14 (…) –`: the country between the city and the date.)
    std::uint32_t c = e + 1;
    while (c + 1 < size() && has(c, kCountry) && has(c + 1, kCountry) && joined(c)) ++c;
    const bool country_then_date = has(e + 1, kCountry) && !has(e + 1, kAllCaps) && gap(c, kComma) && c + 1 < size() &&
                                   (starts_with_digit(tok(c + 1).term) || is(c + 1, Flag::kMonth));
    return number || is(e + 1, Flag::kMonth) || country_then_date ? e : kUnlooked;
}

/// `the outlet Kloop`, `du quotidien Le Progrès`, `Son parti, Pastef,`: a capitalised run right after a
/// lowercase media or organisation-form word (or in apposition to it, between commas) names an
/// organisation; a capitalised French article there belongs to the name. Its last token, or kUnlooked.
std::uint32_t EntityRecognizer::Impl::after_form_word(std::uint32_t i) {
    if (i == 0 || has(i, kSentStart | kCountry | kInitial) || tok(i).paragraph != tok(i - 1).paragraph) return kUnlooked;
    std::uint32_t c = i - 1;
    // `l’association malgache Tanindrazana Vivante`, `l’ONG kényane …`: an adjective the French
    // dictionary knows may stand between the form word and the name.
    if (c > 0 && !tok(c).cyrillic && tok(c).lang == Lang::fr && !has(c, kCap) && joined(c - 1) &&
        !is(c, Flag::kFunction | Flag::kLegalForm) && is(c - 1, Flag::kLegalForm) && !has(c - 1, kCap) &&
        common_words.french_adjective(tok(c).spelling_form()))
        --c;
    // `le site d’information Lomé Matin`: what the form word is about may stand between it and the name.
    if (c > 0 && !tok(c).cyrillic && has(c, kElided) && !has(c, kCap) && (word(c)[0] | 0x20) == 'd' && joined(c - 1) &&
        is(c - 1, Flag::kLegalForm) && !has(c - 1, kCap))
        --c;
    // (`l’ONG Global Witness`: a form word may be an acronym.)
    const bool acronym_form = has(c, kAllCaps) && !has(c, kShout);
    if ((has(c, kCap) && !acronym_form) || !is(c, Flag::kLegalForm) ||
        gap(c, kSentEnd | kOpenQuote | kOpenParen | kCloseParen))
        return kUnlooked;
    const bool apposition = gap(c, kComma);
    if (gap(c, kBreak) && !apposition) return kUnlooked;
    if (is(i, Flag::kDeterminer) && !has(i, kElided)) {
        if (!joined(i) || !capital(i + 1)) return kUnlooked;
    } else if (is(i, Flag::kFunction | Flag::kMonth | Flag::kRole | Flag::kHonorific | Flag::kNonName)) {
        // `l’association Tous Migrants`, `l’ONG Global Witness`: a capitalised common word may open
        // the name when a name word follows it.
        const bool opens_name = has(i, kCap) && !is(i, Flag::kMonth | Flag::kRole | Flag::kHonorific) && joined(i) &&
                                capital(i + 1) && !has(i + 1, kCountry) &&
                                !is(i + 1, Flag::kFunction | Flag::kNonName | Flag::kRole | Flag::kMonth);
        if (!opens_name) return kUnlooked;
    }
    std::uint32_t e = run_end(i);
    if (apposition && (e != i || !gap(e, kComma))) return kUnlooked;
    // `директора агентства Зафара Мадаминова`: a first name and a surname after the form word are
    // the person who heads it.
    if (tok(i).cyrillic && e == i + 1 && cues::has_name_ending(tok(e).term, true) && !has(e, kAllCaps))
        return kUnlooked;
    // `координатору проекта Турдиевой`: a role, its body's kind and a surname are that person.
    if (tok(i).cyrillic && e == i && c > 0 && is(c - 1, Flag::kRole) && cues::has_name_ending(tok(i).term, true) &&
        !has(i, kAllCaps))
        return kUnlooked;
    for (std::uint32_t k = i; k <= e; ++k)
        if (is(k, Flag::kLegal | Flag::kEvent) || has(k, kCountry)) return kUnlooked;
    if (!tok(i).cyrillic && head_in_run(i, e) != kUnlooked) return kUnlooked;  // the head rules extend it
    // `mouvement citoyen Lutte pour le changement`: a French name goes on with its complements.
    // (Its complements only: `le quotidien Le Progrès rapportant …` goes on with the sentence.)
    if (!tok(i).cyrillic && tok(i).lang == Lang::fr && !apposition && joined(e) && e + 1 < size() &&
        french_object(e + 1) != kUnlooked)
        e = extend_french(e);
    emit(EntityKind::organisation, i, e);
    check_acronym_definition(i, e);
    // `the outlets Batumelebi and Netgazeti`: after a plural form word, a second name joined by `and`.
    const std::string& form = tok(c).term;
    const bool plural = form.size() > 3 && (form.back() == 's' || ends_with(form, "ы") || ends_with(form, "и"));
    if (plural && !apposition && joined(e) && e + 2 < size() && !has(e + 1, kCap) &&
        (tok(e + 1).term == "and" || tok(e + 1).term == "et" || tok(e + 1).term == "и") && joined(e + 1) &&
        capital(e + 2) && !has(e + 2, kQuoted | kCountry) && !is(e + 2, Flag::kFunction | Flag::kRole | Flag::kNonName)) {
        const std::uint32_t second = run_end(e + 2);
        if (head_in_run(e + 2, second) == kUnlooked) {
            emit(EntityKind::organisation, e + 2, second);
            return second;
        }
    }
    return e;
}

/// True when token @p k is a possessive: `Bishkek's`, `Employees'` (the term has lost the `'s`).
bool EntityRecognizer::Impl::possessive(std::uint32_t k) const {
    const std::string_view w = word(k), after = text.substr(tok(k).end, 3);
    return ends_with(w, "'s") || ends_with(w, "\u2019s") || after.rfind("'", 0) == 0 || after.rfind("\u2019", 0) == 0;
}

/// Start of an organisation whose run holds a possessive before its head: `Bishkek's Pervomaisky
/// District Court` starts at `Pervomaisky`.
std::uint32_t EntityRecognizer::Impl::after_possessive(std::uint32_t s, std::uint32_t head) {
    for (std::uint32_t k = head; k > s; --k) {
        // Only `'s`: `Kurdistan Workers' Party` names a party, not the workers' property.
        const std::string_view w = word(k - 1);
        if (!ends_with(w, "'s") && !ends_with(w, "\u2019s")) continue;
        // `Lao Women's Union`, `Hanoi People's Court`: a plural without -s owns nothing here.
        const std::string& t = tok(k - 1).term;
        if (t == "women" || t == "men" || t == "people" || t == "children") continue;
        // `Prosecutor's Office`, `Ombudsman's Office`: an office named after the one who holds it.
        if (is(k - 1, Flag::kRole)) continue;
        return k;
    }
    return s;
}

/// An English or French organisation from its run [s, e] and its complement.
std::uint32_t EntityRecognizer::Impl::latin_organisation(std::uint32_t s, std::uint32_t e) {
    // `Horn of Africa Community Trust`, `Gulf of Guinea Commission`: a region named after a country or a
    // continent.
    if ((has(s, kCountry) || (is(s, Flag::kTerritory) && !tok(s).cyrillic)) && s >= 2 && tok(s - 1).term == "of" &&
        !has(s - 1, kCap) && joined(s - 2) && joined(s - 1) &&
        capital(s - 2) && !has(s - 2, kCountry | kAllCaps | kQuoted) && !has(s - 2, kUsed) &&
        !is(s - 2, Flag::kRole | Flag::kHonorific | Flag::kFunction | Flag::kOrgHead | Flag::kMonth) &&
        (s < 3 || !joined(s - 3) || !has(s - 3, kCap)))
        s -= 2;
    // `le Gambia Center for Victims of …`: an English name in a French text runs on in English.
    const bool english_inside = joined(e) && e + 1 < size() && (tok(e + 1).term == "of" || tok(e + 1).term == "for");
    const bool french = tok(s).lang == Lang::fr && !english_inside;
    // `Ordre du jour`: an agenda, not a professional order.
    if (french && tok(s).term == "ordre" && s + 2 < size() && joined(s) && tok(s + 1).term == "du" &&
        tok(s + 2).term == "jour")
        return e;
    // `Permanent Mission of Tajikistan to the United Nations Office at Geneva`: a body sent somewhere.
    bool sent = false;
    for (std::uint32_t k = s; k <= e && !french; ++k) sent = sent || sent_abroad(tok(k).term);
    // Detention centres and prisons are places, not bodies (`Villawood Immigration Detention Centre`).
    for (std::uint32_t k = s; k <= e; ++k)
        if (tok(k).term == "detention" && has(k, kCap)) return e;
    // `Rue de la Presse 35`, `avenue du Parlement`: a street named after a body is a street.
    {
        std::uint32_t k = s;
        while (k > 0 && k + 3 > s && joined(k - 1) && !has(k - 1, kCap | kAllCaps) && !street_word(tok(k - 1).term) &&
               is(k - 1, Flag::kFunction | Flag::kConnector | Flag::kDeterminer))
            --k;
        if (k > 0 && k < s && joined(k - 1) && street_word(tok(k - 1).term)) return e;
    }
    // (`Quillon Analytics Pte Ltd of Singapore`: a company's legal form ends its name; `Co., Ltd`: two.)
    if (is(e, Flag::kCompanyForm) && e + 1 < size() && is(e + 1, Flag::kCompanyForm) && has(e + 1, kCap) &&
        (gap_text(e) == ", " || gap_text(e) == "., "))
        ++e;
    // (`Tidewater Housing Co-operative`: `Co` before a hyphen is no company form.)
    if (tok(e).term == "co" && gap(e, kHyphen)) return e;
    std::uint32_t end = is(e, Flag::kCompanyForm) ? e : french ? extend_french(e) : extend_english(e, sent);
    // (`Department of Enterprise, Tourism and Employment`; `…, Ecology and Technical Supervision of the
    // Kyrgyz Republic`: the complement goes on after the list.)
    if (tok(s).term == "ministry" || tok(s).term == "ministere" || (!french && tok(s).term == "department")) {
        const std::uint32_t listed = ministry_portfolios(end, french);
        if (listed != end) end = french ? listed : extend_english(listed, false);
    }
    end = to_bracketed_acronym(s, end);
    // `Délégation de l’Union européenne au Togo`: a French body sent abroad keeps where it sits.
    if (french && sent_abroad(tok(s).term) && joined(end) && end + 2 < size() && !has(end + 1, kCap) &&
        (tok(end + 1).term == "au" || tok(end + 1).term == "aux" || tok(end + 1).term == "en" || word(end + 1) == "à") &&
        joined(end + 1) && has(end + 2, kCountry))
        end = run_end(end + 2);
    // `Higher Court in Belgrade`: the city after a court's name qualifies it (a country does not:
    // `the Supreme Court in Kazakhstan` is the court of that country).
    bool court = false;
    for (std::uint32_t k = s; k <= end; ++k) court = court || tok(k).term == "court";
    if (court && !french && joined(end) && end + 2 < size() && tok(end + 1).term == "in" && joined(end + 1) &&
        capital(end + 2) && !has(end + 2, kCountry | kQuoted) && !is(end + 2, Flag::kMonth | Flag::kFunction))
        end = run_end(end + 2);
    // `Université Jean-Moulin Lyon 3`: a short number closing the sentence or the clause numbers
    // the body.
    const std::uint32_t n = end + 1;
    if (joined(end) && n < size() && tok(n).term.size() <= 2 && !has(n, kCap) && !(end == s && colon_after(n)) &&
        std::all_of(tok(n).term.begin(), tok(n).term.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
        (n + 1 == size() || gap(n, kComma | kSentEnd | kBreak)))
        end = n;
    return organisation(s, end);
}

/// `Institut des hautes études de l’Amérique latine (IHEAL)`, `Fondation nationale des peuples
/// indigènes (Funai)`: when a few words after the name's end run on, unbroken, to a bracketed short
/// name with the name's first letter, they finish the name (the complement rules stop at words they
/// cannot place, such as `hautes`). Returns the name's last token.
std::uint32_t EntityRecognizer::Impl::to_bracketed_acronym(std::uint32_t s, std::uint32_t e) {
    constexpr std::uint32_t kMaxMore = 6;
    for (std::uint32_t k = e; k + 1 < size() && k - e <= kMaxMore; ++k) {
        if (gap(k, kOpenParen)) {
            const std::uint32_t a = k + 1;
            if (k == e || !has(a, kCap) || has(a, kCountry) || !gap(a, kCloseParen)) return e;
            const UChar32 first = initial_letter(word(s), info[s].skip), short_first = initial_letter(word(a), 0);
            return u_toupper(first) == u_toupper(short_first) ? k : e;
        }
        if (!joined(k) || tok(k + 1).cyrillic != tok(s).cyrillic ||
            is(k + 1, Flag::kSpeech | Flag::kAuxiliary | Flag::kRole | Flag::kMonth | Flag::kLegal))
            return e;
    }
    return e;
}

/// `Front Line Defenders`, `Reporters Without Borders`: a run named after a group of people (a plural
/// role word last, or first with a capitalised function word inside) is an organisation.
bool EntityRecognizer::Impl::plural_role_name(std::uint32_t s, std::uint32_t e) {
    if (e == s) return false;
    const auto plural_role = [&](std::uint32_t k) {
        const std::string& t = tok(k).term;
        return t.size() > 3 && t.back() == 's' && is(k, Flag::kRole) && word(k).back() == 's';
    };
    if (plural_role(e)) return true;
    // (`counsel` is its own plural: `Counsel Without Borders`, but `Senior State Counsel` is a title.)
    if (!plural_role(s) && tok(s).term != "counsel") return false;
    for (std::uint32_t k = s + 1; k < e; ++k)
        if (is(k, Flag::kFunction)) return true;
    return false;
}

/// French `ministère de la Justice`: the lowercase ministry with a capitalised complement.
std::uint32_t EntityRecognizer::Impl::lowercase_ministry(std::uint32_t i) {
    if (!joined(i)) return i;
    const std::uint32_t object = french_object(i + 1);
    if (object == kUnlooked || !has(object, kCap)) return i;
    // `… de la Sécurité et de la Protection civile`, `…, de l'Emploi et de la Sécurité sociale`
    const std::uint32_t end = ministry_portfolios(extend_french(object, true), true);
    emit(EntityKind::organisation, i, end);
    return end;
}

/// French `tribunal de première instance de Casablanca`, `cour d’appel de Rabat`: a court written in
/// lowercase is named when its complement ends in the capitalised place it sits in.
std::uint32_t EntityRecognizer::Impl::lowercase_court(std::uint32_t i) {
    if (!joined(i)) return i;
    const std::uint32_t head = tok(i).term == "centre" ? i + 1 : i;  // `centre hospitalier`
    std::uint32_t end = extend_french(head);
    if (end == head || !capital(end) || has(end, kQuoted)) return i;
    // `ambassade de France à Islamabad`: an embassy's city.
    if (sent_abroad(tok(i).term) && joined(end) && end + 2 < size() && word(end + 1) == "à" && joined(end + 1) &&
        capital(end + 2) && !has(end + 2, kQuoted))
        end = run_end(end + 2);
    // `ambassade des Pays-Bas au Sénégal`: or the country it sits in.
    else if (sent_abroad(tok(i).term) && joined(end) && end + 2 < size() &&
             (tok(end + 1).term == "au" || tok(end + 1).term == "en" || tok(end + 1).term == "aux") &&
             !has(end + 1, kCap) && joined(end + 1) && has(end + 2, kCountry))
        for (end += 2; end + 1 < size() && (joined(end) || gap(end, kHyphen)) && has(end + 1, kCountry);) ++end;
    emit(EntityKind::organisation, i, end);
    return end;
}

/// A ministry's name lists its portfolios, the last after `et`/`and`: after the first one (ending at
/// @p e), French `, de l'Insertion sociale et de la Famille` (each a capitalised complement), English
/// `, Employment and Social Protection` (capitalised runs, the list closed by `and`; no country, no
/// other organisation). The name's last token: @p e when no such list follows.
std::uint32_t EntityRecognizer::Impl::ministry_portfolios(std::uint32_t e, bool french) {
    if (french) {
        while (comma_joined(e)) {
            const std::uint32_t object = french_object(e + 1);
            if (object == kUnlooked || !has(object, kCap)) break;
            e = extend_french(object, true);
        }
        // `ministère du Travail chargé de la Formalisation …`, `ministère de la Communication, chargé
        // des Postes …`: the portfolio it is also in charge of.
        const std::uint32_t c = e + 1;
        if ((joined(e) || comma_joined(e)) && c + 1 < size() && !has(c, kCap) &&
            (tok(c).term == "charge" || tok(c).term == "chargee") && joined(c)) {
            const std::uint32_t object = french_object(c + 1);
            if (object != kUnlooked && has(object, kCap)) return ministry_portfolios(extend_french(object, true), true);
        }
        return e;
    }
    const auto portfolio = [&](std::uint32_t k) {
        return capital(k) && !has(k, kCountry) && !has(k, kQuoted) && head_in_run(k, run_end(k)) == kUnlooked;
    };
    for (std::uint32_t c = e; comma_joined(c) && portfolio(c + 1);) {
        const std::uint32_t r = run_end(c + 1);
        if (joined(r) && tok(r + 1).term == "and" && !has(r + 1, kCap) && joined(r + 1) && portfolio(r + 2))
            return run_end(r + 2);
        c = r;
    }
    return e;
}

/// True when @p i continues the title of a legal instrument or event (`Law on Peaceful Assemblies`,
/// `Convention against Torture`): `Law`/`Day` + lowercase linking word + this word.
bool EntityRecognizer::Impl::title_continuation(std::uint32_t i) {
    // (A title is capitalised: `law at Harvard University` is the subject one studies.)
    return i >= 2 && joined(i - 2) && joined(i - 1) && !has(i - 1, kCap) && has(i - 2, kCap) &&
           is(i - 2, Flag::kLegal | Flag::kEvent) && is(i - 1, Flag::kConnector | Flag::kFunction);
}

/// `«Северная хроника» изучила документы`, `— рассказал Ершенко «Северной хронике»`: a quoted Russian
/// name [i, e] that opens a sentence and acts (a past-tense verb follows), or that someone speaks to
/// (a speech verb, maybe with the speaker, before a name in the dative), is an outlet or a group.
bool EntityRecognizer::Impl::outlet_quote(std::uint32_t i, std::uint32_t e) {
    if (is(i, Flag::kFunction)) return false;
    for (std::uint32_t k = i; k <= e; ++k)
        if (!tok(k).cyrillic || is(k, Flag::kLegal | Flag::kEvent)) return false;
    const std::uint32_t v = e + 1;
    const bool opens = i == 0 || gap(i - 1, kSentEnd) || tok(i - 1).paragraph != tok(i).paragraph;
    if (opens && v < size() && tok(v).paragraph == tok(e).paragraph && !gap(e, kSentEnd | kComma) && !has(v, kCap)) {
        const std::string& t = tok(v).term;
        if (cues::is_russian_verb(t) && (ends_with(t, "ла") || ends_with(t, "ло") || ends_with(t, "ли"))) return true;
    }
    if (i == 0 || gap(i - 1, kSentEnd)) return false;
    const std::string& last = tok(e).term;
    // `активисты «Крымской солидарности»`, `юристы «Правовой инициативы»`: people who belong to it, and
    // its quoted name in the genitive.
    const std::string& people = tok(i - 1).term;
    const bool genitive = ends_with(last, "и") || ends_with(last, "ы") || ends_with(last, "а") || ends_with(last, "я");
    if (genitive && is(i - 1, Flag::kRole) && !has(i - 1, kCap) && (ends_with(people, "ы") || ends_with(people, "и")) &&
        (v >= size() || gap(e, kSentEnd | kComma) || !joined(e)))
        return true;
    std::uint32_t j = i - 1;
    if (capital(j) && j > 0 && !gap(j - 1, kSentEnd | kBreak)) --j;  // the speaker
    const bool dative = ends_with(last, "е") || ends_with(last, "у") || ends_with(last, "ю");
    return dative && is(j, Flag::kSpeech) && !has(j, kCap) && (v >= size() || gap(e, kSentEnd | kComma) || !joined(e));
}

/// A quoted name right after an organisation word (`фонд «Адил соз»`, `NGO “Adil Soz”`), or an outlet
/// (outlet_quote), is an organisation; any other quoted capitalised phrase is a title and skipped.
std::uint32_t EntityRecognizer::Impl::quoted_at(std::uint32_t i) {
    const std::uint32_t e = quote_end(i);
    const bool closed = gap(e, kCloseQuote);
    // (`коллегии адвокатов «Волга-Право»`: or after a lowercase head and its genitive.)
    const bool after_head_genitive = i > 1 && tok(i - 1).cyrillic && !has(i - 1, kCap) && !has(i - 2, kCap) &&
                                     is(i - 2, Flag::kOrgHead) && joined(i - 2) && !gap(i - 1, kSentEnd) &&
                                     !is(i - 1, Flag::kLegal | Flag::kEvent) &&  // `в силу закона «О …»`
                                     (cues::is_russian_genitive(tok(i - 1).term) ||
                                      cues::is_russian_bare_genitive_plural(tok(i - 1).term));
    // (Not after a comma: `DW Akademie, «Газета Выборча»` lists two bodies.)
    const bool after_org_word = i > 0 && (is(i - 1, Flag::kOrgHead | Flag::kLegalForm) || after_head_genitive) &&
                                !gap(i - 1, kSentEnd | kComma);
    // `РИА «Дагестан»`, `ТРК «Мир»`: a Russian acronym of a kind of body, and its quoted name, are one.
    const bool after_acronym = i > 0 && tok(i - 1).cyrillic && has(i - 1, kAllCaps) && !has(i - 1, kCountry | kShout) &&
                               !gap(i - 1, kOpenParen) && !colon_after(i - 1) &&
                               !has(i - 1, kUsed) && !gap(i - 1, kSentEnd) && !is(i - 1, Flag::kNotOrgAcronym);
    // `ГБУ РД «Хасавюртовская центральная городская больница»`: the kind of body, then its region's code.
    const bool two_acronyms = after_acronym && i > 1 && tok(i - 2).cyrillic && has(i - 2, kAllCaps) &&
                              !has(i - 2, kCountry | kShout | kUsed) && joined(i - 2) && !is(i - 2, Flag::kNotOrgAcronym);
    if (closed && e - i < 3 && !after_acronym && !after_org_word && tok(i).cyrillic && capital(i) && outlet_quote(i, e)) {
        emit(EntityKind::organisation, i, e);
        return e;
    }
    // `«Альфа-Банка»`, `в «Сибирском батальоне»`: a short quoted Russian name that ends with the kind of
    // body it is.
    if (closed && e > i && e - i < 3 && !after_acronym && !after_org_word && tok(i).cyrillic && tok(e).cyrillic &&
        capital(i) && is(e, Flag::kOrgHead) && !is(i, Flag::kFunction | Flag::kLegal | Flag::kEvent)) {
        emit(EntityKind::organisation, i, e);
        return e;
    }
    if (!closed || e - i >= kMaxQuoted || !(after_acronym || after_org_word)) return e;
    // (`ООО «Медиахолдинг „Прибайкалье“»`: a company keeps its legal form.)
    const bool company = after_org_word && is(i - 1, Flag::kCompanyForm) && has(i - 1, kAllCaps);
    if (after_org_word && !company) emit(EntityKind::organisation, i, e);
    else emit_through_quote(two_acronyms ? i - 2 : i - 1, e);
    return e;
}

/// Last token of the quoted span starting at @p i.
std::uint32_t EntityRecognizer::Impl::quote_end(std::uint32_t i) const {
    std::uint32_t e = i;
    while (e + 1 < size() && has(e + 1, kQuoted) && !gap(e, kCloseQuote) && tok(e).paragraph == tok(e + 1).paragraph)
        ++e;
    return e;
}

/// Last token of the run of capitalised words starting at @p i: capitals, initials, name particles
/// before a capital, Kazakh patronymic markers; never across punctuation.
std::uint32_t EntityRecognizer::Impl::run_end(std::uint32_t i) {
    std::uint32_t e = i;
    while (joined(e) && e + 1 - i < kMaxRun && has(e + 1, kQuoted) == has(i, kQuoted)) {
        const std::uint32_t n = e + 1;
        // `Кебедов Т. М. Задержание …`: a surname and two initials are a whole name; a capital after
        // them opens the next sentence.
        // (Not after a title: `Justice F. O. Bankole`, `Понятые Д. А. Фомичёв`.)
        if (e >= i + 2 && has(e, kInitial) && has(e - 1, kInitial) && !has(e - 2, kInitial) && capital(n) &&
            !has(n, kInitial) && !is(e - 2, Flag::kRole | Flag::kHonorific | Flag::kField | Flag::kFunction))
            break;
        if (reference_code(n)) break;  // `FLV0016 Zumrat Ablimit`: a document's number, not a name
        if (tok(n).cyrillic != tok(i).cyrillic) break;  // `Vlast.kz Данияра Абенова`: two names
        if (capital(n) || has(n, kInitial)) {
            e = n;
        } else if (is(n, Flag::kParticle) && joined(n) && capital(n + 1) && !has(n, kCap)) {
            e = n + 1;
        } else if (is(n, Flag::kParticle) && !has(n, kCap) && joined(n) && n + 2 < size() &&
                   is(n + 1, Flag::kParticle) && !has(n + 1, kCap) && joined(n + 1) && capital(n + 2)) {
            e = n + 2;  // `Ursula von der Leyen`, `Jan van den Berg`
        } else if (is(n, Flag::kPatronymic)) {
            e = n;
        } else if (gap(e, kHyphen) && n + 1 < size() && gap(n, kHyphen) && !has(n, kCap) && capital(n + 1)) {
            e = n + 1;  // `Ille-et-Vilaine`, `Boulogne-sur-Mer`, `Rostov-on-Don`: one place's name
        } else if (ordinal(n) && joined(n) && capital(n + 1) && !is(e, Flag::kMonth)) {
            e = n + 1;  // `Diyarbakır 4th High Criminal Court`, not `May 4th Amnesty …`
        } else {
            break;
        }
    }
    return e;
}

/// The run's first organisation head word, or kUnlooked (also when the run names a legal
/// instrument or an event).
std::uint32_t EntityRecognizer::Impl::head_in_run(std::uint32_t s, std::uint32_t e) {
    // `International Covenant`, `Committee Report`: a treaty, a report. Before the head the same
    // words name what the body does (`Election Commission`, `Law Society`).
    std::uint32_t head = kUnlooked;
    bool instrument = false;
    for (std::uint32_t k = s; k <= e; ++k) {
        if (is(k, Flag::kLegal | Flag::kEvent)) {
            if (head != kUnlooked) return kUnlooked;
            instrument = true;
            continue;
        }
        // (`Centre-Nord`, `Centre-Est`: a head joined by a hyphen to a point of the compass names a region.)
        const bool region = k < e && gap(k, kHyphen) && !tok(k).cyrillic && is(k + 1, Flag::kNonName);
        if (is(k, Flag::kOrgHead) && head == kUnlooked && !region) head = k;
    }
    return head != kUnlooked || !instrument ? head : kUnlooked;
}

/// English: `Ministry` + `of Internal Affairs`, `Office` + `of the UN High Commissioner` + `for Human
/// Rights`; `and`/`in` only inside a complement (`for Security and Co-operation in Europe`) and never
/// before another organisation; a role word ends the name (`Council of Europe Commissioner`).
std::uint32_t EntityRecognizer::Impl::extend_english(std::uint32_t e, bool sent) {
    const std::uint32_t start = e;
    bool in_complement = false;
    while (joined(e) && e - start < kMaxComplement) {
        std::uint32_t c = e + 1;
        const std::string& term = tok(c).term;
        const bool to = term == "to" && !has(c, kCap);
        const bool at = sent && term == "at" && !has(c, kCap) && in_complement;
        if (at && joined(c) && capital(c + 1) && !has(c + 1, kQuoted)) {
            e = run_end(c + 1);  // `… Office at Geneva`
            break;
        }
        // (`of` and `for` are English wherever they stand: `du Gambia Center for Victims of …`.)
        // (`Migration Department under the Ministry of the Interior`: a body and the one it answers to.)
        const bool under = term == "under" && !has(c, kCap) && joined(c) && tok(c + 1).term == "the";
        const bool connector = is(c, Flag::kConnector) || term == "of" || term == "for" || under;
        if (has(c, kCap) || !(connector || to) || term == "the") break;
        // (`Royal Norwegian Embassy in London`: an embassy is named after the city it sits in.)
        const bool embassy_city = term == "in" && sent_abroad(tok(start).term) && joined(c) && capital(c + 1);
        if ((term == "and" || term == "or" || term == "in") && !in_complement && !embassy_city) break;
        // `Procuraduría de los Derechos Humanos`: a Spanish name keeps its article after `de`.
        const std::string_view next = joined(c) ? std::string_view(tok(c + 1).term) : std::string_view();
        const bool spanish_article = term == "de" && (next == "la" || next == "los" || next == "las" || next == "el");
        const bool with_the = joined(c) && (next == "the" || spanish_article) && !has(c + 1, kCap);
        if (with_the) ++c;
        if (!joined(c) || !capital(c + 1) || has(c + 1, kQuoted) || is(c + 1, Flag::kMonth)) break;
        std::uint32_t r = run_end(c + 1);
        // `and Interior Ministry` starts another body; `for Press and Media Freedom` goes on, and so does a
        // ministry's second portfolio (`Ministry of Interior and National Administration`).
        const bool ministry = tok(start).term == "ministry" || tok(start).term == "department";
        if (term == "and" && head_in_run(c + 1, r) == r && !(ministry && !with_the && r - c <= 2)) break;
        if (term == "and" && r == c + 1 && has(r, kAllCaps)) break;  // `… of Nursing and UNISON`: another body
        // `Victoria University of Wellington and Lin Zhaoyu`: a person's name after `and` is someone else.
        if (term == "and" && r > c + 1 && !with_the) {
            bool name_like = true;
            for (std::uint32_t k = c + 1; k <= r && name_like; ++k)
                name_like = !has(k, kCountry | kAllCaps) && !is(k, Flag::kOrgHead | Flag::kNonName) &&
                            !common_words.ordinary(tok(k).spelling_form(), tok(k).lang);
            if (name_like) break;
        }
        if (to && !sent && (r == c + 1 || head_in_run(c + 1, r) != kUnlooked || has(c + 1, kCountry))) break;
        if (under && head_in_run(c + 1, r) == kUnlooked) break;
        for (std::uint32_t k = c + 2; k <= r && !with_the && !to; ++k)
            if (is(k, Flag::kRole) && word(k).back() != 's') return k - 1;  // `Council of Europe Commissioner`: a title
        bool instrument = false;  // `the Parliament of Georgia of the Law on …`: what it passed
        // (`the Working Group on the Universal Periodic Review` is named after what it does.)
        const std::uint32_t not_the_body = term == "on" ? Flag::kLegal : Flag::kLegal | Flag::kEvent;
        for (std::uint32_t k = c + 1; k <= r && with_the; ++k) instrument = instrument || is(k, not_the_body);
        if (instrument) break;
        // (`address the Court on the SCRA's backlog`: what the complement owns is the sentence's, when the
        // complement is another body; `the Department of Labor's list` is the whole name's.)
        const auto acronym_owner = [&] {  // `SCRA's`: two capitals open the word
            const std::string_view w = word(r);
            std::size_t q = 0;
            const UChar32 first = next_code_point(w, q);
            return q < w.size() && u_isupper(first) && u_isupper(next_code_point(w, q));
        };
        if (possessive(r) && joined(r) && r + 1 < size() && !has(r + 1, kCap) &&
            (acronym_owner() || head_in_run(c + 1, r) != kUnlooked))
            break;
        e = r;
        in_complement = true;
    }
    return e;
}

/// French: adjectives after the head (`Cour suprême`), then up to four prepositional complements
/// (`des droits de l'homme`, `pour les droits humains`, `des Nations unies`), joined by `et` inside.
std::uint32_t EntityRecognizer::Impl::extend_french(std::uint32_t e, bool after_object) {
    // French names run longer than English ones (`Association tchadienne pour la promotion et la
    // défense des droits de l'homme`).
    const std::uint32_t limit = e + kMaxComplement + 3;
    const std::uint32_t head = e;
    e = french_adjectives(e, limit);
    // `Réseau frontalier Jeannot Succès`, `Collectif haïtien Jean Dominique`: a capitalised head and
    // its adjective, then the name of whom or what the body is named after.
    if (e > head && has(head, kCap) && !after_object && joined(e) && e + 1 < size() && capital(e + 1) &&
        !has(e + 1, kCountry | kQuoted | kAllCaps) && !is(e + 1, Flag::kMonth | Flag::kFunction | Flag::kRole)) {
        std::uint32_t r = run_end(e + 1);
        while (r > e + 1 && has(r, kAllCaps)) --r;  // (`… Norbert Zongo CNP-NZ`: its short name follows)
        if (r - e <= 3 && !has(r, kAllCaps)) return r;
    }
    for (int phrase = 0; phrase < 6 && joined(e) && e < limit; ++phrase) {
        std::uint32_t j = e + 1;
        if ((phrase > 0 || after_object) && tok(j).term == "et" && !has(j, kCap) && joined(j)) {
            const std::uint32_t after_and = french_after_and(j + 1);
            if (after_and == kUnlooked) break;
            e = french_adjectives(after_and, limit);
            continue;
        }
        const std::uint32_t end = french_object(j);
        if (end == kUnlooked) break;
        e = french_adjectives(end, limit);
    }
    return e;
}

/// After `et` inside a French name: a prepositional phrase (`et du multiculturalisme`), a determiner
/// and a lowercase noun (`et la démocratie`, `et l'État de droit`), or a plural noun that ends the name
/// (`réfugiés et apatrides`). Its last token, or kUnlooked.
std::uint32_t EntityRecognizer::Impl::french_after_and(std::uint32_t j) {
    const std::uint32_t object = french_object(j);
    if (object != kUnlooked) return object;
    if (has(j, kElided) && (word(j)[0] | 0x20) == 'l') return j;
    if (is(j, Flag::kDeterminer) && !has(j, kCap) && joined(j) && !has(j + 1, kCap)) {
        std::uint32_t k = j + 1;  // `et le bien-être de l’enfant`
        while (gap(k, kHyphen) && k + 1 < size() && !has(k + 1, kCap)) ++k;
        return k;
    }
    const std::string& t = tok(j).term;
    if (!has(j, kCap) && !is(j, Flag::kFunction) && t.back() == 's' && (gap(j, kBreak) || j + 1 == size())) return j;
    return kUnlooked;
}

std::uint32_t EntityRecognizer::Impl::french_adjectives(std::uint32_t e, std::uint32_t limit) {
    const auto adjective = [&](std::uint32_t k) {
        if (k >= size() || has(k, kCap) || is(k, Flag::kFunction)) return false;
        const std::string_view w = word(k);  // `spécialisé`, `unifiées`: participles, from the accent
        const bool participle = ends_with(w, "é") || ends_with(w, "ée") || ends_with(w, "és") || ends_with(w, "ées");
        // (`… des Affaires étrangères chargés des visas`: what a service is in charge of follows the name.)
        if (participle && tok(k).term.rfind("charge", 0) == 0) return false;
        // (`Observatoire maghrébin`: the French dictionary knows adjectives the endings miss.)
        return participle || cues::is_french_adjective(tok(k).term) ||
               (tok(k).lang == Lang::fr && common_words.french_adjective(tok(k).spelling_form()) &&
                !(tok(k).term == "public" && tok(k - 1).term == "ministere"));  // the prosecution
    };
    while (joined(e) && e < limit) {
        if (adjective(e + 1)) {
            ++e;
        } else if (e + 2 < limit && (tok(e + 1).term == "ou" || tok(e + 1).term == "et") && !has(e + 1, kCap) &&
                   joined(e + 1) && adjective(e + 2) && adjective(e)) {
            e += 2;  // `disparitions forcées ou involontaires`, `droits économiques et sociaux`
        } else {
            break;
        }
    }
    return e;
}

/// The prepositional phrase starting at @p j (`de la Jeunesse`, `d'Almaty`, `aux droits`): its last
/// token, or kUnlooked when there is none. `au`/`aux` before a capital (`au Sénégal`) is a place.
/// (`sans` too: `Collectif Hiver sans toit`, `Avocats sans frontières`.)
std::uint32_t EntityRecognizer::Impl::french_object(std::uint32_t j) {
    static constexpr std::string_view kPrepositions[] = {"de", "des", "du", "pour", "contre", "sur", "a", "aux", "au", "en", "sans"};
    const std::string_view w = word(j);
    const std::string& term = tok(j).term;
    if (has(j, kElided) && (w[0] | 0x20) == 'd') {
        if (has(j, kCap)) return run_end(j);
        return is(j, Flag::kFunction) || looks_infinitive(term) ? kUnlooked : j;
    }
    const bool preposition =
        std::find(std::begin(kPrepositions), std::end(kPrepositions), term) != std::end(kPrepositions);
    if (!preposition || has(j, kCap) || !joined(j)) return kUnlooked;
    if (term == "a" && w != "à") return kUnlooked;  // the verb `a`, not the preposition
    // `Groupe de travail sur …`: `sur` after a noun of the name, not after `Nations unies` (where it
    // starts a mandate: `Rapporteur spécial des Nations unies sur …`).
    // `Mission … d’appui à la sécurité`: `à` likewise.
    // (`Commission d’enquête des Nations unies sur le Burundi`: the country a body looks into is its name's.)
    const bool on_country = term == "sur" && joined(j) && j + 2 < size() && is(j + 1, Flag::kDeterminer) &&
                            joined(j + 1) && has(j + 2, kCountry);
    const bool of_kind = term == "a" && j + 1 < size() && tok(j + 1).term == "caractere";  // `à caractère personnel`
    if ((term == "sur" || term == "a") && !on_country && !of_kind &&
        (j == 0 || has(j - 1, kCap) || cues::is_french_adjective(tok(j - 1).term)))
        return kUnlooked;
    std::uint32_t k = j + 1;
    // (`Comisión Nacional de los Derechos Humanos`: a Spanish name's article, before a capital.)
    const std::string& next = tok(k).term;
    const bool spanish_article = term == "de" && (next == "los" || next == "las" || next == "el") && joined(k) &&
                                 k + 1 < size() && capital(k + 1);
    const bool determiner = (is(k, Flag::kDeterminer) && !has(k, kCap) && joined(k)) || spanish_article;
    if (determiner) ++k;
    if (is(k, Flag::kFunction | Flag::kAuxiliary | Flag::kMonth) && !has(k, kElided)) return kUnlooked;
    // (`… et à Madagascar National Parks`: `à` and a bare capital is a place or an addressee.)
    const bool bare_to = term == "a" && !determiner && !has(k, kElided);
    if (capital(k)) return (term == "au" || term == "aux" || bare_to) ? kUnlooked : run_end(k);
    if (term == "en") return kUnlooked;  // `en cas de`: a name's `en` comes before a place
    static constexpr std::string_view kPreposed[] = {"grand", "grande", "haut", "haute", "petit", "petite",
                                                     "premier", "premiere", "nouveau", "nouvelle"};
    const bool preposed = std::find(std::begin(kPreposed), std::end(kPreposed), tok(k).term) != std::end(kPreposed);
    if (preposed && joined(k) && !has(k + 1, kCap) && !is(k + 1, Flag::kFunction | Flag::kConnector))
        return k + 1;  // `de grande instance`, `de première instance` (not an infinitive)
    // (`du livre`, `des œuvres`: after an article no infinitive stands.)
    const bool article = term == "du" || term == "des" || term == "au" || term == "aux";
    // (`données à caractère personnel`: a noun in -re, no infinitive.)
    if (!determiner && !article && !has(k, kElided) && looks_infinitive(tok(k).term) && tok(k).term != "caractere")
        return kUnlooked;
    // (`Cour suprême de justice pour dépôt tardif`: `pour` without an article is the sentence's.)
    if ((term == "pour" || term == "contre") && !determiner && !has(k, kElided) && !capital(k)) return kUnlooked;
    if (tok(k).term.size() < 2) return kUnlooked;
    if (starts_with_digit(tok(k).term)) return kUnlooked;  // `Club-K du 20 mars`
    // `de garde-frontières et de garde-côtes`: a lowercase compound is one word of the name.
    while (gap(k, kHyphen) && k + 1 < size() && !has(k + 1, kCap) && tok(k + 1).cyrillic == tok(k).cyrillic) ++k;
    return k;
}

/// Russian: the organisation head word within the first few words from @p i, reached over
/// capitalised words and adjectives (`Казахстанское международное бюро`), or kUnlooked.
std::uint32_t EntityRecognizer::Impl::russian_head(std::uint32_t i) {
    constexpr std::uint32_t kMaxBeforeHead = 4;
    for (std::uint32_t k = i; k < size() && k - i <= kMaxBeforeHead; ++k) {
        if (k > i && !joined(k - 1)) break;
        if (!tok(k).cyrillic || has(k, kQuoted)) break;
        // `Коллегия адвокатов` shares its word key with the role `коллега`.
        const std::string& t = tok(k).term;
        if (is(k, Flag::kOrgHead) && t.size() > 14 && t.rfind("коллеги", 0) == 0) return k;
        // `Второй западный окружной военный суд`: a capitalised ordinal is an adjective of the name.
        const bool ordinal_word = has(k, kCap) && is(k, Flag::kFunction) && cues::is_russian_adjective(t);
        if (!ordinal_word && is(k, Flag::kRole | Flag::kFunction | Flag::kMonth | Flag::kLegal | Flag::kEvent)) break;
        if (is(k, Flag::kOrgHead)) return k;
        if (!has(k, kCap) && !cues::is_russian_adjective(tok(k).term)) break;
    }
    return kUnlooked;
}

/// Russian: the head's complement — genitive words (`внутренних дел`, `Республики Казахстан`),
/// `по`/`при`/`против`/`за` phrases, `и` inside a `по` phrase; stops at verbs and punctuation.
std::uint32_t EntityRecognizer::Impl::russian_complement(std::uint32_t h, std::uint32_t first) {
    std::uint32_t e = h;
    bool after_adjective = false, in_po = false, after_po = false;
    for (std::uint32_t j = h + 1; j < size() && j - h <= kMaxComplement && joined(j - 1); ++j) {
        const std::string& t = tok(j).term;
        if (has(j, kQuoted)) {
            // `Казанский центр поддержки семей «Опора»`: a capitalised name with its quoted name.
            const std::uint32_t q = quote_end(j);
            if (has(first, kCap) && !has(first, kSentStart) && gap(q, kCloseQuote) && q - j < kMaxQuoted)
                return q;
            break;
        }
        // `Милли Меджлиса Сахиба Гафарова`: a first name and a surname after the name are a person.
        // (`по Республике Башкортостан Хабибуллина Д. Р.`: a surname with initials after it has no first
        // name before it.)
        if (has(j, kCap) && !has(j, kCountry | kAllCaps) && joined(j) && has(j + 1, kCap) &&
            !has(j + 1, kCountry | kAllCaps) && cues::has_name_ending(tok(j + 1).term, true) &&
            !(joined(j + 1) && j + 2 < size() && has(j + 2, kInitial)))
            break;
        if (full_name_at(j)) break;  // `… палаты Воронежской области Шарафиева Эмиля Маратовича`
        if (has(j, kInitial)) break;  // `… суда Е. А. Кречетова`: a person's initials start after the name
        // `… по Иркутской области Шишкина А. Л.`: a surname before initials is the person after the name.
        if (has(j, kCap) && joined(j) && j + 1 < size() && has(j + 1, kInitial)) break;
        if (has(j, kAllCaps) && !has(j, kCountry)) {  // (`по электронным СМИ`: the noun came)
            // (`Совет Общественной палаты … РЕШИЛ:`: a word of the language in capitals opens the clause.)
            if (letter_count(word(j)) >= 4 && common_words.ordinary(tok(j).spelling_form(), Lang::ru)) break;
            e = j;
            after_adjective = false;
            continue;
        }
        // `Квалификационная коллегия судей`, `Совет судей`: the judges a body is made of (`судей` shares
        // its word key with `суд`, which would start another name).
        if (j == h + 1 && t == "судей") {
            e = j;
            continue;
        }
        // `Межрайонная инспекция … № 16`, `Исправительная колония № 2`: the body's number.
        if (gap_text(j - 1).find("\u2116") != std::string_view::npos && starts_with_digit(t)) {
            e = j;
            after_adjective = false;
            continue;
        }
        if (!tok(j).cyrillic) break;
        // `университет имени Жусупа Баласагына`: the person a body is named after is part of its name.
        if ((t == "имени" || t == "им") && !has(j, kCap) && joined(j) && j + 1 < size() && has(j + 1, kCap)) {
            std::uint32_t k = j + 1;
            while (k + 1 < size() && k - j < 3 && joined(k) && has(k + 1, kCap) && tok(k + 1).cyrillic) ++k;
            e = k;
            break;
        }
        if (!has(j, kCap) && !after_adjective && (cues::is_russian_verb(t) || cues::is_russian_short_participle(t)))
            break;
        // `Фонда пенсионного и социального страхования`: two adjectives of one noun, joined by `и`.
        // (`по насильственным или недобровольным исчезновениям` likewise with `или`.)
        if ((t == "и" || t == "или") && after_adjective && !has(j, kCap) && joined(j) && j + 2 < size() && !has(j + 1, kCap) &&
            cues::is_russian_adjective(tok(j + 1).term) && joined(j + 1) && !has(j + 2, kCap) &&
            !cues::is_russian_verb(tok(j + 2).term)) {
            e = ++j;
            continue;
        }
        // `Национальный фонд в поддержку демократии`, `Комитет в защиту свободы слова`: what the body
        // stands for, and its genitive after it.
        if ((t == "в" || t == "во") && !has(j, kCap) && joined(j) && j + 2 < size() && !has(j + 1, kCap) &&
            (tok(j + 1).term == "поддержку" || tok(j + 1).term == "защиту") && joined(j + 1) &&
            !has(j + 2, kCap) && cues::is_russian_genitive(tok(j + 2).term)) {
            j += 2;
            e = j;
            after_adjective = false;
            continue;
        }
        // `Адвокатская палата Пермского края`: a region's adjective and its noun.
        if (!has(j, kCap) && is(j, Flag::kTerritory) && has(j - 1, kCap) && j - 1 > h &&
            cues::is_russian_adjective(tok(j - 1).term)) {
            e = j;
            after_adjective = false;
            continue;
        }
        // `… по Республике Крым и г. Севастополю`: a second area after `по`, a city.
        if (in_po && t == "и" && !has(j, kCap) && joined(j) && j + 2 < size() && city_abbreviation(j + 1) &&
            capital(j + 2) && tok(j + 2).cyrillic && !has(j + 2, kAllCaps) && !full_name_at(j + 2)) {
            j += 2;
            e = j;
            after_adjective = false;
            continue;
        }
        // `Организация по безопасности и сотрудничеству в Европе`: where the `по` phrase applies.
        if (in_po && (t == "в" || t == "во") && !has(j, kCap) && joined(j) && j + 1 < size() &&
            (has(j + 1, kCountry) || (has(j + 1, kCap) && is(j + 1, Flag::kTerritory)))) {
            e = ++j;
            while (e + 1 < size() && joined(e) && has(e + 1, kCountry) && e - h < kMaxComplement) ++e;
            j = e;
            after_adjective = false;
            continue;
        }
        // `Комитет по правам человека Бундестага`: after a `по` phrase, the body the committee belongs
        // to, capitalised, in the genitive.
        if (in_po && j > h + 2 && has(j, kCap) && !has(j, kSentStart | kAllCaps | kCountry) && is(j, Flag::kOrgHead) &&
            cues::is_russian_genitive(t) && !cues::has_name_ending(t, true)) {
            e = j;
            while (e + 1 < size() && joined(e) && has(e + 1, kCountry) && e - h < kMaxComplement) ++e;
            break;
        }
        if (is(j, Flag::kConnector) && !has(j, kCap)) {
            if (gap(j, kHyphen)) break;  // `по-прежнему`: an adverb, not `по` and its object
            if (!russian_linked_object(j, in_po)) break;
            in_po = in_po || t == "по";
            after_po = t == "по";
            e = ++j;
            after_adjective = cues::is_russian_adjective(tok(j).term);
            continue;
        }
        // `по противодействию экстремизму`: a dative noun after the object of `по`; `помощи беженцам`:
        // a plural dative after a genitive of the name.
        const bool plural_dative_after = j > h + 1 && !has(j, kCap) && !has(j - 1, kCap) &&
                                         cues::is_russian_genitive(tok(j - 1).term) && russian_plural_dative(t) &&
                                         !is(j, Flag::kFunction | Flag::kConnector | Flag::kRole);
        const bool dative = ((after_po && !has(j, kCap) && (ends_with(t, "у") || ends_with(t, "ю"))) ||
                             plural_dative_after) &&
                            !is(j, Flag::kFunction | Flag::kConnector);
        after_po = false;
        if (dative) {
            e = j;
            after_adjective = false;  // `по финансовому мониторингу`: the noun came
            continue;
        }
        // A role word ends the name, unless an adjective of the name qualifies it (`Офис народного
        // адвоката`).
        // `Аппарат Защитника прав человека`, `Администрация Президента`: an office's title in
        // capitals, in the genitive, names what the body serves.
        const bool title_genitive = has(j, kCap) && !has(j, kSentStart) && cues::is_russian_genitive(t);
        // (`Аппарат Народного защитника`: the office's capitalised adjective qualifies the role too.)
        const bool office_adjective = j > h + 1 && has(j - 1, kCap) && cues::is_russian_adjective(tok(j - 1).term) &&
                                      cues::is_russian_genitive(t);
        if (is(j, Flag::kFunction | Flag::kMonth) ||
            (is(j, Flag::kRole) && !after_adjective && !title_genitive && !office_adjective))
            break;
        // Another head starts another name, unless a capitalised adjective before it makes it the
        // genitive of a proper name (`комиссия Российской Федерации`, `Совет Европейского союза`).
        const bool proper_genitive = j > h + 1 && has(j - 1, kCap) && cues::is_russian_adjective(tok(j - 1).term);
        // `Управление Министерства юстиции`, `Аппарат Правительства`: a capitalised head in the
        // genitive right after the head is the body the office belongs to.
        // (`Главное управление разведки Министерства обороны`: after what the office does, likewise.)
        const bool office_of = j == h + 2 && !has(j - 1, kCap) && cues::is_russian_genitive(tok(j - 1).term) &&
                               !cues::is_russian_adjective(tok(j - 1).term) && is(j, Flag::kOrgHead);
        const bool parent_body = (j == h + 1 || office_of) && has(j, kCap) && !has(j, kSentStart | kAllCaps) &&
                                 cues::is_russian_genitive(t);
        if (is(j, Flag::kOrgHead) && !after_adjective && !proper_genitive && !parent_body) break;
        // `Министерством юстиции посещения`: a verbal noun after the complement is the sentence's.
        // (`сокращения бедности`, `развития образования`: one after another, they are the name's.)
        // (`Федеральной службы исполнения наказаний`: after a head word, it is what the body does.)
        if (!in_po && j > h + 1 && !has(j, kCap) && !after_adjective && cues::is_russian_verbal_noun(t) &&
            !cues::is_russian_verbal_noun(tok(j - 1).term) && !is(j - 1, Flag::kOrgHead))
            break;
        const bool adjective = !has(j, kCap) && cues::is_russian_adjective(t);
        if (!(adjective || after_adjective || has(j, kCap) || cues::is_russian_genitive(t) ||
              cues::is_russian_bare_genitive_plural(t)))
            break;
        e = j;
        after_adjective = adjective;
    }
    // `Делегация Европейского союза в Узбекистане`, `Офис ОБСЕ в Таджикистане`: a body abroad keeps
    // its country.
    // (The first word counts too: `Делегация Европейского союза` has its head in `союза`.)
    const bool abroad = sent_abroad(tok(h).term) || sent_abroad(tok(first).term);
    // (An embassy or consulate is named after the city it sits in as well: `Посольство
    // Федеративной Республики Германия в Ереване`.)
    const bool embassy = tok(h).term.rfind("посольств", 0) == 0 || tok(h).term.rfind("консульств", 0) == 0 ||
                         tok(h).term.rfind("генконсульств", 0) == 0;
    // (`Программный офис ОБСЕ в Бишкеке`: or a city ICU knows.)
    const auto place = [&](std::uint32_t k) {
        return has(k, kCountry) || (capital(k) && tok(k).cyrillic && !has(k, kAllCaps | kQuoted) &&
                                    (embassy || city_run(k, k)) &&
                                    !is(k, Flag::kRole | Flag::kMonth | Flag::kFunction | Flag::kOrgHead));
    };
    if (abroad && !after_adjective && joined(e) && e + 2 < size() && (tok(e + 1).term == "в" || tok(e + 1).term == "во") &&
        joined(e + 1) && place(e + 2)) {
        e += 2;
        while (e + 1 < size() && (joined(e) || gap(e, kHyphen)) && (has(e + 1, kCountry) || (embassy && gap(e, kHyphen))))
            ++e;  // (`в Санкт-Петербурге`)
        // (`в Кыргызской Республике`: an adjective and its capitalised noun.)
        if (embassy && !has(e, kCountry) && cues::is_russian_adjective(tok(e).term) && joined(e) && capital(e + 1) &&
            tok(e + 1).cyrillic && !has(e + 1, kAllCaps | kQuoted))
            ++e;
        return e;
    }
    // `Государственная инспекция труда в Свердловской области`: a body's region after `в`.
    if (!after_adjective && !in_po && joined(e) && e + 3 < size() && tok(e + 1).term == "в" && !has(e + 1, kCap) &&
        joined(e + 1) && capital(e + 2) && tok(e + 2).cyrillic && cues::is_russian_adjective(tok(e + 2).term) &&
        joined(e + 2) && (!has(e + 3, kCap) || tok(e + 3).term == "республике") &&
        (tok(e + 3).term == "области" || tok(e + 3).term == "крае" || tok(e + 3).term == "округе" ||
         tok(e + 3).term == "республике")) {  // (`в Удмуртской Республике`)
        // (`в Автономной Республике Крым`: the republic's name after it.)
        if (tok(e + 3).term == "республике" && joined(e + 3) && e + 4 < size() && capital(e + 4) &&
            tok(e + 4).cyrillic && !has(e + 4, kAllCaps | kQuoted) && !full_name_at(e + 4))
            return e + 4;
        return e + 3;
    }
    // `Государственная инспекция труда в Республике Башкортостан`: a body's republic after `в`.
    if (!after_adjective && !in_po && joined(e) && e + 2 < size() && tok(e + 1).term == "в" && !has(e + 1, kCap) &&
        joined(e + 1) && has(e + 2, kCap) && tok(e + 2).term.rfind("республик", 0) == 0 && joined(e + 2) &&
        e + 3 < size() && capital(e + 3)) {
        e += 3;
        while (e + 1 < size() && joined(e) && capital(e + 1) && tok(e + 1).cyrillic && e - h < kMaxComplement) ++e;
        return e;
    }
    // `Воеводский административный суд в Варшаве`, `Советский районный суд г. Казани`: the city
    // after a court's name qualifies it.
    const auto city_word = [&](std::uint32_t k) {
        const std::string& t = tok(k).term;
        return !has(k, kCap) && (((t == "в" || t == "во") && joined(k)) || city_abbreviation(k));
    };
    if (tok(h).term.rfind("суд", 0) == 0 && !after_adjective && !in_po && joined(e) && e + 2 < size() &&
        city_word(e + 1) && capital(e + 2) && tok(e + 2).cyrillic && !has(e + 2, kQuoted) &&
        !is(e + 2, Flag::kRole | Flag::kMonth | Flag::kFunction)) {
        e += 2;
        while (e + 1 < size() && e + 1 - h <= kMaxComplement && joined(e) && capital(e + 1) && tok(e + 1).cyrillic &&
               !full_name_at(e + 1))
            ++e;  // `в Нижнем Новгороде` (not the judge after it: `г. Екатеринбурга Зиновьевой Натальи Олеговны`)
        return e;
    }
    // `Управление МВД России по г. Казани`, `УФСБ по Республике Татарстан`, `отдел полиции по
    // Ульяновской области`: a territorial office's area after `по`.
    if (const std::uint32_t area = territory_after(h, e, after_adjective || in_po); area != kUnlooked) return area;
    // An adjective with no noun after it is not part of the name; `-ний`, `-ций` there is a noun's
    // genitive plural (`исполнения наказаний`, `организаций`).
    if (after_adjective && e > h && !ends_with(tok(e).term, "ний") && !ends_with(tok(e).term, "ций")) --e;
    if (!in_po && tok(h).term.rfind("министерств", 0) == 0) return russian_genitive_list(e);
    // `Прокуратурой города проведена проверка`: `города`, `района` with no name after them leave the
    // body unnamed.
    // (`Свердловской области` names one.)
    if (e > h && !has(e, kCap) && !in_po && (e - 1 == h || !has(e - 1, kCap)) && is(e, Flag::kTerritory)) --e;
    return in_po ? russian_po_list(e) : e;
}

/// `Министерство труда, миграции и занятости населения Республики Таджикистан`: a ministry's
/// portfolios in the genitive after commas, closed by `и`, then the country it serves. Returns the
/// name's last token (@p e when no such list follows).
std::uint32_t EntityRecognizer::Impl::russian_genitive_list(std::uint32_t e) {
    const auto genitive = [&](std::uint32_t k) {
        const std::string& t = tok(k).term;
        return cues::is_russian_genitive(t) || cues::is_russian_bare_genitive_plural(t);
    };
    const auto field_end = [&](std::uint32_t k) {  // last token of a field starting at k, or kUnlooked
        if (k >= size() || has(k, kCap) || !tok(k).cyrillic || is(k, Flag::kFunction | Flag::kConnector))
            return kUnlooked;
        if (cues::is_russian_adjective(tok(k).term) && joined(k) && !has(k + 1, kCap)) ++k;
        if (!genitive(k) || cues::is_russian_verb(tok(k).term)) return kUnlooked;
        // `занятости населения`: a genitive noun with its own genitive object.
        if (joined(k) && k + 1 < size() && !has(k + 1, kCap) && tok(k + 1).cyrillic && genitive(k + 1) &&
            !is(k + 1, Flag::kFunction | Flag::kConnector))
            ++k;
        return k;
    };
    std::uint32_t last = closed_list(e, field_end);
    if (last == kUnlooked) return e;
    // `… Республики Таджикистан`: the country, capitalised, in the genitive.
    // (A country's tokens are claimed by the gazetteer, so `joined` would stop before them.)
    for (const std::uint32_t field = last; last + 1 < size() && last - field < 3 && !gap(last, kBreak) &&
           tok(last).paragraph == tok(last + 1).paragraph && capital(last + 1) && tok(last + 1).cyrillic &&
           !has(last + 1, kAllCaps);)
        ++last;
    return last;
}

/// Last token of the area a territorial office [h, e] serves (`Управление МВД России по г. Казани`), or
/// kUnlooked.
std::uint32_t EntityRecognizer::Impl::territory_after(std::uint32_t h, std::uint32_t e, bool open) {
    const std::string& head = tok(h).term;
    const bool territorial = head.rfind("управлен", 0) == 0 || head.rfind("отдел", 0) == 0 ||
                             head.rfind("департамент", 0) == 0 || head.rfind("прокуратур", 0) == 0 ||
                             head.rfind("инспекц", 0) == 0 || head.rfind("служб", 0) == 0;
    return open || !territorial ? kUnlooked : area_after_po(e);
}

/// Last token of the area named after `по` right after token @p e (`по г. Казани`, `по городу
/// Москве`, `по району Кузьминки`, `по Республике Татарстан`, `по Ульяновской области`, `по
/// Краснодарскому краю`), or kUnlooked when `по` does not follow or no area comes after it.
std::uint32_t EntityRecognizer::Impl::area_after_po(std::uint32_t e) {
    if (!joined(e) || e + 2 >= size() || tok(e + 1).term != "по" || has(e + 1, kCap) || !joined(e + 1))
        return kUnlooked;
    std::uint32_t k = e + 2;
    if (!has(k, kCap)) {
        // `г.`, `городу`, `району` before the place's name.
        // (Not any word: `УЦЗПП по решению Свердловского областного суда` is a decision, not an area.)
        if (!(city_abbreviation(k) || (joined(k) && is(k, Flag::kTerritory))) || k + 1 >= size() || !capital(k + 1))
            return kUnlooked;
        ++k;
    }
    if (!tok(k).cyrillic || has(k, kAllCaps | kShout)) return kUnlooked;
    std::uint32_t end = k;
    // (`по Республике Башкортостан Хабибуллина Д. Р.`: not the person after the area.)
    const auto person_next = [&](std::uint32_t n) {
        return full_name_at(n) || (joined(n) && n + 1 < size() && has(n + 1, kInitial));
    };
    while (end + 1 < size() && end - k < 3 && joined(end) && capital(end + 1) && tok(end + 1).cyrillic &&
           !has(end + 1, kAllCaps) && !person_next(end + 1))
        ++end;
    const auto region_noun = [&](std::uint32_t n) {  // `по Брянской области`: an adjective with its noun
        return cues::is_russian_adjective(tok(n - 1).term) && joined(n - 1) && n < size() && !has(n, kCap) &&
               tok(n).cyrillic && !is(n, Flag::kFunction | Flag::kConnector) && !cues::is_russian_verb(tok(n).term);
    };
    if (region_noun(end + 1)) ++end;
    if (region_noun(end + 1)) ++end;  // `по Кировскому городскому району`
    // `по г. Санкт-Петербургу и Ленинградской области`, `по Москве и Московской области`: a second area.
    if (joined(end) && end + 3 < size() && tok(end + 1).term == "и" && !has(end + 1, kCap) && joined(end + 1) &&
        capital(end + 2) && tok(end + 2).cyrillic && cues::is_russian_adjective(tok(end + 2).term) && region_noun(end + 3))
        end += 3;
    // `по Басманному району г. Москвы`: a district with its city.
    if (joined(end) && end + 2 < size() && city_abbreviation(end + 1) &&
        capital(end + 2) && tok(end + 2).cyrillic && !has(end + 2, kAllCaps) && !person_next(end + 2)) {
        end += 2;
        while (gap(end, kHyphen) && end + 1 < size() && capital(end + 1)) ++end;  // `г. Санкт-Петербурга`
    }
    return end;
}

/// `Комиссия по социальной защите, здравоохранению и семье`: after the first field of a `по` phrase
/// (ending at @p e), the rest of its list — lowercase dative nouns, each with an optional adjective,
/// after commas, the last after `и`. The name's last token: @p e when no closed list follows.
std::uint32_t EntityRecognizer::Impl::russian_po_list(std::uint32_t e) {
    const auto field_end = [&](std::uint32_t k) {  // last token of a field starting at k, or kUnlooked
        if (k >= size() || has(k, kCap) || !tok(k).cyrillic) return kUnlooked;
        if (cues::is_russian_adjective(tok(k).term) && joined(k) && !has(k + 1, kCap)) ++k;
        const std::string& t = tok(k).term;
        const bool dative = ends_with(t, "у") || ends_with(t, "ю") || ends_with(t, "е") || ends_with(t, "ам") ||
                            ends_with(t, "ям");
        if (!dative || cues::is_russian_verb(t) || is(k, Flag::kFunction | Flag::kConnector)) return kUnlooked;
        return k;
    };
    const std::uint32_t last = closed_list(e, field_end);
    return last == kUnlooked ? e : last;
}

/// True when the linking word at @p j (`по`, `при`, `против`, `за`, `и`) has an object that belongs to
/// a name: `по` + plural dative or + a word before a capital (`по городу Алматы`), `и` only inside a
/// `по` phrase before a dative (`и соблюдению законности`).
bool EntityRecognizer::Impl::russian_linked_object(std::uint32_t j, bool in_po) {
    if (!joined(j) || has(j + 1, kQuoted)) return false;
    const std::string& t = tok(j).term;
    const std::string& object = tok(j + 1).term;
    if (cues::is_russian_verb(object) || is(j + 1, Flag::kFunction)) return false;
    // `комитет при участии проекта …`: with someone's help, not a part of the name.
    if (t == "при" && (object == "участии" || object == "поддержке" || object == "содействии")) return false;
    // `Министерство культуры и информации`: `и` between genitive words of the name.
    const bool genitive_pair = !in_po && j > 0 && !has(j + 1, kCap) && cues::is_russian_genitive(tok(j - 1).term) &&
                               (ends_with(object, "ии") || ends_with(object, "ы") || ends_with(object, "ой") ||
                                (ends_with(object, "и") && object.size() >= 10) ||  // `образования и науки`
                                ends_with(object, "ых") || ends_with(object, "их") || ends_with(object, "ия") ||
                                ends_with(object, "ов") || ends_with(object, "ев"));
    // `по борьбе с экстремизмом и незаконной миграцией`: instrumental objects inside a `по` phrase.
    const auto instrumental = [](std::string_view w) {
        return w.size() >= 8 && (ends_with(w, "ом") || ends_with(w, "ем") || ends_with(w, "ей") ||
                                 ends_with(w, "ой") || ends_with(w, "ами") || ends_with(w, "ями") || ends_with(w, "ью") ||
                                 ends_with(w, "ими") || ends_with(w, "ыми"));
    };
    if (t == "с") return in_po && !has(j + 1, kCap) && instrumental(object);
    // (`… по делам иммиграции и Национальной комиссией …`: a capital after `и` opens another name.)
    if (t == "и")
        return genitive_pair ||
               (in_po && !has(j + 1, kCap) &&
                (ends_with(object, "ю") || russian_plural_dative(object) || instrumental(object) ||
                 (ends_with(object, "у") && object.size() >= 12)));
    // `по защите прав`: a feminine dative noun before its genitive object.
    const bool dative_before_genitive = ends_with(object, "е") && joined(j + 1) && !has(j + 2, kCap) &&
                                        (cues::is_russian_genitive(tok(j + 2).term) ||
                                         cues::is_russian_bare_genitive_plural(tok(j + 2).term));
    // `по борьбе с экономическими преступлениями`: a feminine dative noun before `с`.
    const bool dative_before_with = ends_with(object, "е") && joined(j + 1) && j + 2 < size() &&
                                    (tok(j + 2).term == "с" || tok(j + 2).term == "со") && !has(j + 2, kCap);
    // `суд по иску Шамраева`, `по делу Иванова`: the case a body deals with, not its name.
    if (t == "по" && (object == "иску" || object == "делу" || object == "жалобе" || object == "заявлению" ||
                      object == "ходатайству" || object == "обращению" || object == "требованию"))
        return false;
    // (`по безопасности`, `по собственности`: the dative of a noun in -ость.)
    if (t == "по")
        return russian_plural_dative(object) || cues::is_russian_adjective(object) || ends_with(object, "ию") ||
               (ends_with(object, "ости") && !has(j + 1, kCap)) ||
               dative_before_genitive || dative_before_with || (joined(j + 1) && has(j + 2, kCap));
    return true;
}

/// Reports an organisation [s, e] unless it is a lone head word or only a country. Before a quoted name, a capitalised descriptor is kept with the quoted name
/// (`Правозащитный центр «Мемориал»`) and a lowercase one left to quoted_at. Returns the last token used.
std::uint32_t EntityRecognizer::Impl::organisation(std::uint32_t s, std::uint32_t e) {
    bool all_country = true;
    for (std::uint32_t k = s; k <= e; ++k) all_country = all_country && has(k, kCountry);
    // (`Tengri Gold Mining LLC ("the Company")`: a defined term in brackets is not the name's quote.)
    if (gap(e, kOpenQuote) && !gap(e, kSentEnd | kOpenParen) && e + 1 < size() && has(e + 1, kQuoted)) {
        const std::uint32_t q = quote_end(e + 1);
        if (!gap(q, kCloseQuote) || q - e > kMaxQuoted) return e;
        emit_through_quote(s, q);
        return q;
    }
    // `Avocats sans frontières France`, `Transparency International Russia`: a national chapter named
    // right after the name, before punctuation or a lowercase word.
    if (!tok(e).cyrillic && e > s && joined(e) && e + 1 < size() && has(e + 1, kCountry) && !has(e + 1, kAllCaps) &&
        tok(e + 1).paragraph == tok(e).paragraph && gap_text(e) == " " && !has(e, kCountry) &&
        (!joined(e + 1) || !has(e + 2, kCap)))
        ++e;
    // `National Coalition of Human Rights Defenders – Kenya`: a national chapter named after a dash.
    if (e + 1 < size() && has(e + 1, kCountry) && tok(e + 1).paragraph == tok(e).paragraph) {
        const std::string_view between = text.substr(tok(e).end, tok(e + 1).start - tok(e).end);
        std::uint32_t c = e + 1;
        while (c + 1 < size() && has(c + 1, kCountry) && joined(c)) ++c;
        const bool spaced_dash = between == " \u2013 " || between == " \u2014 " || between == " - ";
        if (spaced_dash && (gap(c, kSentEnd) || c + 1 == size())) e = c;
    }
    // `Kanal 13`, `Commission 44`: a number of one to three digits right after the head is the name's.
    if (is(e, Flag::kOrgHead) && joined(e) && e + 1 < size() && !gap(e, kHyphen)) {
        const std::string& n = tok(e + 1).term;
        const bool number = !n.empty() && n.size() <= 3 &&
                            std::all_of(n.begin(), n.end(), [](char c) { return c >= '0' && c <= '9'; });
        // (`Panel 1 : Observer le procès`, `Section 2:` open a programme's item, not a body's name.)
        const bool heading = e == s && colon_after(e + 1);
        if (number && !heading && !(joined(e + 1) && is(e + 2, Flag::kMonth))) ++e;
    }
    if ((e > s || (is(s, Flag::kAssembly) && has(s, kCap) && !has(s, kAllCaps))) && !all_country) {
        emit(EntityKind::organisation, s, e);
        check_acronym_definition(s, e);
    }
    return e;
}

/// Byte offset just past the closing quotation mark after token @p q.
std::uint32_t EntityRecognizer::Impl::quoted_end_byte(std::uint32_t q) const {
    std::size_t i = tok(q).end;
    while (i < text.size()) {
        const std::size_t at = i;
        const UChar32 c = next_code_point(text, i);
        if (c == 0xBB || c == 0x201D || c == 0x201C || c == '"' || c == 0x203A) {
            // `«Медиахолдинг „Прибайкалье“»`: an inner quotation closes right before the outer one.
            std::size_t after = i;
            if (c != 0xBB && after < text.size() && next_code_point(text, after) == 0xBB) i = after;
            return static_cast<std::uint32_t>(i);
        }
        if (c != ' ' && c != 0xA0) return static_cast<std::uint32_t>(at);
    }
    return tok(q).end;
}

// ---------------------------------------------------------------------------------------------------
// Persons

bool EntityRecognizer::Impl::bad_for_person(std::uint32_t i) {
    constexpr std::uint32_t kNot = Flag::kFunction | Flag::kRole | Flag::kHonorific | Flag::kNonName |
                                   Flag::kMonth | Flag::kOrgHead | Flag::kDeterminer | Flag::kAccording;
    if (has(i, kInitial)) return is(i, Flag::kHonorific);  // `M. Zaher`, not an initial
    return is(i, kNot) || has(i, kCountry | kAllCaps | kQuoted) || lower_seen.count(tok(i).term) ||
           abbreviated_title(i);
}

/// `Cllr`, `Cllrs`, `Sgt`, `Mrs`: a capitalised Latin word of three letters or more without a vowel is
/// an abbreviated title, not a name.
bool EntityRecognizer::Impl::abbreviated_title(std::uint32_t i) const {
    if (tok(i).cyrillic || !has(i, kCap) || has(i, kAllCaps)) return false;
    const std::string& t = tok(i).term;
    if (t.size() < 3) return false;
    for (char c : t)
        if (!(c >= 'a' && c <= 'z') || c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y') return false;
    return true;
}

/// A role or honorific right before @p s (`activist`, `Mr.`, `г-н`, `правозащитника`).
bool EntityRecognizer::Impl::role_before(std::uint32_t s) {
    if (s >= 2 && appositive_relative(s)) return true;
    if (s == 0 || gap(s - 1, kBreak)) return false;
    if (is(s - 1, Flag::kRole | Flag::kHonorific)) return true;
    const std::string& t = tok(s - 1).term;
    return s >= 2 && (t == "н" || t == "жа") && tok(s - 2).term == "г" && gap(s - 2, kHyphen);
}

/// `Mavimbela's wife, Gcinile,`, `Жена Селимова, Мавиле,`: someone's relative or colleague, named
/// between commas right after the word for what they are to that person.
bool EntityRecognizer::Impl::appositive_relative(std::uint32_t s) {
    if (!gap(s - 1, kComma) || gap(s - 1, kSentEnd) || !gap(s, kComma | kSentEnd)) return false;
    const std::uint32_t r = s - 1;
    // English: a possessive before the role word; Russian: a capitalised genitive after it.
    if (!tok(r).cyrillic && is(r, Flag::kRole) && !has(r, kCap | kAllCaps) && joined(r - 1) && possessive(r - 1) &&
        has(r - 1, kCap))
        return true;
    return tok(r).cyrillic && has(r, kCap) && !has(r, kAllCaps | kSentStart) && cues::is_russian_genitive(tok(r).term) &&
           joined(r - 1) && is(r - 1, Flag::kRole) && (r < 2 || !gap(r - 2, kComma | kOpenQuote));
}

/// A speech verb after @p e (`said`, `заявила`, `a déclaré`), or an apposition with a role
/// (`, a lawyer`, `, адвокат`).
bool EntityRecognizer::Impl::speech_after(std::uint32_t e) {
    if (e + 1 >= size() || tok(e).paragraph != tok(e + 1).paragraph) return false;
    std::uint32_t j = e + 1;
    if (gap(e, kComma) && !gap(e, kSentEnd)) {
        if (is(j, Flag::kDeterminer) || tok(j).term == "a" || tok(j).term == "an") ++j;
        return j < size() && is(j, Flag::kRole);
    }
    if (gap(e, kBreak)) return false;
    if (is(j, Flag::kAuxiliary) && !has(j, kCap) && joined(j)) ++j;
    // (`Suivi assuré par …`, `Coverage reported by …`: a passive has its speaker after it.)
    if (joined(j) && j + 1 < size() && (tok(j + 1).term == "par" || tok(j + 1).term == "by")) return false;
    return is(j, Flag::kSpeech);
}

/// A speech verb or `according to`, `по словам`, `selon` right before @p s.
bool EntityRecognizer::Impl::speech_before(std::uint32_t s) {
    if (s == 0 || gap(s - 1, kBreak)) return false;
    if (is(s - 1, Flag::kSpeech | Flag::kAccording)) return true;
    return s >= 2 && tok(s - 1).term == "to" && is(s - 2, Flag::kAccording) && !gap(s - 2, kBreak);
}

bool EntityRecognizer::Impl::full_name_at(std::uint32_t k) const {
    return k + 2 < size() && tok(k).cyrillic && has(k, kCap) && joined(k) && has(k + 1, kCap) && joined(k + 1) &&
           has(k + 2, kCap) && !has(k, kAllCaps) && patronymic(k + 2);
}

/// True when token @p k reads as a Russian patronymic (`Андреевич`, `Петровной`).
bool EntityRecognizer::Impl::patronymic(std::uint32_t k) const {
    const std::string& t = tok(k).term;
    for (std::string_view p : {"ович", "евич", "овн", "евн", "ичн"})
        if (t.find(p) != std::string::npos && t.size() > p.size() + 4) return true;
    return false;
}

/// Person decision for the run [s, e]: strips roles and non-name words on the left, cuts at the
/// first non-name word, then weighs the evidence. Returns the run's last token.
std::uint32_t EntityRecognizer::Impl::person(std::uint32_t s, std::uint32_t e) {
    const std::uint32_t run_last = e;
    if (caps_surname_first(s, e)) {
        emit(EntityKind::person, s, e);
        for (std::uint32_t k = s; k <= e; ++k) person_keys.insert(cues::word_key(tok(k).term, tok(k).cyrillic));
        return run_last;
    }
    for (std::uint32_t k = s; k <= e; ++k)
        if (has(k, kAllCaps)) acronyms.push_back(k);
    // `Rostov-on-Don`, `Châlons-en-Champagne`: a hyphen and a lowercase word after the run make a place.
    if (gap(e, kHyphen) && e + 1 < size() && !has(e + 1, kCap)) return run_last;
    // `Lyon-Saint-Exupéry`, `Villeneuve-Saint-Georges`: `Saint` inside a hyphenated name makes a place.
    for (std::uint32_t k = s + 1; k < e; ++k)
        if (gap(k - 1, kHyphen) && gap(k, kHyphen) && (tok(k).term == "saint" || tok(k).term == "sainte"))
            return run_last;
    // `Préface de Soumaya Ben Ammar-Guedira`: a common noun opening the sentence, before `de`, is not
    // the name's first word.
    if (s < e && has(s, kSentStart) && !tok(s).cyrillic && is(s + 1, Flag::kParticle) && !has(s + 1, kCap) &&
        !is(s, Flag::kRole | Flag::kHonorific) && common_words.ordinary(tok(s).spelling_form(), tok(s).lang))
        ++s;
    for (std::uint32_t k = s; k <= e; ++k)
        if (is(k, Flag::kEvent | Flag::kLegal) || has_digit(tok(k).term) || (!tok(k).cyrillic && is(k, Flag::kTerritory)))
            return run_last;  // (`B1. Do you …`: a numbered question; `Moov Africa`: a continent is no name's)
    // `in Phnom Penh`, `из Кишинёва`: a city ICU knows is no person, unless a cue says it is.
    if (city_run(s, e) && !role_before(s) && !speech_after(e) && !speech_before(s)) return run_last;
    // `Employees' Minimum Standards`: a possessive before the run's last word owns what follows, so
    // the run is not one person's name (the owner alone may be: `Hashim's team`).
    for (std::uint32_t k = s; k < e; ++k)
        if (possessive(k)) return run_last;
    if (s > 0 && !gap(s - 1, kBreak) && is(s - 1, Flag::kPrize)) return run_last;  // `prix Martin Ennals`
    // `Токийская декларация`, `Туркменского активиста`, `Лауреат Нобелевской премии`: a Russian
    // adjective before a lowercase noun of a treaty, an event, a body, a role or a prize qualifies that
    // noun; a surname stands before a verb or alone.
    if (tok(e).cyrillic && cues::is_russian_adjective(tok(e).term) && joined(e) && e + 1 < size() &&
        !has(e + 1, kCap) && is(e + 1, Flag::kLegal | Flag::kEvent | Flag::kOrgHead | Flag::kRole | Flag::kPrize))
        return run_last;
    // `Следствие считает`: a noun in -ие opening a sentence names no one.
    if (s == e && tok(e).cyrillic && ends_with(tok(e).term, "ие") && has(e, kSentStart)) return run_last;
    // `на улице Курманжан Датки`, `rue Gamal Abdel Nasser`: a street named after someone.
    if (s > 0 && !gap(s - 1, kBreak) && !has(s - 1, kCap) && street_word(tok(s - 1).term)) return run_last;
    // `on Windsor Road`, `Ellis Avenue`: an English street names its kind last.
    if (e > s && !tok(e).cyrillic && !has(e, kAllCaps) && street_word(tok(e).term)) return run_last;
    // `Передайте Кольцовой`, `Допросить Сулейманову М. Р.`: a Russian imperative or infinitive opening
    // the sentence is no first name.
    if (s < e && has(s, kSentStart) && tok(s).cyrillic && tok(s).term.size() >= 12 &&
        (ends_with(tok(s).term, "йте") || ends_with(tok(s).term, "ите") || ends_with(tok(s).term, "ить") ||
         ends_with(tok(s).term, "ать") || ends_with(tok(s).term, "ять") || ends_with(tok(s).term, "еть")))
        ++s;
    if (s > 1 && (tok(s - 1).term == "имени" || tok(s - 1).term == "им") && is(s - 2, Flag::kPrize))
        return run_last;  // `премии имени Анны Политковской`
    bool role = false;
    const std::uint32_t run_first = s;
    // `l’Ougandais Joseph Ssemakula`, `la Libanaise Rania Haddad`: a nationality before the name.
    if (e >= s + 2 && !tok(s).cyrillic && tok(s).lang == Lang::fr && s > 0 &&
        (has(s, kElided) || tok(s - 1).term == "la" || tok(s - 1).term == "le" || tok(s - 1).term == "les")) {
        const std::string& n = tok(s).term;
        if (ends_with(n, "ais") || ends_with(n, "aise") || ends_with(n, "ien") || ends_with(n, "ienne") ||
            ends_with(n, "ain") || ends_with(n, "aine") || ends_with(n, "ois") || ends_with(n, "oise"))
            ++s;
    }
    // `Maurice Kamto, chef du …`: a first name that is also a country, with a person cue after.
    const bool country_name = has(s, kCountry) && s < e && !has(s + 1, kCountry | kAllCaps) &&
                              !has(s, kQuoted) && !is(s, Flag::kFunction) && speech_after(e);
    // `Sub-Inspector Lameck Phiri-Mwale`, `Vice-President …`: a role joined to a prefix by a hyphen.
    while (s + 1 < e && gap(s, kHyphen) && is(s + 1, Flag::kRole | Flag::kHonorific) && !has(s, kAllCaps)) {
        role = true;
        s += 2;
    }
    while (s <= e && !(country_name && s == run_first) && (bad_for_person(s) || is(s, Flag::kParticle))) {
        role = role || is(s, Flag::kRole | Flag::kHonorific) || abbreviated_title(s);
        ++s;
    }
    if (s > e || (s > run_first && gap(s - 1, kHyphen))) return run_last;  // `Pas-de-Calais`
    // `Deputy Permanent Representative of …`, `Senior Legal Officer`: ordinary words before a
    // capitalised role are part of the title.
    for (std::uint32_t r = s + 1; r <= e && r - s <= 2 && !tok(r).cyrillic; ++r) {
        if (!is(r, Flag::kRole) || !has(r, kCap) || has(r, kAllCaps) || gap(r - 1, kHyphen)) continue;
        bool title = true;
        for (std::uint32_t k = s; k < r && title; ++k)
            title = !has(k, kAllCaps | kCountry) && !is(k, Flag::kParticle) &&
                    common_words.ordinary(tok(k).spelling_form(), tok(k).lang);
        if (!title) break;
        role = true;
        s = r + 1;
        while (s <= e && (bad_for_person(s) || is(s, Flag::kParticle))) ++s;
        break;
    }
    if (s > e) return run_last;
    // `Presiding Judge Hüseyin Özbay`, `Гражданин России Руслан Магомедов`: one or two capitalised
    // words, then a role or a country, then two words good for a name: the name is those two.
    for (std::uint32_t r = s + 1; r + 2 <= e && r - s <= 2; ++r) {
        if (bad_for_person(r - 1) || has(r, kInitial)) break;
        const bool qualifier_end = is(r, Flag::kRole | Flag::kHonorific) || has(r, kCountry);
        if (!qualifier_end || has(r, kAllCaps) || gap(r, kHyphen) || gap(r - 1, kHyphen)) continue;
        if (bad_for_person(r + 1) || bad_for_person(r + 2)) break;
        role = role || is(r, Flag::kRole | Flag::kHonorific);
        s = r + 1;
        break;
    }
    // `глава Ингушетии Юнус-Бек Евкуров`: after a role, the place it is held in, in the genitive,
    // then the name.
    if (e >= s + 2 && tok(s).cyrillic && s > 0 && is(s - 1, Flag::kRole) && !gap(s - 1, kBreak) &&
        cues::is_russian_genitive(tok(s).term) && !cues::has_name_ending(tok(s).term, true) &&
        (cues::has_name_ending(tok(e).term, true) || e - s == 2))
        ++s;
    // `2. Rencontrer les membres …`, `Rencontrer l’Équipe …`: a French infinitive opening an
    // instruction, before an article, is no name.
    if (s == run_first && has(s, kSentStart) && !tok(s).cyrillic && tok(s).lang == Lang::fr &&
        looks_infinitive(tok(s).term) && s + 1 < size() && joined(s) &&
        (has(s + 1, kElided) || (is(s + 1, Flag::kDeterminer | Flag::kFunction) && !has(s + 1, kCap))))
        ++s;
    if (s > e) return run_last;
    // `Интересы Шохруха представляет …`, `Напишу Дильноре`: an ordinary word opening the sentence, before
    // a name without a surname's ending, is the sentence's (`Вера Гончаренко`, `Лев Толстой` keep theirs).
    const auto oblique = [](std::string_view t) {  // (`Николя Леврат`: a nominative name stays whole)
        return ends_with(t, "а") || ends_with(t, "я") || ends_with(t, "у") || ends_with(t, "ю") ||
               ends_with(t, "е") || ends_with(t, "и") || ends_with(t, "ы");
    };
    if (s + 1 == e && s == run_first && has(s, kSentStart) && tok(s).cyrillic && tok(e).cyrillic &&
        !cues::has_name_ending(tok(s).term, true) && !cues::has_name_ending(tok(e).term, true) &&
        oblique(tok(e).term) &&
        common_words.ordinary(tok(s).spelling_form(), Lang::ru))
        ++s;
    // `Решения Токаева`: a sentence-initial verbal or abstract noun is not a first name.
    if (s < e && s == run_first && has(s, kSentStart) && tok(s).cyrillic && !gap(s, kHyphen) &&
        cues::is_russian_verbal_noun(tok(s).term))
        ++s;
    // `Yann Le Goff`, `Gwenaëlle Le Bihan-Sarr`: a capitalised article between two name words is the
    // surname's own.
    const auto surname_article = [&](std::uint32_t k) {
        const std::string& t = tok(k).term;
        return k < e && !tok(k).cyrillic && (t == "le" || t == "la") && has(k, kCap) &&
               !has(k, kSentStart | kAllCaps) && !bad_for_person(k + 1);
    };
    std::uint32_t cut = s;
    while (cut < e && (!bad_for_person(cut + 1) || (is(cut + 1, Flag::kParticle) && cut + 1 < e) ||
                       surname_article(cut + 1)))
        ++cut;
    if (cut < e && gap(cut, kHyphen)) return run_last;
    if (cut < e && is(cut + 1, Flag::kNonName | Flag::kOrgHead | Flag::kEvent)) return run_last;  // a title
    e = cut;
    while (e > s && is(e, Flag::kParticle)) --e;
    role = role || role_before(s);
    const bool place = s > 0 && !gap(s - 1, kBreak) && is(s - 1, Flag::kPlacePrep) &&
                       (!has(s - 1, kCap) || has(s - 1, kSentStart));  // `В Уральске`
    // Three Cyrillic words after a place are the place and a name (`из Москвы Алексей Горинов`); but
    // a surname before initials (`Ахметзянову Р. Ф.`) or before a first name and a patronymic
    // (`Нуриахметова Лейсан Маратовна`, `Пак Виктор Енгирович`) is a name written surname first.
    const auto surname_first = [&] {
        // (`Уважаемый Ильдус Маратович`: an ordinary adjective before the name is the letter's greeting;
        // `Цхадая Нино Гивиевна` is a surname shaped like one.)
        return (has(s + 1, kInitial) && has(e, kInitial)) ||
               (patronymic(e) && (cues::has_name_ending(tok(s).term, true) || !cues::is_russian_adjective(tok(s).term) ||
                                  !common_words.ordinary(tok(s).spelling_form(), Lang::ru)));
    };
    const bool cyrillic_three = tok(s).cyrillic && e - s == 2 && !patronymic(s + 1) && !has(s, kInitial) &&
                                !gap(s, kHyphen) && !gap(s + 1, kHyphen) && !surname_first();
    const bool weak_place = place && !role && !speech_before(s);  // `according to X` is no place
    std::uint32_t name_words = 0;  // particles aside: `to Ursula von der Leyen` is one name
    for (std::uint32_t k = s; k <= e; ++k) name_words += is(k, Flag::kParticle) ? 0 : 1;
    // (A Latin name of three words after a preposition is one name: `to Hsu Lei Yadanar`, `from Maria
    // Lopez Garcia`; English and French put a comma between a place and a name.)
    if ((weak_place && name_words >= 3 && tok(s).cyrillic) || cyrillic_three) ++s;  // `из Москвы Алексей Горинов`
    else if (weak_place && name_words < 3) return run_last;
    if (role && s == e && s > run_first && is(s - 1, Flag::kParticle) && !has(s - 1, kCap)) --s;  // `Me de Villeneuve`
    decide_person(s, e, role);
    return run_last;
}

/// `KONATÉ-BERTHIER Aïssata, Maison des journalistes`, `DEMBÉLÉ Boubacar Sidy`: a line (of a committee,
/// a list of members, an identity header) that opens with a surname in capitals, then one to three
/// given names, names a person surname first. The capitals are no acronym: not a word of the
/// language, a country, a cue or a company form.
bool EntityRecognizer::Impl::caps_surname_first(std::uint32_t s, std::uint32_t e) {
    constexpr std::uint32_t kNotSurname = Flag::kNotOrgAcronym | Flag::kOrgHead | Flag::kRole | Flag::kHonorific |
                                          Flag::kFunction | Flag::kCompanyForm | Flag::kField | Flag::kMonth;
    const bool line_start = has(s, kSentStart) || (s > 0 && (gap(s - 1, kBreak) ||
                                                              gap_text(s - 1).find('\n') != std::string_view::npos));
    if (!line_start) return false;
    std::uint32_t c = s;
    while (c <= e && has(c, kAllCaps) && !has(c, kCountry | kInitial | kShout) && letter_count(word(c)) >= 2 &&
           !is(c, kNotSurname) && (c == s || gap(c - 1, kHyphen)))
        ++c;
    // (A word of the language in capitals may be a heading's; a double surname is not: `LAMBERT-OKOYE`.)
    if (c == s + 1 && common_words.ordinary(tok(s).spelling_form(), tok(s).cyrillic ? Lang::ru : tok(s).lang))
        return false;
    if (c == s || c > e || e - c >= 3 || !has(c - 1, kAllCaps) || gap(c - 1, kHyphen)) return false;
    // (`SSP Moses Ochen-Kaweesa`, `PO Box`, `COI Focus`: a rank or an acronym has no vowel, two
    // letters, or ordinary words after it.)
    const auto vowel = [](UChar32 ch) {
        const UChar32 base = u_tolower(ch);
        return u_strchr(u"aeiouyàâäéèêëîïôöùûüÿаеёиоуыэюя", static_cast<UChar>(base)) != nullptr;
    };
    for (std::uint32_t k = s; k < c; ++k) {
        const std::string_view w = word(k);
        bool has_vowel = false;
        for (std::size_t b = 0; b < w.size() && !has_vowel;) has_vowel = vowel(next_code_point(w, b));
        if (!has_vowel || letter_count(w) < 3) return false;
    }
    for (std::uint32_t k = c; k <= e; ++k)
        if (!has(k, kCap) || has(k, kAllCaps | kInitial) || bad_for_person(k)) return false;
    return !ordinary_words(c, e);
}

/// Weighs the evidence for the name [s, e] and reports it, or keeps a lone word pending.
void EntityRecognizer::Impl::decide_person(std::uint32_t s, std::uint32_t e, bool role) {
    std::uint32_t words = 0;
    bool morphology = false;
    for (std::uint32_t k = s; k <= e; ++k) {
        if (!has(k, kInitial) && !is(k, Flag::kParticle)) ++words;
        morphology = morphology || cues::has_name_ending(tok(k).term, tok(k).cyrillic);
    }
    if (words == 0) return;
    const bool speech = speech_after(e) || speech_before(s);
    // `Pont-Sondé`, `Saint-Denis`: two capitalised halves of one hyphenated word, with nothing that
    // says person, are a place more often than a first name alone.
    // (It is a surname when a full name of the document ends with it: see resolve_pending.)
    if (e == s + 1 && gap(s, kHyphen) && !role && !speech) {
        pending_pairs.push_back(s);
        return;
    }
    if (e > s && words <= 4) {
        if (!role && !speech && ordinary_words(s, e)) return;
        emit(EntityKind::person, s, e);
        check_acronym_definition(s, e);
        for (std::uint32_t k = s; k <= e; ++k)
            if (!has(k, kInitial)) person_keys.insert(cues::word_key(tok(k).term, tok(k).cyrillic));
    } else if (words == 1 && tok(s).cyrillic && joined(e) && e + 1 < size() && !has(e + 1, kCap) &&
               is(e + 1, Flag::kNonName)) {
        return;  // `Мангистауской области`: the adjective of a region or town, not a surname
    } else if (words == 1 && (role || (morphology && (!has(s, kSentStart) || speech)) ||
                              (!gap(e, kComma) && speech_after(e) && !plural_subject(e) &&
                               !lower_seen.count(tok(s).term) &&
                               !(s > 0 && is(s - 1, Flag::kPlacePrep))))) {
        // `Zhovtis said`, `Токаев заявил`: a lone capitalised word that speaks is a person, unless
        // the document also writes it in lower case (`Police said` where `police` occurs).
        emit(EntityKind::person, s, e);
    } else if (words == 1) {
        pending.push_back(s);
    }
}

/// True when every word of [s, e] is an ordinary word of its language with no cue against a name's
/// (`Foreign Affairs`, `Defence`: the portfolios listed before a committee's head).
bool EntityRecognizer::Impl::ordinary_run(std::uint32_t s, std::uint32_t e) {
    for (std::uint32_t k = s; k <= e; ++k)
        if (tok(k).cyrillic || has(k, kAllCaps | kInitial | kCountry | kQuoted) ||
            is(k, Flag::kRole | Flag::kHonorific | Flag::kFunction | Flag::kMonth | Flag::kLegal) ||
            !common_words.ordinary(tok(k).spelling_form(), tok(k).lang))
            return false;
    return true;
}

/// `Salt Road`, `Captured Screens`, `Conflict Armament Research`, `Cités Unies`: Latin words that are
/// all ordinary words of the text's language (Hunspell's, and not also a first name or a place the
/// dictionary writes capitalised, as `Mark` or `Jean`) name a place, a work or a body, not a person.
/// (Only the text's language: `Ceci Flores` is two French words, and a Mexican's name in English.)
/// Cyrillic names are left alone: Russian surnames are often ordinary words (`Волков`, `Кузнецов`).
bool EntityRecognizer::Impl::ordinary_words(std::uint32_t s, std::uint32_t e) {
    for (std::uint32_t k = s; k <= e; ++k) {
        if (tok(k).cyrillic || has(k, kInitial | kAllCaps)) return false;
        if (is(k, Flag::kParticle)) continue;
        if (!common_words.ordinary(tok(k).spelling_form(), tok(k).lang)) return false;
    }
    return true;
}

/// True when the English speech verb after @p e agrees with a plural subject (`Relatives say`): a bare
/// present form, neither `says` nor a past tense.
bool EntityRecognizer::Impl::plural_subject(std::uint32_t e) {
    std::uint32_t j = e + 1;
    if (j < size() && is(j, Flag::kAuxiliary) && !has(j, kCap) && joined(j)) return tok(j).term == "have";
    if (j >= size() || tok(j).cyrillic || tok(j).lang == Lang::fr || !is(j, Flag::kSpeech)) return false;
    const std::string& t = tok(j).term;
    return t.back() != 's' && !ends_with(t, "ed") && t != "said" && t != "told" && t != "wrote";
}

void EntityRecognizer::Impl::resolve_pending() {
    for (std::uint32_t i : pending_pairs) {
        if (has(i, kUsed) || has(i + 1, kUsed)) continue;
        if (person_keys.count(cues::word_key(tok(i).term, tok(i).cyrillic)) &&
            person_keys.count(cues::word_key(tok(i + 1).term, tok(i + 1).cyrillic)))
            emit(EntityKind::person, i, i + 1);
    }
    for (std::uint32_t i : pending) {
        if (has(i, kUsed)) continue;
        if (person_keys.count(cues::word_key(tok(i).term, tok(i).cyrillic))) emit(EntityKind::person, i, i);
    }
}

// ---------------------------------------------------------------------------------------------------
// Acronyms

/// True when @p acronym's letters are a subsequence of the initials of [s, e], starting with the first.
bool EntityRecognizer::Impl::initials_match(std::uint32_t s, std::uint32_t e, std::string_view acronym) {
    std::size_t a = 0;
    UChar32 letter = next_code_point(acronym, a);
    if (initial_letter(word(s), info[s].skip) != letter) return false;
    for (std::uint32_t k = s; k <= e && letter >= 0; ++k) {
        if (initial_letter(word(k), info[k].skip) != letter) continue;
        letter = next_code_point(acronym, a);
    }
    return letter < 0;
}

/// `Full Name (ACR)` and `ACR (Full Name)`: records the acronym on the mention just reported for [s, e]
/// (turning a person-looking expansion into an organisation when the initials match).
void EntityRecognizer::Impl::check_acronym_definition(std::uint32_t s, std::uint32_t e) {
    Mention& m = found.back();
    std::uint32_t a = kUnlooked;
    if (gap(e, kOpenParen) && e + 1 < size() && has(e + 1, kAllCaps) && gap(e + 1, kCloseParen)) a = e + 1;
    else if (s > 0 && has(s - 1, kAllCaps) && gap(s - 1, kOpenParen) && gap(e, kCloseParen)) a = s - 1;
    if (a == kUnlooked) return;
    const std::string acronym(word(a));
    if (m.kind == EntityKind::person) {
        if (!initials_match(s, e, acronym)) return;
        m.kind = EntityKind::organisation;
    }
    m.acronym = acronym;
    defined.emplace(acronym, acronym);
    info[a].shape |= kUsed;
}

/// `Европейскую службу внешних действий (ЕСВД)`, `l’Action des chrétiens pour l’abolition de la
/// torture (ACAT-France)`, `Комитет ООН по экономическим, социальным и культурным правам (КЭСКП)`: the
/// words before an acronym in brackets whose initials spell it, in order, every other word being a
/// function word or another acronym, name an organisation, whatever the rules above made of them.
void EntityRecognizer::Impl::define_by_initials() {
    constexpr std::uint32_t kMaxSpan = 14;
    for (std::uint32_t a = 1; a < size(); ++a) {
        if (!has(a, kAllCaps) || has(a, kCountry | kShout) || !gap(a - 1, kOpenParen)) continue;
        if (!gap(a, kCloseParen) && !(gap(a, kHyphen) && a + 1 < size() && gap(a + 1, kCloseParen))) continue;
        std::vector<UChar32> letters;
        const std::string_view acronym = word(a);
        for (std::size_t b = 0; b < acronym.size();) letters.push_back(next_code_point(acronym, b));
        if (letters.size() < 2 || letters.size() > 8) continue;
        const std::uint32_t p = a - 1;
        std::uint32_t best = kUnlooked;
        int best_unmatched = 0;
        for (std::uint32_t s = p + 1; s-- > 0 && p - s < kMaxSpan;) {
            if (s < p && (tok(s).paragraph != tok(p).paragraph || (gap(s, kBreak) && !gap(s, kComma)))) break;
            std::size_t next = 0;
            bool ok = true, any_name = false;
            int unmatched = 0;  // one word may be left out of the acronym (`CNARR`: `… et des rapatriés`)
            for (std::uint32_t k = s; k <= p && ok; ++k) {
                const bool filler = (!has(k, kCap) && is(k, Flag::kFunction | Flag::kConnector | Flag::kDeterminer)) ||
                                    (has(k, kAllCaps) && k != s);
                if (filler) continue;
                if (next == letters.size() && has(k, kCountry)) continue;  // `… autonomes du Bénin (CSA-Bénin)`
                const bool match = next < letters.size() && initial_letter(word(k), info[k].skip) == letters[next];
                if (!match && k > s && unmatched == 0) {
                    ++unmatched;
                    continue;
                }
                ok = match;
                ++next;
                any_name = any_name || !has(k, kCountry);
            }
            // The span opens with the word of the first letter (not `of Education, the Philippine
            // National Police` for PNP, a connector and a word left out). A longer span wins only when it
            // leaves out no more words (not `Aid and the Association of Central Asian Migrants` for ACAM).
            if (ok && next == letters.size() && any_name && initial_letter(word(s), info[s].skip) == letters[0] &&
                !is(s, Flag::kFunction | Flag::kDeterminer | Flag::kConnector) &&
                letters.size() > static_cast<std::size_t>(2 * unmatched) &&
                (best == kUnlooked || unmatched <= best_unmatched)) {
                best = s;
                best_unmatched = unmatched;
            }
            if (next > letters.size()) break;
        }
        if (best == kUnlooked) continue;
        std::erase_if(found, [&](const Mention& m) { return m.last_token >= best && m.first_token <= p; });
        Mention& m = emit(EntityKind::organisation, best, p);
        m.acronym = std::string(acronym);
        defined.emplace(m.acronym, m.acronym);
        info[a].shape |= kUsed;
    }
}

void EntityRecognizer::Impl::resolve_acronyms() {
    // `PHP 1,250,000`, `450 000 KGS`: a currency's code next to an amount; once seen so, it is that
    // currency everywhere in the text (`a financial report in GBP`).
    auto next_to_amount = [&](std::uint32_t i) {
        return (joined(i) && i + 1 < size() && starts_with_digit(tok(i + 1).term)) ||
               (i > 0 && joined(i - 1) && starts_with_digit(tok(i - 1).term));
    };
    std::set<std::string_view> currencies;
    for (std::uint32_t i : acronyms)
        if (is_currency_code(word(i)) && next_to_amount(i)) currencies.insert(word(i));
    // `Adv. Rehana Cassim-Botha SC`, `PC Jade Wrixon`: letters written right after or before a
    // person's name are a post-nominal or a rank, not a body.
    std::set<std::uint32_t> next_to_person;
    for (const Mention& m : found) {
        if (m.kind != EntityKind::person) continue;
        if (m.first_token > 0 && joined(m.first_token - 1) && gap_text(m.first_token - 1) == " ")
            next_to_person.insert(m.first_token - 1);
        if (joined(m.last_token) && gap_text(m.last_token) == " ") next_to_person.insert(m.last_token + 1);
    }
    const auto regional = [](std::string_view a) {  // `Вологодское`, `Пермского`, `Карельский`
        const std::size_t at = std::max<std::size_t>(a.size(), 10) - 10;
        return cues::is_russian_adjective(a) &&
               (a.find("ск", at) != std::string_view::npos || a.find("цк", at) != std::string_view::npos);
    };
    for (std::uint32_t i : acronyms) {
        if (has(i, kUsed | kCountry | kClaimed | kShout)) continue;
        const std::string_view w = word(i);
        if (person_keys.count(cues::word_key(tok(i).term, tok(i).cyrillic))) {  // `MARSH:` speaker label
            emit(EntityKind::person, i, i);
            continue;
        }
        const bool label = has(i, kSentStart) && colon_after(i);
        if (label) continue;
        // `Совет … РЕШИЛ:`, `THE COMMITTEE DECIDES:`: a word of the language in capitals before a colon
        // opens the operative part.
        if (colon_after(i) && letter_count(w) >= 4 && !defined.count(std::string(w)) &&
            common_words.ordinary(tok(i).spelling_form(), tok(i).cyrillic ? Lang::ru : tok(i).lang))
            continue;
        // `SHA-256`, `exhibit SI/1`: a code with its number.
        if (i + 1 < size() && starts_with_digit(tok(i + 1).term) && (gap_text(i) == "-" || gap_text(i) == "/")) continue;
        // `№ 76 АА 0418832`: a series code between numbers.
        if (i > 0 && i + 1 < size() && joined(i - 1) && joined(i) && starts_with_digit(tok(i - 1).term) &&
            starts_with_digit(tok(i + 1).term))
            continue;
        const std::size_t letters = letter_count(w);
        const bool is_defined = defined.count(std::string(w)) > 0;
        // (`francs CFA`: a currency named after its unit.)
        const bool amount = currencies.count(w) > 0 ||
                            (i > 0 && joined(i - 1) && (tok(i - 1).term == "franc" || tok(i - 1).term == "francs"));
        if (!is_defined && letters <= 3 && !tok(i).cyrillic && next_to_person.count(i)) continue;
        const bool looks_like_org = letters >= 2 && letters <= 8 && !is_roman_numeral(w) && !amount &&
                                    !is(i, Flag::kNotOrgAcronym | Flag::kFunction | Flag::kMonth);
        if (!is_defined && !looks_like_org) continue;
        // `RIGHTS` in a heading is the word `rights` of the text, not an acronym; short words in
        // capitals may well be acronyms (`WHO`, `UN` in French text).
        if (!is_defined && letters >= 5 && lower_seen.count(tok(i).term)) continue;
        // `I. LES FAITS`, `QUESTION POSÉE`: a word of the language next to other capitals is a heading's.
        // (`I. CONTEXTE`: a section's Roman number opening the line counts as such a neighbour.)
        const bool section_number = i > 0 && is_roman_numeral(word(i - 1)) && gap_text(i - 1).rfind(".", 0) == 0 &&
                                    (i == 1 || gap_text(i - 2).find('\n') != std::string_view::npos);
        const bool caps_neighbour = (i > 0 && joined(i - 1) && has(i - 1, kAllCaps) && !has(i - 1, kInitial)) ||
                                    (joined(i) && i + 1 < size() && has(i + 1, kAllCaps)) || section_number;
        if (!is_defined && letters >= 4 && caps_neighbour &&
            common_words.ordinary(tok(i).spelling_form(), tok(i).cyrillic ? Lang::ru : tok(i).lang))
            continue;
        // `VU`, `PROPOSE`, `DEMANDE` opening the clauses of a resolution: words of the text's language in
        // capitals, not bodies (an acronym the text defines stays one, and so does one inside a sentence:
        // `the group WITNESS`).
        // (`ИТОГО:` likewise, from four letters on: Russian acronyms of three letters are often words.)
        if (!is_defined && has(i, kSentStart) && (!tok(i).cyrillic || letters >= 4) &&
            common_words.ordinary(tok(i).spelling_form(), tok(i).cyrillic ? Lang::ru : tok(i).lang))
            continue;
        std::uint32_t e = i;
        // `ГУ МВД России`, `УВМ МВД`, `ГСУ СК`: a Russian department's acronym before its parent's is
        // one name (the department of that body).
        constexpr std::uint32_t kMaxChainedAcronyms = 3;
        while (tok(i).cyrillic && e - i + 1 < kMaxChainedAcronyms && joined(e) && e + 1 < size() &&
               tok(e + 1).cyrillic && has(e + 1, kAllCaps) && !has(e + 1, kUsed | kCountry | kShout) &&
               letter_count(word(e + 1)) >= 2 && gap_text(e) == " ")
            ++e;
        const std::string acronym = e == i ? std::string(w) : surface(i, e);
        // `ГУВД Ташкента`, `МВД России`: a Russian acronym with the place it serves, in the genitive.
        const std::uint32_t n = e + 1;
        if (tok(i).cyrillic && joined(e) && n < size() && tok(n).cyrillic && has(n, kCap) && !has(n, kAllCaps | kShout) &&
            cues::is_russian_genitive(tok(n).term) && !cues::has_name_ending(tok(n).term, true) &&
            !(joined(n) && n + 1 < size() && has(n + 1, kCap) && !has(n + 1, kCountry))) {
            e = n;
            // `МВД Республики Узбекистан`: the country's name after `Республики`.
            while (joined(e) && e + 1 < size() && has(e + 1, kCountry) && e + 1 - n <= 2) ++e;
            std::erase_if(found, [&](const Mention& m) { return m.first_token >= n && m.last_token <= e; });
        }
        // `МВД по Республике Ингушетия`, `ОМВД России по району Кузьминки`: a branch named by the area it
        // serves, after `по`.
        if (tok(i).cyrillic) {
            if (const std::uint32_t end = area_after_po(e); end != kUnlooked) {
                std::erase_if(found, [&](const Mention& m) { return m.first_token > i && m.last_token <= end; });
                e = end;
            }
        }
        // `Вологодское УФАС`: a region's adjective before a territorial office's acronym names that office.
        if (tok(i).cyrillic && i > 0 && joined(i - 1) && capital(i - 1) && tok(i - 1).cyrillic &&
            !has(i - 1, kAllCaps | kUsed | kCountry | kQuoted | kSentStart) && regional(tok(i - 1).term) &&
            !is(i - 1, Flag::kFunction | Flag::kRole)) {
            emit(EntityKind::organisation, i - 1, e);
            continue;
        }
        emit(EntityKind::organisation, i, e).acronym = acronym;
    }
}

// ---------------------------------------------------------------------------------------------------
// Lists

// `Matthias Egloff – Neue Zürcher Zeitung, Switzerland`: in a line that runs person, dash, name,
// comma, country and ends, the name between the dash and the country is where the person works
// (lists of participants, accreditations, signatories), so it is an organisation, whatever the
// rules made of its words.
void EntityRecognizer::Impl::affiliation_columns() {
    constexpr std::uint32_t kMaxAffiliation = 6;
    const auto line_end = [&](std::uint32_t k) { return k + 1 == size() || gap_text(k).find('\n') != std::string_view::npos; };
    std::vector<Mention> persons;
    for (const Mention& m : found)
        if (m.kind == EntityKind::person) persons.push_back(m);
    for (const Mention& person : persons) {
        const std::uint32_t c = person.last_token + 1;
        if (c >= size() || line_end(person.last_token) || !dash_after(person.last_token) || !capital(c)) continue;
        // The affiliation: capitalised words, particles and numbers up to a comma.
        std::uint32_t d = c;
        while (d - c < kMaxAffiliation && !line_end(d) && (joined(d) || gap(d, kHyphen)) && d + 1 < size()) ++d;
        if (d - c >= kMaxAffiliation || line_end(d) || gap_text(d).find(',') == std::string_view::npos ||
            has(c, kCountry))
            continue;
        // Then only a country to the line's end.
        std::uint32_t k = d + 1;
        while (k < size() && has(k, kCountry) && !line_end(k)) ++k;
        if (k >= size() || !has(k, kCountry) || !line_end(k)) continue;
        bool organisation = false;
        for (const Mention& m : found)
            organisation = organisation || (m.kind == EntityKind::organisation && m.first_token >= c && m.last_token <= d);
        if (organisation) continue;
        std::erase_if(found, [&](const Mention& m) {
            return m.kind != EntityKind::country && m.first_token >= c && m.last_token <= d;
        });
        emit(EntityKind::organisation, c, d);
    }
}

/// A block of three or more short lines, one name each (signatories of a letter, members of a
/// coalition), names things of one kind: when most of its names are organisations by the rules above,
/// the others are too (`Alarm Phone`, `Avocats sans frontières`, `Terre d’Asile Tunisie` under
/// `Forum tunisien pour les droits économiques et sociaux (FTDES)`), and a person read there is one.
void EntityRecognizer::Impl::lists_share_kind() {
    constexpr std::uint32_t kMaxLineTokens = 12;
    constexpr std::size_t kMinLines = 3;
    struct Line {
        std::uint32_t first, last;  // last: before a bracketed acronym that ends the line
        bool name;
        bool acronym = false;  ///< the line is one acronym (`CFDT`, `CFE-CGC`), which a heading check took for a title
    };
    // `Signataires :\nCFDT\nCFE-CGC\nCFTC`: a line of one acronym, not a word of the language.
    const auto acronym_line = [&](std::uint32_t i, std::uint32_t j) {
        if (j > i + 1 || (j == i + 1 && !gap(i, kHyphen))) return false;
        for (std::uint32_t k = i; k <= j; ++k) {
            const std::size_t letters = letter_count(word(k));
            if (!has(k, kAllCaps) || has(k, kCountry) || letters < 2 || letters > 6 || is_roman_numeral(word(k)) ||
                is(k, Flag::kNotOrgAcronym) || common_words.ordinary(tok(k).spelling_form(), tok(k).lang))
                return false;
        }
        return true;
    };
    std::vector<Line> lines;
    for (std::uint32_t i = 0; i < size();) {
        std::uint32_t j = i;
        while (j + 1 < size() && gap_text(j).find('\n') == std::string_view::npos) ++j;
        Line line{i, j, has(i, kCap) && !has(i, kShout)};
        if (!line.name && acronym_line(i, j)) line.name = line.acronym = true;
        // (`… Конгресса США (Хельсинкской комиссии)`: a short name in brackets ends the line.)
        for (std::uint32_t k = j; line.name && k > i && j - k < 4 && gap(j, kCloseParen); --k) {
            if (gap(k - 1, kOpenParen)) {
                line.last = k - 1;
                break;
            }
        }
        if (line.last + 1 - line.first > kMaxLineTokens) line.name = false;
        // Only spaces, hyphens, apostrophes, quotes and `&` inside a name, nothing after it but the
        // line's end (a colon makes a label, a full stop a sentence).
        for (std::uint32_t k = i; line.name && k <= line.last; ++k) {
            const std::string_view after = k < line.last ? gap_text(k) : gap_text(k).substr(0, gap_text(k).find('\n'));
            for (char c : after)
                if (c == ',' || c == '.' || c == ':' || c == ';' || c == '!' || c == '?') line.name = false;
        }
        if (line.last < line.first) line.name = false;
        lines.push_back(line);
        i = j + 1;
    }
    const auto covering = [&](const Line& line, EntityKind kind) {
        for (std::size_t m = 0; m < found.size(); ++m)
            if (found[m].kind == kind && found[m].first_token == line.first && found[m].last_token >= line.last) return true;
        return false;
    };
    for (std::size_t b = 0; b < lines.size();) {
        std::size_t e = b;
        while (e < lines.size() && lines[e].name && tok(lines[e].first).paragraph == tok(lines[b].first).paragraph) ++e;
        if (e - b < kMinLines) {
            b = std::max(e, b + 1);
            continue;
        }
        std::size_t organisations = 0, persons = 0;
        for (std::size_t l = b; l < e; ++l) {
            if (covering(lines[l], EntityKind::organisation) || lines[l].acronym) ++organisations;
            else if (covering(lines[l], EntityKind::person)) ++persons;
        }
        if (organisations >= 2 && organisations > 2 * persons) {
            for (std::size_t l = b; l < e; ++l) {
                const Line& line = lines[l];
                if (covering(line, EntityKind::organisation)) continue;
                bool country = true;
                for (std::uint32_t k = line.first; k <= line.last; ++k) country = country && has(k, kCountry);
                if (country) continue;
                // What the rules made of the line's words gives way to the one name.
                std::erase_if(found, [&](const Mention& m) {
                    return m.kind != EntityKind::country && m.first_token >= line.first && m.last_token <= line.last;
                });
                emit(EntityKind::organisation, line.first, line.last);
            }
        }
        b = e;
    }
}

/// `Klang Valley Nitrile did not respond`: a company named once in full with its legal form (`Klang
/// Valley Nitrile Sdn Bhd`) is named again without it. A person read from the first two or more words
/// of such a name is the company.
void EntityRecognizer::Impl::company_short_forms() {
    // `Финпола (Службы по борьбе с экономическими преступлениями)`: a lone word read as a person and
    // defined at once by an organisation's name in brackets is that organisation's short name.
    for (Mention& m : found) {
        if (m.kind != EntityKind::person || m.first_token != m.last_token || !gap(m.last_token, kOpenParen)) continue;
        for (const Mention& o : found) {
            if (o.kind == EntityKind::organisation && o.first_token == m.last_token + 1 && o.last_token > o.first_token &&
                gap(o.last_token, kCloseParen)) {
                m.kind = EntityKind::organisation;
                m.full_name = o.surface;
                break;
            }
        }
    }
    // `the National Institute of Legal Medicine and Forensic Sciences (Medicina Legal)`: a name read as
    // a person, alone in brackets right after an organisation's name, is that organisation's other name.
    for (Mention& m : found) {
        if (m.kind != EntityKind::person || m.first_token == 0 || !gap(m.first_token - 1, kOpenParen) ||
            !gap(m.last_token, kCloseParen))
            continue;
        for (const Mention& o : found) {
            if (o.kind == EntityKind::organisation && o.last_token + 1 == m.first_token && o.last_token > o.first_token) {
                m.kind = EntityKind::organisation;
                m.full_name = o.surface;
                break;
            }
        }
    }
    std::vector<std::pair<std::uint32_t, std::uint32_t>> companies;  // first token, last before the form
    std::vector<std::string> full;
    for (const Mention& m : found) {
        if (m.kind != EntityKind::organisation || !is(m.last_token, Flag::kCompanyForm)) continue;
        std::uint32_t core = m.last_token;
        while (core > m.first_token && is(core, Flag::kCompanyForm)) --core;
        if (core == m.first_token) continue;
        companies.emplace_back(m.first_token, core);
        full.push_back(m.surface);
    }
    for (Mention& m : found) {
        if (m.kind != EntityKind::person || m.last_token == m.first_token) continue;
        for (std::size_t c = 0; c < companies.size(); ++c) {
            const auto [first, core] = companies[c];
            const std::uint32_t n = m.last_token - m.first_token;
            if (n > core - first) continue;
            bool same = true;
            for (std::uint32_t k = 0; k <= n && same; ++k) same = tok(m.first_token + k).term == tok(first + k).term;
            if (!same) continue;
            m.kind = EntityKind::organisation;
            m.full_name = full[c];
            break;
        }
    }
}

// ---------------------------------------------------------------------------------------------------
// Output

std::string EntityRecognizer::Impl::surface(std::uint32_t s, std::uint32_t e) const {
    std::string out;
    for (std::uint32_t k = s; k <= e; ++k) {
        out += written_word(word(k), info[k].skip, k == s, k == e);
        if (has(k, kInitial) && text.substr(tok(k).end, 1) == ".") out += '.';
        if (k == e) break;
        const std::string_view between = gap_text(k);
        // An abbreviation inside a name keeps its dot (`суд г. Казани`).
        if (!has(k, kInitial) && (between.rfind(". ", 0) == 0 || between.rfind(".,", 0) == 0)) out += '.';
        if (gap(k, kHyphen)) {
            out += between;
            continue;
        }
        if (gap(k, kComma)) out += ',';  // `ministère de la Solidarité, de l’Insertion sociale …`
        if (between.find('&') != std::string_view::npos) {  // `Haddon & Vale Solicitors`
            out += " & ";
            continue;
        }
        if (between.find("\u2116") != std::string_view::npos) {  // `инспекция … № 16`
            out += " \u2116 ";
            continue;
        }
        if (!between.empty() && between[0] == '\'') out += '\'';  // `Lawyers' Association`
        else if (between.substr(0, 3) == "\u2019") out += "\u2019";
        out += ' ';
    }
    return out;
}

/// An organisation from token @p s to the quoted name closing at token @p q, as written: quotation marks
/// and `№` included (`ГАУЗ «Городская больница № 16»`, `Казанский центр «Опора»`).
void EntityRecognizer::Impl::emit_through_quote(std::uint32_t s, std::uint32_t q) {
    Mention& m = emit(EntityKind::organisation, s, q);
    m.end = quoted_end_byte(q);
    m.surface = std::string(text.substr(m.start, m.end - m.start));
}

Mention& EntityRecognizer::Impl::emit(EntityKind kind, std::uint32_t s, std::uint32_t e) {
    Mention& m = found.emplace_back();
    m.kind = kind;
    m.surface = surface(s, e);
    m.start = tok(s).start + info[s].skip;
    m.end = tok(e).end;
    m.first_token = s;
    m.last_token = e;
    for (std::uint32_t k = s; k <= e; ++k) info[k].shape |= kUsed;
    return m;
}

// ---------------------------------------------------------------------------------------------------
// Public API

EntityRecognizer::EntityRecognizer() : impl_(std::make_unique<Impl>()) {}
EntityRecognizer::~EntityRecognizer() = default;

void EntityRecognizer::add_known(const std::vector<KnownEntity>& entities) {
    if (!impl_->analyzer) impl_->analyzer = std::make_unique<Analyzer>();
    std::vector<Token> tokens;
    for (const KnownEntity& entity : entities) {
        std::string acronym;
        if (entity.kind == EntityKind::organisation)
            for (const std::string& alias : entity.aliases)
                if (acronym.empty() && is_acronym_text(alias)) acronym = alias;
        std::vector<std::string> spellings = entity.aliases;
        spellings.push_back(entity.name);
        for (const std::string& spelling : spellings) {
            tokens.clear();
            impl_->analyzer->analyze(spelling, Lang::unknown, tokens);
            if (tokens.empty()) continue;
            KnownPattern pattern;
            pattern.kind = entity.kind;
            pattern.acronym = is_acronym_text(spelling) && entity.kind == EntityKind::organisation ? spelling : acronym;
            for (const Token& t : tokens) pattern.keys.emplace_back(known_key(t));
            impl_->known.push_back(std::move(pattern));
        }
    }
    impl_->known_by_first.clear();
    for (std::uint32_t p = 0; p < impl_->known.size(); ++p)
        impl_->known_by_first[impl_->known[p].keys.front()].push_back(p);
    for (auto& [first, list] : impl_->known_by_first)
        std::stable_sort(list.begin(), list.end(), [&](std::uint32_t a, std::uint32_t b) {
            return impl_->known[a].keys.size() > impl_->known[b].keys.size();
        });
}

void EntityRecognizer::recognize(std::string_view text, const std::vector<Token>& tokens,
                                 const std::vector<Mention>& countries, std::vector<Mention>& out) {
    Impl& r = *impl_;
    r.prepare(text, tokens, countries);
    r.match_known();
    r.find_candidates();
    r.resolve_pending();
    r.define_by_initials();
    r.resolve_acronyms();
    r.lists_share_kind();
    r.affiliation_columns();
    r.company_short_forms();
    std::stable_sort(r.found.begin(), r.found.end(),
                     [](const Mention& a, const Mention& b) { return a.start < b.start; });
    for (Mention& m : r.found) out.push_back(std::move(m));
}

// ---------------------------------------------------------------------------------------------------
// The entities file

namespace {

[[noreturn]] void fail(const std::string& path, std::size_t entry, const std::string& what) {
    throw std::runtime_error(path + ": entry " + std::to_string(entry) + ": " + what);
}

KnownEntity parse_entity(const nlohmann::json& j, const std::string& path, std::size_t entry) {
    if (!j.is_object()) fail(path, entry, "must be an object with \"name\" and \"kind\"");
    KnownEntity e;
    const auto name = j.find("name");
    if (name == j.end() || !name->is_string() || name->get<std::string>().empty())
        fail(path, entry, "\"name\" must be a non-empty string");
    e.name = name->get<std::string>();
    const auto kind = j.find("kind");
    const std::string k = kind != j.end() && kind->is_string() ? kind->get<std::string>() : "";
    if (k == "person") e.kind = EntityKind::person;
    else if (k == "organisation" || k == "organization") e.kind = EntityKind::organisation;
    else fail(path, entry, "\"kind\" must be \"person\" or \"organisation\"");
    const auto aliases = j.find("aliases");
    if (aliases == j.end()) return e;
    if (!aliases->is_array()) fail(path, entry, "\"aliases\" must be an array of strings");
    for (const auto& a : *aliases) {
        if (!a.is_string()) fail(path, entry, "\"aliases\" must be an array of strings");
        if (!a.get<std::string>().empty()) e.aliases.push_back(a.get<std::string>());
    }
    return e;
}

}  // namespace

std::vector<KnownEntity> load_known_entities(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(path + ": cannot open the entities file");
    nlohmann::json root;
    try {
        root = nlohmann::json::parse(in);
    } catch (const nlohmann::json::parse_error& e) {
        throw std::runtime_error(path + ": not valid JSON: " + e.what());
    }
    if (!root.is_array()) throw std::runtime_error(path + ": must hold a JSON array of entities");
    std::vector<KnownEntity> out;
    for (std::size_t i = 0; i < root.size(); ++i) out.push_back(parse_entity(root[i], path, i + 1));
    return out;
}

}  // namespace agora
