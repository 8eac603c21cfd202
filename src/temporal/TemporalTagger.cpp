#include "temporal/TemporalTagger.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <map>

#include "temporal/Tokenizer.hpp"
#include "util/Error.hpp"
#include "util/StringMap.hpp"

namespace chronicle {

const char* toString(Precision p) {
  switch (p) {
    case Precision::Day: return "day";
    case Precision::Week: return "week";
    case Precision::Month: return "month";
    case Precision::Season: return "season";
    case Precision::Year: return "year";
    case Precision::Decade: return "decade";
  }
  return "day";
}

const char* toString(Resolution r) {
  switch (r) {
    case Resolution::Absolute: return "absolute";
    case Resolution::Anchor: return "anchor";
    case Resolution::Previous: return "previous";
    case Resolution::Unresolved: return "unresolved";
  }
  return "unresolved";
}

namespace {

using Tokens = std::vector<Token>;

// The words the rules know, looked up for every word of every text: open
// addressing over a power-of-two table with the full hash kept, so that a
// word the rules do not know (most words) costs a hash and one compare.
template <typename V>
class WordIndex {
 public:
  void build(const StringMap<V>& map) {
    std::size_t capacity = 16;
    while (capacity < map.size() * 2) capacity *= 2;
    slots_.assign(capacity, Slot{});
    mask_ = capacity - 1;
    for (const auto& [key, value] : map) {
      const std::uint64_t h = hashOf(key);
      std::size_t at = h & mask_;
      while (slots_[at].value) at = (at + 1) & mask_;
      slots_[at] = Slot{h, key, &value};
    }
  }
  const V* find(std::string_view word) const {
    const std::uint64_t h = hashOf(word);
    for (std::size_t at = h & mask_;; at = (at + 1) & mask_) {
      const Slot& s = slots_[at];
      if (!s.value) return nullptr;
      if (s.hash == h && s.key == word) return s.value;
    }
  }

 private:
  // Eight bytes at a time, each block mixed by a multiply (words are short).
  static std::uint64_t hashOf(std::string_view s) {
    std::uint64_t h = s.size() * 0x9E3779B97F4A7C15ull;
    std::size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
      std::uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      h = (h ^ w) * 0xBF58476D1CE4E5B9ull;
      h ^= h >> 31;
    }
    if (i < s.size()) {
      std::uint64_t w = 0;
      std::memcpy(&w, s.data() + i, s.size() - i);
      h = (h ^ w) * 0x94D049BB133111EBull;
      h ^= h >> 29;
    }
    return h;
  }
  struct Slot {
    std::uint64_t hash = 0;
    std::string_view key;
    const V* value = nullptr;
  };
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
};

// ---------------------------------------------------------------------------
// Vocabularies

// Multi-token phrases ("jour de l'an", "après-midi") keyed by their first
// token, longest first.
class PhraseTable {
 public:
  void add(const std::string& phrase, int value) {
    std::vector<std::string> toks = tokenizePhrase(phrase);
    if (toks.empty()) return;
    auto& list = byFirst_[toks[0]];
    list.push_back({std::move(toks), value});
    std::stable_sort(list.begin(), list.end(),
                     [](const Entry& a, const Entry& b) { return a.tokens.size() > b.tokens.size(); });
  }
  // Longest phrase starting at tokens[i]: its value and length (tokens carry
  // the ids bind() was given).
  bool match(const Tokens& t, std::size_t i, int& value, std::size_t& length) const {
    return matchIds(t, i, value, length);
  }
  bool contains(const Tokens& t, std::size_t i) const {
    int v;
    std::size_t n;
    return match(t, i, v, n);
  }
  template <typename F>
  void forEachFirstToken(F&& f) const {
    for (const auto& [k, v] : byFirst_) f(k);
  }
  template <typename F>
  void forEachToken(F&& f) const {
    for (const auto& [k, entries] : byFirst_)
      for (const Entry& e : entries)
        for (const auto& tok : e.tokens) f(tok);
  }
  // Switches matching to interned token ids (Token::id); idOf gives a word's id.
  template <typename IdOf>
  void bind(IdOf&& idOf, std::size_t maxId) {
    byId_.assign(maxId + 1, {});
    for (const auto& [k, entries] : byFirst_)
      for (const Entry& e : entries) {
        IdEntry ie{{}, e.value};
        for (const auto& tok : e.tokens) ie.ids.push_back(idOf(tok));
        byId_[static_cast<std::size_t>(ie.ids[0])].push_back(std::move(ie));
      }
    for (auto& list : byId_)
      std::stable_sort(list.begin(), list.end(), [](const IdEntry& a, const IdEntry& b) { return a.ids.size() > b.ids.size(); });
  }
  bool matchIds(const Tokens& t, std::size_t i, int& value, std::size_t& length) const {
    if (i >= t.size()) return false;
    const auto id = static_cast<std::size_t>(t[i].id);
    if (id == 0 || id >= byId_.size()) return false;
    for (const IdEntry& e : byId_[id]) {
      if (i + e.ids.size() > t.size()) continue;
      bool ok = true;
      for (std::size_t k = 1; k < e.ids.size() && ok; ++k) ok = t[i + k].id == e.ids[k];
      if (ok) {
        value = e.value;
        length = e.ids.size();
        return true;
      }
    }
    return false;
  }

 private:
  struct Entry {
    std::vector<std::string> tokens;
    int value;
  };
  struct IdEntry {
    std::vector<int> ids;
    int value;
  };
  StringMap<std::vector<Entry>> byFirst_;
  std::vector<std::vector<IdEntry>> byId_;
};

struct NamedWord {
  int value;
  bool abbreviation;  // not the full name: needs context to count
};

struct Season {
  int startMonth, startDay, endMonth, endDay;
};

struct Holiday {
  int month = 0, day = 0;  // fixed date, or
  int easterOffset = 0;
  bool easter = false;
};

enum Unit { kDay = 0, kWeek, kMonth, kYear, kWeekend };

enum class Slot { Day, Month, MonthNum, Year, YY, Weekday, Num, Unit, Season, Part, Time, NumDate, Decade, Holiday, Ord };

struct Element {
  bool optional = false;
  bool isSlot = false;
  Slot slot = Slot::Day;
  int index = 0;                                     // 0: unnamed or ":from"; 1: ":to"
  std::vector<std::vector<std::string>> literals;    // alternatives, each a token sequence
  std::vector<std::vector<int>> literalIds;          // the same as interned ids
};

struct Rule {
  std::string name;
  std::vector<Element> elements;
  std::string resolver;
  std::vector<std::string> args;
  std::size_t order = 0;
  std::size_t span = 0;  // the most tokens a match can take (Impl::window)
  bool hasArg(std::string_view a) const { return std::find(args.begin(), args.end(), a) != args.end(); }
};

// An optional small integer in four bytes (std::optional<int> takes eight):
// Captures is copied at every slot the matcher tries.
class SlotValue {
 public:
  SlotValue() = default;
  SlotValue(int v) : v_(v) {}  // NOLINT: assigned from ints like an optional
  SlotValue(const std::optional<int>& v) : v_(v ? *v : kNone) {}  // NOLINT
  explicit operator bool() const { return v_ != kNone; }
  bool has_value() const { return v_ != kNone; }
  int operator*() const { return v_; }
  int value_or(int fallback) const { return v_ != kNone ? v_ : fallback; }
  operator std::optional<int>() const {  // NOLINT
    return v_ != kNone ? std::optional<int>(v_) : std::nullopt;
  }

 private:
  static constexpr int kNone = INT32_MIN;
  int v_ = kNone;
};

struct Captures {
  std::array<SlotValue, 2> day, month, year, weekday;
  SlotValue num, unit, season, part, time, decade, holiday, ord;
  bool shortNumDate = false;  // a yearless NUMDATE with a one-digit part ("2/3")
};
static_assert(sizeof(Captures) <= 72, "Captures is copied at every slot the matcher tries");

int easterMonthDay(int y, int& month) {
  // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  const int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  month = (h + l - 7 * m + 114) / 31;
  return ((h + l - 7 * m + 114) % 31) + 1;
}

CivilDate mondayOf(const CivilDate& d) { return d.plusDays(-d.weekday()); }

CivilDate addMonths(const CivilDate& d, int n) {
  int total = d.year * 12 + (d.month - 1) + n;
  const int y = total / 12, m = total % 12 + 1;
  return CivilDate{y, m, std::min(d.day, daysInMonth(y, m))};
}

CivilDate monthStart(int y, int m) { return CivilDate{y, m, 1}; }
CivilDate monthEnd(int y, int m) { return CivilDate{y, m, daysInMonth(y, m)}; }

// ---------------------------------------------------------------------------
// What a resolver returns

struct Outcome {
  // Reject: the rule does not apply here. Impossible: it applies, but the
  // day does not exist ("29 février 2021"): nothing shorter is read there.
  enum Kind { Reject, Impossible, Unresolved, Resolved, Relative } kind = Reject;
  CivilDate start;
  std::optional<CivilDate> end;
  Precision precision = Precision::Day;
  Resolution resolution = Resolution::Absolute;
  std::optional<int> time;  // minutes after midnight
  int relUnit = kDay;       // for Relative
  int relAmount = 0;

  static Outcome reject() { return {}; }
  static Outcome impossible() {
    Outcome o;
    o.kind = Impossible;
    return o;
  }
  static Outcome unresolved() {
    Outcome o;
    o.kind = Unresolved;
    o.resolution = Resolution::Unresolved;
    return o;
  }
  static Outcome of(CivilDate s, std::optional<CivilDate> e, Precision p, Resolution r) {
    Outcome o;
    o.kind = Resolved;
    o.start = s;
    o.end = e;
    o.precision = p;
    o.resolution = r;
    return o;
  }
};

struct Candidate {
  std::size_t begin, end;  // token range
  const Rule* rule;
  Captures caps;
  Outcome outcome;
};

}  // namespace

// ---------------------------------------------------------------------------

