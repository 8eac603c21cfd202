// chronicle_make_events_db: writes a chronicle database holding N generated
// events, for the query benchmarks (bench/query_bench.cpp,
// bench/query-bench.sh). The same options always give the same rows.
//
// The file is opened through the project's own Database class, so the schema
// is the real one (every migration of schema/), and it is filled the way an
// import fills it: the gazetteer's actors and the places the mentions name,
// articles with their text, sentences (and so the FTS5 index, through its
// triggers), mentions pointing at their evidence sentence and at the event
// they fused into, and the events. Types, subtypes, statuses and triggers
// come from lexicon/fr/events/, actors and places from the gazetteer, dates
// are spread over 2018-2024 with the peaks of the war (autumn 2020,
// September 2022, September 2023) at the precisions the extractor finds
// (mostly days; weeks, months, seasons, years, ranges; decades mostly of the
// 1990s; a few undated), and every article holds about 20 events.
//
// Everything is written in one transaction with prepared statements into
// FILE.tmp, which is renamed onto FILE once complete: FILE is whole or absent.
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <limits>
#include <map>
#include <memory>
#include <numeric>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "CorpusGenerator.hpp"
#include "entities/Gazetteer.hpp"
#include "events/EventLexicon.hpp"
#include "query/DateDisplay.hpp"
#include "store/Columns.hpp"
#include "store/Database.hpp"
#include "store/EventStore.hpp"
#include "temporal/CivilDate.hpp"
#include "util/Sha256.hpp"

namespace {

using namespace chronicle;
using corpus::SplitMix64;

constexpr const char* kUsage = R"(Usage: chronicle_make_events_db --events N --out FILE [--seed S]

Creates the chronicle database FILE (it must not exist) holding N generated
events over 2018-2024, with their mentions, sentences and articles (about 20
events per article), the same for the same N and seed. For the query
benchmarks: bench/query_bench.cpp, bench/query-bench.sh.

Options:
  --events N   how many events (required)
  --out FILE   the database to create (required); written as FILE.tmp, then renamed
  --seed S     the seed (default 1)
  -v           print how long each step took
  -h, --help   this help
)";

[[noreturn]] void usage(const std::string& message) {
  std::cerr << "chronicle_make_events_db: " << message << "\n(see --help)\n";
  std::exit(2);
}

std::uint64_t parseCount(std::string_view option, std::string_view text) {
  std::uint64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) usage(std::string(option) + ": not a number: " + std::string(text));
  return value;
}

// A discrete distribution over indices by weight, drawn with one uniform.
class Weighted {
 public:
  Weighted() = default;
  explicit Weighted(const std::vector<double>& weights) {
    double sum = 0;
    for (double w : weights) cumulative_.push_back(sum += w);
  }
  std::size_t operator()(SplitMix64& rng) const {
    const double x = rng.unit() * cumulative_.back();
    const auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), x);
    return std::min(static_cast<std::size_t>(it - cumulative_.begin()), cumulative_.size() - 1);
  }
  bool empty() const { return cumulative_.empty(); }

 private:
  std::vector<double> cumulative_;
};

