#include "cli/CheckCommand.hpp"

#include <unistd.h>

#include <iostream>

#include "cli/ExitCode.hpp"
#include "store/DatabaseCheck.hpp"

namespace chronicle::cli {

void CheckCommand::setup(CLI::App& sub) {
  sub.footer(
      "\nChecks: SQLite's integrity_check and foreign_key_check; the full-text index against the sentences "
      "(FTS5 integrity-check; skipped on a read-only file); every article with text has sentences numbered "
      "0..n-1 inside its text; every mention inside its article; every mention that can found an event is in "
      "one, and no other (mentions an interrupted import left unfused are a note, not a failure: the next "
      "import fuses them); every event has a mention and counts them; the month counts match the events.\n"
      "Prints one line per check (ok or the problem, with the first offending rows) and a summary.\n"
      "\nExit codes:\n"
      "  0    every check passed\n"
      "  1    a check failed, or the database cannot be read\n"
      "  2    usage error: wrong command line\n");
}

int CheckCommand::run(const GlobalOptions& global) {
  const auto path = global.databasePath();
  // Opened read-only first: a missing file, another application's file or
  // an older schema is refused as every reading command refuses it, and the
  // file is not changed. The full-text check needs a connection that may
  // write (it writes nothing): used when the file allows it.
  Database reader = global.openDatabase(Database::Access::ReadOnly);
  const bool writable = ::access(path.c_str(), W_OK) == 0;
  CheckReport report;
  if (writable) {
    Database db = global.openDatabase(Database::Access::ReadWrite);
    report = checkDatabase(db);
  } else {
    report = checkDatabase(reader);
  }
  if (!global.quiet)
    for (const std::string& name : report.passed) std::cout << "ok       " << name << "\n";
  for (const CheckProblem& p : report.notes) std::cout << "note     " << p.check << ": " << p.detail << "\n";
  for (const CheckProblem& p : report.problems) std::cout << "PROBLEM  " << p.check << ": " << p.detail << "\n";
  if (!global.quiet || !report.ok())
    std::cout << path.string() << ": " << (report.ok() ? "ok" : std::to_string(report.problems.size()) + " problems")
              << " (" << report.articles << " articles, " << report.sentences << " sentences, " << report.mentions
              << " mentions, " << report.events << " events)\n";
  if (!report.ok()) {
    std::cerr << "chronicle: check: " << path.string() << ": " << report.problems.size()
              << " checks failed (listed above)\n";
    return exit_code::kDataError;
  }
  return exit_code::kOk;
}

}  // namespace chronicle::cli
