/** @file
 *  @brief The terms and value slots of entities, built in one place for the indexer, the collection
 *         pass that joins surnames, and every lookup on the search side (see schema.h).
 */
#pragma once

#include "agora/entities/entity.h"

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>

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

/// Value slot of a kind's facet values.
Xapian::valueno facet_slot(EntityKind kind);

/// A document's facet value for @p keys: sorted, without repeats, joined by schema::kFacetSeparator.
std::string pack_facet(std::vector<std::string> keys);

/// The keys of a facet value, as views into @p value.
std::vector<std::string_view> unpack_facet(std::string_view value);

}  // namespace agora::entity_terms
