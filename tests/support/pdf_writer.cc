/** @file
 *  @brief Writes small, valid PDF files for the tests (no binary fixtures in the repository).
 */
#include "pdf_writer.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <map>
#include <string_view>
#include <utility>

namespace agora::test {

namespace {

constexpr double kPageWidth = 612;
constexpr double kPageHeight = 792;
constexpr double kMargin = 72;
constexpr double kFontSize = 11;
/// Distance between baselines, as a multiple of the font size.
constexpr double kLeadingFactor = 1.3;
/// The font's glyphs all advance by this many thousandths of the font size.
constexpr int kGlyphWidth = 500;
/// bfchar entries per block: the CMap syntax allows at most 100.
constexpr std::size_t kMaxCMapBlock = 100;

/// Code points of well-formed UTF-8 @p text (the tests write their own text, so no repair needed).
std::u32string decode_utf8(std::string_view text) {
    std::u32string out;
    for (std::size_t i = 0; i < text.size();) {
        const auto byte = static_cast<unsigned char>(text[i]);
        int extra = byte < 0x80 ? 0 : byte < 0xE0 ? 1 : byte < 0xF0 ? 2 : 3;
        char32_t cp = extra == 0 ? byte : byte & (0x3F >> extra);
        for (int k = 1; k <= extra && i + static_cast<std::size_t>(k) < text.size(); ++k) {
            cp = (cp << 6) |
                 (static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]) & 0x3F);
        }
        out.push_back(cp);
        i += static_cast<std::size_t>(extra) + 1;
    }
    return out;
}

std::string hex4(unsigned value) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "%04X", value & 0xFFFF);
    return buffer;
}

/// @p cp as UTF-16BE hex digits (a surrogate pair above the BMP).
std::string utf16_hex(char32_t cp) {
    if (cp < 0x10000) return hex4(static_cast<unsigned>(cp));
    const char32_t v = cp - 0x10000;
    return hex4(static_cast<unsigned>(0xD800 + (v >> 10))) +
           hex4(static_cast<unsigned>(0xDC00 + (v & 0x3FF)));
}

std::string number(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", value);
    return buffer;
}

/// A literal string with its delimiters, backslashes and parentheses escaped.
std::string literal(std::string_view text) {
    std::string out = "(";
    for (const char c : text) {
        if (c == '(' || c == ')' || c == '\\') out += '\\';
        out += c;
    }
    return out + ")";
}

std::string stream_object(const std::string& dictionary_entries, const std::string& data) {
    return "<< " + dictionary_entries + " /Length " + std::to_string(data.size()) +
           " >>\nstream\n" + data + "\nendstream";
}

/// The ToUnicode CMap mapping each two-byte code to its character.
std::string to_unicode_cmap(const std::map<char32_t, unsigned>& codes) {
    std::string cmap =
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    std::vector<std::string> entries;
    for (const auto& [cp, code] : codes)
        entries.push_back("<" + hex4(code) + "> <" + utf16_hex(cp) + ">\n");
    for (std::size_t start = 0; start < entries.size(); start += kMaxCMapBlock) {
        const std::size_t end = std::min(entries.size(), start + kMaxCMapBlock);
        cmap += std::to_string(end - start) + " beginbfchar\n";
        for (std::size_t i = start; i < end; ++i) cmap += entries[i];
        cmap += "endbfchar\n";
    }
    return cmap + "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend";
}

/// Content stream of one page: each line in its own text object, at a fixed left margin.
std::string page_content(const std::vector<std::string>& lines, double first_line_size,
                         const std::map<char32_t, unsigned>& codes) {
    std::string content;
    double y = kPageHeight - kMargin;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const double size = (i == 0 && first_line_size > 0) ? first_line_size : kFontSize;
        if (!lines[i].empty()) {
            std::string hex;
            for (const char32_t cp : decode_utf8(lines[i])) hex += hex4(codes.at(cp));
            content += "BT /F1 " + number(size) + " Tf 1 0 0 1 " + number(kMargin) + " " +
                       number(y) + " Tm <" + hex + "> Tj ET\n";
        }
        y -= size * kLeadingFactor;
    }
    return content;
}

}  // namespace

