#include "cli/SqlCommand.hpp"

#include <iostream>

#include "cli/ExitCode.hpp"
#include "query/ReadOnlyQuery.hpp"
#include "util/Error.hpp"

namespace chronicle::cli {

void SqlCommand::setup(CLI::App& sub) {
  sub.add_option("query", query_, "One SQL statement; only reading statements are allowed")->required();
  sub.add_option("--format", format_, "table, csv, json, ndjson or markdown")->check(CLI::IsMember(tableFormatNames()));
  sub.add_flag("--no-header", noHeader_, "Omit the header row (table, csv)");
}

int SqlCommand::run(const GlobalOptions& global) {
  // A blank query is a wrong command line, found before the database is opened.
  if (query_.find_first_not_of(" \t\r\n;") == std::string::npos)
    throw UsageError("no SQL statement given (e.g. chronicle sql \"SELECT name, published FROM articles\")");
  Database db = global.openDatabase(Database::Access::ReadOnly);
  const ResultSet result = runReadOnlyQuery(db, query_);
  writeTable(std::cout, result, parseTableFormat(format_), !noHeader_);
  return exit_code::kOk;
}

}  // namespace chronicle::cli
