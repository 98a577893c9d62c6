/** @file
 *  @brief Snippet window selection and rendering.
 */
#include "agora/search/snippet.h"

#include "agora/entities/name_key.h"
#include "agora/util/html_escape.h"
#include "agora/util/utf8.h"

#include <algorithm>
#include <map>
#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

namespace agora {
namespace {

constexpr std::string_view kEllipsis = "…";

// Collapses runs of white space (line breaks between paragraphs included) into one space.
std::string squeeze_spaces(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool pending_space = false;
    for (char c : text) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
            pending_space = true;
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        out += c;
    }
    if (pending_space) out += ' ';
    return out;
}

void append_part(Snippet& snippet, std::string text, bool highlighted) {
    if (text.empty()) return;
    if (!snippet.parts.empty() && snippet.parts.back().highlighted == highlighted) {
        snippet.parts.back().text += text;
        return;
    }
    snippet.parts.push_back({std::move(text), highlighted});
}

// Bytes before and after a mention searched for its sentence, and most bytes shown each side.
constexpr std::size_t kSentenceWindow = 600;
constexpr std::size_t kMaxSentenceSide = 200;

const char* icu_locale(Lang lang) {
    switch (lang) {
        case Lang::ru: return "ru";
        case Lang::fr: return "fr";
        default: return "en";
    }
}

}  // namespace

Snippet sentence_snippet(std::string_view text, std::size_t at, std::size_t length, Lang lang) {
    Snippet snippet;
    if (at == std::string_view::npos || at + length > text.size()) {
        const std::string_view opening = cut_utf8(text, 2 * kMaxSentenceSide);
        append_part(snippet, squeeze_spaces(opening), false);
        if (opening.size() < text.size()) append_part(snippet, std::string(kEllipsis), false);
        return snippet;
    }
    // A window around the mention, on character boundaries, is enough to find its sentence.
    const std::size_t window_start = at > kSentenceWindow ? at - kSentenceWindow : 0;
    std::size_t begin = cut_utf8(text, window_start).size();
    while (begin < at && (static_cast<unsigned char>(text[begin]) & 0xC0) == 0x80) ++begin;
    const std::string_view window = cut_utf8(text.substr(begin), at - begin + length + kSentenceWindow);
    std::size_t sentence_start = 0, sentence_end = window.size();
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> breaks(
        icu::BreakIterator::createSentenceInstance(icu::Locale(icu_locale(lang)), status));
    UText* ut = utext_openUTF8(nullptr, window.data(), static_cast<int64_t>(window.size()), &status);
    if (U_SUCCESS(status)) {
        breaks->setText(ut, status);
        const auto mark = static_cast<int32_t>(at - begin);
        const int32_t before = breaks->preceding(mark + 1);
        if (before != icu::BreakIterator::DONE) sentence_start = static_cast<std::size_t>(before);
        const int32_t after = breaks->following(mark + static_cast<int32_t>(length) - 1);
        if (after != icu::BreakIterator::DONE) sentence_end = static_cast<std::size_t>(after);
    }
    utext_close(ut);
    snippet.first_offset = at;
    const std::size_t mark = at - begin;
    // Long sentences are cut around the mark.
    if (mark - sentence_start > kMaxSentenceSide) {
        sentence_start = mark - kMaxSentenceSide;
        while ((static_cast<unsigned char>(window[sentence_start]) & 0xC0) == 0x80) ++sentence_start;
        append_part(snippet, std::string(kEllipsis), false);
    }
    const bool cut_end = sentence_end - (mark + length) > kMaxSentenceSide;
    if (cut_end) sentence_end = cut_utf8(window, mark + length + kMaxSentenceSide).size();
    append_part(snippet, squeeze_spaces(window.substr(sentence_start, mark - sentence_start)), false);
    append_part(snippet, std::string(window.substr(mark, length)), true);
    std::string tail = squeeze_spaces(window.substr(mark + length, sentence_end - mark - length));
    while (!tail.empty() && tail.back() == ' ') tail.pop_back();
    append_part(snippet, std::move(tail), false);
    if (cut_end) append_part(snippet, std::string(kEllipsis), false);
    if (!snippet.parts.empty() && !snippet.parts.front().highlighted) {
        std::string& head = snippet.parts.front().text;
        head.erase(0, head.find_first_not_of(' '));
    }
    return snippet;
}

std::string Snippet::html() const {
    std::string out;
    for (const SnippetPart& part : parts) {
        if (part.highlighted) out += "<mark>";
        append_html_escaped(out, part.text);
        if (part.highlighted) out += "</mark>";
    }
    return out;
}

std::string Snippet::ansi() const {
    std::string out;
    for (const SnippetPart& part : parts) {
        out += part.highlighted ? "\x1b[1m" + part.text + "\x1b[0m" : part.text;
    }
    return out;
}

std::string Snippet::plain() const {
    std::string out;
    for (const SnippetPart& part : parts) out += part.text;
    return out;
}

// Names are capitalised: only such words are worth a name key.
bool starts_upper(std::string_view word) {
    if (word.empty()) return false;
    std::int32_t i = 0;
    UChar32 c;
    U8_NEXT(word.data(), i, static_cast<std::int32_t>(word.size()), c);
    return c >= 0 && (u_isupper(c) || u_istitle(c));
}

