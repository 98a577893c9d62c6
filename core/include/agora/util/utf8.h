/** @file
 *  @brief Small UTF-8 helpers: validity, cutting at a character boundary, a stable hash.
 */
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace agora {

/// True when every byte of @p text is ASCII (the analyser's fast path).
bool is_ascii(std::string_view text);

/// True when @p text is well-formed UTF-8.
bool is_valid_utf8(std::string_view text);

/// @p text with every ill-formed sequence replaced by U+FFFD.
std::string repair_utf8(std::string_view text);

/// The longest prefix of @p text no longer than @p max_bytes that ends on a character boundary.
std::string_view cut_utf8(std::string_view text, std::size_t max_bytes);

/// Number of code points in @p text (an ill-formed sequence counts as one).
std::size_t code_point_count(std::string_view text);

/// Number of letters (code points with the Unicode Alphabetic property) in @p text.
std::size_t letter_count(std::string_view text);

/// 64-bit FNV-1a of @p data as 16 hex digits: stable across runs, machines and compilers (unlike
/// std::hash), which is what ids and routing need.
std::string stable_hash_hex(std::string_view data);

/// Same hash as a number.
std::uint64_t stable_hash(std::string_view data);

}  // namespace agora
