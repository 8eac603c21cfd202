// --help for every command, --version, and command lines that are wrong.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "CliRunner.hpp"

namespace chronicle::clitest {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

class HelpCli : public ::testing::TestWithParam<std::vector<std::string>> {};

TEST_P(HelpCli, ExitsZeroAndListsTheExitCodes) {
  TempDir dir;
  std::vector<std::string> args = GetParam();
  args.push_back("--help");
  RunOptions in;
  in.workingDirectory = dir.path();
  const RunResult r = runChronicle(args, in);
  ASSERT_TRUE(succeeded(r));
  EXPECT_THAT(r.out, HasSubstr("Exit codes"));
  EXPECT_THAT(r.out, HasSubstr("usage error"));
  if (!GetParam().empty()) {
    EXPECT_THAT(r.out, HasSubstr(GetParam().back()));
  }
  EXPECT_TRUE(dir.entries().empty()) << "--help created a file";
}

INSTANTIATE_TEST_SUITE_P(, HelpCli,
                         ::testing::Values(std::vector<std::string>{}, std::vector<std::string>{"import"},
                                           std::vector<std::string>{"articles"},
                                           std::vector<std::string>{"articles", "list"},
                                           std::vector<std::string>{"articles", "show"},
                                           std::vector<std::string>{"articles", "set-date"},
                                           std::vector<std::string>{"articles", "remove"},
                                           std::vector<std::string>{"sql"}, std::vector<std::string>{"search"},
                                           std::vector<std::string>{"dates"}, std::vector<std::string>{"check"}),
                         [](const ::testing::TestParamInfo<std::vector<std::string>>& p) {
                           std::string name = "main";
                           for (const auto& a : p.param) {
                             name += "_";
                             for (char c : a) name += c == '-' ? '_' : c;
                           }
                           return name;
                         });

TEST(HelpTextCli, MainHelpListsEveryCommand) {
  const RunResult r = runChronicle({"--help"});
  ASSERT_TRUE(succeeded(r));
  for (const char* command : {"import", "articles", "sql", "search", "dates", "check"}) EXPECT_THAT(r.out, HasSubstr(command));
  EXPECT_THAT(r.out, HasSubstr("--db"));
}

TEST(HelpTextCli, ShortHelpFlag) {
  const RunResult r = runChronicle({"sql", "-h"});
  ASSERT_TRUE(succeeded(r));
  EXPECT_THAT(r.out, HasSubstr("Exit codes"));
}

TEST(HelpTextCli, Version) {
  const RunResult r = runChronicle({"--version"});
  ASSERT_TRUE(succeeded(r));
  EXPECT_THAT(r.out, StartsWith("chronicle "));
}

// ---- usage errors: exit 2, one line, nothing created ----------------------

class UsageErrorCli : public ::testing::TestWithParam<std::vector<std::string>> {};

TEST_P(UsageErrorCli, ExitsTwoWithOneLine) {
  TempDir dir;
  RunOptions in;
  in.workingDirectory = dir.path();
  const RunResult r = runChronicle(GetParam(), in);
  EXPECT_TRUE(failedWithOneLine(r, kExitUsage));
  EXPECT_THAT(r.err, StartsWith("chronicle: "));
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(dir.entries().empty()) << "a usage error created a file";
}

INSTANTIATE_TEST_SUITE_P(
    , UsageErrorCli,
    ::testing::Values(std::vector<std::string>{}, std::vector<std::string>{"frobnicate"},
                      std::vector<std::string>{"frobnicate", "--db", "x.db"}, std::vector<std::string>{"--frob"},
                      std::vector<std::string>{"--frob", "sql", "SELECT 1"},
                      std::vector<std::string>{"sql", "--frob", "SELECT 1"},
                      std::vector<std::string>{"import", "--frob", "x.txt"}, std::vector<std::string>{"import"},
                      std::vector<std::string>{"articles"}, std::vector<std::string>{"articles", "frob"},
                      std::vector<std::string>{"articles", "show"}, std::vector<std::string>{"articles", "set-date", "1"},
                      std::vector<std::string>{"articles", "list", "extra"}, std::vector<std::string>{"search"},
                      std::vector<std::string>{"sql", "SELECT 1", "SELECT 2"}, std::vector<std::string>{"--db"}));

TEST(UsageErrorMessageCli, UnknownCommandIsNamed) {
  const RunResult r = runChronicle({"frobnicate"});
  EXPECT_TRUE(failedWithOneLine(r, kExitUsage, {"frobnicate"}));
}

TEST(UsageErrorMessageCli, UnknownArticlesCommandIsNamed) {
  const RunResult r = runChronicle({"articles", "frob"});
  EXPECT_TRUE(failedWithOneLine(r, kExitUsage, {"frob"}));
}

TEST(UsageErrorMessageCli, UnknownOptionIsNamed) {
  const RunResult r = runChronicle({"sql", "--frob", "SELECT 1"});
  EXPECT_TRUE(failedWithOneLine(r, kExitUsage, {"--frob"}));
}

}  // namespace
}  // namespace chronicle::clitest
