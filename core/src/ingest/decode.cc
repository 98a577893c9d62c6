/** @file
 *  @brief Binary sniffing, UTF-8 validation and repair, and legacy charset detection and conversion
 *         with ICU, tuned for Russian and French archives.
 */
#include "agora/ingest/decode.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace agora {

namespace {

/// Bytes inspected by looks_binary: enough to see a file's header, cheap for a 32 MiB file.
constexpr std::size_t kBinaryProbeBytes = 8192;
/// Share of C0 control characters (other than tab, LF, CR, FF, VT) above which bytes are not text.
constexpr double kMaxControlShare = 0.10;

/// Bytes given to ICU's detector and to the Cyrillic sanity check: plenty for statistics.
constexpr std::size_t kDetectSampleBytes = 64 * 1024;

/// "Mostly UTF-8": at least this many valid multibyte sequences for each invalid one.
constexpr std::size_t kMostlyUtf8Ratio = 4;

/// A text is taken as Cyrillic on byte statistics alone when at least this share of its letters
/// are high bytes...
constexpr double kCyrillicDensity = 0.5;
/// ...and at most this share of its high bytes touch an ASCII letter (Russian words are all high
/// bytes; an accented French letter sits inside a word of ASCII letters).
constexpr double kMaxCyrillicAdjacency = 0.2;
/// With ICU's detector voting Cyrillic, a lower density is enough (Russian text quoting English),
/// but high bytes must still mostly stand apart from ASCII letters.
constexpr double kCyrillicDensityWithDetector = 0.25;
constexpr double kMaxCyrillicAdjacencyWithDetector = 0.5;
/// A declared Cyrillic charset is overruled when another one is this much more likely, in mean
/// log-probability per character (the swapped windows-1251 / KOI8-R pair differ by about 0.8)...
constexpr double kDeclaredOverruleMargin = 0.5;
/// ...on a sample of at least this many non-ASCII characters, where chance cannot explain that.
constexpr std::size_t kMinOverruleCharacters = 40;

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::string_view kUtf16LeBom = "\xFF\xFE";
constexpr std::string_view kUtf16BeBom = "\xFE\xFF";
constexpr std::string_view kReplacementUtf8 = "\xEF\xBF\xBD";
constexpr UChar kReplacementChar = 0xFFFD;

/// Output chunk of one ucnv_convertEx call.
constexpr std::size_t kConvertChunkBytes = 64 * 1024;
constexpr std::size_t kPivotUChars = 1024;

// ---- UTF-8 --------------------------------------------------------------------------------------

/// One step of UTF-8 decoding: a well-formed sequence, or the maximal ill-formed subpart that one
/// U+FFFD replaces (the Unicode Standard's recommended practice, §3.9, also ICU's and WHATWG's).
struct Utf8Step {
    std::size_t length = 1;
    bool valid = true;
};

Utf8Step next_utf8(std::string_view s, std::size_t pos) {
    const auto b0 = static_cast<unsigned char>(s[pos]);
    if (b0 < 0x80) return {1, true};
    std::size_t trail = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        trail = 1;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        trail = 2;
        if (b0 == 0xE0) low = 0xA0;   // no overlongs
        if (b0 == 0xED) high = 0x9F;  // no surrogates
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        trail = 3;
        if (b0 == 0xF0) low = 0x90;   // no overlongs
        if (b0 == 0xF4) high = 0x8F;  // nothing past U+10FFFF
    } else {
        return {1, false};
    }
    for (std::size_t i = 1; i <= trail; ++i) {
        if (pos + i >= s.size()) return {i, false};
        const auto b = static_cast<unsigned char>(s[pos + i]);
        if (b < low || b > high) return {i, false};
        low = 0x80;
        high = 0xBF;
    }
    return {trail + 1, true};
}

struct Utf8Stats {
    std::size_t multibyte = 0;  ///< well-formed sequences of 2 to 4 bytes
    std::size_t invalid = 0;    ///< maximal ill-formed subparts
};

Utf8Stats scan_utf8(std::string_view s) {
    Utf8Stats stats;
    for (std::size_t pos = 0; pos < s.size();) {
        const Utf8Step step = next_utf8(s, pos);
        if (!step.valid) {
            ++stats.invalid;
        } else if (step.length > 1) {
            ++stats.multibyte;
        }
        pos += step.length;
    }
    return stats;
}

