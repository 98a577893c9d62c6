/** @file
 *  @brief Percent-encoding for URL query components (RFC 3986) and its decoding.
 */
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace agora {

/// Appends @p text to @p out as one URL query component: every byte but the unreserved ones
/// (`A-Z a-z 0-9 - . _ ~`) becomes `%XX`, so `&`, `=`, `+`, `#`, quotes and spaces cannot end it.
void append_url_encoded(std::string& out, std::string_view text);

/// @p text as one URL query component (see append_url_encoded).
std::string url_encode(std::string_view text);

/// Decodes `%XX` escapes (and `+` as a space when @p plus_is_space, as HTML forms send it); nothing
/// when a `%` is not followed by two hex digits. The bytes are not checked for UTF-8.
std::optional<std::string> url_decode(std::string_view text, bool plus_is_space = true);

}  // namespace agora
