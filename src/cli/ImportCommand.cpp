#include "cli/ImportCommand.hpp"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <iostream>

#include "cli/ByteSize.hpp"
#include "cli/ExitCode.hpp"
#include "cli/StopOnSignals.hpp"
#include "pipeline/Importer.hpp"
#include "util/Error.hpp"

namespace chronicle::cli {
namespace {

// Prints each outcome; draws a progress line on stderr when it is a terminal.
class ConsoleObserver : public ImportObserver {
 public:
  ConsoleObserver(bool quiet, bool verbose)
      : quiet_(quiet), verbose_(verbose), progress_(!quiet && isatty(STDERR_FILENO)) {}

  void imported(const ProcessedArticle& a, std::int64_t id) override {
    ++done_;
    if (verbose_) {
      clearProgress();
      std::cout << "imported #" << id << " " << a.name << " (" << (a.published ? a.published->iso() : "date unknown")
                << ", " << toString(a.publishedSource) << ", " << a.sentences.size() << " sentences)\n";
    }
    drawProgress(a.name);
  }
  void duplicate(const std::string& name, const std::string& origin, std::int64_t existing) override {
    ++done_;
    if (!quiet_) {
      clearProgress();
      std::cout << "duplicate: " << origin << " has the same text as article #" << existing << "\n";
    }
    drawProgress(name);
  }
  void planned(std::size_t files) override { total_ += files; }
  void failed(const std::string& origin, const std::string& message) override {
    ++done_;
    clearProgress();
    // Some messages already begin with their location ("dir/manifest.tsv:3: ...").
    const bool located = message.starts_with(origin + ":");
    std::cerr << "chronicle: import: " << (located ? message : origin + ": " + message) << "\n";
  }
  void finish() { clearProgress(); }

 private:
  void drawProgress(const std::string& name) {
    if (!progress_) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    std::string shown = name.size() > 40 ? "…" + name.substr(name.size() - 39) : name;
    std::cerr << "\r\033[K";
    if (total_ > 0) {
      constexpr std::size_t kWidth = 30;
      const std::size_t filled = std::min(kWidth, done_ * kWidth / total_);
      std::cerr << '[' << std::string(filled, '#') << std::string(kWidth - filled, ' ') << "] "
                << std::min(done_, total_) << '/' << total_ << "  ";
    } else {
      std::cerr << done_ << " articles  ";
    }
    std::cerr << shown << std::flush;
    drawn_ = true;
  }
  void clearProgress() {
    if (drawn_) std::cerr << "\r\033[K" << std::flush;
    drawn_ = false;
  }

  bool quiet_, verbose_, progress_;
  bool drawn_ = false;
  std::size_t done_ = 0;   // inputs handled: imported, duplicate or failed
  std::size_t total_ = 0;  // inputs known to come
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace

void ImportCommand::setup(CLI::App& sub) {
  sub.add_option("paths", paths_, "Files, directories (recursive: .txt .json .jsonl .ndjson) or - for stdin")
      ->required();
  sub.add_option("--date", date_, "Publication date of a single article (YYYY-MM-DD)");
  sub.add_option("--source", source_, "Source (outlet) of a single article");
  sub.add_option("--url", url_, "URL of a single article");
  sub.add_option("--title", title_, "Title of a single article");
  sub.add_option("--language", language_, "Language code of a single article (default fr)");
  sub.add_option("--max-article-size", maxSize_, "Refuse larger articles (default 10M; units K, M)");
  sub.add_option("--max-sentence-size", maxSentence_,
                 "Cut longer sentences (text without full stops) at a space into pieces of at most this size "
                 "(default 16K; units K, M): the article is kept whole");
  sub.footer(std::string("\nBad input is refused, one stderr line each, and the rest is imported: empty or blank "
                         "text, binary files, bytes in no supported charset, HTML pages (.html/.htm files, or text "
                         "that begins as a page: tags are not stripped), JSON nested deeper than 32 levels or with "
                         "fields of the wrong type, publication dates that are not real days or lie in the future "
                         "(after tomorrow, UTC). Sentences longer than --max-sentence-size are cut at a space, "
                         "nothing dropped. See docs/bad-input.md.\n") +
             exitCodeFooter());
  sub.add_option("-j,--jobs", jobs_,
                 "Worker threads that read and extract articles (default: one per core); one more thread writes")
      ->check(CLI::Range(1u, 256u));
}

int ImportCommand::run(const GlobalOptions& global) {
  ReaderOptions options;
  if (!maxSize_.empty()) options.maxArticleBytes = parseByteSize(maxSize_, "--max-article-size");
  ProcessingLimits limits;
  if (!maxSentence_.empty()) limits.maxSentenceBytes = parseByteSize(maxSentence_, "--max-sentence-size");
  limits.latestPublished = tomorrowUtc();
  const bool single = !date_.empty() || !source_.empty() || !url_.empty() || !title_.empty() || !language_.empty();
  if (single) {
    if (paths_.size() != 1 || (paths_[0] != "-" && std::filesystem::is_directory(paths_[0])))
      throw UsageError("--date, --source, --url, --title and --language describe a single article: name one file or -");
    if (!date_.empty()) {
      if (!CivilDate::parseIso(date_)) throw UsageError("--date '" + date_ + "' is not a date (use YYYY-MM-DD)");
      options.overrides.published = date_;
    }
    if (!source_.empty()) options.overrides.source = source_;
    if (!url_.empty()) options.overrides.url = url_;
    if (!title_.empty()) options.overrides.title = title_;
    if (!language_.empty()) options.overrides.language = language_;
  }
  const LexiconSource lexicon = global.lexicon();
  // the lexicons first: a bad one leaves no database behind
  Importer importer(lexicon, options, jobs_, limits);
  Database db = global.openDatabase(Database::Access::ReadWrite);
  ConsoleObserver observer(global.quiet, global.verbose);
  const StopOnSignals signals;
  const ImportSummary s = importer.run(db, paths_, observer, &StopOnSignals::flag());
  observer.finish();
  if (s.interrupted) {
    std::cerr << "chronicle: import: interrupted: " << s.imported << (s.imported == 1 ? " article" : " articles")
              << " imported and kept, " << s.duplicates << " duplicates, " << s.failed
              << " failed; run the same import again to finish it\n";
    return exit_code::kInterrupted;
  }
  if (!global.quiet)
    std::cout << "imported " << s.imported << (s.imported == 1 ? " article" : " articles") << " (" << s.sentences
              << " sentences), " << s.duplicates << (s.duplicates == 1 ? " duplicate" : " duplicates") << ", "
              << s.failed << " failed\n";
  return s.failed == 0 ? exit_code::kOk : exit_code::kDataError;
}

}  // namespace chronicle::cli
