/** @file @brief agora-bench-gen: reproducible en/ru/fr JSONL benchmark collection and queries.
 *
 *  Every random choice comes from std::mt19937_64, whose output the C++ standard fixes, through the
 *  integer-only samplers below (no std::*_distribution, no floating point): the same arguments give
 *  byte-identical files with any compiler and standard library.
 *
 *  The text is built from per-language grammars over small hand-written lexicons (stems plus
 *  inflection), words drawn with a Zipf law, plus names, countries, dates, numbers, punctuation,
 *  quotes, elisions and about 1% rare or misspelt words, so that its statistics (function words,
 *  long tail, inflection) look like real prose to an indexer.
 *
 *  `--from-folder DIR` instead wraps the .txt/.md/.html/.htm/.jsonl files of a folder into JSONL
 *  (for the Xapian baseline) and samples a query set from their text.
 *
 *  `--query-mix N` also writes query-mix.tsv, N queries per kind and language tagged
 *  `kind<TAB>lang<TAB>query` (for bench/scale.sh), from a random stream of its own: queries.txt
 *  and the documents are the same with or without it.
 */

#include <algorithm>
#include <array>
#include <boost/program_options.hpp>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <regex>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace po = boost::program_options;
namespace fs = std::filesystem;
using OrderedJson = nlohmann::ordered_json;

namespace {

// ---- Named constants
// -----------------------------------------------------------------------------

constexpr std::uint64_t kDefaultDocs = 50000;
constexpr std::uint64_t kDefaultSeed = 42;
constexpr std::uint64_t kDefaultFiles = 50;
constexpr std::uint64_t kDefaultQueries = 300;

/// Document length in words: kMinWords + kWordSpread * u^2 (u uniform in [0,1)), mean ≈ 300.
constexpr std::size_t kMinWords = 150;
constexpr std::size_t kMaxWords = 600;
constexpr std::uint64_t kWordSpread = 430;
constexpr std::uint64_t kUnitBits = 20;  ///< resolution of u in the length formula
constexpr std::size_t kMinTitleWords = 5;
constexpr std::size_t kMaxTitleWords = 10;
constexpr int kMinParagraphSentences = 3;
constexpr int kMaxParagraphSentences = 9;
constexpr int kSentenceRetries = 8;
constexpr int kHeadlineRetries = 40;

/// Per-mille chance that a content word becomes a misspelling or a rare word (≈1% of all words).
constexpr unsigned kTypoPerMille = 18;
constexpr std::size_t kMinTypoLength = 4;

/// Zipf–Mandelbrot weights kZipfScale / (rank + offset), integers only.
constexpr std::uint64_t kZipfScale = 1ULL << 32;
constexpr std::uint64_t kZipfOffsetContent = 3;
constexpr std::uint64_t kZipfOffsetSmall = 1;

constexpr int kFirstYear = 2000;
constexpr int kLastYear = 2024;

/// The query sampler uses its own engine so that the documents do not depend on it.
constexpr std::uint64_t kQuerySeedSalt = 0x9e3779b97f4a7c15ULL;
/// --query-mix samples with yet another engine, so that queries.txt does not depend on it.
constexpr std::uint64_t kQueryMixSeedSalt = 0xd1b54a32d192ed03ULL;
/// Names of the query kinds in query-mix.tsv, in the sampler's kind order.
constexpr std::array<std::string_view, 3> kQueryKindNames = {"single", "and", "phrase"};
/// Share of single words, two-word queries and quoted phrases, in percent.
constexpr std::array<std::uint64_t, 3> kQueryKindShare = {40, 30, 30};
/// Reservoir size per (language, kind), as a multiple of the largest quota (room for dedup).
constexpr std::size_t kReservoirFactor = 4;
constexpr std::size_t kMinQueryWordLength = 4;

/// --from-folder: bytes read from one file at most (Agora's own limit for text files).
constexpr std::uintmax_t kMaxFolderFileBytes = 32u << 20;
constexpr std::size_t kMaxFolderTitleBytes = 200;

constexpr std::string_view kCurlyApostrophe = "\u2019";
constexpr std::string_view kStraightApostrophe = "'";
constexpr unsigned kCurlyApostrophePercent = 70;

// ---- Random numbers from the raw engine
// -------------------------------------------------------------

/// Integer samplers over std::mt19937_64 (portable: no library distribution is used).
class Rng {
  public:
    explicit Rng(std::uint64_t seed) : engine_(seed) {}

    /// Uniform in [0, n), n > 0, by rejection so that there is no modulo bias.
    std::uint64_t below(std::uint64_t n) {
        const std::uint64_t limit = kMax - kMax % n;
        std::uint64_t x = engine_();
        while (x >= limit) x = engine_();
        return x % n;
    }
    /// Uniform in [lo, hi].
    int between(int lo, int hi) {
        return lo + static_cast<int>(below(static_cast<std::uint64_t>(hi - lo) + 1));
    }
    bool percent(unsigned p) { return below(100) < p; }
    bool per_mille(unsigned p) { return below(1000) < p; }
    template <class T>
    const T& pick(const std::vector<T>& v) {
        return v[below(v.size())];
    }
    template <class T>
    void shuffle(std::vector<T>& v) {
        for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[below(i)]);
    }

  private:
    static constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();
    std::mt19937_64 engine_;
};

/// Zipf–Mandelbrot sampler over ranks 0..n-1 with integer cumulative weights.
class ZipfTable {
  public:
    ZipfTable(std::size_t n, std::uint64_t offset) {
        std::uint64_t total = 0;
        cumulative_.reserve(n);
        for (std::size_t r = 0; r < n; ++r) {
            total += kZipfScale / (r + 1 + offset);
            cumulative_.push_back(total);
        }
    }
    std::size_t sample(Rng& rng) const {
        const std::uint64_t x = rng.below(cumulative_.back());
        return static_cast<std::size_t>(
            std::upper_bound(cumulative_.begin(), cumulative_.end(), x) - cumulative_.begin());
    }

  private:
    std::vector<std::uint64_t> cumulative_;
};

/// Entries in order of decreasing frequency, drawn with a Zipf law.
template <class Entry>
class Lexicon {
  public:
    Lexicon(std::vector<Entry> entries, std::uint64_t offset)
        : entries_(std::move(entries)), zipf_(entries_.size(), offset) {
        if (entries_.empty()) throw std::logic_error("empty lexicon");
    }
    const Entry& draw(Rng& rng) const { return entries_[zipf_.sample(rng)]; }

  private:
    std::vector<Entry> entries_;
    ZipfTable zipf_;
};

// ---- UTF-8
// ------------------------------------------------------------------------------------------

constexpr char32_t kReplacement = 0xFFFD;

std::u32string decode_utf8(std::string_view s) {
    std::u32string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        int extra = 0;
        char32_t cp = 0;
        if (b < 0x80) {
            cp = b;
        } else if ((b & 0xE0) == 0xC0) {
            cp = b & 0x1F;
            extra = 1;
        } else if ((b & 0xF0) == 0xE0) {
            cp = b & 0x0F;
            extra = 2;
        } else if ((b & 0xF8) == 0xF0) {
            cp = b & 0x07;
            extra = 3;
        } else {
            out.push_back(kReplacement);
            ++i;
            continue;
        }
        if (i + static_cast<std::size_t>(extra) >= s.size()) {  // truncated sequence
            out.push_back(kReplacement);
            ++i;
            continue;
        }
        bool ok = true;
        for (int k = 1; k <= extra; ++k) {
            const auto c = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
            if ((c & 0xC0) != 0x80) {
                ok = false;
                break;
            }
            cp = (cp << 6) | (c & 0x3F);
        }
        if (!ok) {
            out.push_back(kReplacement);
            ++i;
            continue;
        }
        out.push_back(cp);
        i += static_cast<std::size_t>(extra) + 1;
    }
    return out;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

std::string encode_utf8(std::u32string_view s) {
    std::string out;
    out.reserve(s.size() * 2);
    for (char32_t cp : s) append_utf8(out, cp);
    return out;
}

/// Case mapping for the scripts generated here (ASCII, Latin-1, Latin Extended-A, Cyrillic).
char32_t to_lower(char32_t c) {
    if (c >= U'A' && c <= U'Z') return c + 32;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
    if (c >= 0x100 && c <= 0x17F && c % 2 == 0) return c + 1;
    if (c >= 0x410 && c <= 0x42F) return c + 32;
    if (c >= 0x400 && c <= 0x40F) return c + 80;
    return c;
}

char32_t to_upper(char32_t c) {
    if (c >= U'a' && c <= U'z') return c - 32;
    if (c >= 0xE0 && c <= 0xFE && c != 0xF7) return c - 32;
    if (c >= 0x100 && c <= 0x17F && c % 2 == 1) return c - 1;
    if (c >= 0x430 && c <= 0x44F) return c - 32;
    if (c >= 0x450 && c <= 0x45F) return c - 80;
    return c;
}

std::string capitalize(std::string_view word) {
    std::u32string w = decode_utf8(word);
    if (!w.empty()) w[0] = to_upper(w[0]);
    return encode_utf8(w);
}

std::string lowercase(std::string_view word) {
    std::u32string w = decode_utf8(word);
    for (char32_t& c : w) c = to_lower(c);
    return encode_utf8(w);
}

bool is_letter(char32_t c) {
    return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') ||
           (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) || (c >= 0x400 && c <= 0x4FF);
}

bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }

bool is_apostrophe(char32_t c) { return c == U'\'' || c == 0x2019; }

char32_t first_cp(std::string_view s) {
    const std::u32string w = decode_utf8(s.substr(0, std::min<std::size_t>(s.size(), 4)));
    return w.empty() ? 0 : w[0];
}

char32_t last_cp(std::string_view s) {
    std::size_t i = s.size();
    while (i > 0 && (static_cast<unsigned char>(s[i - 1]) & 0xC0) == 0x80) --i;
    if (i == 0) return 0;
    const std::u32string w = decode_utf8(s.substr(i - 1));
    return w.empty() ? 0 : w[0];
}

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::vector<std::string> split(std::string_view s, char sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (;;) {
        const std::size_t pos = s.find(sep, start);
        out.emplace_back(s.substr(start, pos == std::string_view::npos ? pos : pos - start));
        if (pos == std::string_view::npos) return out;
        start = pos + 1;
    }
}

// ---- Sentences as tokens
// ----------------------------------------------------------------------------

enum class TokenKind {
    kWord,      ///< content word: may get a typo
    kFunction,  ///< article, preposition, auxiliary: subject to elision and contraction
    kPunct,     ///< punctuation, quotes, brackets
};

struct Token {
    std::string text;
    TokenKind kind;
    bool space_before;
};

/// One sentence (or title) under construction.
class Phrase {
  public:
    void word(std::string_view w) { push(w, TokenKind::kWord); }
    void fn(std::string_view w) { push(w, TokenKind::kFunction); }
    /// Punctuation glued to what precedes it: , . ; ” »
    void punct(std::string_view p) {
        tokens_.push_back({std::string(p), TokenKind::kPunct, false});
    }
    /// Punctuation with a space before it (French ; : ? and dashes).
    void spaced(std::string_view p) { push(p, TokenKind::kPunct); }
    /// Opening punctuation glued to what follows: “ « (
    void open(std::string_view p) {
        push(p, TokenKind::kPunct);
        glue_ = true;
    }
    std::vector<Token>& tokens() { return tokens_; }
    const std::vector<Token>& tokens() const { return tokens_; }

    /// Words as a reader counts them: an elided article glued to its noun counts once.
    std::size_t word_count() const {
        std::size_t n = 0;
        for (std::size_t i = 0; i < tokens_.size(); ++i) {
            const Token& t = tokens_[i];
            if (t.kind == TokenKind::kPunct) continue;
            const bool glued_to_word =
                i > 0 && !t.space_before && tokens_[i - 1].kind != TokenKind::kPunct;
            if (!glued_to_word) ++n;
        }
        return n;
    }

    /// Capitalises the first letter of the first word.
    void capitalize_start() {
        for (Token& t : tokens_) {
            if (t.kind == TokenKind::kPunct) continue;
            t.text = capitalize(t.text);
            return;
        }
    }

    void append_to(std::string& out) const {
        for (std::size_t i = 0; i < tokens_.size(); ++i) {
            if (i > 0 && tokens_[i].space_before) out.push_back(' ');
            out += tokens_[i].text;
        }
    }

  private:
    void push(std::string_view t, TokenKind k) {
        tokens_.push_back({std::string(t), k, !glue_});
        glue_ = false;
    }
    std::vector<Token> tokens_;
    bool glue_ = false;
};

/// Per-document state shared by the grammars.
struct Context {
    Rng& rng;
    std::string apostrophe;  ///< ’ or ', chosen once per document like a real source would
};

/// Gender and number of a noun phrase, for agreement.
enum class Gender { kMasc, kFem, kNeut };

struct Agreement {
    Gender gender = Gender::kMasc;
    bool plural = false;
};

int days_in_month(int year, int month) {
    static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[static_cast<std::size_t>(month - 1)];
}

struct Date {
    int year;
    int month;
    int day;
};

Date random_date(Rng& rng) {
    Date d{};
    d.year = rng.between(kFirstYear, kLastYear);
    d.month = rng.between(1, 12);
    d.day = rng.between(1, days_in_month(d.year, d.month));
    return d;
}

/// Counts of people or things in reports: mostly small, sometimes hundreds or thousands.
int random_count(Rng& rng) {
    const auto r = rng.below(100);
    if (r < 60) return rng.between(2, 20);
    if (r < 90) return rng.between(21, 200);
    return rng.between(201, 5000);
}

/// Random pronounceable word from syllable inventories: the rare long tail of a real vocabulary.
std::string syllable_word(Rng& rng, const std::vector<std::string>& onsets,
                          const std::vector<std::string>& nuclei,
                          const std::vector<std::string>& codas,
                          const std::vector<std::string>& suffixes) {
    std::string w;
    const int syllables = rng.between(2, 3);
    for (int i = 0; i < syllables; ++i) {
        w += rng.pick(onsets);
        w += rng.pick(nuclei);
        if (i + 1 == syllables || rng.percent(30)) w += rng.pick(codas);
    }
    w += rng.pick(suffixes);
    return w;
}

// ---- Languages
// ----------------------------------------------------------------------------------------

class Language {
  public:
    virtual ~Language() = default;
    virtual std::string_view code() const = 0;
    /// Appends one sentence, final punctuation included.
    virtual void sentence(Context& c, Phrase& p) const = 0;
    /// Appends a headline without final punctuation.
    virtual void headline(Context& c, Phrase& p) const = 0;
    /// Elision, contraction, article agreement: rewrites function words by what follows them.
    virtual void finish(Context& c, Phrase& p) const = 0;
    virtual std::string rare_word(Rng& rng) const = 0;
    virtual std::u32string_view vowels() const = 0;
};

// ============================================================ English
// ==================================

class English final : public Language {
  public:
    English();
    std::string_view code() const override { return "en"; }
    void sentence(Context& c, Phrase& p) const override;
    void headline(Context& c, Phrase& p) const override;
    void finish(Context& c, Phrase& p) const override;
    std::string rare_word(Rng& rng) const override;
    std::u32string_view vowels() const override { return U"aeiou"; }

  private:
    struct Noun {
        std::string sg, pl;
    };
    struct Verb {
        std::string base, s3, past, pp, ing;
    };

    static Noun make_noun(std::string_view spec);
    static Verb make_verb(std::string_view spec);

    bool noun_phrase(Context& c, Phrase& p, bool complex, bool subject = false) const;
    void plain_noun_phrase(Context& c, Phrase& p, bool plural, bool complex) const;
    void verb_phrase(Context& c, Phrase& p, bool plural) const;
    void adjunct(Context& c, Phrase& p) const;
    void clause(Context& c, Phrase& p) const;
    void date(Context& c, Phrase& p) const;
    void name(Context& c, Phrase& p) const;

    Lexicon<Noun> nouns_;
    Lexicon<Verb> verbs_;
    Lexicon<std::string> adjectives_;
    Lexicon<std::string> adverbs_;
    Lexicon<std::string> prepositions_;
    std::vector<std::string> first_names_, last_names_, countries_, institutions_, reporting_;
    std::vector<std::string> months_;
    std::vector<std::string> onsets_, nuclei_, codas_, suffixes_;
};

