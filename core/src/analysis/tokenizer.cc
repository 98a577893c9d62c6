/** @file
 *  @brief ICU word segmentation over UTF-8 text, with invisible characters removed, not split on.
 */
#include "agora/analysis/tokenizer.h"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <stdexcept>

namespace agora {
namespace {

// Length of an invisible character starting at text[i], or 0. These are removed before word breaking:
// U+00AD soft hyphen (PDF and word processors leave them inside words), U+200B zero-width space
// (UAX #29 breaks on it, but inside a word it is an artefact of copy and paste), U+200C/U+200D
// zero-width non-joiner/joiner, U+2060 word joiner and U+FEFF (BOM used as a joiner).
std::size_t invisible_length(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) {
        return k < text.size() ? static_cast<unsigned char>(text[k]) : 0u;
    };
    const unsigned c = byte(i);
    if (c == 0xC2 && byte(i + 1) == 0xAD) return 2;
    if (c == 0xE2 && byte(i + 1) == 0x80 && byte(i + 2) >= 0x8B && byte(i + 2) <= 0x8D) return 3;
    if (c == 0xE2 && byte(i + 1) == 0x81 && byte(i + 2) == 0xA0) return 3;
    if (c == 0xEF && byte(i + 1) == 0xBB && byte(i + 2) == 0xBF) return 3;
    return 0;
}

bool has_invisible(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c < 0xC2) continue;  // ASCII and continuation bytes: the common case
        if ((c == 0xC2 || c == 0xE2 || c == 0xEF) && invisible_length(text, i) != 0) return true;
    }
    return false;
}

// True when the bytes between two words hold a blank line (two line feeds with only spaces between).
bool holds_blank_line(std::string_view gap) {
    int newlines = 0;
    for (char c : gap) {
        if (c == '\n') {
            if (++newlines == 2) return true;
        } else if (c != ' ' && c != '\t' && c != '\r') {
            newlines = 0;
        }
    }
    return false;
}

}  // namespace

struct Tokenizer::Icu {
    std::unique_ptr<icu::BreakIterator> words;
};

Tokenizer::Tokenizer() : icu_(std::make_unique<Icu>()) {
    UErrorCode status = U_ZERO_ERROR;
    icu_->words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status)) throw std::runtime_error("ICU: cannot create a word break iterator");
}

Tokenizer::~Tokenizer() = default;

void Tokenizer::tokenize(std::string_view text, const std::function<void(const WordSpan&)>& sink) {
    std::string_view source = text;
    const bool remap = has_invisible(text);
    if (remap) {
        cleaned_.clear();
        offsets_.clear();
        for (std::size_t i = 0; i < text.size();) {
            if (const std::size_t skip = invisible_length(text, i)) {
                i += skip;
                continue;
            }
            cleaned_ += text[i];
            offsets_.push_back(static_cast<std::uint32_t>(i));
            ++i;
        }
        source = cleaned_;
    }

    UErrorCode status = U_ZERO_ERROR;
    UText* utext = utext_openUTF8(nullptr, source.data(), static_cast<int64_t>(source.size()), &status);
    if (U_FAILURE(status)) return;
    icu::BreakIterator& words = *icu_->words;
    words.setText(utext, status);
    if (U_FAILURE(status)) {
        utext_close(utext);
        return;
    }

    std::size_t previous_end = 0;
    int32_t start = words.first();
    for (int32_t end = words.next(); end != icu::BreakIterator::DONE; start = end, end = words.next()) {
        if (words.getRuleStatus() < UBRK_WORD_NONE_LIMIT) continue;  // spaces, punctuation
        WordSpan span;
        span.word = source.substr(start, end - start);
        span.paragraph_break = holds_blank_line(source.substr(previous_end, start - previous_end));
        previous_end = end;
        if (remap) {
            span.start = offsets_[start];
            span.end = offsets_[end - 1] + 1;
        } else {
            span.start = static_cast<std::uint32_t>(start);
            span.end = static_cast<std::uint32_t>(end);
        }
        sink(span);
    }
    words.setText(icu::UnicodeString());  // drop the reference to the caller's text
    utext_close(utext);
}

}  // namespace agora
