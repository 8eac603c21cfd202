#pragma once
// chronicle export --format F [-o FILE] [filters]: the filtered events in one
// of the formats analysts' tools read (docs/export.md): csv, json, ndjson,
// markdown, acled, ucdp, geojson, timelinejs, html, datapackage (a
// directory), datasette-metadata. -o writes the file atomically (FILE.tmp,
// then renamed); without it, stdout.
#include "cli/Command.hpp"
#include "cli/EventFilterOptions.hpp"

namespace chronicle::cli {

class ExportCommand : public Command {
 public:
  void setup(CLI::App& sub) override;
  int run(const GlobalOptions& global) override;

 private:
  EventFilterOptions filters_;
  std::string format_;
  std::string output_;
  bool excel_ = false;
  std::string delimiter_ = ",";
  bool all_ = false;
  std::string title_ = "chronicle";
  std::string lanes_ = "type";
};

}  // namespace chronicle::cli
