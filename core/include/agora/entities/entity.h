/** @file
 *  @brief What entity recognition produces: mentions of countries, persons and organisations.
 */
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace agora {

/// The kinds of named entity Agora facets on.
enum class EntityKind { country, person, organisation };

/// "country", "person", "organisation".
std::string_view kind_name(EntityKind kind);

/// One mention of an entity in a text. Token indexes refer to the token vector given to the
/// recogniser (body tokens of one article, as Analyzer::analyze produced them).
struct Mention {
    EntityKind kind = EntityKind::person;
    std::string surface;          ///< the words as written, joined by one space ("Евгения Жовтиса")
    std::string code;             ///< countries: ISO 3166 code ("KZ"); empty for persons/organisations
    std::uint32_t start = 0;      ///< byte offset of the first word in the text
    std::uint32_t end = 0;        ///< byte offset one past the last word
    std::uint32_t first_token = 0;
    std::uint32_t last_token = 0; ///< inclusive
    /// Organisations: the acronym this mention was written with or defined as ("KIBHR" for
    /// "Kazakhstan International Bureau for Human Rights (KIBHR)"); empty otherwise.
    std::string acronym;
    /// Organisations: the full name this mention shortens when the text also names it in full
    /// ("Klang Valley Nitrile Sdn Bhd" for "Klang Valley Nitrile"); empty otherwise.
    std::string full_name;
};

}  // namespace agora
