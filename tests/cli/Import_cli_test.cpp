// chronicle import: files and directories, duplicates, refused inputs,
// -q/-v and --max-article-size.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <regex>

#include "CliRunner.hpp"

namespace chronicle::clitest {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

// The corpus as the issue states it: file, publication date, where it came from.
const std::map<std::string, std::pair<std::string, std::string>>& corpusDates() {
  static const std::map<std::string, std::pair<std::string, std::string>> dates = {
      {"000_9920c8300298414b.txt", {"2020-11-01", "dateline"}},
      {"001_3e796619a0f1a15d.txt", {"2022-09-13", "metadata"}},
      {"002_cb4c4a94565c18e3.txt", {"2020-10-31", "dateline"}},
      {"003_fe0702cd3db7fe5e.txt", {"2021-11-16", "dateline"}},
      {"004_89321d9680ae37c9.txt", {"2022-09-13", "metadata"}},
  };
  return dates;
}

bool matches(const std::string& text, const char* pattern) { return std::regex_match(text, std::regex(pattern)); }

TEST(ImportCli, CorpusIntoAFreshDatabase) {
  TempDir dir;
  ChronicleDb db(dir / "c.db");
  const RunResult r = db.run({"import", corpusDir().string()});
  ASSERT_TRUE(succeeded(r));
  EXPECT_TRUE(matches(r.out, R"(imported 5 articles \([1-9][0-9]* sentences\), 0 duplicates, 0 failed\n)")) << r.out;

  const RunResult list = db.run({"articles", "list", "--format", "csv"});
  ASSERT_TRUE(succeeded(list));
  const auto rows = parseCsv(list.out);
  ASSERT_EQ(rows.size(), 6u) << list.out;
  const std::vector<std::string> header = {"id", "name", "published", "date_source", "sentences", "source", "title"};
  ASSERT_EQ(rows[0], header);
  std::map<std::string, std::pair<std::string, std::string>> found;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    ASSERT_EQ(rows[i].size(), header.size()) << list.out;
    found[rows[i][1]] = {rows[i][2], rows[i][3]};
    EXPECT_GT(std::stoi(rows[i][4]), 0) << rows[i][1] << " has no sentence";
  }
  EXPECT_EQ(found, corpusDates());
}

TEST(ImportCli, CorpusListIsOldestFirst) {
  TempDir dir;
  ChronicleDb db(dir / "c.db");
  ASSERT_NO_FATAL_FAILURE(db.importCorpus());
  const auto rows = parseCsv(db.run({"articles", "list", "--format", "csv"}).out);
  ASSERT_EQ(rows.size(), 6u);
  for (std::size_t i = 2; i < rows.size(); ++i) EXPECT_LE(rows[i - 1][2], rows[i][2]);
}

TEST(ImportCli, ManifestMetadataIsStored) {
  TempDir dir;
  ChronicleDb db(dir / "c.db");
  ASSERT_NO_FATAL_FAILURE(db.importCorpus());
  EXPECT_EQ(db.value("SELECT source FROM articles WHERE name = '002_cb4c4a94565c18e3.txt'"), "AFP");
  EXPECT_EQ(db.value("SELECT source FROM articles WHERE name = '000_9920c8300298414b.txt'"), "opex360.com");
  EXPECT_EQ(db.value("SELECT path FROM articles WHERE name = '002_cb4c4a94565c18e3.txt'"),
            corpusFile("002_cb4c4a94565c18e3.txt").lexically_normal().string());
}

TEST(ImportCli, CorpusTwiceIsIdempotent) {
  TempDir dir;
  ChronicleDb db(dir / "c.db");
  ASSERT_NO_FATAL_FAILURE(db.importCorpus());
  const std::int64_t sentences = db.count("sentences");

  const RunResult again = db.run({"import", corpusDir().string()});
  ASSERT_TRUE(succeeded(again));
  const auto lines = again.outLines();
  ASSERT_EQ(lines.size(), 6u) << again.out;
  for (std::size_t i = 0; i < 5; ++i) EXPECT_THAT(lines[i], StartsWith("duplicate: ")) << again.out;
  EXPECT_EQ(lines[5], "imported 0 articles (0 sentences), 5 duplicates, 0 failed");
  EXPECT_EQ(db.count("articles"), 5);
  EXPECT_EQ(db.count("sentences"), sentences);
}

