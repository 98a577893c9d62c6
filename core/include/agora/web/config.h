/** @file
 *  @brief The web program's settings: `agora.conf` next to the program, overridden by environment
 *         variables. Never from a request.
 */
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace agora::web {

/// Environment variable naming the protected-names file (wins over the config file).
inline constexpr const char* kProtectedEnvironmentVariable = "AGORA_PROTECTED";
/// Results a page shows unless the config says otherwise, and the most it may say.
inline constexpr std::size_t kDefaultPageSize = 10;
inline constexpr std::size_t kMaxConfigPageSize = 100;

/// Settings of one installation.
struct SiteConfig {
    std::string db;              ///< index folder or stub file
    std::string protected_file;  ///< file of protected names; empty: none
    std::size_t page_size = kDefaultPageSize;
    /// `allow_partial = yes`: answer from the shards that respond when one is down (with a notice).
    bool allow_partial = false;
    std::vector<std::string> warnings;  ///< lines of the file that were not understood (for the log)
};

/// Reads config text: `key = value` lines (`db`, `protected`, `page_size`,
/// `allow_partial = yes|no`), `#` comments and blank
/// lines skipped. Relative paths are taken from @p base_dir. A bad line adds a warning and is skipped.
SiteConfig parse_config(std::string_view text, const std::string& base_dir);

/// The settings for a program at @p program_path: `agora.conf` in its folder when there is one, then
/// $AGORA_DB and $AGORA_PROTECTED over it; the index defaults to agora-search's default when neither
/// names one.
SiteConfig load_config(const std::string& program_path);

}  // namespace agora::web
