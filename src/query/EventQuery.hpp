#pragma once
// Reads fused events back with their places and sources, filtered, in
// chronological order (undated last), and writes them as the events
// contract of ARCHITECTURE.md (one JSON object per event).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/Database.hpp"
#include "temporal/CivilDate.hpp"

namespace chronicle {

struct EventFilter {
  std::optional<CivilDate> from;  // the event's possible interval overlaps [from, to]
  std::optional<CivilDate> to;
  bool within = false;            // ... or lies certainly inside it
  std::vector<std::string> types;
  std::string actor;              // initiator, target or mediator (a code)
  std::string claimedBy;          // the event's claimant, or any of its sources' (a code)
  std::string place;              // a place id or name (folded comparison is the caller's)
  std::int64_t minSources = 0;
  std::optional<std::int64_t> article;
  std::optional<std::int64_t> limit;
};

struct EventLocation {
  std::string id, name, country, admin1;
  double lat = 0, lon = 0;
};

struct EventSource {
  std::string article;
  std::int64_t articleId = 0;
  std::optional<std::string> published;
  std::optional<std::string> url, outlet, title;  // the article's url, source (outlet) and title
  std::int64_t start = 0, end = 0;
  std::string evidence, trigger, dateSource, claimedBy, modality, dateText;
  std::optional<std::int64_t> fatalities, fatalitiesLow, fatalitiesHigh;
};

struct EventRecord {
  std::string id, type, subtype, status;
  std::optional<std::string> dateStart, dateEnd;
  std::string precision, dateText, initiator, target, mediator, claimedBy, modality;
  std::optional<std::int64_t> fatalities, fatalitiesLow, fatalitiesHigh;
  std::int64_t sourceCount = 0, articleCount = 0;
  double confidence = 0;
  std::vector<EventLocation> locations;
  std::vector<EventSource> sources;
};

// What queryEvents reads besides the events' own columns: Full, their
// locations and sources (the events contract); Locations, no sources (a
// reader that quotes no evidence, such as the timeline).
enum class EventDetail { Full, Locations };

// The events the filter selects, in chronological order. A date window is
// found through the index events_span (schema/0005_query_indexes.sql), the
// sources and locations of a few events through their mentions, of many in
// one pass over the mentions.
std::vector<EventRecord> queryEvents(Database& db, const EventFilter& filter, EventDetail detail = EventDetail::Full);

// The events contract: one JSON object, no newline, appended to `out` (no
// string per event when writing many).
void appendEventJson(std::string& out, const EventRecord& e);

}  // namespace chronicle
