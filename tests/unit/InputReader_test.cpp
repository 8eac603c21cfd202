#include "ingest/InputReader.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace chronicle {
namespace {

namespace fs = std::filesystem;

struct Failure {
  std::string origin;
  std::string message;
};

// Runs an InputReader and keeps everything it reports.
class Collector {
 public:
  explicit Collector(ReaderOptions options = {})
      : reader(
            std::move(options), [this](RawArticle&& a) { articles.push_back(std::move(a)); },
            [this](const std::string& origin, const std::string& message) { failures.push_back({origin, message}); }) {}

  std::vector<std::string> names() const {
    std::vector<std::string> out;
    for (const RawArticle& a : articles) out.push_back(a.name);
    return out;
  }
  const RawArticle* byName(const std::string& name) const {
    for (const RawArticle& a : articles)
      if (a.name == name) return &a;
    return nullptr;
  }
  std::string failureText() const {
    std::string out;
    for (const Failure& f : failures) out += f.origin + ": " + f.message + "\n";
    return out;
  }

  std::vector<RawArticle> articles;
  std::vector<Failure> failures;
  InputReader reader;
};

class InputReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    root_ = fs::path(::testing::TempDir()) /
            ("chronicle_InputReader_" + std::string(info->name()) + "_" + std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override { fs::remove_all(root_); }

  fs::path write(const std::string& relative, std::string_view bytes) {
    const fs::path p = root_ / relative;
    fs::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return p;
  }

  fs::path root_;
};

// --- directories ---------------------------------------------------------------

TEST_F(InputReaderTest, DirectoryWalkIsRecursiveSortedAndPicksArticleFiles) {
  write("b.txt", "Article B.");
  write("a.txt", "Article A.");
  write("sub/deeper/d.txt", "Article D.");
  write("sub/c.TXT", "Article C.");  // extensions are case-insensitive
  write("notes.md", "not an article");
  write("photo.png", "\x89PNG");
  write("README", "no extension");
  write("sub/records.ndjson", "{\"text\": \"Premier.\"}\n{\"text\": \"Second.\"}\n");
  write("sub/feed.jsonl", "{\"text\": \"Ligne.\"}\n");
  write("doc.json", "{\"text\": \"Document.\"}");
  Collector c;
  c.reader.read(root_.string());
  EXPECT_EQ(c.failureText(), "");
  EXPECT_EQ(c.names(), (std::vector<std::string>{"a.txt", "b.txt", "doc.json", "sub/c.TXT", "sub/deeper/d.txt",
                                                 "sub/feed.jsonl:1", "sub/records.ndjson:1", "sub/records.ndjson:2"}));
  const RawArticle* a = c.byName("a.txt");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->bytes, "Article A.");
  EXPECT_FALSE(a->decoded);  // plain text: bytes in any charset
  EXPECT_EQ(a->origin, (root_ / "a.txt").string());
  EXPECT_EQ(a->path, fs::absolute(root_ / "a.txt").lexically_normal().string());
  EXPECT_TRUE(c.byName("doc.json")->decoded);
}

TEST_F(InputReaderTest, IsArticleFile) {
  for (const char* yes : {"a.txt", "a.TXT", "a.json", "a.jsonl", "a.ndjson", "dir/x.NDJSON"})
    EXPECT_TRUE(InputReader::isArticleFile(yes)) << yes;
  for (const char* no : {"a.md", "a", "a.txt.gz", "manifest.tsv", "a.html"})
    EXPECT_FALSE(InputReader::isArticleFile(no)) << no;
}

TEST_F(InputReaderTest, ManifestMetadataAppliesToItsDirectoryAndBelow) {
  write("manifest.tsv",
        "file\tpublished\tsource\ttitle\n"
        "a.txt\t2020-11-01\topex360.com\tTitre A\n"
        "sub/b.txt\t2020-11-02\tlemonde.fr\t\n");
  write("a.txt", "A.");
  write("sub/b.txt", "B.");
  write("sub/c.txt", "C.");
  write("sub/manifest.tsv", "file\tsource\nc.txt\tafp.com\n");  // does not list b.txt: the ancestor's row applies
  write("other.txt", "Other.");
  Collector c;
  c.reader.read(root_.string());
  EXPECT_EQ(c.failureText(), "");
  ASSERT_EQ(c.articles.size(), 4u);
  const RawArticle* a = c.byName("a.txt");
  EXPECT_EQ(a->meta.published, "2020-11-01");
  EXPECT_EQ(a->meta.source, "opex360.com");
  EXPECT_EQ(a->meta.title, "Titre A");
  const RawArticle* b = c.byName("sub/b.txt");
  EXPECT_EQ(b->meta.published, "2020-11-02");
  EXPECT_EQ(b->meta.source, "lemonde.fr");
  EXPECT_EQ(b->meta.title, std::nullopt);
  const RawArticle* cc = c.byName("sub/c.txt");
  EXPECT_EQ(cc->meta.source, "afp.com");
  EXPECT_EQ(cc->meta.published, std::nullopt);
  const RawArticle* other = c.byName("other.txt");
  EXPECT_EQ(other->meta.source, std::nullopt);
  EXPECT_EQ(other->meta.published, std::nullopt);
}

