/** @file
 *  @brief A web request: its `name=value` parameters (from QUERY_STRING or shell arguments), checked
 *         and read into a WebRequest, and the links that change one part of it.
 */
#pragma once

#include "agora/analysis/language.h"
#include "agora/web/i18n.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace agora::web {

/// Longest parameter value (and name), in bytes after decoding.
inline constexpr std::size_t kMaxParameterBytes = 1024;
/// Most parameters in one request.
inline constexpr std::size_t kMaxParameters = 32;
/// Highest page number.
inline constexpr std::size_t kMaxPage = 1000;
/// Longest QUERY_STRING read; a longer one cannot hold valid parameters anyway.
inline constexpr std::size_t kMaxQueryStringBytes = kMaxParameters * (3 * kMaxParameterBytes + 32);

/// Why a request was refused, for a 400 page: the parameter (its name, possibly as sent) and the reason.
struct ParamError {
    std::string name;       ///< empty for "too many parameters"
    Msg reason = Msg::reason_encoding;
    std::string reason_arg; ///< fills `{n}` of the reason, when it has one
};

/// Decoded parameters in their order.
using Params = std::vector<std::pair<std::string, std::string>>;

/// Splits and percent-decodes a QUERY_STRING (`&` or `;` separated; `+` is a space); empty pairs are
/// skipped. Each name and value must decode, be UTF-8 without control characters and be at most
/// kMaxParameterBytes long, and there may be at most kMaxParameters.
std::variant<Params, ParamError> parse_query_string(std::string_view query_string);

/// Reads shell arguments, each one `name=value` taken literally (no percent-decoding: a shell passes
/// text as it is), with the same checks as parse_query_string. An argument without `=` is a name
/// with an empty value.
std::variant<Params, ParamError> parse_arguments(const std::vector<std::string>& arguments);

/// What the page is asked for. Every value is valid UTF-8 without control characters.
struct WebRequest {
    std::string q;
    std::vector<std::string> country, about, person, org;  ///< filters, in the order given
    std::string lang;   ///< document language: "", "en", "ru" or "fr"
    std::string since;  ///< YYYY[-MM[-DD]] as typed (checked), or empty
    std::string until;
    bool sort_by_date = false;
    std::size_t page = 1;
    std::string hl;     ///< interface language when the request names one ("en", "ru", "fr")
    bool json = false;
    std::string entity;  ///< dossier request

    /// True when a query, a filter or a date bound is given.
    bool has_search() const;
    /// True when a filter or a date bound is given (not counting the query).
    bool has_filters() const;
};

/// Reads @p params into a request: the first of a repeated single-valued parameter wins, empty
/// values count as absent, unknown names are ignored. An error names the first bad parameter.
std::variant<WebRequest, ParamError> read_request(const Params& params);

/// The interface language a request asked for in `hl` (a valid one), if any; used even when another
/// parameter was bad, so that the error page speaks the reader's language.
std::optional<Lang> requested_ui(const Params& params);

/// Filter parameters that links add and remove.
enum class Filter { country, about, person, org, lang, since, until };

/// Name of a filter's parameter ("country", "org"…).
std::string_view filter_param(Filter filter);

/// Links (relative URLs starting with `?`, not yet HTML-escaped) that keep what the page shows and
/// change one thing. Every link but with_page() goes back to page 1; none keeps `format` or `entity`.
std::string search_href(const WebRequest& state);
std::string with_filter(const WebRequest& state, Filter filter, std::string_view value);
std::string without_filter(const WebRequest& state, Filter filter, std::string_view value);
std::string with_year(const WebRequest& state, std::string_view year);
std::string with_page(const WebRequest& state, std::size_t page);
std::string with_query(const WebRequest& state, std::string_view q);
std::string with_sort(const WebRequest& state, bool by_date);
std::string with_ui(const WebRequest& state, Lang ui);
/// The dossier of @p name, keeping the interface language.
std::string dossier_href(const WebRequest& state, std::string_view name);

}  // namespace agora::web
