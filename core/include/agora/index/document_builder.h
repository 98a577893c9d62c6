/** @file
 *  @brief Turns an analysed article into a Xapian document following the schema.
 */
#pragma once

#include "agora/analysis/analyzer.h"
#include "agora/entities/extractor.h"
#include "agora/index/doc_data.h"
#include "agora/ingest/article.h"
#include "agora/schema.h"
#include "agora/util/string_map.h"

#include <xapian.h>

#include <cstdint>
#include <string>
#include <unordered_map>

namespace agora {

/// Words whose spelling data is waiting for the next commit, with how often they occurred.
using SpellingCounts = StringMap<Xapian::termcount>;

/// Facet codes of built documents with their keys, waiting for the catalog (schema::kMetaFacetNamePrefix).
using FacetNames = std::unordered_map<std::uint64_t, std::string>;

/// Builds documents; holds an Analyzer, so one per thread.
class DocumentBuilder {
public:
    /// Extra within-document frequency of a title word: Omega's way of boosting titles under BM25.
    static constexpr Xapian::termcount kTitleWdf = 5;
    /// Positions skipped between title and body, so that a phrase never spans the two.
    static constexpr Xapian::termpos kTitleGap = 100;

    explicit DocumentBuilder(Analyzer& analyzer) : analyzer_(analyzer), extractor_(analyzer) {}

    /// Names to recognise in every document (`--entities FILE`).
    void add_known_entities(const std::vector<KnownEntity>& known) { extractor_.add_known(known); }

    /// Analyses @p article and returns its document. @p data gets the id, path and article fields from
    /// the caller; title, language, date, url and text are filled here. Words go to @p spelling, unless
    /// it is null (an index built without spelling data).
    Xapian::Document build(const Article& article, DocData data, const std::string& source_key,
                           SpellingCounts* spelling);

    /// The facet codes of the documents built so far, with their keys; the caller empties it when
    /// it has written them to the catalog.
    FacetNames& facet_names() { return facet_names_; }

private:
    /// Adds @p key's code to the document's facet codes and remembers its key.
    void add_facet(schema::FacetField field, const std::string& key);

    void add_entities(Xapian::Document& doc, const ArticleEntities& entities, DocData& data);

    Analyzer& analyzer_;
    EntityExtractor extractor_;
    std::vector<Token> tokens_;        ///< body
    std::vector<Token> title_tokens_;
    std::vector<std::uint64_t> facet_codes_;  ///< of the document being built
    FacetNames facet_names_;
};

}  // namespace agora
