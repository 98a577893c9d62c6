/** @file
 *  @brief PDF files: the text layer of every page in reading order, title and creation date
 * (poppler).
 */
#pragma once

#include <string>
#include <string_view>

#include "agora/ingest/article.h"

namespace agora {

/// Reads the PDF file @p bytes and delivers one paged Article: the pages' text separated by form
/// feeds, paragraphs by blank lines, lines of a paragraph joined (words split by a hyphen at a line
/// end joined back when both parts are lowercase). The title comes from the Info dictionary, else
/// from a short first paragraph of the first page; the date from the creation date. A file that is
/// not a readable PDF, is encrypted with a user password or has no text layer (a scan) is rejected
/// in @p report, naming @p file; nothing is printed and nothing throws but the sink's own errors.
void read_pdf(std::string_view bytes, const std::string& file, const ArticleSink& sink,
              SourceReport& report);

}  // namespace agora
