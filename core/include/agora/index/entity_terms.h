/** @file
 *  @brief The terms and value slots of entities, built in one place for the indexer, the collection
 *         pass that joins surnames, and every lookup on the search side (see schema.h).
 */
#pragma once

#include "agora/entities/entity.h"
#include "agora/schema.h"

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace agora::entity_terms {

/// The boolean term naming an entity in a document: "N" + code, "XP" + key, "XO" + key (cut at a
/// character boundary to fit a Xapian term, the same way everywhere).
std::string key_term(EntityKind kind, std::string_view key);

/// Start of the form terms of an entity (persons and organisations): prefix + key + '\t'; a long
/// key is replaced by its hash here, so that the form after it always fits.
std::string forms_prefix(EntityKind kind, std::string_view key);

/// One form term: forms_prefix + the form as written (cut to fit).
std::string form_term(EntityKind kind, std::string_view key, std::string_view form);

/// Start of the terms that lead from a short name (a surname, an acronym key) to full keys.
std::string short_prefix(EntityKind kind, std::string_view short_key);

/// short_prefix + full key, or nothing when the full key would not fit whole in a term.
std::optional<std::string> short_term(EntityKind kind, std::string_view short_key, std::string_view full_key);

/// The name-word term of one word key ("XN" + key).
std::string name_word_term(std::string_view word_key);

/// The facet field of an entity kind.
schema::FacetField facet_field(EntityKind kind);

/// A facet value's code (see schema::kSlotFacets): @p field in the top byte, below it the 64-bit
/// FNV-1a hash of @p key folded to 56 bits. Never 0.
std::uint64_t facet_code(schema::FacetField field, std::string_view key);

/// The field letter of a code.
inline schema::FacetField code_field(std::uint64_t code) { return static_cast<schema::FacetField>(code >> 56); }

/// A document's facet slot value: @p codes sorted, without repeats, 8 bytes big-endian each.
std::string pack_facet_codes(std::vector<std::uint64_t> codes);

/// Calls @p f with each code of a facet slot value (a trailing partial code is ignored).
template <typename F>
void for_each_facet_code(std::string_view value, F&& f) {
    for (std::size_t i = 0; i + 8 <= value.size(); i += 8) {
        std::uint64_t code = 0;
        for (std::size_t b = 0; b < 8; ++b) code = (code << 8) | static_cast<unsigned char>(value[i + b]);
        f(code);
    }
}

/// The catalog's metadata key that holds a code's key (schema::kMetaFacetNamePrefix + 16 hex digits).
std::string facet_name_key(std::uint64_t code);

}  // namespace agora::entity_terms
