/** @file
 *  @brief The document data stored with each Xapian document: compact JSON read back by the searcher.
 */
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace agora {

/// What a result needs without touching the source again: identity, metadata and the text for snippets.
struct DocData {
    std::string id;     ///< stable unique id (also the Q term)
    std::string path;   ///< source file (or URL) as given to the indexer
    int article = 0;    ///< 1-based article number within a multi-article source; 0 for a single one
    std::string title;
    std::string lang;   ///< "en", "ru", "fr"
    std::string date;   ///< "YYYY-MM-DD" or empty
    std::string url;
    std::string text;   ///< body text, for snippets
    std::vector<std::string> countries;      ///< ISO codes, most mentioned first
    std::vector<std::string> persons;        ///< person keys, most mentioned first
    std::vector<std::string> organisations;  ///< organisation keys, most mentioned first
    std::string about;  ///< ISO code of the country the document is about, or empty
    bool paged = false; ///< text pages are separated by form feeds (PDF)

    /// Compact JSON.
    std::string to_json() const;
    /// Parses what to_json() wrote; missing fields stay empty (older or foreign documents).
    static DocData from_json(const std::string& data);
};

}  // namespace agora
