/** @file
 *  @brief Publication date from a text: a byte scanner for dates in three languages, then a score
 *         for each date from the cue words before it and the place of its line.
 */
#include "agora/ingest/date_finder.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstddef>
#include <vector>

namespace agora {

namespace {

// ---- Bounds and weights -------------------------------------------------------------------------

constexpr std::size_t kHeadBytes = 8192;       ///< start of the text looked at
constexpr std::size_t kTailBytes = 2048;       ///< end of the text looked at
constexpr std::size_t kTopBytes = 300;         ///< a date starting this early is "at the top"
constexpr std::size_t kHeaderLines = 8;        ///< non-empty lines that make the header...
constexpr std::size_t kHeaderBytes = 1500;     ///< ...as long as they start this early
constexpr std::size_t kTailLines = 3;          ///< non-empty lines that make the end (signature)
constexpr std::size_t kMaxPrefixBytes = 160;   ///< part of a line before a date that is analysed
constexpr std::size_t kMaxSuffixBytes = 160;   ///< part of a line after a date that is analysed
constexpr std::size_t kMaxDatelineBytes = 60;  ///< "City, " before a date
constexpr std::size_t kMaxCueGlueBytes = 16;   ///< between a cue word and its date (": ", " on ")
constexpr std::size_t kMaxBylineBytes = 48;    ///< " by the regional office on "
constexpr int kMinYear = 1900;

constexpr int kFullDate = 10;      ///< day, month and year
constexpr int kMonthYear = 4;      ///< month and year only
constexpr int kCuePublished = 40;  ///< "Published:", "Опубликовано", "Publié le", "Date:"
constexpr int kCueWeak = 15;       ///< the same cue in the middle of a long line
constexpr int kCueUpdated = 20;     ///< "Updated:", "Обновлено", "Mis à jour le"
constexpr int kCueUpdatedWeak = 5;  ///< the same in the middle of a long line
constexpr int kEventWord = -30;     ///< "on", "since", "в", "с", "depuis", "le" inside a sentence
constexpr int kTitleDate = 25;      ///< a date closing the title
constexpr int kTitleMention = 5;    ///< a date inside the title's words
constexpr int kDateline = 30;       ///< "Almaty, 8 June 2020", "Paris, le 8 juin 2020"
constexpr int kAtEdge = 5;          ///< dateline in the header or the last lines
constexpr int kOwnLine = 25;        ///< a date alone on a header line or one of the last lines
constexpr int kOwnLineElsewhere = 5;
constexpr int kHeaderAppended = 20;  ///< "Weekly bulletin, 8 June 2020" in the header
constexpr int kInSentence = -10;
constexpr int kAtTop = 10;
constexpr int kThreshold = 20;  ///< below this, a date is not taken for the publication date
/// This many dates heading lines (alone or after a city) make the text a list of events
/// (a chronology): such lines then say nothing about publication.
constexpr std::size_t kListLines = 3;

// ---- UTF-8 and letters --------------------------------------------------------------------------

struct Char {
    char32_t code;
    std::size_t size;
};

/// Character at byte @p i of @p s; an ill-formed byte is U+FFFD of size 1.
Char char_at(std::string_view s, std::size_t i) {
    const auto lead = static_cast<unsigned char>(s[i]);
    if (lead < 0x80) return {lead, 1};
    const std::size_t size = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    if (size == 1 || i + size > s.size()) return {0xFFFD, 1};
    char32_t code = lead & (0x7Fu >> size);
    for (std::size_t k = 1; k < size; ++k) {
        const auto next = static_cast<unsigned char>(s[i + k]);
        if ((next & 0xC0) != 0x80) return {0xFFFD, 1};
        code = (code << 6) | (next & 0x3Fu);
    }
    return {code, size};
}

/// Latin (with Latin-1 and Latin Extended-A/B accents) and Cyrillic letters: what dates, month
/// names and cue words are made of.
bool is_letter(char32_t c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (c >= 0xC0 && c <= 0x24F) return c != 0xD7 && c != 0xF7;
    return c >= 0x400 && c <= 0x4FF;
}

bool is_upper(char32_t c) {
    return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) ||
           (c >= 0x400 && c <= 0x42F);
}

char32_t to_lower(char32_t c) {
    if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7)) return c + 0x20;
    if (c >= 0x410 && c <= 0x42F) return c + 0x20;             // А-Я
    if (c >= 0x400 && c <= 0x40F) return c + 0x50;             // Ѐ-Џ, Ё among them
    if (c >= 0x100 && c <= 0x17F && c % 2 == 0) return c + 1;  // Latin Extended-A pairs, roughly
    return c;
}

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

/// @p s lower-cased for the letters above; every other character is copied as it is.
std::string lower(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const Char c = char_at(s, i);
        if (c.code == 0xFFFD) {
            out += s[i];
        } else {
            append_utf8(out, to_lower(c.code));
        }
        i += c.size;
    }
    return out;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_line_break(char c) { return c == '\n' || c == '\f'; }

