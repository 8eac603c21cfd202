// The import pipeline (reader → workers → one writer): the result does not
// depend on the number of workers, inputs imported before are recognised by
// their bytes, messages come in input order, and a stop keeps whole
// articles only.
#include "pipeline/Importer.hpp"

#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "util/FileIO.hpp"

namespace chronicle {
namespace {

namespace fs = std::filesystem;

// Every outcome, as text, in the order the observer heard it.
class Recorder : public ImportObserver {
 public:
  void imported(const ProcessedArticle& a, std::int64_t id) override {
    log.push_back("imported " + a.name + " #" + std::to_string(id));
    if (stopAfter && ++count == *stopAfter) stop->store(true);
  }
  void duplicate(const std::string& name, const std::string&, std::int64_t id) override {
    log.push_back("duplicate " + name + " #" + std::to_string(id));
  }
  void failed(const std::string& origin, const std::string& message) override {
    log.push_back("failed " + fs::path(origin).filename().string() + ": " + message);
  }
  std::vector<std::string> log;
  std::optional<std::size_t> stopAfter;
  std::atomic<bool>* stop = nullptr;
  std::size_t count = 0;
};

class ImporterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("chronicle-importer-" + std::to_string(getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    // 60 distinct articles made of the bundled ones, with a bad line at 7
    // and a record without text at 31.
    std::vector<std::string> seeds;
    for (const auto& e : fs::directory_iterator(std::string(CHRONICLE_SOURCE_DIR) + "/import/corpus"))
      if (e.path().extension() == ".txt") seeds.push_back(readFile(e.path()));
    std::sort(seeds.begin(), seeds.end());
    std::ofstream out(dir_ / "feed.ndjson");
    for (int i = 1; i <= 60; ++i) {
      if (i == 7) {
        out << "{\"text\": oops}\n";
        continue;
      }
      nlohmann::json record;
      record["text"] = i == 31 ? std::string() : seeds[static_cast<std::size_t>(i) % seeds.size()] +
                                                      "\n\nDépêche numéro " + std::to_string(i) + ".\n";
      record["published"] = "2020-10-" + std::string(i % 28 + 1 < 10 ? "0" : "") + std::to_string(i % 28 + 1);
      out << record.dump() << "\n";
    }
  }
  void TearDown() override { fs::remove_all(dir_); }

  ImportSummary import(Database& db, unsigned jobs, Recorder& r, const std::atomic<bool>* stop = nullptr) {
    Importer importer(LexiconSource(), ReaderOptions{}, jobs);
    return importer.run(db, {(dir_ / "feed.ndjson").string()}, r, stop);
  }

  static std::vector<std::string> column(Database& db, const std::string& sql) {
    std::vector<std::string> out;
    SQLite::Statement st(db.sql(), sql);
    while (st.executeStep()) out.push_back(st.getColumn(0).getString());
    return out;
  }

  fs::path dir_;
};

TEST_F(ImporterTest, SameArticlesIdsEventsAndMessagesWhateverTheNumberOfWorkers) {
  Database one = Database::open(dir_ / "one.db", Database::Access::ReadWrite);
  Database three = Database::open(dir_ / "three.db", Database::Access::ReadWrite);
  Recorder r1, r3;
  const ImportSummary s1 = import(one, 1, r1);
  const ImportSummary s3 = import(three, 3, r3);
  EXPECT_EQ(s1.imported, 58u);
  EXPECT_EQ(s1.failed, 2u);
  EXPECT_EQ(r1.log, r3.log);
  // in input order: the failures between their neighbours
  ASSERT_GE(r1.log.size(), 8u);
  EXPECT_EQ(r1.log[5], "imported feed.ndjson:6 #6");
  EXPECT_TRUE(r1.log[6].starts_with("failed feed.ndjson:7: invalid JSON")) << r1.log[6];
  EXPECT_EQ(r1.log[7], "imported feed.ndjson:8 #7");
  for (const char* sql : {"SELECT id || ' ' || sha256 FROM articles ORDER BY id",
                          "SELECT id || ' ' || article_id || ' ' || start_byte FROM mentions ORDER BY id",
                          "SELECT id || ' ' || type || ' ' || coalesce(date_start, '') FROM events ORDER BY id"})
    EXPECT_EQ(column(one, sql), column(three, sql)) << sql;
  EXPECT_GT(column(one, "SELECT id FROM events").size(), 10u);
  EXPECT_EQ(s1.events, s3.events);
}

TEST_F(ImporterTest, InputsImportedBeforeAreKnownByTheirBytes) {
  Database db = Database::open(dir_ / "db", Database::Access::ReadWrite);
  Recorder first, second;
  import(db, 2, first);
  const ImportSummary s = import(db, 2, second);
  EXPECT_EQ(s.imported, 0u);
  EXPECT_EQ(s.duplicates, 58u);
  EXPECT_EQ(s.failed, 2u);  // what failed is read again, and fails again
  EXPECT_EQ(second.log[5], "duplicate feed.ndjson:6 #6");
  EXPECT_EQ(column(db, "SELECT count(*) FROM article_sources"), std::vector<std::string>{"58"});
  // The full-text index holds every sentence once.
  EXPECT_EQ(column(db, "SELECT count(*) FROM sentences_fts"), column(db, "SELECT count(*) FROM sentences"));
  EXPECT_NO_THROW(db.sql().exec("INSERT INTO sentences_fts(sentences_fts) VALUES ('integrity-check')"));
}

TEST_F(ImporterTest, SameTextFromOtherBytesIsADuplicateAndItsBytesAreRemembered) {
  Database db = Database::open(dir_ / "db", Database::Access::ReadWrite);
  Recorder r;
  import(db, 1, r);
  // the same texts with another source: other bytes, same articles
  std::ifstream in(dir_ / "feed.ndjson");
  std::ofstream out(dir_ / "other.ndjson");
  for (std::string line; std::getline(in, line);) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_object()) j["source"] = "example.org";
    out << (j.is_discarded() ? line : j.dump()) << "\n";
  }
  out.close();
  Importer importer(LexiconSource(), ReaderOptions{}, 2);
  Recorder again;
  const ImportSummary s = importer.run(db, {(dir_ / "other.ndjson").string()}, again);
  EXPECT_EQ(s.imported, 0u);
  EXPECT_EQ(s.duplicates, 58u);
  EXPECT_EQ(column(db, "SELECT count(*) FROM article_sources"), std::vector<std::string>{"116"});
}

