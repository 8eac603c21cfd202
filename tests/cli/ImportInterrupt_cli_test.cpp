// Ctrl-C during a long import stops at an article boundary: what was
// imported is committed and whole, the run says how far it got and exits
// 130, and running the same import again finishes it.
#include <signal.h>

#include <string>

#include "CliRunner.hpp"

namespace chronicle::clitest {
namespace {

constexpr int kArticles = 3000;

void writeCorpus(const TempDir& dir) {
  for (int i = 0; i < kArticles; ++i) {
    std::string text = "Article " + std::to_string(i) + " sur les combats autour de Goris.\n\n";
    for (int k = 0; k < 20; ++k)
      text += "Selon le ministère, les bombardements ont repris dans la nuit près de Sotk et de Jermouk, phrase " +
              std::to_string(k) + ". ";
    dir.write("corpus/a" + std::to_string(i) + ".txt", text);
  }
}

TEST(ImportInterrupt, SigintStopsAtAnArticleBoundaryAndCommits) {
  TempDir dir;
  writeCorpus(dir);
  const fs::path db = dir / "c.db";
  RunOptions options;
  // The database file appears before the workers have read anything: give
  // the import a second to get going (the sanitizer build is slow), well
  // before its end (several seconds even without the sanitizers).
  options.sendSignal = RunOptions::Signal{SIGINT, fs::path(db.string() + "-wal"), std::chrono::milliseconds(1000)};
  const RunResult r = runChronicle({"--db", db.string(), "import", (dir / "corpus").string()}, options);
  ASSERT_EQ(r.exitCode, 130) << r.err << r.out;
  ASSERT_EQ(r.errLines().size(), 1u) << r.err;
  EXPECT_NE(r.err.find("interrupted: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("run the same import again"), std::string::npos) << r.err;

  const RunResult count = runChronicle({"--db", db.string(), "sql", "select count(*) from articles", "--format", "csv",
                                        "--no-header"});
  ASSERT_TRUE(succeeded(count)) << count.err;
  const int stored = std::stoi(count.out);
  EXPECT_GT(stored, 0);
  EXPECT_LT(stored, kArticles);
  EXPECT_NE(r.err.find("interrupted: " + std::to_string(stored) + " articles imported"), std::string::npos) << r.err;

  // Every stored article is whole: 21 sentences each, and the database is sound.
  const RunResult partial = runChronicle(
      {"--db", db.string(), "sql",
       "select count(*) from articles a where (select count(*) from sentences s where s.article_id = a.id) <> 21",
       "--format", "csv", "--no-header"});
  EXPECT_EQ(partial.out, "0\r\n");
  const RunResult integrity =
      runChronicle({"--db", db.string(), "sql", "pragma integrity_check", "--format", "csv", "--no-header"});
  EXPECT_EQ(integrity.out, "ok\r\n") << integrity.err;

  // the rest of the 3000 articles, with extraction and fusion: minutes under
  // the sanitizers, so a longer leash than the default minute
  RunOptions rest;
  rest.timeout = std::chrono::seconds(300);
  const RunResult again = runChronicle({"--db", db.string(), "import", (dir / "corpus").string()}, rest);
  ASSERT_TRUE(succeeded(again)) << again.err;
  EXPECT_NE(again.out.find("imported " + std::to_string(kArticles - stored) + " articles"), std::string::npos) << again.out;
  EXPECT_NE(again.out.find(std::to_string(stored) + " duplicates"), std::string::npos) << again.out;
}

}  // namespace
}  // namespace chronicle::clitest