/// Bytes of the horizontal space at @p i (space, tab, CR, no-break, narrow no-break, thin), or 0.
std::size_t space_at(std::string_view s, std::size_t i) {
    if (i >= s.size()) return 0;
    const char c = s[i];
    if (c == ' ' || c == '\t' || c == '\r') return 1;
    if (s.substr(i, 2) == "\xC2\xA0") return 2;
    if (s.substr(i, 3) == "\xE2\x80\xAF" || s.substr(i, 3) == "\xE2\x80\x89") return 3;
    return 0;
}

std::size_t skip_spaces(std::string_view s, std::size_t i) {
    while (const std::size_t n = space_at(s, i)) i += n;
    return i;
}

std::size_t count_digits(std::string_view s, std::size_t i) {
    std::size_t n = 0;
    while (i + n < s.size() && is_digit(s[i + n])) ++n;
    return n;
}

int number_at(std::string_view s, std::size_t i, std::size_t n) {
    int value = 0;
    for (std::size_t k = 0; k < n; ++k) value = value * 10 + (s[i + k] - '0');
    return value;
}

/// End of the word (letters only) starting at @p i.
std::size_t word_end(std::string_view s, std::size_t i) {
    while (i < s.size()) {
        const Char c = char_at(s, i);
        if (!is_letter(c.code)) break;
        i += c.size;
    }
    return i;
}

/// The words (letter runs) of @p s, lower-cased.
std::vector<std::string> words_of(std::string_view s) {
    std::vector<std::string> words;
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t end = word_end(s, i);
        if (end > i) {
            words.push_back(lower(s.substr(i, end - i)));
            i = end;
        } else {
            i += char_at(s, i).size;
        }
    }
    return words;
}

bool one_of(std::string_view word, const auto& list) {
    return std::find(std::begin(list), std::end(list), word) != std::end(list);
}

// ---- Vocabulary ---------------------------------------------------------------------------------

enum MonthUse : unsigned char {
    kAfterDay = 1,    ///< "8 June 2020", "8 июня 2020"
    kBeforeDay = 2,   ///< "June 8, 2020" (English only)
    kBeforeYear = 4,  ///< "June 2020", "juin 2020", "июнь 2020" (not the Russian genitive)
};

struct MonthName {
    std::string_view name;  ///< lower case
    int month;
    unsigned char uses;
};

constexpr unsigned char kEnglish = kAfterDay | kBeforeDay | kBeforeYear;
constexpr unsigned char kFrench = kAfterDay | kBeforeYear;
constexpr unsigned char kGenitive = kAfterDay;
constexpr unsigned char kNominative = kAfterDay | kBeforeYear;

constexpr MonthName kMonths[] = {
    // English, full and abbreviated ("Sept." too)
    {"january", 1, kEnglish},
    {"february", 2, kEnglish},
    {"march", 3, kEnglish},
    {"april", 4, kEnglish},
    {"may", 5, kEnglish},
    {"june", 6, kEnglish},
    {"july", 7, kEnglish},
    {"august", 8, kEnglish},
    {"september", 9, kEnglish},
    {"october", 10, kEnglish},
    {"november", 11, kEnglish},
    {"december", 12, kEnglish},
    {"jan", 1, kEnglish},
    {"feb", 2, kEnglish},
    {"mar", 3, kEnglish},
    {"apr", 4, kEnglish},
    {"jun", 6, kEnglish},
    {"jul", 7, kEnglish},
    {"aug", 8, kEnglish},
    {"sep", 9, kEnglish},
    {"sept", 9, kEnglish},
    {"oct", 10, kEnglish},
    {"nov", 11, kEnglish},
    {"dec", 12, kEnglish},
    // French, with and without accents, and the usual abbreviations
    {"janvier", 1, kFrench},
    {"février", 2, kFrench},
    {"fevrier", 2, kFrench},
    {"mars", 3, kFrench},
    {"avril", 4, kFrench},
    {"mai", 5, kFrench},
    {"juin", 6, kFrench},
    {"juillet", 7, kFrench},
    {"août", 8, kFrench},
    {"aout", 8, kFrench},
    {"septembre", 9, kFrench},
    {"octobre", 10, kFrench},
    {"novembre", 11, kFrench},
    {"décembre", 12, kFrench},
    {"decembre", 12, kFrench},
    {"janv", 1, kFrench},
    {"févr", 2, kFrench},
    {"fevr", 2, kFrench},
    {"avr", 4, kFrench},
    {"juil", 7, kFrench},
    {"déc", 12, kFrench},
    // Russian genitive: "8 июня 2020"
    {"января", 1, kGenitive},
    {"февраля", 2, kGenitive},
    {"марта", 3, kGenitive},
    {"апреля", 4, kGenitive},
    {"мая", 5, kGenitive},
    {"июня", 6, kGenitive},
    {"июля", 7, kGenitive},
    {"августа", 8, kGenitive},
    {"сентября", 9, kGenitive},
    {"октября", 10, kGenitive},
    {"ноября", 11, kGenitive},
    {"декабря", 12, kGenitive},
    // Russian nominative: "июнь 2020" on a report's cover
    {"январь", 1, kNominative},
    {"февраль", 2, kNominative},
    {"март", 3, kNominative},
    {"апрель", 4, kNominative},
    {"май", 5, kNominative},
    {"июнь", 6, kNominative},
    {"июль", 7, kNominative},
    {"август", 8, kNominative},
    {"сентябрь", 9, kNominative},
    {"октябрь", 10, kNominative},
    {"ноябрь", 11, kNominative},
    {"декабрь", 12, kNominative},
    // Russian abbreviations: "8 янв. 2020"
    {"янв", 1, kNominative},
    {"фев", 2, kNominative},
    {"февр", 2, kNominative},
    {"мар", 3, kNominative},
    {"апр", 4, kNominative},
    {"июн", 6, kNominative},
    {"июл", 7, kNominative},
    {"авг", 8, kNominative},
    {"сен", 9, kNominative},
    {"сент", 9, kNominative},
    {"окт", 10, kNominative},
    {"ноя", 11, kNominative},
    {"нояб", 11, kNominative},
    {"дек", 12, kNominative},
    {"fév", 2, kFrench},
    {"fev", 2, kFrench},
    {"juill", 7, kFrench},
};