// splitmix64's finaliser: a bijection of 64-bit words, so distinct event
// numbers give distinct ids.
std::uint64_t mix(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// Rows written many to a statement ("INSERT ... VALUES (...), (...), ..."):
// SQLite's cost per statement (about as much as a row's on this kind of
// machine) is paid once for kRows rows. Values are kept until the rows are
// written; flush() writes what is left.
class RowBatch {
 public:
  static constexpr std::size_t kRows = 32;

  RowBatch(SQLite::Database& db, std::string insert, std::size_t columns)
      : db_(db), insert_(std::move(insert)), columns_(columns), values_(columns * kRows) {}

  RowBatch& null() { return next(Kind::Null); }
  RowBatch& integer(std::int64_t v) {
    Value& x = slot(Kind::Integer);
    x.integer = v;
    return done();
  }
  RowBatch& real(double v) {
    Value& x = slot(Kind::Real);
    x.real = v;
    return done();
  }
  RowBatch& text(std::string v) {
    Value& x = slot(Kind::Text);
    x.text = std::move(v);
    return done();
  }
  RowBatch& textOrNull(std::string v) { return v.empty() ? null() : text(std::move(v)); }
  RowBatch& countOrNull(std::int32_t v) { return v < 0 ? null() : integer(v); }
  RowBatch& dateOrNull(const std::optional<CivilDate>& d) { return d ? text(d->iso()) : null(); }

  void flush() {
    const std::size_t rows = used_ / columns_;
    if (rows == 0) return;
    SQLite::Statement& st = statement(rows);
    for (std::size_t k = 0; k < rows * columns_; ++k) {
      const int index = static_cast<int>(k + 1);
      const Value& v = values_[k];
      switch (v.kind) {
        case Kind::Integer: st.bind(index, v.integer); break;
        case Kind::Real: st.bind(index, v.real); break;
        case Kind::Text: st.bindNoCopy(index, v.text); break;
        case Kind::Null: st.bind(index); break;
      }
    }
    st.exec();
    st.reset();
    used_ = 0;
  }

 private:
  enum class Kind : std::uint8_t { Null, Integer, Real, Text };
  struct Value {
    Kind kind = Kind::Null;
    std::int64_t integer = 0;
    double real = 0;
    std::string text;
  };

  Value& slot(Kind kind) {
    Value& x = values_[used_];
    x.kind = kind;
    return x;
  }
  RowBatch& next(Kind kind) {
    slot(kind);
    return done();
  }
  RowBatch& done() {
    if (++used_ == values_.size()) flush();
    return *this;
  }
  SQLite::Statement& statement(std::size_t rows) {
    auto& st = statements_[rows];
    if (!st) {
      std::string row = "(";
      for (std::size_t c = 0; c < columns_; ++c) row += c ? ",?" : "?";
      row += ")";
      std::string sql = insert_ + " VALUES " + row;
      for (std::size_t r = 1; r < rows; ++r) sql += "," + row;
      st = std::make_unique<SQLite::Statement>(db_, sql);
    }
    return *st;
  }

  SQLite::Database& db_;
  std::string insert_;
  std::size_t columns_;
  std::vector<Value> values_;
  std::size_t used_ = 0;
  std::map<std::size_t, std::unique_ptr<SQLite::Statement>> statements_;
};

// ---------------------------------------------------------------------------
// What is drawn from: the lexicons, with the weights of a conflict's news.

struct TypeChoice {
  std::string type;
  std::vector<TriggerEntry> triggers;  // those written as plain words
};

// An actor code and how often it acts; codes the gazetteer lacks are dropped.
struct ActorWeight {
  const char* code;
  double weight;
};
constexpr std::array<ActorWeight, 14> kSides = {{{"AZE", 32}, {"ARM", 30}, {"NKR", 9}, {"RUS", 8}, {"TUR", 6},
                                                  {"IRN", 2}, {"FRA", 2}, {"USA", 2}, {"GEO", 1}, {"SYR", 1},
                                                  {"UKR", 1}, {"ISR", 1}, {"PKK", 0.5}, {"WAGNER", 0.5}}};
constexpr std::array<ActorWeight, 7> kMediators = {
    {{"RUS", 40}, {"OSCE", 18}, {"EU", 18}, {"USA", 10}, {"FRA", 8}, {"UN", 4}, {"TUR", 2}}};

// Type weights, in kEventTypes order: offensive, ceasefire,
// assistance_request, assistance_response, negotiation, agreement,
// casualties, territorial_change, deployment, accusation.
constexpr std::array<double, 10> kTypeWeights = {34, 8, 3, 3, 7, 4, 15, 5, 6, 15};

constexpr std::array<const char*, 8> kPrecisions = {"day", "week", "month", "season", "year", "decade", "range", "unknown"};
constexpr std::array<double, 8> kPrecisionWeights = {75, 4, 7, 3, 2, 1, 5, 3};

struct Calendar {
  std::vector<CivilDate> months;  // the first day of each month, 2018-01 to 2024-12
  Weighted pick;
};

// How much news each month brings, relative to a quiet month of border
// incidents: the shape of the conflict's event counts (ACLED's monthly
// figures for Armenia and Azerbaijan peak 40 to 60 times above a quiet month
// during the 2020 war).
Calendar newsCalendar() {
  Calendar c;
  std::vector<double> w;
  for (int y = 2018; y <= 2024; ++y)
    for (int m = 1; m <= 12; ++m) {
      c.months.push_back(*CivilDate::make(y, m, 1));
      const int ym = y * 100 + m;
      double x = 1;
      if (ym == 202007) x = 5;                          // the Tovuz clashes
      if (ym == 202009) x = 15;                         // the 44-day war
      if (ym == 202010) x = 60;
      if (ym == 202011) x = 40;
      if (ym == 202012) x = 8;
      if (ym >= 202101 && ym <= 202112) x = ym <= 202106 ? 4 : 3;  // the aftermath
      if (ym == 202111) x = 6;
      if (ym >= 202201 && ym <= 202211) x = 3;
      if (ym == 202209) x = 20;                         // the September 2022 clashes
      if (ym >= 202212 && ym <= 202308) x = 4;          // the Lachin blockade
      if (ym == 202309) x = 30;                         // the September 2023 offensive
      if (ym == 202310) x = 8;
      if (ym >= 202311) x = 2;
      w.push_back(x);
    }
  c.pick = Weighted(w);
  return c;
}

// ---------------------------------------------------------------------------
// The generated rows, compactly.

struct GenEvent {
  std::uint64_t idBits = 0;
  std::uint8_t type = 0, precision = 0, modality = 0;
  std::uint16_t trigger = 0;
  std::int32_t start = 0, end = 0;  // days since 1970-01-01; precision unknown: unused
  std::int16_t initiator = -1, target = -1, mediator = -1, claimedBy = -1;  // into actor codes
  std::int32_t fatalities = -1, fatalitiesLow = -1, fatalitiesHigh = -1;
  std::uint16_t sourceCount = 1, articleCount = 1;
  float confidence = 0;
  std::int32_t place = -1;  // the event's main place, into gazetteer places
  std::int32_t primaryArticle = 0;
  std::int32_t report = 0;  // the day it is reported around (days since 1970-01-01)
};

struct GenMention {
  std::int32_t event = -1;  // -1: a conditional or negated report that founds no event
  std::int32_t article = 0;
};

class EventsDbWriter {
 public:
  EventsDbWriter(std::uint64_t events, std::uint64_t seed)
      : lexicon_(), gazetteer_(lexicon_), events_lexicon_(lexicon_), rng_(seed), seed_(seed), count_(events) {
    loadChoices();
  }

  void write(const std::filesystem::path& out);
  bool verbose = false;
  std::size_t mentionCount() const { return mentions_.size(); }
  std::size_t articleCount() const { return articleCount_; }

 private:
  void loadChoices();
  void generateEvents();
  void assignArticles();
  void writeRows(Database& db);
  std::string sentence(const GenEvent& e, std::int32_t place2, std::size_t& triggerStart, std::size_t& triggerEnd) const;
  // -v: how long each step took.
  void phase(const char* name) {
    const auto now = std::chrono::steady_clock::now();
    if (verbose) std::fprintf(stderr, "  %-32s %6.2f s\n", name, std::chrono::duration<double>(now - last_).count());
    last_ = now;
  }
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();

  std::optional<CivilDate> start(const GenEvent& e) const {
    if (kPrecisions[e.precision] == std::string_view("unknown")) return std::nullopt;
    return CivilDate::fromDays(e.start);
  }
  std::optional<CivilDate> end(const GenEvent& e) const {
    if (kPrecisions[e.precision] == std::string_view("unknown")) return std::nullopt;
    return CivilDate::fromDays(e.end);
  }
  const std::string& actorName(std::int16_t k) const { return actorNames_[static_cast<std::size_t>(k)]; }
  const std::string& actorCode(std::int16_t k) const { return actorCodes_[static_cast<std::size_t>(k)]; }

  LexiconSource lexicon_;
  Gazetteer gazetteer_;
  EventLexicon events_lexicon_;
  SplitMix64 rng_;
  std::uint64_t seed_;
  std::uint64_t count_;

  std::vector<TypeChoice> types_;
  Weighted typePick_, precisionPick_, sidePick_, mediatorPick_, placePick_;
  std::vector<std::string> actorCodes_, actorNames_;  // the drawable codes
  std::vector<std::int16_t> sideIndex_, mediatorIndex_;
  std::vector<std::size_t> placeIndex_;  // drawable places, into gazetteer places
  std::vector<corpus::Source> sources_;
  Calendar calendar_;

  std::vector<GenEvent> events_;
  std::vector<GenMention> mentions_;
  std::size_t articleCount_ = 0, datedArticles_ = 0;
};

void EventsDbWriter::loadChoices() {
  // Event types and their plain-word triggers (no '*' prefix, no '_' gap).
  std::vector<double> typeWeights;
  for (std::size_t t = 0; t < kEventTypes.size(); ++t) {
    TypeChoice c;
    c.type = std::string(kEventTypes[t]);
    types_.push_back(std::move(c));
    typeWeights.push_back(kTypeWeights[t]);
  }
  for (std::size_t id = 0; id < events_lexicon_.triggers().size(); ++id) {
    const TriggerEntry& t = events_lexicon_.trigger(id);
    if (t.phrase.find_first_of("*_") != std::string::npos) continue;
    for (TypeChoice& c : types_)
      if (c.type == t.type) c.triggers.push_back(t);
  }
  for (std::size_t t = 0; t < types_.size(); ++t)
    if (types_[t].triggers.empty()) typeWeights[t] = 0;
  typePick_ = Weighted(typeWeights);
  precisionPick_ = Weighted(std::vector<double>(kPrecisionWeights.begin(), kPrecisionWeights.end()));

  auto actorList = [&](const auto& table, std::vector<std::int16_t>& index) {
    std::vector<double> w;
    for (const ActorWeight& a : table) {
      const Actor* actor = gazetteer_.actor(a.code);
      if (!actor) continue;
      auto it = std::find(actorCodes_.begin(), actorCodes_.end(), actor->code);
      if (it == actorCodes_.end()) {
        actorCodes_.push_back(actor->code);
        actorNames_.push_back(actor->name.empty() ? actor->code : actor->name);
        it = actorCodes_.end() - 1;
      }
      index.push_back(static_cast<std::int16_t>(it - actorCodes_.begin()));
      w.push_back(a.weight);
    }
    return Weighted(w);
  };
  sidePick_ = actorList(kSides, sideIndex_);
  mediatorPick_ = actorList(kMediators, mediatorIndex_);
  if (sidePick_.empty() || mediatorPick_.empty()) throw std::runtime_error("the gazetteer lacks the usual actors");

  // Places: those of Armenia and Azerbaijan (Karabakh included) far more
  // often than the rest of the world, the first listed (the best known) most.
  std::vector<double> w;
  std::size_t local = 0, world = 0;
  const auto& places = gazetteer_.places();
  for (std::size_t k = 0; k < places.size(); ++k) {
    const bool near = places[k].country == "ARM" || places[k].country == "AZE";
    const std::size_t rank = near ? local++ : world++;
    placeIndex_.push_back(k);
    w.push_back((near ? 1.0 : 0.05) / std::pow(1.0 + static_cast<double>(rank), 0.8));
  }
  if (places.empty()) throw std::runtime_error("the gazetteer has no places");
  placePick_ = Weighted(w);

  // Outlets: bench/corpus/sources.txt (name|domain|kind), repeated lines
  // making an outlet more frequent.
  std::ifstream in(corpus::Generator::defaultDataDir() / "sources.txt");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#' || line.starts_with("FORMAT:")) continue;
    const auto a = line.find('|'), b = line.find('|', a + 1);
    if (a == std::string::npos || b == std::string::npos) continue;
    sources_.push_back({line.substr(0, a), line.substr(a + 1, b - a - 1), line.substr(b + 1) == "agency"});
  }
  if (sources_.empty()) sources_.push_back({"AFP", "afp.com", true});
  calendar_ = newsCalendar();
}

