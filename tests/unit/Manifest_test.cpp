#include "ingest/Manifest.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "util/Error.hpp"

namespace chronicle {
namespace {

std::string parseError(std::string_view text, const std::string& origin = "dir/manifest.tsv") {
  try {
    (void)Manifest::parse(text, origin);
  } catch (const InputError& e) {
    return e.what();
  }
  return "(accepted)";
}

TEST(Manifest, ReadsTheDocumentedLayout) {
  const Manifest m = Manifest::parse(
      "file\tpublished\tsource\turl\ttitle\n"
      "000_article.txt\t2020-11-01\topex360.com\thttps://example.org/a\tL’Arménie demande l’aide de la Russie\n",
      "manifest.tsv");
  ASSERT_EQ(m.entries().size(), 1u);
  const ArticleMetadata* meta = m.find("000_article.txt");
  ASSERT_NE(meta, nullptr);
  EXPECT_EQ(meta->published, "2020-11-01");
  EXPECT_EQ(meta->source, "opex360.com");
  EXPECT_EQ(meta->url, "https://example.org/a");
  EXPECT_EQ(meta->title, "L’Arménie demande l’aide de la Russie");
  EXPECT_EQ(meta->language, std::nullopt);
  EXPECT_EQ(m.find("001_other.txt"), nullptr);
}

TEST(Manifest, ColumnsInAnyOrderAndUnknownColumnsIgnored) {
  const Manifest m = Manifest::parse(
      "title\tnotes\tfile\tlanguage\tpublished\n"
      "Trêve rompue\tvu par X\ta.txt\tfr\t2020-10-10\n",
      "m.tsv");
  const ArticleMetadata* meta = m.find("a.txt");
  ASSERT_NE(meta, nullptr);
  EXPECT_EQ(meta->title, "Trêve rompue");
  EXPECT_EQ(meta->published, "2020-10-10");
  EXPECT_EQ(meta->language, "fr");
  EXPECT_EQ(meta->source, std::nullopt);
  EXPECT_EQ(meta->url, std::nullopt);
}

TEST(Manifest, CommentsAndBlankLinesAreSkipped) {
  const Manifest m = Manifest::parse(
      "# metadata for the seed articles\n"
      "\n"
      "   \n"
      "file\tsource\n"
      "# a.txt\tcomment.example\n"
      "\t\n"
      "a.txt\tlemonde.fr\n"
      "\n",
      "m.tsv");
  ASSERT_EQ(m.entries().size(), 1u);
  EXPECT_EQ(m.find("a.txt")->source, "lemonde.fr");
  EXPECT_EQ(m.find("# a.txt"), nullptr);
}

TEST(Manifest, CrlfAndBomAreAccepted) {
  const Manifest m = Manifest::parse(
      "\xEF\xBB\xBF" "file\tpublished\r\n"
      "a.txt\t2020-11-01\r\n"
      "\r\n"
      "b.txt\t2020-11-02\r\n",
      "m.tsv");
  ASSERT_EQ(m.entries().size(), 2u);
  EXPECT_EQ(m.find("a.txt")->published, "2020-11-01");  // no '\r' left in the last cell
  EXPECT_EQ(m.find("b.txt")->published, "2020-11-02");
}

TEST(Manifest, EmptyCellsAndMissingTrailingCellsMeanNotGiven) {
  const Manifest m = Manifest::parse(
      "file\tpublished\tsource\turl\ttitle\n"
      "a.txt\t\topex360.com\t\t\n"
      "b.txt\t2020-11-01\n",
      "m.tsv");
  const ArticleMetadata* a = m.find("a.txt");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->published, std::nullopt);
  EXPECT_EQ(a->source, "opex360.com");
  EXPECT_EQ(a->url, std::nullopt);
  EXPECT_EQ(a->title, std::nullopt);
  const ArticleMetadata* b = m.find("b.txt");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->published, "2020-11-01");
  EXPECT_EQ(b->source, std::nullopt);
}