/// Copies @p s replacing each ill-formed subpart with U+FFFD.
Decoded repair_invalid_utf8(std::string_view s) {
    Decoded out;
    out.charset = "UTF-8";
    out.text.reserve(s.size());
    for (std::size_t pos = 0; pos < s.size();) {
        const Utf8Step step = next_utf8(s, pos);
        if (step.valid) {
            out.text.append(s.substr(pos, step.length));
        } else {
            out.text.append(kReplacementUtf8);
            ++out.replaced;
        }
        pos += step.length;
    }
    return out;
}

/// Legacy text can contain a few byte pairs that happen to be valid UTF-8 ("Её" in windows-1251 is
/// C5 B8), but never many of them next to few errors; real UTF-8 damaged by a truncation or a stray
/// Latin-1 byte is the reverse. Treating the latter as UTF-8 keeps its thousands of good characters
/// instead of turning every one of them into mojibake.
bool is_mostly_utf8(const Utf8Stats& stats) {
    return stats.multibyte >= 1 && stats.invalid * kMostlyUtf8Ratio <= stats.multibyte;
}

// ---- ICU conversion -----------------------------------------------------------------------------

struct ConverterCloser {
    void operator()(UConverter* converter) const { ucnv_close(converter); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

struct DetectorCloser {
    void operator()(UCharsetDetector* detector) const { ucsdet_close(detector); }
};
using DetectorPtr = std::unique_ptr<UCharsetDetector, DetectorCloser>;

/// ICU's default substitution writes U+001A for single-byte charsets, a control character that
/// would end up in the index; this callback writes U+FFFD and counts the replacements instead.
void substitute_and_count(const void* context, UConverterToUnicodeArgs* args,
                          const char* /*code_units*/, int32_t /*length*/,
                          UConverterCallbackReason reason, UErrorCode* error) {
    if (reason != UCNV_UNASSIGNED && reason != UCNV_ILLEGAL && reason != UCNV_IRREGULAR) return;
    ++*static_cast<std::size_t*>(const_cast<void*>(context));
    *error = U_ZERO_ERROR;
    ucnv_cbToUWriteUChars(args, &kReplacementChar, 1, 0, error);
}

ConverterPtr open_converter(const std::string& charset) {
    UErrorCode error = U_ZERO_ERROR;
    ConverterPtr converter(ucnv_open(charset.c_str(), &error));
    if (U_FAILURE(error)) return nullptr;
    return converter;
}

/// Converts @p bytes from @p charset to UTF-8; nullopt when ICU does not know the charset.
std::optional<Decoded> convert(std::string_view bytes, const std::string& charset) {
    ConverterPtr source = open_converter(charset);
    ConverterPtr target = open_converter("UTF-8");
    if (!source || !target) return std::nullopt;

    Decoded out;
    out.charset = charset;
    UErrorCode error = U_ZERO_ERROR;
    ucnv_setToUCallBack(source.get(), substitute_and_count, &out.replaced, nullptr, nullptr,
                        &error);
    if (U_FAILURE(error)) return std::nullopt;

    std::array<UChar, kPivotUChars> pivot{};
    UChar* pivot_source = pivot.data();
    UChar* pivot_target = pivot.data();
    std::vector<char> chunk(kConvertChunkBytes);
    const char* in = bytes.data();
    const char* const in_end = bytes.data() + bytes.size();
    out.text.reserve(bytes.size() + bytes.size() / 2);
    bool reset = true;
    for (;;) {
        char* chunk_end = chunk.data();
        error = U_ZERO_ERROR;
        ucnv_convertEx(target.get(), source.get(), &chunk_end, chunk.data() + chunk.size(), &in,
                       in_end, pivot.data(), &pivot_source, &pivot_target,
                       pivot.data() + pivot.size(), reset, true, &error);
        reset = false;
        out.text.append(chunk.data(), static_cast<std::size_t>(chunk_end - chunk.data()));
        if (error == U_BUFFER_OVERFLOW_ERROR) continue;
        if (U_FAILURE(error)) return std::nullopt;
        return out;
    }
}

/// ICU's preferred name for @p charset ("cp1251" -> "windows-1251"), or @p charset itself.
std::string canonical_name(const std::string& charset) {
    ConverterPtr converter = open_converter(charset);
    if (!converter) return charset;
    UErrorCode error = U_ZERO_ERROR;
    const char* internal = ucnv_getName(converter.get(), &error);
    if (U_FAILURE(error) || internal == nullptr) return charset;
    for (const char* standard : {"MIME", "IANA"}) {
        error = U_ZERO_ERROR;
        const char* name = ucnv_getStandardName(internal, standard, &error);
        if (U_SUCCESS(error) && name != nullptr) return name;
    }
    return charset;
}

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// ---- Detection ----------------------------------------------------------------------------------

/// The single-byte Cyrillic charsets of Russian archives, most common first (ties go to the first).
constexpr std::array<const char*, 4> kCyrillicCharsets = {"windows-1251", "KOI8-R", "ISO-8859-5",
                                                          "IBM866"};

bool is_cyrillic_charset(std::string_view name) {
    const std::string lower = lower_ascii(name);
    return std::any_of(kCyrillicCharsets.begin(), kCyrillicCharsets.end(),
                       [&](const char* c) { return lower == lower_ascii(c); });
}

bool is_latin_charset(std::string_view name) {
    const std::string lower = lower_ascii(name);
    return lower == "iso-8859-1" || lower == "windows-1252";
}

/// Frequency of each Russian letter а..я (U+0430..U+044F) in running text, in percent.
constexpr std::array<double, 32> kRussianLetterPercent = {
    8.01, 1.59, 4.54, 1.70,  2.98, 8.45, 0.94, 1.65, 7.35, 1.21, 3.49,
    4.40, 3.21, 6.70, 10.97, 2.81, 4.73, 5.47, 6.26, 2.62, 0.26, 0.97,
    0.48, 1.44, 0.73, 0.36,  0.04, 1.90, 1.74, 0.32, 0.64, 2.01};
/// "ё", mostly written "е".
constexpr double kYoPercent = 0.2;
/// Probability given to a non-ASCII character that is not a Russian letter (a symbol, box drawing).
constexpr double kNonLetterProbability = 0.0005;
/// Cost, in log-probability per character, of a lowercase letter followed by an uppercase one
/// inside a word ("пРАВО"): what swapping windows-1251 and KOI8-R does to mixed-case text.
constexpr double kCaseFlipPenalty = 4.0;
/// Share of non-ASCII characters that must decode to Russian letters for the text to be Russian.
constexpr double kMinCyrillicLetterShare = 0.8;

/// Lowercase form of a Russian letter, or 0 for any other code point.
char32_t russian_lowercase(char32_t c) {
    if (c >= 0x430 && c <= 0x44F) return c;
    if (c >= 0x410 && c <= 0x42F) return c + 0x20;
    if (c == 0x451 || c == 0x401) return 0x451;
    return 0;
}

double letter_probability(char32_t lower) {
    if (lower == 0) return kNonLetterProbability;
    if (lower == 0x451) return kYoPercent / 100.0;
    return kRussianLetterPercent[lower - 0x430] / 100.0;
}

/// How plausible @p sample decoded as @p charset is as Russian.
struct CyrillicScore {
    double likelihood = -1e9;  ///< mean log-probability per non-ASCII character, case-flips charged
    double letter_share = 0.0;   ///< share of non-ASCII characters that are Russian letters
    std::size_t characters = 0;  ///< non-ASCII characters scored
};

/// Each single-byte Cyrillic charset orders the alphabet differently, so a wrong guess turns
/// running text into rare letters, symbols or box drawing: a unigram model of Russian letter
/// frequencies (case-insensitive, so that all-capital headlines work) tells them apart on a few
/// words. Case then settles the windows-1251 / KOI8-R pair, which swap the case of every letter.
CyrillicScore cyrillic_score(std::string_view sample, const char* charset) {
    const std::optional<Decoded> decoded = convert(sample, charset);
    if (!decoded) return {};
    std::size_t non_ascii = 0;
    std::size_t letters = 0;
    std::size_t case_flips = 0;
    double log_sum = 0.0;
    char32_t previous = 0;
    const std::string& text = decoded->text;
    for (std::size_t pos = 0; pos < text.size();) {
        const Utf8Step step = next_utf8(text, pos);
        char32_t c = static_cast<unsigned char>(text[pos]);
        if (step.valid && step.length == 2) {
            c = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(text[pos + 1]) & 0x3Fu);
        }
        pos += step.length;
        if (c < 0x80) {
            previous = c;
            continue;
        }
        ++non_ascii;
        const char32_t lower = russian_lowercase(c);
        if (lower != 0) ++letters;
        if (lower != 0 && lower != c && russian_lowercase(previous) == previous &&
            previous >= 0x80) {
            ++case_flips;
        }
        log_sum += std::log(letter_probability(lower));
        previous = c;
    }
    if (non_ascii == 0) return {};
    const auto n = static_cast<double>(non_ascii);
    return {(log_sum - kCaseFlipPenalty * static_cast<double>(case_flips)) / n,
            static_cast<double>(letters) / n, non_ascii};
}

struct CyrillicPick {
    const char* charset = kCyrillicCharsets[0];
    CyrillicScore score;
};

CyrillicPick best_cyrillic(std::string_view sample) {
    CyrillicPick best;
    for (const char* charset : kCyrillicCharsets) {
        const CyrillicScore score = cyrillic_score(sample, charset);
        if (score.likelihood > best.score.likelihood) best = {charset, score};
    }
    return best;
}

/// Byte statistics that separate 8-bit Russian from 8-bit French, whatever the charset.
struct ByteStats {
    double density = 0.0;  ///< share of letters that are high bytes: Russian ~1, French < 0.1
    double adjacency =
        0.0;  ///< share of high bytes touching an ASCII letter: French ~1, Russian ~0
};

bool is_ascii_letter(unsigned char b) { return (b | 0x20u) >= 'a' && (b | 0x20u) <= 'z'; }

ByteStats byte_stats(std::string_view sample) {
    std::size_t high = 0;
    std::size_t ascii_letters = 0;
    std::size_t touching = 0;
    for (std::size_t i = 0; i < sample.size(); ++i) {
        const auto b = static_cast<unsigned char>(sample[i]);
        if (b < 0x80) {
            if (is_ascii_letter(b)) ++ascii_letters;
            continue;
        }
        ++high;
        const bool before = i > 0 && is_ascii_letter(static_cast<unsigned char>(sample[i - 1]));
        const bool after =
            i + 1 < sample.size() && is_ascii_letter(static_cast<unsigned char>(sample[i + 1]));
        if (before || after) ++touching;
    }
    ByteStats stats;
    if (high + ascii_letters > 0) {
        stats.density = static_cast<double>(high) / static_cast<double>(high + ascii_letters);
    }
    if (high > 0) stats.adjacency = static_cast<double>(touching) / static_cast<double>(high);
    return stats;
}

/// ICU's most confident candidate among the charsets we expect, or empty.
std::string icu_detect(std::string_view sample) {
    UErrorCode error = U_ZERO_ERROR;
    DetectorPtr detector(ucsdet_open(&error));
    if (U_FAILURE(error)) return {};
    ucsdet_setText(detector.get(), sample.data(), static_cast<int32_t>(sample.size()), &error);
    int32_t count = 0;
    const UCharsetMatch** matches = ucsdet_detectAll(detector.get(), &count, &error);
    if (U_FAILURE(error) || matches == nullptr) return {};
    for (int32_t i = 0; i < count; ++i) {
        UErrorCode name_error = U_ZERO_ERROR;
        const char* name = ucsdet_getName(matches[i], &name_error);
        if (U_FAILURE(name_error) || name == nullptr) continue;
        if (is_cyrillic_charset(name) || is_latin_charset(name)) return name;
    }
    return {};
}

/// Windows-1252 is what "ISO-8859-1" text really is in practice (browsers decode it so): bytes
/// 0x80-0x9F are curly quotes and dashes, not C1 controls. Name it so only when it matters.
std::string latin_charset(std::string_view bytes) {
    const bool has_c1 = std::any_of(bytes.begin(), bytes.end(), [](char c) {
        const auto b = static_cast<unsigned char>(c);
        return b >= 0x80 && b <= 0x9F;
    });
    return has_c1 ? "windows-1252" : "ISO-8859-1";
}

/// Chooses the charset of bytes that are not UTF-8. ICU's detector works on byte statistics and is
/// weak on short Cyrillic text (a few lines of windows-1251 often come out as ISO-8859-1 or
/// KOI8-R), so its vote is checked against byte statistics (see ByteStats): the Cyrillic family is
/// chosen when ICU says so and the statistics do not contradict it, or when the statistics alone
/// are clearly Russian and some Cyrillic charset decodes the bytes into Russian letters; within the
/// family the most likely charset wins (see cyrillic_score), whatever ICU said.
std::string detect_charset(std::string_view bytes) {
    const std::string_view sample = bytes.substr(0, kDetectSampleBytes);
    const std::string detected = icu_detect(sample);
    const ByteStats stats = byte_stats(sample);
    const CyrillicPick cyrillic = best_cyrillic(sample);
    const bool icu_says_cyrillic = !detected.empty() && is_cyrillic_charset(detected);
    const bool icu_vote_holds = icu_says_cyrillic &&
                                stats.density >= kCyrillicDensityWithDetector &&
                                stats.adjacency <= kMaxCyrillicAdjacencyWithDetector;
    const bool bytes_say_cyrillic = stats.density >= kCyrillicDensity &&
                                    stats.adjacency <= kMaxCyrillicAdjacency &&
                                    cyrillic.score.letter_share >= kMinCyrillicLetterShare;
    if (icu_vote_holds || bytes_say_cyrillic) {
        return cyrillic.charset;
    }
    return latin_charset(bytes);
}

/// The declared charset to convert with, or empty when the declaration is unusable.
std::string usable_declared(std::string_view bytes, std::string_view declared) {
    std::string lower = lower_ascii(declared);
    if (lower.empty()) return {};
    // Pages that declare Latin-1 or ASCII mean windows-1252 (see latin_charset).
    if (lower == "iso-8859-1" || lower == "latin1" || lower == "iso_8859-1" ||
        lower == "us-ascii" || lower == "ascii") {
        return latin_charset(bytes);
    }
    // A UTF-16 declaration on bytes without a BOM comes from an editor, not from the bytes.
    if (lower.rfind("utf-16", 0) == 0 || lower.rfind("utf-32", 0) == 0) return {};
    if (!open_converter(std::string(declared))) return {};
    std::string name = canonical_name(std::string(declared));
    // Old Russian servers recoded pages to KOI8-R on the fly and left the windows-1251 meta tag in
    // place: a declared Cyrillic charset yields to another that decodes the bytes far better.
    if (is_cyrillic_charset(name)) {
        const std::string_view sample = bytes.substr(0, kDetectSampleBytes);
        const CyrillicPick best = best_cyrillic(sample);
        const double declared_likelihood = cyrillic_score(sample, name.c_str()).likelihood;
        if (best.score.characters >= kMinOverruleCharacters &&
            best.score.likelihood - declared_likelihood >= kDeclaredOverruleMargin) {
            return best.charset;
        }
    }
    return name;
}

bool is_utf8_name(std::string_view name) {
    const std::string lower = lower_ascii(name);
    return lower == "utf-8" || lower == "utf8";
}

Decoded decode_utf16(std::string_view bytes) {
    const bool little = bytes.substr(0, 2) == kUtf16LeBom;
    // ICU's "UTF-16" converter reads the BOM and drops it.
    std::optional<Decoded> decoded = convert(bytes, "UTF-16");
    if (!decoded) return repair_invalid_utf8(bytes);
    decoded->charset = little ? "UTF-16LE" : "UTF-16BE";
    return *decoded;
}

bool has_utf16_bom(std::string_view bytes) {
    return bytes.size() % 2 == 0 &&
           (bytes.substr(0, 2) == kUtf16LeBom || bytes.substr(0, 2) == kUtf16BeBom);
}

}  // namespace

