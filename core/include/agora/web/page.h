/** @file
 *  @brief The HTML pages: search form and results, dossier, error. Every text that comes from a
 *         request or from the index is escaped for where it goes: element text and quoted attributes
 *         with html_escape(), URL query components with url_encode() (then the whole link with
 *         html_escape()); snippets arrive already escaped by Snippet::html().
 */
#pragma once

#include "agora/search/searcher.h"
#include "agora/web/request.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace agora::web {

/// What every page needs to know: the interface language, the request (for the form and links) and
/// the page size (for paging).
struct PageContext {
    Lang ui = Lang::en;
    WebRequest request;
    std::size_t page_size = 10;
};

/// The search page: the form alone when @p response is null (nothing asked yet), else the count,
/// "did you mean", active filters, results, paging and facets.
std::string render_search(const PageContext& context, const SearchResponse* response);

/// The dossier page of a found person or organisation.
std::string render_dossier(const PageContext& context, const Dossier& dossier);

/// A page with the form and one message; @p message_html is already escaped. An error message
/// is shown as `<p class="error">`.
std::string render_message(const PageContext& context, std::string_view message_html);

}  // namespace agora::web
