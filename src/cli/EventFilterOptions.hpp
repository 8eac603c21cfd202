#pragma once
// The event filters events, timeline and export share (ARCHITECTURE.md):
// --from, --to (--within), --type, --actor, --place, --min-sources,
// --article, --claimed-by, --limit.
#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

#include "lexicon/LexiconFile.hpp"
#include "query/EventQuery.hpp"

namespace chronicle::cli {

class EventFilterOptions {
 public:
  void add(CLI::App& sub);
  // Throws UsageError on a bad date or type, or an actor the gazetteer of
  // `lexicon` does not know. --actor and --claimed-by take a code (any case)
  // or any alias of one actor: "Arménie", "Erevan", "armée
  // azerbaïdjanaise", "ODKB".
  EventFilter filter(const LexiconSource& lexicon = LexiconSource()) const;

 private:
  std::string from_, to_;
  bool within_ = false;
  std::vector<std::string> types_;
  std::string actor_, claimedBy_, place_;
  std::int64_t minSources_ = 0;
  std::optional<std::int64_t> article_;
  std::optional<std::int64_t> limit_;
};

}  // namespace chronicle::cli
