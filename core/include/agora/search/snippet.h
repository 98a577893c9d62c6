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

/// A snippet as parts, rendered for each output by the functions below.
struct Snippet {
    std::vector<SnippetPart> parts;

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

private:
    bool matches(const Token& token, const HighlightTerms& highlight);

    Analyzer& analyzer_;
    std::vector<Token> tokens_;
};

}  // namespace agora
