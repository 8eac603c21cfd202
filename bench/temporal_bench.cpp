// Micro-benchmark of the French date tagger on about 1 MB of generated news
// (bench/corpus, seed 1), each article anchored at its publication date as
// `chronicle` does. Run: build-release/bench/chronicle_bench --benchmark_filter=TagDates
// The side-by-side comparison with chrono-node is scripts/bench-dates.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "CorpusGenerator.hpp"
#include "lexicon/LexiconFile.hpp"
#include "temporal/CivilDate.hpp"
#include "temporal/TemporalTagger.hpp"

namespace {

using namespace chronicle;

struct DatedText {
  std::string text;
  std::optional<CivilDate> published;
};

const std::vector<DatedText>& articles() {
  static const std::vector<DatedText> texts = [] {
    const corpus::Generator generator(corpus::Generator::defaultDataDir());
    std::vector<DatedText> out;
    std::size_t bytes = 0;
    for (std::size_t i = 0; bytes < 1'000'000; ++i) {
      const corpus::Article a = generator.article(1, i);
      out.push_back({a.text(), CivilDate::parseIso(a.published)});
      bytes += out.back().text.size();
    }
    return out;
  }();
  return texts;
}

void tagAll(benchmark::State& state, bool anchored) {
  const LexiconSource lexicon;
  const TemporalTagger tagger(lexicon);
  std::size_t bytes = 0;
  for (const auto& a : articles()) bytes += a.text.size();
  std::size_t mentions = 0;
  for (auto _ : state) {
    mentions = 0;
    for (const auto& a : articles()) {
      TaggerOptions options;
      if (anchored) options.anchor = a.published;
      const auto found = tagger.tag(a.text, options);
      mentions += found.size();
      benchmark::DoNotOptimize(found.data());
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(bytes));
  state.counters["articles"] = static_cast<double>(articles().size());
  state.counters["mentions"] = static_cast<double>(mentions);
}

void BM_TagDates(benchmark::State& state) { tagAll(state, true); }
BENCHMARK(BM_TagDates)->Unit(benchmark::kMillisecond);

// An undated article: nothing relative is resolved, the scanning is the same.
void BM_TagDatesUndated(benchmark::State& state) { tagAll(state, false); }
BENCHMARK(BM_TagDatesUndated)->Unit(benchmark::kMillisecond);

}  // namespace
