/** @file
 *  @brief Parameter parsing and checking, and links that change one part of a request.
 */
#include "agora/web/request.h"

#include "agora/search/date_range.h"
#include "agora/util/url_encode.h"
#include "agora/util/utf8.h"

#include <algorithm>

namespace agora::web {
namespace {

bool has_control(std::string_view text) {
    return std::any_of(text.begin(), text.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return (u < 0x20 && c != '\t' && c != '\n' && c != '\r') || u == 0x7F;
    });
}

// Checks one decoded name or value; @p shown names the parameter in the error.
std::optional<ParamError> check_text(std::string_view text, const std::string& shown) {
    if (!is_valid_utf8(text)) return ParamError{shown, Msg::reason_utf8, {}};
    if (text.size() > kMaxParameterBytes) {
        return ParamError{shown, Msg::reason_too_long, std::to_string(kMaxParameterBytes)};
    }
    if (has_control(text)) return ParamError{shown, Msg::reason_control, {}};
    return std::nullopt;
}

// A name safe to show on the error page even when it failed its own checks.
std::string shown_name(std::string_view raw) {
    const std::string cut(cut_utf8(raw, 64));
    return is_valid_utf8(cut) ? cut : repair_utf8(cut);
}

std::optional<ParamError> add_pair(Params& params, std::string name, std::string value) {
    if (auto e = check_text(name, shown_name(name))) return e;
    if (auto e = check_text(value, name)) return e;
    if (params.size() >= kMaxParameters) {
        return ParamError{{}, Msg::too_many_parameters, std::to_string(kMaxParameters)};
    }
    params.emplace_back(std::move(name), std::move(value));
    return std::nullopt;
}

std::optional<ParamError> add_encoded(Params& params, std::string_view pair) {
    const std::size_t eq = pair.find('=');
    const std::string_view raw_name = pair.substr(0, eq);
    const std::string_view raw_value = eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1);
    std::optional<std::string> name = url_decode(raw_name);
    if (!name) return ParamError{shown_name(raw_name), Msg::reason_encoding, {}};
    std::optional<std::string> value = url_decode(raw_value);
    if (!value) {
        const std::string shown = is_valid_utf8(*name) && !has_control(*name) ? shown_name(*name) : shown_name(raw_name);
        return ParamError{shown, Msg::reason_encoding, {}};
    }
    return add_pair(params, std::move(*name), std::move(*value));
}

bool valid_lang(std::string_view code) { return code == "en" || code == "ru" || code == "fr"; }

// 1..kMaxPage in plain decimal digits.
std::optional<std::size_t> parse_page(std::string_view text) {
    if (text.empty() || text.size() > 4) return std::nullopt;
    std::size_t n = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        n = n * 10 + static_cast<std::size_t>(c - '0');
    }
    if (n < 1 || n > kMaxPage) return std::nullopt;
    return n;
}

// Applies one parameter; an error for a bad value.
std::optional<ParamError> apply(WebRequest& r, std::vector<std::string>& seen, const std::string& name,
                                const std::string& value) {
    auto first = [&](std::string& field) {
        if (std::find(seen.begin(), seen.end(), name) == seen.end()) field = value;
    };
    auto repeatable = [&](std::vector<std::string>& list) {
        if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
    };
    const bool again = std::find(seen.begin(), seen.end(), name) != seen.end();
    if (name == "q") first(r.q);
    else if (name == "country") repeatable(r.country);
    else if (name == "about") repeatable(r.about);
    else if (name == "person") repeatable(r.person);
    else if (name == "org") repeatable(r.org);
    else if (name == "entity") first(r.entity);
    else if (name == "lang") {
        if (!valid_lang(value)) return ParamError{name, Msg::reason_language, {}};
        first(r.lang);
    } else if (name == "hl") {
        if (!valid_lang(value)) return ParamError{name, Msg::reason_language, {}};
        first(r.hl);
    } else if (name == "since" || name == "until") {
        if (!date_bound(value, name == "until")) return ParamError{name, Msg::reason_date, {}};
        first(name == "since" ? r.since : r.until);
    } else if (name == "sort") {
        if (value != "relevance" && value != "date") return ParamError{name, Msg::reason_sort, {}};
        if (!again) r.sort_by_date = value == "date";
    } else if (name == "format") {
        if (value != "html" && value != "json") return ParamError{name, Msg::reason_format, {}};
        if (!again) r.json = value == "json";
    } else if (name == "page") {
        const auto page = parse_page(value);
        if (!page) return ParamError{name, Msg::reason_page, std::to_string(kMaxPage)};
        if (!again) r.page = *page;
    }
    if (!again) seen.push_back(name);
    return std::nullopt;
}

void add_param(std::string& out, std::string_view name, std::string_view value) {
    if (value.empty()) return;
    out += out.size() <= 1 ? "" : "&";
    out += name;
    out += '=';
    append_url_encoded(out, value);
}

