#include "query/ReadOnlyQuery.hpp"

#include <sqlite3.h>

#include <cctype>
#include <cstring>
#include <memory>

#include "util/Error.hpp"

namespace chronicle {
namespace {

int authorize(void*, int action, const char* arg1, const char* arg2, const char*, const char*) {
  switch (action) {
    case SQLITE_ATTACH:
    case SQLITE_DETACH:
      return SQLITE_DENY;
    case SQLITE_PRAGMA:
      return arg2 ? SQLITE_DENY : SQLITE_OK;  // "PRAGMA x = y" writes
    case SQLITE_FUNCTION:
      return arg2 && std::strcmp(arg2, "load_extension") == 0 ? SQLITE_DENY : SQLITE_OK;
    default:
      (void)arg1;
      return SQLITE_OK;
  }
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

}  // namespace

ResultSet runReadOnlyQuery(Database& db, const std::string& sql) {
  sqlite3* handle = db.sql().getHandle();
  sqlite3_set_authorizer(handle, authorize, nullptr);
  struct ResetAuthorizer {
    sqlite3* h;
    ~ResetAuthorizer() { sqlite3_set_authorizer(h, nullptr, nullptr); }
  } reset{handle};

  sqlite3_stmt* raw = nullptr;
  const char* tail = nullptr;
  const int rc = sqlite3_prepare_v2(handle, sql.c_str(), static_cast<int>(sql.size()), &raw, &tail);
  std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> stmt(raw, &sqlite3_finalize);
  if (rc != SQLITE_OK) {
    if (rc == SQLITE_AUTH)
      throw DatabaseError("refused: chronicle sql cannot attach databases, change pragmas or load extensions");
    throw DatabaseError(std::string("SQL error: ") + sqlite3_errmsg(handle));
  }
  if (!stmt) throw DatabaseError("no SQL statement given");
  if (tail && std::string_view(tail).find_first_not_of(" \t\r\n;") != std::string_view::npos)
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
  if (step != SQLITE_DONE) throw DatabaseError(std::string("SQL error: ") + sqlite3_errmsg(handle));
  return result;
}

}  // namespace chronicle