namespace en_lists {

// Word lists: kept as written (frequent entries first), not reformatted.
// clang-format off

const char* const kNouns[] = {
    "right", "report", "government", "authority", "person|people", "law", "court", "detention",
    "police|police", "prisoner", "journalist", "freedom", "torture", "case", "family",
    "woman|women",
    "child|children", "lawyer", "trial", "arrest", "protest", "activist", "official", "community",
    "investigation", "violation", "security", "force", "victim", "witness", "country", "region",
    "election", "member", "organisation", "defender", "refugee", "camp", "border", "prison",
    "sentence", "charge", "abuse", "killing", "disappearance", "release", "complaint", "minority",
    "expression", "assembly", "association", "press", "media|media", "information", "evidence",
    "policy", "reform", "judge", "parliament", "decree", "measure", "ministry", "minister", "army",
    "soldier", "militia", "group", "citizen", "worker", "student", "teacher", "doctor", "hospital",
    "school", "village", "city", "province", "house", "land", "property", "access", "health",
    "food", "water", "education", "discrimination", "violence", "conflict", "attack", "operation",
    "threat", "harassment", "surveillance", "censorship", "blogger", "newspaper", "website",
    "statement", "interview", "testimony", "source", "document", "letter", "request", "appeal",
    "hearing", "verdict", "fine", "penalty", "punishment", "execution", "death", "injury",
    "condition", "cell", "guard", "interrogation", "confession", "treatment", "standard",
    "obligation", "commitment", "convention", "treaty", "mechanism", "commission", "committee",
    "council", "rapporteur", "mandate", "visit", "monitor", "observer", "aid", "crisis",
    "displacement", "settlement", "eviction", "demolition", "compensation", "justice", "impunity",
    "accountability", "transparency", "corruption", "migrant", "asylum", "deportation",
    "procedure", "status", "identity", "language", "religion", "belief", "gender", "equality",
    "labour", "union", "strike", "wage", "employer", "company", "contractor", "mine", "factory",
    "farm", "forest", "river", "road", "month", "year", "week", "day", "number", "majority",
    "detainee", "prosecutor", "officer", "demonstrator", "opposition", "candidate", "vote",
    "ballot", "campaign", "movement", "network", "platform", "account", "post", "message",
    "phone", "device", "record", "file", "database", "archive", "law enforcement|law enforcement",
};

const char* const kVerbs[] = {
    "report", "detain", "arrest", "release", "charge", "sentence", "torture",
    "beat|beat|beaten", "hold|held|held", "deny", "reject", "accept", "adopt", "allow", "prevent",
    "restrict", "ban|banned|banned|banning", "block", "close", "open", "visit", "document",
    "investigate", "monitor", "protect", "violate", "ensure", "guarantee", "require", "urge",
    "condemn", "criticise", "demand", "propose", "amend", "repeal", "abolish", "introduce",
    "continue", "face", "receive", "submit|submitted|submitted|submitting", "publish", "confirm",
    "threaten", "harass", "intimidate", "target", "attack", "kill", "injure", "abduct", "transfer",
    "deport", "expel|expelled|expelled|expelling", "evict", "displace", "destroy", "burn", "seize",
    "confiscate", "search", "interrogate", "question", "prosecute", "convict", "acquit", "try",
    "challenge", "order", "approve", "sign", "ratify", "implement", "respect", "refuse", "force",
    "use", "take|took|taken", "give|gave|given", "find|found|found", "keep|kept|kept",
    "bring|brought|brought", "leave|left|left", "meet|met|met", "disperse", "silence", "punish",
    "suspend", "dismiss", "censor", "fine", "raid", "shut|shut|shut|shutting", "limit", "review",
    "examine", "support", "fund", "train", "protect", "obstruct", "deprive", "exclude", "expose",
};

const char* const kAdjectives[] = {
    "human", "political", "civil", "public", "independent", "international", "national", "local",
    "arbitrary", "unlawful", "legal", "criminal", "military", "peaceful", "violent", "serious",
    "severe", "new", "former", "particular", "fundamental", "excessive", "inhumane", "degrading",
    "cruel", "fair", "unfair", "prolonged", "pretrial", "secret", "official", "administrative",
    "judicial", "federal", "regional", "ethnic", "religious", "indigenous", "young", "elderly",
    "vulnerable", "effective", "free", "open", "full", "recent", "previous", "current",
    "dangerous", "overcrowded", "poor", "basic", "economic", "social", "cultural", "private",
    "foreign", "domestic", "sexual", "physical", "psychological", "credible", "systematic",
    "widespread", "alleged", "enforced", "extrajudicial", "urgent", "prominent", "opposition",
    "armed", "unidentified", "masked", "state-run", "so-called", "pro-government", "anonymous",
    "detained", "missing", "temporary", "permanent", "lengthy", "brutal", "discriminatory",
    "restrictive", "vague", "broad", "strict", "harsh", "minor", "major", "main", "key",
};

const char* const kAdverbs[] = {
    "reportedly", "allegedly", "arbitrarily", "repeatedly", "publicly", "still", "also", "again",
    "already", "never", "often", "recently", "systematically", "effectively", "immediately",
    "later", "subsequently", "previously", "briefly", "forcibly", "unlawfully", "routinely",
};

const char* const kPrepositions[] = {
    "in", "for", "against", "during", "after", "with", "without", "under", "at", "from", "before",
    "despite", "following", "into", "over", "across", "near", "throughout", "among", "towards",
};

const char* const kFirstNames[] = {
    "Arlen", "Brisa", "Corvin", "Dellis", "Emrys", "Fenna", "Garrick", "Halden", "Isobel",
    "Jory", "Kestrel", "Linnea", "Marlow", "Nessa", "Orrin", "Perrin", "Quinlan", "Rowan",
    "Sabine", "Tamsin", "Ulric", "Verity", "Wystan", "Yarrow", "Zillah", "Anselm", "Briar",
    "Cadell", "Darcey", "Elowen",
};

const char* const kLastNames[] = {
    "Ashcombe", "Brindlewood", "Carrowmore", "Dunleavy", "Elsworth", "Fenwright", "Harrowgate",
    "Ingleby", "Jessop", "Kittering", "Larkspur", "Mossbury", "Netherton", "Oakhurst",
    "Pellingham", "Quillfield", "Ravensworth", "Saltonstall", "Thornbeck", "Underhill", "Varley",
    "Wexley", "Yardley", "Blackwood", "Coldridge", "Dimsdale", "Eastwick", "Fairweather",
    "Gorringe", "Hollinrake",
};

const char* const kCountries[] = {
    "France", "Germany", "Brazil", "India", "Kenya", "Mexico", "Egypt", "Turkey", "Peru",
    "Chile", "Colombia", "Nigeria", "Pakistan", "Indonesia", "Argentina", "Canada", "Morocco",
    "Viet Nam", "Nepal", "Ghana", "Uganda", "the Philippines", "Iran", "the United States",
};

const char* const kInstitutions[] = {
    "the United Nations", "the Human Rights Committee", "the Special Rapporteur",
    "the European Court of Human Rights", "the Supreme Court", "the Constitutional Court",
    "the Ministry of the Interior", "the Ministry of Justice", "the Prosecutor General",
    "the National Assembly", "the Ombudsman", "the Committee against Torture",
};

const char* const kReporting[] = {
    "said", "stated", "reported", "noted", "added", "warned", "claimed", "alleged", "insisted",
    "confirmed", "explained", "argued", "wrote", "told reporters",
};

const char* const kMonths[] = {
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December"};

// clang-format on

}  // namespace en_lists

template <std::size_t N>
std::vector<std::string> to_strings(const char* const (&a)[N]) {
    return std::vector<std::string>(std::begin(a), std::end(a));
}

template <class Entry, std::size_t N, class Make>
std::vector<Entry> to_entries(const char* const (&a)[N], Make make) {
    std::vector<Entry> out;
    out.reserve(N);
    for (const char* s : a) out.push_back(make(s));
    return out;
}

bool en_consonant_y(std::string_view w) {
    return w.size() >= 2 && w.back() == 'y' &&
           std::string_view("aeiou").find(w[w.size() - 2]) == std::string_view::npos;
}

std::string en_plural(std::string_view w) {
    if (ends_with(w, "s") || ends_with(w, "x") || ends_with(w, "ch") || ends_with(w, "sh"))
        return std::string(w) + "es";
    if (en_consonant_y(w)) return std::string(w.substr(0, w.size() - 1)) + "ies";
    return std::string(w) + "s";
}

English::Noun English::make_noun(std::string_view spec) {
    const auto parts = split(spec, '|');
    return {parts[0], parts.size() > 1 ? parts[1] : en_plural(parts[0])};
}

English::Verb English::make_verb(std::string_view spec) {
    const auto parts = split(spec, '|');
    Verb v;
    v.base = parts[0];
    v.s3 = en_plural(v.base);
    if (parts.size() > 1) {
        v.past = parts[1];
    } else if (ends_with(v.base, "e")) {
        v.past = v.base + "d";
    } else if (en_consonant_y(v.base)) {
        v.past = v.base.substr(0, v.base.size() - 1) + "ied";
    } else {
        v.past = v.base + "ed";
    }
    v.pp = parts.size() > 2 ? parts[2] : v.past;
    if (parts.size() > 3) {
        v.ing = parts[3];
    } else if (ends_with(v.base, "ie")) {
        v.ing = v.base.substr(0, v.base.size() - 2) + "ying";
    } else if (ends_with(v.base, "e") && !ends_with(v.base, "ee")) {
        v.ing = v.base.substr(0, v.base.size() - 1) + "ing";
    } else {
        v.ing = v.base + "ing";
    }
    return v;
}

English::English()
    : nouns_(to_entries<Noun>(en_lists::kNouns, make_noun), kZipfOffsetContent),
      verbs_(to_entries<Verb>(en_lists::kVerbs, make_verb), kZipfOffsetContent),
      adjectives_(to_strings(en_lists::kAdjectives), kZipfOffsetContent),
      adverbs_(to_strings(en_lists::kAdverbs), kZipfOffsetSmall),
      prepositions_(to_strings(en_lists::kPrepositions), kZipfOffsetSmall),
      first_names_(to_strings(en_lists::kFirstNames)),
      last_names_(to_strings(en_lists::kLastNames)),
      countries_(to_strings(en_lists::kCountries)),
      institutions_(to_strings(en_lists::kInstitutions)),
      reporting_(to_strings(en_lists::kReporting)),
      months_(to_strings(en_lists::kMonths)),
      onsets_({"b",  "bl", "br", "c",  "ch",  "cl", "cr", "d",  "dr", "f",  "fl", "g", "gl", "gr",
               "h",  "j",  "k",  "l",  "m",   "n",  "p",  "pl", "pr", "qu", "r",  "s", "sc", "sh",
               "sk", "sl", "sp", "st", "str", "t",  "th", "tr", "v",  "w",  "wh", "y", "z"}),
      nuclei_({"a", "e", "i", "o", "u", "ai", "ea", "ee", "oo", "ou", "oa", "ie"}),
      codas_({"",   "",   "",  "b", "ck", "d",  "ft", "g",  "l",  "ll", "m", "mp", "n", "nd",
              "ng", "nt", "p", "r", "rd", "rn", "s",  "sk", "ss", "st", "t", "th", "x"}),
      suffixes_({"", "", "", "s", "ed", "ing", "er", "ism", "ity", "ous", "al", "ness"}) {}

/// Splits a multi-word entry ("law enforcement", "the United Nations", "в связи с") into
/// tokens; articles and prepositions become function words (elision, no typos).
void add_words(Phrase& p, std::string_view words) {
    static const std::set<std::string, std::less<>> kFunctionWords = {
        "the",  "of",     "and",  "at",    "least",   "more",  "than", "some", "nearly",
        "over", "in",     "on",   "de",    "du",      "la",    "le",   "les",  "sur",
        "au",   "plus",   "près", "moins", "quelque", "par",   "en",   "et",   "que",
        "lors", "raison", "в",    "по",    "с",       "о",     "к",    "и",    "что",
        "при",  "тем",    "не",   "кроме", "того",    "между", "этом", "менее"};
    for (const std::string& w : split(words, ' ')) {
        if (w.empty()) continue;
        if (kFunctionWords.count(w) > 0) {
            p.fn(w);
        } else {
            p.word(w);
        }
    }
}

void English::name(Context& c, Phrase& p) const {
    if (c.rng.percent(70)) p.word(c.rng.pick(first_names_));
    p.word(c.rng.pick(last_names_));
}

void English::date(Context& c, Phrase& p) const {
    const Date d = random_date(c.rng);
    p.word(std::to_string(d.day));
    p.word(months_[static_cast<std::size_t>(d.month - 1)]);
    p.word(std::to_string(d.year));
}

void English::plain_noun_phrase(Context& c, Phrase& p, bool plural, bool complex) const {
    const Noun& n = nouns_.draw(c.rng);
    static const std::vector<std::string> kSingularDets = {
        "the",  "the", "the",   "the", "the", "the",  "a",    "a",  "a",       "a",  "a",
        "this", "its", "their", "his", "her", "that", "each", "no", "another", "any"};
    static const std::vector<std::string> kPluralDets = {
        "the",   "the",   "the",  "the",     "",         "",      "",
        "",      "these", "many", "several", "some",     "their", "other",
        "those", "all",   "such", "most",    "numerous", "two",   "both"};
    const std::string& det = c.rng.pick(plural ? kPluralDets : kSingularDets);
    if (!det.empty()) p.fn(det);
    if (c.rng.percent(30)) {
        p.word(adjectives_.draw(c.rng));
        if (c.rng.percent(8)) {
            p.fn("and");
            p.word(adjectives_.draw(c.rng));
        }
    }
    add_words(p, plural ? n.pl : n.sg);
    if (complex && c.rng.percent(20)) {
        p.fn("of");
        if (c.rng.percent(15)) {
            p.word("human");
            p.word("rights");
            if (c.rng.percent(40)) p.word("defenders");
        } else {
            plain_noun_phrase(c, p, c.rng.percent(40), false);
        }
    }
}

bool English::noun_phrase(Context& c, Phrase& p, bool complex, bool subject) const {
    const auto r = c.rng.below(100);
    if (r < 6) {
        name(c, p);
        return false;
    }
    if (r < 8) {
        name(c, p);
        p.punct(c.apostrophe + "s");
        p.word(nouns_.draw(c.rng).sg);
        return false;
    }
    if (r < 12) {
        add_words(p, c.rng.pick(countries_));
        return false;
    }
    if (r < 15) {
        add_words(p, c.rng.pick(institutions_));
        return false;
    }
    if (r < 19) {
        static const std::vector<std::string> kQuantifiers = {
            "", "", "at least", "more than", "some", "nearly", "over"};
        static const std::vector<std::string> kSpelled = {"two",   "three", "four", "five", "six",
                                                          "seven", "eight", "nine", "ten"};
        add_words(p, c.rng.pick(kQuantifiers));
        if (c.rng.percent(30)) {
            p.fn(c.rng.pick(kSpelled));
        } else {
            p.word(std::to_string(random_count(c.rng)));
        }
        if (c.rng.percent(25)) p.word(adjectives_.draw(c.rng));
        add_words(p, nouns_.draw(c.rng).pl);
        return true;
    }
    if (r < 23 && subject) {
        static const std::vector<std::string> kPronouns = {"he", "she", "they", "it"};
        const std::string& pr = c.rng.pick(kPronouns);
        p.fn(pr);
        return pr == "they";
    }
    const bool plural = c.rng.percent(38);
    plain_noun_phrase(c, p, plural, complex);
    return plural;
}

void English::adjunct(Context& c, Phrase& p) const {
    const auto r = c.rng.below(100);
    if (r < 45) {
        p.fn(prepositions_.draw(c.rng));
        noun_phrase(c, p, false);
    } else if (r < 58) {
        p.fn("in");
        add_words(p, c.rng.pick(countries_));
    } else if (r < 68) {
        p.fn("in");
        p.word(std::to_string(c.rng.between(kFirstYear, kLastYear)));
    } else if (r < 75) {
        p.fn("on");
        date(c, p);
    } else if (r < 83) {
        static const std::vector<std::string> kUnits = {"days", "weeks", "months", "years"};
        p.fn("for");
        p.word(std::to_string(c.rng.between(2, 30)));
        p.word(c.rng.pick(kUnits));
    } else if (r < 90) {
        static const std::vector<std::string> kCodes = {"Criminal Code", "Constitution",
                                                        "Penal Code", "Counter-Terrorism Law",
                                                        "Law on Public Assemblies"};
        p.fn("under");
        p.word("Article");
        p.word(std::to_string(c.rng.between(1, 350)));
        p.fn("of");
        p.fn("the");
        add_words(p, c.rng.pick(kCodes));
    } else {
        p.fn("since");
        p.word(std::to_string(c.rng.between(kFirstYear, kLastYear)));
    }
}

void English::verb_phrase(Context& c, Phrase& p, bool plural) const {
    const Verb& v = verbs_.draw(c.rng);
    const bool negative = c.rng.percent(8);
    const bool adverb = c.rng.percent(8);
    bool object = true;
    const auto r = c.rng.below(100);
    auto adv = [&] {
        if (adverb) p.word(adverbs_.draw(c.rng));
    };
    if (r < 30) {
        if (negative) {
            p.fn("did");
            p.fn("not");
            adv();
            p.word(v.base);
        } else {
            adv();
            p.word(v.past);
        }
    } else if (r < 45) {
        p.fn(plural ? "have" : "has");
        if (negative) p.fn("not");
        adv();
        p.word(v.pp);
    } else if (r < 62) {
        p.fn(plural ? "were" : "was");
        if (negative) p.fn("not");
        adv();
        p.word(v.pp);
        object = false;
        if (c.rng.percent(35)) {
            p.fn("by");
            noun_phrase(c, p, false);
        }
    } else if (r < 72) {
        if (negative) {
            p.fn(plural ? "do" : "does");
            p.fn("not");
            p.word(v.base);
        } else {
            adv();
            p.word(plural ? v.base : v.s3);
        }
    } else if (r < 78) {
        p.word(c.rng.percent(50) ? "continued" : (plural ? "continue" : "continues"));
        p.fn("to");
        p.word(v.base);
    } else if (r < 90) {
        static const std::vector<std::string> kModals = {"must",  "should", "may",
                                                         "could", "will",   "would"};
        p.fn(c.rng.pick(kModals));
        if (negative) p.fn("not");
        adv();
        p.word(v.base);
    } else {
        p.fn(c.rng.percent(50) ? (plural ? "are" : "is") : (plural ? "were" : "was"));
        p.word(v.ing);
    }
    if (object) noun_phrase(c, p, true);
    if (c.rng.percent(45)) adjunct(c, p);
    if (c.rng.percent(12)) adjunct(c, p);
}

void English::clause(Context& c, Phrase& p) const {
    const bool plural = noun_phrase(c, p, c.rng.percent(50), true);
    verb_phrase(c, p, plural);
}

void English::sentence(Context& c, Phrase& p) const {
    const auto r = c.rng.below(100);
    if (r < 55) {
        if (c.rng.percent(18)) {
            static const std::vector<std::string> kConnectives = {
                "However",   "Moreover",    "In addition",  "At the same time",
                "Meanwhile", "As a result", "Nevertheless", "Last year"};
            const auto k = c.rng.below(4);
            if (k == 0) {
                p.fn("in");
                p.word(std::to_string(c.rng.between(kFirstYear, kLastYear)));
            } else if (k == 1) {
                p.fn("on");
                date(c, p);
            } else if (k == 2) {
                p.fn("in");
                add_words(p, c.rng.pick(countries_));
            } else {
                add_words(p, lowercase(c.rng.pick(kConnectives)));
            }
            p.punct(",");
        }
        clause(c, p);
        p.punct(".");
    } else if (r < 70) {
        if (c.rng.percent(30)) {
            p.open("\u201c");
            clause(c, p);
            p.punct(",\u201d");
            noun_phrase(c, p, false);
            add_words(p, c.rng.pick(reporting_));
        } else {
            noun_phrase(c, p, false);
            add_words(p, c.rng.pick(reporting_));
            if (c.rng.percent(70)) p.fn("that");
            clause(c, p);
        }
        p.punct(".");
    } else if (r < 80) {
        static const std::vector<std::string> kJoins = {"and",      "but",     "while",
                                                        "although", "because", "after"};
        clause(c, p);
        p.punct(",");
        p.fn(c.rng.pick(kJoins));
        clause(c, p);
        p.punct(".");
    } else if (r < 87) {
        p.fn("according");
        p.fn("to");
        noun_phrase(c, p, true);
        p.punct(",");
        clause(c, p);
        p.punct(".");
    } else if (r < 94) {
        const bool plural = noun_phrase(c, p, false);
        p.punct(",");
        p.fn(c.rng.percent(50) ? "who" : "which");
        verb_phrase(c, p, plural);
        p.punct(",");
        verb_phrase(c, p, plural);
        p.punct(".");
    } else if (r < 97) {
        p.fn("in");
        p.word(std::to_string(c.rng.between(kFirstYear, kLastYear)));
        p.punct(",");
        p.fn("at");
        p.fn("least");
        p.word(std::to_string(random_count(c.rng)));
        add_words(p, nouns_.draw(c.rng).pl);
        p.fn("were");
        p.word(verbs_.draw(c.rng).pp);
        p.fn("in");
        add_words(p, c.rng.pick(countries_));
        if (c.rng.percent(40)) {
            p.open("(");
            p.word(std::to_string(c.rng.between(2, 95)));
            p.word("percent");
            p.fn("more");
            p.fn("than");
            p.fn("in");
            p.word(std::to_string(c.rng.between(kFirstYear, kLastYear)));
            p.punct(")");
        }
        p.punct(".");
    } else {
        p.fn("why");
        const bool plural = c.rng.percent(50);
        p.fn(plural ? "were" : "was");
        plain_noun_phrase(c, p, plural, false);
        p.word(verbs_.draw(c.rng).pp);
        p.punct("?");
    }
}

void English::headline(Context& c, Phrase& p) const {
    const auto r = c.rng.below(4);
    if (r == 0) {
        add_words(p, c.rng.pick(countries_));
        p.punct(":");
        clause(c, p);
    } else if (r == 1) {
        noun_phrase(c, p, true);
        p.fn("in");
        add_words(p, c.rng.pick(countries_));
    } else if (r == 2) {
        noun_phrase(c, p, false);
        p.fn("must");
        p.word(verbs_.draw(c.rng).base);
        noun_phrase(c, p, true);
    } else {
        p.word(adjectives_.draw(c.rng));
        p.word(nouns_.draw(c.rng).pl);
        p.word("face");
        noun_phrase(c, p, true);
    }
}

void English::finish(Context&, Phrase& p) const {
    auto& t = p.tokens();
    for (std::size_t i = 0; i + 1 < t.size(); ++i) {
        if (t[i].kind != TokenKind::kFunction || t[i].text != "a") continue;
        const std::string next = lowercase(t[i + 1].text);
        const bool vowel =
            !next.empty() && std::string_view("aeiou").find(next[0]) != std::string_view::npos;
        const bool says_you = next.rfind("uni", 0) == 0 || next.rfind("use", 0) == 0 ||
                              next.rfind("eu", 0) == 0 || next.rfind("one", 0) == 0;
        if (vowel && !says_you) t[i].text = "an";
    }
}

std::string English::rare_word(Rng& rng) const {
    return syllable_word(rng, onsets_, nuclei_, codas_, suffixes_);
}

// ============================================================ Russian
// ==================================

enum RuCase { kNom = 0, kGen = 1, kDat = 2, kAcc = 3, kIns = 4, kPrep = 5 };
constexpr int kCases = 6;

/// Declension classes; the stem given with each noun is the part before the ending.
enum class RuDecl {
    kHardMasc,  ///< закон, журналист
    kSoftMasc,  ///< житель (stem жител)
    kJMasc,     ///< случай (stem случа)
    kHardFem,   ///< свобода (stem свобод)
    kSoftFem,   ///< власть (stem власт)
    kIyaFem,    ///< комиссия (stem комисс)
    kHardNeut,  ///< право (stem прав)
    kIeNeut,    ///< задержание (stem задержан)
};

using RuEndings = std::array<std::string_view, 12>;

const RuEndings& ru_endings(RuDecl d) {
    static const RuEndings kHardMasc = {"",  "а",  "у",  "",  "ом",  "е",
                                        "ы", "ов", "ам", "ы", "ами", "ах"};
    static const RuEndings kSoftMasc = {"ь", "я",  "ю",  "ь", "ем",  "е",
                                        "и", "ей", "ям", "и", "ями", "ях"};
    static const RuEndings kJMasc = {"й", "я",  "ю",  "й", "ем",  "е",
                                     "и", "ев", "ям", "и", "ями", "ях"};
    static const RuEndings kHardFem = {"а", "ы", "е",  "у", "ой",  "е",
                                       "ы", "",  "ам", "ы", "ами", "ах"};
    static const RuEndings kSoftFem = {"ь", "и",  "и",  "ь", "ью",  "и",
                                       "и", "ей", "ям", "и", "ями", "ях"};
    static const RuEndings kIyaFem = {"ия", "ии", "ии",  "ию", "ией",  "ии",
                                      "ии", "ий", "иям", "ии", "иями", "иях"};
    static const RuEndings kHardNeut = {"о", "а", "у",  "о", "ом",  "е",
                                        "а", "",  "ам", "а", "ами", "ах"};
    static const RuEndings kIeNeut = {"ие", "ия", "ию",  "ие", "ием",  "ии",
                                      "ия", "ий", "иям", "ия", "иями", "иях"};
    switch (d) {
        case RuDecl::kHardMasc:
            return kHardMasc;
        case RuDecl::kSoftMasc:
            return kSoftMasc;
        case RuDecl::kJMasc:
            return kJMasc;
        case RuDecl::kHardFem:
            return kHardFem;
        case RuDecl::kSoftFem:
            return kSoftFem;
        case RuDecl::kIyaFem:
            return kIyaFem;
        case RuDecl::kHardNeut:
            return kHardNeut;
        case RuDecl::kIeNeut:
            return kIeNeut;
    }
    return kHardMasc;
}

bool ru_velar_or_sibilant(char32_t c) {
    return std::u32string_view(U"гкхжшчщ").find(c) != std::u32string_view::npos;
}

bool ru_sibilant(char32_t c) {
    return std::u32string_view(U"жшчщ").find(c) != std::u32string_view::npos;
}

/// Stem + ending with the spelling rules ы→и after г к х ж ш ч щ and -ов→-ей after ж ш ч щ.
std::string ru_join(std::string_view stem, std::string_view ending) {
    const char32_t last = last_cp(stem);
    std::string e(ending);
    if (ru_velar_or_sibilant(last) && e.rfind("ы", 0) == 0)
        e = "и" + e.substr(std::string("ы").size());
    if (ru_sibilant(last) && e == "ов") e = "ей";
    return std::string(stem) + e;
}

class Russian final : public Language {
  public:
    Russian();
    std::string_view code() const override { return "ru"; }
    void sentence(Context& c, Phrase& p) const override;
    void headline(Context& c, Phrase& p) const override;
    void finish(Context& c, Phrase& p) const override;
    std::string rare_word(Rng& rng) const override;
    std::u32string_view vowels() const override { return U"аеиоуыэюяё"; }

