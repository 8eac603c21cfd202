// chronicle import -: plain text with --date/--title/--source/--url, JSON and
// NDJSON records with news-please's field names, and the usage errors of the
// single-article options.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "CliRunner.hpp"

namespace chronicle::clitest {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

const char* const kPlainText =
    "Erevan - La Russie s'est déclarée prête à fournir l'assistance nécessaire à l'Arménie.\n"
    "Les combats continuent dans le Haut-Karabakh, selon le ministère arménien de la Défense.\n";

RunOptions withStdin(std::string bytes) {
  RunOptions o;
  o.stdinBytes = std::move(bytes);
  return o;
}

TEST(ImportStdinCli, PlainTextWithTheSingleArticleOptions) {
  TempDir dir;
  ChronicleDb db(dir / "c.db");
  const RunResult r = db.run(
      {"import", "-", "--date", "2020-10-31", "--title", "T", "--source", "S", "--url", "U"}, withStdin(kPlainText));
  ASSERT_TRUE(succeeded(r));
  EXPECT_THAT(r.out, StartsWith("imported 1 article ("));
  ASSERT_EQ(db.count("articles"), 1);
  const auto a = db.show(db.idOf("stdin"));
  EXPECT_EQ(a["published"], "2020-10-31");
  EXPECT_EQ(a["published_source"], "metadata");
  EXPECT_EQ(a["title"], "T");
  EXPECT_EQ(a["source"], "S");
  EXPECT_EQ(a["url"], "U");
  EXPECT_TRUE(a["path"].is_null());
  EXPECT_THAT(a["text"].get<std::string>(), StartsWith("Erevan - La Russie s'est déclarée prête"));
}

TEST(ImportStdinCli, NewsPleaseNdjsonRecords) {
  TempDir dir;
  ChronicleDb db(dir / "c.db");
  const std::string ndjson =
      R"({"title": "Titre un", "maintext": "Erevan, 31 octobre 2020 (AFP) - La Russie se dit prête à aider l'Arménie. Les combats continuent.", "date_publish": "2020-11-01 10:23:00", "source_domain": "www.afp.com", "url": "https://example.org/un"})"
      "\n"
      R"({"title": "Titre deux", "maintext": "Bakou accuse Erevan de tirs d'artillerie contre Terter. Trois villages ont été touchés.", "date_publish": "2021-05-02 00:00:00", "source_domain": "www.lemonde.fr", "url": "https://example.org/deux", "language": "fr"})"
      "\n";
  const RunResult r = db.run({"import", "-"}, withStdin(ndjson));
  ASSERT_TRUE(succeeded(r));
  EXPECT_THAT(r.out, StartsWith("imported 2 articles ("));
  const auto rows =
      db.rows("SELECT name, title, published, published_source, source, url, text FROM articles ORDER BY url DESC");
  ASSERT_EQ(rows.size(), 2u) << rows.dump();
  EXPECT_EQ(rows[0]["title"], "Titre un");
  EXPECT_EQ(rows[0]["published"], "2020-11-01");
  EXPECT_EQ(rows[0]["published_source"], "metadata");
  EXPECT_EQ(rows[0]["source"], "www.afp.com");
  EXPECT_EQ(rows[0]["url"], "https://example.org/un");
  EXPECT_THAT(rows[0]["text"].get<std::string>(), HasSubstr("La Russie se dit prête à aider l'Arménie."));
  EXPECT_EQ(rows[1]["title"], "Titre deux");
  EXPECT_EQ(rows[1]["published"], "2021-05-02");
  EXPECT_EQ(rows[1]["source"], "www.lemonde.fr");
  EXPECT_EQ(rows[1]["url"], "https://example.org/deux");
  EXPECT_NE(rows[0]["name"], rows[1]["name"]);
}

TEST(ImportStdinCli, OneJsonDocumentWithOurFieldNames) {
  TempDir dir;
  ChronicleDb db(dir / "c.db");
  const std::string json =
      R"({"text": "Erevan - Le cessez-le-feu n'a pas tenu. Les combats ont repris samedi.", "published": "2022-09-13", "source": "AFP", "title": "Reprise"})";
  const RunResult r = db.run({"import", "-"}, withStdin(json));
  ASSERT_TRUE(succeeded(r));
  const auto rows = db.rows("SELECT published, source, title FROM articles");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0]["published"], "2022-09-13");
  EXPECT_EQ(rows[0]["source"], "AFP");
  EXPECT_EQ(rows[0]["title"], "Reprise");
}

