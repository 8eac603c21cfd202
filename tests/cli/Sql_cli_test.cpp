// chronicle sql: what the corpus import stored, the read-only guarantee, and
// the output formats.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <csignal>

#include "CliRunner.hpp"

namespace chronicle::clitest {
namespace {

using ::testing::EndsWith;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

class SqlCli : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_NO_FATAL_FAILURE(db.importCorpus()); }

  TempDir dir;
  ChronicleDb db{dir / "c.db"};
};

TEST_F(SqlCli, Seed002SentenceEndsWithTerritoireArmenien) {
  const auto rows = db.rows(
      "SELECT s.text FROM sentences s JOIN articles a ON a.id = s.article_id "
      "WHERE a.name = '002_cb4c4a94565c18e3.txt' AND s.text LIKE 'La Russie s’est déclarée samedi%'");
  ASSERT_EQ(rows.size(), 1u) << rows.dump();
  const std::string text = rows[0]["text"].get<std::string>();
  EXPECT_THAT(text, StartsWith("La Russie s’est déclarée samedi prête à fournir l’assistance « nécessaire »"));
  EXPECT_THAT(text, EndsWith("si les combats s’étendent au territoire arménien."));
  EXPECT_THAT(text, Not(HasSubstr("\n")));
}

TEST_F(SqlCli, EverySentenceIsItsByteSpanOfTheArticleText) {
  const auto rows = db.rows(
      "SELECT a.name, s.ordinal, s.text AS sentence, "
      "       CAST(substr(CAST(a.text AS BLOB), s.start_byte + 1, s.end_byte - s.start_byte) AS TEXT) AS span "
      "FROM sentences s JOIN articles a ON a.id = s.article_id "
      "WHERE s.text IS NOT CAST(substr(CAST(a.text AS BLOB), s.start_byte + 1, s.end_byte - s.start_byte) AS TEXT) "
      "   OR s.end_byte > length(CAST(a.text AS BLOB))");
  EXPECT_EQ(rows.size(), 0u) << rows.dump(2);
  EXPECT_GT(db.count("sentences"), 100);
}

TEST_F(SqlCli, SentencesAreOrderedAndDoNotOverlap) {
  EXPECT_EQ(db.count("sentences s JOIN sentences t ON t.article_id = s.article_id AND t.ordinal = s.ordinal + 1 "
                     "WHERE t.start_byte < s.end_byte"),
            0);
  EXPECT_EQ(db.value("SELECT count(*) FROM articles a WHERE (SELECT count(*) FROM sentences s WHERE s.article_id = "
                     "a.id) <> 1 + (SELECT max(ordinal) FROM sentences s WHERE s.article_id = a.id)"),
            0);
}

// ---- refused statements: exit 1, one line, the file untouched ------------

class SqlRefusalCli : public SqlCli, public ::testing::WithParamInterface<const char*> {};

TEST_P(SqlRefusalCli, IsRefusedAndTheFileIsByteIdentical) {
  const std::string before = db.bytes();
  const auto version = db.value("PRAGMA user_version");
  const RunResult r = db.run({"sql", GetParam()});
  EXPECT_TRUE(failedWithOneLine(r, kExitDataError));
  EXPECT_THAT(r.err, StartsWith("chronicle: sql: "));
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(db.bytes() == before) << "the database file changed";
  EXPECT_EQ(db.count("articles"), 5);
  EXPECT_EQ(db.value("PRAGMA user_version"), version);
}

INSTANTIATE_TEST_SUITE_P(
    , SqlRefusalCli,
    ::testing::Values("delete from articles", "DELETE FROM sentences WHERE id > 0",
                      "INSERT INTO articles(sha256, name, published_source, imported_at, text) "
                      "VALUES ('x', 'n', 'unknown', '2020-01-01T00:00:00Z', 'x')",
                      "UPDATE articles SET title = 'x'", "DROP TABLE sentences", "drop table articles",
                      "ATTACH DATABASE ':memory:' AS other", "PRAGMA user_version=5", "PRAGMA journal_mode=DELETE",
                      "select load_extension('x')", "SELECT load_extension('/tmp/x.so', 'init')", "DETACH DATABASE main",
                      "PRAGMA writable_schema=1", "PRAGMA foreign_keys = OFF", "VACUUM", "CREATE TABLE t(x)", "CREATE TEMP TABLE t(x)",
                      "REINDEX", "INSERT INTO sentences_fts(sentences_fts) VALUES ('rebuild')",
                      "SELECT 1; DELETE FROM articles", "SELECT 1; SELECT 2", "SELEC 1", "SELECT * FROM no_such_table"));

TEST_F(SqlCli, RefusalSaysItIsReadOnly) {
  const RunResult r = db.run({"sql", "delete from articles"});
  EXPECT_TRUE(failedWithOneLine(r, kExitDataError, {"read-only"}));
}

