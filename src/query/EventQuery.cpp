#include "query/EventQuery.hpp"

#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "store/Columns.hpp"
#include "util/JsonString.hpp"

namespace chronicle {
namespace {

// The members of the events contract, each written with the key before it
// (",\"key\":"); empty text is null. Numbers as printf writes them: %lld,
// and %.6g for reals (to_chars with a precision is specified as printf).
void jsonText(std::string& out, std::string_view key, std::string_view v) {
  out += key;
  if (v.empty()) out += "null";
  else appendJsonString(out, v);
}
void jsonOptionalText(std::string& out, std::string_view key, const std::optional<std::string>& v) {
  out += key;
  if (v) appendJsonString(out, *v);
  else out += "null";
}
void jsonCount(std::string& out, std::string_view key, const std::optional<std::int64_t>& v) {
  out += key;
  if (!v) {
    out += "null";
    return;
  }
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, *v);
  out.append(buf, r.ptr);
}
void jsonReal(std::string& out, std::string_view key, double v) {
  out += key;
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::general, 6);
  out.append(buf, r.ptr);
}

// A statement stepped through SQLite's C API, for the loops that read
// millions of values: SQLiteCpp's Column costs two atomic reference counts
// per value read. Values are read as SQLiteCpp reads them; errors are thrown
// as SQLite::Exception, as SQLiteCpp throws them.
class RawStatement {
 public:
  RawStatement(Database& db, const std::string& sql) : db_(db.sql().getHandle()) {
    const int rc = sqlite3_prepare_v2(db_, sql.c_str(), static_cast<int>(sql.size()), &st_, nullptr);
    if (rc != SQLITE_OK) throw SQLite::Exception(db_, rc);
  }
  ~RawStatement() { sqlite3_finalize(st_); }
  RawStatement(const RawStatement&) = delete;
  RawStatement& operator=(const RawStatement&) = delete;

  void bind(int index, const std::string& value) {
    const int rc = sqlite3_bind_text(st_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK) throw SQLite::Exception(db_, rc);
  }
  bool step() {
    const int rc = sqlite3_step(st_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw SQLite::Exception(db_, rc);
  }
  bool isNull(int i) const { return sqlite3_column_type(st_, i) == SQLITE_NULL; }
  std::string_view view(int i) const {
    const auto* p = static_cast<const char*>(sqlite3_column_blob(st_, i));
    return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(st_, i))) : std::string_view();
  }
  std::string text(int i) const { return std::string(view(i)); }
  std::string textOrEmpty(int i) const { return isNull(i) ? std::string() : text(i); }
  std::optional<std::string> optionalText(int i) const {
    if (isNull(i)) return std::nullopt;
    return text(i);
  }
  std::int64_t integer(int i) const { return sqlite3_column_int64(st_, i); }
  std::optional<std::int64_t> optionalInt(int i) const {
    if (isNull(i)) return std::nullopt;
    return integer(i);
  }
  double real(int i) const { return sqlite3_column_double(st_, i); }

 private:
  sqlite3* db_;
  sqlite3_stmt* st_ = nullptr;
};

// The bucket of an event's span, the days from date_start to
// coalesce(date_end, date_start): the least of 0, 7, 31, 92, 366 and 3653
// that holds it; -1 for a backwards interval, a span of more than ten years,
// or a date that is not a valid ISO day (date(d) = d). It is the expression
// of the index events_span (schema/0005_query_indexes.sql): SQLite uses the
// index only for the same expression, so the two must change together.
constexpr std::string_view kSpanBucket =
    "(CASE"
    " WHEN date(date_start) IS NOT date_start OR date(coalesce(date_end, date_start)) IS NOT coalesce(date_end, date_start) THEN -1"
    " WHEN julianday(coalesce(date_end, date_start)) - julianday(date_start) < 0 THEN -1"
    " WHEN julianday(coalesce(date_end, date_start)) - julianday(date_start) = 0 THEN 0"
    " WHEN julianday(coalesce(date_end, date_start)) - julianday(date_start) <= 7 THEN 7"
    " WHEN julianday(coalesce(date_end, date_start)) - julianday(date_start) <= 31 THEN 31"
    " WHEN julianday(coalesce(date_end, date_start)) - julianday(date_start) <= 92 THEN 92"
    " WHEN julianday(coalesce(date_end, date_start)) - julianday(date_start) <= 366 THEN 366"
    " WHEN julianday(coalesce(date_end, date_start)) - julianday(date_start) <= 3653 THEN 3653"
    " ELSE -1 END)";