  private:
    struct Noun {
        std::array<std::string, 12> forms;  ///< [plural * 6 + case], accusative as inanimate
        Gender gender = Gender::kMasc;
        bool animate = false;
        bool fixed = false;  ///< forms listed in full: the accusative is already right
        const std::string& form(int c, bool plural) const {
            if (c == kAcc && animate && !fixed && (plural || gender == Gender::kMasc))
                return forms[static_cast<std::size_t>((plural ? kCases : 0) + kGen)];
            return forms[static_cast<std::size_t>((plural ? kCases : 0) + c)];
        }
    };
    struct Adjective {
        std::array<std::string, 24> forms;  ///< [slot * 6 + case], slot: masc, fem, neut, plural
        std::string form(Agreement a, int c, bool animate) const {
            const int slot = a.plural ? 3 : static_cast<int>(a.gender);
            if (c == kAcc && animate && (slot == 0 || slot == 3)) c = kGen;
            return forms[static_cast<std::size_t>(slot * kCases + c)];
        }
    };
    struct Verb {
        std::string infinitive, present_sg, present_pl, past_stem;
        std::string participle, participle_oblique;  ///< short passive participle (perfective)
    };
    struct Name {
        std::array<std::string, 6> forms;
        Gender gender;
    };

    static Noun make_noun(std::string_view stem, RuDecl d, bool animate, std::string_view gen_pl);
    static Noun fixed_noun(std::string_view spec, Gender g, bool animate);
    static Noun adjectival_noun(std::string_view stem, bool animate);
    static Adjective make_adjective(std::string_view spec);
    static Verb make_imperfective(std::string_view infinitive);
    static Verb make_perfective(std::string_view spec);

    Agreement noun_phrase(Context& c, Phrase& p, int rcase, bool complex) const;
    void plain_noun_phrase(Context& c, Phrase& p, const Noun& n, bool plural, int rcase,
                           bool complex) const;
    void past(Phrase& p, const Verb& v, Agreement a) const;
    void verb_phrase(Context& c, Phrase& p, Agreement a) const;
    void adjunct(Context& c, Phrase& p) const;
    Agreement clause(Context& c, Phrase& p) const;
    void date(Context& c, Phrase& p) const;
    void year(Context& c, Phrase& p) const;

