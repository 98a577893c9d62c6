/** @file
 *  @brief Where the index is: `--db`, else `$AGORA_DB`, else the documented default.
 */
#pragma once

#include <string>

namespace agora {

/// The environment variable that names the index when `--db` is not given.
inline constexpr const char* kDbEnvironmentVariable = "AGORA_DB";

/// @p option when not empty; else $AGORA_DB when set and not empty; else the default
/// `$XDG_DATA_HOME/agora/index` (`~/.local/share/agora/index` when XDG_DATA_HOME is unset).
std::string resolve_db_path(const std::string& option);

/// The default index path described above.
std::string default_db_path();

}  // namespace agora
