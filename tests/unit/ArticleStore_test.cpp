#include "store/ArticleStore.hpp"
#include "support/TestArticles.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "util/Sha256.hpp"

namespace chronicle {
namespace {

constexpr const char* kImportedAt = "2024-05-01T12:00:00Z";

CivilDate day(int y, int m, int d) { return *CivilDate::make(y, m, d); }

ProcessedArticle article(const std::string& name, std::initializer_list<std::string> sentences,
                         std::optional<CivilDate> published = std::nullopt) {
  return testsupport::makeArticle(name, sentences, published);
}

// Rowids of the sentences the full-text index finds for an FTS5 query.
std::vector<std::int64_t> ftsMatches(Database& db, const std::string& query) {
  SQLite::Statement st(db.sql(), "SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ? ORDER BY rowid");
  st.bind(1, query);
  std::vector<std::int64_t> out;
  while (st.executeStep()) out.push_back(st.getColumn(0).getInt64());
  return out;
}

void expectFtsConsistent(Database& db) {
  // Fails (throws) when the external-content index and its table disagree.
  EXPECT_NO_THROW(db.sql().exec("INSERT INTO sentences_fts(sentences_fts) VALUES ('integrity-check')"));
}

std::int64_t sentenceRows(Database& db) { return db.sql().execAndGet("SELECT count(*) FROM sentences").getInt64(); }

std::vector<std::string> listedNames(ArticleStore& store) {
  std::vector<std::string> out;
  for (const StoredArticle& a : store.list()) out.push_back(a.name);
  return out;
}

TEST(ArticleStore, InsertThenGetListAndSentencesRoundTrip) {
  Database db = Database::openInMemory();
  ArticleStore store(db);
  ProcessedArticle a = article("000_goris.txt",
                               {"Goris, 31 octobre 2020.", "L’Arménie a demandé l’aide de la Russie.",
                                "Le Kremlin a répondu samedi."},
                               day(2020, 11, 1));
  a.url = "https://www.opex360.com/2020/11/01/armenie";
  a.source = "opex360.com";
  a.title = "L’Arménie demande l’aide de la Russie";
  a.publishedSource = DateSource::Dateline;
  a.publishedText = "31 octobre 2020";

  const std::int64_t id = store.insert(a, kImportedAt);
  EXPECT_GT(id, 0);
  EXPECT_EQ(store.count(), 1);

  const std::optional<StoredArticle> got = store.get(id);
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->id, id);
  EXPECT_EQ(got->name, "000_goris.txt");
  EXPECT_EQ(got->path, "/corpus/000_goris.txt");
  EXPECT_EQ(got->url, a.url);
  EXPECT_EQ(got->source, "opex360.com");
  EXPECT_EQ(got->title, a.title);
  EXPECT_EQ(got->published, "2020-11-01");
  EXPECT_EQ(got->publishedSource, "dateline");
  EXPECT_EQ(got->publishedText, "31 octobre 2020");
  EXPECT_EQ(got->language, "fr");
  EXPECT_EQ(got->charset, "windows-1252");
  EXPECT_EQ(got->importedAt, kImportedAt);
  EXPECT_EQ(got->sha256, a.sha256);
  EXPECT_EQ(got->sentenceCount, 3);
  EXPECT_EQ(got->text, a.text);

  const std::vector<StoredArticle> all = store.list();
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].id, id);
  EXPECT_EQ(all[0].name, "000_goris.txt");
  EXPECT_EQ(all[0].sentenceCount, 3);
  EXPECT_EQ(all[0].published, "2020-11-01");
  EXPECT_TRUE(all[0].text.empty());  // list() leaves the text out

  const std::vector<StoredSentence> sentences = store.sentences(id);
  ASSERT_EQ(sentences.size(), 3u);
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    EXPECT_EQ(sentences[i].ordinal, static_cast<int>(i));
    EXPECT_EQ(sentences[i].start, static_cast<std::int64_t>(a.sentences[i].begin));
    EXPECT_EQ(sentences[i].end, static_cast<std::int64_t>(a.sentences[i].end));
    // The offsets are UTF-8 byte offsets into the stored text.
    EXPECT_EQ(sentences[i].text, got->text.substr(static_cast<std::size_t>(sentences[i].start),
                                                  static_cast<std::size_t>(sentences[i].end - sentences[i].start)));
  }
  EXPECT_EQ(sentences[1].text, "L’Arménie a demandé l’aide de la Russie.");
}

