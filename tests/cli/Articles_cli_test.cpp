// chronicle articles list|show|set-date|remove.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "CliRunner.hpp"

namespace chronicle::clitest {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

const std::string kSeed002 = "002_cb4c4a94565c18e3.txt";

class ArticlesCli : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_NO_FATAL_FAILURE(db.importCorpus()); }

  TempDir dir;
  ChronicleDb db{dir / "c.db"};
};

TEST_F(ArticlesCli, ListAsJson) {
  const RunResult r = db.run({"articles", "list", "--format", "json"});
  ASSERT_TRUE(succeeded(r));
  const auto list = nlohmann::json::parse(r.out);
  ASSERT_EQ(list.size(), 5u);
  for (const auto& a : list) {
    EXPECT_TRUE(a["id"].is_number_integer());
    EXPECT_TRUE(a["name"].is_string());
    EXPECT_GT(a["sentences"].get<int>(), 0);
  }
}

TEST_F(ArticlesCli, ListAsTableForAPerson) {
  const RunResult r = db.run({"articles", "list"});
  ASSERT_TRUE(succeeded(r));
  const auto lines = r.outLines();
  ASSERT_EQ(lines.size(), 7u) << r.out;  // header, rule, five articles
  EXPECT_THAT(lines[0], StartsWith("id"));
  EXPECT_THAT(lines[0], HasSubstr("published"));
  EXPECT_THAT(r.out, HasSubstr(kSeed002));
}

TEST_F(ArticlesCli, ShowAsText) {
  const std::int64_t id = db.idOf(kSeed002);
  const RunResult r = db.run({"articles", "show", std::to_string(id)});
  ASSERT_TRUE(succeeded(r));
  EXPECT_THAT(r.out, StartsWith("article    #" + std::to_string(id) + " " + kSeed002 + "\n"));
  EXPECT_THAT(r.out, HasSubstr("\npublished  2020-10-31 (dateline"));
  EXPECT_THAT(r.out, HasSubstr("\nsource     AFP\n"));
  EXPECT_THAT(r.out, HasSubstr("La Russie s’est déclarée samedi prête à fournir"));
}

TEST_F(ArticlesCli, ShowSentencesWithTheirSpans) {
  const std::int64_t id = db.idOf(kSeed002);
  const RunResult r = db.run({"articles", "show", std::to_string(id), "--sentences"});
  ASSERT_TRUE(succeeded(r));
  EXPECT_THAT(r.out, HasSubstr("La Russie s’est déclarée samedi"));
  EXPECT_THAT(r.out, HasSubstr("\n0\t["));
}

TEST_F(ArticlesCli, ShowAsJson) {
  const std::int64_t id = db.idOf(kSeed002);
  const auto a = db.show(id);
  EXPECT_EQ(a["id"], id);
  EXPECT_EQ(a["name"], kSeed002);
  EXPECT_EQ(a["published"], "2020-10-31");
  EXPECT_EQ(a["published_source"], "dateline");
  EXPECT_EQ(a["source"], "AFP");
  EXPECT_EQ(a["language"], "fr");
  EXPECT_EQ(a["charset"], "UTF-8");
  EXPECT_EQ(a["sha256"].get<std::string>().size(), 64u);
  EXPECT_EQ(a["path"], corpusFile(kSeed002).lexically_normal().string());
  const std::string text = a["text"].get<std::string>();
  EXPECT_THAT(text, HasSubstr("La Russie s’est déclarée samedi"));
  ASSERT_TRUE(a["sentences"].is_array());
  EXPECT_EQ(static_cast<std::int64_t>(a["sentences"].size()),
            db.count("sentences WHERE article_id = " + std::to_string(id)));
  for (const auto& s : a["sentences"]) {
    const auto start = s["start"].get<std::size_t>(), end = s["end"].get<std::size_t>();
    ASSERT_LT(start, end);
    ASSERT_LE(end, text.size());
    EXPECT_EQ(text.substr(start, end - start), s["text"].get<std::string>());
  }
}

