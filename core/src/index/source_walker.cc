/** @file
 *  @brief Folder walking for the indexer.
 */
#include "agora/index/source_walker.h"

#include "agora/ingest/source_reader.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <system_error>

namespace fs = std::filesystem;

namespace agora {
namespace {

bool is_hidden(const fs::path& p) {
    const std::string name = p.filename().string();
    return name.size() > 1 && name.front() == '.' && name != "..";
}

void reject(std::vector<Diagnostic>& diagnostics, const std::string& file, std::string message) {
    diagnostics.push_back({Severity::rejection, file, 0, std::move(message)});
}

}  // namespace

std::vector<SourceFile> walk_sources(const std::vector<std::string>& inputs,
                                     std::vector<Diagnostic>& diagnostics) {
    std::vector<SourceFile> files;
    std::set<std::string> seen;
    const auto add = [&](const fs::path& path, const std::string& display) {
        std::error_code ec;
        fs::path canonical = fs::weakly_canonical(fs::absolute(path, ec), ec);
        if (ec) canonical = fs::absolute(path);
        if (seen.insert(canonical.string()).second) files.push_back({display, canonical.string()});
    };

    for (const std::string& input : inputs) {
        std::error_code ec;
        const fs::file_status status = fs::status(input, ec);
        if (ec || !fs::exists(status)) {
            reject(diagnostics, input, "no such file or directory");
            continue;
        }
        if (fs::is_regular_file(status)) {
            if (is_supported_source(input)) {
                add(input, input);
            } else {
                reject(diagnostics, input, "unsupported format (expected .txt .md .html .htm .jsonl)");
            }
            continue;
        }
        if (!fs::is_directory(status)) {
            reject(diagnostics, input, "not a regular file or folder");
            continue;
        }
        fs::recursive_directory_iterator it(input, fs::directory_options::skip_permission_denied, ec);
        for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
            const fs::path& p = it->path();
            if (is_hidden(p)) {
                if (it->is_directory(ec)) it.disable_recursion_pending();
                continue;
            }
            if (it->is_regular_file(ec) && is_supported_source(p)) add(p, p.string());
        }
        if (ec) reject(diagnostics, input, "cannot walk folder: " + ec.message());
    }
    std::sort(files.begin(), files.end(),
              [](const SourceFile& a, const SourceFile& b) { return a.display < b.display; });
    return files;
}

}  // namespace agora
