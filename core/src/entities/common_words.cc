/** @file
 *  @brief Ordinary words by Hunspell: the dictionaries, loaded once per process, behind a lock.
 */
#include "agora/entities/common_words.h"

#include <hunspell/hunspell.hxx>
#include <unicode/unistr.h>

#include <unicode/locid.h>
#include <unicode/uchar.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <unordered_set>

namespace agora {
namespace {

// Answers kept per thread before the cache starts over.
constexpr std::size_t kCacheEntries = 1u << 16;
// Longer words are never asked: no dictionary word is this long, and Hunspell's work grows with length.
constexpr std::size_t kMaxWordBytes = 64;

struct Dictionary {
    std::unique_ptr<Hunspell> speller;
    std::string encoding;  ///< the dictionary's own (its .aff `SET`): words are converted to it
    bool utf8 = true;
    /// Entries the dictionary writes capitalised (`Mark`, `Jean`, `Пётр`), in lower case: a word that is
    /// also a first name or a place (`mark`, `jean`) is not taken for an ordinary one.
    std::unordered_set<std::string> proper;
};

std::string to_utf8(std::string_view bytes, const Dictionary& d) {
    if (d.utf8) return std::string(bytes);
    const icu::UnicodeString u(bytes.data(), static_cast<int32_t>(bytes.size()), d.encoding.c_str());
    std::string out;
    u.toUTF8String(out);
    return out;
}

// Reads the capitalised entries of a .dic file: one entry a line, the word before `/` (its affix flags)
// or a tab or space (its morphology); the first line is the entry count.
void read_proper_nouns(const std::string& dic, Dictionary& d) {
    std::ifstream in(dic, std::ios::binary);
    std::string line;
    std::getline(in, line);
    while (std::getline(in, line)) {
        const std::size_t end = line.find_first_of("/\t \r");
        const std::string word = to_utf8(std::string_view(line).substr(0, end), d);
        if (word.empty()) continue;
        const icu::UnicodeString u = icu::UnicodeString::fromUTF8(word);
        if (!u_isupper(u.char32At(0))) continue;
        icu::UnicodeString lower(u);
        lower.toLower(icu::Locale::getRoot());
        std::string key;
        lower.toUTF8String(key);
        d.proper.insert(std::move(key));
    }
}

struct Dictionaries {
    std::mutex mutex;  ///< Hunspell keeps per-call state: one caller at a time; guards loading too
    Dictionary en, en_gb, fr, ru;
    bool en_read = false, en_gb_read = false, fr_read = false, ru_read = false;

    /// The dictionary of @p lang, read at its first use (8 to 17 MB each, so a collection in one
    /// language loads one). Call under the mutex.
    Dictionary& of(Lang lang);
};

Dictionary open(const std::string& folder, const char* name) {
    Dictionary d;
    const std::string aff = folder + "/" + name + ".aff";
    const std::string dic = folder + "/" + name + ".dic";
    std::error_code ec;
    if (!std::filesystem::is_regular_file(aff, ec) || !std::filesystem::is_regular_file(dic, ec)) return d;
    d.speller = std::make_unique<Hunspell>(aff.c_str(), dic.c_str());
    d.encoding = d.speller->get_dict_encoding();
    d.utf8 = d.encoding == "UTF-8" || d.encoding == "utf-8" || d.encoding.empty();
    read_proper_nouns(dic, d);
    return d;
}

Dictionary& Dictionaries::of(Lang lang) {
    const auto read = [](Dictionary& d, bool& done, const char* name) -> Dictionary& {
        if (!done) {
            d = open(CommonWords::folder(), name);
            done = true;
        }
        return d;
    };
    if (lang == Lang::ru) return read(ru, ru_read, "ru_RU");
    if (lang == Lang::fr) return read(fr, fr_read, "fr_FR");
    return read(en, en_read, "en_US");
}

/// British English (`defence`, `organisation`, `labour`), which many reports are written in; asked after
/// the American dictionary. Call under the mutex.
Dictionary& british(Dictionaries& all) {
    if (!all.en_gb_read) {
        all.en_gb = open(CommonWords::folder(), "en_GB");
        all.en_gb_read = true;
    }
    return all.en_gb;
}

Dictionaries& dictionaries() {
    static auto* d = new Dictionaries;  // lives as long as the process: threads may ask until the end
    return *d;
}

bool ask(Dictionary& d, std::string_view word) {
    if (!d.speller || d.proper.count(std::string(word))) return false;
    std::string encoded;
    if (d.utf8) {
        encoded.assign(word);
    } else {
        const icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
        const int32_t n = u.extract(0, u.length(), nullptr, 0u, d.encoding.c_str());
        if (n <= 0) return false;
        encoded.resize(static_cast<std::size_t>(n) + 1);
        u.extract(0, u.length(), encoded.data(), static_cast<uint32_t>(encoded.size()), d.encoding.c_str());
        encoded.resize(static_cast<std::size_t>(n));
        if (encoded.find('\x1a') != std::string::npos) return false;  // a letter the encoding lacks
    }
    return d.speller->spell(encoded);
}

}  // namespace

CommonWords::CommonWords() = default;
CommonWords::~CommonWords() = default;

std::string CommonWords::folder() {
    if (const char* dir = std::getenv("AGORA_HUNSPELL_DIR"); dir && *dir) return dir;
    return "/usr/share/hunspell";
}

bool CommonWords::available(Lang lang) {
    Dictionaries& all = dictionaries();
    std::lock_guard lock(all.mutex);
    return all.of(lang).speller != nullptr;
}

bool CommonWords::ordinary(std::string_view word, Lang lang) {
    if (word.empty() || word.size() > kMaxWordBytes) return false;
    std::string key(word);
    key += static_cast<char>('0' + static_cast<int>(lang));
    if (auto it = cache_.find(key); it != cache_.end()) return it->second == 2;
    bool answer;
    {
        Dictionaries& all = dictionaries();
        std::lock_guard lock(all.mutex);
        if (lang == Lang::unknown) {
            answer = ask(all.of(Lang::en), word) || ask(all.of(Lang::fr), word);
        } else {
            answer = ask(all.of(lang), word);
        }
        // (A word either English dictionary writes only capitalised is a name in both.)
        if (!answer && (lang == Lang::en || lang == Lang::unknown) && !all.of(Lang::en).proper.count(std::string(word)))
            answer = ask(british(all), word);
    }
    if (cache_.size() >= kCacheEntries) cache_.clear();
    cache_.emplace(std::move(key), answer ? 2 : 1);
    return answer;
}

bool CommonWords::french_adjective(std::string_view word) {
    if (word.empty() || word.size() > kMaxWordBytes) return false;
    std::string key(word);
    key += 'a';  // apart from ordinary()'s keys, which end in a language digit
    if (auto it = cache_.find(key); it != cache_.end()) return it->second == 2;
    bool answer = false;
    {
        Dictionaries& all = dictionaries();
        std::lock_guard lock(all.mutex);
        Dictionary& d = all.of(Lang::fr);
        if (d.speller && d.utf8) {
            for (const std::string& analysis : d.speller->analyze(std::string(word)))
                answer = answer || analysis.find("po:adj") != std::string::npos;
        }
    }
    if (cache_.size() >= kCacheEntries) cache_.clear();
    cache_.emplace(std::move(key), answer ? 2 : 1);
    return answer;
}

}  // namespace agora
