#pragma once
// chronicle check: is the database whole (store/DatabaseCheck)? Exit 0 when
// every check passes, 1 with one line per problem.
#include "cli/Command.hpp"

namespace chronicle::cli {

class CheckCommand : public Command {
 public:
  void setup(CLI::App& sub) override;
  int run(const GlobalOptions& global) override;
};

}  // namespace chronicle::cli
