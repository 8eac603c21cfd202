// RFC 7946 FeatureCollection: one Point feature per (event, place), for QGIS
// and kepler.gl. Property names are the CSV export's where they overlap, so a
// layer joins back to the table; `datetime` is the ISO timestamp kepler.gl's
// time playback needs. Coordinates are [longitude, latitude] (RFC 7946 §3.1.1).
#include <cmath>

#include <nlohmann/json.hpp>

#include "export/EventWriter.hpp"

namespace chronicle {
namespace {

using Json = nlohmann::ordered_json;

Json textOrNull(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

Json optTextOrNull(const std::optional<std::string>& s) {
  return s && !s->empty() ? Json(*s) : Json(nullptr);
}

Json countOrNull(const std::optional<std::int64_t>& n) { return n ? Json(*n) : Json(nullptr); }

Json realOrNull(double v) { return std::isfinite(v) ? Json(v) : Json(nullptr); }

// "2020-10-31T00:00:00Z", or null when the event has no valid start.
Json datetimeOf(const std::optional<std::string>& dateStart) {
  if (!dateStart) return nullptr;
  const std::optional<CivilDate> d = CivilDate::parseIso(*dateStart);
  if (!d) return nullptr;
  return d->iso() + "T00:00:00Z";
}

Json properties(const EventRecord& e, const EventLocation& l, const ActorNames& actors) {
  Json p = Json::object();
  p["id"] = e.id;
  p["type"] = textOrNull(e.type);
  p["subtype"] = textOrNull(e.subtype);
  p["status"] = textOrNull(e.status);
  p["date_start"] = optTextOrNull(e.dateStart);
  p["date_end"] = optTextOrNull(e.dateEnd);
  p["datetime"] = datetimeOf(e.dateStart);
  p["precision"] = textOrNull(e.precision);
  p["date_text"] = textOrNull(e.dateText);
  p["initiator"] = textOrNull(e.initiator);
  p["initiator_name"] = e.initiator.empty() ? Json(nullptr) : Json(actors(e.initiator));
  p["target"] = textOrNull(e.target);
  p["target_name"] = e.target.empty() ? Json(nullptr) : Json(actors(e.target));
  p["mediator"] = textOrNull(e.mediator);
  p["claimed_by"] = textOrNull(e.claimedBy);
  p["modality"] = textOrNull(e.modality);
  p["fatalities"] = countOrNull(e.fatalities);
  p["fatalities_low"] = countOrNull(e.fatalitiesLow);
  p["fatalities_high"] = countOrNull(e.fatalitiesHigh);
  p["source_count"] = e.sourceCount;
  p["article_count"] = e.articleCount;
  p["confidence"] = realOrNull(e.confidence);
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
