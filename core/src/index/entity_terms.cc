/** @file
 *  @brief Entity terms, following schema.h.
 */
#include "agora/index/entity_terms.h"

#include "agora/schema.h"

#include <algorithm>
#include <cstdio>
#include "agora/util/utf8.h"

namespace agora::entity_terms {
namespace {

// Xapian terms hold at most 245 bytes.
constexpr std::size_t kMaxTermBytes = 240;
// Keys longer than this are hashed in front of a form, leaving room for the form itself.
constexpr std::size_t kMaxKeyBeforeForm = 80;

std::string_view key_prefix(EntityKind kind) {
    switch (kind) {
        case EntityKind::country: return schema::kCountry;
        case EntityKind::person: return schema::kPerson;
        case EntityKind::organisation: return schema::kOrganisation;
    }
    return schema::kCountry;
}

std::string cut(std::string term) { return std::string(cut_utf8(term, kMaxTermBytes)); }

}  // namespace

std::string key_term(EntityKind kind, std::string_view key) {
    std::string term(key_prefix(kind));
    term += key;
    return cut(std::move(term));
}

std::string forms_prefix(EntityKind kind, std::string_view key) {
    std::string term(kind == EntityKind::person ? schema::kPersonForm : schema::kOrganisationForm);
    if (key.size() <= kMaxKeyBeforeForm) {
        term += key;
    } else {
        term += '#';
        term += stable_hash_hex(key);
    }
    term += schema::kKeySeparator;
    return term;
}

std::string form_term(EntityKind kind, std::string_view key, std::string_view form) {
    return cut(forms_prefix(kind, key) + std::string(form));
}

std::string short_prefix(EntityKind kind, std::string_view short_key) {
    std::string term(kind == EntityKind::person ? schema::kSurname : schema::kAcronym);
    term += short_key;
    term += schema::kKeySeparator;
    return term;
}

std::optional<std::string> short_term(EntityKind kind, std::string_view short_key, std::string_view full_key) {
    std::string term = short_prefix(kind, short_key);
    term += full_key;
    if (term.size() > kMaxTermBytes) return std::nullopt;
    return term;
}

std::string name_word_term(std::string_view word_key) {
    std::string term(schema::kNameWord);
    term += word_key;
    return cut(std::move(term));
}

schema::FacetField facet_field(EntityKind kind) {
    switch (kind) {
        case EntityKind::country: return schema::FacetField::country;
        case EntityKind::person: return schema::FacetField::person;
        case EntityKind::organisation: return schema::FacetField::organisation;
    }
    return schema::FacetField::country;
}

std::uint64_t facet_code(schema::FacetField field, std::string_view key) {
    const std::uint64_t hash = stable_hash(key);
    constexpr std::uint64_t kLow56 = (std::uint64_t{1} << 56) - 1;
    const std::uint64_t folded = (hash ^ (hash >> 56)) & kLow56;
    return (static_cast<std::uint64_t>(static_cast<unsigned char>(field)) << 56) | folded;
}

std::string pack_facet_codes(std::vector<std::uint64_t> codes) {
    std::sort(codes.begin(), codes.end());
    codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
    std::string value;
    value.reserve(codes.size() * 8);
    for (std::uint64_t code : codes) {
        for (int shift = 56; shift >= 0; shift -= 8) value += static_cast<char>((code >> shift) & 0xff);
    }
    return value;
}

std::string facet_name_key(std::uint64_t code) {
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(code));
    return std::string(schema::kMetaFacetNamePrefix) + hex;
}

}  // namespace agora::entity_terms