struct TemporalTagger::Impl {
  StringMap<NamedWord> months, weekdays;
  StringMap<int> numberWords;  // cardinals and ordinals
  StringMap<int> ordinalWords;
  PhraseTable units, seasonWords, holidayWords, parts;
  std::vector<Season> seasons;
  std::vector<Holiday> holidays;
  std::vector<int> partTimes;  // minutes, -1 when the part names no exact time
  std::map<std::string, PhraseTable> lists;
  std::vector<std::string> futureEndings;
  StringSet futureEndingExceptions;
  std::vector<Rule> rules;
  // Cheap necessary conditions tag() tests before trying a rule, packed by
  // rule index so that the test does not touch the Rule.
  static constexpr std::size_t kHeadNeeds = 6;
  struct RuleHead {
    // The signature bits (sigById) one of which the token after the first
    // must carry; all ones when the first element can take several tokens.
    std::uint64_t nextMask = ~std::uint64_t{0};
    // For each required element (the first kHeadNeeds: fewer is a weaker
    // condition, still a necessary one), the token classes one of which must
    // occur within the window; unused ones are all ones.
    std::array<std::uint64_t, kHeadNeeds> needs{};
  };
  std::vector<RuleHead> heads;
  // First-token index: literal → rules; slot kind → rules. Folded into one
  // candidate list per word that can start a rule, and one for numbers.
  StringMap<std::vector<std::size_t>> byLiteral;
  std::map<Slot, std::vector<std::size_t>> bySlot;
  struct WordInfo {
    int id = 0;                           // the interned number tokens carry
    std::vector<std::size_t> candidates;  // rules that can start at this word
    bool strong = false;                  // it bears a date (see weakWords)
    bool weak = false;
    int month = 0, weekday = 0;           // 1-12, 1-7 when the word names one
    bool monthAbbreviation = false, weekdayAbbreviation = false;
    int number = 0;                       // a cardinal or ordinal number word's value
    bool ordinal = false;
  };
  StringMap<WordInfo> words;
  WordIndex<WordInfo> wordIndex;  // words, for tag(): built once they are complete
  std::vector<const WordInfo*> infoById;  // index: Token::id
  // Token classes for the rules' necessary conditions (RuleHead::needs): a bit
  // per kind of date word, and a bit chosen by id for each strong literal.
  enum ClassBit : std::uint64_t {
    kNumberBit = 1u << 0, kMonthBit = 1u << 1, kWeekdayBit = 1u << 2, kNumberWordBit = 1u << 3,
    kUnitBit = 1u << 4, kSeasonBit = 1u << 5, kHolidayBit = 1u << 6, kPartBit = 1u << 7,
  };
  static std::uint64_t literalBit(int id) { return std::uint64_t{1} << (8 + static_cast<unsigned>(id) % 56); }
  std::vector<std::uint64_t> classById;  // index: Token::id
  // A token's signature: its class bits plus the bit of its id, weak words
  // included (numbers add kNumberBit); RuleHead::nextMask is tested against it.
  std::vector<std::uint64_t> sigById;    // index: Token::id
  std::size_t window = 1;                // the longest rule, in tokens
  void computeNeeds();
  std::array<int, 256> punctId{};         // ids of punctuation literals
  std::array<int, 100> smallNumberId{};   // ids of number literals ("en 8")
  void assignIds();
  const WordInfo* infoOf(const Token& tok) const {
    return tok.id > 0 ? infoById[static_cast<std::size_t>(tok.id)] : nullptr;
  }
  std::vector<std::size_t> candidatesOfNumber;
    StringMap<std::vector<std::size_t>> candidatesOfPunctuation;
  // Words and punctuation that can start a rule but are too common to try
  // rules at unless a date-bearing token follows soon (lists.txt "weak").
  StringSet weakWords;
  // Words that bear a date: a slot's word or a rule's literal that is not weak.
  StringSet strongWords;
  // How far after a weak word a date-bearing token must be for rules to be
  // tried there: the longest run of weak tokens opening a rule.
  std::size_t weakReach = 1;

  explicit Impl(const LexiconSource& lexicon);
  void loadVocabularies(const LexiconSource& lexicon);
  void loadRules(const LexiconSource& lexicon);

  // The lists the tagger itself consults, found once at load (std::map
  // nodes do not move): tag() runs them for every candidate date.
  struct NamedLists {
    const PhraseTable* future = nullptr;
    const PhraseTable* link = nullptr;
    const PhraseTable* linkArticle = nullptr;
    const PhraseTable* attach = nullptr;
    const PhraseTable* dayFollow = nullptr;
    const PhraseTable* yearFollow = nullptr;
    const PhraseTable* yearBlock = nullptr;
  } named;

  // --- slot matching -------------------------------------------------------
  bool glued(const Tokens& t, std::size_t i) const { return i < t.size() && !t[i].spaceBefore; }
  bool numberStandsAlone(const Tokens& t, std::size_t i, std::size_t last) const;
  bool matchNumberWords(const Tokens& t, std::size_t i, std::size_t& next, int& value) const;
  bool matchDay(const Tokens& t, std::size_t i, std::size_t& next, int& value) const;
  bool matchTime(const Tokens& t, std::size_t i, std::size_t& next, int& minutes) const;
  bool matchNumDate(const Tokens& t, std::size_t i, std::size_t& next, Captures& c, int idx) const;
  bool matchNamed(bool isMonth, const Tokens& t, std::size_t i, std::size_t& next, int& value) const;
  bool matchSlot(const Element& el, const Tokens& t, std::size_t i, std::size_t& next, Captures& c) const;
  void matchRule(const Rule& r, std::size_t e, const Tokens& t, std::size_t i, const Captures& caps,
                 std::size_t& bestEnd, Captures& bestCaps) const;

  // --- resolution ----------------------------------------------------------
  struct Context {
    const Tokens& tokens;
    std::optional<CivilDate> anchor;
    Prefer prefer;
    const std::vector<int>& sentence;  // sentence number of each token
    std::vector<signed char>& futureMark;  // per token: -1 not looked at yet, 0 no, 1 a future marker
  };
  bool futureContext(const Context& ctx, std::size_t begin, std::size_t end) const;
  Outcome resolve(const Rule& r, const Captures& c, const Context& ctx, std::size_t begin, std::size_t end) const;
  Outcome resolveDate(const Rule& r, const Captures& c, const Context& ctx, int defaultMode, bool standalone,
                      std::size_t end) const;
  // A four-digit number right after a yearless match: the reading with the
  // year was refused (an impossible day), so the match without it is wrong too.
  static bool yearFollows(const Tokens& t, std::size_t end) {
    return end < t.size() && t[end].isNumber() && t[end].text.size() == 4;
  }
  std::optional<CivilDate> dayNearAnchor(int day, int month, std::optional<int> weekday, const CivilDate& anchor,
                                         int mode) const;
  std::optional<CivilDate> holidayIn(int index, int year) const;
};

TemporalTagger::Impl::Impl(const LexiconSource& lexicon) {
  loadVocabularies(lexicon);
  loadRules(lexicon);
  assignIds();
}

// Every word a rule or a table compares with gets a number; tokens get theirs
// once per text, and matching then compares numbers, not strings.
void TemporalTagger::Impl::assignIds() {
  for (auto* table : {&units, &seasonWords, &holidayWords, &parts})
    table->forEachToken([&](const std::string& tok) { words[tok]; });
  for (auto& [name, table] : lists) table.forEachToken([&](const std::string& tok) { words[tok]; });
  for (Rule& r : rules)
    for (Element& el : r.elements)
      for (const auto& alt : el.literals)
        for (const auto& tok : alt) words[tok];
  words["."];  // the dot after an abbreviated month or weekday: RuleHead::nextMask
  for (const auto& [k, v] : months) {
    WordInfo& w = words[k];
    w.month = v.value;
    w.monthAbbreviation = v.abbreviation;
  }
  for (const auto& [k, v] : weekdays) {
    WordInfo& w = words[k];
    w.weekday = v.value;
    w.weekdayAbbreviation = v.abbreviation;
  }
  for (const auto& [k, v] : numberWords) words[k].number = v;
  for (const auto& [k, v] : ordinalWords) {
    words[k].number = v;
    words[k].ordinal = true;
  }
  infoById.assign(1, nullptr);
  for (auto& [k, w] : words) {
    w.id = static_cast<int>(infoById.size());
    infoById.push_back(&w);
    const auto first = static_cast<unsigned char>(k[0]);
    if (k.size() == 1 && first < 0x80 && !std::isalnum(first)) punctId[first] = w.id;
    if (!k.empty() && k.size() <= 2 && std::isdigit(first) && std::isdigit(static_cast<unsigned char>(k.back())))
      smallNumberId[static_cast<std::size_t>(std::stoi(k))] = w.id;
  }
  auto idOf = [&](const std::string& tok) { return words.at(tok).id; };
  for (auto* table : {&units, &seasonWords, &holidayWords, &parts}) table->bind(idOf, infoById.size());
  classById.assign(infoById.size(), 0);
  for (std::size_t id = 1; id < infoById.size(); ++id) {
    const WordInfo& w = *infoById[id];
    std::uint64_t c = 0;
    if (w.month) c |= kMonthBit;
    if (w.weekday) c |= kWeekdayBit;
    if (w.number) c |= kNumberWordBit;
    if (w.strong) c |= literalBit(static_cast<int>(id));
    classById[id] = c;
  }
  units.forEachFirstToken([&](const std::string& k) { classById[static_cast<std::size_t>(idOf(k))] |= kUnitBit; });
  seasonWords.forEachFirstToken([&](const std::string& k) { classById[static_cast<std::size_t>(idOf(k))] |= kSeasonBit; });
  holidayWords.forEachFirstToken([&](const std::string& k) { classById[static_cast<std::size_t>(idOf(k))] |= kHolidayBit; });
  parts.forEachFirstToken([&](const std::string& k) { classById[static_cast<std::size_t>(idOf(k))] |= kPartBit; });
  for (auto& [name, table] : lists) table.bind(idOf, infoById.size());
  for (Rule& r : rules)
    for (Element& el : r.elements) {
      el.literalIds.clear();
      for (const auto& alt : el.literals) {
        std::vector<int> ids;
        for (const auto& tok : alt) ids.push_back(idOf(tok));
        el.literalIds.push_back(std::move(ids));
      }
    }
  computeNeeds();
  wordIndex.build(words);
}

void TemporalTagger::Impl::computeNeeds() {
  auto slotClasses = [](Slot slot) -> std::uint64_t {
    switch (slot) {
      case Slot::Day: case Slot::Num: case Slot::Ord: return kNumberBit | kNumberWordBit;
      case Slot::Month: return kMonthBit;
      case Slot::Weekday: return kWeekdayBit;
      case Slot::Unit: return kUnitBit;
      case Slot::Season: return kSeasonBit;
      case Slot::Holiday: return kHolidayBit;
      case Slot::Part: return kPartBit;
      case Slot::Time: return kNumberBit | kNumberWordBit | kPartBit;
      default: return kNumberBit;  // MonthNum, Year, YY, NumDate, Decade
    }
  };
  auto slotSpan = [](Slot slot) -> std::size_t {
    switch (slot) {
      case Slot::NumDate: return 5;
      case Slot::Time: return 7;  // "neuf heures trente du matin", "18 h 30"
      case Slot::Day: case Slot::Num: return 5;  // "trente - et - un"
      case Slot::Holiday: case Slot::Unit: case Slot::Part: case Slot::Season: return 6;
      default: return 2;  // a word and its dot, a number and its suffix
    }
  };
  sigById.assign(classById.size(), literalBit(0));  // id 0: a word the rules do not know
  for (std::size_t id = 1; id < classById.size(); ++id) sigById[id] = classById[id] | literalBit(static_cast<int>(id));
  constexpr std::uint64_t kAll = ~std::uint64_t{0};
  auto sigOf = [&](int id) { return sigById[static_cast<std::size_t>(id)]; };
  // The signatures the first token of elements [e, end) can have.
  auto firstSet = [&](const Rule& r, std::size_t e) {
    std::uint64_t bits = 0;
    for (; e < r.elements.size(); ++e) {
      const Element& el = r.elements[e];
      if (el.isSlot) bits |= slotClasses(el.slot);
      else
        for (const auto& alt : el.literalIds) bits |= sigOf(alt[0]);
      if (!el.optional) return bits;
    }
    return kAll;  // the rule may end there: anything may follow
  };
  window = 1;
  heads.assign(rules.size(), RuleHead{});
  for (std::size_t ri = 0; ri < rules.size(); ++ri) {
    Rule& r = rules[ri];
    RuleHead& h = heads[ri];
    // What the token after the first can be, whichever element the first
    // token matched (leading optional elements may be skipped).
    h.nextMask = 0;
    for (std::size_t e = 0; e < r.elements.size() && h.nextMask != kAll; ++e) {
      const Element& el = r.elements[e];
      if (el.isSlot) {
        // A month or weekday name is one word and maybe its dot; other
        // slots can span several tokens.
        if (el.slot == Slot::Month || el.slot == Slot::Weekday)
          h.nextMask |= firstSet(r, e + 1) | sigById[static_cast<std::size_t>(punctId['.'])];
        else h.nextMask = kAll;
      } else {
        for (const auto& alt : el.literalIds) h.nextMask |= alt.size() > 1 ? sigOf(alt[1]) : firstSet(r, e + 1);
      }
      if (!el.optional) break;
    }
    h.needs.fill(kAll);
    std::size_t needCount = 0;
    auto need = [&](std::uint64_t classes) {
      if (needCount < kHeadNeeds) h.needs[needCount++] = classes;
    };
    r.span = 0;
    for (const Element& el : r.elements) {
      if (el.isSlot) {
        r.span += slotSpan(el.slot);
        if (!el.optional) need(slotClasses(el.slot));
        continue;
      }
      std::uint64_t any = 0;
      bool alwaysThere = false;  // an alternative of weak words only
      std::size_t longest = 0;
      for (const auto& alt : el.literalIds) {
        longest = std::max(longest, alt.size());
        std::uint64_t bits = 0;
        for (const int id : alt) {
          const std::uint64_t c = classById[static_cast<std::size_t>(id)];
          if (c) {
            bits = c;
            break;
          }
        }
        if (!bits) alwaysThere = true;
        any |= bits;
      }
      r.span += longest;
      if (!el.optional && !alwaysThere) need(any);
    }
    window = std::max(window, r.span);
  }
}

