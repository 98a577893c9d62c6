/** @file
 *  @brief PDF files with poppler-cpp: the text layer in reading order, rebuilt into lines and
 *         paragraphs from the word boxes, one form feed between pages; title and creation date
 *         from the Info dictionary.
 *
 *  Reading order. poppler-cpp 22.12 offers page::text() in three layouts: raw_order_layout (the
 *  order of the content stream, which many producers scramble), physical_layout (the page redrawn
 *  with spaces, so two columns interleave line by line) and non_raw_non_physical_layout (reading
 *  order, but it drops the vertical gaps that separate paragraphs and joins every hyphenated line
 *  end). page::text_list() gives the words in the same reading order (poppler's flows, blocks and
 *  lines, as pdftotext prints them) together with their boxes, so this reader takes the words from
 *  it and decides lines, paragraphs and hyphens itself:
 *
 *  - Lines: a word continues the line of the word before when it has the same rotation, overlaps
 *    it vertically by half its height and does not start left of its end; words are joined with a
 *    space when poppler saw one, or when a visible gap separates them.
 *  - Paragraphs: a line starts a new paragraph when it is not below the line before (a new column
 *    or block), when its font size differs by more than a fifth (a heading), when it starts with a
 *    bullet (a list item), or when the distance between the two baselines is more than 1.3 times
 *    the page's usual line spacing. That spacing is the lower quartile of the baseline distances
 *    relative to font size, so single, one-and-a-half and double spaced text all work; 1.25 when
 *    a page has too few lines to tell; at most 1.8, so that an empty line between one-line
 *    paragraphs still separates them. Paragraphs marked only by an indented first line stay joined.
 *  - Hyphens: lines of a paragraph are joined with a space; a line ending with a soft hyphen is
 *    joined to the next directly; a line ending with a hyphen between two lowercase letters
 *    (`activ-` + `ists`) is joined without the hyphen; any other hyphen after a letter or digit is
 *    kept and the parts joined directly (`Franco-` + `German`, `2019-` + `2020`).
 */
#include "agora/ingest/pdf_reader.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>
#include <poppler-rectangle.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <climits>
#include <cmath>
#include <cstdint>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "agora/util/utf8.h"

