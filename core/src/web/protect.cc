/** @file
 *  @brief Finding and withholding protected persons' names in text and snippets.
 */
#include "agora/web/protect.h"

#include "agora/util/utf8.h"

#include <fstream>
#include <stdexcept>

namespace agora::web {
namespace {

constexpr std::size_t kMaxKeyCache = 50000;

struct Word {
    std::size_t start, end;
    std::string key;
};

// The word without an English possessive ("Zhovtis's" -> "Zhovtis"), either apostrophe.
std::string_view without_possessive(std::string_view word) {
    for (std::string_view suffix : {std::string_view("'s"), std::string_view("\xE2\x80\x99s")}) {
        if (word.size() > suffix.size() && word.substr(word.size() - suffix.size()) == suffix) {
            return word.substr(0, word.size() - suffix.size());
        }
    }
    return word;
}

// Only spaces, dots and hyphens between two words of one name ("E. Zhovtis", "Zhovtis-Jones").
bool joins_name(std::string_view gap) {
    if (gap.size() > 4) return false;
    for (std::size_t i = 0; i < gap.size(); ++i) {
        const char c = gap[i];
        if (c == ' ' || c == '.' || c == '-') continue;
        if (c == '\xC2' && i + 1 < gap.size() && gap[i + 1] == '\xA0') {  // no-break space
            ++i;
            continue;
        }
        return false;
    }
    return true;
}

// Parts of a hyphenated key ("kasim-jomart" -> "kasim", "jomart"), the tokenizer splits those.
std::vector<std::string> hyphen_parts(const std::string& key) {
    std::vector<std::string> parts;
    std::size_t from = 0;
    for (std::size_t at; (at = key.find('-', from)) != std::string::npos; from = at + 1) {
        if (at > from) parts.push_back(key.substr(from, at - from));
    }
    if (from < key.size()) parts.push_back(key.substr(from));
    return parts;
}

}  // namespace

ProtectedNames::ProtectedNames() = default;
ProtectedNames::~ProtectedNames() = default;

void ProtectedNames::add(std::string_view name) {
    const std::string valid = is_valid_utf8(name) ? std::string(name) : repair_utf8(name);
    const std::vector<std::string> keys = keyer_.word_keys(valid);
    if (keys.empty()) return;
    for (const std::string& key : keys) {
        if (key.empty()) continue;
        companions_.insert(key);
        for (const std::string& part : hyphen_parts(key)) companions_.insert(part);
    }
    for (const std::string& part : hyphen_parts(keys.back())) anchors_.insert(part);
    if (!keys.back().empty()) anchors_.insert(keys.back());
}

void ProtectedNames::load(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read the protected-names file " + path);
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        const std::size_t start = line.find_first_not_of(" \t");
        if (start == std::string::npos || line[start] == '#') continue;
        add(line);
    }
    if (in.bad()) throw std::runtime_error("cannot read the protected-names file " + path);
}

const std::string& ProtectedNames::key_of(std::string_view word) {
    word = without_possessive(word);
    if (auto it = key_cache_.find(word); it != key_cache_.end()) return it->second;
    if (key_cache_.size() > kMaxKeyCache) key_cache_.clear();
    return key_cache_.emplace(std::string(word), keyer_.word_key(word)).first->second;
}

bool ProtectedNames::names_protected(std::string_view text) {
    if (anchors_.empty() || text.empty()) return false;
    std::string valid = is_valid_utf8(text) ? std::string(text) : repair_utf8(text);
    // Field names (`person:X`), initials (`R.Khabirov`) and elisions (`d'X`) must not hide a name
    // inside one longer word.
    for (char& c : valid) {
        if (c == ':' || c == '.' || c == '\'' || c == '_') c = ' ';
    }
    bool found = false;
    tokenizer_.tokenize(valid, [&](const WordSpan& w) {
        if (!found && anchors_.count(key_of(w.word)) > 0) found = true;
    });
    return found;
}

