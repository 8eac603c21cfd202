#include "text/SentenceSegmenter.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace chronicle {
namespace {

SentenceSegmenter& segmenter() {
  static const LexiconSource lexicon;
  static SentenceSegmenter s(lexicon);
  return s;
}

std::vector<std::string> sentences(const std::string& text) {
  std::vector<std::string> out;
  for (const ByteSpan& s : segmenter().segment(text)) out.push_back(text.substr(s.begin, s.size()));
  return out;
}

struct Row {
  const char* text;
  std::vector<std::string> expected;
};

TEST(SentenceSegmenter, FrenchNewsTable) {
  const Row rows[] = {
      {"M. Poutine a parlé. Il est parti.", {"M. Poutine a parlé.", "Il est parti."}},
      {"Dans une lettre, M. Pachinian a affirmé samedi matin que les combats se rapprochaient.",
       {"Dans une lettre, M. Pachinian a affirmé samedi matin que les combats se rapprochaient."}},
      {"MM. Lavrov et Choïgou sont intervenus. Mme. Zakharova a commenté.",
       {"MM. Lavrov et Choïgou sont intervenus.", "Mme. Zakharova a commenté."}},
      {"La forteresse date du VIIIe siècle av. J.-C. selon les archéologues. Elle a été touchée.",
       {"La forteresse date du VIIIe siècle av. J.-C. selon les archéologues.", "Elle a été touchée."}},
      {"Titre sans point\nPremier paragraphe. Deuxième phrase.",
       {"Titre sans point", "Premier paragraphe.", "Deuxième phrase."}},
      {"« C’est un combat entre nous et l’Arménie. Personne ne doit s’y mêler », a-t-il martelé.",
       {"« C’est un combat entre nous et l’Arménie.", "Personne ne doit s’y mêler », a-t-il martelé."}},
      {"Le bilan est de 1.250 morts. Les combats continuent.", {"Le bilan est de 1.250 morts.", "Les combats continuent."}},
      {"Quoi ? Rien ! Vraiment…", {"Quoi ?", "Rien !", "Vraiment…"}},
      {"  \n\n  ", {}},
      {"", {}},
  };
  for (const Row& r : rows) EXPECT_EQ(sentences(r.text), r.expected) << r.text;
}

TEST(SentenceSegmenter, SpansAreUtf8ByteOffsetsTrimmed) {
  const std::string text = "  Érevan a été visée.\u00A0 Bakou dément.  ";
  const auto spans = segmenter().segment(text);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0].begin, 2u);
  EXPECT_EQ(text.substr(spans[0].begin, spans[0].size()), "Érevan a été visée.");
  EXPECT_EQ(text.substr(spans[1].begin, spans[1].size()), "Bakou dément.");
  EXPECT_EQ(spans[1].end, text.size() - 2);
}

TEST(SentenceSegmenter, SupplementaryCharactersKeepOffsetsRight) {
  const std::string text = "Un emoji 🙂 ici. Puis Goris.";
  const auto spans = segmenter().segment(text);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(text.substr(spans[1].begin, spans[1].size()), "Puis Goris.");
}

}  // namespace
}  // namespace chronicle