namespace agora {

namespace {

/// Where a PDF reader looks for the header and for the end-of-file marker (as Acrobat does).
constexpr std::size_t kMarkerWindow = 1024;
/// A line break at a baseline distance this many times the usual one separates paragraphs.
constexpr double kParagraphGapFactor = 1.3;
/// Baseline distance, relative to the font size, assumed when a page has too few lines to measure.
constexpr double kDefaultLineSpacing = 1.25;
/// Line spacing never counts as wider than this, so that a gap of an empty line (2.6 font sizes in
/// single-spaced text) always separates paragraphs, even on a page of one-line paragraphs where the
/// gaps are the only spacing there is to measure. Double-spaced text (about 2 font sizes with most
/// fonts' boxes) stays below 1.3 times this.
constexpr double kMaxLineSpacing = 1.8;
/// Line pairs needed on a page to measure its line spacing.
constexpr std::size_t kMinSpacingSamples = 3;
/// Font sizes of two lines differing by more than this factor belong to different paragraphs.
constexpr double kSizeChangeFactor = 1.2;
/// A gap wider than this fraction of the font size between two words of a line is a space.
constexpr double kWordGapFactor = 0.15;
/// A first paragraph longer than this (in characters) is text, not a title.
constexpr std::size_t kMaxTitleChars = 150;
/// A creation date before the first PDF specification (1993) is a placeholder (year 0, or the
/// 1970-01-01 of a zero time stamp), not a date.
constexpr int kFirstPdfYear = 1993;
/// Longest poppler message quoted in a rejection.
constexpr std::size_t kMaxReasonBytes = 160;

// ---- poppler's messages -------------------------------------------------------------------------

/// The first message poppler reported on this thread since the last clear_poppler_message().
thread_local std::string first_poppler_message;

/// poppler-cpp prints its errors and warnings to stderr unless given a function: keep the first
/// one (it becomes the reason of a rejection) and print nothing.
void keep_poppler_message(const std::string& message, void* /*closure*/) {
    if (!first_poppler_message.empty()) return;
    std::string_view text = message;
    // poppler-cpp prefixes "poppler/error (offset): "; the rest is the message itself.
    if (text.starts_with("poppler/")) {
        const std::size_t colon = text.find(": ");
        if (colon != std::string_view::npos) text.remove_prefix(colon + 2);
    }
    first_poppler_message = std::string(cut_utf8(text, kMaxReasonBytes));
    if (first_poppler_message.empty()) first_poppler_message = "?";
}

void silence_poppler_once() {
    static std::once_flag once;
    std::call_once(once, [] { poppler::set_debug_error_function(keep_poppler_message, nullptr); });
}

// ---- Text helpers -------------------------------------------------------------------------------

std::string to_utf8(const poppler::ustring& text) {
    const poppler::byte_array bytes = text.to_utf8();
    std::string out(bytes.begin(), bytes.end());
    // poppler's converter may stop at a NUL it wrote; only ever hand on well-formed UTF-8.
    if (const std::size_t nul = out.find('\0'); nul != std::string::npos) out.resize(nul);
    return is_valid_utf8(out) ? out : repair_utf8(out);
}

bool is_blank(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && is_blank(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_blank(text.back())) text.remove_suffix(1);
    return text;
}

/// @p text with control characters (a form feed would break the page count) turned into spaces,
/// runs of spaces collapsed and both ends trimmed.
std::string clean(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        const bool space = byte < 0x20 || byte == 0x7F;
        if (space || c == ' ') {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
    return std::string(trim(out));
}

/// The last code point of @p text (0 when empty), and where it starts.
UChar32 last_char(std::string_view text, std::size_t* start = nullptr) {
    if (text.empty()) return 0;
    auto i = static_cast<int32_t>(text.size());
    UChar32 c = 0;
    U8_PREV(reinterpret_cast<const uint8_t*>(text.data()), 0, i, c);
    if (start != nullptr) *start = static_cast<std::size_t>(i);
    return c;
}

UChar32 first_char(std::string_view text) {
    if (text.empty()) return 0;
    int32_t i = 0;
    UChar32 c = 0;
    U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, static_cast<int32_t>(text.size()), c);
    return c;
}

constexpr UChar32 kSoftHyphen = 0x00AD;
constexpr UChar32 kHyphen = 0x2010;

/// Appends line @p next to the paragraph @p paragraph, joining hyphenated words (see the file
/// comment).
void append_line(std::string& paragraph, std::string_view next) {
    if (paragraph.empty()) {
        paragraph = next;
        return;
    }
    std::size_t hyphen_at = 0;
    const UChar32 last = last_char(paragraph, &hyphen_at);
    if (last == kSoftHyphen) {
        paragraph.resize(hyphen_at);
    } else if (last == '-' || last == kHyphen) {
        const UChar32 before = last_char(std::string_view(paragraph).substr(0, hyphen_at));
        const UChar32 after = first_char(next);
        if (u_islower(before) && u_islower(after)) {
            paragraph.resize(hyphen_at);
        } else if (!u_isalnum(before)) {
            paragraph += ' ';  // a dash standing alone
        }
    } else {
        paragraph += ' ';
    }
    paragraph += next;
}

// ---- Words, lines, paragraphs -------------------------------------------------------------------

/// One word of poppler's text list, its box in page coordinates (y grows downwards).
struct Word {
    std::string text;
    double left = 0, top = 0, right = 0, bottom = 0;
    int rotation = 0;  ///< 0-3, quarter turns
    bool space_after = false;
};

/// A line of words: its text and box.
struct Line {
    std::string text;
    double left = 0, top = 0, right = 0, bottom = 0;
    int rotation = 0;
    double size() const { return bottom - top; }
};

/// Extent of @p word along its line (start, end) and across it (low, high), whatever its rotation.
struct Extent {
    double start, end, low, high;
};

Extent extent_of(const Word& w) {
    switch (w.rotation) {
        case 1:
            return {w.top, w.bottom, w.left, w.right};
        case 2:
            return {-w.right, -w.left, w.top, w.bottom};
        case 3:
            return {-w.bottom, -w.top, w.left, w.right};
        default:
            return {w.left, w.right, w.top, w.bottom};
    }
}

/// Whether @p next continues the line that @p previous ends; @p gap receives the space between
/// them.
bool continues_line(const Word& previous, const Word& next, double& gap) {
    if (previous.rotation != next.rotation) return false;
    const Extent a = extent_of(previous);
    const Extent b = extent_of(next);
    const double size = std::min(a.high - a.low, b.high - b.low);
    const double overlap = std::min(a.high, b.high) - std::max(a.low, b.low);
    if (size <= 0 || overlap < size / 2) return false;
    gap = b.start - a.end;
    return gap >= -size / 2;
}

std::vector<Line> lines_of(const std::vector<Word>& words) {
    std::vector<Line> lines;
    const Word* previous = nullptr;
    for (const Word& word : words) {
        double gap = 0;
        if (previous != nullptr && continues_line(*previous, word, gap)) {
            Line& line = lines.back();
            const double size = std::min(previous->bottom - previous->top, word.bottom - word.top);
            if (previous->space_after || gap > kWordGapFactor * std::abs(size)) line.text += ' ';
            line.text += word.text;
            line.left = std::min(line.left, word.left);
            line.top = std::min(line.top, word.top);
            line.right = std::max(line.right, word.right);
            line.bottom = std::max(line.bottom, word.bottom);
        } else {
            lines.push_back(
                {word.text, word.left, word.top, word.right, word.bottom, word.rotation});
        }
        previous = &word;
    }
    return lines;
}

bool similar_size(const Line& a, const Line& b) {
    const double small = std::min(a.size(), b.size());
    const double large = std::max(a.size(), b.size());
    return small > 0 && large <= small * kSizeChangeFactor;
}

/// Usual distance between baselines on the page, relative to the font size (see the file comment).
double line_spacing(const std::vector<Line>& lines) {
    std::vector<double> ratios;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const Line& a = lines[i - 1];
        const Line& b = lines[i];
        if (a.rotation != 0 || b.rotation != 0 || !similar_size(a, b)) continue;
        const double ratio = (b.bottom - a.bottom) / a.size();
        if (ratio > 0.5 && ratio <= 3) ratios.push_back(ratio);
    }
    if (ratios.size() < kMinSpacingSamples) return kDefaultLineSpacing;
    const auto quartile = ratios.begin() + static_cast<std::ptrdiff_t>(ratios.size() / 4);
    std::nth_element(ratios.begin(), quartile, ratios.end());
    return std::min(*quartile, kMaxLineSpacing);
}

/// Characters that start a list item: bullets, including the private-use bullet of the Symbol
/// font that office programs write.
bool is_bullet(UChar32 c) {
    return c == 0x2022 || c == 0x2023 || c == 0x2043 || c == 0x25AA || c == 0x25CF || c == 0x25E6 ||
           c == 0x25A0 || c == 0x2219 || c == 0xF0A7 || c == 0xF0B7;
}

bool starts_paragraph(const Line& previous, const Line& line, double spacing) {
    if (previous.rotation != line.rotation) return true;
    if (is_bullet(first_char(line.text))) return true;
    if (line.rotation != 0) return false;
    if (!similar_size(previous, line)) return true;
    const double distance = line.bottom - previous.bottom;
    if (distance < previous.size() / 2) return true;  // not below: another column or block
    return distance > kParagraphGapFactor * spacing * previous.size();
}

/// The page's text: paragraphs separated by a blank line.
std::string page_text(const std::vector<Word>& words) {
    const std::vector<Line> lines = lines_of(words);
    const double spacing = line_spacing(lines);
    std::string text;
    std::string paragraph;
    const auto flush = [&] {
        if (paragraph.empty()) return;
        if (!text.empty()) text += "\n\n";
        text += paragraph;
        paragraph.clear();
    };
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i > 0 && starts_paragraph(lines[i - 1], lines[i], spacing)) flush();
        append_line(paragraph, lines[i].text);
    }
    flush();
    return text;
}

