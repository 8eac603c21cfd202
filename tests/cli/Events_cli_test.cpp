// chronicle events, timeline, reprocess and articles set-date on the bundled
// corpus: the events contract, evidence that is the stored bytes, stable ids
// whatever the import order, and re-dating.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "CliRunner.hpp"

namespace chronicle::clitest {
namespace {

using ::testing::HasSubstr;

const std::string kSeed001 = "001_3e796619a0f1a15d.txt";
const std::string kSeed004 = "004_89321d9680ae37c9.txt";

std::vector<nlohmann::json> events(const ChronicleDb& db, std::vector<std::string> filters = {}) {
  std::vector<std::string> args = {"events", "--format", "ndjson"};
  args.insert(args.end(), filters.begin(), filters.end());
  const RunResult r = db.run(args);
  EXPECT_TRUE(succeeded(r));
  std::vector<nlohmann::json> out;
  for (const std::string& line : r.outLines()) out.push_back(nlohmann::json::parse(line));
  return out;
}

// What must not change between two databases of the same articles: ids,
// dates, sides and the names of the articles each event cites.
std::vector<std::string> signature(const std::vector<nlohmann::json>& evs) {
  std::vector<std::string> out;
  for (const auto& e : evs) {
    std::set<std::string> articles;
    for (const auto& s : e["sources"]) articles.insert(s["article"].get<std::string>() + "@" + std::to_string(s["start"].get<long>()));
    std::string sig = e["id"].get<std::string>() + " " + e["type"].get<std::string>() + " " + e["date_start"].dump() +
                      " " + e["initiator"].dump() + ">" + e["target"].dump();
    for (const auto& a : articles) sig += " " + a;
    out.push_back(sig);
  }
  std::sort(out.begin(), out.end());
  return out;
}

class EventsCli : public ::testing::Test {
 protected:
  TempDir dir;
  ChronicleDb db{dir / "c.db"};
};

TEST_F(EventsCli, EveryEventFollowsTheContractAndItsEvidenceIsTheStoredBytes) {
  ASSERT_NO_FATAL_FAILURE(db.importCorpus());
  const auto evs = events(db);
  ASSERT_GE(evs.size(), 15u);
  std::map<std::int64_t, std::string> texts;
  for (const auto& e : evs) {
    for (const char* key : {"id", "type", "subtype", "status", "date_start", "date_end", "precision", "date_text",
                            "initiator", "target", "mediator", "claimed_by", "locations", "fatalities",
                            "fatalities_low", "fatalities_high", "source_count", "article_count", "confidence",
                            "sources"})
      EXPECT_TRUE(e.contains(key)) << key << " missing in " << e.dump();
    EXPECT_EQ(e["id"].get<std::string>().rfind("ev-", 0), 0u);
    EXPECT_EQ(e["date_start"].is_null(), e["precision"] == "unknown") << e.dump();
    ASSERT_EQ(e["sources"].size(), e["source_count"].get<std::size_t>());
    for (const auto& s : e["sources"]) {
      const std::int64_t id = s["article_id"].get<std::int64_t>();
      if (!texts.count(id)) texts[id] = db.show(id)["text"].get<std::string>();
      const std::string& text = texts[id];
      const auto start = s["start"].get<std::size_t>(), end = s["end"].get<std::size_t>();
      ASSERT_LE(end, text.size());
      EXPECT_EQ(s["evidence"].get<std::string>(), text.substr(start, end - start)) << e["id"];
      EXPECT_THAT(s["evidence"].get<std::string>(), HasSubstr(s["trigger"].get<std::string>()));
    }
  }
}

TEST_F(EventsCli, ImportOrderDoesNotChangeTheEventsOrTheirIds) {
  ASSERT_NO_FATAL_FAILURE(db.importCorpus());
  // the same articles, one by one in reverse order, with the manifest's dates
  ChronicleDb reversed{dir / "r.db"};
  const std::vector<std::pair<std::string, std::string>> files = {
      {"004_89321d9680ae37c9.txt", "2022-09-13"}, {"003_fe0702cd3db7fe5e.txt", ""},
      {"002_cb4c4a94565c18e3.txt", ""},           {"001_3e796619a0f1a15d.txt", "2022-09-13"},
      {"000_9920c8300298414b.txt", ""}};
  for (const auto& [name, date] : files) {
    std::vector<std::string> args = {"import", corpusFile(name).string()};
    if (!date.empty()) args.insert(args.end(), {"--date", date});
    ASSERT_EQ(reversed.run(args).exitCode, kExitOk) << name;
  }
  EXPECT_EQ(signature(events(reversed)), signature(events(db)));
  // and reprocessing with the same rules changes nothing
  ASSERT_EQ(db.run({"reprocess"}).exitCode, kExitOk);
  EXPECT_EQ(signature(events(reversed)), signature(events(db)));
}

TEST_F(EventsCli, AnUndatedArticleGetsItsDatesFromSetDateAndFusesWithTheSameDaysReport) {
  // a copy away from the corpus's manifest, which dates it
  const fs::path alone = dir.write("alone/" + kSeed001, readBytes(corpusFile(kSeed001)));
  ASSERT_EQ(db.run({"import", alone.string()}).exitCode, kExitOk);
  for (const auto& e : events(db)) EXPECT_NE(e["date_start"].dump().substr(1, 4), "2022") << e.dump();
  const std::int64_t id = db.idOf(kSeed001);
  const RunResult set = db.run({"articles", "set-date", std::to_string(id), "2022-09-13"});
  ASSERT_TRUE(succeeded(set));
  const auto dated = events(db, {"--from", "2022-09-13", "--to", "2022-09-13"});
  EXPECT_GE(dated.size(), 3u);

  ASSERT_EQ(db.run({"import", corpusFile(kSeed004).string(), "--date", "2022-09-13"}).exitCode, kExitOk);
  std::size_t fused = 0;
  for (const auto& e : events(db, {"--from", "2022-09-13", "--to", "2022-09-13"}))
    if (e["article_count"] == 2) ++fused;
  EXPECT_GE(fused, 2u);
}

TEST_F(EventsCli, FiltersNarrowTheEvents) {
  ASSERT_NO_FATAL_FAILURE(db.importCorpus());
  const auto all = events(db);
  const auto offensives = events(db, {"--type", "offensive"});
  ASSERT_FALSE(offensives.empty());
  EXPECT_LT(offensives.size(), all.size());
  for (const auto& e : offensives) EXPECT_EQ(e["type"], "offensive");
  for (const auto& e : events(db, {"--actor", "cSTo"}))
    EXPECT_TRUE(e["initiator"] == "CSTO" || e["target"] == "CSTO" || e["mediator"] == "CSTO");
  for (const auto& e : events(db, {"--from", "2021", "--to", "2021"})) EXPECT_EQ(e["date_start"].get<std::string>().substr(0, 4), "2021");
  EXPECT_EQ(events(db, {"--limit", "2"}).size(), 2u);
  for (const auto& e : events(db, {"--min-sources", "2"})) EXPECT_GE(e["source_count"].get<int>(), 2);
}

TEST_F(EventsCli, BadFiltersAreUsageErrors) {
  ASSERT_NO_FATAL_FAILURE(db.importCorpus());
  EXPECT_TRUE(failedWithOneLine(db.run({"events", "--type", "bombing"}), kExitUsage, {"bombing"}));
  EXPECT_TRUE(failedWithOneLine(db.run({"events", "--from", "31/10/2020"}), kExitUsage, {"31/10/2020"}));
  EXPECT_TRUE(failedWithOneLine(db.run({"timeline", "--from", "2022", "--to", "2021"}), kExitUsage, {"--to"}));
}

TEST_F(EventsCli, TimelineGroupsByYearAndMonthWithDatesAtTheirPrecision) {
  ASSERT_NO_FATAL_FAILURE(db.importCorpus());
  const RunResult r = db.run({"timeline"});
  ASSERT_TRUE(succeeded(r));
  EXPECT_THAT(r.out, HasSubstr("== 2020 =="));
  EXPECT_THAT(r.out, HasSubstr("-- septembre 2022 --"));
  EXPECT_THAT(r.out, HasSubstr("13 sept. 2022"));
  EXPECT_THAT(r.out, HasSubstr("Arménie"));
  const RunResult v = db.run({"timeline", "--evidence", "--type", "assistance_request"});
  ASSERT_TRUE(succeeded(v));
  EXPECT_THAT(v.out, HasSubstr("« "));
}

TEST_F(EventsCli, ExtractShowsTheMentionsAndWhy) {
  const RunResult r = runChronicle({"extract", corpusFile(kSeed004).string(), "--date", "2022-09-13"});
  ASSERT_TRUE(succeeded(r));
  EXPECT_THAT(r.out, HasSubstr("event   assistance_request"));
  EXPECT_THAT(r.out, HasSubstr("why: trigger"));
}

}  // namespace
}  // namespace chronicle::clitest
