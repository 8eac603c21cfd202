#include "lexicon/LexiconFile.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "util/Error.hpp"

namespace chronicle {
namespace {

TEST(LexiconFile, ParsesFormatExamplesEntriesWithLineNumbers) {
  const auto f = LexiconFile::parse("t.txt",
                                    "# comment\r\n"
                                    "FORMAT: a|b\r\n"
                                    "\r\n"
                                    "EXAMPLE: le 3 mars => 2020-03-03\r\n"
                                    "  x | y  \r\n"
                                    "   # indented comment\n"
                                    "z|w");
  EXPECT_EQ(f.format(), "a|b");
  ASSERT_EQ(f.examples().size(), 1u);
  EXPECT_EQ(f.examples()[0].text, "le 3 mars => 2020-03-03");
  EXPECT_EQ(f.examples()[0].number, 4u);
  ASSERT_EQ(f.entries().size(), 2u);
  EXPECT_EQ(f.entries()[0].text, "x | y");
  EXPECT_EQ(f.entries()[0].number, 5u);
  EXPECT_EQ(f.entries()[1].text, "z|w");
  EXPECT_EQ(f.entries()[1].number, 7u);
}

TEST(LexiconFile, NormalisesToNfc) {
  const auto f = LexiconFile::parse("t.txt", "FORMAT: x\nE\xCC\x81revan\n");  // E + combining acute
  ASSERT_EQ(f.entries().size(), 1u);
  EXPECT_EQ(f.entries()[0].text, "\xC3\x89revan");  // É precomposed
}

TEST(LexiconFile, RefusesMissingOrDoubleFormatAndInvalidUtf8) {
  EXPECT_THROW(LexiconFile::parse("t.txt", "a|b\n"), InputError);
  EXPECT_THROW(LexiconFile::parse("t.txt", "FORMAT: a\nFORMAT: b\n"), InputError);
  EXPECT_THROW(LexiconFile::parse("t.txt", "FORMAT: a\n\xFF\xFE\n"), InputError);
}

TEST(LexiconFile, FailReportsFileAndLine) {
  const auto f = LexiconFile::parse("fr/x.txt", "FORMAT: a\n\nbad line\n");
  try {
    f.fail(f.entries()[0], "broken");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(), "fr/x.txt:3: broken");
  }
}

TEST(LexiconFile, SplitFieldsAndExamples) {
  EXPECT_EQ(splitFields(" a | b|c |"), (std::vector<std::string>{"a", "b", "c", ""}));
  EXPECT_EQ(splitFields("one"), (std::vector<std::string>{"one"}));
  const auto e = splitExample("31 oct 2020 => 2020-10-31");
  EXPECT_EQ(e.input, "31 oct 2020");
  EXPECT_EQ(e.expected, "2020-10-31");
  EXPECT_EQ(splitExample("no arrow").expected, "");
}

TEST(LexiconSource, EmbeddedFilesLoad) {
  const LexiconSource source;
  const auto files = LexiconSource::embeddedFiles();
  EXPECT_FALSE(files.empty());
  for (const auto& f : files) EXPECT_NO_THROW(source.load(f)) << f;
  EXPECT_THROW(source.load("fr/none.txt"), InputError);
}

TEST(LexiconSource, OverrideDirectoryWinsFileByFileAndFallsBack) {
  const auto dir = std::filesystem::temp_directory_path() / "chronicle-lexicon-test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "fr/temporal");
  std::ofstream(dir / "fr/temporal/months.txt") << "FORMAT: number|name\n1|primidi\n";
  const LexiconSource source(dir);
  const auto months = source.load("fr/temporal/months.txt");
  ASSERT_EQ(months.entries().size(), 1u);
  EXPECT_EQ(months.entries()[0].text, "1|primidi");
  EXPECT_GT(source.load("fr/temporal/weekdays.txt").entries().size(), 6u);  // embedded fallback
  std::filesystem::remove_all(dir);
  EXPECT_THROW(LexiconSource(dir / "missing"), UsageError);
}

}  // namespace
}  // namespace chronicle
