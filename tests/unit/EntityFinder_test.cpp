// The gazetteer and the entity finder: the lint over every gazetteer file
// (loading is the check: duplicates, boxes, formats), its failures on bad
// files, and the French sentences of tests/data/entities/*.tsv (format in
// the README there).
#include "entities/EntityFinder.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include "support/DataFiles.hpp"
#include "support/EntityExpectations.hpp"
#include "util/Error.hpp"
#include "util/FileIO.hpp"

namespace chronicle {
namespace {

const Gazetteer& gazetteer() {
  static const LexiconSource lexicon;
  static const Gazetteer g(lexicon);
  return g;
}

const EntityFinder& finder() {
  static const EntityFinder f(gazetteer());
  return f;
}

TEST(GazetteerLint, EveryFileLoadsAndIsConsistent) {
  const Gazetteer& g = gazetteer();
  EXPECT_GT(g.places().size(), 500u);
  EXPECT_GT(g.people().size(), 50u);
  std::set<std::string> countries;
  for (const Place& p : g.places()) {
    countries.insert(p.country);
    EXPECT_FALSE(p.name.empty()) << p.id;
  }
  // Every person acts for a listed actor, and the conflict's codes exist.
  for (const Person& p : g.people()) EXPECT_NE(g.actor(p.actor), nullptr) << p.id;
  for (const char* code : {"ARM", "AZE", "RUS", "TUR", "IRN", "CSTO", "UN", "OSCE", "EU", "NATO", "NKR"})
    EXPECT_NE(g.actor(code), nullptr) << code;
  // Places sit in Armenia, Azerbaijan and the wider world.
  EXPECT_TRUE(countries.count("ARM") && countries.count("AZE") && countries.count("RUS"));
}

// A lexicon directory holding one overridden file.
class LexiconDir {
 public:
  LexiconDir(const std::string& rel, const std::string& content) {
    dir_ = std::filesystem::temp_directory_path() /
           ("chronicle-gazetteer-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories((dir_ / rel).parent_path());
    std::ofstream(dir_ / rel) << content;
  }
  ~LexiconDir() { std::filesystem::remove_all(dir_); }
  LexiconSource source() const { return LexiconSource(dir_); }

 private:
  std::filesystem::path dir_;
};

std::string loadError(const LexiconDir& dir) {
  try {
    Gazetteer g(dir.source());
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

const char* kPlaceHeader = "FORMAT: id|kind|country|admin1|region|latitude|longitude|name|alias|alias|...\n";

TEST(GazetteerLint, AnUnmarkedSharedAliasIsRefusedWithBothLines) {
  const LexiconDir dir("fr/gazetteer/places-world.txt",
                       std::string(kPlaceHeader) + "w-a|town|RUS|||55.0|37.0|Alpha|Zed\nw-b|town|RUS|||56.0|38.0|Beta|Zed\n");
  const std::string error = loadError(dir);
  EXPECT_NE(error.find("places-world.txt:3"), std::string::npos) << error;
  EXPECT_NE(error.find("places-world.txt:2"), std::string::npos) << error;
  EXPECT_NE(error.find("'~'"), std::string::npos) << error;
}

TEST(GazetteerLint, AMarkedSharedAliasIsAnAmbiguity) {
  const LexiconDir dir("fr/gazetteer/places-world.txt",
                       std::string(kPlaceHeader) + "w-a|town|RUS|||55.0|37.0|Alpha|~Zed\nw-b|town|FRA|||46.0|2.0|Beta|~Zed\n");
  const Gazetteer g(dir.source());
  const EntityFinder f(g);
  const auto found = f.find("Il est arrivé à Zed hier.");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_TRUE(found[0].ambiguous);
  EXPECT_EQ(found[0].candidates.size(), 2u);
}

TEST(GazetteerLint, CoordinatesOutsideTheCountryAreRefused) {
  const LexiconDir dir("fr/gazetteer/places-world.txt",
                       std::string(kPlaceHeader) + "w-a|town|ARM|||55.75|37.61|Alpha\n");
  const std::string error = loadError(dir);
  EXPECT_NE(error.find("places-world.txt:2"), std::string::npos) << error;
  EXPECT_NE(error.find("outside ARM"), std::string::npos) << error;
}

TEST(GazetteerLint, ANonNumericLatitudeOrUnknownKindIsRefused) {
  EXPECT_NE(loadError(LexiconDir("fr/gazetteer/places-world.txt",
                                 std::string(kPlaceHeader) + "w-a|town|RUS|||nord|37.0|Alpha\n"))
                .find("latitude 'nord'"),
            std::string::npos);
  EXPECT_NE(loadError(LexiconDir("fr/gazetteer/places-world.txt",
                                 std::string(kPlaceHeader) + "w-a|castle|RUS|||55.0|37.0|Alpha\n"))
                .find("unknown kind 'castle'"),
            std::string::npos);
}

TEST(EntityFinder, SpellingsFoldedHyphensAndSpacesAlike) {
  for (const char* text : {"Haut-Karabakh", "Haut Karabakh", "Haut-Karabagh", "Nagorny-Karabakh", "HAUT–KARABAKH",
                           "Nagorno Karabakh"}) {
    const auto found = finder().find(std::string("Les combats au ") + text + " ont repris.");
    EXPECT_EQ(test::checkEntities(found, "place:nk-nagorno-karabakh", "place"), "") << text;
  }
}

TEST(EntityFinder, WholeWordsOnlyAndCapitalsRequired) {
  EXPECT_EQ(test::checkEntities(finder().find("Il a pris le train pour Kutaïssi."), "-place:arm-kut", "place"), "");
  EXPECT_EQ(test::checkEntities(finder().find("Les soldats sont entrés à Berdzor."), "-place:arm-berd", "place"), "");
  EXPECT_EQ(test::checkEntities(finder().find("Des obus sont tombés sur Berd, dans le Tavouch."), "place:arm-berd",
                                "place"),
            "");
}

TEST(EntityFinder, SpansPointIntoTheText) {
  const std::string text = "Selon l’armée arménienne, Djermouk a été visée.";
  const auto found = finder().find(text);
  bool sawJermuk = false;
  for (const auto& m : found)
    if (m.place && m.place->id == "arm-jermuk") {
      sawJermuk = true;
      EXPECT_EQ(text.substr(m.begin, m.end - m.begin), "Djermouk");
      EXPECT_NEAR(m.place->latitude, 39.84, 0.1);
    }
  EXPECT_TRUE(sawJermuk);
}

TEST(EntityFinder, MartuniFromItsContext) {
  const auto nk = finder().find("Les forces azerbaïdjanaises ont pilonné Martouni, dans le Haut-Karabakh.");
  const auto sevan = finder().find("Des tirs ont visé Martouni et Vardenis, sur les rives du lac Sevan.");
  const auto alone = finder().find("Martouni a été touchée.");
  auto place = [](const std::vector<EntityMention>& found) -> const EntityMention* {
    for (const auto& m : found)
      if (m.kind == EntityMention::Kind::Place) return &m;
    return nullptr;
  };
  ASSERT_NE(place(nk), nullptr);
  EXPECT_EQ(place(nk)->place->region, "Nagorno-Karabakh");
  EXPECT_FALSE(place(nk)->ambiguous);
  ASSERT_NE(place(sevan), nullptr);
  EXPECT_EQ(place(sevan)->place->country, "ARM");
  ASSERT_NE(place(alone), nullptr);
  EXPECT_TRUE(place(alone)->ambiguous);
  EXPECT_GE(place(alone)->candidates.size(), 2u);
}

TEST(EntityFinder, DemonymNationalityVersusTheSide) {
  EXPECT_EQ(test::checkEntities(finder().find("Un Arménien de Marseille a témoigné."), "-actor:ARM", "actor"), "");
  EXPECT_EQ(test::checkEntities(finder().find("Les Azerbaïdjanais ont repris la ville."), "actor:AZE", "actor"), "");
  EXPECT_EQ(test::checkEntities(finder().find("Les forces azerbaïdjanaises ont avancé."), "actor:AZE", "actor"), "");
  EXPECT_EQ(test::checkEntities(finder().find("La frontière arménienne est fermée."), "-actor:ARM", "actor"), "");
}

TEST(EntityFinder, ACapitalIsItsStateUnlessItIsWhere) {
  EXPECT_EQ(test::checkEntities(finder().find("Moscou a répondu à la demande."), "actor:RUS place:w-moscow", "actor"),
            "");
  EXPECT_EQ(test::checkEntities(finder().find("Le ministre est arrivé à Moscou."), "-actor:RUS place:w-moscow",
                                "actor"),
            "");
}

// --- tests/data/entities/*.tsv ---------------------------------------------

TEST(EntityTable, EverySentenceFindsWhatItShould) {
  const auto rows = test::tableRows("entities");
  EXPECT_GE(rows.size(), 150u);
  for (const test::TableRow& row : rows) {
    const std::string sentence = row.field(0), expected = row.field(1);
    EXPECT_FALSE(expected.empty()) << row.file << ":" << row.line << ": no expectation";
    const std::string failure = test::checkEntities(finder().find(sentence), expected, "place");
    EXPECT_EQ(failure, "") << row.file << ":" << row.line << ": " << sentence;
  }
}

}  // namespace
}  // namespace chronicle

namespace chronicle {
namespace {

// The seed articles: every actor and place of the analyst's gold is found
// (tests/data/entities/seed-articles.txt).
TEST(EntityTable, TheSeedArticlesActorsAndPlacesAreFound) {
  const std::filesystem::path root(CHRONICLE_SOURCE_DIR);
  std::ifstream in(root / "tests/data/entities/seed-articles.txt");
  std::string line;
  std::size_t checked = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const auto tab = line.find('\t');
    ASSERT_NE(tab, std::string::npos) << line;
    const std::string article = line.substr(0, tab);
    const std::string text = readFile(root / "import/corpus" / article);
    EXPECT_EQ(test::checkEntities(finder().find(text), line.substr(tab + 1), "place"), "") << article;
    ++checked;
  }
  EXPECT_EQ(checked, 5u);
}

}  // namespace
}  // namespace chronicle
