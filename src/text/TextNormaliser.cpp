#include "text/TextNormaliser.hpp"

#include "util/Unicode.hpp"

namespace chronicle {

std::string normaliseArticleText(std::string_view in) {
  if (in.substr(0, 3) == "\xEF\xBB\xBF") in.remove_prefix(3);

  std::string lines;
  lines.reserve(in.size());
  std::size_t lineStart = 0;  // start of the current line in `lines`
  auto endLine = [&] {
    std::size_t e = lines.size();
    while (e > lineStart && (lines[e - 1] == ' ' || lines[e - 1] == '\t')) --e;
    lines.resize(e);
    lines.push_back('\n');
    lineStart = lines.size();
  };
  for (std::size_t i = 0; i < in.size(); ++i) {
    const char c = in[i];
    if (c == '\r') {
      if (i + 1 < in.size() && in[i + 1] == '\n') ++i;
      endLine();
    } else if (c == '\n') {
      endLine();
    } else if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7F) {
      lines.push_back(' ');
    } else {
      lines.push_back(c);
    }
  }
  endLine();

  // Blank lines and the indentation of the first line go too, so that the
  // same article indented or not has the same identity. A BOM they hid goes
  // with them: the stored text never starts with one, or importing it again
  // would give another text.
  std::size_t b = 0;
  while (b < lines.size()) {
    if (lines[b] == '\n' || lines[b] == ' ' || lines[b] == '\t') ++b;
    else if (lines.compare(b, 3, "\xEF\xBB\xBF") == 0) b += 3;
    else break;
  }
  std::size_t e = lines.size();
  while (e > b && lines[e - 1] == '\n') --e;
  return utf8::toNfc(std::string_view(lines).substr(b, e - b));
}

}  // namespace chronicle
