#pragma once
// Fusion: the mentions of one real-world event become one event. Two
// mentions fuse when they have the same type, date intervals that overlap
// at comparable precision (day, week and month together; season, year and
// decade together; undated only with undated of the same two sides), and
// compatible actors (each side equal or unknown; for ceasefire, negotiation
// and agreement the parties overlap, in any order). Conditional and
// negated mentions never found or join an event.
//
// Deterministic whatever the import order: mentions are taken in a
// canonical order (type, precision, date, sides, article hash, offsets), and
// an event's id hashes its first mention in that order.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "events/EventMention.hpp"

namespace chronicle {

struct FusionInput {
  EventMention mention;
  std::int64_t mentionId = 0;
  std::int64_t articleId = 0;
  std::string articleSha;  // the stable identity of the article
};

struct FusedEvent {
  std::string id;
  std::string type, subtype, status;
  std::optional<CivilDate> dateStart, dateEnd;
  std::string precision = "unknown";
  std::string dateText;
  std::string initiator, target, mediator, claimedBy;
  std::string modality = "asserted";
  std::optional<long> fatalities, fatalitiesLow, fatalitiesHigh;
  std::size_t sourceCount = 0;
  std::size_t articleCount = 0;
  double confidence = 0;
  std::vector<std::size_t> members;  // indices into the input, canonical order
};

std::vector<FusedEvent> fuse(const std::vector<FusionInput>& mentions);

// The rank of a precision name, finest first (day 0 … unknown).
int precisionRank(std::string_view precision);

}  // namespace chronicle
