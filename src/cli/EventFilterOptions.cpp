#include "cli/EventFilterOptions.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "entities/EntityFinder.hpp"
#include "entities/Gazetteer.hpp"
#include "events/EventLexicon.hpp"
#include "util/Error.hpp"

namespace chronicle::cli {
namespace {

std::optional<CivilDate> dateOption(const std::string& name, const std::string& value, bool end) {
  if (value.empty()) return std::nullopt;
  if (auto d = CivilDate::parseIso(value)) return d;
  // "2020" or "2020-10": the whole year or month
  if (value.size() == 4) {
    if (auto d = CivilDate::parseIso(value + (end ? "-12-31" : "-01-01"))) return d;
  } else if (value.size() == 7) {
    if (auto d = CivilDate::parseIso(value + "-01")) return end ? CivilDate::make(d->year, d->month, daysInMonth(d->year, d->month)) : d;
  }
  throw UsageError(name + " '" + value + "' is not a date (use YYYY-MM-DD, YYYY-MM or YYYY)");
}

std::string upper(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return s;
}

// An actor code from a code or an alias: the gazetteer's entity finder reads
// the value as a text, and every actor it finds there must be the same one.
std::string actorCode(const std::string& option, const std::string& value, const Gazetteer& g) {
  if (const Actor* a = g.actor(upper(value))) return a->code;
  std::set<std::string> codes;
  for (const EntityMention& m : EntityFinder(g).find(value)) {
    if (m.kind == EntityMention::Kind::Place && m.code.empty()) continue;
    if (!m.code.empty()) codes.insert(m.code);
  }
  if (codes.empty()) throw UsageError("unknown actor '" + value + "' (" + option + " takes a code such as ARM, or a name)");
  if (codes.size() > 1) {
    std::string list;
    for (const std::string& c : codes) list += (list.empty() ? "" : ", ") + c;
    throw UsageError(option + " '" + value + "' names several actors (" + list + "); give one");
  }
  return *codes.begin();
}

}  // namespace

void EventFilterOptions::add(CLI::App& sub) {
  sub.add_option("--from", from_, "Events that may have happened on or after this date (YYYY-MM-DD, YYYY-MM or YYYY)");
  sub.add_option("--to", to_, "Events that may have happened on or before this date");
  sub.add_flag("--within", within_, "Only events certainly inside --from/--to (not merely overlapping)");
  std::string types;
  for (std::string_view t : kEventTypes) types += (types.empty() ? "" : ", ") + std::string(t);
  sub.add_option("--type", types_, "Event types (repeatable): " + types)->delimiter(',');
  sub.add_option("--actor", actor_, "Events where this actor (a code: ARM, AZE, RUS, CSTO…, or a name: Arménie, Erevan, ODKB) acts, is targeted or mediates");
  sub.add_option("--claimed-by", claimedBy_, "Events claimed by this actor (a code or a name), by every source or any one");
  sub.add_option("--place", place_, "Events at this place (gazetteer id or name)");
  sub.add_option("--min-sources", minSources_, "Events reported by at least this many sentences")->check(CLI::NonNegativeNumber);
  sub.add_option("--article", article_, "Events reported by this article (id)");
  sub.add_option("--limit", limit_, "At most this many events")->check(CLI::PositiveNumber);
}

EventFilter EventFilterOptions::filter(const LexiconSource& lexicon) const {
  EventFilter f;
  f.from = dateOption("--from", from_, false);
  f.to = dateOption("--to", to_, true);
  if (f.from && f.to && *f.to < *f.from) throw UsageError("--to " + to_ + " is before --from " + from_);
  f.within = within_;
  for (const std::string& t : types_) {
    if (std::find(kEventTypes.begin(), kEventTypes.end(), t) == kEventTypes.end())
      throw UsageError("--type '" + t + "' is not an event type (see --help)");
    f.types.push_back(t);
  }
  if (!actor_.empty() || !claimedBy_.empty()) {
    const Gazetteer gazetteer(lexicon);
    if (!actor_.empty()) f.actor = actorCode("--actor", actor_, gazetteer);
    if (!claimedBy_.empty()) f.claimedBy = actorCode("--claimed-by", claimedBy_, gazetteer);
  }
  f.place = place_;
  f.minSources = minSources_;
  f.article = article_;
  f.limit = limit_;
  return f;
}

}  // namespace chronicle::cli