std::string href_of(const WebRequest& s, bool keep_entity) {
    std::string out = "?";
    add_param(out, "q", s.q);
    for (const std::string& v : s.country) add_param(out, "country", v);
    for (const std::string& v : s.about) add_param(out, "about", v);
    for (const std::string& v : s.person) add_param(out, "person", v);
    for (const std::string& v : s.org) add_param(out, "org", v);
    add_param(out, "lang", s.lang);
    add_param(out, "since", s.since);
    add_param(out, "until", s.until);
    if (s.sort_by_date) add_param(out, "sort", "date");
    if (s.page > 1) add_param(out, "page", std::to_string(s.page));
    if (keep_entity) add_param(out, "entity", s.entity);
    add_param(out, "hl", s.hl);
    return out;
}

WebRequest page_one(const WebRequest& state) {
    WebRequest next = state;
    next.page = 1;
    next.json = false;
    next.entity.clear();
    return next;
}

std::vector<std::string>* list_of(WebRequest& r, Filter f) {
    switch (f) {
        case Filter::country: return &r.country;
        case Filter::about: return &r.about;
        case Filter::person: return &r.person;
        case Filter::org: return &r.org;
        default: return nullptr;
    }
}

std::string* single_of(WebRequest& r, Filter f) {
    switch (f) {
        case Filter::lang: return &r.lang;
        case Filter::since: return &r.since;
        case Filter::until: return &r.until;
        default: return nullptr;
    }
}

}  // namespace

bool WebRequest::has_filters() const {
    return !country.empty() || !about.empty() || !person.empty() || !org.empty() || !lang.empty() ||
           !since.empty() || !until.empty();
}

bool WebRequest::has_search() const { return !q.empty() || has_filters(); }

std::variant<Params, ParamError> parse_query_string(std::string_view qs) {
    Params params;
    if (qs.size() > kMaxQueryStringBytes) return ParamError{{}, Msg::too_many_parameters, std::to_string(kMaxParameters)};
    while (!qs.empty()) {
        const std::size_t end = qs.find_first_of("&;");
        const std::string_view pair = qs.substr(0, end);
        qs = end == std::string_view::npos ? std::string_view{} : qs.substr(end + 1);
        if (pair.empty()) continue;
        if (auto e = add_encoded(params, pair)) return *e;
    }
    return params;
}

std::variant<Params, ParamError> parse_arguments(const std::vector<std::string>& arguments) {
    Params params;
    for (const std::string& arg : arguments) {
        if (arg.empty()) continue;
        const std::size_t eq = arg.find('=');
        std::string name = arg.substr(0, eq);
        std::string value = eq == std::string::npos ? std::string{} : arg.substr(eq + 1);
        if (auto e = add_pair(params, std::move(name), std::move(value))) return *e;
    }
    return params;
}

std::variant<WebRequest, ParamError> read_request(const Params& params) {
    WebRequest r;
    std::vector<std::string> seen;
    for (const auto& [name, value] : params) {
        if (value.empty()) continue;
        if (auto e = apply(r, seen, name, value)) return *e;
    }
    return r;
}

std::optional<Lang> requested_ui(const Params& params) {
    for (const auto& [name, value] : params) {
        if (name == "hl" && valid_lang(value)) return parse_lang(value);
    }
    return std::nullopt;
}

std::string_view filter_param(Filter filter) {
    switch (filter) {
        case Filter::country: return "country";
        case Filter::about: return "about";
        case Filter::person: return "person";
        case Filter::org: return "org";
        case Filter::lang: return "lang";
        case Filter::since: return "since";
        case Filter::until: return "until";
    }
    return "";
}

std::string search_href(const WebRequest& state) { return href_of(page_one(state), false); }

std::string with_filter(const WebRequest& state, Filter filter, std::string_view value) {
    WebRequest next = page_one(state);
    if (auto* list = list_of(next, filter)) {
        if (std::find(list->begin(), list->end(), value) == list->end()) list->emplace_back(value);
    } else if (auto* single = single_of(next, filter)) {
        *single = std::string(value);
    }
    return href_of(next, false);
}

std::string without_filter(const WebRequest& state, Filter filter, std::string_view value) {
    WebRequest next = page_one(state);
    if (auto* list = list_of(next, filter)) {
        list->erase(std::remove(list->begin(), list->end(), value), list->end());
    } else if (auto* single = single_of(next, filter); single && *single == value) {
        single->clear();
    }
    return href_of(next, false);
}

std::string with_year(const WebRequest& state, std::string_view year) {
    WebRequest next = page_one(state);
    next.since = std::string(year);
    next.until = std::string(year);
    return href_of(next, false);
}

std::string with_page(const WebRequest& state, std::size_t page) {
    WebRequest next = page_one(state);
    next.page = page;
    return href_of(next, false);
}

std::string with_query(const WebRequest& state, std::string_view q) {
    WebRequest next = page_one(state);
    next.q = std::string(q);
    return href_of(next, false);
}

std::string with_sort(const WebRequest& state, bool by_date) {
    WebRequest next = page_one(state);
    next.sort_by_date = by_date;
    return href_of(next, false);
}

std::string with_ui(const WebRequest& state, Lang ui) {
    WebRequest next = state;
    next.json = false;
    next.hl = std::string(lang_code(ui));
    return href_of(next, true);
}

std::string dossier_href(const WebRequest& state, std::string_view name) {
    WebRequest next;
    next.entity = std::string(name);
    next.hl = state.hl;
    return href_of(next, true);
}

}  // namespace agora::web
