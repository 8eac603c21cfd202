#include "text/TitleFinder.hpp"

#include <gtest/gtest.h>

namespace chronicle {
namespace {

std::string title(const std::string& text, std::optional<ByteSpan> skip = std::nullopt) {
  const auto t = findTitle(text, skip);
  return t ? text.substr(t->begin, t->size()) : "<none>";
}

TEST(TitleFinder, Table) {
  EXPECT_EQ(title("L'Arménie et l'Azerbaïdjan font face à des affrontements armés\n\nUn nouveau foyer de tension."),
            "L'Arménie et l'Azerbaïdjan font face à des affrontements armés");
  const std::string blog =
      "Des services secrets, nous ne savons que les échecs. Si l'échec provoque l'anathème, "
      "l'ingratitude est fille de la victoire...\n\ndimanche 1 novembre 2020\n\n"
      "Face à l’Azerbaïdjan, l’Arménie demande une assistance militaire à la Russie\n\nDepuis que…";
  const std::size_t dateline = blog.find("dimanche");
  EXPECT_EQ(title(blog, ByteSpan{dateline, dateline + 24}),
            "Face à l’Azerbaïdjan, l’Arménie demande une assistance militaire à la Russie");
  EXPECT_EQ(title("Flash ! Offensive de Bakou contre l'Arménie !\nVu du Donbass"), "Flash ! Offensive de Bakou contre l'Arménie !");
  EXPECT_EQ(title("Le corps du texte commence ici. Et continue."), "<none>");
  EXPECT_EQ(title("Court"), "<none>");
  EXPECT_EQ(title(std::string(250, 'a')), "<none>");
}

TEST(TitleFinder, SkipsTheDatelineLine) {
  const std::string text = "dimanche 1 novembre 2020\nLe titre de l'article\nLe texte.";
  EXPECT_EQ(title(text, ByteSpan{0, 24}), "Le titre de l'article");
}

}  // namespace
}  // namespace chronicle
