#include "store/EventStore.hpp"

#include <SQLiteCpp/Statement.h>

#include <set>

#include "store/Columns.hpp"

namespace chronicle {
namespace {

// mentions keep their counts as long
std::optional<long> countOf(const SQLite::Column& c) {
  const auto v = optionalInt(c);
  if (!v) return std::nullopt;
  return static_cast<long>(*v);
}

// The built-in gazetteer, loaded once, for callers that give none.
const Gazetteer& builtInGazetteer() {
  static const Gazetteer gazetteer{LexiconSource()};
  return gazetteer;
}

}  // namespace

// The counts of the view chronology_by_month, as schema/0005 first wrote them.
const char* const EventStore::kMonthGrouping =
    "SELECT substr(date_start, 1, 7) AS month, type, count(*) AS events, sum(fatalities) AS fatalities, "
    "sum(source_count) AS sources, sum(article_count) AS articles "
    "FROM events WHERE date_start IS NOT NULL AND (precision IN ('day', 'week', 'month') "
    "OR (precision = 'range' AND substr(date_start, 1, 7) = substr(date_end, 1, 7))) GROUP BY 1, 2";

void EventStore::writeMonthSummary(Database& db) {
  db.sql().exec("DELETE FROM event_months");
  db.sql().exec(std::string("INSERT INTO event_months (month, type, events, fatalities, sources, articles) ") +
                kMonthGrouping);
}

MentionWriter::MentionWriter(Database& db)
    : db_(db),
      mention_(db.sql(),
               "INSERT INTO mentions (article_id, sentence, start_byte, end_byte, trigger_start, trigger_end, "
               "trigger, type, subtype, status, date_start, date_end, precision, date_text, date_source, "
               "initiator, target, mediator, claimed_by, modality, fatalities, fatalities_low, "
               "fatalities_high, wounded, captured, confidence, why) "
               "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
      place_(db.sql(),
             "INSERT OR IGNORE INTO places (id, name, kind, country, admin1, region, latitude, longitude) "
             "VALUES (?,?,?,?,?,?,?,?)"),
      link_(db.sql(), "INSERT INTO mention_places (mention_id, place_id, ordinal) VALUES (?,?,?)"),
      clear_(db.sql(), "DELETE FROM mentions WHERE article_id = ?") {}

void MentionWriter::afterRollback() {
  for (SQLite::Statement* st : {&mention_, &place_, &link_, &clear_}) st->tryReset();
  placesWritten_.clear();
}

void MentionWriter::clear(std::int64_t articleId) {
  clear_.bind(1, articleId);
  clear_.exec();
  clear_.reset();
}

void MentionWriter::write(std::int64_t articleId, const std::vector<EventMention>& mentions) {
  SQLite::Statement& st = mention_;
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
    bindOrNull(st, ++i, m.subtype);
    bindOrNull(st, ++i, m.status);
    bindOrNull(st, ++i, m.dateStart);
    bindOrNull(st, ++i, m.dateEnd);
    st.bind(++i, m.precision);
    bindOrNull(st, ++i, m.dateText);
    bindOrNull(st, ++i, m.dateSource);
    bindOrNull(st, ++i, m.initiator);
    bindOrNull(st, ++i, m.target);
    bindOrNull(st, ++i, m.mediator);
    bindOrNull(st, ++i, m.claimedBy);
    st.bind(++i, m.modality);
    bindOrNull(st, ++i, m.fatalities);
    bindOrNull(st, ++i, m.fatalitiesLow);
    bindOrNull(st, ++i, m.fatalitiesHigh);
    bindOrNull(st, ++i, m.wounded);
    bindOrNull(st, ++i, m.captured);
    st.bind(++i, m.confidence);
    st.bind(++i, m.why);
    st.exec();
    st.reset();
    const std::int64_t id = db_.sql().getLastInsertRowid();
    int ordinal = 0;
    for (const Place* p : m.places) {
      // A place is written once per writer; INSERT OR IGNORE keeps one
      // already in the file (from an earlier import) as it is.
      if (placesWritten_.insert(p->id).second) {
        place_.bind(1, p->id);
        place_.bind(2, p->name);
        place_.bind(3, p->kind);
        place_.bind(4, p->country);
        bindOrNull(place_, 5, p->admin1);
        bindOrNull(place_, 6, p->region);
        place_.bind(7, p->latitude);
        place_.bind(8, p->longitude);
        place_.exec();
        place_.reset();
      }
      link_.bind(1, id);
      link_.bind(2, p->id);
      link_.bind(3, ordinal++);
      link_.exec();
      link_.reset();
    }
  }
}

void EventStore::insertMentions(std::int64_t articleId, const std::vector<EventMention>& mentions) {
  if (mentions.empty()) return;
  MentionWriter(db_).write(articleId, mentions);
}

void EventStore::replaceMentions(std::int64_t articleId, const std::vector<EventMention>& mentions) {
  MentionWriter writer(db_);
  writer.clear(articleId);
  writer.write(articleId, mentions);
}

// Fusion joins mentions of one type only (src/events/Fusion.hpp): fusing
// each type on its own gives the same events as fusing all of them at once
// (events are inserted type by type, each type's by id), with the mentions
// of one type in memory at a time instead of every mention of the database.
std::size_t EventStore::refuse() {
  std::vector<std::string> types;
  {
    SQLite::Statement st(db_.sql(), "SELECT DISTINCT type FROM mentions ORDER BY type");
    while (st.executeStep()) types.push_back(st.getColumn(0).getString());
  }
  SQLite::Statement st(db_.sql(),
                       "SELECT m.id, m.article_id, a.sha256, m.start_byte, m.trigger_start, m.type, m.subtype, "
                       "m.status, m.date_start, m.date_end, m.precision, m.date_text, m.initiator, m.target, "
                       "m.mediator, m.claimed_by, m.modality, m.fatalities, m.fatalities_low, m.fatalities_high, "
                       "m.confidence, m.date_source FROM mentions m JOIN articles a ON a.id = m.article_id "
                       "WHERE m.type = ? AND m.modality NOT IN ('conditional', 'negated') "
                       "AND (m.date_start IS NOT NULL OR m.date_source IS NOT NULL)");
  auto mentionsOf = [&](const std::string& type) {
    std::vector<FusionInput> in;
    st.bind(1, type);
    while (st.executeStep()) {
      FusionInput f;
      f.mentionId = st.getColumn(0).getInt64();
      f.articleId = st.getColumn(1).getInt64();
      f.articleSha = st.getColumn(2).getString();
      EventMention& m = f.mention;
      m.start = static_cast<std::size_t>(st.getColumn(3).getInt64());
      m.triggerStart = static_cast<std::size_t>(st.getColumn(4).getInt64());
      m.type = st.getColumn(5).getString();
      m.subtype = textOrEmpty(st.getColumn(6));
      m.status = textOrEmpty(st.getColumn(7));
      m.dateStart = optionalDate(st.getColumn(8));
      m.dateEnd = optionalDate(st.getColumn(9));
      m.precision = st.getColumn(10).getString();
      m.dateText = textOrEmpty(st.getColumn(11));
      m.initiator = textOrEmpty(st.getColumn(12));
      m.target = textOrEmpty(st.getColumn(13));
      m.mediator = textOrEmpty(st.getColumn(14));
      m.claimedBy = textOrEmpty(st.getColumn(15));
      m.modality = st.getColumn(16).getString();
      m.fatalities = countOf(st.getColumn(17));
      m.fatalitiesLow = countOf(st.getColumn(18));
      m.fatalitiesHigh = countOf(st.getColumn(19));
      m.confidence = st.getColumn(20).getDouble();
      m.dateSource = textOrEmpty(st.getColumn(21));
      in.push_back(std::move(f));
    }
    st.reset();
    return in;
  };

  // A savepoint: atomic on its own, and nested in the caller's transaction
  // when there is one (set-date, reprocess).
  db_.sql().exec("SAVEPOINT refuse");
  std::size_t count = 0;
  try {
    db_.sql().exec("UPDATE mentions SET event_id = NULL WHERE event_id IS NOT NULL");
    db_.sql().exec("DELETE FROM events");
    writeGazetteerActors();
    for (const std::string& type : types) {
      const std::vector<FusionInput> in = mentionsOf(type);
      const std::vector<FusedEvent> events = fuse(in);
      writeEvents(in, events);
      count += events.size();
    }
    writeMonthSummary(db_);
  } catch (...) {
    st.tryReset();
    db_.sql().exec("ROLLBACK TO refuse");
    db_.sql().exec("RELEASE refuse");
    throw;
  }
  db_.sql().exec("RELEASE refuse");
  return count;
}

// Every gazetteer actor, names refreshed after a lexicon change.
void EventStore::writeGazetteerActors() {
  const Gazetteer& g = gazetteer_ ? *gazetteer_ : builtInGazetteer();
  SQLite::Statement upsert(db_.sql(),
                           "INSERT INTO actors (code, name, kind) VALUES (?,?,?) ON CONFLICT(code) DO UPDATE SET "
                           "name = excluded.name, kind = excluded.kind "
                           "WHERE name IS NOT excluded.name OR kind IS NOT excluded.kind");
  for (const Actor& a : g.actors()) {
    upsert.bind(1, a.code);
    upsert.bind(2, a.name.empty() ? a.code : a.name);
    bindOrNull(upsert, 3, a.kind);
    upsert.exec();
    upsert.reset();
  }
}

// Any code an event holds that the gazetteer lacks, named by itself: the
// events' foreign keys to actors(code) must resolve before the events are
// inserted.
void EventStore::writeUnknownActors(const std::vector<FusedEvent>& events) {
  const Gazetteer& g = gazetteer_ ? *gazetteer_ : builtInGazetteer();
  std::set<std::string> codes;
  for (const FusedEvent& e : events)
    for (const std::string* code : {&e.initiator, &e.target, &e.mediator, &e.claimedBy})
      if (!code->empty() && !g.actor(*code)) codes.insert(*code);
  SQLite::Statement unknown(db_.sql(), "INSERT OR IGNORE INTO actors (code, name) VALUES (?, ?)");
  for (const std::string& code : codes) {
    unknown.bind(1, code);
    unknown.bind(2, code);
    unknown.exec();
    unknown.reset();
  }
}

void EventStore::writeEvents(const std::vector<FusionInput>& in, const std::vector<FusedEvent>& events) {
  writeUnknownActors(events);
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
    bindOrNull(ins, ++i, e.subtype);
    bindOrNull(ins, ++i, e.status);
    bindOrNull(ins, ++i, e.dateStart);
    bindOrNull(ins, ++i, e.dateEnd);
    ins.bind(++i, e.precision);
    bindOrNull(ins, ++i, e.dateText);
    bindOrNull(ins, ++i, e.initiator);
    bindOrNull(ins, ++i, e.target);
    bindOrNull(ins, ++i, e.mediator);
    bindOrNull(ins, ++i, e.claimedBy);
    ins.bind(++i, e.modality);
    bindOrNull(ins, ++i, e.fatalities);
    bindOrNull(ins, ++i, e.fatalitiesLow);
    bindOrNull(ins, ++i, e.fatalitiesHigh);
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

bool EventStore::fusionPending() {
  return db_.sql()
             .execAndGet("SELECT EXISTS (SELECT 1 FROM mentions WHERE event_id IS NULL AND modality NOT IN "
                         "('conditional', 'negated') AND (date_start IS NOT NULL OR date_source IS NOT NULL))")
             .getInt() != 0;
}

std::int64_t EventStore::mentionCount() { return db_.sql().execAndGet("SELECT count(*) FROM mentions").getInt64(); }
std::int64_t EventStore::eventCount() { return db_.sql().execAndGet("SELECT count(*) FROM events").getInt64(); }

}  // namespace chronicle
