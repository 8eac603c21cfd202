#pragma once
// chronicle sql: one read-only statement (query/ReadOnlyQuery) on a
// read-only connection, printed in one of the sqlite3 shell's modes. A time
// limit (--timeout) and Ctrl-C interrupt a running query.
#include "cli/Command.hpp"

namespace chronicle::cli {

class SqlCommand : public Command {
 public:
  // Exit code of a query stopped by --timeout (listed in `sql --help`).

  void setup(CLI::App& sub) override;
  int run(const GlobalOptions& global) override;

 private:
  std::string query_;
  std::string format_ = "table";
  bool header_ = true;
  double timeout_ = 10;
};

}  // namespace chronicle::cli
