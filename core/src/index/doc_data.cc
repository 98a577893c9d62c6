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
    if (!countries.empty()) j["countries"] = countries;
    if (!persons.empty()) j["persons"] = persons;
    if (!organisations.empty()) j["organisations"] = organisations;
    if (!about.empty()) j["about"] = about;
    if (paged) j["paged"] = true;
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
    d.about = text_field("about");
    if (auto it = j.find("paged"); it != j.end() && it->is_boolean()) d.paged = it->get<bool>();
    const auto list_field = [&](const char* key) {
        std::vector<std::string> out;
        auto it = j.find(key);
        if (it == j.end() || !it->is_array()) return out;
        for (const auto& v : *it) {
            if (v.is_string()) out.push_back(v.get<std::string>());
        }
        return out;
    };
    d.countries = list_field("countries");
    d.persons = list_field("persons");
    d.organisations = list_field("organisations");
    if (auto it = j.find("article"); it != j.end() && it->is_number_integer()) d.article = it->get<int>();
    return d;
}

}  // namespace agora