std::string make_pdf(const PdfSpec& spec) {
    // Two-byte codes 1..n for the distinct characters of the document, in code point order.
    std::map<char32_t, unsigned> codes;
    for (const auto& page : spec.pages) {
        for (const auto& line : page) {
            for (const char32_t cp : decode_utf8(line)) codes.emplace(cp, 0);
        }
    }
    unsigned next_code = 1;
    for (auto& [cp, code] : codes) code = next_code++;

    // Objects, numbered from 1 in this order.
    std::vector<std::string> objects;
    const auto add = [&](std::string body) {
        objects.push_back(std::move(body));
        return objects.size();
    };
    const std::size_t catalog = add("");  // filled in once the page tree's number is known
    const std::size_t pages = add("");
    const std::size_t descriptor = add(
        "<< /Type /FontDescriptor /FontName /AgoraTestSans /Flags 32 /FontBBox [0 -200 1000 800] "
        "/ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>");
    const std::size_t cid_font =
        add("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /AgoraTestSans /CIDSystemInfo << "
            "/Registry "
            "(Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor " +
            std::to_string(descriptor) + " 0 R /DW " + std::to_string(kGlyphWidth) +
            " /CIDToGIDMap /Identity >>");
    const std::size_t to_unicode = add(stream_object("", to_unicode_cmap(codes)));
    const std::size_t font = add(
        "<< /Type /Font /Subtype /Type0 /BaseFont /AgoraTestSans /Encoding /Identity-H "
        "/DescendantFonts [" +
        std::to_string(cid_font) + " 0 R] /ToUnicode " + std::to_string(to_unicode) + " 0 R >>");

    std::string kids;
    for (std::size_t p = 0; p < spec.pages.size(); ++p) {
        const std::string content =
            spec.no_text ? std::string("0.5 g ") + number(kMargin) + " 500 200 150 re f\n"
                         : page_content(spec.pages[p], p == 0 ? spec.first_line_size : 0, codes);
        const std::size_t content_object = add(stream_object("", content));
        const std::size_t page =
            add("<< /Type /Page /Parent " + std::to_string(pages) + " 0 R /MediaBox [0 0 " +
                number(kPageWidth) + " " + number(kPageHeight) + "] /Resources << /Font << /F1 " +
                std::to_string(font) + " 0 R >> >> /Contents " + std::to_string(content_object) +
                " 0 R >>");
        kids += std::to_string(page) + " 0 R ";
    }
    objects[catalog - 1] = "<< /Type /Catalog /Pages " + std::to_string(pages) + " 0 R >>";
    objects[pages - 1] =
        "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(spec.pages.size()) + " >>";

    std::size_t info = 0;
    if (!spec.title.empty() || !spec.creation_date.empty()) {
        std::string entries;
        if (!spec.title.empty()) {
            entries += "/Title <FEFF";
            for (const char32_t cp : decode_utf8(spec.title)) entries += utf16_hex(cp);
            entries += "> ";
        }
        if (!spec.creation_date.empty())
            entries += "/CreationDate " + literal(spec.creation_date) + " ";
        entries += "/Producer (agora pdf_writer)";
        info = add("<< " + entries + " >>");
    }
    std::size_t encrypt = 0;
    if (spec.encrypted) {
        // Standard handler, revision 2: the key comes from the user password, /O, /P and the file
        // id. /U is the padding string encrypted with that key; these bytes match no password a
        // reader would try (the empty one), so the document stays locked.
        encrypt =
            add("<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 "
                "/O <" +
                std::string(64, '7') + "> /U <" + std::string(64, 'A') + "> >>");
    }

    std::string pdf = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(pdf.size());
        pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const std::size_t xref = pdf.size();
    pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (const std::size_t offset : offsets) {
        char entry[24];
        std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
        pdf += entry;
    }
    pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root " +
           std::to_string(catalog) + " 0 R";
    if (info != 0) pdf += " /Info " + std::to_string(info) + " 0 R";
    if (encrypt != 0) pdf += " /Encrypt " + std::to_string(encrypt) + " 0 R";
    const std::string id(32, 'C');
    pdf += " /ID [<" + id + "> <" + id + ">] >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return pdf;
}

}  // namespace agora::test
