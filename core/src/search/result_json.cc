/** @file
 *  @brief SearchResponse → JSON.
 */
#include "agora/search/result_json.h"

namespace agora {
namespace {

nlohmann::json string_or_null(const std::string& s) {
    return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s);
}

}  // namespace

nlohmann::json response_to_json(const SearchResponse& response) {
    nlohmann::json results = nlohmann::json::array();
    for (const SearchResult& r : response.results) {
        results.push_back({{"rank", r.rank},
                           {"id", r.id},
                           {"path", r.path},
                           {"article", r.article > 0 ? nlohmann::json(r.article) : nlohmann::json(nullptr)},
                           {"title", r.title},
                           {"lang", r.lang},
                           {"date", string_or_null(r.date)},
                           {"url", string_or_null(r.url)},
                           {"score", r.score},
                           {"snippet", r.snippet.html()}});
    }
    nlohmann::json j = {{"query", response.query},
                        {"total", response.total},
                        {"offset", response.offset},
                        {"results", std::move(results)},
                        {"suggestion", response.suggestion ? nlohmann::json(*response.suggestion)
                                                           : nlohmann::json(nullptr)}};
    if (response.truncated) j["truncated"] = true;
    return j;
}

std::string dump_json(const nlohmann::json& j) {
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace agora
