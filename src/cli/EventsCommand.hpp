#pragma once
// chronicle events [filters] [--format table|csv|json|ndjson|markdown]: the
// fused events; ndjson is the contract of ARCHITECTURE.md.
#include "cli/Command.hpp"
#include "cli/EventFilterOptions.hpp"

namespace chronicle::cli {

class EventsCommand : public Command {
 public:
  void setup(CLI::App& sub) override;
  int run(const GlobalOptions& global) override;

 private:
  EventFilterOptions filters_;
  std::string format_ = "table";
};

// chronicle timeline [filters] [--verbose]: the chronology for a person.
class TimelineCommand : public Command {
 public:
  void setup(CLI::App& sub) override;
  int run(const GlobalOptions& global) override;

 private:
  EventFilterOptions filters_;
  bool evidence_ = false;
};

// chronicle reprocess: re-extract every stored article with the current
// rules and lexicons, then re-fuse.
class ReprocessCommand : public Command {
 public:
  void setup(CLI::App& sub) override;
  int run(const GlobalOptions& global) override;

 private:
  unsigned jobs_ = 0;  // 0: one per core
};

}  // namespace chronicle::cli