TEST_F(InputReaderTest, NamingASubdirectoryGivesNamesRelativeToIt) {
  write("sub/x/a.txt", "A.");
  write("sub/manifest.tsv", "file\tsource\nx/a.txt\tafp.com\n");
  Collector c;
  c.reader.read((root_ / "sub").string());
  EXPECT_EQ(c.failureText(), "");
  ASSERT_EQ(c.names(), std::vector<std::string>{"x/a.txt"});
  EXPECT_EQ(c.articles[0].meta.source, "afp.com");
}

TEST_F(InputReaderTest, TrailingSlashOnTheDirectoryChangesNothing) {
  write("sub/a.txt", "A.");
  write("manifest.tsv", "file\tsource\nsub/a.txt\tafp.com\n");
  Collector c;
  c.reader.read(root_.string() + "/");
  EXPECT_EQ(c.failureText(), "");
  ASSERT_EQ(c.names(), std::vector<std::string>{"sub/a.txt"});
  EXPECT_EQ(c.articles[0].meta.source, "afp.com");
}

TEST_F(InputReaderTest, FileNamedOnItsOwnGetsItsDirectoryManifest) {
  write("manifest.tsv", "file\tpublished\tsource\na.txt\t2020-11-01\topex360.com\n");
  const fs::path file = write("a.txt", "A.");
  Collector c;
  c.reader.read(file.string());
  EXPECT_EQ(c.failureText(), "");
  ASSERT_EQ(c.articles.size(), 1u);
  EXPECT_EQ(c.articles[0].name, "a.txt");
  EXPECT_EQ(c.articles[0].meta.published, "2020-11-01");
  EXPECT_EQ(c.articles[0].meta.source, "opex360.com");
  EXPECT_EQ(c.articles[0].bytes, "A.");
}

TEST_F(InputReaderTest, ManifestRowForAMissingFileIsAFailure) {
  write("manifest.tsv", "file\tsource\na.txt\tx\nmissing.txt\ty\n");
  write("a.txt", "A.");
  Collector c;
  c.reader.read(root_.string());
  ASSERT_EQ(c.failures.size(), 1u) << c.failureText();
  EXPECT_EQ(c.failures[0].origin, (root_ / "manifest.tsv").string());
  EXPECT_EQ(c.failures[0].message, "lists 'missing.txt', which does not exist");
  EXPECT_EQ(c.names(), std::vector<std::string>{"a.txt"});  // the rest is still read
}

// Reading them undated would store them undated for good: a fixed manifest
// would then only find duplicates. So the files a broken manifest covers are
// failures too, and the others are still read.
TEST_F(InputReaderTest, MalformedManifestIsAFailureAndItsFilesAreSkipped) {
  write("sub/manifest.tsv", "file\tsource\n../escape.txt\tx\n");
  write("sub/a.txt", "A.");
  write("sub/deeper/b.txt", "B.");
  write("c.txt", "C.");
  Collector c;
  c.reader.read(root_.string());
  ASSERT_EQ(c.failures.size(), 3u) << c.failureText();
  EXPECT_EQ(c.failures[0].origin, (root_ / "sub/manifest.tsv").string());
  EXPECT_NE(c.failures[0].message.find("manifest.tsv:2: '../escape.txt' is outside"), std::string::npos)
      << c.failures[0].message;
  for (std::size_t i = 1; i < 3; ++i)
    EXPECT_NE(c.failures[i].message.find("not imported: " + (root_ / "sub/manifest.tsv").string() + " is invalid"),
              std::string::npos)
        << c.failures[i].message;
  EXPECT_EQ(c.names(), std::vector<std::string>{"c.txt"});
}

