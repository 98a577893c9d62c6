/** @file
 *  @brief Named limits that bound memory and time on hostile or oversized input.
 */
#pragma once

#include <cstddef>

namespace agora::limits {

/// Bytes read from one text or HTML file; the rest is dropped with a warning naming the file.
inline constexpr std::size_t kMaxFileBytes = 32u << 20;
/// Largest PDF read (photographs make reports big; a cut PDF cannot be parsed, so a larger one is
/// refused with a message rather than truncated).
inline constexpr std::size_t kMaxPdfBytes = 128u << 20;
/// Bytes of one JSONL line; a longer line is rejected with a warning naming file and line.
inline constexpr std::size_t kMaxJsonlLineBytes = 8u << 20;
/// Bytes of body text kept for one document (article); longer text is truncated with a warning.
inline constexpr std::size_t kMaxDocumentBytes = 4u << 20;
/// Bytes of a title; longer titles are cut at a character boundary.
inline constexpr std::size_t kMaxTitleBytes = 512;
/// Longest term indexed, in bytes (Xapian's own limit is 245 bytes including the prefix).
inline constexpr std::size_t kMaxTermBytes = 64;
/// Longest query accepted, in bytes, and most words in one query.
inline constexpr std::size_t kMaxQueryBytes = 4096;
inline constexpr std::size_t kMaxQueryTerms = 64;
/// Deepest nesting of parentheses in a query.
inline constexpr std::size_t kMaxQueryDepth = 16;
/// Most results a single page may ask for.
inline constexpr std::size_t kMaxPageSize = 1000;
/// Deepest folder nesting walked below a folder given to the indexer.
inline constexpr std::size_t kMaxFolderDepth = 64;
/// Distinct entities of one kind kept for a document (the most mentioned ones); a page listing
/// thousands of names stays a bounded document.
inline constexpr std::size_t kMaxEntitiesPerKind = 256;

}  // namespace agora::limits