constexpr std::array<int, 6> kSpanBuckets = {0, 7, 31, 92, 366, 3653};

// Narrows a date filter down to the events it can select, through the index
// events_span, so that a window reads its own events and not every event
// that starts before it. In bucket b >= 0 the days are valid and ordered,
// start <= end <= start + b (end being coalesce(date_end, date_start)), and
// ISO days compare as text in calendar order, so:
//   overlap, end >= from and start <= to:      from - b <= start <= to
//   containment, start >= from and end <= to:  from <= start <= to
// Bucket -1 keeps the bound on date_start the filter itself states. The
// filter's own conditions stay in the query: the result is the same rows.
void appendSpanCandidates(std::string& sql, std::vector<std::string>& binds, const EventFilter& f) {
  const std::optional<std::string> from = f.from ? std::optional<std::string>(f.from->iso()) : std::nullopt;
  const std::optional<std::string> to = f.to ? std::optional<std::string>(f.to->iso()) : std::nullopt;
  bool first = true;
  auto bucket = [&](int b, const std::optional<std::string>& low, const std::optional<std::string>& high) {
    sql += first ? " AND e.rowid IN (" : " UNION ALL ";
    first = false;
    sql += "SELECT rowid FROM events WHERE ";
    sql += kSpanBucket;
    sql += " = " + std::to_string(b);
    if (low) {
      sql += " AND date_start >= ?";
      binds.push_back(*low);
    }
    if (high) {
      sql += " AND date_start <= ?";
      binds.push_back(*high);
    }
  };
  for (int b : kSpanBuckets) bucket(b, f.within || !f.from ? from : std::optional<std::string>(f.from->plusDays(-b).iso()), to);
  bucket(-1, f.within ? from : std::nullopt, f.within ? std::nullopt : to);
  sql += ")";
}

// ORDER BY e.date_start IS NULL, e.date_start, e.date_end, e.type, e.id:
// undated last; NULL before any date_end; text in SQLite's BINARY order,
// which is std::string's (bytes compared as unsigned char, then length).
constexpr const char* kChronologicalOrder = "e.date_start IS NULL, e.date_start, e.date_end, e.type, e.id";

bool chronologicallyBefore(const EventRecord& a, const EventRecord& b) {
  if (a.dateStart.has_value() != b.dateStart.has_value()) return a.dateStart.has_value();
  if (a.dateStart && *a.dateStart != *b.dateStart) return *a.dateStart < *b.dateStart;
  if (a.dateEnd != b.dateEnd) return a.dateEnd < b.dateEnd;  // nullopt first
  if (a.type != b.type) return a.type < b.type;
  return a.id < b.id;
}

// YYYY-MM-DD as the number YYYYMMDD: two such texts compare as their numbers.
std::optional<std::uint32_t> dayNumber(const std::string& d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return std::nullopt;
  std::uint32_t v = 0;
  for (std::size_t i : {0U, 1U, 2U, 3U, 5U, 6U, 8U, 9U}) {
    if (d[i] < '0' || d[i] > '9') return std::nullopt;
    v = v * 10 + static_cast<std::uint32_t>(d[i] - '0');
  }
  return v;
}

// An id written ev-<16 lower-case hex digits> as its number: two such ids
// compare as their numbers.
std::optional<std::uint64_t> idNumber(std::string_view id) {
  if (id.size() != 19 || !id.starts_with("ev-")) return std::nullopt;
  std::uint64_t v = 0;
  for (char c : id.substr(3)) {
    if (c >= '0' && c <= '9') v = v * 16 + static_cast<std::uint64_t>(c - '0');
    else if (c >= 'a' && c <= 'f') v = v * 16 + static_cast<std::uint64_t>(c - 'a' + 10);
    else return std::nullopt;
  }
  return v;
}

