#pragma once
// Runs one user SQL statement that cannot change anything: the connection is
// read-only, a statement SQLite does not report as read-only
// (sqlite3_stmt_readonly) is refused before it runs, and an authorizer
// denies ATTACH, DETACH, PRAGMA assignments and load_extension(). Reading
// pragmas stay allowed, including those that take a table name
// (PRAGMA table_info(articles)). Extensions cannot be loaded on the
// connection at all while the statement runs.
//
// A running statement is interrupted (QueryInterrupted) when its time limit
// passes or when the cancel flag is raised (a signal handler sets it): the
// progress handler polls both.
#include <atomic>
#include <chrono>
#include <string>

#include "export/TableWriter.hpp"
#include "store/Database.hpp"
#include "util/Error.hpp"

namespace chronicle {

struct QueryLimits {
  std::chrono::milliseconds timeout{0};         // 0: none
  const std::atomic<bool>* cancel = nullptr;    // raised: stop now
};

class QueryInterrupted : public DatabaseError {
 public:
  enum class Reason { Timeout, Cancelled };
  QueryInterrupted(Reason reason, const std::string& what) : DatabaseError(what), reason_(reason) {}
  Reason reason() const { return reason_; }

 private:
  Reason reason_;
};

// Throws DatabaseError with a one-line reason when the statement is refused
// or fails, QueryInterrupted when a limit stopped it.
ResultSet runReadOnlyQuery(Database& db, const std::string& sql, const QueryLimits& limits = {});

}  // namespace chronicle