std::vector<ProtectedNames::Range> ProtectedNames::ranges(std::string_view text) {
    std::vector<Range> out;
    if (anchors_.empty() || text.empty() || !is_valid_utf8(text)) return out;
    std::vector<Word> words;
    tokenizer_.tokenize(text, [&](const WordSpan& w) { words.push_back({w.start, w.end, key_of(w.word)}); });
    auto companion = [&](std::size_t i) { return companions_.count(words[i].key) > 0; };
    auto joined = [&](std::size_t a, std::size_t b) {
        return joins_name(text.substr(words[a].end, words[b].start - words[a].end));
    };
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (anchors_.count(words[i].key) == 0) continue;
        std::size_t first = i, last = i;
        while (first > 0 && companion(first - 1) && joined(first - 1, first)) --first;
        while (last + 1 < words.size() && companion(last + 1) && joined(last, last + 1)) ++last;
        if (!out.empty() && out.back().second >= words[first].start) {
            out.back().second = std::max(out.back().second, words[last].end);
        } else {
            out.emplace_back(words[first].start, words[last].end);
        }
        i = last;
    }
    return out;
}

std::string ProtectedNames::mask(std::string_view text, std::string_view mark) {
    const std::vector<Range> withheld = ranges(text);
    if (withheld.empty()) return std::string(text);
    std::string out;
    std::size_t cursor = 0;
    for (const auto& [start, end] : withheld) {
        out.append(text.substr(cursor, start - cursor));
        out.append(mark);
        cursor = end;
    }
    out.append(text.substr(cursor));
    return out;
}

Snippet ProtectedNames::mask(const Snippet& snippet, std::string_view mark) {
    std::string whole;
    for (const SnippetPart& part : snippet.parts) whole += part.text;
    const std::vector<Range> withheld = ranges(whole);
    if (withheld.empty()) return snippet;
    Snippet out;
    out.first_offset = snippet.first_offset;
    auto emit = [&](std::string text, bool highlighted) {
        if (text.empty()) return;
        if (!out.parts.empty() && out.parts.back().highlighted == highlighted) {
            out.parts.back().text += text;
        } else {
            out.parts.push_back({std::move(text), highlighted});
        }
    };
    std::size_t at = 0;  // offset of the current part in `whole`
    std::size_t next_range = 0;
    for (const SnippetPart& part : snippet.parts) {
        const std::size_t end = at + part.text.size();
        std::size_t cursor = at;
        while (cursor < end) {
            while (next_range < withheld.size() && withheld[next_range].second <= cursor) ++next_range;
            if (next_range == withheld.size() || withheld[next_range].first >= end) {
                emit(part.text.substr(cursor - at), part.highlighted);
                break;
            }
            const auto [start, stop] = withheld[next_range];
            if (start > cursor) emit(part.text.substr(cursor - at, start - cursor), part.highlighted);
            if (start >= cursor) emit(std::string(mark), false);
            cursor = std::min(stop, end);
        }
        at = end;
    }
    return out;
}

}  // namespace agora::web

namespace agora::web {
namespace {

void drop_named(std::vector<std::string>& values, ProtectedNames& names) {
    std::erase_if(values, [&](const std::string& v) { return names.names_protected(v); });
}

void drop_named(std::vector<FacetValue>& values, ProtectedNames& names) {
    std::erase_if(values, [&](const FacetValue& v) {
        return names.names_protected(v.value) || names.names_protected(v.label);
    });
}

void withhold(Facets& facets, ProtectedNames& names) {
    drop_named(facets.person, names);
    drop_named(facets.organisation, names);
}

}  // namespace

void withhold(SearchResponse& response, ProtectedNames& names, std::string_view mark) {
    if (names.empty()) return;
    for (SearchResult& r : response.results) {
        r.title = names.mask(r.title, mark);
        r.path = names.mask(r.path, mark);
        r.id = names.mask(r.id, mark);
        if (names.names_protected(r.url)) r.url.clear();
        r.snippet = names.mask(r.snippet, mark);
        drop_named(r.persons, names);
        drop_named(r.organisations, names);
        for (Explanation& e : r.explain) {
            e.word = names.mask(e.word, mark);
            e.form = names.mask(e.form, mark);
        }
    }
    if (response.suggestion && names.names_protected(*response.suggestion)) response.suggestion.reset();
    if (response.facets) withhold(*response.facets, names);
}

void withhold(Dossier& dossier, ProtectedNames& names, std::string_view mark) {
    if (names.empty()) return;
    for (Dossier::Document& d : dossier.documents) {
        d.title = names.mask(d.title, mark);
        d.path = names.mask(d.path, mark);
        d.id = names.mask(d.id, mark);
        d.snippet = names.mask(d.snippet, mark);
    }
    drop_named(dossier.aliases, names);
    drop_named(dossier.candidates, names);
    withhold(dossier.related, names);
}

}  // namespace agora::web
