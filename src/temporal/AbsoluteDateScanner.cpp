#include "temporal/AbsoluteDateScanner.hpp"

#include <cctype>

#include "text/Fold.hpp"

namespace chronicle {
namespace {

enum class Kind { Word, Number, Punct };

struct Token {
  Kind kind;
  std::size_t begin;  // in folded text
  std::size_t end;
  std::string_view text;
  bool spaceBefore;  // whitespace between the previous token and this one
};

bool isWordByte(unsigned char c) { return std::isalpha(c) || c >= 0x80; }

std::vector<Token> tokenize(std::string_view folded) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  bool space = true;
  while (i < folded.size()) {
    const auto c = static_cast<unsigned char>(folded[i]);
    if (c == ' ' || c == '\t' || c == '\n') {
      space = true;
      ++i;
      continue;
    }
    const std::size_t start = i;
    Kind kind = Kind::Punct;
    if (std::isdigit(c)) {
      kind = Kind::Number;
      while (i < folded.size() && std::isdigit(static_cast<unsigned char>(folded[i]))) ++i;
    } else if (isWordByte(c)) {
      kind = Kind::Word;
      while (i < folded.size() && isWordByte(static_cast<unsigned char>(folded[i]))) ++i;
    } else {
      ++i;
    }
    tokens.push_back({kind, start, i, folded.substr(start, i - start), space});
    space = false;
  }
  return tokens;
}

int toInt(std::string_view digits) {
  int v = 0;
  for (char d : digits) v = v * 10 + (d - '0');
  return v;
}

std::optional<int> yearOf(const Token& t) {
  if (t.kind != Kind::Number) return std::nullopt;
  if (t.text.size() == 4) return toInt(t.text);
  if (t.text.size() == 2) {
    const int yy = toInt(t.text);
    return yy > 69 ? 1900 + yy : 2000 + yy;
  }
  return std::nullopt;
}

void loadNames(const LexiconSource& lexicon, const char* path, int maxValue,
               std::unordered_map<std::string, int>& into) {
  const LexiconFile file = lexicon.load(path);
  for (const LexiconLine& line : file.entries()) {
    const auto fields = splitFields(line.text);
    int value = 0;
    for (char c : fields[0]) value = std::isdigit(static_cast<unsigned char>(c)) ? value * 10 + (c - '0') : -1000;
    if (fields.size() < 2 || value < 1 || value > maxValue)
      file.fail(line, "expected NUMBER|name|alias..., with NUMBER from 1 to " + std::to_string(maxValue));
    for (std::size_t i = 1; i < fields.size(); ++i) {
      std::string key = fold(fields[i]);
      if (!key.empty() && key.back() == '.') key.pop_back();
      if (key.empty()) file.fail(line, "empty name");
      into[key] = value;
    }
  }
}

}  // namespace

AbsoluteDateScanner::AbsoluteDateScanner(const LexiconSource& lexicon) {
  loadNames(lexicon, "fr/temporal/months.txt", 12, months_);
  loadNames(lexicon, "fr/temporal/weekdays.txt", 7, weekdays_);
}

int AbsoluteDateScanner::month(std::string_view foldedWord) const {
  const auto it = months_.find(std::string(foldedWord));
  return it == months_.end() ? 0 : it->second;
}

int AbsoluteDateScanner::weekday(std::string_view foldedWord) const {
  const auto it = weekdays_.find(std::string(foldedWord));
  return it == weekdays_.end() ? 0 : it->second;
}

