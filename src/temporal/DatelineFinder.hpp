#pragma once
// Finds an article's dateline: the date at its top that says when it was
// written. It tags the first kHeaderLines non-empty lines (no anchor: only
// what is absolute resolves) and accepts the first absolute day that is either on a short line of its own
// ("dimanche 1 novembre 2020", "DERNIERE MINUTE (16-11-21 / 20H30)") or at
// the start of a paragraph in agency style, followed by a news agency in
// brackets or a dash ("Erevan, 31 oct 2020 (AFP) - ..."). News agencies come
// from lexicon/world/news_agencies.txt. A date inside the body's first
// sentence ("Le 27 septembre 2020, l'armée...") is not a dateline.
#include <optional>
#include <string_view>
#include <string>
#include <unordered_set>

#include "temporal/TemporalTagger.hpp"

namespace chronicle {

inline constexpr std::size_t kHeaderLines = 6;

struct Dateline {
  std::size_t begin = 0;   // the date's byte span in the text
  std::size_t end = 0;
  CivilDate date;
  std::string rule;        // the tagger rule that read it, as "dateline/RULE"
  std::size_t headerEnd;   // where the dateline ends: after "(AFP) -" in agency style,
                           // else the end of its line; the body starts here
};

class DatelineFinder {
 public:
  DatelineFinder(const LexiconSource& lexicon, const TemporalTagger& tagger);

  std::optional<Dateline> find(std::string_view text) const;

 private:
  // Bytes of "rest" taken by an agency-style tail — " (AFP) - ", " - " — or 0.
  std::size_t agencyTail(std::string_view rest) const;

  const TemporalTagger& tagger_;
  std::unordered_set<std::string> agencies_;  // folded
};

}  // namespace chronicle
