/** @file
 *  @brief Fuzz target: JSON Lines of any bytes must yield valid, bounded articles, and every line
 *         that gives none must be accounted for by a diagnostic or be blank.
 */
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "agora/ingest/jsonl_reader.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::string kFile = "fuzz.jsonl";
    std::istringstream in(std::string(agora::fuzz::as_text(data, size)));
    agora::SourceReport report;
    agora::read_jsonl(
        in, kFile, [](agora::Article&& article) { agora::fuzz::check_article(article); }, report);
    agora::fuzz::check_report(report, kFile);
    // A bad line is rejected alone: the source as a whole never is.
    agora::fuzz::require(!report.rejected);
    for (const agora::Diagnostic& diagnostic : report.diagnostics) {
        agora::fuzz::require(diagnostic.line > 0);
    }
    return 0;
}