void EventsDbWriter::generateEvents() {
  events_.resize(count_);
  const std::uint64_t salt = mix(seed_ * 0x9E3779B97F4A7C15ULL + 0x5EED);
  for (std::uint64_t i = 0; i < count_; ++i) {
    GenEvent& e = events_[i];
    e.idBits = mix(i ^ salt);
    e.type = static_cast<std::uint8_t>(typePick_(rng_));
    const TypeChoice& type = types_[e.type];
    e.trigger = static_cast<std::uint16_t>(rng_.below(type.triggers.size()));
    e.precision = static_cast<std::uint8_t>(precisionPick_(rng_));
    const std::string_view precision = kPrecisions[e.precision];

    const CivilDate month = calendar_.months[calendar_.pick(rng_)];
    const CivilDate day = month.plusDays(static_cast<long>(rng_.below(static_cast<std::size_t>(daysInMonth(month.year, month.month)))));
    CivilDate s = day, t = day;
    if (precision == "day") {
      if (rng_.below(100) < 5) t = day.plusDays(rng_.between(1, 3));  // "14-16 nov. 2021"
    } else if (precision == "week") {
      s = day.plusDays(-day.weekday());
      t = s.plusDays(6);
    } else if (precision == "month") {
      s = month;
      t = *CivilDate::make(month.year, month.month, daysInMonth(month.year, month.month));
    } else if (precision == "season") {  // astronomical, as lexicon/fr/temporal/seasons.txt
      const int md = day.month * 100 + day.day, y = day.year;
      if (md >= 321 && md <= 620) s = *CivilDate::make(y, 3, 21), t = *CivilDate::make(y, 6, 20);
      else if (md >= 621 && md <= 921) s = *CivilDate::make(y, 6, 21), t = *CivilDate::make(y, 9, 21);
      else if (md >= 922 && md <= 1220) s = *CivilDate::make(y, 9, 22), t = *CivilDate::make(y, 12, 20);
      else if (md >= 1221) s = *CivilDate::make(y, 12, 21), t = *CivilDate::make(y + 1, 3, 20);
      else s = *CivilDate::make(y - 1, 12, 21), t = *CivilDate::make(y, 3, 20);
    } else if (precision == "year") {
      s = *CivilDate::make(day.year, 1, 1);
      t = *CivilDate::make(day.year, 12, 31);
    } else if (precision == "decade") {
      // Mostly the first war ("les années 1990"), a history the press recalls.
      const std::size_t h = rng_.below(100);
      const int d = h < 60 ? 1990 : h < 70 ? 1980 : h < 80 ? 2000 : h < 95 ? 2010 : day.year / 10 * 10;
      s = *CivilDate::make(d, 1, 1);
      t = *CivilDate::make(d + 9, 12, 31);
    } else if (precision == "range") {
      t = day.plusDays(rng_.between(2, 45));
    }
    e.report = static_cast<std::int32_t>(day.toDays());
    e.start = static_cast<std::int32_t>(s.toDays());
    e.end = static_cast<std::int32_t>(t.toDays());

    // Sides: most events name an initiator, many a target; symmetric types
    // (ceasefire, negotiation, agreement) often a mediator.
    if (rng_.below(100) < 88) e.initiator = sideIndex_[sidePick_(rng_)];
    if (rng_.below(100) < 75) {
      for (int tries = 0; tries < 8 && (e.target < 0 || e.target == e.initiator); ++tries)
        e.target = sideIndex_[sidePick_(rng_)];
      if (e.target == e.initiator) e.target = -1;
    }
    if (isSymmetricType(type.type) && rng_.below(100) < 40) e.mediator = mediatorIndex_[mediatorPick_(rng_)];
    if (rng_.below(100) < 12) e.claimedBy = rng_.below(2) && e.initiator >= 0 ? e.initiator : sideIndex_[sidePick_(rng_)];
    const std::size_t m = rng_.below(100);
    e.modality = static_cast<std::uint8_t>(m < 92 ? 0 : m < 96 ? 1 : 2);  // asserted, future, rumoured

    // Tolls: most casualty reports, some offensives.
    const bool lethal = type.type == "casualties" ? rng_.below(100) < 85 : type.type == "offensive" && rng_.below(100) < 15;
    if (lethal) {
      const double u = rng_.unit();
      e.fatalities = static_cast<std::int32_t>(1 + std::floor(std::pow(u, 3.0) * 150));
      e.fatalitiesLow = e.fatalitiesHigh = e.fatalities;
      if (rng_.below(100) < 20) e.fatalitiesHigh = e.fatalities + static_cast<std::int32_t>(rng_.between(1, 30));
    }
    // Sources: most events are reported once, a few by many.
    const std::size_t r = rng_.below(100);
    e.sourceCount = static_cast<std::uint16_t>(r < 70 ? 1 : r < 88 ? 2 : r < 95 ? 3 : rng_.between(4, 6));
    e.articleCount = e.sourceCount;
    if (e.sourceCount > 1 && rng_.below(100) < 20) e.articleCount = static_cast<std::uint16_t>(e.sourceCount - 1);
    e.confidence = static_cast<float>(0.5 + 0.45 * rng_.unit());
    if (rng_.below(100) < 80) e.place = static_cast<std::int32_t>(placeIndex_[placePick_(rng_)]);
  }
}

