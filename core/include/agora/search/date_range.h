/** @file
 *  @brief Date bounds typed by people (`2020`, `2020-06`, `2020-06-08`, `2020..2022`) → the sortable
 *         YYYYMMDD strings of the date value slot.
 */
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>

namespace agora {

/// YYYYMMDD for the start (@p upper false) or the end (@p upper true) of the period @p text names:
/// "2020" → 20200101 / 20201231, "2020-06" → 20200601 / 20200631, "2020-06-08" → 20200608.
/// Nothing when @p text is not such a date (month 1–12, day 1–31, year 1000–9999).
std::optional<std::string> date_bound(std::string_view text, bool upper);

/// A range query on the date slot from optional bounds (empty = open); MatchAll when both are empty.
Xapian::Query date_range_query(const std::string& since, const std::string& until);

/// Parses "A..B", "A..", "..B" or a single period "A" (its whole extent) into bounds; nothing when
/// a bound is malformed.
std::optional<std::pair<std::string, std::string>> parse_date_range(std::string_view text);

}  // namespace agora
