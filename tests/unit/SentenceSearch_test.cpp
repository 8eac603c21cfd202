#include "query/SentenceSearch.hpp"
#include "support/TestArticles.hpp"

#include <gtest/gtest.h>

#include <initializer_list>
#include <set>
#include <string>
#include <vector>

#include "store/ArticleStore.hpp"
#include "util/Error.hpp"
#include "util/Sha256.hpp"

namespace chronicle {
namespace {

// --- toFtsQuery ------------------------------------------------------------------

struct QueryCase {
  const char* label;
  const char* user;
  const char* fts;
};

class SentenceSearchQuery : public ::testing::TestWithParam<QueryCase> {};

TEST_P(SentenceSearchQuery, UserTextBecomesQuotedPhrases) { EXPECT_EQ(toFtsQuery(GetParam().user), GetParam().fts); }

INSTANTIATE_TEST_SUITE_P(
    SentenceSearch, SentenceSearchQuery,
    ::testing::Values(
        QueryCase{"one_word", "Erevan", R"("Erevan")"},
        QueryCase{"apostrophe", "l'armée", R"("l'armée")"},
        QueryCase{"typographic_apostrophe", "l’armée", R"("l’armée")"},
        QueryCase{"words_are_anded", "Érevan  Bakou\tMoscou", R"("Érevan" AND "Bakou" AND "Moscou")"},
        QueryCase{"quoted_phrase", R"("cessez le feu")", R"("cessez le feu")"},
        QueryCase{"phrase_and_word", R"(Goris "cessez le feu")", R"("Goris" AND "cessez le feu")"},
        QueryCase{"unterminated_phrase", R"("cessez le feu)", R"("cessez le feu")"},
        QueryCase{"embedded_quote", R"(a"b)", R"("a""b")"},
        QueryCase{"quote_at_word_end", R"(dit" Goris)", R"("dit""" AND "Goris")"},
        // FTS5 syntax in user text is only text.
        QueryCase{"operators", "Goris OR Kapan NOT Bakou", R"("Goris" AND "OR" AND "Kapan" AND "NOT" AND "Bakou")"},
        QueryCase{"near_and_prefix", "NEAR(Goris Kapan) armé*", R"q("NEAR(Goris" AND "Kapan)" AND "armé*")q"},
        QueryCase{"column_filter", "text:Goris", R"("text:Goris")"},
        // Terms without a letter or digit are dropped.
        QueryCase{"punctuation_dropped", "« Érevan » — ?", R"("Érevan")"},
        QueryCase{"digits", "49 soldats", R"("49" AND "soldats")"}),
    [](const ::testing::TestParamInfo<QueryCase>& p) { return std::string(p.param.label); });

TEST(SentenceSearch, NothingToSearchForIsAUsageError) {
  for (const char* text : {"", "   ", "?!", "\"\"", "\" \"", "' - '", "« — » …", "…", "-- ;"}) {
    try {
      (void)toFtsQuery(text);
      ADD_FAILURE() << "accepted: " << text;
    } catch (const UsageError& e) {
      EXPECT_EQ(std::string(e.what()), "nothing to search for: give at least one word") << text;
    }
  }
}

// --- searchSentences ---------------------------------------------------------------

class SentenceSearchTest : public ::testing::Test {
 protected:
  std::int64_t insert(const std::string& name, std::initializer_list<std::string> sentences,
                      std::optional<CivilDate> published = std::nullopt) {
    const ProcessedArticle a = testsupport::makeArticle(name, sentences, published);
    return store_.insert(a, "2024-05-01T12:00:00Z");
  }

  std::vector<SearchHit> search(std::string_view text, std::size_t limit = 10) {
    return searchSentences(db_, text, limit, "[", "]");
  }

  Database db_ = Database::openInMemory();
  ArticleStore store_{db_};
};

TEST_F(SentenceSearchTest, AccentInsensitiveAndHitsPointIntoTheArticle) {
  const std::int64_t id = insert("erevan.txt",
                                 {"Erevan, 27 septembre 2020.", "Des combats ont éclaté au Haut-Karabakh.",
                                  "Le gouvernement d’Érevan a décrété la mobilisation générale."},
                                 CivilDate::make(2020, 9, 27));
  insert("bakou.txt", {"Bakou dément toute offensive."});

  const std::vector<SearchHit> hits = search("erevan mobilisation");
  ASSERT_EQ(hits.size(), 1u);
  const SearchHit& h = hits[0];
  EXPECT_EQ(h.articleId, id);
  EXPECT_EQ(h.articleName, "erevan.txt");
  EXPECT_EQ(h.published, "2020-09-27");
  EXPECT_EQ(h.ordinal, 2);
  const StoredArticle stored = *store_.get(id);
  EXPECT_EQ(stored.text.substr(static_cast<std::size_t>(h.start), static_cast<std::size_t>(h.end - h.start)),
            "Le gouvernement d’Érevan a décrété la mobilisation générale.");
  // The snippet keeps the stored spelling and marks the matched words.
  EXPECT_EQ(h.snippet, "Le gouvernement d’[Érevan] a décrété la [mobilisation] générale.");

  // "Erevan" finds both spellings: "Erevan" in the dateline, "Érevan" later.
  std::set<int> ordinals;
  for (const SearchHit& hit : search("Erevan")) ordinals.insert(hit.ordinal);
  EXPECT_EQ(ordinals, (std::set<int>{0, 2}));
  EXPECT_EQ(search("ÉREVAN").size(), 2u);
}

TEST_F(SentenceSearchTest, CessezLeFeuFindsTheHyphenatedForm) {
  insert("a.txt", {"Un cessez-le-feu humanitaire est entré en vigueur samedi.", "Le feu a cessé."});
  insert("b.txt", {"Les combats continuent."});
  for (const char* query : {"cessez le feu", "\"cessez le feu\"", "Cessez-le-feu"}) {
    const std::vector<SearchHit> hits = search(query);
    ASSERT_EQ(hits.size(), 1u) << query;
    EXPECT_EQ(hits[0].articleName, "a.txt") << query;
    EXPECT_EQ(hits[0].ordinal, 0) << query;
    EXPECT_EQ(hits[0].start, 0) << query;
    std::string plain = hits[0].snippet;
    std::erase(plain, '[');
    std::erase(plain, ']');
    EXPECT_EQ(plain, "Un cessez-le-feu humanitaire est entré en vigueur samedi.") << query;
    EXPECT_TRUE(hits[0].snippet.starts_with("Un [cessez")) << hits[0].snippet;
    EXPECT_NE(hits[0].snippet.find("feu]"), std::string::npos) << hits[0].snippet;
  }
  // As a phrase the words must follow each other; as words they need not.
  EXPECT_TRUE(search("\"feu le cessez\"").empty());
  EXPECT_EQ(search("feu le cessez").size(), 1u);
}

TEST_F(SentenceSearchTest, ApostrophesOfEitherKindMatch) {
  insert("a.txt", {"L’armée arménienne a reculé."});
  EXPECT_EQ(search("l'armée").size(), 1u);
  EXPECT_EQ(search("l’armee").size(), 1u);
  EXPECT_EQ(search("armee").size(), 1u);
}

TEST_F(SentenceSearchTest, AllWordsMustOccurInTheSentence) {
  insert("a.txt", {"Goris est bombardée.", "Kapan est calme.", "Goris et Kapan sont reliées par la route."});
  const std::vector<SearchHit> hits = search("Goris Kapan");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].ordinal, 2);
  EXPECT_TRUE(search("Goris Bakou").empty());
}

TEST_F(SentenceSearchTest, LimitIsRespected) {
  insert("a.txt", {"Goris un.", "Goris deux.", "Goris trois.", "Goris quatre.", "Goris cinq."});
  insert("b.txt", {"Goris six."});
  EXPECT_EQ(search("Goris", 3).size(), 3u);
  EXPECT_EQ(search("Goris", 1).size(), 1u);
  EXPECT_EQ(search("Goris", 100).size(), 6u);
}

TEST_F(SentenceSearchTest, BestMatchesComeFirst) {
  insert("a.txt", {"Goris, Goris, Goris : la ville de Goris sous les bombes.",
                   "Une longue phrase sur la situation générale dans la région qui mentionne Goris une fois."});
  const std::vector<SearchHit> hits = search("Goris");
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].ordinal, 0);
}

