// Query benchmarks on a database of 1,000,000 generated events
// (bench/make_events_db.cpp): the paths behind
//   chronicle events --from 2021-03-01 --to 2021-03-31   (and timeline)
//   chronicle sql "SELECT * FROM chronology_by_month"    (counts per month)
//   chronicle export --format ndjson                     (every event)
// each called as the command calls it, inside this process.
//
// The database is made once and kept: $CHRONICLE_BENCH_EVENTS_DB, else
// BUILD/bench-data/events-1m.db, created with chronicle_make_events_db
// (about a minute) when it is missing, and brought to this build's schema
// (its migrations) when it is older.
//
// Run: build-release/bench/chronicle_bench --benchmark_filter=Query
// Targets (the performance issue, on a 2-core machine): the month window
// under 10 ms, the counts per month under 100 ms, the export at least
// 200,000 events/s. bench/query-bench.sh measures the commands themselves.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>

#include "entities/Gazetteer.hpp"
#include "export/EventWriter.hpp"
#include "lexicon/LexiconFile.hpp"
#include "query/EventQuery.hpp"
#include "query/ReadOnlyQuery.hpp"
#include "store/Database.hpp"
#include "temporal/CivilDate.hpp"

namespace {

using namespace chronicle;

constexpr std::uint64_t kEvents = 1'000'000;

std::filesystem::path databasePath() {
  if (const char* p = std::getenv("CHRONICLE_BENCH_EVENTS_DB"); p && *p) return p;
  return std::filesystem::path(CHRONICLE_BINARY_DIR) / "bench-data" / "events-1m.db";
}

// The benchmark database, made when missing, migrated when older, then
// opened read-only as the commands open it.
Database& openDatabase() {
  static const std::unique_ptr<Database> db = [] {
    const std::filesystem::path path = databasePath();
    if (!std::filesystem::exists(path)) {
      std::filesystem::create_directories(path.parent_path());
      const std::string command = std::string("'") + CHRONICLE_MAKE_EVENTS_DB + "' --events " + std::to_string(kEvents) +
                                  " --seed 1 --out '" + path.string() + "'";
      std::cerr << "query_bench: making " << path << " (" << kEvents << " events, about a minute)\n";
      if (std::system(command.c_str()) != 0) throw std::runtime_error("query_bench: failed: " + command);
    }
    { Database migrate = Database::open(path, Database::Access::ReadWrite); }
    return std::make_unique<Database>(Database::open(path, Database::Access::ReadOnly));
  }();
  return *db;
}

// The database, or nullptr with the benchmark skipped and the reason shown.
Database* database(benchmark::State& state) {
  try {
    return &openDatabase();
  } catch (const std::exception& e) {
    state.SkipWithError(e.what());
    return nullptr;
  }
}

EventFilter monthWindow() {
  EventFilter f;
  f.from = CivilDate::parseIso("2021-03-01");
  f.to = CivilDate::parseIso("2021-03-31");
  return f;
}

// `chronicle events --from 2021-03-01 --to 2021-03-31` (and `timeline`, which
// reads the same events): queryEvents with the filter EventFilterOptions makes.
void BM_QueryEventsMonthWindow(benchmark::State& state) {
  Database* db = database(state);
  if (!db) return;
  const EventFilter filter = monthWindow();
  std::size_t events = 0, sources = 0;
  for (auto _ : state) {
    const std::vector<EventRecord> out = queryEvents(*db, filter);
    events = out.size();
    sources = 0;
    for (const EventRecord& e : out) sources += e.sources.size();
    benchmark::DoNotOptimize(out.data());
  }
  state.counters["events"] = static_cast<double>(events);
  state.counters["sources"] = static_cast<double>(sources);
  state.counters["target_ms"] = 10;
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * events));
}
BENCHMARK(BM_QueryEventsMonthWindow)->Unit(benchmark::kMillisecond);

// The counts per month: the chronology_by_month view, read as `chronicle sql`
// reads any statement (runReadOnlyQuery).
void BM_QueryChronologyByMonth(benchmark::State& state) {
  Database* db = database(state);
  if (!db) return;
  std::size_t rows = 0;
  for (auto _ : state) {
    const ResultSet r = runReadOnlyQuery(*db, "SELECT * FROM chronology_by_month");
    rows = r.rows.size();
    benchmark::DoNotOptimize(r.rows.data());
  }
  state.counters["rows"] = static_cast<double>(rows);
  state.counters["target_ms"] = 100;
}
BENCHMARK(BM_QueryChronologyByMonth)->Unit(benchmark::kMillisecond);

// `chronicle export --format ndjson`: every event, through queryEvents and the
// ndjson writer of the EventWriter interface, into a string stream as
// ExportCommand writes it (the final write to stdout left out).
void BM_QueryExportNdjson(benchmark::State& state) {
  Database* db = database(state);
  if (!db) return;
  const Gazetteer gazetteer{LexiconSource()};
  const ActorNames actors(gazetteer);
  const ExportOptions options;
  std::size_t events = 0, bytes = 0;
  for (auto _ : state) {
    const std::vector<EventRecord> all = queryEvents(*db, EventFilter{});
    std::ostringstream out;
    writeNdjson(ExportInput{all, actors}, options, out);
    events = all.size();
    bytes = static_cast<std::size_t>(out.tellp());
  }
  state.counters["events"] = static_cast<double>(events);
  state.counters["MB"] = static_cast<double>(bytes) / 1e6;
  state.counters["target_events_per_s"] = 200000;
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * events));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_QueryExportNdjson)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace
