/** @file
 *  @brief Entity terms, following schema.h.
 */
#include "agora/index/entity_terms.h"

#include "agora/schema.h"

#include <algorithm>
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

std::string pack_facet(std::vector<std::string> keys) {
    for (std::string& key : keys) std::erase(key, schema::kFacetSeparator);
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    std::string value;
    for (const std::string& key : keys) {
        if (key.empty()) continue;
        if (!value.empty()) value += schema::kFacetSeparator;
        value += key;
    }
    return value;
}

std::vector<std::string_view> unpack_facet(std::string_view value) {
    std::vector<std::string_view> keys;
    while (!value.empty()) {
        const std::size_t end = value.find(schema::kFacetSeparator);
        keys.emplace_back(value.substr(0, end));
        if (end == std::string_view::npos) break;
        value.remove_prefix(end + 1);
    }
    return keys;
}

Xapian::valueno facet_slot(EntityKind kind) {
    switch (kind) {
        case EntityKind::country: return schema::kSlotCountries;
        case EntityKind::person: return schema::kSlotPersons;
        case EntityKind::organisation: return schema::kSlotOrganisations;
    }
    return schema::kSlotCountries;
}

}  // namespace agora::entity_terms
