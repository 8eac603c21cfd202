#include "events/QuantityReader.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "util/Error.hpp"

namespace chronicle {
namespace {

const QuantityReader& reader() {
  static const LexiconSource lexicon;
  static const QuantityReader r(lexicon);
  return r;
}

std::vector<Quantity> quantities(const TokenizedText& text) {
  return reader().find(text.tokens(), 0, text.tokens().size());
}

constexpr long kNone = -1;  // no bound

struct Row {
  const char* text;
  const char* span;  // the source text of the first quantity; nullptr: none
  long best = 0;
  long low = kNone;
  long high = kNone;
  bool approximate = false;
};

std::string bound(const std::optional<long>& v) { return v ? std::to_string(*v) : "-"; }
std::string bound(long v) { return v == kNone ? "-" : std::to_string(v); }

TEST(QuantityReader, Table) {
  const Row rows[] = {
      // Digits and French separators.
      {"49 soldats ont été tués", "49", 49, 49, 49},
      {"Le bilan s'élève à 1.250 morts", "1.250", 1250, 1250, 1250},
      {"1 250 blessés", "1 250", 1250, 1250, 1250},
      {"1\u00a0250 blessés", "1\u00a0250", 1250, 1250, 1250},
      {"5\u202f000 réfugiés", "5\u202f000", 5000, 5000, 5000},
      {"30.000 réfugiés", "30.000", 30000, 30000, 30000},
      {"5 000 soldats", "5 000", 5000, 5000, 5000},
      {"1.250.000 habitants", "1.250.000", 1250000, 1250000, 1250000},
      {"1 250 000 habitants", "1 250 000", 1250000, 1250000, 1250000},
      {"2 millions de déplacés", "2 millions", 2000000, 2000000, 2000000},
      {"1,5 million de personnes", "1,5 million", 1500000, 1500000, 1500000},
      {"2,3 milliards de dollars", "2,3 milliards", 2300000000, 2300000000, 2300000000},
      {"En 1997, l'accord", "1997", 1997, 1997, 1997},
      {"(49) victimes", "49", 49, 49, 49},
      {"0 mort", "0", 0, 0, 0},
      {"2 783 soldats et 3 825 militaires", "2 783", 2783, 2783, 2783},
      {"1.5 million", "1.5 million", 1500000, 1500000, 1500000},
      // A number that ends the text: its context is looked for past the end.
      {"ils étaient 49", "49", 49, 49, 49},
      {"ils étaient vingt-cinq", "vingt-cinq", 25, 25, 25},
      {"entre 10 et", "10", 10, 10, 10},
      // Bounds.
      {"au moins 49 soldats", "au moins 49", 49, 49, kNone},
      {"Au moins 49 soldats", "Au moins 49", 49, 49, kNone},
      {"plus de 49 civils", "plus de 49", 49, 49, kNone},
      {"plus de 1.250 morts", "plus de 1.250", 1250, 1250, kNone},
      {"au minimum 49 morts", "au minimum 49", 49, 49, kNone},
      {"pas moins de 49 morts", "pas moins de 49", 49, 49, kNone},
      {"plus d'un million de réfugiés", "plus d'un million", 1000000, 1000000, kNone},
      {"plus d’une centaine de morts", "plus d’une centaine", 100, 100, kNone, true},
      {"moins de 50 blessés", "moins de 50", 50, kNone, 50},
      {"jusqu'à 50 drones", "jusqu'à 50", 50, kNone, 50},
      {"jusqu’à 50 drones", "jusqu’à 50", 50, kNone, 50},
      {"au plus 50 soldats", "au plus 50", 50, kNone, 50},
      {"pas plus de 50 soldats", "pas plus de 50", 50, kNone, 50},
      // Approximations.
      {"près de 50 morts", "près de 50", 50, kNone, kNone, true},
      {"environ 50 morts", "environ 50", 50, kNone, kNone, true},
      {"quelque 50 morts", "quelque 50", 50, kNone, kNone, true},
      {"près d'un millier de soldats", "près d'un millier", 1000, kNone, kNone, true},
      {"une cinquantaine de morts", "une cinquantaine", 50, kNone, kNone, true},
      {"Une dizaine de blessés", "Une dizaine", 10, kNone, kNone, true},
      {"une centaine de civils", "une centaine", 100, kNone, kNone, true},
      {"une vingtaine de chars", "une vingtaine", 20, kNone, kNone, true},
      {"un millier de réfugiés", "un millier", 1000, kNone, kNone, true},
      {"une dizaine de milliers de manifestants", "une dizaine de milliers", 10000, kNone, kNone, true},
      {"environ 10 à 20 morts", "environ 10 à 20", 10, 10, 20, true},
      // Vague plurals.
      {"des dizaines de civils", "des dizaines", 20, 20, 99},
      {"des centaines de maisons", "des centaines", 200, 200, 999},
      {"des milliers de déplacés", "des milliers", 2000, 2000, 9999},
      {"plusieurs dizaines de morts", "plusieurs dizaines", 20, 20, 99},
      {"plusieurs centaines de soldats", "plusieurs centaines", 200, 200, 999},
      {"quelques centaines de soldats", "quelques centaines", 200, 200, 999},
      {"de nombreuses dizaines de blessés", "de nombreuses dizaines", 20, 20, 99},
      {"des dizaines de milliers de réfugiés", "des dizaines de milliers", 20000, 20000, 99999},
      {"des centaines de milliers de personnes", "des centaines de milliers", 200000, 200000, 999999},
      {"des millions de personnes", "des millions", 2000000, 2000000, 9999999},
      {"Karabakh : dizaines de morts", "dizaines", 20, 20, 99},
      {"depuis octobre des milliers de personnes ont fui", "des milliers", 2000, 2000, 9999},
      // Ranges.
      {"entre 10 et 20 blessés", "entre 10 et 20", 10, 10, 20},
      {"10 à 20 blessés", "10 à 20", 10, 10, 20},
      {"de 10 à 20 blessés", "de 10 à 20", 10, 10, 20},
      {"deux ou trois obus", "deux ou trois", 2, 2, 3},
      {"un ou deux drones", "un ou deux", 1, 1, 2},
      {"un à deux mille soldats", "un à deux mille", 1000, 1000, 2000},
      {"environ 25 000 à 30 000 personnes", "environ 25 000 à 30 000", 25000, 25000, 30000, true},
      {"entre 5 et 6 millions d'habitants", "entre 5 et 6 millions", 5000000, 5000000, 6000000},
      {"entre 1,5 et 2 millions de personnes", "entre 1,5 et 2 millions", 1500000, 1500000, 2000000},
      {"entre 2 000 et 3 000 soldats", "entre 2 000 et 3 000", 2000, 2000, 3000},
      // Words.
      {"dix soldats", "dix", 10, 10, 10},
      {"sept morts", "sept", 7, 7, 7},
      {"dix-sept morts", "dix-sept", 17, 17, 17},
      {"vingt-cinq soldats", "vingt-cinq", 25, 25, 25},
      {"vingt et un morts", "vingt et un", 21, 21, 21},
      {"vingt sept morts", "vingt sept", 27, 27, 27},
      {"quatre-vingt-un morts", "quatre-vingt-un", 81, 81, 81},
      {"dix-neuf cent quatre-vingt-dix-sept", "dix-neuf cent quatre-vingt-dix-sept", 1997, 1997, 1997},
      {"trente-et-un blessés", "trente-et-un", 31, 31, 31},
      {"soixante-dix soldats", "soixante-dix", 70, 70, 70},
      {"soixante et onze morts", "soixante et onze", 71, 71, 71},
      {"quatre-vingts soldats", "quatre-vingts", 80, 80, 80},
      {"quatre-vingt-dix-sept blessés", "quatre-vingt-dix-sept", 97, 97, 97},
      {"cent soldats", "cent", 100, 100, 100},
      {"deux cents soldats", "deux cents", 200, 200, 200},
      {"deux cent cinquante soldats", "deux cent cinquante", 250, 250, 250},
      {"mille soldats", "mille", 1000, 1000, 1000},
      {"trois mille soldats", "trois mille", 3000, 3000, 3000},
      {"trois mille cinq cents réfugiés", "trois mille cinq cents", 3500, 3500, 3500},
      {"deux cent mille réfugiés", "deux cent mille", 200000, 200000, 200000},
      {"un million de réfugiés", "un million", 1000000, 1000000, 1000000},
      {"un million deux cent mille", "un million deux cent mille", 1200000, 1200000, 1200000},
      {"deux millions de personnes", "deux millions", 2000000, 2000000, 2000000},
      {"mille et une nuits", "mille et une", 1001, 1001, 1001},
      {"l'aide d'un million de dollars", "un million", 1000000, 1000000, 1000000},
      // Not quantities.
      {"un soldat a été tué", nullptr},
      {"une attaque", nullptr},
      {"le 14 octobre", nullptr},
      {"le 14 oct. 2020", nullptr},
      {"en octobre 2020", nullptr},
      {"le quatorze octobre", nullptr},
      {"du 13 au 15 octobre", nullptr},
      {"les 13, 14 et 15 mai", nullptr},
      {"DERNIERE MINUTE (16-11-21 / 20H30)", nullptr},
      {"à 18h30", nullptr},
      {"à 18 h 30", nullptr},
      {"le 13/09/2022", nullptr},
      {"le 2e bataillon", nullptr},
      {"le 1er régiment", nullptr},
      {"des T-72 et des Su-25", nullptr},
      {"le drone TB2", nullptr},
      {"30 % des habitants", nullptr},
      {"30 pour cent des habitants", nullptr},
      {"12,5 km", nullptr},
      {"près de Stepanakert", nullptr},
      {"des deux-roues", nullptr},
      {"l'un ou l'autre", nullptr},
      {"au moins", nullptr},
      {"le 3 novembre 2020 à 15 h", nullptr},
      {"12.5 %", nullptr},
  };
  std::size_t checked = 0;
  for (const Row& r : rows) {
    const TokenizedText text(r.text);
    const auto found = quantities(text);
    ++checked;
    if (!r.span) {
      EXPECT_TRUE(found.empty()) << r.text << ": read "
                                 << text.source().substr(found[0].begin, found[0].end - found[0].begin);
      continue;
    }
    ASSERT_FALSE(found.empty()) << r.text;
    const Quantity& q = found[0];
    EXPECT_EQ(text.source().substr(q.begin, q.end - q.begin), r.span) << r.text;
    EXPECT_EQ(std::to_string(q.best) + " " + bound(q.low) + " " + bound(q.high),
              std::to_string(r.best) + " " + bound(r.low) + " " + bound(r.high))
        << r.text;
    EXPECT_EQ(q.approximate, r.approximate) << r.text;
  }
  EXPECT_GE(checked, 60u);
}

// Every EXAMPLE of quantities.txt: "phrase => best low high"; the first
// quantity is checked (as LexiconExamples_test does, with the reason a row
// fails spelled out here).
TEST(QuantityReader, LexiconExamples) {
  const LexiconFile file = LexiconSource().load("fr/events/quantities.txt");
  EXPECT_EQ(file.format(), QuantityReader::kFormat);
  ASSERT_GE(file.examples().size(), 20u);
  for (const LexiconLine& l : file.examples()) {
    const ExampleParts ex = splitExample(l.text);
    const std::string where = file.path() + ":" + std::to_string(l.number) + ": " + ex.input;
    const TokenizedText text(ex.input);
    const auto found = quantities(text);
    ASSERT_FALSE(found.empty()) << where;
    const auto want = splitFields(ex.expected, ' ');
    ASSERT_EQ(want.size(), 3u) << where << ": expected 'best low high'";
    EXPECT_EQ(std::to_string(found[0].best) + " " + bound(found[0].low) + " " + bound(found[0].high),
              want[0] + " " + want[1] + " " + want[2])
        << where;
  }
}

TEST(QuantityReader, EveryQuantityInOrderWithItsTokens) {
  const TokenizedText text(
      "Au moins 49 soldats et une dizaine de civils ont été tués le 14 octobre 2020, et des centaines blessés ; "
      "entre 10 et 20 chars détruits.");
  const auto found = quantities(text);
  ASSERT_EQ(found.size(), 4u);
  const auto& t = text.tokens();
  auto spanOf = [&](const Quantity& q) { return std::string(text.source().substr(q.begin, q.end - q.begin)); };
  EXPECT_EQ(spanOf(found[0]), "Au moins 49");
  EXPECT_EQ(spanOf(found[1]), "une dizaine");
  EXPECT_EQ(spanOf(found[2]), "des centaines");
  EXPECT_EQ(spanOf(found[3]), "entre 10 et 20");
  for (std::size_t n = 0; n < found.size(); ++n) {
    const Quantity& q = found[n];
    ASSERT_LT(q.firstToken, q.lastToken);
    EXPECT_EQ(t[q.firstToken].srcBegin, q.begin);
    EXPECT_EQ(t[q.lastToken - 1].srcEnd, q.end);
    if (n > 0) {
      EXPECT_LE(found[n - 1].lastToken, q.firstToken);
    }
  }
  EXPECT_EQ(found[0].lastToken - found[0].firstToken, 3u);
}

TEST(QuantityReader, KeepsWithinTheTokenRange) {
  const TokenizedText text("49 soldats, 50 civils et 1 250 blessés");
  const auto& t = text.tokens();
  // Tokens: 49 soldats , 50 civils et 1 250 blessés
  auto found = reader().find(t, 2, t.size());
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].best, 50);
  EXPECT_EQ(found[1].best, 1250);
  // A range that ends inside "1 250" reads only what it holds.
  found = reader().find(t, 0, 7);
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[2].best, 1);
  EXPECT_TRUE(reader().find(t, 3, 3).empty());
  EXPECT_TRUE(reader().find(t, 5, 2).empty());
  EXPECT_EQ(reader().find(t, 0, 1000).size(), 3u);
}

