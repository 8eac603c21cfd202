#include "text/Reflow.hpp"

#include <algorithm>
#include <vector>

#include "util/Unicode.hpp"

namespace chronicle {
namespace {

struct Line {
  std::string_view text;
  std::size_t chars = 0;
  std::size_t blanksAfter = 0;  // empty lines that follow it
};

// The code point that ends `line` before `pos`, moving pos back over it.
char32_t previousCodePoint(std::string_view line, std::size_t& pos) {
  std::size_t start = pos - 1;
  while (start > 0 && (static_cast<unsigned char>(line[start]) & 0xC0) == 0x80) --start;
  std::size_t p = start;
  const char32_t cp = utf8::next(line, p);
  pos = start;
  return cp;
}

bool endsSentence(std::string_view line) {
  std::size_t pos = line.size();
  while (pos > 0) {
    std::size_t before = pos;
    const char32_t cp = previousCodePoint(line, before);
    switch (cp) {
      case U'"': case U')': case U']': case U'\'': case U'»': case U'”': case U'’':
        pos = before;
        continue;
      default:
        if (utf8::isSpace(cp)) {
          pos = before;
          continue;
        }
        return cp == U'.' || cp == U'!' || cp == U'?' || cp == U':' || cp == U';' || cp == U'…';
    }
  }
  return false;
}

bool startsListOrHeading(std::string_view line) {
  return line.starts_with("- ") || line.starts_with("* ") || line.starts_with("• ") ||
         line.starts_with("– ") || line.starts_with("— ");
}

}  // namespace

std::string reflowHardWrapped(std::string_view text) {
  std::vector<Line> lines;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(pos, end - pos);
    if (line.find_first_not_of(" \t") == std::string_view::npos) {
      if (!lines.empty()) ++lines.back().blanksAfter;
    } else {
      lines.push_back({line, utf8::length(line), 0});
    }
    pos = end + 1;
  }
  if (lines.size() < 4) return std::string(text);

  std::vector<std::size_t> lengths;
  for (const Line& l : lines) {
    if (l.chars > kMaxWrappedLine) return std::string(text);
    lengths.push_back(l.chars);
  }
  std::nth_element(lengths.begin(), lengths.begin() + static_cast<long>(lengths.size() / 2), lengths.end());
  const std::size_t median = lengths[lengths.size() / 2];
  if (median < 40) return std::string(text);
  const auto nearMedian = std::count_if(lines.begin(), lines.end(), [&](const Line& l) {
    return l.chars * 4 >= median * 3 && l.chars * 4 <= median * 5;
  });
  if (static_cast<std::size_t>(nearMedian) * 2 < lines.size()) return std::string(text);

  std::string out;
  out.reserve(text.size());
  // Leading blank lines cannot exist in normalised text, but be safe.
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const Line& l = lines[i];
    out.append(l.text);
    if (i + 1 == lines.size()) break;
    const Line& next = lines[i + 1];
    const bool shortLine = l.chars * 10 < median * 7;
    const bool soft = l.blanksAfter <= 1 && !endsSentence(l.text) && !shortLine &&
                      !startsListOrHeading(next.text) && !startsListOrHeading(l.text);
    if (soft) {
      if (!out.empty() && out.back() == '-' && out.size() >= 2 && out[out.size() - 2] != ' ') {
        // "cessez-le-\nfeu": a word cut at its own hyphen keeps the hyphen.
      } else {
        out.push_back(' ');
      }
      // drop the indentation of the continuation line
      std::string_view rest = next.text;
      const auto first = rest.find_first_not_of(" \t");
      lines[i + 1].text = rest.substr(first);
    } else {
      out.append(l.blanksAfter == 0 ? std::size_t{1} : std::size_t{2}, '\n');
    }
  }
  return out;
}

}  // namespace chronicle
