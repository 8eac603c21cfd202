#pragma once
#include "cli/Command.hpp"

namespace chronicle::cli {

// chronicle dates: the temporal tagger alone, one text per stdin line or
// argument.
class DatesCommand : public Command {
 public:
  void setup(CLI::App& sub) override;
  int run(const GlobalOptions& global) override;

 private:
  std::vector<std::string> texts_;
  std::string anchor_;
  std::string prefer_ = "past";
  std::string format_ = "text";
};

}  // namespace chronicle::cli
