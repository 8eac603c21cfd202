#include "CorpusGenerator.hpp"

#include "temporal/CivilDate.hpp"
#include "util/JsonString.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <fstream>
#include <set>
#include <stdexcept>

namespace chronicle::corpus {

namespace {

// ---- calendar (proleptic Gregorian, days since 1970-01-01) -----------------

// Days since 1970-01-01, in the product's own calendar type.
long daysFromCivil(int y, int m, int d) { return chronicle::CivilDate{y, m, d}.toDays(); }
chronicle::CivilDate civilFromDays(long z) { return chronicle::CivilDate::fromDays(z); }

int weekday(long days) {  // 0 = Monday
  return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

constexpr std::array<const char*, 12> kMonths = {"janvier", "février", "mars",      "avril",   "mai",      "juin",
                                                 "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};
constexpr std::array<const char*, 12> kMonthAbbr = {"janv.", "févr.", "mars", "avr.", "mai",  "juin",
                                                    "juil.", "août",  "sept.", "oct.", "nov.", "déc."};
constexpr std::array<const char*, 7> kWeekdays = {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"};
constexpr std::array<const char*, 9> kNumberWords = {"deux", "trois",  "quatre", "cinq", "six",
                                                     "sept", "huit",   "neuf",   "dix"};

std::string twoDigits(long n) {
  std::string s = std::to_string(n);
  return s.size() < 2 ? "0" + s : s;
}

std::string iso(long days) {
  return civilFromDays(days).iso();
}

// ---- data files: the syntax of lexicon/ (comments, FORMAT:, entries) -------

struct DataLine {
  std::size_t number;
  std::vector<std::string> fields;
};

std::string trim(std::string_view s) {
  const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
  while (!s.empty() && blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && blank(s.back())) s.remove_suffix(1);
  return std::string(s);
}

std::vector<std::string> split(std::string_view line, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t bar = line.find(sep, start);
    out.push_back(trim(line.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start)));
    if (bar == std::string_view::npos) return out;
    start = bar + 1;
  }
}

[[noreturn]] void fail(const std::filesystem::path& file, std::size_t line, const std::string& message) {
  throw std::runtime_error(file.string() + ":" + std::to_string(line) + ": " + message);
}

std::vector<DataLine> readData(const std::filesystem::path& file, std::size_t expectedFields) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error(file.string() + ": cannot be read");
  std::vector<DataLine> out;
  std::string raw;
  std::size_t number = 0;
  bool haveFormat = false;
  while (std::getline(in, raw)) {
    ++number;
    const std::string line = trim(raw);
    if (line.empty() || line[0] == '#') continue;
    if (line.rfind("FORMAT:", 0) == 0) {
      if (haveFormat) fail(file, number, "a second FORMAT line");
      if (split(line.substr(7), '|').size() != expectedFields)
        fail(file, number, "FORMAT must have " + std::to_string(expectedFields) + " fields");
      haveFormat = true;
      continue;
    }
    if (line.rfind("EXAMPLE:", 0) == 0) continue;
    if (!haveFormat) fail(file, number, "an entry before the FORMAT line");
    auto fields = split(line, '|');
    if (fields.size() != expectedFields)
      fail(file, number, "expected " + std::to_string(expectedFields) + " fields, found " + std::to_string(fields.size()));
    for (const auto& f : fields)
      if (f.empty()) fail(file, number, "an empty field");
    out.push_back({number, std::move(fields)});
  }
  if (!haveFormat) fail(file, number, "no FORMAT line");
  return out;
}

// Slots computed from the calendar and the PRNG rather than read from a file.
const std::set<std::string, std::less<>>& builtins() {
  static const std::set<std::string, std::less<>> names = {
      "N1",  "N2",   "N3",     "N4",   "N5", "PCT",  "NUMWORD", "DAY",  "DAY2",   "MONTH",        "MONTH2",
      "MONTHABBR", "DD", "MM", "YYYY", "YY", "YEAR", "WEEKDAY", "WEEKDAY_NEXT", "HH", "MIN", "SOURCE"};
  return names;
}

// Calls f(name) for each {NAME} of a template; throws on unbalanced braces.
template <typename F>
void forEachSlot(std::string_view tmpl, F&& f) {
  std::size_t i = 0;
  while ((i = tmpl.find_first_of("{}", i)) != std::string_view::npos) {
    if (tmpl[i] == '}') throw std::invalid_argument("a '}' without '{'");
    const std::size_t close = tmpl.find('}', i);
    if (close == std::string_view::npos) throw std::invalid_argument("a '{' without '}'");
    f(tmpl.substr(i + 1, close - i - 1));
    i = close + 1;
  }
}

// "1.250", "1 250" or "1250", as French papers write thousands.
std::string thousands(long n, SplitMix64& rng) {
  const std::string digits = std::to_string(n);
  const std::size_t style = rng.below(10);
  if (style >= 8 || digits.size() <= 3) return digits;
  const char* sep = style < 5 ? "." : " ";
  std::string out;
  const std::size_t head = digits.size() % 3 == 0 ? 3 : digits.size() % 3;
  out += digits.substr(0, head);
  for (std::size_t i = head; i < digits.size(); i += 3) {
    out += sep;
    out += digits.substr(i, 3);
  }
  return out;
}

// Upper-cases the first letter (ASCII or a lower-case Latin-1 letter in
// UTF-8), after an opening guillemet if there is one.
void capitalise(std::string& s) {
  std::size_t i = 0;
  if (s.compare(i, 2, "\xC2\xAB") == 0) {  // «
    i += 2;
    while (i < s.size() && s[i] == ' ') ++i;
    if (s.compare(i, 2, "\xC2\xA0") == 0) i += 2;
  }
  if (i >= s.size()) return;
  const auto c = static_cast<unsigned char>(s[i]);
  if (c >= 'a' && c <= 'z') {
    s[i] = static_cast<char>(c - 32);
  } else if (c == 0xC3 && i + 1 < s.size()) {
    const auto n = static_cast<unsigned char>(s[i + 1]);
    if (n >= 0xA0 && n <= 0xBE && n != 0xB7) s[i + 1] = static_cast<char>(n - 0x20);
  }
}

// ASCII slug of a French title for the URL.
std::string slug(std::string_view title) {
  static const std::pair<const char*, char> folds[] = {
      {"à", 'a'}, {"â", 'a'}, {"ä", 'a'}, {"ç", 'c'}, {"é", 'e'}, {"è", 'e'}, {"ê", 'e'}, {"ë", 'e'}, {"î", 'i'},
      {"ï", 'i'}, {"ô", 'o'}, {"ö", 'o'}, {"ù", 'u'}, {"û", 'u'}, {"ü", 'u'}, {"É", 'e'}, {"À", 'a'}, {"Ç", 'c'}};
  std::string out;
  bool dash = false;
  for (std::size_t i = 0; i < title.size() && out.size() < 60;) {
    const auto c = static_cast<unsigned char>(title[i]);
    char mapped = 0;
    std::size_t len = 1;
    if (c < 0x80) {
      if (std::isalnum(c)) mapped = static_cast<char>(std::tolower(c));
    } else {
      len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
      for (const auto& [from, to] : folds)
        if (title.substr(i, 2) == from) mapped = to;
    }
    i += len;
    if (mapped) {
      if (dash && !out.empty()) out += '-';
      out += mapped;
      dash = false;
    } else {
      dash = true;
    }
  }
  return out;
}


}  // namespace

std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t hash) {
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001B3ULL;
  }
  return hash;
}

