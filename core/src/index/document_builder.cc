/** @file
 *  @brief Article → Xapian::Document: positional unstemmed terms, Z stems, title terms, boolean terms.
 */
#include "agora/index/document_builder.h"

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

// Date terms at three granularities, as Omega does, from "YYYY-MM-DD", "YYYY-MM" or "YYYY".
void add_date_terms(Xapian::Document& doc, const std::string& date) {
    std::string digits;
    for (char c : date) {
        if (c >= '0' && c <= '9') digits += c;
    }
    if (digits.size() >= 4) doc.add_boolean_term(prefixed(schema::kYear, digits.substr(0, 4)));
    if (digits.size() >= 6) doc.add_boolean_term(prefixed(schema::kMonth, digits.substr(0, 6)));
    if (digits.size() >= 8) {
        doc.add_boolean_term(prefixed(schema::kDay, digits.substr(0, 8)));
        doc.add_value(schema::kSlotDate, digits.substr(0, 8));
    }
}

}  // namespace

Xapian::Document DocumentBuilder::build(const Article& article, DocData data,
                                        const std::string& source_key, SpellingCounts& spelling) {
    Xapian::Document doc;
    const Lang hint = parse_lang(article.lang);

    // The body decides the document's language; the title is analysed in that language.
    tokens_.clear();
    const Lang lang = analyzer_.analyze(article.text, hint, tokens_);
    const std::size_t body_tokens = tokens_.size();
    analyzer_.analyze(article.title, lang, tokens_);

    Xapian::termpos last_title_position = 0;
    for (std::size_t i = body_tokens; i < tokens_.size(); ++i) {
        const Token& token = tokens_[i];
        last_title_position = token.position;
        doc.add_posting(token.term, token.position, kTitleWdf);
        doc.add_posting(prefixed(schema::kTitle, token.term), token.position);
        if (StemmerSet::has_stem(token.term)) {
            const std::string& stem = analyzer_.stem(token);
            doc.add_term(prefixed(schema::kStem, stem), kTitleWdf);
            doc.add_term(prefixed(schema::kTitleStem, stem));
            ++spelling[token.spelling_form()];
        }
    }
    const Xapian::termpos body_offset = last_title_position + kTitleGap;
    for (std::size_t i = 0; i < body_tokens; ++i) {
        const Token& token = tokens_[i];
        doc.add_posting(token.term, body_offset + token.position);
        if (!StemmerSet::has_stem(token.term)) continue;  // numbers: no stem, no spelling entry
        doc.add_term(prefixed(schema::kStem, analyzer_.stem(token)));
        ++spelling[token.spelling_form()];
    }

    const std::string code(lang_code(lang));
    doc.add_boolean_term(prefixed(schema::kLanguage, code));
    doc.add_value(schema::kSlotLanguage, code);
    doc.add_boolean_term(prefixed(schema::kSource, source_key));
    // Terms are at most 245 bytes: a longer URL is cut at a character boundary.
    constexpr std::size_t kMaxUrlTermBytes = 200;
    if (!article.url.empty()) {
        doc.add_boolean_term(prefixed(schema::kUrl, cut_utf8(article.url, kMaxUrlTermBytes)));
    }
    add_date_terms(doc, article.date);

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