TEST(Manifest, FileNamesMayNameSubdirectories) {
  const Manifest m = Manifest::parse("file\tsource\nsub/dir/a.txt\tx\n./b.txt\ty\nc//d.txt\tz\n", "m.tsv");
  EXPECT_NE(m.find("sub/dir/a.txt"), nullptr);
  // Looked up the way a directory walk names files: "./b.txt" is "b.txt".
  ASSERT_NE(m.find("b.txt"), nullptr);
  EXPECT_EQ(m.find("b.txt")->source, "y");
  ASSERT_NE(m.find("c/d.txt"), nullptr);
}

TEST(Manifest, EmptyManifestHasNoEntries) {
  EXPECT_TRUE(Manifest::parse("", "m.tsv").entries().empty());
  EXPECT_TRUE(Manifest::parse("# nothing yet\n\n", "m.tsv").entries().empty());
  EXPECT_TRUE(Manifest::parse("file\tpublished\n", "m.tsv").entries().empty());
}

struct BadManifest {
  const char* label;
  const char* text;
  const char* message;
};

class ManifestError : public ::testing::TestWithParam<BadManifest> {};

TEST_P(ManifestError, IsRefusedWithOriginAndLine) {
  EXPECT_EQ(parseError(GetParam().text), GetParam().message);
}

INSTANTIATE_TEST_SUITE_P(
    Manifest, ManifestError,
    ::testing::Values(
        BadManifest{"no_file_column", "# header\npublished\tsource\n",
                    "dir/manifest.tsv:2: the header line has no 'file' column (columns are tab-separated: file, "
                    "published, source, url, title)"},
        BadManifest{"space_separated_header", "file published source\na.txt 2020-11-01 x\n",
                    "dir/manifest.tsv:1: the header line has no 'file' column (columns are tab-separated: file, "
                    "published, source, url, title)"},
        BadManifest{"too_many_cells", "file\tpublished\na.txt\t2020-11-01\n\nb.txt\t2020-11-02\textra\n",
                    "dir/manifest.tsv:4: 3 cells for 2 columns"},
        BadManifest{"listed_twice", "file\tsource\na.txt\tx\nb.txt\ty\na.txt\tz\n",
                    "dir/manifest.tsv:4: 'a.txt' is listed twice"},
        BadManifest{"listed_twice_other_spelling", "file\tsource\na.txt\tx\n./a.txt\tz\n",
                    "dir/manifest.tsv:3: './a.txt' is listed twice"},
        BadManifest{"no_file_name", "file\tsource\n\tlemonde.fr\n", "dir/manifest.tsv:2: no file name"},
        BadManifest{"parent_dir", "file\tsource\n../x.txt\tx\n",
                    "dir/manifest.tsv:2: '../x.txt' is outside the manifest's directory"},
        BadManifest{"parent_dir_inside", "file\tsource\nsub/../../x.txt\tx\n",
                    "dir/manifest.tsv:2: 'sub/../../x.txt' is outside the manifest's directory"},
        BadManifest{"absolute", "file\tsource\n/etc/passwd\tx\n",
                    "dir/manifest.tsv:2: '/etc/passwd' is outside the manifest's directory"},
        BadManifest{"crlf_line_numbers", "file\r\na.txt\r\n\r\n/etc/passwd\r\n",
                    "dir/manifest.tsv:4: '/etc/passwd' is outside the manifest's directory"}),
    [](const ::testing::TestParamInfo<BadManifest>& p) { return std::string(p.param.label); });

TEST(Manifest, ReadNamesTheFileInErrors) {
  const std::filesystem::path dir = std::filesystem::path(::testing::TempDir()) / "chronicle_manifest_test";
  std::filesystem::create_directories(dir);
  const std::filesystem::path path = dir / Manifest::kFileName;
  {
    std::ofstream out(path, std::ios::binary);
    out << "file\tsource\na.txt\tx\n../b.txt\ty\n";
  }
  try {
    (void)Manifest::read(path);
    ADD_FAILURE() << "accepted";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()), path.string() + ":3: '../b.txt' is outside the manifest's directory");
  }
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << "file\tsource\na.txt\tx\n";
  }
  EXPECT_EQ(Manifest::read(path).find("a.txt")->source, "x");
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace chronicle