// Sorts by chronologicallyBefore, comparing most events by numbers: the
// dates as one (undated last, then date_start, then date_end, NULL first),
// the type by its rank among the types present, the id as its number.
void sortChronologically(std::vector<EventRecord>& events) {
  std::map<std::string_view, std::uint32_t> typeRank;  // in text order
  for (const EventRecord& e : events) typeRank.emplace(e.type, 0);
  std::uint32_t rank = 0;
  for (auto& [type, r] : typeRank) r = rank++;
  struct Key {
    std::uint64_t dates = 0, id = 0;
    std::uint32_t type = 0;
    bool exact = false;  // the numbers hold the order of this event
    std::size_t index = 0;
  };
  std::vector<Key> keys(events.size());
  for (std::size_t k = 0; k < events.size(); ++k) {
    const EventRecord& e = events[k];
    Key& key = keys[k];
    key.index = k;
    const auto start = e.dateStart ? dayNumber(*e.dateStart) : std::optional<std::uint32_t>(0);
    const auto end = e.dateEnd ? dayNumber(*e.dateEnd) : std::optional<std::uint32_t>(0);
    const auto id = idNumber(e.id);
    key.exact = start && end && id;
    if (!key.exact) continue;
    key.dates = (std::uint64_t{e.dateStart ? 0U : 1U} << 63) | (std::uint64_t{*start} << 32) |
                (std::uint64_t{e.dateEnd ? 1U : 0U} << 31) | *end;
    key.type = typeRank[e.type];
    key.id = *id;
  }
  std::sort(keys.begin(), keys.end(), [&](const Key& a, const Key& b) {
    if (!(a.exact && b.exact)) return chronologicallyBefore(events[a.index], events[b.index]);
    if (a.dates != b.dates) return a.dates < b.dates;
    if (a.type != b.type) return a.type < b.type;
    return a.id < b.id;
  });
  // Into that order in place, cycle by cycle (no second vector of records).
  std::vector<bool> placed(events.size(), false);
  for (std::size_t start = 0; start < keys.size(); ++start) {
    if (placed[start] || keys[start].index == start) continue;
    EventRecord held = std::move(events[start]);
    std::size_t at = start;
    while (keys[at].index != start) {
      events[at] = std::move(events[keys[at].index]);
      placed[at] = true;
      at = keys[at].index;
    }
    events[at] = std::move(held);
    placed[at] = true;
  }
}

// A JSON array, for `IN (SELECT value FROM json_each(?))`.
std::string jsonArray(const std::vector<EventRecord>& events) {
  std::string out = "[";
  for (const EventRecord& e : events) {
    if (out.size() > 1) out += ',';
    appendJsonString(out, e.id);
  }
  return out + "]";
}

// The numeric ids of `items` (`idOf` of each) as a JSON array.
template <typename Items, typename IdOf>
std::string jsonIds(const Items& items, IdOf idOf) {
  std::string out = "[";
  for (const auto& x : items) {
    if (out.size() > 1) out += ',';
    out += std::to_string(idOf(x));
  }
  return out + "]";
}

// The mentions fused into the events of `out`, as (mention id, index into
// out), by mention id. A few events are looked up through mentions_event
// (its entries hold the mention ids: no row is read); many, or every one, in
// one pass over that index. Either way the rows come by event id, and are
// matched against the events sorted by id.
std::vector<std::pair<std::int64_t, std::size_t>> mentionsOf(Database& db, const std::vector<EventRecord>& out,
                                                             bool probe) {
  std::vector<std::size_t> byId(out.size());
  for (std::size_t k = 0; k < out.size(); ++k) byId[k] = k;
  {
    std::vector<std::uint64_t> numbers(out.size());
    bool numeric = true;
    for (std::size_t k = 0; k < out.size() && numeric; ++k) {
      const auto n = idNumber(out[k].id);
      numeric = n.has_value();
      if (numeric) numbers[k] = *n;
    }
    if (numeric) std::sort(byId.begin(), byId.end(), [&](std::size_t a, std::size_t b) { return numbers[a] < numbers[b]; });
    else std::sort(byId.begin(), byId.end(), [&](std::size_t a, std::size_t b) { return out[a].id < out[b].id; });
  }
  auto idAt = [&](std::vector<std::size_t>::const_iterator it) -> std::string_view { return out[*it].id; };
  RawStatement st(db, std::string("SELECT m.event_id, m.id FROM mentions m WHERE ") +
                          (probe ? "m.event_id IN (SELECT value FROM json_each(?))" : "m.event_id IS NOT NULL"));
  if (probe) st.bind(1, jsonArray(out));
  std::vector<std::pair<std::int64_t, std::size_t>> mentions;
  mentions.reserve(out.size() * 2);
  auto next = byId.cbegin();
  std::string previous;
  while (st.step()) {
    const std::string_view id = st.view(0);
    if (id < previous)  // not by event id after all: search
      next = std::lower_bound(byId.cbegin(), byId.cend(), id,
                              [&](std::size_t k, std::string_view v) { return std::string_view(out[k].id) < v; });
    if (id != previous) previous.assign(id);
    while (next != byId.cend() && idAt(next) < id) ++next;
    if (next != byId.cend() && idAt(next) == id) mentions.emplace_back(st.integer(1), *next);
  }
  std::sort(mentions.begin(), mentions.end());
  return mentions;
}