TEST(QuantityReader, AnEmptyTextHasNone) {
  const TokenizedText text("");
  EXPECT_TRUE(quantities(text).empty());
}

TEST(QuantityReader, ALongTextIsReadInOnePass) {
  std::string s;
  for (int n = 0; n < 2000; ++n) s += "Au moins 49 soldats et des centaines de civils, le 14 octobre 2020. ";
  const TokenizedText text(s);
  const auto found = quantities(text);
  EXPECT_EQ(found.size(), 4000u);
}

class QuantityReaderLexicon : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("chronicle_quantities_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_ / "fr" / "events");
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void write(const std::string& body) {
    std::ofstream(dir_ / "fr" / "events" / "quantities.txt") << "FORMAT: kind|value|phrase|phrase...\n" << body;
  }
  std::string error() {
    try {
      const LexiconSource lexicon(dir_);
      const QuantityReader r(lexicon);
    } catch (const InputError& e) {
      return e.what();
    }
    return "";
  }
  std::filesystem::path dir_;
};

TEST_F(QuantityReaderLexicon, ABadLineIsReportedWithItsNumber) {
  write("number|2|deux\nnumbre|3|trois\n");
  EXPECT_NE(error().find("quantities.txt:3: unknown kind 'numbre'"), std::string::npos) << error();
  write("number|deux|deux\n");
  EXPECT_NE(error().find("quantities.txt:2: expected a number"), std::string::npos) << error();
  write("about|1|environ\n");
  EXPECT_NE(error().find("quantities.txt:2: a 'about' line has no value"), std::string::npos) << error();
  write("about|-\n");
  EXPECT_NE(error().find("quantities.txt:2: expected kind|value|phrase"), std::string::npos) << error();
  write("number|0|zero\n");
  EXPECT_NE(error().find("quantities.txt:2: value out of range"), std::string::npos) << error();
}

TEST_F(QuantityReaderLexicon, AWordAddedToTheDataIsRead) {
  write("number|2|deux\nabout|-|grosso modo\n");
  const LexiconSource lexicon(dir_);
  const QuantityReader r(lexicon);
  const TokenizedText text("grosso modo deux cents");  // "cents" is not in this data
  const auto found = r.find(text.tokens(), 0, text.tokens().size());
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].best, 2);
  EXPECT_TRUE(found[0].approximate);
  EXPECT_EQ(found[0].lastToken, 3u);
}

}  // namespace
}  // namespace chronicle
