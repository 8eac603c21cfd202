#pragma once
// Reads the quantities of French text — how many people or things — from
// its tokens: digits with French separators ("49", "1.250", "5 000",
// "1,5 million"), number words ("vingt-cinq", "deux cents", "trois mille"),
// collectives ("une cinquantaine", "des centaines") and the words that bound
// or blur them ("au moins 49", "moins de 50", "près de 50", "entre 10 et 20").
// All the French lives in lexicon/fr/events/quantities.txt (its header
// explains each kind of phrase); month names come from
// fr/temporal/months.txt.
//
// Promises: quantities come in text order and never overlap; a number that
// is part of a date or a clock time ("le 14 octobre", "octobre 2020",
// "16-11-21", "18h30"), an ordinal ("2e", "1er"), a model name ("T-72") or a
// percentage is not a quantity; "un"/"une" alone is an article. Years are
// read as numbers: the caller decides by context. No allocation beyond the
// result vector.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/LexiconFile.hpp"
#include "temporal/Tokenizer.hpp"
#include "util/StringMap.hpp"

namespace chronicle {

// A number of people or things in French text: "49", "1.250", "5 000", "30.000",
// "une cinquantaine", "des centaines", "au moins 49", "près de 50", "plus de 1.250",
// "entre 10 et 20", "dix", "vingt-cinq", "deux cents", "trois mille", "1,5 million".
struct Quantity {
  std::size_t firstToken = 0;  // token range [firstToken, lastToken) it spans, qualifier included
  std::size_t lastToken = 0;
  std::size_t begin = 0;       // UTF-8 byte span in the source text, end exclusive
  std::size_t end = 0;
  long best = 0;               // the most likely value
  std::optional<long> low;     // the smallest value the words allow, when they bound it
  std::optional<long> high;    // the largest, when bounded
  bool approximate = false;    // "près de", "environ", "une cinquantaine"
};
// An exact number has best == low == high; "au moins 49" has low only,
// "moins de 50" high only; "près de 50" and "une cinquantaine" neither, and
// are approximate; "des dizaines" is 20..99 (best 20) and "entre 10 et 20"
// 10..20 (best 10), neither approximate.

class QuantityReader {
 public:
  static constexpr std::string_view kFormat = "kind|value|phrase|phrase...";

  // Loads "fr/events/quantities.txt" and "fr/temporal/months.txt"; a bad
  // line throws InputError "file:line: message".
  explicit QuantityReader(const LexiconSource& lexicon);

  // Every quantity among tokens[from, to), in order, not overlapping. Tokens
  // outside the range are only looked at as context ("octobre" after "14").
  std::vector<Quantity> find(const std::vector<Token>& tokens, std::size_t from, std::size_t to) const;

 private:
  using Tokens = std::vector<Token>;
  struct Phrase {
    std::vector<std::string> tail;  // the folded tokens after the first
    unsigned kind = 0;              // one kind bit (see the .cpp)
    long value = 0;
  };
  struct Match {
    unsigned kind = 0;
    long value = 0;
    std::size_t length = 0;  // in tokens; 0: no match
    explicit operator bool() const { return length != 0; }
  };
  struct Core;  // a number, collective or range before its qualifier applies

  // The longest phrase of one of `kinds` at tokens[i], within [i, end).
  Match match(const Tokens& t, std::size_t i, std::size_t end, unsigned kinds) const;
  // On failure `resume` may say where to look next, past a rejected number.
  bool readQuantity(const Tokens& t, std::size_t i, std::size_t end, Quantity& q, std::size_t& resume) const;
  bool readRange(const Tokens& t, std::size_t i, std::size_t end, Core& c) const;
  bool readCollective(const Tokens& t, std::size_t i, std::size_t end, Core& c) const;
  bool readNumber(const Tokens& t, std::size_t i, std::size_t end, Core& c, bool inRange) const;
  bool readDigits(const Tokens& t, std::size_t i, std::size_t end, Core& c, bool bareDecimal) const;
  bool readWords(const Tokens& t, std::size_t i, std::size_t end, Core& c, bool loneOne) const;
  bool isMonth(const Tokens& t, std::size_t k) const;
  bool leadsToMonth(const Tokens& t, std::size_t k) const;

  StringMap<std::vector<Phrase>> phrases_;  // by first folded token, longest first
};

}  // namespace chronicle
