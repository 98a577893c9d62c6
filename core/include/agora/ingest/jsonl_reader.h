/** @file
 *  @brief JSON Lines: one record a line (`id`, `title`, `text`, optional `url`, `date`, `lang`).
 */
#pragma once

#include "agora/ingest/article.h"

#include <istream>
#include <string>

namespace agora {

/// Reads records from @p in line by line (memory bounded by the longest line); a malformed line is
/// rejected with a diagnostic naming file and line, and the other lines are still read.
void read_jsonl(std::istream& in, const std::string& file, const ArticleSink& sink,
                SourceReport& report);

}  // namespace agora
