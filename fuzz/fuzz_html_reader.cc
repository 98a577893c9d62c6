/** @file
 *  @brief Fuzz target: any bytes read as HTML (broken markup, any charset) must yield valid,
 *         bounded articles.
 */
#include <cstddef>
#include <cstdint>
#include <string>

#include "agora/ingest/html_reader.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::string kFile = "fuzz.html";
    agora::SourceReport report;
    std::size_t delivered = 0;
    agora::read_html(
        agora::fuzz::as_text(data, size), kFile,
        [&](agora::Article&& article) {
            agora::fuzz::check_article(article);
            ++delivered;
        },
        report);
    agora::fuzz::check_report(report, kFile);
    // A page either gives articles or says why not.
    agora::fuzz::require(delivered > 0 || report.rejected);
    return 0;
}
