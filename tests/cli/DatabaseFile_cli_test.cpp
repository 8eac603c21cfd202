// The database file: which one is used (--db, $CHRONICLE_DB, ./chronicle.db)
// and the files chronicle refuses, untouched, with one line and exit 1.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "CliRunner.hpp"

namespace chronicle::clitest {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

// Runs SQL on a file with the SQLite C API, behind chronicle's back.
void execDirectly(const fs::path& file, const std::string& sql) {
  sqlite3* handle = nullptr;
  ASSERT_EQ(sqlite3_open(file.c_str(), &handle), SQLITE_OK);
  char* error = nullptr;
  const int rc = sqlite3_exec(handle, sql.c_str(), nullptr, nullptr, &error);
  const std::string message = error ? error : "";
  sqlite3_free(error);
  ASSERT_EQ(sqlite3_close(handle), SQLITE_OK);
  ASSERT_EQ(rc, SQLITE_OK) << message;
}

// Every command that opens the database, reading or writing.
std::vector<std::vector<std::string>> commandsOpening() {
  return {{"import", corpusDir().string()},
          {"articles", "list"},
          {"articles", "show", "1"},
          {"articles", "set-date", "1", "2022-09-13"},
          {"articles", "remove", "1"},
          {"sql", "SELECT count(*) FROM articles"},
          {"search", "Erevan"}};
}

void expectRefusedUntouched(const ChronicleDb& db, const std::string& reason) {
  const std::string before = db.bytes();
  for (const auto& args : commandsOpening()) {
    const RunResult r = db.run(args);
    EXPECT_TRUE(failedWithOneLine(r, kExitDataError, {db.path(), reason})) << args[0];
    EXPECT_EQ(r.out, "") << args[0];
    EXPECT_TRUE(db.bytes() == before) << "the file changed after: chronicle " << args[0];
  }
}

TEST(DatabaseFileCli, TextFileIsRefused) {
  TempDir dir;
  ChronicleDb db(dir.write("notes.txt", "Ceci n'est pas une base de données.\n"));
  expectRefusedUntouched(db, "not a chronicle database");
}

TEST(DatabaseFileCli, AnotherApplicationsSqliteFileIsRefused) {
  TempDir dir;
  ChronicleDb db(dir / "other.db");
  ASSERT_NO_FATAL_FAILURE(execDirectly(
      db.file(), "CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes(body) VALUES ('x');"
                 "PRAGMA application_id = 42;"));
  expectRefusedUntouched(db, "not a chronicle database");
}

TEST(DatabaseFileCli, AnotherApplicationsSqliteFileWithoutApplicationIdIsRefused) {
  TempDir dir;
  ChronicleDb db(dir / "other.db");
  ASSERT_NO_FATAL_FAILURE(execDirectly(db.file(), "CREATE TABLE articles(x); PRAGMA user_version = 1;"));
  expectRefusedUntouched(db, "not a chronicle database");
}

TEST(DatabaseFileCli, DatabaseFromANewerChronicleIsRefused) {
  TempDir dir;
  ChronicleDb db(dir / "c.db");
  ASSERT_NO_FATAL_FAILURE(db.importCorpus());
  ASSERT_NO_FATAL_FAILURE(execDirectly(db.file(), "PRAGMA user_version = 999;"));
  expectRefusedUntouched(db, "newer");
}

TEST(DatabaseFileCli, DirectoryIsRefused) {
  TempDir dir;
  fs::create_directory(dir / "d.db");
  ChronicleDb db(dir / "d.db");
  for (const auto& args : commandsOpening()) EXPECT_TRUE(failedWithOneLine(db.run(args), kExitDataError, {db.path()}));
}

TEST(DatabaseFileCli, ReadOnlyCommandsOnAMissingDatabaseCreateNothing) {
  TempDir dir;
  ChronicleDb db(dir / "missing.db");
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"articles", "list"}, {"articles", "show", "1"}, {"sql", "SELECT 1"}, {"search", "Erevan"}}) {
    const RunResult r = db.run(args);
    EXPECT_TRUE(failedWithOneLine(r, kExitDataError, {db.path(), "import"})) << args[0];
    EXPECT_EQ(r.out, "");
    EXPECT_TRUE(dir.entries().empty()) << "chronicle " << args[0] << " created a file";
  }
}

