#pragma once
// The French temporal tagger: every date expression of a text, as a UTF-8
// byte span with its calendar interval [dateStart, dateEnd] (inclusive days),
// a precision, a time of day when one is given, how it was resolved and the
// rule that matched. The French knowledge is data (lexicon/fr/temporal/): the
// vocabularies (months, weekdays, numbers, units, seasons, holidays, parts of
// the day) and the patterns of rules.txt, each naming the resolver that
// computes its interval.
//
// Conventions (docs/temporal.md has the full list):
// - weeks run Monday to Sunday; seasons are astronomical (printemps 21/3,
//   été 21/6, automne 22/9, hiver 21/12 to 20/3), "hiver 2022" is the winter
//   of early 2022 (21/12/2021 to 20/3/2022);
// - with no anchor (an undated article) nothing relative to it is resolved:
//   such mentions are Unresolved with no dates, never dated to today;
// - Prefer::Past (news): a bare weekday or day-month is its latest occurrence
//   on or before the anchor; "prochain", "dans N jours" and future-tense
//   context look forward; Prefer::Future is Duckling's convention;
// - "la veille", "le lendemain"… count from the date the sentence links them
//   to ("la veille de l'offensive du 27 septembre"), else the previous date of
//   the same sentence, else the anchor.
//
// Thread-safe after construction: tag() keeps no state between calls.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/LexiconFile.hpp"
#include "temporal/CivilDate.hpp"

namespace chronicle {

enum class Precision { Day, Week, Month, Season, Year, Decade };
enum class Resolution { Absolute, Anchor, Previous, Unresolved };
enum class Prefer { Past, Future };

const char* toString(Precision p);
const char* toString(Resolution r);

struct TemporalMention {
  std::size_t begin = 0;  // UTF-8 byte span in the tagged text, end exclusive
  std::size_t end = 0;
  std::optional<CivilDate> dateStart;  // empty when unresolved
  std::optional<CivilDate> dateEnd;    // empty when unresolved or open-ended ("à partir du 8")
  Precision precision = Precision::Day;
  std::optional<std::string> time;  // "HH:MM" when a time of day is given
  Resolution resolution = Resolution::Absolute;
  std::string_view rule;  // the rule of rules.txt that matched (valid while the tagger lives)
};

struct TaggerOptions {
  std::optional<CivilDate> anchor;  // the publication date; none for an undated article
  Prefer prefer = Prefer::Past;
};

class TemporalTagger {
 public:
  explicit TemporalTagger(const LexiconSource& lexicon);
  ~TemporalTagger();
  TemporalTagger(const TemporalTagger&) = delete;
  TemporalTagger& operator=(const TemporalTagger&) = delete;

  // Mentions in text order, not overlapping.
  std::vector<TemporalMention> tag(std::string_view text, const TaggerOptions& options) const;
  // The same into `out` (cleared first), reusing its storage: for callers
  // that tag many short texts.
  void tag(std::string_view text, const TaggerOptions& options, std::vector<TemporalMention>& out) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace chronicle
