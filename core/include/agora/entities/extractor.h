/** @file
 *  @brief One article's entities: mentions found by the gazetteer and the recogniser, grouped into
 *         distinct countries, persons and organisations with keys, display forms and counts.
 */
#pragma once

#include "agora/analysis/analyzer.h"
#include "agora/entities/countries.h"
#include "agora/entities/entity.h"
#include "agora/entities/name_key.h"
#include "agora/entities/recognizer.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace agora {

/// A distinct entity of one article.
struct DocEntity {
    EntityKind kind = EntityKind::person;
    /// Countries: the ISO code. Persons: the name key of the full name (or of the lone surname when
    /// the article never gives the full name). Organisations: the organisation key (see org_key()).
    std::string key;
    std::string display;             ///< the most frequent full form written in the article
    std::vector<std::string> forms;  ///< every distinct form written, most frequent first
    std::uint32_t mentions = 0;
    std::uint32_t first_start = 0;   ///< byte offset of the first mention
    /// Persons: only surname mentions, no full name in the article to join them to.
    /// Organisations: only an acronym, no expansion in the article.
    bool short_form = false;
    std::string acronym;             ///< organisations: their acronym when the article defines one
    std::vector<std::string> word_keys;  ///< persons: the name key's words (for cross-script search)
};

/// An article's entities, each kind ordered by mentions (most first), then first appearance.
struct ArticleEntities {
    std::vector<DocEntity> countries;
    std::vector<DocEntity> persons;
    std::vector<DocEntity> organisations;
    /// The country the article is about: the country of its title, else its dominant mention; empty
    /// when no country stands out.
    std::string about;
};

/// Finds and groups an article's entities. Holds the recogniser and a NameKeyer: one per thread.
class EntityExtractor {
public:
    explicit EntityExtractor(Analyzer& analyzer);

    /// Known names (`--entities FILE`): recognised everywhere, keyed under their canonical name, so
    /// that every alias (another script, an acronym) becomes the same facet value.
    void add_known(const std::vector<KnownEntity>& known);

    /// Entities of an article: @p body_tokens are Analyzer::analyze(@p text), @p title_tokens
    /// Analyzer::analyze(@p title) (a country in the title decides `about`); the indexer has both
    /// already, so nothing is analysed twice.
    ArticleEntities extract(std::string_view title, const std::vector<Token>& title_tokens,
                            std::string_view text, const std::vector<Token>& body_tokens);

    /// Key of an organisation name as written anywhere (document, query, `--org`): its words' terms,
    /// Cyrillic words by their Russian stem so that grammatical cases meet.
    std::string org_key(std::string_view name);

    NameKeyer& keyer() { return keyer_; }

private:
    std::string org_key_of_tokens(const std::vector<Token>& tokens, std::uint32_t first,
                                  std::uint32_t last);
    void group_persons(const std::vector<Mention>& mentions, ArticleEntities& out);
    void group_organisations(const std::vector<Mention>& mentions, const std::vector<Token>& tokens,
                             ArticleEntities& out);
    void apply_known(DocEntity& entity);

    Analyzer& analyzer_;
    EntityRecognizer recognizer_;
    NameKeyer keyer_;
    /// Keys of known names and aliases → their canonical key and display name.
    struct KnownTarget {
        std::string key;
        std::string display;
    };
    std::unordered_map<std::string, KnownTarget> known_persons_;
    std::unordered_map<std::string, KnownTarget> known_organisations_;
    std::vector<Mention> mentions_;
    std::vector<Mention> countries_;
    std::vector<Token> scratch_;
};

}  // namespace agora
