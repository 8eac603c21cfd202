#pragma once
// Re-extracts the events of stored articles from their stored text,
// sentences and publication date (after `articles set-date`, or when the
// rules and lexicons changed: `chronicle reprocess`), then re-fuses. The raw
// text is not decoded or segmented again: offsets stay valid.
#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

#include "pipeline/ArticleProcessor.hpp"
#include "store/Database.hpp"

namespace chronicle {

struct ReprocessSummary {
  std::size_t articles = 0;
  std::size_t mentions = 0;
  std::size_t events = 0;
  std::size_t bytes = 0;
  bool interrupted = false;
};

class Reprocessor {
 public:
  // `jobs` threads extract in parallel in all() (0: one per core).
  Reprocessor(Database& db, const LexiconSource& lexicon, unsigned jobs = 0);
  ~Reprocessor();

  // One article's mentions, replaced (no fusion: call refuse()). Returns
  // the number of mentions; the caller holds the transaction.
  std::size_t article(std::int64_t id);
  // Every article, in one transaction, then fusion. Articles are extracted
  // a chunk at a time on the worker threads and written in id order.
  // `stop` is polled between chunks: once set, nothing is changed.
  ReprocessSummary all(const std::atomic<bool>* stop = nullptr);

 private:
  std::size_t reextract(std::int64_t id, const std::string& text, const std::optional<std::string>& published);

  Database& db_;
  LexiconSource lexicon_;
  unsigned jobs_;
  ArticleProcessor processor_;
  std::vector<std::unique_ptr<ArticleProcessor>> helpers_;  // workers 1..jobs-1, built on first use
};

}  // namespace chronicle
