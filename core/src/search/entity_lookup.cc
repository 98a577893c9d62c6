/** @file
 *  @brief Entity lookups over the index's terms.
 */
#include "agora/search/entity_lookup.h"

#include "agora/entities/countries.h"
#include "agora/schema.h"

#include <algorithm>

namespace agora {
namespace {

std::string_view form_prefix(EntityKind kind) {
    return kind == EntityKind::person ? schema::kPersonForm : schema::kOrganisationForm;
}

// Terms "prefix + head + '\t' + tail": the tails with their term frequencies.
std::vector<std::pair<std::string, Xapian::doccount>> tails(const Xapian::Database& db, std::string_view prefix,
                                                             const std::string& head) {
    std::string start(prefix);
    start += head;
    start += schema::kKeySeparator;
    std::vector<std::pair<std::string, Xapian::doccount>> out;
    for (auto it = db.allterms_begin(start); it != db.allterms_end(start); ++it) {
        out.emplace_back((*it).substr(start.size()), it.get_termfreq());
    }
    return out;
}

}  // namespace

std::string_view entity_prefix(EntityKind kind) {
    switch (kind) {
        case EntityKind::country: return schema::kCountry;
        case EntityKind::person: return schema::kPerson;
        case EntityKind::organisation: return schema::kOrganisation;
    }
    return {};
}

Xapian::valueno entity_first_slot(EntityKind kind) {
    switch (kind) {
        case EntityKind::country: return schema::kSlotCountries;
        case EntityKind::person: return schema::kSlotPersons;
        case EntityKind::organisation: return schema::kSlotOrganisations;
    }
    return schema::kSlotCountries;
}

EntityLookup::EntityLookup(Analyzer& analyzer, Xapian::Database& db)
    : analyzer_(analyzer), db_(db), extractor_(analyzer) {}

std::string EntityLookup::country_code(std::string_view name) {
    return CountryGazetteer::instance().resolve(name, analyzer_);
}

std::vector<EntityRef> EntityLookup::resolve(EntityKind kind, std::string_view name) {
    std::vector<EntityRef> out;
    auto add = [&](const std::string& key) {
        if (key.empty()) return;
        for (const EntityRef& r : out) {
            if (r.key == key) return;
        }
        const Xapian::doccount n = db_.get_termfreq(std::string(entity_prefix(kind)) + key);
        if (n > 0) out.push_back({kind, key, n});
    };
    if (kind == EntityKind::country) {
        add(country_code(name));
        return out;
    }
    if (kind == EntityKind::person) {
        const std::string key = extractor_.keyer().name_key(name);
        add(key);
        if (!key.empty() && key.find(' ') == std::string::npos) {
            for (const auto& [full, n] : tails(db_, schema::kSurname, key)) add(full);
        }
    } else {
        const std::string key = extractor_.org_key(name);
        add(key);
        if (!key.empty() && key.find(' ') == std::string::npos) {
            for (const auto& [full, n] : tails(db_, schema::kAcronym, key)) add(full);
        }
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const EntityRef& a, const EntityRef& b) { return a.documents > b.documents; });
    return out;
}

Xapian::Query EntityLookup::filter(EntityKind kind, std::string_view name, bool about) {
    std::vector<Xapian::Query> terms;
    if (kind == EntityKind::country) {
        const std::string code = country_code(name);
        if (!code.empty()) terms.emplace_back(std::string(about ? schema::kAbout : schema::kCountry) + code);
    } else {
        for (const EntityRef& r : resolve(kind, name)) terms.emplace_back(std::string(entity_prefix(kind)) + r.key);
    }
    if (terms.empty()) return Xapian::Query::MatchNothing;
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

std::vector<std::pair<std::string, Xapian::doccount>> EntityLookup::aliases(EntityKind kind,
                                                                            const std::string& key) {
    auto forms = tails(db_, form_prefix(kind), key);
    std::stable_sort(forms.begin(), forms.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    return forms;
}

std::string EntityLookup::display(EntityKind kind, const std::string& key, Lang ui) {
    if (kind == EntityKind::country) return CountryGazetteer::instance().label(key, ui);
    const auto cache_key = std::make_pair(static_cast<int>(kind), key);
    if (auto it = display_cache_.find(cache_key); it != display_cache_.end()) return it->second;
    const auto forms = aliases(kind, key);
    std::string best;
    for (const auto& [form, n] : forms) {  // the most used full form; else the most used form
        if (form.find(' ') != std::string::npos) {
            best = form;
            break;
        }
    }
    if (best.empty() && !forms.empty()) best = forms.front().first;
    if (best.empty()) best = key;
    constexpr std::size_t kMaxCachedNames = 1u << 14;
    if (display_cache_.size() >= kMaxCachedNames) display_cache_.clear();
    display_cache_.emplace(cache_key, best);
    return best;
}

std::string EntityLookup::word_key(std::string_view word) { return extractor_.keyer().word_key(word); }

std::string EntityLookup::name_word_term(std::string_view word) {
    const std::string key = word_key(word);
    if (key.empty()) return {};
    std::string term(schema::kNameWord);
    term += key;
    return db_.term_exists(term) ? term : std::string();
}

}  // namespace agora
