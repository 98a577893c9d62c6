/** @file
 *  @brief Protected persons: names the public page never shows, in any script or spelling.
 *
 *  Each protected name gives word keys (NameKeyer): its last word is the anchor (the surname), the
 *  others are its companions. In a text, every word whose key is an anchor is withheld together with
 *  the adjacent words whose keys belong to a protected name ("Yevgeniy Zhovtis", "Жовтиса",
 *  "Jovtis E."). A request is protected when any of its words has an anchor's key.
 */
#pragma once

#include "agora/analysis/tokenizer.h"
#include "agora/entities/name_key.h"
#include "agora/search/searcher.h"
#include "agora/search/snippet.h"

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace agora::web {

/// The protected list and the masking it implies. Not thread-safe (ICU state): one per thread.
class ProtectedNames {
public:
    ProtectedNames();
    ~ProtectedNames();
    ProtectedNames(const ProtectedNames&) = delete;
    ProtectedNames& operator=(const ProtectedNames&) = delete;

    /// Adds one name (any script or spelling); a line with no letters is ignored.
    void add(std::string_view name);
    /// Adds every line of a file (blank lines and lines starting with `#` are skipped); throws
    /// std::runtime_error when it cannot be read.
    void load(const std::string& path);
    bool empty() const { return anchors_.empty(); }

    /// True when some word of @p text (UTF-8) has a protected anchor's key: a query, a filter value,
    /// a name or a suggestion that must not be answered or shown.
    bool names_protected(std::string_view text);

    /// @p text with every protected name replaced by @p mark.
    std::string mask(std::string_view text, std::string_view mark);
    /// @p snippet with every protected name replaced by @p mark (a name may span highlighted and
    /// plain parts; the mark itself is never highlighted).
    Snippet mask(const Snippet& snippet, std::string_view mark);

private:
    using Range = std::pair<std::size_t, std::size_t>;
    /// Byte ranges of @p text to withhold, in order, not overlapping.
    std::vector<Range> ranges(std::string_view text);
    const std::string& key_of(std::string_view word);

    NameKeyer keyer_;
    Tokenizer tokenizer_;
    std::set<std::string> anchors_;
    std::set<std::string> companions_;
    std::map<std::string, std::string, std::less<>> key_cache_;
};

/// Withholds protected names everywhere in @p response: titles, paths, ids and snippets are masked
/// with @p mark; persons and organisations naming one are dropped from results and facets; a
/// suggestion naming one is dropped; a URL naming one is dropped.
void withhold(SearchResponse& response, ProtectedNames& names, std::string_view mark);

/// The same for a dossier: its documents, aliases, related entities and candidates.
void withhold(Dossier& dossier, ProtectedNames& names, std::string_view mark);

}  // namespace agora::web
