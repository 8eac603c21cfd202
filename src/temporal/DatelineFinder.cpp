#include "temporal/DatelineFinder.hpp"

#include <algorithm>

#include "text/Fold.hpp"
#include "util/Unicode.hpp"

namespace chronicle {
namespace {

constexpr std::size_t kShortLine = 80;      // characters: a line that is only a header
constexpr std::size_t kDatelineReach = 80;  // characters: how far into a paragraph a dateline starts

}  // namespace

DatelineFinder::DatelineFinder(const LexiconSource& lexicon, const TemporalTagger& tagger) : tagger_(tagger) {
  const LexiconFile file = lexicon.load("world/news_agencies.txt");
  for (const LexiconLine& line : file.entries())
    for (const std::string& alias : splitFields(line.text))
      if (!alias.empty()) agencies_.insert(fold(alias));
}

std::size_t DatelineFinder::agencyTail(std::string_view rest) const {
  const FoldedText folded = foldWithOffsets(rest.substr(0, std::min<std::size_t>(rest.size(), 80)));
  const std::string& f = folded.text;
  std::size_t i = f.find_first_not_of(' ');
  if (i == std::string::npos) return 0;
  if (f[i] == '(') {
    const std::size_t close = f.find(')', i);
    if (close == std::string::npos) return 0;
    // "(AFP)", "(Reuters)", "(AFP/Reuters)", "(AFP, Reuters)"
    std::string_view inside = std::string_view(f).substr(i + 1, close - i - 1);
    while (!inside.empty()) {
      const std::size_t sep = inside.find_first_of("/,");
      std::string_view name = inside.substr(0, sep);
      while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
      while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
      if (!agencies_.contains(std::string(name))) return 0;
      if (sep == std::string_view::npos) break;
      inside.remove_prefix(sep + 1);
    }
    i = close + 1;
    const std::size_t dash = f.find_first_not_of(' ', i);
    if (dash != std::string::npos && (f[dash] == '-' || f[dash] == ':')) i = dash + 1;
  } else if (f[i] == '-' || f[i] == ':') {  // "31 oct 2020 - " (every dash folds to '-')
    i = i + 1;
  } else {
    return 0;
  }
  while (i < f.size() && f[i] == ' ') ++i;
  return folded.origin[i];
}

std::optional<Dateline> DatelineFinder::find(std::string_view text) const {
  std::size_t pos = 0;
  std::size_t seen = 0;
  while (pos < text.size() && seen < kHeaderLines) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(pos, end - pos);
    if (line.find_first_not_of(" \t") != std::string_view::npos) {
      ++seen;
      const bool shortLine = utf8::length(line) <= kShortLine;
      // Only the head of a long paragraph can hold a dateline.
      std::size_t reach = line.size();
      if (!shortLine) {
        reach = 0;
        for (std::size_t chars = 0; reach < line.size() && chars < kDatelineReach; ++chars) utf8::next(line, reach);
      }
      const std::string_view head = line.substr(0, shortLine ? line.size() : std::min(line.size(), reach + 40));
      for (const TemporalMention& m : tagger_.tag(head, TaggerOptions{})) {
        if (m.begin >= reach) break;
        if (m.resolution != Resolution::Absolute || m.precision != Precision::Day || m.dateStart != m.dateEnd)
          continue;
        const std::size_t tail = shortLine ? 0 : agencyTail(line.substr(m.end));
        if (shortLine || tail > 0) {
          const std::size_t headerEnd = shortLine ? end : pos + m.end + tail;
          return Dateline{pos + m.begin, pos + m.end, *m.dateStart, "dateline/" + std::string(m.rule), headerEnd};
        }
      }
    }
    pos = end + 1;
  }
  return std::nullopt;
}

}  // namespace chronicle
