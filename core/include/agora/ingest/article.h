/** @file
 *  @brief What an input reader produces: articles with their metadata, and diagnostics about the source.
 */
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace agora {

/// One searchable unit: a whole file, one article of a multi-article page, or one JSONL record.
struct Article {
    std::string title;      ///< UTF-8, may be empty
    std::string text;       ///< UTF-8 body; paragraphs separated by a blank line ("\n\n")
    std::string lang;       ///< "en", "ru", "fr" from metadata, or empty when unknown
    std::string date;       ///< "YYYY-MM-DD" (or "YYYY-MM", "YYYY") from metadata, or empty
    std::string url;        ///< URL given by metadata, or empty
    std::string record_id;  ///< JSONL `id`; empty for other formats
    int number = 0;         ///< 1-based position within a source holding several articles; 0 when single
    /// The text is made of pages (PDF) separated by a form feed ('\f'): page n starts after the
    /// (n-1)th form feed, so a byte offset tells the page of a match.
    bool paged = false;
};

/// Severity of a diagnostic: a warning keeps the source (maybe truncated); a rejection drops it (or a line).
enum class Severity { warning, rejection };

/// One message about bad input, naming the file and (when known) the line.
struct Diagnostic {
    Severity severity = Severity::warning;
    std::string file;
    std::size_t line = 0;  ///< 1-based, 0 when not about one line
    std::string message;

    /// "file:line: message" or "file: message".
    std::string to_string() const;
};

/// Receives each article as soon as it is read, so that a huge source never sits in memory whole.
using ArticleSink = std::function<void(Article&&)>;

/// Collected diagnostics of one source.
struct SourceReport {
    std::vector<Diagnostic> diagnostics;
    std::string charset;       ///< charset the bytes were decoded from ("UTF-8", "windows-1251", ...)
    std::size_t articles = 0;  ///< articles delivered to the sink
    bool rejected = false;     ///< the whole source was refused (binary, empty, unreadable)

    void warn(std::string file, std::size_t line, std::string message);
    void reject(std::string file, std::size_t line, std::string message);
};

// ---- Helpers the readers share (so every format normalises metadata and applies limits alike) ----

/// Primary subtag of a language tag, lower-cased, when Agora analyses it ("fr-FR" -> "fr", "RU" ->
/// "ru"); empty for any other language, so that the analyser detects the language instead.
std::string normalize_language(std::string_view tag);

/// "YYYY-MM-DD", "YYYY-MM" or "YYYY" from an ISO 8601 date or date-time ("2023-03-12T10:00:00Z"),
/// "YYYY/MM/DD", or the European "DD.MM.YYYY"; empty when @p text is not a plausible date.
std::string normalize_date(std::string_view text);

/// When @p article has no date from metadata, the publication date its text and title tell (see
/// find_publication_date), or still empty; a date from metadata is never replaced.
void fill_date(Article& article);

/// Cuts @p article's title to limits::kMaxTitleBytes and its text to limits::kMaxDocumentBytes, both
/// at a UTF-8 character boundary; a cut text is reported as a warning naming @p file and @p line.
void apply_article_limits(Article& article, const std::string& file, std::size_t line,
                          SourceReport& report);

}  // namespace agora
