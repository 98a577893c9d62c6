/** @file
 *  @brief Agora's query syntax → Xapian::Query, with every word analysed by the shared Analyzer.
 *
 *  Syntax: words (all required by default), "phrases", AND / OR / NOT (upper case), -word, +word,
 *  parentheses, word* (prefix wildcard), title:word, title:"phrase", lang:ru, country:KZ,
 *  person:"Yevgeniy Zhovtis", org:KIBHR, about:Kazakhstan, date:2020..2022. Malformed input (stray
 *  quotes, dangling operators, unbalanced parentheses) never fails: it is read in the most literal way.
 */
#pragma once

#include "agora/analysis/analyzer.h"
#include "agora/entities/entity.h"

#include <xapian.h>

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace agora {

/// A word of the query that could be corrected: where it is in the query text and its spelling form.
struct QueryWord {
    std::size_t start = 0;  ///< byte offset in the (possibly cut) query text
    std::size_t end = 0;
    std::string spelling;  ///< case-folded form, what the spelling table holds
};

/// What the snippet maker must highlight: unstemmed terms (phrases, exact words) and stems.
struct HighlightTerms {
    std::set<std::string> terms;
    std::set<std::string> stems;
    std::set<std::string> name_keys;  ///< name keys of query words that met a person's name
    bool empty() const { return terms.empty() && stems.empty() && name_keys.empty(); }
};

/// A query word as `--explain` needs it: every way it can meet the text.
struct ExplainWord {
    std::string word;      ///< as typed
    std::string term;      ///< analysed form
    std::string spelling;  ///< folded form with accents
    std::vector<std::string> stems;
    std::string name_key;  ///< set when the word met a person's name in the index
};

/// An entity filter of the query (`person:`, `--person`...), for `--explain`.
struct EntityFilter {
    EntityKind kind = EntityKind::person;
    std::string value;  ///< as typed
    bool about = false;
};

class EntityLookup;

/// The result of parsing one query.
struct ParsedQuery {
    Xapian::Query query;       ///< empty Query when the text held no searchable word or filter
    std::string text;          ///< the query text used (cut to limits::kMaxQueryBytes)
    std::vector<QueryWord> words;  ///< plain words, for "did you mean"
    HighlightTerms highlight;
    std::vector<ExplainWord> explain;      ///< positive words, in query order
    std::vector<EntityFilter> filters;     ///< entity filters written in the query
    std::vector<std::string> notices;      ///< parts of the query that could not be read (a bad date)
    bool truncated = false;    ///< the text or its number of terms exceeded a limit
};

/// Parses query text. Holds a reference to an Analyzer, so one per thread.
class QueryBuilder {
public:
    /// Most terms a `word*` wildcard expands to (the most frequent ones are kept).
    static constexpr Xapian::termcount kMaxWildcardExpansion = 200;

    explicit QueryBuilder(Analyzer& analyzer) : analyzer_(analyzer) {}

    /// Entity lookups for `country:`, `person:`, `org:`, `about:` and cross-script names; without it
    /// those fields match nothing and names meet only their own spelling.
    void set_entities(EntityLookup* lookup) { entities_ = lookup; }

    /// Parses @p text; @p lang, when known, restricts Latin words to that language's stems.
    ParsedQuery parse(std::string_view text, Lang lang = Lang::unknown);

private:
    Analyzer& analyzer_;
    EntityLookup* entities_ = nullptr;
};

}  // namespace agora
