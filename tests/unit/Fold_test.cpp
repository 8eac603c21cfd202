#include "text/Fold.hpp"

#include <gtest/gtest.h>

namespace chronicle {
namespace {

TEST(Fold, Table) {
  const std::pair<const char*, const char*> rows[] = {
      {"Érevan", "erevan"},
      {"AZERBAÏDJAN", "azerbaidjan"},
      {"l’armée", "l'armee"},
      {"l‘armée", "l'armee"},
      {"« nécessaire »", "\" necessaire \""},
      {"cessez‐le‐feu", "cessez-le-feu"},
      {"Haut–Karabakh — front", "haut-karabakh - front"},
      {"19\xC2\xA0h\xE2\x80\xAF" "30", "19 h 30"},
      {"cœur Œuvre", "coeur oeuvre"},
      {"Şuşa Gəncə Ağdam", "susa gence agdam"},
      {"Cəbrayıl XANKƏNDİ Qubadlı", "cebrayil xankendi qubadli"},
      {"Łódź Ørsted Đukanović", "lodz orsted dukanovic"},
      {"Choïgou", "choigou"},
      {"Straße", "strasse"},
      {"abc123", "abc123"},
  };
  for (const auto& [in, expected] : rows) EXPECT_EQ(fold(in), expected) << in;
}

TEST(Fold, OffsetsPointIntoTheSource) {
  const std::string src = "Œ l’É";
  const FoldedText f = foldWithOffsets(src);
  EXPECT_EQ(f.text, "oe l'e");
  ASSERT_EQ(f.origin.size(), f.text.size() + 1);
  EXPECT_EQ(f.origin[0], 0u);  // o <- Œ
  EXPECT_EQ(f.origin[1], 0u);  // e <- Œ
  EXPECT_EQ(f.origin[2], 2u);  // space
  EXPECT_EQ(f.origin[4], 4u);  // ' <- ’ (3 bytes)
  EXPECT_EQ(f.origin[5], 7u);  // e <- É
  EXPECT_EQ(f.origin[6], src.size());
}

}  // namespace
}  // namespace chronicle
