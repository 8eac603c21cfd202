#include "query/DateDisplay.hpp"

#include <array>
#include <cstddef>
#include <utility>

#include "util/Error.hpp"

namespace chronicle {
namespace {

// Display forms, kept apart from the lexicon on purpose: the abbreviations in
// lexicon/fr/temporal/months.txt are what articles write and the tagger must
// match ("mar", "sep", "aout"); these are what French typography prints. The
// full names and the season boundaries are the lexicon's, and
// DateDisplay_test checks that they still agree with it.
struct MonthName {
  std::string_view full, abbreviated;
};

constexpr std::array<MonthName, 12> kMonths{{
    {"janvier", "janv."},
    {"février", "févr."},
    {"mars", "mars"},
    {"avril", "avr."},
    {"mai", "mai"},
    {"juin", "juin"},
    {"juillet", "juil."},
    {"août", "août"},
    {"septembre", "sept."},
    {"octobre", "oct."},
    {"novembre", "nov."},
    {"décembre", "déc."},
}};

// Astronomical seasons, as lexicon/fr/temporal/seasons.txt; winter runs over
// the new year.
struct Season {
  int startMonth, startDay, endMonth, endDay;
  std::string_view name;         // "automne 2020"
  std::string_view withArticle;  // "depuis l'automne 2020"
};

constexpr std::array<Season, 4> kSeasons{{
    {3, 21, 6, 20, "printemps", "le printemps"},
    {6, 21, 9, 21, "été", "l'été"},
    {9, 22, 12, 20, "automne", "l'automne"},
    {12, 21, 3, 20, "hiver", "l'hiver"},
}};

enum class Unit { Day, Week, Month, Season, Year, Decade, Range };

Unit unitOf(std::string_view precision) {
  if (precision == "day") return Unit::Day;
  if (precision == "week") return Unit::Week;
  if (precision == "month") return Unit::Month;
  if (precision == "season") return Unit::Season;
  if (precision == "year") return Unit::Year;
  if (precision == "decade") return Unit::Decade;
  return Unit::Range;
}

std::string_view abbreviated(int month) { return kMonths[static_cast<std::size_t>(month - 1)].abbreviated; }

std::string dayOfMonth(const CivilDate& d) { return d.day == 1 ? std::string("1er") : std::to_string(d.day); }

std::string dayMonth(const CivilDate& d) { return dayOfMonth(d) + " " + std::string(abbreviated(d.month)); }

std::string dayMonthYear(const CivilDate& d) { return dayMonth(d) + " " + std::to_string(d.year); }

std::string monthYear(const CivilDate& d) { return std::string(abbreviated(d.month)) + " " + std::to_string(d.year); }

bool opensMonth(const CivilDate& d) { return d.day == 1; }
bool closesMonth(const CivilDate& d) { return d.day == daysInMonth(d.year, d.month); }
bool opensYear(const CivilDate& d) { return d.month == 1 && d.day == 1; }
bool closesYear(const CivilDate& d) { return d.month == 12 && d.day == 31; }
bool opensDecade(const CivilDate& d) { return opensYear(d) && d.year % 10 == 0; }
bool opensWeek(const CivilDate& d) { return d.weekday() == 0; }

const Season* seasonStartingOn(const CivilDate& d) {
  for (const Season& s : kSeasons)
    if (s.startMonth == d.month && s.startDay == d.day) return &s;
  return nullptr;
}

// "2020", or "2021-2022" for a winter starting in 2021.
std::string seasonYears(const Season& s, int startYear) {
  if (s.endMonth >= s.startMonth) return std::to_string(startYear);
  return std::to_string(startYear) + "-" + std::to_string(startYear + 1);
}

// The one calendar unit [a, b] is exactly, if any. Their lengths differ, so
// at most one matches.
std::optional<std::string> unitLabel(const CivilDate& a, const CivilDate& b) {
  if (a == b) return dayMonthYear(a);
  if (opensWeek(a) && b.toDays() - a.toDays() == 6) return "semaine du " + dayMonthYear(a);
  if (opensMonth(a) && b.year == a.year && b.month == a.month && closesMonth(b)) return monthYear(a);
  if (const Season* s = seasonStartingOn(a)) {
    const int endYear = s->endMonth >= s->startMonth ? a.year : a.year + 1;
    if (b == CivilDate{endYear, s->endMonth, s->endDay}) return std::string(s->name) + " " + seasonYears(*s, a.year);
  }
  if (opensYear(a) && closesYear(b) && b.year == a.year) return std::to_string(a.year);
  if (opensDecade(a) && closesYear(b) && b.year == a.year + 9) return "années " + std::to_string(a.year);
  return std::nullopt;
}

// Days given as such: "14-16 nov. 2021", "30 oct.-2 nov. 2020".
std::string dayRange(const CivilDate& a, const CivilDate& b) {
  if (a.year != b.year) return dayMonthYear(a) + "-" + dayMonthYear(b);
  if (a.month != b.month) return dayMonth(a) + "-" + dayMonthYear(b);
  return dayOfMonth(a) + "-" + dayMonthYear(b);
}

// An interval somewhere within which the event falls. Whole years and whole
// months read better as such ("fin 2020" is tagged 1/11-31/12, "nov.-déc.
// 2020"); anything else is spelt out.
std::string vagueRange(const CivilDate& a, const CivilDate& b) {
  if (opensYear(a) && closesYear(b)) return std::to_string(a.year) + "-" + std::to_string(b.year);
  if (opensMonth(a) && closesMonth(b)) {
    if (a.year != b.year) return monthYear(a) + "-" + monthYear(b);
    return std::string(abbreviated(a.month)) + "-" + monthYear(b);
  }
  std::string first = a.year != b.year ? dayMonthYear(a) : a.month != b.month ? dayMonth(a) : dayOfMonth(a);
  return "entre le " + first + " et le " + dayMonthYear(b);
}

// An open interval: the precision's unit when the start opens one, else the
// day.
std::string since(const CivilDate& a, Unit unit) {
  switch (unit) {
    case Unit::Week:
      if (opensWeek(a)) return "depuis la semaine du " + dayMonthYear(a);
      break;
    case Unit::Month:
      if (opensMonth(a)) return "depuis " + monthYear(a);
      break;
    case Unit::Season:
      if (const Season* s = seasonStartingOn(a))
        return "depuis " + std::string(s->withArticle) + " " + seasonYears(*s, a.year);
      break;
    case Unit::Year:
      if (opensYear(a)) return "depuis " + std::to_string(a.year);
      break;
    case Unit::Decade:
      if (opensDecade(a)) return "depuis les années " + std::to_string(a.year);
      break;
    case Unit::Day:
    case Unit::Range:
      break;
  }
  return "depuis le " + dayMonthYear(a);
}

void putInOrder(std::optional<CivilDate>& start, std::optional<CivilDate>& end) {
  if (start && end && *end < *start) std::swap(start, end);
}

}  // namespace

std::string displayDate(std::optional<CivilDate> start, std::optional<CivilDate> end, std::string_view precision) {
  if (precision == "unknown" || (!start && !end)) return "date inconnue";
  putInOrder(start, end);
  if (!start) return "jusqu'au " + dayMonthYear(*end);
  const Unit unit = unitOf(precision);
  if (!end) return since(*start, unit);
  // A day precision says the source gave the days: show them, even when they
  // happen to fill a week or a month.
  if (unit == Unit::Day) return *start == *end ? dayMonthYear(*start) : dayRange(*start, *end);
  if (auto label = unitLabel(*start, *end)) return *std::move(label);
  return vagueRange(*start, *end);
}

std::string displayMonthHeading(int year, int month) {
  if (month < 1 || month > 12) throw InputError("month " + std::to_string(month) + " is not 1..12");
  return std::string(kMonths[static_cast<std::size_t>(month - 1)].full) + " " + std::to_string(year);
}

DateSortKey dateSortKey(std::optional<CivilDate> start, std::optional<CivilDate> end) {
  putInOrder(start, end);
  return DateSortKey{start ? start->toDays() : DateSortKey::kMissing, end ? end->toDays() : DateSortKey::kMissing};
}

}  // namespace chronicle
