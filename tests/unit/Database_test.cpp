#include "store/Database.hpp"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>

#include "util/Error.hpp"

namespace chronicle {
namespace {

namespace fs = std::filesystem;

std::string bytesOf(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::set<std::string> entriesOf(const fs::path& dir) {
  std::set<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.insert(e.path().filename().string());
  return out;
}

class DatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::path(::testing::TempDir()) /
           ("chronicle_Database_" + std::string(info->name()) + "_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    path_ = dir_ / "chronicle.db";
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Expects open() to refuse the file with a DatabaseError containing
  // `reason`, leaving the file and its directory exactly as they were.
  void expectRefused(Database::Access access, const std::string& reason) {
    const std::string before = bytesOf(path_);
    const auto entriesBefore = entriesOf(dir_);
    try {
      (void)Database::open(path_, access);
      ADD_FAILURE() << "opened";
    } catch (const DatabaseError& e) {
      const std::string message = e.what();
      EXPECT_TRUE(message.starts_with(path_.string() + ": ")) << message;
      EXPECT_NE(message.find(reason), std::string::npos) << message;
    }
    EXPECT_EQ(bytesOf(path_), before) << "the file was modified";
    EXPECT_EQ(entriesOf(dir_), entriesBefore) << "files were created next to it";
  }

  void writeBytes(std::string_view bytes) {
    std::ofstream out(path_, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }

  fs::path dir_;
  fs::path path_;
};

void expectChronicleDatabase(Database& db) {
  EXPECT_EQ(db.sql().execAndGet("PRAGMA application_id").getInt(), 0x4348524E);
  EXPECT_EQ(db.sql().execAndGet("PRAGMA user_version").getInt(), Database::latestSchemaVersion());
  EXPECT_EQ(db.schemaVersion(), Database::latestSchemaVersion());
  EXPECT_EQ(db.sql().execAndGet("PRAGMA foreign_keys").getInt(), 1);
  EXPECT_TRUE(db.sql().tableExists("articles"));
  EXPECT_TRUE(db.sql().tableExists("sentences"));
}

TEST_F(DatabaseTest, ApplicationIdSpellsChrn) {
  EXPECT_EQ(kApplicationId, 0x4348524E);
  EXPECT_GE(Database::latestSchemaVersion(), 1);
}

TEST_F(DatabaseTest, NewFileIsCreatedAndMigrated) {
  ASSERT_FALSE(fs::exists(path_));
  Database db = Database::open(path_, Database::Access::ReadWrite);
  EXPECT_TRUE(fs::is_regular_file(path_));
  EXPECT_EQ(db.path(), path_);
  expectChronicleDatabase(db);
  EXPECT_EQ(db.sql().execAndGet("PRAGMA journal_mode").getString(), "wal");
}

TEST_F(DatabaseTest, InMemoryDatabaseIsMigrated) {
  Database db = Database::openInMemory();
  expectChronicleDatabase(db);
}

TEST_F(DatabaseTest, ReopeningIsIdempotent) {
  std::string schemaBefore;
  {
    Database db = Database::open(path_, Database::Access::ReadWrite);
    db.sql().exec(
        "INSERT INTO articles (sha256, name, published_source, imported_at, text) "
        "VALUES ('abc', 'a.txt', 'unknown', '2024-01-01T00:00:00Z', 'Texte.')");
    schemaBefore = db.sql().execAndGet("SELECT group_concat(sql, ';') FROM sqlite_schema").getString();
  }
  for (int i = 0; i < 2; ++i) {
    Database db = Database::open(path_, Database::Access::ReadWrite);
    expectChronicleDatabase(db);
    EXPECT_EQ(db.sql().execAndGet("SELECT group_concat(sql, ';') FROM sqlite_schema").getString(), schemaBefore);
    EXPECT_EQ(db.sql().execAndGet("SELECT count(*) FROM articles").getInt(), 1);
  }
  Database ro = Database::open(path_, Database::Access::ReadOnly);
  expectChronicleDatabase(ro);
  EXPECT_EQ(ro.sql().execAndGet("SELECT name FROM articles").getString(), "a.txt");
  EXPECT_THROW(ro.sql().exec("DELETE FROM articles"), SQLite::Exception);  // the connection is read-only
}

TEST_F(DatabaseTest, ReadOnlyOnAMissingFileThrowsAndCreatesNothing) {
  try {
    (void)Database::open(path_, Database::Access::ReadOnly);
    ADD_FAILURE() << "opened";
  } catch (const DatabaseError& e) {
    EXPECT_EQ(std::string(e.what()), path_.string() + ": no such database; import articles first (chronicle import PATH)");
  }
  EXPECT_FALSE(fs::exists(path_));
  EXPECT_TRUE(entriesOf(dir_).empty());
}

TEST_F(DatabaseTest, EmptyFileIsAcceptedAsNew) {
  writeBytes("");
  Database db = Database::open(path_, Database::Access::ReadWrite);
  expectChronicleDatabase(db);
}

TEST_F(DatabaseTest, ReadOnlyRefusesAnEmptyFile) {
  writeBytes("");
  expectRefused(Database::Access::ReadOnly, "import articles first");
}

TEST_F(DatabaseTest, EmptySqliteDatabaseIsAcceptedAsNew) {
  { SQLite::Database other(path_.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE); }
  Database db = Database::open(path_, Database::Access::ReadWrite);
  expectChronicleDatabase(db);
}

TEST_F(DatabaseTest, RefusesATextFile) {
  writeBytes("Ceci n'est pas une base de données.\n");
  expectRefused(Database::Access::ReadWrite, "not a chronicle database (not an SQLite file)");
  expectRefused(Database::Access::ReadOnly, "not a chronicle database (not an SQLite file)");
}

TEST_F(DatabaseTest, RefusesATruncatedSqliteHeader) {
  writeBytes(std::string("SQLite format", 13));
  expectRefused(Database::Access::ReadWrite, "not a chronicle database (not an SQLite file)");
}

TEST_F(DatabaseTest, RefusesAnotherApplicationsSqliteFile) {
  {
    SQLite::Database other(path_.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    other.exec("PRAGMA application_id = 1234");
    other.exec("CREATE TABLE places (name TEXT)");
    other.exec("INSERT INTO places VALUES ('Goris')");
  }
  expectRefused(Database::Access::ReadWrite, "not a chronicle database (another application's SQLite file)");
  expectRefused(Database::Access::ReadOnly, "not a chronicle database (another application's SQLite file)");
}

TEST_F(DatabaseTest, RefusesAnSqliteFileWithTablesAndNoApplicationId) {
  {
    SQLite::Database other(path_.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    other.exec("CREATE TABLE articles (x)");
  }
  expectRefused(Database::Access::ReadWrite, "another application's SQLite file");
}

TEST_F(DatabaseTest, RefusesANewerSchema) {
  { (void)Database::open(path_, Database::Access::ReadWrite); }
  {
    SQLite::Database raw(path_.string(), SQLite::OPEN_READWRITE);
    raw.exec("PRAGMA journal_mode = DELETE");  // leave a single file behind
    raw.exec("PRAGMA user_version = " + std::to_string(Database::latestSchemaVersion() + 1));
  }
  ASSERT_EQ(entriesOf(dir_), std::set<std::string>{"chronicle.db"});
  const std::string newer = "written by a newer chronicle (schema version " +
                            std::to_string(Database::latestSchemaVersion() + 1) + ", this build knows up to " +
                            std::to_string(Database::latestSchemaVersion()) + "); upgrade chronicle";
  expectRefused(Database::Access::ReadWrite, newer);
  expectRefused(Database::Access::ReadOnly, newer);
}

TEST_F(DatabaseTest, RefusesADirectory) {
  fs::create_directories(path_);
  EXPECT_THROW((void)Database::open(path_, Database::Access::ReadWrite), DatabaseError);
  EXPECT_TRUE(fs::is_directory(path_));
}

}  // namespace
}  // namespace chronicle
