// chronicle check (store/DatabaseCheck): a sound database passes every
// check, and each kind of damage is named by the check that finds it.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "pipeline/Importer.hpp"
#include "store/DatabaseCheck.hpp"

namespace chronicle {
namespace {

class QuietObserver : public ImportObserver {
 public:
  void imported(const ProcessedArticle&, std::int64_t) override {}
  void duplicate(const std::string&, const std::string&, std::int64_t) override {}
  void failed(const std::string& origin, const std::string& message) override {
    ADD_FAILURE() << origin << ": " << message;
  }
};

// The bundled corpus in a fresh in-memory database, imported the usual way.
Database corpusDatabase() {
  Database db = Database::openInMemory();
  QuietObserver observer;
  Importer importer{LexiconSource(), ReaderOptions{}};
  const ImportSummary s = importer.run(db, {std::string(CHRONICLE_SOURCE_DIR) + "/import/corpus"}, observer);
  EXPECT_EQ(s.imported, 5u);
  return db;
}

bool names(const std::vector<CheckProblem>& problems, const std::string& check) {
  return std::any_of(problems.begin(), problems.end(), [&](const CheckProblem& p) { return p.check == check; });
}

TEST(DatabaseCheck, AnImportedCorpusPassesEveryCheck) {
  Database db = corpusDatabase();
  const CheckReport r = checkDatabase(db);
  for (const CheckProblem& p : r.problems) ADD_FAILURE() << p.check << ": " << p.detail;
  EXPECT_TRUE(r.notes.empty());
  EXPECT_EQ(r.articles, 5);
  EXPECT_GT(r.events, 0);
  EXPECT_GE(r.passed.size(), 10u);
}

// Each row: the damage (SQL on the file, as a bug or another tool would do
// it), and the check that must name it.
struct Damage {
  const char* name;
  const char* sql;
  const char* check;
};

class DatabaseCheckDamage : public ::testing::TestWithParam<Damage> {};

TEST_P(DatabaseCheckDamage, IsNamedByItsCheck) {
  Database db = corpusDatabase();
  db.sql().exec("PRAGMA foreign_keys = OFF");  // damage as a careless tool would
  db.sql().exec(GetParam().sql);
  const CheckReport r = checkDatabase(db);
  EXPECT_FALSE(r.ok());
  EXPECT_TRUE(names(r.problems, GetParam().check)) << GetParam().name;
}

INSTANTIATE_TEST_SUITE_P(
    Damages, DatabaseCheckDamage,
    ::testing::Values(
        Damage{"HalfAnArticle", "DELETE FROM sentences WHERE article_id = 1 AND ordinal = 1", "sentences-numbered"},
        Damage{"ArticleWithoutSentences", "DELETE FROM sentences WHERE article_id = 2", "articles-have-sentences"},
        Damage{"SentencePastTheText", "UPDATE sentences SET end_byte = end_byte + 1000000 WHERE id = 1",
               "sentences-inside-text"},
        Damage{"MentionPastTheText",
               "UPDATE mentions SET end_byte = end_byte + 1000000, trigger_end = trigger_end WHERE id = 1",
               "mentions-inside-text"},
        Damage{"EventWithoutMention",
               "UPDATE mentions SET event_id = NULL, modality = 'negated' WHERE event_id = (SELECT id FROM events "
               "ORDER BY id LIMIT 1)",
               "events-have-mentions"},
        Damage{"WrongSourceCount", "UPDATE events SET source_count = source_count + 1 WHERE rowid = 1",
               "events-count-sources"},
        Damage{"StaleMonthCounts", "UPDATE event_months SET events = events + 1 WHERE month = (SELECT min(month) FROM event_months)", "month-counts"},
        Damage{"DanglingForeignKey", "UPDATE mentions SET article_id = 999 WHERE id = 1", "foreign-keys"},
        Damage{"FullTextOutOfStep", "INSERT INTO sentences_fts(rowid, text) VALUES (999999, 'fantôme')",
               "fulltext-index"}),
    [](const auto& param) { return std::string(param.param.name); });

// Mentions stored but not fused (an import killed before its fusion) are a
// note, not a failure: the next import fuses them.
TEST(DatabaseCheck, UnfusedMentionsAreANoteNotAProblem) {
  Database db = corpusDatabase();
  db.sql().exec("UPDATE mentions SET event_id = NULL");
  db.sql().exec("DELETE FROM events");
  db.sql().exec("DELETE FROM event_months");
  const CheckReport r = checkDatabase(db);
  for (const CheckProblem& p : r.problems) ADD_FAILURE() << p.check << ": " << p.detail;
  EXPECT_TRUE(names(r.notes, "mentions-in-events"));
}

}  // namespace
}  // namespace chronicle
