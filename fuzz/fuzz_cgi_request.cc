/** @file
 *  @brief Fuzz target: any QUERY_STRING is either refused with a named reason or read into a request
 *         whose values are valid UTF-8 within the limits, and whose links read back the same way.
 */
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <variant>

#include "agora/util/utf8.h"
#include "agora/web/request.h"
#include "fuzz_support.h"

namespace {

using agora::fuzz::require;

void check_value(const std::string& value) {
    require(agora::is_valid_utf8(value));
    require(value.size() <= agora::web::kMaxParameterBytes);
    // Tab and line breaks may come from a text field; other control characters never pass.
    for (char c : value) {
        const auto u = static_cast<unsigned char>(c);
        require((u >= 0x20 || c == '\t' || c == '\n' || c == '\r') && u != 0x7f);
    }
}

// A link the page would print must parse back without error: links carry only what was valid.
void check_link(const std::string& href) {
    require(!href.empty() && href.front() == '?');
    const auto params = agora::web::parse_query_string(std::string_view(href).substr(1));
    require(std::holds_alternative<agora::web::Params>(params));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes = agora::fuzz::as_text(data, size);
    const auto parsed = agora::web::parse_query_string(bytes);
    if (std::holds_alternative<agora::web::ParamError>(parsed)) return 0;
    const auto& params = std::get<agora::web::Params>(parsed);
    require(params.size() <= agora::web::kMaxParameters);
    for (const auto& [name, value] : params) {
        check_value(name);
        check_value(value);
    }
    const auto request = agora::web::read_request(params);
    if (std::holds_alternative<agora::web::ParamError>(request)) return 0;
    const auto& r = std::get<agora::web::WebRequest>(request);
    require(r.page >= 1 && r.page <= agora::web::kMaxPage);
    check_value(r.q);
    check_link(agora::web::search_href(r));
    check_link(agora::web::with_page(r, r.page + 1 <= agora::web::kMaxPage ? r.page + 1 : r.page));
    check_link(agora::web::with_filter(r, agora::web::Filter::country, "KZ"));
    for (const std::string& person : r.person) check_link(agora::web::without_filter(r, agora::web::Filter::person, person));
    check_link(agora::web::dossier_href(r, r.q));
    return 0;
}
