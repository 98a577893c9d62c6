/** @file
 *  @brief Date bounds and ranges on the date slot.
 */
#include "agora/search/date_range.h"

#include "agora/schema.h"

namespace agora {
namespace {

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

int number(std::string_view s) {
    int n = 0;
    for (char c : s) n = n * 10 + (c - '0');
    return n;
}

}  // namespace

std::optional<std::string> date_bound(std::string_view text, bool upper) {
    // YYYY, YYYY-MM or YYYY-MM-DD (also with '/' or '.' between the parts).
    std::string_view parts[3];
    std::size_t count = 0;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == '-' || text[i] == '/' || text[i] == '.') {
            if (count == 3) return std::nullopt;
            parts[count++] = text.substr(start, i - start);
            start = i + 1;
        }
    }
    if (parts[0].size() != 4 || !all_digits(parts[0]) || number(parts[0]) < 1000) return std::nullopt;
    std::string out(parts[0]);
    if (count == 1) return out + (upper ? "1231" : "0101");
    if (parts[1].empty() || parts[1].size() > 2 || !all_digits(parts[1])) return std::nullopt;
    const int month = number(parts[1]);
    if (month < 1 || month > 12) return std::nullopt;
    out += (month < 10 ? "0" : "") + std::to_string(month);
    if (count == 2) return out + (upper ? "31" : "01");
    if (parts[2].empty() || parts[2].size() > 2 || !all_digits(parts[2])) return std::nullopt;
    const int day = number(parts[2]);
    if (day < 1 || day > 31) return std::nullopt;
    return out + (day < 10 ? "0" : "") + std::to_string(day);
}

Xapian::Query date_range_query(const std::string& since, const std::string& until) {
    if (since.empty() && until.empty()) return Xapian::Query::MatchAll;
    if (since.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kSlotDate, until);
    if (until.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kSlotDate, since);
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kSlotDate, since, until);
}

std::optional<std::pair<std::string, std::string>> parse_date_range(std::string_view text) {
    const std::size_t dots = text.find("..");
    if (dots == std::string_view::npos) {
        auto low = date_bound(text, false);
        auto high = date_bound(text, true);
        if (!low || !high) return std::nullopt;
        return std::make_pair(*low, *high);
    }
    const std::string_view a = text.substr(0, dots), b = text.substr(dots + 2);
    if (a.empty() && b.empty()) return std::nullopt;
    std::pair<std::string, std::string> out;
    if (!a.empty()) {
        auto low = date_bound(a, false);
        if (!low) return std::nullopt;
        out.first = *low;
    }
    if (!b.empty()) {
        auto high = date_bound(b, true);
        if (!high) return std::nullopt;
        out.second = *high;
    }
    return out;
}

}  // namespace agora