TEST(ArticleStore, UnsetOptionalFieldsAreNull) {
  Database db = Database::openInMemory();
  ArticleStore store(db);
  ProcessedArticle a = article("stdin", {"Texte sans date."});
  a.path.clear();
  const std::int64_t id = store.insert(a, kImportedAt);
  const StoredArticle got = *store.get(id);
  EXPECT_EQ(got.path, std::nullopt);
  EXPECT_EQ(got.url, std::nullopt);
  EXPECT_EQ(got.source, std::nullopt);
  EXPECT_EQ(got.title, std::nullopt);
  EXPECT_EQ(got.published, std::nullopt);
  EXPECT_EQ(got.publishedSource, "unknown");
  EXPECT_EQ(got.publishedText, std::nullopt);
}

TEST(ArticleStore, GetAndSentencesOfAnUnknownId) {
  Database db = Database::openInMemory();
  ArticleStore store(db);
  EXPECT_EQ(store.get(42), std::nullopt);
  EXPECT_TRUE(store.sentences(42).empty());
  EXPECT_TRUE(store.list().empty());
  EXPECT_EQ(store.count(), 0);
}

TEST(ArticleStore, FindBySha) {
  Database db = Database::openInMemory();
  ArticleStore store(db);
  const ProcessedArticle a = article("a.txt", {"Premier texte."});
  const ProcessedArticle b = article("b.txt", {"Second texte."});
  const std::int64_t idA = store.insert(a, kImportedAt);
  const std::int64_t idB = store.insert(b, kImportedAt);
  EXPECT_EQ(store.findBySha(a.sha256), idA);
  EXPECT_EQ(store.findBySha(b.sha256), idB);
  EXPECT_EQ(store.findBySha(sha256Hex("Autre texte.")), std::nullopt);
}

TEST(ArticleStore, FullTextIndexFollowsInsertsAndRemoves) {
  Database db = Database::openInMemory();
  ArticleStore store(db);
  const std::int64_t a = store.insert(article("a.txt", {"Les combats continuent à Érevan.", "Rien à signaler."}),
                                      kImportedAt);
  const std::int64_t b = store.insert(article("b.txt", {"Le cessez-le-feu est violé près d’Erevan."}), kImportedAt);
  expectFtsConsistent(db);
  const auto sentencesA = store.sentences(a);
  const auto sentencesB = store.sentences(b);
  EXPECT_EQ(ftsMatches(db, "erevan"), (std::vector<std::int64_t>{sentencesA[0].id, sentencesB[0].id}));
  EXPECT_EQ(ftsMatches(db, "\"cessez le feu\""), std::vector<std::int64_t>{sentencesB[0].id});
  EXPECT_EQ(ftsMatches(db, "signaler"), std::vector<std::int64_t>{sentencesA[1].id});

  EXPECT_TRUE(store.remove(a));
  expectFtsConsistent(db);
  EXPECT_EQ(ftsMatches(db, "erevan"), std::vector<std::int64_t>{sentencesB[0].id});
  EXPECT_TRUE(ftsMatches(db, "signaler").empty());
}

TEST(ArticleStore, RemoveCascadesToSentences) {
  Database db = Database::openInMemory();
  ArticleStore store(db);
  const std::int64_t a = store.insert(article("a.txt", {"Un.", "Deux.", "Trois."}), kImportedAt);
  const std::int64_t b = store.insert(article("b.txt", {"Quatre."}), kImportedAt);
  EXPECT_EQ(sentenceRows(db), 4);
  EXPECT_TRUE(store.remove(a));
  EXPECT_EQ(store.get(a), std::nullopt);
  EXPECT_TRUE(store.sentences(a).empty());
  EXPECT_EQ(sentenceRows(db), 1);
  EXPECT_EQ(store.sentences(b).size(), 1u);
  EXPECT_FALSE(store.remove(a));  // already gone
  EXPECT_FALSE(store.remove(999));
  EXPECT_EQ(store.count(), 1);
}

TEST(ArticleStore, SetPublished) {
  Database db = Database::openInMemory();
  ArticleStore store(db);
  const std::int64_t id = store.insert(article("a.txt", {"Sans date."}), kImportedAt);
  EXPECT_TRUE(store.setPublished(id, day(2022, 9, 13)));
  const StoredArticle got = *store.get(id);
  EXPECT_EQ(got.published, "2022-09-13");
  EXPECT_EQ(got.publishedSource, "metadata");
  EXPECT_EQ(got.publishedText, "2022-09-13");

  EXPECT_TRUE(store.setPublished(id, day(2021, 11, 16)));  // replaces a date
  EXPECT_EQ(store.get(id)->published, "2021-11-16");
  EXPECT_FALSE(store.setPublished(id + 1, day(2021, 11, 16)));
}

