/** @file
 *  @brief Snippets: the passage of a document that best shows why it matched, with the matches marked.
 */
#pragma once

#include "agora/analysis/analyzer.h"
#include "agora/search/query_builder.h"

#include <string>
#include <string_view>
#include <vector>

namespace agora {

/// One run of snippet text, highlighted or not. Text is plain UTF-8 (not escaped).
struct SnippetPart {
    std::string text;
    bool highlighted = false;
};

/// Why a result matched: a query word, the form it met in the text, and how.
struct Explanation {
    std::string word;  ///< as typed in the query (or the filter's value)
    std::string form;  ///< as written in the document
    std::string how;   ///< "exact", "accent-folded", "stem", "transliterated name", "alias"
};

class NameKeyer;

/// The sentence of @p text (language @p lang) holding bytes [@p at, @p at + @p length), with those
/// bytes marked; cut to about 400 bytes around the mark. The text's opening when @p at is npos.
struct Snippet;
Snippet sentence_snippet(std::string_view text, std::size_t at, std::size_t length, Lang lang);

/// A snippet as parts, rendered for each output by the functions below.
struct Snippet {
    std::vector<SnippetPart> parts;
    /// Byte offset in the text of the first match shown (else of the first word shown); npos when
    /// the snippet is empty.
    std::size_t first_offset = std::string::npos;

    /// HTML-escaped text with matches in `<mark>…</mark>`.
    std::string html() const;
    /// Matches in bold with ANSI escapes, for a terminal.
    std::string ansi() const;
    /// Plain text.
    std::string plain() const;
};

/// Makes snippets by re-analysing the stored text with the same Analyzer the indexer used, so a
/// match is highlighted exactly where a stem, an accent-folded form or an elided word met the query.
class SnippetMaker {
public:
    /// Words a snippet aims for.
    static constexpr std::size_t kSnippetWords = 32;
    /// Bytes of a document scanned for matches; text beyond it is not highlighted (huge documents).
    static constexpr std::size_t kMaxScanBytes = 256u << 10;

    explicit SnippetMaker(Analyzer& analyzer) : analyzer_(analyzer) {}

    /// The best window of @p text (language @p lang) for @p highlight; the text's opening words when
    /// nothing matches.
    Snippet make(std::string_view text, Lang lang, const HighlightTerms& highlight);

    /// As make(), and also appends to @p why the first form each of @p words met in the text.
    Snippet make(std::string_view text, Lang lang, const HighlightTerms& highlight,
                 const std::vector<ExplainWord>& words, std::vector<Explanation>& why);

    /// Name keys for HighlightTerms::name_keys (a query word meeting a name in another script).
    void set_name_keyer(NameKeyer* keyer) { keyer_ = keyer; }

private:
    bool matches(std::string_view text, const Token& token, const HighlightTerms& highlight);
    bool is_name_match(std::string_view text, const Token& token, const std::set<std::string>& keys);
    void explain(std::string_view text, const std::vector<ExplainWord>& words, std::vector<Explanation>& why);

    Analyzer& analyzer_;
    NameKeyer* keyer_ = nullptr;
    std::vector<Token> tokens_;
};

}  // namespace agora
