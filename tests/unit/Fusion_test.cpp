// Fusion: which mentions become one event, and that the result does not
// depend on the order mentions come in.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "events/Fusion.hpp"

namespace chronicle {
namespace {

FusionInput mention(std::string type, std::string date, std::string precision, std::string initiator,
                    std::string target, std::string article, std::size_t start = 0) {
  FusionInput f;
  f.mention.type = std::move(type);
  if (!date.empty()) {
    f.mention.dateStart = CivilDate::parseIso(date.substr(0, 10));
    f.mention.dateEnd = CivilDate::parseIso(date.size() > 10 ? date.substr(11) : date.substr(0, 10));
  }
  f.mention.precision = std::move(precision);
  // undated mentions here wait for their article's date (else they are
  // timeless and found no event: TimelessMentionsMakeNoEvent)
  f.mention.dateSource = f.mention.dateStart ? "explicit" : "anchor";
  f.mention.initiator = std::move(initiator);
  f.mention.target = std::move(target);
  f.articleSha = article;
  f.articleId = static_cast<std::int64_t>(std::hash<std::string>{}(article) % 1000);
  f.mention.start = start;
  f.mention.confidence = 0.8;
  return f;
}

std::size_t eventsOf(const std::vector<FusionInput>& in) { return fuse(in).size(); }

TEST(Fusion, TheSameAttackInTwoArticlesIsOneEventWithBoth) {
  const auto events = fuse({mention("offensive", "2022-09-13", "day", "AZE", "ARM", "a"),
                            mention("offensive", "2022-09-13", "day", "AZE", "ARM", "b")});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].articleCount, 2u);
  EXPECT_EQ(events[0].sourceCount, 2u);
  EXPECT_GT(events[0].confidence, 0.8);
}

TEST(Fusion, OtherDayOtherDirectionOrOtherTypeIsAnotherEvent) {
  EXPECT_EQ(eventsOf({mention("offensive", "2022-09-13", "day", "AZE", "ARM", "a"),
                      mention("offensive", "2022-09-14", "day", "AZE", "ARM", "b")}),
            2u);
  EXPECT_EQ(eventsOf({mention("offensive", "2022-09-13", "day", "AZE", "ARM", "a"),
                      mention("offensive", "2022-09-13", "day", "ARM", "AZE", "b")}),
            2u);
  EXPECT_EQ(eventsOf({mention("offensive", "2022-09-13", "day", "AZE", "ARM", "a"),
                      mention("casualties", "2022-09-13", "day", "", "ARM", "b")}),
            2u);
}

TEST(Fusion, AnUnnamedSideJoinsTheNamedOne) {
  const auto events = fuse({mention("offensive", "2022-09-13", "day", "", "ARM", "a"),
                            mention("offensive", "2022-09-13", "day", "AZE", "ARM", "b")});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].initiator, "AZE");
  EXPECT_EQ(events[0].target, "ARM");
}

TEST(Fusion, CeasefirePartiesAreUnorderedAndAMediatorCounts) {
  FusionInput a = mention("ceasefire", "2022-09-13", "day", "ARM", "AZE", "a");
  a.mention.mediator = "RUS";
  a.mention.status = "agreed";
  FusionInput b = mention("ceasefire", "2022-09-13", "day", "RUS", "", "b");
  b.mention.status = "violated";
  FusionInput c = mention("ceasefire", "2022-09-13", "day", "AZE", "ARM", "c");
  const auto events = fuse({a, b, c});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].status, "violated");  // the latest stage any source reports
  EXPECT_EQ(events[0].articleCount, 3u);
}

TEST(Fusion, AMonthJoinsADayOfItButAYearDoesNot) {
  EXPECT_EQ(eventsOf({mention("agreement", "2020-11-10", "day", "ARM", "AZE", "a"),
                      mention("agreement", "2020-11-01/2020-11-30", "month", "AZE", "ARM", "b")}),
            1u);
  EXPECT_EQ(eventsOf({mention("offensive", "2020-09-27", "day", "AZE", "NKR", "a"),
                      mention("offensive", "2020-01-01/2020-12-31", "year", "AZE", "NKR", "b")}),
            2u);
}

TEST(Fusion, ACoarseMentionNeverBridgesTwoDays) {
  const auto events = fuse({mention("offensive", "2020-10-01", "day", "AZE", "NKR", "a"),
                            mention("offensive", "2020-10-01/2020-10-31", "month", "AZE", "NKR", "b"),
                            mention("offensive", "2020-10-20", "day", "AZE", "NKR", "c")});
  EXPECT_EQ(events.size(), 2u);
}