// Articles in publication order, each carrying about 20 events: an event's
// first report is in the article its report day falls to (the day it
// happened, or the day a past is recalled: "les années 1990"), the others in
// the next few articles. Undated events come from undated articles of their own.
void EventsDbWriter::assignArticles() {
  std::vector<std::uint32_t> dated, undated;
  for (std::uint32_t i = 0; i < events_.size(); ++i)
    (kPrecisions[events_[i].precision] == std::string_view("unknown") ? undated : dated).push_back(i);
  std::stable_sort(dated.begin(), dated.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return events_[a].report < events_[b].report; });
  constexpr std::size_t kEventsPerArticle = 20;
  datedArticles_ = std::max<std::size_t>(1, (dated.size() + kEventsPerArticle - 1) / kEventsPerArticle);
  const std::size_t undatedArticles = (undated.size() + kEventsPerArticle - 1) / kEventsPerArticle;
  articleCount_ = datedArticles_ + undatedArticles;

  auto place = [&](const std::vector<std::uint32_t>& list, std::size_t first, std::size_t n) {
    for (std::size_t k = 0; k < list.size(); ++k) {
      GenEvent& e = events_[list[k]];
      const std::size_t a = first + k * n / list.size();
      e.primaryArticle = static_cast<std::int32_t>(a);
      for (std::uint16_t j = 0; j < e.sourceCount; ++j) {
        // The first articleCount mentions in distinct articles, the rest in
        // the first one again (a second sentence of the same article).
        const std::size_t later = j < e.articleCount ? j : 0;
        const std::size_t art = std::min(first + n - 1, a + later);
        mentions_.push_back({static_cast<std::int32_t>(list[k]), static_cast<std::int32_t>(art)});
      }
    }
  };
  place(dated, 0, datedArticles_);
  if (!undated.empty()) place(undated, datedArticles_, undatedArticles);
  // Near the end of the list, later articles run out: recount distinct articles.
  for (std::size_t k = 0; k < mentions_.size();) {
    GenEvent& e = events_[static_cast<std::size_t>(mentions_[k].event)];
    std::vector<std::int32_t> arts;
    for (std::size_t j = 0; j < e.sourceCount; ++j) arts.push_back(mentions_[k + j].article);
    std::sort(arts.begin(), arts.end());
    e.articleCount = static_cast<std::uint16_t>(std::unique(arts.begin(), arts.end()) - arts.begin());
    k += e.sourceCount;
  }
  // Conditional and negated reports, in dated articles: mentions without an
  // event (about one mention in eight; the bundled corpus has one in four).
  const std::size_t extra = events_.size() / 5;
  for (std::size_t k = 0; k < extra; ++k)
    mentions_.push_back({-1, static_cast<std::int32_t>(rng_.below(datedArticles_))});
  // Each article's mentions together, in the order they were made.
  std::stable_sort(mentions_.begin(), mentions_.end(),
                   [](const GenMention& a, const GenMention& b) { return a.article < b.article; });
}

