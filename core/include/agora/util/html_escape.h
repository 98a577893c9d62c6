/** @file
 *  @brief Escaping text for HTML element content and attribute values.
 */
#pragma once

#include <string>
#include <string_view>

namespace agora {

/// Appends @p text to @p out with `& < > " '` escaped: safe in element content and quoted attributes.
void append_html_escaped(std::string& out, std::string_view text);

/// @p text escaped for HTML.
std::string html_escape(std::string_view text);

}  // namespace agora
