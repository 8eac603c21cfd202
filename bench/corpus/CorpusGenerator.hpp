#pragma once
// A deterministic generator of French news articles about the war in and
// around Nagorno-Karabakh, for benchmarks: the same seed and index always
// give byte-identical articles, on any machine (the PRNG is splitmix64,
// written out; no std:: distribution is used, their output is not portable).
//
// Sentences come from templates (templates.txt) whose {SLOTS} are filled from
// vocabularies (the other *.txt files of the data directory) and from
// built-in slots computed from a calendar date ({DAY}, {MONTH}, {WEEKDAY}…)
// and from random numbers ({N2}, {N4}…). See bench/corpus/README.md.
//
// Article i of seed s depends only on (s, i): the first 1,000 articles of a
// 10,000-article corpus are the 1,000-article corpus.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace chronicle::corpus {

struct Article {
  std::string title;
  std::string published;  // YYYY-MM-DD
  std::string source;     // "AFP", "Le Monde", …
  std::string url;
  std::string body;  // paragraphs separated by blank lines, ending with a line break

  // What an article file holds: the title line, a blank line, the body.
  std::string text() const { return title + "\n\n" + body; }
};

// splitmix64: tiny, fast, and fully specified, so the corpus is portable.
class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n) (modulo bias is irrelevant for these small n); n > 0.
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  // Uniform in [lo, hi].
  long between(long lo, long hi) { return lo + static_cast<long>(below(static_cast<std::size_t>(hi - lo + 1))); }
  // Uniform in [0, 1).
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

 private:
  std::uint64_t state_;
};

// FNV-1a 64 of a byte string, continuing from `hash`.
inline constexpr std::uint64_t kFnvOffset = 0xCBF29CE484222325ULL;
std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t hash = kFnvOffset);
std::string hex64(std::uint64_t value);  // 16 lower-case hex digits

struct Source {
  std::string name;
  std::string domain;
  bool agency = false;  // agency copy opens with a dateline "Erevan, 31 oct 2020 (AFP) -"
};

class Generator {
 public:
  // Loads templates.txt, sources.txt and every other *.txt of `dataDir` as a
  // vocabulary. Throws std::runtime_error "file:line: message" on a bad line,
  // an unknown slot, or fewer than 150 body templates.
  explicit Generator(const std::filesystem::path& dataDir);

  // The data directory of the source tree (bench/corpus), set at build time.
  static std::filesystem::path defaultDataDir();

  Article article(std::uint64_t seed, std::size_t index) const;

  std::size_t bodyTemplateCount() const { return templates_.at("body").size(); }
  std::size_t slotCount() const { return vocab_.size(); }

  // One article per line: the text with every line break turned into a space.
  static std::string asLine(const Article& a);
  // One paragraph (one non-empty line of the text) per line, no final newline.
  static std::string asParagraphs(const Article& a);
  // One NDJSON record: text, title, published, source, url.
  static std::string asNdjson(const Article& a);

  // Articles 0, 1, 2… of `seed`, as lines, until at least `bytes` bytes.
  std::string lines(std::uint64_t seed, std::size_t bytes) const;

 private:
  struct Expansion;
  void expand(std::string_view tmpl, Expansion& x, std::string& out, int depth) const;
  std::string sentence(const std::string& kind, Expansion& x) const;

  std::map<std::string, std::vector<std::string>> templates_;  // kind → templates
  std::map<std::string, std::vector<std::string>> vocab_;      // slot → values
  std::vector<Source> sources_;
};

}  // namespace chronicle::corpus
