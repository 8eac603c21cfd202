#include "temporal/CivilDate.hpp"

#include <gtest/gtest.h>

namespace chronicle {
namespace {

TEST(CivilDate, MakeRefusesDaysThatDoNotExist) {
  EXPECT_TRUE(CivilDate::make(2020, 2, 29));
  EXPECT_FALSE(CivilDate::make(2021, 2, 29));
  EXPECT_FALSE(CivilDate::make(1900, 2, 29));
  EXPECT_TRUE(CivilDate::make(2000, 2, 29));
  EXPECT_FALSE(CivilDate::make(2020, 2, 30));
  EXPECT_FALSE(CivilDate::make(2020, 4, 31));
  EXPECT_FALSE(CivilDate::make(2020, 13, 1));
  EXPECT_FALSE(CivilDate::make(2020, 0, 1));
  EXPECT_FALSE(CivilDate::make(0, 1, 1));
}

TEST(CivilDate, ParseIsoIsStrict) {
  EXPECT_EQ(CivilDate::parseIso("2020-10-31")->iso(), "2020-10-31");
  for (const char* bad : {"2020-10-32", "2020-02-30", "0000-00-00", "2020-1-31", "20201031", "2020/10/31",
                          "2020-10-31T00:00", "", "abcd-ef-gh", " 2020-10-31"})
    EXPECT_FALSE(CivilDate::parseIso(bad)) << bad;
}

TEST(CivilDate, DayArithmeticAndWeekdays) {
  const auto d = *CivilDate::make(1970, 1, 1);
  EXPECT_EQ(d.toDays(), 0);
  EXPECT_EQ(d.weekday(), 3);  // Thursday
  EXPECT_EQ(CivilDate::make(2020, 10, 31)->weekday(), 5);  // Saturday
  EXPECT_EQ(CivilDate::make(2020, 11, 1)->weekday(), 6);   // Sunday
  EXPECT_EQ(CivilDate::make(2022, 9, 13)->weekday(), 1);   // Tuesday
  EXPECT_EQ(CivilDate::make(2021, 1, 1)->plusDays(-1).iso(), "2020-12-31");
  EXPECT_EQ(CivilDate::make(2020, 2, 28)->plusDays(1).iso(), "2020-02-29");
  EXPECT_EQ(CivilDate::make(2021, 2, 28)->plusDays(1).iso(), "2021-03-01");
  EXPECT_EQ(CivilDate::make(1850, 6, 1)->plusDays(365).iso(), "1851-06-01");
  for (long n = -800000; n < 800000; n += 997) EXPECT_EQ(CivilDate::fromDays(n).toDays(), n);
  EXPECT_LT(*CivilDate::make(2020, 10, 31), *CivilDate::make(2020, 11, 1));
}

}  // namespace
}  // namespace chronicle