bool looks_binary(std::string_view bytes) {
    // UTF-16 text is full of NUL bytes; its BOM says what it is.
    if (has_utf16_bom(bytes)) return false;
    const std::string_view probe = bytes.substr(0, kBinaryProbeBytes);
    if (probe.empty()) return false;
    std::size_t controls = 0;
    for (char c : probe) {
        const auto b = static_cast<unsigned char>(c);
        if (b == 0) return true;
        const bool text_control = b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '\v';
        if (b < 0x20 && !text_control) ++controls;
    }
    return static_cast<double>(controls) > kMaxControlShare * static_cast<double>(probe.size());
}

Decoded decode_to_utf8(std::string_view bytes, std::string_view declared) {
    if (bytes.substr(0, kUtf8Bom.size()) == kUtf8Bom) {
        // A BOM is as strong a declaration as there is: repair rather than reinterpret.
        return repair_invalid_utf8(bytes.substr(kUtf8Bom.size()));
    }
    if (has_utf16_bom(bytes)) return decode_utf16(bytes);

    const Utf8Stats stats = scan_utf8(bytes);
    if (stats.invalid == 0) return Decoded{std::string(bytes), "UTF-8", 0};
    if (is_mostly_utf8(stats)) return repair_invalid_utf8(bytes);

    // A UTF-8 declaration on bytes that are far from UTF-8 is a mistake of the page's author;
    // any other charset ICU knows is trusted.
    if (!declared.empty() && !is_utf8_name(declared)) {
        const std::string charset = usable_declared(bytes, declared);
        if (!charset.empty()) {
            if (std::optional<Decoded> decoded = convert(bytes, charset)) return *decoded;
        }
    }
    if (std::optional<Decoded> decoded = convert(bytes, detect_charset(bytes))) return *decoded;
    return repair_invalid_utf8(bytes);
}

}  // namespace agora
