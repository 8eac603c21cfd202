// The database as an interface (schema/0003): the views timeline,
// event_sources and chronology_by_month on the bundled corpus, the actors
// lookup table and the events' declared foreign keys, and the Datasette
// metadata that describes them (checked against docs/schema.md).
#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "export/EventWriter.hpp"
#include "pipeline/Importer.hpp"
#include "store/EventStore.hpp"
#include "util/FileIO.hpp"

namespace chronicle {
namespace {

class NullObserver : public ImportObserver {
 public:
  void imported(const ProcessedArticle&, std::int64_t) override {}
  void duplicate(const std::string&, const std::string&, std::int64_t) override {}
  void failed(const std::string& origin, const std::string& message) override {
    ADD_FAILURE() << origin << ": " << message;
  }
};

class ViewsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = new Database(Database::openInMemory());
    NullObserver observer;
    Importer importer{LexiconSource(), ReaderOptions{}};
    const ImportSummary s = importer.run(*db_, {std::string(CHRONICLE_SOURCE_DIR) + "/import/corpus"}, observer);
    ASSERT_EQ(s.imported, 5u);
  }
  static void TearDownTestSuite() {
    delete db_;
    db_ = nullptr;
  }
  static std::int64_t value(const std::string& sql) { return db_->sql().execAndGet(sql).getInt64(); }
  static std::string text(const std::string& sql) { return db_->sql().execAndGet(sql).getString(); }
  static std::vector<std::string> columns(const std::string& table) {
    std::vector<std::string> out;
    SQLite::Statement st(db_->sql(), "SELECT name FROM pragma_table_info(?)");
    st.bind(1, table);
    while (st.executeStep()) out.push_back(st.getColumn(0).getString());
    return out;
  }

  static Database* db_;
};

Database* ViewsTest::db_ = nullptr;

TEST_F(ViewsTest, TheCorpusHasEvents) { EXPECT_GE(value("SELECT count(*) FROM events"), 15); }

TEST_F(ViewsTest, ViewsHaveTheirColumns) {
  const std::map<std::string, std::vector<std::string>> expected = {
      {"timeline",
       {"id", "sort_key", "date_start", "date_end", "precision", "type", "initiator", "initiator_name", "target",
        "target_name", "mediator", "mediator_name", "place_names", "source_count", "article_count", "first_evidence"}},
      {"event_sources",
       {"event_id", "article", "url", "source", "published", "evidence", "claimed_by", "date_source", "trigger"}},
      {"chronology_by_month", {"month", "type", "events", "fatalities", "sources"}},
  };
  for (const auto& [view, wanted] : expected) {
    const auto have = columns(view);
    const std::set<std::string> set(have.begin(), have.end());
    for (const std::string& c : wanted) EXPECT_TRUE(set.count(c)) << view << "." << c;
  }
}

TEST_F(ViewsTest, TimelineHasEveryEventOnceInSortKeyOrder) {
  EXPECT_EQ(value("SELECT count(*) FROM timeline"), value("SELECT count(*) FROM events"));
  EXPECT_EQ(value("SELECT count(DISTINCT id) FROM timeline"), value("SELECT count(*) FROM events"));
  std::vector<std::string> keys;
  SQLite::Statement st(db_->sql(), "SELECT sort_key, date_start FROM timeline");
  bool undatedSeen = false;
  while (st.executeStep()) {
    keys.push_back(st.getColumn(0).getString());
    if (st.getColumn(1).isNull()) undatedSeen = true;
    else EXPECT_FALSE(undatedSeen) << "a dated event after an undated one";
  }
  EXPECT_TRUE(std::is_sorted(keys.begin(), keys.end()));
}

TEST(TimelineOrder, ADayBeforeTheMonthStartingThatDayAndUndatedLast) {
  Database db = Database::openInMemory();
  const char* insert =
      "INSERT INTO events (id, type, date_start, date_end, precision, modality, source_count, article_count, "
      "confidence) VALUES ";
  db.sql().exec(std::string(insert) +
                "('ev-a', 'offensive', NULL, NULL, 'unknown', 'asserted', 1, 1, 0.5), "
                "('ev-b', 'offensive', '2020-10-01', '2020-10-31', 'month', 'asserted', 1, 1, 0.5), "
                "('ev-c', 'offensive', '2020-10-01', '2020-10-01', 'day', 'asserted', 1, 1, 0.5), "
                "('ev-d', 'offensive', '2020-09-30', '2020-09-30', 'day', 'asserted', 1, 1, 0.5), "
                "('ev-e', 'offensive', '2020-10-02', '2020-10-02', 'day', 'asserted', 1, 1, 0.5)");
  EXPECT_EQ(db.sql().execAndGet("SELECT group_concat(id, ' ') FROM timeline").getString(), "ev-d ev-c ev-b ev-e ev-a");
  EXPECT_EQ(db.sql().execAndGet("SELECT group_concat(id, ' ') FROM (SELECT id FROM timeline ORDER BY sort_key)").getString(),
            "ev-d ev-c ev-b ev-e ev-a");
}

