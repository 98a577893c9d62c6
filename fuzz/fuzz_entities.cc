/** @file
 *  @brief Fuzz target: the entity extractor (country gazetteer, person and organisation recogniser,
 *         name keys) on any text must neither read outside its tokens nor return broken names.
 */
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "agora/analysis/analyzer.h"
#include "agora/entities/extractor.h"
#include "agora/util/utf8.h"
#include "fuzz_support.h"

namespace {

using agora::fuzz::require;

/// The analyser and the extractor live as long as the fuzzer (ICU objects, the gazetteer and the
/// dictionaries are built once).
struct Pipeline {
    agora::Analyzer analyzer;
    agora::EntityExtractor extractor{analyzer};
    std::vector<agora::Token> title_tokens;
    std::vector<agora::Token> tokens;
};

Pipeline& pipeline() {
    static Pipeline instance;
    return instance;
}

void check_entities(const std::vector<agora::DocEntity>& entities, std::size_t text_size) {
    for (const agora::DocEntity& e : entities) {
        require(!e.key.empty() && agora::is_valid_utf8(e.key));
        require(agora::is_valid_utf8(e.display));
        require(e.mentions > 0);
        require(e.first_start <= text_size);
        for (const std::string& form : e.forms) require(!form.empty() && agora::is_valid_utf8(form));
        for (const std::string& word : e.word_keys) require(agora::is_valid_utf8(word));
    }
}

void check_text(std::string_view text, agora::Lang hint) {
    Pipeline& p = pipeline();
    // The text's first line doubles as the title, as an article's title often repeats its lead.
    const std::string_view title = text.substr(0, text.find('\n'));
    p.title_tokens.clear();
    p.tokens.clear();
    p.analyzer.analyze(title, hint, p.title_tokens);
    p.analyzer.analyze(text, hint, p.tokens);
    const agora::ArticleEntities found = p.extractor.extract(title, p.title_tokens, text, p.tokens);
    check_entities(found.countries, text.size());
    check_entities(found.persons, text.size());
    check_entities(found.organisations, text.size());
    require(agora::is_valid_utf8(found.about));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes = agora::fuzz::as_text(data, size);
    // The first byte picks the document language hint (metadata), so every chain is exercised.
    const auto hint = size > 0 ? static_cast<agora::Lang>(data[0] % 4) : agora::Lang::unknown;
    check_text(agora::repair_utf8(bytes), hint);
    return 0;
}
