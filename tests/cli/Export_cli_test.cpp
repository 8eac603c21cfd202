// chronicle export on the bundled corpus: every tabular and JSON format
// parses back, -o writes the file whole, filters apply, usage errors are
// one line with exit 2.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <sstream>

#include "CliRunner.hpp"

namespace chronicle::clitest {
namespace {

using testsupport::CsvExpect;

class ExportCli : public ::testing::Test {
 protected:
  // One imported corpus for the whole suite: export only reads it.
  static void SetUpTestSuite() {
    dir_ = std::make_unique<TempDir>();
    db_ = std::make_unique<ChronicleDb>(*dir_ / "c.db");
    db_->importCorpus();
  }
  static void TearDownTestSuite() {
    db_.reset();
    dir_.reset();
  }
  void SetUp() override { ASSERT_EQ(db_->count("articles"), 5); }

  static RunResult exportAs(std::vector<std::string> args) {
    args.insert(args.begin(), "export");
    return db_->run(args);
  }
  static std::size_t eventCount(const std::vector<std::string>& filters = {}) {
    std::vector<std::string> args = {"events", "--format", "ndjson"};
    args.insert(args.end(), filters.begin(), filters.end());
    const RunResult r = db_->run(args);
    EXPECT_TRUE(succeeded(r));
    return r.outLines().size();
  }

