#pragma once
// A proleptic Gregorian calendar day, with the arithmetic the tagger and the
// store need. Invalid days (30 February, month 13) cannot be constructed
// through make(); parseIso() accepts exactly YYYY-MM-DD.
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace chronicle {

struct CivilDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31

  static std::optional<CivilDate> make(int year, int month, int day);
  static std::optional<CivilDate> parseIso(std::string_view text);
  static CivilDate fromDays(long days);  // days since 1970-01-01

  long toDays() const;
  int weekday() const;  // 0 = Monday … 6 = Sunday (ISO order)
  CivilDate plusDays(long n) const { return fromDays(toDays() + n); }
  std::string iso() const;

  friend auto operator<=>(const CivilDate&, const CivilDate&) = default;
};

bool isLeapYear(int year);
int daysInMonth(int year, int month);

}  // namespace chronicle
