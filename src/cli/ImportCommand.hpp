#pragma once
#include "cli/Command.hpp"
#include "ingest/RawArticle.hpp"

namespace chronicle::cli {

class ImportCommand : public Command {
 public:
  void setup(CLI::App& sub) override;
  int run(const GlobalOptions& global) override;

 private:
  std::vector<std::string> paths_;
  std::string date_, source_, url_, title_, language_;
  std::string maxSize_;
  std::string maxSentence_;
  unsigned jobs_ = 0;  // 0: one per core
};

}  // namespace chronicle::cli