void TemporalTagger::Impl::loadVocabularies(const LexiconSource& lexicon) {
  auto intField = [](const LexiconFile& f, const LexiconLine& l, const std::string& s) {
    int v = 0;
    bool neg = false;
    std::size_t i = 0;
    if (!s.empty() && s[0] == '-') {
      neg = true;
      i = 1;
    }
    if (i >= s.size()) f.fail(l, "expected a number, got '" + s + "'");
    for (; i < s.size(); ++i) {
      if (!std::isdigit(static_cast<unsigned char>(s[i]))) f.fail(l, "expected a number, got '" + s + "'");
      v = v * 10 + (s[i] - '0');
    }
    return neg ? -v : v;
  };
  // "12-25" in a seasons or holidays line.
  auto monthDay = [&](const LexiconFile& f, const LexiconLine& l, const std::string& text, int& month, int& day) {
    if (text.size() != 5 || text[2] != '-') f.fail(l, "expected MM-DD, got '" + text + "'");
    month = intField(f, l, text.substr(0, 2));
    day = intField(f, l, text.substr(3, 2));
  };
  auto namedWords = [&](const char* path, int max, StringMap<NamedWord>& into) {
    const LexiconFile f = lexicon.load(path);
    for (const LexiconLine& l : f.entries()) {
      const auto fields = splitFields(l.text);
      const int v = intField(f, l, fields[0]);
      if (fields.size() < 2 || v < 1 || v > max) f.fail(l, "expected NUMBER|name|abbreviation...");
      for (std::size_t i = 1; i < fields.size(); ++i) {
        std::string key = fold(fields[i]);
        if (!key.empty() && key.back() == '.') key.pop_back();
        const bool abbreviation = i > 1 && key != fold(fields[1]);
        auto [it, fresh] = into.emplace(key, NamedWord{v, abbreviation});
        if (!fresh && it->second.abbreviation && !abbreviation) it->second = NamedWord{v, false};
      }
    }
  };
  namedWords("fr/temporal/months.txt", 12, months);
  namedWords("fr/temporal/weekdays.txt", 7, weekdays);

  {
    const LexiconFile f = lexicon.load("fr/temporal/numbers.txt");
    for (const LexiconLine& l : f.entries()) {
      const auto fields = splitFields(l.text);
      const int v = intField(f, l, fields[0]);
      for (std::size_t i = 1; i < fields.size(); ++i) {
        const std::string key = fold(fields[i]);
        const bool ordinal = key.ends_with("ieme") || key == "premier" || key == "premiere" || key == "second" ||
                             key == "seconde" || key == "dernier" || key == "derniere" ||
                             std::isdigit(static_cast<unsigned char>(key[0]));
        if (ordinal) ordinalWords[key] = v;
        if (v > 0 && !std::isdigit(static_cast<unsigned char>(key[0]))) numberWords[key] = v;
      }
    }
  }
  {
    const LexiconFile f = lexicon.load("fr/temporal/units.txt");
    static const std::map<std::string, int> kUnits = {
        {"day", kDay}, {"week", kWeek}, {"month", kMonth}, {"year", kYear}, {"weekend", kWeekend}};
    for (const LexiconLine& l : f.entries()) {
      const auto fields = splitFields(l.text);
      const auto it = kUnits.find(fields[0]);
      if (it == kUnits.end()) f.fail(l, "unknown unit '" + fields[0] + "' (day, week, month, year, weekend)");
      for (std::size_t i = 1; i < fields.size(); ++i) units.add(fields[i], it->second);
    }
  }
  {
    const LexiconFile f = lexicon.load("fr/temporal/seasons.txt");
    for (const LexiconLine& l : f.entries()) {
      const auto fields = splitFields(l.text);
      if (fields.size() < 4) f.fail(l, "expected season|MM-DD|MM-DD|word...");
      Season s{};
      monthDay(f, l, fields[1], s.startMonth, s.startDay);
      monthDay(f, l, fields[2], s.endMonth, s.endDay);
      for (std::size_t i = 3; i < fields.size(); ++i) seasonWords.add(fields[i], static_cast<int>(seasons.size()));
      seasons.push_back(s);
    }
  }
  {
    const LexiconFile f = lexicon.load("fr/temporal/holidays.txt");
    for (const LexiconLine& l : f.entries()) {
      const auto fields = splitFields(l.text);
      if (fields.size() < 2) f.fail(l, "expected MM-DD|phrase... or easter+N|phrase...");
      Holiday h;
      if (fields[0].starts_with("easter")) {
        h.easter = true;
        h.easterOffset = fields[0].size() > 7 ? intField(f, l, fields[0].substr(7)) : 0;
        if (fields[0].size() > 6 && fields[0][6] == '-') h.easterOffset = -h.easterOffset;
      } else {
        monthDay(f, l, fields[0], h.month, h.day);
      }
      for (std::size_t i = 1; i < fields.size(); ++i) holidayWords.add(fields[i], static_cast<int>(holidays.size()));
      holidays.push_back(h);
    }
  }
  {
    const LexiconFile f = lexicon.load("fr/temporal/dayparts.txt");
    for (const LexiconLine& l : f.entries()) {
      const auto fields = splitFields(l.text);
      if (fields.size() < 3) f.fail(l, "expected part|HH:MM or -|word...");
      int minutes = -1;
      if (fields[1] != "-") {
        if (fields[1].size() != 5 || fields[1][2] != ':') f.fail(l, "expected HH:MM or -");
        minutes = intField(f, l, fields[1].substr(0, 2)) * 60 + intField(f, l, fields[1].substr(3, 2));
      }
      for (std::size_t i = 2; i < fields.size(); ++i) parts.add(fields[i], static_cast<int>(partTimes.size()));
      partTimes.push_back(minutes);
    }
  }
  {
    const LexiconFile f = lexicon.load("fr/temporal/lists.txt");
    for (const LexiconLine& l : f.entries()) {
      const auto fields = splitFields(l.text);
      for (std::size_t i = 1; i < fields.size(); ++i) {
        if (fields[0] == "future-ending") futureEndings.push_back(fold(fields[i]));
        else if (fields[0] == "future-ending-except") futureEndingExceptions.insert(fold(fields[i]));
        else lists[fields[0]].add(fields[i], 1);
      }
    }
    auto need = [&](const char* name) {
      const auto it = lists.find(name);
      if (it == lists.end()) throw InputError(f.path() + ": the list '" + name + "' is missing");
      return &it->second;
    };
    named = {need("future"),     need("link"),        need("link-article"), need("attach"),
             need("day-follow"), need("year-follow"), need("year-block")};
  }
}

