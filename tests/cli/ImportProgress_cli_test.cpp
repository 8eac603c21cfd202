// The progress bar is drawn on stderr only when stderr is a terminal: run
// the binary on a pseudo-terminal and read what a person would see.
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <string>

#include "CliRunner.hpp"

namespace chronicle::clitest {
namespace {

std::string runOnTerminal(const std::vector<std::string>& args, int& exitCode) {
  int master = -1;
  const pid_t pid = forkpty(&master, nullptr, nullptr, nullptr);
  if (pid == 0) {
    std::vector<char*> argv;
    std::string binary = CHRONICLE_BINARY;
    argv.push_back(binary.data());
    std::vector<std::string> copy = args;
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    unsetenv("CHRONICLE_DB");
    execv(argv[0], argv.data());
    _exit(127);
  }
  std::string screen;
  char buf[4096];
  for (;;) {
    const ssize_t n = read(master, buf, sizeof buf);
    if (n > 0) screen.append(buf, static_cast<std::size_t>(n));
    else if (n < 0 && errno == EINTR) continue;
    else break;  // EIO once the child has closed the terminal
  }
  int status = 0;
  waitpid(pid, &status, 0);
  close(master);
  exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return screen;
}

TEST(ImportProgress, BarWithTotalOnATerminal) {
  TempDir dir;
  for (int i = 0; i < 400; ++i)
    dir.write("c/a" + std::to_string(i) + ".txt",
              "Article " + std::to_string(i) + ". Les bombardements ont repris près de Sotk, selon Erevan.");
  int exitCode = -1;
  const std::string screen = runOnTerminal({"--db", (dir / "c.db").string(), "import", (dir / "c").string()}, exitCode);
  EXPECT_EQ(exitCode, 0) << screen;
  EXPECT_NE(screen.find("] 1/400"), std::string::npos) << screen;
  EXPECT_NE(screen.find("\r\033[K"), std::string::npos) << "the bar is redrawn in place and cleared";
  EXPECT_NE(screen.find("imported 400 articles"), std::string::npos) << screen;
}

TEST(ImportProgress, NothingWhenQuietOrNotATerminal) {
  TempDir dir;
  dir.write("c/a.txt", "Un article sur Goris. Bakou dément.");
  int exitCode = -1;
  const std::string screen =
      runOnTerminal({"--db", (dir / "c.db").string(), "-q", "import", (dir / "c").string()}, exitCode);
  EXPECT_EQ(exitCode, 0);
  EXPECT_EQ(screen, "");
  const RunResult piped = runChronicle({"--db", (dir / "d.db").string(), "import", (dir / "c").string()});
  EXPECT_TRUE(succeeded(piped));  // stderr empty: no bar into a pipe or file
}

}  // namespace
}  // namespace chronicle::clitest
