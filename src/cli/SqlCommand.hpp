#pragma once
#include "cli/Command.hpp"

namespace chronicle::cli {

class SqlCommand : public Command {
 public:
  void setup(CLI::App& sub) override;
  int run(const GlobalOptions& global) override;

 private:
  std::string query_;
  std::string format_ = "table";
  bool noHeader_ = false;
};

}  // namespace chronicle::cli
