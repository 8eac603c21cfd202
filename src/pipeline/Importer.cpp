#include "pipeline/Importer.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <condition_variable>
#include <ctime>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>

#include "store/ArticleWriter.hpp"
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

CivilDate tomorrowUtc() { return CivilDate::parseIso(utcNowIso().substr(0, 10))->plusDays(1); }

namespace {

// The inputs imported before, by the first 128 bits of their hash (ample to
// tell a million inputs apart): 24 bytes an input, sorted, searched without
// touching the database from the reader's thread.
class KnownSources {
 public:
  using Key = std::array<unsigned char, 16>;

  explicit KnownSources(Database& db) {
    SQLite::Statement st(db.sql(), "SELECT sha256, article_id FROM article_sources ORDER BY sha256");
    while (st.executeStep())
      if (const auto k = key(st.getColumn(0).getString())) entries_.emplace_back(*k, st.getColumn(1).getInt64());
    std::sort(entries_.begin(), entries_.end());
  }

  std::optional<std::int64_t> find(const std::string& sha) const {
    const auto k = key(sha);
    if (!k) return std::nullopt;
    const auto it = std::lower_bound(entries_.begin(), entries_.end(), std::make_pair(*k, std::int64_t{0}),
                                     [](const auto& a, const auto& b) { return a.first < b.first; });
    if (it == entries_.end() || it->first != *k) return std::nullopt;
    return it->second;
  }

 private:
  static std::optional<Key> key(const std::string& hex) {
    if (hex.size() < 32) return std::nullopt;
    Key k{};
    auto nibble = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
    for (std::size_t i = 0; i < k.size(); ++i)
      k[i] = static_cast<unsigned char>(nibble(hex[2 * i]) << 4 | nibble(hex[2 * i + 1]));
    return k;
  }

  std::vector<std::pair<Key, std::int64_t>> entries_;
};

// One input on its way from the reader to the writer.
struct Item {
  enum class Kind { Article, Known, Failure, Planned };
  Kind kind = Kind::Article;
  RawArticle raw;                           // Article, until a worker takes it
  std::optional<ProcessedArticle> article;  // Article, once processed (else `message`)
  std::string sourceSha, name, origin, message;
  std::int64_t existing = 0;  // Known
  std::size_t files = 0;      // Planned
  std::size_t bytes = 0;      // the input's bytes (Article, Known)
  bool ready = false;
};

struct StopRequested {};

// The items in input order, the workers' queue, and the shutdown flags.
class Pipeline {
 public:
  explicit Pipeline(std::size_t capacity) : capacity_(capacity) {}

  // Reader: appends an item (waits while the pipeline is full). Throws
  // StopRequested once the writer has stopped.
  void push(std::unique_ptr<Item> item) {
    std::unique_lock lock(m_);
    cv_.wait(lock, [&] { return slots_.size() < capacity_ || stopped_; });
    if (stopped_) throw StopRequested{};
    Item* p = item.get();
    if (p->kind == Item::Kind::Article) work_.push_back(p);
    else p->ready = true;
    slots_.push_back(std::move(item));
    cv_.notify_all();
  }
  void close() {
    std::lock_guard lock(m_);
    closed_ = true;
    cv_.notify_all();
  }
  void stop() {
    std::lock_guard lock(m_);
    stopped_ = true;
    cv_.notify_all();
  }

  // Worker: the next article to process, or nullptr when there will be none.
  Item* take() {
    std::unique_lock lock(m_);
    cv_.wait(lock, [&] { return !work_.empty() || closed_ || stopped_; });
    if (stopped_ || work_.empty()) return nullptr;
    Item* p = work_.front();
    work_.pop_front();
    return p;
  }
  void done(Item* p) {
    std::lock_guard lock(m_);
    p->ready = true;
    cv_.notify_all();
  }

