/** @file
 *  @brief Index location resolution.
 */
#include "agora/util/db_path.h"

#include <cstdlib>
#include <filesystem>

namespace agora {

std::string default_db_path() {
    std::filesystem::path base;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) {
        base = xdg;
    } else if (const char* home = std::getenv("HOME"); home && *home) {
        base = std::filesystem::path(home) / ".local" / "share";
    } else {
        base = ".";
    }
    return (base / "agora" / "index").string();
}

std::string resolve_db_path(const std::string& option) {
    if (!option.empty()) return option;
    if (const char* env = std::getenv(kDbEnvironmentVariable); env && *env) return env;
    return default_db_path();
}

}  // namespace agora
