/** @file
 *  @brief Fuzz target: the query parser must accept any bytes (invalid UTF-8 included) and yield
 *         valid, bounded query text and a Xapian query that describes itself.
 */
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "agora/analysis/analyzer.h"
#include "agora/limits.h"
#include "agora/search/query_builder.h"
#include "agora/util/utf8.h"
#include "fuzz_support.h"

namespace {

void check(const agora::ParsedQuery& parsed) {
    using agora::fuzz::require;
    require(agora::is_valid_utf8(parsed.text));
    require(parsed.text.size() <= agora::limits::kMaxQueryBytes);
    // Offsets of correctable words point into the query text, on character boundaries, since the
    // "did you mean" line splices suggestions in at them.
    for (const agora::QueryWord& word : parsed.words) {
        require(word.start < word.end && word.end <= parsed.text.size());
        const std::string_view text(parsed.text);
        require(agora::is_valid_utf8(text.substr(word.start, word.end - word.start)));
        require(!word.spelling.empty());
    }
    for (const std::string& term : parsed.highlight.terms) {
        require(!term.empty() && agora::is_valid_utf8(term));
    }
    for (const std::string& stem : parsed.highlight.stems) require(agora::is_valid_utf8(stem));
    (void)parsed.query.get_description();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // ICU break iterators, normalisers and transliterators are slow to build: one for all inputs.
    static agora::Analyzer analyzer;
    static agora::QueryBuilder builder(analyzer);

    const std::string_view bytes = agora::fuzz::as_text(data, size);
    check(builder.parse(bytes));
    // A known language takes the other branch of query_stems(); the first byte picks it.
    if (size > 0) {
        const auto lang = static_cast<agora::Lang>(data[0] % 4);
        if (lang != agora::Lang::unknown) check(builder.parse(bytes, lang));
    }
    return 0;
}
