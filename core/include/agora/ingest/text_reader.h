/** @file
 *  @brief Plain text and Markdown pages, including pages that list several articles under `•` headlines.
 */
#pragma once

#include "agora/ingest/article.h"

#include <string>
#include <string_view>

namespace agora {

/// Splits UTF-8 @p text into articles. A page whose articles each open with a `•` headline line (at the
/// shallowest bullet indentation) gives one article per headline; deeper `•` lines are list items inside
/// an article. Otherwise the whole text is one article titled by its first heading or short first line.
void read_text_page(std::string_view text, bool markdown, const std::string& file,
                    const ArticleSink& sink, SourceReport& report);

}  // namespace agora