/// Month of the lower-case @p word used as @p use, or 0.
int month_of(std::string_view word, unsigned char use) {
    for (const MonthName& month : kMonths) {
        if (month.name == word && (month.uses & use) != 0) return month.month;
    }
    return 0;
}

bool is_month_word(std::string_view word) {
    return std::any_of(std::begin(kMonths), std::end(kMonths),
                       [&](const MonthName& month) { return month.name == word; });
}

/// Cue words that introduce the date a text was published (lower case).
constexpr std::string_view kPublishedCues[] = {"published",
                                               "publication date",
                                               "date of publication",
                                               "posted",
                                               "released",
                                               "issued",
                                               "dated",
                                               "date",
                                               "опубликовано",
                                               "опубликован",
                                               "опубликована",
                                               "дата публикации",
                                               "дата",
                                               "размещено",
                                               "публикация",
                                               "publié",
                                               "publiée",
                                               "publie",
                                               "publiee",
                                               "date de publication",
                                               "mis en ligne",
                                               "parution",
                                               "paru"};

/// Cue words of a later change: a date of the page, but not its publication.
constexpr std::string_view kUpdatedCues[] = {
    "updated",  "last updated", "modified",   "last modified", "revised", "обновлено", "изменено",
    "обновлён", "mis à jour",   "mis a jour", "modifié",       "modifie", "actualisé", "actualise"};

/// Words allowed between a cue and its date ("Published on 8 June", "Publié le 8 juin").
constexpr std::string_view kCueGlue[] = {"on", "the", "le", "at", "du", "of"};

/// Words that, just before a date, make it the date of an event rather than of the text.
constexpr std::string_view kEventWords[] = {
    // English
    "on", "since", "until", "till", "by", "from", "to", "before", "after", "between", "and", "or",
    "in", "during", "through", "throughout", "around", "about", "at", "than",
    // Russian
    "в", "во", "с", "со", "до", "по", "к", "ко", "после", "перед", "между", "и", "или", "на",
    "около", "накануне", "начиная", "вплоть",
    // French
    "depuis", "au", "aux", "avant", "après", "apres", "entre", "dès", "en", "et", "ou", "vers",
    "pendant"};

/// Words that, anywhere before a date on its line, make it the date of something else than the
/// text: "Date of birth:", "Hearing:", "Дата рождения:", "Né le".
constexpr std::string_view kEventNouns[] = {
    "birth",      "born",      "died",     "death",     "hearing",  "trial",
    "arrest",     "arrested",  "detained", "detention", "рождения", "родился",
    "родилась",   "умер",      "умерла",   "смерти",    "задержан", "задержана",
    "задержания", "заседания", "суда",     "naissance", "né",       "née",
    "décès",      "deces",     "audience", "procès",    "proces",   "arrestation"};

/// Words that may follow a date on a line of its own ("8 июня 2020 г.", "8 June 2020 at 10:00").
constexpr std::string_view kDateTrailers[] = {
    "г",   "гг",  "года", "год",  "at",  "à",    "a",   "в",   "h",   "utc", "gmt", "am",  "pm",
    "мск", "msk", "cet",  "cest", "eet", "eest", "bst", "edt", "est", "pdt", "pst", "almt"};

// ---- Dates in the text --------------------------------------------------------------------------

