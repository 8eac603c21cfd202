// Regressions found by the libFuzzer targets of fuzz/ (issue 8): each test
// holds the input that broke a promise, inline, and the promise.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "lexicon/LexiconFile.hpp"
#include "temporal/TemporalTagger.hpp"
#include "text/TextNormaliser.hpp"

namespace chronicle {
namespace {

// fuzz/text_fuzz: a BOM after the blank lines or the indentation that the
// normaliser drops was kept at the start of the stored text, so importing
// that text again stripped it and gave another identity (SHA-256).
TEST(FuzzRegressions, NormalisedTextNeverStartsWithBom) {
  const std::string inputs[] = {
      " \xEF\xBB\xBFTexte",                  // indentation, then a BOM
      "\n\n\xEF\xBB\xBF  Texte",               // blank lines, a BOM, indentation
      "\xEF\xBB\xBF  \r\n \xEF\xBB\xBF" "Texte",  // the fuzzer's input, shortened: two BOMs
  };
  for (const std::string& input : inputs) {
    const std::string stored = normaliseArticleText(input);
    EXPECT_EQ(stored, "Texte") << input;
    EXPECT_EQ(normaliseArticleText(stored), stored) << "the stored text is its own normal form";
  }
  // A BOM inside the text (U+FEFF as a zero-width no-break space) is kept.
  EXPECT_EQ(normaliseArticleText("Te\xEF\xBB\xBFxte"), "Te\xEF\xBB\xBFxte");
}

// fuzz/temporal_fuzz: Easter looked up in a year outside 1..9999 (the year
// before an anchor in year 1, the year after one in 9999) threw
// std::bad_optional_access out of tag(). Such a holiday is not found.
TEST(FuzzRegressions, HolidayNextToTheEdgeOfTheCalendarDoesNotThrow) {
  static const LexiconSource lexicon;
  static const TemporalTagger tagger(lexicon);
  struct Case {
    const char* text;
    const char* anchor;
    Prefer prefer;
  };
  const Case cases[] = {
      {"rant\x07\x17~ p\xC3\xA2ques au 0re", "0001-03-15", Prefer::Past},  // the fuzzer's input
      {"\xC3\xA0 P\xC3\xA2ques", "0001-03-15", Prefer::Past},
      {"P\xC3\xA2ques", "0001-01-01", Prefer::Past},
      {"\xC3\xA0 P\xC3\xA2ques", "9999-12-31", Prefer::Future},
  };
  for (const Case& c : cases) {
    TaggerOptions options;
    options.anchor = CivilDate::parseIso(c.anchor);
    options.prefer = c.prefer;
    ASSERT_TRUE(options.anchor);
    std::vector<TemporalMention> mentions;
    EXPECT_NO_THROW(mentions = tagger.tag(c.text, options)) << c.text << " @ " << c.anchor;
    for (const TemporalMention& m : mentions)
      if (m.dateStart) {
        EXPECT_GE(m.dateStart->year, 1) << c.text;
        EXPECT_LE(m.dateStart->year, 9999) << c.text;
      }
  }
  // Inside the calendar, Easter is still found.
  TaggerOptions options;
  options.anchor = CivilDate::parseIso("2020-05-01");
  const auto mentions = tagger.tag("\xC3\xA0 P\xC3\xA2ques", options);
  ASSERT_EQ(mentions.size(), 1u);
  ASSERT_TRUE(mentions[0].dateStart);
  EXPECT_EQ(mentions[0].dateStart->iso(), "2020-04-12");
}

}  // namespace
}  // namespace chronicle