    Lexicon<Noun> nouns_;
    Lexicon<Adjective> adjectives_;
    Lexicon<Verb> imperfective_;
    Lexicon<Verb> perfective_;
    Lexicon<std::string> adverbs_;
    std::vector<Name> first_names_, surnames_;
    std::vector<Noun> countries_;
    Noun person_;  ///< человек / люди, for "права человека"
    Noun year_;    ///< год
    Noun month_;   ///< месяц
    Verb continue_;
    std::vector<Verb> reporting_;
    std::vector<std::string> months_;
    std::vector<std::string> onsets_, nuclei_, codas_, suffixes_;
};

Russian::Noun Russian::make_noun(std::string_view stem, RuDecl d, bool animate,
                                 std::string_view gen_pl) {
    Noun n;
    const RuEndings& e = ru_endings(d);
    for (std::size_t i = 0; i < e.size(); ++i) n.forms[i] = ru_join(stem, e[i]);
    if (!gen_pl.empty()) n.forms[kCases + kGen] = std::string(gen_pl);
    switch (d) {
        case RuDecl::kHardFem:
        case RuDecl::kSoftFem:
        case RuDecl::kIyaFem:
            n.gender = Gender::kFem;
            break;
        case RuDecl::kHardNeut:
        case RuDecl::kIeNeut:
            n.gender = Gender::kNeut;
            break;
        default:
            n.gender = Gender::kMasc;
    }
    n.animate = animate;
    return n;
}

Russian::Noun Russian::fixed_noun(std::string_view spec, Gender g, bool animate) {
    const auto parts = split(spec, ',');
    Noun n;
    for (std::size_t i = 0; i < n.forms.size(); ++i) n.forms[i] = parts.at(i % parts.size());
    n.gender = g;
    n.animate = animate;
    n.fixed = true;
    return n;
}

Russian::Adjective Russian::make_adjective(std::string_view spec) {
    // spec: stem, optionally followed by "|o" for stressed -ой (другой, правовой).
    const auto parts = split(spec, '|');
    const std::string& stem = parts[0];
    const bool stressed = parts.size() > 1 && parts[1] == "o";
    static const std::array<std::array<std::string_view, 6>, 4> kEndings = {{
        {"ый", "ого", "ому", "ый", "ым", "ом"},
        {"ая", "ой", "ой", "ую", "ой", "ой"},
        {"ое", "ого", "ому", "ое", "ым", "ом"},
        {"ые", "ых", "ым", "ые", "ыми", "ых"},
    }};
    Adjective a;
    for (std::size_t slot = 0; slot < kEndings.size(); ++slot) {
        for (std::size_t c = 0; c < kCases; ++c) {
            std::string_view e = kEndings[slot][c];
            if (stressed && slot == 0 && (c == kNom || c == kAcc)) e = "ой";
            a.forms[slot * kCases + c] = ru_join(stem, e);
        }
    }
    return a;
}

Russian::Noun Russian::adjectival_noun(std::string_view stem, bool animate) {
    const Adjective a = make_adjective(stem);
    Noun n;
    for (std::size_t c = 0; c < kCases; ++c) {
        n.forms[c] = a.forms[c];
        n.forms[kCases + c] = a.forms[3 * kCases + c];
    }
    n.gender = Gender::kMasc;
    n.animate = animate;
    return n;
}

Russian::Verb Russian::make_imperfective(std::string_view inf) {
    Verb v;
    v.infinitive = std::string(inf);
    const std::string base = std::string(inf.substr(0, inf.size() - std::string("ть").size()));
    v.past_stem = base;
    if (ends_with(inf, "овать") || ends_with(inf, "евать")) {
        const std::string root =
            std::string(inf.substr(0, inf.size() - std::string("овать").size()));
        v.present_sg = root + "ует";
        v.present_pl = root + "уют";
    } else if (ends_with(inf, "ить")) {
        const std::string root = std::string(inf.substr(0, inf.size() - std::string("ить").size()));
        v.present_sg = root + "ит";
        v.present_pl = root + (ru_sibilant(last_cp(root)) ? "ат" : "ят");
    } else {
        v.present_sg = base + "ет";
        v.present_pl = base + "ют";
    }
    return v;
}

Russian::Verb Russian::make_perfective(std::string_view spec) {
    const auto parts = split(spec, ':');
    Verb v;
    v.infinitive = parts[0];
    v.past_stem = parts[0].substr(0, parts[0].size() - std::string("ть").size());
    v.participle = parts.at(1);
    std::string oblique = v.participle;
    const std::string yo = "ё";
    for (std::size_t pos = oblique.find(yo); pos != std::string::npos; pos = oblique.find(yo))
        oblique.replace(pos, yo.size(), "е");
    v.participle_oblique = oblique;
    return v;
}

namespace ru_lists {

// Word lists: kept as written (frequent entries first), not reformatted.
// clang-format off

struct NounSpec {
    const char* stem;
    RuDecl decl;
    bool animate;
    const char* gen_pl;
};

constexpr bool kAnim = true;
constexpr bool kInan = false;

const NounSpec kNouns[] = {
    {"прав", RuDecl::kHardNeut, kInan, ""},
    {"власт", RuDecl::kSoftFem, kInan, ""},
    {"суд", RuDecl::kHardMasc, kInan, ""},
    {"закон", RuDecl::kHardMasc, kInan, ""},
    {"задержан", RuDecl::kIeNeut, kInan, ""},
    {"журналист", RuDecl::kHardMasc, kAnim, ""},
    {"адвокат", RuDecl::kHardMasc, kAnim, ""},
    {"активист", RuDecl::kHardMasc, kAnim, ""},
    {"правозащитник", RuDecl::kHardMasc, kAnim, ""},
    {"полиц", RuDecl::kIyaFem, kInan, ""},
    {"сотрудник", RuDecl::kHardMasc, kAnim, ""},
    {"свобод", RuDecl::kHardFem, kInan, ""},
    {"пытк", RuDecl::kHardFem, kInan, "пыток"},
    {"арест", RuDecl::kHardMasc, kInan, ""},
    {"приговор", RuDecl::kHardMasc, kInan, ""},
    {"обвинен", RuDecl::kIeNeut, kInan, ""},
    {"нарушен", RuDecl::kIeNeut, kInan, ""},
    {"расследован", RuDecl::kIeNeut, kInan, ""},
    {"доклад", RuDecl::kHardMasc, kInan, ""},
    {"отчёт", RuDecl::kHardMasc, kInan, ""},
    {"правительств", RuDecl::kHardNeut, kInan, ""},
    {"государств", RuDecl::kHardNeut, kInan, ""},
    {"организац", RuDecl::kIyaFem, kInan, ""},
    {"комисс", RuDecl::kIyaFem, kInan, ""},
    {"комитет", RuDecl::kHardMasc, kInan, ""},
    {"стран", RuDecl::kHardFem, kInan, ""},
    {"регион", RuDecl::kHardMasc, kInan, ""},
    {"район", RuDecl::kHardMasc, kInan, ""},
    {"женщин", RuDecl::kHardFem, kAnim, ""},
    {"жител", RuDecl::kSoftMasc, kAnim, ""},
    {"свидетел", RuDecl::kSoftMasc, kAnim, ""},
    {"мигрант", RuDecl::kHardMasc, kAnim, ""},
    {"жертв", RuDecl::kHardFem, kInan, ""},
    {"акц", RuDecl::kIyaFem, kInan, ""},
    {"протест", RuDecl::kHardMasc, kInan, ""},
    {"митинг", RuDecl::kHardMasc, kInan, ""},
    {"демонстрац", RuDecl::kIyaFem, kInan, ""},
    {"заявлен", RuDecl::kIeNeut, kInan, ""},
    {"решен", RuDecl::kIeNeut, kInan, ""},
    {"жалоб", RuDecl::kHardFem, kInan, ""},
    {"тюрьм", RuDecl::kHardFem, kInan, "тюрем"},
    {"колон", RuDecl::kIyaFem, kInan, ""},
    {"камер", RuDecl::kHardFem, kInan, ""},
    {"услов", RuDecl::kIeNeut, kInan, ""},
    {"содержан", RuDecl::kIeNeut, kInan, ""},
    {"насил", RuDecl::kIeNeut, kInan, ""},
    {"угроз", RuDecl::kHardFem, kInan, ""},
    {"давлен", RuDecl::kIeNeut, kInan, ""},
    {"преследован", RuDecl::kIeNeut, kInan, ""},
    {"дел", RuDecl::kHardNeut, kInan, ""},
    {"процесс", RuDecl::kHardMasc, kInan, ""},
    {"прокурор", RuDecl::kHardMasc, kAnim, ""},
    {"следовател", RuDecl::kSoftMasc, kAnim, ""},
    {"министерств", RuDecl::kHardNeut, kInan, ""},
    {"меньшинств", RuDecl::kHardNeut, kInan, ""},
    {"язык", RuDecl::kHardMasc, kInan, ""},
    {"религ", RuDecl::kIyaFem, kInan, ""},
    {"убежден", RuDecl::kIeNeut, kInan, ""},
    {"выражен", RuDecl::kIeNeut, kInan, ""},
    {"собран", RuDecl::kIeNeut, kInan, ""},
    {"объединен", RuDecl::kIeNeut, kInan, ""},
    {"информац", RuDecl::kIyaFem, kInan, ""},
    {"доступ", RuDecl::kHardMasc, kInan, ""},
    {"образован", RuDecl::kIeNeut, kInan, ""},
    {"дискриминац", RuDecl::kIyaFem, kInan, ""},
    {"конфликт", RuDecl::kHardMasc, kInan, ""},
    {"нападен", RuDecl::kIeNeut, kInan, ""},
    {"операц", RuDecl::kIyaFem, kInan, ""},
    {"наблюден", RuDecl::kIeNeut, kInan, ""},
    {"цензур", RuDecl::kHardFem, kInan, ""},
    {"сайт", RuDecl::kHardMasc, kInan, ""},
    {"газет", RuDecl::kHardFem, kInan, ""},
    {"показан", RuDecl::kIeNeut, kInan, ""},
    {"документ", RuDecl::kHardMasc, kInan, ""},
    {"письм", RuDecl::kHardNeut, kInan, "писем"},
    {"запрос", RuDecl::kHardMasc, kInan, ""},
    {"апелляц", RuDecl::kIyaFem, kInan, ""},
    {"слушан", RuDecl::kIeNeut, kInan, ""},
    {"штраф", RuDecl::kHardMasc, kInan, ""},
    {"наказан", RuDecl::kIeNeut, kInan, ""},
    {"казн", RuDecl::kSoftFem, kInan, ""},
    {"смерт", RuDecl::kSoftFem, kInan, ""},
    {"травм", RuDecl::kHardFem, kInan, ""},
    {"обращен", RuDecl::kIeNeut, kInan, ""},
    {"стандарт", RuDecl::kHardMasc, kInan, ""},
    {"обязательств", RuDecl::kHardNeut, kInan, ""},
    {"конвенц", RuDecl::kIyaFem, kInan, ""},
    {"договор", RuDecl::kHardMasc, kInan, ""},
    {"механизм", RuDecl::kHardMasc, kInan, ""},
    {"совет", RuDecl::kHardMasc, kInan, ""},
    {"мандат", RuDecl::kHardMasc, kInan, ""},
    {"визит", RuDecl::kHardMasc, kInan, ""},
    {"наблюдател", RuDecl::kSoftMasc, kAnim, ""},
    {"кризис", RuDecl::kHardMasc, kInan, ""},
    {"выселен", RuDecl::kIeNeut, kInan, ""},
    {"снос", RuDecl::kHardMasc, kInan, ""},
    {"компенсац", RuDecl::kIyaFem, kInan, ""},
    {"правосуд", RuDecl::kIeNeut, kInan, ""},
    {"безнаказанност", RuDecl::kSoftFem, kInan, ""},
    {"ответственност", RuDecl::kSoftFem, kInan, ""},
    {"прозрачност", RuDecl::kSoftFem, kInan, ""},
    {"коррупц", RuDecl::kIyaFem, kInan, ""},
    {"депортац", RuDecl::kIyaFem, kInan, ""},
    {"процедур", RuDecl::kHardFem, kInan, ""},
    {"статус", RuDecl::kHardMasc, kInan, ""},
    {"личност", RuDecl::kSoftFem, kInan, ""},
    {"профсоюз", RuDecl::kHardMasc, kInan, ""},
    {"забастовк", RuDecl::kHardFem, kInan, "забастовок"},
    {"зарплат", RuDecl::kHardFem, kInan, ""},
    {"работник", RuDecl::kHardMasc, kAnim, ""},
    {"компан", RuDecl::kIyaFem, kInan, ""},
    {"завод", RuDecl::kHardMasc, kInan, ""},
    {"числ", RuDecl::kHardNeut, kInan, "чисел"},
    {"процент", RuDecl::kHardMasc, kInan, ""},
    {"большинств", RuDecl::kHardNeut, kInan, ""},
    {"област", RuDecl::kSoftFem, kInan, ""},
    {"част", RuDecl::kSoftFem, kInan, ""},
    {"деятельност", RuDecl::kSoftFem, kInan, ""},
    {"безопасност", RuDecl::kSoftFem, kInan, ""},
    {"независимост", RuDecl::kSoftFem, kInan, ""},
    {"возможност", RuDecl::kSoftFem, kInan, ""},
    {"обществ", RuDecl::kHardNeut, kInan, ""},
    {"учёт", RuDecl::kHardMasc, kInan, ""},
    {"заключен", RuDecl::kIeNeut, kInan, ""},
    {"освобожден", RuDecl::kIeNeut, kInan, ""},
    {"лишен", RuDecl::kIeNeut, kInan, ""},
    {"участник", RuDecl::kHardMasc, kAnim, ""},
    {"защитник", RuDecl::kHardMasc, kAnim, ""},
    {"студент", RuDecl::kHardMasc, kAnim, ""},
    {"врач", RuDecl::kHardMasc, kAnim, ""},
    {"школ", RuDecl::kHardFem, kInan, ""},
    {"имуществ", RuDecl::kHardNeut, kInan, ""},
    {"собственност", RuDecl::kSoftFem, kInan, ""},
    {"вод", RuDecl::kHardFem, kInan, ""},
    {"проверк", RuDecl::kHardFem, kInan, "проверок"},
    {"случа", RuDecl::kJMasc, kInan, ""},
    {"представител", RuDecl::kSoftMasc, kAnim, ""},
    {"руководител", RuDecl::kSoftMasc, kAnim, ""},
    {"заявител", RuDecl::kSoftMasc, kAnim, ""},
    {"мысл", RuDecl::kSoftFem, kInan, ""},
    {"связ", RuDecl::kSoftFem, kInan, ""},
    {"кампан", RuDecl::kIyaFem, kInan, ""},
    {"движен", RuDecl::kIeNeut, kInan, ""},
    {"кандидат", RuDecl::kHardMasc, kAnim, ""},
    {"телефон", RuDecl::kHardMasc, kInan, ""},
    {"материал", RuDecl::kHardMasc, kInan, ""},
    {"публикац", RuDecl::kIyaFem, kInan, ""},
};

// Irregular nouns, all twelve forms (nominative..prepositional, singular then plural).
const char* const kFixedMasc[] = {
    "ребёнок,ребёнка,ребёнку,ребёнка,ребёнком,ребёнке,дети,детей,детям,детей,детьми,детях",
    ("гражданин,гражданина,гражданину,гражданина,гражданином,гражданине,граждане,граждан,"
     "гражданам,граждан,гражданами,гражданах"),
    ("беженец,беженца,беженцу,беженца,беженцем,беженце,беженцы,беженцев,беженцам,беженцев,"
     "беженцами,беженцах"),
    "судья,судьи,судье,судью,судьёй,судье,судьи,судей,судьям,судей,судьями,судьях",
};
const char* const kFixedInanimate[] = {
    "город,города,городу,город,городом,городе,города,городов,городам,города,городами,городах",
    "лагерь,лагеря,лагерю,лагерь,лагерем,лагере,лагеря,лагерей,лагерям,лагеря,лагерями,лагерях",
    "месяц,месяца,месяцу,месяц,месяцем,месяце,месяцы,месяцев,месяцам,месяцы,месяцами,месяцах",
};
const char* const kFixedFem[] = {
    "семья,семьи,семье,семью,семьёй,семье,семьи,семей,семьям,семьи,семьями,семьях",
    "земля,земли,земле,землю,землёй,земле,земли,земель,землям,земли,землями,землях",
    ("граница,границы,границе,границу,границей,границе,границы,границ,границам,границы,границами,"
     "границах"),
    "помощь,помощи,помощи,помощь,помощью,помощи",
};

const char* const kAdjectives[] = {
    "международн", "независим",   "политическ",  "гражданск",   "уголовн",     "административн",
    "судебн",      "публичн",     "мирн",        "жесток",      "бесчеловечн", "унизительн",
    "произвольн",  "незаконн",    "законн",      "военн",       "федеральн",   "региональн",
    "местн",       "национальн",  "этническ",    "религиозн",   "нов",         "серьёзн",
    "тяжёл",       "длительн",    "досудебн",    "тайн",        "секретн",     "официальн",
    "открыт",      "свободн",     "справедлив",  "несправедлив", "массов",     "насильственн",
    "принудительн", "внесудебн",  "уязвим",      "социальн",    "культурн",    "частн",
    "иностранн",   "сексуальн",   "достоверн",   "предполагаем", "срочн",      "правозащитн",
    "общественн",  "государственн", "систематическ", "экономическ", "физическ",   "психологическ",
    "широк",       "юридическ",   "журналистск", "человеческ", "медицинск",   "полицейск",
    "известн",     "многочисленн", "подобн",     "возможн",     "необходим",   "отдельн",
    "конституционн", "избирательн", "оппозиционн", "тюремн",    "правов|o",    "городск|o",
    "трудов|o",    "миров|o",     "друг|o",      "больш|o",     "основн|o",    "молод|o",
    "жёстк",       "учебн",       "вооружённ",   "объединённ",
};

const char* const kImperfective[] = {
    "задерживать", "нарушать",   "запрещать",   "получать",    "сообщать",     "заявлять",
    "требовать",   "осуждать",   "призывать",   "рассматривать", "подвергать", "освобождать",
    "ограничивать", "преследовать", "расследовать", "допрашивать", "обвинять",   "отрицать",
    "отклонять",   "принимать",  "продолжать",  "выселять",    "разгонять",    "избивать",
    "угрожать",    "фиксировать", "документировать", "критиковать", "использовать",
    "контролировать", "защищать", "обеспечивать", "гарантировать", "публиковать", "блокировать",
    "игнорировать", "поддерживать", "изучать",  "проверять",   "лишать",       "применять",
    "закрывать",   "отменять",   "вводить",     "посещать",    "решать",       "хранить",
    "судить",      "говорить",   "просить",     "пытать",      "допускать",    "скрывать",
    "готовить",    "штрафовать", "увольнять",   "отслеживать",
};

const char* const kPerfective[] = {
    "задержать:задержан",        "арестовать:арестован",      "осудить:осуждён",
    "приговорить:приговорён",    "освободить:освобождён",     "избить:избит",
    "убить:убит",                "похитить:похищен",          "депортировать:депортирован",
    "обвинить:обвинён",          "лишить:лишён",              "заключить:заключён",
    "запретить:запрещён",        "закрыть:закрыт",            "заблокировать:заблокирован",
    "выселить:выселен",          "допросить:допрошен",        "нарушить:нарушен",
    "ограничить:ограничен",      "принять:принят",            "рассмотреть:рассмотрен",
    "отклонить:отклонён",        "опубликовать:опубликован",  "задокументировать:задокументирован",
    "оштрафовать:оштрафован",    "уволить:уволен",            "изъять:изъят",
    "разогнать:разогнан",        "отправить:отправлен",       "направить:направлен",
    "признать:признан",          "отменить:отменён",          "отстранить:отстранён",
    "возбудить:возбуждён",       "продлить:продлён",          "исключить:исключён",
};

const char* const kReporting[] = {
    "заявить:заявлен", "сообщить:сообщён", "отметить:отмечен", "подчеркнуть:подчёркнут",
    "добавить:добавлен", "рассказать:рассказан", "признать:признан", "предупредить:предупреждён",
};

const char* const kAdverbs[] = {
    "неоднократно", "якобы",   "публично", "также",   "вновь",     "уже",      "никогда",
    "часто",        "недавно", "систематически", "фактически", "немедленно", "позднее",
    "впоследствии", "ранее",   "ещё",      "незаконно", "произвольно", "регулярно", "всё ещё",
};

// Invented names: male first names decline like закон (acc = gen), female ones like свобода.
const char* const kMaleFirst[] = {
    "Всемил",  "Ярогнев", "Добрыслав", "Радим",    "Светозар", "Велимир",  "Станимир",
    "Ратибор", "Любомир", "Горислав",  "Милодар",  "Тверд",    "Остромир", "Будимир",
};
const char* const kFemaleFirst[] = {
    "Милослав", "Веданк", "Радмил", "Златослав", "Любав",   "Ярин",     "Добрав",
    "Всеслав",  "Белослав", "Звенислав", "Огнеслав", "Ладомир", "Снежан",
};
const char* const kSurnames[] = {
    "Ковыльников", "Пескарёв",    "Ледянкин",  "Рябинов",    "Тальников", "Брусникин",
    "Вересков",    "Клёнов",      "Полынов",   "Осокин",     "Камышин",   "Шиповников",
    "Дождевиков",  "Сугробов",    "Ракитин",   "Черёмухин",  "Ольховиков", "Травников",
    "Зябликов",    "Снегирёв",    "Ежевикин",  "Репейников", "Хвощёв",    "Лопухин",
};

// Countries: stem and class, or twelve forms for indeclinable and irregular names.
const NounSpec kCountries[] = {
    {"Франц", RuDecl::kIyaFem, kInan, ""},   {"Герман", RuDecl::kIyaFem, kInan, ""},
    {"Бразил", RuDecl::kIyaFem, kInan, ""},  {"Инд", RuDecl::kIyaFem, kInan, ""},
    {"Кен", RuDecl::kIyaFem, kInan, ""},     {"Мексик", RuDecl::kHardFem, kInan, ""},
    {"Турц", RuDecl::kIyaFem, kInan, ""},    {"Колумб", RuDecl::kIyaFem, kInan, ""},
    {"Нигер", RuDecl::kIyaFem, kInan, ""},   {"Пакистан", RuDecl::kHardMasc, kInan, ""},
    {"Индонез", RuDecl::kIyaFem, kInan, ""}, {"Аргентин", RuDecl::kHardFem, kInan, ""},
    {"Канад", RuDecl::kHardFem, kInan, ""},  {"Вьетнам", RuDecl::kHardMasc, kInan, ""},
    {"Непал", RuDecl::kHardMasc, kInan, ""}, {"Ган", RuDecl::kHardFem, kInan, ""},
    {"Уганд", RuDecl::kHardFem, kInan, ""},  {"Иран", RuDecl::kHardMasc, kInan, ""},
};
const char* const kFixedCountries[] = {
    "Египет,Египта,Египту,Египет,Египтом,Египте",
    "Перу",
    "Чили",
    "Марокко",
};

const char* const kMonths[] = {"января", "февраля", "марта",    "апреля",  "мая",    "июня",
                               "июля",   "августа", "сентября", "октября", "ноября", "декабря"};

// clang-format on

}  // namespace ru_lists

Russian::Russian()
    : nouns_(
          [] {
              std::vector<Noun> v;
              for (const auto& s : ru_lists::kNouns)
                  v.push_back(make_noun(s.stem, s.decl, s.animate, s.gen_pl));
              // Irregular nouns slot in among the frequent ones.
              std::size_t at = 6;
              for (const char* f : ru_lists::kFixedMasc)
                  v.insert(v.begin() + static_cast<std::ptrdiff_t>(at += 5),
                           fixed_noun(f, Gender::kMasc, true));
              for (const char* f : ru_lists::kFixedInanimate)
                  v.insert(v.begin() + static_cast<std::ptrdiff_t>(at += 7),
                           fixed_noun(f, Gender::kMasc, false));
              for (const char* f : ru_lists::kFixedFem)
                  v.insert(v.begin() + static_cast<std::ptrdiff_t>(at += 9),
                           fixed_noun(f, Gender::kFem, false));
              v.insert(v.begin() + 12, adjectival_noun("заключённ", true));
              v.insert(v.begin() + 30, adjectival_noun("задержанн", true));
              v.insert(v.begin() + 45, adjectival_noun("обвиняем", true));
              v.insert(v.begin() + 60, adjectival_noun("осуждённ", true));
              v.insert(v.begin() + 75, adjectival_noun("военн", true));
              v.insert(v.begin() + 90, adjectival_noun("учён", true));
              return v;
          }(),
          kZipfOffsetContent),
      adjectives_(to_entries<Adjective>(ru_lists::kAdjectives, make_adjective), kZipfOffsetContent),
      imperfective_(to_entries<Verb>(ru_lists::kImperfective, make_imperfective),
                    kZipfOffsetContent),
      perfective_(to_entries<Verb>(ru_lists::kPerfective, make_perfective), kZipfOffsetContent),
      adverbs_(to_strings(ru_lists::kAdverbs), kZipfOffsetSmall),
      person_(fixed_noun("человек,человека,человеку,человека,человеком,человеке,люди,людей,людям,"
                         "людей,людьми,людях",
                         Gender::kMasc, true)),
      year_(fixed_noun("год,года,году,год,годом,годе,годы,лет,годам,годы,годами,годах",
                       Gender::kMasc, false)),
      month_(fixed_noun(ru_lists::kFixedInanimate[2], Gender::kMasc, false)),
      continue_(make_imperfective("продолжать")),
      reporting_(to_entries<Verb>(ru_lists::kReporting, make_perfective)),
      months_(to_strings(ru_lists::kMonths)),
      onsets_({"б",  "в",  "г",  "д",  "ж",  "з",  "к",  "л",  "м",  "н",  "п",  "р",  "с",
               "т",  "ф",  "х",  "ц",  "ч",  "ш",  "щ",  "бр", "вр", "гл", "гр", "др", "зв",
               "кл", "кр", "пл", "пр", "ск", "сл", "см", "ст", "тр", "хв", "шт"}),
      nuclei_({"а", "е", "и", "о", "у", "ы", "я", "ю", "ё", "а", "о", "е"}),
      codas_({"", "", "", "", "н", "р", "л", "к", "т", "с", "м", "в", "ш", "ст", "нк"}),
      suffixes_({"", "а", "ов", "ом", "ами", "ах", "ский", "ская", "ость", "ение", "ание", "ет",
                 "ил", "ать", "ить", "ой", "ую"}) {
    for (const char* m : ru_lists::kMaleFirst) {
        const Noun n = make_noun(m, RuDecl::kHardMasc, true, "");
        first_names_.push_back(
            {{n.forms[0], n.forms[1], n.forms[2], n.forms[1], n.forms[4], n.forms[5]},
             Gender::kMasc});
    }
    for (const char* f : ru_lists::kFemaleFirst) {
        const Noun n = make_noun(f, RuDecl::kHardFem, true, "");
        first_names_.push_back(
            {{n.forms[0], n.forms[1], n.forms[2], n.forms[3], n.forms[4], n.forms[5]},
             Gender::kFem});
    }
    for (const char* s : ru_lists::kSurnames) {
        const std::string m(s);
        surnames_.push_back({{m, m + "а", m + "у", m + "а", m + "ым", m + "е"}, Gender::kMasc});
        surnames_.push_back(
            {{m + "а", m + "ой", m + "ой", m + "у", m + "ой", m + "ой"}, Gender::kFem});
    }
    for (const auto& s : ru_lists::kCountries)
        countries_.push_back(make_noun(s.stem, s.decl, false, s.gen_pl));
    for (const char* f : ru_lists::kFixedCountries)
        countries_.push_back(fixed_noun(f, Gender::kMasc, false));
}

void Russian::date(Context& c, Phrase& p) const {
    const Date d = random_date(c.rng);
    p.word(std::to_string(d.day));
    p.word(months_[static_cast<std::size_t>(d.month - 1)]);
    p.word(std::to_string(d.year));
    p.word("года");
}

void Russian::year(Context& c, Phrase& p) const {
    p.fn("в");
    p.word(std::to_string(c.rng.between(kFirstYear, kLastYear)));
    p.word("году");
}

/// Russian numeral agreement: 1 → nominative singular, 2–4 → genitive singular, else genitive
/// plural.
int ru_numeral_slot(int n) {
    const int last = n % 10;
    const int tens = n % 100;
    if (last == 1 && tens != 11) return kNom;
    if (last >= 2 && last <= 4 && (tens < 12 || tens > 14)) return kGen;
    return kCases + kGen;
}

void Russian::plain_noun_phrase(Context& c, Phrase& p, const Noun& n, bool plural, int rcase,
                                bool complex) const {
    if (c.rng.percent(30)) {
        const Agreement a{n.gender, plural};
        p.word(adjectives_.draw(c.rng).form(a, rcase, n.animate));
    }
    p.word(n.form(rcase, plural));
    if (complex && c.rng.percent(22)) {
        if (c.rng.percent(18)) {
            p.word("прав");
            p.word(person_.form(kGen, false));
        } else {
            const Noun& g = nouns_.draw(c.rng);
            plain_noun_phrase(c, p, g, c.rng.percent(40), kGen, false);
        }
    }
}

Agreement Russian::noun_phrase(Context& c, Phrase& p, int rcase, bool complex) const {
    const auto r = c.rng.below(100);
    if (r < 7) {
        // Surnames come in masculine/feminine pairs: index 2k and 2k+1.
        const Name& first = c.rng.pick(first_names_);
        const std::size_t family = c.rng.below(surnames_.size() / 2);
        const Name& last = surnames_[2 * family + (first.gender == Gender::kFem ? 1 : 0)];
        const auto i = static_cast<std::size_t>(rcase);
        if (c.rng.percent(60)) p.word(first.forms[i]);
        p.word(last.forms[i]);
        return {first.gender, false};
    }
    if (r < 11) {
        const Noun& n = c.rng.pick(countries_);
        p.word(n.form(rcase, false));
        return {n.gender, false};
    }
    if (r < 15 && (rcase == kNom || rcase == kAcc)) {
        if (c.rng.percent(30)) {
            p.fn("по");
            p.word("меньшей");
            p.word("мере");
        }
        const int count = random_count(c.rng);
        p.word(std::to_string(count));
        const bool people = c.rng.percent(30);
        const Noun& n = people ? person_ : nouns_.draw(c.rng);
        const int slot = ru_numeral_slot(count);
        // After numerals "человек" replaces "людей": 5 человек.
        p.word(people && slot == kCases + kGen ? std::string("человек")
                                               : n.forms[static_cast<std::size_t>(slot)]);
        return {n.gender, true};
    }
    if (r < 19 && rcase == kNom) {
        static const std::array<std::pair<const char*, Agreement>, 4> kPronouns = {{
            {"он", {Gender::kMasc, false}},
            {"она", {Gender::kFem, false}},
            {"оно", {Gender::kNeut, false}},
            {"они", {Gender::kMasc, true}},
        }};
        const auto& pr = kPronouns[c.rng.below(kPronouns.size())];
        p.fn(pr.first);
        return pr.second;
    }
    const Noun& n = c.rng.percent(4) ? person_ : nouns_.draw(c.rng);
    const bool plural = c.rng.percent(35);
    plain_noun_phrase(c, p, n, plural, rcase, complex);
    return {n.gender, plural};
}

void Russian::past(Phrase& p, const Verb& v, Agreement a) const {
    static const std::array<std::string_view, 4> kPast = {"л", "ла", "ло", "ли"};
    const int slot = a.plural ? 3 : static_cast<int>(a.gender);
    p.word(v.past_stem + std::string(kPast[static_cast<std::size_t>(slot)]));
}

void Russian::adjunct(Context& c, Phrase& p) const {
    struct Prep {
        const char* word;
        int rcase;
    };
    static const std::array<Prep, 16> kPreps = {{
        {"в", kPrep},
        {"в", kPrep},
        {"на", kPrep},
        {"о", kPrep},
        {"по", kDat},
        {"для", kGen},
        {"после", kGen},
        {"из-за", kGen},
        {"против", kGen},
        {"без", kGen},
        {"с", kIns},
        {"к", kDat},
        {"в отношении", kGen},
        {"у", kGen},
        {"в связи с", kIns},
        {"до", kGen},
    }};
    const auto r = c.rng.below(100);
    if (r < 55) {
        const Prep& pr = kPreps[c.rng.below(kPreps.size())];
        add_words(p, pr.word);
        noun_phrase(c, p, pr.rcase, false);
    } else if (r < 68) {
        p.fn("в");
        p.word(c.rng.pick(countries_).form(kPrep, false));
    } else if (r < 78) {
        year(c, p);
    } else if (r < 85) {
        date(c, p);
    } else if (r < 93) {
        static const std::vector<std::string> kCodes = {
            "Уголовного кодекса", "Конституции", "Кодекса об административных правонарушениях",
            "закона о митингах"};
        p.fn("по");
        p.word("статье");
        p.word(std::to_string(c.rng.between(1, 350)));
        add_words(p, c.rng.pick(kCodes));
    } else {
        const int n = c.rng.between(2, 30);
        p.fn("в");
        p.fn("течение");
        p.word(std::to_string(n));
        const int slot = ru_numeral_slot(n);
        p.word((c.rng.percent(50) ? year_ : month_).forms[static_cast<std::size_t>(slot)]);
    }
}

void Russian::verb_phrase(Context& c, Phrase& p, Agreement a) const {
    const bool negative = c.rng.percent(8);
    bool object = true;
    if (c.rng.percent(7)) p.word(adverbs_.draw(c.rng));
    if (negative) p.fn("не");
    const auto r = c.rng.below(100);
    const int slot = a.plural ? 3 : static_cast<int>(a.gender);
    if (r < 35) {
        past(p, c.rng.percent(55) ? perfective_.draw(c.rng) : imperfective_.draw(c.rng), a);
    } else if (r < 52) {
        static const std::array<std::string_view, 4> kWas = {"был", "была", "было", "были"};
        static const std::array<std::string_view, 4> kEnding = {"", "а", "о", "ы"};
        const Verb& v = perfective_.draw(c.rng);
        p.fn(kWas[static_cast<std::size_t>(slot)]);
        p.word(slot == 0
                   ? v.participle
                   : v.participle_oblique + std::string(kEnding[static_cast<std::size_t>(slot)]));
        object = false;
        if (c.rng.percent(30)) noun_phrase(c, p, kIns, false);
    } else if (r < 67) {
        const Verb& v = imperfective_.draw(c.rng);
        p.word(a.plural ? v.present_pl : v.present_sg);
    } else if (r < 74) {
        if (c.rng.percent(50)) {
            past(p, continue_, a);
        } else {
            p.word(a.plural ? "продолжают" : "продолжает");
        }
        p.word(imperfective_.draw(c.rng).infinitive);
    } else if (r < 87) {
        static const std::array<std::string_view, 4> kMust = {"должен", "должна", "должно",
                                                              "должны"};
        if (c.rng.percent(60)) {
            p.word(kMust[static_cast<std::size_t>(slot)]);
        } else {
            p.word(a.plural ? "могут" : "может");
        }
        p.word(c.rng.percent(50) ? perfective_.draw(c.rng).infinitive
                                 : imperfective_.draw(c.rng).infinitive);
    } else {
        past(p, perfective_.draw(c.rng), a);
    }
    if (object) noun_phrase(c, p, kAcc, true);
    if (c.rng.percent(45)) adjunct(c, p);
    if (c.rng.percent(12)) adjunct(c, p);
}

Agreement Russian::clause(Context& c, Phrase& p) const {
    const Agreement a = noun_phrase(c, p, kNom, c.rng.percent(50));
    verb_phrase(c, p, a);
    return a;
}

void Russian::sentence(Context& c, Phrase& p) const {
    const auto r = c.rng.below(100);
    if (r < 55) {
        if (c.rng.percent(18)) {
            const auto k = c.rng.below(5);
            if (k == 0) {
                year(c, p);
            } else if (k == 1) {
                date(c, p);
            } else if (k == 2) {
                p.fn("в");
                p.word(c.rng.pick(countries_).form(kPrep, false));
            } else if (k == 3) {
                static const std::vector<std::string> kConnectives = {
                    "однако", "кроме того", "между тем", "при этом", "тем не менее"};
                add_words(p, c.rng.pick(kConnectives));
                p.punct(",");
            } else {
                p.fn("по");
                p.word("данным");
                noun_phrase(c, p, kGen, false);
                p.punct(",");
            }
        }
        clause(c, p);
        p.punct(".");
    } else if (r < 70) {
        const Verb& said = c.rng.pick(reporting_);
        if (c.rng.percent(30)) {
            p.open("«");
            clause(c, p);
            p.punct("»,");
            p.spaced("—");
            Phrase subject;
            const Agreement a = noun_phrase(c, subject, kNom, false);
            past(p, said, a);
            for (const Token& t : subject.tokens()) p.tokens().push_back(t);
        } else if (c.rng.percent(50)) {
            const Agreement a = noun_phrase(c, p, kNom, false);
            past(p, said, a);
            p.punct(",");
            p.fn("что");
            clause(c, p);
        } else {
            p.fn("по");
            p.word("словам");
            noun_phrase(c, p, kGen, false);
            p.punct(",");
            clause(c, p);
        }
        p.punct(".");
    } else if (r < 80) {
        static const std::vector<std::string> kJoins = {"а",      "но",        "и",
                                                        "однако", "поскольку", "хотя"};
        clause(c, p);
        p.punct(",");
        p.fn(c.rng.pick(kJoins));
        clause(c, p);
        p.punct(".");
    } else if (r < 87) {
        p.fn("как");
        const Agreement a = noun_phrase(c, p, kNom, false);
        p.word(a.plural ? "сообщают" : "сообщает");
        p.punct(",");
        clause(c, p);
        p.punct(".");
    } else if (r < 94) {
        static const std::array<std::string_view, 4> kWhich = {"который", "которая", "которое",
                                                               "которые"};
        const Agreement a = noun_phrase(c, p, kNom, false);
        p.punct(",");
        p.fn(kWhich[static_cast<std::size_t>(a.plural ? 3 : static_cast<int>(a.gender))]);
        verb_phrase(c, p, a);
        p.punct(",");
        verb_phrase(c, p, a);
        p.punct(".");
    } else if (r < 97) {
        year(c, p);
        p.fn("в");
        p.word(c.rng.pick(countries_).form(kPrep, false));
        p.fn("были");
        p.word(perfective_.draw(c.rng).participle_oblique + "ы");
        p.fn("по");
        p.word("меньшей");
        p.word("мере");
        const int count = random_count(c.rng);
        p.word(std::to_string(count));
        p.word(nouns_.draw(c.rng).forms[static_cast<std::size_t>(ru_numeral_slot(count))]);
        p.punct(".");
    } else {
        p.fn("почему");
        const Agreement a = noun_phrase(c, p, kNom, false);
        static const std::array<std::string_view, 4> kWas = {"был", "была", "было", "были"};
        static const std::array<std::string_view, 4> kEnding = {"", "а", "о", "ы"};
        const int slot = a.plural ? 3 : static_cast<int>(a.gender);
        const Verb& v = perfective_.draw(c.rng);
        p.fn(kWas[static_cast<std::size_t>(slot)]);
        p.word(slot == 0
                   ? v.participle
                   : v.participle_oblique + std::string(kEnding[static_cast<std::size_t>(slot)]));
        p.punct("?");
    }
}

void Russian::headline(Context& c, Phrase& p) const {
    const auto r = c.rng.below(3);
    if (r == 0) {
        p.word(c.rng.pick(countries_).form(kNom, false));
        p.punct(":");
        clause(c, p);
    } else if (r == 1) {
        noun_phrase(c, p, kNom, true);
        p.fn("в");
        p.word(c.rng.pick(countries_).form(kPrep, false));
    } else {
        const Agreement a = noun_phrase(c, p, kNom, false);
        static const std::array<std::string_view, 4> kMust = {"должен", "должна", "должно",
                                                              "должны"};
        p.word(kMust[static_cast<std::size_t>(a.plural ? 3 : static_cast<int>(a.gender))]);
        p.word(perfective_.draw(c.rng).infinitive);
        noun_phrase(c, p, kAcc, true);
    }
}

void Russian::finish(Context&, Phrase& p) const {
    auto& t = p.tokens();
    for (std::size_t i = 0; i + 1 < t.size(); ++i) {
        if (t[i].kind != TokenKind::kFunction) continue;
        const std::u32string next = decode_utf8(lowercase(t[i + 1].text));
        if (next.size() < 2) continue;
        const bool consonant2 =
            std::u32string_view(U"аеёиоуыэюя").find(next[1]) == std::u32string_view::npos;
        if (t[i].text == "в" && (next[0] == U'в' || next[0] == U'ф') && consonant2) {
            t[i].text = "во";
        } else if (t[i].text == "с" &&
                   std::u32string_view(U"сзшж").find(next[0]) != std::u32string_view::npos &&
                   consonant2) {
            t[i].text = "со";
        } else if (t[i].text == "о" &&
                   std::u32string_view(U"аоуэи").find(next[0]) != std::u32string_view::npos) {
            t[i].text = "об";
        }
    }
}

std::string Russian::rare_word(Rng& rng) const {
    return syllable_word(rng, onsets_, nuclei_, codas_, suffixes_);
}

// ============================================================ French
// ===================================

bool fr_starts_with_vowel(std::string_view w) {
    static const std::u32string_view kVowels = U"aeiouyàâäéèêëîïôöûüœAEIOUYÀÂÉÈÊÎÔÛŒ";
    static const std::set<std::string> kAspirated = {"harcèlement", "haut",  "haute", "haine",
                                                     "hausse",      "héros", "honte", "hors"};
    const char32_t c = first_cp(w);
    if (c == U'h' || c == U'H') {
        std::string lower = lowercase(w);
        for (const std::string& a : kAspirated)
            if (lower.rfind(a, 0) == 0) return false;
        return true;
    }
    return kVowels.find(c) != std::u32string_view::npos;
}

class French final : public Language {
  public:
    French();
    std::string_view code() const override { return "fr"; }
    void sentence(Context& c, Phrase& p) const override;
    void headline(Context& c, Phrase& p) const override;
    void finish(Context& c, Phrase& p) const override;
    std::string rare_word(Rng& rng) const override;
    std::u32string_view vowels() const override { return U"aeiouéèê"; }

