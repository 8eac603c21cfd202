#pragma once
// Tokens of folded text for the temporal rules: runs of letters (words), runs
// of digits (numbers) and single punctuation characters, each with its folded
// text and its byte span in the source text, and whether blank space
// precedes it. One pass over the source folds and splits at once. "aujourd'hui" is three tokens (aujourd ' hui), "16-11-21"
// five; rules see through that.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "text/Fold.hpp"

namespace chronicle {

struct Token {
  enum class Kind { Word, Number, Punct };
  Kind kind;
  std::string_view text;  // in the folded text
  std::size_t srcBegin;   // byte span in the source text
  std::size_t srcEnd;
  bool spaceBefore;     // blank space (or the start of the text) before it
  bool newlineBefore;   // a line break before it
  bool capitalised;     // the source starts with an upper-case letter
  int id = 0;           // for the consumer: an interned word number, 0 when unknown

  bool isWord() const { return kind == Kind::Word; }
  bool isNumber() const { return kind == Kind::Number; }
  bool isPunct(char c) const { return kind == Kind::Punct && text.size() == 1 && text[0] == c; }
  int number() const;  // value of a Number token (saturates at 1e9)
};

// Whether token k opens a new sentence: after a line break, or after a
// full stop, '!' or '?' when the token is capitalised. A cheap split for
// the scans that only need to keep within a sentence (the tagger, the
// entity finder); the stored sentences come from SentenceSegmenter.
inline bool startsSentence(const std::vector<Token>& t, std::size_t k) {
  return k > 0 && (t[k].newlineBefore ||
                   ((t[k - 1].isPunct('.') || t[k - 1].isPunct('!') || t[k - 1].isPunct('?')) && t[k].capitalised));
}

class TokenizedText {
 public:
  TokenizedText() = default;
  explicit TokenizedText(std::string_view source) { reset(source); }
  // Tokenizes another text, reusing the buffers.
  void reset(std::string_view source);
  // Tokens point into the folded copy held here: not copyable or movable.
  TokenizedText(const TokenizedText&) = delete;
  TokenizedText& operator=(const TokenizedText&) = delete;

  const std::vector<Token>& tokens() const { return tokens_; }
  std::vector<Token>& tokens() { return tokens_; }
  std::string_view source() const { return source_; }

 private:
  std::string_view source_;
  std::string folded_;  // the folded text of the tokens, back to back
  std::vector<Token> tokens_;
};

// Tokenizes a pattern or a lexicon phrase the same way (folded), returning
// the token texts.
std::vector<std::string> tokenizePhrase(std::string_view phrase);

}  // namespace chronicle
