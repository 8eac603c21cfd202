#include "pipeline/Importer.hpp"

#include <SQLiteCpp/Transaction.h>
#include <sqlite3.h>

#include <chrono>
#include <ctime>
#include <memory>

#include "store/ArticleStore.hpp"
#include "store/EventStore.hpp"
#include "util/Error.hpp"

namespace chronicle {

std::string utcNowIso() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

Importer::Importer(const LexiconSource& lexicon, ReaderOptions options)
    : processor_(lexicon), options_(std::move(options)) {}

namespace {
struct StopRequested {};
}  // namespace

ImportSummary Importer::run(Database& db, const std::vector<std::string>& paths, ImportObserver& observer,
                            const std::atomic<bool>* stop) {
  ImportSummary summary;
  ArticleStore store(db);
  const std::string importedAt = utcNowIso();
  std::unique_ptr<SQLite::Transaction> tx;
  std::size_t inBatch = 0;

  auto onFailure = [&](const std::string& origin, const std::string& message) {
    ++summary.failed;
    observer.failed(origin, message);
  };
  auto onArticle = [&](RawArticle&& raw) {
    if (stop && stop->load()) throw StopRequested{};
    const std::string origin = raw.origin;
    summary.bytes += raw.bytes.size();
    ProcessedArticle article;
    try {
      article = processor_.process(std::move(raw));
    } catch (const InputError& e) {
      return onFailure(origin, e.what());
    }
    if (!tx) tx = std::make_unique<SQLite::Transaction>(db.sql(), SQLite::TransactionBehavior::IMMEDIATE);
    if (const auto existing = store.findBySha(article.sha256)) {
      ++summary.duplicates;
      observer.duplicate(article, *existing);
      return;
    }
    std::int64_t id = 0;
    try {
      id = store.insert(article, importedAt);
    } catch (const SQLite::Exception& e) {
      // Constraint failures concern this article; anything else (disk full,
      // I/O) concerns the database and stops the import.
      if (e.getErrorCode() != SQLITE_CONSTRAINT) throw DatabaseError(db.path().string() + ": " + e.getErrorStr());
      return onFailure(origin, std::string("cannot store: ") + e.getErrorStr());
    }
    ++summary.imported;
    summary.sentences += article.sentences.size();
    observer.imported(article, id);
    if (++inBatch >= kImportBatchArticles) {
      tx->commit();
      tx.reset();
      inBatch = 0;
    }
  };

  ReaderOptions options = options_;
  options.onPlanned = [&](std::size_t files) { observer.planned(files); };
  InputReader reader(options, onArticle, onFailure);
  try {
    for (const std::string& path : paths) {
      if (stop && stop->load()) throw StopRequested{};
      reader.read(path);
    }
  } catch (const StopRequested&) {
    summary.interrupted = true;
  }
  if (tx) tx->commit();
  // The events are the fusion of every stored mention: recomputed once the
  // new articles are in, in one step of its own.
  if (summary.imported > 0) summary.events = EventStore(db).refuse();
  return summary;
}

}  // namespace chronicle
