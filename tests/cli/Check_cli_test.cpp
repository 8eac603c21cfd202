// chronicle check, run as a user runs it, and the errors of a disk that
// fills up during an import.
#include <SQLiteCpp/Database.h>

#include <string>

#include "CliRunner.hpp"

namespace chronicle::clitest {
namespace {

TEST(CheckCli, ASoundDatabasePassesWithOneLinePerCheck) {
  TempDir dir;
  const ChronicleDb db(dir / "c.db");
  db.importCorpus();
  const RunResult r = db.run({"check"});
  ASSERT_TRUE(succeeded(r)) << r.out;
  EXPECT_NE(r.out.find("ok       sqlite-integrity"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("ok       fulltext-index"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("ok       events-have-mentions"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(": ok (5 articles"), std::string::npos) << r.out;
  // --quiet: nothing to say when all is well
  const RunResult quiet = db.run({"--quiet", "check"});
  EXPECT_TRUE(succeeded(quiet));
  EXPECT_EQ(quiet.out, "");
}

TEST(CheckCli, DamageExitsOneAndNamesTheCheck) {
  TempDir dir;
  const ChronicleDb db(dir / "c.db");
  db.importCorpus();
  // Damage the file as another tool would: a sentence of article 1 removed.
  {
    SQLite::Database raw(db.path(), SQLite::OPEN_READWRITE);
    raw.exec("DELETE FROM sentences WHERE article_id = 1 AND ordinal = 2");
  }
  const RunResult r = db.run({"check"});
  EXPECT_TRUE(failedWithOneLine(r, kExitDataError, {"check", "failed"}));
  EXPECT_NE(r.out.find("PROBLEM  sentences-numbered"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("article 1"), std::string::npos) << r.out;
}

TEST(CheckCli, NoDatabaseIsOneLineAndExitOne) {
  TempDir dir;
  const RunResult r = runChronicle({"--db", (dir / "none.db").string(), "check"});
  EXPECT_TRUE(failedWithOneLine(r, kExitDataError, {"none.db", "no such database"}));
  EXPECT_FALSE(fs::exists(dir / "none.db"));
}

// A disk that fills up in the middle of an import (a file size limit): one
// line, exit 1, the file whole; with room again, the same import finishes.
TEST(CheckCli, AFullDiskDuringImportLeavesAWholeFile) {
  TempDir dir;
  const ChronicleDb db(dir / "c.db");
  RunOptions full;
  full.fileSizeLimit = 300 * 1024;
  const RunResult r = db.run({"import", corpusDir().string()}, full);
  EXPECT_EQ(r.exitCode, kExitDataError) << r.err;
  EXPECT_EQ(r.errLines().size(), 1u) << r.err;
  EXPECT_NE(r.err.find("database error"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("the disk may be full"), std::string::npos) << r.err;
  const RunResult check = db.run({"check"});
  EXPECT_EQ(check.exitCode, kExitOk) << check.out << check.err;
  const RunResult again = db.run({"--quiet", "import", corpusDir().string()});
  EXPECT_EQ(again.exitCode, kExitOk) << again.err;
  EXPECT_EQ(db.count("articles"), 5);
  EXPECT_TRUE(succeeded(db.run({"check"})));
}

}  // namespace
}  // namespace chronicle::clitest
