/** @file
 *  @brief HTML pages: visible text, title, language, one article per `<article>` element (libxml2).
 */
#pragma once

#include "agora/ingest/article.h"

#include <string>
#include <string_view>

namespace agora {

/// Parses possibly broken HTML @p bytes (any charset) and delivers its visible text as articles.
void read_html(std::string_view bytes, const std::string& file, const ArticleSink& sink,
               SourceReport& report);

}  // namespace agora
