// chronicle: a French conflict-event timeline database. main() is the only
// place that catches: it maps exceptions to the exit-code contract
// (cli/ExitCode.hpp) and prints one line on stderr.
#include <CLI/CLI.hpp>
#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

#include <iostream>

#include "cli/Command.hpp"
#include "cli/ExitCode.hpp"
#include "util/Error.hpp"

using namespace chronicle;

namespace {

// CLI11 answers `chronicle frobnicate` or `chronicle articles frob` with "A
// subcommand is required"; name what the user typed instead.
std::string parseErrorMessage(const CLI::App& app, const CLI::ParseError& e) {
  if (e.get_name() != "RequiredError") return e.what();
  std::string where;
  for (const CLI::App* sub = &app; !sub->get_subcommands().empty();) {
    sub = sub->get_subcommands().front();
    where += sub->get_name() + ": ";
  }
  for (const std::string& arg : app.remaining(true)) {
    if (arg.empty()) continue;
    return where + (arg[0] == '-' ? "unknown option '" : "unknown command '") + arg + "'";
  }
  return e.what();
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  CLI::App app{"chronicle — conflict-event timeline database for French news articles", "chronicle"};
  app.set_version_flag("--version", "chronicle " CHRONICLE_VERSION);
  app.require_subcommand(1);
  app.footer(cli::exitCodeFooter());

  cli::GlobalOptions global;
  app.add_option("--db", global.db, "Database file (default: $CHRONICLE_DB, else ./chronicle.db)");
  app.add_option("--lexicon", global.lexiconDir,
                 "Directory of lexicon files overriding the built-in ones, file by file (same layout as lexicon/)");
  app.add_flag("-q,--quiet", global.quiet, "Print only errors");
  app.add_flag("-v,--verbose", global.verbose, "Print more detail");

  std::vector<std::unique_ptr<cli::Command>> commands;
  std::vector<CLI::App*> subs;
  for (const auto& info : cli::commands()) {
    CLI::App* sub = app.add_subcommand(info.name, info.help);
    sub->fallthrough();
    sub->footer(cli::exitCodeFooter());
    commands.push_back(info.make());
    commands.back()->setup(*sub);
    subs.push_back(sub);
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "chronicle: " << parseErrorMessage(app, e) << " (try: chronicle --help)\n";
    return exit_code::kUsage;
  } catch (const std::exception& e) {
    std::cerr << "chronicle: " << e.what() << "\n";
    return exit_code::kUsage;
  }

  for (std::size_t i = 0; i < subs.size(); ++i) {
    if (!subs[i]->parsed()) continue;
    try {
      return commands[i]->run(global);
    } catch (const UsageError& e) {
      std::cerr << "chronicle: " << subs[i]->get_name() << ": " << e.what() << "\n";
      return exit_code::kUsage;
    } catch (const InputError& e) {
      std::cerr << "chronicle: " << subs[i]->get_name() << ": " << e.what() << "\n";
      return exit_code::kDataError;
    } catch (const DatabaseError& e) {
      std::cerr << "chronicle: " << subs[i]->get_name() << ": " << e.what() << "\n";
      return exit_code::kDataError;
    } catch (const SQLite::Exception& e) {
      // A full disk, a read-only file or a failing write: say which, and that
      // what was committed before is kept (the failed batch is rolled back).
      const int code = e.getErrorCode() & 0xff;  // the primary code of an extended one
      const char* hint = code == SQLITE_FULL       ? " (the disk is full: free space, then run the same command again)"
                         : code == SQLITE_READONLY ? " (the database file or its directory is not writable)"
                         : code == SQLITE_IOERR    ? " (writing failed: the disk may be full or failing; what was "
                                                     "committed before is kept)"
                                                   : "";
      std::cerr << "chronicle: " << subs[i]->get_name() << ": database error: " << e.what() << hint << "\n";
      return exit_code::kDataError;
    } catch (const std::exception& e) {
      std::cerr << "chronicle: " << subs[i]->get_name() << ": internal error: " << e.what() << "\n";
      return exit_code::kDataError;
    }
  }
  return exit_code::kUsage;
}