int current_year() {
    const std::chrono::year_month_day today{
        std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
    return static_cast<int>(today.year());
}

/// Whether year-month-day (day 0: month and year only) is a real date of a plausible year.
bool is_possible(int year, int month, int day) {
    static const int max_year = current_year() + 1;
    if (year < kMinYear || year > max_year || month < 1 || month > 12) return false;
    if (day == 0) return true;
    constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const int days = month == 2 && leap ? 29 : kDays[static_cast<std::size_t>(month - 1)];
    return day >= 1 && day <= days;
}

/// A date found at [start, end) of a scanned view.
struct Found {
    int year = 0;
    int month = 0;
    int day = 0;  ///< 0 when only month and year were written
    std::size_t start = 0;
    std::size_t end = 0;
};

enum class Parse { none, impossible, date };

/// Four digits at @p i that are not followed by another digit.
bool year_at(std::string_view s, std::size_t i, int& year) {
    if (count_digits(s, i) != 4) return false;
    year = number_at(s, i, 4);
    return true;
}

/// Checks @p found, which was written with a day when @p has_day, and returns the outcome.
Parse settle(const Found& found, bool has_day = true) {
    if (has_day && found.day == 0) return Parse::impossible;  // "00.06.2020", "0 June 2020"
    return is_possible(found.year, found.month, found.day) ? Parse::date : Parse::impossible;
}

/// "2020-06-08" or "2020/06/08" at @p i (four digits there).
Parse parse_iso(std::string_view s, std::size_t i, Found& found) {
    if (i + 10 > s.size()) return Parse::none;
    const char separator = s[i + 4];
    if ((separator != '-' && separator != '/') || s[i + 7] != separator) return Parse::none;
    if (count_digits(s, i + 5) != 2 || count_digits(s, i + 8) != 2) return Parse::none;
    std::size_t end = i + 10;
    // A time part belongs to the date: "2022-01-05T10:30:00Z", "2022-01-05T10:30+06:00".
    if (end + 1 < s.size() && s[end] == 'T' && is_digit(s[end + 1])) {
        ++end;
        while (end < s.size() && (is_digit(s[end]) || s[end] == ':' || s[end] == '.' ||
                                  s[end] == '+' || s[end] == '-' || s[end] == 'Z')) {
            ++end;
        }
    }
    found = {number_at(s, i, 4), number_at(s, i + 5, 2), number_at(s, i + 8, 2), i, end};
    return settle(found);
}

/// Ordinal ending after a day number ("8th", "1er", "1-го"): the position after it, else @p i.
std::size_t skip_ordinal(std::string_view s, std::size_t i) {
    if (s.substr(i, 5) == "-\xD0\xB3\xD0\xBE") return i + 5;  // "-го"
    const std::size_t end = word_end(s, i);
    const std::string word = lower(s.substr(i, end - i));
    if (word == "st" || word == "nd" || word == "rd" || word == "th" || word == "er" ||
        word == "re") {
        return end;
    }
    return i;
}

/// After a month word ending at @p i: an abbreviation's dot.
std::size_t skip_dot(std::string_view s, std::size_t i) {
    return i < s.size() && s[i] == '.' ? i + 1 : i;
}

/// A date starting with a one- or two-digit day at @p i: "08.06.2020", "8 June 2020",
/// "8th of June, 2020", "1er mai 2021", "8 июня 2020".
Parse parse_day_first(std::string_view s, std::size_t i, std::size_t digits, Found& found) {
    const int day = number_at(s, i, digits);
    std::size_t j = i + digits;
    if (j < s.size() && s[j] == '.') {
        const std::size_t month_digits = count_digits(s, j + 1);
        if (month_digits < 1 || month_digits > 2) return Parse::none;
        const std::size_t k = j + 1 + month_digits;
        int year = 0;
        if (k >= s.size() || s[k] != '.' || !year_at(s, k + 1, year)) return Parse::none;
        found = {year, number_at(s, j + 1, month_digits), day, i, k + 5};
        return settle(found);
    }
    j = skip_ordinal(s, j);
    std::size_t k = skip_spaces(s, j);
    if (k == j) return Parse::none;
    const std::size_t after_of = word_end(s, k);
    if (lower(s.substr(k, after_of - k)) == "of") {
        const std::size_t next = skip_spaces(s, after_of);
        if (next == after_of) return Parse::none;
        k = next;
    }
    const std::size_t month_end = word_end(s, k);
    if (month_end == k || month_end - k > 20) return Parse::none;
    const int month = month_of(lower(s.substr(k, month_end - k)), kAfterDay);
    if (month == 0) return Parse::none;
    j = skip_dot(s, month_end);
    if (j < s.size() && s[j] == ',') ++j;
    k = skip_spaces(s, j);
    int year = 0;
    if (k == j || !year_at(s, k, year)) return Parse::none;
    found = {year, month, day, i, k + 4};
    return settle(found);
}

/// A date starting with the month word [i, month_end): "June 8, 2020", "Sept. 8th 2020",
/// "June 2020", "juin 2020", "июнь 2020".
Parse parse_month_first(std::string_view s, std::size_t i, std::size_t month_end,
                        const std::string& word, Found& found) {
    const std::size_t j = skip_dot(s, month_end);
    std::size_t k = skip_spaces(s, j);
    if (k == j) return Parse::none;
    const std::size_t digits = count_digits(s, k);
    if (digits == 4) {
        const int month = month_of(word, kBeforeYear);
        if (month == 0) return Parse::none;
        found = {number_at(s, k, 4), month, 0, i, k + 4};
        return settle(found, false);
    }
    if (digits < 1 || digits > 2) return Parse::none;
    const int month = month_of(word, kBeforeDay);
    if (month == 0) return Parse::none;
    const int day = number_at(s, k, digits);
    std::size_t m = skip_ordinal(s, k + digits);
    if (m < s.size() && s[m] == ',') ++m;
    const std::size_t y = skip_spaces(s, m);
    int year = 0;
    if (y == m || !year_at(s, y, year)) return Parse::none;
    found = {year, month, day, i, y + 4};
    return settle(found);
}

// ---- Where a date stands ------------------------------------------------------------------------

/// What stands before a date on its line.
enum class Before {
    nothing,   ///< the date starts the line (bullets and "Le"/"The" aside)
    cue,       ///< a publication or update cue
    dateline,  ///< "Almaty, ", "Paris, le ", "г. Алматы, "
    appended,  ///< words ending with a separator: "Weekly bulletin, ", "Report | "
    sentence,  ///< words of running text
};

/// What follows a date on its line.
enum class After {
    nothing,   ///< end of line (a year word, a time, punctuation aside)
    dash,      ///< a separator and more text: "8 June 2020 — Police detained..."
    sentence,  ///< words of running text
};

enum class Cue { none, published, updated };

struct Context {
    Before before = Before::nothing;
    After after = After::nothing;
    Cue cue = Cue::none;
    bool strong_cue = false;  ///< the cue opens its line (or stands in the header)
    bool event = false;       ///< an event word just before the date
};

/// Strips, from the front of @p s, spaces and the marks lists and Markdown put before a line.
std::string_view trim_front(std::string_view s) {
    for (;;) {
        if (const std::size_t n = space_at(s, 0)) {
            s.remove_prefix(n);
        } else if (!s.empty() && std::string_view("*-#>|_+").find(s[0]) != std::string_view::npos) {
            s.remove_prefix(1);
        } else if (s.substr(0, 3) == "\xE2\x80\xA2" || s.substr(0, 3) == "\xE2\x80\x94" ||
                   s.substr(0, 3) == "\xE2\x80\x93") {  // • — –
            s.remove_prefix(3);
        } else {
            return s;
        }
    }
}

/// Strips trailing spaces (and Markdown emphasis) from @p s.
std::string_view trim_back(std::string_view s) {
    for (;;) {
        if (!s.empty() && std::string_view(" \t\r*_").find(s.back()) != std::string_view::npos) {
            s.remove_suffix(1);
        } else if (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0") {
            s.remove_suffix(2);
        } else if (s.size() >= 3 && (s.substr(s.size() - 3) == "\xE2\x80\xAF" ||
                                     s.substr(s.size() - 3) == "\xE2\x80\x89")) {
            s.remove_suffix(3);
        } else {
            return s;
        }
    }
}

/// Whether the byte before @p pos of @p s ends a letter.
bool letter_before(std::string_view s, std::size_t pos) {
    if (pos == 0) return false;
    std::size_t start = pos - 1;
    while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80 && pos - start < 4) {
        --start;
    }
    return is_letter(char_at(s, start).code);
}

