#include "temporal/Tokenizer.hpp"

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
  foldWithOffsetsInto(source, folded_);
  tokens_.clear();
  const std::string& f = folded_.text;
  scan(f, [&](Token::Kind kind, std::size_t b, std::size_t e, bool space, bool newline) {
    const std::size_t sb = folded_.origin[b];
    // The source span ends where the next folded byte's source begins.
    std::size_t se = folded_.origin[e];
    if (se == sb) se = sb + 1;  // a folded expansion inside one source char
    bool capital = false;
    if (kind == Token::Kind::Word) {
      const auto first = static_cast<unsigned char>(source_[sb]);
      if (first < 0x80) {
        capital = first >= 'A' && first <= 'Z';
      } else {
        std::size_t p = sb;
        const char32_t cp = utf8::next(source_, p);
        capital = cp >= 0xC0 && cp <= 0xDE;
      }
    }
    tokens_.push_back({kind, std::string_view(f).substr(b, e - b), sb, se, space, newline, capital});
  });
}

std::vector<std::string> tokenizePhrase(std::string_view phrase) {
  const std::string f = fold(phrase);
  std::vector<std::string> out;
  scan(f, [&](Token::Kind, std::size_t b, std::size_t e, bool, bool) { out.emplace_back(f.substr(b, e - b)); });
  return out;
}

}  // namespace chronicle
