#pragma once
// The formats of `chronicle export`: each writes the filtered events
// (query/EventQuery) to a stream, or, for a data package, to a directory.
// One function per format, each in its own file of src/export/.
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "entities/Gazetteer.hpp"
#include "query/EventQuery.hpp"

namespace chronicle {

// Actor codes by display name ("ARM" → "Arménie"); the code itself when
// the gazetteer does not know it.
class ActorNames {
 public:
  ActorNames() = default;
  explicit ActorNames(const Gazetteer& g) {
    for (const Actor& a : g.actors()) names_[a.code] = a.name;
  }
  std::string operator()(const std::string& code) const {
    const auto it = names_.find(code);
    return it == names_.end() ? code : it->second;
  }

 private:
  std::map<std::string, std::string> names_;
};

// "Azerbaïdjan → Arménie (médiation : Russie)", for the formats a person reads.
inline std::string actorsLine(const EventRecord& e, const ActorNames& actors) {
  std::string line;
  if (!e.initiator.empty()) line += actors(e.initiator);
  // Appended piece by piece: `"x" + string` inserts at the front, which
  // GCC 12 at -O3 reports as a possible overlap (-Wrestrict).
  if (!e.target.empty()) {
    if (!line.empty()) line += " → ";
    line += actors(e.target);
  }
  if (!e.mediator.empty()) {
    if (!line.empty()) line += ' ';
    line += "(médiation : ";
    line += actors(e.mediator);
    line += ')';
  }
  return line;
}

struct ExportOptions {
  bool excel = false;          // csv: UTF-8 BOM, CRLF, a leading ' on formula-like text cells
  char delimiter = ',';        // csv
  bool all = false;            // ucdp: every event, not only the lethal ones
  std::string title = "chronicle";  // the document's title (timelinejs, geojson name, html, datapackage)
  std::string lanes = "type";  // html: one lane per "type" or per "actor"
};

struct ExportInput {
  const std::vector<EventRecord>& events;
  const ActorNames& actors;
};

void writeCsv(const ExportInput& in, const ExportOptions& o, std::ostream& out);
void writeJson(const ExportInput& in, const ExportOptions& o, std::ostream& out);
void writeNdjson(const ExportInput& in, const ExportOptions& o, std::ostream& out);
void writeMarkdown(const ExportInput& in, const ExportOptions& o, std::ostream& out);
void writeAcled(const ExportInput& in, const ExportOptions& o, std::ostream& out);
void writeUcdp(const ExportInput& in, const ExportOptions& o, std::ostream& out);
void writeGeoJson(const ExportInput& in, const ExportOptions& o, std::ostream& out);
void writeTimelineJs(const ExportInput& in, const ExportOptions& o, std::ostream& out);
void writeHtml(const ExportInput& in, const ExportOptions& o, std::ostream& out);
// Datasette's metadata.json for this database: titles and column descriptions.
void writeDatasetteMetadata(const ExportOptions& o, std::ostream& out);
// datapackage.json, events.csv and sources.csv in `directory` (created).
void writeDataPackage(const ExportInput& in, const ExportOptions& o, const std::string& directory);

}  // namespace chronicle
