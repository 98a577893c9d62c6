/** @file
 *  @brief Fuzz target: plain-text and Markdown pages (digests included) must yield valid,
 *         bounded articles from any decoded text.
 */
#include <cstddef>
#include <cstdint>
#include <string>

#include "agora/ingest/decode.h"
#include "agora/ingest/text_reader.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::string kFile = "fuzz.md";
    // The reader's input is what source_reader hands it: bytes decoded to UTF-8.
    const agora::Decoded decoded = agora::decode_to_utf8(agora::fuzz::as_text(data, size));
    for (const bool markdown : {false, true}) {
        agora::SourceReport report;
        std::size_t delivered = 0;
        agora::read_text_page(
            decoded.text, markdown, kFile,
            [&](agora::Article&& article) {
                agora::fuzz::check_article(article);
                ++delivered;
            },
            report);
        agora::fuzz::check_report(report, kFile);
        // A page either gives articles or says why not.
        agora::fuzz::require(delivered > 0 || report.rejected);
    }
    return 0;
}