// "13 sept. 2022, Azerbaïdjan bombardement Arménie (Chouchi, Stepanakert)."
// The words are the lexicons': a date as the timeline shows it, actor and
// place names from the gazetteer, the trigger from lexicon/fr/events/.
std::string EventsDbWriter::sentence(const GenEvent& e, std::int32_t place2, std::size_t& triggerStart,
                                     std::size_t& triggerEnd) const {
  std::string s;
  if (start(e)) s += displayDate(start(e), end(e), kPrecisions[e.precision]) + ", ";
  if (e.initiator >= 0) s += actorName(e.initiator) + " ";
  triggerStart = s.size();
  s += types_[e.type].triggers[e.trigger].phrase;
  triggerEnd = s.size();
  if (e.target >= 0) s += " " + actorName(e.target);
  if (e.mediator >= 0) s += ", " + actorName(e.mediator);
  const auto& places = gazetteer_.places();
  if (e.place >= 0) {
    s += " (" + places[static_cast<std::size_t>(e.place)].name;
    if (place2 >= 0 && place2 != e.place) s += ", " + places[static_cast<std::size_t>(place2)].name;
    s += ")";
  }
  s += ".";
  return s;
}

void EventsDbWriter::writeRows(Database& db) {
  SQLite::Database& sql = db.sql();
  // Actors as EventStore::writeActors writes them: every gazetteer actor.
  {
    SQLite::Statement st(sql, "INSERT INTO actors (code, name, kind) VALUES (?,?,?)");
    for (const Actor& a : gazetteer_.actors()) {
      st.bind(1, a.code);
      st.bind(2, a.name.empty() ? a.code : a.name);
      bindOrNull(st, 3, a.kind);
      st.exec();
      st.reset();
    }
  }
  phase("actors");
  // Events, in the order fusion writes them (type, precision, date).
  auto eventId = [](const GenEvent& e) { return "ev-" + corpus::hex64(e.idBits); };
  {
    std::vector<std::uint32_t> order(events_.size());
    std::iota(order.begin(), order.end(), 0U);
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
      const GenEvent &x = events_[a], &y = events_[b];
      if (x.type != y.type) return x.type < y.type;
      if (x.precision != y.precision) return x.precision < y.precision;
      return x.start < y.start;
    });
    RowBatch batch(sql,
                   "INSERT INTO events (id, type, subtype, status, date_start, date_end, precision, date_text, "
                   "initiator, target, mediator, claimed_by, modality, fatalities, fatalities_low, "
                   "fatalities_high, source_count, article_count, confidence)",
                   19);
    for (std::uint32_t k : order) {
      const GenEvent& e = events_[k];
      const TriggerEntry& t = types_[e.type].triggers[e.trigger];
      batch.text(eventId(e)).text(types_[e.type].type).textOrNull(t.subtype).textOrNull(t.status);
      batch.dateOrNull(start(e)).dateOrNull(end(e)).text(kPrecisions[e.precision]);
      if (start(e)) batch.text(displayDate(start(e), end(e), kPrecisions[e.precision]));
      else batch.null();
      for (std::int16_t a : {e.initiator, e.target, e.mediator, e.claimedBy}) a >= 0 ? batch.text(actorCode(a)) : batch.null();
      batch.text(e.modality == 0 ? "asserted" : e.modality == 1 ? "future" : "rumoured");
      batch.countOrNull(e.fatalities).countOrNull(e.fatalitiesLow).countOrNull(e.fatalitiesHigh);
      batch.integer(e.sourceCount).integer(e.articleCount).real(static_cast<double>(e.confidence));
    }
    batch.flush();
  }

  phase("events");
  SQLite::Statement article(sql,
                            "INSERT INTO articles (id, sha256, name, path, url, source, title, published, published_source, "
                            "published_text, language, charset, imported_at, text) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  RowBatch sentenceRows(sql, "INSERT INTO sentences (article_id, ordinal, start_byte, end_byte, text)", 5);
  RowBatch mentionRows(sql,
                       "INSERT INTO mentions (id, article_id, sentence, start_byte, end_byte, trigger_start, trigger_end, "
                       "trigger, type, subtype, status, date_start, date_end, precision, date_text, date_source, "
                       "initiator, target, mediator, claimed_by, modality, fatalities, fatalities_low, "
                       "fatalities_high, wounded, captured, confidence, why, event_id)",
                       29);
  std::int64_t mentionId = 0;
  SQLite::Statement placeRow(sql,
                             "INSERT OR IGNORE INTO places (id, name, kind, country, admin1, region, latitude, longitude) "
                             "VALUES (?,?,?,?,?,?,?,?)");
  RowBatch links(sql, "INSERT INTO mention_places (mention_id, place_id, ordinal)", 3);
  const auto& places = gazetteer_.places();
  std::vector<bool> placeWritten(places.size(), false);

  struct Line {
    std::size_t start, end, triggerStart, triggerEnd;
    std::int32_t place2;
    bool conditional;
    const GenEvent* event;
    GenEvent standIn;  // the report of a mention without an event
  };
  std::vector<Line> lines;
  for (std::size_t k = 0, a = 0; a < articleCount_; ++a) {
    const bool datedArticle = a < datedArticles_;
    // The article's text: its reports, three sentences to a paragraph.
    lines.clear();
    std::string text;
    std::int32_t latest = std::numeric_limits<std::int32_t>::min();
    for (; k < mentions_.size() && static_cast<std::size_t>(mentions_[k].article) == a; ++k) {
      Line l{};
      if (mentions_[k].event >= 0) {
        l.event = &events_[static_cast<std::size_t>(mentions_[k].event)];
        if (l.event->primaryArticle == static_cast<std::int32_t>(a)) latest = std::max(latest, l.event->report);
      } else {
        // A conditional or negated report: drawn like an event, day-dated.
        l.standIn.type = static_cast<std::uint8_t>(typePick_(rng_));
        l.standIn.trigger = static_cast<std::uint16_t>(rng_.below(types_[l.standIn.type].triggers.size()));
        l.standIn.precision = 0;
        l.standIn.start = l.standIn.end = latest == std::numeric_limits<std::int32_t>::min()
                                              ? static_cast<std::int32_t>(CivilDate{2020, 10, 1}.toDays())
                                              : latest;
        l.standIn.initiator = sideIndex_[sidePick_(rng_)];
        l.standIn.confidence = static_cast<float>(0.3 + 0.3 * rng_.unit());
        if (rng_.below(100) < 60) l.standIn.place = static_cast<std::int32_t>(placeIndex_[placePick_(rng_)]);
        l.conditional = true;
      }
      const GenEvent& e = l.event ? *l.event : l.standIn;
      l.place2 = e.place >= 0 && rng_.below(100) < 15 ? static_cast<std::int32_t>(placeIndex_[placePick_(rng_)]) : -1;
      if (!lines.empty()) text += lines.size() % 3 == 0 ? "\n\n" : " ";
      std::size_t ts = 0, te = 0;
      const std::string s = sentence(e, l.place2, ts, te);
      l.start = text.size();
      l.end = l.start + s.size();
      l.triggerStart = l.start + ts;
      l.triggerEnd = l.start + te;
      text += s;
      lines.push_back(l);
    }
    if (lines.empty()) continue;
    text += "\n";
    if (latest == std::numeric_limits<std::int32_t>::min()) latest = lines.front().event ? lines.front().event->report : 0;
    const CivilDate published = CivilDate::fromDays(latest).plusDays(static_cast<long>(rng_.below(3)));
    const corpus::Source& source = sources_[rng_.below(sources_.size())];
    const std::string number = std::to_string(a + 1);

    const std::int64_t articleId = static_cast<std::int64_t>(a + 1);
    const GenEvent& first = lines.front().event ? *lines.front().event : lines.front().standIn;
    int i = 0;
    article.bind(++i, articleId);
    article.bind(++i, sha256Hex(text));
    article.bind(++i, "bench-" + std::string(8 - std::min<std::size_t>(8, number.size()), '0') + number + ".txt");
    article.bind(++i);  // path: the articles came from no file
    article.bind(++i, "https://" + source.domain + "/" + (datedArticle ? published.iso() : std::string("archive")) + "/" + number);
    article.bind(++i, source.name);
    article.bind(++i, first.place >= 0 ? places[static_cast<std::size_t>(first.place)].name + " : " +
                                            types_[first.type].triggers[first.trigger].phrase
                                      : types_[first.type].triggers[first.trigger].phrase);
    if (datedArticle) {
      const bool dateline = source.agency;
      article.bind(++i, published.iso());
      article.bind(++i, dateline ? "dateline" : "metadata");
      article.bind(++i, dateline ? displayDate(published, published, "day") : published.iso());
    } else {
      article.bind(++i);
      article.bind(++i, "unknown");
      article.bind(++i);
    }
    article.bind(++i, "fr");
    article.bind(++i, "UTF-8");
    article.bind(++i, "2025-01-01T00:00:00Z");
    article.bind(++i, text);
    article.exec();
    article.reset();

    for (std::size_t n = 0; n < lines.size(); ++n) {
      const Line& l = lines[n];
      sentenceRows.integer(articleId).integer(static_cast<std::int64_t>(n));
      sentenceRows.integer(static_cast<std::int64_t>(l.start)).integer(static_cast<std::int64_t>(l.end));
      sentenceRows.text(text.substr(l.start, l.end - l.start));

      const GenEvent& e = l.event ? *l.event : l.standIn;
      const TriggerEntry& t = types_[e.type].triggers[e.trigger];
      ++mentionId;
      mentionRows.integer(mentionId).integer(articleId).integer(static_cast<std::int64_t>(n));
      mentionRows.integer(static_cast<std::int64_t>(l.start)).integer(static_cast<std::int64_t>(l.end));
      mentionRows.integer(static_cast<std::int64_t>(l.triggerStart)).integer(static_cast<std::int64_t>(l.triggerEnd));
      mentionRows.text(t.phrase).text(types_[e.type].type).textOrNull(t.subtype).textOrNull(t.status);
      mentionRows.dateOrNull(start(e)).dateOrNull(end(e)).text(kPrecisions[e.precision]);
      if (start(e)) mentionRows.text(displayDate(start(e), end(e), kPrecisions[e.precision]));
      else mentionRows.null();
      const std::size_t ds = rng_.below(100);
      mentionRows.text(!start(e) ? "anchor" : ds < 70 ? "explicit" : ds < 85 ? "anchor" : ds < 95 ? "discourse" : "publication");
      for (std::int16_t x : {e.initiator, e.target, e.mediator, e.claimedBy}) x >= 0 ? mentionRows.text(actorCode(x)) : mentionRows.null();
      mentionRows.text(l.conditional ? (rng_.below(2) ? "conditional" : "negated")
                       : e.modality == 0 ? "asserted" : e.modality == 1 ? "future" : "rumoured");
      mentionRows.countOrNull(e.fatalities).countOrNull(e.fatalitiesLow).countOrNull(e.fatalitiesHigh);
      if (e.fatalities >= 0 && rng_.below(100) < 30) mentionRows.integer(rng_.between(1, 300));
      else mentionRows.null();
      mentionRows.null();  // captured
      mentionRows.real(static_cast<double>(e.confidence));
      mentionRows.text("trigger '" + t.phrase + "' (" + t.where + "); generated by chronicle_make_events_db");
      if (l.event) mentionRows.text(eventId(e));
      else mentionRows.null();

      int ordinal = 0;
      for (std::int32_t p : {e.place, l.place2}) {
        if (p < 0 || (ordinal == 1 && p == e.place)) continue;
        const std::size_t pk = static_cast<std::size_t>(p);
        if (!placeWritten[pk]) {
          const Place& pl = places[pk];
          placeRow.bind(1, pl.id);
          placeRow.bind(2, pl.name);
          placeRow.bind(3, pl.kind);
          placeRow.bind(4, pl.country);
          bindOrNull(placeRow, 5, pl.admin1);
          bindOrNull(placeRow, 6, pl.region);
          placeRow.bind(7, pl.latitude);
          placeRow.bind(8, pl.longitude);
          placeRow.exec();
          placeRow.reset();
          placeWritten[pk] = true;
        }
        links.integer(mentionId).text(places[pk].id).integer(ordinal++);
      }
    }
  }
  sentenceRows.flush();
  mentionRows.flush();
  links.flush();
}