std::vector<Word> words_of(const poppler::page& page) {
    std::vector<Word> words;
    for (const poppler::text_box& box : page.text_list()) {
        std::string text = clean(to_utf8(box.text()));
        if (text.empty()) continue;
        const poppler::rectf r = box.bbox();
        words.push_back({std::move(text), r.left(), r.top(), r.right(), r.bottom(),
                         box.rotation() & 3, box.has_space_after()});
    }
    return words;
}

// ---- Metadata -----------------------------------------------------------------------------------

bool ends_with_ignoring_case(std::string_view text, std::string_view suffix) {
    if (text.size() < suffix.size()) return false;
    const std::string_view tail = text.substr(text.size() - suffix.size());
    return std::equal(tail.begin(), tail.end(), suffix.begin(), [](char a, char b) {
        return std::tolower(static_cast<unsigned char>(a)) == b;
    });
}

/// Extensions of the files office programs name their documents after in the Info title.
constexpr std::array<std::string_view, 16> kDocumentExtensions = {
    ".doc", ".docx", ".rtf",  ".odt", ".pdf",   ".txt", ".ppt",  ".pptx",
    ".xls", ".xlsx", ".indd", ".wpd", ".pages", ".htm", ".html", ".tex"};

/// The Info title as a title, or empty: "Microsoft Word - " and the like are cut off, and what is
/// left is no title when it is a file name (it ends with a document extension) or a placeholder.
std::string clean_title(std::string title) {
    title = clean(title);
    std::string_view view = title;
    if (view.starts_with("Microsoft ")) {
        const std::size_t dash = view.find(" - ");
        if (dash != std::string_view::npos && dash < 40) view.remove_prefix(dash + 3);
    }
    view = trim(view);
    for (const std::string_view extension : kDocumentExtensions) {
        if (ends_with_ignoring_case(view, extension)) return {};
    }
    const std::string lower = [&] {
        std::string s(view);
        for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return s;
    }();
    if (lower == "untitled" || lower == "untitled document" || lower == "title" ||
        lower == "document") {
        return {};
    }
    const bool has_letter = std::any_of(view.begin(), view.end(), [](char c) {
        return std::isalpha(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
    });
    return has_letter ? std::string(view) : std::string();
}

/// The first paragraph of @p text when it reads like a title: short, with a letter, and not ending
/// like a sentence or an unfinished one.
std::string first_paragraph_title(std::string_view text) {
    const std::string_view first = text.substr(0, text.find("\n\n"));
    std::size_t chars = 0;
    bool letter = false;
    for (int32_t i = 0; i < static_cast<int32_t>(first.size());) {
        UChar32 c = 0;
        U8_NEXT(reinterpret_cast<const uint8_t*>(first.data()), i,
                static_cast<int32_t>(first.size()), c);
        ++chars;
        letter = letter || u_isalpha(c);
    }
    if (!letter || chars > kMaxTitleChars) return {};
    const char last = first.back();
    if (last == '.' || last == ',' || last == ';' || last == ':' || last == '-') return {};
    return std::string(first);
}

/// "YYYY-MM-DD" (or "YYYY-MM", "YYYY") from a PDF date "D:YYYYMMDDHHmmSSOHH'mm'" (or an ISO
/// date some producers write instead), or empty when it is absent, invalid or a placeholder.
std::string pdf_date(std::string_view raw) {
    raw = trim(raw);
    std::string_view digits = raw.starts_with("D:") ? raw.substr(2) : raw;
    std::size_t count = 0;
    while (count < digits.size() && count < 8 && digits[count] >= '0' && digits[count] <= '9')
        ++count;
    std::string date;
    const bool separator_follows =
        count < digits.size() &&
        (digits[count] == '-' || digits[count] == '/' || digits[count] == '.');
    if ((count == 4 || count == 6 || count == 8) && !separator_follows) {
        date = std::string(digits.substr(0, 4));
        if (count >= 6) date += "-" + std::string(digits.substr(4, 2));
        if (count == 8) date += "-" + std::string(digits.substr(6, 2));
        date = normalize_date(date);
    } else {
        date = normalize_date(raw);
    }
    if (date.size() < 4 || std::stoi(date.substr(0, 4)) < kFirstPdfYear) return {};
    return date;
}

// ---- The file -----------------------------------------------------------------------------------

/// Whether @p needle occurs in the first or the last @p window bytes of @p bytes.
bool near_start(std::string_view bytes, std::string_view needle, std::size_t window) {
    return bytes.substr(0, window + needle.size()).find(needle) != std::string_view::npos;
}

bool near_end(std::string_view bytes, std::string_view needle, std::size_t window) {
    const std::size_t from = bytes.size() > window ? bytes.size() - window : 0;
    return bytes.substr(from).find(needle) != std::string_view::npos;
}

std::string unreadable(std::string_view reason) {
    return "not a readable PDF (" + std::string(reason) + ")";
}

constexpr const char* kEncrypted = "encrypted PDF: cannot read it without its password";
constexpr const char* kNoText = "no text layer (a scanned PDF?); Agora does not do OCR";

/// What parsing made of the file: an article, or the reason to reject it.
struct Parsed {
    std::optional<Article> article;
    std::string rejection;
};

Parsed parse(std::string_view bytes) {
    Parsed result;
    if (!near_start(bytes, "%PDF-", kMarkerWindow)) {
        result.rejection = unreadable("no %PDF header");
        return result;
    }
    // poppler rebuilds a cut file's cross-reference table and reads what it finds, so a truncated
    // file would pass for a shorter document: require the end marker where readers look for it.
    if (!near_end(bytes, "%%EOF", kMarkerWindow)) {
        result.rejection = unreadable("truncated: no %%EOF at the end");
        return result;
    }
    if (bytes.size() > static_cast<std::size_t>(INT_MAX)) {
        result.rejection = unreadable("too large");
        return result;
    }
    first_poppler_message.clear();
    // poppler reads the bytes in place; they outlive the document.
    const std::unique_ptr<poppler::document> document(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (document == nullptr) {
        // The trailer (or a cross-reference stream) names the security handler.
        const bool encrypted = bytes.find("/Encrypt") != std::string_view::npos;
        result.rejection = encrypted
                               ? kEncrypted
                               : unreadable(first_poppler_message.empty() ? "cannot parse it"
                                                                          : first_poppler_message);
        return result;
    }
    if (document->is_locked()) {
        result.rejection = kEncrypted;
        return result;
    }
    const int pages = document->pages();
    if (pages <= 0) {
        result.rejection = unreadable("no pages");
        return result;
    }

    Article article;
    article.paged = true;
    bool any_text = false;
    std::string first_text;  // text of the first page that has any
    for (int index = 0; index < pages; ++index) {
        if (index > 0) article.text += '\f';
        const std::unique_ptr<poppler::page> page(document->create_page(index));
        if (page == nullptr) continue;
        const std::string text = page_text(words_of(*page));
        if (text.empty()) continue;
        if (!any_text) first_text = text;
        any_text = true;
        article.text += text;
    }
    if (!any_text) {
        result.rejection = kNoText;
        return result;
    }
    article.title = clean_title(to_utf8(document->get_title()));
    if (article.title.empty()) article.title = first_paragraph_title(first_text);
    article.date = pdf_date(to_utf8(document->info_key("CreationDate")));
    result.article = std::move(article);
    return result;
}

}  // namespace

void read_pdf(std::string_view bytes, const std::string& file, const ArticleSink& sink,
              SourceReport& report) {
    silence_poppler_once();
    report.charset = "UTF-8";  // poppler gives Unicode text whatever the fonts' encodings
    Parsed parsed;
    try {
        parsed = parse(bytes);
    } catch (const std::exception& error) {  // poppler-cpp does not throw; memory may run out
        parsed.rejection = unreadable(error.what());
    }
    if (!parsed.article) return report.reject(file, 0, parsed.rejection);
    apply_article_limits(*parsed.article, file, 0, report);
    sink(std::move(*parsed.article));
}

}  // namespace agora