  static std::unique_ptr<TempDir> dir_;
  static std::unique_ptr<ChronicleDb> db_;
};

std::unique_ptr<TempDir> ExportCli::dir_;
std::unique_ptr<ChronicleDb> ExportCli::db_;

TEST_F(ExportCli, CsvHasAHeaderAndOneRowPerEvent) {
  const RunResult r = exportAs({"--format", "csv"});
  ASSERT_TRUE(succeeded(r));
  const auto t = parseCsv(r.out);
  ASSERT_FALSE(t.empty());
  EXPECT_EQ(t[0].front(), "id");
  EXPECT_EQ(t[0].back(), "evidence");
  EXPECT_EQ(t.size(), 1 + eventCount());
  for (std::size_t i = 1; i < t.size(); ++i) EXPECT_EQ(t[i].size(), t[0].size());
}

TEST_F(ExportCli, ExcelCsvHasBomAndDelimiter) {
  const RunResult r = exportAs({"--format", "csv", "--excel", "--delimiter", ";"});
  ASSERT_TRUE(succeeded(r));
  const auto t = parseCsv(r.out, CsvExpect{';', true});
  ASSERT_FALSE(t.empty());
  EXPECT_EQ(t[0][1], "type");
  EXPECT_EQ(t.size(), 1 + eventCount());
}

TEST_F(ExportCli, JsonAndNdjsonAreTheEventsContract) {
  const RunResult json = exportAs({"--format", "json"});
  ASSERT_TRUE(succeeded(json));
  const auto all = nlohmann::json::parse(json.out);
  ASSERT_TRUE(all.is_array());
  EXPECT_EQ(all.size(), eventCount());
  const RunResult nd = exportAs({"--format", "ndjson"});
  ASSERT_TRUE(succeeded(nd));
  const auto lines = nd.outLines();
  ASSERT_EQ(lines.size(), all.size());
  for (std::size_t i = 0; i < lines.size(); ++i) EXPECT_EQ(nlohmann::json::parse(lines[i]), all[i]);
  const RunResult events = db_->run({"events", "--format", "ndjson"});
  EXPECT_EQ(nd.out, events.out);
}

TEST_F(ExportCli, MarkdownHasATitleAndARowPerEvent) {
  const RunResult r = exportAs({"--format", "markdown", "--title", "Karabakh"});
  ASSERT_TRUE(succeeded(r));
  EXPECT_EQ(r.out.rfind("# Karabakh\n", 0), 0u);
  std::size_t rows = 0;
  for (const std::string& line : r.outLines()) rows += !line.empty() && line[0] == '|';
  EXPECT_EQ(rows, 2 + eventCount());
}

TEST_F(ExportCli, AcledHasItsColumnsFirstAndOnlyDatedRows) {
  const RunResult r = exportAs({"--format", "acled"});
  ASSERT_TRUE(succeeded(r));
  const auto t = parseCsv(r.out);
  ASSERT_FALSE(t.empty());
  ASSERT_EQ(t[0].size(), 35u);
  EXPECT_EQ(t[0][0], "event_id_cnty");
  EXPECT_EQ(t[0][30], "timestamp");
  EXPECT_EQ(t[0][34], "chronicle_id");
  const auto all = nlohmann::json::parse(exportAs({"--format", "json"}).out);
  std::size_t dated = 0;
  for (const auto& e : all) dated += !e["date_start"].is_null();
  EXPECT_EQ(t.size(), 1 + dated);
  for (std::size_t i = 1; i < t.size(); ++i) {
    EXPECT_EQ(t[i][1].size(), 10u) << "event_date " << t[i][1];
    EXPECT_TRUE(t[i][3] == "1" || t[i][3] == "2" || t[i][3] == "3") << t[i][3];
  }
}

TEST_F(ExportCli, UcdpIsLethalByDefaultAndEveryDatedEventWithAll) {
  const RunResult lethal = exportAs({"--format", "ucdp"});
  ASSERT_TRUE(succeeded(lethal));
  const auto t = parseCsv(lethal.out);
  ASSERT_FALSE(t.empty());
  EXPECT_EQ(t[0][0], "id");
  const auto best = static_cast<std::size_t>(std::find(t[0].begin(), t[0].end(), "best") - t[0].begin());
  ASSERT_LT(best, t[0].size());
  for (std::size_t i = 1; i < t.size(); ++i) EXPECT_GT(std::stol(t[i][best]), 0);
  const RunResult all = exportAs({"--format", "ucdp", "--all"});
  ASSERT_TRUE(succeeded(all));
  EXPECT_GE(parseCsv(all.out).size(), t.size());
}

TEST_F(ExportCli, OutputFileIsWrittenWholeAndStdoutStaysEmpty) {
  const fs::path file = *dir_ / "out.csv";
  const RunResult r = exportAs({"--format", "csv", "-o", file.string()});
  ASSERT_TRUE(succeeded(r));
  EXPECT_TRUE(r.out.empty());
  EXPECT_EQ(readBytes(file), exportAs({"--format", "csv"}).out);
  EXPECT_FALSE(fs::exists(file.string() + ".tmp"));
}

TEST_F(ExportCli, DataPackageWritesItsDirectory) {
  const fs::path pkg = *dir_ / "pkg";
  const RunResult r = exportAs({"--format", "datapackage", "-o", pkg.string()});
  ASSERT_TRUE(succeeded(r));
  const auto descriptor = nlohmann::json::parse(readBytes(pkg / "datapackage.json"));
  EXPECT_EQ(descriptor["resources"].size(), 2u);
  EXPECT_EQ(parseCsv(readBytes(pkg / "events.csv")).size(), 1 + eventCount());
  EXPECT_GE(parseCsv(readBytes(pkg / "sources.csv")).size(), 1 + eventCount());
}

TEST_F(ExportCli, TypeFilterApplies) {
  const RunResult r = exportAs({"--format", "csv", "--type", "offensive"});
  ASSERT_TRUE(succeeded(r));
  const auto t = parseCsv(r.out);
  ASSERT_GT(t.size(), 1u);
  for (std::size_t i = 1; i < t.size(); ++i) EXPECT_EQ(t[i][1], "offensive");
  EXPECT_EQ(t.size(), 1 + eventCount({"--type", "offensive"}));
  EXPECT_LT(t.size(), 1 + eventCount());
}

TEST_F(ExportCli, UsageErrorsAreOneLineWithExit2) {
  EXPECT_TRUE(failedWithOneLine(exportAs({"--format", "xlsx"}), kExitUsage, {"xlsx"}));
  EXPECT_TRUE(failedWithOneLine(exportAs({"--format", "datapackage"}), kExitUsage, {"-o"}));
  EXPECT_TRUE(failedWithOneLine(exportAs({}), kExitUsage, {"--format"}));
  EXPECT_TRUE(failedWithOneLine(exportAs({"--format", "csv", "--delimiter", ";;"}), kExitUsage, {"--delimiter"}));
}

TEST_F(ExportCli, HelpExplainsEveryFormat) {
  const RunResult r = db_->run({"export", "--help"});
  ASSERT_TRUE(succeeded(r));
  for (const char* f : {"csv", "json", "ndjson", "markdown", "acled", "ucdp", "geojson", "timelinejs", "html",
                        "datapackage", "datasette-metadata", "Exit codes"})
    EXPECT_NE(r.out.find(f), std::string::npos) << f;
}

}  // namespace
}  // namespace chronicle::clitest
