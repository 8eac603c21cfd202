// RFC 7946 FeatureCollection: one Point feature per (event, place), for QGIS
// and kepler.gl. Property names are the CSV export's where they overlap, so a
// layer joins back to the table; `datetime` is the ISO timestamp kepler.gl's
// time playback needs. Coordinates are [longitude, latitude] (RFC 7946 §3.1.1).
#include <cmath>

#include <nlohmann/json.hpp>

#include "export/EventTable.hpp"
#include "export/EventWriter.hpp"

namespace chronicle {
namespace {

using Json = nlohmann::ordered_json;

Json textOrNull(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

Json cellJson(const Cell& c) {
  if (const auto* i = std::get_if<std::int64_t>(&c)) return *i;
  if (const auto* d = std::get_if<double>(&c)) return std::isfinite(*d) ? Json(*d) : Json(nullptr);
  if (const auto* t = std::get_if<std::string>(&c)) return *t;
  return nullptr;
}

// "2020-10-31T00:00:00Z", or null when the event has no valid start.
Json datetimeOf(const std::optional<std::string>& dateStart) {
  if (!dateStart) return nullptr;
  const std::optional<CivilDate> d = CivilDate::parseIso(*dateStart);
  if (!d) return nullptr;
  return d->iso() + "T00:00:00Z";
}

// The CSV export's event columns (id … confidence) under the same names,
// `datetime` after date_end, then this feature's place.
Json properties(const EventRecord& e, const EventLocation& l, const ActorNames& actors) {
  const auto& columns = eventTableColumns();
  const std::vector<Cell> row = eventTableRow(e, actors);
  Json p = Json::object();
  for (std::size_t k = 0; k < columns.size() && columns[k].name != "locations"; ++k) {
    p[columns[k].name] = cellJson(row[k]);
    if (columns[k].name == "date_end") p["datetime"] = datetimeOf(e.dateStart);
  }
  p["place"] = l.name;
  p["place_id"] = textOrNull(l.id);
  p["country"] = textOrNull(l.country);
  p["admin1"] = textOrNull(l.admin1);
  return p;
}

}  // namespace

void writeGeoJson(const ExportInput& in, const ExportOptions& o, std::ostream& out) {
  Json features = Json::array();
  for (const EventRecord& e : in.events) {
    for (const EventLocation& l : e.locations) {
      // A place without usable coordinates cannot be a Point: no feature.
      if (!std::isfinite(l.lat) || !std::isfinite(l.lon)) continue;
      Json f = Json::object();
      f["type"] = "Feature";
      f["geometry"] = {{"type", "Point"}, {"coordinates", Json::array({l.lon, l.lat})}};
      f["properties"] = properties(e, l, in.actors);
      features.push_back(std::move(f));
    }
  }
  Json doc = Json::object();
  doc["type"] = "FeatureCollection";
  doc["name"] = o.title;
  doc["features"] = std::move(features);
  out << doc.dump(1, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace chronicle
