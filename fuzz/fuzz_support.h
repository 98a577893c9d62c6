/** @file
 *  @brief Checks shared by the fuzz targets: a failed invariant traps, so that libFuzzer (and the
 *         replay runner under ctest) reports the input that broke it.
 */
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "agora/ingest/article.h"
#include "agora/limits.h"
#include "agora/util/utf8.h"

namespace agora::fuzz {

/// Traps on a broken invariant. A trap rather than an assert: it fires in every build type, needs
/// no message, and libFuzzer turns it into a crash artifact holding the input.
inline void require(bool condition) {
    if (!condition) __builtin_trap();
}

/// The fuzzer's bytes as a string_view.
inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

/// What every reader promises about the articles it delivers: valid UTF-8 (the analyser's and
/// Xapian's contract) and the sizes of agora::limits (the index's memory bound).
inline void check_article(const Article& article) {
    require(is_valid_utf8(article.text));
    require(is_valid_utf8(article.title));
    require(article.text.size() <= limits::kMaxDocumentBytes);
    require(article.title.size() <= limits::kMaxTitleBytes);
    // Metadata is copied out of the decoded text, so it must be as valid as the text it came from.
    require(is_valid_utf8(article.lang));
    require(is_valid_utf8(article.date));
    require(is_valid_utf8(article.url));
    require(is_valid_utf8(article.record_id));
}

/// What every reader promises about its report: a charset name (when set) is printable text, and
/// every diagnostic names the file it is about.
inline void check_report(const SourceReport& report, std::string_view file) {
    require(is_valid_utf8(report.charset));
    for (const Diagnostic& diagnostic : report.diagnostics) {
        require(diagnostic.file == file);
        require(!diagnostic.message.empty());
    }
}

}  // namespace agora::fuzz
