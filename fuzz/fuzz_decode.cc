/** @file
 *  @brief Fuzz target: binary sniffing and charset detection/conversion must turn any bytes into
 *         valid UTF-8, with or without a declared charset.
 */
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "agora/ingest/decode.h"
#include "agora/util/utf8.h"
#include "fuzz_support.h"

namespace {

/// Declarations an HTML page may carry, valid, odd and unknown, so that usable_declared() and the
/// Cyrillic overrule are reached too; the first input byte picks one. Stateful and multi-byte
/// converters (UTF-7, SCSU, BOCU-1, ISO-2022) are listed because their error paths differ.
constexpr std::string_view kDeclaredCharsets[] = {
    "",          "windows-1251", "KOI8-R", "iso-8859-1",
    "utf-8",     "UTF-16",       "ibm866", "x-no-such-charset",
    "shift_jis", "us-ascii",     "utf-7",  "scsu",
    "bocu-1",    "ucs-2",        "cesu-8", "iso-2022-jp",
    "UTF16",     "gb18030"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using agora::fuzz::require;
    const std::string_view bytes = agora::fuzz::as_text(data, size);

    (void)agora::looks_binary(bytes);

    const agora::Decoded plain = agora::decode_to_utf8(bytes);
    require(agora::is_valid_utf8(plain.text));
    require(!plain.charset.empty());

    if (size > 0) {
        constexpr std::size_t kChoices = std::size(kDeclaredCharsets);
        const std::string_view declared = kDeclaredCharsets[data[0] % kChoices];
        const agora::Decoded with_declared = agora::decode_to_utf8(bytes.substr(1), declared);
        require(agora::is_valid_utf8(with_declared.text));
        require(!with_declared.charset.empty());
    }
    return 0;
}