TEST(ArticleStore, ListPutsDatedArticlesFirstByDateThenUndated) {
  Database db = Database::openInMemory();
  ArticleStore store(db);
  store.insert(article("undated-1", {"A."}), kImportedAt);
  store.insert(article("2020-11-02", {"B."}, day(2020, 11, 2)), kImportedAt);
  store.insert(article("2020-10-01-first", {"C."}, day(2020, 10, 1)), kImportedAt);
  store.insert(article("undated-2", {"D."}), kImportedAt);
  store.insert(article("2020-10-01-second", {"E."}, day(2020, 10, 1)), kImportedAt);
  store.insert(article("2019-12-31", {"F."}, day(2019, 12, 31)), kImportedAt);
  EXPECT_EQ(listedNames(store), (std::vector<std::string>{"2019-12-31", "2020-10-01-first", "2020-10-01-second",
                                                          "2020-11-02", "undated-1", "undated-2"}));
}

TEST(ArticleStore, FailingInsertInsideABatchLeavesNoTraceOfThatArticleOnly) {
  Database db = Database::openInMemory();
  ArticleStore store(db);
  const ProcessedArticle first = article("first.txt", {"Premier article sur Goris."});
  const ProcessedArticle duplicate = article("duplicate.txt", {"Premier article sur Goris."});  // same sha256
  // Its article row is written, then its second sentence breaks the schema's
  // CHECK (end_byte > start_byte): only the savepoint can undo the first rows.
  ProcessedArticle broken = article("broken.txt", {"Texte cassé sur Stepanakert.", "Suite."});
  broken.sentences.push_back({3, 3});
  const ProcessedArticle last = article("last.txt", {"Dernier article sur Kapan."});
  {
    SQLite::Transaction batch(db.sql());
    store.insert(first, kImportedAt);
    EXPECT_THROW(store.insert(duplicate, kImportedAt), SQLite::Exception);
    EXPECT_THROW(store.insert(broken, kImportedAt), SQLite::Exception);
    store.insert(last, kImportedAt);
    batch.commit();
  }
  EXPECT_EQ(listedNames(store), (std::vector<std::string>{"first.txt", "last.txt"}));
  EXPECT_EQ(store.findBySha(broken.sha256), std::nullopt);
  EXPECT_EQ(sentenceRows(db), 2);
  EXPECT_TRUE(ftsMatches(db, "stepanakert").empty());
  EXPECT_EQ(ftsMatches(db, "goris").size(), 1u);
  EXPECT_EQ(ftsMatches(db, "kapan").size(), 1u);
  expectFtsConsistent(db);
}

TEST(ArticleStore, UncommittedBatchIsRolledBackWhole) {
  Database db = Database::openInMemory();
  ArticleStore store(db);
  store.insert(article("kept.txt", {"Gardé."}), kImportedAt);
  {
    SQLite::Transaction batch(db.sql());
    store.insert(article("a.txt", {"Annulé un."}), kImportedAt);
    store.insert(article("b.txt", {"Annulé deux."}), kImportedAt);
    EXPECT_EQ(store.count(), 3);
  }  // no commit
  EXPECT_EQ(listedNames(store), std::vector<std::string>{"kept.txt"});
  EXPECT_EQ(sentenceRows(db), 1);
  EXPECT_TRUE(ftsMatches(db, "annule").empty());
  expectFtsConsistent(db);
}

TEST(ArticleStore, FailingInsertOutsideATransactionLeavesNoOpenTransaction) {
  Database db = Database::openInMemory();
  ArticleStore store(db);
  ProcessedArticle broken = article("broken.txt", {"Texte cassé."});
  broken.sentences.push_back({0, 0});
  EXPECT_THROW(store.insert(broken, kImportedAt), SQLite::Exception);
  EXPECT_NE(sqlite3_get_autocommit(db.sql().getHandle()), 0);
  EXPECT_EQ(store.count(), 0);
  EXPECT_EQ(sentenceRows(db), 0);
  store.insert(article("ok.txt", {"Ça marche."}), kImportedAt);  // autocommitted
  EXPECT_NE(sqlite3_get_autocommit(db.sql().getHandle()), 0);
  EXPECT_EQ(store.count(), 1);
}

}  // namespace
}  // namespace chronicle
