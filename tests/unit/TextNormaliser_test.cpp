#include "text/TextNormaliser.hpp"

#include <gtest/gtest.h>

namespace chronicle {
namespace {

struct Row {
  const char* input;
  const char* expected;
  const char* why;
};

TEST(TextNormaliser, Table) {
  const Row rows[] = {
      {"a\r\nb\rc\nd", "a\nb\nc\nd", "CRLF and lone CR become LF"},
      {"\xEF\xBB\xBFTitre\n", "Titre", "BOM dropped, final newline dropped"},
      {"\n\n  \nTexte\n\n\n", "Texte", "blank lines at both ends dropped"},
      {"fin   \nsuite\t\n", "fin\nsuite", "trailing blanks of each line dropped"},
      {"a\x01" "b\x7F" "c", "a b c", "control characters become spaces"},
      {"un\ttab", "un\ttab", "tab kept"},
      {"E\xCC\x81revan", "\xC3\x89revan", "NFD to NFC"},
      {"l\xE2\x80\x99" "arm\xC3\xA9" "e\xC2\xA0!", "l\xE2\x80\x99" "arm\xC3\xA9" "e\xC2\xA0!",
       "typographic apostrophe and NBSP kept as written"},
      {"para 1\n\npara 2", "para 1\n\npara 2", "paragraphs kept"},
      {"  indented\n  second", "indented\n  second", "the first line's indentation dropped, the others kept"},
  };
  for (const Row& r : rows) EXPECT_EQ(normaliseArticleText(r.input), r.expected) << r.why;
}

TEST(TextNormaliser, IsIdempotent) {
  const char* text = "\xEF\xBB\xBF Erevan,\r\n\r\n31 oct 2020  \r\n\r\n";
  const std::string once = normaliseArticleText(text);
  EXPECT_EQ(normaliseArticleText(once), once);
}

}  // namespace
}  // namespace chronicle
