// Every EXAMPLE line of every lexicon file runs here. Each FORMAT has an
// example checker; a file with examples but no checker fails, so no file's
// examples go unchecked.
#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <string>

#include "lexicon/LexiconFile.hpp"
#include "temporal/AbsoluteDateScanner.hpp"
#include "temporal/DatelineFinder.hpp"
#include "text/SentenceSegmenter.hpp"

namespace chronicle {
namespace {

using Checker = std::function<void(const std::string& file, const LexiconLine& example)>;

std::map<std::string, Checker> checkers(const LexiconSource& lexicon) {
  static AbsoluteDateScanner scanner(lexicon);
  static DatelineFinder datelines(lexicon, scanner);
  static SentenceSegmenter segmenter(lexicon);
  auto where = [](const std::string& file, const LexiconLine& l) { return file + ":" + std::to_string(l.number); };

  Checker sentenceCount = [&, where](const std::string& file, const LexiconLine& l) {
    const auto ex = splitExample(l.text);
    EXPECT_EQ(std::to_string(segmenter.segment(ex.input).size()), ex.expected) << where(file, l) << ": " << ex.input;
  };
  Checker firstDate = [&, where](const std::string& file, const LexiconLine& l) {
    const auto ex = splitExample(l.text);
    const auto found = scanner.scan(ex.input);
    ASSERT_FALSE(found.empty()) << where(file, l) << ": no date in " << ex.input;
    EXPECT_EQ(found[0].date.iso(), ex.expected) << where(file, l);
  };
  Checker dateline = [&, where](const std::string& file, const LexiconLine& l) {
    const auto ex = splitExample(l.text);
    const auto found = datelines.find(ex.input);
    ASSERT_TRUE(found) << where(file, l) << ": no dateline in " << ex.input;
    EXPECT_EQ(found->date.date.iso(), ex.expected) << where(file, l);
  };
  return {
      {"abbreviation", sentenceCount},
      {"number|name|abbreviation|...", firstDate},
      {"canonical|alias|...", dateline},
  };
}

TEST(LexiconExamples, EveryExampleOfEveryFilePasses) {
  const LexiconSource lexicon;
  const auto all = checkers(lexicon);
  std::size_t run = 0;
  for (const std::string& path : LexiconSource::embeddedFiles()) {
    const LexiconFile file = lexicon.load(path);
    if (file.examples().empty()) continue;
    const auto it = all.find(file.format());
    ASSERT_NE(it, all.end()) << path << ": no example checker for FORMAT: " << file.format();
    for (const LexiconLine& example : file.examples()) {
      it->second(path, example);
      ++run;
    }
  }
  EXPECT_GT(run, 20u);
}

}  // namespace
}  // namespace chronicle
