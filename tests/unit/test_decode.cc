/** @file
 *  @brief Unit tests of binary sniffing, UTF-8 validation and repair, and charset detection.
 */
#include <unicode/ucnv.h>

#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "agora/ingest/decode.h"
#include "agora/util/utf8.h"

namespace {

/// @p utf8 converted to @p charset with ICU, so that tests hold readable text, not byte soup.
std::string encode(std::string_view utf8, const char* charset) {
    std::vector<char> out(utf8.size() * 4 + 16);
    UErrorCode error = U_ZERO_ERROR;
    const int32_t length =
        ucnv_convert(charset, "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                     static_cast<int32_t>(utf8.size()), &error);
    REQUIRE(U_SUCCESS(error));
    return std::string(out.data(), static_cast<std::size_t>(length));
}

const std::string kRussianLong =
    "Свобода собраний остаётся одной из главных тем доклада. В течение года суды назначали штрафы "
    "участникам мирных пикетов, а журналистов задерживали прямо во время работы.";
const std::string kRussianShort = "Суд оштрафовал активиста за пикет.";
const std::string kRussianCaps = "ДОКЛАД О СВОБОДЕ СОБРАНИЙ";
const std::string kFrench =
    "La liberté d'association est garantie, mais les organisations indépendantes signalent des "
    "contrôles répétés.";

}  // namespace

TEST_CASE("looks_binary tells text from binary bytes", "[unit][ingest]") {
    struct Case {
        const char* name;
        std::string bytes;
        bool binary;
    };
    const std::vector<Case> cases = {
        {"empty", "", false},
        {"plain ASCII", "Freedom of assembly\n", false},
        {"tabs, CR, LF, FF", "a\tb\r\nc\fd\n", false},
        {"Cyrillic in windows-1251", encode(kRussianLong, "windows-1251"), false},
        {"a NUL byte", std::string("text\0more", 9), true},
        {"mostly control characters", std::string(50, '\x01') + "abc", true},
        {"a few control characters", std::string("abcdefghijklmnopqrstuvwxyz\x1b[0m"), false},
        {"UTF-16LE with BOM",
         std::string("\xFF\xFE"
                     "a\0b\0",
                     6),
         false},
    };
    for (const Case& c : cases) {
        INFO(c.name);
        CHECK(agora::looks_binary(c.bytes) == c.binary);
    }
}

TEST_CASE("decode_to_utf8 keeps UTF-8 and detects legacy charsets", "[unit][ingest]") {
    struct Case {
        const char* name;
        std::string bytes;
        std::string declared;
        std::string text;
        std::string charset;
    };
    const std::vector<Case> cases = {
        {"ASCII", "civic space", "", "civic space", "UTF-8"},
        {"UTF-8 Cyrillic", kRussianShort, "", kRussianShort, "UTF-8"},
        {"UTF-8 with BOM", "\xEF\xBB\xBF" + kFrench, "", kFrench, "UTF-8"},
        {"valid UTF-8 wins over a declaration", kFrench, "windows-1251", kFrench, "UTF-8"},
        {"windows-1251", encode(kRussianLong, "windows-1251"), "", kRussianLong, "windows-1251"},
        {"windows-1251, short", encode(kRussianShort, "windows-1251"), "", kRussianShort,
         "windows-1251"},
        {"KOI8-R", encode(kRussianLong, "KOI8-R"), "", kRussianLong, "KOI8-R"},
        {"KOI8-R, short", encode(kRussianShort, "KOI8-R"), "", kRussianShort, "KOI8-R"},
        {"all capitals, windows-1251", encode(kRussianCaps, "windows-1251"), "", kRussianCaps,
         "windows-1251"},
        {"all capitals, KOI8-R", encode(kRussianCaps, "KOI8-R"), "", kRussianCaps, "KOI8-R"},
        {"ISO-8859-5", encode(kRussianLong, "ISO-8859-5"), "", kRussianLong, "ISO-8859-5"},
        {"IBM866", encode(kRussianLong, "IBM866"), "", kRussianLong, "IBM866"},
        {"Latin-1 French", encode(kFrench, "ISO-8859-1"), "", kFrench, "ISO-8859-1"},
        {"Latin-1 single word", "\xC9t\xE9", "", "Été", "ISO-8859-1"},
        {"windows-1252 dashes", encode("Liberté — égalité « fraternité »", "windows-1252"), "",
         "Liberté — égalité « fraternité »", "windows-1252"},
        {"declared charset", encode(kRussianShort, "KOI8-R"), "koi8-r", kRussianShort, "KOI8-R"},
        {"declared alias", encode(kRussianShort, "windows-1251"), "cp1251", kRussianShort,
         "windows-1251"},
        {"unknown declaration is ignored", encode(kRussianLong, "windows-1251"), "x-no-such",
         kRussianLong, "windows-1251"},
        {"wrong UTF-8 declaration is ignored", encode(kRussianLong, "windows-1251"), "utf-8",
         kRussianLong, "windows-1251"},
        {"KOI8-R bytes under a windows-1251 label", encode(kRussianLong, "KOI8-R"), "windows-1251",
         kRussianLong, "KOI8-R"},
        {"declared Latin-1 means windows-1252", encode("“Quotes”", "windows-1252"), "iso-8859-1",
         "“Quotes”", "windows-1252"},
        {"UTF-16LE with BOM",
         std::string("\xFF\xFE"
                     "A\0\x10\x04",
                     6),
         "", "AА", "UTF-16LE"},
    };
    for (const Case& c : cases) {
        INFO(c.name);
        const agora::Decoded decoded = agora::decode_to_utf8(c.bytes, c.declared);
        CHECK(decoded.text == c.text);
        CHECK(decoded.charset == c.charset);
        CHECK(decoded.replaced == 0);
    }
}

TEST_CASE("decode_to_utf8 repairs mostly-UTF-8 bytes instead of reinterpreting them",
          "[unit][ingest]") {
    struct Case {
        const char* name;
        std::string bytes;
        std::string text;
        std::size_t replaced;
    };
    const std::vector<Case> cases = {
        {"a stray Latin-1 byte", "Liberté, égalité, fraternité: \xE9t\xC3\xA9",
         "Liberté, égalité, fraternité: \xEF\xBF\xBDt\xC3\xA9", 1},
        {"a truncated final character", kRussianShort + "\xD0", kRussianShort + "\xEF\xBF\xBD", 1},
        {"a lone continuation byte", kRussianShort + "\x80" + kRussianShort,
         kRussianShort + "\xEF\xBF\xBD" + kRussianShort, 1},
        {"an overlong NUL and a surrogate", kRussianShort + "\xC0\x80 \xED\xA0\x80",
         kRussianShort + "\xEF\xBF\xBD\xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 5},
        {"a BOM forces UTF-8", "\xEF\xBB\xBFpas d'\xE9t\xE9", "pas d'\xEF\xBF\xBDt\xEF\xBF\xBD", 2},
    };
    for (const Case& c : cases) {
        INFO(c.name);
        const agora::Decoded decoded = agora::decode_to_utf8(c.bytes);
        CHECK(decoded.charset == "UTF-8");
        CHECK(decoded.text == c.text);
        CHECK(decoded.replaced == c.replaced);
    }
}

TEST_CASE("decode_to_utf8 always returns valid UTF-8", "[unit][ingest]") {
    std::mt19937 random(20240229);
    std::uniform_int_distribution<int> byte(0, 255);
    std::uniform_int_distribution<std::size_t> length(0, 300);
    for (int round = 0; round < 500; ++round) {
        std::string bytes(length(random), '\0');
        for (char& c : bytes) c = static_cast<char>(byte(random));
        const agora::Decoded decoded = agora::decode_to_utf8(bytes, round % 2 ? "" : "koi8-r");
        REQUIRE(agora::is_valid_utf8(decoded.text));
        REQUIRE_FALSE(decoded.charset.empty());
    }
}