TEST_F(InputReaderTest, EmptyDirectoryIsAFailure) {
  write("notes.md", "nothing to import");
  fs::create_directories(root_ / "empty");
  Collector c;
  c.reader.read((root_ / "empty").string());
  c.reader.read(root_.string());
  ASSERT_EQ(c.failures.size(), 2u) << c.failureText();
  EXPECT_EQ(c.failures[0].origin, (root_ / "empty").string());
  EXPECT_EQ(c.failures[0].message, "no article found (looked for .txt, .json, .jsonl and .ndjson files)");
  EXPECT_EQ(c.failures[1].origin, root_.string());
  EXPECT_TRUE(c.articles.empty());
}

TEST_F(InputReaderTest, MissingPathIsAFailure) {
  Collector c;
  const std::string missing = (root_ / "nope.txt").string();
  c.reader.read(missing);
  ASSERT_EQ(c.failures.size(), 1u);
  EXPECT_EQ(c.failures[0].origin, missing);
  EXPECT_EQ(c.failures[0].message, "no such file or directory");
}

// --- JSON documents ------------------------------------------------------------

TEST_F(InputReaderTest, JsonObjectIsOneArticle) {
  Collector c;
  c.reader.readJsonDocument(R"({"maintext": "Le texte.", "title": "Titre", "date_publish": "2020-11-01 10:00:00",
                               "url": "https://x.example/a", "source_domain": "opex360.com", "language": "fr",
                               "authors": ["X"], "image_url": null})",
                            "doc.json", "");
  EXPECT_EQ(c.failureText(), "");
  ASSERT_EQ(c.articles.size(), 1u);
  const RawArticle& a = c.articles[0];
  EXPECT_EQ(a.name, "doc.json");
  EXPECT_EQ(a.origin, "doc.json");
  EXPECT_EQ(a.bytes, "Le texte.");
  EXPECT_TRUE(a.decoded);
  EXPECT_EQ(a.meta.title, "Titre");
  EXPECT_EQ(a.meta.published, "2020-11-01 10:00:00");
  EXPECT_EQ(a.meta.url, "https://x.example/a");
  EXPECT_EQ(a.meta.source, "opex360.com");
  EXPECT_EQ(a.meta.language, "fr");
}

TEST_F(InputReaderTest, JsonArrayIsOneArticlePerRecord) {
  const fs::path file = write("many.json", R"([{"text": "Un."}, {"text": "Deux.", "published": "2020-11-02"}])");
  Collector c;
  c.reader.read(file.string());
  EXPECT_EQ(c.failureText(), "");
  EXPECT_EQ(c.names(), (std::vector<std::string>{"many.json:1", "many.json:2"}));
  EXPECT_EQ(c.articles[0].bytes, "Un.");
  EXPECT_EQ(c.articles[1].meta.published, "2020-11-02");
  EXPECT_EQ(c.articles[1].origin, file.string() + ":2");
  EXPECT_EQ(c.articles[1].path, fs::absolute(file).lexically_normal().string());
}

struct JsonFailureCase {
  const char* label;
  std::string text;
  std::vector<std::string> expected;  // "origin: message", a prefix when it ends with "..."
  std::size_t articles;
};

class InputReaderJsonFailure : public ::testing::TestWithParam<JsonFailureCase> {};

void expectFailures(const Collector& c, const std::vector<std::string>& expected) {
  ASSERT_EQ(c.failures.size(), expected.size()) << c.failureText();
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const std::string got = c.failures[i].origin + ": " + c.failures[i].message;
    const std::string& want = expected[i];
    if (want.ends_with("..."))
      EXPECT_TRUE(got.starts_with(want.substr(0, want.size() - 3))) << got;
    else
      EXPECT_EQ(got, want);
    EXPECT_EQ(got.find('\n'), std::string::npos) << got;
  }
}

TEST_P(InputReaderJsonFailure, IsReportedWithItsOrigin) {
  Collector c;
  c.reader.readJsonDocument(GetParam().text, "doc.json", "");
  expectFailures(c, GetParam().expected);
  EXPECT_EQ(c.articles.size(), GetParam().articles);
}

std::string nested(int levels) {
  // `levels` containers: the record object and levels - 1 arrays around a string.
  return R"({"text": "x", "deep": )" + std::string(static_cast<std::size_t>(levels - 1), '[') + R"("leaf")" +
         std::string(static_cast<std::size_t>(levels - 1), ']') + "}";
}