TEST(ImportCli, SameTextUnderAnotherNameIsADuplicate) {
  TempDir dir;
  ChronicleDb db(dir / "c.db");
  ASSERT_NO_FATAL_FAILURE(db.importCorpus());
  const fs::path copy = dir.write("copy.txt", readBytes(corpusFile("002_cb4c4a94565c18e3.txt")));
  const RunResult r = db.run({"import", copy.string()});
  ASSERT_TRUE(succeeded(r));
  EXPECT_THAT(r.out, HasSubstr("copy.txt has the same text as article #" +
                               std::to_string(db.idOf("002_cb4c4a94565c18e3.txt"))));
  EXPECT_THAT(r.out, HasSubstr("imported 0 articles (0 sentences), 1 duplicate, 0 failed"));
  EXPECT_EQ(db.count("articles"), 5);
}

TEST(ImportCli, QuietPrintsNothingOnSuccess) {
  TempDir dir;
  ChronicleDb db(dir / "c.db");
  const RunResult r = db.run({"-q", "import", corpusDir().string()});
  ASSERT_TRUE(succeeded(r));
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(db.count("articles"), 5);
  // Duplicates are no error either: still silent.
  const RunResult again = db.run({"--quiet", "import", corpusDir().string()});
  ASSERT_TRUE(succeeded(again));
  EXPECT_EQ(again.out, "");
}

TEST(ImportCli, QuietStillReportsErrors) {
  TempDir dir;
  ChronicleDb db(dir / "c.db");
  const std::string missing = (dir / "missing.txt").string();
  const RunResult r = db.run({"-q", "import", missing, corpusFile("000_9920c8300298414b.txt").string()});
  EXPECT_TRUE(failedWithOneLine(r, kExitDataError, {missing}));
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(db.count("articles"), 1);
}

TEST(ImportCli, VerboseListsEachImportedArticle) {
  TempDir dir;
  ChronicleDb db(dir / "c.db");
  const RunResult r = db.run({"-v", "import", corpusDir().string()});
  ASSERT_TRUE(succeeded(r));
  const auto lines = r.outLines();
  ASSERT_EQ(lines.size(), 6u) << r.out;
  std::size_t i = 0;
  for (const auto& [name, date] : corpusDates()) {  // path order
    const std::string& line = lines[i++];
    EXPECT_TRUE(matches(line, R"(imported #[0-9]+ \S+ \([0-9-]+, [a-z]+, [1-9][0-9]* sentences\))")) << line;
    EXPECT_THAT(line, HasSubstr(" " + name + " (" + date.first + ", " + date.second + ", ")) << line;
  }
  EXPECT_THAT(lines[5], StartsWith("imported 5 articles ("));
}

TEST(ImportCli, MaxArticleSizeRefusesLargerFiles) {
  TempDir dir;
  ChronicleDb db(dir / "c.db");
  // 003 is the only corpus file above 5 KiB.
  const RunResult r = db.run({"import", "--max-article-size", "5K", corpusDir().string()});
  EXPECT_TRUE(failedWithOneLine(r, kExitDataError, {"003_fe0702cd3db7fe5e.txt", "larger than the maximum article size"}));
  EXPECT_THAT(r.out, HasSubstr("imported 4 articles"));
  EXPECT_EQ(db.count("articles"), 4);
}

TEST(ImportCli, MaxArticleSizeWithAnUnknownUnitIsAUsageError) {
  TempDir dir;
  ChronicleDb db(dir / "c.db");
  const RunResult r = db.run({"import", "--max-article-size", "10X", corpusDir().string()});
  EXPECT_TRUE(failedWithOneLine(r, kExitUsage, {"10X"}));
  EXPECT_FALSE(fs::exists(db.file())) << "a usage error must not create the database";
}

TEST(ImportCli, NoPathIsAUsageError) {
  TempDir dir;
  ChronicleDb db(dir / "c.db");
  EXPECT_TRUE(failedWithOneLine(db.run({"import"}), kExitUsage));
  EXPECT_FALSE(fs::exists(db.file()));
}

