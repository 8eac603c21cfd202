#include "text/Reflow.hpp"

#include <gtest/gtest.h>

#include "text/TextNormaliser.hpp"
#include "util/FileIO.hpp"

namespace chronicle {
namespace {

// Wire copy as agencies send it: lines of ~70 characters, each followed by a
// blank line, sentences running across the breaks.
constexpr const char* kWire =
    "Erevan, 31 oct 2020 (AFP) - La Russie s'est déclarée samedi prête à fournir\n\n"
    "l'assistance nécessaire à l'Arménie, en conflit avec l'Azerbaïdjan dans la\n\n"
    "région sécessionniste du Nagorny-Karabakh, si les combats s'étendent au\n\n"
    "territoire arménien.\n\n"
    "L'annonce de Moscou, qui a renouvelé son appel à un cessez-le-feu, est\n\n"
    "intervenue après que le Premier ministre arménien a demandé de l'aide.\n\n"
    "- Risque d'escalade -\n\n"
    "Carey Cavanaugh, un ancien ambassadeur américain, estime qu'une\n\n"
    "intervention militaire directe n'est pas dans l'intérêt de Moscou.";

TEST(Reflow, JoinsSoftWrapsAndKeepsParagraphs) {
  const std::string out = reflowHardWrapped(kWire);
  EXPECT_EQ(out,
            "Erevan, 31 oct 2020 (AFP) - La Russie s'est déclarée samedi prête à fournir l'assistance nécessaire "
            "à l'Arménie, en conflit avec l'Azerbaïdjan dans la région sécessionniste du Nagorny-Karabakh, si les "
            "combats s'étendent au territoire arménien.\n\n"
            "L'annonce de Moscou, qui a renouvelé son appel à un cessez-le-feu, est intervenue après que le Premier "
            "ministre arménien a demandé de l'aide.\n\n"
            "- Risque d'escalade -\n\n"
            "Carey Cavanaugh, un ancien ambassadeur américain, estime qu'une intervention militaire directe n'est "
            "pas dans l'intérêt de Moscou.");
}

TEST(Reflow, SingleNewlineWrapsToo) {
  const std::string in =
      "Les forces azerbaïdjanaises ont bombardé dans la nuit plusieurs villes\n"
      "du sud de l'Arménie, dont Goris, Sotk et Jermouk, selon le ministère\n"
      "arménien de la Défense, qui fait état de nombreuses victimes parmi\n"
      "les militaires.\n"
      "Bakou affirme de son côté avoir répondu à des provocations arméniennes.";
  const std::string out = reflowHardWrapped(in);
  EXPECT_NE(out.find("villes du sud de l'Arménie"), std::string::npos);
  EXPECT_NE(out.find("parmi les militaires."), std::string::npos);
  EXPECT_NE(out.find("militaires.\nBakou"), std::string::npos);
}

TEST(Reflow, LeavesUnwrappedTextAlone) {
  const std::string longLines =
      "Depuis que l'Azerbaïdjan a lancé, le 27 septembre, une offensive en direction du Haut-Karabakh, territoire "
      "à majorité arménienne ayant fait sécession, toutes les négociations ont échoué.\n\n"
      "Militairement, les forces azerbaïdjanaises semblent avoir pris le dessus sur celles de la République "
      "d'Artsakh, soutenues par l'Arménie, qui a perdu plusieurs villes.\n\n"
      "Titre court\n\nUn autre paragraphe.";
  EXPECT_EQ(reflowHardWrapped(longLines), longLines);
  EXPECT_EQ(reflowHardWrapped("a\nb\nc"), "a\nb\nc");  // too few lines to judge
  const std::string shortLines = "Titre\nSous-titre\nAuteur\nDate\nLieu";
  EXPECT_EQ(reflowHardWrapped(shortLines), shortLines);
}

TEST(Reflow, SeedWireDispatch) {
  const std::string seed = readFile(std::string(CHRONICLE_SOURCE_DIR) + "/import/corpus/002_cb4c4a94565c18e3.txt");
  const std::string out = reflowHardWrapped(normaliseArticleText(seed));
  EXPECT_NE(out.find("La Russie s’est déclarée samedi prête à fournir l’assistance « nécessaire » à l’Arménie, en "
                     "conflit avec l’Azerbaïdjan dans la région sécessionniste du Nagorny-Karabakh, si les combats "
                     "s’étendent au territoire arménien.\n"),
            std::string::npos);
  EXPECT_NE(out.find("\n- Risque d’escalade -\n"), std::string::npos);
}

}  // namespace
}  // namespace chronicle