void TemporalTagger::Impl::loadRules(const LexiconSource& lexicon) {
  static const std::map<std::string, Slot> kSlots = {
      {"DAY", Slot::Day},         {"MONTH", Slot::Month},     {"MONTHNUM", Slot::MonthNum}, {"YEAR", Slot::Year},
      {"YY", Slot::YY},           {"WEEKDAY", Slot::Weekday}, {"NUM", Slot::Num},           {"UNIT", Slot::Unit},
      {"SEASON", Slot::Season},   {"PART", Slot::Part},       {"TIME", Slot::Time},         {"NUMDATE", Slot::NumDate},
      {"DECADE", Slot::Decade},   {"HOLIDAY", Slot::Holiday}, {"ORD", Slot::Ord}};
  static const std::unordered_set<std::string> kResolvers = {
      "date",  "day-of-month", "weekday",   "shift",     "relative",   "period",    "night",
      "night-between", "weekday-night", "month", "month-part", "fortnight", "month-last-day", "iso-month",
      "year", "year-part", "season", "decade", "range", "open-from", "holiday", "time", "week-part",
      "week-of-month", "week-of-date", "last-n", "next-n", "nth-weekday"};

  const LexiconFile f = lexicon.load("fr/temporal/rules.txt");
  for (const LexiconLine& l : f.entries()) {
    const auto fields = splitFields(l.text);
    if (fields.size() != 3) f.fail(l, "expected rule|pattern|resolver");
    Rule r;
    r.name = fields[0];
    r.order = rules.size();
    std::size_t pos = 0;
    const std::string& pattern = fields[1];
    while (pos < pattern.size()) {
      const std::size_t sp = pattern.find(' ', pos);
      std::string item = pattern.substr(pos, sp == std::string::npos ? std::string::npos : sp - pos);
      pos = sp == std::string::npos ? pattern.size() : sp + 1;
      if (item.empty()) continue;
      Element el;
      if (item == "?") f.fail(l, "a lone '?': write it right after the element it makes optional");
      if (item.front() == '{') {
        if (item.back() != '}') f.fail(l, "unclosed slot '" + item + "'");
        std::string inner = item.substr(1, item.size() - 2);
        if (!inner.empty() && inner.back() == '?') {
          el.optional = true;
          inner.pop_back();
        }
        const std::size_t colon = inner.find(':');
        if (colon != std::string::npos) {
          const std::string name = inner.substr(colon + 1);
          if (name != "from" && name != "to") f.fail(l, "slot names are :from or :to, not :" + name);
          el.index = name == "to" ? 1 : 0;
          inner = inner.substr(0, colon);
        }
        const auto it = kSlots.find(inner);
        if (it == kSlots.end()) f.fail(l, "unknown slot {" + inner + "}");
        el.isSlot = true;
        el.slot = it->second;
      } else {
        if (item.size() > 1 && item.back() == '?') {
          el.optional = true;
          item.pop_back();
        }
        std::size_t a = 0;
        while (a <= item.size()) {
          const std::size_t slash = item.find('/', a);
          const std::string alt = item.substr(a, slash == std::string::npos ? std::string::npos : slash - a);
          auto toks = tokenizePhrase(alt);
          if (toks.empty()) f.fail(l, "empty literal in '" + item + "'");
          el.literals.push_back(std::move(toks));
          if (slash == std::string::npos) break;
          a = slash + 1;
        }
      }
      r.elements.push_back(std::move(el));
    }
    if (r.elements.empty()) f.fail(l, "empty pattern");
    const auto resolverWords = splitFields(fields[2], ' ');
    r.resolver = resolverWords[0];
    if (!kResolvers.contains(r.resolver)) f.fail(l, "unknown resolver '" + r.resolver + "'");
    r.args.assign(resolverWords.begin() + 1, resolverWords.end());
    std::erase_if(r.args, [](const std::string& s) { return s.empty(); });

    // Index by every element that can come first (through leading optionals).
    const std::size_t index = rules.size();
    for (const Element& el : r.elements) {
      if (el.isSlot) {
        bySlot[el.slot].push_back(index);
      } else {
        for (const auto& alt : el.literals) {
          byLiteral[alt[0]].push_back(index);
        }
      }
      if (!el.optional) break;
    }
    rules.push_back(std::move(r));
  }
  // Which slots a word can start, hence which rules to try at it.
  StringMap<std::vector<Slot>> slotsOfWord;
  for (const auto& [k, v] : months) slotsOfWord[k].push_back(Slot::Month);
  for (const auto& [k, v] : weekdays) slotsOfWord[k].push_back(Slot::Weekday);
  for (const auto& [k, v] : numberWords)
    for (Slot slot : {Slot::Day, Slot::Num, Slot::Time}) slotsOfWord[k].push_back(slot);
  for (const auto& [k, v] : ordinalWords)
    if (!std::isdigit(static_cast<unsigned char>(k[0]))) slotsOfWord[k].push_back(Slot::Ord);
  units.forEachFirstToken([&](const std::string& k) { slotsOfWord[k].push_back(Slot::Unit); });
  seasonWords.forEachFirstToken([&](const std::string& k) { slotsOfWord[k].push_back(Slot::Season); });
  holidayWords.forEachFirstToken([&](const std::string& k) { slotsOfWord[k].push_back(Slot::Holiday); });
  parts.forEachFirstToken([&](const std::string& k) {
    slotsOfWord[k].push_back(Slot::Part);
    slotsOfWord[k].push_back(Slot::Time);
  });
  auto addRules = [](std::vector<std::size_t>& into, const std::vector<std::size_t>& rulesToAdd) {
    into.insert(into.end(), rulesToAdd.begin(), rulesToAdd.end());
  };
  auto finish = [](std::vector<std::size_t>& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
  };
  for (const auto& [word, rulesOfWord] : byLiteral) {
    if (word.empty() || !(std::isalpha(static_cast<unsigned char>(word[0])) || static_cast<unsigned char>(word[0]) >= 0x80))
      candidatesOfPunctuation[word] = rulesOfWord;
    else addRules(words[word].candidates, rulesOfWord);
  }
  for (const auto& [word, slots] : slotsOfWord)
    for (Slot slot : slots)
      if (const auto it = bySlot.find(slot); it != bySlot.end()) addRules(words[word].candidates, it->second);
  for (Slot slot : {Slot::Day, Slot::MonthNum, Slot::Year, Slot::YY, Slot::Num, Slot::NumDate, Slot::Decade,
                    Slot::Time, Slot::Ord})
    if (const auto it = bySlot.find(slot); it != bySlot.end()) addRules(candidatesOfNumber, it->second);
  weakWords.clear();
  {
    const LexiconFile listsFile = lexicon.load("fr/temporal/lists.txt");
    for (const LexiconLine& l : listsFile.entries()) {
      const auto fields = splitFields(l.text);
      if (fields[0] == "weak")
        for (std::size_t i = 1; i < fields.size(); ++i)
          for (const auto& tok : tokenizePhrase(fields[i])) weakWords.insert(tok);
    }
  }
  for (const auto& [word, slots] : slotsOfWord)
    if (!weakWords.contains(word)) strongWords.insert(word);
  for (const Rule& r : rules) {
    std::size_t lead = 0;  // weak tokens before the first date-bearing element
    bool leading = true;
    for (const Element& el : r.elements) {
      if (!leading) break;
      bool allWeak = !el.isSlot;
      std::size_t longest = 0;
      for (const auto& alt : el.literals) {
        longest = std::max(longest, alt.size());
        for (const auto& tok : alt) allWeak = allWeak && weakWords.contains(tok);
      }
      // A slot whose words are all weak ("un", "premier") also leads.
      if (el.isSlot && (el.slot == Slot::Num || el.slot == Slot::Ord || el.slot == Slot::Day)) {
        allWeak = true;
        longest = 1;
      }
      if (allWeak) lead += longest;
      else leading = false;
    }
    weakReach = std::max(weakReach, lead + 1);
    bool strong = false;
    for (const Element& el : r.elements) {
      if (el.isSlot) {
        strong = strong || !el.optional;
        continue;
      }
      for (const auto& alt : el.literals)
        for (const auto& tok : alt)
          if (!weakWords.contains(tok)) {
            strongWords.insert(tok);
            strong = strong || !el.optional;
          }
    }
    if (!strong)
      throw InputError("lexicon/fr/temporal/rules.txt: rule '" + r.name +
                       "' has no slot and no word outside the 'weak' list of lists.txt: it would never be tried");
  }
  for (const auto& w : strongWords) words[w].strong = true;
  for (const auto& w : weakWords) {
    words[w].weak = true;
    words[w].strong = false;
  }
  for (auto& [word, info] : words) finish(info.candidates);
  for (auto& [word, list] : candidatesOfPunctuation) finish(list);
  finish(candidatesOfNumber);
}

// A number token that is a number of its own: not glued to letters ("1K",
// "Krasukha-4" is fine: the dash is punctuation) and not part of a decimal
// or thousands group ("1.250", "12,5").
bool TemporalTagger::Impl::numberStandsAlone(const Tokens& t, std::size_t i, std::size_t last) const {
  if (i > 0 && !t[i].spaceBefore) {
    if (t[i - 1].isWord() || t[i - 1].isNumber()) return false;
    if ((t[i - 1].isPunct('.') || t[i - 1].isPunct(',')) && i > 1 && t[i - 2].isNumber() && !t[i - 1].spaceBefore)
      return false;
  }
  if (last + 1 < t.size() && !t[last + 1].spaceBefore) {
    if (t[last + 1].isWord() || t[last + 1].isNumber()) return false;
    if ((t[last + 1].isPunct('.') || t[last + 1].isPunct(',')) && last + 2 < t.size() && t[last + 2].isNumber() &&
        !t[last + 2].spaceBefore)
      return false;
  }
  return true;
}

bool TemporalTagger::Impl::matchNumberWords(const Tokens& t, std::size_t i, std::size_t& next, int& value) const {
  if (i >= t.size() || !t[i].isWord()) return false;
  auto word = [&](std::size_t k, int& v) {
    if (k >= t.size() || !t[k].isWord()) return false;
    const WordInfo* w = infoOf(t[k]);
    if (!w || w->number <= 0) return false;
    v = w->number;
    return true;
  };
  auto isOrdinal = [&](std::size_t k) {
    const WordInfo* w = infoOf(t[k]);
    return w && w->ordinal;
  };
  int v = 0;
  if (!word(i, v)) return false;
  // Ordinal words stand alone ("premier", "troisième").
  if (isOrdinal(i)) {
    value = v;
    next = i + 1;
    return true;
  }
  int total = v;
  std::size_t k = i + 1;
  while (true) {
    std::size_t j = k;
    if (j < t.size() && (t[j].isPunct('-') || t[j].text == "et")) ++j;
    if (j < t.size() && t[j].isPunct('-')) ++j;  // "trente-et-un"
    int part = 0;
    if (j == k || !word(j, part) || isOrdinal(j)) break;
    if (part == 20 && total % 100 == 4) total = total - 4 + 80;  // quatre-vingt
    else if (part >= 100) total = std::max(1, total) * part;
    else total += part;
    k = j + 1;
  }
  value = total;
  next = k;
  return true;
}

bool TemporalTagger::Impl::matchDay(const Tokens& t, std::size_t i, std::size_t& next, int& value) const {
  if (i >= t.size()) return false;
  if (t[i].isNumber()) {
    if (t[i].text.size() > 2) return false;
    const int d = t[i].number();
    if (d < 1 || d > 31) return false;
    std::size_t last = i;
    // "1er", "13e", "2ème"
    if (glued(t, i + 1) && t[i + 1].isWord()) {
      const std::string_view s = t[i + 1].text;
      if (s == "er" || s == "re" || s == "ere" || s == "e" || s == "eme" || s == "ieme" || s == "em") last = i + 1;
      else return false;
    }
    if (!numberStandsAlone(t, i, last)) return false;
    value = d;
    next = last + 1;
    return true;
  }
  int v = 0;
  if (matchNumberWords(t, i, next, v) && v >= 1 && v <= 31) {
    value = v;
    return true;
  }
  return false;
}

bool TemporalTagger::Impl::matchTime(const Tokens& t, std::size_t i, std::size_t& next, int& minutes) const {
  if (i >= t.size()) return false;
  int part = 0;
  std::size_t len = 0;
  if (t[i].isWord() && parts.match(t, i, part, len) && partTimes[static_cast<std::size_t>(part)] >= 0) {
    minutes = partTimes[static_cast<std::size_t>(part)];  // "midi", "minuit"
    next = i + len;
    return true;
  }
  int hour = -1;
  std::size_t k = i;
  if (t[i].isNumber() && t[i].text.size() <= 2) {
    hour = t[i].number();
    k = i + 1;
  } else if (!matchNumberWords(t, i, k, hour)) {
    return false;
  }
  if (hour < 0 || hour > 24) return false;
  int minute = 0;
  if (k < t.size() && t[k].isWord() && t[k].text == "h") {  // 18h30, 18 h 30, 18h
    ++k;
    if (k < t.size() && t[k].isNumber() && t[k].text.size() == 2 && t[k].number() < 60) {
      minute = t[k].number();
      ++k;
    }
  } else if (k + 1 < t.size() && t[k].isPunct(':') && glued(t, k) && glued(t, k + 1) && t[k + 1].isNumber() &&
             t[k + 1].text.size() == 2 && t[k + 1].number() < 60 && t[i].isNumber()) {  // 18:30
    minute = t[k + 1].number();
    k += 2;
  } else if (k < t.size() && t[k].isWord() && (t[k].text == "heures" || t[k].text == "heure")) {
    ++k;
    int m = 0;
    std::size_t k2 = k;
    if (k < t.size() && t[k].isNumber() && t[k].text.size() == 2 && t[k].number() < 60) {
      minute = t[k].number();
      ++k;
    } else if (matchNumberWords(t, k, k2, m) && m < 60 && m > 0) {
      minute = m;
      k = k2;
    }
    // "du matin", "du soir", "de l'après-midi"
    std::size_t j = k;
    if (j < t.size() && (t[j].text == "du" || t[j].text == "de")) {
      ++j;
      if (j + 1 < t.size() && t[j].text == "l" && t[j + 1].isPunct('\'')) j += 2;
      int p = 0;
      std::size_t plen = 0;
      if (parts.match(t, j, p, plen)) {
        const std::string_view w = t[j].text;
        if ((w == "soir" || w == "apres" || w == "soiree") && hour < 12) hour += 12;
        k = j + plen;
      }
    }
  } else {
    return false;
  }
  if (k < t.size() && !t[k].spaceBefore && (t[k].isWord() || t[k].isNumber())) return false;
  minutes = (hour % 24) * 60 + minute;
  next = k;
  return true;
}

