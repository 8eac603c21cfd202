#pragma once
// Matches the phrases of the event lexicons (lexicon/fr/events/README.md) on
// the folded tokens of a sentence. A phrase is a sequence of words; `word*`
// matches any word starting with `word`, `_` a gap of up to kMaxGap words
// (commas allowed, no sentence punctuation). Hyphens are not tokens here:
// "cessez-le-feu" and "cessez le feu" are one phrase.
//
// Phrases are indexed by their first word (exact, or its prefix), so a
// sentence costs one hash lookup per token and prefix length, not one test
// per phrase.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "temporal/Tokenizer.hpp"
#include "util/StringMap.hpp"

namespace chronicle {

inline constexpr int kMaxGap = 3;

// The tokens of a sentence the matcher sees: hyphens dropped, each keeping
// its index in the full token vector.
struct WordView {
  std::vector<const Token*> tokens;
  std::vector<std::size_t> original;  // index in the TokenizedText of each token
  void reset(const std::vector<Token>& all, std::size_t from, std::size_t to);
  std::size_t size() const { return tokens.size(); }
  std::string_view text(std::size_t k) const { return tokens[k]->text; }
};

struct PhraseMatch {
  std::size_t first = 0;  // WordView positions [first, last)
  std::size_t last = 0;
  std::size_t id = 0;     // the phrase's id as given to add()
};

class PhraseMatcher {
 public:
  // Throws InputError naming `where` when the phrase is empty or malformed.
  void add(std::string_view phrase, std::size_t id, const std::string& where);

  // Longest match at each position, left to right, not overlapping (ties:
  // the phrase added first).
  std::vector<PhraseMatch> findAll(const WordView& words) const;
  // Every match (overlapping allowed), longest first at each position.
  std::vector<PhraseMatch> findEvery(const WordView& words) const;

  std::size_t size() const { return phrases_.size(); }

 private:
  struct Part {
    std::string text;
    bool prefix = false;
    bool gap = false;
  };
  struct Phrase {
    std::vector<Part> parts;
    std::size_t id = 0;
  };
  std::size_t matchAt(const Phrase& p, std::size_t part, const WordView& w, std::size_t pos) const;
  void candidates(const WordView& w, std::size_t pos, std::vector<std::size_t>& out) const;

  std::vector<Phrase> phrases_;
  StringMap<std::vector<std::size_t>> byWord_;    // first part exact
  StringMap<std::vector<std::size_t>> byPrefix_;  // first part a prefix
  std::size_t shortestPrefix_ = 64;
  std::size_t longestPrefix_ = 0;
  // A filter on the first three bytes of the prefix heads: most words start
  // no prefix phrase, and one bit test spares them the lookups of every
  // prefix length (false positives only cost those lookups).
  static constexpr std::size_t kHeadBits = 1u << 16;
  static std::size_t headKey(std::string_view word);
  std::vector<bool> prefixHeads_ = std::vector<bool>(kHeadBits, false);
};

}  // namespace chronicle
