/** @file
 *  @brief Snippet window selection and rendering.
 */
#include "agora/search/snippet.h"

#include "agora/util/html_escape.h"
#include "agora/util/utf8.h"

#include <algorithm>
#include <map>

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

}  // namespace

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

bool SnippetMaker::matches(const Token& token, const HighlightTerms& highlight) {
    if (highlight.terms.count(token.term)) return true;
    if (highlight.stems.empty() || !StemmerSet::has_stem(token.term)) return false;
    return highlight.stems.count(analyzer_.stem(token)) > 0;
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
        matched[i] = matches(tokens_[i], highlight);
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
