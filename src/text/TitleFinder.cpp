#include "text/TitleFinder.hpp"

#include <cctype>

#include "util/Unicode.hpp"

namespace chronicle {
namespace {

bool looksLikeHeadline(std::string_view line) {
  const std::size_t chars = utf8::length(line);
  if (chars < 8 || chars > 200) return false;
  bool letter = false;
  for (char c : line) letter = letter || (static_cast<unsigned char>(c) >= 0x80) || std::isalpha(static_cast<unsigned char>(c));
  if (!letter) return false;
  if (line.ends_with(".") || line.ends_with("…")) return false;
  // "Une phrase. Une autre" is body text, not a headline.
  for (std::size_t i = 0; i + 2 < line.size(); ++i)
    if (line[i] == '.' && line[i + 1] == ' ' && std::isupper(static_cast<unsigned char>(line[i + 2]))) return false;
  return true;
}

}  // namespace

std::optional<ByteSpan> findTitle(std::string_view text, std::optional<ByteSpan> skip) {
  std::size_t pos = 0;
  std::size_t seen = 0;
  while (pos < text.size() && seen < kTitleLines) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    const std::size_t lead = line.find_first_not_of(" \t");
    if (lead != std::string_view::npos) {
      ++seen;
      const bool isDateline = skip && skip->begin < end && skip->end > pos;
      if (!isDateline && looksLikeHeadline(line.substr(lead))) return ByteSpan{pos + lead, end};
    }
    pos = end + 1;
  }
  return std::nullopt;
}

}  // namespace chronicle