bool TemporalTagger::Impl::matchNumDate(const Tokens& t, std::size_t i, std::size_t& next, Captures& c,
                                        int idx) const {
  if (i >= t.size() || !t[i].isNumber()) return false;
  const auto sep = [&](std::size_t k) -> char {
    if (k >= t.size() || !glued(t, k) || t[k].kind != Token::Kind::Punct || t[k].text.size() != 1) return 0;
    const char s = t[k].text[0];
    return (s == '/' || s == '-' || s == '.') ? s : 0;
  };
  const auto num = [&](std::size_t k) { return k < t.size() && glued(t, k) && t[k].isNumber(); };
  const char s1 = sep(i + 1);
  if (!s1 || !num(i + 2)) return false;
  const char s2 = sep(i + 3);
  const auto a = t[i].text, b = t[i + 2].text;
  int d = 0, m = 0, y = 0;
  std::size_t last;
  if (s2 == s1 && num(i + 4)) {
    const auto cpart = t[i + 4].text;
    if (a.size() == 4 && b.size() <= 2 && cpart.size() <= 2 && s1 != '.') {  // 2020-10-31, 2015-3-3
      y = t[i].number();
      m = t[i + 2].number();
      d = t[i + 4].number();
    } else if (a.size() <= 2 && b.size() <= 2 && (cpart.size() == 4 || cpart.size() == 2)) {  // 31/10/2020
      d = t[i].number();
      m = t[i + 2].number();
      y = t[i + 4].number();
      if (cpart.size() == 2) y += y > 69 ? 1900 : 2000;
    } else {
      return false;
    }
    last = i + 4;
    // Not a date inside a longer run: "01.45.67.89.10", "1.2.3.4".
    if (sep(last + 1) && num(last + 2)) return false;
  } else if (s1 == '/' && a.size() <= 2 && b.size() <= 2 && !s2) {  // 31/10
    d = t[i].number();
    m = t[i + 2].number();
    last = i + 2;
    c.shortNumDate = a.size() == 1 || b.size() == 1;
  } else {
    return false;
  }
  // "2020-10-31T10:00": an ISO date may be glued to its time.
  const bool isoTime = y && a.size() == 4 && last + 2 < t.size() && glued(t, last + 1) && t[last + 1].text == "t" &&
                       glued(t, last + 2) && t[last + 2].isNumber();
  if (!isoTime && !numberStandsAlone(t, i, last)) return false;
  if (isoTime && !numberStandsAlone(t, i, i)) return false;
  if (i > 1 && sep(i) && t[i - 1].isNumber()) return false;
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  c.day[static_cast<std::size_t>(idx)] = d;
  c.month[static_cast<std::size_t>(idx)] = m;
  if (y) c.year[static_cast<std::size_t>(idx)] = y;
  next = last + 1;
  return true;
}

bool TemporalTagger::Impl::matchNamed(bool isMonth, const Tokens& t, std::size_t i, std::size_t& next,
                                      int& value) const {
  if (i >= t.size() || !t[i].isWord()) return false;
  const WordInfo* w = infoOf(t[i]);
  if (!w || (isMonth ? w->month : w->weekday) == 0) return false;
  const bool abbreviation = isMonth ? w->monthAbbreviation : w->weekdayAbbreviation;
  std::size_t last = i;
  // "oct.", "lun.": an abbreviation's dot is part of it; after a full name
  // a dot ends the sentence.
  const bool dot = abbreviation && glued(t, i + 1) && t[i + 1].isPunct('.');
  if (dot) last = i + 1;
  if (abbreviation && !dot) {
    // "oct", "sept", "mer", "jeu" count only in date context: after a day
    // number (months) or before one (weekdays).
    const bool afterNumber = i > 0 && t[i - 1].isNumber();
    const bool beforeNumber = i + 1 < t.size() && t[i + 1].isNumber();
    if (isMonth ? !afterNumber : !beforeNumber) return false;
  }
  if (last + 1 < t.size() && glued(t, last + 1) && (t[last + 1].isWord() || t[last + 1].isNumber())) return false;
  value = isMonth ? w->month : w->weekday;
  next = last + 1;
  return true;
}

bool TemporalTagger::Impl::matchSlot(const Element& el, const Tokens& t, std::size_t i, std::size_t& next,
                                     Captures& c) const {
  if (i >= t.size()) return false;
  const auto idx = static_cast<std::size_t>(el.index);
  int v = 0;
  std::size_t len = 0;
  // A slot read from a phrase table: its value and length.
  auto phrase = [&](const PhraseTable& table, SlotValue& into) {
    if (!table.match(t, i, v, len)) return false;
    into = v;
    next = i + len;
    return true;
  };
  switch (el.slot) {
    case Slot::Day:
      if (!matchDay(t, i, next, v)) return false;
      c.day[idx] = v;
      return true;
    case Slot::Month:
      if (!matchNamed(true, t, i, next, v)) return false;
      c.month[idx] = v;
      return true;
    case Slot::Weekday:
      if (!matchNamed(false, t, i, next, v)) return false;
      c.weekday[idx] = v;
      return true;
    case Slot::MonthNum:
      if (!t[i].isNumber() || t[i].text.size() > 2 || !numberStandsAlone(t, i, i)) return false;
      v = t[i].number();
      if (v < 1 || v > 12) return false;
      c.month[idx] = v;
      next = i + 1;
      return true;
    case Slot::Year:
      if (!t[i].isNumber() || t[i].text.size() != 4 || !numberStandsAlone(t, i, i)) return false;
      v = t[i].number();
      if (v < 1000 || v > 2999) return false;
      c.year[idx] = v;
      next = i + 1;
      return true;
    case Slot::YY:
      if (!t[i].isNumber() || t[i].text.size() != 2 || !numberStandsAlone(t, i, i)) return false;
      if (i + 1 < t.size() && glued(t, i + 1) && (t[i + 1].isPunct(':') || t[i + 1].isPunct('h'))) return false;
      v = t[i].number();
      c.year[idx] = v > 69 ? 1900 + v : 2000 + v;
      next = i + 1;
      return true;
    case Slot::Num:
      if (t[i].isNumber()) {
        if (t[i].text.size() > 6 || !numberStandsAlone(t, i, i)) return false;
        c.num = t[i].number();
        next = i + 1;
        return true;
      }
      if (!matchNumberWords(t, i, next, v) || v <= 0) return false;
      c.num = v;
      return true;
    case Slot::Ord: {
      if (t[i].isNumber()) {
        if (!matchDay(t, i, next, v) || next == i + 1) return false;  // needs the suffix: "3e"
        c.ord = v;
        return true;
      }
      const WordInfo* w = infoOf(t[i]);
      if (!w || !w->ordinal) return false;
      c.ord = w->number;
      next = i + 1;
      return true;
    }
    case Slot::Unit: return phrase(units, c.unit);
    case Slot::Season: return phrase(seasonWords, c.season);
    case Slot::Holiday: return phrase(holidayWords, c.holiday);
    case Slot::Part: return phrase(parts, c.part);
    case Slot::Time:
      if (!matchTime(t, i, next, v)) return false;
      c.time = v;
      return true;
    case Slot::NumDate:
      return matchNumDate(t, i, next, c, el.index);
    case Slot::Decade:
      if (!t[i].isNumber() || !numberStandsAlone(t, i, i)) return false;
      v = t[i].number();
      if (t[i].text.size() == 4 && v % 10 == 0 && v >= 1000 && v < 3000) c.decade = v;
      else if (t[i].text.size() == 2 && v % 10 == 0) c.decade = 1900 + v;
      else return false;
      next = i + 1;
      return true;
  }
  return false;
}

void TemporalTagger::Impl::matchRule(const Rule& r, std::size_t e, const Tokens& t, std::size_t i,
                                     const Captures& caps, std::size_t& bestEnd, Captures& bestCaps) const {
  if (e == r.elements.size()) {
    if (i > bestEnd || bestEnd == std::size_t(-1)) {
      bestEnd = i;
      bestCaps = caps;
    }
    return;
  }
  const Element& el = r.elements[e];
  if (i < t.size()) {
    if (el.isSlot) {
      Captures c = caps;
      std::size_t next = i;
      if (matchSlot(el, t, i, next, c)) matchRule(r, e + 1, t, next, c, bestEnd, bestCaps);
    } else {
      for (const auto& alt : el.literalIds) {
        if (i + alt.size() > t.size()) continue;
        bool ok = true;
        for (std::size_t k = 0; k < alt.size() && ok; ++k) ok = t[i + k].id == alt[k];
        if (ok) matchRule(r, e + 1, t, i + alt.size(), caps, bestEnd, bestCaps);
      }
    }
  }
  if (el.optional) matchRule(r, e + 1, t, i, caps, bestEnd, bestCaps);
}

// ---------------------------------------------------------------------------
// Resolution

bool TemporalTagger::Impl::futureContext(const Context& ctx, std::size_t begin, std::size_t end) const {
  const PhraseTable& future = *named.future;
  const int sentence = ctx.sentence[begin];
  const std::size_t from = begin > 12 ? begin - 12 : 0;
  const std::size_t to = std::min(ctx.tokens.size(), end + 12);
  auto isMarker = [&](std::size_t k) {
    signed char& mark = ctx.futureMark[k];
    if (mark < 0) {
      bool yes = future.contains(ctx.tokens, k);
      const Token& w = ctx.tokens[k];
      if (!yes && w.isWord() && !w.capitalised && w.text.size() >= 6) {
        for (const std::string& ending : futureEndings) yes = yes || w.text.ends_with(ending);
        yes = yes && !futureEndingExceptions.contains(w.text);  // the rare word that only looks future
      }
      mark = yes ? 1 : 0;
    }
    return mark == 1;
  };
  for (std::size_t k = from; k < to; ++k) {
    if (k >= begin && k < end) continue;
    if (ctx.sentence[k] != sentence) continue;
    if (isMarker(k)) return true;
  }
  return false;
}

// mode: 0 on or before (past) / on or after (future) by preference,
// -1 strictly before, +1 strictly after, 2 on or after, -2 on or before.
std::optional<CivilDate> TemporalTagger::Impl::dayNearAnchor(int day, int month, std::optional<int> weekday,
                                                             const CivilDate& anchor, int mode) const {
  std::optional<CivilDate> best;
  std::optional<CivilDate> bestAny;
  for (int y = anchor.year - 1; y <= anchor.year + 1; ++y) {
    const auto d = CivilDate::make(y, month, day);
    if (!d) continue;
    const bool ok = mode == -1 ? *d < anchor : mode == 1 ? *d > anchor : mode == -2 ? *d <= anchor : *d >= anchor;
    if (!ok) continue;
    const bool better = !bestAny || (mode < 0 ? *d > *bestAny : *d < *bestAny);
    if (better) bestAny = d;
    if (weekday && d->weekday() != *weekday - 1) continue;
    if (!best || (mode < 0 ? *d > *best : *d < *best)) best = d;
  }
  if (weekday) {
    // Look further for a year where the weekday fits ("vendredi 1er mars").
    for (int k = 2; k <= 6 && !best; ++k) {
      const int y = mode < 0 ? anchor.year - k : anchor.year + k;
      const auto d = CivilDate::make(y, month, day);
      if (d && d->weekday() == *weekday - 1) best = d;
    }
  }
  return best ? best : bestAny;
}

std::optional<CivilDate> TemporalTagger::Impl::holidayIn(int index, int year) const {
  const Holiday& h = holidays[static_cast<std::size_t>(index)];
  if (!h.easter) return CivilDate::make(year, h.month, h.day);
  int m = 0;
  const int d = easterMonthDay(year, m);
  const auto easter = CivilDate::make(year, m, d);  // none outside years 1..9999
  if (!easter) return std::nullopt;
  return easter->plusDays(h.easterOffset);
}

