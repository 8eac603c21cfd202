#include <cstdlib>
#include <iostream>

#include "cli/Command.hpp"
#include "cli/ArticlesCommand.hpp"
#include "cli/CheckCommand.hpp"
#include "cli/DatesCommand.hpp"
#include "cli/EventsCommand.hpp"
#include "cli/ExportCommand.hpp"
#include "cli/ExtractCommand.hpp"
#include "cli/ImportCommand.hpp"
#include "cli/SearchCommand.hpp"
#include "cli/SqlCommand.hpp"

namespace chronicle::cli {

namespace {
template <typename T>
std::unique_ptr<Command> make() {
  return std::make_unique<T>();
}
}  // namespace

const std::vector<CommandInfo>& commands() {
  static const std::vector<CommandInfo> all = {
      {"import", "Import articles: files, directories (recursively), - for stdin", &make<ImportCommand>},
      {"articles", "List, show, re-date or remove stored articles", &make<ArticlesCommand>},
      {"events", "The fused events: filters and formats (ndjson is the events contract)", &make<EventsCommand>},
      {"timeline", "The chronology for a person to read, grouped by year and month", &make<TimelineCommand>},
      {"reprocess", "Re-extract every stored article with the current rules and lexicons, then re-fuse",
       &make<ReprocessCommand>},
      {"export", "Write the events for other tools: csv, json, ndjson, markdown, acled, ucdp, geojson, timelinejs, html, datapackage",
       &make<ExportCommand>},
      {"sql", "Run one read-only SQL query on the database", &make<SqlCommand>},
      {"search", "Full-text search of the stored sentences (accent-insensitive)", &make<SearchCommand>},
      {"dates", "Tag and resolve the French date expressions of texts (stdin lines or arguments)", &make<DatesCommand>},
      {"check", "Check that the database is whole: SQLite, the full-text index, events and mentions", &make<CheckCommand>},
      {"extract", "Run the pipeline on articles without storing them: sentences, dates, places, actors, people, events and why",
       &make<ExtractCommand>},
  };
  return all;
}

const char* exitCodeFooter() {
  return "\nExit codes:\n"
         "  0    success\n"
         "  1    data error: some input was refused, or the database refused or failed\n"
         "  2    usage error: wrong command line\n"
         "  130  interrupted (Ctrl-C)\n";
}

std::filesystem::path GlobalOptions::databasePath() const {
  if (!db.empty()) return db;
  if (const char* env = std::getenv("CHRONICLE_DB"); env && *env) return env;
  return "chronicle.db";
}

LexiconSource GlobalOptions::lexicon() const {
  if (lexiconDir.empty()) return LexiconSource();
  return LexiconSource(std::filesystem::path(lexiconDir));
}

Database GlobalOptions::openDatabase(Database::Access access) const {
  const std::filesystem::path path = databasePath();
  return Database::open(path, access, [&] {
    if (!quiet)
      std::cerr << "chronicle: " << path.string()
                << ": another chronicle process is writing to it; waiting for it to finish (Ctrl-C to give up)\n";
  });
}

}  // namespace chronicle::cli
