#include "store/EventStore.hpp"

#include <SQLiteCpp/Statement.h>


namespace chronicle {
namespace {

void bindText(SQLite::Statement& st, int i, const std::string& v) {
  if (v.empty()) st.bind(i);
  else st.bind(i, v);
}

void bindDate(SQLite::Statement& st, int i, const std::optional<CivilDate>& d) {
  if (d) st.bind(i, d->iso());
  else st.bind(i);
}

void bindCount(SQLite::Statement& st, int i, const std::optional<long>& v) {
  if (v) st.bind(i, static_cast<std::int64_t>(*v));
  else st.bind(i);
}

std::string text(const SQLite::Column& c) { return c.isNull() ? std::string() : c.getString(); }

std::optional<long> count(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return static_cast<long>(c.getInt64());
}

std::optional<CivilDate> date(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return CivilDate::parseIso(c.getString());
}

}  // namespace

void EventStore::insertMentions(std::int64_t articleId, const std::vector<EventMention>& mentions) {
  if (mentions.empty()) return;
  SQLite::Statement st(db_.sql(),
                       "INSERT INTO mentions (article_id, sentence, start_byte, end_byte, trigger_start, trigger_end, "
                       "trigger, type, subtype, status, date_start, date_end, precision, date_text, date_source, "
                       "initiator, target, mediator, claimed_by, modality, fatalities, fatalities_low, "
                       "fatalities_high, wounded, captured, confidence, why) "
                       "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  SQLite::Statement place(db_.sql(),
                          "INSERT OR IGNORE INTO places (id, name, kind, country, admin1, region, latitude, longitude) "
                          "VALUES (?,?,?,?,?,?,?,?)");
  SQLite::Statement link(db_.sql(), "INSERT INTO mention_places (mention_id, place_id, ordinal) VALUES (?,?,?)");
  for (const EventMention& m : mentions) {
    int i = 0;
    st.bind(++i, articleId);
    st.bind(++i, static_cast<std::int64_t>(m.sentence));
    st.bind(++i, static_cast<std::int64_t>(m.start));
    st.bind(++i, static_cast<std::int64_t>(m.end));
    st.bind(++i, static_cast<std::int64_t>(m.triggerStart));
    st.bind(++i, static_cast<std::int64_t>(m.triggerEnd));
    st.bind(++i, m.trigger);
    st.bind(++i, m.type);
    bindText(st, ++i, m.subtype);
    bindText(st, ++i, m.status);
    bindDate(st, ++i, m.dateStart);
    bindDate(st, ++i, m.dateEnd);
    st.bind(++i, m.precision);
    bindText(st, ++i, m.dateText);
    bindText(st, ++i, m.dateSource);
    bindText(st, ++i, m.initiator);
    bindText(st, ++i, m.target);
    bindText(st, ++i, m.mediator);
    bindText(st, ++i, m.claimedBy);
    st.bind(++i, m.modality);
    bindCount(st, ++i, m.fatalities);
    bindCount(st, ++i, m.fatalitiesLow);
    bindCount(st, ++i, m.fatalitiesHigh);
    bindCount(st, ++i, m.wounded);
    bindCount(st, ++i, m.captured);
    st.bind(++i, m.confidence);
    st.bind(++i, m.why);
    st.exec();
    st.reset();
    const std::int64_t id = db_.sql().getLastInsertRowid();
    int ordinal = 0;
    for (const Place* p : m.places) {
      place.bind(1, p->id);
      place.bind(2, p->name);
      place.bind(3, p->kind);
      place.bind(4, p->country);
      bindText(place, 5, p->admin1);
      bindText(place, 6, p->region);
      place.bind(7, p->latitude);
      place.bind(8, p->longitude);
      place.exec();
      place.reset();
      link.bind(1, id);
      link.bind(2, p->id);
      link.bind(3, ordinal++);
      link.exec();
      link.reset();
    }
  }
}

void EventStore::replaceMentions(std::int64_t articleId, const std::vector<EventMention>& mentions) {
  SQLite::Statement del(db_.sql(), "DELETE FROM mentions WHERE article_id = ?");
  del.bind(1, articleId);
  del.exec();
  insertMentions(articleId, mentions);
}

std::size_t EventStore::refuse() {
  std::vector<FusionInput> in;
  SQLite::Statement st(db_.sql(),
                       "SELECT m.id, m.article_id, a.sha256, m.start_byte, m.trigger_start, m.type, m.subtype, "
                       "m.status, m.date_start, m.date_end, m.precision, m.date_text, m.initiator, m.target, "
                       "m.mediator, m.claimed_by, m.modality, m.fatalities, m.fatalities_low, m.fatalities_high, "
                       "m.confidence, m.date_source FROM mentions m JOIN articles a ON a.id = m.article_id "
                       "WHERE m.modality NOT IN ('conditional', 'negated') AND (m.date_start IS NOT NULL OR m.date_source IS NOT NULL)");
  while (st.executeStep()) {
    FusionInput f;
    f.mentionId = st.getColumn(0).getInt64();
    f.articleId = st.getColumn(1).getInt64();
    f.articleSha = st.getColumn(2).getString();
    EventMention& m = f.mention;
    m.start = static_cast<std::size_t>(st.getColumn(3).getInt64());
    m.triggerStart = static_cast<std::size_t>(st.getColumn(4).getInt64());
    m.type = st.getColumn(5).getString();
    m.subtype = text(st.getColumn(6));
    m.status = text(st.getColumn(7));
    m.dateStart = date(st.getColumn(8));
    m.dateEnd = date(st.getColumn(9));
    m.precision = st.getColumn(10).getString();
    m.dateText = text(st.getColumn(11));
    m.initiator = text(st.getColumn(12));
    m.target = text(st.getColumn(13));
    m.mediator = text(st.getColumn(14));
    m.claimedBy = text(st.getColumn(15));
    m.modality = st.getColumn(16).getString();
    m.fatalities = count(st.getColumn(17));
    m.fatalitiesLow = count(st.getColumn(18));
    m.fatalitiesHigh = count(st.getColumn(19));
    m.confidence = st.getColumn(20).getDouble();
    m.dateSource = text(st.getColumn(21));
    in.push_back(std::move(f));
  }
  const std::vector<FusedEvent> events = fuse(in);

  // A savepoint: atomic on its own, and nested in the caller's transaction
  // when there is one (set-date, reprocess).
  db_.sql().exec("SAVEPOINT refuse");
  try {
    writeEvents(in, events);
  } catch (...) {
    db_.sql().exec("ROLLBACK TO refuse");
    db_.sql().exec("RELEASE refuse");
    throw;
  }
  db_.sql().exec("RELEASE refuse");
  return events.size();
}

void EventStore::writeEvents(const std::vector<FusionInput>& in, const std::vector<FusedEvent>& events) {
  db_.sql().exec("UPDATE mentions SET event_id = NULL WHERE event_id IS NOT NULL");
  db_.sql().exec("DELETE FROM events");
  SQLite::Statement ins(db_.sql(),
                        "INSERT INTO events (id, type, subtype, status, date_start, date_end, precision, date_text, "
                        "initiator, target, mediator, claimed_by, modality, fatalities, fatalities_low, "
                        "fatalities_high, source_count, article_count, confidence) "
                        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  SQLite::Statement link(db_.sql(), "UPDATE mentions SET event_id = ? WHERE id = ?");
  for (const FusedEvent& e : events) {
    int i = 0;
    ins.bind(++i, e.id);
    ins.bind(++i, e.type);
    bindText(ins, ++i, e.subtype);
    bindText(ins, ++i, e.status);
    bindDate(ins, ++i, e.dateStart);
    bindDate(ins, ++i, e.dateEnd);
    ins.bind(++i, e.precision);
    bindText(ins, ++i, e.dateText);
    bindText(ins, ++i, e.initiator);
    bindText(ins, ++i, e.target);
    bindText(ins, ++i, e.mediator);
    bindText(ins, ++i, e.claimedBy);
    ins.bind(++i, e.modality);
    bindCount(ins, ++i, e.fatalities);
    bindCount(ins, ++i, e.fatalitiesLow);
    bindCount(ins, ++i, e.fatalitiesHigh);
    ins.bind(++i, static_cast<std::int64_t>(e.sourceCount));
    ins.bind(++i, static_cast<std::int64_t>(e.articleCount));
    ins.bind(++i, e.confidence);
    ins.exec();
    ins.reset();
    for (std::size_t k : e.members) {
      link.bind(1, e.id);
      link.bind(2, in[k].mentionId);
      link.exec();
      link.reset();
    }
  }
}

std::int64_t EventStore::mentionCount() { return db_.sql().execAndGet("SELECT count(*) FROM mentions").getInt64(); }
std::int64_t EventStore::eventCount() { return db_.sql().execAndGet("SELECT count(*) FROM events").getInt64(); }

}  // namespace chronicle
