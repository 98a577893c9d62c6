/** @file
 *  @brief The analysis chain, composed once for the indexer, the query side and the snippet maker.
 */
#include "agora/analysis/analyzer.h"
#include "agora/util/utf8.h"

#include "agora/limits.h"

namespace agora {
namespace {

// A paragraph needs this many words before its own language vote beats the document's language.
constexpr int kMinParagraphWords = 6;
// Normalised non-ASCII words kept before the cache starts over.
constexpr std::size_t kNormalizeCacheEntries = 1u << 16;


}  // namespace

Analyzer::Analyzer() = default;

void Analyzer::normalize_cached(std::string_view word, NormalizedWord& out) {
    if (is_ascii(word)) {
        normalizer_.normalize(word, out);
        return;
    }
    if (auto it = cache_.find(word); it != cache_.end()) {
        out = it->second;
        return;
    }
    normalizer_.normalize(word, out);
    if (cache_.size() >= kNormalizeCacheEntries) cache_.clear();
    cache_.emplace(std::string(word), out);
}

Lang Analyzer::analyze(std::string_view text, Lang hint, std::vector<Token>& out,
                       std::uint32_t first_position) {
    const std::size_t first_token = out.size();
    std::uint32_t position = first_position;
    std::uint32_t paragraph = 0;
    paragraph_votes_.assign(1, LanguageVotes{});
    NormalizedWord word;
    bool first_word = true;

    tokenizer_.tokenize(text, [&](const WordSpan& span) {
        if (span.paragraph_break && !first_word) {
            ++paragraph;
            paragraph_votes_.emplace_back();
        }
        first_word = false;
        normalize_cached(span.word, word);
        if (word.term.empty()) return;
        const std::uint32_t this_position = position++;
        // Overlong "words" (base64, hashes, URLs glued together) are not worth a term, but keep their
        // position so that a phrase cannot match across them.
        if (word.term.size() > limits::kMaxTermBytes) return;
        paragraph_votes_.back().add(word.term, word.cyrillic);
        Token token;
        token.term = word.term;
        if (word.spelling != word.term) token.spelling = word.spelling;
        token.start = span.start;
        token.end = span.end;
        token.position = this_position;
        token.paragraph = paragraph;
        token.cyrillic = word.cyrillic;
        out.push_back(std::move(token));
    });

    LanguageVotes all;
    for (const LanguageVotes& votes : paragraph_votes_) all.merge(votes);
    Lang doc_lang = hint != Lang::unknown ? hint : all.decide();
    if (doc_lang == Lang::unknown) doc_lang = Lang::en;  // names, numbers, headings: English chain

    std::vector<Lang> paragraph_lang(paragraph_votes_.size(), doc_lang);
    for (std::size_t p = 0; p < paragraph_votes_.size(); ++p) {
        if (paragraph_votes_[p].words() < kMinParagraphWords) continue;
        if (Lang guess = paragraph_votes_[p].decide(); guess != Lang::unknown) paragraph_lang[p] = guess;
    }
    for (std::size_t i = first_token; i < out.size(); ++i) {
        Token& token = out[i];
        if (token.cyrillic) {
            token.lang = Lang::ru;
            continue;
        }
        const Lang lang = paragraph_lang[token.paragraph];
        // Latin words inside Russian text are mostly names and acronyms: the English chain suits them.
        token.lang = lang == Lang::ru ? Lang::en : lang;
    }
    return doc_lang;
}

void Analyzer::analyze_query(std::string_view text, Lang lang, std::vector<Token>& out) {
    const std::size_t first_token = out.size();
    analyze(text, Lang::en, out);
    for (std::size_t i = first_token; i < out.size(); ++i) {
        Token& token = out[i];
        token.lang = token.cyrillic ? Lang::ru : (lang == Lang::ru ? Lang::unknown : lang);
    }
}

const std::string& Analyzer::stem(const Token& token) {
    return stemmers_.stem(token.term, token.lang);
}

std::vector<std::string> Analyzer::query_stems(const Token& token) {
    std::vector<std::string> stems;
    if (!StemmerSet::has_stem(token.term)) return stems;
    if (token.lang != Lang::unknown) {
        stems.push_back(stemmers_.stem(token.term, token.lang));
        return stems;
    }
    stems.push_back(stemmers_.stem(token.term, Lang::en));
    std::string french = stemmers_.stem(token.term, Lang::fr);
    if (french != stems.front()) stems.push_back(std::move(french));
    return stems;
}

Lang Analyzer::detect_language(std::string_view text) {
    LanguageVotes votes;
    NormalizedWord word;
    tokenizer_.tokenize(text, [&](const WordSpan& span) {
        normalize_cached(span.word, word);
        if (!word.term.empty()) votes.add(word.term, word.cyrillic);
    });
    return votes.decide();
}

}  // namespace agora
