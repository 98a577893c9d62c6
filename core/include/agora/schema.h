/** @file
 *  @brief Every term prefix and value slot of an Agora index, in one place (see docs in ARCHITECTURE.md).
 *
 *  Prefixes follow Omega's conventions where one exists (Q, S, L, N, D, M, Y, U, P); Agora's own start with X.
 */
#pragma once

#include <xapian.h>

#include <cstddef>
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
/// Country the document is about (ISO 3166 code), as opposed to the ones it mentions. Boolean.
inline constexpr std::string_view kAbout = "XA";
/// Persons and organisations by key (NameKeyer::name_key, EntityExtractor::org_key). Boolean.
/// Keys are lower case, so "XP" + key never reads as one of the longer upper-case prefixes below.
inline constexpr std::string_view kPerson = "XP";
inline constexpr std::string_view kOrganisation = "XO";
/// A form an entity is written in: prefix + key + '\t' + form. Boolean. The number of documents
/// holding a form (its term frequency) chooses the display name; all of them are the aliases.
inline constexpr std::string_view kPersonForm = "XPN";
inline constexpr std::string_view kOrganisationForm = "XON";
/// Surname of a full name: "XPS" + surname key + '\t' + person key, so that a lone surname
/// (`--person Tokayev`) finds the full names it may stand for. Boolean.
inline constexpr std::string_view kSurname = "XPS";
/// Acronym of an organisation: "XOA" + folded acronym + '\t' + organisation key. Boolean.
inline constexpr std::string_view kAcronym = "XOA";
/// A word of a person's name as a name key, weighted by mentions: a query word in another script or
/// spelling meets it (`Жовтис` finds `Zhovtis`).
inline constexpr std::string_view kNameWord = "XN";
/// A term no document ever has: a filter that can match nothing (an unknown person, a bad date) and
/// must stay in the query, where Xapian would drop an empty Query::MatchNothing from an AND.
inline constexpr std::string_view kNeverTerm = "XNEVER";
/// Separates a key from what follows it in the two-part terms above.
inline constexpr char kKeySeparator = '\t';

// ---- Value slots ---------------------------------------------------------------------------------
/// Date as YYYYMMDD (sortable string; a date known to the month or year only takes its first day),
/// empty when unknown.
inline constexpr Xapian::valueno kSlotDate = 1;
/// ISO code of the country the document is about.
inline constexpr Xapian::valueno kSlotAbout = 2;
// Slots 0 (language) and 3 (year) fed facet spies of their own before schema 4.
/// Every facet value of a document in one slot: language, year, countries, persons, organisations.
/// Each value is an 8-byte code (big-endian): a field letter (FacetField) in the top byte and a 56-bit
/// hash of the key below it (entity_terms::facet_code); the slot holds the document's codes sorted,
/// without repeats. The catalog maps each code back to its key (kMetaFacetNamePrefix).
///
/// One match spy reads one value per matching document, and counting fixed-size codes needs no
/// string compares: the p95 of exact facets on 100,000 documents went from 78 to 19 ms against five
/// slots of key strings (see ARCHITECTURE.md). Remote shards run a stock ValueCountMatchSpy on this slot,
/// which counts each distinct list; the searcher splits the lists. A code is at most once in a list,
/// so the sums are exact.
inline constexpr Xapian::valueno kSlotFacets = 16;
/// Field letters of facet codes.
enum class FacetField : char { lang = 'L', year = 'Y', country = 'C', person = 'P', organisation = 'O' };

// ---- Metadata keys -------------------------------------------------------------------------------
/// Per-source bookkeeping for incremental indexing: key = prefix + source key, value = JSON.
inline constexpr std::string_view kMetaSourcePrefix = "source:";
/// Schema version, written on first commit and checked on open.
inline constexpr std::string_view kMetaSchemaVersion = "agora:schema";
inline constexpr std::string_view kSchemaVersion = "4";
/// A facet code's key: "agora:facet:" + the code in 16 hex digits → the key (language code, year,
/// country code, person or organisation key). Written with the sources' bookkeeping, in the catalog.
inline constexpr std::string_view kMetaFacetNamePrefix = "agora:facet:";
/// A word seen once so far, kept out of the spelling table until it is seen again: "agora:once:" +
/// the word → "1" (see Indexer::flush_worker).
inline constexpr std::string_view kMetaSpellingOncePrefix = "agora:once:";
/// Fingerprint of the known-entities list the index was built with (empty: none).
inline constexpr std::string_view kMetaKnownEntities = "agora:known-entities";
/// Every form of a person or organisation with its document count, as JSON `[[form, count], ...]`,
/// under "agora:forms:" + its XPN/XON forms prefix; written after each indexing run, so that a
/// search reads a display name in one local lookup instead of walking terms on every shard.
inline constexpr std::string_view kMetaFormsPrefix = "agora:forms:";
/// Every name-word key of the collection (the "XN" terms), under "agora:name-word:" + key, and
/// "agora:name-words" = "1" once they are recorded: a search asks the catalog, not every shard,
/// whether a query word is part of someone's name.
inline constexpr std::string_view kMetaNameWordPrefix = "agora:name-word:";
inline constexpr std::string_view kMetaNameWordsRecorded = "agora:name-words";
/// Longest name-word key recorded in the catalog (a metadata key is at most about 240 bytes);
/// longer ones are looked up as terms.
inline constexpr std::size_t kMaxRecordedNameWord = 200;

}  // namespace agora::schema