  private:
    struct Noun {
        std::string sg, pl;
        bool fem;
    };
    struct Adjective {
        std::string ms, fs, mp, fp;
        bool before;
        const std::string& form(Agreement a) const {
            if (a.gender == Gender::kFem) return a.plural ? fp : fs;
            return a.plural ? mp : ms;
        }
    };
    struct Verb {
        std::string inf, p3s, p3p, ipf3s, ipf3p, pp, fut3s, fut3p;
    };
    struct Country {
        std::string name;
        bool fem, plural;
    };
    enum class Governor { kNone, kDe, kA };

    static Noun make_noun(std::string_view spec);
    static Adjective make_adjective(std::string_view spec);
    static Verb make_verb(std::string_view spec);

    Agreement noun_phrase(Context& c, Phrase& p, Governor g, bool complex,
                          bool subject = false) const;
    Agreement plain_noun_phrase(Context& c, Phrase& p, Governor g, bool plural, bool complex) const;
    void article(Phrase& p, Governor g, Agreement a, bool definite) const;
    Agreement country(Context& c, Phrase& p, Governor g) const;
    void in_country(Context& c, Phrase& p) const;
    void verb_phrase(Context& c, Phrase& p, Agreement a) const;
    void adjunct(Context& c, Phrase& p) const;
    Agreement clause(Context& c, Phrase& p) const;
    void date(Context& c, Phrase& p) const;

