#pragma once
// Runs one user SQL statement that cannot change anything: the connection is
// read-only, a statement SQLite does not report as read-only
// (sqlite3_stmt_readonly) is refused before it runs, and an authorizer
// denies ATTACH, DETACH, PRAGMA assignments and load_extension(). Reading
// pragmas stay allowed, including those that take a table name
// (PRAGMA table_info(articles)).
#include <string>

#include "export/TableWriter.hpp"
#include "store/Database.hpp"

namespace chronicle {

// Throws DatabaseError with a one-line reason when the statement is refused
// or fails.
ResultSet runReadOnlyQuery(Database& db, const std::string& sql);

}  // namespace chronicle