std::string hex64(std::uint64_t value) {
  static const char* hex = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, value >>= 4) out[static_cast<std::size_t>(i)] = hex[value & 15];
  return out;
}

std::filesystem::path Generator::defaultDataDir() {
#ifdef CHRONICLE_CORPUS_DATA_DIR
  return CHRONICLE_CORPUS_DATA_DIR;
#else
  return "bench/corpus";
#endif
}

Generator::Generator(const std::filesystem::path& dataDir) {
  if (!std::filesystem::is_directory(dataDir)) throw std::runtime_error(dataDir.string() + ": not a directory");
  static const std::set<std::string, std::less<>> kinds = {"title", "dateline", "header", "body"};

  const auto templatesFile = dataDir / "templates.txt";
  std::vector<std::pair<DataLine, std::filesystem::path>> toCheck;
  for (auto& line : readData(templatesFile, 2)) {
    if (!kinds.contains(line.fields[0])) fail(templatesFile, line.number, "unknown kind '" + line.fields[0] + "'");
    templates_[line.fields[0]].push_back(line.fields[1]);
    toCheck.emplace_back(std::move(line), templatesFile);
  }
  for (const auto& kind : kinds)
    if (!templates_.contains(kind)) fail(templatesFile, 0, "no template of kind '" + kind + "'");
  if (templates_["body"].size() < 150)
    fail(templatesFile, 0, "only " + std::to_string(templates_["body"].size()) + " body templates (at least 150)");

  const auto sourcesFile = dataDir / "sources.txt";
  for (const auto& line : readData(sourcesFile, 3)) {
    if (line.fields[2] != "agency" && line.fields[2] != "press")
      fail(sourcesFile, line.number, "kind must be agency or press");
    sources_.push_back({line.fields[0], line.fields[1], line.fields[2] == "agency"});
  }

  // Every other *.txt is a vocabulary, read in name order (so that the
  // values of a slot are in a fixed order whatever the directory order).
  std::vector<std::filesystem::path> vocabFiles;
  for (const auto& e : std::filesystem::directory_iterator(dataDir))
    if (e.path().extension() == ".txt" && e.path().filename() != "templates.txt" && e.path().filename() != "sources.txt")
      vocabFiles.push_back(e.path());
  std::sort(vocabFiles.begin(), vocabFiles.end());
  for (const auto& file : vocabFiles) {
    for (auto& line : readData(file, 2)) {
      const std::string& slot = line.fields[0];
      if (builtins().contains(slot)) fail(file, line.number, "'" + slot + "' is a built-in slot");
      if (slot.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") != std::string::npos)
        fail(file, line.number, "a slot name is upper-case letters, digits and '_'");
      vocab_[slot].push_back(line.fields[1]);
      line.fields.erase(line.fields.begin());
      toCheck.emplace_back(std::move(line), file);
    }
  }

  for (const auto& [line, file] : toCheck) {
    try {
      forEachSlot(line.fields.back(), [&](std::string_view name) {
        if (!builtins().contains(name) && !vocab_.contains(std::string(name)))
          throw std::invalid_argument("unknown slot {" + std::string(name) + "}");
      });
    } catch (const std::invalid_argument& e) {
      fail(file, line.number, e.what());
    }
  }
}

struct Generator::Expansion {
  SplitMix64& rng;
  long published = 0;   // days since 1970-01-01
  long event = 0;       // the day the date slots speak of
  long rangeEnd = 0;    // the end of a range ("du {DAY} au {DAY2} {MONTH}")
  bool fixedEvent = false;
  const Source* source = nullptr;

  // A new day for the date slots: shortly before the publication date, or
  // shortly after it for a slot that speaks of the future.
  void newEvent(bool future = false) {
    if (fixedEvent) return;
    if (future) {
      event = published + rng.between(1, 30);
    } else {
      const std::size_t r = rng.below(10);
      event = published - (r < 8 ? rng.between(0, 10) : rng.between(11, 75));
    }
    rangeEnd = event + rng.between(1, 5);
  }
};

void Generator::expand(std::string_view tmpl, Expansion& x, std::string& out, int depth) const {
  std::size_t i = 0;
  while (i < tmpl.size()) {
    const std::size_t open = tmpl.find('{', i);
    if (open == std::string_view::npos) {
      out += tmpl.substr(i);
      return;
    }
    out += tmpl.substr(i, open - i);
    const std::size_t close = tmpl.find('}', open);
    const std::string_view name = tmpl.substr(open + 1, close - open - 1);
    i = close + 1;

    if (const auto v = vocab_.find(std::string(name)); v != vocab_.end()) {
      if (depth == 0) x.newEvent(name.find("_FUT") != std::string_view::npos);
      const std::string& value = v->second[x.rng.below(v->second.size())];
      if (value.find("{DAY2}") != std::string::npos && value.find("{MONTH2}") == std::string::npos) {
        // A range within one month: move it back into the month of its start.
        const chronicle::CivilDate end = civilFromDays(x.rangeEnd);
        if (end.month != civilFromDays(x.event).month) {
          x.event -= end.day;
          x.rangeEnd -= end.day;
        }
      }
      if (depth >= 8) throw std::runtime_error("slot {" + std::string(name) + "}: values nest too deep");
      expand(value, x, out, depth + 1);
      continue;
    }

    const chronicle::CivilDate e = civilFromDays(x.event);
    const chronicle::CivilDate r = civilFromDays(x.rangeEnd);
    auto& rng = x.rng;
    if (name == "DAY") out += e.day == 1 ? "1er" : std::to_string(e.day);
    else if (name == "DAY2") out += std::to_string(r.day);
    else if (name == "MONTH") out += kMonths[static_cast<std::size_t>(e.month - 1)];
    else if (name == "MONTH2") out += kMonths[static_cast<std::size_t>(r.month - 1)];
    else if (name == "MONTHABBR") out += kMonthAbbr[static_cast<std::size_t>(e.month - 1)];
    else if (name == "DD") out += twoDigits(e.day);
    else if (name == "MM") out += twoDigits(e.month);
    else if (name == "YYYY" || name == "YEAR") out += std::to_string(e.year);
    else if (name == "YY") out += twoDigits(e.year % 100);
    else if (name == "WEEKDAY") out += kWeekdays[static_cast<std::size_t>(weekday(x.event))];
    else if (name == "WEEKDAY_NEXT") out += kWeekdays[static_cast<std::size_t>(weekday(x.event + 1))];
    else if (name == "HH") out += std::to_string(rng.between(0, 23));
    else if (name == "MIN") out += twoDigits(rng.between(0, 11) * 5);
    else if (name == "N1") out += std::to_string(rng.between(2, 9));
    else if (name == "N2") out += std::to_string(rng.between(10, 99));
    else if (name == "N3") out += std::to_string(rng.between(100, 999));
    else if (name == "N4") out += thousands(rng.between(1000, 9999), rng);
    else if (name == "N5") out += thousands(rng.between(10000, 99999), rng);
    else if (name == "PCT") out += std::to_string(rng.between(1, 99)) + (rng.below(4) == 0 ? ",5" : "");
    else if (name == "NUMWORD") out += kNumberWords[rng.below(kNumberWords.size())];
    else if (name == "SOURCE") out += x.source ? x.source->name : "AFP";
    else throw std::logic_error("unhandled built-in slot {" + std::string(name) + "}");
  }
}

std::string Generator::sentence(const std::string& kind, Expansion& x) const {
  const auto& list = templates_.at(kind);
  x.newEvent();
  std::string out;
  expand(list[x.rng.below(list.size())], x, out, 0);
  capitalise(out);
  return out;
}

Article Generator::article(std::uint64_t seed, std::size_t index) const {
  // The stream of article `index` depends on nothing else.
  SplitMix64 mix(seed);
  SplitMix64 rng(mix.next() ^ (0xD1B54A32D192ED03ULL * (static_cast<std::uint64_t>(index) + 1)));
  rng.next();

  Expansion x{rng};
  // Most articles were published during the 44-day war (27 Sep – 10 Nov
  // 2020) and the weeks after it; some during the later clashes (2021–2023).
  if (rng.below(100) < 85)
    x.published = daysFromCivil(2020, 9, 27) + rng.between(0, 55);
  else
    x.published = daysFromCivil(2021, 5, 1) + rng.between(0, 880);
  x.source = &sources_[rng.below(sources_.size())];

  Article a;
  a.published = iso(x.published);
  a.source = x.source->name;

  x.fixedEvent = true;
  x.event = x.published;
  a.title = sentence("title", x);
  std::string lead;
  if (x.source->agency) {
    lead = sentence("dateline", x) + " ";  // "Erevan, 31 oct. 2020 (AFP) - "
  } else if (rng.below(2) == 0) {
    a.body = sentence("header", x) + "\n\n";
  }
  x.fixedEvent = false;

  // Length: triangular between 1 and 12 KiB with its mode at 2 KiB, so the
  // mean is about 5 KiB.
  const double lo = 1024, hi = 12288, mode = 2048;
  const double u = rng.unit();
  const double cut = (mode - lo) / (hi - lo);
  const double target = u < cut ? lo + std::sqrt(u * (hi - lo) * (mode - lo))
                                : hi - std::sqrt((1 - u) * (hi - lo) * (hi - mode));
  const auto targetBytes = static_cast<std::size_t>(target);

  const std::size_t start = a.title.size() + 2;
  bool first = true;
  while (start + a.body.size() < targetBytes) {
    const long sentences = rng.between(1, 5);
    for (long s = 0; s < sentences; ++s) {
      if (s > 0) a.body += ' ';
      if (first) a.body += lead;
      a.body += sentence("body", x);
      first = false;
    }
    a.body += "\n\n";
  }
  a.body.pop_back();  // one line break at the end

  const chronicle::CivilDate p = civilFromDays(x.published);
  a.url = "https://" + x.source->domain + "/" + std::to_string(p.year) + "/" + twoDigits(p.month) + "/" + twoDigits(p.day) +
          "/" + slug(a.title) + "-" + std::to_string(index + 1);
  return a;
}

std::string Generator::asParagraphs(const Article& a) {
  const std::string text = a.text();
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + pos, end - pos);
    while (!line.empty() && line.back() == ' ') line.remove_suffix(1);
    if (!line.empty()) {
      if (!out.empty()) out += '\n';
      out += line;
    }
    pos = end + 1;
  }
  return out;
}

std::string Generator::asLine(const Article& a) {
  std::string text = a.text();
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    if (c == '\n') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string Generator::asNdjson(const Article& a) {
  std::string out = "{\"text\":";
  appendJsonString(out, a.body);
  out += ",\"title\":";
  appendJsonString(out, a.title);
  out += ",\"published\":";
  appendJsonString(out, a.published);
  out += ",\"source\":";
  appendJsonString(out, a.source);
  out += ",\"url\":";
  appendJsonString(out, a.url);
  out += '}';
  return out;
}

std::string Generator::lines(std::uint64_t seed, std::size_t bytes) const {
  std::string out;
  out.reserve(bytes + 16384);
  for (std::size_t i = 0; out.size() < bytes; ++i) {
    out += asLine(article(seed, i));
    out += '\n';
  }
  return out;
}

}  // namespace chronicle::corpus
