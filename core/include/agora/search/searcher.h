/** @file
 *  @brief Ranked search over an Agora index: parse, match with BM25, snippets, "did you mean".
 */
#pragma once

#include "agora/analysis/analyzer.h"
#include "agora/search/entity_lookup.h"
#include "agora/search/query_builder.h"
#include "agora/search/snippet.h"

#include <xapian.h>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace agora {

class FacetCodeSpy;

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
    /// Entity filters, each in any spelling (countries: code or name); all must hold.
    std::vector<std::string> countries;
    std::vector<std::string> persons;
    std::vector<std::string> organisations;
    std::vector<std::string> about;  ///< the country the document is about
    bool facets = false;             ///< count countries, persons, organisations, languages
    /// Count every match (true), or only as many as ranking needs and estimate the rest, as Omega and
    /// a plain Xapian search do: much faster on common words and phrases. Facets count every match,
    /// so with them the total is exact either way.
    bool exact_total = true;
    std::size_t facet_limit = 10;    ///< values per facet, most frequent first
    Lang ui = Lang::en;              ///< language of labels
    bool explain = false;            ///< say why each result matched
    /// Date bounds as YYYYMMDD (see date_bound()); empty = open.
    std::string since;
    std::string until;
    enum class Sort { relevance, date } sort = Sort::relevance;  ///< date: newest first, undated last
};

/// One facet value with its exact count over the whole match set.
struct FacetValue {
    std::string value;  ///< what a filter takes: ISO code, entity key... (persons: the display name)
    std::string label;  ///< for people, in the interface language
    std::size_t count = 0;
};

/// Facet counts of a response.
struct Facets {
    std::vector<FacetValue> country;
    std::vector<FacetValue> person;
    std::vector<FacetValue> organisation;
    std::vector<FacetValue> lang;
    std::vector<FacetValue> year;
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
    std::vector<std::string> countries;      ///< ISO codes
    std::vector<std::string> persons;        ///< display names
    std::vector<std::string> organisations;  ///< display names
    std::string about;                       ///< ISO code or empty
    int page = 0;                            ///< page of the snippet's first match (paged sources), else 0
    std::vector<Explanation> explain;        ///< when requested
};

/// The answer to one request.
struct SearchResponse {
    std::string query;  ///< the query text as used (cut to the length limit)
    std::size_t total = 0;  ///< number of matching documents (Xapian's estimate when !total_exact)
    bool total_exact = true;  ///< total counts every match
    std::size_t offset = 0;
    std::vector<SearchResult> results;
    std::optional<std::string> suggestion;  ///< corrected query when nothing matched and one exists
    bool truncated = false;  ///< the query exceeded a length or term limit and was cut
    double took_ms = 0;
    std::optional<Facets> facets;
    bool explained = false;  ///< results carry explanations
    std::vector<std::string> notices;  ///< e.g. a filter naming an unknown country
    /// Shards that did not answer (with --allow-partial): the results come from the others.
    std::vector<std::string> unavailable_shards;
};

/// Everything the index knows about one person or organisation.
struct Dossier {
    bool found = false;
    std::string name;  ///< display name
    EntityKind kind = EntityKind::person;
    std::string key;
    std::vector<std::string> aliases;  ///< every form seen, most used first
    struct Document {
        std::string id, path, title, date;
        int article = 0;
        Snippet snippet;  ///< the sentence around the first mention
    };
    std::vector<Document> documents;  ///< newest first
    std::size_t total = 0;            ///< documents mentioning it
    Facets related;                   ///< co-mentioned entities (itself excluded)
    std::vector<FacetValue> candidates;  ///< other entities the name could mean
};

/// How to open an index for searching.
struct SearchOpenOptions {
    /// A shard that cannot be reached is left out (with a notice in every response naming it)
    /// instead of failing the search.
    bool allow_partial = false;
    /// Milliseconds a remote shard may take to connect or answer one request.
    unsigned remote_timeout_ms = 10000;
    /// Count a query's matches and facets on a second thread, over a second handle on the same
    /// databases, while the calling thread ranks the page; off: both passes on the calling thread.
    bool parallel_count = true;
};

/// A shard left out of the search (with allow_partial).
struct UnavailableShard {
    std::string label;   ///< path, HOST:PORT or program, as the stub names it
    std::string reason;  ///< Xapian's message
};

/// A shard stopped answering during a search (without allow_partial); the message names it.
class ShardUnavailableError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Answers queries against one index. Keeps the database, analyser and parsers open between queries
/// and reopens the database before each query to see the indexer's latest commit. One per thread.
class Searcher {
public:
    /// Opens the index at @p db_path: a database folder, a sharded index folder (its agora.stub) or
    /// a stub file listing local and remote shards. Throws SearchOpenError with a message for people.
    explicit Searcher(const std::string& db_path, SearchOpenOptions options = {});
    ~Searcher();

    /// Runs @p request. Never throws for a malformed query.
    SearchResponse search(const SearchRequest& request);

    /// The dossier of the person or organisation @p name (any spelling or script), with up to
    /// @p limit documents.
    Dossier dossier(std::string_view name, std::size_t limit = 50, Lang ui = Lang::en);

    /// Every match of @p request (not one page), in rank order, calling @p sink for each; for export.
    /// Snippets are made only when @p snippets is set. Returns the number of matches.
    std::size_t for_each_match(const SearchRequest& request, bool snippets,
                               const std::function<void(const SearchResult&)>& sink);

    /// The shards left out (with allow_partial); empty when all answer.
    const std::vector<UnavailableShard>& unavailable_shards() const { return unavailable_; }

    /// Number of documents in the index.
    Xapian::doccount document_count() const { return db_.get_doccount(); }

private:
    SearchResponse run(const SearchRequest& request);
    Dossier run_dossier(std::string_view name, std::size_t limit, Lang ui);
    Xapian::Query build_query(const SearchRequest& request, ParsedQuery& parsed, SearchResponse& response);
    SearchResult make_result(const Xapian::MSetIterator& it, const ParsedQuery& parsed,
                             const SearchRequest& request, bool snippet, const std::string* stored = nullptr);
    Facets collect_facets(const FacetCodeSpy& spy, std::size_t limit, Lang ui,
                          const std::string& exclude_key = {});
    std::optional<std::string> suggest(const ParsedQuery& parsed);
    template <typename F>
    auto guarded(F&& f);
    bool drop_failed_shards(const Xapian::Error& error);
    struct Helper;
    struct HelperSlot {
        std::unique_ptr<Helper> helper;
        bool failed = false;  ///< the databases could not be opened again: work on the calling thread
    };
    Helper* helper(HelperSlot& slot);
    Helper* fetcher();
    void note_unavailable(SearchResponse& response) const;

    std::string db_path_;
    SearchOpenOptions open_options_;
    struct Part;
    std::vector<Part> parts_;  ///< the databases a stub lists (empty for a single database)
    std::vector<UnavailableShard> unavailable_;
    Xapian::Database db_;
    std::uint64_t revision_ = 0;  ///< counts the reopens of db_ that found a commit (see Helper)
    HelperSlot counter_;  ///< the counting thread's handle
    HelperSlot fetcher_;  ///< the page-fetching thread's handle (remote shards only)
    Analyzer analyzer_;
    EntityLookup entities_{analyzer_, db_};
    QueryBuilder builder_{analyzer_};
    SnippetMaker snippets_{analyzer_};
};

}  // namespace agora