void EventsDbWriter::write(const std::filesystem::path& out) {
  generateEvents();
  assignArticles();
  phase("generate");
  const std::filesystem::path tmp = out.string() + ".tmp";
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(tmp.string() + suffix);
  {
    Database db = Database::open(tmp, Database::Access::ReadWrite);
    SQLite::Database& sql = db.sql();
    // A scratch file until the rename: no journal, no fsync, a cache that
    // holds the indexes, and the foreign keys (which hold by construction)
    // not looked up row by row.
    sql.exec("PRAGMA foreign_keys = OFF");
    sql.exec("PRAGMA journal_mode = OFF");
    sql.exec("PRAGMA synchronous = OFF");
    sql.exec("PRAGMA cache_size = -2000000");
    sql.exec("PRAGMA temp_store = MEMORY");
    SQLite::Transaction tx(sql);
    // The secondary indexes (and a full-text trigger, if this schema has
    // one) are dropped for the load and created again after it, from the
    // schema's own SQL: building an index from sorted rows is faster than
    // keeping it up to date row by row.
    std::vector<std::string> deferred, drops;
    {
      SQLite::Statement st(sql,
                           "SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL AND "
                           "((type = 'index' AND tbl_name IN ('articles', 'events', 'mentions', 'mention_places')) OR "
                           "(type = 'trigger' AND name = 'sentences_ai')) ORDER BY rowid");
      while (st.executeStep()) {
        drops.push_back(std::string(st.getColumn(0).getString() == "index" ? "DROP INDEX " : "DROP TRIGGER ") + "\"" +
                        st.getColumn(1).getString() + "\"");
        deferred.push_back(st.getColumn(2).getString());
      }
    }
    for (const std::string& statement : drops) sql.exec(statement);
    writeRows(db);
    phase("articles, sentences, mentions");
    // The full-text index, as the importer writes it: every sentence in one statement.
    sql.exec("INSERT INTO sentences_fts (rowid, text) SELECT id, text FROM sentences");
    phase("full-text index");
    for (const std::string& statement : deferred) sql.exec(statement);
    phase("indexes");
    // Where the schema records the input each article came from, the input is its text.
    if (sql.tableExists("article_sources"))
      sql.exec("INSERT INTO article_sources (sha256, article_id) SELECT sha256, id FROM articles");
    // The month counts, as the importer writes them after fusion.
    if (sql.tableExists("event_months")) EventStore::writeMonthSummary(db);
    tx.commit();
    sql.exec("PRAGMA journal_mode = WAL");
    phase("commit");
  }
  std::filesystem::rename(tmp, out);
}

}  // namespace

