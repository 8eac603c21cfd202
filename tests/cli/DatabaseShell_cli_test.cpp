// The database is an interface of its own: the sqlite3 shell (Debian's
// `sqlite3`) opens a file chronicle wrote, finds its views, and searches its
// sentences through the FTS5 index.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "CliRunner.hpp"

namespace chronicle::clitest {
namespace {

// Runs the sqlite3 shell on `db` with `sql` on stdin; its stdout, or
// nullopt when the shell is not installed.
std::optional<std::string> sqlite3Shell(const fs::path& db, const std::string& sql, const TempDir& dir) {
  if (!fs::exists("/usr/bin/sqlite3")) return std::nullopt;
  const fs::path script = dir.write("query.sql", sql);
  const std::string command = "/usr/bin/sqlite3 -batch -bail '" + db.string() + "' < '" + script.string() + "' 2>&1";
  std::FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return std::nullopt;
  std::string out;
  char buffer[4096];
  while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
  pclose(pipe);
  return out;
}

class DatabaseShell : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_NO_FATAL_FAILURE(db.importCorpus()); }
  TempDir dir;
  ChronicleDb db{dir / "c.db"};
};

TEST_F(DatabaseShell, TheSqliteShellOpensTheFileAndItsFullTextSearchWorks) {
  const auto out = sqlite3Shell(db.file(),
                                "PRAGMA integrity_check;\n"
                                "SELECT count(*) > 0 FROM sentences_fts WHERE sentences_fts MATCH 'cessez';\n"
                                "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'azerbaidjanaise';\n"
                                "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'azerbaïdjanaise';\n",
                                dir);
  if (!out) GTEST_SKIP() << "the sqlite3 shell is not installed (scripts/test installs it)";
  std::istringstream lines(*out);
  std::string integrity, matched, folded, accented;
  std::getline(lines, integrity);
  std::getline(lines, matched);
  std::getline(lines, folded);
  std::getline(lines, accented);
  EXPECT_EQ(integrity, "ok") << *out;
  EXPECT_EQ(matched, "1") << *out;
  // remove_diacritics: the query finds the same sentences with or without accents
  EXPECT_EQ(folded, accented) << *out;
  EXPECT_NE(folded, "0") << *out;
}

TEST_F(DatabaseShell, TheShellSeesTheViewsAndTheForeignKeysHold) {
  const auto out = sqlite3Shell(db.file(),
                                "PRAGMA foreign_key_check;\n"
                                "SELECT (SELECT count(*) FROM timeline) = (SELECT count(*) FROM events);\n"
                                "SELECT count(*) > 0 FROM event_sources;\n"
                                "SELECT count(*) > 0 FROM chronology_by_month;\n",
                                dir);
  if (!out) GTEST_SKIP() << "the sqlite3 shell is not installed (scripts/test installs it)";
  EXPECT_EQ(*out, "1\n1\n1\n") << "foreign_key_check must print nothing";
}

}  // namespace
}  // namespace chronicle::clitest
