/** @file
 *  @brief Every term prefix and value slot of an Agora index, in one place (see docs in ARCHITECTURE.md).
 *
 *  Prefixes follow Omega's conventions where one exists (Q, S, L, N, D, M, Y, U, P); Agora's own start with X.
 */
#pragma once

#include <xapian.h>

#include <string_view>

namespace agora::schema {

// ---- Term prefixes -------------------------------------------------------------------------------
/// Unique id of a document: "Q" + the document id string (source key + article). Boolean.
inline constexpr std::string_view kUniqueId = "Q";
/// Title words (unstemmed, folded), with positions, for `title:` searches.
inline constexpr std::string_view kTitle = "S";
/// Stemmed title words, Xapian's Z convention under the title prefix: "ZS" + stem.
inline constexpr std::string_view kTitleStem = "ZS";
/// Stemmed body and title words without positions: "Z" + stem (Xapian's convention).
inline constexpr std::string_view kStem = "Z";
/// Language of the document ("Len", "Lru", "Lfr"). Boolean.
inline constexpr std::string_view kLanguage = "L";
/// Country mentioned (ISO 3166 code). Boolean.
inline constexpr std::string_view kCountry = "N";
/// Date as YYYYMMDD, YYYYMM and YYYY. Boolean.
inline constexpr std::string_view kDay = "D";
inline constexpr std::string_view kMonth = "M";
inline constexpr std::string_view kYear = "Y";
/// URL of the document when it has one. Boolean.
inline constexpr std::string_view kUrl = "U";
/// Source key (hash of the canonical source path): every article of one source shares it. Boolean.
inline constexpr std::string_view kSource = "XSRC";
/// Persons and organisations (name keys). Boolean.
inline constexpr std::string_view kPerson = "XP";
inline constexpr std::string_view kOrganisation = "XO";

// ---- Value slots ---------------------------------------------------------------------------------
/// Language code, for facet counts with ValueCountMatchSpy.
inline constexpr Xapian::valueno kSlotLanguage = 0;
/// Date as YYYYMMDD (sortable string), empty when unknown.
inline constexpr Xapian::valueno kSlotDate = 1;

// ---- Metadata keys -------------------------------------------------------------------------------
/// Per-source bookkeeping for incremental indexing: key = prefix + source key, value = JSON.
inline constexpr std::string_view kMetaSourcePrefix = "source:";
/// Schema version, written on first commit and checked on open.
inline constexpr std::string_view kMetaSchemaVersion = "agora:schema";
inline constexpr std::string_view kSchemaVersion = "1";

}  // namespace agora::schema
