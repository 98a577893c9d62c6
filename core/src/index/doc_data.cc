/** @file
 *  @brief DocData ⇄ JSON with nlohmann_json.
 */
#include "agora/index/doc_data.h"

#include <nlohmann/json.hpp>

namespace agora {

std::string DocData::to_json() const {
    nlohmann::json j = {{"id", id}, {"path", path}, {"title", title}, {"lang", lang}, {"text", text}};
    if (article > 0) j["article"] = article;
    if (!date.empty()) j["date"] = date;
    if (!url.empty()) j["url"] = url;
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

DocData DocData::from_json(const std::string& data) {
    DocData d;
    const nlohmann::json j = nlohmann::json::parse(data, nullptr, false);
    if (!j.is_object()) return d;
    const auto text_field = [&](const char* key) {
        auto it = j.find(key);
        return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    d.id = text_field("id");
    d.path = text_field("path");
    d.title = text_field("title");
    d.lang = text_field("lang");
    d.date = text_field("date");
    d.url = text_field("url");
    d.text = text_field("text");
    if (auto it = j.find("article"); it != j.end() && it->is_number_integer()) d.article = it->get<int>();
    return d;
}

}  // namespace agora