TEST_F(ViewsTest, TimelineNamesActorsAndQuotesTheFirstEvidence) {
  EXPECT_EQ(value("SELECT count(*) FROM timeline WHERE initiator IS NOT NULL AND initiator_name IS NULL"), 0);
  EXPECT_EQ(value("SELECT count(*) FROM timeline WHERE target IS NOT NULL AND target_name IS NULL"), 0);
  EXPECT_EQ(value("SELECT count(*) FROM timeline WHERE mediator IS NOT NULL AND mediator_name IS NULL"), 0);
  EXPECT_GT(value("SELECT count(*) FROM timeline WHERE initiator = 'ARM' AND initiator_name = 'Arménie'"), 0);
  EXPECT_EQ(value("SELECT count(*) FROM timeline WHERE first_evidence IS NULL OR first_evidence = ''"), 0);
  // The first evidence is one of the event's source sentences.
  EXPECT_EQ(value("SELECT count(*) FROM timeline t WHERE NOT EXISTS (SELECT 1 FROM event_sources s "
                  "WHERE s.event_id = t.id AND s.evidence = t.first_evidence)"),
            0);
  EXPECT_GT(value("SELECT count(*) FROM timeline WHERE place_names IS NOT NULL"), 0);
  EXPECT_EQ(value("SELECT count(*) FROM timeline t JOIN events e ON e.id = t.id WHERE t.source_count <> "
                  "e.source_count OR t.article_count <> e.article_count"),
            0);
}

TEST_F(ViewsTest, EventSourcesIsOneRowPerMentionOfAnEvent) {
  EXPECT_EQ(value("SELECT count(*) FROM event_sources"), value("SELECT count(*) FROM mentions WHERE event_id IS NOT NULL"));
  EXPECT_EQ(value("SELECT count(*) FROM event_sources"), value("SELECT sum(source_count) FROM events"));
  // The evidence is the sentence the mention points into.
  EXPECT_EQ(value("SELECT count(*) FROM event_sources es JOIN mentions m ON m.id = es.mention_id JOIN sentences s "
                  "ON s.article_id = m.article_id AND s.ordinal = m.sentence WHERE s.text IS NOT es.evidence"),
            0);
  EXPECT_EQ(value("SELECT count(*) FROM event_sources WHERE article IS NULL OR published IS NULL"), 0);
}

TEST_F(ViewsTest, ChronologyByMonthAddsUp) {
  EXPECT_EQ(value("SELECT coalesce(sum(events), 0) FROM chronology_by_month"),
            value("SELECT count(*) FROM events WHERE precision IN ('day', 'week', 'month') OR (precision = 'range' "
                  "AND substr(date_start, 1, 7) = substr(date_end, 1, 7))"));
  EXPECT_EQ(value("SELECT coalesce(sum(sources), 0) FROM chronology_by_month"),
            value("SELECT coalesce(sum(source_count), 0) FROM events WHERE precision IN ('day', 'week', 'month') OR "
                  "(precision = 'range' AND substr(date_start, 1, 7) = substr(date_end, 1, 7))"));
  EXPECT_EQ(value("SELECT count(*) FROM chronology_by_month WHERE month NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'"), 0);
  EXPECT_GT(value("SELECT count(*) FROM chronology_by_month WHERE month = '2020-10'"), 0);
}

// chronology_by_month reads event_months, which chronicle rewrites with the
// events: its rows are exactly the grouping of the events.
TEST_F(ViewsTest, ChronologyByMonthIsTheGroupingOfTheEvents) {
  const std::string grouping =
      "SELECT substr(date_start, 1, 7), type, count(*), sum(fatalities), sum(source_count), sum(article_count) "
      "FROM events WHERE date_start IS NOT NULL AND (precision IN ('day', 'week', 'month') OR (precision = 'range' "
      "AND substr(date_start, 1, 7) = substr(date_end, 1, 7))) GROUP BY 1, 2";
  const std::string view = "SELECT month, type, events, fatalities, sources, articles FROM chronology_by_month";
  EXPECT_EQ(value("SELECT count(*) FROM (" + view + " EXCEPT " + grouping + ")"), 0);
  EXPECT_EQ(value("SELECT count(*) FROM (" + grouping + " EXCEPT " + view + ")"), 0);
  EXPECT_GT(value("SELECT count(*) FROM chronology_by_month"), 0);
}

