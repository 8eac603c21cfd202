#include "cli/EventsCommand.hpp"

#include <SQLiteCpp/Statement.h>

#include <iostream>
#include <map>

#include "cli/ExitCode.hpp"
#include "cli/StopOnSignals.hpp"
#include "events/EventLexicon.hpp"
#include "export/EventWriter.hpp"
#include "export/TableWriter.hpp"
#include "pipeline/Reprocessor.hpp"
#include "query/DateDisplay.hpp"
#include "util/Error.hpp"

namespace chronicle::cli {
namespace {

Cell cell(const std::string& v) { return v.empty() ? Cell{} : Cell{v}; }
Cell cell(const std::optional<std::string>& v) { return v ? Cell{*v} : Cell{}; }
Cell cell(const std::optional<std::int64_t>& v) { return v ? Cell{*v} : Cell{}; }

std::optional<CivilDate> civil(const std::optional<std::string>& iso) {
  if (!iso) return std::nullopt;
  return CivilDate::parseIso(*iso);
}


}  // namespace

void EventsCommand::setup(CLI::App& sub) {
  filters_.add(sub);
  sub.add_option("--format", format_, "table, csv, json, ndjson (the events contract) or markdown")
      ->check(CLI::IsMember(tableFormatNames()));
}

int EventsCommand::run(const GlobalOptions& global) {
  const EventFilter filter = filters_.filter(global.lexicon());
  const TableFormat format = parseTableFormat(format_);
  Database db = global.openDatabase(Database::Access::ReadOnly);
  const auto events = queryEvents(db, filter);
  // JSON goes out a megabyte at a time, each event appended to one buffer.
  constexpr std::size_t kChunk = std::size_t{1} << 20;
  if (format == TableFormat::Ndjson || format == TableFormat::Json) {
    const bool ndjson = format == TableFormat::Ndjson;
    std::string out = ndjson ? "" : "[";
    for (std::size_t k = 0; k < events.size(); ++k) {
      if (k && !ndjson) out += ",\n";
      appendEventJson(out, events[k]);
      if (ndjson) out += '\n';
      if (out.size() >= kChunk) {
        std::cout << out;
        out.clear();
      }
    }
    std::cout << out << (ndjson ? "" : "]\n");
    return exit_code::kOk;
  }
  ResultSet r;
  r.columns = {"id",        "date_start", "date_end",   "precision",  "type",     "subtype",
               "status",    "initiator",  "target",     "mediator",   "claimed_by", "places",
               "fatalities", "sources",   "articles",   "confidence", "evidence"};
  for (const EventRecord& e : events) {
    std::string places;
    for (const auto& l : e.locations) places += (places.empty() ? "" : ", ") + l.name;
    r.rows.push_back({e.id, cell(e.dateStart), cell(e.dateEnd), e.precision, e.type, cell(e.subtype),
                      cell(e.status), cell(e.initiator), cell(e.target), cell(e.mediator), cell(e.claimedBy),
                      cell(places), cell(e.fatalities), e.sourceCount, e.articleCount, e.confidence,
                      e.sources.empty() ? Cell{} : Cell{e.sources.front().evidence}});
  }
  writeTable(std::cout, r, format);
  return exit_code::kOk;
}

void TimelineCommand::setup(CLI::App& sub) {
  filters_.add(sub);
  sub.add_flag("--evidence", evidence_, "Quote each source's sentence under its event (also with the global --verbose)");
}

int TimelineCommand::run(const GlobalOptions& global) {
  const EventFilter filter = filters_.filter(global.lexicon());
  const bool evidence = evidence_ || global.verbose;
  Database db = global.openDatabase(Database::Access::ReadOnly);
  // The sources are read only to be quoted.
  const auto events = queryEvents(db, filter, evidence ? EventDetail::Full : EventDetail::Locations);
  const Gazetteer gazetteer(global.lexicon());
  const ActorNames name(gazetteer);
  std::string out;
  int year = 0, month = 0;
  bool undatedHeading = false;
  for (const EventRecord& e : events) {
    const auto start = civil(e.dateStart);
    if (!start) {
      if (!undatedHeading) out += "\n== sans date ==\n";
      undatedHeading = true;
    } else if (start->year != year || start->month != month) {
      if (start->year != year) out += "\n== " + std::to_string(start->year) + " ==\n";
      year = start->year;
      month = start->month;
      out += "\n-- " + displayMonthHeading(year, month) + " --\n";
    }
    std::string line = "  " + displayDate(start, civil(e.dateEnd), e.precision) + "  " + e.type;
    if (!e.subtype.empty()) line += " (" + e.subtype + ")";
    if (!e.status.empty()) line += " [" + e.status + "]";
    const bool symmetric = isSymmetricType(e.type);
    if (!e.initiator.empty() || !e.target.empty()) {
      line += ": " + (e.initiator.empty() ? std::string("?") : name(e.initiator));
      if (!e.target.empty()) line += (symmetric ? " – " : " → ") + name(e.target);
    }
    if (!e.mediator.empty()) line += ", médiation " + name(e.mediator);
    if (!e.locations.empty()) {
      line += " à ";
      for (std::size_t k = 0; k < e.locations.size() && k < 4; ++k) line += (k ? ", " : "") + e.locations[k].name;
      if (e.locations.size() > 4) line += "…";
    }
    if (e.fatalities) line += "; " + std::to_string(*e.fatalities) + " morts";
    if (e.fatalitiesLow && e.fatalitiesHigh && *e.fatalitiesLow != *e.fatalitiesHigh)
      line += " (" + std::to_string(*e.fatalitiesLow) + "–" + std::to_string(*e.fatalitiesHigh) + ")";
    if (e.modality != "asserted") line += " {" + e.modality + "}";
    line += "  — " + std::to_string(e.sourceCount) + (e.sourceCount > 1 ? " sources" : " source");
    if (e.articleCount > 1) line += ", " + std::to_string(e.articleCount) + " articles";
    out += line + "\n";
    if (evidence)
      for (const EventSource& s : e.sources)
        out += "      « " + s.evidence + " » (" + s.article + (s.claimedBy.empty() ? "" : ", selon " + name(s.claimedBy)) + ")\n";
  }
  if (events.empty() && !global.quiet) out = "no events (import articles first, or widen the filters)\n";
  std::cout << out;
  return exit_code::kOk;
}

void ReprocessCommand::setup(CLI::App& sub) {
  sub.add_option("-j,--jobs", jobs_, "Threads that extract (default: one per core)")->check(CLI::Range(1u, 256u));
}

int ReprocessCommand::run(const GlobalOptions& global) {
  const std::filesystem::path path = global.databasePath();
  std::error_code ec;
  if (!std::filesystem::exists(path, ec))
    throw DatabaseError(path.string() + ": no such database; import articles first (chronicle import PATH)");
  Database db = global.openDatabase(Database::Access::ReadWrite);
  Reprocessor reprocessor(db, global.lexicon(), jobs_);
  const StopOnSignals signals;
  const ReprocessSummary s = reprocessor.all(&StopOnSignals::flag());
  if (s.interrupted) {
    std::cerr << "chronicle: reprocess: interrupted: nothing was changed\n";
    return exit_code::kInterrupted;
  }
  if (!global.quiet)
    std::cerr << "reprocessed " << s.articles << " articles: " << s.mentions << " mentions, " << s.events
              << " events\n";
  return exit_code::kOk;
}

}  // namespace chronicle::cli
