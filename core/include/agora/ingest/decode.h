/** @file
 *  @brief Turns the bytes of a file into valid UTF-8: charset detection and conversion with ICU.
 */
#pragma once

#include <string>
#include <string_view>

namespace agora {

/// Result of decoding: valid UTF-8 text and what it was decoded from.
struct Decoded {
    std::string text;     ///< always valid UTF-8 (invalid sequences become U+FFFD)
    std::string charset;  ///< "UTF-8", "windows-1251", "KOI8-R", "ISO-8859-1", ...
    std::size_t replaced = 0;  ///< how many invalid sequences were replaced
};

/// True when the bytes look like a binary file (NUL bytes or mostly control characters) rather than text.
bool looks_binary(std::string_view bytes);

/// Decodes @p bytes: a UTF-8 BOM or valid UTF-8 is kept as is; otherwise ICU's detector chooses among
/// the charsets common in Russian and French archives, and ICU's converter converts. @p declared, when
/// not empty (an HTML meta charset, say), is tried first.
Decoded decode_to_utf8(std::string_view bytes, std::string_view declared = {});

}  // namespace agora
