#pragma once
// Mentions and events in the database (schema/0002_events.sql). Mentions are
// written with their article (inside its savepoint); events are derived:
// refuse() recomputes them from every stored mention with fuse(), so the
// events table is always the fusion of the mentions, whatever the order
// articles came in.
//
// Writing events also fills the actors lookup table (schema/0003) from the
// gazetteer, so every actor code an event holds resolves to a name through
// its declared foreign key; a code the gazetteer does not know is stored
// with itself as its name.
#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <string>
#include <unordered_set>
#include <vector>

#include "events/EventMention.hpp"
#include "events/Fusion.hpp"
#include "store/Database.hpp"

namespace chronicle {

// Writes mentions (and the places they name) with statements prepared once:
// one writer serves every article of an import or a reprocess.
class MentionWriter {
 public:
  explicit MentionWriter(Database& db);
  void write(std::int64_t articleId, const std::vector<EventMention>& mentions);
  // Deletes an article's mentions (before they are written anew).
  void clear(std::int64_t articleId);
  // After a failure and before the rollback: the statements are reset, and
  // the places written since may be gone.
  void afterRollback();

 private:
  Database& db_;
  SQLite::Statement mention_, place_, link_, clear_;
  std::unordered_set<std::string> placesWritten_;  // INSERT OR IGNORE once per place, not per mention
};

class EventStore {
 public:
  // Without a gazetteer, actor names come from the built-in lexicon.
  explicit EventStore(Database& db) : db_(db) {}
  EventStore(Database& db, const Gazetteer& gazetteer) : db_(db), gazetteer_(&gazetteer) {}

  // Inserts an article's mentions (and the places they name).
  void insertMentions(std::int64_t articleId, const std::vector<EventMention>& mentions);
  // Replaces an article's mentions (after a new date or new rules).
  void replaceMentions(std::int64_t articleId, const std::vector<EventMention>& mentions);
  // Recomputes every event from the mentions, one type at a time; returns
  // the number of events.
  std::size_t refuse();

  // The rows of event_months computed from the events: month, type, events,
  // fatalities, sources, articles (the view chronology_by_month's counts).
  static const char* const kMonthGrouping;
  // Rewrites event_months, the counts the view chronology_by_month shows,
  // from the events (refuse() does; so must anything else that writes them).
  static void writeMonthSummary(Database& db);

  // True when a stored mention that can found an event is in none: an
  // import stopped (killed) between storing articles and fusing them.
  bool fusionPending();

  std::int64_t mentionCount();
  std::int64_t eventCount();

 private:
  void writeEvents(const std::vector<FusionInput>& in, const std::vector<FusedEvent>& events);
  void writeGazetteerActors();
  void writeUnknownActors(const std::vector<FusedEvent>& events);
  Database& db_;
  const Gazetteer* gazetteer_ = nullptr;
};

}  // namespace chronicle
