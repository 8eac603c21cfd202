#pragma once
// Drives an import: inputs → ArticleProcessor → ArticleStore. Articles are
// written in batches of kImportBatchArticles inside one transaction, each
// article inside its own savepoint: an article is stored whole or not at all,
// and a failed article never takes its batch with it. The same text twice
// (same SHA-256 of the normalised text) is stored once and reported as a
// duplicate. Failures are reported per input and the import goes on.
#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "ingest/InputReader.hpp"
#include "pipeline/ArticleProcessor.hpp"
#include "store/Database.hpp"

namespace chronicle {

inline constexpr std::size_t kImportBatchArticles = 200;

struct ImportSummary {
  bool interrupted = false;  // stopped early on request; what was done is committed
  std::size_t imported = 0;
  std::size_t duplicates = 0;
  std::size_t failed = 0;
  std::size_t sentences = 0;
  std::size_t bytes = 0;  // input bytes of the articles read
  std::size_t events = 0;  // events in the database after fusion (0 when nothing new was imported)
};

class ImportObserver {
 public:
  virtual ~ImportObserver() = default;
  virtual void imported(const ProcessedArticle& article, std::int64_t id) = 0;
  virtual void duplicate(const ProcessedArticle& article, std::int64_t existingId) = 0;
  virtual void failed(const std::string& origin, const std::string& message) = 0;
  // `files` more input files are known to come (a directory was listed).
  virtual void planned(std::size_t /*files*/) {}
};

class Importer {
 public:
  // Loads the lexicons (a bad lexicon fails here, before any database is
  // opened or created).
  Importer(const LexiconSource& lexicon, ReaderOptions options);

  // `stop`, when given, is polled between articles: once it is true the
  // import stops at that article boundary, commits what was done and returns
  // with `interrupted` set.
  ImportSummary run(Database& db, const std::vector<std::string>& paths, ImportObserver& observer,
                    const std::atomic<bool>* stop = nullptr);

 private:
  ArticleProcessor processor_;
  ReaderOptions options_;
};

// Current UTC time as ISO 8601 ("2026-11-21T22:17:00Z").
std::string utcNowIso();

}  // namespace chronicle