INSTANTIATE_TEST_SUITE_P(
    InputReader, InputReaderJsonFailure,
    ::testing::Values(
        JsonFailureCase{"array_of_non_objects", R"([{"text": "Un."}, 42, "deux", null])",
                        {"doc.json:2: a record must be a JSON object, not number",
                         "doc.json:3: a record must be a JSON object, not string",
                         "doc.json:4: a record must be a JSON object, not null"},
                        1},
        JsonFailureCase{"empty_array", "[]", {"doc.json: empty JSON array: no article"}, 0},
        JsonFailureCase{"scalar", R"("texte")",
                        {"doc.json: expected a JSON object or an array of objects, not string"}, 0},
        JsonFailureCase{"invalid", R"({"text": "Un.",})", {"doc.json: invalid JSON: ..."}, 0},
        JsonFailureCase{"truncated", R"([{"text": "Un."})", {"doc.json: invalid JSON: ..."}, 0},
        JsonFailureCase{"no_text", R"({"title": "Titre"})",
                        {"doc.json: record has no text (expected a non-empty 'text' or 'maintext' field)"}, 0},
        JsonFailureCase{"blank_text", R"({"text": " \n\t "})",
                        {"doc.json: record has no text (expected a non-empty 'text' or 'maintext' field)"}, 0},
        JsonFailureCase{"too_deep", nested(kMaxJsonDepth + 1), {"doc.json: JSON nested deeper than 32 levels"}, 0},
        JsonFailureCase{"very_deep", std::string(100000, '['), {"doc.json: JSON nested deeper than 32 levels"}, 0}),
    [](const ::testing::TestParamInfo<JsonFailureCase>& p) { return std::string(p.param.label); });

TEST_F(InputReaderTest, JsonNestingUpToTheLimitIsAccepted) {
  Collector c;
  c.reader.readJsonDocument(nested(kMaxJsonDepth), "doc.json", "");
  EXPECT_EQ(c.failureText(), "");
  EXPECT_EQ(c.articles.size(), 1u);
}

// --- NDJSON --------------------------------------------------------------------

TEST_F(InputReaderTest, NdjsonBlankLinesSkippedAndABadLineFailsAlone) {
  std::istringstream in(
      "{\"text\": \"Un.\"}\n"
      "\n"
      "   \r\n"
      "{\"text\": \"Deux.\",\n"  // a record split over two lines: both lines are bad
      "\"title\": \"x\"}\n"
      "{\"text\": \"Trois.\"}\r\n"
      "[1, 2]\n"
      "{\"text\": \"Quatre.\"}");
  Collector c;
  c.reader.readNdjson(in, "feed.ndjson", "");
  EXPECT_EQ(c.names(), (std::vector<std::string>{"feed.ndjson:1", "feed.ndjson:6", "feed.ndjson:8"}));
  EXPECT_EQ(c.articles[1].bytes, "Trois.");
  EXPECT_EQ(c.articles[2].bytes, "Quatre.");
  expectFailures(c, {"feed.ndjson:4: invalid JSON: ...", "feed.ndjson:5: invalid JSON: ...",
                     "feed.ndjson:7: a record must be a JSON object, not array"});
}

TEST_F(InputReaderTest, NdjsonFileNamesRecordsByLine) {
  const fs::path file = write("feed.ndjson", "{\"text\": \"Un.\"}\nnot json\n");
  Collector c;
  c.reader.read(file.string());
  EXPECT_EQ(c.names(), std::vector<std::string>{"feed.ndjson:1"});
  EXPECT_EQ(c.articles[0].origin, file.string() + ":1");
  expectFailures(c, {file.string() + ":2: invalid JSON: ..."});
}

TEST_F(InputReaderTest, EmptyNdjsonIsAFailure) {
  std::istringstream in("\n  \n");
  Collector c;
  c.reader.readNdjson(in, "feed.ndjson", "");
  expectFailures(c, {"feed.ndjson: no record: the file is empty"});
}

struct FieldCase {
  const char* label;
  const char* record;
  std::string text, published, source;
};

class InputReaderFieldNames : public ::testing::TestWithParam<FieldCase> {};