// A broken manifest is reported with its line, and the files it covers are
// not imported without their metadata (they would stay undated for good: a
// fixed manifest would then only find duplicates). Once fixed, they import.
TEST(ImportCli, BrokenManifestIsReportedAndItsFilesWaitForTheFix) {
  TempDir dir;
  ChronicleDb db(dir / "c.db");
  dir.write("m/manifest.tsv", "file\tpublished\nreal.txt\t2020-10-31\nreal.txt\t2020-11-01\n");
  dir.write("m/real.txt", readBytes(corpusFile("000_9920c8300298414b.txt")));
  const std::string manifest = (dir / "m" / "manifest.tsv").string();
  const RunResult r = db.run({"import", (dir / "m").string()});
  EXPECT_EQ(r.exitCode, kExitDataError);
  const auto lines = r.errLines();
  ASSERT_EQ(lines.size(), 2u) << r.err;
  EXPECT_THAT(lines[0], HasSubstr("chronicle: import: " + manifest + ":3: "));
  EXPECT_THAT(lines[0], HasSubstr("listed twice"));
  EXPECT_THAT(lines[1], HasSubstr((dir / "m" / "real.txt").string() + ": not imported: " + manifest + " is invalid"));
  EXPECT_EQ(db.count("articles"), 0);

  dir.write("m/manifest.tsv", "file\tpublished\nreal.txt\t2020-10-31\n");
  EXPECT_TRUE(succeeded(db.run({"import", (dir / "m").string()})));
  EXPECT_EQ(db.count("articles"), 1);
}

// A 20 MB article with no line break: refused by size before it is decoded,
// segmented or stored, so quickly; the good file next to it is imported.
TEST(ImportCli, TwentyMegabytesWithoutLineBreakIsRefusedQuickly) {
  TempDir dir;
  ChronicleDb db(dir / "c.db");
  const fs::path big = dir.write("huge.txt", std::string(20u << 20, 'a'));
  const RunResult r = db.run({"import", big.string(), corpusFile("002_cb4c4a94565c18e3.txt").string()});
  EXPECT_TRUE(failedWithOneLine(r, kExitDataError, {big.string(), "larger than the maximum article size"}));
  EXPECT_THAT(r.out, HasSubstr("imported 1 article ("));
  EXPECT_EQ(db.count("articles"), 1);
  EXPECT_LT(r.elapsed.count(), 5000) << "took " << r.elapsed.count() << " ms";
}

// ---- refused inputs: each next to a good file, in the same run -------------

struct BadInput {
  const char* name;
  // Creates the bad input below dir; returns the command-line argument.
  std::function<std::string(const TempDir& dir)> make;
  // What the one stderr line must mention besides the argument itself.
  std::string reason;
  // Articles the run imports: the good file, plus any good record of the bad input.
  int imported = 1;
  // The name the stderr line gives (default: the argument).
  std::function<std::string(const std::string& arg)> named = [](const std::string& arg) { return arg; };
};

void PrintTo(const BadInput& b, std::ostream* os) { *os << b.name; }

std::string repeat(std::string_view unit, std::size_t times) {
  std::string out;
  for (std::size_t i = 0; i < times; ++i) out += unit;
  return out;
}

const char* const kGoodRecord =
    R"({"maintext": "Erevan, 31 octobre 2020 (AFP) - La Russie s'est déclarée prête à aider l'Arménie. Les combats continuent dans le Haut-Karabakh.", "title": "Un bon article", "date_publish": "2020-11-01 10:23:00"})";

