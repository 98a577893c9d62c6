/** @file
 *  @brief Ranked search over an Agora index: parse, match with BM25, snippets, "did you mean".
 */
#pragma once

#include "agora/analysis/analyzer.h"
#include "agora/search/query_builder.h"
#include "agora/search/snippet.h"

#include <xapian.h>

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace agora {

/// The index cannot be opened for reading (missing, unreadable, not an Agora index).
class SearchOpenError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// One query and its page.
struct SearchRequest {
    std::string query;
    Lang lang = Lang::unknown;  ///< when known: only documents in this language, and its stems only
    std::size_t offset = 0;
    std::size_t limit = 10;
};

/// One ranked hit.
struct SearchResult {
    std::size_t rank = 0;  ///< 1-based over the whole match set
    std::string id;
    std::string path;
    int article = 0;  ///< 0: the source holds one article
    std::string title;
    std::string lang;
    std::string date;
    std::string url;
    double score = 0;
    Snippet snippet;
};

/// The answer to one request.
struct SearchResponse {
    std::string query;  ///< the query text as used (cut to the length limit)
    std::size_t total = 0;  ///< exact number of matching documents
    std::size_t offset = 0;
    std::vector<SearchResult> results;
    std::optional<std::string> suggestion;  ///< corrected query when nothing matched and one exists
    bool truncated = false;  ///< the query exceeded a length or term limit and was cut
    double took_ms = 0;
};

/// Answers queries against one index. Keeps the database, analyser and parsers open between queries
/// and reopens the database before each query to see the indexer's latest commit. One per thread.
class Searcher {
public:
    /// Opens the index at @p db_path; throws SearchOpenError with a message for people.
    explicit Searcher(const std::string& db_path);

    /// Runs @p request. Never throws for a malformed query.
    SearchResponse search(const SearchRequest& request);

    /// Number of documents in the index.
    Xapian::doccount document_count() const { return db_.get_doccount(); }

private:
    SearchResponse run(const SearchRequest& request);
    std::optional<std::string> suggest(const ParsedQuery& parsed);

    std::string db_path_;
    Xapian::Database db_;
    Analyzer analyzer_;
    QueryBuilder builder_{analyzer_};
    SnippetMaker snippets_{analyzer_};
};

}  // namespace agora
