#include "cli/ExportCommand.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <iostream>

#include "cli/ExitCode.hpp"
#include "export/EventWriter.hpp"
#include "util/Error.hpp"

namespace chronicle::cli {
namespace {

using StreamWriter = void (*)(const ExportInput&, const ExportOptions&, std::ostream&);

struct Format {
  const char* name;
  const char* help;
  StreamWriter write;  // nullptr: datapackage and datasette-metadata, handled apart
};

const std::vector<Format>& formats() {
  static const std::vector<Format> all = {
      {"csv", "RFC 4180 table, one row per event (--excel: BOM, --delimiter, formula guard)", &writeCsv},
      {"json", "one JSON array of events (the events contract)", &writeJson},
      {"ndjson", "one event per line (the events contract)", &writeNdjson},
      {"markdown", "a readable chronology: a table of dates, types, actors, places, tolls, sources", &writeMarkdown},
      {"acled", "ACLED's 31 columns in ACLED's order, then url, evidence, chronicle_type, chronicle_id; undated events skipped",
       &writeAcled},
      {"ucdp", "UCDP GED's columns; lethal events only unless --all; undated events skipped", &writeUcdp},
      {"geojson", "RFC 7946 FeatureCollection, a feature per event and place (kepler.gl, QGIS)", &writeGeoJson},
      {"timelinejs", "Knight Lab TimelineJS JSON (a warning above 200 events)", &writeTimelineJs},
      {"html", "one self-contained page: an SVG timeline (--lanes type|actor) and the events with their evidence",
       &writeHtml},
      {"datapackage", "a Frictionless data package in the directory -o DIR: datapackage.json, events.csv, sources.csv",
       nullptr},
      {"datasette-metadata", "Datasette's metadata.json for this database: titles and column descriptions", nullptr},
  };
  return all;
}

constexpr std::size_t kTimelineJsComfort = 200;

// Writes through FILE.tmp renamed onto FILE, so FILE is whole or untouched.
void writeAtomically(const std::string& file, const std::function<void(std::ostream&)>& write) {
  const std::string tmp = file + ".tmp";
  std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
  if (!f) throw InputError(file + ": cannot write (" + std::strerror(errno) + ")");
  try {
    write(f);
  } catch (...) {
    f.close();
    std::remove(tmp.c_str());
    throw;
  }
  f.close();
  if (!f || std::rename(tmp.c_str(), file.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    std::remove(tmp.c_str());
    throw InputError(file + ": cannot write (" + why + ")");
  }
}

// Writes to FILE atomically, or to stdout as it goes (no copy of the whole
// output in memory: an export of every event can be large).
void writeOutput(const std::string& file, const std::function<void(std::ostream&)>& write) {
  if (!file.empty()) return writeAtomically(file, write);
  write(std::cout);
  std::cout.flush();
  if (!std::cout) throw InputError(std::string("stdout: cannot write (") + std::strerror(errno) + ")");
}

}  // namespace

void ExportCommand::setup(CLI::App& sub) {
  std::string help = "Output format:";
  std::vector<std::string> names;
  for (const Format& f : formats()) {
    names.push_back(f.name);
    help += std::string("\n  ") + f.name + ": " + f.help;
  }
  sub.add_option("--format", format_, help)->required()->check(CLI::IsMember(names));
  sub.add_option("-o,--output", output_, "Write to this file (atomically) instead of stdout; the directory for datapackage");
  filters_.add(sub);
  sub.add_flag("--excel", excel_, "csv, acled, ucdp: for Excel: UTF-8 BOM, and a ' before text cells starting with = + - @ tab or CR");
  sub.add_option("--delimiter", delimiter_, "csv, acled, ucdp: the field separator, one character (default ',')");
  sub.add_flag("--all", all_, "ucdp: every event, not only the lethal ones");
  sub.add_option("--title", title_, "The document's title (markdown, timelinejs, geojson, html, datapackage)");
  sub.add_option("--lanes", lanes_, "html: one lane per event type or per actor")->check(CLI::IsMember({"type", "actor"}));
}

int ExportCommand::run(const GlobalOptions& global) {
  const Format* format = nullptr;
  for (const Format& f : formats())
    if (format_ == f.name) format = &f;
  if (!format) throw UsageError("unknown format '" + format_ + "' (see chronicle export --help)");
  std::string delimiter = delimiter_ == "\\t" || delimiter_ == "tab" ? "\t" : delimiter_;
  if (delimiter.size() != 1 || delimiter == "\"" || delimiter == "\r" || delimiter == "\n")
    throw UsageError("--delimiter must be one character other than a quote or a line break, not '" + delimiter_ + "'");
  const bool datapackage = format_ == "datapackage";
  if (datapackage && output_.empty()) throw UsageError("datapackage writes a directory: give it with -o DIR");

  ExportOptions options;
  options.excel = excel_;
  options.delimiter = delimiter[0];
  options.all = all_;
  options.title = title_;
  options.lanes = lanes_;

  if (format_ == "datasette-metadata") {
    writeOutput(output_, [&](std::ostream& out) { writeDatasetteMetadata(options, out); });
    return exit_code::kOk;
  }
  const EventFilter filter = filters_.filter(global.lexicon());
  Database db = global.openDatabase(Database::Access::ReadOnly);
  const std::vector<EventRecord> events = queryEvents(db, filter);
  const Gazetteer gazetteer(global.lexicon());
  const ActorNames actors(gazetteer);
  const ExportInput input{events, actors};
  if (datapackage) {
    writeDataPackage(input, options, output_);
    return exit_code::kOk;
  }
  if (format_ == "timelinejs" && events.size() > kTimelineJsComfort && !global.quiet)
    std::cerr << "chronicle: export: warning: " << events.size()
              << " events; TimelineJS becomes hard to read above 200 (narrow with --from, --to or --type)\n";
  writeOutput(output_, [&](std::ostream& out) { format->write(input, options, out); });
  return exit_code::kOk;
}

}  // namespace chronicle::cli
