/** @file
 *  @brief Diagnostics of a source, and the metadata normalisation and limits every reader shares.
 */
#include "agora/ingest/article.h"

#include <array>
#include <cctype>
#include <utility>

#include "agora/ingest/date_finder.h"
#include "agora/limits.h"
#include "agora/util/utf8.h"

namespace agora {

namespace {

/// Languages Agora has analysers for; metadata naming another language is ignored.
constexpr std::array<std::string_view, 3> kSupportedLanguages = {"en", "ru", "fr"};

/// Years outside this range are typos or placeholders ("0000", "9999"), not publication dates.
constexpr int kMinYear = 1800;
constexpr int kMaxYear = 2199;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// Value of the @p count ASCII digits at @p pos, or -1 when they are not all digits.
int read_number(std::string_view text, std::size_t pos, std::size_t count) {
    if (pos + count > text.size()) return -1;
    int value = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        if (!is_digit(text[i])) return -1;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

/// @p value (0-99) as two digits.
std::string two_digits(int value) {
    return {static_cast<char>('0' + value / 10), static_cast<char>('0' + value % 10)};
}

/// "YYYY", "YYYY-MM" or "YYYY-MM-DD" (0 for an absent month or day), or empty when out of range.
std::string format_date(int year, int month, int day) {
    if (year < kMinYear || year > kMaxYear) return {};
    std::string date = std::to_string(year);
    if (month == 0) return date;
    if (month < 1 || month > 12) return {};
    date += "-" + two_digits(month);
    if (day == 0) return date;
    constexpr std::array<int, 12> kDaysInMonth = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (day < 1 || day > kDaysInMonth[static_cast<std::size_t>(month - 1)]) return {};
    return date + "-" + two_digits(day);
}

/// "YYYY", "YYYY-MM", "YYYY-MM-DD" (also with '/' or '.'), optionally followed by a time part.
std::string parse_year_first(std::string_view text) {
    const int year = read_number(text, 0, 4);
    if (year < 0) return {};
    if (text.size() == 4) return format_date(year, 0, 0);
    const char separator = text[4];
    if (separator != '-' && separator != '/' && separator != '.') return {};
    const int month = read_number(text, 5, 2);
    if (month < 0) return {};
    if (text.size() == 7) return format_date(year, month, 0);
    if (text[7] != separator) return {};
    const int day = read_number(text, 8, 2);
    if (day < 0) return {};
    // Whatever follows the day must not be another digit: "2023-03-123" is not a date.
    if (text.size() > 10 && is_digit(text[10])) return {};
    return format_date(year, month, day);
}

/// "DD.MM.YYYY", the way Russian and French documents write dates.
std::string parse_day_first(std::string_view text) {
    const int day = read_number(text, 0, 2);
    const int month = read_number(text, 3, 2);
    const int year = read_number(text, 6, 4);
    if (day < 0 || month < 0 || year < 0 || text[2] != '.' || text[5] != '.') return {};
    if (text.size() > 10 && is_digit(text[10])) return {};
    return format_date(year, month, day);
}

std::string_view trim_ascii(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
        text.remove_prefix(1);
    }
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
        text.remove_suffix(1);
    }
    return text;
}

}  // namespace

std::string Diagnostic::to_string() const {
    if (line == 0) return file + ": " + message;
    return file + ":" + std::to_string(line) + ": " + message;
}

void SourceReport::warn(std::string file, std::size_t line, std::string message) {
    diagnostics.push_back({Severity::warning, std::move(file), line, std::move(message)});
}

void SourceReport::reject(std::string file, std::size_t line, std::string message) {
    // A rejected line (a bad JSONL record) drops that line only; the rest of the source is still
    // used.
    if (line == 0) rejected = true;
    diagnostics.push_back({Severity::rejection, std::move(file), line, std::move(message)});
}

std::string normalize_language(std::string_view tag) {
    tag = trim_ascii(tag);
    const std::size_t end = tag.find_first_of("-_");
    std::string primary(tag.substr(0, end));
    for (char& c : primary) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (std::string_view supported : kSupportedLanguages) {
        if (primary == supported) return primary;
    }
    return {};
}

std::string normalize_date(std::string_view text) {
    text = trim_ascii(text);
    if (text.size() < 4) return {};
    if (text.size() >= 10 && text[2] == '.') return parse_day_first(text);
    return parse_year_first(text);
}

void fill_date(Article& article) {
    if (article.date.empty()) article.date = find_publication_date(article.text, article.title);
}

void apply_article_limits(Article& article, const std::string& file, std::size_t line,
                          SourceReport& report) {
    if (article.title.size() > limits::kMaxTitleBytes) {
        article.title.resize(cut_utf8(article.title, limits::kMaxTitleBytes).size());
    }
    if (article.text.size() <= limits::kMaxDocumentBytes) return;
    article.text.resize(cut_utf8(article.text, limits::kMaxDocumentBytes).size());
    // Without a line to point at, say which article of a multi-article page was cut.
    const std::string which = line == 0 && article.number > 0
                                  ? "article " + std::to_string(article.number) + ": "
                                  : std::string();
    report.warn(
        file, line,
        which + "text truncated to " + std::to_string(limits::kMaxDocumentBytes >> 20) + " MiB");
}

}  // namespace agora
