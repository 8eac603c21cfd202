#include "query/DateDisplay.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

#include "lexicon/LexiconFile.hpp"
#include "util/Error.hpp"

namespace chronicle {
namespace {

std::optional<CivilDate> date(const char* iso) {
  if (*iso == '\0') return std::nullopt;
  const auto d = CivilDate::parseIso(iso);
  if (!d) throw std::invalid_argument(std::string("bad date in test table: ") + iso);
  return d;
}

// One stored date per row: start and end ("" for none), the precision's text
// form, and what the reader sees.
struct Row {
  const char* start;
  const char* end;
  const char* precision;
  const char* expected;
};

void PrintTo(const Row& r, std::ostream* os) {
  *os << (*r.start ? r.start : "-") << ".." << (*r.end ? r.end : "-") << " " << r.precision;
}

class DateDisplayRow : public ::testing::TestWithParam<Row> {};

TEST_P(DateDisplayRow, ShowsTheDateAsAFrenchReaderExpects) {
  const Row& r = GetParam();
  EXPECT_EQ(displayDate(date(r.start), date(r.end), r.precision), r.expected);
}

INSTANTIATE_TEST_SUITE_P(
    DateDisplay, DateDisplayRow,
    ::testing::Values(
        // A day, and every month's abbreviation; the first is "1er".
        Row{"2022-09-13", "2022-09-13", "day", "13 sept. 2022"},
        Row{"2020-11-01", "2020-11-01", "day", "1er nov. 2020"},
        Row{"2021-01-03", "2021-01-03", "day", "3 janv. 2021"},
        Row{"2020-02-29", "2020-02-29", "day", "29 févr. 2020"},
        Row{"2022-03-14", "2022-03-14", "day", "14 mars 2022"},
        Row{"2021-04-01", "2021-04-01", "day", "1er avr. 2021"},
        Row{"2021-05-09", "2021-05-09", "day", "9 mai 2021"},
        Row{"2019-06-12", "2019-06-12", "day", "12 juin 2019"},
        Row{"2020-07-14", "2020-07-14", "day", "14 juil. 2020"},
        Row{"2021-08-15", "2021-08-15", "day", "15 août 2021"},
        Row{"2020-10-31", "2020-10-31", "day", "31 oct. 2020"},
        Row{"2020-12-10", "2020-12-10", "day", "10 déc. 2020"},
        // Days given as a range: in one month, across months, across years.
        Row{"2021-11-14", "2021-11-16", "day", "14-16 nov. 2021"},
        Row{"2021-03-01", "2021-03-03", "day", "1er-3 mars 2021"},
        Row{"2020-10-30", "2020-11-02", "day", "30 oct.-2 nov. 2020"},
        Row{"2020-12-30", "2021-01-02", "day", "30 déc. 2020-2 janv. 2021"},
        Row{"2020-10-31", "2020-11-01", "day", "31 oct.-1er nov. 2020"},
        // Days stay days even when they fill a month.
        Row{"2020-11-01", "2020-11-30", "day", "1er-30 nov. 2020"},
        // Given backwards: shown the right way round.
        Row{"2021-11-16", "2021-11-14", "day", "14-16 nov. 2021"},
        // Weeks: calendar weeks, Monday to Sunday.
        Row{"2020-10-12", "2020-10-18", "week", "semaine du 12 oct. 2020"},
        Row{"2020-12-28", "2021-01-03", "week", "semaine du 28 déc. 2020"},
        Row{"2021-03-01", "2021-03-07", "week", "semaine du 1er mars 2021"},
        Row{"2020-10-17", "2020-10-18", "week", "entre le 17 et le 18 oct. 2020"},  // a weekend
        Row{"2020-10-14", "2020-10-20", "week", "entre le 14 et le 20 oct. 2020"},  // not from a Monday
        // Months.
        Row{"2020-11-01", "2020-11-30", "month", "nov. 2020"},
        Row{"2020-02-01", "2020-02-29", "month", "févr. 2020"},
        Row{"2021-02-01", "2021-02-28", "month", "févr. 2021"},
        Row{"2020-12-01", "2020-12-31", "month", "déc. 2020"},
        Row{"2020-11-01", "2020-11-10", "month", "entre le 1er et le 10 nov. 2020"},  // "début novembre"
        Row{"2020-09-01", "2020-10-31", "month", "sept.-oct. 2020"},
        Row{"2020-12-01", "2021-01-31", "month", "déc. 2020-janv. 2021"},
        // Seasons, astronomical; winter runs over the new year.
        Row{"2020-09-22", "2020-12-20", "season", "automne 2020"},
        Row{"2021-12-21", "2022-03-20", "season", "hiver 2021-2022"},
        Row{"2021-03-21", "2021-06-20", "season", "printemps 2021"},
        Row{"2019-06-21", "2019-09-21", "season", "été 2019"},
        Row{"2019-12-21", "2020-03-20", "season", "hiver 2019-2020"},  // ends in a leap year
        Row{"2020-09-22", "2020-12-21", "season", "entre le 22 sept. et le 21 déc. 2020"},
        Row{"2021-12-21", "2022-12-20", "season", "entre le 21 déc. 2021 et le 20 déc. 2022"},
        // Years and decades.
        Row{"2020-01-01", "2020-12-31", "year", "2020"},
        Row{"2020-11-01", "2020-12-31", "year", "nov.-déc. 2020"},  // "fin 2020"
        Row{"2019-01-01", "2021-12-31", "year", "2019-2021"},
        Row{"1990-01-01", "1999-12-31", "decade", "années 1990"},
        Row{"2000-01-01", "2009-12-31", "decade", "années 2000"},
        Row{"1995-01-01", "2004-12-31", "decade", "1995-2004"},
        // Ranges: a unit when they are one, else spelt out.
        Row{"2020-09-27", "2020-11-01", "range", "entre le 27 sept. et le 1er nov. 2020"},
        Row{"2020-11-01", "2020-11-08", "range", "entre le 1er et le 8 nov. 2020"},
        Row{"2020-12-27", "2021-01-05", "range", "entre le 27 déc. 2020 et le 5 janv. 2021"},
        Row{"2022-09-13", "2022-09-13", "range", "13 sept. 2022"},
        Row{"2020-10-12", "2020-10-18", "range", "semaine du 12 oct. 2020"},
        Row{"2020-11-01", "2020-11-30", "range", "nov. 2020"},
        Row{"2021-12-21", "2022-03-20", "range", "hiver 2021-2022"},
        Row{"2021-01-01", "2021-12-31", "range", "2021"},
        Row{"2020-11-01", "2020-11-30", "holiday", "nov. 2020"},  // unrecognised: as a range
        // Open intervals: the precision's unit when the start opens one.
        Row{"2020-10-08", "", "day", "depuis le 8 oct. 2020"},
        Row{"2020-11-01", "", "range", "depuis le 1er nov. 2020"},
        Row{"2020-10-12", "", "week", "depuis la semaine du 12 oct. 2020"},
        Row{"2020-10-14", "", "week", "depuis le 14 oct. 2020"},
        Row{"2020-11-01", "", "month", "depuis nov. 2020"},
        Row{"2020-11-05", "", "month", "depuis le 5 nov. 2020"},
        Row{"2020-09-22", "", "season", "depuis l'automne 2020"},
        Row{"2021-03-21", "", "season", "depuis le printemps 2021"},
        Row{"2019-06-21", "", "season", "depuis l'été 2019"},
        Row{"2021-12-21", "", "season", "depuis l'hiver 2021-2022"},
        Row{"2020-01-01", "", "year", "depuis 2020"},
        Row{"1990-01-01", "", "decade", "depuis les années 1990"},
        Row{"", "2020-10-08", "day", "jusqu'au 8 oct. 2020"},
        Row{"", "2020-11-01", "range", "jusqu'au 1er nov. 2020"},
        // Unknown.
        Row{"", "", "unknown", "date inconnue"},
        Row{"", "", "day", "date inconnue"},
        Row{"2020-10-08", "2020-10-08", "unknown", "date inconnue"}));

TEST(DateDisplay, MonthHeadingsAreFullLowerCaseNames) {
  EXPECT_EQ(displayMonthHeading(2020, 11), "novembre 2020");
  EXPECT_EQ(displayMonthHeading(2021, 2), "février 2021");
  EXPECT_EQ(displayMonthHeading(2021, 8), "août 2021");
  EXPECT_EQ(displayMonthHeading(2020, 12), "décembre 2020");
  EXPECT_THROW(displayMonthHeading(2020, 0), InputError);
  EXPECT_THROW(displayMonthHeading(2020, 13), InputError);
}

// The display tables are kept in C++ (the lexicon's abbreviations are
// matching forms, not typographic ones); their full month names and season
// boundaries must still be the lexicon's.
TEST(DateDisplay, AgreesWithTheLexicon) {
  const LexiconSource lexicon;
  const LexiconFile months = lexicon.load("fr/temporal/months.txt");
  for (const LexiconLine& l : months.entries()) {
    const auto f = splitFields(l.text);
    ASSERT_GE(f.size(), 2u) << "months.txt:" << l.number;
    EXPECT_EQ(displayMonthHeading(2020, std::stoi(f[0])), f[1] + " 2020") << "months.txt:" << l.number;
  }
  const LexiconFile seasons = lexicon.load("fr/temporal/seasons.txt");
  for (const LexiconLine& l : seasons.entries()) {
    const auto f = splitFields(l.text);
    ASSERT_GE(f.size(), 4u) << "seasons.txt:" << l.number;
    const auto start = CivilDate::parseIso("2020-" + f[1]);
    const bool wraps = f[2] < f[1];
    const auto end = CivilDate::parseIso((wraps ? "2021-" : "2020-") + f[2]);
    ASSERT_TRUE(start && end) << "seasons.txt:" << l.number;
    EXPECT_EQ(displayDate(start, end, "season"), f[3] + (wraps ? " 2020-2021" : " 2020")) << "seasons.txt:" << l.number;
  }
}

TEST(DateDisplay, SortsByStartThenByEnd) {
  auto key = [](const char* start, const char* end) { return dateSortKey(date(start), date(end)); };
  // In timeline order; neighbours strictly increase.
  const std::vector<DateSortKey> ordered = {
      key("2022-01-01", "2022-01-01"),  // 1er janv. 2022
      key("2022-01-01", "2022-01-31"),  // janv. 2022
      key("2022-01-01", "2022-12-31"),  // 2022
      key("2022-01-01", ""),            // depuis le 1er janv. 2022
      key("2022-09-01", "2022-09-30"),  // sept. 2022
      key("2022-09-13", "2022-09-13"),  // 13 sept. 2022
      key("2022-09-13", "2022-09-15"),  // 13-15 sept. 2022
      key("2022-09-14", "2022-09-14"),  // 14 sept. 2022
      key("", "2020-10-08"),            // jusqu'au 8 oct. 2020
      key("", ""),                      // date inconnue
  };
  for (std::size_t i = 1; i < ordered.size(); ++i) EXPECT_LT(ordered[i - 1], ordered[i]) << i;
  EXPECT_TRUE(std::is_sorted(ordered.begin(), ordered.end()));
  // Backwards intervals sort as they are shown.
  EXPECT_EQ(key("2021-11-16", "2021-11-14"), key("2021-11-14", "2021-11-16"));
}

}  // namespace
}  // namespace chronicle
