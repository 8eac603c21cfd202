#pragma once
// The chronicle database file: one SQLite file with our application_id, WAL,
// foreign keys on, and the schema of schema/NNNN_*.sql applied in order
// through PRAGMA user_version (the migrations are embedded in the binary).
//
// Opening is checked before anything is written: a file that is not SQLite,
// an SQLite file of another application, or one with a newer schema than
// this build knows is refused with DatabaseError, and left byte-identical.
//
// One writer at a time: a ReadWrite connection holds an exclusive flock(2)
// on the file for its lifetime (SQLite's own locks are fcntl locks, held per
// transaction: two imports would interleave their batches). A second writer
// waits for the first to finish; readers never wait (WAL).
#include <SQLiteCpp/Database.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <string>

namespace chronicle {

inline constexpr int kApplicationId = 0x4348524E;  // "CHRN"

class Database {
 public:
  enum class Access { ReadOnly, ReadWrite };

  // ReadWrite creates the file when it does not exist, waits until no other
  // process writes it (calling onWait once, when it has to wait), and
  // migrates it. ReadOnly requires an existing, current chronicle database.
  static Database open(const std::filesystem::path& path, Access access,
                       const std::function<void()>& onWait = {});
  // A fresh in-memory database (tests).
  static Database openInMemory();

  SQLite::Database& sql() { return *db_; }
  const std::filesystem::path& path() const { return path_; }

  static int latestSchemaVersion();
  int schemaVersion();

 private:
  class WriterLock;
  Database(std::unique_ptr<SQLite::Database> db, std::filesystem::path path)
      : db_(std::move(db)), path_(std::move(path)) {}
  void configure(Access access);
  void migrate();

  std::shared_ptr<WriterLock> writerLock_;  // released after db_ closes (declared first)
  std::unique_ptr<SQLite::Database> db_;
  std::filesystem::path path_;
};

}  // namespace chronicle