// ---- formats -------------------------------------------------------------

const char* const kFormatQuery =
    "SELECT 1 AS n, 'a,b \"q\"' AS s, NULL AS z, 2.5 AS f, 'Érevan' AS e "
    "UNION ALL SELECT 2, 'deux\nlignes', 'x', -1.0, '' ORDER BY n";

TEST_F(SqlCli, CsvHasAHeaderAndQuotes) {
  const RunResult r = db.run({"sql", kFormatQuery, "--format", "csv"});
  ASSERT_TRUE(succeeded(r));
  EXPECT_THAT(r.out, StartsWith("n,s,z,f,e\r\n1,\"a,b \"\"q\"\"\",,2.5,Érevan\r\n"));
  const auto rows = parseCsv(r.out);
  ASSERT_EQ(rows.size(), 3u) << r.out;
  EXPECT_EQ(rows[0], (std::vector<std::string>{"n", "s", "z", "f", "e"}));
  EXPECT_EQ(rows[1], (std::vector<std::string>{"1", "a,b \"q\"", "", "2.5", "Érevan"}));
  EXPECT_EQ(rows[2][1], "deux\nlignes");
  EXPECT_EQ(rows[2][2], "x");
}

TEST_F(SqlCli, CsvWithoutHeader) {
  const RunResult r = db.run({"sql", kFormatQuery, "--format", "csv", "--no-header"});
  ASSERT_TRUE(succeeded(r));
  const auto rows = parseCsv(r.out);
  ASSERT_EQ(rows.size(), 2u) << r.out;
  EXPECT_EQ(rows[0][0], "1");
}

TEST_F(SqlCli, JsonParsesBackWithTypes) {
  const RunResult r = db.run({"sql", kFormatQuery, "--format", "json"});
  ASSERT_TRUE(succeeded(r));
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_TRUE(j.is_array());
  ASSERT_EQ(j.size(), 2u);
  EXPECT_EQ(j[0]["n"], 1);
  EXPECT_TRUE(j[0]["n"].is_number_integer());
  EXPECT_EQ(j[0]["s"], "a,b \"q\"");
  EXPECT_TRUE(j[0]["z"].is_null());
  EXPECT_DOUBLE_EQ(j[0]["f"].get<double>(), 2.5);
  EXPECT_EQ(j[0]["e"], "Érevan");
  EXPECT_EQ(j[1]["s"], "deux\nlignes");
  // Key order is the column order.
  std::vector<std::string> keys;
  const auto ordered = nlohmann::ordered_json::parse(r.out);
  for (const auto& [k, v] : ordered[0].items()) keys.push_back(k);
  EXPECT_EQ(keys, (std::vector<std::string>{"n", "s", "z", "f", "e"}));
}

TEST_F(SqlCli, JsonOfNoRowIsAnEmptyArray) {
  const RunResult r = db.run({"sql", "SELECT id FROM articles WHERE id < 0", "--format", "json"});
  ASSERT_TRUE(succeeded(r));
  EXPECT_EQ(nlohmann::json::parse(r.out), nlohmann::json::array());
}

TEST_F(SqlCli, NdjsonIsOneObjectPerLine) {
  const RunResult r = db.run({"sql", kFormatQuery, "--format", "ndjson"});
  ASSERT_TRUE(succeeded(r));
  const auto lines = r.outLines();
  ASSERT_EQ(lines.size(), 2u) << r.out;
  EXPECT_EQ(nlohmann::json::parse(lines[0])["e"], "Érevan");
  EXPECT_EQ(nlohmann::json::parse(lines[1])["s"], "deux\nlignes");
}

TEST_F(SqlCli, NdjsonOfTheArticles) {
  const RunResult r = db.run({"sql", "SELECT id, name, published FROM articles", "--format", "ndjson"});
  ASSERT_TRUE(succeeded(r));
  const auto lines = r.outLines();
  ASSERT_EQ(lines.size(), 5u);
  for (const auto& line : lines) EXPECT_TRUE(nlohmann::json::parse(line)["published"].is_string()) << line;
}

TEST_F(SqlCli, MarkdownIsAPipeTable) {
  const RunResult r = db.run({"sql", "SELECT 1 AS n, 'a|b' AS s", "--format", "markdown"});
  ASSERT_TRUE(succeeded(r));
  const auto lines = r.outLines();
  ASSERT_EQ(lines.size(), 3u) << r.out;
  EXPECT_EQ(lines[0], "| n | s |");
  EXPECT_THAT(lines[1], StartsWith("| -"));
  EXPECT_THAT(lines[2], HasSubstr("a\\|b"));
}