Outcome TemporalTagger::Impl::resolve(const Rule& r, const Captures& c, const Context& ctx, std::size_t begin,
                                      std::size_t end) const {
  const Tokens& t = ctx.tokens;
  const std::optional<CivilDate>& anchor = ctx.anchor;
  // Which way to read is only worked out when a resolver asks: absolute
  // dates never need the sentence's tense.
  std::optional<bool> futureMemo;
  auto futureTense = [&] {
    if (!futureMemo) futureMemo = futureContext(ctx, begin, end);
    return *futureMemo;
  };
  auto past = [&] { return ctx.prefer == Prefer::Past && !futureTense(); };
  auto defaultMode = [&] { return past() ? -2 : 2; };
  const bool standalone = begin == 0 && end == t.size();
  // A view: comparisons with literals check the length first.
  const std::string_view kind = r.resolver;
  auto withTime = [&](Outcome o) {
    if (c.time) o.time = c.time;
    else if (c.part && partTimes[static_cast<std::size_t>(*c.part)] >= 0) o.time = partTimes[static_cast<std::size_t>(*c.part)];
    return o;
  };
  auto day = [](CivilDate d, Resolution res) { return Outcome::of(d, d, Precision::Day, res); };
  auto nextIsEndOrPunct = [&]() { return end >= t.size() || t[end].kind == Token::Kind::Punct; };
  auto intArg = [&](std::size_t k, int fallback) -> int {
    if (k >= r.args.size()) return fallback;
    const std::string& a = r.args[k];
    if (a == "$NUM" || a == "+$NUM") return c.num.value_or(1);
    if (a == "-$NUM") return -c.num.value_or(1);
    return std::stoi(a);
  };
  auto unitArg = [&](std::size_t k) -> int {
    const std::string& a = k < r.args.size() ? r.args[k] : std::string("day");
    if (a == "$UNIT") return c.unit.value_or(kDay);
    if (a == "week") return kWeek;
    if (a == "month") return kMonth;
    if (a == "year") return kYear;
    if (a == "weekend") return kWeekend;
    return kDay;
  };
  if (r.hasArg("standalone") && !standalone) return Outcome::reject();

  if (kind == "date") {
    Captures cc = c;
    if (!cc.day[0] && cc.ord && *cc.ord > 0) cc.day[0] = cc.ord;  // "le 3e jour d'octobre"
    return resolveDate(r, cc, ctx, defaultMode(), standalone, end);
  }
  if (kind == "day-of-month") {
    if (!c.day[0]) return Outcome::reject();
    if (r.hasArg("follow") && !nextIsEndOrPunct() && !named.dayFollow->contains(t, end)) return Outcome::reject();
    if (!anchor) return Outcome::unresolved();
    for (int k = 0; k < 36; ++k) {
      const CivilDate m = addMonths(monthStart(anchor->year, anchor->month), past() ? -k : k);
      const auto d = CivilDate::make(m.year, m.month, *c.day[0]);
      if (!d || (past() ? *d > *anchor : *d < *anchor)) continue;
      if (c.weekday[0] && d->weekday() != *c.weekday[0] - 1) continue;
      return withTime(day(*d, Resolution::Anchor));
    }
    return Outcome::reject();
  }
  if (kind == "weekday" || kind == "weekday-night") {
    if (!c.weekday[0]) return Outcome::reject();
    if (!anchor) return Outcome::unresolved();
    const int wd = *c.weekday[0] - 1;
    const std::string mode = r.args.empty() ? "" : r.args[0];
    CivilDate d = *anchor;
    const int delta = wd - anchor->weekday();  // -6..6
    if (mode == "last") d = anchor->plusDays(delta < 0 ? delta : delta - 7);
    else if (mode == "next") d = anchor->plusDays(delta > 0 ? delta : delta + 7);
    else if (mode == "this-week") d = mondayOf(*anchor).plusDays(wd);
    else if (mode == "last-week") d = mondayOf(*anchor).plusDays(wd - 7);
    else if (mode == "next-week") d = mondayOf(*anchor).plusDays(wd + 7);
    else if (mode == "plus7" || mode == "plus14")
      d = anchor->plusDays((delta >= 0 ? delta : delta + 7) + (mode == "plus7" ? 7 : 14));
    // Past: the latest on or before the anchor (the anchor's own day counts);
    // future: the next one after it (Duckling: "mardi" said on a Tuesday is
    // the next Tuesday).
    // In a future-tense sentence the anchor's own day counts too ("Samedi,
    // les électeurs seront appelés…" written on a Saturday).
    else d = anchor->plusDays(past() ? (delta <= 0 ? delta : delta - 7)
                                   : (delta > 0 || (delta == 0 && futureTense()) ? delta : delta + 7));
    if (kind == "weekday-night") return Outcome::of(d, d.plusDays(1), Precision::Day, Resolution::Anchor);
    return withTime(day(d, Resolution::Anchor));
  }
  if (kind == "shift") {
    if (!anchor) return Outcome::unresolved();
    const int unit = unitArg(0);
    const int n = intArg(1, 0);
    switch (unit) {
      case kWeek: return withTime(day(anchor->plusDays(7L * n), Resolution::Anchor));
      case kMonth: return withTime(day(addMonths(*anchor, n), Resolution::Anchor));
      case kYear: {
        const CivilDate m = addMonths(*anchor, 12 * n);
        return Outcome::of(monthStart(m.year, m.month), monthEnd(m.year, m.month), Precision::Month, Resolution::Anchor);
      }
      default: return withTime(day(anchor->plusDays(n), Resolution::Anchor));
    }
  }
  if (kind == "relative") {
    Outcome o;
    o.kind = Outcome::Relative;
    o.relUnit = unitArg(0);
    o.relAmount = intArg(1, 0);
    return withTime(o);
  }
  if (kind == "period") {
    if (!anchor) return Outcome::unresolved();
    const int unit = unitArg(0);
    const int n = intArg(1, 0);
    if (unit == kWeek) {
      const CivilDate mon = mondayOf(*anchor).plusDays(7L * n);
      return Outcome::of(mon, mon.plusDays(6), Precision::Week, Resolution::Anchor);
    }
    if (unit == kWeekend) {
      // The weekend containing the anchor, else the one before (past()) or after.
      const CivilDate sat = mondayOf(*anchor).plusDays(5);
      CivilDate s = sat;
      const bool inWeekend = anchor->weekday() >= 5;
      if (n < 0) s = inWeekend ? sat.plusDays(-7) : sat.plusDays(-7);
      else if (n > 0) s = sat.plusDays(7);
      else if (!inWeekend && past()) s = sat.plusDays(-7);
      return Outcome::of(s, s.plusDays(1), Precision::Week, Resolution::Anchor);
    }
    if (unit == kMonth) {
      const CivilDate m = addMonths(monthStart(anchor->year, anchor->month), n);
      return Outcome::of(m, monthEnd(m.year, m.month), Precision::Month, Resolution::Anchor);
    }
    if (unit == kYear)
      return Outcome::of(CivilDate{anchor->year + n, 1, 1}, CivilDate{anchor->year + n, 12, 31}, Precision::Year,
                         Resolution::Anchor);
    return day(anchor->plusDays(n), Resolution::Anchor);
  }
  if (kind == "night") {
    if (!anchor) return Outcome::unresolved();
    const int n = intArg(0, 0);
    const CivilDate s = (n == 0 && !past()) ? *anchor : anchor->plusDays(-1);
    return Outcome::of(s, s.plusDays(1), Precision::Day, Resolution::Anchor);
  }
  if (kind == "night-between") {
    if (!c.weekday[0] || !c.weekday[1]) return Outcome::reject();
    if (!anchor) return Outcome::unresolved();
    const int from = *c.weekday[0] - 1;
    int gap = (*c.weekday[1] - 1 - from + 7) % 7;
    if (gap == 0) gap = 7;
    for (int k = 0; k < 14; ++k) {
      const CivilDate s = past() ? anchor->plusDays(-gap - k) : anchor->plusDays(k);
      if (s.weekday() == from) return Outcome::of(s, s.plusDays(gap), Precision::Day, Resolution::Anchor);
    }
    return Outcome::reject();
  }
  auto resolveMonth = [&](int month, std::optional<int> year, int mode, Resolution& res) -> std::optional<CivilDate> {
    if (year) {
      res = Resolution::Absolute;
      return monthStart(*year, month);
    }
    if (!anchor) return std::nullopt;
    res = Resolution::Anchor;
    int y = anchor->year;
    if (mode == -1) y = month < anchor->month ? y : y - 1;
    else if (mode == 1) y = month > anchor->month ? y : y + 1;
    else if (mode == -2) y = month <= anchor->month ? y : y - 1;
    else y = month >= anchor->month ? y : y + 1;
    return monthStart(y, month);
  };
  if (kind == "iso-month" && r.hasArg("two-digits") && t[end - 1].text.size() != 2) return Outcome::reject();
  if (kind == "month" || kind == "month-part" || kind == "fortnight" || kind == "month-last-day" ||
      kind == "iso-month") {
    Resolution res = Resolution::Absolute;
    std::optional<CivilDate> m;
    if (c.month[0]) {
      if (!c.year[0] && yearFollows(t, end)) return Outcome::reject();
      const int mode = r.hasArg("last") ? -1 : r.hasArg("next") ? 1 : defaultMode();
      m = resolveMonth(*c.month[0], c.year[0], mode, res);
    } else if (anchor) {
      // "en fin de mois": this month; "au début du mois" read forward once
      // the beginning is past().
      res = Resolution::Anchor;
      m = monthStart(anchor->year, anchor->month);
      if (!past() && kind == "month-part" && r.hasArg("start") && anchor->day > 10) m = addMonths(*m, 1);
    }
    if (!m) return c.month[0] || kind != "iso-month" ? Outcome::unresolved() : Outcome::reject();
    const int last = daysInMonth(m->year, m->month);
    if (kind == "month-last-day") return day(monthEnd(m->year, m->month), res);
    if (kind == "fortnight") {
      const bool first = intArg(0, 1) == 1;
      return Outcome::of(CivilDate{m->year, m->month, first ? 1 : 15}, CivilDate{m->year, m->month, first ? 14 : last},
                         Precision::Month, res);
    }
    if (kind == "month-part") {
      const std::string& pos = r.args.empty() ? std::string("start") : r.args[0];
      const int from = pos == "start" ? 1 : pos == "mid" ? 10 : 21;
      const int to = pos == "start" ? 10 : pos == "mid" ? 20 : last;
      return Outcome::of(CivilDate{m->year, m->month, from}, CivilDate{m->year, m->month, to}, Precision::Month, res);
    }
    return Outcome::of(*m, monthEnd(m->year, m->month), Precision::Month, res);
  }
  if (kind == "year" || kind == "year-part") {
    int y = 0;
    Resolution res = Resolution::Absolute;
    if (c.year[0]) {
      y = *c.year[0];
    } else if (anchor) {
      y = anchor->year;
      res = Resolution::Anchor;
    } else {
      return Outcome::unresolved();
    }
    if (r.hasArg("follow") && end < t.size() && t[end].isWord()) {
      const std::string_view w = t[end].text;
      if (named.yearBlock->contains(t, end)) return Outcome::reject();
      if ((w.ends_with("s") || w.ends_with("x")) && w.size() > 3 && !named.yearFollow->contains(t, end))
        return Outcome::reject();
    }
    if (kind == "year-part") {
      const std::string& pos = r.args.empty() ? std::string("start") : r.args[0];
      if (pos == "start") return Outcome::of(CivilDate{y, 1, 1}, monthEnd(y, 2), Precision::Year, res);
      if (pos == "mid") return Outcome::of(CivilDate{y, 6, 1}, CivilDate{y, 7, 31}, Precision::Year, res);
      return Outcome::of(CivilDate{y, 11, 1}, CivilDate{y, 12, 31}, Precision::Year, res);
    }
    return Outcome::of(CivilDate{y, 1, 1}, CivilDate{y, 12, 31}, Precision::Year, res);
  }
  if (kind == "season") {
    if (!c.season) return Outcome::reject();
    const Season& s = seasons[static_cast<std::size_t>(*c.season)];
    const bool wraps = s.endMonth < s.startMonth;
    auto seasonStarting = [&](int y) {
      const CivilDate start{y, s.startMonth, s.startDay};
      const CivilDate stop{wraps ? y + 1 : y, s.endMonth, s.endDay};
      return std::pair{start, stop};
    };
    if (c.year[0]) {
      int startYear = *c.year[0];
      // "l'hiver 2022" is the winter of early 2022; "l'hiver 2021-2022" starts in 2021.
      if (wraps && !(c.year[1] && *c.year[1] == *c.year[0] + 1)) startYear -= 1;
      if (c.year[1] && !(wraps && *c.year[1] == *c.year[0] + 1)) return Outcome::reject();
      const auto [a, b] = seasonStarting(startYear);
      return Outcome::of(a, b, Precision::Season, Resolution::Absolute);
    }
    if (!anchor) return Outcome::unresolved();
    const std::string mode = r.args.empty() ? "this" : r.args[0];
    for (int k = 0; k < 3; ++k) {
      // Candidates from the season that started before the anchor.
      const int y = past() || mode == "last" ? anchor->year - k : anchor->year - 1 + k;
      const auto [a, b] = seasonStarting(y);
      const bool contains = a <= *anchor && *anchor <= b;
      if (mode == "last" ? b < *anchor : (contains || (past() ? b < *anchor : a > *anchor)))
        return Outcome::of(a, b, Precision::Season, Resolution::Anchor);
    }
    return Outcome::reject();
  }
  if (kind == "decade") {
    if (!c.decade) return Outcome::reject();
    return Outcome::of(CivilDate{*c.decade, 1, 1}, CivilDate{*c.decade + 9, 12, 31}, Precision::Decade,
                       Resolution::Absolute);
  }
  if (kind == "holiday") {
    if (!c.holiday) return Outcome::reject();
    if (c.year[0]) {
      const auto d = holidayIn(*c.holiday, *c.year[0]);
      return d ? day(*d, Resolution::Absolute) : Outcome::reject();
    }
    if (!anchor) return Outcome::unresolved();
    for (int k = 0; k <= 2; ++k) {
      const auto d = holidayIn(*c.holiday, past() ? anchor->year - k : anchor->year + k);
      if (d && (past() ? *d <= *anchor : *d >= *anchor)) return day(*d, Resolution::Anchor);
    }
    return Outcome::reject();
  }
  if (kind == "range" || kind == "open-from") {
    const std::size_t e = kind == "range" ? 1 : 0;
    if (!c.day[e]) return Outcome::reject();
    CivilDate stop;
    Resolution res = Resolution::Absolute;
    // The end's month and year, else (a range's) start's: -1 when not given.
    const int stopMonth = c.month[e].value_or(kind == "range" ? c.month[0].value_or(-1) : -1);
    const int stopYear = c.year[e].value_or(kind == "range" ? c.year[0].value_or(-1) : -1);
    if (stopMonth > 0 && stopYear > 0) {
      const auto d = CivilDate::make(stopYear, stopMonth, *c.day[e]);
      if (!d) return Outcome::reject();
      stop = *d;
    } else if (!anchor) {
      return Outcome::unresolved();
    } else if (stopMonth > 0) {
      res = Resolution::Anchor;
      const auto d = dayNearAnchor(*c.day[e], stopMonth, std::nullopt, *anchor, defaultMode());
      if (!d) return Outcome::reject();
      stop = *d;
    } else {
      res = Resolution::Anchor;
      std::optional<CivilDate> found;
      for (int k = 0; k < 13 && !found; ++k) {
        const CivilDate m = addMonths(monthStart(anchor->year, anchor->month), past() ? -k : k);
        const auto d = CivilDate::make(m.year, m.month, *c.day[e]);
        if (d && (past() ? *d <= *anchor : *d >= *anchor)) found = d;
      }
      if (!found) return Outcome::reject();
      stop = *found;
    }
    if (kind == "open-from") return Outcome::of(stop, std::nullopt, Precision::Day, res);
    const int startMonth = c.month[0] ? *c.month[0] : stop.month;
    int startYear = c.year[0] && c.year[1] ? *c.year[0] : stop.year;
    auto start = CivilDate::make(startYear, startMonth, *c.day[0]);
    if (start && *start > stop && !(c.year[0] && c.year[1])) start = CivilDate::make(startYear - 1, startMonth, *c.day[0]);
    if (!start || *start > stop) return Outcome::reject();
    return Outcome::of(*start, stop, Precision::Day, res);
  }
  if (kind == "week-part") {
    if (!anchor) return Outcome::unresolved();
    const CivilDate mon = mondayOf(*anchor);
    const std::string& pos = r.args.empty() ? std::string("start") : r.args[0];
    const int from = pos == "start" ? 0 : pos == "mid" ? 2 : pos == "end" ? 3 : 0;
    const int to = pos == "start" ? 2 : pos == "mid" ? 4 : pos == "end" ? 6 : 4;
    return Outcome::of(mon.plusDays(from), mon.plusDays(to), Precision::Week, Resolution::Anchor);
  }
  if (kind == "last-n" || kind == "next-n") {
    if (!anchor) return Outcome::unresolved();
    const int n = c.num.value_or(1);
    if (n < 1 || n > 1000) return Outcome::reject();
    const bool last = kind == "last-n";
    switch (c.unit.value_or(kDay)) {
      case kWeek: {
        const CivilDate mon = mondayOf(*anchor);
        return last ? Outcome::of(mon.plusDays(-7L * n), mon.plusDays(-1), Precision::Week, Resolution::Anchor)
                    : Outcome::of(mon.plusDays(7), mon.plusDays(7L * n + 6), Precision::Week, Resolution::Anchor);
      }
      case kMonth: {
        const CivilDate first = monthStart(anchor->year, anchor->month);
        const CivilDate a = last ? addMonths(first, -n) : addMonths(first, 1);
        const CivilDate b = last ? first.plusDays(-1) : addMonths(first, n + 1).plusDays(-1);
        return Outcome::of(a, b, Precision::Month, Resolution::Anchor);
      }
      case kYear:
        return last ? Outcome::of(CivilDate{anchor->year - n, 1, 1}, CivilDate{anchor->year - 1, 12, 31},
                                  Precision::Year, Resolution::Anchor)
                    : Outcome::of(CivilDate{anchor->year + 1, 1, 1}, CivilDate{anchor->year + n, 12, 31},
                                  Precision::Year, Resolution::Anchor);
      default:
        return last ? Outcome::of(anchor->plusDays(-n), anchor->plusDays(-1), Precision::Day, Resolution::Anchor)
                    : Outcome::of(anchor->plusDays(1), anchor->plusDays(n), Precision::Day, Resolution::Anchor);
    }
  }
  if (kind == "week-of-month" || kind == "nth-weekday") {
    if (!c.ord || *c.ord == 0) return Outcome::reject();
    Resolution res = Resolution::Absolute;
    std::optional<CivilDate> m;
    if (c.month[0]) {
      m = resolveMonth(*c.month[0], c.year[0], defaultMode(), res);
    } else if (anchor) {
      res = Resolution::Anchor;
      m = addMonths(monthStart(anchor->year, anchor->month), r.hasArg("next-month") ? 1 : 0);
    }
    if (!m) return Outcome::unresolved();
    const CivilDate last = monthEnd(m->year, m->month);
    // The n-th weekday of the month (a week: the n-th Monday that starts a
    // week lying wholly in the month); the last one for "dernier".
    const int wd = kind == "nth-weekday" ? (c.weekday[0] ? *c.weekday[0] - 1 : -1) : 0;
    if (wd < 0) return Outcome::reject();
    const int span = kind == "week-of-month" ? 6 : 0;
    std::optional<CivilDate> d;
    if (*c.ord > 0) {
      CivilDate first = *m;
      while (first.weekday() != wd) first = first.plusDays(1);
      d = first.plusDays(7L * (*c.ord - 1));
    } else {
      CivilDate lastDay = last.plusDays(-span);
      while (lastDay.weekday() != wd) lastDay = lastDay.plusDays(-1);
      d = lastDay;
    }
    if (d->plusDays(span) > last || d->month != m->month) return Outcome::reject();
    return Outcome::of(*d, d->plusDays(span), span ? Precision::Week : Precision::Day, res);
  }
  if (kind == "week-of-date") {
    if (!c.day[0] || !c.month[0]) return Outcome::reject();
    const Outcome day0 = resolveDate(r, c, ctx, defaultMode(), standalone, end);
    if (day0.kind != Outcome::Resolved) return day0;
    const CivilDate mon = mondayOf(day0.start);
    return Outcome::of(mon, mon.plusDays(6), Precision::Week, day0.resolution);
  }
  if (kind == "time") {
    if (!c.time) return Outcome::reject();
    if (!anchor) return Outcome::unresolved();
    return withTime(day(*anchor, Resolution::Anchor));
  }
  return Outcome::reject();
}

