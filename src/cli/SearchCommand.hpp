#pragma once
#include "cli/Command.hpp"

namespace chronicle::cli {

class SearchCommand : public Command {
 public:
  void setup(CLI::App& sub) override;
  int run(const GlobalOptions& global) override;

 private:
  std::vector<std::string> words_;
  std::size_t limit_ = 20;
  std::string format_ = "text";
};

}  // namespace chronicle::cli
