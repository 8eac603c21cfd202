#include "CliRunner.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>
#include <system_error>
#include <thread>

extern char** environ;

namespace chronicle::clitest {
namespace {

std::string quoteForMessage(const std::vector<std::string>& args) {
  std::string out = "chronicle";
  for (const auto& a : args) {
    const bool plain = !a.empty() && a.find_first_of(" \t\n'\"\\$`") == std::string::npos;
    out += ' ';
    out += plain ? a : "'" + a + "'";
  }
  return out;
}

std::string describe(const RunResult& r) {
  std::ostringstream s;
  s << "command: " << quoteForMessage(r.args) << "\nexit code: " << r.exitCode << "\n--- stdout ("
    << r.out.size() << " bytes) ---\n"
    << r.out.substr(0, 2000) << (r.out.size() > 2000 ? "…\n" : "") << "--- stderr (" << r.err.size() << " bytes) ---\n"
    << r.err.substr(0, 2000) << (r.err.size() > 2000 ? "…\n" : "");
  return s.str();
}

std::string environmentName(const std::string& entry) { return entry.substr(0, entry.find('=')); }

}  // namespace

// ---- TempDir ---------------------------------------------------------------

TempDir::TempDir() {
  std::string pattern = (fs::temp_directory_path() / "chronicle-cli-XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw std::system_error(errno, std::generic_category(), "mkdtemp " + pattern);
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

fs::path TempDir::write(std::string_view relative, std::string_view bytes) const {
  const fs::path file = path_ / relative;
  fs::create_directories(file.parent_path());
  writeBytes(file, bytes);
  return file;
}

std::vector<std::string> TempDir::entries() const {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(path_)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// ---- running the binary ----------------------------------------------------

std::vector<std::string> RunResult::outLines() const { return splitLines(out); }
std::vector<std::string> RunResult::errLines() const { return splitLines(err); }

RunResult runChronicle(const std::vector<std::string>& args, const RunOptions& options) {
  const TempDir io;
  const std::string inFile = options.stdinBytes ? io.write("stdin", *options.stdinBytes).string() : "/dev/null";
  const std::string outFile = (io / "stdout").string();
  const std::string errFile = (io / "stderr").string();
  const std::string cwd = options.workingDirectory.string();

  // Everything the child needs is built before fork(): after it, the child
  // only makes async-signal-safe calls.
  std::vector<std::string> argvStrings{CHRONICLE_BINARY};
  argvStrings.insert(argvStrings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argvStrings) argv.push_back(a.data());
  argv.push_back(nullptr);

  std::vector<std::string> envStrings;
  for (char** e = environ; *e; ++e) {
    const std::string entry(*e);
    const std::string name = environmentName(entry);
    const bool replaced = std::any_of(options.env.begin(), options.env.end(),
                                      [&](const auto& kv) { return kv.first == name; });
    if (name != "CHRONICLE_DB" && !replaced) envStrings.push_back(entry);
  }
  for (const auto& [name, value] : options.env) envStrings.push_back(name + "=" + value);
  std::vector<char*> envp;
  for (auto& e : envStrings) envp.push_back(e.data());
  envp.push_back(nullptr);

  RunResult result;
  result.args = args;
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid < 0) throw std::system_error(errno, std::generic_category(), "fork");
  if (pid == 0) {
    if (!cwd.empty() && chdir(cwd.c_str()) != 0) _exit(126);
    if (options.fileSizeLimit) {
      signal(SIGXFSZ, SIG_IGN);
      const rlimit limit{*options.fileSizeLimit, *options.fileSizeLimit};
      if (setrlimit(RLIMIT_FSIZE, &limit) != 0) _exit(126);
    }
    const int in = open(inFile.c_str(), O_RDONLY | O_CLOEXEC);
    const int out = open(outFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    const int err = open(errFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (in < 0 || out < 0 || err < 0) _exit(126);
    if (dup2(in, STDIN_FILENO) < 0 || dup2(out, STDOUT_FILENO) < 0 || dup2(err, STDERR_FILENO) < 0) _exit(126);
    execve(argv[0], argv.data(), envp.data());
    _exit(127);
  }

  int status = 0;
  bool killed = false;
  bool signalled = false;
  std::optional<std::chrono::steady_clock::time_point> signalAt;
  for (;;) {
    const pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (done < 0 && errno != EINTR) throw std::system_error(errno, std::generic_category(), "waitpid");
    if (options.sendSignal && !signalled) {
      if (!signalAt && fs::exists(options.sendSignal->whenExists))
        signalAt = std::chrono::steady_clock::now() + options.sendSignal->delay;
      if (signalAt && std::chrono::steady_clock::now() >= *signalAt) {
        kill(pid, options.sendSignal->signal);
        signalled = true;
      }
    }
    if (!killed && std::chrono::steady_clock::now() - start > options.timeout) {
      kill(pid, SIGKILL);
      killed = true;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  result.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
  if (WIFEXITED(status)) result.exitCode = WEXITSTATUS(status);
  else if (WIFSIGNALED(status)) result.exitCode = 128 + WTERMSIG(status);
  // A child killed before it opened them left no files.
  result.out = fs::exists(outFile) ? readBytes(outFile) : std::string();
  result.err = fs::exists(errFile) ? readBytes(errFile) : std::string();
  if (killed) result.err += "[test harness: killed after " + std::to_string(options.timeout.count()) + " s]\n";
  return result;
}

// ---- judging ---------------------------------------------------------------

::testing::AssertionResult succeeded(const RunResult& r) {
  if (r.exitCode == kExitOk && r.err.empty()) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "expected exit 0 and an empty stderr\n" << describe(r);
}

::testing::AssertionResult failedWithOneLine(const RunResult& r, int exitCode, const std::vector<std::string>& mentions) {
  if (r.exitCode != exitCode)
    return ::testing::AssertionFailure() << "expected exit " << exitCode << "\n" << describe(r);
  if (r.err.empty() || r.err.back() != '\n' || std::count(r.err.begin(), r.err.end(), '\n') != 1)
    return ::testing::AssertionFailure() << "expected exactly one stderr line\n" << describe(r);
  for (const std::string& m : mentions)
    if (r.err.find(m) == std::string::npos)
      return ::testing::AssertionFailure() << "stderr does not mention '" << m << "'\n" << describe(r);
  return ::testing::AssertionSuccess();
}

// ---- output and files ------------------------------------------------------

std::vector<std::string> splitLines(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t begin = 0;
  while (begin < text.size()) {
    const std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) {
      lines.emplace_back(text.substr(begin));
      break;
    }
    lines.emplace_back(text.substr(begin, end - begin));
    begin = end + 1;
  }
  return lines;
}


std::string readBytes(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + file.string());
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void writeBytes(const fs::path& file, std::string_view bytes) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + file.string());
}

fs::path sourceDir() { return CHRONICLE_SOURCE_DIR; }
fs::path corpusDir() { return sourceDir() / "import" / "corpus"; }
fs::path corpusFile(std::string_view name) { return corpusDir() / name; }

// ---- ChronicleDb -----------------------------------------------------------

RunResult ChronicleDb::run(std::vector<std::string> args, const RunOptions& options) const {
  args.insert(args.begin(), {"--db", path()});
  return runChronicle(args, options);
}

void ChronicleDb::importCorpus() const {
  const RunResult r = run({"import", corpusDir().string()});
  ASSERT_TRUE(succeeded(r));
  ASSERT_EQ(count("articles"), 5);
}

nlohmann::json ChronicleDb::rows(const std::string& query) const {
  const RunResult r = run({"sql", query, "--format", "json"});
  EXPECT_TRUE(succeeded(r));
  if (r.exitCode != kExitOk) return nlohmann::json::array();
  try {
    return nlohmann::json::parse(r.out);
  } catch (const nlohmann::json::exception& e) {
    ADD_FAILURE() << "sql --format json printed invalid JSON: " << e.what() << "\n" << describe(r);
    return nlohmann::json::array();
  }
}

nlohmann::json ChronicleDb::value(const std::string& query) const {
  const nlohmann::json rs = rows(query);
  if (!rs.is_array() || rs.size() != 1 || !rs[0].is_object() || rs[0].size() != 1) {
    ADD_FAILURE() << "expected one row of one column from: " << query << "\ngot: " << rs.dump();
    return nullptr;
  }
  return rs[0].begin().value();
}

std::int64_t ChronicleDb::count(const std::string& table) const {
  const nlohmann::json v = value("SELECT count(*) FROM " + table);
  return v.is_number_integer() ? v.get<std::int64_t>() : -1;
}

std::int64_t ChronicleDb::idOf(const std::string& articleName) const {
  const nlohmann::json v = value("SELECT id FROM articles WHERE name = '" + articleName + "'");
  return v.is_number_integer() ? v.get<std::int64_t>() : -1;
}

nlohmann::json ChronicleDb::show(std::int64_t id) const {
  const RunResult r = run({"articles", "show", std::to_string(id), "--format", "json"});
  EXPECT_TRUE(succeeded(r));
  try {
    return nlohmann::json::parse(r.out);
  } catch (const nlohmann::json::exception& e) {
    ADD_FAILURE() << "articles show --format json printed invalid JSON: " << e.what() << "\n" << describe(r);
    return nlohmann::json::object();
  }
}

}  // namespace chronicle::clitest
