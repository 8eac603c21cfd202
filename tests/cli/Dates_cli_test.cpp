// chronicle dates: the tagger through the binary, as score-dates and users
// call it.
#include <gtest/gtest.h>
#include <gmock/gmock.h>
#include <nlohmann/json.hpp>

#include "CliRunner.hpp"

namespace chronicle::clitest {
namespace {

using ::testing::HasSubstr;

nlohmann::json line(const RunResult& r, std::size_t index) {
  const auto lines = r.outLines();
  return nlohmann::json::parse(lines.at(index));
}

TEST(DatesCli, NdjsonContractOnStdinLines) {
  RunOptions in;
  in.stdinBytes = "La Russie s’est déclarée samedi prête à aider.\nRien ici.\nLe 27 septembre, l’offensive.\n";
  const RunResult r = runChronicle({"dates", "--anchor", "2020-10-31", "--format", "ndjson"}, in);
  ASSERT_TRUE(succeeded(r)) << r.err;
  ASSERT_EQ(r.outLines().size(), 3u);
  const auto first = line(r, 0);
  EXPECT_EQ(first["line"], 1);
  ASSERT_EQ(first["mentions"].size(), 1u);
  const auto& m = first["mentions"][0];
  EXPECT_EQ(m["text"], "samedi");
  EXPECT_EQ(m["date_start"], "2020-10-31");
  EXPECT_EQ(m["date_end"], "2020-10-31");
  EXPECT_EQ(m["precision"], "day");
  EXPECT_EQ(m["resolution"], "anchor");
  // start/end are UTF-8 byte offsets into the line: "s’est" has a 3-byte apostrophe.
  const std::string text = "La Russie s’est déclarée samedi prête à aider.";
  EXPECT_EQ(text.substr(m["start"].get<std::size_t>(), m["end"].get<std::size_t>() - m["start"].get<std::size_t>()),
            "samedi");
  EXPECT_TRUE(line(r, 1)["mentions"].empty());
  EXPECT_EQ(line(r, 2)["mentions"][0]["date_start"], "2020-09-27");
}

TEST(DatesCli, WithoutAnAnchorRelativeDatesStayUnresolved) {
  const RunResult r = runChronicle({"dates", "--format", "ndjson", "hier, puis le 31 oct 2020"});
  ASSERT_TRUE(succeeded(r)) << r.err;
  const auto mentions = line(r, 0)["mentions"];
  ASSERT_EQ(mentions.size(), 2u);
  EXPECT_TRUE(mentions[0]["date_start"].is_null());
  EXPECT_TRUE(mentions[0]["precision"].is_null());
  EXPECT_EQ(mentions[0]["resolution"], "unresolved");
  EXPECT_EQ(mentions[1]["date_start"], "2020-10-31");
  EXPECT_EQ(mentions[1]["resolution"], "absolute");
}

TEST(DatesCli, PreferFutureIsDucklingsConvention) {
  const RunResult past = runChronicle({"dates", "--anchor", "2013-02-12", "--format", "ndjson", "lundi"});
  const RunResult future =
      runChronicle({"dates", "--anchor", "2013-02-12", "--prefer", "future", "--format", "ndjson", "lundi"});
  ASSERT_TRUE(succeeded(past));
  ASSERT_TRUE(succeeded(future));
  EXPECT_EQ(line(past, 0)["mentions"][0]["date_start"], "2013-02-11");
  EXPECT_EQ(line(future, 0)["mentions"][0]["date_start"], "2013-02-18");
}

TEST(DatesCli, TextFormatForAPerson) {
  const RunResult r = runChronicle({"dates", "--anchor", "2022-09-13", "aujourd'hui à neuf heures du matin"});
  ASSERT_TRUE(succeeded(r)) << r.err;
  EXPECT_THAT(r.out, HasSubstr("aujourd'hui à neuf heures du matin"));
  EXPECT_THAT(r.out, HasSubstr("2022-09-13 day 09:00"));
}

TEST(DatesCli, BadArgumentsAreUsageErrors) {
  EXPECT_TRUE(failedWithOneLine(runChronicle({"dates", "--anchor", "2020-02-30", "hier"}), kExitUsage, {"--anchor"}));
  EXPECT_TRUE(failedWithOneLine(runChronicle({"dates", "--prefer", "sideways", "hier"}), kExitUsage));
  EXPECT_TRUE(failedWithOneLine(runChronicle({"dates", "--format", "xml", "hier"}), kExitUsage));
}

TEST(DatesCli, InvalidUtf8LineIsADataError) {
  RunOptions in;
  in.stdinBytes = std::string("hier\n\xff\xfe samedi\n");
  const RunResult r = runChronicle({"dates", "--anchor", "2020-10-31", "--format", "ndjson"}, in);
  EXPECT_TRUE(failedWithOneLine(r, kExitDataError, {"line 2", "UTF-8"}));
}

TEST(DatesCli, LexiconOverrideAddsAWordWithoutRecompiling) {
  TempDir dir;
  // A user's months file: "brumaire" as a name for November, for the example.
  const std::string months = readBytes(fs::path(CHRONICLE_SOURCE_DIR) / "lexicon/fr/temporal/months.txt");
  dir.write("fr/temporal/months.txt", months + "\n11|brumaire\n");
  const RunResult r = runChronicle({"--lexicon", dir.path().string(), "dates", "--format", "ndjson", "le 18 brumaire 2020"});
  ASSERT_TRUE(succeeded(r)) << r.err;
  EXPECT_EQ(line(r, 0)["mentions"][0]["date_start"], "2020-11-18");
}

}  // namespace
}  // namespace chronicle::clitest