// The event of each mention id of `mentions` (pairs of mention id and event,
// by mention id), for rows read by ascending mention id: a cursor follows
// them, and a binary search finds an id that comes out of order.
class MentionCursor {
 public:
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  explicit MentionCursor(const std::vector<std::pair<std::int64_t, std::size_t>>& mentions)
      : mentions_(mentions), next_(mentions.begin()) {}
  std::size_t eventOf(std::int64_t id) {
    if (id < previous_) next_ = std::lower_bound(mentions_.begin(), mentions_.end(), std::make_pair(id, std::size_t{0}));
    previous_ = id;
    while (next_ != mentions_.end() && next_->first < id) ++next_;
    return next_ != mentions_.end() && next_->first == id ? next_->second : kNone;
  }

 private:
  const std::vector<std::pair<std::int64_t, std::size_t>>& mentions_;
  std::vector<std::pair<std::int64_t, std::size_t>>::const_iterator next_;
  std::int64_t previous_ = 0;
};

// The WHERE clause that keeps the rows whose `column` is one of the ids bound
// as a JSON array (SQLite looks them up in ascending order, so pages are
// read in order), or none when every row is wanted.
std::string whereIdIn(std::string_view column, bool all) {
  return all ? std::string() : " WHERE " + std::string(column) + " IN (SELECT value FROM json_each(?))";
}

