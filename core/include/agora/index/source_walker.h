/** @file
 *  @brief Expands the paths given to the indexer into the list of source files to read.
 */
#pragma once

#include "agora/ingest/article.h"

#include <string>
#include <vector>

namespace agora {

/// A file to index: how the user named it, and the canonical path that identifies it across runs.
struct SourceFile {
    std::string display;    ///< as given (a folder argument joined with the path found under it)
    std::string canonical;  ///< absolute, symlinks resolved: the identity of the source
};

/// Expands files and folders (recursively; hidden entries skipped; only supported formats taken from
/// folders) into sorted source files. Paths that do not exist, or a named file of an unsupported
/// format, become rejections in @p diagnostics.
std::vector<SourceFile> walk_sources(const std::vector<std::string>& inputs,
                                     std::vector<Diagnostic>& diagnostics);

}  // namespace agora