const std::vector<BadInput>& badInputs() {
  static const std::vector<BadInput> all = {
      {"EmptyFile", [](const TempDir& d) { return d.write("empty.txt", "").string(); }, "empty"},
      {"NulBytes",
       [](const TempDir& d) { return d.write("nul.txt", std::string("Erevan\0Bakou\0Moscou\0", 20)).string(); },
       "binary"},
      {"PngImage",
       [](const TempDir& d) {
         return d.write("photo.png", std::string("\x89PNG\r\n\x1a\n", 8) + "\x01\x02IHDR some image bytes").string();
       },
       "PNG"},
      {"PngImageNamedTxt",
       [](const TempDir& d) {
         return d.write("photo.txt", std::string("\x89PNG\r\n\x1a\n", 8) + "\x01\x02IHDR some image bytes").string();
       },
       "PNG"},
      {"UndecodableBytes",
       [](const TempDir& d) { return d.write("undecodable.txt", repeat("\x81\x8d\x8f\x90\x9d", 200)).string(); },
       "undecodable"},
      {"NonexistentPath", [](const TempDir& d) { return (d / "no-such-file.txt").string(); }, "no such file"},
      {"DirectoryWithoutArticle",
       [](const TempDir& d) {
         d.write("nothing/README.md", "not an article\n");
         return (d / "nothing").string();
       },
       "no article"},
      {"JsonRecordWithoutText", [](const TempDir& d) { return d.write("notext.json", R"({"title":"x"})").string(); },
       "no text"},
      {"InvalidJson", [](const TempDir& d) { return d.write("broken.json", R"({"text": "Erevan)").string(); },
       "invalid JSON"},
      {"NdjsonOneGoodOneBadLine",
       [](const TempDir& d) { return d.write("mixed.ndjson", std::string(kGoodRecord) + "\n{\"title\":\"x\"}\n").string(); },
       "no text", 2, [](const std::string& arg) { return arg + ":2"; }},
      {"JsonArrayWithARecordWithoutText",
       [](const TempDir& d) {
         return d.write("array.json", "[" + std::string(kGoodRecord) + ", {\"maintext\": \"   \"}]").string();
       },
       "no text", 2, [](const std::string& arg) { return arg + ":2"; }},
      {"ManifestListsAMissingFile",
       [](const TempDir& d) {
         d.write("m/manifest.tsv", "file\tpublished\nghost.txt\t2020-10-31\n");
         d.write("m/real.txt", readBytes(corpusFile("000_9920c8300298414b.txt")));
         return (d / "m").string();
       },
       "ghost.txt", 2, [](const std::string& arg) { return (fs::path(arg) / "manifest.tsv").string(); }},
      {"ManifestDateHier",
       [](const TempDir& d) {
         d.write("m/manifest.tsv", "file\tpublished\nlate.txt\thier\n");
         d.write("m/late.txt", readBytes(corpusFile("000_9920c8300298414b.txt")));
         return (d / "m").string();
       },
       "hier"},
      {"ManifestDateFebruary30",
       [](const TempDir& d) {
         d.write("m/manifest.tsv", "file\tpublished\nlate.txt\t2020-02-30\n");
         d.write("m/late.txt", readBytes(corpusFile("000_9920c8300298414b.txt")));
         return (d / "m").string();
       },
       "2020-02-30"},
  };
  return all;
}

class ImportBadInputCli : public ::testing::TestWithParam<BadInput> {};

TEST_P(ImportBadInputCli, IsRefusedOnOneLineAndTheGoodFileIsImported) {
  TempDir dir;
  ChronicleDb db(dir / "c.db");
  const BadInput& bad = GetParam();
  const std::string arg = bad.make(dir);
  const std::string good = corpusFile("002_cb4c4a94565c18e3.txt").string();
  // Bad first: reading goes on after a refusal.
  const RunResult r = db.run({"import", arg, good});
  EXPECT_TRUE(failedWithOneLine(r, kExitDataError, {bad.named(arg), bad.reason}));
  EXPECT_THAT(r.err, StartsWith("chronicle: import: "));
  EXPECT_THAT(r.out, HasSubstr("imported " + std::to_string(bad.imported) + " article"));
  EXPECT_THAT(r.out, HasSubstr("1 failed"));
  EXPECT_EQ(db.count("articles"), bad.imported);
  EXPECT_EQ(db.count("articles WHERE name = '002_cb4c4a94565c18e3.txt'"), 1);
}

INSTANTIATE_TEST_SUITE_P(, ImportBadInputCli, ::testing::ValuesIn(badInputs()),
                         [](const ::testing::TestParamInfo<BadInput>& p) { return std::string(p.param.name); });

}  // namespace
}  // namespace chronicle::clitest
