#include "cli/DatesCommand.hpp"

#include <nlohmann/json.hpp>

#include <iostream>

#include "cli/ExitCode.hpp"
#include "temporal/TemporalTagger.hpp"
#include "util/Error.hpp"
#include "util/Unicode.hpp"

namespace chronicle::cli {
namespace {

nlohmann::ordered_json mentionJson(const std::string& text, const TemporalMention& m) {
  auto date = [](const std::optional<CivilDate>& d) { return d ? nlohmann::ordered_json(d->iso()) : nlohmann::ordered_json(); };
  const bool resolved = m.resolution != Resolution::Unresolved;
  return {{"text", text.substr(m.begin, m.end - m.begin)},
          {"start", m.begin},
          {"end", m.end},
          {"date_start", date(m.dateStart)},
          {"date_end", date(m.dateEnd)},
          {"precision", resolved ? nlohmann::ordered_json(toString(m.precision)) : nlohmann::ordered_json()},
          {"time", m.time ? nlohmann::ordered_json(*m.time) : nlohmann::ordered_json()},
          {"resolution", toString(m.resolution)},
          {"rule", m.rule}};
}

}  // namespace

void DatesCommand::setup(CLI::App& sub) {
  sub.add_option("text", texts_, "Texts to tag (default: each line of stdin is one text)");
  sub.add_option("--anchor", anchor_,
                 "The date relative expressions count from, YYYY-MM-DD (the publication date); without it they stay "
                 "unresolved");
  sub.add_option("--prefer", prefer_, "past (news: a bare weekday or date is the latest one) or future (Duckling)")
      ->check(CLI::IsMember({"past", "future"}));
  sub.add_option("--format", format_, "text (for a person) or ndjson ({\"line\": N, \"mentions\": [...]})")
      ->check(CLI::IsMember({"text", "ndjson"}));
}

int DatesCommand::run(const GlobalOptions& global) {
  TaggerOptions options;
  if (!anchor_.empty()) {
    options.anchor = CivilDate::parseIso(anchor_);
    if (!options.anchor) throw UsageError("--anchor '" + anchor_ + "' is not a date (use YYYY-MM-DD)");
  }
  options.prefer = prefer_ == "future" ? Prefer::Future : Prefer::Past;
  const LexiconSource lexicon = global.lexicon();
  const TemporalTagger tagger(lexicon);
  const bool json = format_ == "ndjson";

  std::size_t lineNo = 0;
  auto tagOne = [&](std::string text) {
    ++lineNo;
    if (!text.empty() && text.back() == '\r') text.pop_back();
    if (!utf8::isValid(text)) throw InputError("line " + std::to_string(lineNo) + ": not valid UTF-8");
    const auto mentions = tagger.tag(text, options);
    if (json) {
      nlohmann::ordered_json line{{"line", lineNo}, {"mentions", nlohmann::ordered_json::array()}};
      for (const auto& m : mentions) line["mentions"].push_back(mentionJson(text, m));
      std::cout << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
      return;
    }
    for (const auto& m : mentions) {
      std::cout << lineNo << '\t' << text.substr(m.begin, m.end - m.begin) << '\t';
      if (m.resolution == Resolution::Unresolved) {
        std::cout << "unresolved";
      } else {
        std::cout << m.dateStart->iso();
        if (m.dateEnd != m.dateStart) std::cout << ".." << (m.dateEnd ? m.dateEnd->iso() : std::string());
        std::cout << ' ' << toString(m.precision);
        if (m.time) std::cout << ' ' << *m.time;
      }
      std::cout << "\t(" << toString(m.resolution) << ", " << m.rule << ")\n";
    }
  };
  if (!texts_.empty()) {
    for (const auto& text : texts_) tagOne(text);
  } else {
    std::string line;
    while (std::getline(std::cin, line)) tagOne(std::move(line));
  }
  return exit_code::kOk;
}

}  // namespace chronicle::cli
