#include "pipeline/ArticleProcessor.hpp"

#include <gtest/gtest.h>

#include "util/Error.hpp"
#include "util/FileIO.hpp"
#include "util/Sha256.hpp"

namespace chronicle {
namespace {

ArticleProcessor& processor() {
  static const LexiconSource lexicon;
  static ArticleProcessor p(lexicon);
  return p;
}

RawArticle raw(std::string bytes, ArticleMetadata meta = {}) {
  RawArticle r;
  r.name = "a.txt";
  r.origin = "a.txt";
  r.bytes = std::move(bytes);
  r.meta = std::move(meta);
  return r;
}

TEST(ArticleProcessor, MetadataDateWinsOverTheDateline) {
  ArticleMetadata meta;
  meta.published = "2020-11-02";
  const auto a = processor().process(raw("dimanche 1 novembre 2020\nLe texte.", meta));
  EXPECT_EQ(a.published->iso(), "2020-11-02");
  EXPECT_EQ(a.publishedSource, DateSource::Metadata);
}

TEST(ArticleProcessor, DatelineGivesTheDateWhenMetadataIsSilent) {
  const auto a = processor().process(raw("dimanche 1 novembre 2020\nLe texte."));
  EXPECT_EQ(a.published->iso(), "2020-11-01");
  EXPECT_EQ(a.publishedSource, DateSource::Dateline);
  EXPECT_EQ(*a.publishedText, "dimanche 1 novembre 2020");
}

TEST(ArticleProcessor, NoDateIsUnknownNeverToday) {
  const auto a = processor().process(raw("L'armée a bombardé ce matin plusieurs villes. Bakou dément."));
  EXPECT_FALSE(a.published);
  EXPECT_EQ(a.publishedSource, DateSource::Unknown);
}

TEST(ArticleProcessor, MetadataDateForms) {
  const TemporalTagger& s = processor().dates();
  EXPECT_EQ(parseMetadataDate("2020-11-01", s).iso(), "2020-11-01");
  EXPECT_EQ(parseMetadataDate("2020-11-01T10:23:00Z", s).iso(), "2020-11-01");
  EXPECT_EQ(parseMetadataDate("2020-11-01 10:23:00", s).iso(), "2020-11-01");
  EXPECT_EQ(parseMetadataDate("1 novembre 2020", s).iso(), "2020-11-01");
  EXPECT_EQ(parseMetadataDate("01/11/2020", s).iso(), "2020-11-01");
  for (const char* bad : {"hier", "2020-02-30", "0000-00-00", "31/31/2020", "", "2020-11", "le 1 novembre 2020 ou 2021"})
    EXPECT_THROW(parseMetadataDate(bad, s), InputError) << bad;
}

TEST(ArticleProcessor, TitleFromMetadataOrTop) {
  ArticleMetadata meta;
  meta.title = "Titre donné";
  EXPECT_EQ(*processor().process(raw("Un titre trouvé\nLe texte.", meta)).title, "Titre donné");
  EXPECT_EQ(*processor().process(raw("Un titre trouvé\nLe texte.")).title, "Un titre trouvé");
}

TEST(ArticleProcessor, HashIsOfTheStoredText) {
  const auto crlf = processor().process(raw("Ligne un.\r\nLigne deux.\r\n"));
  const auto lf = processor().process(raw("Ligne un.\nLigne deux."));
  EXPECT_EQ(crlf.text, lf.text);
  EXPECT_EQ(crlf.sha256, lf.sha256);
  EXPECT_EQ(lf.sha256, sha256Hex(lf.text));
}

TEST(ArticleProcessor, RefusesEmptyAndInvalidRecordText) {
  EXPECT_THROW(processor().process(raw("  \n\r\n\t ")), InputError);
  RawArticle r = raw("bad \xFF utf8");
  r.decoded = true;
  EXPECT_THROW(processor().process(std::move(r)), InputError);
}

TEST(ArticleProcessor, SentencesPointIntoTheStoredText) {
  const std::string seed = readFile(std::string(CHRONICLE_SOURCE_DIR) + "/import/corpus/002_cb4c4a94565c18e3.txt");
  const auto a = processor().process(raw(seed));
  EXPECT_EQ(a.published->iso(), "2020-10-31");
  bool found = false;
  for (const ByteSpan& s : a.sentences) {
    ASSERT_LE(s.end, a.text.size());
    const std::string sentence = a.text.substr(s.begin, s.size());
    if (sentence.starts_with("La Russie s’est déclarée samedi")) {
      EXPECT_TRUE(sentence.ends_with("territoire arménien.")) << sentence;
      found = true;
    }
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace chronicle
