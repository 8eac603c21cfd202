// Micro-benchmarks of the import stages, one by one, on about 2 MB of
// generated French news (bench/corpus, seed 1), in the order an article goes
// through them: hash (the duplicate check, before any parsing), decode,
// normalise and re-flow, segment, find entities, extract events (given the
// sentences), the whole per-article processing, fuse, and write (a fresh
// database, batches as the importer commits them, FTS5 included). The date
// tagger's own benchmark is temporal_bench.cpp.
//
// Run: build-release/bench/chronicle_bench --benchmark_filter=Stage
// All report bytes/s of article text, so the stages compare directly.
#include <benchmark/benchmark.h>

#include <SQLiteCpp/Transaction.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "CorpusGenerator.hpp"
#include "entities/EntityFinder.hpp"
#include "events/Fusion.hpp"
#include "ingest/CharsetDecoder.hpp"
#include "pipeline/ArticleProcessor.hpp"
#include "pipeline/Importer.hpp"
#include "store/ArticleWriter.hpp"
#include "store/EventStore.hpp"
#include "text/Fold.hpp"
#include "text/Reflow.hpp"
#include "text/TextNormaliser.hpp"
#include "util/Sha256.hpp"

namespace {

using namespace chronicle;

constexpr std::size_t kCorpusBytes = 2'000'000;

const std::vector<RawArticle>& rawArticles() {
  static const std::vector<RawArticle> out = [] {
    const corpus::Generator generator(corpus::Generator::defaultDataDir());
    std::vector<RawArticle> v;
    std::size_t bytes = 0;
    for (std::size_t i = 0; bytes < kCorpusBytes; ++i) {
      const corpus::Article a = generator.article(1, i);
      RawArticle raw;
      raw.name = "bench-" + std::to_string(i);
      raw.origin = raw.name;
      raw.bytes = a.text();
      raw.meta.published = a.published;
      bytes += raw.bytes.size();
      v.push_back(std::move(raw));
    }
    return v;
  }();
  return out;
}

std::int64_t corpusBytes() {
  std::int64_t n = 0;
  for (const auto& a : rawArticles()) n += static_cast<std::int64_t>(a.bytes.size());
  return n;
}

const LexiconSource& lexicon() {
  static const LexiconSource source;
  return source;
}

ArticleProcessor& processor() {
  static ArticleProcessor p(lexicon());
  return p;
}

// The corpus as the extractor leaves it (for the stages after it).
const std::vector<ProcessedArticle>& processed() {
  static const std::vector<ProcessedArticle> out = [] {
    std::vector<ProcessedArticle> v;
    for (const auto& raw : rawArticles()) v.push_back(processor().process(raw));
    return v;
  }();
  return out;
}

template <typename F>
void perArticle(benchmark::State& state, F&& f) {
  for (auto _ : state)
    for (const auto& a : rawArticles()) f(a);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * corpusBytes());
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * rawArticles().size()));
}

void BM_StageHash(benchmark::State& state) {
  perArticle(state, [](const RawArticle& a) { benchmark::DoNotOptimize(sha256Hex(a.bytes)); });
}
BENCHMARK(BM_StageHash);

void BM_StageDecode(benchmark::State& state) {
  perArticle(state, [](const RawArticle& a) { benchmark::DoNotOptimize(decodeToUtf8(a.bytes)); });
}
BENCHMARK(BM_StageDecode);

void BM_StageNormalise(benchmark::State& state) {
  perArticle(state,
             [](const RawArticle& a) { benchmark::DoNotOptimize(reflowHardWrapped(normaliseArticleText(a.bytes))); });
}
BENCHMARK(BM_StageNormalise);

void BM_StageFold(benchmark::State& state) {
  perArticle(state, [](const RawArticle& a) { benchmark::DoNotOptimize(foldWithOffsets(a.bytes)); });
}
BENCHMARK(BM_StageFold);

void BM_StageSegment(benchmark::State& state) {
  SentenceSegmenter segmenter(lexicon());
  perArticle(state, [&](const RawArticle& a) { benchmark::DoNotOptimize(segmenter.segment(a.bytes)); });
}
BENCHMARK(BM_StageSegment);

