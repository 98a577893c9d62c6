/** @file
 *  @brief Reads one input file of any supported format and delivers its articles.
 */
#pragma once

#include "agora/ingest/article.h"

#include <filesystem>
#include <string>

namespace agora {

/// True when the file's extension names a format Agora reads (.txt .md .markdown .html .htm .jsonl
/// .pdf).
bool is_supported_source(const std::filesystem::path& file);

/// Reads @p file (format by extension), decodes it to UTF-8 and passes each article to @p sink.
/// Bad content never throws: it becomes a warning (kept, maybe truncated) or a rejection in the report,
/// each naming @p display_name and the line where known.
SourceReport read_source(const std::filesystem::path& file, const std::string& display_name,
                         const ArticleSink& sink);

}  // namespace agora