TEST(Fusion, UndatedMentionsFuseOnlyWithTheSameTwoSides) {
  EXPECT_EQ(eventsOf({mention("assistance_response", "", "unknown", "RUS", "ARM", "a"),
                      mention("assistance_response", "", "unknown", "RUS", "ARM", "b")}),
            1u);
  EXPECT_EQ(eventsOf({mention("assistance_response", "", "unknown", "RUS", "", "a"),
                      mention("assistance_response", "", "unknown", "RUS", "", "b")}),
            2u);
  EXPECT_EQ(eventsOf({mention("offensive", "", "unknown", "AZE", "ARM", "a"),
                      mention("offensive", "2022-09-13", "day", "AZE", "ARM", "b")}),
            2u);
}

TEST(Fusion, TimelessMentionsMakeNoEvent) {
  FusionInput a = mention("offensive", "", "unknown", "AZE", "ARM", "a");
  a.mention.dateSource.clear();  // nothing in the text dates it
  EXPECT_EQ(eventsOf({a}), 0u);
}

TEST(Fusion, ConditionalAndNegatedReportsMakeNoEvent) {
  FusionInput a = mention("offensive", "2022-09-13", "day", "AZE", "ARM", "a");
  a.mention.modality = "conditional";
  FusionInput b = mention("offensive", "2022-09-13", "day", "AZE", "ARM", "b");
  b.mention.modality = "negated";
  EXPECT_EQ(eventsOf({a, b}), 0u);
  FusionInput c = mention("offensive", "2022-09-13", "day", "AZE", "ARM", "c");
  c.mention.modality = "rumoured";
  const auto events = fuse({a, c});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].modality, "rumoured");
}

TEST(Fusion, ConflictingTollsAreKeptAsARange) {
  FusionInput a = mention("casualties", "2022-09-13", "day", "", "ARM", "a");
  a.mention.fatalities = 49;
  a.mention.fatalitiesLow = 49;  // "au moins 49": no upper bound
  FusionInput b = mention("casualties", "2022-09-13", "day", "", "ARM", "b");
  b.mention.fatalities = 50;
  b.mention.fatalitiesLow = 50;
  b.mention.fatalitiesHigh = 50;
  FusionInput c = mention("casualties", "2022-09-13", "day", "", "ARM", "c");
  c.mention.fatalities = 105;
  c.mention.fatalitiesLow = 105;
  c.mention.fatalitiesHigh = 105;
  const auto events = fuse({a, b, c});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].fatalities, 49);  // no figure has a majority: the lowest
  EXPECT_EQ(events[0].fatalitiesLow, 49);
  EXPECT_EQ(events[0].fatalitiesHigh, 105);
}

TEST(Fusion, TheResultDoesNotDependOnTheOrderMentionsComeIn) {
  std::vector<FusionInput> in = {
      mention("offensive", "2022-09-13", "day", "AZE", "ARM", "a", 10),
      mention("offensive", "2022-09-13", "day", "", "ARM", "b", 20),
      mention("offensive", "2022-09-13", "day", "ARM", "AZE", "b", 30),
      mention("ceasefire", "2022-09-13", "day", "RUS", "", "a", 40),
      mention("ceasefire", "2022-09-13", "day", "ARM", "AZE", "c", 50),
      mention("offensive", "2022-09-01/2022-09-30", "month", "AZE", "", "c", 60),
      mention("casualties", "2022-09-13", "day", "", "ARM", "c", 70),
      mention("offensive", "", "unknown", "AZE", "ARM", "a", 80),
  };
  auto signature = [](std::vector<FusionInput> v) {
    const auto events = fuse(v);
    std::vector<std::string> out;
    for (const auto& e : events) {
      std::vector<std::string> members;
      for (std::size_t k : e.members) members.push_back(v[k].articleSha + std::to_string(v[k].mention.start));
      std::sort(members.begin(), members.end());
      std::string s = e.id + " " + e.initiator + ">" + e.target;
      for (const auto& m : members) s += " " + m;
      out.push_back(s);
    }
    return out;
  };
  const auto expected = signature(in);
  std::mt19937 rng(7);
  for (int round = 0; round < 20; ++round) {
    std::shuffle(in.begin(), in.end(), rng);
    EXPECT_EQ(signature(in), expected) << "round " << round;
  }
}

}  // namespace
}  // namespace chronicle
