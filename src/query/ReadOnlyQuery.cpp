#include "query/ReadOnlyQuery.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string_view>

namespace chronicle {
namespace {

// The authorizer sees "PRAGMA x = y" and "PRAGMA x(y)" alike. These pragmas
// take a table or index name (or a limit) as their argument and only read.
bool isIntrospectionPragma(const char* name) {
  static constexpr std::array<const char*, 9> kReading = {
      "table_info",       "table_xinfo",       "index_info",      "index_xinfo", "index_list",
      "foreign_key_list", "foreign_key_check", "integrity_check", "quick_check"};
  return std::any_of(kReading.begin(), kReading.end(), [&](const char* p) { return sqlite3_stricmp(p, name) == 0; });
}

bool denied(int action, const char* arg1, const char* arg2) {
  switch (action) {
    case SQLITE_ATTACH:
    case SQLITE_DETACH:
      return true;
    case SQLITE_PRAGMA:  // "PRAGMA x = y" writes
      return arg2 && !(arg1 && isIntrospectionPragma(arg1));
    case SQLITE_FUNCTION:
      return arg2 && std::strcmp(arg2, "load_extension") == 0;
    default:
      return false;
  }
}

// Records a denial in *deniedFlag: SQLite reports some (a denied function)
// as SQLITE_ERROR, not SQLITE_AUTH.
int authorize(void* deniedFlag, int action, const char* arg1, const char* arg2, const char*, const char*) {
  if (!denied(action, arg1, arg2)) return SQLITE_OK;
  *static_cast<bool*>(deniedFlag) = true;
  return SQLITE_DENY;
}

// True when SQL text holds another statement; comments and ';' are none
// (SQLite prepares them to no statement).
bool holdsAStatement(sqlite3* handle, const char* sql) {
  if (!sql || std::string_view(sql).find_first_not_of(" \t\r\n;") == std::string_view::npos) return false;
  sqlite3_stmt* next = nullptr;
  const int rc = sqlite3_prepare_v2(handle, sql, -1, &next, nullptr);
  sqlite3_finalize(next);
  return rc != SQLITE_OK || next != nullptr;
}

std::string firstWord(const std::string& sql) {
  const std::size_t b = sql.find_first_not_of(" \t\r\n(");
  if (b == std::string::npos) return {};
  std::size_t e = b;
  while (e < sql.size() && std::isalpha(static_cast<unsigned char>(sql[e]))) ++e;
  std::string w = sql.substr(b, e - b);
  for (char& c : w) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return w;
}

// What the progress handler checks, every kProgressSteps virtual-machine
// instructions.
constexpr int kProgressSteps = 1000;

struct Watch {
  std::chrono::steady_clock::time_point deadline;
  bool timed = false;
  const std::atomic<bool>* cancel = nullptr;
  bool timedOut = false;
  bool cancelled = false;
};

int progress(void* data) {
  auto* w = static_cast<Watch*>(data);
  if (w->cancel && w->cancel->load()) w->cancelled = true;
  else if (w->timed && std::chrono::steady_clock::now() >= w->deadline) w->timedOut = true;
  return (w->cancelled || w->timedOut) ? 1 : 0;
}

std::string seconds(std::chrono::milliseconds d) {
  if (d.count() % 1000 == 0) return std::to_string(d.count() / 1000) + " s";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g s", static_cast<double>(d.count()) / 1000.0);
  return buf;
}

}  // namespace

ResultSet runReadOnlyQuery(Database& db, const std::string& sql, const QueryLimits& limits) {
  sqlite3* handle = db.sql().getHandle();
  // No extension can be loaded, by the SQL function or the C API, and the
  // connection refuses every write (query_only) on top of the checks below.
  sqlite3_enable_load_extension(handle, 0);
  sqlite3_db_config(handle, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, nullptr);
  int wasQueryOnly = 0;
  {
    sqlite3_stmt* q = nullptr;
    if (sqlite3_prepare_v2(handle, "PRAGMA query_only", -1, &q, nullptr) == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW)
      wasQueryOnly = sqlite3_column_int(q, 0);
    sqlite3_finalize(q);
  }
  sqlite3_exec(handle, "PRAGMA query_only = 1", nullptr, nullptr, nullptr);

  bool refused = false;
  sqlite3_set_authorizer(handle, authorize, &refused);
  Watch watch;
  watch.cancel = limits.cancel;
  watch.timed = limits.timeout.count() > 0;
  watch.deadline = std::chrono::steady_clock::now() + limits.timeout;
  if (watch.timed || watch.cancel) sqlite3_progress_handler(handle, kProgressSteps, progress, &watch);
  struct Restore {
    sqlite3* h;
    int queryOnly;
    ~Restore() {
      sqlite3_progress_handler(h, 0, nullptr, nullptr);
      sqlite3_set_authorizer(h, nullptr, nullptr);
      if (!queryOnly) sqlite3_exec(h, "PRAGMA query_only = 0", nullptr, nullptr, nullptr);
    }
  } restore{handle, wasQueryOnly};

  sqlite3_stmt* raw = nullptr;
  const char* tail = nullptr;
  const int rc = sqlite3_prepare_v2(handle, sql.c_str(), static_cast<int>(sql.size()), &raw, &tail);
  std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> stmt(raw, &sqlite3_finalize);
  if (rc != SQLITE_OK) {
    if (refused || rc == SQLITE_AUTH)
      throw DatabaseError("refused: chronicle sql cannot attach databases, change pragmas or load extensions");
    throw DatabaseError(std::string("SQL error: ") + sqlite3_errmsg(handle));
  }
  if (!stmt) throw DatabaseError("no SQL statement given");
  if (holdsAStatement(handle, tail))
    throw DatabaseError("one statement at a time, please (found more after the first ';')");
  if (!sqlite3_stmt_readonly(stmt.get()))
    throw DatabaseError("refused: chronicle sql is read-only and this " + firstWord(sql) +
                        " statement would change the database (use import, articles set-date or articles remove)");

  ResultSet result;
  const int n = sqlite3_column_count(stmt.get());
  for (int i = 0; i < n; ++i) result.columns.emplace_back(sqlite3_column_name(stmt.get(), i));
  int step;
  while ((step = sqlite3_step(stmt.get())) == SQLITE_ROW) {
    auto& row = result.rows.emplace_back();
    for (int i = 0; i < n; ++i) {
      switch (sqlite3_column_type(stmt.get(), i)) {
        case SQLITE_INTEGER: row.emplace_back(static_cast<std::int64_t>(sqlite3_column_int64(stmt.get(), i))); break;
        case SQLITE_FLOAT: row.emplace_back(sqlite3_column_double(stmt.get(), i)); break;
        case SQLITE_NULL: row.emplace_back(std::monostate{}); break;
        case SQLITE_BLOB: {
          const auto* b = static_cast<const unsigned char*>(sqlite3_column_blob(stmt.get(), i));
          const int len = sqlite3_column_bytes(stmt.get(), i);
          static constexpr char kHex[] = "0123456789ABCDEF";
          std::string hex = "x'";
          for (int k = 0; k < len; ++k) {
            hex += kHex[b[k] >> 4];
            hex += kHex[b[k] & 15];
          }
          row.emplace_back(hex + "'");
          break;
        }
        default: {
          const auto* t = reinterpret_cast<const char*>(sqlite3_column_text(stmt.get(), i));
          row.emplace_back(std::string(t ? t : "", static_cast<std::size_t>(sqlite3_column_bytes(stmt.get(), i))));
        }
      }
    }
  }
  if (step != SQLITE_DONE) {
    if (watch.cancelled) throw QueryInterrupted(QueryInterrupted::Reason::Cancelled, "query interrupted (Ctrl-C)");
    if (watch.timedOut)
      throw QueryInterrupted(QueryInterrupted::Reason::Timeout,
                             "query interrupted after " + seconds(limits.timeout) + " (--timeout)");
    throw DatabaseError(std::string("SQL error: ") + sqlite3_errmsg(handle));
  }
  return result;
}

}  // namespace chronicle