TEST_F(SqlCli, TableIsAlignedWithAHeader) {
  const RunResult r = db.run({"sql", "SELECT id, name FROM articles ORDER BY id", "--format", "table"});
  ASSERT_TRUE(succeeded(r));
  const auto lines = r.outLines();
  ASSERT_EQ(lines.size(), 7u) << r.out;
  EXPECT_THAT(lines[0], StartsWith("id"));
  EXPECT_THAT(lines[0], HasSubstr("name"));
  EXPECT_THAT(lines[1], StartsWith("--"));
  EXPECT_THAT(lines[2], HasSubstr("000_9920c8300298414b.txt"));
  // Default format is the table.
  EXPECT_EQ(db.run({"sql", "SELECT id, name FROM articles ORDER BY id"}).out, r.out);
}

TEST_F(SqlCli, TableWithoutHeader) {
  const RunResult r = db.run({"sql", "SELECT id, name FROM articles ORDER BY id", "--no-header"});
  ASSERT_TRUE(succeeded(r));
  const auto lines = r.outLines();
  ASSERT_EQ(lines.size(), 5u) << r.out;
  EXPECT_THAT(lines[0], HasSubstr("000_9920c8300298414b.txt"));
}

TEST_F(SqlCli, UnknownFormatIsAUsageError) {
  EXPECT_TRUE(failedWithOneLine(db.run({"sql", "SELECT 1", "--format", "xml"}), kExitUsage, {"xml"}));
}

TEST_F(SqlCli, MissingQueryIsAUsageError) { EXPECT_TRUE(failedWithOneLine(db.run({"sql"}), kExitUsage)); }

TEST_F(SqlCli, BlankQueryIsAUsageError) {
  for (const char* blank : {"", "   ", " ; ;"}) {
    const RunResult r = db.run({"sql", blank});
    EXPECT_TRUE(failedWithOneLine(r, kExitUsage, {"no SQL statement"}));
    EXPECT_EQ(r.out, "");
  }
}

TEST_F(SqlCli, SchemaIntrospectionIsAllowed) {
  const auto columns = db.rows("PRAGMA table_info(articles)");
  ASSERT_FALSE(columns.empty());
  EXPECT_EQ(columns[0]["name"], "id");
  EXPECT_EQ(db.rows("SELECT name FROM pragma_table_info('sentences')").size(), 6u);
  EXPECT_GE(db.rows("SELECT name FROM sqlite_schema WHERE type = 'table'").size(), 3u);
}

TEST_F(SqlCli, TrailingSemicolonAndCommentAreNotASecondStatement) {
  EXPECT_EQ(db.value("SELECT count(*) FROM articles;"), 5);
  EXPECT_EQ(db.value("SELECT count(*) FROM articles; -- the five"), 5);
}

// ---- the sqlite3 shell's modes, --header / --no-header ---------------------

const char* const kModeQuery = "SELECT 1 AS n, 'Érevan' AS ville UNION ALL SELECT 22, 'Goris' ORDER BY n";

class SqlModeCli : public SqlCli, public ::testing::WithParamInterface<const char*> {};

TEST_P(SqlModeCli, RunsWithAndWithoutHeader) {
  const std::string mode = GetParam();
  const RunResult with = db.run({"sql", kModeQuery, "--format", mode, "--header"});
  const RunResult without = db.run({"sql", kModeQuery, "--format", mode, "--no-header"});
  ASSERT_TRUE(succeeded(with)) << with.err;
  ASSERT_TRUE(succeeded(without)) << without.err;
  EXPECT_THAT(with.out, HasSubstr("Érevan"));
  EXPECT_THAT(without.out, HasSubstr("Goris"));
  // The default is --header.
  EXPECT_EQ(db.run({"sql", kModeQuery, "--format", mode}).out, with.out);
  const bool headed = mode == "table" || mode == "box" || mode == "csv" || mode == "tsv";
  if (headed) {
    EXPECT_THAT(with.out, HasSubstr("ville"));
    EXPECT_THAT(without.out, Not(HasSubstr("ville")));
  } else {
    EXPECT_EQ(with.out, without.out) << mode << " always names its columns";
  }
}

INSTANTIATE_TEST_SUITE_P(, SqlModeCli,
                         ::testing::Values("table", "box", "csv", "tsv", "json", "ndjson", "markdown", "line"));

TEST_F(SqlCli, BoxDrawsTheTable) {
  const RunResult r = db.run({"sql", kModeQuery, "--format", "box"});
  ASSERT_TRUE(succeeded(r));
  const auto lines = r.outLines();
  ASSERT_EQ(lines.size(), 6u) << r.out;
  EXPECT_EQ(lines[0], "┌────┬────────┐");
  EXPECT_EQ(lines[1], "│ n  │ ville  │");
  EXPECT_EQ(lines[2], "├────┼────────┤");
  EXPECT_EQ(lines[3], "│  1 │ Érevan │");
  EXPECT_EQ(lines[4], "│ 22 │ Goris  │");
  EXPECT_EQ(lines[5], "└────┴────────┘");
  const auto bare = db.run({"sql", kModeQuery, "--format", "box", "--no-header"}).outLines();
  EXPECT_EQ(bare, (std::vector<std::string>{"┌────┬────────┐", "│  1 │ Érevan │", "│ 22 │ Goris  │", "└────┴────────┘"}));
}