// Fills each event's sources: its mentions, with their article and evidence
// sentence, in the order of the whole-table query this replaces: by the
// article's publication date (undated last), the article's hash, the offset,
// the mention id. Each source is made in place (the events' vectors are
// sized first); the articles are then read once each, in id order.
void attachSources(Database& db, std::vector<EventRecord>& out,
                   const std::vector<std::pair<std::int64_t, std::size_t>>& mentions, bool all) {
  {
    std::vector<std::size_t> count(out.size(), 0);
    for (const auto& m : mentions) ++count[m.second];
    for (std::size_t e = 0; e < out.size(); ++e) out[e].sources.reserve(count[e]);
  }
  // Where each source is, by article: filled in by the pass over the articles.
  struct Slot {
    std::int64_t articleId = 0, mentionId = 0;
    std::size_t event = 0, position = 0;
  };
  std::vector<Slot> slots;
  slots.reserve(mentions.size());
  {
    RawStatement st(db, "SELECT m.id, m.article_id, m.start_byte, m.end_byte, m.trigger, m.date_source, "
                        "m.claimed_by, m.modality, m.date_text, m.fatalities, m.fatalities_low, "
                        "m.fatalities_high FROM mentions m" + whereIdIn("m.id", all));
    if (!all) st.bind(1, jsonIds(mentions, [](const auto& m) { return m.first; }));
    MentionCursor cursor(mentions);
    while (st.step()) {
      const std::int64_t id = st.integer(0);
      const std::size_t event = cursor.eventOf(id);
      if (event == MentionCursor::kNone) continue;
      auto& sources = out[event].sources;
      EventSource& s = sources.emplace_back();
      s.articleId = st.integer(1);
      s.start = st.integer(2);
      s.end = st.integer(3);
      s.trigger = st.text(4);
      s.dateSource = st.textOrEmpty(5);
      s.claimedBy = st.textOrEmpty(6);
      s.modality = st.text(7);
      s.dateText = st.textOrEmpty(8);
      s.fatalities = st.optionalInt(9);
      s.fatalitiesLow = st.optionalInt(10);
      s.fatalitiesHigh = st.optionalInt(11);
      slots.push_back({s.articleId, id, event, sources.size() - 1});
    }
  }

  // The articles, each read once: metadata, and the evidence sentences cut
  // from the text as substr(CAST(text AS BLOB), start_byte + 1, end_byte -
  // start_byte) cuts them (the schema's CHECK keeps 0 <= start < end).
  std::sort(slots.begin(), slots.end(), [](const Slot& a, const Slot& b) { return a.articleId < b.articleId; });
  struct ArticleKey {
    std::int64_t id = 0;
    std::string sha256;  // part of the sources' order
  };
  std::vector<ArticleKey> articles;
  for (const Slot& slot : slots)
    if (articles.empty() || articles.back().id != slot.articleId) articles.push_back({slot.articleId, {}});
  std::vector<bool> found(articles.size(), false);
  if (!articles.empty()) {
    RawStatement st(db, "SELECT id, name, published, url, source, title, sha256, text FROM articles" +
                            whereIdIn("id", all));
    if (!all) st.bind(1, jsonIds(articles, [](const ArticleKey& a) { return a.id; }));
    while (st.step()) {
      const std::int64_t id = st.integer(0);
      const auto a = std::lower_bound(articles.begin(), articles.end(), id,
                                      [](const ArticleKey& x, std::int64_t v) { return x.id < v; });
      if (a == articles.end() || a->id != id) continue;
      found[static_cast<std::size_t>(a - articles.begin())] = true;
      a->sha256 = st.text(6);
      const std::string name = st.text(1);
      const std::optional<std::string> published = st.optionalText(2), url = st.optionalText(3),
                                       outlet = st.optionalText(4), title = st.optionalText(5);
      const std::string_view text = st.view(7);
      auto slot = std::lower_bound(slots.begin(), slots.end(), id,
                                   [](const Slot& x, std::int64_t v) { return x.articleId < v; });
      for (; slot != slots.end() && slot->articleId == id; ++slot) {
        EventSource& s = out[slot->event].sources[slot->position];
        s.article = name;
        s.published = published;
        s.url = url;
        s.outlet = outlet;
        s.title = title;
        const auto start = static_cast<std::size_t>(s.start);
        if (s.start >= 0 && s.end > s.start && start < text.size())
          s.evidence.assign(text.substr(start, static_cast<std::size_t>(s.end - s.start)));
      }
    }
  }

  // Each event's sources in order; a source whose article is missing is
  // left out, as the join left it out.
  std::vector<std::size_t> keyOf;  // per event and position: index into articles, or npos
  constexpr std::size_t kMissing = static_cast<std::size_t>(-1);
  std::vector<std::size_t> firstOf(out.size() + 1, 0);
  for (std::size_t e = 0; e < out.size(); ++e) firstOf[e + 1] = firstOf[e] + out[e].sources.size();
  keyOf.assign(firstOf.back(), kMissing);
  std::vector<std::int64_t> mentionOf(firstOf.back(), 0);
  bool missing = false;
  {
    std::size_t a = 0;
    for (const Slot& slot : slots) {
      while (articles[a].id != slot.articleId) ++a;
      const std::size_t k = firstOf[slot.event] + slot.position;
      mentionOf[k] = slot.mentionId;
      if (found[a]) keyOf[k] = a;
      else missing = true;
    }
  }
  std::vector<std::size_t> order;
  std::vector<EventSource> sorted;
  for (std::size_t e = 0; e < out.size(); ++e) {
    auto& sources = out[e].sources;
    if (sources.size() < 2 && !missing) continue;
    const std::size_t base = firstOf[e];
    order.clear();
    for (std::size_t k = 0; k < sources.size(); ++k)
      if (keyOf[base + k] != kMissing) order.push_back(k);
    std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
      const EventSource &a = sources[x], &b = sources[y];
      if (a.published.has_value() != b.published.has_value()) return a.published.has_value();
      if (a.published && *a.published != *b.published) return *a.published < *b.published;
      const std::string &sa = articles[keyOf[base + x]].sha256, &sb = articles[keyOf[base + y]].sha256;
      if (sa != sb) return sa < sb;
      if (a.start != b.start) return a.start < b.start;
      return mentionOf[base + x] < mentionOf[base + y];
    });
    bool inOrder = order.size() == sources.size();
    for (std::size_t k = 0; inOrder && k < order.size(); ++k) inOrder = order[k] == k;
    if (inOrder) continue;
    sorted.clear();
    for (std::size_t k : order) sorted.push_back(std::move(sources[k]));
    sources.assign(std::make_move_iterator(sorted.begin()), std::make_move_iterator(sorted.end()));
  }
}

