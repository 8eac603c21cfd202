#include "cli/SearchCommand.hpp"

#include <nlohmann/json.hpp>
#include <unistd.h>

#include <iostream>

#include "cli/ExitCode.hpp"
#include "query/SentenceSearch.hpp"

namespace chronicle::cli {

void SearchCommand::setup(CLI::App& sub) {
  sub.add_option("text", words_, "Words to find (all of them); \"quoted words\" as a phrase")->required();
  sub.add_option("--limit", limit_, "At most this many sentences (default 20)")->check(CLI::PositiveNumber);
  sub.add_option("--format", format_, "text (highlighted) or ndjson")->check(CLI::IsMember({"text", "ndjson"}));
}

int SearchCommand::run(const GlobalOptions& global) {
  std::string text;
  for (const auto& w : words_) text += (text.empty() ? "" : " ") + w;
  Database db = global.openDatabase(Database::Access::ReadOnly);
  const bool json = format_ == "ndjson";
  const bool tty = !json && isatty(STDOUT_FILENO);
  const std::string open = json ? "[" : tty ? "\033[1;33m" : "[";
  const std::string close = json ? "]" : tty ? "\033[0m" : "]";
  const auto hits = searchSentences(db, text, limit_, open, close);
  for (const SearchHit& h : hits) {
    if (json) {
      nlohmann::ordered_json j{{"article", h.articleName}, {"article_id", h.articleId},
                               {"published", h.published ? nlohmann::ordered_json(*h.published) : nlohmann::ordered_json()},
                               {"sentence", h.ordinal}, {"start", h.start}, {"end", h.end}, {"snippet", h.snippet}};
      std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    } else {
      std::cout << "#" << h.articleId << " " << h.articleName << " (" << h.published.value_or("date unknown")
                << ") sentence " << h.ordinal << "\n  " << h.snippet << "\n";
    }
  }
  if (!json && !global.quiet && hits.empty()) std::cout << "no sentence matches\n";
  return exit_code::kOk;
}

}  // namespace chronicle::cli
