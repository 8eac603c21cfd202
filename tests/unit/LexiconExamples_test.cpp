// Every EXAMPLE line of every lexicon file runs here. Each FORMAT has an
// example checker; a file with examples but no checker fails, so no file's
// examples go unchecked.
#include <gtest/gtest.h>

#include <functional>
#include <iostream>
#include <map>
#include <string>

#include "entities/EntityFinder.hpp"
#include "lexicon/LexiconFile.hpp"
#include "support/EntityExpectations.hpp"
#include "support/EventExpectations.hpp"
#include "temporal/DatelineFinder.hpp"
#include "temporal/TemporalTagger.hpp"
#include "text/SentenceSegmenter.hpp"

namespace chronicle {
namespace {

using Checker = std::function<void(const std::string& file, const LexiconLine& example)>;

struct EventExampleResults {
  std::size_t tried = 0;
  std::vector<std::string> failures;
};
EventExampleResults& eventExamples() {
  static EventExampleResults results;
  return results;
}

// The examples of lexicon/fr/events/ that the extractor gets wrong today
// (printed by the test; the closing note of issue 5 lists why). The number
// may only go down: a change that breaks one more example fails.
constexpr std::size_t kEventExampleFailuresAtMost = 28;

std::map<std::string, Checker> checkers(const LexiconSource& lexicon) {
  static TemporalTagger tagger(lexicon);
  static DatelineFinder datelines(lexicon, tagger);
  static SentenceSegmenter segmenter(lexicon);
  auto where = [](const std::string& file, const LexiconLine& l) { return file + ":" + std::to_string(l.number); };

  Checker sentenceCount = [&, where](const std::string& file, const LexiconLine& l) {
    const auto ex = splitExample(l.text);
    EXPECT_EQ(std::to_string(segmenter.segment(ex.input).size()), ex.expected) << where(file, l) << ": " << ex.input;
  };
  // "text @ anchor [future] => date_start date_end precision [HH:MM]", "-"
  // for no anchor, an open end or an unresolved date; the first mention of
  // the text is checked.
  Checker tagged = [&, where](const std::string& file, const LexiconLine& l) {
    const auto ex = splitExample(l.text);
    const std::size_t at = ex.input.rfind(" @ ");
    ASSERT_NE(at, std::string::npos) << where(file, l) << ": expected 'text @ anchor => ...'";
    const std::string text = ex.input.substr(0, at);
    const auto settings = splitFields(ex.input.substr(at + 3), ' ');
    TaggerOptions options;
    if (settings[0] != "-") options.anchor = CivilDate::parseIso(settings[0]);
    if (settings.size() > 1 && settings[1] == "future") options.prefer = Prefer::Future;
    const auto want = splitFields(ex.expected, ' ');
    ASSERT_GE(want.size(), 3u) << where(file, l) << ": expected 'date_start date_end precision [HH:MM]'";
    const auto mentions = tagger.tag(text, options);
    ASSERT_FALSE(mentions.empty()) << where(file, l) << ": nothing found in " << text;
    const TemporalMention* best = &mentions[0];
    auto iso = [](const std::optional<CivilDate>& d) { return d ? d->iso() : std::string("-"); };
    const bool resolved = best->resolution != Resolution::Unresolved;
    EXPECT_EQ(iso(best->dateStart) + " " + iso(best->dateEnd) + " " + (resolved ? toString(best->precision) : "-"),
              want[0] + " " + want[1] + " " + want[2])
        << where(file, l) << ": " << text << " (rule " << best->rule << ")";
    if (want.size() > 3) {
      EXPECT_EQ(best->time.value_or("-"), want[3]) << where(file, l) << ": " << text;
    }
  };
  Checker dateline = [&, where](const std::string& file, const LexiconLine& l) {
    const auto ex = splitExample(l.text);
    const auto found = datelines.find(ex.input);
    ASSERT_TRUE(found) << where(file, l) << ": no dateline in " << ex.input;
    EXPECT_EQ(found->date.iso(), ex.expected) << where(file, l);
  };
  // "sentence => ids" (subset; -id: not found), in the kind of the file.
  static Gazetteer gazetteer(lexicon);
  static EntityFinder entities(gazetteer);
  auto found = [&, where](const char* kind) -> Checker {
    return [&, where, kind](const std::string& file, const LexiconLine& l) {
      const auto ex = splitExample(l.text);
      const std::string failure = test::checkEntities(entities.find(ex.input), ex.expected, kind);
      EXPECT_EQ(failure, "") << where(file, l) << ": " << ex.input;
    };
  };
  // "sentence => key:value ..." (tests/support/EventExpectations.hpp), the
  // sentence an article of 2022-09-13 (a Tuesday).
  // The event rules do not yet read every example right: the failures are
  // collected and counted against a ratchet (EventExamplesHoldAtLeast).
  Checker events = [where](const std::string& file, const LexiconLine& l) {
    const auto ex = splitExample(l.text);
    const auto mentions = test::SentenceEvents::shared()(ex.input, CivilDate::make(2022, 9, 13));
    eventExamples().tried++;
    if (const std::string failure = test::checkEvents(mentions, ex.expected); !failure.empty())
      eventExamples().failures.push_back(where(file, l) + ": " + ex.input + ": " + failure);
  };
  // "phrase => best low high" ('-' for an unbounded side): its first quantity.
  static QuantityReader quantities(lexicon);
  Checker quantity = [where](const std::string& file, const LexiconLine& l) {
    const auto ex = splitExample(l.text);
    const TokenizedText tokens(ex.input);
    const auto numbers = quantities.find(tokens.tokens(), 0, tokens.tokens().size());
    ASSERT_FALSE(numbers.empty()) << where(file, l) << ": no quantity in " << ex.input;
    auto bound = [](const std::optional<long>& v) { return v ? std::to_string(*v) : std::string("-"); };
    EXPECT_EQ(std::to_string(numbers[0].best) + " " + bound(numbers[0].low) + " " + bound(numbers[0].high), ex.expected)
        << where(file, l);
  };
  return {
      {"pattern|subtype|status|frame", events},
      {"pattern|role", events},
      {"pattern|why", events},
      {"pattern|kind", events},
      {"pattern|modality", events},
      {"pattern|type|status", events},
      {"kind|a|b", events},
      {"kind|value|phrase|phrase...", quantity},
      {std::string(Gazetteer::kPlaceFormat), found("place")},
      {std::string(Gazetteer::kActorFormat), found("actor")},
      {std::string(Gazetteer::kNounFormat), found("actor")},
      {std::string(Gazetteer::kLocativeFormat), found("actor")},
      {std::string(Gazetteer::kPeopleFormat), found("person")},
      {"abbreviation", sentenceCount},
      {"canonical|alias|...", dateline},
      {"number|name|abbreviation|...", tagged},
      {"value|word|word...", tagged},
      {"unit|word|word...", tagged},
      {"season|first MM-DD|last MM-DD|word|word...", tagged},
      {"date|phrase|phrase...", tagged},
      {"part|time|word|word...", tagged},
      {"list|word|word...", tagged},
      {"rule|pattern|resolver", tagged},
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
  const EventExampleResults& ev = eventExamples();
  for (const std::string& f : ev.failures) std::cout << "event example not yet held: " << f << "\n";
  std::cout << "event examples: " << ev.tried - ev.failures.size() << "/" << ev.tried << " hold\n";
  EXPECT_GT(ev.tried, 100u);
  EXPECT_LE(ev.failures.size(), kEventExampleFailuresAtMost);
}

}  // namespace
}  // namespace chronicle
