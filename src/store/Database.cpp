#include "store/Database.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <vector>

#include "util/EmbeddedData.hpp"
#include "util/Error.hpp"

namespace chronicle {
namespace {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

std::vector<Migration> migrations() {
  std::vector<Migration> out;
  for (const auto& f : embedded::files()) {
    if (!f.path.starts_with("schema/") || !f.path.ends_with(".sql")) continue;
    const std::string_view file = f.path.substr(7);
    int version = 0;
    for (char c : file.substr(0, 4)) version = version * 10 + (c - '0');
    out.push_back({version, file, f.bytes});
  }
  std::sort(out.begin(), out.end(), [](const Migration& a, const Migration& b) { return a.version < b.version; });
  return out;
}

bool startsWithSqliteHeader(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  char header[16] = {};
  in.read(header, sizeof header);
  return in.gcount() == 16 && std::string_view(header, 16) == std::string_view("SQLite format 3\0", 16);
}

}  // namespace

// An exclusive flock(2) on the database file, held while the object lives.
class Database::WriterLock {
 public:
  WriterLock(const std::filesystem::path& path, const std::function<void()>& onWait) {
    fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) throw DatabaseError(path.string() + ": cannot open (" + std::strerror(errno) + ")");
    if (::flock(fd_, LOCK_EX | LOCK_NB) == 0) return;
    if (errno == EWOULDBLOCK && onWait) onWait();
    int rc;
    while ((rc = ::flock(fd_, LOCK_EX)) != 0 && errno == EINTR) {
    }
    if (rc != 0) {
      const std::string why = std::strerror(errno);
      ::close(fd_);
      throw DatabaseError(path.string() + ": cannot lock for writing (" + why + ")");
    }
  }
  ~WriterLock() { ::close(fd_); }
  WriterLock(const WriterLock&) = delete;
  WriterLock& operator=(const WriterLock&) = delete;

 private:
  int fd_ = -1;
};

int Database::latestSchemaVersion() {
  const auto all = migrations();
  return all.empty() ? 0 : all.back().version;
}

int Database::schemaVersion() { return db_->execAndGet("PRAGMA user_version").getInt(); }

Database Database::openInMemory() {
  Database db(std::make_unique<SQLite::Database>(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE), ":memory:");
  db.configure(Access::ReadWrite);
  db.migrate();
  return db;
}

Database Database::open(const std::filesystem::path& path, Access access, const std::function<void()>& onWait) {
  const std::string where = path.string();
  std::error_code ec;
  const bool exists = std::filesystem::exists(path, ec);
  if (!exists && access == Access::ReadOnly)
    throw DatabaseError(where + ": no such database; import articles first (chronicle import PATH)");
  const bool empty = exists && std::filesystem::is_regular_file(path, ec) && std::filesystem::file_size(path, ec) == 0;
  if (exists && !std::filesystem::is_regular_file(path, ec)) throw DatabaseError(where + ": not a regular file");
  // An empty file is a new database for a writer, but holds nothing to read.
  if (empty && access == Access::ReadOnly)
    throw DatabaseError(where + ": empty file, no database yet; import articles first (chronicle import PATH)");

  // Inspect an existing file read-only before anything writes to it.
  if (exists && !empty) {
    if (!startsWithSqliteHeader(path)) throw DatabaseError(where + ": not a chronicle database (not an SQLite file)");
    try {
      SQLite::Database probe(where, SQLite::OPEN_READONLY);
      const int appId = probe.execAndGet("PRAGMA application_id").getInt();
      const int version = probe.execAndGet("PRAGMA user_version").getInt();
      const int objects = probe.execAndGet("SELECT count(*) FROM sqlite_schema").getInt();
      if (appId != kApplicationId && !(appId == 0 && objects == 0))
        throw DatabaseError(where + ": not a chronicle database (another application's SQLite file)");
      if (version > latestSchemaVersion())
        throw DatabaseError(where + ": written by a newer chronicle (schema version " + std::to_string(version) +
                            ", this build knows up to " + std::to_string(latestSchemaVersion()) + "); upgrade chronicle");
      if (access == Access::ReadOnly && version < latestSchemaVersion())
        throw DatabaseError(where + ": schema version " + std::to_string(version) +
                            " is older than this build's; run any writing command (e.g. chronicle import) to upgrade it");
    } catch (const SQLite::Exception& e) {
      throw DatabaseError(where + ": cannot read database: " + e.getErrorStr());
    }
  }

  try {
    const int flags = access == Access::ReadOnly ? SQLite::OPEN_READONLY : (SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    Database db(std::make_unique<SQLite::Database>(where, flags, 5000), path);
    // The file exists now (SQLite created it): lock it before the schema
    // is read or migrated.
    if (access == Access::ReadWrite) db.writerLock_ = std::make_shared<WriterLock>(path, onWait);
    db.configure(access);
    if (access == Access::ReadWrite) db.migrate();
    return db;
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(where + ": " + e.getErrorStr());
  }
}

void Database::configure(Access access) {
  db_->exec("PRAGMA foreign_keys = ON");
  if (access == Access::ReadWrite) {
    if (path_ != ":memory:") db_->exec("PRAGMA journal_mode = WAL");
    db_->exec("PRAGMA synchronous = NORMAL");
  }
}

void Database::migrate() {
  const int current = schemaVersion();
  for (const Migration& m : migrations()) {
    if (m.version <= current) continue;
    SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
    try {
      db_->exec(std::string(m.sql));
    } catch (const SQLite::Exception& e) {
      throw DatabaseError("schema migration " + std::string(m.name) + " failed: " + e.getErrorStr());
    }
    db_->exec("PRAGMA application_id = " + std::to_string(kApplicationId));
    db_->exec("PRAGMA user_version = " + std::to_string(m.version));
    tx.commit();
  }
}

}  // namespace chronicle