  // Writer: the next item in input order once it is ready, or nullptr at the end.
  std::unique_ptr<Item> next() {
    std::unique_lock lock(m_);
    cv_.wait(lock, [&] { return (!slots_.empty() && slots_.front()->ready) || (closed_ && slots_.empty()) || stopped_; });
    if (stopped_ || slots_.empty()) return nullptr;
    std::unique_ptr<Item> p = std::move(slots_.front());
    slots_.pop_front();
    cv_.notify_all();
    return p;
  }

 private:
  std::mutex m_;
  std::condition_variable cv_;
  std::deque<std::unique_ptr<Item>> slots_;
  std::deque<Item*> work_;
  std::size_t capacity_;
  bool closed_ = false, stopped_ = false;
};

// The writer's side of an import: one transaction per batch.
class BatchWriter {
 public:
  BatchWriter(Database& db, ImportObserver& observer, ImportSummary& summary)
      : db_(db), writer_(db), observer_(observer), summary_(summary), importedAt_(utcNowIso()) {}

  void write(Item& item) {
    summary_.bytes += item.bytes;
    switch (item.kind) {
      case Item::Kind::Planned: return observer_.planned(item.files);
      case Item::Kind::Failure: return fail(item.origin, item.message);
      case Item::Kind::Known:
        ++summary_.duplicates;
        return observer_.duplicate(item.name, item.origin, item.existing);
      case Item::Kind::Article: break;
    }
    if (!item.article) return fail(item.origin, item.message);
    const ProcessedArticle& article = *item.article;
    if (!tx_) tx_.emplace(db_.sql(), SQLite::TransactionBehavior::IMMEDIATE);
    if (const auto existing = writer_.findBySha(article.sha256)) {
      if (!item.sourceSha.empty()) writer_.recordSource(item.sourceSha, *existing);
      ++summary_.duplicates;
      return observer_.duplicate(article.name, article.origin, *existing);
    }
    std::int64_t id = 0;
    try {
      id = writer_.insert(article, importedAt_);
    } catch (const SQLite::Exception& e) {
      // Constraint failures concern this article; anything else (disk full,
      // I/O) concerns the database and stops the import.
      if (e.getErrorCode() != SQLITE_CONSTRAINT) throw DatabaseError(db_.path().string() + ": " + e.getErrorStr());
      return fail(article.origin, std::string("cannot store: ") + e.getErrorStr());
    }
    if (!item.sourceSha.empty()) writer_.recordSource(item.sourceSha, id);
    ++summary_.imported;
    summary_.sentences += article.sentences.size();
    observer_.imported(article, id);
    if (++inBatch_ >= kImportBatchArticles) commit();
  }

  void commit() {
    if (!tx_) return;
    writer_.index();
    tx_->commit();
    tx_.reset();
    inBatch_ = 0;
  }

 private:
  void fail(const std::string& origin, const std::string& message) {
    ++summary_.failed;
    observer_.failed(origin, message);
  }

  Database& db_;
  ArticleWriter writer_;
  ImportObserver& observer_;
  ImportSummary& summary_;
  const std::string importedAt_;
  std::optional<SQLite::Transaction> tx_;
  std::size_t inBatch_ = 0;
};

}  // namespace

Importer::Importer(const LexiconSource& lexicon, ReaderOptions options, unsigned jobs, ProcessingLimits limits)
    : lexicon_(lexicon), options_(std::move(options)), limits_(std::move(limits)), jobs_(jobs) {
  if (jobs_ == 0) jobs_ = std::max(1u, std::thread::hardware_concurrency());
  processors_.resize(jobs_);
  processors_[0] = std::make_unique<ArticleProcessor>(lexicon_, limits_);
}

Importer::~Importer() = default;