    Lexicon<Noun> nouns_;
    Lexicon<Adjective> adjectives_;
    Lexicon<Verb> verbs_;
    Lexicon<std::string> adverbs_;
    std::vector<std::string> first_names_, last_names_;
    std::vector<Country> countries_;
    std::vector<std::string> reporting_;
    std::vector<std::string> months_;
    std::vector<std::string> onsets_, nuclei_, codas_, suffixes_;
};

namespace fr_lists {

// Word lists: kept as written (frequent entries first), not reformatted.
// clang-format off

// "singular|f" or "singular|m", optionally "|plural" when the plural is irregular.
const char* const kNouns[] = {
    "droit|m", "rapport|m", "gouvernement|m", "autorité|f", "personne|f", "loi|f", "tribunal|m",
    "détention|f", "police|f", "prisonnier|m", "journaliste|m", "liberté|f", "torture|f", "cas|m",
    "famille|f", "femme|f", "enfant|m", "avocat|m", "procès|m", "arrestation|f", "manifestation|f",
    "militant|m", "responsable|m", "communauté|f", "enquête|f", "violation|f", "sécurité|f",
    "force|f", "victime|f", "témoin|m", "pays|m", "région|f", "élection|f", "membre|m",
    "organisation|f", "défenseur|m", "réfugié|m", "camp|m", "frontière|f", "prison|f", "peine|f",
    "accusation|f", "abus|m", "meurtre|m", "disparition|f", "libération|f", "plainte|f",
    "minorité|f", "expression|f", "réunion|f", "association|f", "presse|f", "média|m",
    "information|f", "preuve|f", "politique|f", "réforme|f", "juge|m", "parlement|m", "décret|m",
    "mesure|f", "ministère|m", "ministre|m", "armée|f", "soldat|m", "milice|f", "groupe|m",
    "citoyen|m", "travailleur|m", "étudiant|m", "enseignant|m", "médecin|m", "hôpital|m",
    "école|f", "village|m", "ville|f", "province|f", "maison|f", "terre|f", "propriété|f",
    "accès|m", "santé|f", "eau|f", "éducation|f", "discrimination|f", "violence|f", "conflit|m",
    "attaque|f", "opération|f", "menace|f", "harcèlement|m", "surveillance|f", "censure|f",
    "blogueur|m", "journal|m", "site|m", "déclaration|f", "entretien|m", "témoignage|m",
    "source|f", "document|m", "lettre|f", "demande|f", "appel|m", "audience|f", "verdict|m",
    "amende|f", "sanction|f", "exécution|f", "mort|f", "blessure|f", "condition|f", "cellule|f",
    "gardien|m", "interrogatoire|m", "aveu|m", "traitement|m", "norme|f", "obligation|f",
    "engagement|m", "convention|f", "traité|m", "mécanisme|m", "commission|f", "comité|m",
    "conseil|m", "rapporteur|m", "mandat|m", "visite|f", "observateur|m", "aide|f", "crise|f",
    "déplacement|m", "expulsion|f", "démolition|f", "indemnisation|f", "justice|f", "impunité|f",
    "transparence|f", "corruption|f", "migrant|m", "asile|m", "procédure|f", "statut|m",
    "identité|f", "langue|f", "religion|f", "croyance|f", "égalité|f", "syndicat|m", "grève|f",
    "salaire|m", "employeur|m", "entreprise|f", "usine|f", "forêt|f", "mois|m", "année|f",
    "semaine|f", "jour|m", "nombre|m", "majorité|f", "homme|m", "État|m", "ONG|f|ONG",
    "détenu|m", "procureur|m", "policier|m", "manifestant|m", "opposant|m", "candidat|m",
    "scrutin|m", "campagne|f", "mouvement|m", "réseau|m", "compte|m", "message|m", "téléphone|m",
};

// "masculine" (feminine and plurals derived), "masculine|feminine" when irregular;
// a leading '<' marks an adjective placed before the noun.
const char* const kAdjectives[] = {
    "humain", "politique", "civil", "public|publique", "indépendant", "international", "national",
    "local", "arbitraire", "illégal", "légal", "pénal", "militaire", "pacifique", "violent",
    "<grave", "sévère", "<nouveau|nouvelle", "<ancien", "cruel", "inhumain", "dégradant",
    "équitable", "injuste", "prolongé", "provisoire", "secret|secrète", "officiel",
    "administratif", "judiciaire", "fédéral", "régional", "ethnique", "religieux", "autochtone",
    "<jeune", "âgé", "vulnérable", "effectif", "libre", "ouvert", "récent", "<dernier", "actuel",
    "dangereux", "surpeuplé", "pauvre", "économique", "social", "culturel", "privé", "étranger",
    "sexuel", "physique", "psychologique", "crédible", "systématique", "généralisé", "présumé",
    "forcé", "extrajudiciaire", "urgent", "préoccupant", "armé", "masqué", "inconnu", "détenu",
    "disparu", "temporaire", "permanent", "long|longue", "brutal", "discriminatoire", "restrictif",
    "vague", "strict", "sévère", "mineur", "majeur", "principal", "<premier", "<certain",
    "<nombreux", "constitutionnel", "électoral", "opposé",
};

// Regular -er and -ir verbs by infinitive; "inf|present 3sg" for stem changes (protège, appelle);
// "inf|p3s|p3p|imperfect 3sg|participle|future 3sg" for irregular verbs.
const char* const kVerbs[] = {
    "arrêter", "libérer", "accuser", "condamner", "torturer", "frapper", "bloquer", "fermer",
    "visiter", "documenter", "enquêter", "surveiller", "protéger|protège", "violer", "garantir",
    "exiger", "appeler|appelle", "dénoncer", "critiquer", "réclamer", "proposer", "modifier",
    "abroger", "adopter", "continuer", "publier", "confirmer", "affirmer", "menacer",
    "harceler|harcèle", "intimider", "cibler", "attaquer", "tuer", "blesser", "enlever|enlève",
    "transférer|transfère", "expulser", "déplacer", "brûler", "saisir", "confisquer",
    "interroger", "juger", "rejeter|rejette", "ordonner", "décider", "approuver", "signer",
    "ratifier", "appliquer", "respecter", "refuser", "utiliser", "empêcher", "signaler",
    "déclarer", "indiquer", "rapporter", "observer", "recenser", "réprimer", "disperser",
    "maltraiter", "emprisonner", "séquestrer", "exécuter", "autoriser", "limiter", "censurer",
    "infliger", "punir", "établir", "détenir|détient|détiennent|détenait|détenu|détiendra",
    "interdire|interdit|interdisent|interdisait|interdit|interdira",
    "restreindre|restreint|restreignent|restreignait|restreint|restreindra",
    "poursuivre|poursuit|poursuivent|poursuivait|poursuivi|poursuivra",
    "recevoir|reçoit|reçoivent|recevait|reçu|recevra",
    "soumettre|soumet|soumettent|soumettait|soumis|soumettra",
    "prendre|prend|prennent|prenait|pris|prendra",
};

const char* const kAdverbs[] = {
    "également", "toujours", "déjà", "souvent", "récemment", "systématiquement", "immédiatement",
    "ensuite", "publiquement", "régulièrement", "arbitrairement", "illégalement", "encore",
    "aujourd’hui", "notamment", "effectivement", "longuement", "parfois",
};

const char* const kFirstNames[] = {
    "Léandre", "Maëlis", "Bérenger", "Oriane", "Thibaud", "Soline", "Ysaline", "Aymeric",
    "Clémence", "Gaspard", "Héloïse", "Ambroise", "Éloane", "Baptistin", "Anouchka", "Corentin",
    "Mélisande", "Quentin", "Rosalinde", "Tancrède", "Églantine", "Jordan", "Noémie", "Achille",
};

const char* const kLastNames[] = {
    "Delaroncière", "Montferrand", "Castagnède", "Boisrenard", "Lachaumière", "Vermeillon",
    "Brunétière", "Salvagnac", "Perronet", "Chabrière", "Dufresnoy", "Auberval", "Escoffrey",
    "Mirandole", "Roquebrune", "Thévenard", "Valcourtois", "Guillermet", "Fontanaud",
    "Lestrignac", "Ombreval", "Quérignac",
};

// "name|f|s" feminine singular, "name|m|s", "name|f|p" plural.
const char* const kCountries[] = {
    "France|f|s", "Allemagne|f|s", "Brésil|m|s", "Inde|f|s", "Kenya|m|s", "Mexique|m|s",
    "Égypte|f|s", "Turquie|f|s", "Pérou|m|s", "Chili|m|s", "Colombie|f|s", "Nigeria|m|s",
    "Pakistan|m|s", "Indonésie|f|s", "Argentine|f|s", "Canada|m|s", "Maroc|m|s",
    "Viêt Nam|m|s", "Népal|m|s", "Ghana|m|s", "Ouganda|m|s", "Philippines|f|p", "Iran|m|s",
    "États-Unis|m|p",
};

const char* const kReporting[] = {
    "déclaré", "affirmé", "indiqué", "souligné", "précisé", "dénoncé", "rappelé", "ajouté",
    "expliqué", "estimé", "regretté", "assuré",
};

const char* const kMonths[] = {
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre"};

// clang-format on

}  // namespace fr_lists

std::string fr_plural(std::string_view w) {
    if (ends_with(w, "s") || ends_with(w, "x") || ends_with(w, "z")) return std::string(w);
    if (ends_with(w, "al")) return std::string(w.substr(0, w.size() - 2)) + "aux";
    if (ends_with(w, "eau") || ends_with(w, "eu")) return std::string(w) + "x";
    return std::string(w) + "s";
}

French::Noun French::make_noun(std::string_view spec) {
    const auto parts = split(spec, '|');
    return {parts[0], parts.size() > 2 ? parts[2] : fr_plural(parts[0]), parts.at(1) == "f"};
}

French::Adjective French::make_adjective(std::string_view spec) {
    Adjective a{};
    a.before = !spec.empty() && spec[0] == '<';
    if (a.before) spec.remove_prefix(1);
    const auto parts = split(spec, '|');
    a.ms = parts[0];
    if (parts.size() > 1) {
        a.fs = parts[1];
    } else {
        const std::string& m = a.ms;
        auto cut = [&](std::size_t n) { return m.substr(0, m.size() - n); };
        if (ends_with(m, "e")) {
            a.fs = m;
        } else if (ends_with(m, "if")) {
            a.fs = cut(1) + "ve";
        } else if (ends_with(m, "el") || ends_with(m, "ien") || ends_with(m, "on")) {
            a.fs = m + m.substr(m.size() - 1) + "e";
        } else if (ends_with(m, "eux")) {
            a.fs = cut(1) + "se";
        } else if (ends_with(m, "er")) {
            a.fs = cut(2) + "ère";
        } else {
            a.fs = m + "e";
        }
    }
    a.mp = fr_plural(a.ms);
    a.fp = a.fs + "s";
    return a;
}

French::Verb French::make_verb(std::string_view spec) {
    const auto parts = split(spec, '|');
    Verb v;
    v.inf = parts[0];
    if (parts.size() >= 6) {
        v.p3s = parts[1];
        v.p3p = parts[2];
        v.ipf3s = parts[3];
        v.pp = parts[4];
        v.fut3s = parts[5];
    } else if (ends_with(v.inf, "ir")) {
        const std::string stem = v.inf.substr(0, v.inf.size() - 2);
        v.p3s = stem + "it";
        v.p3p = stem + "issent";
        v.ipf3s = stem + "issait";
        v.pp = stem + "i";
        v.fut3s = v.inf + "a";
    } else {
        const std::string stem = v.inf.substr(0, v.inf.size() - 2);
        v.p3s = parts.size() > 1 ? parts[1] : stem + "e";
        v.p3p = v.p3s + "nt";
        std::string ipf = stem;
        if (ends_with(stem, "g")) {
            ipf += "e";
        } else if (ends_with(stem, "c")) {
            ipf = stem.substr(0, stem.size() - 1) + "ç";
        }
        v.ipf3s = ipf + "ait";
        v.pp = stem + "é";
        v.fut3s = parts.size() > 1 ? v.p3s + "ra" : v.inf + "a";
    }
    v.ipf3p = v.ipf3s.substr(0, v.ipf3s.size() - 3) + "aient";
    v.fut3p = v.fut3s.substr(0, v.fut3s.size() - 1) + "ont";
    return v;
}

French::French()
    : nouns_(to_entries<Noun>(fr_lists::kNouns, make_noun), kZipfOffsetContent),
      adjectives_(to_entries<Adjective>(fr_lists::kAdjectives, make_adjective), kZipfOffsetContent),
      verbs_(to_entries<Verb>(fr_lists::kVerbs, make_verb), kZipfOffsetContent),
      adverbs_(to_strings(fr_lists::kAdverbs), kZipfOffsetSmall),
      first_names_(to_strings(fr_lists::kFirstNames)),
      last_names_(to_strings(fr_lists::kLastNames)),
      reporting_(to_strings(fr_lists::kReporting)),
      months_(to_strings(fr_lists::kMonths)),
      onsets_({"b", "bl", "br", "c", "ch", "cl", "cr", "d",  "dr", "f", "fl", "fr", "g", "gl", "gr",
               "j", "l",  "m",  "n", "p",  "pl", "pr", "qu", "r",  "s", "t",  "tr", "v", "vr"}),
      nuclei_({"a", "e", "i", "o", "u", "é", "è", "ê", "ou", "ai", "au", "eau", "eu", "oi", "in",
               "an", "on"}),
      codas_({"", "", "", "", "r", "l", "s", "n", "c", "t", "x"}),
      suffixes_({"", "", "ment", "tion", "age", "eur", "euse", "ière", "ité", "isme", "é", "ée",
                 "er", "ais", "oire"}) {
    for (const char* spec : fr_lists::kCountries) {
        const auto parts = split(spec, '|');
        countries_.push_back({parts[0], parts[1] == "f", parts[2] == "p"});
    }
}

void French::date(Context& c, Phrase& p) const {
    const Date d = random_date(c.rng);
    p.fn("le");
    p.word(d.day == 1 ? std::string("1er") : std::to_string(d.day));
    p.word(months_[static_cast<std::size_t>(d.month - 1)]);
    p.word(std::to_string(d.year));
}

/// Definite or indefinite article; contraction with de/à and elision happen in finish().
void French::article(Phrase& p, Governor g, Agreement a, bool definite) const {
    if (g == Governor::kDe) p.fn("de");
    if (g == Governor::kA) p.fn("à");
    if (definite) {
        p.fn(a.plural ? "les" : (a.gender == Gender::kFem ? "la" : "le"));
    } else {
        p.fn(a.plural ? "des" : (a.gender == Gender::kFem ? "une" : "un"));
    }
}

Agreement French::country(Context& c, Phrase& p, Governor g) const {
    const Country& k = c.rng.pick(countries_);
    const Agreement a{k.fem ? Gender::kFem : Gender::kMasc, k.plural};
    article(p, g, a, true);
    add_words(p, k.name);
    return a;
}

void French::in_country(Context& c, Phrase& p) const {
    const Country& k = c.rng.pick(countries_);
    if (k.plural) {
        p.fn("à");
        p.fn("les");
    } else if (k.fem || fr_starts_with_vowel(k.name)) {
        p.fn("en");
    } else {
        p.fn("à");
        p.fn("le");
    }
    add_words(p, k.name);
}

Agreement French::plain_noun_phrase(Context& c, Phrase& p, Governor g, bool plural,
                                    bool complex) const {
    const Noun& n = nouns_.draw(c.rng);
    const Agreement a{n.fem ? Gender::kFem : Gender::kMasc, plural};
    const Adjective* adj = c.rng.percent(30) ? &adjectives_.draw(c.rng) : nullptr;
    const auto r = c.rng.below(100);
    if (r < 62) {
        article(p, g, a, true);
    } else if (r < 82) {
        article(p, g, a, false);
    } else if (r < 90) {
        if (g == Governor::kDe) p.fn("de");
        if (g == Governor::kA) p.fn("à");
        p.fn(plural ? "ces" : (n.fem ? "cette" : "ce"));
    } else {
        if (g == Governor::kDe) p.fn("de");
        if (g == Governor::kA) p.fn("à");
        p.fn(plural ? (c.rng.percent(50) ? "leurs" : "ses")
                    : (c.rng.percent(50) ? "leur" : (n.fem ? "sa" : "son")));
    }
    if (adj != nullptr && adj->before) p.word(adj->form(a));
    p.word(plural ? n.pl : n.sg);
    if (adj != nullptr && !adj->before) p.word(adj->form(a));
    if (complex && c.rng.percent(22)) {
        if (c.rng.percent(15)) {
            p.fn("de");
            p.fn("les");
            p.word("droits");
            p.fn("de");
            p.fn("le");
            p.word("homme");
        } else if (c.rng.percent(20)) {
            p.fn("de");
            p.word(nouns_.draw(c.rng).sg);
        } else {
            plain_noun_phrase(c, p, Governor::kDe, c.rng.percent(40), false);
        }
    }
    return a;
}

Agreement French::noun_phrase(Context& c, Phrase& p, Governor g, bool complex, bool subject) const {
    const auto r = c.rng.below(100);
    if (r < 7) {
        if (g == Governor::kDe) p.fn("de");
        if (g == Governor::kA) p.fn("à");
        if (c.rng.percent(65)) p.word(c.rng.pick(first_names_));
        p.word(c.rng.pick(last_names_));
        return {Gender::kMasc, false};
    }
    if (r < 11) return country(c, p, g);
    if (r < 15) {
        if (g == Governor::kDe) p.fn("de");
        if (g == Governor::kA) p.fn("à");
        static const std::vector<std::string> kQuantifiers = {"",        "",        "au moins",
                                                              "plus de", "près de", "quelque"};
        static const std::vector<std::string> kSpelled = {"deux", "trois", "quatre", "cinq", "six",
                                                          "sept", "huit",  "neuf",   "dix"};
        add_words(p, c.rng.pick(kQuantifiers));
        if (c.rng.percent(30)) {
            p.fn(c.rng.pick(kSpelled));
        } else {
            p.word(std::to_string(random_count(c.rng)));
        }
        const Noun& n = nouns_.draw(c.rng);
        p.word(n.pl);
        return {n.fem ? Gender::kFem : Gender::kMasc, true};
    }
    if (r < 19 && subject) {
        static const std::array<std::pair<const char*, Agreement>, 4> kPronouns = {{
            {"il", {Gender::kMasc, false}},
            {"elle", {Gender::kFem, false}},
            {"ils", {Gender::kMasc, true}},
            {"elles", {Gender::kFem, true}},
        }};
        const auto& pr = kPronouns[c.rng.below(kPronouns.size())];
        p.fn(pr.first);
        return pr.second;
    }
    return plain_noun_phrase(c, p, g, c.rng.percent(38), complex);
}

void French::adjunct(Context& c, Phrase& p) const {
    static const std::vector<std::string> kPreps = {
        "dans",   "pour",  "contre", "avec", "sans",    "après",  "pendant",
        "depuis", "selon", "sur",    "par",  "lors de", "malgré", "en raison de"};
    const auto r = c.rng.below(100);
    if (r < 45) {
        const std::string& prep = c.rng.pick(kPreps);
        if (ends_with(prep, " de")) {
            add_words(p, prep.substr(0, prep.size() - 3));
            noun_phrase(c, p, Governor::kDe, false);
        } else {
            add_words(p, prep);
            noun_phrase(c, p, Governor::kNone, false);
        }
    } else if (r < 55) {
        noun_phrase(c, p, Governor::kA, false);  // "à le" becomes "au" in finish()
    } else if (r < 66) {
        in_country(c, p);
    } else if (r < 75) {
        p.fn(c.rng.percent(80) ? "en" : "jusque");
        if (p.tokens().back().text == "jusque") p.fn("en");
        p.word(std::to_string(c.rng.between(kFirstYear, kLastYear)));
    } else if (r < 82) {
        date(c, p);
    } else if (r < 90) {
        static const std::vector<std::string> kCodes = {
            "Code pénal", "Constitution", "loi sur les associations", "Code de procédure pénale"};
        p.fn("en");
        p.word("vertu");
        p.fn("de");
        p.fn("le");
        p.word("article");
        p.word(std::to_string(c.rng.between(1, 350)));
        p.fn("de");
        const std::string& code = c.rng.pick(kCodes);
        p.fn(code == "Constitution" || code.rfind("loi", 0) == 0 ? "la" : "le");
        add_words(p, code);
    } else {
        static const std::vector<std::string> kUnits = {"jours", "semaines", "mois", "ans"};
        p.fn("pendant");
        p.word(std::to_string(c.rng.between(2, 30)));
        p.word(c.rng.pick(kUnits));
    }
}

void French::verb_phrase(Context& c, Phrase& p, Agreement a) const {
    const Verb& v = verbs_.draw(c.rng);
    const bool negative = c.rng.percent(8);
    bool object = true;
    auto finite = [&](std::string_view w, bool function) {
        if (negative) p.fn("ne");
        if (function) {
            p.fn(w);
        } else {
            p.word(w);
        }
        if (negative) p.fn("pas");
        if (c.rng.percent(6)) p.word(adverbs_.draw(c.rng));
    };
    const auto r = c.rng.below(100);
    if (r < 33) {
        finite(a.plural ? "ont" : "a", true);
        p.word(v.pp);
    } else if (r < 50) {
        finite(a.plural ? "ont" : "a", true);
        p.fn("été");
        std::string pp = v.pp;
        if (a.gender == Gender::kFem) pp += "e";
        if (a.plural && !ends_with(pp, "s")) pp += "s";
        p.word(pp);
        object = false;
        if (c.rng.percent(30)) {
            p.fn("par");
            noun_phrase(c, p, Governor::kNone, false);
        }
    } else if (r < 63) {
        finite(a.plural ? v.p3p : v.p3s, false);
    } else if (r < 70) {
        finite(a.plural ? v.ipf3p : v.ipf3s, false);
    } else if (r < 76) {
        finite(a.plural ? v.fut3p : v.fut3s, false);
    } else if (r < 90) {
        static const std::vector<std::pair<std::string, std::string>> kModals = {
            {"doit", "doivent"}, {"peut", "peuvent"}, {"devrait", "devraient"}};
        const auto& m = c.rng.pick(kModals);
        finite(a.plural ? m.second : m.first, true);
        p.word(v.inf);
    } else {
        finite(a.plural ? "continuent" : "continue", false);
        p.fn("de");
        p.word(v.inf);
    }
    if (object) noun_phrase(c, p, Governor::kNone, true);
    if (c.rng.percent(45)) adjunct(c, p);
    if (c.rng.percent(12)) adjunct(c, p);
}

Agreement French::clause(Context& c, Phrase& p) const {
    const Agreement a = noun_phrase(c, p, Governor::kNone, c.rng.percent(50), true);
    verb_phrase(c, p, a);
    return a;
}

void French::sentence(Context& c, Phrase& p) const {
    const auto r = c.rng.below(100);
    if (r < 55) {
        if (c.rng.percent(18)) {
            const auto k = c.rng.below(5);
            if (k == 0) {
                p.fn("en");
                p.word(std::to_string(c.rng.between(kFirstYear, kLastYear)));
            } else if (k == 1) {
                date(c, p);
            } else if (k == 2) {
                in_country(c, p);
            } else if (k == 3) {
                static const std::vector<std::string> kConnectives = {
                    "cependant", "par ailleurs", "en outre", "de plus", "toutefois", "néanmoins"};
                add_words(p, c.rng.pick(kConnectives));
            } else {
                p.fn("lorsque");
                clause(c, p);
            }
            p.punct(",");
        }
        clause(c, p);
        p.punct(".");
    } else if (r < 70) {
        const std::string& said = c.rng.pick(reporting_);
        if (c.rng.percent(30)) {
            p.open("«\u00a0");
            clause(c, p);
            p.punct("\u00a0»,");
            p.fn("a");
            p.word(said);
            noun_phrase(c, p, Governor::kNone, false);
        } else if (c.rng.percent(55)) {
            const Agreement a = noun_phrase(c, p, Governor::kNone, false);
            p.fn(a.plural ? "ont" : "a");
            p.word(said);
            p.fn("que");
            clause(c, p);
        } else {
            p.fn("selon");
            noun_phrase(c, p, Governor::kNone, true);
            p.punct(",");
            clause(c, p);
        }
        p.punct(".");
    } else if (r < 80) {
        static const std::vector<std::string> kJoins = {"et",         "mais", "alors que",
                                                        "tandis que", "car",  "puisque"};
        clause(c, p);
        if (c.rng.percent(20)) {
            p.spaced(";");
        } else {
            p.punct(",");
        }
        add_words(p, c.rng.pick(kJoins));
        clause(c, p);
        p.punct(".");
    } else if (r < 87) {
        p.fn("d");  // "d’après": the elision pass glues it
        p.fn("après");
        noun_phrase(c, p, Governor::kNone, true);
        p.punct(",");
        clause(c, p);
        p.punct(".");
    } else if (r < 94) {
        const Agreement a = noun_phrase(c, p, Governor::kNone, false);
        p.punct(",");
        p.fn("qui");
        verb_phrase(c, p, a);
        p.punct(",");
        verb_phrase(c, p, a);
        p.punct(".");
    } else if (r < 97) {
        p.fn("en");
        p.word(std::to_string(c.rng.between(kFirstYear, kLastYear)));
        p.punct(",");
        p.fn("au");
        p.fn("moins");
        p.word(std::to_string(random_count(c.rng)));
        p.word(nouns_.draw(c.rng).pl);
        p.fn("ont");
        p.fn("été");
        p.word(verbs_.draw(c.rng).pp + "s");
        in_country(c, p);
        p.punct(".");
    } else {
        p.fn("pourquoi");
        const Agreement a = plain_noun_phrase(c, p, Governor::kNone, c.rng.percent(38), false);
        const bool fem = a.gender == Gender::kFem;
        p.fn(a.plural ? (fem ? "ont-elles" : "ont-ils") : (fem ? "a-t-elle" : "a-t-il"));
        p.word(verbs_.draw(c.rng).pp);
        noun_phrase(c, p, Governor::kNone, false);
        p.spaced("?");
    }
}

void French::headline(Context& c, Phrase& p) const {
    const auto r = c.rng.below(3);
    if (r == 0) {
        add_words(p, c.rng.pick(countries_).name);
        p.spaced(":");
        clause(c, p);
    } else if (r == 1) {
        noun_phrase(c, p, Governor::kNone, true);
        in_country(c, p);
    } else {
        const Agreement a = noun_phrase(c, p, Governor::kNone, false);
        p.fn(a.plural ? "doivent" : "doit");
        p.word(verbs_.draw(c.rng).inf);
        noun_phrase(c, p, Governor::kNone, true);
    }
}

void French::finish(Context& c, Phrase& p) const {
    auto& t = p.tokens();
    // Contractions: de le → du, de les → des, à le → au, à les → aux, de des → de.
    for (std::size_t i = 0; i + 1 < t.size(); ++i) {
        if (t[i].kind != TokenKind::kFunction || t[i + 1].kind != TokenKind::kFunction) continue;
        const std::string& a = t[i].text;
        const std::string& b = t[i + 1].text;
        const bool vowel_after = i + 2 < t.size() && fr_starts_with_vowel(t[i + 2].text);
        std::string merged;
        if (a == "de" && b == "le" && !vowel_after) merged = "du";
        if (a == "de" && b == "les") merged = "des";
        if (a == "de" && b == "des") merged = "de";
        if (a == "à" && b == "le" && !vowel_after) merged = "au";
        if (a == "à" && b == "les") merged = "aux";
        if (!merged.empty()) {
            t[i].text = merged;
            t.erase(t.begin() + static_cast<std::ptrdiff_t>(i) + 1);
        }
    }
    // Elisions before a vowel or mute h: l’, d’, qu’, n’, lorsqu’, jusqu’; ce → cet, sa → son.
    static const std::map<std::string, std::string> kElide = {
        {"le", "l"}, {"la", "l"},           {"de", "d"},         {"que", "qu"},         {"ne", "n"},
        {"se", "s"}, {"lorsque", "lorsqu"}, {"jusque", "jusqu"}, {"puisque", "puisqu"}, {"d", "d"}};
    for (std::size_t i = 0; i + 1 < t.size(); ++i) {
        if (t[i].kind != TokenKind::kFunction) continue;
        if (!fr_starts_with_vowel(t[i + 1].text) || t[i + 1].kind == TokenKind::kPunct) continue;
        if (t[i].text == "ce") {
            t[i].text = "cet";
            continue;
        }
        if (t[i].text == "sa") {
            t[i].text = "son";
            continue;
        }
        const auto it = kElide.find(t[i].text);
        if (it == kElide.end()) continue;
        t[i].text = it->second + c.apostrophe;
        t[i + 1].space_before = false;
    }
}

std::string French::rare_word(Rng& rng) const {
    return syllable_word(rng, onsets_, nuclei_, codas_, suffixes_);
}

// ---- Documents
// --------------------------------------------------------------------------------------

/// Replaces a content word by a misspelling or a rare word now and then.
void add_noise(Context& c, const Language& lang, Phrase& p) {
    for (Token& t : p.tokens()) {
        if (t.kind != TokenKind::kWord) continue;
        std::u32string w = decode_utf8(t.text);
        if (w.size() < kMinTypoLength) continue;
        if (std::any_of(w.begin(), w.end(), [](char32_t ch) { return !is_letter(ch); })) continue;
        if (!c.rng.per_mille(kTypoPerMille)) continue;
        const bool capital = to_lower(w[0]) != w[0];
        if (c.rng.percent(50)) {
            std::string rare = lang.rare_word(c.rng);
            t.text = capital ? capitalize(rare) : rare;
            continue;
        }
        const std::size_t n = w.size();
        const std::size_t pos = 1 + c.rng.below(n - 2);  // keep the first letter, like most typos
        switch (c.rng.below(4)) {
            case 0:
                std::swap(w[pos], w[pos + 1]);
                break;
            case 1:
                w.erase(pos, 1);
                break;
            case 2:
                w.insert(pos, 1, w[pos]);
                break;
            default: {
                const std::u32string_view v = lang.vowels();
                w[pos] = v[c.rng.below(v.size())];
            }
        }
        t.text = encode_utf8(w);
    }
}

struct Document {
    std::string title, text;
    std::size_t words = 0;
};

Document generate_document(Context& c, const Language& lang) {
    Document doc;
    for (int attempt = 0; attempt < kHeadlineRetries; ++attempt) {
        Phrase title;
        lang.headline(c, title);
        const bool last = attempt + 1 == kHeadlineRetries;
        while (last && title.word_count() < kMinTitleWords) lang.headline(c, title);
        lang.finish(c, title);
        const std::size_t n = title.word_count();
        if ((n >= kMinTitleWords && n <= kMaxTitleWords) || last) {
            title.capitalize_start();
            // A title that is still too long after all attempts is cut at kMaxTitleWords words.
            Phrase cut;
            std::size_t seen = 0;
            for (const Token& t : title.tokens()) {
                Phrase probe = cut;
                probe.tokens().push_back(t);
                seen = probe.word_count();
                if (seen > kMaxTitleWords) break;
                cut.tokens().push_back(t);
            }
            while (!cut.tokens().empty() && cut.tokens().back().kind == TokenKind::kPunct)
                cut.tokens().pop_back();
            cut.append_to(doc.title);
            break;
        }
    }

    const std::uint64_t u = c.rng.below(1ULL << kUnitBits);
    const std::size_t target =
        kMinWords + static_cast<std::size_t>((kWordSpread * u * u) >> (2 * kUnitBits));
    int in_paragraph = 0;
    int paragraph_length = c.rng.between(kMinParagraphSentences, kMaxParagraphSentences);
    while (doc.words < target) {
        Phrase s;
        for (int attempt = 0; attempt < kSentenceRetries; ++attempt) {
            s = Phrase();
            lang.sentence(c, s);
            if (doc.words + s.word_count() <= kMaxWords) break;
        }
        if (doc.words + s.word_count() > kMaxWords) break;
        lang.finish(c, s);
        add_noise(c, lang, s);
        s.capitalize_start();
        if (in_paragraph == paragraph_length) {
            doc.text += "\n\n";
            in_paragraph = 0;
            paragraph_length = c.rng.between(kMinParagraphSentences, kMaxParagraphSentences);
        } else if (in_paragraph > 0) {
            doc.text += ' ';
        }
        s.append_to(doc.text);
        doc.words += s.word_count();
        ++in_paragraph;
    }
    return doc;
}

// ---- Query sampling
// ---------------------------------------------------------------------------------

/// A word of a text, lowercased, and whether only one space separates it from the next word.
struct TextWord {
    std::string lower;
    bool content = false;
    bool joined_to_next = false;
};

bool is_stop_word(const std::string& w) {
    static const std::set<std::string> kStop = {
        // en
        "that", "this", "these", "those", "with", "from", "were", "have", "been", "which", "while",
        "also", "their", "there", "they", "after", "before", "about", "into", "under", "since",
        "during", "without", "against", "according", "would", "could", "should", "must", "will",
        "more", "than", "least", "some", "many", "several", "other", "when", "where", "said",
        "does", "over", "near", "percent", "article",
        // ru
        "этот", "который", "которые", "которая", "которое", "также", "после", "более", "меньшей",
        "мере", "были", "было", "была", "того", "кроме", "однако", "между", "словам", "данным",
        "против", "течение", "отношении", "связи", "может", "могут", "должен", "должны", "сообщает",
        "почему", "года", "году", "статье",
        // fr
        "dans", "pour", "avec", "sans", "selon", "après", "pendant", "depuis", "contre", "leur",
        "leurs", "cette", "sont", "être", "était", "été", "plus", "moins", "ainsi", "aussi",
        "lorsque", "entre", "comme", "mais", "tous", "toutes", "elle", "elles", "doit", "doivent",
        "peut", "peuvent", "devrait", "devraient", "moins", "vertu", "article", "pourquoi"};
    return kStop.count(w) > 0;
}

std::vector<TextWord> split_words(std::string_view text) {
    const std::u32string s = decode_utf8(text);
    std::vector<TextWord> words;
    std::size_t i = 0;
    while (i < s.size()) {
        if (!is_letter(s[i]) && !is_digit(s[i])) {
            ++i;
            continue;
        }
        const std::size_t start = i;
        bool digits = false;
        while (i < s.size()) {
            if (is_letter(s[i]) || is_digit(s[i])) {
                digits = digits || is_digit(s[i]);
                ++i;
            } else if (is_apostrophe(s[i]) && i + 1 < s.size() && is_letter(s[i + 1]) &&
                       i > start) {
                ++i;
            } else {
                break;
            }
        }
        std::u32string w = s.substr(start, i - start);
        for (char32_t& ch : w) ch = to_lower(ch);
        TextWord tw;
        tw.lower = encode_utf8(w);
        tw.content = !digits && w.size() >= kMinQueryWordLength && !is_stop_word(tw.lower);
        tw.joined_to_next =
            i + 1 < s.size() && s[i] == U' ' && (is_letter(s[i + 1]) || is_digit(s[i + 1]));
        words.push_back(std::move(tw));
    }
    return words;
}

/// A query of query-mix.tsv with its kind (kQueryKindNames) and the language of its document.
struct TaggedQuery {
    std::string_view kind;
    std::string lang;
    std::string text;
};

/// Samples single words, word pairs and adjacent-word phrases from the documents, per language,
/// with reservoirs (memory bounded, deterministic for a given document stream).
/// `total` queries in the shares kQueryKindShare for finish(); or, with per_cell > 0, up to
/// per_cell queries of each kind in each language for finish_cells() (another random stream).
class QuerySampler {
  public:
    QuerySampler(std::uint64_t seed, std::size_t total, std::size_t per_cell = 0)
        : rng_(seed ^ (per_cell > 0 ? kQueryMixSeedSalt : kQuerySeedSalt)),
          total_(total),
          per_cell_(per_cell) {
        for (std::size_t k = 0; k < kKinds; ++k)
            capacity_[k] = std::max<std::size_t>(
                1, per_cell > 0 ? kReservoirFactor * per_cell
                                : kReservoirFactor * total * kQueryKindShare[k] / 100);
    }

