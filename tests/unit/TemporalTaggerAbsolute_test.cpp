#include "temporal/TemporalTagger.hpp"

#include <gtest/gtest.h>

namespace chronicle {
namespace {

// Absolute days need no anchor: the tagger reads them in undated text, and
// reads nothing in numbers that are not dates.
std::vector<TemporalMention> absoluteDays(const std::string& text) {
  static const LexiconSource lexicon;
  static const TemporalTagger tagger(lexicon);
  std::vector<TemporalMention> out;
  for (const auto& m : tagger.tag(text, TaggerOptions{}))
    if (m.resolution == Resolution::Absolute && m.precision == Precision::Day) out.push_back(m);
  return out;
}

struct Row {
  const char* text;
  const char* date;     // nullptr: no date must be found
  const char* matched;  // the text span of the match
};

TEST(TemporalTaggerAbsolute, Table) {
  const Row rows[] = {
      {"Erevan, 31 oct 2020 (AFP)", "2020-10-31", "31 oct 2020"},
      {"16 nov 21", "2021-11-16", "16 nov 21"},
      {"dimanche 1 novembre 2020", "2020-11-01", "dimanche 1 novembre 2020"},
      {"Publié le 1er mars 2021 à 10h", "2021-03-01", "le 1er mars 2021 à 10h"},
      {"le 27 sept. 2020,", "2020-09-27", "le 27 sept. 2020"},
      {"le 3 Février 2021", "2021-02-03", "le 3 Février 2021"},
      {"le 15 aout 2021", "2021-08-15", "le 15 aout 2021"},
      {"16 nov 21", "2021-11-16", "16 nov 21"},
      {"DERNIERE MINUTE (16-11-21 / 20H30)", "2021-11-16", "16-11-21 / 20H30"},
      {"le 31/10/2020 à Goris", "2020-10-31", "le 31/10/2020"},
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
      {"date 2020-10", nullptr, nullptr},  // a month, not a day
      {"tél. 01.45.67.89.10", nullptr, nullptr},
      {"le 27 septembre", nullptr, nullptr},  // no year and no anchor: unresolved
  };
  for (const Row& r : rows) {
    const auto found = absoluteDays(r.text);
    if (!r.date) {
      EXPECT_TRUE(found.empty()) << r.text << " → " << (found.empty() ? "" : found[0].dateStart->iso());
      continue;
    }
    ASSERT_EQ(found.size(), 1u) << r.text;
    EXPECT_EQ(found[0].dateStart->iso(), r.date) << r.text;
    EXPECT_EQ(std::string(r.text).substr(found[0].begin, found[0].end - found[0].begin), r.matched) << r.text;
  }
}

TEST(TemporalTaggerAbsolute, SeveralDatesInOrder) {
  const auto found = absoluteDays("Le 27 septembre 2020, puis le 10 novembre 2020, enfin le 14/09/2022.");
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].dateStart->iso(), "2020-09-27");
  EXPECT_EQ(found[1].dateStart->iso(), "2020-11-10");
  EXPECT_EQ(found[2].dateStart->iso(), "2022-09-14");
}

}  // namespace
}  // namespace chronicle
