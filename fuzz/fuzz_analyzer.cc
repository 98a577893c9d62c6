/** @file
 *  @brief Fuzz target: the analyser's tokens must point at real words of the text, in order, and a
 *         snippet made for a query of the text's own words must be valid UTF-8.
 */
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "agora/analysis/analyzer.h"
#include "agora/ingest/decode.h"
#include "agora/limits.h"
#include "agora/search/query_builder.h"
#include "agora/search/snippet.h"
#include "agora/util/utf8.h"
#include "fuzz_support.h"

namespace {

using agora::fuzz::require;

/// Words of the text that make up the snippet's query: enough for a phrase and an AND, few enough
/// that the query stays cheap.
constexpr std::size_t kQueryWords = 3;

/// Positions start here rather than at 1 so that a body after a title (DocumentBuilder's use) is
/// what gets checked.
constexpr std::uint32_t kFirstPosition = 101;

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0u) == 0x80u; }

/// The analyser and its users live as long as the fuzzer: building ICU objects per input would
/// spend most of the time there.
struct Pipeline {
    agora::Analyzer analyzer;
    agora::QueryBuilder queries{analyzer};
    agora::SnippetMaker snippets{analyzer};
    std::vector<agora::Token> tokens;
};

Pipeline& pipeline() {
    static Pipeline instance;
    return instance;
}

void check_tokens(std::string_view text, const std::vector<agora::Token>& tokens) {
    std::uint32_t previous_position = 0;
    for (const agora::Token& token : tokens) {
        require(token.start < token.end && token.end <= text.size());
        // Offsets on character boundaries: highlighting copies text[start, end) into the snippet.
        require(!is_continuation(text[token.start]));
        require(token.end == text.size() || !is_continuation(text[token.end]));
        require(!token.term.empty());
        require(token.term.size() <= agora::limits::kMaxTermBytes);
        require(agora::is_valid_utf8(token.term));
        require(agora::is_valid_utf8(token.spelling));  // goes to Xapian's spelling table
        require(token.position >= kFirstPosition && token.position > previous_position);
        previous_position = token.position;
    }
}

/// A query of the first few words of @p text, as a user who read it might type.
std::string query_from(std::string_view text, const std::vector<agora::Token>& tokens) {
    std::string query;
    for (std::size_t i = 0; i < tokens.size() && i < kQueryWords; ++i) {
        if (!query.empty()) query += ' ';
        query += text.substr(tokens[i].start, tokens[i].end - tokens[i].start);
    }
    return query;
}

void check_text(std::string_view text, agora::Lang hint) {
    Pipeline& p = pipeline();
    p.tokens.clear();
    p.analyzer.analyze(text, hint, p.tokens, kFirstPosition);
    check_tokens(text, p.tokens);

    const std::string query = query_from(text, p.tokens);
    const agora::ParsedQuery parsed = p.queries.parse(query);
    const agora::Snippet snippet = p.snippets.make(text, hint, parsed.highlight);
    require(agora::is_valid_utf8(snippet.plain()));
    require(agora::is_valid_utf8(snippet.html()));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes = agora::fuzz::as_text(data, size);
    // The first byte picks the document language hint (metadata), so every chain is exercised.
    const auto hint = size > 0 ? static_cast<agora::Lang>(data[0] % 4) : agora::Lang::unknown;

    // The analyser's contract is valid UTF-8: what the readers produce (decode_to_utf8) and the
    // simplest repair of arbitrary bytes both qualify.
    const std::string repaired = agora::repair_utf8(bytes);
    check_text(repaired, hint);
    const agora::Decoded decoded = agora::decode_to_utf8(bytes);
    if (decoded.text != repaired) check_text(decoded.text, hint);
    return 0;
}
