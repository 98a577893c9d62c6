/** @file
 *  @brief The web page's words in English, Russian and French, and the choice of the interface
 *         language from `hl` or the browser's Accept-Language header.
 */
#pragma once

#include "agora/analysis/language.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace agora::web {

/// Every sentence and label of the page. Placeholders in braces (`{n}`, `{q}`…) are filled by fill().
enum class Msg {
    site_name,
    tagline,
    search_label,
    search_button,
    count_one,    ///< `{n}` result, `{q}` query (plural forms: one, few, many)
    count_few,
    count_many,
    count_filters_one,  ///< as count_*, without a query (filters only)
    count_filters_few,
    count_filters_many,
    showing,      ///< `{from}`–`{to}`
    no_match,     ///< `{q}`
    no_match_filters,
    past_last_page,
    first_page,
    did_you_mean,
    filters_heading,
    remove_filter,
    filter_country,
    filter_about,
    filter_person,
    filter_org,
    filter_lang,
    filter_since,
    filter_until,
    facets_heading,
    facet_country,
    facet_person,
    facet_organisation,
    facet_lang,
    facet_year,
    pages_heading,
    previous_page,
    next_page,
    page_number,  ///< `{n}`
    pdf_page,     ///< `{n}`
    people,
    organisations,
    countries,
    sort_by_date,
    sort_by_relevance,
    sorted_by_date,
    person_kind,
    organisation_kind,
    documents_one,  ///< `{n}` documents (dossier)
    documents_few,
    documents_many,
    also_written,
    mentions_heading,
    related_heading,
    candidates_heading,
    search_mentions,  ///< `{name}`
    unknown_country,  ///< `{value}`
    interface_language,
    withheld,
    bad_parameter,       ///< `{name}`, `{reason}`
    reason_encoding,
    reason_utf8,
    reason_control,
    reason_too_long,     ///< `{n}`
    too_many_parameters, ///< `{n}`
    reason_page,         ///< `{n}`
    reason_date,
    reason_sort,
    reason_format,
    reason_language,
    entity_not_found,  ///< `{name}`
    index_unavailable,
    internal_error,
    method_not_allowed,
    back_to_search,
    count_  ///< number of messages (not a message)
};

/// The text of @p msg in @p ui (English for Lang::unknown).
std::string_view tr(Lang ui, Msg msg);

/// The one/few/many form of a counted message for @p n (Russian has three forms, French counts 0 and
/// 1 as singular): @p one is the first of three consecutive Msg values.
Msg plural(Lang ui, Msg one, std::size_t n);

/// @p text with each `{key}` replaced by @p value (already escaped for its context by the caller).
std::string fill(std::string_view text, std::string_view key, std::string_view value);

/// The interface language for an Accept-Language header value: the supported language (en, ru, fr)
/// with the highest quality, the first listed on a tie; English when none is acceptable.
Lang negotiate_language(std::string_view accept_language);

/// A language's own name ("English", "Русский", "Français").
std::string_view language_self_name(Lang lang);

/// A document language's name (en, ru, fr codes) in @p ui; the code itself when unknown.
std::string language_name(std::string_view code, Lang ui);

/// A country's name in @p ui from its ISO code (ICU's territory names); the code when unknown.
std::string country_name(std::string_view code, Lang ui);

}  // namespace agora::web