/// Whether @p rest, between a cue and its date, holds only punctuation and glue words, or a byline
/// ending with one ("Posted by the regional office on", "Publié par la rédaction le").
bool is_cue_glue(std::string_view rest) {
    if (!rest.empty() && is_letter(char_at(rest, 0).code)) return false;  // "dated" is not "date"
    const std::vector<std::string> words = words_of(rest);
    const bool byline = !words.empty() && (words.front() == "by" || words.front() == "par") &&
                        words.size() <= 6 && one_of(words.back(), kCueGlue);
    if (rest.size() > (byline ? kMaxBylineBytes : kMaxCueGlueBytes)) return false;
    for (std::size_t i = 0; i < rest.size();) {
        const Char c = char_at(rest, i);
        if (is_letter(c.code)) {
            const std::size_t end = word_end(rest, i);
            if (!byline && !one_of(rest.substr(i, end - i), kCueGlue)) return false;
            i = end;
        } else if (is_digit(rest[i])) {
            return false;
        } else {
            i += c.size;
        }
    }
    return true;
}

/// The cue nearest the end of lower-cased @p prefix that is followed only by glue, and where it
/// starts.
Cue find_cue(std::string_view prefix, std::size_t& where) {
    Cue best = Cue::none;
    std::size_t best_end = 0;
    const auto look = [&](const auto& cues, Cue kind) {
        for (std::string_view cue : cues) {
            const std::size_t pos = prefix.rfind(cue);
            if (pos == std::string_view::npos || letter_before(prefix, pos)) continue;
            const std::size_t end = pos + cue.size();
            if (!is_cue_glue(prefix.substr(end))) continue;
            if (best == Cue::none || end > best_end || (end == best_end && pos < where)) {
                best = kind;
                best_end = end;
                where = pos;
            }
        }
    };
    look(kPublishedCues, Cue::published);
    look(kUpdatedCues, Cue::updated);
    return best;
}

