#include "cli/DatesCommand.hpp"

#include <iostream>

#include "cli/ExitCode.hpp"
#include "cli/MentionJson.hpp"
#include "temporal/TemporalTagger.hpp"
#include "util/Error.hpp"
#include "util/Unicode.hpp"

namespace chronicle::cli {
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
  std::string buffer;
  std::vector<TemporalMention> mentions;
  auto tagOne = [&](std::string_view text) {
    ++lineNo;
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (!utf8::isValid(text)) throw InputError("line " + std::to_string(lineNo) + ": not valid UTF-8");
    tagger.tag(text, options, mentions);
    if (json) {
      buffer += "{\"line\":";
      buffer += std::to_string(lineNo);
      buffer += ",\"mentions\":[";
      for (std::size_t k = 0; k < mentions.size(); ++k) {
        if (k) buffer.push_back(',');
        appendMentionJson(buffer, text, mentions[k]);
      }
      buffer += "]}\n";
      if (buffer.size() > (1u << 16)) {
        std::cout << buffer;
        buffer.clear();
      }
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
    std::string line;  // reused: no allocation per line
    while (std::getline(std::cin, line)) tagOne(line);
  }
  std::cout << buffer;
  return exit_code::kOk;
}

}  // namespace chronicle::cli