// A place named by a mention of an event: index into out, the mention, its
// position in the mention, the place id.
struct PlaceRef {
  std::size_t event = 0;
  std::int64_t mentionId = 0, ordinal = 0;
  std::string placeId;
};

// The places named by the mentions of `mentions` (by mention id).
std::vector<PlaceRef> placesOfMentions(Database& db, const std::vector<std::pair<std::int64_t, std::size_t>>& mentions,
                                       bool all) {
  std::vector<PlaceRef> refs;
  RawStatement st(db, "SELECT mention_id, ordinal, place_id FROM mention_places" + whereIdIn("mention_id", all));
  if (!all) st.bind(1, jsonIds(mentions, [](const auto& m) { return m.first; }));
  // Rows come by mention id (the primary key's order, and the rowids').
  MentionCursor cursor(mentions);
  while (st.step()) {
    const std::int64_t id = st.integer(0);
    const std::size_t event = cursor.eventOf(id);
    if (event != MentionCursor::kNone) refs.push_back({event, id, st.integer(1), st.text(2)});
  }
  return refs;
}

// Fills each event's locations: the places its mentions name, each once, in
// the order of their first naming (by mention id, then position), as the
// whole-table DISTINCT query this replaces gave them.
void attachPlaces(Database& db, std::vector<EventRecord>& out, std::vector<PlaceRef> refs) {
  if (refs.empty()) return;
  std::unordered_map<std::string, EventLocation> places;
  {
    SQLite::Statement st(db.sql(), "SELECT id, name, country, admin1, latitude, longitude FROM places");
    while (st.executeStep()) {
      EventLocation l{st.getColumn(0).getString(), st.getColumn(1).getString(), st.getColumn(2).getString(),
                      textOrEmpty(st.getColumn(3)), st.getColumn(4).getDouble(), st.getColumn(5).getDouble()};
      places.emplace(l.id, std::move(l));
    }
  }
  std::sort(refs.begin(), refs.end(), [](const PlaceRef& a, const PlaceRef& b) {
    if (a.event != b.event) return a.event < b.event;
    if (a.mentionId != b.mentionId) return a.mentionId < b.mentionId;
    return a.ordinal < b.ordinal;
  });
  for (const PlaceRef& r : refs) {
    const auto it = places.find(r.placeId);
    if (it == places.end()) continue;
    auto& locs = out[r.event].locations;
    bool seen = false;
    for (const auto& x : locs) seen = seen || x.id == r.placeId;
    if (!seen) locs.push_back(it->second);
  }
}

}  // namespace

std::vector<EventRecord> queryEvents(Database& db, const EventFilter& f, EventDetail detail) {
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
  // Only an overlap with a start, or a containment with an end, needs more
  // than one range of events_date: narrow them down through events_span.
  if ((f.from && !f.within) || (f.to && f.within)) appendSpanCandidates(sql, binds, f);
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
  // The chronological order: with a limit SQLite keeps the first rows as it
  // sorts; without, the rows are sorted here, by the same keys (faster than
  // SQLite's sorter on wide rows).
  if (f.limit) sql += std::string(" ORDER BY ") + kChronologicalOrder + " LIMIT " + std::to_string(*f.limit);

  const bool everyEvent = !f.from && !f.to && f.types.empty() && f.actor.empty() && f.claimedBy.empty() &&
                          f.place.empty() && f.minSources <= 0 && !f.article && !f.limit;
  const std::int64_t lastRowid = db.sql().execAndGet("SELECT coalesce(max(rowid), 0) FROM events").getInt64();
  RawStatement st(db, sql);
  for (std::size_t k = 0; k < binds.size(); ++k) st.bind(static_cast<int>(k + 1), binds[k]);
  std::vector<EventRecord> out;
  if (everyEvent) out.reserve(static_cast<std::size_t>(lastRowid));
  while (st.step()) {
    EventRecord& e = out.emplace_back();
    e.id = st.text(0);
    e.type = st.text(1);
    e.subtype = st.textOrEmpty(2);
    e.status = st.textOrEmpty(3);
    e.dateStart = st.optionalText(4);
    e.dateEnd = st.optionalText(5);
    e.precision = st.text(6);
    e.dateText = st.textOrEmpty(7);
    e.initiator = st.textOrEmpty(8);
    e.target = st.textOrEmpty(9);
    e.mediator = st.textOrEmpty(10);
    e.claimedBy = st.textOrEmpty(11);
    e.modality = st.text(12);
    e.fatalities = st.optionalInt(13);
    e.fatalitiesLow = st.optionalInt(14);
    e.fatalitiesHigh = st.optionalInt(15);
    e.sourceCount = st.integer(16);
    e.articleCount = st.integer(17);
    e.confidence = st.real(18);
  }
  if (out.empty()) return out;
  if (!f.limit) sortChronologically(out);
  // Every event, or so many that one pass over the mentions costs less than
  // looking theirs up (as many as a fifth of the events).
  const bool all = everyEvent || static_cast<std::int64_t>(out.size()) * 5 >= lastRowid;
  // The mentions by id, so that their rows and places are read in order.
  const auto mentions = mentionsOf(db, out, !all);
  if (detail == EventDetail::Full) attachSources(db, out, mentions, all);
  attachPlaces(db, out, placesOfMentions(db, mentions, all));
  return out;
}

