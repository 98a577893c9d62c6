/** @file
 *  @brief One request → one response: parameters, index, protected names, search or dossier, page.
 */
#include "agora/web/app.h"

#include "agora/limits.h"
#include "agora/search/date_range.h"
#include "agora/search/result_json.h"
#include "agora/search/searcher.h"
#include "agora/util/html_escape.h"
#include "agora/util/utf8.h"
#include "agora/web/page.h"
#include "agora/web/style.h"

#include <xapian.h>

#include <cctype>
#include <iostream>

namespace agora::web {
namespace {

/// Documents a dossier page lists.
constexpr std::size_t kDossierDocuments = 50;
/// Values shown per facet.
constexpr std::size_t kFacetValues = 10;

void add_common_headers(HttpResponse& out, Lang ui, bool json) {
    out.headers.emplace_back("Content-Type", json ? "application/json; charset=utf-8" : "text/html; charset=utf-8");
    out.headers.emplace_back("Content-Language", std::string(lang_code(ui)));
    out.headers.emplace_back("Content-Security-Policy", content_security_policy());
    out.headers.emplace_back("X-Content-Type-Options", "nosniff");
    out.headers.emplace_back("Referrer-Policy", "no-referrer");
    // Results follow the index and queries may be sensitive: nothing is kept by caches or browsers.
    out.headers.emplace_back("Cache-Control", "no-store");
    out.headers.emplace_back("Vary", "Accept-Language");
}

HttpResponse make_response(int status, Lang ui, bool json, std::string body) {
    HttpResponse out;
    out.status = status;
    add_common_headers(out, ui, json);
    out.body = std::move(body);
    return out;
}

std::string quote_plain(std::string_view text) { return "\"" + std::string(text) + "\""; }

// The message of a refused parameter, as escaped HTML (@p html) or plain text.
std::string param_message(Lang ui, const ParamError& e, bool html) {
    auto text = [&](Msg m) { return html ? html_escape(tr(ui, m)) : std::string(tr(ui, m)); };
    const std::string arg = html ? html_escape(e.reason_arg) : e.reason_arg;
    if (e.reason == Msg::too_many_parameters) return fill(text(e.reason), "n", arg);
    const std::string name = html ? "<code>" + html_escape(e.name) + "</code>" : quote_plain(e.name);
    return fill(fill(text(Msg::bad_parameter), "name", name), "reason", fill(text(e.reason), "n", arg));
}

bool asks_json(const Params& params) {
    for (const auto& [name, value] : params) {
        if (name == "format") return value == "json";
    }
    return false;
}

std::string json_error(std::string_view message, std::string_view parameter = {}) {
    nlohmann::json j = {{"error", std::string(message)}};
    if (!parameter.empty()) j["parameter"] = std::string(parameter);
    return dump_json(j) + "\n";
}

SearchRequest search_request(const WebRequest& r, Lang ui, std::size_t page_size) {
    SearchRequest s;
    s.query = r.q;
    s.lang = r.lang.empty() ? Lang::unknown : parse_lang(r.lang);
    s.countries = r.country;
    s.about = r.about;
    s.persons = r.person;
    s.organisations = r.org;
    s.since = r.since.empty() ? std::string() : date_bound(r.since, false).value_or("");
    s.until = r.until.empty() ? std::string() : date_bound(r.until, true).value_or("");
    s.sort = r.sort_by_date ? SearchRequest::Sort::date : SearchRequest::Sort::relevance;
    s.limit = page_size;
    s.offset = (r.page - 1) * page_size;
    s.facets = true;
    s.facet_limit = kFacetValues;
    s.ui = ui;
    return s;
}

bool request_protected(const WebRequest& r, ProtectedNames* names) {
    if (names == nullptr || names->empty()) return false;
    if (names->names_protected(r.q) || names->names_protected(r.entity)) return true;
    for (const auto* list : {&r.country, &r.about, &r.person, &r.org}) {
        for (const std::string& v : *list) {
            if (names->names_protected(v)) return true;
        }
    }
    return false;
}

// What the searcher answers for a query that matches nothing (used for protected names).
SearchResponse no_match(const SearchRequest& s) {
    SearchResponse response;
    response.query = std::string(cut_utf8(s.query, limits::kMaxQueryBytes));
    response.offset = s.offset;
    response.facets = Facets{};
    return response;
}

}  // namespace

std::string_view status_reason(int status) {
    switch (status) {
        case 200: return "OK";
        case 400: return "Bad Request";
        case 404: return "Not Found";
        case 405: return "Method Not Allowed";
        case 503: return "Service Unavailable";
        default: return "Unknown";
    }
}

std::string HttpResponse::header(std::string_view name) const {
    auto same = [](std::string_view a, std::string_view b) {
        if (a.size() != b.size()) return false;
        for (std::size_t i = 0; i < a.size(); ++i) {
            if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
        }
        return true;
    };
    for (const auto& [key, value] : headers) {
        if (same(key, name)) return value;
    }
    return {};
}

std::string HttpResponse::to_cgi() const {
    std::string out = "Status: " + std::to_string(status) + " " + std::string(status_reason(status)) + "\r\n";
    for (const auto& [key, value] : headers) out += key + ": " + value + "\r\n";
    out += "\r\n";
    if (!head_only) out += body;
    return out;
}

App::App(SiteConfig config, std::function<void(const std::string&)> log)
    : config_(std::move(config)), log_(std::move(log)) {
    if (!log_) log_ = [](const std::string& line) { std::cerr << "agora.cgi: " << line << "\n"; };
}

App::~App() = default;

bool App::open(std::string& error) {
    try {
        if (!protected_ && !config_.protected_file.empty()) {
            auto names = std::make_unique<ProtectedNames>();
            names->load(config_.protected_file);  // fail closed: no list, no answers
            protected_ = std::move(names);
        }
        if (!searcher_) searcher_ = std::make_unique<Searcher>(config_.db, SearchOpenOptions{config_.allow_partial});
        return true;
    } catch (const std::exception& e) {
        error = e.what();
    } catch (const Xapian::Error& e) {
        error = e.get_description();
    }
    return false;
}

HttpResponse App::handle(const CgiInput& input) {
    std::string detail;
    try {
        HttpResponse out = answer(input);
        out.head_only = input.method == "HEAD";
        return out;
    } catch (const Xapian::Error& e) {
        detail = e.get_description();
    } catch (const std::exception& e) {
        detail = e.what();
    } catch (...) {
        detail = "unknown exception";
    }
    log_("internal error: " + detail);
    try {
        const Lang ui = negotiate_language(input.accept_language);
        PageContext context{ui, {}, config_.page_size};
        HttpResponse out = make_response(503, ui, false, render_message(context, html_escape(tr(ui, Msg::internal_error))));
        out.head_only = input.method == "HEAD";
        return out;
    } catch (...) {
        HttpResponse out;
        out.status = 503;
        out.headers.emplace_back("Content-Type", "text/plain; charset=utf-8");
        out.body = "The search could not be completed. Please try again later.\n";
        return out;
    }
}

HttpResponse App::answer(const CgiInput& input) {
    Lang ui = negotiate_language(input.accept_language);
    PageContext context{ui, {}, config_.page_size};
    if (!input.method.empty() && input.method != "GET" && input.method != "HEAD") {
        HttpResponse out = make_response(405, ui, false, render_message(context, html_escape(tr(ui, Msg::method_not_allowed))));
        out.headers.emplace_back("Allow", "GET, HEAD");
        return out;
    }
    const auto parsed = input.use_arguments ? parse_arguments(input.arguments) : parse_query_string(input.query_string);
    if (const auto* error = std::get_if<ParamError>(&parsed)) {
        return make_response(400, ui, false, render_message(context, param_message(ui, *error, true)));
    }
    const Params& params = std::get<Params>(parsed);
    context.ui = ui = requested_ui(params).value_or(ui);
    auto request = read_request(params);
    if (const auto* error = std::get_if<ParamError>(&request)) {
        if (asks_json(params)) return make_response(400, ui, true, json_error(param_message(ui, *error, false), error->name));
        context.request.hl = requested_ui(params) ? std::string(lang_code(ui)) : std::string();
        return make_response(400, ui, false, render_message(context, param_message(ui, *error, true)));
    }
    context.request = std::get<WebRequest>(request);
    const WebRequest& r = context.request;
    if (!r.json && r.entity.empty() && !r.has_search()) return make_response(200, ui, false, render_search(context, nullptr));

    std::string error;
    if (!open(error)) {
        log_("the index is not available: " + error);
        if (r.json) return make_response(503, ui, true, json_error(tr(ui, Msg::index_unavailable)));
        return make_response(503, ui, false, render_message(context, html_escape(tr(ui, Msg::index_unavailable))));
    }
    const std::string mark(tr(ui, Msg::withheld));
    ProtectedNames* names = protected_.get();
    const bool hidden = request_protected(r, names);

    if (!r.entity.empty()) {
        Dossier dossier = hidden ? Dossier{} : searcher_->dossier(r.entity, kDossierDocuments, ui);
        if (names) withhold(dossier, *names, mark);
        const int status = dossier.found ? 200 : 404;
        if (r.json) return make_response(status, ui, true, dump_json(dossier_to_json(dossier)) + "\n");
        if (!dossier.found) {
            const std::string message = fill(html_escape(tr(ui, Msg::entity_not_found)), "name",
                                             "<span class=\"query\">" + html_escape(r.entity) + "</span>");
            return make_response(404, ui, false, render_message(context, message));
        }
        return make_response(200, ui, false, render_dossier(context, dossier));
    }
    const SearchRequest s = search_request(r, ui, config_.page_size);
    SearchResponse response = hidden ? no_match(s) : searcher_->search(s);
    if (names) withhold(response, *names, mark);
    if (r.json) return make_response(200, ui, true, dump_json(response_to_json(response)) + "\n");
    return make_response(200, ui, false, render_search(context, &response));
}

}  // namespace agora::web