// A day from DAY MONTH [YEAR] [WEEKDAY] (or NUMDATE).
Outcome TemporalTagger::Impl::resolveDate(const Rule& r, const Captures& c, const Context& ctx, int defaultMode,
                                          bool standalone, std::size_t end) const {
  if (!c.day[0] || !c.month[0]) return Outcome::reject();
  Outcome o;
  if (c.year[0]) {
    const auto d = CivilDate::make(*c.year[0], *c.month[0], *c.day[0]);
    if (!d) return Outcome::impossible();
    o = Outcome::of(*d, *d, Precision::Day, Resolution::Absolute);
  } else {
    if (r.hasArg("strict") && c.shortNumDate && !standalone) return Outcome::reject();
    if (yearFollows(ctx.tokens, end)) return Outcome::reject();  // "29 février 2021": not a day
    if (!ctx.anchor) return Outcome::unresolved();
    const int mode = r.hasArg("last") ? -1 : r.hasArg("next") ? 1 : defaultMode;
    const auto d = dayNearAnchor(*c.day[0], *c.month[0], c.weekday[0], *ctx.anchor, mode);
    if (!d) return Outcome::reject();
    o = Outcome::of(*d, *d, Precision::Day, Resolution::Anchor);
  }
  if (c.time) o.time = c.time;
  else if (c.part && partTimes[static_cast<std::size_t>(*c.part)] >= 0) o.time = partTimes[static_cast<std::size_t>(*c.part)];
  return o;
}

// ---------------------------------------------------------------------------

TemporalTagger::TemporalTagger(const LexiconSource& lexicon) : impl_(std::make_unique<Impl>(lexicon)) {}
TemporalTagger::~TemporalTagger() = default;

std::vector<TemporalMention> TemporalTagger::tag(std::string_view text, const TaggerOptions& options) const {
  std::vector<TemporalMention> out;
  tag(text, options, out);
  return out;
}

