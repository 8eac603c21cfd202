#include "temporal/CivilDate.hpp"

#include <charconv>

namespace chronicle {

bool isLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int daysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && isLeapYear(year) ? 29 : kDays[month - 1];
}

std::optional<CivilDate> CivilDate::make(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
    return std::nullopt;
  return CivilDate{year, month, day};
}

std::optional<CivilDate> CivilDate::parseIso(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
  auto num = [&](std::size_t pos, std::size_t len) -> int {
    int v = -1;
    auto [p, ec] = std::from_chars(t.data() + pos, t.data() + pos + len, v);
    return ec == std::errc{} && p == t.data() + pos + len ? v : -1;
  };
  const int y = num(0, 4), m = num(5, 2), d = num(8, 2);
  if (y < 0 || m < 0 || d < 0) return std::nullopt;
  return make(y, m, d);
}

// Howard Hinnant's days_from_civil / civil_from_days.
long CivilDate::toDays() const {
  const int y = month <= 2 ? year - 1 : year;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long mp = (month + 9) % 12;
  const long doy = (153 * mp + 2) / 5 + day - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate CivilDate::fromDays(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const long d = doy - (153 * mp + 2) / 5 + 1;
  const long m = mp < 10 ? mp + 3 : mp - 9;
  const long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return CivilDate{static_cast<int>(y), static_cast<int>(m), static_cast<int>(d)};
}

int CivilDate::weekday() const {
  // 1970-01-01 was a Thursday (index 3).
  const long w = (toDays() + 3) % 7;
  return static_cast<int>(w < 0 ? w + 7 : w);
}

std::string CivilDate::iso() const {
  // By hand: this runs for every date of every mention written out.
  std::string out(10, '-');
  auto put = [&](std::size_t at, int value, int digits) {
    for (int k = digits - 1; k >= 0; --k, value /= 10) out[at + static_cast<std::size_t>(k)] = static_cast<char>('0' + value % 10);
  };
  put(0, year, 4);
  put(5, month, 2);
  put(8, day, 2);
  return out;
}

}  // namespace chronicle
