// chronicle extract: the pipeline without the database, through the binary.
#include <gtest/gtest.h>
#include <gmock/gmock.h>
#include <nlohmann/json.hpp>

#include <fstream>

#include "CliRunner.hpp"

namespace chronicle::clitest {
namespace {

using ::testing::HasSubstr;

TEST(ExtractCli, NdjsonGivesSentencesDatesAndEntitiesWithCoordinates) {
  RunOptions in;
  in.stdinBytes =
      "Samedi, les forces azerbaïdjanaises ont bombardé Djermouk et Goris, selon Erevan.\n"
      "Nikol Pachinian a demandé l’aide de l’OTSC.\n";
  const RunResult r = runChronicle({"extract", "-", "--date", "2022-09-17", "--format", "ndjson"}, in);
  ASSERT_TRUE(succeeded(r)) << r.err;
  const auto lines = r.outLines();
  ASSERT_EQ(lines.size(), 2u) << r.out;
  const auto first = nlohmann::json::parse(lines[0]);
  EXPECT_EQ(first["sentence"], 1);
  EXPECT_EQ(first["dates"][0]["date_start"], "2022-09-17");
  bool goris = false, aze = false, jermuk = false;
  for (const auto& e : first["entities"]) {
    if (e.value("place", "") == "arm-goris") {
      goris = true;
      EXPECT_EQ(e["country"], "ARM");
      EXPECT_EQ(e["admin1"], "Syunik");
      EXPECT_NEAR(e["lat"].get<double>(), 39.51, 0.05);
      EXPECT_NEAR(e["lon"].get<double>(), 46.34, 0.05);
    }
    if (e.value("place", "") == "arm-jermuk") {
      jermuk = true;
      const std::string text = "Samedi, les forces azerbaïdjanaises ont bombardé Djermouk";
      EXPECT_EQ(e["end"].get<std::size_t>(), text.size());  // byte offsets into the article
    }
    if (e["kind"] == "actor" && e["code"] == "AZE") aze = true;
  }
  EXPECT_TRUE(goris && aze && jermuk) << lines[0];
  const auto second = nlohmann::json::parse(lines[1]);
  EXPECT_THAT(second.dump(), HasSubstr("\"person\":\"nikol-pashinyan\""));
  EXPECT_THAT(second.dump(), HasSubstr("\"code\":\"CSTO\""));
}

TEST(ExtractCli, TextFormatIsForAPerson) {
  const RunResult r = runChronicle({"extract", (fs::path(CHRONICLE_SOURCE_DIR) / "import/corpus/001_3e796619a0f1a15d.txt").string(),
                                    "--date", "2022-09-13"});
  ASSERT_TRUE(succeeded(r)) << r.err;
  EXPECT_THAT(r.out, HasSubstr("published 2022-09-13"));
  EXPECT_THAT(r.out, HasSubstr("Goris -> place arm-goris [ARM, Syunik]"));
}

TEST(ExtractCli, BadInputAndBadDatesGetOneLine) {
  EXPECT_TRUE(failedWithOneLine(runChronicle({"extract", "/nonexistent/article.txt"}), 1, {"/nonexistent/article.txt"}));
  EXPECT_TRUE(failedWithOneLine(runChronicle({"extract", "-", "--date", "2022-02-30"}), 2, {"2022-02-30"}));
}

}  // namespace
}  // namespace chronicle::clitest
