#include "query/ReadOnlyQuery.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cctype>
#include <string>
#include <variant>

#include "store/ArticleStore.hpp"
#include "util/Error.hpp"
#include "util/Sha256.hpp"

namespace chronicle {
namespace {

// A database opened in memory is read-write: these tests prove the
// statement checks themselves, not a read-only connection.
class ReadOnlyQueryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ProcessedArticle a;
    a.name = "goris.txt";
    a.text = "Goris, 31 octobre 2020. L’Arménie demande l’aide de la Russie.";
    a.sha256 = sha256Hex(a.text);
    a.sentences = {{0, 23}, {24, a.text.size()}};
    a.published = CivilDate::make(2020, 11, 1);
    a.publishedSource = DateSource::Metadata;
    ArticleStore(db_).insert(a, "2024-05-01T12:00:00Z");
  }

  // The state a refused statement must leave untouched.
  std::string snapshot() {
    return db_.sql().execAndGet("SELECT group_concat(name) FROM sqlite_schema").getString() + "|" +
           db_.sql().execAndGet("SELECT count(*) || ':' || group_concat(name) FROM articles").getString() + "|" +
           std::to_string(db_.sql().execAndGet("SELECT count(*) FROM sentences").getInt()) + "|" +
           std::to_string(db_.schemaVersion()) + "|" +
           std::to_string(db_.sql().execAndGet("PRAGMA foreign_keys").getInt()) + "|" +
           std::to_string(
               db_.sql().execAndGet("SELECT count(*) FROM pragma_database_list WHERE name <> 'temp'").getInt());
  }

  std::string refusal(const std::string& sql) {
    try {
      (void)runReadOnlyQuery(db_, sql);
    } catch (const DatabaseError& e) {
      return e.what();
    }
    return "(accepted)";
  }

  Database db_ = Database::openInMemory();
};

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

TEST_F(ReadOnlyQueryTest, SelectReturnsTypedCells) {
  const ResultSet r = runReadOnlyQuery(db_, "SELECT 42 AS i, 2.5 AS f, 'Érevan' AS t, NULL AS n, x'00ff10' AS b");
  EXPECT_EQ(r.columns, (std::vector<std::string>{"i", "f", "t", "n", "b"}));
  ASSERT_EQ(r.rows.size(), 1u);
  const auto& row = r.rows[0];
  ASSERT_EQ(row.size(), 5u);
  EXPECT_EQ(std::get<std::int64_t>(row[0]), 42);
  EXPECT_DOUBLE_EQ(std::get<double>(row[1]), 2.5);
  EXPECT_EQ(std::get<std::string>(row[2]), "Érevan");
  EXPECT_TRUE(std::holds_alternative<std::monostate>(row[3]));
  EXPECT_EQ(lower(std::get<std::string>(row[4])), "x'00ff10'");  // a blob reads back as an SQL blob literal
}

TEST_F(ReadOnlyQueryTest, LargeIntegersAndEmptyValues) {
  const ResultSet r = runReadOnlyQuery(db_, "SELECT 9223372036854775807, -1, '', x''");
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(std::get<std::int64_t>(r.rows[0][0]), 9223372036854775807);
  EXPECT_EQ(std::get<std::int64_t>(r.rows[0][1]), -1);
  EXPECT_EQ(std::get<std::string>(r.rows[0][2]), "");
  EXPECT_EQ(lower(std::get<std::string>(r.rows[0][3])), "x''");
}

TEST_F(ReadOnlyQueryTest, SelectsFromTheArticleTables) {
  const ResultSet r = runReadOnlyQuery(
      db_, "SELECT a.name, a.published, s.ordinal, s.text FROM articles a JOIN sentences s ON s.article_id = a.id "
           "ORDER BY s.ordinal");
  EXPECT_EQ(r.columns, (std::vector<std::string>{"name", "published", "ordinal", "text"}));
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_EQ(std::get<std::string>(r.rows[0][0]), "goris.txt");
  EXPECT_EQ(std::get<std::string>(r.rows[0][1]), "2020-11-01");
  EXPECT_EQ(std::get<std::int64_t>(r.rows[1][2]), 1);
  EXPECT_EQ(std::get<std::string>(r.rows[1][3]), "L’Arménie demande l’aide de la Russie.");
}

TEST_F(ReadOnlyQueryTest, EmptyResultKeepsItsColumns) {
  const ResultSet r = runReadOnlyQuery(db_, "SELECT id, name FROM articles WHERE id < 0");
  EXPECT_EQ(r.columns, (std::vector<std::string>{"id", "name"}));
  EXPECT_TRUE(r.rows.empty());
}