    void offer(const std::string& lang, std::string_view text) {
        const std::vector<TextWord> words = split_words(text);
        std::vector<std::size_t> content, joined;
        for (std::size_t i = 0; i < words.size(); ++i) {
            if (words[i].content) content.push_back(i);
            if (i + 1 < words.size() && words[i].joined_to_next &&
                (words[i].content || words[i + 1].content))
                joined.push_back(i);
        }
        auto& pools = pools_[lang];
        if (!content.empty()) add(pools[0], 0, words[content[rng_.below(content.size())]].lower);
        if (content.size() >= 2) {
            std::size_t a = content[rng_.below(content.size())];
            std::size_t b = content[rng_.below(content.size())];
            if (a > b) std::swap(a, b);
            if (words[a].lower != words[b].lower)
                add(pools[1], 1, words[a].lower + " " + words[b].lower);
        }
        if (!joined.empty()) {
            const std::size_t i = joined[rng_.below(joined.size())];
            add(pools[2], 2, "\"" + words[i].lower + " " + words[i + 1].lower + "\"");
        }
    }

    std::vector<std::string> finish() {
        std::vector<std::string> out;
        if (pools_.empty()) return out;
        const std::size_t per_lang = total_ / pools_.size();
        std::set<std::string> seen;
        for (auto& [lang, pools] : pools_) {
            std::size_t taken_lang = 0;
            for (std::size_t k = 0; k < kKinds; ++k) {
                const std::size_t quota =
                    k + 1 == kKinds ? per_lang - taken_lang : per_lang * kQueryKindShare[k] / 100;
                std::vector<std::string> items = pools[k].items;
                rng_.shuffle(items);
                std::size_t taken = 0;
                for (const std::string& q : items) {
                    if (taken == quota) break;
                    if (!seen.insert(q).second) continue;
                    out.push_back(q);
                    ++taken;
                }
                taken_lang += taken;
            }
        }
        rng_.shuffle(out);
        return out;
    }

    /// Up to per_cell distinct queries of each kind in each language, in a shuffled order.
    std::vector<TaggedQuery> finish_cells() {
        std::vector<TaggedQuery> out;
        std::set<std::string> seen;
        for (auto& [lang, pools] : pools_) {
            for (std::size_t k = 0; k < kKinds; ++k) {
                std::vector<std::string> items = pools[k].items;
                rng_.shuffle(items);
                std::size_t taken = 0;
                for (std::string& q : items) {
                    if (taken == per_cell_) break;
                    if (!seen.insert(q).second) continue;
                    out.push_back({kQueryKindNames[k], lang, std::move(q)});
                    ++taken;
                }
            }
        }
        rng_.shuffle(out);
        return out;
    }

  private:
    static constexpr std::size_t kKinds = 3;
    struct Pool {
        std::vector<std::string> items;
        std::uint64_t seen = 0;
    };
    /// Reservoir sampling (Vitter's algorithm R).
    void add(Pool& pool, std::size_t kind, std::string item) {
        ++pool.seen;
        if (pool.items.size() < capacity_[kind]) {
            pool.items.push_back(std::move(item));
        } else {
            const std::uint64_t j = rng_.below(pool.seen);
            if (j < capacity_[kind]) pool.items[j] = std::move(item);
        }
    }

