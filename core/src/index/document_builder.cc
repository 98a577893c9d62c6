/** @file
 *  @brief Article → Xapian::Document: positional unstemmed terms, Z stems, title terms, boolean terms.
 */
#include "agora/index/document_builder.h"

#include "agora/index/entity_terms.h"
#include "agora/limits.h"
#include "agora/schema.h"
#include "agora/util/utf8.h"

#include <string>

namespace agora {
namespace {

std::string prefixed(std::string_view prefix, std::string_view value) {
    std::string term(prefix);
    term += value;
    return term;
}

// Date terms at three granularities, as Omega does, from "YYYY-MM-DD", "YYYY-MM" or "YYYY". Returns
// the year ("" when the date has none).
std::string add_date_terms(Xapian::Document& doc, const std::string& date) {
    std::string digits;
    for (char c : date) {
        if (c >= '0' && c <= '9') digits += c;
    }
    if (digits.size() < 4) return {};
    doc.add_boolean_term(prefixed(schema::kYear, digits.substr(0, 4)));
    if (digits.size() >= 6) doc.add_boolean_term(prefixed(schema::kMonth, digits.substr(0, 6)));
    if (digits.size() >= 8) doc.add_boolean_term(prefixed(schema::kDay, digits.substr(0, 8)));
    // Sorting and ranges: a date known to the month or the year counts from its first day.
    std::string sortable = digits.substr(0, 8);
    if (sortable.size() < 6) sortable += "01";
    if (sortable.size() < 8) sortable += "01";
    doc.add_value(schema::kSlotDate, sortable);
    return digits.substr(0, 4);
}

}  // namespace

void DocumentBuilder::add_entities(Xapian::Document& doc, const ArticleEntities& entities, DocData& data) {
    using namespace entity_terms;
    const std::size_t max = limits::kMaxEntitiesPerKind;
    for (std::size_t i = 0; i < entities.countries.size() && i < max; ++i) {
        const DocEntity& e = entities.countries[i];
        doc.add_boolean_term(key_term(EntityKind::country, e.key));
        data.countries.push_back(e.key);
    }
    for (const std::string& key : data.countries) add_facet(schema::FacetField::country, key);
    if (!entities.about.empty()) {
        doc.add_boolean_term(prefixed(schema::kAbout, entities.about));
        doc.add_value(schema::kSlotAbout, entities.about);
        data.about = entities.about;
    }
    for (std::size_t i = 0; i < entities.persons.size() && i < max; ++i) {
        const DocEntity& e = entities.persons[i];
        doc.add_boolean_term(key_term(EntityKind::person, e.key));
        for (const std::string& form : e.forms) doc.add_boolean_term(form_term(EntityKind::person, e.key, form));
        if (!e.short_form && e.word_keys.size() > 1) {
            if (auto term = short_term(EntityKind::person, e.word_keys.back(), e.key)) doc.add_boolean_term(*term);
        }
        for (const std::string& word : e.word_keys) doc.add_term(name_word_term(word), e.mentions);
        data.persons.push_back(e.key);
    }
    for (const std::string& key : data.persons) add_facet(schema::FacetField::person, key);
    for (std::size_t i = 0; i < entities.organisations.size() && i < max; ++i) {
        const DocEntity& e = entities.organisations[i];
        doc.add_boolean_term(key_term(EntityKind::organisation, e.key));
        for (const std::string& form : e.forms) doc.add_boolean_term(form_term(EntityKind::organisation, e.key, form));
        // Every one-word form (the acronym, or another language's acronym from --entities) leads to
        // the full name.
        for (const std::string& form : e.forms) {
            if (form.find(' ') != std::string::npos) continue;
            const std::string short_key = extractor_.org_key(form);
            if (short_key.empty() || short_key == e.key) continue;
            if (auto term = short_term(EntityKind::organisation, short_key, e.key)) doc.add_boolean_term(*term);
        }
        data.organisations.push_back(e.key);
    }
    for (const std::string& key : data.organisations) add_facet(schema::FacetField::organisation, key);
}

void DocumentBuilder::add_facet(schema::FacetField field, const std::string& key) {
    const std::uint64_t code = entity_terms::facet_code(field, key);
    facet_codes_.push_back(code);
    facet_names_.try_emplace(code, key);
}

Xapian::Document DocumentBuilder::build(const Article& article, DocData data,
                                        const std::string& source_key, SpellingCounts* spelling) {
    Xapian::Document doc;
    facet_codes_.clear();
    const Lang hint = parse_lang(article.lang);

    // The body decides the document's language; the title is analysed in that language.
    tokens_.clear();
    const Lang lang = analyzer_.analyze(article.text, hint, tokens_);
    title_tokens_.clear();
    analyzer_.analyze(article.title, lang, title_tokens_);
    const ArticleEntities entities = extractor_.extract(article.title, title_tokens_, article.text, tokens_);

    Xapian::termpos last_title_position = 0;
    for (const Token& token : title_tokens_) {
        last_title_position = token.position;
        doc.add_posting(token.term, token.position, kTitleWdf);
        doc.add_posting(prefixed(schema::kTitle, token.term), token.position);
        if (StemmerSet::has_stem(token.term)) {
            const std::string& stem = analyzer_.stem(token);
            doc.add_term(prefixed(schema::kStem, stem), kTitleWdf);
            doc.add_term(prefixed(schema::kTitleStem, stem));
            if (spelling) ++(*spelling)[token.spelling_form()];
        }
    }
    const Xapian::termpos body_offset = last_title_position + kTitleGap;
    for (const Token& token : tokens_) {
        doc.add_posting(token.term, body_offset + token.position);
        if (!StemmerSet::has_stem(token.term)) continue;  // numbers: no stem, no spelling entry
        doc.add_term(prefixed(schema::kStem, analyzer_.stem(token)));
        if (spelling) ++(*spelling)[token.spelling_form()];
    }

    const std::string code(lang_code(lang));
    doc.add_boolean_term(prefixed(schema::kLanguage, code));
    add_facet(schema::FacetField::lang, code);
    doc.add_boolean_term(prefixed(schema::kSource, source_key));
    // Terms are at most 245 bytes: a longer URL is cut at a character boundary.
    constexpr std::size_t kMaxUrlTermBytes = 200;
    if (!article.url.empty()) {
        doc.add_boolean_term(prefixed(schema::kUrl, cut_utf8(article.url, kMaxUrlTermBytes)));
    }
    if (const std::string year = add_date_terms(doc, article.date); !year.empty()) {
        add_facet(schema::FacetField::year, year);
    }

    add_entities(doc, entities, data);
    doc.add_value(schema::kSlotFacets, entity_terms::pack_facet_codes(facet_codes_));
    data.paged = article.paged;
    data.title = article.title;
    data.lang = code;
    data.date = article.date;
    data.url = article.url;
    data.text = article.text;
    doc.add_boolean_term(prefixed(schema::kUniqueId, data.id));
    doc.set_data(data.to_json());
    return doc;
}

}  // namespace agora
