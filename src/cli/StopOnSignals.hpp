#pragma once
// Ctrl-C (SIGINT) and SIGTERM while a long command runs: while a
// StopOnSignals lives, they raise a flag the work polls (the importer between
// articles, `sql` in its progress handler) instead of killing the process. A
// second Ctrl-C gets the default action back (SA_RESETHAND): it ends the
// process at once, and SQLite rolls the open transaction back on next open.
#include <signal.h>

#include <atomic>

namespace chronicle::cli {

class StopOnSignals {
 public:
  StopOnSignals();  // clears the flag
  ~StopOnSignals();
  StopOnSignals(const StopOnSignals&) = delete;
  StopOnSignals& operator=(const StopOnSignals&) = delete;

  // Raised by the signals; polled by the work.
  static std::atomic<bool>& flag();

 private:
  struct sigaction oldInt_ {};
  struct sigaction oldTerm_ {};
};

}  // namespace chronicle::cli