    Rng rng_;
    std::size_t total_;
    std::size_t per_cell_;
    std::array<std::size_t, kKinds> capacity_{};
    std::map<std::string, std::array<Pool, kKinds>> pools_;
};

// ---- Output
// -----------------------------------------------------------------------------------------

std::string dump_line(const OrderedJson& j) {
    return j.dump(-1, ' ', false, OrderedJson::error_handler_t::replace) + "\n";
}

std::string part_name(std::size_t index, std::size_t files) {
    std::size_t width = 3;
    for (std::size_t n = files; n >= 1000; n /= 10) ++width;
    std::string digits = std::to_string(index);
    if (digits.size() < width) digits.insert(0, width - digits.size(), '0');
    return "part-" + digits + ".jsonl";
}

/// Removes part-NNN.jsonl files left by an earlier run so that the folder holds one collection.
void remove_old_parts(const fs::path& out) {
    static const std::regex kPart("part-[0-9]{3,}\\.jsonl");
    std::vector<fs::path> old;
    for (const auto& e : fs::directory_iterator(out))
        if (e.is_regular_file() && std::regex_match(e.path().filename().string(), kPart))
            old.push_back(e.path());
    for (const auto& p : old) fs::remove(p);
}

std::ofstream open_out(const fs::path& path) {
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    if (!f) throw std::runtime_error("cannot write " + path.string());
    return f;
}

void write_queries(const fs::path& out, const std::vector<std::string>& queries) {
    std::ofstream f = open_out(out / "queries.txt");
    for (const std::string& q : queries) f << q << '\n';
    if (!f.flush()) throw std::runtime_error("write failed: " + (out / "queries.txt").string());
}

/// query-mix.tsv: one `kind<TAB>lang<TAB>query` line per query.
void write_query_mix(const fs::path& out, const std::vector<TaggedQuery>& queries) {
    const fs::path path = out / "query-mix.tsv";
    std::ofstream f = open_out(path);
    for (const TaggedQuery& q : queries) f << q.kind << '\t' << q.lang << '\t' << q.text << '\n';
    if (!f.flush()) throw std::runtime_error("write failed: " + path.string());
}

struct Summary {
    std::uint64_t docs = 0, words = 0, bytes = 0;
    std::size_t files = 0, queries = 0, query_mix = 0;
    std::map<std::string, std::uint64_t> per_lang;
};

void write_manifest(const fs::path& out, const OrderedJson& extra, const Summary& s) {
    OrderedJson m = extra;
    m["documents"] = s.docs;
    m["words"] = s.words;
    m["bytes"] = s.bytes;
    m["files"] = s.files;
    m["queries"] = s.queries;
    if (s.query_mix > 0) m["query_mix"] = s.query_mix;
    OrderedJson langs = OrderedJson::object();
    for (const auto& [lang, n] : s.per_lang) langs[lang] = n;
    m["languages"] = langs;
    std::ofstream f = open_out(out / "manifest.json");
    f << m.dump(2) << '\n';
}

Summary generate(std::uint64_t docs, std::uint64_t seed, std::size_t files, std::size_t queries,
                 std::size_t query_mix, const fs::path& out) {
    const English en;
    const Russian ru;
    const French fr;
    const std::array<const Language*, 3> languages = {&en, &ru, &fr};

    Rng rng(seed);
    QuerySampler sampler(seed, queries);
    QuerySampler mix(seed, 0, query_mix);
    Summary s;
    s.files = static_cast<std::size_t>(std::min<std::uint64_t>(files, docs));
    std::size_t current_file = 0;
    std::ofstream f = open_out(out / part_name(0, s.files));
    for (std::uint64_t i = 0; i < docs; ++i) {
        const std::size_t want = static_cast<std::size_t>(i * s.files / docs);
        if (want != current_file) {
            if (!f.flush()) throw std::runtime_error("write failed in " + out.string());
            current_file = want;
            f = open_out(out / part_name(current_file, s.files));
        }
        const Language& lang = *languages[rng.below(languages.size())];
        Context c{rng, rng.percent(kCurlyApostrophePercent) ? std::string(kCurlyApostrophe)
                                                            : std::string(kStraightApostrophe)};
        const Date d = random_date(rng);
        const Document doc = generate_document(c, lang);
        char date[16];
        std::snprintf(date, sizeof date, "%04d-%02d-%02d", d.year, d.month, d.day);
        char id[32];
        std::snprintf(id, sizeof id, "d%07llu", static_cast<unsigned long long>(i + 1));
        const std::string line = dump_line(OrderedJson{{"id", id},
                                                       {"title", doc.title},
                                                       {"text", doc.text},
                                                       {"date", date},
                                                       {"lang", std::string(lang.code())}});
        f << line;
        s.bytes += line.size();
        s.words += doc.words;
        ++s.docs;
        ++s.per_lang[std::string(lang.code())];
        sampler.offer(std::string(lang.code()), doc.title + "\n\n" + doc.text);
        if (query_mix > 0) mix.offer(std::string(lang.code()), doc.title + "\n\n" + doc.text);
    }
    if (!f.flush()) throw std::runtime_error("write failed in " + out.string());
    const std::vector<std::string> q = sampler.finish();
    write_queries(out, q);
    s.queries = q.size();
    if (query_mix > 0) {
        const std::vector<TaggedQuery> m = mix.finish_cells();
        write_query_mix(out, m);
        s.query_mix = m.size();
    }
    write_manifest(out, OrderedJson{{"generator", "agora-bench-gen"}, {"seed", seed}}, s);
    return s;
}

// ---- --from-folder
// ----------------------------------------------------------------------------------

std::string read_prefix(const fs::path& p, std::uintmax_t max_bytes) {
    std::ifstream f(p, std::ios::binary);
    if (!f) throw std::runtime_error("cannot read " + p.string());
    std::string data(static_cast<std::size_t>(std::min(fs::file_size(p), max_bytes)), '\0');
    f.read(data.data(), static_cast<std::streamsize>(data.size()));
    data.resize(static_cast<std::size_t>(f.gcount()));
    return data;
}

std::string trim(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r\n#");
    if (b == std::string_view::npos) return {};
    const auto e = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(b, e - b + 1));
}

/// Cuts at a character boundary to at most max bytes.
std::string cut_utf8(std::string s, std::size_t max) {
    if (s.size() <= max) return s;
    std::size_t n = max;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    s.resize(n);
    return s;
}

/// Guesses en/ru/fr from the script and a few frequent function words.
std::string guess_lang(std::string_view text) {
    const std::u32string s = decode_utf8(text.substr(0, std::min<std::size_t>(text.size(), 20000)));
    std::size_t cyrillic = 0, latin = 0;
    for (char32_t c : s) {
        if (c >= 0x400 && c <= 0x4FF) ++cyrillic;
        if ((c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= 0xC0 && c <= 0x17F))
            ++latin;
    }
    if (cyrillic > latin) return "ru";
    std::size_t fr = 0, en = 0;
    for (const TextWord& w :
         split_words(text.substr(0, std::min<std::size_t>(text.size(), 20000)))) {
        static const std::set<std::string> kFr = {"le",  "la",   "les",  "des", "est", "et", "du",
                                                  "une", "dans", "pour", "que", "qui", "sur"};
        static const std::set<std::string> kEn = {"the", "and",  "of",  "is",  "to", "in", "that",
                                                  "for", "with", "was", "are", "on", "by"};
        fr += kFr.count(w.lower);
        en += kEn.count(w.lower);
    }
    return fr > en ? "fr" : "en";
}

std::string decode_entities(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '&') {
            out.push_back(s[i]);
            continue;
        }
        const std::size_t semi = s.find(';', i);
        if (semi == std::string_view::npos || semi - i > 10) {
            out.push_back('&');
            continue;
        }
        const std::string_view name = s.substr(i + 1, semi - i - 1);
        static const std::map<std::string, std::string, std::less<>> kNamed = {
            {"amp", "&"},        {"lt", "<"},        {"gt", ">"},    {"quot", "\""},
            {"apos", "'"},       {"nbsp", "\u00a0"}, {"laquo", "«"}, {"raquo", "»"},
            {"rsquo", "\u2019"}, {"mdash", "—"},     {"ndash", "–"}};
        if (const auto it = kNamed.find(name); it != kNamed.end()) {
            out += it->second;
        } else if (!name.empty() && name[0] == '#') {
            const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
            const std::string digits(name.substr(hex ? 2 : 1));
            char32_t cp = 0;
            try {
                cp = static_cast<char32_t>(std::stoul(digits, nullptr, hex ? 16 : 10));
            } catch (const std::exception&) {
                cp = 0;
            }
            if (cp == 0 || cp > 0x10FFFF) {
                out.push_back('&');
                continue;
            }
            append_utf8(out, cp);
        } else {
            out.push_back('&');
            continue;
        }
        i = semi;
    }
    return out;
}

std::size_t find_icase(std::string_view hay, std::string_view needle, std::size_t from) {
    for (std::size_t i = from; i + needle.size() <= hay.size(); ++i) {
        bool match = true;
        for (std::size_t k = 0; k < needle.size() && match; ++k)
            match = std::tolower(static_cast<unsigned char>(hay[i + k])) ==
                    std::tolower(static_cast<unsigned char>(needle[k]));
        if (match) return i;
    }
    return std::string_view::npos;
}

/// Collapses runs of blanks to one space and blank-line runs to one paragraph break.
std::string tidy_whitespace(std::string_view s) {
    std::string out;
    int newlines = 0;
    bool space = false;
    for (char ch : s) {
        if (ch == '\n') {
            ++newlines;
        } else if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\f' || ch == '\v') {
            space = true;
        } else {
            if (!out.empty()) {
                if (newlines > 0) {
                    out += newlines > 1 ? "\n\n" : "\n";
                } else if (space) {
                    out += ' ';
                }
            }
            newlines = 0;
            space = false;
            out.push_back(ch);
        }
    }
    return out;
}

/// Crude HTML to text (a linear scan, no regex): drops scripts, styles, comments and tags, and
/// turns block boundaries into paragraph breaks. Returns {title, text}.
std::pair<std::string, std::string> html_to_text(std::string_view html) {
    static const std::set<std::string> kBlocks = {
        "p",  "div", "br", "h1",      "h2",      "h3",         "h4",    "h5",
        "h6", "li",  "tr", "section", "article", "blockquote", "title", "td"};
    std::string title, text;
    std::size_t i = 0;
    while (i < html.size()) {
        if (html[i] != '<') {
            const std::size_t next = html.find('<', i);
            text.append(html.substr(i, next == std::string_view::npos ? next : next - i));
            i = next == std::string_view::npos ? html.size() : next;
            continue;
        }
        if (html.compare(i, 4, "<!--") == 0) {
            const std::size_t e = html.find("-->", i + 4);
            i = e == std::string_view::npos ? html.size() : e + 3;
            continue;
        }
        std::size_t j = i + 1;
        if (j < html.size() && html[j] == '/') ++j;
        std::string name;
        while (j < html.size() && std::isalnum(static_cast<unsigned char>(html[j])))
            name.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(html[j++]))));
        const std::size_t close = html.find('>', j);
        const std::size_t after = close == std::string_view::npos ? html.size() : close + 1;
        const bool opening = html[i + 1] != '/';
        if (opening && (name == "script" || name == "style" || name == "title")) {
            const std::size_t e = find_icase(html, "</" + name, after);
            const std::size_t content_end = e == std::string_view::npos ? html.size() : e;
            if (name == "title" && title.empty())
                title =
                    trim(decode_entities(tidy_whitespace(html.substr(after, content_end - after))));
            const std::size_t e2 = e == std::string_view::npos ? e : html.find('>', e);
            i = e2 == std::string_view::npos ? html.size() : e2 + 1;
            continue;
        }
        text += kBlocks.count(name) > 0 ? "\n\n" : " ";
        i = after;
    }
    return {title, decode_entities(tidy_whitespace(text))};
}

Summary from_folder(const fs::path& in, std::uint64_t seed, std::size_t queries,
                    std::size_t query_mix, const fs::path& out) {
    static const std::set<std::string> kExtensions = {".txt", ".md", ".html", ".htm", ".jsonl"};
    if (!fs::is_directory(in)) throw std::runtime_error(in.string() + " is not a folder");
    std::vector<fs::path> paths;
    for (const auto& e :
         fs::recursive_directory_iterator(in, fs::directory_options::skip_permission_denied)) {
        if (!e.is_regular_file()) continue;
        if (kExtensions.count(lowercase(e.path().extension().string())) > 0)
            paths.push_back(e.path());
    }
    std::sort(paths.begin(), paths.end());

    QuerySampler sampler(seed, queries);
    QuerySampler mix(seed, 0, query_mix);
    Summary s;
    s.files = 1;
    std::ofstream f = open_out(out / part_name(0, 1));
    auto emit = [&](OrderedJson record) {
        const std::string lang = record["lang"].get<std::string>();
        const std::string line = dump_line(record);
        f << line;
        s.bytes += line.size();
        ++s.docs;
        ++s.per_lang[lang];
        const std::string text =
            record["title"].get<std::string>() + "\n\n" + record["text"].get<std::string>();
        s.words += split_words(text).size();
        sampler.offer(lang, text);
        if (query_mix > 0) mix.offer(lang, text);
    };
    for (const fs::path& p : paths) {
        const std::string rel = fs::relative(p, in).generic_string();
        const std::string ext = lowercase(p.extension().string());
        if (ext == ".jsonl") {
            std::ifstream lines(p, std::ios::binary);
            if (!lines) throw std::runtime_error("cannot read " + p.string());
            std::string line;
            std::size_t number = 0;
            while (std::getline(lines, line)) {
                ++number;
                if (trim(line).empty()) continue;
                const auto j = nlohmann::json::parse(line, nullptr, false);
                if (j.is_discarded() || !j.is_object()) {
                    std::cerr << "agora-bench-gen: " << rel << ":" << number
                              << ": not a JSON object, skipped\n";
                    continue;
                }
                auto str = [&](const char* key) {
                    const auto it = j.find(key);
                    if (it == j.end() || it->is_null()) return std::string();
                    return it->is_string() ? it->get<std::string>() : it->dump();
                };
                std::string id = str("id");
                if (id.empty()) id = rel + ":" + std::to_string(number);
                std::string lang = str("lang");
                const std::string text = str("text");
                if (lang.empty()) lang = guess_lang(text);
                emit(OrderedJson{{"id", id},
                                 {"title", str("title")},
                                 {"text", text},
                                 {"date", str("date")},
                                 {"lang", lang}});
            }
            continue;
        }
        std::string data = read_prefix(p, kMaxFolderFileBytes);
        std::string title, text;
        if (ext == ".html" || ext == ".htm") {
            std::tie(title, text) = html_to_text(data);
        } else {
            data.erase(std::remove(data.begin(), data.end(), '\r'), data.end());
            text = data;
            const std::size_t eol = text.find('\n');
            title = trim(text.substr(0, eol));
        }
        if (trim(text).empty()) {
            std::cerr << "agora-bench-gen: " << rel << ": no text, skipped\n";
            continue;
        }
        if (title.empty()) title = p.filename().string();
        emit(OrderedJson{{"id", rel},
                         {"title", cut_utf8(title, kMaxFolderTitleBytes)},
                         {"text", text},
                         {"date", ""},
                         {"lang", guess_lang(text)}});
    }
    if (!f.flush()) throw std::runtime_error("write failed in " + out.string());
    const std::vector<std::string> q = sampler.finish();
    write_queries(out, q);
    s.queries = q.size();
    if (query_mix > 0) {
        const std::vector<TaggedQuery> m = mix.finish_cells();
        write_query_mix(out, m);
        s.query_mix = m.size();
    }
    write_manifest(out, OrderedJson{{"generator", "agora-bench-gen --from-folder"}}, s);
    return s;
}

}  // namespace

int main(int argc, char** argv) try {
    std::uint64_t docs = kDefaultDocs;
    std::uint64_t seed = kDefaultSeed;
    std::uint64_t files = kDefaultFiles;
    std::uint64_t queries = kDefaultQueries;
    std::uint64_t query_mix = 0;
    std::string out, folder;
    po::options_description desc(
        "agora-bench-gen: writes a reproducible multilingual (en/ru/fr) benchmark collection\n"
        "OUT/part-NNN.jsonl ({\"id\",\"title\",\"text\",\"date\",\"lang\"} a line), "
        "OUT/queries.txt\n"
        "and OUT/manifest.json; the same arguments give byte-identical files.\n\nOptions");
    desc.add_options()("help,h", "show this help")(
        "docs", po::value(&docs)->default_value(kDefaultDocs), "number of documents")(
        "seed", po::value(&seed)->default_value(kDefaultSeed), "random seed")(
        "out", po::value(&out), "output folder (created; old part-*.jsonl in it are removed)")(
        "files", po::value(&files)->default_value(kDefaultFiles), "number of JSONL files")(
        "queries", po::value(&queries)->default_value(kDefaultQueries), "number of queries")(
        "query-mix", po::value(&query_mix)->default_value(0),
        "also write OUT/query-mix.tsv: up to this many queries of each kind (single, and, "
        "phrase) in each language, one \"kind<TAB>lang<TAB>query\" a line (0: none)")(
        "from-folder", po::value(&folder),
        "instead of generating, wrap the .txt/.md/.html/.htm/.jsonl files of this folder "
        "as JSONL records (language guessed) and sample queries from them");
    po::variables_map vm;
    po::store(po::parse_command_line(argc, argv, desc), vm);
    if (vm.count("help") > 0) {
        std::cout << desc << '\n';
        return 0;
    }
    po::notify(vm);
    if (out.empty()) throw std::invalid_argument("--out DIR is required (see --help)");
    if (docs == 0 || files == 0)
        throw std::invalid_argument("--docs and --files must be at least 1");
    fs::create_directories(out);
    remove_old_parts(out);
    if (query_mix == 0) fs::remove(fs::path(out) / "query-mix.tsv");  // not one of this run's files
    const Summary s = folder.empty() ? generate(docs, seed, static_cast<std::size_t>(files),
                                                static_cast<std::size_t>(queries),
                                                static_cast<std::size_t>(query_mix), out)
                                     : from_folder(folder, seed, static_cast<std::size_t>(queries),
                                                   static_cast<std::size_t>(query_mix), out);
    std::cerr << "agora-bench-gen: " << s.docs << " documents, " << s.words << " words, " << s.bytes
              << " bytes in " << s.files << " file(s); " << s.queries << " queries";
    if (s.query_mix > 0) std::cerr << " (+" << s.query_mix << " in query-mix.tsv)";
    std::cerr << " -> " << out << '\n';
    return 0;
} catch (const po::error& e) {
    std::cerr << "agora-bench-gen: " << e.what() << " (see --help)\n";
    return 2;
} catch (const std::exception& e) {
    std::cerr << "agora-bench-gen: " << e.what() << '\n';
    return 1;
}
