/** @file
 *  @brief Entities as the index knows them: filters from names typed in any spelling, display names
 *         and aliases from the form terms, country codes from names.
 *
 *  Everything is read from terms (no side tables), so it works unchanged on a stub of shards, local
 *  or remote, and follows deletions by itself.
 */
#pragma once

#include "agora/analysis/analyzer.h"
#include "agora/entities/entity.h"
#include "agora/entities/extractor.h"

#include <xapian.h>

#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace agora {

/// One entity as found in the index: its kind, key and number of documents.
struct EntityRef {
    EntityKind kind = EntityKind::person;
    std::string key;
    Xapian::doccount documents = 0;
};

/// Reads entities from an index. Holds an EntityExtractor (for keys) over the caller's Analyzer: one
/// per thread. Call clear_cache() when the database was reopened.
class EntityLookup {
public:
    EntityLookup(Analyzer& analyzer, Xapian::Database& db);

    /// Every entity of @p kind that @p name may mean, most documents first: a full name gives itself;
    /// a lone surname gives every full name ending with it and the surname itself; an acronym gives
    /// the organisations defining it. Only entities with documents are returned.
    std::vector<EntityRef> resolve(EntityKind kind, std::string_view name);

    /// Boolean filter for a person or organisation named @p name (every entity it may mean), or for a
    /// country (code or name). An unknown name gives a query matching nothing.
    Xapian::Query filter(EntityKind kind, std::string_view name, bool about = false);

    /// ISO code for a country code or name in any of the three languages; empty when unknown.
    std::string country_code(std::string_view name);

    /// Display name: for persons and organisations the full form most documents use, in @p ui's script
    /// when there is one (for Cyrillic, the shortest of the well-used forms: the nominative, mostly);
    /// for countries the ICU name in @p ui.
    std::string display(EntityKind kind, const std::string& key, Lang ui = Lang::en);

    /// Every form an entity is written in, with the number of documents using it, most used first.
    std::vector<std::pair<std::string, Xapian::doccount>> aliases(EntityKind kind, const std::string& key);

    /// "XN" term for a query word when some person's name has that word (another script or spelling
    /// meets it); empty otherwise.
    std::string name_word_term(std::string_view word);

    /// Name key of one word (what name_word_term matched), for highlighting.
    std::string word_key(std::string_view word);

    void clear_cache() {
        display_cache_.clear();
        names_recorded_ = -1;
    }

    EntityExtractor& extractor() { return extractor_; }

private:
    Analyzer& analyzer_;
    int names_recorded_ = -1;  ///< whether the catalog lists name words (-1: not asked yet)
    Xapian::Database& db_;
    EntityExtractor extractor_;
    std::map<std::tuple<int, std::string, int>, std::string> display_cache_;
};


}  // namespace agora
