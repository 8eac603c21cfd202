#pragma once
// One event as one sentence of one article reports it: the extraction
// result, before fusion. Offsets are UTF-8 bytes in the article text.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "entities/Gazetteer.hpp"
#include "temporal/CivilDate.hpp"

namespace chronicle {

struct EventMention {
  std::size_t sentence = 0;      // 0-based ordinal of the evidence sentence
  std::size_t start = 0;         // the evidence sentence [start, end)
  std::size_t end = 0;
  std::size_t triggerStart = 0;  // the trigger [triggerStart, triggerEnd)
  std::size_t triggerEnd = 0;
  std::string trigger;           // its words as written
  std::string type;
  std::string subtype;           // empty: none
  std::string status;
  std::optional<CivilDate> dateStart;  // empty: undated
  std::optional<CivilDate> dateEnd;
  std::string precision = "unknown";   // day, week, month, season, year, decade, unknown
  std::string dateText;                // the words that gave the date
  std::string dateSource;              // explicit, anchor, discourse, publication; empty: none
  std::string initiator;
  std::string target;
  std::string mediator;
  std::string claimedBy;
  std::string modality = "asserted";   // asserted, conditional, negated, future, rumoured
  std::optional<long> fatalities;      // casualties: killed, best / low / high
  std::optional<long> fatalitiesLow;
  std::optional<long> fatalitiesHigh;
  std::optional<long> wounded;
  std::optional<long> captured;
  std::vector<const Place*> places;
  double confidence = 0;
  std::string why;                     // how it was read, for `chronicle extract`
};

// Whether a mention can found or join an event. Kept as mentions only:
// conditional and negated reports (nothing happened), and timeless ones
// that nothing in the text dates (no date of their own, of the discourse,
// or of the day's news: "les combats au Haut-Karabakh ne sont pas couverts
// par cette clause"). A mention that waits for its article's date (a
// relative expression, or the day's news, in an undated article) counts.
inline bool isFusable(const EventMention& m) {
  return m.modality != "conditional" && m.modality != "negated" && (m.dateStart || !m.dateSource.empty());
}

}  // namespace chronicle
