#include <nlohmann/json.hpp>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "export/CsvWriter.hpp"
#include "export/EventTable.hpp"
#include "util/Error.hpp"

namespace chronicle {
namespace {

namespace fs = std::filesystem;

const std::vector<ColumnSpec>& sourceColumns() {
  static const std::vector<ColumnSpec> columns = {
      {"event_id", "string"}, {"article", "string"}, {"url", "string"},      {"outlet", "string"},
      {"published", "date"},  {"start", "integer"},  {"end", "integer"},     {"evidence", "string"},
      {"claimed_by", "string"}, {"date_source", "string"}};
  return columns;
}

nlohmann::ordered_json schema(const std::vector<ColumnSpec>& columns) {
  nlohmann::ordered_json fields = nlohmann::ordered_json::array();
  for (const ColumnSpec& c : columns) fields.push_back({{"name", c.name}, {"type", c.type}});
  return {{"fields", fields}, {"missingValues", {""}}};
}

// A data package name: lower-case letters, digits, '-', '_' and '.'.
std::string packageName(const std::string& title) {
  std::string name;
  for (const char ch : title) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x80 && std::isalnum(c)) name += static_cast<char>(std::tolower(c));
    else if (!name.empty() && name.back() != '-') name += '-';
  }
  while (!name.empty() && name.back() == '-') name.pop_back();
  return name.empty() ? "chronicle" : name;
}

// Written beside the target, then renamed: never half a file.
void writeFileAtomically(const fs::path& file, const std::string& bytes) {
  const fs::path tmp = file.string() + ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    if (f) f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    f.close();
    if (!f) {
      const std::string why = std::strerror(errno);
      std::error_code ec;
      fs::remove(tmp, ec);
      throw InputError(file.string() + ": cannot write (" + why + ")");
    }
  }
  std::error_code ec;
  fs::rename(tmp, file, ec);
  if (ec) {
    fs::remove(tmp, ec);
    throw InputError(file.string() + ": cannot write (" + ec.message() + ")");
  }
}

std::string sourcePublished(const EventSource& s) {
  // Frictionless dates are YYYY-MM-DD; a timestamp keeps its day.
  return s.published ? s.published->substr(0, 10) : std::string();
}

}  // namespace

// A Frictionless data package (https://specs.frictionlessdata.io/): plain
// RFC 4180 CSV (never the Excel dialect: tools read these), the events
// keyed by id, their sources pointing to them by event_id.
void writeDataPackage(const ExportInput& in, const ExportOptions& o, const std::string& directory) {
  const fs::path dir(directory);
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir)) throw InputError(directory + ": cannot create the directory" + (ec ? " (" + ec.message() + ")" : ""));

  std::ostringstream events;
  CsvWriter ev(events, {});
  ev.header(columnNames(eventTableColumns()));
  for (const EventRecord& e : in.events) ev.row(eventTableRow(e, in.actors));

  std::ostringstream sources;
  CsvWriter src(sources, {});
  src.header(columnNames(sourceColumns()));
  for (const EventRecord& e : in.events)
    for (const EventSource& s : e.sources)
      src.row({e.id, textCell(s.article), textCell(s.url), textCell(s.outlet), textCell(sourcePublished(s)), s.start,
               s.end, textCell(s.evidence), textCell(s.claimedBy), textCell(s.dateSource)});

  nlohmann::ordered_json eventsSchema = schema(eventTableColumns());
  eventsSchema["primaryKey"] = {"id"};
  nlohmann::ordered_json sourcesSchema = schema(sourceColumns());
  sourcesSchema["foreignKeys"] = {{{"fields", {"event_id"}}, {"reference", {{"resource", "events"}, {"fields", {"id"}}}}}};

  nlohmann::ordered_json package = {
      {"profile", "tabular-data-package"},
      {"name", packageName(o.title)},
      {"title", o.title},
      {"resources",
       {{{"name", "events"}, {"path", "events.csv"}, {"profile", "tabular-data-resource"}, {"format", "csv"},
         {"mediatype", "text/csv"}, {"encoding", "utf-8"}, {"schema", eventsSchema}},
        {{"name", "sources"}, {"path", "sources.csv"}, {"profile", "tabular-data-resource"}, {"format", "csv"},
         {"mediatype", "text/csv"}, {"encoding", "utf-8"}, {"schema", sourcesSchema}}}}};

  writeFileAtomically(dir / "events.csv", events.str());
  writeFileAtomically(dir / "sources.csv", sources.str());
  writeFileAtomically(dir / "datapackage.json",
                      package.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
}

}  // namespace chronicle
