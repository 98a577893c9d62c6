/** @file
 *  @brief The page's stylesheet (web/agora.css, embedded at build time) and the Content-Security-Policy
 *         that allows exactly that inline stylesheet by its SHA-256 hash.
 *
 *  CMake reads web/agora.css into a generated header together with its SHA-256 (`file(SHA256)`), so
 *  the hash always matches the bytes the page inlines in its one `<style>` element, and no extra
 *  request or hashing code is needed.
 */
#pragma once

#include <string>
#include <string_view>

namespace agora::web {

/// The stylesheet's text, byte for byte as inlined in the page.
std::string_view stylesheet();

/// Base64 of the stylesheet's SHA-256 digest, as CSP's `'sha256-…'` source takes it.
std::string stylesheet_hash();

/// The whole Content-Security-Policy header value: nothing allowed but the stylesheet, forms to the
/// same origin, no framing, no base URL.
std::string content_security_policy();

/// Base64 (RFC 4648, padded) of the bytes that @p hex spells in hexadecimal; empty on a bad digit.
std::string hex_to_base64(std::string_view hex);

}  // namespace agora::web
