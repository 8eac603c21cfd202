#pragma once
// One command, one class (osmium-tool's pattern): setup() declares and
// validates the command's options on its CLI11 subcommand and touches no
// file; run() does the work and returns the exit code. Library code throws;
// only main() catches and prints.
#include <CLI/CLI.hpp>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "lexicon/LexiconFile.hpp"
#include "store/Database.hpp"

namespace chronicle::cli {

struct GlobalOptions {
  std::string db;  // --db, else $CHRONICLE_DB, else ./chronicle.db
  std::string lexiconDir;
  bool quiet = false;
  bool verbose = false;

  std::filesystem::path databasePath() const;
  LexiconSource lexicon() const;
  Database openDatabase(Database::Access access) const;
};

class Command {
 public:
  virtual ~Command() = default;
  virtual void setup(CLI::App& sub) = 0;
  virtual int run(const GlobalOptions& global) = 0;
};

struct CommandInfo {
  const char* name;
  const char* help;
  std::unique_ptr<Command> (*make)();
};

// Every command with its one-line help, in the order --help lists them.
const std::vector<CommandInfo>& commands();

// The exit-code section every --help ends with.
const char* exitCodeFooter();

}  // namespace chronicle::cli
