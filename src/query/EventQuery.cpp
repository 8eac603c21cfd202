#include "query/EventQuery.hpp"

#include <SQLiteCpp/Statement.h>

#include <map>

#include "store/Columns.hpp"
#include "util/JsonString.hpp"

namespace chronicle {
namespace {

void optStr(std::string& out, std::string_view name, const std::optional<std::string>& v) {
  appendJsonKey(out, name);
  if (v) appendJsonString(out, *v);
  else out += "null";
}
void real(std::string& out, std::string_view name, double v) {
  appendJsonKey(out, name);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  out += buf;
}

}  // namespace

std::vector<EventRecord> queryEvents(Database& db, const EventFilter& f) {
  std::string sql =
      "SELECT e.id, e.type, e.subtype, e.status, e.date_start, e.date_end, e.precision, e.date_text, e.initiator, "
      "e.target, e.mediator, e.claimed_by, e.modality, e.fatalities, e.fatalities_low, e.fatalities_high, "
      "e.source_count, e.article_count, e.confidence FROM events e WHERE 1";
  std::vector<std::string> binds;
  if (f.from) {
    sql += f.within ? " AND e.date_start >= ?" : " AND coalesce(e.date_end, e.date_start) >= ?";
    binds.push_back(f.from->iso());
  }
  if (f.to) {
    sql += f.within ? " AND coalesce(e.date_end, e.date_start) <= ?" : " AND e.date_start <= ?";
    binds.push_back(f.to->iso());
  }
  if (!f.types.empty()) {
    sql += " AND e.type IN (";
    for (std::size_t k = 0; k < f.types.size(); ++k) {
      sql += k ? ",?" : "?";
      binds.push_back(f.types[k]);
    }
    sql += ")";
  }
  if (!f.actor.empty()) {
    sql += " AND ? IN (e.initiator, e.target, e.mediator)";
    binds.push_back(f.actor);
  }
  if (!f.claimedBy.empty()) {
    sql += " AND (e.claimed_by = ? OR EXISTS (SELECT 1 FROM mentions m WHERE m.event_id = e.id AND m.claimed_by = ?))";
    binds.push_back(f.claimedBy);
    binds.push_back(f.claimedBy);
  }
  if (!f.place.empty()) {
    sql += " AND EXISTS (SELECT 1 FROM mentions m JOIN mention_places mp ON mp.mention_id = m.id JOIN places p ON "
           "p.id = mp.place_id WHERE m.event_id = e.id AND (p.id = ? OR p.name = ? COLLATE NOCASE))";
    binds.push_back(f.place);
    binds.push_back(f.place);
  }
  if (f.minSources > 0) {
    sql += " AND e.source_count >= ?";
    binds.push_back(std::to_string(f.minSources));
  }
  if (f.article) {
    sql += " AND EXISTS (SELECT 1 FROM mentions m WHERE m.event_id = e.id AND m.article_id = ?)";
    binds.push_back(std::to_string(*f.article));
  }
  sql += " ORDER BY e.date_start IS NULL, e.date_start, e.date_end, e.type, e.id";
  if (f.limit) sql += " LIMIT " + std::to_string(*f.limit);

  SQLite::Statement st(db.sql(), sql);
  for (std::size_t k = 0; k < binds.size(); ++k) st.bind(static_cast<int>(k + 1), binds[k]);
  std::vector<EventRecord> out;
  std::map<std::string, std::size_t> index;
  while (st.executeStep()) {
    EventRecord e;
    e.id = st.getColumn(0).getString();
    e.type = st.getColumn(1).getString();
    e.subtype = textOrEmpty(st.getColumn(2));
    e.status = textOrEmpty(st.getColumn(3));
    e.dateStart = optionalText(st.getColumn(4));
    e.dateEnd = optionalText(st.getColumn(5));
    e.precision = st.getColumn(6).getString();
    e.dateText = textOrEmpty(st.getColumn(7));
    e.initiator = textOrEmpty(st.getColumn(8));
    e.target = textOrEmpty(st.getColumn(9));
    e.mediator = textOrEmpty(st.getColumn(10));
    e.claimedBy = textOrEmpty(st.getColumn(11));
    e.modality = st.getColumn(12).getString();
    e.fatalities = optionalInt(st.getColumn(13));
    e.fatalitiesLow = optionalInt(st.getColumn(14));
    e.fatalitiesHigh = optionalInt(st.getColumn(15));
    e.sourceCount = st.getColumn(16).getInt64();
    e.articleCount = st.getColumn(17).getInt64();
    e.confidence = st.getColumn(18).getDouble();
    index[e.id] = out.size();
    out.push_back(std::move(e));
  }
  if (out.empty()) return out;

  SQLite::Statement src(db.sql(),
                        "SELECT m.event_id, a.name, a.id, a.published, m.start_byte, m.end_byte, "
                        "substr(CAST(a.text AS BLOB), m.start_byte + 1, m.end_byte - m.start_byte), m.trigger, "
                        "m.date_source, m.claimed_by, m.modality, m.date_text, m.fatalities, m.fatalities_low, "
                        "m.fatalities_high, m.id, a.url, a.source, a.title FROM mentions m JOIN articles a ON a.id = m.article_id "
                        "WHERE m.event_id IS NOT NULL ORDER BY a.published IS NULL, a.published, a.sha256, m.start_byte, m.id");
  while (src.executeStep()) {
    const auto it = index.find(src.getColumn(0).getString());
    if (it == index.end()) continue;
    EventSource s;
    s.article = src.getColumn(1).getString();
    s.articleId = src.getColumn(2).getInt64();
    s.published = optionalText(src.getColumn(3));
    s.start = src.getColumn(4).getInt64();
    s.end = src.getColumn(5).getInt64();
    const SQLite::Column ev = src.getColumn(6);
    s.evidence.assign(static_cast<const char*>(ev.getBlob()), static_cast<std::size_t>(ev.getBytes()));
    s.trigger = src.getColumn(7).getString();
    s.dateSource = textOrEmpty(src.getColumn(8));
    s.claimedBy = textOrEmpty(src.getColumn(9));
    s.modality = src.getColumn(10).getString();
    s.dateText = textOrEmpty(src.getColumn(11));
    s.fatalities = optionalInt(src.getColumn(12));
    s.fatalitiesLow = optionalInt(src.getColumn(13));
    s.fatalitiesHigh = optionalInt(src.getColumn(14));
    s.url = optionalText(src.getColumn(16));
    s.outlet = optionalText(src.getColumn(17));
    s.title = optionalText(src.getColumn(18));
    out[it->second].sources.push_back(std::move(s));
  }
  SQLite::Statement places(db.sql(),
                           "SELECT DISTINCT m.event_id, p.id, p.name, p.country, p.admin1, p.latitude, p.longitude "
                           "FROM mentions m JOIN mention_places mp ON mp.mention_id = m.id JOIN places p ON p.id = "
                           "mp.place_id WHERE m.event_id IS NOT NULL ORDER BY m.event_id, m.id, mp.ordinal");
  while (places.executeStep()) {
    const auto it = index.find(places.getColumn(0).getString());
    if (it == index.end()) continue;
    EventLocation l{places.getColumn(1).getString(), places.getColumn(2).getString(),
                    places.getColumn(3).getString(), textOrEmpty(places.getColumn(4)), places.getColumn(5).getDouble(),
                    places.getColumn(6).getDouble()};
    auto& locs = out[it->second].locations;
    bool seen = false;
    for (const auto& x : locs) seen = seen || x.id == l.id;
    if (!seen) locs.push_back(std::move(l));
  }
  return out;
}

std::string eventJson(const EventRecord& e) {
  std::string out = "{";
  appendJsonKey(out, "id", true);
  appendJsonString(out, e.id);
  appendJsonTextOrNull(out, "type", e.type);
  appendJsonTextOrNull(out, "subtype", e.subtype);
  appendJsonTextOrNull(out, "status", e.status);
  optStr(out, "date_start", e.dateStart);
  optStr(out, "date_end", e.dateEnd);
  appendJsonTextOrNull(out, "precision", e.precision);
  appendJsonTextOrNull(out, "date_text", e.dateText);
  appendJsonTextOrNull(out, "initiator", e.initiator);
  appendJsonTextOrNull(out, "target", e.target);
  appendJsonTextOrNull(out, "mediator", e.mediator);
  appendJsonTextOrNull(out, "claimed_by", e.claimedBy);
  appendJsonKey(out, "locations");
  out += '[';
  for (std::size_t k = 0; k < e.locations.size(); ++k) {
    const EventLocation& l = e.locations[k];
    out += k ? ",{" : "{";
    appendJsonKey(out, "name", true);
    appendJsonString(out, l.name);
    appendJsonTextOrNull(out, "country", l.country);
    appendJsonTextOrNull(out, "admin1", l.admin1);
    real(out, "lat", l.lat);
    real(out, "lon", l.lon);
    appendJsonTextOrNull(out, "place_id", l.id);
    out += '}';
  }
  out += ']';
  appendJsonCountOrNull(out, "fatalities", e.fatalities);
  appendJsonCountOrNull(out, "fatalities_low", e.fatalitiesLow);
  appendJsonCountOrNull(out, "fatalities_high", e.fatalitiesHigh);
  appendJsonCountOrNull(out, "source_count", e.sourceCount);
  appendJsonCountOrNull(out, "article_count", e.articleCount);
  real(out, "confidence", e.confidence);
  appendJsonKey(out, "sources");
  out += '[';
  for (std::size_t k = 0; k < e.sources.size(); ++k) {
    const EventSource& s = e.sources[k];
    out += k ? ",{" : "{";
    appendJsonKey(out, "article", true);
    appendJsonString(out, s.article);
    appendJsonCountOrNull(out, "article_id", s.articleId);
    optStr(out, "published", s.published);
    appendJsonCountOrNull(out, "start", s.start);
    appendJsonCountOrNull(out, "end", s.end);
    appendJsonTextOrNull(out, "evidence", s.evidence);
    appendJsonTextOrNull(out, "trigger", s.trigger);
    appendJsonTextOrNull(out, "date_source", s.dateSource);
    appendJsonTextOrNull(out, "claimed_by", s.claimedBy);
    appendJsonTextOrNull(out, "date_text", s.dateText);
    appendJsonTextOrNull(out, "modality", s.modality);
    appendJsonCountOrNull(out, "fatalities", s.fatalities);
    appendJsonCountOrNull(out, "fatalities_low", s.fatalitiesLow);
    appendJsonCountOrNull(out, "fatalities_high", s.fatalitiesHigh);
    out += '}';
  }
  out += ']';
  appendJsonTextOrNull(out, "modality", e.modality);
  out += '}';
  return out;
}

}  // namespace chronicle
