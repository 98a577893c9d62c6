/** @file
 *  @brief Folder walking for the indexer: recursion through folders and symbolic links (with loop
 *         detection), hidden entries skipped, include/exclude patterns, every problem reported.
 */
#include "agora/index/source_walker.h"

#include "agora/ingest/source_reader.h"
#include "agora/limits.h"

#include <fnmatch.h>

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

// A pattern with a '/' is matched against the path under the folder given; one without, against the
// entry's name (as .gitignore and rsync do). `*` does not cross '/'.
bool matches(const std::string& pattern, const std::string& relative, const std::string& name) {
    const bool on_path = pattern.find('/') != std::string::npos;
    return fnmatch(pattern.c_str(), (on_path ? relative : name).c_str(), on_path ? FNM_PATHNAME : 0) == 0;
}

bool matches_any(const std::vector<std::string>& patterns, const std::string& relative, const std::string& name) {
    return std::any_of(patterns.begin(), patterns.end(),
                       [&](const std::string& p) { return matches(p, relative, name); });
}

class Walker {
public:
    Walker(const WalkOptions& options, std::vector<Diagnostic>& diagnostics)
        : options_(options), diagnostics_(diagnostics) {}

    void add(const fs::path& path, const std::string& display) {
        std::error_code ec;
        fs::path canonical = fs::weakly_canonical(fs::absolute(path, ec), ec);
        if (ec) canonical = fs::absolute(path);
        if (seen_.insert(canonical.string()).second) files_.push_back({display, canonical.string()});
    }

    // Walks @p dir (shown as @p display), whose path under the given folder is @p relative.
    void walk(const fs::path& dir, const std::string& relative, std::size_t depth) {
        std::error_code ec;
        const fs::path canonical = fs::canonical(dir, ec);
        if (ec) {
            reject(diagnostics_, dir.string(), "cannot read folder: " + ec.message());
            return;
        }
        if (std::find(ancestors_.begin(), ancestors_.end(), canonical) != ancestors_.end()) {
            reject(diagnostics_, dir.string(),
                   "symbolic link loop (leads back to " + canonical.string() + "); not followed");
            return;
        }
        if (!walked_.insert(canonical.string()).second) return;  // reached before through another link
        if (depth > limits::kMaxFolderDepth) {
            reject(diagnostics_, dir.string(),
                   "folders nested deeper than " + std::to_string(limits::kMaxFolderDepth) + " levels; not read");
            return;
        }
        fs::directory_iterator it(dir, ec);
        if (ec) {
            reject(diagnostics_, dir.string(), "cannot read folder: " + ec.message());
            return;
        }
        ancestors_.push_back(canonical);
        std::vector<fs::directory_entry> entries;
        for (; !ec && it != fs::directory_iterator(); it.increment(ec)) entries.push_back(*it);
        if (ec) reject(diagnostics_, dir.string(), "cannot read folder: " + ec.message());
        for (const fs::directory_entry& entry : entries) visit(entry.path(), relative, depth);
        ancestors_.pop_back();
    }

    std::vector<SourceFile> take() {
        std::sort(files_.begin(), files_.end(),
                  [](const SourceFile& a, const SourceFile& b) { return a.display < b.display; });
        return std::move(files_);
    }

private:
    void visit(const fs::path& path, const std::string& parent_relative, std::size_t depth) {
        if (is_hidden(path)) return;
        const std::string name = path.filename().string();
        const std::string relative = parent_relative.empty() ? name : parent_relative + "/" + name;
        if (matches_any(options_.exclude, relative, name)) return;
        std::error_code ec;
        const fs::file_status link = fs::symlink_status(path, ec);
        const fs::file_status target = fs::status(path, ec);
        if (ec || !fs::exists(target)) {
            if (fs::is_symlink(link)) reject(diagnostics_, path.string(), "broken symbolic link");
            else reject(diagnostics_, path.string(), "cannot read: " + ec.message());
            return;
        }
        if (fs::is_directory(target)) {
            walk(path, relative, depth + 1);
            return;
        }
        if (!fs::is_regular_file(target) || !is_supported_source(path)) return;
        if (!options_.include.empty() && !matches_any(options_.include, relative, name)) return;
        add(path, path.string());
    }

    const WalkOptions& options_;
    std::vector<Diagnostic>& diagnostics_;
    std::vector<SourceFile> files_;
    std::set<std::string> seen_;        // canonical paths of files taken
    std::set<std::string> walked_;      // canonical paths of folders walked
    std::vector<fs::path> ancestors_;   // canonical folders on the way down
};

}  // namespace

std::vector<SourceFile> walk_sources(const std::vector<std::string>& inputs,
                                     std::vector<Diagnostic>& diagnostics, const WalkOptions& options) {
    Walker walker(options, diagnostics);
    for (const std::string& input : inputs) {
        std::error_code ec;
        const fs::file_status status = fs::status(input, ec);
        if (ec || !fs::exists(status)) {
            reject(diagnostics, input, "no such file or directory");
            continue;
        }
        if (fs::is_regular_file(status)) {
            if (is_supported_source(input)) {
                walker.add(input, input);
            } else {
                reject(diagnostics, input, "unsupported format (expected .txt .md .html .htm .jsonl .pdf)");
            }
            continue;
        }
        if (!fs::is_directory(status)) {
            reject(diagnostics, input, "not a regular file or folder");
            continue;
        }
        walker.walk(input, "", 0);
    }
    return walker.take();
}

}  // namespace agora