void TemporalTagger::tag(std::string_view text, const TaggerOptions& options, std::vector<TemporalMention>& out) const {
  out.clear();
  const Impl& m = *impl_;
  // Buffers reused from call to call on each thread: a news pipeline tags
  // many short texts, and allocation would cost more than tagging.
  struct Scratch {
    TokenizedText tokenized;
    std::vector<int> sentence;
    std::vector<const Impl::WordInfo*> info;
    std::vector<std::size_t> nextDateish;
    std::vector<std::uint64_t> ahead, prefix, sig;
    std::vector<signed char> future;
    std::vector<Candidate> found, here;
  };
  thread_local Scratch scratch;
  scratch.tokenized.reset(text);
  std::vector<Token>& tokens = scratch.tokenized.tokens();
  const Tokens& t = tokens;
  std::vector<int>& sentence = scratch.sentence;
  sentence.assign(t.size(), 0);
  {
    int s = 0;
    for (std::size_t k = 0; k < t.size(); ++k) {
      if (startsSentence(t, k)) ++s;
      sentence[k] = s;
    }
  }
  scratch.future.assign(t.size(), -1);
  const Impl::Context ctx{t, options.anchor, options.prefer, sentence, scratch.future};

  // What each word is to the rules (one lookup per word), and where the
  // date-bearing tokens are: numbers, date words, strong literals. A weak
  // word is only worth trying when one follows within weakReach tokens.
  std::vector<const Impl::WordInfo*>& info = scratch.info;
  info.assign(t.size(), nullptr);
  std::vector<std::size_t>& nextDateish = scratch.nextDateish;
  nextDateish.assign(t.size() + 1, std::size_t(-1) / 2);
  std::vector<std::uint64_t>& sig = scratch.sig;
  sig.resize(t.size());
  for (std::size_t k = t.size(); k-- > 0;) {
    Token& tok = tokens[k];
    if (tok.isWord()) {
      if (const Impl::WordInfo* w = m.wordIndex.find(tok.text)) {
        info[k] = w;
        tok.id = w->id;
      }
    } else if (tok.isNumber()) {
      if (tok.text.size() <= 2) tok.id = m.smallNumberId[static_cast<std::size_t>(tok.number())];
    } else {
      tok.id = m.punctId[static_cast<unsigned char>(tok.text[0])];
    }
    sig[k] = m.sigById[static_cast<std::size_t>(tok.id)] | (tok.isNumber() ? std::uint64_t{Impl::kNumberBit} : 0);
    const bool dateish = t[k].isNumber() || (info[k] && info[k]->strong);
    nextDateish[k] = dateish ? k : nextDateish[k + 1];
  }
  // What classes of tokens lie within the next `window` tokens of each
  // position: a running OR by blocks (van Herk / Gil-Werman), two passes.
  std::vector<std::uint64_t>& ahead = scratch.ahead;
  std::vector<std::uint64_t>& prefix = scratch.prefix;
  {
    // Blocks of `w` tokens walked by their bounds: no division per token.
    const std::size_t n = t.size(), w = m.window;
    ahead.resize(n);
    prefix.resize(n);
    for (std::size_t k = 0; k < n; ++k)
      ahead[k] = m.classById[static_cast<std::size_t>(t[k].id)] |
                 (t[k].isNumber() ? std::uint64_t{Impl::kNumberBit} : std::uint64_t{0});
    for (std::size_t block = 0; block < n; block += w) {
      const std::size_t end = std::min(n, block + w);
      prefix[block] = ahead[block];
      for (std::size_t k = block + 1; k < end; ++k) prefix[k] = prefix[k - 1] | ahead[k];
      for (std::size_t k = end - 1; k-- > block;) ahead[k] |= ahead[k + 1];  // suffix ORs
    }
    // ahead[k] now covers k to its block's end; add the next block's prefix
    // up to k + w - 1.
    for (std::size_t block = 0; block + w < n; block += w)
      for (std::size_t k = block + 1; k < block + w; ++k) ahead[k] |= prefix[std::min(n - 1, k + w - 1)];
  }
  std::vector<Candidate>& found = scratch.found;
  std::vector<Candidate>& here = scratch.here;
  found.clear();
  for (std::size_t i = 0; i < t.size();) {
    const Token& tok = t[i];
    const std::vector<std::size_t>* candidates = nullptr;
    if (tok.isNumber()) {
      // "49 soldats": a number followed by an ordinary word starts nothing.
      const bool ordinaryNext = i + 1 < t.size() && t[i + 1].isWord() && t[i + 1].spaceBefore &&
                                !(info[i + 1] && (info[i + 1]->strong || info[i + 1]->weak));
      if (!ordinaryNext) candidates = &m.candidatesOfNumber;
    } else if (info[i]) {
      if (info[i]->strong || nextDateish[i] <= i + m.weakReach) candidates = &info[i]->candidates;
    } else if (tok.kind == Token::Kind::Punct && nextDateish[i] <= i + m.weakReach) {
      if (const auto it = m.candidatesOfPunctuation.find(tok.text); it != m.candidatesOfPunctuation.end())
        candidates = &it->second;
    }
    if (!candidates || candidates->empty()) {
      ++i;
      continue;
    }
    here.clear();
    for (const std::size_t ri : *candidates) {
      const Impl::RuleHead& head = m.heads[ri];
      if (i + 1 < t.size() && (sig[i + 1] & head.nextMask) == 0) continue;
      const std::uint64_t a = ahead[i];
      bool possible = true;
      for (const std::uint64_t need : head.needs) possible &= (a & need) != 0;
      if (!possible) continue;
      const Rule& r = m.rules[ri];
      std::size_t bestEnd = std::size_t(-1);
      Captures caps;
      m.matchRule(r, 0, t, i, Captures{}, bestEnd, caps);
      if (bestEnd == std::size_t(-1) || bestEnd <= i) continue;
      here.push_back({i, bestEnd, &r, caps, {}});
    }
    std::sort(here.begin(), here.end(), [](const Candidate& a, const Candidate& b) {
      return a.end != b.end ? a.end > b.end : a.rule->order < b.rule->order;
    });
    bool taken = false;
    for (Candidate& cand : here) {
      cand.outcome = m.resolve(*cand.rule, cand.caps, ctx, cand.begin, cand.end);
      if (cand.outcome.kind == Outcome::Reject) continue;
      if (cand.outcome.kind == Outcome::Impossible) {
        i = cand.end;  // skip the whole expression
        taken = true;
        break;
      }
      found.push_back(std::move(cand));
      i = found.back().end;
      taken = true;
      break;
    }
    if (!taken) ++i;
  }

  // A time right after a day belongs to it: "samedi à 18h30", "(16-11-21 / 20H30)".
  const PhraseTable& attach = *m.named.attach;
  for (std::size_t k = 0; k + 1 < found.size(); ++k) {
    Candidate& day = found[k];
    Candidate& time = found[k + 1];
    const bool singleDay = day.outcome.kind == Outcome::Resolved && day.outcome.precision == Precision::Day &&
                           day.outcome.end == day.outcome.start;
    const bool undatedDay = day.outcome.kind == Outcome::Unresolved && std::string_view(day.rule->resolver) != "time";
    if (std::string_view(time.rule->resolver) != "time" || day.outcome.time || !(singleDay || undatedDay)) continue;
    std::size_t j = day.end;
    while (j < time.begin && (t[j].isPunct('/') || t[j].isPunct(',') || attach.contains(t, j))) ++j;
    if (j != time.begin) continue;
    day.end = time.end;
    day.outcome.time = time.outcome.time ? time.outcome.time : std::optional<int>(time.caps.time);
    found.erase(found.begin() + static_cast<long>(k) + 1);
  }

  // Relative expressions count from the date they are linked to, else the
  // previous date of their sentence, else the anchor.
  const PhraseTable& link = *m.named.link;
  for (std::size_t k = 0; k < found.size(); ++k) {
    Candidate& rel = found[k];
    if (rel.outcome.kind != Outcome::Relative) continue;
    std::optional<CivilDate> ref;
    Resolution how = Resolution::Anchor;
    bool linked = false;
    int linkValue = 0;
    std::size_t linkLength = 0;
    const bool genitive = rel.end < t.size() && link.match(t, rel.end, linkValue, linkLength);
    const bool article = rel.rule->hasArg("end") && rel.end < t.size() && m.named.linkArticle->contains(t, rel.end);
    if (genitive || article) {
      linked = genitive;
      for (std::size_t n = k + 1; n < found.size(); ++n) {
        const Candidate& other = found[n];
        if (other.begin > rel.end + 8 || ctx.sentence[other.begin] != ctx.sentence[rel.begin]) break;
        if (other.outcome.kind == Outcome::Resolved && other.outcome.precision == Precision::Day) {
          ref = other.outcome.start;
          how = Resolution::Previous;
          // "le lendemain du 13 février" is one expression.
          if (other.begin == rel.end || other.begin == rel.end + linkLength) {
            rel.end = other.end;
            found.erase(found.begin() + static_cast<long>(n));
          }
          break;
        }
      }
    }
    // "deux jours après" stands alone or leads to its date ("deux jours
    // avant le sommet du 14 juin"); "1 an après, les familles…" is a span
    // of time, not a date.
    if (!ref && rel.rule->hasArg("end") && rel.end < t.size() && t[rel.end].kind == Token::Kind::Punct &&
        !t[rel.end].isPunct('.') && !t[rel.end].isPunct('!') && !t[rel.end].isPunct('?') && !t[rel.end].isPunct(')')) {
      found.erase(found.begin() + static_cast<long>(k));
      --k;
      continue;
    }
    if (!ref && rel.rule->hasArg("end") && rel.end < t.size() && t[rel.end].kind != Token::Kind::Punct) {
      found.erase(found.begin() + static_cast<long>(k));
      --k;
      continue;
    }
    if (!ref && !linked) {
      for (std::size_t n = k; n-- > 0;) {
        const Candidate& other = found[n];
        if (ctx.sentence[other.begin] != ctx.sentence[rel.begin]) break;
        if (other.outcome.kind == Outcome::Resolved && other.outcome.precision == Precision::Day) {
          ref = other.outcome.start;
          how = Resolution::Previous;
          break;
        }
      }
    }
    if (!ref && !linked && options.anchor) ref = options.anchor;
    if (!ref) {
      rel.outcome = Outcome::unresolved();  // no date, or relative to an event: "au lendemain de l'échec"
      continue;
    }
    CivilDate d = *ref;
    switch (rel.outcome.relUnit) {
      case kWeek: d = d.plusDays(7L * rel.outcome.relAmount); break;
      case kMonth: d = addMonths(d, rel.outcome.relAmount); break;
      case kYear: d = addMonths(d, 12 * rel.outcome.relAmount); break;
      default: d = d.plusDays(rel.outcome.relAmount);
    }
    const auto time = rel.outcome.time;
    rel.outcome = Outcome::of(d, d, Precision::Day, how);
    rel.outcome.time = time;
  }

  out.reserve(found.size());
  for (const Candidate& cand : found) {
    TemporalMention mention;
    mention.begin = t[cand.begin].srcBegin;
    mention.end = t[cand.end - 1].srcEnd;
    mention.rule = cand.rule->name;
    mention.resolution = cand.outcome.resolution;
    if (cand.outcome.kind == Outcome::Resolved) {
      mention.dateStart = cand.outcome.start;
      mention.dateEnd = cand.outcome.end;
      mention.precision = cand.outcome.precision;
    } else {
      mention.resolution = Resolution::Unresolved;
    }
    if (cand.outcome.time) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "%02d:%02d", (*cand.outcome.time / 60) % 24, *cand.outcome.time % 60);
      mention.time = buf;
    }
    out.push_back(std::move(mention));
  }
}

}  // namespace chronicle
