#pragma once
// Re-extracts the events of stored articles from their stored text,
// sentences and publication date (after `articles set-date`, or when the
// rules and lexicons changed: `chronicle reprocess`), then re-fuses. The raw
// text is not decoded or segmented again: offsets stay valid.
#include <atomic>
#include <cstdint>

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
  Reprocessor(Database& db, const LexiconSource& lexicon) : db_(db), processor_(lexicon) {}

  // One article's mentions, replaced (no fusion: call refuse()). Returns
  // the number of mentions; the caller holds the transaction.
  std::size_t article(std::int64_t id);
  // Every article, in one transaction, then fusion. `stop` is polled
  // between articles: once set, nothing is changed.
  ReprocessSummary all(const std::atomic<bool>* stop = nullptr);

 private:
  std::size_t reextract(std::int64_t id, const std::string& text, const std::optional<std::string>& published);

  Database& db_;
  ArticleProcessor processor_;
};

}  // namespace chronicle
