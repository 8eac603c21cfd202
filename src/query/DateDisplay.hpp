#pragma once
// An event's date as a French reader expects it, and the order the timeline
// lists dates in. Input is what the store holds: a start, an end (each may be
// missing) and the precision's text form ("day", "week", "month", "season",
// "year", "decade", "range", "unknown").
//
//   day        "13 sept. 2022"; start != end: "14-16 nov. 2021",
//              "30 oct.-2 nov. 2020", "30 déc. 2020-2 janv. 2021"
//   other      the unit the interval is exactly: "semaine du 12 oct. 2020"
//              (a calendar week, Monday to Sunday), "nov. 2020",
//              "automne 2020", "hiver 2021-2022" (astronomical seasons, as
//              lexicon/fr/temporal/seasons.txt), "2020", "années 1990", a
//              single day; else whole years "2019-2021", whole months
//              "nov.-déc. 2020"; else "entre le 27 sept. et le 1er nov. 2020"
//   no end     "depuis le 8 oct. 2020"; "depuis nov. 2020", "depuis l'automne
//              2020"… when the start opens a unit of the precision
//   no start   "jusqu'au 8 oct. 2020"
//   unknown    "date inconnue", as is an event with neither date
//
// An interval given backwards is shown (and sorted) as if its ends were
// swapped. An unrecognised precision is treated as "range". Months are
// abbreviated as French typography does (janv., févr., mars, avr., mai, juin,
// juil., août, sept., oct., nov., déc.) and the first of a month is "1er".
#include <compare>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

#include "temporal/CivilDate.hpp"

namespace chronicle {

std::string displayDate(std::optional<CivilDate> start, std::optional<CivilDate> end, std::string_view precision);

// A timeline heading: "novembre 2020" (full month name, lower case). Throws
// InputError when month is not 1..12.
std::string displayMonthHeading(int year, int month);

// The timeline's order: by start, then by end, so that of two dates starting
// the same day the narrower comes first ("1er janv. 2022" < "janv. 2022" <
// "2022"), and "13 sept. 2022" follows "sept. 2022" because it starts later.
// A missing end (open interval) sorts after every end; a missing start sorts
// after every start. Precision plays no part: equal dates sort equal, and
// callers break ties themselves (by event id, say).
struct DateSortKey {
  long start = 0;  // days since 1970-01-01; kMissing when unknown
  long end = 0;    // days since 1970-01-01; kMissing when open or unknown
  static constexpr long kMissing = std::numeric_limits<long>::max();

  friend auto operator<=>(const DateSortKey&, const DateSortKey&) = default;
};

DateSortKey dateSortKey(std::optional<CivilDate> start, std::optional<CivilDate> end);

}  // namespace chronicle