TEST_F(ImporterTest, AStopKeepsWholeArticlesAndTheSameImportFinishesTheJob) {
  Database stopped = Database::open(dir_ / "stopped.db", Database::Access::ReadWrite);
  std::atomic<bool> stop = false;
  Recorder r;
  r.stopAfter = 20;
  r.stop = &stop;
  const ImportSummary s = import(stopped, 2, r, &stop);
  EXPECT_TRUE(s.interrupted);
  EXPECT_GE(s.imported, 20u);
  EXPECT_LT(s.imported, 58u);
  // every article stored has its sentences, and they are indexed
  EXPECT_EQ(column(stopped, "SELECT count(*) FROM articles a WHERE NOT EXISTS "
                            "(SELECT 1 FROM sentences s WHERE s.article_id = a.id)"),
            std::vector<std::string>{"0"});
  EXPECT_EQ(column(stopped, "SELECT count(*) FROM sentences_fts"), column(stopped, "SELECT count(*) FROM sentences"));

  Recorder rest;
  import(stopped, 2, rest);
  Database whole = Database::open(dir_ / "whole.db", Database::Access::ReadWrite);
  Recorder all;
  import(whole, 2, all);
  for (const char* sql : {"SELECT id || ' ' || sha256 FROM articles ORDER BY id",
                          "SELECT id || ' ' || type FROM events ORDER BY id"})
    EXPECT_EQ(column(stopped, sql), column(whole, sql)) << sql;
}

}  // namespace
}  // namespace chronicle