TEST_F(ArticlesCli, SetDateThenListShowsItFromMetadata) {
  const std::int64_t id = db.idOf("000_9920c8300298414b.txt");
  const RunResult r = db.run({"articles", "set-date", std::to_string(id), "2022-09-13"});
  ASSERT_TRUE(succeeded(r));
  EXPECT_THAT(r.out, HasSubstr("2022-09-13"));
  EXPECT_THAT(r.out, HasSubstr("was 2020-11-01"));

  const auto rows = parseCsv(db.run({"articles", "list", "--format", "csv"}).out);
  bool seen = false;
  for (const auto& row : rows) {
    if (row.size() < 4 || row[1] != "000_9920c8300298414b.txt") continue;
    seen = true;
    EXPECT_EQ(row[2], "2022-09-13");
    EXPECT_EQ(row[3], "metadata");
  }
  EXPECT_TRUE(seen);
}

TEST_F(ArticlesCli, SetDateWithABadDateIsAUsageError) {
  const std::string before = db.bytes();
  const std::int64_t id = db.idOf("000_9920c8300298414b.txt");
  for (const char* bad : {"2022-13-01", "2020-02-30", "hier", "13/09/2022"}) {
    const RunResult r = db.run({"articles", "set-date", std::to_string(id), bad});
    EXPECT_TRUE(failedWithOneLine(r, kExitUsage, {bad}));
    EXPECT_EQ(r.out, "");
  }
  EXPECT_EQ(db.bytes(), before);
}

TEST_F(ArticlesCli, SetDateOfAMissingArticleIsADataError) {
  EXPECT_TRUE(failedWithOneLine(db.run({"articles", "set-date", "999", "2022-09-13"}), kExitDataError, {"999"}));
}

TEST_F(ArticlesCli, RemoveLeavesFourAndItsSentencesLeaveTheIndex) {
  // "Gumri" is in seed 002 only.
  const RunResult found = db.run({"search", "Gumri", "--format", "ndjson"});
  ASSERT_TRUE(succeeded(found));
  ASSERT_EQ(found.outLines().size(), 1u) << found.out;

  const std::int64_t id = db.idOf(kSeed002);
  const RunResult r = db.run({"articles", "remove", std::to_string(id)});
  ASSERT_TRUE(succeeded(r));
  EXPECT_THAT(r.out, HasSubstr(kSeed002));
  EXPECT_EQ(db.count("articles"), 4);
  EXPECT_EQ(db.count("sentences WHERE article_id = " + std::to_string(id)), 0);

  const RunResult gone = db.run({"search", "Gumri", "--format", "ndjson"});
  ASSERT_TRUE(succeeded(gone));
  EXPECT_EQ(gone.out, "");
  EXPECT_EQ(db.count("sentences_fts WHERE sentences_fts MATCH 'Gumri'"), 0);
  EXPECT_TRUE(failedWithOneLine(db.run({"articles", "show", std::to_string(id)}), kExitDataError));
}

TEST_F(ArticlesCli, RemoveOfAMissingArticleIsADataError) {
  const std::string before = db.bytes();
  EXPECT_TRUE(failedWithOneLine(db.run({"articles", "remove", "999"}), kExitDataError, {"999"}));
  EXPECT_EQ(db.bytes(), before);
  EXPECT_EQ(db.count("articles"), 5);
}

TEST_F(ArticlesCli, ShowOfAMissingArticleIsADataError) {
  const RunResult r = db.run({"articles", "show", "999"});
  EXPECT_TRUE(failedWithOneLine(r, kExitDataError, {"999"}));
  EXPECT_EQ(r.out, "");
}

TEST_F(ArticlesCli, ShowOfANonNumericIdIsAUsageError) {
  EXPECT_TRUE(failedWithOneLine(db.run({"articles", "show", "abc"}), kExitUsage));
}

TEST_F(ArticlesCli, ArticlesWithoutSubcommandIsAUsageError) {
  EXPECT_TRUE(failedWithOneLine(db.run({"articles"}), kExitUsage));
}

TEST_F(ArticlesCli, UnknownListFormatIsAUsageError) {
  EXPECT_TRUE(failedWithOneLine(db.run({"articles", "list", "--format", "xml"}), kExitUsage, {"xml"}));
}

}  // namespace
}  // namespace chronicle::clitest
