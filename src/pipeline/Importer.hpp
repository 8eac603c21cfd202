#pragma once
// Drives an import as a pipeline:
//
//   reader (the calling thread) → workers (--jobs) → one writer
//
// The reader lists and reads the inputs, hashes each one before parsing it,
// and skips those whose bytes were imported before (article_sources). The
// workers decode, segment and extract (ArticleProcessor, one per worker).
// The writer stores the articles in the order the reader met them, whatever
// order the workers finish in, so ids and messages do not depend on the
// number of workers; it commits every kImportBatchArticles articles (each
// article whole inside its savepoint, a failed article never takes its
// batch with it), with the full-text index of the batch. At most
// kImportInFlight inputs are between reader and writer: memory stays flat
// however large the input. The same text twice (same SHA-256 of the
// normalised text) is stored once and reported as a duplicate. Failures are
// reported per input and the import goes on.
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "ingest/InputReader.hpp"
#include "pipeline/ArticleProcessor.hpp"
#include "store/Database.hpp"

namespace chronicle {

inline constexpr std::size_t kImportBatchArticles = 200;
inline constexpr std::size_t kImportInFlightPerJob = 16;

struct ImportSummary {
  bool interrupted = false;  // stopped early on request; what was done is committed
  std::size_t imported = 0;
  std::size_t duplicates = 0;
  std::size_t failed = 0;
  std::size_t sentences = 0;
  std::size_t bytes = 0;  // input bytes of the articles read
  std::size_t events = 0;  // events in the database after fusion (0 when nothing new was imported)
};

// Told of each input's outcome, in input order, from the writer's thread
// (one call at a time).
class ImportObserver {
 public:
  virtual ~ImportObserver() = default;
  virtual void imported(const ProcessedArticle& article, std::int64_t id) = 0;
  virtual void duplicate(const std::string& name, const std::string& origin, std::int64_t existingId) = 0;
  virtual void failed(const std::string& origin, const std::string& message) = 0;
  // `files` more input files are known to come (a directory was listed).
  virtual void planned(std::size_t /*files*/) {}
};

class Importer {
 public:
  // Loads the lexicons (a bad lexicon fails here, before any database is
  // opened or created). `jobs` workers extract in parallel; 0 means one per
  // core.
  Importer(const LexiconSource& lexicon, ReaderOptions options, unsigned jobs = 0, ProcessingLimits limits = {});
  ~Importer();

  // `stop`, when given, is polled between articles: once it is true the
  // import stops at an article boundary, commits what was done and returns
  // with `interrupted` set.
  ImportSummary run(Database& db, const std::vector<std::string>& paths, ImportObserver& observer,
                    const std::atomic<bool>* stop = nullptr);

  unsigned jobs() const { return jobs_; }

 private:
  LexiconSource lexicon_;
  ReaderOptions options_;
  ProcessingLimits limits_;
  unsigned jobs_;
  std::vector<std::unique_ptr<ArticleProcessor>> processors_;  // one per worker, built on first use
};

// Current UTC time as ISO 8601 ("2026-11-21T22:17:00Z").
std::string utcNowIso();
// The day after today (UTC): the ProcessingLimits::latestPublished of a run
// that starts now (an article dated in Asia's today may be UTC's tomorrow).
CivilDate tomorrowUtc();

}  // namespace chronicle