std::vector<AbsoluteDate> AbsoluteDateScanner::scan(std::string_view text) const {
  const FoldedText folded = foldWithOffsets(text);
  const std::vector<Token> tok = tokenize(folded.text);
  std::vector<AbsoluteDate> out;
  auto emit = [&](std::size_t first, std::size_t last, std::optional<CivilDate> date, const char* rule) {
    if (!date) return false;
    out.push_back({folded.origin[tok[first].begin], folded.origin[tok[last].end], *date, rule});
    return true;
  };
  // A number glued to letters or digits on its left is not a date's start
  // ("Orbiter-1K", "base102"); nor is one followed by more digits or letters.
  auto freeLeft = [&](std::size_t i) {
    return i == 0 || tok[i].spaceBefore || tok[i - 1].kind == Kind::Punct;
  };
  auto freeRight = [&](std::size_t last) {
    return last + 1 >= tok.size() || tok[last + 1].spaceBefore || tok[last + 1].kind == Kind::Punct;
  };
  auto gluedPunct = [&](std::size_t i, char c) {
    return i < tok.size() && tok[i].kind == Kind::Punct && !tok[i].spaceBefore && tok[i].text.size() == 1 &&
           tok[i].text[0] == c;
  };

  for (std::size_t i = 0; i < tok.size(); ++i) {
    if (tok[i].kind != Kind::Number || !freeLeft(i)) continue;
    // ISO: 2020-10-31, also as the date part of 2020-10-31T10:00
    if (tok[i].text.size() == 4 && i + 4 < tok.size() && gluedPunct(i + 1, '-') &&
        tok[i + 2].kind == Kind::Number && !tok[i + 2].spaceBefore && gluedPunct(i + 3, '-') &&
        tok[i + 4].kind == Kind::Number && !tok[i + 4].spaceBefore &&
        (freeRight(i + 4) || (i + 5 < tok.size() && tok[i + 5].text == "t" && !tok[i + 5].spaceBefore))) {
      if (emit(i, i + 4, CivilDate::make(toInt(tok[i].text), toInt(tok[i + 2].text), toInt(tok[i + 4].text)),
               "iso")) {
        i += 4;
        continue;
      }
    }
    if (tok[i].text.size() > 2) continue;
    const int day = toInt(tok[i].text);
    // Numeric: 31/10/2020, 16-11-21, 16.11.2021 (same separator twice)
    if (i + 4 < tok.size() && tok[i + 1].kind == Kind::Punct && !tok[i + 1].spaceBefore) {
      const char sep = tok[i + 1].text[0];
      if ((sep == '/' || sep == '-' || sep == '.') && tok[i + 2].kind == Kind::Number &&
          !tok[i + 2].spaceBefore && tok[i + 2].text.size() <= 2 && gluedPunct(i + 3, sep) &&
          tok[i + 4].kind == Kind::Number && !tok[i + 4].spaceBefore &&
        (freeRight(i + 4) || (i + 5 < tok.size() && tok[i + 5].text == "t" && !tok[i + 5].spaceBefore))) {
        if (auto y = yearOf(tok[i + 4])) {
          if (emit(i, i + 4, CivilDate::make(*y, toInt(tok[i + 2].text), day), "numeric-dmy")) {
            i += 4;
            continue;
          }
        }
      }
    }
    // Day-month-year: [weekday] D[er] month[.] YYYY|YY
    std::size_t j = i + 1;
    if (j < tok.size() && tok[j].kind == Kind::Word && !tok[j].spaceBefore &&
        (tok[j].text == "er" || tok[j].text == "e"))
      ++j;
    if (j >= tok.size() || tok[j].kind != Kind::Word || !tok[j].spaceBefore) continue;
    const int m = month(tok[j].text);
    if (m == 0) continue;
    std::size_t k = j + 1;
    if (gluedPunct(k, '.')) ++k;
    if (k >= tok.size() || !tok[k].spaceBefore || !freeRight(k)) continue;
    const auto y = yearOf(tok[k]);
    if (!y) continue;
    // A two-digit year right after a month could be a time ("16 nov 21h"):
    // freeRight() already refused "21h"; accept "16 nov 21".
    std::size_t first = i;
    if (i > 0 && tok[i - 1].kind == Kind::Word && weekday(tok[i - 1].text) != 0) first = i - 1;
    if (emit(first, k, CivilDate::make(*y, m, day), "day-month-year")) i = k;
  }
  return out;
}

}  // namespace chronicle
