// Micro-benchmarks of the text stage on the bundled corpus, repeated to a few
// MB: decode+normalise, re-flow, sentence segmentation, folding, and the
// whole per-article processing. Run: build-release/bench/chronicle_bench
#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>
#include <vector>

#include "ingest/CharsetDecoder.hpp"
#include "pipeline/ArticleProcessor.hpp"
#include "text/Fold.hpp"
#include "text/Reflow.hpp"
#include "text/SentenceSegmenter.hpp"
#include "text/TextNormaliser.hpp"
#include "util/FileIO.hpp"

namespace {

using namespace chronicle;

const std::vector<std::string>& corpus() {
  static const std::vector<std::string> texts = [] {
    std::vector<std::string> out;
    for (const auto& e : std::filesystem::directory_iterator(std::string(CHRONICLE_SOURCE_DIR) + "/import/corpus"))
      if (e.path().extension() == ".txt") out.push_back(readFile(e.path()));
    return out;
  }();
  return texts;
}

std::size_t corpusBytes() {
  std::size_t n = 0;
  for (const auto& t : corpus()) n += t.size();
  return n;
}

template <typename F>
void perArticle(benchmark::State& state, F&& f) {
  for (auto _ : state)
    for (const auto& t : corpus()) f(t);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(corpusBytes()));
}

void BM_DecodeNormalise(benchmark::State& state) {
  perArticle(state, [](const std::string& t) { benchmark::DoNotOptimize(normaliseArticleText(decodeToUtf8(t).utf8)); });
}
BENCHMARK(BM_DecodeNormalise);

void BM_Reflow(benchmark::State& state) {
  perArticle(state, [](const std::string& t) { benchmark::DoNotOptimize(reflowHardWrapped(t)); });
}
BENCHMARK(BM_Reflow);

void BM_Segment(benchmark::State& state) {
  const LexiconSource lexicon;
  SentenceSegmenter segmenter(lexicon);
  perArticle(state, [&](const std::string& t) { benchmark::DoNotOptimize(segmenter.segment(t)); });
}
BENCHMARK(BM_Segment);

void BM_Fold(benchmark::State& state) {
  perArticle(state, [](const std::string& t) { benchmark::DoNotOptimize(foldWithOffsets(t)); });
}
BENCHMARK(BM_Fold);

void BM_ProcessArticle(benchmark::State& state) {
  const LexiconSource lexicon;
  ArticleProcessor processor(lexicon);
  perArticle(state, [&](const std::string& t) {
    RawArticle raw;
    raw.name = "bench";
    raw.bytes = t;
    benchmark::DoNotOptimize(processor.process(std::move(raw)));
  });
}
BENCHMARK(BM_ProcessArticle);

}  // namespace
