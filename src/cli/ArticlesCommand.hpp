#pragma once
#include "cli/Command.hpp"

namespace chronicle::cli {

// articles list | show ID | set-date ID DATE | remove ID
class ArticlesCommand : public Command {
 public:
  void setup(CLI::App& sub) override;
  int run(const GlobalOptions& global) override;

 private:
  CLI::App* list_ = nullptr;
  CLI::App* show_ = nullptr;
  CLI::App* setDate_ = nullptr;
  CLI::App* remove_ = nullptr;
  std::int64_t id_ = 0;
  std::string date_;
  std::string format_ = "table";
  bool sentences_ = false;
};

}  // namespace chronicle::cli
