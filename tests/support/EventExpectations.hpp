#pragma once
// The expectations of the event tests, in one syntax for the EXAMPLE lines of
// lexicon/fr/events/ and the tables of tests/data/events/ (conventions at the
// top of tests/data/events/attribution-modality.tsv): space-separated
// key:value tokens one extracted mention must all carry (subset semantics);
// `none` alone: no mention at all; `-type:X`: no mention of type X.
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "events/EventExtractor.hpp"
#include "lexicon/LexiconFile.hpp"

namespace chronicle::test {

// One extractor over the embedded lexicons, for sentences given alone.
class SentenceEvents {
 public:
  SentenceEvents()
      : lexicon_(), tagger_(lexicon_), gazetteer_(lexicon_), events_(lexicon_), quantities_(lexicon_),
        extractor_(events_, gazetteer_, tagger_, quantities_) {}

  // One sentence, or a short text: sentences separated by " | ", paragraphs
  // by " ¶ " (the key `sentence:N` then says which one, from 0).
  std::vector<EventMention> operator()(const std::string& sentence, std::optional<CivilDate> anchor) const {
    std::string text;
    std::vector<ByteSpan> spans;
    std::size_t from = 0;
    while (true) {
      const std::size_t bar = sentence.find(" | ", from), para = sentence.find(" ¶ ", from);
      const std::size_t end = std::min(bar, para);
      const std::size_t begin = text.size();
      text += sentence.substr(from, end == std::string::npos ? std::string::npos : end - from);
      spans.push_back(ByteSpan{begin, text.size()});
      if (end == std::string::npos) break;
      text += end == para ? "\n\n" : " ";
      from = end + (end == para ? std::string_view(" ¶ ").size() : 3);
    }
    return extractor_.extract(text, spans, anchor);
  }

  static const SentenceEvents& shared() {
    static const SentenceEvents instance;
    return instance;
  }

 private:
  LexiconSource lexicon_;
  TemporalTagger tagger_;
  Gazetteer gazetteer_;
  EventLexicon events_;
  QuantityReader quantities_;
  EventExtractor extractor_;
};

inline std::string value(const EventMention& m, const std::string& key) {
  auto num = [](const std::optional<long>& v) { return v ? std::to_string(*v) : std::string("-"); };
  if (key == "type") return m.type;
  if (key == "subtype") return m.subtype;
  if (key == "status") return m.status;
  if (key == "initiator") return m.initiator;
  if (key == "target") return m.target;
  if (key == "mediator") return m.mediator;
  if (key == "claimed_by") return m.claimedBy;
  if (key == "modality") return m.modality;
  if (key == "fatalities") return num(m.fatalities);
  if (key == "low") return num(m.fatalitiesLow);
  if (key == "high") return num(m.fatalitiesHigh);
  if (key == "date") return m.dateStart ? m.dateStart->iso() : "none";
  if (key == "precision") return m.precision;
  if (key == "date_source") return m.dateSource;
  if (key == "sentence") return std::to_string(m.sentence);
  return "?";
}

inline std::string describe(const EventMention& m) {
  std::string s = m.type;
  for (const char* k : {"subtype", "status", "initiator", "target", "mediator", "claimed_by", "modality", "fatalities",
                        "date", "precision", "date_source"}) {
    const std::string v = value(m, k);
    if (!v.empty() && v != "-") s += std::string(" ") + k + ":" + v;
  }
  return s;
}

// "" when the expectation holds, else what failed and what was found.
inline std::string checkEvents(const std::vector<EventMention>& found, const std::string& expected) {
  std::istringstream in(expected);
  std::vector<std::pair<std::string, std::string>> want;
  std::string token;
  std::string failure;
  while (in >> token) {
    if (token == "none") {
      if (!found.empty()) failure = "expected no mention";
      continue;
    }
    if (token.rfind("-type:", 0) == 0) {
      for (const EventMention& m : found)
        if (m.type == token.substr(6)) failure = "unexpected " + token.substr(1);
      continue;
    }
    const auto colon = token.find(':');
    if (colon == std::string::npos) return "malformed expectation '" + token + "'";
    want.emplace_back(token.substr(0, colon), token.substr(colon + 1));
  }
  if (failure.empty() && !want.empty()) {
    bool any = false;
    for (const EventMention& m : found) {
      bool all = true;
      for (const auto& [k, v] : want) all = all && value(m, k) == v;
      any = any || all;
    }
    if (!any) failure = "no mention with " + expected;
  }
  if (failure.empty()) return {};
  std::string got;
  for (const EventMention& m : found) got += "\n    found: " + describe(m);
  return failure + (got.empty() ? "\n    found nothing" : got);
}

}  // namespace chronicle::test
