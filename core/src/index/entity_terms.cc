/** @file
 *  @brief Entity terms, following schema.h.
 */
#include "agora/index/entity_terms.h"

#include "agora/schema.h"
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

Xapian::valueno first_slot(EntityKind kind) {
    switch (kind) {
        case EntityKind::country: return schema::kSlotCountries;
        case EntityKind::person: return schema::kSlotPersons;
        case EntityKind::organisation: return schema::kSlotOrganisations;
    }
    return schema::kSlotCountries;
}

}  // namespace agora::entity_terms
