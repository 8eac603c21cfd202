// chronicle search: accent- and punctuation-insensitive full-text search of
// the stored sentences; user text never reaches FTS5 as query syntax.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "CliRunner.hpp"

namespace chronicle::clitest {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// Snippet text without the highlight brackets of the non-terminal output.
std::string plain(std::string s) {
  std::erase(s, '[');
  std::erase(s, ']');
  return s;
}

class SearchCli : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(db.importCorpus());
    // The corpus spells the city Erevan; this one spells it Érevan.
    RunOptions in;
    in.stdinBytes =
        "Érevan - Les autorités d'Érevan ont dénoncé une « agression » de Bakou. "
        "La frontière reste fermée selon le ministère.\n";
    ASSERT_TRUE(succeeded(db.run({"import", "-", "--title", "accent"}, in)));
  }

  std::vector<nlohmann::json> search(std::vector<std::string> args) const {
    args.insert(args.begin(), "search");
    args.insert(args.end(), {"--format", "ndjson", "--limit", "100"});
    const RunResult r = db.run(args);
    EXPECT_TRUE(succeeded(r));
    std::vector<nlohmann::json> hits;
    for (const auto& line : r.outLines()) hits.push_back(nlohmann::json::parse(line));
    return hits;
  }

  TempDir dir;
  ChronicleDb db{dir / "c.db"};
};

TEST_F(SearchCli, ErevanFindsBothSpellings) {
  const auto hits = search({"Erevan"});
  ASSERT_FALSE(hits.empty());
  bool accented = false, plainSpelling = false;
  for (const auto& h : hits) {
    const std::string snippet = plain(h["snippet"].get<std::string>());
    const bool a = snippet.find("Érevan") != std::string::npos, p = snippet.find("Erevan") != std::string::npos;
    EXPECT_TRUE(a || p) << snippet;
    accented |= a;
    plainSpelling |= p;
  }
  EXPECT_TRUE(accented) << "Erevan did not find Érevan";
  EXPECT_TRUE(plainSpelling);
  // And the other way round.
  EXPECT_EQ(search({"érevan"}).size(), hits.size());
  EXPECT_EQ(search({"EREVAN"}).size(), hits.size());
}

TEST_F(SearchCli, CessezLeFeuFindsTheHyphenatedWord) {
  const auto hits = search({"cessez le feu"});
  ASSERT_FALSE(hits.empty());
  bool hyphenated = false;
  for (const auto& h : hits) hyphenated |= plain(h["snippet"].get<std::string>()).find("cessez-le-feu") != std::string::npos;
  EXPECT_TRUE(hyphenated);
  EXPECT_FALSE(search({"cessez-le-feu"}).empty());
  EXPECT_FALSE(search({"\"cessez le feu\""}).empty());
}

TEST_F(SearchCli, ApostrophesAreNotSyntaxErrors) {
  for (const char* q : {"l'armée", "l’armée", "aujourd'hui", "d’artillerie", "l'Arménie", "\"l'armée azerbaïdjanaise\""}) {
    const RunResult r = db.run({"search", q});
    EXPECT_TRUE(succeeded(r)) << q;
    EXPECT_THAT(r.out, Not(HasSubstr("no sentence matches"))) << q;
  }
}

TEST_F(SearchCli, Fts5SyntaxInTheTextIsJustText) {
  for (const char* q : {"Erevan*", "^Erevan", "text:Erevan", "NEAR(Erevan", "Erevan OR", "AND", "NOT Bakou", "a-", "x\"y",
                        "Erevan)", "{Erevan}"}) {
    const RunResult r = db.run({"search", q});
    EXPECT_TRUE(succeeded(r)) << q;
  }
}

TEST_F(SearchCli, NdjsonParses) {
  const RunResult r = db.run({"search", "Erevan", "--format", "ndjson"});
  ASSERT_TRUE(succeeded(r));
  const auto lines = r.outLines();
  ASSERT_FALSE(lines.empty());
  for (const auto& line : lines) {
    const auto h = nlohmann::json::parse(line);
    EXPECT_TRUE(h["article"].is_string());
    EXPECT_TRUE(h["article_id"].is_number_integer());
    EXPECT_TRUE(h["sentence"].is_number_integer());
    EXPECT_LT(h["start"].get<std::int64_t>(), h["end"].get<std::int64_t>());
    const std::string snippet = h["snippet"].get<std::string>();
    EXPECT_TRUE(snippet.find("[Erevan]") != std::string::npos || snippet.find("[Érevan]") != std::string::npos)
        << snippet;
    EXPECT_TRUE(h.contains("published"));
  }
}

TEST_F(SearchCli, HitSpansPointAtTheSentence) {
  for (const auto& h : search({"Gumri"})) {
    const auto a = db.show(h["article_id"].get<std::int64_t>());
    const std::string text = a["text"].get<std::string>();
    const auto start = h["start"].get<std::size_t>(), end = h["end"].get<std::size_t>();
    ASSERT_LE(end, text.size());
    EXPECT_THAT(text.substr(start, end - start), HasSubstr("Gumri"));
  }
}

TEST_F(SearchCli, TextOutputHighlightsWithBracketsWhenNotATerminal) {
  const RunResult r = db.run({"search", "Gumri"});
  ASSERT_TRUE(succeeded(r));
  EXPECT_THAT(r.out, HasSubstr("002_cb4c4a94565c18e3.txt (2020-10-31)"));
  EXPECT_THAT(r.out, HasSubstr("[Gumri]"));
  EXPECT_THAT(r.out, Not(HasSubstr("\033[")));
}

TEST_F(SearchCli, LimitCapsTheHits) {
  const RunResult r = db.run({"search", "Erevan", "--format", "ndjson", "--limit", "2"});
  ASSERT_TRUE(succeeded(r));
  EXPECT_EQ(r.outLines().size(), 2u);
}

TEST_F(SearchCli, NoMatchIsNotAnError) {
  const RunResult r = db.run({"search", "Tombouctou"});
  ASSERT_TRUE(succeeded(r));
  EXPECT_EQ(r.out, "no sentence matches\n");
  const RunResult json = db.run({"search", "Tombouctou", "--format", "ndjson"});
  ASSERT_TRUE(succeeded(json));
  EXPECT_EQ(json.out, "");
}

class SearchNothingCli : public SearchCli, public ::testing::WithParamInterface<const char*> {};

TEST_P(SearchNothingCli, OnlyPunctuationIsAUsageError) {
  const RunResult r = db.run({"search", GetParam()});
  EXPECT_TRUE(failedWithOneLine(r, kExitUsage));
  EXPECT_EQ(r.out, "");
}

INSTANTIATE_TEST_SUITE_P(, SearchNothingCli, ::testing::Values("-", "?!", "'", "\"\"", "   ", "« — »", "…", "’"));

TEST_F(SearchCli, BadLimitIsAUsageError) {
  EXPECT_TRUE(failedWithOneLine(db.run({"search", "Erevan", "--limit", "0"}), kExitUsage));
  EXPECT_TRUE(failedWithOneLine(db.run({"search", "Erevan", "--format", "csv"}), kExitUsage));
}

}  // namespace
}  // namespace chronicle::clitest