TEST_F(ViewsTest, ForeignKeysHoldAndTheFileIsIntact) {
  EXPECT_EQ(value("SELECT count(*) FROM pragma_foreign_key_check"), 0);
  EXPECT_EQ(text("PRAGMA integrity_check"), "ok");
  // The events' actor columns are declared foreign keys to actors(code).
  std::set<std::string> fks;
  SQLite::Statement st(db_->sql(), "SELECT \"from\", \"table\", \"to\" FROM pragma_foreign_key_list('events')");
  while (st.executeStep())
    fks.insert(st.getColumn(0).getString() + "->" + st.getColumn(1).getString() + "." + st.getColumn(2).getString());
  for (const char* c : {"initiator", "target", "mediator", "claimed_by"})
    EXPECT_TRUE(fks.count(std::string(c) + "->actors.code")) << c;
  EXPECT_EQ(value("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'events' AND name IN "
                  "('events_date', 'events_type')"),
            2);
}

TEST_F(ViewsTest, ActorsHoldTheGazetteerAndEveryCodeEventsUse) {
  EXPECT_EQ(text("SELECT name FROM actors WHERE code = 'ARM'"), "Arménie");
  EXPECT_EQ(text("SELECT kind FROM actors WHERE code = 'CSTO'"), "organisation");
  EXPECT_EQ(value("SELECT count(*) FROM (SELECT initiator AS c FROM events UNION SELECT target FROM events UNION "
                  "SELECT mediator FROM events UNION SELECT claimed_by FROM events) WHERE c IS NOT NULL AND c NOT IN "
                  "(SELECT code FROM actors)"),
            0);
}

TEST(ActorsTable, AnUnknownCodeIsStoredWithItselfAsName) {
  Database db = Database::openInMemory();
  db.sql().exec("INSERT INTO articles (sha256, name, published, published_source, imported_at, text) VALUES "
                "('x', 'a.txt', '2020-10-01', 'metadata', '2020-10-01T00:00:00Z', 'Les forces de Xland ont attaqué.')");
  db.sql().exec("INSERT INTO mentions (article_id, sentence, start_byte, end_byte, trigger_start, trigger_end, trigger, "
                "type, date_start, date_end, precision, date_source, initiator, target, modality, confidence) VALUES "
                "(1, 0, 0, 31, 21, 29, 'attaqué', 'offensive', '2020-10-01', '2020-10-01', 'day', 'publication', "
                "'XLD', 'ARM', 'asserted', 0.5)");
  EXPECT_EQ(EventStore(db).refuse(), 1u);
  EXPECT_EQ(db.sql().execAndGet("SELECT name FROM actors WHERE code = 'XLD'").getString(), "XLD");
  EXPECT_EQ(db.sql().execAndGet("SELECT initiator_name || '>' || target_name FROM timeline").getString(), "XLD>Arménie");
  EXPECT_EQ(db.sql().execAndGet("SELECT count(*) FROM pragma_foreign_key_check").getInt(), 0);
  // Re-fusing is idempotent.
  EXPECT_EQ(EventStore(db).refuse(), 1u);
}

TEST(Migration0003, KeepsEventsAndTheirMentionLinks) {
  // A database at schema 2 with an event and its mention, migrated to 3.
  const std::string path = ::testing::TempDir() + "/chronicle_migration_0003.db";
  std::remove(path.c_str());
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    raw.exec("PRAGMA foreign_keys = ON");
    raw.exec(readFile(std::string(CHRONICLE_SOURCE_DIR) + "/schema/0001_articles.sql"));
    raw.exec(readFile(std::string(CHRONICLE_SOURCE_DIR) + "/schema/0002_events.sql"));
    raw.exec("PRAGMA application_id = 1128813134");
    raw.exec("PRAGMA user_version = 2");
    raw.exec("INSERT INTO articles (sha256, name, published, published_source, imported_at, text) VALUES "
             "('x', 'a.txt', '2020-10-01', 'metadata', '2020-10-01T00:00:00Z', 'Bakou a attaqué Erevan.')");
    raw.exec("INSERT INTO events (id, type, date_start, date_end, precision, initiator, target, modality, "
             "source_count, article_count, confidence) VALUES ('ev-1', 'offensive', '2020-10-01', '2020-10-01', "
             "'day', 'AZE', 'ARM', 'asserted', 1, 1, 0.5)");
    raw.exec("INSERT INTO mentions (article_id, sentence, start_byte, end_byte, trigger_start, trigger_end, trigger, "
             "type, precision, initiator, target, modality, confidence, event_id) VALUES (1, 0, 0, 24, 8, 16, "
             "'attaqué', 'offensive', 'unknown', 'AZE', 'ARM', 'asserted', 0.5, 'ev-1')");
  }
  {
    Database db = Database::open(path, Database::Access::ReadWrite);
    EXPECT_EQ(db.schemaVersion(), Database::latestSchemaVersion());
    EXPECT_EQ(db.sql().execAndGet("SELECT event_id FROM mentions").getString(), "ev-1");
    EXPECT_EQ(db.sql().execAndGet("SELECT count(*) FROM actors WHERE code IN ('AZE', 'ARM')").getInt(), 2);
    EXPECT_EQ(db.sql().execAndGet("SELECT count(*) FROM pragma_foreign_key_check").getInt(), 0);
    EXPECT_EQ(db.sql().execAndGet("PRAGMA integrity_check").getString(), "ok");
    EXPECT_EQ(db.sql().execAndGet("SELECT first_evidence FROM timeline").getString(), "Bakou a attaqué Erevan.");
  }
  std::remove(path.c_str());
  std::remove((path + "-wal").c_str());
  std::remove((path + "-shm").c_str());
}