/// Small words a place name or a signature may hold: "Fait à Paris", "Ростов-на-Дону",
/// "Saint-Martin-de-Ré", "г. Алматы".
constexpr std::string_view kPlaceGlue[] = {"г",  "à",   "a",  "de", "du", "la",
                                           "le", "sur", "en", "на", "st"};

/// Whether @p s (the part of a line before "DATE", without the trailing comma) names a place:
/// one to five words, some capitalised and the others small joining words, no event word among them
/// ("Almaty", "NUR-SULTAN", "Bishkek / Almaty", "г. Алматы", "Fait à Paris").
bool is_place(std::string_view s) {
    s = trim_back(s);
    if (s.empty() || s.size() > kMaxDatelineBytes) return false;
    std::size_t words = 0;
    bool capitalised = false;  // at least one word is a name
    for (std::size_t i = 0; i < s.size();) {
        if (const std::size_t n = space_at(s, i)) {
            i += n;
            continue;
        }
        if (s[i] == '/' || s[i] == '-' || s[i] == '.' || s[i] == '(' || s[i] == ')') {
            ++i;
            continue;
        }
        const Char c = char_at(s, i);
        const std::size_t end = word_end(s, i);
        if (end == i) return false;
        const std::string word = lower(s.substr(i, end - i));
        if (is_upper(c.code)) {
            capitalised = true;
            if (one_of(word, kEventWords)) return false;  // "In Almaty, 5 January"
        } else if (!one_of(word, kPlaceGlue)) {
            return false;
        }
        ++words;
        i = end;
    }
    return capitalised && words <= 5;
}

/// Last word of @p s, lower-cased, when @p s ends with a letter; else empty.
std::string last_word(std::string_view s) {
    if (!letter_before(s, s.size())) return {};
    std::size_t start = s.size();
    while (start > 0 && letter_before(s, start)) {
        --start;
        while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    }
    return lower(s.substr(start));
}

/// Number of words in @p s.
std::size_t count_words(std::string_view s) { return words_of(s).size(); }

/// Reads the part of the line before a date: cue, dateline, event word, or sentence.
void read_before(std::string_view prefix, bool whole_line_start, Context& context) {
    std::string_view p = trim_back(trim_front(prefix));
    const std::string lowered = lower(p);
    std::size_t cue_pos = 0;
    context.cue = find_cue(lowered, cue_pos);
    if (context.cue != Cue::none) {
        context.before = Before::cue;
        // "Published:", "Page last updated" open a line; "The report was published on" is a
        // sentence.
        const std::size_t words_before =
            whole_line_start ? count_words(std::string_view(lowered).substr(0, cue_pos)) : 99;
        context.strong_cue = words_before <= 2;
        return;
    }
    // "Paris, le 8 juin", "On the 8th of June": the article belongs to what comes before it.
    bool article = false;
    const std::string last = last_word(p);
    if (last == "le" || last == "the") {
        article = true;
        p = trim_back(p.substr(0, p.size() - last.size()));
    }
    if (p.empty()) {
        context.before = whole_line_start ? Before::nothing : Before::sentence;
        return;
    }
    const char end = p.back();
    if (end == ',' && whole_line_start && is_place(p.substr(0, p.size() - 1))) {
        context.before = Before::dateline;
        return;
    }
    // A range: "5-8 June 2020", "5–8 juin".
    const bool dash_end = end == '-' || (p.size() >= 3 && p.substr(p.size() - 3) == "\xE2\x80\x93");
    if (dash_end) {
        const std::string_view rest = trim_back(p.substr(0, p.size() - (end == '-' ? 1 : 3)));
        if (!rest.empty() && is_digit(rest.back())) {
            context.event = true;
            context.before = Before::sentence;
            return;
        }
    }
    const std::string word = last_word(p);
    if (!word.empty() && one_of(word, kEventWords)) context.event = true;
    for (const std::string& noun : words_of(p)) {
        if (one_of(noun, kEventNouns)) context.event = true;
    }
    if (article) context.event = true;  // "décision le 8 juin": a date inside a sentence
    const bool separator = end == ',' || end == ':' || end == '|' || end == '/' || dash_end ||
                           (p.size() >= 3 && p.substr(p.size() - 3) == "\xE2\x80\x94");
    context.before = separator && !context.event ? Before::appended : Before::sentence;
}