struct Refused {
  const char* label;
  const char* sql;
  const char* message;  // a part of the message
};

class ReadOnlyQueryRefusal : public ReadOnlyQueryTest, public ::testing::WithParamInterface<Refused> {};

TEST_P(ReadOnlyQueryRefusal, IsRefusedAndChangesNothing) {
  const std::string before = snapshot();
  const std::string message = refusal(GetParam().sql);
  EXPECT_NE(message.find(GetParam().message), std::string::npos) << message;
  EXPECT_EQ(message.find('\n'), std::string::npos) << message;
  EXPECT_EQ(snapshot(), before);
}

constexpr const char* kReadOnly = "refused: chronicle sql is read-only";
constexpr const char* kNotAllowed = "refused: chronicle sql cannot attach databases, change pragmas or load extensions";

INSTANTIATE_TEST_SUITE_P(
    ReadOnlyQuery, ReadOnlyQueryRefusal,
    ::testing::Values(
        Refused{"insert",
                "INSERT INTO articles (sha256, name, published_source, imported_at, text) "
                "VALUES ('x', 'y', 'unknown', 'z', 't')",
                kReadOnly},
        Refused{"update", "UPDATE articles SET name = 'renamed'", kReadOnly},
        Refused{"delete", "DELETE FROM articles", kReadOnly},
        Refused{"delete_lower_case", "  delete from sentences", kReadOnly},
        Refused{"replace", "REPLACE INTO articles (id, name) VALUES (1, 'x')", kReadOnly},
        Refused{"cte_delete", "WITH old AS (SELECT id FROM articles) DELETE FROM articles WHERE id IN old", kReadOnly},
        Refused{"drop", "DROP TABLE sentences", kReadOnly},
        Refused{"create", "CREATE TABLE notes (x)", kReadOnly},
        Refused{"create_temp", "CREATE TEMP TABLE notes (x)", kReadOnly},
        Refused{"create_index", "CREATE INDEX articles_name ON articles(name)", kReadOnly},
        Refused{"alter", "ALTER TABLE articles ADD COLUMN note TEXT", kReadOnly},
        Refused{"vacuum", "VACUUM", kReadOnly},
        Refused{"pragma_write_via_stmt", "PRAGMA main.user_version = 3", kNotAllowed},
        Refused{"attach", "ATTACH DATABASE ':memory:' AS other", kNotAllowed},
        Refused{"detach", "DETACH DATABASE main", kNotAllowed},
        Refused{"pragma_assignment", "PRAGMA user_version = 3", kNotAllowed},
        Refused{"pragma_connection_setting", "PRAGMA foreign_keys = OFF", kNotAllowed},
        Refused{"pragma_call_that_writes", "PRAGMA wal_checkpoint(TRUNCATE)", kNotAllowed},
        Refused{"load_extension", "SELECT load_extension('x')", kNotAllowed},
        Refused{"load_extension_nested", "SELECT name FROM articles WHERE load_extension('x') IS NULL", kNotAllowed},
        Refused{"two_statements", "SELECT 1; SELECT 2", "one statement at a time"},
        Refused{"write_after_select", "SELECT 1; DELETE FROM articles", "one statement at a time"},
        Refused{"statement_after_empty_one", "SELECT 1; ; SELECT 2", "one statement at a time"},
        Refused{"syntax_error", "SELEC name FROM articles", "SQL error: near \"SELEC\": syntax error"},
        Refused{"unknown_table", "SELECT * FROM nope", "SQL error: no such table: nope"},
        Refused{"runtime_error", "SELECT abs(-9223372036854775807 - 1)", "SQL error: integer overflow"},
        Refused{"empty", "", "no SQL statement given"},
        Refused{"only_a_comment", "  -- nothing\n", "no SQL statement given"}),
    [](const ::testing::TestParamInfo<Refused>& p) { return std::string(p.param.label); });

TEST_F(ReadOnlyQueryTest, ReadingPragmasIsAllowed) {
  const ResultSet version = runReadOnlyQuery(db_, "PRAGMA user_version");
  ASSERT_EQ(version.rows.size(), 1u);
  EXPECT_EQ(std::get<std::int64_t>(version.rows[0][0]), Database::latestSchemaVersion());

  // Introspection pragmas take a table name, not a value to set.
  const ResultSet columns = runReadOnlyQuery(db_, "PRAGMA table_info(articles)");
  ASSERT_FALSE(columns.rows.empty());
  EXPECT_EQ(std::get<std::string>(columns.rows[1][1]), "sha256");
  EXPECT_FALSE(runReadOnlyQuery(db_, "SELECT name FROM pragma_table_info('sentences')").rows.empty());
  EXPECT_FALSE(runReadOnlyQuery(db_, "PRAGMA index_list(articles)").rows.empty());
  EXPECT_EQ(std::get<std::string>(runReadOnlyQuery(db_, "PRAGMA quick_check").rows.at(0).at(0)), "ok");
}

