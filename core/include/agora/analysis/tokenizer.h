/** @file
 *  @brief Cuts UTF-8 text into words with ICU's word BreakIterator, keeping byte offsets.
 */
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace agora {

/// A word as cut from the text: byte offsets into the original text, and the word with invisible
/// characters (soft hyphen, zero-width space/joiners, word joiner, BOM) removed.
struct WordSpan {
    std::uint32_t start = 0;
    std::uint32_t end = 0;
    std::string_view word;  ///< valid until the next word is delivered
    bool paragraph_break = false;  ///< a blank line separates this word from the previous one
};

/// ICU word segmentation (UAX #29 plus ICU's dictionaries); not thread-safe: use one per thread.
class Tokenizer {
public:
    Tokenizer();
    ~Tokenizer();
    Tokenizer(const Tokenizer&) = delete;
    Tokenizer& operator=(const Tokenizer&) = delete;

    /// Calls @p sink for every word of @p text (valid UTF-8), skipping spaces and punctuation.
    void tokenize(std::string_view text, const std::function<void(const WordSpan&)>& sink);

private:
    struct Icu;
    std::unique_ptr<Icu> icu_;
    std::string cleaned_;                 // text without invisible characters, when it had some
    std::vector<std::uint32_t> offsets_;  // cleaned byte index -> original byte index
};

}  // namespace agora
