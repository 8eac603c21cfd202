#include "temporal/AbsoluteDateScanner.hpp"

#include <gtest/gtest.h>

namespace chronicle {
namespace {

const AbsoluteDateScanner& scanner() {
  static const LexiconSource lexicon;
  static const AbsoluteDateScanner s(lexicon);
  return s;
}

struct Row {
  const char* text;
  const char* date;     // nullptr: no date must be found
  const char* matched;  // the text span of the match
};

TEST(AbsoluteDateScanner, Table) {
  const Row rows[] = {
      {"Erevan, 31 oct 2020 (AFP)", "2020-10-31", "31 oct 2020"},
      {"dimanche 1 novembre 2020", "2020-11-01", "dimanche 1 novembre 2020"},
      {"Publié le 1er mars 2021 à 10h", "2021-03-01", "1er mars 2021"},
      {"le 27 sept. 2020,", "2020-09-27", "27 sept. 2020"},
      {"le 3 Février 2021", "2021-02-03", "3 Février 2021"},
      {"le 15 aout 2021", "2021-08-15", "15 aout 2021"},
      {"16 nov 21", "2021-11-16", "16 nov 21"},
      {"DERNIERE MINUTE (16-11-21 / 20H30)", "2021-11-16", "16-11-21"},
      {"le 31/10/2020 à Goris", "2020-10-31", "31/10/2020"},
      {"16.11.2021", "2021-11-16", "16.11.2021"},
      {"2020-10-31T10:00", "2020-10-31", "2020-10-31"},
      {"29 février 2020", "2020-02-29", "29 février 2020"},
      {"(16-11-99)", "1999-11-16", "16-11-99"},
      // not dates
      {"29 février 2021", nullptr, nullptr},
      {"2020-02-30", nullptr, nullptr},
      {"31/31/2020", nullptr, nullptr},
      {"1.250 morts", nullptr, nullptr},
      {"30.000 soldats", nullptr, nullptr},
      {"49 soldats tués", nullptr, nullptr},
      {"Orbiter-1K et Krasukha-4", nullptr, nullptr},
      {"l'article 5 de l'OTAN", nullptr, nullptr},
      {"16 nov 21h30", nullptr, nullptr},
      {"date 2020-10", nullptr, nullptr},
      {"tél. 01.45.67.89.10", nullptr, nullptr},
      {"le 27 septembre", nullptr, nullptr},  // no year: the tagger's job, not this scanner's
  };
  for (const Row& r : rows) {
    const auto found = scanner().scan(r.text);
    if (!r.date) {
      EXPECT_TRUE(found.empty()) << r.text << " → " << (found.empty() ? "" : found[0].date.iso());
      continue;
    }
    ASSERT_EQ(found.size(), 1u) << r.text;
    EXPECT_EQ(found[0].date.iso(), r.date) << r.text;
    EXPECT_EQ(std::string(r.text).substr(found[0].begin, found[0].end - found[0].begin), r.matched) << r.text;
  }
}

TEST(AbsoluteDateScanner, SeveralDatesInOrder) {
  const auto found = scanner().scan("du 27 septembre 2020 au 10 novembre 2020, puis le 14/09/2022");
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].date.iso(), "2020-09-27");
  EXPECT_EQ(found[1].date.iso(), "2020-11-10");
  EXPECT_EQ(found[2].date.iso(), "2022-09-14");
}

TEST(AbsoluteDateScanner, MonthAndWeekdayNames) {
  EXPECT_EQ(scanner().month("fevrier"), 2);
  EXPECT_EQ(scanner().month("dec"), 12);
  EXPECT_EQ(scanner().month("novembre"), 11);
  EXPECT_EQ(scanner().month("lundi"), 0);
  EXPECT_EQ(scanner().weekday("dimanche"), 7);
  EXPECT_EQ(scanner().weekday("lundi"), 1);
}

}  // namespace
}  // namespace chronicle