TEST_P(InputReaderFieldNames, OursAndNewsPleaseNamesAreRead) {
  std::istringstream in(GetParam().record);
  Collector c;
  c.reader.readNdjson(in, "f.ndjson", "");
  ASSERT_EQ(c.failureText(), "");
  ASSERT_EQ(c.articles.size(), 1u);
  EXPECT_EQ(c.articles[0].bytes, GetParam().text);
  EXPECT_EQ(c.articles[0].meta.published.value_or("-"), GetParam().published);
  EXPECT_EQ(c.articles[0].meta.source.value_or("-"), GetParam().source);
}

INSTANTIATE_TEST_SUITE_P(
    InputReader, InputReaderFieldNames,
    ::testing::Values(
        FieldCase{"ours", R"({"text": "T", "published": "2020-11-01", "source": "s"})", "T", "2020-11-01", "s"},
        FieldCase{"news_please",
                  R"({"maintext": "M", "date_publish": "2020-11-01 10:00:00", "source_domain": "d"})", "M",
                  "2020-11-01 10:00:00", "d"},
        FieldCase{"ours_win",
                  R"({"maintext": "M", "text": "T", "date_publish": "x", "published": "p", "source_domain": "d", )"
                  R"("source": "s"})",
                  "T", "p", "s"},
        FieldCase{"null_falls_back", R"({"text": null, "maintext": "M", "published": null, "date_publish": "d"})",
                  "M", "d", "-"},
        FieldCase{"utf8_kept", R"({"text": "L’armée à \u00c9revan"})", "L’armée à Érevan", "-", "-"}),
    [](const ::testing::TestParamInfo<FieldCase>& p) { return std::string(p.param.label); });

struct WrongTypeCase {
  const char* label;
  const char* record;
  const char* message;
};

class InputReaderWrongType : public ::testing::TestWithParam<WrongTypeCase> {};

TEST_P(InputReaderWrongType, FailureNamesTheField) {
  std::istringstream in(std::string(GetParam().record) + "\n{\"text\": \"Bon.\"}\n");
  Collector c;
  c.reader.readNdjson(in, "f.ndjson", "");
  expectFailures(c, {std::string("f.ndjson:1: ") + GetParam().message});
  EXPECT_EQ(c.names(), std::vector<std::string>{"f.ndjson:2"});
}

INSTANTIATE_TEST_SUITE_P(
    InputReader, InputReaderWrongType,
    ::testing::Values(
        WrongTypeCase{"text_number", R"({"text": 5})", "field 'text' must be a string, not number"},
        WrongTypeCase{"maintext_array", R"({"maintext": ["a", "b"]})", "field 'maintext' must be a string, not array"},
        WrongTypeCase{"title_object", R"({"text": "T", "title": {"fr": "x"}})",
                      "field 'title' must be a string, not object"},
        WrongTypeCase{"published_number", R"({"text": "T", "published": 20201101})",
                      "field 'published' must be a string, not number"},
        WrongTypeCase{"date_publish_bool", R"({"text": "T", "date_publish": true})",
                      "field 'date_publish' must be a string, not boolean"},
        WrongTypeCase{"url_number", R"({"text": "T", "url": 1})", "field 'url' must be a string, not number"},
        WrongTypeCase{"source_domain_array", R"({"text": "T", "source_domain": []})",
                      "field 'source_domain' must be a string, not array"},
        WrongTypeCase{"language_number", R"({"text": "T", "language": 33})",
                      "field 'language' must be a string, not number"}),
    [](const ::testing::TestParamInfo<WrongTypeCase>& p) { return std::string(p.param.label); });

// --- command-line overrides ----------------------------------------------------

