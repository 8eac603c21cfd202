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

// Events are found through buckets (days for narrow intervals, months for
// wide ones): overlapping intervals must still meet across the two kinds.
TEST(Fusion, NarrowAndWideIntervalsMeetAcrossTheirBuckets) {
  // a month and a day inside it
  EXPECT_EQ(eventsOf({mention("offensive", "2020-10-01/2020-10-31", "month", "AZE", "ARM", "a"),
                      mention("offensive", "2020-10-14", "day", "AZE", "ARM", "b")}),
            1u);
  // a day first, then a range of more than two months around it
  EXPECT_EQ(eventsOf({mention("offensive", "2020-10-14", "day", "AZE", "ARM", "a"),
                      mention("offensive", "2020-09-27/2020-12-20", "day", "AZE", "ARM", "b")}),
            1u);
  // two wide ranges that share one month, and one that shares none
  EXPECT_EQ(eventsOf({mention("offensive", "2020-06-01/2020-09-30", "day", "AZE", "ARM", "a"),
                      mention("offensive", "2020-09-15/2020-12-31", "day", "AZE", "ARM", "b"),
                      mention("offensive", "2021-03-01/2021-06-30", "day", "AZE", "ARM", "c")}),
            2u);
}

// Many mentions of one month, narrow and wide (where the buckets matter):
// every mention lands in one event, and the input order changes nothing.
TEST(Fusion, BucketsChangeNothingOnACrowdedMonth) {
  std::vector<FusionInput> in;
  const char* sides[] = {"AZE", "ARM", "RUS", ""};
  for (int i = 0; i < 400; ++i) {
    const int day = 1 + i % 28;
    const std::string d = std::string("2020-10-") + (day < 10 ? "0" : "") + std::to_string(day);
    const bool wide = i % 7 == 0;
    in.push_back(mention("offensive", wide ? "2020-09-20/" + d : d, i % 5 == 0 ? "week" : "day", sides[i % 4],
                         sides[(i / 4) % 4], "art" + std::to_string(i / 3), static_cast<std::size_t>(i)));
  }
  const auto events = fuse(in);
  // every mention is in exactly one event, and no two events could merge
  std::size_t members = 0;
  for (const auto& e : events) members += e.members.size();
  EXPECT_EQ(members, in.size());
  EXPECT_LT(events.size(), in.size());
  std::vector<FusionInput> shuffled = in;
  std::mt19937 rng(7);
  std::shuffle(shuffled.begin(), shuffled.end(), rng);
  const auto again = fuse(shuffled);
  ASSERT_EQ(again.size(), events.size());
  for (std::size_t k = 0; k < events.size(); ++k) EXPECT_EQ(again[k].id, events[k].id);
}

// EventStore::refuse fuses the mentions of one type at a time, to hold one
// type's mentions in memory: that must give the events of fusing them all
// at once (fuse() returns them by id; each type's part comes so too).
TEST(Fusion, FusingTypeByTypeGivesTheSameEvents) {
  std::vector<FusionInput> in;
  const char* types[] = {"offensive", "ceasefire", "casualties", "negotiation"};
  const char* sides[] = {"AZE", "ARM", "RUS", ""};
  for (int i = 0; i < 300; ++i) {
    const int day = 1 + (i * 7) % 28;
    const std::string d = std::string("2020-10-") + (day < 10 ? "0" : "") + std::to_string(day);
    in.push_back(mention(types[(i / 3) % 4], i % 11 == 0 ? "" : d, i % 11 == 0 ? "unknown" : "day", sides[i % 4],
                         sides[(i / 4) % 4], "art" + std::to_string(i / 5), static_cast<std::size_t>(i)));
  }
  std::vector<std::string> whole;
  for (const auto& e : fuse(in)) whole.push_back(e.id + " " + std::to_string(e.members.size()));
  std::vector<std::string> typeByType;
  for (const std::string type : types) {
    std::vector<FusionInput> part;
    for (const auto& f : in)
      if (f.mention.type == type) part.push_back(f);
    for (const auto& e : fuse(part)) typeByType.push_back(e.id + " " + std::to_string(e.members.size()));
  }
  std::sort(typeByType.begin(), typeByType.end());
  EXPECT_EQ(typeByType, whole);
}

}  // namespace
}  // namespace chronicle