int main(int argc, char** argv) {
  std::optional<std::uint64_t> events;
  std::uint64_t seed = 1;
  std::string out;
  bool verbose = false;
  for (int k = 1; k < argc; ++k) {
    const std::string_view arg = argv[k];
    auto value = [&]() -> std::string_view {
      if (k + 1 >= argc) usage(std::string(arg) + " needs a value");
      return argv[++k];
    };
    if (arg == "-h" || arg == "--help") {
      std::cout << kUsage;
      return 0;
    }
    if (arg == "--events") events = parseCount(arg, value());
    else if (arg == "--seed") seed = parseCount(arg, value());
    else if (arg == "--out") out = std::string(value());
    else if (arg == "-v" || arg == "--verbose") verbose = true;
    else usage("unknown option " + std::string(arg));
  }
  if (!events || *events == 0) usage("--events N (N > 0) is required");
  if (*events > 100'000'000) usage("--events: at most 100000000");
  if (out.empty()) usage("--out FILE is required");
  std::error_code ec;
  if (std::filesystem::exists(out, ec)) usage(out + ": exists; remove it first");

  // One thread uses SQLite here: no mutexes, no memory statistics.
  sqlite3_config(SQLITE_CONFIG_SINGLETHREAD);
  sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  try {
    const auto t0 = std::chrono::steady_clock::now();
    EventsDbWriter writer(*events, seed);
    writer.verbose = verbose;
    writer.write(out);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::fprintf(stderr, "chronicle_make_events_db: %s: %llu events, %zu mentions, %zu articles in %.1f s\n", out.c_str(),
                 static_cast<unsigned long long>(*events), writer.mentionCount(), writer.articleCount(), seconds);
  } catch (const std::exception& e) {
    std::cerr << "chronicle_make_events_db: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