// Decode, normalise, segment, dateline and title: everything before the
// entities and the events.
void BM_StagePrepare(benchmark::State& state) {
  perArticle(state, [](const RawArticle& a) { benchmark::DoNotOptimize(processor().prepare(a)); });
}
BENCHMARK(BM_StagePrepare);

void BM_StageFindEntities(benchmark::State& state) {
  processed();  // built before the clock starts
  const EntityFinder finder(processor().gazetteer());
  for (auto _ : state)
    for (const auto& a : processed()) benchmark::DoNotOptimize(finder.find(a.text));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * corpusBytes());
}
BENCHMARK(BM_StageFindEntities);

// Events given the sentences and the entities: the extractor's own share.
void BM_StageExtract(benchmark::State& state) {
  processed();
  const EntityFinder finder(processor().gazetteer());
  std::vector<std::vector<EntityMention>> entities;
  for (const auto& a : processed()) entities.push_back(finder.find(a.text));
  for (auto _ : state)
    for (std::size_t i = 0; i < processed().size(); ++i) {
      const ProcessedArticle& a = processed()[i];
      benchmark::DoNotOptimize(processor().events(a.text, a.sentences, a.published, entities[i]));
    }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * corpusBytes());
}
BENCHMARK(BM_StageExtract);

// Everything a worker thread does for one article.
void BM_StageProcessArticle(benchmark::State& state) {
  perArticle(state, [](const RawArticle& a) { benchmark::DoNotOptimize(processor().process(a)); });
}
BENCHMARK(BM_StageProcessArticle);

void BM_StageFuse(benchmark::State& state) {
  std::vector<FusionInput> in;
  std::int64_t id = 0;
  for (std::size_t i = 0; i < processed().size(); ++i)
    for (const EventMention& m : processed()[i].mentions) {
      if (m.modality == "conditional" || m.modality == "negated") continue;
      FusionInput f;
      f.mention = m;
      f.mentionId = ++id;
      f.articleId = static_cast<std::int64_t>(i) + 1;
      f.articleSha = processed()[i].sha256;
      in.push_back(std::move(f));
    }
  for (auto _ : state) benchmark::DoNotOptimize(fuse(in));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * corpusBytes());
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(in.size()));
  state.counters["mentions"] = static_cast<double>(in.size());
}
BENCHMARK(BM_StageFuse);

// The writer: articles, sentences (and their FTS5 index) and mentions into
// a fresh database file, in the importer's batches (ArticleWriter).
void BM_StageWrite(benchmark::State& state) {
  processed();
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "chronicle-bench-write";
  for (auto _ : state) {
    state.PauseTiming();
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    auto db = std::make_unique<Database>(Database::open(dir / "bench.db", Database::Access::ReadWrite));
    state.ResumeTiming();
    db->sql().exec("PRAGMA cache_size = -32768");  // as the importer
    ArticleWriter writer(*db);
    std::size_t inBatch = 0;
    auto tx = std::make_unique<SQLite::Transaction>(db->sql());
    for (const ProcessedArticle& a : processed()) {
      writer.insert(a, "2026-01-01T00:00:00Z");
      if (++inBatch == kImportBatchArticles) {
        writer.index();
        tx->commit();
        tx = std::make_unique<SQLite::Transaction>(db->sql());
        inBatch = 0;
      }
    }
    writer.index();
    tx->commit();
  }
  std::filesystem::remove_all(dir);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * corpusBytes());
}
BENCHMARK(BM_StageWrite)->Unit(benchmark::kMillisecond);

// Fusion and the events table, after the articles are written.
void BM_StageRefuse(benchmark::State& state) {
  processed();
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "chronicle-bench-refuse";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  {
    Database db = Database::open(dir / "bench.db", Database::Access::ReadWrite);
    SQLite::Transaction tx(db.sql());
    ArticleWriter writer(db);
    for (const ProcessedArticle& a : processed()) writer.insert(a, "2026-01-01T00:00:00Z");
    writer.index();
    tx.commit();
  }
  Database db = Database::open(dir / "bench.db", Database::Access::ReadWrite);
  for (auto _ : state) benchmark::DoNotOptimize(EventStore(db).refuse());
  std::filesystem::remove_all(dir);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * corpusBytes());
}
BENCHMARK(BM_StageRefuse)->Unit(benchmark::kMillisecond);

}  // namespace