TEST(DatabaseFileCli, WritingCommandsOnAMissingDatabaseCreateNothingWhenTheyFail) {
  TempDir dir;
  ChronicleDb db(dir / "missing.db");
  for (const auto& args : std::vector<std::vector<std::string>>{{"articles", "remove", "1"},
                                                                 {"articles", "set-date", "1", "2022-09-13"}}) {
    const RunResult r = db.run(args);
    EXPECT_EQ(r.exitCode, kExitDataError) << args[1];
    EXPECT_TRUE(dir.entries().empty()) << "chronicle articles " << args[1] << " created a file";
  }
}

TEST(DatabaseFileCli, EmptyFileHasNothingToRead) {
  TempDir dir;
  ChronicleDb db(dir.write("empty.db", ""));
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"articles", "list"}, {"articles", "show", "1"}, {"sql", "SELECT 1"}, {"search", "Erevan"}}) {
    EXPECT_TRUE(failedWithOneLine(db.run(args), kExitDataError, {db.path()})) << args[0];
    EXPECT_EQ(fs::file_size(db.file()), 0u);
  }
}

TEST(DatabaseFileCli, EmptyFileBecomesADatabaseOnImport) {
  TempDir dir;
  ChronicleDb db(dir.write("empty.db", ""));
  ASSERT_TRUE(succeeded(db.run({"import", corpusFile("002_cb4c4a94565c18e3.txt").string()})));
  EXPECT_EQ(db.count("articles"), 1);
}

TEST(DatabaseFileCli, EnvironmentVariableIsUsedWithoutDb) {
  TempDir dir;
  const fs::path file = dir / "env.db";
  RunOptions env;
  env.env = {{"CHRONICLE_DB", file.string()}};
  env.workingDirectory = dir.path();
  ASSERT_TRUE(succeeded(runChronicle({"import", corpusFile("002_cb4c4a94565c18e3.txt").string()}, env)));
  EXPECT_TRUE(fs::exists(file));
  EXPECT_FALSE(fs::exists(dir / "chronicle.db"));
  const RunResult list = runChronicle({"sql", "SELECT name FROM articles", "--format", "csv", "--no-header"}, env);
  ASSERT_TRUE(succeeded(list));
  EXPECT_EQ(list.out, "002_cb4c4a94565c18e3.txt\r\n");
}

TEST(DatabaseFileCli, DbOptionWinsOverTheEnvironment) {
  TempDir dir;
  ChronicleDb db(dir / "option.db");
  RunOptions env;
  env.env = {{"CHRONICLE_DB", (dir / "env.db").string()}};
  ASSERT_TRUE(succeeded(db.run({"import", corpusFile("002_cb4c4a94565c18e3.txt").string()}, env)));
  EXPECT_TRUE(fs::exists(db.file()));
  EXPECT_FALSE(fs::exists(dir / "env.db"));
}

TEST(DatabaseFileCli, DefaultIsChronicleDbInTheWorkingDirectory) {
  TempDir dir;
  RunOptions here;
  here.workingDirectory = dir.path();
  ASSERT_TRUE(succeeded(runChronicle({"import", corpusFile("002_cb4c4a94565c18e3.txt").string()}, here)));
  EXPECT_TRUE(fs::exists(dir / "chronicle.db"));
  const RunResult r = runChronicle({"articles", "list", "--format", "csv"}, here);
  ASSERT_TRUE(succeeded(r));
  EXPECT_EQ(parseCsv(r.out).size(), 2u);
}

TEST(DatabaseFileCli, MissingDefaultDatabaseHintsAtImport) {
  TempDir dir;
  RunOptions here;
  here.workingDirectory = dir.path();
  const RunResult r = runChronicle({"articles", "list"}, here);
  EXPECT_TRUE(failedWithOneLine(r, kExitDataError, {"chronicle.db", "import"}));
  EXPECT_TRUE(dir.entries().empty());
}

TEST(DatabaseFileCli, CreatedDatabaseIsMarkedAsChronicles) {
  TempDir dir;
  ChronicleDb db(dir / "c.db");
  ASSERT_TRUE(succeeded(db.run({"import", corpusFile("002_cb4c4a94565c18e3.txt").string()})));
  EXPECT_THAT(db.bytes(), StartsWith(std::string("SQLite format 3\0", 16)));
  EXPECT_NE(db.value("PRAGMA application_id"), 0);
  EXPECT_GE(db.value("PRAGMA user_version").get<int>(), 1);
}

}  // namespace
}  // namespace chronicle::clitest
