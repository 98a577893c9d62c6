/** @file
 *  @brief Entity lookups over the index's terms.
 */
#include "agora/search/entity_lookup.h"

#include "agora/entities/countries.h"
#include "agora/index/entity_terms.h"
#include "agora/schema.h"
#include "agora/util/utf8.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace agora {
namespace {

bool has_cyrillic(std::string_view text) {
    for (std::size_t i = 0; i + 1 < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == 0xD0 || c == 0xD1 || c == 0xD2 || c == 0xD3) return true;  // U+0400..U+04FF
    }
    return false;
}


// Terms starting with @p start: what follows it, with the term frequencies.
std::vector<std::pair<std::string, Xapian::doccount>> tails(const Xapian::Database& db, const std::string& start) {
    std::vector<std::pair<std::string, Xapian::doccount>> out;
    for (auto it = db.allterms_begin(start); it != db.allterms_end(start); ++it) {
        out.emplace_back((*it).substr(start.size()), it.get_termfreq());
    }
    return out;
}

}  // namespace

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
        const Xapian::doccount n = db_.get_termfreq(entity_terms::key_term(kind, key));
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
            for (const auto& [full, n] : tails(db_, entity_terms::short_prefix(kind, key))) add(full);
        }
    } else {
        const std::string key = extractor_.org_key(name);
        add(key);
        if (!key.empty() && key.find(' ') == std::string::npos) {
            for (const auto& [full, n] : tails(db_, entity_terms::short_prefix(kind, key))) add(full);
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
        for (const EntityRef& r : resolve(kind, name)) terms.emplace_back(entity_terms::key_term(kind, r.key));
    }
    if (terms.empty()) return Xapian::Query(std::string(schema::kNeverTerm));
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

std::vector<std::pair<std::string, Xapian::doccount>> EntityLookup::aliases(EntityKind kind,
                                                                            const std::string& key) {
    const std::string prefix = entity_terms::forms_prefix(kind, key);
    std::vector<std::pair<std::string, Xapian::doccount>> forms;
    // The indexer's summary (one local lookup in the catalog), else the terms themselves (an index
    // written before the summary existed, or a stub that lists no catalog).
    const nlohmann::json recorded =
        nlohmann::json::parse(db_.get_metadata(std::string(schema::kMetaFormsPrefix) + prefix), nullptr, false);
    if (recorded.is_array()) {
        for (const auto& entry : recorded) {
            if (entry.is_array() && entry.size() == 2 && entry[0].is_string() && entry[1].is_number_unsigned()) {
                forms.emplace_back(entry[0].get<std::string>(), entry[1].get<Xapian::doccount>());
            }
        }
    } else {
        forms = tails(db_, prefix);
    }
    std::stable_sort(forms.begin(), forms.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    return forms;
}

// Display name of a person or organisation, from the forms written in the documents: full forms
// (more than one word) in the interface's script when there are any (Latin for en/fr, Cyrillic for
// ru); the one most documents use, except that among Cyrillic forms used in at least a quarter as
// many documents, the shortest wins, which is the nominative more often than not (Евгений Жовтис,
// not Евгения Жовтиса).
std::string EntityLookup::display(EntityKind kind, const std::string& key, Lang ui) {
    if (kind == EntityKind::country) return CountryGazetteer::instance().label(key, ui);
    const auto cache_key = std::make_tuple(static_cast<int>(kind), key, static_cast<int>(ui));
    if (auto it = display_cache_.find(cache_key); it != display_cache_.end()) return it->second;
    const auto forms = aliases(kind, key);
    const auto is_full = [](const std::string& form) { return form.find(' ') != std::string::npos; };
    const auto in_script = [&](const std::string& form) { return has_cyrillic(form) == (ui == Lang::ru); };
    const bool any_full = std::any_of(forms.begin(), forms.end(), [&](const auto& f) { return is_full(f.first); });
    const bool any_script = std::any_of(forms.begin(), forms.end(), [&](const auto& f) {
        return (!any_full || is_full(f.first)) && in_script(f.first);
    });
    std::vector<std::pair<std::string, Xapian::doccount>> candidates;
    for (const auto& f : forms) {
        if (any_full && !is_full(f.first)) continue;
        if (any_script && !in_script(f.first)) continue;
        candidates.push_back(f);
    }
    std::string best = candidates.empty() ? key : candidates.front().first;  // most documents first
    if (!candidates.empty() && has_cyrillic(best)) {
        // Russian names decline: the oblique cases of one name compete with its nominative, which
        // is the shortest of them (Жовтис, Жовтиса, Жовтисом).
        const Xapian::doccount most = candidates.front().second;
        std::size_t best_length = SIZE_MAX;
        for (const auto& [form, n] : candidates) {
            if (4 * n < most) break;
            const std::size_t length = code_point_count(form);
            if (length < best_length) {
                best = form;
                best_length = length;
            }
        }
    }
    constexpr std::size_t kMaxCachedNames = 1u << 14;
    if (display_cache_.size() >= kMaxCachedNames) display_cache_.clear();
    display_cache_.emplace(cache_key, best);
    return best;
}

std::string EntityLookup::word_key(std::string_view word) { return extractor_.keyer().word_key(word); }

std::string EntityLookup::name_word_term(std::string_view word) {
    const std::string key = word_key(word);
    if (key.empty()) return {};
    const std::string term = entity_terms::name_word_term(key);
    // The catalog's list when the indexer wrote one (one local lookup), else the terms of every shard.
    if (names_recorded_ < 0) names_recorded_ = db_.get_metadata(std::string(schema::kMetaNameWordsRecorded)) == "1";
    if (names_recorded_ && key.size() <= schema::kMaxRecordedNameWord) {
        return db_.get_metadata(std::string(schema::kMetaNameWordPrefix) + key).empty() ? std::string() : term;
    }
    return db_.term_exists(term) ? term : std::string();
}

}  // namespace agora