ImportSummary Importer::run(Database& db, const std::vector<std::string>& paths, ImportObserver& observer,
                            const std::atomic<bool>* stop) {
  ImportSummary summary;
  const KnownSources known(db);
  // A larger page cache while writing: fewer pages spilled mid-batch.
  db.sql().exec("PRAGMA cache_size = -32768");
  Pipeline pipeline(kImportInFlightPerJob * jobs_);
  std::exception_ptr writerError;
  std::exception_ptr workerError;
  std::mutex errorLock;

  std::thread writerThread([&] {
    try {
      BatchWriter writer(db, observer, summary);
      while (std::unique_ptr<Item> item = pipeline.next()) {
        writer.write(*item);
        if (stop && stop->load()) {
          summary.interrupted = true;
          break;
        }
      }
      writer.commit();
    } catch (...) {
      writerError = std::current_exception();
    }
    pipeline.stop();
  });

  std::vector<std::thread> workers;
  for (unsigned w = 0; w < jobs_; ++w)
    workers.emplace_back([&, w] {
      try {
        if (!processors_[w]) processors_[w] = std::make_unique<ArticleProcessor>(lexicon_, limits_);
        ArticleProcessor& processor = *processors_[w];
        while (Item* item = pipeline.take()) {
          try {
            item->article = processor.process(std::move(item->raw));
          } catch (const InputError& e) {
            item->message = e.what();
          } catch (const std::exception& e) {
            item->message = std::string("cannot process: ") + e.what();
          }
          pipeline.done(item);
        }
      } catch (...) {
        std::lock_guard lock(errorLock);
        workerError = std::current_exception();
        pipeline.stop();
      }
    });

  auto push = [&](std::unique_ptr<Item> item) {
    if (stop && stop->load()) throw StopRequested{};
    pipeline.push(std::move(item));
  };
  ReaderOptions options = options_;
  options.onPlanned = [&](std::size_t files) {
    auto item = std::make_unique<Item>();
    item->kind = Item::Kind::Planned;
    item->files = files;
    push(std::move(item));
  };
  options.isKnown = [&](const std::string& sha, std::size_t bytes, const std::string& name,
                        const std::string& origin) {
    const auto existing = known.find(sha);
    if (!existing) return false;
    auto item = std::make_unique<Item>();
    item->kind = Item::Kind::Known;
    item->existing = *existing;
    item->name = name;
    item->origin = origin;
    item->bytes = bytes;
    push(std::move(item));
    return true;
  };
  auto onArticle = [&](RawArticle&& raw) {
    auto item = std::make_unique<Item>();
    item->origin = raw.origin;
    item->sourceSha = raw.sourceSha256;
    item->bytes = raw.bytes.size();
    item->raw = std::move(raw);
    push(std::move(item));
  };
  auto onFailure = [&](const std::string& origin, const std::string& message) {
    auto item = std::make_unique<Item>();
    item->kind = Item::Kind::Failure;
    item->origin = origin;
    item->message = message;
    push(std::move(item));
  };
  InputReader reader(options, onArticle, onFailure);
  std::exception_ptr readerError;
  try {
    for (const std::string& path : paths) reader.read(path);
  } catch (const StopRequested&) {
    // the stop flag, or the writer stopped (its error is rethrown below)
  } catch (...) {
    readerError = std::current_exception();
    pipeline.stop();
  }
  pipeline.close();
  for (std::thread& t : workers) t.join();
  writerThread.join();
  if (stop && stop->load()) summary.interrupted = true;
  if (writerError) std::rethrow_exception(writerError);
  if (workerError) std::rethrow_exception(workerError);
  if (readerError) std::rethrow_exception(readerError);

  // An import killed after storing articles and before fusing them left
  // mentions in no event: the next import fuses them, even with nothing new.
  if (summary.imported > 0 || (!summary.interrupted && EventStore(db).fusionPending())) {
    // The events are the fusion of every stored mention: recomputed once
    // the new articles are in, in one step of its own.
    summary.events = EventStore(db).refuse();
    // The full-text index was written in one segment per batch, merged as
    // it grew (automerge); merged into one b-tree now, so that searches
    // read one segment.
    db.sql().exec("INSERT INTO sentences_fts(sentences_fts) VALUES ('optimize')");
  }
  return summary;
}

}  // namespace chronicle
