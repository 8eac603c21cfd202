#include "cli/SqlCommand.hpp"

#include <atomic>
#include <chrono>
#include <cmath>
#include <iostream>

#include "cli/ExitCode.hpp"
#include "cli/StopOnSignals.hpp"
#include "query/ReadOnlyQuery.hpp"
#include "util/Error.hpp"

namespace chronicle::cli {

void SqlCommand::setup(CLI::App& sub) {
  sub.add_option("query", query_, "One SQL statement; only reading statements are allowed")->required();
  sub.add_option("--format", format_, "Output mode: table, box, csv, tsv, json, ndjson, markdown or line")
      ->check(CLI::IsMember(shellFormatNames()));
  sub.add_flag("--header,!--no-header", header_, "Print (or omit) the header row of table, box, csv and tsv (default: print)");
  sub.add_option("--timeout", timeout_, "Interrupt the query after this many seconds (default 10; 0: no limit)")
      ->check(CLI::NonNegativeNumber);
  // The shared exit codes, with this command's own before 130.
  std::string footer = exitCodeFooter();
  const std::string timedOut =
      "  " + std::to_string(exit_code::kTimedOut) + "    the query ran longer than --timeout (interrupted, nothing printed)\n";
  const std::size_t at = footer.find("  130");
  footer.insert(at == std::string::npos ? footer.size() : at, timedOut);
  sub.footer(footer);
}

int SqlCommand::run(const GlobalOptions& global) {
  // A blank query is a wrong command line, found before the database is opened.
  if (query_.find_first_not_of(" \t\r\n;") == std::string::npos)
    throw UsageError("no SQL statement given (e.g. chronicle sql \"SELECT name, published FROM articles\")");
  const TableFormat format = parseTableFormat(format_);
  Database db = global.openDatabase(Database::Access::ReadOnly);

  QueryLimits limits;
  limits.timeout = std::chrono::milliseconds(static_cast<std::int64_t>(std::llround(timeout_ * 1000)));
  limits.cancel = &StopOnSignals::flag();
  ResultSet result;
  try {
    const StopOnSignals signals;
    result = runReadOnlyQuery(db, query_, limits);
  } catch (const QueryInterrupted& e) {
    std::cerr << "chronicle: sql: " << e.what() << "\n";
    return e.reason() == QueryInterrupted::Reason::Timeout ? exit_code::kTimedOut : exit_code::kInterrupted;
  }
  writeTable(std::cout, result, format, header_);
  return exit_code::kOk;
}

}  // namespace chronicle::cli
