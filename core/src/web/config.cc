/** @file
 *  @brief agora.conf and the environment.
 */
#include "agora/web/config.h"

#include "agora/util/db_path.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace agora::web {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

std::string resolved(std::string_view path, const std::string& base_dir) {
    const std::filesystem::path p{std::string(path)};
    if (p.is_absolute() || base_dir.empty()) return p.string();
    return (std::filesystem::path(base_dir) / p).string();
}

bool parse_size(std::string_view text, std::size_t& out) {
    if (text.empty() || text.size() > 6) return false;
    std::size_t n = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return false;
        n = n * 10 + static_cast<std::size_t>(c - '0');
    }
    if (n < 1 || n > kMaxConfigPageSize) return false;
    out = n;
    return true;
}

std::string env(const char* name) {
    const char* value = std::getenv(name);
    return value ? value : "";
}

}  // namespace

SiteConfig parse_config(std::string_view text, const std::string& base_dir) {
    SiteConfig config;
    std::size_t number = 0;
    while (!text.empty()) {
        const std::size_t nl = text.find('\n');
        const std::string_view line = trim(text.substr(0, nl));
        text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
        ++number;
        if (line.empty() || line.front() == '#') continue;
        const std::size_t eq = line.find('=');
        const std::string_view key = eq == std::string_view::npos ? line : trim(line.substr(0, eq));
        const std::string_view value = eq == std::string_view::npos ? std::string_view{} : trim(line.substr(eq + 1));
        if (key == "db" && !value.empty()) {
            config.db = resolved(value, base_dir);
        } else if (key == "protected" && !value.empty()) {
            config.protected_file = resolved(value, base_dir);
        } else if (key == "page_size" && parse_size(value, config.page_size)) {
            continue;
        } else if (key == "allow_partial" && (value == "yes" || value == "no")) {
            config.allow_partial = value == "yes";
        } else {
            config.warnings.push_back("agora.conf line " + std::to_string(number) + " not understood");
        }
    }
    return config;
}

SiteConfig load_config(const std::string& program_path) {
    SiteConfig config;
    std::error_code ec;
    const std::filesystem::path dir = std::filesystem::path(program_path).parent_path();
    const std::filesystem::path file = dir / "agora.conf";
    if (!program_path.empty() && std::filesystem::is_regular_file(file, ec)) {
        std::ifstream in(file);
        std::ostringstream text;
        text << in.rdbuf();
        config = parse_config(text.str(), dir.string());
    }
    if (const std::string db = env(kDbEnvironmentVariable); !db.empty()) config.db = db;
    if (const std::string p = env(kProtectedEnvironmentVariable); !p.empty()) config.protected_file = p;
    if (config.db.empty()) config.db = default_db_path();
    return config;
}

}  // namespace agora::web
