/** @file
 *  @brief HTML rendering of the search, dossier and message pages.
 */
#include "agora/web/page.h"

#include "agora/util/html_escape.h"
#include "agora/web/style.h"

#include <algorithm>
#include <cctype>
#include <functional>

namespace agora::web {
namespace {

/// Entities listed per kind under one result; the rest are in the facets.
constexpr std::size_t kEntitiesPerResult = 8;
/// Numbered page links on each side of the current page.
constexpr std::size_t kPageWindow = 4;

std::string esc(std::string_view text) { return html_escape(text); }

std::string msg(const PageContext& c, Msg m) { return std::string(tr(c.ui, m)); }

// A query in the interface language's quotation marks, escaped.
std::string quoted(const PageContext& c, std::string_view text) {
    const std::string inner = "<span class=\"query\">" + esc(text) + "</span>";
    switch (c.ui) {
        case Lang::ru: return "«" + inner + "»";
        case Lang::fr: return "« " + inner + " »";
        default: return "“" + inner + "”";
    }
}

std::string link(std::string_view href, std::string_view text_html, std::string_view attributes = {}) {
    std::string out = "<a";
    if (!attributes.empty()) {
        out += ' ';
        out += attributes;
    }
    out += " href=\"" + esc(href) + "\">";
    out += text_html;
    return out + "</a>";
}

bool is_lang_code(std::string_view code) { return code == "en" || code == "ru" || code == "fr"; }

// `lang="xx"` for content in a known language.
std::string lang_attribute(std::string_view code) {
    return is_lang_code(code) ? " lang=\"" + std::string(code) + "\"" : std::string();
}

bool is_web_url(std::string_view url) {
    auto starts = [&](std::string_view p) {
        if (url.size() < p.size()) return false;
        for (std::size_t i = 0; i < p.size(); ++i) {
            if (std::tolower(static_cast<unsigned char>(url[i])) != p[i]) return false;
        }
        return true;
    };
    return (starts("https://") || starts("http://")) && url.find_first_of(" \t\r\n") == std::string_view::npos;
}

bool looks_like_code(std::string_view value) {
    return value.size() == 2 && std::all_of(value.begin(), value.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; });
}

std::string hidden(std::string_view name, std::string_view value) {
    if (value.empty()) return {};
    return "<input type=\"hidden\" name=\"" + std::string(name) + "\" value=\"" + esc(value) + "\">\n";
}

std::string search_form(const PageContext& c, bool keep) {
    const WebRequest& r = c.request;
    std::string out = "<form id=\"search\" method=\"get\" role=\"search\">\n<label for=\"q\">" +
                      esc(msg(c, Msg::search_label)) + "</label>\n<div class=\"search-row\">";
    out += "<input id=\"q\" name=\"q\" type=\"search\" maxlength=\"1024\" value=\"" + esc(keep ? r.q : "") + "\">";
    out += "<button type=\"submit\">" + esc(msg(c, Msg::search_button)) + "</button></div>\n";
    if (keep) {
        for (const std::string& v : r.country) out += hidden("country", v);
        for (const std::string& v : r.about) out += hidden("about", v);
        for (const std::string& v : r.person) out += hidden("person", v);
        for (const std::string& v : r.org) out += hidden("org", v);
        out += hidden("lang", r.lang) + hidden("since", r.since) + hidden("until", r.until);
        if (r.sort_by_date) out += hidden("sort", "date");
    }
    out += hidden("hl", r.hl);
    return out + "</form>\n";
}

std::string language_switch(const PageContext& c) {
    std::string out = "<nav id=\"languages\" aria-label=\"" + esc(msg(c, Msg::interface_language)) + "\"><ul>";
    for (Lang lang : {Lang::en, Lang::ru, Lang::fr}) {
        const std::string code(lang_code(lang));
        const std::string name = esc(language_self_name(lang));
        if (lang == c.ui) {
            out += "<li><span aria-current=\"true\" lang=\"" + code + "\">" + name + "</span></li>";
        } else {
            out += "<li>" + link(with_ui(c.request, lang), name, "lang=\"" + code + "\" hreflang=\"" + code + "\"") +
                   "</li>";
        }
    }
    return out + "</ul></nav>\n";
}

std::string open_page(const PageContext& c, std::string_view title, bool keep_form) {
    const std::string site = msg(c, Msg::site_name);
    std::string out = "<!DOCTYPE html>\n<html lang=\"" + std::string(lang_code(c.ui)) + "\">\n<head>\n";
    out += "<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += "<meta name=\"referrer\" content=\"no-referrer\">\n";
    out += "<title>" + esc(title.empty() ? site : std::string(title) + " — " + site) + "</title>\n";
    out += "<style>";
    out += stylesheet();
    out += "</style>\n</head>\n<body>\n<header class=\"site\">\n";
    WebRequest home;
    home.hl = c.request.hl;
    out += "<p class=\"brand\">" + link(search_href(home), esc(site)) + " <span class=\"tagline\">" +
           esc(msg(c, Msg::tagline)) + "</span></p>\n";
    out += language_switch(c);
    out += search_form(c, keep_form);
    return out + "</header>\n";
}

std::string close_page() { return "</body>\n</html>\n"; }

// --- search page -------------------------------------------------------------------------------

std::string filter_label(const PageContext& c, Filter f, const std::string& value) {
    switch (f) {
        case Filter::country:
        case Filter::about: return looks_like_code(value) ? country_name(value, c.ui) : value;
        case Filter::lang: return language_name(value, c.ui);
        default: return value;
    }
}

Msg filter_kind(Filter f) {
    switch (f) {
        case Filter::country: return Msg::filter_country;
        case Filter::about: return Msg::filter_about;
        case Filter::person: return Msg::filter_person;
        case Filter::org: return Msg::filter_org;
        case Filter::lang: return Msg::filter_lang;
        case Filter::since: return Msg::filter_since;
        case Filter::until: return Msg::filter_until;
    }
    return Msg::filter_country;
}

std::string active_filters(const PageContext& c) {
    const WebRequest& r = c.request;
    std::string items;
    auto item = [&](Filter f, const std::string& value) {
        const std::string kind = msg(c, filter_kind(f));
        const std::string label = filter_label(c, f, value);
        items += "<li><span class=\"filter-kind\">" + esc(kind) + ":</span> <span class=\"filter-value\">" +
                 esc(label) + "</span> " +
                 link(without_filter(r, f, value), "×",
                      "class=\"remove-filter\" aria-label=\"" + esc(msg(c, Msg::remove_filter) + ": " + kind + " " + label) +
                          "\" title=\"" + esc(msg(c, Msg::remove_filter)) + "\"") +
                 "</li>";
    };
    for (const auto& v : r.country) item(Filter::country, v);
    for (const auto& v : r.about) item(Filter::about, v);
    for (const auto& v : r.person) item(Filter::person, v);
    for (const auto& v : r.org) item(Filter::org, v);
    if (!r.lang.empty()) item(Filter::lang, r.lang);
    if (!r.since.empty()) item(Filter::since, r.since);
    if (!r.until.empty()) item(Filter::until, r.until);
    if (items.empty()) return {};
    return "<ul id=\"filters\" aria-label=\"" + esc(msg(c, Msg::filters_heading)) + "\">" + items + "</ul>\n";
}

std::string count_line(const PageContext& c, const SearchResponse& response) {
    const WebRequest& r = c.request;
    const std::string n = std::to_string(response.total);
    std::string text;
    if (response.total == 0) {
        text = r.q.empty() ? esc(msg(c, Msg::no_match_filters)) : fill(esc(msg(c, Msg::no_match)), "q", quoted(c, r.q));
    } else {
        const Msg one = r.q.empty() ? Msg::count_filters_one : Msg::count_one;
        text = fill(fill(esc(tr(c.ui, plural(c.ui, one, response.total))), "n", n), "q", quoted(c, r.q));
        if (!response.results.empty()) {
            const std::string from = std::to_string(response.results.front().rank);
            const std::string to = std::to_string(response.results.back().rank);
            text += "; " + fill(fill(esc(msg(c, Msg::showing)), "from", from), "to", to);
        }
        if (r.sort_by_date) text += " (" + esc(msg(c, Msg::sorted_by_date)) + ")";
        text += '.';
    }
    std::string out = "<p id=\"count\">" + text + "</p>\n";
    if (response.total > 1) {
        const Msg other = r.sort_by_date ? Msg::sort_by_relevance : Msg::sort_by_date;
        out += "<p class=\"sort\">" + link(with_sort(r, !r.sort_by_date), esc(msg(c, other))) + "</p>\n";
    }
    return out;
}

std::string notices(const PageContext& c, const SearchResponse& response) {
    static constexpr std::string_view kUnknownCountry = "unknown country: ";
    std::string out;
    for (const std::string& notice : response.notices) {
        std::string text = notice.rfind(kUnknownCountry, 0) == 0
                               ? fill(esc(msg(c, Msg::unknown_country)), "value",
                                      quoted(c, notice.substr(kUnknownCountry.size())))
                               : esc(notice);
        out += "<p class=\"notice\">" + text + "</p>\n";
    }
    return out;
}

std::string entity_links(const PageContext& c, const SearchResult& r) {
    std::string out;
    auto group = [&](Msg heading, const std::vector<std::string>& values, const char* cls, bool country) {
        if (values.empty()) return;
        out += "<span class=\"entity-group\"><span class=\"entity-kind\">" + esc(msg(c, heading)) + ":</span> ";
        for (std::size_t i = 0; i < values.size() && i < kEntitiesPerResult; ++i) {
            if (i > 0) out += ", ";
            const std::string href = country ? with_filter(c.request, Filter::country, values[i])
                                             : dossier_href(c.request, values[i]);
            const std::string label = country ? country_name(values[i], c.ui) : values[i];
            out += link(href, esc(label), std::string("class=\"") + cls + "\"");
        }
        out += "</span> ";
    };
    group(Msg::people, r.persons, "person", false);
    group(Msg::organisations, r.organisations, "organisation", false);
    group(Msg::countries, r.countries, "country", true);
    if (out.empty()) return {};
    out.pop_back();
    return "<p class=\"entities\">" + out + "</p>\n";
}

// The public page names a local source by its file name only: the folders above it are the
// server's business.
std::string public_source(const std::string& path) {
    if (is_web_url(path)) return path;
    const std::size_t slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string source_text(const PageContext& c, const std::string& path, int article, int page) {
    std::string out = esc(public_source(path));
    if (article > 0) out += " #" + std::to_string(article);
    if (page > 0) out += ", " + fill(esc(msg(c, Msg::pdf_page)), "n", std::to_string(page));
    return out;
}

std::string result_item(const PageContext& c, const SearchResult& r) {
    const std::string anchor = "r" + std::to_string(r.rank);
    std::string out = "<li class=\"result\" id=\"" + anchor + "\">\n";
    const std::string href = is_web_url(r.url) ? r.url : "#" + anchor;
    out += "<h2" + lang_attribute(r.lang) + ">" +
           link(href, esc(r.title), is_web_url(r.url) ? "class=\"title\" rel=\"noopener noreferrer\"" : "class=\"title\"") +
           "</h2>\n";
    out += "<p class=\"meta\"><span class=\"source\">" + source_text(c, r.path, r.article, r.page) + "</span>";
    if (!r.date.empty()) out += " <span class=\"date\">" + esc(r.date) + "</span>";
    if (!r.lang.empty()) out += " <span class=\"lang\">" + esc(language_name(r.lang, c.ui)) + "</span>";
    out += "</p>\n";
    out += "<p class=\"snippet\"" + lang_attribute(r.lang) + ">" + r.snippet.html() + "</p>\n";
    out += entity_links(c, r);
    return out + "</li>\n";
}

std::size_t page_count(const PageContext& c, std::size_t total) {
    const std::size_t size = std::max<std::size_t>(1, c.page_size);
    return std::min(kMaxPage, (total + size - 1) / size);
}

std::string pages_nav(const PageContext& c, const SearchResponse& response) {
    const std::size_t last = page_count(c, response.total);
    const std::size_t page = c.request.page;
    if (last <= 1 && page <= 1) return {};
    std::string out = "<nav id=\"pages\" aria-label=\"" + esc(msg(c, Msg::pages_heading)) + "\"><ul>";
    if (page > 1) {
        out += "<li>" + link(with_page(c.request, std::min(page - 1, std::max<std::size_t>(last, 1))),
                             esc(msg(c, Msg::previous_page)), "rel=\"prev\"") + "</li>";
    }
    const std::size_t from = page > kPageWindow ? page - kPageWindow : 1;
    const std::size_t to = std::min(last, page + kPageWindow);
    for (std::size_t n = from; n <= to; ++n) {
        const std::string number = std::to_string(n);
        const std::string label = esc(fill(msg(c, Msg::page_number), "n", number));
        if (n == page) {
            out += "<li><span aria-current=\"page\" class=\"current\">" + number + "</span></li>";
        } else {
            out += "<li>" + link(with_page(c.request, n), number, "aria-label=\"" + label + "\"") + "</li>";
        }
    }
    if (page < last) out += "<li>" + link(with_page(c.request, page + 1), esc(msg(c, Msg::next_page)), "rel=\"next\"") + "</li>";
    return out + "</ul></nav>\n";
}

std::string facet_section(const PageContext& c, const char* name, Msg heading,
                          const std::vector<FacetValue>& values,
                          const std::function<std::string(const FacetValue&)>& href) {
    if (values.empty()) return {};
    std::string out = "<section class=\"facet\" data-facet=\"" + std::string(name) + "\"><h3>" +
                      esc(msg(c, heading)) + "</h3><ul>";
    for (const FacetValue& v : values) {
        out += "<li>" + link(href(v), esc(v.label) + " <span class=\"facet-count\">" + std::to_string(v.count) + "</span>",
                             "class=\"facet-value\"") + "</li>";
    }
    return out + "</ul></section>\n";
}

std::string facets_nav(const PageContext& c, const Facets& f) {
    const WebRequest& r = c.request;
    std::string sections;
    sections += facet_section(c, "country", Msg::facet_country, f.country,
                              [&](const FacetValue& v) { return with_filter(r, Filter::country, v.value); });
    sections += facet_section(c, "person", Msg::facet_person, f.person,
                              [&](const FacetValue& v) { return with_filter(r, Filter::person, v.value); });
    sections += facet_section(c, "organisation", Msg::facet_organisation, f.organisation,
                              [&](const FacetValue& v) { return with_filter(r, Filter::org, v.value); });
    sections += facet_section(c, "lang", Msg::facet_lang, f.lang,
                              [&](const FacetValue& v) { return with_filter(r, Filter::lang, v.value); });
    sections += facet_section(c, "year", Msg::facet_year, f.year,
                              [&](const FacetValue& v) { return with_year(r, v.value); });
    if (sections.empty()) return {};
    return "<nav id=\"facets\" aria-labelledby=\"facets-heading\"><h2 id=\"facets-heading\">" +
           esc(msg(c, Msg::facets_heading)) + "</h2>\n" + sections + "</nav>\n";
}

std::string results_column(const PageContext& c, const SearchResponse& response) {
    std::string out = notices(c, response) + active_filters(c) + count_line(c, response);
    if (response.suggestion) {
        out += "<p id=\"suggestion\">" + esc(msg(c, Msg::did_you_mean)) + ": " +
               link(with_query(c.request, *response.suggestion), "<strong>" + esc(*response.suggestion) + "</strong>") +
               "?</p>\n";
    }
    if (response.results.empty() && response.total > 0) {
        out += "<p class=\"notice\" id=\"past-last-page\">" + esc(msg(c, Msg::past_last_page)) + " " +
               link(with_page(c.request, 1), esc(msg(c, Msg::first_page))) + "</p>\n";
    }
    if (!response.results.empty()) {
        out += "<ol id=\"results\" start=\"" + std::to_string(response.results.front().rank) + "\">\n";
        for (const SearchResult& r : response.results) out += result_item(c, r);
        out += "</ol>\n";
    }
    return out + pages_nav(c, response);
}

// --- dossier page ------------------------------------------------------------------------------

std::string dossier_related(const PageContext& c, const Dossier& d) {
    WebRequest base;
    base.hl = c.request.hl;
    (d.kind == EntityKind::organisation ? base.org : base.person).push_back(d.name);
    std::string sections;
    sections += facet_section(c, "person", Msg::facet_person, d.related.person,
                              [&](const FacetValue& v) { return dossier_href(c.request, v.value); });
    sections += facet_section(c, "organisation", Msg::facet_organisation, d.related.organisation,
                              [&](const FacetValue& v) { return dossier_href(c.request, v.value); });
    sections += facet_section(c, "country", Msg::facet_country, d.related.country,
                              [&](const FacetValue& v) { return with_filter(base, Filter::country, v.value); });
    if (sections.empty()) return {};
    return "<nav id=\"facets\" aria-labelledby=\"facets-heading\"><h2 id=\"facets-heading\">" +
           esc(msg(c, Msg::related_heading)) + "</h2>\n" + sections + "</nav>\n";
}

std::string dossier_mentions(const PageContext& c, const Dossier& d) {
    std::string out = "<section><h2>" + esc(msg(c, Msg::mentions_heading)) + "</h2>\n<ol id=\"mentions\">\n";
    for (const Dossier::Document& doc : d.documents) {
        out += "<li class=\"mention\"><h3 class=\"title\">" + esc(doc.title) + "</h3>\n<p class=\"meta\">";
        if (!doc.date.empty()) out += "<span class=\"date\">" + esc(doc.date) + "</span> ";
        out += "<span class=\"source\">" + source_text(c, doc.path, doc.article, 0) + "</span></p>\n";
        out += "<p class=\"snippet\">" + doc.snippet.html() + "</p></li>\n";
    }
    return out + "</ol></section>\n";
}

std::string dossier_candidates(const PageContext& c, const Dossier& d) {
    if (d.candidates.empty()) return {};
    std::string out = "<section><h2>" + esc(msg(c, Msg::candidates_heading)) + "</h2>\n<ul id=\"candidates\">";
    for (const FacetValue& v : d.candidates) {
        const Msg kind = v.label == "organisation" ? Msg::organisation_kind : Msg::person_kind;
        out += "<li>" + link(dossier_href(c.request, v.value), esc(v.value)) + " <span class=\"kind\">(" +
               esc(msg(c, kind)) + ", " + std::to_string(v.count) + ")</span></li>";
    }
    return out + "</ul></section>\n";
}

}  // namespace

std::string render_search(const PageContext& c, const SearchResponse* response) {
    std::string out = open_page(c, c.request.q, true);
    out += "<main id=\"main\" class=\"layout\">\n<div class=\"results-column\">\n";
    if (response) out += results_column(c, *response);
    out += "</div>\n";
    if (response && response->facets) out += facets_nav(c, *response->facets);
    return out + "</main>\n" + close_page();
}

std::string render_dossier(const PageContext& c, const Dossier& d) {
    std::string out = open_page(c, d.name, false);
    out += "<main id=\"main\">\n<article id=\"dossier\">\n<h1>" + esc(d.name) + "</h1>\n";
    const Msg kind = d.kind == EntityKind::organisation ? Msg::organisation_kind : Msg::person_kind;
    out += "<p class=\"kind\">" + esc(msg(c, kind)) + " · " +
           fill(esc(tr(c.ui, plural(c.ui, Msg::documents_one, d.total))), "n", std::to_string(d.total)) + "</p>\n";
    WebRequest mentions;
    mentions.hl = c.request.hl;
    (d.kind == EntityKind::organisation ? mentions.org : mentions.person).push_back(d.name);
    out += "<p class=\"search-mentions\">" +
           link(search_href(mentions), fill(esc(msg(c, Msg::search_mentions)), "name", esc(d.name))) + "</p>\n";
    if (!d.aliases.empty()) {
        out += "<section><h2>" + esc(msg(c, Msg::also_written)) + "</h2>\n<ul id=\"aliases\">";
        for (const std::string& alias : d.aliases) out += "<li>" + esc(alias) + "</li>";
        out += "</ul></section>\n";
    }
    out += dossier_mentions(c, d) + dossier_related(c, d) + dossier_candidates(c, d);
    return out + "</article>\n</main>\n" + close_page();
}

std::string render_message(const PageContext& c, std::string_view message_html) {
    std::string out = open_page(c, {}, false);
    WebRequest home;
    home.hl = c.request.hl;
    out += "<main id=\"main\">\n<p class=\"error\">";
    out += message_html;
    out += "</p>\n<p>" + link(search_href(home), esc(msg(c, Msg::back_to_search))) + "</p>\n</main>\n";
    return out + close_page();
}

}  // namespace agora::web