void appendEventJson(std::string& out, const EventRecord& e) {
  out += "{\"id\":";
  appendJsonString(out, e.id);
  jsonText(out, ",\"type\":", e.type);
  jsonText(out, ",\"subtype\":", e.subtype);
  jsonText(out, ",\"status\":", e.status);
  jsonOptionalText(out, ",\"date_start\":", e.dateStart);
  jsonOptionalText(out, ",\"date_end\":", e.dateEnd);
  jsonText(out, ",\"precision\":", e.precision);
  jsonText(out, ",\"date_text\":", e.dateText);
  jsonText(out, ",\"initiator\":", e.initiator);
  jsonText(out, ",\"target\":", e.target);
  jsonText(out, ",\"mediator\":", e.mediator);
  jsonText(out, ",\"claimed_by\":", e.claimedBy);
  out += ",\"locations\":[";
  for (std::size_t k = 0; k < e.locations.size(); ++k) {
    const EventLocation& l = e.locations[k];
    out += k ? ",{\"name\":" : "{\"name\":";
    appendJsonString(out, l.name);
    jsonText(out, ",\"country\":", l.country);
    jsonText(out, ",\"admin1\":", l.admin1);
    jsonReal(out, ",\"lat\":", l.lat);
    jsonReal(out, ",\"lon\":", l.lon);
    jsonText(out, ",\"place_id\":", l.id);
    out += '}';
  }
  out += ']';
  jsonCount(out, ",\"fatalities\":", e.fatalities);
  jsonCount(out, ",\"fatalities_low\":", e.fatalitiesLow);
  jsonCount(out, ",\"fatalities_high\":", e.fatalitiesHigh);
  jsonCount(out, ",\"source_count\":", e.sourceCount);
  jsonCount(out, ",\"article_count\":", e.articleCount);
  jsonReal(out, ",\"confidence\":", e.confidence);
  out += ",\"sources\":[";
  for (std::size_t k = 0; k < e.sources.size(); ++k) {
    const EventSource& s = e.sources[k];
    out += k ? ",{\"article\":" : "{\"article\":";
    appendJsonString(out, s.article);
    jsonCount(out, ",\"article_id\":", s.articleId);
    jsonOptionalText(out, ",\"published\":", s.published);
    jsonCount(out, ",\"start\":", s.start);
    jsonCount(out, ",\"end\":", s.end);
    jsonText(out, ",\"evidence\":", s.evidence);
    jsonText(out, ",\"trigger\":", s.trigger);
    jsonText(out, ",\"date_source\":", s.dateSource);
    jsonText(out, ",\"claimed_by\":", s.claimedBy);
    jsonText(out, ",\"date_text\":", s.dateText);
    jsonText(out, ",\"modality\":", s.modality);
    jsonCount(out, ",\"fatalities\":", s.fatalities);
    jsonCount(out, ",\"fatalities_low\":", s.fatalitiesLow);
    jsonCount(out, ",\"fatalities_high\":", s.fatalitiesHigh);
    out += '}';
  }
  out += ']';
  jsonText(out, ",\"modality\":", e.modality);
  out += '}';
}

}  // namespace chronicle