TEST_F(SqlCli, LineIsOneColumnEqualsValuePerLineAndABlankLineBetweenRows) {
  const RunResult r = db.run({"sql", kModeQuery, "--format", "line"});
  ASSERT_TRUE(succeeded(r));
  EXPECT_EQ(r.out, "    n = 1\nville = Érevan\n\n    n = 22\nville = Goris\n");
}

TEST_F(SqlCli, TsvIsTabSeparatedWithEscapes) {
  const RunResult r = db.run({"sql", "SELECT 'a\tb' AS x, 'deux\nlignes' AS y", "--format", "tsv"});
  ASSERT_TRUE(succeeded(r));
  EXPECT_EQ(r.out, "x\ty\na\\tb\tdeux\\nlignes\n");
}

// ---- time limit ---------------------------------------------------------------

const char* const kSlowQuery =
    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000000) SELECT count(*) FROM c";

TEST_F(SqlCli, TimeoutInterruptsASlowQueryWithExitCode3) {
  const RunResult r = db.run({"sql", kSlowQuery, "--timeout", "1"});
  EXPECT_TRUE(failedWithOneLine(r, 3, {"query interrupted after 1 s (--timeout)"}));
  EXPECT_EQ(r.out, "");
}

TEST_F(SqlCli, CtrlCInterruptsARunningQueryWithExitCode130) {
  RunOptions options;
  options.sendSignal = RunOptions::Signal{SIGINT, db.file(), std::chrono::milliseconds(1000)};
  const RunResult r = db.run({"sql", kSlowQuery, "--timeout", "0"}, options);
  EXPECT_TRUE(failedWithOneLine(r, 130, {"interrupted"}));
  EXPECT_EQ(r.out, "");
}

TEST_F(SqlCli, HelpDocumentsTheExitCodes) {
  const RunResult r = db.run({"sql", "--help"});
  ASSERT_TRUE(succeeded(r));
  for (const char* s : {"--timeout", "--no-header", "box", "line", "tsv", "  3 ", "  130 ", "  2 ", "  1 "})
    EXPECT_THAT(r.out, HasSubstr(s));
}

TEST_F(SqlCli, BadTimeoutIsAUsageError) {
  EXPECT_TRUE(failedWithOneLine(db.run({"sql", "SELECT 1", "--timeout", "-1"}), kExitUsage));
}

TEST_F(SqlCli, PragmaTableInfoIsAllowed) {
  const RunResult r = db.run({"sql", "PRAGMA table_info(events)", "--format", "ndjson"});
  ASSERT_TRUE(succeeded(r));
  EXPECT_THAT(r.out, HasSubstr("\"initiator\""));
}

TEST_F(SqlCli, ViewsAreThere) {
  EXPECT_EQ(db.value("SELECT count(*) FROM timeline"), db.value("SELECT count(*) FROM events"));
  EXPECT_GT(db.value("SELECT count(*) FROM event_sources").get<int>(), 0);
  EXPECT_EQ(db.value("SELECT count(*) FROM pragma_foreign_key_check"), 0);
}

// ---- --actor takes a code or any alias (the events the views list) -------------

TEST_F(SqlCli, ActorFilterTakesACodeOrAnAlias) {
  auto count = [&](const std::string& actor) {
    const RunResult r = db.run({"events", "--actor", actor, "--format", "ndjson"});
    EXPECT_TRUE(succeeded(r)) << actor << ": " << r.err;
    return r.outLines().size();
  };
  const std::size_t arm = count("ARM");
  EXPECT_GT(arm, 0u);
  for (const char* alias : {"arm", "Arménie", "Erevan"}) EXPECT_EQ(count(alias), arm) << alias;
  EXPECT_EQ(count("armée azerbaïdjanaise"), count("AZE"));
  EXPECT_EQ(count("ODKB"), count("CSTO"));
  EXPECT_TRUE(failedWithOneLine(db.run({"events", "--actor", "Zorglub"}), kExitUsage, {"unknown actor 'Zorglub'"}));
}

TEST_F(SqlCli, ReadingPragmaIsAllowed) {
  EXPECT_GE(db.value("PRAGMA user_version").get<int>(), 1);
  EXPECT_NE(db.value("PRAGMA application_id"), 0);
}

}  // namespace
}  // namespace chronicle::clitest