bool SnippetMaker::is_name_match(std::string_view text, const Token& token, const std::set<std::string>& keys) {
    if (keys.empty() || keyer_ == nullptr) return false;
    const std::string_view word = text.substr(token.start, token.end - token.start);
    return starts_upper(word) && keys.count(keyer_->word_key(word)) > 0;
}

bool SnippetMaker::matches(std::string_view text, const Token& token, const HighlightTerms& highlight) {
    if (highlight.terms.count(token.term)) return true;
    if (is_name_match(text, token, highlight.name_keys)) return true;
    if (highlight.stems.empty() || !StemmerSet::has_stem(token.term)) return false;
    return highlight.stems.count(analyzer_.stem(token)) > 0;
}

Snippet SnippetMaker::make(std::string_view text, Lang lang, const HighlightTerms& highlight,
                           const std::vector<ExplainWord>& words, std::vector<Explanation>& why) {
    Snippet snippet = make(text, lang, highlight);
    explain(cut_utf8(text, kMaxScanBytes), words, why);  // reads the tokens make() left
    return snippet;
}

// The first form each word met, in the order a reader would check: the same word, the same word
// without its accents, another form of it (stem), a name in another script or spelling.
void SnippetMaker::explain(std::string_view text, const std::vector<ExplainWord>& words,
                           std::vector<Explanation>& why) {
    for (const ExplainWord& word : words) {
        const Token* best = nullptr;
        std::string how;
        for (const Token& token : tokens_) {
            if (token.term == word.term) {
                best = &token;
                how = token.spelling_form() == word.spelling ? "exact" : "accent-folded";
                if (how == "exact") break;
                continue;
            }
            if (best != nullptr) continue;
            if (!word.stems.empty() && StemmerSet::has_stem(token.term)) {
                const std::string& stem = analyzer_.stem(token);
                if (std::find(word.stems.begin(), word.stems.end(), stem) != word.stems.end()) {
                    best = &token;
                    how = "stem";
                    continue;
                }
            }
            if (!word.name_key.empty() && is_name_match(text, token, {word.name_key})) {
                best = &token;
                how = "transliterated name";
            }
        }
        if (best == nullptr) continue;
        why.push_back({word.word, std::string(text.substr(best->start, best->end - best->start)), how});
    }
}

Snippet SnippetMaker::make(std::string_view text, Lang lang, const HighlightTerms& highlight) {
    Snippet snippet;
    const std::string_view scanned = cut_utf8(text, kMaxScanBytes);
    tokens_.clear();
    analyzer_.analyze(scanned, lang, tokens_);
    if (tokens_.empty()) return snippet;

    // Each token is matched once; the window search and the rendering both read the flags.
    std::vector<bool> matched(tokens_.size());
    std::vector<std::size_t> hits;  // indexes of the matching tokens
    for (std::size_t i = 0; i < tokens_.size(); ++i) {
        matched[i] = matches(scanned, tokens_[i], highlight);
        if (matched[i]) hits.push_back(i);
    }

    // Best window: most distinct matched terms, then most matches, then earliest.
    std::size_t best_start = 0;
    if (!hits.empty()) {
        std::size_t best_distinct = 0, best_count = 0;
        std::map<std::string, int> in_window;
        std::size_t left = 0;
        for (std::size_t right = 0; right < hits.size(); ++right) {
            ++in_window[tokens_[hits[right]].term];
            while (hits[right] - hits[left] >= kSnippetWords) {
                if (--in_window[tokens_[hits[left]].term] == 0) in_window.erase(tokens_[hits[left]].term);
                ++left;
            }
            const std::size_t distinct = in_window.size(), count = right - left + 1;
            if (distinct > best_distinct || (distinct == best_distinct && count > best_count)) {
                best_distinct = distinct;
                best_count = count;
                best_start = hits[left];
            }
        }
        // Centre the matches: a few words of context before the first one.
        const std::size_t lead = kSnippetWords / 4;
        best_start = best_start > lead ? best_start - lead : 0;
    }
    const std::size_t last = std::min(tokens_.size(), best_start + kSnippetWords) - 1;

    snippet.first_offset = tokens_[best_start].start;
    for (std::size_t i = best_start; i <= last; ++i) {
        if (matched[i]) {
            snippet.first_offset = tokens_[i].start;
            break;
        }
    }
    if (best_start > 0) append_part(snippet, std::string(kEllipsis), false);
    std::size_t cursor = tokens_[best_start].start;
    bool previous_matched = false;
    for (std::size_t i = best_start; i <= last; ++i) {
        const Token& token = tokens_[i];
        std::string gap = squeeze_spaces(scanned.substr(cursor, token.start - cursor));
        // Adjacent matches separated only by a space read as one mark: <mark>réunions pacifiques</mark>.
        const bool joins = matched[i] && previous_matched && gap == " ";
        append_part(snippet, std::move(gap), joins);
        append_part(snippet, std::string(scanned.substr(token.start, token.end - token.start)),
                    matched[i]);
        previous_matched = matched[i];
        cursor = token.end;
    }
    // Keep punctuation that closes the last word's sentence (". ’ »") but not the next word.
    std::size_t tail = cursor;
    while (tail < scanned.size() && tail - cursor < 4 && scanned[tail] != ' ' && scanned[tail] != '\n') ++tail;
    tail = cut_utf8(scanned, tail).size();
    append_part(snippet, std::string(scanned.substr(cursor, tail - cursor)), false);
    if (last + 1 < tokens_.size() || scanned.size() < text.size()) append_part(snippet, std::string(kEllipsis), false);
    return snippet;
}

}  // namespace agora
