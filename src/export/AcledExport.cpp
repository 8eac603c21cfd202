#include <algorithm>

#include "export/CsvWriter.hpp"
#include "export/EventTable.hpp"
#include "temporal/CivilDate.hpp"

namespace chronicle {
namespace {

// ACLED's columns, in ACLED's order; chronicle's own fields only after them.
const std::vector<std::string>& acledColumns() {
  static const std::vector<std::string> columns = {
      "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
      "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
      "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
      "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
      // extras
      "url", "evidence", "chronicle_type", "chronicle_id"};
  return columns;
}

struct AcledType {
  const char* disorder;
  const char* event;
  const char* subEvent;
};

constexpr const char* kViolence = "Political violence";
constexpr const char* kStrategic = "Strategic developments";

// The country a place or a side belongs to: the first location's, else the target's.
std::string countryOf(const EventRecord& e) {
  if (!e.locations.empty() && !e.locations.front().country.empty()) return e.locations.front().country;
  return e.target;
}

AcledType acledType(const EventRecord& e) {
  const std::string& t = e.type;
  const std::string& s = e.subtype;
  if (t == "offensive") {
    if (s == "shelling" || s == "missile_strike")
      return {kViolence, "Explosions/Remote violence", "Shelling/artillery/missile attack"};
    if (s == "drone_strike" || s == "air_strike") return {kViolence, "Explosions/Remote violence", "Air/drone strike"};
    return {kViolence, "Battles", "Armed clash"};
  }
  if (t == "territorial_change") {
    if (s == "handover" || s == "withdrawal") return {kStrategic, "Strategic developments", "Non-violent transfer of territory"};
    // Who took the place: the initiator, or for a reported loss the other side.
    const std::string& taker = s == "loss" && !e.target.empty() ? e.target : e.initiator;
    if (!taker.empty() && taker == countryOf(e)) return {kViolence, "Battles", "Government regains territory"};
    return {kViolence, "Battles", "Non-state actor overtakes territory"};
  }
  // A toll is reported after fighting: ACLED counts it as the battle's fatalities.
  if (t == "casualties") return {kViolence, "Battles", "Armed clash"};
  if (t == "ceasefire" || t == "negotiation" || t == "agreement") return {kStrategic, "Strategic developments", "Agreement"};
  if (t == "deployment") return {kStrategic, "Strategic developments", "Change to group/activity"};
  return {kStrategic, "Strategic developments", "Other"};  // assistance_request, assistance_response, accusation
}

// ACLED's inter codes: 1 state forces, 2 rebel groups, 8 external/other forces.
int interCode(const std::string& actor) {
  if (actor.empty()) return 0;
  if (actor == "NKR") return 2;
  if (countryInfo(actor)) return 1;
  return 8;
}

// 1 a day, 2 a week or less, 3 longer (or open-ended).
int timePrecision(const CivilDate& start, const std::optional<CivilDate>& end) {
  if (!end) return 3;
  const long span = end->toDays() - start.toDays() + 1;
  if (span <= 1) return 1;
  if (span <= 7) return 2;
  return 3;
}

}  // namespace

// Undated events are skipped: ACLED has no row without an event_date.
void writeAcled(const ExportInput& in, const ExportOptions& o, std::ostream& out) {
  CsvWriter csv(out, {o.delimiter, o.excel});
  csv.header(acledColumns());
  for (const EventRecord& e : in.events) {
    const std::optional<CivilDate> start = e.dateStart ? CivilDate::parseIso(*e.dateStart) : std::nullopt;
    if (!start) continue;
    std::optional<CivilDate> end = e.dateEnd ? CivilDate::parseIso(*e.dateEnd) : std::nullopt;
    if (end && *end < *start) end = std::nullopt;
    // ACLED codes an imprecise date at the middle of its range.
    const CivilDate date = end ? CivilDate::fromDays((start->toDays() + end->toDays()) / 2) : *start;
    const AcledType type = acledType(e);
    const int inter1 = interCode(e.initiator), inter2 = interCode(e.target);
    std::string interaction;
    if (inter1 || inter2) {
      const int lo = std::min(inter1, inter2), hi = std::max(inter1, inter2);
      interaction = lo == 0 ? std::to_string(hi) + "0" : std::to_string(lo) + std::to_string(hi);
    }
    const CountryInfo* country = countryInfo(countryOf(e));
    const EventLocation* place = e.locations.empty() ? nullptr : &e.locations.front();
    std::vector<std::string> outlets, tags = {e.subtype, e.status};
    if (!e.modality.empty() && e.modality != "asserted") tags.push_back(e.modality);
    if (!e.mediator.empty()) tags.push_back("mediator: " + in.actors(e.mediator));
    if (!e.claimedBy.empty()) tags.push_back("claimed by: " + in.actors(e.claimedBy));
    std::optional<CivilDate> lastReport;
    for (const EventSource& s : e.sources) {
      outlets.push_back(s.outlet.value_or(""));
      if (auto d = s.published ? CivilDate::parseIso(s.published->substr(0, 10)) : std::nullopt)
        if (!lastReport || *lastReport < *d) lastReport = d;
    }
    const EventSource* first = e.sources.empty() ? nullptr : &e.sources.front();
    csv.row({e.id,
             date.iso(),
             std::int64_t{date.year},
             std::int64_t{timePrecision(*start, end)},
             std::string(type.disorder),
             std::string(type.event),
             std::string(type.subEvent),
             e.initiator.empty() ? Cell{} : Cell{in.actors(e.initiator)},
             Cell{},
             inter1 ? Cell{std::int64_t{inter1}} : Cell{},
             e.target.empty() ? Cell{} : Cell{in.actors(e.target)},
             Cell{},
             inter2 ? Cell{std::int64_t{inter2}} : Cell{},
             interaction.empty() ? Cell{} : Cell{std::int64_t{std::stoi(interaction)}},
             Cell{},
             country ? Cell{std::int64_t{country->numeric}} : Cell{},
             country ? Cell{std::string(country->acledRegion)} : Cell{},
             country ? Cell{std::string(country->name)} : textCell(countryOf(e)),
             place ? textCell(place->admin1) : Cell{},
             Cell{},
             Cell{},
             place ? textCell(place->name) : Cell{},
             place ? Cell{place->lat} : Cell{},
             place ? Cell{place->lon} : Cell{},
             place ? Cell{std::int64_t{1}} : Cell{},
             textCell(joinDistinct(outlets)),
             Cell{},
             first ? textCell(first->evidence) : Cell{},
             e.fatalities.value_or(0),
             textCell(joinDistinct(tags)),
             lastReport ? Cell{std::int64_t{lastReport->toDays() * 86400}} : Cell{},
             first ? textCell(first->url) : Cell{},
             first ? textCell(first->evidence) : Cell{},
             e.type,
             e.id});
  }
}

}  // namespace chronicle
