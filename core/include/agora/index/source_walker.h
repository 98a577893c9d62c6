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

/// Which files of a folder to take.
struct WalkOptions {
    /// Glob patterns (fnmatch): with a '/', matched against the path under the folder given, else
    /// against the name. When not empty, a file must match one of `include`; a file or folder
    /// matching one of `exclude` is skipped.
    std::vector<std::string> include;
    std::vector<std::string> exclude;
};

/// Expands files and folders into sorted source files: folders recursively, through symbolic links,
/// hidden entries skipped, only supported formats taken. Paths that do not exist, a named file of an
/// unsupported format, unreadable folders, broken links and symbolic-link loops become rejections in
/// @p diagnostics; none stops the walk.
std::vector<SourceFile> walk_sources(const std::vector<std::string>& inputs,
                                     std::vector<Diagnostic>& diagnostics, const WalkOptions& options = {});

}  // namespace agora