TEST_F(InputReaderTest, CommandLineOverridesWinOverManifestAndJson) {
  write("manifest.tsv", "file\tpublished\tsource\ttitle\na.txt\t2020-11-01\topex360.com\tTitre\n");
  write("a.txt", "A.");
  write("b.ndjson", R"({"text": "B.", "published": "2020-11-02", "source": "s", "url": "https://u"})");
  ReaderOptions options;
  options.overrides.published = "2021-01-01";
  options.overrides.source = "cli.example";
  Collector c(options);
  c.reader.read(root_.string());
  EXPECT_EQ(c.failureText(), "");
  ASSERT_EQ(c.articles.size(), 2u);
  for (const RawArticle& a : c.articles) {
    EXPECT_EQ(a.meta.published, "2021-01-01") << a.name;
    EXPECT_EQ(a.meta.source, "cli.example") << a.name;
  }
  EXPECT_EQ(c.byName("a.txt")->meta.title, "Titre");  // not overridden: kept
  EXPECT_EQ(c.byName("b.ndjson:1")->meta.url, "https://u");
}

TEST_F(InputReaderTest, OverridesApplyToAFileWithoutMetadata) {
  const fs::path file = write("a.txt", "A.");
  ReaderOptions options;
  options.overrides.title = "Titre donné";
  options.overrides.url = "https://x";
  Collector c(options);
  c.reader.read(file.string());
  ASSERT_EQ(c.articles.size(), 1u);
  EXPECT_EQ(c.articles[0].meta.title, "Titre donné");
  EXPECT_EQ(c.articles[0].meta.url, "https://x");
  EXPECT_EQ(c.articles[0].meta.published, std::nullopt);
}

// --- size limit ----------------------------------------------------------------

TEST_F(InputReaderTest, MaxArticleBytesIsEnforcedForTextFiles) {
  write("big.txt", std::string(3u << 20, 'a'));
  write("small.txt", std::string(1u << 20, 'b'));  // exactly the limit: accepted
  ReaderOptions options;
  options.maxArticleBytes = 1u << 20;
  Collector c(options);
  c.reader.read(root_.string());
  EXPECT_EQ(c.names(), std::vector<std::string>{"small.txt"});
  expectFailures(c, {(root_ / "big.txt").string() +
                     ": 3.0 MB is larger than the maximum article size of 1.0 MB (--max-article-size)"});
}

TEST_F(InputReaderTest, MaxArticleBytesIsEnforcedForRecords) {
  ReaderOptions options;
  options.maxArticleBytes = 1u << 20;
  Collector c(options);
  const std::string big = std::string(2u << 20, 'x');
  c.reader.readJsonDocument("[{\"text\": \"" + big + "\"}, {\"text\": \"Court.\"}]", "doc.json", "");
  std::istringstream in("{\"text\": \"" + big + "\"}\n{\"text\": \"Court.\"}\n");
  c.reader.readNdjson(in, "f.ndjson", "");
  EXPECT_EQ(c.names(), (std::vector<std::string>{"doc.json:2", "f.ndjson:2"}));
  expectFailures(c, {"doc.json:1: 2.0 MB of text is larger than the maximum article size of 1.0 MB (--max-article-size)",
                     "f.ndjson:1: 2.0 MB record is larger than the maximum article size of 1.0 MB "
                     "(--max-article-size)"});
}

}  // namespace
}  // namespace chronicle

namespace chronicle {
namespace {

// The duplicate check before parsing: every input is offered to isKnown
// with its hash before it is parsed, so a known line is skipped even when
// it would not parse, and an unknown one carries its hash on.
TEST(InputReader, KnownInputsAreSkippedBeforeParsing) {
  std::vector<std::string> offered;
  ReaderOptions options;
  const std::string badLine = "{\"text\": broken";
  options.isKnown = [&](const std::string& sha, std::size_t bytes, const std::string& name, const std::string&) {
    offered.push_back(name + " " + std::to_string(bytes));
    return sha == sourceSha256("ndjson", badLine);
  };
  Collector c(std::move(options));
  std::istringstream in(badLine + "\n{\"text\": \"Les combats reprennent.\"}\n");
  c.reader.readNdjson(in, "f.ndjson", "");
  EXPECT_TRUE(c.failures.empty()) << c.failures.front().message;
  ASSERT_EQ(c.articles.size(), 1u);
  EXPECT_EQ(c.articles[0].sourceSha256, sourceSha256("ndjson", "{\"text\": \"Les combats reprennent.\"}"));
  EXPECT_EQ(offered, (std::vector<std::string>{"f.ndjson:1 15", "f.ndjson:2 35"}));
}

TEST(InputReader, SourceHashDependsOnTheKindOfInput) {
  EXPECT_NE(sourceSha256("text", "{}"), sourceSha256("ndjson", "{}"));
  EXPECT_EQ(sourceSha256("text", "abc"), sourceSha256("text", "abc"));
  // without isKnown nothing is hashed
  Collector c;
  std::istringstream in("{\"text\": \"Les combats reprennent.\"}\n");
  c.reader.readNdjson(in, "f.ndjson", "");
  ASSERT_EQ(c.articles.size(), 1u);
  EXPECT_TRUE(c.articles[0].sourceSha256.empty());
}

}  // namespace
}  // namespace chronicle