TEST_F(ReadOnlyQueryTest, OneStatementWithTrailingSemicolonsAndCommentsIsAllowed) {
  for (const char* sql : {"SELECT count(*) FROM articles;", "SELECT count(*) FROM articles ; ;",
                          "SELECT count(*) FROM articles; -- how many?", "/* count */ SELECT count(*) FROM articles",
                          "SELECT count(*) FROM articles; /* done */\n"}) {
    const ResultSet r = runReadOnlyQuery(db_, sql);
    ASSERT_EQ(r.rows.size(), 1u) << sql;
    EXPECT_EQ(std::get<std::int64_t>(r.rows[0][0]), 1) << sql;
  }
}

TEST_F(ReadOnlyQueryTest, TheConnectionIsUnrestrictedAfterwards) {
  EXPECT_NE(refusal("ATTACH DATABASE ':memory:' AS other"), "(accepted)");
  // The authorizer is removed once the query is done: the store still writes.
  EXPECT_NO_THROW(db_.sql().exec("ATTACH DATABASE ':memory:' AS other"));
  EXPECT_NO_THROW(db_.sql().exec("DETACH DATABASE other"));
  EXPECT_NO_THROW(db_.sql().exec("PRAGMA user_version = " + std::to_string(db_.schemaVersion())));
  // query_only is lifted again: the store can write.
  (void)runReadOnlyQuery(db_, "SELECT 1");
  EXPECT_EQ(db_.sql().execAndGet("PRAGMA query_only").getInt(), 0);
  EXPECT_NO_THROW(db_.sql().exec("UPDATE articles SET title = 'x'"));
}

const char* const kSlowQuery =
    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000000) SELECT count(*) FROM c";

TEST_F(ReadOnlyQueryTest, ATimeoutInterruptsTheQuery) {
  QueryLimits limits;
  limits.timeout = std::chrono::milliseconds(200);
  try {
    (void)runReadOnlyQuery(db_, kSlowQuery, limits);
    ADD_FAILURE() << "not interrupted";
  } catch (const QueryInterrupted& e) {
    EXPECT_EQ(e.reason(), QueryInterrupted::Reason::Timeout);
    EXPECT_EQ(std::string(e.what()), "query interrupted after 0.2 s (--timeout)");
  }
  // A fast query under the same limit is not.
  EXPECT_EQ(runReadOnlyQuery(db_, "SELECT count(*) FROM articles", limits).rows.size(), 1u);
}

TEST_F(ReadOnlyQueryTest, TheCancelFlagInterruptsTheQuery) {
  std::atomic<bool> cancel{true};
  QueryLimits limits;
  limits.cancel = &cancel;
  try {
    (void)runReadOnlyQuery(db_, kSlowQuery, limits);
    ADD_FAILURE() << "not interrupted";
  } catch (const QueryInterrupted& e) {
    EXPECT_EQ(e.reason(), QueryInterrupted::Reason::Cancelled);
  }
  cancel = false;
  EXPECT_NO_THROW((void)runReadOnlyQuery(db_, "SELECT 1", limits));
}

TEST_F(ReadOnlyQueryTest, ExtensionsCannotBeLoaded) {
  const std::string before = snapshot();
  EXPECT_NE(refusal("SELECT load_extension('/no/such/lib.so')"), "(accepted)");
  EXPECT_NE(refusal("SELECT load_extension('/no/such/lib.so', 'entry')"), "(accepted)");
  EXPECT_EQ(snapshot(), before);
}

TEST_F(ReadOnlyQueryTest, WritablePragmasAttachAndDetachAreRefused) {
  const std::string before = snapshot();
  for (const char* sql : {"PRAGMA writable_schema = 1", "PRAGMA foreign_keys = OFF", "PRAGMA user_version = 9",
                          "ATTACH ':memory:' AS x", "DETACH DATABASE main", "PRAGMA query_only = 0"})
    EXPECT_NE(refusal(sql), "(accepted)") << sql;
  EXPECT_EQ(snapshot(), before);
}

}  // namespace
}  // namespace chronicle
