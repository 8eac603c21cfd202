// The bad-input corpus (tests/data/bad/, issue 8) and the large inputs
// generated here, through the real binary: `import` into a fresh database,
// then `extract`. Each input has the outcome tests/data/bad/README.md and
// docs/bad-input.md document: imported (some with a fix) or refused on one
// stderr line that names it and says why; never a signal, never a hang; the
// database stays whole and every stored article keeps all its sentences.
// Cases already pinned by Import_cli_test.cpp and ImportCharset_cli_test.cpp
// are run here as files of the corpus, for the invariants and for extract.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cctype>
#include <ctime>
#include <functional>
#include <set>

#include "CliRunner.hpp"

namespace chronicle::clitest {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

fs::path badDir() { return sourceDir() / "tests" / "data" / "bad"; }

// chronicle refuses publication dates after tomorrow (UTC): the corpus's
// 2031-05-01 stops being in the future on 2031-04-30.
bool isInTheFuture(const std::string& isoDay) {
  const std::time_t tomorrow = std::time(nullptr) + 24 * 60 * 60;
  std::tm tm{};
  gmtime_r(&tomorrow, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return isoDay > buf;
}

struct Refusal {
  std::string where;  // after the argument: ":3" (an NDJSON line), "/feb30.txt" (a file of the directory), "" (itself)
  std::vector<std::string> mentions;
};

// A file of the corpus, or one generated in the test's directory.
struct Input {
  std::string corpusFile;  // relative to tests/data/bad/
  std::function<std::string(const TempDir&)> generate = nullptr;
  std::string operator()(const TempDir& dir) const {
    return generate ? generate(dir) : (badDir() / corpusFile).string();
  }
};

struct BadCase {
  const char* name;
  Input input;                                        // gives the path argument
  std::vector<std::string> imported;                  // names of the stored articles, in order
  std::vector<Refusal> refused;                       // the stderr lines, in order
  std::function<void(const ChronicleDb&)> check = nullptr;  // what the fix or the metadata must be
  std::vector<std::string> options = {};              // for import and extract
  std::size_t maxSentence = 16 * 1024;  // the default --max-sentence-size
};

void PrintTo(const BadCase& c, std::ostream* os) { *os << c.name; }

Input corpus(std::string relative) { return {std::move(relative)}; }

Input generated(std::string name, std::function<std::string()> bytes) {
  return {"", [name, bytes](const TempDir& dir) { return dir.write(name, bytes()).string(); }};
}

// Words and no full stop, `bytes` long.
std::string oneSentence(std::size_t bytes) {
  const std::string unit = "les forces ont bombardé Goris et Djermouk selon Erevan ";
  std::string out;
  while (out.size() + unit.size() < bytes) out += unit;
  out.append(bytes - out.size(), 'x');  // at least one: the text ends with a word
  return out;
}

std::string manySentences(std::size_t count) {
  std::string out = "Goris, 13 septembre 2022 (AFP) - Bilan des bombardements.\n\n";
  // Each one an event (an attack, a day, a place): 100 000 mentions to fuse.
  for (std::size_t i = 1; i <= count; ++i) out += "Le village " + std::to_string(i) + " a été bombardé samedi près de Goris. ";
  return out;
}

std::string record(const std::string& text) {
  return nlohmann::json{{"text", text}, {"published", "2022-09-13"}}.dump() + "\n";
}

std::function<void(const ChronicleDb&)> published(std::string name, std::optional<std::string> date,
                                                  std::string source) {
  return [=](const ChronicleDb& db) {
    const auto rows = db.rows("SELECT published, published_source FROM articles WHERE name = '" + name + "'");
    ASSERT_EQ(rows.size(), 1u) << name;
    EXPECT_EQ(rows[0]["published"], date ? nlohmann::json(*date) : nlohmann::json()) << name;
    EXPECT_EQ(rows[0]["published_source"], source) << name;
  };
}

std::function<void(const ChronicleDb&)> allOf(std::vector<std::function<void(const ChronicleDb&)>> checks) {
  return [checks](const ChronicleDb& db) {
    for (const auto& c : checks) c(db);
  };
}

nlohmann::json article(const ChronicleDb& db, const std::string& name) {
  const auto rows = db.rows("SELECT charset, text, length(CAST(text AS BLOB)) AS bytes, "
                            "(SELECT count(*) FROM sentences s WHERE s.article_id = a.id) AS sentences "
                            "FROM articles a WHERE name = '" + name + "'");
  return rows.size() == 1 ? rows[0] : nlohmann::json::object();
}

const std::vector<BadCase>& cases() {
  const std::vector<std::string> html = {"an HTML page, not a text article", "does not strip tags"};
  const bool future2031 = isInTheFuture("2031-05-01");
  static const std::vector<BadCase> all_ = {
      // ---- the corpus: tests/data/bad/ ----
      {"Utf16LeWithoutBom", corpus("utf16le-no-bom.txt"), {"utf16le-no-bom.txt"}, {},
       [](const ChronicleDb& db) {
         const auto a = article(db, "utf16le-no-bom.txt");
         EXPECT_EQ(a["charset"], "UTF-16LE");
         EXPECT_THAT(a["text"].get<std::string>(), HasSubstr("L’armée arménienne a signalé samedi"));
         published("utf16le-no-bom.txt", "2020-10-31", "dateline")(db);
       }},
      {"Utf16BeWithoutBom", corpus("utf16be-no-bom.txt"), {"utf16be-no-bom.txt"}, {},
       [](const ChronicleDb& db) {
         const auto a = article(db, "utf16be-no-bom.txt");
         EXPECT_EQ(a["charset"], "UTF-16BE");
         EXPECT_THAT(a["text"].get<std::string>(), HasSubstr("L’Azerbaïdjan affirme avoir repris"));
         published("utf16be-no-bom.txt", "2020-11-02", "dateline")(db);
       }},
      {"MixedLineEnds", corpus("mixed-line-ends.txt"), {"mixed-line-ends.txt"}, {},
       [](const ChronicleDb& db) {
         const auto a = article(db, "mixed-line-ends.txt");
         EXPECT_EQ(a["text"],
                   "Moscou, 10 novembre 2020 (AFP) - La Russie a déployé des soldats de la paix.\n\n"
                   "Les premiers convois sont arrivés à Stepanakert dans la nuit.\n\n"
                   "Le corridor de Latchine reste sous leur contrôle, selon le Kremlin.\n\n"
                   "Erevan et Bakou ont signé l’accord lundi soir.\n\n"
                   "Des manifestants ont envahi le Parlement arménien.");
         EXPECT_EQ(a["sentences"], 5) << "one sentence a line (the dateline line is short: not split)";
       }},
      {"HtmlPage", corpus("page.html"), {}, {{"", html}}},
      {"HtmlPageSavedAsTxt", corpus("saved-page.txt"), {}, {{"", html}}},
      {"NestedJson", corpus("nested.json"), {}, {{"", {"JSON nested deeper than 32 levels"}}}},
      {"WrongTypes", corpus("wrong-types.ndjson"), {"wrong-types.ndjson:9"},
       {{":1", {"field 'text' must be a string, not number"}},
        {":2", {"field 'title' must be a string, not array"}},
        {":3", {"field 'published' must be a string, not object"}},
        {":4", {"record has no text"}},
        {":5", {"field 'maintext' must be a string, not boolean"}},
        {":6", {"field 'published' must be a string, not number"}},
        {":7", {"a record must be a JSON object, not array"}},
        {":8", {"a record must be a JSON object, not string"}},
        {":10", {"field 'url' must be a string, not number"}}},
       [](const ChronicleDb& db) {
         EXPECT_THAT(article(db, "wrong-types.ndjson:9")["text"].get<std::string>(),
                     StartsWith("Stepanakert, 7 novembre 2020 (AFP) - Un champ text null laisse sa place à maintext."));
         published("wrong-types.ndjson:9", "2020-11-07", "metadata")(db);
       }},
      {"BadDates", corpus("bad-dates.ndjson"),
       future2031 ? std::vector<std::string>{"bad-dates.ndjson:5", "bad-dates.ndjson:6"}
                  : std::vector<std::string>{"bad-dates.ndjson:4", "bad-dates.ndjson:5", "bad-dates.ndjson:6"},
       [&] {
         std::vector<Refusal> r = {{":1", {"published date '2020-02-30' is not a date (use YYYY-MM-DD)"}},
                                   {":2", {"published date '0000-00-00' is not a date"}},
                                   {":3", {"published date '31/31/2020' is not a date"}}};
         if (future2031) r.push_back({":4", {"published date '2031-05-01' is in the future"}});
         return r;
       }(),
       allOf({published("bad-dates.ndjson:5", "1850-03-01", "metadata"),
            published("bad-dates.ndjson:6", "2020-02-29", "metadata")})},
      {"ManifestBadDates", corpus("manifest-bad-dates"),
       future2031 ? std::vector<std::string>{"archive.txt", "undated.txt"}
                  : std::vector<std::string>{"archive.txt", "future.txt", "undated.txt"},
       [&] {
         std::vector<Refusal> r = {
             {"/day-month-swapped.txt", {"published date '31/31/2020'", "manifest.tsv:4) is not a date"}},
             {"/feb30.txt", {"published date '2020-02-30'", "manifest.tsv:2) is not a date"}}};
         if (future2031) r.push_back({"/future.txt", {"published date '2031-05-01'", "manifest.tsv:5) is in the future"}});
         r.push_back({"/zero.txt", {"published date '0000-00-00'", "manifest.tsv:3) is not a date"}});
         return r;
       }(),
       allOf({published("archive.txt", "1850-03-01", "metadata"), published("undated.txt", std::nullopt, "unknown")})},
      {"EmptyFile", corpus("empty.txt"), {}, {{"", {"empty file"}}}},
      {"OnlyWhitespace", corpus("only-whitespace.txt"), {}, {{"", {"empty article: no text"}}}},
      {"BinaryNamedTxt", corpus("binary.txt"), {}, {{"", {"binary file (contains NUL bytes), not a text article"}}}},
      {"TruncatedJson", corpus("truncated.json"), {}, {{"", {"invalid JSON", "missing closing quote"}}}},
      {"TruncatedUtf8", corpus("truncated-utf8.txt"), {"truncated-utf8.txt"}, {},
       [](const ChronicleDb& db) {
         const auto a = article(db, "truncated-utf8.txt");
         EXPECT_EQ(a["charset"], "UTF-8") << "read as windows-1252 mojibake";
         const std::string text = a["text"].get<std::string>();
         EXPECT_THAT(text, HasSubstr("après l’annonce de l’accord"));
         EXPECT_THAT(text, testing::EndsWith("confie une mère de famille arméni")) << "the cut character is dropped";
       }},

      // ---- generated: too large to keep in the repository ----
      {"HundredThousandSentences", generated("many-sentences.txt", [] { return manySentences(100'000); }),
       {"many-sentences.txt"}, {},
       [](const ChronicleDb& db) {
         EXPECT_EQ(article(db, "many-sentences.txt")["sentences"], 100'001) << "the dateline's line, then 100 000";
         EXPECT_GE(db.value("SELECT count(*) FROM mentions").get<int>(), 100'000);
       }},
      {"OneMegabyteSentence", generated("long-sentence.txt", [] { return oneSentence(1u << 20); }),
       {"long-sentence.txt"}, {},
       [](const ChronicleDb& db) {
         const auto a = article(db, "long-sentence.txt");
         EXPECT_EQ(a["bytes"], 1u << 20) << "the article is stored whole";
         EXPECT_GE(a["sentences"].get<int>(), 64) << "pieces of at most 16 KiB";
         EXPECT_LE(a["sentences"].get<int>(), 65) << "pieces much shorter than 16 KiB";
       }},
      {"OneMegabyteSentenceWithASmallerMaximum", generated("long-sentence.txt", [] { return oneSentence(1u << 20); }),
       {"long-sentence.txt"}, {},
       [](const ChronicleDb& db) {
         EXPECT_GE(article(db, "long-sentence.txt")["sentences"].get<int>(), 256);
       },
       {"--max-sentence-size", "4K"}, 4096},
      {"OneMegabyteSentenceInARecord",
       generated("long-sentence.ndjson", [] { return record(oneSentence(1u << 20)); }), {"long-sentence.ndjson:1"},
       {},
       [](const ChronicleDb& db) { EXPECT_EQ(article(db, "long-sentence.ndjson:1")["bytes"], 1u << 20); }},
      {"TwentyMegabyteArticle", generated("huge.txt", [] { return manySentences(400'000); }), {},
       {{"", {"MB is larger than the maximum article size of 10.0 MB (--max-article-size)"}}}},
      {"TwentyMegabyteRecord", generated("huge.ndjson", [] { return record(oneSentence(20u << 20)); }), {},
       {{":1", {"record is larger than the maximum article size", "--max-article-size"}}}},
  };
  return all_;
}

// What every run must leave: a whole database, and whole articles: each has
// sentences, numbered 0..n-1, in order, inside its text, each the bytes of
// its span and at most maxSentence long, and only blanks between them (no
// text lost). Checked here from `articles show --format json` rather than in
// SQL, where a per-sentence substr of a 6 MB text is quadratic.
void expectWholeDatabase(const ChronicleDb& db, std::size_t maxSentence) {
  EXPECT_EQ(db.value("PRAGMA integrity_check"), "ok");
  for (const auto& row : db.rows("SELECT id FROM articles ORDER BY id")) {
    const nlohmann::json a = db.show(row["id"].get<std::int64_t>());
    const std::string name = a["name"].get<std::string>();
    const std::string text = a["text"].get<std::string>();
    const nlohmann::json& sentences = a["sentences"];
    ASSERT_FALSE(sentences.empty()) << name << " has no sentence";
    std::size_t previousEnd = 0;
    std::size_t ordinal = 0;
    auto expectBlank = [&](std::size_t from, std::size_t to) {
      for (std::size_t i = from; i < to; ++i)
        ASSERT_FALSE(std::isalnum(static_cast<unsigned char>(text[i])))
            << name << ": byte " << i << " is in no sentence";
    };
    for (const auto& sentence : sentences) {
      ASSERT_EQ(sentence["ordinal"], ordinal++) << name;
      const auto start = sentence["start"].get<std::size_t>();
      const auto end = sentence["end"].get<std::size_t>();
      ASSERT_LT(start, end) << name;
      ASSERT_GE(start, previousEnd) << name << ": sentences overlap";
      ASSERT_LE(end, text.size()) << name << ": a sentence ends after the text";
      ASSERT_LE(end - start, maxSentence) << name << ": sentence " << ordinal - 1;
      ASSERT_EQ(sentence["text"].get<std::string>(), text.substr(start, end - start)) << name;
      expectBlank(previousEnd, start);
      previousEnd = end;
    }
    expectBlank(previousEnd, text.size());
  }
}

// One stderr line per refusal, in order, each naming its input.
void expectRefusals(const RunResult& r, const std::string& command, const std::string& arg,
                    const std::vector<Refusal>& refused) {
  EXPECT_LT(r.exitCode, 2) << "a signal, a timeout or a usage error\n" << r.err;
  EXPECT_EQ(r.exitCode, refused.empty() ? kExitOk : kExitDataError) << r.err;
  const auto lines = r.errLines();
  ASSERT_EQ(lines.size(), refused.size()) << r.err;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    EXPECT_THAT(lines[i], StartsWith("chronicle: " + command + ": " + arg + refused[i].where + ": "));
    for (const std::string& m : refused[i].mentions) EXPECT_THAT(lines[i], HasSubstr(m));
  }
}

class BadInputCli : public ::testing::TestWithParam<BadCase> {};

// Fifteen minutes before a run counts as hung: the generated giants take seconds
// on the normal build, and over a minute under the sanitizers.
RunOptions patient() {
  RunOptions o;
  o.timeout = std::chrono::seconds(900);
  return o;
}

TEST_P(BadInputCli, ImportGivesTheDocumentedOutcomeAndLeavesWholeArticles) {
  const BadCase& c = GetParam();
  TempDir dir;
  ChronicleDb db(dir / "c.db");
  const std::string arg = c.input(dir);
  std::vector<std::string> args = {"import", arg};
  args.insert(args.end(), c.options.begin(), c.options.end());
  const RunResult r = db.run(args, patient());
  expectRefusals(r, "import", arg, c.refused);
  EXPECT_THAT(r.out, HasSubstr("imported " + std::to_string(c.imported.size()) +
                               (c.imported.size() == 1 ? " article (" : " articles (")));
  EXPECT_THAT(r.out, HasSubstr(", 0 duplicates, " + std::to_string(c.refused.size()) + " failed\n"));

  std::vector<std::string> names;
  for (const auto& row : db.rows("SELECT name FROM articles ORDER BY id")) names.push_back(row["name"].get<std::string>());
  EXPECT_EQ(names, c.imported);
  expectWholeDatabase(db, c.maxSentence);
  if (c.check) c.check(db);
}

// extract runs the same pipeline without the database: the same refusals,
// and one ndjson line for each sentence import stored.
TEST_P(BadInputCli, ExtractGivesTheSameOutcome) {
  const BadCase& c = GetParam();
  TempDir dir;
  ChronicleDb db(dir / "c.db");
  const std::string arg = c.input(dir);
  std::vector<std::string> importArgs = {"import", arg, "-q"};
  importArgs.insert(importArgs.end(), c.options.begin(), c.options.end());
  (void)db.run(importArgs, patient());
  const nlohmann::json stored = db.value("SELECT count(*) FROM sentences");

  std::vector<std::string> args = {"extract", arg, "--format", "ndjson"};
  args.insert(args.end(), c.options.begin(), c.options.end());
  const RunResult r = runChronicle(args, patient());
  expectRefusals(r, "extract", arg, c.refused);
  const auto lines = r.outLines();
  EXPECT_EQ(nlohmann::json(lines.size()), stored);
  const std::set<std::string> imported(c.imported.begin(), c.imported.end());
  for (const std::string& line : lines) {
    const auto j = nlohmann::json::parse(line, nullptr, false);
    ASSERT_FALSE(j.is_discarded()) << line.substr(0, 200);
    ASSERT_TRUE(imported.count(j["article"].get<std::string>())) << j["article"];
    ASSERT_LE(j["end"].get<std::size_t>() - j["start"].get<std::size_t>(), c.maxSentence);
  }
}

INSTANTIATE_TEST_SUITE_P(, BadInputCli, ::testing::ValuesIn(cases()),
                         [](const ::testing::TestParamInfo<BadCase>& p) { return std::string(p.param.name); });

// Every file of the corpus has a case above and a line in its README.
TEST(BadInputCorpus, EveryFileIsTestedAndDocumented) {
  const std::string readme = readBytes(badDir() / "README.md");
  std::set<std::string> tested;
  for (const BadCase& c : cases())
    if (!c.input.corpusFile.empty()) tested.insert(c.input.corpusFile);
  for (const auto& e : fs::directory_iterator(badDir())) {
    const std::string name = e.path().filename().string();
    if (name == "README.md" || name == ".gitattributes") continue;
    EXPECT_TRUE(tested.count(name)) << name << " has no case in BadInput_cli_test.cpp";
    EXPECT_THAT(readme, HasSubstr("`" + name)) << name << " is not in tests/data/bad/README.md";
  }
  for (const auto& e : fs::directory_iterator(badDir() / "manifest-bad-dates"))
    EXPECT_THAT(readme, HasSubstr("`" + e.path().filename().string() + "`")) << e.path();
}

}  // namespace
}  // namespace chronicle::clitest
