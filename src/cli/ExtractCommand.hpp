#pragma once
#include "cli/Command.hpp"

namespace chronicle::cli {

// chronicle extract: the pipeline on articles without storing them — each
// sentence with its dates and the places, actors and people in it.
class ExtractCommand : public Command {
 public:
  void setup(CLI::App& sub) override;
  int run(const GlobalOptions& global) override;

 private:
  std::vector<std::string> inputs_;
  std::string date_;
  std::string format_ = "text";
  std::string maxSentence_;
};

}  // namespace chronicle::cli
