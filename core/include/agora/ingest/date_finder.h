/** @file
 *  @brief Publication date of a report told from its text: dates written in English, Russian or
 *         French, scored by where they stand (header, dateline, signature) and what precedes them.
 */
#pragma once

#include <string>
#include <string_view>

namespace agora {

/// The date @p text was published, as "YYYY-MM-DD", or "YYYY-MM" when the best date gives only a
/// month and a year; empty when the text does not tell.
///
/// Recognised forms (any case, French with or without accents): `8 June 2020`, `June 8, 2020`,
/// `8th June 2020`, `Sept. 8, 2020`, `8 juin 2020`, `1er mai 2021`, `8 июня 2020 г.`, `08.06.2020`,
/// `2020-06-08` (also `2020/06/08`), and month-year `June 2020`, `juin 2020`, `июнь 2020`.
/// Impossible dates (31 June, month 13, 29 February of a common year) and years before 1900 or
/// after next year are ignored.
///
/// A date is chosen for where it stands, not for how often it occurs: a publication cue before it
/// (`Published:`, `Date:`, `Опубликовано`, `Publié le`; `Updated`/`Mis à jour` count for less), a
/// dateline (`Almaty, 8 June 2020 —`, `Paris, le 8 juin 2020`), a line of its own in the header or
/// among the last lines, or the @p title (which counts as a header line). Dates inside a sentence
/// or after an event word (`on`, `since`, `в`, `с`, `depuis`, ...) count against. When no date
/// scores enough (only event dates), the result is empty: no date is better than a wrong one.
///
/// Only the first 8 KiB and the last 2 KiB of @p text are looked at, so the cost is bounded.
std::string find_publication_date(std::string_view text, std::string_view title = {});

}  // namespace agora
