#include "events/QuantityReader.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "util/Error.hpp"

namespace chronicle {
namespace {

// The kinds of quantities.txt, as bits so that one lookup asks for several.
constexpr unsigned kNumber = 1u << 0;
constexpr unsigned kOne = 1u << 1;
constexpr unsigned kJoiner = 1u << 2;
constexpr unsigned kCollective = 1u << 3;
constexpr unsigned kCollectives = 1u << 4;
constexpr unsigned kSome = 1u << 5;
constexpr unsigned kOf = 1u << 6;
constexpr unsigned kAtLeast = 1u << 7;
constexpr unsigned kAtMost = 1u << 8;
constexpr unsigned kAbout = 1u << 9;
constexpr unsigned kRangeStart = 1u << 10;
constexpr unsigned kRangeTo = 1u << 11;
constexpr unsigned kRangeAnd = 1u << 12;
constexpr unsigned kDateLink = 1u << 13;
constexpr unsigned kClock = 1u << 14;
constexpr unsigned kNotCount = 1u << 15;
constexpr unsigned kMonth = 1u << 16;  // from months.txt

struct KindName {
  std::string_view name;
  unsigned kind;
  bool valued;  // the value column is a number, else '-'
};
constexpr KindName kKinds[] = {
    {"number", kNumber, true},         {"one", kOne, true},           {"joiner", kJoiner, false},
    {"collective", kCollective, true}, {"collectives", kCollectives, true}, {"some", kSome, false},
    {"of", kOf, false},                {"at-least", kAtLeast, false}, {"at-most", kAtMost, false},
    {"about", kAbout, false},          {"range-start", kRangeStart, false}, {"range-to", kRangeTo, false},
    {"range-and", kRangeAnd, false},   {"date-link", kDateLink, false}, {"clock", kClock, false},
    {"not-count", kNotCount, false},
};

constexpr long kHundred = 100;
constexpr long kThousand = 1000;
constexpr long kMaxValue = 1'000'000'000;            // largest value a data line may give
constexpr long kMaxCount = 1'000'000'000'000'000;    // 1e15: beyond it a reading is no count
constexpr std::size_t kMaxDigits = 15;

// The value of a run of digits (at most kMaxDigits of them).
long digitsValue(std::string_view s) {
  long v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

// "5" in "1,5" is 0.5.
double fractionValue(std::string_view s) {
  double v = 0;
  double unit = 0.1;
  for (std::size_t i = 0; i < s.size() && i < 9; ++i, unit /= 10) v += (s[i] - '0') * unit;
  return v;
}

// Whether the number at i is glued to what precedes it: letters or digits
// ("TB2", "A320"), or a punctuation mark itself glued to them ("T-72",
// "16-11-21", "n°5", "18:30"). An elision is not glue: "d'un million".
bool gluedBefore(const std::vector<Token>& t, std::size_t i) {
  if (i == 0 || t[i].spaceBefore) return false;
  const Token& p = t[i - 1];
  if (p.isWord() || p.isNumber()) return true;
  if (p.isPunct('\'')) return false;
  return i >= 2 && !p.spaceBefore && (t[i - 2].isWord() || t[i - 2].isNumber());
}

// Whether the reading that ends before token k is glued to what follows:
// letters ("1er", "2e", "18h30"), or a punctuation mark glued to letters or
// digits ("16-11", "12,5", "deux-roues").
bool gluedAfter(const std::vector<Token>& t, std::size_t k) {
  if (k >= t.size() || t[k].spaceBefore) return false;
  if (t[k].isWord() || t[k].isNumber()) return true;
  return k + 1 < t.size() && !t[k + 1].spaceBefore && (t[k + 1].isWord() || t[k + 1].isNumber());
}

}  // namespace

struct QuantityReader::Core {
  std::size_t next = 0;  // the token after it
  long value = 0;
  std::optional<long> low;
  std::optional<long> high;
  bool approximate = false;
  long scale = 0;         // the scale word it ends with ("6 millions": 1000000), else 0
  bool decimal = false;   // a bare decimal ("1,5"), only read as the first end of a range
  double fraction = 0;    // its decimal part
};

QuantityReader::QuantityReader(const LexiconSource& lexicon) {
  auto add = [&](const std::string& phrase, unsigned kind, long value) {
    std::vector<std::string> tokens = tokenizePhrase(phrase);
    if (tokens.empty()) return false;
    std::string first = std::move(tokens.front());
    tokens.erase(tokens.begin());
    phrases_[first].push_back({std::move(tokens), kind, value});
    return true;
  };

  const LexiconFile file = lexicon.load("fr/events/quantities.txt");
  if (file.format() != kFormat)
    throw InputError(file.path() + ": FORMAT is '" + file.format() + "', expected '" + std::string(kFormat) + "'");
  for (const LexiconLine& line : file.entries()) {
    const std::vector<std::string> fields = splitFields(line.text);
    if (fields.size() < 3) file.fail(line, "expected kind|value|phrase...");
    const auto kind = std::find_if(std::begin(kKinds), std::end(kKinds),
                                   [&](const KindName& k) { return k.name == fields[0]; });
    if (kind == std::end(kKinds)) {
      std::string names;
      for (const KindName& k : kKinds) names += (names.empty() ? "" : ", ") + std::string(k.name);
      file.fail(line, "unknown kind '" + fields[0] + "' (" + names + ")");
    }
    long value = 0;
    if (kind->valued) {
      const std::string& s = fields[1];
      if (s.empty() || s.size() > 10 || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
        file.fail(line, "expected a number as the value of a '" + fields[0] + "' line, got '" + s + "'");
      value = digitsValue(s);
      if (value < 1 || value > kMaxValue) file.fail(line, "value out of range (1 to 1000000000): '" + s + "'");
    } else if (fields[1] != "-") {
      file.fail(line, "a '" + fields[0] + "' line has no value: expected '-', got '" + fields[1] + "'");
    }
    for (std::size_t i = 2; i < fields.size(); ++i)
      if (!add(fields[i], kind->kind, value)) file.fail(line, "empty phrase in field " + std::to_string(i + 1));
  }

  const LexiconFile months = lexicon.load("fr/temporal/months.txt");
  for (const LexiconLine& line : months.entries()) {
    const std::vector<std::string> fields = splitFields(line.text);
    for (std::size_t i = 1; i < fields.size(); ++i)
      if (tokenizePhrase(fields[i]).size() == 1) add(fields[i], kMonth, 0);
  }

  for (auto& [first, list] : phrases_)
    std::stable_sort(list.begin(), list.end(),
                     [](const Phrase& a, const Phrase& b) { return a.tail.size() > b.tail.size(); });
}

QuantityReader::Match QuantityReader::match(const Tokens& t, std::size_t i, std::size_t end, unsigned kinds) const {
  end = std::min(end, t.size());
  if (i >= end || t[i].isNumber()) return {};
  const auto it = phrases_.find(t[i].text);
  if (it == phrases_.end()) return {};
  for (const Phrase& p : it->second) {
    if (!(p.kind & kinds) || i + 1 + p.tail.size() > end) continue;
    bool same = true;
    for (std::size_t n = 0; n < p.tail.size() && same; ++n) same = t[i + 1 + n].text == p.tail[n];
    if (same) return {p.kind, p.value, 1 + p.tail.size()};
  }
  return {};
}

bool QuantityReader::isMonth(const Tokens& t, std::size_t k) const {
  return static_cast<bool>(match(t, k, k + 1, kMonth));
}

// Whether the tokens from k on finish a date: a month right away ("14
// octobre"), or through more days ("13 au 15 octobre", "13, 14 et 15 mai").
bool QuantityReader::leadsToMonth(const Tokens& t, std::size_t k) const {
  for (int hop = 0; hop < 4; ++hop) {
    if (isMonth(t, k)) return true;
    const Match link = match(t, k, t.size(), kDateLink);
    if (!link) return false;
    k += link.length;
    if (k < t.size() && t[k].isNumber()) {
      ++k;
      continue;
    }
    Core day;
    if (!readWords(t, k, t.size(), day, true)) return false;
    k = day.next;
  }
  return false;
}

std::vector<Quantity> QuantityReader::find(const Tokens& tokens, std::size_t from, std::size_t to) const {
  std::vector<Quantity> out;
  to = std::min(to, tokens.size());
  for (std::size_t i = from; i < to;) {
    Quantity q;
    std::size_t resume = i + 1;
    // One hash lookup rules out most words; a month starts no quantity
    // ("depuis octobre des milliers": the count starts after it) unless it
    // is a number too ("sept morts").
    if ((tokens[i].isNumber() || phrases_.find(tokens[i].text) != phrases_.end()) &&
        !(isMonth(tokens, i) && !match(tokens, i, i + 1, kNumber)) &&
        readQuantity(tokens, i, to, q, resume)) {
      out.push_back(q);
      i = q.lastToken;
    } else {
      i = std::max(i + 1, resume);
    }
  }
  return out;
}

bool QuantityReader::readQuantity(const Tokens& t, std::size_t i, std::size_t end, Quantity& q,
                                  std::size_t& resume) const {
  std::size_t k = i;
  const Match qualifier = match(t, k, end, kAtLeast | kAtMost | kAbout);
  if (qualifier) k += qualifier.length;
  Core c;
  if (!readRange(t, k, end, c) && !readCollective(t, k, end, c) && !readNumber(t, k, end, c, false)) return false;

  // Dates and clock times: "le 14 octobre", "octobre 2020", "14 oct. 2020",
  // "du 13 au 15 octobre", "18 h 30", and what is not a count: "30 %".
  // A number rejected here is not read again in parts ("vingt-sept octobre"
  // is not "sept"), nor is the phrase after it ("30 pour cent" is not "cent").
  resume = c.next;
  if (k > 0 && t[k].isNumber() && (isMonth(t, k - 1) || match(t, k - 1, k, kClock) ||
                                  (k > 1 && t[k - 1].isPunct('.') && !t[k - 1].spaceBefore && isMonth(t, k - 2))))
    return false;
  if (leadsToMonth(t, c.next)) return false;
  if (const Match after = match(t, c.next, t.size(), kClock | kNotCount)) {
    resume = std::min(c.next + after.length, end);
    return false;
  }

  q = Quantity{};
  q.firstToken = i;
  q.lastToken = c.next;
  q.begin = t[i].srcBegin;
  q.end = t[c.next - 1].srcEnd;
  q.best = c.value;
  q.low = c.low;
  q.high = c.high;
  q.approximate = c.approximate;
  switch (qualifier.kind) {
    case kAtLeast:
      q.low = c.low.value_or(c.value);
      q.high.reset();
      break;
    case kAtMost:
      q.high = c.high.value_or(c.value);
      q.low.reset();
      break;
    case kAbout:
      q.approximate = true;
      if (q.low == q.high) {  // an exact number made approximate: no bound left
        q.low.reset();
        q.high.reset();
      }
      break;
    default: break;
  }
  return true;
}

// "entre 10 et 20", "de 10 à 20", "10 à 20", "un ou deux", "entre 5 et 6
// millions" (the scale said once holds for both ends).
bool QuantityReader::readRange(const Tokens& t, std::size_t i, std::size_t end, Core& c) const {
  std::size_t k = i;
  const Match open = match(t, k, end, kRangeStart);
  if (open) k += open.length;
  Core a;
  if (!readNumber(t, k, end, a, true)) return false;
  const Match link = match(t, a.next, end, kRangeTo | (open ? kRangeAnd : 0u));
  if (!link) return false;
  Core b;
  if (!readNumber(t, a.next + link.length, end, b, false)) return false;
  long low = a.value;
  bool scaled = false;
  if (b.scale > 0 && a.scale == 0) {
    const double v = (static_cast<double>(a.value) + a.fraction) * static_cast<double>(b.scale);
    if (v < static_cast<double>(b.value)) {
      low = std::lround(v);
      scaled = true;
    }
  }
  if ((a.decimal && !scaled) || low >= b.value) return false;
  c = Core{};
  c.next = b.next;
  c.value = low;
  c.low = low;
  c.high = b.value;
  c.scale = b.scale;
  return true;
}

// "une dizaine" (about 10), "des dizaines" (20 to 99), "plusieurs centaines
// de milliers" (200 000 to 999 999).
bool QuantityReader::readCollective(const Tokens& t, std::size_t i, std::size_t end, Core& c) const {
  std::size_t k = i;
  const Match det = match(t, k, end, kSome | kOne);
  if (det) k += det.length;
  const Match noun = match(t, k, end, kCollective | kCollectives);
  if (!noun) return false;
  const bool plural = noun.kind == kCollectives;
  const bool article = det && det.kind == kOne;
  if (plural == article) return false;  // "une dizaine", "des dizaines", "dizaines"; not "dizaine", "une dizaines"
  k += noun.length;
  long unit = noun.value;
  if (const Match of = match(t, k, end, kOf)) {
    const Match times = match(t, k + of.length, end, kCollectives);
    if (times && unit <= kMaxCount / 10 / times.value) {
      unit *= times.value;
      k += of.length + times.length;
    }
  }
  c = Core{};
  c.next = k;
  if (plural) {
    c.value = 2 * unit;
    c.low = 2 * unit;
    c.high = 10 * unit - 1;
  } else {
    c.value = unit;
    c.approximate = true;
  }
  return true;
}

bool QuantityReader::readNumber(const Tokens& t, std::size_t i, std::size_t end, Core& c, bool inRange) const {
  return readDigits(t, i, end, c, inRange) || readWords(t, i, end, c, inRange);
}

// "49", "1.250", "1 250 000", "30.000", "2 millions", "1,5 million".
bool QuantityReader::readDigits(const Tokens& t, std::size_t i, std::size_t end, Core& c, bool bareDecimal) const {
  if (i >= end || !t[i].isNumber() || t[i].text.size() > kMaxDigits || gluedBefore(t, i)) return false;
  long v = digitsValue(t[i].text);
  std::size_t k = i + 1;
  auto group = [&](std::size_t g) { return g < end && t[g].isNumber() && t[g].text.size() == 3; };
  auto dotGroup = [&](std::size_t g) {
    return g + 1 < end && t[g].isPunct('.') && !t[g].spaceBefore && !t[g + 1].spaceBefore && group(g + 1);
  };
  // Thousands groups of exactly three digits after a head of one to three:
  // "1.250.000" or "1 250 000" (a space or NBSP), one separator throughout.
  if (t[i].text.size() <= 3) {
    if (dotGroup(k)) {
      for (; dotGroup(k) && v < kMaxCount; k += 2) v = v * 1000 + digitsValue(t[k + 1].text);
    } else {
      for (; group(k) && t[k].spaceBefore && !t[k].newlineBefore && v < kMaxCount; ++k)
        v = v * 1000 + digitsValue(t[k].text);
    }
  }
  if (v >= kMaxCount) return false;
  // A decimal comma ("1,5"), or a decimal point that is not a thousands group ("1.5").
  bool decimal = false;
  double fraction = 0;
  if (k + 1 < end && (t[k].isPunct(',') || (t[k].isPunct('.') && k == i + 1)) && !t[k].spaceBefore &&
      t[k + 1].isNumber() && !t[k + 1].spaceBefore) {
    decimal = true;
    fraction = fractionValue(t[k + 1].text);
    k += 2;
  }
  c = Core{};
  const Match scale = match(t, k, end, kNumber);
  if (scale && scale.value >= kThousand && t[k].spaceBefore) {
    if (v > kMaxCount / scale.value) return false;
    c.value = v * scale.value + std::lround(fraction * static_cast<double>(scale.value));
    c.scale = scale.value;
    c.next = k + scale.length;
  } else {
    if (decimal && !bareDecimal) return false;  // "12,5 %", "3.5": a measure, not a count
    c.value = v;
    c.decimal = decimal;
    c.fraction = fraction;
    c.next = k;
  }
  if (gluedAfter(t, c.next)) return false;
  if (!c.decimal) c.low = c.high = c.value;
  return true;
}

// "dix", "vingt-cinq", "soixante et onze", "quatre-vingt-dix-sept", "deux
// cent cinquante", "trois mille", "un million deux cent mille". Words add up
// in a group below a thousand; a hundred multiplies the group, a scale
// (1000 or more, each smaller than the one before) moves it into the total.
bool QuantityReader::readWords(const Tokens& t, std::size_t i, std::size_t end, Core& c, bool loneOne) const {
  const Match first = match(t, i, end, kNumber | kOne);
  if (!first || gluedBefore(t, i)) return false;
  long total = 0;
  long group = 0;
  long lastScale = std::numeric_limits<long>::max();
  auto add = [&](long v) {
    if (v >= kThousand) {
      if (v >= lastScale) return false;
      total += std::max(1L, group) * v;
      group = 0;
      lastScale = v;
    } else if (v >= kHundred) {
      if (group >= kHundred) return false;
      group = std::max(1L, group) * v;
    } else {
      // After tens only a smaller unit or teen adds ("vingt-cinq",
      // "soixante-dix", "dix-sept"); after units nothing does.
      const long unit = group % kHundred;
      if (unit != 0 && (unit % 10 != 0 || v >= unit || v >= 20)) return false;
      group += v;
    }
    return true;
  };
  add(first.value);
  bool onlyOne = first.kind == kOne;
  long endScale = first.value >= kThousand ? first.value : 0;
  std::size_t k = i + first.length;
  while (true) {
    std::size_t j = k;
    if (const Match joiner = match(t, j, end, kJoiner)) j += joiner.length;
    const Match word = match(t, j, end, kNumber | kOne);
    if (!word || !add(word.value)) break;
    onlyOne = false;
    endScale = word.value >= kThousand ? word.value : 0;
    k = j + word.length;
  }
  if ((onlyOne && !loneOne) || gluedAfter(t, k)) return false;  // "un soldat"; "deux-roues"
  c = Core{};
  c.next = k;
  c.value = total + group;
  c.low = c.high = c.value;
  c.scale = endScale;
  return true;
}

}  // namespace chronicle