// ---- Datasette metadata ---------------------------------------------------------

nlohmann::json metadata() {
  std::ostringstream out;
  writeDatasetteMetadata(ExportOptions{}, out);
  return nlohmann::json::parse(out.str());
}

TEST(DatasetteMetadata, DescribesEveryTableAndViewAndEachColumn) {
  const nlohmann::json meta = metadata();
  EXPECT_TRUE(meta["title"].is_string());
  EXPECT_TRUE(meta["description"].is_string());
  const nlohmann::json& tables = meta["databases"]["chronicle"]["tables"];
  Database db = Database::openInMemory();
  SQLite::Statement st(db.sql(), "SELECT name FROM sqlite_schema WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'");
  int n = 0;
  while (st.executeStep()) {
    ++n;
    const std::string name = st.getColumn(0).getString();
    ASSERT_TRUE(tables.contains(name)) << name << " is not described";
    const auto& t = tables[name];
    EXPECT_FALSE(t["description"].get<std::string>().empty()) << name;
    if (t.value("hidden", false)) continue;
    SQLite::Statement cols(db.sql(), "SELECT name FROM pragma_table_info(?)");
    cols.bind(1, name);
    std::set<std::string> have;
    while (cols.executeStep()) {
      have.insert(cols.getColumn(0).getString());
      EXPECT_TRUE(t["columns"].contains(cols.getColumn(0).getString())) << name << "." << cols.getColumn(0).getString();
    }
    for (const auto& [c, d] : t["columns"].items()) EXPECT_TRUE(have.count(c)) << name << "." << c << " is no column";
  }
  EXPECT_GE(n, 10);
  EXPECT_EQ(tables["places"]["label_column"], "name");
  EXPECT_EQ(tables["actors"]["label_column"], "name");
  EXPECT_EQ(tables["sentences"]["fts_table"], "sentences_fts");
  EXPECT_EQ(tables["sentences"]["fts_pk"], "id");
}

// docs/schema.md repeats the metadata's descriptions: one "## `name` (table|view)"
// section per table, its description, then "| `column` | description |" rows.
TEST(DatasetteMetadata, AgreesWithDocsSchemaMd) {
  const nlohmann::json tables = metadata()["databases"]["chronicle"]["tables"];
  std::istringstream docs(readFile(std::string(CHRONICLE_SOURCE_DIR) + "/docs/schema.md"));
  std::map<std::string, std::string> described;               // table → description
  std::map<std::string, std::map<std::string, std::string>> columns;  // table → column → description
  std::string current;
  bool wantDescription = false;
  for (std::string line; std::getline(docs, line);) {
    if (line.starts_with("## `")) {
      current = line.substr(4, line.find('`', 4) - 4);
      wantDescription = true;
    } else if (!current.empty() && wantDescription && !line.empty()) {
      described[current] = line;
      wantDescription = false;
    } else if (!current.empty() && line.starts_with("| `")) {
      const std::size_t end = line.find('`', 3);
      // the cell, with "\\|" read as "|" (copied, not replaced in place: GCC 12
      // at -O3 reports replace() as a possible overlap, -Wrestrict)
      const std::string cell = line.substr(end + 4, line.size() - end - 6);
      std::string desc;
      for (std::size_t i = 0; i < cell.size(); ++i)
        if (!(cell[i] == '\\' && i + 1 < cell.size() && cell[i + 1] == '|')) desc += cell[i];
      columns[current][line.substr(3, end - 3)] = desc;
    }
  }
  for (const auto& [name, t] : tables.items()) {
    EXPECT_EQ(described[name], t["description"].get<std::string>()) << name;
    std::map<std::string, std::string> fromMeta;
    if (t.contains("columns"))
      for (const auto& [c, d] : t["columns"].items()) fromMeta[c] = d.get<std::string>();
    EXPECT_EQ(columns[name], fromMeta) << name;
  }
  EXPECT_EQ(described.size(), tables.size());
}

}  // namespace
}  // namespace chronicle
