#include "temporal/Tokenizer.hpp"

#include <unicode/uchar.h>

#include <cctype>

#include "util/Unicode.hpp"

namespace chronicle {
namespace {

bool isWordByte(unsigned char c) { return static_cast<unsigned>((c | 0x20) - 'a') < 26u || c >= 0x80; }
bool isDigit(unsigned char c) { return static_cast<unsigned>(c - '0') < 10u; }

template <typename Emit>
void scan(std::string_view folded, Emit&& emit) {
  std::size_t i = 0;
  bool space = true;
  bool newline = false;
  while (i < folded.size()) {
    const auto c = static_cast<unsigned char>(folded[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
      newline = newline || c == '\n';
      ++i;
      continue;
    }
    const std::size_t start = i;
    Token::Kind kind = Token::Kind::Punct;
    if (isDigit(c)) {
      kind = Token::Kind::Number;
      while (i < folded.size() && isDigit(static_cast<unsigned char>(folded[i]))) ++i;
    } else if (isWordByte(c)) {
      kind = Token::Kind::Word;
      while (i < folded.size() && isWordByte(static_cast<unsigned char>(folded[i]))) ++i;
    } else {
      ++i;
    }
    emit(kind, start, i, space, newline);
    space = false;
    newline = false;
  }
}

}  // namespace

int Token::number() const {
  long v = 0;
  for (char d : text) {
    v = v * 10 + (d - '0');
    if (v > 1000000000) return 1000000000;
  }
  return static_cast<int>(v);
}

void TokenizedText::reset(std::string_view source) {
  source_ = source;
  tokens_.clear();
  // Token texts are views into folded_, written by index into a buffer sized
  // once: folding never more than triples a code point's bytes.
  if (folded_.size() < source.size() * 3 + 16) folded_.resize(source.size() * 3 + 16);
  char* const out = folded_.data();
  std::size_t used = 0;
  std::string scratch;
  bool space = true;
  bool newline = false;
  std::size_t pos = 0;
  const std::size_t n = source.size();
  const char* const src = source.data();

  std::size_t wordFolded = std::string::npos, wordSource = 0;  // the word being built
  bool wordCapital = false;
  auto emit = [&](Token::Kind kind, std::size_t foldedBegin, std::size_t b, std::size_t e, bool capital) {
    tokens_.push_back({kind, std::string_view(out + foldedBegin, used - foldedBegin), b, e, space, newline, capital});
    space = false;
    newline = false;
  };
  auto endWord = [&](std::size_t sourceEnd) {
    if (wordFolded == std::string::npos) return;
    emit(Token::Kind::Word, wordFolded, wordSource, sourceEnd, wordCapital);
    wordFolded = std::string::npos;
  };
  while (pos < n) {
    const auto c = static_cast<unsigned char>(src[pos]);
    if (c < 0x80) {
      if (isWordByte(c)) {
        if (wordFolded == std::string::npos) {
          wordFolded = used;
          wordSource = pos;
          wordCapital = c <= 'Z';
        }
        out[used++] = static_cast<char>(c | 0x20);
        ++pos;
        continue;
      }
      endWord(pos);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        space = true;
        newline = newline || c == '\n';
        ++pos;
      } else if (isDigit(c)) {
        const std::size_t b = pos;
        const std::size_t at = used;
        while (pos < n && isDigit(static_cast<unsigned char>(src[pos]))) out[used++] = src[pos++];
        emit(Token::Kind::Number, at, b, pos, false);
      } else {
        const std::size_t at = used;
        out[used++] = static_cast<char>(c);
        emit(Token::Kind::Punct, at, pos, pos + 1, false);
        ++pos;
      }
      continue;
    }
    // Non-ASCII: fold the code point and see what it became.
    const std::size_t start = pos;
    const char32_t cp = utf8::next(source, pos);
    const std::string_view piece = foldCodePoint(cp, scratch);
    if (piece.empty()) continue;  // a combining mark: part of the word around it
    if (used + piece.size() + 1 > folded_.size()) break;  // cannot happen: the buffer is three times the source
    if (isWordByte(static_cast<unsigned char>(piece[0]))) {
      if (wordFolded == std::string::npos) {
        wordFolded = used;
        wordSource = start;
        wordCapital = u_isupper(static_cast<UChar32>(cp));  // É, Ş, İ, Ə...
      }
      for (char p : piece) out[used++] = p;
      continue;
    }
    endWord(start);
    if (piece == " ") {
      space = true;
      continue;
    }
    for (char p : piece) {
      if (isDigit(static_cast<unsigned char>(p))) continue;  // superscripts and the like: not tokens
      const std::size_t at = used;
      out[used++] = p;
      emit(Token::Kind::Punct, at, start, pos, false);
    }
  }
  endWord(n);
}

std::vector<std::string> tokenizePhrase(std::string_view phrase) {
  const std::string f = fold(phrase);
  std::vector<std::string> out;
  scan(f, [&](Token::Kind, std::size_t b, std::size_t e, bool, bool) { out.emplace_back(f.substr(b, e - b)); });
  return out;
}

}  // namespace chronicle