TEST_F(SentenceSearchTest, FtsSyntaxInUserTextIsNotAnError) {
  insert("a.txt", {"Goris OR Kapan: NEAR(la frontière)."});
  EXPECT_NO_THROW((void)search("NEAR(Goris"));
  EXPECT_NO_THROW((void)search("Goris OR"));
  EXPECT_NO_THROW((void)search("text:Goris"));
  EXPECT_NO_THROW((void)search("\"Goris"));
  EXPECT_EQ(search("Goris OR Kapan").size(), 1u);  // "OR" is a word here, present in the sentence
  EXPECT_TRUE(search("Goris AND Bakou").empty());
}

TEST_F(SentenceSearchTest, NoMatchAndEmptyDatabase) {
  EXPECT_TRUE(search("Goris").empty());
  insert("a.txt", {"Kapan est calme."});
  EXPECT_TRUE(search("Goris").empty());
  EXPECT_THROW((void)search("« »"), UsageError);
}

TEST_F(SentenceSearchTest, RemovedArticlesAreNotFound) {
  const std::int64_t id = insert("a.txt", {"Goris est bombardée."});
  insert("b.txt", {"Goris est calme."});
  ASSERT_TRUE(store_.remove(id));
  const std::vector<SearchHit> hits = search("Goris");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].articleName, "b.txt");
  EXPECT_EQ(hits[0].published, std::nullopt);
}

}  // namespace
}  // namespace chronicle