TEST(ImportStdinCli, EmptyStdinIsADataError) {
  TempDir dir;
  ChronicleDb db(dir / "c.db");
  const RunResult r = db.run({"import", "-"}, withStdin(""));
  EXPECT_TRUE(failedWithOneLine(r, kExitDataError, {"stdin", "empty"}));
}

TEST(ImportStdinCli, TwentyMegabytesOnStdinAreRefusedBySize) {
  TempDir dir;
  ChronicleDb db(dir / "c.db");
  const RunResult r = db.run({"import", "-"}, withStdin(std::string(20u << 20, 'a')));
  EXPECT_TRUE(failedWithOneLine(r, kExitDataError, {"stdin", "larger than the maximum article size"}));
  EXPECT_LT(r.elapsed.count(), 5000) << "took " << r.elapsed.count() << " ms";
}

TEST(ImportStdinCli, DateThatIsNotADateIsAUsageError) {
  TempDir dir;
  ChronicleDb db(dir / "c.db");
  const RunResult r = db.run({"import", "-", "--date", "notadate"}, withStdin(kPlainText));
  EXPECT_TRUE(failedWithOneLine(r, kExitUsage, {"notadate"}));
  EXPECT_EQ(r.out, "");
  EXPECT_FALSE(fs::exists(db.file())) << "a usage error must not create the database";
}

TEST(ImportStdinCli, ImpossibleDateIsAUsageError) {
  TempDir dir;
  ChronicleDb db(dir / "c.db");
  EXPECT_TRUE(failedWithOneLine(db.run({"import", "-", "--date", "2020-02-30"}, withStdin(kPlainText)), kExitUsage,
                                {"2020-02-30"}));
}

TEST(ImportStdinCli, TitleWithTwoPathsIsAUsageError) {
  TempDir dir;
  ChronicleDb db(dir / "c.db");
  const RunResult r = db.run({"import", "--title", "T", corpusFile("000_9920c8300298414b.txt").string(),
                              corpusFile("001_3e796619a0f1a15d.txt").string()});
  EXPECT_TRUE(failedWithOneLine(r, kExitUsage, {"--title"}));
  EXPECT_FALSE(fs::exists(db.file()));
}

TEST(ImportStdinCli, DateWithADirectoryIsAUsageError) {
  TempDir dir;
  ChronicleDb db(dir / "c.db");
  const RunResult r = db.run({"import", "--date", "2020-10-31", corpusDir().string()});
  EXPECT_TRUE(failedWithOneLine(r, kExitUsage, {"--date"}));
  EXPECT_FALSE(fs::exists(db.file()));
}

TEST(ImportStdinCli, SingleArticleOptionsApplyToOneNamedFile) {
  TempDir dir;
  ChronicleDb db(dir / "c.db");
  const RunResult r = db.run({"import", "--date", "2019-01-02", "--source", "Ailleurs",
                              corpusFile("002_cb4c4a94565c18e3.txt").string()});
  ASSERT_TRUE(succeeded(r));
  const auto rows = db.rows("SELECT published, published_source, source FROM articles");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0]["published"], "2019-01-02");
  EXPECT_EQ(rows[0]["published_source"], "metadata");
  EXPECT_EQ(rows[0]["source"], "Ailleurs") << "the command line wins over the manifest";
}

}  // namespace
}  // namespace chronicle::clitest