/// Reads the part of the line after a date: nothing, a separator and more text, or a sentence.
void read_after(std::string_view suffix, bool cut, Context& context) {
    const std::string_view s = trim_front(suffix);
    const std::string_view raw = suffix.substr(skip_spaces(suffix, 0));
    if (s.empty() && !cut) {
        context.after = After::nothing;
        return;
    }
    if (!raw.empty() &&
        (raw[0] == '-' || raw[0] == ':' || raw[0] == '|' || raw.substr(0, 3) == "\xE2\x80\x94" ||
         raw.substr(0, 3) == "\xE2\x80\x93")) {
        context.after = After::dash;
        return;
    }
    for (const std::string& word : words_of(s)) {
        if (!one_of(word, kDateTrailers)) {
            context.after = After::sentence;
            return;
        }
    }
    context.after = cut ? After::sentence : After::nothing;
}

// ---- Candidates and their scores ----------------------------------------------------------------

struct Candidate {
    Found date;
    std::size_t offset = 0;  ///< in the whole text (for the title: 0)
    bool title = false;
    bool header = false;  ///< among the first lines
    bool tail = false;    ///< among the last lines
    bool top = false;     ///< within the first kTopBytes
    Context context;
};

/// Where the last kTailLines non-empty lines of @p text start (looking back at most kTailBytes).
std::size_t tail_start(std::string_view text) {
    const std::size_t limit = text.size() > kTailBytes ? text.size() - kTailBytes : 0;
    std::size_t end = text.size();
    std::size_t lines = 0;
    std::size_t start = text.size();
    while (end > limit && lines < kTailLines) {
        const std::size_t previous = text.find_last_of("\n\f", end - 1);
        const std::size_t line_start = previous == std::string_view::npos ? 0 : previous + 1;
        if (!trim_back(trim_front(text.substr(line_start, end - line_start))).empty()) {
            ++lines;
            start = line_start;
        }
        if (previous == std::string_view::npos) break;
        end = previous;
    }
    return start;
}

/// A view's place in the text: what counts as header and as tail.
struct Window {
    std::string_view text;
    std::size_t offset = 0;     ///< of text[0] in the whole text
    std::size_t tail_from = 0;  ///< offset (whole text) where the last lines start
    bool title = false;
};

void add_candidate(const Window& window, const Found& found, std::size_t line_start,
                   std::size_t line_index, std::vector<Candidate>& out) {
    Candidate candidate;
    candidate.date = found;
    candidate.title = window.title;
    candidate.offset = window.offset + found.start;
    if (window.title) {
        candidate.header = true;
    } else {
        candidate.header = line_index < kHeaderLines && candidate.offset < kHeaderBytes;
        candidate.top = candidate.offset < kTopBytes;
        candidate.tail = window.offset + line_start >= window.tail_from;
    }
    const std::string_view s = window.text;
    // The line around the date, bounded on both sides.
    std::size_t from = line_start;
    const bool whole_line_start = found.start - line_start <= kMaxPrefixBytes;
    if (!whole_line_start) {
        from = found.start - kMaxPrefixBytes;
        while (from < found.start && (static_cast<unsigned char>(s[from]) & 0xC0) == 0x80) ++from;
    }
    read_before(s.substr(from, found.start - from), whole_line_start, candidate.context);
    std::size_t to = found.end;
    while (to < s.size() && !is_line_break(s[to]) && to - found.end < kMaxSuffixBytes) ++to;
    const bool cut = to < s.size() && !is_line_break(s[to]);
    read_after(s.substr(found.end, to - found.end), cut, candidate.context);
    out.push_back(candidate);
}

/// Finds every date of @p window in one pass, noting the line each one is on.
void scan(const Window& window, std::vector<Candidate>& out) {
    const std::string_view s = window.text;
    std::size_t line_start = 0;
    std::size_t line_index = 0;  // non-empty lines before this one
    bool line_has_text = false;
    bool after_word = false;  // the previous character was a letter or a digit
    std::size_t i = 0;
    // A parsed date is kept as a candidate unless it runs into more digits ("2020-06-081",
    // "08.06.20201"); any parse, even of an impossible date, moves past its text.
    const auto take = [&](Parse parse, const Found& found) {
        if (parse == Parse::none) return false;
        const bool runs_on = found.end < s.size() && is_digit(s[found.end]);
        if (parse == Parse::date && !runs_on) add_candidate(window, found, line_start, line_index, out);
        i = found.end;
        after_word = true;
        return true;
    };
    while (i < s.size()) {
        const char c = s[i];
        if (is_line_break(c)) {
            if (line_has_text) ++line_index;
            line_has_text = false;
            after_word = false;
            line_start = ++i;
            continue;
        }
        if (const std::size_t n = space_at(s, i)) {
            after_word = false;
            i += n;
            continue;
        }
        line_has_text = true;
        if (is_digit(c)) {
            const std::size_t digits = count_digits(s, i);
            if (!after_word) {
                Found found;
                Parse parse = Parse::none;
                if (digits == 4) parse = parse_iso(s, i, found);
                if (digits <= 2) parse = parse_day_first(s, i, digits, found);
                if (take(parse, found)) continue;
            }
            i += digits;
            after_word = true;
            continue;
        }
        const Char ch = char_at(s, i);
        if (!is_letter(ch.code)) {
            after_word = false;
            i += ch.size;
            continue;
        }
        const std::size_t end = word_end(s, i);
        if (!after_word && end - i <= 20) {
            const std::string word = lower(s.substr(i, end - i));
            if (is_month_word(word)) {
                Found found;
                if (take(parse_month_first(s, i, end, word, found), found)) continue;
            }
        }
        i = end;
        after_word = true;
    }
}

