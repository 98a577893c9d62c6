/** @file
 *  @brief The JSON contract of a search response, shared by `agora-search --json` and the web front end.
 */
#pragma once

#include "agora/search/searcher.h"

#include <nlohmann/json.hpp>

namespace agora {

/// `{"query", "total", "offset", "results": [{"rank", "id", "path", "article", "title", "lang", "date",
/// "score", "snippet", "url"}], "suggestion"}`; fields are added over time, never renamed.
nlohmann::json response_to_json(const SearchResponse& response);

/// One result as in the contract (also one line of `--format jsonl`).
nlohmann::json result_to_json(const SearchResult& result, bool explain);

/// `{"name", "kind", "aliases", "documents": [{"id", "path", "article", "title", "date", "snippet"}],
/// "related": {"person", "organisation", "country"}, "candidates": [{"name", "kind", "documents"}]}`.
nlohmann::json dossier_to_json(const Dossier& dossier);

/// Facet lists: `{"country": [{"value", "label", "count"}], "person", "organisation", "lang"}`.
nlohmann::json facets_to_json(const Facets& facets);

/// Compact one-line serialisation that never throws on odd bytes.
std::string dump_json(const nlohmann::json& j);

}  // namespace agora
