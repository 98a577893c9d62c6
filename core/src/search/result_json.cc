/** @file
 *  @brief SearchResponse → JSON.
 */
#include "agora/search/result_json.h"

namespace agora {
namespace {

nlohmann::json string_or_null(const std::string& s) {
    return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s);
}

nlohmann::json facet_list(const std::vector<FacetValue>& values) {
    nlohmann::json out = nlohmann::json::array();
    for (const FacetValue& v : values) out.push_back({{"value", v.value}, {"label", v.label}, {"count", v.count}});
    return out;
}

}  // namespace

nlohmann::json facets_to_json(const Facets& facets) {
    return {{"country", facet_list(facets.country)},
            {"person", facet_list(facets.person)},
            {"organisation", facet_list(facets.organisation)},
            {"lang", facet_list(facets.lang)},
            {"year", facet_list(facets.year)}};
}

nlohmann::json result_to_json(const SearchResult& r, bool explain) {
    nlohmann::json j = {{"rank", r.rank},
                        {"id", r.id},
                        {"path", r.path},
                        {"article", r.article > 0 ? nlohmann::json(r.article) : nlohmann::json(nullptr)},
                        {"title", r.title},
                        {"lang", r.lang},
                        {"date", string_or_null(r.date)},
                        {"url", string_or_null(r.url)},
                        {"score", r.score},
                        {"snippet", r.snippet.html()},
                        {"countries", r.countries},
                        {"persons", r.persons},
                        {"organisations", r.organisations},
                        {"about", string_or_null(r.about)},
                        {"page", r.page > 0 ? nlohmann::json(r.page) : nlohmann::json(nullptr)}};
    if (explain) {
        nlohmann::json why = nlohmann::json::array();
        for (const Explanation& e : r.explain) why.push_back({{"word", e.word}, {"form", e.form}, {"how", e.how}});
        j["explain"] = std::move(why);
    }
    return j;
}

nlohmann::json dossier_to_json(const Dossier& d) {
    nlohmann::json documents = nlohmann::json::array();
    for (const Dossier::Document& doc : d.documents) {
        documents.push_back({{"id", doc.id},
                             {"path", doc.path},
                             {"article", doc.article > 0 ? nlohmann::json(doc.article) : nlohmann::json(nullptr)},
                             {"title", doc.title},
                             {"date", string_or_null(doc.date)},
                             {"snippet", doc.snippet.html()}});
    }
    nlohmann::json candidates = nlohmann::json::array();
    for (const FacetValue& c : d.candidates) {
        candidates.push_back({{"name", c.value}, {"kind", c.label}, {"documents", c.count}});
    }
    return {{"name", d.found ? nlohmann::json(d.name) : nlohmann::json(nullptr)},
            {"kind", d.found ? nlohmann::json(std::string(kind_name(d.kind))) : nlohmann::json(nullptr)},
            {"aliases", d.aliases},
            {"total", d.total},
            {"documents", std::move(documents)},
            {"related", {{"person", facet_list(d.related.person)},
                         {"organisation", facet_list(d.related.organisation)},
                         {"country", facet_list(d.related.country)}}},
            {"candidates", std::move(candidates)}};
}

nlohmann::json response_to_json(const SearchResponse& response) {
    nlohmann::json results = nlohmann::json::array();
    for (const SearchResult& r : response.results) results.push_back(result_to_json(r, response.explained));
    nlohmann::json j = {{"query", response.query},
                        {"total", response.total},
                        {"total_exact", response.total_exact},
                        {"offset", response.offset},
                        {"results", std::move(results)},
                        {"suggestion", response.suggestion ? nlohmann::json(*response.suggestion)
                                                           : nlohmann::json(nullptr)}};
    if (response.truncated) j["truncated"] = true;
    if (response.facets) j["facets"] = facets_to_json(*response.facets);
    if (!response.notices.empty()) j["notices"] = response.notices;
    if (!response.unavailable_shards.empty()) j["unavailable_shards"] = response.unavailable_shards;
    return j;
}

std::string dump_json(const nlohmann::json& j) {
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace agora
