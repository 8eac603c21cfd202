#include "temporal/DatelineFinder.hpp"

#include <gtest/gtest.h>

#include "text/Reflow.hpp"
#include "text/TextNormaliser.hpp"
#include "util/FileIO.hpp"

namespace chronicle {
namespace {

const DatelineFinder& finder() {
  static const LexiconSource lexicon;
  static const TemporalTagger tagger(lexicon);
  static const DatelineFinder f(lexicon, tagger);
  return f;
}

struct Row {
  const char* text;
  const char* date;  // nullptr: no dateline
};

TEST(DatelineFinder, Table) {
  const Row rows[] = {
      {"Un blog.\n\ndimanche 1 novembre 2020\n\nTitre de l'article\n\nLe corps du texte.", "2020-11-01"},
      {"Titre\nVu du Donbass\nDERNIERE MINUTE (16-11-21 / 20H30)\nA 18h30, un cessez le feu.", "2021-11-16"},
      {"Erevan, 31 oct 2020 (AFP) - La Russie s'est déclarée samedi prête à fournir l'assistance nécessaire à "
       "l'Arménie, en conflit avec l'Azerbaïdjan.",
       "2020-10-31"},
      {"BAKOU, 14 octobre 2020 (AFP/Reuters) — Les combats ont repris autour de Terter, dans le nord du front, "
       "selon le ministère.",
       "2020-10-14"},
      {"Publié le 13/09/2022 à 08h15\nL'Arménie accuse l'Azerbaïdjan.", "2022-09-13"},
      // The body's first sentence is not a dateline.
      {"Le 27 septembre 2020, l'Azerbaïdjan a lancé une offensive d'ampleur contre le Haut-Karabakh, territoire à "
       "majorité arménienne, provoquant une guerre de 44 jours.",
       nullptr},
      // Too far down the article.
      {"a\nb\nc\nd\ne\nf\ng\n1 novembre 2020", nullptr},
      // A long paragraph whose date is not followed by an agency.
      {"Erevan, 31 oct 2020 (Le Monde du soir et des environs) - La Russie s'est déclarée samedi prête à fournir "
       "l'assistance nécessaire.",
       nullptr},
  };
  for (const Row& r : rows) {
    const auto d = finder().find(r.text);
    if (!r.date) {
      EXPECT_FALSE(d) << r.text;
      continue;
    }
    ASSERT_TRUE(d) << r.text;
    EXPECT_EQ(d->date.iso(), r.date) << r.text;
  }
}

TEST(DatelineFinder, HeaderEndIsWhereTheBodyStarts) {
  const std::string text =
      "Erevan, 31 oct 2020 (AFP) - La Russie s'est déclarée samedi prête à fournir l'assistance nécessaire à "
      "l'Arménie.";
  const auto d = finder().find(text);
  ASSERT_TRUE(d);
  EXPECT_EQ(text.substr(d->headerEnd, 9), "La Russie");
  EXPECT_EQ(text.substr(d->begin, d->end - d->begin), "31 oct 2020");
}

TEST(DatelineFinder, Seeds) {
  const std::pair<const char*, const char*> seeds[] = {
      {"000_9920c8300298414b.txt", "2020-11-01"},
      {"001_3e796619a0f1a15d.txt", nullptr},
      {"002_cb4c4a94565c18e3.txt", "2020-10-31"},
      {"003_fe0702cd3db7fe5e.txt", "2021-11-16"},
      {"004_89321d9680ae37c9.txt", nullptr},
  };
  for (const auto& [file, date] : seeds) {
    const std::string text = reflowHardWrapped(
        normaliseArticleText(readFile(std::string(CHRONICLE_SOURCE_DIR) + "/import/corpus/" + file)));
    const auto d = finder().find(text);
    if (!date) {
      EXPECT_FALSE(d) << file;
    } else {
      ASSERT_TRUE(d) << file;
      EXPECT_EQ(d->date.iso(), date) << file;
    }
  }
}

}  // namespace
}  // namespace chronicle
