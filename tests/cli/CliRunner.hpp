#pragma once
// What the CLI tests need to run the real chronicle binary (CHRONICLE_BINARY)
// the way a user does, and to judge what it did:
//
// - runChronicle(): one process, no shell; stdin from the given bytes (else
//   /dev/null); stdout and stderr captured through temporary files, so large
//   output cannot deadlock; the inherited $CHRONICLE_DB is dropped so the
//   caller's environment never leaks into a test; killed after a timeout.
// - TempDir: a fresh directory (mkdtemp), removed with its contents at scope end.
// - ChronicleDb: a database path plus the commands run on it with --db.
// - succeeded() / failedWithOneLine(): the osmium-tool conventions. Success is
//   exit 0 with an empty stderr; an error is the expected exit code with
//   exactly one stderr line naming the file or the problem.
#include <gtest/gtest.h>
#include "support/Csv.hpp"
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace chronicle::clitest {

namespace fs = std::filesystem;

// The exit-code contract (src/cli/ExitCode.hpp), spelled out independently.
inline constexpr int kExitOk = 0;
inline constexpr int kExitDataError = 1;
inline constexpr int kExitUsage = 2;

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const fs::path& path() const { return path_; }
  fs::path operator/(std::string_view relative) const { return path_ / relative; }
  // Writes bytes to a file below the directory, creating parent directories.
  fs::path write(std::string_view relative, std::string_view bytes) const;
  // The names of the directory's entries, sorted.
  std::vector<std::string> entries() const;

 private:
  fs::path path_;
};

struct RunOptions {
  std::optional<std::string> stdinBytes;                  // else stdin is /dev/null
  std::vector<std::pair<std::string, std::string>> env;   // set on top of the inherited environment
  fs::path workingDirectory;                              // else the test's own
  std::chrono::seconds timeout{60};
  // Sends `signal` once `whenExists` exists (e.g. the database's -wal file:
  // the process has started writing), `delay` later.
  struct Signal {
    int signal;
    fs::path whenExists;
    std::chrono::milliseconds delay{0};
  };
  std::optional<Signal> sendSignal;
  // A disk that fills up: no file the process writes may grow past this
  // many bytes (RLIMIT_FSIZE, with SIGXFSZ ignored: writes fail with EFBIG).
  std::optional<std::uint64_t> fileSizeLimit;
};

struct RunResult {
  std::vector<std::string> args;
  int exitCode = -1;  // 128 + signal number when killed by a signal
  std::string out;
  std::string err;
  std::chrono::milliseconds elapsed{};

  std::vector<std::string> outLines() const;
  std::vector<std::string> errLines() const;
};

RunResult runChronicle(const std::vector<std::string>& args, const RunOptions& options = {});

// Exit 0 and nothing on stderr.
::testing::AssertionResult succeeded(const RunResult& r);
// The exit code, and exactly one stderr line (newline-terminated) that
// contains every one of `mentions`; stdout is not judged.
::testing::AssertionResult failedWithOneLine(const RunResult& r, int exitCode,
                                             const std::vector<std::string>& mentions = {});

// Output and file helpers.
std::vector<std::string> splitLines(std::string_view text);  // on '\n', dropping a final empty line
using testsupport::parseCsv;  // RFC 4180, checked (tests/support/Csv.hpp)
std::string readBytes(const fs::path& file);
void writeBytes(const fs::path& file, std::string_view bytes);

// The source tree and its bundled corpus.
fs::path sourceDir();
fs::path corpusDir();
fs::path corpusFile(std::string_view name);

// A database file and the commands run on it (each with --db PATH first).
class ChronicleDb {
 public:
  explicit ChronicleDb(fs::path file) : file_(std::move(file)) {}

  const fs::path& file() const { return file_; }
  std::string path() const { return file_.string(); }

  RunResult run(std::vector<std::string> args, const RunOptions& options = {}) const;
  // Imports the bundled corpus and asserts that it went well.
  void importCorpus() const;
  // Runs `sql QUERY --format json` (asserting success) and parses the rows.
  nlohmann::json rows(const std::string& query) const;
  // The single value of a one-row, one-column query.
  nlohmann::json value(const std::string& query) const;
  std::int64_t count(const std::string& table) const;
  std::int64_t idOf(const std::string& articleName) const;
  // `articles show ID --format json`, parsed.
  nlohmann::json show(std::int64_t id) const;
  std::string bytes() const { return readBytes(file_); }

 private:
  fs::path file_;
};

}  // namespace chronicle::clitest