/// Whether the date heads its line: alone on it, or followed by a separator and the event.
bool heads_line(const Candidate& c) {
    return (c.context.before == Before::nothing || c.context.before == Before::dateline) &&
           c.context.after != After::sentence;
}

int score(const Candidate& c, bool list) {
    const Context& x = c.context;
    int points = c.date.day != 0 ? kFullDate : kMonthYear;
    if (x.cue == Cue::published) {
        points += x.strong_cue ? kCuePublished : kCueWeak;
    } else if (x.cue == Cue::updated) {
        points += x.strong_cue ? kCueUpdated : kCueUpdatedWeak;
    } else if (x.event) {
        points += kEventWord;
    }
    if (c.title) points += x.after == After::sentence ? kTitleMention : kTitleDate;
    const bool edge = c.header || c.tail;
    const bool heads = heads_line(c);
    if (x.before == Before::dateline) {
        points += list ? kOwnLineElsewhere : kDateline + (edge ? kAtEdge : 0);
    } else if (heads) {
        points += edge && !list ? kOwnLine : kOwnLineElsewhere;
    } else if (x.before == Before::appended && x.after != After::sentence && edge) {
        points += kHeaderAppended;
    }
    const bool in_sentence = x.before == Before::sentence ||
                             (x.before == Before::appended && !edge) ||
                             (x.after == After::sentence &&
                              (x.before == Before::nothing || x.before == Before::appended ||
                               (x.before == Before::cue && !x.strong_cue)));
    if (in_sentence) points += kInSentence;
    if (c.top && !in_sentence && !(list && heads)) points += kAtTop;
    return points;
}

std::string two_digits(int value) {
    return {static_cast<char>('0' + value / 10), static_cast<char>('0' + value % 10)};
}

std::string format(const Found& date) {
    std::string out = std::to_string(date.year) + "-" + two_digits(date.month);
    if (date.day != 0) out += "-" + two_digits(date.day);
    return out;
}

/// The longest prefix of @p text of at most @p bytes that ends at a line break when one is near the
/// end, else at a character boundary.
std::string_view head_of(std::string_view text, std::size_t bytes) {
    if (text.size() <= bytes) return text;
    const std::size_t line_break = text.find_last_of("\n\f", bytes - 1);
    if (line_break != std::string_view::npos && line_break >= bytes / 2) {
        return text.substr(0, line_break + 1);
    }
    std::size_t end = bytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    return text.substr(0, end);
}

}  // namespace

std::string find_publication_date(std::string_view text, std::string_view title) {
    std::vector<Candidate> candidates;
    if (!title.empty()) {
        Window window;
        window.text = head_of(title, kMaxPrefixBytes * 4);
        window.title = true;
        scan(window, candidates);
    }
    const std::size_t title_candidates = candidates.size();

    Window head;
    head.text = head_of(text, kHeadBytes);
    head.tail_from = tail_start(text);
    scan(head, candidates);
    if (head.text.size() < text.size()) {
        // The last lines, from a line start after the head.
        std::size_t from =
            std::max(head.text.size(), text.size() - std::min(text.size(), kTailBytes));
        const std::size_t line_break = text.find_first_of("\n\f", from);
        if (line_break != std::string_view::npos) {
            from = line_break + 1;
        } else {
            while (from < text.size() && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) {
                ++from;
            }
        }
        Window tail;
        tail.text = text.substr(from);
        tail.offset = from;
        tail.tail_from = head.tail_from;
        scan(tail, candidates);
    }

    // Dates heading several lines with different dates make a chronology, not a header.
    std::vector<std::string> heading_dates;
    for (std::size_t i = title_candidates; i < candidates.size(); ++i) {
        if (!heads_line(candidates[i])) continue;
        const std::string date = format(candidates[i].date);
        if (!one_of(date, heading_dates)) heading_dates.push_back(date);
    }
    const bool list = heading_dates.size() >= kListLines;

    const Candidate* best = nullptr;
    int best_score = kThreshold - 1;
    for (const Candidate& candidate : candidates) {
        const int points = score(candidate, list);
        // Ties go to the earlier date (the title first), as the candidates come in that order.
        if (points > best_score) {
            best = &candidate;
            best_score = points;
        }
    }
    return best == nullptr ? std::string() : format(best->date);
}

}  // namespace agora
