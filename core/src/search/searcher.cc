/** @file
 *  @brief Matching, ranking and result assembly.
 */
#include "agora/search/searcher.h"

#include "agora/index/doc_data.h"
#include "agora/limits.h"
#include "agora/schema.h"

#include <algorithm>
#include <chrono>
#include <filesystem>

namespace agora {
namespace {

// Xapian's spelling suggestions within this edit distance.
constexpr unsigned kSpellingEditDistance = 2;

}  // namespace

Searcher::Searcher(const std::string& db_path) : db_path_(db_path) {
    std::error_code ec;
    if (!std::filesystem::exists(db_path, ec)) {
        throw SearchOpenError("no index at " + db_path + ": build one with agora-index --db " + db_path +
                              " FOLDER");
    }
    try {
        db_ = Xapian::Database(db_path);
    } catch (const Xapian::Error& e) {
        throw SearchOpenError("cannot open index " + db_path + ": " + e.get_msg());
    }
}

SearchResponse Searcher::search(const SearchRequest& request) {
    const auto started = std::chrono::steady_clock::now();
    SearchResponse response;
    // A commit by the indexer between our reads invalidates the old revision: reopen and retry.
    for (int attempt = 0;; ++attempt) {
        try {
            db_.reopen();
            response = run(request);
            break;
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt >= 2) throw;
        }
    }
    response.took_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    return response;
}

SearchResponse Searcher::run(const SearchRequest& request) {
    SearchResponse response;
    ParsedQuery parsed = builder_.parse(request.query, request.lang);
    response.query = parsed.text;
    response.truncated = parsed.truncated;
    response.offset = request.offset;
    if (parsed.query.empty()) return response;

    Xapian::Query query = parsed.query;
    if (request.lang != Lang::unknown) {
        const Xapian::Query filter(std::string(schema::kLanguage) + std::string(lang_code(request.lang)));
        query = Xapian::Query(Xapian::Query::OP_FILTER, query, filter);
    }
    Xapian::Enquire enquire(db_);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    const std::size_t limit = std::min(request.limit, limits::kMaxPageSize);
    // check_at_least = every document: the total is exact, not Xapian's estimate.
    const Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                                               static_cast<Xapian::doccount>(limit),
                                               db_.get_doccount());
    response.total = mset.get_matches_estimated();

    for (auto it = mset.begin(); it != mset.end(); ++it) {
        const DocData data = DocData::from_json(it.get_document().get_data());
        SearchResult result;
        result.rank = request.offset + it.get_rank() - mset.get_firstitem() + 1;
        result.id = data.id;
        result.path = data.path;
        result.article = data.article;
        result.title = data.title.empty() ? std::filesystem::path(data.path).filename().string() : data.title;
        result.lang = data.lang;
        result.date = data.date;
        result.url = data.url;
        result.score = it.get_weight();
        result.snippet = snippets_.make(data.text, parse_lang(data.lang), parsed.highlight);
        response.results.push_back(std::move(result));
    }
    if (response.total == 0) response.suggestion = suggest(parsed);
    return response;
}

std::optional<std::string> Searcher::suggest(const ParsedQuery& parsed) {
    std::string corrected;
    std::size_t cursor = 0;
    bool changed = false;
    for (const QueryWord& word : parsed.words) {
        std::string suggestion = db_.get_spelling_suggestion(word.spelling, kSpellingEditDistance);
        corrected.append(parsed.text, cursor, word.start - cursor);
        if (!suggestion.empty() && suggestion != word.spelling) {
            corrected += suggestion;
            changed = true;
        } else {
            corrected.append(parsed.text, word.start, word.end - word.start);
        }
        cursor = word.end;
    }
    if (!changed) return std::nullopt;
    corrected.append(parsed.text, cursor, std::string::npos);
    return corrected;
}

}  // namespace agora
